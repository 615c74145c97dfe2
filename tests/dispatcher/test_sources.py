"""Official sources at dispatcher level: the real routers and SQLite, a fake Matrix port, the
fake model, and the fake RAG service on loopback."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import citations
from devtools.fake_llm import FakeLLM, Reply
from devtools.fake_rag import FakeRAG
from devtools.web_pages import WebPages
from handlers.sources import texts
from tests.harness import Harness, dispatcher_config, fake_matrix, running_dispatcher
from tests.web_helpers import loopback_only, pages

__all__ = ["loopback_only", "pages"]  # fixtures

FICHE = {
    "title": "Congé de maternité",
    "url": "https://www.service-public.fr/particuliers/vosdroits/F2265",
}


@pytest.fixture
async def rag() -> AsyncIterator[FakeRAG]:
    server = FakeRAG(api_key="test")  # the model server's key: the harness's llm.api_key
    await server.start()
    server.add_collection(7, "service-public")
    server.add_document(
        7, "F2265", ["Le congé de maternité dure seize semaines pour un premier enfant."], FICHE
    )
    server.add_document(7, "F1", ["Le congé parental se demande à l'employeur."], None)
    yield server
    await server.stop()


def _config(tmp_path: Path, fake_llm: FakeLLM, rag: FakeRAG, **sections: dict[str, Any]) -> Any:
    return dispatcher_config(
        tmp_path,
        fake_llm.base_url,
        sources={"base_url": rag.base_url, "collections": [7], "k": 3, **sections.pop("s", {})},
        privacy={"ner": "off"},
        **sections,
    )


@pytest.fixture
async def grounded(tmp_path: Path, fake_llm: FakeLLM, rag: FakeRAG) -> AsyncIterator[Harness]:
    config = _config(tmp_path, fake_llm, rag)
    async with running_dispatcher(config, tmp_path / "grounded.sqlite3") as dispatcher:
        yield Harness(dispatcher, fake_matrix(dispatcher), fake_llm)


async def _ask(h: Harness, text: str) -> str:
    await h.send(text)
    await h.settle()
    return h.replies()[-1]


async def test_not_configured(harness: Harness) -> None:
    assert await _ask(harness, "!officiel Congé ?") == texts.NOT_CONFIGURED
    assert await _ask(harness, "!sources publiques on") == texts.ON_NOT_CONFIGURED
    assert await _ask(harness, "!sources publiques") == texts.NOT_CONFIGURED


async def test_switch_on_question_answered_with_numbered_sources_then_off(
    grounded: Harness, rag: FakeRAG, fake_llm: FakeLLM
) -> None:
    h = grounded
    assert await _ask(h, "!sources publiques activer") == texts.ON
    fake_llm.enqueue(Reply(text="Seize semaines [1]."))
    answer = await _ask(h, "Combien dure le congé de maternité ?")
    # The search: the current request shape, the configured collections and k, the key.
    [search] = rag.searches()
    assert search == {
        "query": "Combien dure le congé de maternité ?",
        "collection_ids": [7],
        "limit": 3,
        "method": "semantic",
    }
    [request] = [r for r in rag.requests if r.path == "/v1/search"]
    assert request.headers["Authorization"] == "Bearer test"
    # The model: numbered excerpts before the question, the rules in the system prompt.
    messages = fake_llm.chat_requests()[-1]["messages"]
    assert texts.MATERIAL_RULES in messages[0]["content"]
    user = messages[-1]["content"]
    head = texts.material(1, FICHE["url"], "Congé de maternité", "", False).split("\n")[0]
    assert user.startswith(head + "\n")
    assert "seize semaines" in user
    assert "<<<SOURCE OFFICIELLE 2 — «\u00a0Document" in user  # no metadata: still numbered
    assert user.endswith("Combien dure le congé de maternité ?")
    # The agent: the answer, then its numbered sources with their links.
    assert answer.startswith("Seize semaines [1].\n\n**Sources**\n")
    assert f"- [1] [Congé de maternité]({FICHE['url']}) — service-public.fr" in answer
    assert "- [2] Document " in answer
    # !sources (the web feature's command) lists them too.
    listed = await _ask(h, "!sources")
    assert f"[1] [Congé de maternité]({FICHE['url']})" in listed
    # Off: no more searches.
    assert await _ask(h, "!sources publiques desactiver") == texts.OFF
    answer = await _ask(h, "Et le congé parental ?")
    assert len(rag.searches()) == 1
    assert "**Sources**" not in answer
    assert "SOURCE OFFICIELLE" not in fake_llm.chat_requests()[-1]["messages"][-1]["content"]


async def test_one_question_with_officiel(
    grounded: Harness, rag: FakeRAG, fake_llm: FakeLLM
) -> None:
    fake_llm.enqueue(Reply(text="Seize semaines [1]."))
    answer = await _ask(grounded, "!officiel congé de maternité https://exemple.fr/x")
    assert [s["query"] for s in rag.searches()] == ["congé de maternité"]  # links left out
    assert "[1] [Congé de maternité]" in answer
    # The next message is not grounded: the agent did not switch it on.
    await _ask(grounded, "Merci !")
    assert len(rag.searches()) == 1
    assert await _ask(grounded, "!officiel") == texts.USAGE


async def test_status_lists_the_collections(grounded: Harness) -> None:
    shown = await _ask(grounded, "!sources publiques")
    assert shown == texts.status(False, texts.collection_line("service-public", 2))


@pytest.mark.parametrize("failure", ["http500", "http403", "malformed", "huge", "disconnect"])
async def test_a_failing_service_costs_the_sources_not_the_answer(
    grounded: Harness, rag: FakeRAG, fake_llm: FakeLLM, failure: str
) -> None:
    rag.fail(failure)
    fake_llm.enqueue(Reply(text="Réponse sans sources."))
    answer = await _ask(grounded, "!officiel congé de maternité")
    assert answer == "Réponse sans sources.\n\n" + texts.FAILED
    assert texts.NOT_CONSULTED_NOTE in fake_llm.chat_requests()[-1]["messages"][0]["content"]


async def test_a_hanging_service_is_given_up(
    tmp_path: Path, fake_llm: FakeLLM, rag: FakeRAG
) -> None:
    config = _config(tmp_path, fake_llm, rag, s={"timeout": 0.5})
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        rag.fail("hang")
        started = time.monotonic()
        answer = await _ask(h, "!officiel congé de maternité")
        assert answer.endswith(texts.FAILED)
        assert time.monotonic() - started < 5


async def test_nothing_found(grounded: Harness, rag: FakeRAG, fake_llm: FakeLLM) -> None:
    fake_llm.enqueue(Reply(text="Je ne sais pas."))
    answer = await _ask(grounded, "!officiel xylophone")
    assert answer == "Je ne sais pas.\n\n" + texts.NO_RESULTS
    assert texts.NO_RESULTS_NOTE in fake_llm.chat_requests()[-1]["messages"][0]["content"]


async def test_web_pages_and_official_excerpts_share_one_numbering(
    tmp_path: Path, fake_llm: FakeLLM, rag: FakeRAG, pages: WebPages
) -> None:
    config = _config(
        tmp_path,
        fake_llm,
        rag,
        web={"allow_private_addresses": True},
        s={"auto_default": True},
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        fake_llm.enqueue(Reply(text="Voir [1] et [2]."))
        answer = await _ask(h, f"Le congé de maternité selon {pages.url('/page/1')} ?")
        user = fake_llm.chat_requests()[-1]["messages"][-1]["content"]
        assert "<<<PAGE WEB 1 " in user and "<<<SOURCE OFFICIELLE 2 " in user
        assert "<<<SOURCE OFFICIELLE 1 " not in user
        footer = answer.split("\n\n", 1)[1]
        assert footer.startswith(citations.SOURCES_HEADER + "\n- [1] [Page numéro 1](")
        assert f"\n- [2] [Congé de maternité]({FICHE['url']})" in footer
        assert answer.count(citations.SOURCES_HEADER) == 1


async def test_start_checks_the_configured_collections(
    tmp_path: Path, fake_llm: FakeLLM, rag: FakeRAG, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.app import make_core
    from bot.context import Extensions, Services
    from bot.llm import LLMClient
    from handlers import sources
    from storage.db import Database
    from tests.fakes import FakeMatrix
    from tests.harness import fixed_clock

    config = _config(tmp_path, fake_llm, rag, s={"collections": [7, 99]})
    llm = LLMClient(config.llm)
    async with Database(tmp_path / "db.sqlite3") as db:
        core = make_core(config, db, FakeMatrix(), llm, fixed_clock)
        feature = sources.setup(core, config.sources)
        assert feature.synced is not None and feature.close is not None
        with caplog.at_level("INFO", logger="handlers.sources"):
            await feature.synced(Services.of(core, Extensions(), {}))
        await feature.close()
    await llm.close()
    assert "official sources: collection 7 'service-public'" in caplog.text
    assert "sources.collections: 99 is not a public collection" in caplog.text
    assert [r.path for r in rag.requests] == ["/v1/collections"]


async def test_help_offers_officiel_only_when_configured(
    harness: Harness, grounded: Harness
) -> None:
    assert "!officiel" not in await _ask(harness, "!aide")
    assert "!officiel" in await _ask(grounded, "!aide")
