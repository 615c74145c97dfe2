"""What the greeting feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

HELLO = "Bonjour\u00a0! Je suis l'**Assistant IA**, l'assistant des agents publics."


def model_line(model: str, albert: bool) -> str:
    host = " sur Albert, le service d'IA de l'État" if albert else ""
    return f"Je réponds avec le modèle **{model}**{host}."


def how_to(documents: bool, voice: bool) -> str:
    attach = [
        what
        for what, offered in (
            ("un document (PDF, Word, LibreOffice…)", documents),
            ("un message vocal", voice),
        )
        if offered
    ]
    extra = f" Vous pouvez aussi me joindre {' ou '.join(attach)}." if attach else ""
    return (
        "Écrivez-moi simplement votre question\u00a0: je réponds en quelques secondes et je "
        f"garde le fil de la conversation.{extra}"
    )


# The commands a newcomer reads first, in this order (each only when it is offered).
COMMAND_LINES = {
    "web": "- `!web` suivi de votre question pour une recherche sur le web, avec les sources",
    "nouveau": "- `!nouveau` pour commencer une nouvelle conversation",
    "historique": "- `!historique` pour retrouver vos conversations",
    "aide": "- `!aide` pour la liste des commandes",
}


STATE_HOSTED = (
    "Vos échanges restent sur une infrastructure de l'État et ne servent à entraîner aucun modèle."
)


def provider_hosted(host: str) -> str:
    return f"Vos questions sont transmises au serveur du modèle ({host}) pour y répondre."


STAFF_MAY_READ = (
    "Sauf si vous vous y opposez (`!confidentialite refuser`), des personnes habilitées de "
    "l'équipe peuvent relire des extraits pseudonymisés de vos conversations pour améliorer "
    "le service."
)


# `!avis` is forwarded to the support room; a 👎's comment is only stored (no command shows it).
FEEDBACK_READ = "Les avis que vous envoyez avec `!avis` sont transmis à l'équipe."


RULES = (
    "N'envoyez pas de données de santé, d'opinions ou de condamnations, et anonymisez les "
    "données personnelles. Ne m'utilisez pas pour prendre une décision administrative "
    "individuelle\u00a0: vérifiez mes réponses, la décision reste la vôtre."
)


GROUP_GREETING = (
    "Bonjour\u00a0! Je suis l'**Assistant IA**. Dans ce salon à plusieurs, je réponds "
    "seulement aux messages qui me mentionnent (tapez @ puis mon nom). `!aide` pour la liste "
    "des commandes. Pour une conversation privée, ouvrez un message direct avec moi."
)


CANNED_ANSWERS_NOTICE = (
    "ℹ️ Mode démonstration\u00a0: aucun modèle n'est configuré, mes réponses sont simulées."
)
