"""What the privacy feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

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
        "marqueurs, rétablis ici : le modèle ne les a pas vus."
    )


def privacy_identifiers_warning(counts: dict[str, int]) -> str:
    return (
        f"⚠️ Votre message contient des données personnelles ({privacy_counts(counts)}). "
        "La charte demande de les anonymiser avant envoi : remplacez-les, par exemple, "
        "par « l'agent A »."
    )


def privacy_topics_warning(categories: list[str]) -> str:
    return (
        f"⚠️ Votre message semble évoquer des données sensibles ({privacy_topics(categories)}). "
        "La charte demande de ne pas en transmettre sur une personne identifiable : "
        "reformulez sans nom ni détail qui permette de la reconnaître."
    )


def privacy_blocked(counts: dict[str, int], categories: list[str]) -> str:
    found = []
    if counts:
        found.append(f"des données personnelles ({privacy_counts(counts)})")
    if categories:
        found.append(f"des données sensibles ({privacy_topics(categories)})")
    return (
        f"⛔ Je n'ai pas envoyé votre message au modèle : il contient {' et '.join(found)}. "
        "Anonymisez-le puis renvoyez-le, ou tapez `!envoyer-quand-meme` pour l'envoyer "
        "tel quel, une seule fois."
    )


NOTHING_HELD = "Vous n'avez pas de message en attente d'envoi. Posez votre question !"


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
        "**refusée** : vos conversations ne sont jamais relues ni exportées, seuls des "
        "nombres sont comptés (`!confidentialite accepter` pour l'autoriser)"
        if opt_out
        else "**autorisée** : l'équipe peut relire des extraits pseudonymisés pour améliorer "
        "le service (`!confidentialite refuser` pour l'interdire)"
    )
    return (
        "**Vos données et l'Assistant IA**\n\n"
        f"- Vos conversations sont {kept}. Elles restent sur une infrastructure de l'État "
        "et ne servent à entraîner aucun modèle.\n"
        "- Les données personnelles repérées dans vos messages (numéro de sécurité sociale, "
        f"IBAN, téléphone, adresse, nom…) {_IDENTIFIER_MODES.get(identifiers, identifiers)}.\n"
        "- Les données sensibles (santé, religion, opinions, syndicat, origine, vie sexuelle, "
        f"condamnations) {_TOPIC_MODES.get(topics, topics)}.\n"
        f"- Analyse de vos conversations par l'équipe : {analysis}.\n"
        "- `!mes-donnees` vous envoie tout ce qui est conservé sur vous ; `!oublier` l'efface."
    )


OPT_OUT_ON = (
    "🔒 C'est noté : vos conversations, y compris les précédentes, ne seront jamais relues "
    "ni exportées par l'équipe. Seuls des nombres restent comptés. "
    "`!confidentialite accepter` pour revenir en arrière."
)


OPT_OUT_OFF = (
    "C'est noté : l'équipe pourra relire, pseudonymisées, vos prochaines conversations. "
    "Celles écrites pendant votre opposition restent exclues."
)


OPT_OUT_USAGE = (
    "Utilisation : `!confidentialite` pour vos réglages, `!confidentialite refuser` (pas de "
    "relecture par l'équipe) ou `!confidentialite accepter`."
)


MY_DATA_CAPTION = "📦 Voici toutes les données conservées sur vous, au format JSON."


MY_DATA_SENT_IN_DM = "📦 Je vous ai envoyé vos données en message privé."


MY_DATA_NEED_DM = "Pour recevoir vos données, écrivez-moi `!mes-donnees` en message privé."


FORGET_CONFIRM = (
    "⚠️ `!oublier` efface définitivement toutes vos conversations et tous vos messages "
    "conservés par l'Assistant IA ; seuls des compteurs anonymes restent. Vos réglages "
    "(`!modele`, `!confidentialite`) sont gardés. Pour confirmer, tapez `!oublier confirmer`."
)


FORGET_SUPPORT_NOTICE = (
    "🗑️ Un agent a exercé son droit à l'effacement : ses données ont été supprimées."
)


def forgotten(conversations: int, messages: int) -> str:
    return (
        f"🗑️ C'est fait : j'ai effacé {conversations} conversation(s) et {messages} "
        "message(s). Les messages affichés dans ce salon restent dans Tchap : supprimez-les "
        "de votre côté si besoin."
    )


EXPORT_BAD_PERIOD = (
    "Indiquez une période en jours, par exemple `!export-conversations 7j` "
    "(30 jours par défaut, 365 au plus)."
)


EXPORT_EMPTY = "Aucune conversation à exporter sur cette période."


def export_done(conversations: int, excluded_messages: int, days: int) -> str:
    return (
        f"📤 Export des {days} derniers jours : {conversations} conversation(s) "
        f"pseudonymisée(s). {excluded_messages} message(s) exclu(s) : agents opposés à "
        "l'analyse, ou auteur inconnu."
    )


# Documents
def document_personal_data(
    counts: dict[str, int], categories: list[str], pseudonymised: bool
) -> str:
    found = []
    if counts:
        found.append(f"des données personnelles ({privacy_counts(counts)})")
    if categories:
        found.append(f"des sujets sensibles ({privacy_topics(categories)})")
    text = f"⚠️ Ce document semble contenir {' et '.join(found)}."
    if counts and pseudonymised:
        text += " Elles seront remplacées par des marqueurs avant l'envoi au modèle."
    return text + " La charte demande d'anonymiser les documents avant de les transmettre."


def document_blocked(counts: dict[str, int], categories: list[str]) -> str:
    return (
        document_personal_data(counts, categories, False)
        + " Par précaution, je ne l'ai pas lu : renvoyez une version anonymisée."
    )
