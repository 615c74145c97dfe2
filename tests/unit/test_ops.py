"""Operations without a homeserver: request kinds in the metrics, health endpoints and alerts
over services with a fake Matrix port and a model server that is down."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.app import Config
from bot.context import Services
from bot.llm import LLMClient
from bot.metrics import Metrics, request_kind
from bot.ops import Alerts, LLMCheck, OpsServer
from storage.db import Database
from tests.fakes import FakeMatrix


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    """Services with a fake Matrix port and a model server that is down (nothing listens)."""
    config = Config.model_validate(
        {
            "matrix": {"user_id": "@assistant:test", "password": "x"},
            "llm": {"base_url": f"http://127.0.0.1:{free_port()}/v1", "timeout": 2},
            "ops": {
                "alert_llm_down_minutes": 5,
                "alert_decryption_failures": 3,
                "alert_min_interval_minutes": 60,
                "llm_check_ttl": 0,
            },
        }
    ).resolve_paths(tmp_path)
    db = Database(tmp_path / "db.sqlite3")
    await db.open()
    llm = LLMClient(config.llm)
    clock = Clock()
    services = Services(
        config,
        db,
        FakeMatrix(),
        llm,
        lambda: datetime(2026, 12, 1, 10, tzinfo=UTC),
        metrics=Metrics(clock=clock),
    )
    services.support_room_id = "!support"
    yield services
    await llm.close()
    await db.close()


def test_request_kinds_never_carry_ids() -> None:
    assert request_kind("/_matrix/client/v3/sync?since=s1") == "sync"
    assert request_kind("/_matrix/client/v3/rooms/!a:b/send/m.room.message/t1") == "send"
    assert request_kind("/_matrix/client/v3/keys/query") == "keys"
    assert request_kind("/_matrix/client/v3/profile/@a:b") == "other"


async def test_readyz_fails_while_the_model_is_down_and_alerts_are_rate_limited(
    services: Services,
) -> None:
    clock = services.metrics.clock
    assert isinstance(clock, Clock)
    check = LLMCheck(services, clock=clock)
    server = OpsServer(
        services, last_sync_at=lambda: 100.0, loop_time=lambda: 110.0, llm_check=check
    )
    async with TestClient(TestServer(server.app())) as client:
        health = await client.get("/healthz")
        assert health.status == 200
        ready = await client.get("/readyz")
        body = await ready.json()
        assert ready.status == 503
        assert body["checks"]["sync"] == {"ok": True, "age_seconds": 10.0}
        assert body["checks"]["database"]["ok"] is True
        assert body["checks"]["llm"] == {"ok": False, "detail": "connection"}

    alerts = Alerts(services, check, clock=clock)
    matrix = services.matrix
    assert isinstance(matrix, FakeMatrix)
    await alerts.check()
    assert matrix.sent == []  # down, but not for 5 minutes yet
    clock.now += 5 * 60
    await alerts.check()
    clock.now += 60
    await alerts.check()  # still down: not posted again within the hour
    assert [s.room_id for s in matrix.sent] == ["!support"]
    assert "5 min" in matrix.sent[0].body and "connection" in matrix.sent[0].body
    assert matrix.sent[0].notice
    clock.now += 60 * 60
    await alerts.check()
    assert len(matrix.sent) == 2

    for _ in range(3):
        services.metrics.undecryptable_event()
    await alerts.check()
    assert alerts.sent == ["llm_down", "llm_down", "decryption"]
    assert "3 messages indéchiffrables" in matrix.sent[-1].body


async def test_readyz_and_metrics_require_the_token_when_one_is_set(services: Services) -> None:
    services.config.ops.http_token = SecretStr("s3cret-token")
    server = OpsServer(services, last_sync_at=lambda: 100.0, loop_time=lambda: 110.0)
    good = {"Authorization": "Bearer s3cret-token"}
    async with TestClient(TestServer(server.app())) as client:
        health = await client.get("/healthz")  # the container's HEALTHCHECK sends no token
        assert health.status == 200
        for path in ("/readyz", "/metrics"):
            for headers in (
                {},
                {"Authorization": "Bearer wrong"},
                {"Authorization": "Bearer s3cret-token-and-more"},
                {"Authorization": "Basic s3cret-token"},
                {"Authorization": "s3cret-token"},
            ):
                refused = await client.get(path, headers=headers)
                assert refused.status == 401, (path, headers)
                assert refused.headers["WWW-Authenticate"] == "Bearer"
                assert "assistant_" not in await refused.text()
        ready = await client.get("/readyz", headers=good)
        assert ready.status == 503  # answered: the model server is down in this fixture
        scraped = await client.get("/metrics", headers=good)
        assert scraped.status == 200
        assert "assistant_inbox_pending" in await scraped.text()


async def test_without_a_token_the_endpoints_stay_open(services: Services) -> None:
    assert services.config.ops.http_token is None
    server = OpsServer(services, last_sync_at=lambda: None)
    async with TestClient(TestServer(server.app())) as client:
        assert (await client.get("/metrics")).status == 200
        assert (await client.get("/readyz")).status == 503
