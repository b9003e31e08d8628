"""Servers that misbehave mid-answer: each a one-line error naming the URL, nothing lost.

`test_fetch.py` and `test_refresh.py` cover timeouts, slow drip, endless bodies,
gzip bombs, redirect loops, other schemes and HTTP errors; these add the
connection breaking in the middle of a response.
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from feed_server import FeedServer, rss, running_server, sample_items, serve
from newsread.ingest.fetch import FetchLimits
from newsread.library import Library, ViewQuery
from newsread.model import Source, SourceKind
from newsread.refresh import refresh

QUICK = FetchLimits(connect_timeout=1, read_timeout=0.5, deadline=3)
FEED = rss("Harbour News", sample_items(5))


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as started:
        yield started


def _reset(handler: BaseHTTPRequestHandler) -> None:
    """Close the connection with a TCP reset (RST) instead of a clean close."""
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


def reset_mid_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", str(len(FEED)))
    handler.end_headers()
    handler.wfile.write(FEED[: len(FEED) // 2])
    handler.wfile.flush()
    _reset(handler)


def closed_mid_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", str(len(FEED)))
    handler.end_headers()
    handler.wfile.write(FEED[: len(FEED) // 2])
    handler.wfile.flush()
    handler.close_connection = True


def reset_before_headers(handler: BaseHTTPRequestHandler) -> None:
    _reset(handler)


def broken_chunks(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    handler.wfile.write(b'10\r\n<rss version="2\r\nZZZ\r\nnot a chunk size\r\n')
    handler.wfile.flush()
    handler.close_connection = True


def garbage_status_line(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"\x1b[31mNOT HTTP AT ALL\r\n\r\n")
    handler.wfile.flush()
    handler.close_connection = True


def lying_gzip(handler: BaseHTTPRequestHandler) -> None:
    body = b"\x1f\x8b\x08\x00" + b"\x00" * 20
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.mark.parametrize(
    "misbehave",
    [
        reset_mid_body,
        closed_mid_body,
        reset_before_headers,
        broken_chunks,
        garbage_status_line,
        lying_gzip,
    ],
)
def test_a_broken_connection_is_one_line_naming_the_url_and_keeps_stored_articles(
    library: Library,
    server: FeedServer,
    misbehave: Callable[[BaseHTTPRequestHandler], None],
) -> None:
    server.routes["/feed"] = serve(FEED)
    url = server.url("/feed")
    library.add_source(Source(url, SourceKind.FEED, "Harbour News"))
    [first] = refresh(library, [url], limits=QUICK)
    assert first.new == 5
    marked = library.list_articles(ViewQuery(source_key=url))[0].id
    library.set_bookmarked([marked], True)
    stored = {summary.id for summary in library.list_articles(ViewQuery(source_key=url))}
    server.routes["/feed"] = misbehave
    [result] = refresh(library, [url], limits=QUICK)
    assert result.error is not None
    assert result.error.startswith(f"{url}: ") and "\n" not in result.error
    assert "\x1b" not in result.error
    assert library.source(url).last_error == result.error
    assert {summary.id for summary in library.list_articles(ViewQuery(source_key=url))} == stored
    assert library.get(marked).bookmarked
