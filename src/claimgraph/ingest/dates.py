"""Publication dates as `PartialDate`s: ISO strings, datelines ("Tuesday, October 7, 2025") and metadata.

A date never gains precision it did not have: "October 2025" stays a month, and a missing year is not
filled in with the current one. Time-zone words are dropped before parsing (the date is all we keep),
so an Indian "IST" is never read as Israel or Irish time.
"""

from __future__ import annotations

import re
from functools import cache

from ..records import PartialDate, Precision

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_RE = re.compile(rf"\b(?:{_MONTHS})\b\.?", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?=\W|$)", re.IGNORECASE)
_TZ_RE = re.compile(
    r"\b(?:IST|PKT|AFT|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|[A-Z]{2,4}T)\b(?:[+-]\d+)?"
)
_LABEL_RE = re.compile(
    r"^\s*(?:published|updated|last updated|posted|first published|date)\s*(?:on|at)?\s*[:\-–]?\s*",
    re.IGNORECASE,
)


def parse_iso(value: str) -> PartialDate | None:
    """'2025', '2025-10' or '2025-10-07[T…]' → a PartialDate of that precision; anything else → None."""
    m = _ISO.match(value)
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return PartialDate(f"{year}-{month}-{day}", Precision.DAY, value.strip())
    if month:
        return PartialDate(f"{year}-{month}", Precision.MONTH, value.strip())
    return PartialDate(year, Precision.YEAR, value.strip())


@cache
def _parser() -> object:
    from dateparser.date import DateDataParser

    settings = {
        "REQUIRE_PARTS": ["year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def parse_date(value: str) -> PartialDate | None:
    """Any written date with a year → PartialDate (precision from what was written), else None."""
    value = value.strip()
    if not value:
        return None
    iso = parse_iso(value)
    if iso is not None:
        return iso
    bare = _TIME_RE.sub(" ", _TZ_RE.sub(" ", _LABEL_RE.sub("", value)))
    bare = re.sub(r"\s+", " ", bare).strip(" ,|·-–—")
    if not bare or not _YEAR_RE.search(bare):
        return None
    data = _parser().get_date_data(bare)  # type: ignore[attr-defined]
    if data is None or data.date_obj is None:
        return None
    when, period = data.date_obj, data.period
    if period == "year":
        return PartialDate(f"{when:%Y}", Precision.YEAR, value)
    if period == "month":
        return PartialDate(f"{when:%Y-%m}", Precision.MONTH, value)
    return PartialDate(f"{when:%Y-%m-%d}", Precision.DAY, value)


_WRITTEN_DATE_RE = re.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b(?:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\b\d{4}-\d{2}-\d{2}\b)",
    re.IGNORECASE,
)


def find_date(line: str) -> PartialDate | None:
    """The first written date in `line` ("Mr. X — 17 March 2010" → 2010-03-17), or None."""
    m = _WRITTEN_DATE_RE.search(line)
    if m is None:
        return parse_date(line) if _NUMERIC_DATE_RE.search(line) else None
    found = parse_date(m.group(0))
    if found is None:
        return None
    return PartialDate(found.value, found.precision, line.strip(" `*_"), found.end)


def looks_like_dateline(line: str) -> bool:
    """A short line that is mostly a date: a month name or numeric date, and a year."""
    stripped = line.strip(" `*_")
    if not 6 <= len(stripped) <= 80 or not _YEAR_RE.search(stripped):
        return False
    if not (_MONTH_RE.search(stripped) or _NUMERIC_DATE_RE.search(stripped)):
        return False
    leftover = _MONTH_RE.sub(" ", _LABEL_RE.sub("", stripped))
    leftover = _TZ_RE.sub(" ", _TIME_RE.sub(" ", _NUMERIC_DATE_RE.sub(" ", leftover)))
    words = re.findall(r"[A-Za-z]{2,}", leftover)
    weekdays = {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "on",
        "at",
        "of",
        "st",
        "nd",
        "rd",
        "th",
    }
    extra = [w for w in words if w.lower() not in weekdays]
    return len(extra) <= 4
