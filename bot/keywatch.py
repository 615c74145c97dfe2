"""The API key's watch: Albert's `/v1/me/info` (and its usage list) at start and daily, so that
the support room hears before the key expires or its budget runs out; and the support room's
alert when the model server refuses the key, the key's daily limit or its budget.

Servers without `/v1/me/info` (404: Mistral's API, vLLM, Ollama, llama.cpp) are skipped quietly.
Each warning goes out once per threshold, remembered in the key/value state across restarts.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bot import texts
from bot.feature import Job
from bot.llm import LLMClient, LLMError

log = logging.getLogger(__name__)

# Days before the key's expiry when the support room is warned (the tightest crossed wins).
EXPIRY_WARNINGS_DAYS = (30, 7, 1)
# The budget left, in percent of the highest level seen since the last top-up.
BUDGET_WARNINGS_PERCENT = (20, 5)
# Warned too when, at the last 7 days' pace, the budget lasts fewer days than this.
RUNWAY_WARNING_DAYS = 7
USAGE_WINDOW_DAYS = 7
CHECK_EVERY = 24 * 3600.0
FIRST_CHECK_AFTER = 1.0  # seconds after the scheduler starts (after the first sync)
STATE_KEY = "keywatch"
_MAX_MARKERS = 50
_MAX_USAGE_ROWS = 100
_LATEST = 10**11  # seconds since 1970: beyond this an `expires` is not a date


class KeyValue(Protocol):
    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...


Post = Callable[[str, str], Coroutine[Any, Any, bool]]
Spawn = Callable[[Coroutine[Any, Any, Any]], None]


@dataclass(frozen=True)
class KeyInfo:
    expires: datetime | None  # None: never
    budget: float | None  # what is left; None: unlimited (or no budget on this server)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def parse_me_info(data: object) -> KeyInfo | None:
    """OpenGateLLM's `userInfo`: `expires` (Unix seconds or null) and `budget` (what is left,
    null for unlimited; gone from recent versions). None when it is not such an object."""
    if not isinstance(data, Mapping):
        return None
    expires_at = None
    expires = _number(data.get("expires"))
    if expires is not None and 0 < expires < _LATEST:
        expires_at = datetime.fromtimestamp(expires, UTC)
    return KeyInfo(expires_at, _number(data.get("budget")))


def spent(data: object) -> float | None:
    """The cost summed over a usage list (`data[].usage.cost`: daily buckets today, one row a
    request before), scaled up when the server paged it; None when it is not such a list."""
    if not isinstance(data, Mapping) or not isinstance(data.get("data"), list):
        return None
    rows = data["data"][:_MAX_USAGE_ROWS]
    total = 0.0
    for row in rows:
        usage = row.get("usage") if isinstance(row, Mapping) else None
        cost = _number(usage.get("cost")) if isinstance(usage, Mapping) else None
        total += max(0.0, cost or 0.0)
    listed = _number(data.get("total"))
    if rows and listed is not None and listed > len(rows):
        total *= min(listed, 1e6) / len(rows)
    return total


class KeyWatch:
    def __init__(
        self,
        llm: LLMClient,
        state: KeyValue,
        clock: Callable[[], datetime],
        post: Post,
        spawn: Spawn,
    ) -> None:
        self.llm = llm
        self.state = state
        self.clock = clock
        self.post = post
        self.spawn = spawn
        self.albert: bool | None = None  # None until the first check; False: no /v1/me/info

    # Refusals met by answers ---------------------------------------------------------------

    async def llm_problem(self, exc: LLMError) -> None:
        """LLMClient.on_problem: the support room hears it, in the background."""
        detail = str(exc)
        if exc.kind == "key_refused":
            text = texts.alert_llm_key_refused(detail)
        elif exc.kind == "daily_limit":
            text = texts.alert_llm_daily_limit(detail)
        elif exc.kind == "budget":
            text = texts.alert_llm_budget(detail)
        else:
            return
        log.error("model server refusal the operators must act on: %s", detail)
        self.spawn(self.post(f"llm_{exc.kind}", text))

    # The daily check ------------------------------------------------------------------------

    def job(self) -> Job:
        async def run(now: datetime) -> None:
            await self.check()

        return Job("llm-key-watch", run, every=CHECK_EVERY, first_after=FIRST_CHECK_AFTER)

    async def check(self) -> None:
        if self.albert is False:
            return
        try:
            data = await self.llm.get_json("/me/info")
        except LLMError as exc:
            # /v1/me/info answers even for an expired key: a refusal here is a wrong key.
            log.warning("key watch: /v1/me/info failed: %s", exc.kind)
            if exc.kind == "key_refused":
                await self.post("llm_key_refused", texts.alert_llm_key_refused(str(exc)))
            return
        if data is None:
            self.albert = False
            log.info("key watch: the model server has no /v1/me/info (not Albert): skipped")
            return
        info = parse_me_info(data)
        if info is None:
            log.warning("key watch: /v1/me/info did not send an object")
            return
        self.albert = True
        state = await self._load()
        now = self.clock()
        if info.expires is not None:
            await self._expiry(info.expires, now, state)
        if info.budget is not None:
            await self._budget(info.budget, now, state)
        await self._save(state)

    async def _warn(self, state: dict[str, Any], markers: list[str], key: str, text: str) -> None:
        """Post `text` unless every marker went out already; then remember them all."""
        sent: list[str] = state["sent"]
        if all(marker in sent for marker in markers):
            return
        if await self.post(key, text):
            sent.extend(m for m in markers if m not in sent)
            del sent[:-_MAX_MARKERS]

    async def _expiry(self, expires: datetime, now: datetime, state: dict[str, Any]) -> None:
        stamp = int(expires.timestamp())
        left = (expires - now).total_seconds() / 86400
        if left <= 0:
            await self._warn(
                state, [f"expired:{stamp}"], "key_expiry", texts.alert_key_expired(expires)
            )
            return
        crossed = [days for days in EXPIRY_WARNINGS_DAYS if left <= days]
        if crossed:
            markers = [f"expiry:{stamp}:{days}" for days in crossed]
            text = texts.alert_key_expires(int(left), expires)
            await self._warn(state, markers, "key_expiry", text)

    async def _budget(self, budget: float, now: datetime, state: dict[str, Any]) -> None:
        last = _number(state.get("budget"))
        top = _number(state.get("top"))
        epoch = int(state.get("epoch") or 0)
        if last is not None and budget > last:
            epoch, top = epoch + 1, budget  # a top-up: a new round of warnings
        top = budget if top is None else max(top, budget)
        state.update(budget=budget, top=top, epoch=epoch)
        if budget <= 0:
            await self._warn(
                state, [f"budget:{epoch}:0"], "key_budget", texts.alert_budget_spent()
            )
            return
        percent = 100.0 if top <= 0 else budget / top * 100
        markers = [f"budget:{epoch}:{p}" for p in BUDGET_WARNINGS_PERCENT if percent <= p]
        runway = await self._runway(budget, now)
        if runway is not None and runway <= RUNWAY_WARNING_DAYS:
            markers.append(f"runway:{epoch}:{RUNWAY_WARNING_DAYS}")
        if markers:
            text = texts.alert_budget_low(budget, int(percent), runway)
            await self._warn(state, markers, "key_budget", text)

    async def _runway(self, budget: float, now: datetime) -> float | None:
        """Days the budget lasts at the pace of the last USAGE_WINDOW_DAYS, if the server
        lists its usage."""
        end = int(now.timestamp())
        start = int((now - timedelta(days=USAGE_WINDOW_DAYS)).timestamp())
        params = {"start_time": start, "end_time": end, "limit": _MAX_USAGE_ROWS}
        for path in ("/usage", "/me/usage"):
            try:
                data = await self.llm.get_json(path, params)
            except LLMError as exc:
                log.info("key watch: %s failed: %s", path, exc.kind)
                return None
            if data is None:
                continue
            cost = spent(data)
            if cost is None or cost <= 0:
                return None
            return budget / (cost / USAGE_WINDOW_DAYS)
        return None

    async def _load(self) -> dict[str, Any]:
        raw = await self.state.get(STATE_KEY)
        state: dict[str, Any] = {}
        if raw:
            try:
                loaded = json.loads(raw)
            except ValueError:
                loaded = None
            if isinstance(loaded, dict):
                state = loaded
        sent = state.get("sent")
        state["sent"] = [m for m in sent if isinstance(m, str)] if isinstance(sent, list) else []
        return state

    async def _save(self, state: dict[str, Any]) -> None:
        await self.state.set(STATE_KEY, json.dumps(state))
