"""Kill a writing newsread with SIGKILL at random moments; check nothing acknowledged is lost.

Run: `python bench/faults.py [--trials N] [--seed S] [--dir DIR]` (100 trials
by default). Each trial starts a writer process on one shared library; the
writer marks articles read/unread, bookmarks and unbookmarks them and stores
new articles, printing each change after `Library` has returned (committed).
The parent kills it with SIGKILL after a random delay (sometimes while it is
still opening the library), then checks with a plain SQLite connection that
`PRAGMA integrity_check` is ok, that no file was moved aside as damaged, and
that every acknowledged change is in the database. The one change in flight
when the kill came may or may not be there; both are correct.

Prints trials, failures and lost writes; exits 1 if any trial failed.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from newsread.library import Library, ViewQuery
from newsread.model import ParsedArticle, Source, SourceKind

ARTICLES: Final = 200
SOURCE: Final = Source(key="bench:faults", kind=SourceKind.FILE, title="Fault trials")
MAX_DELAY_S: Final = 0.4
"""Longest wait after the writer is ready before the kill."""
EARLY_KILL_SHARE: Final = 0.15
"""Share of trials that kill the writer while it is still starting and opening the library."""
READY_TIMEOUT_S: Final = 60.0

Key = tuple[str, str]
"""(flag, article ID) for a mark; ("add", origin key) for a stored article."""


def _article(key: str) -> ParsedArticle:
    return ParsedArticle(title=f"Fault trial {key}", body=f"Body of {key}.", key=key)


def run_writer(database: Path, seed: int) -> None:
    """The child: change the library forever, announcing each change before and after it."""
    rng = random.Random(seed)
    with Library.open(database) as library:
        ids = [row.id for row in library.list_articles(ViewQuery())]
        print("ready", flush=True)
        number = 0
        while True:
            number += 1
            if rng.random() < 0.1:
                key = f"added-{seed}-{number}"
                print(f"try add {key} 1", flush=True)
                library.ingest(SOURCE, [_article(key)], extract_entities=False)
                print(f"ack add {key} 1", flush=True)
                continue
            flag = rng.choice(("read", "bookmarked"))
            article_id = rng.choice(ids)
            value = rng.random() < 0.5
            print(f"try {flag} {article_id} {int(value)}", flush=True)
            if flag == "read":
                library.set_read([article_id], value)
            else:
                library.set_bookmarked([article_id], value)
            print(f"ack {flag} {article_id} {int(value)}", flush=True)


@dataclass
class Ledger:
    """What the parent knows the library must hold: every acknowledged change."""

    expected: dict[Key, bool] = field(default_factory=dict)
    acknowledged: int = 0

    def apply(self, lines: Sequence[str]) -> tuple[Key, bool] | None:
        """Record the writer's acknowledged changes; return the change left in flight, if any."""
        pending: tuple[Key, bool] | None = None
        for line in lines:
            parts = line.split()
            if len(parts) != 4 or parts[0] not in ("try", "ack"):
                continue
            change = ((parts[1], parts[2]), parts[3] == "1")
            if parts[0] == "try":
                pending = change
            else:
                self.expected[change[0]] = change[1]
                self.acknowledged += 1
                pending = None
        return pending


def _actual(conn: sqlite3.Connection, key: Key) -> bool:
    kind, name = key
    if kind == "add":
        row = conn.execute("SELECT 1 FROM articles WHERE origin_key = ?", (name,)).fetchone()
        return row is not None
    row = conn.execute(f"SELECT {kind} FROM articles WHERE id = ?", (name,)).fetchone()
    return bool(row[0]) if row is not None else False


@dataclass(frozen=True, slots=True)
class TrialResult:
    """One trial: whether the database was sound, and how many acknowledged changes it lost."""

    integrity: str
    lost: int
    moved_aside: int
    writer_error: str

    @property
    def failed(self) -> bool:
        """True when anything was wrong."""
        return (
            self.integrity != "ok"
            or self.lost > 0
            or self.moved_aside > 0
            or self.writer_error != ""
        )


