"""The RAG client against the fake RAG service on loopback: the request it sends, the answers
and the errors it reads, and that a slow, endless or broken service never holds it."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest

from devtools.fake_rag import FakeRAG
from handlers.sources.client import RagClient, RagError

FICHE = {"title": "Congé de maternité", "url": "https://www.service-public.fr/F2265"}


@pytest.fixture
async def rag() -> AsyncIterator[FakeRAG]:
    server = FakeRAG(api_key="secret")
    await server.start()
    server.add_collection(7, "service-public")
    server.add_collection(9, "interne", visibility="private")
    server.add_document(7, "F2265", ["Le congé de maternité dure seize semaines."], FICHE)
    server.add_document(7, "F1", ["Le permis de conduire se renouvelle."], {"title": "Permis"})
    yield server
    await server.stop()


@pytest.fixture
async def client(rag: FakeRAG) -> AsyncIterator[RagClient]:
    found = RagClient(rag.base_url, "secret", timeout=2)
    yield found
    await found.close()


async def test_search_sends_the_current_shape_and_reads_the_answer(
    rag: FakeRAG, client: RagClient
) -> None:
    [excerpt] = await client.search("congé de maternité", [7], limit=3)
    assert excerpt.title == "Congé de maternité"
    assert excerpt.url == FICHE["url"]
    assert "seize semaines" in excerpt.text
    [request] = [r for r in rag.requests if r.path == "/v1/search"]
    assert request.headers["Authorization"] == "Bearer secret"
    # The current names, none of the deprecated ones (prompt, collections, k).
    assert request.json == {
        "query": "congé de maternité",
        "collection_ids": [7],
        "limit": 3,
        "method": "semantic",
    }


async def test_public_collections(client: RagClient) -> None:
    [collection] = await client.public_collections()
    assert (collection.id, collection.name, collection.documents) == (7, "service-public", 2)


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        ("http500", "status"),
        ("http503", "status"),
        ("http403", "auth"),
        ("http404", "not_found"),
        ("http422", "status"),
        ("malformed", "malformed"),
        ("wrongshape", "malformed"),
        ("huge", "too_big"),
        ("disconnect", "network"),
    ],
)
async def test_failures_become_rag_errors(
    rag: FakeRAG, client: RagClient, failure: str, kind: str
) -> None:
    rag.fail(failure)
    with pytest.raises(RagError) as caught:
        await client.search("congé", [7], limit=3)
    assert caught.value.kind == kind
    # The next search works: no state is left broken.
    assert await client.search("congé", [7], limit=3)


async def test_error_bodies_are_read(rag: FakeRAG, client: RagClient) -> None:
    with pytest.raises(RagError) as caught:
        await client.search("congé", [9], limit=3)  # private: someone else's
    assert caught.value.kind == "not_found"
    assert caught.value.detail == "HTTP 404 Collection 9 not found."
    wrong = RagClient(rag.base_url, "wrong", timeout=2)
    try:
        with pytest.raises(RagError) as caught:
            await wrong.search("congé", [7], limit=3)
        assert (caught.value.kind, caught.value.detail) == ("auth", "HTTP 403 Invalid API key.")
    finally:
        await wrong.close()
    none = RagClient(rag.base_url, "", timeout=2)
    try:
        with pytest.raises(RagError) as caught:
            await none.search("congé", [7], limit=3)
        assert caught.value.detail == "HTTP 403 Not authenticated"
    finally:
        await none.close()


async def test_a_hanging_service_costs_the_timeout_only(rag: FakeRAG) -> None:
    client = RagClient(rag.base_url, "secret", timeout=0.5)
    rag.fail("hang")
    started = time.monotonic()
    try:
        with pytest.raises(RagError) as caught:
            await client.search("congé", [7], limit=3)
    finally:
        await client.close()
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 2


async def test_a_service_that_is_down(rag: FakeRAG) -> None:
    base = rag.base_url
    await rag.stop()
    client = RagClient(base, "secret", timeout=2)
    try:
        with pytest.raises(RagError) as caught:
            await client.search("congé", [7], limit=3)
    finally:
        await client.close()
    assert caught.value.kind == "network"


async def test_keys_without_the_sk_prefix_are_refused_where_the_service_wants_it() -> None:
    server = FakeRAG(api_key="albert", sk_prefix=True)
    await server.start()
    client = RagClient(server.base_url, "albert", timeout=2)
    try:
        with pytest.raises(RagError) as caught:
            await client.search("congé", [], limit=3)
        assert (caught.value.kind, caught.value.detail) == ("auth", "HTTP 403 Invalid API key.")
    finally:
        await client.close()
        await server.stop()
