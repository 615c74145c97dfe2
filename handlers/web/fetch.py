"""Fetching pages for the model: guarded connections, limits, extraction, cache, rate limits."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import SimpleNamespace

import aiohttp
import trafilatura

from bot.context import UnreadableDocument
from handlers.web.config import WebConfig
from handlers.web.guard import (
    AddressPolicy,
    BadUrl,
    BlockedAddress,
    GuardedResolver,
    Lookup,
    Target,
    connectable,
    host_matches,
    normalise,
    redirect_target,
    system_lookup,
)

log = logging.getLogger(__name__)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/csv"})
PDF_TYPES = frozenset({"application/pdf"})
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)

# The attachments feature's PDF reader (a killable worker process), wired by the services.
PdfExtractor = Callable[[bytes], Awaitable[str]]


class FetchError(Exception):
    """A page could not be read; `kind` picks the French explanation (texts.web_fetch_error)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    title: str
    text: str
    truncated: bool  # the page or its text was cut at the configured limits


class RateLimit:
    """At most `limit` events per key in any `window` seconds."""

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = {}

    def allow(self, key: str = "") -> bool:
        now = self.clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True


def _decode(body: bytes, charset: str | None) -> str:
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def extract_html(body: bytes, charset: str | None) -> tuple[str, str]:
    """(title, main text) of an HTML page; blocking: run it in a thread."""
    html = _decode(body, charset)
    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    title = ""
    match = _TITLE.search(body)
    if match:
        title = " ".join(_decode(match.group(1), charset).split())
    return title, text.strip()


