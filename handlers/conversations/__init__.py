"""Conversations: !nouveau, !historique [mots], !reprendre, !titre, threads as conversations of
their own, generated titles, and a reply to one of the bot's answers put back in the context."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.conversations.config import ConversationsConfig
from handlers.conversations.router import Conversations, generate_title, router


def setup(core: Core, config: ConversationsConfig) -> Feature:
    return Feature("conversations", router, part=Conversations(config), answered=[generate_title])
