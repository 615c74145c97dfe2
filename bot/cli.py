"""Command line: `assistant-ia run --config PATH` and `assistant-ia check-config --config PATH`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from bot.app import Config, load_config, offline_checks
from bot.config import ConfigError
from bot.logs import setup_logging

log = logging.getLogger("bot")

EXIT_OK = 0
EXIT_CONFIG = 2
EXIT_ACCOUNT = 3
EXIT_ERROR = 1


def check_config(config: Config) -> list[str]:
    """Offline checks beyond the schema: never logs in, so never creates a device."""
    problems = []
    for label, folder in (
        ("matrix.store_dir", config.matrix.store_dir),
        ("storage.database", config.storage.database.parent),
    ):
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not os.access(existing, os.W_OK):
            problems.append(f"{label}: {folder} cannot be created or written")
    if not config.matrix.homeserver.startswith(("http://", "https://")):
        problems.append("matrix.homeserver must start with http:// or https://")
    if not config.llm.base_url.startswith(("http://", "https://")):
        problems.append("llm.base_url must start with http:// or https://")
    for admin in config.support.admins:
        if not admin.startswith("@") or ":" not in admin:
            problems.append(f"support.admins: {admin!r} is not a Matrix user id")
    problems += offline_checks(config)
    return problems


def _check_online(config: Config) -> int:
    from bot.events import AccountUnusable, MatrixError
    from bot.matrix import check_session

    try:
        checked = asyncio.run(check_session(config.matrix))
    except AccountUnusable as exc:
        print(
            f"the bot's Matrix account cannot be used ({exc.errcode}): renew it (Tchap sends a "
            "renewal e-mail) or issue a new token, then restart",
            file=sys.stderr,
        )
        return EXIT_ACCOUNT
    except (MatrixError, OSError) as exc:
        print(f"homeserver check failed: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not checked:
        print("configuration OK; no stored session to check yet (the first run logs in)")
    else:
        print(f"configuration OK; session of {config.matrix.user_id} accepted by the homeserver")
    return EXIT_OK


async def _run(config: Config) -> int:
    from bot.app import BotApp
    from bot.events import AccountUnusable

    problems = offline_checks(config)
    if problems:
        for problem in problems:
            log.critical("%s", problem)
        return EXIT_CONFIG
    app = BotApp(config, shutdown_grace=config.ops.shutdown_grace)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, app.request_stop)
    try:
        async with app:
            await app.wait()
    except AccountUnusable as exc:
        log.critical(
            "the bot's Matrix account cannot be used (%s): renew or reactivate it, then restart",
            exc.errcode,
        )
        return EXIT_ACCOUNT
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

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    problems = check_config(config)
    if args.command == "check-config":
        if problems:
            print(f"{args.config}: invalid configuration:", file=sys.stderr)
            for problem in problems:
                print(f"- {problem}", file=sys.stderr)
            return EXIT_CONFIG
        if args.online:
            return _check_online(config)
        print(f"{args.config}: configuration OK")
        return EXIT_OK
    setup_logging(config.log_level, config.ops.json_logs)
    if problems:
        for problem in problems:
            log.error("configuration: %s", problem)
        return EXIT_CONFIG
    try:
        return asyncio.run(_run(config))
    except KeyboardInterrupt:
        return EXIT_OK
