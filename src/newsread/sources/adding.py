"""`newsread add SOURCE ...`: subscribe to files, folders, feed URLs and OPML lists.

A file or folder is read and stored at once. A feed URL is fetched once, to
check that it is a feed and learn its title: if that fails nothing is added.
Feed URLs are fetched in parallel. An OPML file subscribes to every feed in
it, then those feeds are refreshed together; one that fails stays subscribed
with its error recorded (the list is the user's, not ours to edit).
Articles are stored untagged; the caller tags them afterwards.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsread.config import Config
from newsread.errors import NewsreadError, SourceError
from newsread.ingest.fetch import FetchLimits, FetchRequest, FetchResult, check_http_url, fetch_all
from newsread.ingest.formats import Format
from newsread.library import FeedValidators, Library
from newsread.model import Source, SourceKind
from newsread.refresh import (
    ProgressCallback,
    Retention,
    SourceRefreshResult,
    keep_recent,
    killfile_of,
    parse_fetched,
    prune_source,
    refresh,
)
from newsread.sources.classify import ArgumentKind, SourceArgument, classify
from newsread.sources.opml_io import OpmlImport, import_opml
from newsread.sources.reading import (
    SourceContent,
    document_format,
    file_content,
    file_format,
    folder_content,
    read_capped,
)
from newsread.sources.settings import apply_source_settings
from newsread.textsafe import one_line


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding one SOURCE argument did."""

    argument: str
    sources: tuple[SourceRefreshResult, ...] = ()
    """The sources it subscribed to (one, or each feed of an OPML file) and what was stored."""
    skipped: tuple[str, ...] = ()
    """Files of a folder or outlines of an OPML file that were left out, one line each."""
    error: str | None = None
    """Why nothing was added, if so."""

    @property
    def failed(self) -> bool:
        """True when the argument, or any feed it subscribed to, failed."""
        return self.error is not None or any(source.failed for source in self.sources)


@dataclass
class _Pending:
    """Arguments waiting for the network: feed URLs to fetch, OPML feeds to refresh."""

    urls: list[tuple[int, SourceArgument]] = field(default_factory=list)
    imports: dict[int, OpmlImport] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Adding:
    """What every argument of one `add_sources` call shares."""

    library: Library
    config: Config | None


def add_sources(
    library: Library,
    arguments: Sequence[str],
    *,
    on_progress: ProgressCallback | None = None,
    limits: FetchLimits | None = None,
    config: Config | None = None,
) -> list[AddResult]:
    """Add every SOURCE argument; one result per argument, in order, errors included.

    `on_progress` follows the refresh of feeds imported from OPML files. With a
    `config`, new sources get the title, tags and limits it sets for them. Call
    from synchronous code or a worker thread, not from a coroutine.
    """
    limits = limits or FetchLimits()
    adding = _Adding(library, config)
    results: dict[int, AddResult] = {}
    pending = _Pending()
    for index, text in enumerate(arguments):
        try:
            argument = classify(text)
            if argument.kind is ArgumentKind.URL:
                pending.urls.append((index, argument))
            elif argument.kind is ArgumentKind.FOLDER:
                results[index] = _store(adding, argument, SourceKind.FOLDER, _folder(argument))
            else:
                added = _add_file(adding, argument)
                if isinstance(added, OpmlImport):
                    pending.imports[index] = added
                else:
                    results[index] = added
        except NewsreadError as error:
            results[index] = AddResult(text, error=one_line(str(error)))
    if pending.urls:
        requests = [FetchRequest(argument.url) for _index, argument in pending.urls]
        fetched = asyncio.run(fetch_all(requests, limits))
        for (index, argument), outcome in zip(pending.urls, fetched, strict=True):
            try:
                subscribed = _add_fetched(adding, argument, outcome)
            except NewsreadError as error:
                results[index] = AddResult(argument.text, error=one_line(str(error)))
                continue
            if isinstance(subscribed, OpmlImport):
                pending.imports[index] = subscribed
            else:
                results[index] = subscribed
    results.update(_refresh_imports(adding, arguments, pending.imports, on_progress, limits))
    return [results[index] for index in range(len(arguments))]


