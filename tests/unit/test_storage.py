"""Storage: migrations, the inbox's once-only guarantees, conversations."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.conversations import ConversationRepository
from storage.db import Database, DatabaseTooNew, load_migrations
from storage.inbox import InboxRepository
from storage.users import RoomRepository


async def test_migrations_apply_once_and_track_user_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    latest = load_migrations()[-1][0]
    async with Database(path) as db:
        assert await db.user_version() == latest
        row = await db.fetchone("PRAGMA journal_mode")
        assert row is not None and row[0] == "wal"
        row = await db.fetchone("PRAGMA foreign_keys")
        assert row is not None and row[0] == 1
    async with Database(path) as db:  # reopening applies nothing twice
        assert await db.user_version() == latest


async def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with Database(path) as db:
        await db.execute("PRAGMA user_version=999")
    with pytest.raises(DatabaseTooNew):
        await Database(path).open()


async def test_inbox_stores_each_event_once_and_keeps_failed_ones(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        inbox = InboxRepository(db)
        assert await inbox.add("$1", "!r", "@u:x", "message", "bonjour", 1)
        assert not await inbox.add("$1", "!r", "@u:x", "message", "bonjour", 1)
        assert await inbox.add("$2", "!r", "@u:x", "message", "suite", 2)
        assert await inbox.rooms_with_pending() == ["!r"]
        first = await inbox.next_pending("!r")
        assert first is not None and first.event_id == "$1"
        await inbox.mark_done(first.seq)
        done = await inbox.get("$1")
        assert done is not None and done.status == "done" and done.body is None
        second = await inbox.next_pending("!r")
        assert second is not None and second.event_id == "$2"
        await inbox.mark_failed(second.seq, "ABC123")
        assert await inbox.next_pending("!r") is None
        failed = await inbox.last_failed("!r")
        assert failed is not None and failed.body == "suite" and failed.error_ref == "ABC123"
        await inbox.requeue(failed.seq)
        again = await inbox.next_pending("!r")
        assert again is not None and again.event_id == "$2"


async def test_a_new_conversation_is_titled_and_current_in_one_write(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        rooms = RoomRepository(db)
        await rooms.upsert("!r", "dm", "@u:x")
        await rooms.upsert("!other", "dm", "@v:x")
        conversations = ConversationRepository(db)
        elsewhere = await conversations.create("!other", "@v:x", title="Ailleurs")
        first = await conversations.create("!r", "@u:x", title="Première question")
        assert first != elsewhere
        current = await conversations.current("!r")
        assert current is not None and current.id == first
        assert current.title == "Première question"
        other = await conversations.current("!other")
        assert other is not None and other.id == elsewhere and other.title == "Ailleurs"
        # A thread's conversation is not the room's current one.
        thread = await conversations.create("!r", "@u:x", thread_root="$root", title="Fil")
        current = await conversations.current("!r")
        assert current is not None and current.id == first
        found = await conversations.for_thread("!r", "$root", "@u:x")
        assert found is not None and found.id == thread and found.title == "Fil"


async def test_conversations_list_and_current(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        await RoomRepository(db).upsert("!r", "dm", "@u:x")
        conversations = ConversationRepository(db)
        first = await conversations.create("!r", "@u:x")
        await conversations.add_message(first, "user", "q1", event_id="$q1")
        second = await conversations.create("!r", "@u:x")
        current = await conversations.current("!r")
        assert current is not None and current.id == second
        # An empty conversation is not listed in the history.
        assert [c.id for c in await conversations.list_recent("!r", "@u:x", 10)] == [first]
        await conversations.add_message(second, "user", "q2")
        assert [c.id for c in await conversations.list_recent("!r", "@u:x", 10)] == [second, first]
        # Someone else's conversations in the same room (a DM that became a group) are not.
        assert await conversations.list_recent("!r", "@other:x", 10) == []
        assert await conversations.list_recent("!r", None, 10) == []
        # A question already stored for its event is not stored again (a resumed event).
        assert not await conversations.add_question(first, "q1", event_id="$q1", author="@u:x")
        assert [m.content for m in await conversations.messages(first)] == ["q1"]
