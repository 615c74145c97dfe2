"""Transactions under cancellation: whichever await a task is cancelled at (once, or twice as
when shutdown follows a timeout), the transaction is closed before the call ends, and the next
transaction and the next single write commit and survive a restart."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import aiosqlite
import pytest

from bot import ops
from bot.context import Services
from bot.ops import OpsServer
from storage.db import Database

# Long enough never to be reached in a passing run; bounds a wedged one.
HOLD_LIMIT = 30.0


class Hold:
    """Holds aiosqlite's thread at the start of the first statement that begins with `sql`:
    the statement is running as far as its awaiting task can tell, and the task can be
    cancelled there. (A trace callback runs in that thread, before the statement does.)"""

    def __init__(self, sql: str) -> None:
        self.sql = sql
        self.loop = asyncio.get_running_loop()
        self.reached = asyncio.Event()
        self.release = threading.Event()
        self._armed = True

    def trace(self, statement: str) -> None:
        if self._armed and statement.startswith(self.sql):
            self._armed = False
            self.loop.call_soon_threadsafe(self.reached.set)
            self.release.wait(HOLD_LIMIT)


class SlowRead:
    """`SELECT slow()` keeps the connection's thread busy until released (a long read)."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.started = asyncio.Event()
        self.release = threading.Event()

    def __call__(self) -> int:
        self.loop.call_soon_threadsafe(self.started.set)
        self.release.wait(HOLD_LIMIT)
        return 1

    async def start(self, db: Database) -> asyncio.Task[aiosqlite.Row | None]:
        await db.conn.create_function("slow", 0, self)
        read = asyncio.create_task(db.fetchone("SELECT slow()"))
        await self.started.wait()
        return read


async def turns(n: int = 5) -> None:
    """Let the event loop run the cancelled task up to its next wait (the held thread cannot
    move meanwhile, so this waits for nothing that could race)."""
    for _ in range(n):
        await asyncio.sleep(0)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(tmp_path / "db.sqlite3")
    await database.open()
    await database.execute("CREATE TABLE probe (v TEXT NOT NULL)")
    yield database
    await database.close()


async def values(db: Database) -> list[str]:
    return [row[0] for row in await db.fetchall("SELECT v FROM probe ORDER BY rowid")]


async def later_writes_are_kept(db: Database, before: list[str]) -> None:
    """The next transaction and the next single write commit, and a restart keeps them."""
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO probe VALUES ('next transaction')")
    await db.execute("INSERT INTO probe VALUES ('next write')")
    await db.close()
    await db.open()
    assert await values(db) == [*before, "next transaction", "next write"]
    assert not db.conn.in_transaction


# The await points of a transaction ---------------------------------------------------------


@dataclass(frozen=True)
class Point:
    hold: str  # the statement aiosqlite's thread is held in when the task is cancelled
    body: str  # "inserts", "fails" (after one insert) or "waits" (before any statement)
    kept: bool  # whether the two inserts are committed all the same


POINTS = {
    "BEGIN": Point("BEGIN IMMEDIATE", "inserts", kept=False),
    "first statement": Point("INSERT INTO probe VALUES ('a')", "inserts", kept=False),
    "second statement": Point("INSERT INTO probe VALUES ('b')", "inserts", kept=False),
    "COMMIT": Point("COMMIT", "inserts", kept=True),
    "ROLLBACK after an error": Point("ROLLBACK", "fails", kept=False),
    "between BEGIN and the first statement, then ROLLBACK": Point("ROLLBACK", "waits", kept=False),
}


async def run_transaction(db: Database, body: str, entered: asyncio.Event) -> None:
    async with db.transaction() as conn:
        if body == "waits":
            entered.set()
            await asyncio.Event().wait()  # cancelled here, before any statement
        await conn.execute("INSERT INTO probe VALUES ('a')")
        if body == "fails":
            raise ValueError("the body failed")
        await conn.execute("INSERT INTO probe VALUES ('b')")


