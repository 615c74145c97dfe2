"""A fake of Albert's RAG service (OpenGateRAG) on loopback: the same paths, bodies and errors.

Shapes read in etalab-ia/OpenGateRAG (endpoints/search.py at f392186a; schemas/search.py,
schemas/chunks.py, schemas/collections.py, helpers/_accesscontroller.py, utils/exceptions.py at
426cafbc; endpoints/collections.py and helpers/_documentmanager.py at 9a997d43):

- `POST /v1/search` behind `Authorization: Bearer <key>`: `query` (alias `prompt`), at least one
  character once stripped; `collection_ids` (alias `collections`), positive ids, at most 100;
  `document_ids`; `limit` 1-100 (default 10); `offset`; `method` semantic | hybrid | lexical;
  `score_threshold` 0-1, only with semantic (400 otherwise). An id that is neither the
  caller's nor public: 404 `{"detail": "Collection 7 not found."}`. No id: every collection the
  caller sees. Answer: `{"object": "list", "data": [{"method", "score", "chunk": {...}}],
  "usage": {...}}`.
- `GET /v1/collections` (`name`, `visibility`, `offset`, `limit` 1-100) and
  `GET /v1/collections/{id}`.
- No bearer header: 403 `{"detail": "Not authenticated"}` (FastAPI's HTTPBearer); a key the
  model server refuses: 403 `{"detail": "Invalid API key."}` (another version of the access
  controller also refuses, the same way, any key not starting with "sk-": `sk_prefix=True`);
  validation: 422 with `{"detail": [{"type", "loc", "msg", "input"}]}`.

Failures to inject, taken in order, one per search: http500, http503, http403, http404,
http422, malformed (not JSON), wrongshape (JSON without `data`), huge (an endless body),
hang (never answers), disconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)

FAILURES = (
    "http500",
    "http503",
    "http403",
    "http404",
    "http422",
    "malformed",
    "wrongshape",
    "huge",
    "hang",
    "disconnect",
)
METHODS = ("semantic", "hybrid", "lexical")
_WORD = re.compile(r"\w+")


@dataclass
class FakeDocument:
    collection_id: int
    document_id: int
    name: str
    chunks: list[tuple[str, dict[str, Any] | None]]  # (content, metadata)


@dataclass
class FakeCollection:
    id: int
    name: str
    description: str | None = None
    visibility: str = "public"
    owner: str = "mediatech@data.gouv.fr"
    created: int = 1_760_000_000
    documents: list[FakeDocument] = field(default_factory=list)


@dataclass
class RecordedSearch:
    path: str
    method: str
    headers: dict[str, str]
    json: Any
    at: float


def _validation(loc: list[str | int], msg: str, value: Any, kind: str) -> web.Response:
    detail = [{"type": kind, "loc": ["body", *loc], "msg": msg, "input": value}]
    return web.json_response({"detail": detail}, status=422)


def _detail(status: int, detail: str) -> web.Response:
    return web.json_response({"detail": detail}, status=status)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


class FakeRAG:
    """Serves /v1/search and /v1/collections; every request is recorded in `requests`."""

    def __init__(
        self, *, api_key: str = "test", delay: float = 0.0, sk_prefix: bool = False
    ) -> None:
        self.api_key = api_key
        self.sk_prefix = sk_prefix
        self.delay = delay  # seconds before each search answers
        self.collections: dict[int, FakeCollection] = {}
        self.requests: list[RecordedSearch] = []
        self.failures: deque[str] = deque()
        self.host = "127.0.0.1"
        self.port = 0
        self._recorded = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._inflight: set[asyncio.Task[Any]] = set()
        self._next_document = 1

    # Content --------------------------------------------------------------------------------

    def add_collection(
        self, collection_id: int, name: str, *, visibility: str = "public"
    ) -> FakeCollection:
        collection = FakeCollection(collection_id, name, visibility=visibility)
        self.collections[collection_id] = collection
        return collection

    def add_document(
        self,
        collection_id: int,
        name: str,
        chunks: list[str],
        metadata: dict[str, Any] | None = None,
    ) -> FakeDocument:
        document = FakeDocument(
            collection_id, self._next_document, name, [(c, metadata) for c in chunks]
        )
        self._next_document += 1
        self.collections[collection_id].documents.append(document)
        return document

    def fail(self, *failures: str) -> None:
        for failure in failures:
            if failure not in FAILURES:
                raise ValueError(f"unknown failure {failure!r}, expected one of {FAILURES}")
        self.failures.extend(failures)

    def searches(self) -> list[dict[str, Any]]:
        return [
            r.json
            for r in self.requests
            if r.path == "/v1/search" and r.method == "POST" and isinstance(r.json, dict)
        ]

    async def wait_for_searches(self, n: int, timeout: float = 10) -> None:
        async with asyncio.timeout(timeout):
            while len(self.searches()) < n:
                self._recorded.clear()
                await self._recorded.wait()

    # Server ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if not self.port:
            raise RuntimeError("FakeRAG is not started")
        return f"http://{self.host}:{self.port}/v1"

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self.host = host
        self.port = int(self._runner.addresses[0][1])
        log.info("fake RAG service on %s", self.base_url)

    async def stop(self) -> None:
        for task in list(self._inflight):
            task.cancel()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            body: Any = None
            if request.can_read_body:
                raw = await request.read()
                with contextlib.suppress(ValueError):
                    body = json.loads(raw) if raw else None
            self.requests.append(
                RecordedSearch(
                    request.path, request.method, dict(request.headers), body, time.monotonic()
                )
            )
            self._recorded.set()
            refused = self._authenticate(request)
            if refused is not None:
                return refused
            if request.path == "/v1/search":
                if request.method != "POST":
                    return _detail(405, "Method Not Allowed")
                return await self._search(request, body)
            if request.path == "/v1/collections" and request.method == "GET":
                return self._list_collections(request)
            match = re.fullmatch(r"/v1/collections/(\d+)", request.path)
            if match and request.method == "GET":
                found = self.collections.get(int(match.group(1)))
                if found is None or found.visibility != "public":
                    return _detail(404, "Collection not found.")
                return web.json_response(self._collection_json(found))
            return _detail(404, "Not Found")
        finally:
            if task is not None:
                self._inflight.discard(task)

    def _authenticate(self, request: web.Request) -> web.Response | None:
        header = request.headers.get("Authorization", "")
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() != "bearer" or not credentials:
            return _detail(403, "Not authenticated")
        if credentials != self.api_key or (self.sk_prefix and not credentials.startswith("sk-")):
            return _detail(403, "Invalid API key.")
        return None

    async def _failure(self, request: web.Request) -> web.StreamResponse | None:
        if not self.failures:
            return None
        failure = self.failures.popleft()
        if failure == "hang":
            await asyncio.Event().wait()
        if failure == "http500":
            return web.Response(status=500, text="Internal Server Error")
        if failure == "http503":
            return web.Response(status=503, text="upstream connect error", headers={})
        if failure == "http403":
            return _detail(403, "Invalid API key.")
        if failure == "http404":
            return _detail(404, "Collection 1 not found.")
        if failure == "http422":
            return _validation(["query"], "String should have at least 1 character", "", "x")
        if failure == "malformed":
            return web.Response(text="<html>Bad gateway</html>", content_type="text/html")
        if failure == "wrongshape":
            return web.json_response({"object": "list", "results": []})
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        if failure == "disconnect":
            await response.write(b'{"object": "list", "data": [')
            assert request.transport is not None
            request.transport.close()
            return response
        # huge: a body that never ends, in 64 KiB pieces, until the client gives up.
        await response.write(b'{"object": "list", "data": [')
        piece = b'{"method": "semantic", "score": 0.5, "chunk": {"content": "' + b"x" * 65000
        with contextlib.suppress(ConnectionError):
            for _ in range(10_000):
                await response.write(piece + b'"}},')
        return response

    async def _search(self, request: web.Request, body: Any) -> web.StreamResponse:
        if not isinstance(body, dict):
            return _validation([], "Input should be a valid dictionary", body, "dict_type")
        query = body.get("query", body.get("prompt"))
        if not isinstance(query, str) or not query.strip():
            return _validation(["query"], "String should have at least 1 character", query, "x")
        ids = body.get("collection_ids", body.get("collections", []))
        if not isinstance(ids, list) or len(ids) > 100:
            return _validation(["collection_ids"], "List should have at most 100 items", ids, "x")
        for index, value in enumerate(ids):
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                msg = "Input should be greater than 0"
                return _validation(["collection_ids", index], msg, value, "greater_than")
        limit = body.get("limit", 10)
        if not isinstance(limit, int) or not 0 < limit <= 100:
            return _validation(["limit"], "Input should be less than or equal to 100", limit, "x")
        method = body.get("method", "semantic")
        if method not in METHODS:
            msg = "Input should be 'hybrid', 'semantic' or 'lexical'"
            return _validation(["method"], msg, method, "enum")
        threshold = body.get("score_threshold", 0.0)
        if not isinstance(threshold, int | float) or not 0 <= threshold <= 1:
            return _validation(["score_threshold"], "Input should be ≤ 1", threshold, "x")
        if threshold > 0 and method != "semantic":
            return _detail(400, "Score threshold is only available for semantic search method")
        if self.delay:
            await asyncio.sleep(self.delay)
        failure = await self._failure(request)
        if failure is not None:
            return failure
        visible = {i for i, c in self.collections.items() if c.visibility == "public"}
        for collection_id in ids:
            if collection_id not in visible:
                return _detail(404, f"Collection {collection_id} not found.")
        wanted = set(ids) or visible
        words = _words(query)
        scored = []
        for collection_id in sorted(wanted):
            for document in self.collections[collection_id].documents:
                for chunk_id, (content, metadata) in enumerate(document.chunks):
                    common = len(words & _words(content))
                    score = common / max(1, len(words))
                    if score <= 0 or score < threshold:
                        continue
                    scored.append((score, document, chunk_id, content, metadata))
        scored.sort(key=lambda s: s[0], reverse=True)
        offset = body.get("offset", 0) if isinstance(body.get("offset", 0), int) else 0
        data = [
            {
                "method": method,
                "score": round(score, 4),
                "chunk": {
                    "object": "chunk",
                    "id": chunk_id,
                    "collection_id": document.collection_id,
                    "document_id": document.document_id,
                    "content": content,
                    "metadata": metadata,
                    "created": 1_760_000_000,
                },
            }
            for score, document, chunk_id, content, metadata in scored[offset : offset + limit]
        ]
        usage = {
            "prompt_tokens": len(words),
            "completion_tokens": 0,
            "total_tokens": len(words),
            "cost": 0.0,
            "impacts": {"kWh": 0.0, "kgCO2eq": 0.0},
        }
        return web.json_response({"object": "list", "data": data, "usage": usage})

    def _collection_json(self, collection: FakeCollection) -> dict[str, Any]:
        return {
            "object": "collection",
            "id": collection.id,
            "name": collection.name,
            "owner": collection.owner,
            "description": collection.description,
            "visibility": collection.visibility,
            "created": collection.created,
            "updated": collection.created,
            "documents": len(collection.documents),
            "size": sum(len(c) for d in collection.documents for c, _ in d.chunks),
        }

    def _list_collections(self, request: web.Request) -> web.Response:
        try:
            limit = int(request.query.get("limit", "10"))
            offset = int(request.query.get("offset", "0"))
        except ValueError:
            return _validation(["limit"], "Input should be a valid integer", None, "int_parsing")
        if not 1 <= limit <= 100 or offset < 0:
            return _validation(["limit"], "Input should be less than or equal to 100", limit, "x")
        visibility = request.query.get("visibility")
        found = [
            c
            for _, c in sorted(self.collections.items())
            if c.visibility == "public" and visibility in (None, "public")
        ]
        data = [self._collection_json(c) for c in found[offset : offset + limit]]
        return web.json_response({"object": "list", "data": data})
