"""Attachments at dispatcher level: documents, images and voice messages through the real
routers with a fake Matrix port and the fake model server."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from devtools.fake_llm import FakeLLM
from handlers.attachments import texts as attachments_texts
from handlers.attachments.router import Attachments
from handlers.privacy.guard import Privacy
from storage.db import Database
from tests import docgen
from tests.harness import ALICE, dispatcher_config, fake_matrix, running_dispatcher
from tests.harness import Harness as SharedHarness

_ids = itertools.count(1)


class Harness(SharedHarness):
    """The shared harness, in one DM, each message handled before the next is sent."""

    async def send(
        self,
        text: str,
        *,
        msgtype: str = "m.text",
        media: Any = None,
        thread_root: str | None = None,
    ) -> str:
        event_id = await self.feed(
            text, room="!dm", msgtype=msgtype, media=media, thread_root=thread_root
        )
        await self.settle()
        return event_id

    async def send_file(
        self,
        name: str,
        data: bytes,
        *,
        msgtype: str = "m.file",
        mimetype: str | None = None,
        size: int | None = None,
        caption: str | None = None,
        thread_root: str | None = None,
    ) -> str:
        url = self.matrix.media.add(f"{next(_ids)}-{name}", data)
        media = {
            "url": url,
            "file": None,
            "mimetype": mimetype,
            "size": len(data) if size is None else size,
            "filename": name,
        }
        return await self.send(
            caption or name, msgtype=msgtype, media=media, thread_root=thread_root
        )

    def replies(self) -> list[str]:
        return [m.final_body for m in self.matrix.in_room("!dm")]


@pytest.fixture
async def harness(tmp_path: Path, fake_llm: FakeLLM) -> AsyncIterator[Harness]:
    config = dispatcher_config(
        tmp_path,
        fake_llm.base_url,
        support={"room": ""},
        attachments={"ocr": True, "max_size_mb": 1, "passages": 3},
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        yield Harness(dispatcher, fake_matrix(dispatcher), fake_llm)


def _user_turn(request: dict[str, Any]) -> str:
    return str(request["messages"][-1]["content"])


async def test_document_is_acknowledged_and_its_passages_reach_the_model(
    harness: Harness,
) -> None:
    await harness.send_file("circulaire.pdf", docgen.pdf(40), mimetype="application/pdf")
    [ack] = harness.replies()
    assert ack.startswith("📄 J'ai lu «\u00a0circulaire.pdf\u00a0»\u00a0: 40 pages, ")
    assert ack.endswith("Posez vos questions.")
    await harness.send("Que dit la page 37 sur le mot repère ?")
    [request] = harness.llm.chat_requests()
    turn = _user_turn(request)
    assert "«\u00a0circulaire.pdf\u00a0», p. 37" in turn and "repere37x" in turn
    assert turn.index("<document>") < turn.index("Que dit la page 37")
    assert "cite la page" in request["messages"][0]["content"]
    # Only what was asked is stored: the passages are not in the conversation.
    history = await harness.services.conversations.messages(
        (await harness.services.conversations.current("!dm")).id  # type: ignore[union-attr]
    )
    assert history[0].content == "Que dit la page 37 sur le mot repère ?"


async def test_bm25_finds_the_page_of_a_rare_word(harness: Harness) -> None:
    await harness.send_file("guide.pdf", docgen.pdf(30))
    await harness.send("Où est-il question de repere23x ?")
    turn = _user_turn(harness.llm.chat_requests()[-1])
    first = turn.split("</document>")[0]
    assert "p. 23" in first and "repere23x" in first


async def test_caption_is_answered_with_the_document(harness: Harness) -> None:
    data = docgen.docx(["Le loyer du site de Lyon est de 900 euros."])
    await harness.send_file("budget.docx", data, caption="Combien coûte le loyer ?")
    replies = harness.replies()
    assert replies[0].startswith("📄 J'ai lu «\u00a0budget.docx\u00a0»")
    assert len(replies) == 2
    turn = _user_turn(harness.llm.chat_requests()[-1])
    assert "900 euros" in turn and turn.endswith("Combien coûte le loyer ?")


async def test_captioned_file_in_a_thread_belongs_to_the_thread_conversation(
    harness: Harness,
) -> None:
    """The file and its caption land in the same conversation: the thread's, not the room's."""
    await harness.send("Bonjour")  # the room's main conversation exists first
    data = docgen.docx(["Le loyer du site de Nantes est de 700 euros."])
    await harness.send_file(
        "nantes.docx", data, caption="Combien coûte le loyer ?", thread_root="$racine"
    )
    turn = _user_turn(harness.llm.chat_requests()[-1])
    assert "700 euros" in turn and turn.endswith("Combien coûte le loyer ?")
    conversations = harness.services.conversations
    thread = await conversations.for_thread("!dm", "$racine", ALICE)
    main = await conversations.current("!dm")
    assert thread is not None and main is not None and thread.id != main.id
    documents = harness.services.part(Attachments).documents
    assert [d.filename for d in await documents.in_conversation(thread.id)] == ["nantes.docx"]
    assert await documents.in_conversation(main.id) == []
    # Later questions in the thread still find the document; the main timeline does not.
    await harness.send("Et à Nantes ?", thread_root="$racine")
    assert "700 euros" in _user_turn(harness.llm.chat_requests()[-1])
    await harness.send("Et le loyer ?")
    assert "700 euros" not in _user_turn(harness.llm.chat_requests()[-1])


async def test_documents_list_forget_and_nouveau(harness: Harness) -> None:
    await harness.send_file("a.odt", docgen.odt(["Premier document sur la voirie."]))
    await harness.send_file("b.xlsx", docgen.xlsx([["poste", "montant"], ["voirie", 12]]))
    await harness.send("!documents")
    listing = harness.replies()[-1]
    assert "1. «\u00a0a.odt\u00a0»" in listing and "2. «\u00a0b.xlsx\u00a0» — 1 feuille" in listing
    await harness.send("!oublier-document 1")
    assert harness.replies()[-1] == attachments_texts.document_forgotten("a.odt")
    rows = await harness.services.db.fetchall("SELECT filename FROM documents")
    assert [r["filename"] for r in rows] == ["b.xlsx"]
    await harness.send("!oublier-document 5")
    assert harness.replies()[-1] == attachments_texts.bad_document_number(1)
    await harness.send("!nouveau")
    await harness.send("!documents")
    assert harness.replies()[-1] == attachments_texts.NO_DOCUMENTS
    await harness.send("Parle-moi de la voirie")
    assert "<document>" not in _user_turn(harness.llm.chat_requests()[-1])


@pytest.mark.parametrize(
    ("name", "make", "size", "expected"),
    [
        (
            "rapport.pdf",
            lambda: docgen.pdf(3)[:500],
            None,
            attachments_texts.extraction_error("corrupted"),
        ),
        (
            "rapport.docx",
            lambda: docgen.docx_bomb(),
            None,
            attachments_texts.extraction_error("zip_bomb"),
        ),
        (
            "protege.pdf",
            docgen.encrypted_pdf,
            None,
            attachments_texts.extraction_error("encrypted"),
        ),
        (
            "photos.zip",
            lambda: b"PK\x05\x06" + b"\x00" * 18,
            None,
            attachments_texts.extraction_error("archive"),
        ),
        (
            "setup.exe",
            lambda: b"MZ\x90\x00" + b"\x00" * 60,
            None,
            attachments_texts.extraction_error("unsupported"),
        ),
        (
            "gros.pdf",
            lambda: b"%PDF-",
            5 * 1024 * 1024,
            attachments_texts.file_too_big(5 * 1024 * 1024, 1),
        ),
        ("vide.txt", lambda: b"   \n", None, attachments_texts.extraction_error("empty")),
    ],
)
async def test_bad_files_get_their_message_and_the_next_message_is_answered(
    harness: Harness, name: str, make: Any, size: int | None, expected: str
) -> None:
    event_id = await harness.send_file(name, make(), size=size)
    assert harness.replies() == [expected]
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.status == "done" and item.media is None
    if size is not None:
        assert harness.matrix.media.downloads == []  # refused before any download
    await harness.send("Et maintenant ?")
    assert len(harness.llm.chat_requests()) == 1
    assert harness.replies()[-1].startswith("Réponse simulée")


async def test_real_bytes_over_the_limit_are_refused(harness: Harness) -> None:
    await harness.send_file("lourd.txt", b"a" * (2 * 1024 * 1024), size=100)
    assert harness.replies()[0].startswith("⚠️ Ce fichier pèse")


async def test_scan_goes_through_ocr(harness: Harness) -> None:
    harness.llm.ocr_pages.append(["Arrêté du 3 mai : la séance est levée."])
    await harness.send_file("scan.pdf", docgen.scanned_pdf())
    assert harness.replies()[0].startswith(
        "📄 J'ai lu «\u00a0scan.pdf\u00a0» (texte reconnu par OCR)"
    )
    [ocr] = [r for r in harness.llm.requests if r.path == "/v1/ocr"]
    assert ocr.json["document"]["type"] == "document_url"
    assert ocr.json["document"]["document_url"].startswith("data:application/pdf;base64,")
    await harness.send("Quand la séance est-elle levée ?")
    assert "Arrêté du 3 mai" in _user_turn(harness.llm.chat_requests()[-1])


async def test_image_goes_through_ocr_and_failure_is_explained(harness: Harness) -> None:
    harness.llm.media_failures.append("http500")
    harness.llm.media_failures.append("http500")
    await harness.send_file("photo.png", docgen.png(), msgtype="m.image", mimetype="image/png")
    assert harness.replies() == [attachments_texts.OCR_FAILED]
    await harness.send_file("photo.png", docgen.png(), msgtype="m.image")
    assert harness.replies()[-1].startswith("📄 J'ai lu «\u00a0photo.png\u00a0»")
    [*_, last] = [r for r in harness.llm.requests if r.path == "/v1/ocr"]
    assert last.json["document"]["type"] == "image_url"


async def test_voice_message_is_transcribed_shown_and_answered(harness: Harness) -> None:
    harness.llm.transcripts.append("Quels sont les horaires de la préfecture ?")
    await harness.send_file(
        "Message vocal.ogg", docgen.ogg_opus(), msgtype="m.audio", mimetype="audio/ogg"
    )
    shown, answer = harness.replies()
    assert shown == attachments_texts.transcript_shown(
        "Quels sont les horaires de la préfecture ?"
    )
    assert "> Quels sont les horaires" in shown
    assert answer.startswith("Réponse simulée")
    [upload] = harness.llm.uploads
    assert upload["model"] == "openai/whisper-large-v3" and upload["language"] == "fr"
    # Ogg/Opus, which Albert does not take, converted to WAV first.
    assert upload["file"]["filename"] == "Message vocal.wav"
    assert upload["file"]["head"].startswith(b"RIFF".hex())
    assert _user_turn(harness.llm.chat_requests()[-1]).endswith("horaires de la préfecture ?")


async def test_transcription_failure_is_explained(harness: Harness) -> None:
    harness.llm.media_failures.extend(["http500", "http500"])
    event_id = await harness.send_file("memo.wav", docgen.wav(), msgtype="m.audio")
    assert harness.replies() == [attachments_texts.TRANSCRIPTION_FAILED]
    item = await harness.services.inbox.get(event_id)
    assert item is not None and item.status == "failed" and item.media is not None
    # Once the service is back, !reessayer takes the same voice message again.
    harness.llm.transcripts.append("Quelle heure est-il ?")
    await harness.send("!reessayer")
    assert harness.replies()[-2] == attachments_texts.transcript_shown("Quelle heure est-il ?")
    assert harness.replies()[-1].startswith("Réponse simulée")


async def test_documents_are_erased_purged_and_exported_with_the_agent(harness: Harness) -> None:
    db = harness.services.db
    privacy = harness.services.part(Privacy).repo
    await harness.send_file("a.docx", docgen.docx(["Texte confidentiel du document."]))
    data = await privacy.user_data(ALICE)
    [exported] = data["documents"]
    assert exported["filename"] == "a.docx" and exported["user_id"] == ALICE
    assert await _count(db, "document_chunks") == 1
    assert await _count(db, "document_chunks_fts") == 1
    await privacy.erase_user(ALICE)  # the conversation goes, its documents by cascade
    assert await _count(db, "documents") == 0 and await _count(db, "document_chunks") == 0
    # The index forgets the text too (its external content is kept in step by triggers).
    rows = await db.fetchall(
        "SELECT rowid FROM document_chunks_fts WHERE document_chunks_fts MATCH 'confidentiel'"
    )
    assert rows == []
    await harness.send_file("b.docx", docgen.docx(["Autre texte."]))
    assert await _count(db, "documents") == 1
    await privacy.purge_before("2999-01-01T00:00:00+00:00")
    assert await _count(db, "documents") == 0 and await _count(db, "document_chunks") == 0


async def test_deleting_a_conversation_deletes_its_documents(harness: Harness) -> None:
    db = harness.services.db
    await harness.send_file("a.txt", "Un texte simple sur les congés.".encode())
    await db.execute("DELETE FROM conversations")
    assert await _count(db, "documents") == 0 and await _count(db, "document_chunks") == 0


async def _count(db: Database, table: str) -> int:
    row = await db.fetchone(f"SELECT COUNT(*) AS n FROM {table}")
    return int(row["n"]) if row else 0


async def test_image_goes_to_a_vision_model_as_an_image_part(harness: Harness) -> None:
    harness.services.config.attachments.vision = True
    await harness.send_file(
        "schema.png", docgen.png(), msgtype="m.image", caption="Que montre ce schéma ?"
    )
    [request] = harness.llm.chat_requests()
    content = request["messages"][-1]["content"]
    assert content[0] == {"type": "text", "text": "Que montre ce schéma ?"}
    assert content[1]["type"] == "image_url"
    assert content[1]["image_url"]["url"].startswith("data:image/png;base64,iVBOR")
    assert harness.replies()[-1].startswith("Réponse simulée")
    assert [r for r in harness.llm.requests if r.path == "/v1/ocr"] == []
    history = await harness.services.db.fetchall("SELECT content FROM messages ORDER BY id")
    assert history[0]["content"] == "Que montre ce schéma ?"  # the image is not kept


async def test_a_document_with_personal_data_is_flagged_and_pseudonymised(
    harness: Harness,
) -> None:
    data = docgen.docx(["Dossier suivi par jean.dupont@example.fr, téléphone 06 12 34 56 78."])
    await harness.send_file("dossier.docx", data)
    [ack] = harness.replies()
    assert ack.startswith("📄 J'ai lu «\u00a0dossier.docx\u00a0»")
    assert "données personnelles" in ack and "marqueurs" in ack
    await harness.send("Qui suit le dossier ?")
    turn = _user_turn(harness.llm.chat_requests()[-1])
    assert "Dossier suivi par" in turn
    # The passage reached the model pseudonymised; the agent sees the real values back.
    assert "jean.dupont@example.fr" not in turn and "06 12 34 56 78" not in turn


async def test_block_mode_refuses_a_document_with_personal_data(harness: Harness) -> None:
    harness.services.config.privacy.identifiers = "block"
    data = docgen.docx(["Contact : jean.dupont@example.fr, 06 12 34 56 78."])
    await harness.send_file("contacts.docx", data)
    [reply] = harness.replies()
    assert "je ne l'ai pas lu" in reply
    assert await _count(harness.services.db, "documents") == 0


async def test_files_count_against_the_quota_like_messages(harness: Harness) -> None:
    from handlers.access.policy import Access

    services = harness.services
    services.config.limits.burst_per_minute = 0
    services.part(Attachments).config.transcription = True
    await services.part(Access).repo.set_quota_override(ALICE, 2, None, "@staff:test")

    def transcriptions() -> int:
        return sum(1 for r in harness.llm.requests if r.path == "/v1/audio/transcriptions")

    await harness.send_file("note.txt", b"Une note de service.")  # 1 of 2
    assert "J'ai lu «\u00a0note.txt\u00a0»" in harness.replies()[-1]
    harness.llm.transcripts.append("Quels sont les horaires ?")
    await harness.send_file("memo.ogg", docgen.ogg_opus(), msgtype="m.audio")  # 2 of 2
    assert transcriptions() == 1
    assert "limite de 2 messages par jour" in harness.replies()[-1]  # no answer left today
    # The day's messages are used: files are refused before any work.
    await harness.send_file("autre.txt", b"Une autre note.")
    assert "limite de 2 messages par jour" in harness.replies()[-1]
    await harness.send_file("memo2.ogg", docgen.ogg_opus(), msgtype="m.audio")
    assert "limite de 2 messages par jour" in harness.replies()[-1]
    assert transcriptions() == 1 and harness.llm.chat_requests() == []
    conversation = await services.conversations.current("!dm")
    assert conversation is not None
    documents = await services.part(Attachments).documents.in_conversation(conversation.id)
    assert [d.filename for d in documents] == ["note.txt"]
