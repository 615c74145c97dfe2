"""The dev tools without a homeserver: the Synapse launcher's message when Synapse is missing,
the demo's terminal rendering of Markdown, its stdin reader and its file helpers."""

from __future__ import annotations

import asyncio
import io
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.texts import TYPING_PLACEHOLDER
from devtools.agent import SeenMessage, carries_file, msgtype_for
from devtools.demo import Printer, StdinLines, free_path, parse_path, safe_filename, size_text
from devtools.synapse import start_synapse
from devtools.terminal import display_width, render, sanitize, stable_prefix, use_style

SGR = re.compile(r"\x1b\[\d+m")  # the only escape sequences the renderer may write


def test_missing_interpreter_says_make_install(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="make install"):
        start_synapse(tmp_path, python=str(tmp_path / "nope" / "python"))
    # The bot's own interpreter has no synapse package.
    with pytest.raises(RuntimeError, match="make install"):
        start_synapse(tmp_path, python=sys.executable)


# -- the terminal renderer ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**gras** et *italique*", "gras et italique"),
        ("~~barré~~", "~~barré~~"),
        ("Tapez `!aide`", "Tapez `!aide`"),
        ("ligne 1\nligne 2", "ligne 1\nligne 2"),
        ("# Titre", "Titre\n═════"),
        ("## Délais", "Délais\n──────"),
        ("### Détail", "Détail"),
        ("- un\n- deux", "• un\n• deux"),
        ("- un\n\n- deux", "• un\n\n• deux"),  # a loose list keeps its blank lines
        ("3. trois\n4. quatre", "3. trois\n4. quatre"),
        ("- un\n  - sous\n    - sous-sous", "• un\n  ◦ sous\n    ▪ sous-sous"),
        ("1. un\n   suite", "1. un\n   suite"),
        ("```python\nprint(1)\n\n  x = 2\n```", "    print(1)\n\n      x = 2"),
        ("    indenté", "    indenté"),
        ("> citation\n> suite", "│ citation\n│ suite"),
        ("avant\n\n---\n\naprès", "avant\n\n" + "─" * 40 + "\n\naprès"),
        (
            "[Service public](https://service-public.fr)",
            "Service public (https://service-public.fr)",
        ),
        ("<https://www.legifrance.gouv.fr>", "https://www.legifrance.gouv.fr"),
        ("<agent@example.gouv.fr>", "agent@example.gouv.fr"),
        ("![logo](https://exemple.fr/logo.png)", "logo (https://exemple.fr/logo.png)"),
        ("<b>brut</b>", "<b>brut</b>"),  # HTML is text, as for Matrix clients
        ("Texte\n\n\n", "Texte"),
    ],
)
def test_markdown_renders_as_plain_text(markdown: str, expected: str) -> None:
    assert render(markdown, styled=False) == expected


def test_tables_are_aligned_by_display_width() -> None:
    markdown = (
        "| Pièce | Délai | Coût |\n"
        "|:--|:-:|--:|\n"
        "| **CNI** | 3 semaines | 0 € |\n"
        "| Passeport 🛂 | 2 s | 86 € |"
    )
    assert render(markdown, styled=False).split("\n") == [
        "Pièce        │   Délai    │ Coût",
        "─────────────┼────────────┼─────",
        "CNI          │ 3 semaines │  0 €",
        "Passeport 🛂 │    2 s     │ 86 €",
    ]
    styled = render(markdown, styled=True)
    widths = {display_width(line) for line in styled.split("\n")}
    assert widths == {32}, "ANSI codes take no room"


def test_styles_are_ansi_codes_on_a_terminal() -> None:
    styled = render("# Titre\n\n**gras**, *italique*, `code`, [lien](https://a.fr)", styled=True)
    assert styled.startswith("\x1b[1mTitre\x1b[22m\n═════")
    assert "\x1b[1mgras\x1b[22m" in styled
    assert "\x1b[3mitalique\x1b[23m" in styled
    assert "\x1b[36mcode\x1b[39m" in styled
    assert "\x1b[4mlien\x1b[24m (https://a.fr)" in styled
    code = render("```\nx\n```", styled=True)
    assert code == "    \x1b[36mx\x1b[39m"


