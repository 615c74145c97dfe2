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


# Privacy -------------------------------------------------------------------------------

_PRIVACY_LABELS = {
    "nir": ("numéro de sécurité sociale", "numéros de sécurité sociale"),
    "iban": ("IBAN", "IBAN"),
    "carte": ("numéro de carte bancaire", "numéros de carte bancaire"),
    "telephone": ("numéro de téléphone", "numéros de téléphone"),
    "email": ("adresse électronique", "adresses électroniques"),
    "adresse": ("adresse postale", "adresses postales"),
    "date_naissance": ("date de naissance", "dates de naissance"),
    "personne": ("nom de personne", "noms de personnes"),
}
_TOPIC_LABELS = {
    "sante": "santé",
    "religion": "religion ou convictions",
    "opinion_politique": "opinions politiques",
    "syndicat": "appartenance syndicale",
    "origine": "origine ethnique",
    "vie_sexuelle": "vie ou orientation sexuelle",
    "genetique_biometrie": "données génétiques ou biométriques",
    "infraction": "infractions ou condamnations",
}


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def privacy_counts(counts: dict[str, int]) -> str:
    """{"nir": 1, "personne": 2} -> '1 numéro de sécurité sociale et 2 noms de personnes'."""
    parts = []
    for category, (one, many) in _PRIVACY_LABELS.items():
        n = counts.get(category, 0)
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return _join(parts)


def privacy_topics(categories: list[str]) -> str:
    return _join([_TOPIC_LABELS.get(c, c) for c in categories])


def privacy_pseudonymised(counts: dict[str, int]) -> str:
    return (
        f"🔒 Avant l'envoi au modèle, j'ai remplacé {privacy_counts(counts)} par des "
        "marqueurs, rétablis ici : le modèle ne les a pas vus."
    )


def privacy_identifiers_warning(counts: dict[str, int]) -> str:
    return (
        f"⚠️ Votre message contient des données personnelles ({privacy_counts(counts)}). "
        "La charte demande de les anonymiser avant envoi : remplacez-les, par exemple, "
        "par « l'agent A »."
    )


def privacy_topics_warning(categories: list[str]) -> str:
    return (
        f"⚠️ Votre message semble évoquer des données sensibles ({privacy_topics(categories)}). "
        "La charte demande de ne pas en transmettre sur une personne identifiable : "
        "reformulez sans nom ni détail qui permette de la reconnaître."
    )


def privacy_blocked(counts: dict[str, int], categories: list[str]) -> str:
    found = []
    if counts:
        found.append(f"des données personnelles ({privacy_counts(counts)})")
    if categories:
        found.append(f"des données sensibles ({privacy_topics(categories)})")
    return (
        f"⛔ Je n'ai pas envoyé votre message au modèle : il contient {' et '.join(found)}. "
        "Anonymisez-le puis renvoyez-le, ou tapez `!envoyer-quand-meme` pour l'envoyer "
        "tel quel, une seule fois."
    )


NOTHING_HELD = "Vous n'avez pas de message en attente d'envoi. Posez votre question !"
SENDING_HELD = "📤 D'accord, j'envoie votre message au modèle, cette fois seulement."

_IDENTIFIER_MODES = {
    "pseudonymise": "sont remplacées par des marqueurs avant l'envoi au modèle, puis "
    "rétablies dans ma réponse",
    "warn": "vous sont signalées avec ma réponse",
    "block": "bloquent l'envoi au modèle (sauf `!envoyer-quand-meme`)",
    "off": "ne sont pas vérifiées",
}
_TOPIC_MODES = {
    "warn": "vous sont signalées avec ma réponse",
    "block": "bloquent l'envoi au modèle (sauf `!envoyer-quand-meme`)",
    "off": "ne sont pas vérifiées",
}


