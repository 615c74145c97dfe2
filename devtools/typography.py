"""French typography for the texts sent to users: a no-break space (U+00A0) before ! ? : ; and
inside « ».

`python -m devtools.typography` rewrites in place the string literals of bot/texts.py and of
every handlers/*/texts.py, and the `help=` texts of every handlers/*/router.py (`--check`: only
list what it would change, exit 1 if anything).
It touches nothing but prose inside string literals: never a Markdown code span (`!web on`),
a URL, a format placeholder ({name}, f-string fields), a docstring, a comment or code. A
space before the sign becomes a no-break space; a sign glued to a word gets one (`Bonjour!`),
except where it is not punctuation (`!aide`, `10:30`). The space is written as the character
itself, not as an escape, so that lines keep their length under ruff's limit (an editor that
shows whitespace, or `cat -A`, reveals it); the unit test checks the values, not the spelling.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

NBSP = "\u00a0"
NNBSP = "\u202f"  # a narrow no-break space is as good
_NO_BREAK = (NBSP, NNBSP)
_SIGNS = "!?:;"
# After one of these, a sign glued to it gets a no-break space (`Bonjour!`, `**Alerte**:`).
_GLUED = re.compile(r"[\w*`)»\]…]")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
_URL_END = frozenset(" \t\n\r<>\"'`") | {NBSP, NNBSP}
# An f-string field that holds a no-break space (`{NBSP}`, `{NARROW_NBSP}`).
_NBSP_FIELD = re.compile(r"\{\w*NBSP\w*\}")
_STRING_PREFIX = re.compile(r"^([a-zA-Z]*)('''|\"\"\"|'|\")")
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class _Unit:
    """One character of a literal's value, with the source that writes it (`\\n`, `\\u00a0`)."""

    source: str
    char: str | None  # None: an escape whose value does not matter here
    prose: bool = True


def _units_of_text(text: str) -> list[_Unit]:
    return [_Unit(ch, ch) for ch in text]


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"'}


def _units_of_body(body: str, raw: bool) -> list[_Unit]:
    """The characters of a literal's body as written in the source."""
    units: list[_Unit] = []
    i = 0
    while i < len(body):
        ch = body[i]
        field = _NBSP_FIELD.match(body, i)
        if field is not None:  # f"«{NBSP}{name}{NBSP}»": the field is the no-break space
            units.append(_Unit(field.group(), NBSP, prose=False))
            i = field.end()
            continue
        if ch != "\\" or raw or i + 1 >= len(body):
            units.append(_Unit(ch, ch))
            i += 1
            continue
        kind = body[i + 1]
        size = {"x": 4, "u": 6, "U": 10}.get(kind, 2)
        if kind == "N":
            end = body.find("}", i)
            size = end - i + 1 if end != -1 else 2
        source = body[i : i + size]
        value: str | None = _ESCAPES.get(kind)
        if kind in "xuU":
            try:
                value = chr(int(source[2:], 16))
            except ValueError:
                value = None
        units.append(_Unit(source, value))
        i += size
    return units


def _mark_protected(units: Sequence[_Unit], fields: bool, state: dict[str, bool]) -> None:
    """Code spans, URLs and placeholders are not prose. `state` carries an open code span
    from one piece of an implicitly concatenated string to the next."""
    in_code = state.get("code", False)
    depth = 0
    in_url = False
    text = "".join(u.char or "\0" for u in units)
    i = 0
    while i < len(units):
        unit = units[i]
        ch = unit.char
        if in_url:
            if ch is None or ch in _URL_END:
                in_url = False
            else:
                unit.prose = False
                i += 1
                continue
        if depth:
            unit.prose = False
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            i += 1
            continue
        if ch == "`":
            in_code = not in_code
            unit.prose = False
        elif in_code:
            unit.prose = False
        elif ch == "{" and fields:
            if i + 1 < len(units) and units[i + 1].char == "{":  # `{{` is a literal brace
                units[i + 1].prose = False
                unit.prose = False
                i += 2
                continue
            depth = 1
            unit.prose = False
        elif _URL.match(text, i):
            in_url = True
            unit.prose = False
        i += 1
    state["code"] = in_code


def _char(units: Sequence[_Unit], i: int) -> str | None:
    return units[i].char if 0 <= i < len(units) else None


def _is_sign(units: Sequence[_Unit], i: int) -> bool:
    """A ! ? : ; used as punctuation, not as part of a command, a time or an identifier."""
    ch, after = units[i].char, _char(units, i + 1)
    if ch is None or ch not in _SIGNS or not units[i].prose:
        return False
    if after is None or after.isspace() or after in _NO_BREAK:
        return True
    if ch in ":;":
        return after in "*_)»\"'"
    return not (after.isalnum() or after in "_-/")


def _rewrite(units: list[_Unit], nbsp_source: str) -> tuple[str, list[str]]:
    """The literal's source with the no-break spaces in place, and the list of changes."""
    out: list[str] = []
    changes: list[str] = []
    replaced: set[int] = set()
    for i, unit in enumerate(units):
        ch = unit.char
        before = _char(units, i - 1)
        after = _char(units, i + 1)
        if i in replaced:
            continue
        if _is_sign(units, i):
            if before == " " and units[i - 1].prose:
                out[-1] = nbsp_source
                changes.append(f"space before {ch!r}")
            elif (
                before is not None
                and ch is not None
                and ch in "!?:"
                and units[i - 1].prose
                and _GLUED.match(before)
                and not (ch == ":" and before.isdigit())
            ):
                out.append(nbsp_source)
                changes.append(f"no space before {ch!r}")
        elif ch == "»" and unit.prose and before is not None and before not in _NO_BREAK:
            if before == " ":
                out[-1] = nbsp_source
            elif not before.isspace():
                out.append(nbsp_source)
            changes.append("before »")
        out.append(unit.source)
        if ch == "«" and unit.prose and after is not None and after not in _NO_BREAK:
            if after == " ":
                out.append(nbsp_source)
                replaced.add(i + 1)
            elif not after.isspace():
                out.append(nbsp_source)
            changes.append("after «")
    return "".join(out), changes


