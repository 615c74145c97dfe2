"""Access commands and the gate: !accepter, !quota for agents; !approve, !deny, !revoke,
!pending, !users, !user, !quota, !capacity, !audit for staff; the gate that decides, before any
other feature, whether an event is answered."""

from __future__ import annotations

import logging
from datetime import datetime

from bot import texts as bot_texts
from bot.commands import EVERYWHERE, SUPPORT_ROOM, USER_ROOMS, Group, RoomUsage, Router
from bot.context import AnswerFailed, Ctx, Services, UserError
from bot.events import Text
from bot.tchap_ids import leading_user_ids, user_ids_in
from handlers.access import texts
from handlers.access.policy import (
    ALWAYS_OPEN,
    PENDING_REF,
    TERMS_REF,
    access_of,
    approve,
    needs_terms,
    promote_waitlist,
    refuse,
    register,
    release_held,
    status_message,
    terms_text,
)
from handlers.access.quotas import check_quota, day_start, iso, limits_for
from storage.access import FootprintTotal
from storage.users import UserStatus

log = logging.getLogger(__name__)

router = Router("access")


# The gate -----------------------------------------------------------------------------------


@router.greeting
async def greet(ctx: Ctx) -> None:
    """A newcomer hears their status at once, right after the welcome (in their DM)."""
    if ctx.room_kind != "dm":
        return
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
    group=Group.DATA,
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


@router.command(
    "quota",
    "usage",
    "consommation",
    usage="!quota",
    help="votre consommation du jour (messages, jetons) et vos limites",
    where=EVERYWHERE,
    group=Group.DATA,
    support=RoomUsage(
        "!quota @agent N [jetons]", "fixe la limite quotidienne d'un agent (`défaut` pour l'ôter)"
    ),
)
async def quota(ctx: Ctx) -> None:
    services = ctx.services
    if ctx.room_kind == "support":
        await set_quota(ctx)
        return
    limits = await limits_for(services, ctx.sender)
    start, reset = day_start(services.clock())
    repo = access_of(services).repo
    today = await repo.usage_since(ctx.sender, iso(start))
    footprint_today = await repo.footprint_since(ctx.sender, iso(start))
    footprint_total = await repo.footprint_since(ctx.sender)
    await ctx.reply(
        texts.usage_summary(
            today.messages,
            limits.messages_per_day,
            today.tokens,
            limits.tokens_per_day,
            reset,
            footprint_today=_footprint(footprint_today) if footprint_today.requests else None,
            footprint_total=(footprint_total.requests, _footprint(footprint_total))
            if footprint_total.requests
            else None,
        )
    )


def _footprint(total: FootprintTotal) -> str:
    return bot_texts.footprint(total.cost, total.kwh, total.kgco2eq)


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


def targets(ctx: Ctx, *, reason: bool) -> tuple[list[str], str]:
    """The users named first in the arguments (pills arrive as ids), and the reason after."""
    ids, rest = leading_user_ids(ctx.args)
    if not ids:
        raise UserError(texts.ADMIN_USAGE_USERS)
    rest = rest.strip(" :,-")
    if rest and not reason:
        raise UserError(texts.not_a_user_id(rest.split()[0]))
    return ids, rest


async def _decide(ctx: Ctx, decide: UserStatus) -> None:
    ids, reason = targets(ctx, reason=decide != UserStatus.APPROVED)
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
    group=Group.ACCESS,
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
    group=Group.ACCESS,
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
    group=Group.ACCESS,
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
    group=Group.ACCESS,
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
    group=Group.ACCESS,
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
    group=Group.ACCESS,
)
async def user_cmd(ctx: Ctx) -> None:
    services = ctx.services
    ids, _ = targets(ctx, reason=False)
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
    ids, rest = targets(ctx, reason=True)
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
    group=Group.ACCESS,
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
    help="les dernières décisions : qui, quoi, quand",
    where=SUPPORT_ROOM,
    admin=True,
    group=Group.ACCESS,
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
