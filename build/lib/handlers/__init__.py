"""What the bot does, one router per feature; the order below is the order of routing."""

from __future__ import annotations

from bot.commands import Router
from handlers import chat, conversations, greeting, help, models, privacy

ROUTERS: list[Router] = [
    greeting.router,
    help.router,
    conversations.router,
    models.router,
    privacy.router,
    # Last: answers whatever message no other router took.
    chat.router,
]
