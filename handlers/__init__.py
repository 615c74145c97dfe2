"""What the bot does, one router per feature; the order below is the order of routing."""

from __future__ import annotations

from bot.commands import Router
from handlers import chat, conversations, export, greeting, help, instructions, models, privacy

ROUTERS: list[Router] = [
    greeting.router,
    help.router,
    conversations.router,
    models.router,
    privacy.router,
    instructions.router,  # issue 9
    export.router,  # issue 9
    # Last: answers whatever message no other router took.
    chat.router,
]
