"""What a restart's first answer waits for: importing the bot leaves out the modules it does not
need before its first sync (each is imported when first used), and leaves the cyclic collector
as it found it."""

from __future__ import annotations

import json
import subprocess
import sys

# Imported when used: httpx and its rich console (spaCy's warm-up only; the openai client speaks
# httpx2), the job scheduler (after the first sync), the ops listener's server side (when it
# starts), the guard's compiled patterns (the privacy feature's set-up).
LAZY = (
    "httpx",
    "rich",
    "apscheduler",
    "aiohttp.web",
    "handlers.privacy.pii",
    "handlers.privacy.guard",
)

_PROBE = """
import gc, json, sys
import {module}
print(json.dumps({{"loaded": sorted(m for m in {lazy!r} if m in sys.modules),
                  "gc": gc.isenabled()}}))
"""


def _imported_by(module: str) -> dict[str, object]:
    """In a fresh interpreter: which of LAZY `import module` loads, and the collector's state."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module, lazy=LAZY)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_importing_the_app_leaves_out_what_the_first_answer_does_not_need() -> None:
    assert _imported_by("bot.app")["loaded"] == []


def test_the_command_line_imports_with_the_collector_off_then_turns_it_back_on() -> None:
    probe = _imported_by("bot.cli")
    assert probe["loaded"] == []
    assert probe["gc"] is True


def test_the_probe_sees_a_module_that_is_imported() -> None:
    # The test above can fail: the same probe, on a module that imports the guard's patterns.
    assert _imported_by("handlers.privacy.guard")["loaded"] == [
        "handlers.privacy.guard",
        "handlers.privacy.pii",
    ]


def test_the_survey_settings_load_the_scheduler_only_with_a_schedule() -> None:
    probe = """
import sys
from handlers.surveys.config import SurveysConfig

SurveysConfig()
without = "apscheduler" in sys.modules
SurveysConfig(schedule="0 9 1 * *", survey="exemple")
print(without, "apscheduler" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
