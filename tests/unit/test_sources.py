"""Official sources: the RAG answer's parser (fuzzed at the largest answer read), the error
bodies, the [sources] section, and the numbering shared with the web's sources."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import citations
from bot.context import Turn
from handlers.sources import check
from handlers.sources.client import (
    MAX_ANSWER_BYTES,
    MAX_DETAIL_CHARS,
    MAX_TITLE_CHARS,
    RagError,
    error_detail,
    parse_collections,
    parse_search,
    safe_url,
)
from handlers.sources.config import SourcesConfig
from handlers.sources.router import search_query


def _hit(
    content: str,
    *,
    score: float = 0.5,
    document_id: int = 1,
    collection_id: int = 7,
    metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One search result as OpenGateRAG's `Search` model serialises it."""
    return {
        "method": "semantic",
        "score": score,
        "chunk": {
            "object": "chunk",
            "id": 0,
            "collection_id": collection_id,
            "document_id": document_id,
            "content": content,
            "metadata": metadata,
            "created": 1760000000,
        },
    }


def test_parse_search_merges_chunks_per_document_best_first() -> None:
    fiche = {"title": "Congé de maternité", "url": "https://www.service-public.fr/F2265"}
    data = {
        "object": "list",
        "data": [
            _hit("Durée du congé.", score=0.4, document_id=3, metadata=fiche),
            _hit("Indemnités.", score=0.9, document_id=5, metadata={"name": "Mairie"}),
            _hit("Report du congé.", score=0.3, document_id=3, metadata=fiche),
        ],
        "usage": {"prompt_tokens": 3},
    }
    first, second = parse_search(data, limit=5, max_chars=1000)
    assert (first.title, first.url, first.text) == ("Mairie", "", "Indemnités.")
    assert second.title == "Congé de maternité"
    assert second.url == "https://www.service-public.fr/F2265"
    assert second.text == "Durée du congé.\n[…]\nReport du congé."
    assert not second.truncated


def test_parse_search_bounds_and_falls_back() -> None:
    data = {
        "data": [
            _hit("a" * 50, document_id=1, metadata=None),
            _hit("b" * 50, document_id=2, metadata={"title": "x" * 5000, "url": "javascript:1"}),
            _hit("c", document_id=3),
            "not a result",
            {"chunk": {"content": ""}},
        ]
    }
    excerpts = parse_search(data, limit=2, max_chars=20)
    assert [e.document_id for e in excerpts] == [1, 2]
    assert excerpts[0].title == "Document 1"
    assert excerpts[0].text == "a" * 20 and excerpts[0].truncated
    assert len(excerpts[1].title) == MAX_TITLE_CHARS + 1  # cut, with an ellipsis
    assert excerpts[1].url == ""


@pytest.mark.parametrize(
    "data", [None, [], {"object": "list"}, {"data": "x"}, {"detail": "Not authenticated"}]
)
def test_parse_search_refuses_other_shapes(data: Any) -> None:
    with pytest.raises(RagError) as caught:
        parse_search(data, limit=5, max_chars=100)
    assert caught.value.kind == "malformed"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.service-public.fr/particuliers/vosdroits/F2265", None),
        ("http://legifrance.gouv.fr/a(b)c", "http://legifrance.gouv.fr/a%28b%29c"),
        ("javascript:alert(1)", ""),
        ("https://x.fr/a b", ""),
        ("https://x.fr/a>b", ""),
        ("https://x.fr/\u2028", ""),
        ("//no-scheme.fr", ""),
        ("https://", ""),
        ("https://x.fr/" + "a" * 3000, ""),
        (42, ""),
    ],
)
def test_safe_url(url: Any, expected: str | None) -> None:
    assert safe_url(url) == (url if expected is None else expected)


def test_error_detail_reads_fastapi_bodies() -> None:
    assert error_detail(b'{"detail": "Collection 7 not found."}') == "Collection 7 not found."
    body = json.dumps({"detail": [{"type": "x", "loc": ["body", "query"], "msg": "Too short"}]})
    assert error_detail(body.encode()) == "Too short"
    assert error_detail(b"<html>Bad gateway</html>") == ""
    assert error_detail(b'{"detail": "' + b"x" * 1000 + b'"}').endswith("…")


