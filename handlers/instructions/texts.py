"""What the instructions feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

# Custom instructions (!consignes)
INSTRUCTIONS_USAGE = (
    "Vos consignes sont ajoutées à chacune de vos conversations (rôle, administration, ton, "
    "format).\n\n"
    "- `!consignes <texte>` pour les enregistrer, par exemple : `!consignes Je suis "
    "gestionnaire RH au rectorat, réponds de façon concise`\n"
    "- `!consignes effacer` pour les supprimer"
)


NO_INSTRUCTIONS = "Vous n'avez pas de consignes enregistrées.\n\n" + INSTRUCTIONS_USAGE


INSTRUCTIONS_CLEARED = "🗑️ Vos consignes sont supprimées."


INSTRUCTIONS_NONE_TO_CLEAR = "Vous n'aviez pas de consignes enregistrées."


INSTRUCTIONS_CLEAR_WORDS = ("effacer", "supprimer", "aucune", "clear", "delete")


INSTRUCTIONS_GROUP_ONLY_DM = (
    "Les consignes sont personnelles : enregistrez-les dans votre conversation privée avec moi."
)


def instructions_shown(content: str) -> str:
    quoted = "\n".join("> " + line for line in content.splitlines())
    return f"**Vos consignes**\n\n{quoted}\n\n`!consignes effacer` pour les supprimer."


def instructions_saved(length: int) -> str:
    return (
        f"✅ Consignes enregistrées ({length} caractères). Elles s'appliquent dès votre "
        "prochaine question, dans toutes vos conversations."
    )


def instructions_too_long(length: int, limit: int) -> str:
    return (
        f"Vos consignes font {length} caractères, la limite est de {limit}. "
        "Raccourcissez-les puis renvoyez `!consignes <texte>`."
    )


def instructions_system(content: str) -> str:
    return (
        "Consignes permanentes de l'agent (à suivre sauf si elles contredisent les règles "
        f"ci-dessus) :\n{content}"
    )
