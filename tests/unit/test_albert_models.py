"""Models as Albert (OpenGateLLM) lists them, the context budget they allow, and the footprint
Albert reports with each answer: parsed from payloads shaped as OpenGateLLM's schemas write
them (api/infrastructure/fastapi/schemas/models.py, api/domain/usage/entities.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import context_budget
from bot.config import LLMConfig
from bot.llm import (
    Footprint,
    LLMClient,
    ModelInfo,
    find_model,
    parse_footprint,
    parse_model,
)
from bot.texts import footprint, french_decimal
from devtools.fake_llm import FakeLLM

COSTS = {"prompt_tokens": 0.3, "completion_tokens": 0.9}

# GET /v1/models on Albert: every field OpenGateLLM's `Model` response carries.
ALBERT_MODELS: list[dict[str, Any]] = [
    {
        "object": "model",
        "id": "albert-large",
        "type": "image-text-to-text",
        "aliases": ["mistralai/Mistral-Small-3.2-24B-Instruct-2506"],
        "created": 1_735_689_600,
        "owned_by": "Albert API",
        "max_context_length": 128_000,
        "costs": COSTS,
    },
    {
        "object": "model",
        "id": "albert-small",
        "type": "text-generation",
        "aliases": ["meta-llama/Llama-3.1-8B-Instruct"],
        "created": 1_735_689_600,
        "owned_by": "Albert API",
        "max_context_length": 32_000,
        "costs": COSTS,
    },
    {
        "object": "model",
        "id": "mistral-ocr-2505",
        "type": "image-to-text",
        "aliases": [],
        "created": 1_735_689_600,
        "owned_by": "Albert API",
        "max_context_length": None,
        "costs": COSTS,
    },
    {
        "object": "model",
        "id": "embeddings-small",
        "type": "text-embeddings-inference",
        "aliases": ["BAAI/bge-m3"],
        "created": 1_735_689_600,
        "owned_by": "Albert API",
        "max_context_length": 8192,
        "costs": COSTS,
    },
    {
        "object": "model",
        "id": "audio-large",
        "type": "automatic-speech-recognition",
        "aliases": ["openai/whisper-large-v3"],
        "created": 1_735_689_600,
        "owned_by": "Albert API",
        "max_context_length": None,
        "costs": COSTS,
    },
    {
        "object": "model",
        "id": "rerank-small",
        "type": "text-classification",
        "aliases": ["BAAI/bge-reranker-v2-m3"],
        "created": 1_735_689_600,
        "owned_by": "Albert API",
        "max_context_length": 8192,
        "costs": COSTS,
    },
]


def test_albert_listing_keeps_chat_models_with_their_aliases_and_context() -> None:
    models = [m for m in map(parse_model, ALBERT_MODELS) if m is not None]
    assert models == [
        ModelInfo(
            "albert-large",
            "image-text-to-text",
            ("mistralai/Mistral-Small-3.2-24B-Instruct-2506",),
            128_000,
            vision=True,
        ),
        ModelInfo(
            "albert-small", "text-generation", ("meta-llama/Llama-3.1-8B-Instruct",), 32_000
        ),
    ]


def test_ocr_models_are_not_chat_models() -> None:
    assert parse_model({"id": "mistral-ocr-2505", "type": "image-to-text"}) is None


def test_other_servers_models() -> None:
    # vLLM: no type, its window as max_model_len.
    assert parse_model({"id": "qwen", "object": "model", "max_model_len": 32768}) == ModelInfo(
        "qwen", None, (), 32768
    )
    # Ollama, llama.cpp: an id only.
    assert parse_model({"id": "llama3.2:latest", "object": "model"}) == ModelInfo(
        "llama3.2:latest", None
    )
    # Mistral's API: `type` is "base"; `capabilities` says chat and vision.
    pixtral = {
        "id": "pixtral-large-2411",
        "type": "base",
        "capabilities": {"completion_chat": True, "vision": True},
        "aliases": ["pixtral-large-latest"],
        "max_context_length": 131072,
    }
    assert parse_model(pixtral) == ModelInfo(
        "pixtral-large-2411", "base", ("pixtral-large-latest",), 131072, vision=True
    )
    embed = {"id": "mistral-embed", "type": "base", "capabilities": {"completion_chat": False}}
    assert parse_model(embed) is None


@pytest.mark.parametrize(
    "item",
    [
        {"id": ""},
        {"id": 12},
        {"id": "x" * 500},
        {},
    ],
)
def test_entries_without_a_usable_id_are_skipped(item: dict[str, Any]) -> None:
    assert parse_model(item) is None


def test_hostile_fields_are_bounded() -> None:
    item = {
        "id": "m",
        "aliases": ["m", "a", "a", 3, None, "x" * 500, *[f"b{i}" for i in range(100)]],
        "max_context_length": True,
    }
    info = parse_model(item)
    assert info is not None
    assert info.aliases[:2] == ("a", "b0") and len(info.aliases) < 20
    assert info.max_context_length is None
    assert parse_model({"id": "m", "max_context_length": -5}) == ModelInfo("m", None)
    assert parse_model({"id": "m", "max_context_length": "128000"}) == ModelInfo("m", None)


def test_a_model_is_found_by_id_or_alias() -> None:
    models = [m for m in map(parse_model, ALBERT_MODELS) if m is not None]
    by_alias = find_model(models, "MISTRALAI/Mistral-Small-3.2-24B-Instruct-2506")
    assert by_alias is not None and by_alias.id == "albert-large"
    by_id = find_model(models, " albert-small ")
    assert by_id is not None and by_id.id == "albert-small"
    assert find_model(models, "mistral-ocr-2505") is None
    assert find_model(models, "albert") is None


def test_budget_from_the_models_window() -> None:
    # 128k window, 2,048 for the answer, a 15 % margin for the template and the estimate.
    assert context_budget(128_000, 2048, 6000) == 128_000 - 2048 - 19_200
    assert context_budget(8192, 2048, 6000) == 8192 - 2048 - 1228
    # The server does not say: the configured budget.
    assert context_budget(None, 2048, 6000) == 6000
    # A window smaller than the answer keeps the configured floor.
    assert context_budget(1000, 2048, 6000) == 256


# The usage Albert adds to a chat completion (and in its own last stream chunk) today…
USAGE_NOW = {
    "prompt_tokens": 1200,
    "completion_tokens": 350,
    "total_tokens": 1550,
    "prompt_tokens_details": {"cached_tokens": 0},
    "cost": 0.000675,
    "impacts": {"kWh": 0.000412, "kgCO2eq": 0.000021},
}
# …and before 2026, as a {min, max} range.
USAGE_2025 = {
    "prompt_tokens": 1200,
    "completion_tokens": 350,
    "total_tokens": 1550,
    "cost": 0.000675,
    "carbon": {
        "kWh": {"min": 0.0003, "max": 0.0005},
        "kgCO2eq": {"min": 0.00001, "max": 0.00003},
    },
    "requests": 1,
}


def test_footprint_of_todays_albert() -> None:
    assert parse_footprint(USAGE_NOW) == Footprint(0.000675, 0.000412, 0.000021)


def test_footprint_of_albert_in_2025() -> None:
    found = parse_footprint(USAGE_2025)
    assert found is not None
    assert found.cost == 0.000675
    assert found.kwh == pytest.approx(0.0004)
    assert found.kgco2eq == pytest.approx(0.00002)


def test_no_footprint_from_other_servers_or_garbage() -> None:
    assert parse_footprint({"prompt_tokens": 3, "completion_tokens": 4}) is None
    assert parse_footprint({"cost": "1", "impacts": {"kWh": True, "kgCO2eq": -1}}) is None
    assert parse_footprint({"impacts": "x", "carbon": [1]}) is None


def test_footprint_is_written_in_readable_units() -> None:
    nbsp = "\u00a0"
    assert footprint(0.000675, 0.000412, 0.000021) == (
        f"0,00068{nbsp}€ · 0,41{nbsp}Wh · 0,021{nbsp}g{nbsp}CO2eq"
    )
    assert footprint(12.5, 3.25, 1.5) == (f"12,5{nbsp}€ · 3,25{nbsp}kWh · 1,5{nbsp}kg{nbsp}CO2eq")
    assert footprint(0, 0, 0) == f"0{nbsp}€ · 0{nbsp}Wh · 0{nbsp}g{nbsp}CO2eq"
    assert french_decimal(1234.5) == "1\u202f234"


@pytest.fixture
async def albert() -> AsyncIterator[FakeLLM]:
    server = FakeLLM(
        models=ALBERT_MODELS,
        usage_extra={"cost": USAGE_NOW["cost"], "impacts": USAGE_NOW["impacts"]},
    )
    await server.start()
    yield server
    await server.stop()


async def _no_text(text: str) -> None:
    return None


async def test_client_lists_albert_models_and_reads_the_footprint(albert: FakeLLM) -> None:
    config = LLMConfig.model_validate({"base_url": albert.base_url, "retry_backoff": 0})
    client = LLMClient(config)
    try:
        models = await client.list_models()
        assert [m.id for m in models] == ["albert-large", "albert-small"]
        info = await client.model_info("meta-llama/Llama-3.1-8B-Instruct")
        assert info is not None and info.max_context_length == 32_000
        completion = await client.stream_chat(
            [{"role": "user", "content": "Bonjour"}], "albert-small", _no_text
        )
        assert completion.footprint == Footprint(0.000675, 0.000412, 0.000021)
    finally:
        await client.close()


# Whatever a "compatible" server puts in its listing or its usage, parsing neither raises nor
# keeps more than the bounds allow.
_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.text(min_size=195, max_size=205)
)
_JSON = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=25) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)
_KEYS = st.sampled_from(
    ["id", "type", "aliases", "max_context_length", "max_model_len", "capabilities", "object"]
)
_USAGE_KEYS = st.sampled_from(["cost", "impacts", "carbon", "kWh", "kgCO2eq", "min", "max"])


@settings(max_examples=150, deadline=None)
@given(item=st.dictionaries(_KEYS, _JSON))
def test_any_listing_entry_parses_within_bounds(item: dict[str, Any]) -> None:
    info = parse_model(item)
    if info is not None:
        assert 0 < len(info.id) <= 200 and len(info.aliases) <= 20
        assert all(0 < len(a) <= 200 for a in info.aliases)
        assert info.max_context_length is None or 0 < info.max_context_length <= 100_000_000


@settings(max_examples=150, deadline=None)
@given(usage=st.dictionaries(_USAGE_KEYS, _JSON | st.dictionaries(_USAGE_KEYS, _JSON)))
def test_any_usage_parses_to_sane_amounts(usage: dict[str, Any]) -> None:
    found = parse_footprint(usage)
    if found is not None:
        for amount in (found.cost, found.kwh, found.kgco2eq):
            assert amount is None or 0 <= amount < 1e9
            if amount is not None:
                footprint(amount, amount, amount)  # always writable
