"""`make demo`: a local homeserver, the bot and a terminal chat with it, on embedded defaults."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import logging
import mimetypes
import os
import re
import shlex
import signal
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot.app import BotApp, load_config
from bot.texts import TYPING_PLACEHOLDER
from devtools.agent import AgentClient, SeenMessage, carries_file, msgtype_for
from devtools.fake_llm import FakeLLM, last_user_message
from devtools.synapse import SynapseError, SynapseServer, start_synapse
from devtools.terminal import render, sanitize, stable_prefix, use_style

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
BOT_LOCALPART = "assistant-ia"
DEMO_LOCALPART = "demo"
DEMO_PASSWORD = "demo-tchap"
STOP_GRACE = 1.0  # seconds the bot gives answers in flight when the demo stops
MAX_UPLOAD = 50 * 1000**2  # above the bot's default limit (20 MB), to let it refuse
MAX_NAME = 200  # bytes of a saved file's name (file systems allow 255)
READ_SIZE = 64 * 1024
MAX_LINE = 64 * 1024  # bytes of a typed line without its end, before it is taken as is


def canned_answer(messages: list[dict[str, Any]]) -> str:
    question = last_user_message(messages)
    return (
        f"*(réponse simulée)* Vous m'avez demandé : « {question} ».\n\n"
        "Pour obtenir de vraies réponses, définissez `ASSISTANT__LLM__BASE_URL`, "
        "`ASSISTANT__LLM__API_KEY` et `ASSISTANT__LLM__MODEL`, puis relancez `make demo`."
    )


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def register(synapse: SynapseServer, localpart: str, password: str) -> str:
    try:
        return synapse.register(localpart, password).user_id
    except SynapseError as exc:
        if "taken" not in exc.body and "in use" not in exc.body:
            raise
        return synapse.user_id(localpart)  # a previous run registered it


def size_text(size: int) -> str:
    """A size as a French reader expects it: « 850 octets », « 12,4 Ko », « 3,1 Mo »."""
    if size < 1000:
        return f"{size}\u00a0octets"
    value, unit = size / 1000, "Ko"
    for larger in ("Mo", "Go"):
        if round(value, 1) < 1000:
            break
        value, unit = value / 1000, larger
    return f"{value:.1f}\u00a0{unit}".replace(".", ",")


def safe_filename(name: str) -> str:
    """A name to save a received file under: no folder, no control character, not hidden,
    not too long (the name comes from the other side of the conversation)."""
    name = re.sub(r"[\x00-\x1f\x7f-\x9f/\\]", "_", name).strip().lstrip(".").strip()
    suffix = Path(name).suffix if len(Path(name).suffix) <= 16 else ""
    stem = name[: len(name) - len(suffix)][:MAX_NAME]
    while stem and len((stem + suffix).encode()) > MAX_NAME:  # the file system counts bytes
        stem = stem[:-1]
    return (stem.rstrip() + suffix) if stem.strip() else "fichier" + suffix


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/name (2)`, `(3)`… if taken: an existing file is never
    overwritten."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for index in range(1, 1000):
        candidate = folder / (name if index == 1 else f"{stem} ({index}){suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"{folder / name} and its numbered variants exist")


def parse_path(argument: str) -> Path | None:
    """A path as typed, or as a terminal pastes a dropped file ('quoted', or with spaces
    escaped by backslashes)."""
    argument = argument.strip()
    if not argument:
        return None
    if not Path(argument).expanduser().exists():
        with contextlib.suppress(ValueError):
            words = shlex.split(argument)
            if len(words) == 1:
                argument = words[0]
    return Path(argument).expanduser()


class Printer:
    """Prints the bot's messages as they stream in, Markdown rendered for the terminal.

    A message being written shows its complete blocks (paragraphs, headings, tables, the
    finished items of a list) as soon as the next one starts, and the rest when it is final:
    what is printed is never taken back. A message rewritten in another way (a status line
    replaced by the answer) is printed again in full."""

    def __init__(self, me: str, out: TextIO | None = None) -> None:
        self.me = me
        self.out = out or sys.stdout
        self.styled = use_style(self.out)
        self.shown: dict[str, str] = {}
        self.done: set[str] = set()
        self.last: str | None = None
        self.finished = asyncio.Event()

    def __call__(self, message: SeenMessage, is_new: bool) -> None:
        if message.sender == self.me:
            return
        if carries_file(message):
            self._file(message)
            return
        streaming = message.body.endswith(TYPING_PLACEHOLDER)
        text = message.body.removesuffix(TYPING_PLACEHOLDER).rstrip()
        rendered = render(stable_prefix(text) if streaming else text, styled=self.styled)
        before = self.shown.get(message.event_id)
        if message.event_id in self.done and rendered == before:
            return  # an edit that changes nothing shown
        if message.event_id == self.last and before is not None and rendered.startswith(before):
            self.out.write(rendered[len(before) :])
        else:
            self.end_line()
            self.out.write(f"🤖 {rendered}")
        self.shown[message.event_id] = rendered
        self.last = message.event_id
        if streaming:
            self.done.discard(message.event_id)
        else:
            self.done.add(message.event_id)
            self.end_line()
            self.finished.set()
        self.out.flush()

    def _file(self, message: SeenMessage) -> None:
        if message.event_id in self.done:
            return
        self.done.add(message.event_id)
        name = sanitize(str(message.content.get("filename") or message.body))
        info = message.content.get("info")
        size = info.get("size") if isinstance(info, dict) else None
        details = f" ({size_text(size)})" if isinstance(size, int) else ""
        self.end_line()
        self.out.write(f"🤖 📎 {name}{details} : /enregistrer pour l'enregistrer\n")
        self.out.flush()
        self.finished.set()

    def end_line(self) -> None:
        """Finish the line a message left open, if any."""
        if self.last is not None:
            self.out.write("\n")
            self.last = None


class StdinLines:
    """Lines from a file descriptor, read only when the event loop reports it readable.

    No thread ever sits in a blocking read, so nothing outlives the loop and quitting never
    waits for Enter. The descriptor's flags and the terminal's mode are left untouched: one
    os.read per readiness cannot block, and a terminal in its usual (canonical) mode hands
    over whole lines, Ctrl-D being an empty read."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._loop = asyncio.get_running_loop()
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()  # None: the end
        self._buffer = b""
        self._eof = False
        try:
            self._loop.add_reader(fd, self._on_readable)
            self._watched = True
        except PermissionError:
            # epoll refuses regular files (`< questions.txt`, /dev/null), which never block.
            self._watched = False

    async def readline(self) -> str | None:
        """The next line without its end, or None at the end of the input."""
        while not self._watched and not self._eof and self._lines.empty():
            self._feed(self._read())
        if self._eof and self._lines.empty():
            return None
        return await self._lines.get()

    def close(self) -> None:
        if self._watched:
            self._loop.remove_reader(self.fd)
            self._watched = False

    def _read(self) -> bytes | None:
        try:
            return os.read(self.fd, READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return None  # nothing after all: wait for the next readiness
        except OSError:
            return b""  # the terminal went away: as good as the end

    def _on_readable(self) -> None:
        self._feed(self._read())

    def _feed(self, data: bytes | None) -> None:
        if data is None or self._eof:
            return
        if not data:
            # A line without its Enter (Ctrl-D after some text) is dropped: the user is leaving.
            self._buffer = b""
            self._eof = True
            self.close()
            self._lines.put_nowait(None)
            return
        *complete, self._buffer = (self._buffer + data).split(b"\n")
        if len(self._buffer) > MAX_LINE:  # a bound on a line that never ends
            complete.append(self._buffer)
            self._buffer = b""
        for line in complete:
            self._lines.put_nowait(line.decode("utf-8", errors="replace").rstrip("\r"))


@dataclass(frozen=True)
class DemoCommand:
    """A command of the terminal chat itself (the bot's own commands start with `!`)."""

    name: str
    aliases: tuple[str, ...]
    usage: str
    help: str
    run: Callable[[ChatSession, str], Awaitable[bool]]  # False: leave the chat


class ChatSession:
    """The terminal chat: lines typed go to the bot, `/` lines are the demo's commands."""

    def __init__(self, agent: AgentClient, room: str, printer: Printer) -> None:
        self.agent = agent
        self.room = room
        self.printer = printer

    def say(self, text: str) -> None:
        self.printer.end_line()
        sys.stdout.write(text + "\n")  # one write: nothing typed meanwhile lands inside
        sys.stdout.flush()

    async def handle(self, line: str) -> bool:
        """Send or run one line; False when the user asked to leave."""
        if not line.startswith("/"):
            await self.agent.send_text(self.room, line)
            return True
        name, _, argument = line[1:].partition(" ")
        command = COMMANDS_BY_NAME.get(name.lower())
        if command is None:
            self.say(f"Commande inconnue : /{name}. {COMMAND_LINE}")
            return True
        return await command.run(self, argument.strip())

    async def help(self, _: str) -> bool:
        lines = ["Commandes de la démo (celles du bot commencent par « ! », voir !aide) :"]
        for command in COMMANDS:
            usage = f"/{command.name} {command.usage}".rstrip()
            aliases = ", ".join(f"/{alias}" for alias in command.aliases)
            lines.append(
                f"  {usage}" + (f" (ou {aliases})" if aliases else "") + f" : {command.help}"
            )
        self.say("\n".join(lines))
        return True

    async def quit(self, _: str) -> bool:
        return False

    async def send(self, argument: str) -> bool:
        path = parse_path(argument)
        if path is None:
            self.say("Indiquez le fichier à envoyer : /envoyer CHEMIN")
            return True
        if not path.is_file():
            self.say(f"Fichier introuvable : {path}")
            return True
        size = path.stat().st_size
        if size > MAX_UPLOAD:
            self.say(f"Fichier trop volumineux pour la démo ({size_text(size)}).")
            return True
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.say(f"🙂 📎 {path.name} ({size_text(size)}, {mimetype})")
        await self.agent.send_file(
            self.room, path.read_bytes(), path.name, mimetype, msgtype=msgtype_for(mimetype)
        )
        return True

    async def save(self, argument: str) -> bool:
        first, _, rest = argument.partition(" ")
        rank = int(first) if first.isdigit() else 1
        folder = parse_path(rest if first.isdigit() else argument) or Path.cwd()
        files = self.agent.files(self.room)
        if not files:
            self.say("Le bot n'a encore envoyé aucun fichier dans cette conversation.")
            return True
        if not 1 <= rank <= len(files):
            count = "un seul fichier" if len(files) == 1 else f"{len(files)} fichiers"
            self.say(f"Le bot n'a envoyé que {count} : /enregistrer 1 pour le dernier.")
            return True
        message = files[-rank]
        data = await self.agent.download_file(message)
        folder.mkdir(parents=True, exist_ok=True)
        target = free_path(
            folder, safe_filename(str(message.content.get("filename") or message.body))
        )
        with target.open("xb") as file:  # never over a file that appeared meanwhile
            file.write(data)
        self.say(f"💾 Enregistré : {target.resolve()} ({size_text(len(data))})")
        return True


COMMANDS = (
    DemoCommand("aide", ("help",), "", "cette liste", ChatSession.help),
    DemoCommand(
        "envoyer",
        ("send",),
        "CHEMIN",
        "envoie un fichier au bot (chiffré, comme Tchap)",
        ChatSession.send,
    ),
    DemoCommand(
        "enregistrer",
        ("save",),
        "[N] [DOSSIER]",
        "enregistre le dernier fichier reçu du bot (ou le N-ième en partant de la fin), "
        "par défaut dans le dossier courant",
        ChatSession.save,
    ),
    DemoCommand(
        "quitter", ("quit", "exit"), "", "arrête la démo (ou Ctrl-C, Ctrl-D)", ChatSession.quit
    ),
)
COMMANDS_BY_NAME = {name: c for c in COMMANDS for name in (c.name, *c.aliases)}
COMMAND_LINE = (
    "Commandes de la démo : "
    + ", ".join(f"/{c.name} {c.usage}".rstrip() for c in COMMANDS)
    + " (ou Ctrl-C, Ctrl-D)."
)


async def chat(session: ChatSession, lines: StdinLines, *, echo: bool) -> int:
    """Read lines until the end of the input or /quitter; a failed line is reported, and the
    chat goes on."""
    session.say(f"Écrivez votre message puis Entrée. {COMMAND_LINE}\n")
    while True:
        line = await lines.readline()
        if line is None:
            return 0
        line = line.strip()
        if not line:
            continue
        if echo:  # the terminal did not show it
            session.say(f"🙂 {line}")
        try:
            if not await session.handle(line):
                return 0
        except (OSError, RuntimeError, ValueError) as exc:
            log.warning("demo command failed", exc_info=True)
            session.say(f"⚠️  Échec : {exc}")


async def ask_once(agent: AgentClient, room: str, printer: Printer, message: str) -> int:
    printer.finished.clear()
    before = len(agent.messages(room))
    await agent.send_text(room, message)
    print(f"🙂 {message}", flush=True)
    try:
        await agent.wait_for_message(
            room,
            predicate=lambda m: not m.body.endswith(TYPING_PLACEHOLDER),
            after=before,
            timeout=60,
        )
    except TimeoutError:
        print("Pas de réponse du bot en 60 s.", file=sys.stderr)
        return 1
    return 0


def prepare(workdir: Path) -> dict[str, str]:
    """The working folder, the log file, and what earlier runs remembered."""
    workdir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        filename=workdir / "bot.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("nio", "httpx2", "httpx", "openai", "peewee", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    state_file = workdir / "state.json"
    return json.loads(state_file.read_text(encoding="utf-8")) if state_file.exists() else {}


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """SIGINT held back while Synapse starts.

    A terminal sends Ctrl-C to its whole process group: Synapse would stop at once, before the
    bot, whose last edits would then retry against a dead server. Started with SIGINT blocked
    (the mask survives exec), Synapse never sees it; the demo stops it last. A Ctrl-C during
    the start-up is delivered when the block is lifted, and stops the demo then."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Stopper:
    """Ctrl-C (SIGINT) and SIGTERM: the first stops the demo cleanly, one during the stop
    leaves at once (Synapse, tied to this process, is stopped by the kernel)."""

    def __init__(self, task: asyncio.Task[Any]) -> None:
        self.task = task
        self.signalled = False
        self.stopping = False  # set when the stop begins, whatever started it

    def request(self) -> None:
        if self.stopping:
            sys.stderr.write("\nArrêt forcé.\n")
            os._exit(130)
        self.signalled = self.stopping = True
        sys.stdout.write("\n")  # after the ^C the terminal echoed
        self.task.cancel()


async def run(workdir: Path, mode: str, once: str | None, stopper: Stopper) -> int:
    """Start Synapse, the bot and the demo user's client, chat, then stop them in reverse."""
    state = prepare(workdir)
    state_file = workdir / "state.json"

    print("Démarrage du serveur Matrix local (Synapse)…", flush=True)
    port = 8008 if port_is_free(8008) else 0
    async with contextlib.AsyncExitStack() as stack:
        with sigint_blocked():
            synapse = start_synapse(workdir / "synapse", port=port)
        stack.callback(synapse.stop)
        bot_password = state.setdefault("bot_password", os.urandom(12).hex())
        bot_id = register(synapse, BOT_LOCALPART, bot_password)
        demo_id = register(synapse, DEMO_LOCALPART, DEMO_PASSWORD)
        state_file.write_text(json.dumps(state), encoding="utf-8")

        real_model = bool(os.environ.get("ASSISTANT__LLM__BASE_URL"))
        llm_url = os.environ.get("ASSISTANT__LLM__BASE_URL", "")
        if not real_model:
            fake = FakeLLM(default_ttft=0.3, tokens_per_second=40, responder=canned_answer)
            await fake.start()
            stack.push_async_callback(fake.stop)
            llm_url = fake.base_url
            print(
                "\n⚠️  Aucun modèle configuré (ASSISTANT__LLM__BASE_URL) : le bot répond avec "
                "des réponses simulées.\n"
            )
        config_file = workdir / "config.toml"
        config_file.write_text(
            "# Written by `make demo`; edited copies are overwritten at the next run.\n"
            f'[matrix]\nhomeserver = "{synapse.base_url}"\nuser_id = "{bot_id}"\n'
            f'password = "{bot_password}"\nstore_dir = "bot/matrix"\nsync_timeout_ms = 10000\n'
            f'[llm]\nbase_url = "{llm_url}"\n'
            '[storage]\ndatabase = "bot/assistant.sqlite3"\n'
            # The demo's local accounts are approved at once, with no terms to accept.
            f'[access]\nauto_approve_homeservers = ["{synapse.server_name}"]\n'
            'terms_version = ""\n',
            encoding="utf-8",
        )
        # A short grace: quitting the demo should not wait for an answer being written (it
        # resumes at the next start).
        app = BotApp(
            load_config(config_file), canned_answers=not real_model, shutdown_grace=STOP_GRACE
        )
        stack.push_async_callback(app.stop)
        await app.start()

        print(
            f"Serveur Matrix : {synapse.base_url}\n"
            f"Utilisateur de démonstration : {demo_id}  (mot de passe : {DEMO_PASSWORD})\n"
            f"Le bot : {bot_id}\n"
            "Connectez n'importe quel client Matrix à cette adresse avec ces identifiants, "
            "ou discutez ci-dessous.\n"
            f"Journal du bot : {workdir / 'bot.log'}\n",
            flush=True,
        )
        agent = await AgentClient.login(
            synapse.base_url, demo_id, DEMO_PASSWORD, workdir / "agent"
        )
        stack.push_async_callback(agent.close)
        printer = Printer(demo_id)
        agent.on_update = printer

        def announce_stop() -> None:
            stopper.stopping = True
            if stopper.signalled:
                printer.last = None  # the line after the ^C is already begun
            printer.end_line()
            if mode != "once":
                print("Arrêt du bot et du serveur Matrix…", flush=True)

        stack.callback(announce_stop)
        await agent.start()
        room = state.get("room")
        if room is None or room not in agent.client.rooms:
            room = await agent.create_dm(bot_id, encrypted=True)
            state["room"] = room
            state_file.write_text(json.dumps(state), encoding="utf-8")
            await agent.wait_member(room, bot_id, timeout=60)
            await agent.wait_for_text(room, "Assistant IA", timeout=60)
            await asyncio.wait_for(printer.finished.wait(), 10)
        if once is not None:
            return await ask_once(agent, room, printer, once)
        if mode == "serve":
            print("Pas de discussion dans ce terminal : Ctrl-C pour arrêter.", flush=True)
            await asyncio.Event().wait()
        lines = StdinLines(sys.stdin.fileno())
        stack.callback(lines.close)
        return await chat(ChatSession(agent, room, printer), lines, echo=not sys.stdin.isatty())
    raise AssertionError("unreachable")  # mypy: the stack does not swallow exceptions


def main() -> None:
    parser = argparse.ArgumentParser(description="Assistant IA: local demo")
    parser.add_argument("--dir", type=Path, default=ROOT / ".demo", help="working folder")
    parser.add_argument("--once", help="send this message, print the answer and exit")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="no chat in this terminal (use another Matrix client); run until Ctrl-C",
    )
    args = parser.parse_args()
    mode = "once" if args.once is not None else "serve" if args.serve else "chat"
    if mode == "chat" and not _has_stdin():
        mode = "serve"
    # Piped, as in the tests, stdout is block-buffered: lines must come out as they are made.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    started = time.monotonic()

    async def guarded() -> int:
        task = asyncio.current_task()
        assert task is not None
        stopper = Stopper(task)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopper.request)
        try:
            code = await run(args.dir, mode, args.once, stopper)
        except asyncio.CancelledError:
            code = 0
        if mode != "once" or stopper.signalled:
            print("Au revoir !", flush=True)
        return code

    code = run_to_end(guarded())
    log.info("demo ran %.0f s", time.monotonic() - started)
    if threading.active_count() > 1:
        # Work the bot left in a thread (loading the personal-data model for a question that
        # was never answered) would keep the interpreter waiting: once everything is stopped,
        # nothing needs it.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def run_to_end(main: Coroutine[Any, Any, int]) -> int:
    """asyncio.run without its last step, which waits for every thread of the default
    executor, however long its work."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(main)
    finally:
        loop.run_until_complete(_cancel_left_tasks())
        loop.run_until_complete(loop.shutdown_asyncgens())
        asyncio.set_event_loop(None)
        loop.close()  # shuts the executor down without waiting


async def _cancel_left_tasks() -> None:
    left = asyncio.all_tasks() - {asyncio.current_task()}
    for task in left:
        task.cancel()
    await asyncio.gather(*left, return_exceptions=True)


def _has_stdin() -> bool:
    try:
        sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):
        return False
    return True


if __name__ == "__main__":
    main()
