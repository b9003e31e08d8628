"""Fetching from real HTTP servers on 127.0.0.1: limits, redirects, encodings, validators."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from feed_server import FeedServer, Item, rss, running_server, send, serve
from newsread import __version__
from newsread.errors import SourceError
from newsread.ingest.fetch import FetchLimits, FetchRequest, FetchResult, fetch_all, fetch_one

FEED = rss("Harbour News", [Item("one", "First story", "Body of the first story.")])
QUICK = FetchLimits(connect_timeout=1, read_timeout=0.3, deadline=1.5)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as started:
        yield started


def fetch(url: str, limits: FetchLimits = QUICK, **validators: str) -> FetchResult:
    return fetch_one(FetchRequest(url, **validators), limits)


def fetch_error(url: str, limits: FetchLimits = QUICK) -> str:
    with pytest.raises(SourceError) as raised:
        fetch(url, limits)
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_a_feed_is_fetched_with_the_newsread_user_agent(server: FeedServer) -> None:
    server.routes["/feed"] = serve(FEED)
    result = fetch(server.url("/feed"))
    assert result.body == FEED
    assert result.status == 200
    assert result.content_type.startswith("application/rss+xml")
    assert server.seen("/feed")[0].headers["user-agent"] == f"newsread/{__version__}"


def conditional(etag: str = "", last_modified: str = "") -> object:
    """Answer 304 when the client's validators match, else the feed with them."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        matches = (etag and handler.headers.get("If-None-Match") == etag) or (
            last_modified and handler.headers.get("If-Modified-Since") == last_modified
        )
        headers = [("ETag", etag)] if etag else []
        headers += [("Last-Modified", last_modified)] if last_modified else []
        if matches:
            handler.send_response(304)
            for name, value in headers:
                handler.send_header(name, value)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        send(handler, FEED, headers=headers)

    return handle


def test_etag_is_sent_back_and_a_304_means_not_modified(server: FeedServer) -> None:
    server.routes["/feed"] = conditional(etag='"v1"')  # type: ignore[assignment]
    first = fetch(server.url("/feed"))
    assert first.etag == '"v1"' and not first.not_modified
    second = fetch(server.url("/feed"), etag=first.etag)
    assert server.seen("/feed")[1].headers["if-none-match"] == '"v1"'
    assert second.not_modified and second.body == b""
    assert second.etag == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(server: FeedServer) -> None:
    stamp = "Tue, 04 Mar 2025 10:00:00 GMT"
    server.routes["/feed"] = conditional(last_modified=stamp)  # type: ignore[assignment]
    first = fetch(server.url("/feed"))
    assert first.last_modified == stamp
    second = fetch(server.url("/feed"), last_modified=first.last_modified)
    assert server.seen("/feed")[1].headers["if-modified-since"] == stamp
    assert second.not_modified


def test_gzip_and_deflate_bodies_are_decoded(server: FeedServer) -> None:
    server.routes["/gzip"] = serve(gzip.compress(FEED), headers=[("Content-Encoding", "gzip")])
    server.routes["/zlib"] = serve(zlib.compress(FEED), headers=[("Content-Encoding", "deflate")])
    raw = zlib.compressobj(wbits=-15)
    server.routes["/raw"] = serve(
        raw.compress(FEED) + raw.flush(), headers=[("Content-Encoding", "deflate")]
    )
    for path in ("/gzip", "/zlib", "/raw"):
        assert fetch(server.url(path)).body == FEED, path
    assert "gzip" in server.seen("/gzip")[0].headers["accept-encoding"]


def redirect(location: str, status: int = 301) -> object:
    def handle(handler: BaseHTTPRequestHandler) -> None:
        send(
            handler, b"", status=status, content_type="text/plain", headers=[("Location", location)]
        )

    return handle


def test_a_redirect_to_the_feed_is_followed(server: FeedServer) -> None:
    server.routes["/old"] = redirect("/feed")  # type: ignore[assignment]
    server.routes["/feed"] = serve(FEED)
    result = fetch(server.url("/old"))
    assert result.body == FEED
    assert result.url == server.url("/old")
    assert result.final_url == server.url("/feed")


