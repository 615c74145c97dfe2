"""!consignes: the agent's standing instructions, added to the system prompt of every answer."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.commands import Group, Router
from bot.context import Ctx, Turn, UserError
from handlers.instructions import texts
from storage.instructions import InstructionsRepository

log = logging.getLogger(__name__)

router = Router("instructions")

DM_ONLY = frozenset({"dm"})  # personal: never shown or applied where colleagues read along


@dataclass(frozen=True)
class Instructions:
    """The instructions feature's own services."""

    repo: InstructionsRepository
    max_chars: int  # they go in every system prompt and count in the context budget


def instructions_of(ctx: Ctx) -> Instructions:
    return ctx.services.part(Instructions)


@router.command(
    "consignes",
    "instructions",
    usage="!consignes [texte | effacer]",
    help="vos consignes permanentes (rôle, ton, format), ajoutées à toutes vos conversations ; "
    "sans texte : les affiche",
    where=DM_ONLY,
    group=Group.CHAT,
)
async def instructions(ctx: Ctx) -> None:
    repo = instructions_of(ctx).repo
    text = ctx.args.strip()
    if not text:
        current = await repo.get(ctx.sender)
        await ctx.reply(
            texts.instructions_shown(current.content) if current else texts.NO_INSTRUCTIONS
        )
        return
    if text.lower() in texts.INSTRUCTIONS_CLEAR_WORDS:
        removed = await repo.clear(ctx.sender)
        log.info("instructions of %s cleared", ctx.sender)
        await ctx.reply(
            texts.INSTRUCTIONS_CLEARED if removed else texts.INSTRUCTIONS_NONE_TO_CLEAR
        )
        return
    limit = instructions_of(ctx).max_chars
    if len(text) > limit:
        raise UserError(texts.instructions_too_long(len(text), limit))
    await repo.set(ctx.sender, text)
    log.info(
        "instructions of %s saved (%d characters)", ctx.sender, len(text)
    )  # content-safe: a size
    await ctx.reply(texts.instructions_saved(len(text)))


@router.turn_hook
async def add_instructions(ctx: Ctx, turn: Turn) -> None:
    if ctx.room_kind != "dm":
        return
    current = await instructions_of(ctx).repo.get(ctx.sender)
    if current is not None:
        turn.instructions.append(texts.instructions_system(current.content))
