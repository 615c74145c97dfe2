"""Text out of attached files (PDF, Office, OpenDocument, tables, text, HTML, RTF), and
recordings converted for the transcription server (PyAV), off the loop.

Parsing runs in a worker process with a deadline and a memory cap: a hostile or huge file can
keep a parser busy far longer than any timeout a thread would honour, and a thread cannot be
killed. The bot reads a bounded answer and a bounded excerpt of the worker's stderr, so nothing a
worker prints or a file declares sets the bot's memory. The worker gets a scrubbed environment,
an empty temporary folder as its working directory and, where Linux offers it, a Landlock sandbox
(see `_enter_sandbox`). Zip-based formats are checked against a ZIP bomb by inflating every
member for real, with a running count, before any library opens them.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import dataclasses
import io
import json
import logging
import os
import re
import shutil
import stat
import struct
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, cast

log = logging.getLogger(__name__)

CHUNK_CHARS = 1200
OCR_MIN_CHARS_PER_PAGE = 20  # below this on average, a PDF is taken for a scan


class ExtractionError(Exception):
    """The file cannot be read; `reason` picks the French message (texts.extraction_error)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    max_pages: int = 500
    max_chars: int = 2_000_000
    max_uncompressed: int = 100 * 1024 * 1024
    max_ratio: float = 100.0
    max_table_rows: int = 5000


@dataclass(frozen=True)
class Section:
    text: str
    page: int | None = None
    section: str | None = None


@dataclass
class Extracted:
    kind: str
    sections: list[Section] = field(default_factory=list)
    pages: int | None = None  # pages, slides or sheets
    truncated: bool = False
    needs_ocr: bool = False  # a PDF without a text layer: a scan

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.sections)

    @property
    def chars(self) -> int:
        return sum(len(s.text) for s in self.sections)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sections)


# Kinds ----------------------------------------------------------------------------------

DOCUMENT_KINDS = {"pdf", "docx", "odt", "ods", "odp", "xlsx", "pptx", "csv", "text", "html", "rtf"}
IMAGE_KINDS = {"png", "jpeg", "gif", "webp", "tiff", "bmp"}
AUDIO_KINDS = {"ogg", "mp3", "m4a", "wav", "webm", "flac"}
ARCHIVE_KINDS = {"zip", "tar", "gzip", "7z", "rar", "bzip2", "xz"}

_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".ods": "ods",
    ".odp": "odp",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".csv": "csv",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".rtf": "rtf",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".webp": "webp",
    ".ogg": "ogg",
    ".oga": "ogg",
    ".opus": "ogg",
    ".mp3": "mp3",
    ".m4a": "m4a",
    ".wav": "wav",
    ".webm": "webm",
    ".flac": "flac",
    ".zip": "zip",
    ".tar": "tar",
    ".gz": "gzip",
    ".tgz": "gzip",
    ".7z": "7z",
    ".rar": "rar",
    ".bz2": "bzip2",
    ".xz": "xz",
}

_MIMETYPES = {
    "application/pdf": "pdf",
    "text/plain": "text",
    "text/markdown": "text",
    "text/csv": "csv",
    "text/html": "html",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "image/png": "png",
    "image/jpeg": "jpeg",
    "image/gif": "gif",
    "image/webp": "webp",
    "audio/ogg": "ogg",
    "audio/opus": "ogg",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/x-m4a": "m4a",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/webm": "webm",
}

_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def _sniff(data: bytes) -> str | None:
    """The kind the bytes themselves say, when they say one."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"  # refined by _zip_kind
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if data[4:8] == b"ftyp":
        return "m4a"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"Rar!"):
        return "rar"
    if head.startswith(b"BZh"):
        return "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # .doc, .xls, .ppt of old Office
    return None


def _zip_kind(data: bytes) -> str:
    """The document a zip container holds, from its names and its `mimetype` member.

    Runs in the bot: the central directory is walked by hand within bounds and at most a few
    hundred bytes of `mimetype` are inflated, whatever the headers declare.
    """
    try:
        members = {m.name: m for m in zip_members(data)}  # the last of a name wins, as in zipfile
        mimetype = members.get(b"mimetype")
        if mimetype is not None:
            odf = _ODF_MIMETYPES.get(_inflate_head(data, mimetype, 256).strip())
            if odf:
                return odf
    except ExtractionError:
        return "corrupted"
    if b"word/document.xml" in members:
        return "docx"
    if b"xl/workbook.xml" in members:
        return "xlsx"
    if b"ppt/presentation.xml" in members:
        return "pptx"
    return "zip"


def detect_kind(data: bytes, filename: str, mimetype: str | None) -> str:
    """pdf, docx, …, png, ogg, …, zip (archive), `corrupted` or `unknown`.

    The bytes decide when they can (a file's name and declared type are only claims); a
    declared document whose bytes are something else is `corrupted`.
    """
    suffix = PurePosixPath(filename.lower()).suffix
    claimed = _EXTENSIONS.get(suffix) or _MIMETYPES.get((mimetype or "").split(";")[0].strip())
    sniffed = _sniff(data)
    if sniffed == "zip":
        sniffed = _zip_kind(data)
        if sniffed == "corrupted":
            return "corrupted"
    if sniffed is not None:
        if sniffed == "zip" and claimed in ("docx", "xlsx", "pptx", "odt", "ods", "odp"):
            return "corrupted"
        return sniffed
    if claimed in ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "rtf"):
        return "corrupted"  # binary formats always carry their signature
    if claimed in IMAGE_KINDS or claimed in AUDIO_KINDS or claimed in ARCHIVE_KINDS:
        return "corrupted"
    if claimed in ("text", "csv", "html"):
        return claimed
    if _looks_like_text(data):
        head = data[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        return "text"
    return "unknown"


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start > len(sample) - 4  # a character cut at the end of the sample


# ZIP-bomb guard ----------------------------------------------------------------------------


MAX_ZIP_ENTRIES = 10_000
_INFLATE_CHUNK = 64 * 1024
_EOCD = struct.Struct("<4s4H2LH")
_EOCD64_LOCATOR = struct.Struct("<4sLQL")
_EOCD64 = struct.Struct("<4sQ2H2L4Q")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_ZIP64_UNKNOWN = (0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF)


@dataclass(frozen=True)
class ZipMember:
    """One entry of a zip's central directory, as declared."""

    name: bytes
    flags: int
    method: int
    crc: int
    compressed: int
    size: int
    offset: int  # of its local header in the file


def _corrupted(detail: str) -> ExtractionError:
    return ExtractionError("corrupted", detail)


def _end_of_central_directory(data: bytes) -> int:
    """Where the end record is, found the way zipfile finds it."""
    end = len(data) - _EOCD.size
    if end >= 0 and data[end : end + 4] == b"PK\x05\x06" and data[-2:] == b"\x00\x00":
        return end
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - _EOCD.size - 0xFFFF))
    if end < 0 or end + _EOCD.size > len(data):
        raise _corrupted("no end of central directory")
    return end


