"""French typography: the fixer (devtools/typography.py), and every text constant complies."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import CommandTable
from devtools.typography import fix_source, fix_text, problems, router_files, texts_files
from tests.harness import assembled_routers

NB = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bonjour ! Ça va ? Oui : bien ; merci",
            f"Bonjour{NB}! Ça va{NB}? Oui{NB}: bien{NB}; merci",
        ),
        ("Bienvenue!", f"Bienvenue{NB}!"),
        ("**Alerte** : le modèle", f"**Alerte**{NB}: le modèle"),
        ("« Bonjour »", f"«{NB}Bonjour{NB}»"),
        ("«Bonjour»", f"«{NB}Bonjour{NB}»"),
        (f"«{NB}déjà{NB}» bon{NB}!", f"«{NB}déjà{NB}» bon{NB}!"),
        ("déjà\u202f!", "déjà\u202f!"),  # a narrow no-break space is as good
        ("Tapez `!web on : x` ici", "Tapez `!web on : x` ici"),  # a code span
        ("tapez !aide", "tapez !aide"),  # a command, not an exclamation
        ("à 10:30 ou 9:05", "à 10:30 ou 9:05"),
        ("voir https://a.fr/x?y=1 : ok", f"voir https://a.fr/x?y=1{NB}: ok"),
        ("voir https://a.fr/?q=a : ok", f"voir https://a.fr/?q=a{NB}: ok"),
        ("format {n:,} ici", "format {n:,} ici"),  # a placeholder
        ("Question :\nsuite", f"Question{NB}:\nsuite"),
        ("ligne\n: suite", "ligne\n: suite"),  # no space to replace, no word glued
        ("", ""),
    ],
)
def test_fix_text(text: str, expected: str) -> None:
    fixed, _ = fix_text(text)
    assert fixed == expected
    assert problems(fixed) == []


def test_fix_source_rewrites_only_prose_inside_literals() -> None:
    source = (
        '"""Module docstring : untouched ?"""\n'
        "\n"
        "# a comment : untouched\n"
        "A = 'Bonjour !'\n"
        'B = f"Motif : {reason!r} et {x:>{width}} ; fin"\n'
        "C = (\n"
        '    "Tapez `!web "  # the code span goes on in the next piece\n'
        '    "on : x` puis : ok"\n'
        ")\n"
        'D = r"brut : oui"\n'
        'E = b"octets : non"\n'
        'F = "\\n: suite\\u00a0: deja\\n"\n'
        'G = f"«{NBSP}{name}{NBSP}» : ok"\n'
        "\n"
        "def f() -> str:\n"
        '    """Docstring : untouched."""\n'
        '    return "x" if a else "Fin !"\n'
    )
    fixed, report = fix_source(source)
    namespace: dict[str, Any] = {"reason": "r", "x": 1, "width": 3, "NBSP": NB, "name": "n"}
    exec(compile(fixed, "<fixed>", "exec"), namespace)  # still valid Python
    assert namespace["A"] == f"Bonjour{NB}!"
    assert namespace["B"] == f"Motif{NB}: 'r' et   1{NB}; fin"
    assert namespace["C"] == f"Tapez `!web on : x` puis{NB}: ok"
    assert namespace["D"] == f"brut{NB}: oui"
    assert namespace["E"] == b"octets : non"
    assert namespace["F"] == f"\n: suite{NB}: deja\n"
    assert namespace["G"] == f"«{NB}n{NB}»{NB}: ok"
    assert '"""Module docstring : untouched ?"""' in fixed
    assert "# a comment : untouched" in fixed and '"""Docstring : untouched."""' in fixed
    assert len(report) == 7  # A, B twice, C, D, G and "Fin !"
    assert fix_source(fixed) == (fixed, [])  # idempotent


_ALPHABET = st.sampled_from(
    [*"ab1 :;!?«»`{}/\n", NB, "\u202f", "https://x.fr/?a=1", "!aide", "\\", "'", '"', "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=2000).map("".join))
def test_fixing_only_adds_or_swaps_spaces_and_is_idempotent(text: str) -> None:
    fixed, _ = fix_text(text)
    assert fixed.replace(NB, "").replace(" ", "") == text.replace(NB, "").replace(" ", "")
    assert fix_text(fixed)[0] == fixed
    # The same text written as a Python literal is fixed the same way.
    literal = repr(text.replace("{", "").replace("}", ""))
    fixed_source, _ = fix_source(f"X = {literal}\n")
    assert ast.literal_eval(fixed_source[4:]) == fix_text(ast.literal_eval(literal))[0]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple | frozenset | set):
        for item in value:
            yield from _strings(item)


def _module_name(path: Path) -> str:
    root = Path(__file__).resolve().parents[2]
    return ".".join(path.resolve().relative_to(root).with_suffix("").parts)


@pytest.mark.parametrize("path", texts_files(), ids=lambda p: _module_name(p))
def test_every_text_constant_complies(path: Path) -> None:
    """Run `python -m devtools.typography` when this fails."""
    module = importlib.import_module(_module_name(path))
    for name, value in vars(module).items():
        if name.startswith("__"):
            continue
        for text in _strings(value):
            assert problems(text) == [], f"{name}: {text!r}"
    # Texts built by functions: their literals, as written.
    _, report = fix_source(path.read_text(encoding="utf-8"))
    assert report == [], f"{path}: run `python -m devtools.typography` ({report[:3]})"


def test_in_routers_only_help_texts_are_fixed() -> None:
    source = (
        '@router.command("x", usage="!x [a : b]", help="aide : ceci ; " "cela")\n'
        'log.info("logged : untouched")\n'
    )
    fixed, report = fix_source(source, only_help=True)
    assert fixed == source.replace('aide : ceci ; "', f'aide{NB}: ceci{NB}; "')
    assert len(report) == 2


def test_every_command_help_complies(tmp_path: Path) -> None:
    """Run `python -m devtools.typography` when this fails."""
    for command in CommandTable(assembled_routers(tmp_path)).commands:
        for room in ("dm", "support"):
            assert problems(command.for_room(room).help) == [], command.name
    for path in router_files():
        _, report = fix_source(path.read_text(encoding="utf-8"), only_help=True)
        assert report == [], f"{path}: run `python -m devtools.typography` ({report[:3]})"
