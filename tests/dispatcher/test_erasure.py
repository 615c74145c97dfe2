"""Erasure leaves no byte behind: after !oublier, !oublier-document and the retention job, a
unique marker written by the agent is in none of the database file, its WAL, the full-text
indexes' shadow tables, any table, or the folder of kept files."""

from __future__ import annotations

import asyncio
import itertools
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from devtools.fake_llm import FakeLLM
from handlers.privacy import texts as privacy_texts
from handlers.privacy.retention import run_retention
from storage.db import Database
from storage.privacy import _shred
from tests import docgen
from tests.harness import Harness as SharedHarness
from tests.harness import dispatcher_config, fake_matrix, running_dispatcher

_ids = itertools.count(1)
FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Harness(SharedHarness):
    """One agent's DM, each message handled before the next; the files it leaves on disk."""

    db_path: Path
    keep_dir: Path

    async def ask(self, text: str) -> None:
        await self.feed(text, room="!dm")
        await self.settle()

    async def send_file(self, name: str, data: bytes, *, msgtype: str = "m.file") -> None:
        url = self.matrix.media.add(f"{next(_ids)}-{name}", data)
        media = {"url": url, "file": None, "mimetype": None, "size": len(data), "filename": name}
        await self.feed(name, room="!dm", msgtype=msgtype, media=media)
        await self.settle()

    def replies(self) -> list[str]:  # type: ignore[override]
        return [m.final_body for m in self.matrix.in_room("!dm")]

    async def checkpoint(self) -> None:
        """What SQLite does on its own every 1000 pages: the WAL's pages go to the main file."""
        await self.services.db.fetchone("PRAGMA wal_checkpoint(TRUNCATE)")


MakeHarness = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def make_harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[MakeHarness]:
    async with AsyncExitStack() as stack:

        async def make(clock: Clock | None = None) -> Harness:
            keep_dir = tmp_path / "kept"
            config = dispatcher_config(
                tmp_path,
                fake_llm.base_url,
                llm={"edit_interval": 0},
                privacy={"ner": "off"},
                attachments={"keep_files": True, "keep_dir": str(keep_dir)},
            )
            db_path = tmp_path / "db.sqlite3"
            dispatcher = await stack.enter_async_context(
                running_dispatcher(config, db_path, clock or Clock())
            )
            harness = Harness(dispatcher, fake_matrix(dispatcher), fake_llm)
            harness.db_path, harness.keep_dir = db_path, keep_dir
            return harness

        yield make


def new_marker() -> str:
    """Letters and digits only: the FTS tokenizer keeps it as one token (lowercased)."""
    return "ZQXJ" + secrets.token_hex(8)


def document_text(marker: str) -> bytes:
    """A text file long enough for several passages, the marker in each."""
    lines = [f"Paragraphe {i} : la note {marker} traite du budget de l'année." for i in range(60)]
    return "\n\n".join(lines).encode()


