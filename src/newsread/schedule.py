"""When sources refresh by themselves: which are due now, and when the next one is.

Pure: the caller passes the time, the config and the sources (with their last
refresh times from the library), so a reader can set one timer for `next_due`
and, when it fires, refresh `due_sources`. Intervals come from
`refresh.interval_minutes`, overridden by a source's `refresh_interval_minutes`;
0 means never automatically. The bundled samples never refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from newsread.config import Config
from newsread.model import SourceKind

if TYPE_CHECKING:
    from newsread.model import SourceInfo


def refresh_interval(config: Config, source: SourceInfo) -> timedelta | None:
    """How often `source` refreshes by itself; None when it never does."""
    if source.kind is SourceKind.SAMPLE:
        return None
    minutes = config.refresh_interval_for(source.key)
    return timedelta(minutes=minutes) if minutes > 0 else None


def last_refreshed(source: SourceInfo) -> datetime | None:
    """When `source` was last refreshed, as an aware UTC time; None if never or unreadable."""
    if source.last_refresh is None:
        return None
    try:
        moment = datetime.fromisoformat(source.last_refresh)
    except ValueError:
        return None
    return _utc(moment)


def _utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC time; a naive one is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def due_time(config: Config, source: SourceInfo, now: datetime) -> datetime | None:
    """When `source` is next due (`now` if it already is); None when it never refreshes by itself.

    A source never refreshed, or whose last refresh is unreadable or later than
    `now` (the clock was turned back), is due at once.
    """
    interval = refresh_interval(config, source)
    if interval is None:
        return None
    now = _utc(now)
    last = last_refreshed(source)
    if last is None or last > now:
        return now
    return max(last + interval, now)


def due_sources(config: Config, sources: Sequence[SourceInfo], now: datetime) -> list[str]:
    """The keys of the sources due for a refresh at `now`, in the order given."""
    return [
        source.key
        for source in sources
        if (due := due_time(config, source, now)) is not None and due <= _utc(now)
    ]


def next_due(config: Config, sources: Sequence[SourceInfo], now: datetime) -> datetime | None:
    """The earliest time a source is due (`now` if one already is); None if none ever is."""
    times = [due for source in sources if (due := due_time(config, source, now)) is not None]
    return min(times, default=None)


def seconds_until_next(
    config: Config, sources: Sequence[SourceInfo], now: datetime
) -> float | None:
    """Seconds from `now` until the next source is due (0 if one is); None if none ever is."""
    due = next_due(config, sources, now)
    return None if due is None else max((due - _utc(now)).total_seconds(), 0.0)


def refresh_at_start(config: Config, sources: Sequence[SourceInfo], now: datetime) -> list[str]:
    """The keys of the sources to refresh when the reader starts.

    With `refresh.on_start` that is every source except the samples and those
    whose own `refresh_interval_minutes` is 0 (refreshed only when asked);
    otherwise it is the sources already due.
    """
    if not config.refresh.on_start:
        return due_sources(config, sources, now)
    return [source.key for source in sources if _starts_with_the_reader(config, source)]


def _starts_with_the_reader(config: Config, source: SourceInfo) -> bool:
    if source.kind is SourceKind.SAMPLE:
        return False
    own = config.source_settings(source.key)
    return own is None or own.refresh_interval_minutes != 0
