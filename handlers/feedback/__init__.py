"""Feedback: 👍/👎 on the bot's answers (a 👎 asks what went wrong), !avis (free feedback)."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.feedback.router import Feedback, router
from storage.feedback import FeedbackRepository


def setup(core: Core, *, comment_window_minutes: int) -> Feature:
    part = Feedback(FeedbackRepository(core.db), comment_window_minutes)
    return Feature("feedback", router, part=part)
