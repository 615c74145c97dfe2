"""The agents' privacy rights in SQL: settings, held messages, their data, erasure, retention.

Text an agent wrote can live in several tables. Conversations, messages and the inbox are
handled here; a later feature that stores an agent's text (feedback, survey answers...) calls
`register_personal_data(...)` once at import so that `!mes-donnees` exports it, `!oublier` erases
it and the retention job expires it, without this module changing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiosqlite

from storage.db import Database
from storage.memo import Absent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PersonalDataTable:
    """A table with text about an agent: `user_column` holds their Matrix id."""

    table: str
    user_column: str
    label: str  # key in the !mes-donnees export
    created_column: str | None = None  # rows older than the retention period are deleted
    # False: exported by !mes-donnees but kept by !oublier and the retention job (records that
    # must keep applying, like settings: a survey already sent, an opt-out).
    erase: bool = True


PERSONAL_DATA_TABLES: list[PersonalDataTable] = []


def register_personal_data(
    table: str,
    user_column: str,
    label: str,
    created_column: str | None = None,
    *,
    erase: bool = True,
) -> None:
    entry = PersonalDataTable(table, user_column, label, created_column, erase)
    if entry not in PERSONAL_DATA_TABLES:
        PERSONAL_DATA_TABLES.append(entry)


# Statements run after every erasure and retention purge, in the same transaction: an index
# that keeps deleted text in its storage until merged (FTS5) registers its merge here.
AFTER_DELETE_STATEMENTS: list[str] = []


def register_after_delete(statement: str) -> None:
    if statement not in AFTER_DELETE_STATEMENTS:
        AFTER_DELETE_STATEMENTS.append(statement)


async def complete_erasure(db: Database) -> None:
    """After an erasure committed: no copy of the erased text may be left anywhere.

    Deleted rows are zeroed in the file (secure_delete) and FTS5 segments merged in the
    erasing transaction; here the files its rows named (`files_to_erase`, filled by triggers)
    are overwritten and removed, then the WAL, which still holds the page images written
    before the erasure, is checkpointed and truncated.
    """
    erased = 0
    for row in await db.fetchall("SELECT path FROM files_to_erase ORDER BY path"):
        try:
            await asyncio.to_thread(_shred, Path(row["path"]))
        except OSError as exc:  # kept in the queue: the next erasure or retention run retries
            log.error("a kept file could not be erased: %s", exc.strerror)
            continue
        await db.execute("DELETE FROM files_to_erase WHERE path = ?", (row["path"],))
        erased += 1
    if erased:
        log.info("%d kept files erased", erased)
    await db.checkpoint()


def _shred(path: Path) -> None:
    """Overwrite a file with zeros, then remove it (blocking: run in a thread). A symbolic
    link or anything but a regular file is removed, never followed nor written to."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return
    except OSError:
        if not path.is_symlink():
            raise
    else:
        with os.fdopen(fd, "wb") as file:  # from an fd: not truncated, written over
            info = os.fstat(file.fileno())
            if stat.S_ISREG(info.st_mode):
                zeros = bytes(min(info.st_size, 1 << 20))
                written = 0
                while written < info.st_size:
                    written += file.write(zeros[: info.st_size - written])
                file.flush()
                os.fsync(file.fileno())
    path.unlink(missing_ok=True)


@dataclass(frozen=True)
class PrivacySettings:
    opt_out: bool = False
    excluded_until: str | None = None
    updated_at: str | None = None


@dataclass(frozen=True)
class ErasureCounts:
    conversations: int = 0
    messages: int = 0
    inbox: int = 0
    other: int = 0


@dataclass(frozen=True)
class RetentionCounts:
    messages: int = 0
    conversations: int = 0
    titles: int = 0
    inbox: int = 0
    undecrypted: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.messages + self.conversations + self.inbox + self.undecrypted + self.other


@dataclass(frozen=True)
class ReviewMessage:
    role: str
    content: str
    created_at: str
    model: str | None


@dataclass
class ReviewConversation:
    id: int
    kind: str  # "dm" or "group"
    created_at: str
    agents: list[str]  # Matrix ids, for the caller to replace by aliases
    messages: list[ReviewMessage] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewSelection:
    conversations: list[ReviewConversation]
    excluded_messages: int  # opted out, or author unknown


def _rows(rows: Sequence[aiosqlite.Row]) -> list[dict[str, Any]]:
    return [dict(r) for r in rows]


# The key of `_NoOverride` that stands for every event.
_ANY_EVENT = ""


