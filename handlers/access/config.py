"""The [access] section of the configuration."""

from __future__ import annotations

from pydantic import Field, model_validator

from bot.config import Section


class AccessConfig(Section):
    """Newcomers, approval, terms of use."""

    # E-mail domains (from the Tchap ID's localpart) approved at once, e.g. the home
    # administration's; also used to recognise a domain for statistics.
    auto_approve_domains: list[str] = Field(default_factory=list)
    # Whole homeservers approved at once (e.g. "agent.dinum.tchap.gouv.fr").
    auto_approve_homeservers: list[str] = Field(default_factory=list)
    # Other domains recognised for statistics only (their users still wait for approval).
    known_domains: list[str] = Field(default_factory=list)
    # Empty: any homeserver; otherwise users of other homeservers are refused.
    allowed_homeservers: list[str] = Field(default_factory=list)
    # Users of agent.externe.tchap.gouv.fr (non-agents) are refused.
    refuse_external: bool = True
    # Approved users at most (0: no cap); beyond it approvals go to a waitlist.
    max_users: int = Field(default=0, ge=0)
    # Version of the data-use terms; "" means no terms to accept.
    terms_version: str = "1"
    terms_url: str = ""
    # Support-room members with at least this power level are admins (besides support.admins).
    admin_power_level: int = Field(default=50, ge=1)

    @model_validator(mode="after")
    def _lowercase(self) -> AccessConfig:
        self.auto_approve_domains = [d.lower().strip() for d in self.auto_approve_domains]
        self.known_domains = [d.lower().strip() for d in self.known_domains]
        self.auto_approve_homeservers = [h.lower() for h in self.auto_approve_homeservers]
        self.allowed_homeservers = [h.lower() for h in self.allowed_homeservers]
        return self
