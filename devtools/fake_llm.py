"""A fake OpenAI-compatible model server on loopback: scripted replies, delays and failures."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)

Responder = Callable[[list[dict[str, Any]]], str]

# What Albert's /v1/models lists: the bot picks text models by their `type`.
DEFAULT_MODELS: list[dict[str, Any]] = [
    {"id": "mistralai/Mistral-Small-3.1-24B-Instruct-2503", "type": "text-generation"},
    {"id": "meta-llama/Llama-3.1-8B-Instruct", "type": "text-generation"},
    {"id": "BAAI/bge-m3", "type": "text-embeddings-inference"},
    {"id": "openai/whisper-large-v3", "type": "automatic-speech-recognition"},
]

FAILURES = (
    "http500",
    "http429",  # per minute
    "daily429",  # per day
    "http503",
    "http424",  # the model's provider unreachable (Albert)
    "http401",
    "http403",  # an expired key (Albert)
    "budget400",  # "Insufficient budget." (Albert)
    "midstream",  # an error after a few chunks, in the peer's own way
    "malformed",
    "empty",
    "disconnect",
    "hang",
)

# The OpenAI-compatible servers the bot meets, each with its quirks (read in their sources):
# - openai: the reference behaviour (usage chunk on request, `{"error": {...}}` bodies).
# - albert: OpenGateLLM. FastAPI `{"detail": "..."}` bodies; typed 429s ("Request limit per
#   minute exceeded.", "Token limit per day exceeded.") with `x-ratelimit-*` headers and no
#   Retry-After; 503 "Model is too busy" with `Retry-After: 10`; 424 when the provider is
#   unreachable; 403 for an expired account; a provider's error mid-stream relayed as
#   `event: error`; /v1/me/info and /v1/usage.
# - mistral: Mistral's API refuses `stream_options` (422, pydantic `extra_forbidden`) and
#   puts the usage in the last chunk, the one with the finish_reason.
# - vllm: usage chunk on request; `{"object": "error", ...}` bodies; mid-stream errors as
#   `data: {"error": {...}}` followed by `[DONE]`.
# - ollama: usage chunk on request; a mid-stream error is a bare JSON object (no `data:`),
#   then the stream ends without `[DONE]`.
# - llamacpp: ignores `stream_options`, puts `usage` and `timings` in the last chunk; a
#   mid-stream error is an `error: {...}` line, then the stream ends.
PEERS = ("openai", "albert", "mistral", "vllm", "ollama", "llamacpp")

# Chunks sent before a "disconnect" drops the connection.
_CHUNKS_BEFORE_DISCONNECT = 3

# How a reasoning model's thinking streams (`Reply.reasoning`), as each server sends it:
# - think: inside the content, between `<think>` and `</think>` (cut anywhere by the chunks);
# - reasoning_content: a delta field of its own (vLLM's reasoning parsers, DeepSeek's API);
# - reasoning: the same under the name OpenRouter and newer vLLM use;
# - mistral: Mistral's API (Magistral): the content is a list of typed chunks, `thinking`
#   chunks (each holding a list of `text` chunks) before `text` chunks.
REASONING_SHAPES = ("think", "reasoning_content", "reasoning", "mistral")


@dataclass
class RecordedRequest:
    path: str
    method: str
    headers: dict[str, str]
    json: Any | None
    at: float  # time.monotonic() on arrival


@dataclass
class Reply:
    """One scripted answer for /v1/chat/completions."""

    text: str = ""
    ttft: float | None = None  # seconds before the first token (None: the server's default)
    tokens_per_second: float | None = None  # chunk pacing (None: server default, 0: no pause)
    fail: str | None = None  # None or one of FAILURES
    usage: bool = True  # usage chunk when the client asks for it, usage field in JSON mode
    # The wait a refusal asks for (Retry-After, or Albert's x-ratelimit-reset-requests);
    # None: the peer's own default.
    retry_after: str | None = None
    # A reasoning model's thinking, streamed before the answer in `reasoning_shape`.
    reasoning: str = ""
    reasoning_shape: str = "think"


@dataclass
class StreamRecord:
    """One streamed answer: how many content chunks went out and how it ended."""

    id: str
    chunks: int = 0
    finished: bool = False  # sent to its end
    client_closed: bool = False  # the client closed the connection before the end


Handler = Callable[[web.Request, RecordedRequest], Awaitable[web.StreamResponse]]


def split_tokens(text: str) -> list[str]:
    """Pieces of about four characters cut at word boundaries, spaces kept, like model tokens."""
    pieces: list[str] = []
    for word in re.findall(r"\S+\s*|\s+", text):
        while len(word) > 6:
            pieces.append(word[:4])
            word = word[4:]
        pieces.append(word)
    return pieces


def estimate_tokens(text: str) -> int:
    return max(1, len(text) // 4)


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # multimodal parts: keep the text ones
        return " ".join(
            str(part.get("text", "")) for part in content if isinstance(part, dict)
        ).strip()
    return ""


def last_user_message(messages: list[dict[str, Any]]) -> str:
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            return _content_text(message.get("content"))
    return ""


def albert_takes_audio(upload: Any) -> bool:
    """Whether Albert transcribes this upload: its /v1/audio/transcriptions documents MP3 and
    WAV only (OpenGateLLM api/schemas/audio.py), told here from the file's first bytes."""
    head = bytes.fromhex(upload.get("head", "")) if isinstance(upload, dict) else b""
    mp3_frame = len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
    return head.startswith((b"RIFF", b"ID3")) or mp3_frame


