"""Access: newcomers registered with a status, the support room's decisions (!approve, !deny…),
the terms gate, quotas (the quota policy of the answer pipeline) and usage accounting."""

from __future__ import annotations

from bot.context import Core
from bot.feature import Feature
from handlers.access.config import AccessConfig
from handlers.access.policy import Access, release_interrupted_approvals
from handlers.access.quotas import Quota
from handlers.access.router import router
from storage.access import AccessRepository
from storage.privacy import PrivacyRepository


def setup(core: Core, config: AccessConfig) -> Feature:
    part = Access(config, AccessRepository(core.db), PrivacyRepository(core.db))
    return Feature(
        "access", router, part=part, quota=Quota(), synced=release_interrupted_approvals
    )
