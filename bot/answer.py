"""The answer pipeline: a question answered by the model, streamed, in the event's
conversation, with the features' extension points around it.

In order: the privacy guard sees the question (it may hold it), the question is stored in the
event's conversation, the turn hooks add instructions and quoted material, the quota policy
admits the agent and the fair queue gives a model slot, the answer streams, is restored, shown
with its footers, stored, and the `answered` hooks (a generated title…) run in the background.
"""

from __future__ import annotations

import asyncio
import html
import logging
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from bot import texts
from bot.context import (
    Answered,
    AnswerFailed,
    Ctx,
    MatrixPort,
    ModelUsage,
    Turn,
    TurnHook,
    UserError,
)
from bot.conversation import conversation_for_event
from bot.errors import new_ref
from bot.events import MatrixError
from bot.inflight import InFlightAnswer, Stopped
from bot.llm import ChatMessage, Completion, LLMError
from bot.llm_queue import QueueFull
from bot.streaming import AnswerStreamer
from storage.conversations import AnswerStats, Message

log = logging.getLogger(__name__)

# The inbox's error_ref of a message refused because the fair queue was full.
QUEUE_REF = "AFFLUENCE"


def estimate_tokens(text: str) -> int:
    """A deliberately generous estimate (French averages about 3.5 characters a token)."""
    return len(text) // 3 + 4


