"""The model queue without a model: the pacer under per-minute limits (time injected, no
sleeps), the fair order kept while paced, no wait with room, the background lane, and the
provider's published limits read from OpenGateLLM's /v1/me/info shapes."""

from __future__ import annotations

import asyncio
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.llm_queue import (
    BACKGROUND_WAIT,
    MAX_PAUSE,
    SAFETY_CAP,
    FairQueue,
    Pacer,
    QueueFull,
    RateLimits,
)
from bot.provider_limits import limits_in_refusal, parse_limits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


# The pacer ------------------------------------------------------------------------------------


def test_pacer_without_limits_never_waits() -> None:
    pacer = Pacer()
    for i in range(10_000):
        assert pacer.delay(float(i) / 1000) == 0.0
        pacer.record(float(i) / 1000)
    assert pacer.sent_in_window(10.0) == 0  # nothing kept when nothing is paced


def test_pacer_keeps_any_minute_under_the_rpm() -> None:
    pacer = Pacer(window=60.0)
    pacer.set_limits(RateLimits(rpm=3, source="published"))
    for at in (0.0, 10.0, 20.0):
        assert pacer.delay(at) == 0.0
        pacer.record(at)
    assert pacer.delay(30.0) == pytest.approx(30.0)  # the request at 0 leaves at 60
    assert pacer.delay(60.0) == 0.0
    pacer.record(60.0)
    assert pacer.delay(61.0) == pytest.approx(9.0)  # then the one at 10 leaves at 70


def test_pacer_reserve_keeps_requests_for_answers() -> None:
    pacer = Pacer(window=60.0)
    pacer.set_limits(RateLimits(rpm=10))
    for i in range(9):
        pacer.record(float(i))
    assert pacer.delay(9.0) == 0.0  # an answer: the tenth fits
    assert pacer.delay(9.0, reserve=1) == pytest.approx(51.0)  # background: not before 60
    pacer.set_limits(RateLimits(rpm=1))
    assert pacer.delay(100.0, reserve=1) == pacer.window  # nothing for background at rpm 1


def test_pacer_tokens_per_minute() -> None:
    pacer = Pacer(window=60.0)
    pacer.set_limits(RateLimits(tpm=1000))
    pacer.spent(0.0, 600)
    assert pacer.delay(1.0) == 0.0
    pacer.spent(5.0, 500)  # 1100 ≥ 1000: no new request until enough ages out
    assert pacer.delay(6.0) == pytest.approx(54.0)
    assert pacer.delay(60.0) == 0.0


def test_pause_after_a_refusal_is_bounded() -> None:
    pacer = Pacer()
    pacer.pause(0.0, 12.0)
    assert pacer.delay(2.0) == pytest.approx(10.0)
    pacer.pause(0.0, 10_000.0)
    assert pacer.delay(0.0) == pytest.approx(MAX_PAUSE)


@settings(max_examples=1000, deadline=None)
@given(
    rpm=st.integers(1, 50),
    gaps=st.lists(st.floats(0, 30, allow_nan=False), min_size=1, max_size=300),
)
def test_paced_requests_never_exceed_the_rpm_in_any_minute(rpm: int, gaps: list[float]) -> None:
    pacer = Pacer()
    pacer.set_limits(RateLimits(rpm=rpm))
    now = 0.0
    sent: list[float] = []
    for gap in gaps:
        now += gap
        for _ in range(5):  # a request waits as long as the pacer says (floats: maybe twice)
            delay = pacer.delay(now)
            if delay == 0.0:
                break
            now += max(delay, 1e-9)
        assert pacer.delay(now) == 0.0
        pacer.record(now)
        sent.append(now)
    for i, start in enumerate(sent):  # the provider's own minute, 60 s
        assert sum(1 for t in sent[i:] if t < start + 60.0) <= rpm


# The queue ------------------------------------------------------------------------------------


def test_no_cap_by_default_only_the_safety_bound() -> None:
    assert FairQueue(None, 10).capacity == SAFETY_CAP
    assert FairQueue(3, 10).capacity == 3


async def test_with_room_acquire_adds_no_wait() -> None:
    queue = FairQueue(None, 200)
    queue.set_limits(RateLimits(rpm=100_000, tpm=10**9, source="published"))
    n = 20_000
    # CPU of this thread, not wall time: with room, acquire never waits, so this is all CPU work
    # in the loop's thread, and a loaded machine that deschedules the test does not count.
    started = time.thread_time()
    for i in range(n):
        await queue.acquire(f"u{i % 50}")
        queue.release()
    per_call = (time.thread_time() - started) / n
    assert queue.immediate == n and queue.delayed == 0 and queue.peak_waiting == 0
    # A few microseconds each (measured ~1.4 µs); the bound leaves room for a busy machine.
    assert per_call < 100e-6, per_call


