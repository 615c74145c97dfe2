"""The dispatcher-level fixture shared by the tests of this folder."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fake_llm import FakeLLM
from tests.harness import Harness, dispatcher_config, fake_matrix, running_dispatcher


@pytest.fixture
async def harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[Harness]:
    config = dispatcher_config(tmp_path, fake_llm.base_url)
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        yield Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
