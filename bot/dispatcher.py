"""From Matrix events to handlers: the inbox, one worker per room, routing, the error boundary.

Every event the bot must act on is written to the inbox before the sync position moves past
it, and is marked done only once handled, so a restart loses nothing and repeats nothing. Each
room has its own worker task that takes the room's events in order: a slow answer in one room
never delays another room, and nio's sync loop never waits for the model.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import secrets
import time
from collections.abc import Coroutine, Iterable
from typing import Any

from bot import texts
from bot.commands import CommandTable, Router, normalize_name, parse_command
from bot.context import AnswerFailed, Ctx, Services, UserError
from bot.errors import new_ref
from bot.events import (
    REACTION_MSGTYPE,
    AccountUnusable,
    RoomKind,
    decode,
    encode_media,
    encode_reaction,
)
from bot.logs import event_context
from bot.matrix import (
    IncomingInvite,
    IncomingReaction,
    IncomingText,
    IncomingUndecryptable,
    MatrixClient,
)
from bot.tchap_ids import pills_to_text
from storage.inbox import InboxItem

log = logging.getLogger(__name__)

SYNC_TOKEN_KEY = "sync_token"
# Only these reactions are stored: feedback on answers and survey answers.
REACTION_KEYS = frozenset(
    {
        "👍",
        "👎",
        "🔟",
        *(f"{d}\ufe0f\u20e3" for d in range(10)),
        *(f"{d}\u20e3" for d in range(10)),
    }
)
# Attempts at one event, across restarts, before the bot apologises instead of trying again.
MAX_ATTEMPTS = 3
# `!stop` while an answer streams, or one of these reactions on it, stops it at once: handled on
# arrival, not queued behind the answer it stops. Without an answer in flight, `!stop` is
# queued like any command (a survey in progress takes it).
STOP_COMMAND = "stop"
STOP_REACTIONS = frozenset({"⏹", "❌", "🛑"})


def strip_mention(text: str, names: Iterable[str]) -> str:
    """'Assistant IA : bonjour' -> 'bonjour' (the pill's fallback text in group rooms)."""
    stripped = text.lstrip()
    for name in names:
        if name and stripped.lower().startswith(name.lower()):
            rest = stripped[len(name) :]
            if not rest or rest[0] in " :,\n\t":
                return rest.lstrip(" :,\n\t")
    return text


def _wants_receipt(item: InboxItem) -> bool:
    """A message (not a reaction, not a greeting) taken for the first time: the agent gets a
    read receipt for it."""
    return (
        item.kind == "message"
        and item.msgtype != REACTION_MSGTYPE
        and item.attempts == 0
        and item.event_id.startswith("$")
    )


def _kind(ctx: Ctx) -> str:
    return "command" if ctx.command is not None else "message"


class Dispatcher:
    def __init__(
        self,
        services: Services,
        routers: Iterable[Router],
        matrix: MatrixClient | None = None,
    ) -> None:
        self.services = services
        self.routers = list(routers)
        self.table = CommandTable(self.routers)
        services.doorbell.listen(self.kick)
        self._intercepts = [i for router in self.routers for i in router.intercepts]
        self.matrix = matrix  # the real client, for keys and joins; None in dispatcher tests
        self.bot_names: list[str] = [services.matrix.user_id]
        # The first sync of a brand-new bot returns old history: it must not be answered.
        self.initial_sync = False
        self.fatal: BaseException | None = None
        self.failed = asyncio.Event()
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._wake: dict[str, bool] = {}
        self._closing = False
        self._member_counts: dict[str, int] = {}
        self._to_kick: set[str] = set()
        # Room kinds already reconciled with the stored ones (see _note_room_change).
        self._known_kinds: dict[str, RoomKind] = {}

    @property
    def support_room_id(self) -> str | None:
        return self.services.support_room_id

    # Room kinds ------------------------------------------------------------------------

    def room_kind(self, room_id: str, member_count: int | None = None) -> RoomKind:
        if room_id == self.support_room_id:
            return RoomKind.SUPPORT
        if member_count is not None:
            self._member_counts[room_id] = member_count
        count = self._member_counts.get(room_id, 2)
        return RoomKind.DM if count <= 2 else RoomKind.GROUP

    async def _kind_of(self, room_id: str) -> RoomKind:
        """The room's kind for an event being handled: after a restart (an event resumed
        before the room was seen in a sync), the kind stored, not a guess."""
        if room_id != self.support_room_id and room_id not in self._member_counts:
            room = await self.services.rooms.get(room_id)
            if room is not None:
                return room.kind
        return self.room_kind(room_id)

    # EventSink -------------------------------------------------------------------------

    async def on_text(self, event: IncomingText) -> None:
        # Stored even while closing: the sync position may already include it.
        if self.initial_sync:
            return
        if self._is_stop(event) and await self._stop_in_flight(
            event.room_id, event.sender, event.event_id, event.origin_ts, event.msgtype
        ):
            return
        kind = self.room_kind(event.room_id, event.member_count)
        body = event.body
        if (
            kind == "support"
            and event.msgtype != "m.file"  # staff may upload a survey definition
            and not strip_mention(body, self.bot_names).lstrip().startswith("!")
        ):
            return
        if kind == "group" and not event.mentions_bot:
            return  # not for us: not even stored
        if kind == "support" and event.formatted_body:
            body = pills_to_text(event.formatted_body)  # staff commands name users by pills
        added = await self.services.inbox.add(
            event.event_id,
            event.room_id,
            event.sender,
            "message",
            body,
            event.origin_ts,
            msgtype=event.msgtype,
            media=encode_media(event.media),
            thread_root=event.thread_root,
            reply_to=event.reply_to,
        )
        if added:
            self.services.metrics.receive_lag.observe(
                max(0.0, time.time() - event.origin_ts / 1000)
            )
            log.info(
                "queued event %s in %s from %s (%s)",
                event.event_id,
                event.room_id,
                event.sender,
                kind,
            )
            # Workers start once the whole sync is stored: events fetched to fill a gap come
            # after the newer ones and must still be answered first.
            self._to_kick.add(event.room_id)

    async def on_reaction(self, event: IncomingReaction) -> None:
        if self.initial_sync:
            return
        # Skin tones (👍🏽) count as the plain emoji.
        key = (
            (event.key or "")
            .strip()
            .rstrip("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
        )
        if key in STOP_REACTIONS and event.relates_to:
            await self._stop_in_flight(
                event.room_id,
                event.sender,
                event.event_id,
                event.origin_ts,
                REACTION_MSGTYPE,
                on_event=event.relates_to,
            )
            return  # not on an answer in flight: nothing to record
        if key not in REACTION_KEYS:
            return  # a heart or a smile: nothing to record
        if self.room_kind(event.room_id, event.member_count) != "dm":
            return
        body = encode_reaction(key, event.relates_to)
        added = await self.services.inbox.add(
            event.event_id,
            event.room_id,
            event.sender,
            "message",
            body,
            event.origin_ts,
            msgtype=REACTION_MSGTYPE,
        )
        if added:
            log.info(
                "queued reaction %s in %s from %s", event.event_id, event.room_id, event.sender
            )
            self._to_kick.add(event.room_id)

    def _is_stop(self, event: IncomingText) -> bool:
        if event.msgtype not in ("m.text", "m.notice") or len(event.body) > 200:
            return False
        parsed = parse_command(strip_mention(event.body, self.bot_names))
        return parsed is not None and normalize_name(parsed[0]) == STOP_COMMAND

    async def _stop_in_flight(
        self,
        room_id: str,
        sender: str,
        event_id: str,
        origin_ts: int,
        msgtype: str,
        *,
        on_event: str | None = None,
    ) -> bool:
        """Stop the sender's answer streaming in the room (the one shown in `on_event`, for a
        reaction). The stop is stored as handled already: a restart does not replay it, and
        the room's order is untouched. False when there is no such answer."""
        in_flight = self.services.in_flight
        answer = in_flight.stoppable(room_id, sender, on_event)
        if answer is None:
            return False
        if not await self.services.inbox.add_handled(
            event_id, room_id, sender, origin_ts, msgtype
        ):
            return True  # seen before (a replayed sync): handled then
        how = "command" if on_event is None else "reaction"
        if in_flight.get(room_id) is answer:
            answer.stop(how)
            log.info(
                "stop %s in %s from %s reached the answer to %s at once (%s)",
                event_id,
                room_id,
                sender,
                answer.event_id,
                how,
            )
        elif on_event is None:
            # The answer ended while the stop was stored: nothing left to stop.
            self.spawn(self.services.matrix.send_text(room_id, texts.NOTHING_TO_STOP, notice=True))
        if on_event is None:
            self.spawn(self.services.matrix.send_receipt(room_id, event_id, None))
        return True

    async def on_invite(self, invite: IncomingInvite) -> None:
        if self.matrix is None or self._closing:
            return
        try:
            room_id = await self.matrix.join(invite.room_id)
        except AccountUnusable:
            raise
        except Exception as exc:
            log.warning(
                "could not join %s on invite from %s: %s", invite.room_id, invite.sender, exc
            )
            return
        kind = (
            "support"
            if room_id == self.support_room_id
            else ("dm" if invite.is_direct else "group")
        )
        await self.services.rooms.upsert(room_id, kind, invite.sender if kind == "dm" else None)
        log.info("joined %s (%s) on invite from %s", room_id, kind, invite.sender)
        if kind in ("dm", "group"):  # a group room hears that the bot answers mentions only
            if kind == "dm":
                self._member_counts[room_id] = 2
            added = await self.services.inbox.add(
                f"greeting:{room_id}", room_id, invite.sender, "greeting", None, 0
            )
            if added:
                self.kick(room_id)

    async def on_undecryptable(self, event: IncomingUndecryptable) -> None:
        if self.initial_sync or self.matrix is None:
            return
        inbox = self.services.inbox
        if await inbox.get(event.event_id) is not None:
            return
        added = await inbox.add_undecrypted(
            event.event_id, event.room_id, event.sender, event.session_id, json.dumps(event.source)
        )
        if not added:
            return
        self.services.metrics.undecryptable_event()
        log.warning(
            "cannot decrypt event %s in %s from %s (session %s): key requested",
            event.event_id,
            event.room_id,
            event.sender,
            event.session_id,
        )
        matrix = self.matrix
        self.spawn(matrix.request_room_key(event.source))
        self.spawn(self.services.matrix.send_text(event.room_id, texts.UNDECRYPTABLE, notice=True))

    async def on_room_keys(self) -> None:
        self.spawn(self.retry_undecrypted())

    async def on_synced(self, next_batch: str) -> None:
        await self.services.state.set(SYNC_TOKEN_KEY, next_batch)
        self.initial_sync = False
        self.flush_kicks()

    def flush_kicks(self) -> None:
        rooms, self._to_kick = self._to_kick, set()
        for room_id in rooms:
            self.kick(room_id)

    async def retry_undecrypted(self) -> None:
        if self.matrix is None:
            return
        for pending in await self.services.inbox.undecrypted():
            incoming = await self.matrix.try_decrypt(json.loads(pending.source))
            if incoming is None:
                continue
            log.info(
                "decrypted event %s in %s after its key arrived", pending.event_id, pending.room_id
            )
            await self.services.inbox.remove_undecrypted(pending.event_id)
            await self.on_text(incoming)
            # Not flush_kicks(): a sync may be storing other rooms' events right now.
            self.kick(pending.room_id)

    # Workers ---------------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run a side task (a notice, a key request) without holding up the sync loop."""
        self.services.tasks.spawn(coro)

    def kick(self, room_id: str) -> None:
        """Make sure the room's worker runs: it drains the room's pending events in order."""
        if self._closing:
            return
        self._wake[room_id] = True
        worker = self._workers.get(room_id)
        if worker is None or worker.done():
            self._workers[room_id] = asyncio.create_task(
                self._drain(room_id), name=f"room-worker {room_id}"
            )

    async def drained(self) -> None:
        """Until every room worker has nothing left to do (tests and benchmarks use it)."""
        while True:
            workers = [w for w in self._workers.values() if not w.done()]
            if not workers:
                return
            await asyncio.gather(*workers, return_exceptions=True)

    async def resume_pending(self) -> None:
        """After a restart: answer what arrived or was in progress before."""
        for room_id in await self.services.inbox.rooms_with_pending():
            self.kick(room_id)

    async def _drain(self, room_id: str) -> None:
        inbox = self.services.inbox
        while not self._closing:
            self._wake[room_id] = False
            item = await inbox.next_pending(room_id)
            if item is None:
                if self._wake.get(room_id):
                    continue  # something arrived while we looked
                break
            try:
                await self.process(item)
            except AccountUnusable as exc:
                self.fatal = exc
                self.failed.set()
                return
            if not self._wake.get(room_id) and inbox.nothing_else_pending(room_id):
                break  # the inbox knows there is nothing more: no read to find nothing
        self._workers.pop(room_id, None)

    async def process(self, item: InboxItem) -> None:
        """One event: its ids on every log line inside, a closing log line, its metrics."""
        token = event_context.set(
            {"event_id": item.event_id, "room_id": item.room_id, "user_id": item.sender}
        )
        metrics = self.services.metrics
        if item.origin_ts:
            metrics.queue_wait.observe(max(0.0, time.time() - item.origin_ts / 1000))
        if _wants_receipt(item):
            # Fire and forget: the answer's first token does not wait for it.
            self.spawn(
                self.services.matrix.send_receipt(item.room_id, item.event_id, item.thread_root)
            )
        started = time.monotonic()
        outcome = ("message", "cancelled")
        try:
            outcome = await self._process(item)
        finally:
            metrics.messages.labels(item.kind if item.kind == "greeting" else outcome[0]).inc()
            if outcome[1] != "ok":
                metrics.errors.labels(outcome[1]).inc()
            duration_ms = round((time.monotonic() - started) * 1000)
            log.info(
                "handled event %s in %s from %s: %s in %d ms",
                item.event_id,
                item.room_id,
                item.sender,
                outcome[1],
                duration_ms,
                extra={"duration_ms": duration_ms, "outcome": outcome[1]},
            )
            event_context.reset(token)

    async def _process(self, item: InboxItem) -> tuple[str, str]:
        """The error boundary: whatever happens, the user hears back and the loop goes on.

        Returns (kind, outcome) for metrics and logs: kind "command" or "message".
        """
        inbox = self.services.inbox
        ctx = Ctx(self.services, item, await self._kind_of(item.room_id), decode(item))
        if item.attempts >= MAX_ATTEMPTS:
            # Started this many times without finishing: it takes the process down with it.
            ref = new_ref()
            log.error("giving up on event %s in %s (ref %s)", item.event_id, item.room_id, ref)
            await ctx.reply(texts.gave_up(ref))
            await inbox.mark_failed(item.seq, ref)
            return "message", "gave_up"
        # The answer's transaction id base goes with the attempt: recorded before anything is
        # sent, in the same write.
        txn = item.answer_txn or f"answer.{secrets.token_hex(8)}"
        await inbox.start_attempt(item.seq, txn)
        ctx.item = dataclasses.replace(item, answer_txn=txn)
        outcome = "ok"
        try:
            await self._note_room_change(ctx)
            await self.route(ctx)
        except UserError as exc:
            outcome = "user_error"
            await ctx.reply(str(exc))
        except AnswerFailed as exc:
            await inbox.mark_failed(item.seq, exc.ref)
            return _kind(ctx), "answer_failed"
        except (AccountUnusable, asyncio.CancelledError):
            raise
        except Exception:
            ref = new_ref()
            log.exception(
                "handling event %s in %s failed (ref %s)", item.event_id, item.room_id, ref
            )
            try:
                await ctx.reply(texts.unexpected_error(ref))
            except Exception as exc:
                log.error("could not tell %s about error %s: %s", item.sender, ref, exc)
            await inbox.mark_failed(item.seq, ref)
            return _kind(ctx), "unexpected"
        await inbox.mark_done(item.seq)
        return _kind(ctx), outcome

    async def _note_room_change(self, ctx: Ctx) -> None:
        """A DM that gained members is a group room from now on: its owner's conversations stay
        theirs (no one else can list, resume or export them), the room gets a fresh shared one,
        and the room is told once, in words, what changed."""
        if ctx.room_kind != RoomKind.GROUP or self._known_kinds.get(ctx.room_id) == ctx.room_kind:
            return
        room = await self.services.rooms.get(ctx.room_id)
        self._known_kinds[ctx.room_id] = ctx.room_kind
        if room is None or room.kind != RoomKind.DM:
            return
        log.warning("room %s is no longer a DM (more than two members)", ctx.room_id)
        await self.services.rooms.upsert(ctx.room_id, RoomKind.GROUP, None)
        await self.services.rooms.set_current_conversation(ctx.room_id, None)
        await self.services.matrix.send_text(ctx.room_id, texts.DM_BECAME_GROUP, notice=True)

    async def route(self, ctx: Ctx) -> None:
        item = ctx.item
        if item.kind == "greeting":
            for handler in (h for router in self.routers for h in router.greetings):
                await handler(ctx)
            return
        ctx.text = strip_mention(item.body or "", self.bot_names)
        parsed = parse_command(ctx.text) if item.msgtype in ("m.text", "m.notice") else None
        command = None
        if parsed is not None:
            name, args = parsed
            command = self.table.find(name, ctx.room_kind)
            if command is None:
                is_admin = ctx.room_kind == "support" and await self.services.is_admin(ctx.sender)
                close = self.table.suggest(
                    name, ctx.room_kind, is_admin=is_admin, services=self.services
                )
                raise UserError(texts.unknown_command(name, close))
            if ctx.room_kind not in command.where:
                raise UserError(texts.COMMAND_NOT_HERE)
            if command.admin and not await self.services.is_admin(ctx.sender):
                log.warning("refused !%s from %s in %s", command.name, ctx.sender, ctx.room_id)
                raise UserError(texts.COMMAND_ADMINS_ONLY)
            ctx.command, ctx.args = command, args
        for intercept in self._intercepts:
            if await intercept(ctx):
                return
        if command is not None:
            await command.handler(ctx)
            return
        for route in (r for router in self.routers for r in router.messages):
            if ctx.room_kind in route.where and route.when(ctx):
                await route.handler(ctx)
                return

    async def shutdown(self, grace: float) -> None:
        """Stop taking events; let answers in flight finish for `grace` seconds, then cancel.

        A cancelled answer stays pending in the inbox and resumes, in place, at the next start.
        """
        self._closing = True
        workers = [w for w in self._workers.values() if not w.done()]
        if workers:
            _, pending = await asyncio.wait(workers, timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        await self.services.tasks.cancel_all()
