"""Access: newcomers, the support room's decisions, the terms gate, quotas, the fair queue.

Every agent is registered at first contact with a status; the gate holds a pending agent's
messages in the inbox (failed, with a dedicated reference) and releases them on approval, so
nothing is lost. Staff decide in the support room; each decision is audited and the agent is
told in their DM at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot import texts as bot_texts
from bot.commands import EVERYWHERE, SUPPORT_ROOM, USER_ROOMS, Router
from bot.context import AnswerFailed, Ctx, ModelUsage, Services, UserError
from bot.events import Text
from bot.tchap_ids import parse_tchap_id, user_ids_in
from handlers.access import texts
from handlers.access.config import AccessConfig
from storage.access import AccessRepository
from storage.privacy import PrivacyRepository
from storage.users import User, UserStatus

log = logging.getLogger(__name__)

router = Router("access")


@dataclass(frozen=True)
class Access:
    """The access feature's own services."""

    config: AccessConfig
    repo: AccessRepository
    privacy: PrivacyRepository  # where each agent's DM is, to tell them of a decision


def access_of(services: Services) -> Access:
    return services.part(Access)


# The inbox's error_ref of a message kept until its author is approved / accepts the terms.
PENDING_REF = "ACCES"
TERMS_REF = "CONDITIONS"
# Reachable whatever the status: help, terms, the agent's data rights, their own usage.
ALWAYS_OPEN = frozenset({"aide", "accepter", "confidentialite", "mes-donnees", "oublier", "quota"})
SYSTEM = "system"


# Classification -----------------------------------------------------------------------------


class Outcome(StrEnum):
    """What a staff decision did (the support room is told which)."""

    APPROVED = "approved"
    WAITLISTED = "waitlisted"
    DENIED = "denied"
    REVOKED = "revoked"
    ALREADY = "already"  # approved already: nothing to do
    UNKNOWN = "unknown"  # never wrote to the bot


@dataclass(frozen=True)
class Verdict:
    status: UserStatus  # approved, pending or denied (capacity is applied afterwards)
    homeserver: str
    domain: str | None
    reason: str | None = None  # why denied: "external" or "homeserver"


def classify(services: Services, user_id: str) -> Verdict:
    config = access_of(services).config
    tid = parse_tchap_id(user_id, [*config.auto_approve_domains, *config.known_domains])
    if tid.external and config.refuse_external:
        return Verdict(UserStatus.DENIED, tid.homeserver, tid.domain, "external")
    if config.allowed_homeservers and tid.homeserver not in config.allowed_homeservers:
        return Verdict(UserStatus.DENIED, tid.homeserver, tid.domain, "homeserver")
    if tid.domain in config.auto_approve_domains or tid.homeserver in (
        config.auto_approve_homeservers
    ):
        return Verdict(UserStatus.APPROVED, tid.homeserver, tid.domain)
    return Verdict(UserStatus.PENDING, tid.homeserver, tid.domain)


async def at_capacity(services: Services) -> bool:
    capacity = await access_of(services).repo.capacity(access_of(services).config.max_users)
    return (
        capacity > 0
        and await access_of(services).repo.count_with_status(UserStatus.APPROVED) >= capacity
    )


async def register(services: Services, user_id: str) -> User:
    """The user, classified at first contact (the support room hears of a new request)."""
    user = await services.users.ensure(user_id)
    if await access_of(services).repo.registered_at(user_id) is not None:
        return user
    verdict = classify(services, user_id)
    status = verdict.status
    if status == UserStatus.APPROVED and await at_capacity(services):
        status = UserStatus.WAITLISTED
    registered = await access_of(services).repo.register(
        user_id, homeserver=verdict.homeserver, domain=verdict.domain, status=status
    )
    if registered:
        detail = status + (f" ({verdict.reason})" if verdict.reason else "")
        await access_of(services).repo.audit(SYSTEM, "register", user_id, detail)
        log.info(
            "new user %s: %s (homeserver %s, domain %s)",
            user_id,
            detail,
            verdict.homeserver,
            verdict.domain or "unknown",
        )
        if status in (UserStatus.PENDING, UserStatus.WAITLISTED):
            await notify_support(
                services,
                texts.access_request_notice(
                    user_id,
                    verdict.domain,
                    verdict.homeserver,
                    services.clock(),
                    status == UserStatus.WAITLISTED,
                ),
            )
    fresh = await services.users.get(user_id)
    assert fresh is not None
    return fresh


