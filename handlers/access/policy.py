"""Access policy: who an agent is at first contact (approved, pending, denied, waitlisted), the
support room's decisions and what the agent is told, messages held until a decision.

Every agent is registered at first contact with a status; the gate holds a pending agent's
messages in the inbox (failed, with a dedicated reference) and releases them on approval, so
nothing is lost. Each decision is audited and the agent is told in their DM at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.context import Services
from bot.tchap_ids import parse_tchap_id
from handlers.access import texts
from handlers.access.config import AccessConfig
from storage.access import AccessRepository
from storage.privacy import PrivacyRepository
from storage.users import User, UserStatus

log = logging.getLogger(__name__)


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
    contact = services.config.support.contact
    if user.status == UserStatus.REVOKED:
        return texts.with_contact(texts.ACCESS_REVOKED, contact)
    if user.status == UserStatus.DENIED:
        verdict = classify(services, user.user_id)
        if verdict.reason == "external":
            return texts.with_contact(texts.ACCESS_EXTERNAL, contact)
        if verdict.reason == "homeserver":
            return texts.with_contact(texts.ACCESS_HOMESERVER, contact)
        return texts.with_contact(texts.ACCESS_DENIED, contact)
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


async def release_interrupted_approvals(services: Services) -> None:
    """At start: approved agents whose approval stopped before their messages were released."""
    for user_id in await access_of(services).repo.approved_with_held(PENDING_REF):
        log.warning("releasing the messages held for %s before its approval", user_id)
        await release_held(services, user_id, [PENDING_REF])


# Decisions ----------------------------------------------------------------------------------


async def approve(
    services: Services, user_id: str, actor: str, *, action: str = "approve"
) -> Outcome:
    user = await services.users.get(user_id)
    if user is None or await access_of(services).repo.registered_at(user_id) is None:
        return Outcome.UNKNOWN
    if user.status == UserStatus.APPROVED:
        # An approval interrupted before its messages were released: release them now.
        await release_held(services, user_id, [PENDING_REF])
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
    refusal = texts.with_contact(
        base + texts.access_reason(reason), services.config.support.contact
    )
    await tell_agent(services, user_id, refusal)
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