def ocr_page_indexes(payload: Any, count: int) -> list[int]:
    """The pages an OCR request reads: its `pages` (0-based indexes, Mistral's and Albert's
    `CreateOCR`), else all `count`; each page answers with its index in the document."""
    wanted = payload.get("pages") if isinstance(payload, dict) else None
    if not isinstance(wanted, list):
        return list(range(count))
    return sorted({i for i in wanted if isinstance(i, int) and 0 <= i < count})


def _error(status: int, message: str, kind: str, code: str | None = None) -> web.Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code or kind}}
    return web.json_response(body, status=status)


def peer_error_body(peer: str, status: int, message: str, kind: str) -> dict[str, Any]:
    """An error body the way `peer` writes it."""
    if peer == "albert":
        return {"detail": message}  # FastAPI's HTTPException, no handler of its own
    if peer == "mistral":
        return {"object": "error", "message": message, "type": kind, "param": None, "code": None}
    if peer == "vllm":
        return {"object": "error", "message": message, "type": kind, "param": None, "code": status}
    if peer == "ollama":
        return {"error": {"message": message, "type": "api_error", "param": None, "code": None}}
    if peer == "llamacpp":
        return {"error": {"code": status, "message": message, "type": kind}}
    return {"error": {"message": message, "type": kind, "param": None, "code": kind}}


# Failures answered before any token, with the HTTP status each peer uses.
_REFUSALS = frozenset(
    {"http500", "http429", "daily429", "http503", "http424", "http401", "http403", "budget400"}
)


def _is_title(record: RecordedRequest) -> bool:
    return any(
        k.lower() == "x-assistant-purpose" and v == "title" for k, v in record.headers.items()
    )


