"""Attachments: documents read into the conversation, scans by OCR, voice messages transcribed;
!documents, !oublier-document, the passages put before each question, and whole-document
summaries ("Résume ce document", !resumer)."""

from __future__ import annotations

import asyncio
import base64
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NoReturn

from bot.answer import respond, service_slot
from bot.commands import Group, Router
from bot.context import AnswerFailed, Ctx, Turn, UserError
from bot.conversation import conversation_for_event, conversation_of
from bot.errors import new_ref
from bot.events import File, MediaError, Text
from bot.llm import LLMError
from handlers.attachments import texts
from handlers.attachments.config import AttachmentsConfig
from handlers.attachments.extract import (
    ARCHIVE_KINDS,
    AUDIO_KINDS,
    AUDIO_MIMETYPES,
    AUDIO_TARGETS,
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    Extracted,
    ExtractionError,
    Extractor,
    Section,
    cap,
    chunk,
    detect_kind,
)
from handlers.attachments.media_ai import MediaAI
from handlers.attachments.summary import (
    Summary,
    is_summary_request,
    page_range,
    pieces_of,
    requested_pages,
    summarising,
    summarising_now,
    within,
)
from storage.documents import Chunk, Document, DocumentRepository, Passage

log = logging.getLogger(__name__)

router = Router("attachments")

PRIVACY_SCAN_CHARS = 30_000  # about ten pages: enough to warn, bounded in time
# Passages a summary reads at most: max_chars (2 MB by default) in 200-character passages.
MAX_SUMMARY_PASSAGES = 20_000
_PAGE = re.compile(r"\b(?:p\.|pages?)\s*(\d{1,5})\b", re.IGNORECASE)
_MIME_OF_KIND = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Attachments:
    """The attachments feature's own services."""

    config: AttachmentsConfig
    documents: DocumentRepository
    extractor: Extractor  # worker processes, started with the first file
    media_ai: MediaAI  # OCR and transcription at the model provider


def attachments_of(ctx: Ctx) -> Attachments:
    return ctx.services.part(Attachments)


def _caption(ctx: Ctx, file: File) -> str:
    """A caption sent with the file (Matrix puts it in `body` when `filename` is set)."""
    body = (ctx.text or "").strip()
    return "" if not body or body == file.filename else body


@router.message(when=lambda ctx: isinstance(ctx.event, File))
async def on_attachment(ctx: Ctx) -> None:
    services = ctx.services
    attachments = attachments_of(ctx)
    config = attachments.config
    file = ctx.event
    assert isinstance(file, File)
    if not config.enabled:
        raise UserError(texts.ATTACHMENTS_OFF)
    if file.msgtype == "m.video":
        raise UserError(texts.VIDEO_UNSUPPORTED)
    media = file.media
    if media is None:
        raise UserError(texts.extraction_error("download"))
    filename = file.filename[:200]
    max_bytes = int(config.max_size_mb * 1024 * 1024)
    declared = file.declared_size
    if declared is not None and declared > max_bytes:
        log.info("event %s: file refused on declared size %d", ctx.item.event_id, declared)
        raise UserError(texts.file_too_big(declared, config.max_size_mb))
    caption = _caption(ctx, file)

    existing = await attachments.documents.for_event(ctx.event_id)
    privacy_note = None
    if existing is None:
        started = time.monotonic()
        try:
            data = await services.matrix.download(media, max_bytes, config.download_timeout)
        except MediaError as exc:
            log.warning("event %s: download failed (%s)", ctx.item.event_id, exc)
            if exc.reason == "too_big":
                raise UserError(texts.file_too_big(max_bytes + 1, config.max_size_mb)) from None
            raise UserError(texts.extraction_error(exc.reason)) from None
        if len(data) > max_bytes:
            raise UserError(texts.file_too_big(len(data), config.max_size_mb))
        kind = detect_kind(data, filename, file.mimetype)
        log.info(
            "event %s: %s file of %d bytes (%s, encrypted %s)",
            ctx.item.event_id,
            kind,
            len(data),
            file.msgtype,
            bool(media.get("file")),
        )
        if config.keep_files:
            await _keep(ctx, config.keep_dir, data)
        if kind in AUDIO_KINDS or (file.msgtype == "m.audio" and kind == "unknown"):
            await _voice(ctx, data, filename, kind, file.mimetype)
            return
        if kind in IMAGE_KINDS and (config.vision or await _model_sees_images(ctx)):
            await _vision(ctx, data, kind, caption)
            return
        async with service_slot(ctx):
            extracted = await _read(ctx, data, kind)
        privacy_note = await _privacy_note(ctx, extracted)
        existing = await _store(ctx, filename, file.mimetype, extracted)
        log.info(
            "event %s: document %d stored, %d chars, %.2f s",
            ctx.item.event_id,
            existing.id,
            existing.chars,
            time.monotonic() - started,
        )
    ack = texts.document_read(
        existing.filename,
        existing.kind,
        existing.pages,
        existing.words,
        existing.truncated,
        config.max_pages,
    )
    await ctx.reply(ack + (f"\n\n{privacy_note}" if privacy_note else ""))
    if caption and is_summary_request(caption):
        await summarise(ctx, existing, caption, requested_pages(caption))
    elif caption:
        await respond(ctx, caption)


