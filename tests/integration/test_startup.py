"""Starting and stopping without surprise: `assistant-ia run` and `check-config --online` as
processes, against a real Synapse, a closed port, a socket that never answers, and a homeserver
that goes away after the start."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import signal
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pydantic import SecretStr

from bot.cli import main
from bot.config import MatrixConfig
from bot.events import AccountUnusable
from bot.matrix import LoginRefused, refusal_message
from devtools.fake_llm import FakeLLM
from devtools.synapse import RegisteredUser, SynapseServer
from tests.unit.test_ops import free_port


def write_config(
    folder: Path,
    homeserver: str,
    user_id: str,
    *,
    llm: str = "http://127.0.0.1:9/v1",
    **matrix: object,
) -> Path:
    """A config file for a bot process; secrets go through the environment (`bot_env`)."""
    folder.mkdir(parents=True, exist_ok=True)
    extra = "".join(f"{key} = {value!r}\n" for key, value in matrix.items())
    config = folder / "config.toml"
    config.write_text(
        f'[matrix]\nhomeserver = "{homeserver}"\nuser_id = "{user_id}"\nstore_dir = "matrix"\n'
        f"sync_timeout_ms = 2000\n{extra}"
        f'[llm]\nbase_url = "{llm}"\n'
        '[storage]\ndatabase = "db.sqlite3"\n[ops]\nhttp_port = 0\n'
        '[privacy]\nner = "off"\n',  # spaCy loads in seconds: not what these tests are about
        encoding="utf-8",
    )
    return config


def bot_env(**secrets_: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT__")}
    env.update({f"ASSISTANT__MATRIX__{key.upper()}": value for key, value in secrets_.items()})
    return env


class BotProcess:
    """`python -m bot …` with its stderr read line by line as it comes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self._new_line = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, *args: str, env: dict[str, str]) -> BotProcess:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=env,
        )  # fmt: skip
        return cls(process)

    async def _read(self) -> None:
        assert self.process.stderr is not None
        while line := await self.process.stderr.readline():
            self.lines.append(line.decode(errors="replace").rstrip("\n"))
            self._new_line.set()
        self._new_line.set()

    @property
    def stderr(self) -> str:
        return "\n".join(self.lines)

    async def wait_for_line(self, needle: str, timeout: float = 30) -> str:
        async with asyncio.timeout(timeout):
            while True:
                for line in self.lines:
                    if needle in line:
                        return line
                if self._reader.done():
                    raise AssertionError(f"exited without logging {needle!r}:\n{self.stderr}")
                self._new_line.clear()
                await self._new_line.wait()

    async def exit_code(self, timeout: float) -> int:
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise AssertionError(f"still running after {timeout} s:\n{self.stderr}") from None
        await self._reader
        return code

    async def stdout(self) -> str:
        assert self.process.stdout is not None
        return (await self.process.stdout.read()).decode()

    async def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        with contextlib.suppress(Exception):
            await self._reader


@pytest.fixture
async def processes() -> AsyncIterator[list[BotProcess]]:
    started: list[BotProcess] = []
    yield started
    for process in started:
        await process.kill()


async def run_bot(processes: list[BotProcess], config: Path, env: dict[str, str]) -> BotProcess:
    process = await BotProcess.start("run", "--config", str(config), env=env)
    processes.append(process)
    return process


def critical_lines(process: BotProcess) -> list[str]:
    return [line for line in process.lines if " CRITICAL " in line]


def assert_no_noise(output: str) -> None:
    assert "Traceback" not in output
    assert "Error validating response" not in output  # nio's schema noise
    assert "Timed out, sleeping" not in output  # nio's own retry loop


async def register(synapse: SynapseServer, name: str, *, admin: bool = False) -> RegisteredUser:
    localpart = f"{name}-{secrets.token_hex(4)}"
    return await asyncio.to_thread(
        synapse.register, localpart, secrets.token_urlsafe(12), admin=admin
    )


async def revoke(synapse: SynapseServer, token: str) -> None:
    await asyncio.to_thread(
        synapse.request, "POST", "/_matrix/client/v3/logout", {}, access_token=token
    )


async def device_count(synapse: SynapseServer, token: str) -> int:
    answer = await asyncio.to_thread(
        synapse.request, "GET", "/_matrix/client/v3/devices", access_token=token
    )
    return len(answer["devices"])


