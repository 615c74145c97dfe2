"""Fails when SQL is written outside `storage/`: `python -m devtools.check_sql`.

All SQL lives in `storage/`; the runtime, the features and the developer tools go through its
repositories. This reads every string literal (f-strings included, their `{...}` parts left
out) in `bot/`, `handlers/` and `devtools/` with `ast`, and reports those that look like an SQL
statement, one `file:line: ...` line each; the exit status is 1 when there is any.
Docstrings are documentation, not queries: they are not read.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("bot", "handlers", "devtools")
SELF = Path(__file__).resolve()

# One pattern per statement, case-insensitive, on word boundaries.
SQL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE | re.DOTALL))
    for name, pattern in (
        ("SELECT ... FROM", r"\bSELECT\b.{1,500}?\bFROM\b"),
        ("INSERT INTO", r"\b(?:INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO\b"),
        ("UPDATE ... SET", r"\bUPDATE\s+(?:OR\s+\w+\s+)?[\w.\"`\[\]]+\s+SET\b"),
        ("DELETE FROM", r"\bDELETE\s+FROM\b"),
        (
            "CREATE TABLE/INDEX",
            r"\bCREATE\s+(?:UNIQUE\s+|TEMP\s+|TEMPORARY\s+|VIRTUAL\s+)*"
            r"(?:TABLE|INDEX|VIEW|TRIGGER)\b",
        ),
        ("ALTER/DROP", r"\b(?:ALTER\s+TABLE|DROP\s+(?:TABLE|INDEX|VIEW|TRIGGER))\b"),
        ("PRAGMA", r"\bPRAGMA\s+\w+"),
        ("BEGIN IMMEDIATE", r"\bBEGIN\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED)\b"),
    )
)


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    statement: str
    text: str

    def format(self, root: Path) -> str:
        try:
            shown = self.path.relative_to(root)
        except ValueError:
            shown = self.path
        excerpt = " ".join(self.text.split())
        if len(excerpt) > 60:
            excerpt = excerpt[:57] + "..."
        return (
            f"{shown}:{self.line}: SQL outside storage/ ({self.statement}): {excerpt!r}"
            " - move the query into a storage/ repository"
        )


def sql_statement(text: str) -> str | None:
    """The name of the first SQL statement `text` looks like, or None."""
    for name, pattern in SQL_PATTERNS:
        if pattern.search(text):
            return name
    return None


def _docstring(node: ast.AST) -> ast.AST | None:
    """The docstring node of a module, class or function, if it has one."""
    if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        first = node.body[0] if node.body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            return first.value
    return None


def _strings(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal but docstrings; an f-string counts as one."""
    # ast.walk is breadth-first: a definition is met before its docstring, an f-string before
    # its parts, so they can be marked as read before they come.
    skipped: set[int] = set()
    for node in ast.walk(tree):
        docstring = _docstring(node)
        if docstring is not None:
            skipped.add(id(docstring))
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
            text = "".join(
                part.value
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
                else "x"
                for part in node.values
            )
            yield node.lineno, text
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ):
            yield node.lineno, node.value


def check_source(source: str, path: Path) -> list[Finding]:
    tree = ast.parse(source, filename=str(path))
    findings: list[Finding] = []
    for line, text in _strings(tree):
        statement = sql_statement(text)
        if statement is not None:
            findings.append(Finding(path, line, statement, text))
    return sorted(findings, key=lambda finding: finding.line)


def python_files(root: Path) -> Iterator[Path]:
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            if path.resolve() != SELF and "__pycache__" not in path.parts:
                yield path


def find_sql(root: Path = ROOT) -> list[Finding]:
    findings: list[Finding] = []
    for path in python_files(root):
        findings.extend(check_source(path.read_text(encoding="utf-8"), path))
    return findings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.check_sql", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    findings = find_sql(root)
    for finding in findings:
        print(finding.format(root))
    if findings:
        print(f"{len(findings)} SQL string(s) outside storage/", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
