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

-- When the access gate first classified the user (NULL: known only through another table).
ALTER TABLE users ADD COLUMN registered_at TEXT;
UPDATE users SET registered_at = created_at;

-- Every decision about a user's access: who did what, when, why.
CREATE TABLE access_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,           -- an admin's id, or 'system' for automatic decisions
    action TEXT NOT NULL,          -- register, approve, deny, revoke, waitlist, promote, quota...
    user_id TEXT,                  -- the user concerned (NULL for !capacity)
    detail TEXT                    -- a reason, a status, a number
);
CREATE INDEX access_audit_user ON access_audit(user_id, id);

-- One row per model request: for quotas and statistics (no content).
CREATE TABLE usage (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL,              -- when the request was admitted (UTC ISO)
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    latency_ms INTEGER NOT NULL DEFAULT 0,
    wait_ms INTEGER NOT NULL DEFAULT 0   -- time spent in the fair queue
);
CREATE INDEX usage_user_at ON usage(user_id, at);

-- Per-user quotas set by !quota (NULL: the [limits] default).
CREATE TABLE quota_overrides (
    user_id TEXT PRIMARY KEY,
    messages_per_day INTEGER,
    tokens_per_day INTEGER,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);