@contextlib.contextmanager
def silent_socket() -> Iterator[int]:
    """A port whose connections the kernel accepts and nobody ever answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield int(sock.getsockname()[1])


# `run`: the homeserver refuses the account --------------------------------------------------


async def test_a_wrong_password_is_one_critical_line_and_exit_3(
    synapse: SynapseServer, processes: list[BotProcess], tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    config = write_config(tmp_path, synapse.base_url, user.user_id)
    process = await run_bot(processes, config, bot_env(password="not-the-password"))
    assert await process.exit_code(120) == 3
    assert critical_lines(process) == [process.lines[-1]]
    assert process.lines[-1].endswith(
        f"CRITICAL bot: the homeserver {synapse.base_url} refused the login of {user.user_id}: "
        "wrong password, unknown user or deactivated account (M_FORBIDDEN); "
        "fix ASSISTANT__MATRIX__PASSWORD (or matrix.user_id)"
    )
    assert_no_noise(process.stderr)


async def test_an_unknown_user_is_refused_like_a_wrong_password(
    synapse: SynapseServer, processes: list[BotProcess], tmp_path: Path
) -> None:
    user_id = synapse.user_id(f"nobody-{secrets.token_hex(4)}")
    config = write_config(tmp_path, synapse.base_url, user_id)
    process = await run_bot(processes, config, bot_env(password="whatever"))
    assert await process.exit_code(120) == 3
    [line] = critical_lines(process)
    assert f"refused the login of {user_id}: wrong password, unknown user or" in line
    assert_no_noise(process.stderr)


async def test_a_deactivated_account_is_one_critical_line_and_exit_3(
    synapse: SynapseServer, processes: list[BotProcess], tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    admin = await register(synapse, "admin", admin=True)
    config = write_config(tmp_path, synapse.base_url, user.user_id)
    store_session(config, user)  # the bot ran before
    await asyncio.to_thread(
        synapse.request,
        "POST",
        f"/_synapse/admin/v1/deactivate/{quote(user.user_id)}",
        {"erase": False},
        access_token=admin.access_token,
    )
    process = await run_bot(processes, config, bot_env(password=user.password))
    assert await process.exit_code(120) == 3
    # Deactivation revoked the session and erased the password: Synapse says M_FORBIDDEN.
    assert "stored token rejected; logging in again on the same device" in process.stderr
    [line] = critical_lines(process)
    assert line.endswith(
        f"the homeserver {synapse.base_url} refused the login of {user.user_id}: "
        "wrong password, unknown user or deactivated account (M_FORBIDDEN); "
        "fix ASSISTANT__MATRIX__PASSWORD (or matrix.user_id)"
    )
    assert_no_noise(process.stderr)


def test_what_the_operator_reads_for_each_refusal() -> None:
    """The refusals a real Synapse does not produce in these tests (other servers do)."""
    password = MatrixConfig(homeserver="https://hs", user_id="@bot:hs", password=SecretStr("x"))
    token = MatrixConfig(homeserver="https://hs", user_id="@bot:hs", access_token=SecretStr("t"))
    deactivated = LoginRefused("login", "M_USER_DEACTIVATED", 403)
    assert refusal_message(password, deactivated) == (
        "the homeserver https://hs refused the login of @bot:hs: account deactivated "
        "(M_USER_DEACTIVATED); reactivate it or configure another account"
    )
    expired = AccountUnusable("whoami", "ORG_MATRIX_EXPIRED_ACCOUNT", 403)
    assert refusal_message(token, expired) == (
        "the homeserver https://hs refused the access token of @bot:hs: account expired "
        "(ORG_MATRIX_EXPIRED_ACCOUNT); renew it (Tchap sends a renewal e-mail), then restart"
    )
    revoked = AccountUnusable("sync", "M_UNKNOWN_TOKEN", 401)  # while running
    assert refusal_message(password, revoked) == (
        "the homeserver https://hs refused the session of @bot:hs: session revoked "
        "(M_UNKNOWN_TOKEN); restart: `run` logs in again with the password"
    )
    assert refusal_message(password, LoginRefused("login", None, 400)).endswith(
        ": account refused (HTTP 400); check the account with the homeserver's administrators"
    )


async def test_a_revoked_access_token_without_password_is_exit_3(
    synapse: SynapseServer, processes: list[BotProcess], tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    await revoke(synapse, user.access_token)
    config = write_config(tmp_path, synapse.base_url, user.user_id, device_id=user.device_id)
    process = await run_bot(processes, config, bot_env(access_token=user.access_token))
    assert await process.exit_code(120) == 3
    [line] = critical_lines(process)
    assert line.endswith(
        f"the homeserver {synapse.base_url} refused the access token of {user.user_id}: "
        "token revoked or unknown (M_UNKNOWN_TOKEN); "
        "issue a new one and set ASSISTANT__MATRIX__ACCESS_TOKEN"
    )
    assert_no_noise(process.stderr)


# `run`: the homeserver cannot be reached; a stop request is heard at any moment ------------


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_an_unreachable_homeserver_is_named_retried_and_a_signal_stops_the_wait(
    processes: list[BotProcess], tmp_path: Path, sig: signal.Signals
) -> None:
    homeserver = f"http://127.0.0.1:{free_port()}"  # bound, then closed: connection refused
    config = write_config(tmp_path, homeserver, "@assistant:localhost")
    process = await run_bot(processes, config, bot_env(password="x"))
    first = await process.wait_for_line("cannot reach the homeserver", timeout=120)
    assert (
        f"WARNING bot.matrix: cannot reach the homeserver {homeserver} (connection refused)"
        in (first)
    )
    assert "; retrying in " in first
    # Retried: a second attempt after the first delay (1 s ± 20 %).
    await process.wait_for_line("; retrying in 2 s", timeout=15)
    process.process.send_signal(sig)
    assert await process.exit_code(10) == 0
    assert f"{sig.name} received: stopping" in process.stderr
    assert_no_noise(process.stderr)


async def test_a_homeserver_that_never_answers_is_named_after_the_request_timeout(
    processes: list[BotProcess], tmp_path: Path
) -> None:
    with silent_socket() as port:
        homeserver = f"http://127.0.0.1:{port}"
        config = write_config(tmp_path, homeserver, "@assistant:localhost", request_timeout=2.0)
        process = await run_bot(processes, config, bot_env(password="x"))
        # The request was given up after request_timeout (the time is measured, not assumed).
        line = await process.wait_for_line("cannot reach the homeserver", timeout=120)
        assert f"cannot reach the homeserver {homeserver} (no answer within 2 s)" in line
        process.process.send_signal(signal.SIGTERM)  # while it waits for an answer again
        assert await process.exit_code(10) == 0
    assert_no_noise(process.stderr)


class Proxy:
    """A TCP relay to the homeserver that can be cut: the homeserver goes away."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self._writers += [writer, up_writer]

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._writers:
            writer.close()
        await self._server.wait_closed()


