"""!consignes: the agent's standing instructions, added to the system prompt of every answer."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.instructions.router import Instructions, router
from storage.instructions import InstructionsRepository


def setup(core: Core, *, max_chars: int) -> Feature:
    part = Instructions(InstructionsRepository(core.db), max_chars)
    return Feature("instructions", router, part=part)
