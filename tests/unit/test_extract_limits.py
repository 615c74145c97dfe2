"""The extraction worker cannot grow the bot: bounded pipes, ZIP members inflated for real with
a running count, a scrubbed environment and an empty folder for the worker (and its Landlock
sandbox where the kernel has it), and passages bounded even in a text without spaces."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
import struct
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.attachments import extract
from handlers.attachments import texts as attachments_texts
from handlers.attachments.extract import (
    Extracted,
    ExtractionError,
    Extractor,
    Limits,
    Section,
    check_zip,
    chunk,
    detect_kind,
)
from tests import docgen

T = TypeVar("T")
LIMITS = Limits()
EXTRACT_PY = str(Path(extract.__file__).resolve())


# Measuring the bot's memory -------------------------------------------------------------------


def reset_peak() -> bool:
    """VmHWM := the current RSS (Linux 4.0+), so it then gives the peak from now on."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def status_bytes(field: str) -> int:
    """VmRSS (resident now) or VmHWM (peak) of this process, from /proc."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    return 0


async def peak_growth_mb(work: Awaitable[T]) -> tuple[T | BaseException, float]:
    """What `work` returned (or raised), and how far this process's resident memory rose above
    its level at the start while it ran: VmHWM after resetting it (Linux), and samples."""
    baseline = status_bytes("VmRSS")
    reset = reset_peak()
    sampled = baseline
    done = asyncio.Event()

    async def sample() -> None:
        nonlocal sampled
        while not done.is_set():
            sampled = max(sampled, status_bytes("VmRSS"))
            await asyncio.sleep(0.02)

    sampler = asyncio.create_task(sample())
    outcome: T | BaseException
    try:
        outcome = await work
    except Exception as exc:
        outcome = exc
    done.set()
    await sampler
    peak = max(sampled, status_bytes("VmHWM")) if reset else sampled
    return outcome, (peak - baseline) / 2**20


def answer_of(text: str) -> str:
    """What a probe worker prints: a valid answer whose only section is `text`."""
    return json.dumps(
        {
            "ok": True,
            "result": {
                "kind": "text",
                "pages": None,
                "truncated": False,
                "needs_ocr": False,
                "sections": [[text, None, None]],
            },
        }
    )


# The PDF whose form XObject calls itself ------------------------------------------------------


def self_calling_form_pdf(calls: int = 40, fonts: int = 50, blob: int = 100_000) -> bytes:
    """A page that invokes a form XObject `calls` times; the form invokes itself (`/Fx Do`) and
    lists `fonts` fonts whose encoding /Differences is one long string instead of an array.
    pypdf skips the cycle with a warning, rebuilds the fonts at every entry and warns for each,
    quoting the string: 200 MB of warnings from a 100 KB file, and no text."""
    font_names = b" ".join(b"/F%d 5 0 R" % i for i in range(fonts))
    page = b"/Fx Do\n" * calls
    form = b"/Fx Do\n"

    def stream(body: bytes, entries: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(body), entries, body)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject "
        b"<< /Fx 4 0 R >> /Font << /F0 5 0 R >> >> /Contents 6 0 R >>",
        stream(
            form,
            b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject "
            b"<< /Fx 4 0 R >> /Font << " + font_names + b" >> >>",
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding << /Differences 7 0 R >> >>",
        stream(page),
        b"(" + b"x" * blob + b")",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


async def test_a_self_calling_form_xobject_does_not_grow_the_bot() -> None:
    data = self_calling_form_pdf()
    assert detect_kind(data, "piege.pdf", "application/pdf") == "pdf"
    extractor = Extractor(LIMITS, timeout=60, memory_mb=1024)
    outcome, growth = await peak_growth_mb(asyncio.wait_for(extractor.extract(data, "pdf"), 90))
    assert growth < 25, f"the bot grew by {growth:.0f} MB"
    # Nothing readable survives the trap: the agent is told in French that the file has no text
    # layer (texts.SCAN_UNREADABLE, or the OCR when it is on).
    assert isinstance(outcome, Extracted), outcome
    assert outcome.needs_ocr and not outcome.text
    assert not extractor._running


async def test_a_noisy_worker_past_its_deadline_is_killed_and_reaped() -> None:
    """Killed while its pipes are full, the worker's exit is still seen: the bot does not wait
    for ever, nor keep what it printed."""
    noisy = (
        "import sys, time\nchunk = b'avertissement ' * 70_000\n"
        "while True:\n    sys.stderr.buffer.write(chunk); time.sleep(0.01)\n"
    )
    extractor = Extractor(LIMITS, timeout=2, command=[sys.executable, "-c", noisy])
    started = time.monotonic()
    outcome, growth = await peak_growth_mb(asyncio.wait_for(extractor.extract(b"x", "pdf"), 30))
    assert isinstance(outcome, ExtractionError), outcome
    assert outcome.reason == "timeout"
    assert attachments_texts.extraction_error(outcome.reason).startswith("⏱️ La lecture")
    assert time.monotonic() - started < 15
    assert growth < 25, f"the bot grew by {growth:.0f} MB"
    assert not extractor._running


# Bounded pipes ---------------------------------------------------------------------------------


async def test_a_worker_flooding_stderr_is_read_within_bounds(
    caplog: pytest.LogCaptureFixture,
) -> None:
    flood = (
        "import sys; sys.stdin.buffer.read(); chunk = b'secret du document ' * 50_000\n"
        "for _ in range(200): sys.stderr.buffer.write(chunk)\n"
        f"sys.stdout.write({answer_of('lu malgré le bruit')!r})"
    )
    extractor = Extractor(LIMITS, timeout=60, command=[sys.executable, "-c", flood])
    caplog.set_level(logging.DEBUG, logger="handlers.attachments.extract")
    outcome, growth = await peak_growth_mb(extractor.extract(b"data", "text"))
    assert isinstance(outcome, Extracted), outcome
    assert outcome.text == "lu malgré le bruit"
    assert growth < 40, f"the bot grew by {growth:.0f} MB for 190 MB of stderr"
    excerpts = [r for r in caplog.records if "stderr" in r.getMessage()]
    assert excerpts and all(r.levelno <= logging.DEBUG for r in excerpts)
    assert all(len(r.getMessage()) < 3 * extract.STDERR_EXCERPT for r in excerpts)
    assert all(
        "secret du document" not in r.getMessage()
        for r in caplog.records
        if r.levelno > logging.DEBUG
    )


async def test_a_worker_writing_more_than_a_text_is_killed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    limits = Limits(max_chars=1000)  # an answer of about 1 MB at most
    spew = (
        "import sys; sys.stdin.buffer.read(); chunk = b'x' * 2**20\n"
        "for _ in range(100): sys.stdout.buffer.write(chunk)\n"
    )
    extractor = Extractor(limits, timeout=60, command=[sys.executable, "-c", spew])
    started = time.monotonic()
    outcome, growth = await peak_growth_mb(extractor.extract(b"data", "text"))
    assert isinstance(outcome, ExtractionError), outcome
    assert outcome.reason == "too_big"
    assert attachments_texts.extraction_error(outcome.reason).startswith("⚠️ Ce fichier est trop")
    assert growth < 20, f"the bot grew by {growth:.0f} MB"
    assert time.monotonic() - started < 30
    assert any("wrote more than" in r.getMessage() for r in caplog.records)
    assert not extractor._running


async def test_a_worker_that_closes_its_pipes_and_stays_is_killed_at_the_deadline() -> None:
    sleeper = "import os, time; os.close(1); os.close(2); time.sleep(60)"
    extractor = Extractor(LIMITS, timeout=1, command=[sys.executable, "-c", sleeper])
    started = time.monotonic()
    with pytest.raises(ExtractionError) as caught:
        await extractor.extract(b"data", "text")
    assert caught.value.reason == "timeout"
    assert time.monotonic() - started < 15
    assert not extractor._running


# The worker's environment, folder, descriptors and sandbox --------------------------------------

PROBE = r"""
import json, os, runpy, sys
report = {
    "env": sorted(os.environ),
    "cwd": os.getcwd(),
    "entries": os.listdir("."),
    "fds": sorted(int(fd) for fd in os.listdir("/proc/self/fd")),
}
enter_sandbox = runpy.run_path(sys.argv[1]).get("_enter_sandbox")
report["sandbox"] = enter_sandbox(os.getcwd()) if enter_sandbox else "none: no sandbox"
report["opened"] = {}
for path in sys.argv[2:]:
    try:
        with open(path, "rb"):
            report["opened"][path] = "read"
    except OSError as exc:
        report["opened"][path] = type(exc).__name__
