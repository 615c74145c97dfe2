"""A Synapse module that stands in for Tchap's synapse-email-account-validity in tests.

Loaded by a test's own Synapse (copied into its work folder, which is on Synapse's path; it
imports Synapse, so the bot's environment never imports it). It does what the real module does
for the bot, read from tchapgouv/synapse-email-account-validity (account_validity.py,
_servlets.py): an `is_user_expired` callback (Synapse then refuses the account's requests with
403 ORG_MATRIX_EXPIRED_ACCOUNT), `on_legacy_send_mail` (Synapse's own
/_matrix/client/unstable/account_validity/send_mail, which Tchap web calls), and
`POST /_synapse/client/email_account_validity/send_mail`, which accepts an expired account's
token and answers 200 {}. It sends no mail: it counts the requests. `POST .../admin`
({"user_id", "expired"}, server admins only) expires or renews an account; `GET
.../admin?user_id=` tells the test how many renewal e-mails were asked for.
"""

from __future__ import annotations

import json
from typing import Any

from synapse.module_api import DirectServeJsonResource, ModuleApi
from synapse.module_api.errors import SynapseError
from twisted.web.resource import Resource


class FakeEmailAccountValidity:
    def __init__(self, config: dict[str, Any], api: ModuleApi) -> None:
        self._api = api
        self.expired: set[str] = set()
        self.mails: dict[str, int] = {}
        api.register_account_validity_callbacks(
            is_user_expired=self.is_user_expired,
            on_legacy_send_mail=self.on_legacy_send_mail,
        )
        root = Resource()
        root.putChild(b"send_mail", _SendMail(self))
        root.putChild(b"admin", _Admin(self))
        api.register_web_resource("/_synapse/client/email_account_validity", root)

    @staticmethod
    def parse_config(config: dict[str, Any]) -> dict[str, Any]:
        return config

    async def is_user_expired(self, user_id: str) -> bool:
        return user_id in self.expired

    async def on_legacy_send_mail(self, user_id: str) -> None:
        self.mails[user_id] = self.mails.get(user_id, 0) + 1


class _SendMail(DirectServeJsonResource):
    def __init__(self, module: FakeEmailAccountValidity) -> None:
        super().__init__()
        self.module = module

    async def _async_render_POST(self, request: Any) -> tuple[int, dict[str, Any]]:
        requester = await self.module._api.get_user_by_req(request, allow_expired=True)
        await self.module.on_legacy_send_mail(requester.user.to_string())
        return 200, {}


class _Admin(DirectServeJsonResource):
    def __init__(self, module: FakeEmailAccountValidity) -> None:
        super().__init__()
        self.module = module

    async def _admin(self, request: Any) -> None:
        requester = await self.module._api.get_user_by_req(request)
        if not await self.module._api.is_user_admin(requester.user.to_string()):
            raise SynapseError(403, "You are not a server admin", "M_FORBIDDEN")

    async def _async_render_POST(self, request: Any) -> tuple[int, dict[str, Any]]:
        await self._admin(request)
        body = json.loads(request.content.read())
        user_id = str(body["user_id"])
        if body.get("expired"):
            self.module.expired.add(user_id)
        else:
            self.module.expired.discard(user_id)
        return 200, {}

    async def _async_render_GET(self, request: Any) -> tuple[int, dict[str, Any]]:
        await self._admin(request)
        user_id = request.args[b"user_id"][0].decode()
        return 200, {"mails": self.module.mails.get(user_id, 0)}
