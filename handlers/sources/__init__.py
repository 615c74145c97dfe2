"""Official sources: questions answered from Albert's public collections (service-public.fr
fiches…), searched through its RAG service, with numbered sources."""

from __future__ import annotations

import logging

from bot.config import is_loopback
from bot.context import Core, Services
from bot.feature import Feature
from handlers.sources.client import RagClient, RagError
from handlers.sources.config import SourcesConfig
from handlers.sources.router import Sources, router
from storage.sources import SourcesRepository

log = logging.getLogger(__name__)


def make_client(core: Core, config: SourcesConfig) -> RagClient | None:
    """The RAG client, on the model server's address and key unless the section names its own;
    None while no collection is configured."""
    if not config.enabled:
        return None
    llm = core.config.llm
    key = config.api_key.get_secret_value() or llm.api_key.get_secret_value()
    return RagClient(config.base_url or llm.base_url, key, timeout=config.timeout)


def setup(core: Core, config: SourcesConfig) -> Feature:
    client = make_client(core, config)
    sources = Sources(config, client, SourcesRepository(core.db))

    async def synced(services: Services) -> None:
        """Say in the log which configured collections the service lists (a wrong id would
        otherwise only show as failed searches)."""
        if client is None:
            return
        try:
            listed = {c.id: c for c in await client.public_collections()}
        except RagError as exc:
            log.warning("RAG service %s not reachable at start: %s", client.base_url, exc)
            return
        for collection_id in config.collections:
            found = listed.get(collection_id)
            if found is None:
                log.warning(
                    "sources.collections: %d is not a public collection of %s (searches fail "
                    "unless it is one of this key's own)",
                    collection_id,
                    client.base_url,
                )
            else:
                log.info("official sources: collection %d %r", found.id, found.name)

    return Feature(
        "sources",
        router,
        part=sources,
        synced=synced if client is not None else None,
        close=client.close if client is not None else None,
    )


def check(config: SourcesConfig, llm_base_url: str, llm_key: str) -> list[str]:
    """What `check-config` says beyond the schema: a remote RAG service needs a key."""
    if not config.enabled:
        return []
    base = config.base_url or llm_base_url
    if not (config.api_key.get_secret_value() or llm_key) and not is_loopback(base):
        return [
            f"sources.collections is set but no API key reaches the RAG service {base}: put "
            "Albert's key in ASSISTANT__SOURCES__API_KEY (or llm.api_key)"
        ]
    return []
