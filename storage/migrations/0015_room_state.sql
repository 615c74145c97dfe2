-- What the bot keeps of each joined room's Matrix state across restarts (issue 16), so that the
-- first sync after a restart need not ask for the full state of every room: whether the room
-- is encrypted and how (the m.room.encryption content's algorithm and rotation settings), and
-- its member counts (an agent's DM or a group room). A row is a room the bot is joined to; a
-- room it left or was removed from is deleted. No personal data: room ids and counts only.
CREATE TABLE room_state (
    room_id TEXT PRIMARY KEY,
    encrypted INTEGER NOT NULL,
    algorithm TEXT,
    rotation_period_ms INTEGER,
    rotation_period_msgs INTEGER,
    joined_members INTEGER NOT NULL,
    invited_members INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
