"""Surveys, feedback and statistics at dispatcher level: real routers and SQLite, fake Matrix."""

from __future__ import annotations

import csv
import io
import itertools
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.matrix import IncomingReaction
from devtools.fake_llm import Reply
from handlers.feedback import texts as feedback_texts
from handlers.privacy.guard import Privacy
from handlers.stats import texts as stats_texts
from handlers.surveys import texts as surveys_texts
from handlers.surveys.router import Surveys
from tests.harness import ALICE, BOB, Harness

SURVEY = (Path(__file__).parents[1] / "data" / "surveys" / "mensuel-test.toml").read_text("utf-8")
CAROL = "@carol-justice.gouv.fr:agent.justice.tchap.gouv.fr"
DAVE = "@dave-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
_ids = itertools.count(1)


async def setup(h: Harness, *, second: str | None = None) -> None:
    services = h.services
    services.config.surveys.send_rate = 100
    services.config.surveys.active_days = 0
    await services.part(Surveys).rounds.add_uploaded(SURVEY)
    if second is not None:
        await services.part(Surveys).rounds.add_uploaded(
            SURVEY.replace('id = "mensuel-test"', f'id = "{second}"')
        )
    await services.rooms.upsert("!support", "support", None)  # as the app does at start
    await services.rooms.upsert("!dm-alice", "dm", ALICE)
    await services.rooms.upsert("!dm-carol", "dm", CAROL)
    await services.rooms.upsert("!dm-bob", "dm", BOB)
    await services.users.set_status(CAROL, "pending")
    await services.users.ensure(DAVE)  # approved, but no DM: cannot be asked


async def react(
    h: Harness, target: str, key: str, room: str = "!dm-alice", sender: str = ALICE
) -> str:
    event_id = f"$react{next(_ids)}"
    await h.dispatcher.on_reaction(IncomingReaction(room, event_id, sender, target, key, 0, 2))
    h.dispatcher.flush_kicks()
    await h.settle()
    return event_id


async def staff(h: Harness, command: str) -> str:
    before = len(h.matrix.in_room("!support"))
    await h.send(command, room="!support", sender=BOB, members=5)
    await h.settle()
    await h.services.part(Surveys).rounds.drained()
    return "\n".join(m.final_body for m in h.matrix.in_room("!support")[before:])


async def say(h: Harness, text: str, room: str = "!dm-alice", sender: str = ALICE) -> str:
    before = len(h.matrix.in_room(room))
    await h.send(text, room=room, sender=sender)
    await h.settle()
    return "\n".join(m.final_body for m in h.matrix.in_room(room)[before:])


