"""The [web] section of the configuration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from bot.config import Section

# Albert (OpenGateLLM) removed its web search in December 2025 (`/v1/search` with
# `web_search: true`, OpenGateLLM pull request 601); its search now lives in a separate RAG
# service (OpenGateRAG) that searches only the caller's own collections, not the web.
ALBERT_SEARCH_GONE = (
    '"albert" is no longer a search provider: Albert removed its web search in December 2025; '
    'run a SearXNG and set provider = "searxng" with base_url = its address, or '
    'provider = "none" (links are still read)'
)


class WebConfig(Section):
    """Web search and link reading."""

    # Search engine behind !web: "none" (links are still read) or SearXNG's JSON API.
    provider: Literal["none", "searxng"] = "none"
    base_url: str = ""  # SearXNG root (…/search is added)
    language: str = "fr"
    max_results: int = Field(default=5, ge=1, le=20)
    # Pages read for one question (links in the message, or the best search results).
    max_pages: int = Field(default=4, ge=1, le=10)
    # Domains matched as suffixes ("gouv.fr" covers "www.service-public.gouv.fr").
    # Empty allow list: every domain not denied.
    allow_domains: list[str] = Field(default_factory=list)
    deny_domains: list[str] = Field(default_factory=list)
    # Never true in production: loopback, private, link-local... become reachable.
    allow_private_addresses: bool = False
    # Intranet host names (suffixes) the operator wants readable even on internal addresses;
    # cloud metadata addresses stay refused.
    intranet_hosts: list[str] = Field(default_factory=list)
    connect_timeout: float = Field(default=5.0, gt=0)
    read_timeout: float = Field(default=10.0, gt=0)
    total_timeout: float = Field(default=20.0, gt=0)
    max_bytes: int = Field(default=2_000_000, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    # Extracted text kept per page for the model (characters).
    max_chars_per_page: int = Field(default=6000, ge=200)
    # Pages fetched at the same time, for the whole bot.
    max_concurrent_fetches: int = Field(default=4, ge=1, le=32)
    # Web search on every message for users who did not choose with !web on / !web off.
    auto_search_default: bool = False
    fetches_per_user_per_minute: int = Field(default=20, ge=1)
    fetches_per_minute: int = Field(default=120, ge=1)
    cache_ttl: float = Field(default=600.0, ge=0)  # seconds; 0 disables the cache
    user_agent: str = "AssistantIA/0.1 (+https://tchap.gouv.fr)"

    @field_validator("provider", mode="before")
    @classmethod
    def _albert_search_is_gone(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() == "albert":
            raise ValueError(ALBERT_SEARCH_GONE)
        return value

    @model_validator(mode="after")
    def _provider_url(self) -> WebConfig:
        if self.provider != "none" and not self.base_url:
            raise ValueError(f"web.base_url is required with provider {self.provider!r}")
        return self
