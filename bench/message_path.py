"""Which project files one agent message passes through, from the sync callback (the
dispatcher's `on_text`) to the stored answer and its generated title: the real dispatcher and
features (fake Matrix port, real SQLite, fake model), one question in a DM after a warm-up.

    .venv/bin/python bench/message_path.py [CHECKOUT]

CHECKOUT (default: the current folder) lets the same script measure another checkout whose
`tests/harness.py` has the same `dispatcher_config` and `running_dispatcher`.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import tempfile
from pathlib import Path
from types import FrameType

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path.cwd()
sys.path.insert(0, str(ROOT))

from bot.matrix import IncomingText  # noqa: E402
from devtools.fake_llm import FakeLLM, Reply  # noqa: E402
from tests.harness import ALICE, dispatcher_config, running_dispatcher  # noqa: E402

PACKAGES = ("bot", "handlers", "storage")


async def main() -> None:
    llm = FakeLLM()
    await llm.start()
    seen: dict[str, int] = {}
    order = itertools.count()
    try:
        with tempfile.TemporaryDirectory() as folder:
            config = dispatcher_config(Path(folder), llm.base_url)
            async with running_dispatcher(config, Path(folder) / "db.sqlite3") as dispatcher:
                llm.enqueue(Reply(text="Bonjour."))  # warm-up: first answer in another room
                await dispatcher.on_text(
                    IncomingText("!warm", "$w", ALICE, "m.text", "Salut", None, 0, False, 2, True)
                )
                dispatcher.flush_kicks()
                await dispatcher.drained()
                llm.enqueue(Reply(text="La réponse."))

                def profile(frame: FrameType, event: str, arg: object) -> None:
                    if event == "call":
                        path = Path(frame.f_code.co_filename)
                        try:
                            rel = path.resolve().relative_to(ROOT)
                        except ValueError:
                            return
                        if rel.parts[0] in PACKAGES:
                            seen.setdefault(str(rel), next(order))

                sys.setprofile(profile)
                try:
                    await dispatcher.on_text(
                        IncomingText(
                            "!dm", "$q", ALICE, "m.text", "Une question ?", None, 0, False, 2, True
                        )
                    )
                    dispatcher.flush_kicks()
                    await dispatcher.drained()
                finally:
                    sys.setprofile(None)
    finally:
        await llm.stop()
    for name in sorted(seen, key=seen.__getitem__):
        print(name)
    print(f"{len(seen)} files")


asyncio.run(main())
