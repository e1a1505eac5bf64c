-- An invitation reward is once per person, not once per account: the invited member's e-mail
-- address is kept with the reward as a keyed hash (never the address), normalised so that
-- `Taro+2@example.jp` and `taro@example.jp` are one address. It stays after the member's
-- purge, like the reward row, so that withdrawing and signing up again with the same address
-- earns nothing twice. Rewards booked before this have none (NULLs do not collide).
ALTER TABLE invite_rewards ADD COLUMN invitee_address TEXT;
CREATE UNIQUE INDEX invite_rewards_address ON invite_rewards (invitee_address);
