"""The fair queue in front of the model: round-robin across users, paced under the provider's
published per-minute limits, with a low-priority lane for work no agent waits for.

A user with many waiting requests gets one turn per round, so a heavy user cannot starve the
others; a bound on waiting requests keeps memory flat under overload. No concurrency cap of our
own by default (Albert/OpenGateLLM and Mistral's API publish none): only SAFETY_CAP requests at
once, unless the operators set `[limits] max_concurrent_requests`. While the provider has room
(slots free, the pacer's minute not full, no pause after a 429) `acquire` returns at once.

Background work (a conversation's title) goes through `background()`: only when no answer
waits, within the pacer's room minus a reserve kept for answers, and its slot is taken back
(its task cancelled) the moment an answer needs it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

log = logging.getLogger(__name__)

PositionCallback = Callable[[int], Awaitable[None]]

# Requests at once when the operators set no cap. Neither Albert (OpenGateLLM: per-key rpm, rpd,
# tpm, tpd, no concurrency limit) nor Mistral's API (requests per second, tokens per minute)
# publishes a concurrency limit; 100 is the openai client's keep-alive pool
# (max_keepalive_connections): past it every further request opens and closes a connection of
# its own, a sign of a runaway rather than of load, and it keeps the bot's memory bounded.
SAFETY_CAP = 100
# The providers' per-minute window (OpenGateLLM's `limits` RateLimitItemPerMinute), plus a
# second: the server sees each request a network delay after we count it, and delays vary.
WINDOW = 61.0
# Longest pause a refusal (429) imposes on the queue, and the pause when it gives no hint.
MAX_PAUSE = 60.0
DEFAULT_PAUSE = 5.0
# Per-minute limits past these are not paced (no provider's limit is near, and the window's
# memory stays bounded).
MAX_PACED_RPM = 100_000
# Share of the minute's requests background work may not take (at least one request).
BACKGROUND_RESERVE = 0.1
# How long background work waits for room before giving up (its caller has a fallback).
BACKGROUND_WAIT = 120.0
# The pacer's timer fires this much after the pacer's time, so that it finds room then.
_TIMER_MARGIN = 0.001


class QueueFull(Exception):
    """Too many requests are waiting already."""


@dataclass(frozen=True)
class RateLimits:
    """Per-minute limits the pacer keeps under; None: not limited (or not known)."""

    rpm: int | None = None
    tpm: int | None = None
    source: str = ""  # "published" (/v1/me/info), "refusal" (a 429's text), "" (none)


class Pacer:
    """Requests and tokens sent in the last WINDOW seconds, against per-minute limits.

    A moving window: at most `rpm` requests in any WINDOW seconds, which also keeps under
    OpenGateLLM's fixed- and sliding-window strategies. Tokens are counted when told (`spent`),
    so a minute whose tokens reached `tpm` lets no new request go until they age out. Time is
    passed in (monotonic seconds): the pacer itself never reads a clock nor sleeps.
    """

    def __init__(self, window: float = WINDOW) -> None:
        self.window = window
        self.limits = RateLimits()
        self.paused_until = 0.0
        self._sent: deque[float] = deque()
        self._tokens: deque[tuple[float, int]] = deque()
        self._token_sum = 0

    @property
    def paces(self) -> bool:
        return self.limits.rpm is not None or self.limits.tpm is not None

    def set_limits(self, limits: RateLimits) -> None:
        rpm = limits.rpm if limits.rpm is not None and limits.rpm <= MAX_PACED_RPM else None
        tpm = limits.tpm if limits.tpm is not None and limits.tpm > 0 else None
        self.limits = RateLimits(rpm if rpm is None else max(1, rpm), tpm, limits.source)
        if rpm is None:
            self._sent.clear()

    def _trim(self, now: float) -> None:
        horizon = now - self.window
        sent = self._sent
        while sent and sent[0] <= horizon:
            sent.popleft()
        tokens = self._tokens
        while tokens and tokens[0][0] <= horizon:
            self._token_sum -= tokens.popleft()[1]

    def delay(self, now: float, reserve: int = 0) -> float:
        """Seconds before one more request fits (0.0: now), keeping `reserve` requests of the
        minute unused."""
        wait = self.paused_until - now
        rpm, tpm = self.limits.rpm, self.limits.tpm
        if rpm is None and tpm is None:
            return max(0.0, wait)
        self._trim(now)
        if rpm is not None:
            allowed = rpm - reserve
            if allowed <= 0:
                return max(wait, self.window)  # never within this minute's share
            if len(self._sent) >= allowed:
                # The request that must leave the window before one more fits.
                leaves = self._sent[len(self._sent) - allowed]
                wait = max(wait, leaves + self.window - now)
        if tpm is not None and self._token_sum >= tpm:
            excess = self._token_sum - tpm
            for at, count in self._tokens:
                excess -= count
                if excess < 0:
                    wait = max(wait, at + self.window - now)
                    break
        return max(0.0, wait)

    def record(self, now: float) -> None:
        if self.limits.rpm is not None:
            self._sent.append(now)
            if len(self._sent) > self.limits.rpm:
                self._sent.popleft()

    def spent(self, now: float, tokens: int) -> None:
        if self.limits.tpm is None or tokens <= 0:
            return
        self._trim(now)
        self._tokens.append((now, tokens))
        self._token_sum += tokens
        while len(self._tokens) > 10_000:  # bounded however small the requests
            self._token_sum -= self._tokens.popleft()[1]

    def pause(self, now: float, seconds: float) -> None:
        self.paused_until = max(self.paused_until, now + max(0.0, min(seconds, MAX_PAUSE)))

    def sent_in_window(self, now: float) -> int:
        self._trim(now)
        return len(self._sent)


class _Waiter:
    __slots__ = ("granted", "moved", "user")

    def __init__(self, user: str) -> None:
        self.user = user
        self.granted = asyncio.get_running_loop().create_future()
        self.moved = asyncio.Event()


class FairQueue:
    def __init__(
        self,
        capacity: int | None,
        bound: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        window: float = WINDOW,
    ) -> None:
        # The operators' cap, if they set one; else only the safety bound.
        self.configured_capacity = capacity
        self.capacity = capacity if capacity is not None else SAFETY_CAP
        self.bound = bound
        self.active = 0  # answers (and agents' service calls) holding a slot
        self.background_active = 0  # background work holding a slot
        self.peak_waiting = 0
        # Grants: at once on arrival, or after a wait (slots full, paced, paused).
        self.immediate = 0
        self.delayed = 0
        self.preempted = 0  # background holders cancelled for an answer
        self.pacer = Pacer(window)
        self._clock = clock
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0
        # Users in round-robin order, each with their waiting requests in arrival order.
        self._waiting: OrderedDict[str, deque[_Waiter]] = OrderedDict()
        self._background_waiting: deque[asyncio.Future[None]] = deque()
        self._background_tasks: list[asyncio.Task[object]] = []  # holders, oldest first
        self._preempting: set[asyncio.Task[object]] = set()
        # Told after a refusal for too many requests (the limits are read again).
        self.on_rate_limited: Callable[[], None] | None = None

    # Limits ----------------------------------------------------------------------------------

    def set_limits(self, limits: RateLimits) -> None:
        if limits != self.pacer.limits:
            log.info(
                "model request pacing: %s requests/min, %s tokens/min (%s)",
                limits.rpm if limits.rpm is not None else "no limit",
                limits.tpm if limits.tpm is not None else "no limit",
                limits.source or "none known",
            )
        self.pacer.set_limits(limits)
        self.wake()

    def rate_limited(self, retry_after: float | None, limits: RateLimits | None = None) -> None:
        """The provider refused a request for too many: nobody else goes before `retry_after`
        (bounded), limits named by the refusal are kept unless published ones are known, and
        the published ones are read again."""
        seconds = DEFAULT_PAUSE if retry_after is None else retry_after
        self.pacer.pause(self._clock(), seconds)
        if limits is not None and self.pacer.limits.source != "published":
            self.set_limits(limits)
        log.warning("model server refused for too many requests: queue paused %.1f s", seconds)
        if self.on_rate_limited is not None:
            self.on_rate_limited()
        self.wake()

    def spent(self, tokens: int) -> None:
        """Tokens a request used (counted against the tokens per minute, when known)."""
        self.pacer.spent(self._clock(), tokens)

    # State -----------------------------------------------------------------------------------

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

    def _free(self) -> int:
        return self.capacity - self.active - self.background_active

    def _reserve(self) -> int:
        rpm = self.pacer.limits.rpm
        return 0 if rpm is None else max(1, int(rpm * BACKGROUND_RESERVE))

    def wake(self) -> None:
        """Grant what fits now (the pacer's time moved on, limits changed)."""
        self._grant_next()

    def _arm(self, delay: float) -> None:
        """Run `_grant_next` again once the pacer has room."""
        loop = asyncio.get_running_loop()
        at = loop.time() + delay + _TIMER_MARGIN
        if self._timer is not None and not self._timer.cancelled() and self._timer_at <= at:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = at
        self._timer = loop.call_at(at, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self._grant_next()

    def _preempt(self) -> None:
        """Take slots back from background work for the answers that wait for one."""
        needed = self.waiting - self._free() - len(self._preempting)
        for task in reversed(self._background_tasks):
            if needed <= 0:
                break
            if task in self._preempting or task.done():
                continue
            self._preempting.add(task)
            self.preempted += 1
            task.cancel()
            needed -= 1

    def _grant_next(self) -> None:
        if not self._waiting and not self._background_waiting:
            return  # the common case: nobody waits
        now = self._clock()
        while self._waiting and self._free() > 0:
            delay = self.pacer.delay(now)
            if delay > 0:
                self._arm(delay)
                break
            user, queue = next(iter(self._waiting.items()))
            waiter = queue.popleft()
            del self._waiting[user]
            if queue:
                self._waiting[user] = queue  # back at the end of the round
            if waiter.granted.done():
                continue
            self.active += 1
            self.delayed += 1
            self.pacer.record(now)
            waiter.granted.set_result(None)
        if self._waiting and self._free() <= 0 and self._background_tasks:
            self._preempt()
        if not self._waiting:
            self._grant_background(now)
        self._moved()

    def _grant_background(self, now: float) -> None:
        waiting = self._background_waiting
        while waiting and self._free() > 0:
            if waiting[0].done():
                waiting.popleft()
                continue
            delay = self.pacer.delay(now, self._reserve())
            if delay > 0:
                self._arm(delay)
                return
            self.background_active += 1
            self.pacer.record(now)
            waiting.popleft().set_result(None)

    def _remove(self, waiter: _Waiter) -> None:
        queue = self._waiting.get(waiter.user)
        if queue is not None and waiter in queue:
            queue.remove(waiter)
            if not queue:
                del self._waiting[waiter.user]
        self._moved()

    # Answers ---------------------------------------------------------------------------------

    async def acquire(self, user: str, on_position: PositionCallback | None = None) -> None:
        """Wait for a slot; `on_position(n)` is called with the position, each time it changes."""
        if not self._waiting and self._free() > 0:
            now = self._clock()
            if self.pacer.delay(now) <= 0:
                self.active += 1
                self.immediate += 1
                self.pacer.record(now)
                return
        if self.waiting >= self.bound:
            raise QueueFull
        waiter = _Waiter(user)
        self._waiting.setdefault(user, deque()).append(waiter)
        self.peak_waiting = max(self.peak_waiting, self.waiting)
        self._grant_next()  # arms the pacer's timer, or takes a slot back from background work
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

    # Background work -------------------------------------------------------------------------

    @asynccontextmanager
    async def background(self, wait: float = BACKGROUND_WAIT) -> AsyncIterator[None]:
        """A slot for work no agent waits for. Granted only when no answer waits, within the
        pacer's room minus a reserve for answers; TimeoutError after `wait` seconds without
        room. The holding task is cancelled when an answer needs the slot."""
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("background() needs a task")
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._background_waiting.append(granted)
        self._grant_next()
        try:
            async with asyncio.timeout(wait):
                await asyncio.shield(granted)
        except BaseException:
            if granted.done() and not granted.cancelled():
                self.background_active -= 1
                self._grant_next()
            else:
                granted.cancel()
            raise
        self._background_tasks.append(task)
        try:
            yield
        finally:
            self._background_tasks.remove(task)
            self._preempting.discard(task)
            self.background_active -= 1
            self._grant_next()
