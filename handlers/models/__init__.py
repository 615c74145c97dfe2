"""!modele: list the server's text models and choose one per user."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.models.router import router


def setup(core: Core) -> Feature:
    return Feature("models", router)
