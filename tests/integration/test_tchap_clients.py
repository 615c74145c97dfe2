"""What Tchap's own clients and servers send the bot, on a real Synapse: replies with the legacy
fallback, Tchap pills, read receipts, an account expired by the account-validity module.

Replies are built as Tchap web builds them (matrix-react-sdk's utils/Reply.ts,
`getNestedReplyText` and `addReplyToMessageContent` with the legacy fallback; Tchap's
permalinks from tchap-web-v4's TchapPermalinkConstructor: `https://tchap.gouv.fr/#/@user`,
`https://tchap.gouv.fr/#/!room/$event?via=server`).
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
from collections.abc import AsyncIterator, Iterator
from html import escape
from pathlib import Path
from typing import Any

import nio
import pytest

from bot.account_validity import EXPIRED_ACCOUNT, MARKER_FILE, request_renewal_once
from bot.app import BotApp, Config
from bot.events import AccountUnusable
from bot.matrix import refusal_message
from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer, start_synapse
from handlers.conversations import texts as conversations_texts
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_access import APPROVAL_REQUIRED, open_dm_then, support_room
from tests.integration.test_bot import ask, open_dm

TCHAP = "https://tchap.gouv.fr"


def tchap_reply(room_id: str, replied: SeenMessage, text: str, html: str) -> tuple[str, str]:
    """(body, formatted_body) of a reply to `replied`, as Tchap web sends it."""
    sender = replied.sender
    lines = replied.body.strip().split("\n")
    lines[0] = f"<{sender}> {lines[0]}"
    body = "\n".join(f"> {line}" for line in lines) + "\n\n" + text
    quoted = replied.formatted_body
    if quoted is None:
        quoted = escape(replied.body).replace("\n", "<br/>")
    server = sender.split(":", 1)[1]
    event_link = f"{TCHAP}/#/{room_id}/{replied.event_id}?via={server}"
    fallback = (
        f'<mx-reply><blockquote><a href="{event_link}">In reply to</a> '
        f'<a href="{TCHAP}/#/{sender}">{sender}</a><br>{quoted}</blockquote></mx-reply>'
    )
    return body, fallback + html


async def send_tchap_reply(
    agent: AgentClient, room: str, replied: SeenMessage, text: str, html: str | None = None
) -> str:
    body, formatted = tchap_reply(room, replied, text, html or escape(text))
    return await agent.send_text(
        room,
        body,
        html=formatted,
        mentions=[replied.sender],  # Element mentions the replied-to sender
        relates_to={"m.in_reply_to": {"event_id": replied.event_id}},
    )


def request_text(request: dict[str, Any]) -> str:
    return "\n".join(str(m["content"]) for m in request["messages"])


def user_turns(request: dict[str, Any]) -> list[str]:
    return [str(m["content"]) for m in request["messages"] if m["role"] == "user"]


def receipts_of(agent: AgentClient) -> list[tuple[str, str, str]]:
    """(room, event, user) of each m.read receipt the agent's sync brings."""
    seen: list[tuple[str, str, str]] = []

    async def on_receipt(room: Any, event: Any) -> None:
        for receipt in event.receipts:
            if receipt.receipt_type == "m.read":
                seen.append((room.room_id, receipt.event_id, receipt.user_id))

    agent.client.add_ephemeral_callback(on_receipt, nio.ReceiptEvent)
    return seen


async def test_a_tchap_reply_reaches_the_model_once_and_the_message_is_marked_read(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    receipts = receipts_of(agent)
    room = await open_dm(agent, bot)
    first = "La date limite de dépôt est le **31 décembre**.\n\nBonne journée."
    fake_llm.enqueue(Reply(text=first))
    after = len(agent.messages(room))
    question = await agent.send_text(room, "Quelle est la date limite ?")
    answer = await agent.wait_for_message(room, predicate=lambda m: m.body == first, after=after)
    assert answer.formatted_body is not None and "<strong>" in answer.formatted_body
    # The bot read the question: its m.read receipt comes through the agent's sync.
    await agent.wait_until(lambda: (room, question, bot.user_id) in receipts)

    # A reply to that answer, in the same conversation: the answer is in the history already,
    # the fallback's copy is gone, and nothing quotes it again.
    fake_llm.enqueue(Reply(text="Oui, le 31 décembre à minuit."))
    after = len(agent.messages(room))
    await send_tchap_reply(agent, room, answer, "Même pour les agents en télétravail ?")
    await agent.wait_for_message(
        room, predicate=lambda m: m.body == "Oui, le 31 décembre à minuit.", after=after
    )
    request = fake_llm.chat_requests()[-1]
    assert request_text(request).count("La date limite de dépôt est le") == 1
    assert user_turns(request)[-1] == "Même pour les agents en télétravail ?"

    # In a new conversation the answer is quoted once, from the bot's own store.
    await ask(agent, room, "!nouveau", conversations_texts.NEW_CONVERSATION)
    fake_llm.enqueue(Reply(text="Je confirme."))
    after = len(agent.messages(room))
    await send_tchap_reply(agent, room, answer, "Tu confirmes ?")
    await agent.wait_for_message(room, predicate=lambda m: m.body == "Je confirme.", after=after)
    request = fake_llm.chat_requests()[-1]
    assert request_text(request).count("La date limite de dépôt est le") == 1
    [turn] = user_turns(request)
    assert turn.endswith("\n\nTu confirmes ?") and f"<{bot.user_id}>" not in turn

    # The stored history holds what the agent wrote, without the fallback.
    fake_llm.enqueue(Reply(text="Suite."))
    await ask(agent, room, "Et ensuite ?", "Suite.")
    assert user_turns(fake_llm.chat_requests()[-1]) == ["Tu confirmes ?", "Et ensuite ?"]


async def test_staff_reply_with_a_tchap_pill_is_obeyed_in_the_support_room(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, _member, support, bot = await support_room(
        make_agent, make_bot, access=APPROVAL_REQUIRED
    )
    agent = await make_agent("agent")
    dm = await open_dm_then(agent, bot, "demande d'accès est enregistrée")
    notice = await staff.wait_for_text(support, "Nouvelle demande d'accès")
    # Replying to the bot's notice, naming the agent with a Tchap pill (its display name in the
    # body, Tchap's permalink in the link).
    pill = f'<a href="{TCHAP}/#/{agent.user_id}">Agent</a>'
    after = len(staff.messages(support))
    await send_tchap_reply(staff, support, notice, "!approve Agent", f"!approve {pill}")
    await staff.wait_for_message(
        support, predicate=lambda m: "accès validé" in m.body, after=after
    )
    await agent.wait_for_text(dm, "Votre accès à l'Assistant IA est validé")


# An expired account ---------------------------------------------------------------------------

MODULE = Path(__file__).with_name("synapse_account_validity.py")


@pytest.fixture
def validity_synapse(tmp_path: Path) -> Iterator[SynapseServer]:
    """A Synapse of its own, with the stand-in for Tchap's account-validity module."""
    workdir = tmp_path / "synapse"
    workdir.mkdir()
    shutil.copy(MODULE, workdir)  # Synapse's folder is on its path
    module = {"module": "synapse_account_validity.FakeEmailAccountValidity", "config": {}}
    with start_synapse(workdir, extra_config={"modules": [module]}) as server:
        yield server


@pytest.fixture
async def agents() -> AsyncIterator[list[AgentClient]]:
    started: list[AgentClient] = []
    yield started
    await asyncio.gather(*(agent.close() for agent in started))


def bot_config(server: SynapseServer, fake_llm: FakeLLM, folder: Path, **sections: Any) -> Config:
    user = server.register(f"assistant-{secrets.token_hex(4)}")
    data: dict[str, Any] = {
        "matrix": {
            "homeserver": server.base_url,
            "user_id": user.user_id,
            "password": user.password,
            "store_dir": str(folder / "matrix"),
            "sync_timeout_ms": 2000,
        },
        "llm": {"base_url": fake_llm.base_url, "api_key": "test", "retry_backoff": 0},
        "storage": {"database": str(folder / "assistant.sqlite3")},
        "access": {"auto_approve_homeservers": [server.server_name], "terms_version": ""},
        "ops": {"http_port": 0},
        **sections,
    }
    return Config.model_validate(data)


async def test_an_expired_account_asks_for_its_renewal_email_once_and_tells_support_when_renewed(
    validity_synapse: SynapseServer,
    fake_llm: FakeLLM,
    agents: list[AgentClient],
    tmp_path: Path,
) -> None:
    server = validity_synapse
    admin = await asyncio.to_thread(server.register, f"admin-{secrets.token_hex(4)}", admin=True)

    def validity(method: str, body: dict[str, Any] | None = None, query: str = "") -> Any:
        path = "/_synapse/client/email_account_validity/admin" + query
        return server.request(method, path, body, access_token=admin.access_token)

    staff_user = await asyncio.to_thread(server.register, f"staff-{secrets.token_hex(4)}")
    staff = await AgentClient.login(
        server.base_url, staff_user.user_id, staff_user.password, tmp_path / "staff"
    )
    agents.append(staff)
    await staff.start()
    support = await staff.create_group([], name="Support et retours")
    config = await asyncio.to_thread(
        bot_config,
        server,
        fake_llm,
        tmp_path / "bot",
        support={"room": support, "admins": [staff.user_id]},
    )
    bot = BotHandle(config)
    await staff.client.room_invite(support, bot.user_id)
    app = await bot.start()
    await staff.wait_member(support, bot.user_id)

    # The module expires the account: the next sync is refused and the bot stops.
    await asyncio.to_thread(validity, "POST", {"user_id": bot.user_id, "expired": True})
    with pytest.raises(AccountUnusable) as refused:
        await asyncio.wait_for(app.wait(), 60)
    assert refused.value.errcode == EXPIRED_ACCOUNT
    await bot.stop()
    renewal = await request_renewal_once(config.matrix, refused.value)
    assert renewal is not None and renewal.startswith("renewal e-mail requested")
    query = f"?user_id={bot.user_id}"
    assert (await asyncio.to_thread(validity, "GET", None, query))["mails"] == 1
    assert refusal_message(config.matrix, refused.value, renewal).endswith(
        "account expired (ORG_MATRIX_EXPIRED_ACCOUNT); renewal e-mail requested (sent to the "
        "account's e-mail address): open its link, then restart"
    )

    # Restarted while still expired (a restart loop): refused at start, no second e-mail.
    with pytest.raises(AccountUnusable) as again:
        async with BotApp(config):
            pass
    renewal = await request_renewal_once(config.matrix, again.value)
    assert renewal is not None and renewal.startswith("renewal e-mail already requested at")
    assert (await asyncio.to_thread(validity, "GET", None, query))["mails"] == 1

    # Renewed: the next start tells the support room, once.
    await asyncio.to_thread(validity, "POST", {"user_id": bot.user_id, "expired": False})
    await bot.start()
    notice = await staff.wait_for_text(support, "avait expiré")
    assert notice.sender == bot.user_id and "renouvelé" in notice.body
    assert not (config.matrix.store_dir / MARKER_FILE).exists()
    await bot.stop()
