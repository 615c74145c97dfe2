"""The inbox: every event the bot must answer, so that none is lost or answered twice."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import aiosqlite

from storage.db import Database


class InboxStatus(StrEnum):
    """An inbox row's state (stored as these strings)."""

    PENDING = "pending"  # to handle, or in progress (attempts counts the starts)
    DONE = "done"  # handled: its content is dropped
    FAILED = "failed"  # the user was told; kept for !reessayer or a release (error_ref says why)


@dataclass(frozen=True)
class InboxItem:
    seq: int
    event_id: str
    room_id: str
    sender: str
    kind: str
    msgtype: str
    body: str | None
    origin_ts: int
    status: InboxStatus
    answer_event_id: str | None
    attempts: int
    error_ref: str | None
    media: str | None = None  # JSON: the attachment of a media event, until handled
    thread_root: str | None = None  # the thread the message was posted in (m.thread)
    reply_to: str | None = None  # the event it replied to (m.in_reply_to)
    answer_txn: str | None = None  # transaction id base of the answer's messages


@dataclass(frozen=True)
class Undecrypted:
    event_id: str
    room_id: str
    sender: str
    session_id: str
    source: str


_COLUMNS = (
    "seq, event_id, room_id, sender, kind, msgtype, body, origin_ts, status, answer_event_id, "
    "attempts, error_ref, media, thread_root, reply_to, answer_txn"
)


def _item(r: aiosqlite.Row) -> InboxItem:
    return InboxItem(
        r["seq"],
        r["event_id"],
        r["room_id"],
        r["sender"],
        r["kind"],
        r["msgtype"],
        r["body"],
        r["origin_ts"],
        InboxStatus(r["status"]),
        r["answer_event_id"],
        r["attempts"],
        r["error_ref"],
        r["media"],
        r["thread_root"],
        r["reply_to"],
        r["answer_txn"],
    )


class _Queued:
    """What the inbox knows without reading it: whether a room has another pending event."""

    def __init__(self) -> None:
        # Moves on each time an event becomes pending (added, or queued again).
        self.generation = 0
        # Room -> the generation at which next_pending saw at most one pending event there.
        self.alone: dict[str, int] = {}


class InboxRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def _queued(self) -> _Queued:
        return self.db.shared(_Queued)

    @contextlib.contextmanager
    def _becoming_pending(self) -> Iterator[None]:
        """Around a write that makes an event pending: the generation moves before (a reader
        in between reads again) and after (even if the write failed or was cancelled)."""
        queued = self._queued
        queued.generation += 1
        try:
            yield
        finally:
            queued.generation += 1

    async def pending_count(self) -> int:
        """Events waiting to be handled, in every room (the queue-depth gauge)."""
        row = await self.db.fetchone("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'")
        return int(row["n"]) if row else 0

    async def senders_since(self, since: str) -> int:
        """Distinct senders of events received since `since` (ISO, UTC)."""
        row = await self.db.fetchone(
            "SELECT COUNT(DISTINCT sender) AS n FROM inbox WHERE received_at >= ?", (since,)
        )
        return int(row["n"]) if row else 0

    async def add(
        self,
        event_id: str,
        room_id: str,
        sender: str,
        kind: str,
        body: str | None,
        origin_ts: int,
        msgtype: str = "m.text",
        *,
        media: str | None = None,
        thread_root: str | None = None,
        reply_to: str | None = None,
    ) -> bool:
        """Store an event once; False if it was already there (a replayed sync)."""
        with self._becoming_pending():
            rowcount, _ = await self.db.execute(
                "INSERT OR IGNORE INTO inbox (event_id, room_id, sender, kind, msgtype, body, "
                "origin_ts, received_at, media, thread_root, reply_to) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event_id,
                    room_id,
                    sender,
                    kind,
                    msgtype,
                    body,
                    origin_ts,
                    self.db.now(),
                    media,
                    thread_root,
                    reply_to,
                ),
            )
            return rowcount > 0

    async def add_handled(
        self,
        event_id: str,
        room_id: str,
        sender: str,
        origin_ts: int,
        msgtype: str = "m.text",
    ) -> bool:
        """Store an event handled on arrival (a stop that reached an answer in flight) as done
        already, without its body; False if it was already there."""
        now = self.db.now()
        rowcount, _ = await self.db.execute(
            "INSERT OR IGNORE INTO inbox (event_id, room_id, sender, kind, msgtype, body, "
            "origin_ts, received_at, status, done_at) "
            "VALUES (?, ?, ?, 'message', ?, NULL, ?, ?, 'done', ?)",
            (event_id, room_id, sender, msgtype, origin_ts, now, now),
        )
        return rowcount > 0

    async def next_pending(self, room_id: str) -> InboxItem | None:
        queued = self._queued
        generation = queued.generation
        rows = await self.db.fetchall(
            # Arrival order as the homeserver saw it: events fetched late to fill a gap, or
            # decrypted once their key came, still go before what was sent after them.
            f"SELECT {_COLUMNS} FROM inbox WHERE room_id = ? AND status = 'pending' "
            "ORDER BY origin_ts, seq LIMIT 2",
            (room_id,),
        )
        if len(rows) < 2:
            queued.alone[room_id] = generation
        else:
            queued.alone.pop(room_id, None)
        return _item(rows[0]) if rows else None

    def nothing_else_pending(self, room_id: str) -> bool:
        """True when the event next_pending last returned for this room was its only pending
        one and no event became pending since: once that event is handled, asking
        next_pending again would find nothing."""
        queued = self._queued
        return queued.alone.get(room_id) == queued.generation

    async def rooms_with_pending(self) -> list[str]:
        rows = await self.db.fetchall(
            "SELECT room_id FROM inbox WHERE status = 'pending' GROUP BY room_id ORDER BY MIN(seq)"
        )
        return [r["room_id"] for r in rows]

    async def start_attempt(self, seq: int, answer_txn: str | None = None) -> None:
        """Count one more start; record `answer_txn` as the answer's transaction id base
        unless one is recorded already (one write for both, before anything is sent)."""
        await self.db.execute(
            "UPDATE inbox SET attempts = attempts + 1, answer_txn = coalesce(answer_txn, ?) "
            "WHERE seq = ?",
            (answer_txn, seq),
        )

    async def set_answer_txn(self, seq: int, txn: str) -> None:
        await self.db.execute("UPDATE inbox SET answer_txn = ? WHERE seq = ?", (txn, seq))

    async def set_answer_event(self, seq: int, answer_event_id: str) -> None:
        await self.db.execute(
            "UPDATE inbox SET answer_event_id = ? WHERE seq = ?", (answer_event_id, seq)
        )

    async def mark_done(self, seq: int) -> None:
        # The conversation keeps the text it needs; the inbox copy is no longer needed.
        await self.db.execute(
            "UPDATE inbox SET status = 'done', body = NULL, media = NULL, error_ref = NULL, "
            "done_at = ? "
            "WHERE seq = ?",
            (self.db.now(), seq),
        )

    async def mark_failed(self, seq: int, error_ref: str) -> None:
        await self.db.execute(
            "UPDATE inbox SET status = 'failed', error_ref = ?, answer_event_id = NULL, "
            "answer_txn = NULL, done_at = ? WHERE seq = ?",
            (error_ref, self.db.now(), seq),
        )

    async def last_failed(self, room_id: str) -> InboxItem | None:
        row = await self.db.fetchone(
            f"SELECT {_COLUMNS} FROM inbox WHERE room_id = ? AND status = 'failed' "
            "ORDER BY seq DESC LIMIT 1",
            (room_id,),
        )
        return _item(row) if row else None

    async def requeue(self, seq: int) -> None:
        with self._becoming_pending():
            await self.db.execute(
                "UPDATE inbox SET status = 'pending', error_ref = NULL, done_at = NULL, "
                "attempts = 0 WHERE seq = ?",
                (seq,),
            )

    async def get(self, event_id: str) -> InboxItem | None:
        row = await self.db.fetchone(
            f"SELECT {_COLUMNS} FROM inbox WHERE event_id = ?", (event_id,)
        )
        return _item(row) if row else None

    # Undecryptable events -------------------------------------------------------------

    async def add_undecrypted(
        self, event_id: str, room_id: str, sender: str, session_id: str, source: str
    ) -> bool:
        rowcount, _ = await self.db.execute(
            "INSERT OR IGNORE INTO undecrypted (event_id, room_id, sender, session_id, source, "
            "received_at) VALUES (?, ?, ?, ?, ?, ?)",
            (event_id, room_id, sender, session_id, source, self.db.now()),
        )
        return rowcount > 0

    async def undecrypted(self) -> list[Undecrypted]:
        rows = await self.db.fetchall(
            "SELECT event_id, room_id, sender, session_id, source FROM undecrypted "
            "ORDER BY received_at"
        )
        return [
            Undecrypted(r["event_id"], r["room_id"], r["sender"], r["session_id"], r["source"])
            for r in rows
        ]

    async def remove_undecrypted(self, event_id: str) -> None:
        await self.db.execute("DELETE FROM undecrypted WHERE event_id = ?", (event_id,))


class StateRepository:
    """Small key/value state: the sync position."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, key: str) -> str | None:
        row = await self.db.fetchone("SELECT value FROM kv WHERE key = ?", (key,))
        return str(row["value"]) if row else None

    async def set(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO kv (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
