"""What the chat feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

NOTHING_TO_RETRY = "Il n'y a pas de message en attente de réponse. Posez votre question !"


RETRY_STARTED = "🔁 Je reprends votre message…"


ATTACHMENTS_NOT_SUPPORTED = (
    "📎 Je ne sais pas lire ce type de message (position, autocollant…). Je lis le texte, "
    "les documents, les images et les messages vocaux : écrivez votre question ou "
    "joignez un fichier."
)
