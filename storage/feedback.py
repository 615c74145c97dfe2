"""Feedback in SQL: reactions on answers (with anonymous tallies), comments, free feedback."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database
from storage.memo import Absent
from storage.privacy import register_personal_data

# The agent's feedback is theirs: exported, erased by !oublier, expired with conversations.
# The anonymous tallies (day, ministry, model) are not personal and stay.
register_personal_data("answer_feedback", "user_id", "answer_feedback", "created_at")
register_personal_data("free_feedback", "user_id", "free_feedback", "created_at")


@dataclass(frozen=True)
class AnsweredBy:
    """What one of the bot's answers was made of."""

    conversation_id: int
    model: str | None
    latency_ms: int | None


class _NoCommentAsked(Absent[tuple[str, str]]):
    """(agent, room) known to have no thumbs-down waiting for a comment (read for every
    message); only record_reaction asks for one."""


class FeedbackRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def answer(self, event_id: str) -> AnsweredBy | None:
        row = await self.db.fetchone(
            "SELECT conversation_id, model, latency_ms FROM messages "
            "WHERE event_id = ? AND role = 'assistant' ORDER BY id DESC LIMIT 1",
            (event_id,),
        )
        if row is None:
            return None
        return AnsweredBy(row["conversation_id"], row["model"], row["latency_ms"])

    async def record_reaction(
        self,
        *,
        reaction_event_id: str,
        answer_event_id: str,
        user_id: str,
        room_id: str,
        rating: str,
        answer: AnsweredBy,
        homeserver: str | None,
        domain: str | None,
        ask_comment: bool,
    ) -> bool:
        """Store the reaction once and count it; False if it was already recorded."""
        with self.db.shared(_NoCommentAsked).forgetting((user_id, room_id)):
            now = self.db.now()
            async with self.db.transaction() as conn:
                cur = await conn.execute(
                    "INSERT OR IGNORE INTO answer_feedback (reaction_event_id, answer_event_id, "
                    "user_id, room_id, conversation_id, model, latency_ms, rating, "
                    "comment_asked_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        reaction_event_id,
                        answer_event_id,
                        user_id,
                        room_id,
                        answer.conversation_id,
                        answer.model,
                        answer.latency_ms,
                        rating,
                        now if ask_comment else None,
                        now,
                    ),
                )
                if cur.rowcount == 0:
                    return False
                if ask_comment:
                    # Only the latest thumbs-down waits for a comment.
                    await conn.execute(
                        "UPDATE answer_feedback SET comment_asked_at = NULL "
                        "WHERE user_id = ? AND room_id = ? AND reaction_event_id != ?",
                        (user_id, room_id, reaction_event_id),
                    )
                await conn.execute(
                    "INSERT INTO feedback_tallies (day, homeserver, domain, model, rating, count) "
                    "VALUES (?, ?, ?, ?, ?, 1) "
                    "ON CONFLICT(day, homeserver, domain, model, rating) "
                    "DO UPDATE SET count = count + 1",
                    (now[:10], homeserver or "", domain or "", answer.model or "", rating),
                )
            return True

    async def take_comment(self, user_id: str, room_id: str, since: str, comment: str) -> bool:
        """Attach `comment` to the thumbs-down asked about after `since`; False if none."""
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE answer_feedback SET comment = ?, comment_asked_at = NULL "
                "WHERE id = (SELECT id FROM answer_feedback WHERE user_id = ? AND room_id = ? "
                "AND comment_asked_at IS NOT NULL AND comment_asked_at >= ? "
                "ORDER BY id DESC LIMIT 1)",
                (comment, user_id, room_id, since),
            )
            taken = cur.rowcount > 0
            if not taken:
                # Too late: stop waiting.
                await conn.execute(
                    "UPDATE answer_feedback SET comment_asked_at = NULL WHERE user_id = ? "
                    "AND room_id = ? AND comment_asked_at IS NOT NULL",
                    (user_id, room_id),
                )
        return taken

    async def waiting_comment(self, user_id: str, room_id: str) -> bool:
        absent = self.db.shared(_NoCommentAsked)
        if (user_id, room_id) in absent:
            return False
        generation = absent.generation()
        row = await self.db.fetchone(
            "SELECT 1 FROM answer_feedback WHERE user_id = ? AND room_id = ? "
            "AND comment_asked_at IS NOT NULL LIMIT 1",
            (user_id, room_id),
        )
        if row is None:
            absent.note((user_id, room_id), generation)
        return row is not None

    async def add_free(
        self, user_id: str, homeserver: str | None, domain: str | None, text: str
    ) -> int:
        _, rowid = await self.db.execute(
            "INSERT INTO free_feedback (user_id, homeserver, domain, text, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (user_id, homeserver, domain, text, self.db.now()),
        )
        assert rowid is not None
        return rowid
