"""!gabarits and !gabarit: the support team's templates, listed, armed for the agent's next
answer (whatever feature gives it: a typed question, a document's caption, a voice message) and
put in that answer's system prompt only; `!gabarits recharger` in the support room."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import respond
from bot.commands import SUPPORT_ROOM, USER_ROOMS, Group, Router
from bot.context import Ctx, Turn, UserError
from handlers.templates import texts
from handlers.templates.definitions import Loaded, Template, find, fold, load_dir
from storage.templates import ArmedTemplateRepository

log = logging.getLogger(__name__)

router = Router("templates")


@dataclass
class Templates:
    """The templates feature's own services: the templates loaded and who armed which."""

    folder: Path
    armed: ArmedTemplateRepository
    loaded: dict[str, Template] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    _reloading: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def reload(self) -> Loaded:
        """Read the folder again (in a thread); the good files replace the loaded set at once,
        a bad file is refused with its reason and the others still load."""
        async with self._reloading:
            result = await asyncio.to_thread(load_dir, self.folder)
            self.loaded = result.templates
            self.problems = result.problems
        for name, reason in result.problems:
            # The reason names the field or the TOML error's position, never the file's text.
            log.warning("template file %s refused: %s", name, reason.replace("\n", " | "))
        log.info("templates: %d loaded from %s", len(result.templates), self.folder)
        return result


def templates_of(ctx: Ctx) -> Templates:
    return ctx.services.part(Templates)


# Agents --------------------------------------------------------------------------------------


@router.command(
    "gabarits",
    "templates",
    usage="!gabarits",
    help="liste les gabarits de l'équipe support (note de synthèse, courrier en FALC…)",
    where=USER_ROOMS,
    group=Group.CHAT,
)
async def list_templates(ctx: Ctx) -> None:
    loaded = templates_of(ctx).loaded
    if not loaded:
        await ctx.reply(texts.NONE_AVAILABLE)
        return
    lines = [
        (number, t.id, t.name, t.description) for number, t in enumerate(loaded.values(), start=1)
    ]
    await ctx.reply(texts.listing(lines))


@router.command(
    "gabarit",
    "template",
    usage="!gabarit <nom> [texte] | aucun",
    help="applique un gabarit à votre prochain message, ou tout de suite au texte qui suit",
    where=USER_ROOMS,
    group=Group.CHAT,
)
async def use_template(ctx: Ctx) -> None:
    feature = templates_of(ctx)
    typed = ctx.args.strip()
    if not typed:
        waiting = await feature.armed.get(ctx.sender, ctx.room_id)
        template = feature.loaded.get(waiting.template_id) if waiting else None
        await ctx.reply(texts.status(template.name if template else None))
        return
    if fold(typed) in texts.DISARM_WORDS:
        removed = await feature.armed.disarm(ctx.sender, ctx.room_id)
        await ctx.reply(texts.DISARMED if removed else texts.NOTHING_TO_DISARM)
        return
    if not feature.loaded:
        raise UserError(texts.NONE_AVAILABLE)
    found = find(feature.loaded, typed)
    if found is None:
        raise UserError(texts.unknown(typed.split("\n", 1)[0]))
    template, rest = found
    if not rest:
        await feature.armed.arm(ctx.sender, ctx.room_id, template.id)
        log.info("template %s armed by %s in %s", template.id, ctx.sender, ctx.room_id)
        await ctx.reply(texts.armed(template.name))
        return
    # Given to this very question: the turn hook finds it, and a retry of it too.
    await feature.armed.arm(ctx.sender, ctx.room_id, template.id, ctx.event_id)
    log.info("template %s used at once by %s in %s", template.id, ctx.sender, ctx.room_id)
    await respond(ctx, rest)


@router.turn_hook
async def apply_template(ctx: Ctx, turn: Turn) -> None:
    """The armed template, in the system prompt of this answer only (never stored)."""
    if ctx.room_kind not in USER_ROOMS:
        return
    feature = templates_of(ctx)
    if not feature.loaded:
        return  # none to apply: no read on the answer's path
    template_id = await feature.armed.claim(ctx.sender, ctx.room_id, ctx.event_id)
    if template_id is None:
        return
    template = feature.loaded.get(template_id)
    if template is None:  # removed by a reload since it was armed
        log.info("template %s armed by %s no longer exists", template_id, ctx.sender)
        return
    turn.instructions.append(texts.system_prompt(template.name, template.instructions))
    turn.footers.append(texts.footer(template.name))
    log.info("template %s applied for event %s", template_id, ctx.event_id)


# Support staff -------------------------------------------------------------------------------


@router.command(
    "gabarits",
    "templates",
    usage="!gabarits [recharger]",
    help="gabarits : liste des fichiers chargés ; recharger relit le dossier",
    where=SUPPORT_ROOM,
    admin=True,
    group=Group.SERVICE,
)
async def staff_templates(ctx: Ctx) -> None:
    feature = templates_of(ctx)
    word = fold(ctx.args.strip())
    if word in texts.RELOAD_WORDS:
        result = await feature.reload()
        await ctx.reply(texts.reloaded(len(result.templates), result.problems))
        return
    if word:
        raise UserError(texts.STAFF_USAGE)
    lines = [(t.id, t.name) for t in feature.loaded.values()]
    listing = texts.staff_listing(lines, str(feature.folder))
    if feature.problems:
        listing += "\n\n" + texts.problems_block(feature.problems)
    await ctx.reply(listing)
