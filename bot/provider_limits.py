"""The provider's published rate limits for our key, read for the queue's pacer.

Albert (OpenGateLLM) lists the key's limits in `GET /v1/me/info`: `limits`, a list of
`{<which model>, "type": "rpm"|"rpd"|"tpm"|"tpd", "value": int|null}` (api/helpers/_limiter.py
checks them per user and per model: requests per minute and per day, *input* tokens per minute
and per day; null is no limit, 0 no access). Older versions name the model (`"model": "<id>"`),
newer ones a router (`"router": <int>` in api/schemas/admin/roles.py, `"router_id": <int>` in
api/domain/role/entities.py); /v1/models gives each model's name and aliases but not its router
id, so when routers are named the strictest positive value among them is followed. Only the
per-minute limits pace requests (the per-day ones are the key watch's business: a daily 429 is
an operator alert). Read at start, every hour, and after a refusal for too many requests; a
refusal's text ("20 requests per minute exceeded (remaining: 0).") gives a limit when nothing
is published. Servers without /v1/me/info (Mistral's API, vLLM…) are paced by their refusals'
Retry-After alone: Mistral publishes per-workspace requests per second and tokens per minute on
its console, not through the API.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Collection, Coroutine, Mapping
from typing import Any

from bot.feature import Job
from bot.llm import LLMClient, LLMError
from bot.llm_queue import FairQueue, RateLimits

log = logging.getLogger(__name__)

REFRESH_EVERY = 3600.0
# After a refusal, the limits are read again at most this often.
MIN_REFRESH_INTERVAL = 60.0
_MAX_LIMITS = 1000
_MAX_VALUE = 10**12
_MINUTE = {"rpm": "rpm", "tpm": "tpm"}
# OpenGateLLM's refusals: "20 requests per minute exceeded (remaining: 0).",
# "50000 input tokens per minute exceeded (remaining: 120)."
_REFUSAL = re.compile(r"(\d{1,12}) (requests|input tokens|tokens) per minute exceeded")

Spawn = Callable[[Coroutine[Any, Any, Any]], None]


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= _MAX_VALUE else None


def parse_limits(data: object, names: Collection[str]) -> RateLimits | None:
    """The per-minute limits `/v1/me/info` gives for the model called one of `names` (its id
    and aliases); None when the body lists no limits at all."""
    if not isinstance(data, Mapping):
        return None
    permissions = data.get("permissions")
    if isinstance(permissions, list) and "admin" in permissions[:100]:
        return RateLimits(source="published")  # OpenGateLLM checks no limit for admins
    entries = data.get("limits")
    if not isinstance(entries, list) or not entries:
        return None
    wanted = {name.strip().lower() for name in names}
    by_model: dict[str, int | None] = {}
    by_router: dict[str, list[int | None]] = {}
    for entry in entries[:_MAX_LIMITS]:
        if not isinstance(entry, Mapping):
            continue
        kind = _MINUTE.get(str(entry.get("type", ""))[:8].lower())
        if kind is None:
            continue
        raw = entry.get("value")
        value = None if raw is None else _count(raw)
        if raw is not None and value is None:
            continue
        model = entry.get("model")
        if isinstance(model, str):
            if model[:300].strip().lower() in wanted:
                by_model[kind] = value
            continue
        if _count(entry.get("router_id", entry.get("router"))) is not None:
            by_router.setdefault(kind, []).append(value)
    if by_model:
        return RateLimits(_limit(by_model.get("rpm")), _limit(by_model.get("tpm")), "published")
    if by_router:
        return RateLimits(
            _strictest(by_router.get("rpm", [])), _strictest(by_router.get("tpm", [])), "published"
        )
    return RateLimits(source="published")  # limits, none per minute for this model


def _limit(value: int | None) -> int | None:
    return value if value else None  # null: no limit; 0 (no access) cannot be ours


def _strictest(values: list[int | None]) -> int | None:
    positive = [v for v in values if v]
    return min(positive) if positive else None


def limits_in_refusal(message: str) -> RateLimits | None:
    """The limit an OpenGateLLM 429 names, when it names a per-minute one."""
    found = _REFUSAL.search(message[:500])
    if found is None:
        return None
    value = int(found.group(1))
    if value <= 0:
        return None
    if found.group(2) == "requests":
        return RateLimits(rpm=value, source="refusal")
    return RateLimits(tpm=value, source="refusal")


class LimitsWatch:
    """Keeps the queue's pacer on the limits the provider publishes for our key."""

    def __init__(
        self,
        llm: LLMClient,
        queue: FairQueue,
        model: str,
        spawn: Spawn,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.llm = llm
        self.queue = queue
        self.model = model
        self.spawn = spawn
        self.clock = clock
        self.published: bool | None = None  # None until read; False: no /v1/me/info
        self._last = float("-inf")
        queue.on_rate_limited = self.after_refusal

    def job(self) -> Job:
        async def run(now: object) -> None:
            await self.refresh()

        return Job("llm-rate-limits", run, every=REFRESH_EVERY, first_after=REFRESH_EVERY)

    def after_refusal(self) -> None:
        """The queue met a 429: the limits may have changed (a new role): read them again."""
        if self.published is False or self.clock() - self._last < MIN_REFRESH_INTERVAL:
            return
        self.spawn(self.refresh())

    def refused(self, exc: LLMError, message: str = "") -> None:
        """A model request was refused: a 429 for too many requests pauses the queue."""
        if exc.kind == "rate_limited":
            self.queue.rate_limited(exc.retry_after, limits_in_refusal(message))

    async def refresh(self) -> None:
        self._last = self.clock()
        if self.published is False:
            return
        try:
            data = await self.llm.get_json("/me/info")
        except LLMError as exc:
            log.info("rate limits: /v1/me/info failed: %s", exc.kind)
            return
        if data is None:
            self.published = False
            log.info("rate limits: no /v1/me/info (not Albert): paced by refusals only")
            return
        names = {self.model}
        info = await self.llm.model_info(self.model)
        if info is not None:
            names.update((info.id, *info.aliases))
        limits = parse_limits(data, names)
        if limits is None:
            log.info("rate limits: /v1/me/info lists none")
            return
        self.published = True
        self.queue.set_limits(limits)
