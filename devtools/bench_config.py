"""The bot's config file for benchmarks: a local homeserver, the fake model, no limits."""

from __future__ import annotations

from pathlib import Path


def write_bench_config(
    folder: Path, homeserver: str, user_id: str, password: str, llm: str, extra: str = ""
) -> Path:
    """`config.toml` in `folder`; `extra` is appended TOML (more sections)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "config.toml"
    config.write_text(
        f"""
[matrix]
homeserver = "{homeserver}"
user_id = "{user_id}"
password = "{password}"
store_dir = "matrix"
[llm]
base_url = "{llm}"
api_key = "bench"
[storage]
database = "assistant.sqlite3"
[access]
# Benchmark agents are approved at once, with no terms to accept.
auto_approve_homeservers = ["{user_id.split(":", 1)[1]}"]
terms_version = ""
[limits]
# Quotas off and the fair queue wide open: benchmarks measure the bot, not its limits.
messages_per_day = 0
tokens_per_day = 0
burst_per_minute = 0
max_concurrent_requests = 1000
max_queued_requests = 10000
{extra}""",
        encoding="utf-8",
    )
    return config
