"""Time expressions → PartialDate with precision, resolved against the publication date."""

from __future__ import annotations

import pytest

from claimgraph.extract.timex import resolve_time
from claimgraph.records import PartialDate, Precision

PUBLISHED = PartialDate("2025-10-07", Precision.DAY)


@pytest.mark.parametrize(
    ("text", "value", "precision", "end"),
    [
        ("in March", "2025-03", Precision.MONTH, None),
        ("in 2023", "2023", Precision.YEAR, None),
        ("2021", "2021", Precision.YEAR, None),
        ("March 2025", "2025-03", Precision.MONTH, None),
        ("7 October 2025", "2025-10-07", Precision.DAY, None),
        ("Oct 7, 2025 10:30 IST", "2025-10-07", Precision.DAY, None),  # the zone never moves the day
        ("the 1970s and 1980s", "1970", Precision.DECADE, "1989"),
        ("the 1990s", "1990", Precision.DECADE, "1999"),
        ("last year", "2024", Precision.YEAR, None),
        ("in December", "2024-12", Precision.MONTH, None),  # never after publication
    ],
)
def test_resolves_with_precision(text: str, value: str, precision: Precision, end: str | None) -> None:
    got = resolve_time(text, PUBLISHED)
    assert got is not None
    assert (got.value, got.precision, got.end, got.text) == (value, precision, end, text)


@pytest.mark.parametrize("text", ["for more than a decade", "Months later", "recently", "the group", ""])
def test_vague_or_no_time_is_none(text: str) -> None:
    assert resolve_time(text, PUBLISHED) is None


def test_relative_needs_a_publication_date() -> None:
    assert resolve_time("in March", None) is None
    assert resolve_time("March 2016", None) == PartialDate("2016-03", Precision.MONTH, "March 2016")


# A report published on Wednesday 15 May 2024
WEDNESDAY = PartialDate("2024-05-15", Precision.DAY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on Wednesday", "2024-05-15"),  # the publication day itself, never a week early
        ("Wednesday", "2024-05-15"),
        ("Wednesday night", "2024-05-15"),
        ("on Tuesday", "2024-05-14"),  # the day before
        ("late on Tuesday", "2024-05-14"),
        ("on Thursday", "2024-05-09"),  # the latest Thursday before publication
        ("on Monday morning", "2024-05-13"),
        ("last Friday", "2024-05-10"),
        ("last Wednesday", "2024-05-08"),  # "last" on the same weekday: a week before
    ],
)
def test_weekdays_resolve_against_the_publication_day(text: str, value: str) -> None:
    got = resolve_time(text, WEDNESDAY)
    assert got is not None and (got.value, got.precision) == (value, Precision.DAY)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("this week", "2024-05-13", "2024-05-15"),  # its Monday to the publication day
        ("earlier this week", "2024-05-13", "2024-05-15"),
        ("last week", "2024-05-06", "2024-05-12"),  # Monday to Sunday of the week before
    ],
)
def test_a_week_is_the_days_it_spans(text: str, start: str, end: str) -> None:
    got = resolve_time(text, WEDNESDAY)
    assert got is not None and (got.value, got.end, got.precision) == (start, end, Precision.DAY)


def test_a_weekday_needs_a_publication_day() -> None:
    assert resolve_time("on Wednesday", None) is None
