"""What the benchmarks share: test libraries, statistics and ratio lines with limits.

Every benchmark times newsread against a baseline measured in the same run on
the same machine and prints the ratio; absolute times only explain the ratio.
A line whose ratio is past its limit says so, and `failures` counts them, so
CI can fail on a ratio gone wrong without ever judging an absolute time.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import make_library

BENCH_DIR: Final = Path(__file__).resolve().parent
DATA_ENV: Final = "NEWSREAD_BENCH_DATA"
"""Where generated libraries are kept between runs (default: a folder in the temp dir)."""


def data_dir() -> Path:
    """The folder holding generated libraries, one config directory per size."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "newsread-bench"


def bytecode_settings() -> dict[str, str]:
    """Environment for timed child processes: compiled modules cached in the data folder.

    An installed newsread has its modules compiled, as Textual's are; a
    checkout run with `PYTHONDONTWRITEBYTECODE` would compile every module on
    every start and count that against newsread alone. The first (untimed)
    run of each measurement fills the cache.
    """
    return {"PYTHONPYCACHEPREFIX": str(data_dir() / "pycache")}


def child_environment() -> dict[str, str]:
    """This process's environment with `bytecode_settings` applied."""
    environment = dict(os.environ, **bytecode_settings())
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def with_bytecode_cache(command: list[str]) -> list[str]:
    """`command` run through `env` with `bytecode_settings` (for tmux, whose server keeps its own
    environment)."""
    settings = [f"{name}={value}" for name, value in bytecode_settings().items()]
    return ["env", "-u", "PYTHONDONTWRITEBYTECODE", *settings, *command]


TAGGED_UP_TO: Final = 100
"""Small baseline libraries are tagged when built, like a library the reader has been running
on; larger ones are left as `newsread add` leaves them (tagged on demand)."""


def tag_all(directory: Path) -> None:
    """Tag every article of the library in config directory `directory`."""
    from newsread.library import Library

    with Library.open(directory / "newsread.db") as library:
        while library.tag_pending():
            pass


def library_dir(count: int) -> Path:
    """A config directory holding a generated library of `count` articles, built if missing."""
    directory = data_dir() / f"articles-{count}"
    database = directory / "newsread.db"
    ready = directory / "complete"
    if not ready.exists():
        if database.exists():
            for leftover in directory.glob("newsread.db*"):
                leftover.unlink()
        print(f"building a library of {count:,} articles in {directory} …", file=sys.stderr)
        make_library.build(count, directory, progress=sys.stderr.isatty())
        if count <= TAGGED_UP_TO:
            tag_all(directory)
        ready.touch()
    return directory


def first_title(config_dir: Path) -> str:
    """The title the list shows first (newest article), read straight from the database."""
    connection = sqlite3.connect(config_dir / "newsread.db")
    try:
        row = connection.execute(
            "SELECT t.title FROM articles AS a "
            "JOIN article_texts AS t ON t.article_rowid = a.rowid "
            "ORDER BY a.published DESC, a.seq LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return str(row[0])


def median(samples: list[float]) -> float:
    """The median of `samples`."""
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    """The 95th percentile of `samples` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def ms(seconds: float) -> str:
    """`12.3 ms`."""
    return f"{seconds * 1000:7.1f} ms"


@dataclass
class Report:
    """Prints measurements and ratios, remembering which ratios broke their limit."""

    failures: list[str] = field(default_factory=list)

    def heading(self, text: str) -> None:
        """Start a section of the output."""
        print(f"\n## {text}")

    def time(self, name: str, seconds: float, *, target: float | None = None) -> None:
        """An absolute time, with the target it is meant to stay under (never enforced)."""
        goal = f"   target ≤ {target * 1000:.0f} ms" if target is not None else ""
        print(f"{name:<52} {ms(seconds)}{goal}")

    def ratio(
        self, name: str, value: float, baseline: float, *, target: float, limit: float
    ) -> float:
        """`value / baseline`, printed with its target; past `limit` it counts as a failure."""
        ratio = value / baseline if baseline > 0 else float("inf")
        verdict = "ok" if ratio <= target else "over target"
        if ratio > limit:
            verdict = f"FAIL (limit {limit:g}x)"
            self.failures.append(f"{name}: {ratio:.2f}x > {limit:g}x")
        print(f"{name:<52} {ratio:6.2f}x   target ≤ {target:g}x   {verdict}")
        return ratio

    def finish(self) -> int:
        """Print the failures, if any; the exit status for the benchmark."""
        if self.failures:
            print("\nratios past their limits:\n  " + "\n  ".join(self.failures))
            return 1
        return 0
