"""Web lookups: links in messages are read, !web searches and cites sources, !sources."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass

from bot import citations
from bot.answer import respond
from bot.commands import Group, Router, parse_switch
from bot.context import Ctx, Turn, UserError
from handlers.web import texts
from handlers.web.config import WebConfig
from handlers.web.fetch import FetchError, Page, page_site
from handlers.web.search import SearchError, SearchResult, filter_results
from handlers.web.service import WebService
from storage.web import WebRepository

log = logging.getLogger(__name__)

router = Router("web")


@dataclass(frozen=True)
class Web:
    """The web feature's own services."""

    config: WebConfig
    service: WebService  # the page fetcher (behind the address guard) and the search provider
    sources: WebRepository  # agents' !web on/off choices, the last answer's sources


def web_of(ctx: Ctx) -> Web:
    return ctx.services.part(Web)


# Links typed by the user; a page's own text is never searched for links (no further fetches).
URL_RE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?»«)]}'\""
# Fences of quoted material: a page cannot close its own quote early.
_FENCE = re.compile(r"<<<|>>>")
# Links past max_pages each get a line under the answer, up to this many.
MAX_EXTRA_LINK_NOTES = 3


def find_links(text: str) -> list[str]:
    """http(s) links in the order typed, each once, without the punctuation that follows.
    Linear in the text: a message is up to 60,000 characters, read on the event loop."""
    found: dict[str, None] = {}
    for match in URL_RE.finditer(text):
        url = _without_trailing(match.group(0))
        if len(url) > len("https://"):
            found.setdefault(url)
    return list(found)


def _without_trailing(url: str) -> str:
    """The URL without its trailing punctuation, keeping a closing parenthesis that belongs to
    it (Wikipedia titles): stripping from the end stops at a ")" once the URL holds no more ")"
    than "(". Done with C string calls, not a Python step per character."""
    kept = url.rstrip(_TRAILING)
    tail = url[len(kept) :]
    if ")" not in tail:
        return kept
    # Stripping the ")"s of the tail one by one, the count of ")" falls to that of "(" after
    # `surplus` of them: the next one, if any, stays with all that precedes it.
    surplus = max(0, url.count(")") - url.count("("))
    parts = tail.rsplit(")", surplus + 1)
    if len(parts) < surplus + 2:
        return kept
    return kept + parts[0] + ")"


def _neutralise(text: str) -> str:
    return _FENCE.sub("‹‹", text)


@dataclass(frozen=True)
class _Target:
    url: str
    result: SearchResult | None  # None for a link typed by the user


async def _fetch(ctx: Ctx, url: str) -> Page | FetchError:
    try:
        return await web_of(ctx).service.fetcher.fetch(url, ctx.sender)
    except FetchError as exc:
        log.info("page not read for event %s: %s", ctx.item.event_id, exc.kind)
        return exc
    except Exception:  # a page must never cost the agent their answer
        log.exception("unexpected error reading a page for event %s", ctx.item.event_id)
        return FetchError("unreadable")


