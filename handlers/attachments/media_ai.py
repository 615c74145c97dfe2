"""The provider's OCR (Albert /v1/ocr, Mistral's convention) and speech-to-text endpoints."""

from __future__ import annotations

import base64
import logging
from typing import Any

from openai import AsyncOpenAI

from bot.config import LLMConfig
from bot.llm import LLMError, _translate
from handlers.attachments.config import AttachmentsConfig

log = logging.getLogger(__name__)


class MediaAI:
    """Transcription and OCR through the same OpenAI-compatible server as the chat model."""

    def __init__(self, llm: LLMConfig, config: AttachmentsConfig) -> None:
        self.config = config
        self._client = AsyncOpenAI(
            base_url=llm.base_url,
            api_key=llm.api_key.get_secret_value() or "sans-cle",
            max_retries=1,
            timeout=config.provider_timeout,
        )

    async def close(self) -> None:
        await self._client.close()

    async def transcribe(self, data: bytes, filename: str, mimetype: str | None) -> str:
        """The text of a voice message (Whisper-style multipart upload)."""
        try:
            extra: dict[str, Any] = {}
            if self.config.transcription_language:
                extra["language"] = self.config.transcription_language
            result = await self._client.audio.transcriptions.create(
                model=self.config.transcription_model,
                file=(filename, data, mimetype or "application/octet-stream"),
                response_format="json",
                **extra,
            )
        except Exception as exc:
            raise _translate(exc) from exc
        text = getattr(result, "text", None)
        if not isinstance(text, str):
            raise LLMError("malformed", "no text in transcription")
        return text.strip()

    async def ocr(
        self, data: bytes, mimetype: str, pages: list[int] | None = None
    ) -> list[tuple[int, str]]:
        """(page number from 1, Markdown) of each page read from a scan or an image, in order.

        Request and answer follow Mistral's OCR API, which Albert mirrors (OpenGateLLM's
        `CreateOCR`): a base64 data URL in `document`; `pages`, the 0-based indexes of the pages
        to read (the others are neither read nor billed); `pages[].index` (0-based, in the
        document) and `pages[].markdown` back.
        """
        url = f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"
        document = (
            {"type": "image_url", "image_url": url}
            if mimetype.startswith("image/")
            else {"type": "document_url", "document_url": url}
        )
        body: dict[str, Any] = {"model": self.config.ocr_model, "document": document}
        if pages is not None:
            body["pages"] = pages
        try:
            result: Any = await self._client.post("/ocr", body=body, cast_to=object)
        except Exception as exc:
            raise _translate(exc) from exc
        answer = result.get("pages") if isinstance(result, dict) else None
        if not isinstance(answer, list):
            raise LLMError("malformed", "no pages in OCR answer")
        read: list[tuple[int, str]] = []
        for position, page in enumerate(answer):
            if not isinstance(page, dict):
                continue
            index = page.get("index")
            number = index + 1 if isinstance(index, int) and index >= 0 else position + 1
            read.append((number, str(page.get("markdown") or page.get("text") or "")))
        return sorted(read, key=lambda page: page[0])
