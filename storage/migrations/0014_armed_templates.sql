-- The template each agent armed for their next answer, per room (!gabarit, issue #17): the
-- template's id, and the event of the question it was given to (NULL: still waiting), so that
-- the same question answered again (!reessayer, a restart mid-answer) gets it again and no
-- other does. Exported by !mes-donnees, erased by !oublier.
CREATE TABLE armed_templates (
    user_id TEXT NOT NULL,
    room_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    event_id TEXT,
    armed_at TEXT NOT NULL,
    PRIMARY KEY (user_id, room_id)
);
