"""Templates: reusable requests written by the support team as TOML files (a note, a letter in
FALC, meeting minutes), listed with !gabarits and applied to an agent's next answer with
!gabarit; `!gabarits recharger` re-reads the folder. A bad file never stops the bot: staff are
told which file and why, and the others load."""

from __future__ import annotations

import logging

from bot.context import Core, Services
from bot.feature import Feature
from handlers.templates import texts
from handlers.templates.config import TemplatesConfig
from handlers.templates.router import Templates, router
from storage.templates import ArmedTemplateRepository

log = logging.getLogger(__name__)


def setup(core: Core, config: TemplatesConfig) -> Feature:
    part = Templates(config.dir, ArmedTemplateRepository(core.db))

    async def start(services: Services) -> None:
        await part.reload()

    async def synced(services: Services) -> None:
        # The files refused at start: the support room hears which and why, once the bot can
        # post there.
        room = services.support_room_id
        if not part.problems or not room:
            return
        text = texts.refused_at_start(len(part.loaded), part.problems)
        try:
            await services.matrix.send_text(room, text, notice=True)
        except Exception as exc:
            log.warning("cannot tell the support room about refused templates: %s", exc)

    return Feature("templates", router, part=part, start=start, synced=synced)
