"""Usage statistics in SQL: counts, tokens, latencies, errors, feedback, survey responses.

Only numbers and ministries (homeserver, e-mail domain) are read: never message text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from storage.db import Database
from storage.surveys import iso

TOTAL = "total"
GROUPS = "(salons de groupe)"


def ministry(homeserver: str | None, domain: str | None) -> str:
    if not homeserver:
        return GROUPS
    return f"{homeserver} / {domain}" if domain else homeserver


@dataclass
class Row:
    """One line of !stats: a ministry, or the total."""

    approved: int = 0
    pending: int = 0
    active_1: int = 0
    active_7: int = 0
    active_30: int = 0
    messages: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    latencies: list[int] = field(default_factory=list)
    errors: int = 0
    thumbs_up: int = 0
    thumbs_down: int = 0
    surveys_sent: int = 0
    surveys_completed: int = 0
    # Footprint reported by the server (Albert), over the requests that carried one.
    footprint_requests: int = 0
    cost: float = 0.0
    kwh: float = 0.0
    kgco2eq: float = 0.0

    @property
    def latency_median(self) -> int | None:
        return percentile(self.latencies, 50)

    @property
    def latency_p95(self) -> int | None:
        return percentile(self.latencies, 95)


def percentile(values: list[int], pct: float) -> int | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


@dataclass
class Daily:
    """Per day (UTC, oldest first) of a period: agents' questions by ministry, and the 👍/👎
    given to answers. Read for the charts of !stats."""

    days: list[str]
    questions: dict[str, list[int]]
    thumbs_up: list[int]
    thumbs_down: list[int]


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def compute(self, now: datetime, days: int) -> dict[str, Row]:
        """Rows by ministry plus TOTAL; activity is always 1/7/30 days, the rest `days`."""
        db = self.db
        since = iso(now - timedelta(days=days))
        rows: dict[str, Row] = defaultdict(Row)
        where: dict[str, str] = {}
        for r in await db.fetchall("SELECT user_id, status, homeserver, domain FROM users"):
            key = ministry(r["homeserver"], r["domain"])
            where[r["user_id"]] = key
            if r["status"] == "approved":
                rows[key].approved += 1
            elif r["status"] == "pending":
                rows[key].pending += 1
        for window in (1, 7, 30):
            cutoff = iso(now - timedelta(days=window))
            for r in await db.fetchall(
                "SELECT DISTINCT sender FROM inbox WHERE received_at >= ? AND room_id NOT IN "
                "(SELECT room_id FROM rooms WHERE kind = 'support')",
                (cutoff,),
            ):
                known = where.get(r["sender"])
                if known is None:
                    continue
                row = rows[known]
                setattr(row, f"active_{window}", getattr(row, f"active_{window}") + 1)
        for r in await db.fetchall(
            "SELECT m.role, m.tokens_in, m.tokens_out, m.latency_ms, u.homeserver, u.domain "
            "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
            "LEFT JOIN users u ON u.user_id = c.user_id WHERE m.created_at >= ?",
            (since,),
        ):
            row = rows[ministry(r["homeserver"], r["domain"])]
            if r["role"] == "user":
                row.messages += 1
            else:
                row.tokens_in += r["tokens_in"] or 0
                row.tokens_out += r["tokens_out"] or 0
                if r["latency_ms"] is not None:
                    row.latencies.append(int(r["latency_ms"]))
        # From the usage rows (no content; they outlive retention), by the requester's ministry.
        for r in await db.fetchall(
            "SELECT u.homeserver, u.domain, COUNT(*) AS n, coalesce(SUM(g.cost), 0) AS cost, "
            "coalesce(SUM(g.kwh), 0) AS kwh, coalesce(SUM(g.kgco2eq), 0) AS co2 FROM usage g "
            "LEFT JOIN users u ON u.user_id = g.user_id WHERE g.at >= ? "
            "AND (g.cost IS NOT NULL OR g.kwh IS NOT NULL OR g.kgco2eq IS NOT NULL) "
            "GROUP BY u.homeserver, u.domain",
            (since,),
        ):
            row = rows[ministry(r["homeserver"], r["domain"])]
            row.footprint_requests += int(r["n"])
            row.cost += float(r["cost"])
            row.kwh += float(r["kwh"])
            row.kgco2eq += float(r["co2"])
        for r in await db.fetchall(
            "SELECT sender FROM inbox WHERE status = 'failed' AND received_at >= ?", (since,)
        ):
            rows[where.get(r["sender"]) or GROUPS].errors += 1
        for r in await db.fetchall(
            "SELECT homeserver, domain, rating, SUM(count) AS n FROM feedback_tallies "
            "WHERE day >= ? GROUP BY homeserver, domain, rating",
            (since[:10],),
        ):
            row = rows[ministry(r["homeserver"] or None, r["domain"] or None)]
            if r["rating"] == "up":
                row.thumbs_up += int(r["n"])
            else:
                row.thumbs_down += int(r["n"])
        for r in await db.fetchall(
            "SELECT homeserver, domain, status FROM survey_sends "
            "WHERE sent_at IS NOT NULL AND sent_at >= ?",
            (since,),
        ):
            row = rows[ministry(r["homeserver"], r["domain"])]
            row.surveys_sent += 1
            row.surveys_completed += r["status"] == "completed"
        total = Row()
        for row in rows.values():
            for name in Row.__dataclass_fields__:
                if name == "latencies":
                    total.latencies.extend(row.latencies)
                else:
                    setattr(total, name, getattr(total, name) + getattr(row, name))
        return {TOTAL: total, **dict(sorted(rows.items()))}

    async def daily(self, now: datetime, days: int) -> Daily:
        """The last `days` days, today included (counted from the same rows as `compute`)."""
        first = (now - timedelta(days=days - 1)).astimezone(UTC).date()
        dates = [(first + timedelta(days=n)).isoformat() for n in range(days)]
        index = {day: n for n, day in enumerate(dates)}
        questions: dict[str, list[int]] = {}
        for r in await self.db.fetchall(
            "SELECT substr(m.created_at, 1, 10) AS day, u.homeserver, u.domain, COUNT(*) AS n "
            "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
            "LEFT JOIN users u ON u.user_id = c.user_id "
            "WHERE m.role = 'user' AND m.created_at >= ? GROUP BY day, u.homeserver, u.domain",
            (dates[0],),
        ):
            at = index.get(r["day"])
            if at is None:
                continue
            counts = questions.setdefault(ministry(r["homeserver"], r["domain"]), [0] * days)
            counts[at] += int(r["n"])
        up, down = [0] * days, [0] * days
        for r in await self.db.fetchall(
            "SELECT day, rating, SUM(count) AS n FROM feedback_tallies WHERE day >= ? "
            "GROUP BY day, rating",
            (dates[0],),
        ):
            at = index.get(r["day"])
            if at is not None:
                (up if r["rating"] == "up" else down)[at] += int(r["n"])
        return Daily(dates, dict(sorted(questions.items())), up, down)
