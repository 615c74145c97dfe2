"""Survey rounds: who is asked, the paced sending loop, reminders, the monthly schedule.

A round and all its sends are written before the first message goes out; each send is marked
before its message is sent and confirmed after, with a Matrix transaction id the homeserver
deduplicates, so a restart resumes a round without losing or repeating anyone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.context import Core
from bot.events import AccountUnusable, MatrixError
from bot.feature import Job
from bot.render import markdown_to_html
from bot.scheduler import cron_trigger
from handlers.surveys import texts
from handlers.surveys.config import SurveysConfig
from handlers.surveys.definitions import (
    Survey,
    SurveyError,
    is_working_day,
    load_dir,
    parse_survey,
    render_question,
)
from storage.surveys import Round, Send, SurveyRepository

log = logging.getLogger(__name__)

MAX_SEND_ATTEMPTS = 3
BATCH = 100


class SurveyRounds:
    """The surveys feature's engine: definitions, rounds in progress, schedule and reminders
    (as jobs on the runtime's scheduler)."""

    def __init__(self, core: Core, config: SurveysConfig, repo: SurveyRepository) -> None:
        self.core = core
        self.config = config
        self.repo = repo
        self._tasks: dict[int, asyncio.Task[None]] = {}
        self._cache: dict[str, Survey] = {}
        self.sent_total = 0  # first messages sent by this process (the benchmark reads it)

    # Definitions --------------------------------------------------------------------------

    async def load_definitions(self) -> int:
        """Read [surveys] dir into the database; SurveyError names every bad file."""
        found = await asyncio.to_thread(load_dir, self.config.dir)
        for survey, source in found.values():
            await self.repo.save_definition(
                survey.id, survey.version, survey.title, source, "file"
            )
            self._cache.pop(survey.id, None)
        return len(found)

    async def add_uploaded(self, source: str) -> Survey:
        """A TOML file staff uploaded; SurveyError if invalid or if it replaces a sent one."""
        survey = parse_survey(source, "fichier")
        repo = self.repo
        existing = await repo.get(survey.id)
        if existing is not None and await repo.has_sends(survey.id):
            raise SurveyError(texts.survey_already_sent(survey.id))
        await repo.save_definition(survey.id, survey.version, survey.title, source, "upload")
        self._cache.pop(survey.id, None)
        return survey

    async def definition(self, survey_id: str) -> Survey | None:
        cached = self._cache.get(survey_id)
        if cached is not None:
            return cached
        stored = await self.repo.get(survey_id)
        if stored is None:
            return None
        survey = parse_survey(stored.source, survey_id)
        self._cache[survey_id] = survey
        return survey

    # Lifespan -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Load the definitions: a bad file or an unknown scheduled survey stops the start."""
        config = self.config
        count = await self.load_definitions()
        log.info("surveys: %d definitions loaded from %s", count, config.dir)
        if config.survey and await self.definition(config.survey) is None:
            raise SurveyError(f"surveys.survey: no survey {config.survey!r} in {config.dir}")

    async def resume(self) -> None:
        """Once the rooms are known (first sync): the unfinished rounds go on."""
        for round_id in await self.repo.rounds_sending():
            log.info("resuming survey round %d", round_id)
            self._spawn(round_id)

    def jobs(self) -> list[Job]:
        """The monthly round (when scheduled) and the reminders, for the runtime's scheduler."""
        jobs = [Job("survey-reminders", self._reminders, every=60, first_after=60)]
        if self.config.schedule:
            jobs.append(
                Job(
                    "survey-round",
                    self._scheduled,
                    cron=self.config.schedule,
                    timezone=self.config.timezone,
                )
            )
        return jobs

    async def stop(self) -> None:
        """Stop sending: what was not confirmed is sent again (same transaction id) at start."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()

    async def drained(self) -> None:
        """Until every round in progress is sent (tests and the benchmark)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    # Rounds -------------------------------------------------------------------------------

    async def start_round(
        self,
        survey_id: str,
        *,
        origin: str = "command",
        requested_by: str | None = None,
        only: Iterable[str] | None = None,
        round_key: str | None = None,
    ) -> Round:
        services = self.core
        config = self.config
        if round_key is not None:
            existing = await self.repo.round_by_key(round_key)
            if existing is not None:
                return existing
        selection = await self.repo.select_targets(
            survey_id,
            services.clock(),
            cap_days=config.cap_days,
            active_days=config.active_days,
            only=only,
        )
        created = await self.repo.create_round(
            survey_id, origin, selection, round_key=round_key, requested_by=requested_by
        )
        log.info(
            "survey round %d of %s (%s): %d to send, %d capped, %d opted out, %d not eligible",
            created.id,
            survey_id,
            origin,
            created.planned,
            selection.skipped_cap,
            selection.skipped_opt_out,
            selection.skipped_other,
        )
        await self._report(
            texts.round_started(
                survey_id,
                created.planned,
                selection.skipped_cap,
                selection.skipped_opt_out,
                selection.skipped_other,
                config.send_rate,
            )
        )
        self._spawn(created.id)
        return created

    def _spawn(self, round_id: int) -> None:
        task = self._tasks.get(round_id)
        if task is None or task.done():
            self._tasks[round_id] = asyncio.create_task(
                self._run_round(round_id), name=f"survey-round {round_id}"
            )
            self._tasks[round_id].add_done_callback(lambda t: self._tasks.pop(round_id, None))

    async def _run_round(self, round_id: int) -> None:
        config = self.config
        loop = asyncio.get_running_loop()
        interval = 1.0 / config.send_rate
        next_slot = loop.time()
        done = 0
        try:
            while True:
                sends = await self.repo.to_send(round_id, BATCH)
                if not sends:
                    break
                for send in sends:
                    delay = next_slot - loop.time()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    next_slot = max(next_slot + interval, loop.time())
                    await self._send_first(send)
                    done += 1
                    if done % config.progress_every == 0:
                        counts = await self.repo.round_counts(round_id)
                        await self._report(texts.round_progress(send.survey_id, counts))
            await self.repo.finish_round(round_id)
            counts = await self.repo.round_counts(round_id)
            log.info("survey round %d sent: %s", round_id, counts)
            survey_id = sends[0].survey_id if sends else None
            survey_id = await self.repo.round_survey_id(round_id) or survey_id
            await self._report(texts.round_done(str(survey_id), counts))
        except asyncio.CancelledError:
            raise
        except AccountUnusable:
            log.error("survey round %d stopped: the bot's account is unusable", round_id)
        except Exception:
            log.exception("survey round %d failed; it resumes at the next start", round_id)

    async def _send_first(self, send: Send) -> None:
        services = self.core
        survey = await self.definition(send.survey_id)
        if survey is None:
            await self.repo.fail_send(send.id)
            return
        await self.repo.start_send(send.id)
        body = render_question(survey, 0, with_intro=True)
        attempt = send.attempts + 1
        backoff = 1.0
        while True:
            try:
                event_id = await services.matrix.send_text(
                    send.room_id, body, markdown_to_html(body), txn_id=send.txn_id
                )
            except AccountUnusable:
                raise
            except MatrixError as exc:
                if exc.errcode == "M_LIMIT_EXCEEDED":
                    # nio already waits retry_after_ms when told to; this is a last resort.
                    log.warning("rate limited sending survey %d, waiting %.0f s", send.id, backoff)
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, 60)
                    continue
                if attempt >= MAX_SEND_ATTEMPTS:
                    log.warning("survey send %d to %s failed: %s", send.id, send.room_id, exc)
                    await self.repo.fail_send(send.id)
                    return
                attempt += 1
                await self.repo.start_send(send.id)
                await asyncio.sleep(backoff)
                continue
            except Exception as exc:
                if isinstance(exc, TimeoutError | OSError) and attempt < MAX_SEND_ATTEMPTS:
                    attempt += 1
                    await self.repo.start_send(send.id)
                    await asyncio.sleep(backoff)
                    continue
                log.warning("survey send %d to %s failed: %s", send.id, send.room_id, exc)
                await self.repo.fail_send(send.id)
                return
            break
        await self.repo.confirm_send(send.id, event_id)
        self.sent_total += 1

    async def _report(self, line: str) -> None:
        room = self.core.support_room_id
        if not room:
            return
        try:
            await self.core.matrix.send_text(room, line, markdown_to_html(line), notice=True)
        except AccountUnusable:
            raise
        except Exception as exc:
            log.warning("could not report survey progress to the support room: %s", exc)

    # Schedule and reminders -----------------------------------------------------------------

    async def _scheduled(self, now: datetime) -> None:
        await self.scheduled_tick(now)

    async def scheduled_tick(self, now: datetime) -> Round | None:
        """What the cron job does at `now`: the configured survey, once a month."""
        config = self.config
        if not config.survey:
            return None
        local = now.astimezone(ZoneInfo(config.timezone))
        if config.skip_holidays and not is_working_day(local.date()):
            log.info("scheduled survey round skipped: %s is not a working day", local.date())
            return None
        key = f"schedule:{config.survey}:{local:%Y-%m}"
        return await self.start_round(config.survey, origin="schedule", round_key=key)

    async def _reminders(self, now: datetime) -> None:
        await self.send_reminders(now)

    async def send_reminders(self, now: datetime) -> int:
        """Postponed surveys whose delay is over: asked again, once."""
        services = self.core
        sent = 0
        for send in await self.repo.due_reminders(now):
            survey = await self.definition(send.survey_id)
            if survey is None or not await self.repo.resume_after_reminder(send.id):
                continue
            position = min(send.position, len(survey.questions) - 1)
            body = texts.survey_reminder(survey.title) + "\n\n" + render_question(survey, position)
            try:
                event_id = await services.matrix.send_text(
                    send.room_id, body, markdown_to_html(body)
                )
            except AccountUnusable:
                raise
            except Exception as exc:
                log.warning("survey reminder %d failed: %s", send.id, exc)
                continue
            await self.repo.set_question_event(send.id, event_id)
            sent += 1
        return sent

    def next_fire(self, now: datetime) -> datetime | None:
        config = self.config
        if not config.schedule:
            return None
        fire: datetime | None = cron_trigger(config.schedule, config.timezone).get_next_fire_time(
            None, now
        )
        return fire

    @staticmethod
    def reminder_at(now: datetime, hours: float) -> datetime:
        return now + timedelta(hours=hours)
