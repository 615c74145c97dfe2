"""Stopping an answer on a real Synapse, in an encrypted DM: `!stop` and a ⏹️ reaction reach the
answer while it streams, the model's stream is closed (no more tokens), the partial answer stays
with its stopped mark, the next question's request carries it marked, and is answered."""

from __future__ import annotations

import time

from bot import texts
from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import ask, open_dm

LONG = " ".join(f"mot{i}" for i in range(600))
# Stopped within this many seconds of the stop's sending (Synapse round trips included).
STOP_BOUND = 5.0


async def streaming(agent: AgentClient, room: str, fake_llm: FakeLLM) -> SeenMessage:
    """Ask for a long answer streamed slowly; the answer's message once its words show."""
    fake_llm.enqueue(Reply(text=LONG, tokens_per_second=15))
    after = len(agent.messages(room))
    await agent.send_text(room, "Écris-moi un très long texte.")
    return await agent.wait_for_message(
        room, predicate=lambda m: "mot5" in m.body, after=after, timeout=60
    )


def seen(agent: AgentClient, room: str, event_id: str) -> SeenMessage:
    return next(m for m in agent.messages(room) if m.event_id == event_id)


async def stopped_within_bound(
    agent: AgentClient, room: str, answer: SeenMessage, fake_llm: FakeLLM, sent_at: float
) -> str:
    await agent.wait_until(
        lambda: texts.ANSWER_STOPPED in seen(agent, room, answer.event_id).body,
        timeout=STOP_BOUND + 5,
    )
    elapsed = time.monotonic() - sent_at
    assert elapsed < STOP_BOUND, elapsed
    record = await fake_llm.wait_for_stream_end(len(fake_llm.streams) - 1, timeout=5)
    assert record.client_closed and not record.finished  # the model was told to stop
    assert record.chunks < len(LONG.split())
    print(f"stopped {elapsed:.2f} s after the stop was sent, {record.chunks} chunks streamed")
    final = seen(agent, room, answer.event_id)
    assert final.body.rstrip().endswith(texts.ANSWER_STOPPED)
    assert "mot5" in final.body and "mot599" not in final.body
    assert final.encrypted
    return final.body


async def the_history_carries_it(
    agent: AgentClient, room: str, bot: BotHandle, fake_llm: FakeLLM, shown: str
) -> None:
    fake_llm.enqueue(Reply(text="Bien reçu, je reprends."))
    await ask(agent, room, "Résume ce que tu as écrit.", "Bien reçu, je reprends.")
    request = fake_llm.chat_requests()[-1]["messages"]
    partial = [m["content"] for m in request if m["role"] == "assistant"][-1]
    assert partial.startswith("mot0 mot1") and partial.endswith(texts.STOPPED_FOR_MODEL)
    kept = partial.removesuffix(texts.STOPPED_FOR_MODEL).strip()
    assert kept in shown  # what the agent saw, no more


async def test_stop_command_stops_the_streaming_answer(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    answer = await streaming(agent, room, fake_llm)
    sent_at = time.monotonic()
    await agent.send_text(room, "!stop")
    shown = await stopped_within_bound(agent, room, answer, fake_llm, sent_at)
    await the_history_carries_it(agent, room, bot, fake_llm, shown)
    # The stop got no answer of its own ("nothing to stop" would be wrong).
    assert not any(texts.NOTHING_TO_STOP in m.body for m in agent.messages(room))
    await bot.settled()
    # Without an answer streaming, !stop says there is nothing to stop.
    after = len(agent.messages(room))
    await agent.send_text(room, "!stop")
    await agent.wait_for_text(room, texts.NOTHING_TO_STOP, after=after)


async def test_stop_reaction_stops_the_streaming_answer(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    answer = await streaming(agent, room, fake_llm)
    sent_at = time.monotonic()
    await agent.react(room, answer.event_id, "⏹️")
    shown = await stopped_within_bound(agent, room, answer, fake_llm, sent_at)
    await the_history_carries_it(agent, room, bot, fake_llm, shown)
