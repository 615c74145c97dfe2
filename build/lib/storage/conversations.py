"""Conversations and their messages (the history sent back to the model as context)."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.db import Database


@dataclass(frozen=True)
class Conversation:
    id: int
    room_id: str
    user_id: str | None
    title: str | None
    created_at: str
    updated_at: str
    message_count: int = 0


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: str
    content: str
    event_id: str | None
    created_at: str


@dataclass(frozen=True)
class AnswerStats:
    model: str
    tokens_in: int | None
    tokens_out: int | None
    latency_ms: int | None
    ttft_ms: int | None


_CONVERSATION_COLUMNS = (
    "c.id, c.room_id, c.user_id, c.title, c.created_at, c.updated_at, "
    "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count"
)


def _conversation(r: aiosqlite.Row) -> Conversation:
    return Conversation(
        r["id"],
        r["room_id"],
        r["user_id"],
        r["title"],
        r["created_at"],
        r["updated_at"],
        r["message_count"],
    )


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, room_id: str, user_id: str | None) -> int:
        now = self.db.now()
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO conversations (room_id, user_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?)",
                (room_id, user_id, now, now),
            )
            conversation_id = cur.lastrowid
            assert conversation_id is not None
            await conn.execute(
                "UPDATE rooms SET current_conversation_id = ? WHERE room_id = ?",
                (conversation_id, room_id),
            )
        return conversation_id

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

    async def list_recent(self, room_id: str, limit: int) -> list[Conversation]:
        """Conversations of the room that hold messages, most recently used first."""
        rows = await self.db.fetchall(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c WHERE c.room_id = ? "
            "AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) "
            "ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
            (room_id, limit),
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
    ) -> int:
        now = self.db.now()
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO messages (conversation_id, role, content, event_id, model, "
                "tokens_in, tokens_out, latency_ms, ttft_ms, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ),
            )
            await conn.execute(
                "UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id)
            )
            message_id = cur.lastrowid
        assert message_id is not None
        return message_id

    async def messages(self, conversation_id: int, *, limit: int = 200) -> list[Message]:
        """The newest `limit` messages of the conversation, oldest first."""
        rows = await self.db.fetchall(
            "SELECT id, conversation_id, role, content, event_id, created_at FROM ("
            " SELECT * FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?"
            ") ORDER BY id",
            (conversation_id, limit),
        )
        return [
            Message(
                r["id"],
                r["conversation_id"],
                r["role"],
                r["content"],
                r["event_id"],
                r["created_at"],
            )
            for r in rows
        ]

    async def has_message_for_event(self, event_id: str) -> bool:
        row = await self.db.fetchone("SELECT 1 FROM messages WHERE event_id = ?", (event_id,))
        return row is not None