def check(database: Path, ledger: Ledger, pending: tuple[Key, bool] | None) -> tuple[str, int]:
    """Integrity of the file and the number of acknowledged changes missing from it."""
    with closing(sqlite3.connect(database)) as conn:
        integrity = "; ".join(str(row[0]) for row in conn.execute("PRAGMA integrity_check"))
        if pending is not None and _actual(conn, pending[0]) == pending[1]:
            # The change in flight reached the disk before the kill: it counts from now on.
            ledger.expected[pending[0]] = pending[1]
        lost = sum(1 for key, value in ledger.expected.items() if _actual(conn, key) != value)
    return integrity, lost


def run_trial(database: Path, ledger: Ledger, rng: random.Random, seed: int) -> TrialResult:
    """Start a writer, kill it at a random moment, and check the library it leaves."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        writer = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--writer", str(database), str(seed)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        assert writer.stdout is not None
        lines: list[str] = []
        if rng.random() < EARLY_KILL_SHARE:
            time.sleep(rng.uniform(0.0, 0.3))
        else:
            ready = writer.stdout.readline()
            lines.append(ready)
            time.sleep(rng.uniform(0.0, MAX_DELAY_S))
        writer.send_signal(signal.SIGKILL)
        # Read the rest through the same buffered file as `readline` (communicate() would
        # read the raw pipe and miss lines already buffered here).
        lines.extend(writer.stdout.read().splitlines())
        writer.stdout.close()
        writer.wait(timeout=READY_TIMEOUT_S)
        errors.seek(0)
        writer_error = errors.read().strip()
    pending = ledger.apply(lines)
    integrity, lost = check(database, ledger, pending)
    moved = len(list(database.parent.glob(f"{database.name}.corrupt-*")))
    return TrialResult(
        integrity, lost, moved, writer_error.splitlines()[-1] if writer_error else ""
    )


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a run of trials."""

    trials: int
    failures: int
    lost_writes: int
    acknowledged: int
    problems: tuple[str, ...]


def run_trials(trials: int, directory: Path, *, seed: int = 7) -> Report:
    """Build a library in `directory` and run `trials` kill trials on it."""
    directory.mkdir(parents=True, exist_ok=True)
    database = directory / "newsread.db"
    with Library.open(database) as library:
        library.ingest(
            SOURCE, [_article(f"article-{n}") for n in range(ARTICLES)], extract_entities=False
        )
    rng = random.Random(seed)
    ledger = Ledger()
    failures = lost_writes = 0
    problems: list[str] = []
    for trial in range(trials):
        result = run_trial(database, ledger, rng, seed * 100_000 + trial)
        lost_writes += result.lost
        if result.failed:
            failures += 1
            problems.append(
                f"trial {trial + 1}: integrity {result.integrity!r}, {result.lost} lost, "
                f"{result.moved_aside} moved aside, writer error {result.writer_error!r}"
            )
    return Report(trials, failures, lost_writes, ledger.acknowledged, tuple(problems))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the trials (or, with `--writer`, be the writer); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--writer"]:
        run_writer(Path(arguments[1]), int(arguments[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100, help="how many kills (default 100)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--dir", type=Path, help="where to build the library (default: a temp dir)")
    args = parser.parse_args(arguments)
    started = time.perf_counter()
    if args.dir is not None:
        report = run_trials(args.trials, args.dir, seed=args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="newsread-faults-") as scratch:
            report = run_trials(args.trials, Path(scratch), seed=args.seed)
    for problem in report.problems:
        print(problem)
    print(f"trials: {report.trials}")
    print(f"failures: {report.failures}")
    print(f"lost writes: {report.lost_writes}")
    print(f"acknowledged writes: {report.acknowledged}")
    print(f"time: {time.perf_counter() - started:.1f} s")
    return 1 if report.failures else 0


if __name__ == "__main__":
    if not hasattr(signal, "SIGKILL"):
        sys.exit("bench/faults.py needs SIGKILL (POSIX)")
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
