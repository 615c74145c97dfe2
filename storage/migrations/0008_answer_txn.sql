-- The transaction id of an answer's messages, recorded before the first one is sent: after a
-- crash between that send and recording its event id, the resend carries the same id and the
-- homeserver returns the event it already has instead of posting the answer twice.
ALTER TABLE inbox ADD COLUMN answer_txn TEXT;
