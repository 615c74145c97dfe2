"""The search provider behind !web: SearXNG's JSON API.

Albert's web search (`POST /v1/search` with `web_search: true`) was removed in December 2025
and its successor, OpenGateRAG's `/v1/search`, searches only the caller's own collections:
`web.provider = "albert"` is refused by the configuration (handlers/web/config.py)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp

from handlers.web.config import WebConfig
from handlers.web.guard import BadUrl, host_matches, normalise

log = logging.getLogger(__name__)

# An engine's answer is parsed on the event loop: a real one is a few tens of KB; past this
# size it is refused (a long JSON array of floats takes about 0.25 s a MB to parse).
MAX_ANSWER_BYTES = 512 * 1024
MAX_TITLE_CHARS = 300


class SearchError(Exception):
    """The search engine did not answer usefully."""


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: str  # the engine's excerpt; used when the page itself cannot be read


class SearchProvider(Protocol):
    name: str

    async def search(self, query: str, limit: int) -> list[SearchResult]: ...

    async def close(self) -> None: ...


def _timeout(config: WebConfig) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(
        total=config.total_timeout,
        sock_connect=config.connect_timeout,
        sock_read=config.read_timeout,
    )


class _HttpProvider:
    name = "http"

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        # The engine is the operator's own choice of address (often an internal SearXNG): it is
        # not behind the page guard, and never receives URLs chosen by a user or a page. The
        # result URLs it returns are pages: they are read through the fetcher, like links.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                trust_env=False, headers={"User-Agent": self.config.user_agent}
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _json(self, response: aiohttp.ClientResponse) -> Any:
        if response.status != 200:
            raise SearchError(f"HTTP {response.status}")
        body = bytearray()
        async for chunk in response.content.iter_chunked(64 * 1024):
            body += chunk
            if len(body) > MAX_ANSWER_BYTES:
                raise SearchError("answer too long")
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
            raise SearchError("not JSON") from exc

    def _result(self, title: str, url: str, snippet: str) -> SearchResult:
        """Title and excerpt cut like a page's (they are quoted to the model as one)."""
        limit = self.config.max_chars_per_page
        return SearchResult(title[:MAX_TITLE_CHARS], url, snippet[:limit])


class SearxngProvider(_HttpProvider):
    """GET <base_url>/search?q=…&format=json&language=fr (SearXNG's JSON output format)."""

    name = "searxng"

    async def search(self, query: str, limit: int) -> list[SearchResult]:
        url = self.config.base_url.rstrip("/") + "/search"
        params = {"q": query, "format": "json", "language": self.config.language}
        try:
            async with self.session().get(
                url, params=params, timeout=_timeout(self.config)
            ) as response:
                data = await self._json(response)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise SearchError(type(exc).__name__) from exc
        results = []
        items = data.get("results") if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                results.append(
                    self._result(
                        str(item.get("title") or item["url"]),
                        item["url"],
                        str(item.get("content") or ""),
                    )
                )
        return results[: limit * 2]  # extra ones cover results the domain lists drop


def make_provider(config: WebConfig) -> SearchProvider | None:
    if config.provider == "searxng":
        return SearxngProvider(config)
    return None


def filter_results(results: list[SearchResult], config: WebConfig) -> list[SearchResult]:
    """Results on http(s) URLs, allowed by the domain lists (on the host as normalised for the
    connection, as the fetcher checks it), each URL once."""
    kept: list[SearchResult] = []
    seen: set[str] = set()
    for result in results:
        try:
            target = normalise(result.url)
        except BadUrl:
            continue
        if host_matches(target.host, config.deny_domains):
            continue
        if config.allow_domains and not host_matches(target.host, config.allow_domains):
            continue
        if str(target.url) not in seen:
            seen.add(str(target.url))
            kept.append(result)
    return kept
