"""The runtime's one scheduler (APScheduler 3, on the bot's event loop): every periodic job of
every feature, and of the runtime itself, runs here.

A job never runs twice at once, missed runs are coalesced, and a failing run is logged without
stopping the others. At stop no new run starts; runs in progress get a few seconds to finish,
then are cancelled and awaited (the database closes after).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.feature import Job

# apscheduler is imported when the scheduler starts, after the first sync: a restart's first
# answer does not wait for it.
if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)


def cron_trigger(schedule: str, timezone: str) -> CronTrigger:
    from apscheduler.triggers.cron import CronTrigger

    return CronTrigger.from_crontab(schedule, timezone=ZoneInfo(timezone))


class Scheduler:
    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self._scheduler: AsyncIOScheduler | None = None
        self._running: set[asyncio.Task[object]] = set()
        self._stopped = False
        self.jobs: list[Job] = []

    def add(self, jobs: Iterable[Job]) -> None:
        self.jobs.extend(jobs)

    def start(self) -> None:
        """Call from the running event loop. Once stopped, it stays stopped (a start that comes
        late, after the bot began to stop, runs nothing)."""
        if self._stopped:
            return
        from apscheduler.schedulers.asyncio import AsyncIOScheduler
        from apscheduler.triggers.interval import IntervalTrigger

        scheduler = AsyncIOScheduler(timezone=UTC)
        for job in self.jobs:
            if job.cron:
                trigger: CronTrigger | IntervalTrigger = cron_trigger(job.cron, job.timezone)
                first: dict[str, datetime] = {}
                grace = 3600
            elif job.every:
                trigger = IntervalTrigger(seconds=job.every, timezone=UTC)
                first = {"next_run_time": datetime.now(UTC) + timedelta(seconds=job.first_after)}
                grace = max(1, int(job.every))
            else:
                raise ValueError(f"job {job.name}: set `every` or `cron`")
            scheduler.add_job(
                self._run,
                trigger,
                args=[job],
                id=job.name,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=grace,
                **first,
            )
            log.info("scheduled job %s", job.name)
        scheduler.start()
        self._scheduler = scheduler

    async def _run(self, job: Job) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            await job.run(self.clock())
        except Exception:
            log.exception("scheduled job %s failed", job.name)
        finally:
            if task is not None:
                self._running.discard(task)

    async def stop(self, grace: float = 10.0) -> None:
        self._stopped = True
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            scheduler.pause()  # no new run; shutting down now would cancel the running ones
        running = [t for t in self._running if not t.done()]
        if running:
            _, late = await asyncio.wait(running, timeout=grace)
            if late:
                # Cancelled and awaited before the lifespan closes the database under them: a
                # cancelled transaction rolls back whole, instead of failing half-way on a
                # closed connection.
                log.warning("%d scheduled job(s) still running at stop: cancelled", len(late))
                for task in late:
                    task.cancel()
                await asyncio.wait(late)
        if scheduler is not None:
            scheduler.shutdown(wait=False)
