-- Experimentation (issue #6): surveys and their rounds, each agent's progress and answers,
-- opt-outs and reminders; feedback on answers (reactions, comments) and free feedback.

-- Survey definitions the bot knows: from [surveys] dir or uploaded to the support room.
CREATE TABLE surveys (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    source      TEXT NOT NULL,          -- the TOML definition, as validated
    origin      TEXT NOT NULL CHECK (origin IN ('file', 'upload')),
    closed_at   TEXT,                   -- !survey close: no more sends, no more answers
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One sending of a survey (a command or the schedule). A scheduled round has a key (the month)
-- so that it happens once however many times the job fires or the bot restarts.
CREATE TABLE survey_rounds (
    id            INTEGER PRIMARY KEY,
    survey_id     TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    origin        TEXT NOT NULL CHECK (origin IN ('command', 'schedule')),
    round_key     TEXT UNIQUE,
    requested_by  TEXT,
    status        TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'done')),
    planned       INTEGER NOT NULL DEFAULT 0,   -- sends queued when the round was created
    skipped_cap   INTEGER NOT NULL DEFAULT 0,
    skipped_opt_out INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    finished_at   TEXT
);

-- One agent asked one survey: at most once (UNIQUE), queued before any message is sent, so a
-- restart resumes the round without losing or repeating anyone. `txn_id` is the Matrix
-- transaction id of the first message: a send retried after a crash is deduplicated by the
-- homeserver. `position` is the question being asked; it survives restarts.
CREATE TABLE survey_sends (
    id            INTEGER PRIMARY KEY,
    round_id      INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    survey_id     TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    room_id       TEXT NOT NULL,
    homeserver    TEXT,
    domain        TEXT,
    status        TEXT NOT NULL DEFAULT 'queued' CHECK (status IN
                  ('queued', 'asking', 'postponed', 'completed', 'stopped', 'failed', 'closed')),
    position      INTEGER NOT NULL DEFAULT 0,
    question_event_id TEXT,         -- the question shown last (digit reactions answer it)
    txn_id        TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    sent_at       TEXT,
    updated_at    TEXT NOT NULL,
    remind_at     TEXT,             -- after !plus-tard
    reminded      INTEGER NOT NULL DEFAULT 0,
    finished_at   TEXT,
    UNIQUE (survey_id, user_id)
);
CREATE INDEX survey_sends_round ON survey_sends(round_id, status, id);
CREATE INDEX survey_sends_user ON survey_sends(user_id, status);
CREATE INDEX survey_sends_remind ON survey_sends(status, remind_at);

-- Answers other than free text: JSON (a number, an option index, a list of indexes, a bool),
-- NULL when skipped. For a text question the row only says it was answered (the text is below).
CREATE TABLE survey_answers (
    send_id      INTEGER NOT NULL REFERENCES survey_sends(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    question_id  TEXT NOT NULL,
    value        TEXT,
    skipped      INTEGER NOT NULL DEFAULT 0,
    event_id     TEXT,              -- the reply that answered: a replayed event is not re-read
    created_at   TEXT NOT NULL,
    PRIMARY KEY (send_id, question_id)
);

-- Free-text answers: the agent's own words, erased by !oublier and by the retention job.
CREATE TABLE survey_text_answers (
    send_id      INTEGER NOT NULL REFERENCES survey_sends(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    question_id  TEXT NOT NULL,
    text         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (send_id, question_id)
);

-- !sondages off: never asked again (until !sondages on).
CREATE TABLE survey_opt_outs (
    user_id      TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL
);

-- A reaction on one of the bot's answers, with what the answer was made of.
CREATE TABLE answer_feedback (
    id                INTEGER PRIMARY KEY,
    reaction_event_id TEXT NOT NULL UNIQUE,
    answer_event_id   TEXT NOT NULL,
    user_id           TEXT NOT NULL,
    room_id           TEXT NOT NULL,
    conversation_id   INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
    model             TEXT,
    latency_ms        INTEGER,
    rating            TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment           TEXT,             -- the one line after a thumbs-down, if any
    comment_asked_at  TEXT,             -- while set and recent, the next message is the comment
    created_at        TEXT NOT NULL,
    UNIQUE (answer_event_id, user_id, rating)
);
CREATE INDEX answer_feedback_user ON answer_feedback(user_id, comment_asked_at);

-- Anonymous tallies of reactions (day, ministry, model): they stay when an agent's feedback is
-- erased, so the statistics keep their counts without keeping who said what.
CREATE TABLE feedback_tallies (
    day         TEXT NOT NULL,
    homeserver  TEXT NOT NULL DEFAULT '',
    domain      TEXT NOT NULL DEFAULT '',
    model       TEXT NOT NULL DEFAULT '',
    rating      TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    count       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, homeserver, domain, model, rating)
);

-- !avis: free feedback, forwarded to the support room and kept here.
CREATE TABLE free_feedback (
    id          INTEGER PRIMARY KEY,
    user_id     TEXT NOT NULL,
    homeserver  TEXT,
    domain      TEXT,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX free_feedback_user ON free_feedback(user_id);
CREATE INDEX stats_messages_event ON messages(event_id);
