"""The real bot on a real Synapse, answering through fakes of the model servers it meets:
Mistral's API (refuses stream_options) and Albert (typed 429s, the key's watch)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM, Reply
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


async def ask(agent: AgentClient, room: str, question: str, contains: str) -> str:
    """The bot's message holding `contains` once it is no longer being written (a streamed
    display ends with " …" until the final edit)."""
    after = len(agent.messages(room))
    await agent.send_text(room, question)
    message = await agent.wait_for_message(
        room,
        predicate=lambda m: (
            contains in m.body and m.sender != agent.user_id and not m.body.endswith(" …")
        ),
        after=after,
    )
    return message.body


async def test_mistral_refusing_stream_options_still_answers_every_time(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    fake_llm.peer = "mistral"  # refuses stream_options with 422, as api.mistral.ai does
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Réponse de Mistral."), Reply(text="Deuxième réponse."))

    assert await ask(agent, room, "Bonjour ?", "Réponse de Mistral.") == "Réponse de Mistral."
    await bot.settled()
    assert await ask(agent, room, "Et ensuite ?", "Deuxième réponse.") == "Deuxième réponse."
    await bot.settled()

    answers = [r for r in fake_llm.chat_requests() if r.get("stream")]
    # One refused request in the bot's life, then requests without stream_options.
    assert ["stream_options" in r for r in answers] == [True, False, False]


async def test_albert_daily_limit_is_said_to_the_agent_and_to_the_support_room(
    make_agent: MakeAgent, make_bot: MakeBot, albert: FakeLLM
) -> None:
    # The key expires in 3 days: the start-up check warns the support room.
    albert.me_info["expires"] = int((datetime.now(UTC) + timedelta(days=3, hours=1)).timestamp())
    staff = await make_agent("staff")
    support = await staff.create_group([], name="Support et retours")
    bot = await make_bot(
        start=False,
        llm={"base_url": albert.base_url},
        support={"room": support, "admins": [staff.user_id]},
    )
    await staff.client.room_invite(support, bot.user_id)
    await bot.start()
    warning = await staff.wait_for_text(support, "expire dans 3 jours")
    assert warning.sender == bot.user_id and warning.encrypted

    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    albert.enqueue(Reply(fail="daily429"))
    body = await ask(agent, room, "Une question ?", "limite d'utilisation pour aujourd'hui")
    assert "!reessayer" in body
    alert = await staff.wait_for_text(support, "limite quotidienne de la clé")
    assert alert.sender == bot.user_id
    await bot.settled()
    answers = [r for r in albert.chat_requests() if r.get("stream")]
    assert len(answers) == 1  # a per-day limit is not retried
    # Read once at start by the key watch, once by the queue's rate limits (hourly after).
    assert [r.path for r in albert.requests].count("/v1/me/info") == 2
