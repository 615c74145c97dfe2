"""Stopping an answer and reasoning models, through the real routers with a fake Matrix port,
a real SQLite file and the fake model server: `!stop` and ⏹️ reach the answer in flight at once,
the partial answer stays marked stopped (on screen and in the history sent back to the model),
the stop is stored handled exactly once; `!stop` without an answer keeps its survey meaning or
says there is nothing to stop; a reasoning model's thinking never shows raw."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Any

from bot import texts
from bot.matrix import IncomingReaction
from devtools.fake_llm import FakeLLM, Reply
from handlers.chat import texts as chat_texts
from tests.harness import (
    ALICE,
    BOB,
    Harness,
    dispatcher_config,
    fake_matrix,
    running_dispatcher,
)

LONG = " ".join(f"mot{i}" for i in range(400))


def rows(h: Harness, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(h.services.db.path) as conn:
        return conn.execute(sql, args).fetchall()


async def streaming_answer(h: Harness) -> str:
    """Ask, and wait until the answer's first words show; its first message's id."""
    h.llm.enqueue(Reply(text=LONG, tokens_per_second=20))
    await h.send("Écris un long texte.")
    await h.matrix.wait_for(
        lambda: any("mot3" in s.final_body for s in h.matrix.in_room("!dm-alice")),
        timeout=30,  # the first answer of a run loads the privacy guard's models
    )
    return next(s.event_id for s in h.matrix.in_room("!dm-alice") if "mot" in s.final_body)


async def assert_stopped(h: Harness, answer_id: str, started: float) -> str:
    await h.matrix.wait_for(
        lambda: texts.ANSWER_STOPPED in h.matrix.by_id[answer_id].final_body, timeout=5
    )
    assert time.monotonic() - started < 3
    record = await h.llm.wait_for_stream_end(0, timeout=5)
    assert record.client_closed and not record.finished
    assert record.chunks < len(LONG.split())  # the model stopped generating
    await h.settle()
    final = h.matrix.by_id[answer_id].final_body
    assert final.rstrip().endswith(texts.ANSWER_STOPPED)
    assert "mot3" in final and "mot399" not in final
    return final


async def test_stop_command_reaches_the_answer_in_flight(harness: Harness) -> None:
    h = harness
    answer_id = await streaming_answer(h)
    started = time.monotonic()
    stop_id = await h.send("!stop")
    final = await assert_stopped(h, answer_id, started)
    # Stored once, as handled: a restart does not replay it, no reply of its own.
    assert rows(h, "SELECT status, body FROM inbox WHERE event_id = ?", stop_id) == [
        ("done", None)
    ]
    assert not any(texts.NOTHING_TO_STOP in body for body in h.replies())
    # The same stop replayed by a sync changes nothing.
    before = len(h.matrix.sent)
    await h.dispatcher.on_text(_replay(stop_id))
    h.dispatcher.flush_kicks()
    await h.settle()
    assert len(h.matrix.sent) == before
    # The history keeps the partial answer, marked stopped, and the next request carries it.
    stored = rows(h, "SELECT content, stopped FROM messages WHERE role = 'assistant'")
    assert len(stored) == 1 and stored[0][1] == 1
    assert stored[0][0] in final and "mot3" in stored[0][0]
    await h.send("Merci, et ensuite ?")
    await h.settle()
    request = h.llm.chat_requests()[-1]["messages"]
    assistant = [m for m in request if m["role"] == "assistant"]
    assert assistant[-1]["content"].startswith(stored[0][0].strip()[:40])
    assert assistant[-1]["content"].endswith(texts.STOPPED_FOR_MODEL)
    assert "Merci, et ensuite" in h.replies()[-1]  # answered normally


def _replay(event_id: str) -> Any:
    from bot.matrix import IncomingText

    return IncomingText("!dm-alice", event_id, ALICE, "m.text", "!stop", None, 0, False, 2, True)


async def test_stop_reaction_on_the_streaming_answer(harness: Harness) -> None:
    h = harness
    answer_id = await streaming_answer(h)
    # A reaction on another event, or from someone else, stops nothing.
    await h.dispatcher.on_reaction(IncomingReaction("!dm-alice", "$r0", ALICE, "$x", "⏹️", 0, 2))
    await h.dispatcher.on_reaction(IncomingReaction("!dm-alice", "$r1", BOB, answer_id, "⏹️", 0, 2))
    assert h.services.in_flight.get("!dm-alice") is not None
    assert not h.services.in_flight.get("!dm-alice").stopped  # type: ignore[union-attr]
    started = time.monotonic()
    await h.dispatcher.on_reaction(
        IncomingReaction("!dm-alice", "$r2", ALICE, answer_id, "⏹️", 0, 2)
    )
    await assert_stopped(h, answer_id, started)
    assert rows(h, "SELECT event_id, status FROM inbox WHERE msgtype = 'm.reaction'") == [
        ("$r2", "done")
    ]


async def test_stop_without_answer_and_other_rooms(harness: Harness) -> None:
    h = harness
    await h.send("!stop")
    await h.settle()
    assert texts.NOTHING_TO_STOP in h.replies()[-1]
    # Another room's answer goes on while one room's answer is stopped.
    h.llm.enqueue(Reply(text=LONG, tokens_per_second=40), Reply(text="Courte réponse.", ttft=0.3))
    await h.send("Long, s'il vous plaît.")
    await h.matrix.wait_for(lambda: any("mot2" in s.final_body for s in h.matrix.sent))
    await h.send("Autre salle.", room="!dm-bob", sender=BOB)
    await h.send("!stop")
    await h.settle()
    assert "Courte réponse." in h.replies("!dm-bob")[-1]
    assert texts.ANSWER_STOPPED in h.replies()[-1]


async def test_stop_before_the_first_token(harness: Harness) -> None:
    h = harness
    h.llm.enqueue(Reply(text="Trop tard.", ttft=5))
    await h.send("Question lente.")
    await h.llm.wait_for_requests(1)
    await h.send("!stop")
    await h.settle()
    assert h.replies()[-1] == texts.ANSWER_STOPPED
    record = await h.llm.wait_for_stream_end(0) if h.llm.streams else None
    assert record is None or record.client_closed
    assert rows(h, "SELECT content, stopped FROM messages WHERE role = 'assistant'") == [("", 1)]


async def test_reasoning_hidden_then_folded(harness: Harness) -> None:
    h = harness
    thinking = "Je dois vérifier le calendrier des congés avant de répondre."
    h.llm.enqueue(
        Reply(text="Le 14 juillet.", reasoning=thinking, tokens_per_second=30),
        Reply(text="Toujours le 14.", reasoning=thinking, reasoning_shape="reasoning_content"),
    )
    await h.send("Quelle date ?")
    await h.matrix.wait_for(
        lambda: any(texts.THINKING in s.body for s in h.matrix.in_room("!dm-alice"))
    )
    await h.settle()
    answer = h.matrix.in_room("!dm-alice")[-1]
    shown = [answer.body, *(body for body, _ in answer.edits)]
    assert all("calendrier" not in b and "think" not in b for b in shown)
    assert answer.final_body == "Le 14 juillet."
    # Shown folded once the agent asks.
    await h.send("!reflexion afficher")
    await h.settle()
    assert chat_texts.REASONING_SHOWN in h.replies()[-1]
    await h.send("Et l'an prochain ?")
    await h.settle()
    request = h.llm.chat_requests()[-1]["messages"]
    assert all("calendrier" not in str(m["content"]) for m in request)
    folded = h.matrix.in_room("!dm-alice")[-1]
    assert folded.notice and folded.html is not None
    assert folded.html.startswith("<details><summary>") and "calendrier" in folded.html
    assert h.matrix.in_room("!dm-alice")[-2].final_body == "Toujours le 14."
    stored = rows(h, "SELECT content FROM messages WHERE role = 'assistant'")
    assert all("calendrier" not in c for (c,) in stored)


async def test_concurrent_stop_races_are_safe(harness: Harness) -> None:
    """Two stops at once (a command and a reaction): one answer stopped, both stored once."""
    h = harness
    answer_id = await streaming_answer(h)
    await asyncio.gather(
        h.send("!stop"),
        h.dispatcher.on_reaction(
            IncomingReaction("!dm-alice", "$r9", ALICE, answer_id, "❌", 0, 2)
        ),
    )
    await h.settle()
    assert texts.ANSWER_STOPPED in h.matrix.by_id[answer_id].final_body
    assert rows(h, "SELECT COUNT(*) FROM inbox WHERE status = 'pending'") == [(0,)]


async def test_stop_while_waiting_in_the_queue(tmp_path: Path, fake_llm: FakeLLM) -> None:
    """One model slot, taken by Bob's long answer: Alice waits in the queue, stops, and the
    model is never asked for her; Bob's answer goes on to its end."""
    config = dispatcher_config(
        tmp_path,
        fake_llm.base_url,
        limits={"max_concurrent_requests": 1},
        access={"auto_approve_domains": ["interieur.gouv.fr", "finances.gouv.fr"]},
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        fake_llm.enqueue(Reply(text=LONG, tokens_per_second=100))
        await h.send("Long.", room="!dm-bob", sender=BOB)
        await h.matrix.wait_for(
            lambda: any("mot2" in s.final_body for s in h.matrix.in_room("!dm-bob")), timeout=30
        )
        await h.send("Ma question.")
        await h.matrix.wait_for(
            lambda: any(
                texts.queue_position(1) in s.final_body for s in h.matrix.in_room("!dm-alice")
            )
        )
        await h.send("!stop")
        await h.matrix.wait_for(
            lambda: any(
                texts.ANSWER_STOPPED in s.final_body for s in h.matrix.in_room("!dm-alice")
            ),
            timeout=3,
        )
        await h.settle()
        assert h.replies() == [texts.ANSWER_STOPPED]
        assert len(fake_llm.chat_requests()) == 1  # Bob's only
        assert "mot399" in h.replies("!dm-bob")[-1]


async def test_stop_in_a_group_room_without_mention(harness: Harness) -> None:
    h = harness
    h.llm.enqueue(Reply(text=LONG, tokens_per_second=20))
    await h.send("Assistant, un long texte.", room="!group", members=4, mention=True)
    await h.matrix.wait_for(
        lambda: any("mot3" in s.final_body for s in h.matrix.in_room("!group")), timeout=30
    )
    # Another member's stop is not the asker's: it stops nothing (and is not stored).
    await h.send("!stop", room="!group", sender=BOB, members=4)
    assert not h.services.in_flight.get("!group").stopped  # type: ignore[union-attr]
    await h.send("!stop", room="!group", members=4)
    await h.settle()
    assert h.replies("!group")[-1].endswith(texts.ANSWER_STOPPED)
