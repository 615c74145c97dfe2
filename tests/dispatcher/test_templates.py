"""Templates at dispatcher level: the real routers and SQLite, a fake Matrix port, the fake
model; the shipped examples are the default folder."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts as bot_texts
from devtools.fake_llm import FakeLLM, Reply
from handlers.templates import texts
from handlers.templates.config import EXAMPLES_DIR
from handlers.templates.definitions import load_dir
from handlers.templates.router import Templates
from storage.privacy import PrivacyRepository
from storage.templates import ArmedTemplateRepository
from tests import docgen
from tests.harness import ALICE, BOB, Harness, dispatcher_config, fake_matrix, running_dispatcher

EXAMPLES = load_dir(EXAMPLES_DIR).templates
NOTE = EXAMPLES["note-de-synthese"]
FALC = EXAMPLES["courrier-falc"]
_ids = itertools.count(1)


@pytest.fixture
async def harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[Harness]:
    config = dispatcher_config(tmp_path, fake_llm.base_url, llm={"retries": 0})
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        await dispatcher.services.rooms.upsert("!support", "support", None)
        yield Harness(dispatcher, fake_matrix(dispatcher), fake_llm)


async def say(h: Harness, text: str, room: str = "!dm-alice", sender: str = ALICE) -> str:
    before = len(h.matrix.in_room(room))
    await h.send(text, room=room, sender=sender, members=2 if room.startswith("!dm") else 5)
    await h.settle()
    return "\n".join(m.final_body for m in h.matrix.in_room(room)[before:])


def system_prompts(h: Harness) -> list[str]:
    return [r["messages"][0]["content"] for r in h.llm.chat_requests()]


def occurrences(request: dict[str, Any], needle: str) -> int:
    return sum(str(m["content"]).count(needle) for m in request["messages"])


async def test_listed_armed_applied_to_the_next_answer_only(harness: Harness) -> None:
    h = harness
    listing = await say(h, "!gabarits")
    for template in EXAMPLES.values():
        assert f"**{template.name}** (`{template.id}`)" in listing
    assert "!gabarit aucun" in listing

    # Accents, case and spaces ignored.
    assert await say(h, "!gabarit NOTE de synthese") == texts.armed(NOTE.name)
    assert texts.armed_now(NOTE.name) in await say(h, "!gabarit")
    h.llm.enqueue(Reply(text="Note."), Reply(text="Suite."))
    answer = await say(h, "Voici mes notes sur le budget 2027.")
    assert answer == "Note.\n\n" + texts.footer(NOTE.name)
    (first,) = h.llm.chat_requests()
    assert occurrences(first, NOTE.instructions) == 1  # once, in the system prompt
    assert NOTE.instructions in first["messages"][0]["content"]
    assert first["messages"][-1] == {
        "role": "user",
        "content": "Voici mes notes sur le budget 2027.",
    }
    # The next answer is an ordinary one: the template is not in its request nor in the history.
    assert await say(h, "Et ensuite ?") == "Suite."
    second = h.llm.chat_requests()[-1]
    assert occurrences(second, NOTE.instructions) == 0
    assert [m["content"] for m in second["messages"][1:]] == [
        "Voici mes notes sur le budget 2027.",
        "Note.",
        "Et ensuite ?",
    ]
    assert texts.armed_now(NOTE.name) not in await say(h, "!gabarit")


async def test_used_at_once_on_a_text_and_disarmed_and_unknown(harness: Harness) -> None:
    h = harness
    h.llm.enqueue(Reply(text="Courrier simple."))
    answer = await say(h, "!gabarit courrier en falc : Madame, votre dossier est incomplet.")
    assert answer == "Courrier simple.\n\n" + texts.footer(FALC.name)
    [request] = h.llm.chat_requests()
    assert occurrences(request, FALC.instructions) == 1
    assert request["messages"][-1]["content"] == "Madame, votre dossier est incomplet."

    assert await say(h, "!gabarit 2") == texts.armed(FALC.name)  # its number in the list
    assert await say(h, "!gabarit aucun") == texts.DISARMED
    assert await say(h, "!gabarit aucune") == texts.NOTHING_TO_DISARM
    h.llm.enqueue(Reply(text="Normal."))
    assert await say(h, "Une question") == "Normal."
    assert occurrences(h.llm.chat_requests()[-1], FALC.instructions) == 0
    assert await say(h, "!gabarit rapport annuel") == texts.unknown("rapport annuel")


async def test_a_failed_answer_keeps_its_template_for_the_retry_not_for_others(
    harness: Harness,
) -> None:
    h = harness
    await say(h, "!gabarit compte-rendu-reunion")
    h.llm.enqueue(Reply(fail="http500"), Reply(text="Compte rendu."), Reply(text="Autre."))
    failed = await say(h, "Notes : point 1, point 2")
    assert "!reessayer" in failed
    assert await say(h, "!reessayer") == "Compte rendu.\n\n" + texts.footer(
        EXAMPLES["compte-rendu-reunion"].name
    )
    instructions = EXAMPLES["compte-rendu-reunion"].instructions
    assert [occurrences(r, instructions) for r in h.llm.chat_requests()] == [1, 1]
    assert await say(h, "Autre chose") == "Autre."
    assert occurrences(h.llm.chat_requests()[-1], instructions) == 0


async def test_applied_to_the_question_sent_with_a_document(harness: Harness) -> None:
    h = harness
    await say(h, "!gabarit note")
    url = h.matrix.media.add(f"{next(_ids)}-budget.docx", docgen.docx(["Le loyer coûte 1200 €."]))
    media = {"url": url, "file": None, "mimetype": None, "size": 100, "filename": "budget.docx"}
    h.llm.enqueue(Reply(text="Note sur le loyer."))
    await h.feed("Fais la note", msgtype="m.file", media=media)
    await h.settle()
    assert h.replies()[-1] == "Note sur le loyer.\n\n" + texts.footer(NOTE.name)
    [request] = h.llm.chat_requests()
    assert occurrences(request, NOTE.instructions) == 1
    assert "Le loyer coûte 1200 €." in request["messages"][-1]["content"]  # the passages too

    # A document sent without a caption is only read: the template waits for the question.
    await say(h, "!gabarit courrier")
    url = h.matrix.media.add(
        f"{next(_ids)}-avis.docx", docgen.docx(["Avis de passage le 3 mars."])
    )
    media = {"url": url, "file": None, "mimetype": None, "size": 100, "filename": "avis.docx"}
    await h.feed("avis.docx", msgtype="m.file", media=media)
    await h.settle()
    assert len(h.llm.chat_requests()) == 1
    h.llm.enqueue(Reply(text="Courrier FALC."))
    assert await say(h, "Écris le courrier à l'usager") == "Courrier FALC.\n\n" + texts.footer(
        FALC.name
    )
    request = h.llm.chat_requests()[-1]
    assert occurrences(request, FALC.instructions) == 1
    assert occurrences(request, NOTE.instructions) == 0
    assert "Avis de passage le 3 mars." in request["messages"][-1]["content"]


async def test_staff_reload_tells_which_file_is_refused_and_why(
    harness: Harness, tmp_path: Path
) -> None:
    h = harness
    folder = tmp_path / "gabarits"
    folder.mkdir()
    feature = h.services.part(Templates)
    feature.folder = folder
    (folder / "bon.toml").write_text(
        'name = "Bon"\ndescription = "Un bon gabarit."\ninstructions = "Fais bien."\n', "utf-8"
    )
    (folder / "casse.toml").write_text('name = "Cassé"\ndescription = "x"\n', "utf-8")
    report = await say(h, "!gabarits recharger", room="!support", sender=BOB)
    assert "Gabarits rechargés\u00a0: 1 disponible(s)" in report
    assert "- `casse.toml`\u00a0: instructions\u00a0: champ obligatoire manquant" in report
    assert list(feature.loaded) == ["bon"]
    staff_list = await say(h, "!gabarits", room="!support", sender=BOB)
    assert "`bon.toml`\u00a0: Bon" in staff_list and "`casse.toml`" in staff_list
    # Agents see the new set at once; a template armed before a reload that removed it is
    # simply not applied.
    assert "**Bon** (`bon`)" in await say(h, "!gabarits")
    await say(h, "!gabarit bon")
    (folder / "bon.toml").unlink()
    await say(h, "!gabarits recharger", room="!support", sender=BOB)
    assert await say(h, "!gabarits") == texts.NONE_AVAILABLE
    h.llm.enqueue(Reply(text="Sans gabarit."))
    assert await say(h, "Question") == "Sans gabarit."
    assert "Fais bien." not in system_prompts(h)[-1]
    # Staff only.
    assert await say(h, "!gabarits recharger", room="!support", sender=ALICE) == (
        bot_texts.COMMAND_ADMINS_ONLY
    )


async def test_the_armed_template_is_exported_and_erased_with_the_agent_s_data(
    harness: Harness,
) -> None:
    h = harness
    assert await say(h, "!gabarit note de synthese") == texts.armed(NOTE.name)
    repo = ArmedTemplateRepository(h.dispatcher.services.db)
    data = await PrivacyRepository(h.dispatcher.services.db).user_data(ALICE)
    assert [row["template_id"] for row in data["armed_templates"]] == [NOTE.id]
    await say(h, "!oublier")
    await say(h, "!oublier confirmer")
    assert await repo.get(ALICE, "!dm-alice") is None
    data = await PrivacyRepository(h.dispatcher.services.db).user_data(ALICE)
    assert data.get("armed_templates", []) == []
