"""Answers being streamed, one per room at most: what a stop (`!stop`, a ⏹️ reaction on the
answer) reaches at once, while the room's worker is busy with that answer.

The dispatcher looks an answer up here when a stop arrives, before the stop is queued; the
answer pipeline registers each answer for its lifetime and runs the model's stream through
`InFlightAnswer.run`, which ends the stream (its HTTP connection closed, so the model stops
generating) as soon as the stop comes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


class Stopped(Exception):
    """The agent stopped the answer."""


@dataclass(eq=False)
class InFlightAnswer:
    room_id: str
    sender: str  # who asked: only they may stop it
    event_id: str  # the question's event
    # The answer's messages so far (the streamer's own list, so it follows the stream).
    event_ids: list[str] = field(default_factory=list)
    stopped_by: str | None = None  # "command" or "reaction", once stopped
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self, how: str) -> None:
        if not self._stop.is_set():
            self.stopped_by = how
            self._stop.set()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """`coro`'s result, unless a stop comes first: then it is cancelled and Stopped raised.

        A result that was ready when the stop came wins (the answer was complete).
        """
        if self.stopped:
            coro.close()
            raise Stopped
        task = asyncio.ensure_future(coro)
        waiter = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
            if not task.done():
                task.cancel()
                # The stream's `async with` closes its HTTP response on the way out.
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if task.cancelled():
            raise Stopped
        return task.result()


class InFlight:
    """The answer in flight in each room."""

    def __init__(self) -> None:
        self._by_room: dict[str, InFlightAnswer] = {}

    def start(
        self, room_id: str, sender: str, event_id: str, event_ids: list[str]
    ) -> InFlightAnswer:
        answer = InFlightAnswer(room_id, sender, event_id, event_ids)
        self._by_room[room_id] = answer
        return answer

    def end(self, answer: InFlightAnswer) -> None:
        if self._by_room.get(answer.room_id) is answer:
            del self._by_room[answer.room_id]

    def get(self, room_id: str) -> InFlightAnswer | None:
        return self._by_room.get(room_id)

    def stoppable(
        self, room_id: str, sender: str, on_event: str | None = None
    ) -> InFlightAnswer | None:
        """The answer `sender` may stop in the room (the one showing in `on_event`, for a
        reaction), if it is still running."""
        answer = self._by_room.get(room_id)
        if answer is None or answer.stopped or answer.sender != sender:
            return None
        if on_event is not None and on_event not in answer.event_ids:
            return None
        return answer
