"""The model queue at dispatcher level (real routers and SQLite, a fake Matrix port, the fake
model server): no wait while the provider has room, a title never delays an answer, and the
limits Albert publishes for the key read into the pacer."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.config import LLMConfig
from bot.conversation import make_title
from bot.llm import LLMClient, LLMError
from bot.llm_queue import FairQueue, RateLimits
from bot.provider_limits import LimitsWatch
from devtools.fake_llm import FakeLLM
from tests.harness import ALICE, BOB, Harness, dispatcher_config, fake_matrix, running_dispatcher

AGENTS = [f"@agent{i}-interieur.gouv.fr:agent.interieur.tchap.gouv.fr" for i in range(10)]


async def ten_agents_at_once(h: Harness) -> None:
    h.llm.default_ttft = 0.3  # the ten answers overlap
    for i, agent in enumerate(AGENTS):
        await h.feed(f"Question numéro {i} sur les congés ?", room=f"!dm-{i}", sender=agent)
    await h.settle()
    for i in range(10):
        assert f"Question numéro {i} sur" in h.replies(f"!dm-{i}")[-1], h.replies(f"!dm-{i}")


async def test_with_room_ten_agents_at_once_wait_for_nothing(
    tmp_path: Path, fake_llm: FakeLLM
) -> None:
    config = dispatcher_config(tmp_path, fake_llm.base_url)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        await ten_agents_at_once(h)
        queue = h.services.llm_queue
        assert queue.immediate == 10 and queue.delayed == 0 and queue.peak_waiting == 0
        await h.services.tasks.idle()
        assert fake_llm.title_requests() == []  # clean questions title themselves


async def test_an_operator_cap_still_holds(tmp_path: Path, fake_llm: FakeLLM) -> None:
    """The old default (8 at once): two of ten agents waited a whole answer."""
    config = dispatcher_config(tmp_path, fake_llm.base_url, limits={"max_concurrent_requests": 8})
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        queue = h.services.llm_queue
        # No answer ends before all ten have asked, however slow the machine.
        fake_llm.gate = gate = asyncio.Event()
        for i, agent in enumerate(AGENTS):
            await h.feed(f"Question numéro {i} sur les congés ?", room=f"!dm-{i}", sender=agent)
        await fake_llm.wait_for_requests(8)
        async with asyncio.timeout(10):  # the queue has no event to wait on: polled, bounded
            while queue.waiting < 2:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        gate.set()
        await h.settle()
        for i in range(10):
            assert f"Question numéro {i} sur" in h.replies(f"!dm-{i}")[-1]
        assert queue.immediate == 8 and queue.delayed == 2


async def test_a_title_never_delays_an_answer(tmp_path: Path, fake_llm: FakeLLM) -> None:
    """One slot (an operator's cap), held by a slow title: the next answer takes it back."""
    config = dispatcher_config(tmp_path, fake_llm.base_url, limits={"max_concurrent_requests": 1})
    fake_llm.title_delay = 30.0
    fake_llm.titles.append("Titre tardif")
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        question = "Voici mon cas. Je change de ministère en mars, que devient mon CET ?"
        await h.feed(question, room="!dm-alice", sender=ALICE)
        await h.settle()
        queue = h.services.llm_queue
        await fake_llm.wait_for_title_requests(1)  # the title's request reached the model
        assert queue.background_active == 1 and queue.active == 0
        started = time.monotonic()
        await h.feed("Quel est le plafond du CET ?", room="!dm-bob", sender=BOB)
        await h.settle()
        elapsed = time.monotonic() - started
        assert h.replies("!dm-bob")[-1].startswith("Réponse simulée")
        assert elapsed < 5, elapsed  # not the title's 30 s
        await h.services.tasks.idle()
        assert queue.preempted == 1 and queue.background_active == 0 and queue.active == 0
        conv = await h.services.conversations.current("!dm-alice")
        assert conv is not None and conv.title == make_title(question)  # provisional, kept


@pytest.mark.parametrize("shape", ["router_id", "router", "model"])
async def test_published_limits_read_into_the_pacer(shape: str) -> None:
    server = FakeLLM(peer="albert")
    await server.start()
    server.set_rate_limits(rpm=2, tpm=500_000, rpd=1000, shape=shape)
    config = LLMConfig(base_url=server.base_url, api_key="test", retries=0, timeout=5)  # type: ignore[arg-type]
    llm = LLMClient(config)
    queue = FairQueue(None, 10)
    spawned: list[asyncio.Task[None]] = []
    watch = LimitsWatch(
        llm, queue, config.model, lambda c: spawned.append(asyncio.ensure_future(c))
    )
    try:
        await watch.refresh()
        assert queue.pacer.limits == RateLimits(2, 500_000, "published")
        assert [r.path for r in server.requests].count("/v1/me/info") == 1
        # The fake enforces the rpm as OpenGateLLM does, with its detail text.
        messages = [{"role": "user", "content": "Bonjour"}]
        for _ in range(2):
            await llm.complete(messages, config.model, max_tokens=5)
        with pytest.raises(LLMError) as refused:
            await llm.complete(messages, config.model, max_tokens=5)
        assert refused.value.kind == "rate_limited" and server.rate_limited == 1
    finally:
        await llm.close()
        await server.stop()


async def test_no_me_info_means_refusals_only(fake_llm: FakeLLM) -> None:
    config = LLMConfig(base_url=fake_llm.base_url, api_key="test", timeout=5)  # type: ignore[arg-type]
    llm = LLMClient(config)
    queue = FairQueue(None, 10)
    watch = LimitsWatch(llm, queue, config.model, lambda c: c.close())
    try:
        await watch.refresh()
        await watch.refresh()
    finally:
        await llm.close()
    assert watch.published is False
    assert queue.pacer.limits == RateLimits()
    assert [r.path for r in fake_llm.requests].count("/v1/me/info") == 1  # not asked again


async def test_a_refusal_reaches_the_queue_through_the_client() -> None:
    """Nothing published (/v1/me/info lists no limit): OpenGateLLM's 429 names the limit, the
    client tells the queue, which pauses and paces by the named rpm from then on."""
    server = FakeLLM(peer="albert")
    await server.start()
    server.set_rate_limits(rpm=1)
    server.me_info["limits"] = []  # enforced by the server, not published
    config = LLMConfig(base_url=server.base_url, api_key="test", retries=0, timeout=5)  # type: ignore[arg-type]
    llm = LLMClient(config)
    queue = FairQueue(None, 10)
    watch = LimitsWatch(llm, queue, config.model, lambda c: c.close())
    llm.on_refusal = lambda exc: watch.refused(exc, exc.server_text)
    try:
        messages = [{"role": "user", "content": "Bonjour"}]
        await llm.complete(messages, config.model, max_tokens=5)
        assert queue.pacer.limits == RateLimits()
        with pytest.raises(LLMError) as refused:
            await llm.complete(messages, config.model, max_tokens=5)
        assert refused.value.kind == "rate_limited"
        assert "requests per minute" in refused.value.server_text
        assert queue.pacer.limits.rpm == 1 and queue.pacer.limits.source == "refusal"
        assert queue.pacer.paused_until > 0
    finally:
        await llm.close()
        await server.stop()
