-- The home page's newest members: read backwards along this index instead of sorting every
-- member (measured: the home page at 444 requests/s on 20,000 members without it).
CREATE INDEX users_created ON users (created_at, id);
