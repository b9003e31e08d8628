"""The library's notion of "now": UTC, ISO 8601, to the second."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """The current time as ISO 8601 in UTC, e.g. `2025-03-01T12:00:00+00:00`."""
    return datetime.now(UTC).isoformat(timespec="seconds")
