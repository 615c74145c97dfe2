"""The composition root: the one module that knows the features. It assembles them on the
runtime, in a written-down order, and runs the bot's one lifespan.

Routing order, and why (intercepts, messages and turn hooks follow it; help lists commands in
it):

 1. greeting       says hello in a new DM (greetings are not routed further)
 2. help           `!aide`, open to everyone whatever their status
 3. access         the gate: decides who is answered before any other feature sees the event
 4. surveys        a survey in progress takes the agent's replies (after the gate, before chat)
 5. feedback       👍/👎 on answers, and the comment that follows a 👎
 6. stats          staff statistics
 7. conversations  history, resume, titles; quotes the answer a message replies to (turn hook)
 8. models         `!modele`
 9. privacy        the personal-data guard (provided to the pipeline) and the agents' rights
10. web            `!web`, link reading (turn hook: pages as quoted material)
10b. sources       `!officiel`, `!sources publiques on|off` (turn hook: official excerpts,
                   numbered after the web's pages)
11. attachments    media events and `!documents`; passages before each question (turn hook)
12. instructions   `!consignes` (turn hook: the agent's standing instructions)
12b. templates     `!gabarits`, `!gabarit` (turn hook: the armed template, after the
                   standing instructions: it is the more specific of the two)
13. export         `!exporter`
14. chat           last: answers whatever text message no other feature took

Single providers: the personal-data guard comes from privacy, the quota policy from access,
the PDF reader (for links to PDFs) from attachments, the generated title from conversations.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import importlib.util
import logging
from collections.abc import Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from pydantic import Field

from bot import texts
from bot.account_validity import take_renewal
from bot.commands import CommandTable, Router
from bot.config import RuntimeConfig, read_config
from bot.context import Core, Extensions, MatrixPort, Services
from bot.dispatcher import SYNC_TOKEN_KEY, Dispatcher
from bot.events import AccountUnusable
from bot.feature import Feature
from bot.gcpause import paused_gc
from bot.keywatch import KeyWatch
from bot.llm import LLMClient
from bot.matrix import MatrixClient
from bot.metrics import Metrics
from bot.ops import Alerts, LLMCheck, OpsServer
from bot.provider_limits import LimitsWatch
from bot.scheduler import Scheduler
from handlers import (
    access,
    attachments,
    chat,
    conversations,
    export,
    feedback,
    greeting,
    help,
    instructions,
    models,
    privacy,
    sources,
    stats,
    surveys,
    templates,
    web,
)
from handlers.access.config import AccessConfig
from handlers.attachments.config import AttachmentsConfig
from handlers.conversations.config import ConversationsConfig
from handlers.privacy.config import PrivacyConfig
from handlers.sources.config import SourcesConfig
from handlers.surveys.config import SurveysConfig
from handlers.templates.config import TemplatesConfig
from handlers.web.config import WebConfig
from storage.db import Clock, Database, utcnow
from storage.rooms import RoomStateRepository
from storage.users import RoomKind, RoomRepository

log = logging.getLogger(__name__)


class Config(RuntimeConfig):
    """The whole configuration: the runtime's sections and each feature's own."""

    privacy: PrivacyConfig = Field(default_factory=PrivacyConfig)
    access: AccessConfig = Field(default_factory=AccessConfig)
    attachments: AttachmentsConfig = Field(default_factory=AttachmentsConfig)
    web: WebConfig = Field(default_factory=WebConfig)
    sources: SourcesConfig = Field(default_factory=SourcesConfig)
    surveys: SurveysConfig = Field(default_factory=SurveysConfig)
    conversations: ConversationsConfig = Field(default_factory=ConversationsConfig)
    templates: TemplatesConfig = Field(default_factory=TemplatesConfig)

    def resolve_paths(self, base: Path) -> Self:
        super().resolve_paths(base)
        if not self.surveys.dir.is_absolute():
            self.surveys.dir = (base / self.surveys.dir).resolve()
        if not self.templates.dir.is_absolute():
            self.templates.dir = (base / self.templates.dir).resolve()
        return self


def load_config(path: Path, environ: dict[str, str] | None = None) -> Config:
    """Read, overlay and validate the configuration; raise ConfigError listing all problems."""
    return read_config(path, Config, environ)


def offline_checks(config: Config) -> list[str]:
    """The features' own checks of their files, without logging in (`check-config`)."""
    where = config.source.where(("sources", "collections"))
    llm_key = config.llm.api_key.get_secret_value()
    found = sources.check(config.sources, config.llm.base_url, llm_key)
    return surveys.check(config.surveys) + [f"{where}: {problem}" for problem in found]


