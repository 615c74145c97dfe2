"""Feedback: 👍/👎 on the bot's answers (a 👎 asks what went wrong), !avis (free feedback)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.commands import USER_ROOMS, Group, Router
from bot.context import Ctx, UserError
from bot.events import THUMBS_DOWN, THUMBS_UP, Reaction, Text
from handlers.feedback import texts
from storage.feedback import FeedbackRepository
from storage.stats import ministry
from storage.surveys import iso

log = logging.getLogger(__name__)

router = Router("feedback")

MAX_COMMENT_CHARS = 500
MAX_FEEDBACK_CHARS = 4000


@dataclass(frozen=True)
class Feedback:
    """The feedback feature's own services."""

    repo: FeedbackRepository
    # After a thumbs-down, the agent's next message within this many minutes is the comment.
    comment_window_minutes: int


def feedback(ctx: Ctx) -> Feedback:
    return ctx.services.part(Feedback)


@router.intercept
async def reactions_and_comments(ctx: Ctx) -> bool:
    """Reactions on answers are feedback; after a 👎, the next message is the comment."""
    if ctx.room_kind != "dm":
        return False
    if isinstance(ctx.event, Reaction):
        await _reaction(ctx, ctx.event)
        return True  # a reaction is never a question for the model
    if ctx.command is not None or not isinstance(ctx.event, Text):
        return False
    if ctx.event.msgtype not in ("m.text", "m.notice"):
        return False
    services = ctx.services
    repo = feedback(ctx).repo
    window = feedback(ctx).comment_window_minutes
    if window <= 0 or not await repo.waiting_comment(ctx.sender, ctx.room_id):
        return False
    since = iso(services.clock() - timedelta(minutes=window))
    comment = " ".join(ctx.text.split())[:MAX_COMMENT_CHARS]
    if not comment or not await repo.take_comment(ctx.sender, ctx.room_id, since, comment):
        return False
    log.info("feedback comment recorded in %s", ctx.room_id)
    await ctx.reply(texts.FEEDBACK_COMMENT_THANKS)
    return True


async def _reaction(ctx: Ctx, reaction: Reaction) -> None:
    services = ctx.services
    repo = feedback(ctx).repo
    key = reaction.key
    target = reaction.relates_to
    if key not in (THUMBS_UP, THUMBS_DOWN):
        return
    answer = await repo.answer(target)
    if answer is None:
        return  # not one of the bot's answers (a greeting, a survey question…)
    user = await services.users.ensure(ctx.sender)
    rating = "up" if key == THUMBS_UP else "down"
    ask = rating == "down" and feedback(ctx).comment_window_minutes > 0
    recorded = await repo.record_reaction(
        reaction_event_id=ctx.item.event_id,
        answer_event_id=target,
        user_id=ctx.sender,
        room_id=ctx.room_id,
        rating=rating,
        answer=answer,
        homeserver=user.homeserver,
        domain=user.domain,
        ask_comment=ask,
    )
    log.info(
        "feedback %s on answer %s in %s (model %s)%s",
        rating,
        target,
        ctx.room_id,
        answer.model,
        "" if recorded else ": already recorded",
    )
    if recorded and ask:
        await ctx.reply(texts.FEEDBACK_WHAT_WENT_WRONG)


@router.command(
    "avis",
    "feedback",
    usage="!avis <votre message>",
    help="envoie un avis ou une suggestion à l'équipe (sans votre conversation)",
    where=USER_ROOMS,
    group=Group.CHAT,
)
async def free_feedback(ctx: Ctx) -> None:
    text = ctx.args.strip()
    if not text:
        raise UserError(texts.FEEDBACK_USAGE)
    text = text[:MAX_FEEDBACK_CHARS]
    services = ctx.services
    user = await services.users.ensure(ctx.sender)
    await feedback(ctx).repo.add_free(ctx.sender, user.homeserver, user.domain, text)
    support = services.support_room_id
    if support:
        await services.matrix.send_text(
            support, texts.feedback_forward(ministry(user.homeserver, user.domain), text)
        )
    log.info(
        "free feedback recorded (%d chars)%s", len(text), " and forwarded" if support else ""
    )  # content-safe: a size
    await ctx.reply(texts.FEEDBACK_THANKS)
