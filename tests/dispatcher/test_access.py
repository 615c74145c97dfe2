"""Access decisions at dispatcher level: who a command names, and approvals that stopped midway."""

from __future__ import annotations

from handlers.access import texts
from handlers.access.policy import release_interrupted_approvals
from storage.users import UserStatus
from tests.harness import ALICE, BOB, Harness

JEAN = "@jean-culture.gouv.fr:agent.culture.tchap.gouv.fr"
PAUL = "@paul-culture.gouv.fr:agent.culture.tchap.gouv.fr"


async def staff(h: Harness, command: str) -> str:
    before = len(h.matrix.in_room("!support"))
    await h.send(command, room="!support", sender=BOB, members=5)
    await h.settle()
    replies = h.replies("!support")
    assert len(replies) > before
    return replies[-1]


async def hold_a_question(h: Harness, user: str, room: str) -> None:
    await h.send("Bonjour, une question", room=room, sender=user)
    await h.settle()
    user_row = await h.services.users.get(user)
    assert user_row is not None and user_row.status == UserStatus.PENDING
    assert h.llm.chat_requests() == []


async def test_only_the_ids_written_first_are_targets(harness: Harness) -> None:
    await harness.services.rooms.upsert("!support", "support", None)
    await hold_a_question(harness, JEAN, "!dm-jean")
    await harness.send("Bonjour")  # Alice is approved at once (her domain)
    await harness.settle()
    report = await staff(harness, f"!revoke {ALICE} motif : signalé par {JEAN}")
    assert ALICE in report and JEAN not in report
    alice = await harness.services.users.get(ALICE)
    jean = await harness.services.users.get(JEAN)
    assert alice is not None and alice.status == UserStatus.REVOKED
    assert jean is not None and jean.status == UserStatus.PENDING  # named in the reason only
    # An id without its server is not silently dropped: nothing is decided.
    report = await staff(harness, f"!approve {JEAN} @paul")
    assert report == texts.not_a_user_id("@paul")
    jean = await harness.services.users.get(JEAN)
    assert jean is not None and jean.status == UserStatus.PENDING


async def test_an_approval_interrupted_before_the_release_is_completed(harness: Harness) -> None:
    await harness.services.rooms.upsert("!support", "support", None)
    await hold_a_question(harness, JEAN, "!dm-jean")
    await hold_a_question(harness, PAUL, "!dm-paul")
    # The bot stopped right after the status changed, before the held messages were released.
    await harness.services.users.set_status(JEAN, UserStatus.APPROVED)
    await harness.services.users.set_status(PAUL, UserStatus.APPROVED)
    # Asking again releases them…
    report = await staff(harness, f"!approve {JEAN}")
    assert texts.ADMIN_OUTCOMES["already"] in report
    await harness.settle()
    asked = [r["messages"][-1]["content"] for r in harness.llm.chat_requests()]
    assert asked == ["Bonjour, une question"]
    # …and so does the next start, for those nobody asked about again.
    await release_interrupted_approvals(harness.services)
    await harness.settle()
    assert len(harness.llm.chat_requests()) == 2
    for room in ("!dm-jean", "!dm-paul"):
        assert "Bonjour, une question" in harness.replies(room)[-1]
