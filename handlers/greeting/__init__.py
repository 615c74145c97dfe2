"""The welcome message, sent once when the bot joins a direct message or a group room."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.greeting.router import Greeting, make_router


def setup(core: Core, *, documents: bool = True, voice: bool = True) -> Feature:
    """`documents`, `voice`: whether attachments and voice messages are read, as configured."""
    return Feature("greeting", make_router(Greeting(documents, voice)))
