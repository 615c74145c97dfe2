"""Albert's models and footprint with the real bot on a real Synapse, in an encrypted DM: the
configured model named by its alias is the current one in !modeles, and the cost and carbon
that Albert reports with each answer reach the agent's !quota."""

from __future__ import annotations

from devtools.fake_llm import FakeLLM, Reply
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_access import send_and_wait
from tests.integration.test_bot import ask, open_dm
from tests.unit.test_albert_models import ALBERT_MODELS, USAGE_NOW

NBSP = "\u00a0"
ALIAS = "mistralai/Mistral-Small-3.2-24B-Instruct-2506"


async def test_models_by_alias_and_footprint_in_quota(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    # The fake serves Albert's listing and Albert's usage (cost, impacts).
    fake_llm.models = list(ALBERT_MODELS)
    fake_llm.usage_extra = {"cost": USAGE_NOW["cost"], "impacts": USAGE_NOW["impacts"]}
    bot = await make_bot(llm={"model": ALIAS})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)

    listing = await send_and_wait(agent, room, "!modeles", lambda m: "albert-large" in m.body)
    [large] = [line for line in listing.body.splitlines() if "albert-large" in line]
    assert ALIAS in large and "actuel" in large
    assert "mistral-ocr" not in listing.body

    fake_llm.enqueue(Reply(text="Bonjour, que puis-je faire ?"))
    await ask(agent, room, "Bonjour", "Bonjour, que puis-je faire ?")
    assert fake_llm.chat_requests()[-1]["model"] == ALIAS

    quota = await send_and_wait(agent, room, "!quota", lambda m: "consommation" in m.body)
    amounts = f"0,00068{NBSP}€ · 0,41{NBSP}Wh · 0,021{NBSP}g{NBSP}CO2eq"
    assert f"empreinte{NBSP}: {amounts}" in quota.body
    assert f"(1 requête au modèle){NBSP}: {amounts}" in quota.body
