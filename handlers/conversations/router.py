"""!nouveau, !historique [mots], !reprendre, !titre: the agent's conversations, threads included;
generated titles; a reply to one of the bot's messages put back in the context."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from bot import texts as bot_texts
from bot.answer import estimate_tokens
from bot.commands import Group, Router
from bot.context import Answered, Ctx, Turn, UserError
from bot.conversation import TITLE_CHARS, belongs_here, conversation_of, room_owner
from bot.llm import ChatMessage, LLMError
from handlers.conversations import texts
from handlers.conversations.config import ConversationsConfig
from storage.conversations import Conversation, Message

log = logging.getLogger(__name__)

router = Router("conversations")
# What !reprendre N refers to: the last list shown in the room (ids only), kept across restarts.
LISTING_KEY = "conversations.listing:"


@dataclass(frozen=True)
class Conversations:
    """The conversations feature's own settings."""

    config: ConversationsConfig


def settings(ctx: Ctx) -> ConversationsConfig:
    return ctx.services.part(Conversations).config


def _when(iso: str) -> str:
    return bot_texts.short_date(datetime.fromisoformat(iso))


@router.command(
    "nouveau",
    "new",
    usage="!nouveau",
    help="commence une nouvelle conversation (l'historique est conservé)",
    group=Group.CHAT,
)
async def new_conversation(ctx: Ctx) -> None:
    services = ctx.services
    await services.rooms.upsert(ctx.room_id, ctx.room_kind, room_owner(ctx))
    await services.rooms.set_current_conversation(ctx.room_id, None)
    await ctx.reply(texts.NEW_CONVERSATION)


@router.command(
    "historique",
    "history",
    usage="!historique [mots]",
    help="liste vos conversations récentes et leurs fils ; avec des mots, cherche dans toutes "
    "vos conversations",
    group=Group.CHAT,
)
async def history(ctx: Ctx) -> None:
    if ctx.args.strip():
        await search(ctx, ctx.args.strip())
        return
    services = ctx.services
    size = settings(ctx).history_size
    conversations = await services.conversations.list_recent(ctx.room_id, room_owner(ctx), size)
    if not conversations:
        await ctx.reply(texts.NO_HISTORY)
        return
    current = await conversation_of(ctx)
    lines = [texts.HISTORY_HEADER, ""]
    for index, conv in enumerate(conversations, start=1):
        line = texts.thread_history_line if conv.thread_root else texts.history_line
        lines.append(
            line(
                index,
                conv.title or bot_texts.UNTITLED,
                _when(conv.updated_at),
                conv.message_count,
                current is not None and current.id == conv.id,
            )
        )
    lines += ["", texts.HISTORY_FOOTER]
    await _remember_listing(ctx, conversations)
    await ctx.reply("\n".join(lines))


async def search(ctx: Ctx, words: str) -> None:
    services = ctx.services
    hits = await services.conversations.search(
        words,
        user_id=room_owner(ctx),
        room_id=ctx.room_id,
        limit=settings(ctx).search_results,
    )
    log.info(
        "history search in %s: %d words, %d matches", ctx.room_id, len(words.split()), len(hits)
    )
    if not hits:
        await ctx.reply(texts.search_none(words))
        return
    lines = [texts.search_header(words), ""]
    for index, hit in enumerate(hits, start=1):
        conv = hit.conversation
        excerpt = " ".join(hit.excerpt.split())
        lines.append(
            texts.search_line(
                index,
                conv.title or bot_texts.UNTITLED,
                _when(conv.updated_at),
                excerpt,
                conv.thread_root is not None,
            )
        )
    lines += ["", texts.HISTORY_FOOTER]
    await _remember_listing(ctx, [hit.conversation for hit in hits])
    await ctx.reply("\n".join(lines))


async def _remember_listing(ctx: Ctx, conversations: list[Conversation]) -> None:
    ids = json.dumps([c.id for c in conversations])
    await ctx.services.state.set(LISTING_KEY + ctx.room_id, ids)


