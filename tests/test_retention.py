"""Retention from config.toml: per-source item and age limits applied when refreshing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsread.cli import main
from newsread.config import Config, RefreshConfig, SourceSettings
from newsread.library import Library, ViewQuery
from newsread.paths import database_path, ensure_config_dir
from newsread.refresh import refresh
from newsread.sources.adding import add_sources


@pytest.fixture
def empty(config_dir: Path) -> Iterator[Library]:
    opened = Library.open(database_path(ensure_config_dir(config_dir)))
    yield opened
    opened.close()


def days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_story(folder: Path, name: str, age_days: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(
        f"---\ntitle: {name}\ndate: {days_ago(age_days)}\n---\n\nThe story of {name}.\n",
        encoding="utf-8",
    )


def make_folder(folder: Path, prefix: str, count: int) -> None:
    """`count` stories `prefix1` … `prefixN`, one day apart, `prefix1` the newest."""
    for number in range(1, count + 1):
        write_story(folder, f"{prefix}{number}", age_days=number)


def stored_titles(library: Library, key: str) -> set[str]:
    return {summary.title for summary in library.list_articles(ViewQuery(source_key=key))}


def add_folder(library: Library, folder: Path, config: Config | None = None) -> str:
    [result] = add_sources(library, [str(folder)], config=config)
    assert result.error is None
    return result.sources[0].key


def drop_files(folder: Path, *names: str) -> None:
    for name in names:
        (folder / f"{name}.md").unlink()


def test_each_source_keeps_its_own_item_limit(empty: Library, tmp_path: Path) -> None:
    folders = {name: tmp_path / name for name in ("wire", "blog", "notes")}
    keys = {}
    for name, folder in folders.items():
        make_folder(folder, name, 6)
        keys[name] = add_folder(empty, folder)
        # The newest four drop out of the source: only two old ones are still listed.
        drop_files(folder, *(f"{name}{number}" for number in range(1, 5)))
    config = Config(
        refresh=RefreshConfig(max_items=1),
        sources=(
            SourceSettings(str(folders["wire"]), max_items=3),
            SourceSettings(str(folders["blog"]), max_items=5),
        ),
    )
    results = {result.key: result for result in refresh(empty, config=config)}
    # The newest three are kept, and so is what the folder still lists (5 and 6).
    assert stored_titles(empty, keys["wire"]) == {"wire1", "wire2", "wire3", "wire5", "wire6"}
    assert results[keys["wire"]].pruned == 1
    assert len(stored_titles(empty, keys["blog"])) == 6
    assert results[keys["blog"]].pruned == 0
    # No table of its own: the global limit (1).
    assert stored_titles(empty, keys["notes"]) == {"notes1", "notes5", "notes6"}


def test_bookmarked_articles_survive_every_limit(empty: Library, tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    make_folder(folder, "wire", 4)
    key = add_folder(empty, folder)
    oldest = next(
        s.id for s in empty.list_articles(ViewQuery(source_key=key)) if s.title == "wire4"
    )
    empty.set_bookmarked([oldest], True)
    drop_files(folder, "wire2", "wire3", "wire4")
    config = Config(sources=(SourceSettings(str(folder), max_items=1, max_age_days=2),))
    refresh(empty, config=config)
    assert stored_titles(empty, key) == {"wire1", "wire4"}


def test_zero_in_a_source_table_keeps_everything_despite_the_global_limit(
    empty: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    make_folder(folder, "archive", 5)
    key = add_folder(empty, folder)
    drop_files(folder, "archive1", "archive2", "archive3", "archive4")
    config = Config(
        refresh=RefreshConfig(max_items=1, max_age_days=1),
        sources=(SourceSettings(str(folder), max_items=0, max_age_days=0),),
    )
    [result] = refresh(empty, config=config)
    assert result.pruned == 0
    assert len(stored_titles(empty, key)) == 5


def test_without_a_config_nothing_is_pruned(empty: Library, tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    make_folder(folder, "wire", 3)
    key = add_folder(empty, folder)
    drop_files(folder, "wire1", "wire2")
    refresh(empty)
    assert len(stored_titles(empty, key)) == 3


def test_articles_past_the_age_limit_go_and_do_not_come_back_as_new(
    empty: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "wire"
    write_story(folder, "fresh", age_days=3)
    write_story(folder, "stale", age_days=40)
    key = add_folder(empty, folder)
    config = Config(refresh=RefreshConfig(max_age_days=30))
    [first] = refresh(empty, config=config)
    assert first.pruned == 1
    assert stored_titles(empty, key) == {"fresh"}
    # The stale file is still in the folder: the next refresh must not re-add it.
    [second] = refresh(empty, config=config)
    assert (second.new, second.pruned) == (0, 0)
    assert stored_titles(empty, key) == {"fresh"}


def test_adding_with_an_age_limit_stores_only_recent_articles(
    empty: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "wire"
    write_story(folder, "fresh", age_days=3)
    write_story(folder, "stale", age_days=40)
    config = Config(refresh=RefreshConfig(max_age_days=30))
    key = add_folder(empty, folder, config)
    assert stored_titles(empty, key) == {"fresh"}


def test_a_relative_path_key_in_config_matches_the_stored_absolute_path(
    empty: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "wire"
    make_folder(folder, "wire", 4)
    key = add_folder(empty, folder)
    drop_files(folder, "wire1", "wire2", "wire3")
    refresh(empty, config=Config(sources=(SourceSettings("./wire/", max_items=2),)))
    assert stored_titles(empty, key) == {"wire1", "wire2", "wire4"}


def test_newsread_refresh_applies_the_limits_in_config_toml(
    config_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "wire"
    make_folder(folder, "wire", 5)
    assert main(["add", str(folder)]) == 0
    drop_files(folder, "wire1", "wire2", "wire3", "wire4")
    (config_dir / "config.toml").write_text(
        f'[refresh]\nmax_items = 10\n\n[sources."{folder}"]\nmax_items = 2\n', encoding="utf-8"
    )
    assert main(["refresh"]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    listed = {article["title"] for article in json.loads(capsys.readouterr().out)}
    assert {"wire1", "wire2", "wire5"} <= listed
    assert not {"wire3", "wire4"} & listed
