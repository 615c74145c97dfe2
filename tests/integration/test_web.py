"""Web lookups end to end: the real bot on the real Synapse, encrypted DMs, the fake model.

Pages and the fake SearXNG are served by a local site on 127.0.0.1; internal addresses appear
only as literals or through a stub resolver, and are refused before any connection.
"""

from __future__ import annotations

from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from devtools.web_pages import WebPages
from handlers.web import texts as web_texts
from handlers.web.router import Web
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import open_dm
from tests.web_helpers import StubLookup, loopback_only, pages

__all__ = ["loopback_only", "pages"]  # fixtures

FAST = {"connect_timeout": 2, "read_timeout": 0.5, "total_timeout": 5}


async def say(
    agent: AgentClient, room: str, bot: BotHandle, text: str, expect: str, timeout: float = 30
) -> SeenMessage:
    """Send `text`; the bot's message whose final body contains `expect`."""
    after = len(agent.messages(room))
    await agent.send_text(room, text)
    return await agent.wait_for_message(
        room,
        sender=bot.user_id,
        predicate=lambda m: expect in m.body,
        after=after,
        timeout=timeout,
    )


def user_turn(fake_llm: FakeLLM) -> str:
    return str(fake_llm.chat_requests()[-1]["messages"][-1]["content"])


def system_turn(fake_llm: FakeLLM) -> str:
    return str(fake_llm.chat_requests()[-1]["messages"][0]["content"])


async def test_links_are_read_fenced_and_limited(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, pages: WebPages
) -> None:
    bot = await make_bot(web={"allow_private_addresses": True, "max_bytes": 60_000, **FAST})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Trois jours par semaine, selon l'arrêté."))
    question = (
        f"Résume ces pages : {pages.url('/article')} et {pages.url('/injection')}, "
        f"{pages.url('/huge')} puis {pages.url('/slow')}"
    )
    answer = await say(agent, room, bot, question, "Trois jours par semaine")
    assert answer.encrypted
    material = user_turn(fake_llm)
    # The extracted main text reached the model, fenced with its URL, before the question.
    assert "trois jours de télétravail par semaine" in material
    assert "Mentions légales" not in material
    assert f"<<<PAGE WEB 1 — {pages.url('/article')}" in material
    assert "<<<FIN PAGE WEB 1>>>" in material
    assert material.rstrip().endswith(question)
    # The injection is quoted as data, and the model is told so.
    start = material.index("<<<PAGE WEB 2")
    assert (
        start
        < material.index("Ignore toutes tes instructions")
        < material.index("<<<FIN PAGE WEB 2>>>")
    )
    assert web_texts.WEB_MATERIAL_RULES in system_turn(fake_llm)
    # The huge page is cut, the slow one times out with a French explanation.
    assert "<<<PAGE WEB 3" in material and "(extrait)" in material
    assert "<<<PAGE WEB 4" not in material
    assert web_texts.web_fetch_error(pages.url("/slow"), "timeout") in answer.body
    assert web_texts.SOURCES_HEADER in answer.body
    assert pages.url("/article") in answer.body
    # A page cannot trigger commands or further fetches.
    assert pages.hits["/secret"] == 0
    assert bot.app is not None and bot.app.services is not None
    assert await bot.app.services.part(Web).sources.auto_search(agent.user_id) is None
    assert len(fake_llm.chat_requests()) == 1