def status_message(user: User, services: Services) -> str | None:
    if user.status == UserStatus.PENDING:
        return texts.ACCESS_PENDING
    if user.status == UserStatus.WAITLISTED:
        return texts.ACCESS_WAITLISTED
    if user.status == UserStatus.REVOKED:
        return texts.ACCESS_REVOKED
    if user.status == UserStatus.DENIED:
        verdict = classify(services, user.user_id)
        if verdict.reason == "external":
            return texts.ACCESS_EXTERNAL
        if verdict.reason == "homeserver":
            return texts.ACCESS_HOMESERVER
        return texts.ACCESS_DENIED
    return None


def needs_terms(services: Services, user: User) -> bool:
    version = access_of(services).config.terms_version
    return bool(version) and user.terms_version != version


def terms_text(services: Services) -> str:
    config = access_of(services).config
    return texts.terms(config.terms_version, config.terms_url)


async def notify_support(services: Services, markdown: str) -> None:
    room = services.support_room_id
    if not room:
        log.warning("no support room configured: a notice for the support team is lost")
        return
    try:
        await services.matrix.send_text(room, markdown, _html(markdown), notice=True)
    except Exception as exc:
        log.warning("could not post to the support room: %s", exc)


async def tell_agent(services: Services, user_id: str, markdown: str) -> bool:
    room = await access_of(services).privacy.dm_room(user_id)
    if room is None:
        return False
    try:
        await services.matrix.send_text(room, markdown, _html(markdown))
    except Exception as exc:
        log.warning("could not tell %s about an access decision: %s", user_id, exc)
        return False
    return True


def _html(markdown: str) -> str:
    from bot.render import markdown_to_html

    return markdown_to_html(markdown)


async def release_held(services: Services, user_id: str, refs: Sequence[str]) -> int:
    """Messages kept for this user back in the inbox; their rooms' workers answer them."""
    held = await access_of(services).repo.held(user_id, refs)
    for message in held:
        await services.inbox.requeue(message.seq)
    for room_id in {m.room_id for m in held}:
        services.doorbell.ring(room_id)
    if held:
        log.info("%d held message(s) of %s queued again", len(held), user_id)
    return len(held)


# Decisions ----------------------------------------------------------------------------------


async def approve(
    services: Services, user_id: str, actor: str, *, action: str = "approve"
) -> Outcome:
    user = await services.users.get(user_id)
    if user is None or await access_of(services).repo.registered_at(user_id) is None:
        return Outcome.UNKNOWN
    if user.status == UserStatus.APPROVED:
        return Outcome.ALREADY
    if await at_capacity(services):
        if user.status != UserStatus.WAITLISTED:
            await services.users.set_status(user_id, UserStatus.WAITLISTED)
            await access_of(services).repo.audit(actor, "waitlist", user_id, "capacity reached")
            await tell_agent(services, user_id, texts.ACCESS_WAITLISTED)
        return Outcome.WAITLISTED
    await services.users.set_status(user_id, UserStatus.APPROVED)
    await access_of(services).repo.audit(actor, action, user_id)
    held = await access_of(services).repo.held(user_id, [PENDING_REF, TERMS_REF])
    fresh = await services.users.get(user_id)
    message = texts.access_approved(len(held))
    if fresh is not None and needs_terms(services, fresh):
        message += "\n\n" + terms_text(services)
    await tell_agent(services, user_id, message)
    await release_held(services, user_id, [PENDING_REF, TERMS_REF])
    return Outcome.APPROVED


async def refuse(
    services: Services, user_id: str, actor: str, status: UserStatus, reason: str | None
) -> Outcome:
    user = await services.users.get(user_id)
    if user is None or await access_of(services).repo.registered_at(user_id) is None:
        return Outcome.UNKNOWN
    was_approved = user.status == UserStatus.APPROVED
    await services.users.set_status(user_id, status)
    await access_of(services).repo.audit(
        actor, "deny" if status == UserStatus.DENIED else "revoke", user_id, reason
    )
    base = texts.ACCESS_DENIED if status == UserStatus.DENIED else texts.ACCESS_REVOKED
    await tell_agent(services, user_id, base + texts.access_reason(reason))
    if was_approved:
        await promote_waitlist(services)
    return Outcome(status)


async def promote_waitlist(services: Services) -> int:
    """Waitlisted users, in arrival order, approved while there is room."""
    promoted = 0
    for user in await services.users.with_status(UserStatus.WAITLISTED):
        if await at_capacity(services):
            break
        if await approve(services, user.user_id, SYSTEM, action="promote") == Outcome.APPROVED:
            promoted += 1
    return promoted


# The gate -----------------------------------------------------------------------------------


