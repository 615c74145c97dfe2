"""The [surveys] section of the configuration."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from bot.config import Section


class SurveysConfig(Section):
    """Monthly surveys, feedback, statistics."""

    # Survey definitions, one TOML file per survey (relative to the config file).
    dir: Path = Path("surveys")
    # When the scheduled round starts: a crontab line (minute hour day month weekday) read by
    # APScheduler, whose fields must ALL match: "0 10 1-14 * mon" fires on the first two
    # Mondays of the month, and the round runs on the first working one (at most once a month).
    # Empty: no scheduled round.
    schedule: str = ""
    timezone: str = "Europe/Paris"
    # The survey id the scheduled round sends (a file in `dir`).
    survey: str = ""
    # Skip French public holidays (the next scheduled fire that month sends instead).
    skip_holidays: bool = True
    # An agent who received any survey in the last cap_days is not asked again.
    cap_days: int = Field(default=30, ge=0)
    # Only agents who wrote to the bot (or opened their DM) in the last active_days are asked;
    # 0 asks every approved agent with a DM.
    active_days: int = Field(default=60, ge=0)
    # !plus-tard: one reminder after this many hours.
    reminder_hours: float = Field(default=24.0, gt=0)
    # Pace of a round: first messages per second (the homeserver's rate limits).
    send_rate: float = Field(default=2.0, gt=0, le=100)
    # A progress line in the support room every this many sends (and at the end).
    progress_every: int = Field(default=200, ge=1)
    # After a thumbs-down, the agent's next message within this many minutes is the comment.
    comment_window_minutes: int = Field(default=10, ge=0)

    @model_validator(mode="after")
    def _schedule_readable(self) -> SurveysConfig:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"surveys.timezone: unknown time zone {self.timezone!r}") from exc
        if self.schedule:
            # Only then: apscheduler is otherwise imported after the first sync (bot/scheduler.py).
            from apscheduler.triggers.cron import CronTrigger

            try:
                CronTrigger.from_crontab(self.schedule, timezone=zone)
            except ValueError as exc:
                raise ValueError(
                    f"surveys.schedule: {self.schedule!r} is not a crontab line "
                    f"(minute hour day month weekday): {exc}"
                ) from exc
            if not self.survey:
                raise ValueError("surveys.schedule is set: surveys.survey must name the survey")
        return self
