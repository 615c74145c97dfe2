"""What the chat feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

NOTHING_TO_RETRY = "Il n'y a pas de message en attente de réponse. Posez votre question !"


RETRY_STARTED = "🔁 Je reprends votre message…"


ATTACHMENTS_NOT_SUPPORTED = (
    "📎 Je ne sais pas lire ce type de message (position, autocollant…). Je lis le texte, "
    "les documents, les images et les messages vocaux : écrivez votre question ou "
    "joignez un fichier."
)


REASONING_SHOWN = (
    "💭 La réflexion des modèles qui raisonnent s'affichera repliée après chaque réponse. "
    "Pour la masquer\u00a0: `!reflexion masquer`."
)
REASONING_HIDDEN = (
    "💭 La réflexion des modèles qui raisonnent est masquée (par défaut). "
    "Pour l'afficher repliée\u00a0: `!reflexion afficher`."
)
REASONING_USAGE = "Écrivez `!reflexion afficher` ou `!reflexion masquer`."


def reasoning_status(shown: bool) -> str:
    return REASONING_SHOWN if shown else REASONING_HIDDEN
