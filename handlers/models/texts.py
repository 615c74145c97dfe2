"""What the models feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

from collections.abc import Sequence

MODELS_HEADER = "**Modèles disponibles**"


MODELS_FOOTER = (
    "Tapez `!modele N` pour choisir le modèle numéro N (ou `!modele` suivi de son nom), "
    "`!modele defaut` pour revenir au modèle par défaut."
)


MODELS_UNAVAILABLE = (
    "Je n'arrive pas à obtenir la liste des modèles pour le moment. Réessayez plus tard."
)


MODEL_RESET = "Vous utilisez de nouveau le modèle par défaut."


def model_line(
    index: int, model_id: str, aliases: Sequence[str], *, current: bool, default: bool
) -> str:
    notes = []
    if current:
        notes.append("actuel")
    if default:
        notes.append("par défaut")
    suffix = f" *({', '.join(notes)})*" if notes else ""
    also = f" — aussi\u00a0: {', '.join(f'`{a}`' for a in aliases)}" if aliases else ""
    return f"{index}. `{model_id}`{also}{suffix}"


def model_chosen(model_id: str) -> str:
    return f"✅ Modèle choisi : `{model_id}`. Il sera utilisé pour vos prochaines réponses."


def unknown_model(choice: str) -> str:
    return f"Je ne trouve pas le modèle « {choice} ». Tapez `!modele` pour voir la liste."
