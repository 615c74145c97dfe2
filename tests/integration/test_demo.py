"""`make demo`'s program as a user runs it: local homeserver, bot, the terminal chat (one
question, files both ways) and leaving it with Ctrl-C or Ctrl-D."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTED = "Écrivez votre message"  # the chat is ready for input
# Leaving: the bot, the fake model and Synapse stop within this (the bot is given 1 s).
PROMPT_EXIT = 20.0


def demo_env() -> dict[str, str]:
    """No model configured (canned answers), colours allowed."""
    return {
        k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT__") and k != "NO_COLOR"
    }


def run_demo(folder: Path, message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "devtools.demo", "--dir", str(folder), "--once", message],
        cwd=ROOT,
        env=demo_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


class Demo:
    """The interactive demo, running; its output collected as it comes."""

    def __init__(self, folder: Path, *, terminal: bool) -> None:
        self._output = bytearray()
        self._ended = False  # all the output is in
        self._changed = threading.Condition()
        self._stderr = (folder.parent / f"{folder.name}-stderr.txt").open("w+b")
        if terminal:  # a pseudo-terminal, as in `make demo`: canonical mode, echo on
            self._input, slave = pty.openpty()
            self._stdout = self._input
            stdin: int = slave
            stdout: int = slave
        else:
            stdin = stdout = subprocess.PIPE
        self.process = subprocess.Popen(
            [sys.executable, "-m", "devtools.demo", "--dir", str(folder)],
            cwd=ROOT,
            env=demo_env(),
            stdin=stdin,
            stdout=stdout,
            stderr=self._stderr,
            start_new_session=True,  # signals go to the demo alone, not to pytest
        )
        if terminal:
            os.close(slave)
        else:
            assert self.process.stdin is not None and self.process.stdout is not None
            self._input = self.process.stdin.fileno()
            self._stdout = self.process.stdout.fileno()
        self._collector = threading.Thread(target=self._collect, daemon=True)
        self._collector.start()

    def _collect(self) -> None:
        while True:
            try:
                data = os.read(self._stdout, 4096)
            except OSError:  # EIO: the terminal's last writer is gone
                data = b""
            with self._changed:
                self._output += data
                self._ended = not data
                self._changed.notify_all()
            if not data:
                return

    @property
    def output(self) -> str:
        with self._changed:
            return self._output.decode("utf-8", errors="replace")

    def wait_for(self, pattern: str, timeout: float = 90) -> re.Match[str]:
        """The first match of the regex `pattern` in the output, once it appears."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = re.search(pattern, self._output.decode("utf-8", errors="replace"))
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._ended:
                    break
                self._changed.wait(min(remaining, 1))
        self._stderr.seek(0)
        raise AssertionError(
            f"{pattern!r} not in the demo's output after {timeout} s:\n{self.output[-3000:]}\n"
            f"--- stderr ---\n{self._stderr.read().decode(errors='replace')[-3000:]}"
        )

    def type(self, line: str) -> None:
        self.press(line.encode() + b"\n")

    def press(self, keys: bytes) -> None:
        os.write(self._input, keys)

    def ctrl_c(self) -> None:
        """SIGINT to the process group, as a terminal sends it: Synapse gets it too."""
        os.killpg(self.process.pid, signal.SIGINT)

    def exit_code(self, timeout: float = PROMPT_EXIT) -> int:
        return self.process.wait(timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()  # Synapse follows (it dies with its parent)
            self.process.wait(30)
        self._collector.join(10)  # before its descriptor is closed
        self._stderr.close()
        if self.process.stdin is None:
            os.close(self._input)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@contextmanager
def demo(folder: Path, *, terminal: bool) -> Iterator[Demo]:
    running = Demo(folder, terminal=terminal)
    try:
        yield running
    finally:
        running.stop()


@pytest.mark.timeout(300)  # two starts of Synapse and the bot, slow on a busy machine
def test_demo_answers_with_canned_replies_and_restarts(tmp_path: Path) -> None:
    first = run_demo(tmp_path, "Bonjour")
    assert first.returncode == 0, first.stderr
    assert "réponses simulées" in first.stdout  # said plainly, and by the bot in the chat
    assert "Mode démonstration" in first.stdout
    assert "Vous m'avez demandé : « Bonjour »" in first.stdout
    assert "mot de passe" in first.stdout
    assert "**" not in first.stdout  # Markdown rendered, and plain: stdout is no terminal
    assert "\x1b[" not in first.stdout
    second = run_demo(tmp_path, "Encore")  # same folder: existing users, same DM, same device
    assert second.returncode == 0, second.stderr
    assert "Vous m'avez demandé : « Encore »" in second.stdout
    assert "Bonjour\u00a0! Je suis" in first.stdout
    assert "Bonjour\u00a0! Je suis" not in second.stdout  # not greeted again


@pytest.mark.timeout(400)
def test_files_both_ways_then_ctrl_c_and_end_of_input_quit_at_once(tmp_path: Path) -> None:
    note = tmp_path / "note de service.txt"
    note.write_text("Le comité se réunit le 12 mars.\nOrdre du jour : budget.\n", "utf-8")
    saved = tmp_path / "enregistré"
    folder = tmp_path / "demo"
    with demo(folder, terminal=False) as chat:
        chat.wait_for(STARTED, timeout=180)
        assert "/envoyer CHEMIN" in chat.output and "/enregistrer [N] [DOSSIER]" in chat.output
        chat.type(f"/envoyer {note}")  # a path with a space, as typed
        # The first document loads the personal-data guard's model: slow on a busy machine.
        chat.wait_for(r"J'ai lu «\u00a0note de service\.txt\u00a0»", timeout=120)

        chat.type("!mes-donnees")
        chat.wait_for(r"📎 mes-donnees-\S+\.json")
        chat.type(f"/enregistrer {saved}")
        path = Path(chat.wait_for(r"💾 Enregistré : (.+\.json) \(").group(1))
        assert path.parent == saved
        exported = json.loads(path.read_text("utf-8"))
        assert [d["filename"] for d in exported["documents"]] == ["note de service.txt"]

        # Ctrl-C during an answer, the input still open: no Enter needed.
        chat.type("Que dit la note ?")
        chat.wait_for(r"🙂 Que dit la note \?\n\s*🤖 ")
        chat.ctrl_c()
        assert chat.exit_code() == 0
        chat.wait_for("Au revoir !", timeout=5)

    with demo(folder, terminal=False) as chat:  # again: the same DM, then the input ends
        chat.wait_for(STARTED, timeout=180)
        assert chat.process.stdin is not None
        chat.process.stdin.close()
        assert chat.exit_code() == 0
        chat.wait_for("Au revoir !", timeout=5)


@pytest.mark.timeout(300)
def test_in_a_terminal_markdown_is_styled_and_ctrl_d_quits_during_an_answer(
    tmp_path: Path,
) -> None:
    with demo(tmp_path / "demo", terminal=True) as chat:
        chat.wait_for(STARTED, timeout=180)
        # The greeting's "**Assistant IA**", in bold; its bullet list with bullets.
        assert "\x1b[1mAssistant IA\x1b[22m" in chat.output
        assert "\n• " in chat.output.replace("\r\n", "\n")
        # The first question makes the bot load its personal-data model, in a thread: leaving
        # does not wait for it, nor for the answer.
        chat.type("Bonjour")
        chat.wait_for(r"Bonjour\r\n\s*🤖 ")  # the terminal's echo, then the bot's answer begins
        chat.press(b"\x04")  # Ctrl-D at the start of a line: the end of the input
        assert chat.exit_code() == 0
        chat.wait_for("Au revoir !", timeout=5)
