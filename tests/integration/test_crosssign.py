"""The bot's device as a shield-checking client sees it: the agent queries the bot's keys and
checks, with the test's own ed25519 code over canonical JSON, that the device is signed by the
bot's self-signing key, itself signed by its master key (what matrix-js-sdk and
matrix-rust-sdk check before they drop the "unverified device" warning). Then the identity
survives a restart, and a lost store gets its room keys back from the server-side backup."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import stat
from typing import Any
from urllib.parse import quote

import aiohttp
import pytest
from pydantic import SecretStr

from bot.crosssign import CrossSigningKeys
from bot.keybackup import RECOVERY_FILE
from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.unit.test_crosssign import independent_verify


async def agent_api(agent: AgentClient, method: str, path: str, body: Any = None) -> Any:
    """A request with the agent's own token, straight to the homeserver (loopback)."""
    headers = {"Authorization": f"Bearer {agent.client.access_token}"}
    url = agent.client.homeserver + path
    timeout = aiohttp.ClientTimeout(total=30)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.request(method, url, json=body, headers=headers) as response,
    ):
        assert response.status == 200, await response.text()
        return await response.json()


def single_key(obj: dict[str, Any], usage: str, user_id: str) -> str:
    assert obj["user_id"] == user_id and usage in obj["usage"]
    (public,) = obj["keys"].values()
    assert obj["keys"] == {f"ed25519:{public}": public}
    return str(public)


async def shield(agent: AgentClient, bot: BotHandle) -> str:
    """The master key of the bot, once its device checks out as cross-signed."""
    assert bot.app is not None and bot.app.matrix is not None
    user, device_id = bot.user_id, bot.app.matrix.device_id
    answer = await agent_api(
        agent, "POST", "/_matrix/client/v3/keys/query", {"device_keys": {user: []}}
    )
    master = single_key(answer["master_keys"][user], "master", user)
    ssk_obj = answer["self_signing_keys"][user]
    ssk = single_key(ssk_obj, "self_signing", user)
    assert independent_verify(ssk_obj, user, master), "self-signing key not signed by master"
    device = answer["device_keys"][user][device_id]
    assert independent_verify(device, user, ssk), "device not signed by the self-signing key"
    return master


async def test_bot_device_is_cross_signed_and_keeps_its_identity(
    synapse: SynapseServer, make_agent: MakeAgent, make_bot: MakeBot
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    master = await shield(agent, bot)

    store = bot.config.matrix.store_dir
    for name in ("cross_signing.json", RECOVERY_FILE):
        assert stat.S_IMODE(os.stat(store / name).st_mode) == 0o600, name
    assert bot.app is not None and bot.app.matrix is not None
    assert bot.app.matrix.identity_problems == []
    device = bot.app.matrix.device_id

    await bot.stop()
    await bot.start()
    assert bot.app is not None and bot.app.matrix is not None
    assert bot.app.matrix.device_id == device
    assert await shield(agent, bot) == master

    # A new login (a new device, here an access token): signed by the same identity, with no
    # password needed since the keys do not change.
    await bot.stop()
    password = bot.config.matrix.password
    assert password is not None
    login = await asyncio.to_thread(
        synapse.request,
        "POST",
        "/_matrix/client/v3/login",
        {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": bot.user_id},
            "password": password.get_secret_value(),
        },
    )
    bot.config.matrix.password = None
    bot.config.matrix.access_token = SecretStr(login["access_token"])
    bot.config.matrix.device_id = login["device_id"]
    await bot.start()
    assert bot.app is not None and bot.app.matrix is not None
    assert bot.app.matrix.device_id == login["device_id"] != device
    assert await shield(agent, bot) == master
    assert bot.app.matrix.identity_problems == []


async def test_lost_store_gets_the_room_keys_back_from_the_backup(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await agent.create_dm(bot.user_id)
    await agent.wait_member(room, bot.user_id)
    await agent.wait_for_text(room, "Assistant IA")  # the greeting
    fake_llm.enqueue(Reply(text="Réponse d'avant."))
    question = "Une question d'avant la perte du stockage"
    event_id = await agent.send_text(room, question)
    await agent.wait_for_text(room, "Réponse d'avant.")
    session_id = agent.client.olm.outbound_group_sessions[room].id
    assert bot.app is not None and bot.app.matrix is not None
    backup = bot.app.matrix.key_backup
    assert backup is not None
    await backup.wait_backed_up(room, session_id)

    # The operator kept the recovery key in their secret store; the store is lost.
    store = bot.config.matrix.store_dir
    recovery = (store / RECOVERY_FILE).read_text(encoding="utf-8").strip()
    old_device = bot.app.matrix.device_id
    await bot.stop()
    shutil.rmtree(store)
    bot.config.matrix.recovery_key = SecretStr(recovery)
    await bot.start()
    assert bot.app is not None and bot.app.matrix is not None
    matrix = bot.app.matrix
    assert matrix.device_id != old_device
    await matrix.wait_synced()

    source = await agent_api(
        agent, "GET", f"/_matrix/client/v3/rooms/{quote(room)}/event/{quote(event_id)}"
    )
    assert source["type"] == "m.room.encrypted"
    source["room_id"] = room
    decrypted = await matrix.try_decrypt(source)
    assert decrypted is not None, "the old message's key did not come back from the backup"
    assert decrypted.body == question
    assert matrix.key_backup is not None and matrix.key_backup.restored >= 1
    # The new device is cross-signed too (new keys, replaced with the password).
    await shield(agent, bot)
    assert matrix.identity_problems == []


async def test_token_login_facing_another_identity_tells_the_operator(
    synapse: SynapseServer,
    make_agent: MakeAgent,
    make_bot: MakeBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Replacing an account's cross-signing keys needs the password (user-interactive auth):
    a bot with only an access token says so in its log and in the support room."""
    staff = await make_agent("staff")
    room = await staff.create_group([], name="Support et retours")
    bot = await make_bot(start=False, support={"room": room, "admins": [staff.user_id]})
    password = bot.config.matrix.password
    assert password is not None
    login = await asyncio.to_thread(
        synapse.request,
        "POST",
        "/_matrix/client/v3/login",
        {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": bot.user_id},
            "password": password.get_secret_value(),
        },
    )
    # Someone set up another identity for the account first (no password needed the first time).
    other = CrossSigningKeys.generate(bot.user_id)
    await asyncio.to_thread(
        synapse.request,
        "POST",
        "/_matrix/client/v3/keys/device_signing/upload",
        other.upload_body(),
        access_token=login["access_token"],
    )
    bot.config.matrix.password = None
    bot.config.matrix.access_token = SecretStr(login["access_token"])
    bot.config.matrix.device_id = login["device_id"]
    await staff.client.room_invite(room, bot.user_id)
    with caplog.at_level(logging.ERROR, logger="bot.matrix"):
        await bot.start()
    await staff.wait_for_text(room, "ASSISTANT__MATRIX__PASSWORD")
    assert bot.app is not None and bot.app.matrix is not None
    assert bot.app.matrix.identity_problems == ["needs_password"]
    assert any(
        "cross-signing" in r.getMessage() and "ASSISTANT__MATRIX__PASSWORD" in r.getMessage()
        for r in caplog.records
    )
    assert password.get_secret_value() not in caplog.text
    # The homeserver still holds the other identity: nothing was replaced behind its back.
    answer = await agent_api(
        staff, "POST", "/_matrix/client/v3/keys/query", {"device_keys": {bot.user_id: []}}
    )
    assert single_key(answer["master_keys"][bot.user_id], "master", bot.user_id) == (
        other.master.public
    )
