"""The LLM client: streamed chat completions from any OpenAI-compatible server, with retries."""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import logging
import math
import re
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
import openai
from openai import AsyncOpenAI

from bot.config import LLMConfig
from bot.reasoning import SplitStream
from bot.sse import Event, SSEDecoder, SSEError

log = logging.getLogger(__name__)

ChatMessage = dict[str, Any]

# Albert (OpenGateLLM) tags each model with a type; only these answer chat completions. OCR
# models are `image-to-text`, and embeddings, rerank and speech have types of their own. Servers
# that give no type (vLLM, Ollama, llama.cpp) list chat models: untyped counts as text.
TEXT_TYPES = frozenset({"text-generation", "image-text-to-text"})
VISION_TYPE = "image-text-to-text"
# Bounds on what a /v1/models listing may hand us.
_MAX_MODELS = 500
_MAX_ALIASES = 20
_MAX_NAME = 200
_MAX_CONTEXT = 100_000_000
# How long a listing is trusted for a model's context length and type.
MODELS_TTL = 300.0
MODELS_WAIT = 10.0
# A streamed answer's body is read raw (the openai client's typed chunks cost a third of the
# bot's CPU per answer): the transport's own failures reach us unwrapped (its aiohttp
# transport raises them as httpx's). The openai client speaks httpx2 since its version 3, httpx
# before.
try:
    import httpx2 as _httpx
except ImportError:  # pragma: no cover - an openai client older than 3
    import httpx as _httpx  # type: ignore[no-redef]
_TIMEOUTS: tuple[type[Exception], ...] = (_httpx.TimeoutException,)
_TRANSPORT: tuple[type[Exception], ...] = (_httpx.RequestError,)
# What follows `[DONE]` is read for this long at most (so that HTTP/1.1 keeps the connection
# for the next answer), and this many bytes.
_DRAIN_SECONDS = 0.1
_DRAIN_BYTES = 64 * 1024
# Token counts above this are not believed.
_MAX_TOKENS_COUNT = 100_000_000


class LLMError(Exception):
    """The model could not answer. `kind` is short and safe to log."""

    def __init__(
        self,
        kind: str,
        detail: str = "",
        *,
        retryable: bool = True,
        retry_after: float | None = None,
        server_text: str = "",
    ) -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.retryable = retryable
        # Seconds the server asked us to wait before trying again (Retry-After, rate-limit
        # reset headers), when it said so.
        self.retry_after = retry_after
        # What a 429 said (bounded, never logged): OpenGateLLM names the limit in it
        # ("50 requests per minute exceeded"), which paces the model queue.
        self.server_text = server_text


@dataclass(frozen=True)
class ModelInfo:
    id: str
    type: str | None
    aliases: tuple[str, ...] = ()
    max_context_length: int | None = None
    vision: bool = False  # accepts images in chat messages

    def answers_to(self, name: str) -> bool:
        """`name` is this model's id or one of its aliases (case does not matter)."""
        wanted = name.strip().lower()
        return wanted == self.id.lower() or any(wanted == a.lower() for a in self.aliases)


def find_model(models: Sequence[ModelInfo], name: str) -> ModelInfo | None:
    """The model `name` designates, by id first, then by alias."""
    wanted = name.strip().lower()
    for model in models:
        if model.id.lower() == wanted:
            return model
    return next((m for m in models if m.answers_to(name)), None)


def _name(value: object) -> str | None:
    if isinstance(value, str) and value.strip() and len(value) <= _MAX_NAME:
        return value.strip()
    return None


def _positive_int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 < value <= _MAX_CONTEXT else None