# Libraries the features import only when an agent needs them (a document to read or to write),
# so importing this module does not prove they are installed: `check-config` imports them and
# `run` looks for them, and a missing one is said at start instead of to an agent. spaCy is not
# here: without it, person names are found by rules (privacy.ner = "auto").
LAZY_IMPORTS = (
    "pypdf",  # attachments: PDF
    "docx",  # attachments and export: DOCX
    "odf.opendocument",  # attachments and export: ODT, ODS, ODP
    "openpyxl",  # attachments: XLSX
    "pptx",  # attachments: PPTX
    "striprtf.striprtf",  # attachments: RTF
    "av",  # attachments: voice messages converted for the transcription server
    "trafilatura",  # attachments (HTML files) and the web feature's extraction worker
)


def build_features(core: Core, config: Config) -> list[Feature]:
    """Every feature set up on the core, in routing order (see the module's docstring)."""
    conv = config.conversations
    return [
        greeting.setup(
            core,
            documents=config.attachments.enabled,
            voice=config.attachments.enabled and config.attachments.transcription,
        ),
        help.setup(core),
        access.setup(core, config.access),
        surveys.setup(core, config.surveys),
        feedback.setup(core, comment_window_minutes=config.surveys.comment_window_minutes),
        stats.setup(core),
        conversations.setup(core, conv),
        models.setup(core),
        privacy.setup(core, config.privacy),
        web.setup(core, config.web),
        sources.setup(core, config.sources),
        attachments.setup(core, config.attachments),
        instructions.setup(core, max_chars=conv.max_instruction_chars),
        templates.setup(core, config.templates),
        export.setup(
            core, default_format=conv.export_format, max_messages=conv.export_max_messages
        ),
        chat.setup(core),
    ]


def _single(features: Sequence[Feature], what: str) -> Any:
    provided = [getattr(f, what) for f in features if getattr(f, what) is not None]
    if len(provided) > 1:
        raise ValueError(f"more than one feature provides {what}")
    return provided[0] if provided else None


@dataclass(frozen=True)
class Assembly:
    """The services and the features, as the bot runs them (tests wire the same)."""

    services: Services
    features: tuple[Feature, ...]

    @property
    def routers(self) -> list[Router]:
        return [f.router for f in self.features]


def assemble(core: Core, config: Config) -> Assembly:
    features = build_features(core, config)
    routers = [f.router for f in features]
    defaults = Extensions()
    extensions = Extensions(
        commands=tuple(CommandTable(routers).commands),
        turn_hooks=tuple(hook for router in routers for hook in router.turn_hooks),
        answered=tuple(hook for f in features for hook in f.answered),
        guard=_single(features, "guard") or defaults.guard,
        quota=_single(features, "quota") or defaults.quota,
        read_pdf=_single(features, "read_pdf"),
    )
    parts = {type(f.part): f.part for f in features if f.part is not None}
    return Assembly(Services.of(core, extensions, parts), tuple(features))


def make_core(
    config: Config,
    db: Database,
    matrix: MatrixPort,
    llm: LLMClient,
    clock: Callable[[], datetime],
    *,
    metrics: Metrics | None = None,
    support_room_id: str | None = None,
    canned_answers: bool = False,
) -> Core:
    return Core(
        config,
        db,
        matrix,
        llm,
        clock,
        metrics=metrics or Metrics(),
        support_room_id=support_room_id,
        admin_power_level=config.access.admin_power_level,
        canned_answers=canned_answers,
    )


# Seconds between the first sync and the start of the scheduled jobs (see _start_scheduler).
SCHEDULER_DELAY = 2.0

# The ops listener starts OPS_DELAY seconds after the first sync (the answers it brought have
# sent their model requests: 0.1-0.3 s in bench/restart_timeline.py, and do not wait for its
# 0.1 s of imports; before the scheduler's start), or OPS_WAIT seconds after the start without
# one (a homeserver down: the liveness probe must still answer).
OPS_DELAY = 1.5
OPS_WAIT = 10.0

# Seconds after the shutdown grace for cut answers to be marked as such (5 s each, at once).
SHUTDOWN_MARGIN = 6.0


