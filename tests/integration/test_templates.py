"""Templates end to end: the real bot and Synapse, an encrypted DM and an encrypted support
room; the fake model records what it was asked."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

from devtools.fake_llm import FakeLLM, Reply
from handlers.templates import texts
from handlers.templates.config import EXAMPLES_DIR
from handlers.templates.definitions import load_dir
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import open_dm
from tests.integration.test_privacy import send_and_wait

NOTE = load_dir(EXAMPLES_DIR).templates["note-de-synthese"]


def occurrences(request: dict[str, Any], needle: str) -> int:
    return sum(str(m["content"]).count(needle) for m in request["messages"])


async def test_agent_uses_a_template_once_and_staff_reload_the_folder(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    folder = tmp_path / "gabarits"
    shutil.copytree(EXAMPLES_DIR, folder)
    (folder / "casse.toml").write_text('name = "Cassé"\ndescription = "x"\n', "utf-8")
    staff, agent = await asyncio.gather(make_agent("staff"), make_agent("agent"))
    support = await staff.create_group([], name="Support et retours")
    bot = await make_bot(
        start=False,
        support={"room": support, "admins": [staff.user_id]},
        templates={"dir": str(folder)},
    )
    await staff.client.room_invite(support, bot.user_id)
    await bot.start()
    await staff.wait_member(support, bot.user_id)

    # The file refused at start: staff are told which and why, the others load.
    refused = await staff.wait_for_text(support, "fichier(s) refusé(s)")
    assert refused.encrypted and refused.sender == bot.user_id
    assert "3 disponible(s)" in refused.body
    assert "`casse.toml`\u00a0: instructions\u00a0: champ obligatoire manquant" in refused.body

    room = await open_dm(agent, bot)
    listing = await send_and_wait(agent, room, "!gabarits", lambda m: "Gabarits" in m.body)
    assert listing.encrypted
    assert "**Note de synthèse** (`note-de-synthese`)" in listing.body
    assert "**Courrier en FALC**" in listing.body and "Compte rendu de réunion" in listing.body
    armed = await send_and_wait(agent, room, "!gabarit note de synthese", lambda m: "✅" in m.body)
    assert armed.body == texts.armed(NOTE.name)

    fake_llm.enqueue(Reply(text="Note au directeur."), Reply(text="Réponse ordinaire."))
    footer = texts.footer(NOTE.name)
    answer = await send_and_wait(
        agent, room, "Voici mes notes de la réunion budgétaire.", lambda m: footer in m.body
    )
    assert answer.encrypted and answer.body.startswith("Note au directeur.")
    first = fake_llm.chat_requests()[-1]
    assert occurrences(first, NOTE.instructions) == 1
    assert NOTE.instructions in first["messages"][0]["content"]  # in the system prompt
    assert first["messages"][-1]["content"] == "Voici mes notes de la réunion budgétaire."

    # Only for that turn.
    after = await send_and_wait(
        agent, room, "Merci, et la suite ?", lambda m: m.body == "Réponse ordinaire."
    )
    assert after.encrypted
    second = fake_llm.chat_requests()[-1]
    assert occurrences(second, NOTE.instructions) == 0
    assert all("Gabarit" not in str(m["content"]) for m in second["messages"])

    # Staff fix the file, break another, and reload in the encrypted support room.
    (folder / "casse.toml").write_text(
        'name = "Réparé"\ndescription = "Un gabarit réparé."\ninstructions = "Sois bref."\n',
        "utf-8",
    )
    (folder / "courrier-falc.toml").write_text('name = "FALC"\ninstructions = [1]\n', "utf-8")
    report = await send_and_wait(
        staff, support, "!gabarits recharger", lambda m: "rechargés" in m.body
    )
    assert report.encrypted
    assert "Gabarits rechargés\u00a0: 3 disponible(s)" in report.body
    assert "- `courrier-falc.toml`\u00a0: description\u00a0: champ obligatoire manquant" in (
        report.body
    )
    assert "instructions\u00a0: doit être un texte" in report.body
    listing = await send_and_wait(agent, room, "!gabarits", lambda m: "Gabarits" in m.body)
    assert "**Réparé** (`casse`)" in listing.body and "FALC" not in listing.body