async def _listing(ctx: Ctx) -> list[Conversation | None]:
    """The conversations of the room's last list, still there and still the agent's."""
    services = ctx.services
    stored = await services.state.get(LISTING_KEY + ctx.room_id)
    if stored is None:
        size = settings(ctx).history_size
        return list(await services.conversations.list_recent(ctx.room_id, room_owner(ctx), size))
    found: list[Conversation | None] = []
    for conversation_id in json.loads(stored):
        conv = await services.conversations.get(int(conversation_id))
        # Erased meanwhile, or not this sender's to use here (another agent listed it): no.
        if conv is None or not belongs_here(ctx, conv):
            found.append(None)
            continue
        found.append(conv)
    return found


@router.command(
    "reprendre",
    "resume",
    usage="!reprendre N",
    help="reprend la conversation numéro N de la dernière liste de `!historique`",
    group=Group.CHAT,
)
async def resume(ctx: Ctx) -> None:
    services = ctx.services
    conversations = await _listing(ctx)
    try:
        index = int(ctx.args.strip().lstrip("#n°"))
    except ValueError:
        raise UserError(texts.bad_conversation_number(len(conversations))) from None
    if not 1 <= index <= len(conversations) or conversations[index - 1] is None:
        raise UserError(texts.bad_conversation_number(len(conversations)))
    chosen = conversations[index - 1]
    assert chosen is not None
    await services.rooms.upsert(ctx.room_id, ctx.room_kind, room_owner(ctx))
    # A thread's conversation continues in the main timeline: the agent asked for it here.
    await services.rooms.set_current_conversation(ctx.room_id, chosen.id)
    await services.conversations.touch(chosen.id)
    title = chosen.title or bot_texts.UNTITLED
    if chosen.thread_root is not None:
        await ctx.reply(texts.resumed_thread(title, chosen.message_count))
    else:
        await ctx.reply(texts.resumed(title, chosen.message_count))


@router.command(
    "titre",
    "title",
    usage="!titre <texte>",
    help="renomme la conversation en cours (ou celle du fil)",
    group=Group.CHAT,
)
async def set_title(ctx: Ctx) -> None:
    services = ctx.services
    title = " ".join(ctx.args.split())
    if not title or len(title) > TITLE_CHARS:
        raise UserError(texts.TITRE_USAGE)
    conversation = await conversation_of(ctx)
    if conversation is None:
        raise UserError(texts.NO_CONVERSATION_TO_TITLE)
    await services.conversations.set_title(conversation.id, title)
    await ctx.reply(texts.title_set(title))


# A reply to one of the bot's messages ------------------------------------------------------


@router.turn_hook
async def replied_message(ctx: Ctx, turn: Turn) -> None:
    """The agent replied to an earlier answer: quote it, the model may have lost it."""
    reply_to = ctx.item.reply_to
    if not reply_to:
        return
    services = ctx.services
    message = await services.conversations.message_by_event(reply_to)
    if message is None or message.role != "assistant":
        return
    conversation = await services.conversations.get(message.conversation_id)
    if conversation is None or conversation.room_id != ctx.room_id:
        return  # only what this room already saw
    if await _in_recent_history(ctx, turn, message):
        log.info(  # content-safe: ids only
            "event %s replies to answer %s: already in the context", ctx.event_id, reply_to
        )
        return  # quoting it again would send it twice
    turn.material.append(texts.replied_message(message.content))
    log.info("event %s replies to answer %s: quoted", ctx.item.event_id, reply_to)


async def _in_recent_history(ctx: Ctx, turn: Turn, message: Message) -> bool:
    """Whether the answer is among the newest turns of the conversation being answered, well
    within the context budget: those turns go to the model as they are."""
    if message.conversation_id != turn.conversation_id:
        return False
    history = await ctx.services.conversations.messages(turn.conversation_id)
    limit = ctx.services.config.llm.context_budget // 2
    cost = 0
    for earlier in reversed(history):
        cost += estimate_tokens(earlier.content)
        if cost > limit:
            return False
        if earlier.id == message.id:
            return True
    return False


# Generated titles ---------------------------------------------------------------------------


