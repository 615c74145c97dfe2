"""The bot's config file for benchmarks: a local homeserver, the fake model, no limits (or the
defaults operators run with)."""

from __future__ import annotations

from pathlib import Path

# Quotas off and the fair queue wide open: benchmarks that measure the bot, not its limits.
NO_LIMITS = """[limits]
messages_per_day = 0
tokens_per_day = 0
burst_per_minute = 0
max_concurrent_requests = 1000
max_queued_requests = 10000
"""


def write_bench_config(
    folder: Path,
    homeserver: str,
    user_id: str,
    password: str,
    llm: str,
    extra: str = "",
    *,
    defaults: bool = False,
) -> Path:
    """`config.toml` in `folder`; `extra` is appended TOML (more sections). `defaults` keeps the
    configuration operators run (quotas, concurrency cap and queue at their defaults, titles
    on); the benchmark agents are approved at once either way."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "config.toml"
    limits = "" if defaults else NO_LIMITS
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
{limits}{extra}""",
        encoding="utf-8",
    )
    return config
