"""Privacy: the guard in front of the model, and the agents' rights.

!confidentialite (settings, opt-out of staff analysis), !mes-donnees (everything stored, as a
file), !oublier (erasure), !envoyer-quand-meme (a held message, once), and for staff
!export-conversations (pseudonymised, without opted-out agents).
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, timedelta

from bot.args import parse_days
from bot.commands import SUPPORT_ROOM, USER_ROOMS, Group, Router, parse_switch
from bot.context import Ctx, UserError
from handlers.privacy import texts
from handlers.privacy.guard import HOLD_REF, Privacy
from handlers.privacy.pii import PiiDetector, pseudonymise_texts
from storage.privacy import ReviewSelection

log = logging.getLogger(__name__)

router = Router("privacy")

EXPORT_DEFAULT_DAYS = 30
EXPORT_MAX_DAYS = 365
_CONFIRM = {"confirmer", "confirme", "confirm", "oui"}
OPT_OUT_WORDS = ("refuser", "refuse", "refus", "opposition", "interdire")
OPT_IN_WORDS = ("accepter", "accepte", "autoriser", "autorise")


def privacy(ctx: Ctx) -> Privacy:
    return ctx.services.part(Privacy)


@router.command(
    "envoyer-quand-meme",
    "send-anyway",
    usage="!envoyer-quand-meme",
    help="envoie au modèle, une seule fois, votre message retenu pour données personnelles",
    group=Group.DATA,
)
async def send_anyway(ctx: Ctx) -> None:
    services = ctx.services
    event_id = await privacy(ctx).repo.held_event(ctx.room_id, ctx.sender, HOLD_REF)
    item = await services.inbox.get(event_id) if event_id else None
    if item is None:
        raise UserError(texts.NOTHING_HELD)
    await privacy(ctx).repo.allow_once(item.event_id)
    await services.inbox.requeue(item.seq)  # the room's worker answers it right after this
    log.info("event %s in %s released by its author", item.event_id, ctx.room_id)
    await ctx.reply(texts.SENDING_HELD)


@router.command(
    "confidentialite",
    "privacy",
    usage="!confidentialite [refuser|accepter]",
    help="vos données : réglages ; refuser ou accepter que l'équipe relise des extraits "
    "pseudonymisés de vos conversations",
    group=Group.DATA,
)
async def privacy_settings(ctx: Ctx) -> None:
    choice = ctx.args.strip().lower()
    # "on" was the opposition switched on; "oui" or "activer" would be ambiguous here.
    opt_out = parse_switch(choice, on=OPT_OUT_WORDS, off=OPT_IN_WORDS, generic=False)
    if opt_out is not None:
        await privacy(ctx).repo.set_opt_out(ctx.sender, opt_out)
        log.info("analysis opt-out %s for a user", "on" if opt_out else "off")
        await ctx.reply(texts.OPT_OUT_ON if opt_out else texts.OPT_OUT_OFF)
        return
    if choice:
        raise UserError(texts.OPT_OUT_USAGE)
    settings = await privacy(ctx).repo.settings(ctx.sender)
    config = privacy(ctx).config
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
    group=Group.DATA,
)
async def my_data(ctx: Ctx) -> None:
    services = ctx.services
    room_id = ctx.room_id if ctx.room_kind == "dm" else await privacy(ctx).repo.dm_room(ctx.sender)
    if room_id is None:
        raise UserError(texts.MY_DATA_NEED_DM)
    data = await privacy(ctx).repo.user_data(ctx.sender)
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
    group=Group.DATA,
)
async def forget(ctx: Ctx) -> None:
    services = ctx.services
    if ctx.args.strip().lower() not in _CONFIRM:
        await ctx.reply(texts.FORGET_CONFIRM)
        return
    counts = await privacy(ctx).repo.erase_user(ctx.sender)
    privacy(ctx).detector.clear_cache()
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
    days = parse_days(args, default=EXPORT_DEFAULT_DAYS, maximum=EXPORT_MAX_DAYS)
    if days is None:
        raise UserError(texts.EXPORT_BAD_PERIOD)
    return days


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
    group=Group.SERVICE,
)
async def export_conversations(ctx: Ctx) -> None:
    services = ctx.services
    args = ctx.args.strip()
    if args.lower().startswith("conversations"):
        args = args[len("conversations") :]
    days = parse_period(args)
    now = services.clock()
    since = (now - timedelta(days=days)).astimezone(UTC).isoformat(timespec="milliseconds")
    selection = await privacy(ctx).repo.conversations_for_review(since)
    if not selection.conversations:
        await ctx.reply(texts.EXPORT_EMPTY)
        return
    data = await asyncio.to_thread(review_jsonl, privacy(ctx).detector, selection)
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
