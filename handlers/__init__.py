"""What the bot does, one router per feature; the order below is the order of routing."""

from __future__ import annotations

from bot.commands import Router
from handlers import (
    access,
    attachments,
    chat,
    conversations,
    export,
    feedback,
    greeting,
    help,
    instructions,
    models,
    privacy,
    stats,
    surveys,
    web,
)

ROUTERS: list[Router] = [
    greeting.router,
    help.router,
    # Early: the access gate decides who is answered before any other feature sees the event.
    access.router,
    # Experimentation (issue 6): a survey in progress takes the agent's replies, then feedback.
    surveys.router,
    feedback.router,
    stats.router,
    conversations.router,
    models.router,
    privacy.router,
    web.router,
    attachments.router,  # media events, !documents; before chat, which takes what is left
    instructions.router,  # issue 9
    export.router,  # issue 9
    # Last: answers whatever message no other router took.
    chat.router,
]
