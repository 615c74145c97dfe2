"""The template each agent armed for their next answer, per room (!gabarit).

One row per agent and room, replaced at each choice: the template's id, and the event of the
question it was applied to, so that the same question answered again (!reessayer, a restart
mid-answer) gets it again and no other does. A personal record: `!mes-donnees` exports it and
`!oublier` erases it.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database
from storage.memo import Absent
from storage.privacy import register_personal_data

register_personal_data("armed_templates", "user_id", "armed_templates")


@dataclass(frozen=True)
class ArmedTemplate:
    template_id: str
    armed_at: str
    event_id: str | None  # the question it was applied to; None: still waiting for one


class _NoneArmed(Absent[tuple[str, str]]):
    """(agent, room) known to have no row: most answers have no template."""


class ArmedTemplateRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def arm(
        self, user_id: str, room_id: str, template_id: str, event_id: str | None = None
    ) -> None:
        """Replace the agent's armed template; `event_id`: already given to that question."""
        try:
            await self.db.execute(
                "INSERT INTO armed_templates (user_id, room_id, template_id, event_id, armed_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id, room_id) DO UPDATE SET "
                "template_id = excluded.template_id, event_id = excluded.event_id, "
                "armed_at = excluded.armed_at",
                (user_id, room_id, template_id, event_id, self.db.now()),
            )
        finally:
            self.db.shared(_NoneArmed).forget((user_id, room_id))

    async def get(self, user_id: str, room_id: str) -> ArmedTemplate | None:
        """The template waiting for the agent's next question (None once it was used)."""
        row = await self.db.fetchone(
            "SELECT template_id, armed_at, event_id FROM armed_templates "
            "WHERE user_id = ? AND room_id = ? AND event_id IS NULL",
            (user_id, room_id),
        )
        if row is None:
            return None
        return ArmedTemplate(str(row["template_id"]), str(row["armed_at"]), None)

    async def disarm(self, user_id: str, room_id: str) -> bool:
        """True when a template was waiting."""
        waiting = await self.get(user_id, room_id)
        await self.db.execute(
            "DELETE FROM armed_templates WHERE user_id = ? AND room_id = ?", (user_id, room_id)
        )
        return waiting is not None

    async def claim(self, user_id: str, room_id: str, event_id: str) -> str | None:
        """The template id for the answer to `event_id`: a waiting template is given to it
        (once); the same question asked again gets it again; any other question gets none."""
        where = "WHERE user_id = ? AND room_id = ?"
        # Most answers have no template: no write lock, and no read once known.
        absent = self.db.shared(_NoneArmed)
        if (user_id, room_id) in absent:
            return None
        generation = absent.generation()
        if (
            await self.db.fetchone(f"SELECT 1 FROM armed_templates {where}", (user_id, room_id))
            is None
        ):
            absent.note((user_id, room_id), generation)
            return None
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                f"SELECT template_id, event_id FROM armed_templates {where}", (user_id, room_id)
            )
            row = await cur.fetchone()
            if row is None:
                return None
            template_id, given_to = str(row[0]), row[1]
            if given_to == event_id:
                return template_id
            if given_to is not None:  # used by an earlier question: nothing to keep
                await conn.execute(f"DELETE FROM armed_templates {where}", (user_id, room_id))
                return None
            await conn.execute(
                f"UPDATE armed_templates SET event_id = ? {where}", (event_id, user_id, room_id)
            )
            return template_id
