"""The [sources] section: Albert's public collections, searched through its RAG service."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator

from bot.config import Section

# OpenGateRAG's own bounds (opengaterag/api/schemas/search.py): at most 100 collection ids and
# 100 results a request; a score threshold only with the semantic method (HTTP 400 otherwise).
MAX_COLLECTIONS = 100


class SourcesConfig(Section):
    """Answers grounded in public collections (service-public.fr fiches…) of Albert's RAG
    service. Off while `collections` is empty."""

    # The RAG service's root, up to and including /v1 (…/search is added). Empty: the model
    # server's llm.base_url (Albert serves both on one address).
    base_url: str = ""
    # Empty: llm.api_key (the RAG service checks Albert's own keys). Set it with
    # ASSISTANT__SOURCES__API_KEY.
    api_key: SecretStr = SecretStr("")
    # Ids of the collections searched (GET /v1/collections?visibility=public lists them).
    collections: list[int] = Field(default_factory=list, max_length=MAX_COLLECTIONS)
    # Excerpts asked for each question (the request's `limit`).
    k: int = Field(default=5, ge=1, le=20)
    method: Literal["semantic", "hybrid", "lexical"] = "semantic"
    # Cosine similarity under which excerpts are dropped by the service (semantic only).
    score_threshold: float = Field(default=0.0, ge=0.0, le=1.0)
    # Seconds for the whole search (connection, answer): past it, the answer goes without.
    timeout: float = Field(default=10.0, gt=0, le=120)
    # Characters of each excerpt kept for the model.
    max_chars_per_excerpt: int = Field(default=3000, ge=200, le=20_000)
    # Official sources for every message of agents who did not choose with !officiel on/off.
    auto_default: bool = False

    @property
    def enabled(self) -> bool:
        return bool(self.collections)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip()
        if value:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(
                    "sources.base_url must be an http(s) address such as "
                    '"https://albert.api.etalab.gouv.fr/v1", or "" for llm.base_url'
                )
        return value.rstrip("/")

    @field_validator("collections")
    @classmethod
    def _collection_ids(cls, value: list[int]) -> list[int]:
        if any(i <= 0 for i in value):
            raise ValueError("sources.collections holds collection ids: positive integers")
        if len(set(value)) != len(value):
            raise ValueError("sources.collections lists a collection twice")
        return value

    @model_validator(mode="after")
    def _threshold_needs_semantic(self) -> SourcesConfig:
        if self.score_threshold > 0 and self.method != "semantic":
            raise ValueError(
                'sources.score_threshold works only with method = "semantic" (the RAG service '
                "refuses it otherwise): set it to 0 or change the method"
            )
        return self
