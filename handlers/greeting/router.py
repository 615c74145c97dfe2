"""The welcome message, sent once when the bot joins a direct message."""

from __future__ import annotations

from bot.commands import Router
from bot.context import Ctx
from handlers.greeting import texts

router = Router("greeting")


@router.greeting
async def greet(ctx: Ctx) -> None:
    message = texts.GREETING
    if ctx.services.canned_answers:
        message += "\n\n" + texts.CANNED_ANSWERS_NOTICE
    await ctx.reply(message)