async def where_is(h: Harness, marker: str) -> list[str]:
    """Every place the marker is found: the files (raw bytes) and every table's values."""
    tail = marker[4:].encode()  # the random part, in the text as typed and in the FTS token
    found: list[str] = []
    for path in (h.db_path, h.db_path.with_name(h.db_path.name + "-wal")):
        if path.exists() and tail in path.read_bytes().lower():
            found.append(path.name)
    if h.keep_dir.exists():
        for path in sorted(h.keep_dir.rglob("*")):
            if path.is_file() and tail in path.read_bytes().lower():
                found.append(f"kept file {path.name}")
    db = h.services.db
    tables = [
        r["name"] for r in await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    shadows = [t for t in tables if t.endswith(FTS_SHADOWS)]
    assert any(t.startswith("document_chunks_fts") for t in shadows)
    assert any(t.startswith("messages_fts") for t in shadows)
    for table in tables:
        for row in await db.fetchall(f'SELECT * FROM "{table}"'):
            if any(_holds(value, tail) for value in row):
                found.append(f"table {table}")
                break
    return found


async def assert_gone(h: Harness, marker: str) -> None:
    found = await where_is(h, marker)
    assert not found, f"still found in {found}"


def _holds(value: Any, tail: bytes) -> bool:
    if isinstance(value, str):
        value = value.encode()
    return isinstance(value, bytes) and tail in value.lower()


async def test_oublier_leaves_no_byte_of_the_agent_s_text(make_harness: MakeHarness) -> None:
    h = await make_harness()
    marker = new_marker()
    await h.ask(f"Ma question confidentielle {marker} sur le budget")
    await h.send_file("note.txt", document_text(marker))
    await h.checkpoint()  # in the main file's pages...
    h.llm.transcripts.append(f"Question dictée {marker}")
    await h.send_file("vocal.ogg", docgen.ogg_opus() + marker.encode(), msgtype="m.audio")
    found = await where_is(h, marker)  # ... and in the WAL's, the indexes, the kept files
    for place in ("db.sqlite3", "db.sqlite3-wal", "table messages_fts_data"):
        assert place in found
    assert "table document_chunks_fts_data" in found
    assert len([p for p in found if p.startswith("kept file")]) == 2

    await h.ask("!oublier")
    await h.ask("!oublier confirmer")
    assert h.replies()[-1] == privacy_texts.forgotten(1, 4)
    await assert_gone(h, marker)
    assert not list(h.keep_dir.iterdir())
    # Still served afterwards, and the index still works.
    await h.ask("Nouvelle question sur le budget")
    assert "Nouvelle question" in h.replies()[-1]


async def test_oublier_document_leaves_no_byte_of_the_document(make_harness: MakeHarness) -> None:
    h = await make_harness()
    first, second = new_marker(), new_marker()
    await h.ask("Bonjour, voici deux notes.")
    await h.send_file("a.txt", document_text(first))
    await h.checkpoint()
    await h.send_file("b.txt", document_text(second))
    assert "db.sqlite3" in await where_is(h, first)
    found = await where_is(h, second)
    assert "db.sqlite3-wal" in found and "table document_chunks_fts_data" in found
    assert len(list(h.keep_dir.iterdir())) == 2

    await h.ask("!oublier-document 1")
    assert "a.txt" in h.replies()[-1]
    await assert_gone(h, first)
    assert [p for p in await where_is(h, second) if p.startswith("kept file")]  # b stays
    await h.ask("!oublier-document 1")
    assert "b.txt" in h.replies()[-1]
    await assert_gone(h, second)
    assert not list(h.keep_dir.iterdir())
    # The conversation itself stays.
    rows = await h.services.db.fetchall("SELECT content FROM messages ORDER BY id")
    assert rows[0]["content"] == "Bonjour, voici deux notes."


async def test_retention_leaves_no_byte_of_old_content(make_harness: MakeHarness) -> None:
    clock = Clock()
    h = await make_harness(clock)
    marker = new_marker()
    await h.ask(f"Vieille question {marker}")
    await h.send_file("note.txt", document_text(marker))
    await h.checkpoint()
    h.llm.transcripts.append(f"Vieille dictée {marker}")
    await h.send_file("vocal.ogg", docgen.ogg_opus() + marker.encode(), msgtype="m.audio")
    found = await where_is(h, marker)
    assert {"db.sqlite3", "db.sqlite3-wal", "table document_chunks_fts_data"} <= set(found)
    assert len(list(h.keep_dir.iterdir())) == 2

    clock.now += timedelta(days=100)
    await h.ask("!nouveau")  # in the old conversation, the answer would quote the document
    await h.ask("Question récente")
    counts = await run_retention(h.services, clock.now)
    assert counts is not None and counts.messages == 4
    await assert_gone(h, marker)
    assert not list(h.keep_dir.iterdir())
    rows = await h.services.db.fetchall("SELECT content FROM messages ORDER BY id")
    assert rows[0]["content"] == "Question récente"


async def test_the_connection_zeroes_deleted_content(tmp_path: Path) -> None:
    """Deleted rows are overwritten, whatever the SQLite build's default."""
    async with Database(tmp_path / "db.sqlite3") as db:
        row = await db.fetchone("PRAGMA secure_delete")
        assert row is not None and row[0] == 1


async def test_checkpoint_waits_for_a_statement_still_being_read(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        await db.execute("CREATE TABLE t (x TEXT)")
        for i in range(50):
            await db.execute("INSERT INTO t (x) VALUES (?)", (f"ligne {i}",))
        wal = tmp_path / "db.sqlite3-wal"
        assert wal.stat().st_size > 0
        cursor = await db.conn.execute("SELECT x FROM t")
        await cursor.fetchone()  # the statement stays open: SQLite refuses the checkpoint

        async def finish_reading() -> None:
            await asyncio.sleep(0.05)
            await cursor.close()

        reader = asyncio.create_task(finish_reading())
        assert await db.checkpoint()
        await reader
        assert wal.stat().st_size == 0


def test_a_kept_file_is_zeroed_then_removed_and_a_link_is_never_followed(
    tmp_path: Path,
) -> None:
    kept = tmp_path / "kept"
    kept.write_bytes(b"secret" * 1000)
    with kept.open("rb") as still_open:  # the same inode, read after the unlink
        _shred(kept)
        assert not kept.exists()
        assert still_open.read() == bytes(6000)
    target = tmp_path / "target"
    target.write_bytes(b"not ours")
    link = tmp_path / "link"
    link.symlink_to(target)
    _shred(link)
    assert not link.is_symlink() and target.read_bytes() == b"not ours"
    _shred(tmp_path / "missing")  # already gone: nothing to do
