"""The one SQLite connection a library uses: opening, pragmas, locking and transactions.

The connection runs in autocommit mode; every write is one short explicit
`BEGIN IMMEDIATE … COMMIT`, so no transaction is ever left open between calls
and a change is on disk before the method that made it returns.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Final, TypeVar

from newsread.errors import LibraryError
from newsread.textsafe import one_line

BUSY_TIMEOUT_MS: Final = 5000
"""How long a writer waits for another process's write lock before giving up."""

CACHE_SIZE_KIB: Final = 32 * 1024
"""Page cache per connection (SQLite's default is 2 MiB, small for 100,000 articles)."""

CHUNK_SIZE: Final = 500
"""Most values bound into one `IN (…)` list (SQLite builds before 3.32 allow only 999)."""

T = TypeVar("T")


_CORRUPTION_CODES: Final = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_BUSY_CODES: Final = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_corruption(error: sqlite3.Error) -> bool:
    """True when SQLite says the file is damaged or is not a database at all."""
    return _primary_code(error) in _CORRUPTION_CODES


def damage_marker(path: Path) -> Path:
    """The file whose presence asks the next `Library.open` for a full check of `path`."""
    return path.with_name(path.name + ".check")


def describe_sqlite_error(path: Path, error: sqlite3.Error) -> str:
    """A one-line message for a SQLite failure on the database at `path`."""
    detail = one_line(str(error)) or type(error).__name__
    code = _primary_code(error)
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in detail:
        return f"{path} is not a newsread library (not an SQLite database)"
    if code in _BUSY_CODES:
        return (
            f"library {path} is busy: another newsread kept it locked for over "
            f"{BUSY_TIMEOUT_MS / 1000:g} s; nothing was changed, try again"
        )
    if code == sqlite3.SQLITE_FULL:
        return f"library {path}: the disk is full; the change was not saved"
    return f"library {path}: {detail}"


def _note_damage(path: Path, error: sqlite3.Error) -> None:
    """Leave the damage marker when SQLite reports corruption during normal use."""
    if not is_corruption(error):
        return
    try:
        damage_marker(path).touch()
    except OSError:
        # The marker only speeds up detection; the open-time checks still run without it.
        return


class LockedConnection(sqlite3.Connection):
    """An SQLite connection that carries its own lock and file path.

    Everything that uses the connection after the call that handed it out
    (a view reading its rows as the list scrolls) takes this lock through
    `guarded`, like `Database.reading` does.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lock = threading.RLock()
        self.path = Path(str(args[0] if args else kwargs["database"]))


@contextmanager
def guarded(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Use `conn` under its lock (when it has one), turning `sqlite3.Error` into `LibraryError`."""
    lock = conn.lock if isinstance(conn, LockedConnection) else nullcontext()
    path = conn.path if isinstance(conn, LockedConnection) else Path("(memory)")
    with lock:
        try:
            yield conn
        except sqlite3.Error as error:
            if isinstance(conn, LockedConnection):
                _note_damage(path, error)
            raise LibraryError(describe_sqlite_error(path, error)) from error


class Database:
    """A thread-safe SQLite connection with the pragmas and transaction discipline newsread needs.

    Every use of the connection goes through `reading()` or `writing()`, which
    hold an `RLock` (the TUI may call from a worker thread) and turn any
    `sqlite3.Error` into a one-line `LibraryError`.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self._lock = (
            connection.lock if isinstance(connection, LockedConnection) else threading.RLock()
        )

    @classmethod
    def connect(cls, path: Path) -> Database:
        """Open the file at `path` (creating it if missing) without changing its contents yet.

        Only the per-connection pragmas are set here; `enable_wal` is separate
        because it rewrites the file header, which must not happen before the
        schema version has been checked.
        """
        try:
            connection = sqlite3.connect(
                path,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
                factory=LockedConnection,
            )
        except sqlite3.Error as error:
            raise LibraryError(describe_sqlite_error(path, error)) from error
        database = cls(path, connection)
        try:
            with database.reading() as conn:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA foreign_keys = ON")
                # With write-ahead logging, NORMAL keeps the file consistent through any
                # crash and loses nothing when the app is killed; only a power cut can
                # undo the last moments' marks. FULL waited for the disk on every
                # commit: marking an article read froze the reader for 150-280 ms on
                # one open in ten.
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
                # Reading the header proves early that the file is an SQLite database.
                conn.execute("PRAGMA user_version").fetchone()
        except LibraryError:
            database.close()
            raise
        return database

    def enable_wal(self) -> None:
        """Switch the database to write-ahead logging (persistent; readers never block writers)."""
        with self.reading() as conn:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryError(f"library {self.path}: cannot enable write-ahead logging")

    def close(self) -> None:
        """Close the connection; later calls fail with `LibraryError`."""
        with self._lock:
            self._connection.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Use the connection for reads (or pragmas) under the lock, translating errors."""
        with self._lock:
            try:
                yield self._connection
            except sqlite3.Error as error:
                _note_damage(self.path, error)
                raise LibraryError(describe_sqlite_error(self.path, error)) from error

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: `BEGIN IMMEDIATE`, then `COMMIT`, or `ROLLBACK` on any error."""
        with self.reading() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # SQLite may already have rolled back by itself (disk full, I/O error).
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise


def chunked(values: Sequence[T], size: int = CHUNK_SIZE) -> Iterator[list[T]]:
    """Split `values` into lists of at most `size` items, keeping their order."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def placeholders(count: int) -> str:
    """`?, ?, …` for an `IN (…)` list of `count` bound values."""
    return ", ".join("?" * count)