def test_parse_collections() -> None:
    data = {
        "object": "list",
        "data": [
            {"id": 7, "name": "service-public", "documents": 4200, "visibility": "public"},
            {"id": -1, "name": "bad"},
            {"id": 8, "name": None},
        ],
    }
    found = parse_collections(data)
    assert [(c.id, c.name, c.documents) for c in found] == [
        (7, "service-public", 4200),
        (8, "collection 8", 0),
    ]


def test_search_query_drops_links_and_is_bounded() -> None:
    assert search_query("Voir https://x.fr/a?b=1 congé ?") == "Voir congé ?"
    assert len(search_query("mot " * 5000)) <= 2000


# The [sources] section --------------------------------------------------------------------


def test_config_defaults_off_and_validates() -> None:
    assert not SourcesConfig().enabled
    config = SourcesConfig(collections=[7, 8], base_url="https://albert.example.fr/v1/")
    assert config.enabled and config.base_url == "https://albert.example.fr/v1"
    for bad in (
        {"collections": [0]},
        {"collections": [7, 7]},
        {"base_url": "albert.example.fr"},
        {"k": 0},
        {"k": 21},
        {"method": "web"},
        {"score_threshold": 0.5, "method": "hybrid"},
        {"unknown": 1},
    ):
        with pytest.raises(ValueError):
            SourcesConfig.model_validate(bad)


def test_check_needs_a_key_for_a_remote_service() -> None:
    on = SourcesConfig(collections=[7])
    assert check(SourcesConfig(), "https://albert.example.fr/v1", "") == []
    assert check(on, "https://albert.example.fr/v1", "key") == []
    assert check(on, "http://127.0.0.1:8000/v1", "") == []
    [problem] = check(on, "https://albert.example.fr/v1", "")
    assert "ASSISTANT__SOURCES__API_KEY" in problem


def test_check_config_reports_the_sources_section(tmp_path: Path) -> None:
    from bot.app import load_config, offline_checks

    path = tmp_path / "config.toml"
    path.write_text(
        '[matrix]\nuser_id = "@bot:example.fr"\npassword = "x"\n\n'
        '[llm]\nbase_url = "https://albert.example.fr/v1"\n\n[sources]\ncollections = [7]\n',
        encoding="utf-8",
    )
    config = load_config(path, environ={})
    [problem] = [p for p in offline_checks(config) if "sources" in p]
    assert "config.toml" in problem
    env = {"ASSISTANT__SOURCES__API_KEY": "secret"}
    assert not [p for p in offline_checks(load_config(path, environ=env)) if "sources" in p]


# One numbering per answer -----------------------------------------------------------------


def test_citations_number_after_those_already_cited() -> None:
    turn = Turn("question", 1)
    turn.footers.append("⚠️ une note")
    assert citations.next_number(turn) == 1
    web = citations.add_sources(turn, [citations.Citation("Page", "https://a.fr/", "a.fr")])
    assert len(web) == 1 and citations.next_number(turn) == 2
    both = citations.add_sources(turn, [citations.Citation("Fiche", "", "")])
    assert [c.title for c in both] == ["Page", "Fiche"]
    assert turn.footers[0] == ("**Sources**\n- [1] [Page](https://a.fr/) — a.fr\n- [2] Fiche")
    assert turn.footers[1] == "⚠️ une note" and len(turn.footers) == 2


# Hostile answers --------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=300),
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=20), inner),
    max_leaves=40,
)
_hits = st.lists(
    st.fixed_dictionaries(
        {
            "score": _scalars,
            "chunk": st.one_of(
                _json,
                st.fixed_dictionaries(
                    {
                        "collection_id": _scalars,
                        "document_id": st.integers(0, 30) | _scalars,
                        "content": st.text(max_size=2000) | _scalars,
                        "metadata": st.one_of(
                            _json,
                            st.dictionaries(
                                st.sampled_from(["title", "url", "name", "directory_url"]),
                                _scalars,
                            ),
                        ),
                    }
                ),
            ),
        }
    ),
    max_size=60,
)