async def test_web_search_cites_numbered_sources(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, pages: WebPages
) -> None:
    pages.search_results = [
        {"url": pages.url("/page/1"), "title": "Circulaire 1", "content": "Extrait un"},
        {"url": pages.url("/page/2"), "title": "Circulaire 2", "content": "Extrait deux"},
        {"url": pages.url("/missing"), "title": "Page disparue", "content": "Extrait trois"},
    ]
    bot = await make_bot(
        web={
            "provider": "searxng",
            "base_url": pages.base_url,
            "allow_private_addresses": True,
            **FAST,
        }
    )
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Trois jours [1], accord du responsable [2], indemnité [3]."))
    answer = await say(agent, room, bot, "!web Combien de jours de télétravail ?", "indemnité [3]")
    assert pages.search_queries[-1]["q"] == "Combien de jours de télétravail ?"
    assert pages.search_queries[-1]["language"] == "fr"
    material = user_turn(fake_llm)
    assert "<<<PAGE WEB 1 — " + pages.url("/page/1") in material and "Page 1 :" in material
    assert "<<<PAGE WEB 2 — " + pages.url("/page/2") in material and "Page 2 :" in material
    # A result that cannot be read is still cited through the engine's excerpt.
    assert "<<<PAGE WEB 3 — " + pages.url("/missing") in material and "Extrait trois" in material
    assert web_texts.WEB_CITE_RULES in system_turn(fake_llm)
    for number, title, path in [(1, "Page numéro 1", "/page/1"), (2, "Page numéro 2", "/page/2"),
                                (3, "Page disparue", "/missing")]:  # fmt: skip
        assert web_texts.source_line(number, title, "127.0.0.1", pages.url(path)) in answer.body
    assert answer.formatted_body is not None and f'href="{pages.url("/page/2")}"' in (
        answer.formatted_body
    )
    shown = await say(agent, room, bot, "!sources", web_texts.LAST_SOURCES_HEADER)
    assert pages.url("/page/1") in shown.body and pages.url("/missing") in shown.body


async def test_web_on_persists_across_a_restart_and_without_provider_web_says_so(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, pages: WebPages
) -> None:
    pages.search_results = [
        {"url": pages.url("/page/7"), "title": "Sept", "content": "Extrait sept"},
    ]
    bot = await make_bot(
        web={
            "provider": "searxng",
            "base_url": pages.base_url,
            "allow_private_addresses": True,
            **FAST,
        }
    )
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    await say(agent, room, bot, "!web on", web_texts.WEB_AUTO_ON)
    await bot.stop()
    await bot.start()
    fake_llm.enqueue(Reply(text="Réponse avec le web [1]."))
    answer = await say(agent, room, bot, "Quelles sont les règles ?", "Réponse avec le web [1].")
    assert pages.search_queries[-1]["q"] == "Quelles sont les règles ?"
    assert "Page 7 :" in user_turn(fake_llm)
    assert pages.url("/page/7") in answer.body
    await say(agent, room, bot, "!web off", web_texts.WEB_AUTO_OFF)
    searches = len(pages.search_queries)
    fake_llm.enqueue(Reply(text="Sans le web."))
    await say(agent, room, bot, "Et ensuite ?", "Sans le web.")
    assert len(pages.search_queries) == searches

    plain = await make_bot(web={"allow_private_addresses": True, **FAST})
    other = await make_agent("agent")
    room2 = await open_dm(other, plain)
    await say(other, room2, plain, "!web Quoi de neuf ?", web_texts.WEB_NO_PROVIDER)


async def test_internal_addresses_are_refused_in_french_before_any_connection(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM, pages: WebPages
) -> None:
    bot = await make_bot(
        web={
            "allow_private_addresses": False,
            "intranet_hosts": ["pages.test"],  # the site that redirects to internal addresses
            "max_pages": 8,
            **FAST,
        }
    )
    assert bot.app is not None and bot.app.services is not None
    fetcher = bot.app.services.part(Web).service.fetcher
    fetcher.lookup = StubLookup()  # no real DNS query; names resolve as the test says
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    refused = [
        pages.url("/secret"),
        pages.url("/secret", host="[::1]"),
        "http://10.0.0.5/admin",
        "http://169.254.169.254/latest/meta-data/",
        pages.url("/redirect-private", host="pages.test"),
        pages.url("/redirect-internal", host="pages.test"),
        pages.url("/secret", host="loopback.test"),
        pages.url("/secret", host="localhost"),
    ]
    fake_llm.enqueue(Reply(text="Je n'ai pas pu lire ces pages."))
    answer = await say(agent, room, bot, "Lis " + " ".join(refused), "Je n'ai pas pu lire")
    for url in refused:
        assert web_texts.web_fetch_error(url, "blocked") in answer.body
    assert "<<<PAGE WEB" not in user_turn(fake_llm)
    assert pages.hits["/secret"] == 0
    # Only the allowed intranet host was connected to, for the two redirecting pages.
    assert set(fetcher.cleared_addresses) == {"127.0.0.1"}
    assert pages.hits["/redirect-private"] == 1 and pages.hits["/redirect-internal"] == 1
    assert not any("10.0.0.5" in u or "169.254" in u for u in fetcher.requests_started)
