"""The personal-data guard as the runtime sees it: the provider of the `PrivacyGuard`
extension point, used by the answer pipeline, web searches and documents."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from bot.context import AnswerFailed, AnswerGuard, Ctx, UserError
from handlers.privacy import texts
from handlers.privacy.config import PrivacyConfig
from handlers.privacy.pii import ModelGuard, PiiDetector, pseudonymise_texts
from storage.privacy import PrivacyRepository

log = logging.getLogger(__name__)

# The inbox's error_ref of a message the guard held: !envoyer-quand-meme finds it by this.
HOLD_REF = "CONFIDENTIALITE"


@dataclass(frozen=True)
class Privacy:
    """The privacy feature's own services: its settings, its tables, the detector (one per
    process, with its cache)."""

    config: PrivacyConfig
    repo: PrivacyRepository
    detector: PiiDetector


class Guard:
    def __init__(self, privacy: Privacy) -> None:
        self.privacy = privacy

    async def for_question(self, ctx: Ctx, question: str) -> AnswerGuard:
        """The guard of one answer; in block mode, tells the agent and holds the message."""
        privacy = self.privacy
        allow_once = await privacy.repo.is_allowed_once(ctx.event_id)
        guard = ModelGuard(privacy.detector, privacy.config, allow_once=allow_once)
        await guard.check(question)
        if guard.blocked:
            categories = sorted({f.category for f in guard.found + guard.topics})
            log.info(
                "event %s in %s held by the privacy guard (%s)",
                ctx.event_id,
                ctx.room_id,
                ", ".join(categories),
            )
            await ctx.reply(guard.block_message())
            raise AnswerFailed(HOLD_REF)
        return guard

    async def pseudonymise(self, pieces: Sequence[str]) -> list[str]:
        """Free text for staff: identifiers always replaced, whatever the agent's settings."""
        if not pieces:
            return []
        return await asyncio.to_thread(pseudonymise_texts, self.privacy.detector, list(pieces))

    async def without_identifiers(self, ctx: Ctx, text: str) -> str:
        """The text without the personal identifiers the guard finds: for a third party such as
        a search engine (the model gets its own pseudonymised copy)."""
        if self.privacy.config.identifiers == "off":
            return text
        scan = await self.privacy.detector.scan_async(text)
        if not scan.identifiers:
            return text
        parts, last = [], 0
        for finding in sorted(scan.identifiers, key=lambda f: f.start):
            parts.append(text[last : finding.start])
            last = max(last, finding.end)
        parts.append(text[last:])
        log.info(
            "text of event %s for a third party: %d identifier(s) left out",
            ctx.event_id,
            len(scan.identifiers),
        )
        return " ".join("".join(parts).split())

    async def review_document(self, ctx: Ctx, pieces: Sequence[str]) -> str | None:
        """A warning about the personal data of a document, or, in block mode, a refusal (the
        agent sends an anonymised version)."""
        config = self.privacy.config
        if config.identifiers == "off" and config.sensitive_topics == "off":
            return None
        scans = await self.privacy.detector.scan_many_async(list(pieces))
        counts: dict[str, int] = {}
        topics: set[str] = set()
        if config.identifiers != "off":
            for scan in scans:
                for finding in scan.identifiers:
                    counts[finding.category] = counts.get(finding.category, 0) + 1
        if config.sensitive_topics != "off":
            topics = {f.category for scan in scans for f in scan.topics}
        if not counts and not topics:
            return None
        log.info(
            "event %s: document with personal data (%s)",
            ctx.event_id,
            ", ".join(sorted(set(counts) | topics)),
        )
        blocked = (counts and config.identifiers == "block") or (
            topics and config.sensitive_topics == "block"
        )
        if blocked:
            raise UserError(texts.document_blocked(counts, sorted(topics)))
        return texts.document_personal_data(
            counts, sorted(topics), config.identifiers == "pseudonymise"
        )
