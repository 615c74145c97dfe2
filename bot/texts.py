"""The runtime's own sentences (errors, streaming, dates), in French; each feature keeps its
own in its folder's texts.py."""

from __future__ import annotations

import math
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


UNDECRYPTABLE = (
    "🔒 Je n'ai pas pu déchiffrer votre dernier message. J'ai demandé la clé à votre "
    "appareil et je répondrai dès qu'elle arrivera. Si rien ne vient d'ici une minute, "
    "renvoyez votre message."
)


TYPING_PLACEHOLDER = "…"


ANSWER_SUPERSEDED = "(réponse mise à jour dans le message précédent)"


RETRYING = "⏳ Le modèle tarde à répondre, nouvel essai…"


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


def unknown_command(name: str, suggestions: list[str] | None = None) -> str:
    shown = name.replace("`", "'")  # a backtick would end the code span
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    guess = " ou ".join(f"`!{s}`" for s in suggestions or [])
    hint = f" Vouliez-vous dire {guess} ?" if guess else ""
    return f"Commande inconnue : `!{shown}`.{hint} Tapez `!aide` pour la liste des commandes."


def support_contact(contact: str) -> str:
    """The line that tells how to reach the support team; "" when none is configured."""
    return f"Contact de l'équipe support : {contact}" if contact.strip() else ""


def usage(text: str) -> str:
    return f"Utilisation : `{text}`"


COMMAND_NOT_HERE = "Cette commande n'est pas disponible dans ce salon."


COMMAND_ADMINS_ONLY = "Cette commande est réservée à l'équipe support."


UNTITLED = "Sans titre"


NARROW_NBSP = "\u202f"


def french_number(n: int) -> str:
    """8400 -> '8 400' with a narrow no-break space, as French typography writes it."""
    return f"{n:,}".replace(",", NARROW_NBSP)


def _plural(n: int, one: str, many: str) -> str:
    return f"{french_number(n)} {one if n == 1 else many}"


def alert_llm_down(minutes: int, kind: str) -> str:
    return (
        f"🚨 **Alerte** : le modèle ne répond plus depuis {minutes} min (erreur : `{kind}`). "
        "Les agents reçoivent un message d'excuse ; vérifiez le service Albert et la clé d'API."
    )


def alert_decryption(count: int, minutes: int) -> str:
    return (
        f"🚨 **Alerte** : {count} messages indéchiffrables en {minutes} min. "
        "Vérifiez que le stockage des clés (`data/matrix`) est intact et n'a pas été remplacé."
    )


def alert_account(errcode: str) -> str:
    return (
        f"🚨 **Alerte** : le compte Matrix du bot est refusé par le serveur (`{errcode}`). "
        "Le bot s'arrête : renouvelez ou réactivez le compte, puis redémarrez-le."
    )


def account_renewed(seen_at: datetime, requested_at: datetime | None) -> str:
    mail = (
        f"l'e-mail de renouvellement a été demandé le {short_date(requested_at)}"
        if requested_at is not None
        else "l'e-mail de renouvellement n'a pas pu être demandé"
    )
    return (
        "✅ Le compte Matrix du bot avait expiré "
        f"(constaté le {short_date(seen_at)})\u00a0; {mail}. "
        "Il a été renouvelé et le bot fonctionne de nouveau. Les messages reçus pendant "
        "l'interruption sont traités maintenant."
    )


# The answer pipeline
def system_prompt_date(when: datetime) -> str:
    return f"Nous sommes le {french_date(when)}."


INTERRUPTED = "⚠️ Réponse interrompue, elle reprendra automatiquement."


def llm_failure(ref: str) -> str:
    return (
        "😕 Désolé, le modèle n'a pas pu répondre pour le moment. Votre message est "
        f"conservé : tapez `!reessayer` dans quelques instants. (référence {ref})"
    )


