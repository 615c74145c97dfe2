"""Restarts without the full state of every room (issue 16): the bot keeps what it needs of each
room in its database and learns a room again only when the room is used or synced.

Real Synapse, encrypted rooms; the model is the only stand-in.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from nio import RoomGetStateEventError

from bot.matrix import EncryptionUnknown, MatrixClient
from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import ask, bot_messages, open_dm

SyncCall = tuple[str | None, bool, bool]  # since, first, full_state
AnotherDevice = Callable[[], Awaitable[AgentClient]]
MakeTwoDevices = Callable[[str], Awaitable[tuple[AgentClient, AnotherDevice]]]


@pytest.fixture
def syncs(monkeypatch: pytest.MonkeyPatch) -> list[SyncCall]:
    """Every sync request the bots make: (since, first, full_state)."""
    calls: list[SyncCall] = []
    real = MatrixClient._sync_once

    async def recorded(self: MatrixClient, since: str | None, first: bool, full: bool) -> Any:
        calls.append((since, first, full))
        return await real(self, since, first, full)

    monkeypatch.setattr(MatrixClient, "_sync_once", recorded)
    return calls


def stored_rooms(bot: BotHandle) -> dict[str, tuple[int, str | None, int, int]]:
    db = sqlite3.connect(bot.config.storage.database)
    try:
        rows = db.execute(
            "SELECT room_id, encrypted, algorithm, joined_members, invited_members FROM room_state"
        ).fetchall()
    finally:
        db.close()
    return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}


def nio_rooms(bot: BotHandle) -> dict[str, Any]:
    assert bot.app is not None and bot.app.matrix is not None
    return bot.app.matrix._client.rooms  # type: ignore[no-any-return]


async def restart(bot: BotHandle) -> None:
    await bot.stop()
    app = await bot.start()
    assert app.matrix is not None
    await app.matrix.wait_synced()


@pytest.fixture
async def second_device(synapse: SynapseServer, tmp_path: Path) -> AsyncIterator[MakeTwoDevices]:
    """An agent, and a way to log the same agent in on a second device later."""
    opened: list[AgentClient] = []

    async def make(name: str) -> tuple[AgentClient, AnotherDevice]:
        localpart = f"{name}-{secrets.token_hex(4)}"
        user = await asyncio.to_thread(synapse.register, localpart)
        first = await AgentClient.login(
            synapse.base_url, user.user_id, user.password, tmp_path / f"{localpart}-1"
        )
        opened.append(first)
        await first.start()

        async def another() -> AgentClient:
            device = await AgentClient.login(
                synapse.base_url, user.user_id, user.password, tmp_path / f"{localpart}-2"
            )
            opened.append(device)
            await device.start()
            return device

        return first, another

    yield make
    await asyncio.gather(*(agent.close() for agent in opened))


async def test_a_restart_answers_an_idle_encrypted_dm_without_the_full_state(
    make_bot: MakeBot, fake_llm: FakeLLM, syncs: list[SyncCall], second_device: MakeTwoDevices
) -> None:
    bot = await make_bot()
    agent, another_device = await second_device("agent")
    room = await open_dm(agent, bot)
    idle, _ = await second_device("idle")
    idle_room = await open_dm(idle, bot)
    fake_llm.enqueue(Reply(text="Avant l'arrêt."))
    await ask(agent, room, "Première question", "Avant l'arrêt.")
    # Each joined room is recorded: encrypted with megolm, two members.
    recorded = stored_rooms(bot)
    assert recorded[room] == (1, "m.megolm.v1.aes-sha2", 2, 0)
    assert recorded[idle_room] == (1, "m.megolm.v1.aes-sha2", 2, 0)

    await bot.stop()
    # A new device of the agent while the bot is down: it must get the answer's room key.
    phone = await another_device()
    syncs.clear()
    await bot.start()
    assert bot.app is not None and bot.app.matrix is not None
    await bot.app.matrix.wait_synced()
    first_since, first, full_state = syncs[0]
    assert first and first_since is not None and not full_state
    # The rooms nothing happened in since are not made in nio at all.
    assert room not in nio_rooms(bot) and idle_room not in nio_rooms(bot)

    fake_llm.enqueue(Reply(text="Réponse chiffrée après redémarrage."))
    answer = await ask(agent, room, "Après redémarrage", "Réponse chiffrée après redémarrage.")
    assert answer.encrypted  # sent encrypted, and decrypted by the agent
    on_phone = await phone.wait_for_text(room, "Réponse chiffrée après redémarrage.")
    assert on_phone.encrypted
    assert idle_room not in nio_rooms(bot)
    assert all(not full for _, _, full in syncs)
    # The context survived the restart.
    assert fake_llm.chat_requests()[-1]["messages"][1]["content"] == "Première question"


async def test_a_room_whose_encryption_is_unknown_gets_no_plaintext(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    await bot.stop()
    # Both records of the room's encryption lost: the bot's and nio's own.
    db = sqlite3.connect(bot.config.storage.database)
    with db:
        db.execute("DELETE FROM room_state WHERE room_id = ?", (room,))
    db.close()
    store = next(bot.config.matrix.store_dir.glob("*.db"))
    nio_db = sqlite3.connect(store)
    with nio_db:
        nio_db.execute("DELETE FROM encryptedrooms WHERE room_id = ?", (room,))
    nio_db.close()

    await bot.start()
    fake_llm.enqueue(Reply(text="Toujours chiffrée."))
    answer = await ask(agent, room, "Et maintenant ?", "Toujours chiffrée.")
    assert answer.encrypted  # its encryption was asked for before the first send
    assert stored_rooms(bot)[room][0] == 1

    # The homeserver fails to say whether a room is encrypted: nothing is sent there.
    assert bot.app is not None and bot.app.matrix is not None
    matrix = bot.app.matrix
    known = matrix.room(room)
    assert known is not None
    known.encrypted = False
    matrix._encryption_known.discard(room)

    async def failing(room_id: str, event_type: str, state_key: str = "") -> Any:
        return RoomGetStateEventError.from_dict({"errcode": "M_UNKNOWN", "error": "x"}, room_id)

    monkeypatch.setattr(matrix._client, "room_get_state_event", failing)
    with pytest.raises(EncryptionUnknown):
        await matrix.send_text(room, "ne doit pas partir en clair")
    monkeypatch.undo()
    await matrix.send_text(room, "témoin")
    witness = await agent.wait_for_text(room, "témoin")
    assert witness.encrypted
    assert not [m for m in agent.messages(room) if "en clair" in m.body]


async def open_group(agent: AgentClient, bot: BotHandle, name: str) -> str:
    """A room the agent administers (the bot has no power there, so it can be removed)."""
    room = await agent.create_group([bot.user_id], name=name)
    await agent.wait_member(room, bot.user_id)
    await agent.wait_for_text(room, "Assistant IA")  # greeted
    return room


async def test_a_room_the_bot_was_removed_from_is_not_resurrected(
    synapse: SynapseServer, make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    kicked_running = await open_group(agent, bot, "Salon A")
    kicked_down = await open_group(agent, bot, "Salon B")
    left_down = await open_dm(agent, bot)
    kept = await open_dm(agent, bot)
    assert {kicked_running, kicked_down, left_down, kept} <= set(stored_rooms(bot))

    kick = await agent.client.room_kick(kicked_running, bot.user_id)
    assert type(kick).__name__ == "RoomKickResponse", kick
    assert bot.app is not None and bot.app.matrix is not None
    matrix = bot.app.matrix
    for _ in range(30):  # the kick arrives with one of the next syncs
        if matrix.room(kicked_running) is None:
            break
        await matrix.wait_synced()
    assert matrix.room(kicked_running) is None
    assert kicked_running not in stored_rooms(bot)

    await bot.stop()
    kick = await agent.client.room_kick(kicked_down, bot.user_id)
    assert type(kick).__name__ == "RoomKickResponse", kick
    # The bot's account leaves a DM on its own (an operator, from another client).
    token = json.loads((bot.config.matrix.store_dir / "session.json").read_text())["access_token"]
    await asyncio.to_thread(
        synapse.request, "POST", f"/_matrix/client/v3/rooms/{left_down}/leave", {},
        access_token=token,
    )  # fmt: skip
    await bot.start()
    assert bot.app is not None and bot.app.matrix is not None
    await bot.app.matrix.wait_synced()
    rooms = stored_rooms(bot)
    assert kept in rooms
    for gone in (kicked_running, kicked_down, left_down):
        assert gone not in rooms
        assert bot.app.matrix.room(gone) is None
    fake_llm.enqueue(Reply(text="Toujours là."))
    await ask(agent, kept, "Bonjour", "Toujours là.")


async def test_a_dm_opened_while_the_bot_was_down_is_joined_and_answered(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, syncs: list[SyncCall]
) -> None:
    bot = await make_bot()
    first = await make_agent("first")
    await open_dm(first, bot)
    await bot.stop()
    agent = await make_agent("agent")
    room = await agent.create_dm(bot.user_id)
    syncs.clear()
    await bot.start()
    await agent.wait_member(room, bot.user_id)
    greeting = await agent.wait_for_text(room, "Assistant IA")
    assert greeting.encrypted
    fake_llm.enqueue(Reply(text="Bienvenue."))
    answer = await ask(agent, room, "Première question", "Bienvenue.")
    assert answer.encrypted
    assert stored_rooms(bot)[room] == (1, "m.megolm.v1.aes-sha2", 2, 0)
    assert all(not full for _, _, full in syncs)


async def test_a_group_room_stays_a_group_room_after_a_restart(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    alice, bob = await make_agent("alice"), await make_agent("bob")
    group = await alice.create_group([bob.user_id, bot.user_id], name="Équipe")
    await alice.wait_member(group, bot.user_id)
    await bob.wait_member(group, bob.user_id)
    await alice.wait_for_text(group, "Assistant IA")  # the group room's greeting
    assert stored_rooms(bot)[group][2:] in ((3, 0), (2, 1))

    await restart(bot)
    assert group not in nio_rooms(bot)
    after = len(alice.messages(group))
    await alice.send_text(group, "Bavardage sans mention après redémarrage")
    fake_llm.enqueue(Reply(text="Réponse au groupe."))
    await alice.send_text(group, "Assistant : une question", mentions=[bot.user_id])
    answer = await alice.wait_for_message(
        group, predicate=lambda m: m.body == "Réponse au groupe.", after=after
    )
    assert answer.encrypted
    assert bob.user_id != alice.user_id
    asked = [r["messages"][-1]["content"] for r in fake_llm.chat_requests()]
    assert asked == ["Assistant : une question"]  # the chatter without a mention was not
    said = [m.body for m in bot_messages(alice, group, bot)]
    assert said.count("Réponse au groupe.") == 1


async def test_an_answer_does_not_wake_the_sync_loop_for_each_edit(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, syncs: list[SyncCall]
) -> None:
    """The bot's own message and edits, the typing notices and the receipts are filtered out on
    the homeserver: the long poll returns for the question, not for every step of the answer.
    (A long poll of 30 s: the tests' 2 s would return empty during the answer.)"""
    bot = await make_bot(matrix={"sync_timeout_ms": 30_000})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Échauffement."))
    await ask(agent, room, "Première question", "Échauffement.")
    await bot.settled()
    text = "Une réponse assez longue pour être montrée en plusieurs étapes. " * 4
    fake_llm.enqueue(Reply(text=text.strip(), tokens_per_second=15))
    syncs.clear()
    answer = await ask(agent, room, "Deuxième question", text.strip(), timeout=60)
    await bot.settled()
    assert answer.edits >= 3
    # The question wakes it once; a key share or a device change may add one more (the
    # previous filter: 7 to 9 here, one per edit).
    assert len(syncs) <= 2, syncs


async def test_the_personal_data_guard_is_ready_before_the_first_sync(
    make_bot: MakeBot, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_bot()
    assert bot.app is not None and bot.app.matrix is not None
    await bot.app.matrix.wait_synced()  # a sync position to restart from
    await bot.stop()
    caplog.set_level(logging.INFO)
    caplog.clear()
    await restart(bot)
    said = [record.getMessage() for record in caplog.records]
    ready = [i for i, m in enumerate(said) if m.startswith("personal-data guard ready")]
    syncing = [i for i, m in enumerate(said) if "rooms known from the database" in m]
    assert ready and syncing and ready[0] < syncing[0], said
