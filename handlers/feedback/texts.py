"""What the feedback feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

FEEDBACK_WHAT_WENT_WRONG = (
    "Merci pour votre retour. Qu'est-ce qui n'allait pas ? Répondez en une ligne si vous le "
    "souhaitez (facultatif) : votre prochain message sera pris comme commentaire."
)


FEEDBACK_COMMENT_THANKS = "Merci, votre commentaire est noté."


FEEDBACK_USAGE = (
    "Écrivez votre avis après la commande, par exemple : `!avis les réponses sont trop longues`."
)


FEEDBACK_THANKS = "Merci pour votre avis : il a été transmis à l'équipe."


def feedback_forward(ministry: str, text: str) -> str:
    quoted = "\n".join(f"> {line}" for line in text.splitlines() or [""])
    return f"💬 **Avis d'un agent** ({ministry}) :\n\n{quoted}"
