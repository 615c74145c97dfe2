"""Long answers on a real Synapse: every event the bot sends stays under the spec's 65,536-byte
cap, encrypted, and the agent reassembles the whole answer from each message's latest edit.

The largest event is read from Synapse's own database (the PDU it stored, as canonical JSON,
which is what `synapse/event_auth.py` measures); `pytest -s` prints it.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from bot import matrix as bot_matrix
from bot.events import EventTooLarge
from bot.eventsize import MAX_EVENT_BYTES, canonical_size, envelope_size
from bot.render import markdown_to_html, split_message
from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.long_text import collapsed, markdown_answer, reassembled

# What the bot's parts were before events were measured: 12,000 characters each.
OLD_PART_CHARS = 12_000


def stored_events(synapse: SynapseServer, room_id: str, sender: str) -> list[dict[str, object]]:
    """The message events (PDUs) of `sender` in `room_id` as Synapse stored them."""
    database = Path(synapse.workdir) / "homeserver.db"
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute(
            "SELECT json FROM event_json WHERE room_id = ?", (room_id,)
        ).fetchall()
    events = [json.loads(row[0]) for row in rows]
    return [
        event
        for event in events
        if event.get("sender") == sender and "state_key" not in event  # messages, edits
    ]


def bot_messages(agent: AgentClient, room: str, bot: BotHandle, after: int) -> list[SeenMessage]:
    return [m for m in agent.messages(room)[after:] if m.sender == bot.user_id]


async def open_dm(agent: AgentClient, bot: BotHandle, *, encrypted: bool) -> str:
    room = await agent.create_dm(bot.user_id, encrypted=encrypted)
    await agent.wait_member(room, bot.user_id)
    await agent.wait_for_text(room, "Assistant IA")  # the greeting
    return room


async def ask_for(
    agent: AgentClient, bot: BotHandle, fake_llm: FakeLLM, room: str, chars: int, *, cut: bool
) -> list[SeenMessage]:
    """Ask for a long answer with lists and tables; wait until it shows whole. Its messages.

    `cut`: parts of OLD_PART_CHARS characters would not fit in their events (encrypted ones).
    """
    assert bot.app is not None and bot.app.matrix is not None
    matrix = bot.app.matrix
    answer = markdown_answer(chars, seed=chars)
    assert "\n| " in answer and "\n- " in answer and "\n1. " in answer
    # The test can fail: parts cut by characters only would not fit in their events.
    old_parts = split_message(answer, OLD_PART_CHARS)
    old_sizes = [
        await asyncio.to_thread(matrix.text_event_size, room, part, markdown_to_html(part))
        for part in old_parts
    ]
    assert (max(old_sizes) > MAX_EVENT_BYTES) == cut

    after = len(agent.messages(room))
    fake_llm.enqueue(Reply(text=answer, tokens_per_second=0))
    await agent.send_text(room, f"Une réponse très longue ({chars} caractères), s'il vous plaît.")
    expected = collapsed(answer)

    def whole() -> bool:
        shown = [m.body for m in bot_messages(agent, room, bot, after)]
        return bool(shown) and reassembled(shown) == expected

    # Each message's latest edit, as the agent received (and decrypted) it, end to end.
    await agent.wait_until(whole, timeout=300)
    await bot.settled()
    messages = bot_messages(agent, room, bot, after)
    assert len(messages) > len(old_parts) if cut else len(messages) == len(old_parts)
    assert all(m.formatted_body for m in messages)
    assert "<table>" in (messages[0].formatted_body or "")
    return messages


def largest_event(synapse: SynapseServer, room: str, bot: BotHandle, event_type: str) -> int:
    """The size of the biggest event the bot sent in `room`, as Synapse stored it; checks that
    what Synapse wraps around the content stays within the bot's allowance for it."""
    events = stored_events(synapse, room, bot.user_id)
    assert events and all(event["type"] == event_type for event in events)
    largest = max(canonical_size(event) for event in events)
    wrapped = max(canonical_size(event) - canonical_size(event["content"]) for event in events)
    envelope = envelope_size(room, bot.user_id, event_type)
    print(
        f"\nlargest event the bot sent: {largest} bytes ({event_type} PDU, canonical JSON), "
        f"{len(events)} events, cap {MAX_EVENT_BYTES}; envelope {wrapped} bytes at most, "
        f"{envelope} allowed for"
    )
    assert wrapped <= envelope
    return largest


@pytest.mark.timeout(600)
async def test_long_answers_arrive_whole_in_an_encrypted_dm_under_the_event_cap(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, synapse: SynapseServer
) -> None:
    # One edit a second, as configured by default: fewer streamed edits than other tests.
    bot = await make_bot(llm={"edit_interval": 1.0})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot, encrypted=True)
    for chars in (20_000, 60_000):
        messages = await ask_for(agent, bot, fake_llm, room, chars, cut=True)
        assert all(m.encrypted for m in messages)
    largest = await asyncio.to_thread(largest_event, synapse, room, bot, "m.room.encrypted")
    assert largest <= MAX_EVENT_BYTES


@pytest.mark.timeout(300)
async def test_a_long_answer_arrives_whole_in_a_plain_room_under_the_event_cap(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, synapse: SynapseServer
) -> None:
    bot = await make_bot(llm={"edit_interval": 1.0})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot, encrypted=False)
    messages = await ask_for(agent, bot, fake_llm, room, 30_000, cut=False)
    assert not any(m.encrypted for m in messages)
    largest = await asyncio.to_thread(largest_event, synapse, room, bot, "m.room.message")
    assert largest <= MAX_EVENT_BYTES


async def test_synapse_refuses_an_oversized_event_with_413_and_the_port_says_so(
    make_agent: MakeAgent, make_bot: MakeBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot, encrypted=True)
    assert bot.app is not None and bot.app.matrix is not None
    matrix = bot.app.matrix
    body = "é" * 20_000  # about 160 KB once escaped, twice, encrypted
    assert matrix.text_event_size(room, body) > MAX_EVENT_BYTES
    with pytest.raises(EventTooLarge) as measured:
        await matrix.send_text(room, body)
    assert measured.value.status is None  # measured before sending: nothing went out
    # Without the measure, the homeserver itself refuses it: the port turns that into the same
    # error (the streamer cuts the part again on either).
    monkeypatch.setattr(bot_matrix, "MAX_EVENT_BYTES", 10**9)
    with pytest.raises(EventTooLarge) as refused:
        await matrix.send_text(room, body)
    assert refused.value.status == 413 and refused.value.errcode == "M_TOO_LARGE"