def llm_deadline(ref: str) -> str:
    return (
        "⏱️ Désolé, le modèle mettait trop de temps à répondre : la réponse a été arrêtée. "
        f"Votre message est conservé : tapez `!reessayer` plus tard. (référence {ref})"
    )


def queue_position(position: int) -> str:
    rank = "1re" if position == 1 else f"{position}e"
    return f"⏳ Forte affluence, vous êtes {rank} dans la file. Votre réponse arrive…"


QUEUE_FULL = (
    "😓 Le service est très sollicité en ce moment et ne peut pas prendre votre demande. "
    "Votre message est conservé : écrivez `!reessayer` dans quelques minutes."
)


DM_BECAME_GROUP = (
    "👥 Ce salon compte désormais plus de deux membres : ce n'est plus une conversation privée "
    "avec l'Assistant IA. Les conversations précédentes restent privées : personne d'autre ne "
    "peut les lister, les reprendre ni les exporter. Ici, je réponds seulement quand on me "
    "mentionne. Pour continuer en privé, ouvrez un nouveau message direct avec moi."
)


def french_decimal(value: float) -> str:
    """A measure for reading: three significant digits (two below 1), a decimal comma."""
    if value <= 0:
        return "0"
    digits = 3 if value >= 1 else 2
    decimals = max(0, digits - 1 - math.floor(math.log10(value)))
    text = f"{value:,.{decimals}f}".replace(",", NARROW_NBSP).replace(".", ",")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def footprint(cost: float, kwh: float, kgco2eq: float) -> str:
    """What answers cost as the model's server reports it: euros, Wh or kWh, g or kg CO2eq."""
    energy = (
        f"{french_decimal(kwh)}\u00a0kWh" if kwh >= 1 else f"{french_decimal(kwh * 1000)}\u00a0Wh"
    )
    carbon = (
        f"{french_decimal(kgco2eq)}\u00a0kg\u00a0CO2eq"
        if kgco2eq >= 1
        else f"{french_decimal(kgco2eq * 1000)}\u00a0g\u00a0CO2eq"
    )
    return f"{french_decimal(cost)}\u00a0€ · {energy} · {carbon}"


# The bot's encryption identity (bot/crosssign.py, bot/keybackup.py), told in the support room.
IDENTITY_PROBLEMS = {
    "needs_password": (
        "🔐 Je n'ai pas pu certifier mon appareil : le serveur demande le mot de passe du compte "
        "pour remplacer mon identité de chiffrement et je suis connecté par jeton d'accès. Tchap "
        "affiche donc mes messages comme venant d'un appareil non vérifié. À faire par "
        "l'exploitant : définir ASSISTANT__MATRIX__PASSWORD le temps d'un redémarrage, ou "
        "réinitialiser l'identité du compte depuis Tchap, puis me redémarrer."
    ),
    "identity": (
        "🔐 Je n'ai pas pu certifier mon appareil avec mon identité de chiffrement : Tchap "
        "affiche mes messages comme venant d'un appareil non vérifié. L'exploitant trouvera la "
        "cause dans le journal du bot (ligne « cross-signing »)."
    ),
    "backup": (
        "🔐 La sauvegarde de mes clés de chiffrement sur le serveur ne fonctionne pas : si mon "
        "stockage (`data/matrix`) était perdu, les anciens messages ne pourraient plus être "
        "déchiffrés. L'exploitant trouvera la cause dans le journal du bot (ligne « key "
        "backup »)."
    ),
}


# The model server's refusals: what the agent reads, what the support room reads
def llm_daily_limit(ref: str) -> str:
    return (
        "📅 Désolé, le service d'IA a atteint sa limite d'utilisation pour aujourd'hui "
        "(une limite du service, pas de votre compte)\u00a0: je ne pourrai plus répondre avant "
        f"demain. Votre message est conservé\u00a0: tapez `!reessayer` demain. (référence {ref})"
    )


