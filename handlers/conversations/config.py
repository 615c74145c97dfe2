"""The [conversations] section of the configuration."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from bot.config import Section

ExportFormat = Literal["docx", "odt", "md", "txt"]


class ConversationsConfig(Section):
    """Threads, custom instructions, titles, searchable history, export."""

    # !consignes: longest standing instructions accepted, in characters (they go in every
    # system prompt and count in the context budget).
    max_instruction_chars: int = Field(default=1500, ge=50, le=20_000)
    # After a conversation's first answer: a short, clean first question is its own title (no
    # model call); otherwise a short title is asked of the model, in the queue's background
    # lane. Off: no model call, the first question, cut, stays the title.
    generate_titles: bool = True
    title_max_tokens: int = Field(default=40, ge=5, le=200)
    # How many conversations `!historique` lists, and how many matches a search lists.
    history_size: int = Field(default=10, ge=1, le=50)
    search_results: int = Field(default=8, ge=1, le=50)
    # !exporter without a format.
    export_format: ExportFormat = "docx"
    # !exporter tout: at most this many messages of the conversation go in the document.
    export_max_messages: int = Field(default=400, ge=2, le=5000)
