"""Privacy: the personal-data guard in front of the model (provided to the answer pipeline),
the agents' rights (!confidentialite, !mes-donnees, !oublier, !envoyer-quand-meme), the staff's
pseudonymised export, and the retention of conversations."""

from __future__ import annotations

import threading

from bot.context import Core, Services
from bot.feature import Feature
from handlers.privacy.config import PrivacyConfig
from storage.privacy import PrivacyRepository


def setup(core: Core, config: PrivacyConfig) -> Feature:
    # The detector's patterns take a third of a second of CPU to compile: loaded by the set-up
    # of a running bot, not by importing the package (`check-config`, the other features).
    from handlers.privacy.guard import Guard, Privacy
    from handlers.privacy.pii import PiiDetector, load_ner
    from handlers.privacy.retention import retention_job
    from handlers.privacy.router import router

    privacy = Privacy(config, PrivacyRepository(core.db), PiiDetector(ner=config.ner))

    async def warm_up(services: Services) -> None:
        if config.ner != "off":
            # spaCy's French model takes seconds to load (CPU-bound): started now, while the bot
            # syncs. A daemon thread never delays the exit.
            threading.Thread(target=load_ner, name="spacy-warmup", daemon=True).start()

    job = retention_job(privacy)
    return Feature(
        "privacy",
        router,
        part=privacy,
        guard=Guard(privacy),
        jobs=[job] if job else [],
        start=warm_up,
    )
