"""Side tasks that must not hold up the sync loop or an answer, and the doorbell that tells a
room's worker that events were queued again for it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class Background:
    """Runs side tasks (a notice, a key request, a generated title); cancelled at shutdown."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("side task failed: %s", task.exception())

    async def idle(self) -> None:
        """Until every side task started so far has ended (tests and benchmarks use it)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class Doorbell:
    """A feature that queued a room's events again (approval, !reessayer) rings; the
    dispatcher, which listens, makes sure the room's worker runs."""

    def __init__(self) -> None:
        self._listener: Callable[[str], None] | None = None

    def listen(self, listener: Callable[[str], None]) -> None:
        self._listener = listener

    def ring(self, room_id: str) -> None:
        if self._listener is not None:
            self._listener(room_id)
