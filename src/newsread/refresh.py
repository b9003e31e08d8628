"""Refresh sources: re-read files and folders, fetch feeds in parallel, store what changed.

Each source is stored in its own short transaction, so one failing source
never stops the others and never loses what was stored before. Articles are
stored untagged (fast); callers tag them afterwards with `Library.tag_pending`.

`refresh` runs its own event loop with `asyncio.run`, so call it from plain
synchronous code or a worker thread (the TUI's thread worker), never from a
coroutine. Progress is reported through a callback, called in the caller's
thread, so the CLI can draw a progress bar and the TUI can post messages.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from newsread.errors import NewsreadError, SourceError
from newsread.ingest.feed import ParsedFeed
from newsread.ingest.fetch import Fetcher, FetchLimits, FetchRequest, FetchResult
from newsread.library import FeedValidators, Library
from newsread.model import Source, SourceInfo, SourceKind
from newsread.sources.reading import SourceContent, feed_content, file_content, folder_content
from newsread.textsafe import one_line

DEFAULT_MAX_ITEMS: Final[int | None] = None
"""Articles kept per source after a refresh (None: all). Bookmarks are always kept."""

DEFAULT_MAX_AGE_DAYS: Final[int | None] = None
"""Days an article is kept after its date (None: forever). Bookmarks are always kept."""


@dataclass(frozen=True, slots=True)
class SourceRefreshResult:
    """What refreshing one source did."""

    key: str
    title: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    error: str | None = None
    """The one-line reason it failed; None when it worked."""
    not_modified: bool = False
    """The feed answered 304: nothing was downloaded, what is stored is current."""
    skipped: tuple[str, ...] = ()
    """Files of a folder that could not be read, one line each (not failures)."""
    pruned: int = 0
    """Old articles deleted by the retention limits."""

    @property
    def failed(self) -> bool:
        """True when the source could not be refreshed."""
        return self.error is not None


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """Sent once before the first source finishes (`result` None) and after each one."""

    done: int
    total: int
    result: SourceRefreshResult | None = None


ProgressCallback = Callable[[RefreshProgress], None]


@dataclass(frozen=True, slots=True)
class Retention:
    """How much of each source to keep (None: no limit)."""

    max_items: int | None = DEFAULT_MAX_ITEMS
    max_age_days: int | None = DEFAULT_MAX_AGE_DAYS


def refreshable(library: Library) -> list[SourceInfo]:
    """Every source a plain refresh covers: all but the bundled samples."""
    return [info for info in library.sources() if info.kind is not SourceKind.SAMPLE]


def refresh(
    library: Library,
    keys: Sequence[str] | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    limits: FetchLimits | None = None,
    retention: Retention | None = None,
) -> list[SourceRefreshResult]:
    """Refresh the sources with these keys (all but the samples when None), in that order.

    Samples are skipped; an unknown key gives a failed result, not an exception.
    """
    targets: list[SourceInfo | SourceRefreshResult] = []
    if keys is None:
        targets.extend(refreshable(library))
    else:
        for key in dict.fromkeys(keys):
            try:
                info = library.source(key)
            except SourceError as error:
                targets.append(SourceRefreshResult(key=key, title=key, error=str(error)))
                continue
            if info.kind is not SourceKind.SAMPLE:
                targets.append(info)
    run = _Run(library, on_progress, retention or Retention(), len(targets))
    return asyncio.run(run.all(targets, limits or FetchLimits()))


class _Run:
    """One refresh: the shared library, progress count and limits."""

    def __init__(
        self,
        library: Library,
        on_progress: ProgressCallback | None,
        retention: Retention,
        total: int,
    ) -> None:
        self.library = library
        self.on_progress = on_progress
        self.retention = retention
        self.total = total
        self.done = 0

    def report(self, result: SourceRefreshResult | None) -> None:
        if result is not None:
            self.done += 1
        if self.on_progress is not None:
            self.on_progress(RefreshProgress(self.done, self.total, result))

    async def all(
        self, targets: Sequence[SourceInfo | SourceRefreshResult], limits: FetchLimits
    ) -> list[SourceRefreshResult]:
        self.report(None)
        async with Fetcher(limits) as fetcher:
            return list(await asyncio.gather(*(self.one(fetcher, target) for target in targets)))

    async def one(
        self, fetcher: Fetcher, target: SourceInfo | SourceRefreshResult
    ) -> SourceRefreshResult:
        if isinstance(target, SourceRefreshResult):
            result = target
        elif target.kind is SourceKind.FEED:
            result = await self.feed(fetcher, target)
        else:
            result = await asyncio.to_thread(self.local, target)
        self.report(result)
        return result

    def local(self, info: SourceInfo) -> SourceRefreshResult:
        """Re-read a file or folder source and store it (runs in a worker thread)."""
        try:
            read = folder_content if info.kind is SourceKind.FOLDER else file_content
            content = read(Path(info.key))
        except NewsreadError as error:
            return self.failed(info, error)
        return self.store(info, content, validators=None)

    async def feed(self, fetcher: Fetcher, info: SourceInfo) -> SourceRefreshResult:
        """Fetch a feed (conditionally) and store it."""
        validators = self.library.feed_validators(info.key)
        request = FetchRequest(info.key, validators.etag, validators.last_modified)
        try:
            fetched = await fetcher.fetch(request)
        except SourceError as error:
            return self.failed(info, error)
        if fetched.not_modified:
            self.library.record_refresh(info.key, error=None, validators=_validators_of(fetched))
            return SourceRefreshResult(info.key, info.title, not_modified=True)
        return await asyncio.to_thread(self.parse_and_store, info, fetched)

    def parse_and_store(self, info: SourceInfo, fetched: FetchResult) -> SourceRefreshResult:
        try:
            feed = parse_fetched(fetched)
        except NewsreadError as error:
            return self.failed(info, error)
        content = SourceContent(title=feed.title, articles=feed.articles, link=feed.link)
        return self.store(info, content, validators=_validators_of(fetched))

    def store(
        self, info: SourceInfo, content: SourceContent, *, validators: FeedValidators | None
    ) -> SourceRefreshResult:
        """Ingest, prune and record the refresh; a library failure fails only this source."""
        title = info.title
        try:
            if info.kind is SourceKind.FEED and content.title and info.title == info.key:
                # Imported without a title: the feed's own title is better than its URL.
                title = one_line(content.title)
                self.library.add_source(
                    Source(info.key, info.kind, title),
                    url=info.url or content.link,
                    folder=info.folder,
                )
            stored = self.library.ingest(
                Source(info.key, info.kind, title), content.articles, extract_entities=False
            )
            pruned = self.prune(info.key, len(content.articles))
            self.library.record_refresh(info.key, error=None, validators=validators)
        except NewsreadError as error:
            return self.failed(info, error, skipped=content.skipped)
        return SourceRefreshResult(
            key=info.key,
            title=title,
            new=stored.new,
            updated=stored.updated,
            unchanged=stored.unchanged,
            skipped=content.skipped,
            pruned=pruned,
        )

    def prune(self, key: str, current: int) -> int:
        max_items = self.retention.max_items
        # Never prune what the source still lists: it would come back as new next time.
        if max_items is not None:
            max_items = max(max_items, current)
        return self.library.prune(key, max_items, self.retention.max_age_days)

    def failed(
        self, info: SourceInfo, error: NewsreadError, *, skipped: tuple[str, ...] = ()
    ) -> SourceRefreshResult:
        message = one_line(str(error))
        try:
            self.library.record_refresh(info.key, error=message)
        except NewsreadError as library_error:
            message = f"{message} (and could not record it: {one_line(str(library_error))})"
        return SourceRefreshResult(info.key, info.title, error=message, skipped=skipped)


def parse_fetched(fetched: FetchResult) -> ParsedFeed:
    """The feed in a fetched document; `SourceError` naming the URL when it is not a feed."""
    return feed_content(
        fetched.body,
        url=fetched.url,
        base_url=fetched.final_url,
        content_type=fetched.content_type,
    )


def _validators_of(fetched: FetchResult) -> FeedValidators:
    return FeedValidators(etag=fetched.etag, last_modified=fetched.last_modified)


TAG_BATCH: Final = 200
"""Articles tagged per short write transaction by `tag_all`."""


def tag_all(library: Library, *, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Tag every untagged article, a batch at a time; return how many were tagged.

    `on_progress(done, total)` is called before the first batch and after each.
    """
    total = library.untagged_count()
    done = 0
    if on_progress is not None:
        on_progress(done, total)
    while done < total:
        tagged = library.tag_pending(TAG_BATCH)
        if tagged == 0:
            break
        done += tagged
        if on_progress is not None:
            on_progress(min(done, total), total)
    return done
