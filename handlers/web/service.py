"""The web service handlers use: the fetcher and the configured search provider."""

from __future__ import annotations

import time
from collections.abc import Callable

from handlers.web.config import WebConfig
from handlers.web.fetch import Fetcher
from handlers.web.search import SearchProvider, make_provider


class WebService:
    """Created with the other services (no I/O); HTTP sessions open on first use."""

    def __init__(self, config: WebConfig, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.fetcher = Fetcher(config, clock=clock)
        self.provider: SearchProvider | None = make_provider(config)

    async def close(self) -> None:
        await self.fetcher.close()
        if self.provider is not None:
            await self.provider.close()