def test_control_characters_from_the_model_are_dropped() -> None:
    hostile = "titre\x1b]0;piégé\x07 \x1b[2J effacé\r\n\x9b31m fin\ttab"
    for styled in (False, True):
        text = render(hostile, styled=styled)
        assert SGR.sub("", text) == "titre]0;piégé [2J effacé\n31m fin\ttab"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=4000))
def test_any_text_renders_without_foreign_escapes_and_streams_a_prefix(markdown: str) -> None:
    for styled in (False, True):
        text = SGR.sub("", render(markdown, styled=styled))
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    assert "\x1b" not in render(markdown, styled=False)
    assert sanitize(markdown).startswith(stable_prefix(markdown))


def test_styles_follow_the_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_style(Terminal())
    assert not use_style(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_style(Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: set and not empty
    assert use_style(Terminal())


ANSWER = (
    "## Démarches\n\n"
    "Pour un **passeport** :\n"
    "1. prenez rendez-vous\n"
    "2. rassemblez les pièces\n"
    "   - photo\n"
    "   - justificatif\n"
    "3. déposez le dossier\n\n"
    "| Pièce | Délai |\n|---|--:|\n| CNI | 3 semaines |\n\n"
    "```\ncode\n\nsuite\n```\n"
    "> Source : [service-public.fr](https://www.service-public.fr)\n\n"
    "Bonne journée."
)


@pytest.mark.parametrize("styled", [False, True])
def test_what_streams_is_never_taken_back(styled: bool) -> None:
    final = render(ANSWER, styled=styled)
    shown = ""
    for end in range(len(ANSWER) + 1):
        partial = render(stable_prefix(ANSWER[:end].rstrip()), styled=styled)
        assert final.startswith(partial), f"cut at {end}: {ANSWER[:end]!r}"
        assert partial.startswith(shown)
        shown = partial
    # It does stream: the heading, then the list item by item, before the end.
    assert stable_prefix("## Démarches\n\nPour") == "## Démarches"
    assert stable_prefix("1. un\n2. deux\n3. tr") == "1. un\n2. deux"
    assert stable_prefix("Un paragraphe en cours") == ""


def _message(event_id: str, body: str, **content: Any) -> SeenMessage:
    return SeenMessage(
        event_id=event_id,
        room_id="!r",
        sender="@bot:localhost",
        body=body,
        formatted_body=None,
        msgtype=str(content.pop("msgtype", "m.text")),
        content={"body": body, **content},
        edits=0,
        first_seen=0.0,
        last_update=0.0,
        relates_to=None,
        encrypted=True,
    )


def test_printer_streams_rendered_blocks_and_ends_with_the_whole_answer() -> None:
    out = io.StringIO()
    printer = Printer("@demo:localhost", out)
    steps = [ANSWER[:end] for end in range(0, len(ANSWER), 7)]
    for index, step in enumerate(steps):
        printer(_message("$a", step + " " + TYPING_PLACEHOLDER), index == 0)
    assert out.getvalue().startswith("🤖 Démarches\n─────────\n\nPour un passeport :")
    printer(_message("$a", ANSWER), False)
    assert out.getvalue() == f"🤖 {render(ANSWER, styled=False)}\n"
    assert printer.finished.is_set()
    printer(_message("$a", ANSWER), False)  # an edit that changes nothing: nothing printed
    # A status shown while the answer is prepared, then the answer in its place.
    printer(_message("$b", f"Recherche : impôts\n\nLecture de 2 pages {TYPING_PLACEHOLDER}"), True)
    printer(_message("$b", "**Réponse**"), False)
    assert out.getvalue().endswith("\n🤖 Recherche : impôts\n🤖 Réponse\n")


def test_printer_announces_files_with_their_size() -> None:
    out = io.StringIO()
    printer = Printer("@demo:localhost", out)
    file = {"url": "mxc://localhost/abc"}
    message = _message(
        "$f", "export.json", msgtype="m.file", filename="export.json", info={"size": 4749}, **file
    )
    assert carries_file(message)
    printer(message, True)
    assert out.getvalue() == "🤖 📎 export.json (4,7\u00a0Ko) : /enregistrer pour l'enregistrer\n"
    assert not carries_file(_message("$g", "sans lien", msgtype="m.file"))


# -- the demo's helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mimetype", "msgtype"),
    [
        ("image/png", "m.image"),
        ("audio/ogg", "m.audio"),
        ("video/mp4", "m.video"),
        ("application/pdf", "m.file"),
        ("text/plain", "m.file"),
        ("", "m.file"),
    ],
)
def test_msgtype_follows_the_mime_type(mimetype: str, msgtype: str) -> None:
    assert msgtype_for(mimetype) == msgtype


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("export.json", "export.json"),
        ("../../.bashrc", "_.._.bashrc"),
        ("..", "fichier"),
        (".profile", "profile"),
        ("a\x1b[31m.txt", "a_[31m.txt"),
        ("dossier\\nom.pdf", "dossier_nom.pdf"),
        ("   ", "fichier"),
    ],
)
def test_saved_names_stay_in_their_folder(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_saved_names_fit_the_file_system() -> None:
    long = safe_filename("é" * 300 + ".json")
    assert long.endswith("é.json") and len(long.encode()) <= 200


def test_saved_files_never_overwrite(tmp_path: Path) -> None:
    assert free_path(tmp_path, "a.json") == tmp_path / "a.json"
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "a (2).json").write_text("{}")
    assert free_path(tmp_path, "a.json") == tmp_path / "a (3).json"


