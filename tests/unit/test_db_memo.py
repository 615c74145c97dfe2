"""What the repositories remember between reads (storage/memo.py) and the database's one-trip
calls: each write that could change a remembered read is seen by the next read, a read from
before a write is never remembered after it, nothing outlives a restart, and a batch of writes
is one transaction, all or none, even when its caller is cancelled."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.access import AccessRepository
from storage.db import Database
from storage.documents import Chunk, DocumentRepository
from storage.feedback import AnsweredBy, FeedbackRepository
from storage.inbox import InboxRepository
from storage.instructions import InstructionsRepository
from storage.memo import Absent, Memo
from storage.privacy import PrivacyRepository
from storage.surveys import Selection, SurveyRepository, Target
from storage.templates import ArmedTemplateRepository
from storage.users import RoomKind, RoomRepository, UserRepository, UserStatus

AGENT = "@agent-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
ROOM = "!dm-agent"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(tmp_path / "db.sqlite3")
    await database.open()
    yield database
    await database.close()


class Statements:
    """Counts the statements the connection runs (a trace callback, in the database's thread)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, sql: str) -> None:
        if not sql.startswith("--"):  # triggers' and the full-text index's own
            self.seen.append(sql)

    def reads_of(self, table: str) -> int:
        return sum(1 for s in self.seen if s.startswith("SELECT") and table in s)


async def traced(db: Database) -> Statements:
    statements = Statements()
    await db.conn.set_trace_callback(statements)
    return statements


# The memo itself ----------------------------------------------------------------------------


def test_a_read_that_started_before_a_write_is_not_remembered() -> None:
    memo: Memo[str, str] = Memo()
    before = memo.generation()  # a read starts
    memo.forget("k")  # a write ends meanwhile
    memo.keep("k", "old value", before)
    assert memo.get("k") is None
    now = memo.generation()
    memo.keep("k", "new value", now)
    assert memo.get("k") == "new value"
    absent: Absent[str] = Absent()
    started = absent.generation()
    absent.forget("k")
    absent.note("k", started)
    assert "k" not in absent


def test_a_write_forgets_even_when_it_fails() -> None:
    memo: Memo[str, str] = Memo()
    memo.keep("k", "v", memo.generation())
    absent: Absent[str] = Absent()
    absent.note("k", absent.generation())
    started = memo.generation()
    with pytest.raises(RuntimeError), memo.forgetting("k"), absent.forgetting("k"):
        assert memo.get("k") == "v"  # forgotten once the write has run, not before
        raise RuntimeError("the write failed after its statement ran")
    assert memo.get("k") is None
    assert "k" not in absent
    memo.keep("k", "read during the write", started)
    assert memo.get("k") is None


def test_the_memo_is_bounded() -> None:
    memo: Memo[int, int] = Memo(max_keys=3)
    for key in range(10):
        memo.keep(key, key, memo.generation())
    assert [memo.get(k) for k in range(10)] == [None] * 7 + [7, 8, 9]


# One trip per call, and batches -------------------------------------------------------------


async def test_write_is_one_transaction_all_or_none(db: Database) -> None:
    await db.execute("CREATE TABLE probe (v TEXT NOT NULL UNIQUE)")
    results = await db.write(
        ("INSERT INTO probe VALUES (?)", ("a",)), ("INSERT INTO probe VALUES (?)", ("b",))
    )
    assert [rowcount for rowcount, _ in results] == [1, 1]
    assert results[1][1] == 2  # lastrowid of each
    with pytest.raises(sqlite3.IntegrityError):
        await db.write(
            ("INSERT INTO probe VALUES (?)", ("c",)), ("INSERT INTO probe VALUES (?)", ("a",))
        )
    assert not db.conn.in_transaction
    assert [r[0] for r in await db.fetchall("SELECT v FROM probe ORDER BY v")] == ["a", "b"]
    assert await db.write() == []


async def test_a_cancelled_write_has_ended_when_the_call_ends(db: Database) -> None:
    """Cancelled while its transaction runs in the database's thread, `write` raises
    CancelledError once the transaction is over (committed), and the lock is free."""
    await db.execute("CREATE TABLE probe (v TEXT NOT NULL)")
    release = threading.Event()
    reached = asyncio.Event()
    loop = asyncio.get_running_loop()

    def hold(statement: str) -> None:
        if statement.startswith("INSERT INTO probe VALUES ('second')"):
            loop.call_soon_threadsafe(reached.set)
            release.wait(30)

    await db.conn.set_trace_callback(hold)
    task = asyncio.create_task(
        db.write(
            ("INSERT INTO probe VALUES ('first')", ()), ("INSERT INTO probe VALUES ('second')", ())
        )
    )
    changes_when_ended: list[int] = []
    task.add_done_callback(lambda _: changes_when_ended.append(db.conn.total_changes))
    before = db.conn.total_changes
    try:
        await reached.wait()
        task.cancel()
        for _ in range(5):
            await asyncio.sleep(0)
        assert not task.done()  # still waiting for its transaction
    finally:
        release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert changes_when_ended == [before + 2]
    assert not db.conn.in_transaction
    await db.execute("INSERT INTO probe VALUES ('after')")
    assert len(await db.fetchall("SELECT v FROM probe")) == 3


async def test_reads_and_writes_take_one_trip_each(db: Database) -> None:
    trips = 0
    execute = db.conn._execute

    async def counting(fn: object, *args: object, **kwargs: object) -> object:
        nonlocal trips
        trips += 1
        return await execute(fn, *args, **kwargs)  # type: ignore[arg-type]

    db.conn._execute = counting  # type: ignore[method-assign]
    await db.execute("CREATE TABLE probe (v TEXT)")
    await db.fetchone("SELECT v FROM probe")
    await db.fetchall("SELECT v FROM probe")
    await db.write(("INSERT INTO probe VALUES ('a')", ()), ("INSERT INTO probe VALUES ('b')", ()))
    assert trips == 4


# Each repository sees its own writes --------------------------------------------------------


async def test_users_are_read_once_and_every_change_is_seen(db: Database) -> None:
    statements = await traced(db)
    users = UserRepository(db)
    access = AccessRepository(db)
    assert (await users.ensure(AGENT)).status == UserStatus.APPROVED
    for _ in range(3):
        await users.ensure(AGENT)
        await users.get(AGENT)
    assert statements.reads_of("FROM users") == 1
    await users.set_status(AGENT, UserStatus.PENDING)
    assert (await users.get(AGENT)).status == UserStatus.PENDING  # type: ignore[union-attr]
    await users.set_model(AGENT, "petit-modele")
    assert (await users.ensure(AGENT)).model == "petit-modele"
    await access.register(AGENT, homeserver="h", domain="interieur.gouv.fr", status="denied")
    assert (await users.get(AGENT)).domain == "interieur.gouv.fr"  # type: ignore[union-attr]
    assert await access.registered_at(AGENT) is not None
    await access.accept_terms(AGENT, "3")
    assert (await UserRepository(db).get(AGENT)).terms_version == "3"  # type: ignore[union-attr]


async def test_quota_reads_follow_the_usage_recorded(db: Database) -> None:
    statements = await traced(db)
    access = AccessRepository(db)
    await UserRepository(db).ensure(AGENT)
    day = "2026-12-03T00:00:00.000+00:00"
    minute = "2026-12-03T09:59:00.000+00:00"
    today, recent = await access.usage_window(AGENT, day, minute)
    assert (today.messages, recent) == (0, recent) and recent is not None
    assert recent.messages == 0
    await access.record_usage(
        AGENT, "2026-12-03T09:59:30.000+00:00", tokens_in=10, tokens_out=5, latency_ms=1, wait_ms=0
    )
    await access.record_usage(  # admitted before midnight, recorded after: not today's
        AGENT, "2026-12-02T23:59:59.000+00:00", tokens_in=1, tokens_out=1, latency_ms=1, wait_ms=0
    )
    reads = statements.reads_of("FROM usage")
    today, recent = await access.usage_window(AGENT, day, minute)
    assert statements.reads_of("FROM usage") == reads  # from memory
    assert (today.messages, today.tokens, today.first_at) == (
        1,
        15,
        "2026-12-03T09:59:30.000+00:00",
    )
    assert recent is not None and (recent.messages, recent.first_at) == (1, today.first_at)
    # The window moves on: the request leaves it, the day keeps it.
    _, recent = await access.usage_window(AGENT, day, "2026-12-03T10:00:31.000+00:00")
    assert recent is not None and recent.messages == 0
    # What memory says is what the database says.
    assert today == await access.usage_since(AGENT, day)
    await access.set_quota_override(AGENT, 5, None, "@staff:test")
    assert (await access.quota_override(AGENT)).messages_per_day == 5
    await access.set_quota_override(AGENT, None, None, "@staff:test")
    assert (await access.quota_override(AGENT)).messages_per_day is None


_STAMPS = st.integers(min_value=0, max_value=3 * 24 * 3600)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.booleans(), _STAMPS, st.integers(min_value=0, max_value=10_000)),
        max_size=60,
    )
)
def test_the_remembered_usage_always_matches_the_database(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[bool, int, int]]
) -> None:
    """Any interleaving of requests recorded (at times slightly out of order, across
    midnights) and quota checks (a day and a one-minute window, time moving forward) reads
    what the database would."""
    origin = datetime(2026, 12, 1, tzinfo=UTC)

    def iso(seconds: int) -> str:
        return (origin + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")

    async def run() -> None:
        db = Database(tmp_path_factory.mktemp("tally") / "db.sqlite3")
        await db.open()
        try:
            access = AccessRepository(db)
            await UserRepository(db).ensure(AGENT)
            now = 0
            for record, stamp, tokens in steps:
                now = max(now, stamp)
                if record:  # admitted up to two minutes before it is recorded
                    at = iso(max(0, now - stamp % 120))
                    await access.record_usage(
                        AGENT, at, tokens_in=tokens, tokens_out=1, latency_ms=0, wait_ms=0
                    )
                    continue
                day, minute = iso(now - now % 86400), iso(now - 60)
                today, recent = await access.usage_window(AGENT, day, minute)
                assert today == await access.usage_since(AGENT, day)
                assert recent == await access.usage_since(AGENT, minute)
        finally:
            await db.close()

    asyncio.run(run())


async def test_turn_hooks_ask_once_until_something_is_added(db: Database) -> None:
    statements = await traced(db)
    await UserRepository(db).ensure(AGENT)
    await RoomRepository(db).upsert(ROOM, RoomKind.DM, AGENT)
    from storage.conversations import ConversationRepository

    conversation = await ConversationRepository(db).create(ROOM, AGENT)
    instructions = InstructionsRepository(db)
    templates = ArmedTemplateRepository(db)
    documents = DocumentRepository(db)
    privacy = PrivacyRepository(db)
    feedback = FeedbackRepository(db)
    for _ in range(3):
        assert await instructions.get(AGENT) is None
        assert await templates.claim(AGENT, ROOM, "$q1") is None
        assert await documents.in_conversation(conversation) == []
        assert not await privacy.is_allowed_once("$q1")
        assert not await feedback.waiting_comment(AGENT, ROOM)
    for table in (
        "user_instructions",
        "armed_templates",
        "FROM documents",
        "privacy_overrides",
        "answer_feedback",
    ):
        assert statements.reads_of(table) == 1, table
    await instructions.set(AGENT, "Tutoiement.")
    await templates.arm(AGENT, ROOM, "note")
    await documents.add(
        conversation,
        AGENT,
        "$doc",
        "a.txt",
        "text/plain",
        "txt",
        1,
        2,
        10,
        False,
        [Chunk(1, None, "Du texte.")],
    )
    await privacy.allow_once("$q2")
    await feedback.record_reaction(
        reaction_event_id="$r",
        answer_event_id="$a",
        user_id=AGENT,
        room_id=ROOM,
        rating="down",
        answer=AnsweredBy(conversation, "m", 1),
        homeserver=None,
        domain=None,
        ask_comment=True,
    )
    assert (await instructions.get(AGENT)) is not None
    assert await templates.claim(AGENT, ROOM, "$q2") == "note"
    assert len(await documents.in_conversation(conversation)) == 1
    assert await privacy.is_allowed_once("$q2") and not await privacy.is_allowed_once("$q3")
    assert await feedback.waiting_comment(AGENT, ROOM)


async def test_a_survey_that_starts_asking_is_seen(db: Database) -> None:
    surveys = SurveyRepository(db)
    await UserRepository(db).ensure(AGENT)
    await RoomRepository(db).upsert(ROOM, RoomKind.DM, AGENT)
    assert await surveys.current(AGENT, ROOM) is None
    await surveys.save_definition("satisfaction", 1, "Satisfaction", "[survey]", "file")
    round_ = await surveys.create_round(
        "satisfaction", "command", Selection([Target(AGENT, ROOM, None, None)])
    )
    assert await surveys.current(AGENT, ROOM) is None  # queued, not asking yet
    [send] = await surveys.to_send(round_.id)
    await surveys.start_send(send.id)
    found = await surveys.current(AGENT, ROOM)
    assert found is not None and found.id == send.id


async def test_a_room_upsert_is_skipped_only_when_it_would_change_nothing(db: Database) -> None:
    statements = await traced(db)
    rooms = RoomRepository(db)
    for _ in range(3):
        await rooms.upsert(ROOM, RoomKind.DM, AGENT)
    assert sum(1 for s in statements.seen if s.startswith("INSERT INTO rooms")) == 1
    await rooms.upsert(ROOM, RoomKind.GROUP, None)
    room = await rooms.get(ROOM)
    assert room is not None and (room.kind, room.user_id) == (RoomKind.GROUP, AGENT)
    await rooms.upsert(ROOM, RoomKind.DM, AGENT)
    room = await rooms.get(ROOM)
    assert room is not None and room.kind == RoomKind.DM


async def test_nothing_is_remembered_across_a_restart(db: Database) -> None:
    assert await InstructionsRepository(db).get(AGENT) is None
    assert (await UserRepository(db).ensure(AGENT)).model is None
    await db.close()
    # Another process (a restore, a migration) changed the file while the bot was stopped.
    conn = sqlite3.connect(db.path)
    conn.execute("UPDATE users SET model = 'autre' WHERE user_id = ?", (AGENT,))
    conn.execute(
        "INSERT INTO user_instructions (user_id, content, updated_at) VALUES (?, 'x', 'now')",
        (AGENT,),
    )
    conn.commit()
    conn.close()
    await db.open()
    assert (await UserRepository(db).ensure(AGENT)).model == "autre"
    assert await InstructionsRepository(db).get(AGENT) is not None


# The inbox knows when a room has nothing more -----------------------------------------------


async def test_the_inbox_knows_a_room_has_nothing_more_pending(db: Database) -> None:
    inbox = InboxRepository(db)
    await inbox.add("$1", ROOM, AGENT, "message", "un", 1)
    await inbox.add("$2", ROOM, AGENT, "message", "deux", 2)
    first = await inbox.next_pending(ROOM)
    assert first is not None and not inbox.nothing_else_pending(ROOM)
    await inbox.mark_done(first.seq)
    second = await inbox.next_pending(ROOM)
    assert second is not None and second.event_id == "$2" and inbox.nothing_else_pending(ROOM)
    await inbox.add("$3", "!other", AGENT, "message", "ailleurs", 3)  # any room: asked again
    assert not inbox.nothing_else_pending(ROOM)
    await inbox.mark_failed(second.seq, "REF")
    assert await inbox.next_pending(ROOM) is None and inbox.nothing_else_pending(ROOM)
    await inbox.requeue(second.seq)
    assert not inbox.nothing_else_pending(ROOM)
    assert await inbox.next_pending(ROOM) is not None


async def test_a_question_is_stored_once_in_one_trip(db: Database) -> None:
    from storage.conversations import ConversationRepository

    await UserRepository(db).ensure(AGENT)
    await RoomRepository(db).upsert(ROOM, RoomKind.DM, AGENT)
    conversations = ConversationRepository(db)
    conversation = await conversations.create(ROOM, AGENT)
    await db.execute(
        "UPDATE conversations SET updated_at = 'before' WHERE id = ?", (conversation,)
    )
    assert await conversations.add_question(conversation, "Bonjour", event_id="$q", author=AGENT)
    assert not await conversations.add_question(
        conversation, "Bonjour", event_id="$q", author=AGENT
    )
    [message] = await conversations.messages(conversation)
    assert (message.role, message.content, message.event_id) == ("user", "Bonjour", "$q")
    row = await db.fetchone("SELECT updated_at FROM conversations WHERE id = ?", (conversation,))
    assert row is not None and row[0] != "before"
    await db.execute("UPDATE conversations SET updated_at = 'after' WHERE id = ?", (conversation,))
    assert not await conversations.add_question(conversation, "Bis", event_id="$q", author=AGENT)
    row = await db.fetchone("SELECT updated_at FROM conversations WHERE id = ?", (conversation,))
    assert row is not None and row[0] == "after"  # nothing added: the conversation untouched
    found = await db.fetchone("SELECT author FROM messages WHERE event_id = '$q'")
    assert found is not None and found[0] == AGENT
    assert await conversations.message_by_event("$q") is not None
