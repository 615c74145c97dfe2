"""Privacy end to end: the real bot, a real Synapse, agents in encrypted rooms, the fake model."""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from nio.crypto.attachments import decrypt_attachment

from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from handlers.privacy import texts as privacy_texts
from handlers.privacy.pii import nir_key
from handlers.privacy.retention import run_retention
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import open_dm

NIR = "2920375112034" + f"{nir_key('2920375112034'):02d}"
NIR_SPACED = " ".join([NIR[0], NIR[1:3], NIR[3:5], NIR[5:7], NIR[7:10], NIR[10:13], NIR[13:]])


async def send_and_wait(
    agent: AgentClient, room: str, text: str, predicate: Any, timeout: float = 30
) -> SeenMessage:
    after = len(agent.messages(room))
    await agent.send_text(room, text)
    return await agent.wait_for_message(room, predicate=predicate, after=after, timeout=timeout)


async def download(agent: AgentClient, message: SeenMessage) -> bytes:
    """The file of an m.file event, decrypted as a Tchap client would."""
    file = message.content["file"]
    response = await agent.client.download(mxc=file["url"])
    body = getattr(response, "body", None)
    assert isinstance(body, bytes), response
    return bytes(decrypt_attachment(body, file["key"]["k"], file["hashes"]["sha256"], file["iv"]))


