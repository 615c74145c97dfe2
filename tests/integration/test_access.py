"""Access end to end: newcomers, the support room's decisions, terms, quotas and the fair queue.

The real bot, a real Synapse, agents in encrypted rooms; the model is the fake server.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot import texts
from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from handlers.access import texts as access_texts
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import open_dm

APPROVAL_REQUIRED = {"auto_approve_homeservers": [], "terms_version": ""}


async def send_and_wait(
    agent: AgentClient, room: str, text: str, predicate: Any, *, html: str | None = None
) -> SeenMessage:
    after = len(agent.messages(room))
    await agent.send_text(room, text, html=html)
    return await agent.wait_for_message(room, predicate=predicate, after=after, timeout=30)


async def support_room(
    make_agent: MakeAgent, make_bot: MakeBot, **sections: dict[str, Any]
) -> tuple[AgentClient, AgentClient, str, BotHandle]:
    """An admin and a plain member in the support room, and a started bot in it."""
    staff = await make_agent("staff")
    member = await make_agent("member")
    room = await staff.create_group([member.user_id], name="Support et retours")
    await member.wait_member(room, member.user_id)
    bot = await make_bot(
        start=False, support={"room": room, "admins": [staff.user_id]}, **sections
    )
    await staff.client.room_invite(room, bot.user_id)
    await bot.start()
    await staff.wait_member(room, bot.user_id)
    return staff, member, room, bot


async def open_dm_then(agent: AgentClient, bot: BotHandle, text: str) -> str:
    """A DM whose greeting is followed by `text` (the agent's status)."""
    room = await agent.create_dm(bot.user_id)
    await agent.wait_member(room, bot.user_id)
    await agent.wait_for_text(room, text)
    return room


async def test_newcomer_waits_then_an_admin_approves_and_the_earlier_message_is_answered(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, member, support, bot = await support_room(
        make_agent, make_bot, access=APPROVAL_REQUIRED
    )
    agent = await make_agent("agent")
    dm = await open_dm_then(agent, bot, "demande d'accès est enregistrée")
    notice = await staff.wait_for_text(support, "Nouvelle demande d'accès")
    assert f"!approve {agent.user_id}" in notice.body and "serveur\u00a0: localhost" in notice.body

    held = await send_and_wait(
        agent, dm, "Quelle est la date limite ?", lambda m: "enregistrée" in m.body
    )
    assert held.encrypted
    assert fake_llm.chat_requests() == []

    # A member of the support room who is not an admin is refused.
    refused = await send_and_wait(
        member, support, f"!approve {agent.user_id}", lambda m: m.body == texts.COMMAND_ADMINS_ONLY
    )
    assert refused.sender == bot.user_id
    # The admin approves with a pill (display name in the body, id in the link).
    fake_llm.enqueue(Reply(text="Le 31 décembre."))
    pill = f'<a href="https://matrix.to/#/{agent.user_id}">Agent</a>'
    await send_and_wait(
        staff, support, "!approve Agent", lambda m: "accès validé" in m.body,
        html=f"!approve {pill}",
    )  # fmt: skip
    approved = await agent.wait_for_text(dm, "Votre accès à l'Assistant IA est validé")
    assert "1 message(s) en attente" in approved.body
    answer = await agent.wait_for_message(dm, predicate=lambda m: m.body == "Le 31 décembre.")
    assert answer.encrypted
    assert fake_llm.chat_requests()[-1]["messages"][-1]["content"] == "Quelle est la date limite ?"

    audit = await send_and_wait(staff, support, "!audit", lambda m: "approve" in m.body)
    assert staff.user_id in audit.body and agent.user_id in audit.body
    listing = await send_and_wait(staff, support, "!pending", lambda m: m.sender == bot.user_id)
    assert listing.body == access_texts.ADMIN_NOBODY_PENDING


async def test_auto_approved_domain_and_refused_homeserver(
    synapse: SynapseServer, make_bot: MakeBot, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    bot = await make_bot(
        access={
            **APPROVAL_REQUIRED,
            "auto_approve_domains": ["interieur.gouv.fr"],
        }
    )
    tag = secrets.token_hex(4)
    user = await asyncio.to_thread(synapse.register, f"jean.{tag}-interieur.gouv.fr")
    agent = await AgentClient.login(synapse.base_url, user.user_id, user.password, tmp_path / tag)
    await agent.start()
    try:
        room = await open_dm(agent, bot)
        fake_llm.enqueue(Reply(text="Bonjour !"))
        await send_and_wait(agent, room, "Bonjour", lambda m: m.body == "Bonjour !")
    finally:
        await agent.close()
    assert bot.app is not None and bot.app.services is not None
    stored = await bot.app.services.users.get(user.user_id)
    assert stored is not None and stored.domain == "interieur.gouv.fr"
    assert stored.homeserver == "localhost" and stored.status == "approved"


async def test_other_homeservers_refused(make_agent: MakeAgent, make_bot: MakeBot) -> None:
    bot = await make_bot(access={"allowed_homeservers": ["agent.dinum.tchap.gouv.fr"]})
    agent = await make_agent("agent")
    room = await open_dm_then(agent, bot, access_texts.ACCESS_HOMESERVER)
    await send_and_wait(agent, room, "Bonjour", lambda m: m.body == access_texts.ACCESS_HOMESERVER)


async def test_revoke_and_deny_take_effect_at_the_next_message(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, _, support, bot = await support_room(make_agent, make_bot)
    agent = await make_agent("agent")
    other = await make_agent("other")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Réponse."))
    await send_and_wait(agent, room, "Question", lambda m: m.body == "Réponse.")
    # Several users at once, with a reason.
    other_room = await open_dm(other, bot)
    await send_and_wait(
        staff,
        support,
        f"!revoke {agent.user_id} {other.user_id} fin de mission",
        lambda m: m.body.count("accès retiré") == 2,
    )
    told = await agent.wait_for_text(room, "Votre accès à l'Assistant IA a été retiré")
    assert "fin de mission" in told.body
    await send_and_wait(agent, room, "Encore une", lambda m: m.body == access_texts.ACCESS_REVOKED)
    await send_and_wait(
        staff, support, f"!deny {other.user_id}", lambda m: "demande refusée" in m.body
    )
    await other.wait_for_text(other_room, "n'a pas été acceptée")
    await send_and_wait(
        other, other_room, "Bonjour", lambda m: m.body == access_texts.ACCESS_DENIED
    )
    assert len(fake_llm.chat_requests()) == 1
    summary = await send_and_wait(
        staff, support, f"!user {agent.user_id}", lambda m: "statut" in m.body
    )
    assert "revoked" in summary.body and "au total : 1 messages" in summary.body


async def test_capacity_waitlist_and_promotion(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, _, support, bot = await support_room(make_agent, make_bot, access={"max_users": 1})
    first = await make_agent("first")
    await open_dm(first, bot)
    second = await make_agent("second")
    room = await open_dm_then(second, bot, "liste d'attente")
    notice = await staff.wait_for_text(support, "Nouvelle demande d'accès")
    assert second.user_id in notice.body and "liste d'attente" in notice.body
    await send_and_wait(second, room, "Ma question", lambda m: "liste d'attente" in m.body)
    # The approval of a waitlisted user at capacity keeps them waiting.
    await send_and_wait(
        staff, support, f"!approve {second.user_id}", lambda m: "capacité atteinte" in m.body
    )
    fake_llm.enqueue(Reply(text="Réponse différée."))
    await send_and_wait(staff, support, "!capacity 2", lambda m: "1 promu(s)" in m.body)
    await second.wait_for_text(room, "Votre accès à l'Assistant IA est validé")
    await second.wait_for_message(room, predicate=lambda m: m.body == "Réponse différée.")


async def test_terms_gate_then_a_new_version_asks_again(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(access={"terms_version": "2", "terms_url": "https://exemple.gouv.fr/cgu"})
    agent = await make_agent("agent")
    room = await open_dm_then(agent, bot, "Conditions d'utilisation (version 2)")
    shown = await send_and_wait(
        agent, room, "Ma première question", lambda m: "Conditions d'utilisation" in m.body
    )
    assert "https://exemple.gouv.fr/cgu" in shown.body and "articles 9 et 10" in shown.body
    assert fake_llm.chat_requests() == []
    fake_llm.enqueue(Reply(text="Réponse après acceptation."))
    await send_and_wait(
        agent, room, "!accepter", lambda m: m.body == access_texts.terms_accepted("2")
    )
    await agent.wait_for_message(room, predicate=lambda m: m.body == "Réponse après acceptation.")
    assert bot.app is not None and bot.app.services is not None
    user = await bot.app.services.users.get(agent.user_id)
    assert user is not None and user.terms_version == "2" and user.terms_accepted_at

    bot.config.access.terms_version = "3"  # a new version: asked again
    await send_and_wait(
        agent, room, "Et maintenant ?", lambda m: "Conditions d'utilisation (version 3)" in m.body
    )


async def test_quota_exhaustion_and_reset_with_the_clock(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    now = [datetime(2026, 11, 25, 21, 0, tzinfo=UTC)]  # 22:00 in Paris
    bot = await make_bot(start=False, limits={"messages_per_day": 2, "burst_per_minute": 0})
    await bot.start(clock=lambda: now[0])
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Un."), Reply(text="Deux."), Reply(text="Trois."))
    await send_and_wait(agent, room, "q1", lambda m: m.body == "Un.")
    await send_and_wait(agent, room, "q2", lambda m: m.body == "Deux.")
    refused = await send_and_wait(agent, room, "q3", lambda m: "limite de 2 messages" in m.body)
    assert "à 00h00 (26/11, heure de Paris)" in refused.body
    usage = await send_and_wait(agent, room, "!quota", lambda m: "consommation" in m.body)
    assert "messages\u00a0: 2 / 2" in usage.body
    now[0] += timedelta(hours=3)  # past midnight in Paris
    await send_and_wait(agent, room, "q4", lambda m: m.body == "Trois.")
    assert len(fake_llm.chat_requests()) == 3


async def test_queue_positions_under_a_cap_of_one(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(limits={"max_concurrent_requests": 1})
    agents = [await make_agent(f"agent{i}") for i in range(3)]
    rooms = [await open_dm(a, bot) for a in agents]
    seen: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for index, agent in enumerate(agents):
        agent.on_update = lambda msg, _new, i=index: seen[i].append(msg.body)
    # The first answer holds the only slot long enough for the others to queue behind it.
    fake_llm.enqueue(Reply(text="Réponse 0.", ttft=4.0), Reply(text="Réponse 1.", ttft=1.0))
    fake_llm.enqueue(Reply(text="Réponse 2.", ttft=1.0))
    await agents[0].send_text(rooms[0], "Première")
    await fake_llm.wait_for_requests(1, timeout=30)
    await agents[1].send_text(rooms[1], "Deuxième")
    await agents[1].wait_until(lambda: any("1re dans la file" in b for b in seen[1]))
    await agents[2].send_text(rooms[2], "Troisième")
    for i, (agent, room) in enumerate(zip(agents, rooms, strict=True)):
        await agent.wait_for_message(room, predicate=lambda m, i=i: m.body == f"Réponse {i}.")
    # The third saw its place, then moved up as the queue advanced; every answer came.
    assert any("2e dans la file" in body for body in seen[2])
    assert any("1re dans la file" in body for body in seen[2])
    assert not any("dans la file" in body for body in seen[0])
    assert len(fake_llm.chat_requests()) == 3
