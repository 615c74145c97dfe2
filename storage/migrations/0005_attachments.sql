-- Attachments (issue #4): documents read in a conversation, their chunks, a full-text index.

-- One document an agent sent in a conversation: deleted with the conversation (and so by
-- !oublier, the retention job, or !oublier-document). Only metadata and extracted text are kept.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL,      -- who sent it (group conversations have no owner)
    event_id        TEXT,
    filename        TEXT NOT NULL,
    mimetype        TEXT,
    kind            TEXT NOT NULL,      -- pdf, docx, odt, xlsx, csv, pptx, text, html, rtf, ocr
    pages           INTEGER,            -- pages, slides or sheets; NULL for plain text
    words           INTEGER NOT NULL,
    chars           INTEGER NOT NULL,
    truncated       INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);
CREATE INDEX documents_conversation ON documents(conversation_id, id);
CREATE INDEX documents_user ON documents(user_id);
CREATE INDEX documents_created ON documents(created_at);

-- Passages of a document, with where they come from (page or section).
CREATE TABLE document_chunks (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    page        INTEGER,
    section     TEXT,
    text        TEXT NOT NULL
);
CREATE INDEX document_chunks_document ON document_chunks(document_id, position);

-- BM25 over the chunks; an external-content table kept in step by the triggers below
-- (cascaded deletes fire them too).
CREATE VIRTUAL TABLE document_chunks_fts USING fts5(
    text, content='document_chunks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER document_chunks_ai AFTER INSERT ON document_chunks BEGIN
    INSERT INTO document_chunks_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER document_chunks_ad AFTER DELETE ON document_chunks BEGIN
    INSERT INTO document_chunks_fts (document_chunks_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;

-- The media of an incoming event (url or encrypted file with its key, mimetype, size), kept
-- until the event is handled: the key lets anyone read the file, so it does not stay.
ALTER TABLE inbox ADD COLUMN media TEXT;