def parse_model(item: Mapping[str, Any]) -> ModelInfo | None:
    """One entry of /v1/models as a chat model, or None when it does not answer chat.

    Albert: `type`, `aliases`, `max_context_length`. Mistral's API: `capabilities`
    (`completion_chat`, `vision`), `aliases`, `max_context_length` (its `type` is "base").
    vLLM: `max_model_len`. Others: an id only.
    """
    model_id = _name(item.get("id"))
    if model_id is None:
        return None
    raw_type = item.get("type")
    model_type = raw_type if isinstance(raw_type, str) and len(raw_type) <= _MAX_NAME else None
    capabilities = item.get("capabilities")
    if isinstance(capabilities, Mapping):
        if not capabilities.get("completion_chat"):
            return None
        vision = bool(capabilities.get("vision"))
    else:
        if model_type is not None and model_type not in TEXT_TYPES:
            return None
        vision = model_type == VISION_TYPE
    raw_aliases = item.get("aliases")
    aliases: list[str] = []
    if isinstance(raw_aliases, list):
        for raw in raw_aliases[:_MAX_ALIASES]:
            alias = _name(raw)
            if alias is not None and alias != model_id and alias not in aliases:
                aliases.append(alias)
    context = _positive_int(item.get("max_context_length"))
    if context is None:
        context = _positive_int(item.get("max_model_len"))
    return ModelInfo(model_id, model_type, tuple(aliases), context, vision)


@dataclass(frozen=True)
class Footprint:
    """What one request cost, as Albert reports it in the response's usage."""

    cost: float | None  # in the server's budget unit (euros on Albert)
    kwh: float | None
    kgco2eq: float | None


