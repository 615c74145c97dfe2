"""!aide: the commands this user may run in this room, grouped by task, generated from their
declarations (staff syntax only for staff, in the support room)."""

from __future__ import annotations

from bot import texts as bot_texts
from bot.commands import EVERYWHERE, Group, Router
from bot.context import Ctx
from handlers.help import texts

router = Router("help")

# Agents' tasks first in their rooms; in the support room, the staff's daily work first.
_ORDER = {group.value: index for index, group in enumerate(Group)}
_SUPPORT_FIRST = (Group.ACCESS, Group.SERVICE, Group.SURVEYS)
_SUPPORT_ORDER = {
    group.value: index
    for index, group in enumerate(
        [*_SUPPORT_FIRST, *(g for g in Group if g not in _SUPPORT_FIRST)]
    )
}


@router.command(
    "aide",
    "help",
    usage="!aide",
    help="affiche cette liste de commandes",
    where=EVERYWHERE,
    group=Group.CHAT,
)
async def show_help(ctx: Ctx) -> None:
    await ctx.reply(await help_text(ctx))


async def help_text(ctx: Ctx) -> str:
    services = ctx.services
    # Staff commands live in the support room only: elsewhere nobody is shown them.
    is_admin = ctx.room_kind == "support" and await services.is_admin(ctx.sender)
    own = ctx.command.name if ctx.command is not None else "aide"
    groups: dict[str, list[str]] = {}
    for command in services.extensions.commands:
        if command.name == own or not command.available(ctx.room_kind, is_admin, services):
            continue
        shown = command.for_room(ctx.room_kind)
        groups.setdefault(shown.group, []).append(texts.help_line(shown.usage, shown.help))
    lines = [texts.HELP_HEADER]
    order = _SUPPORT_ORDER if ctx.room_kind == "support" else _ORDER
    for group in sorted(groups, key=lambda g: order.get(g, len(order))):
        lines += ["", texts.group_heading(group), *groups[group]]
    if ctx.room_kind != "support":
        lines += ["", texts.HELP_FOOTER]
        if ctx.room_kind == "group":
            lines.append(texts.HELP_GROUP_ROOM)
        contact = bot_texts.support_contact(services.config.support.contact)
        if contact:
            lines.append(contact)
    return "\n".join(lines)
