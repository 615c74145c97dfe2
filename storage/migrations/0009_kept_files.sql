-- Erasure leaves no file behind (issue 13): the files written to disk with [attachments]
-- keep_files are recorded, and a file whose record goes waits in a queue until it is erased.

-- A received file kept in keep_dir, recorded before it is written. It goes with the agent's
-- data (!oublier), with the retention period, and with the document or the message made from
-- it (!oublier-document, a deleted conversation).
CREATE TABLE kept_files (
    event_id    TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    path        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX kept_files_user ON kept_files(user_id);
CREATE INDEX kept_files_created ON kept_files(created_at);

-- Files to overwrite and remove: filled in the erasing transaction, emptied once each file is
-- gone from the disk; what a crash leaves in between is done by the next erasure or retention.
CREATE TABLE files_to_erase (
    path TEXT PRIMARY KEY
);

CREATE TRIGGER kept_files_ad AFTER DELETE ON kept_files BEGIN
    INSERT OR IGNORE INTO files_to_erase (path) VALUES (old.path);
END;

CREATE TRIGGER documents_kept_file_ad AFTER DELETE ON documents WHEN old.event_id IS NOT NULL
BEGIN
    DELETE FROM kept_files WHERE event_id = old.event_id;
END;

-- A voice message or an image leaves no document: its file goes with the turn's message.
CREATE TRIGGER messages_kept_file_ad AFTER DELETE ON messages WHEN old.event_id IS NOT NULL
BEGIN
    DELETE FROM kept_files WHERE event_id = old.event_id;
END;

-- Passages deleted before this version left their words in the index's segments: merged away.
INSERT INTO document_chunks_fts (document_chunks_fts) VALUES ('optimize');