def zip_members(data: bytes) -> list[ZipMember]:
    """The central directory, read by hand: at most MAX_ZIP_ENTRIES entries and nothing
    inflated, so its cost does not depend on what the file declares (zipfile would build an
    object for every entry first). Offsets are those zipfile computes (data prepended to the
    archive, ZIP64 records), so the libraries see the members checked here."""
    end = _end_of_central_directory(data)
    cd_size, cd_offset = _EOCD.unpack_from(data, end)[5:7]
    concat = end - cd_size - cd_offset
    locator = end - _EOCD64_LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        _, disk, _, disks = _EOCD64_LOCATOR.unpack_from(data, locator)
        if disk != 0 or disks > 1:
            raise _corrupted("multi-disk zip")
        record = locator - _EOCD64.size
        if record >= 0 and data[record : record + 4] == b"PK\x06\x06":
            cd_size, cd_offset = _EOCD64.unpack_from(data, record)[8:10]
            concat = end - cd_size - cd_offset - _EOCD64.size - _EOCD64_LOCATOR.size
    start = cd_offset + concat
    stop = start + cd_size
    if start < 0 or stop > len(data):
        raise _corrupted("central directory out of the file")
    members: list[ZipMember] = []
    position = start
    while position < stop:
        if len(members) >= MAX_ZIP_ENTRIES:
            raise ExtractionError("zip_bomb", f"more than {MAX_ZIP_ENTRIES} entries")
        if position + _CENTRAL.size > stop:
            raise _corrupted("truncated central directory")
        entry = _CENTRAL.unpack_from(data, position)
        if entry[0] != b"PK\x01\x02":
            raise _corrupted("bad central directory entry")
        flags, method = entry[5:7]
        crc, compressed, size, name_length, extra_length, comment_length = entry[9:15]
        offset = entry[18]
        name_at = position + _CENTRAL.size
        extra_at = name_at + name_length
        position = extra_at + extra_length + comment_length
        if position > stop:
            raise _corrupted("truncated central directory")
        size, compressed, offset = _zip64_sizes(
            data[extra_at : extra_at + extra_length], size, compressed, offset
        )
        name = data[name_at:extra_at]
        members.append(ZipMember(name, flags, method, crc, compressed, size, offset + concat))
    return members


def _zip64_sizes(extra: bytes, size: int, compressed: int, offset: int) -> tuple[int, int, int]:
    """Sizes and offset from the ZIP64 extra field, read as zipfile reads them."""
    while len(extra) >= 4:
        kind, length = struct.unpack_from("<HH", extra)
        if length + 4 > len(extra):
            raise _corrupted("bad extra field")
        if kind == 0x0001:
            values = extra[4 : length + 4]
            try:
                if size in _ZIP64_UNKNOWN:
                    (size,) = struct.unpack_from("<Q", values)
                    values = values[8:]
                if compressed == 0xFFFFFFFF:
                    (compressed,) = struct.unpack_from("<Q", values)
                    values = values[8:]
                if offset == 0xFFFFFFFF:
                    (offset,) = struct.unpack_from("<Q", values)
            except struct.error as exc:
                raise _corrupted("bad ZIP64 extra field") from exc
        extra = extra[length + 4 :]
    return size, compressed, offset


def _inflate(data: bytes, member: ZipMember) -> Iterator[bytes]:
    """The member's real bytes, 64 KiB at most at a time, however large it declares itself or
    really is: the caller counts and stops."""
    if member.flags & 0x1:
        raise _corrupted("encrypted member")
    if member.offset < 0 or member.offset + _LOCAL.size > len(data):
        raise _corrupted("member out of the file")
    fields = _LOCAL.unpack_from(data, member.offset)
    if fields[0] != b"PK\x03\x04":
        raise _corrupted("bad local header")
    start = member.offset + _LOCAL.size + fields[10] + fields[11]
    end = start + member.compressed
    if end > len(data):
        raise _corrupted("member out of the file")
    view = memoryview(data)
    if member.method == zipfile.ZIP_STORED:
        for position in range(start, end, _INFLATE_CHUNK):
            yield bytes(view[position : min(position + _INFLATE_CHUNK, end)])
        return
    if member.method != zipfile.ZIP_DEFLATED:  # OOXML and ODF use only these two
        raise _corrupted(f"compression method {member.method}")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    for position in range(start, end, _INFLATE_CHUNK):
        pending: bytes | memoryview = view[position : min(position + _INFLATE_CHUNK, end)]
        while True:
            try:
                piece = inflater.decompress(pending, _INFLATE_CHUNK)
            except zlib.error as exc:
                raise _corrupted("bad deflate stream") from exc
            if piece:
                yield piece
            pending = inflater.unconsumed_tail
            if inflater.eof or (not pending and len(piece) < _INFLATE_CHUNK):
                break
        if inflater.eof:
            return


