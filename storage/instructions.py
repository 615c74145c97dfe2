"""Each agent's standing instructions (!consignes), added to the system prompt."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database
from storage.memo import Absent
from storage.privacy import register_personal_data

# !mes-donnees exports them, !oublier erases them; no retention: the agent keeps them until
# they remove them (they are settings, not conversation content).
register_personal_data("user_instructions", "user_id", "custom_instructions")


@dataclass(frozen=True)
class Instructions:
    content: str
    updated_at: str


class _WithoutInstructions(Absent[str]):
    """Agents known to have none (most): every answer asks."""


class InstructionsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, user_id: str) -> Instructions | None:
        absent = self.db.shared(_WithoutInstructions)
        if user_id in absent:
            return None
        generation = absent.generation()
        row = await self.db.fetchone(
            "SELECT content, updated_at FROM user_instructions WHERE user_id = ?", (user_id,)
        )
        if row is None:
            absent.note(user_id, generation)
            return None
        return Instructions(row["content"], row["updated_at"])

    async def set(self, user_id: str, content: str) -> None:
        now = self.db.now()
        try:
            await self.db.write(
                (
                    "INSERT OR IGNORE INTO users (user_id, created_at) VALUES (?, ?)",
                    (user_id, now),
                ),
                (
                    "INSERT INTO user_instructions (user_id, content, updated_at) "
                    "VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                    "content = excluded.content, updated_at = excluded.updated_at",
                    (user_id, content, now),
                ),
            )
        finally:
            self.db.shared(_WithoutInstructions).forget(user_id)

    async def clear(self, user_id: str) -> bool:
        rowcount, _ = await self.db.execute(
            "DELETE FROM user_instructions WHERE user_id = ?", (user_id,)
        )
        return rowcount > 0
