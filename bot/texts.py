"""Every sentence the bot says to people, in French, in one place for review and translation."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


def french_date(when: datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(PARIS)
    day = "1er" if when.day == 1 else str(when.day)
    return f"{_DAYS[when.weekday()]} {day} {_MONTHS[when.month - 1]} {when.year}"


def short_date(when: datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(PARIS)
    return f"{when.day:02d}/{when.month:02d}/{when.year} {when.hour:02d}h{when.minute:02d}"


def system_prompt_date(when: datetime) -> str:
    return f"Nous sommes le {french_date(when)}."


GREETING = (
    "Bonjour ! Je suis l'**Assistant IA**, l'assistant souverain des agents publics, "
    "propulsé par Albert.\n\n"
    "Écrivez-moi simplement votre question : je réponds en quelques secondes et je garde "
    "le fil de la conversation.\n\n"
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

UNDECRYPTABLE = (
    "🔒 Je n'ai pas pu déchiffrer votre dernier message. J'ai demandé la clé à votre "
    "appareil et je répondrai dès qu'elle arrivera. Si rien ne vient d'ici une minute, "
    "renvoyez votre message."
)

TYPING_PLACEHOLDER = "…"
ANSWER_SUPERSEDED = "(réponse mise à jour dans le message précédent)"
RETRYING = "⏳ Le modèle tarde à répondre, nouvel essai…"
INTERRUPTED = "⚠️ Réponse interrompue, elle reprendra automatiquement."


def llm_failure(ref: str) -> str:
    return (
        "😕 Désolé, le modèle n'a pas pu répondre pour le moment. Votre message est "
        f"conservé : tapez `!reessayer` dans quelques instants. (référence {ref})"
    )


def gave_up(ref: str) -> str:
    return (
        "😕 Désolé, je n'ai pas réussi à traiter votre message malgré plusieurs essais. "
        f"Reformulez-le ou écrivez à l'équipe support avec la référence {ref}."
    )


def unexpected_error(ref: str) -> str:
    return (
        "😕 Désolé, une erreur inattendue m'a empêché de répondre. L'équipe peut la retrouver "
        f"avec la référence {ref}. Réessayez avec `!reessayer`."
    )


# Commands ------------------------------------------------------------------------------

HELP_HEADER = "**Commandes disponibles**"
HELP_FOOTER = "Pour tout le reste, écrivez simplement votre question."


def unknown_command(name: str) -> str:
    return f"Je ne connais pas la commande `!{name}`. Tapez `!aide` pour la liste des commandes."


def usage(text: str) -> str:
    return f"Utilisation : `{text}`"


COMMAND_NOT_HERE = "Cette commande n'est pas disponible dans ce salon."
COMMAND_ADMINS_ONLY = "Cette commande est réservée à l'équipe support."

NEW_CONVERSATION = "🆕 Nouvelle conversation. Posez votre question !"
NO_HISTORY = "Vous n'avez pas encore de conversation enregistrée."
HISTORY_HEADER = "**Vos conversations récentes**"
HISTORY_FOOTER = "Tapez `!reprendre N` pour reprendre la conversation numéro N."
UNTITLED = "Sans titre"
CURRENT_MARK = " *(en cours)*"


def history_line(index: int, title: str, when: str, count: int, current: bool) -> str:
    messages = "message" if count == 1 else "messages"
    mark = CURRENT_MARK if current else ""
    return f"{index}. **{title}** — {when}, {count} {messages}{mark}"


def resumed(title: str, count: int) -> str:
    return f"↩️ Reprise de la conversation « {title} » ({count} messages). Je vous écoute."


def bad_conversation_number(n_max: int) -> str:
    if n_max == 0:
        return NO_HISTORY
    return f"Indiquez un numéro entre 1 et {n_max}, tel qu'affiché par `!historique`."


NOTHING_TO_RETRY = "Il n'y a pas de message en attente de réponse. Posez votre question !"
RETRY_STARTED = "🔁 Je reprends votre message…"

MODELS_HEADER = "**Modèles disponibles**"
MODELS_FOOTER = (
    "Tapez `!modele N` pour choisir le modèle numéro N, `!modele defaut` pour revenir "
    "au modèle par défaut."
)
MODELS_UNAVAILABLE = (
    "Je n'arrive pas à obtenir la liste des modèles pour le moment. Réessayez plus tard."
)
MODEL_RESET = "Vous utilisez de nouveau le modèle par défaut."


def model_line(index: int, model_id: str, current: bool, default: bool) -> str:
    notes = []
    if current:
        notes.append("choisi")
    if default:
        notes.append("par défaut")
    suffix = f" *({', '.join(notes)})*" if notes else ""
    return f"{index}. `{model_id}`{suffix}"


def model_chosen(model_id: str) -> str:
    return f"✅ Modèle choisi : `{model_id}`. Il sera utilisé pour vos prochaines réponses."


def unknown_model(choice: str) -> str:
    return f"Je ne trouve pas le modèle « {choice} ». Tapez `!modele` pour voir la liste."


ATTACHMENTS_NOT_SUPPORTED = (
    "📎 Je ne sais pas encore lire les pièces jointes. Copiez le passage utile dans votre "
    "message et posez votre question."
)