async def _read(ctx: Ctx, data: bytes, kind: str) -> Extracted:
    """The text of a document, or a UserError with what went wrong."""
    if kind in ARCHIVE_KINDS:
        raise UserError(texts.extraction_error("archive"))
    if kind == "corrupted":
        raise UserError(texts.extraction_error("corrupted"))
    if kind in IMAGE_KINDS:
        return await _ocr(ctx, data, kind, texts.IMAGE_UNREADABLE)
    if kind not in DOCUMENT_KINDS:
        raise UserError(texts.extraction_error("unsupported"))
    try:
        extracted = await attachments_of(ctx).extractor.extract(data, kind)
    except ExtractionError as exc:
        log.info("event %s: extraction refused (%s)", ctx.item.event_id, exc)
        raise UserError(texts.extraction_error(exc.reason)) from None
    if extracted.needs_ocr:
        # Only the pages the extraction kept (the first `max_pages`) are sent to be read.
        total = extracted.pages or 0
        kept = list(range(min(total, attachments_of(ctx).config.max_pages))) if total else None
        ocr = await _ocr(ctx, data, kind, texts.SCAN_UNREADABLE, kept)
        ocr.pages = extracted.pages or ocr.pages
        ocr.truncated = ocr.truncated or extracted.truncated
        return ocr
    if not extracted.sections:
        raise UserError(texts.extraction_error("empty"))
    return extracted


async def _provider_failed(ctx: Ctx, what: str, exc: LLMError, message: str) -> NoReturn:
    """The provider is down: say so, and keep the event (and its file key) for !reessayer."""
    ref = new_ref()
    log.warning("event %s: %s failed (%s, ref %s)", ctx.item.event_id, what, exc.kind, ref)
    await ctx.reply(message)
    raise AnswerFailed(ref) from exc


async def _privacy_note(ctx: Ctx, extracted: Extracted) -> str | None:
    """The personal-data guard on the document's beginning (enough to warn, and bounded): a
    warning with the acknowledgement, or, in block mode, a refusal."""
    pieces: list[str] = []
    used = 0
    for section in extracted.sections:
        if used >= PRIVACY_SCAN_CHARS:
            break
        pieces.append(section.text[: PRIVACY_SCAN_CHARS - used])
        used += len(pieces[-1])
    return await ctx.services.extensions.guard.review_document(ctx, pieces)


