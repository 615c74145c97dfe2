"""A real Synapse homeserver on loopback, for integration tests and the demo."""

from __future__ import annotations

import base64
import contextlib
import ctypes
import hashlib
import hmac
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PASSWORD = "devtools-password-1234"
STARTUP_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0

_CONFIG_FILE = "homeserver.yaml"
_LOG_CONFIG_FILE = "log_config.yaml"
_SIGNING_KEY_FILE = "signing.key"
_PROCESS_LOG_FILE = "synapse.stdout.log"
_SERVER_LOG_FILE = "homeserver.log"
_PID_FILE = "devtools-synapse.pid"
_PR_SET_PDEATHSIG = 1

# Far above anything a test or a demo does, so that only the per-user override set through
# set_ratelimit() can ever produce a 429.
_HIGH = {"per_second": 10000, "burst_count": 100000}

# Keys as read by synapse/config/ratelimiting.py (1.163): nested ones are looked up with
# "a.b" paths there, e.g. rc_invites.per_issuer (not per_sender), rc_presence.per_user.
_RATELIMITS: dict[str, Any] = {
    "rc_message": _HIGH,
    "rc_registration": _HIGH,
    "rc_registration_token_validity": _HIGH,
    "rc_login": {"address": _HIGH, "account": _HIGH, "failed_attempts": _HIGH},
    "rc_admin_redaction": _HIGH,
    "rc_joins": {"local": _HIGH, "remote": _HIGH},
    "rc_joins_per_room": _HIGH,
    "rc_key_requests": _HIGH,
    "rc_3pid_validation": _HIGH,
    "rc_invites": {"per_room": _HIGH, "per_user": _HIGH, "per_issuer": _HIGH},
    "rc_third_party_invite": _HIGH,
    "rc_media_create": _HIGH,
    "rc_presence": {"per_user": _HIGH},
    "rc_delayed_event_mgmt": _HIGH,
    "rc_room_creation": _HIGH,
    "rc_reports": _HIGH,
    "rc_user_directory": _HIGH,
    "rc_profile": _HIGH,
}


@dataclass(frozen=True)
class RegisteredUser:
    """An account created through the shared-secret admin registration API."""

    user_id: str
    localpart: str
    password: str
    access_token: str
    device_id: str


class SynapseError(RuntimeError):
    """A Synapse HTTP call failed."""

    def __init__(self, method: str, path: str, status: int, body: str) -> None:
        super().__init__(f"{method} {path} -> HTTP {status}: {body[:500]}")
        self.status = status
        self.body = body


