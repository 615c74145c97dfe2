"""The LLM client: streamed chat completions from any OpenAI-compatible server, with retries."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import openai
from openai import AsyncOpenAI

from bot.config import LLMConfig

log = logging.getLogger(__name__)

ChatMessage = dict[str, Any]

# Albert tags models with a type; other compatible servers do not, so untyped models count as text.
_NON_TEXT_TYPES = {
    "text-embeddings-inference",
    "automatic-speech-recognition",
    "text-classification",
    "image-text-to-text-embeddings",
    "embeddings",
    "rerank",
}


class LLMError(Exception):
    """The model could not answer. `kind` is short and safe to log."""

    def __init__(self, kind: str, detail: str = "", *, retryable: bool = True) -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.retryable = retryable


@dataclass(frozen=True)
class ModelInfo:
    id: str
    type: str | None


@dataclass
class Completion:
    text: str = ""
    model: str = ""
    tokens_in: int | None = None
    tokens_out: int | None = None
    ttft: float | None = None  # seconds from request to first token
    total: float = 0.0
    attempts: int = 0
    finish_reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _translate(exc: Exception) -> LLMError:
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return LLMError("timeout")
    if isinstance(exc, openai.APIConnectionError):
        return LLMError("connection")
    if isinstance(exc, openai.RateLimitError):
        return LLMError("rate_limited", "HTTP 429")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status >= 500 or status in (408, 409):
            return LLMError("server", f"HTTP {status}")
        # A refused request will be refused again: retrying only wastes the user's time.
        return LLMError("refused", f"HTTP {status}", retryable=False)
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return LLMError("timeout")
    # Bodies a "compatible" server got wrong: bad JSON, missing fields.
    return LLMError("malformed", type(exc).__name__)


class LLMClient:
    def __init__(
        self,
        config: LLMConfig,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._client = AsyncOpenAI(
            base_url=config.base_url,
            api_key=config.api_key.get_secret_value() or "sans-cle",
            # Our own retry loop below; the client's default two retries would triple ours.
            max_retries=0,
            timeout=config.timeout,
        )

    async def close(self) -> None:
        await self._client.close()

    async def list_models(self) -> list[ModelInfo]:
        """Text-generation models the server offers, sorted by id."""
        try:
            page = await self._client.models.list()
        except Exception as exc:
            raise _translate(exc) from exc
        models = []
        for item in page.data:
            model_type = getattr(item, "type", None)
            extra = getattr(item, "model_extra", None)
            if model_type is None and isinstance(extra, dict):
                model_type = extra.get("type")
            if model_type in _NON_TEXT_TYPES:
                continue
            models.append(ModelInfo(item.id, model_type))
        return sorted(models, key=lambda m: m.id)

    async def _stream_once(
        self, messages: Sequence[ChatMessage], model: str, completion: Completion
    ) -> AsyncIterator[str]:
        started = time.monotonic()
        try:
            # Typed loosely on purpose: "compatible" servers get plain dict messages.
            create: Any = self._client.chat.completions.create
            stream = await create(
                model=model,
                messages=list(messages),
                temperature=self.config.temperature,
                max_tokens=self.config.max_tokens,
                stream=True,
                stream_options={"include_usage": True},
            )
            async with stream:
                async for chunk in stream:
                    usage = getattr(chunk, "usage", None)
                    if usage is not None:
                        completion.tokens_in = getattr(usage, "prompt_tokens", None)
                        completion.tokens_out = getattr(usage, "completion_tokens", None)
                    if getattr(chunk, "model", None):
                        completion.model = chunk.model
                    for choice in getattr(chunk, "choices", None) or []:
                        if getattr(choice, "finish_reason", None):
                            completion.finish_reason = choice.finish_reason
                        delta = getattr(choice, "delta", None)
                        piece = getattr(delta, "content", None) if delta is not None else None
                        if piece:
                            if completion.ttft is None:
                                completion.ttft = time.monotonic() - started
                            yield piece
        except Exception as exc:
            raise _translate(exc) from exc
        finally:
            completion.total = time.monotonic() - started

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        model: str,
        *,
        max_tokens: int,
        purpose: str | None = None,
    ) -> str:
        """A short answer in one piece (a title), with the same timeout and retries.

        `purpose` is sent as the `X-Assistant-Purpose` header: logs and test servers can tell
        these side requests from answers.
        """
        attempts = self.config.retries + 1
        headers = {"X-Assistant-Purpose": purpose} if purpose else None
        for attempt in range(1, attempts + 1):
            try:
                try:
                    create: Any = self._client.chat.completions.create
                    response = await create(
                        model=model,
                        messages=list(messages),
                        temperature=self.config.temperature,
                        max_tokens=max_tokens,
                        extra_headers=headers,
                    )
                    choices = getattr(response, "choices", None) or []
                    message = getattr(choices[0], "message", None) if choices else None
                    text = str(getattr(message, "content", None) or "")
                except Exception as exc:
                    raise _translate(exc) from exc
                if not text.strip():
                    raise LLMError("empty")
                return text
            except LLMError as exc:
                log.warning(
                    "llm %s attempt %d/%d failed: %s (model %s)",
                    purpose or "completion",
                    attempt,
                    attempts,
                    exc.kind,
                    model,
                )
                if not exc.retryable or attempt == attempts:
                    raise
                await self._sleep(self.config.retry_backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    async def stream_chat(
        self,
        messages: Sequence[ChatMessage],
        model: str,
        on_text: Callable[[str], Awaitable[None]],
        on_retry: Callable[[LLMError], Awaitable[None]] | None = None,
    ) -> Completion:
        """Stream an answer, calling `on_text` with the whole text so far after each chunk.

        Failures are retried with exponential backoff; `on_retry` lets the caller reset what it
        showed. Raises LLMError once the retries are spent.
        """
        try:
            async with asyncio.timeout(self.config.answer_deadline):
                return await self._stream_with_retries(messages, model, on_text, on_retry)
        except TimeoutError as exc:
            log.warning("llm answer stopped at its deadline (model %s)", model)
            raise LLMError("deadline", retryable=False) from exc

    async def _stream_with_retries(
        self,
        messages: Sequence[ChatMessage],
        model: str,
        on_text: Callable[[str], Awaitable[None]],
        on_retry: Callable[[LLMError], Awaitable[None]] | None,
    ) -> Completion:
        attempts = self.config.retries + 1
        for attempt in range(1, attempts + 1):
            completion = Completion(model=model, attempts=attempt)
            text = ""
            try:
                async for piece in self._stream_once(messages, model, completion):
                    text += piece
                    await on_text(text)
                if not text.strip():
                    raise LLMError("empty")
                completion.text = text
                return completion
            except LLMError as exc:
                log.warning(
                    "llm attempt %d/%d failed: %s (model %s)", attempt, attempts, exc.kind, model
                )
                if not exc.retryable or attempt == attempts:
                    raise
                if on_retry is not None:
                    await on_retry(exc)
                await self._sleep(self.config.retry_backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")
