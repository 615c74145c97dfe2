"""A fake OpenAI-compatible server on loopback: streamed and plain replies, recorded requests,
scripted failures and delays. Used by the tests, the benchmarks and the demo."""

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

DEFAULT_MODELS: list[dict[str, Any]] = [
    {"id": "mistralai/Mistral-Small-3.1-24B-Instruct-2503", "type": "text-generation"},
    {"id": "meta-llama/Llama-3.1-8B-Instruct", "type": "text-generation"},
    {"id": "BAAI/bge-m3", "type": "text-embeddings-inference"},
    {"id": "openai/whisper-large-v3", "type": "automatic-speech-recognition"},
]

FAILURES = ("http500", "http429", "http503", "malformed", "empty", "disconnect", "hang")


@dataclass
class RecordedRequest:
    path: str
    method: str
    headers: dict[str, str]
    json: Any | None
    at: float  # time.monotonic()


@dataclass
class Reply:
    """One scripted answer for /v1/chat/completions."""

    text: str = ""
    ttft: float | None = None  # seconds before the first token (None: the server's default)
    tokens_per_second: float | None = None  # chunk pacing (None: server default, 0: no pause)
    fail: str | None = None  # one of FAILURES
    usage: bool = True


def split_tokens(text: str) -> list[str]:
    """Pieces of about four characters, cut at word boundaries, spaces kept."""
    pieces: list[str] = []
    for word in re.findall(r"\S+\s*|\s+", text):
        while len(word) > 6:
            pieces.append(word[:4])
            word = word[4:]
        pieces.append(word)
    return pieces


def estimate_tokens(text: str) -> int:
    return max(1, len(text) // 4)


def last_user_message(messages: list[dict[str, Any]]) -> str:
    for message in reversed(messages):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                return content
            if isinstance(content, list):
                return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return ""


class FakeLLM:
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
        self.models = models if models is not None else DEFAULT_MODELS
        self.responder = responder
        self.requests: list[RecordedRequest] = []
        self._queue: deque[Reply] = deque()
        self._chat_count = 0
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._inflight: set[asyncio.Task[Any]] = set()
        self.port = 0
        self._routes: dict[tuple[str, str], Callable[[web.Request], Awaitable[web.StreamResponse]]]
        self._routes = {
            ("GET", "/v1/models"): self._models,
            ("POST", "/v1/chat/completions"): self._chat,
        }

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        for task in list(self._inflight):
            task.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def enqueue(self, *replies: Reply) -> None:
        for reply in replies:
            if reply.fail is not None and reply.fail not in FAILURES:
                raise ValueError(f"unknown failure {reply.fail!r}")
        self._queue.extend(replies)

    def chat_requests(self) -> list[dict[str, Any]]:
        return [
            r.json
            for r in self.requests
            if r.path == "/v1/chat/completions" and isinstance(r.json, dict)
        ]

    async def wait_for_requests(self, n: int, timeout: float = 10) -> None:
        async with asyncio.timeout(timeout):
            while len(self.chat_requests()) < n:
                self._changed.clear()
                await self._changed.wait()

    # HTTP ----------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            body: Any | None = None
            if request.can_read_body:
                raw = await request.read()
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = None
            self.requests.append(
                RecordedRequest(
                    request.path, request.method, dict(request.headers), body, time.monotonic()
                )
            )
            self._changed.set()
            handler = self._routes.get((request.method, request.path))
            if handler is None:
                return _error(404, f"Unknown path {request.path}", "not_found")
            return await handler(request)
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def _models(self, request: web.Request) -> web.StreamResponse:
        data = [
            {"object": "model", "created": 1_700_000_000, "owned_by": "fake", **model}
            for model in self.models
        ]
        return web.json_response({"object": "list", "data": data})

    def _next_reply(self, messages: list[dict[str, Any]]) -> Reply:
        self._chat_count += 1
        if self._queue:
            return self._queue.popleft()
        if self.responder is not None:
            return Reply(text=self.responder(messages))
        question = last_user_message(messages)
        return Reply(
            text=f"Réponse simulée n°{self._chat_count} : vous avez écrit « {question} »."
        )

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        payload = self.requests[-1].json if isinstance(self.requests[-1].json, dict) else {}
        messages = payload.get("messages") or []
        model = str(payload.get("model") or self.models[0]["id"])
        reply = self._next_reply(messages)
        ttft = self.default_ttft if reply.ttft is None else reply.ttft
        tps = (
            self.tokens_per_second if reply.tokens_per_second is None else reply.tokens_per_second
        )
        if reply.fail == "hang":
            await asyncio.Event().wait()  # until the client gives up or the server stops
        if reply.fail in ("http500", "http503"):
            status = 500 if reply.fail == "http500" else 503
            return _error(status, "The model is unavailable", "server_error")
        if reply.fail == "http429":
            response = _error(429, "Rate limit reached", "rate_limit_exceeded")
            response.headers["Retry-After"] = "0"
            return response
        prompt_tokens = sum(estimate_tokens(str(m.get("content", ""))) for m in messages)
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": estimate_tokens(reply.text),
            "total_tokens": prompt_tokens + estimate_tokens(reply.text),
        }
        if ttft:
            await asyncio.sleep(ttft)
        if not payload.get("stream"):
            return web.json_response(
                {
                    "id": f"chatcmpl-{self._chat_count}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": reply.text},
                            "finish_reason": "stop",
                        }
                    ],
                    **({"usage": usage} if reply.usage else {}),
                }
            )
        return await self._stream(request, reply, model, tps, usage, payload)

    async def _stream(
        self,
        request: web.Request,
        reply: Reply,
        model: str,
        tps: float,
        usage: dict[str, int],
        payload: dict[str, Any],
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        base = {
            "id": f"chatcmpl-{self._chat_count}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
        }

        async def send(data: Any) -> None:
            text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
            await response.write(f"data: {text}\n\n".encode())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {
                **base,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }

        if reply.fail == "malformed":
            await send({**base, "unexpected": True})
            await send("{not json")
            await send("[DONE]")
            await response.write_eof()
            return response
        pieces = [] if reply.fail == "empty" else split_tokens(reply.text)
        await send(chunk({"role": "assistant", "content": ""}))
        for index, piece in enumerate(pieces):
            if reply.fail == "disconnect" and index >= 3:
                # Drop the connection mid-answer, as a crashing upstream would.
                transport = request.transport
                if transport is not None:
                    transport.close()
                return response
            await send(chunk({"content": piece}))
            if tps > 0:
                await asyncio.sleep(1 / tps)
        if reply.fail == "disconnect" and request.transport is not None:
            request.transport.close()
            return response
        await send(chunk({}, "stop"))
        options = payload.get("stream_options") or {}
        if reply.usage and options.get("include_usage"):
            await send({**base, "choices": [], "usage": usage})
        await send("[DONE]")
        await response.write_eof()
        return response


def _error(status: int, message: str, code: str) -> web.Response:
    return web.json_response(
        {"error": {"message": message, "type": code, "param": None, "code": code}}, status=status
    )


async def _serve(port: int, ttft: float, tps: float) -> None:
    server = FakeLLM(default_ttft=ttft, tokens_per_second=tps)
    await server.start(port=port)
    print(f"fake OpenAI-compatible server on {server.base_url} (Ctrl-C to stop)", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Fake OpenAI-compatible server on loopback")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--ttft", type=float, default=0.3)
    parser.add_argument("--tps", type=float, default=40.0)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.ttft, args.tps))


if __name__ == "__main__":
    main()
