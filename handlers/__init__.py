"""What the bot does, one router per feature; the order below is the order of routing."""

from __future__ import annotations

from bot.commands import Router
from handlers import chat, conversations, feedback, greeting, help, models, privacy, stats, surveys

ROUTERS: list[Router] = [
    greeting.router,
    help.router,
    # Experimentation (issue 6): a survey in progress takes the agent's replies, then feedback.
    surveys.router,
    feedback.router,
    stats.router,
    conversations.router,
    models.router,
    privacy.router,
    # Last: answers whatever message no other router took.
    chat.router,
]
