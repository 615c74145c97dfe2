"""`make demo`'s program, non-interactively: local homeserver, bot, one question, twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_demo(folder: Path, message: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT__")}
    return subprocess.run(
        [sys.executable, "-m", "devtools.demo", "--dir", str(folder), "--once", message],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_demo_answers_with_canned_replies_and_restarts(tmp_path: Path) -> None:
    first = run_demo(tmp_path, "Bonjour")
    assert first.returncode == 0, first.stderr
    assert "réponses simulées" in first.stdout  # said plainly, and by the bot in the chat
    assert "Mode démonstration" in first.stdout
    assert "Vous m'avez demandé : « Bonjour »" in first.stdout
    assert "mot de passe" in first.stdout
    second = run_demo(tmp_path, "Encore")  # same folder: existing users, same DM, same device
    assert second.returncode == 0, second.stderr
    assert "Vous m'avez demandé : « Encore »" in second.stdout
    assert "Bonjour ! Je suis" not in second.stdout  # not greeted again
