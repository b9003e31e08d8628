"""Turn the many ways sources write dates into ISO 8601 UTC (`YYYY-MM-DDTHH:MM:SSZ`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Final

EARLIEST: Final = datetime(1970, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE: Final = timedelta(days=2)
"""Dates further ahead than this are taken as mistakes (they would pin an article on top)."""

_ISO_DATE_ONLY: Final = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ISO_LIKE: Final = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WRITTEN_DATE: Final = re.compile(
    r"(?:(?P<day1>\d{1,2})\s+(?P<month1>[A-Za-z]+)\.?,?\s+(?P<year1>\d{4})"
    r"|(?P<month2>[A-Za-z]+)\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{4}))$"
)


def iso_utc(moment: datetime) -> str:
    """Format an aware or naive (taken as UTC) datetime as `YYYY-MM-DDTHH:MM:SSZ`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sane(moment: datetime | None) -> datetime | None:
    """The datetime when it is plausible for a news article, else None."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if moment < EARLIEST or moment > datetime.now(UTC) + FUTURE_TOLERANCE:
        return None
    return moment


def parse_date(text: str) -> datetime | None:
    """Read an ISO 8601, RFC 822 or written-out (`5 May 2024`) date; None when unreadable.

    Times without a zone are taken as UTC; a date alone means midnight UTC.
    """
    text = " ".join(text.split()).strip("\"'")
    if not text:
        return None
    return _parse_iso(text) or _parse_rfc822(text) or _parse_written(text)


def normalize_date(text: str) -> str | None:
    """`parse_date` formatted as ISO 8601 UTC, or None when unreadable or implausible."""
    moment = sane(parse_date(text))
    return iso_utc(moment) if moment is not None else None


def _parse_iso(text: str) -> datetime | None:
    if not (_ISO_DATE_ONLY.match(text) or _ISO_LIKE.match(text)):
        return None
    candidate = text.replace(" ", "T", 1)
    if candidate.endswith(("z", "Z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _parse_rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_written(text: str) -> datetime | None:
    match = _WRITTEN_DATE.match(text)
    if match is None:
        return None
    day = match["day1"] or match["day2"]
    month = _MONTHS.get((match["month1"] or match["month2"]).lower())
    year = match["year1"] or match["year2"]
    if month is None:
        return None
    try:
        return datetime(int(year), month, int(day), tzinfo=UTC)
    except ValueError:
        return None
