"""The layout rules hold, and each of them can fail.

The import contracts live in pyproject.toml ([tool.importlinter], checked by `lint-imports`); the
SQL rule in devtools/check_sql.py. Each contract is broken on purpose in a copy of the tree, so
that a contract that no longer matches anything (a renamed package, a wrong wildcard) is caught.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from devtools import check_sql

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONTRACT_LINE = re.compile(r"^(?P<name>.+?) (?P<status>KEPT|BROKEN)\b", re.MULTILINE)


def contract_names() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {contract["name"] for contract in config["tool"]["importlinter"]["contracts"]}


def lint_imports(cwd: Path) -> tuple[int, str, dict[str, str]]:
    """Runs lint-imports in `cwd`: exit status, output, and each contract's KEPT or BROKEN."""
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} missing: pip install -e '.[dev]' (import-linter)")
    # lint-imports puts its working directory first on sys.path: the copy is what it reads.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = result.stdout + result.stderr
    statuses = {m["name"]: m["status"] for m in CONTRACT_LINE.finditer(result.stdout)}
    return result.returncode, output, statuses


def test_the_import_contracts_hold() -> None:
    code, output, statuses = lint_imports(ROOT)
    assert code == 0, output
    assert statuses == dict.fromkeys(contract_names(), "KEPT"), output


def test_no_sql_outside_storage(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_sql.main([]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out == ""


# --- each contract can fail -----------------------------------------------------------------

RUNTIME = "The runtime knows no feature"
INDEPENDENCE = "Features do not import each other"
NIO = "Only bot.matrix talks to nio"
PORT = "Features reach Matrix only through the runtime's port"
STORAGE = "Storage stands alone"
LAYERS = "Features above the runtime above storage"
SOURCES_HTTP = "Only the official-sources client speaks to the RAG service"

# (module written into the copy, its source, the contracts it must break: no more, no less)
VIOLATIONS = [
    ("bot/violation.py", "import handlers.web\n", {RUNTIME, LAYERS}),
    ("handlers/chat/violation.py", "import handlers.web\n", {INDEPENDENCE}),
    ("handlers/chat/violation.py", "import nio\n", {NIO}),
    ("bot/violation.py", "from nio import AsyncClient\n", {NIO}),
    ("handlers/chat/violation.py", "import bot.matrix\n", {PORT}),
    ("handlers/chat/violation.py", "from bot.dispatcher import Dispatcher\n", {PORT}),
    # Through the composition root, a feature would also reach every other feature.
    ("handlers/chat/violation.py", "import bot.cli\n", {PORT, INDEPENDENCE}),
    ("storage/violation.py", "import bot.context\n", {STORAGE, LAYERS}),
    ("handlers/sources/violation.py", "import aiohttp\n", {SOURCES_HTTP}),
]


def copy_tree(destination: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("bot", "handlers", "storage"):
        shutil.copytree(ROOT / package, destination / package, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", destination / "pyproject.toml")


def test_every_contract_has_a_violation() -> None:
    assert set().union(*(broken for _, _, broken in VIOLATIONS)) == contract_names()


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    VIOLATIONS,
    ids=[f"{module}:{source.strip()}" for module, source, _ in VIOLATIONS],
)
def test_a_violation_breaks_its_contract(
    tmp_path: Path, module: str, source: str, broken: set[str]
) -> None:
    copy_tree(tmp_path)
    (tmp_path / module).write_text(source, encoding="utf-8")
    code, output, statuses = lint_imports(tmp_path)
    assert code != 0, output
    assert {name for name, status in statuses.items() if status == "BROKEN"} == broken, output
    assert set(statuses) == contract_names(), output
    assert module.removesuffix(".py").replace("/", ".") in output


# --- the SQL check can fail -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SELECT id FROM users WHERE user_id = ?",
        "select count(*)\n  from messages",
        "INSERT INTO kv (key, value) VALUES (?, ?)",
        "INSERT OR IGNORE INTO users (user_id) VALUES (?)",
        "REPLACE INTO kv VALUES (?, ?)",
        "UPDATE rooms SET kind = ?",
        "update or ignore rooms set kind = ?",
        "DELETE FROM inbox",
        "CREATE TABLE IF NOT EXISTS t (x)",
        "CREATE UNIQUE INDEX i ON t (x)",
        "CREATE VIRTUAL TABLE f USING fts5(x)",
        "PRAGMA journal_mode=WAL",
        "BEGIN IMMEDIATE",
        "DROP TABLE t",
    ],
)
def test_sql_is_recognised(text: str) -> None:
    assert check_sql.sql_statement(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Sélectionnez un modèle dans la liste.",
        "Please update your settings.",
        "Deleted from the conversation.",
        "selection from the list",
        "created a table of contents",
        "# pragma: no cover",
        "begin the survey",
        "assistant.sqlite3",
    ],
)
def test_prose_is_not_sql(text: str) -> None:
    assert check_sql.sql_statement(text) is None


def test_sql_outside_storage_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("bot", "handlers/chat", "devtools", "storage"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "handlers/chat/violation.py").write_text(
        '"""Docstrings may say SELECT x FROM y."""\n\nQUERY = "select id from users"\n',
        encoding="utf-8",
    )
    (tmp_path / "bot/violation.py").write_text(
        "def purge(table: str) -> str:\n"
        '    """DELETE FROM, in a docstring, is fine."""\n'
        '    return f"DELETE FROM {table} WHERE id = ?"\n',
        encoding="utf-8",
    )
    (tmp_path / "devtools/violation.py").write_text(
        'SETUP = (\n    "PRAGMA "\n    "foreign_keys = ON"\n)\n', encoding="utf-8"
    )
    (tmp_path / "storage/fine.py").write_text('QUERY = "SELECT id FROM users"\n', encoding="utf-8")

    assert check_sql.main(["--root", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [
        "bot/violation.py:3:",
        "handlers/chat/violation.py:3:",
        "devtools/violation.py:2:",
    ]
    assert "DELETE FROM" in lines[0]
    assert "SELECT ... FROM" in lines[1]
    assert "PRAGMA" in lines[2]
