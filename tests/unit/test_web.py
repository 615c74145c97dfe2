"""Web lookups without Matrix: the address guard, URL parsing, the fetcher, search providers.

Every request goes to the local test site on 127.0.0.1; internal addresses are reached only
through a stub resolver or as literals, and are refused before any connection.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any

import pytest

from bot.config import RENAMED
from devtools.web_pages import WebPages
from handlers.web.config import ALBERT_SEARCH_GONE, WebConfig
from handlers.web.fetch import Fetcher, FetchError
from handlers.web.guard import (
    AddressPolicy,
    BadUrl,
    BlockedAddress,
    GuardedResolver,
    classify,
    parse_url,
)
from handlers.web.router import find_links
from handlers.web.search import SearchResult, SearxngProvider, filter_results, make_provider
from storage.db import Database
from storage.privacy import PrivacyRepository
from storage.web import WebRepository
from tests.web_helpers import StubLookup, loopback_only, pages

__all__ = ["loopback_only", "pages"]  # fixtures


@pytest.mark.parametrize(
    ("address", "category"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "shared"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.10", "private"),  # TEST-NET: not global
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "metadata"),
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("::10.0.0.1", "private"),  # IPv4-compatible
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
        ("193.51.24.1", None),
    ],
)
def test_address_classifier(address: str, category: str | None) -> None:
    assert classify(ipaddress.ip_address(address)) == category


def test_intranet_hosts_allow_internal_addresses_but_never_metadata() -> None:
    policy = AddressPolicy(intranet_hosts=("intranet.gouv.fr",))
    private = ipaddress.ip_address("10.2.3.4")
    metadata = ipaddress.ip_address("169.254.169.254")
    assert policy.refusal("wiki.intranet.gouv.fr", private) is None
    assert policy.refusal("intranet.gouv.fr.evil.fr", private) == "private"
    assert policy.refusal("wiki.intranet.gouv.fr", metadata) == "metadata"
    assert AddressPolicy(allow_private=True).refusal("x", private) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.fr/file", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("gopher://127.0.0.1:25/", "scheme"),
        ("http://user:secret@example.fr/", "credentials"),
        ("http:///nohost", "no host"),
        ("http://example.fr:99999/", "malformed"),
    ],
)
def test_bad_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(BadUrl) as caught:
        parse_url(url)
    assert caught.value.reason == reason


def test_parse_url_normalises_host_and_reads_literals() -> None:
    parsed = parse_url("HTTPS://Service-Public.GOUV.fr./demarches")
    assert (parsed.scheme, parsed.host, parsed.port, parsed.ip) == (
        "https",
        "service-public.gouv.fr",
        443,
        None,
    )
    assert parse_url("http://[::1]:8080/").ip == ipaddress.ip_address("::1")
    assert parse_url("http://169.254.169.254/latest").ip is not None


def test_links_are_found_in_order_without_trailing_punctuation() -> None:
    text = (
        "Résume https://a.gouv.fr/x?y=1, puis (https://b.fr/page). "
        "Et https://fr.wikipedia.org/wiki/Loi_(France) ; ftp://c.fr non ; https://a.gouv.fr/x?y=1"
    )
    assert find_links(text) == [
        "https://a.gouv.fr/x?y=1",
        "https://b.fr/page",
        "https://fr.wikipedia.org/wiki/Loi_(France)",
    ]


def _config(**values: Any) -> WebConfig:
    base: dict[str, Any] = {
        "allow_private_addresses": True,
        "connect_timeout": 2,
        "read_timeout": 0.5,
        "total_timeout": 5,
    }
    base.update(values)
    return WebConfig.model_validate(base)


async def test_article_is_extracted_without_navigation(pages: WebPages) -> None:
    fetcher = Fetcher(_config())
    try:
        page = await fetcher.fetch(pages.url("/article"), "@a:x")
    finally:
        await fetcher.close()
    assert page.title == "Arrêté relatif au télétravail"
    assert "trois jours de télétravail" in page.text and "2,88 euros" in page.text
    assert "Mentions légales" not in page.text and "Accueil" not in page.text
    assert not page.truncated


async def test_redirects_are_followed_up_to_the_limit(pages: WebPages) -> None:
    fetcher = Fetcher(_config(max_redirects=3))
    try:
        page = await fetcher.fetch(pages.url("/redirect/3"), "@a:x")
        assert page.final_url == pages.url("/article") and "télétravail" in page.text
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(pages.url("/redirect/5"), "@a:x")
        assert caught.value.kind == "redirects"
    finally:
        await fetcher.close()


async def test_huge_page_is_cut_slow_page_times_out_other_types_refused(
    pages: WebPages,
) -> None:
    fetcher = Fetcher(_config(max_bytes=50_000, max_chars_per_page=3000))
    try:
        huge = await fetcher.fetch(pages.url("/huge"), "@a:x")
        assert huge.truncated and len(huge.text) <= 3010
        with pytest.raises(FetchError) as slow:
            await fetcher.fetch(pages.url("/slow"), "@a:x")
        assert slow.value.kind == "timeout"
        with pytest.raises(FetchError) as binary:
            await fetcher.fetch(pages.url("/data.bin"), "@a:x")
        assert binary.value.kind == "type"
        with pytest.raises(FetchError) as missing:
            await fetcher.fetch(pages.url("/nothing"), "@a:x")
        assert missing.value.kind == "status"
        note = await fetcher.fetch(pages.url("/note.txt"), "@a:x")
        assert note.text.startswith("Note de service")
        fetcher.pdf_extractor = None
        with pytest.raises(FetchError) as pdf:
            await fetcher.fetch(pages.url("/doc.pdf"), "@a:x")
        assert pdf.value.kind == "pdf_unsupported"

        async def read_pdf(data: bytes) -> str:
            return f"PDF de {len(data)} octets"

        fetcher.pdf_extractor = read_pdf
        fetcher._cache.clear()
        assert (await fetcher.fetch(pages.url("/doc.pdf?v=2"), "@a:x")).text == "PDF de 13 octets"
    finally:
        await fetcher.close()


async def test_cache_and_rate_limits(pages: WebPages) -> None:
    now = [0.0]
    fetcher = Fetcher(
        _config(fetches_per_user_per_minute=2, fetches_per_minute=3), clock=lambda: now[0]
    )
    try:
        await fetcher.fetch(pages.url("/article"), "@a:x")
        await fetcher.fetch(pages.url("/article"), "@a:x")  # cached: no hit, not counted
        assert pages.hits["/article"] == 1
        await fetcher.fetch(pages.url("/note.txt"), "@a:x")
        with pytest.raises(FetchError) as user_limit:
            await fetcher.fetch(pages.url("/page/1"), "@a:x")
        assert user_limit.value.kind == "rate_user"
        await fetcher.fetch(pages.url("/page/2"), "@b:x")
        with pytest.raises(FetchError) as global_limit:
            await fetcher.fetch(pages.url("/page/3"), "@c:x")
        assert global_limit.value.kind == "rate_global"
        now[0] = 61.0 + 600  # a minute later, and past the cache's lifetime
        await fetcher.fetch(pages.url("/article"), "@a:x")
        assert pages.hits["/article"] == 2
    finally:
        await fetcher.close()


@pytest.mark.parametrize(
    ("url", "category"),
    [
        ("http://127.0.0.1:{port}/secret", "loopback"),
        ("http://[::1]:{port}/secret", "loopback"),
        ("http://10.0.0.5/admin", "private"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[::ffff:169.254.169.254]/latest/", "metadata"),
        ("http://0.0.0.0:{port}/secret", "unspecified"),
        ("http://loopback.test:{port}/secret", "loopback"),
        ("http://localhost:{port}/secret", "loopback"),
        ("http://internal.test/admin", "private"),
        ("http://metadata.test/latest", "metadata"),
    ],
)
async def test_internal_addresses_refused_before_any_connection(
    pages: WebPages, url: str, category: str
) -> None:
    lookup = StubLookup()
    fetcher = Fetcher(_config(allow_private_addresses=False), lookup=lookup)
    try:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url.format(port=pages.port), "@a:x")
    finally:
        await fetcher.close()
    assert (caught.value.kind, caught.value.detail) == ("blocked", category)
    assert list(fetcher.cleared_addresses) == []  # nothing was handed to aiohttp to connect to
    assert pages.hits["/secret"] == 0
    if parse_url(url.format(port=1)).ip is not None:
        assert lookup.calls == [] and list(fetcher.requests_started) == []


@pytest.mark.parametrize("path", ["/redirect-private", "/redirect-internal"])
async def test_redirect_to_an_internal_address_is_refused(pages: WebPages, path: str) -> None:
    # pages.test is an intranet host the operator allowed; where it redirects is not.
    lookup = StubLookup()
    fetcher = Fetcher(
        _config(allow_private_addresses=False, intranet_hosts=["pages.test"]), lookup=lookup
    )
    try:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(pages.url(path, host="pages.test"), "@a:x")
    finally:
        await fetcher.close()
    assert caught.value.kind == "blocked"
    assert pages.hits[path] == 1
    assert set(fetcher.cleared_addresses) == {"127.0.0.1"}


async def test_resolver_hands_out_only_the_checked_addresses() -> None:
    answers = iter([["127.0.0.1"], ["10.0.0.9"]])  # a rebinding name: changes at each lookup

    async def rebinding(host: str) -> list[str]:
        return next(answers)

    resolver = GuardedResolver(AddressPolicy(intranet_hosts=("rebind.test",)), lambda: rebinding)
    first = await resolver.resolve("rebind.test", 80)
    assert [r["host"] for r in first] == ["127.0.0.1"]
    resolver.policy = AddressPolicy()
    with pytest.raises(BlockedAddress):
        await resolver.resolve("rebind.test", 80)
    assert list(resolver.cleared) == ["127.0.0.1"]


async def test_one_forbidden_answer_refuses_the_whole_name() -> None:
    async def mixed(host: str) -> list[str]:
        return ["127.0.0.1", "169.254.169.254"]

    resolver = GuardedResolver(AddressPolicy(intranet_hosts=("mixed.test",)), lambda: mixed)
    with pytest.raises(BlockedAddress) as caught:
        await resolver.resolve("mixed.test", 80)
    assert caught.value.category == "metadata" and not resolver.cleared


async def test_domain_lists(pages: WebPages) -> None:
    fetcher = Fetcher(_config(deny_domains=["127.0.0.1"]))
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(pages.url("/article"), "@a:x")
    assert caught.value.kind == "denied_domain"
    results = [
        SearchResult("A", "https://www.service-public.gouv.fr/a", ""),
        SearchResult("B", "https://spam.example.com/b", ""),
        SearchResult("C", "ftp://gouv.fr/c", ""),
        SearchResult("A again", "https://www.service-public.gouv.fr/a", ""),
    ]
    kept = filter_results(results, _config(allow_domains=["gouv.fr"]))
    assert [r.title for r in kept] == ["A"]
    kept = filter_results(results, _config(deny_domains=["example.com"]))
    assert [r.title for r in kept] == ["A"]


async def test_searxng_provider(pages: WebPages) -> None:
    pages.search_results = [
        {"url": "https://www.legifrance.gouv.fr/loi", "title": "Loi", "content": "Extrait"},
        {"url": "https://www.vie-publique.fr/fiche", "title": "Fiche", "content": "Résumé"},
    ]
    searxng = SearxngProvider(_config(provider="searxng", base_url=pages.base_url))
    try:
        found = await searxng.search("télétravail agents", 5)
    finally:
        await searxng.close()
    assert [(r.title, r.url, r.snippet) for r in found] == [
        ("Loi", "https://www.legifrance.gouv.fr/loi", "Extrait"),
        ("Fiche", "https://www.vie-publique.fr/fiche", "Résumé"),
    ]
    assert pages.search_queries[-1] == {
        "q": "télétravail agents",
        "format": "json",
        "language": "fr",
    }


def test_albert_web_search_is_refused_by_check_config_naming_searxng(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Albert's /v1/search with `web_search: true` was removed (OpenGateLLM, December 2025) and
    OpenGateRAG's search reads only the caller's collections: no web search is left there."""
    from bot.cli import EXIT_CONFIG, main

    for name in [n for n in os.environ if n.startswith("ASSISTANT__")]:
        monkeypatch.delenv(name)
    config = tmp_path / "config.toml"
    config.write_text(
        '[matrix]\nhomeserver = "https://matrix.example.org"\nuser_id = "@bot:example.org"\n'
        'password = "x"\n[llm]\nbase_url = "http://127.0.0.1:8000/v1"\n'
        '[web]\nprovider = "albert"\nbase_url = "https://albert.api.etalab.gouv.fr/v1"\n'
        'api_key = ""\n',
        encoding="utf-8",
    )
    assert main(["check-config", "--config", str(config)]) == EXIT_CONFIG
    assert capsys.readouterr().err.splitlines() == [
        f"configuration error: {config}:8: web.provider: {ALBERT_SEARCH_GONE} (got 'albert')",
        f"configuration error: {config}:10: web.api_key is no longer a "
        f"key: use {RENAMED['web.api_key']}",
    ]
    assert "SearXNG" in ALBERT_SEARCH_GONE and 'provider = "searxng"' in ALBERT_SEARCH_GONE
    # The same from the environment, and SearXNG itself is accepted.
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace('provider = "albert"', 'provider = "searxng"')
        .replace('api_key = ""\n', ""),
        encoding="utf-8",
    )
    monkeypatch.setenv("ASSISTANT__WEB__PROVIDER", "albert")
    assert main(["check-config", "--config", str(config)]) == EXIT_CONFIG
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        "configuration error: environment variable ASSISTANT__WEB__PROVIDER: web.provider: "
        f"{ALBERT_SEARCH_GONE} (got 'albert')"
    )
    monkeypatch.delenv("ASSISTANT__WEB__PROVIDER")
    assert make_provider(WebConfig(provider="searxng", base_url="http://127.0.0.1:1")) is not None


async def test_web_rows_are_exported_erased_and_expired(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        store = WebRepository(db)
        privacy = PrivacyRepository(db)
        await store.set_auto_search("@a:x", True)
        await store.save_sources("@a:x", "!r", "$e1", [("Loi", "https://l.fr/1")])
        await store.save_sources(
            "@a:x", "!r", "$e2", [("A", "https://a.fr"), ("B", "https://b.fr")]
        )
        assert [s.title for s in await store.last_sources("@a:x", "!r")] == ["A", "B"]
        assert await store.last_sources("@b:x", "!r") == []
        data = await privacy.user_data("@a:x")
        assert data["web_settings"][0]["auto_search"] == 1
        assert len(data["web_sources"]) == 3
        assert (await privacy.purge_before("2000-01-01")).other == 0
        assert (await privacy.purge_before("9999-01-01")).other == 3
        await store.save_sources("@a:x", "!r", "$e3", [("C", "https://c.fr")])
        erased = await privacy.erase_user("@a:x")
        assert erased.other == 2  # the remaining source and the setting
        assert await store.auto_search("@a:x") is None
