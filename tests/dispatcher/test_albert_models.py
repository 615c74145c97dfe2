"""Albert's models and footprint at dispatcher level: !modeles with ids and aliases, a model
chosen by its alias, the context sized by the model's window, images for a vision model, and
the cost and carbon of each answer in !quota and !stats. The fake model serves /v1/models and
the usage as OpenGateLLM does (see tests/unit/test_albert_models.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from devtools.fake_llm import FakeLLM
from handlers.models import texts as models_texts
from handlers.stats import texts as stats_texts
from tests import docgen
from tests.harness import ALICE, BOB, Harness, dispatcher_config, fake_matrix, running_dispatcher
from tests.unit.test_albert_models import ALBERT_MODELS, USAGE_NOW

NBSP = "\u00a0"
# The configuration names the default model by its alias, as operators copy it from Albert's docs.
DEFAULT_ALIAS = "mistralai/Mistral-Small-3.2-24B-Instruct-2506"


@pytest.fixture
async def albert() -> AsyncIterator[FakeLLM]:
    server = FakeLLM(
        models=ALBERT_MODELS,
        usage_extra={"cost": USAGE_NOW["cost"], "impacts": USAGE_NOW["impacts"]},
    )
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def harness(tmp_path: Path, albert: FakeLLM) -> AsyncIterator[Harness]:
    config = dispatcher_config(
        tmp_path,
        albert.base_url,
        # The smallest configured budget: only a model's own window lets more history through.
        llm={"model": DEFAULT_ALIAS, "context_budget": 256, "max_tokens": 1024},
        attachments={"vision": False, "ocr": True},
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        yield Harness(dispatcher, fake_matrix(dispatcher), albert)


async def ask(h: Harness, text: str, **kwargs: Any) -> str:
    await h.send(text, **kwargs)
    await h.settle()
    return h.replies(kwargs.get("room", "!dm-alice"))[-1]


async def test_modeles_lists_ids_and_aliases_and_marks_the_configured_one(
    harness: Harness,
) -> None:
    listing = await ask(harness, "!modeles")
    lines = listing.splitlines()
    [large] = [line for line in lines if "`albert-large`" in line]
    [small] = [line for line in lines if "`albert-small`" in line]
    # The configuration names the alias; the id's line is the current one.
    assert f"`{DEFAULT_ALIAS}`" in large and "actuel" in large and "par défaut" in large
    assert "`meta-llama/Llama-3.1-8B-Instruct`" in small and "actuel" not in small
    # OCR, embeddings, speech and rerank models are not chat models.
    for other in ("mistral-ocr", "embeddings-small", "audio-large", "rerank-small"):
        assert other not in listing


async def test_a_model_is_chosen_by_its_alias(harness: Harness) -> None:
    reply = await ask(harness, "!modele meta-llama/Llama-3.1-8B-Instruct")
    assert reply == models_texts.model_chosen("albert-small")
    await ask(harness, "Bonjour")
    assert harness.llm.chat_requests()[-1]["model"] == "albert-small"
    listing = await ask(harness, "!modele")
    [small] = [line for line in listing.splitlines() if "`albert-small`" in line]
    assert "actuel" in small
    # The default, named by its id, is "no choice": the agent follows the configuration.
    await ask(harness, "!modele albert-large")
    user = await harness.services.users.get(ALICE)
    assert user is not None and user.model is None


async def test_the_context_is_sized_by_the_models_window(harness: Harness) -> None:
    turn = "Voici un long passage du dossier. " * 60  # about 700 estimated tokens a turn
    for n in range(4):
        await ask(harness, f"{n} {turn}")
    # 128k tokens on albert-large: the whole conversation goes, though the config says 256.
    sent = harness.llm.chat_requests()[-1]["messages"]
    assert [m["role"] for m in sent] == ["system", *["user", "assistant"] * 3, "user"]


async def test_a_server_without_a_window_keeps_the_configured_budget(
    tmp_path: Path, fake_llm: FakeLLM
) -> None:
    config = dispatcher_config(tmp_path, fake_llm.base_url, llm={"context_budget": 256})
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        turn = "Voici un long passage du dossier. " * 60
        for n in range(3):
            await ask(h, f"{n} {turn}")
        sent = fake_llm.chat_requests()[-1]["messages"]
        assert [m["role"] for m in sent] == ["system", "user"]


async def test_an_image_goes_to_a_vision_model_without_the_vision_option(
    harness: Harness,
) -> None:
    url = harness.matrix.media.add("1-schema.png", docgen.png())
    media = {"url": url, "file": None, "mimetype": "image/png", "size": 0, "filename": "s.png"}
    await harness.feed("Que montre ce schéma ?", msgtype="m.image", media=media)
    await harness.settle()
    [request] = harness.llm.chat_requests()
    parts = request["messages"][-1]["content"]
    assert parts[1]["type"] == "image_url"
    assert [r for r in harness.llm.requests if r.path == "/v1/ocr"] == []


async def test_footprint_is_stored_per_answer_and_shown_in_quota_and_stats(
    harness: Harness,
) -> None:
    await harness.services.rooms.upsert("!support", "support", None)
    await ask(harness, "Bonjour")
    await ask(harness, "Et ensuite ?")
    rows = await harness.services.db.fetchall(
        "SELECT cost, kwh, kgco2eq FROM messages WHERE role = 'assistant'"
    )
    assert [tuple(r) for r in rows] == [(0.000675, 0.000412, 0.000021)] * 2
    quota = await ask(harness, "!quota")
    # Two answers: 0.00135 €, 0.824 Wh, 0.042 g CO2eq.
    amounts = f"0,0014{NBSP}€ · 0,82{NBSP}Wh · 0,042{NBSP}g{NBSP}CO2eq"
    assert f"- empreinte{NBSP}: {amounts}" in quota
    assert f"(2 requêtes au modèle){NBSP}: {amounts}" in quota
    await ask(harness, "!stats", room="!support", sender=BOB, members=5)  # then its chart
    [stats] = [r for r in harness.replies("!support") if "Statistiques" in r]
    _, impacts = stats.split(stats_texts.FOOTPRINT_HEADER)
    assert impacts.strip().splitlines()[2:] == [
        f"| **total** | 2 | {amounts} |",
        f"| agent.interieur.tchap.gouv.fr / interieur.gouv.fr | 2 | {amounts} |",
    ]
    await ask(harness, "!stats export", room="!support", sender=BOB, members=5)
    [(_, _, data)] = list(harness.matrix.files.values())
    exported = {r["ministry"]: r for r in csv.DictReader(io.StringIO(data.decode()))}
    assert exported["total"]["footprint_requests"] == "2"
    assert float(exported["total"]["co2eq_kg"]) == pytest.approx(0.000042)


async def test_no_footprint_is_shown_when_the_server_reports_none(
    tmp_path: Path, fake_llm: FakeLLM
) -> None:
    config = dispatcher_config(tmp_path, fake_llm.base_url)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        h = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
        await ask(h, "Bonjour")
        quota = await ask(h, "!quota")
        assert "empreinte" not in quota
        await h.services.rooms.upsert("!support", "support", None)
        await ask(h, "!stats", room="!support", sender=BOB, members=5)  # then its chart
        [stats] = [r for r in h.replies("!support") if "Statistiques" in r]
        assert stats_texts.FOOTPRINT_HEADER not in stats
