"""Which conversation an event belongs to: the one place that decides it.

A thread is a conversation of its own; the main timeline has the room's current one. Chat,
attachments, web, export and history all ask here, so a file sent with a caption inside a
thread lands in the same conversation as the caption's answer.
"""

from __future__ import annotations

from bot.context import Ctx
from storage.conversations import Conversation

TITLE_CHARS = 60


def make_title(text: str) -> str:
    """A provisional title: the first words of the question (or the file's name)."""
    line = " ".join(text.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


def room_owner(ctx: Ctx) -> str | None:
    """The agent a direct message belongs to; group rooms have no owner."""
    return ctx.sender if ctx.room_kind == "dm" else None


def belongs_here(ctx: Ctx, conversation: Conversation) -> bool:
    """A conversation belongs to a person: in a DM only its owner's are theirs; in a group
    room only the room's shared ones, never a conversation someone had there in private."""
    owner = room_owner(ctx)
    if owner is not None:
        return conversation.user_id == owner
    return conversation.user_id is None and conversation.room_id == ctx.room_id


async def conversation_of(ctx: Ctx) -> Conversation | None:
    """The conversation the event belongs to, if it exists yet (and is the sender's to use)."""
    conversations = ctx.services.conversations
    if ctx.thread_root:
        found = await conversations.for_thread(ctx.room_id, ctx.thread_root, room_owner(ctx))
    else:
        found = await conversations.current(ctx.room_id)
    return found if found is not None and belongs_here(ctx, found) else None


async def conversation_for_event(ctx: Ctx, title_from: str) -> int:
    """The event's conversation, created (titled from `title_from`) when it is the first."""
    services = ctx.services
    owner = room_owner(ctx)
    await services.rooms.upsert(ctx.room_id, ctx.room_kind, owner)
    existing = await conversation_of(ctx)
    if existing is not None:
        return existing.id
    if not ctx.thread_root:  # created with its title, in one trip
        return await services.conversations.create(
            ctx.room_id, owner, title=make_title(title_from)
        )
    conversation_id = await services.conversations.thread_conversation(
        ctx.room_id, owner, ctx.thread_root
    )
    await services.conversations.set_title_if_missing(conversation_id, make_title(title_from))
    return conversation_id
