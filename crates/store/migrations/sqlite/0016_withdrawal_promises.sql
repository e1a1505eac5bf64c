-- The statistics row of the reasons given for a closed withdrawal, kept only while the
-- withdrawal can still be undone: undoing it removes the reasons (so a withdrawal undone and
-- closed again counts once), and the purge clears this link so that nothing ties the
-- reasons to the member afterwards.
ALTER TABLE withdrawals ADD COLUMN reason_id BIGINT;
