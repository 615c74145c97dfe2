-- Stopped answers and reasoning models (issue #17).
-- An answer the agent stopped (`!stop`, a ⏹️ reaction) is kept as far as it went, marked so:
-- shown with its mark again, and sent back to the model as an interrupted answer.
ALTER TABLE messages ADD COLUMN stopped INTEGER NOT NULL DEFAULT 0;
-- Whether an agent sees a reasoning model's thinking (folded after its answer); no row: hidden.
CREATE TABLE reasoning_display (
    user_id TEXT PRIMARY KEY,
    show INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