def context_budget(max_context_length: int | None, max_tokens: int, fallback: int) -> int:
    """Tokens (estimated) the prompt may use with a model of `max_context_length` tokens: its
    window less the answer's `max_tokens` and a margin for the chat template and the estimate
    (generous for French prose, short for code or figures: 15 %); `fallback` (the configured
    budget) when the server does not say."""
    if max_context_length is None:
        return fallback
    margin = max(256, max_context_length * 15 // 100)
    return max(256, max_context_length - max_tokens - margin)


def build_messages(
    system_prompt: str,
    history: Sequence[Message],
    budget: int,
    material: Sequence[str] = (),
) -> list[ChatMessage]:
    """System prompt + the newest turns that fit `budget` tokens; the last turn always goes.

    `material` (document passages, web pages) goes before the last user turn, in that turn only.
    """
    kept: list[ChatMessage] = []
    used = estimate_tokens(system_prompt) + sum(estimate_tokens(m) for m in material)
    for message in reversed(history):
        content = message.content
        if message.stopped:  # the model learns its answer was cut short, not that it ended so
            stopped = texts.STOPPED_FOR_MODEL
            content = f"{content}\n\n{stopped}" if content.strip() else stopped
        cost = estimate_tokens(content)
        if kept and used + cost > budget:
            break
        kept.append({"role": message.role, "content": content})
        used += cost
    kept.reverse()
    # A conversation sent to the model starts with the user, never with a lone answer.
    while kept and kept[0]["role"] != "user":
        kept.pop(0)
    if material and kept and kept[-1]["role"] == "user":
        kept[-1] = {"role": "user", "content": "\n\n".join([*material, kept[-1]["content"]])}
    return [{"role": "system", "content": system_prompt}, *kept]


def with_images(messages: list[ChatMessage], images: Sequence[str]) -> list[ChatMessage]:
    """The last user turn as content parts: its text, then the images (OpenAI vision format)."""
    out = list(messages)
    for index in range(len(out) - 1, -1, -1):
        if out[index]["role"] == "user":
            parts: list[dict[str, object]] = [{"type": "text", "text": out[index]["content"]}]
            parts += [{"type": "image_url", "image_url": {"url": url}} for url in images]
            out[index] = {"role": "user", "content": parts}
            break
    return out


def system_prompt(ctx: Ctx, instructions: Sequence[str] = ()) -> str:
    config = ctx.services.config.llm
    parts = [config.system_prompt, *instructions, texts.system_prompt_date(ctx.services.clock())]
    return "\n\n".join(parts)


async def respond(ctx: Ctx, question: str, *, prepare: TurnHook | None = None) -> None:
    """Answer `question` with the model, streamed, in the event's conversation.

    Every feature's turn hooks run first (then `prepare`, for a command's own material): they
    add instructions, quoted material, footers and progress lines to the turn.
    """
    services = ctx.services
    extensions = services.extensions
    item = ctx.item
    # Personal-data guard: in block mode the message is held here, before anything is stored.
    guard = await extensions.guard.for_question(ctx, question)
    user = await services.users.ensure(ctx.sender)
    conversation_id = await conversation_for_event(ctx, question)
    # A resumed or retried event must not add the question twice (one guarded insert).
    await services.conversations.add_question(
        conversation_id, question, event_id=item.event_id, author=ctx.sender
    )
    model = user.model or services.config.llm.model
    llm_config = services.config.llm
    if item.answer_event_id is not None:
        stored = await services.conversations.message_by_event(item.answer_event_id)
        if stored is not None and stored.role == "assistant":
            # Stopped between storing the answer and its final edit: show it, ask nothing.
            await _finish_stored(ctx, item.answer_event_id, stored.content, stored.stopped)
            return

    async def remember_first_event(event_id: str) -> None:
        await services.inbox.set_answer_event(item.seq, event_id)

    txn_base = item.answer_txn
    if txn_base is None:  # recorded before anything is sent
        txn_base = f"answer.{secrets.token_hex(8)}"
        await services.inbox.set_answer_txn(item.seq, txn_base)
    streamer = _streamer(
        ctx, item.answer_event_id, on_first_event=remember_first_event, txn_base=txn_base
    )
    turn = Turn(question, conversation_id, status=streamer.status)
    thinking = [False]

    async def on_retry(error: LLMError) -> None:
        thinking[0] = False
        await streamer.reset()

    async def on_reasoning(chars: int) -> None:
        if not thinking[0]:  # one progress line: edits are few
            thinking[0] = True
            await streamer.status(texts.THINKING)

    started = time.monotonic()
    # Registered for its whole life: a stop that comes while documents are read or the agent
    # waits in the queue ends the answer as soon as the model would be asked.
    in_flight = services.in_flight.start(
        ctx.room_id, ctx.sender, item.event_id, streamer.event_ids
    )
    completion = Completion(model=model)
    progress = Completion(model=model)  # the text so far, if the agent stops the answer
    stopped = False
    # The typing notice goes out while the model is asked: one homeserver round trip less
    # before the first token.
    typing = _Typing(
        services.matrix,
        ctx.room_id,
        llm_config.typing_timeout,
        shown=lambda: bool(streamer.event_ids),
    )
    try:
        for hook in [*extensions.turn_hooks, *([prepare] if prepare else [])]:
            await hook(ctx, turn)
        history = await services.conversations.messages(conversation_id)
        first_exchange = not any(m.role == "assistant" for m in history)
        info = await services.llm.model_info(model)
        budget = context_budget(
            info.max_context_length if info else None,
            llm_config.max_tokens,
            llm_config.context_budget,
        )
        messages = build_messages(
            system_prompt(ctx, turn.instructions), history, budget, turn.material
        )
        messages = await guard.protect(messages)  # pseudonymised for the model, if configured
        if turn.images:
            messages = with_images(messages, turn.images)
        # Wrapped once the guard has seen the messages: it restores what it pseudonymised.
        shown = _Shown(guard.wrap(streamer.update), due=streamer.due)
        async with model_slot(ctx, streamer, in_flight) as slot:
            try:
                completion = await in_flight.run(
                    services.llm.stream_chat(
                        messages,
                        model,
                        shown,
                        on_retry,
                        on_reasoning=on_reasoning,
                        progress=progress,
                    )
                )
            except Stopped:
                # The stream is closed: the model generates nothing more. What was shown stays.
                stopped = True
                await shown.settle()
                completion = Completion(
                    text=progress.text, model=model, total=time.monotonic() - started
                )
            slot.done(completion, messages)
    except Stopped:
        stopped = True  # before the model was asked (in the queue, reading documents)
    except LLMError as exc:
        services.metrics.llm_failures.labels(exc.kind).inc()
        services.metrics.llm_failed(exc.kind)
        ref = new_ref()
        log.error(
            "no answer for event %s in %s after retries: %s (ref %s)",
            item.event_id,
            ctx.room_id,
            exc.kind,
            ref,
        )
        await streamer.fail(failure_text(exc, ref))
        raise AnswerFailed(ref) from exc
    except UserError as exc:
        if not streamer.event_ids:
            raise
        await streamer.fail(str(exc))  # a progress line was showing: the explanation replaces it
        return
    except asyncio.CancelledError:
        # Shutdown: the event stays pending and resumes in this same message at the next start.
        await _mark_interrupted(streamer)
        raise
    finally:
        services.in_flight.end(in_flight)
        await typing.end()

    if stopped:
        await _finish_stopped(
            ctx, conversation_id, streamer, guard.restore(completion.text), in_flight
        )
        return
    _record_answer(ctx, completion, streamer, started)
    answer_text = guard.restore(completion.text)  # the real values back, for the agent
    footers = [*turn.footers, *([guard.footer] if guard.footer else [])]
    # Stored before the final edit: once the agent sees the whole answer, it is in the history
    # (and a crash in between finishes the same message at the next start, see above).
    first_event = streamer.first_event_id
    message_id = await services.conversations.add_message(
        conversation_id,
        "assistant",
        answer_text,
        event_id=first_event,
        stats=AnswerStats(
            model=completion.model or model,
            tokens_in=completion.tokens_in,
            tokens_out=completion.tokens_out,
            latency_ms=round(completion.total * 1000),
            ttft_ms=round(completion.ttft * 1000) if completion.ttft is not None else None,
            cost=completion.footprint.cost if completion.footprint else None,
            kwh=completion.footprint.kwh if completion.footprint else None,
            kgco2eq=completion.footprint.kgco2eq if completion.footprint else None,
        ),
    )
    await streamer.finish(answer_text, footer="\n\n".join(footers) or None)
    if first_event is None and streamer.first_event_id is not None:
        await services.conversations.set_message_event(message_id, streamer.first_event_id)
    if completion.reasoning_chars:
        await _show_reasoning(ctx, completion, guard.restore(completion.reasoning))
    answered = Answered(conversation_id, question, answer_text, model, first_exchange, guard)
    for after in extensions.answered:
        # In the background: the answer is out already.
        services.tasks.spawn(after(ctx, answered))
    log.info(
        "answered event %s in %s: model %s, %s tokens out, first token %.2f s, total %.2f s, "
        "%d edits, attempt %d, %d reasoning characters",
        item.event_id,
        ctx.room_id,
        model,
        completion.tokens_out,
        completion.ttft or 0.0,
        completion.total,
        streamer.edits_sent,
        completion.attempts,
        completion.reasoning_chars,
    )


def failure_text(exc: LLMError, ref: str) -> str:
    """What the agent reads when the model gave no answer, by the kind of failure."""
    if exc.kind == "deadline":
        return texts.llm_deadline(ref)
    if exc.kind == "daily_limit":
        return texts.llm_daily_limit(ref)
    if exc.kind == "key_refused":
        return texts.llm_key_refused(ref)
    if exc.kind == "budget":
        return texts.llm_budget_spent(ref)
    return texts.llm_failure(ref)


# The model slot: quota, fair queue, usage ---------------------------------------------------


@dataclass
class ModelSlot:
    """One request through the fair queue; `done()` hands its completion for the usage record."""

    waited: float
    completion: Completion | None = None
    messages: Sequence[ChatMessage] = field(default_factory=list)

    def done(self, completion: Completion, messages: Sequence[ChatMessage]) -> None:
        self.completion, self.messages = completion, messages


def _estimate(text: str) -> int:
    return len(text) // 3 + 1 if text else 0


@asynccontextmanager
async def model_slot(
    ctx: Ctx, streamer: AnswerStreamer, in_flight: InFlightAnswer | None = None
) -> AsyncIterator[ModelSlot]:
    """The quota policy admits the agent, then a place in the fair queue (the agent sees their
    position, and may stop the answer while waiting); on the way out the usage is recorded."""
    services = ctx.services
    quota = services.extensions.quota
    await quota.admit(ctx)
    queued_at = time.monotonic()

    # Each position shown is an edit: at most one per few seconds, except for the last places.
    spacing = 3 * services.config.llm.edit_interval
    last_shown = [float("-inf")]

    async def show(position: int) -> None:
        now = time.monotonic()
        if position <= 3 or now - last_shown[0] >= spacing:
            last_shown[0] = now
            await streamer.status(texts.queue_position(position))

    try:
        if in_flight is None:
            await services.llm_queue.acquire(ctx.sender, show)
        else:
            await in_flight.run(services.llm_queue.acquire(ctx.sender, show))
    except QueueFull:
        log.warning(
            "queue full (%d waiting): event %s in %s refused",
            services.llm_queue.waiting,
            ctx.event_id,
            ctx.room_id,
        )
        await streamer.fail(texts.QUEUE_FULL)
        raise AnswerFailed(QUEUE_REF) from None
    admitted_at = services.clock()
    slot = ModelSlot(time.monotonic() - queued_at)
    try:
        yield slot
    finally:
        services.llm_queue.release()
    completion = slot.completion
    if completion is None:
        return
    tokens_in = completion.tokens_in
    if tokens_in is None:
        tokens_in = sum(_estimate(str(m.get("content", ""))) for m in slot.messages)
    tokens_out = completion.tokens_out
    if tokens_out is None:
        tokens_out = _estimate(completion.text)
    # The provider's tokens per minute (OpenGateLLM counts the prompt's): the pacer keeps
    # the next requests under it.
    services.llm_queue.spent(tokens_in)
    await quota.record(
        ctx,
        ModelUsage(
            admitted_at,
            slot.waited,
            tokens_in,
            tokens_out,
            completion.total,
            footprint=completion.footprint,
        ),
    )


async def _no_position(position: int) -> None:
    return None


@asynccontextmanager
async def service_slot(ctx: Ctx) -> AsyncIterator[None]:
    """A model-side service used for the agent (a document read, OCR, a transcription): the
    quota policy admits and counts it like a message, and it waits its turn in the same fair
    queue as answers, so one agent's flood of files cannot starve the others."""
    services = ctx.services
    quota = services.extensions.quota
    await quota.admit(ctx)
    queued_at = time.monotonic()
    try:
        await services.llm_queue.acquire(ctx.sender, _no_position)
    except QueueFull:
        log.warning("queue full: service call for event %s refused", ctx.event_id)
        raise UserError(texts.QUEUE_FULL) from None
    admitted_at = services.clock()
    waited = time.monotonic() - queued_at
    started = time.monotonic()
    try:
        yield
    finally:
        services.llm_queue.release()
    await quota.record(ctx, ModelUsage(admitted_at, waited, 0, 0, time.monotonic() - started))


def _streamer(
    ctx: Ctx,
    resume_event_id: str | None,
    on_first_event: Callable[[str], Awaitable[None]] | None = None,
    txn_base: str | None = None,
) -> AnswerStreamer:
    config = ctx.services.config.llm
    return AnswerStreamer(
        ctx.services.matrix,
        ctx.room_id,
        interval=config.edit_interval,
        max_interval=config.edit_interval_max,
        max_edits=config.max_edits,
        max_chars=config.max_message_chars,
        resume_event_id=resume_event_id,
        on_first_event=on_first_event,
        thread_root=ctx.item.thread_root,
        txn_base=txn_base,
    )


async def _finish_stored(ctx: Ctx, answer_event_id: str, text: str, stopped: bool) -> None:
    log.info(
        "answer to event %s in %s was stored already: final edit only",
        ctx.item.event_id,
        ctx.room_id,
    )
    # The same transaction ids as before the stop: parts sent already are not sent twice.
    streamer = _streamer(ctx, answer_event_id, txn_base=ctx.item.answer_txn)
    if stopped:
        await _show_stopped(streamer, text)
    else:
        await streamer.finish(text)


class _Shown:
    """The answer's display callback. A display in progress when the stream is cancelled (a
    stop) finishes anyway: the stopped mark must be the last edit. It keeps no reference to the
    text, which grows in place in the LLM client. Chunks that come before the next display is
    `due` cost nothing more: no task, no restoring by the guard."""

    def __init__(
        self, show: Callable[[str], Awaitable[None]], due: Callable[[], bool] = lambda: True
    ) -> None:
        self._show = show
        self._due = due
        self._pending: asyncio.Future[None] | None = None

    async def __call__(self, text: str) -> None:
        if not self._due():
            return
        self._pending = asyncio.ensure_future(self._show(text))
        await asyncio.shield(self._pending)

    async def settle(self) -> None:
        pending = self._pending
        if pending is None:
            return
        try:
            async with asyncio.timeout(5):
                await pending
        except (Exception, TimeoutError) as exc:
            log.warning("an edit cut short by a stop failed: %s", type(exc).__name__)


class _Typing:
    """The "typing" notice of one answer, a courtesy (set_typing never raises).

    One notice while the model is asked, lasting `timeout` seconds, renewed only while nothing
    of the answer is shown: once a message shows, it lapses by itself (Element and Tchap web
    hide it as soon as a message of the bot arrives). Homeservers do not clear it on a send, so
    a stop goes out at the end only if the last notice could still be live then (a short
    answer); a longer answer ends with no request for it."""

    def __init__(
        self, matrix: MatrixPort, room_id: str, timeout: float, *, shown: Callable[[], bool]
    ) -> None:
        self._matrix = matrix
        self._room_id = room_id
        self._timeout = timeout
        self._shown = shown
        self._live_until = float("-inf")
        self._ended = asyncio.Event()
        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        timeout_ms = round(self._timeout * 1000)
        while not self._ended.is_set():
            await self._matrix.set_typing(self._room_id, True, timeout_ms)
            self._live_until = time.monotonic() + self._timeout
            try:
                # Renewed a little before it lapses, if nothing shows by then.
                async with asyncio.timeout(self._timeout * 0.75):
                    await self._ended.wait()
            except TimeoutError:
                if self._shown():
                    return

    async def end(self) -> None:
        self._ended.set()
        await self._task  # a notice on its way completes first: the stop cannot overtake it
        if time.monotonic() < self._live_until:
            await self._matrix.set_typing(self._room_id, False)


async def _show_stopped(streamer: AnswerStreamer, text: str) -> None:
    if text.strip():
        await streamer.finish(text, footer=texts.ANSWER_STOPPED)
    else:
        await streamer.finish(texts.ANSWER_STOPPED)


async def _finish_stopped(
    ctx: Ctx,
    conversation_id: int,
    streamer: AnswerStreamer,
    text: str,
    in_flight: InFlightAnswer,
) -> None:
    """A stopped answer: kept as far as it went, marked stopped, in the history and on screen."""
    services = ctx.services
    text = text.strip()
    first_event = streamer.first_event_id
    message_id = await services.conversations.add_message(
        conversation_id, "assistant", text, event_id=first_event, stopped=True
    )
    await _show_stopped(streamer, text)
    if first_event is None and streamer.first_event_id is not None:
        await services.conversations.set_message_event(message_id, streamer.first_event_id)
    log.info(
        "answer to event %s in %s stopped by the agent (%s) after %d characters",
        ctx.item.event_id,
        ctx.room_id,
        in_flight.stopped_by,
        len(text),
    )


def reasoning_markup(reasoning: str, cut: bool) -> tuple[str, str]:
    """(plain body, HTML) of a folded reasoning: `<details>` and `<summary>` (in the Matrix
    spec's suggested HTML tags for messages) in the HTML, a short quote in the plain body."""
    shown = (texts.REASONING_CUT if cut else "") + reasoning.strip()
    quoted = " ".join(shown.split())
    if len(quoted) > 300:
        quoted = quoted[:299].rstrip() + "…"
    plain = f"> {texts.REASONING_SUMMARY}\n>\n> {quoted}"
    paragraphs = "".join(
        f"<p>{html.escape(p.strip())}</p>" for p in shown.split("\n\n") if p.strip()
    )
    folded = (
        f"<details><summary>{html.escape(texts.REASONING_SUMMARY)}</summary>"
        f"<blockquote>{paragraphs}</blockquote></details>"
    )
    return plain, folded


async def _show_reasoning(ctx: Ctx, completion: Completion, reasoning: str) -> None:
    """The thinking (`reasoning`: restored by the guard), folded, after the answer, for an
    agent who asked to see it. A courtesy: the answer is out and stored already."""
    services = ctx.services
    if not reasoning.strip() or not await services.conversations.shows_reasoning(ctx.sender):
        return
    plain, folded = reasoning_markup(
        reasoning, completion.reasoning_chars > len(completion.reasoning)
    )
    try:
        await services.matrix.send_text(
            ctx.room_id, plain, folded, notice=True, thread_root=ctx.item.thread_root
        )
    except MatrixError as exc:
        log.warning("could not show the reasoning in %s: %s", ctx.room_id, exc)


async def _mark_interrupted(streamer: AnswerStreamer) -> None:
    if not streamer.event_ids:
        return
    try:
        async with asyncio.timeout(5):
            await streamer.interrupt(texts.INTERRUPTED)
    except (Exception, asyncio.CancelledError) as exc:
        log.warning("could not mark an interrupted answer: %s", type(exc).__name__)


def _record_answer(
    ctx: Ctx, completion: Completion, streamer: AnswerStreamer, started: float
) -> None:
    """Metrics for one answer delivered."""
    metrics = ctx.services.metrics
    metrics.llm_ok()
    metrics.answers.inc()
    if completion.ttft is not None:
        metrics.llm_ttft.observe(completion.ttft)
    metrics.llm_total.observe(completion.total)
    if completion.tokens_in is not None:
        metrics.tokens.labels("in").inc(completion.tokens_in)
    if completion.tokens_out is not None:
        metrics.tokens.labels("out").inc(completion.tokens_out)
    if streamer.first_visible_at is not None:
        metrics.first_visible.observe(max(0.0, streamer.first_visible_at - started))
