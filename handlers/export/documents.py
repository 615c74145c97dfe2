"""Answers out as office documents: Markdown to DOCX, ODT, Markdown or plain text.

The Markdown is read once into a few plain blocks (headings, paragraphs, list items, tables,
code) with bold/italic runs, then each writer lays those blocks out. Pure and blocking: the
caller runs it in a thread.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

FORMATS = ("docx", "odt", "md", "txt")
MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "md": "text/markdown",
    "txt": "text/plain",
}

_md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass
class Block:
    kind: str  # heading, paragraph, item, table, code, quote
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level; list depth (1 = top) for items
    ordered: bool = False  # items: numbered list
    number: int = 0  # items of a numbered list: their number
    rows: list[list[list[Run]]] = field(default_factory=list)  # tables: cells' runs
    header_rows: int = 0
    text: str = ""  # code blocks


@dataclass(frozen=True)
class Section:
    """A part of the document: an optional heading ("Vous", "Assistant IA") and Markdown."""

    heading: str | None
    markdown: str
    plain: bool = False  # the agent's own messages: shown as typed, not read as Markdown


@dataclass(frozen=True)
class Document:
    title: str
    date: datetime
    date_label: str  # "Exporté le 3 mars 2026 à 14 h 05", already formatted
    sections: Sequence[Section]


# Markdown -> blocks ----------------------------------------------------------------------


def _inline_runs(token: Token | None) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    for child in (token.children or []) if token is not None else []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind in ("text", "html_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0))
        elif kind == "code_inline":
            runs.append(Run(child.content, bold > 0, italic > 0, code=True))
        elif kind == "softbreak":
            runs.append(Run(" "))
        elif kind == "hardbreak":
            runs.append(Run("\n"))
        elif kind == "image":
            runs.append(Run(child.content or str(child.attrs.get("src", "")), bold > 0, True))
    return [r for r in runs if r.text]


def parse_markdown(markdown: str) -> list[Block]:
    tokens = _md.parse(markdown)
    blocks: list[Block] = []
    lists: list[list[int]] = []  # per open list: [ordered (0/1), next number]
    quote = 0
    item_started = False  # the current list item got its first paragraph already
    table: Block | None = None
    in_head = False
    row: list[list[Run]] | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if kind == "heading_open":
            blocks.append(Block("heading", _inline_runs(nxt), level=int(token.tag[1])))
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else 1
            lists.append([1 if kind == "ordered_list_open" else 0, start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_started = False
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "paragraph_open":
            runs = _inline_runs(nxt)
            if lists and not item_started:
                ordered, number = lists[-1]
                blocks.append(
                    Block("item", runs, level=len(lists), ordered=bool(ordered), number=number)
                )
                lists[-1][1] += 1
                item_started = True
            elif lists:
                blocks.append(Block("paragraph", runs, level=len(lists)))
            else:
                blocks.append(Block("quote" if quote else "paragraph", runs))
            i += 3
            continue
        elif kind in ("fence", "code_block"):
            blocks.append(Block("code", text=token.content.rstrip("\n")))
        elif kind == "table_open":
            table = Block("table")
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None and row is not None:
            table.rows.append(row)
            if in_head:
                table.header_rows += 1
            row = None
        elif kind in ("th_open", "td_open") and row is not None:
            row.append(_inline_runs(nxt))
            i += 3
            continue
        elif kind == "table_close" and table is not None:
            blocks.append(table)
            table = None
        elif kind == "hr":
            blocks.append(Block("paragraph", [Run("⁂")]))
        i += 1
    return blocks


def _plain_blocks(text: str) -> list[Block]:
    return [Block("paragraph", [Run(p.strip())]) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _section_blocks(section: Section) -> list[Block]:
    return _plain_blocks(section.markdown) if section.plain else parse_markdown(section.markdown)


# Writers -----------------------------------------------------------------------------------


def _runs_text(runs: Sequence[Run]) -> str:
    return "".join(r.text for r in runs)


def to_docx(document: Document) -> bytes:
    from docx import Document as DocxDocument
    from docx.shared import Pt

    doc = DocxDocument()
    doc.core_properties.title = document.title
    doc.core_properties.created = document.date
    doc.add_heading(document.title, level=0)
    date = doc.add_paragraph()
    date.add_run(document.date_label).italic = True

    style_ids: dict[str, str] = {}

    def new_paragraph(style: str | None = None) -> Any:
        """A new paragraph; python-docx looks a style up by name in every call (most of the
        export's time), so ids are resolved once and set on the XML element."""
        out = doc.add_paragraph()
        if style is not None:
            if style not in style_ids:
                style_ids[style] = doc.styles[style].style_id
            out._p.style = style_ids[style]
        return out

    def add_runs(paragraph: object, runs: Sequence[Run]) -> None:
        for run in runs:
            out = paragraph.add_run(run.text)  # type: ignore[attr-defined]
            out.bold = run.bold or None
            out.italic = run.italic or None
            if run.code:
                out.font.name = "Courier New"

    for section in document.sections:
        if section.heading:
            new_paragraph("Heading 1").add_run(section.heading)
        shift = 1 if section.heading else 0
        for block in _section_blocks(section):
            if block.kind == "heading":
                add_runs(new_paragraph(f"Heading {min(9, block.level + shift)}"), block.runs)
            elif block.kind == "item":
                base = "List Number" if block.ordered else "List Bullet"
                style = base if block.level <= 1 else f"{base} {min(block.level, 3)}"
                add_runs(new_paragraph(style), block.runs)
            elif block.kind == "table":
                width = max((len(r) for r in block.rows), default=0)
                if not width:
                    continue
                table = doc.add_table(rows=len(block.rows), cols=width)
                if "Table Grid" not in style_ids:
                    style_ids["Table Grid"] = doc.styles["Table Grid"].style_id
                table._tbl.tblPr.style = style_ids["Table Grid"]
                cells = table._cells  # table.cell() recomputes the whole grid at every call
                for r, row in enumerate(block.rows):
                    for c, cell_runs in enumerate(row):
                        bold = r < block.header_rows
                        runs = [Run(x.text, x.bold or bold, x.italic, x.code) for x in cell_runs]
                        add_runs(cells[r * width + c].paragraphs[0], runs)
                doc.add_paragraph()
            elif block.kind == "code":
                run = new_paragraph().add_run(block.text)
                run.font.name = "Courier New"
                run.font.size = Pt(9)
            elif block.kind == "quote":
                add_runs(new_paragraph("Quote"), block.runs)
            else:
                add_runs(new_paragraph(), block.runs)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_odt(document: Document) -> bytes:
    from odf import dc
    from odf import style as ostyle
    from odf import table as otable
    from odf import text as otext
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=document.title))

    def add_style(name: str, family: str, **props: str) -> ostyle.Style:
        st = ostyle.Style(name=name, family=family)
        if family == "paragraph" and "outlinelevel" in props:
            st.setAttribute("defaultoutlinelevel", props.pop("outlinelevel"))
        st.addElement(ostyle.TextProperties(**props))
        doc.styles.addElement(st)
        return st

    title_style = add_style("Title", "paragraph", fontsize="22pt", fontweight="bold")
    headings = {
        level: add_style(
            f"Heading {level}",
            "paragraph",
            outlinelevel=str(level),
            fontsize=f"{max(11, 18 - 2 * (level - 1))}pt",
            fontweight="bold",
        )
        for level in range(1, 7)
    }
    date_style = add_style("Date", "paragraph", fontstyle="italic")
    code_style = add_style("Code", "paragraph", fontname="Courier New", fontsize="9pt")
    quote_style = add_style("Quote", "paragraph", fontstyle="italic")
    doc.fontfacedecls.addElement(ostyle.FontFace(name="Courier New", fontfamily="Courier New"))
    span_styles: dict[tuple[bool, bool, bool], ostyle.Style] = {}

    def span_style(run: Run) -> ostyle.Style:
        key = (run.bold, run.italic, run.code)
        if key not in span_styles:
            props: dict[str, str] = {}
            if run.bold:
                props["fontweight"] = "bold"
            if run.italic:
                props["fontstyle"] = "italic"
            if run.code:
                props["fontname"] = "Courier New"
            st = ostyle.Style(name=f"T{len(span_styles) + 1}", family="text")
            st.addElement(ostyle.TextProperties(**props))
            doc.automaticstyles.addElement(st)
            span_styles[key] = st
        return span_styles[key]

    def fill(element: object, runs: Sequence[Run]) -> object:
        for run in runs:
            if run.bold or run.italic or run.code:
                element.addElement(otext.Span(stylename=span_style(run), text=run.text))  # type: ignore[attr-defined]
            else:
                element.addText(run.text)  # type: ignore[attr-defined]
        return element

    def list_style(name: str, ordered: bool) -> otext.ListStyle:
        st = otext.ListStyle(name=name)
        for level in range(1, 5):
            if ordered:
                lvl = otext.ListLevelStyleNumber(level=level, numformat="1", numsuffix=".")
            else:
                lvl = otext.ListLevelStyleBullet(level=level, bulletchar="•")
            lvl.addElement(
                ostyle.ListLevelProperties(
                    spacebefore=f"{0.6 * level:.1f}cm", minlabelwidth="0.6cm"
                )
            )
            st.addElement(lvl)
        doc.automaticstyles.addElement(st)
        return st

    bullets, numbers = list_style("Puces", False), list_style("Numeros", True)
    cell_style = ostyle.Style(name="Cellule", family="table-cell")
    cell_style.addElement(
        ostyle.TableCellProperties(border="0.5pt solid #000000", padding="0.1cm")
    )
    doc.automaticstyles.addElement(cell_style)

    body = doc.text
    body.addElement(otext.P(stylename=title_style, text=document.title))
    body.addElement(otext.P(stylename=date_style, text=document.date_label))
    tables = 0
    for section in document.sections:
        if section.heading:
            body.addElement(otext.H(outlinelevel=1, stylename=headings[1], text=section.heading))
        shift = 1 if section.heading else 0
        # Open lists by depth: (the list element, its last item).
        open_lists: list[tuple[object, object | None]] = []
        kinds: list[bool] = []  # per open list: numbered or not
        for block in _section_blocks(section):
            if block.kind != "item" and not (block.kind == "paragraph" and block.level):
                open_lists = []
            if block.kind == "heading":
                level = min(6, block.level + shift)
                body.addElement(
                    fill(otext.H(outlinelevel=level, stylename=headings[level]), block.runs)
                )
            elif block.kind == "item":
                while len(open_lists) > block.level:
                    open_lists.pop()
                if len(open_lists) == block.level and kinds[block.level - 1] != block.ordered:
                    open_lists.pop()  # a numbered list right after a bulleted one: a new list
                while len(open_lists) < block.level:
                    new = otext.List(stylename=numbers if block.ordered else bullets)
                    if open_lists:
                        parent_item = open_lists[-1][1]
                        if parent_item is None:
                            parent_item = otext.ListItem()
                            open_lists[-1][0].addElement(parent_item)  # type: ignore[attr-defined]
                        parent_item.addElement(new)  # type: ignore[attr-defined]
                    else:
                        body.addElement(new)
                    open_lists.append((new, None))
                    del kinds[len(open_lists) - 1 :]
                    kinds.append(block.ordered)
                item = otext.ListItem()
                item.addElement(fill(otext.P(), block.runs))
                open_lists[-1][0].addElement(item)  # type: ignore[attr-defined]
                open_lists[-1] = (open_lists[-1][0], item)
            elif block.kind == "paragraph" and block.level and open_lists:
                last = open_lists[min(block.level, len(open_lists)) - 1][1]
                if last is not None:
                    last.addElement(fill(otext.P(), block.runs))  # type: ignore[attr-defined]
            elif block.kind == "table":
                width = max((len(r) for r in block.rows), default=0)
                if not width:
                    continue
                tables += 1
                table = otable.Table(name=f"Tableau{tables}")
                table.addElement(otable.TableColumn(numbercolumnsrepeated=width))
                for r, row in enumerate(block.rows):
                    tr = otable.TableRow()
                    for c in range(width):
                        runs = row[c] if c < len(row) else []
                        if r < block.header_rows:
                            runs = [Run(x.text, True, x.italic, x.code) for x in runs]
                        cell = otable.TableCell(valuetype="string", stylename=cell_style)
                        cell.addElement(fill(otext.P(), runs))
                        tr.addElement(cell)
                    table.addElement(tr)
                body.addElement(table)
            elif block.kind == "code":
                for line in block.text.split("\n"):
                    body.addElement(otext.P(stylename=code_style, text=line))
            elif block.kind == "quote":
                body.addElement(fill(otext.P(stylename=quote_style), block.runs))
            else:
                body.addElement(fill(otext.P(), block.runs))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def to_markdown(document: Document) -> bytes:
    parts = [f"# {document.title}", f"*{document.date_label}*"]
    for section in document.sections:
        if section.heading:
            parts.append(f"## {section.heading}")
        parts.append(section.markdown.strip())
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def to_text(document: Document) -> bytes:
    lines = [document.title, "=" * len(document.title), document.date_label, ""]
    for section in document.sections:
        if section.heading:
            lines += [section.heading, "-" * len(section.heading), ""]
        for block in _section_blocks(section):
            if block.kind == "item":
                bullet = f"{block.number}." if block.ordered else "-"
                lines.append("  " * (block.level - 1) + f"{bullet} {_runs_text(block.runs)}")
                continue
            if block.kind == "table":
                lines += [" | ".join(_runs_text(cell) for cell in row) for row in block.rows]
            elif block.kind == "code":
                lines.append(block.text)
            else:
                lines.append(_runs_text(block.runs))
            lines.append("")
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def render(document: Document, fmt: str) -> bytes:
    writers = {"docx": to_docx, "odt": to_odt, "md": to_markdown, "txt": to_text}
    return writers[fmt](document)


def filename(title: str, date: datetime, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(title).lower()).strip("-")[:40].strip("-")
    return f"{slug or 'conversation'}-{date:%Y-%m-%d}.{fmt}"


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
