"""!aide: the list of commands, generated from their declarations."""

from __future__ import annotations

from bot.commands import EVERYWHERE, Router
from bot.context import Ctx
from handlers.help import texts

router = Router("help")


@router.command(
    "aide",
    "help",
    usage="!aide",
    help="affiche cette liste de commandes",
    where=EVERYWHERE,
)
async def show_help(ctx: Ctx) -> None:
    is_admin = await ctx.services.is_admin(ctx.sender)
    lines = [texts.HELP_HEADER, ""]
    for command in ctx.services.extensions.commands:
        if ctx.room_kind not in command.where or (command.admin and not is_admin):
            continue
        aliases = ", ".join(f"`!{a}`" for a in command.aliases)
        alias_note = f" (ou {aliases})" if aliases else ""
        lines.append(f"- `{command.usage}`{alias_note} : {command.help}")
    if ctx.room_kind != "support":
        lines += ["", texts.HELP_FOOTER]
    await ctx.reply("\n".join(lines))