def clean_title(text: str) -> str:
    line = next((ln for ln in text.strip().splitlines() if ln.strip()), "")
    line = line.strip().strip("*#").strip()
    if line.lower().startswith("titre") and ":" in line[:8]:
        line = line.split(":", 1)[1]
    line = line.strip().rstrip(".").strip().strip("\"'«»“”*").strip().rstrip(".")
    line = " ".join(line.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


# A question makes its own title when it is short, one line, one sentence, mostly words.
TITLE_QUESTION_CHARS = 120
TITLE_QUESTION_WORDS = 15
_MESSY = re.compile(r"[`*_#<>{}\[\]|\\~^=$]|https?:|www\.|@|\.\w{2,4}\b")
# A sentence ending before the question does (". ", "? ", "! "): two sentences, or more.
_INNER_END = re.compile(r"[.!?…;](?=\s+\S)")
_GREETING = re.compile(
    r"^(?:bonjour|bonsoir|salut|hello|coucou)\b[\s,.!]*(?:à (?:tous|toutes|vous)\b[\s,.!]*)?",
    re.IGNORECASE,
)
_POLITE_END = re.compile(
    r"[\s,]*(?:s'il vous pla[iî]t|s’il vous pla[iî]t|svp|stp|merci(?: beaucoup| d'avance"
    r"| d’avance| par avance)?)[\s.!]*$",
    re.IGNORECASE,
)
_TRAILING = " \t?!.…:;,\u00a0\u202f\"'«»“”"


def title_from_question(question: str) -> str | None:
    """The first question as the conversation's title when it makes a good one: short, one
    line, one sentence, words rather than code or links. Greetings and "s'il vous plaît" go,
    the final "?" too, the first letter is capitalised; past TITLE_CHARS it is cut at a word.
    None when the question is long or messy (the model is asked instead)."""
    text = question.strip()
    if not text or len(text) > TITLE_QUESTION_CHARS or "\n" in text or "\r" in text:
        return None
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    if _MESSY.search(text):
        return None
    text = _GREETING.sub("", text, count=1)
    text = _POLITE_END.sub("", text, count=1)
    text = text.strip(_TRAILING)
    if _INNER_END.search(text):
        return None
    words = text.split()
    if not words or len(words) > TITLE_QUESTION_WORDS:
        return None
    letters = sum(c.isalpha() for c in text)
    visible = sum(not c.isspace() for c in text)
    if letters < 3 or letters < 0.7 * visible:
        return None
    if letters > 3 and text.isupper():
        return None  # shouted: the model writes a calmer one
    text = text[0].upper() + text[1:]
    if len(text) > TITLE_CHARS:
        cut = text[: TITLE_CHARS - 1]
        space = cut.rfind(" ")
        if space <= 0:
            return None
        text = cut[:space].rstrip(_TRAILING) + "…"
    return text


def title_messages(question: str, answer: str) -> list[ChatMessage]:
    return [
        {"role": "system", "content": texts.TITLE_PROMPT},
        {"role": "user", "content": texts.title_request(question[:2000], answer[:3000])},
    ]


async def generate_title(ctx: Ctx, answered: Answered) -> None:
    """After a conversation's first answer, its title: the question's own words when they make
    a good one (no model call), else a short title asked of the model in the queue's background
    lane (never before an answer, nor in a slot an answer needs); on any failure the
    provisional title stays.

    The answer's guard pseudonymises the request as it did the answer's, and restores the title.
    """
    if not answered.first_exchange:
        return
    services = ctx.services
    conversation_id = answered.conversation_id
    conversation = await services.conversations.get(conversation_id)
    if conversation is None:
        return
    title = title_from_question(answered.question)
    how = "from the question"
    if title is None:
        if not settings(ctx).generate_titles:
            return
        title = await _model_title(ctx, answered)
        how = "by the model"
    if not title or title == conversation.title:
        return
    if await services.conversations.replace_title(conversation_id, conversation.title, title):
        log.info("conversation %d titled %s (%d characters)", conversation_id, how, len(title))


async def _model_title(ctx: Ctx, answered: Answered) -> str | None:
    services = ctx.services
    conversation_id = answered.conversation_id
    guard = answered.guard
    messages = await guard.protect(title_messages(answered.question, answered.answer))
    try:
        async with services.llm_queue.background():
            text = await services.llm.complete(
                messages,
                answered.model,
                max_tokens=settings(ctx).title_max_tokens,
                purpose="title",
            )
    except TimeoutError:
        log.info("no title for conversation %d: no room for it in the queue", conversation_id)
        return None
    except LLMError as exc:
        log.warning("no title for conversation %d: %s", conversation_id, exc.kind)
        return None
    title = clean_title(guard.restore(text))
    if not title:
        log.warning("no title for conversation %d: empty", conversation_id)
    return title or None
