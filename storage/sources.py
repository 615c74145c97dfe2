"""Official sources in SQL: each agent's on/off choice, and the numbered sources of an answer
(kept with the web's, in web_sources, so that !sources lists them all)."""

from __future__ import annotations

from collections.abc import Sequence

from storage.db import Database
from storage.privacy import register_personal_data
from storage.web import WebRepository

# The agent's choice is theirs: exported by !mes-donnees, erased by !oublier.
register_personal_data("official_sources_settings", "user_id", "official_sources_settings")


class SourcesRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def enabled(self, user_id: str) -> bool | None:
        """The agent's !sources publiques on/off choice; None when they never chose."""
        row = await self.db.fetchone(
            "SELECT enabled FROM official_sources_settings WHERE user_id = ?", (user_id,)
        )
        return None if row is None else bool(row["enabled"])

    async def set_enabled(self, user_id: str, on: bool) -> None:
        now = self.db.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR IGNORE INTO users (user_id, created_at) VALUES (?, ?)", (user_id, now)
            )
            await conn.execute(
                "INSERT INTO official_sources_settings (user_id, enabled, updated_at) "
                "VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                "enabled = excluded.enabled, updated_at = excluded.updated_at",
                (user_id, int(on), now),
            )

    async def save_answer_sources(
        self, user_id: str, room_id: str, event_id: str, sources: Sequence[tuple[str, str]]
    ) -> None:
        """(title, url) of every source of the answer to `event_id`, numbered from 1 as cited
        (web pages and official documents together, in the one table `!sources` reads);
        replaces what was saved for it."""
        await WebRepository(self.db).save_sources(user_id, room_id, event_id, sources)