def llm_key_refused(ref: str) -> str:
    return (
        "🔑 Désolé, le service d'IA refuse pour le moment l'accès de l'assistant (clé d'accès "
        "expirée ou invalide). L'équipe support est prévenue. Votre message est conservé\u00a0: "
        f"tapez `!reessayer` un peu plus tard. (référence {ref})"
    )


def llm_budget_spent(ref: str) -> str:
    return (
        "💶 Désolé, le crédit d'utilisation du service d'IA est épuisé. L'équipe support est "
        "prévenue. Votre message est conservé\u00a0: tapez `!reessayer` un peu plus tard. "
        f"(référence {ref})"
    )


def alert_llm_key_refused(detail: str) -> str:
    return (
        f"🚨 **Alerte**\u00a0: le serveur de modèle refuse la clé d'API (`{detail}`\u00a0: clé "
        "expirée ou invalide). Les agents reçoivent un message d'excuse. Renouvelez la clé "
        "(`[llm] api_key`), puis redémarrez le bot."
    )


def alert_llm_daily_limit(detail: str) -> str:
    return (
        f"⚠️ **Alerte**\u00a0: la limite quotidienne de la clé d'API est atteinte (`{detail}`). "
        "Les agents n'auront plus de réponse avant demain. Si cela se répète, demandez un "
        "relèvement des limites de la clé."
    )


def alert_llm_budget(detail: str) -> str:
    return (
        f"🚨 **Alerte**\u00a0: le budget de la clé d'API est épuisé (`{detail}`). Les agents "
        "reçoivent un message d'excuse. Faites recréditer la clé."
    )


def _amount_fr(value: float) -> str:
    return f"{value:,.2f}".replace(",", NARROW_NBSP).replace(".", ",")


def alert_key_expires(days: int, when: datetime) -> str:
    delay = "moins d'un jour" if days < 1 else _plural(days, "jour", "jours")
    return (
        f"⏳ **Clé d'API**\u00a0: elle expire dans {delay}, le {short_date(when)}. Demandez son "
        "renouvellement avant cette date, puis mettez la nouvelle dans `[llm] api_key`\u00a0: "
        "sinon le bot ne pourra plus répondre."
    )


def alert_key_expired(when: datetime) -> str:
    return (
        f"🚨 **Clé d'API**\u00a0: elle a expiré le {short_date(when)}. Le bot ne peut plus "
        "répondre\u00a0: mettez une clé valide dans `[llm] api_key`, puis redémarrez-le."
    )


def alert_budget_low(remaining: float, percent: int, runway_days: float | None) -> str:
    runway = ""
    if runway_days is not None:
        days = max(0, int(runway_days))
        delay = "moins d'un jour" if days < 1 else _plural(days, "jour", "jours")
        runway = f" Au rythme des 7 derniers jours, il sera épuisé dans {delay}."
    return (
        f"💶 **Clé d'API**\u00a0: il reste {_amount_fr(remaining)} de budget, soit "
        f"{percent}\u00a0% du plus haut niveau constaté.{runway} Faites recréditer la clé "
        "avant qu'il soit épuisé."
    )


def alert_budget_spent() -> str:
    return (
        "🚨 **Clé d'API**\u00a0: son budget est épuisé. Les modèles payants refusent chaque "
        "demande («\u00a0Insufficient budget\u00a0»)\u00a0: faites recréditer la clé."
    )


# Stopping an answer, reasoning models -----------------------------------------------------------

# The last line of an answer the agent stopped (`!stop`, ⏹️).
ANSWER_STOPPED = "⏹️ Réponse interrompue à votre demande."
# What the model reads after a stopped answer in the history it is sent back.
STOPPED_FOR_MODEL = "[Réponse interrompue par l'utilisateur.]"
NOTHING_TO_STOP = "Aucune réponse en cours\u00a0: il n'y a rien à arrêter."
# Shown while a reasoning model thinks, before its answer starts.
THINKING = "💭 Réflexion…"
REASONING_SUMMARY = "💭 Réflexion du modèle"
REASONING_CUT = "[…] "