async def _ocr(
    ctx: Ctx, data: bytes, kind: str, unavailable: str, pages: list[int] | None = None
) -> Extracted:
    """The text the provider's OCR reads in an image, or in the `pages` (0-based) of a scan."""
    config = attachments_of(ctx).config
    if not config.ocr:
        raise UserError(unavailable)
    try:
        read = await attachments_of(ctx).media_ai.ocr(
            data, _MIME_OF_KIND.get(kind, "application/pdf"), pages
        )
    except LLMError as exc:
        await _provider_failed(ctx, "OCR", exc, texts.OCR_FAILED)
    result = Extracted(
        "ocr",
        sections=[Section(t.strip(), page=n) for n, t in read if t.strip()],
        pages=len(read),
    )
    result = cap(result, config.max_chars)
    if not result.sections:
        raise UserError(texts.extraction_error("empty"))
    return result


async def _store(ctx: Ctx, filename: str, mimetype: str | None, extracted: Extracted) -> Document:
    documents = attachments_of(ctx).documents
    await ctx.services.users.ensure(ctx.sender)
    # The event's conversation, its thread's when sent in a thread: the caption's answer and
    # later questions in that thread find the document there.
    conversation_id = await conversation_for_event(ctx, filename)
    chunks = [
        Chunk(c.page, c.section, c.text)
        for c in chunk(extracted, attachments_of(ctx).config.chunk_chars)
    ]
    document_id = await documents.add(
        conversation_id,
        ctx.sender,
        ctx.item.event_id,
        filename,
        mimetype,
        extracted.kind,
        extracted.pages,
        extracted.words,
        extracted.chars,
        extracted.truncated,
        chunks,
    )
    document = await documents.for_event(ctx.item.event_id)
    assert document is not None and document.id == document_id
    return document


async def _voice(ctx: Ctx, data: bytes, filename: str, kind: str, mimetype: str | None) -> None:
    """Transcribe (converted first when the server does not take the format), show the
    transcript (quoted), answer it like a typed message."""
    attachments = attachments_of(ctx)
    if not attachments.config.transcription:
        raise UserError(texts.TRANSCRIPTION_OFF)
    if kind not in AUDIO_KINDS:  # an m.audio whose bytes say no format: nothing to convert
        raise UserError(texts.AUDIO_UNKNOWN)
    try:
        async with service_slot(ctx):
            if kind in attachments.config.transcription_formats:
                mimetype = AUDIO_MIMETYPES.get(kind, mimetype)  # the bytes', not the claim
            else:
                data, filename, mimetype = await _convert(ctx, data, filename, kind)
            transcript = await attachments.media_ai.transcribe(data, filename, mimetype)
    except LLMError as exc:
        await _provider_failed(ctx, "transcription", exc, texts.TRANSCRIPTION_FAILED)
    if not transcript:
        raise UserError(texts.TRANSCRIPT_EMPTY)
    log.info(
        "event %s: transcribed, %d chars", ctx.item.event_id, len(transcript)
    )  # content-safe: a size
    if ctx.item.answer_event_id is None:  # a resumed answer has shown it already
        await ctx.reply(texts.transcript_shown(transcript))
    await respond(ctx, transcript)


async def _model_sees_images(ctx: Ctx) -> bool:
    """The agent's model is listed as `image-text-to-text` (Albert's vision type, or Mistral's
    `vision` capability): images go to it even when `vision` is off."""
    services = ctx.services
    user = await services.users.ensure(ctx.sender)
    info = await services.llm.model_info(user.model or services.config.llm.model)
    return info is not None and info.vision


