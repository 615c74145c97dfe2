"""Text out of attached files (PDF, Office, OpenDocument, tables, text, HTML, RTF), off the loop.

Parsing runs in a worker process with a deadline and a memory cap: a hostile or huge file can
keep a parser busy far longer than any timeout a thread would honour, and a thread cannot be
killed. Zip-based formats are checked against a ZIP bomb (total uncompressed size and ratio)
before any library opens them.
"""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import json
import logging
import os
import re
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

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
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                odf = _ODF_MIMETYPES.get(archive.read("mimetype").strip())
                if odf:
                    return odf
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "ppt/presentation.xml" in names:
                return "pptx"
    except (zipfile.BadZipFile, OSError, KeyError):
        return "corrupted"
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


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a zip container that would inflate beyond the limits, before anything opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExtractionError("corrupted", type(exc).__name__) from exc
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    if len(infos) > 10_000:
        raise ExtractionError("zip_bomb", f"{len(infos)} entries")
    if total > limits.max_uncompressed:
        raise ExtractionError("zip_bomb", f"{total} bytes uncompressed")
    if total > 1024 * 1024 and total / compressed > limits.max_ratio:
        raise ExtractionError("zip_bomb", f"ratio {total / compressed:.0f}")


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


def _cap(result: Extracted, max_chars: int) -> Extracted:
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
    return _cap(result, limits.max_chars)


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


def _split(text: str, size: int) -> list[str]:
    if len(text) <= size:
        return [text] if text.strip() else []
    parts: list[str] = []
    current = ""
    for unit in re.split(r"(\n\s*\n|\n)", text):
        if len(unit) > size:  # one enormous paragraph: cut it at spaces
            words = unit.split(" ")
            for word in words:
                if len(current) + len(word) + 1 > size and current.strip():
                    parts.append(current.strip())
                    current = ""
                current += word + " "
            continue
        if len(current) + len(unit) > size and current.strip():
            parts.append(current.strip())
            current = ""
        current += unit
    if current.strip():
        parts.append(current.strip())
    return parts


# The worker process -----------------------------------------------------------------------------


def _encode_result(result: Extracted) -> dict[str, Any]:
    return {
        "kind": result.kind,
        "pages": result.pages,
        "truncated": result.truncated,
        "needs_ocr": result.needs_ocr,
        "sections": [[s.text, s.page, s.section] for s in result.sections],
    }


def _decode_result(data: dict[str, Any]) -> Extracted:
    return Extracted(
        str(data["kind"]),
        [Section(str(t), p, s) for t, p, s in data["sections"]],
        pages=data["pages"],
        truncated=bool(data["truncated"]),
        needs_ocr=bool(data["needs_ocr"]),
    )


def _peak_rss_kb() -> int | None:
    """This process's own peak resident memory (VmHWM; ru_maxrss would carry the parent's
    peak over fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def worker_main() -> None:
    """`python -m handlers.attachments.extract`: one file on stdin (a JSON header line, then the
    bytes), the result as JSON on stdout. Memory is capped so a hostile file fails here, not in
    the bot."""
    import json
    import resource
    import sys

    header = json.loads(sys.stdin.buffer.readline())
    memory = int(header.get("memory_mb") or 0) * 1024 * 1024
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    data = sys.stdin.buffer.read()
    limits = Limits(**header["limits"])
    try:
        answer: dict[str, Any] = {
            "ok": True,
            "result": _encode_result(extract_sync(data, header["kind"], limits)),
        }
    except ExtractionError as exc:
        answer = {"ok": False, "reason": exc.reason}
    except MemoryError:
        answer = {"ok": False, "reason": "too_big"}
    answer["peak_kb"] = _peak_rss_kb()
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


class Extractor:
    """Runs each extraction in a fresh worker process with a deadline and a memory cap.

    A process rather than a thread: a parser stuck on a hostile file cannot be stopped from
    a thread, and its memory would be the bot's. A fresh `python -m handlers.attachments.extract`
    per file (about 0.1–0.3 s to start) keeps no state between agents' files and is killed outright
    on timeout; `workers` bounds how many run at once.
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
        self.command = list(command or [sys.executable, "-m", "handlers.attachments.extract"])
        self._slots = asyncio.Semaphore(workers)
        self._running: set[asyncio.subprocess.Process] = set()
        self.last_peak_kb: int | None = None  # the last worker's peak memory, for benchmarks

    async def extract(self, data: bytes, kind: str) -> Extracted:
        header = {
            "kind": kind,
            "limits": dataclasses.asdict(self.limits),
            "memory_mb": self.memory_mb,
        }
        async with self._slots:
            process = await asyncio.create_subprocess_exec(
                *self.command,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env={**os.environ, "PYTHONPATH": _source_root()},
            )
            self._running.add(process)
            try:
                payload = json.dumps(header).encode() + b"\n" + data
                out, _ = await asyncio.wait_for(process.communicate(payload), self.timeout)
            except TimeoutError:
                log.warning(
                    "extraction of a %s file overran %.0f s: worker killed", kind, self.timeout
                )
                raise ExtractionError("timeout") from None
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
                self._running.discard(process)
        try:
            answer = json.loads(out)
        except ValueError:
            # Killed by the memory cap or crashed: stderr may hold the file's text, never log it.
            log.warning(
                "extraction worker for a %s file ended with code %s", kind, process.returncode
            )
            raise ExtractionError("too_big", "worker died") from None
        self.last_peak_kb = answer.get("peak_kb")
        if not answer.get("ok"):
            raise ExtractionError(str(answer.get("reason") or "corrupted"))
        return _decode_result(answer["result"])

    def close(self) -> None:
        for process in list(self._running):
            if process.returncode is None:
                process.kill()


def _source_root() -> str:
    """So the worker imports this very code, also when run from a source tree."""
    root = str(Path(__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return f"{root}{os.pathsep}{existing}" if existing else root


if __name__ == "__main__":
    worker_main()