def db_rows(h: Harness, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(h.services.db.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


async def test_send_reaches_approved_agents_and_every_kind_of_answer_is_taken(
    harness: Harness,
) -> None:
    h = harness
    await setup(h)
    report = await staff(h, "!survey send mensuel-test tous")
    assert "2 agent(s) à interroger" in report  # alice and bob; not carol (pending), not dave
    assert "terminé\u00a0: 2 envoyé(s), 0 échec(s)" in report
    assert h.matrix.in_room("!dm-carol") == []
    [intro] = h.matrix.in_room("!dm-alice")
    assert "Votre avis sur l'Assistant IA" in intro.body and "Question 1/5" in intro.body

    reply = await say(h, "9")
    assert "Je n'ai pas compris" in reply and "de 1 à 5" in reply and "Question 1/5" in reply
    reply = await say(h, "4")
    assert "Question 2/5" in reply and "2. Recherche" in reply
    question_2 = h.matrix.in_room("!dm-alice")[-1].event_id
    await react(h, question_2, "2️⃣")  # a digit reaction on the question answers it
    assert "Question 3/5" in h.replies()[-1]
    assert "Question 4/5" in await say(h, "1, 3")
    assert "Question 5/5" in await say(h, "oui")
    assert surveys_texts.SURVEY_THANKS in await say(h, "Très utile pour les courriers")
    assert h.llm.chat_requests() == []  # none of it went to the model
    rows = db_rows(h, "SELECT question_id, value, skipped FROM survey_answers ORDER BY rowid")
    assert rows == [
        ("satisfaction", "4", 0),
        ("usage", "2", 0),
        ("outils", "[1, 3]", 0),
        ("recommande", "true", 0),
        ("commentaire", None, 0),
    ]
    assert db_rows(h, "SELECT text FROM survey_text_answers") == [
        ("Très utile pour les courriers",)
    ]
    # After the survey, messages go to the model again.
    h.llm.enqueue(Reply(text="Réponse."))
    assert await say(h, "Une question") == "Réponse."

    results = await staff(h, "!survey results mensuel-test")
    assert "Envoyés : 2" in results and "réponses complètes : 1/2 (50 %)" in results
    assert "moyenne 4.00" in results and "4 : 1" in results
    assert "Recherche : 1" in results and "Courriels : 1 · Notes : 0 · Traduction : 1" in results
    assert "oui : 1 · non : 0" in results
    assert "| agent.interieur.tchap.gouv.fr | 1 | 1/1 (100 %) |" in results
    assert "| agent.finances.tchap.gouv.fr | 1 | 0/1 (0 %) |" in results

    assert surveys_texts.SURVEY_EXPORT_DONE in await staff(h, "!survey export mensuel-test")
    [(filename, mimetype, data)] = list(h.matrix.files.values())
    assert filename == "sondage-mensuel-test.csv" and mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [r["status"] for r in table] == ["completed", "asking"]
    first = table[0]
    assert first["homeserver"] == "agent.interieur.tchap.gouv.fr"
    assert (first["satisfaction"], first["usage"], first["outils"]) == (
        "4",
        "Recherche",
        "Courriels; Traduction",
    )
    assert (first["recommande"], first["commentaire"]) == ("oui", "Très utile pour les courriers")
    assert ALICE not in data.decode("utf-8") and BOB not in data.decode("utf-8")
    # A sent survey cannot be replaced in place.
    refused = await staff(h, "!survey add\n" + SURVEY.replace("version = 1", "version = 2"))
    assert "déjà été envoyé" in refused


async def test_idempotent_sends_monthly_cap_and_opt_out(harness: Harness) -> None:
    h = harness
    await setup(h, second="autre")
    assert "SONDAGE" not in await say(h, "!sondages off", room="!dm-bob", sender=BOB)
    assert "1 agent(s) à interroger" in await staff(h, "!survey send mensuel-test tous")
    assert "1 opposé(s)" in h.matrix.in_room("!support")[-2].body
    # Again: nobody is asked twice.
    again = await staff(h, "!survey send mensuel-test tous")
    assert "0 agent(s) à interroger" in again
    assert len(h.matrix.in_room("!dm-alice")) == 1 and h.matrix.in_room("!dm-bob") != []
    # Another survey within 30 days: capped.
    other = await staff(h, "!survey send autre tous")
    assert "0 agent(s) à interroger" in other and "1 déjà sollicité(s)" in other
    # Explicit agents obey the same rules.
    await say(h, "!sondages on", room="!dm-bob", sender=BOB)
    named = await staff(h, f"!survey send autre {ALICE} {BOB}")
    assert "1 agent(s) à interroger" in named and "1 déjà sollicité(s)" in named
    assert "Question 1/5" in h.replies("!dm-bob")[-1]
    # 31 days later the cap no longer applies.
    services = h.services
    later = services.db.clock() + timedelta(days=31)  # the database's own clock
    selection = await services.part(Surveys).repo.select_targets(
        "autre", later, cap_days=30, active_days=0
    )
    assert [t.user_id for t in selection.targets] == [ALICE]
    assert db_rows(
        h, "SELECT COUNT(*), COUNT(DISTINCT survey_id || user_id) FROM survey_sends"
    ) == [(2, 2)]


async def test_skip_postpone_with_one_reminder_and_stop(harness: Harness) -> None:
    h = harness
    await setup(h)
    await staff(h, f"!survey send mensuel-test {ALICE}")
    assert surveys_texts.SURVEY_NOT_OPTIONAL in await say(h, "!passer")
    assert surveys_texts.SURVEY_POSTPONED in await say(h, "!plus-tard")
    h.llm.enqueue(Reply(text="Réponse normale."))
    assert await say(h, "4") == "Réponse normale."  # postponed: back to the model
    rounds = h.services.part(Surveys).rounds
    now = h.services.clock()
    assert await rounds.send_reminders(now + timedelta(hours=23)) == 0
    assert await rounds.send_reminders(now + timedelta(hours=25)) == 1
    assert "Rappel" in h.replies()[-1] and "Question 1/5" in h.replies()[-1]
    assert await rounds.send_reminders(now + timedelta(hours=50)) == 0  # once
    for answer in ("5", "1", "2", "non"):
        await say(h, answer)
    assert "facultative" in h.replies()[-1]
    assert surveys_texts.SURVEY_THANKS in await say(h, "!passer")  # the optional question
    assert db_rows(h, "SELECT skipped FROM survey_answers WHERE question_id = 'commentaire'") == [
        (1,)
    ]
    # !stop abandons; !plus-tard after the one reminder abandons too.
    await h.services.part(Surveys).rounds.add_uploaded(
        SURVEY.replace('id = "mensuel-test"', 'id = "b"')
    )
    h.services.config.surveys.cap_days = 0
    await staff(h, f"!survey send b {ALICE}")
    assert surveys_texts.SURVEY_STOPPED in await say(h, "!stop")
    assert texts.NOTHING_TO_STOP in await say(h, "!stop")
    assert db_rows(h, "SELECT survey_id, status FROM survey_sends ORDER BY id") == [
        ("mensuel-test", "completed"),
        ("b", "stopped"),
    ]


async def test_a_round_interrupted_mid_send_resumes_without_duplicates(harness: Harness) -> None:
    h = harness
    await setup(h)
    services = h.services
    selection = await services.part(Surveys).repo.select_targets(
        "mensuel-test", services.clock(), cap_days=30, active_days=0
    )
    created = await services.part(Surveys).repo.create_round("mensuel-test", "command", selection)
    first, second = await services.part(Surveys).repo.to_send(created.id)
    # The process sent the first message, then died before confirming it.
    await services.part(Surveys).repo.start_send(first.id)
    await services.matrix.send_text(first.room_id, "premier envoi", txn_id=first.txn_id)
    await services.part(Surveys).rounds.resume()
    await services.part(Surveys).rounds.drained()
    await services.part(Surveys).rounds.stop()
    assert len(h.matrix.in_room(first.room_id)) == 1  # the homeserver deduplicated the retry
    assert len(h.matrix.in_room(second.room_id)) == 1
    assert await services.part(Surveys).repo.round_counts(created.id) == {"sent": 2}
    assert await services.part(Surveys).repo.rounds_sending() == []


async def test_scheduled_round_with_an_injectable_clock(harness: Harness) -> None:
    h = harness
    await setup(h)
    config = h.services.config.surveys
    config.schedule, config.survey = "0 10 1-14 * mon", "mensuel-test"
    rounds = h.services.part(Surveys).rounds
    paris = datetime(2026, 4, 1, 12, tzinfo=UTC)
    fire = rounds.next_fire(paris)
    assert fire is not None and fire.isoformat() == "2026-04-06T10:00:00+02:00"
    assert await rounds.scheduled_tick(fire) is None  # Easter Monday: not a working day
    second = rounds.next_fire(fire + timedelta(minutes=1))
    assert second is not None and second.date().isoformat() == "2026-04-13"
    created = await rounds.scheduled_tick(second)
    assert created is not None and created.created and created.planned == 2
    await rounds.drained()
    again = await rounds.scheduled_tick(second + timedelta(minutes=5))  # fired twice, restart…
    assert again is not None and not again.created and again.id == created.id
    assert db_rows(h, "SELECT COUNT(*) FROM survey_rounds") == [(1,)]
    assert db_rows(h, "SELECT COUNT(*) FROM survey_sends WHERE sent_at IS NOT NULL") == [(2,)]


async def test_reactions_comment_free_feedback_stats_and_erasure(harness: Harness) -> None:
    h = harness
    await setup(h)
    services = h.services
    services.config.surveys.cap_days = 30
    h.llm.enqueue(Reply(text="Première réponse."), Reply(text="Deuxième réponse."))
    await say(h, "Question un")
    answer_1 = h.matrix.in_room("!dm-alice")[-1].event_id
    await say(h, "Question deux")
    answer_2 = h.matrix.in_room("!dm-alice")[-1].event_id
    await react(h, answer_1, "👍")
    await react(h, answer_1, "👍")  # the same reaction replayed: a new event id, same rating
    await react(h, "$not-an-answer", "👎")
    assert len(h.matrix.in_room("!dm-alice")) == 2
    await react(h, answer_2, "👎🏽")
    assert h.replies()[-1] == feedback_texts.FEEDBACK_WHAT_WENT_WRONG
    assert await say(h, "Trop long") == feedback_texts.FEEDBACK_COMMENT_THANKS
    rows = db_rows(
        h,
        "SELECT f.rating, f.model, f.latency_ms IS NOT NULL, f.comment, "
        "f.conversation_id = m.conversation_id FROM answer_feedback f "
        "JOIN messages m ON m.event_id = f.answer_event_id ORDER BY f.id",
    )
    model = services.config.llm.model
    assert rows == [("up", model, 1, None, 1), ("down", model, 1, "Trop long", 1)]
    assert len(h.llm.chat_requests()) == 2  # the comment did not go to the model

    assert await say(h, "!avis Les réponses sont claires") == feedback_texts.FEEDBACK_THANKS
    forwarded = h.matrix.in_room("!support")[-1].body
    assert (
        "agent.interieur.tchap.gouv.fr" in forwarded and "> Les réponses sont claires" in forwarded
    )
    assert ALICE not in forwarded and "Question" not in forwarded

    await staff(h, f"!survey send mensuel-test {ALICE}")
    await say(h, "5")
    stats = await staff(h, "!stats 7j")
    lines = {
        line.split(" | ")[0].strip("| *"): line
        for line in stats.splitlines()
        if line.startswith("|")
    }
    total = lines["total"].split(" | ")
    # approved (alice, bob, dave), pending (carol), active, messages, …, 👍/👎, surveys
    assert total[1:4] == ["3", "1", "1/1/1"]
    assert total[4] == "2" and total[7] == "0" and total[8] == "1/1 (50 %)" and total[9] == "0/1 |"
    # Alice's domain was parsed by the access gate when she wrote; Dave never wrote.
    interior = lines["agent.interieur.tchap.gouv.fr / interieur.gouv.fr"].split(" | ")
    assert interior[1:3] == ["1", "0"] and interior[4] == "2"
    assert lines["agent.interieur.tchap.gouv.fr"].split(" | ")[1:3] == ["1", "0"]
    assert "Trop long" not in stats and "Question" not in stats
    await staff(h, "!stats export 7j")
    [(filename, _, data)] = list(h.matrix.files.values())
    assert filename.startswith("stats-") and filename.endswith("-7j.csv")
    exported = {r["ministry"]: r for r in csv.DictReader(io.StringIO(data.decode()))}
    assert exported["total"]["thumbs_up"] == "1" and exported["total"]["messages"] == "2"

    # !oublier: the feedback and the free-text answers go, the anonymous counts stay.
    await say(h, "!passer")  # not optional: still asking
    await say(h, "!stop")
    await say(h, "!oublier confirmer")
    assert db_rows(h, "SELECT COUNT(*) FROM answer_feedback") == [(0,)]
    assert db_rows(h, "SELECT COUNT(*) FROM free_feedback") == [(0,)]
    assert db_rows(h, "SELECT SUM(count) FROM feedback_tallies") == [(2,)]
    assert db_rows(h, "SELECT COUNT(*) FROM survey_sends WHERE user_id = ?", (ALICE,)) == [(1,)]
    data_export = await services.part(Privacy).repo.user_data(ALICE)
    assert len(data_export["survey_sends"]) == 1 and data_export["answer_feedback"] == []


async def test_commands_are_for_admins_and_bad_arguments_get_help(harness: Harness) -> None:
    h = harness
    await setup(h)
    assert surveys_texts.SURVEY_ADMIN_USAGE in await staff(h, "!survey")
    assert "inconnu" in await staff(h, "!survey show nope")
    assert "Question 5/5" in await staff(h, "!survey show mensuel-test")
    assert "`mensuel-test` (v1, déposé ici)" in await staff(h, "!survey list")
    assert stats_texts.STATS_BAD_PERIOD in await staff(h, "!stats demain")
    assert texts.COMMAND_NOT_HERE in await say(h, "!stats")
    await h.send("!stats", room="!support", sender=ALICE, members=5)
    await h.settle()
    assert h.matrix.in_room("!support")[-1].body == texts.COMMAND_ADMINS_ONLY
    closed = await staff(h, "!survey close mensuel-test")
    assert "clos" in closed
    assert "clos" in await staff(h, "!survey send mensuel-test tous")
    assert feedback_texts.FEEDBACK_USAGE in await say(h, "!avis")
    added = await staff(
        h, "!survey add\n```toml\n" + SURVEY.replace("mensuel-test", "neuf") + "```"
    )
    assert "Questionnaire `neuf` ajouté" in added and "5 question(s)" in added
    bad = await staff(h, "!survey add\n" + SURVEY.replace("max = 5", "max = 50"))
    assert "pas un questionnaire valide" in bad and "questions.0" in bad

    assert "activés" in await say(h, "!sondages")


@pytest.mark.parametrize("key", ["❤️", "😀"])
async def test_other_reactions_are_not_stored(harness: Harness, key: str) -> None:
    await react(harness, "$x", key)
    assert db_rows(harness, "SELECT COUNT(*) FROM inbox") == [(0,)]


async def test_retention_expires_feedback_and_free_text_but_keeps_the_survey_records(
    harness: Harness,
) -> None:
    h = harness
    await setup(h)
    await staff(h, f"!survey send mensuel-test {ALICE}")
    for answer in ("5", "1", "2", "non", "Un avis libre"):
        await say(h, answer)
    await say(h, "!avis Bien")
    future = (h.services.db.clock() + timedelta(days=1)).isoformat()
    counts = await h.services.part(Privacy).repo.purge_before(future)
    assert counts.other == 2  # the free-text answer and the free feedback
    assert db_rows(h, "SELECT COUNT(*) FROM survey_text_answers") == [(0,)]
    assert db_rows(h, "SELECT COUNT(*) FROM survey_answers") == [(5,)]
    assert db_rows(h, "SELECT status FROM survey_sends") == [("completed",)]


async def test_reactions_in_group_rooms_are_ignored(harness: Harness) -> None:
    h = harness
    await h.dispatcher.on_reaction(IncomingReaction("!group", "$r1", ALICE, "$x", "👍", 0, 5))
    assert db_rows(h, "SELECT COUNT(*) FROM inbox") == [(0,)]


async def test_a_survey_file_uploaded_to_the_support_room_is_added(harness: Harness) -> None:
    from bot.matrix import IncomingText

    h = harness
    await h.services.rooms.upsert("!support", "support", None)
    other = SURVEY.replace('id = "mensuel-test"', 'id = "depose"')

    async def upload(name: str, data: bytes, sender: str = BOB) -> str:
        url = h.matrix.media.add(name, data)
        media = {"url": url, "file": None, "mimetype": None, "size": len(data), "filename": name}
        before = len(h.matrix.in_room("!support"))
        await h.dispatcher.on_text(
            IncomingText(
                "!support", f"$f{next(_ids)}", sender, "m.file", name, None, 0, False, 5, True,
                media=media,
            )
        )  # fmt: skip
        h.dispatcher.flush_kicks()
        await h.settle()
        return "\n".join(m.final_body for m in h.matrix.in_room("!support")[before:])

    assert "depose" in await upload("depose.toml", other.encode())
    assert await h.services.part(Surveys).rounds.definition("depose") is not None
    assert await upload("capture.png", b"\x89PNG") == ""  # staff's other files are not for us
    assert surveys_texts.SURVEY_FILE_NOT_TEXT in await upload("latin1.toml", "é".encode("latin-1"))
    assert "questionnaire valide" in await upload("faux.toml", b"id = 3")
    assert await upload("intrus.toml", other.encode(), sender=ALICE) == texts.COMMAND_ADMINS_ONLY


async def test_a_round_goes_to_everyone_only_when_asked_in_words(harness: Harness) -> None:
    h = harness
    await setup(h)
    assert await staff(h, "!survey send mensuel-test") == surveys_texts.SURVEY_SEND_WHO
    report = await staff(h, "!survey send mensuel-test @jean")  # no server: not an id
    assert report == surveys_texts.survey_bad_recipient("@jean")
    report = await staff(h, f"!survey send mensuel-test {ALICE} jean")
    assert report == surveys_texts.survey_bad_recipient("jean")
    assert h.matrix.in_room("!dm-alice") == [] and h.matrix.in_room("!dm-bob") == []
    assert db_rows(h, "SELECT COUNT(*) FROM survey_sends") == [(0,)]


async def test_the_survey_export_neutralises_formulas_and_pseudonymises_free_text(
    harness: Harness,
) -> None:
    h = harness
    await setup(h)
    await staff(h, f"!survey send mensuel-test {ALICE}")
    for answer in ("4", "2", "1", "oui"):
        await say(h, answer)
    comment = '=HYPERLINK("http://exemple.org";"x") mon IBAN FR76 3000 6000 0112 3456 7890 189'
    assert surveys_texts.SURVEY_THANKS in await say(h, comment)
    await staff(h, "!survey export mensuel-test")
    [(_, _, data)] = list(h.matrix.files.values())
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert row["commentaire"].startswith("'=HYPERLINK(")
    assert "3000 6000" not in row["commentaire"] and "[IBAN_1]" in row["commentaire"]
