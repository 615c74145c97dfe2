"""What the greeting feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

GREETING = (
    "Bonjour ! Je suis l'**Assistant IA**, l'assistant souverain des agents publics, "
    "propulsé par Albert.\n\n"
    "Écrivez-moi simplement votre question : je réponds en quelques secondes et je garde "
    "le fil de la conversation. Vous pouvez aussi me joindre un document (PDF, Word, "
    "LibreOffice…) ou un message vocal.\n\n"
    "- `!web` suivi de votre question pour une recherche sur le web, avec les sources\n"
    "- `!nouveau` pour commencer une nouvelle conversation\n"
    "- `!historique` pour retrouver vos conversations\n"
    "- `!aide` pour la liste des commandes\n\n"
    "Vos échanges restent sur une infrastructure de l'État et ne sont pas réutilisés. "
    "N'envoyez pas de données de santé, d'opinions ou de condamnations, et anonymisez "
    "les données personnelles."
)


CANNED_ANSWERS_NOTICE = (
    "ℹ️ Mode démonstration : aucun modèle n'est configuré, mes réponses sont simulées."
)
