"""The SSRF guard: the one normalisation of a URL into the host that is checked and connected
to, the address policy, and a resolver that enforces it."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import unicodedata
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.helpers import is_ip_address
from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host name -> the addresses it resolves to (strings); tests stub it.
Lookup = Callable[[str], Awaitable[Sequence[str]]]

# Longest URL read (links typed by agents, search results, redirect targets).
MAX_URL_CHARS = 2048

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Not routable on the Internet, but not (yet) in this Python's tables as such.
_NOT_GLOBAL = (
    ipaddress.ip_network("192.0.0.0/24"),  # IETF protocol assignments
    ipaddress.ip_network("fec0::/10"),  # deprecated site-local
    ipaddress.ip_network("3fff::/20"),  # documentation (RFC 9637)
    ipaddress.ip_network("5f00::/16"),  # SRv6 SIDs (RFC 9602)
)
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
_LOOPBACK = ipaddress.ip_address("127.0.0.1")

# Control characters: yarl and urllib drop tabs and line breaks silently, anywhere. (A space
# in a path is percent-encoded; in a host it fails the label check.)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
# The label separators IDNA (UTS 46 and IDNA 2003) maps to ".".
_DOTS = re.compile("[.\u3002\uff0e\uff61]")
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
# A last label a browser or inet_aton reads as a number: the host is then an IPv4 address.
_NUMERIC = re.compile(r"[0-9]+|0x[0-9a-f]*")
_PORT = re.compile(r"[0-9]{0,5}")


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
    if not ip.is_global or any(ip in network for network in _NOT_GLOBAL):
        return "reserved"
    return None


@lru_cache(maxsize=1024)
def domain_suffix(suffix: str) -> str:
    """A configured domain as hosts are compared: encoded like a URL's host (IDNA, NFKC), so
    "Bücher.de" or "ＥＸＡＭＰＬＥ.fr" in the configuration match what is connected to."""
    text = suffix.strip().strip(".")
    if not text:
        return ""
    try:
        encoded = URL.build(scheme="http", host=text).raw_host or ""
    except (ValueError, UnicodeError):
        return text.lower()
    return encoded.rstrip(".")


def host_matches(host: str, suffixes: Sequence[str]) -> bool:
    """`www.service-public.gouv.fr` matches "gouv.fr" and "service-public.gouv.fr"."""
    host = host.rstrip(".").lower()
    for suffix in suffixes:
        suffix = domain_suffix(suffix)
        if suffix and (host == suffix or host.endswith("." + suffix)):
            return True
    return False


@dataclass(frozen=True)
class Target:
    """A URL as the HTTP client will use it, and the host that was checked."""

    url: URL  # hand this object to aiohttp: its `raw_host` is `host`
    scheme: str
    host: str  # ASCII, lower case: no brackets, trailing dot or zone; IDNs as xn-- labels
    port: int
    ip: IPAddress | None  # an address literal: aiohttp connects to it without resolving


def canonical_host(written: str, encoded: str) -> tuple[str, IPAddress | None]:
    """The host to check and connect to, from the host as written in the URL and as yarl
    encoded it (IDNA, UTS 46, NFKC); BadUrl unless both plainly say the same thing.

    A label written in Unicode must become a real IDN label (xn--), never an ASCII word or
    number in disguise (fullwidth, circled, mathematical digits...), and an address must be
    written in its one canonical ASCII form: `１２７.０.０.１`, `127。0。0。1`, `0x7f.1`,
    `2130706433` or `127.0.0.1.` are refused, never read as 127.0.0.1.
    """
    if not written or not encoded:
        raise BadUrl("no host")
    if not encoded.isascii():
        raise BadUrl("ambiguous")
    if ":" in encoded or ":" in written:
        if "%" in encoded or "%" in written:
            raise BadUrl("zone")  # an interface-scoped address (link-local)
        if not written.isascii():
            raise BadUrl("ambiguous")
        try:
            ip6 = ipaddress.IPv6Address(encoded)
            same = ipaddress.IPv6Address(written) == ip6
        except ValueError as exc:
            raise BadUrl("malformed") from exc
        if not same or ip6.compressed != encoded:
            raise BadUrl("ambiguous")
        return encoded, ip6
    name = encoded[:-1] if encoded.endswith(".") else encoded
    typed = written[:-1] if _DOTS.fullmatch(written[-1]) else written
    labels = name.split(".")
    typed_labels = _DOTS.split(typed)
    if len(labels) != len(typed_labels):
        raise BadUrl("ambiguous")  # a character became a dot (⒈ is "1.")
    if len(name) > 253:
        raise BadUrl("malformed")
    for label, typed_label in zip(labels, typed_labels, strict=True):
        if not _LABEL.fullmatch(label):
            raise BadUrl("malformed")
        if typed_label.isascii():
            if typed_label.lower() != label:
                raise BadUrl("ambiguous")
        elif not label.startswith("xn--") or unicodedata.normalize("NFKC", typed_label).isascii():
            raise BadUrl("ambiguous")
    if _NUMERIC.fullmatch(labels[-1]):
        # What browsers and inet_aton read as an IPv4 address: only the canonical form.
        if written != name:
            raise BadUrl("ambiguous")
        try:
            return name, ipaddress.IPv4Address(name)
        except ValueError as exc:
            raise BadUrl("ambiguous") from exc
    return name, None


def normalise(url: str) -> Target:
    """The one way a URL becomes something to fetch (typed links, search results, each redirect
    hop): parsed and normalised once, as aiohttp (yarl) does, and refused if anything is
    unclear. The request is built from the returned `url`, whose host is the checked `host`."""
    text = url.strip()
    if len(text) > MAX_URL_CHARS:
        raise BadUrl("too long")
    if _UNSAFE.search(text):
        raise BadUrl("malformed")  # yarl and urllib would drop some of them silently
    try:
        written = URL(text, encoded=True)  # split only: the authority as written
        parsed = URL(text)  # what aiohttp makes of the string
        scheme = parsed.scheme
        authority = written.raw_authority
        written_host = written.raw_host or ""
        encoded_host = parsed.raw_host or ""
        port = parsed.port
    except (ValueError, UnicodeError) as exc:
        raise BadUrl("malformed") from exc
    if scheme not in ("http", "https"):
        raise BadUrl("scheme")
    if "@" in authority:
        raise BadUrl("credentials")
    if "[" in authority and ":" not in encoded_host:
        raise BadUrl("malformed")  # [v1.name]: an "IPvFuture" literal yarl reads as a name
    host, ip = canonical_host(written_host, encoded_host)
    after_host = authority.rpartition("]")[2] if "[" in authority else authority
    if not _PORT.fullmatch(after_host.partition(":")[2]) or not port:
        raise BadUrl("port")  # int() reads fullwidth digits too
    try:
        final = parsed.with_host(host).with_fragment(None)
        again = URL(str(final))
    except (ValueError, UnicodeError) as exc:
        raise BadUrl("malformed") from exc
    # The host aiohttp connects to (`raw_host`), and resolves only when it is not an address,
    # must be the checked one, and stay so if the URL is turned into text and parsed again.
    if (
        final.raw_host != host
        or again.raw_host != host
        or again.port != port
        or is_ip_address(host) != (ip is not None)
    ):
        raise BadUrl("ambiguous")
    return Target(final, scheme, host, port, ip)


parse_url = normalise  # the name older callers use


def redirect_target(current: Target, location: str) -> Target:
    """Where a redirect leads: joined to the current URL as the server wrote it, so the host
    is checked as written, then normalised like a link typed by the agent."""
    location = location.strip()
    if len(location) > MAX_URL_CHARS or _UNSAFE.search(location):
        raise BadUrl("malformed")
    try:
        joined = urljoin(str(current.url), location)
    except ValueError as exc:  # urllib refuses some hosts yarl would read ([::ffff:１２７.0.0.1])
        raise BadUrl("malformed") from exc
    return normalise(joined)


def connectable(host: str) -> IPAddress | None:
    """Re-check a host aiohttp is about to resolve or connect to: it must be a host `normalise`
    returns (BlockedAddress otherwise); its address when it is a literal."""
    try:
        canonical, ip = canonical_host(host, host)
    except BadUrl as exc:
        raise BlockedAddress(host, "ambiguous") from exc
    if canonical != host:
        raise BlockedAddress(host, "ambiguous")
    return ip


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

    def check(self, host: str, ip: IPAddress | None) -> None:
        """Refuse what the host alone shows, without the network: a forbidden address literal,
        or a localhost name (RFC 6761: loopback, whatever a resolver answers)."""
        if ip is None and (host == "localhost" or host.endswith(".localhost")):
            ip = _LOOPBACK
        if ip is not None:
            category = self.refusal(host, ip)
            if category is not None:
                raise BlockedAddress(host, category)


async def system_lookup(host: str) -> list[str]:
    """The system resolver, off the event loop (through the loop's executor)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def _result(host: str, ip: IPAddress, port: int) -> ResolveResult:
    return {
        "hostname": host,
        "host": str(ip),
        "port": port,
        "family": socket.AF_INET6 if ip.version == 6 else socket.AF_INET,
        "proto": 0,
        "flags": socket.AI_NUMERICHOST,
    }


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
        literal = connectable(host)
        self.policy.check(host, literal)
        if literal is not None:  # aiohttp never asks for these; a literal is not looked up
            results = [_result(host, literal, port)]
        else:
            results = await self._resolve_name(host, port)
        self.cleared.extend(r["host"] for r in results)
        return results

    async def _resolve_name(self, name: str, port: int) -> list[ResolveResult]:
        try:
            raw = await self._lookup()(name)
        except OSError:
            raise
        except Exception as exc:  # a stub or resolver failing in another way
            raise OSError(f"cannot resolve {name}") from exc
        results: list[ResolveResult] = []
        for text in dict.fromkeys(raw):
            try:
                ip = ipaddress.ip_address(str(text).split("%", 1)[0])
            except ValueError as exc:
                raise OSError(f"not an address for {name}") from exc
            category = self.policy.refusal(name, ip)
            if category is not None:
                # One forbidden answer refuses the host: a name must not straddle the fence.
                raise BlockedAddress(name, category)
            results.append(_result(name, ip, port))
        if not results:
            raise OSError(f"no address for {name}")
        return results

    async def close(self) -> None:
        return None
