"""Command line: `assistant-ia run --config PATH` and `assistant-ia check-config --config PATH`."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import importlib.metadata
import importlib.util
import logging
import os
import re
import signal
import sys
from pathlib import Path

from bot.gcpause import paused_gc

# Importing the bot allocates many objects and frees few (a restart's largest part): the
# collector is paused while importing, back on before anything runs.
with paused_gc():
    from bot.config import ConfigError, unfinished_settings
    from bot.logs import setup_logging

    try:  # every feature and its libraries: a missing one is said by main(), not by a traceback
        from bot.app import LAZY_IMPORTS, Config, load_config, offline_checks
    except ImportError as exc:
        _app_import_error: ImportError | None = exc
    else:
        _app_import_error = None

log = logging.getLogger("bot")

EXIT_OK = 0
EXIT_CONFIG = 2
EXIT_ACCOUNT = 3
EXIT_ERROR = 1


# Import names whose distribution on PyPI is named otherwise.
DISTRIBUTIONS = {
    "docx": "python-docx",
    "markdown_it": "markdown-it-py",
    "nio": "matrix-nio[e2e]",
    "odf": "odfpy",
    "olm": "matrix-nio[e2e]",
    "pptx": "python-pptx",
    "prometheus_client": "prometheus-client",
}


def _missing(exc: ImportError) -> str:
    """`trafilatura: No module named 'trafilatura' (reinstall with pip install …)`."""
    module = (exc.name or "").split(".")[0]
    if not module:
        return f"{exc} (reinstall the bot with pip install . in its source folder)"
    wanted = DISTRIBUTIONS.get(module, module)
    bare = re.split(r"[\[<>=!~;, ]", wanted, maxsplit=1)[0].lower().replace("_", "-")
    try:
        required = importlib.metadata.requires("assistant-ia") or []
    except importlib.metadata.PackageNotFoundError:
        required = []
    for requirement in required:  # the version bounds the bot was built with
        name = re.split(r"[\[<>=!~;, ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        if name == bare and ";" not in requirement:
            wanted = requirement
            break
    return f"{module}: {exc} (reinstall with pip install '{wanted}')"


def missing_dependencies(import_all: bool) -> list[str]:
    """The libraries `run` needs that cannot be imported. `import_all` imports even those the
    features import late (check-config); otherwise they are only looked for, so that the bot
    does not carry them in memory (documents are read in a separate process)."""
    if _app_import_error is not None:
        return [_missing(_app_import_error)]
    missing = []
    for name in LAZY_IMPORTS:
        try:
            if import_all:
                importlib.import_module(name)
            elif importlib.util.find_spec(name) is None:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        except ImportError as exc:
            missing.append(_missing(exc))
    return missing


def check_config(config: Config) -> list[str]:
    """Offline checks beyond the schema: never logs in, so never creates a device. One line per
    problem, naming the file's line or the variable to change."""
    where = config.source.where
    problems = unfinished_settings(config)
    for keys, folder in (
        (("matrix", "store_dir"), config.matrix.store_dir),
        (("storage", "database"), config.storage.database.parent),
    ):
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not os.access(existing, os.W_OK):
            problems.append(
                f"{where(keys)}: {'.'.join(keys)}: {folder} cannot be created or written: let "
                f"the user running the bot write in {existing}, or choose another folder"
            )
    for keys, url in (
        (("matrix", "homeserver"), config.matrix.homeserver),
        (("llm", "base_url"), config.llm.base_url),
    ):
        if not url.startswith(("http://", "https://")):
            problems.append(
                f"{where(keys)}: {'.'.join(keys)} must start with http:// or https:// "
                f"(got {url!r})"
            )
    for admin in config.support.admins:
        if not admin.startswith("@") or ":" not in admin:
            problems.append(
                f"{where(('support', 'admins'))}: support.admins: {admin!r} is not a Matrix "
                "user id (@name:server)"
            )
    problems += offline_checks(config)
    return problems


def _check_online(config: Config) -> int:
    """Ask the homeserver (versions, then whoami with the stored session or the token); never
    logs in. 1 when it cannot be reached, 3 when it refuses the account for good."""
    from bot.events import AccountUnusable, MatrixError
    from bot.matrix import HomeserverUnreachable, check_session, refusal_message

    try:
        checked = asyncio.run(check_session(config.matrix))
    except AccountUnusable as exc:
        print(refusal_message(config.matrix, exc), file=sys.stderr)
        return EXIT_ACCOUNT
    except HomeserverUnreachable as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except MatrixError as exc:
        print(f"the homeserver {config.matrix.homeserver} failed: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"configuration OK; {checked}")
    return EXIT_OK


async def _run(config: Config) -> int:
    from bot.account_validity import request_renewal_once
    from bot.app import BotApp
    from bot.events import AccountUnusable, MatrixError
    from bot.matrix import refusal_message

    problems = offline_checks(config)
    if problems:
        for problem in problems:
            log.critical("%s", problem)
        return EXIT_CONFIG
    app = BotApp(config, shutdown_grace=config.ops.shutdown_grace)
    loop = asyncio.get_running_loop()

    def on_signal(sig: signal.Signals) -> None:
        log.info("%s received: stopping", sig.name)
        app.request_stop()

    # Installed before anything talks to the homeserver: the start-up hears them too (BotApp
    # cancels it), and after the start the sync loop and answers in flight.
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, on_signal, sig)
    try:
        async with app:
            await app.wait()
    except AccountUnusable as exc:
        renewal = await request_renewal_once(config.matrix, exc)  # expired: asks once
        log.critical("%s", refusal_message(config.matrix, exc, renewal))
        return EXIT_ACCOUNT
    except MatrixError as exc:  # at start-up: a 4xx other than a refusal of the account
        log.critical("the homeserver %s failed: %s", config.matrix.homeserver, exc)
        return EXIT_ERROR
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="assistant-ia", description="Assistant IA pour Tchap")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("run", "run the bot until SIGTERM or SIGINT"),
        ("check-config", "validate the configuration offline"),
    ):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--config", type=Path, default=Path("config.toml"))
        if name == "check-config":
            cmd.add_argument(
                "--online",
                action="store_true",
                help="also ask the homeserver whether the stored session still works "
                "(expired account, revoked token); never creates a device",
            )
    args = parser.parse_args(argv)

    # Before the configuration: without its libraries, no command can be trusted.
    missing = missing_dependencies(import_all=args.command == "check-config")
    for problem in missing:
        print(f"missing dependency: {problem}", file=sys.stderr)
    if missing:
        return EXIT_CONFIG
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        problems = exc.problems
    else:
        problems = check_config(config)
    # One line per problem, on stderr for both commands (logging is not set up yet).
    for problem in problems:
        print(f"configuration error: {problem}", file=sys.stderr)
    if problems:
        return EXIT_CONFIG
    if args.command == "check-config":
        if args.online:
            return _check_online(config)
        print(f"{args.config}: configuration OK")
        return EXIT_OK
    setup_logging(config.log_level, config.ops.json_logs)
    try:
        return asyncio.run(_run(config))
    except KeyboardInterrupt:
        return EXIT_OK