def _amount(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if 0 <= number < 1e9 else None


def _midpoint(value: object) -> float | None:
    """Albert before 2026 gave a {min, max} range; its middle stands for the value."""
    if isinstance(value, Mapping):
        low, high = _amount(value.get("min")), _amount(value.get("max"))
        if low is not None and high is not None:
            return (low + high) / 2
        return low if low is not None else high
    return _amount(value)


def parse_footprint(usage: Mapping[str, Any]) -> Footprint | None:
    """Cost and impacts from a usage object, or None when the server gave neither.

    OpenGateLLM today: `usage.cost` and `usage.impacts.{kWh, kgCO2eq}`; before 2026:
    `usage.carbon.{kWh, kgCO2eq}.{min, max}`.
    """
    cost = _amount(usage.get("cost"))
    kwh = kgco2eq = None
    impacts = usage.get("impacts")
    if isinstance(impacts, Mapping):
        kwh, kgco2eq = _amount(impacts.get("kWh")), _amount(impacts.get("kgCO2eq"))
    carbon = usage.get("carbon")
    if isinstance(carbon, Mapping):
        kwh = kwh if kwh is not None else _midpoint(carbon.get("kWh"))
        kgco2eq = kgco2eq if kgco2eq is not None else _midpoint(carbon.get("kgCO2eq"))
    if cost is None and kwh is None and kgco2eq is None:
        return None
    return Footprint(cost, kwh, kgco2eq)


def _as_mapping(value: object) -> Mapping[str, Any]:
    """A pydantic object from the openai client (extra fields kept), or a dict, as a dict."""
    if isinstance(value, Mapping):
        return value
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        try:
            dumped = dump()
        except Exception:
            return {}
        return dumped if isinstance(dumped, Mapping) else {}
    return {}


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
    footprint: Footprint | None = None  # cost and impacts, when the server reports them
    # A reasoning model's thinking, never part of `text`: its end (bounded, see bot.reasoning)
    # and how many characters it had in all.
    reasoning: str = ""
    reasoning_chars: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


# Kinds the support room must hear of: the key or the service's allowance, not a passing fault.
OPERATOR_KINDS = frozenset({"key_refused", "daily_limit", "budget"})
# Longest wait a server's hint (Retry-After, rate-limit reset) may impose before a retry.
MAX_RETRY_AFTER = 60.0
# Characters of an error body read to classify it (never logged above DEBUG: a validation
# error may echo the request, the agent's words included).
_MAX_ERROR_TEXT = 2000
# Bytes read from a side endpoint (/v1/me/info, /v1/usage).
MAX_SIDE_BODY = 256 * 1024

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_DURATION_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
# OpenGateLLM: "Request limit per day exceeded.", "10 requests per day exceeded (remaining: 0).",
# "1000 input tokens per day exceeded"; OpenRouter: "free-models-per-day".
_DAILY = re.compile(r"per[ -]day|daily|/day|\brpd\b|\btpd\b|par jour|quotidien")


def parse_duration(value: str) -> float | None:
    """Seconds from `Retry-After` (seconds or an HTTP date) or a rate-limit reset header
    (`42s`, `1m5s`, `3h2m1s`, `250ms`); None when it is neither."""
    text = value.strip().replace(" ", "")[:64]
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    parts = _DURATION_PART.findall(text)
    if parts and "".join(number + unit for number, unit in parts) == text:
        return sum(float(number) * _DURATION_UNITS[unit] for number, unit in parts)
    try:
        when = email.utils.parsedate_to_datetime(value.strip()[:64])
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def retry_hint(headers: Mapping[str, str], message: str = "") -> float | None:
    """The wait a refusal asks for: `Retry-After(-ms)` first, else the reset header of the limit
    the message names (OpenGateLLM sends `x-ratelimit-reset-requests` / `-token`)."""
    lowered = {k.lower(): v for k, v in list(headers.items())[:200]}
    raw_ms = lowered.get("retry-after-ms")
    if raw_ms is not None:
        ms = parse_duration(raw_ms)
        if ms is not None:
            return ms / 1000
    raw = lowered.get("retry-after")
    if raw is not None:
        seconds = parse_duration(raw)
        if seconds is not None:
            return seconds
    requests = ("x-ratelimit-reset-requests", "x-ratelimit-reset-request")
    tokens = ("x-ratelimit-reset-tokens", "x-ratelimit-reset-token")
    names = (*tokens, *requests) if "token" in message.lower() else (*requests, *tokens)
    for name in names:
        if name in lowered:
            seconds = parse_duration(lowered[name])
            if seconds is not None:
                return seconds
    return None


def _aiohttp_client(timeout: float) -> Any:
    """The openai client's own aiohttp transport, where its version has one (else its default)."""
    factory = getattr(openai, "DefaultAioHttpClient", None)
    return factory(timeout=timeout) if factory is not None else None


def error_text(exc: openai.APIStatusError) -> str:
    """The refusal's message as the server wrote it (FastAPI's `detail`, OpenAI's `message`,
    or the whole body), bounded."""
    body = exc.body
    if isinstance(body, Mapping):
        for key in ("detail", "message", "error"):
            value = body.get(key)
            if isinstance(value, str):
                return value[:_MAX_ERROR_TEXT]
        try:
            return json.dumps(body, default=str, ensure_ascii=False)[:_MAX_ERROR_TEXT]
        except ValueError:
            return ""
    if isinstance(body, str):
        return body[:_MAX_ERROR_TEXT]
    return str(exc.message)[:_MAX_ERROR_TEXT]


def classify(status: int, message: str, headers: Mapping[str, str]) -> LLMError:
    """An HTTP refusal as an LLMError: what it means, whether to retry, how long to wait."""
    detail = f"HTTP {status}"
    if status == 429:
        if _DAILY.search(message.lower()):
            # The key's allowance for the day is spent: trying again today only adds refusals.
            return LLMError("daily_limit", detail, retryable=False)
        return LLMError(
            "rate_limited",
            detail,
            retry_after=retry_hint(headers, message),
            server_text=message[:_MAX_ERROR_TEXT],
        )
    if status in (401, 403):
        # OpenGateLLM: 403 "Your account has expired…" (401 "Invalid API key." since 2026).
        return LLMError("key_refused", detail, retryable=False)
    if status in (400, 402) and "budget" in message.lower():
        return LLMError("budget", detail, retryable=False)  # "Insufficient budget."
    if status == 424:
        # OpenGateLLM: "Model provider … not reachable": its upstream, likely back soon.
        return LLMError("provider_unreachable", detail)
    if status >= 500 or status in (408, 409):
        kind = "unavailable" if status == 503 else "server"
        return LLMError(kind, detail, retry_after=retry_hint(headers))
    # A refused request will be refused again: retrying only wastes the user's time.
    return LLMError("refused", detail, retryable=False)


def _timeout_or_lost(exc: BaseException) -> str:
    """The error's kind: "connection" when the cause is a connection refused or lost, else
    "timeout". The openai client's aiohttp transport reports any of aiohttp's connection errors
    as a connect timeout (its map takes ClientConnectionError for httpx's ConnectTimeout), so the
    cause decides."""
    cause = exc.__cause__
    for _ in range(8):  # a short chain: openai's error <- httpx's <- aiohttp's
        if cause is None or isinstance(cause, aiohttp.ServerTimeoutError | TimeoutError):
            break
        if isinstance(cause, aiohttp.ClientConnectionError):
            return "connection"
        cause = cause.__cause__
    return "timeout"


def _translate(exc: Exception) -> LLMError:
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return LLMError(_timeout_or_lost(exc))
    if isinstance(exc, openai.APIConnectionError):
        return LLMError("connection")
    if isinstance(exc, openai.APIStatusError):
        log.debug("model server refused: HTTP %d %s", exc.status_code, error_text(exc))
        return classify(exc.status_code, error_text(exc), exc.response.headers)
    if isinstance(exc, openai.APIError):
        # An error event in the middle of a stream (vLLM, Albert): generation failed there.
        return LLMError("stream_error")
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return LLMError("timeout")
    # The transport failing while a streamed body is read raw (the openai client wraps its
    # failures until the response starts, not after).
    if isinstance(exc, _TIMEOUTS):
        return LLMError(_timeout_or_lost(exc))
    if isinstance(exc, _TRANSPORT):
        return LLMError("connection")
    if isinstance(exc, SSEError):
        # Past a bound the stream would be past it again: asking anew only costs time.
        return LLMError("malformed", str(exc), retryable=False)
    # Bodies a "compatible" server got wrong: bad JSON, missing fields.
    return LLMError("malformed", type(exc).__name__)


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= _MAX_TOKENS_COUNT else None


def stream_chunk(event: Event) -> dict[str, Any] | None:
    """One event of a streamed answer as a chunk (a plain dict), None for `[DONE]`.

    An error in the middle of the stream, an `error` event (OpenGateLLM relays a provider's
    failure so) or a chunk holding an `error` object (vLLM, OpenAI), raises
    LLMError("stream_error"); data that is not a JSON object raises LLMError("malformed").
    An event without data (a keep-alive) is an empty chunk.
    """
    data = event.data
    if event.name == "error":
        log.debug("model server's error event: %s", data[:_MAX_ERROR_TEXT])
        raise LLMError("stream_error")
    if data.startswith(b"[DONE]"):
        return None
    try:
        chunk = json.loads(data.decode())  # strict UTF-8; faster than json's own detection
    except ValueError as exc:
        if not data.strip():
            return {}
        raise LLMError("malformed", "a chunk is not JSON") from exc
    if type(chunk) is not dict:
        raise LLMError("malformed", "a chunk is not an object")
    if chunk.get("error"):
        log.debug("model server's error in the stream: %s", data[:_MAX_ERROR_TEXT])
        raise LLMError("stream_error")
    return chunk


def _body(response: Any) -> AsyncGenerator[bytes, None]:
    """The streamed response's body as it comes. Read from the HTTP client's stream itself when
    nothing needs decoding (SSE is sent uncompressed): httpx's reader adds two generators, a
    decoder and two chunkers per network read, a hundred reads per answer."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        stream: AsyncGenerator[bytes, None] = response.stream.__aiter__()
        return stream
    body: AsyncGenerator[bytes, None] = response.aiter_bytes()
    return body


async def _read_bounded(parts: AsyncIterator[bytes], what: str) -> bytes:
    """A response body read as it comes, refused past MAX_SIDE_BODY (never held whole first)."""
    body = b""
    async for part in parts:
        body += part
        if len(body) > MAX_SIDE_BODY:
            raise LLMError("malformed", f"{what}: body over {MAX_SIDE_BODY} bytes")
    return body


def _first_message(content: bytes) -> dict[str, Any] | None:
    """The first choice's message of a chat completion's JSON body, None if absent."""
    body = json.loads(content)
    choices = body.get("choices") if type(body) is dict else None
    first = choices[0] if type(choices) is list and choices else None
    message = first.get("message") if type(first) is dict else None
    return message if type(message) is dict else None


async def _drain(body: AsyncIterator[bytes]) -> None:
    """Reads what follows `[DONE]` (the body's end, usually at once), briefly and bounded: a
    response read to its end leaves its HTTP/1.1 connection to the next request."""
    read = 0
    with contextlib.suppress(Exception):  # the answer is complete whatever happens here
        async with asyncio.timeout(_DRAIN_SECONDS):
            async for piece in body:
                read += len(piece)
                if read > _DRAIN_BYTES:
                    break


class LLMClient:
    def __init__(
        self,
        config: LLMConfig,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.config = config
        self._sleep = sleep
        # Does the server take `stream_options`? None until an answer tells (Mistral's API
        # refuses it with 422; the others take it): each client asks at most once.
        self.stream_options: bool | None = None
        # Told of refusals the operators must act on (key, daily limit, budget); once each,
        # until a request succeeds again.
        self.on_problem: Callable[[LLMError], Awaitable[None]] | None = None
        self._reported: set[str] = set()
        # Told of every 429 for too many requests (the model queue pauses and learns the limit).
        self.on_refusal: Callable[[LLMError], None] | None = None
        self._http: _httpx.AsyncClient | None = None  # side endpoints: /v1/me/info, /v1/usage
        self._client = AsyncOpenAI(
            base_url=config.base_url,
            api_key=config.api_key.get_secret_value() or "sans-cle",
            # Our own retry loop below; the client's default two retries would triple ours.
            max_retries=0,
            timeout=config.timeout,
            # The client's aiohttp transport (aiohttp is the Matrix client's library, loaded
            # anyway): each chunk of a streamed answer is a read of its own, and httpx's default
            # stack (httpcore, anyio, h11) spent about twice aiohttp's CPU per read
            # (bench/llm_stream.py: 10-11 -> 6 ms per 100-chunk answer).
            http_client=_aiohttp_client(config.timeout),
        )
        self._models: tuple[float, list[ModelInfo]] | None = None
        self._models_lock = asyncio.Lock()

    async def close(self) -> None:
        await self._client.close()
        if self._http is not None:
            await self._http.aclose()

    async def list_models(self) -> list[ModelInfo]:
        """Chat models the server offers, sorted by id."""
        try:
            page = await self._client.models.list()
        except Exception as exc:
            raise _translate(exc) from exc
        models = []
        for item in list(getattr(page, "data", None) or [])[:_MAX_MODELS]:
            info = parse_model(_as_mapping(item))
            if info is not None:
                models.append(info)
        models.sort(key=lambda m: m.id)
        self._models = (time.monotonic(), models)
        return models

    async def model_info(self, name: str) -> ModelInfo | None:
        """What the server says of model `name` (id or alias), from a listing at most
        MODELS_TTL seconds old; None when it is not listed or the listing fails."""
        async with self._models_lock:  # concurrent answers share one listing
            cached = self._models
            if cached is not None and time.monotonic() - cached[0] <= MODELS_TTL:
                return find_model(cached[1], name)
            try:
                # An answer waits a few seconds at most for a model's size and type.
                async with asyncio.timeout(min(MODELS_WAIT, self.config.timeout)):
                    models = await self.list_models()
            except (LLMError, TimeoutError) as exc:
                kind = exc.kind if isinstance(exc, LLMError) else "timeout"
                log.warning("model listing failed: %s", kind)
                # Not asked again before the TTL: answers do not wait on a broken listing.
                known = cached[1] if cached else []
                self._models = (time.monotonic(), known)
                return find_model(known, name)
        return find_model(models, name)

    async def _post(
        self, request: dict[str, Any], *, stream: bool, headers: Mapping[str, str] | None = None
    ) -> Any:
        """POST /chat/completions through the openai client (its authentication, headers,
        status errors and transport) with `request` as the JSON body as it is; the raw HTTP
        response (its body not read yet when `stream`).

        `post` is the client's documented way to send a body of one's own. Its typed `create`
        walks every parameter against the API's typed definitions on the way out and builds
        typed objects of the reply on the way back: about a millisecond of CPU per request, and
        the answer is read raw anyway (bot.sse), the title's as plain JSON.
        """
        options: dict[str, Any] = {"headers": dict(headers)} if headers else {}
        post: Any = self._client.post  # typed for the client's own stream classes
        return await post(
            "/chat/completions",
            cast_to=_httpx.Response,
            body=request,
            options=options,
            stream=stream,
        )

    async def _open_stream(
        self, stack: contextlib.AsyncExitStack, messages: Sequence[ChatMessage], model: str
    ) -> Any:
        """The streamed request's raw HTTP response (closed with `stack`), asking for the usage
        chunk where the server takes it.

        Mistral's own API refuses `stream_options` (422, pydantic's `extra_forbidden`); others
        may answer 400. Such a refusal is followed by the same request without it, and the
        answer is remembered: later requests do not ask again.
        """
        # Plain JSON: "compatible" servers get plain dict messages.
        request: dict[str, Any] = {
            "model": model,
            "messages": list(messages),
            "temperature": self.config.temperature,
            "max_tokens": self.config.max_tokens,
            "stream": True,
        }

        async def opened(body: dict[str, Any]) -> Any:
            response = await self._post(body, stream=True)
            stack.push_async_callback(response.aclose)
            return response

        if self.stream_options is False:
            return await opened(request)
        try:
            response = await opened({**request, "stream_options": {"include_usage": True}})
        except openai.APIStatusError as exc:
            if exc.status_code not in (400, 422):
                raise
            named = "stream_options" in error_text(exc)
            if self.stream_options and not named:
                raise  # it took stream_options before: the refusal is about something else
            # Refused again: that error is the real one.
            response = await opened(request)
            self.stream_options = False
            log.warning(
                "the model server refused stream_options (HTTP %d): requests go without it; "
                "token counts come from the server's own usage field when it sends one",
                exc.status_code,
            )
            return response
        self.stream_options = True
        return response

    async def _stream_once(
        self,
        messages: Sequence[ChatMessage],
        model: str,
        completion: Completion,
        split: SplitStream,
    ) -> AsyncGenerator[str, None]:
        """Reads the stream into `split` (answer and reasoning apart); yields the answer text
        each chunk adds, after each chunk that added to either ("" for reasoning only).

        Closing this generator (a stop, a deadline) closes the HTTP response: the server sees
        the connection go and stops generating.
        """
        started = time.monotonic()
        try:
            async with contextlib.AsyncExitStack() as stack:
                response = await self._open_stream(stack, messages, model)
                body = await stack.enter_async_context(contextlib.aclosing(_body(response)))
                decoder = SSEDecoder()
                done = False
                async for data in body:
                    for event in decoder.feed(data):
                        chunk = stream_chunk(event)
                        if chunk is None:
                            done = True
                            break
                        for piece in self._read_chunk(chunk, completion, split):
                            if completion.ttft is None:
                                completion.ttft = time.monotonic() - started
                            yield piece
                    if done:
                        await _drain(body)
                        break
        except Exception as exc:
            raise _translate(exc) from exc
        finally:
            completion.total = time.monotonic() - started

    @staticmethod
    def _read_chunk(
        chunk: dict[str, Any], completion: Completion, split: SplitStream
    ) -> list[str]:
        """One chunk's usage, model and finish reason into `completion`, its deltas into
        `split`; the answer text each delta that added to the answer or the reasoning adds."""
        usage = chunk.get("usage")
        if type(usage) is dict:
            completion.tokens_in = _count(usage.get("prompt_tokens"))
            completion.tokens_out = _count(usage.get("completion_tokens"))
            # Albert adds its own usage chunk (cost, impacts) after the provider's.
            footprint = parse_footprint(usage)
            if footprint is not None:
                completion.footprint = footprint
        name = chunk.get("model")
        if name and type(name) is str:
            completion.model = name[:_MAX_NAME]
        choices = chunk.get("choices")
        pieces: list[str] = []
        if type(choices) is not list:
            return pieces
        for choice in choices:
            if type(choice) is not dict:
                continue
            finish = choice.get("finish_reason")
            if finish:
                completion.finish_reason = finish[:_MAX_NAME] if type(finish) is str else "?"
            delta = choice.get("delta")
            if type(delta) is not dict:
                continue
            thought = split.reasoning_chars
            piece = split.delta(delta)
            if piece or split.reasoning_chars != thought:
                pieces.append(piece)
        return pieces

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
                    request = {
                        "model": model,
                        "messages": list(messages),
                        "temperature": self.config.temperature,
                        "max_tokens": max_tokens,
                    }
                    response = await self._post(request, stream=True, headers=headers)
                    try:
                        content = await _read_bounded(response.aiter_bytes(), "a completion")
                    finally:
                        await response.aclose()
                    # A reasoning model's thinking is no part of a title.
                    split = SplitStream(max_reasoning=0)
                    message = _first_message(content)
                    if message is not None:
                        split.delta(message)
                    split.finish()
                    text = split.answer
                except Exception as exc:
                    raise _translate(exc) from exc
                if not text.strip():
                    raise LLMError("empty")
                self._reported.clear()
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
                await self._report(exc)
                delay = self._retry_delay(exc, attempt)
                if not exc.retryable or attempt == attempts or delay > self.config.timeout:
                    raise
                await self._sleep(delay)
        raise AssertionError("unreachable")

    async def stream_chat(
        self,
        messages: Sequence[ChatMessage],
        model: str,
        on_text: Callable[[str], Awaitable[None]],
        on_retry: Callable[[LLMError], Awaitable[None]] | None = None,
        *,
        on_reasoning: Callable[[int], Awaitable[None]] | None = None,
        progress: Completion | None = None,
    ) -> Completion:
        """Stream an answer, calling `on_text` with the whole text so far after each chunk.

        A reasoning model's thinking never reaches `on_text`: `on_reasoning` is called instead
        with the count of its characters so far (the thinking itself is in the completion).
        `progress`, when given, holds the text so far if the stream is cancelled (an answer
        stopped by the agent keeps what it had).
        Failures are retried with exponential backoff; `on_retry` lets the caller reset what it
        showed. Raises LLMError once the retries are spent.
        """
        deadline = asyncio.get_running_loop().time() + self.config.answer_deadline
        try:
            async with asyncio.timeout(self.config.answer_deadline):
                return await self._stream_with_retries(
                    messages, model, on_text, on_retry, on_reasoning, deadline, progress
                )
        except TimeoutError as exc:
            log.warning("llm answer stopped at its deadline (model %s)", model)
            raise LLMError("deadline", retryable=False) from exc

    async def _stream_with_retries(
        self,
        messages: Sequence[ChatMessage],
        model: str,
        on_text: Callable[[str], Awaitable[None]],
        on_retry: Callable[[LLMError], Awaitable[None]] | None,
        on_reasoning: Callable[[int], Awaitable[None]] | None,
        deadline: float,
        progress: Completion | None = None,
    ) -> Completion:
        attempts = self.config.retries + 1
        for attempt in range(1, attempts + 1):
            completion = Completion(model=model, attempts=attempt)
            split = SplitStream()
            text = ""
            try:
                try:
                    # `text` grows in place (a local, never held elsewhere between chunks).
                    # Closed explicitly: a cancelled answer closes its HTTP response at once,
                    # not whenever the generator is collected.
                    pieces = self._stream_once(messages, model, completion, split)
                    async with contextlib.aclosing(pieces):
                        async for piece in pieces:
                            if piece:
                                text += piece
                                await on_text(text)
                            elif on_reasoning is not None:
                                await on_reasoning(split.reasoning_chars)
                    piece = split.finish()
                    if piece:
                        text += piece
                        await on_text(text)
                except asyncio.CancelledError:
                    if progress is not None:
                        progress.text = text
                    raise
                completion.reasoning = split.reasoning
                completion.reasoning_chars = split.reasoning_chars
                if not text.strip():
                    raise LLMError("empty")
                if completion.finish_reason is None:
                    # Every server ends an answer with a finish_reason. Without one the stream
                    # was cut: llama.cpp's `error:` line and Ollama's bare error object in the
                    # middle of a stream are invisible to an SSE reader, and Albert relays a
                    # provider's `event: error` the client reads as a chunk without choices.
                    raise LLMError("truncated")
                completion.text = text
                self._reported.clear()
                return completion
            except LLMError as exc:
                log.warning(
                    "llm attempt %d/%d failed: %s (model %s)", attempt, attempts, exc.kind, model
                )
                await self._report(exc)
                if not exc.retryable or attempt == attempts:
                    raise
                delay = self._retry_delay(exc, attempt)
                if asyncio.get_running_loop().time() + delay >= deadline:
                    log.warning(
                        "llm retry in %.0f s would pass the answer's deadline: given up", delay
                    )
                    raise
                if on_retry is not None:
                    await on_retry(exc)
                await self._sleep(delay)
        raise AssertionError("unreachable")

    def _retry_delay(self, exc: LLMError, attempt: int) -> float:
        """The server's hint when it gave one (bounded), else exponential backoff."""
        if exc.retry_after is not None:
            return min(max(0.0, exc.retry_after), MAX_RETRY_AFTER)
        return float(self.config.retry_backoff * 2 ** (attempt - 1))

    async def _report(self, exc: LLMError) -> None:
        """Tell `on_refusal` of a 429 (it paces the queue) and `on_problem` of a refusal the
        operators must act on, once until a success."""
        if self.on_refusal is not None and exc.kind == "rate_limited":
            try:
                self.on_refusal(exc)
            except Exception:
                log.exception("pacing after a rate-limit refusal failed")
        if self.on_problem is None or exc.kind not in OPERATOR_KINDS:
            return
        if exc.kind in self._reported:
            return
        self._reported.add(exc.kind)
        try:
            await self.on_problem(exc)
        except Exception:
            log.exception("reporting the model server's refusal failed")

    async def get_json(self, path: str, params: Mapping[str, str | int] | None = None) -> Any:
        """GET a side endpoint under base_url (`/me/info`, `/usage`) with the API key.

        Returns the decoded JSON, or None when the server has no such endpoint (404, 405: not
        Albert). Raises LLMError like the chat requests; the body is read up to MAX_SIDE_BODY.
        """
        if self._http is None:
            self._http = _httpx.AsyncClient(timeout=self.config.timeout)
        key = self.config.api_key.get_secret_value()
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        url = self.config.base_url.rstrip("/") + path
        try:
            async with self._http.stream("GET", url, params=params, headers=headers) as response:
                body = await _read_bounded(response.aiter_bytes(), path)
        except _httpx.TimeoutException as exc:
            raise LLMError("timeout") from exc
        except _httpx.HTTPError as exc:
            raise LLMError("connection") from exc
        if response.status_code in (404, 405):
            return None
        if response.status_code >= 400:
            message = body[:_MAX_ERROR_TEXT].decode("utf-8", "replace")
            raise classify(response.status_code, message, response.headers)
        try:
            return json.loads(body)
        except ValueError as exc:
            raise LLMError("malformed", f"{path}: not JSON") from exc
