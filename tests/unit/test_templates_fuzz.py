"""Property tests of the template loader and of name matching, up to the sizes accepted: a file
of MAX_FILE_BYTES, an agent's message of 60,000 characters."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.templates.definitions import (
    MAX_DESCRIPTION_CHARS,
    MAX_FILE_BYTES,
    MAX_INSTRUCTIONS_CHARS,
    MAX_NAME_CHARS,
    Template,
    TemplateError,
    find,
    fold,
    parse_template,
)

MESSAGE_MAX = 60_000

_SETTINGS: dict[str, Any] = {
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": False,
}


def fuzz(examples: int, deadline: float | None = 2.0) -> Any:
    limit = None if deadline is None else timedelta(seconds=deadline)
    return settings(max_examples=examples, deadline=limit, **_SETTINGS)


# The pieces TOML files are made of, and the traps of this format.
PIECES = [
    "name",
    "description",
    "instructions",
    "id",
    " = ",
    "=",
    '"',
    '"""',
    "'",
    "'''",
    "\\",
    "\\u00e9",
    "\\U0001F600",
    "\\x",
    "\n",
    "\r\n",
    "\t",
    " ",
    "#",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "a",
    "é",
    "\u00a0",
    "😀",
    "\x00",
    "\ud7ff",
    "1",
    "1979-05-27",
    "true",
    "inf",
    "nan",
    "0x1F",
    "[a]",
    "[a.b]",
    "[[a]]",
    'name = "x"\n',
    'description = "y"\n',
    'instructions = """\nz\n"""\n',
    "a = [",
    "a = {",
    "x" * 100,
    "é" * 100,
]

toml_like = st.lists(st.sampled_from(PIECES), max_size=400).map("".join)


def _check(source: str) -> None:
    # CPU time of this thread: a loaded machine that deschedules the test does not count.
    started = time.thread_time()
    try:
        template = parse_template(source, "fuzz")
    except TemplateError as exc:
        assert str(exc)  # a reason is always given
    else:
        assert isinstance(template, Template)
        assert 1 <= len(template.name) <= MAX_NAME_CHARS
        assert 1 <= len(template.description) <= MAX_DESCRIPTION_CHARS
        assert 1 <= len(template.instructions) <= MAX_INSTRUCTIONS_CHARS
    assert time.thread_time() - started < 1.0


@fuzz(300)
@given(toml_like)
def test_any_text_is_a_template_or_a_reason(source: str) -> None:
    _check(source)


# No wall-clock deadline: three parses at the maximum size can pass 2 s of wall time on a loaded
# machine; each is bounded in CPU time by `_check`.
@fuzz(60, deadline=None)
@given(st.sampled_from(PIECES), st.integers(min_value=1, max_value=MAX_FILE_BYTES))
def test_files_at_the_maximum_size_are_read_in_bounded_time(piece: str, size: int) -> None:
    source = (piece * (size // max(1, len(piece.encode("utf-8"))) + 1))[: MAX_FILE_BYTES + 1]
    _check(source)
    # Nested tables and arrays at the maximum size (tomllib recurses).
    _check("a = " + "[" * (MAX_FILE_BYTES - 4))
    _check("a = " + "{b = " * (MAX_FILE_BYTES // 5))


def _basic_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, plus DEL, which TOML wants escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


@fuzz(80, deadline=5.0)
@given(
    st.text(min_size=1, max_size=MAX_NAME_CHARS),
    st.text(min_size=1, max_size=MAX_DESCRIPTION_CHARS),
    st.text(min_size=1, max_size=MAX_INSTRUCTIONS_CHARS),
)
def test_any_written_fields_come_back_as_written_or_are_refused(
    name: str, description: str, instructions: str
) -> None:
    fields = {"name": name, "description": description, "instructions": instructions}
    source = "\n".join(f"{key} = {_basic_string(value)}" for key, value in fields.items())
    try:
        template = parse_template(source, "fuzz")
    except TemplateError:
        return
    assert template.name == name.strip()
    assert template.description == description.strip()
    assert template.instructions == instructions.strip()


@fuzz(100)
@given(
    st.lists(
        st.sampled_from(
            [
                "note",
                "Note",
                "NOTE",
                "de",
                "synthèse",
                "synthese",
                "-",
                " ",
                "1",
                "2",
                "3",
                "\n",
                ":",
                "é",
                "😀",
                "courrier",
                "falc",
                "x" * 50,
            ]
        ),
        max_size=2_000,
    ).map("".join),
    st.integers(min_value=0, max_value=MESSAGE_MAX),
)
def test_finding_a_name_in_a_long_message_is_bounded(text: str, pad: int) -> None:
    templates = {
        "note": Template("note", "Note", "d", "i"),
        "note-de-synthese": Template("note-de-synthese", "Note de synthèse", "d", "i"),
        "courrier-falc": Template("courrier-falc", "Courrier en FALC", "d", "i"),
    }
    message = (text + " suite" * (pad // 6))[:MESSAGE_MAX]
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    found = find(templates, message)
    assert time.thread_time() - started < 0.5
    if found is not None:
        template, rest = found
        assert template.id in templates
        assert len(rest) <= len(message)
        assert message.endswith(rest)
        assert fold(message).startswith(fold(message[: len(message) - len(rest)]))
