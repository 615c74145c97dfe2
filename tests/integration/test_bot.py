"""The real bot against a real Synapse, with a second Matrix client as the agent.

The model is the only stand-in (the fake OpenAI-compatible server); rooms are encrypted unless a
test says otherwise.
"""

from __future__ import annotations

import asyncio
import secrets
import signal
import sqlite3
import sys
import time
from pathlib import Path

from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from handlers.conversations import texts as conversations_texts
from handlers.greeting import texts as group_texts
from tests.conftest import BotHandle, MakeAgent, MakeBot

LONG_ANSWER = (
    "## Réponse\n\nVoici une réponse **détaillée**, écrite en plusieurs morceaux pour que "
    "l'affichage progressif se voie :\n\n- premier point\n- second point\n\nBonne journée."
)


def bot_messages(agent: AgentClient, room: str, bot: BotHandle) -> list[SeenMessage]:
    return [m for m in agent.messages(room) if m.sender == bot.user_id]


async def open_dm(agent: AgentClient, bot: BotHandle, *, encrypted: bool = True) -> str:
    room = await agent.create_dm(bot.user_id, encrypted=encrypted)
    await agent.wait_member(room, bot.user_id)
    await agent.wait_for_text(room, "Assistant IA")  # the greeting
    return room


async def ask(
    agent: AgentClient, room: str, question: str, answer: str, timeout: float = 30
) -> SeenMessage:
    """Send a question and wait until the bot's message shows exactly `answer`."""
    after = len(agent.messages(room))
    await agent.send_text(room, question)
    return await agent.wait_for_message(
        room, predicate=lambda m: m.body == answer, after=after, timeout=timeout
    )


