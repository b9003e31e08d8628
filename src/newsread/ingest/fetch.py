"""Fetching feeds over HTTP(S): bounded, polite, conditional and parallel.

Every fetch has connect and read timeouts and an overall deadline, a cap on
the body (compressed and decompressed), a redirect limit, http(s) only, and
sends the ETag / Last-Modified it was given so an unchanged feed costs a 304.
`Fetcher` runs many fetches at once with a limit per host and a global one.
Every failure is a one-line `SourceError` naming the URL and the reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Final

import httpx

from newsread import __version__
from newsread.errors import SourceError
from newsread.ingest.http_body import (
    ACCEPT_ENCODING,
    BadEncoding,
    BodyTooLarge,
    BoundedDecoder,
    describe_size,
    normalize_encoding,
)
from newsread.textsafe import one_line

USER_AGENT: Final = f"newsread/{__version__}"
HTTP_SCHEMES: Final = ("http", "https")
REDIRECT_STATUSES: Final = frozenset({301, 302, 303, 307, 308})
ACCEPT: Final = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long, how much and how many: the bounds of every fetch (seconds and bytes)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Longest wait for the next piece of the response."""
    deadline: float = 60.0
    """Longest a whole fetch (all redirects, the whole body) may take."""
    max_bytes: int = 20 * 1024 * 1024
    """Cap on the body, counted both as received and after decompression."""
    max_redirects: int = 5
    per_host: int = 2
    """Fetches running at once against one host."""
    total: int = 8
    """Fetches running at once in all."""


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """A URL to fetch, with the validators from its last successful fetch."""

    url: str
    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A successful fetch: the body, or a 304 meaning "what you have is current"."""

    url: str
    """The URL that was asked for."""
    final_url: str
    """Where the body came from, after redirects."""
    status: int
    body: bytes
    content_type: str
    etag: str
    last_modified: str

    @property
    def not_modified(self) -> bool:
        """True for a 304: keep what is stored, nothing was sent."""
        return self.status == 304


def check_http_url(url: str) -> httpx.URL:
    """Parse `url`, accepting only absolute http(s) URLs; `SourceError` otherwise."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise SourceError(f"{one_line(url)}: not a valid URL ({one_line(str(error))})") from error
    if parsed.scheme not in HTTP_SCHEMES or not parsed.host:
        raise SourceError(f"{one_line(url)}: only http and https URLs can be fetched")
    return parsed


def _seconds(value: float) -> str:
    return f"{value:g} s"


class _Failure(Exception):  # noqa: N818 - internal: carries a reason, becomes a SourceError
    """A reason a fetch failed, without the URL (added once, at the top)."""


