"""Opening safely: check the library file, move a damaged one aside, restore from a backup.

`prepare` runs before the library's own connection opens the file. It decides
between three cases: a missing file (a new library is built under a temporary
name and renamed into place, so there is never half a library), a healthy
file (left alone) and a damaged one (moved aside with its `-wal`/`-shm`, never
deleted, and replaced by the newest backup that passes its own check, or by a
new library). SQLite files newsread must refuse (another application's, a
newer schema) count as healthy here: `migrations.check_compatible` refuses
them afterwards, without anything having written to them.

A full `PRAGMA quick_check` costs about 3 s on a 100,000-article library, far
too slow for every start, so the start-up check is the full one only for small
files; larger ones get a structural check (header, size, schema, the edges of
the main tables) and their full check when the daily backup checks its copy.
A failed backup check or a corruption error during use leaves a marker that
makes the next start run the full check.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from newsread.errors import LibraryError
from newsread.library import backup, migrations
from newsread.library.connection import (
    BUSY_TIMEOUT_MS,
    Database,
    damage_marker,
    describe_sqlite_error,
    is_corruption,
)
from newsread.textsafe import one_line

FULL_CHECK_MAX_BYTES: Final = 24 * 1024 * 1024
"""Files up to this size get the full `quick_check` at every open (about 100 ms at the limit)."""

SQLITE_MAGIC: Final = b"SQLite format 3\x00"
HEADER_SIZE: Final = 100
WAL_HEADER_SIZE: Final = 32
COMPANION_SUFFIXES: Final = ("-wal", "-shm")
"""SQLite's files beside a database; they travel with it when it is moved aside."""

_PROBED_TABLES: Final = ("sources", "articles", "article_texts")
"""Rowid tables holding what the user cannot rebuild; both ends of each are read at start-up."""


