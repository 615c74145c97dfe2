"""Whole-document summaries ("Résume ce document", `!resumer`): every passage of the document is
read by the model in batches (map), the partial summaries are merged (collapsed when they do not
fit the model's window) and the answer pipeline writes the final summary from them (reduce),
with page references, progress lines, a deadline, and every token counted against the agent's
quota.

Planning (passages -> batches, page ranges) is pure and tested on its own; the engine sends the
map calls through the runtime's fair queue, a few at a time, so other agents keep their turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
import unicodedata
from collections.abc import Coroutine, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.answer import context_budget
from bot.context import AnswerGuard, Ctx, ModelUsage, Turn, UserError
from bot.llm import ChatMessage, Completion, LLMError
from bot.llm_queue import QueueFull
from handlers.attachments import texts
from handlers.attachments.config import AttachmentsConfig
from storage.documents import Chunk, Document

log = logging.getLogger(__name__)

# Set while a summary's answer is prepared: the ordinary passages hook stays out of it.
_summarising: ContextVar[bool] = ContextVar("summarising", default=False)

# Rounds of merging partial summaries that do not fit the model's window at once.
MAX_COLLAPSE_ROUNDS = 3
# Share of the model's prompt budget a batch or the merged summaries may take: the rest is the
# instructions, the chat template and the estimate's error.
PROMPT_SHARE = 0.7
CHARS_PER_TOKEN = 3  # as bot.answer.estimate_tokens counts (generous for French prose)


def summarising() -> bool:
    return _summarising.get()


# Recognition ----------------------------------------------------------------------------------

MAX_REQUEST_CHARS = 200  # longer messages are questions (or pasted text), not a bare request
_SUMMARY_WORD = re.compile(r"\b(?:resum\w*|synthes\w*|synthetis\w*)\b")
_DOCUMENT_WORD = re.compile(
    r"\b(?:document|doc|fichier|pdf|docx|odt|texte|rapport|piece jointe|pj|circulaire|"
    r"note|annexe|presentation|diaporama|tableau|contenu|ensemble|tout|page|chapitre)s?\b"
)
# "les pages 10 à 30", "p. 12-14", "la page 3" (accents already gone: "à" is "a").
_PAGES = re.compile(
    r"\b(?:pages?|p\.?)\s*(\d{1,5})(?:\s*(?:a|-|–|au|jusqu'a)\s*(?:la\s+)?(?:page\s+|p\.\s*)?"
    r"(\d{1,5}))?\b"
)
_PRONOUN = re.compile(r"\b(?:resume[rz]?|synthetise[rz]?)[- ](?:le|la|les|moi[- ]le|moi[- ]la)\b")
_BARE = re.compile(
    r"^(?:(?:peux|pourrais|pouvez|pourriez)[- ](?:tu|vous) |merci de |stp |svp )?"
    r"(?:(?:me |m')?(?:resume[rz]?|synthetise[rz]?)|(?:un |une |le |la )?(?:resume|synthese))"
    r"(?: (?:stp|svp|s'il (?:te|vous) plait))?$"
)
_PASTED = re.compile(r":\s*\S.{40,}")  # "Résume ce texte : <the text>" quotes its own material


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\u00a0\u202f]+", " ", re.sub(r"[?!.…]+", " ", plain)).strip()


def is_summary_request(text: str) -> bool:
    """ "Résume ce document", "Fais-moi une synthèse du PDF", "résume-le", "Résumé ?": a request
    for a summary of the attached document (not a question that mentions a summary)."""
    if not text or len(text) > MAX_REQUEST_CHARS or _PASTED.search(text):
        return False
    plain = _normalise(text)
    if not _SUMMARY_WORD.search(plain):
        return False
    return bool(_DOCUMENT_WORD.search(plain) or _PRONOUN.search(plain) or _BARE.match(plain))


def requested_pages(text: str) -> tuple[int, int] | None:
    """The pages a summary request names ("résume les pages 10 à 30"), first and last."""
    if len(text) > MAX_REQUEST_CHARS:
        return None
    found = _PAGES.search(_normalise(text))
    if found is None:
        return None
    first = int(found.group(1))
    last = int(found.group(2)) if found.group(2) else first
    return (min(first, last), max(first, last))


def within(pieces: Sequence[Piece], pages: tuple[int, int]) -> list[Piece]:
    return [p for p in pieces if p.page is not None and pages[0] <= p.page <= pages[1]]


# Planning -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A passage as the summary reads it: where it comes from, and its text."""

    page: int | None
    section: str | None
    text: str

    @property
    def label(self) -> str:
        if self.page is not None:
            return f"p.\u00a0{self.page}"
        return self.section or ""


