"""What the access feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

from datetime import datetime

from bot.texts import PARIS, short_date, support_contact

ACCESS_PENDING = (
    "📝 **Votre demande d'accès est enregistrée.** L'équipe support la valide en général dans "
    "la journée ; vous serez prévenu ici. Vos messages sont conservés et recevront une réponse "
    "dès la validation."
)


ACCESS_WAITLISTED = (
    "⏳ **Vous êtes sur liste d'attente.** Le service a atteint sa capacité actuelle ; les "
    "demandes sont servies dans l'ordre d'arrivée et vous serez prévenu ici dès qu'une place se "
    "libère. Vos messages sont conservés et recevront une réponse à ce moment-là."
)


ACCESS_DENIED = (
    "🚫 Votre demande d'accès à l'Assistant IA n'a pas été acceptée. Pour toute question, "
    "contactez l'équipe support du service."
)


ACCESS_REVOKED = (
    "🚫 Votre accès à l'Assistant IA a été retiré. Pour toute question, contactez l'équipe "
    "support du service."
)


ACCESS_EXTERNAL = (
    "🚫 L'Assistant IA est réservé aux agents publics : les comptes externes de Tchap ne "
    "peuvent pas l'utiliser."
)


ACCESS_HOMESERVER = (
    "🚫 L'Assistant IA n'est pas ouvert aux comptes de votre serveur Tchap pour le moment."
)


ACCESS_NEED_APPROVAL_COMMAND = (
    "Cette commande sera disponible une fois votre accès validé. En attendant : `!aide`, "
    "`!accepter`, `!confidentialite`, `!mes-donnees`, `!oublier`."
)


def with_contact(refusal: str, contact: str) -> str:
    """A refusal, with how to reach the support team when it is configured."""
    line = support_contact(contact)
    return f"{refusal}\n\n{line}" if line else refusal


TERMS_NONE = "Il n'y a pas de conditions d'utilisation à accepter."


TERMS_HELD_NOTE = "Votre message est conservé : il recevra une réponse dès votre acceptation."


def access_approved(waiting: int) -> str:
    extra = f" Vos {waiting} message(s) en attente vont recevoir une réponse." if waiting else ""
    return f"✅ **Votre accès à l'Assistant IA est validé.** Bienvenue !{extra}"


def access_reason(reason: str | None) -> str:
    return f" Motif : {reason}" if reason else ""


def terms(version: str, url: str) -> str:
    link = f"\n\nTexte complet : {url}" if url else ""
    return (
        f"📜 **Conditions d'utilisation (version {version})**\n\n"
        "Avant votre première question, merci de prendre connaissance de ces règles :\n\n"
        "- n'envoyez pas de données sensibles (santé, opinions politiques, religieuses ou "
        "syndicales, origine, vie sexuelle, données génétiques ou biométriques) ni de données "
        "sur des infractions ou condamnations (articles 9 et 10 du RGPD) ;\n"
        "- anonymisez les données personnelles avant de les envoyer ou de déposer un document ;\n"
        "- des personnes habilitées de l'équipe peuvent relire des extraits pseudonymisés de "
        "vos conversations pour améliorer le service, sauf si vous vous y opposez "
        "(`!confidentialite refuser`) ; les avis envoyés avec `!avis` sont transmis à "
        "l'équipe ;\n"
        "- ne m'utilisez pas pour prendre une décision administrative individuelle : je vous "
        "aide à comprendre et à rédiger, la décision reste la vôtre ;\n"
        "- les réponses de l'IA peuvent être inexactes : vérifiez-les."
        f"{link}\n\nPour accepter, écrivez `!accepter`."
    )


def terms_accepted(version: str) -> str:
    return f"✅ Merci : conditions d'utilisation (version {version}) acceptées."


def terms_already(version: str, when: str) -> str:
    return f"Vous avez déjà accepté les conditions d'utilisation (version {version}) le {when}."


def quota_messages_reached(limit: int, reset: datetime) -> str:
    return (
        f"⏸️ Vous avez atteint votre limite de {limit} messages par jour. Elle se réinitialise "
        f"{_reset_text(reset)}. Votre message n'a pas été envoyé au modèle."
    )


# "Jetons" is the model's word: said once wherever an agent reads it.
TOKENS_EXPLAINED = "unités de texte que compte le modèle\u00a0: environ ¾ d'un mot"


def quota_tokens_reached(limit: int, reset: datetime) -> str:
    return (
        f"⏸️ Vous avez atteint votre limite de {limit} jetons par jour ({TOKENS_EXPLAINED}). "
        f"Elle se réinitialise {_reset_text(reset)}. Votre message n'a pas été envoyé au modèle."
    )


def quota_burst_reached(limit: int, reset: datetime) -> str:
    return f"⏸️ Doucement : au plus {limit} messages par minute. Réessayez {_reset_text(reset)}."


def _reset_text(when: datetime) -> str:
    local = when.astimezone(PARIS)
    day = f"{local.day:02d}/{local.month:02d}"
    return f"à {local.hour:02d}h{local.minute:02d} ({day}, heure de Paris)"


def usage_summary(
    messages: int,
    messages_limit: int,
    tokens: int,
    tokens_limit: int,
    reset: datetime,
    *,
    footprint_today: str | None = None,
    footprint_total: tuple[int, str] | None = None,
) -> str:
    """`footprint_today`, `footprint_total` (answers counted, amounts): as the model's server
    reports them; None when it reports nothing."""

    def limit(value: int) -> str:
        return "illimité" if value == 0 else str(value)

    lines = [
        "📊 **Votre consommation aujourd'hui**",
        "",
        f"- messages : {messages} / {limit(messages_limit)}",
        f"- jetons : {tokens} / {limit(tokens_limit)}",
    ]
    if footprint_today is not None:
        lines.append(f"- empreinte\u00a0: {footprint_today}")
    lines += ["", f"Jetons\u00a0: {TOKENS_EXPLAINED}. Remise à zéro {_reset_text(reset)}."]
    if footprint_total is not None:
        count, amounts = footprint_total
        lines += [
            "",
            f"🌱 **Votre empreinte depuis le début** ({count} requête{'s' if count > 1 else ''} "
            f"au modèle)\u00a0: {amounts}. Chiffres estimés et communiqués par le service du "
            "modèle.",
        ]
    return "\n".join(lines)


# Support room (staff)
def not_a_user_id(word: str) -> str:
    return (
        f"« {word[:80]} » n'est pas un identifiant Tchap complet : écrivez-le avec son serveur, "
        "par exemple `@prenom.nom-ministere.gouv.fr:agent.x.tchap.gouv.fr`, ou mentionnez "
        "l'agent."
    )


ADMIN_USAGE_USERS = (
    "Indiquez au moins un utilisateur, par exemple "
    "`!approve @prenom.nom-ministere.gouv.fr:agent.x.tchap.gouv.fr`."
)


ADMIN_QUOTA_USAGE = (
    "Usage : `!quota @utilisateur N [jetons]` (N messages par jour, 0 = illimité ; "
    "`!quota @utilisateur défaut` revient aux limites générales)."
)


ADMIN_CAPACITY_USAGE = (
    "Usage : `!capacity N` (nombre d'utilisateurs validés au plus, 0 = sans limite)."
)


ADMIN_NOBODY_PENDING = "Aucune demande en attente."


ADMIN_NO_USERS = "Aucun utilisateur ne correspond."


ADMIN_NO_AUDIT = "Aucune décision enregistrée."


ADMIN_ONLY = "Cette commande est réservée aux administrateurs du support."


def access_request_notice(
    user_id: str, domain: str | None, homeserver: str, when: datetime, waitlisted: bool
) -> str:
    status = "liste d'attente (capacité atteinte)" if waitlisted else "en attente de validation"
    return (
        f"🆕 **Nouvelle demande d'accès** : `{user_id}`\n\n"
        f"- domaine : {domain or 'inconnu'}\n"
        f"- serveur : {homeserver}\n"
        f"- reçue le {short_date(when)}\n"
        f"- statut : {status}\n\n"
        f"Pour valider : `!approve {user_id}`"
    )


def admin_result(user_id: str, outcome: str) -> str:
    return f"- `{user_id}` : {outcome}"


ADMIN_OUTCOMES = {
    "approved": "accès validé, agent prévenu",
    "already": "déjà validé",
    "waitlisted": "capacité atteinte : mis en liste d'attente",
    "denied": "demande refusée, agent prévenu",
    "revoked": "accès retiré, agent prévenu",
    "unknown": "utilisateur inconnu (il doit d'abord écrire au bot)",
}


def pending_line(user_id: str, status: str, domain: str | None, age: str) -> str:
    label = "liste d'attente" if status == "waitlisted" else "en attente"
    return f"- `{user_id}` — {label} — {domain or 'domaine inconnu'} — depuis {age}"


def age(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} j"


def user_line(user_id: str, status: str, domain: str | None, homeserver: str | None) -> str:
    return f"- `{user_id}` — {status} — {domain or '?'} — {homeserver or '?'}"


def capacity_set(capacity: int, approved: int, promoted: int) -> str:
    limit = "sans limite" if capacity == 0 else str(capacity)
    return f"Capacité : {limit} ; {approved} utilisateur(s) validé(s)" + (
        f" ; {promoted} promu(s) depuis la liste d'attente." if promoted else "."
    )


def quota_set(user_id: str, messages: int | None, tokens: int | None) -> str:
    if messages is None and tokens is None:
        return f"`{user_id}` revient aux limites générales."
    parts = [f"{messages} messages/jour" if messages is not None else "messages : défaut"]
    parts.append(f"{tokens} jetons/jour" if tokens is not None else "jetons : défaut")
    return f"Quota de `{user_id}` : " + ", ".join(parts) + " (0 = illimité)."
