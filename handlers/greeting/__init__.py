"""The welcome message, sent once when the bot joins a direct message."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.greeting.router import router


def setup(core: Core) -> Feature:
    return Feature("greeting", router)