def test_paths_as_typed_or_pasted(tmp_path: Path) -> None:
    spaced = tmp_path / "note de service.txt"
    spaced.write_text("x")
    assert parse_path(str(spaced)) == spaced
    assert parse_path(f"'{spaced}'") == spaced
    assert parse_path(str(spaced).replace(" ", "\\ ")) == spaced
    assert parse_path("~/x") == Path.home() / "x"
    assert parse_path("  ") is None


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 octets"),
        (999, "999 octets"),
        (1000, "1,0 Ko"),
        (12345, "12,3 Ko"),
        (999_999, "1,0 Mo"),
        (3_100_000, "3,1 Mo"),
        (5 * 10**9, "5,0 Go"),
    ],
)
def test_sizes_in_french(size: int, text: str) -> None:
    assert size_text(size) == text.replace(" ", "\u00a0")


async def test_stdin_lines_from_a_pipe_without_a_thread() -> None:
    read_end, write_end = os.pipe()
    lines = StdinLines(read_end)
    try:
        threads = set(threading.enumerate())
        os.write(write_end, "bonjour\nça va".encode())
        assert await asyncio.wait_for(lines.readline(), 5) == "bonjour"
        pending = asyncio.ensure_future(lines.readline())
        await asyncio.sleep(0.05)
        assert not pending.done()  # waiting for the rest of the line, in the loop
        assert set(threading.enumerate()) <= threads  # no thread reads for it
        os.write(write_end, b" ?\r\nsans fin")
        assert await asyncio.wait_for(pending, 5) == "ça va ?"
        os.close(write_end)
        # The end of the input: a line without its end is dropped, as after Ctrl-D.
        assert await asyncio.wait_for(lines.readline(), 5) is None
        assert await lines.readline() is None
    finally:
        lines.close()
        os.close(read_end)


async def test_stdin_lines_from_a_file(tmp_path: Path) -> None:
    script = tmp_path / "questions.txt"
    script.write_text("un\ndeux\n")
    with script.open("rb") as file:
        lines = StdinLines(file.fileno())  # epoll refuses regular files
        assert [await lines.readline() for _ in range(3)] == ["un", "deux", None]
        lines.close()
