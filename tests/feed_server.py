"""A real HTTP server on 127.0.0.1 for tests, and small feed documents to serve.

Tests register a handler per path; every request is recorded so a test can
check what the client sent (conditional headers, user agent, …).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

Handler = Callable[[BaseHTTPRequestHandler], None]


class _QuietServer(ThreadingHTTPServer):
    """Clients hanging up early (timeouts, size caps) are expected: no traceback on stderr."""

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: dict[str, str]


class FeedServer:
    """A threaded HTTP server with a handler per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[SeenRequest] = []
        self.stopping = threading.Event()
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests.append(
                    SeenRequest(self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                handler = server.routes.get(self.path)
                if handler is None:
                    send(self, b"nothing here", status=404, content_type="text/plain")
                    return
                handler(self)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._httpd = _QuietServer(("127.0.0.1", 0), RequestHandler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def seen(self, path: str) -> list[SeenRequest]:
        return [request for request in self.requests if request.path == path]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextmanager
def running_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def send(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "application/rss+xml; charset=utf-8",
    headers: Sequence[tuple[str, str]] = (),
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers:
        handler.send_header(name, value)
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def serve(body: bytes, **options: object) -> Handler:
    """A handler always answering with `body` (options as for `send`)."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        send(handler, body, **options)  # type: ignore[arg-type]

    return handle


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    body: str
    published: datetime | None = None
    link: str = ""


def rss(title: str, items: Sequence[Item], *, link: str = "https://news.example/") -> bytes:
    """An RSS 2.0 document."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>{escape(link)}</link>",
        "<description>Test feed</description>",
    ]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item.title)}</title>")
        parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.published is not None:
            parts.append(f"<pubDate>{format_datetime(item.published)}</pubDate>")
        parts.append(f"<description>{escape('<p>' + item.body + '</p>')}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("utf-8")


def sample_items(count: int, *, prefix: str = "Story") -> list[Item]:
    return [
        Item(
            guid=f"{prefix.lower()}-{number}",
            title=f"{prefix} number {number} about the harbour",
            body=f"The council of Northport met on Tuesday to discuss item {number}.",
            published=datetime(2025, 3, 1 + number % 27, 9, number % 60, tzinfo=UTC),
        )
        for number in range(1, count + 1)
    ]


HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Welcome</title></head>"
    b"<body><h1>Welcome</h1><p>This is a web page, not a feed.</p></body></html>"
)
