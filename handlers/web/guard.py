"""The SSRF guard: which URLs and addresses the bot may fetch, and a resolver that enforces it."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host name -> the addresses it resolves to (strings); tests stub it.
Lookup = Callable[[str], Awaitable[Sequence[str]]]

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_METADATA = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, Scaleway...
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    }
)
# Refused even for intranet hosts the operator allowed.
ALWAYS_REFUSED = frozenset({"metadata", "unspecified", "multicast"})


class BlockedAddress(Exception):
    """The URL leads to an address the bot must not reach; nothing was sent to it."""

    def __init__(self, host: str, category: str) -> None:
        super().__init__(f"{host}: {category} address refused")
        self.host = host
        self.category = category


class BadUrl(Exception):
    """Not an http(s) URL the bot can fetch."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, 6to4, NAT64), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    packed = int(ip)
    if packed >> 32 == 0 and packed > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(packed)
    return None


def classify(ip: IPAddress) -> str | None:
    """Why this address is refused ("loopback", "private"...), or None for a public address."""
    inner = embedded_ipv4(ip)
    if inner is not None:
        return classify(inner)
    if ip in _METADATA:
        return "metadata"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return "shared"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "reserved"
    return None


def host_matches(host: str, suffixes: Sequence[str]) -> bool:
    """`www.service-public.gouv.fr` matches "gouv.fr" and "service-public.gouv.fr"."""
    host = host.rstrip(".").lower()
    for suffix in suffixes:
        suffix = suffix.strip(".").lower()
        if suffix and (host == suffix or host.endswith("." + suffix)):
            return True
    return False


@dataclass(frozen=True)
class ParsedUrl:
    url: str
    scheme: str
    host: str  # lower case, no brackets, no trailing dot
    port: int
    ip: IPAddress | None  # set when the host is an address literal


def parse_url(url: str) -> ParsedUrl:
    """Check that `url` is an absolute http(s) URL with a host and without credentials."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise BadUrl("malformed") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadUrl("scheme")
    if parts.username is not None or parts.password is not None:
        raise BadUrl("credentials")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise BadUrl("no host")
    try:
        ip: IPAddress | None = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        ip = None
    return ParsedUrl(url.strip(), scheme, host, port or (443 if scheme == "https" else 80), ip)


@dataclass(frozen=True)
class AddressPolicy:
    allow_private: bool = False
    intranet_hosts: tuple[str, ...] = ()

    def refusal(self, host: str, ip: IPAddress) -> str | None:
        """The category that forbids connecting to `ip` for `host`, or None if allowed."""
        category = classify(ip)
        if category is None or self.allow_private:
            return None
        if category not in ALWAYS_REFUSED and host_matches(host, self.intranet_hosts):
            return None
        return category

    def check_literal(self, parsed: ParsedUrl) -> None:
        if parsed.ip is not None:
            category = self.refusal(parsed.host, parsed.ip)
            if category is not None:
                raise BlockedAddress(parsed.host, category)


async def system_lookup(host: str) -> list[str]:
    """The system resolver, off the event loop (through the loop's executor)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class GuardedResolver(AbstractResolver):
    """Resolves each host once, refuses it if any address is forbidden, and hands aiohttp only
    the checked addresses, so the connection goes where the check looked (no DNS rebinding)."""

    def __init__(
        self,
        policy: AddressPolicy,
        lookup: Callable[[], Lookup],
        cleared: deque[str] | None = None,
    ) -> None:
        self.policy = policy
        self._lookup = lookup  # read at each call so tests can swap it on a running bot
        # Every address handed to aiohttp to connect to (observed by tests).
        self.cleared: deque[str] = deque(maxlen=256) if cleared is None else cleared

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        name = host.rstrip(".").lower()
        try:
            raw = await self._lookup()(name)
        except OSError:
            raise
        except Exception as exc:  # a stub or resolver failing in another way
            raise OSError(f"cannot resolve {name}") from exc
        results: list[ResolveResult] = []
        for text in dict.fromkeys(raw):
            ip = ipaddress.ip_address(text.split("%", 1)[0])
            category = self.policy.refusal(name, ip)
            if category is not None:
                # One forbidden answer refuses the host: a name must not straddle the fence.
                raise BlockedAddress(name, category)
            results.append(
                {
                    "hostname": name,
                    "host": str(ip),
                    "port": port,
                    "family": socket.AF_INET6 if ip.version == 6 else socket.AF_INET,
                    "proto": 0,
                    "flags": socket.AI_NUMERICHOST,
                }
            )
        if not results:
            raise OSError(f"no address for {name}")
        self.cleared.extend(r["host"] for r in results)
        return results

    async def close(self) -> None:
        return None