async def test_greeting_then_streamed_answer_in_an_encrypted_dm(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await agent.create_dm(bot.user_id)
    await agent.wait_member(room, bot.user_id)
    greeting = await agent.wait_for_text(room, "Assistant IA")
    assert greeting.encrypted and "!aide" in greeting.body

    fake_llm.enqueue(Reply(text=LONG_ANSWER, tokens_per_second=40))
    answer = await ask(agent, room, "Bonjour, peux-tu m'aider ?", LONG_ANSWER)
    assert answer.encrypted
    assert answer.edits >= 1  # shown progressively, then the final edit
    assert answer.formatted_body is not None
    assert "<strong>détaillée</strong>" in answer.formatted_body
    assert "<li>premier point</li>" in answer.formatted_body
    assert bot.user_id in agent.typing_seen.get(room, set())
    assert len(bot_messages(agent, room, bot)) == 2  # greeting + one answer
    request = fake_llm.chat_requests()[-1]
    assert request["messages"][-1] == {"role": "user", "content": "Bonjour, peux-tu m'aider ?"}


async def test_context_carries_to_the_second_turn_and_nouveau_resets_it(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Paris."), Reply(text="Environ 2,1 millions."))
    await ask(agent, room, "Quelle est la capitale de la France ?", "Paris.")
    await ask(agent, room, "Et sa population ?", "Environ 2,1 millions.")
    second = fake_llm.chat_requests()[-1]["messages"]
    assert [m["content"] for m in second[1:]] == [
        "Quelle est la capitale de la France ?",
        "Paris.",
        "Et sa population ?",
    ]
    await ask(agent, room, "!nouveau", conversations_texts.NEW_CONVERSATION)
    fake_llm.enqueue(Reply(text="Nouvelle conversation."))
    await ask(agent, room, "Autre sujet", "Nouvelle conversation.")
    third = fake_llm.chat_requests()[-1]["messages"]
    assert [m["content"] for m in third[1:]] == ["Autre sujet"]
    after = len(agent.messages(room))
    await agent.send_text(room, "!historique")
    history = await agent.wait_for_text(
        room, conversations_texts.HISTORY_HEADER.strip("*"), after=after
    )
    assert "Autre sujet" in history.body and "Quelle est la capitale" in history.body


async def test_restart_answers_what_arrived_meanwhile_and_repeats_nothing(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Première réponse."))
    await ask(agent, room, "Première question", "Première réponse.")
    assert bot.app is not None and bot.app.matrix is not None
    device_before = bot.app.matrix.device_id
    await bot.stop()

    # Written while the bot is down.
    await agent.send_text(room, "Question pendant l'arrêt")
    await agent.send_text(room, "Et une deuxième")
    fake_llm.enqueue(Reply(text="Réponse après redémarrage."), Reply(text="Deuxième rattrapée."))
    app = await bot.start()
    assert app.matrix is not None and app.matrix.device_id == device_before  # no new device
    # The final edit: a streamed display ("Deuxième rattrapée. …") already holds the words.
    await agent.wait_for_message(room, predicate=lambda m: m.body == "Deuxième rattrapée.")
    assert app.dispatcher is not None
    await app.dispatcher.drained()

    bodies = [m.body for m in bot_messages(agent, room, bot)]
    assert bodies.count("Première réponse.") == 1
    assert bodies.count("Réponse après redémarrage.") == 1
    assert bodies.count("Deuxième rattrapée.") == 1
    assert sum(1 for b in bodies if "Assistant IA" in b) == 1  # greeted once
    asked = [r["messages"][-1]["content"] for r in fake_llm.chat_requests()]
    assert asked == ["Première question", "Question pendant l'arrêt", "Et une deuxième"]
    # The context survived the restart.
    assert fake_llm.chat_requests()[1]["messages"][1]["content"] == "Première question"

    # A second restart with nothing new repeats nothing.
    await bot.stop()
    app = await bot.start()
    assert app.matrix is not None
    await app.matrix.wait_synced()
    assert app.dispatcher is not None
    await app.dispatcher.drained()
    assert len(fake_llm.chat_requests()) == 3


async def test_model_failure_then_reessayer(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(llm={"retries": 1})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(fail="http500"), Reply(fail="http503"))
    after = len(agent.messages(room))
    await agent.send_text(room, "Question qui échoue")
    apology = await agent.wait_for_text(room, "!reessayer", after=after)
    assert "référence" in apology.body
    fake_llm.enqueue(Reply(text="Réponse enfin."))
    await ask(agent, room, "!reessayer", "Réponse enfin.")
    assert fake_llm.chat_requests()[-1]["messages"][-1]["content"] == "Question qui échoue"


async def test_undecryptable_message_is_answered_when_its_key_arrives(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    after = len(agent.messages(room))
    await agent.send_undecryptable(room, "Message secret")
    notice = await agent.wait_for_text(room, "déchiffrer", after=after)
    assert notice.msgtype == "m.notice"
    assert fake_llm.chat_requests() == []
    fake_llm.enqueue(Reply(text="Réponse au message secret."))
    await agent.release_withheld_keys(room)
    await agent.wait_for_text(room, "Réponse au message secret.")
    assert fake_llm.chat_requests()[-1]["messages"][-1]["content"] == "Message secret"
    assert bot.app is not None and bot.app.services is not None
    assert await bot.app.services.inbox.undecrypted() == []


async def test_plain_room_works_too(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot, encrypted=False)
    fake_llm.enqueue(Reply(text="Réponse en clair."))
    answer = await ask(agent, room, "Bonjour", "Réponse en clair.")
    assert not answer.encrypted


async def test_group_room_needs_a_mention_and_support_room_commands(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    alice, bob = await make_agent("alice"), await make_agent("bob")
    support = await alice.create_group([bob.user_id], name="Support et retours")
    await bob.wait_member(support, bob.user_id)
    bot = await make_bot(start=False, support={"room": support, "admins": [alice.user_id]})
    await alice.client.room_invite(support, bot.user_id)
    await bot.start()
    await alice.wait_member(support, bot.user_id)
    after = len(alice.messages(support))
    await alice.send_text(support, "Discussion entre collègues")
    await alice.send_text(support, "!aide")
    help_message = await alice.wait_for_text(support, "Commandes disponibles", after=after)
    assert help_message.encrypted

    group = await alice.create_group([bob.user_id, bot.user_id], name="Équipe")
    await alice.wait_member(group, bot.user_id)
    await alice.send_text(group, "Bavardage sans mention")
    fake_llm.enqueue(Reply(text="Réponse au groupe."))
    await alice.send_text(group, "Assistant : une question", mentions=[bot.user_id])
    await alice.wait_for_text(group, "Réponse au groupe.")
    asked = [r["messages"][-1]["content"] for r in fake_llm.chat_requests()]
    assert asked == ["Assistant : une question"]
    # The group room hears only that mentions are answered, never the DM's greeting.
    said = [m.body for m in alice.messages(group) if m.sender == bot.user_id]
    assert [b for b in said if "Assistant IA" in b] == [group_texts.GROUP_GREETING]


async def test_homeserver_rate_limits_are_survived(
    synapse: SynapseServer, make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    await asyncio.to_thread(synapse.set_ratelimit, bot.user_id, 1, 1)
    try:
        answers = [f"Réponse numéro {i}, assez longue pour plusieurs éditions." for i in range(3)]
        fake_llm.enqueue(*(Reply(text=a, tokens_per_second=30) for a in answers))
        for i in range(3):
            await agent.send_text(room, f"Question {i}")
        for answer in answers:
            # The final edit, not a streamed one that already shows the whole text + " …".
            await agent.wait_for_message(
                room, predicate=lambda m, a=answer: m.body == a, timeout=60
            )
    finally:
        await asyncio.to_thread(synapse.clear_ratelimit, bot.user_id)
    bodies = [m.body for m in bot_messages(agent, room, bot)]
    assert all(bodies.count(a) == 1 for a in answers)


async def test_no_message_text_in_the_database_inbox_after_answering(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Bien reçu."))
    await ask(agent, room, "Texte confidentiel", "Bien reçu.")
    await bot.settled()  # the agent may see the final edit before the inbox row is closed
    db = sqlite3.connect(bot.config.storage.database)
    try:
        rows = db.execute("SELECT status, body FROM inbox WHERE kind = 'message'").fetchall()
    finally:
        db.close()
    assert rows == [("done", None)]


async def test_a_long_stop_with_more_messages_than_one_sync_returns_loses_nothing(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    await bot.stop()
    bot.config.matrix.timeline_limit = 3  # so that the restart's sync is "limited"
    questions = [f"Question hors ligne {i}" for i in range(8)]
    for question in questions:
        await agent.send_text(room, question)
    await bot.start()
    await agent.wait_for_text(room, "« Question hors ligne 7 »", timeout=60)
    assert bot.app is not None and bot.app.dispatcher is not None
    await bot.app.dispatcher.drained()
    asked = [r["messages"][-1]["content"] for r in fake_llm.chat_requests()]
    assert asked == questions  # every one, once, in order


async def test_access_token_login_reuses_the_given_device(
    synapse: SynapseServer, make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(start=False)
    login = await asyncio.to_thread(
        synapse.request,
        "POST",
        "/_matrix/client/v3/login",
        {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": bot.user_id},
            "password": bot.config.matrix.password.get_secret_value()  # type: ignore[union-attr]
            if bot.config.matrix.password
            else "",
        },
    )
    from pydantic import SecretStr

    bot.config.matrix.password = None
    bot.config.matrix.access_token = SecretStr(login["access_token"])
    bot.config.matrix.device_id = login["device_id"]
    app = await bot.start()
    assert app.matrix is not None and app.matrix.device_id == login["device_id"]
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Connecté par jeton."))
    await ask(agent, room, "Bonjour", "Connecté par jeton.")


async def test_files_are_uploaded_encrypted_in_encrypted_rooms(
    make_agent: MakeAgent, make_bot: MakeBot
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    assert bot.app is not None and bot.app.matrix is not None
    await bot.app.matrix.send_file(room, b"contenu du fichier", "note.txt", "text/plain")
    seen = await agent.wait_for_message(room, predicate=lambda m: m.msgtype == "m.file")
    assert seen.encrypted and seen.body == "note.txt"
    assert "file" in seen.content and "url" not in seen.content  # encrypted attachment
    assert seen.content["file"]["url"].startswith("mxc://")


async def test_an_answer_cut_by_a_restart_is_finished_in_place(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    slow = "Une réponse lente " * 30
    fake_llm.enqueue(Reply(text=slow, tokens_per_second=20))
    after = len(agent.messages(room))
    await agent.send_text(room, "Question longue")
    await agent.wait_for_message(room, sender=bot.user_id, after=after)  # streaming started
    assert bot.app is not None
    bot.app.shutdown_grace = 0  # stop now: the answer is cut
    await bot.stop()
    fake_llm.enqueue(Reply(text="Réponse complète après reprise."))
    await bot.start()
    await agent.wait_for_text(room, "Réponse complète après reprise.")
    answers = bot_messages(agent, room, bot)[1:]  # after the greeting
    assert [m.body for m in answers] == ["Réponse complète après reprise."]


async def test_sigterm_stops_the_bot_process_promptly(
    synapse: SynapseServer, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    user = await asyncio.to_thread(synapse.register, f"assistant-{secrets.token_hex(4)}")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[matrix]\nhomeserver = "{synapse.base_url}"\nuser_id = "{user.user_id}"\n'
        f'password = "{user.password}"\nstore_dir = "matrix"\n'
        f'[llm]\nbase_url = "{fake_llm.base_url}"\n[storage]\ndatabase = "db.sqlite3"\n',
        encoding="utf-8",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stderr is not None
    while b"bot started" not in (line := await asyncio.wait_for(process.stderr.readline(), 30)):
        assert line, "the bot exited before starting"
    await asyncio.sleep(1)  # let it enter its 30 s long-poll sync
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.wait(), 15) == 0
    assert time.monotonic() - started < 5
