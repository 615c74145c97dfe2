"""Threads, !consignes, titles, history search, !exporter at dispatcher level: the real routers
and SQLite, a fake Matrix port, the fake model server."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import docx
import pytest
from odf import opendocument, teletype
from odf import table as otable
from odf import text as otext

from bot import texts
from devtools.fake_llm import FakeLLM, Reply
from handlers.conversations import texts as conversations_texts
from handlers.export import documents as export
from handlers.export import texts as export_texts
from handlers.instructions import texts as instructions_texts
from handlers.instructions.router import Instructions
from handlers.privacy.guard import Privacy
from tests.harness import ALICE, BOB, Harness, dispatcher_config, fake_matrix, running_dispatcher
from tests.unit.test_export import ANSWER_MD

DM = "!dm-alice"


class Bot(Harness):
    """The shared harness, each message handled before the next is sent (a mention: the same
    calls serve group rooms)."""

    async def send(  # type: ignore[override]
        self,
        text: str,
        *,
        room: str = DM,
        sender: str = ALICE,
        members: int = 2,
        thread_root: str | None = None,
        reply_to: str | None = None,
    ) -> str:
        event_id = await self.feed(
            text,
            room=room,
            sender=sender,
            members=members,
            mention=True,
            thread_root=thread_root,
            reply_to=reply_to,
        )
        await self.settle()
        return event_id

    def last(self, room: str = DM) -> str:
        return self.matrix.in_room(room)[-1].final_body

    async def background(self) -> None:
        """Side tasks (generated titles) spawned by the answers."""
        await self.services.tasks.idle()


@pytest.fixture
async def bot(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[Bot]:
    config = dispatcher_config(
        tmp_path, fake_llm.base_url, conversations={"max_instruction_chars": 200}
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        yield Bot(dispatcher, fake_matrix(dispatcher), fake_llm)


def user_turns(request: dict[str, object]) -> list[str]:
    messages = request["messages"]
    assert isinstance(messages, list)
    return [m["content"] for m in messages if m["role"] == "user"]


# Threads ------------------------------------------------------------------------------------


async def test_a_thread_is_a_conversation_of_its_own(bot: Bot) -> None:
    root = await bot.send("Question du fil principal")
    await bot.send("Question dans le fil", thread_root=root)
    answer = bot.matrix.in_room(DM)[-1]
    assert answer.thread_root == root  # answered inside the thread
    assert user_turns(bot.llm.chat_requests()[-1]) == ["Question dans le fil"]
    await bot.send("Suite du fil", thread_root=root)
    assert user_turns(bot.llm.chat_requests()[-1]) == ["Question dans le fil", "Suite du fil"]
    # The main timeline kept its own conversation.
    await bot.send("Suite principale")
    assert bot.matrix.in_room(DM)[-1].thread_root is None
    assert user_turns(bot.llm.chat_requests()[-1]) == [
        "Question du fil principal",
        "Suite principale",
    ]
    # Commands in a thread answer in the thread; !historique lists the thread, marked.
    await bot.send("!historique", thread_root=root)
    listing = bot.matrix.in_room(DM)[-1]
    assert listing.thread_root == root
    thread_line = next(ln for ln in listing.body.splitlines() if "Question dans le fil" in ln)
    assert "fil de discussion" in thread_line
    main_line = next(ln for ln in listing.body.splitlines() if "Question du fil principal" in ln)
    assert "fil de discussion" not in main_line
    # !reprendre of the thread: it continues in the main timeline.
    index = thread_line.split(".")[0]
    await bot.send(f"!reprendre {index}")
    assert "discussion principale" in bot.last()
    await bot.send("Dans la principale")
    assert user_turns(bot.llm.chat_requests()[-1])[:2] == ["Question dans le fil", "Suite du fil"]


async def test_a_reply_to_an_answer_quotes_it_for_the_model(bot: Bot) -> None:
    bot.llm.enqueue(Reply(text="Le délai légal est de deux mois."))
    await bot.send("Quel délai ?")
    await bot.send("!nouveau")
    answer_id = next(s.event_id for s in bot.matrix.in_room(DM) if "deux mois" in s.final_body)
    await bot.send("Et pour un recours ?", reply_to=answer_id)
    last = user_turns(bot.llm.chat_requests()[-1])
    assert len(last) == 1  # a new conversation: the answer comes only from the reply
    assert "> Le délai légal est de deux mois." in last[0]
    assert last[0].endswith("Et pour un recours ?")
    # A reply to an unknown event (or the agent's own message) adds nothing.
    await bot.send("Autre chose", reply_to="$inconnu")
    assert user_turns(bot.llm.chat_requests()[-1])[-1] == "Autre chose"


# Custom instructions -----------------------------------------------------------------------


async def test_instructions_reach_the_system_prompt(bot: Bot) -> None:
    await bot.send("!consignes")
    assert bot.last() == instructions_texts.NO_INSTRUCTIONS
    await bot.send("!consignes Je suis gestionnaire RH au rectorat, réponds de façon concise")
    assert "enregistrées" in bot.last()
    await bot.send("!instructions")
    assert "> Je suis gestionnaire RH au rectorat" in bot.last()
    await bot.send("Combien de jours de congés ?")
    system = bot.llm.chat_requests()[-1]["messages"][0]["content"]
    assert "gestionnaire RH au rectorat" in system
    await bot.send("!consignes " + "x" * 201)
    assert "201 caractères" in bot.last() and "200" in bot.last()
    await bot.send("!consignes effacer")
    assert bot.last() == instructions_texts.INSTRUCTIONS_CLEARED
    await bot.send("Et les RTT ?")
    assert "rectorat" not in bot.llm.chat_requests()[-1]["messages"][0]["content"]
    # Personal: not in a group room.
    await bot.send("!consignes bonjour", room="!groupe", members=5)
    assert bot.last("!groupe") == texts.COMMAND_NOT_HERE


async def test_instructions_count_in_the_context_budget(bot: Bot) -> None:
    # Every turn the same size: how many fit depends only on the system prompt.
    bot.services.config.llm.context_budget = 1000
    for i in range(8):
        bot.llm.enqueue(Reply(text=f"Réponse {i} ".ljust(250, "m")))
        await bot.send(f"Question {i} ".ljust(250, "q"))
    before = len(bot.llm.chat_requests()[-1]["messages"])
    await bot.send("!consignes " + "consigne " * 20)
    bot.llm.enqueue(Reply(text="Réponse 9 ".ljust(250, "m")))
    await bot.send("Question 9 ".ljust(250, "q"))
    after = len(bot.llm.chat_requests()[-1]["messages"])
    assert after < before  # the instructions took room: fewer past turns fit


# Titles -------------------------------------------------------------------------------------


async def test_a_short_clean_question_titles_without_a_model_call(bot: Bot) -> None:
    await bot.send("bonjour, comment fonctionnent les congés bonifiés ?")
    await bot.background()
    assert bot.llm.title_requests() == []
    conv = await bot.services.conversations.current(DM)
    assert conv is not None and conv.title == "Comment fonctionnent les congés bonifiés"


async def test_title_generated_after_the_first_exchange_then_titre(bot: Bot) -> None:
    bot.llm.titles.append("« Congés bonifiés outre-mer. »")
    await bot.send("Je pars en Guadeloupe. Comment fonctionnent les congés bonifiés ?")
    await bot.background()
    [title_request] = bot.llm.title_requests()
    assert title_request.get("stream") is not True
    assert "congés bonifiés" in title_request["messages"][-1]["content"]
    conv = await bot.services.conversations.current(DM)
    assert conv is not None and conv.title == "Congés bonifiés outre-mer"
    await bot.send("Et pour la Réunion ?")
    await bot.background()
    assert len(bot.llm.title_requests()) == 1  # only after the first exchange
    await bot.send("!titre Dossier Réunion")
    conv = await bot.services.conversations.current(DM)
    assert conv is not None and conv.title == "Dossier Réunion"
    await bot.send("!titre")
    assert bot.last() == conversations_texts.TITRE_USAGE


async def test_a_failed_title_keeps_the_provisional_one(bot: Bot) -> None:
    await bot.send("Rédige une note. Elle est pour le préfet")  # the fake refuses the title
    await bot.background()
    assert len(bot.llm.title_requests()) == 1
    conv = await bot.services.conversations.current(DM)
    assert conv is not None and conv.title == "Rédige une note. Elle est pour le préfet"


# Search -------------------------------------------------------------------------------------


async def test_search_finds_a_conversation_by_a_word_and_resumes_it(bot: Bot) -> None:
    for question in ("Télétravail des agents", "Marché public de nettoyage", "Note au préfet"):
        await bot.send(question)
        await bot.send("!nouveau")
    await bot.send("!historique marches nettoyage")  # no accent, plural: still found
    listing = bot.last()
    assert "Marché public de nettoyage" in listing and "Télétravail" not in listing
    assert "**nettoyage**" in listing  # the excerpt marks the match
    await bot.send("!reprendre 1")
    assert "Marché public de nettoyage" in bot.last()
    await bot.send("Et le cahier des charges ?")
    assert user_turns(bot.llm.chat_requests()[-1])[0] == "Marché public de nettoyage"
    await bot.send('!historique "préfet* -( :')  # FTS5 syntax is only words here
    assert "Note au préfet" in bot.last()
    await bot.send("!historique zzzinconnu")
    assert bot.last() == conversations_texts.search_none("zzzinconnu")
    # Another agent's conversations are never found.
    await bot.send("Nettoyage des locaux", room="!dm-bob", sender=BOB)
    await bot.send("!historique nettoyage")
    assert "locaux" not in bot.last()


# Privacy: nothing left in the index ---------------------------------------------------------


async def _terms(bot: Bot) -> set[str]:
    conn = bot.services.db.conn
    await conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.mvocab USING fts5vocab(main, messages_fts, row)"
    )
    await conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.tvocab USING fts5vocab(main, titles_fts, row)"
    )
    rows = await bot.services.db.fetchall("SELECT term FROM mvocab UNION SELECT term FROM tvocab")
    terms = {r["term"] for r in rows}
    # The raw segments too: a delete only adds a marker until the segments are merged.
    for table in ("messages_fts_data", "titles_fts_data"):
        for row in await bot.services.db.fetchall(f"SELECT block FROM {table}"):
            block = bytes(row["block"] or b"")
            terms |= {w for w in ("zanzibar", "mirabelle") if w.encode() in block}
    return terms


async def test_erasure_and_retention_leave_no_text_in_the_index(bot: Bot) -> None:
    await bot.send("Dossier zanzibar confidentiel")
    await bot.send("!consignes Je travaille au service zanzibar")
    await bot.send("Projet mirabelle", room="!dm-bob", sender=BOB)
    assert {"zanzibar", "mirabelle"} <= await _terms(bot)
    data = await bot.services.part(Privacy).repo.user_data(ALICE)
    assert data["custom_instructions"][0]["content"] == "Je travaille au service zanzibar"
    await bot.send("!oublier oui")
    assert "zanzibar" not in await _terms(bot)
    assert await bot.services.part(Instructions).repo.get(ALICE) is None
    assert "mirabelle" in await _terms(bot)
    await bot.services.part(Privacy).repo.purge_before("2999-01-01T00:00:00.000+00:00")
    assert await _terms(bot) == set()
    await bot.services.db.execute(
        "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"
    )


# Export -------------------------------------------------------------------------------------


async def test_exporter_sends_docx_then_odt_of_the_conversation(bot: Bot) -> None:
    bot.llm.enqueue(Reply(text=ANSWER_MD))
    await bot.send("Fais une note sur les congés")
    await bot.send("!exporter")
    [(name, mimetype, data)] = bot.matrix.files.values()
    assert name.endswith(".docx") and mimetype == export.MIMETYPES["docx"]
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "Note de synthèse") in paragraphs
    assert ("List Number", "Saisir la demande") in paragraphs
    assert ("List Bullet 2", "auprès du chef de service") in paragraphs
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert cells == ["Type", "Durée", "Congés bonifiés", "65 jours", "RTT", "12 jours"]
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "gras" in bold
    assert any("25 novembre 2026" in text for _, text in paragraphs)
    await bot.send("!exporter tout odt")
    name, mimetype, data = list(bot.matrix.files.values())[-1]
    assert name.endswith(".odt")
    odt = opendocument.load(io.BytesIO(data))
    headings = [teletype.extractText(h) for h in odt.getElementsByType(otext.H)]
    assert headings[:2] == [export_texts.EXPORT_ROLE_USER, export_texts.EXPORT_ROLE_ASSISTANT]
    assert "Note de synthèse" in headings
    items = [teletype.extractText(i) for i in odt.getElementsByType(otext.ListItem)]
    assert "Valider" in items[1] and "auprès du chef de service" in items
    cells = [teletype.extractText(c) for c in odt.getElementsByType(otable.TableCell)]
    assert "Congés bonifiés" in cells and "65 jours" in cells
    body = teletype.extractText(odt.text)
    assert "Fais une note sur les congés" in body
    await bot.send("!export md")
    name, _, data = list(bot.matrix.files.values())[-1]
    assert name.endswith(".md") and "| RTT | 12 jours |" in data.decode()
    await bot.send("!exporter pdf")
    assert bot.last() == export_texts.EXPORT_USAGE


async def test_exporter_without_answer_explains(bot: Bot) -> None:
    await bot.send("!exporter")
    assert bot.last() == export_texts.EXPORT_NOTHING


async def test_export_conversations_in_the_support_room_is_the_staff_export(bot: Bot) -> None:
    await bot.send("Une question")
    await bot.send("!export conversations 30j", room="!support", sender=BOB, members=3)
    name, mimetype, data = list(bot.matrix.files.values())[-1]
    assert name.endswith("-30j.jsonl") and mimetype == "application/x-ndjson"
    assert json.loads(data.decode().splitlines()[0])
    await bot.send("!export", room="!support", sender=ALICE, members=3)
    assert bot.last("!support") == texts.COMMAND_ADMINS_ONLY
    await bot.send("!aide", room="!support", sender=BOB, members=3)
    assert bot.last("!support").count("!export-conversations") == 1
    await bot.send("!aide")
    assert bot.last().count("`!exporter") == 1 and "export-conversations" not in bot.last()


async def test_a_dm_that_gains_a_member_keeps_its_owner_conversations_private(bot: Bot) -> None:
    bot.llm.enqueue(Reply(text="Réponse privée."))
    await bot.send("Note confidentielle sur le dossier Durand")
    await bot.send("!nouveau")
    # Bob joins Alice's DM (three members now) and talks to the bot there.
    await bot.send("!historique", sender=BOB, members=3)
    notice, listing = [m.final_body for m in bot.matrix.in_room(DM)][-2:]
    assert notice == texts.DM_BECAME_GROUP
    assert listing == conversations_texts.NO_HISTORY
    await bot.send("!historique Durand", sender=BOB, members=3)
    assert bot.last() == conversations_texts.search_none("Durand")
    await bot.send("!reprendre 1", sender=BOB, members=3)
    assert bot.last() == conversations_texts.bad_conversation_number(0)
    bot.llm.enqueue(Reply(text="Réponse pour Bob."))
    await bot.send("Et sur ce dossier ?", sender=BOB, members=3)
    request = bot.llm.chat_requests()[-1]
    assert [m["content"] for m in request["messages"][1:]] == ["Et sur ce dossier ?"]
    # The notice is said once; each message is recorded as its author's.
    bodies = [m.final_body for m in bot.matrix.in_room(DM)]
    assert bodies.count(texts.DM_BECAME_GROUP) == 1
    rows = await bot.services.db.fetchall(
        "SELECT content, author FROM messages WHERE role = 'user' ORDER BY id"
    )
    assert [(r["content"], r["author"]) for r in rows] == [
        ("Note confidentielle sur le dossier Durand", ALICE),
        ("Et sur ce dossier ?", BOB),
    ]