def _inflate_head(data: bytes, member: ZipMember, limit: int) -> bytes:
    """The first `limit` bytes of a member, inflating no more than a chunk beyond them."""
    head = bytearray()
    for piece in _inflate(data, member):
        head += piece
        if len(head) >= limit:
            break
    return bytes(head[:limit])


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a zip container that would inflate beyond the limits, before any library opens it.

    Declared sizes are only claims: the declared totals are checked first, then every member
    is inflated for real, 64 KiB at a time, and the file is refused as soon as a member gives
    more than it declares; so no more than the (accepted) declared total is ever inflated, here
    or later by zipfile, which stops each member at its declared size.
    """
    members = zip_members(data)
    declared = sum(m.size for m in members)
    if declared > limits.max_uncompressed:
        raise ExtractionError("zip_bomb", f"{declared} bytes uncompressed")
    if declared > 1024 * 1024 and declared / max(1, len(data)) > limits.max_ratio:
        raise ExtractionError("zip_bomb", f"ratio {declared / max(1, len(data)):.0f}")
    for member in members:
        real = 0
        crc = 0
        for piece in _inflate(data, member):
            real += len(piece)
            if real > member.size:
                raise ExtractionError("zip_bomb", "a member inflates beyond its declared size")
            crc = zlib.crc32(piece, crc)
        if real != member.size or crc != member.crc:
            raise _corrupted("a member differs from its declared size or checksum")
    _same_as_zipfile(data, members)


def _same_as_zipfile(data: bytes, members: list[ZipMember]) -> None:
    """The libraries open the file with zipfile: refuse it unless zipfile sees the very members
    checked above (a parser disagreement is how a checked archive hides an unchecked one)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError) as exc:
        raise _corrupted(type(exc).__name__) from exc
    seen = [(i.header_offset, i.compress_size, i.file_size, i.compress_type, i.CRC) for i in infos]
    checked = [(m.offset, m.compressed, m.size, m.method, m.crc) for m in members]
    if seen != checked:
        raise _corrupted("zipfile reads other members")


# Extractors (run in the worker process) ------------------------------------------------------


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _pdf(data: bytes, limits: Limits) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # An owner password only (printing restrictions) opens with the empty user password.
            try:
                if not reader.decrypt(""):
                    raise ExtractionError("encrypted")
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise ExtractionError("encrypted") from exc
        total = len(reader.pages)
        result = Extracted("pdf", pages=total)
        count = min(total, limits.max_pages)
        result.truncated = total > count
        chars = 0
        for index in range(count):
            try:
                text = reader.pages[index].extract_text() or ""
            except FileNotDecryptedError as exc:
                raise ExtractionError("encrypted") from exc
            text = _clean(text)
            chars += len(text)
            if text:
                result.sections.append(Section(text, page=index + 1))
            if chars > limits.max_chars:
                result.truncated = True
                break
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ExtractionError("corrupted", type(exc).__name__) from exc
    if result.chars < OCR_MIN_CHARS_PER_PAGE * max(1, min(count, 3)):
        result.needs_ocr = True
    return result


def _docx(data: bytes, limits: Limits) -> Extracted:
    import docx

    document = docx.Document(io.BytesIO(data))
    result = Extracted("docx")
    heading: str | None = None
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            result.sections.append(Section("\n".join(buffer), section=heading))
            buffer.clear()

    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.lower().startswith(("heading", "titre", "title")):
            flush()
            heading = text[:120]
        buffer.append(text)
    flush()
    for number, table in enumerate(document.tables, start=1):
        rows = [" | ".join(cell.text.strip() for cell in row.cells) for row in table.rows]
        if rows:
            result.sections.append(Section("\n".join(rows), section=f"tableau {number}"))
    return result


def _odf_text(node: Any) -> str:
    from odf import teletype

    return str(teletype.extractText(node)).strip()


def _odt(data: bytes, limits: Limits) -> Extracted:
    from odf import opendocument, text

    document = opendocument.load(io.BytesIO(data))
    result = Extracted("odt")
    heading: str | None = None
    buffer: list[str] = []
    for node in document.text.childNodes:
        qname = getattr(node, "qname", (None, None))[1]
        if qname == "h":
            if buffer:
                result.sections.append(Section("\n".join(buffer), section=heading))
                buffer = []
            heading = _odf_text(node)[:120] or heading
            buffer.append(_odf_text(node))
        elif qname in ("p", "list", "table", "section"):
            for paragraph in [node] if qname == "p" else node.getElementsByType(text.P):
                value = _odf_text(paragraph)
                if value:
                    buffer.append(value)
    if buffer:
        result.sections.append(Section("\n".join(buffer), section=heading))
    return result


def _ods(data: bytes, limits: Limits) -> Extracted:
    from odf import opendocument, table

    document = opendocument.load(io.BytesIO(data))
    result = Extracted("ods")
    sheets = document.spreadsheet.getElementsByType(table.Table)
    result.pages = len(sheets)
    for sheet in sheets:
        name = str(sheet.getAttribute("name") or "")
        lines = []
        for row in sheet.getElementsByType(table.TableRow)[: limits.max_table_rows]:
            cells = [_odf_text(c) for c in row.getElementsByType(table.TableCell)]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                lines.append(" | ".join(cells))
        if lines:
            result.sections.append(Section("\n".join(lines), section=f"feuille {name}"))
    return result


