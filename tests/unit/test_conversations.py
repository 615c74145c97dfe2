"""Conversations without Matrix: thread and reply relations, titles, the search query, and
command names shared by rooms of different kinds."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import CommandTable, Router
from bot.context import Ctx
from bot.conversation import TITLE_CHARS
from bot.matrix import relations
from handlers.conversations.router import TITLE_QUESTION_CHARS, clean_title, title_from_question
from storage.conversations import fts_query


def test_relations_read_threads_and_replies() -> None:
    thread = {
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": "$root",
            "is_falling_back": True,
            "m.in_reply_to": {"event_id": "$last"},
        }
    }
    assert relations(thread) == ("$root", None)  # the fallback is not a real reply
    quoted = {**thread, "m.relates_to": {**thread["m.relates_to"], "is_falling_back": False}}
    assert relations(quoted) == ("$root", "$last")
    assert relations({"m.relates_to": {"m.in_reply_to": {"event_id": "$x"}}}) == (None, "$x")
    assert relations({"body": "x"}) == (None, None)


def test_clean_title() -> None:
    assert clean_title('Titre : "Note au préfet".\nAutre') == "Note au préfet"
    assert clean_title("**Congés**") == "Congés"
    assert len(clean_title("mot " * 40)) == 60


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('congés "bonifiés" OR x*') == '"congé"* "bonifié"* "OR"* "x"*'
    assert fts_query("  !?  ") is None
    assert fts_query("marchés" + ' b"c') == '"marché"* "b"* "c"*'


def test_a_name_may_be_shared_only_by_disjoint_rooms() -> None:
    async def handler(ctx: Ctx) -> None:
        return None

    one, two, three = Router("one"), Router("two"), Router("three")
    one.command("x", usage="!x", help="h", where=frozenset({"dm"}))(handler)
    two.command("x", usage="!x", help="h", where=frozenset({"support"}))(handler)
    table = CommandTable([one, two])
    assert table.find("x", "dm") is one.commands[0]
    assert table.find("x", "support") is two.commands[0]
    assert table.find("x", "group") is one.commands[0]  # the caller says "not here"
    three.command("x", usage="!x", help="h", where=frozenset({"dm", "group"}))(handler)
    with pytest.raises(ValueError, match="twice"):
        CommandTable([one, two, three])


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("Comment fonctionnent les congés bonifiés ?", "Comment fonctionnent les congés bonifiés"),
        (
            "bonjour, comment poser un jour de télétravail ?",
            "Comment poser un jour de télétravail",
        ),
        ("Bonjour à tous ! qui valide mes congés\u00a0? merci", "Qui valide mes congés"),
        ("Qu'est-ce que le RIFSEEP ?", "Qu'est-ce que le RIFSEEP"),
        ("  rédiger   une note au préfet s'il vous plaît.", "Rédiger une note au préfet"),
        ("Congés ?", "Congés"),
        (
            "« Quel délai de prévenance pour un temps partiel ? »",
            "Quel délai de prévenance pour un temps partiel",
        ),
        (
            "Quelle est la date limite pour déposer mon dossier de retraite anticipée ?",
            "Quelle est la date limite pour déposer mon dossier de…",
        ),
    ],
)
def test_a_short_clean_question_is_its_own_title(question: str, title: str) -> None:
    assert title_from_question(question) == title


@pytest.mark.parametrize(
    "question",
    [
        "Bonjour !",  # nothing left once greeted
        "Voici mon texte. Peux-tu le corriger ?",  # two sentences
        "Résume ce courriel :\nBonjour Marc, …",  # several lines
        "Que dit https://www.service-public.fr/particuliers/vosdroits/F1234 ?",
        "Corrige `SELECT * FROM agents`",
        "COMMENT POSER UN CONGÉ",
        "Le décret n° 2020-524 du 5 mai 2020 ?",  # more figures than words
        "Peux-tu lire rapport.pdf ?",
        "@marc.dupont peux-tu voir ?",
        "mot " * 20,  # too many words
        "x" * (TITLE_QUESTION_CHARS + 1),
    ],
)
def test_a_long_or_messy_question_asks_the_model(question: str) -> None:
    assert title_from_question(question) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=10_000) | st.text(alphabet="abcdé ,?!.'’«»\u00a0\n", max_size=10_000))
def test_title_from_question_is_bounded_and_clean(question: str) -> None:
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    title = title_from_question(question)
    assert time.thread_time() - started < 0.05
    if title is None:
        return
    assert 0 < len(title) <= TITLE_CHARS
    assert "\n" not in title and not title.endswith(("?", " ", "\u00a0"))
    assert not title[0].islower() or title[0].upper() == title[0]  # ª, º have no capital
    assert title == title_from_question(question)  # deterministic


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["congés", "télétravail", "agent", "prime", "délai"]),
        min_size=1,
        max_size=9,
    )
)
def test_short_word_questions_keep_their_words(words: list[str]) -> None:
    question = " ".join(words) + " ?"
    title = title_from_question(question)
    assert title is not None
    kept = title.removesuffix("…").split()
    assert kept[0].lower() == words[0] and [w.lower() for w in kept[1:]] == words[1 : len(kept)]
