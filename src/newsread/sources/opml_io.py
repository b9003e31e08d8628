"""Subscriptions in and out as OPML: import an OPML file's feeds, export the feed sources."""

from __future__ import annotations

from dataclasses import dataclass

from newsread.errors import SourceError
from newsread.ingest.fetch import check_http_url
from newsread.ingest.opml import OpmlFeed, parse_opml, write_opml
from newsread.library import Library
from newsread.model import Source, SourceKind
from newsread.textsafe import one_line


@dataclass(frozen=True, slots=True)
class OpmlImport:
    """The feeds an OPML document subscribed to, and the outlines it could not use."""

    keys: tuple[str, ...]
    skipped: tuple[str, ...] = ()


def import_opml(library: Library, data: bytes, *, origin: str) -> OpmlImport:
    """Subscribe to every feed in the OPML `data` (from `origin`, a path or URL).

    Each feed becomes a FEED source keyed by its URL, titled as in the file (its
    URL when untitled, until the first refresh finds the feed's own title) and
    filed under the folders of its enclosing outlines. Nothing is fetched here.
    """
    try:
        feeds = parse_opml(data)
    except SourceError as error:
        raise SourceError(f"{one_line(origin)}: {error}") from error
    keys: dict[str, None] = {}
    skipped: list[str] = []
    for feed in feeds:
        try:
            check_http_url(feed.xml_url)
        except SourceError as error:
            skipped.append(f"skipped {one_line(feed.title) or 'a feed'}: {error}")
            continue
        if feed.xml_url in keys:
            continue
        title = one_line(feed.title) or feed.xml_url
        library.add_source(
            Source(feed.xml_url, SourceKind.FEED, title),
            url=one_line(feed.html_url),
            folder=feed.folder,
        )
        keys[feed.xml_url] = None
    return OpmlImport(keys=tuple(keys), skipped=tuple(skipped))


def export_opml(library: Library) -> tuple[str, int]:
    """The feed sources as an OPML document, and how many feeds it lists.

    Feeds keep the order they were subscribed in, gathered by folder (each
    folder where its first feed was), so an imported file exports the same way.
    """
    by_folder: dict[tuple[str, ...], list[OpmlFeed]] = {}
    for info in library.sources():
        if info.kind is not SourceKind.FEED:
            continue
        title = "" if info.title == info.key else info.title
        by_folder.setdefault(info.folder, []).append(
            OpmlFeed(title=title, xml_url=info.key, html_url=info.url, folder=info.folder)
        )
    feeds = [feed for group in by_folder.values() for feed in group]
    return write_opml(feeds), len(feeds)
