"""The client of Albert's RAG service (OpenGateRAG) and the parser of its answers.

Read in etalab-ia/OpenGateRAG (opengaterag/api/endpoints/search.py at f392186a, schemas/search.py,
schemas/chunks.py, schemas/collections.py at 426cafbc, endpoints/collections.py at 9a997d43):

- `POST {base}/search`, `Authorization: Bearer <Albert key>`, body `{"query", "collection_ids",
  "limit" (1-100), "method" ("semantic" | "hybrid" | "lexical"), "score_threshold"}`. The old
  names `prompt`, `collections` are still accepted but deprecated; `k` is gone.
- 200: `{"object": "list", "data": [{"method", "score", "chunk": {"object": "chunk", "id",
  "collection_id", "document_id", "content", "metadata": {str: str|int|float|bool} | null,
  "created"}}], "usage": {...}}`. The metadata is whatever the uploader put: the public
  collections (etalab-ia/mediatech-to-albert-api) carry `title` and `url` (`name` and
  `directory_url` for the directories).
- Errors are FastAPI's `{"detail": "..."}` (403 bad key, 404 "Collection 7 not found.", 400 wrong
  method) or `{"detail": [{...}]}` (422, validation).
- `GET {base}/collections?visibility=public&limit=100`: `{"object": "list", "data": [{"id",
  "name", "owner", "description", "visibility", "created", "updated", "documents", "size"}]}`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

log = logging.getLogger(__name__)

# A real answer (20 chunks of a few KB, metadata under 3 KB each) is under 250 KB; past this it
# is refused unread: parsing JSON holds the event loop (about 30 ms for 512 KiB of small items).
MAX_ANSWER_BYTES = 512 * 1024
MAX_TITLE_CHARS = 200
MAX_URL_CHARS = 2000
MAX_DETAIL_CHARS = 200
MAX_COLLECTIONS_LISTED = 100
# Metadata keys naming a source, in order of preference.
TITLE_KEYS = ("title", "full_title", "name", "source_title", "document_name")
URL_KEYS = ("url", "directory_url", "source_url", "link")

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_SPACES = re.compile(r"\s+")


class RagError(Exception):
    """The RAG service did not answer usefully. `kind`: timeout, network, auth, not_found,
    status, too_big, malformed."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Excerpt:
    """One document's excerpts found for a question (chunks of one document merged)."""

    title: str
    url: str  # "" when the document has no safe http(s) address
    text: str
    score: float
    collection_id: int
    document_id: int
    truncated: bool


@dataclass(frozen=True)
class CollectionInfo:
    id: int
    name: str
    documents: int


def _clean_line(value: Any, limit: int) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return ""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", str(value)[: limit * 4])).strip()
    return text[:limit].rstrip() + ("…" if len(text) > limit else "")


