"""Automatic backups: a checked copy a day, never half written, the newest seven kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsread import cli
from newsread.errors import LibraryError
from newsread.library import Library, ViewQuery, backup
from newsread.library.connection import damage_marker
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import backups_dir, database_path, ensure_config_dir

FEED = Source(key="https://example.org/feed.xml", kind=SourceKind.FEED, title="Example Feed")


@pytest.fixture
def db_path(config_dir: Path) -> Path:
    return database_path(ensure_config_dir(config_dir))


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    """An open library of five articles (tests may close it early: closing twice is fine)."""
    opened = Library.open(db_path)
    opened.ingest(
        FEED,
        [ParsedArticle(title=f"Story {n}", body="Text.", key=f"s{n}") for n in range(5)],
        extract_entities=False,
    )
    yield opened
    opened.close()


def names(db_path: Path) -> list[str]:
    return [path.name for path in backup.backups(backups_dir(db_path.parent))]


def test_backup_is_a_single_checked_file_holding_the_state(library: Library) -> None:
    first = library.list_articles(ViewQuery())[0].id
    library.set_bookmarked([first], True)
    made = library.back_up()
    library.close()

    assert made == backups_dir(library.path.parent) / backup.backup_name(backup.utc_today())
    assert sorted(path.name for path in made.parent.iterdir()) == [made.name]
    with sqlite3.connect(made) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert raw.execute("SELECT id FROM articles WHERE bookmarked = 1").fetchall() == [(first,)]
    raw.close()
    assert backup.backup_problem(made) is None


def test_only_the_newest_seven_backups_are_kept(library: Library, db_path: Path) -> None:
    start = date(2025, 3, 1)
    for offset in range(9):
        backup.back_up(db_path, start + timedelta(days=offset))
    library.close()
    assert names(db_path) == [
        backup.backup_name(start + timedelta(days=offset)) for offset in range(8, 1, -1)
    ]


def test_a_backup_is_made_at_most_once_a_day(library: Library, db_path: Path) -> None:
    assert backup.is_due(db_path)
    assert library.start_daily_backup(interactive=False)
    library.close()  # waits for the small backup to finish
    assert names(db_path) == [backup.backup_name(backup.utc_today())]
    with Library.open(db_path) as again:
        assert not backup.is_due(db_path)
        assert not again.start_daily_backup(interactive=False)


def test_a_short_command_leaves_a_large_library_to_the_reader(
    library: Library, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "QUICK_BACKUP_MAX_BYTES", 0)
    assert not library.start_daily_backup(interactive=False)
    library.close()
    assert names(db_path) == []


def test_a_failed_backup_leaves_no_half_file_and_keeps_the_old_ones(
    library: Library, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup.back_up(db_path, date(2025, 1, 1))

    def copy_half(source: Path, target: Path) -> None:
        target.write_bytes(source.read_bytes()[:1000])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "copy_database", copy_half)
    with pytest.raises(LibraryError) as caught:
        library.back_up()
    library.close()
    assert "no space left on device" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert sorted(path.name for path in backups_dir(db_path.parent).iterdir()) == [
        "newsread-2025-01-01.db"
    ]


def test_a_copy_failing_its_check_is_discarded_and_marks_the_library(
    library: Library, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "backup_problem", lambda path: "SQLite's check found damage")
    with pytest.raises(LibraryError, match="failed its check"):
        library.back_up()
    library.close()
    assert names(db_path) == []
    assert list(backups_dir(db_path.parent).iterdir()) == []
    assert damage_marker(db_path).exists()


def test_the_cli_backs_up_a_small_library_once_a_day(config_dir: Path) -> None:
    assert cli.main(["list", "--json"]) == 0
    database = database_path(config_dir)
    assert names(database) == [backup.backup_name(backup.utc_today())]
    made = backups_dir(config_dir) / backup.backup_name(backup.utc_today())
    stamp = made.stat().st_mtime_ns
    assert cli.main(["list", "--json"]) == 0
    assert made.stat().st_mtime_ns == stamp
