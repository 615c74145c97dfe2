"""Conversations and their messages (the history sent back to the model as context)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import aiosqlite

from storage.db import Database
from storage.privacy import register_after_delete, register_personal_data

# A deleted message's tokens stay in the FTS5 segments (behind a delete marker) until they are
# merged: erasure and retention merge them, so no trace of the text is left in the file's rows.
register_after_delete("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')")
register_after_delete("INSERT INTO titles_fts (titles_fts) VALUES ('optimize')")
# A setting: exported, kept by erasure like the other settings.
register_personal_data("reasoning_display", "user_id", "reasoning_display", erase=False)


@dataclass(frozen=True)
class Conversation:
    id: int
    room_id: str
    user_id: str | None
    title: str | None
    created_at: str
    updated_at: str
    message_count: int = 0
    thread_root: str | None = None  # None: the room's main timeline


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: str
    content: str
    event_id: str | None
    created_at: str
    stopped: bool = False  # an answer the agent stopped: kept as far as it went


@dataclass(frozen=True)
class SearchHit:
    conversation: Conversation
    excerpt: str  # a few words around the match, the matched words between `**`


@dataclass(frozen=True)
class AnswerStats:
    model: str
    tokens_in: int | None
    tokens_out: int | None
    latency_ms: int | None
    ttft_ms: int | None
    # What the server reported the answer cost (Albert): its budget unit, kWh, kg CO2eq.
    cost: float | None = None
    kwh: float | None = None
    kgco2eq: float | None = None


_CONVERSATION_COLUMNS = (
    "c.id, c.room_id, c.user_id, c.title, c.created_at, c.updated_at, "
    "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count, "
    "c.thread_root"
)
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, max_terms: int = 12) -> str | None:
    """The user's words as an FTS5 query: every word required, each a quoted prefix.

    Quoting every word means nothing the agent types (quotes, `*`, `-`, `NEAR`, `OR`, column
    filters) is read as FTS5 syntax; None when there is no word at all.
    """
    words = _WORD.findall(text)[:max_terms]
    if not words:
        return None
    # A French plural is its singular plus s/x: the singular as a prefix finds both.
    stems = [w[:-1] if len(w) > 3 and w[-1] in "sxSX" else w for w in words]
    return " ".join('"' + w.replace('"', '""') + '"*' for w in stems)


def _conversation(r: aiosqlite.Row) -> Conversation:
    return Conversation(
        r["id"],
        r["room_id"],
        r["user_id"],
        r["title"],
        r["created_at"],
        r["updated_at"],
        r["message_count"],
        r["thread_root"],
    )


def _message(r: aiosqlite.Row) -> Message:
    return Message(
        r["id"],
        r["conversation_id"],
        r["role"],
        r["content"],
        r["event_id"],
        r["created_at"],
        bool(r["stopped"]),
    )


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(
        self,
        room_id: str,
        user_id: str | None,
        *,
        thread_root: str | None = None,
        title: str | None = None,
    ) -> int:
        """A new conversation (titled `title`, if given); in the main timeline it becomes the
        room's current one. One trip to the database's thread, all or nothing."""
        now = self.db.now()
        insert = (
            "INSERT INTO conversations (room_id, user_id, title, created_at, updated_at, "
            "thread_root) VALUES (?, ?, ?, ?, ?, ?)",
            (room_id, user_id, title, now, now, thread_root),
        )
        if thread_root is not None:
            results = await self.db.write(insert)
        else:
            # last_insert_rowid(): the conversation just inserted (a trigger's own inserts do
            # not change it once the trigger ends).
            current = (
                "UPDATE rooms SET current_conversation_id = last_insert_rowid() WHERE room_id = ?",
                (room_id,),
            )
            results = await self.db.write(insert, current)
        conversation_id = results[0][1]
        assert conversation_id is not None
        return conversation_id

    async def for_thread(
        self, room_id: str, thread_root: str, user_id: str | None
    ) -> Conversation | None:
        """The thread's conversation of this owner (None: the room's shared one)."""
        row = await self.db.fetchone(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c "
            "WHERE c.room_id = ? AND c.thread_root = ? AND c.user_id IS ?",
            (room_id, thread_root, user_id),
        )
        return _conversation(row) if row else None

    async def thread_conversation(
        self, room_id: str, user_id: str | None, thread_root: str
    ) -> int:
        """The thread's conversation, created on the thread's first message to the bot."""
        existing = await self.for_thread(room_id, thread_root, user_id)
        if existing is not None:
            return existing.id
        return await self.create(room_id, user_id, thread_root=thread_root)

    async def set_title(self, conversation_id: int, title: str) -> None:
        await self.db.execute(
            "UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id)
        )

    async def replace_title(self, conversation_id: int, old: str | None, new: str) -> bool:
        """Set a generated title unless the title changed meanwhile (`!titre`, erasure)."""
        rowcount, _ = await self.db.execute(
            "UPDATE conversations SET title = ? WHERE id = ? AND title IS ?",
            (new, conversation_id, old),
        )
        return rowcount > 0

    async def message_by_event(self, event_id: str) -> Message | None:
        row = await self.db.fetchone(
            "SELECT id, conversation_id, role, content, event_id, created_at, stopped "
            "FROM messages "
            "WHERE event_id = ? ORDER BY id LIMIT 1",
            (event_id,),
        )
        return _message(row) if row else None

    async def search(
        self, text: str, *, user_id: str | None, room_id: str, limit: int
    ) -> list[SearchHit]:
        """The agent's conversations matching every word of `text`, best first (bm25).

        In a DM (`user_id` given) every conversation the agent owns is searched; in a group
        room, that room's conversations. A match in the title counts twice as much.
        """
        query = fts_query(text)
        if query is None:
            return []
        scope = "c.user_id = ?" if user_id is not None else "c.room_id = ? AND c.user_id IS NULL"
        owner = user_id if user_id is not None else room_id
        rows = await self.db.fetchall(
            "WITH hits AS ("
            " SELECT m.conversation_id AS cid, m.id AS mid, bm25(messages_fts) AS score"
            " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
            " WHERE messages_fts MATCH ?"
            " UNION ALL"
            " SELECT titles_fts.rowid, NULL, 2 * bm25(titles_fts)"
            " FROM titles_fts WHERE titles_fts MATCH ?"
            "), best AS (SELECT cid, MIN(score) AS score FROM hits GROUP BY cid),"
            # SQLite takes the bare column `mid` from the row holding the MIN.
            " best_message AS (SELECT cid, mid, MIN(score) FROM hits"
            " WHERE mid IS NOT NULL GROUP BY cid) "
            f"SELECT {_CONVERSATION_COLUMNS}, bm.mid AS mid FROM best b "
            "JOIN conversations c ON c.id = b.cid "
            "LEFT JOIN best_message bm ON bm.cid = b.cid "
            f"WHERE {scope} ORDER BY b.score, c.updated_at DESC LIMIT ?",
            (query, query, owner, limit),
        )
        hits = []
        for r in rows:
            excerpt = ""
            if r["mid"] is not None:
                # Only for the few listed: snippet() over every match is the costly part.
                found = await self.db.fetchone(
                    "SELECT snippet(messages_fts, 0, '**', '**', '…', 12) AS excerpt "
                    "FROM messages_fts WHERE messages_fts MATCH ? AND rowid = ?",
                    (query, r["mid"]),
                )
                excerpt = found["excerpt"] if found else ""
            hits.append(SearchHit(_conversation(r), excerpt))
        return hits

    async def last_answer(self, conversation_id: int) -> Message | None:
        row = await self.db.fetchone(
            "SELECT id, conversation_id, role, content, event_id, created_at, stopped "
            "FROM messages "
            "WHERE conversation_id = ? AND role = 'assistant' ORDER BY id DESC LIMIT 1",
            (conversation_id,),
        )
        return _message(row) if row else None

    async def get(self, conversation_id: int) -> Conversation | None:
        row = await self.db.fetchone(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?",
            (conversation_id,),
        )
        return _conversation(row) if row else None

    async def current(self, room_id: str) -> Conversation | None:
        row = await self.db.fetchone(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c "
            "JOIN rooms r ON r.current_conversation_id = c.id WHERE r.room_id = ?",
            (room_id,),
        )
        return _conversation(row) if row else None

    async def list_recent(
        self, room_id: str, user_id: str | None, limit: int
    ) -> list[Conversation]:
        """The owner's conversations in the room (None: the room's shared ones) that hold
        messages, most recently used first."""
        rows = await self.db.fetchall(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c WHERE c.room_id = ? "
            "AND c.user_id IS ? "
            "AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) "
            "ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
            (room_id, user_id, limit),
        )
        return [_conversation(r) for r in rows]

    async def set_title_if_missing(self, conversation_id: int, title: str) -> None:
        await self.db.execute(
            "UPDATE conversations SET title = ? WHERE id = ? AND title IS NULL",
            (title, conversation_id),
        )

    async def touch(self, conversation_id: int) -> None:
        await self.db.execute(
            "UPDATE conversations SET updated_at = ? WHERE id = ?",
            (self.db.now(), conversation_id),
        )

    async def add_message(
        self,
        conversation_id: int,
        role: str,
        content: str,
        *,
        event_id: str | None = None,
        stats: AnswerStats | None = None,
        author: str | None = None,
        stopped: bool = False,
    ) -> int:
        """`author`: who wrote a user message (answers have none); `stopped`: an answer the
        agent stopped, stored as far as it went."""
        now = self.db.now()
        # One transaction, in one trip to the database's thread.
        (_, message_id), _ = await self.db.write(
            (
                "INSERT INTO messages (conversation_id, role, content, event_id, model, "
                "tokens_in, tokens_out, latency_ms, ttft_ms, created_at, author, cost, kwh, "
                "kgco2eq, stopped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation_id,
                    role,
                    content,
                    event_id,
                    stats.model if stats else None,
                    stats.tokens_in if stats else None,
                    stats.tokens_out if stats else None,
                    stats.latency_ms if stats else None,
                    stats.ttft_ms if stats else None,
                    now,
                    author if role == "user" else None,
                    stats.cost if stats else None,
                    stats.kwh if stats else None,
                    stats.kgco2eq if stats else None,
                    int(stopped),
                ),
            ),
            ("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id)),
        )
        assert message_id is not None
        return message_id

    async def messages(self, conversation_id: int, *, limit: int = 200) -> list[Message]:
        """The newest `limit` messages of the conversation, oldest first."""
        rows = await self.db.fetchall(
            "SELECT id, conversation_id, role, content, event_id, created_at, stopped FROM ("
            " SELECT * FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?"
            ") ORDER BY id",
            (conversation_id, limit),
        )
        return [_message(r) for r in rows]

    async def set_message_event(self, message_id: int, event_id: str) -> None:
        """The answer was stored before its first message existed: link it now."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE messages SET event_id = ? WHERE id = ? AND event_id IS NULL",
                (event_id, message_id),
            )

    async def add_question(
        self, conversation_id: int, content: str, *, event_id: str, author: str
    ) -> bool:
        """The user's message of `event_id`, unless one is stored already (a resumed or retried
        event): the check and the insert in one statement, in one trip. True when it was
        added."""
        now = self.db.now()
        (added, _), _ = await self.db.write(
            (
                "INSERT INTO messages (conversation_id, role, content, event_id, created_at, "
                "author) SELECT ?, 'user', ?, ?, ?, ? "
                "WHERE NOT EXISTS (SELECT 1 FROM messages WHERE event_id = ?)",
                (conversation_id, content, event_id, now, author, event_id),
            ),
            (
                # changes(): rows the INSERT above added (its triggers' not counted).
                "UPDATE conversations SET updated_at = ? WHERE id = ? AND changes() > 0",
                (now, conversation_id),
            ),
        )
        return added > 0

    # Reasoning models: whether the agent sees the thinking ------------------------------------

    async def shows_reasoning(self, user_id: str) -> bool:
        row = await self.db.fetchone(
            "SELECT show FROM reasoning_display WHERE user_id = ?", (user_id,)
        )
        return bool(row["show"]) if row else False

    async def set_shows_reasoning(self, user_id: str, show: bool) -> None:
        await self.db.execute(
            "INSERT INTO reasoning_display (user_id, show, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET show = excluded.show, "
            "updated_at = excluded.updated_at",
            (user_id, int(show), self.db.now()),
        )
