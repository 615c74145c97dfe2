"""Surveys in SQL: definitions, rounds, each agent's send and progress, answers, opt-outs."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import aiosqlite

from storage.db import Database
from storage.memo import Absent
from storage.privacy import register_personal_data

# Records that must keep applying (the monthly cap, the opt-out) stay after !oublier; the
# agent's own words (free-text answers) go, with the retention job too.
register_personal_data("survey_sends", "user_id", "survey_sends", erase=False)
register_personal_data("survey_answers", "user_id", "survey_answers", erase=False)
register_personal_data("survey_opt_outs", "user_id", "survey_opt_outs", erase=False)
register_personal_data("survey_text_answers", "user_id", "survey_text_answers", "created_at")

# A survey is "in progress" for the agent in these states.
ASKING = "asking"
_SEND_COLUMNS = (
    "id, round_id, survey_id, user_id, room_id, homeserver, domain, status, position, "
    "question_event_id, txn_id, attempts, sent_at, remind_at, reminded"
)


@dataclass(frozen=True)
class StoredSurvey:
    id: str
    version: int
    title: str
    source: str
    origin: str
    closed_at: str | None
    sent: int = 0
    completed: int = 0


class SendStatus(StrEnum):
    """One agent's survey in a round (stored as these strings)."""

    QUEUED = "queued"  # not sent yet
    ASKING = "asking"  # a question is waiting for the agent's answer
    POSTPONED = "postponed"  # !plus-tard: asked again at remind_at
    COMPLETED = "completed"
    STOPPED = "stopped"  # !stop
    FAILED = "failed"  # could not be sent
    CLOSED = "closed"  # the survey was closed before the agent finished


class RoundStatus(StrEnum):
    SENDING = "sending"
    DONE = "done"


@dataclass(frozen=True)
class Send:
    id: int
    round_id: int
    survey_id: str
    user_id: str
    room_id: str
    homeserver: str | None
    domain: str | None
    status: SendStatus
    position: int
    question_event_id: str | None
    txn_id: str
    attempts: int
    sent_at: str | None
    remind_at: str | None
    reminded: bool


def _send(r: aiosqlite.Row) -> Send:
    return Send(
        r["id"],
        r["round_id"],
        r["survey_id"],
        r["user_id"],
        r["room_id"],
        r["homeserver"],
        r["domain"],
        SendStatus(r["status"]),
        r["position"],
        r["question_event_id"],
        r["txn_id"],
        r["attempts"],
        r["sent_at"],
        r["remind_at"],
        bool(r["reminded"]),
    )


@dataclass(frozen=True)
class Target:
    user_id: str
    room_id: str
    homeserver: str | None
    domain: str | None


@dataclass(frozen=True)
class Selection:
    targets: list[Target]
    skipped_cap: int = 0
    skipped_opt_out: int = 0
    skipped_other: int = 0  # not approved, no DM, inactive, or already asked this survey


@dataclass(frozen=True)
class Round:
    id: int
    survey_id: str
    origin: str
    status: RoundStatus
    planned: int
    skipped_cap: int
    skipped_opt_out: int
    created: bool = True  # False: the round (by its key) already existed


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class _NotAsking(Absent[tuple[str, str]]):
    """(agent, room) known to have no survey asking; every write that sets a send asking
    forgets them all (a send's id does not say whose it is, and they are rare)."""


class SurveyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # Definitions --------------------------------------------------------------------------

    async def round_survey_id(self, round_id: int) -> str | None:
        row = await self.db.fetchone(
            "SELECT survey_id FROM survey_rounds WHERE id = ?", (round_id,)
        )
        return str(row["survey_id"]) if row else None

    async def save_definition(
        self, survey_id: str, version: int, title: str, source: str, origin: str
    ) -> None:
        now = self.db.now()
        await self.db.execute(
            "INSERT INTO surveys (id, version, title, source, origin, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "version = excluded.version, title = excluded.title, source = excluded.source, "
            "origin = excluded.origin, updated_at = excluded.updated_at",
            (survey_id, version, title, source, origin, now, now),
        )

    async def get(self, survey_id: str) -> StoredSurvey | None:
        row = await self.db.fetchone(
            "SELECT id, version, title, source, origin, closed_at FROM surveys WHERE id = ?",
            (survey_id,),
        )
        if row is None:
            return None
        return StoredSurvey(*(row[k] for k in row.keys()))  # noqa: SIM118

    async def all(self) -> list[StoredSurvey]:
        rows = await self.db.fetchall(
            "SELECT s.id, s.version, s.title, s.source, s.origin, s.closed_at, "
            "(SELECT COUNT(*) FROM survey_sends x WHERE x.survey_id = s.id "
            " AND x.sent_at IS NOT NULL) AS sent, "
            "(SELECT COUNT(*) FROM survey_sends x WHERE x.survey_id = s.id "
            " AND x.status = 'completed') AS completed "
            "FROM surveys s ORDER BY s.created_at, s.id"
        )
        return [StoredSurvey(*(row[k] for k in row.keys())) for row in rows]  # noqa: SIM118

    async def has_sends(self, survey_id: str) -> bool:
        row = await self.db.fetchone(
            "SELECT 1 FROM survey_sends WHERE survey_id = ? LIMIT 1", (survey_id,)
        )
        return row is not None

    async def close(self, survey_id: str) -> int:
        """No more sends or answers; returns how many agents were still answering."""
        now = self.db.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE surveys SET closed_at = COALESCE(closed_at, ?) WHERE id = ?",
                (now, survey_id),
            )
            cur = await conn.execute(
                "UPDATE survey_sends SET status = 'closed', updated_at = ?, finished_at = ? "
                "WHERE survey_id = ? AND status IN ('queued', 'asking', 'postponed')",
                (now, now, survey_id),
            )
            closed = cur.rowcount
            await conn.execute(
                "UPDATE survey_rounds SET status = 'done', finished_at = ? "
                "WHERE survey_id = ? AND status = 'sending'",
                (now, survey_id),
            )
        return closed

    # Who is asked ---------------------------------------------------------------------------

    async def select_targets(
        self,
        survey_id: str,
        now: datetime,
        *,
        cap_days: int,
        active_days: int,
        only: Iterable[str] | None = None,
    ) -> Selection:
        """Approved agents with a DM, active, not opted out, not asked within cap_days."""
        db = self.db
        rows = await db.fetchall(
            "SELECT u.user_id, u.homeserver, u.domain, "
            "(SELECT r.room_id FROM rooms r WHERE r.kind = 'dm' AND r.user_id = u.user_id "
            " ORDER BY r.joined_at DESC LIMIT 1) AS room_id "
            "FROM users u WHERE u.status = 'approved' ORDER BY u.created_at, u.user_id"
        )
        wanted = set(only) if only is not None else None
        opted = {r["user_id"] for r in await db.fetchall("SELECT user_id FROM survey_opt_outs")}
        capped: set[str] = set()
        if cap_days > 0:
            cutoff = iso(now - timedelta(days=cap_days))
            capped = {
                r["user_id"]
                for r in await db.fetchall(
                    "SELECT DISTINCT user_id FROM survey_sends WHERE created_at >= ?", (cutoff,)
                )
            }
        already = {
            r["user_id"]
            for r in await db.fetchall(
                "SELECT user_id FROM survey_sends WHERE survey_id = ?", (survey_id,)
            )
        }
        active: set[str] | None = None
        if active_days > 0:
            since = iso(now - timedelta(days=active_days))
            active = {
                r["sender"]
                for r in await db.fetchall(
                    "SELECT DISTINCT sender FROM inbox WHERE received_at >= ? AND room_id NOT IN "
                    "(SELECT room_id FROM rooms WHERE kind = 'support')",
                    (since,),
                )
            }
        targets: list[Target] = []
        cap = opt_out = other = 0
        seen: set[str] = set()
        for row in rows:
            user_id = row["user_id"]
            if wanted is not None and user_id not in wanted:
                continue
            seen.add(user_id)
            if row["room_id"] is None or user_id in already:
                other += 1
            elif user_id in opted:
                opt_out += 1
            elif user_id in capped:
                cap += 1
            elif active is not None and wanted is None and user_id not in active:
                other += 1
            else:
                targets.append(Target(user_id, row["room_id"], row["homeserver"], row["domain"]))
        if wanted is not None:
            other += len(wanted - seen)  # unknown or not approved
        return Selection(targets, cap, opt_out, other)

    # Rounds -----------------------------------------------------------------------------

    async def create_round(
        self,
        survey_id: str,
        origin: str,
        selection: Selection,
        *,
        round_key: str | None = None,
        requested_by: str | None = None,
    ) -> Round:
        """The round and every send, queued, in one transaction (nothing sent yet)."""
        now = self.db.now()
        if round_key is not None:
            existing = await self.round_by_key(round_key)
            if existing is not None:
                return existing
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO survey_rounds (survey_id, origin, round_key, requested_by, "
                "skipped_cap, skipped_opt_out, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    survey_id,
                    origin,
                    round_key,
                    requested_by,
                    selection.skipped_cap,
                    selection.skipped_opt_out,
                    now,
                ),
            )
            round_id = cur.lastrowid
            assert round_id is not None
            planned = 0
            for target in selection.targets:
                cur = await conn.execute(
                    "INSERT OR IGNORE INTO survey_sends (round_id, survey_id, user_id, room_id, "
                    "homeserver, domain, txn_id, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        round_id,
                        survey_id,
                        target.user_id,
                        target.room_id,
                        target.homeserver,
                        target.domain,
                        f"survey-{secrets.token_hex(12)}",
                        now,
                        now,
                    ),
                )
                planned += cur.rowcount
            await conn.execute(
                "UPDATE survey_rounds SET planned = ? WHERE id = ?", (planned, round_id)
            )
        return Round(
            round_id,
            survey_id,
            origin,
            RoundStatus.SENDING,
            planned,
            selection.skipped_cap,
            selection.skipped_opt_out,
        )

    async def round_by_key(self, round_key: str) -> Round | None:
        row = await self.db.fetchone(
            "SELECT id, survey_id, origin, status, planned, skipped_cap, skipped_opt_out "
            "FROM survey_rounds WHERE round_key = ?",
            (round_key,),
        )
        if row is None:
            return None
        return Round(
            row["id"],
            row["survey_id"],
            row["origin"],
            RoundStatus(row["status"]),
            row["planned"],
            row["skipped_cap"],
            row["skipped_opt_out"],
            created=False,
        )

    async def rounds_sending(self) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT id FROM survey_rounds WHERE status = 'sending' ORDER BY id"
        )
        return [int(r["id"]) for r in rows]

    async def to_send(self, round_id: int, limit: int = 100) -> list[Send]:
        """Queued sends, and those started but not confirmed (a crash mid-send)."""
        rows = await self.db.fetchall(
            f"SELECT {_SEND_COLUMNS} FROM survey_sends WHERE round_id = ? AND "
            "(status = 'queued' OR (status = 'asking' AND sent_at IS NULL)) ORDER BY id LIMIT ?",
            (round_id, limit),
        )
        return [_send(r) for r in rows]

    async def start_send(self, send_id: int) -> None:
        """Before the first message: from now on the agent's replies go to the survey."""
        try:
            await self.db.execute(
                "UPDATE survey_sends SET status = 'asking', attempts = attempts + 1, "
                "updated_at = ? WHERE id = ? AND status IN ('queued', 'asking')",
                (self.db.now(), send_id),
            )
        finally:
            self.db.shared(_NotAsking).forget_all()

    async def confirm_send(self, send_id: int, event_id: str) -> None:
        now = self.db.now()
        await self.db.execute(
            "UPDATE survey_sends SET sent_at = COALESCE(sent_at, ?), question_event_id = ?, "
            "updated_at = ? WHERE id = ?",
            (now, event_id, now, send_id),
        )

    async def fail_send(self, send_id: int) -> None:
        now = self.db.now()
        await self.db.execute(
            "UPDATE survey_sends SET status = 'failed', updated_at = ?, finished_at = ? "
            "WHERE id = ?",
            (now, now, send_id),
        )

    async def finish_round(self, round_id: int) -> None:
        await self.db.execute(
            "UPDATE survey_rounds SET status = 'done', finished_at = ? WHERE id = ?",
            (self.db.now(), round_id),
        )

    async def round_counts(self, round_id: int) -> dict[str, int]:
        rows = await self.db.fetchall(
            "SELECT CASE WHEN sent_at IS NULL AND status IN ('queued', 'asking') THEN 'queued' "
            "WHEN status = 'failed' THEN 'failed' ELSE 'sent' END AS state, COUNT(*) AS n "
            "FROM survey_sends WHERE round_id = ? GROUP BY state",
            (round_id,),
        )
        return {r["state"]: int(r["n"]) for r in rows}

    # One agent's survey ---------------------------------------------------------------------

    async def current(self, user_id: str, room_id: str) -> Send | None:
        """The survey the agent is answering in this room, if any (read for every message:
        once none is found, not read again until a send starts asking)."""
        absent = self.db.shared(_NotAsking)
        if (user_id, room_id) in absent:
            return None
        generation = absent.generation()
        row = await self.db.fetchone(
            f"SELECT {_SEND_COLUMNS} FROM survey_sends WHERE user_id = ? AND room_id = ? "
            "AND status = 'asking' ORDER BY id DESC LIMIT 1",
            (user_id, room_id),
        )
        if row is None:
            absent.note((user_id, room_id), generation)
            return None
        return _send(row)

    async def get_send(self, send_id: int) -> Send | None:
        row = await self.db.fetchone(
            f"SELECT {_SEND_COLUMNS} FROM survey_sends WHERE id = ?", (send_id,)
        )
        return _send(row) if row else None

    async def record_answer(
        self,
        send: Send,
        question_id: str,
        value: Any,
        *,
        text: str | None,
        skipped: bool,
        last: bool,
        event_id: str | None = None,
    ) -> None:
        """Store the answer to the current question and move to the next (or complete)."""
        now = self.db.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR REPLACE INTO survey_answers (send_id, user_id, question_id, value, "
                "skipped, event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    send.id,
                    send.user_id,
                    question_id,
                    None if value is None else json.dumps(value),
                    int(skipped),
                    event_id,
                    now,
                ),
            )
            if text is not None:
                await conn.execute(
                    "INSERT OR REPLACE INTO survey_text_answers (send_id, user_id, question_id, "
                    "text, created_at) VALUES (?, ?, ?, ?, ?)",
                    (send.id, send.user_id, question_id, text, now),
                )
            await conn.execute(
                "UPDATE survey_sends SET position = position + 1, updated_at = ?, "
                "status = CASE WHEN ? THEN 'completed' ELSE status END, "
                "finished_at = CASE WHEN ? THEN ? ELSE finished_at END "
                "WHERE id = ? AND position = ?",
                (now, last, last, now, send.id, send.position),
            )

    async def answered_by(self, send_id: int, event_id: str) -> bool:
        """True if this event already answered a question of the send (a replayed event)."""
        row = await self.db.fetchone(
            "SELECT 1 FROM survey_answers WHERE send_id = ? AND event_id = ?", (send_id, event_id)
        )
        return row is not None

    async def set_question_event(self, send_id: int, event_id: str) -> None:
        await self.db.execute(
            "UPDATE survey_sends SET question_event_id = ? WHERE id = ?", (event_id, send_id)
        )

    async def postpone(self, send_id: int, remind_at: datetime | None) -> None:
        """!plus-tard: a reminder at `remind_at`; None (already reminded once) stops it."""
        now = self.db.now()
        if remind_at is None:
            await self.stop(send_id)
            return
        await self.db.execute(
            "UPDATE survey_sends SET status = 'postponed', remind_at = ?, updated_at = ? "
            "WHERE id = ?",
            (iso(remind_at), now, send_id),
        )

    async def stop(self, send_id: int) -> None:
        now = self.db.now()
        await self.db.execute(
            "UPDATE survey_sends SET status = 'stopped', updated_at = ?, finished_at = ? "
            "WHERE id = ?",
            (now, now, send_id),
        )

    async def due_reminders(self, now: datetime) -> list[Send]:
        rows = await self.db.fetchall(
            f"SELECT {_SEND_COLUMNS} FROM survey_sends WHERE status = 'postponed' "
            "AND reminded = 0 AND remind_at <= ? ORDER BY remind_at",
            (iso(now),),
        )
        return [_send(r) for r in rows]

    async def resume_after_reminder(self, send_id: int) -> bool:
        """Back to asking, reminded once; False if the agent or staff changed it meanwhile."""
        try:
            rowcount, _ = await self.db.execute(
                "UPDATE survey_sends SET status = 'asking', reminded = 1, updated_at = ? "
                "WHERE id = ? AND status = 'postponed' AND reminded = 0",
                (self.db.now(), send_id),
            )
        finally:
            self.db.shared(_NotAsking).forget_all()
        return rowcount > 0

    # Opt-out -------------------------------------------------------------------------------

    async def set_opt_out(self, user_id: str, opt_out: bool) -> None:
        if opt_out:
            await self.db.execute(
                "INSERT OR IGNORE INTO survey_opt_outs (user_id, created_at) VALUES (?, ?)",
                (user_id, self.db.now()),
            )
        else:
            await self.db.execute("DELETE FROM survey_opt_outs WHERE user_id = ?", (user_id,))

    async def is_opted_out(self, user_id: str) -> bool:
        row = await self.db.fetchone("SELECT 1 FROM survey_opt_outs WHERE user_id = ?", (user_id,))
        return row is not None

    # Results -----------------------------------------------------------------------------

    async def sends_of(self, survey_id: str) -> list[Send]:
        rows = await self.db.fetchall(
            f"SELECT {_SEND_COLUMNS} FROM survey_sends WHERE survey_id = ? ORDER BY id",
            (survey_id,),
        )
        return [_send(r) for r in rows]

    async def answers_of(self, survey_id: str) -> list[dict[str, Any]]:
        rows = await self.db.fetchall(
            "SELECT a.send_id, a.question_id, a.value, a.skipped, t.text FROM survey_answers a "
            "JOIN survey_sends s ON s.id = a.send_id "
            "LEFT JOIN survey_text_answers t ON t.send_id = a.send_id "
            "AND t.question_id = a.question_id WHERE s.survey_id = ? ORDER BY a.send_id",
            (survey_id,),
        )
        return [dict(r) for r in rows]
