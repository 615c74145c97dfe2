"""The real bot on a real Synapse (encrypted rooms) against a fake Albert that publishes the
key's rate limits: the bot reads them at start into its queue's pacer, answers without any wait
of the queue's, and a long first question's title is asked of the model in the background."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.llm_queue import RateLimits
from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM
from tests.conftest import BotHandle, MakeAgent, MakeBot


@pytest.fixture
async def albert() -> AsyncIterator[FakeLLM]:
    server = FakeLLM(peer="albert")
    await server.start()
    yield server
    await server.stop()


async def open_dm(agent: AgentClient, bot: BotHandle) -> str:
    room = await agent.create_dm(bot.user_id)
    await agent.wait_member(room, bot.user_id)
    await agent.wait_for_text(room, "Assistant IA")  # the greeting
    return room


async def test_the_bot_paces_by_the_limits_albert_publishes(
    make_agent: MakeAgent, make_bot: MakeBot, albert: FakeLLM
) -> None:
    albert.set_rate_limits(rpm=30, tpm=200_000, rpd=5000)
    albert.titles.append("Mutation et compte épargne-temps")
    bot = await make_bot(llm={"base_url": albert.base_url})
    assert bot.app is not None and bot.app.services is not None
    services = bot.app.services
    await services.tasks.idle()  # the start's read of /v1/me/info
    queue = services.llm_queue
    assert queue.pacer.limits == RateLimits(30, 200_000, "published")
    assert queue.configured_capacity is None  # no concurrency cap of our own

    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    question = "Je change de ministère en mars. Que devient mon compte épargne-temps ?"
    after = len(agent.messages(room))
    await agent.send_text(room, question)
    answer = await agent.wait_for_message(
        room,
        predicate=lambda m: "Réponse simulée" in m.body and m.sender != agent.user_id,
        after=after,
    )
    assert answer.encrypted
    await bot.settled()
    await services.tasks.idle()  # the title, in the background lane
    assert queue.immediate == 1 and queue.delayed == 0 and queue.background_active == 0
    assert len(albert.title_requests()) == 1 and albert.rate_limited == 0
    conversation = await services.conversations.current(room)
    assert conversation is not None and conversation.title == "Mutation et compte épargne-temps"
