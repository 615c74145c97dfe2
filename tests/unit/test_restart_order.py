"""A restart's order (bench/restart_timeline.py): the collector does not walk again what the
imports and the set-up built, and the ops listener starts after the first sync (or without one,
after a bound), never after a stop."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path
from typing import Any

import pytest

import bot.app
from bot.app import BotApp, Config
from bot.gcpause import paused_gc


def _config(tmp_path: Path) -> Config:
    return Config.model_validate(
        {
            "matrix": {
                "homeserver": "http://127.0.0.1:9",
                "user_id": "@assistant:example.org",
                "password": "x",
                "store_dir": str(tmp_path / "matrix"),
            },
            "llm": {"base_url": "http://127.0.0.1:9/v1", "api_key": "x"},
            "storage": {"database": str(tmp_path / "db.sqlite3")},
        }
    )


def test_what_a_pause_allocated_is_frozen_and_the_collector_comes_back() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with paused_gc():
        assert not gc.isenabled()
        built = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(built)
    assert not any(o is built for o in gc.get_objects())  # out of every generation


def test_a_pause_inside_a_disabled_collector_leaves_it_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


class FakeMatrix:
    def __init__(self) -> None:
        self.synced = asyncio.Event()

    async def wait_synced(self, timeout: float = 30.0) -> None:
        await asyncio.wait_for(self.synced.wait(), timeout)


def _app(tmp_path: Path, started: list[float]) -> BotApp:
    app = BotApp(_config(tmp_path))

    async def start_ops(*_: Any) -> None:
        started.append(asyncio.get_running_loop().time())

    app._start_ops = start_ops  # type: ignore[method-assign]
    return app


async def test_the_ops_listener_starts_a_moment_after_the_first_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.app, "OPS_DELAY", 0.05)
    started: list[float] = []
    app, matrix = _app(tmp_path, started), FakeMatrix()
    task = asyncio.create_task(app._start_ops_later(None, matrix, None))  # type: ignore[arg-type]
    await asyncio.sleep(0.2)
    assert started == []  # no sync yet
    synced_at = asyncio.get_running_loop().time()
    matrix.synced.set()
    await asyncio.wait_for(app.ops_tried.wait(), 5)
    assert len(started) == 1 and started[0] >= synced_at + 0.05
    await task


async def test_without_a_first_sync_the_ops_listener_starts_after_a_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A homeserver down after the login: the liveness probe must answer all the same.
    monkeypatch.setattr(bot.app, "OPS_DELAY", 0.0)
    monkeypatch.setattr(bot.app, "OPS_WAIT", 0.1)
    started: list[float] = []
    app = _app(tmp_path, started)
    await asyncio.wait_for(app._start_ops_later(None, FakeMatrix(), None), 5)  # type: ignore[arg-type]
    assert len(started) == 1


async def test_a_stop_before_the_first_sync_starts_no_listener(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.app, "OPS_DELAY", 0.0)
    started: list[float] = []
    app, matrix = _app(tmp_path, started), FakeMatrix()
    task = asyncio.create_task(app._start_ops_later(None, matrix, None))  # type: ignore[arg-type]
    app.request_stop()
    matrix.synced.set()
    await asyncio.wait_for(task, 5)
    assert started == []
