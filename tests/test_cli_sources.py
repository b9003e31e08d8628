"""The source subcommands as people and scripts use them: add, sources, remove, refresh,
export-opml, and the bare `newsread SOURCE ...` form."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feed_server import HTML_PAGE, FeedServer, rss, running_server, sample_items, serve
from newsread.cli import main
from newsread.ingest.opml import OpmlFeed, parse_opml, write_opml

SOURCE_KEYS = {
    "key",
    "kind",
    "title",
    "folder",
    "articles",
    "unread",
    "last_refresh",
    "last_error",
    "url",
}


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as started:
        started.routes["/feed"] = serve(rss("Harbour News", sample_items(3)))
        started.routes["/other"] = serve(rss("Other News", sample_items(2, prefix="Other")))
        started.routes["/gone"] = serve(b"gone", status=404, content_type="text/plain")
        started.routes["/page"] = serve(HTML_PAGE, content_type="text/html")
        yield started


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sources_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "sources", "--json")
    assert code == 0, err
    parsed: list[dict[str, Any]] = json.loads(out)
    return parsed


def feeds(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [source for source in sources_json(capsys) if source["kind"] == "feed"]


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code != 0
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsread: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_add_url_subscribes_and_sources_json_has_exactly_the_documented_keys(
    capsys: pytest.CaptureFixture[str], server: FeedServer
) -> None:
    code, out, err = run(capsys, "add", server.url("/feed"))
    assert code == 0, err
    assert out.startswith("Added Harbour News (") and "3 new articles" in out
    listed = sources_json(capsys)
    assert all(set(source) == SOURCE_KEYS for source in listed)
    [feed] = [source for source in listed if source["kind"] == "feed"]
    assert feed["key"] == server.url("/feed")
    assert (feed["title"], feed["articles"], feed["unread"]) == ("Harbour News", 3, 3)
    assert feed["last_error"] is None and feed["last_refresh"]
    assert feed["url"] == "https://news.example/" and feed["folder"] == []
    code, out, _ = run(capsys, "list", "--json")
    assert sum(article["source"] == "Harbour News" for article in json.loads(out)) == 3


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/gone", "HTTP 404 Not Found"), ("/page", "not an RSS or Atom feed (found an HTML page)")],
)
def test_add_of_a_url_that_is_not_a_working_feed_adds_nothing(
    capsys: pytest.CaptureFixture[str], server: FeedServer, path: str, reason: str
) -> None:
    code, _out, err = run(capsys, "add", server.url(path))
    assert_one_line_error(code, err, server.url(path), reason)
    assert feeds(capsys) == []


def test_add_of_a_folder_skips_a_binary_file_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "plans.md").write_text("# Harbour plans\n\nThe council met.\n")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    code, out, err = run(capsys, "add", str(folder))
    assert code == 0
    assert "Added notes" in out and "1 new article." in out
    assert err.splitlines() == [line for line in err.splitlines() if "scan.png" in line]
    assert len(err.splitlines()) == 1


def test_add_of_a_missing_path_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "add", "/no/such/notes")
    assert_one_line_error(code, err, "/no/such/notes", "no such file or folder")


def test_opml_round_trip_through_add_and_export(
    capsys: pytest.CaptureFixture[str], server: FeedServer, tmp_path: Path
) -> None:
    original = [
        OpmlFeed("Harbour", server.url("/feed"), "https://news.example/", ("News", "Local")),
        OpmlFeed("Other", server.url("/other"), "", ("News",)),
        OpmlFeed("Broken", server.url("/gone"), "", ()),
    ]
    subscriptions = tmp_path / "subscriptions.opml"
    subscriptions.write_text(write_opml(original))
    code, _out, err = run(capsys, "add", str(subscriptions))
    # A feed of the list that fails stays subscribed, with a warning.
    assert code == 0
    assert err.splitlines() == [
        f"newsread: warning: Broken: {server.url('/gone')}: HTTP 404 Not Found "
        "(subscribed; refresh to retry)"
    ]
    by_key = {source["key"]: source for source in feeds(capsys)}
    assert by_key[server.url("/feed")]["articles"] == 3
    assert by_key[server.url("/feed")]["folder"] == ["News", "Local"]
    assert by_key[server.url("/gone")]["last_error"].endswith("HTTP 404 Not Found")
    exported = tmp_path / "exported.opml"
    code, out, err = run(capsys, "export-opml", str(exported))
    assert code == 0, err
    assert out == f"Exported 3 feeds to {exported}.\n"
    assert parse_opml(exported.read_bytes()) == original


def test_export_opml_to_an_unwritable_place_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = run(capsys, "export-opml", str(tmp_path / "missing" / "subs.opml"))
    assert_one_line_error(code, err, "cannot write", "subs.opml")


def test_remove_by_title_prefix_keeps_bookmarked_articles(
    capsys: pytest.CaptureFixture[str], server: FeedServer
) -> None:
    run(capsys, "add", server.url("/feed"))
    code, out, _ = run(capsys, "list", "--json")
    harbour = [article for article in json.loads(out) if article["source"] == "Harbour News"]
    run(capsys, "mark", harbour[0]["id"], "--bookmark")
    code, out, err = run(capsys, "remove", "harb")
    assert code == 0, err
    assert out == (
        f"Removed Harbour News ({server.url('/feed')}): 2 articles deleted, 1 bookmarked kept.\n"
    )
    assert feeds(capsys) == []
    code, out, _ = run(capsys, "list", "--bookmarked", "--json")
    assert [article["id"] for article in json.loads(out)] == [harbour[0]["id"]]


def test_remove_of_an_unknown_source_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _out, err = run(capsys, "remove", "Nothing like this")
    assert_one_line_error(code, err, "no source matches 'Nothing like this'")


def test_refresh_prints_a_summary_and_fails_when_a_named_source_fails(
    capsys: pytest.CaptureFixture[str], server: FeedServer
) -> None:
    run(capsys, "add", server.url("/feed"))
    code, out, err = run(capsys, "refresh")
    assert code == 0, err
    assert "Harbour News" in out and "ok" in out
    server.routes["/feed"] = serve(b"boom", status=500, content_type="text/plain")
    code, out, _err = run(capsys, "refresh", "Harbour News")
    assert code != 0
    assert "failed:" in out and "HTTP 500" in out
    assert feeds(capsys)[0]["articles"] == 3


def test_refresh_of_an_unknown_source_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _out, err = run(capsys, "refresh", "https://nowhere.example/feed")
    assert_one_line_error(code, err, "no source matches")


def test_bare_form_adds_sources_then_opens_the_reader_even_after_an_error(
    capsys: pytest.CaptureFixture[str], server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []

    def fake_run_tui(library: Any, *_args: Any, **_options: Any) -> None:
        opened.append(library.counts().total)

    monkeypatch.setattr("newsread.tui.launch.run_tui", fake_run_tui)
    code, out, err = run(capsys, server.url("/feed"), server.url("/gone"))
    assert code == 0
    assert out == ""
    assert err.splitlines() == [f"newsread: error: {server.url('/gone')}: HTTP 404 Not Found"]
    assert opened == [5 + 3]
