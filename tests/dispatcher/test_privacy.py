"""Privacy at dispatcher level: the guard's modes, the agents' rights, the staff export."""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from devtools.fake_llm import FakeLLM, Reply
from handlers.privacy import texts as privacy_texts
from handlers.privacy.guard import Privacy
from handlers.privacy.pii import nir_key
from handlers.privacy.retention import run_retention
from tests.harness import ALICE, BOB, Harness, dispatcher_config, fake_matrix, running_dispatcher

NIR = "1850578006084" + f"{nir_key('1850578006084'):02d}"
NIR_SPACED = " ".join([NIR[0], NIR[1:3], NIR[3:5], NIR[5:7], NIR[7:10], NIR[10:13], NIR[13:]])


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


MakeHarness = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def make_harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[MakeHarness]:
    async with AsyncExitStack() as stack:

        async def make(
            privacy: dict[str, Any] | None = None, clock: Clock | None = None
        ) -> Harness:
            config = dispatcher_config(
                tmp_path,
                fake_llm.base_url,
                llm={"edit_interval": 0},
                access={
                    "auto_approve_homeservers": [
                        "agent.interieur.tchap.gouv.fr",
                        "agent.finances.tchap.gouv.fr",
                    ]
                },
                privacy={"ner": "off", **(privacy or {})},
            )
            dispatcher = await stack.enter_async_context(
                running_dispatcher(
                    config, tmp_path / f"db{secrets.token_hex(3)}.sqlite3", clock or Clock()
                )
            )
            return Harness(dispatcher, fake_matrix(dispatcher), fake_llm)

        yield make


def user_contents(request: dict[str, Any]) -> list[str]:
    return [m["content"] for m in request["messages"] if m["role"] != "system"]


async def ask(h: Harness, text: str, **kwargs: Any) -> None:
    await h.send(text, **kwargs)
    await h.settle()


# The guard ------------------------------------------------------------------------------


