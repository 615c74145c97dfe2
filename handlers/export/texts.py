"""What the export feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

from datetime import datetime

from bot.texts import PARIS, french_date

# Export (!exporter)
EXPORT_USAGE = (
    "Utilisation : `!exporter` (la dernière réponse) ou `!exporter tout` (toute la "
    "conversation), suivi du format : `docx` (par défaut), `odt`, `md` ou `txt`. "
    "Exemple : `!exporter tout odt`."
)


EXPORT_NOTHING = "Il n'y a pas encore de réponse à exporter dans cette conversation."


EXPORT_FAILED = "Je n'ai pas pu produire le document. Réessayez, ou choisissez un autre format."


EXPORT_ROLE_USER = "Vous"


EXPORT_ROLE_ASSISTANT = "Assistant IA"


def export_date_label(when: datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(PARIS)
    return f"Exporté de l'Assistant IA le {french_date(when)} à {when.hour:02d}h{when.minute:02d}"


def export_caption(fmt: str, whole: bool) -> str:
    what = "la conversation" if whole else "la dernière réponse"
    return f"📄 Voici {what} au format {fmt.upper()}."
