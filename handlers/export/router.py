"""!exporter: the last answer or the whole conversation as a DOCX, ODT, Markdown or text file."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from bot import texts as bot_texts
from bot.commands import Group, Router
from bot.context import Ctx, UserError
from bot.conversation import conversation_of
from handlers.export import documents as export
from handlers.export import texts

log = logging.getLogger(__name__)

router = Router("export")


@dataclass(frozen=True)
class Export:
    """The export feature's settings."""

    default_format: str  # without a format word: docx, odt, md or txt
    max_messages: int  # `!exporter tout`: at most this many messages in the document


def export_settings(ctx: Ctx) -> Export:
    return ctx.services.part(Export)


WHOLE_WORDS = {"tout", "toute", "all", "conversation", "entiere", "entière"}
FORMAT_WORDS = {
    "docx": "docx",
    "word": "docx",
    "odt": "odt",
    "libreoffice": "odt",
    "opendocument": "odt",
    "md": "md",
    "markdown": "md",
    "txt": "txt",
    "texte": "txt",
    "text": "txt",
}


def parse_args(args: str, default: str) -> tuple[bool, str]:
    """'tout odt' -> (True, 'odt'); UserError on a word it does not know."""
    whole, fmt = False, default
    for word in args.lower().replace(",", " ").split():
        word = word.lstrip(".")
        if word in WHOLE_WORDS:
            whole = True
        elif word in FORMAT_WORDS:
            fmt = FORMAT_WORDS[word]
        else:
            raise UserError(texts.EXPORT_USAGE)
    return whole, fmt


@router.command(
    "exporter",
    "export",
    usage="!exporter [tout] [docx|odt|md|txt]",
    help="envoie la dernière réponse (ou toute la conversation avec `tout`) en document "
    "Word (par défaut), ODT, Markdown ou texte",
    group=Group.DOCUMENTS,
)
async def export_answer(ctx: Ctx) -> None:
    services = ctx.services
    settings = export_settings(ctx)
    whole, fmt = parse_args(ctx.args, settings.default_format)
    conversation = await conversation_of(ctx)
    if conversation is None:
        raise UserError(texts.EXPORT_NOTHING)
    if whole:
        messages = await services.conversations.messages(
            conversation.id, limit=settings.max_messages
        )
        if not any(m.role == "assistant" for m in messages):
            raise UserError(texts.EXPORT_NOTHING)
        sections = [
            export.Section(
                texts.EXPORT_ROLE_USER if m.role == "user" else texts.EXPORT_ROLE_ASSISTANT,
                m.content,
                plain=m.role == "user",
            )
            for m in messages
        ]
    else:
        answer = await services.conversations.last_answer(conversation.id)
        if answer is None:
            raise UserError(texts.EXPORT_NOTHING)
        sections = [export.Section(None, answer.content)]
    now = services.clock()
    title = conversation.title or bot_texts.UNTITLED
    document = export.Document(title, now, texts.export_date_label(now), sections)
    started = time.monotonic()
    try:
        data = await asyncio.to_thread(export.render, document, fmt)
    except Exception as exc:
        log.warning("export of conversation %d as %s failed: %s", conversation.id, fmt, exc)
        raise UserError(texts.EXPORT_FAILED) from exc
    name = export.filename(title, now, fmt)
    await ctx.reply(texts.export_caption(fmt, whole))
    await services.matrix.send_file(
        ctx.room_id, data, name, export.MIMETYPES[fmt], thread_root=ctx.item.thread_root
    )
    log.info(
        "exported conversation %d as %s: %d sections, %d bytes, %.0f ms",
        conversation.id,
        fmt,
        len(sections),
        len(data),
        (time.monotonic() - started) * 1000,
    )