class FakeLLM:
    """Serves /v1/models and /v1/chat/completions; every request is recorded in `requests`."""

    def __init__(
        self,
        *,
        default_ttft: float = 0.0,
        tokens_per_second: float = 0.0,
        models: list[dict[str, Any]] | None = None,
        responder: Responder | None = None,
        usage_extra: dict[str, Any] | None = None,
        peer: str = "openai",
    ) -> None:
        if peer not in PEERS:
            raise ValueError(f"unknown peer {peer!r}, expected one of {PEERS}")
        self.peer = peer
        self.default_ttft = default_ttft
        self.tokens_per_second = tokens_per_second
        self.models = models if models is not None else list(DEFAULT_MODELS)
        self.responder = responder
        # Merged into every usage object: Albert adds `cost` and `impacts` ({kWh, kgCO2eq}).
        self.usage_extra = dict(usage_extra or {})
        self.requests: list[RecordedRequest] = []
        self.host = "127.0.0.1"
        self.port = 0
        self._queue: deque[Reply] = deque()
        # Side requests sent with `X-Assistant-Purpose: title` take their answer from here
        # (none left: HTTP 400), never from the answers' queue.
        self.titles: deque[str] = deque()
        self._chat_count = 0
        self._recorded = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._inflight: set[asyncio.Task[Any]] = set()
        # Every streamed answer, in order; `_stream_ended` is set each time one ends.
        self.streams: list[StreamRecord] = []
        self._stream_ended = asyncio.Event()
        # Later endpoints (/v1/audio/transcriptions, /v1/ocr, /v1/embeddings) go here.
        self._routes: dict[tuple[str, str], Handler] = {
            ("GET", "/v1/models"): self._models,
            ("POST", "/v1/chat/completions"): self._chat_completions,
            ("POST", "/v1/audio/transcriptions"): self._transcriptions,
            ("POST", "/v1/ocr"): self._ocr,
        }
        # Albert's key endpoints: /v1/me/info (allowed even for an expired key) and the usage
        # list (/v1/usage today, /v1/me/usage before, both answered here).
        self.me_info: dict[str, Any] = {
            "object": "userInfo",
            "id": 1,
            "email": "assistant@example.gouv.fr",
            "name": None,
            "organization": None,
            "budget": None,
            "permissions": [],
            "limits": [],
            "expires": None,
        }
        self.usage_records: list[dict[str, Any]] = []
        # Per-minute limits enforced on chat requests as OpenGateLLM's limiter does (a moving
        # window, the rpm checked before anything else), with its 429 detail; set with
        # `set_rate_limits`, which also lists them in /v1/me/info.
        self.rpm: int | None = None
        self.rate_limited = 0  # chat requests refused for the rpm
        self._chat_times: deque[float] = deque()
        # Seconds a title request takes (a slow title must never hold an answer up).
        self.title_delay = 0.0
        # When set, streamed answers wait for it before their first token (tests that need
        # answers to overlap whatever the machine's speed).
        self.gate: asyncio.Event | None = None
        if peer == "albert":
            self._routes[("GET", "/v1/me/info")] = self._me_info
            self._routes[("GET", "/v1/usage")] = self._usage
            self._routes[("GET", "/v1/me/usage")] = self._usage
        # Attachments: scripted transcripts and OCR pages, and failures to inject
        # ("http500", "http429", "malformed", "hang"), taken in order, one per request.
        self.transcripts: deque[str] = deque()
        self.ocr_pages: deque[list[str]] = deque()
        self.media_failures: deque[str] = deque()
        # Multipart fields of each transcription request (the file as its name, type, size).
        self.uploads: list[dict[str, Any]] = []

    @property
    def base_url(self) -> str:
        if not self.port:
            raise RuntimeError("FakeLLM is not started")
        # A wildcard address is reachable on loopback; IPv6 literals need brackets in a URL.
        host = "127.0.0.1" if self.host in ("", "0.0.0.0", "::") else self.host
        return (
            f"http://[{host}]:{self.port}/v1" if ":" in host else f"http://{host}:{self.port}/v1"
        )

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        # handler_cancellation: a "hang" ends as soon as its client gives up.
        self._runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self.host = host
        self.port = int(self._runner.addresses[0][1])
        log.info("fake model server on %s", self.base_url)

    async def stop(self) -> None:
        # Hanging and slow streams would otherwise hold the shutdown for its whole timeout.
        for task in list(self._inflight):
            task.cancel()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    def set_rate_limits(
        self,
        *,
        rpm: int | None = None,
        tpm: int | None = None,
        rpd: int | None = None,
        tpd: int | None = None,
        router_id: int = 1,
        shape: str = "router_id",
    ) -> None:
        """The key's limits, listed in /v1/me/info in OpenGateLLM's shape (`shape`: "router_id"
        today, "router" in api/schemas/admin/roles.py, "model" in older versions: the first
        listed model's id); `rpm` is enforced on chat requests."""
        which: dict[str, Any] = {shape: self.models[0]["id"] if shape == "model" else router_id}
        self.rpm = rpm
        self.me_info["limits"] = [
            {**which, "type": kind, "value": value}
            for kind, value in (("tpm", tpm), ("tpd", tpd), ("rpm", rpm), ("rpd", rpd))
        ]

    def _over_rpm(self) -> bool:
        """OpenGateLLM's RPM check: a request past `rpm` in the last minute is refused."""
        if self.rpm is None:
            return False
        now = time.monotonic()
        while self._chat_times and self._chat_times[0] <= now - 60:
            self._chat_times.popleft()
        if len(self._chat_times) >= self.rpm:
            self.rate_limited += 1
            return True
        self._chat_times.append(now)
        return False

    def enqueue(self, *replies: Reply) -> None:
        for reply in replies:
            if reply.fail is not None and reply.fail not in FAILURES:
                raise ValueError(f"unknown failure {reply.fail!r}, expected one of {FAILURES}")
            if reply.reasoning_shape not in REASONING_SHAPES:
                raise ValueError(f"unknown reasoning shape {reply.reasoning_shape!r}")
        self._queue.extend(replies)

    def chat_requests(self) -> list[dict[str, Any]]:
        """The answers' requests (title requests are in `title_requests`)."""
        return [
            r.json
            for r in self.requests
            if r.path == "/v1/chat/completions" and isinstance(r.json, dict) and not _is_title(r)
        ]

    def title_requests(self) -> list[dict[str, Any]]:
        return [
            r.json
            for r in self.requests
            if r.path == "/v1/chat/completions" and isinstance(r.json, dict) and _is_title(r)
        ]

    async def wait_for_stream_end(self, index: int, timeout: float = 10) -> StreamRecord:
        """The `index`-th streamed answer (0-based), once it ended (finished or closed by the
        client)."""
        async with asyncio.timeout(timeout):
            while True:
                if index < len(self.streams):
                    record = self.streams[index]
                    if record.finished or record.client_closed:
                        return record
                self._stream_ended.clear()
                await self._stream_ended.wait()

    async def wait_for_title_requests(self, n: int, timeout: float = 10) -> None:
        async with asyncio.timeout(timeout):
            while len(self.title_requests()) < n:
                self._recorded.clear()
                await self._recorded.wait()

    async def wait_for_requests(self, n: int, timeout: float = 10) -> None:
        async with asyncio.timeout(timeout):
            while len(self.chat_requests()) < n:
                self._recorded.clear()
                await self._recorded.wait()

    # HTTP ---------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            at = time.monotonic()
            body: Any | None = None
            # Multipart uploads (audio, documents) stay unread here, for their own handler.
            if request.can_read_body and not request.content_type.startswith("multipart/"):
                raw = await request.read()
                with contextlib.suppress(ValueError):
                    body = json.loads(raw) if raw else None
            record = RecordedRequest(request.path, request.method, dict(request.headers), body, at)
            self.requests.append(record)
            self._recorded.set()
            log.debug("%s %s", request.method, request.path)
            handler = self._routes.get((request.method, request.path))
            if handler is not None:
                return await handler(request, record)
            if any(path == request.path for _, path in self._routes):
                return _error(405, f"Method {request.method} not allowed", "invalid_request_error")
            return _error(
                404, f"Unknown path {request.path}", "invalid_request_error", "not_found"
            )
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def _models(self, request: web.Request, record: RecordedRequest) -> web.StreamResponse:
        data = [
            {"object": "model", "created": 1_735_689_600, "owned_by": "fake-llm", **model}
            for model in self.models
        ]
        return web.json_response({"object": "list", "data": data})

    def _next_reply(self, messages: list[dict[str, Any]]) -> Reply:
        if self._queue:
            return self._queue.popleft()
        if self.responder is not None:
            return Reply(text=self.responder(messages))
        question = last_user_message(messages)
        return Reply(
            text=f"Réponse simulée n°{self._chat_count} : vous avez écrit « {question} »."
        )

    async def _chat_completions(
        self, request: web.Request, record: RecordedRequest
    ) -> web.StreamResponse:
        payload = record.json
        if not isinstance(payload, dict):
            return _error(400, "The body must be a JSON object", "invalid_request_error")
        messages = payload.get("messages")
        if not isinstance(messages, list):
            messages = []
        if self._over_rpm():
            # api/helpers/_limiter.py: RateLimitExceeded, a FastAPI 429 without headers.
            detail = f"{self.rpm} requests per minute exceeded (remaining: 0)."
            return web.json_response({"detail": detail}, status=429)
        if _is_title(record):
            if self.title_delay > 0:
                await asyncio.sleep(self.title_delay)
            return self._title(messages, payload)
        if self.peer == "mistral" and "stream_options" in payload:
            # Mistral's API validates with extra="forbid"; the answer stays queued.
            return web.json_response(
                {
                    "object": "error",
                    "message": {
                        "detail": [
                            {
                                "type": "extra_forbidden",
                                "loc": ["body", "stream_options"],
                                "msg": "Extra inputs are not permitted",
                                "input": payload["stream_options"],
                            }
                        ]
                    },
                    "type": "invalid_request_error",
                    "param": None,
                    "code": None,
                },
                status=422,
            )
        self._chat_count += 1
        completion_id = f"chatcmpl-fake-{self._chat_count}"
        reply = self._next_reply(messages)
        ttft = self.default_ttft if reply.ttft is None else reply.ttft
        tps = (
            self.tokens_per_second if reply.tokens_per_second is None else reply.tokens_per_second
        )
        if reply.fail == "hang":
            await asyncio.Event().wait()  # cancelled when the client leaves or the server stops
        if reply.fail in _REFUSALS:
            return self._refusal(reply)
        if self.gate is not None:
            await self.gate.wait()
        if ttft > 0:
            await asyncio.sleep(ttft)
        text = "" if reply.fail == "empty" else reply.text
        prompt_tokens = sum(estimate_tokens(_content_text(m.get("content"))) for m in messages)
        completion_tokens = estimate_tokens(text) if text else 0
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            **self.usage_extra,
        }
        model = str(payload.get("model") or self.models[0]["id"])
        if payload.get("stream"):
            options = payload.get("stream_options")
            include_usage = isinstance(options, dict) and bool(options.get("include_usage"))
            return await self._stream(
                request,
                reply,
                text,
                tps,
                {"id": completion_id, "model": model},
                usage if reply.usage else None,
                include_usage,
            )
        if reply.fail == "disconnect":
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=500)  # never reaches the client
        if reply.fail == "malformed":
            return web.Response(
                text='{"id": "chatcmpl-broken", "choi', content_type="application/json"
            )
        answer: dict[str, Any] = {
            "id": completion_id,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
        }
        if reply.usage:
            answer["usage"] = usage
        return web.json_response(answer)

    def _refusal(self, reply: Reply) -> web.Response:
        """A refused request, as the configured peer refuses it."""
        albert = self.peer == "albert"
        headers: dict[str, str] = {}
        kind = "server_error"
        if reply.fail == "http429":
            status, kind = 429, "rate_limit_exceeded"
            if albert:
                message = "Request limit per minute exceeded."
                # The token headers describe the day's window when a daily limit is set.
                headers = {
                    "x-ratelimit-limit-request": "10",
                    "x-ratelimit-remaining-request": "0",
                    "x-ratelimit-reset-requests": reply.retry_after or "12s",
                    "x-ratelimit-limit-token": "1000000",
                    "x-ratelimit-remaining-token": "954000",
                    "x-ratelimit-reset-token": "5h3m0s",
                }
            else:
                message = "Rate limit reached"
                headers = {"Retry-After": reply.retry_after or "0"}
        elif reply.fail == "daily429":
            status, kind = 429, "rate_limit_exceeded"
            if albert:
                message = "Request limit per day exceeded."
                # OpenGateLLM's request headers show the minute window even then.
                headers = {
                    "x-ratelimit-limit-request": "10",
                    "x-ratelimit-remaining-request": "9",
                    "x-ratelimit-reset-requests": "30s",
                }
            else:
                message = "Rate limit exceeded: requests per day"
        elif reply.fail == "http503":
            status = 503
            if albert:
                message = "Model is too busy, please try again later."
                headers = {"Retry-After": reply.retry_after or "10"}
            else:
                message = "The model is unavailable"
                if reply.retry_after is not None:
                    headers = {"Retry-After": reply.retry_after}
        elif reply.fail == "http424":
            if albert:
                status = 424
                message = "Model provider albert-large not reachable (502): Bad Gateway"
            else:
                status, message = 502, "Bad Gateway"
        elif reply.fail == "http401":
            status, kind, message = 401, "authentication_error", "Invalid API key."
        elif reply.fail == "http403":
            status, kind = 403, "permission_error"
            message = (
                "Your account has expired. Please contact support to renew your account."
                if albert
                else "Forbidden"
            )
        elif reply.fail == "budget400":
            status, kind, message = 400, "invalid_request_error", "Insufficient budget."
        else:
            status, message = 500, "The model is unavailable"
        body = peer_error_body(self.peer, status, message, kind)
        return web.json_response(body, status=status, headers=headers)

    async def _me_info(self, request: web.Request, record: RecordedRequest) -> web.StreamResponse:
        return web.json_response(self.me_info)

    async def _usage(self, request: web.Request, record: RecordedRequest) -> web.StreamResponse:
        try:
            limit = min(100, max(1, int(request.query.get("limit", "10"))))
        except ValueError:
            return web.json_response({"detail": "limit must be an integer"}, status=422)
        data = self.usage_records[:limit]
        return web.json_response(
            {
                "object": "list",
                "total": len(self.usage_records),
                "offset": 0,
                "limit": limit,
                "data": data,
            }
        )

    async def _media_failure(self) -> web.Response | None:
        if not self.media_failures:
            return None
        failure = self.media_failures.popleft()
        if failure == "hang":
            await asyncio.Event().wait()
        if failure == "http429":
            return _error(429, "Rate limit reached", "rate_limit_exceeded")
        if failure == "malformed":
            return web.Response(text='{"text": ', content_type="application/json")
        return _error(500, "The model is unavailable", "server_error")

    async def _transcriptions(
        self, request: web.Request, record: RecordedRequest
    ) -> web.StreamResponse:
        fields: dict[str, Any] = {}
        reader = await request.multipart()
        while True:
            part: Any = await reader.next()
            if part is None:
                break
            if part.filename is not None:
                data = await part.read(decode=False)
                fields[part.name] = {
                    "filename": part.filename,
                    "content_type": part.headers.get("Content-Type"),
                    "size": len(data),
                    "head": bytes(data[:8]).hex(),
                }
            else:
                fields[part.name] = await part.text()
        record.json = fields
        self.uploads.append(fields)
        failed = await self._media_failure()
        if failed is not None:
            return failed
        if "file" not in fields or "model" not in fields:
            return _error(400, "file and model are required", "invalid_request_error")
        if not albert_takes_audio(fields["file"]):
            return web.json_response(
                {"detail": "Unsupported audio format: mp3 or wav"}, status=400
            )
        text = self.transcripts.popleft() if self.transcripts else "Transcription simulée."
        return web.json_response({"text": text})

    async def _ocr(self, request: web.Request, record: RecordedRequest) -> web.StreamResponse:
        payload = record.json
        failed = await self._media_failure()
        if failed is not None:
            return failed
        document = payload.get("document") if isinstance(payload, dict) else None
        if not isinstance(document, dict) or document.get("type") not in (
            "document_url",
            "image_url",
        ):
            return _error(400, "document is required", "invalid_request_error")
        pages = self.ocr_pages.popleft() if self.ocr_pages else ["Texte reconnu simulé."]
        indexes = ocr_page_indexes(payload, len(pages))
        return web.json_response(
            {
                "model": payload.get("model") if isinstance(payload, dict) else None,
                "pages": [
                    {"index": i, "markdown": pages[i], "images": [], "dimensions": None}
                    for i in indexes
                ],
                "usage_info": {"pages_processed": len(indexes)},
            }
        )

    def _title(self, messages: list[dict[str, Any]], payload: dict[str, Any]) -> web.Response:
        if not self.titles:
            # Nothing scripted: refused, so the bot keeps its provisional title (the question).
            return _error(400, "No title scripted", "invalid_request_error")
        text = self.titles.popleft()
        return web.json_response(
            {
                "id": "chatcmpl-fake-title",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": str(payload.get("model") or self.models[0]["id"]),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
            }
        )

    async def _stream(
        self,
        request: web.Request,
        reply: Reply,
        text: str,
        tps: float,
        ids: dict[str, str],
        usage: dict[str, Any] | None,
        include_usage: bool,
    ) -> web.StreamResponse:
        """Streams `text`; `usage` goes where the peer puts it (a chunk of its own when asked
        for, or always in the last chunk for Mistral and llama.cpp)."""
        in_last_chunk = self.peer in ("mistral", "llamacpp")
        if self.peer == "llamacpp":
            include_usage = False  # it does not read stream_options
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
            }
        )
        await response.prepare(request)
        base: dict[str, Any] = {
            "id": ids["id"],
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": ids["model"],
        }
        if include_usage:
            base["usage"] = None  # as OpenAI does: only the last chunk carries the usage
        error = peer_error_body(self.peer, 500, "Generation failed", "InternalServerError")
        if "error" not in error:
            error = {"error": error}

        async def send(data: dict[str, Any] | str) -> None:
            line = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
            await response.write(f"data: {line}\n\n".encode())

        def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            return {**base, "choices": [choice]}

        record = StreamRecord(ids["id"])
        self.streams.append(record)
        shape = reply.reasoning_shape
        if reply.reasoning and shape == "think":
            text = f"<think>{reply.reasoning}</think>\n\n{text}"
        thinking = split_tokens(reply.reasoning) if reply.reasoning and shape != "think" else []

        def reasoning_delta(piece: str) -> dict[str, Any]:
            if shape == "mistral":
                return {
                    "content": [
                        {"type": "thinking", "thinking": [{"type": "text", "text": piece}]}
                    ]
                }
            return {shape: piece, "content": None}

        def content_delta(piece: str) -> dict[str, Any]:
            if shape == "mistral" and reply.reasoning:
                return {"content": [{"type": "text", "text": piece}]}
            return {"content": piece}

        try:
            if reply.fail == "malformed":
                await send({key: value for key, value in base.items() if key != "usage"})
                await send('{"id": "chatcmpl-broken", "choi')
                await send("[DONE]")
                await response.write_eof()
                return response
            await send(chunk({"role": "assistant", "content": ""}))
            for piece in thinking:
                await send(chunk(reasoning_delta(piece)))
                record.chunks += 1
                if tps > 0:
                    await asyncio.sleep(1 / tps)
            for index, piece in enumerate(split_tokens(text)):
                cut = reply.fail in ("disconnect", "midstream")
                if cut and index >= _CHUNKS_BEFORE_DISCONNECT:
                    break
                await send(chunk(content_delta(piece)))
                record.chunks += 1
                if tps > 0:
                    await asyncio.sleep(1 / tps)
            if reply.fail == "disconnect":
                # Drop the connection mid-answer, as a crashing upstream would.
                if request.transport is not None:
                    request.transport.close()
                return response
            if reply.fail == "midstream":
                line = json.dumps(error)
                if self.peer == "ollama":  # a bare object, no `data:`; the stream ends there
                    await response.write(f"{line}\n".encode())
                elif self.peer == "llamacpp":  # an `error:` field, ignored by SSE readers
                    await response.write(f"error: {line}\n\n".encode())
                elif self.peer == "albert":  # the provider's error, relayed as an event
                    await response.write(f"event: error\ndata: {line}\n\n".encode())
                else:  # vLLM (and OpenAI): an error object as data, then [DONE]
                    await send(error)
                    await send("[DONE]")
                await response.write_eof()
                return response
            last = chunk({}, "stop")
            if in_last_chunk and usage is not None:
                last["usage"] = usage
                if self.peer == "llamacpp":
                    last["timings"] = {"prompt_n": usage["prompt_tokens"], "predicted_ms": 1.0}
            await send(last)
            if usage is not None and include_usage and not in_last_chunk:
                await send({**base, "choices": [], "usage": usage})
            await send("[DONE]")
            await response.write_eof()
        except ConnectionResetError:
            log.debug("client left during the stream of %s", ids["id"])
            record.client_closed = True
        except asyncio.CancelledError:
            # The client closed the connection: aiohttp cancels the handler when it sees it.
            log.debug("client closed the stream of %s", ids["id"])
            record.client_closed = True
            raise
        finally:
            if not record.client_closed:
                record.finished = True  # to its end, or to the failure it was asked for
            self._stream_ended.set()
        return response


async def _serve(host: str, port: int, ttft: float, tps: float, peer: str = "openai") -> None:
    server = FakeLLM(default_ttft=ttft, tokens_per_second=tps, peer=peer)
    await server.start(host, port)
    print(f"Fake model server on {server.base_url} (Ctrl-C to stop)", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Fake OpenAI-compatible model server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--ttft", type=float, default=0.3, help="seconds before the first token")
    parser.add_argument("--tps", type=float, default=40.0, help="tokens per second (0: no pause)")
    parser.add_argument(
        "--peer", choices=PEERS, default="openai", help="whose quirks to reproduce"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, args.ttft, args.tps, args.peer))


if __name__ == "__main__":
    main()
