"""The welcome message, sent once when the bot joins a room: in a direct message, what the bot
does as it is configured (its model, its commands, who may read what); in a group room, that it
answers only when mentioned."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.commands import Router
from bot.context import Ctx, Services
from handlers.greeting import texts


@dataclass(frozen=True)
class Greeting:
    """What the composition root tells the greeting about other features' configuration."""

    documents: bool = True  # attachments are read
    voice: bool = True  # voice messages are transcribed


def _offered(services: Services, name: str, room_kind: str = "dm", admin: bool = False) -> bool:
    return any(
        c.name == name and c.available(room_kind, admin, services)
        for c in services.extensions.commands
    )


def model_name(model: str) -> str:
    """`mistralai/Mistral-Small-3.1-24B-Instruct-2503` -> `Mistral-Small-3.1-24B-Instruct-2503`."""
    return model.rstrip("/").rsplit("/", 1)[-1] or model


def is_albert(base_url: str) -> bool:
    host = (urlsplit(base_url).hostname or "").lower()
    return host == "albert.api.etalab.gouv.fr" or host.startswith("albert.")


def greeting_text(services: Services, offers: Greeting) -> str:
    llm = services.config.llm
    albert = is_albert(llm.base_url)
    paragraphs = [texts.HELLO]
    if not services.canned_answers:
        paragraphs[0] += " " + texts.model_line(model_name(llm.model), albert)
    paragraphs.append(texts.how_to(offers.documents, offers.voice))
    commands = [line for name, line in texts.COMMAND_LINES.items() if _offered(services, name)]
    if commands:
        paragraphs.append("\n".join(commands))
    privacy = []
    if not services.canned_answers:
        host = urlsplit(llm.base_url).hostname or llm.base_url
        privacy.append(texts.STATE_HOSTED if albert else texts.provider_hosted(host))
    # What staff can read, as the features assembled let them (see the privacy feature's
    # export and the feedback feature's forwarding).
    if _offered(services, "export-conversations", "support", admin=True):
        privacy.append(texts.STAFF_MAY_READ)
    if _offered(services, "avis"):
        privacy.append(texts.FEEDBACK_READ)
    privacy.append(texts.RULES)
    paragraphs.append(" ".join(privacy))
    if services.canned_answers:
        paragraphs.append(texts.CANNED_ANSWERS_NOTICE)
    return "\n\n".join(paragraphs)


def make_router(offers: Greeting) -> Router:
    """A fresh router for these offers (each assembled bot has its own)."""
    greeting = Router("greeting")

    @greeting.greeting
    async def greet(ctx: Ctx) -> None:
        if ctx.room_kind == "group":
            await ctx.reply(texts.GROUP_GREETING)
        elif ctx.room_kind == "dm":
            await ctx.reply(greeting_text(ctx.services, offers))

    return greeting