@router.greeting
async def greet(ctx: Ctx) -> None:
    """A newcomer hears their status at once, right after the welcome."""
    services = ctx.services
    user = await register(services, ctx.sender)
    message = status_message(user, services)
    if message is None and needs_terms(services, user):
        message = terms_text(services)
    if message is not None:
        await ctx.reply(message)


@router.intercept
async def gate(ctx: Ctx) -> bool:
    if ctx.room_kind == "support" or ctx.item.kind != "message":
        return False
    services = ctx.services
    user = await register(services, ctx.sender)
    if ctx.command is not None and ctx.command.name in ALWAYS_OPEN:
        return False
    message = status_message(user, services)
    if message is not None:
        if ctx.command is not None and user.status in (UserStatus.PENDING, UserStatus.WAITLISTED):
            await ctx.reply(texts.ACCESS_NEED_APPROVAL_COMMAND)
            return True
        await ctx.reply(message)
        if user.status in (UserStatus.PENDING, UserStatus.WAITLISTED):
            log.info("event %s in %s held until access is granted", ctx.item.event_id, ctx.room_id)
            raise AnswerFailed(PENDING_REF)
        log.info("event %s in %s refused: user %s", ctx.item.event_id, ctx.room_id, user.status)
        return True
    if needs_terms(services, user):
        if ctx.command is not None:
            await ctx.reply(terms_text(services))
            return True
        await ctx.reply(terms_text(services) + "\n\n" + texts.TERMS_HELD_NOTE)
        raise AnswerFailed(TERMS_REF)
    if ctx.command is None and isinstance(ctx.event, Text) and ctx.text.strip():
        await check_quota(services, ctx.sender)  # before anything is stored
    return False


@router.command(
    "accepter",
    "accept",
    usage="!accepter",
    help="accepte les conditions d'utilisation du service",
    where=USER_ROOMS,
)
async def accept_terms(ctx: Ctx) -> None:
    services = ctx.services
    version = access_of(services).config.terms_version
    if not version:
        raise UserError(texts.TERMS_NONE)
    user = await services.users.ensure(ctx.sender)
    if user.terms_version == version and user.terms_accepted_at:
        when = datetime.fromisoformat(user.terms_accepted_at)
        raise UserError(texts.terms_already(version, bot_texts.short_date(when)))
    await access_of(services).repo.accept_terms(ctx.sender, version)
    await access_of(services).repo.audit(ctx.sender, "accept-terms", ctx.sender, version)
    log.info("terms version %s accepted by %s", version, ctx.sender)
    await ctx.reply(texts.terms_accepted(version))
    if user.status == UserStatus.APPROVED:
        await release_held(services, ctx.sender, [TERMS_REF])


# Quotas -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    messages_per_day: int
    tokens_per_day: int


def day_start(now: datetime) -> tuple[datetime, datetime]:
    """The current day in Paris: its start and the next midnight, both aware."""
    local = now.astimezone(bot_texts.PARIS)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=1, hours=3)).replace(hour=0)  # DST-proof
    return start, following


def iso(when: datetime) -> str:
    from datetime import UTC

    return when.astimezone(UTC).isoformat(timespec="milliseconds")


async def limits_for(services: Services, user_id: str) -> Limits:
    config = services.config.limits
    override = await access_of(services).repo.quota_override(user_id)
    return Limits(
        override.messages_per_day
        if override.messages_per_day is not None
        else config.messages_per_day,
        override.tokens_per_day if override.tokens_per_day is not None else config.tokens_per_day,
    )


async def check_quota(services: Services, user_id: str) -> None:
    """UserError (French, with the time it resets) if the user is over a limit."""
    now = services.clock()
    limits = await limits_for(services, user_id)
    start, reset = day_start(now)
    today = await access_of(services).repo.usage_since(user_id, iso(start))
    if limits.messages_per_day and today.messages >= limits.messages_per_day:
        log.info("daily message quota reached by %s", user_id)
        raise UserError(texts.quota_messages_reached(limits.messages_per_day, reset))
    if limits.tokens_per_day and today.tokens >= limits.tokens_per_day:
        log.info("daily token quota reached by %s", user_id)
        raise UserError(texts.quota_tokens_reached(limits.tokens_per_day, reset))
    burst = services.config.limits.burst_per_minute
    if burst:
        minute = await access_of(services).repo.usage_since(
            user_id, iso(now - timedelta(minutes=1))
        )
        if minute.messages >= burst and minute.first_at:
            oldest = datetime.fromisoformat(minute.first_at)
            log.info("burst limit reached by %s", user_id)
            raise UserError(texts.quota_burst_reached(burst, oldest + timedelta(minutes=1)))


