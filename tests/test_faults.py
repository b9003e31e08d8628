"""Faults: killed writers, two instances at once, held locks, a full disk, a bad config dir."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsread import cli
from newsread.errors import ConfigError, LibraryError
from newsread.library import Library, ViewQuery, connection
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

BENCH = Path(__file__).resolve().parents[1] / "bench"
FEED = Source(key="https://example.org/feed.xml", kind=SourceKind.FEED, title="Example Feed")


def stories(count: int) -> list[ParsedArticle]:
    return [
        ParsedArticle(title=f"Story {n}", body=f"Body {n}. " * 10, key=f"s{n}")
        for n in range(count)
    ]


@pytest.fixture
def db_path(config_dir: Path) -> Path:
    return database_path(ensure_config_dir(config_dir))


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    with Library.open(db_path) as opened:
        opened.ingest(FEED, stories(300), extract_entities=False)
        yield opened


def all_ids(library: Library) -> list[str]:
    return [row.id for row in library.list_articles(ViewQuery())]


# --- SIGKILL at random moments ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_writers_never_lose_an_acknowledged_change(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import faults
    finally:
        sys.path.remove(str(BENCH))
    report = faults.run_trials(8, tmp_path / "faults", seed=3)
    assert report.problems == ()
    assert (report.trials, report.failures, report.lost_writes) == (8, 0, 0)
    assert report.acknowledged > 0


# --- two instances at once ---

_WRITER = """
import sys
from pathlib import Path
from newsread.library import Library
library = Library.open(Path(sys.argv[1]))
for article_id in sys.argv[2:]:
    library.set_read([article_id], True)
    library.set_bookmarked([article_id], True)
    print(article_id, flush=True)
library.close()
"""


def test_two_processes_writing_at_once_lose_nothing(library: Library, db_path: Path) -> None:
    ids = all_ids(library)
    halves = (ids[0::2][:60], ids[1::2][:60])
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db_path), *half],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    # Meanwhile this process writes too.
    library.set_read(ids[200:260], True)
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert err == ""
        assert writer.returncode == 0
        assert len(out.split()) == 60
    states = {row.id: (row.read, row.bookmarked) for row in library.list_articles(ViewQuery())}
    for article_id in [*halves[0], *halves[1]]:
        assert states[article_id] == (True, True)
    assert all(states[article_id][0] for article_id in ids[200:260])


def test_two_libraries_in_threads_on_one_file_lose_nothing(library: Library, db_path: Path) -> None:
    ids = all_ids(library)
    failures: list[BaseException] = []

    def mark(chosen: list[str]) -> None:
        try:
            with Library.open(db_path) as other:
                for article_id in chosen:
                    other.set_bookmarked([article_id], True)
        except BaseException as error:  # reported to the test below
            failures.append(error)

    threads = [threading.Thread(target=mark, args=(ids[n::3],)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert library.counts().bookmarked == 300


def test_a_lock_held_too_long_is_one_line_and_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    with Library.open(db_path) as library:
        library.ingest(FEED, stories(3), extract_entities=False)
        article_id = all_ids(library)[0]
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(LibraryError) as caught:
                library.set_bookmarked([article_id], True)
            other.execute("ROLLBACK")
        finally:
            other.close()
        message = str(caught.value)
        assert "\n" not in message
        assert "busy" in message and str(db_path) in message
        assert not library.get(article_id).bookmarked
        # Once the other instance lets go, the same change goes through.
        assert library.set_bookmarked([article_id], True) == 1


# --- a full disk ---


def fill_the_disk(library: Library) -> None:
    """Make the database file unable to grow, as on a full disk (SQLite's own limit)."""
    with library._database.reading() as conn:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_rolls_the_change_back_with_one_line(library: Library) -> None:
    before = library.counts()
    fill_the_disk(library)
    with pytest.raises(LibraryError) as caught:
        library.set_read_in_view(library.view(ViewQuery()), True)
    assert "disk is full" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(LibraryError, match="disk is full"):
        library.ingest(FEED, stories(340), extract_entities=False)
    assert library.counts() == before
    assert not any(row.read for row in library.list_articles(ViewQuery()))
    # A small change that fits still works: the library was left usable.
    assert library.set_bookmarked([all_ids(library)[0]], True) == 1


# --- the config directory ---


def test_a_missing_config_directory_is_created(tmp_path: Path) -> None:
    wanted = tmp_path / "deep" / "er" / "newsread"
    assert ensure_config_dir(wanted) == wanted
    assert wanted.is_dir()


def test_a_file_where_the_config_directory_should_be_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "newsread"
    blocker.write_text("not a folder", encoding="utf-8")
    for wanted in (blocker, blocker / "inside"):
        monkeypatch.setenv("NEWSREAD_CONFIG_DIR", str(wanted))
        assert cli.main(["list"]) == cli.EXIT_ERROR
        error = capsys.readouterr().err
        assert error.count("\n") == 1
        assert str(wanted) in error
    assert sorted(path.name for path in tmp_path.iterdir()) == ["newsread"]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_an_unwritable_config_directory_is_one_line_and_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tests run as root, which may write anywhere: the permission check is simulated.
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == locked and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(ConfigError, match="not writable"):
        ensure_config_dir(locked)
    monkeypatch.setenv("NEWSREAD_CONFIG_DIR", str(locked))
    assert cli.main(["list"]) == cli.EXIT_ERROR
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert str(locked) in error
    assert list(locked.iterdir()) == []