async def test_pseudonymised_for_the_model_restored_for_the_agent(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness()
    question = f"Prépare un courrier pour Mme Claire Martin, NIR {NIR_SPACED}."
    h.llm.enqueue(
        Reply(
            text="Courrier pour [PERSONNE_1] : le NIR [NIR_1] est bien noté.", tokens_per_second=50
        )
    )
    await ask(h, question)
    [request] = h.llm.chat_requests()
    sent = user_contents(request)[-1]
    assert sent == "Prépare un courrier pour Mme [PERSONNE_1], NIR [NIR_1]."
    [answer] = h.matrix.in_room("!dm-alice")
    expected = f"Courrier pour Claire Martin : le NIR {NIR_SPACED} est bien noté."
    assert answer.final_body.startswith(expected)
    assert privacy_texts.privacy_pseudonymised({"personne": 1, "nir": 1}) in answer.final_body
    # Never a placeholder on screen, not even half of one while streaming.
    assert len(answer.edits) >= 3
    for body in [answer.body, *(b for b, _ in answer.edits)]:
        assert "[PERS" not in body and "[NIR" not in body and "PERSONNE_" not in body
    # What is stored: what the agent wrote, and the answer as they saw it.
    conversation = await h.services.conversations.current("!dm-alice")
    assert conversation is not None
    stored = await h.services.conversations.messages(conversation.id)
    assert [m.content for m in stored] == [question, expected]

    # Next turn: the whole history goes pseudonymised, with the same placeholders.
    await ask(h, "Ajoute que Mme Martin est attendue lundi.")
    second = user_contents(h.llm.chat_requests()[-1])
    assert second[:2] == [sent, "Courrier pour [PERSONNE_1] : le NIR [NIR_1] est bien noté."]
    assert second[2] == "Ajoute que Mme [PERSONNE_1] est attendue lundi."
    assert all("Martin" not in c and NIR_SPACED not in c for c in second)


async def test_warn_mode_sends_as_is_and_explains(make_harness: MakeHarness) -> None:
    h = await make_harness({"mode": "warn"})
    await ask(h, "Rappelle-moi au 06 12 34 56 78 pour mon arrêt maladie.")
    [request] = h.llm.chat_requests()
    assert user_contents(request) == ["Rappelle-moi au 06 12 34 56 78 pour mon arrêt maladie."]
    [answer] = h.replies()
    assert privacy_texts.privacy_identifiers_warning({"telephone": 1}) in answer
    assert privacy_texts.privacy_topics_warning(["sante"]) in answer


async def test_default_warns_about_sensitive_topics_and_ordinary_text_gets_no_notice(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness()
    await ask(h, "Mon collègue est en arrêt maladie depuis lundi, que dois-je faire ?")
    await ask(
        h, "Rédige une note sur le décret n° 2021-1234 du 14 octobre 2021, article L. 1234-5."
    )
    first, second = h.replies()
    assert first.endswith(privacy_texts.privacy_topics_warning(["sante"]))
    assert "⚠️" not in second and "🔒" not in second
    assert user_contents(h.llm.chat_requests()[0]) == [
        "Mon collègue est en arrêt maladie depuis lundi, que dois-je faire ?"
    ]


async def test_block_mode_holds_the_message_until_envoyer_quand_meme(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness({"mode": "block"})
    question = f"Le NIR de l'agent est {NIR}, vérifie-le."
    event_id = await h.send(question)
    await h.settle()
    assert h.llm.chat_requests() == []
    [held] = h.replies()
    assert held == privacy_texts.privacy_blocked({"nir": 1}, [])
    assert await h.services.conversations.current("!dm-alice") is None  # nothing stored
    item = await h.services.inbox.get(event_id)
    assert item is not None and item.status == "failed"

    # Someone else in the room cannot release it.
    await ask(h, "!envoyer-quand-meme", sender=BOB)
    assert h.replies()[-1] == privacy_texts.NOTHING_HELD

    h.llm.enqueue(Reply(text="NIR vérifié."))
    await ask(h, "!envoyer-quand-meme")
    assert h.replies()[-2:] == [
        privacy_texts.SENDING_HELD,
        "NIR vérifié.\n\n" + privacy_texts.privacy_identifiers_warning({"nir": 1}),
    ]
    [request] = h.llm.chat_requests()
    assert user_contents(request) == [question]  # as written, once
    item = await h.services.inbox.get(event_id)
    assert item is not None and item.status == "done"

    # Once only: the next message with personal data is held again.
    await ask(h, "Et celui-ci : 06 12 34 56 78 ?")
    assert h.replies()[-1] == privacy_texts.privacy_blocked({"telephone": 1}, [])
    assert len(h.llm.chat_requests()) == 1
    await ask(h, "!envoyer-quand-meme")
    await ask(h, "!envoyer-quand-meme")
    assert h.replies()[-1] == privacy_texts.NOTHING_HELD


async def test_topics_can_be_blocked_while_identifiers_are_pseudonymised(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness({"identifiers": "pseudonymise", "sensitive_topics": "block"})
    await ask(h, "M. Dupont a été condamné à de la prison avec sursis.")
    assert h.llm.chat_requests() == []
    assert h.replies()[-1] == privacy_texts.privacy_blocked({}, ["infraction"])
    await ask(h, "!envoyer-quand-meme")
    # Released from the block, still pseudonymised.
    assert user_contents(h.llm.chat_requests()[0]) == [
        "M. [PERSONNE_1] a été condamné à de la prison avec sursis."
    ]


# Agents' rights ------------------------------------------------------------------------------


async def test_confidentialite_shows_and_changes_the_opt_out(make_harness: MakeHarness) -> None:
    h = await make_harness()
    await ask(h, "!confidentialite")
    assert "**autorisée**" in h.replies()[-1] and "90 jours" in h.replies()[-1]
    await ask(h, "!confidentialite on")
    assert h.replies()[-1] == privacy_texts.OPT_OUT_ON
    await ask(h, "!confidentialité")
    assert "**refusée**" in h.replies()[-1]
    assert (await h.services.part(Privacy).repo.settings(ALICE)).opt_out
    await ask(h, "!confidentialite off")
    assert h.replies()[-1] == privacy_texts.OPT_OUT_OFF
    settings = await h.services.part(Privacy).repo.settings(ALICE)
    assert not settings.opt_out and settings.excluded_until is not None
    await ask(h, "!confidentialite peut-être")
    assert h.replies()[-1] == privacy_texts.OPT_OUT_USAGE
    assert h.llm.chat_requests() == []


async def test_export_excludes_agents_who_opted_out_forever(make_harness: MakeHarness) -> None:
    clock = Clock()
    h = await make_harness(clock=clock)
    await ask(h, "!confidentialite on")
    await ask(h, "Question privée d'Alice")
    await ask(h, "Question de Bob à Mme Claire Martin", room="!dm-bob", sender=BOB)
    await ask(h, "Question de groupe d'Alice", room="!group", members=5, mention=True)
    await ask(h, "Question de groupe de Bob", room="!group", sender=BOB, members=5, mention=True)

    # Not for everyone, not everywhere.
    await ask(h, "!export-conversations", room="!support", sender=ALICE, members=4)
    assert h.replies("!support")[-1] == texts.COMMAND_ADMINS_ONLY
    await ask(h, "!export-conversations")
    assert h.replies()[-1] == texts.COMMAND_NOT_HERE
    await ask(h, "!export-conversations demain", room="!support", sender=BOB, members=4)
    assert h.replies("!support")[-1] == privacy_texts.EXPORT_BAD_PERIOD

    await ask(h, "!export-conversations 7j", room="!support", sender=BOB, members=4)
    [(name, mimetype, data)] = list(h.matrix.files.values())
    assert name.endswith("-7j.jsonl") and mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in data.decode().splitlines()]
    dumped = data.decode()
    assert "Alice" not in dumped and ALICE not in dumped and BOB not in dumped
    assert "Martin" not in dumped and "[PERSONNE_1]" in dumped  # pseudonymised
    assert [(c["kind"], [m["role"] for m in c["messages"]]) for c in lines] == [
        ("dm", ["user", "assistant"]),
        ("group", ["user", "assistant"]),
    ]
    assert lines[0]["agents"] == lines[1]["agents"] == ["agent-1"]
    assert h.replies("!support")[-1] == privacy_texts.export_done(2, 4, 7)

    # Back to "off": what Alice wrote meanwhile stays out, what she writes next may go in.
    clock.now += timedelta(minutes=5)
    await ask(h, "!confidentialite off")
    clock.now += timedelta(minutes=5)
    await ask(h, "Nouvelle question d'Alice")
    await ask(h, "!exporter-conversations", room="!support", sender=BOB, members=4)
    data = list(h.matrix.files.values())[-1][2].decode()
    # (The guard pseudonymises "Alice" in "question d'Alice": the texts are told by their start.)
    assert "Nouvelle question d'" in data and "Question privée d'" not in data
    assert "Question de groupe d'" not in data


async def test_mes_donnees_sends_everything_as_a_file_in_the_dm(make_harness: MakeHarness) -> None:
    h = await make_harness()
    await ask(h, "Ma question personnelle")
    await ask(h, "!confidentialite on")
    await ask(h, "Question dans le groupe", room="!group", members=5, mention=True)
    await ask(h, "Question de Bob", room="!dm-bob", sender=BOB)
    await ask(h, "!mes-donnees", room="!group", members=5, mention=True)
    assert h.replies("!group")[-1] == privacy_texts.MY_DATA_SENT_IN_DM
    [(event_id, (name, mimetype, data))] = list(h.matrix.files.items())
    assert h.matrix.by_id[event_id].room_id == "!dm-alice"
    assert name.startswith("mes-donnees") and mimetype == "application/json"
    dump = json.loads(data)
    assert dump["user"]["user_id"] == ALICE
    assert dump["settings"]["analysis_opt_out"] == 1
    [conversation] = dump["conversations"]
    assert conversation["messages"][0]["content"] == "Ma question personnelle"
    [group] = dump["group_conversations"]
    assert group["messages"][0]["content"] == "Question dans le groupe"
    assert [m["role"] for m in group["messages"]] == ["user", "assistant"]
    assert "Question de Bob" not in data.decode()
    # Access records too: the automatic approval, and the usage counted for the quotas.
    assert [row["action"] for row in dump["access_decisions"]][:1] == ["register"]
    assert len(dump["usage"]) == 2 and {"tokens_in", "tokens_out"} <= dump["usage"][0].keys()


async def test_mes_donnees_in_a_group_without_a_dm(make_harness: MakeHarness) -> None:
    h = await make_harness()
    await ask(h, "!mes-donnees", room="!group", members=5, mention=True)
    assert h.replies("!group") == [privacy_texts.MY_DATA_NEED_DM]
    assert h.matrix.files == {}


async def test_oublier_asks_then_erases_everything_of_the_agent_only(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness()
    await ask(h, "Texte secret d'Alice numéro un")
    await ask(h, "!nouveau")
    await ask(h, "Texte secret d'Alice numéro deux")
    await ask(h, "Texte de groupe d'Alice", room="!group", members=5, mention=True)
    await ask(h, "Texte de groupe de Bob", room="!group", sender=BOB, members=5, mention=True)
    await ask(h, "Texte de Bob", room="!dm-bob", sender=BOB)
    await ask(h, "!oublier")
    assert h.replies()[-1] == privacy_texts.FORGET_CONFIRM
    assert await h.services.conversations.current("!dm-alice") is not None

    await ask(h, "!oublier confirmer")
    assert h.replies()[-1] == privacy_texts.forgotten(2, 6)
    assert h.replies("!support") == [privacy_texts.FORGET_SUPPORT_NOTICE]
    db = h.services.db
    contents = [r["content"] for r in await db.fetchall("SELECT content FROM messages")]
    assert not [c for c in contents if "Alice" in c]
    assert [c for c in contents if "Bob" in c]  # Bob's data untouched
    titles = [r["title"] for r in await db.fetchall("SELECT title FROM conversations")]
    assert not [t for t in titles if t and "Alice" in t]
    inbox = await db.fetchall("SELECT body FROM inbox WHERE sender = ?", (ALICE,))
    assert [r["body"] for r in inbox] == [None]  # only this command, being marked done
    counters = await h.services.part(Privacy).repo.counters()
    assert counters["erasures"] == 1 and counters["erased_messages"] == 6
    # Still served afterwards.
    await ask(h, "Nouvelle vie")
    assert "Nouvelle vie" in h.replies()[-1]


async def test_retention_deletes_old_content_with_an_injected_clock(
    make_harness: MakeHarness,
) -> None:
    clock = Clock()
    h = await make_harness(clock=clock)
    await ask(h, "Vieille question")
    clock.now += timedelta(days=60)
    await ask(h, "Question récente")
    assert await run_retention(h.services, clock.now + timedelta(days=1)) is not None
    assert len(await h.services.db.fetchall("SELECT id FROM messages")) == 4

    counts = await run_retention(h.services, clock.now + timedelta(days=31))
    assert counts is not None
    assert (counts.messages, counts.conversations) == (2, 0)
    rows = await h.services.db.fetchall("SELECT content FROM messages")
    assert rows[0]["content"] == "Question récente"
    title = await h.services.db.fetchone("SELECT title FROM conversations")
    assert title is not None and title["title"] is None  # it was the old question
    counts = await run_retention(h.services, clock.now + timedelta(days=100))
    assert counts is not None and (counts.messages, counts.conversations) == (2, 1)
    assert await h.services.db.fetchall("SELECT id FROM conversations") == []
    assert (await h.services.part(Privacy).repo.counters())["retention_messages"] == 4


async def test_retention_can_be_disabled(make_harness: MakeHarness) -> None:
    h = await make_harness({"retention_days": 0})
    await ask(h, "Question")
    assert await run_retention(h.services, datetime(2030, 1, 1, tzinfo=UTC)) is None
    assert len(await h.services.db.fetchall("SELECT id FROM messages")) == 2


async def test_help_lists_the_privacy_commands(make_harness: MakeHarness) -> None:
    h = await make_harness()
    await ask(h, "!aide")
    await ask(h, "!aide", room="!support", sender=BOB, members=4)
    for name in ("!confidentialite", "!mes-donnees", "!oublier", "!envoyer-quand-meme"):
        assert name in h.replies()[-1]
    assert "!export-conversations" not in h.replies()[-1]
    assert "!export-conversations" in h.replies("!support")[-1]


async def test_retention_job_runs_on_schedule_and_stops(
    make_harness: MakeHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The privacy feature's retention job, on the runtime's one scheduler."""
    import asyncio
    from dataclasses import replace

    from bot.scheduler import Scheduler
    from handlers.privacy import retention

    h = await make_harness()
    ran = asyncio.Event()
    seen: list[datetime] = []

    async def fake_purge(privacy: Privacy, now: datetime) -> None:
        seen.append(now)
        ran.set()

    monkeypatch.setattr(retention, "purge", fake_purge)
    job = retention.retention_job(h.services.part(Privacy))
    assert job is not None and job.every == 3600
    scheduler = Scheduler(h.services.clock)
    scheduler.add([replace(job, first_after=0)])
    scheduler.start()
    try:
        await asyncio.wait_for(ran.wait(), 10)
    finally:
        await scheduler.stop()
    assert seen == [h.services.clock()]  # the bot's clock, injectable
    assert scheduler._scheduler is None


async def test_standing_instructions_are_pseudonymised_too(make_harness: MakeHarness) -> None:
    h = await make_harness()
    await h.send(f"!consignes Je suis Claire Martin, NIR {NIR_SPACED}, réponds-moi brièvement.")
    await h.settle()
    h.llm.enqueue(Reply(text="Bien noté, [PERSONNE_1]."))
    await ask(h, "Bonjour")
    [request] = h.llm.chat_requests()
    system = request["messages"][0]
    assert system["role"] == "system" and "réponds-moi brièvement" in system["content"]
    assert "Claire Martin" not in system["content"] and NIR_SPACED not in system["content"]
    assert "[PERSONNE_1]" in system["content"] and "[NIR_1]" in system["content"]
    assert h.matrix.in_room("!dm-alice")[-1].final_body.startswith("Bien noté, Claire Martin.")


async def test_an_agent_s_rights_follow_the_messages_they_wrote_wherever_they_are(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness()
    await ask(h, "Texte d'Alice")
    conversation = await h.services.conversations.current("!dm-alice")
    assert conversation is not None
    # Written into Alice's conversation before conversations had owners (a DM Bob had joined).
    await h.services.conversations.add_message(
        conversation.id, "user", "Texte de Bob chez Alice", author=BOB
    )
    await h.services.conversations.add_message(conversation.id, "assistant", "Réponse à Bob")
    await ask(h, "!mes-donnees", room="!dm-bob", sender=BOB)
    [(_, _, data)] = [f for f in h.matrix.files.values() if f[0].endswith(".json")]
    assert "Texte de Bob chez Alice" in data.decode("utf-8")
    await ask(h, "!oublier", room="!dm-bob", sender=BOB)
    await ask(h, "!oublier confirmer", room="!dm-bob", sender=BOB)
    rows = await h.services.db.fetchall("SELECT content FROM messages ORDER BY id")
    contents = [r["content"] for r in rows]
    assert "Texte de Bob chez Alice" not in contents and "Réponse à Bob" not in contents
    assert "Texte d'Alice" in contents  # Alice's own text stays hers
