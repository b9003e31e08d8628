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

from newsread.config import Config
from newsread.errors import NewsreadError, SourceError
from newsread.ingest.feed import ParsedFeed
from newsread.ingest.fetch import Fetcher, FetchLimits, FetchRequest, FetchResult
from newsread.library import FeedValidators, Library
from newsread.library.ignore_rules import Killfile
from newsread.library.sources import age_cutoff
from newsread.model import ParsedArticle, Source, SourceInfo, SourceKind
from newsread.sources.reading import SourceContent, feed_content, file_content, folder_content
from newsread.sources.settings import apply_source_settings
from newsread.textsafe import one_line


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
    """How much of one source to keep (None: no limit). Bookmarks are always kept."""

    max_items: int | None = None
    """The newest articles kept, besides whatever the source still lists."""
    max_age_days: int | None = None
    """Articles dated (or, undated, stored) longer ago are dropped."""

    @classmethod
    def for_source(cls, config: Config | None, key: str) -> Retention:
        """The limits config.toml sets for the source `key`: its own table over `[refresh]`.

        In the config 0 means no limit; here that is None.
        """
        if config is None:
            return cls()
        return cls(config.max_items_for(key) or None, config.max_age_days_for(key) or None)


def killfile_of(config: Config | None) -> Killfile:
    """The ignore rules config.toml sets (rules it cannot use are left out)."""
    return Killfile() if config is None else Killfile.from_rules(config.ignore)


def keep_recent(articles: Sequence[ParsedArticle], retention: Retention) -> list[ParsedArticle]:
    """The articles the age limit keeps: storing older ones would only prune them again."""
    if retention.max_age_days is None:
        return list(articles)
    cutoff = age_cutoff(retention.max_age_days)
    return [
        article for article in articles if article.published is None or article.published >= cutoff
    ]


def prune_source(
    library: Library, key: str, retention: Retention, *, listed: Sequence[ParsedArticle]
) -> int:
    """Apply `retention` to the stored source `key`; return how many articles were deleted.

    What the source still lists (`listed`) is never pruned: it would only come
    back as new on the next refresh.
    """
    return library.prune(
        key,
        retention.max_items,
        retention.max_age_days,
        listed=[article.key for article in listed],
    )


def refreshable(library: Library) -> list[SourceInfo]:
    """Every source a plain refresh covers: all but the bundled samples."""
    return [info for info in library.sources() if info.kind is not SourceKind.SAMPLE]


def refresh(
    library: Library,
    keys: Sequence[str] | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    limits: FetchLimits | None = None,
    config: Config | None = None,
) -> list[SourceRefreshResult]:
    """Refresh the sources with these keys (all but the samples when None), in that order.

    Samples are skipped; an unknown key gives a failed result, not an exception.
    With a `config`, each source first gets the title and tags it sets, and is
    pruned to its item and age limits after storing (bookmarks are never pruned).
    """
    if config is not None:
        apply_source_settings(library, config, keys)
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
    run = _Run(library, on_progress, config, len(targets))
    return asyncio.run(run.all(targets, limits or FetchLimits()))


class _Run:
    """One refresh: the shared library, progress count and limits."""

    def __init__(
        self,
        library: Library,
        on_progress: ProgressCallback | None,
        config: Config | None,
        total: int,
    ) -> None:
        self.library = library
        self.on_progress = on_progress
        self.config = config
        self.killfile = killfile_of(config)
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
        # `title` is what the user sees; the library keeps the source's own beside it.
        title, own_title = info.title, info.own_title or info.title
        retention = Retention.for_source(self.config, info.key)
        articles = keep_recent(content.articles, retention)
        try:
            if info.kind is SourceKind.FEED and content.title and own_title == info.key:
                # Imported without a title: the feed's own title is better than its URL.
                own_title = one_line(content.title)
                title = info.title if info.own_title else own_title
                self.library.add_source(
                    Source(info.key, info.kind, own_title),
                    url=info.url or content.link,
                    folder=info.folder,
                )
            stored = self.library.ingest(
                Source(info.key, info.kind, own_title),
                articles,
                extract_entities=False,
                killfile=self.killfile,
            )
            pruned = prune_source(self.library, info.key, retention, listed=articles)
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
