"""The runtime's own sentences (errors, streaming, dates), in French; each feature keeps its
own in its folder's texts.py."""

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


def unknown_command(name: str) -> str:
    return f"Je ne connais pas la commande `!{name}`. Tapez `!aide` pour la liste des commandes."


def usage(text: str) -> str:
    return f"Utilisation : `{text}`"


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


# The answer pipeline
def system_prompt_date(when: datetime) -> str:
    return f"Nous sommes le {french_date(when)}."


INTERRUPTED = "⚠️ Réponse interrompue, elle reprendra automatiquement."


def llm_failure(ref: str) -> str:
    return (
        "😕 Désolé, le modèle n'a pas pu répondre pour le moment. Votre message est "
        f"conservé : tapez `!reessayer` dans quelques instants. (référence {ref})"
    )


def llm_deadline(ref: str) -> str:
    return (
        "⏱️ Désolé, le modèle mettait trop de temps à répondre : la réponse a été arrêtée. "
        f"Votre message est conservé : tapez `!reessayer` plus tard. (référence {ref})"
    )


def queue_position(position: int) -> str:
    rank = "1re" if position == 1 else f"{position}e"
    return f"⏳ Forte affluence, vous êtes {rank} dans la file. Votre réponse arrive…"


QUEUE_FULL = (
    "😓 Le service est très sollicité en ce moment et ne peut pas prendre votre demande. "
    "Votre message est conservé : écrivez `!reessayer` dans quelques minutes."
)


DM_BECAME_GROUP = (
    "👥 Ce salon compte désormais plus de deux membres : ce n'est plus une conversation privée "
    "avec l'Assistant IA. Les conversations précédentes restent privées : personne d'autre ne "
    "peut les lister, les reprendre ni les exporter. Ici, je réponds seulement quand on me "
    "mentionne. Pour continuer en privé, ouvrez un nouveau message direct avec moi."
)
