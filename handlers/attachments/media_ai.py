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

    async def ocr(self, data: bytes, mimetype: str) -> list[str]:
        """Markdown of each page of a scan or image, in order.

        Request and answer follow Mistral's OCR API, which Albert mirrors: a base64 data URL
        in `document`, `pages[].markdown` back.
        """
        url = f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"
        document = (
            {"type": "image_url", "image_url": url}
            if mimetype.startswith("image/")
            else {"type": "document_url", "document_url": url}
        )
        try:
            result: Any = await self._client.post(
                "/ocr",
                body={"model": self.config.ocr_model, "document": document},
                cast_to=object,
            )
        except Exception as exc:
            raise _translate(exc) from exc
        pages = result.get("pages") if isinstance(result, dict) else None
        if not isinstance(pages, list):
            raise LLMError("malformed", "no pages in OCR answer")
        ordered = sorted(
            (p for p in pages if isinstance(p, dict)), key=lambda p: int(p.get("index", 0))
        )
        return [str(p.get("markdown") or p.get("text") or "") for p in ordered]
