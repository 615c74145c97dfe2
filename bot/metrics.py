"""Prometheus metrics: one registry per bot (not the global one), fed at a few marked places."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# Seconds: from tens of milliseconds (bot overhead) to a slow model's minute.
_LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)


def request_kind(path: str) -> str:
    """A small, fixed set of labels for homeserver requests (never ids from the path)."""
    if "/sync" in path:
        return "sync"
    if "/send/" in path:
        return "send"
    if "/sendToDevice/" in path:
        return "to_device"
    if "/keys/" in path:
        return "keys"
    if "/typing/" in path:
        return "typing"
    if "/join" in path:
        return "join"
    if "/messages" in path:
        return "messages"
    return "other"


class Metrics:
    """The bot's counters, histograms and gauges, plus the little state alerts need."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.messages = Counter(
            "assistant_messages_handled",
            "Events taken from the inbox and handled, by kind (message, command, greeting).",
            ["kind"],
            registry=r,
        )
        self.answers = Counter(
            "assistant_answers", "Model answers delivered to users.", registry=r
        )
        self.errors = Counter(
            "assistant_errors",
            "Events that ended badly, by outcome: user_error, answer_failed, unexpected, gave_up.",
            ["kind"],
            registry=r,
        )
        self.llm_failures = Counter(
            "assistant_llm_failures",
            "Answers the model could not give after retries, by kind (timeout, server…).",
            ["kind"],
            registry=r,
        )
        self.llm_ttft = Histogram(
            "assistant_llm_time_to_first_token_seconds",
            "From the request to the model's first token.",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.llm_total = Histogram(
            "assistant_llm_total_seconds",
            "From the request to the model's last token.",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.tokens = Counter(
            "assistant_llm_tokens",
            "Tokens reported by the model server, by direction (in, out).",
            ["direction"],
            registry=r,
        )
        self.queue_depth = Gauge(
            "assistant_inbox_pending", "Events stored and not yet handled.", registry=r
        )
        self.queue_wait = Histogram(
            "assistant_queue_wait_seconds",
            "From the event's homeserver timestamp to the start of its handling.",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.first_visible = Histogram(
            "assistant_answer_first_visible_seconds",
            "From the start of handling to the answer's first message (includes the model).",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.undecryptable = Counter(
            "assistant_undecryptable_events", "Encrypted events the bot could not decrypt.",
            registry=r,
        )  # fmt: skip
        self.homeserver_requests = Counter(
            "assistant_homeserver_requests",
            "HTTP requests to the homeserver, by kind and status class.",
            ["kind", "status"],
            registry=r,
        )
        self.homeserver_rate_limited = Counter(
            "assistant_homeserver_rate_limited",
            "Homeserver answers 429 / M_LIMIT_EXCEEDED (nio waits and retries).",
            registry=r,
        )
        self.sync_age = Gauge(
            "assistant_sync_age_seconds", "Seconds since the last successful sync.", registry=r
        )
        self.receive_lag = Histogram(
            "assistant_event_receive_lag_seconds",
            "From the event's homeserver timestamp to the bot storing it (sync lag).",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.active_users = Gauge(
            "assistant_active_users", "Distinct senders in the last 24 hours.", registry=r
        )
        self.db_size = Gauge(
            "assistant_database_bytes", "SQLite database size, WAL included.", registry=r
        )
        # For alerts (monotonic seconds): since when the model fails, recent decryption failures.
        self.llm_failing_since: float | None = None
        self.llm_last_error: str | None = None
        self.decryption_failures: deque[float] = deque(maxlen=10_000)

    # Feeding helpers: one call per place in the code ---------------------------------

    def homeserver_response(self, path: str, status: int) -> None:
        self.homeserver_requests.labels(request_kind(path), f"{status // 100}xx").inc()
        if status == 429:
            self.homeserver_rate_limited.inc()

    def llm_ok(self) -> None:
        self.llm_failing_since = None
        self.llm_last_error = None

    def llm_failed(self, kind: str) -> None:
        if self.llm_failing_since is None:
            self.llm_failing_since = self.clock()
        self.llm_last_error = kind

    def undecryptable_event(self) -> None:
        self.undecryptable.inc()
        self.decryption_failures.append(self.clock())

    def recent_decryption_failures(self, window: float) -> int:
        since = self.clock() - window
        return sum(1 for at in self.decryption_failures if at >= since)

    def render(self) -> bytes:
        return generate_latest(self.registry)
