"""The benchmarks' quick mode: the generator is deterministic and no ratio breaks its limit.

The quick run builds a 2,000-article library (and a 10-article one) in a
temporary folder, then runs `bench/startup.py` (headless only) and
`bench/keys.py`. Each exits non-zero only when a ratio between two things
measured in the same run goes past its wide limit (first paint at 2,000 vs 10
articles over 3×, ↓ over 10×, peak memory over 2×, …); absolute times are never
judged, so a slow or busy machine does not fail it. The keys bench tags every
article its child may preview first, so neither library loads the tagger.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import make_library
    finally:
        sys.path.remove(str(BENCH))
    first = make_library.build(30, tmp_path / "one")
    second = make_library.build(30, tmp_path / "two")

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


@pytest.fixture(scope="module")
def bench_environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for the benchmarks: their libraries in a temporary folder."""
    environment = dict(os.environ, NEWSREAD_BENCH_DATA=str(tmp_path_factory.mktemp("bench")))
    environment.pop("NEWSREAD_CONFIG_DIR", None)
    return environment


def run_benchmark(environment: dict[str, str], *arguments: str) -> str:
    """Run `bench/<arguments>`; its output, or a failure naming the ratios past their limits."""
    done = subprocess.run(
        [sys.executable, *arguments],
        cwd=BENCH,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, f"{arguments[0]} failed:\n{done.stdout}\n{done.stderr[-3000:]}"
    return done.stdout


def test_first_paint_does_not_grow_with_the_library(bench_environment: dict[str, str]) -> None:
    output = run_benchmark(
        bench_environment, "startup.py", "--quick", "--no-terminal", "--runs", "2"
    )
    assert "2,000 vs 10 articles" in output
    assert "vs bare Textual" in output


def test_keys_and_memory_do_not_grow_with_the_library(bench_environment: dict[str, str]) -> None:
    output = run_benchmark(bench_environment, "keys.py", "--quick", "--presses", "6")
    assert "down: 2,000 vs 10 articles" in output
    assert "peak RSS, 2,000 vs 10 articles" in output
