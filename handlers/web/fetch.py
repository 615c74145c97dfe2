"""Fetching pages for the model: guarded connections, limits, extraction, cache, rate limits."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import html
import json
import logging
import sys
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import aiohttp

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
# The <title> is looked for in the head of the page only, and kept short.
TITLE_SCAN_BYTES = 64 * 1024
TITLE_MAX_BYTES = 2048
TITLE_MAX_CHARS = 300
_TAG_NAME_END = (b">", b"/", b" ", b"\t", b"\n", b"\r", b"\f")
# Plain text is decoded by slices of this size, the event loop getting a turn between them.
DECODE_STEP = 16 * 1024
# Pure-Python decoders: punycode is quadratic (a 2 MB body: minutes), idna is made for names.
_REFUSED_CODECS = frozenset({"punycode", "idna"})
# Without one of these, the incremental UTF-16/32 decoders refuse the text.
_BOMS = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}
# The HTML extraction worker: memory cap (a page needing more fails), peak memory after which
# it is replaced (the heap a big page grew stays), time allowed to start.
WORKER_MEMORY_MB = 1024
WORKER_RECYCLE_MB = 256
WORKER_START_TIMEOUT = 30.0

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


def _codec(charset: str | None) -> str:
    """The page's declared charset if it is a text encoding that decodes in linear time and in
    slices, else UTF-8 (the charset comes from the site)."""
    try:
        name = codecs.lookup(charset or "utf-8").name
        codecs.getincrementaldecoder(name)
        b"".decode(name)  # LookupError for bytes-to-bytes codecs (zlib, base64...)
    except (LookupError, ValueError):
        return "utf-8"
    return "utf-8" if name in _REFUSED_CODECS else name


def _decode(body: bytes, charset: str | None) -> str:
    """For short bodies only (a title): one call, however long it takes."""
    return body.decode(_codec(charset), errors="replace")


def page_title(body: bytes, charset: str | None) -> str:
    """The page's <title>, looked for in its first TITLE_SCAN_BYTES only (it belongs in <head>)
    and cut at TITLE_MAX_CHARS. Linear: a few `find`s, no regular expression over the page."""
    head = body[:TITLE_SCAN_BYTES].lower()
    start = head.find(b"<title")
    while start != -1 and head[start + 6 : start + 7] not in _TAG_NAME_END:
        start = head.find(b"<title", start + 6)  # <titlebar>: not a title
    if start == -1:
        return ""
    opened = head.find(b">", start)
    closed = head.find(b"</title", opened) if opened != -1 else -1
    if closed == -1:
        return ""
    raw = body[opened + 1 : min(closed, opened + 1 + TITLE_MAX_BYTES)]
    return " ".join(html.unescape(_decode(raw, charset)).split())[:TITLE_MAX_CHARS].rstrip()


async def plain_text(body: bytes, charset: str | None, max_chars: int) -> str:
    """A text body, stripped, decoded until it holds more than `max_chars` characters: by
    DECODE_STEP slices, since one decoder call on a hostile 2 MB body (UTF-7, 8-bit tables full
    of errors) holds the interpreter lock for up to a second."""
    codec = _codec(charset)
    if codec in ("utf-16", "utf-32") and not body.startswith(_BOMS[codec]):
        codec += "-le" if sys.byteorder == "little" else "-be"  # as one decode call reads it
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    text = ""
    for start in range(0, len(body), DECODE_STEP):
        end = start + DECODE_STEP
        text = (text + decoder.decode(body[start:end], final=end >= len(body))).lstrip()
        if len(text) > max_chars:
            break
        await asyncio.sleep(0)
    return text.rstrip()


# Run by `python -I -c`: imports trafilatura and nothing of the bot. One job: a JSON line
# {"size", "codec", "max_chars"} then `size` bytes of HTML; the answer: a JSON line {"ok",
# "size", "peak_kb"[, "error"]} then `size` bytes of UTF-8 text. Logging is off: trafilatura's
# messages may quote the page.
_WORKER = """
import json, logging, resource, sys
cap = int(sys.argv[1])
if cap:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
logging.disable(logging.CRITICAL)
import trafilatura
source, sink = sys.stdin.buffer, sys.stdout.buffer
sink.write(b"ready\\n")
sink.flush()
for line in iter(source.readline, b""):
    job = json.loads(line)
    page = source.read(job["size"])
    try:
        html = page.decode(job["codec"], "replace")
        text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        out, answer = text.strip()[: job["max_chars"]].encode("utf-8", "replace"), {"ok": True}
    except MemoryError:
        out, answer = b"", {"ok": False, "error": "too_big"}
    except Exception as exc:
        out, answer = b"", {"ok": False, "error": type(exc).__name__}
    page = html = text = ""
    answer["size"] = len(out)
    answer["peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sink.write(json.dumps(answer).encode() + b"\\n" + out)
    sink.flush()
"""


class HtmlExtractor:
    """The main text of HTML pages, extracted by trafilatura in a worker process.

    Not a thread: lxml and trafilatura hold the interpreter lock for seconds on a hostile page
    (2 MB of links: 4.7 s in one stretch), which stops the bot's event loop, and a thread
    cannot be stopped (2 MB of <div>: 20 s of CPU). One worker, started on first use, takes one
    page at a time under a deadline and a memory cap (RLIMIT_AS); on timeout, crash, error or
    cancellation, or once a page made it grow past `recycle_mb`, it is killed, and the next
    page starts a new one. `python -I -c` rather than multiprocessing: the worker imports
    trafilatura alone, never the bot (multiprocessing's spawn would run the `python -m bot`
    entry point again in the child).
    """

    def __init__(
        self,
        *,
        timeout: float,
        memory_mb: int = WORKER_MEMORY_MB,
        recycle_mb: int = WORKER_RECYCLE_MB,
        start_timeout: float = WORKER_START_TIMEOUT,
    ) -> None:
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.recycle_mb = recycle_mb
        self.start_timeout = start_timeout
        self._lock = asyncio.Lock()
        self._process: asyncio.subprocess.Process | None = None
        # Observed, for the benchmark and tests.
        self.starts = 0
        self.kills = 0
        self.peak_kb = 0  # the worker's peak resident memory, as of the last page it read

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.returncode is None else None

    async def extract(self, body: bytes, charset: str | None, max_chars: int) -> str:
        """The page's main text, stripped, at most `max_chars` + 1 characters; FetchError."""
        async with self._lock:
            answer: dict[str, Any] = {}
            try:
                process = await self._started()
                async with asyncio.timeout(self.timeout):
                    answer, text = await self._ask(process, body, _codec(charset), max_chars)
            except TimeoutError:
                log.warning("HTML extraction overran %.0f s: worker killed", self.timeout)
                raise FetchError("unreadable", "extraction timeout") from None
            except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
                log.warning("HTML extraction worker failed: %s", type(exc).__name__)
                raise FetchError("unreadable", "extraction worker failed") from None
            finally:
                self.peak_kb = int(answer.get("peak_kb") or 0)
                if not answer.get("ok") or self.peak_kb > self.recycle_mb * 1024:
                    await self._stop()  # whatever happened, even a cancellation: a new one
        if not answer["ok"]:
            error = str(answer.get("error"))
            log.warning("HTML extraction failed in the worker: %s", error)
            raise FetchError("too_big" if error == "too_big" else "unreadable", error)
        return text

    async def _started(self) -> asyncio.subprocess.Process:
        process = self._process
        if process is not None and process.returncode is None:
            return process
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-I",  # no user site, no environment, no current folder on the import path
            "-c",
            _WORKER,
            str(self.memory_mb * 1024 * 1024),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,  # it could quote the page
            env={},  # it parses hostile pages: none of the bot's secrets
        )
        self._process = process
        self.starts += 1
        assert process.stdout is not None
        try:
            async with asyncio.timeout(self.start_timeout):
                ready = await process.stdout.readline()
        except TimeoutError:
            raise EOFError("worker start timeout") from None
        if ready != b"ready\n":
            raise EOFError("worker did not start")
        return process

    @staticmethod
    async def _ask(
        process: asyncio.subprocess.Process, body: bytes, codec: str, max_chars: int
    ) -> tuple[dict[str, Any], str]:
        assert process.stdin is not None and process.stdout is not None
        job = {"size": len(body), "codec": codec, "max_chars": max_chars + 1}
        process.stdin.write(json.dumps(job).encode() + b"\n")
        process.stdin.write(body)
        await process.stdin.drain()
        answer = json.loads(await process.stdout.readline())
        if not isinstance(answer, dict):
            raise ValueError("bad answer")
        text = await process.stdout.readexactly(int(answer["size"]))
        return answer, text.decode("utf-8", errors="replace")

    async def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                process.kill()
            self.kills += 1
        await process.wait()

    async def close(self) -> None:
        await self._stop()


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
        # A page has `total_timeout` to be read, download and extraction together (the fetch's
        # own deadline cancels a longer extraction, which kills the worker).
        self.html = HtmlExtractor(timeout=config.total_timeout)
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
        await self.html.close()

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
        title, text = await self.extract(b"".join(chunks), ctype, response.charset, truncated)
        if not text:
            raise FetchError("empty")
        max_chars = self.config.max_chars_per_page
        if len(text) > max_chars:
            text = text[:max_chars].rstrip() + " […]"
            truncated = True
        return Page(asked, str(current.url), title or current.host, text, truncated)

    async def extract(
        self, body: bytes, ctype: str, charset: str | None, truncated: bool
    ) -> tuple[str, str]:
        """(title, text) of a page's body, as read for the model; FetchError. Nothing here holds
        the event loop for long: HTML goes to the worker process, text is decoded in slices."""
        if ctype in PDF_TYPES:
            if truncated:
                raise FetchError("too_big")
            if self.pdf_extractor is None:
                raise FetchError("pdf_unsupported")
            try:
                return "", await self.pdf_extractor(body)
            except UnreadableDocument as exc:
                raise FetchError("unreadable_pdf", exc.reason) from exc
        max_chars = self.config.max_chars_per_page
        if ctype in HTML_TYPES:
            text = await self.html.extract(body, charset, max_chars)
            return page_title(body, charset), text
        return "", await plain_text(body, charset, max_chars)


def page_site(url: str) -> str:
    try:
        host = normalise(url).host
    except BadUrl:
        return ""
    return host[4:] if host.startswith("www.") else host