async def _convert(ctx: Ctx, data: bytes, filename: str, kind: str) -> tuple[bytes, str, str]:
    """The recording in a format the transcription server takes (16 kHz mono), converted in
    the extraction worker, with its new file name and type; a UserError when it cannot be."""
    config = attachments_of(ctx).config
    target = next(f for f in config.transcription_formats if f in AUDIO_TARGETS)
    started = time.monotonic()
    try:
        audio = await attachments_of(ctx).extractor.transcode(
            data,
            kind,
            target,
            max_seconds=config.max_audio_minutes * 60,
            max_bytes=int(config.max_size_mb * 1024 * 1024),
        )
    except ExtractionError as exc:
        log.info("event %s: %s recording not converted (%s)", ctx.item.event_id, kind, exc)
        raise UserError(texts.audio_error(exc.reason, config.max_audio_minutes)) from None
    log.info(
        "event %s: %s recording converted to %s, %.1f s of sound, %d bytes, in %.2f s",
        ctx.item.event_id,
        kind,
        audio.format,
        audio.seconds,
        len(audio.data),
        time.monotonic() - started,
    )
    stem = PurePosixPath(filename).stem or "message-vocal"
    return audio.data, f"{stem}.{audio.format}", AUDIO_MIMETYPES[audio.format]


async def _vision(ctx: Ctx, data: bytes, kind: str, caption: str) -> None:
    """The image goes to the model with the caption, or with a request to describe it; the
    answer stays in the conversation, the image does not."""
    url = f"data:{_MIME_OF_KIND[kind] if kind in _MIME_OF_KIND else 'image/' + kind};base64,"
    url += base64.b64encode(data).decode("ascii")

    async def attach(ctx: Ctx, turn: Turn) -> None:
        turn.images.append(url)

    await respond(ctx, caption or texts.IMAGE_DEFAULT_QUESTION, prepare=attach)


async def _keep(ctx: Ctx, folder: Path, data: bytes) -> None:
    """keep_files: the file goes to disk, recorded first so that erasure (!oublier,
    !oublier-document, retention) finds it and erases it."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", ctx.item.event_id)[:100]
    path = await asyncio.to_thread(folder.absolute) / name  # erased whatever the cwd then
    await attachments_of(ctx).documents.keep_file(ctx.item.event_id, ctx.sender, str(path))
    await asyncio.to_thread(_write_file, path, data)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# Passages before each answer ---------------------------------------------------------------


@router.turn_hook
async def add_passages(ctx: Ctx, turn: Turn) -> None:
    if summarising():  # the summary brings the whole document its own way
        return
    attachments = attachments_of(ctx)
    documents = await attachments.documents.in_conversation(turn.conversation_id)
    if not documents:
        return
    limit = attachments.config.passages
    passages: list[Passage] = []
    for match in _PAGE.finditer(turn.question):
        passages += await attachments.documents.page_chunks(
            turn.conversation_id, int(match.group(1)), limit
        )
    seen = {(p.document_id, p.page, p.text) for p in passages}
    for passage in await attachments.documents.search(turn.conversation_id, turn.question, limit):
        if (passage.document_id, passage.page, passage.text) not in seen:
            passages.append(passage)
    if not passages:  # "résume ce document": nothing to match, give the beginning
        passages = await attachments.documents.first_chunks(turn.conversation_id, limit)
    passages = passages[:limit]
    turn.instructions.append(texts.DOCUMENT_INSTRUCTIONS)
    turn.material.append(
        "\n\n".join(
            f"<document>\n{texts.passage_header(p.filename, p.page, p.section)}\n{p.text}\n"
            "</document>"
            for p in passages
        )
    )
    log.info(
        "conversation %d: %d passages from %d documents",
        turn.conversation_id,
        len(passages),
        len({p.document_id for p in passages}),
    )


# Whole-document summaries ---------------------------------------------------------------------


async def summarise(
    ctx: Ctx, document: Document, question: str, pages: tuple[int, int] | None = None
) -> None:
    """The whole document (or its `pages`) summarised: map calls over every passage (see
    `summary`), then the answer pipeline writes the summary from them; what the map calls used
    is counted against the agent's quota once the answer is over, whatever its end."""
    attachments = attachments_of(ctx)
    chunks = await attachments.documents.chunks(document.id, MAX_SUMMARY_PASSAGES)
    pieces = pieces_of(chunks)
    if not pieces:
        raise UserError(texts.extraction_error("empty"))
    if pages is not None:
        pieces = within(pieces, pages)
        if not pieces:
            raise UserError(texts.pages_not_found(page_range(*pages), document.pages))
    # Before any model call: an agent over their quota hears it now, not after the reading.
    await ctx.services.extensions.quota.admit(ctx)
    job = Summary(ctx, attachments.config, document, pieces, pages)
    log.info(
        "event %s: summary of document %d asked (%s pages, %d passages, range %s)",
        ctx.event_id,
        document.id,
        document.pages,
        len(pieces),
        pages,
    )
    try:
        with summarising_now():
            await respond(ctx, question, prepare=job.prepare)
    finally:
        try:
            await job.record()
        except Exception:
            log.exception("event %s: the summary's usage was not recorded", ctx.event_id)


