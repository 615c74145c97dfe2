-- Threads, custom instructions, searchable history (issue #9).

-- A thread of a room is a conversation of its own: NULL for the main timeline (whose current
-- conversation stays rooms.current_conversation_id), else the thread's root event.
ALTER TABLE conversations ADD COLUMN thread_root TEXT;
CREATE UNIQUE INDEX conversations_thread ON conversations(room_id, thread_root)
    WHERE thread_root IS NOT NULL;

-- Where an incoming message sat: its thread, and the event it replied to.
ALTER TABLE inbox ADD COLUMN thread_root TEXT;
ALTER TABLE inbox ADD COLUMN reply_to TEXT;

-- The agent's standing instructions (!consignes), added to every system prompt.
CREATE TABLE user_instructions (
    user_id     TEXT PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
    content     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Full-text search over message contents and conversation titles. External-content tables:
-- the text lives only in messages/conversations; the triggers keep the token index in step,
-- so a deleted message or a cleared title leaves nothing behind in the index.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE titles_fts USING fts5(
    title, content='conversations', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

INSERT INTO messages_fts (rowid, content) SELECT id, content FROM messages;
INSERT INTO titles_fts (rowid, title) SELECT id, title FROM conversations WHERE title IS NOT NULL;

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
END;

CREATE TRIGGER titles_fts_insert AFTER INSERT ON conversations WHEN new.title IS NOT NULL BEGIN
    INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER titles_fts_delete AFTER DELETE ON conversations WHEN old.title IS NOT NULL BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
-- One trigger, in this order: old tokens out, then new ones in.
CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON conversations BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, title)
        SELECT 'delete', old.id, old.title WHERE old.title IS NOT NULL;
    INSERT INTO titles_fts (rowid, title) SELECT new.id, new.title WHERE new.title IS NOT NULL;
END;
