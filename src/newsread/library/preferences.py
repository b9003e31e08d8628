"""Small settings the app remembers between runs: theme, panel open, sort order, …

They live in the library (table `preferences`) rather than in `config.toml`,
which belongs to the user and is never written by the app.
"""

from __future__ import annotations

from newsread.library.connection import Database


def read_preference(database: Database, name: str) -> str | None:
    """The stored value of `name`, or None when it was never set."""
    with database.reading() as conn:
        row = conn.execute("SELECT value FROM preferences WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def write_preference(database: Database, name: str, value: str | None) -> None:
    """Remember `value` under `name` (None forgets it)."""
    with database.writing() as conn:
        if value is None:
            conn.execute("DELETE FROM preferences WHERE name = ?", (name,))
        else:
            conn.execute(
                "INSERT INTO preferences (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )
