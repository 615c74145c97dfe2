"""Attachments end to end: the real bot and a real Synapse, files uploaded by a second client,
encrypted (Tchap DMs) and plain; the model, OCR and transcription are the fake server."""

from __future__ import annotations

from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM
from handlers.attachments import texts as attachments_texts
from tests import audiogen, docgen
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import open_dm


async def _send_and_wait(
    agent: AgentClient, room: str, bot: BotHandle, contains: str, **file: object
) -> str:
    after = len(agent.messages(room))
    await agent.send_file(room, **file)  # type: ignore[arg-type]
    message = await agent.wait_for_message(
        room,
        sender=bot.user_id,
        predicate=lambda m: contains in m.body,
        after=after,
        timeout=60,
    )
    return message.body


async def _ask(agent: AgentClient, room: str, bot: BotHandle, question: str) -> str:
    after = len(agent.messages(room))
    await agent.send_text(room, question)
    message = await agent.wait_for_message(
        room,
        sender=bot.user_id,
        predicate=lambda m: m.body.startswith("Réponse simulée"),
        after=after,
        timeout=60,
    )
    return message.body


def _last_user_turn(fake_llm: FakeLLM) -> str:
    return str(fake_llm.chat_requests()[-1]["messages"][-1]["content"])


async def test_encrypted_pdf_upload_then_question_about_page_37(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)  # encrypted, as every Tchap DM
    ack = await _send_and_wait(
        agent,
        room,
        bot,
        "J'ai lu",
        data=docgen.pdf(60),
        filename="circulaire.pdf",
        mimetype="application/pdf",
    )
    assert ack.startswith("📄 J'ai lu «\u00a0circulaire.pdf\u00a0»\u00a0: 60 pages, ")
    await _ask(agent, room, bot, "Que dit la page 37 ?")
    turn = _last_user_turn(fake_llm)
    assert "«\u00a0circulaire.pdf\u00a0», p. 37" in turn and "repere37x" in turn
    assert "repere12x" not in turn

    # A broken file, then the next question is still answered with the document.
    broken = await _send_and_wait(
        agent,
        room,
        bot,
        "endommagé",
        data=docgen.pdf(3)[:300],
        filename="abime.pdf",
        mimetype="application/pdf",
    )
    assert broken == attachments_texts.extraction_error("corrupted")
    await _ask(agent, room, bot, "Et le mot repere41x ?")
    assert "p. 41" in _last_user_turn(fake_llm)


async def test_plain_room_upload_bad_files_and_the_bot_keeps_answering(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(attachments={"max_size_mb": 2})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot, encrypted=False)
    ack = await _send_and_wait(
        agent,
        room,
        bot,
        "J'ai lu",
        data=docgen.odt(["Le marché de nettoyage est attribué à la société Propre."]),
        filename="marche.odt",
        mimetype="application/vnd.oasis.opendocument.text",
    )
    assert "«\u00a0marche.odt\u00a0»" in ack
    bomb = await _send_and_wait(
        agent,
        room,
        bot,
        "⚠️",
        data=docgen.docx_bomb(),
        filename="rapport.docx",
        mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert bomb == attachments_texts.extraction_error("zip_bomb")
    oversize = await _send_and_wait(
        agent,
        room,
        bot,
        "⚠️",
        data=b"%PDF-1.4 small",
        filename="enorme.pdf",
        mimetype="application/pdf",
        declared_size=30 * 1024 * 1024,
    )
    assert oversize == attachments_texts.file_too_big(30 * 1024 * 1024, 2)
    wrong = await _send_and_wait(
        agent,
        room,
        bot,
        "📎",
        data=b"MZ\x90\x00" + b"\x00" * 100,
        filename="outil.exe",
        mimetype="application/x-msdownload",
    )
    assert wrong == attachments_texts.extraction_error("unsupported")
    await _ask(agent, room, bot, "Qui a obtenu le marché de nettoyage ?")
    assert "société Propre" in _last_user_turn(fake_llm)


async def test_encrypted_voice_message_and_scan_through_the_fake_endpoints(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot(attachments={"ocr": True})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.transcripts.append("Quelle est la date limite de dépôt ?")
    shown = await _send_and_wait(
        agent,
        room,
        bot,
        "Transcription",
        data=docgen.ogg_opus(),
        filename="Message vocal.ogg",
        mimetype="audio/ogg",
        msgtype="m.audio",
    )
    assert "> Quelle est la date limite de dépôt ?" in shown
    await agent.wait_for_text(room, "Réponse simulée", timeout=30)
    [upload] = fake_llm.uploads
    assert upload["file"]["head"].startswith(b"RIFF".hex())  # decrypted, converted to WAV
    assert _last_user_turn(fake_llm).endswith("Quelle est la date limite de dépôt ?")

    fake_llm.ocr_pages.append(["Avis de passage : le dossier 2026-17 est complet."])
    ack = await _send_and_wait(
        agent,
        room,
        bot,
        "OCR",
        data=docgen.scanned_pdf(),
        filename="scan.pdf",
        mimetype="application/pdf",
    )
    assert ack.startswith("📄 J'ai lu «\u00a0scan.pdf\u00a0» (texte reconnu par OCR)")
    await _ask(agent, room, bot, "Le dossier est-il complet ?")
    assert "dossier 2026-17 est complet" in _last_user_turn(fake_llm)

    # A file whose hash does not match its bytes is refused, not read.
    tampered = await _send_and_wait(
        agent,
        room,
        bot,
        "déchiffrer",
        data=docgen.docx(["texte"]),
        filename="a.docx",
        mimetype="application/octet-stream",
        corrupt_hash=True,
    )
    assert tampered == attachments_texts.extraction_error("decrypt")


async def test_a_tchap_voice_message_in_an_encrypted_dm_is_converted_then_answered(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    """A real Ogg/Opus recording, posted as the Tchap web recorder posts it (m.audio, "Voice
    message", MSC3245), encrypted: the fake server takes only MP3 and WAV, as Albert does."""
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.transcripts.append("Quel est le délai de recours contre cet arrêté ?")
    shown = await _send_and_wait(
        agent,
        room,
        bot,
        "Transcription",
        data=audiogen.opus_voice(2.0),
        filename="Voice message.ogg",
        mimetype="audio/ogg",
        msgtype="m.audio",
        voice_ms=2000,
    )
    assert "> Quel est le délai de recours contre cet arrêté ?" in shown
    await agent.wait_for_text(room, "Réponse simulée", timeout=30)
    assert _last_user_turn(fake_llm).endswith("Quel est le délai de recours contre cet arrêté ?")
    [upload] = fake_llm.uploads
    assert upload["file"]["filename"] == "Voice message.wav"
    assert upload["file"]["head"].startswith(b"RIFF".hex())

    broken = await _send_and_wait(
        agent,
        room,
        bot,
        "🎤",
        data=audiogen.corrupted_ogg(),
        filename="Voice message.ogg",
        mimetype="audio/ogg",
        msgtype="m.audio",
        voice_ms=2000,
    )
    assert broken == attachments_texts.AUDIO_UNREADABLE
    assert len(fake_llm.uploads) == 1  # nothing more reached the transcription server
