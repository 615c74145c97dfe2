"""Web lookups in SQL: each agent's automatic-search choice, the sources of their answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.db import Database
from storage.privacy import register_personal_data

# The agent's choice and what they looked up are theirs: exported by !mes-donnees, erased by
# !oublier; the sources also expire with the retention period.
register_personal_data("web_settings", "user_id", "web_settings")
register_personal_data("web_sources", "user_id", "web_sources", created_column="created_at")


@dataclass(frozen=True)
class StoredSource:
    position: int
    title: str
    url: str
    created_at: str


class WebRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def auto_search(self, user_id: str) -> bool | None:
        """The agent's !web on / !web off choice; None when they never chose."""
        row = await self.db.fetchone(
            "SELECT auto_search FROM web_settings WHERE user_id = ?", (user_id,)
        )
        return None if row is None else bool(row["auto_search"])

    async def set_auto_search(self, user_id: str, on: bool) -> None:
        now = self.db.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR IGNORE INTO users (user_id, created_at) VALUES (?, ?)", (user_id, now)
            )
            await conn.execute(
                "INSERT INTO web_settings (user_id, auto_search, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(user_id) DO UPDATE SET auto_search = excluded.auto_search, "
                "updated_at = excluded.updated_at",
                (user_id, int(on), now),
            )

    async def save_sources(
        self, user_id: str, room_id: str, event_id: str, sources: Sequence[tuple[str, str]]
    ) -> None:
        """(title, url) of the answer to `event_id`, numbered from 1 as cited; a retried
        answer replaces what its first attempt saved."""
        now = self.db.now()
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM web_sources WHERE event_id = ?", (event_id,))
            for position, (title, url) in enumerate(sources, start=1):
                await conn.execute(
                    "INSERT INTO web_sources (user_id, room_id, event_id, position, title, url, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (user_id, room_id, event_id, position, title, url, now),
                )

    async def last_sources(self, user_id: str, room_id: str) -> list[StoredSource]:
        """The sources of the agent's latest answer that had any, in this room."""
        row = await self.db.fetchone(
            "SELECT event_id FROM web_sources WHERE room_id = ? AND user_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (room_id, user_id),
        )
        if row is None:
            return []
        rows = await self.db.fetchall(
            "SELECT position, title, url, created_at FROM web_sources WHERE event_id = ? "
            "ORDER BY position",
            (row["event_id"],),
        )
        return [StoredSource(r["position"], r["title"], r["url"], r["created_at"]) for r in rows]
