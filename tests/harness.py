"""Dispatcher-level wiring for tests: the real routers, services and SQLite, a fake Matrix port."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.app import Config, assemble, make_core
from bot.commands import Router
from bot.dispatcher import Dispatcher
from bot.llm import LLMClient
from bot.matrix import IncomingText
from devtools.fake_llm import FakeLLM
from storage.db import Database
from tests.fakes import FakeMatrix

ALICE = "@alice-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
BOB = "@bob-finances.gouv.fr:agent.finances.tchap.gouv.fr"  # support staff

_ids = itertools.count(1)


def fixed_clock() -> datetime:
    return datetime(2026, 11, 25, 10, tzinfo=UTC)


def dispatcher_config(tmp_path: Path, llm_url: str, **sections: dict[str, Any]) -> Config:
    """A test bot's configuration; each given section's keys override the defaults."""
    data: dict[str, Any] = {
        "matrix": {"user_id": "@assistant:test", "password": "x"},
        "llm": {
            "base_url": llm_url,
            "api_key": "test",
            "retry_backoff": 0,
            "edit_interval": 0.2,
            "timeout": 5,
        },
        "support": {"room": "!support", "admins": [BOB]},
        # The agents of these tests are approved at once and have no terms to accept.
        "access": {
            "auto_approve_domains": ["interieur.gouv.fr", "finances.gouv.fr"],
            "terms_version": "",
        },
    }
    for section, values in sections.items():
        data.setdefault(section, {}).update(values)
    return Config.model_validate(data).resolve_paths(tmp_path)


@asynccontextmanager
async def running_dispatcher(
    config: Config, db_path: Path, clock: Callable[[], datetime] = fixed_clock
) -> AsyncIterator[Dispatcher]:
    """Services and a dispatcher as the app wires them, closed as the app closes them."""
    db = Database(db_path, clock=clock)
    await db.open()
    llm = LLMClient(config.llm)
    core = make_core(
        config, db, FakeMatrix(), llm, clock, support_room_id=config.support.room or None
    )
    assembly = assemble(core, config)
    for feature in assembly.features:
        if feature.start is not None:
            await feature.start(assembly.services)
    dispatcher = Dispatcher(assembly.services, assembly.routers)
    try:
        yield dispatcher
    finally:
        await dispatcher.shutdown(1)
        for feature in reversed(assembly.features):
            if feature.close is not None:
                await feature.close()
        await llm.close()
        await db.close()


def fake_matrix(dispatcher: Dispatcher) -> FakeMatrix:
    matrix = dispatcher.services.matrix
    assert isinstance(matrix, FakeMatrix)
    return matrix


def assembled_routers(tmp_path: Path) -> list[Router]:
    """The routers in routing order, as the composition root assembles them (nothing opened)."""
    config = dispatcher_config(tmp_path, "http://127.0.0.1:9/v1")
    llm = LLMClient(config.llm)
    core = make_core(config, Database(tmp_path / "unused.sqlite3"), FakeMatrix(), llm, fixed_clock)
    return assemble(core, config).routers


class Harness:
    """Events fed to a running dispatcher as the sync loop feeds them; what the port shows."""

    def __init__(self, dispatcher: Dispatcher, matrix: FakeMatrix, llm: FakeLLM) -> None:
        self.dispatcher = dispatcher
        self.matrix = matrix
        self.llm = llm
        self.services = dispatcher.services

    async def feed(
        self,
        text: str,
        *,
        room: str = "!dm-alice",
        sender: str = ALICE,
        members: int = 2,
        mention: bool = False,
        msgtype: str = "m.text",
        media: dict[str, Any] | None = None,
        thread_root: str | None = None,
        reply_to: str | None = None,
    ) -> str:
        """One message as the sync loop hands it over, then the end of that sync."""
        event_id = f"$in{next(_ids)}"
        await self.dispatcher.on_text(
            IncomingText(
                room,
                event_id,
                sender,
                msgtype,
                text,
                None,
                0,
                mention,
                members,
                True,
                media=media,
                thread_root=thread_root,
                reply_to=reply_to,
            )
        )
        self.dispatcher.flush_kicks()  # what the end of a sync does
        return event_id

    async def send(
        self,
        text: str,
        *,
        room: str = "!dm-alice",
        sender: str = ALICE,
        members: int = 2,
        mention: bool = False,
        msgtype: str = "m.text",
    ) -> str:
        return await self.feed(
            text, room=room, sender=sender, members=members, mention=mention, msgtype=msgtype
        )

    async def settle(self) -> None:
        await self.dispatcher.drained()

    def replies(self, room: str = "!dm-alice") -> list[str]:
        return [m.final_body for m in self.matrix.in_room(room)]
