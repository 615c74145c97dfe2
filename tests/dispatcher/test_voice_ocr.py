"""What the bot sends Albert for voice messages and scans, through the real routers, a fake
Matrix port and the fake model server, which refuses what Albert refuses: a transcription in
another format than MP3 or WAV (OpenGateLLM's documented list). Tchap voice messages are
Ogg/Opus, so they are converted first; a scan's OCR request names only the pages kept."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from devtools.fake_llm import FakeLLM
from handlers.attachments import texts as attachments_texts
from handlers.attachments.router import Attachments
from tests import audiogen, docgen
from tests.dispatcher.test_attachments import Harness
from tests.harness import dispatcher_config, fake_matrix, running_dispatcher

MakeHarness = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def make_harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[MakeHarness]:
    """A harness whose [attachments] section adds `settings` to OCR on."""
    stack: list[Any] = []

    async def make(**settings: Any) -> Harness:
        config = dispatcher_config(
            tmp_path,
            fake_llm.base_url,
            support={"room": ""},
            attachments={"ocr": True, **settings},
        )
        running = running_dispatcher(config, tmp_path / f"db{len(stack)}.sqlite3")
        dispatcher = await running.__aenter__()
        stack.append(running)
        return Harness(dispatcher, fake_matrix(dispatcher), fake_llm)

    yield make
    for running in reversed(stack):
        await running.__aexit__(None, None, None)


def _requests(llm: FakeLLM, path: str) -> list[dict[str, Any]]:
    return [r.json for r in llm.requests if r.path == path and isinstance(r.json, dict)]


def _transcriptions(llm: FakeLLM) -> list[dict[str, Any]]:
    return _requests(llm, "/v1/audio/transcriptions")


def _scan(pages: int) -> bytes:
    """A scan of `pages` pages: an image on each, no text layer."""
    from fpdf import FPDF

    document = FPDF()
    for _ in range(pages):
        document.add_page()
        document.image(io.BytesIO(docgen.png(40, 20)), x=10, y=10, w=100)
    return bytes(document.output())


async def test_a_tchap_voice_message_is_converted_to_wav_before_albert_hears_it(
    make_harness: MakeHarness,
) -> None:
    harness = await make_harness()
    voice = audiogen.opus_voice(2.0)
    harness.llm.transcripts.append("Quels sont les horaires de la préfecture ?")
    # As Tchap web posts it: m.audio, body "Voice message", no file name, audio/ogg.
    await harness.send_file("Voice message", voice, msgtype="m.audio", mimetype="audio/ogg")
    shown, answer = harness.replies()
    assert shown == attachments_texts.transcript_shown(
        "Quels sont les horaires de la préfecture ?"
    )
    assert answer.startswith("Réponse simulée")
    [upload] = harness.llm.uploads
    assert upload["file"]["filename"] == "Voice message.wav"
    assert upload["file"]["content_type"] == "audio/wav"
    assert upload["file"]["head"].startswith(b"RIFF".hex())
    # 2 s of 16 kHz mono 16-bit samples, and FFmpeg's header.
    assert 2 * 16_000 * 2 < upload["file"]["size"] < 2 * 16_000 * 2 + 200
    assert upload["model"] == "openai/whisper-large-v3" and upload["language"] == "fr"


async def test_wav_and_mp3_go_as_they_are_and_mp3_is_the_target_when_wav_is_not_taken(
    make_harness: MakeHarness,
) -> None:
    harness = await make_harness(transcription_formats=["mp3"])
    mp3 = audiogen.encode(1.0, "mp3", "libmp3lame", 44_100)
    await harness.send_file("memo.mp3", mp3, msgtype="m.audio", mimetype="audio/mpeg")
    await harness.send_file("Voice message", audiogen.opus_voice(1.0), msgtype="m.audio")
    original, converted = _transcriptions(harness.llm)
    assert original["file"]["size"] == len(mp3) and original["file"]["filename"] == "memo.mp3"
    assert original["file"]["content_type"] == "audio/mpeg"
    assert converted["file"]["filename"] == "Voice message.mp3"
    assert bytes.fromhex(converted["file"]["head"])[:3] == b"ID3"
    assert [r for r in harness.replies() if r.startswith("Réponse simulée")] != []

    harness = await make_harness()
    wav = docgen.wav(0.5)
    await harness.send_file("memo.wav", wav, msgtype="m.audio", mimetype="audio/wav")
    *_, kept = _transcriptions(harness.llm)
    assert kept["file"]["size"] == len(wav) and kept["file"]["filename"] == "memo.wav"


async def test_a_broken_or_too_long_voice_message_gets_a_short_french_answer(
    make_harness: MakeHarness,
) -> None:
    harness = await make_harness(max_audio_minutes=0.025)  # 1.5 s
    await harness.send_file("Voice message", audiogen.corrupted_ogg(), msgtype="m.audio")
    assert harness.replies() == [attachments_texts.AUDIO_UNREADABLE]
    await harness.send_file("Voice message", audiogen.opus_voice(3.0), msgtype="m.audio")
    assert harness.replies()[-1] == attachments_texts.audio_too_long(0.025)
    await harness.send_file("Voice message", b"\x00\x01" * 500, msgtype="m.audio")
    assert harness.replies()[-1] == attachments_texts.AUDIO_UNKNOWN
    assert _transcriptions(harness.llm) == [] and harness.llm.chat_requests() == []


async def test_the_ocr_request_names_only_the_pages_that_are_kept(
    make_harness: MakeHarness,
) -> None:
    harness = await make_harness(max_pages=3)
    harness.llm.ocr_pages.append([f"Arrêté n° {n} : la séance est levée." for n in range(1, 6)])
    await harness.send_file("scan.pdf", _scan(5), mimetype="application/pdf")
    [ack] = harness.replies()
    assert ack.startswith(
        "📄 J'ai lu «\u00a0scan.pdf\u00a0» (texte reconnu par OCR)\u00a0: 5 pages"
    )
    assert "seul le début (au plus 3 pages" in ack
    [request] = _requests(harness.llm, "/v1/ocr")
    assert request["pages"] == [0, 1, 2]
    conversation = await harness.services.conversations.current("!dm")
    assert conversation is not None
    documents = harness.services.part(Attachments).documents
    passages = await documents.first_chunks(conversation.id, 10)
    assert [p.page for p in passages] == [1, 2, 3]
    assert "Arrêté n° 4" not in " ".join(p.text for p in passages)

    harness.llm.ocr_pages.append(["Une seule page."])
    await harness.send_file("court.pdf", _scan(1), mimetype="application/pdf")
    *_, short = _requests(harness.llm, "/v1/ocr")
    assert short["pages"] == [0]
