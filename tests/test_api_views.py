"""The explorer's pure helpers: sentence context around a span, partial-date periods and their overlap."""

from __future__ import annotations

from claimgraph.api.views import context_for, overlaps, period, sentence_bounds
from claimgraph.records import Span

TEXT = (
    "First sentence here. The source said “LeT and ISKP met in Quetta.” Then more.\n\n"
    "A new paragraph without an end"
)


def span(needle: str) -> Span:
    i = TEXT.index(needle)
    return Span(i, i + len(needle), needle)


def test_a_clause_widens_to_its_sentence_with_closing_quote() -> None:
    start, end = sentence_bounds(TEXT, span("ISKP met"))
    assert TEXT[start:end] == "The source said “LeT and ISKP met in Quetta.”"


def test_a_whole_sentence_stays_itself_and_paragraphs_bound_it() -> None:
    s = span("First sentence here.")
    assert sentence_bounds(TEXT, s) == (s.start, s.end)
    start, end = sentence_bounds(TEXT, span("new paragraph"))
    assert TEXT[start:end] == "A new paragraph without an end"


def test_context_highlights_are_relative_and_inside_it() -> None:
    ev = span("LeT and ISKP met")
    let = TEXT.index("LeT")
    outside = TEXT.index("First")
    ctx = context_for(TEXT, ev, [(let, let + 3, "subject"), (outside, outside + 5, "object")], ["said"])
    assert ctx["text"] == TEXT[ctx["start"] : ctx["end"]]
    got = {(h["kind"], ctx["text"][h["start"] : h["end"]]) for h in ctx["highlights"]}
    assert got == {("evidence", "LeT and ISKP met"), ("subject", "LeT")}  # "said" lies outside the evidence
    ctx = context_for(TEXT, span("The source said"), cues=["said"])
    assert ("cue", "said") in {(h["kind"], ctx["text"][h["start"] : h["end"]]) for h in ctx["highlights"]}


def test_periods_of_partial_dates() -> None:
    assert period("2025") == ("2025-01-01", "2025-12-31")
    assert period("2025-03") == ("2025-03-01", "2025-03-31")
    assert period("2025-03-14") == ("2025-03-14", "2025-03-14")
    assert period("1970", "1989") == ("1970-01-01", "1989-12-31")


def test_overlap_with_open_and_closed_ranges() -> None:
    march = period("2025-03")
    assert overlaps(march, None, None)
    assert overlaps(march, "2025-03-31", None) and not overlaps(march, "2025-04", None)
    assert overlaps(march, None, "2025-03-01") and not overlaps(march, None, "2025-02-28")
    assert overlaps(period("1970", "1989"), "1985", "2000")
    assert not overlaps(None, "2025", None) and overlaps(None, None, None)
