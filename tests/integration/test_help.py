"""Help that reads like a menu, on a real Synapse: an agent's `!aide` in an encrypted DM, the
staff's in the encrypted support room, the group room's greeting, "did you mean"."""

from __future__ import annotations

from devtools.agent import AgentClient
from tests.conftest import MakeAgent, MakeBot

AGENT_GROUPS = ("**Converser**", "**Documents et web**", "**Vos données**", "**Questionnaires**")
CONTACT = "assistant-ia@numerique.gouv.fr"


async def command(agent: AgentClient, room: str, text: str, contains: str) -> str:
    after = len(agent.messages(room))
    await agent.send_text(room, text)
    answer = await agent.wait_for_text(room, contains, after=after)
    assert answer.encrypted
    return answer.body


async def test_agents_and_staff_each_see_their_menu(
    make_agent: MakeAgent, make_bot: MakeBot
) -> None:
    staff, agent = await make_agent("staff"), await make_agent("agent")
    support = await staff.create_group([], name="Support et retours")
    bot = await make_bot(
        start=False, support={"room": support, "admins": [staff.user_id], "contact": CONTACT}
    )
    await staff.client.room_invite(support, bot.user_id)
    await bot.start()
    await staff.wait_member(support, bot.user_id)

    room = await agent.create_dm(bot.user_id)
    await agent.wait_member(room, bot.user_id)
    greeting = await agent.wait_for_text(room, "Assistant IA")
    assert greeting.encrypted and "décision administrative individuelle" in greeting.body
    assert "réutilisés" not in greeting.body and "`!web`" not in greeting.body

    menu = await command(agent, room, "!aide", "Commandes disponibles")
    positions = [menu.index(group) for group in AGENT_GROUPS]
    assert positions == sorted(positions)
    assert "`!quota`" in menu and "@agent" not in menu  # no staff syntax for agents
    assert "!approve" not in menu and "Accès des agents" not in menu
    assert CONTACT in menu

    hint = await command(agent, room, "!historiqe", "Commande inconnue")
    assert "Vouliez-vous dire `!historique`\u00a0?" in hint

    staff_menu = await command(staff, support, "!aide", "Commandes disponibles")
    assert "**Accès des agents**" in staff_menu and "`!approve @agent" in staff_menu
    assert "`!quota @agent N [jetons]`" in staff_menu
    assert "!nouveau" not in staff_menu


async def test_a_group_room_hears_that_the_bot_answers_mentions_only(
    make_agent: MakeAgent, make_bot: MakeBot
) -> None:
    bot = await make_bot()
    alice, bob = await make_agent("alice"), await make_agent("bob")
    group = await alice.create_group([bob.user_id, bot.user_id], name="Équipe")
    greeting = await alice.wait_for_text(group, "me mentionnent")
    assert greeting.encrypted and greeting.sender == bot.user_id
    after = len(alice.messages(group))
    await alice.send_text(group, f"{bot.user_id}: !aide", mentions=[bot.user_id])
    menu = await alice.wait_for_text(group, "Commandes disponibles", after=after)
    assert "je réponds seulement aux messages qui me mentionnent" in menu.body
