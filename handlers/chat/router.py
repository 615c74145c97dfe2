"""Chat: a typed message is answered by the model (through the runtime's answer pipeline);
!reessayer answers again the last message the model could not answer; !reflexion shows or hides
a reasoning model's thinking."""

from __future__ import annotations

import logging

from bot.answer import respond
from bot.commands import Group, Router
from bot.context import Ctx, UserError
from bot.events import Text
from handlers.chat import texts

log = logging.getLogger(__name__)

router = Router("chat")


@router.message(when=lambda ctx: isinstance(ctx.event, Text))
async def answer(ctx: Ctx) -> None:
    question = ctx.text.strip()
    if question:
        await respond(ctx, question)


@router.message(when=lambda ctx: not isinstance(ctx.event, Text))
async def unsupported(ctx: Ctx) -> None:
    raise UserError(texts.ATTACHMENTS_NOT_SUPPORTED)


@router.command(
    "reessayer",
    "retry",
    usage="!reessayer",
    help="relance la réponse à votre dernier message resté sans réponse",
    group=Group.CHAT,
)
async def retry(ctx: Ctx) -> None:
    failed = await ctx.services.inbox.last_failed(ctx.room_id)
    if failed is None:
        raise UserError(texts.NOTHING_TO_RETRY)
    # Back in the queue: the room's worker answers it right after this command.
    await ctx.services.inbox.requeue(failed.seq)
    log.info("event %s in %s queued again by !reessayer", failed.event_id, ctx.room_id)


_SHOW = {"afficher", "on", "oui", "activer"}
_HIDE = {"masquer", "off", "non", "desactiver", "désactiver", "cacher"}


@router.command(
    "reflexion",
    "reasoning",
    usage="!reflexion [afficher|masquer]",
    help="modèles qui raisonnent\u00a0: afficher (repliée) ou masquer leur réflexion",
    group=Group.CHAT,
)
async def reasoning(ctx: Ctx) -> None:
    choice = ctx.args.strip().lower()
    conversations = ctx.services.conversations
    if choice in _SHOW:
        await conversations.set_shows_reasoning(ctx.sender, True)
        await ctx.reply(texts.REASONING_SHOWN)
    elif choice in _HIDE:
        await conversations.set_shows_reasoning(ctx.sender, False)
        await ctx.reply(texts.REASONING_HIDDEN)
    elif not choice:
        await ctx.reply(texts.reasoning_status(await conversations.shows_reasoning(ctx.sender)))
    else:
        raise UserError(texts.REASONING_USAGE)
