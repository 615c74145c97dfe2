"""Whole-document summaries at dispatcher level: the real routers, quota, fair queue and SQLite,
a fake Matrix port and the fake model. The deadline, a model failure, `!resumer N`, and a
summary cancelled while it reads (shutdown)."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts as bot_texts
from devtools.fake_llm import FakeLLM, Reply, last_user_message
from handlers.access.policy import access_of
from handlers.attachments import texts
from tests import docgen
from tests.harness import ALICE, dispatcher_config, fake_matrix, running_dispatcher
from tests.harness import Harness as SharedHarness

_ids = itertools.count(1)
_PAGE_TAG = re.compile(r"\[p\.\u00a0(\d+)\]")


class Harness(SharedHarness):
    async def send_file(self, name: str, data: bytes, caption: str | None = None) -> None:
        url = self.matrix.media.add(f"{next(_ids)}-{name}", data)
        media = {
            "url": url,
            "file": None,
            "mimetype": "application/pdf",
            "size": len(data),
            "filename": name,
        }
        await self.feed(caption or name, room="!dm", msgtype="m.file", media=media)
        await self.settle()

    async def ask(self, text: str) -> None:
        await self.feed(text, room="!dm")
        await self.settle()

    def replies(self, room: str = "!dm") -> list[str]:
        return [m.final_body for m in self.matrix.in_room(room)]


class Model:
    """Map calls answer with the pages they read; the final answer names its parts."""

    def __init__(self) -> None:
        self.map_pages: list[list[int]] = []

    def __call__(self, messages: list[dict[str, Any]]) -> str:
        system = str(messages[0].get("content", ""))
        user = last_user_message(messages)
        if system == texts.SUMMARY_MAP_INSTRUCTIONS:
            pages = sorted({int(n) for n in _PAGE_TAG.findall(user)})
            self.map_pages.append(pages)
            return f"Pages {pages[0]} à {pages[-1]}."
        if system == texts.SUMMARY_MERGE_INSTRUCTIONS:
            return "Fusion."
        if "<resumes>" in user:
            return "Synthèse."
        return "Réponse."


def _harness_config(tmp_path: Path, url: str, **attachments: Any) -> Any:
    return dispatcher_config(
        tmp_path,
        url,
        support={"room": ""},
        attachments={"summary_batch_chars": 4000, "summary_parallel": 1, **attachments},
    )


@pytest.fixture
async def model(fake_llm: FakeLLM) -> Model:
    found = Model()
    fake_llm.responder = found
    return found


@pytest.fixture
async def harness(tmp_path: Path, fake_llm: FakeLLM, model: Model) -> AsyncIterator[Harness]:
    config = _harness_config(tmp_path, fake_llm.base_url)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        yield Harness(dispatcher, fake_matrix(dispatcher), fake_llm)


async def test_summary_command_picks_a_document_and_checks_its_number(
    harness: Harness, model: Model
) -> None:
    await harness.send_file("premier.pdf", docgen.long_pdf(6))
    await harness.send_file("second.pdf", docgen.long_pdf(3))
    await harness.ask("!resumer 7")
    assert harness.replies()[-1] == texts.bad_document_number(2)
    await harness.ask("!résumer 1")
    final = harness.replies()[-1]
    assert final.startswith("Synthèse.")
    assert texts.summary_footer("premier.pdf", 6, len(model.map_pages)) in final
    assert sorted(p for pages in model.map_pages for p in pages) == list(range(1, 7))
    # The question kept in the conversation names the document.
    conversation = await harness.services.conversations.current("!dm")
    assert conversation is not None
    history = await harness.services.conversations.messages(conversation.id)
    assert history[-2].content == texts.summary_question("premier.pdf")


async def test_a_summary_of_the_pages_asked_for(harness: Harness, model: Model) -> None:
    await harness.send_file("rapport.pdf", docgen.long_pdf(12))
    await harness.ask("Résume les pages 4 à 7")
    final = harness.replies()[-1]
    assert sorted(p for pages in model.map_pages for p in pages) == [4, 5, 6, 7]
    assert texts.summary_footer("rapport.pdf", 4, len(model.map_pages), "p.\u00a04–7") in final
    await harness.ask("Résume les pages 40 à 50")
    assert harness.replies()[-1] == texts.pages_not_found("p.\u00a040–50", 12)


async def test_without_a_document_the_request_is_an_ordinary_question(
    harness: Harness, model: Model
) -> None:
    await harness.ask("Résume ce document")
    assert harness.replies() == ["Réponse."]
    assert model.map_pages == []


async def test_a_model_failure_while_reading_fails_the_answer_and_retry_works(
    harness: Harness, model: Model, fake_llm: FakeLLM
) -> None:
    await harness.send_file("rapport.pdf", docgen.long_pdf(10))
    fake_llm.enqueue(Reply(text="Pages lues."), *[Reply(fail="http500")] * 3)  # 2 retries
    before = await access_of(harness.services).repo.usage_since(ALICE, "")
    await harness.ask("Résume ce document")
    failed = harness.replies()[-1]
    assert failed.startswith(bot_texts.llm_failure("X")[:30])
    after = await access_of(harness.services).repo.usage_since(ALICE, "")
    assert after.messages - before.messages == 1  # the one batch read is counted
    assert after.tokens > before.tokens
    model.map_pages.clear()
    await harness.ask("!reessayer")
    assert harness.replies()[-1].startswith("Synthèse.")
    assert sorted(p for pages in model.map_pages for p in pages) == list(range(1, 11))


async def test_the_deadline_gives_a_partial_summary_that_says_which_pages(
    tmp_path: Path, fake_llm: FakeLLM, model: Model
) -> None:
    fake_llm.default_ttft = 0.4
    config = _harness_config(tmp_path, fake_llm.base_url, summary_deadline=1.0)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        harness = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        await harness.send_file("rapport.pdf", docgen.long_pdf(20))
        await harness.ask("Résume ce document")
        final = harness.replies()[-1]
    assert final.startswith("Synthèse.")
    read = sorted(p for pages in model.map_pages for p in pages)
    assert read and read == list(range(1, read[-1] + 1)) and read[-1] < 20
    assert "⚠️ Résumé partiel de «\u00a0rapport.pdf\u00a0»" in final
    # The pages of the calls answered in time (the one in flight at the deadline is not).
    shown = re.search(r"lues\u00a0: p\.\u00a01–(\d+) sur 20 pages\.", final)
    assert shown is not None, final
    assert int(shown.group(1)) in [pages[-1] for pages in model.map_pages]
    assert int(shown.group(1)) < 20


async def test_a_summary_cancelled_while_reading_stops_its_calls_and_counts_what_was_read(
    tmp_path: Path, fake_llm: FakeLLM, model: Model
) -> None:
    fake_llm.default_ttft = 0.3
    config = _harness_config(tmp_path, fake_llm.base_url)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        harness = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        await harness.send_file("rapport.pdf", docgen.long_pdf(30))
        before = await access_of(harness.services).repo.usage_since(ALICE, "")
        requests = len(fake_llm.chat_requests())
        await harness.feed("Résume ce document", room="!dm")
        # One call at a time: the third request arrives once two batches are read.
        await fake_llm.wait_for_requests(requests + 3)
        await dispatcher.shutdown(0)  # what a stop or a restart does to the answer in flight
        sent = len(fake_llm.chat_requests())
        after = await access_of(harness.services).repo.usage_since(ALICE, "")
        await asyncio.sleep(0.5)
        assert len(fake_llm.chat_requests()) == sent  # nothing more was asked
        assert dispatcher.services.llm_queue.active == 0  # every slot given back
    assert after.messages - before.messages == 1 and after.tokens > before.tokens
    assert len(model.map_pages) < 15  # it did not read on


async def test_stop_while_reading_ends_the_summary_at_once(
    tmp_path: Path, fake_llm: FakeLLM, model: Model
) -> None:
    fake_llm.default_ttft = 0.3
    config = _harness_config(tmp_path, fake_llm.base_url)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        harness = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        await harness.send_file("rapport.pdf", docgen.long_pdf(30))
        before = await access_of(harness.services).repo.usage_since(ALICE, "")
        requests = len(fake_llm.chat_requests())
        await harness.feed("Résume ce document", room="!dm")
        await fake_llm.wait_for_requests(requests + 3)
        await harness.feed("!stop", room="!dm")
        await harness.settle()
        sent = len(fake_llm.chat_requests())
        final = harness.replies()[-1]
        after = await access_of(harness.services).repo.usage_since(ALICE, "")
        assert dispatcher.services.llm_queue.active == 0
    assert final.endswith(bot_texts.ANSWER_STOPPED)
    assert sent < requests + 6  # the reading did not go on after the stop
    assert after.messages - before.messages == 1 and after.tokens > before.tokens


async def test_the_reading_counts_in_the_daily_tokens_and_is_refused_once_over(
    tmp_path: Path, fake_llm: FakeLLM, model: Model
) -> None:
    config = _harness_config(tmp_path, fake_llm.base_url)
    config.limits.tokens_per_day = 3000  # one summary of 12 pages goes over it
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        harness = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        await harness.send_file("rapport.pdf", docgen.long_pdf(12))
        await harness.ask("Résume ce document")
        assert harness.replies()[-1].startswith("Synthèse.")
        used = await access_of(harness.services).repo.usage_since(ALICE, "")
        assert used.tokens > 3000  # the map calls count: the final answer alone is far less
        requests = len(fake_llm.chat_requests())
        await harness.ask("Résume ce document")
        assert harness.replies()[-1].startswith("⏸️ Vous avez atteint votre limite de 3000 jetons")
        assert len(fake_llm.chat_requests()) == requests  # refused before any model call
