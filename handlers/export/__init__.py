"""!exporter: the last answer or the whole conversation as a DOCX, ODT, Markdown or text file."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.export.router import Export, router


def setup(core: Core, *, default_format: str, max_messages: int) -> Feature:
    return Feature("export", router, part=Export(default_format, max_messages))
