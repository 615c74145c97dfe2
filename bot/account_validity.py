"""An expired bot account (Tchap's account-validity module): the renewal e-mail, asked for once.

Tchap runs synapse-email-account-validity: once the account expires, every request fails with
HTTP 403 `ORG_MATRIX_EXPIRED_ACCOUNT`, but the expired token is still accepted by the module's
`POST /_synapse/client/email_account_validity/send_mail`, which mails a renewal link to the
account's address. Tchap web itself calls Synapse's legacy route
`/_matrix/client/unstable/account_validity/send_mail`, which hands over to the same module: the
bot tries the module's route first and the legacy one when the first is unknown.

The bot cannot post to the support room while expired, and it exits (code 3). A marker in the
Matrix store remembers the expiry, so that a restart loop asks for one e-mail only, and so that
the next start that works tells the support room the account was renewed.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

from bot.config import MatrixConfig
from bot.events import AccountUnusable

log = logging.getLogger(__name__)

EXPIRED_ACCOUNT = "ORG_MATRIX_EXPIRED_ACCOUNT"
RENEWAL_PATHS = (
    "/_synapse/client/email_account_validity/send_mail",
    "/_matrix/client/unstable/account_validity/send_mail",
)
MARKER_FILE = "account_expired.json"
MAX_ANSWER_BYTES = 4096  # an error answer is a small JSON object: read no more


@dataclass(frozen=True)
class Expiry:
    """What the marker remembers: when the expiry was seen, when the e-mail was asked for."""

    seen_at: datetime
    requested_at: datetime | None


def _marker(config: MatrixConfig) -> Path:
    return config.store_dir / MARKER_FILE


def _read_marker(config: MatrixConfig) -> Expiry | None:
    try:
        data = json.loads(_marker(config).read_text(encoding="utf-8"))
        seen = datetime.fromisoformat(str(data["seen_at"]))
        requested = data.get("requested_at")
        return Expiry(seen, datetime.fromisoformat(str(requested)) if requested else None)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_marker(config: MatrixConfig, expiry: Expiry) -> None:
    data = {
        "seen_at": expiry.seen_at.isoformat(),
        "requested_at": expiry.requested_at.isoformat() if expiry.requested_at else None,
    }
    config.store_dir.mkdir(parents=True, exist_ok=True)
    tmp = _marker(config).with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, _marker(config))


def _token(config: MatrixConfig) -> str:
    """The token the homeserver refused: the configured one, else the stored session's."""
    if config.access_token and config.access_token.get_secret_value():
        return config.access_token.get_secret_value()
    try:
        stored = json.loads((config.store_dir / "session.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(stored, dict) or stored.get("user_id") != config.user_id:
        return ""
    return str(stored.get("access_token") or "")


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


async def send_renewal_email(config: MatrixConfig, token: str) -> str | None:
    """Ask the homeserver to mail the renewal link. None when it accepted, else why not."""
    base = config.homeserver.rstrip("/")
    timeout = aiohttp.ClientTimeout(total=config.request_timeout)
    headers = {"Authorization": f"Bearer {token}"}
    problems: list[str] = []
    try:
        async with aiohttp.ClientSession(timeout=timeout) as session:
            for path in RENEWAL_PATHS:
                async with session.post(base + path, headers=headers, json={}) as response:
                    if response.status == 200:
                        return None
                    answer = await response.content.read(MAX_ANSWER_BYTES)
                    errcode = ""
                    try:
                        parsed = json.loads(answer)
                        if isinstance(parsed, dict) and isinstance(parsed.get("errcode"), str):
                            errcode = " " + parsed["errcode"][:64]
                    except ValueError:
                        pass
                    problems.append(f"HTTP {response.status}{errcode}")
                    # 404/405: the route does not exist there; anything else is the answer.
                    if response.status not in (404, 405):
                        break
    except (aiohttp.ClientError, TimeoutError) as exc:
        problems.append(type(exc).__name__)
    return ", ".join(problems)


async def request_renewal_once(config: MatrixConfig, exc: AccountUnusable) -> str | None:
    """For an expired account, ask for the renewal e-mail unless it was asked for since the
    expiry was first seen; what happened, for the exit message. None for other refusals."""
    if exc.errcode != EXPIRED_ACCOUNT:
        return None
    now = datetime.now(UTC)
    expiry = _read_marker(config) or Expiry(now, None)
    if expiry.requested_at is not None:
        log.info("renewal e-mail already requested at %s", _when(expiry.requested_at))
        return (
            f"renewal e-mail already requested at {_when(expiry.requested_at)}: open the link "
            "it holds (sent to the account's e-mail address), then restart"
        )
    token = _token(config)
    problem = await send_renewal_email(config, token) if token else "no token to ask with"
    if problem is None:
        _write_marker(config, Expiry(expiry.seen_at, now))
        log.warning("account expired: renewal e-mail requested from %s", config.homeserver)
        return (
            "renewal e-mail requested (sent to the account's e-mail address): open its link, "
            "then restart"
        )
    _write_marker(config, expiry)  # asked again at the next start
    log.error("account expired: renewal e-mail not requested (%s)", problem)
    return (
        f"renewal e-mail not requested ({problem}): renew the account from a Tchap client "
        "(it sends the e-mail), then restart"
    )


def take_renewal(config: MatrixConfig) -> Expiry | None:
    """The expiry the bot exited on, once its account works again; the marker is removed."""
    expiry = _read_marker(config)
    if expiry is None:
        return None
    try:
        _marker(config).unlink()
    except OSError as exc:
        log.warning("could not remove %s: %s", _marker(config), exc)
    return expiry
