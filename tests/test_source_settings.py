"""Source titles and tags from config.toml, as the library and the command line show them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from feed_server import rss, running_server, sample_items, serve
from newsread.cli import main
from newsread.config import Config, SourceSettings
from newsread.library import Library, ViewQuery
from newsread.model import Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.refresh import refresh
from newsread.sources.adding import add_sources
from newsread.sources.settings import apply_source_settings


@pytest.fixture
def empty(config_dir: Path) -> Iterator[Library]:
    opened = Library.open(database_path(ensure_config_dir(config_dir)))
    yield opened
    opened.close()


def write_folder(folder: Path, *titles: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title in titles:
        (folder / f"{title}.md").write_text(f"# {title}\n\nAbout {title}.\n", encoding="utf-8")
    return folder


def add(library: Library, path: Path, config: Config | None = None) -> str:
    [result] = add_sources(library, [str(path)], config=config)
    assert result.error is None
    return result.sources[0].key


def titled(folder: Path, title: str, *tags: str) -> Config:
    return Config(sources=(SourceSettings(str(folder), title=title, tags=tags),))


def shown_title(library: Library, key: str) -> str:
    return library.source(key).title


def test_a_config_title_is_shown_everywhere_the_source_is_named(
    empty: Library, tmp_path: Path
) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    key = add(empty, folder)
    assert shown_title(empty, key) == "inbox"
    assert apply_source_settings(empty, titled(folder, "Morning Wire")) == 1
    assert shown_title(empty, key) == "Morning Wire"
    [summary] = empty.list_articles(ViewQuery())
    assert summary.source == "Morning Wire"
    assert empty.get(summary.id).source == "Morning Wire"
    assert empty.find_source("morning wire").key == key
    assert empty.source(key).own_title == "inbox"
    # The search index keeps the source's own name: renaming re-indexes nothing.
    assert [s.title for s in empty.list_articles(ViewQuery(search="inbox"))] == ["Harbour"]


def test_dropping_the_title_from_config_brings_back_the_sources_own(
    empty: Library, tmp_path: Path
) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    key = add(empty, folder)
    apply_source_settings(empty, titled(folder, "Morning Wire"))
    assert apply_source_settings(empty, Config()) == 1
    assert shown_title(empty, key) == "inbox"
    assert apply_source_settings(empty, Config()) == 0


def test_applying_the_same_settings_again_changes_nothing(empty: Library, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    add(empty, folder)
    config = titled(folder, "Morning Wire", "news")
    assert apply_source_settings(empty, config) == 1
    assert apply_source_settings(empty, config) == 0


def test_the_config_title_stays_in_front_when_the_source_retitles_itself(
    empty: Library, tmp_path: Path
) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    key = add(empty, folder)
    config = titled(folder, "Morning Wire")
    apply_source_settings(empty, config)
    # Re-subscribing under another own title (as `add` or a feed's new title does).
    empty.add_source(Source(key, SourceKind.FOLDER, "Inbox, renamed"))
    assert shown_title(empty, key) == "Morning Wire"
    apply_source_settings(empty, Config())
    assert shown_title(empty, key) == "Inbox, renamed"


def test_adding_with_a_config_title_uses_it_from_the_start(empty: Library, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    [result] = add_sources(empty, [str(folder)], config=titled(folder, "Morning Wire"))
    assert result.sources[0].title == "Morning Wire"
    assert shown_title(empty, result.sources[0].key) == "Morning Wire"


def test_refresh_with_a_config_applies_its_titles_and_tags(empty: Library, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    key = add(empty, folder)
    [result] = refresh(empty, config=titled(folder, "Morning Wire", "local"))
    assert result.title == "Morning Wire"
    assert empty.source_tags() == {key: ("local",)}


def test_tags_are_stored_once_each_and_follow_the_config(empty: Library, tmp_path: Path) -> None:
    inbox = write_folder(tmp_path / "inbox", "Harbour")
    desk = write_folder(tmp_path / "desk", "Budget")
    inbox_key, desk_key = add(empty, inbox), add(empty, desk)
    config = Config(
        sources=(
            SourceSettings(str(inbox), tags=("news", "Local", "news", "  ")),
            SourceSettings(str(desk), tags=("money",)),
        )
    )
    apply_source_settings(empty, config)
    assert empty.source_tags() == {inbox_key: ("Local", "news"), desk_key: ("money",)}
    apply_source_settings(empty, Config(sources=(SourceSettings(str(desk), tags=("tech",)),)))
    assert empty.source_tags() == {desk_key: ("tech",)}


def test_removing_a_source_removes_its_tags(empty: Library, tmp_path: Path) -> None:
    inbox = write_folder(tmp_path / "inbox", "Harbour")
    key = add(empty, inbox, titled(inbox, "Morning Wire", "news"))
    assert empty.source_tags() == {key: ("news",)}
    empty.remove_source(key)
    assert empty.source_tags() == {}


def test_a_title_in_config_toml_shows_in_newsread_sources(
    config_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(tmp_path / "inbox", "Harbour")
    assert main(["add", str(folder)]) == 0
    (config_dir / "config.toml").write_text(
        f'[sources."{folder}"]\ntitle = "Morning Wire"\n', encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["sources", "--json"]) == 0
    titles = {source["key"]: source["title"] for source in json.loads(capsys.readouterr().out)}
    assert titles[str(folder.resolve())] == "Morning Wire"
    (config_dir / "config.toml").write_text("", encoding="utf-8")
    assert main(["sources", "--json"]) == 0
    titles = {source["key"]: source["title"] for source in json.loads(capsys.readouterr().out)}
    assert titles[str(folder.resolve())] == "inbox"


def test_a_feed_imported_untitled_learns_its_own_title_behind_the_config_one(
    empty: Library,
) -> None:
    with running_server() as server:
        server.routes["/feed"] = serve(rss("The Real Title", sample_items(1)))
        url = server.url("/feed")
        empty.add_source(Source(url, SourceKind.FEED, url))
        config = Config(sources=(SourceSettings(url, title="Morning Wire"),))
        [result] = refresh(empty, [url], config=config)
    assert result.title == "Morning Wire"
    assert (empty.source(url).title, empty.source(url).own_title) == (
        "Morning Wire",
        "The Real Title",
    )
    apply_source_settings(empty, Config())
    assert empty.source(url).title == "The Real Title"
