"""The refresh schedule: which sources are due at a given time, and when the next one is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsread.config import Config, RefreshConfig, SourceSettings
from newsread.model import SourceInfo, SourceKind
from newsread.schedule import (
    due_sources,
    next_due,
    refresh_at_start,
    seconds_until_next,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

WIRE = "https://wire.example/feed"
BLOG = "https://blog.example/atom"
NOTES = "/home/reader/notes"


def source(key: str, minutes_ago: float | None, kind: SourceKind = SourceKind.FEED) -> SourceInfo:
    """A source last refreshed `minutes_ago` before NOW (None: never)."""
    last = None if minutes_ago is None else (NOW - timedelta(minutes=minutes_ago)).isoformat()
    return SourceInfo(key=key, kind=kind, title=key, last_refresh=last)


def every(minutes: int, *tables: SourceSettings, on_start: bool = False) -> Config:
    return Config(
        refresh=RefreshConfig(interval_minutes=minutes, on_start=on_start), sources=tables
    )


def test_a_source_is_due_once_its_interval_has_passed() -> None:
    config = every(30)
    sources = [source(WIRE, 31), source(BLOG, 29)]
    assert due_sources(config, sources, NOW) == [WIRE]
    assert due_sources(config, sources, NOW + timedelta(minutes=1)) == [WIRE, BLOG]


def test_the_next_due_time_is_the_earliest_of_all_sources() -> None:
    config = every(30, SourceSettings(BLOG, refresh_interval_minutes=10))
    sources = [source(WIRE, 5), source(BLOG, 5)]
    # The blog's own 10 minutes beat the global 30.
    assert next_due(config, sources, NOW) == NOW + timedelta(minutes=5)
    assert seconds_until_next(config, sources, NOW) == 300.0


def test_an_overdue_source_makes_the_next_refresh_now() -> None:
    config = every(60)
    sources = [source(WIRE, 600), source(BLOG, 1)]
    assert next_due(config, sources, NOW) == NOW
    assert seconds_until_next(config, sources, NOW) == 0.0


def test_zero_means_never_automatically_globally_and_per_source() -> None:
    sources = [source(WIRE, 600), source(BLOG, 600)]
    assert due_sources(every(0), sources, NOW) == []
    assert next_due(every(0), sources, NOW) is None
    assert seconds_until_next(every(0), sources, NOW) is None
    config = every(15, SourceSettings(WIRE, refresh_interval_minutes=0))
    assert due_sources(config, sources, NOW) == [BLOG]
    # A source of its own interval refreshes even when the global setting is 0.
    config = every(0, SourceSettings(BLOG, refresh_interval_minutes=20))
    assert due_sources(config, sources, NOW) == [BLOG]


def test_a_source_never_refreshed_is_due_at_once() -> None:
    sources = [source(WIRE, None), source(BLOG, 1)]
    assert due_sources(every(60), sources, NOW) == [WIRE]


def test_a_last_refresh_from_the_future_does_not_stall_the_schedule() -> None:
    # The clock was turned back a day: waiting for the stored time would skip a day.
    sources = [source(WIRE, -24 * 60)]
    assert due_sources(every(60), sources, NOW) == [WIRE]


def test_an_unreadable_last_refresh_counts_as_never() -> None:
    broken = SourceInfo(key=WIRE, kind=SourceKind.FEED, title="Wire", last_refresh="yesterday")
    assert due_sources(every(60), [broken], NOW) == [WIRE]


def test_samples_never_refresh_by_themselves() -> None:
    samples = source("sample:news.txt", None, SourceKind.SAMPLE)
    assert due_sources(every(1), [samples], NOW) == []
    assert refresh_at_start(every(1, on_start=True), [samples], NOW) == []


def test_path_keys_match_config_tables_written_with_a_tilde(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", "/home/reader")
    config = every(0, SourceSettings("~/notes", refresh_interval_minutes=5))
    notes = source(NOTES, 6, SourceKind.FOLDER)
    assert due_sources(config, [notes], NOW) == [NOTES]


def test_on_start_refreshes_everything_except_sources_set_to_zero() -> None:
    config = every(0, SourceSettings(BLOG, refresh_interval_minutes=0), on_start=True)
    sources = [source(WIRE, 1), source(BLOG, 1), source(NOTES, 1, SourceKind.FOLDER)]
    assert refresh_at_start(config, sources, NOW) == [WIRE, NOTES]


def test_without_on_start_only_overdue_sources_refresh_at_start() -> None:
    sources = [source(WIRE, 90), source(BLOG, 10)]
    assert refresh_at_start(every(60), sources, NOW) == [WIRE]
    assert refresh_at_start(every(0), sources, NOW) == []


def test_times_stored_with_z_or_without_a_zone_are_read_as_utc() -> None:
    stored = [
        SourceInfo(
            key=WIRE, kind=SourceKind.FEED, title="Wire", last_refresh="2025-03-01T11:50:00Z"
        ),
        SourceInfo(
            key=BLOG, kind=SourceKind.FEED, title="Blog", last_refresh="2025-03-01T11:20:00"
        ),
    ]
    assert due_sources(every(30), stored, NOW) == [BLOG]
    assert next_due(every(30), stored, NOW) == NOW
