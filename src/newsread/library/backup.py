"""Automatic backups: a checked copy of the library a day, the newest seven kept.

A backup is made with SQLite's online backup API from a read-only connection
of its own, so it sees one consistent snapshot while the app keeps writing.
It is written under a temporary name, checked with `PRAGMA quick_check` and
only then renamed to `backups/newsread-<UTC date>.db`, so a backup that exists
is whole. A copy that fails its check means the library itself is damaged:
the old backups are kept and the next start checks the library in full.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import threading
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from newsread.errors import LibraryError
from newsread.library import migrations
from newsread.library.connection import (
    BUSY_TIMEOUT_MS,
    damage_marker,
    describe_sqlite_error,
    is_corruption,
)
from newsread.paths import backups_dir
from newsread.textsafe import one_line

KEEP: Final = 7
"""How many backups are kept (one a day: a week)."""

QUICK_BACKUP_MAX_BYTES: Final = 32 * 1024 * 1024
"""Largest library a short command backs up (copy and check take about 0.2 s at this size)."""

INTERACTIVE_DELAY_S: Final = 3.0
"""How long the reader runs before its backup starts, so it never competes with the first paint."""

CLOSE_WAIT_S: Final = 1.0
"""How long quitting the reader waits for a backup under way (the next start retries)."""

_NAME = re.compile(r"newsread-(\d{4}-\d{2}-\d{2})\.db")


def read_only_uri(path: Path) -> str:
    """An SQLite URI opening `path` read-only: such a connection never writes or checkpoints."""
    return f"{path.absolute().as_uri()}?mode=ro"


def backups_dir_for(database: Path) -> Path:
    """The backups folder of the library file `database` (in the same config directory)."""
    return backups_dir(database.parent)


def backup_name(day: date) -> str:
    """`newsread-2025-06-01.db`: the file name of the backup of `day` (UTC)."""
    return f"newsread-{day.isoformat()}.db"


def utc_today() -> date:
    """Today's date in UTC, which names the backups."""
    return datetime.now(UTC).date()


def backups(directory: Path) -> list[Path]:
    """The backups in `directory`, newest first."""
    try:
        names = [entry.name for entry in directory.iterdir() if _NAME.fullmatch(entry.name)]
    except FileNotFoundError:
        return []
    except OSError as error:
        raise LibraryError(f"cannot read backups folder {directory}: {_reason(error)}") from error
    return [directory / name for name in sorted(names, reverse=True)]


def is_due(database: Path, day: date | None = None) -> bool:
    """True when the library has no backup of `day` (default today) yet."""
    return not (backups_dir_for(database) / backup_name(day or utc_today())).exists()


def _reason(error: OSError) -> str:
    return one_line(error.strerror or str(error)).lower()


def flush_to_disk(path: Path) -> None:
    """fsync a file, or a directory (so a rename in it is durable; skipped on Windows)."""
    if sys.platform == "win32" and path.is_dir():
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def copy_database(source: Path, target: Path) -> None:
    """Copy the database `source` to a new single file `target` with SQLite's backup API.

    Raises `sqlite3.Error` or `OSError`; `target` may then be left half written.
    """
    with (
        closing(
            sqlite3.connect(read_only_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        ) as reader,
        closing(sqlite3.connect(target, isolation_level=None)) as writer,
    ):
        reader.backup(writer)
        # A copy is one self-contained file: no write-ahead log beside it.
        writer.execute("PRAGMA journal_mode = DELETE")


def backup_problem(path: Path) -> str | None:
    """What makes the backup at `path` unusable, or None if it passes its check."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if application_id != migrations.APPLICATION_ID:
                return "not a newsread library"
            if not 0 < version <= migrations.latest_version():
                return f"schema {version} is not one this newsread knows"
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as error:
        return one_line(str(error)) or type(error).__name__
    if problems != ["ok"]:
        return f"SQLite's check found damage: {one_line(problems[0])}"
    return None


def newest_good_backup(directory: Path) -> Path | None:
    """The newest backup in `directory` that passes its own check, or None."""
    for candidate in backups(directory):
        if backup_problem(candidate) is None:
            return candidate
    return None


def prune(directory: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; return the deleted ones."""
    removed = backups(directory)[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def back_up(database: Path, day: date | None = None) -> Path:
    """Make (or replace) the backup of `day` (default today) of the library file `database`.

    Returns the backup's path. A one-line `LibraryError` if it cannot be made
    or its copy fails the check (then the library is marked for a full check at
    the next start, and the existing backups are left alone).
    """
    directory = backups_dir_for(database)
    target = directory / backup_name(day or utc_today())
    partial = directory / f".{target.name}.partial"
    try:
        directory.mkdir(exist_ok=True)
        for stale in directory.glob(".newsread-*.partial*"):
            stale.unlink(missing_ok=True)
        copy_database(database, partial)
        problem = backup_problem(partial)
        if problem is not None:
            damage_marker(database).touch()
            raise LibraryError(
                f"backup of {database} failed its check ({problem}); "
                "the library will be checked in full at the next start"
            )
        flush_to_disk(partial)
        partial.replace(target)
        flush_to_disk(directory)
    except sqlite3.Error as error:
        if is_corruption(error):
            damage_marker(database).touch()
        raise LibraryError(f"cannot back up {describe_sqlite_error(database, error)}") from error
    except OSError as error:
        raise LibraryError(f"cannot back up library to {directory}: {_reason(error)}") from error
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
    prune(directory)
    return target


class BackgroundBackup:
    """Today's backup, made on a thread of its own so that nothing waits for it.

    The thread uses connections of its own (never the library's), waits
    `delay` seconds first, and does nothing if the backup was made meanwhile.
    """

    def __init__(
        self, database: Path, *, delay: float = 0.0, close_wait: float | None = CLOSE_WAIT_S
    ) -> None:
        self.database = database
        self.delay = delay
        self.close_wait = close_wait
        """How long `stop` waits for a backup under way (None: until it is done)."""
        self.made: Path | None = None
        """The backup written, once done."""
        self.error: str | None = None
        """Why the backup failed, if it did."""
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsread-backup", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def _run(self) -> None:
        if self._cancelled.wait(self.delay):
            return
        try:
            if is_due(self.database):
                self.made = back_up(self.database)
        except LibraryError as error:
            self.error = str(error)

    def stop(self) -> None:
        """Cancel a backup not yet started; wait (up to `close_wait`) for one under way."""
        self._cancelled.set()
        if self._thread.is_alive():
            self._thread.join(self.close_wait)
