"""The LLM client against each peer's quirks, reproduced by the fake server over loopback HTTP:
Mistral's refusal of stream_options, Albert's typed 429s, 503 with Retry-After, 424, 403 and
budget, vLLM/Ollama/llama.cpp's ways of ending and of failing mid-stream; and the key watch."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from bot.answer import failure_text
from bot.config import LLMConfig
from bot.keywatch import STATE_KEY, KeyWatch, parse_me_info, spent
from bot.llm import LLMClient, LLMError, classify, parse_duration, retry_hint
from devtools.fake_llm import PEERS, FakeLLM, Reply

MESSAGES: list[dict[str, Any]] = [
    {"role": "system", "content": "Tu es l'assistant."},
    {"role": "user", "content": "Bonjour"},
]
MODEL = "mistralai/Mistral-Small-3.1-24B-Instruct-2503"


class Sleeps:
    """The client's sleep, recorded instead of waited."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


async def _ignore(text: str) -> None:
    return None


@pytest.fixture
async def servers() -> AsyncIterator[dict[str, FakeLLM]]:
    started: dict[str, FakeLLM] = {}
    for peer in PEERS:
        fake = FakeLLM(peer=peer)
        await fake.start()
        started[peer] = fake
    yield started
    for fake in started.values():
        await fake.stop()


def client(server: FakeLLM, sleeps: Sleeps | None = None, **config: Any) -> LLMClient:
    values: dict[str, Any] = {
        "base_url": server.base_url,
        "api_key": SecretStr("test"),
        "retry_backoff": 0.5,
        "timeout": 5,
        **config,
    }
    return LLMClient(LLMConfig(**values), sleep=sleeps or Sleeps())


def streamed(server: FakeLLM) -> list[dict[str, Any]]:
    return [r for r in server.chat_requests() if r.get("stream")]


# Each peer answers, with its token counts where it gives them ----------------------------------


@pytest.mark.parametrize("peer", PEERS)
async def test_each_peer_answers_and_its_usage_is_read(
    servers: dict[str, FakeLLM], peer: str
) -> None:
    server = servers[peer]
    server.enqueue(Reply(text="Bonjour, je suis là."))
    llm = client(server)
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert completion.text == "Bonjour, je suis là."
    assert completion.finish_reason == "stop"
    assert completion.tokens_out is not None and completion.tokens_out > 0
    assert completion.tokens_in is not None and completion.tokens_in > 0


