"""Official sources end to end: the real bot on the real Synapse, an encrypted DM, the fake
model and the fake RAG service (both on loopback)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest

from devtools.fake_llm import FakeLLM, Reply
from devtools.fake_rag import FakeRAG
from handlers.sources import texts
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import open_dm
from tests.integration.test_web import say, system_turn, user_turn

FICHE = {
    "title": "Congé de maternité",
    "url": "https://www.service-public.fr/particuliers/vosdroits/F2265",
}


@pytest.fixture
async def rag() -> AsyncIterator[FakeRAG]:
    server = FakeRAG(api_key="albert-key")
    await server.start()
    server.add_collection(7, "service-public")
    server.add_document(7, "F2265", ["Le congé de maternité dure seize semaines."], FICHE)
    yield server
    await server.stop()


async def test_public_sources_on_question_cited_then_off(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, rag: FakeRAG
) -> None:
    bot = await make_bot(
        sources={"base_url": rag.base_url, "api_key": "albert-key", "collections": [7], "k": 4}
    )
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    switched = await say(agent, room, bot, "!sources publiques on", "activées")
    assert switched.encrypted and switched.body == texts.ON
    fake_llm.enqueue(Reply(text="Le congé dure seize semaines [1]."))
    answer = await say(agent, room, bot, "Combien dure le congé de maternité ?", "**Sources**")
    assert answer.encrypted
    # The RAG service got the search, in its current shape, with the section's key.
    [search] = rag.searches()
    assert search == {
        "query": "Combien dure le congé de maternité ?",
        "collection_ids": [7],
        "limit": 4,
        "method": "semantic",
    }
    assert rag.requests[-1].headers["Authorization"] == "Bearer albert-key"
    # The model got the numbered excerpt and the rules.
    material = user_turn(fake_llm)
    head = texts.material(1, FICHE["url"], "Congé de maternité", "", False).split("\n")[0]
    assert material.startswith(head + "\n")
    assert "seize semaines" in material and "<<<FIN SOURCE OFFICIELLE 1>>>" in material
    assert texts.MATERIAL_RULES in system_turn(fake_llm)
    # The agent's answer ends with its numbered sources, titles and links.
    assert answer.body.startswith("Le congé dure seize semaines [1].")
    assert answer.body.endswith(
        f"**Sources**\n- [1] [Congé de maternité]({FICHE['url']}) — service-public.fr"
    )
    assert answer.formatted_body is not None and f'href="{FICHE["url"]}"' in (
        answer.formatted_body
    )
    # Off again: the next question is answered without a search.
    await say(agent, room, bot, "!sources publiques off", "désactivées")
    fake_llm.enqueue(Reply(text="Réponse sans sources officielles."))
    plain = await say(agent, room, bot, "Et le congé parental ?", "sans sources officielles")
    assert len(rag.searches()) == 1
    assert "**Sources**" not in plain.body
    assert "SOURCE OFFICIELLE" not in user_turn(fake_llm)


async def test_rag_service_down_or_hanging_answers_without_sources(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, rag: FakeRAG
) -> None:
    bot = await make_bot(
        sources={
            "base_url": rag.base_url,
            "api_key": "albert-key",
            "collections": [7],
            "timeout": 1,
        }
    )
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    rag.fail("hang")
    fake_llm.enqueue(Reply(text="Réponse malgré tout."))
    started = time.monotonic()
    answer = await say(agent, room, bot, "!officiel congé de maternité", texts.FAILED)
    assert answer.body == "Réponse malgré tout.\n\n" + texts.FAILED
    assert time.monotonic() - started < 15
    await rag.stop()  # the service is down
    fake_llm.enqueue(Reply(text="Toujours une réponse."))
    answer = await say(agent, room, bot, "!officiel congé de maternité", texts.FAILED)
    assert answer.body == "Toujours une réponse.\n\n" + texts.FAILED