def _folder(argument: SourceArgument) -> SourceContent:
    return folder_content(_path(argument))


def _path(argument: SourceArgument) -> Path:
    if argument.path is None:
        raise SourceError(f"{one_line(argument.text)}: not a file or folder")
    return argument.path


def _add_file(adding: _Adding, argument: SourceArgument) -> AddResult | OpmlImport:
    path = _path(argument)
    data = read_capped(path)
    if file_format(path, data) is Format.OPML:
        return import_opml(adding.library, data, origin=str(path))
    return _store(adding, argument, SourceKind.FILE, file_content(path))


def _store(
    adding: _Adding,
    argument: SourceArgument,
    kind: SourceKind,
    content: SourceContent,
    *,
    key: str = "",
    validators: FeedValidators | None = None,
) -> AddResult:
    """Subscribe and store the content read for `argument`, within the config's limits."""
    library = adding.library
    key = key or str(_path(argument))
    folder = _existing_folder(library, key)
    source = Source(key, kind, one_line(content.title) or key)
    library.add_source(source, url=content.link, folder=folder)
    if adding.config is not None:
        # Before storing, so ignore rules see the tags the config gives the source.
        apply_source_settings(library, adding.config, [key])
    retention = Retention.for_source(adding.config, key)
    articles = keep_recent(content.articles, retention)
    stored = library.ingest(
        source, articles, extract_entities=False, killfile=killfile_of(adding.config)
    )
    pruned = prune_source(library, key, retention, listed=articles)
    library.record_refresh(key, error=None, validators=validators)
    result = SourceRefreshResult(
        key=key,
        title=library.source(key).title,
        new=stored.new,
        updated=stored.updated,
        unchanged=stored.unchanged,
        skipped=content.skipped,
        pruned=pruned,
    )
    return AddResult(argument.text, sources=(result,), skipped=content.skipped)


def _existing_folder(library: Library, key: str) -> tuple[str, ...]:
    """The folder a source is already filed under, kept when it is added again."""
    try:
        return library.source(key).folder
    except SourceError:
        return ()


def _add_fetched(
    adding: _Adding, argument: SourceArgument, fetched: FetchResult | SourceError
) -> AddResult | OpmlImport:
    """Subscribe to a fetched feed URL (or import the OPML list found there)."""
    if isinstance(fetched, SourceError):
        raise fetched
    if document_format(fetched.body, content_type=fetched.content_type) is Format.OPML:
        return import_opml(adding.library, fetched.body, origin=argument.url)
    feed = parse_fetched(fetched)
    title = one_line(feed.title) or check_http_url(argument.url).host
    content = SourceContent(title=title, articles=feed.articles, link=feed.link)
    validators = FeedValidators(etag=fetched.etag, last_modified=fetched.last_modified)
    return _store(
        adding, argument, SourceKind.FEED, content, key=argument.url, validators=validators
    )


def _refresh_imports(
    adding: _Adding,
    arguments: Sequence[str],
    imports: dict[int, OpmlImport],
    on_progress: ProgressCallback | None,
    limits: FetchLimits,
) -> dict[int, AddResult]:
    """Refresh every feed the OPML arguments subscribed to, all at once."""
    if not imports:
        return {}
    keys = [key for imported in imports.values() for key in imported.keys]
    refreshed = {
        result.key: result
        for result in refresh(
            adding.library, keys, on_progress=on_progress, limits=limits, config=adding.config
        )
    }
    return {
        index: AddResult(
            arguments[index],
            sources=tuple(refreshed[key] for key in imported.keys if key in refreshed),
            skipped=imported.skipped,
        )
        for index, imported in imports.items()
    }