class Fetcher:
    """One HTTP client for every page the bot reads, guarded against internal addresses."""

    def __init__(
        self,
        config: WebConfig,
        *,
        clock: Callable[[], float] = time.monotonic,
        lookup: Lookup = system_lookup,
    ) -> None:
        self.config = config
        self.clock = clock
        self.lookup = lookup  # swapped by tests for a stub resolver
        self.policy = AddressPolicy(config.allow_private_addresses, tuple(config.intranet_hosts))
        self.pdf_extractor: PdfExtractor | None = None
        self.user_limit = RateLimit(config.fetches_per_user_per_minute, clock=clock)
        self.global_limit = RateLimit(config.fetches_per_minute, clock=clock)
        self._semaphore = asyncio.Semaphore(config.max_concurrent_fetches)
        self._cache: dict[str, tuple[float, Page]] = {}
        self._session: aiohttp.ClientSession | None = None
        # Observed, for the benchmark and tests.
        self.in_flight = 0
        self.peak_in_flight = 0
        self.fetches = 0
        # Addresses the resolver cleared for a connection, and the URLs handed to aiohttp.
        self.cleared_addresses: deque[str] = deque(maxlen=256)
        self.requests_started: deque[str] = deque(maxlen=256)

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            resolver = GuardedResolver(self.policy, lambda: self.lookup, self.cleared_addresses)
            connector = aiohttp.TCPConnector(
                resolver=resolver, use_dns_cache=False, limit=self.config.max_concurrent_fetches
            )
            tripwire = aiohttp.TraceConfig()
            tripwire.on_request_start.append(self._on_request_start)
            self._session = aiohttp.ClientSession(
                connector=connector,
                trust_env=False,  # no proxy from the environment: the guard must see the host
                headers={"User-Agent": self.config.user_agent, "Accept-Language": "fr"},
                trace_configs=[tripwire],
            )
        return self._session

    async def _on_request_start(
        self,
        session: aiohttp.ClientSession,
        context: SimpleNamespace,
        params: aiohttp.TraceRequestStartParams,
    ) -> None:
        """Before every request this session sends, whoever built it: the host must be one
        `normalise` returns, and a literal must pass the policy (aiohttp connects to address
        literals without asking the resolver)."""
        url = params.url
        host = url.raw_host or ""
        credentials = url.raw_user is not None or url.raw_password is not None
        if url.scheme not in ("http", "https") or credentials:
            raise BlockedAddress(host, "ambiguous")
        self.policy.check(host, connectable(host))

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def check_domain(self, host: str) -> None:
        config = self.config
        if host_matches(host, config.deny_domains):
            raise FetchError("denied_domain", host)
        if config.allow_domains and not host_matches(host, config.allow_domains):
            raise FetchError("denied_domain", host)

    def check(self, url: str) -> Target:
        """A link or search result, normalised and checked without the network; FetchError."""
        try:
            target = normalise(url)
        except BadUrl as exc:
            raise FetchError("bad_url", exc.reason) from exc
        return self._approve(target)

    def next_hop(self, current: Target, location: str) -> Target:
        """Where a redirect from `current` leads, checked like the first URL; FetchError."""
        try:
            target = redirect_target(current, location)
        except BadUrl as exc:
            raise FetchError("bad_url", exc.reason) from exc
        return self._approve(target)

    def _approve(self, target: Target) -> Target:
        self.check_domain(target.host)
        try:
            self.policy.check(target.host, target.ip)
        except BlockedAddress as exc:
            raise FetchError("blocked", exc.category) from exc
        return target

    async def fetch(self, url: str, user_id: str) -> Page:
        target = self.check(url)
        key = str(target.url)
        now = self.clock()
        cached = self._cache.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        if not self.user_limit.allow(user_id):
            raise FetchError("rate_user")
        if not self.global_limit.allow():
            raise FetchError("rate_global")
        started = time.monotonic()
        async with self._semaphore:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            self.fetches += 1
            try:
                page = await asyncio.wait_for(
                    self._follow(url.strip(), target), self.config.total_timeout
                )
            except TimeoutError as exc:
                raise FetchError("timeout") from exc
            except BlockedAddress as exc:
                raise FetchError("blocked", exc.category) from exc
            except aiohttp.ClientConnectorDNSError as exc:
                raise FetchError("dns") from exc
            except aiohttp.ClientError as exc:
                raise FetchError("network", type(exc).__name__) from exc
            finally:
                self.in_flight -= 1
        log.info(
            "fetched a page: %d characters%s in %.2f s",
            len(page.text),
            " (cut)" if page.truncated else "",
            time.monotonic() - started,
        )
        if self.config.cache_ttl > 0:
            self._cache[key] = (self.clock() + self.config.cache_ttl, page)
            if len(self._cache) > 256:
                self._cache.pop(next(iter(self._cache)))
        return page

    async def _follow(self, asked: str, first: Target) -> Page:
        config = self.config
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=config.connect_timeout, sock_read=config.read_timeout
        )
        current = first
        for _ in range(config.max_redirects + 1):
            self.requests_started.append(str(current.url))
            # The request is built from the checked URL object, never from text parsed again.
            async with self._client().get(
                current.url, allow_redirects=False, timeout=timeout
            ) as response:
                if response.status in REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError("status", str(response.status))
                    current = self.next_hop(current, location)
                    continue
                if response.status >= 400:
                    raise FetchError("status", str(response.status))
                return await self._read(asked, current, response)
        raise FetchError("redirects")

    async def _read(self, asked: str, current: Target, response: aiohttp.ClientResponse) -> Page:
        ctype = response.content_type.lower()
        if ctype not in HTML_TYPES | TEXT_TYPES | PDF_TYPES:
            raise FetchError("type", ctype)
        limit = self.config.max_bytes
        chunks: list[bytes] = []
        size = 0
        truncated = False
        async for chunk in response.content.iter_chunked(64 * 1024):
            if size + len(chunk) > limit:
                chunks.append(chunk[: limit - size])
                truncated = True
                break
            chunks.append(chunk)
            size += len(chunk)
        body = b"".join(chunks)
        charset = response.charset
        if ctype in PDF_TYPES:
            if truncated:
                raise FetchError("too_big")
            if self.pdf_extractor is None:
                raise FetchError("pdf_unsupported")
            try:
                text = await self.pdf_extractor(body)
            except UnreadableDocument as exc:
                raise FetchError("unreadable_pdf", exc.reason) from exc
            title = ""
        elif ctype in HTML_TYPES:
            title, text = await asyncio.to_thread(extract_html, body, charset)
        else:
            title, text = "", _decode(body, charset).strip()
        if not text:
            raise FetchError("empty")
        max_chars = self.config.max_chars_per_page
        if len(text) > max_chars:
            text = text[:max_chars].rstrip() + " […]"
            truncated = True
        return Page(asked, str(current.url), title or current.host, text, truncated)


def page_site(url: str) -> str:
    try:
        host = normalise(url).host
    except BadUrl:
        return ""
    return host[4:] if host.startswith("www.") else host