def _asks_summary(ctx: Ctx) -> bool:
    return isinstance(ctx.event, Text) and is_summary_request(ctx.text.strip())


@router.message(when=_asks_summary)
async def summary_request(ctx: Ctx) -> None:
    """A summary request ("Résume ce document", "résume les pages 4 à 7"): the conversation's
    last document; without a document, an ordinary answer (the agent may mean something else)."""
    documents = await _documents(ctx)
    if not documents:
        await respond(ctx, ctx.text.strip())
        return
    question = ctx.text.strip()
    await summarise(ctx, documents[-1], question, requested_pages(question))


@router.command(
    "resumer",
    "synthese",
    "summarize",
    usage="!resumer [N]",
    help="résume tout le dernier document joint (ou le numéro N de `!documents`), pages citées",
    group=Group.DOCUMENTS,
)
async def summary_command(ctx: Ctx) -> None:
    documents = await _documents(ctx)
    if not documents:
        raise UserError(texts.no_document_to_summarise())
    chosen = documents[-1]
    argument = ctx.args.strip().lstrip("#n°")
    if argument:
        try:
            index = int(argument)
        except ValueError:
            raise UserError(texts.bad_document_number(len(documents))) from None
        if not 1 <= index <= len(documents):
            raise UserError(texts.bad_document_number(len(documents)))
        chosen = documents[index - 1]
    await summarise(ctx, chosen, texts.summary_question(chosen.filename))


# Commands ---------------------------------------------------------------------------------


async def _documents(ctx: Ctx) -> list[Document]:
    conversation = await conversation_of(ctx)
    if conversation is None:
        return []
    return await attachments_of(ctx).documents.in_conversation(conversation.id)


@router.command(
    "documents",
    "docs",
    usage="!documents",
    help="liste les documents joints à la conversation en cours",
    group=Group.DOCUMENTS,
)
async def list_documents(ctx: Ctx) -> None:
    documents = await _documents(ctx)
    if not documents:
        await ctx.reply(texts.NO_DOCUMENTS)
        return
    lines = [texts.DOCUMENTS_HEADER, ""]
    for index, document in enumerate(documents, start=1):
        lines.append(
            texts.document_line(
                index, document.filename, document.pages, document.kind, document.words
            )
        )
    lines += ["", texts.DOCUMENTS_FOOTER]
    await ctx.reply("\n".join(lines))


@router.command(
    "oublier-document",
    "forget-document",
    usage="!oublier-document N",
    help="retire et efface le document numéro N de `!documents`",
    group=Group.DOCUMENTS,
)
async def forget_document(ctx: Ctx) -> None:
    documents = await _documents(ctx)
    try:
        index = int(ctx.args.strip().lstrip("#n°"))
    except ValueError:
        raise UserError(texts.bad_document_number(len(documents))) from None
    if not 1 <= index <= len(documents):
        raise UserError(texts.bad_document_number(len(documents)))
    chosen = documents[index - 1]
    await attachments_of(ctx).documents.delete(chosen.id)
    log.info("document %d removed from conversation %d", chosen.id, chosen.conversation_id)
    await ctx.reply(texts.document_forgotten(chosen.filename))