def _odp(data: bytes, limits: Limits) -> Extracted:
    from odf import draw, opendocument, text

    document = opendocument.load(io.BytesIO(data))
    result = Extracted("odp")
    slides = document.presentation.getElementsByType(draw.Page)
    result.pages = len(slides)
    for number, slide in enumerate(slides, start=1):
        lines = [_odf_text(p) for p in slide.getElementsByType(text.P)]
        body = "\n".join(line for line in lines if line)
        if body:
            result.sections.append(Section(body, page=number, section=f"diapositive {number}"))
    return result


def _xlsx(data: bytes, limits: Limits) -> Extracted:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    result = Extracted("xlsx", pages=len(workbook.sheetnames))
    try:
        for sheet in workbook.worksheets:
            lines = []
            for row in sheet.iter_rows(max_row=limits.max_table_rows, values_only=True):
                cells = ["" if v is None else str(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    lines.append(" | ".join(cells))
            if lines:
                result.sections.append(Section("\n".join(lines), section=f"feuille {sheet.title}"))
    finally:
        workbook.close()
    return result


def _pptx(data: bytes, limits: Limits) -> Extracted:
    from pptx import Presentation

    presentation = Presentation(io.BytesIO(data))
    slides = list(presentation.slides)
    result = Extracted("pptx", pages=len(slides))
    for number, slide in enumerate(slides, start=1):
        lines = []
        for shape in slide.shapes:
            if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                value = shape.text_frame.text.strip()
                if value:
                    lines.append(value)
        if lines:
            result.sections.append(
                Section("\n".join(lines), page=number, section=f"diapositive {number}")
            )
    return result


def _csv(data: bytes, limits: Limits) -> Extracted:
    text = _decode(data)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    lines = []
    for index, row in enumerate(csv.reader(io.StringIO(text), dialect)):
        if index >= limits.max_table_rows:
            break
        if any(cell.strip() for cell in row):
            lines.append(" | ".join(cell.strip() for cell in row))
    result = Extracted("csv")
    if lines:
        result.sections.append(Section("\n".join(lines), section="tableau"))
    return result


_MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")


def _text(data: bytes, limits: Limits) -> Extracted:
    result = Extracted("text")
    heading: str | None = None
    buffer: list[str] = []
    for line in _decode(data).splitlines():
        match = _MD_HEADING.match(line)
        if match:
            if any(b.strip() for b in buffer):
                result.sections.append(Section("\n".join(buffer).strip(), section=heading))
            buffer = []
            heading = match.group(1).strip()[:120]
        buffer.append(line)
    if any(b.strip() for b in buffer):
        result.sections.append(Section("\n".join(buffer).strip(), section=heading))
    return result


def _html(data: bytes, limits: Limits) -> Extracted:
    import trafilatura

    text = trafilatura.extract(_decode(data), include_tables=True, favor_recall=True) or ""
    result = Extracted("html")
    if text.strip():
        result.sections.append(Section(text.strip()))
    return result


def _rtf(data: bytes, limits: Limits) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    text = str(rtf_to_text(_decode(data), errors="ignore"))  # type: ignore[no-untyped-call]
    result = Extracted("rtf")
    if text.strip():
        result.sections.append(Section(_clean(text)))
    return result


_EXTRACTORS = {
    "pdf": _pdf,
    "docx": _docx,
    "odt": _odt,
    "ods": _ods,
    "odp": _odp,
    "xlsx": _xlsx,
    "pptx": _pptx,
    "csv": _csv,
    "text": _text,
    "html": _html,
    "rtf": _rtf,
}

_ZIPPED = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}


def _clean(text: str) -> str:
    text = text.replace("\x00", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def cap(result: Extracted, max_chars: int) -> Extracted:
    """The sections up to `max_chars` characters in all (the last one cut), marked truncated
    when some text is left out."""
    kept: list[Section] = []
    used = 0
    for section in result.sections:
        if used + len(section.text) > max_chars:
            rest = max_chars - used
            if rest > 0:
                kept.append(Section(section.text[:rest], section.page, section.section))
            result.truncated = True
            break
        kept.append(section)
        used += len(section.text)
    result.sections = kept
    return result


def extract_sync(data: bytes, kind: str, limits: Limits) -> Extracted:
    """Extract in the current process (the worker calls this; tests may too)."""
    extractor = _EXTRACTORS.get(kind)
    if extractor is None:
        raise ExtractionError("unsupported", kind)
    if kind in _ZIPPED:
        check_zip(data, limits)
    try:
        result = extractor(data, limits)
    except ExtractionError:
        raise
    except MemoryError as exc:
        raise ExtractionError("too_big", "memory") from exc
    except Exception as exc:  # every parser has its own way to say "broken file"
        raise ExtractionError("corrupted", type(exc).__name__) from exc
    return cap(result, limits.max_chars)


# Chunking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextChunk:
    text: str
    page: int | None
    section: str | None


def chunk(result: Extracted, size: int = CHUNK_CHARS) -> list[TextChunk]:
    """Passages of about `size` characters, cut at paragraph (or line, or word) boundaries,
    never across pages or sections, so each keeps where it comes from."""
    chunks: list[TextChunk] = []
    for section in result.sections:
        for piece in _split(section.text, size):
            chunks.append(TextChunk(piece, section.page, section.section))
    return chunks


_WORDS = re.compile(r"\S+\s*|\s+")


def _split(text: str, size: int) -> list[str]:
    """Pieces of at most `size` characters, cut at a paragraph, line or word boundary when
    there is one, and hard at `size` when there is none (a text without spaces still makes
    bounded passages)."""
    if len(text) <= size:
        return [text] if text.strip() else []
    parts: list[str] = []
    current: list[str] = []
    length = 0

    def flush() -> None:
        nonlocal length
        joined = "".join(current).strip()
        if joined:
            parts.append(joined)
        current.clear()
        length = 0

    def add(piece: str) -> None:
        nonlocal length
        if length + len(piece) > size:
            flush()
        if current or piece.strip():  # a passage never starts with blank space
            current.append(piece)
            length += len(piece)

    for unit in re.split(r"(\n\s*\n|\n)", text):
        if len(unit) <= size:
            add(unit)
            continue
        for word in _WORDS.findall(unit):  # one enormous paragraph: cut it at spaces
            if len(word) <= size:
                add(word)
                continue
            for start in range(0, len(word), size):  # no space at all: cut anyway
                add(word[start : start + size])
    flush()
    return parts


# Audio ----------------------------------------------------------------------------------------

# What Whisper-family models hear: they resample everything to 16 kHz mono, so more is only
# bytes to upload.
AUDIO_RATE = 16_000
# The demuxer of each audio kind (never FFmpeg's probing: a file read as a playlist or an image
# sequence would make the decoder open other files).
_DEMUXERS = {
    "ogg": "ogg",
    "mp3": "mp3",
    "m4a": "mov",
    "wav": "wav",
    "webm": "matroska",
    "flac": "flac",
}
# What a recording can be converted to: the encoder and its sample format. WAV first: writing
# it costs nothing (10 minutes of Ogg/Opus: about 3 s; MP3 about 15 s) and loses nothing the
# model hears; MP3 where a server does not take WAV.
AUDIO_TARGETS = {"wav": ("pcm_s16le", "s16"), "mp3": ("libmp3lame", "s16p")}
AUDIO_MIMETYPES = {
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "m4a": "audio/mp4",
    "webm": "audio/webm",
    "flac": "audio/flac",
}
MP3_BIT_RATE = 48_000


@dataclass(frozen=True)
class Audio:
    data: bytes
    format: str  # a key of AUDIO_TARGETS
    seconds: float


def transcode_sync(
    data: bytes, kind: str, target: str, max_seconds: float, max_bytes: int
) -> Audio:
    """The recording as 16 kHz mono `target` (the worker calls this; tests may too). Stops, with
    `too_long`, as soon as the sound passes `max_seconds` or the output `max_bytes`: the bound is
    on what is decoded, never on what the container declares."""
    if kind not in _DEMUXERS:
        raise ExtractionError("unsupported", kind)
    if target not in AUDIO_TARGETS:
        raise ValueError(f"cannot write {target!r} audio")
    import av
    from av.audio.frame import AudioFrame
    from av.audio.stream import AudioStream

    encoder, sample_format = AUDIO_TARGETS[target]
    max_samples = int(max_seconds * AUDIO_RATE)
    samples = 0
    out = io.BytesIO()
    try:
        with av.open(io.BytesIO(data), mode="r", format=_DEMUXERS[kind]) as source:
            if not source.streams.audio:
                raise ExtractionError("corrupted", "no audio stream")
            stream = source.streams.audio[0]
            with av.open(out, "w", format=target) as sink:
                output = cast(
                    AudioStream, sink.add_stream(encoder, rate=AUDIO_RATE, layout="mono")
                )
                if target == "mp3":
                    output.bit_rate = MP3_BIT_RATE
                resampler = av.AudioResampler(format=sample_format, layout="mono", rate=AUDIO_RATE)

                def write(frames: list[AudioFrame]) -> None:
                    nonlocal samples
                    for frame in frames:
                        samples += frame.samples
                        if samples > max_samples:
                            raise ExtractionError("too_long", "duration")
                        for packet in output.encode(frame):
                            sink.mux(packet)
                        if out.tell() > max_bytes:
                            raise ExtractionError("too_long", "size")

                for frame in source.decode(stream):
                    write(resampler.resample(frame))
                write(resampler.resample(None))
                for packet in output.encode(None):
                    sink.mux(packet)
    except ExtractionError:
        raise
    except MemoryError as exc:
        raise ExtractionError("too_big", "memory") from exc
    except Exception as exc:  # FFmpeg's errors, and PyAV's own on a broken stream
        raise ExtractionError("corrupted", type(exc).__name__) from exc
    if samples == 0:
        raise ExtractionError("empty", "no sound")
    result = out.getvalue()
    if len(result) > max_bytes:
        raise ExtractionError("too_long", "size")
    return Audio(result, target, samples / AUDIO_RATE)


# The worker process -----------------------------------------------------------------------------

STDERR_EXCERPT = 4096  # bytes the bot keeps from each end of a worker's stderr
_PIPE_CHUNK = 64 * 1024
_REAP_SECONDS = 5.0  # for a killed worker's pipes to close and its exit to be seen


def output_limit(limits: Limits) -> int:
    """The most bytes the bot reads from a worker's stdout: the text at its maximum size (4
    bytes a character at most in UTF-8) and room for pages and section names. The worker fits
    its answer into it; a worker that writes more is killed."""
    return 4 * limits.max_chars + 1024 * 1024


def _encode_result(result: Extracted, budget: int) -> dict[str, Any]:
    """The result as JSON-ready data, sections dropped from the end (and the result marked
    truncated) when their encoding would not fit in `budget` bytes."""
    sections: list[list[Any]] = []
    used = 0
    for s in result.sections:
        entry = [s.text, s.page, s.section]
        used += len(json.dumps(entry, ensure_ascii=False).encode("utf-8", "replace")) + 2
        if used > budget:
            result.truncated = True
            break
        sections.append(entry)
    return {
        "kind": result.kind,
        "pages": result.pages,
        "truncated": result.truncated,
        "needs_ocr": result.needs_ocr,
        "sections": sections,
    }


def _decode_result(data: dict[str, Any]) -> Extracted:
    return Extracted(
        str(data["kind"]),
        [Section(str(t), p, s) for t, p, s in data["sections"]],
        pages=data["pages"],
        truncated=bool(data["truncated"]),
        needs_ocr=bool(data["needs_ocr"]),
    )


class _PeakMemory:
    """This process's own peak resident memory (VmHWM; ru_maxrss would carry the parent's peak
    over fork and exec). The file is opened before the sandbox closes /proc and read again at
    the end."""

    def __init__(self) -> None:
        try:
            self._status: io.FileIO | None = open("/proc/self/status", "rb", buffering=0)  # noqa: SIM115
        except OSError:
            self._status = None

    def kb(self) -> int | None:
        if self._status is None:
            return None
        try:
            self._status.seek(0)
            for line in self._status.read().splitlines():
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
        except (OSError, ValueError):
            return None
        return None


class _WarningCount(logging.Handler):
    """Counts the parsers' warnings and never formats or prints them: a hostile file can make
    a parser warn without end, each warning quoting as much of the file as it likes."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _quiet() -> _WarningCount:
    import warnings

    warnings.simplefilter("ignore")
    counter = _WarningCount()
    root = logging.getLogger()
    root.handlers[:] = [counter]
    root.setLevel(logging.WARNING)
    return counter


_PARSERS = {
    "pdf": ("pypdf",),
    "docx": ("docx",),
    "odt": ("odf.opendocument", "odf.text", "odf.teletype"),
    "ods": ("odf.opendocument", "odf.table", "odf.text", "odf.teletype"),
    "odp": ("odf.opendocument", "odf.draw", "odf.text", "odf.teletype"),
    "xlsx": ("openpyxl",),
    "pptx": ("pptx",),
    "html": ("trafilatura",),
    "rtf": ("striprtf.striprtf",),
    "audio": ("av",),
}


def _preload(kind: str) -> None:
    """Import the kind's parser before the sandbox: it then needs only to read Python files."""
    import importlib

    for name in _PARSERS.get(kind, ()):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


# The sandbox: Landlock (Linux 5.13+). The syscall numbers are the same on every architecture
# but alpha; each newer ABI only adds rights, so the ruleset asks for those the kernel knows.
_SYS_LANDLOCK_CREATE_RULESET = 444
_SYS_LANDLOCK_ADD_RULE = 445
_SYS_LANDLOCK_RESTRICT_SELF = 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38
_FS_EXECUTE = 1 << 0
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_TRUNCATE = 1 << 14
_FS_IOCTL_DEV = 1 << 15
_FS_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV
_NET_TCP = (1 << 0) | (1 << 1)  # bind and connect (ABI 4)
_SCOPES = (1 << 0) | (1 << 1)  # abstract unix sockets and signals outside the domain (ABI 6)
_SYSTEM_PATHS = ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/etc/ld.so.cache")


def _fs_rights(abi: int) -> int:
    rights = (1 << 13) - 1  # ABI 1: execute … make_sym
    if abi >= 2:
        rights |= 1 << 13  # refer
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def _readable_paths() -> set[str]:
    """Python's standard library and installed packages, the packages this worker imported
    from elsewhere (this project's: their folders, never the folder holding them, where a bot
    keeps its data and Matrix store), and the system libraries."""
    import site
    import sysconfig

    roots = {sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots.update(site.getsitepackages())
    roots.update(p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages"))
    roots = {os.path.realpath(p) for p in roots if p and os.path.isdir(p)}
    paths = set(roots)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if "." in name or not isinstance(file, str):
            continue
        real = os.path.realpath(file)
        if any(real.startswith(root + os.sep) for root in roots):
            continue
        folders = getattr(module, "__path__", None)
        if folders:
            paths.update(os.path.realpath(folder) for folder in folders)
        else:
            paths.add(real)
    paths.update(p for p in _SYSTEM_PATHS if os.path.exists(p))
    return paths


def _enter_sandbox(workdir: str) -> str:
    """From here on this process reads only Python's and the system's libraries, writes only
    in its own temporary folder, opens no TCP connection, and can neither signal the bot nor
    reach its abstract sockets; nor can it undo this or gain privileges (no_new_privs). Applies
    to root too. Returns what was applied, for the bot's log; without Landlock (older kernel,
    disabled, or refused by a container's seccomp policy) the worker still runs, with its
    scrubbed environment, empty folder and no inherited descriptor.

    Landlock rather than another user for the worker when the bot runs as root: it confines
    root as well as any other user, needs no privilege, and does not depend on the code and
    the Python installation being readable by a second account."""
    if not sys.platform.startswith("linux"):
        return "none: not Linux"
    import ctypes

    class RulesetAttr(ctypes.Structure):
        _fields_ = [
            ("handled_access_fs", ctypes.c_uint64),
            ("handled_access_net", ctypes.c_uint64),
            ("scoped", ctypes.c_uint64),
        ]

    class PathBeneathAttr(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError as exc:
        return f"none: {exc}"
    syscall = libc.syscall
    syscall.restype = ctypes.c_long
    abi = syscall(
        ctypes.c_long(_SYS_LANDLOCK_CREATE_RULESET),
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION),
    )
    if abi < 1:
        return f"none: Landlock unavailable ({os.strerror(ctypes.get_errno())})"
    handled = _fs_rights(abi)
    attr = RulesetAttr(handled, _NET_TCP if abi >= 4 else 0, _SCOPES if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8  # what this ABI's struct holds
    ruleset = syscall(
        ctypes.c_long(_SYS_LANDLOCK_CREATE_RULESET),
        ctypes.byref(attr),
        ctypes.c_size_t(size),
        ctypes.c_uint32(0),
    )
    if ruleset < 0:
        return f"none: Landlock ruleset refused ({os.strerror(ctypes.get_errno())})"

    def allow(path: str, rights: int) -> None:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            return
        try:
            if not stat.S_ISDIR(os.fstat(fd).st_mode):
                rights &= _FS_FILE_RIGHTS
            rule = PathBeneathAttr(rights & handled, fd)
            syscall(  # a rule that fails only leaves the path closed
                ctypes.c_long(_SYS_LANDLOCK_ADD_RULE),
                ctypes.c_int(ruleset),
                ctypes.c_int(_LANDLOCK_RULE_PATH_BENEATH),
                ctypes.byref(rule),
                ctypes.c_uint32(0),
            )
        finally:
            os.close(fd)

    try:
        for path in sorted(_readable_paths()):
            allow(path, _FS_READ_FILE | _FS_READ_DIR)
        allow("/dev/null", _FS_READ_FILE | _FS_WRITE_FILE)
        allow(workdir, handled)
        zero = ctypes.c_ulong(0)
        if libc.prctl(ctypes.c_int(_PR_SET_NO_NEW_PRIVS), ctypes.c_ulong(1), zero, zero, zero):
            return f"none: no_new_privs refused ({os.strerror(ctypes.get_errno())})"
        if syscall(
            ctypes.c_long(_SYS_LANDLOCK_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)
        ):
            return f"none: Landlock refused ({os.strerror(ctypes.get_errno())})"
    finally:
        os.close(ruleset)
    return f"landlock ABI {abi}"


def _limit_worker(memory_mb: int) -> None:
    import resource

    memory = memory_mb * 1024 * 1024
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash dumps no document
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024 * 1024, 64 * 1024 * 1024))


def worker_main() -> None:
    """`python …/extract.py`: one file on stdin (a JSON header line, then the
    bytes), the result as JSON on stdout. Memory is capped so a hostile file fails here, not in
    the bot; the parsers' warnings are counted, not printed; the file is parsed inside the
    sandbox."""
    header = json.loads(sys.stdin.buffer.readline())
    _limit_worker(int(header.get("memory_mb") or 0))
    counter = _quiet()
    data = sys.stdin.buffer.read()
    kind = str(header["kind"])
    audio = header.get("task") == "audio"  # a recording to convert, answered as JSON + bytes
    _preload("audio" if audio else kind)
    peak = _PeakMemory()
    sandbox = _enter_sandbox(os.getcwd())
    payload = b""
    try:
        if audio:
            converted = transcode_sync(
                data,
                kind,
                str(header["target"]),
                float(header["max_seconds"]),
                int(header["max_bytes"]),
            )
            payload = converted.data
            answer: dict[str, Any] = {
                "ok": True,
                "bytes": len(payload),
                "seconds": converted.seconds,
            }
        else:
            limits = Limits(**header["limits"])
            answer = {
                "ok": True,
                "result": _encode_result(
                    extract_sync(data, kind, limits), output_limit(limits) - 64 * 1024
                ),
            }
    except ExtractionError as exc:
        answer = {"ok": False, "reason": exc.reason}
    except MemoryError:
        answer = {"ok": False, "reason": "too_big"}
    answer.update(peak_kb=peak.kb(), sandbox=sandbox, warnings=counter.count)
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8", "replace"))
    if audio:
        sys.stdout.buffer.write(b"\n" + payload)
    sys.stdout.flush()


# The bot's side ---------------------------------------------------------------------------------

_WORKER_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "PYTHONHOME", "PYTHONPATH")


def worker_environment(workdir: str) -> dict[str, str]:
    """All a worker gets from the bot's environment: what Python needs to start and import the
    parsers. Never the bot's secrets (ASSISTANT__*), proxies, or anything else."""
    environment = {name: os.environ[name] for name in _WORKER_ENVIRONMENT if name in os.environ}
    environment.update(
        TMPDIR=workdir,
        PYTHONDONTWRITEBYTECODE="1",  # nothing written next to the code
        PYTHONNOUSERSITE="1",
        PYTHONSAFEPATH="1",  # neither the working folder nor the script's folder on sys.path
    )
    return environment


class _Excerpt:
    """The first and last STDERR_EXCERPT bytes of a stream and its length; the rest is read
    and dropped."""

    def __init__(self) -> None:
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def add(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = STDERR_EXCERPT - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        self.tail += chunk
        del self.tail[:-STDERR_EXCERPT]

    def __bytes__(self) -> bytes:
        gap = b" [...] " if self.total > len(self.head) + len(self.tail) else b""
        return bytes(self.head) + gap + bytes(self.tail)


def _died(run: _Run, what: str) -> ExtractionError:
    # Killed by the memory cap or crashed: stderr may hold the file's text, never log it.
    log.warning(
        "worker for the %s ended with code %s (%d bytes on stderr)",
        what,
        run.returncode,
        run.stderr.total,
    )
    return ExtractionError("too_big", "worker died")


@dataclass
class _Run:
    """What the bot got from one worker."""

    out: bytes | None = None  # None: it wrote more than output_limit
    stderr: _Excerpt = field(default_factory=_Excerpt)
    returncode: int | None = None
    timed_out: bool = False


class Extractor:
    """Runs each extraction in a fresh worker process with a deadline and a memory cap.

    A process rather than a thread: a parser stuck on a hostile file cannot be stopped from
    a thread, and its memory would be the bot's. A fresh `python …/extract.py` per file (about
    0.1–0.3 s to start) keeps no state between agents' files and is killed outright on timeout;
    `workers` bounds how many run at once. This file is run as a script, not with `-m`: importing
    the `handlers.attachments` package would import the bot (its Matrix client, its
    configuration) into the process that parses hostile files. The worker starts with a scrubbed
    environment (`worker_environment`), no inherited descriptor and an empty temporary folder as
    its working directory, removed afterwards.
    """

    def __init__(
        self,
        limits: Limits,
        *,
        timeout: float,
        workers: int = 1,
        memory_mb: int = 0,
        command: Sequence[str] | None = None,
    ) -> None:
        self.limits = limits
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.command = list(command or [sys.executable, str(Path(__file__).resolve())])
        self._slots = asyncio.Semaphore(workers)
        self._running: set[asyncio.subprocess.Process] = set()
        self.last_peak_kb: int | None = None  # the last worker's peak memory, for benchmarks
        self.sandbox: str | None = None  # what the last worker reported of its sandbox

    async def extract(self, data: bytes, kind: str) -> Extracted:
        header = {
            "kind": kind,
            "limits": dataclasses.asdict(self.limits),
            "memory_mb": self.memory_mb,
        }
        what = f"extraction of a {kind} file"
        run, out = await self._work(header, data, output_limit(self.limits), what)
        try:
            answer = json.loads(out)
            result = _decode_result(answer["result"]) if answer["ok"] else None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _died(run, what) from None
        self._note_answer(answer, what)
        if result is None:
            raise ExtractionError(str(answer.get("reason") or "corrupted"))
        return result

    async def transcode(
        self, data: bytes, kind: str, target: str, *, max_seconds: float, max_bytes: int
    ) -> Audio:
        """A recording converted to 16 kHz mono `target` (AUDIO_TARGETS) in a worker: FFmpeg's
        decoders meet hostile files there, with the same deadline, memory cap and sandbox as
        documents. Refused (`too_long`) past `max_seconds` of sound or `max_bytes` of output."""
        header = {
            "task": "audio",
            "kind": kind,
            "target": target,
            "max_seconds": max_seconds,
            "max_bytes": max_bytes,
            "memory_mb": self.memory_mb,
        }
        what = f"conversion of a {kind} recording"
        run, out = await self._work(header, data, max_bytes + 64 * 1024, what)
        head, _, payload = out.partition(b"\n")
        try:
            answer = json.loads(head)
            ok = bool(answer["ok"])
            size = int(answer["bytes"]) if ok else 0
            seconds = float(answer["seconds"]) if ok else 0.0
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _died(run, what) from None
        self._note_answer(answer, what)
        if not ok:
            raise ExtractionError(str(answer.get("reason") or "corrupted"))
        if size != len(payload):
            raise _died(run, what)
        return Audio(payload, target, seconds)

    async def _work(
        self, header: dict[str, Any], data: bytes, limit: int, what: str
    ) -> tuple[_Run, bytes]:
        """One worker's run and answer (at most `limit` bytes), or the ExtractionError of its
        end."""
        async with self._slots:
            run = await self._run(json.dumps(header).encode() + b"\n", data, limit)
        if run.stderr.total:
            log.debug(
                "extraction worker stderr (%d bytes): %r", run.stderr.total, bytes(run.stderr)
            )
        if run.timed_out:
            log.warning("%s overran %.0f s: worker killed", what, self.timeout)
            raise ExtractionError("timeout")
        if run.out is None:
            log.warning("worker for the %s wrote more than %d bytes: killed", what, limit)
            raise ExtractionError("too_big", "output")
        return run, run.out

    def _note_answer(self, answer: dict[str, Any], what: str) -> None:
        self._note_sandbox(answer.get("sandbox"))
        self.last_peak_kb = answer.get("peak_kb")
        log.debug(
            "%s: worker peak %s kB, %s parser warnings",
            what,
            self.last_peak_kb,
            answer.get("warnings"),
        )

    async def _run(self, header: bytes, data: bytes, limit: int) -> _Run:
        """One worker: the file in, at most output_limit bytes of answer and a stderr excerpt
        out. Both pipes are read to their end, whatever the worker writes, so it never blocks
        on a full pipe and its exit is always seen (asyncio waits for the pipes to close)."""
        run = _Run()
        workdir = tempfile.mkdtemp(prefix="extraction-")
        try:
            process = await asyncio.create_subprocess_exec(
                *self.command,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                cwd=workdir,
                env=worker_environment(workdir),
                close_fds=True,
                start_new_session=True,
            )
            assert process.stdin and process.stdout and process.stderr
            stdin, stdout, stderr = process.stdin, process.stdout, process.stderr
            self._running.add(process)

            async def feed() -> None:
                try:
                    stdin.write(header)
                    stdin.write(data)
                    await stdin.drain()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the worker died or stopped reading: its exit says why
                finally:
                    stdin.close()

            async def read_answer() -> None:
                out = bytearray()
                overflow = False
                while chunk := await stdout.read(_PIPE_CHUNK):
                    if overflow:
                        continue
                    if len(out) + len(chunk) > limit:
                        overflow = True
                        out = bytearray()
                        process.kill()
                        continue
                    out += chunk
                run.out = None if overflow else bytes(out)

            async def read_stderr() -> None:
                while chunk := await stderr.read(_PIPE_CHUNK):
                    run.stderr.add(chunk)

            tasks = [asyncio.create_task(c) for c in (feed(), read_answer(), read_stderr())]
            try:
                loop = asyncio.get_running_loop()
                deadline = loop.time() + self.timeout
                _, pending = await asyncio.wait(tasks, timeout=self.timeout)
                if not pending:
                    run.returncode = await asyncio.wait_for(
                        process.wait(), max(0.1, deadline - loop.time())
                    )
                else:
                    run.timed_out = True
            except TimeoutError:
                run.timed_out = True
            finally:
                if process.returncode is None:
                    process.kill()
                # Killed, its pipes close: the readers finish and asyncio sees the exit.
                _, pending = await asyncio.wait(tasks, timeout=_REAP_SECONDS)
                for task in pending:
                    task.cancel()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(process.wait(), _REAP_SECONDS)
                self._running.discard(process)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        return run

    def _note_sandbox(self, sandbox: object) -> None:
        if not isinstance(sandbox, str) or sandbox == self.sandbox:
            return
        self.sandbox = sandbox
        if sandbox.startswith("none"):
            log.warning("extraction workers run without a Landlock sandbox (%s)", sandbox)
        else:
            log.info("extraction workers run in a sandbox (%s)", sandbox)

    def close(self) -> None:
        for process in list(self._running):
            if process.returncode is None:
                process.kill()


if __name__ == "__main__":
    worker_main()
