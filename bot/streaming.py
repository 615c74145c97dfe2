"""Showing an answer while the model writes it: a first message, paced edits, a final edit.

The first words go out at once, in a new message. Then every edit is a full event that each
client downloads (and that wakes every sync of the room), so edits are paced by time and size:
the k-th streamed edit of an answer waits `interval` × k seconds after the previous one (1 s,
then 2 s, then 3 s… with the default, capped at `max_interval`), and only goes out when enough
new text arrived to be worth an event. A 100-token answer at 20 tokens a second shows as one
message, two streamed edits and the final edit. Edits are also capped per message; the final
edit, with the rendering (HTML), always goes out. An answer longer than one message continues
in the next. Parts are chosen by the size of the event that will carry them (an edit carries its
text twice, as Markdown and as HTML, and encryption adds a third), under the spec's cap of
65,536 bytes; a part the homeserver still refuses as too large (413) is cut again, and the rest
of it continues in a new message.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from bot import texts
from bot.context import MatrixPort
from bot.events import EventTooLarge
from bot.eventsize import MAX_EVENT_BYTES
from bot.render import markdown_to_html, split_message

log = logging.getLogger(__name__)

# Parts measured (rendered, then sized) are remembered: while an answer streams in, the parts
# already complete are checked again at each edit and must not be rendered again.
_MEASURED = 256
# Texts this long are split in a thread: measuring renders each candidate part.
_SPLIT_INLINE_CHARS = 4000
# A part refused as too large is cut in halves; an answer gives up after this many refusals
# (a homeserver that refuses even small events has another problem).
MAX_REFUSALS = 16
# A streamed edit shows at least this many new characters (about two words): an edit for a
# word more is an event for nothing.
MIN_EDIT_CHARS = 12


class AnswerStreamer:
    def __init__(
        self,
        matrix: MatrixPort,
        room_id: str,
        *,
        interval: float,
        max_edits: int,
        max_interval: float | None = None,
        max_chars: int,
        resume_event_id: str | None = None,
        on_first_event: Callable[[str], Awaitable[None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        thread_root: str | None = None,
        txn_base: str | None = None,
        max_event_bytes: int = MAX_EVENT_BYTES,
    ) -> None:
        self.matrix = matrix
        self.room_id = room_id
        self.interval = interval  # before the first streamed edit; the k-th waits k times it
        self.max_interval = max(interval, max_interval if max_interval is not None else interval)
        self.max_edits = max_edits
        self.max_chars = max_chars  # an upper bound; the event's size decides first
        self.max_event_bytes = max_event_bytes
        self._on_first_event = on_first_event
        self._clock = clock
        self.thread_root = thread_root  # every message of the answer goes in this thread
        # Message N of the answer is sent with transaction id "<base>.N": sent again after a
        # crash, it is the same event for the homeserver, not a second copy. A send refused as
        # too large creates nothing (Synapse does not keep failed transactions), so the same id
        # serves for the smaller part sent instead.
        self.txn_base = txn_base
        # One entry per message of the answer: its event id, what it shows now, its edits, and
        # whether that is the final rendering (with its HTML).
        self.event_ids: list[str] = [resume_event_id] if resume_event_id else []
        self._shown: list[str] = [""] if resume_event_id else []
        self._edits: list[int] = [0] if resume_event_id else []
        self._final: list[bool] = [False] if resume_event_id else []
        self._resumed = resume_event_id is not None
        self._measured: OrderedDict[str, tuple[bool, str]] = OrderedDict()
        self._smaller: dict[str, list[str]] = {}  # a part refused as too large: its pieces
        self.refusals = 0
        self._last_edit = 0.0
        # Pacing: the answer's first words are shown at once (also over a status line, or after
        # a retry), then streamed displays wait longer and longer.
        self._first_words_due = True
        self._streamed = 0  # streamed displays since the first words
        self._shown_chars = 0  # length of the text at the last streamed display
        self._answer_started = False
        self.edits_sent = 0
        self.first_visible_at: float | None = None

    @property
    def first_event_id(self) -> str | None:
        return self.event_ids[0] if self.event_ids else None

    # Measuring and splitting ---------------------------------------------------------------

    def _measure(self, part: str) -> tuple[bool, str]:
        """(whether the final edit showing `part` fits under the cap, its HTML)."""
        known = self._measured.get(part)
        if known is not None:
            self._measured.move_to_end(part)
            return known
        html = markdown_to_html(part)
        size = self.matrix.text_event_size(self.room_id, part, html)
        known = (size <= self.max_event_bytes, html)
        self._measured[part] = known
        if len(self._measured) > _MEASURED:
            self._measured.popitem(last=False)
        return known

    def _fits(self, part: str) -> bool:
        return self._measure(part)[0]

    def _html(self, part: str) -> str:
        known = self._measured.get(part)
        return known[1] if known is not None else markdown_to_html(part)

    def _split(self, text: str, footer: str | None) -> list[str]:
        parts = split_message(text, self.max_chars, self._fits) or [text.strip()]
        if footer:
            last = parts[-1] + "\n\n" + footer
            if len(last) <= self.max_chars and self._fits(last):
                parts[-1] = last
            else:
                parts += split_message(footer, self.max_chars, self._fits)
        return [piece for part in parts for piece in self._pieces(part)]

    def _pieces(self, part: str, depth: int = 0) -> list[str]:
        smaller = self._smaller.get(part)
        if smaller is None or depth > MAX_REFUSALS:
            return [part]
        return [piece for cut in smaller for piece in self._pieces(cut, depth + 1)]

    async def _parts(self, text: str, footer: str | None = None) -> list[str]:
        """The answer's parts, one per message, each fitting in its event."""
        if len(text) <= _SPLIT_INLINE_CHARS:
            return self._split(text, footer)
        # Rendering is pure Python: in a thread the event loop keeps its turns.
        return await asyncio.to_thread(self._split, text, footer)

    def _refused(self, part: str, exc: EventTooLarge) -> None:
        """`part` was refused as too large (measured here, or by the homeserver's 413): it is
        cut in halves or smaller, and the answer goes on from there."""
        self.refusals += 1
        if self.refusals > MAX_REFUSALS or len(part) < 2:
            raise exc
        log.warning(
            "a part of an answer in %s was refused as too large (%d bytes measured, HTTP %s): "
            "cut again",
            self.room_id,
            exc.size,
            exc.status,
        )
        self._smaller[part] = split_message(part, max(1, len(part) // 2), self._fits)

    # Sending ---------------------------------------------------------------------------------

    async def _send(self, body: str, html: str | None = None) -> str:
        txn_id = f"{self.txn_base}.{len(self.event_ids)}" if self.txn_base else None
        event_id = await self.matrix.send_text(
            self.room_id, body, html, thread_root=self.thread_root, txn_id=txn_id
        )
        if self.first_visible_at is None:
            self.first_visible_at = self._clock()
        if not self.event_ids and self._on_first_event is not None:
            await self._on_first_event(event_id)
        self.event_ids.append(event_id)
        self._shown.append(body)
        self._edits.append(0)
        self._final.append(html is not None)
        return event_id

    async def _edit(self, index: int, body: str, html: str | None = None) -> None:
        if self._shown[index] == body and html is None:
            return
        await self.matrix.edit(self.room_id, self.event_ids[index], body, html)
        if self.first_visible_at is None:
            self.first_visible_at = self._clock()
        self._shown[index] = body
        self._final[index] = html is not None
        self._edits[index] += 1
        self.edits_sent += 1

    async def _show_final(self, index: int, part: str) -> None:
        """Message `index` shows `part` in its final rendering (sent, or edited if needed)."""
        if index < len(self.event_ids):
            if not (self._final[index] and self._shown[index] == part):
                await self._edit(index, part, self._html(part))
        else:
            await self._send(part, self._html(part))
            if self._resumed and self.txn_base:
                # Sent before a stop with this transaction id, the message is that first event,
                # which may show an unfinished text: the final rendering goes out as an edit.
                self._final[index] = False
                await self._edit(index, part, self._html(part))

    async def _finalise(self, text: str, footer: str | None, *, complete: bool) -> list[str]:
        """Give every complete part its final rendering (all of them when `complete`), cutting
        again any part refused as too large. The parts, as shown."""
        while True:
            parts = await self._parts(text, footer)
            done = len(parts) if complete else len(parts) - 1
            index = 0
            try:
                for index in range(done):
                    await self._show_final(index, parts[index])
            except EventTooLarge as exc:
                self._refused(parts[index], exc)
                continue
            return parts

    # The answer's life -------------------------------------------------------------------------

    def due(self) -> bool:
        """Whether the next streamed display's time has come (the first words always are): a
        cheap check, for callers that prepare the text before `update`."""
        if self._first_words_due:
            return True
        wait = min(self.interval * (self._streamed + 1), self.max_interval)
        return self._clock() - self._last_edit >= wait

    async def update(self, text: str) -> None:
        """Called with the whole text so far after each chunk of the stream."""
        self._answer_started = True
        if not self.due() or (
            not self._first_words_due and len(text) - self._shown_chars < MIN_EDIT_CHARS
        ):
            return  # nothing to show before the next edit: no need to split either
        now = self._clock()
        first_words = self._first_words_due
        # Parts that are complete get their final rendering once, then a new message starts.
        parts = await self._finalise(text, None, complete=False)
        index = len(parts) - 1
        current = parts[index] + " " + texts.TYPING_PLACEHOLDER
        try:
            if index >= len(self.event_ids):
                await self._send(current)
            elif self._edits[index] < self.max_edits - 1:
                # Keep one edit in reserve per message: the final rendering always goes out.
                await self._edit(index, current)
        except EventTooLarge as exc:
            # Only the final rendering matters: it is measured and cut again if need be.
            log.warning("a streamed edit in %s was refused as too large: %s", self.room_id, exc)
        self._last_edit = now
        self._shown_chars = len(text)
        self._first_words_due = False
        if not first_words:
            self._streamed += 1

    async def status(self, line: str) -> None:
        """A progress line ("Recherche : …") shown in the answer's message before it starts."""
        if self._answer_started:
            return  # the answer itself is showing: never overwrite it with a status
        if not self.event_ids:
            await self._send(line)
        else:
            await self._edit(0, line)
        self._last_edit = self._clock()

    async def reset(self, notice: str = texts.RETRYING) -> None:
        """A failed attempt is being retried: show that, and start over in the same message."""
        if self.event_ids:
            await self._edit(0, notice)
            self._shown[0] = ""
        self._first_words_due = True  # the new attempt's first words show at once
        self._streamed = 0
        self._shown_chars = 0

    async def finish(self, text: str, footer: str | None = None) -> None:
        """The final rendering: the whole answer, as Markdown-rendered HTML."""
        parts = await self._finalise(text, footer, complete=True)
        # Messages left over from a longer failed attempt must not keep stale text.
        for index in range(len(parts), len(self.event_ids)):
            await self._edit(index, texts.ANSWER_SUPERSEDED, None)

    async def interrupt(self, notice: str) -> None:
        """Shutdown mid-answer: keep what was shown, say it will resume (in this same message)."""
        index = len(self.event_ids) - 1
        shown = self._shown[index].removesuffix(" " + texts.TYPING_PLACEHOLDER)
        body = f"{shown}\n\n{notice}" if shown else notice
        try:
            await self._edit(index, body, markdown_to_html(body))
        except EventTooLarge:
            await self._edit(index, body)  # its streamed form fitted: without HTML, so does this

    async def fail(self, message: str) -> None:
        """Replace what was shown by an apology, or send it if nothing was shown yet."""
        if self.event_ids:
            await self._edit(0, message, markdown_to_html(message))
        else:
            await self._send(message, markdown_to_html(message))
