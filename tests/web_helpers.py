"""Shared by the web tests: a tripwire on outgoing connections, a stub resolver, the local site."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import pytest

from devtools.web_pages import WebPages

# Names the stub resolves; nothing else is ever looked up (no real DNS query leaves).
STUB_DNS = {
    "pages.test": ["127.0.0.1"],
    "loopback.test": ["127.0.0.1"],
    "localhost": ["127.0.0.1", "::1"],
    "internal.test": ["10.0.0.6"],
    "metadata.test": ["169.254.169.254"],
    "mixed.test": ["127.0.0.1", "10.0.0.7"],
}


class StubLookup:
    def __init__(self, table: dict[str, list[str]] | None = None) -> None:
        self.table = STUB_DNS if table is None else table
        self.calls: list[str] = []

    async def __call__(self, host: str) -> Sequence[str]:
        self.calls.append(host)
        if host not in self.table:
            raise OSError(f"stub resolver: unknown host {host}")
        return self.table[host]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Belt and braces under the guard: any attempt to open a socket to a non-loopback
    address fails in the test process before the socket connects, so even a broken guard
    cannot send a packet off this machine."""
    refused: list[Any] = []
    original = asyncio.selector_events.BaseSelectorEventLoop.sock_connect

    async def sock_connect(self: Any, sock: Any, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if not ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback:
            refused.append(address)
            raise AssertionError(f"tripwire: connection to {address} refused in tests")
        await original(self, sock, address)

    monkeypatch.setattr(
        asyncio.selector_events.BaseSelectorEventLoop, "sock_connect", sock_connect
    )
    yield refused
    assert not refused, f"a test tried to connect off the machine: {refused}"


@pytest.fixture
async def pages() -> AsyncIterator[WebPages]:
    site = WebPages(slow_seconds=1.5)
    await site.start()
    yield site
    await site.stop()
