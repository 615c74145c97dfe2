-- Web lookups (issue #5): each agent's automatic-search choice, and the sources of answers.

-- !web on / !web off; no row = the configured default.
CREATE TABLE web_settings (
    user_id      TEXT PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
    auto_search  INTEGER NOT NULL,
    updated_at   TEXT NOT NULL
);

-- The pages an answer was given (links read, search results), numbered as cited, for !sources.
-- They reveal what the agent looked for: exported, erased and expired like their messages.
CREATE TABLE web_sources (
    id          INTEGER PRIMARY KEY,
    user_id     TEXT NOT NULL,
    room_id     TEXT NOT NULL,
    event_id    TEXT NOT NULL,   -- the question's event
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    url         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE INDEX web_sources_room_user ON web_sources(room_id, user_id, id);
CREATE INDEX web_sources_created ON web_sources(created_at);
