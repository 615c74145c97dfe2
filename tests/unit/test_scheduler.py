"""The one scheduler: at stop, a run past its grace is cancelled and awaited, never left behind."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot.feature import Job
from bot.scheduler import Scheduler


async def test_a_run_past_the_grace_is_cancelled_and_awaited_at_stop() -> None:
    started = asyncio.Event()
    ended: list[str] = []

    async def slow(now: datetime) -> None:
        started.set()
        try:
            await asyncio.Event().wait()  # would outlive the database
        except asyncio.CancelledError:
            ended.append("cancelled")
            raise

    scheduler = Scheduler(lambda: datetime.now(UTC))
    scheduler.add([Job("slow", slow, every=3600, first_after=0)])
    scheduler.start()
    await asyncio.wait_for(started.wait(), 10)
    await scheduler.stop(grace=0.05)
    assert ended == ["cancelled"]  # finished before stop() returned


async def test_a_run_within_the_grace_finishes() -> None:
    started = asyncio.Event()
    ended: list[str] = []

    async def short(now: datetime) -> None:
        started.set()
        await asyncio.sleep(0.05)
        ended.append("done")

    scheduler = Scheduler(lambda: datetime.now(UTC))
    scheduler.add([Job("short", short, every=3600, first_after=0)])
    scheduler.start()
    await asyncio.wait_for(started.wait(), 10)
    await scheduler.stop(grace=5)
    assert ended == ["done"]


async def test_a_start_that_comes_after_the_stop_runs_nothing() -> None:
    # The jobs start a moment after the first sync: a bot stopped within that moment must not
    # start them once its database is closed.
    ran: list[datetime] = []

    async def job(now: datetime) -> None:
        ran.append(now)

    scheduler = Scheduler(lambda: datetime.now(UTC))
    scheduler.add([Job("job", job, every=3600, first_after=0)])
    await scheduler.stop()
    scheduler.start()
    await asyncio.sleep(0.2)
    assert ran == []
    await scheduler.stop()