async def _model_info(llm: LLMClient, model: str) -> None:
    """`llm.model_info`, which handles the listing's failures; anything else is logged."""
    try:
        await llm.model_info(model)
    except Exception as exc:
        log.warning("model listing at start failed: %s: %s", type(exc).__name__, exc)


async def _cancel(task: asyncio.Future[None]) -> None:
    """Cancel `task` and wait until it has unwound (whatever it ends with)."""
    task.cancel()
    await asyncio.wait({task})


# Covers the guard's main detectors (a name, an e-mail, a phone number, an IBAN): invented.
_WARM_UP_TEXT = (
    "Bonjour, je suis Jeanne Martin (jeanne.martin@exemple.gouv.fr, 06 12 34 56 78), "
    "IBAN FR76 3000 6000 0112 3456 7890 189."
)


# How long the start waits for that scan: milliseconds with the rules alone; with spaCy's NER
# on, loading its model takes seconds, and the first question waits for it instead of the sync.
WARM_UP_WAIT = 2.0


async def _warm_guard(services: Services) -> None:
    """One scan through the guard before the first sync: its detectors and worker thread are
    up when the first question comes. A failure is logged; the first question scans anyway."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    done = asyncio.Event()

    async def scan() -> None:
        try:
            await services.extensions.guard.pseudonymise([_WARM_UP_TEXT])
        except Exception as exc:
            log.warning("personal-data guard warm-up failed: %s: %s", type(exc).__name__, exc)
            return
        finally:
            done.set()
        elapsed_ms = (loop.time() - started) * 1000
        log.info("personal-data guard ready (warm-up scan in %.0f ms)", elapsed_ms)

    services.tasks.spawn(scan())  # cancelled at the stop if still running
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), WARM_UP_WAIT)
    if not done.is_set():
        log.info("personal-data guard still loading after %.0f s: the sync starts", WARM_UP_WAIT)


class BotApp:
    """The running bot. `async with BotApp(config) as app: await app.wait()`.

    `request_stop()` (SIGTERM, SIGINT) is heard at any moment: while starting (login, waiting
    for an unreachable homeserver, key upload) it cancels the start-up, and `wait()` returns.
    """

    def __init__(
        self,
        config: Config,
        *,
        clock: Clock = utcnow,
        canned_answers: bool = False,
        shutdown_grace: float = 10.0,
    ) -> None:
        self.config = config
        self.clock = clock
        self.canned_answers = canned_answers
        self.shutdown_grace = shutdown_grace
        self._stack = AsyncExitStack()
        self._stop = asyncio.Event()
        self._sync_task: asyncio.Task[None] | None = None
        self.matrix: MatrixClient | None = None
        self.dispatcher: Dispatcher | None = None
        self.services: Services | None = None
        self.assembly: Assembly | None = None
        self.scheduler: Scheduler | None = None
        self.metrics = Metrics()
        self.ops: OpsServer | None = None
        self.ops_tried = asyncio.Event()  # set once the ops listener was started (or failed)
        self.alerts: Alerts | None = None
        self.keywatch: KeyWatch | None = None

    async def __aenter__(self) -> BotApp:
        starting = asyncio.create_task(self.start(), name="bot-start")
        stopped = asyncio.create_task(self._stop.wait())
        try:
            await asyncio.wait({starting, stopped}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:  # this task was cancelled
            await _cancel(starting)
            await self.stop()
            raise
        finally:
            stopped.cancel()
        if not starting.done():
            await _cancel(starting)
        if not starting.cancelled() and starting.exception() is None:
            return self
        if self._stop.is_set():
            log.info("stop requested while starting: start-up abandoned")
            return self  # wait() returns at once; __aexit__ closes what start() opened
        await self.stop()
        starting.result()  # what start() raised
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        config = self.config
        stack = self._stack
        # openai looks httpx up in sys.modules, and spaCy's warm-up thread imports it: imported
        # here first, no thread can leave openai a half-imported module. Only then: httpx (and
        # the rich console it brings) costs a tenth of a second that a restart's first answer
        # would otherwise wait for.
        if config.privacy.ner != "off" and importlib.util.find_spec("spacy") is not None:
            with contextlib.suppress(ImportError):
                importlib.import_module("httpx")
        # The model client first, and the model listing asked at once: the first answer needs
        # it (the model's context size), and its round trip (a connection to open, TLS with a
        # remote provider) is taken while the database opens and the homeserver answers, not
        # after the first question. The client caches it (an answer that comes meanwhile waits
        # for the same listing, a failure is handled as an answer's would be).
        llm = LLMClient(config.llm)
        stack.push_async_callback(llm.close)
        listing = asyncio.ensure_future(_model_info(llm, config.llm.model))
        stack.push_async_callback(_cancel, listing)
        db = Database(config.storage.database, clock=self.clock)
        await db.open()
        stack.push_async_callback(db.close)

        # The rooms' state kept across restarts: the first sync needs no full state.
        matrix = MatrixClient(config.matrix, self.metrics, RoomStateRepository(db))
        stack.push_async_callback(matrix.close)
        await matrix.connect()  # waits out an unreachable homeserver; AccountUnusable if refused
        self.matrix = matrix

        support_room_id = await self._join_support_room(matrix, db)
        core = make_core(
            config,
            db,
            matrix,
            llm,
            self.clock,
            metrics=self.metrics,
            support_room_id=support_room_id,
            canned_answers=self.canned_answers,
        )
        with paused_gc():  # the features' set-up imports the guard's patterns (CPU only)
            assembly = assemble(core, config)
        self.assembly = assembly
        services = assembly.services
        self.services = services
        for feature in assembly.features:
            if feature.close is not None:
                stack.push_async_callback(feature.close)
        for feature in assembly.features:
            if feature.start is not None:
                await feature.start(services)
        # The personal-data guard is ready before the first event can be taken.
        await _warm_guard(services)

        dispatcher = Dispatcher(services, assembly.routers, matrix)
        self.dispatcher = dispatcher
        dispatcher.bot_names = await matrix.names()

        since = await services.state.get(SYNC_TOKEN_KEY)
        dispatcher.initial_sync = since is None
        self._sync_task = asyncio.create_task(
            matrix.run_sync(dispatcher, since, self._stop), name="matrix-sync"
        )
        await dispatcher.resume_pending()
        dispatcher.spawn(self._after_first_sync())
        llm_check = LLMCheck(services)
        dispatcher.spawn(self._start_ops_later(services, matrix, llm_check))
        self.alerts = Alerts(services, llm_check)
        # The API key: checked at start and daily; refusals met by answers reach the room.
        self.keywatch = KeyWatch(
            llm, services.state, self.clock, self.alerts.post, services.tasks.spawn
        )
        llm.on_problem = self.keywatch.llm_problem
        # The provider's published rate limits pace the model queue: read now, then hourly.
        limits = LimitsWatch(llm, services.llm_queue, config.llm.model, services.tasks.spawn)
        llm.on_refusal = lambda exc: limits.refused(exc, exc.server_text)
        services.tasks.spawn(limits.refresh())
        scheduler = Scheduler(self.clock)
        scheduler.add([self.alerts.job(), self.keywatch.job(), limits.job()])
        for feature in assembly.features:
            scheduler.add(feature.jobs)
        self.scheduler = scheduler
        # Stopped before the features close and the database closes (the stack unwinds in
        # reverse).
        stack.push_async_callback(scheduler.stop)
        log.info("bot started as %s (device %s)", matrix.user_id, matrix.device_id)

    async def _join_support_room(self, matrix: MatrixClient, db: Database) -> str | None:
        if not self.config.support.room:
            return None
        try:
            support_id = await matrix.join(self.config.support.room)
        except AccountUnusable:
            raise
        except Exception as exc:
            log.error("cannot join the support room %s: %s", self.config.support.room, exc)
            return None
        await RoomRepository(db).upsert(support_id, RoomKind.SUPPORT, None)
        log.info("support room: %s", support_id)
        return support_id

    async def _start_ops_later(
        self, services: Services, matrix: MatrixClient, check: LLMCheck
    ) -> None:
        """The health and metrics listener, once the first sync has handed its messages over (or
        after OPS_WAIT without one): importing aiohttp's server side takes a tenth of a second
        of CPU that the first answers after a restart would otherwise wait for before their
        sync is even sent; OPS_DELAY later, they are waiting for the model's first token."""
        with contextlib.suppress(TimeoutError):
            await matrix.wait_synced(timeout=OPS_WAIT)
        await asyncio.sleep(OPS_DELAY)
        if not self._stop.is_set():
            await self._start_ops(services, matrix, check)
            self.ops_tried.set()

    async def _start_ops(self, services: Services, matrix: MatrixClient, check: LLMCheck) -> None:
        """The health and metrics listener."""
        if not self.config.ops.http_port:
            return
        ops = OpsServer(services, last_sync_at=lambda: matrix.last_sync_at, llm_check=check)
        try:
            await ops.start()
        except OSError as exc:
            # Serving users matters more than the probes: say it loudly and go on.
            log.error("ops listener not started on port %s: %s", self.config.ops.http_port, exc)
            return
        if self._stop.is_set():  # the stop came while it started: the stack may be closed
            await ops.stop()
            return
        self.ops = ops
        self._stack.push_async_callback(ops.stop)

    async def _tell_account_renewed(self) -> None:
        """The account had expired at an earlier run (it could not post then): now that it works
        again, the support room hears it, once (bot/account_validity.py)."""
        assert self.matrix is not None and self.services is not None
        expiry = take_renewal(self.config.matrix)
        if expiry is None:
            return
        log.warning("the bot's account works again after its expiry")
        room = self.services.support_room_id
        if not room:
            return
        text = texts.account_renewed(expiry.seen_at, expiry.requested_at)
        try:
            await self.matrix.send_text(room, text, notice=True)
        except Exception as exc:
            log.warning("cannot tell the support room the account was renewed: %s", exc)

    async def _after_first_sync(self) -> None:
        assert self.matrix is not None and self.dispatcher is not None
        assert self.services is not None and self.assembly is not None
        await self.matrix.wait_synced(timeout=120)
        await self._tell_account_renewed()
        for feature in self.assembly.features:
            if feature.synced is not None:
                await feature.synced(self.services)
        if self.scheduler is not None:
            self.dispatcher.spawn(self._start_scheduler(self.scheduler))
        # Keys may have arrived while the bot was down (or come back from the key backup).
        await self.dispatcher.retry_undecrypted()
        await self._tell_identity_problems()

    async def _start_scheduler(self, scheduler: Scheduler) -> None:
        """The jobs (hourly, daily or cron) start a moment after the first sync: importing the
        scheduler's library and adding the jobs holds the event loop, which the answers to the
        messages found by that sync need first to reach the model."""
        await asyncio.sleep(SCHEDULER_DELAY)
        scheduler.start()

    async def _tell_identity_problems(self) -> None:
        """The support room hears when the bot's device could not be cross-signed or its room
        keys backed up (bot/crosssign.py, bot/keybackup.py); the log says why."""
        assert self.matrix is not None and self.services is not None
        room = self.services.support_room_id
        if not room:
            return
        for problem in self.matrix.identity_problems:
            try:
                await self.matrix.send_text(room, texts.IDENTITY_PROBLEMS[problem], notice=True)
            except Exception as exc:
                log.warning("cannot tell the support room about %s: %s", problem, exc)

    async def wait(self) -> None:
        """Until the sync loop ends; raises AccountUnusable if the account became unusable."""
        if self._sync_task is None and self._stop.is_set():
            return  # stopped before start-up finished
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
        except AccountUnusable as exc:  # the command line says so, in one line, at CRITICAL
            if self.alerts is not None:  # in the support room, if the homeserver still lets us
                await self.alerts.account_unusable(exc.errcode)
            raise

    def request_stop(self) -> None:
        self._stop.set()

    async def stop(self) -> None:
        """Stop syncing, let answers in flight finish (or checkpoint them), close everything."""
        self._stop.set()
        if self.matrix is not None:
            self.matrix.stopping()
        if self._sync_task is not None:
            self._sync_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._sync_task
        if self.dispatcher is not None:
            # Answers get their grace, then a few seconds to say they were cut; past that, a
            # homeserver that does not answer must not hold the stop (they resume at the next
            # start either way).
            try:
                async with asyncio.timeout(self.shutdown_grace + SHUTDOWN_MARGIN):
                    await self.dispatcher.shutdown(self.shutdown_grace)
            except TimeoutError:
                log.warning(
                    "answers in flight not closed %.0f s after the stop: abandoned",
                    self.shutdown_grace + SHUTDOWN_MARGIN,
                )
                if self.services is not None:
                    await self.services.tasks.cancel_all()
        await self._stack.aclose()
        log.info("bot stopped")
