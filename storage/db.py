"""The SQLite database: connection settings, numbered migrations, transactions."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import aiosqlite

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_CHECKPOINT_ATTEMPTS = 10

Clock = Callable[[], datetime]

T = TypeVar("T")
S = TypeVar("S")


def utcnow() -> datetime:
    return datetime.now(UTC)


class DatabaseTooNew(RuntimeError):
    """The database was migrated by a newer version of the bot."""


def load_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every shipped migration, in order, numbered without gaps."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    for expected, (version, name, _) in enumerate(found, start=1):
        if version != expected:
            raise RuntimeError(f"migration {name} out of sequence (expected {expected:04d})")
    return found


class Database:
    """One aiosqlite connection in WAL mode; repositories share it."""

    def __init__(self, path: Path, *, clock: Clock = utcnow) -> None:
        self.path = path
        self.clock = clock
        self._conn: aiosqlite.Connection | None = None
        # One connection serves every task: writes and transactions take turns.
        self._write_lock = asyncio.Lock()
        self._shared: dict[type[Any], Any] = {}

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    def shared(self, kind: type[S]) -> S:
        """The one `kind()` of this open database: what every repository instance must share
        (see storage/memo.py). Emptied when the database opens: nothing outlives a restart."""
        found = self._shared.get(kind)
        if found is None:
            found = self._shared[kind] = kind()
        return cast(S, found)

    def now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="milliseconds")

    async def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._shared = {}
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute("PRAGMA busy_timeout=5000")
        await conn.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows and freed pages are overwritten with zeros, whatever the build's default:
        # erased text must not stay in the file's free space.
        await conn.execute("PRAGMA secure_delete=ON")
        self._conn = conn
        try:
            await self._migrate()
        except BaseException:
            # An open connection keeps its worker thread, and the process, alive.
            await self.close()
            raise

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def __aenter__(self) -> Database:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def user_version(self) -> int:
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        migrations = load_migrations()
        current = await self.user_version()
        latest = migrations[-1][0] if migrations else 0
        if current > latest:
            raise DatabaseTooNew(
                f"{self.path} is at schema version {current}, this code knows up to {latest}: "
                "upgrade the bot instead of downgrading the database"
            )
        for version, name, sql in migrations[current:]:
            # executescript would commit on its own; run statements inside one transaction.
            async with self.transaction() as conn:
                for statement in _split_sql(sql):
                    await conn.execute(statement)
                await self.conn.execute(f"PRAGMA user_version={version}")
            log.info("database migrated to %s", name)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on error; one at a time.

        Safe under cancellation at every await. aiosqlite runs a statement in its thread
        whether or not its caller still waits, so a BEGIN, COMMIT or ROLLBACK is always awaited
        to its end, the transaction is closed, and only then does the cancellation go on: when
        this returns or raises, no transaction is open and the write lock is free.

        A cancellation that arrives during COMMIT still raises CancelledError, after a COMMIT
        that took place: a cancelled task must stop (timeouts and shutdown rely on it), so a
        CancelledError says nothing about whether the writes were kept, as for a single write.
        """
        async with self._write_lock:
            conn = self.conn
            await _end_stale_transaction(conn, "transaction")
            try:
                await _in_thread_to_the_end(conn, _run, "BEGIN IMMEDIATE")
            except BaseException:
                # Cancelled while BEGIN waited or ran: it may have opened the transaction.
                await _rollback(conn)
                raise
            try:
                yield conn
            except BaseException:
                await _rollback(conn)
                raise
            try:
                await _in_thread_to_the_end(conn, _run, "COMMIT")
            except BaseException:
                # A failed COMMIT (deferred foreign key, disk full) leaves the transaction open;
                # a cancelled one that went through leaves nothing to roll back.
                await _rollback(conn)
                raise

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> tuple[int, int | None]:
        """Run one write statement on its own; returns (rowcount, lastrowid).

        The statement ends before the write lock is free, even when the caller is cancelled
        (then it raises CancelledError, the statement having run or failed).
        """
        async with self._write_lock:
            conn = self.conn
            await _end_stale_transaction(conn, "execute")
            return await _in_thread_to_the_end(conn, _run, sql, params)

    async def write(self, *statements: tuple[str, Sequence[Any]]) -> list[tuple[int, int | None]]:
        """Run write statements in one transaction (BEGIN IMMEDIATE … COMMIT, all or none), in
        one trip to the database's thread; returns (rowcount, lastrowid) of each.

        As for `execute`, the transaction has ended (committed, or rolled back on an error)
        before the write lock is free, even when the caller is cancelled.
        """
        if not statements:
            return []
        async with self._write_lock:
            conn = self.conn
            await _end_stale_transaction(conn, "write")
            return await _in_thread_to_the_end(conn, _run_all, statements)

    async def checkpoint(self) -> bool:
        """Copy the WAL into the database file and truncate it to zero bytes.

        After an erasure the WAL still holds the page images written before it, erased text
        included, until they are overwritten. A statement still being read on the connection
        makes SQLite refuse (table locked): tried again a few times; False if it never went
        through (the next erasure or retention run checkpoints again).
        """
        for attempt in range(_CHECKPOINT_ATTEMPTS):
            async with self._write_lock:
                conn = self.conn
                await _end_stale_transaction(conn, "checkpoint")
                try:
                    row = await _in_thread_to_the_end(
                        conn, _fetchone, "PRAGMA wal_checkpoint(TRUNCATE)", ()
                    )
                except sqlite3.OperationalError as exc:
                    log.debug("checkpoint refused: %s", exc)
                    row = None
            if row is not None and row[0] == 0:
                return True
            await asyncio.sleep(0.02 * (attempt + 1))
        log.warning("the WAL could not be checkpointed: readers kept it busy")
        return False

    async def ping(self) -> None:
        """A read of the schema: the connection answers and the file is readable. Takes no
        lock and opens no transaction, so a timeout around it leaves nothing behind."""
        await self.fetchone("SELECT count(*) FROM sqlite_master")

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Row | None:
        conn = self.conn
        row: aiosqlite.Row | None = await _in_thread(conn, _fetchone, sql, params)
        return row

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        conn = self.conn
        rows: list[aiosqlite.Row] = await _in_thread(conn, _fetchall, sql, params)
        return rows


