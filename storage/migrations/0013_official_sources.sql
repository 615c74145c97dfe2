-- Official sources (issue #17): each agent's !sources publiques on/off choice.
-- The sources of an answer go to web_sources (0006), numbered with the web's pages.

-- No row = the configured default (sources.auto_default).
CREATE TABLE official_sources_settings (
    user_id     TEXT PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
    enabled     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);