async def test_mistral_refuses_stream_options_once_per_client(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["mistral"]
    server.enqueue(Reply(text="Première réponse."), Reply(text="Seconde réponse."))
    sleeps = Sleeps()
    llm = client(server, sleeps)
    try:
        first = await llm.stream_chat(MESSAGES, MODEL, _ignore)
        second = await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert (first.text, second.text) == ("Première réponse.", "Seconde réponse.")
    requests = streamed(server)
    # The refused request, the same without stream_options, then only requests without it.
    assert ["stream_options" in r for r in requests] == [True, False, False]
    assert requests[0]["messages"] == requests[1]["messages"] == MESSAGES
    assert sleeps.delays == []  # re-sent at once, not as a retry
    assert llm.stream_options is False
    assert first.tokens_in is not None  # Mistral's usage rides on the last chunk


async def test_a_refusal_that_is_not_about_stream_options_is_not_hidden(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["vllm"]
    server.enqueue(Reply(text="ok"), Reply(fail="budget400"))
    llm = client(server)
    try:
        await llm.stream_chat(MESSAGES, MODEL, _ignore)
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == "budget" and not raised.value.retryable
    # The server took stream_options before: the 400 is not blamed on it, nothing re-sent.
    assert ["stream_options" in r for r in streamed(server)] == [True, True]


# Albert's refusals --------------------------------------------------------------------------


async def test_albert_per_minute_429_waits_for_the_servers_reset(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["albert"]
    server.enqueue(Reply(fail="http429"), Reply(text="Après l'attente."))
    sleeps = Sleeps()
    llm = client(server, sleeps)
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert completion.text == "Après l'attente."
    # x-ratelimit-reset-requests: 12s (the token header's 5h3m0s is the day's window).
    assert sleeps.delays == [12.0]


async def test_albert_daily_429_is_not_retried_and_reported_once(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["albert"]
    server.enqueue(Reply(fail="daily429"), Reply(fail="daily429"), Reply(text="Demain."))
    server.enqueue(Reply(fail="daily429"))
    sleeps = Sleeps()
    reported: list[str] = []
    llm = client(server, sleeps)

    async def on_problem(exc: LLMError) -> None:
        reported.append(exc.kind)

    llm.on_problem = on_problem
    try:
        for _ in range(2):
            with pytest.raises(LLMError) as raised:
                await llm.stream_chat(MESSAGES, MODEL, _ignore)
            assert raised.value.kind == "daily_limit" and not raised.value.retryable
        assert len(streamed(server)) == 2  # one request per answer: no retry
        assert reported == ["daily_limit"]  # the second refusal is not reported again
        await llm.stream_chat(MESSAGES, MODEL, _ignore)  # the next day
        with pytest.raises(LLMError):
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert sleeps.delays == []
    assert reported == ["daily_limit", "daily_limit"]  # a new episode after a success


async def test_albert_503_retry_after_is_honoured_and_bounded(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["albert"]
    server.enqueue(
        Reply(fail="http503"), Reply(fail="http503", retry_after="600"), Reply(text="Enfin.")
    )
    sleeps = Sleeps()
    llm = client(server, sleeps, answer_deadline=300)
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert completion.text == "Enfin."
    assert sleeps.delays == [10.0, 60.0]  # Retry-After: 10, then 600 capped at 60


async def test_a_retry_after_past_the_deadline_gives_up_at_once(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["albert"]
    server.enqueue(Reply(fail="http503"), Reply(text="Trop tard."))
    sleeps = Sleeps()
    llm = client(server, sleeps, answer_deadline=5)
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == "unavailable"
    assert sleeps.delays == [] and len(streamed(server)) == 1


async def test_albert_424_is_transient(servers: dict[str, FakeLLM]) -> None:
    server = servers["albert"]
    server.enqueue(Reply(fail="http424"), Reply(text="Le fournisseur est revenu."))
    sleeps = Sleeps()
    llm = client(server, sleeps)
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert completion.text == "Le fournisseur est revenu." and completion.attempts == 2
    assert sleeps.delays == [0.5]  # no hint: the configured backoff


@pytest.mark.parametrize(
    ("fail", "kind"), [("http403", "key_refused"), ("http401", "key_refused")]
)
async def test_a_refused_key_is_not_retried_and_reported(
    servers: dict[str, FakeLLM], fail: str, kind: str
) -> None:
    server = servers["albert"]
    server.enqueue(Reply(fail=fail))
    reported: list[LLMError] = []
    llm = client(server)

    async def on_problem(exc: LLMError) -> None:
        reported.append(exc)

    llm.on_problem = on_problem
    try:
        with pytest.raises(LLMError) as raised:
            await llm.stream_chat(MESSAGES, MODEL, _ignore)
    finally:
        await llm.close()
    assert raised.value.kind == kind and not raised.value.retryable
    assert len(streamed(server)) == 1
    assert [e.kind for e in reported] == [kind]


# Errors in the middle of a stream, each peer its own way --------------------------------------


@pytest.mark.parametrize(
    ("peer", "kind"),
    [
        ("vllm", "stream_error"),  # data: {"error": ...}, then [DONE]
        ("albert", "stream_error"),  # event: error, data: {"error": ...}
        ("openai", "stream_error"),
        ("ollama", "truncated"),  # a bare JSON object: invisible to an SSE reader
        ("llamacpp", "truncated"),  # an `error:` field: ignored by SSE readers
        ("mistral", "stream_error"),
    ],
)
async def test_an_error_mid_stream_is_retried_from_scratch(
    servers: dict[str, FakeLLM], peer: str, kind: str
) -> None:
    server = servers[peer]
    server.enqueue(
        Reply(text="Une réponse qui sera coupée en route.", fail="midstream"),
        Reply(text="La réponse entière."),
    )
    failures: list[str] = []
    seen: list[str] = []

    async def on_retry(exc: LLMError) -> None:
        failures.append(exc.kind)

    async def on_text(text: str) -> None:
        seen.append(text)

    llm = client(server)
    try:
        completion = await llm.stream_chat(MESSAGES, MODEL, on_text, on_retry)
    finally:
        await llm.close()
    assert failures == [kind]
    assert completion.text == "La réponse entière." and completion.attempts == 2
    assert seen[0].startswith("Une ")  # the cut answer was shown, then reset by on_retry


# Classification and hints, from the real servers' messages ------------------------------------


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Request limit per day exceeded.", "daily_limit"),  # OpenGateLLM 2026
        ("Token limit per day exceeded.", "daily_limit"),
        ("10 requests per day exceeded (remaining: 0).", "daily_limit"),  # before 2026
        ("1000 input tokens for albert-large per day exceeded (remaining: 3).", "daily_limit"),
        ("Rate limit exceeded: free-models-per-day", "daily_limit"),  # OpenRouter
        ("Request limit per minute exceeded.", "rate_limited"),
        ("10 requests per minute exceeded (remaining: 0).", "rate_limited"),
        ("Rate limit reached", "rate_limited"),
    ],
)
def test_429s_are_typed(message: str, kind: str) -> None:
    error = classify(429, message, {})
    assert error.kind == kind
    assert error.retryable is (kind == "rate_limited")


def test_other_statuses() -> None:
    assert classify(424, "Model provider x not reachable (502): -", {}).retryable
    assert classify(503, "busy", {"Retry-After": "10"}).retry_after == 10.0
    assert classify(400, "Insufficient budget.", {}).kind == "budget"
    assert classify(403, "Your account has expired.", {}).kind == "key_refused"
    assert classify(404, "Model not found.", {}).kind == "refused"
    assert classify(502, "Bad Gateway", {}).kind == "server"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("10", 10.0),
        ("1.5", 1.5),
        ("42s", 42.0),
        ("1m5s", 65.0),
        ("3h2m1s", 10921.0),
        ("250ms", 0.25),
        ("-1", None),
        ("soon", None),
        ("", None),
        ("nan", None),
    ],
)
def test_durations(value: str, seconds: float | None) -> None:
    assert parse_duration(value) == seconds


def test_retry_after_http_date_and_the_limits_own_reset_header() -> None:
    later = (datetime.now(UTC) + timedelta(seconds=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    hint = retry_hint({"Retry-After": later})
    assert hint is not None and 20 <= hint <= 30
    headers = {"x-ratelimit-reset-requests": "12s", "x-ratelimit-reset-token": "5h"}
    assert retry_hint(headers, "Request limit per minute exceeded.") == 12.0
    assert retry_hint(headers, "Token limit per minute exceeded.") == 5 * 3600
    assert retry_hint({"retry-after-ms": "1500", "Retry-After": "9"}) == 1.5


def test_the_agent_reads_what_happened() -> None:
    assert "limite d'utilisation pour aujourd'hui" in failure_text(
        LLMError("daily_limit", retryable=False), "R1"
    )
    assert "clé d'accès" in failure_text(LLMError("key_refused", retryable=False), "R1")
    assert "crédit" in failure_text(LLMError("budget", retryable=False), "R1")
    assert "R1" in failure_text(LLMError("server"), "R1")


# The key watch ------------------------------------------------------------------------------


class Memory:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def set(self, key: str, value: str) -> None:
        self.values[key] = value


class Room:
    def __init__(self) -> None:
        self.posts: list[tuple[str, str]] = []

    async def post(self, key: str, text: str) -> bool:
        self.posts.append((key, text))
        return True


NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def watch(server: FakeLLM, state: Memory, room: Room, now: list[datetime]) -> KeyWatch:
    llm = client(server)
    return KeyWatch(llm, state, lambda: now[0], room.post, lambda coro: None)


async def test_expiry_warnings_go_out_once_per_threshold_across_restarts(
    servers: dict[str, FakeLLM],
) -> None:
    server = servers["albert"]
    server.me_info["expires"] = int((NOW + timedelta(days=20)).timestamp())
    state, room, now = Memory(), Room(), [NOW]
    first = watch(server, state, room, now)
    await first.check()
    await first.check()  # the next day's check: nothing new
    assert [key for key, _ in room.posts] == ["key_expiry"]
    assert "expire dans 20 jours" in room.posts[0][1]
    await first.llm.close()

    second = watch(server, state, room, now)  # a restart keeps what was said
    await second.check()
    assert len(room.posts) == 1
    now[0] = NOW + timedelta(days=14)  # 6 days left: the 7-day threshold
    await second.check()
    now[0] = NOW + timedelta(days=21)  # expired
    await second.check()
    await second.check()
    await second.llm.close()
    assert len(room.posts) == 3
    assert "6 jours" in room.posts[1][1] and "a expiré" in room.posts[2][1]
    assert [r.path for r in server.requests].count("/v1/me/info") == 6


async def test_budget_warning_with_the_last_weeks_pace(servers: dict[str, FakeLLM]) -> None:
    server = servers["albert"]
    server.me_info["budget"] = 100.0
    state, room, now = Memory(), Room(), [NOW]
    keywatch = watch(server, state, room, now)
    await keywatch.check()
    assert room.posts == []  # 100 % of what was seen, no usage listed
    server.me_info["budget"] = 15.0  # 15 % left
    server.usage_records = [{"object": "usage", "usage": {"cost": 7.0}} for _ in range(7)]
    await keywatch.check()
    assert len(room.posts) == 1
    text = room.posts[0][1]
    assert "15,00" in text and "15\u00a0%" in text and "2 jours" in text
    await keywatch.check()
    assert len(room.posts) == 1  # once per threshold
    server.me_info["budget"] = 500.0  # topped up, then spent
    await keywatch.check()
    server.me_info["budget"] = 0
    await keywatch.check()
    await keywatch.llm.close()
    assert len(room.posts) == 2 and "épuisé" in room.posts[1][1]
    saved = json.loads(state.values[STATE_KEY])
    assert saved["epoch"] == 1 and saved["top"] == 500.0


@pytest.mark.parametrize("peer", ["mistral", "vllm", "ollama", "llamacpp", "openai"])
async def test_servers_without_me_info_are_skipped_quietly(
    servers: dict[str, FakeLLM], peer: str
) -> None:
    server = servers[peer]
    state, room = Memory(), Room()
    keywatch = watch(server, state, room, [NOW])
    await keywatch.check()
    await keywatch.check()
    await keywatch.llm.close()
    assert keywatch.albert is False and room.posts == [] and state.values == {}
    assert [r.path for r in server.requests] == ["/v1/me/info"]  # asked once, then left


def test_me_info_and_usage_parsing_is_defensive() -> None:
    assert parse_me_info([]) is None
    info = parse_me_info({"expires": "demain", "budget": True})
    assert info is not None and info.expires is None and info.budget is None
    assert parse_me_info({"expires": 10**13}) == parse_me_info({})
    assert spent({"data": "x"}) is None
    rows = [{"usage": {"cost": 1.0}}, {"usage": None}, "x"]
    assert spent({"data": rows, "total": 30}) == 10.0  # paged: 3 of 30 rows listed
