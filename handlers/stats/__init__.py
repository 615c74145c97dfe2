"""!stats: usage statistics for staff, overall and per ministry, as a table or a CSV file."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.stats.router import router


def setup(core: Core) -> Feature:
    return Feature("stats", router)