class Fetcher:
    """Runs fetches concurrently within `FetchLimits`; use as an async context manager.

    ```
    async with Fetcher(limits) as fetcher:
        result = await fetcher.fetch(FetchRequest(url))
    ```
    """

    def __init__(self, limits: FetchLimits = FetchLimits()) -> None:
        """Prepare a fetcher; the connection pool opens on `__aenter__`."""
        self.limits = limits
        self._client: httpx.AsyncClient | None = None
        self._all = asyncio.Semaphore(limits.total)
        self._per_host: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Fetcher:
        limits = self.limits
        self._client = httpx.AsyncClient(
            headers={
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            timeout=httpx.Timeout(
                limits.read_timeout, connect=limits.connect_timeout, pool=limits.deadline
            ),
            limits=httpx.Limits(
                max_connections=limits.total, max_keepalive_connections=limits.total
            ),
            follow_redirects=False,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(self, request: FetchRequest) -> FetchResult:
        """Fetch one URL within the limits; `SourceError` naming the URL on any failure."""
        url = check_http_url(request.url)
        host_limit = self._per_host.setdefault(url.host, asyncio.Semaphore(self.limits.per_host))
        async with self._all, host_limit:
            try:
                async with asyncio.timeout(self.limits.deadline):
                    return await self._follow(request, url)
            except TimeoutError as error:
                reason = f"timed out after {_seconds(self.limits.deadline)}"
                raise SourceError(f"{one_line(request.url)}: {reason}") from error
            except _Failure as failure:
                raise SourceError(f"{one_line(request.url)}: {failure}") from failure

    async def _follow(self, request: FetchRequest, url: httpx.URL) -> FetchResult:
        """GET `url`, following up to `max_redirects` redirects to other http(s) URLs."""
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        for _hop in range(self.limits.max_redirects + 1):
            target = await self._get(request, url, headers)
            if isinstance(target, FetchResult):
                return target
            url = target
        raise _Failure(f"too many redirects (more than {self.limits.max_redirects})")

    async def _get(
        self, request: FetchRequest, url: httpx.URL, headers: dict[str, str]
    ) -> FetchResult | httpx.URL:
        """One GET: the result, or the URL a redirect points to."""
        if self._client is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code in REDIRECT_STATUSES:
                    return _redirect_target(response)
                if response.status_code == 304:
                    return _result(request, response, b"")
                if not 200 <= response.status_code < 300:
                    phrase = one_line(response.reason_phrase)
                    raise _Failure(f"HTTP {response.status_code} {phrase}".rstrip())
                body = await self._read_body(response)
                return _result(request, response, body)
        except httpx.ConnectTimeout as error:
            timeout = _seconds(self.limits.connect_timeout)
            raise _Failure(f"timed out connecting after {timeout}") from error
        except httpx.TimeoutException as error:
            raise _Failure(f"timed out after {_seconds(self.limits.read_timeout)}") from error
        except httpx.ConnectError as error:
            raise _Failure(f"cannot connect ({_detail(error)})") from error
        except httpx.HTTPError as error:
            raise _Failure(f"{_detail(error)}") from error

    async def _read_body(self, response: httpx.Response) -> bytes:
        """The decoded body, stopped as soon as either byte count passes the cap."""
        cap = self.limits.max_bytes
        too_large = f"response larger than {describe_size(cap)}"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Failure(too_large)
        encoding = normalize_encoding(response.headers.get("Content-Encoding", ""))
        received = 0
        parts: list[bytes] = []
        try:
            decoder = BoundedDecoder(encoding, cap)
            async for chunk in response.aiter_raw():
                received += len(chunk)
                if received > cap:
                    raise BodyTooLarge
                parts.append(decoder.decode(chunk))
            decoder.finish()
        except BodyTooLarge as error:
            raise _Failure(too_large) from error
        except BadEncoding as error:
            raise _Failure(str(error)) from error
        return b"".join(parts)


def _redirect_target(response: httpx.Response) -> httpx.URL:
    location = response.headers.get("Location", "")
    if not location:
        raise _Failure(f"HTTP {response.status_code} redirect without a Location")
    try:
        target = response.url.join(location)
    except httpx.InvalidURL as error:
        raise _Failure(f"redirect to an invalid URL ({one_line(location)})") from error
    if target.scheme not in HTTP_SCHEMES:
        raise _Failure(f"redirect to a non-HTTP URL ({one_line(location)})")
    return target


def _result(request: FetchRequest, response: httpx.Response, body: bytes) -> FetchResult:
    # A 304 may omit validators; keep the ones we sent so the next fetch is conditional too.
    etag = response.headers.get("ETag", "") or (request.etag if response.status_code == 304 else "")
    modified = response.headers.get("Last-Modified", "") or (
        request.last_modified if response.status_code == 304 else ""
    )
    return FetchResult(
        url=request.url,
        final_url=str(response.url),
        status=response.status_code,
        body=body,
        content_type=response.headers.get("Content-Type", ""),
        etag=one_line(etag),
        last_modified=one_line(modified),
    )


def _detail(error: BaseException) -> str:
    """A one-line description of a transport error, digging into its cause if it is blank."""
    current: BaseException | None = error
    while current is not None:
        text = one_line(str(current))
        if text:
            return text
        current = current.__cause__ or current.__context__
    return type(error).__name__


async def fetch_all(
    requests: Sequence[FetchRequest], limits: FetchLimits = FetchLimits()
) -> list[FetchResult | SourceError]:
    """Fetch every request concurrently; each slot holds its result or its error, in order."""

    async def attempt(fetcher: Fetcher, request: FetchRequest) -> FetchResult | SourceError:
        try:
            return await fetcher.fetch(request)
        except SourceError as error:
            return error

    async with Fetcher(limits) as fetcher:
        return list(await asyncio.gather(*(attempt(fetcher, request) for request in requests)))


def fetch_one(request: FetchRequest, limits: FetchLimits = FetchLimits()) -> FetchResult:
    """Fetch one URL from synchronous code (not from inside a running event loop)."""
    outcome = asyncio.run(fetch_all([request], limits))[0]
    if isinstance(outcome, SourceError):
        raise outcome
    return outcome
