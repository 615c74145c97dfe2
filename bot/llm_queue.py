"""The fair queue in front of the model: a global cap on requests, round-robin across users.

A user with many waiting requests gets one turn per round, so a heavy user cannot starve the
others; a bound on waiting requests keeps memory flat under overload.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)

PositionCallback = Callable[[int], Awaitable[None]]


class QueueFull(Exception):
    """Too many requests are waiting already."""


class _Waiter:
    __slots__ = ("granted", "moved", "user")

    def __init__(self, user: str) -> None:
        self.user = user
        self.granted = asyncio.get_running_loop().create_future()
        self.moved = asyncio.Event()


class FairQueue:
    def __init__(self, capacity: int, bound: int) -> None:
        self.capacity = capacity
        self.bound = bound
        self.active = 0
        self.peak_waiting = 0
        # Users in round-robin order, each with their waiting requests in arrival order.
        self._waiting: OrderedDict[str, deque[_Waiter]] = OrderedDict()

    @property
    def waiting(self) -> int:
        return sum(len(q) for q in self._waiting.values())

    def _order(self) -> list[_Waiter]:
        """Who is served next, in order: one request of each user per round."""
        queues = [list(q) for q in self._waiting.values()]
        order: list[_Waiter] = []
        depth = 0
        while True:
            round_ = [q[depth] for q in queues if depth < len(q)]
            if not round_:
                return order
            order.extend(round_)
            depth += 1

    def position(self, waiter: _Waiter) -> int:
        return self._order().index(waiter) + 1

    def _moved(self) -> None:
        for queue in self._waiting.values():
            for waiter in queue:
                waiter.moved.set()

    def _grant_next(self) -> None:
        while self.active < self.capacity and self._waiting:
            user, queue = next(iter(self._waiting.items()))
            waiter = queue.popleft()
            del self._waiting[user]
            if queue:
                self._waiting[user] = queue  # back at the end of the round
            if waiter.granted.done():
                continue
            self.active += 1
            waiter.granted.set_result(None)
        self._moved()

    def _remove(self, waiter: _Waiter) -> None:
        queue = self._waiting.get(waiter.user)
        if queue is not None and waiter in queue:
            queue.remove(waiter)
            if not queue:
                del self._waiting[waiter.user]
        self._moved()

    async def acquire(self, user: str, on_position: PositionCallback | None = None) -> None:
        """Wait for a slot; `on_position(n)` is called with the position, each time it changes."""
        if self.active < self.capacity and not self._waiting:
            self.active += 1
            return
        if self.waiting >= self.bound:
            raise QueueFull
        waiter = _Waiter(user)
        self._waiting.setdefault(user, deque()).append(waiter)
        self.peak_waiting = max(self.peak_waiting, self.waiting)
        shown = 0
        try:
            while not waiter.granted.done():
                position = self.position(waiter)
                waiter.moved.clear()
                if position != shown and on_position is not None:
                    shown = position
                    await on_position(position)
                if waiter.granted.done():
                    break
                moved = asyncio.ensure_future(waiter.moved.wait())
                try:
                    await asyncio.wait(
                        {waiter.granted, moved}, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    moved.cancel()
        except BaseException:
            if waiter.granted.done() and not waiter.granted.cancelled():
                self.release()
            else:
                waiter.granted.cancel()
                self._remove(waiter)
            raise

    def release(self) -> None:
        self.active -= 1
        self._grant_next()

    @asynccontextmanager
    async def slot(
        self, user: str, on_position: PositionCallback | None = None
    ) -> AsyncIterator[None]:
        await self.acquire(user, on_position)
        try:
            yield
        finally:
            self.release()
