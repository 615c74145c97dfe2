"""Showing an answer while the model writes it: a first message, throttled edits, a final edit.

Edits are throttled (one per `interval` seconds) and capped per message, since every edit is a
full event that each client must download; the final edit always goes out. An answer longer than
one message continues in the next.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from bot import texts
from bot.context import MatrixPort
from bot.render import markdown_to_html, split_message

log = logging.getLogger(__name__)


class AnswerStreamer:
    def __init__(
        self,
        matrix: MatrixPort,
        room_id: str,
        *,
        interval: float,
        max_edits: int,
        max_chars: int,
        resume_event_id: str | None = None,
        on_first_event: Callable[[str], Awaitable[None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        thread_root: str | None = None,
        txn_base: str | None = None,
    ) -> None:
        self.matrix = matrix
        self.room_id = room_id
        self.interval = interval
        self.max_edits = max_edits
        self.max_chars = max_chars
        self._on_first_event = on_first_event
        self._clock = clock
        self.thread_root = thread_root  # every message of the answer goes in this thread
        # Message N of the answer is sent with transaction id "<base>.N": sent again after a
        # crash, it is the same event for the homeserver, not a second copy.
        self.txn_base = txn_base
        # One entry per message of the answer: its event id and what it shows now.
        self.event_ids: list[str] = [resume_event_id] if resume_event_id else []
        self._shown: list[str] = [""] if resume_event_id else []
        self._edits: list[int] = [0] if resume_event_id else []
        self._frozen = 0  # messages before this index hold their final text already
        self._last_edit = 0.0
        self._answer_started = False
        self.edits_sent = 0
        self.first_visible_at: float | None = None

    @property
    def first_event_id(self) -> str | None:
        return self.event_ids[0] if self.event_ids else None

    async def _send(self, body: str, html: str | None = None) -> str:
        txn_id = f"{self.txn_base}.{len(self.event_ids)}" if self.txn_base else None
        event_id = await self.matrix.send_text(
            self.room_id, body, html, thread_root=self.thread_root, txn_id=txn_id
        )
        if not self.event_ids and self._on_first_event is not None:
            await self._on_first_event(event_id)
        if self.first_visible_at is None:
            self.first_visible_at = self._clock()
        self.event_ids.append(event_id)
        self._shown.append(body)
        self._edits.append(0)
        return event_id

    async def _edit(self, index: int, body: str, html: str | None = None) -> None:
        if self._shown[index] == body and html is None:
            return
        await self.matrix.edit(self.room_id, self.event_ids[index], body, html)
        if self.first_visible_at is None:
            self.first_visible_at = self._clock()
        self._shown[index] = body
        self._edits[index] += 1
        self.edits_sent += 1

    async def update(self, text: str) -> None:
        """Called with the whole text so far after each chunk of the stream."""
        self._answer_started = True
        parts = split_message(text, self.max_chars) if len(text) > self.max_chars else [text]
        # Parts that are complete get their final rendering once, then a new message starts.
        while self._frozen < len(parts) - 1:
            index = self._frozen
            final = parts[index]
            if index < len(self.event_ids):
                await self._edit(index, final, markdown_to_html(final))
            else:
                await self._send(final, markdown_to_html(final))
            self._frozen += 1
        index = len(parts) - 1
        current = parts[index] + " " + texts.TYPING_PLACEHOLDER
        if index >= len(self.event_ids):
            await self._send(current)
            self._last_edit = self._clock()
            return
        now = self._clock()
        # Keep one edit in reserve per message: the final rendering always goes out.
        if now - self._last_edit >= self.interval and self._edits[index] < self.max_edits - 1:
            await self._edit(index, current)
            self._last_edit = now

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
        self._frozen = 0

    async def finish(self, text: str, footer: str | None = None) -> None:
        """The final rendering: the whole answer, as Markdown-rendered HTML."""
        parts = split_message(text, self.max_chars) if len(text) > self.max_chars else [text]
        if footer:
            parts[-1] = parts[-1] + "\n\n" + footer
        for index, part in enumerate(parts):
            html = markdown_to_html(part)
            if index < len(self.event_ids):
                if index >= self._frozen or self._shown[index] != part:
                    await self._edit(index, part, html)
            else:
                await self._send(part, html)
        # Messages left over from a longer failed attempt must not keep stale text.
        for index in range(len(parts), len(self.event_ids)):
            await self._edit(index, texts.ANSWER_SUPERSEDED, None)

    async def interrupt(self, notice: str) -> None:
        """Shutdown mid-answer: keep what was shown, say it will resume (in this same message)."""
        index = len(self.event_ids) - 1
        shown = self._shown[index].removesuffix(" " + texts.TYPING_PLACEHOLDER)
        body = f"{shown}\n\n{notice}" if shown else notice
        await self._edit(index, body, markdown_to_html(body))

    async def fail(self, message: str) -> None:
        """Replace what was shown by an apology, or send it if nothing was shown yet."""
        if self.event_ids:
            await self._edit(0, message, markdown_to_html(message))
        else:
            await self._send(message, markdown_to_html(message))
