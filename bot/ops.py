"""Operations: the /healthz, /readyz and /metrics listener, and rate-limited support alerts."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST

from bot import texts
from bot.context import Services
from bot.feature import Job
from bot.llm import LLMError

# aiohttp's server side is imported when the listener starts, while the first sync is in
# flight: not by `import bot.app`, which a restart's first answer waits for.
if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger(__name__)

# Seconds between two rounds of alert checks.
ALERTS_PERIOD = 30.0
# Seconds /readyz waits for the database to answer a read.
DB_CHECK_TIMEOUT = 5.0


class LLMCheck:
    """Is the model server reachable? `GET /v1/models`, cached for `ttl` seconds."""

    def __init__(self, services: Services, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.services = services
        self.clock = clock
        self._checked_at: float | None = None
        self._result: tuple[bool, str] = (False, "not checked")
        self._lock = asyncio.Lock()

    async def __call__(self) -> tuple[bool, str]:
        ops = self.services.config.ops
        async with self._lock:  # concurrent probes share one request
            now = self.clock()
            if self._checked_at is not None and now - self._checked_at < ops.llm_check_ttl:
                return self._result
            try:
                await asyncio.wait_for(self.services.llm.list_models(), ops.llm_check_timeout)
            except LLMError as exc:
                self._result = (False, exc.kind)
            except TimeoutError:
                self._result = (False, "timeout")
            except Exception as exc:  # a probe must answer, whatever the server sent
                self._result = (False, type(exc).__name__)
            else:
                self._result = (True, "ok")
            self._checked_at = self.clock()
            metrics = self.services.metrics
            if self._result[0]:
                metrics.llm_ok()
            else:
                metrics.llm_failed(self._result[1])
            return self._result


class OpsServer:
    """aiohttp listener on [ops] http_host:http_port (loopback by default)."""

    def __init__(
        self,
        services: Services,
        *,
        last_sync_at: Callable[[], float | None],
        loop_time: Callable[[], float] | None = None,
        llm_check: LLMCheck | None = None,
    ) -> None:
        self.services = services
        self._last_sync_at = last_sync_at
        self._loop_time = loop_time
        self.llm_check = llm_check or LLMCheck(services)
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def _now(self) -> float:
        return self._loop_time() if self._loop_time else asyncio.get_running_loop().time()

    def app(self) -> web.Application:
        from aiohttp import web

        app = web.Application()
        app.router.add_get("/healthz", self.healthz)  # open: the container's HEALTHCHECK
        app.router.add_get("/readyz", self._guarded(self.readyz))
        app.router.add_get("/metrics", self._guarded(self.metrics))
        return app

    def _guarded(
        self, handler: Callable[[web.Request], Awaitable[web.Response]]
    ) -> Callable[[web.Request], Awaitable[web.Response]]:
        """With [ops] http_token set, the request must carry `Authorization: Bearer <token>`."""

        async def guarded(request: web.Request) -> web.Response:
            from aiohttp import web

            secret = self.services.config.ops.http_token
            expected = secret.get_secret_value() if secret else ""
            if expected:
                given = request.headers.get("Authorization", "")
                scheme, _, token = given.partition(" ")
                ok = scheme.lower() == "bearer" and hmac.compare_digest(
                    token.strip().encode(), expected.encode()
                )
                if not ok:
                    return web.json_response(
                        {"status": "unauthorized"},
                        status=401,
                        headers={"WWW-Authenticate": "Bearer"},
                    )
            return await handler(request)

        return guarded

    async def start(self) -> None:
        from aiohttp import web

        ops = self.services.config.ops
        runner = web.AppRunner(self.app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, ops.http_host, ops.http_port)
        await site.start()
        self._runner = runner
        addresses = runner.addresses
        self.port = int(addresses[0][1]) if addresses else ops.http_port
        token = ops.http_token is not None and bool(ops.http_token.get_secret_value())
        log.info(
            "ops listener on %s:%s (/readyz and /metrics %s)",
            ops.http_host,
            self.port,
            "require the bearer token" if token else "open: no [ops] http_token",
        )

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # Handlers ------------------------------------------------------------------------

    async def healthz(self, request: web.Request) -> web.Response:
        from aiohttp import web

        return web.json_response({"status": "ok"})

    def sync_age(self) -> float | None:
        last = self._last_sync_at()
        return None if last is None else max(0.0, self._now() - last)

    async def db_check(self) -> tuple[bool, str]:
        """Does the database answer? A read: no write lock, no transaction, so a timeout
        (behind a long query) abandons nothing that could block or swallow later writes."""
        try:
            async with asyncio.timeout(DB_CHECK_TIMEOUT):
                await self.services.db.ping()
        except Exception as exc:
            return False, type(exc).__name__
        return True, "ok"

    async def readyz(self, request: web.Request) -> web.Response:
        from aiohttp import web

        ops = self.services.config.ops
        age = self.sync_age()
        sync_ok = age is not None and age <= ops.ready_max_sync_age
        db_ok, db_detail = await self.db_check()
        llm_ok, llm_detail = await self.llm_check()
        checks: dict[str, Any] = {
            "sync": {
                "ok": sync_ok,
                "age_seconds": None if age is None else round(age, 1),
            },
            "database": {"ok": db_ok, "detail": db_detail},
            "llm": {"ok": llm_ok, "detail": llm_detail},
        }
        ready = sync_ok and db_ok and llm_ok
        return web.json_response(
            {"status": "ready" if ready else "not ready", "checks": checks},
            status=200 if ready else 503,
        )

    async def refresh_gauges(self) -> None:
        """Values read from the database and the sync loop at scrape time."""
        services = self.services
        metrics = services.metrics
        age = self.sync_age()
        metrics.sync_age.set(age if age is not None else float("nan"))
        metrics.queue_depth.set(await services.inbox.pending_count())
        since = (
            (services.clock() - timedelta(hours=24))
            .astimezone(UTC)
            .isoformat(timespec="milliseconds")
        )
        metrics.active_users.set(await services.inbox.senders_since(since))
        path = services.db.path
        size = 0
        for suffix in ("", "-wal"):
            with contextlib.suppress(OSError):
                size += path.with_name(path.name + suffix).stat().st_size
        metrics.db_size.set(size)

    async def metrics(self, request: web.Request) -> web.Response:
        from aiohttp import web

        await self.refresh_gauges()
        return web.Response(
            body=self.services.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )


class Alerts:
    """Failures the team must see, posted to the support room at most once per interval."""

    def __init__(
        self,
        services: Services,
        llm_check: LLMCheck,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.services = services
        self.llm_check = llm_check
        self.clock = clock
        self._last_sent: dict[str, float] = {}
        self.sent: list[str] = []  # keys of the alerts posted, for tests and logs

    async def post(self, key: str, text: str) -> bool:
        """Post `text` unless the same alert went out less than the interval ago."""
        ops = self.services.config.ops
        now = self.clock()
        last = self._last_sent.get(key)
        if last is not None and now - last < ops.alert_min_interval_minutes * 60:
            return False
        self._last_sent[key] = now
        log.error("alert %s", key)
        room = self.services.support_room_id
        if room is None:
            return False
        try:
            await asyncio.wait_for(self.services.matrix.send_text(room, text, notice=True), 15)
        except Exception as exc:
            log.error("could not post alert %s to the support room: %s", key, exc)
            return False
        self.sent.append(key)
        return True

    async def check(self) -> None:
        """One round of checks; the scheduler runs it every `PERIOD` seconds (`job`)."""
        ops = self.services.config.ops
        metrics = self.services.metrics
        await self.llm_check()  # detects an outage even when nobody is asking anything
        since = metrics.llm_failing_since
        if since is not None:
            minutes = (self.clock() - since) / 60
            if minutes >= ops.alert_llm_down_minutes:
                await self.post(
                    "llm_down", texts.alert_llm_down(int(minutes), metrics.llm_last_error or "?")
                )
        window = ops.alert_window_minutes * 60
        failures = metrics.recent_decryption_failures(window)
        if failures >= ops.alert_decryption_failures:
            await self.post(
                "decryption", texts.alert_decryption(failures, int(ops.alert_window_minutes))
            )

    async def account_unusable(self, errcode: str | None) -> None:
        """The account stopped working: try to say so (an expired account usually cannot)."""
        await self.post("account", texts.alert_account(errcode or "?"))

    def job(self) -> Job:
        async def run(now: datetime) -> None:
            await self.check()

        return Job("ops-alerts", run, every=ALERTS_PERIOD, first_after=ALERTS_PERIOD)
