"""The retention of conversations: content older than [privacy] retention_days is deleted, by
a job on the runtime's scheduler."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta

from bot.context import Services
from bot.feature import Job
from handlers.privacy.guard import Privacy
from storage.privacy import RetentionCounts
from storage.retention import RETENTION_SLICE, delete_messages_slice

log = logging.getLogger(__name__)


async def run_retention(services: Services, now: datetime) -> RetentionCounts | None:
    """Delete conversation content older than [privacy] retention_days, as of `now`."""
    return await purge(services.part(Privacy), now)


async def purge(privacy: Privacy, now: datetime) -> RetentionCounts | None:
    days = privacy.config.retention_days
    if days <= 0:
        return None
    cutoff = (now - timedelta(days=days)).astimezone(UTC).isoformat(timespec="milliseconds")
    # The bulk in short transactions (answers' writes go in between), then the rest at once.
    sliced = 0
    while (deleted := await delete_messages_slice(privacy.repo.db, cutoff)) > 0:
        sliced += deleted
        if deleted < RETENTION_SLICE:
            break
    counts = await privacy.repo.purge_before(cutoff)
    if sliced:
        counts = dataclasses.replace(counts, messages=counts.messages + sliced)
    if counts.total:
        privacy.detector.clear_cache()
    log.info(
        "retention (%d days): deleted %d messages, %d conversations, %d inbox rows, "
        "%d undecrypted events, %d other rows; cleared %d titles",
        days,
        counts.messages,
        counts.conversations,
        counts.inbox,
        counts.undecrypted,
        counts.other,
        counts.titles,
    )
    return counts


def retention_job(privacy: Privacy) -> Job | None:
    """The retention on the runtime's scheduler: every hour, the first a minute after the
    start; None when conversations are kept until erased."""
    if privacy.config.retention_days <= 0:
        log.info("retention disabled: conversations are kept until erased")
        return None

    async def run(now: datetime) -> None:
        await purge(privacy, now)

    return Job("retention", run, every=3600, first_after=60)