def rows(bot: BotHandle, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(bot.config.storage.database)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


async def test_nir_is_pseudonymised_for_the_model_and_restored_for_the_agent(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Le NIR [NIR_1] est bien noté.", tokens_per_second=30))
    restored = f"Le NIR {NIR_SPACED} est bien noté."
    answer = await send_and_wait(
        agent,
        room,
        f"Voici le NIR de l'agente : {NIR_SPACED}. Peux-tu le noter ?",
        lambda m: m.body.startswith(restored) and "🔒" in m.body,
    )
    assert answer.encrypted
    assert answer.body == restored + "\n\n" + privacy_texts.privacy_pseudonymised({"nir": 1})
    request = fake_llm.chat_requests()[-1]
    assert request["messages"][-1]["content"] == (
        "Voici le NIR de l'agente : [NIR_1]. Peux-tu le noter ?"
    )
    assert NIR_SPACED not in json.dumps(request, ensure_ascii=False)
    # The history keeps what the agent wrote and what they were shown (stored once the bot has
    # finished with the event: the agent may see the final edit first).
    await bot.settled()
    stored = [r[0] for r in rows(bot, "SELECT content FROM messages ORDER BY id")]
    assert NIR_SPACED in stored[0] and stored[1] == restored


async def test_block_mode_then_envoyer_quand_meme(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(privacy={"mode": "block"})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    question = f"Vérifie ce NIR : {NIR}"
    held = await send_and_wait(agent, room, question, lambda m: "⛔" in m.body)
    assert held.body == privacy_texts.privacy_blocked({"nir": 1}, [])
    assert fake_llm.chat_requests() == []
    fake_llm.enqueue(Reply(text="NIR vérifié."))
    await send_and_wait(agent, room, "!envoyer-quand-meme", lambda m: "NIR vérifié." in m.body)
    [request] = fake_llm.chat_requests()
    assert request["messages"][-1]["content"] == question


async def test_opted_out_agent_is_left_out_of_the_staff_export(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, agent = await make_agent("staff"), await make_agent("agent")
    support = await staff.create_group([], name="Support et retours")
    bot = await make_bot(start=False, support={"room": support, "admins": [staff.user_id]})
    await staff.client.room_invite(support, bot.user_id)
    await bot.start()
    await staff.wait_member(support, bot.user_id)

    agent_room = await open_dm(agent, bot)
    await send_and_wait(agent, agent_room, "!confidentialite on", lambda m: "🔒" in m.body)
    fake_llm.enqueue(Reply(text="Réponse à l'agent."))
    await send_and_wait(
        agent, agent_room, "Question de l'agent opposé", lambda m: m.body == "Réponse à l'agent."
    )
    staff_room = await open_dm(staff, bot)
    fake_llm.enqueue(Reply(text="Réponse au support."))
    await send_and_wait(
        staff,
        staff_room,
        "Question de Mme Claire Martin au support",
        lambda m: m.body.startswith("Réponse au support."),
    )

    file_event = await send_and_wait(
        staff, support, "!export-conversations 7j", lambda m: m.msgtype == "m.file"
    )
    assert file_event.encrypted and file_event.body.endswith("-7j.jsonl")
    exported = (await download(staff, file_event)).decode("utf-8")
    lines = [json.loads(line) for line in exported.splitlines()]
    assert len(lines) == 1
    assert [m["content"] for m in lines[0]["messages"]] == [
        "Question de Mme [PERSONNE_1] au support",
        "Réponse au support.",
    ]
    assert "opposé" not in exported and agent.user_id not in exported
    summary = await staff.wait_for_text(support, "Export des 7 derniers jours")
    assert "1 conversation" in summary.body


async def test_mes_donnees_arrives_as_an_encrypted_file(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Bien noté."))
    await send_and_wait(agent, room, "Ma question à moi", lambda m: m.body == "Bien noté.")
    file_event = await send_and_wait(agent, room, "!mes-donnees", lambda m: m.msgtype == "m.file")
    assert file_event.encrypted and "url" not in file_event.content
    assert file_event.content["info"]["mimetype"] == "application/json"
    dump = json.loads(await download(agent, file_event))
    assert dump["user"]["user_id"] == agent.user_id
    [conversation] = dump["conversations"]
    assert [m["content"] for m in conversation["messages"]] == ["Ma question à moi", "Bien noté."]


async def test_oublier_leaves_no_row_with_the_agents_text(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    secret = "Texte très personnel numéro 7341"
    fake_llm.enqueue(Reply(text="Réponse personnelle 7341."))
    await send_and_wait(agent, room, secret, lambda m: m.body == "Réponse personnelle 7341.")
    await send_and_wait(agent, room, "!oublier", lambda m: m.body == privacy_texts.FORGET_CONFIRM)
    await send_and_wait(agent, room, "!oublier confirmer", lambda m: "🗑️" in m.body)
    assert bot.app is not None and bot.app.dispatcher is not None
    await bot.app.dispatcher.drained()
    db = sqlite3.connect(bot.config.storage.database)
    try:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in db.execute(f"SELECT * FROM {table}"):
                assert "7341" not in repr(row), (table, row)
    finally:
        db.close()
    assert rows(bot, "SELECT value FROM privacy_counters WHERE name = 'erasures'") == [(1,)]


async def test_retention_with_an_injected_clock(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    now = [datetime.now(UTC)]
    bot = await make_bot(start=False, privacy={"retention_days": 30})
    await bot.start(clock=lambda: now[0])
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Ancienne réponse."))
    await send_and_wait(agent, room, "Ancienne question", lambda m: m.body == "Ancienne réponse.")
    await bot.settled()  # the answer is stored at the old date before the clock moves
    now[0] += timedelta(days=20)
    fake_llm.enqueue(Reply(text="Réponse récente."))
    await send_and_wait(agent, room, "Question récente", lambda m: m.body == "Réponse récente.")
    await bot.settled()
    assert bot.app is not None and bot.app.services is not None
    counts = await run_retention(bot.app.services, now[0] + timedelta(days=15))
    assert counts is not None and counts.messages == 2
    assert rows(bot, "SELECT content FROM messages ORDER BY id") == [
        ("Question récente",),
        ("Réponse récente.",),
    ]


async def test_no_message_text_is_logged_at_info(
    make_agent: MakeAgent,
    make_bot: MakeBot,
    fake_llm: FakeLLM,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name in (None, "nio", "httpx", "httpx2", "openai", "aiohttp", "peewee", "bot"):
        caplog.set_level(logging.INFO, logger=name)
    secrets = ["Bleu-Horizon-42", "Vert-Océan-17", "Claire Martin", NIR_SPACED, "Rouge-Toit-9"]
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(
        Reply(text="Voici Vert-Océan-17 pour [PERSONNE_1], NIR [NIR_1].", tokens_per_second=40)
    )
    await send_and_wait(
        agent,
        room,
        f"Dossier Bleu-Horizon-42 de Mme Claire Martin, NIR {NIR_SPACED}.",
        lambda m: m.body.startswith("Voici Vert-Océan-17 pour Claire Martin"),
    )
    fake_llm.enqueue(Reply(fail="http500"), Reply(text="Rouge-Toit-9, encore."))
    await send_and_wait(agent, room, "Rouge-Toit-9 ?", lambda m: "Rouge-Toit-9, encore" in m.body)
    await send_and_wait(agent, room, "!mes-donnees", lambda m: m.msgtype == "m.file")
    await send_and_wait(agent, room, "!oublier confirmer", lambda m: "🗑️" in m.body)
    messages = [r.getMessage() for r in caplog.records]
    assert any("answered event" in m for m in messages)  # the log was captured
    leaked = [m for m in messages if any(s in m for s in secrets)]
    assert leaked == []
    assert not any(s in caplog.text for s in secrets)
