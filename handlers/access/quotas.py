"""Quotas: messages and tokens per Paris day, messages per minute, per-user overrides; the
quota policy the answer pipeline asks before each model request and tells after it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import texts as bot_texts
from bot.context import Ctx, ModelUsage, Services, UserError
from handlers.access import texts
from handlers.access.policy import access_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    messages_per_day: int
    tokens_per_day: int


def day_start(now: datetime) -> tuple[datetime, datetime]:
    """The current day in Paris: its start and the next midnight, both aware."""
    local = now.astimezone(bot_texts.PARIS)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=1, hours=3)).replace(hour=0)  # DST-proof
    return start, following


def iso(when: datetime) -> str:
    from datetime import UTC

    return when.astimezone(UTC).isoformat(timespec="milliseconds")


async def limits_for(services: Services, user_id: str) -> Limits:
    config = services.config.limits
    override = await access_of(services).repo.quota_override(user_id)
    return Limits(
        override.messages_per_day
        if override.messages_per_day is not None
        else config.messages_per_day,
        override.tokens_per_day if override.tokens_per_day is not None else config.tokens_per_day,
    )


async def check_quota(services: Services, user_id: str) -> None:
    """UserError (French, with the time it resets) if the user is over a limit."""
    now = services.clock()
    limits = await limits_for(services, user_id)
    start, reset = day_start(now)
    burst = services.config.limits.burst_per_minute
    today, minute = await access_of(services).repo.usage_window(
        user_id, iso(start), iso(now - timedelta(minutes=1)) if burst else None
    )
    if limits.messages_per_day and today.messages >= limits.messages_per_day:
        log.info("daily message quota reached by %s", user_id)
        raise UserError(texts.quota_messages_reached(limits.messages_per_day, reset))
    if limits.tokens_per_day and today.tokens >= limits.tokens_per_day:
        log.info("daily token quota reached by %s", user_id)
        raise UserError(texts.quota_tokens_reached(limits.tokens_per_day, reset))
    if burst and minute is not None and minute.messages >= burst and minute.first_at:
        oldest = datetime.fromisoformat(minute.first_at)
        log.info("burst limit reached by %s", user_id)
        raise UserError(texts.quota_burst_reached(burst, oldest + timedelta(minutes=1)))


class Quota:
    """The quota policy the answer pipeline asks before each model request, and tells after."""

    async def admit(self, ctx: Ctx) -> None:
        await check_quota(ctx.services, ctx.sender)

    async def record(self, ctx: Ctx, usage: ModelUsage) -> None:
        await access_of(ctx.services).repo.record_usage(
            ctx.sender,
            iso(usage.admitted_at),
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            latency_ms=round(usage.latency * 1000),
            wait_ms=round(usage.waited * 1000),
            cost=usage.footprint.cost if usage.footprint else None,
            kwh=usage.footprint.kwh if usage.footprint else None,
            kgco2eq=usage.footprint.kgco2eq if usage.footprint else None,
        )