async def test_paced_requests_wait_in_round_robin_order() -> None:
    clock = Clock()
    queue = FairQueue(None, 50, clock=clock, window=60.0)
    queue.set_limits(RateLimits(rpm=2, source="published"))
    await queue.acquire("a")
    await queue.acquire("a")  # the minute's two requests, at once
    served: list[str] = []

    async def request(name: str) -> None:
        await queue.acquire(name[0])
        served.append(name)

    tasks = [asyncio.create_task(request(n)) for n in ("a3", "a4", "b1")]
    await settle()
    assert served == [] and queue.waiting == 3
    queue.release()
    queue.release()  # slots free, but the minute is full: still nobody
    await settle()
    assert served == []
    clock.now += 60.0
    queue.wake()
    await settle()
    assert served == ["a3", "b1"]  # one per user per round, two per minute
    clock.now += 60.0
    queue.wake()
    await asyncio.gather(*tasks)
    assert served == ["a3", "b1", "a4"]
    assert queue.delayed == 3


async def test_the_pacer_timer_grants_without_a_wake() -> None:
    queue = FairQueue(None, 50, window=0.05)  # a 50 ms "minute": the real timer fires
    queue.set_limits(RateLimits(rpm=1))
    # Started before the first request: a loaded machine that pauses the test between the two
    # requests would otherwise eat into the 50 ms measured below.
    started = time.monotonic()
    await queue.acquire("a")
    queue.release()
    await asyncio.wait_for(queue.acquire("b"), 2)
    assert time.monotonic() - started >= 0.03
    queue.release()


async def test_a_refusal_pauses_then_learns_the_named_limit() -> None:
    clock = Clock()
    queue = FairQueue(None, 50, clock=clock)
    told: list[str] = []
    queue.on_rate_limited = lambda: told.append("refresh")
    queue.rate_limited(5.0, limits_in_refusal("2 requests per minute exceeded (remaining: 0)."))
    assert told == ["refresh"]
    assert queue.pacer.limits == RateLimits(rpm=2, source="refusal")
    waiting = asyncio.create_task(queue.acquire("a"))
    await settle()
    assert not waiting.done()
    clock.now += 5.0
    queue.wake()
    await asyncio.wait_for(waiting, 1)
    queue.release()
    # Published limits are not overridden by a refusal's.
    queue.set_limits(RateLimits(rpm=30, source="published"))
    queue.rate_limited(0.0, RateLimits(rpm=2, source="refusal"))
    assert queue.pacer.limits.rpm == 30


async def test_operator_cap_and_bound_still_hold() -> None:
    queue = FairQueue(1, 1)
    await queue.acquire("a")
    waiter = asyncio.create_task(queue.acquire("b"))
    await settle()
    with pytest.raises(QueueFull):
        await queue.acquire("c")
    queue.release()
    await asyncio.wait_for(waiter, 1)
    queue.release()
    assert queue.active == 0


# The background lane --------------------------------------------------------------------------


async def test_background_goes_only_when_no_answer_waits() -> None:
    queue = FairQueue(1, 10)
    await queue.acquire("a")  # the only slot
    waiter = asyncio.create_task(queue.acquire("b"))
    order: list[str] = []

    async def title() -> None:
        async with queue.background():
            order.append("title")

    background = asyncio.create_task(title())
    await settle()
    queue.release()
    await asyncio.wait_for(waiter, 1)
    order.append("answer b")
    await settle()
    assert order == ["answer b"]  # the title waits while an answer holds the slot
    queue.release()
    await asyncio.wait_for(background, 1)
    assert order == ["answer b", "title"]
    assert queue.active == 0 and queue.background_active == 0


async def test_an_answer_takes_the_slot_back_from_background_work() -> None:
    queue = FairQueue(1, 10)
    holding = asyncio.Event()

    async def title() -> None:
        async with queue.background():
            holding.set()
            await asyncio.Event().wait()  # a slow title

    background = asyncio.create_task(title())
    await asyncio.wait_for(holding.wait(), 1)
    assert queue.background_active == 1
    started = time.monotonic()
    await asyncio.wait_for(queue.acquire("a"), 1)
    # No timer is involved, only a few turns of the loop (~0.1 ms); 0.5 s leaves room for a loaded
    # machine, and an answer that waited for the title to end would time out above.
    assert time.monotonic() - started < 0.5
    with pytest.raises(asyncio.CancelledError):
        await background
    assert queue.preempted == 1 and queue.background_active == 0 and queue.active == 1
    queue.release()


