-- Core schema: users, rooms, conversations, messages, the inbox of incoming events, sync state.

CREATE TABLE users (
    user_id     TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    model       TEXT             -- model chosen with !modele; NULL = configured default
);

CREATE TABLE rooms (
    room_id                 TEXT PRIMARY KEY,
    kind                    TEXT NOT NULL CHECK (kind IN ('dm', 'group', 'support')),
    user_id                 TEXT REFERENCES users(user_id) ON DELETE SET NULL,
    joined_at               TEXT NOT NULL,
    current_conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL
);

CREATE TABLE conversations (
    id          INTEGER PRIMARY KEY,
    room_id     TEXT NOT NULL,
    user_id     TEXT REFERENCES users(user_id) ON DELETE CASCADE,
    title       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX conversations_room ON conversations(room_id, updated_at);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content         TEXT NOT NULL,
    event_id        TEXT,           -- the Matrix event: the user's message or the bot's answer
    model           TEXT,
    tokens_in       INTEGER,
    tokens_out      INTEGER,
    latency_ms      INTEGER,        -- send of the request to the last token
    ttft_ms         INTEGER,        -- send of the request to the first token
    created_at      TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);

-- Every event the bot must act on, written before the sync position moves past it.
-- A row is answered once: 'pending' -> 'done', or 'failed' (kept for !reessayer).
CREATE TABLE inbox (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id         TEXT NOT NULL UNIQUE,
    room_id          TEXT NOT NULL,
    sender           TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('message', 'greeting')),
    msgtype          TEXT NOT NULL DEFAULT 'm.text',
    body             TEXT,           -- cleared once answered: the conversation keeps the text
    origin_ts        INTEGER NOT NULL,
    received_at      TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'done', 'failed')),
    answer_event_id  TEXT,           -- first message of the answer, so a resumed answer edits it
    attempts         INTEGER NOT NULL DEFAULT 0,
    error_ref        TEXT,
    done_at          TEXT
);
CREATE INDEX inbox_pending ON inbox(status, room_id, seq);

-- Encrypted events the bot could not decrypt yet, retried when room keys arrive.
CREATE TABLE undecrypted (
    event_id    TEXT PRIMARY KEY,
    room_id     TEXT NOT NULL,
    sender      TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    source      TEXT NOT NULL,     -- the encrypted event as JSON (ciphertext only)
    received_at TEXT NOT NULL
);

CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
