"""mxc:// URIs are checked (server name, media id) before any authenticated request."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.events import parse_mxc


@pytest.mark.parametrize(
    ("url", "parsed"),
    [
        ("mxc://agent.tchap.gouv.fr/AbC_12-x", ("agent.tchap.gouv.fr", "AbC_12-x")),
        ("mxc://localhost:8008/abc", ("localhost:8008", "abc")),
        ("mxc://127.0.0.1/abc", ("127.0.0.1", "abc")),
        ("mxc://[::1]:8448/abc", ("[::1]:8448", "abc")),
    ],
)
def test_valid_uris(url: str, parsed: tuple[str, str]) -> None:
    assert parse_mxc(url) == parsed


@pytest.mark.parametrize(
    "url",
    [
        None,
        42,
        "",
        "mxc://",
        "mxc://server",
        "mxc://server/",
        "mxc://server/a/b",
        "mxc://server/../../_synapse/admin/v1/users",
        "mxc://server/abc?x=1",
        "mxc://server/abc#x",
        "mxc://server/ab%2Fc",
        "mxc://ser ver/abc",
        "mxc://user@server/abc",
        "mxc://server:99999999/abc",
        "mxc://-server/abc",
        "mxc://server/" + "a" * 300,
        "https://server/abc",
        "MXC://server/abc",
        "mxc://ｓｅｒｖｅｒ/abc",
        "mxc://server/abc\n",
    ],
)
def test_invalid_uris(url: object) -> None:
    assert parse_mxc(url) is None


@settings(max_examples=300, deadline=1000)
@given(st.text(max_size=600))
def test_anything_parsed_is_plain_ascii_without_path_tricks(text: str) -> None:
    for url in (text, "mxc://" + text):
        parsed = parse_mxc(url)
        if parsed is not None:
            server, media = parsed
            assert url == f"mxc://{server}/{media}" and url.isascii()
            assert "/" not in server and "/" not in media and ".." not in media
