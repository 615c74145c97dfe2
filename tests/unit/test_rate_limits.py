"""A homeserver's 429s: its wait is honoured but bounded, and a request gives up after a few."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot import matrix
from bot.config import MatrixConfig
from bot.matrix import MatrixClient, retry_after_ms


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        (2000, None, 2000),
        (86_400_000, None, 30_000),  # a day: bounded
        (None, "7", 7000),  # the HTTP header when the body says nothing
        (None, "99999999999", None),  # absurd header: nio's default
        (-5, None, None),
        (True, None, None),
        (None, None, None),
    ],
)
def test_the_wait_asked_is_bounded(body: Any, header: str | None, expected: int | None) -> None:
    headers = {"Retry-After": header} if header is not None else {}
    assert retry_after_ms(body, headers) == expected


@pytest.fixture
async def limited_homeserver() -> AsyncIterator[tuple[str, list[float]]]:
    hits: list[float] = []

    async def whoami(request: web.Request) -> web.Response:
        hits.append(time.monotonic())
        return web.json_response(
            {"errcode": "M_LIMIT_EXCEEDED", "error": "slow down", "retry_after_ms": 86_400_000},
            status=429,
        )

    app = web.Application()
    app.router.add_get("/_matrix/client/v3/account/whoami", whoami)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}", hits
    finally:
        await runner.cleanup()


async def test_a_homeserver_asking_to_wait_a_day_gets_a_few_bounded_waits(
    tmp_path: Path, limited_homeserver: tuple[str, list[float]], monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url, hits = limited_homeserver
    monkeypatch.setattr(matrix, "MAX_RETRY_AFTER", 0.05)
    config = MatrixConfig(
        homeserver=base_url,
        user_id="@bot:localhost",
        password="x",
        store_dir=tmp_path / "store",
        request_timeout=5,
    )
    client = MatrixClient(config)
    try:
        client._restore("DEVICE", "token")
        response = await client._client.whoami()
    finally:
        await client.close()
    assert getattr(response, "status_code", None) == "M_LIMIT_EXCEEDED"
    assert len(hits) == matrix.MAX_LIMIT_EXCEEDED + 1  # then the error reaches the caller
    assert hits[-1] - hits[0] < 5  # five bounded waits, not a day each
