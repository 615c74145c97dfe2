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

FAILURES = ("http500", "http429", "http503", "malformed", "empty", "disconnect", "hang")

# Chunks sent before a "disconnect" drops the connection.
_CHUNKS_BEFORE_DISCONNECT = 3


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


def _error(status: int, message: str, kind: str, code: str | None = None) -> web.Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code or kind}}
    return web.json_response(body, status=status)


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
    ) -> None:
        self.default_ttft = default_ttft
        self.tokens_per_second = tokens_per_second
        self.models = models if models is not None else list(DEFAULT_MODELS)
        self.responder = responder
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
        # Later endpoints (/v1/audio/transcriptions, /v1/ocr, /v1/embeddings) go here.
        self._routes: dict[tuple[str, str], Handler] = {
            ("GET", "/v1/models"): self._models,
            ("POST", "/v1/chat/completions"): self._chat_completions,
            ("POST", "/v1/audio/transcriptions"): self._transcriptions,
            ("POST", "/v1/ocr"): self._ocr,
        }
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

    def enqueue(self, *replies: Reply) -> None:
        for reply in replies:
            if reply.fail is not None and reply.fail not in FAILURES:
                raise ValueError(f"unknown failure {reply.fail!r}, expected one of {FAILURES}")
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
        if _is_title(record):
            return self._title(messages, payload)
        self._chat_count += 1
        completion_id = f"chatcmpl-fake-{self._chat_count}"
        reply = self._next_reply(messages)
        ttft = self.default_ttft if reply.ttft is None else reply.ttft
        tps = (
            self.tokens_per_second if reply.tokens_per_second is None else reply.tokens_per_second
        )
        if reply.fail == "hang":
            await asyncio.Event().wait()  # cancelled when the client leaves or the server stops
        if reply.fail in ("http500", "http503"):
            return _error(
                500 if reply.fail == "http500" else 503, "The model is unavailable", "server_error"
            )
        if reply.fail == "http429":
            response = _error(429, "Rate limit reached", "rate_limit_exceeded")
            response.headers["Retry-After"] = "0"
            return response
        if ttft > 0:
            await asyncio.sleep(ttft)
        text = "" if reply.fail == "empty" else reply.text
        prompt_tokens = sum(estimate_tokens(_content_text(m.get("content"))) for m in messages)
        completion_tokens = estimate_tokens(text) if text else 0
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
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
                usage if reply.usage and include_usage else None,
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
        return web.json_response(
            {
                "model": payload.get("model") if isinstance(payload, dict) else None,
                "pages": [
                    {"index": i, "markdown": text, "images": [], "dimensions": None}
                    for i, text in enumerate(pages)
                ],
                "usage_info": {"pages_processed": len(pages)},
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
        usage: dict[str, int] | None,
        include_usage: bool,
    ) -> web.StreamResponse:
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

        async def send(data: dict[str, Any] | str) -> None:
            line = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
            await response.write(f"data: {line}\n\n".encode())

        def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            return {**base, "choices": [choice]}

        try:
            if reply.fail == "malformed":
                await send({key: value for key, value in base.items() if key != "usage"})
                await send('{"id": "chatcmpl-broken", "choi')
                await send("[DONE]")
                await response.write_eof()
                return response
            await send(chunk({"role": "assistant", "content": ""}))
            for index, piece in enumerate(split_tokens(text)):
                if reply.fail == "disconnect" and index >= _CHUNKS_BEFORE_DISCONNECT:
                    break
                await send(chunk({"content": piece}))
                if tps > 0:
                    await asyncio.sleep(1 / tps)
            if reply.fail == "disconnect":
                # Drop the connection mid-answer, as a crashing upstream would.
                if request.transport is not None:
                    request.transport.close()
                return response
            await send(chunk({}, "stop"))
            if usage is not None:
                await send({**base, "choices": [], "usage": usage})
            await send("[DONE]")
            await response.write_eof()
        except ConnectionResetError:
            log.debug("client left during the stream of %s", ids["id"])
        return response


async def _serve(host: str, port: int, ttft: float, tps: float) -> None:
    server = FakeLLM(default_ttft=ttft, tokens_per_second=tps)
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
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, args.ttft, args.tps))


if __name__ == "__main__":
    main()