class Quota:
    """The quota policy the answer pipeline asks before each model request, and tells after."""

    async def admit(self, ctx: Ctx) -> None:
        await check_quota(ctx.services, ctx.sender)

    async def record(self, ctx: Ctx, usage: ModelUsage) -> None:
        await access_of(ctx.services).repo.record_usage(
            ctx.sender,
            iso(usage.admitted_at),
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            latency_ms=round(usage.latency * 1000),
            wait_ms=round(usage.waited * 1000),
        )


@router.command(
    "quota",
    "usage",
    "consommation",
    usage="!quota",
    help="votre consommation du jour et vos limites (au support : `!quota @agent N`)",
    where=EVERYWHERE,
)
async def quota(ctx: Ctx) -> None:
    services = ctx.services
    if ctx.room_kind == "support":
        await set_quota(ctx)
        return
    limits = await limits_for(services, ctx.sender)
    start, reset = day_start(services.clock())
    today = await access_of(services).repo.usage_since(ctx.sender, iso(start))
    await ctx.reply(
        texts.usage_summary(
            today.messages, limits.messages_per_day, today.tokens, limits.tokens_per_day, reset
        )
    )


# Support room -------------------------------------------------------------------------------


async def require_admin(ctx: Ctx) -> None:
    if not await ctx.services.is_admin(ctx.sender):
        log.warning(
            "refused !%s from %s in %s",
            ctx.command.name if ctx.command else "?",
            ctx.sender,
            ctx.room_id,
        )
        raise UserError(texts.ADMIN_ONLY)


def targets(ctx: Ctx) -> tuple[list[str], str]:
    """The users named in the arguments (pills arrive as ids) and the rest (a reason)."""
    ids = user_ids_in(ctx.args)
    if not ids:
        raise UserError(texts.ADMIN_USAGE_USERS)
    rest = ctx.args
    for user_id in ids:
        rest = rest.replace(user_id, " ")
    return ids, " ".join(rest.split()).strip(" :,-")


async def _decide(ctx: Ctx, decide: UserStatus) -> None:
    ids, reason = targets(ctx)
    services = ctx.services
    lines = []
    for user_id in ids:
        if decide == UserStatus.APPROVED:
            outcome = await approve(services, user_id, ctx.sender)
        else:
            outcome = await refuse(services, user_id, ctx.sender, decide, reason or None)
        log.info(
            "!%s %s by %s: %s",
            ctx.command.name if ctx.command else decide,
            user_id,
            ctx.sender,
            outcome,
        )
        lines.append(texts.admin_result(user_id, texts.ADMIN_OUTCOMES[outcome]))
    await ctx.reply("\n".join(lines))


@router.command(
    "approve",
    "valider",
    usage="!approve @agent [@agent…]",
    help="valide l'accès d'agents",
    where=SUPPORT_ROOM,
    admin=True,
)
async def approve_cmd(ctx: Ctx) -> None:
    await _decide(ctx, UserStatus.APPROVED)


@router.command(
    "deny",
    "refuser",
    usage="!deny @agent [motif]",
    help="refuse une demande d'accès",
    where=SUPPORT_ROOM,
    admin=True,
)
async def deny_cmd(ctx: Ctx) -> None:
    await _decide(ctx, UserStatus.DENIED)


@router.command(
    "revoke",
    "retirer",
    usage="!revoke @agent [motif]",
    help="retire l'accès d'un agent",
    where=SUPPORT_ROOM,
    admin=True,
)
async def revoke_cmd(ctx: Ctx) -> None:
    await _decide(ctx, UserStatus.REVOKED)


def _age(services: Services, since: str | None) -> str:
    if not since:
        return "?"
    return texts.age((services.clock() - datetime.fromisoformat(since)).total_seconds())


@router.command(
    "pending",
    "demandes",
    usage="!pending",
    help="demandes en attente, les plus anciennes d'abord",
    where=SUPPORT_ROOM,
    admin=True,
)
async def pending_cmd(ctx: Ctx) -> None:
    services = ctx.services
    users = [
        *await services.users.with_status(UserStatus.PENDING),
        *await services.users.with_status(UserStatus.WAITLISTED),
    ]
    users.sort(key=lambda u: u.created_at)
    if not users:
        await ctx.reply(texts.ADMIN_NOBODY_PENDING)
        return
    lines = [
        texts.pending_line(u.user_id, u.status, u.domain, _age(services, u.created_at))
        for u in users
    ]
    await ctx.reply("\n".join(lines))


