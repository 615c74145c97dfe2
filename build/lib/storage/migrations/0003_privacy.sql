-- Privacy (issue #7): each agent's choices, one-time sends of held messages, anonymous counters.

-- The charter's opt-out: while analysis_opt_out = 1 none of the agent's content reaches staff
-- tools; content written before excluded_until stays excluded after they turn it off.
CREATE TABLE user_privacy (
    user_id          TEXT PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
    analysis_opt_out INTEGER NOT NULL DEFAULT 0,
    excluded_until   TEXT,
    updated_at       TEXT NOT NULL
);

-- A message held by the guard (block mode) that its author chose to send anyway, once.
CREATE TABLE privacy_overrides (
    event_id    TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);

-- What erasures and the retention job removed: counts only, never who or what.
CREATE TABLE privacy_counters (
    name   TEXT PRIMARY KEY,
    value  INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX privacy_messages_created ON messages(created_at);
CREATE INDEX privacy_conversations_user ON conversations(user_id);
CREATE INDEX privacy_inbox_sender ON inbox(sender, status);
