"""Documents attached to conversations: their chunks and BM25 search (SQLite FTS5)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from storage.db import Database
from storage.privacy import register_personal_data

# !mes-donnees lists the documents, !oublier erases them, the retention job expires them
# (their chunks go with them by cascade).
register_personal_data("documents", "user_id", "documents", "created_at")

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
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO documents (conversation_id, user_id, event_id, filename, mimetype, "
                "kind, pages, words, chars, truncated, created_at) "
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
        rows = await self.db.fetchall(
            "SELECT * FROM documents WHERE conversation_id = ? ORDER BY id", (conversation_id,)
        )
        return [_document(r) for r in rows]

    async def delete(self, document_id: int) -> bool:
        rowcount, _ = await self.db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return rowcount > 0

    async def chunk_count(self, document_id: int) -> int:
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n FROM document_chunks WHERE document_id = ?", (document_id,)
        )
        return int(row["n"]) if row else 0

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