def _wal_has_frames(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > WAL_HEADER_SIZE
    except FileNotFoundError:
        return False


def header_damage(path: Path) -> str | None:
    """What is wrong with the file's size or SQLite header, or None if they look sound."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
    except OSError as error:
        reason = one_line(error.strerror or str(error)).lower()
        raise LibraryError(f"cannot read library {path}: {reason}") from error
    if size == 0:
        return "the file is empty"
    if not header.startswith(SQLITE_MAGIC):
        return "it is not an SQLite database"
    if len(header) < HEADER_SIZE:
        return "the file is truncated"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    if _wal_has_frames(path):
        # The write-ahead log may hold pages the main file does not have yet.
        return None
    if size % page_size:
        return "the file is truncated"
    # The page count in the header is valid only when its "valid for" stamp matches.
    counted_pages = int.from_bytes(header[28:32], "big")
    if header[92:96] == header[24:28] and size < counted_pages * page_size:
        return "the file is truncated"
    return None


def sqlite_damage(path: Path, *, thorough: bool) -> str | None:
    """What SQLite finds wrong with the file (read-only), or None.

    Files newsread will refuse (another application's, a newer schema) are not
    examined further. With `thorough`, the whole file is read by `quick_check`.
    """
    try:
        with closing(
            sqlite3.connect(backup.read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        ) as conn:
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {str(name) for (name,) in conn.execute("SELECT name FROM sqlite_schema")}
            if application_id != migrations.APPLICATION_ID:
                return None
            if version > migrations.latest_version():
                return None
            for table in _PROBED_TABLES:
                if table in tables:
                    # Each walks from the root to one end of the table's tree (one
                    # aggregate per query, or SQLite scans the whole table).
                    conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()
                    conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()
            if not thorough:
                return None
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return f"SQLite reports: {one_line(str(error))}"
        raise LibraryError(describe_sqlite_error(path, error)) from error
    except sqlite3.Error as error:
        raise LibraryError(describe_sqlite_error(path, error)) from error
    if problems != ["ok"]:
        return f"SQLite's check found damage: {one_line(problems[0])}"
    return None


def find_damage(path: Path, *, thorough: bool | None = None) -> str | None:
    """Why the existing library file at `path` cannot be used, or None if it can.

    `thorough` None chooses: the full check for small files and after a damage
    marker was left, the structural check otherwise.
    """
    damage = header_damage(path)
    if damage is not None:
        return damage
    if thorough is None:
        marked = damage_marker(path).exists()
        thorough = marked or path.stat().st_size <= FULL_CHECK_MAX_BYTES
    return sqlite_damage(path, thorough=thorough)


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _with_suffix(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def move_aside(path: Path) -> Path:
    """Rename the database and its `-wal`/`-shm` to `NAME.corrupt-<UTC time>`; return the new name.

    The log goes first: a log left beside a new database could be replayed into it.
    """
    base = f"{path.name}.corrupt-{_utc_stamp()}"
    target = path.with_name(base)
    number = 1
    while any(_with_suffix(target, suffix).exists() for suffix in ("", *COMPANION_SUFFIXES)):
        number += 1
        target = path.with_name(f"{base}-{number}")
    try:
        for suffix in (*COMPANION_SUFFIXES, ""):
            companion = _with_suffix(path, suffix)
            if companion.exists():
                companion.replace(_with_suffix(target, suffix))
    except OSError as error:
        reason = one_line(error.strerror or str(error)).lower()
        raise LibraryError(f"cannot move the damaged library {path} aside: {reason}") from error
    return target


def _build_new(path: Path) -> None:
    """Create a new, fully migrated library at `path` through a temporary file."""
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    _remove_with_companions(temporary)
    try:
        try:
            database = Database.connect(temporary)
            try:
                database.enable_wal()
                migrations.migrate(database)
            finally:
                # Closing the only connection folds the log into the file and deletes it.
                database.close()
        except LibraryError as error:
            detail = str(error).replace(str(temporary), path.name)
            raise LibraryError(f"cannot create library {path}: {detail}") from error
        _install(temporary, path)
    finally:
        _remove_with_companions(temporary)


def _install(temporary: Path, path: Path) -> None:
    """Move a finished database file into place, clearing stray logs of an earlier file first."""
    leftovers = [_with_suffix(path, suffix) for suffix in COMPANION_SUFFIXES]
    if any(leftover.exists() for leftover in leftovers):
        move_aside(path)
    try:
        backup.flush_to_disk(temporary)
        temporary.replace(path)
        backup.flush_to_disk(path.parent)
    except OSError as error:
        reason = one_line(error.strerror or str(error)).lower()
        raise LibraryError(f"cannot create library {path}: {reason}") from error


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", *COMPANION_SUFFIXES):
        _with_suffix(path, suffix).unlink(missing_ok=True)


def _restore(path: Path, source: Path) -> None:
    """Copy the backup `source` into place as the library at `path`."""
    temporary = path.with_name(f".{path.name}.restoring-{os.getpid()}")
    _remove_with_companions(temporary)
    try:
        backup.copy_database(source, temporary)
        _install(temporary, path)
    finally:
        _remove_with_companions(temporary)


def refuse_incompatible(path: Path) -> None:
    """Raise `LibraryError` for a file newsread must not touch, checked read-only.

    A read-write connection would fold a newer newsread's write-ahead log
    into the file when it closed; a read-only one never writes.
    """
    try:
        connection = sqlite3.connect(
            backup.read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as error:
        raise LibraryError(describe_sqlite_error(path, error)) from error
    database = Database(path, connection)
    try:
        migrations.check_compatible(database)
    finally:
        database.close()


@contextmanager
def directory_lock(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on `directory` (POSIX): one process at a time prepares its library."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError as error:
        reason = one_line(error.strerror or str(error)).lower()
        raise LibraryError(f"cannot open library folder {directory}: {reason}") from error
    try:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        # Closing the descriptor releases the lock.
        os.close(descriptor)


def prepare(path: Path) -> tuple[str, ...]:
    """Make `path` a usable library file before it is opened; return notices for the user.

    Call with the directory lock held. A damaged file is moved aside and
    replaced by the newest good backup (or a new library); the one notice
    says so.
    """
    if not path.exists():
        _build_new(path)
        return ()
    damage = find_damage(path)
    if damage is None:
        refuse_incompatible(path)
        damage_marker(path).unlink(missing_ok=True)
        return ()
    moved = move_aside(path)
    good = backup.newest_good_backup(backup.backups_dir_for(path))
    if good is None:
        _build_new(path)
        outcome = "started a new, empty library (no usable backup)"
    else:
        _restore(path, good)
        outcome = f"restored the backup {good.name}"
    damage_marker(path).unlink(missing_ok=True)
    return (f"{path} was damaged ({damage}); moved it aside as {moved.name} and {outcome}.",)
