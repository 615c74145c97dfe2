"""Surveys: monthly in-chat questionnaires (definitions in TOML files, paced rounds, reminders,
the monthly schedule), the agents' answers, and the staff's !survey commands."""

from __future__ import annotations

from bot.context import Core, Services
from bot.feature import Feature
from handlers.surveys.config import SurveysConfig
from handlers.surveys.definitions import SurveyError, load_dir
from handlers.surveys.rounds import SurveyRounds
from handlers.surveys.router import Surveys, router
from storage.surveys import SurveyRepository


def check(config: SurveysConfig) -> list[str]:
    """Offline: every survey file valid, and the scheduled survey among them."""
    try:
        found = load_dir(config.dir)
    except SurveyError as exc:
        return [f"surveys.dir: {line}" for line in str(exc).splitlines()]
    if config.survey and config.survey not in found:
        return [f"surveys.survey: no survey {config.survey!r} in {config.dir}"]
    return []


def setup(core: Core, config: SurveysConfig) -> Feature:
    repo = SurveyRepository(core.db)
    rounds = SurveyRounds(core, config, repo)

    async def start(services: Services) -> None:
        # Definitions loaded before the bot syncs: a bad file stops the start.
        await rounds.start()

    async def synced(services: Services) -> None:
        await rounds.resume()

    return Feature(
        "surveys",
        router,
        part=Surveys(config, repo, rounds),
        jobs=rounds.jobs(),
        start=start,
        synced=synced,
        close=rounds.stop,
    )
