"""Real documents built by the tests themselves: PDF, DOCX, ODT, ODS, XLSX, PPTX, bombs, audio."""

from __future__ import annotations

import io
import struct
import wave
import zipfile
import zlib


def page_text(page: int) -> str:
    return (
        f"Page {page}. Cette page traite du sujet numéro {page} de la circulaire. "
        f"Le mot repère de cette page est repere{page}x. "
        "Les agents appliquent la procédure décrite dans les paragraphes suivants."
    )


def pdf(pages: int, text: object = page_text) -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.set_font("helvetica", size=11)
    for number in range(1, pages + 1):
        document.add_page()
        line = text(number) if callable(text) else str(text)
        document.multi_cell(0, 6, line.encode("latin-1", "replace").decode("latin-1"))
    return bytes(document.output())


def scanned_pdf() -> bytes:
    """A page holding only an image, no text layer: what a scanner produces."""
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.image(io.BytesIO(png(40, 20)), x=10, y=10, w=100)
    return bytes(document.output())


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf(2))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png(width: int = 8, height: int = 8) -> bytes:
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + tag
            + body
            + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def docx(paragraphs: list[str], heading: str | None = "Objet") -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_bomb(uncompressed: int = 50 * 1024 * 1024) -> bytes:
    """A DOCX whose document.xml inflates to `uncompressed` bytes (zeros compress ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            block = b"\x00" * (1024 * 1024)
            for _ in range(uncompressed // len(block)):
                member.write(block)
    return out.getvalue()


def odt(paragraphs: list[str], heading: str = "Objet") -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def ods(rows: list[list[str]]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Budget")
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Budget"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pptx(slides: list[str]) -> bytes:
    from pptx import Presentation

    presentation = Presentation()
    for body in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = body.split(".")[0]
        slide.placeholders[1].text = body
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def wav(seconds: float = 0.2) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(b"\x00\x00" * int(8000 * seconds))
    return out.getvalue()


def _ogg_page(serial: int, sequence: int, granule: int, flags: int, packet: bytes) -> bytes:
    segments = [255] * (len(packet) // 255) + [len(packet) % 255]
    header = (
        b"OggS"
        + bytes([0, flags])
        + struct.pack("<qIIi", granule, serial, sequence, 0)
        + bytes([len(segments), *segments])
    )
    page = bytearray(header + packet)
    crc = _ogg_crc(bytes(page))
    page[22:26] = struct.pack("<I", crc)
    return bytes(page)


def _ogg_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def ogg_opus() -> bytes:
    """A tiny Ogg/Opus stream (headers and one silent frame), like a Tchap voice message."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, 312, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 6) + b"tchap!" + struct.pack("<I", 0)
    silence = b"\xf8\xff\xfe"  # one 20 ms CELT silent frame
    return (
        _ogg_page(1, 0, 0, 0x02, head)
        + _ogg_page(1, 1, 0, 0x00, tags)
        + _ogg_page(1, 2, 960, 0x04, silence)
    )


def long_page_text(page: int, chars: int = 1800, markers: dict[int, str] | None = None) -> str:
    """A page of about `chars` characters of administrative prose, its number in it, and the
    marker sentence of `markers` when it has one (summaries must reach far-apart pages)."""
    sentences = [
        f"Page {page}. Le présent chapitre précise les modalités d'application numéro {page}.",
        "Les services déconcentrés transmettent leurs observations dans un délai de deux mois.",
        "Le comité de suivi se réunit chaque trimestre et rend compte au secrétaire général.",
        "Les crédits sont délégués aux responsables de budget opérationnel de programme.",
        "Toute dérogation fait l'objet d'une décision motivée, publiée au bulletin officiel.",
    ]
    if markers and page in markers:
        sentences.insert(1, markers[page])
    text = " ".join(sentences)
    filler = " ".join(sentences[2:])
    while len(text) < chars:
        text += " " + filler
    return text[:chars]


def long_pdf(pages: int, chars: int = 1800, markers: dict[int, str] | None = None) -> bytes:
    """A PDF of `pages` pages of about `chars` characters each (a 300-page report)."""
    return pdf(pages, lambda n: long_page_text(n, chars, markers))
