"""Attachments: documents read into the conversation, scans by OCR, voice messages transcribed;
!documents, !oublier-document, the passages put before each question, and the PDF reader the
web feature uses for links to PDFs."""

from __future__ import annotations

from bot.context import Core, UnreadableDocument
from bot.feature import Feature
from handlers.attachments.config import AttachmentsConfig
from handlers.attachments.extract import ExtractionError, Extractor, Limits
from handlers.attachments.media_ai import MediaAI
from handlers.attachments.router import Attachments, router
from storage.documents import DocumentRepository


def setup(core: Core, config: AttachmentsConfig) -> Feature:
    extractor = Extractor(  # its worker processes start with the first file
        Limits(
            max_pages=config.max_pages,
            max_chars=config.max_chars,
            max_uncompressed=int(config.max_uncompressed_mb * 1024 * 1024),
            max_ratio=config.max_compression_ratio,
        ),
        timeout=config.extraction_timeout,
        workers=config.extraction_workers,
        memory_mb=config.extraction_memory_mb,
    )
    media_ai = MediaAI(core.config.llm, config)
    part = Attachments(config, DocumentRepository(core.db), extractor, media_ai)

    async def read_pdf(data: bytes) -> str:
        """A PDF behind a link, read with the same limits as an attached one."""
        try:
            extracted = await extractor.extract(data, "pdf")
        except ExtractionError as exc:
            raise UnreadableDocument(exc.reason) from exc
        if extracted.needs_ocr:
            raise UnreadableDocument("scan")
        return extracted.text

    async def close() -> None:
        extractor.close()
        await media_ai.close()

    return Feature("attachments", router, part=part, read_pdf=read_pdf, close=close)
