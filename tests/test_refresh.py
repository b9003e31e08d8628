"""Refreshing sources against real servers on 127.0.0.1: conditional GET, errors that keep
stored articles, identity and state across refreshes, local files, progress and threads."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from feed_server import (
    HTML_PAGE,
    FeedServer,
    Item,
    rss,
    running_server,
    sample_items,
    send,
    serve,
)
from newsread.ingest.fetch import FetchLimits
from newsread.library import Library, ViewQuery
from newsread.model import Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.refresh import RefreshProgress, SourceRefreshResult, refresh, tag_all
from newsread.sources.adding import add_sources

QUICK = FetchLimits(connect_timeout=1, read_timeout=0.3, deadline=1.5, max_bytes=512 * 1024)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as started:
        yield started


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library (no samples) of this test's own."""
    with Library.open(database_path(ensure_config_dir(tmp_path / "lib"))) as opened:
        yield opened


def subscribe(library: Library, url: str, title: str = "Harbour News") -> str:
    library.add_source(Source(url, SourceKind.FEED, title))
    return url


def refresh_one(library: Library, key: str) -> SourceRefreshResult:
    [result] = refresh(library, [key], limits=QUICK)
    return result


def ids(library: Library) -> dict[str, str]:
    return {summary.title: summary.id for summary in library.list_articles(ViewQuery())}


class Revisions:
    """A feed whose content the test changes, answering 304 to matching validators."""

    def __init__(self, body: bytes, *, etag: str = "", last_modified: str = "") -> None:
        self.body = body
        self.etag = etag
        self.last_modified = last_modified

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        headers = [("ETag", self.etag)] if self.etag else []
        if self.last_modified:
            headers.append(("Last-Modified", self.last_modified))
        if (self.etag and handler.headers.get("If-None-Match") == self.etag) or (
            self.last_modified and handler.headers.get("If-Modified-Since") == self.last_modified
        ):
            handler.send_response(304)
            for name, value in headers:
                handler.send_header(name, value)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        send(handler, self.body, headers=headers)


def test_an_etag_makes_the_second_refresh_a_304_with_nothing_duplicated(
    library: Library, server: FeedServer
) -> None:
    server.routes["/feed"] = Revisions(rss("Harbour News", sample_items(3)), etag='"r1"')
    key = subscribe(library, server.url("/feed"))
    first = refresh_one(library, key)
    assert (first.new, first.not_modified, first.error) == (3, False, None)
    counts = library.counts()
    second = refresh_one(library, key)
    assert server.seen("/feed")[1].headers["if-none-match"] == '"r1"'
    assert second.not_modified and second.new == 0 and second.error is None
    assert library.counts() == counts
    assert library.source(key).last_refresh is not None


def test_last_modified_makes_the_second_refresh_a_304(library: Library, server: FeedServer) -> None:
    stamp = "Wed, 05 Mar 2025 08:00:00 GMT"
    server.routes["/feed"] = Revisions(rss("Harbour News", sample_items(2)), last_modified=stamp)
    key = subscribe(library, server.url("/feed"))
    refresh_one(library, key)
    second = refresh_one(library, key)
    assert server.seen("/feed")[1].headers["if-modified-since"] == stamp
    assert second.not_modified
    assert library.counts().total == 2


def test_a_gzip_encoded_feed_is_stored(library: Library, server: FeedServer) -> None:
    body = gzip.compress(rss("Harbour News", sample_items(4)))
    server.routes["/feed"] = serve(body, headers=[("Content-Encoding", "gzip")])
    assert refresh_one(library, subscribe(library, server.url("/feed"))).new == 4


def test_a_redirected_feed_is_stored(library: Library, server: FeedServer) -> None:
    server.routes["/moved"] = serve(
        b"", status=301, content_type="text/plain", headers=[("Location", "/feed")]
    )
    server.routes["/feed"] = serve(rss("Harbour News", sample_items(2)))
    assert refresh_one(library, subscribe(library, server.url("/moved"))).new == 2


def test_a_real_feed_with_the_wrong_content_type_is_accepted(
    library: Library, server: FeedServer
) -> None:
    server.routes["/feed"] = serve(rss("Harbour News", sample_items(2)), content_type="text/html")
    assert refresh_one(library, subscribe(library, server.url("/feed"))).new == 2


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (serve(b"gone", status=404, content_type="text/plain"), "HTTP 404 Not Found"),
        (serve(b"boom", status=500, content_type="text/plain"), "HTTP 500 Internal Server Error"),
        (
            serve(HTML_PAGE, content_type="text/html"),
            "not an RSS or Atom feed (found an HTML page)",
        ),
        (
            serve(b"", status=302, content_type="text/plain", headers=[("Location", "file:///x")]),
            "redirect to a non-HTTP URL (file:///x)",
        ),
        (
            serve(b"", status=302, content_type="text/plain", headers=[("Location", "/feed")]),
            "too many redirects (more than 5)",
        ),
    ],
)
def test_a_failing_feed_keeps_its_stored_articles_and_records_the_error(
    library: Library, server: FeedServer, route: object, reason: str
) -> None:
    server.routes["/feed"] = serve(rss("Harbour News", sample_items(3)))
    key = subscribe(library, server.url("/feed"))
    refresh_one(library, key)
    before = ids(library)
    server.routes["/feed"] = route  # type: ignore[assignment]
    result = refresh_one(library, key)
    assert result.error == f"{key}: {reason}"
    assert ids(library) == before
    assert library.source(key).last_error == result.error


