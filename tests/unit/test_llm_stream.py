"""The streamed answer read raw (bot/sse.py, not the openai client's typed chunks), against
servers on loopback: byte-exact streams (cut anywhere, CRLF, keep-alives, BOM), errors in the
middle of a stream in each server's shape, malformed chunks, the bounds, stalls and drops, a
stop closing the connection, the connection kept for the next answer after `[DONE]`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.config import LLMConfig
from bot.llm import Completion, LLMClient, LLMError, stream_chunk
from bot.reasoning import SplitStream
from bot.sse import MAX_EVENT_BYTES, MAX_STREAM_BYTES, Event
from devtools.fake_llm import FakeLLM, Reply

MESSAGES: list[dict[str, Any]] = [{"role": "user", "content": "Bonjour"}]
MODEL = "mistralai/Mistral-Small-3.1-24B-Instruct-2503"


@dataclass
class Script:
    """One streamed answer, byte for byte: `pieces` written one by one (each flushed)."""

    pieces: list[bytes]
    pause: float = 0.0  # seconds between pieces
    hang: bool = False  # after the pieces, the connection stays open and silent


@dataclass
class RawServer:
    """An HTTP server on loopback answering /v1/chat/completions with scripted bytes."""

    scripts: deque[Script] = field(default_factory=deque)
    bodies: list[Any] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)  # the client's port, request by request
    base_url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_post("/v1/chat/completions", self._answer)
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/v1"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        self.bodies.append(await request.json())
        assert request.transport is not None
        self.ports.append(request.transport.get_extra_info("peername")[1])
        script = self.scripts.popleft()
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for piece in script.pieces:
            await response.write(piece)
            if script.pause:
                await asyncio.sleep(script.pause)
        if script.hang:
            await asyncio.Event().wait()
        await response.write_eof()
        return response


@pytest.fixture
async def raw() -> AsyncIterator[RawServer]:
    server = RawServer()
    await server.start()
    yield server
    await server.stop()


def client(base_url: str, **config: Any) -> LLMClient:
    values: dict[str, Any] = {
        "base_url": base_url,
        "api_key": SecretStr("test"),
        "retry_backoff": 0,
        "timeout": 5,
        **config,
    }
    return LLMClient(LLMConfig(**values))


async def _ignore(text: str) -> None:
    return None


def chunk(content: str | None = None, finish: str | None = None, **extra: Any) -> dict[str, Any]:
    delta = {} if content is None else {"content": content}
    choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
    base = {"id": "c1", "object": "chat.completion.chunk", "model": MODEL, "choices": [choice]}
    return base | extra


def sse(*items: dict[str, Any] | str, end: bytes = b"\n") -> bytes:
    out = b""
    for item in items:
        data = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
        out += b"data: " + data.encode() + end + end
    return out


ALBERT_USAGE = {
    "prompt_tokens": 12,
    "completion_tokens": 5,
    "total_tokens": 17,
    "cost": 0.0042,
    "impacts": {"kWh": 0.0001, "kgCO2eq": 0.00002},
}
WHOLE = sse(
    chunk("", role="assistant"),
    chunk("Bonjour, "),
    chunk("je suis là."),
    chunk(None, "stop"),
    {
        "id": "c1",
        "model": MODEL,
        "choices": [],
        "usage": {"prompt_tokens": 12, "completion_tokens": 5},
    },
    # Albert's own usage chunk, after the provider's: cost and impacts.
    {"id": "c1", "model": MODEL, "choices": [], "usage": ALBERT_USAGE},
    "[DONE]",
)


def cuts(stream: bytes, every: int) -> list[bytes]:
    return [stream[i : i + every] for i in range(0, len(stream), every)]


@pytest.mark.parametrize(
    "pieces",
    [
        [WHOLE],
        cuts(WHOLE, 1),  # each byte its own write
        cuts(WHOLE, 7),
        [b"\xef\xbb\xbf", b": keep-alive\r\n\r\n", WHOLE.replace(b"\n", b"\r\n")],
        [WHOLE.replace(b"\n", b"\r")],
        [b"data:\n\n", b": ping\n\n", b"event: ping\n\n", WHOLE],  # keep-alives, empty data
    ],
    ids=["whole", "bytes", "sevens", "crlf-bom", "cr", "keep-alives"],
)
async def test_a_stream_cut_anywhere_reads_the_same(raw: RawServer, pieces: list[bytes]) -> None:
    raw.scripts.append(Script(pieces))
    llm = client(raw.base_url)
    seen: list[str] = []

    async def on_text(text: str) -> None:
        seen.append(text)

    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, on_text)
    finally:
        await llm.close()
    assert completion.text == "Bonjour, je suis là."
    assert seen == ["Bonjour, ", "Bonjour, je suis là."]
    assert (completion.tokens_in, completion.tokens_out) == (12, 5)
    assert completion.finish_reason == "stop" and completion.model == MODEL
    assert completion.footprint is not None and completion.footprint.cost == 0.0042
    assert completion.footprint.kwh == 0.0001
    assert completion.ttft is not None and completion.ttft <= completion.total


async def test_the_request_carries_the_messages_as_given(raw: RawServer) -> None:
    raw.scripts.append(Script([WHOLE]))
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": "Tu es l'assistant."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Que montre l'image ?"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
            ],
        },
    ]
    llm = client(raw.base_url, temperature=0.2, max_tokens=321)
    try:
        await llm.stream_chat(messages, MODEL, _ignore)
    finally:
        await llm.close()
    (body,) = raw.bodies
    assert body["messages"] == messages
    assert body["model"] == MODEL and body["stream"] is True
    assert body["temperature"] == 0.2 and body["max_tokens"] == 321
    assert body["stream_options"] == {"include_usage": True}


# Errors in the middle of a stream, malformed chunks -----------------------------------------

START = sse(chunk("", role="assistant"), chunk("Début "))


@pytest.mark.parametrize(
    ("tail", "kind"),
    [
        # OpenGateLLM: a provider's failure relayed as an `error` event.
        (b'event: error\ndata: {"error": {"message": "Internal error"}}\n\n', "stream_error"),
        (b"event: error\ndata: pas du JSON\n\n", "stream_error"),
        # vLLM, OpenAI: an error object as data, then [DONE].
        (sse({"error": {"message": "boom", "code": 500}}, "[DONE]"), "stream_error"),
        (sse({"object": "error", "error": {"message": "boom"}}), "stream_error"),
        # OpenGateLLM once the response started: a bare `{"detail": …}`; llama.cpp: `error:`.
        (b'{"detail": "Model is too busy (ReadTimeout), please try again later."}', "truncated"),
        (b'error: {"code": 500, "message": "boom"}\n\n', "truncated"),
        (b'data: {"id": "c1", "choi\n\n', "malformed"),
        (b"data: [1, 2]\n\n", "malformed"),
        (b'data: "du texte"\n\n', "malformed"),
        (b"data: null\n\n", "malformed"),
        (b'data: {"choices": [{"delta": {"content": "\xff"}}]}\n\n', "malformed"),
    ],
)
async def test_errors_and_malformed_chunks_mid_stream(
    raw: RawServer, tail: bytes, kind: str
) -> None:
    raw.scripts.append(Script([START, tail]))
    llm = client(raw.base_url, retries=0)
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == kind
    assert raised.value.retryable  # another attempt may well succeed


async def test_an_error_mid_stream_is_retried_and_the_retry_answers(raw: RawServer) -> None:
    raw.scripts.extend([Script([START, b"event: error\ndata: {}\n\n"]), Script([WHOLE])])
    retried: list[str] = []

    async def on_retry(exc: LLMError) -> None:
        retried.append(exc.kind)

    llm = client(raw.base_url)
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore, on_retry)
    finally:
        await llm.close()
    assert retried == ["stream_error"]
    assert completion.text == "Bonjour, je suis là." and completion.attempts == 2


def test_hostile_fields_in_a_chunk_are_left_out() -> None:
    completion = Completion()
    split = SplitStream()
    read = LLMClient._read_chunk
    read({"usage": {"prompt_tokens": True, "completion_tokens": -3}}, completion, split)
    assert (completion.tokens_in, completion.tokens_out) == (None, None)
    read({"usage": {"prompt_tokens": 10**12, "completion_tokens": 7}}, completion, split)
    assert (completion.tokens_in, completion.tokens_out) == (None, 7)
    read({"usage": [1], "model": "m" * 10_000, "choices": {"0": {}}}, completion, split)
    assert completion.model == "m" * 200
    pieces = read(
        {"choices": [None, 3, {"delta": "texte"}, {"finish_reason": {"x": 1}, "delta": None}]},
        completion,
        split,
    )
    assert pieces == [] and completion.finish_reason == "?"
    # A delta with reasoning only yields "", so that the caller tells the thinking's progress.
    assert read({"choices": [{"delta": {"reasoning_content": "Je"}}]}, completion, split) == [""]
    assert stream_chunk(Event("message", b"  ")) == {}  # a keep-alive
    assert stream_chunk(Event("message", b"[DONE]")) is None
    assert stream_chunk(Event("message", b'{"error": null, "choices": []}')) == {
        "error": None,
        "choices": [],
    }


# Bounds ------------------------------------------------------------------------------------


async def test_an_event_over_its_bound_stops_the_answer_without_retry(raw: RawServer) -> None:
    huge = b"data: " + b'{"x": "' + b"a" * MAX_EVENT_BYTES + b'"}\n\n'
    raw.scripts.append(Script([START, *cuts(huge, 64 * 1024)]))
    llm = client(raw.base_url, retries=2)
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == "malformed" and not raised.value.retryable
    assert len(raw.bodies) == 1


async def test_a_stream_over_its_bound_stops_the_answer_without_retry(raw: RawServer) -> None:
    comment = b":" + b"k" * (512 * 1024 - 2) + b"\n"  # keep-alives never dispatch an event
    raw.scripts.append(Script([START] + [comment] * (MAX_STREAM_BYTES // len(comment) + 1)))
    llm = client(raw.base_url, retries=2)
    started = time.monotonic()
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == "malformed" and not raised.value.retryable
    assert len(raw.bodies) == 1
    assert time.monotonic() - started < 20


# The transport: stalls, drops, stops, the connection kept ----------------------------------


async def test_a_stall_mid_stream_is_a_timeout(raw: RawServer) -> None:
    raw.scripts.append(Script([START], hang=True))
    llm = client(raw.base_url, retries=0, timeout=0.5)
    started = time.monotonic()
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == "timeout"
    assert time.monotonic() - started < 3


async def test_a_connection_dropped_mid_stream() -> None:
    fake = FakeLLM()
    await fake.start()
    fake.enqueue(Reply(text="Une réponse qui sera coupée en route.", fail="disconnect"))
    llm = client(fake.base_url, retries=0)
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
        await fake.stop()
    assert raised.value.kind == "connection"


async def test_a_stop_closes_the_connection_at_once() -> None:
    fake = FakeLLM()
    await fake.start()
    fake.enqueue(Reply(text=" ".join(f"mot{i}" for i in range(400)), tokens_per_second=50))
    llm = client(fake.base_url)
    shown = asyncio.Event()

    async def on_text(text: str) -> None:
        if "mot3" in text:
            shown.set()

    progress = Completion()
    try:
        task = asyncio.create_task(llm.stream_chat(MESSAGES, MODEL, on_text, progress=progress))
        await asyncio.wait_for(shown.wait(), 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        record = await fake.wait_for_stream_end(0, timeout=5)
    finally:
        await llm.close()
        await fake.stop()
    assert record.client_closed and not record.finished
    assert record.chunks < 400
    assert progress.text.startswith("mot0 mot1 mot2 mot3")


async def test_the_connection_serves_the_next_answer_after_done(raw: RawServer) -> None:
    raw.scripts.extend(Script([WHOLE]) for _ in range(3))
    # A server that keeps the body open after [DONE]: the answer does not wait for its end.
    raw.scripts.append(Script([WHOLE], hang=True))
    llm = client(raw.base_url)
    try:
        for _ in range(3):
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
        started = time.monotonic()
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore)
        elapsed = time.monotonic() - started
    finally:
        await llm.close()
    assert len(set(raw.ports[:3])) == 1  # the body read to its end: one connection
    assert completion.text == "Bonjour, je suis là."
    assert elapsed < 1, elapsed


# Read raw below the HTTP client: a compressed body is still decoded -------------------------


async def test_a_compressed_stream_is_decoded_and_a_title_read_as_plain_json() -> None:
    """A proxy may gzip the event stream: its bytes go through the HTTP client's decoder (the
    plain stream is read below it). A title's reply is read as plain JSON, a reasoning field
    left out, and its request carries the purpose header and the messages as given."""
    import gzip

    requests: list[tuple[dict[str, Any], str | None]] = []

    async def answer(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        requests.append((body, request.headers.get("X-Assistant-Purpose")))
        if not body.get("stream"):
            message = {"role": "assistant", "content": "Congés d'été", "reasoning": "Hmm."}
            reply = {"id": "t", "object": "chat.completion", "model": MODEL}
            reply["choices"] = [{"index": 0, "message": message, "finish_reason": "stop"}]
            return web.json_response(reply)
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Content-Encoding": "gzip"}
        )
        await response.prepare(request)
        compressed = gzip.compress(WHOLE)
        for start in range(0, len(compressed), 7):  # cut anywhere
            await response.write(compressed[start : start + 7])
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_post("/v1/chat/completions", answer)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    llm = client(f"http://127.0.0.1:{runner.addresses[0][1]}/v1")
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore)
        title = await llm.complete(MESSAGES, MODEL, max_tokens=20, purpose="title")
    finally:
        await llm.close()
        await runner.cleanup()
    assert completion.text == "Bonjour, je suis là."
    assert title == "Congés d'été"
    [(streamed, _), (asked, purpose)] = requests
    assert streamed["messages"] == asked["messages"] == MESSAGES
    assert asked["max_tokens"] == 20 and "stream" not in asked and purpose == "title"


async def test_an_endless_title_reply_is_refused_without_being_held_whole() -> None:
    """A hostile or broken server answering a title request with a body that never ends: the
    client stops past MAX_SIDE_BODY ('malformed'), it does not read the body whole first."""
    from bot.llm import MAX_SIDE_BODY, LLMError

    sent: list[int] = []  # bytes written per request (one per attempt)

    async def answer(request: web.Request) -> web.StreamResponse:
        sent.append(0)
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        await response.write(b'{"choices": [{"message": {"content": "')
        chunk = b"a" * 65536
        with contextlib.suppress(ConnectionError):
            while sent[-1] < 256 * MAX_SIDE_BODY:  # 64 MB, "endless"
                await response.write(chunk)
                sent[-1] += len(chunk)
        return response

    app = web.Application()
    app.router.add_post("/v1/chat/completions", answer)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    llm = client(f"http://127.0.0.1:{runner.addresses[0][1]}/v1")
    try:
        with pytest.raises(LLMError) as caught:
            await llm.complete(MESSAGES, MODEL, max_tokens=20, purpose="title")
    finally:
        await llm.close()
        await runner.cleanup()
    assert caught.value.kind == "malformed"
    # Each attempt hung up early (what the sockets' buffers took aside), not at the body's end.
    assert sent and max(sent) < 128 * MAX_SIDE_BODY, sent
