"""Chat: a typed message is answered by the model; !reessayer answers again."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.chat.router import router


def setup(core: Core) -> Feature:
    return Feature("chat", router)
