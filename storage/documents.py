"""Documents attached to conversations: their chunks and BM25 search (SQLite FTS5)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from storage.db import Database
from storage.memo import Absent
from storage.privacy import complete_erasure, register_after_delete, register_personal_data

# !mes-donnees lists the documents, !oublier erases them, the retention job expires them
# (their chunks go with them by cascade).
register_personal_data("documents", "user_id", "documents", "created_at")
# The same for the files kept on disk (keep_files); a deleted row queues its file for erasure.
register_personal_data("kept_files", "user_id", "kept_files", "created_at")
# A deleted passage's tokens stay in the FTS5 segments (behind a delete marker) until merged.
_MERGE_CHUNKS_INDEX = "INSERT INTO document_chunks_fts (document_chunks_fts) VALUES ('optimize')"
register_after_delete(_MERGE_CHUNKS_INDEX)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Chunk:
    page: int | None
    section: str | None
    text: str


@dataclass(frozen=True)
class Document:
    id: int
    conversation_id: int
    filename: str
    kind: str
    pages: int | None
    words: int
    chars: int
    truncated: bool
    created_at: str


@dataclass(frozen=True)
class Passage:
    document_id: int
    filename: str
    page: int | None
    section: str | None
    text: str
    rank: float  # bm25: lower is better


def _document(r: aiosqlite.Row) -> Document:
    return Document(
        r["id"],
        r["conversation_id"],
        r["filename"],
        r["kind"],
        r["pages"],
        r["words"],
        r["chars"],
        bool(r["truncated"]),
        r["created_at"],
    )


def fts_query(question: str, *, min_length: int = 2) -> str | None:
    """A question as an FTS5 OR-query of quoted terms (never FTS syntax from the user)."""
    terms: list[str] = []
    for word in _WORD.findall(question.lower()):
        if (len(word) >= min_length or word.isdigit()) and word not in terms:
            terms.append(word)
    if not terms:
        return None
    return " OR ".join(f'"{t}"' for t in terms[:64])


class _WithoutDocuments(Absent[int]):
    """Conversations known to have no document (most): every answer asks for their passages."""


class DocumentRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(
        self,
        conversation_id: int,
        user_id: str,
        event_id: str | None,
        filename: str,
        mimetype: str | None,
        kind: str,
        pages: int | None,
        words: int,
        chars: int,
        truncated: bool,
        chunks: Sequence[Chunk],
    ) -> int:
        with self.db.shared(_WithoutDocuments).forgetting(conversation_id):
            async with self.db.transaction() as conn:
                cur = await conn.execute(
                    "INSERT INTO documents (conversation_id, user_id, event_id, filename, "
                    "mimetype, kind, pages, words, chars, truncated, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        conversation_id,
                        user_id,
                        event_id,
                        filename,
                        mimetype,
                        kind,
                        pages,
                        words,
                        chars,
                        int(truncated),
                        self.db.now(),
                    ),
                )
                document_id = cur.lastrowid
                assert document_id is not None
                await conn.executemany(
                    "INSERT INTO document_chunks (document_id, position, page, section, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (document_id, position, c.page, c.section, c.text)
                        for position, c in enumerate(chunks)
                    ],
                )
                await conn.execute(
                    "UPDATE conversations SET updated_at = ? WHERE id = ?",
                    (self.db.now(), conversation_id),
                )
            return document_id

    async def for_event(self, event_id: str) -> Document | None:
        row = await self.db.fetchone(
            "SELECT * FROM documents WHERE event_id = ? ORDER BY id LIMIT 1", (event_id,)
        )
        return _document(row) if row else None

    async def in_conversation(self, conversation_id: int) -> list[Document]:
        absent = self.db.shared(_WithoutDocuments)
        if conversation_id in absent:
            return []
        generation = absent.generation()
        rows = await self.db.fetchall(
            "SELECT * FROM documents WHERE conversation_id = ? ORDER BY id", (conversation_id,)
        )
        if not rows:
            absent.note(conversation_id, generation)
        return [_document(r) for r in rows]

    async def delete(self, document_id: int) -> bool:
        """!oublier-document: the document, its passages, their index entries and its kept file
        go, with no copy left in the database file, its WAL or the disk."""
        async with self.db.transaction() as conn:
            cur = await conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            deleted = cur.rowcount > 0
            if deleted:
                await conn.execute(_MERGE_CHUNKS_INDEX)
        if deleted:
            await complete_erasure(self.db)
        return deleted

    async def keep_file(self, event_id: str, user_id: str, path: str) -> None:
        """Record a file about to be kept on disk (keep_files), so that erasure finds it."""
        async with self.db.transaction() as conn:
            # The same event kept again elsewhere (keep_dir changed): the old copy goes.
            await conn.execute(
                "INSERT OR IGNORE INTO files_to_erase (path) "
                "SELECT path FROM kept_files WHERE event_id = ? AND path != ?",
                (event_id, path),
            )
            await conn.execute(
                "INSERT INTO kept_files (event_id, user_id, path, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(event_id) DO UPDATE SET path = excluded.path",
                (event_id, user_id, path, self.db.now()),
            )

    async def chunk_count(self, document_id: int) -> int:
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n FROM document_chunks WHERE document_id = ?", (document_id,)
        )
        return int(row["n"]) if row else 0

    async def chunks(self, document_id: int, limit: int) -> list[Chunk]:
        """The document's passages in their order, at most `limit` (a summary reads them all)."""
        rows = await self.db.fetchall(
            "SELECT page, section, text FROM document_chunks WHERE document_id = ? "
            "ORDER BY position LIMIT ?",
            (document_id, limit),
        )
        return [Chunk(r["page"], r["section"], r["text"]) for r in rows]

    async def search(self, conversation_id: int, question: str, limit: int) -> list[Passage]:
        """The conversation's passages best matching `question` by BM25, best first."""
        query = fts_query(question)
        if query is None:
            return []
        rows = await self.db.fetchall(
            "SELECT c.document_id, d.filename, c.page, c.section, c.text, "
            "bm25(document_chunks_fts) AS rank FROM document_chunks_fts "
            "JOIN document_chunks c ON c.id = document_chunks_fts.rowid "
            "JOIN documents d ON d.id = c.document_id "
            "WHERE document_chunks_fts MATCH ? AND d.conversation_id = ? "
            "ORDER BY rank LIMIT ?",
            (query, conversation_id, limit),
        )
        return [
            Passage(r["document_id"], r["filename"], r["page"], r["section"], r["text"], r["rank"])
            for r in rows
        ]

    async def page_chunks(self, conversation_id: int, page: int, limit: int) -> list[Passage]:
        """The passages of page `page` of the conversation's documents ("que dit la p. 37 ?")."""
        rows = await self.db.fetchall(
            "SELECT c.document_id, d.filename, c.page, c.section, c.text FROM document_chunks c "
            "JOIN documents d ON d.id = c.document_id WHERE d.conversation_id = ? AND c.page = ? "
            "ORDER BY d.id DESC, c.position LIMIT ?",
            (conversation_id, page, limit),
        )
        return [
            Passage(r["document_id"], r["filename"], r["page"], r["section"], r["text"], 0.0)
            for r in rows
        ]

    async def first_chunks(self, conversation_id: int, limit: int) -> list[Passage]:
        """The beginning of the conversation's documents, when the question matches nothing
        ("résume ce document")."""
        rows = await self.db.fetchall(
            "SELECT c.document_id, d.filename, c.page, c.section, c.text FROM document_chunks c "
            "JOIN documents d ON d.id = c.document_id WHERE d.conversation_id = ? "
            "ORDER BY d.id DESC, c.position LIMIT ?",
            (conversation_id, limit),
        )
        return [
            Passage(r["document_id"], r["filename"], r["page"], r["section"], r["text"], 0.0)
            for r in rows
        ]