def privacy_settings(identifiers: str, topics: str, opt_out: bool, retention_days: int) -> str:
    kept = (
        f"conservées {retention_days} jours, puis effacées automatiquement"
        if retention_days
        else "conservées jusqu'à ce que vous les effaciez"
    )
    analysis = (
        "**refusée** : vos conversations ne sont jamais relues ni exportées, seuls des "
        "nombres sont comptés (`!confidentialite off` pour l'autoriser)"
        if opt_out
        else "**autorisée** : l'équipe peut relire des extraits pseudonymisés pour améliorer "
        "le service (`!confidentialite on` pour l'interdire)"
    )
    return (
        "**Vos données et l'Assistant IA**\n\n"
        f"- Vos conversations sont {kept}. Elles restent sur une infrastructure de l'État "
        "et ne servent à entraîner aucun modèle.\n"
        "- Les données personnelles repérées dans vos messages (numéro de sécurité sociale, "
        f"IBAN, téléphone, adresse, nom…) {_IDENTIFIER_MODES.get(identifiers, identifiers)}.\n"
        "- Les données sensibles (santé, religion, opinions, syndicat, origine, vie sexuelle, "
        f"condamnations) {_TOPIC_MODES.get(topics, topics)}.\n"
        f"- Analyse de vos conversations par l'équipe : {analysis}.\n"
        "- `!mes-donnees` vous envoie tout ce qui est conservé sur vous ; `!oublier` l'efface."
    )


OPT_OUT_ON = (
    "🔒 C'est noté : vos conversations, y compris les précédentes, ne seront jamais relues "
    "ni exportées par l'équipe. Seuls des nombres restent comptés. "
    "`!confidentialite off` pour revenir en arrière."
)
OPT_OUT_OFF = (
    "C'est noté : l'équipe pourra relire, pseudonymisées, vos prochaines conversations. "
    "Celles écrites pendant votre opposition restent exclues."
)
OPT_OUT_USAGE = (
    "Utilisation : `!confidentialite` pour vos réglages, `!confidentialite on` ou `off`."
)

MY_DATA_CAPTION = "📦 Voici toutes les données conservées sur vous, au format JSON."
MY_DATA_SENT_IN_DM = "📦 Je vous ai envoyé vos données en message privé."
MY_DATA_NEED_DM = "Pour recevoir vos données, écrivez-moi `!mes-donnees` en message privé."

FORGET_CONFIRM = (
    "⚠️ `!oublier` efface définitivement toutes vos conversations et tous vos messages "
    "conservés par l'Assistant IA ; seuls des compteurs anonymes restent. Vos réglages "
    "(`!modele`, `!confidentialite`) sont gardés. Pour confirmer, tapez `!oublier confirmer`."
)
FORGET_SUPPORT_NOTICE = (
    "🗑️ Un agent a exercé son droit à l'effacement : ses données ont été supprimées."
)


def forgotten(conversations: int, messages: int) -> str:
    return (
        f"🗑️ C'est fait : j'ai effacé {conversations} conversation(s) et {messages} "
        "message(s). Les messages affichés dans ce salon restent dans Tchap : supprimez-les "
        "de votre côté si besoin."
    )


EXPORT_BAD_PERIOD = (
    "Indiquez une période en jours, par exemple `!export-conversations 7j` "
    "(30 jours par défaut, 365 au plus)."
)
EXPORT_EMPTY = "Aucune conversation à exporter sur cette période."


def export_done(conversations: int, excluded_messages: int, days: int) -> str:
    return (
        f"📤 Export des {days} derniers jours : {conversations} conversation(s) "
        f"pseudonymisée(s). {excluded_messages} message(s) exclu(s) : agents opposés à "
        "l'analyse, ou auteur inconnu."
    )


# === Access: newcomers, approval, terms, quotas, queue (issue 3) ===

# === end of Access ===


# === Attachments: documents, images, voice messages (issue 4) ===

# === end of Attachments ===


# === Web: search and links (issue 5) ===

# === end of Web ===


# === Experimentation: surveys, feedback, statistics (issue 6) ===

# === end of Experimentation ===


# === Operations: alerts, shutdown (issue 8) ===


def alert_llm_down(minutes: int, kind: str) -> str:
    return (
        f"🚨 **Alerte** : le modèle ne répond plus depuis {minutes} min (erreur : `{kind}`). "
        "Les agents reçoivent un message d'excuse ; vérifiez le service Albert et la clé d'API."
    )


def alert_decryption(count: int, minutes: int) -> str:
    return (
        f"🚨 **Alerte** : {count} messages indéchiffrables en {minutes} min. "
        "Vérifiez que le stockage des clés (`data/matrix`) est intact et n'a pas été remplacé."
    )


def alert_account(errcode: str) -> str:
    return (
        f"🚨 **Alerte** : le compte Matrix du bot est refusé par le serveur (`{errcode}`). "
        "Le bot s'arrête : renouvelez ou réactivez le compte, puis redémarrez-le."
    )


# === end of Operations ===


# === Conversations: threads, instructions, titles, search, export (issue 9) ===

# === end of Conversations ===
