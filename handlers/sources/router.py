"""Official sources: `!officiel <question>`, `!sources publiques on|off`, and the turn hook that
quotes the excerpts of Albert's public collections as numbered sources."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot import citations
from bot.answer import respond
from bot.commands import Group, Router, normalize_name, parse_switch
from bot.context import Ctx, Services, Turn, UserError
from handlers.sources import texts
from handlers.sources.client import RagClient, RagError
from handlers.sources.config import SourcesConfig
from storage.sources import SourcesRepository

log = logging.getLogger(__name__)

router = Router("sources")

# `!sources publiques …` (the web feature owns `!sources` alone: the last answer's sources).
PUBLIC_WORDS = frozenset({"publiques", "publique", "officielles", "officielle"})
# The search query: the question without its links; long questions are cut (the service
# embeds the query; a few hundred words say what is asked).
MAX_QUERY_CHARS = 2000
_URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
_FENCE = re.compile(r"<<<|>>>")


@dataclass(frozen=True)
class Sources:
    """The official-sources feature's own services."""

    config: SourcesConfig
    client: RagClient | None  # None when no collection is configured
    choices: SourcesRepository


def sources_of(ctx: Ctx) -> Sources:
    return ctx.services.part(Sources)


def _neutralise(text: str) -> str:
    return _FENCE.sub("‹‹", text)


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host[4:] if host.startswith("www.") else host


def search_query(question: str) -> str:
    return " ".join(_URL_RE.sub(" ", question).split())[:MAX_QUERY_CHARS].strip()


async def add_official_material(ctx: Ctx, turn: Turn, question: str) -> None:
    """Search the collections for `question`; quote the excerpts as numbered material, list
    them among the answer's sources. A failing service costs the sources, never the answer."""
    feature = sources_of(ctx)
    client, config = feature.client, feature.config
    query = search_query(question)
    if client is None or not query:
        return
    query = await ctx.services.extensions.guard.without_identifiers(ctx, query)
    if not query.strip():
        return
    await turn.status(texts.SEARCHING)
    try:
        excerpts = await client.search(
            query,
            config.collections,
            limit=config.k,
            method=config.method,
            score_threshold=config.score_threshold,
            max_chars=config.max_chars_per_excerpt,
        )
    except RagError as exc:
        log.warning("official sources not searched for event %s: %s", ctx.event_id, exc)
        turn.footers.append(texts.FAILED)
        turn.instructions.append(texts.NOT_CONSULTED_NOTE)
        return
    except Exception:  # a broken answer must never cost the agent theirs
        log.exception("unexpected error searching official sources for event %s", ctx.event_id)
        turn.footers.append(texts.FAILED)
        turn.instructions.append(texts.NOT_CONSULTED_NOTE)
        return
    if not excerpts:
        turn.footers.append(texts.NO_RESULTS)
        turn.instructions.append(texts.NO_RESULTS_NOTE)
        return
    first = citations.next_number(turn)
    found = []
    for offset, excerpt in enumerate(excerpts):
        turn.material.append(
            texts.material(
                first + offset,
                excerpt.url,
                _neutralise(excerpt.title),
                _neutralise(excerpt.text),
                excerpt.truncated,
            )
        )
        found.append(citations.Citation(excerpt.title, excerpt.url, _site(excerpt.url)))
    turn.instructions.append(texts.MATERIAL_RULES)
    if texts.CITE_RULES not in turn.instructions:
        turn.instructions.append(texts.CITE_RULES)
    cited = citations.add_sources(turn, found)
    await feature.choices.save_answer_sources(
        ctx.sender, ctx.room_id, ctx.event_id, [(c.title, c.url) for c in cited]
    )
    log.info("event %s: %d official excerpt(s) quoted", ctx.event_id, len(excerpts))


async def _wanted(ctx: Ctx) -> bool:
    feature = sources_of(ctx)
    choice = await feature.choices.enabled(ctx.sender)
    return feature.config.auto_default if choice is None else choice


@router.turn_hook
async def official_sources(ctx: Ctx, turn: Turn) -> None:
    if ctx.command is not None and ctx.command.name == "officiel":
        return  # !officiel prepares its own turn
    if sources_of(ctx).client is None or not await _wanted(ctx):
        return
    await add_official_material(ctx, turn, turn.question)


async def _switch(ctx: Ctx, word: str) -> None:
    """`on`/`off` (French words too), or the status and the collections when empty."""
    feature = sources_of(ctx)
    on = parse_switch(word)
    if on is not None:
        await feature.choices.set_enabled(ctx.sender, on)
        log.info("official sources %s for %s", "on" if on else "off", ctx.sender)
        if on and feature.client is None:
            await ctx.reply(texts.ON_NOT_CONFIGURED)
        else:
            await ctx.reply(texts.ON if on else texts.OFF)
        return
    if word:
        raise UserError(texts.USAGE)
    if feature.client is None:
        raise UserError(texts.NOT_CONFIGURED)
    await ctx.reply(texts.status(await _wanted(ctx), await _collections_text(feature)))


async def _collections_text(feature: Sources) -> str:
    assert feature.client is not None
    try:
        listed = await feature.client.public_collections()
    except RagError as exc:
        log.warning("public collections not listed: %s", exc)
        return texts.UNKNOWN_COLLECTIONS
    names = [
        texts.collection_line(c.name, c.documents)
        for c in listed
        if c.id in feature.config.collections
    ]
    return ", ".join(names) or texts.UNKNOWN_COLLECTIONS


@router.intercept
async def public_sources_switch(ctx: Ctx) -> bool:
    """`!sources publiques on|off`: the web feature declares `!sources`; its `publiques`
    form is this feature's."""
    if ctx.command is None or ctx.command.name != "sources":
        return False
    first, _, rest = ctx.args.strip().partition(" ")
    if normalize_name(first) not in PUBLIC_WORDS:
        return False
    await _switch(ctx, rest.strip())
    return True


def _configured(services: Services) -> bool:
    return services.part(Sources).client is not None


@router.command(
    "officiel",
    "officielle",
    "sources-officielles",
    usage="!officiel <question> | activer | desactiver",
    help="répond à partir des sources publiques officielles (fiches service-public.fr…) en "
    "citant ses sources\u00a0; activer/desactiver (ou "
    "`!sources publiques activer|desactiver`)\u00a0: pour tous vos messages",
    group=Group.DOCUMENTS,
    offered=_configured,
)
async def official_command(ctx: Ctx) -> None:
    question = ctx.args.strip()
    if parse_switch(question) is not None:
        await _switch(ctx, question)
        return
    if not question:
        await ctx.reply(texts.USAGE)
        return
    if sources_of(ctx).client is None:
        raise UserError(texts.NOT_CONFIGURED)

    async def prepare(ctx: Ctx, turn: Turn) -> None:
        await add_official_material(ctx, turn, question)

    await respond(ctx, question, prepare=prepare)
