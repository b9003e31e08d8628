"""What the reader says while and after refreshing sources: plain one-line texts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from newsread.textsafe import one_line

if TYPE_CHECKING:
    from newsread.refresh import RefreshProgress, SourceRefreshResult

NOTHING_TO_REFRESH: Final = "Nothing to refresh: add a feed with newsread add URL"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def progress_line(progress: RefreshProgress) -> str:
    """`Refreshing 3/12 · Example Wire`: how far the refresh is and what finished last."""
    line = f"Refreshing {progress.done}/{progress.total}"
    if progress.result is not None:
        line += f" · {one_line(progress.result.title)}"
    return line


def tagging_line(done: int, total: int) -> str:
    """`Finding names 200/1,000`: entity tagging after the refresh."""
    return f"Finding names {done:,}/{total:,}"


def summary_line(results: Sequence[SourceRefreshResult]) -> str:
    """`12 sources refreshed: 34 new, 2 updated, 1 failed`."""
    new = sum(result.new for result in results)
    updated = sum(result.updated for result in results)
    failed = sum(1 for result in results if result.failed)
    line = f"{_plural(len(results), 'source')} refreshed: {new:,} new, {updated:,} updated"
    if failed:
        line += f", {failed:,} failed"
    return line


def failure_lines(results: Sequence[SourceRefreshResult]) -> list[tuple[str, str]]:
    """`(source title, reason)` for each source that failed, in refresh order."""
    return [
        (one_line(result.title), one_line(result.error or "failed"))
        for result in results
        if result.failed
    ]
