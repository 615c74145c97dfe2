"""Whole-document summaries: how a request is recognised, and the planning (passages ->
batches, page ranges, what a partial summary covers)."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.attachments.summary import (
    MAX_REQUEST_CHARS,
    Piece,
    covered_ranges,
    group,
    is_summary_request,
    page_range,
    parts_text,
    plan,
    requested_pages,
    span,
    within,
)
from handlers.attachments.summary import Part as SummaryPart


@pytest.mark.parametrize(
    "text",
    [
        "Résume ce document",
        "résume ce document stp",
        "Peux-tu résumer ce document ?",
        "Fais-moi une synthèse du PDF",
        "Résumé du document",
        "résume-le",
        "Résume le fichier en 10 points",
        "Tu peux me résumer le rapport ?",
        "Résumé ?",
        "synthèse svp",
        "RÉSUME CE DOCUMENT !",
        "Résume l’ensemble du document, s’il te plaît",
        "Donne-moi un résumé de la pièce jointe",
        "Résume les pages 10 à 30",
    ],
)
def test_summary_requests_are_recognised(text: str) -> None:
    assert is_summary_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Bonjour",
        "Que dit la page 37 ?",
        "Peux-tu résumer ce que tu viens de dire ?",
        "Résume ta réponse",
        "Quelle est la différence entre un résumé et une synthèse administrative ?"
        + " Donne des exemples tirés de la pratique des services déconcentrés" * 3,
        "Résume ce texte : Le comité se réunit chaque trimestre et rend compte au préfet.",
        "Où trouver le CV de l'agent ?",
    ],
)
def test_other_messages_are_not_summary_requests(text: str) -> None:
    assert not is_summary_request(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=MAX_REQUEST_CHARS * 300))
def test_recognition_is_bounded_on_any_text(text: str) -> None:
    # CPU time of this thread, not wall time: a loaded machine that deschedules us does not count.
    started = time.thread_time()
    is_summary_request(text)
    is_summary_request("résume " + text[:MAX_REQUEST_CHARS])
    assert time.thread_time() - started < 0.5


def test_recognition_on_hostile_repetitions_is_fast() -> None:
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    for text in ("résume " * 30, "synthèse " + "-" * 190, "r" * 60_000, " :" * 100):
        is_summary_request(text)
    assert time.thread_time() - started < 0.2


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("Résume ce document", None),
        ("Résume les pages 10 à 30", (10, 30)),
        ("résume les pages 30-10", (10, 30)),
        ("Résume de la page 12 jusqu'à la page 14", (12, 14)),
        ("Fais une synthèse des p. 4–9", (4, 9)),
        ("Résume la page 3", (3, 3)),
        ("Résume le document en 300 mots", None),
        ("Résume en 5 points", None),
    ],
)
def test_the_pages_a_request_names(text: str, pages: tuple[int, int] | None) -> None:
    assert requested_pages(text) == pages


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=MAX_REQUEST_CHARS * 300))
def test_page_parsing_is_bounded_and_ordered(text: str) -> None:
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    found = requested_pages(text)
    assert found is None or found[0] <= found[1]
    found = requested_pages("page 3 " + text[:MAX_REQUEST_CHARS])
    assert found is None or found[0] <= found[1]
    assert time.thread_time() - started < 0.5


def test_within_keeps_the_pages_asked_for() -> None:
    pieces = [Piece(1, None, "a"), Piece(2, None, "b"), Piece(None, "S", "c"), Piece(3, None, "d")]
    assert [p.text for p in within(pieces, (2, 3))] == ["b", "d"]
    assert within(pieces, (7, 9)) == []


def test_page_ranges() -> None:
    assert page_range(12, 12) == "p.\u00a012"
    assert page_range(12, 14) == "p.\u00a012–14"
    assert page_range(None, None) == ""
    assert span([Piece(None, "Feuille 1", "x")]) == (None, None)
    assert span([Piece(4, None, "x"), Piece(2, None, "y"), Piece(None, None, "z")]) == (2, 4)
    assert covered_ranges([(1, 3), (4, 6), (9, 9), (None, None), (8, 8)]) == [(1, 6), (8, 9)]


def test_parts_text_names_the_pages_or_the_part() -> None:
    text = parts_text([SummaryPart(1, 3, "Début."), SummaryPart(None, None, "Suite.")])
    assert "[p.\u00a01–3]\nDébut." in text and "[partie 2]\nSuite." in text


sizes_strategy = st.lists(st.integers(min_value=0, max_value=10_000), max_size=2_000)


@settings(max_examples=300, deadline=None)
@given(sizes_strategy, st.integers(min_value=1, max_value=50_000))
def test_group_covers_every_item_once_in_order_within_the_limit(
    sizes: list[int], limit: int
) -> None:
    groups = group(sizes, limit)
    assert [i for g in groups for i in g] == list(range(len(sizes)))
    for g in groups:
        assert len(g) >= 1
        assert sum(sizes[i] for i in g) <= limit or len(g) == 1
    # Greedy: no two neighbouring groups could have been one.
    for a, b in itertools.pairwise(groups):
        assert sum(sizes[i] for i in a) + sizes[b[0]] > limit


pages_strategy = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
        st.integers(min_value=1, max_value=10_000),
    ),
    max_size=2_000,
)


@settings(max_examples=300, deadline=None)
@given(
    pages_strategy,
    st.integers(min_value=1000, max_value=50_000),
    st.integers(min_value=1000, max_value=400_000),
    st.integers(min_value=1, max_value=500),
)
def test_plan_is_bounded_ordered_and_says_when_it_is_partial(
    raw: list[tuple[int | None, int]], target: int, ceiling: int, max_batches: int
) -> None:
    pieces = [Piece(page, None, "x" * size) for page, size in raw]
    made = plan(pieces, target, ceiling, max_batches)
    assert len(made.batches) <= max_batches
    flat = [p for batch in made.batches for p in batch]
    assert flat == pieces[: len(flat)]  # in order, a prefix of the document
    assert made.complete == (len(flat) == len(pieces))
    assert made.limit <= max(ceiling, 1)
    for batch in made.batches:
        assert batch
        assert sum(len(p.text) for p in batch) <= made.limit or len(batch) == 1
        first, last = span(batch)
        pages = [p.page for p in batch if p.page is not None]
        assert (first, last) == ((min(pages), max(pages)) if pages else (None, None))
    if made.complete and pieces:
        # When everything fits under the ceiling, it never asks more calls than allowed.
        assert len(made.batches) <= max_batches


def test_a_300_page_document_is_read_whole_in_bounded_calls() -> None:
    pieces = [Piece(page, None, "x" * 1200) for page in range(1, 301) for _ in range(2)]
    made = plan(pieces, 12_000, 48_000, 64)
    assert made.complete and len(made.batches) <= 64
    assert span(made.batches[0])[0] == 1 and span(made.batches[-1])[1] == 300
    # A window too small for that: the first pages, and the plan says it is partial.
    small = plan(pieces, 12_000, 6_000, 10)
    assert not small.complete and len(small.batches) == 10
    assert span(small.batches[-1])[1] == 25


def test_summary_texts_follow_french_typography() -> None:
    from handlers.attachments import texts

    shown = [
        texts.summary_started("rapport.pdf", 300),
        texts.summary_started("rapport.pdf", 4, "p.\u00a04–7"),
        texts.summary_progress(40),
        texts.SUMMARY_WRITING,
        texts.SUMMARY_TOO_SLOW,
        texts.SUMMARY_BUSY,
        texts.summary_footer("rapport.pdf", 300, 25),
        texts.summary_footer("notes.docx", None, 1),
        texts.summary_partial_footer("rapport.pdf", 300, ["p.\u00a01–120"], timed_out=True),
        texts.summary_partial_footer("rapport.pdf", 300, [], timed_out=False),
        texts.no_document_to_summarise(),
        texts.pages_not_found("p.\u00a040–50", 12),
        texts.summary_question("rapport.pdf"),
    ]
    for text in shown:
        assert not any(f" {mark}" in text for mark in "!?:;"), text
        assert "« " not in text and " »" not in text, text
    assert texts.summary_progress(40) == "📖 Lecture du document\u00a0: 40\u00a0%…"
