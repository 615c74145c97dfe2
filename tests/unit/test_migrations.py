"""Upgrades: a database filled by the oldest schema migrates to the latest with its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.conversations import ConversationRepository
from storage.db import Database, _split_sql, load_migrations
from storage.inbox import InboxRepository
from storage.users import RoomRepository, UserRepository, UserStatus

AGENT = "@marie.dupont-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
T0 = "2026-01-05T09:00:00.000+00:00"


def schema_at(path: Path, version: int) -> None:
    """The database as the bot left it when `version` was its latest migration."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    for number, _name, sql in load_migrations()[:version]:
        conn.execute("BEGIN")
        for statement in _split_sql(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={number}")
        conn.execute("COMMIT")
    conn.close()


def fill_as_version_1(path: Path) -> None:
    """What the first release wrote: an agent, a DM, a titled conversation, an inbox."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("INSERT INTO users (user_id, created_at, model) VALUES (?, ?, NULL)", (AGENT, T0))
    conn.execute(
        "INSERT INTO conversations (id, room_id, user_id, title, created_at, updated_at) "
        "VALUES (1, '!dm', ?, 'Télétravail des agents', ?, ?)",
        (AGENT, T0, T0),
    )
    conn.execute(
        "INSERT INTO rooms (room_id, kind, user_id, joined_at, current_conversation_id) "
        "VALUES ('!dm', 'dm', ?, ?, 1)",
        (AGENT, T0),
    )
    for role, content, event in (
        ("user", "Quelles sont les règles du télétravail ?", "$q1"),
        ("assistant", "Le télétravail est encadré par le décret de 2016.", "$a1"),
    ):
        conn.execute(
            "INSERT INTO messages (conversation_id, role, content, event_id, created_at) "
            "VALUES (1, ?, ?, ?, ?)",
            (role, content, event, T0),
        )
    conn.execute(
        "INSERT INTO inbox (event_id, room_id, sender, kind, body, origin_ts, received_at) "
        "VALUES ('$pending', '!dm', ?, 'message', 'Et les jours fériés ?', 1, ?)",
        (AGENT, T0),
    )
    conn.execute("INSERT INTO kv (key, value) VALUES ('sync_token', 's42_7')")
    conn.close()


async def test_a_database_filled_by_the_first_release_upgrades_with_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite3"
    schema_at(path, 1)
    fill_as_version_1(path)
    async with Database(path) as db:
        assert await db.user_version() == load_migrations()[-1][0]
        user = await UserRepository(db).get(AGENT)
        # Agents of the first release had access without asking: they stay approved.
        assert user is not None and user.status == UserStatus.APPROVED
        assert user.homeserver == "agent.interieur.tchap.gouv.fr"
        room = await RoomRepository(db).get("!dm")
        assert room is not None and room.current_conversation_id == 1
        conversations = ConversationRepository(db)
        # Messages and titles written before the full-text index exist in it.
        hits = await conversations.search("décret", user_id=AGENT, room_id="!dm", limit=5)
        assert [hit.conversation.id for hit in hits] == [1]
        hits = await conversations.search(
            "télétravail agents", user_id=AGENT, room_id="!dm", limit=5
        )
        assert [hit.conversation.id for hit in hits] == [1]
        pending = await InboxRepository(db).next_pending("!dm")
        assert pending is not None and pending.body == "Et les jours fériés ?"
        row = await db.fetchone("SELECT value FROM kv WHERE key = 'sync_token'")
        assert row is not None and row[0] == "s42_7"
        # The upgraded database works as a new one: new rows, integrity, foreign keys.
        await conversations.add_message(1, "user", "Et les jours fériés ?", event_id="$pending")
        row = await db.fetchone("PRAGMA integrity_check")
        assert row is not None and row[0] == "ok"
        assert await db.fetchall("PRAGMA foreign_key_check") == []


@pytest.mark.parametrize("start", range(1, len(load_migrations())))
async def test_every_schema_version_upgrades_to_the_latest(tmp_path: Path, start: int) -> None:
    path = tmp_path / "db.sqlite3"
    schema_at(path, start)
    fill_as_version_1(path)
    async with Database(path) as db:
        assert await db.user_version() == load_migrations()[-1][0]
        row = await db.fetchone("PRAGMA integrity_check")
        assert row is not None and row[0] == "ok"
        assert await db.fetchall("PRAGMA foreign_key_check") == []
    # The same schema as a database created at the latest version.
    fresh = tmp_path / "fresh.sqlite3"
    async with Database(fresh):
        pass

    def schema(p: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(p)
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
        conn.close()
        return [(name, " ".join(sql.split())) for name, sql in rows]

    assert schema(path) == schema(fresh)
