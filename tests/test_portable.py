"""`newsread export` / `newsread import`: read state and bookmarks as JSON, merged, never wiped."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsread import cli
from newsread.errors import SourceError
from newsread.library import Library, ViewQuery, portable
from newsread.model import ParsedArticle, Source, SourceKind

FEED = Source(key="https://example.org/feed.xml", kind=SourceKind.FEED, title="Example Feed")
MOVED_FEED = Source(key="https://mirror.example/feed", kind=SourceKind.FEED, title="Example Feed")

OpenLibrary = Callable[[str], Library]


def stories() -> list[ParsedArticle]:
    return [
        ParsedArticle(
            title=f"Story {letter}",
            body=f"The body of story {letter}, about rivers.",
            key=letter,
            deck=f"Deck {letter}",
            author="A. Writer",
            url=f"https://example.org/{letter}",
            published="2025-05-01T09:00:00+00:00",
        )
        for letter in "abcd"
    ]


@pytest.fixture
def open_library(tmp_path: Path) -> Iterator[OpenLibrary]:
    opened: list[Library] = []

    def open_named(name: str) -> Library:
        directory = tmp_path / name
        directory.mkdir(exist_ok=True)
        library = Library.open(directory / "newsread.db")
        opened.append(library)
        return library

    yield open_named
    for library in opened:
        library.close()


def id_of(library: Library, title: str) -> str:
    (found,) = [row.id for row in library.list_articles(ViewQuery()) if row.title == title]
    return found


def marked(library: Library) -> dict[str, tuple[bool, bool]]:
    return {row.title: (row.read, row.bookmarked) for row in library.list_articles(ViewQuery())}


def as_text(document: dict[str, Any]) -> str:
    return json.dumps(document)


@pytest.fixture
def source_library(open_library: OpenLibrary) -> Library:
    library = open_library("home")
    library.ingest(FEED, stories())
    library.set_read([id_of(library, "Story a"), id_of(library, "Story b")], True)
    library.set_bookmarked([id_of(library, "Story b"), id_of(library, "Story c")], True)
    return library


def test_export_lists_only_articles_with_marks_and_text_only_for_bookmarks(
    source_library: Library,
) -> None:
    document = source_library.export_state()
    assert (document["format"], document["version"]) == ("newsread-state", 1)
    entries = {entry["title"]: entry for entry in document["articles"]}
    assert sorted(entries) == ["Story a", "Story b", "Story c"]
    read_only = entries["Story a"]
    assert read_only["read"] and not read_only["bookmarked"]
    assert read_only["read_at"] and read_only["bookmarked_at"] is None
    assert "body" not in read_only
    saved = entries["Story c"]
    assert (saved["body"], saved["deck"], saved["author"]) == (
        "The body of story c, about rivers.",
        "Deck c",
        "A. Writer",
    )
    assert (saved["id"], saved["source"], saved["url"], saved["published"]) == (
        id_of(source_library, "Story c"),
        "Example Feed",
        "https://example.org/c",
        "2025-05-01T09:00:00+00:00",
    )


def test_import_into_a_library_with_the_same_articles_sets_their_marks(
    source_library: Library, open_library: OpenLibrary
) -> None:
    other = open_library("laptop")
    other.ingest(FEED, stories())
    result = other.import_state(as_text(source_library.export_state()), "state.json")
    assert marked(other) == marked(source_library)
    assert (result.entries, result.marked_read, result.bookmarked, result.recreated) == (3, 2, 2, 0)


def test_articles_are_matched_by_source_and_link_when_their_ids_differ(
    source_library: Library, open_library: OpenLibrary
) -> None:
    other = open_library("laptop")
    other.ingest(MOVED_FEED, stories())  # another key: other IDs, same links
    assert id_of(other, "Story a") != id_of(source_library, "Story a")
    other.import_state(as_text(source_library.export_state()), "state.json")
    assert marked(other) == marked(source_library)


def test_import_never_clears_a_mark(source_library: Library, open_library: OpenLibrary) -> None:
    other = open_library("laptop")
    other.ingest(FEED, stories())
    everything = [row.id for row in other.list_articles(ViewQuery())]
    other.set_read(everything, True)
    other.set_bookmarked(everything, True)
    result = other.import_state(as_text(source_library.export_state()), "state.json")
    assert all(state == (True, True) for state in marked(other).values())
    assert (result.marked_read, result.bookmarked) == (0, 0)


def test_missing_bookmarked_articles_are_recreated_with_their_text_and_id(
    source_library: Library, open_library: OpenLibrary
) -> None:
    empty = open_library("new-machine")
    result = empty.import_state(as_text(source_library.export_state()), "state.json")
    assert (result.recreated, result.missing) == (2, 1)
    saved_id = id_of(source_library, "Story c")
    restored = empty.get(saved_id)
    assert (restored.title, restored.body, restored.deck, restored.author) == (
        "Story c",
        "The body of story c, about rivers.",
        "Deck c",
        "A. Writer",
    )
    assert restored.bookmarked and not restored.read
    assert restored.source == "Imported bookmarks"
    assert empty.get(id_of(source_library, "Story b")).read
    assert {row.title for row in empty.list_articles(ViewQuery(search="rivers"))} == {
        "Story b",
        "Story c",
    }
    again = empty.import_state(as_text(source_library.export_state()), "state.json")
    assert (again.recreated, again.bookmarked, empty.counts().total) == (0, 0, 2)


def _valid_entry() -> dict[str, Any]:
    return {"id": "0123456789ab", "read": True, "bookmarked": False, "title": "T", "url": ""}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{not json",
        "[]",
        '{"format": "something-else", "version": 1, "articles": []}',
        '{"format": "newsread-state", "version": 2, "articles": []}',
        '{"format": "newsread-state", "version": "1", "articles": []}',
        '{"format": "newsread-state", "version": 1, "articles": {}}',
        json.dumps(
            {
                "format": "newsread-state",
                "version": 1,
                "articles": [_valid_entry(), {**_valid_entry(), "read": "yes"}],
            }
        ),
        json.dumps(
            {
                "format": "newsread-state",
                "version": 1,
                "articles": [_valid_entry(), {**_valid_entry(), "id": "not an id"}],
            }
        ),
        json.dumps({"format": "newsread-state", "version": 1, "articles": [_valid_entry(), 7]}),
    ],
)
def test_a_malformed_file_is_one_line_naming_it_and_writes_nothing(
    source_library: Library, open_library: OpenLibrary, text: str
) -> None:
    other = open_library("laptop")
    other.ingest(FEED, stories())
    before = marked(other)
    with pytest.raises(SourceError) as caught:
        other.import_state(text, "/home/me/state.json")
    assert "/home/me/state.json" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert marked(other) == before


def test_a_failure_half_way_through_an_import_writes_nothing(
    source_library: Library, open_library: OpenLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = open_library("laptop")
    other.ingest(FEED, stories()[:2])  # a and b are here; c must be re-created
    before = marked(other)

    def fail(*args: object) -> bool:
        raise OSError("simulated failure while re-creating")

    monkeypatch.setattr(portable, "_recreate", fail)
    with pytest.raises(OSError):
        other.import_state(as_text(source_library.export_state()), "state.json")
    assert marked(other) == before


# --- command line ---


def test_cli_export_then_import_elsewhere(
    config_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert cli.main(["mark", rows[0]["id"], "--bookmark"]) == 0
    assert cli.main(["mark", rows[1]["id"], "--read"]) == 0
    exported = tmp_path / "state.json"
    assert cli.main(["export", str(exported)]) == 0
    assert "Exported 2 articles (1 bookmarked)" in capsys.readouterr().out

    monkeypatch.setenv("NEWSREAD_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert cli.main(["import", str(exported)]) == 0
    assert "2 articles" in capsys.readouterr().out
    assert cli.main(["list", "--json"]) == 0
    moved = {
        row["id"]: (row["read"], row["bookmarked"]) for row in json.loads(capsys.readouterr().out)
    }
    assert moved[rows[0]["id"]][1]
    assert moved[rows[1]["id"]][0]


def test_cli_export_to_stdout_and_a_bad_import_is_one_line(
    config_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["articles"] == []
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    assert cli.main(["import", str(bad)]) == cli.EXIT_ERROR
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert str(bad) in error
