"""Wiring: one lifespan opens and closes the database, the Matrix client and the LLM client."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import threading
from collections.abc import Iterable
from contextlib import AsyncExitStack

from bot.commands import Router
from bot.config import Config
from bot.context import Services
from bot.dispatcher import SYNC_TOKEN_KEY, Dispatcher
from bot.llm import LLMClient
from bot.matrix import AccountUnusable, MatrixClient
from bot.metrics import Metrics
from bot.ops import Alerts, LLMCheck, OpsServer
from handlers.access.router import router as access
from handlers.attachments.router import router as attachments
from handlers.chat.router import router as chat
from handlers.conversations.router import router as conversations
from handlers.export.router import router as export
from handlers.feedback.router import router as feedback
from handlers.greeting.router import router as greeting
from handlers.help.router import router as help
from handlers.instructions.router import router as instructions
from handlers.models.router import router as models
from handlers.privacy.pii import load_ner
from handlers.privacy.retention import RetentionJob
from handlers.privacy.router import router as privacy
from handlers.stats.router import router as stats
from handlers.surveys.router import router as surveys
from handlers.web.router import router as web
from storage.db import Clock, Database, utcnow

log = logging.getLogger(__name__)

ROUTERS: list[Router] = [
    greeting,
    help,
    access,
    surveys,
    feedback,
    stats,
    conversations,
    models,
    privacy,
    web,
    attachments,
    instructions,
    export,
    chat,
]


class BotApp:
    """The running bot. `async with BotApp(config) as app: await app.wait()`."""

    def __init__(
        self,
        config: Config,
        *,
        clock: Clock = utcnow,
        canned_answers: bool = False,
        routers: Iterable[Router] | None = None,
        shutdown_grace: float = 10.0,
    ) -> None:
        self.config = config
        self.clock = clock
        self.canned_answers = canned_answers
        self.routers = routers
        self.shutdown_grace = shutdown_grace
        self._stack = AsyncExitStack()
        self._stop = asyncio.Event()
        self._sync_task: asyncio.Task[None] | None = None
        self.matrix: MatrixClient | None = None
        self.dispatcher: Dispatcher | None = None
        self.services: Services | None = None
        self.retention: RetentionJob | None = None
        self.metrics = Metrics()
        self.ops: OpsServer | None = None
        self.alerts: Alerts | None = None

    async def __aenter__(self) -> BotApp:
        try:
            await self.start()
        except BaseException:
            await self._stack.aclose()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        config = self.config
        stack = self._stack
        if config.privacy.ner != "off":
            # spaCy's French model takes seconds to load (regex compilation, CPU-bound): start
            # now, while the bot logs in and syncs. A daemon thread never delays the exit.
            # openai looks httpx up in sys.modules, and spaCy's imports bring httpx in: imported
            # here first, the warm-up thread can never leave openai a half-imported module.
            with contextlib.suppress(ImportError):
                importlib.import_module("httpx")
            threading.Thread(target=load_ner, name="spacy-warmup", daemon=True).start()
        db = Database(config.storage.database, clock=self.clock)
        await db.open()
        stack.push_async_callback(db.close)

        matrix = MatrixClient(config.matrix, self.metrics)
        stack.push_async_callback(matrix.close)
        await matrix.login()
        await matrix.publish_keys()
        self.matrix = matrix

        llm = LLMClient(config.llm)
        stack.push_async_callback(llm.close)

        services = Services(
            config, db, matrix, llm, self.clock, canned_answers=self.canned_answers
        )
        services.metrics = self.metrics
        self.services = services
        stack.push_async_callback(services.web.close)  # web lookups' HTTP sessions (issue 5)
        # Attachments (issue 4): extraction workers and the OCR/transcription client.
        stack.callback(services.extractor.close)
        stack.push_async_callback(services.media_ai.close)
        # Stopped before the database closes (the stack unwinds in reverse).
        self.retention = RetentionJob(services)
        self.retention.start()
        stack.push_async_callback(self.retention.stop)
        # Surveys: definitions loaded (a bad file stops the start), unfinished rounds resumed.
        await services.survey_rounds.start()
        stack.push_async_callback(services.survey_rounds.stop)
        dispatcher = Dispatcher(services, self.routers or ROUTERS, matrix)
        self.dispatcher = dispatcher
        dispatcher.bot_names = await matrix.names()

        if config.support.room:
            try:
                support_id = await matrix.join(config.support.room)
            except AccountUnusable:
                raise
            except Exception as exc:
                log.error("cannot join the support room %s: %s", config.support.room, exc)
            else:
                dispatcher.support_room_id = support_id
                await services.rooms.upsert(support_id, "support", None)
                log.info("support room: %s", support_id)

        since = await services.state.get(SYNC_TOKEN_KEY)
        dispatcher.initial_sync = since is None
        self._sync_task = asyncio.create_task(
            matrix.run_sync(dispatcher, since, self._stop), name="matrix-sync"
        )
        await dispatcher.resume_pending()
        dispatcher.spawn(self._after_first_sync())
        await self._start_ops(services, matrix)
        log.info("bot started as %s (device %s)", matrix.user_id, matrix.device_id)

    async def _start_ops(self, services: Services, matrix: MatrixClient) -> None:
        """Operations (issue 8): the health and metrics listener, support-room alerts."""
        llm_check = LLMCheck(services)
        if self.config.ops.http_port:
            ops = OpsServer(
                services, last_sync_at=lambda: matrix.last_sync_at, llm_check=llm_check
            )
            try:
                await ops.start()
            except OSError as exc:
                # Serving users matters more than the probes: say it loudly and go on.
                log.error(
                    "ops listener not started on port %s: %s", self.config.ops.http_port, exc
                )
            else:
                self.ops = ops
                self._stack.push_async_callback(ops.stop)
        self.alerts = Alerts(services, llm_check)
        self.alerts.start()
        self._stack.push_async_callback(self.alerts.stop)

    async def _after_first_sync(self) -> None:
        assert self.matrix is not None and self.dispatcher is not None
        await self.matrix.wait_synced(timeout=120)
        assert self.services is not None
        await self.services.survey_rounds.resume()
        # Keys may have arrived while the bot was down.
        await self.dispatcher.retry_undecrypted()

    async def wait(self) -> None:
        """Until the sync loop ends; raises AccountUnusable if the account became unusable."""
        assert self._sync_task is not None and self.dispatcher is not None
        # A stop request must not wait for the current long-poll sync to return.
        failed = asyncio.create_task(self.dispatcher.failed.wait())
        stopped = asyncio.create_task(self._stop.wait())
        try:
            await asyncio.wait(
                {self._sync_task, failed, stopped}, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            failed.cancel()
            stopped.cancel()
        try:
            if self.dispatcher.fatal is not None:
                raise self.dispatcher.fatal
            if self._sync_task.done() and not self._sync_task.cancelled():
                self._sync_task.result()
        except AccountUnusable as exc:
            log.critical("Matrix account unusable (%s): the bot stops", exc.errcode)
            if self.alerts is not None:  # in the support room, if the homeserver still lets us
                await self.alerts.account_unusable(exc.errcode)
            raise

    def request_stop(self) -> None:
        self._stop.set()

    async def stop(self) -> None:
        """Stop syncing, let answers in flight finish (or checkpoint them), close everything."""
        self._stop.set()
        if self._sync_task is not None:
            self._sync_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._sync_task
        if self.dispatcher is not None:
            await self.dispatcher.shutdown(self.shutdown_grace)
        await self._stack.aclose()
        log.info("bot stopped")
