"""Retention's bulk deletion in slices: oldest first, bounded per transaction, counted."""

from __future__ import annotations

from pathlib import Path

from storage.db import Database
from storage.privacy import PrivacyRepository
from storage.retention import delete_messages_slice

OLD = "2020-01-01T00:00:00.000+00:00"
NEW = "2026-01-01T00:00:00.000+00:00"


async def test_slices_delete_the_old_messages_only(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.sqlite3")
    await db.open()
    try:
        await db.execute(
            "INSERT INTO conversations (id, room_id, title, created_at, updated_at) "
            "VALUES (1, '!r', 't', ?, ?)",
            (OLD, NEW),
        )
        for i in range(7):
            await db.execute(
                "INSERT INTO messages (conversation_id, role, content, created_at) "
                "VALUES (1, 'user', ?, ?)",
                (f"message {i}", OLD if i < 5 else NEW),
            )
        cutoff = "2021-01-01T00:00:00.000+00:00"
        assert [await delete_messages_slice(db, cutoff, limit=2) for _ in range(4)] == [2, 2, 1, 0]
        rows = await db.fetchall("SELECT content FROM messages ORDER BY id")
        assert [r["content"] for r in rows] == ["message 5", "message 6"]
        assert (await PrivacyRepository(db).counters())["retention_messages"] == 5
        fts = await db.fetchall(
            "SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'message'"
        )
        assert len(fts) == 2  # the search index lost them too
    finally:
        await db.close()
