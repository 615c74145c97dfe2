"""Web lookups: links in messages are read, !web searches and cites its sources, !sources.
Every address is checked by the SSRF guard before any connection."""

from __future__ import annotations

from bot.context import Core, Services
from bot.feature import Feature
from handlers.web.config import WebConfig
from handlers.web.router import Web, router
from handlers.web.service import WebService
from storage.web import WebRepository


def setup(core: Core, config: WebConfig) -> Feature:
    web = Web(config, WebService(config), WebRepository(core.db))

    async def start(services: Services) -> None:
        # PDFs behind links are read by the attachments feature's reader, when it is there.
        web.service.fetcher.pdf_extractor = services.extensions.read_pdf

    return Feature("web", router, part=web, start=start, close=web.service.close)
