"""Privacy: the guard in front of the model, and the agents' rights.

!confidentialite (settings, opt-out of staff analysis), !mes-donnees (everything stored, as a
file), !oublier (erasure), !envoyer-quand-meme (a held message, once), and for staff
!export-conversations (pseudonymised, without opted-out agents).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from datetime import UTC, timedelta

from bot.commands import SUPPORT_ROOM, USER_ROOMS, Router
from bot.context import AnswerFailed, Ctx, UserError
from handlers.privacy import texts
from handlers.privacy.pii import ModelGuard, PiiDetector, pseudonymise_texts
from storage.privacy import ReviewSelection

log = logging.getLogger(__name__)

router = Router("privacy")

# The inbox's error_ref of a message the guard held: !envoyer-quand-meme finds it by this.
HOLD_REF = "CONFIDENTIALITE"
EXPORT_DEFAULT_DAYS = 30
EXPORT_MAX_DAYS = 365
_PERIOD = re.compile(r"^(\d{1,3})\s*(?:j|jours?|d|days?)?$", re.IGNORECASE)
_ON = {"on", "oui", "activer", "active"}
_OFF = {"off", "non", "desactiver", "désactiver", "desactive", "désactive"}
_CONFIRM = {"confirmer", "confirme", "confirm", "oui"}


async def guard_question(ctx: Ctx, question: str) -> ModelGuard:
    """The privacy guard of one answer; in block mode, tells the agent and holds the message."""
    services = ctx.services
    allow_once = await services.privacy.is_allowed_once(ctx.item.event_id)
    guard = ModelGuard(services.pii, services.config.privacy, allow_once=allow_once)
    await guard.check(question)
    if guard.blocked:
        categories = sorted({f.category for f in guard.found + guard.topics})
        log.info(
            "event %s in %s held by the privacy guard (%s)",
            ctx.item.event_id,
            ctx.room_id,
            ", ".join(categories),
        )
        await ctx.reply(guard.block_message())
        raise AnswerFailed(HOLD_REF)
    return guard


@router.command(
    "envoyer-quand-meme",
    "send-anyway",
    usage="!envoyer-quand-meme",
    help="envoie au modèle, une seule fois, votre message retenu pour données personnelles",
)
async def send_anyway(ctx: Ctx) -> None:
    services = ctx.services
    event_id = await services.privacy.held_event(ctx.room_id, ctx.sender, HOLD_REF)
    item = await services.inbox.get(event_id) if event_id else None
    if item is None:
        raise UserError(texts.NOTHING_HELD)
    await services.privacy.allow_once(item.event_id)
    await services.inbox.requeue(item.seq)  # the room's worker answers it right after this
    log.info("event %s in %s released by its author", item.event_id, ctx.room_id)
    await ctx.reply(texts.SENDING_HELD)


@router.command(
    "confidentialite",
    "privacy",
    usage="!confidentialite [on|off]",
    help="vos données : réglages, et opposition à l'analyse de vos conversations (on/off)",
)
async def privacy_settings(ctx: Ctx) -> None:
    services = ctx.services
    choice = ctx.args.strip().lower()
    if choice in _ON or choice in _OFF:
        await services.privacy.set_opt_out(ctx.sender, choice in _ON)
        log.info("analysis opt-out %s for a user", "on" if choice in _ON else "off")
        await ctx.reply(texts.OPT_OUT_ON if choice in _ON else texts.OPT_OUT_OFF)
        return
    if choice:
        raise UserError(texts.OPT_OUT_USAGE)
    settings = await services.privacy.settings(ctx.sender)
    config = services.config.privacy
    await ctx.reply(
        texts.privacy_settings(
            config.identifiers, config.sensitive_topics, settings.opt_out, config.retention_days
        )
    )


@router.command(
    "mes-donnees",
    "my-data",
    usage="!mes-donnees",
    help="vous envoie, en message privé, tout ce qui est conservé sur vous (fichier JSON)",
)
async def my_data(ctx: Ctx) -> None:
    services = ctx.services
    room_id = ctx.room_id if ctx.room_kind == "dm" else await services.privacy.dm_room(ctx.sender)
    if room_id is None:
        raise UserError(texts.MY_DATA_NEED_DM)
    data = await services.privacy.user_data(ctx.sender)
    payload = {
        "format": "assistant-ia/mes-donnees/1",
        "generated_at": services.db.now(),
        **data,
    }
    body = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
    day = services.clock().astimezone(UTC).date().isoformat()
    await services.matrix.send_text(room_id, texts.MY_DATA_CAPTION)
    await services.matrix.send_file(
        room_id, body, f"mes-donnees-assistant-ia-{day}.json", "application/json"
    )
    log.info("personal data export sent (%d bytes)", len(body))  # content-safe: a size
    if room_id != ctx.room_id:
        await ctx.reply(texts.MY_DATA_SENT_IN_DM)


@router.command(
    "oublier",
    "forget",
    usage="!oublier",
    help="efface toutes vos conversations et vos messages (demande une confirmation)",
    where=USER_ROOMS,
)
async def forget(ctx: Ctx) -> None:
    services = ctx.services
    if ctx.args.strip().lower() not in _CONFIRM:
        await ctx.reply(texts.FORGET_CONFIRM)
        return
    counts = await services.privacy.erase_user(ctx.sender)
    services.pii.clear_cache()
    log.info(
        "erasure done: %d conversations, %d messages, %d inbox rows, %d other rows",
        counts.conversations,
        counts.messages,
        counts.inbox,
        counts.other,
    )
    await ctx.reply(texts.forgotten(counts.conversations, counts.messages))
    support = services.support_room_id
    if support:
        try:
            await services.matrix.send_text(support, texts.FORGET_SUPPORT_NOTICE, notice=True)
        except Exception as exc:
            log.warning("could not notify the support room of an erasure: %s", exc)


def parse_period(args: str) -> int:
    """'7j', '30 jours', '' -> days; UserError otherwise."""
    text = args.strip()
    if not text:
        return EXPORT_DEFAULT_DAYS
    match = _PERIOD.match(text)
    if match is None or not 1 <= int(match.group(1)) <= EXPORT_MAX_DAYS:
        raise UserError(texts.EXPORT_BAD_PERIOD)
    return int(match.group(1))


def review_jsonl(detector: PiiDetector, selection: ReviewSelection) -> bytes:
    """Blocking: one JSON line per conversation, pseudonymised, agents as aliases."""
    aliases: dict[str, str] = {}
    lines = []
    for index, conversation in enumerate(selection.conversations, start=1):
        contents = pseudonymise_texts(detector, [m.content for m in conversation.messages])
        agents = [aliases.setdefault(a, f"agent-{len(aliases) + 1}") for a in conversation.agents]
        lines.append(
            json.dumps(
                {
                    "conversation": index,
                    "kind": conversation.kind,
                    "agents": agents,
                    "messages": [
                        {
                            "role": message.role,
                            "content": content,
                            "created_at": message.created_at,
                            "model": message.model,
                        }
                        for message, content in zip(conversation.messages, contents, strict=True)
                    ],
                },
                ensure_ascii=False,
            )
        )
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


@router.command(
    "export-conversations",
    "exporter-conversations",
    "export",  # `!export conversations 30j` (the agents' `!export` is theirs, in their rooms)
    usage="!export-conversations [période, ex. 7j]",
    help="exporte en JSONL les conversations pseudonymisées des agents qui ne s'y opposent pas",
    where=SUPPORT_ROOM,
    admin=True,
)
async def export_conversations(ctx: Ctx) -> None:
    services = ctx.services
    args = ctx.args.strip()
    if args.lower().startswith("conversations"):
        args = args[len("conversations") :]
    days = parse_period(args)
    now = services.clock()
    since = (now - timedelta(days=days)).astimezone(UTC).isoformat(timespec="milliseconds")
    selection = await services.privacy.conversations_for_review(since)
    if not selection.conversations:
        await ctx.reply(texts.EXPORT_EMPTY)
        return
    data = await asyncio.to_thread(review_jsonl, services.pii, selection)
    day = now.astimezone(UTC).date().isoformat()
    await services.matrix.send_file(
        ctx.room_id, data, f"conversations-{day}-{days}j.jsonl", "application/x-ndjson"
    )
    log.info(
        "review export by %s: %d conversations, %d messages excluded, %d days",
        ctx.sender,
        len(selection.conversations),
        selection.excluded_messages,
        days,
    )
    await ctx.reply(
        texts.export_done(len(selection.conversations), selection.excluded_messages, days)
    )
