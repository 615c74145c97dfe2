"""Dispatcher level: the real routers and storage, a fake Matrix port, the fake model server."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from bot import texts
from bot.dispatcher import Dispatcher
from bot.matrix import IncomingText
from devtools.fake_llm import Reply
from handlers.attachments import texts as attachments_texts
from handlers.chat import texts as chat_texts
from handlers.conversations import texts as conversations_texts
from handlers.help import texts as help_texts
from handlers.models import texts as models_texts
from tests.harness import ALICE, BOB, Harness

_ids = itertools.count(1)


async def test_answer_is_streamed_with_the_system_prompt_and_dated(harness: Harness) -> None:
    harness.llm.enqueue(Reply(text="Voici une **réponse** détaillée en plusieurs mots."))
    await harness.send("Bonjour")
    await harness.settle()
    [answer] = harness.matrix.in_room("!dm-alice")
    assert answer.final_body == "Voici une **réponse** détaillée en plusieurs mots."
    assert answer.final_html is not None and "<strong>réponse</strong>" in answer.final_html
    [request] = harness.llm.chat_requests()
    assert request["stream"] is True
    system = request["messages"][0]
    assert system["role"] == "system" and "mercredi 25 novembre 2026" in system["content"]
    assert request["messages"][-1] == {"role": "user", "content": "Bonjour"}
    assert request["model"] == harness.services.config.llm.model
    assert ("!dm-alice", True) in harness.matrix.typing
    assert harness.matrix.typing[-1] == ("!dm-alice", False)


async def test_context_carries_over_and_nouveau_resets_it(harness: Harness) -> None:
    await harness.send("Première question")
    await harness.settle()
    await harness.send("Deuxième question")
    await harness.settle()
    second = harness.llm.chat_requests()[1]["messages"]
    assert [m["role"] for m in second] == ["system", "user", "assistant", "user"]
    assert second[1]["content"] == "Première question"
    assert second[2]["content"] == harness.replies()[0]
    await harness.send("!nouveau")
    await harness.send("Troisième question")
    await harness.settle()
    third = harness.llm.chat_requests()[2]["messages"]
    assert [m["content"] for m in third[1:]] == ["Troisième question"]
    assert harness.replies()[2] == conversations_texts.NEW_CONVERSATION


async def test_history_and_resume(harness: Harness) -> None:
    await harness.send("Note sur le télétravail")
    await harness.send("!nouveau")
    await harness.send("Courrier au préfet")
    await harness.send("!historique")
    await harness.settle()
    listing = harness.replies()[-1]
    assert "Courrier au préfet" in listing and "Note sur le télétravail" in listing
    assert listing.index("Courrier") < listing.index("Note sur")
    await harness.send("!reprendre 2")
    await harness.send("Et la suite ?")
    await harness.settle()
    assert "Note sur le télétravail" in harness.replies()[-2]
    last = harness.llm.chat_requests()[-1]["messages"]
    assert [m["content"] for m in last if m["role"] == "user"] == [
        "Note sur le télétravail",
        "Et la suite ?",
    ]
    await harness.send("!reprendre 9")
    await harness.send("!reprendre deux")
    await harness.settle()
    assert harness.replies()[-1] == harness.replies()[-2]
    assert "entre 1 et 2" in harness.replies()[-1]


async def test_unknown_commands_get_a_hint_and_never_reach_the_model(harness: Harness) -> None:
    await harness.send("!blabla quelque chose")
    await harness.send("!aide")
    await harness.settle()
    assert harness.llm.chat_requests() == []
    hint, help_text = harness.replies()
    assert "!blabla" in hint and "!aide" in hint
    for name in ("!nouveau", "!historique", "!reprendre N", "!reessayer", "!modele"):
        assert name in help_text


async def test_model_failure_then_reessayer(harness: Harness) -> None:
    retries = harness.services.config.llm.retries
    harness.llm.enqueue(*[Reply(fail="http500") for _ in range(retries + 1)])
    event_id = await harness.send("Question importante")
    await harness.settle()
    [apology] = harness.replies()
    assert "!reessayer" in apology and "référence" in apology
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.status == "failed"
    assert item.error_ref is not None and item.error_ref in apology
    assert len(harness.llm.chat_requests()) == retries + 1
    await harness.send("!reessayer")
    await harness.settle()
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.status == "done"
    assert "Question importante" in harness.replies()[-1]
    # The question is in the conversation once, not once per attempt.
    last = harness.llm.chat_requests()[-1]["messages"]
    assert [m["content"] for m in last if m["role"] == "user"] == ["Question importante"]
    await harness.send("!reessayer")
    await harness.settle()
    assert harness.replies()[-1] == chat_texts.NOTHING_TO_RETRY


@pytest.mark.parametrize("failure", ["malformed", "empty", "disconnect", "http429"])
async def test_bad_streams_are_retried_then_answered(harness: Harness, failure: str) -> None:
    harness.llm.enqueue(Reply(fail=failure), Reply(text="Réponse correcte."))
    await harness.send("Question")
    await harness.settle()
    assert harness.replies() == ["Réponse correcte."]


async def test_rooms_are_served_concurrently_and_each_room_in_order(harness: Harness) -> None:
    harness.llm.enqueue(Reply(text="Lente réponse.", ttft=1.0), Reply(text="Réponse rapide."))
    await harness.send("Question lente")
    await harness.send("Question rapide", room="!dm-bob", sender=BOB)
    await harness.send("Deuxième question lente")  # waits for the first answer in its room
    await harness.matrix.wait_for(lambda: harness.replies("!dm-bob") == ["Réponse rapide."])
    assert harness.replies() in ([], ["Lente réponse. " + texts.TYPING_PLACEHOLDER])
    await harness.settle()
    assert harness.replies()[0] == "Lente réponse."
    third = harness.llm.chat_requests()[2]["messages"]
    assert [m["content"] for m in third[1:]] == [
        "Question lente",
        "Lente réponse.",
        "Deuxième question lente",
    ]


async def test_group_rooms_need_a_mention_and_support_room_only_commands(
    harness: Harness,
) -> None:
    await harness.send("Bavardage", room="!group", members=5)
    await harness.send("Assistant IA: une question", room="!group", members=5, mention=True)
    await harness.send("Discussion entre collègues", room="!support", sender=BOB, members=4)
    await harness.send("!aide", room="!support", sender=BOB, members=4)
    await harness.settle()
    [request] = harness.llm.chat_requests()
    assert request["messages"][-1]["content"] == "Assistant IA: une question"
    assert len(harness.replies("!group")) == 1
    [support_help] = harness.replies("!support")
    assert "Commandes disponibles" in support_help and "!approve" in support_help


async def test_attachments_get_a_clear_message(harness: Harness) -> None:
    # A file event without any url or file to fetch (the attachments tests read real ones).
    await harness.send("note.pdf", msgtype="m.file")
    await harness.settle()
    assert harness.replies() == [attachments_texts.extraction_error("download")]
    assert harness.llm.chat_requests() == []


async def test_choose_a_model(harness: Harness) -> None:
    await harness.send("!modele")
    await harness.settle()
    listing = harness.replies()[-1]
    assert "Llama-3.1-8B" in listing and "whisper" not in listing
    await harness.send("!modele 1")
    await harness.send("Bonjour")
    await harness.settle()
    assert "meta-llama/Llama-3.1-8B-Instruct" in harness.replies()[-2]
    assert harness.llm.chat_requests()[-1]["model"] == "meta-llama/Llama-3.1-8B-Instruct"
    await harness.send("!modele inexistant")
    await harness.send("!modele defaut")
    await harness.settle()
    assert "inexistant" in harness.replies()[-2]
    assert harness.replies()[-1] == models_texts.MODEL_RESET


async def test_an_unexpected_error_is_reported_with_a_reference(harness: Harness) -> None:
    harness.matrix.fail_sends = 1  # the first answer cannot be sent
    event_id = await harness.send("Bonjour")
    await harness.settle()
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.status == "failed"
    [report] = harness.replies()
    assert item.error_ref is not None and item.error_ref in report
    await harness.send("Encore là ?")  # the room keeps working
    await harness.settle()
    assert "Encore là ?" in harness.replies()[-1]


async def test_same_event_twice_is_answered_once(harness: Harness) -> None:
    event = IncomingText("!dm-alice", "$dup", ALICE, "m.text", "Bonjour", None, 0, False, 2, True)
    for _ in range(2):
        await harness.dispatcher.on_text(event)
        harness.dispatcher.flush_kicks()
        await harness.settle()
    assert len(harness.replies()) == 1
    await asyncio.sleep(0)


async def test_an_event_that_keeps_crashing_the_process_is_given_up(harness: Harness) -> None:
    inbox = harness.services.inbox
    await inbox.add("$poison", "!dm-alice", ALICE, "message", "Bonjour", 1)
    item = await inbox.get("$poison")
    assert item is not None
    for _ in range(3):  # three starts that never finished (the process died each time)
        await inbox.start_attempt(item.seq)
    await harness.dispatcher.resume_pending()
    await harness.settle()
    assert harness.llm.chat_requests() == []
    [apology] = harness.replies()
    item = await inbox.get("$poison")
    assert item is not None and item.status == "failed" and item.error_ref in apology


async def test_turn_hooks_add_instructions_material_and_footers(harness: Harness) -> None:
    from dataclasses import replace

    from bot.context import Ctx, Turn

    seen: list[int] = []

    async def hook(ctx: Ctx, turn: Turn) -> None:
        seen.append(turn.conversation_id)
        turn.instructions.append("Consigne : tutoie.")
        turn.material.append("« extrait »")
        turn.footers.append("Sources : [1]")
        await turn.status("Lecture…")

    extensions = harness.services.extensions
    harness.services.extensions = replace(extensions, turn_hooks=(*extensions.turn_hooks, hook))
    harness.llm.enqueue(Reply(text="Réponse."))
    await harness.send("Question")
    await harness.settle()
    [request] = harness.llm.chat_requests()
    assert "Consigne : tutoie." in request["messages"][0]["content"]
    assert request["messages"][-1]["content"] == "« extrait »\n\nQuestion"
    [answer] = harness.matrix.in_room("!dm-alice")
    assert answer.body == "Lecture…"  # the progress line came first, in the same message
    assert answer.final_body == "Réponse.\n\nSources : [1]"
    assert seen and seen[0] > 0
    # The conversation keeps only the question, never the material.
    history = await harness.services.conversations.messages(seen[0])
    assert [m.content for m in history] == ["Question", "Réponse."]


async def test_intercepts_see_events_before_routing_and_can_take_them(harness: Harness) -> None:
    from bot.commands import Router
    from bot.context import Ctx

    seen: list[tuple[str, str | None]] = []
    gate = Router("gate")

    @gate.intercept
    async def hold_everything_but_help(ctx: Ctx) -> bool:
        seen.append((ctx.text, ctx.command.name if ctx.command else None))
        if ctx.command is not None and ctx.command.name == "aide":
            return False
        await ctx.reply("En attente.")
        return True

    dispatcher = Dispatcher(harness.services, [gate, *harness.dispatcher.routers])
    for text in ("Bonjour", "!aide"):
        await dispatcher.on_text(
            IncomingText(
                "!dm-carol", f"$x{next(_ids)}", ALICE, "m.text", text, None, 0, False, 2, True
            )
        )
        dispatcher.flush_kicks()
        await dispatcher.drained()
    assert seen == [("Bonjour", None), ("!aide", "aide")]
    replies = [m.final_body for m in harness.matrix.in_room("!dm-carol")]
    assert replies[0] == "En attente." and help_texts.HELP_HEADER in replies[1]
    assert harness.llm.chat_requests() == []


async def test_the_answer_is_stored_before_its_final_edit(harness: Harness) -> None:
    stored_at_final_edit: list[bool] = []
    edit = harness.matrix.edit

    async def watching_edit(
        room_id: str, event_id: str, body: str, html: str | None = None
    ) -> str:
        if html is not None:  # the final rendering
            stored = await harness.services.conversations.message_by_event(event_id)
            stored_at_final_edit.append(stored is not None and stored.role == "assistant")
        return await edit(room_id, event_id, body, html)

    harness.matrix.edit = watching_edit  # type: ignore[method-assign]
    harness.llm.enqueue(
        Reply(text="Une réponse assez longue pour être montrée en plusieurs fois.")
    )
    await harness.send("Bonjour")
    await harness.settle()
    assert stored_at_final_edit == [True]


async def test_an_answer_stored_before_a_crash_is_finished_without_asking_again(
    harness: Harness,
) -> None:
    await harness.send("Première question")
    await harness.settle()
    conversation = await harness.services.conversations.current("!dm-alice")
    assert conversation is not None
    requests = len(harness.llm.chat_requests())
    # The process died after storing the answer to "$crash", before its final edit.
    inbox = harness.services.inbox
    await inbox.add("$crash", "!dm-alice", ALICE, "message", "Deuxième question", 1)
    item = await inbox.get("$crash")
    assert item is not None
    shown = await harness.matrix.send_text("!dm-alice", "Une réponse en cou …")
    await inbox.set_answer_event(item.seq, shown)
    await inbox.start_attempt(item.seq)
    conversations = harness.services.conversations
    await conversations.add_message(
        conversation.id, "user", "Deuxième question", event_id="$crash"
    )
    await conversations.add_message(
        conversation.id, "assistant", "Une réponse en cours, complète.", event_id=shown
    )
    await harness.dispatcher.resume_pending()
    await harness.settle()
    assert len(harness.llm.chat_requests()) == requests  # the model is not asked twice
    assert harness.matrix.by_id[shown].final_body == "Une réponse en cours, complète."
    item = await inbox.get("$crash")
    assert item is not None and item.status == "done"
    messages = await conversations.messages(conversation.id)
    assert [m.content for m in messages].count("Une réponse en cours, complète.") == 1


async def test_a_first_message_sent_before_a_crash_is_not_sent_twice(harness: Harness) -> None:
    inbox = harness.services.inbox
    await inbox.add("$asked", "!dm-alice", ALICE, "message", "Bonjour", 1)
    item = await inbox.get("$asked")
    assert item is not None
    # The transaction id was recorded, the first message went out, then the process died
    # before its event id was recorded.
    await inbox.set_answer_txn(item.seq, "answer.t1")
    shown = await harness.matrix.send_text("!dm-alice", "Bonj …", txn_id="answer.t1.0")
    await inbox.start_attempt(item.seq)
    harness.llm.enqueue(Reply(text="Bonjour, que puis-je faire pour vous ?"))
    await harness.dispatcher.resume_pending()
    await harness.settle()
    [answer] = harness.matrix.in_room("!dm-alice")
    assert answer.event_id == shown
    assert answer.final_body == "Bonjour, que puis-je faire pour vous ?"


async def test_every_message_of_an_answer_carries_a_recorded_transaction_id(
    harness: Harness,
) -> None:
    sent: list[str | None] = []
    send_text = harness.matrix.send_text

    async def recording(room_id: str, body: str, html: str | None = None, **kw: Any) -> str:
        sent.append(kw.get("txn_id"))
        return await send_text(room_id, body, html, **kw)

    harness.matrix.send_text = recording  # type: ignore[method-assign]
    harness.services.config.llm.max_message_chars = 200
    harness.llm.enqueue(Reply(text="Un paragraphe assez long pour être coupé. " * 12))
    event_id = await harness.send("Bonjour")
    await harness.settle()
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.answer_txn is not None
    assert len(sent) >= 2 and sent == [f"{item.answer_txn}.{i}" for i in range(len(sent))]


async def test_a_trickling_answer_is_stopped_at_its_deadline(harness: Harness) -> None:
    harness.services.config.llm.answer_deadline = 1.0
    # One token every 0.4 s: never slow enough for the per-chunk timeout (5 s here).
    harness.llm.enqueue(Reply(text="mot " * 40, tokens_per_second=2.5))
    event_id = await harness.send("Bonjour")
    await harness.settle()
    [answer] = harness.matrix.in_room("!dm-alice")
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.status == "failed" and item.error_ref is not None
    assert answer.final_body == texts.llm_deadline(item.error_ref)
    assert len(harness.llm.chat_requests()) == 1  # not retried


async def test_an_event_resumed_after_a_restart_keeps_its_room_kind(harness: Harness) -> None:
    # A group room known from before the restart; no sync has shown its members yet.
    await harness.services.rooms.upsert("!group", "group", None)
    await harness.services.inbox.add("$g1", "!group", ALICE, "message", "Question de groupe", 1)
    await harness.dispatcher.resume_pending()
    await harness.settle()
    conversation = await harness.services.conversations.current("!group")
    assert conversation is not None and conversation.user_id is None  # shared, not Alice's