async def add_web_material(ctx: Ctx, turn: Turn, *, query: str | None) -> None:
    """Read the links of the question (and search `query` first when given); quote the pages
    as untrusted, numbered material; list them as the answer's sources."""
    web = web_of(ctx).service
    config = web.config
    links = find_links(turn.question)
    targets = [_Target(url, None) for url in links[: config.max_pages]]
    for url in links[config.max_pages :][:MAX_EXTRA_LINK_NOTES]:  # not thousands of lines
        turn.footers.append(texts.web_fetch_error(url, "too_many"))
    searched = False
    if query and web.provider is not None:
        query = await ctx.services.extensions.guard.without_identifiers(ctx, query)
    if query and web.provider is not None:
        await turn.status(texts.web_searching(query))
        searched = True
        try:
            results = filter_results(await web.provider.search(query, config.max_results), config)
        except Exception as exc:  # SearchError, or an engine answering nonsense
            detail = str(exc) if isinstance(exc, SearchError) else type(exc).__name__
            log.warning("search failed for event %s: %s", ctx.item.event_id, detail)
            turn.footers.append(texts.WEB_SEARCH_FAILED)
            results = []
        else:
            if not results:
                turn.footers.append(texts.WEB_NO_RESULTS)
        for result in results:
            if len(targets) >= config.max_pages:
                break
            if all(t.url != result.url for t in targets):
                targets.append(_Target(result.url, result))
    if not targets:
        return
    await turn.status(texts.web_reading(len(targets)))
    pages = await asyncio.gather(*(_fetch(ctx, t.url) for t in targets))
    sources: list[tuple[str, str]] = []
    first = citations.next_number(turn)  # after the sources other features already cited
    for target, page in zip(targets, pages, strict=True):
        number = first + len(sources)
        if isinstance(page, Page):
            title = page.title or (target.result.title if target.result else "")
            turn.material.append(
                texts.web_material(
                    number, target.url, _neutralise(title), _neutralise(page.text), page.truncated
                )
            )
            sources.append((title or page_site(target.url), target.url))
        elif target.result is not None and target.result.snippet.strip():
            # The engine's excerpt still lets the agent check the claim at its source.
            title = target.result.title
            turn.material.append(
                texts.web_snippet_material(
                    number, target.url, _neutralise(title), _neutralise(target.result.snippet)
                )
            )
            sources.append((title, target.url))
        elif target.result is None:
            turn.footers.append(texts.web_fetch_error(target.url, page.kind))
            turn.instructions.append(texts.web_unread_note(target.url, page.kind))
    if not sources:
        return
    turn.instructions.append(texts.WEB_MATERIAL_RULES)
    if searched or len(sources) > 1:
        turn.instructions.append(texts.WEB_CITE_RULES)
    cited = citations.add_sources(
        turn, [citations.Citation(title, url, page_site(url)) for title, url in sources]
    )
    await web_of(ctx).sources.save_sources(
        ctx.sender, ctx.room_id, ctx.item.event_id, [(c.title, c.url) for c in cited]
    )
    log.info(
        "event %s: %d page(s) quoted, %d source(s)%s",
        ctx.item.event_id,
        len(turn.material),
        len(sources),
        " after a search" if searched else "",
    )


def sources_footer(header: str, sources: list[tuple[str, str]]) -> str:
    found = [citations.Citation(t, url, page_site(url) if url else "") for t, url in sources]
    return citations.sources_footer(header, found)


async def _auto_search(ctx: Ctx) -> bool:
    choice = await web_of(ctx).sources.auto_search(ctx.sender)
    return web_of(ctx).config.auto_search_default if choice is None else choice


@router.turn_hook
async def read_links(ctx: Ctx, turn: Turn) -> None:
    if ctx.command is not None and ctx.command.name == "web":
        return  # !web prepares its own turn
    query = None
    if web_of(ctx).service.provider is not None and await _auto_search(ctx):
        query = URL_RE.sub(" ", turn.question).strip() or None
    if query is None and not URL_RE.search(turn.question):
        return
    await add_web_material(ctx, turn, query=query)


@router.command(
    "web",
    "recherche",
    usage="!web <question> | activer | desactiver",
    help="cherche sur le web et répond avec des sources numérotées ; "
    "activer/desactiver : recherche automatique pour tous vos messages",
    group=Group.DOCUMENTS,
    offered=lambda services: services.part(Web).service.provider is not None,
)
async def web_command(ctx: Ctx) -> None:
    args = ctx.args.strip()
    on = parse_switch(args)
    if on is not None:
        await web_of(ctx).sources.set_auto_search(ctx.sender, on)
        log.info("automatic web search %s for %s", "on" if on else "off", ctx.sender)
        if on and web_of(ctx).service.provider is None:
            await ctx.reply(texts.WEB_AUTO_ON_NO_PROVIDER)
        else:
            await ctx.reply(texts.WEB_AUTO_ON if on else texts.WEB_AUTO_OFF)
        return
    if not args:
        await ctx.reply(texts.WEB_USAGE)
        return
    if web_of(ctx).service.provider is None:
        raise UserError(texts.WEB_NO_PROVIDER)
    query = URL_RE.sub(" ", args).strip() or args

    async def prepare(ctx: Ctx, turn: Turn) -> None:
        await add_web_material(ctx, turn, query=query)

    await respond(ctx, args, prepare=prepare)


@router.command(
    "sources",
    usage="!sources",
    help="montre les sources de la dernière réponse",
    group=Group.DOCUMENTS,
)
async def last_sources(ctx: Ctx) -> None:
    stored = await web_of(ctx).sources.last_sources(ctx.sender, ctx.room_id)
    if not stored:
        await ctx.reply(texts.SOURCES_NONE)
        return
    await ctx.reply(sources_footer(texts.LAST_SOURCES_HEADER, [(s.title, s.url) for s in stored]))
