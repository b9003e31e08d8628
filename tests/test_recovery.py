"""Opening a damaged library: detected, moved aside (never deleted), replaced from a backup.

Also schema migrations: one transaction, after a backup, refused for files of
a newer newsread or another application.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newsread.errors import LibraryError
from newsread.library import Library, ViewQuery, backup, migrations, recovery
from newsread.library.connection import damage_marker
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import backups_dir, database_path, ensure_config_dir

FEED = Source(key="https://example.org/feed.xml", kind=SourceKind.FEED, title="Example Feed")


def articles(count: int, *, prefix: str = "story") -> list[ParsedArticle]:
    return [
        ParsedArticle(
            title=f"Headline {prefix} {number}",
            body=f"Body of {prefix} {number}. " * 40,
            key=f"{prefix}-{number}",
            url=f"https://example.org/{prefix}/{number}",
        )
        for number in range(count)
    ]


@pytest.fixture
def db_path(config_dir: Path) -> Path:
    return database_path(ensure_config_dir(config_dir))


def build(db_path: Path, count: int = 30) -> tuple[str, str]:
    """A library with `count` articles, one read and one bookmarked: their IDs."""
    with Library.open(db_path) as library:
        library.ingest(FEED, articles(count), extract_entities=False)
        ids = [row.id for row in library.list_articles(ViewQuery())]
        library.set_read([ids[0]], True)
        library.set_bookmarked([ids[1]], True)
    return ids[0], ids[1]


def moved_aside(db_path: Path) -> list[Path]:
    """The database files moved aside (without their -wal/-shm companions)."""
    found = db_path.parent.glob(f"{db_path.name}.corrupt-*")
    return sorted(path for path in found if not path.name.endswith(("-wal", "-shm")))


def page_size(db_path: Path) -> int:
    with sqlite3.connect(db_path) as raw:
        size = int(raw.execute("PRAGMA page_size").fetchone()[0])
    raw.close()
    return size


def overwrite_page(db_path: Path, page: int) -> None:
    """Fill one page (numbered from 1) with garbage."""
    size = page_size(db_path)
    with db_path.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\xa5" * size)


def root_page(db_path: Path, name: str) -> int:
    with sqlite3.connect(db_path) as raw:
        (page,) = raw.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?", (name,)
        ).fetchone()
    raw.close()
    return int(page)


# --- damaged files are moved aside and replaced ---


def test_zero_length_file_is_moved_aside_with_its_log_and_a_new_library_opens(
    db_path: Path,
) -> None:
    db_path.write_bytes(b"")
    wal = db_path.with_name("newsread.db-wal")
    wal.write_bytes(b"stale log")
    with Library.open(db_path) as library:
        assert library.is_empty()
        (notice,) = library.notices
        library.ingest(FEED, articles(1))
        assert library.counts().total == 1
    assert "the file is empty" in notice
    assert "started a new, empty library" in notice
    (moved,) = moved_aside(db_path)
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"stale log"
    assert not wal.exists()
    assert moved.read_bytes() == b""


def test_truncated_file_is_moved_aside_and_the_backup_restored(db_path: Path) -> None:
    read_id, bookmarked_id = build(db_path)
    with Library.open(db_path) as library:
        library.back_up()
    original = db_path.read_bytes()
    db_path.write_bytes(original[: len(original) // 2])

    with Library.open(db_path) as library:
        (notice,) = library.notices
        assert library.get(read_id).read
        assert library.get(bookmarked_id).bookmarked
        assert library.counts().total == 30
    assert "truncated" in notice
    assert f"restored the backup newsread-{backup.utc_today().isoformat()}.db" in notice
    (moved,) = moved_aside(db_path)
    assert moved.read_bytes() == original[: len(original) // 2]


def test_damaged_page_is_found_by_the_full_check_of_a_small_library(db_path: Path) -> None:
    build(db_path)
    # An index page: opening and listing never read it, only a full check does.
    overwrite_page(db_path, root_page(db_path, "articles_by_source"))
    with Library.open(db_path) as library:
        (notice,) = library.notices
        assert library.is_empty()
    assert "damage" in notice
    assert len(moved_aside(db_path)) == 1


def test_large_library_gets_its_full_check_when_backed_up_then_at_the_next_start(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "FULL_CHECK_MAX_BYTES", 0)  # every library counts as large
    read_id, _ = build(db_path)
    with Library.open(db_path) as library:
        library.back_up()
    overwrite_page(db_path, root_page(db_path, "articles_by_source"))

    # The quick start-up check cannot see an interior page; the backup's check does.
    with Library.open(db_path) as library:
        assert library.notices == ()
        tomorrow = date.fromordinal(backup.utc_today().toordinal() + 1)
        with pytest.raises(LibraryError, match="failed its check"):
            backup.back_up(library.path, tomorrow)
    assert damage_marker(db_path).exists()
    assert [path.name for path in backup.backups(backups_dir(db_path.parent))] == [
        backup.backup_name(backup.utc_today())
    ]

    with Library.open(db_path) as library:
        (notice,) = library.notices
        assert library.get(read_id).read
    assert "restored the backup" in notice
    assert not damage_marker(db_path).exists()
    assert len(moved_aside(db_path)) == 1


def test_restore_skips_a_backup_that_fails_its_own_check(db_path: Path) -> None:
    read_id, _ = build(db_path)
    older, newer = date(2025, 1, 1), date(2025, 1, 2)
    backup.back_up(db_path, older)
    backup.back_up(db_path, newer)
    newest = backups_dir(db_path.parent) / backup.backup_name(newer)
    overwrite_page(newest, root_page(newest, "articles_by_source"))
    db_path.write_bytes(b"not a database")

    with Library.open(db_path) as library:
        (notice,) = library.notices
        assert library.get(read_id).read
    assert "restored the backup newsread-2025-01-01.db" in notice
    assert newest.exists()  # a bad backup is kept, not deleted


def test_recovery_is_one_line_naming_the_file(db_path: Path) -> None:
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with Library.open(db_path) as library:
        (notice,) = library.notices
    assert "\n" not in notice
    assert str(db_path) in notice
    assert moved_aside(db_path)[0].name in notice


def test_healthy_library_opens_without_notices_and_is_not_moved(db_path: Path) -> None:
    build(db_path)
    with Library.open(db_path) as library:
        assert library.notices == ()
    assert moved_aside(db_path) == []


def test_new_library_is_never_left_half_created(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    broken = migrations.Migration(migrations.latest_version() + 1, "fails", failing)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(LibraryError) as caught:
        Library.open(db_path)
    assert "\n" not in str(caught.value)
    assert str(db_path) in str(caught.value)
    assert list(db_path.parent.iterdir()) == []


# --- refused files stay untouched ---


def test_database_of_another_application_without_an_id_is_refused_untouched(
    db_path: Path,
) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE contacts (name)")
        raw.execute("INSERT INTO contacts VALUES ('Ada')")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(LibraryError, match="another application"):
        Library.open(db_path)
    assert db_path.read_bytes() == before
    assert moved_aside(db_path) == []


def test_newer_library_with_a_live_log_is_refused_and_never_checkpointed(
    db_path: Path, tmp_path: Path
) -> None:
    build(db_path)
    copied = tmp_path / "copied" / "newsread.db"
    copied.parent.mkdir()
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        raw.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
        # A snapshot of a newer newsread that is running: its change still in the log.
        for suffix in ("", "-wal"):
            copied.with_name(copied.name + suffix).write_bytes(
                db_path.with_name(db_path.name + suffix).read_bytes()
            )
    finally:
        raw.close()
    before = copied.read_bytes()
    with pytest.raises(LibraryError, match="newer newsread"):
        Library.open(copied)
    assert copied.read_bytes() == before
    assert moved_aside(copied) == []


# --- migrations ---


def test_migrations_run_in_one_transaction_and_a_failure_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_id, _ = build(db_path)
    latest = migrations.latest_version()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN note TEXT")

    def fail(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("simulated failure in a migration")

    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [
            *migrations.MIGRATIONS,
            migrations.Migration(latest + 1, "a column", add_column),
            migrations.Migration(latest + 2, "fails", fail),
        ],
    )
    with pytest.raises(LibraryError, match="simulated failure"):
        Library.open(db_path)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == latest
        columns = [row[1] for row in raw.execute("PRAGMA table_info(articles)")]
        assert "note" not in columns
        assert raw.execute("SELECT read FROM articles WHERE id = ?", (read_id,)).fetchone() == (1,)
    raw.close()


def test_an_existing_library_is_backed_up_before_its_schema_changes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, bookmarked_id = build(db_path)
    latest = migrations.latest_version()
    assert backup.backups(backups_dir(db_path.parent)) == []

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN note TEXT")

    step = migrations.Migration(latest + 1, "a column", add_column)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    with Library.open(db_path) as library:
        assert library.get(bookmarked_id).bookmarked
    (saved,) = backup.backups(backups_dir(db_path.parent))
    with sqlite3.connect(saved) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == latest
        assert raw.execute(
            "SELECT bookmarked FROM articles WHERE id = ?", (bookmarked_id,)
        ).fetchone() == (1,)
    raw.close()


async def test_the_reader_shows_the_recovery_notice(db_path: Path) -> None:
    from newsread.tui.app import NewsreadApp

    db_path.write_bytes(b"")
    with Library.open(db_path) as library:
        library.add_sample_articles()
        app = NewsreadApp(library, db_path.parent)
        async with app.run_test() as pilot:
            await pilot.pause()
            shown = [str(note.message) for note in app._notifications]
    assert any("moved it aside as newsread.db.corrupt-" in message for message in shown)
