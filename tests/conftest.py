"""Shared fixtures: one real Synapse per session, fresh agents, the fake model, bots; and the
level markers (unit, dispatcher, integration), set from the folder a test lives in."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import BotApp, Config
from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM
from devtools.synapse import SynapseServer, start_synapse

MakeAgent = Callable[[str], Awaitable[AgentClient]]

TESTS = Path(__file__).parent
LEVELS = ("unit", "dispatcher", "integration")  # the folders, and the markers in pyproject.toml


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pytest -m "not integration"` runs the fast levels only."""
    for item in items:
        if item.path.is_relative_to(TESTS):
            level = item.path.relative_to(TESTS).parts[0]
            if level in LEVELS:
                item.add_marker(level)


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SynapseServer]:
    with start_synapse(tmp_path_factory.mktemp("synapse")) as server:
        yield server


@pytest.fixture
async def make_agent(synapse: SynapseServer, tmp_path: Path) -> AsyncIterator[MakeAgent]:
    agents: list[AgentClient] = []

    async def make(name: str) -> AgentClient:
        localpart = f"{name}-{secrets.token_hex(4)}"
        user = await asyncio.to_thread(synapse.register, localpart)
        agent = await AgentClient.login(
            synapse.base_url, user.user_id, user.password, tmp_path / localpart
        )
        agents.append(agent)
        await agent.start()
        return agent

    yield make
    await asyncio.gather(*(agent.close() for agent in agents))


@pytest.fixture
async def fake_llm() -> AsyncIterator[FakeLLM]:
    server = FakeLLM()
    await server.start()
    yield server
    await server.stop()


class BotHandle:
    """A bot account and its files, which can be started, stopped and started again."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.app: BotApp | None = None

    @property
    def user_id(self) -> str:
        return self.config.matrix.user_id

    async def start(self, **kwargs: Any) -> BotApp:
        assert self.app is None, "already running"
        app = BotApp(self.config, shutdown_grace=kwargs.pop("shutdown_grace", 5.0), **kwargs)
        await app.start()
        self.app = app
        return app

    async def settled(self) -> None:
        """Until the bot has finished with every event it took (its answers are stored)."""
        assert self.app is not None and self.app.dispatcher is not None
        await self.app.dispatcher.drained()

    async def stop(self) -> None:
        if self.app is not None:
            app, self.app = self.app, None
            await app.stop()


MakeBot = Callable[..., Awaitable[BotHandle]]


@pytest.fixture
async def make_bot(
    synapse: SynapseServer, fake_llm: FakeLLM, tmp_path: Path
) -> AsyncIterator[MakeBot]:
    handles: list[BotHandle] = []

    async def make(*, start: bool = True, **sections: dict[str, Any]) -> BotHandle:
        localpart = f"assistant-{secrets.token_hex(4)}"
        user = await asyncio.to_thread(synapse.register, localpart)
        folder = tmp_path / localpart
        data: dict[str, Any] = {
            "matrix": {
                "homeserver": synapse.base_url,
                "user_id": user.user_id,
                "password": user.password,
                "store_dir": str(folder / "matrix"),
                "sync_timeout_ms": 2000,
            },
            "llm": {
                "base_url": fake_llm.base_url,
                "api_key": "test",
                "retry_backoff": 0,
                "edit_interval": 0.3,
                "timeout": 10,
            },
            "storage": {"database": str(folder / "assistant.sqlite3")},
            # Test agents are approved at once, with no terms to accept (access tests say
            # otherwise); the operator's defaults ask for approval and acceptance.
            "access": {"auto_approve_homeservers": [synapse.server_name], "terms_version": ""},
            # No fixed port: several bots run at once; ops tests ask for a free one.
            "ops": {"http_port": 0},
        }
        for section, values in sections.items():
            data.setdefault(section, {}).update(values)
        handle = BotHandle(Config.model_validate(data))
        handles.append(handle)
        if start:
            await handle.start()
        return handle

    yield make
    for handle in handles:
        await handle.stop()
