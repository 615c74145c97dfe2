"""Unit tests: Tchap ID parsing, pills in commands, the fair queue's order, quota days."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.llm_queue import FairQueue, QueueFull
from bot.tchap_ids import match_domain, parse_tchap_id, pills_to_text, user_ids_in
from handlers.access.quotas import day_start

DOMAINS = ["dev-durable.gouv.fr", "gouv.fr", "interieur.gouv.fr", "beta.gouv.fr", "ac-lyon.fr"]


@pytest.mark.parametrize(
    ("user_id", "homeserver", "domain", "external"),
    [
        (
            "@jean-philippe.martin-dev-durable.gouv.fr:agent.dev-durable.tchap.gouv.fr",
            "agent.dev-durable.tchap.gouv.fr",
            "dev-durable.gouv.fr",
            False,
        ),
        # Collision digits after the domain are ignored.
        (
            "@marie.durand-interieur.gouv.fr2:agent.interieur.tchap.gouv.fr",
            "agent.interieur.tchap.gouv.fr",
            "interieur.gouv.fr",
            False,
        ),
        (
            "@a.b-interieur.gouv.fr12:agent.interieur.tchap.gouv.fr",
            "agent.interieur.tchap.gouv.fr",
            "interieur.gouv.fr",
            False,
        ),
        # Upper case in the ID or the homeserver.
        (
            "@Paul.Roux-BETA.GOUV.FR:Agent.DINUM.tchap.gouv.fr",
            "agent.dinum.tchap.gouv.fr",
            "beta.gouv.fr",
            False,
        ),
        # A dash inside the domain, and one in the name.
        ("@anne-sophie.petit-ac-lyon.fr:agent.education.tchap.gouv.fr", None, "ac-lyon.fr", False),
        # Unknown domain: none guessed.
        ("@jean.dupont-mairie-exemple.fr:agent.collectivites.tchap.gouv.fr", None, None, False),
        # Externals.
        (
            "@prestataire-societe.com:agent.externe.tchap.gouv.fr",
            "agent.externe.tchap.gouv.fr",
            None,
            True,
        ),
        # The bare domain is not a localpart with a name before it.
        ("@gouv.fr:agent.tchap.gouv.fr", "agent.tchap.gouv.fr", None, False),
    ],
)
def test_parse_tchap_id(
    user_id: str, homeserver: str | None, domain: str | None, external: bool
) -> None:
    parsed = parse_tchap_id(user_id, DOMAINS)
    if homeserver is not None:
        assert parsed.homeserver == homeserver
    assert parsed.domain == domain
    assert parsed.external is external


def test_longest_domain_wins_and_no_partial_word_match() -> None:
    assert match_domain("x.y-dev-durable.gouv.fr", ["gouv.fr", "dev-durable.gouv.fr"]) == (
        "dev-durable.gouv.fr"
    )
    # "xbeta.gouv.fr" is not "beta.gouv.fr": the separator dash is required.
    assert match_domain("jean-xbeta.gouv.fr", ["beta.gouv.fr"]) is None


def test_user_ids_and_pills() -> None:
    html = (
        '!approve <a href="https://matrix.to/#/@a-x.fr:hs.example">Anne</a> et '
        '<a href="https://matrix.to/#/%40b-y.fr%3Ahs.example">Bob B.</a> @c-z.fr:hs.example'
    )
    text = pills_to_text(html)
    assert "Anne" not in text and "Bob" not in text
    assert user_ids_in(text) == ["@a-x.fr:hs.example", "@b-y.fr:hs.example", "@c-z.fr:hs.example"]
    assert user_ids_in("!deny @u:localhost:8448 motif @u:localhost:8448") == ["@u:localhost:8448"]


def test_day_start_in_paris_across_dst() -> None:
    start, reset = day_start(datetime(2026, 3, 28, 23, 30, tzinfo=UTC))  # Paris: 29/03 00:30
    assert start.day == 29 and start.hour == 0
    assert reset.day == 30 and reset.hour == 0
    assert (
        reset.astimezone(UTC) - start.astimezone(UTC)
    ).total_seconds() == 23 * 3600  # the short day


async def test_fair_queue_round_robin_positions_and_bound() -> None:
    queue = FairQueue(capacity=1, bound=4)
    served: list[str] = []
    positions: dict[str, list[int]] = {}
    release = asyncio.Event()

    async def request(name: str) -> None:
        user = name[0]

        async def seen(position: int) -> None:
            positions.setdefault(name, []).append(position)

        async with queue.slot(user, seen):
            served.append(name)
            if name == "a1":
                await release.wait()
            for _ in range(5):  # let the waiters see their new positions
                await asyncio.sleep(0)

    first = asyncio.create_task(request("a1"))
    await asyncio.sleep(0)
    tasks = [asyncio.create_task(request(n)) for n in ("a2", "a3", "b1", "c1")]
    for _ in range(5):
        await asyncio.sleep(0)
    with pytest.raises(QueueFull):
        await queue.acquire("d")
    release.set()
    await asyncio.gather(first, *tasks)
    # One request of each user per round: a heavy user cannot starve b and c.
    assert served == ["a1", "a2", "b1", "c1", "a3"]
    assert positions["c1"] == [3, 2, 1]
    assert positions["b1"][-1] == 1
    assert queue.active == 0 and queue.waiting == 0


async def test_cancelled_waiter_leaves_the_queue() -> None:
    queue = FairQueue(capacity=1, bound=10)
    await queue.acquire("a")
    waiting = asyncio.create_task(queue.acquire("b"))
    await asyncio.sleep(0)
    assert queue.waiting == 1
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert queue.waiting == 0
    queue.release()
    assert queue.active == 0
