"""The benchmark library generator is deterministic (same seed, same library)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import make_library
    finally:
        sys.path.remove(str(BENCH))
    first = make_library.build(30, tmp_path / "one")
    second = make_library.build(30, tmp_path / "two")
    import sqlite3

    def content(path: Path) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(path)
        try:
            return connection.execute(
                "SELECT a.id, a.published, a.read, a.bookmarked, t.title, t.body, s.title "
                "FROM articles AS a JOIN article_texts AS t ON t.article_rowid = a.rowid "
                "JOIN sources AS s ON s.id = a.source_id ORDER BY a.id"
            ).fetchall()
        finally:
            connection.close()

    rows = content(first)
    assert len(rows) == 30
    assert rows == content(second)
    assert any(row[2] for row in rows), "some articles are read"