class SynapseServer:
    """A running Synapse subprocess; stop it with stop() or by using it as a context manager."""

    def __init__(
        self,
        *,
        process: subprocess.Popen[bytes],
        base_url: str,
        server_name: str,
        workdir: Path,
        shared_secret: str,
        log_file: Any,
    ) -> None:
        self.process = process
        self.base_url = base_url
        self.server_name = server_name
        self.workdir = workdir
        self._shared_secret = shared_secret
        self._log_file = log_file
        self._admin: RegisteredUser | None = None

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    def user_id(self, localpart: str) -> str:
        return f"@{localpart}:{self.server_name}"

    # -- HTTP helpers ---------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        access_token: str | None = None,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        """Call the homeserver and return its JSON answer; raise SynapseError on HTTP errors."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if access_token:
            req.add_header("Authorization", f"Bearer {access_token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            text = exc.read().decode(errors="replace")
            raise SynapseError(method, path, exc.code, text) from None
        result = json.loads(raw) if raw else {}
        if not isinstance(result, dict):
            raise SynapseError(method, path, 200, f"unexpected JSON: {raw[:200]!r}")
        return result

    # -- accounts -------------------------------------------------------------------------

    def register(
        self, localpart: str, password: str = DEFAULT_PASSWORD, *, admin: bool = False
    ) -> RegisteredUser:
        """Create an account with the shared-secret registration API (works with
        enable_registration false)."""
        path = "/_synapse/admin/v1/register"
        nonce = self.request("GET", path)["nonce"]
        mac = hmac.new(self._shared_secret.encode(), digestmod=hashlib.sha1)
        mac.update(
            b"\x00".join(
                [
                    nonce.encode(),
                    localpart.encode(),
                    password.encode(),
                    b"admin" if admin else b"notadmin",
                ]
            )
        )
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        resp = self.request("POST", path, body)
        return RegisteredUser(
            user_id=resp["user_id"],
            localpart=localpart,
            password=password,
            access_token=resp["access_token"],
            device_id=resp.get("device_id", ""),
        )

    def _admin_token(self) -> str:
        if self._admin is None:
            # A fresh name each time: a reused workdir may already hold an older one.
            localpart = f"devtools-admin-{secrets.token_hex(4)}"
            self._admin = self.register(localpart, secrets.token_urlsafe(16), admin=True)
        return self._admin.access_token

    def set_ratelimit(self, user_id: str, messages_per_second: int, burst_count: int) -> None:
        """Override the event-sending rate limit of one user (rc_message).

        Synapse only accepts integers here; 0/0 means "never rate limited"."""
        path = f"/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit"
        self.request(
            "POST",
            path,
            {"messages_per_second": messages_per_second, "burst_count": burst_count},
            access_token=self._admin_token(),
        )

    def clear_ratelimit(self, user_id: str) -> None:
        """Remove a per-user override: the (very high) configured rc_message applies again."""
        path = f"/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit"
        self.request("DELETE", path, access_token=self._admin_token())

    # -- lifecycle ------------------------------------------------------------------------

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                log.warning("Synapse did not stop within %.0f s, killing it", STOP_TIMEOUT)
                self.process.kill()
                self.process.wait()
        if not self._log_file.closed:
            self._log_file.close()
        with contextlib.suppress(OSError):
            (self.workdir / _PID_FILE).unlink()

    def __enter__(self) -> SynapseServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


# -- start-up -------------------------------------------------------------------------------


def _resolve_python(python: str | None) -> str:
    candidate = (
        python
        or os.environ.get("SYNAPSE_PYTHON")
        or str(REPO_ROOT / ".venv-synapse" / "bin" / "python")
    )
    hint = (
        f"No usable Synapse interpreter at {candidate}: run `make install` "
        "(it creates .venv-synapse), or set SYNAPSE_PYTHON to a Python that has "
        "matrix-synapse installed."
    )
    # abspath, not resolve(): following the venv's symlink would leave the venv. Synapse runs
    # with its workdir as current folder, so a relative path must be made absolute here.
    resolved = os.path.abspath(candidate) if Path(candidate).exists() else shutil.which(candidate)
    if resolved is None:
        raise RuntimeError(hint)
    candidate = resolved
    probe = subprocess.run(
        [
            candidate,
            "-c",
            "import importlib.util, sys; sys.exit(importlib.util.find_spec('synapse') is None)",
        ],
        capture_output=True,
        check=False,
        timeout=30,
    )
    if probe.returncode != 0:
        raise RuntimeError(hint)
    return candidate


def _die_with_parent() -> None:
    """Runs in the child before exec: have the kernel SIGTERM Synapse when the process
    that started it dies (e.g. a killed pytest), instead of leaving it holding its port.

    Linux ties this to the starting *thread*: call start_synapse from a long-lived one."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _refuse_if_running(workdir: Path) -> None:
    """Two Synapses on one sqlite database would corrupt it."""
    try:
        pid = int((workdir / _PID_FILE).read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if b"synapse.app.homeserver" in cmdline and str(workdir).encode() in cmdline:
        raise RuntimeError(
            f"A Synapse started from {workdir} is still running (pid {pid}); stop it first."
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Like Twisted's listener: connections left in TIME_WAIT by the previous run
        # must not make the port look taken.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _write_signing_key(path: Path) -> None:
    # Same format as Synapse's own key generation (signedjson): "ed25519 <key id> <seed>",
    # the seed being 32 random bytes in unpadded base64. Avoids a slow extra Synapse run.
    seed = base64.b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    key_id = "a_" + secrets.token_hex(2)
    path.write_text(f"ed25519 {key_id} {seed}\n")
    path.chmod(0o600)


def _log_config(workdir: Path, log_level: str) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "precise": {
                "format": "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s"
            }
        },
        "handlers": {
            "file": {
                "class": "logging.FileHandler",
                "formatter": "precise",
                "filename": str(workdir / _SERVER_LOG_FILE),
                "encoding": "utf8",
            }
        },
        "loggers": {"synapse.storage.SQL": {"level": "WARNING"}},
        "root": {"level": log_level, "handlers": ["file"]},
    }


def _read_previous_config(workdir: Path) -> dict[str, Any] | None:
    config_path = workdir / _CONFIG_FILE
    if not config_path.exists() or not (workdir / _SIGNING_KEY_FILE).exists():
        return None
    try:
        previous = json.loads(config_path.read_text())
    except ValueError:
        log.warning("Existing %s is not JSON, writing a new one", config_path)
        return None
    return previous if isinstance(previous, dict) else None


def _build_config(
    workdir: Path, *, server_name: str, port: int, shared_secret: str
) -> dict[str, Any]:
    config: dict[str, Any] = {
        "server_name": server_name,
        "public_baseurl": f"http://127.0.0.1:{port}/",
        "signing_key_path": str(workdir / _SIGNING_KEY_FILE),
        "log_config": str(workdir / _LOG_CONFIG_FILE),
        "media_store_path": str(workdir / "media_store"),
        "database": {
            "name": "sqlite3",
            "args": {"database": str(workdir / "homeserver.db")},
        },
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "registration_shared_secret": shared_secret,
        "enable_registration": False,
        "report_stats": False,
        "enable_metrics": False,
        # Nothing may leave the machine: no key servers, no federation, no previews.
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "url_preview_enabled": False,
        "presence": {"enabled": False},
        "bcrypt_rounds": 4,
        "user_directory": {"enabled": True, "search_all_users": True},
    }
    config.update(_RATELIMITS)
    return config


def start_synapse(
    workdir: Path,
    *,
    python: str | None = None,
    port: int = 0,
    server_name: str = "localhost",
    extra_config: dict[str, Any] | None = None,
    log_level: str = "WARNING",
) -> SynapseServer:
    """Start Synapse on 127.0.0.1 and return once /health answers.

    A workdir that already holds a config and a signing key keeps its key, registration
    secret and port, so a restarted demo finds its accounts and rooms again."""
    interpreter = _resolve_python(python)
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    _refuse_if_running(workdir)

    previous = _read_previous_config(workdir)
    shared_secret = secrets.token_hex(32)
    if previous is not None:
        shared_secret = str(previous.get("registration_shared_secret") or shared_secret)
        if port == 0:
            try:
                old_port = int(previous["listeners"][0]["port"])
            except (KeyError, IndexError, TypeError, ValueError):
                old_port = 0
            if old_port and _port_is_free(old_port):
                port = old_port
    else:
        _write_signing_key(workdir / _SIGNING_KEY_FILE)
    if port == 0:
        port = _free_port()

    config = _build_config(
        workdir, server_name=server_name, port=port, shared_secret=shared_secret
    )
    if extra_config:
        config.update(extra_config)
    # JSON is valid YAML, which spares the bot's venv a PyYAML dependency.
    (workdir / _LOG_CONFIG_FILE).write_text(json.dumps(_log_config(workdir, log_level), indent=2))
    (workdir / _CONFIG_FILE).write_text(json.dumps(config, indent=2))
    (workdir / _CONFIG_FILE).chmod(0o600)

    base_url = f"http://127.0.0.1:{port}"
    log_path = workdir / _PROCESS_LOG_FILE
    log_file = log_path.open("ab")
    started = time.monotonic()
    process = subprocess.Popen(
        [interpreter, "-m", "synapse.app.homeserver", "-c", str(workdir / _CONFIG_FILE)],
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        preexec_fn=_die_with_parent,
    )
    (workdir / _PID_FILE).write_text(str(process.pid))
    server = SynapseServer(
        process=process,
        base_url=base_url,
        server_name=server_name,
        workdir=workdir,
        shared_secret=shared_secret,
        log_file=log_file,
    )
    try:
        _wait_healthy(server, log_path)
    except BaseException:
        server.stop()
        raise
    log.info("Synapse ready at %s after %.2f s", base_url, time.monotonic() - started)
    return server


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _wait_healthy(server: SynapseServer, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        code = server.process.poll()
        if code is not None:
            raise RuntimeError(
                f"Synapse exited with code {code} during start-up.\n"
                f"--- {log_path} ---\n{_tail(log_path)}\n"
                f"--- {server.workdir / _SERVER_LOG_FILE} ---\n"
                f"{_tail(server.workdir / _SERVER_LOG_FILE)}"
            )
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(server.base_url + "/health", timeout=2) as resp,
        ):
            if resp.status == 200:
                return
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"Synapse not healthy after {STARTUP_TIMEOUT:.0f} s.\n"
                f"--- {log_path} ---\n{_tail(log_path)}"
            )
        time.sleep(0.1)
