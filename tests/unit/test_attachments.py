"""Attachments without Matrix: format detection, extraction and its guards, the worker
process, and the media download (authenticated, legacy, capped, decrypted)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.matrix import media_of
from devtools.fake_llm import FakeLLM
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
    extract_sync,
    transcode_sync,
)
from storage.documents import fts_query
from tests import audiogen, docgen

LIMITS = Limits()


@pytest.mark.parametrize(
    ("name", "make", "kind", "needle"),
    [
        ("note.docx", lambda: docgen.docx(["Le budget est de 42 euros."]), "docx", "42 euros"),
        ("note.odt", lambda: docgen.odt(["La réunion a lieu mardi."]), "odt", "mardi"),
        (
            "t.ods",
            lambda: docgen.ods([["poste", "montant"], ["loyer", "900"]]),
            "ods",
            "loyer | 900",
        ),
        (
            "t.xlsx",
            lambda: docgen.xlsx([["poste", "montant"], ["loyer", 900]]),
            "xlsx",
            "loyer | 900",
        ),
        ("d.pptx", lambda: docgen.pptx(["Calendrier. Lancement en mars"]), "pptx", "mars"),
        ("t.csv", lambda: b"poste;montant\nloyer;900\n", "csv", "loyer | 900"),
        ("n.md", lambda: "# Titre\nUn texte accentué é".encode(), "text", "accentué"),
        (
            "p.html",
            lambda: (
                b"<html><body><article><p>Une page web assez longue pour trafilatura, "
                b"avec un contenu principal.</p></article></body></html>"
            ),
            "html",
            "contenu principal",
        ),
        ("n.rtf", lambda: rb"{\rtf1\ansi Bonjour depuis RTF\par}", "rtf", "Bonjour depuis RTF"),
    ],
)
def test_each_format_is_read(name: str, make: Any, kind: str, needle: str) -> None:
    data = make()
    assert detect_kind(data, name, None) == kind
    result = extract_sync(data, kind, LIMITS)
    assert needle in result.text
    assert result.words > 0


def test_pdf_keeps_pages_and_counts_words() -> None:
    result = extract_sync(docgen.pdf(12), "pdf", LIMITS)
    assert result.pages == 12 and not result.needs_ocr
    assert [s.page for s in result.sections] == list(range(1, 13))
    assert "repere7x" in result.sections[6].text
    chunks = chunk(result)
    assert {c.page for c in chunks} == set(range(1, 13))


def test_pdf_over_max_pages_is_cut_and_says_so() -> None:
    result = extract_sync(docgen.pdf(8), "pdf", Limits(max_pages=3))
    assert result.pages == 8 and result.truncated and len(result.sections) == 3


def test_scanned_pdf_needs_ocr() -> None:
    assert extract_sync(docgen.scanned_pdf(), "pdf", LIMITS).needs_ocr


def test_password_protected_pdf_is_refused() -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_sync(docgen.encrypted_pdf(), "pdf", LIMITS)
    assert caught.value.reason == "encrypted"


def test_corrupted_pdf_is_refused() -> None:
    data = docgen.pdf(3)[:400]
    assert detect_kind(data, "note.pdf", "application/pdf") == "pdf"
    with pytest.raises(ExtractionError) as caught:
        extract_sync(data, "pdf", LIMITS)
    assert caught.value.reason == "corrupted"


def test_zip_bomb_docx_is_refused_before_opening() -> None:
    bomb = docgen.docx_bomb(20 * 1024 * 1024)
    assert len(bomb) < 100_000
    assert detect_kind(bomb, "rapport.docx", None) == "docx"
    with pytest.raises(ExtractionError) as caught:
        check_zip(bomb, LIMITS)
    assert caught.value.reason == "zip_bomb"
    with pytest.raises(ExtractionError):
        check_zip(bomb, Limits(max_ratio=1e9, max_uncompressed=10 * 1024 * 1024))
    check_zip(docgen.docx(["ordinaire"]), LIMITS)  # a normal DOCX passes


@pytest.mark.parametrize(
    ("data", "name", "mimetype", "kind"),
    [
        (b"PK\x05\x06" + b"\x00" * 18, "photos.zip", "application/zip", "zip"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 20, "a.tar.gz", None, "gzip"),
        (b"MZ\x90\x00\x03" + b"\x00" * 50, "setup.exe", "application/x-msdownload", "unknown"),
        (b"not a pdf at all", "note.pdf", "application/pdf", "corrupted"),
        (b"\x00\x01binary", "note.docx", None, "corrupted"),
        (docgen.ogg_opus(), "Message vocal.ogg", "audio/ogg", "ogg"),
        (docgen.wav(), "memo.wav", None, "wav"),
        (docgen.png(), "scan.png", "image/png", "png"),
        (b"just words", "notes", None, "text"),
    ],
)
def test_kind_comes_from_the_bytes(
    data: bytes, name: str, mimetype: str | None, kind: str
) -> None:
    assert detect_kind(data, name, mimetype) == kind


def test_long_sections_are_chunked_without_crossing_pages() -> None:
    long = "\n\n".join(f"Paragraphe {i} " + "mot " * 60 for i in range(20))
    result = Extracted("pdf", [Section(long, page=1), Section("court", page=2)], pages=2)
    chunks = chunk(result, 500)
    assert all(len(c.text) <= 520 for c in chunks)
    assert chunks[-1].page == 2 and chunks[-1].text == "court"
    assert sum(c.page == 1 for c in chunks) > 5


def test_max_chars_caps_the_text() -> None:
    result = extract_sync(docgen.pdf(20), "pdf", Limits(max_chars=1000))
    assert result.truncated and result.chars <= 1000


def test_fts_query_never_passes_fts_syntax() -> None:
    assert fts_query('p. 37 : "NEAR" OR x*') == '"37" OR "near" OR "or"'
    assert fts_query("?!") is None


def test_french_numbers_and_acknowledgement() -> None:
    assert texts.french_number(8400) == "8\u202f400"
    ack = attachments_texts.document_read("note.pdf", "pdf", 12, 8400, False, 500)
    assert (
        ack == "📄 J'ai lu «\u00a0note.pdf\u00a0»\u00a0: 12 pages, 8\u202f400 mots. "
        "Posez vos questions."
    )


def test_media_of_plain_and_encrypted_events() -> None:
    plain = media_of(
        {"msgtype": "m.file", "body": "a.pdf", "url": "mxc://s/x", "info": {"size": 10}}
    )
    assert plain is not None and plain["url"] == "mxc://s/x" and plain["size"] == 10
    file = {"url": "mxc://s/y", "key": {"k": "K"}, "iv": "I", "hashes": {"sha256": "H"}, "v": "v2"}
    encrypted = media_of({"msgtype": "m.audio", "body": "Vocal", "file": file})
    assert encrypted is not None and encrypted["url"] == "mxc://s/y" and encrypted["file"] == file
    assert media_of({"msgtype": "m.text", "body": "x"}) is None


async def test_extraction_runs_in_a_worker_process() -> None:
    extractor = Extractor(LIMITS, timeout=30)
    result = await extractor.extract(docgen.pdf(3), "pdf")
    assert result.pages == 3 and "repere2x" in result.sections[1].text
    assert extractor.last_peak_kb is not None and extractor.last_peak_kb > 0
    with pytest.raises(ExtractionError) as caught:
        await extractor.extract(docgen.encrypted_pdf(), "pdf")
    assert caught.value.reason == "encrypted"


async def test_a_runaway_extraction_is_killed() -> None:
    stuck = Extractor(
        LIMITS, timeout=0.5, command=[sys.executable, "-c", "import time; time.sleep(60)"]
    )
    started = time.monotonic()
    with pytest.raises(ExtractionError) as caught:
        await stuck.extract(b"data", "pdf")
    assert caught.value.reason == "timeout"
    assert time.monotonic() - started < 5
    assert not stuck._running


async def test_a_worker_over_its_memory_cap_fails_cleanly() -> None:
    capped = Extractor(LIMITS, timeout=30, memory_mb=20)
    with pytest.raises(ExtractionError) as caught:
        await capped.extract(docgen.pdf(5), "pdf")
    assert caught.value.reason == "too_big"


def test_inbox_media_column_is_json() -> None:
    media = media_of({"msgtype": "m.file", "body": "a", "url": "mxc://a/b"})
    assert json.loads(json.dumps(media))["url"] == "mxc://a/b"


# Download: authenticated media, legacy fallback, size cap, decryption ---------------------------


@pytest.fixture
async def media_server() -> AsyncIterator[tuple[str, dict[str, Any]]]:
    from aiohttp import web

    state: dict[str, Any] = {"files": {}, "authenticated": True, "hits": []}

    async def serve(request: web.Request) -> web.StreamResponse:
        path = request.path
        state["hits"].append(path)
        assert request.headers.get("Authorization") == "Bearer tok"
        if path.startswith("/_matrix/client/v1/media/download/") and not state["authenticated"]:
            return web.json_response({"errcode": "M_UNRECOGNIZED"}, status=404)
        media_id = path.rsplit("/", 1)[-1]
        if media_id not in state["files"]:
            return web.json_response({"errcode": "M_NOT_FOUND"}, status=404)
        response = web.StreamResponse()
        await response.prepare(request)
        data = state["files"][media_id]
        for start in range(0, len(data), 10_000):  # chunked: no Content-Length to trust
            await response.write(data[start : start + 10_000])
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}", state
    await runner.cleanup()


async def test_download_authenticated_legacy_capped_and_decrypted(
    media_server: tuple[str, dict[str, Any]], tmp_path: Path
) -> None:
    from nio.crypto.attachments import encrypt_attachment

    from bot.config import MatrixConfig
    from bot.matrix import MatrixClient, MediaError

    base, state = media_server
    client = MatrixClient(
        MatrixConfig(
            homeserver=base, user_id="@bot:test", password="x", store_dir=tmp_path / "store"
        )
    )
    client._client.access_token = "tok"
    try:
        state["files"]["plain"] = b"%PDF-1.4 " + b"x" * 50_000
        data = await client.download({"url": "mxc://test/plain"}, 1_000_000, 10)
        assert data == state["files"]["plain"]
        assert state["hits"][-1] == "/_matrix/client/v1/media/download/test/plain"

        state["authenticated"] = False  # an older server: the legacy endpoint
        assert await client.download({"url": "mxc://test/plain"}, 1_000_000, 10) == data
        assert state["hits"][-1] == "/_matrix/media/v3/download/test/plain"

        with pytest.raises(MediaError) as caught:  # the bytes, not the claim, are capped
            await client.download({"url": "mxc://test/plain", "size": 10}, 20_000, 10)
        assert caught.value.reason == "too_big"

        secret = b"contenu chiffre du document"
        ciphertext, keys = encrypt_attachment(secret)
        state["files"]["enc"] = ciphertext
        file = {**keys, "url": "mxc://test/enc"}
        media = {"url": "mxc://test/enc", "file": file}
        assert await client.download(media, 1_000_000, 10) == secret
        bad = {**file, "hashes": {"sha256": "A" * 43}}
        with pytest.raises(MediaError) as caught:
            await client.download({"url": "mxc://test/enc", "file": bad}, 1_000_000, 10)
        assert caught.value.reason == "decrypt"
        with pytest.raises(MediaError) as caught:
            await client.download({"url": "mxc://test/missing"}, 1_000_000, 10)
        assert caught.value.reason == "download"
    finally:
        await client.close()


# Voice messages converted for the transcription server ----------------------------------------


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("ogg", lambda: audiogen.opus_voice(1.5)),  # a Tchap voice message
        ("webm", lambda: audiogen.encode(1.5, "webm", "libopus", 48_000)),
        ("m4a", lambda: audiogen.encode(1.5, "ipod", "aac", 44_100)),
        ("flac", lambda: audiogen.encode(1.5, "flac", "flac", 44_100)),
    ],
)
@pytest.mark.parametrize("target", ["wav", "mp3"])
def test_recordings_are_converted_to_16khz_mono_for_albert(
    kind: str, make: Any, target: str
) -> None:
    recording = make()
    assert detect_kind(recording, "Voice message", None) == kind
    audio = transcode_sync(recording, kind, target, 60, 1 << 20)
    assert audio.format == target and detect_kind(audio.data, "x", None) == target
    container, rate, channels, seconds = audiogen.describe(audio.data)
    assert (container, rate, channels) == (target, 16_000, 1)
    assert seconds == pytest.approx(1.5, abs=0.1)
    assert audio.seconds == pytest.approx(1.5, abs=0.1)


def test_conversion_stops_at_the_duration_and_size_caps_and_refuses_broken_files() -> None:
    voice = audiogen.opus_voice(3.0)
    with pytest.raises(ExtractionError) as caught:  # counted on the sound, as it is decoded
        transcode_sync(voice, "ogg", "wav", 2.0, 1 << 20)
    assert caught.value.reason == "too_long"
    with pytest.raises(ExtractionError) as caught:  # 3 s of 16 kHz WAV: 96 KB
        transcode_sync(voice, "ogg", "wav", 60, 50_000)
    assert caught.value.reason == "too_long"
    for broken in (audiogen.corrupted_ogg(), b"OggS" + bytes(4000), voice[:300]):
        with pytest.raises(ExtractionError) as caught:
            transcode_sync(broken, "ogg", "wav", 60, 1 << 20)
        assert caught.value.reason in ("corrupted", "empty")
    assert attachments_texts.audio_error("corrupted", 10) == attachments_texts.AUDIO_UNREADABLE
    assert attachments_texts.audio_error("empty", 10) == attachments_texts.AUDIO_UNREADABLE
    assert "10 minutes" in attachments_texts.audio_error("too_long", 10)
    assert "2,5 minutes" in attachments_texts.audio_error("too_long", 2.5)
    for text in (attachments_texts.AUDIO_UNREADABLE, attachments_texts.AUDIO_UNKNOWN):
        assert " :" not in text and len(text) < 200  # short, French typography


async def test_conversion_runs_in_the_sandboxed_worker() -> None:
    extractor = Extractor(LIMITS, timeout=30, memory_mb=1024)
    audio = await extractor.transcode(
        audiogen.opus_voice(2.0), "ogg", "wav", max_seconds=60, max_bytes=1 << 20
    )
    assert audio.data.startswith(b"RIFF") and audio.seconds == pytest.approx(2.0, abs=0.05)
    assert audiogen.describe(audio.data)[:3] == ("wav", 16_000, 1)
    assert extractor.sandbox is not None and extractor.last_peak_kb
    for data, seconds, reason in (
        (audiogen.corrupted_ogg(), 60.0, "corrupted"),
        (audiogen.opus_voice(2.0), 1.0, "too_long"),
    ):
        with pytest.raises(ExtractionError) as caught:
            await extractor.transcode(data, "ogg", "wav", max_seconds=seconds, max_bytes=1 << 20)
        assert caught.value.reason == reason
    # A worker that answers more bytes than it announced is not believed.
    liar = Extractor(
        LIMITS,
        timeout=30,
        command=[
            sys.executable,
            "-c",
            "import sys; sys.stdin.buffer.read(); "
            'sys.stdout.buffer.write(b\'{"ok": true, "bytes": 3, "seconds": 1}\\nRIFFRIFF\')',
        ],
    )
    with pytest.raises(ExtractionError) as caught:
        await liar.transcode(b"OggS", "ogg", "wav", max_seconds=60, max_bytes=1 << 20)
    assert caught.value.reason == "too_big"


# OCR: only the kept pages ----------------------------------------------------------------------


async def test_ocr_sends_the_pages_to_read_and_numbers_them_from_the_answer(
    fake_llm: FakeLLM,
) -> None:
    from bot.config import LLMConfig
    from handlers.attachments.config import AttachmentsConfig
    from handlers.attachments.media_ai import MediaAI

    media_ai = MediaAI(LLMConfig(base_url=fake_llm.base_url), AttachmentsConfig(ocr=True))
    try:
        fake_llm.ocr_pages.append([f"Page {n} du scan." for n in range(1, 8)])
        read = await media_ai.ocr(b"%PDF-1.4 scan", "application/pdf", [0, 1, 2])
        fake_llm.ocr_pages.append(["Une image."])
        image = await media_ai.ocr(docgen.png(), "image/png")
    finally:
        await media_ai.close()
    assert read == [(1, "Page 1 du scan."), (2, "Page 2 du scan."), (3, "Page 3 du scan.")]
    assert image == [(1, "Une image.")]
    scan, png = [r.json for r in fake_llm.requests if r.path == "/v1/ocr" and r.json]
    assert scan["pages"] == [0, 1, 2] and scan["document"]["type"] == "document_url"
    assert "pages" not in png and png["document"]["type"] == "image_url"


def test_the_accepted_formats_must_leave_a_conversion_target() -> None:
    from pydantic import ValidationError

    from handlers.attachments.config import AttachmentsConfig

    assert AttachmentsConfig().transcription_formats == ["wav", "mp3"]  # Albert's documented list
    assert AttachmentsConfig(transcription_formats=["ogg", "mp3"]).transcription_formats
    with pytest.raises(ValidationError, match="must list wav or mp3"):
        AttachmentsConfig(transcription_formats=["ogg", "m4a"])