@router.command(
    "users",
    "utilisateurs",
    usage="!users [filtre]",
    help="liste les utilisateurs (50 au plus)",
    where=SUPPORT_ROOM,
    admin=True,
)
async def users_cmd(ctx: Ctx) -> None:
    found = await access_of(ctx.services).repo.search(ctx.args.strip())
    if not found:
        await ctx.reply(texts.ADMIN_NO_USERS)
        return
    await ctx.reply(
        "\n".join(texts.user_line(u.user_id, u.status, u.domain, u.homeserver) for u in found)
    )


def _date(value: str | None) -> str:
    return bot_texts.short_date(datetime.fromisoformat(value)) if value else "—"


@router.command(
    "user",
    "utilisateur",
    usage="!user @agent",
    help="statut, dates, consommation et quota",
    where=SUPPORT_ROOM,
    admin=True,
)
async def user_cmd(ctx: Ctx) -> None:
    services = ctx.services
    ids, _ = targets(ctx)
    blocks = []
    for user_id in ids:
        user = await services.users.get(user_id)
        if user is None:
            blocks.append(texts.admin_result(user_id, texts.ADMIN_OUTCOMES["unknown"]))
            continue
        limits = await limits_for(services, user_id)
        start, _ = day_start(services.clock())
        today = await access_of(services).repo.usage_since(user_id, iso(start))
        total = await access_of(services).repo.usage_since(user_id, "")
        blocks.append(
            f"**`{user_id}`**\n"
            f"- statut : {user.status} (depuis le {_date(user.status_changed_at)})\n"
            f"- domaine : {user.domain or 'inconnu'} ; serveur : {user.homeserver or '?'}\n"
            f"- arrivé le {_date(user.created_at)}\n"
            f"- conditions : {user.terms_version or 'non acceptées'}"
            f" ({_date(user.terms_accepted_at)})\n"
            f"- aujourd'hui : {today.messages} messages / {limits.messages_per_day or '∞'}, "
            f"{today.tokens} jetons / {limits.tokens_per_day or '∞'}\n"
            f"- au total : {total.messages} messages, {total.tokens} jetons"
        )
    await ctx.reply("\n\n".join(blocks))


async def set_quota(ctx: Ctx) -> None:
    await require_admin(ctx)
    ids, rest = targets(ctx)
    words = rest.split()
    if words and words[0].lower() in ("defaut", "défaut", "default", "reset"):
        messages, tokens = None, None
    elif words and all(w.isdigit() for w in words[:2]) and len(words) <= 2:
        messages = int(words[0])
        tokens = int(words[1]) if len(words) > 1 else None
    else:
        raise UserError(texts.ADMIN_QUOTA_USAGE)
    lines = []
    for user_id in ids:
        await access_of(ctx.services).repo.set_quota_override(
            user_id, messages, tokens, ctx.sender
        )
        await access_of(ctx.services).repo.audit(
            ctx.sender, "quota", user_id, f"{messages} {tokens}"
        )
        lines.append(texts.quota_set(user_id, messages, tokens))
    await ctx.reply("\n".join(lines))


@router.command(
    "capacity",
    "capacite",
    usage="!capacity N",
    help="nombre d'utilisateurs validés au plus",
    where=SUPPORT_ROOM,
    admin=True,
)
async def capacity_cmd(ctx: Ctx) -> None:
    services = ctx.services
    arg = ctx.args.strip()
    promoted = 0
    if arg:
        if not arg.isdigit():
            raise UserError(texts.ADMIN_CAPACITY_USAGE)
        await access_of(services).repo.set_capacity(int(arg))
        await access_of(services).repo.audit(ctx.sender, "capacity", None, arg)
        log.info("capacity set to %s by %s", arg, ctx.sender)
        promoted = await promote_waitlist(services)
    capacity = await access_of(services).repo.capacity(access_of(services).config.max_users)
    approved = await access_of(services).repo.count_with_status(UserStatus.APPROVED)
    await ctx.reply(texts.capacity_set(capacity, approved, promoted))


@router.command(
    "audit",
    usage="!audit [@agent]",
    help="les dernières décisions : qui, quoi, quand",
    where=SUPPORT_ROOM,
    admin=True,
)
async def audit_cmd(ctx: Ctx) -> None:
    ids = user_ids_in(ctx.args)
    entries = await access_of(ctx.services).repo.audit_entries(ids[0] if ids else None)
    if not entries:
        await ctx.reply(texts.ADMIN_NO_AUDIT)
        return
    lines = [
        f"- {_date(e.at)} — {e.actor} — {e.action}"
        + (f" — `{e.user_id}`" if e.user_id else "")
        + (f" — {e.detail}" if e.detail else "")
        for e in entries
    ]
    await ctx.reply("\n".join(lines))
