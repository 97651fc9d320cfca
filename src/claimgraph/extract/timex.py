"""Time expressions → `PartialDate` with the precision the text gives, resolved against the publication date.

"in March" in an article of 7 October 2025 is 2025-03 (month), "in 2021" is 2021 (year), "the 1970s and
1980s" is 1970..1989 (decade), "for more than a decade" is no date at all. dateparser does the calendar
work; what is hand-written here is only the gate (which phrases are dates at all), decades (dateparser
turns "the 1970s" into today) and the truncation to the stated precision, so a missing day is never
filled in from the reference date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from ..records import PartialDate, Precision

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_RE = re.compile(rf"\b(?:{_MONTHS})\.?\b", re.I)
#: a year written in a text (1500-2099)
YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_DECADES_RE = re.compile(r"\b(?:the\s+)?((?:1[5-9]|20)\d0)['’]?s\b(?:\s*(?:and|to|-|–|through)\s*(?:the\s+)?"
                         r"((?:1[5-9]|20)?\d0)['’]?s\b)?", re.I)
_RELATIVE_RE = re.compile(
    r"\b(yesterday|today|last (?:week|month|year)|this (?:week|month|year)|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\b|\b[A-Z]{2,4}T\b")
# "May" and "March" are also words: only a month when a year or day is next to it, or after "in"/"since"
_BARE_MONTH_RE = re.compile(rf"^(?:(?:in|since|by|until|from|during|early|late|mid|mid-)\s+)?(?:{_MONTHS})$", re.I)

_PERIOD = {"day": Precision.DAY, "month": Precision.MONTH, "year": Precision.YEAR}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a weekday alone, with "on"/"last"/"early"/"late", and a part of the day after it ("Wednesday night")
_WEEKDAY_RE = re.compile(
    r"^(?:(?:early|late)\s+)?(?:(on|last|this past|past|previous)\s+)?(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:morning|afternoon|evening|night|midnight|noon))?$", re.I)


@lru_cache(maxsize=8)
def _parser(base: dt.date | None) -> DateDataParser:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        # parse wall-clock dates as written: a zone abbreviation ("IST") is not converted, so it
        # cannot move the day (and "IST" can never be read as Israel)
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _base(published: PartialDate | None) -> dt.date | None:
    if published is None:
        return None
    try:
        parts = [int(x) for x in published.value.split("-")]
    except ValueError:
        return None
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts[:3])
    except ValueError:
        return None


def _decade(text: str) -> PartialDate | None:
    m = _DECADES_RE.search(text)
    if m is None:
        return None
    first = int(m.group(1))
    last = first
    if m.group(2):
        second = m.group(2)
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return PartialDate(str(first), Precision.DECADE, text.strip(), str(last + 9))


@lru_cache(maxsize=4096)
def resolve_time(text: str, published: PartialDate | None) -> PartialDate | None:
    """A date for a time expression, truncated to the precision the text states; None if it is no date.

    Relative expressions ("in March", "last year", "on Tuesday") need `published`; without it only
    expressions that name a year resolve.
    """
    text = text.strip()
    if not text or len(text) > 60:
        return None
    decade = _decade(text)
    if decade is not None:
        return decade
    has_year = YEAR_RE.search(text) is not None
    has_month = _MONTH_RE.search(text) is not None
    relative = _RELATIVE_RE.search(text) is not None
    if not (has_year or has_month or relative):
        return None
    base = _base(published)
    if not has_year and base is None:
        return None
    weekday = _weekday(text, base)
    if weekday is not None:
        return weekday
    week = _week(text, base)
    if week is not None:
        return week
    if has_month and not has_year and not re.search(r"\d", text) and not _BARE_MONTH_RE.match(text):
        return None
    cleaned = _TIME_OF_DAY_RE.sub(" ", text)
    cleaned = re.sub(r"^(?:in|on|since|by|until|from|during|of|the|early|late)\s+", "", cleaned.strip(), flags=re.I)
    try:
        data = _parser(base).get_date_data(cleaned)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    precision = _PERIOD.get(data.period or "", Precision.DAY)
    if has_year and not has_month and not re.search(r"\d{1,2}\s*(?:st|nd|rd|th)?\b(?!\d)", YEAR_RE.sub("", text)):
        precision = Precision.YEAR
    d = data.date_obj.date()
    if base is not None and not has_year and d > base:
        return None  # "in December" read as last December; never a date after publication
    value = {Precision.YEAR: f"{d.year:04d}", Precision.MONTH: f"{d.year:04d}-{d.month:02d}"}.get(
        precision, d.isoformat())
    return PartialDate(value, precision, text)


_WEEK_RE = re.compile(r"^(?:(?:earlier|later)\s+)?(this|last|past|previous)\s+week$", re.I)


def _week(text: str, base: dt.date | None) -> PartialDate | None:
    """A week before publication as the days it spans: "this week" (from its Monday to the publication day),
    "last week" (Monday to Sunday of the week before). dateparser reads either as one day."""
    m = _WEEK_RE.match(text)
    if m is None or base is None:
        return None
    monday = base - dt.timedelta(days=base.weekday())
    start, end = (monday, base) if m.group(1).lower() == "this" else (
        monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
    return PartialDate(start.isoformat(), Precision.DAY, text, end.isoformat())


def _weekday(text: str, base: dt.date | None) -> PartialDate | None:
    """A weekday in a news report is the latest such day on or before the publication day: published on a
    Wednesday, "on Wednesday" is that day and "on Tuesday" the day before ("last Wednesday" is a week
    before). dateparser reads a bare weekday as the previous week's, which puts same-day events a week early."""
    m = _WEEKDAY_RE.match(text.strip())
    if m is None or base is None:
        return None
    back = (base.weekday() - WEEKDAYS.index(m.group(2).lower())) % 7
    if back == 0 and m.group(1) and m.group(1).lower() != "on":
        back = 7  # "last Wednesday" said on a Wednesday
    return PartialDate((base - dt.timedelta(days=back)).isoformat(), Precision.DAY, text)


def find_times(text: str) -> list[tuple[int, int, str]]:
    """Candidate time phrases in raw text (start, end, phrase) for text that was not parsed."""
    pattern = re.compile(
        rf"\b(?:(?:in|on|since|during|by|until)\s+)?(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?(?:\s+\d{{1,2}},?)?"
        rf"(?:\s+(?:1[5-9]|20)\d\d)?|(?:1[5-9]|20)\d\d|the\s+(?:1[5-9]|20)\d0s)\b", re.I)
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def reference_date(text: str, head: int = 500) -> PartialDate | None:
    """For a document with no publication date, the day its undated days and months are read against: the
    end of the first year its opening states ("Terrorist incidents in Pakistan in 2017 ... - 20 JANUARY -"
    is 2017-01-20). None when the opening states no year."""
    m = YEAR_RE.search(text[:head])
    return None if m is None else PartialDate(f"{m.group(1)}-12-31", Precision.DAY, m.group(1))

