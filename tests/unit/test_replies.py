"""Replies from Tchap clients (the legacy fallback), Tchap pills and `matrix:` URIs, the renewal
e-mail of an expired account: pure functions, and a loopback homeserver for the last one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.account_validity import (
    EXPIRED_ACCOUNT,
    MARKER_FILE,
    request_renewal_once,
    take_renewal,
)
from bot.config import MatrixConfig
from bot.events import AccountUnusable
from bot.matrix import message_text, refusal_message
from bot.replies import strip_html_fallback, strip_plain_fallback, strip_reply_fallback
from bot.tchap_ids import leading_user_ids, link_user_id, pills_to_text, user_ids_in

BOT = "@assistant:agent.dinum.tchap.gouv.fr"
AGENT = "@jean.dupont-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"

# As Tchap web sends a reply to a two-paragraph answer (matrix-react-sdk utils/Reply.ts).
TCHAP_BODY = (
    f"> <{BOT}> La date limite est le **31 décembre**.\n> \n> Bonne journée.\n\n"
    "Même en télétravail ?"
)
TCHAP_HTML = (
    '<mx-reply><blockquote><a href="https://tchap.gouv.fr/#/!r:agent.dinum.tchap.gouv.fr/$e'
    '?via=agent.dinum.tchap.gouv.fr">In reply to</a> '
    f'<a href="https://tchap.gouv.fr/#/{BOT}">{BOT}</a><br><p>La date limite est le '
    "<strong>31 décembre</strong>.</p><p>Bonne journée.</p></blockquote></mx-reply>"
    "Même en <em>télétravail</em> ?"
)


def reply(body: str, html: str | None = None, **relates: Any) -> dict[str, Any]:
    content: dict[str, Any] = {"msgtype": "m.text", "body": body}
    if html is not None:
        content["format"] = "org.matrix.custom.html"
        content["formatted_body"] = html
    content["m.relates_to"] = {"m.in_reply_to": {"event_id": "$e"}, **relates}
    return content


def test_a_tchap_web_reply_loses_both_fallbacks() -> None:
    assert message_text(reply(TCHAP_BODY, TCHAP_HTML)) == (
        "Même en télétravail ?",
        "Même en <em>télétravail</em> ?",
    )


def test_only_a_reply_is_stripped_and_a_typed_quote_stays() -> None:
    quote = "> un passage que je cite\n\nQu'en penses-tu ?"
    assert message_text({"msgtype": "m.text", "body": TCHAP_BODY}) == (TCHAP_BODY, None)
    # A reply whose own text starts with a quote: the fallback goes, the quote stays.
    assert message_text(reply(f"> <{BOT}> Réponse.\n\n{quote}")) == (quote, None)
    # A reply without fallback (newer clients) that starts with a quote keeps it.
    assert message_text(reply(quote)) == (quote, None)


def test_fallback_forms() -> None:
    # An emote, a file, a one-line reply, a fallback with nothing after it.
    assert strip_plain_fallback(f"> * <{BOT}> sourit\n\nmerci") == "merci"
    assert strip_plain_fallback(f"> <{BOT}> sent a file.\n\n!approve @a:b") == "!approve @a:b"
    assert strip_plain_fallback(f"> <{BOT}> a\n> b\nsuite") == "suite"
    assert strip_plain_fallback(f"> <{BOT}> a\n> b") == ""
    assert strip_plain_fallback("bonjour") == "bonjour"


def test_mx_reply_forms() -> None:
    assert strip_html_fallback("<MX-REPLY><b>x</b></mx-reply >ok") == "ok"
    assert strip_html_fallback("<mx-reply>a<mx-reply>b</mx-reply>c</mx-reply>ok") == "ok"
    assert strip_html_fallback("a</mx-reply>b") == "ab"
    assert strip_html_fallback("<mx-reply>never closed<p>text</p>") is None
    assert strip_html_fallback("<mx-replyx>kept</mx-replyx>") == "<mx-replyx>kept</mx-replyx>"
    assert strip_reply_fallback("a", None) == ("a", None)


def test_thread_messages_keep_their_text() -> None:
    # Element sends a thread message with an in_reply_to fallback but no fallback text.
    content = reply("> citée\nsuite", rel_type="m.thread", event_id="$root", is_falling_back=True)
    assert message_text(content) == ("> citée\nsuite", None)


@pytest.mark.parametrize(
    "link",
    [
        f"https://tchap.gouv.fr/#/{AGENT}",  # Tchap web today
        f"https://tchap.gouv.fr/#/user/{AGENT}",  # older Tchap web (Element's prefix form)
        f"https://matrix.to/#/{AGENT}",
        "https://matrix.to/#/%40jean.dupont-interieur.gouv.fr%3Aagent.interieur.tchap.gouv.fr",
        f"https://tchap.gouv.fr/#/{AGENT}?via=agent.interieur.tchap.gouv.fr",
        "matrix:u/jean.dupont-interieur.gouv.fr:agent.interieur.tchap.gouv.fr",
        "matrix:u/jean.dupont-interieur.gouv.fr%3Aagent.interieur.tchap.gouv.fr?action=chat",
        "MATRIX:U/jean.dupont-interieur.gouv.fr:agent.interieur.tchap.gouv.fr",
    ],
)
def test_links_to_a_user(link: str) -> None:
    assert link_user_id(link) == AGENT
    assert pills_to_text(f'!approve <a href="{link}">Jean Dupont</a> motif') == (
        f"!approve {AGENT} motif"
    )
    assert leading_user_ids(f"{link}, @b:c motif") == ([AGENT, "@b:c"], "motif")
    assert user_ids_in(f"voir {link} et @b:c") == [AGENT, "@b:c"]


@pytest.mark.parametrize(
    "link",
    [
        "https://tchap.gouv.fr/#/!room:agent.tchap.gouv.fr/$event",
        "https://tchap.gouv.fr/#/#alias:agent.tchap.gouv.fr",
        "https://tchap.gouv.fr/#/@not an id",
        "matrix:r/room:example.org",
        "https://matrix.to/#/@a:b/extra",
    ],
)
def test_links_that_are_not_users(link: str) -> None:
    assert link_user_id(link) is None


# The renewal e-mail ----------------------------------------------------------------------------


class Homeserver:
    """What Tchap's homeserver answers: the module's route (or only Synapse's legacy one)."""

    def __init__(self, *, module: bool, legacy_status: int = 200) -> None:
        self.module = module
        self.legacy_status = legacy_status
        self.calls: list[tuple[str, str]] = []

    async def module_route(self, request: web.Request) -> web.Response:
        self.calls.append((request.path, request.headers.get("Authorization", "")))
        if not self.module:
            return web.json_response({"errcode": "M_UNRECOGNIZED"}, status=404)
        return web.json_response({})

    async def legacy_route(self, request: web.Request) -> web.Response:
        self.calls.append((request.path, request.headers.get("Authorization", "")))
        if self.legacy_status != 200:
            body = {"errcode": "M_FORBIDDEN", "error": "Account renewal via email is disabled"}
            return web.json_response(body, status=self.legacy_status)
        return web.json_response({})


async def serve(homeserver: Homeserver) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post(
        "/_synapse/client/email_account_validity/send_mail", homeserver.module_route
    )
    app.router.add_post(
        "/_matrix/client/unstable/account_validity/send_mail", homeserver.legacy_route
    )
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


def config(url: str, store: Path) -> MatrixConfig:
    return MatrixConfig.model_validate(
        {
            "homeserver": url,
            "user_id": BOT,
            "access_token": "syt_expired",
            "device_id": "DEV",
            "store_dir": store,
        }
    )


EXPIRED = AccountUnusable("sync", EXPIRED_ACCOUNT, 403)


async def test_the_renewal_email_is_asked_for_once(tmp_path: Path) -> None:
    homeserver = Homeserver(module=True)
    async for url in serve(homeserver):
        matrix = config(url, tmp_path)
        first = await request_renewal_once(matrix, EXPIRED)
        assert first is not None and first.startswith("renewal e-mail requested")
        assert homeserver.calls == [
            ("/_synapse/client/email_account_validity/send_mail", "Bearer syt_expired")
        ]
        second = await request_renewal_once(matrix, EXPIRED)
        assert second is not None and second.startswith("renewal e-mail already requested at")
        assert len(homeserver.calls) == 1
        assert refusal_message(matrix, EXPIRED, second).endswith("then restart")
        assert await request_renewal_once(matrix, AccountUnusable("sync", "M_UNKNOWN_TOKEN")) is (
            None
        )
        expiry = take_renewal(matrix)
        assert expiry is not None and expiry.requested_at is not None
        assert take_renewal(matrix) is None and not (tmp_path / MARKER_FILE).exists()


async def test_the_legacy_route_tchap_web_uses_and_a_refusal(tmp_path: Path) -> None:
    homeserver = Homeserver(module=False)
    async for url in serve(homeserver):
        renewal = await request_renewal_once(config(url, tmp_path / "a"), EXPIRED)
        assert renewal is not None and renewal.startswith("renewal e-mail requested")
        assert [path for path, _ in homeserver.calls] == [
            "/_synapse/client/email_account_validity/send_mail",
            "/_matrix/client/unstable/account_validity/send_mail",
        ]
    refusing = Homeserver(module=False, legacy_status=403)
    async for url in serve(refusing):
        matrix = config(url, tmp_path / "b")
        renewal = await request_renewal_once(matrix, EXPIRED)
        assert renewal == (
            "renewal e-mail not requested (HTTP 404 M_UNRECOGNIZED, HTTP 403 M_FORBIDDEN): "
            "renew the account from a Tchap client (it sends the e-mail), then restart"
        )
        # Not asked yet: the next start tries again.
        await request_renewal_once(matrix, EXPIRED)
        assert len(refusing.calls) == 4
        expiry = take_renewal(matrix)
        assert expiry is not None and expiry.requested_at is None
