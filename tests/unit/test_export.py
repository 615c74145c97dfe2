"""Exported documents: Markdown answers to DOCX, ODT, text and Markdown files."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from odf import opendocument, teletype
from odf import text as otext

from handlers.export import documents as export

ANSWER_MD = """# Note de synthèse

Texte avec **gras** et *italique*.

## Étapes

1. Saisir la demande
2. Valider
   - auprès du chef de service

| Type | Durée |
|------|-------|
| Congés bonifiés | 65 jours |
| RTT | 12 jours |
"""


def _doc(md: str) -> export.Document:
    return export.Document(
        "Note",
        datetime(2026, 3, 3, 14, 5, tzinfo=UTC),
        "Exporté le 3 mars 2026",
        [export.Section(None, md)],
    )


def test_markdown_blocks() -> None:
    blocks = export.parse_markdown(ANSWER_MD)
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds == [
        ("heading", 1),
        ("paragraph", 0),
        ("heading", 2),
        ("item", 1),
        ("item", 1),
        ("item", 2),
        ("table", 0),
    ]
    runs = blocks[1].runs
    assert [(r.text, r.bold, r.italic) for r in runs if r.bold or r.italic] == [
        ("gras", True, False),
        ("italique", False, True),
    ]
    assert blocks[3].ordered and blocks[4].number == 2 and not blocks[5].ordered
    assert blocks[6].header_rows == 1 and len(blocks[6].rows) == 3


def test_docx_and_odt_keep_bold_italic_and_table_header() -> None:
    document = docx.Document(io.BytesIO(export.to_docx(_doc(ANSWER_MD))))
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert "italique" in italic
    header = document.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert header.bold
    odt = opendocument.load(io.BytesIO(export.to_odt(_doc(ANSWER_MD))))
    spans = {teletype.extractText(s) for s in odt.getElementsByType(otext.Span)}
    assert {"gras", "italique", "Type", "Durée"} <= spans


def test_text_and_markdown_exports() -> None:
    text = export.to_text(_doc(ANSWER_MD)).decode()
    assert "1. Saisir la demande" in text and "  - auprès du chef de service" in text
    assert "Congés bonifiés | 65 jours" in text
    assert export.to_markdown(_doc(ANSWER_MD)).decode().startswith("# Note\n\n*Exporté")
    assert export.filename("Congés : été 2026 !", datetime(2026, 3, 3), "odt") == (
        "conges-ete-2026-2026-03-03.odt"
    )
