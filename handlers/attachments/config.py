"""The [attachments] section of the configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from bot.config import Section

AudioFormat = Literal["wav", "mp3", "ogg", "m4a", "webm", "flac"]


def _albert_audio_formats() -> list[AudioFormat]:
    return ["wav", "mp3"]


class AttachmentsConfig(Section):
    """Documents, images and voice messages."""

    enabled: bool = True
    # Checked on the event's declared size before download, then on the bytes received.
    max_size_mb: float = Field(default=20.0, gt=0, le=200)
    max_pages: int = Field(default=500, ge=1)
    max_chars: int = Field(default=2_000_000, ge=1000)
    extraction_timeout: float = Field(default=30.0, gt=0)
    extraction_workers: int = Field(default=1, ge=1, le=8)
    # Address space of one extraction worker process; 0: no cap.
    extraction_memory_mb: int = Field(default=1024, ge=0)
    # ZIP-bomb guard for DOCX/XLSX/PPTX/ODF: total uncompressed size and compression ratio.
    max_uncompressed_mb: float = Field(default=100.0, gt=0)
    max_compression_ratio: float = Field(default=100.0, gt=1)
    download_timeout: float = Field(default=60.0, gt=0)
    # Files are never written to disk unless this is set (then kept in `keep_dir`).
    keep_files: bool = False
    keep_dir: Path = Path("data/attachments")
    # Passages of the conversation's documents put before each question (BM25 best first).
    passages: int = Field(default=6, ge=1, le=50)
    chunk_chars: int = Field(default=1200, ge=200, le=10_000)
    # Images to the model as image parts (the configured model must accept vision); else OCR.
    # A model listed as image-text-to-text gets them either way.
    vision: bool = False
    # Scans and images of text through the provider's /v1/ocr (Albert); off: a clear message.
    ocr: bool = False
    ocr_model: str = "mistral-ocr-latest"
    # Voice messages and audio files through /v1/audio/transcriptions.
    transcription: bool = True
    transcription_model: str = "openai/whisper-large-v3"
    transcription_language: str | None = "fr"
    # Audio formats the transcription server takes as they are: Albert's documents WAV and MP3
    # only. Others (a Tchap voice message is Ogg/Opus) are converted, in the extraction worker,
    # to the first of these the bot writes (wav or mp3), 16 kHz mono. A server that takes more
    # (OpenAI's takes ogg, m4a, webm, flac) may list them to receive the original.
    transcription_formats: list[AudioFormat] = Field(
        default_factory=_albert_audio_formats, min_length=1
    )
    # Longest recording transcribed, in minutes of sound (counted while converting). Ten
    # minutes of 16 kHz WAV fit in Albert's 20 MiB.
    max_audio_minutes: float = Field(default=10.0, gt=0, le=240)
    provider_timeout: float = Field(default=120.0, gt=0)
    # Whole-document summaries ("Résume ce document", !resumer): the passages are read by the
    # model in batches of about `summary_batch_chars` characters (larger, up to
    # `summary_max_batch_chars` and what the model's window takes, when the document would need
    # more than `summary_max_batches` model calls; beyond that the summary says which pages it
    # covers), `summary_parallel` calls at a time for one summary (each waits its turn in the
    # fair queue like any answer), all of them within `summary_deadline` seconds.
    summary_batch_chars: int = Field(default=12_000, ge=1000, le=400_000)
    summary_max_batch_chars: int = Field(default=48_000, ge=1000, le=400_000)
    summary_max_batches: int = Field(default=64, ge=1, le=500)
    summary_parallel: int = Field(default=2, ge=1, le=8)
    summary_deadline: float = Field(default=600.0, gt=0)

    @model_validator(mode="after")
    def _a_conversion_target(self) -> AttachmentsConfig:
        if not {"wav", "mp3"} & set(self.transcription_formats):
            raise ValueError(
                "attachments.transcription_formats must list wav or mp3: recordings in other "
                "formats are converted to one of them"
            )
        return self
