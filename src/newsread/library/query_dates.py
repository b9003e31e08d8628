"""Dates in queries (`after:DATE`, `before:DATE`) as the instant they start.

A date names a period and stands for its first moment, in UTC like the
stored publication times: `2025-03` is 2025-03-01T00:00:00Z, `today` is
midnight (UTC) this morning, `7d` is exactly seven days ago. So
`after:2025-03 before:2025-04` is March 2025, and `after:today` is today.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Final

DATE_FORMATS: Final = "YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, or 7d / 2w / 3m / 1y ago"
"""What `after:` and `before:` accept, for error messages and help."""

_DAY: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH: Final = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR: Final = re.compile(r"\d{4}")
_RELATIVE: Final = re.compile(r"(\d{1,5})([dwmy])", re.IGNORECASE)
"""At most 99,999 units back: larger numbers only ever mean "all of time"."""


def _stamp(moment: datetime) -> str:
    """The instant in the stored publication format (`2025-03-01T00:00:00Z`)."""
    utc = moment.astimezone(UTC)
    # Formatted by hand: strftime drops the leading zeros of years before 1000.
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"
        f"T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z"
    )


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _months_back(now: datetime, months: int) -> datetime:
    """`now` moved back by whole calendar months, the day clamped to the month's length."""
    total = now.year * 12 + (now.month - 1) - months
    year, month = divmod(total, 12)
    if year < 1:
        return datetime(1, 1, 1, tzinfo=UTC)
    for day in range(now.day, 0, -1):
        try:
            return now.replace(year=year, month=month + 1, day=day)
        except ValueError:
            continue
    return now.replace(year=year, month=month + 1, day=1)  # pragma: no cover - day 1 always exists


def _relative(amount: int, unit: str, now: datetime) -> datetime:
    if unit == "d":
        return now - timedelta(days=amount)
    if unit == "w":
        return now - timedelta(weeks=amount)
    if unit == "m":
        return _months_back(now, amount)
    return _months_back(now, amount * 12)


def date_start(text: str, now: datetime | None = None) -> str | None:
    """The first instant of the period `text` names, as a stored timestamp; None if malformed.

    `now` (an aware datetime, default the current time) anchors `today`,
    `yesterday` and relative dates.
    """
    current = (now or datetime.now(UTC)).astimezone(UTC)
    word = text.strip().lower()
    try:
        if word == "today":
            return _stamp(_midnight(current.date()))
        if word == "yesterday":
            return _stamp(_midnight(current.date() - timedelta(days=1)))
        if match := _DAY.fullmatch(word):
            year, month, day = (int(part) for part in match.groups())
            return _stamp(_midnight(date(year, month, day)))
        if match := _MONTH.fullmatch(word):
            return _stamp(_midnight(date(int(match[1]), int(match[2]), 1)))
        if _YEAR.fullmatch(word):
            return _stamp(_midnight(date(int(word), 1, 1)))
        if match := _RELATIVE.fullmatch(word):
            return _stamp(_relative(int(match[1]), match[2].lower(), current))
    except (ValueError, OverflowError):
        # Day 0, month 13, year 0, or further back than datetime reaches.
        return None
    return None
