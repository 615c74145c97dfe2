"""The fake OpenAI-compatible server, driven by the real openai client."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import openai
import pytest

from bot.config import LLMConfig
from bot.llm import LLMClient, LLMError
from devtools.fake_llm import FakeLLM, Reply


@pytest.fixture
async def server() -> AsyncIterator[FakeLLM]:
    fake = FakeLLM()
    await fake.start()
    yield fake
    await fake.stop()


def client(fake: FakeLLM, timeout: float = 5) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=fake.base_url, api_key="x", max_retries=0, timeout=timeout)


async def stream_text(fake: FakeLLM, **kwargs: object) -> tuple[str, object]:
    api = client(fake)
    stream = await api.chat.completions.create(
        model="m",
        messages=[{"role": "user", "content": "Bonjour"}],
        stream=True,
        stream_options={"include_usage": True},
        **kwargs,  # type: ignore[arg-type]
    )
    text, usage = "", None
    async for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            text += choice.delta.content or ""
    await api.close()
    return text, usage


async def test_streamed_default_answer_with_usage(server: FakeLLM) -> None:
    text, usage = await stream_text(server)
    assert text == "Réponse simulée n°1 : vous avez écrit « Bonjour »."
    assert usage is not None
    [request] = server.chat_requests()
    assert request["messages"] == [{"role": "user", "content": "Bonjour"}]


async def test_scripted_reply_and_time_to_first_token(server: FakeLLM) -> None:
    server.enqueue(Reply(text="Texte prévu.", ttft=0.3))
    started = time.monotonic()
    text, _ = await stream_text(server)
    assert text == "Texte prévu." and time.monotonic() - started >= 0.3


async def test_plain_json_answer(server: FakeLLM) -> None:
    server.enqueue(Reply(text="Sans flux."))
    api = client(server)
    answer = await api.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "x"}]
    )
    await api.close()
    assert answer.choices[0].message.content == "Sans flux."


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        ("http500", openai.InternalServerError),
        ("http429", openai.RateLimitError),
        ("http503", openai.InternalServerError),
        ("disconnect", openai.APIError),
    ],
)
async def test_failures_raise_the_clients_errors(
    server: FakeLLM, failure: str, error: type[Exception]
) -> None:
    server.enqueue(Reply(text="un texte assez long pour être coupé " * 3, fail=failure))
    with pytest.raises(error):
        await stream_text(server)


@pytest.mark.parametrize(("failure", "kind"), [("empty", "empty"), ("malformed", "malformed")])
async def test_empty_and_malformed_streams_are_errors_for_the_bot(
    server: FakeLLM, failure: str, kind: str
) -> None:
    server.enqueue(Reply(text="jamais vu", fail=failure))
    llm = LLMClient(LLMConfig(base_url=server.base_url, retries=0, timeout=5))
    shown: list[str] = []

    async def on_text(text: str) -> None:
        shown.append(text)

    with pytest.raises(LLMError) as raised:
        await llm.stream_chat([{"role": "user", "content": "x"}], "m", on_text)
    await llm.close()
    assert raised.value.kind == kind and shown == []


async def test_a_hanging_request_times_out_and_stop_is_prompt(server: FakeLLM) -> None:
    server.enqueue(Reply(fail="hang"))
    api = client(server, timeout=0.5)
    with pytest.raises(openai.APITimeoutError):
        await api.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    await api.close()
    started = time.monotonic()
    await server.stop()
    assert time.monotonic() - started < 3


async def test_models_mimic_albert(server: FakeLLM) -> None:
    api = client(server)
    page = await api.models.list()
    await api.close()
    types = {m.id: (m.model_extra or {}).get("type") for m in page.data}
    assert types["mistralai/Mistral-Small-3.1-24B-Instruct-2503"] == "text-generation"
    assert types["openai/whisper-large-v3"] == "automatic-speech-recognition"
    assert len(types) == 4