def test_a_slow_feed_times_out_quickly_and_does_not_stop_the_others(
    library: Library, server: FeedServer
) -> None:
    server.routes["/slow"] = lambda handler: server.stopping.wait(3)  # type: ignore[func-returns-value]
    server.routes["/feed"] = serve(rss("Fine News", sample_items(2)))
    slow = subscribe(library, server.url("/slow"), "Slow News")
    fine = subscribe(library, server.url("/feed"), "Fine News")
    results = {result.key: result for result in refresh(library, [slow, fine], limits=QUICK)}
    assert results[slow].error == f"{slow}: timed out after 0.3 s"
    assert results[fine].new == 2 and results[fine].error is None


def endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()
    try:
        for _ in range(10_000):
            handler.wfile.write(b"<rss>" + b" " * 65536)
    except OSError:
        return


def test_an_endless_feed_stops_at_the_size_cap(library: Library, server: FeedServer) -> None:
    server.routes["/feed"] = endless
    result = refresh_one(library, subscribe(library, server.url("/feed")))
    assert result.error == f"{server.url('/feed')}: response larger than 524288 bytes"


def test_the_same_entries_keep_their_ids_and_state_and_updates_happen_in_place(
    library: Library, server: FeedServer
) -> None:
    items = sample_items(3)
    revision = Revisions(rss("Harbour News", items))
    server.routes["/feed"] = revision
    key = subscribe(library, server.url("/feed"))
    refresh_one(library, key)
    first_ids = ids(library)
    read_id = first_ids[items[0].title]
    library.set_read([read_id], True)
    library.set_bookmarked([first_ids[items[1].title]], True)
    edited = Item(items[2].guid, "A corrected headline", "New text.", items[2].published)
    revision.body = rss("Harbour News", [items[0], items[1], edited])
    result = refresh_one(library, key)
    assert (result.new, result.updated, result.unchanged) == (0, 1, 2)
    after = ids(library)
    assert after[items[0].title] == read_id
    assert after["A corrected headline"] == first_ids[items[2].title]
    assert library.get(read_id).read
    assert library.get(after[items[1].title]).bookmarked
    assert library.counts().total == 3


def test_entries_that_drop_out_of_a_feed_stay_readable(
    library: Library, server: FeedServer
) -> None:
    items = sample_items(3)
    revision = Revisions(rss("Harbour News", items))
    server.routes["/feed"] = revision
    key = subscribe(library, server.url("/feed"))
    refresh_one(library, key)
    revision.body = rss("Harbour News", items[2:])
    refresh_one(library, key)
    assert set(ids(library)) == {item.title for item in items}


def test_a_feed_imported_without_a_title_takes_the_feeds_own(
    library: Library, server: FeedServer
) -> None:
    server.routes["/feed"] = serve(rss("The Real Title", sample_items(1)))
    key = subscribe(library, server.url("/feed"), title=server.url("/feed"))
    assert refresh_one(library, key).title == "The Real Title"
    assert library.source(key).title == "The Real Title"


def test_local_files_are_reread_and_a_missing_one_keeps_its_articles(
    library: Library, tmp_path: Path
) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Harbour plans\n\nFirst draft.\n")
    add_sources(library, [str(note)])
    article_id = ids(library)["Harbour plans"]
    note.write_text("# Harbour plans\n\nSecond draft with more detail.\n")
    changed = refresh_one(library, str(note.resolve()))
    assert (changed.new, changed.updated) == (0, 1)
    assert "Second draft" in library.get(article_id).body
    note.unlink()
    gone = refresh_one(library, str(note.resolve()))
    assert gone.error is not None and "note.md" in gone.error
    assert library.get(article_id).title == "Harbour plans"


def test_samples_are_never_refreshed(library: Library) -> None:
    library.add_sample_articles()
    assert refresh(library, limits=QUICK) == []
    sample_key = library.sources()[0].key
    assert refresh(library, [sample_key], limits=QUICK) == []


def test_an_unknown_key_is_a_failed_result_not_an_exception(library: Library) -> None:
    [result] = refresh(library, ["https://nowhere.example/feed"], limits=QUICK)
    assert result.failed and "no source" in (result.error or "")


def test_progress_is_reported_per_source(library: Library, server: FeedServer) -> None:
    for number in range(3):
        server.routes[f"/feed{number}"] = serve(rss(f"Feed {number}", sample_items(1)))
        subscribe(library, server.url(f"/feed{number}"), f"Feed {number}")
    events: list[RefreshProgress] = []
    refresh(library, on_progress=events.append, limits=QUICK)
    assert [(event.done, event.total) for event in events] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert {event.result.title for event in events if event.result} == {
        "Feed 0",
        "Feed 1",
        "Feed 2",
    }


def test_refresh_runs_in_a_worker_thread_and_tagging_catches_up(
    library: Library, server: FeedServer
) -> None:
    server.routes["/feed"] = serve(rss("Harbour News", sample_items(5)))
    key = subscribe(library, server.url("/feed"))
    results: list[SourceRefreshResult] = []
    worker = threading.Thread(target=lambda: results.extend(refresh(library, [key], limits=QUICK)))
    worker.start()
    worker.join(timeout=10)
    assert results and results[0].new == 5
    assert library.untagged_count() == 5
    seen: list[tuple[int, int]] = []
    assert tag_all(library, on_progress=lambda done, total: seen.append((done, total))) == 5
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert library.untagged_count() == 0