def test_a_redirect_loop_is_an_error(server: FeedServer) -> None:
    server.routes["/a"] = redirect("/b", 302)  # type: ignore[assignment]
    server.routes["/b"] = redirect("/a", 307)  # type: ignore[assignment]
    message = fetch_error(server.url("/a"))
    assert message == f"{server.url('/a')}: too many redirects (more than 5)"
    assert len(server.requests) == 6


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml"])
def test_a_redirect_to_another_scheme_is_refused(server: FeedServer, target: str) -> None:
    server.routes["/feed"] = redirect(target)  # type: ignore[assignment]
    assert fetch_error(server.url("/feed")) == (
        f"{server.url('/feed')}: redirect to a non-HTTP URL ({target})"
    )


@pytest.mark.parametrize(("status", "phrase"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_http_errors_are_one_line_with_status_and_reason(
    server: FeedServer, status: int, phrase: str
) -> None:
    server.routes["/feed"] = serve(b"oops", status=status, content_type="text/plain")
    assert fetch_error(server.url("/feed")) == f"{server.url('/feed')}: HTTP {status} {phrase}"


def test_a_server_that_never_answers_times_out(server: FeedServer) -> None:
    def stall(handler: BaseHTTPRequestHandler) -> None:
        server.stopping.wait(3)

    server.routes["/slow"] = stall
    started = time.monotonic()
    message = fetch_error(server.url("/slow"))
    assert message == f"{server.url('/slow')}: timed out after 0.3 s"
    assert time.monotonic() - started < 1.5


def test_a_body_dribbling_in_past_the_deadline_times_out(server: FeedServer) -> None:
    def dribble(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.end_headers()
        try:
            while not server.stopping.wait(0.1):
                handler.wfile.write(b" ")
                handler.wfile.flush()
        except OSError:
            return

    server.routes["/dribble"] = dribble
    limits = FetchLimits(read_timeout=1, deadline=0.6)
    started = time.monotonic()
    assert fetch_error(server.url("/dribble"), limits).endswith(": timed out after 0.6 s")
    assert time.monotonic() - started < 1.5


def endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()
    chunk = b"<rss>" + b"x" * 16384
    try:
        for _ in range(100_000):
            handler.wfile.write(chunk)
    except OSError:
        return


def test_an_endless_body_stops_at_the_size_cap(server: FeedServer) -> None:
    server.routes["/endless"] = endless
    limits = FetchLimits(read_timeout=2, deadline=5, max_bytes=256 * 1024)
    assert fetch_error(server.url("/endless"), limits) == (
        f"{server.url('/endless')}: response larger than 262144 bytes"
    )


def test_a_declared_length_over_the_cap_is_refused_before_reading(server: FeedServer) -> None:
    server.routes["/big"] = serve(b"x" * 4096)
    limits = FetchLimits(max_bytes=1024)
    assert fetch_error(server.url("/big"), limits).endswith(": response larger than 1024 bytes")


def test_a_gzip_bomb_stops_at_the_decompressed_cap(server: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * (16 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 50_000
    server.routes["/bomb"] = serve(bomb, headers=[("Content-Encoding", "gzip")])
    limits = FetchLimits(read_timeout=2, deadline=5, max_bytes=1024 * 1024)
    assert fetch_error(server.url("/bomb"), limits) == (
        f"{server.url('/bomb')}: response larger than 1 MB"
    )


def test_a_corrupt_gzip_body_is_an_error(server: FeedServer) -> None:
    server.routes["/bad"] = serve(b"not gzip at all", headers=[("Content-Encoding", "gzip")])
    assert "invalid gzip data" in fetch_error(server.url("/bad"))


def test_only_http_urls_are_fetched() -> None:
    assert fetch_error("ftp://127.0.0.1/feed") == (
        "ftp://127.0.0.1/feed: only http and https URLs can be fetched"
    )


def test_a_refused_connection_is_a_one_line_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = fetch_error(f"http://127.0.0.1:{port}/feed")
    assert message.startswith(f"http://127.0.0.1:{port}/feed: cannot connect (")


def test_fetches_run_in_parallel_but_at_most_two_per_host(server: FeedServer) -> None:
    lock = threading.Lock()
    running = [0]
    peak = [0]

    def tracked(handler: BaseHTTPRequestHandler) -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.3)
        with lock:
            running[0] -= 1
        send(handler, FEED)

    for number in range(6):
        server.routes[f"/feed{number}"] = tracked
    requests = [FetchRequest(server.url(f"/feed{number}")) for number in range(6)]
    started = time.monotonic()
    outcomes = asyncio.run(fetch_all(requests, FetchLimits(per_host=2, total=8)))
    elapsed = time.monotonic() - started
    assert all(isinstance(outcome, FetchResult) for outcome in outcomes)
    assert peak[0] == 2
    assert elapsed < 6 * 0.3  # one at a time would take this long