# One trip to aiosqlite's thread per call -------------------------------------------------------
#
# aiosqlite's cursor API costs a trip to its thread (a queue put, a wake-up of the event loop)
# for the statement, another for the fetch and another to close the cursor. These run the
# whole call in the thread in one trip, through the function aiosqlite's own methods use.


def _in_thread(conn: aiosqlite.Connection, fn: Callable[..., T], *args: Any) -> Awaitable[T]:
    """fn(sqlite3 connection, *args) in aiosqlite's thread, in one trip."""
    sqlite_conn = conn._conn  # raises ValueError once closed, as aiosqlite's methods do
    aw: Awaitable[T] = conn._execute(fn, sqlite_conn, *args)  # type: ignore[no-untyped-call]
    return aw


async def _in_thread_to_the_end(conn: aiosqlite.Connection, fn: Callable[..., T], *args: Any) -> T:
    """As `_in_thread`, and if this task is cancelled meanwhile, the call still ends (it is
    queued in the thread already) before the cancellation goes on. No task is created unless
    a cancellation comes."""
    try:
        return await _in_thread(conn, fn, *args)
    except asyncio.CancelledError:
        # The thread takes calls in order: once a call queued after this one has run, this one
        # has run too (or failed, its error lost with the cancellation, as before).
        with suppress(sqlite3.Error, ValueError):
            await _to_the_end(_in_thread(conn, _nothing))
        raise


def _nothing(sqlite_conn: sqlite3.Connection) -> None:
    return None


def _run(
    sqlite_conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()
) -> tuple[int, int | None]:
    cur = sqlite_conn.execute(sql, params)
    try:
        return cur.rowcount, cur.lastrowid
    finally:
        cur.close()


def _run_all(
    sqlite_conn: sqlite3.Connection, statements: Sequence[tuple[str, Sequence[Any]]]
) -> list[tuple[int, int | None]]:
    sqlite_conn.execute("BEGIN IMMEDIATE")
    try:
        results = [_run(sqlite_conn, sql, params) for sql, params in statements]
        sqlite_conn.execute("COMMIT")
    except BaseException:
        # A failed statement, or a failed COMMIT (a deferred foreign key), leaves it open.
        if sqlite_conn.in_transaction:
            try:
                sqlite_conn.execute("ROLLBACK")
            except sqlite3.Error as exc:
                log.error("rollback failed, the transaction is still open: %s", exc)
        raise
    return results


def _fetchone(
    sqlite_conn: sqlite3.Connection, sql: str, params: Sequence[Any]
) -> aiosqlite.Row | None:
    cur = sqlite_conn.execute(sql, params)
    try:
        row: aiosqlite.Row | None = cur.fetchone()
        return row
    finally:
        cur.close()


def _fetchall(
    sqlite_conn: sqlite3.Connection, sql: str, params: Sequence[Any]
) -> list[aiosqlite.Row]:
    cur = sqlite_conn.execute(sql, params)
    try:
        return list(cur.fetchall())
    finally:
        cur.close()


async def _to_the_end(aw: Awaitable[T]) -> T:
    """Await `aw` until it ends even if this task is cancelled meanwhile, then raise the
    cancellation (the cancellation wins over the statement's own error, which is logged)."""
    task = asyncio.ensure_future(aw)
    cancelled: asyncio.CancelledError | None = None
    while not task.done():
        try:
            await asyncio.wait((task,))
        except asyncio.CancelledError as exc:
            cancelled = exc
    if cancelled is not None:
        if not task.cancelled() and task.exception() is not None:
            log.warning("statement of a cancelled task failed: %s", task.exception())
        raise cancelled
    return task.result()


def _in_transaction(conn: aiosqlite.Connection) -> bool:
    try:
        return conn.in_transaction
    except ValueError:  # closed: closing rolled back whatever was open
        return False


async def _rollback(conn: aiosqlite.Connection) -> None:
    """ROLLBACK if a transaction is open, to its end even when cancelled; a failure is logged
    (the next write tries again) so that the error being handled is the one that propagates."""
    if not _in_transaction(conn):
        return  # never opened, committed, or already rolled back by SQLite after an error
    try:
        await _to_the_end(conn.execute("ROLLBACK"))
    except (sqlite3.Error, ValueError) as exc:
        if _in_transaction(conn):
            log.error("rollback failed, the transaction is still open: %s", exc)


async def _end_stale_transaction(conn: aiosqlite.Connection, where: str) -> None:
    """Outside transaction() no transaction may be open: a write would stay in it, uncommitted,
    until it is lost at the next restart. Roll it back, loudly."""
    if _in_transaction(conn):
        log.error("a transaction was left open outside transaction(): rolled back (%s)", where)
        await _rollback(conn)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, the way sqlite3 itself sees them end."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") for part in buffer.strip().splitlines()
    ):
        raise ValueError("migration ends with an incomplete statement")
    return statements
