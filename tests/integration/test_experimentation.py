"""Surveys, feedback and statistics end to end: the real bot and Synapse, encrypted rooms."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

from devtools.fake_llm import FakeLLM, Reply
from handlers.feedback import texts as feedback_texts
from handlers.surveys import texts as surveys_texts
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import ask, open_dm
from tests.integration.test_privacy import download, rows, send_and_wait

SURVEYS = Path(__file__).parents[1] / "data" / "surveys"


async def test_survey_round_answers_restart_reactions_feedback_and_stats(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, alice, carol = await asyncio.gather(
        make_agent("staff"), make_agent("alice"), make_agent("carol")
    )
    support = await staff.create_group([], name="Support et retours")
    bot = await make_bot(
        start=False,
        support={"room": support, "admins": [staff.user_id]},
        surveys={"dir": str(SURVEYS), "active_days": 0, "send_rate": 20},
    )
    await staff.client.room_invite(support, bot.user_id)
    app = await bot.start()
    await staff.wait_member(support, bot.user_id)
    alice_room, carol_room = await asyncio.gather(open_dm(alice, bot), open_dm(carol, bot))
    assert app.services is not None
    # The greeting is sent before the agent is registered: let the bot finish with the invite
    # before changing what it stored.
    await bot.settled()
    await app.services.users.set_status(carol.user_id, "pending")  # only approved agents

    # A 👍 on an answer, in the encrypted DM.
    fake_llm.enqueue(Reply(text="Réponse pour Alice."))
    answer = await ask(alice, alice_room, "Bonjour", "Réponse pour Alice.")
    await alice.react(alice_room, answer.event_id, "👍")

    # A survey definition dropped as a file in the encrypted support room is added.
    dropped = (SURVEYS / "mensuel-test.toml").read_text("utf-8").replace("mensuel-test", "depose")
    await staff.send_file(support, dropped.encode(), "depose.toml", "application/toml")
    await staff.wait_for_text(support, "Questionnaire `depose` ajouté")

    await staff.send_text(support, "!survey send mensuel-test tous")
    report = await staff.wait_for_text(support, "terminé")
    assert "1 envoyé(s), 0 échec(s)" in report.body
    first = await alice.wait_for_text(alice_room, "Question 1/5")
    assert first.encrypted and first.sender == bot.user_id
    await alice.react(alice_room, first.event_id, "4️⃣")  # a digit reaction answers
    await alice.wait_for_text(alice_room, "Question 2/5")

    # A half-answered survey survives a restart.
    await bot.stop()
    app = await bot.start()
    await send_and_wait(alice, alice_room, "2", lambda m: "Question 3/5" in m.body)
    await send_and_wait(alice, alice_room, "1,3", lambda m: "Question 4/5" in m.body)
    hint = await send_and_wait(alice, alice_room, "peut-être", lambda m: "compris" in m.body)
    assert "oui" in hint.body and "Question 4/5" in hint.body
    await send_and_wait(alice, alice_room, "oui", lambda m: "Question 5/5" in m.body)
    await send_and_wait(
        alice, alice_room, "Très utile", lambda m: m.body == surveys_texts.SURVEY_THANKS
    )
    assert not [m for m in carol.messages(carol_room) if "Question" in m.body]
    assert len(fake_llm.chat_requests()) == 1  # the answers never reached the model

    await send_and_wait(
        alice,
        alice_room,
        "!avis Merci pour l'outil",
        lambda m: m.body == feedback_texts.FEEDBACK_THANKS,
    )
    forwarded = await staff.wait_for_text(support, "Avis d'un agent")
    assert "Merci pour l'outil" in forwarded.body and alice.user_id not in forwarded.body
    assert "localhost" in forwarded.body  # the ministry: the agent's homeserver

    stats = await send_and_wait(staff, support, "!stats", lambda m: "Statistiques" in m.body)
    total = next(line for line in stats.body.splitlines() if "**total**" in line).split(" | ")
    # approved alice (staff has no DM: not a user), carol pending, both active (DMs opened)
    assert total[1:4] == ["1", "1", "2/2/2"]
    assert total[4] == "1" and total[8] == "1/0 (100 %)" and total[9].startswith("1/1")
    [(rating, model)] = rows(bot, "SELECT rating, model FROM answer_feedback")
    assert rating == "up" and model == bot.config.llm.model

    file_event = await send_and_wait(
        staff, support, "!survey export mensuel-test", lambda m: m.msgtype == "m.file"
    )
    table = list(csv.DictReader(io.StringIO((await download(staff, file_event)).decode())))
    assert len(table) == 1
    assert [table[0][k] for k in ("satisfaction", "usage", "outils", "recommande")] == [
        "4",
        "Recherche",
        "Courriels; Traduction",
        "oui",
    ]
    assert table[0]["commentaire"] == "Très utile" and table[0]["status"] == "completed"


async def test_a_resent_survey_message_with_its_transaction_id_is_shown_once(
    make_agent: MakeAgent, make_bot: MakeBot
) -> None:
    """What resuming an interrupted round relies on: Synapse deduplicates the transaction."""
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    assert bot.app is not None and bot.app.matrix is not None
    matrix = bot.app.matrix
    first = await matrix.send_text(room, "Question 1/1", txn_id="survey-test-txn")
    again = await matrix.send_text(room, "Question 1/1", txn_id="survey-test-txn")
    assert again == first
    await agent.wait_for_text(room, "Question 1/1")
    await send_and_wait(agent, room, "!aide", lambda m: "!sondages" in m.body)
    assert [m.body for m in agent.messages(room)].count("Question 1/1") == 1
