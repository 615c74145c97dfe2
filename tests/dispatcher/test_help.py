"""Help that reads like a menu, at dispatcher level: groups, agents' and staff's commands,
"did you mean", French on/off words, the greeting as configured, the support contact."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import pytest

from devtools.fake_llm import FakeLLM
from handlers.privacy import texts as privacy_texts
from handlers.surveys import texts as survey_texts
from handlers.web import texts as web_texts
from storage.users import UserStatus
from tests.harness import ALICE, BOB, Harness, dispatcher_config, fake_matrix, running_dispatcher

SUPPORT = "!support"  # the support room of the test configuration
AGENT_GROUPS = ("**Converser**", "**Documents et web**", "**Vos données**", "**Questionnaires**")
STAFF_ONLY = ("!approve", "!deny", "!revoke", "!stats", "!survey ", "!export-conversations")

MakeHarness = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def make_harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[MakeHarness]:
    async with AsyncExitStack() as stack:

        async def make(**sections: dict[str, Any]) -> Harness:
            folder = tmp_path / f"bot{len(stack._exit_callbacks)}"
            folder.mkdir()
            config = dispatcher_config(folder, fake_llm.base_url, **sections)
            dispatcher = await stack.enter_async_context(
                running_dispatcher(config, folder / "db.sqlite3")
            )
            return Harness(dispatcher, fake_matrix(dispatcher), fake_llm)

        yield make


async def ask(h: Harness, text: str, *, room: str = "!dm-alice", **kwargs: Any) -> str:
    before = len(h.replies(room))
    await h.send(text, room=room, **kwargs)
    await h.settle()
    replies = h.replies(room)
    assert len(replies) == before + 1, replies[before:]
    return replies[-1]


async def greet(h: Harness, room: str, kind: str) -> str:
    """What the bot says when it joins `room` (as `on_invite` queues it)."""
    await h.services.rooms.upsert(room, kind, ALICE if kind == "dm" else None)
    await h.services.inbox.add(f"greeting:{room}", room, ALICE, "greeting", None, 0)
    h.dispatcher.kick(room)
    await h.settle()
    return h.replies(room)[0]


async def test_agents_see_their_commands_by_task_without_staff_syntax(harness: Harness) -> None:
    text = await ask(harness, "!aide")
    positions = [text.index(group) for group in AGENT_GROUPS]
    assert positions == sorted(positions)  # in the menu's order
    assert "- `!quota`\u00a0: votre consommation" in text
    assert "@agent" not in text and "Accès des agents" not in text
    for staff in STAFF_ONLY:
        assert staff not in text
    assert "`!confidentialite [refuser|accepter]`" in text
    assert "`!sondages [activer|desactiver]`" in text
    # Search is not configured in these tests: !web is not offered, !sources still is.
    assert "`!web" not in text and "`!sources`" in text
    assert "`!aide`" not in text  # the list does not list itself
    assert "mentionnent" not in text  # a DM


async def test_staff_see_their_commands_in_the_support_room(harness: Harness) -> None:
    text = await ask(harness, "!aide", room=SUPPORT, sender=BOB)
    assert "**Accès des agents**" in text and "**Suivi du service**" in text
    assert "- `!quota @agent N [jetons]`\u00a0: fixe la limite quotidienne" in text
    assert "`!approve @agent [@agent…]`" in text and "`!stats" in text
    staff_order = [text.index(f"**{g}**") for g in ("Accès des agents", "Suivi du service")]
    assert staff_order == sorted(staff_order) and staff_order[0] < text.index("**Questionn")
    assert "!nouveau" not in text and "!confidentialite" not in text  # agents' commands


async def test_someone_without_power_in_the_support_room_sees_no_staff_command(
    harness: Harness,
) -> None:
    text = await ask(harness, "!aide", room=SUPPORT, sender=ALICE)
    for staff in STAFF_ONLY:
        assert staff not in text
    assert "`!quota @agent N [jetons]`" in text  # shown here; refused if she tries it


async def test_help_in_a_group_room_says_only_mentions_are_answered(harness: Harness) -> None:
    text = await ask(harness, "!aide", room="!group", members=3, mention=True)
    assert "je réponds seulement aux messages qui me mentionnent" in text
    assert "**Converser**" in text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("aid", "`!aide`"),
        ("historiqe", "`!historique`"),
        ("Nouvaeu", "`!nouveau`"),  # swapped letters, any case
        ("hist", "`!historique`"),  # a prefix
        ("confidentialité", None),  # accents do not matter: it is the command itself
    ],
)
async def test_an_unknown_command_suggests_the_closest(
    harness: Harness, typed: str, expected: str | None
) -> None:
    text = await ask(harness, f"!{typed} 3")
    if expected is None:
        assert "inconnue" not in text and "`!confidentialite" in text  # its usage
        return
    assert text.startswith(f"Commande inconnue\u00a0: `!{typed}`.")
    assert f"Vouliez-vous dire {expected}" in text and text.count("Vouliez") == 1
    assert harness.llm.chat_requests() == []


async def test_suggestions_are_only_what_this_user_may_run_here(harness: Harness) -> None:
    in_dm = await ask(harness, "!aprove @bob:test")
    assert "Vouliez-vous" not in in_dm and "`!aide`" in in_dm  # approve is staff-only
    far = await ask(harness, "!zzzzzzzz")
    assert "Vouliez-vous" not in far
    staff = await ask(harness, "!aprove @x:test", room=SUPPORT, sender=BOB)
    assert "Vouliez-vous dire `!approve`" in staff
    agent_there = await ask(harness, "!aprove @x:test", room=SUPPORT, sender=ALICE)
    assert "!approve" not in agent_there.split("`!aprove")[1]


async def test_privacy_takes_french_words_and_still_on_off(harness: Harness) -> None:
    assert await ask(harness, "!confidentialite refuser") == privacy_texts.OPT_OUT_ON
    assert await ask(harness, "!confidentialite Accepter") == privacy_texts.OPT_OUT_OFF
    assert await ask(harness, "!confidentialite on") == privacy_texts.OPT_OUT_ON
    assert await ask(harness, "!confidentialite off") == privacy_texts.OPT_OUT_OFF
    # "oui" would be ambiguous here: yes to the analysis or to the opposition?
    assert await ask(harness, "!confidentialite oui") == privacy_texts.OPT_OUT_USAGE


async def test_surveys_take_french_words_and_still_on_off(harness: Harness) -> None:
    assert await ask(harness, "!sondages desactiver") == survey_texts.SURVEYS_OFF
    assert await ask(harness, "!sondages activer") == survey_texts.SURVEYS_ON
    assert await ask(harness, "!sondages désactiver") == survey_texts.SURVEYS_OFF
    assert await ask(harness, "!sondages on") == survey_texts.SURVEYS_ON
    assert await ask(harness, "!sondages peut-être") == survey_texts.SURVEYS_USAGE


async def test_web_takes_french_words_and_still_on_off(make_harness: MakeHarness) -> None:
    h = await make_harness(web={"provider": "searxng", "base_url": "http://127.0.0.1:9"})
    assert await ask(h, "!web activer") == web_texts.WEB_AUTO_ON
    assert await ask(h, "!web Désactiver") == web_texts.WEB_AUTO_OFF
    assert await ask(h, "!web on") == web_texts.WEB_AUTO_ON
    assert await ask(h, "!web off") == web_texts.WEB_AUTO_OFF
    help_text = await ask(h, "!aide")  # search configured: offered
    assert "`!web <question> | activer | desactiver`" in help_text
    greeting = await greet(h, "!dm-new", "dm")
    assert "`!web` suivi de votre question" in greeting


async def test_the_greeting_names_what_is_configured_and_matches_the_terms(
    harness: Harness,
) -> None:
    text = await greet(harness, "!dm-new", "dm")
    assert text.startswith("Bonjour\u00a0! Je suis l'**Assistant IA**")
    assert "le modèle **Mistral-Small-3.1-24B-Instruct-2503**" in text
    assert "Albert" not in text  # the test's model server is not Albert
    assert "(127.0.0.1)" in text
    assert "!web" not in text  # no search engine configured
    assert "`!nouveau`" in text and "`!historique`" in text and "`!aide`" in text
    assert "réutilisés" not in text
    assert "extraits pseudonymisés" in text and "`!confidentialite refuser`" in text
    assert "décision administrative individuelle" in text
    assert "un message vocal" in text and "un document" in text


async def test_the_greeting_on_albert_without_voice(make_harness: MakeHarness) -> None:
    h = await make_harness(llm={"model": "albert-large"}, attachments={"transcription": False})
    # The composition root decides voice; Albert is recognised by its address.
    from handlers.greeting.router import is_albert

    assert is_albert("https://albert.api.etalab.gouv.fr/v1")
    text = await greet(h, "!dm-new", "dm")
    assert "le modèle **albert-large**" in text
    assert "un message vocal" not in text and "un document" in text


async def test_a_group_room_is_told_the_bot_answers_mentions_only(harness: Harness) -> None:
    text = await greet(harness, "!group-new", "group")
    assert "je réponds seulement aux messages qui me mentionnent" in text
    assert harness.replies("!group-new") == [text]  # no status, no terms in a group


async def test_refusals_and_help_give_the_support_contact(make_harness: MakeHarness) -> None:
    contact = "assistant-ia@numerique.gouv.fr"
    h = await make_harness(support={"contact": contact})
    assert f"Contact de l'équipe support\u00a0: {contact}" in await ask(h, "!aide")
    await h.services.users.ensure(ALICE)
    await h.services.users.set_status(ALICE, UserStatus.REVOKED)
    refusal = await ask(h, "Bonjour")
    assert refusal.startswith("🚫") and contact in refusal
    assert h.llm.chat_requests() == []
