"""What the chat feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

from datetime import datetime

from bot.texts import french_date


def system_prompt_date(when: datetime) -> str:
    return f"Nous sommes le {french_date(when)}."


INTERRUPTED = "⚠️ Réponse interrompue, elle reprendra automatiquement."


def llm_failure(ref: str) -> str:
    return (
        "😕 Désolé, le modèle n'a pas pu répondre pour le moment. Votre message est "
        f"conservé : tapez `!reessayer` dans quelques instants. (référence {ref})"
    )


NOTHING_TO_RETRY = "Il n'y a pas de message en attente de réponse. Posez votre question !"


RETRY_STARTED = "🔁 Je reprends votre message…"


ATTACHMENTS_NOT_SUPPORTED = (
    "📎 Je ne sais pas lire ce type de message (position, autocollant…). Je lis le texte, "
    "les documents, les images et les messages vocaux : écrivez votre question ou "
    "joignez un fichier."
)