@dataclass(frozen=True)
class Part:
    """Consecutive passages (a batch), or a partial summary of them: the pages it covers."""

    first: int | None
    last: int | None
    text: str

    @property
    def pages(self) -> str:
        return page_range(self.first, self.last)


def page_range(first: int | None, last: int | None) -> str:
    """ "p. 12", "p. 12–14" (an en dash, a no-break space), or "" without pages."""
    if first is None or last is None:
        return ""
    if first == last:
        return f"p.\u00a0{first}"
    return f"p.\u00a0{first}–{last}"


def group(sizes: Sequence[int], limit: int) -> list[range]:
    """Consecutive indexes grouped greedily so that each group's sizes add up to at most
    `limit` (a single item larger than `limit` makes a group of its own)."""
    groups: list[range] = []
    start = 0
    used = 0
    for index, size in enumerate(sizes):
        if index > start and used + size > limit:
            groups.append(range(start, index))
            start, used = index, 0
        used += size
    if start < len(sizes):
        groups.append(range(start, len(sizes)))
    return groups


@dataclass(frozen=True)
class Plan:
    batches: list[list[Piece]]
    limit: int  # characters per batch
    complete: bool  # False: the document is longer than max_batches batches can hold


def plan(pieces: Sequence[Piece], target: int, ceiling: int, max_batches: int) -> Plan:
    """Batches of consecutive passages of about `target` characters; when that makes more than
    `max_batches`, larger batches (up to `ceiling`, what the model's window takes); when even
    those are too many, the first `max_batches` of them (`complete` False)."""
    sizes = [len(p.text) for p in pieces]
    total = sum(sizes)
    ceiling = max(1, ceiling)
    limit = min(max(target, 1), ceiling)
    groups = group(sizes, limit)
    if len(groups) > max_batches:
        # The smallest limit that could do it, then up while greedy packing needs more.
        limit = min(ceiling, max(limit, -(-total // max_batches)))
        groups = group(sizes, limit)
        while len(groups) > max_batches and limit < ceiling:
            limit = min(ceiling, limit + max(1, limit // 20))
            groups = group(sizes, limit)
    complete = len(groups) <= max_batches
    batches = [[pieces[i] for i in g] for g in groups[:max_batches]]
    return Plan(batches, limit, complete)


def span(pieces: Sequence[Piece]) -> tuple[int | None, int | None]:
    pages = [p.page for p in pieces if p.page is not None]
    return (min(pages), max(pages)) if pages else (None, None)


def covered_ranges(parts: Sequence[tuple[int | None, int | None]]) -> list[tuple[int, int]]:
    """The pages the parts cover, as sorted, merged ranges (adjacent pages join)."""
    spans = sorted((a, b) for a, b in parts if a is not None and b is not None)
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def batch_text(filename: str, pieces: Sequence[Piece]) -> str:
    """One batch as the model reads it: each passage behind its page."""
    first, last = span(pieces)
    where = page_range(first, last)
    header = f"« {filename} »" + (f", {where}" if where else "")
    body = "\n\n".join(f"[{p.label}] {p.text}" if p.label else p.text for p in pieces)
    return f"<document>\n{header}\n\n{body}\n</document>"


def parts_text(parts: Sequence[Part]) -> str:
    """Partial summaries as the model reads them: each behind the pages it covers."""
    blocks = []
    for index, part in enumerate(parts, start=1):
        where = part.pages or f"partie {index}"
        blocks.append(f"[{where}]\n{part.text}")
    return "<resumes>\n" + "\n\n".join(blocks) + "\n</resumes>"


# The engine -----------------------------------------------------------------------------------


async def _ignore(text: str) -> None:
    return None


@dataclass
class Spent:
    """The model calls of one summary's map and merge steps, recorded as one usage."""

    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    waited: float = 0.0
    busy: float = 0.0
    admitted_at: datetime | None = None

    def add(self, completion: Completion, messages: Sequence[ChatMessage], waited: float) -> None:
        self.calls += 1
        tokens_in = completion.tokens_in
        if tokens_in is None:
            tokens_in = sum(len(str(m.get("content", ""))) // 3 + 1 for m in messages)
        tokens_out = completion.tokens_out
        if tokens_out is None:
            tokens_out = len(completion.text) // 3 + 1
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out
        self.waited += waited
        self.busy += completion.total


@dataclass
class Summary:
    """One summary being prepared: `prepare` is the answer's turn hook (map and merge steps);
    `record` counts what those steps used, once the answer is over."""

    ctx: Ctx
    config: AttachmentsConfig
    document: Document
    pieces: list[Piece]
    pages: tuple[int, int] | None = None  # the pages asked for, when not the whole document
    spent: Spent = field(default_factory=Spent)
    plan: Plan | None = None
    timed_out: bool = False
    _guard: AnswerGuard | None = None
    _model: str = ""
    _shown_step: int = -1
    _shown_at: float = float("-inf")
    _status_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _results: list[Part | None] = field(default_factory=list)  # by batch, None: not read
    _deadline_at: float = 0.0  # event-loop time by which the reading ends

    async def prepare(self, ctx: Ctx, turn: Turn) -> None:
        services = ctx.services
        started = time.monotonic()
        self._deadline_at = asyncio.get_running_loop().time() + self.config.summary_deadline
        user = await services.users.ensure(ctx.sender)
        self._model = user.model or services.config.llm.model
        info = await services.llm.model_info(self._model)
        llm_config = services.config.llm
        budget = context_budget(
            info.max_context_length if info else None,
            llm_config.max_tokens,
            llm_config.context_budget,
        )
        window_chars = int(budget * CHARS_PER_TOKEN * PROMPT_SHARE)
        ceiling = min(self.config.summary_max_batch_chars, window_chars)
        self.plan = plan(
            self.pieces, self.config.summary_batch_chars, ceiling, self.config.summary_max_batches
        )
        # The same guard for every map call: one set of placeholders for the whole document.
        self._guard = await services.extensions.guard.for_question(ctx, turn.question)
        batches = self.plan.batches
        log.info(
            "event %s: summary of document %d, %d passages in %d batches of at most %d chars "
            "(complete plan %s)",
            ctx.event_id,
            self.document.id,
            len(self.pieces),
            len(batches),
            self.plan.limit,
            self.plan.complete,
        )
        await turn.status(
            texts.summary_started(self.document.filename, self._page_count(), self._asked())
        )
        parts = await self._stoppable(ctx, self._read(turn, batches, window_chars))
        read = [(r.first, r.last) for r in self._results if r is not None]
        turn.instructions.append(
            texts.summary_instructions(self.document.filename, self.document.pages, self._asked())
        )
        turn.material.append(parts_text(parts))
        turn.footers.append(self._footer(read, len(batches)))
        log.info(
            "event %s: summary map done, %d calls, %d+%d tokens, %.2f s",
            ctx.event_id,
            self.spent.calls,
            self.spent.tokens_in,
            self.spent.tokens_out,
            time.monotonic() - started,
        )
        await turn.status(texts.SUMMARY_WRITING)

    async def _read(self, turn: Turn, batches: list[list[Piece]], window_chars: int) -> list[Part]:
        parts = await self._map(turn, batches)
        return await self._collapse(parts, window_chars)

    async def _stoppable(self, ctx: Ctx, reading: Coroutine[Any, Any, list[Part]]) -> list[Part]:
        """The reading, ended at once (its model calls cancelled) when the agent stops the
        answer (`!stop`): the pipeline then shows the answer as stopped."""
        in_flight = ctx.services.in_flight.get(ctx.room_id)
        if in_flight is None or in_flight.event_id != ctx.event_id:
            return await reading
        return await in_flight.run(reading)

    # Map -------------------------------------------------------------------------------------

    async def _map(self, turn: Turn, batches: list[list[Piece]]) -> list[Part]:
        self._results = [None] * len(batches)
        gate = asyncio.Semaphore(self.config.summary_parallel)
        done = 0

        async def one(index: int, batch: list[Piece]) -> None:
            nonlocal done
            async with gate:
                first, last = span(batch)
                text = await self._call(
                    texts.SUMMARY_MAP_INSTRUCTIONS,
                    batch_text(self.document.filename, batch) + "\n\n" + texts.SUMMARY_MAP_ASK,
                )
                self._results[index] = Part(first, last, text)
                done += 1
            await self._progress(turn, done, len(batches))

        try:
            async with asyncio.timeout_at(self._deadline_at):
                async with asyncio.TaskGroup() as tasks:
                    for index, batch in enumerate(batches):
                        tasks.create_task(one(index, batch))
        except TimeoutError:
            self.timed_out = True
            log.warning(
                "event %s: summary stopped at its deadline, %d of %d batches read",
                self.ctx.event_id,
                done,
                len(batches),
            )
        except BaseExceptionGroup as group:
            raise _first_error(group) from None
        parts = [p for p in self._results if p is not None]
        if not parts:
            raise UserError(texts.SUMMARY_TOO_SLOW)
        return parts

    async def _collapse(self, parts: list[Part], window_chars: int) -> list[Part]:
        """Partial summaries merged, a few at a time, until they fit the final answer's prompt;
        by the deadline (plus a fifth of it, when the reading took it all), or they are cut."""
        gate = asyncio.Semaphore(self.config.summary_parallel)
        loop = asyncio.get_running_loop()
        until = max(self._deadline_at, loop.time() + self.config.summary_deadline / 5)
        try:
            async with asyncio.timeout_at(until):
                return await self._merge_rounds(parts, window_chars, gate)
        except TimeoutError:
            log.warning("event %s: summary merge stopped at its deadline", self.ctx.event_id)
        return _cut(parts, window_chars)

    async def _merge_rounds(
        self, parts: list[Part], window_chars: int, gate: asyncio.Semaphore
    ) -> list[Part]:
        for _ in range(MAX_COLLAPSE_ROUNDS):
            if len(parts) <= 1 or len(parts_text(parts)) <= window_chars:
                return parts
            groups = group([len(p.text) + 40 for p in parts], window_chars)
            if len(groups) >= len(parts):  # each summary alone fills the window
                break

            async def merge(members: list[Part]) -> Part:
                if len(members) == 1:
                    return members[0]
                async with gate:
                    text = await self._call(
                        texts.SUMMARY_MERGE_INSTRUCTIONS,
                        parts_text(members) + "\n\n" + texts.SUMMARY_MERGE_ASK,
                    )
                firsts = [m.first for m in members if m.first is not None]
                lasts = [m.last for m in members if m.last is not None]
                return Part(min(firsts, default=None), max(lasts, default=None), text)

            try:
                async with asyncio.TaskGroup() as tasks:
                    merged = [tasks.create_task(merge([parts[i] for i in g])) for g in groups]
            except BaseExceptionGroup as exc_group:
                raise _first_error(exc_group) from None
            parts = [task.result() for task in merged]
        return _cut(parts, window_chars)

    async def _call(self, instructions: str, content: str) -> str:
        services = self.ctx.services
        assert self._guard is not None
        messages: list[ChatMessage] = [
            {"role": "system", "content": instructions},
            {"role": "user", "content": content},
        ]
        messages = await self._guard.protect(messages)
        queued = time.monotonic()
        try:
            async with services.llm_queue.slot(self.ctx.sender):
                if self.spent.admitted_at is None:
                    self.spent.admitted_at = services.clock()
                waited = time.monotonic() - queued
                completion = await services.llm.stream_chat(messages, self._model, _ignore)
        except QueueFull:
            raise UserError(texts.SUMMARY_BUSY) from None
        self.spent.add(completion, messages, waited)
        return self._guard.restore(completion.text).strip()

    async def _progress(self, turn: Turn, done: int, total: int) -> None:
        """ "Lecture du document : 40 %…", by steps of 10 %, at most one edit every few seconds."""
        percent = done * 100 // max(1, total)
        step = percent // 10
        now = time.monotonic()
        spacing = 2 * self.ctx.services.config.llm.edit_interval
        if step <= self._shown_step or now - self._shown_at < spacing or done == total:
            return
        if self._status_lock.locked():
            return  # another batch is showing its line: this one is not worth waiting for
        async with self._status_lock:
            self._shown_step, self._shown_at = step, now
            await turn.status(texts.summary_progress(percent))

    def _asked(self) -> str:
        return page_range(*self.pages) if self.pages else ""

    def _page_count(self) -> int | None:
        """Pages summarised: the document's, or those of the range asked for that it has."""
        if self.pages is None:
            return self.document.pages
        return len({p.page for p in self.pieces if p.page is not None})

    def _footer(self, read: list[tuple[int | None, int | None]], batches: int) -> str:
        document = self.document
        assert self.plan is not None
        if self.plan.complete and not self.timed_out:
            return texts.summary_footer(
                document.filename, self._page_count(), batches, self._asked()
            )
        ranges = [page_range(a, b) for a, b in covered_ranges(read)]
        return texts.summary_partial_footer(
            document.filename, self._page_count(), ranges, timed_out=self.timed_out
        )

    async def record(self) -> None:
        """The map and merge calls, counted against the agent's quota as one request."""
        spent = self.spent
        if not spent.calls or spent.admitted_at is None:
            return
        await self.ctx.services.extensions.quota.record(
            self.ctx,
            ModelUsage(
                spent.admitted_at, spent.waited, spent.tokens_in, spent.tokens_out, spent.busy
            ),
        )


def _cut(parts: list[Part], window_chars: int) -> list[Part]:
    """Summaries that still do not fit (a tiny window, no time left): each cut to its share."""
    if len(parts_text(parts)) <= window_chars:
        return parts
    share = max(200, window_chars // max(1, len(parts)) - 40)
    return [Part(p.first, p.last, p.text[:share]) for p in parts]


def _first_error(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """What one failed batch raised (the model's error, a user error), for the answer pipeline."""
    leaves: list[BaseException] = []
    pending: list[BaseException] = [group]
    while pending:
        current = pending.pop(0)
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        else:
            leaves.append(current)
    for kind in (LLMError, UserError):
        for leaf in leaves:
            if isinstance(leaf, kind):
                return leaf
    return leaves[0] if leaves else group


def pieces_of(chunks: Sequence[Chunk]) -> list[Piece]:
    return [Piece(c.page, c.section, c.text) for c in chunks if c.text.strip()]


@contextlib.contextmanager
def summarising_now() -> Iterator[None]:
    token = _summarising.set(True)
    try:
        yield None
    finally:
        _summarising.reset(token)
