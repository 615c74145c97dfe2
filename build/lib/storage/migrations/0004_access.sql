-- Access (issue #3): each user's status, where they come from, the terms they accepted.
-- Users known before this migration were already being answered: they stay approved.

ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'approved'
    CHECK (status IN ('pending', 'approved', 'denied', 'revoked', 'waitlisted'));
ALTER TABLE users ADD COLUMN status_changed_at TEXT;
ALTER TABLE users ADD COLUMN homeserver TEXT;      -- the server part of the Matrix ID
ALTER TABLE users ADD COLUMN domain TEXT;          -- the e-mail domain parsed from the localpart
ALTER TABLE users ADD COLUMN terms_version TEXT;   -- the version of the terms they accepted
ALTER TABLE users ADD COLUMN terms_accepted_at TEXT;

UPDATE users SET homeserver = substr(user_id, instr(user_id, ':') + 1);
CREATE INDEX users_status ON users(status, created_at);