async def test_background_respects_the_answers_reserve_and_gives_up() -> None:
    clock = Clock()
    queue = FairQueue(None, 10, clock=clock)
    queue.set_limits(RateLimits(rpm=10))
    for _ in range(9):
        await queue.acquire("a")
        queue.release()
    with pytest.raises(TimeoutError):
        async with queue.background(wait=0.05):
            pass
    assert queue.background_active == 0
    await queue.acquire("a")  # the reserved tenth request goes to an answer, at once
    queue.release()
    assert queue.delayed == 0
    assert BACKGROUND_WAIT >= 60  # a title waits up to a minute's turn before giving up


# Published limits -----------------------------------------------------------------------------

MODEL = "mistralai/Mistral-Small-3.1-24B-Instruct-2503"


def me_info(limits: list[dict[str, object]], permissions: list[str] | None = None) -> object:
    return {
        "object": "userInfo",
        "id": 7,
        "email": "bot@example.gouv.fr",
        "permissions": permissions or [],
        "limits": limits,
        "expires": None,
        "priority": 0,
        "created": 1,
        "updated": 1,
    }


def test_limits_named_by_model_older_versions() -> None:
    data = me_info(
        [
            {"model": MODEL, "type": "rpm", "value": 50},
            {"model": MODEL, "type": "rpd", "value": 1000},
            {"model": MODEL, "type": "tpm", "value": None},
            {"model": "other", "type": "rpm", "value": 1},
        ]
    )
    assert parse_limits(data, {MODEL.lower()}) == RateLimits(50, None, "published")
    # Matched through an alias /v1/models lists.
    assert parse_limits(data, {"albert-small", MODEL}) == RateLimits(50, None, "published")


@pytest.mark.parametrize("key", ["router_id", "router"])
def test_limits_named_by_router_take_the_strictest(key: str) -> None:
    data = me_info(
        [
            {key: 1, "type": "rpm", "value": 50},
            {key: 1, "type": "tpm", "value": 200_000},
            {key: 2, "type": "rpm", "value": 20},
            {key: 3, "type": "rpm", "value": 0},  # no access to router 3: not ours
            {key: 2, "type": "rpd", "value": 10},
        ]
    )
    assert parse_limits(data, {MODEL}) == RateLimits(20, 200_000, "published")


def test_limits_absent_unlimited_or_admin() -> None:
    assert parse_limits({"object": "userInfo"}, {MODEL}) is None
    assert parse_limits(me_info([]), {MODEL}) is None
    assert parse_limits("nope", {MODEL}) is None
    assert parse_limits(me_info([{"router_id": 1, "type": "rpd", "value": 5}]), {MODEL}) == (
        RateLimits(source="published")
    )
    admin = me_info([{"router_id": 1, "type": "rpm", "value": 5}], ["admin"])
    assert parse_limits(admin, {MODEL}) == RateLimits(source="published")


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
        lambda inner: st.lists(inner, max_size=20) | st.dictionaries(st.text(max_size=10), inner),
        max_leaves=60,
    )
)
def test_parse_limits_never_crashes(data: object) -> None:
    limits = parse_limits({"limits": data} if isinstance(data, list) else data, {MODEL})
    assert limits is None or isinstance(limits, RateLimits)


def test_parse_limits_is_bounded() -> None:
    many = [{"router_id": i, "type": "rpm", "value": 10_000 - i} for i in range(100_000)]
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    limits = parse_limits(me_info(many), {MODEL})
    assert time.thread_time() - started < 0.5
    assert limits is not None and limits.rpm == 10_000 - 999  # the first 1000 entries only


def test_limits_in_refusals() -> None:
    assert limits_in_refusal("20 requests per minute exceeded (remaining: 0).") == RateLimits(
        rpm=20, source="refusal"
    )
    assert limits_in_refusal("50000 input tokens per minute exceeded (remaining: 3).") == (
        RateLimits(tpm=50000, source="refusal")
    )
    assert limits_in_refusal("10 requests per day exceeded (remaining: 0).") is None
    assert limits_in_refusal("Request limit per minute exceeded.") is None
    assert limits_in_refusal("9" * 10_000 + " requests per minute exceeded") is None