def safe_url(value: Any) -> str:
    """An http(s) address fit for a Markdown link, or "": no spaces, no controls, no angle
    brackets; parentheses escaped so the link cannot end early."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_URL_CHARS:
        return ""
    if _CONTROL.search(value) or any(c.isspace() or c in '<>"`\\' for c in value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return value.replace("(", "%28").replace(")", "%29")


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _score(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
        return float(value)
    return 0.0


def _first(metadata: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if metadata.get(key) not in (None, ""):
            return metadata[key]
    return None


def parse_search(data: Any, *, limit: int, max_chars: int) -> list[Excerpt]:
    """The excerpts of a search answer, best first, one per document, at most `limit`; each
    document's text cut at `max_chars`. Anything unexpected is skipped, never raised on, except
    an answer that is not the documented list (RagError "malformed")."""
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise RagError("malformed", "no data list")
    by_document: dict[tuple[int, int], dict[str, Any]] = {}
    for item in items[: limit * 10]:  # the service returns `limit`; a hostile one, more
        chunk = item.get("chunk") if isinstance(item, dict) else None
        if not isinstance(chunk, dict):
            continue
        content = chunk.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        key = (_int(chunk.get("collection_id")), _int(chunk.get("document_id")))
        metadata = chunk.get("metadata")
        metadata = metadata if isinstance(metadata, dict) else {}
        found = by_document.get(key)
        if found is None:
            if len(by_document) >= limit:
                continue
            found = by_document[key] = {
                "title": _clean_line(_first(metadata, TITLE_KEYS), MAX_TITLE_CHARS),
                "url": safe_url(_first(metadata, URL_KEYS)),
                "parts": [],
                "size": 0,
                "score": _score(item.get("score")),
                "truncated": False,
            }
        room = max_chars - found["size"]
        if room <= 0:
            found["truncated"] = True
            continue
        part = content.strip()[: room + 1]
        if len(part) > room:
            part, found["truncated"] = part[:room], True
        found["parts"].append(part)
        found["size"] += len(part)
    excerpts = [
        Excerpt(
            title=found["title"] or f"Document {key[1]}",
            url=found["url"],
            text="\n[…]\n".join(found["parts"]),
            score=found["score"],
            collection_id=key[0],
            document_id=key[1],
            truncated=found["truncated"],
        )
        for key, found in by_document.items()
    ]
    excerpts.sort(key=lambda e: e.score, reverse=True)
    return excerpts


def parse_collections(data: Any) -> list[CollectionInfo]:
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise RagError("malformed", "no data list")
    found = []
    for item in items[:MAX_COLLECTIONS_LISTED]:
        if isinstance(item, dict) and _int(item.get("id")) > 0:
            name = _clean_line(item.get("name"), MAX_TITLE_CHARS) or f"collection {item['id']}"
            found.append(CollectionInfo(item["id"], name, max(0, _int(item.get("documents")))))
    return found


def error_detail(body: bytes) -> str:
    """FastAPI's `detail` (a string, or the first validation error's `msg`), short, one line."""
    try:
        data = json.loads(body[:65536])
    except (ValueError, RecursionError):
        return ""
    detail = data.get("detail") if isinstance(data, dict) else None
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        detail = detail[0].get("msg")
    return _clean_line(detail, MAX_DETAIL_CHARS)


class RagClient:
    """Searches the configured collections; one HTTP session, opened on first use."""

    def __init__(self, base_url: str, api_key: str, *, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            headers = {"Accept": "application/json"}
            if self._api_key:
                headers["Authorization"] = f"Bearer {self._api_key}"
            # The operator's own service: no proxy from the environment, no user's address.
            self._session = aiohttp.ClientSession(trust_env=False, headers=headers)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _timeout(self) -> aiohttp.ClientTimeout:
        return aiohttp.ClientTimeout(total=self.timeout, sock_connect=min(5.0, self.timeout))

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            async with self._open().request(
                method, self.base_url + path, timeout=self._timeout(), **kwargs
            ) as response:
                body = await _read_bounded(response)
                if response.status != 200:
                    raise _status_error(response.status, body)
        except TimeoutError as exc:
            raise RagError("timeout") from exc
        except aiohttp.ClientError as exc:
            raise RagError("network", type(exc).__name__) from exc
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
            raise RagError("malformed", "not JSON") from exc

    async def search(
        self,
        query: str,
        collection_ids: list[int],
        *,
        limit: int,
        method: str = "semantic",
        score_threshold: float = 0.0,
        max_chars: int = 3000,
    ) -> list[Excerpt]:
        body: dict[str, Any] = {
            "query": query,
            "collection_ids": collection_ids,
            "limit": limit,
            "method": method,
        }
        if score_threshold > 0:
            body["score_threshold"] = score_threshold
        data = await self._request("POST", "/search", json=body)
        return parse_search(data, limit=limit, max_chars=max_chars)

    async def public_collections(self) -> list[CollectionInfo]:
        params = {"visibility": "public", "limit": str(MAX_COLLECTIONS_LISTED)}
        return parse_collections(await self._request("GET", "/collections", params=params))


async def _read_bounded(response: aiohttp.ClientResponse) -> bytes:
    declared = response.content_length
    if declared is not None and declared > MAX_ANSWER_BYTES:
        raise RagError("too_big", f"{declared} bytes declared")
    body = bytearray()
    async for chunk in response.content.iter_chunked(64 * 1024):
        body += chunk
        if len(body) > MAX_ANSWER_BYTES:
            raise RagError("too_big")
    return bytes(body)


def _status_error(status: int, body: bytes) -> RagError:
    detail = f"HTTP {status}" + (f" {d}" if (d := error_detail(body)) else "")
    if status in (401, 403):
        return RagError("auth", detail)
    if status == 404:
        return RagError("not_found", detail)
    return RagError("status", detail)
