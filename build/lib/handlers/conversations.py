"""!nouveau, !historique and !reprendre: the agent's conversations."""

from __future__ import annotations

from datetime import datetime

from bot import texts
from bot.commands import Router
from bot.context import Ctx, UserError

router = Router("conversations")

HISTORY_SIZE = 10


def _when(iso: str) -> str:
    return texts.short_date(datetime.fromisoformat(iso))


@router.command(
    "nouveau",
    "new",
    usage="!nouveau",
    help="commence une nouvelle conversation (l'historique est conservé)",
)
async def new_conversation(ctx: Ctx) -> None:
    services = ctx.services
    await services.rooms.upsert(ctx.room_id, ctx.room_kind, _owner(ctx))
    await services.rooms.set_current_conversation(ctx.room_id, None)
    await ctx.reply(texts.NEW_CONVERSATION)


@router.command(
    "historique",
    "history",
    usage="!historique",
    help="liste vos conversations récentes",
)
async def history(ctx: Ctx) -> None:
    services = ctx.services
    conversations = await services.conversations.list_recent(ctx.room_id, HISTORY_SIZE)
    if not conversations:
        await ctx.reply(texts.NO_HISTORY)
        return
    current = await services.conversations.current(ctx.room_id)
    lines = [texts.HISTORY_HEADER, ""]
    for index, conv in enumerate(conversations, start=1):
        lines.append(
            texts.history_line(
                index,
                conv.title or texts.UNTITLED,
                _when(conv.updated_at),
                conv.message_count,
                current is not None and current.id == conv.id,
            )
        )
    lines += ["", texts.HISTORY_FOOTER]
    await ctx.reply("\n".join(lines))


@router.command(
    "reprendre",
    "resume",
    usage="!reprendre N",
    help="reprend la conversation numéro N de `!historique`",
)
async def resume(ctx: Ctx) -> None:
    services = ctx.services
    conversations = await services.conversations.list_recent(ctx.room_id, HISTORY_SIZE)
    try:
        index = int(ctx.args.strip().lstrip("#n°"))
    except ValueError:
        raise UserError(texts.bad_conversation_number(len(conversations))) from None
    if not 1 <= index <= len(conversations):
        raise UserError(texts.bad_conversation_number(len(conversations)))
    chosen = conversations[index - 1]
    await services.rooms.upsert(ctx.room_id, ctx.room_kind, _owner(ctx))
    await services.rooms.set_current_conversation(ctx.room_id, chosen.id)
    await services.conversations.touch(chosen.id)
    await ctx.reply(texts.resumed(chosen.title or texts.UNTITLED, chosen.message_count))


def _owner(ctx: Ctx) -> str | None:
    return ctx.sender if ctx.room_kind == "dm" else None
