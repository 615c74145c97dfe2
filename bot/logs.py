"""Logging: plain or JSON lines carrying the room/event/user ids of the event being handled."""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

# Set by the dispatcher around the handling of one event; every log line inside carries it.
event_context: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "event_context", default=None
)

# Fields a log call may pass with `extra=` (ids, counts, durations; never content).
EXTRA_FIELDS = ("duration_ms", "outcome", "kind", "attempt", "edits", "tokens_out", "ttft_ms")

NOISY_LOGGERS = ("nio", "peewee", "httpx", "httpx2", "openai", "aiohttp.access")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, event ids, extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        context = event_context.get()
        if context:
            data.update(context)
        for name in EXTRA_FIELDS:
            value = record.__dict__.get(name)
            if value is not None:
                data[name] = value
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


class ContextFormatter(logging.Formatter):
    """The plain format, with the event's ids appended when a line has them."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        context = event_context.get()
        if context:
            line += " [" + " ".join(f"{k}={v}" for k, v in context.items()) + "]"
        return line


def make_handler(json_logs: bool, stream: TextIO | None = None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    if json_logs:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(ContextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def setup_logging(level: str, json_logs: bool = False) -> None:
    logging.basicConfig(level=level.upper(), handlers=[make_handler(json_logs)], force=True)
    quiet_noisy_loggers()


def quiet_noisy_loggers() -> None:
    # nio and the HTTP stacks are chatty at INFO, and DEBUG would print message contents.
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
