"""Feed dates exactly as feedparser reads them, with a quick path for the usual forms."""

from __future__ import annotations

import re
import time
from calendar import timegm
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final

from feedparser.datetimes import _parse_date

_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_RFC822: Final = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) "
    r"(\d{2}):(\d{2}):(\d{2}) (GMT|UTC|UT|Z|[+-]\d{4})$"
)
_ISO: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)


def struct_to_datetime(parsed: time.struct_time | None) -> datetime | None:
    """A UTC struct_time (what feedparser returns) as an aware datetime."""
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(timegm(parsed), UTC)
    except (OverflowError, OSError, ValueError):
        return None


def feed_date(text: str) -> datetime | None:
    """The moment a feed date names, as feedparser would read it; None when unreadable."""
    quick = _quick(text)
    if quick is not None:
        return quick
    parsed: Any = _parse_date(text)
    return struct_to_datetime(parsed)


def _quick(text: str) -> datetime | None:
    rfc = _RFC822.match(text)
    try:
        if rfc is not None:
            day, month_name, year, hour, minute, second, zone = rfc.groups()
            month = _MONTHS.get(month_name.lower())
            if month is None:
                return None
            offset = (
                0 if zone in ("GMT", "UTC", "UT", "Z") else _minutes(zone[0], zone[1:3], zone[3:])
            )
            moment = datetime(int(year), month, int(day), int(hour), int(minute), int(second))
            return _utc(moment, offset)
        iso = _ISO.match(text)
        if iso is not None:
            year, month_text, day, hour, minute, second, zone = iso.groups()
            offset = 0 if zone == "Z" else _minutes(zone[0], zone[1:3], zone[4:])
            moment = datetime(
                int(year), int(month_text), int(day), int(hour), int(minute), int(second)
            )
            return _utc(moment, offset)
    except (ValueError, OverflowError):
        # Out of range (day 32, year 0), or pushed past year 1 or 9999 by its zone offset.
        return None
    return None


def _minutes(sign: str, hours: str, minutes: str) -> int:
    total = int(hours) * 60 + int(minutes)
    return -total if sign == "-" else total


def _utc(moment: datetime, offset_minutes: int) -> datetime:
    zone = timezone(timedelta(minutes=offset_minutes))
    return moment.replace(tzinfo=zone).astimezone(UTC)
