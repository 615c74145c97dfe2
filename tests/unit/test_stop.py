"""The in-flight registry: who may stop which answer, and a stop cancelling the work at once."""

from __future__ import annotations

import asyncio

import pytest

from bot.inflight import InFlight, Stopped


async def test_run_returns_the_result_without_a_stop() -> None:
    answer = InFlight().start("!r", "@a:x", "$q", [])

    async def work() -> int:
        await asyncio.sleep(0)
        return 42

    assert await answer.run(work()) == 42


async def test_a_stop_cancels_the_work_at_once() -> None:
    answer = InFlight().start("!r", "@a:x", "$q", [])
    cancelled = asyncio.Event()

    async def endless() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    running = asyncio.ensure_future(answer.run(endless()))
    await asyncio.sleep(0.01)
    answer.stop("command")
    with pytest.raises(Stopped):
        async with asyncio.timeout(1):
            await running
    assert cancelled.is_set() and answer.stopped_by == "command"
    # Stopped already: the next step is not even started.
    started = False

    async def later() -> None:
        nonlocal started
        started = True

    with pytest.raises(Stopped):
        await answer.run(later())
    assert not started


async def test_an_outer_cancellation_cancels_the_work_too() -> None:
    answer = InFlight().start("!r", "@a:x", "$q", [])
    cancelled = asyncio.Event()

    async def endless() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    running = asyncio.ensure_future(answer.run(endless()))
    await asyncio.sleep(0.01)
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert cancelled.is_set() and not answer.stopped


def test_only_the_asker_may_stop_and_only_the_answer_shown() -> None:
    registry = InFlight()
    shown: list[str] = []
    answer = registry.start("!r", "@a:x", "$q", shown)
    assert registry.stoppable("!r", "@b:x") is None
    assert registry.stoppable("!other", "@a:x") is None
    assert registry.stoppable("!r", "@a:x") is answer
    assert registry.stoppable("!r", "@a:x", on_event="$answer") is None
    shown.append("$answer")  # the streamer's list: follows the answer's messages
    assert registry.stoppable("!r", "@a:x", on_event="$answer") is answer
    answer.stop("reaction")
    assert registry.stoppable("!r", "@a:x") is None  # stopped once
    registry.end(answer)
    assert registry.get("!r") is None
    # An old answer ending does not remove the room's newer one.
    newer = registry.start("!r", "@a:x", "$q2", [])
    registry.end(answer)
    assert registry.get("!r") is newer
