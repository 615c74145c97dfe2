"""Integration tests of the dev tools against a real Synapse: homeserver and E2E agents."""

from __future__ import annotations

import asyncio
import json
import secrets
from pathlib import Path

import pytest

from devtools.agent import AgentClient, SeenMessage
from devtools.synapse import SynapseError, SynapseServer, start_synapse
from tests.conftest import MakeAgent


async def test_encrypted_dm_messages_edits_replies_reactions(make_agent: MakeAgent) -> None:
    alice, bob = await make_agent("alice"), await make_agent("bob")
    room = await alice.create_dm(bob.user_id)
    await alice.wait_member(room, bob.user_id)

    first = await alice.send_text(room, "hello bob")
    msg = await bob.wait_for_text(room, "hello bob")
    assert (msg.event_id, msg.sender, msg.encrypted) == (first, alice.user_id, True)
    assert msg.edits == 0 and msg.msgtype == "m.text"

    await alice.edit(room, first, "hello bob, edited", html="<b>hello bob</b>, edited")
    edited = await bob.wait_for_text(room, "edited")
    assert edited is msg
    assert msg.edits == 1 and msg.formatted_body == "<b>hello bob</b>, edited"
    assert msg.last_update >= msg.first_seen
    assert [m.event_id for m in bob.messages(room)] == [first]

    reply_to = {"m.in_reply_to": {"event_id": first}}
    second = await alice.send_text(
        room, "ping", mentions=[bob.user_id], html="<i>ping</i>", relates_to=reply_to
    )
    reply = await bob.wait_for_message(room, sender=alice.user_id, after=1)
    assert reply.event_id == second
    assert reply.relates_to == reply_to
    assert reply.content["m.mentions"] == {"user_ids": [bob.user_id]}
    assert reply.formatted_body == "<i>ping</i>"

    # The invitee answers straight away, and reacts.
    answer = await bob.send_text(room, "hi alice")
    assert (await alice.wait_for_text(room, "hi alice")).event_id == answer
    await bob.react(room, first, "👍")
    await alice.wait_until(lambda: bool(alice.reactions(room)))
    reaction = alice.reactions(room)[0]
    assert (reaction.target_event_id, reaction.key) == (first, "👍")
    assert alice.messages(room)[0].event_id == answer  # reactions are not messages


async def test_group_room_unencrypted_and_hooks(make_agent: MakeAgent) -> None:
    alice, bob, carol = (
        await make_agent("alice"),
        await make_agent("bob"),
        await make_agent("carol"),
    )
    room = await alice.create_group([bob.user_id, carol.user_id], encrypted=False, name="Plain")
    await alice.wait_member(room, bob.user_id)
    await alice.wait_member(room, carol.user_id)
    updates: list[tuple[str, bool]] = []

    def hook(msg: SeenMessage, is_new: bool) -> None:
        updates.append((msg.body, is_new))

    carol.on_update = hook
    sent = await alice.send_text(room, "plain text")
    for agent in (bob, carol):
        msg = await agent.wait_for_text(room, "plain text")
        assert msg.encrypted is False and msg.event_id == sent
    await alice.edit(room, sent, "plain text v2")
    await carol.wait_for_text(room, "v2")
    assert updates == [("plain text", True), ("plain text v2", False)]

    await bob.client.room_typing(room, True, timeout=5000)
    await alice.wait_until(lambda: bob.user_id in alice.typing_seen.get(room, set()))


async def test_undecryptable_message_decrypts_once_key_is_released(
    make_agent: MakeAgent,
) -> None:
    alice, bob = await make_agent("alice"), await make_agent("bob")
    room = await alice.create_dm(bob.user_id)
    await alice.wait_member(room, bob.user_id)
    before = bob.undecryptable_count

    # First message in the room: no Olm session between the two devices exists yet.
    hidden = await alice.send_undecryptable(room, "the secret")
    await bob.wait_until(lambda: hidden in bob.pending_undecryptable)
    assert bob.undecryptable_count == before + 1
    assert bob.messages(room) == []

    # Normal traffic is unaffected by the withheld session.
    await alice.send_text(room, "visible")
    await bob.wait_for_text(room, "visible")
    assert hidden in bob.pending_undecryptable

    await alice.release_withheld_keys(room)
    msg = await bob.wait_for_text(room, "the secret")
    assert (msg.event_id, msg.encrypted, msg.sender) == (hidden, True, alice.user_id)
    assert hidden not in bob.pending_undecryptable
    assert [m.body for m in bob.messages(room)] == ["visible", "the secret"]

    # And the room's normal session keeps working afterwards.
    await alice.send_text(room, "after release")
    await bob.wait_for_text(room, "after release")


async def test_ratelimit_override(synapse: SynapseServer) -> None:
    user = await asyncio.to_thread(synapse.register, f"limited-{secrets.token_hex(4)}")
    await asyncio.to_thread(synapse.set_ratelimit, user.user_id, 1, 1)
    await asyncio.to_thread(synapse.clear_ratelimit, user.user_id)
    with pytest.raises(SynapseError) as excinfo:
        await asyncio.to_thread(synapse.set_ratelimit, "@nobody:elsewhere", 1, 1)
    assert excinfo.value.status == 400


def test_config_stays_on_loopback(synapse: SynapseServer) -> None:
    config = json.loads((synapse.workdir / "homeserver.yaml").read_text())
    assert [listener["bind_addresses"] for listener in config["listeners"]] == [["127.0.0.1"]]
    assert [r["names"] for r in config["listeners"][0]["resources"]] == [["client"]]
    assert config["trusted_key_servers"] == []
    assert config["federation_domain_whitelist"] == []
    assert config["url_preview_enabled"] is False
    assert config["report_stats"] is False
    assert config["rc_invites"]["per_issuer"]["per_second"] >= 1000
    assert synapse.base_url.startswith("http://127.0.0.1:")


def test_restart_keeps_state(tmp_path: Path) -> None:
    with start_synapse(tmp_path) as first:
        port = first.port
        first.register("keeper")
        with pytest.raises(RuntimeError, match="still running"):
            start_synapse(tmp_path)
    with start_synapse(tmp_path) as second:
        assert second.port == port
        with pytest.raises(SynapseError, match="M_USER_IN_USE"):
            second.register("keeper")
        second.register("newcomer")  # same shared secret still accepted


async def test_agent_resumes_saved_device(
    synapse: SynapseServer, make_agent: MakeAgent, tmp_path: Path
) -> None:
    bob = await make_agent("bob")
    user = await asyncio.to_thread(synapse.register, f"dave-{secrets.token_hex(4)}")
    store = tmp_path / "dave-store"
    dave = await AgentClient.login(synapse.base_url, user.user_id, user.password, store)
    device_id = dave.client.device_id
    await dave.start()
    room = await dave.create_dm(bob.user_id)
    await dave.wait_member(room, bob.user_id)
    await dave.send_text(room, "before restart")
    await bob.wait_for_text(room, "before restart")
    await dave.close()

    dave = await AgentClient.login(synapse.base_url, user.user_id, "wrong password", store)
    try:
        assert dave.client.device_id == device_id
        await dave.start()
        await dave.send_text(room, "after restart")
        msg = await bob.wait_for_text(room, "after restart")
        assert msg.encrypted
    finally:
        await dave.close()