async def test_a_homeserver_gone_after_the_start_is_named_and_sigterm_stops_the_sync_loop(
    synapse: SynapseServer, fake_llm: FakeLLM, processes: list[BotProcess], tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    proxy = Proxy(synapse.port)
    await proxy.start()
    homeserver = f"http://127.0.0.1:{proxy.port}"
    config = write_config(tmp_path, homeserver, user.user_id, llm=fake_llm.base_url)
    process = await run_bot(processes, config, bot_env(password=user.password))
    await process.wait_for_line("bot started", timeout=120)
    await proxy.cut()
    line = await process.wait_for_line("cannot reach the homeserver", timeout=30)
    assert f"cannot reach the homeserver {homeserver} (" in line and "; retrying in " in line
    process.process.send_signal(signal.SIGTERM)
    assert await process.exit_code(10) == 0
    assert process.lines[-1].endswith("bot stopped")
    assert_no_noise(process.stderr)


# `check-config --online` ------------------------------------------------------------------


CheckOnline = Callable[..., Awaitable[tuple[int, str, str]]]


@pytest.fixture
def check_online(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> CheckOnline:
    """`check-config --online`: (exit code, stdout, stderr). In this process (a bot process
    takes seconds to import), or as a process of its own."""

    async def check(
        config: Path, env: dict[str, str], *, as_process: bool = False
    ) -> tuple[int, str, str]:
        args = ["check-config", "--online", "--config", str(config)]
        if as_process:
            process = await BotProcess.start(*args, env=env)
            try:
                code = await process.exit_code(120)
                return code, (await process.stdout()).strip(), process.stderr.strip()
            finally:
                await process.kill()
        for key in list(os.environ):
            if key.startswith("ASSISTANT__"):
                monkeypatch.delenv(key)
        for key, value in env.items():
            if key.startswith("ASSISTANT__"):
                monkeypatch.setenv(key, value)
        code = await asyncio.to_thread(main, args)
        out, err = capsys.readouterr()
        assert "Error validating response" not in caplog.text  # nio's schema noise
        return code, out.strip(), err.strip()

    return check


def store_session(config: Path, user: RegisteredUser) -> None:
    store = config.parent / "matrix"
    store.mkdir(exist_ok=True)
    (store / "session.json").write_text(
        f'{{"user_id": "{user.user_id}", "device_id": "{user.device_id}", '
        f'"access_token": "{user.access_token}"}}',
        encoding="utf-8",
    )


async def test_check_online_names_an_unreachable_homeserver(
    check_online: CheckOnline, tmp_path: Path
) -> None:
    homeserver = f"http://127.0.0.1:{free_port()}"
    config = write_config(tmp_path / "closed", homeserver, "@assistant:localhost")
    code, out, err = await check_online(config, bot_env(password="x"), as_process=True)
    assert code == 1, err
    assert err == f"cannot reach the homeserver {homeserver} (connection refused)"
    assert out == ""
    with silent_socket() as port:
        homeserver = f"http://127.0.0.1:{port}"
        config = write_config(
            tmp_path / "silent", homeserver, "@assistant:localhost", request_timeout=2.0
        )
        code, out, err = await check_online(config, bot_env(password="x"))
    assert code == 1, err
    assert err == f"cannot reach the homeserver {homeserver} (no answer within 2 s)"


async def test_check_online_contacts_the_homeserver_without_a_session_and_creates_no_device(
    synapse: SynapseServer, check_online: CheckOnline, tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    config = write_config(tmp_path, synapse.base_url, user.user_id)
    code, out, err = await check_online(config, bot_env(password="not-checked"))
    assert code == 0, err
    assert out == (
        f"configuration OK; {synapse.base_url} reachable; no stored session yet: the first "
        "`run` logs in with the password (not checked here: a login would create a device)"
    )
    assert err == ""
    assert await device_count(synapse, user.access_token) == 1  # the registration's only


async def test_check_online_accepts_a_stored_session_and_reports_a_revoked_one_as_not_fatal(
    synapse: SynapseServer, check_online: CheckOnline, tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    other = await asyncio.to_thread(
        synapse.request,
        "POST",
        "/_matrix/client/v3/login",
        {"type": "m.login.password", "user": user.user_id, "password": user.password},
    )
    config = write_config(tmp_path, synapse.base_url, user.user_id)
    store_session(config, user)
    code, out, err = await check_online(config, bot_env(password=user.password))
    assert code == 0, err
    assert out == (
        f"configuration OK; stored session of {user.user_id} accepted by {synapse.base_url} "
        f"(device {user.device_id})"
    )
    assert err == ""
    await revoke(synapse, user.access_token)
    code, out, err = await check_online(config, bot_env(password=user.password))
    assert code == 0, err
    assert out == (
        f"configuration OK; {synapse.base_url} reachable; stored session revoked; `run` will "
        "log in again with the password (on the same device; the password is not checked here)"
    )
    assert err == ""
    # No login happened: only the second session's device is left.
    assert await device_count(synapse, other["access_token"]) == 1


async def test_check_online_with_a_revoked_token_and_no_password_is_exit_3(
    synapse: SynapseServer, check_online: CheckOnline, tmp_path: Path
) -> None:
    user = await register(synapse, "assistant")
    config = write_config(tmp_path, synapse.base_url, user.user_id, device_id=user.device_id)
    code, out, err = await check_online(config, bot_env(access_token=user.access_token))
    assert code == 0, err
    assert out == (
        f"configuration OK; access token of {user.user_id} accepted by {synapse.base_url} "
        f"(device {user.device_id})"
    )
    await revoke(synapse, user.access_token)
    env = bot_env(access_token=user.access_token)
    code, out, err = await check_online(config, env, as_process=True)
    assert code == 3
    assert err == (
        f"the homeserver {synapse.base_url} refused the access token of {user.user_id}: "
        "token revoked or unknown (M_UNKNOWN_TOKEN); "
        "issue a new one and set ASSISTANT__MATRIX__ACCESS_TOKEN"
    )
    assert out == ""
