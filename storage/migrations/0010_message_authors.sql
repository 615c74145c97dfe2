-- Conversations belong to a person: every user message records who wrote it (the inbox, which
-- knew, is emptied over time), and a thread has one conversation per owner, so a DM that
-- became a group room never hands its owner's thread to a newcomer.
ALTER TABLE messages ADD COLUMN author TEXT;
UPDATE messages SET author = COALESCE(
    (SELECT i.sender FROM inbox i WHERE i.event_id = messages.event_id),
    (SELECT c.user_id FROM conversations c WHERE c.id = messages.conversation_id)
) WHERE role = 'user';
CREATE INDEX messages_author ON messages(author) WHERE author IS NOT NULL;

DROP INDEX conversations_thread;
CREATE UNIQUE INDEX conversations_thread ON conversations(room_id, thread_root, COALESCE(user_id, ''))
    WHERE thread_root IS NOT NULL;
