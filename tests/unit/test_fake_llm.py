"""The fake OpenAI-compatible server, driven by the real openai client over loopback HTTP."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from devtools.fake_llm import FakeLLM, Reply, split_tokens

QUESTION: list[ChatCompletionMessageParam] = [
    {"role": "system", "content": "Tu es l'assistant."},
    {"role": "user", "content": "Bonjour"},
]


@pytest.fixture
async def server() -> AsyncIterator[FakeLLM]:
    fake = FakeLLM()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def api(server: FakeLLM) -> AsyncIterator[openai.AsyncOpenAI]:
    client = openai.AsyncOpenAI(base_url=server.base_url, api_key="x", max_retries=0, timeout=5)
    yield client
    await client.close()


class Streamed:
    def __init__(self) -> None:
        self.text = ""
        self.chunks: list[Any] = []
        self.usage: Any = None
        self.finish_reason: str | None = None
        self.first_content_at: float | None = None


async def stream(api: openai.AsyncOpenAI, into: Streamed | None = None, **kwargs: Any) -> Streamed:
    """Reads a streamed answer the way the bot does; `into` keeps what came before an error."""
    result = into or Streamed()
    response = await api.chat.completions.create(
        model="mistralai/Mistral-Small-3.1-24B-Instruct-2503",
        messages=kwargs.pop("messages", QUESTION),
        stream=True,
        stream_options={"include_usage": True},
        **kwargs,
    )
    async with response:
        async for chunk in response:
            result.chunks.append(chunk)
            if chunk.usage is not None:
                result.usage = chunk.usage
            for choice in chunk.choices or []:
                if choice.delta.content:
                    result.first_content_at = result.first_content_at or time.monotonic()
                    result.text += choice.delta.content
                result.finish_reason = choice.finish_reason or result.finish_reason
    return result


async def test_streamed_default_answer_with_usage(
    server: FakeLLM, api: openai.AsyncOpenAI
) -> None:
    answer = await stream(api)
    assert answer.text == "Réponse simulée n°1 : vous avez écrit « Bonjour »."
    assert answer.finish_reason == "stop"
    assert answer.usage is not None and answer.usage.completion_tokens > 0
    assert answer.usage.total_tokens == answer.usage.prompt_tokens + answer.usage.completion_tokens
    # Small token-like pieces, not the whole answer at once.
    assert len([c for c in answer.chunks if c.choices and c.choices[0].delta.content]) > 5
    [request] = server.chat_requests()
    assert request["messages"] == QUESTION and request["stream"] is True
    [recorded] = [r for r in server.requests if r.path == "/v1/chat/completions"]
    assert recorded.method == "POST" and recorded.headers["Authorization"] == "Bearer x"
    assert recorded.at <= time.monotonic()


async def test_no_usage_chunk_unless_asked(api: openai.AsyncOpenAI) -> None:
    response = await api.chat.completions.create(model="m", messages=QUESTION, stream=True)
    async with response:
        chunks = [chunk async for chunk in response]
    assert all(chunk.usage is None and chunk.choices for chunk in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == "Réponse simulée n°1 : vous avez écrit « Bonjour »."


async def test_default_answers_count_requests_and_json_mode(
    server: FakeLLM, api: openai.AsyncOpenAI
) -> None:
    await stream(api)
    answer = await api.chat.completions.create(
        model="m", messages=[{"role": "user", "content": [{"type": "text", "text": "Et alors ?"}]}]
    )
    assert answer.choices[0].message.content == (
        "Réponse simulée n°2 : vous avez écrit « Et alors ? »."
    )
    assert answer.choices[0].finish_reason == "stop"
    assert answer.usage is not None and answer.usage.prompt_tokens > 0
    assert [r.get("stream", False) for r in server.chat_requests()] == [True, False]


async def test_enqueued_replies_come_first_in_order(
    server: FakeLLM, api: openai.AsyncOpenAI
) -> None:
    server.enqueue(
        Reply(text="Premier texte prévu."), Reply(text="Second, sans usage.", usage=False)
    )
    assert (await stream(api)).text == "Premier texte prévu."
    second = await stream(api)
    assert second.text == "Second, sans usage." and second.usage is None
    plain = await api.chat.completions.create(model="m", messages=QUESTION)
    assert plain.choices[0].message.content == (
        "Réponse simulée n°3 : vous avez écrit « Bonjour »."
    )


async def test_a_responder_replaces_the_default_answer() -> None:
    seen: list[list[dict[str, Any]]] = []

    def responder(messages: list[dict[str, Any]]) -> str:
        seen.append(messages)
        return f"{len(messages)} messages reçus."

    fake = FakeLLM(responder=responder)
    await fake.start()
    client = openai.AsyncOpenAI(base_url=fake.base_url, api_key="x", max_retries=0)
    try:
        assert (await stream(client)).text == "2 messages reçus."
        fake.enqueue(Reply(text="Scénario."))
        assert (await stream(client)).text == "Scénario."
        assert seen == [QUESTION]
    finally:
        await client.close()
        await fake.stop()


async def test_time_to_first_token_and_pacing_are_honoured(
    server: FakeLLM, api: openai.AsyncOpenAI
) -> None:
    server.enqueue(Reply(text="Texte prévu.", ttft=0.3))
    started = time.monotonic()
    answer = await stream(api)
    assert answer.text == "Texte prévu."
    assert answer.first_content_at is not None and answer.first_content_at - started >= 0.3

    text = "une réponse lente de plusieurs mots pour mesurer le débit"
    server.enqueue(Reply(text=text, tokens_per_second=50))
    started = time.monotonic()
    assert (await stream(api)).text == text
    assert time.monotonic() - started >= (len(split_tokens(text)) - 1) / 50


async def test_server_defaults_apply_to_unscripted_answers() -> None:
    fake = FakeLLM(default_ttft=0.2, tokens_per_second=1000)
    await fake.start()
    client = openai.AsyncOpenAI(base_url=fake.base_url, api_key="x", max_retries=0)
    try:
        started = time.monotonic()
        answer = await stream(client)
        assert answer.first_content_at is not None and answer.first_content_at - started >= 0.2
        fake.enqueue(Reply(text="Tout de suite.", ttft=0))
        assert (await stream(client)).text == "Tout de suite."
    finally:
        await client.close()
        await fake.stop()


@pytest.mark.parametrize(
    ("failure", "error", "status"),
    [
        ("http500", openai.InternalServerError, 500),
        ("http503", openai.InternalServerError, 503),
        ("http429", openai.RateLimitError, 429),
    ],
)
@pytest.mark.parametrize("streamed", [True, False])
async def test_http_errors_raise_the_clients_errors(
    server: FakeLLM,
    api: openai.AsyncOpenAI,
    failure: str,
    error: type[openai.APIStatusError],
    status: int,
    streamed: bool,
) -> None:
    server.enqueue(Reply(text="jamais envoyé", fail=failure))
    with pytest.raises(error) as raised:
        if streamed:
            await stream(api)
        else:
            await api.chat.completions.create(model="m", messages=QUESTION)
    assert raised.value.status_code == status
    # The error object in OpenAI's shape, which the client exposes as `body`.
    assert isinstance(raised.value.body, dict)
    assert set(raised.value.body) == {"message", "type", "param", "code"}


async def test_an_empty_stream_ends_normally_without_content(
    server: FakeLLM, api: openai.AsyncOpenAI
) -> None:
    server.enqueue(Reply(text="jamais vu", fail="empty"))
    answer = await stream(api)
    assert answer.text == "" and answer.finish_reason == "stop"
    assert answer.usage is not None and answer.usage.completion_tokens == 0


async def test_a_malformed_stream_gives_no_content_and_fails(
    server: FakeLLM, api: openai.AsyncOpenAI
) -> None:
    server.enqueue(Reply(text="jamais vu", fail="malformed"))
    answer = Streamed()
    # The client does not validate chunks: one without `choices` comes through with
    # choices=None, then the invalid JSON raises a plain ValueError (json.JSONDecodeError).
    with pytest.raises((ValueError, openai.APIError)):
        await stream(api, into=answer)
    assert answer.text == ""
    assert answer.chunks and not answer.chunks[0].choices


async def test_a_malformed_json_answer_fails(server: FakeLLM, api: openai.AsyncOpenAI) -> None:
    server.enqueue(Reply(text="jamais vu", fail="malformed"))
    with pytest.raises((ValueError, openai.APIError)):
        await api.chat.completions.create(model="m", messages=QUESTION)


async def test_a_disconnect_mid_stream_raises(server: FakeLLM, api: openai.AsyncOpenAI) -> None:
    server.enqueue(Reply(text="un texte assez long pour être coupé " * 3, fail="disconnect"))
    answer = Streamed()
    with pytest.raises(openai.APIConnectionError):
        await stream(api, into=answer)
    assert answer.text and answer.finish_reason is None  # some words came, then nothing
    server.enqueue(Reply(fail="disconnect"))
    with pytest.raises(openai.APIConnectionError):
        await api.chat.completions.create(model="m", messages=QUESTION)


async def test_a_hanging_request_times_out_and_stop_is_prompt(server: FakeLLM) -> None:
    server.enqueue(Reply(fail="hang"), Reply(fail="hang"))
    impatient = openai.AsyncOpenAI(
        base_url=server.base_url, api_key="x", max_retries=0, timeout=0.5
    )
    patient = openai.AsyncOpenAI(base_url=server.base_url, api_key="x", max_retries=0, timeout=60)
    try:
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            await stream(impatient)
        assert time.monotonic() - started < 5
        # A client still waiting must not hold the server's shutdown.
        waiting = asyncio.create_task(
            patient.chat.completions.create(model="m", messages=QUESTION)
        )
        await server.wait_for_requests(2)
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await server.stop()
        assert time.monotonic() - started < 2
        with pytest.raises(openai.APIConnectionError):
            await waiting
    finally:
        await impatient.close()
        await patient.close()


async def test_models_mimic_albert(api: openai.AsyncOpenAI) -> None:
    page = await api.models.list()
    types = {m.id: (m.model_extra or {}).get("type") for m in page.data}
    assert types == {
        "mistralai/Mistral-Small-3.1-24B-Instruct-2503": "text-generation",
        "meta-llama/Llama-3.1-8B-Instruct": "text-generation",
        "BAAI/bge-m3": "text-embeddings-inference",
        "openai/whisper-large-v3": "automatic-speech-recognition",
    }
    assert all(m.object == "model" and m.owned_by and m.created for m in page.data)


async def test_custom_models() -> None:
    fake = FakeLLM(models=[{"id": "seul-modele"}])
    await fake.start()
    client = openai.AsyncOpenAI(base_url=fake.base_url, api_key="x", max_retries=0)
    try:
        assert [m.id for m in (await client.models.list()).data] == ["seul-modele"]
    finally:
        await client.close()
        await fake.stop()


async def test_unknown_paths_get_an_openai_error(server: FakeLLM) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{server.base_url}/embeddings", json={"input": "x"}) as response:
            assert response.status == 404
            body = await response.json()
        async with session.get(f"{server.base_url}/chat/completions") as response:
            assert response.status == 405
        async with session.post(f"{server.base_url}/chat/completions", data=b"{") as response:
            assert response.status == 400
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert [r.path for r in server.requests] == [
        "/v1/embeddings",
        "/v1/chat/completions",
        "/v1/chat/completions",
    ]
    assert server.requests[0].json == {"input": "x"}
    assert server.chat_requests() == []


async def test_wait_for_requests(server: FakeLLM, api: openai.AsyncOpenAI) -> None:
    with pytest.raises(TimeoutError):
        await server.wait_for_requests(1, timeout=0.1)
    server.enqueue(Reply(text="Lent.", ttft=0.5))
    answer = asyncio.create_task(stream(api))
    await server.wait_for_requests(1, timeout=2)
    assert not answer.done()  # the request is seen as soon as it arrives
    assert (await answer).text == "Lent."


def test_unknown_failures_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown failure"):
        FakeLLM().enqueue(Reply(fail="timeout"))


# Peer modes: the wire format each real server uses ------------------------------------------


async def _raw_stream(fake: FakeLLM, body: dict[str, Any]) -> tuple[int, str]:
    url = f"{fake.base_url}/chat/completions"
    async with aiohttp.ClientSession() as session, session.post(url, json=body) as response:
        return response.status, await response.text()


STREAM_BODY: dict[str, Any] = {
    "model": "m",
    "messages": [{"role": "user", "content": "Bonjour"}],
    "stream": True,
    "stream_options": {"include_usage": True},
}


def test_unknown_peers_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown peer"):
        FakeLLM(peer="openrouter")


async def test_peer_wire_formats() -> None:
    fakes = {peer: FakeLLM(peer=peer) for peer in ("mistral", "llamacpp", "ollama", "albert")}
    for fake in fakes.values():
        await fake.start()
    try:
        status, text = await _raw_stream(fakes["mistral"], STREAM_BODY)
        assert status == 422
        detail = json.loads(text)["message"]["detail"][0]
        assert detail["type"] == "extra_forbidden" and detail["loc"] == ["body", "stream_options"]
        assert fakes["mistral"].chat_requests()  # recorded, the queued answer kept

        fakes["llamacpp"].enqueue(Reply(text="Un deux trois."))
        status, text = await _raw_stream(fakes["llamacpp"], STREAM_BODY)
        events = [json.loads(line[6:]) for line in text.split("\n\n") if line[6:7] == "{"]
        assert status == 200 and text.rstrip().endswith("data: [DONE]")
        # No usage chunk of its own: usage and timings ride on the finish_reason chunk.
        assert all(event["choices"] for event in events)
        assert events[-1]["choices"][0]["finish_reason"] == "stop"
        assert "usage" in events[-1] and "timings" in events[-1]

        fakes["ollama"].enqueue(
            Reply(text="Une réponse assez longue pour être coupée.", fail="midstream")
        )
        _, text = await _raw_stream(fakes["ollama"], STREAM_BODY)
        assert text.rstrip().splitlines()[-1].startswith('{"error": ')
        assert "[DONE]" not in text

        fakes["llamacpp"].enqueue(
            Reply(text="Une réponse assez longue pour être coupée.", fail="midstream")
        )
        _, text = await _raw_stream(fakes["llamacpp"], STREAM_BODY)
        assert text.rstrip().splitlines()[-1].startswith("error: ")

        fakes["albert"].enqueue(Reply(fail="daily429"), Reply(fail="http503"))
        async with aiohttp.ClientSession() as session:
            url = f"{fakes['albert'].base_url}/chat/completions"
            async with session.post(url, json=STREAM_BODY) as response:
                assert response.status == 429
                assert await response.json() == {"detail": "Request limit per day exceeded."}
                assert "Retry-After" not in response.headers
            async with session.post(url, json=STREAM_BODY) as response:
                assert response.status == 503 and response.headers["Retry-After"] == "10"
            async with session.get(f"{fakes['albert'].base_url}/me/info") as response:
                assert (await response.json())["object"] == "userInfo"
            async with session.get(f"{fakes['mistral'].base_url}/me/info") as response:
                assert response.status == 404  # only Albert has it
    finally:
        for fake in fakes.values():
            await fake.stop()