sys.stdin.buffer.read()
result = {"kind": "text", "pages": None, "truncated": False, "needs_ocr": False,
          "sections": [[json.dumps(report), None, None]]}
sys.stdout.write(json.dumps({"ok": True, "result": result}))
"""

ALLOWED_ENVIRONMENT = {
    "PATH",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",  # set by Python itself when it coerces the C locale (PEP 538)
    "PYTHONHOME",
    "PYTHONPATH",
    "TMPDIR",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONNOUSERSITE",
    "PYTHONSAFEPATH",
}


async def test_the_worker_gets_no_secret_an_empty_folder_and_no_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ASSISTANT__MATRIX__PASSWORD", "mot-de-passe-du-bot")
    monkeypatch.setenv("ASSISTANT__LLM__API_KEY", "cle-du-fournisseur")
    monkeypatch.setenv("HTTPS_PROXY", "http://agent:secret@proxy.interne:3128")
    store = tmp_path / "store"
    store.mkdir()
    (store / "bot.db").write_bytes(b"cles de chiffrement")
    project_file = Path(EXTRACT_PY).parents[2] / "pyproject.toml"
    inherited = os.open(store / "bot.db", os.O_RDONLY)
    os.set_inheritable(inherited, True)
    command = [sys.executable, "-c", PROBE, EXTRACT_PY, str(store / "bot.db"), str(project_file)]
    try:
        result = await Extractor(LIMITS, timeout=60, command=command).extract(b"data", "text")
    finally:
        os.close(inherited)
    report: dict[str, Any] = json.loads(result.text)

    assert not [name for name in report["env"] if name.startswith("ASSISTANT__")]
    assert set(report["env"]) <= ALLOWED_ENVIRONMENT, report["env"]
    assert report["cwd"] != os.getcwd() and report["entries"] == []
    assert not await asyncio.to_thread(os.path.exists, report["cwd"])  # removed afterwards
    assert len([fd for fd in report["fds"] if fd > 2]) <= 1  # the listing's own, not `inherited`
    if report["sandbox"].startswith("landlock"):
        assert report["opened"] == {
            str(store / "bot.db"): "PermissionError",
            str(project_file): "PermissionError",
        }
    else:  # no Landlock on this kernel: the rest of the isolation still holds
        assert report["sandbox"].startswith("none")


async def test_every_format_is_read_by_the_sandboxed_worker() -> None:
    extractor = Extractor(LIMITS, timeout=60)
    samples = {
        "docx": (docgen.docx(["Le budget est de 42 euros."]), "42 euros"),
        "odt": (docgen.odt(["La réunion a lieu mardi."]), "mardi"),
        "xlsx": (docgen.xlsx([["poste", "montant"], ["loyer", 900]]), "loyer | 900"),
        "pptx": (docgen.pptx(["Calendrier. Lancement en mars"]), "mars"),
        "html": (
            b"<html><body><article><p>Une page web assez longue pour trafilatura, avec un "
            b"contenu principal.</p></article></body></html>",
            "contenu principal",
        ),
    }
    for kind, (data, needle) in samples.items():
        assert needle in (await extractor.extract(data, kind)).text, kind
    assert extractor.sandbox is not None


# ZIP members inflated for real -----------------------------------------------------------------


def lie_about_sizes(data: bytes, name: bytes, size: int) -> bytes:
    """The zip with `name` declaring `size` uncompressed bytes, in its local header and in the
    central directory, whatever it really holds."""
    patched = bytearray(data)
    local = patched.find(b"PK\x03\x04")
    while local >= 0:
        name_length = struct.unpack_from("<H", patched, local + 26)[0]
        if patched[local + 30 : local + 30 + name_length] == name:
            struct.pack_into("<L", patched, local + 22, size)
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<L", patched, central + 24, size)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def lying_docx(real: int = 64 * 2**20) -> bytes:
    """A DOCX whose document.xml declares 1 000 bytes and inflates to `real`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=False) as member:
            block = b"\x00" * 2**20
            for _ in range(real // len(block)):
                member.write(block)
    return lie_about_sizes(out.getvalue(), b"word/document.xml", 1000)


def test_a_lying_zip_header_is_refused_without_inflating_it() -> None:
    data = lying_docx()
    assert len(data) < 200_000
    assert detect_kind(data, "rapport.docx", None) == "docx"
    tracemalloc.start()
    try:
        with pytest.raises(ExtractionError) as caught:
            check_zip(data, LIMITS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "zip_bomb"
    assert peak < 2 * 2**20, f"{peak} bytes allocated to check a 1 000-byte claim"


async def test_the_worker_refuses_a_lying_docx_as_a_bomb() -> None:
    outcome, growth = await peak_growth_mb(
        Extractor(LIMITS, timeout=60, memory_mb=1024).extract(lying_docx(), "docx")
    )
    assert isinstance(outcome, ExtractionError), outcome
    assert outcome.reason == "zip_bomb"
    assert growth < 20


def test_the_bot_reads_only_the_start_of_a_zip_mimetype() -> None:
    """`detect_kind` runs in the bot: an ODF `mimetype` member that inflates to 64 MB costs it
    a few kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("mimetype", "w") as member:
            member.write(b"application/vnd.oasis.opendocument.text")
            for _ in range(64):
                member.write(b" " * 2**20)
        archive.writestr("content.xml", "<office:document-content/>")
    data = out.getvalue()
    tracemalloc.start()
    try:
        kind = detect_kind(data, "note.odt", None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kind == "odt"
    assert peak < 2 * 2**20, f"{peak} bytes allocated to read a mimetype"
    with pytest.raises(ExtractionError) as caught:
        check_zip(data, LIMITS)
    assert caught.value.reason == "zip_bomb"


def test_zip_members_are_bounded_in_number() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for index in range(10_001):
            archive.writestr(f"{index}", b"")
    data = out.getvalue()
    assert detect_kind(data, "note.docx", None) == "corrupted"
    with pytest.raises(ExtractionError) as caught:
        check_zip(data, LIMITS)
    assert caught.value.reason == "zip_bomb"


def with_zip64_end(data: bytes) -> bytes:
    """The zip with ZIP64 end records before its end record, as some writers always add."""
    end = data.rfind(b"PK\x05\x06")
    entries, cd_size, cd_offset = struct.unpack_from("<HLL", data, end + 10)
    record = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, cd_size, cd_offset
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    eocd = bytearray(data[end:])
    struct.pack_into("<HHLL", eocd, 8, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    return data[:end] + record + locator + bytes(eocd)


def test_ordinary_prefixed_and_zip64_archives_pass() -> None:
    for data in (docgen.docx(["ordinaire"]), docgen.xlsx([["a", 1]]), docgen.odt(["b"])):
        check_zip(data, LIMITS)
        check_zip(b"MZ" + b"\x00" * 100 + data, LIMITS)  # data before the archive, as zipfile
        check_zip(b"MZ" + with_zip64_end(data), LIMITS)
    zip64 = with_zip64_end(docgen.docx(["Le budget est de 42 euros."]))
    assert detect_kind(zip64, "note.docx", None) == "docx"
    assert "42 euros" in extract.extract_sync(zip64, "docx", LIMITS).text


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_damaged_zip_fails_only_with_an_extraction_error(draw: st.DataObject) -> None:
    data = bytearray(docgen.docx(["Le budget est de 42 euros."]))
    for _ in range(draw.draw(st.integers(1, 8))):
        position = draw.draw(st.integers(0, len(data) - 1))
        data[position] = draw.draw(st.integers(0, 255))
    with contextlib.suppress(ExtractionError):
        check_zip(bytes(data), LIMITS)
    assert detect_kind(bytes(data), "note.docx", None) in {"docx", "zip", "corrupted"}


# Passages ---------------------------------------------------------------------------------------


def test_a_text_without_spaces_is_cut_into_bounded_passages() -> None:
    text = "a" * 2_000_000
    passages = chunk(Extracted("text", [Section(text)]), 1200)
    assert passages and all(len(p.text) <= 1200 for p in passages)
    assert "".join(p.text for p in passages) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0", max_size=5000), st.integers(200, 400))
def test_passages_are_bounded_and_keep_every_word(text: str, size: int) -> None:
    passages = [p.text for p in chunk(Extracted("text", [Section(text)]), size)]
    assert all(0 < len(p) <= size for p in passages)
    assert "".join("".join(passages).split()) == "".join(text.split())
