"""What the help feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

HELP_HEADER = "**Commandes disponibles**"


HELP_FOOTER = "Pour tout le reste, écrivez simplement votre question."


HELP_GROUP_ROOM = (
    "👥 Dans ce salon à plusieurs, je réponds seulement aux messages qui me mentionnent."
)


def group_heading(group: str) -> str:
    return f"**{group}**"


def help_line(usage: str, help: str) -> str:
    return f"- `{usage}`\u00a0: {help}"
