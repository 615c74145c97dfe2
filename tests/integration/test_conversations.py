"""Threads, custom instructions, search and exported documents: the real bot on the real Synapse,
in encrypted DMs (the model is the fake server)."""

from __future__ import annotations

import io

import docx
from odf import opendocument, teletype
from odf import table as otable
from odf import text as otext

from devtools.agent import SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from handlers.conversations import texts as conversations_texts
from handlers.instructions import texts as instructions_texts
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import ask, open_dm

ANSWER_MD = """# Note de synthèse

Texte avec **gras** et *italique*.

## Procédure

1. Saisir la demande
2. Valider la demande

| Type | Durée |
|------|-------|
| Congés bonifiés | 65 jours |
"""


def user_turns(request: dict[str, object]) -> list[str]:
    messages = request["messages"]
    assert isinstance(messages, list)
    return [m["content"] for m in messages if m["role"] == "user"]


def in_thread(message: SeenMessage, root: str) -> bool:
    relates = message.relates_to or {}
    return relates.get("rel_type") == "m.thread" and relates.get("event_id") == root


async def test_a_thread_has_its_own_conversation_and_replies_quote_the_answer(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Réponse principale."))
    after = len(agent.messages(room))
    root = await agent.send_text(room, "Question principale")
    main = await agent.wait_for_message(
        room, predicate=lambda m: m.body == "Réponse principale.", after=after
    )

    fake_llm.enqueue(Reply(text="Réponse dans le fil."))
    after = len(agent.messages(room))
    asked = await agent.send_in_thread(room, root, "Question dans le fil")
    answer = await agent.wait_for_message(
        room, predicate=lambda m: m.body == "Réponse dans le fil.", after=after
    )
    assert answer.encrypted and in_thread(answer, root)
    # The fallback for clients without threads replies to the thread's latest event.
    assert (answer.relates_to or {})["m.in_reply_to"] == {"event_id": asked}
    assert user_turns(fake_llm.chat_requests()[-1]) == ["Question dans le fil"]

    # The main timeline is unaffected, and its answers are not in the thread.
    fake_llm.enqueue(Reply(text="Suite principale."))
    suite = await ask(agent, room, "Suite principale ?", "Suite principale.")
    assert not in_thread(suite, root)
    assert user_turns(fake_llm.chat_requests()[-1]) == [
        "Question principale",
        "Suite principale ?",
    ]

    # A reply to the first answer puts it back in front of the model.
    await ask(agent, room, "!nouveau", conversations_texts.NEW_CONVERSATION)
    fake_llm.enqueue(Reply(text="Réponse à la réponse."))
    after = len(agent.messages(room))
    await agent.send_reply(room, main.event_id, "Peux-tu préciser ?")
    await agent.wait_for_message(
        room, predicate=lambda m: m.body == "Réponse à la réponse.", after=after
    )
    [turn] = user_turns(fake_llm.chat_requests()[-1])
    assert "> Réponse principale." in turn and turn.endswith("Peux-tu préciser ?")

    # The thread keeps its history across a restart.
    await bot.stop()
    await bot.start()
    fake_llm.enqueue(Reply(text="Suite du fil."))
    after = len(agent.messages(room))
    await agent.send_in_thread(room, root, "Suite dans le fil")
    reply = await agent.wait_for_message(
        room, predicate=lambda m: m.body == "Suite du fil.", after=after
    )
    assert in_thread(reply, root)
    assert user_turns(fake_llm.chat_requests()[-1]) == [
        "Question dans le fil",
        "Suite dans le fil",
    ]


async def test_instructions_survive_a_restart_and_search_finds_a_conversation(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    consigne = "Je suis gestionnaire RH au rectorat, réponds de façon concise"
    await ask(
        agent, room, f"!consignes {consigne}", instructions_texts.instructions_saved(len(consigne))
    )
    fake_llm.enqueue(Reply(text="Le télétravail est encadré."))
    await ask(agent, room, "Règles du télétravail ?", "Le télétravail est encadré.")
    await ask(agent, room, "!nouveau", conversations_texts.NEW_CONVERSATION)

    await bot.stop()
    await bot.start()
    fake_llm.enqueue(Reply(text="Trois étapes."))
    await ask(agent, room, "Procédure de mutation interne ?", "Trois étapes.")
    system = fake_llm.chat_requests()[-1]["messages"][0]
    assert system["role"] == "system" and consigne in system["content"]

    after = len(agent.messages(room))
    await agent.send_text(room, "!historique teletravail")
    listing = await agent.wait_for_message(
        room,
        predicate=lambda m: conversations_texts.search_header("teletravail") in m.body,
        after=after,
    )
    # Titled from the question itself (no model call), the match shown in its excerpt.
    assert "1. **Règles du télétravail** " in listing.body and "mutation" not in listing.body
    assert "> Règles du **télétravail** ?" in listing.body
    await ask(agent, room, "!reprendre 1", conversations_texts.resumed("Règles du télétravail", 2))


async def test_exported_docx_and_odt_open_and_keep_the_structure(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text=ANSWER_MD.strip()))
    await ask(agent, room, "Une note sur les congés bonifiés", ANSWER_MD.strip())

    async def export(command: str, suffix: str) -> bytes:
        after = len(agent.messages(room))
        await agent.send_text(room, command)
        file = await agent.wait_for_message(
            room, predicate=lambda m: m.msgtype == "m.file", after=after
        )
        assert file.encrypted and "file" in file.content and file.body.endswith(suffix)
        return await agent.download_file(file)

    document = docx.Document(io.BytesIO(await export("!exporter", ".docx")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "Note de synthèse") in paragraphs
    assert ("Heading 2", "Procédure") in paragraphs
    assert ("List Number", "Valider la demande") in paragraphs
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "Congés bonifiés" in cells and "65 jours" in cells

    odt = opendocument.load(io.BytesIO(await export("!exporter odt", ".odt")))
    headings = [teletype.extractText(h) for h in odt.getElementsByType(otext.H)]
    assert "Note de synthèse" in headings and "Procédure" in headings
    items = [teletype.extractText(i) for i in odt.getElementsByType(otext.ListItem)]
    assert items == ["Saisir la demande", "Valider la demande"]
    cells = [teletype.extractText(c) for c in odt.getElementsByType(otable.TableCell)]
    assert "Congés bonifiés" in cells and "65 jours" in cells
