"""!aide: the list of commands, generated from their declarations."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.help.router import router


def setup(core: Core) -> Feature:
    return Feature("help", router)
