"""What a feature hands to the composition root: its router, its own record, the extension
points it provides, its scheduled jobs, and what to do at start and at close."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.commands import Router
from bot.context import AnsweredHook, PdfReader, PrivacyGuard, QuotaPolicy, Services


@dataclass(frozen=True)
class Job:
    """A periodic task on the runtime's one scheduler.

    `every`: seconds between runs (the first `first_after` seconds after the start); or `cron`:
    a crontab line read in `timezone`. `run` receives the time it was due.
    """

    name: str
    run: Callable[[datetime], Awaitable[Any]]
    every: float | None = None
    first_after: float = 0.0
    cron: str | None = None
    timezone: str = "UTC"


@dataclass
class Feature:
    name: str
    router: Router
    # The feature's own record (config, repositories, engines): `services.part(type(part))`.
    part: object | None = None
    guard: PrivacyGuard | None = None
    quota: QuotaPolicy | None = None
    read_pdf: PdfReader | None = None
    answered: list[AnsweredHook] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    # Before the bot syncs (a bad survey file stops the start here).
    start: Callable[[Services], Awaitable[None]] | None = None
    # After the first sync (work that needs the rooms and keys up to date).
    synced: Callable[[Services], Awaitable[None]] | None = None
    # At close, before the database closes (worker pools, HTTP sessions).
    close: Callable[[], Awaitable[None]] | None = None
