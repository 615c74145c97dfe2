"""`make demo`: a local homeserver, the bot and a terminal chat with it, on embedded defaults."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any

from bot.app import BotApp, load_config
from bot.texts import TYPING_PLACEHOLDER
from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, last_user_message
from devtools.synapse import SynapseError, SynapseServer, start_synapse

ROOT = Path(__file__).resolve().parent.parent
BOT_LOCALPART = "assistant-ia"
DEMO_LOCALPART = "demo"
DEMO_PASSWORD = "demo-tchap"


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


class Printer:
    """Prints the bot's messages as they stream in: new text only, placeholders left out."""

    def __init__(self, me: str) -> None:
        self.me = me
        self.shown: dict[str, str] = {}
        self.last: str | None = None
        self.finished = asyncio.Event()

    def __call__(self, message: SeenMessage, is_new: bool) -> None:
        if message.sender == self.me:
            return
        streaming = message.body.endswith(TYPING_PLACEHOLDER)
        text = message.body.removesuffix(TYPING_PLACEHOLDER).rstrip()
        before = self.shown.get(message.event_id, "")
        if message.event_id != self.last or not text.startswith(before):
            prefix = "\n" if self.last is not None else ""
            sys.stdout.write(f"{prefix}🤖 {text}")
        else:
            sys.stdout.write(text[len(before) :])
        sys.stdout.flush()
        self.shown[message.event_id] = text
        self.last = message.event_id
        if not streaming:
            sys.stdout.write("\n")
            self.last = None
            self.finished.set()


async def chat(agent: AgentClient, room: str, printer: Printer, once: str | None) -> int:
    if once is not None:
        printer.finished.clear()
        before = len(agent.messages(room))
        await agent.send_text(room, once)
        print(f"🙂 {once}")
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
    loop = asyncio.get_running_loop()
    if not sys.stdin.isatty():
        await asyncio.Event().wait()  # no terminal: serve until stopped
    print("Écrivez votre message puis Entrée (/quit pour sortir).\n")
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or line.strip() in ("/quit", "/exit"):
            return 0
        if line.strip():
            await agent.send_text(room, line.strip())


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


async def run(workdir: Path, once: str | None) -> int:
    state = prepare(workdir)
    state_file = workdir / "state.json"

    print("Démarrage du serveur Matrix local (Synapse)…", flush=True)
    port = 8008 if port_is_free(8008) else 0
    synapse = start_synapse(workdir / "synapse", port=port)
    fake: FakeLLM | None = None
    app: BotApp | None = None
    agent: AgentClient | None = None
    try:
        bot_password = state.setdefault("bot_password", os.urandom(12).hex())
        bot_id = register(synapse, BOT_LOCALPART, bot_password)
        demo_id = register(synapse, DEMO_LOCALPART, DEMO_PASSWORD)
        state_file.write_text(json.dumps(state), encoding="utf-8")

        real_model = bool(os.environ.get("ASSISTANT__LLM__BASE_URL"))
        llm_url = os.environ.get("ASSISTANT__LLM__BASE_URL", "")
        if not real_model:
            fake = FakeLLM(default_ttft=0.3, tokens_per_second=40, responder=canned_answer)
            await fake.start()
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
        app = BotApp(load_config(config_file), canned_answers=not real_model)
        await app.start()

        print(
            f"Serveur Matrix : {synapse.base_url}\n"
            f"Utilisateur de démonstration : {demo_id}  (mot de passe : {DEMO_PASSWORD})\n"
            f"Le bot : {bot_id}\n"
            "Connectez n'importe quel client Matrix à cette adresse avec ces identifiants, "
            "ou discutez ci-dessous.\n"
            f"Journal du bot : {workdir / 'bot.log'}\n"
        )
        agent = await AgentClient.login(
            synapse.base_url, demo_id, DEMO_PASSWORD, workdir / "agent"
        )
        printer = Printer(demo_id)
        agent.on_update = printer
        await agent.start()
        room = state.get("room")
        if room is None or room not in agent.client.rooms:
            room = await agent.create_dm(bot_id, encrypted=True)
            state["room"] = room
            state_file.write_text(json.dumps(state), encoding="utf-8")
            await agent.wait_member(room, bot_id, timeout=60)
            await agent.wait_for_text(room, "Assistant IA", timeout=60)
            await asyncio.wait_for(printer.finished.wait(), 10)
        return await chat(agent, room, printer, once)
    finally:
        if agent is not None:
            await agent.close()
        if app is not None:
            await app.stop()
        if fake is not None:
            await fake.stop()
        synapse.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Assistant IA: local demo")
    parser.add_argument("--dir", type=Path, default=ROOT / ".demo", help="working folder")
    parser.add_argument("--once", help="send this message, print the answer and exit")
    args = parser.parse_args()
    started = time.monotonic()

    async def guarded() -> int:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        assert task is not None
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, task.cancel)
        try:
            return await run(args.dir, args.once)
        except asyncio.CancelledError:
            print("\nAu revoir !")
            return 0

    with contextlib.suppress(KeyboardInterrupt):
        code = asyncio.run(guarded())
        logging.getLogger(__name__).info("demo ran %.0f s", time.monotonic() - started)
        sys.exit(code)


if __name__ == "__main__":
    main()
