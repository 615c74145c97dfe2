"""Access: newcomers' registration, the audit log, usage per request, quotas, capacity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.db import Database
from storage.memo import Memo
from storage.privacy import register_personal_data
from storage.users import _USER_COLUMNS, User, UserMemos, UserRepository, _user

# In !mes-donnees; kept by !oublier: the audit trail of decisions, and counts (no content)
# that quotas and statistics need.
register_personal_data("access_audit", "user_id", "access_decisions", erase=False)
register_personal_data("usage", "user_id", "usage", erase=False)
register_personal_data("quota_overrides", "user_id", "quota_overrides", erase=False)

CAPACITY_KEY = "access.max_users"


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str
    action: str
    user_id: str | None
    detail: str | None


@dataclass(frozen=True)
class Usage:
    messages: int
    tokens: int  # in + out
    first_at: str | None  # the oldest request counted, for a rolling window's reset


@dataclass(frozen=True)
class FootprintTotal:
    """The summed footprint of some requests, over those whose server reported it."""

    requests: int  # requests with a reported footprint
    cost: float
    kwh: float
    kgco2eq: float


@dataclass(frozen=True)
class QuotaOverride:
    messages_per_day: int | None
    tokens_per_day: int | None


# After every ISO date: a tally that keeps no requests one by one covers no rolling window.
_NEVER = "\uffff"


@dataclass
class _Tally:
    """One user's usage as the quota check reads it: totals since `day` (a day's start), and
    every request since `recent_from` (all of them: a rolling window is counted from it)."""

    day: str
    messages: int
    tokens: int
    first_at: str | None
    recent_from: str
    recent: list[tuple[str, int]]  # (at, tokens), in no particular order

    def covers(self, day_start: str, recent_since: str | None) -> bool:
        return self.day == day_start and (recent_since is None or recent_since >= self.recent_from)

    def keep_recent(self, since: str) -> None:
        """Requests before `since` are no longer needed (the window only moves forward)."""
        if since > self.recent_from:
            self.recent_from = since
            self.recent = [r for r in self.recent if r[0] >= since]

    def plus(self, at: str, tokens: int) -> _Tally:
        in_day = at >= self.day
        first_at = self.first_at
        if in_day and (first_at is None or at < first_at):
            first_at = at
        return _Tally(
            self.day,
            self.messages + int(in_day),
            self.tokens + (tokens if in_day else 0),
            first_at,
            self.recent_from,
            [*self.recent, (at, tokens)] if at >= self.recent_from else list(self.recent),
        )


class UsageMemos:
    """The quota check's reads, remembered (see storage/memo.py), for every repository."""

    def __init__(self) -> None:
        self.tallies: Memo[str, _Tally] = Memo()
        self.overrides: Memo[str, QuotaOverride] = Memo()


@dataclass(frozen=True)
class HeldMessage:
    seq: int
    room_id: str


class AccessRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.users = UserRepository(db)

    # Users ----------------------------------------------------------------------------

    async def register(
        self, user_id: str, *, homeserver: str, domain: str | None, status: str
    ) -> bool:
        """Classify a user seen for the first time; False if they were already registered."""
        await self.users.ensure(user_id)
        now = self.db.now()
        try:
            rowcount, _ = await self.db.execute(
                "UPDATE users SET registered_at = ?, status = ?, status_changed_at = ?, "
                "homeserver = ?, domain = ? WHERE user_id = ? AND registered_at IS NULL",
                (now, status, now, homeserver, domain, user_id),
            )
        finally:
            self.users.forget(user_id)
        if rowcount > 0:
            self.db.shared(UserMemos).registered_at.update(user_id, now)
        return rowcount > 0

    async def registered_at(self, user_id: str) -> str | None:
        memo = self.db.shared(UserMemos).registered_at
        known = memo.get(user_id)
        if known is not None:
            return known  # set once, never changed
        generation = memo.generation()
        row = await self.db.fetchone(
            "SELECT registered_at FROM users WHERE user_id = ?", (user_id,)
        )
        if not row or not row["registered_at"]:
            return None
        registered = str(row["registered_at"])
        memo.keep(user_id, registered, generation)
        return registered

    async def count_with_status(self, status: str) -> int:
        # Rows made by other features before the gate saw the user are not counted.
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n FROM users WHERE status = ? AND registered_at IS NOT NULL",
            (status,),
        )
        return int(row["n"]) if row else 0

    async def search(self, text: str, limit: int = 50) -> list[User]:
        """Users whose id, domain, homeserver or status contains `text`, newest first."""
        pattern = f"%{text.lower()}%"
        rows = await self.db.fetchall(
            f"SELECT {_USER_COLUMNS} FROM users WHERE registered_at IS NOT NULL AND "
            "(lower(user_id) LIKE ? OR lower(coalesce(domain, '')) LIKE ? OR "
            "lower(coalesce(homeserver, '')) LIKE ? OR status LIKE ?) "
            "ORDER BY created_at DESC LIMIT ?",
            (pattern, pattern, pattern, pattern, limit),
        )
        return [_user(row) for row in rows]

    async def accept_terms(self, user_id: str, version: str) -> None:
        try:
            await self.db.execute(
                "UPDATE users SET terms_version = ?, terms_accepted_at = ? WHERE user_id = ?",
                (version, self.db.now(), user_id),
            )
        finally:
            self.users.forget(user_id)

    # Capacity ---------------------------------------------------------------------------

    async def capacity(self, default: int) -> int:
        row = await self.db.fetchone("SELECT value FROM kv WHERE key = ?", (CAPACITY_KEY,))
        return int(row["value"]) if row else default

    async def set_capacity(self, value: int) -> None:
        await self.db.execute(
            "INSERT INTO kv (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (CAPACITY_KEY, str(value)),
        )

    # Audit ------------------------------------------------------------------------------

    async def audit(
        self, actor: str, action: str, user_id: str | None, detail: str | None = None
    ) -> None:
        await self.db.execute(
            "INSERT INTO access_audit (at, actor, action, user_id, detail) VALUES (?, ?, ?, ?, ?)",
            (self.db.now(), actor, action, user_id, detail),
        )

    async def audit_entries(self, user_id: str | None = None, limit: int = 30) -> list[AuditEntry]:
        """The latest entries, newest first."""
        where, params = ("WHERE user_id = ?", (user_id,)) if user_id else ("", ())
        rows = await self.db.fetchall(
            f"SELECT at, actor, action, user_id, detail FROM access_audit {where} "
            "ORDER BY id DESC LIMIT ?",
            (*params, limit),
        )
        return [
            AuditEntry(r["at"], r["actor"], r["action"], r["user_id"], r["detail"]) for r in rows
        ]

    # Usage and quotas -------------------------------------------------------------------

    async def record_usage(
        self,
        user_id: str,
        at: str,
        *,
        tokens_in: int,
        tokens_out: int,
        latency_ms: int,
        wait_ms: int,
        cost: float | None = None,
        kwh: float | None = None,
        kgco2eq: float | None = None,
    ) -> None:
        tallies = self.db.shared(UsageMemos).tallies
        recorded = False
        try:
            await self.db.execute(
                "INSERT INTO usage (user_id, at, tokens_in, tokens_out, latency_ms, wait_ms, "
                "cost, kwh, kgco2eq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (user_id, at, tokens_in, tokens_out, latency_ms, wait_ms, cost, kwh, kgco2eq),
            )
            recorded = True
        finally:
            tally = tallies.get(user_id)
            if tally is not None and recorded:
                tallies.update(user_id, tally.plus(at, tokens_in + tokens_out))
            else:
                tallies.forget(user_id)  # written or not: read again

    async def footprint_since(self, user_id: str, since: str | None = None) -> FootprintTotal:
        """The user's footprint since `since` (UTC ISO), or since their first request."""
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n, coalesce(SUM(cost), 0) AS cost, "
            "coalesce(SUM(kwh), 0) AS kwh, coalesce(SUM(kgco2eq), 0) AS co2 FROM usage "
            "WHERE user_id = ? AND at >= ? "
            "AND (cost IS NOT NULL OR kwh IS NOT NULL OR kgco2eq IS NOT NULL)",
            (user_id, since or ""),
        )
        if row is None:
            return FootprintTotal(0, 0.0, 0.0, 0.0)
        return FootprintTotal(
            int(row["n"]), float(row["cost"]), float(row["kwh"]), float(row["co2"])
        )

    async def usage_window(
        self, user_id: str, day_start: str, recent_since: str | None
    ) -> tuple[Usage, Usage | None]:
        """The user's usage since `day_start` and, unless None, since `recent_since` (a rolling
        window of a minute or so): what the quota check reads before every answer, read from
        the database once a day per user, then kept up to date by `record_usage`."""
        memo = self.db.shared(UsageMemos).tallies
        tally = memo.get(user_id)
        if tally is None or not tally.covers(day_start, recent_since):
            generation = memo.generation()
            tally = await self._load_tally(user_id, day_start, recent_since)
            memo.keep(user_id, tally, generation)
        day = Usage(tally.messages, tally.tokens, tally.first_at)
        if recent_since is None:
            return day, None
        tally.keep_recent(recent_since)
        recent = [r for r in tally.recent if r[0] >= recent_since]
        return day, Usage(
            len(recent), sum(t for _, t in recent), min((a for a, _ in recent), default=None)
        )

    async def _load_tally(self, user_id: str, day_start: str, recent_since: str | None) -> _Tally:
        day = await self.usage_since(user_id, day_start)
        if recent_since is None:  # no rolling window: no request kept one by one
            return _Tally(day_start, day.messages, day.tokens, day.first_at, _NEVER, [])
        rows = await self.db.fetchall(
            "SELECT at, tokens_in + tokens_out AS t FROM usage WHERE user_id = ? AND at >= ?",
            (user_id, recent_since),
        )
        return _Tally(
            day_start,
            day.messages,
            day.tokens,
            day.first_at,
            recent_since,
            [(str(r["at"]), int(r["t"])) for r in rows],
        )

    async def usage_since(self, user_id: str, since: str) -> Usage:
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n, coalesce(SUM(tokens_in + tokens_out), 0) AS t, MIN(at) AS f "
            "FROM usage WHERE user_id = ? AND at >= ?",
            (user_id, since),
        )
        if row is None:
            return Usage(0, 0, None)
        return Usage(int(row["n"]), int(row["t"]), row["f"])

    async def quota_override(self, user_id: str) -> QuotaOverride:
        # Written only by set_quota_override below: the answer "none" is remembered too.
        memo = self.db.shared(UsageMemos).overrides
        known = memo.get(user_id)
        if known is not None:
            return known
        generation = memo.generation()
        row = await self.db.fetchone(
            "SELECT messages_per_day, tokens_per_day FROM quota_overrides WHERE user_id = ?",
            (user_id,),
        )
        found = (
            QuotaOverride(row["messages_per_day"], row["tokens_per_day"])
            if row is not None
            else QuotaOverride(None, None)
        )
        memo.keep(user_id, found, generation)
        return found

    async def set_quota_override(
        self, user_id: str, messages: int | None, tokens: int | None, actor: str
    ) -> None:
        try:
            if messages is None and tokens is None:
                await self.db.execute("DELETE FROM quota_overrides WHERE user_id = ?", (user_id,))
                return
            await self.db.execute(
                "INSERT INTO quota_overrides (user_id, messages_per_day, tokens_per_day, "
                "set_by, set_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                "messages_per_day = excluded.messages_per_day, "
                "tokens_per_day = excluded.tokens_per_day, set_by = excluded.set_by, "
                "set_at = excluded.set_at",
                (user_id, messages, tokens, actor, self.db.now()),
            )
        finally:
            self.db.shared(UsageMemos).overrides.forget(user_id)

    # Messages held until a user is approved or accepts the terms -----------------------

    async def approved_with_held(self, ref: str) -> list[str]:
        """Approved users who still have messages held with `ref` (an interrupted approval)."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT i.sender FROM inbox i JOIN users u ON u.user_id = i.sender "
            "WHERE i.status = 'failed' AND i.error_ref = ? AND u.status = 'approved' "
            "ORDER BY i.sender",
            (ref,),
        )
        return [str(r["sender"]) for r in rows]

    async def held(self, sender: str, refs: Sequence[str]) -> list[HeldMessage]:
        marks = ", ".join("?" for _ in refs)
        rows = await self.db.fetchall(
            f"SELECT seq, room_id FROM inbox WHERE sender = ? AND status = 'failed' "
            f"AND error_ref IN ({marks}) ORDER BY origin_ts, seq",
            (sender, *refs),
        )
        return [HeldMessage(int(r["seq"]), str(r["room_id"])) for r in rows]
