"""Periodic jobs (APScheduler 3, on the bot's event loop): the retention of conversations."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.context import Services
from storage.privacy import RetentionCounts

log = logging.getLogger(__name__)


async def run_retention(services: Services, now: datetime) -> RetentionCounts | None:
    """Delete conversation content older than [privacy] retention_days, as of `now`."""
    days = services.config.privacy.retention_days
    if days <= 0:
        return None
    cutoff = (now - timedelta(days=days)).astimezone(UTC).isoformat(timespec="milliseconds")
    counts = await services.privacy.purge_before(cutoff)
    if counts.total:
        services.pii.clear_cache()
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


class RetentionJob:
    """Runs the retention every `interval` (first run `first_delay` after the start)."""

    def __init__(
        self,
        services: Services,
        *,
        interval: timedelta = timedelta(hours=1),
        first_delay: timedelta = timedelta(minutes=1),
    ) -> None:
        self.services = services
        self.interval = interval
        self.first_delay = first_delay
        self._scheduler: AsyncIOScheduler | None = None
        self._running: asyncio.Task[object] | None = None

    def start(self) -> None:
        """Call from the running event loop."""
        if self.services.config.privacy.retention_days <= 0:
            log.info("retention disabled: conversations are kept until erased")
            return
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(
            self._run,
            IntervalTrigger(seconds=self.interval.total_seconds(), timezone=UTC),
            id="retention",
            next_run_time=datetime.now(UTC) + self.first_delay,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=int(self.interval.total_seconds()),
        )
        scheduler.start()
        self._scheduler = scheduler

    async def _run(self) -> None:
        self._running = asyncio.current_task()
        try:
            await run_retention(self.services, self.services.clock())
        except Exception:
            log.exception("retention job failed")
        finally:
            self._running = None

    async def stop(self) -> None:
        """No new run; a run in progress finishes (it is one short transaction)."""
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        running = self._running
        if running is not None and not running.done():
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(running), 10)
