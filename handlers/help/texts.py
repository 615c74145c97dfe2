"""What the help feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

HELP_HEADER = "**Commandes disponibles**"


HELP_FOOTER = "Pour tout le reste, écrivez simplement votre question."
