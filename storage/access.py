"""Access: newcomers' registration, the audit log, usage per request, quotas, capacity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.db import Database
from storage.privacy import register_personal_data
from storage.users import _USER_COLUMNS, User, UserRepository, _user

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
        rowcount, _ = await self.db.execute(
            "UPDATE users SET registered_at = ?, status = ?, status_changed_at = ?, "
            "homeserver = ?, domain = ? WHERE user_id = ? AND registered_at IS NULL",
            (now, status, now, homeserver, domain, user_id),
        )
        return rowcount > 0

    async def registered_at(self, user_id: str) -> str | None:
        row = await self.db.fetchone(
            "SELECT registered_at FROM users WHERE user_id = ?", (user_id,)
        )
        return str(row["registered_at"]) if row and row["registered_at"] else None

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
        await self.db.execute(
            "UPDATE users SET terms_version = ?, terms_accepted_at = ? WHERE user_id = ?",
            (version, self.db.now(), user_id),
        )

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
        await self.db.execute(
            "INSERT INTO usage (user_id, at, tokens_in, tokens_out, latency_ms, wait_ms, cost, "
            "kwh, kgco2eq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (user_id, at, tokens_in, tokens_out, latency_ms, wait_ms, cost, kwh, kgco2eq),
        )

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
        row = await self.db.fetchone(
            "SELECT messages_per_day, tokens_per_day FROM quota_overrides WHERE user_id = ?",
            (user_id,),
        )
        if row is None:
            return QuotaOverride(None, None)
        return QuotaOverride(row["messages_per_day"], row["tokens_per_day"])

    async def set_quota_override(
        self, user_id: str, messages: int | None, tokens: int | None, actor: str
    ) -> None:
        if messages is None and tokens is None:
            await self.db.execute("DELETE FROM quota_overrides WHERE user_id = ?", (user_id,))
            return
        await self.db.execute(
            "INSERT INTO quota_overrides (user_id, messages_per_day, tokens_per_day, set_by, "
            "set_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
            "messages_per_day = excluded.messages_per_day, "
            "tokens_per_day = excluded.tokens_per_day, set_by = excluded.set_by, "
            "set_at = excluded.set_at",
            (user_id, messages, tokens, actor, self.db.now()),
        )

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