def _check_bounded(excerpts: list[Any], limit: int, max_chars: int) -> None:
    assert len(excerpts) <= limit
    for excerpt in excerpts:
        # Each document's chunks are cut to max_chars together, plus the "[…]" joints.
        assert len(excerpt.text) <= max_chars + 5 * 10 * limit
        assert len(excerpt.title) <= MAX_TITLE_CHARS + 1
        assert "\n" not in excerpt.title
        assert excerpt.url == "" or excerpt.url.startswith(("http://", "https://"))
        assert not any(c.isspace() or c in "()<>" for c in excerpt.url)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hits=_hits, extra=_json, limit=st.integers(1, 20), max_chars=st.integers(200, 20_000))
def test_parser_survives_any_json(hits: Any, extra: Any, limit: int, max_chars: int) -> None:
    data = {"object": "list", "data": [*hits, extra]}
    _check_bounded(parse_search(data, limit=limit, max_chars=max_chars), limit, max_chars)
    try:  # any other value: excerpts as bounded, or the documented error
        alone = parse_search(extra, limit=limit, max_chars=max_chars)
    except RagError as exc:
        assert exc.kind == "malformed"
        alone = []
    _check_bounded(alone, limit, max_chars)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece=st.text(min_size=1, max_size=50), documents=st.integers(1, 2000))
def test_largest_answer_parses_quickly(piece: str, documents: int) -> None:
    """An answer at the size limit (1 MiB), many chunks or few huge ones, is read and parsed in
    a bounded time on the event loop, and gives bounded excerpts."""

    def answer(content: str) -> bytes:
        hits = [
            _hit(content, document_id=i, metadata={"title": content, "url": "https://a.fr/"})
            for i in range(documents)
        ]
        return json.dumps({"object": "list", "data": hits}, ensure_ascii=False).encode()

    per_document = max(1, (MAX_ANSWER_BYTES // documents - 300) // 2)
    content = (piece * (per_document // len(piece) + 1))[:per_document]
    body = answer(content)
    while len(body) > MAX_ANSWER_BYTES:  # multi-byte characters: shrink to fit
        content = content[: max(1, int(len(content) * 0.8))]
        body = answer(content)
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    excerpts = parse_search(json.loads(body), limit=20, max_chars=20_000)
    elapsed = time.thread_time() - started
    _check_bounded(excerpts, 20, 20_000)
    assert elapsed < 0.5, f"{elapsed:.3f} s for {len(body)} bytes"


@settings(max_examples=60, deadline=None)
@given(
    body=st.binary(max_size=70_000)
    | _json.map(lambda v: json.dumps({"detail": v}).encode())
    | st.text(max_size=70_000).map(lambda t: json.dumps({"detail": t}).encode())
)
def test_error_bodies_never_raise_and_stay_short(body: bytes) -> None:
    detail = error_detail(body)
    assert len(detail) <= MAX_DETAIL_CHARS + 1 and "\n" not in detail


def test_client_defaults_to_the_model_server(tmp_path: Path) -> None:
    from bot.app import make_core
    from bot.llm import LLMClient
    from handlers.sources import make_client
    from storage.db import Database
    from tests.fakes import FakeMatrix
    from tests.harness import dispatcher_config, fixed_clock

    def client_for(**sources: Any) -> Any:
        config = dispatcher_config(tmp_path, "https://albert.example.fr/v1", sources=sources)
        db = Database(tmp_path / "unused.sqlite3")
        core = make_core(config, db, FakeMatrix(), LLMClient(config.llm), fixed_clock)
        return make_client(core, config.sources)

    assert client_for() is None  # no collection: the feature is off
    client = client_for(collections=[7])
    assert (client.base_url, client._api_key) == ("https://albert.example.fr/v1", "test")
    client = client_for(collections=[7], base_url="https://rag.example.fr/v1", api_key="own")
    assert (client.base_url, client._api_key) == ("https://rag.example.fr/v1", "own")