class _NoOverride(Absent[str]):
    """privacy_overrides known to be empty (`_ANY_EVENT`)."""


class PrivacyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # Settings ---------------------------------------------------------------------------

    async def settings(self, user_id: str) -> PrivacySettings:
        row = await self.db.fetchone(
            "SELECT analysis_opt_out, excluded_until, updated_at FROM user_privacy "
            "WHERE user_id = ?",
            (user_id,),
        )
        if row is None:
            return PrivacySettings()
        return PrivacySettings(
            bool(row["analysis_opt_out"]), row["excluded_until"], row["updated_at"]
        )

    async def set_opt_out(self, user_id: str, opt_out: bool) -> None:
        """On: nothing of theirs reaches staff tools. Off: what came before stays excluded."""
        now = self.db.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR IGNORE INTO users (user_id, created_at) VALUES (?, ?)", (user_id, now)
            )
            if opt_out:
                await conn.execute(
                    "INSERT INTO user_privacy (user_id, analysis_opt_out, updated_at) "
                    "VALUES (?, 1, ?) ON CONFLICT(user_id) DO UPDATE SET analysis_opt_out = 1, "
                    "updated_at = excluded.updated_at",
                    (user_id, now),
                )
            else:
                await conn.execute(
                    "UPDATE user_privacy SET analysis_opt_out = 0, excluded_until = ?, "
                    "updated_at = ? WHERE user_id = ? AND analysis_opt_out = 1",
                    (now, now, user_id),
                )

    async def dm_room(self, user_id: str) -> str | None:
        """The agent's direct-message room with the bot, the most recent one."""
        row = await self.db.fetchone(
            "SELECT room_id FROM rooms WHERE kind = 'dm' AND user_id = ? "
            "ORDER BY joined_at DESC LIMIT 1",
            (user_id,),
        )
        return str(row["room_id"]) if row else None

    # Held messages ------------------------------------------------------------------------

    async def held_event(self, room_id: str, sender: str, error_ref: str) -> str | None:
        """The sender's latest message the guard held in this room, still unsent."""
        row = await self.db.fetchone(
            "SELECT event_id FROM inbox WHERE room_id = ? AND sender = ? AND status = 'failed' "
            "AND error_ref = ? ORDER BY seq DESC LIMIT 1",
            (room_id, sender, error_ref),
        )
        return str(row["event_id"]) if row else None

    async def allow_once(self, event_id: str) -> None:
        try:
            await self.db.execute(
                "INSERT OR IGNORE INTO privacy_overrides (event_id, created_at) VALUES (?, ?)",
                (event_id, self.db.now()),
            )
        finally:
            self.db.shared(_NoOverride).forget(_ANY_EVENT)

    async def is_allowed_once(self, event_id: str) -> bool:
        # Asked for every question; the table is empty most of the time.
        absent = self.db.shared(_NoOverride)
        if _ANY_EVENT in absent:
            return False
        generation = absent.generation()
        row = await self.db.fetchone(
            "SELECT EXISTS (SELECT 1 FROM privacy_overrides) AS any_event, "
            "EXISTS (SELECT 1 FROM privacy_overrides WHERE event_id = ?) AS this_event",
            (event_id,),
        )
        if row is None or not row["any_event"]:
            absent.note(_ANY_EVENT, generation)
            return False
        return bool(row["this_event"])

    # Counters -----------------------------------------------------------------------------

    async def _add_counters(self, conn: aiosqlite.Connection, counts: dict[str, int]) -> None:
        for name, value in counts.items():
            await conn.execute(
                "INSERT INTO privacy_counters (name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                (name, value),
            )

    async def counters(self) -> dict[str, int]:
        rows = await self.db.fetchall("SELECT name, value FROM privacy_counters ORDER BY name")
        return {r["name"]: int(r["value"]) for r in rows}

    # One agent's data ---------------------------------------------------------------------

    async def _group_message_ids(self, user_id: str) -> list[tuple[int, int]]:
        """(conversation id, message id) of the agent's messages in conversations that are not
        theirs (group rooms; a DM that gained members before conversations had owners), and of
        the answers to them: each message records its author."""
        rows = await self.db.fetchall(
            "SELECT m.id, m.conversation_id FROM messages m "
            "JOIN conversations c ON c.id = m.conversation_id "
            "WHERE m.author = ? AND m.role = 'user' AND c.user_id IS NOT ? ORDER BY m.id",
            (user_id, user_id),
        )
        found: list[tuple[int, int]] = []
        for row in rows:
            found.append((row["conversation_id"], row["id"]))
            answer = await self.db.fetchone(
                "SELECT id, role FROM messages WHERE conversation_id = ? AND id > ? "
                "ORDER BY id LIMIT 1",
                (row["conversation_id"], row["id"]),
            )
            if answer is not None and answer["role"] == "assistant":
                found.append((row["conversation_id"], answer["id"]))
        return found

    async def user_data(self, user_id: str) -> dict[str, Any]:
        """Everything stored about the agent, for !mes-donnees (JSON-ready)."""
        db = self.db
        user = await db.fetchone(
            "SELECT user_id, created_at, model FROM users WHERE user_id = ?", (user_id,)
        )
        settings = await db.fetchone(
            "SELECT analysis_opt_out, excluded_until, updated_at FROM user_privacy "
            "WHERE user_id = ?",
            (user_id,),
        )
        rooms = await db.fetchall(
            "SELECT room_id, kind, joined_at FROM rooms WHERE user_id = ? ORDER BY joined_at",
            (user_id,),
        )
        conversations = []
        for conv in await db.fetchall(
            "SELECT id, room_id, title, created_at, updated_at FROM conversations "
            "WHERE user_id = ? ORDER BY id",
            (user_id,),
        ):
            messages = await db.fetchall(
                "SELECT role, content, created_at, model, tokens_in, tokens_out FROM messages "
                "WHERE conversation_id = ? ORDER BY id",
                (conv["id"],),
            )
            conversations.append({**dict(conv), "messages": _rows(messages)})
        group: dict[int, dict[str, Any]] = {}
        for conversation_id, message_id in await self._group_message_ids(user_id):
            message = await db.fetchone(
                "SELECT m.role, m.content, m.created_at, c.room_id FROM messages m "
                "JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ?",
                (message_id,),
            )
            if message is None:
                continue
            entry = group.setdefault(
                conversation_id,
                {"id": conversation_id, "room_id": message["room_id"], "messages": []},
            )
            entry["messages"].append({k: message[k] for k in ("role", "content", "created_at")})
        inbox = await db.fetchall(
            "SELECT event_id, room_id, kind, status, body, received_at, done_at FROM inbox "
            "WHERE sender = ? ORDER BY seq",
            (user_id,),
        )
        data: dict[str, Any] = {
            "user": dict(user) if user else {"user_id": user_id},
            "settings": dict(settings) if settings else {"analysis_opt_out": 0},
            "rooms": _rows(rooms),
            "conversations": conversations,
            "group_conversations": list(group.values()),
            "received_messages": _rows(inbox),
        }
        for source in PERSONAL_DATA_TABLES:
            rows = await db.fetchall(
                f"SELECT * FROM {source.table} WHERE {source.user_column} = ?", (user_id,)
            )
            data[source.label] = _rows(rows)
        return data

    async def erase_user(self, user_id: str) -> ErasureCounts:
        """!oublier: every text of the agent goes; their settings stay so they keep applying."""
        group_ids = await self._group_message_ids(user_id)
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "SELECT COUNT(*) FROM messages m JOIN conversations c "
                "ON c.id = m.conversation_id WHERE c.user_id = ?",
                (user_id,),
            )
            row = await cur.fetchone()
            messages = int(row[0]) if row else 0
            cur = await conn.execute("DELETE FROM conversations WHERE user_id = ?", (user_id,))
            conversations = cur.rowcount
            touched = sorted({conversation_id for conversation_id, _ in group_ids})
            for _, message_id in group_ids:
                cur = await conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))
                messages += cur.rowcount
            for conversation_id in touched:
                # The title was made from the first question, maybe theirs.
                await conn.execute(
                    "UPDATE conversations SET title = NULL WHERE id = ?", (conversation_id,)
                )
                cur = await conn.execute(
                    "DELETE FROM conversations WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM messages WHERE conversation_id = ?)",
                    (conversation_id, conversation_id),
                )
                conversations += cur.rowcount
            # Messages still waiting (this very command, or sent right after it) stay queued.
            cur = await conn.execute(
                "DELETE FROM inbox WHERE sender = ? AND status != 'pending'", (user_id,)
            )
            inbox = cur.rowcount
            cur = await conn.execute("DELETE FROM undecrypted WHERE sender = ?", (user_id,))
            inbox += cur.rowcount
            await conn.execute(
                "DELETE FROM privacy_overrides WHERE event_id NOT IN (SELECT event_id FROM inbox)"
            )
            other = 0
            for source in PERSONAL_DATA_TABLES:
                if not source.erase:
                    continue
                cur = await conn.execute(
                    f"DELETE FROM {source.table} WHERE {source.user_column} = ?", (user_id,)
                )
                other += cur.rowcount
            for statement in AFTER_DELETE_STATEMENTS:
                await conn.execute(statement)
            await self._add_counters(
                conn,
                {
                    "erasures": 1,
                    "erased_conversations": conversations,
                    "erased_messages": messages,
                },
            )
        await complete_erasure(self.db)
        return ErasureCounts(conversations, messages, inbox, other)

    # Retention ----------------------------------------------------------------------------

    async def purge_before(self, cutoff: str) -> RetentionCounts:
        """Delete conversation content last written before `cutoff` (ISO, UTC)."""
        async with self.db.transaction() as conn:
            cur = await conn.execute("DELETE FROM messages WHERE created_at < ?", (cutoff,))
            messages = cur.rowcount
            cur = await conn.execute(
                "DELETE FROM conversations WHERE updated_at < ? AND NOT EXISTS "
                "(SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id)",
                (cutoff,),
            )
            conversations = cur.rowcount
            # Titles come from the first question: gone with it.
            cur = await conn.execute(
                "UPDATE conversations SET title = NULL WHERE created_at < ? AND title IS NOT NULL",
                (cutoff,),
            )
            titles = cur.rowcount
            cur = await conn.execute(
                "DELETE FROM inbox WHERE status != 'pending' AND received_at < ?", (cutoff,)
            )
            inbox = cur.rowcount
            cur = await conn.execute("DELETE FROM undecrypted WHERE received_at < ?", (cutoff,))
            undecrypted = cur.rowcount
            await conn.execute("DELETE FROM privacy_overrides WHERE created_at < ?", (cutoff,))
            other = 0
            for source in PERSONAL_DATA_TABLES:
                if source.created_column is None or not source.erase:
                    continue
                cur = await conn.execute(
                    f"DELETE FROM {source.table} WHERE {source.created_column} < ?", (cutoff,)
                )
                other += cur.rowcount
            for statement in AFTER_DELETE_STATEMENTS:
                await conn.execute(statement)
            await self._add_counters(
                conn,
                {
                    "retention_runs": 1,
                    "retention_messages": messages,
                    "retention_conversations": conversations,
                },
            )
        await complete_erasure(self.db)
        return RetentionCounts(messages, conversations, titles, inbox, undecrypted, other)

    # Staff review -------------------------------------------------------------------------

    async def conversations_for_review(self, since: str) -> ReviewSelection:
        """Conversations with messages since `since`, without what opted-out agents wrote.

        A message is kept only if its author is known and has not opted out (now, or when it
        was written); an answer goes with the question it answers.
        """
        db = self.db
        opted = {
            r["user_id"]: (bool(r["analysis_opt_out"]), r["excluded_until"])
            for r in await db.fetchall(
                "SELECT user_id, analysis_opt_out, excluded_until FROM user_privacy"
            )
        }

        def allowed(author: str | None, created_at: str) -> bool:
            if author is None:
                return False
            opt_out, until = opted.get(author, (False, None))
            return not opt_out and (until is None or created_at > until)

        selected: list[ReviewConversation] = []
        excluded = 0
        conversations = await db.fetchall(
            "SELECT c.id, c.user_id, c.created_at, r.kind FROM conversations c "
            "LEFT JOIN rooms r ON r.room_id = c.room_id "
            "WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id "
            "AND m.created_at >= ?) ORDER BY c.id",
            (since,),
        )
        for conv in conversations:
            rows = await db.fetchall(
                "SELECT m.role, m.content, m.created_at, m.model, m.author FROM messages m "
                "WHERE m.conversation_id = ? AND m.created_at >= ? ORDER BY m.id",
                (conv["id"], since),
            )
            owner = conv["user_id"]
            kind = "dm" if owner is not None else "group"
            review = ReviewConversation(conv["id"], kind, conv["created_at"], [])
            keep_answer = False
            for row in rows:
                if row["role"] == "user":
                    author = row["author"] or owner
                    keep_answer = allowed(author, row["created_at"])
                    if keep_answer and author not in review.agents:
                        review.agents.append(author)
                    keep = keep_answer
                else:
                    keep = keep_answer
                if keep:
                    review.messages.append(
                        ReviewMessage(row["role"], row["content"], row["created_at"], row["model"])
                    )
                else:
                    excluded += 1
            if review.messages:
                selected.append(review)
        return ReviewSelection(selected, excluded)