def fix_text(text: str) -> tuple[str, list[str]]:
    """A text with French typography, and what was changed (for plain values, as sent)."""
    units = _units_of_text(text)
    _mark_protected(units, True, {})
    return _rewrite(units, NBSP)


def problems(text: str) -> list[str]:
    """What breaks French typography in a text sent to users (empty when it complies)."""
    return fix_text(text)[1]


# Source files -----------------------------------------------------------------------------------


@dataclass
class _Literal:
    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass
class _Group:
    literals: list[_Literal]
    help: bool  # the value of a `help=` argument (a command's line in `!aide`)


def _literal_groups(source: str) -> list[_Group]:
    """String literals, grouped when implicitly concatenated; docstrings left out."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    groups: list[_Group] = []
    current: list[_Literal] = []
    before_group = tokenize.NEWLINE
    previous = tokenize.NEWLINE
    # The last two significant tokens, and those before the current group (`help` `=`).
    recent: list[str] = ["", ""]
    keyword: list[str] = ["", ""]
    fstring_start: tuple[int, int] | None = None
    lines = source.splitlines(keepends=True)

    def span(start: tuple[int, int], end: tuple[int, int]) -> str:
        if start[0] == end[0]:
            return lines[start[0] - 1][start[1] : end[1]]
        parts = [lines[start[0] - 1][start[1] :]]
        parts += lines[start[0] : end[0] - 1]
        parts.append(lines[end[0] - 1][: end[1]])
        return "".join(parts)

    def close(next_type: int) -> None:
        nonlocal current
        if current:
            docstring = before_group in (
                tokenize.NEWLINE,
                tokenize.INDENT,
                tokenize.DEDENT,
                tokenize.ENCODING,
            ) and next_type in (tokenize.NEWLINE, tokenize.ENDMARKER)
            if not docstring:
                groups.append(_Group(current, keyword == ["help", "="]))
            current = []

    fstart = getattr(tokenize, "FSTRING_START", None)  # Python 3.12 splits f-strings
    fend = getattr(tokenize, "FSTRING_END", None)
    for token in tokens:
        if fstart is not None and token.type == fstart:
            if fstring_start is None:
                fstring_start = token.start
            continue
        if fstring_start is not None:
            if token.type == fend:
                if not current:
                    before_group, keyword = previous, list(recent)
                current.append(_Literal(fstring_start, token.end, span(fstring_start, token.end)))
                fstring_start = None
            continue
        if token.type == tokenize.STRING:
            if not current:
                before_group, keyword = previous, list(recent)
            current.append(_Literal(token.start, token.end, token.string))
        elif token.type in (tokenize.NL, tokenize.COMMENT):
            continue
        else:
            close(token.type)
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type
            recent = [recent[1], token.string]
    close(tokenize.ENDMARKER)
    return groups


def _fix_literal(literal: str, state: dict[str, bool]) -> tuple[str, list[str]]:
    match = _STRING_PREFIX.match(literal)
    if match is None:
        return literal, []
    prefix, quote = match.group(1), match.group(2)
    if "b" in prefix.lower():
        return literal, []
    raw = "r" in prefix.lower()
    body = literal[len(prefix) + len(quote) : len(literal) - len(quote)]
    units = _units_of_body(body, raw)
    _mark_protected(units, True, state)
    fixed, changes = _rewrite(units, NBSP)
    return prefix + quote + fixed + quote, changes


def fix_source(source: str, *, only_help: bool = False) -> tuple[str, list[str]]:
    """The module's source with its string literals fixed, and a line per change.

    `only_help`: only the values of `help=` arguments (a router's command declarations, whose
    other strings are code: names, usages, log lines)."""
    edits: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    report: list[str] = []
    for group in _literal_groups(source):
        if only_help and not group.help:
            continue
        state: dict[str, bool] = {}
        for literal in group.literals:
            fixed, changes = _fix_literal(literal.text, state)
            if fixed != literal.text:
                edits.append((literal.start, literal.end, fixed))
                report += [f"line {literal.start[0]}: {change}" for change in changes]
    if not edits:
        return source, []
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    out = source
    for start, end, fixed in sorted(edits, reverse=True):
        a = offsets[start[0] - 1] + start[1]
        b = offsets[end[0] - 1] + end[1]
        out = out[:a] + fixed + out[b:]
    return out, report


def texts_files(root: Path = ROOT) -> list[Path]:
    """bot/texts.py and every feature's texts.py."""
    return [root / "bot" / "texts.py", *sorted((root / "handlers").glob("*/texts.py"))]


def router_files(root: Path = ROOT) -> list[Path]:
    """Every feature's router.py: only its commands' help texts are fixed."""
    return sorted((root / "handlers").glob("*/router.py"))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "files", nargs="*", type=Path, help="default: every texts.py and router.py"
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if needed")
    args = parser.parse_args(list(argv) if argv is not None else None)
    files: list[Path] = args.files or [*texts_files(), *router_files()]
    needed = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        fixed, report = fix_source(source, only_help=path.name == "router.py")
        if fixed == source:
            continue
        needed += 1
        for line in report:
            print(f"{path}: {line}")
        if not args.check:
            path.write_text(fixed, encoding="utf-8")
    verb = "would change" if args.check else "changed"
    print(f"{verb} {needed} of {len(files)} files", file=sys.stderr)
    return 1 if args.check and needed else 0


if __name__ == "__main__":
    raise SystemExit(main())