@pytest.mark.parametrize("name", list(POINTS))
async def test_a_cancelled_transaction_is_closed_before_the_call_ends(
    db: Database, name: str
) -> None:
    point = POINTS[name]
    hold = Hold(point.hold)
    await db.conn.set_trace_callback(hold.trace)
    entered = asyncio.Event()
    task = asyncio.create_task(run_transaction(db, point.body, entered))
    # What the connection looked like at the moment the cancelled call gave control back.
    open_when_ended: list[bool] = []
    task.add_done_callback(lambda _: open_when_ended.append(db.conn.in_transaction))
    try:
        if point.body == "waits":
            await entered.wait()
            task.cancel()  # a timeout, say; the ROLLBACK it causes is held below
        await hold.reached.wait()
        task.cancel()
        await turns()
        task.cancel()  # then shutdown cancels again: the cleanup must still finish
        await turns()
    finally:
        hold.release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert open_when_ended == [False]
    kept = ["a", "b"] if point.kept else []
    assert await values(db) == kept
    await later_writes_are_kept(db, kept)


async def test_a_transaction_timed_out_behind_a_long_read_leaves_nothing_open(
    db: Database,
) -> None:
    """What /readyz used to do: a transaction under a timeout while a long read holds the
    connection. The BEGIN runs after the timeout; it must not stay open."""
    slow = SlowRead()
    read = await slow.start(db)
    deadlines: list[asyncio.Timeout] = []

    async def probe() -> None:
        async with asyncio.timeout(None) as deadline:
            deadlines.append(deadline)
            async with db.transaction():
                pass

    task = asyncio.create_task(probe())
    try:
        await turns()  # the BEGIN is queued behind the read
        deadlines[0].reschedule(asyncio.get_running_loop().time())
        await turns()
    finally:
        slow.release.set()
    with pytest.raises(TimeoutError):
        await task
    assert await read is not None
    await later_writes_are_kept(db, [])


async def test_readiness_reads_and_a_timeout_abandons_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/readyz behind a long read: not ready (timeout), and every write after it is kept."""
    monkeypatch.setattr(ops, "DB_CHECK_TIMEOUT", 0)  # times out at its first wait
    server = OpsServer(cast(Services, SimpleNamespace(db=db)), last_sync_at=lambda: None)
    slow = SlowRead()
    read = await slow.start(db)
    try:
        assert await server.db_check() == (False, "TimeoutError")
    finally:
        slow.release.set()
    assert await read is not None
    monkeypatch.setattr(ops, "DB_CHECK_TIMEOUT", 5.0)
    assert await server.db_check() == (True, "ok")
    await later_writes_are_kept(db, [])


async def test_a_failed_commit_is_rolled_back(db: Database) -> None:
    """A COMMIT can fail and leave the transaction open (here a deferred foreign key)."""
    await db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    await db.execute(
        "CREATE TABLE child (parent_id INTEGER NOT NULL "
        "REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"
    )
    with pytest.raises(sqlite3.IntegrityError):
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO probe VALUES ('orphan')")
            await conn.execute("INSERT INTO child VALUES (42)")
    assert not db.conn.in_transaction
    await later_writes_are_kept(db, [])


async def test_a_single_write_never_lands_in_a_stale_transaction(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever left a transaction open, the next write rolls it back, says so, and commits."""
    await db.conn.execute("BEGIN")
    await db.conn.execute("INSERT INTO probe VALUES ('stale')")
    with caplog.at_level(logging.ERROR, logger="storage.db"):
        await db.execute("INSERT INTO probe VALUES ('kept')")
    assert any("left open" in r.getMessage() for r in caplog.records)
    assert await values(db) == ["kept"]
    await later_writes_are_kept(db, ["kept"])


async def test_a_cancelled_single_write_ends_before_the_call_does(db: Database) -> None:
    """Cancelled while its statement runs, a single write raises CancelledError once the
    statement is done: the write is kept and the write lock covered it to the end."""
    hold = Hold("INSERT INTO probe VALUES ('single')")
    await db.conn.set_trace_callback(hold.trace)
    before = db.conn.total_changes
    task = asyncio.create_task(db.execute("INSERT INTO probe VALUES ('single')"))
    changes_when_ended: list[int] = []
    task.add_done_callback(lambda _: changes_when_ended.append(db.conn.total_changes))
    try:
        await hold.reached.wait()
        task.cancel()
        await turns()
    finally:
        hold.release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert changes_when_ended == [before + 1]
    await later_writes_are_kept(db, ["single"])
