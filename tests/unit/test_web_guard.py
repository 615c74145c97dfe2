"""The SSRF guard against hosts written to look like something else: Unicode digits,
fullwidth forms, ideographic dots, numeric IPv4 forms, IPv6 wrappers, zone ids, userinfo,
schemes, localhost names, names resolving inside. Every refusal is proved before any
connection: names are answered by a stub resolver, and every connection attempt is recorded
and stopped before the socket connects, except to this file's own site on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import string
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.helpers import is_ip_address
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from yarl import URL

from devtools.web_pages import serve_loopback
from handlers.web.config import WebConfig
from handlers.web.fetch import Fetcher, FetchError
from handlers.web.guard import (
    MAX_URL_CHARS,
    AddressPolicy,
    BadUrl,
    BlockedAddress,
    GuardedResolver,
    classify,
    host_matches,
    normalise,
)
from handlers.web.search import SearchResult, filter_results
from tests.web_helpers import StubLookup

# What the stub resolver answers; any other name is unknown (no real DNS query is made).
STUB_DNS = {
    "pages.test": ["127.0.0.1"],  # this file's own site, an intranet host in some tests
    "intranet.example": ["10.1.2.3"],
    "xn--bcher-kva.example": ["192.168.0.7"],  # bücher.example
    "both.example": ["93.184.216.34", "10.0.0.7"],  # public and private: refused
    "metadata.example": ["169.254.169.254"],
    "v6.example": ["fd00::5"],
    "mapped.example": ["::ffff:10.0.0.1"],
    "nat64.example": ["64:ff9b::a00:1"],
}
DENY = ["evil.example", "böse.example", "ＢＡＤ.example"]  # the last two as an operator may type


@dataclass
class Connections:
    """Every connection attempt and name lookup of the test, and the one site allowed."""

    attempts: list[Any] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)
    allowed: set[tuple[str, int]] = field(default_factory=set)


@pytest.fixture(autouse=True)
def connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[Connections]:
    """Stronger than the shared loopback tripwire: a connection is refused before the socket
    connects unless it goes to this file's own site, and the system resolver only accepts
    address literals (no DNS query leaves, even from a broken guard)."""
    seen = Connections()
    connect = asyncio.selector_events.BaseSelectorEventLoop.sock_connect
    getaddrinfo = asyncio.base_events.BaseEventLoop.getaddrinfo

    async def sock_connect(self: Any, sock: Any, address: Any) -> None:
        seen.attempts.append(address)
        if not isinstance(address, tuple) or (address[0], address[1]) not in seen.allowed:
            raise ConnectionRefusedError(f"test: connection to {address} stopped")
        await connect(self, sock, address)

    async def numeric_only(self: Any, host: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            ipaddress.ip_address(str(host))
        except ValueError:
            seen.lookups.append(str(host))
            raise socket.gaierror(f"test: no DNS for {host}") from None
        return await getaddrinfo(self, host, *args, **kwargs)

    monkeypatch.setattr(
        asyncio.selector_events.BaseSelectorEventLoop, "sock_connect", sock_connect
    )
    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "getaddrinfo", numeric_only)
    yield seen
    assert not seen.lookups, f"a system DNS lookup was attempted: {seen.lookups}"


class Site:
    """A real HTTP server on a free loopback port: `/hop` redirects to `location`."""

    def __init__(self) -> None:
        self.location = "/page"
        self.hits: Counter[str] = Counter()
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{path:.*}", self._page)
        self._runner, self.port = await serve_loopback(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _page(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["path"]
        self.hits[path] += 1
        if path == "/hop":
            return web.Response(status=302, headers={"Location": self.location})
        return web.Response(text=f"Page {path} du site de test.", content_type="text/plain")


@pytest.fixture
async def site(connections: Connections) -> AsyncIterator[Site]:
    server = Site()
    await server.start()
    connections.allowed.add(("127.0.0.1", server.port))
    yield server
    await server.stop()


def _fetcher(lookup: StubLookup | None = None, **values: Any) -> Fetcher:
    base: dict[str, Any] = {
        "allow_private_addresses": False,
        "deny_domains": DENY,
        "connect_timeout": 2,
        "read_timeout": 2,
        "total_timeout": 5,
        "cache_ttl": 0,
    }
    base.update(values)
    return Fetcher(WebConfig.model_validate(base), lookup=lookup or StubLookup(STUB_DNS))


# (url, kind, detail, names the stub resolver may see). Every row is refused; rows with a
# lookup are refused by the resolver on its answer, all others before aiohttp is even asked.
SPELLINGS: list[tuple[str, str, str, list[str]]] = [
    # Unicode digits, fullwidth forms, ideographic full stops: refused, never read as 127.0.0.1
    ("http://①②⑦.0.0.1:8080/", "bad_url", "ambiguous", []),
    ("http://１２７.０.０.１/", "bad_url", "ambiguous", []),
    ("http://１２７．０．０．１/", "bad_url", "ambiguous", []),
    ("http://127。0。0。1/", "bad_url", "ambiguous", []),
    ("http://127．0．0．1/", "bad_url", "ambiguous", []),
    ("http://127｡0｡0｡1/", "bad_url", "ambiguous", []),
    ("http://𝟏𝟐𝟕.0.0.1/", "bad_url", "ambiguous", []),  # mathematical bold digits
    ("http://١٢٧.0.0.1/", "bad_url", "ambiguous", []),  # Arabic-Indic digits
    ("http://⒈⒉⒎.0.0.1/", "bad_url", "ambiguous", []),  # each becomes "n." under IDNA
    ("http://１６９.２５４.１６９.２５４/latest/meta-data/", "bad_url", "ambiguous", []),
    ("http://[::ffff:１２７.0.0.1]/", "bad_url", "ambiguous", []),
    ("http://[::ｆｆｆｆ:7f00:1]/", "bad_url", "ambiguous", []),
    ("http://ｌｏｃａｌｈｏｓｔ/", "bad_url", "ambiguous", []),
    ("http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", "bad_url", "ambiguous", []),
    ("http://127.0.0.1:８０/", "bad_url", "port", []),  # int("８０") == 80
    # deny_domains on the normalised host, whatever the spelling (in the URL or the config)
    ("http://ｅｖｉｌ.example/", "bad_url", "ambiguous", []),
    ("http://evil.example。/", "denied_domain", "evil.example", []),
    ("http://www.evil｡example/", "denied_domain", "www.evil.example", []),
    ("http://WWW.EVIL.example./", "denied_domain", "www.evil.example", []),
    ("http://böse.example/", "denied_domain", "xn--bse-sna.example", []),
    ("http://xn--bse-sna.example/", "denied_domain", "xn--bse-sna.example", []),
    ("http://bad.example/", "denied_domain", "bad.example", []),
    # IDN resolving inside (stub)
    ("http://bücher.example/", "blocked", "private", ["xn--bcher-kva.example"]),
    ("http://BÜCHER.example/", "blocked", "private", ["xn--bcher-kva.example"]),
    ("http://XN--BCHER-KVA.example./", "blocked", "private", ["xn--bcher-kva.example"]),
    # localhost names (RFC 6761), any case, trailing dots
    ("http://localhost/", "blocked", "loopback", []),
    ("http://LOCALHOST/", "blocked", "loopback", []),
    ("http://LocalHost.:8080/", "blocked", "loopback", []),
    ("http://localhost。/", "blocked", "loopback", []),
    ("http://wiki.localhost/", "blocked", "loopback", []),
    ("http://localhost../", "bad_url", "malformed", []),
    ("http://127.0.0.1./", "bad_url", "ambiguous", []),
    # numeric IPv4 forms other than the dotted quad
    ("http://2130706433/", "bad_url", "ambiguous", []),
    ("http://0177.0.0.1/", "bad_url", "ambiguous", []),
    ("http://0x7f.1/", "bad_url", "ambiguous", []),
    ("http://0x7f000001/", "bad_url", "ambiguous", []),
    ("http://017700000001/", "bad_url", "ambiguous", []),
    ("http://127.1/", "bad_url", "ambiguous", []),
    ("http://127.0.0.01/", "bad_url", "ambiguous", []),
    ("http://10.1/", "bad_url", "ambiguous", []),
    # IPv6 forms carrying an internal IPv4 address, and internal IPv6 ranges
    ("http://[::ffff:127.0.0.1]/", "blocked", "loopback", []),
    ("http://[::ffff:7f00:1]/", "blocked", "loopback", []),
    ("http://[::FFFF:169.254.169.254]/", "blocked", "metadata", []),
    ("http://[64:ff9b::7f00:1]/", "blocked", "loopback", []),
    ("http://[64:ff9b::a00:1]/", "blocked", "private", []),
    ("http://[2002:7f00:1::]/", "blocked", "loopback", []),
    ("http://[::127.0.0.1]/", "blocked", "loopback", []),
    ("http://[fe80::1%25eth0]/", "bad_url", "zone", []),
    ("http://[fe80::1%eth0]:8080/", "bad_url", "zone", []),
    ("http://[fc00::1]/", "blocked", "private", []),
    ("http://[fd12:3456::1]/", "blocked", "private", []),
    ("http://[fec0::1]/", "blocked", "reserved", []),
    ("http://[::]/", "blocked", "unspecified", []),
    ("http://[::1]:8080/", "blocked", "loopback", []),
    ("http://[v1.pages.test]/", "bad_url", "malformed", []),
    # IPv4 specials
    ("http://169.254.169.254/latest/meta-data/", "blocked", "metadata", []),
    ("http://100.100.100.200/", "blocked", "metadata", []),
    ("http://0.0.0.0/", "blocked", "unspecified", []),
    ("http://192.0.0.8/", "blocked", "reserved", []),
    # userinfo and delimiters
    ("http://example.org@127.0.0.1/", "bad_url", "credentials", []),
    ("http://@127.0.0.1/", "bad_url", "credentials", []),
    ("http://127.0.0.1#@example.org/", "blocked", "loopback", []),
    ("http://127.0.0.1\\@example.org/", "bad_url", "malformed", []),
    ("http://127.0.0.1%2f@pages.test/", "bad_url", "credentials", []),
    ("http://e\u200bvil.example/", "bad_url", "malformed", []),
    ("http://pages.\ttest/", "bad_url", "malformed", []),
    ("http://%31%32%37.0.0.1/", "bad_url", "malformed", []),
    ("http://" + "a" * MAX_URL_CHARS + ".example/", "bad_url", "too long", []),
    # schemes
    ("file:///etc/passwd", "bad_url", "scheme", []),
    ("gopher://127.0.0.1:25/", "bad_url", "scheme", []),
    ("ftp://example.org/", "bad_url", "scheme", []),
    ("javascript:alert(1)", "bad_url", "scheme", []),
    # names resolving inside (stub), one forbidden answer is enough
    ("http://intranet.example/", "blocked", "private", ["intranet.example"]),
    ("http://both.example/", "blocked", "private", ["both.example"]),
    ("http://metadata.example/latest", "blocked", "metadata", ["metadata.example"]),
    ("http://v6.example/", "blocked", "private", ["v6.example"]),
    ("http://mapped.example/", "blocked", "private", ["mapped.example"]),
    ("http://nat64.example/", "blocked", "private", ["nat64.example"]),
]


def test_the_spelling_table_is_large() -> None:
    assert len(SPELLINGS) >= 40
    assert len({url for url, *_ in SPELLINGS}) == len(SPELLINGS)


@pytest.mark.parametrize(("url", "kind", "detail", "lookups"), SPELLINGS)
async def test_hostile_spellings_are_refused_before_any_connection(
    connections: Connections, url: str, kind: str, detail: str, lookups: list[str]
) -> None:
    lookup = StubLookup(STUB_DNS)
    fetcher = _fetcher(lookup)
    try:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url, "@a:x")
    finally:
        await fetcher.close()
    assert (caught.value.kind, caught.value.detail) == (kind, detail)
    assert connections.attempts == []
    assert lookup.calls == lookups
    assert list(fetcher.cleared_addresses) == []
    if not lookups:  # refused before aiohttp was handed anything
        assert list(fetcher.requests_started) == []


@pytest.mark.parametrize(
    ("location", "kind", "detail"),
    [
        ("http://１２７.０.０.１/", "bad_url", "ambiguous"),
        ("//①②⑦.0.0.1:8080/", "bad_url", "ambiguous"),
        ("http://127。0。0。1/secret", "bad_url", "ambiguous"),
        ("http://[::ffff:１２７.0.0.1]/", "bad_url", "malformed"),  # urllib's join refuses it
        ("http://2130706433/", "bad_url", "ambiguous"),
        ("http://0x7f.1/", "bad_url", "ambiguous"),
        ("http://127.1/", "bad_url", "ambiguous"),
        ("http://[::ffff:127.0.0.1]/", "blocked", "loopback"),
        ("http://[64:ff9b::a9fe:a9fe]/", "blocked", "metadata"),
        ("http://169.254.169.254/latest/meta-data/", "blocked", "metadata"),
        ("http://localhost./", "blocked", "loopback"),
        ("http://[fe80::1%25eth0]/", "bad_url", "zone"),
        ("http://ｅｖｉｌ.example/", "bad_url", "ambiguous"),
        ("http://evil.example。/", "denied_domain", "evil.example"),
        ("http://user@pages.test/", "bad_url", "credentials"),
        ("gopher://pages.test/", "bad_url", "scheme"),
        ("http://pages.test/\r\nX: y", "bad_url", "malformed"),
        ("http://pages.test/" + "a" * MAX_URL_CHARS, "bad_url", "malformed"),
    ],
)
def test_each_redirect_hop_is_checked_like_a_link(location: str, kind: str, detail: str) -> None:
    fetcher = _fetcher(intranet_hosts=["pages.test"])
    current = fetcher.check("http://pages.test:8080/hop")
    with pytest.raises(FetchError) as caught:
        fetcher.next_hop(current, location)
    assert (caught.value.kind, caught.value.detail) == (kind, detail)


def test_relative_redirects_stay_on_the_checked_host() -> None:
    fetcher = _fetcher(intranet_hosts=["pages.test"])
    current = fetcher.check("http://pages.test:8080/a/hop")
    assert str(fetcher.next_hop(current, "next?x=1").url) == "http://pages.test:8080/a/next?x=1"
    assert str(fetcher.next_hop(current, "/b").url) == "http://pages.test:8080/b"
    # Backslashes are a path here (a browser would read //evil.example): the host stays.
    assert fetcher.next_hop(current, "/\\evil.example/").host == "pages.test"


HOSTILE_REDIRECTS = [
    ("http://１２７.０.０.１:{port}/secret", "ambiguous"),
    ("http://①②⑦.0.0.1:{port}/secret", "ambiguous"),
    ("http://127。0。0。1:{port}/secret", "ambiguous"),
    ("http://[::ffff:１２７.0.0.1]:{port}/secret", "malformed"),
    ("http://0x7f.1:{port}/secret", "ambiguous"),
    ("http://127.1:{port}/secret", "ambiguous"),
]


@pytest.mark.parametrize(("location", "reason"), HOSTILE_REDIRECTS)
async def test_a_redirect_to_a_disguised_address_is_refused(
    connections: Connections, site: Site, location: str, reason: str
) -> None:
    """The operator allowed the intranet site pages.test (on loopback); the page it redirects
    to, written to look like something else, is not read."""
    site.location = location.format(port=site.port)
    lookup = StubLookup(STUB_DNS)
    fetcher = _fetcher(lookup, intranet_hosts=["pages.test"])
    try:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(f"http://pages.test:{site.port}/hop", "@a:x")
    finally:
        await fetcher.close()
    assert (caught.value.kind, caught.value.detail) == ("bad_url", reason)
    assert site.hits == Counter({"/hop": 1})
    assert connections.attempts == [("127.0.0.1", site.port)]
    assert lookup.calls == ["pages.test"]


@pytest.mark.parametrize(("location", "reason"), HOSTILE_REDIRECTS)
async def test_disguised_addresses_are_refused_even_when_tests_allow_private_ones(
    connections: Connections, site: Site, location: str, reason: str
) -> None:
    """`allow_private_addresses` lets tests read their loopback site; a disguised host is
    refused even then: only plainly written addresses are ever allowed."""
    site.location = location.format(port=site.port)
    fetcher = _fetcher(allow_private_addresses=True)
    try:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(f"http://127.0.0.1:{site.port}/hop", "@a:x")
        page = await fetcher.fetch(f"http://127.0.0.1:{site.port}/page", "@a:x")
    finally:
        await fetcher.close()
    assert (caught.value.kind, caught.value.detail) == ("bad_url", reason)
    assert page.text == "Page /page du site de test."  # the plain spelling is read
    assert site.hits == Counter({"/hop": 1, "/page": 1})


@pytest.mark.parametrize(
    ("url", "category"),
    [
        ("http://127.0.0.1:{port}/secret", "loopback"),
        ("http://①②⑦.0.0.1:{port}/secret", "loopback"),
        ("http://[::ffff:7f00:1]:{port}/secret", "loopback"),
    ],
)
async def test_the_session_refuses_a_literal_whoever_builds_the_request(
    connections: Connections, site: Site, url: str, category: str
) -> None:
    """aiohttp connects to address literals without the resolver: the fetcher's session checks
    every request itself, so code that skips `Fetcher.check` still cannot reach loopback."""
    fetcher = _fetcher()
    try:
        with pytest.raises(BlockedAddress) as caught:
            async with fetcher._client().get(url.format(port=site.port)):
                pass
    finally:
        await fetcher.close()
    assert caught.value.category == category
    assert connections.attempts == [] and site.hits == Counter()


async def test_the_resolver_only_takes_normalised_names() -> None:
    lookup = StubLookup({"0x7f.1": ["127.0.0.1"], "ok.example": ["93.184.216.34"]})
    resolver = GuardedResolver(AddressPolicy(), lambda: lookup)
    for host, category in [
        ("0x7f.1", "ambiguous"),
        ("2130706433", "ambiguous"),
        ("LOCALHOST", "ambiguous"),
        ("ok.example.", "ambiguous"),
        ("localhost", "loopback"),
        ("a.localhost", "loopback"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
    ]:
        with pytest.raises(BlockedAddress) as caught:
            await resolver.resolve(host, 80)
        assert (host, caught.value.category) == (host, category)
    assert lookup.calls == [] and not resolver.cleared
    assert [r["host"] for r in await resolver.resolve("ok.example", 80)] == ["93.184.216.34"]


def test_search_results_are_filtered_on_the_normalised_host() -> None:
    config = WebConfig.model_validate({"deny_domains": DENY})
    results = [
        SearchResult("fullwidth", "http://ｅｖｉｌ.example/a", ""),
        SearchResult("dot", "http://evil.example。/b", ""),
        SearchResult("unicode deny", "https://xn--bse-sna.example/", ""),
        SearchResult("disguised address", "http://１２７.０.０.１/", ""),
        SearchResult("kept", "https://www.service-public.gouv.fr/a", ""),
        SearchResult("same page", "HTTPS://WWW.Service-Public.GOUV.fr./a", ""),
    ]
    assert [r.title for r in filter_results(results, config)] == ["kept"]
    allow = WebConfig.model_validate({"allow_domains": ["ＧＯＵＶ.fr"]})
    assert [r.title for r in filter_results(results, allow)] == ["kept"]


def test_domain_lists_compare_normalised_hosts() -> None:
    assert host_matches("xn--bse-sna.example", ["böse.example"])
    assert host_matches("www.bad.example", ["ＢＡＤ.example"])
    assert host_matches("service-public.gouv.fr", [".gouv.fr."])
    assert not host_matches("notevil.example", ["evil.example"])


# --- properties ------------------------------------------------------------------------

# Characters that have been used to write one host as another.
_TRICKY = (
    string.ascii_letters
    + string.digits
    + ".-_:[]%@x"
    + "。．｡"  # ideographic and fullwidth full stops
    + "０１２７９ｆｘＦＸｌｏｃａｈｓｔ"  # fullwidth
    + "①②⑦⓪⒈⒎ⓛⓞ"  # enclosed
    + "𝟏𝟐𝟕𝟎"  # mathematical
    + "١٢٧٠"  # Arabic-Indic
    + "üßéİı\u212a\u200b\u00ad"  # IDN, case folding, Kelvin sign, invisible characters
)
_FULLWIDTH = str.maketrans("0123456789.abcdefx:", "０１２３４５６７８９．ａｂｃｄｅｆｘ：")


def _ip_spellings(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> st.SearchStrategy[str]:
    text = str(ip)
    forms = [text, text + ".", text.translate(_FULLWIDTH), text.replace(".", "。")]
    if isinstance(ip, ipaddress.IPv4Address):
        number = int(ip)
        octets = text.split(".")
        forms += [
            str(number),
            hex(number),
            "0" + oct(number)[2:],
            ".".join("0" + o for o in octets),
            ".".join(hex(int(o)) for o in octets),
            f"{octets[0]}.{int(ip) & 0xFFFFFF}",
            f"[::ffff:{text}]",
            f"[64:ff9b::{text}]",
        ]
    else:
        forms += [f"[{text}]", f"[{ip.exploded}]", f"[{text}%25eth0]", f"[{text.upper()}]"]
    return st.sampled_from(forms)


_LABELS = st.lists(
    st.text(string.ascii_lowercase + string.digits + "-üéßçİ\u212a０ａ①", min_size=1, max_size=12),
    min_size=1,
    max_size=4,
)
_HOSTS = st.one_of(
    st.text(alphabet=_TRICKY, min_size=1, max_size=40),
    st.builds(  # names, IDNs among them, with every kind of dot and a final one at times
        lambda labels, dot, tld, final: dot.join([*labels, tld]) + final,
        _LABELS,
        st.sampled_from([".", ".", "。", "．", "｡"]),
        st.sampled_from(
            ["example", "fr", "gouv.fr", "localhost", "evil.example", "ｅｘａｍｐｌｅ"]
        ),
        st.sampled_from(["", "", ".", "。"]),
    ),
    st.ip_addresses().map(str),
    st.ip_addresses(v=6).map(lambda ip: f"[{ip}]"),
    st.ip_addresses(network="193.0.0.0/8").map(str),  # public ones, to be accepted
    st.ip_addresses(network="2a00::/12").map(lambda ip: f"[{ip}]"),
    st.ip_addresses().flatmap(_ip_spellings),
    st.text(min_size=1, max_size=24),
    st.sampled_from(["localhost", "evil.example", "pages.test", "127.0.0.1", "[::1]"]),
)
_URLS = st.builds(
    lambda scheme, host, port, path: f"{scheme}://{host}{port}/{path}",
    st.sampled_from(["http", "https", "http", "https", "HTTP", "hTtPs", "ftp"]),
    _HOSTS,
    st.sampled_from(["", "", "", ":8080", ":443", ":0", ":８０", ":"]),
    st.one_of(
        st.text(max_size=60),
        st.integers(MAX_URL_CHARS - 300, MAX_URL_CHARS + 20).map(lambda n: "é" * n),
    ),
)


class _RefusingLookup(StubLookup):
    """Records the names aiohttp asks for and answers none, so nothing is ever connected."""

    async def __call__(self, host: str) -> list[str]:
        self.calls.append(host)
        raise OSError(f"test: {host} not resolved")


def _resolver_sees(url: str) -> list[str]:
    """The names aiohttp hands the fetcher's resolver for `url` (a name that resolves to
    nothing: no connection is possible)."""
    lookup = _RefusingLookup({})
    fetcher = _fetcher(lookup, deny_domains=["evil.example"])

    async def run() -> None:
        try:
            with pytest.raises(FetchError):
                await fetcher.fetch(url, "@a:x")
        finally:
            await fetcher.close()

    loop = asyncio.new_event_loop()  # its own loop: the test session's loop is not disturbed
    try:
        loop.run_until_complete(run())
    finally:
        loop.close()
    return lookup.calls


@settings(
    max_examples=300,
    deadline=2000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=_URLS)
def test_an_accepted_url_is_connected_to_exactly_where_it_was_checked(
    connections: Connections, url: str
) -> None:
    fetcher = _fetcher(deny_domains=["evil.example"])
    try:
        target = fetcher.check(url)
    except FetchError as exc:
        assert exc.kind in {"bad_url", "blocked", "denied_domain"}
        event(f"refused: {exc.kind} {exc.detail}")
        return
    event("accepted: address" if target.ip is not None else "accepted: name")
    host = target.host
    # What aiohttp connects to is the request URL's raw_host: the URL the fetcher hands it.
    assert target.url.raw_host == host and URL(target.url) is target.url
    assert URL(str(target.url)).raw_host == host  # and text of it parses back the same
    # yarl's reading of the URL as it came (IDNA, NFKC) is that host, up to a final dot.
    raw = URL(url.strip()).raw_host or ""
    assert raw in (host, host + ".")
    assert host.isascii() and host == host.lower() and len(url.strip()) <= MAX_URL_CHARS
    assert not host_matches(host, ["evil.example"])
    # A literal is connected to without the resolver: only a public one is ever accepted.
    assert is_ip_address(host) == (target.ip is not None)
    if target.ip is not None:
        assert classify(target.ip) is None and str(target.ip) in (host, host.strip("[]"))
    else:
        assert _resolver_sees(url) == [host]
    assert connections.attempts == []


@settings(max_examples=200, deadline=2000)
@given(rest=st.text(max_size=MAX_URL_CHARS + 100))
def test_any_text_is_either_a_clean_target_or_a_bad_url(rest: str) -> None:
    for url in ("http://" + rest, "https://" + rest.replace("/", "."), rest):
        try:
            target = normalise(url)
        except BadUrl as exc:
            assert exc.reason in {
                "malformed",
                "too long",
                "scheme",
                "credentials",
                "no host",
                "ambiguous",
                "zone",
                "port",
            }
            continue
        assert len(url.strip()) <= MAX_URL_CHARS
        assert target.url.raw_host == target.host and target.scheme in ("http", "https")
