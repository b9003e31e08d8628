"""Read a source's current articles: a file, a folder tree, or a fetched feed document.

A folder is one source whose articles come from all its files, so each
article's key is prefixed with its file's path relative to the folder: the
same headline in two files gives two articles, and the same file read again
gives the same keys (and so the same article IDs).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from newsread.errors import SourceError
from newsread.ingest.feed import ParsedFeed, parse_feed
from newsread.ingest.formats import Format, detect_format
from newsread.ingest.local import MAX_FILE_BYTES, iter_folder, read_local_file
from newsread.model import ParsedArticle
from newsread.textsafe import one_line

FOLDER_KEY_SEPARATOR: Final = "\x1f"
"""Joins a file's relative path and an article's own key (the ASCII unit separator)."""

_FOUND: Final = {
    Format.HTML: "found an HTML page",
    Format.OPML: "found an OPML subscription list",
    Format.MARKDOWN: "found a Markdown document",
    Format.TEXT: "found plain text",
}


@dataclass(frozen=True, slots=True)
class SourceContent:
    """What reading a source found: its articles and the files skipped on the way."""

    title: str
    """The title the content itself suggests (a feed's title, a file or folder name)."""
    articles: list[ParsedArticle]
    skipped: tuple[str, ...] = ()
    """One line per file of a folder that could not be read, saying why."""
    link: str = ""
    """A feed's site link, if it has one."""


def read_capped(path: Path) -> bytes:
    """The bytes of the file at `path`; `SourceError` if unreadable or over the size cap."""
    shown = one_line(str(path))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SourceError(f"{shown}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as error:
        reason = one_line(error.strerror or str(error)).lower()
        raise SourceError(f"{shown}: cannot be read ({reason})") from error


def file_format(path: Path, data: bytes) -> Format:
    """The format of a file's `data`; `SourceError` when newsread cannot read it."""
    kind = detect_format(data, name=path.name)
    if kind is None:
        raise SourceError(f"{one_line(str(path))}: not a text, Markdown, HTML, feed or OPML file")
    return kind


def file_content(path: Path) -> SourceContent:
    """The articles of one file (text, Markdown, HTML or a feed document)."""
    data = read_capped(path)
    kind = file_format(path, data)
    if kind is Format.FEED:
        feed = parse_feed(data)
        return SourceContent(title=feed.title or path.name, articles=feed.articles, link=feed.link)
    if kind is Format.OPML:
        raise SourceError(f"{one_line(str(path))} is an OPML file: add it to import its feeds")
    return SourceContent(title=path.name, articles=read_local_file(path).articles)


def _with_file_keys(relative: str, articles: Sequence[ParsedArticle]) -> list[ParsedArticle]:
    return [
        dataclasses.replace(article, key=f"{relative}{FOLDER_KEY_SEPARATOR}{article.key}")
        for article in articles
    ]


def folder_content(path: Path) -> SourceContent:
    """The articles of every readable file under `path`; the others are listed as skipped."""
    if not path.is_dir():
        raise SourceError(f"{one_line(str(path))}: no such folder")
    articles: list[ParsedArticle] = []
    skipped: list[str] = []
    for item in iter_folder(path):
        if isinstance(item, SourceError):
            skipped.append(str(item))
            continue
        relative = item.path.relative_to(path).as_posix()
        if item.format is Format.OPML:
            skipped.append(f"skipped {one_line(relative)}: an OPML file (add it by itself)")
            continue
        articles.extend(_with_file_keys(relative, item.articles))
    return SourceContent(title=path.name or str(path), articles=articles, skipped=tuple(skipped))


def document_format(data: bytes, *, content_type: str) -> Format | None:
    """The format of a fetched document, by content first, then by its content type."""
    return detect_format(data, content_type=content_type)


def feed_content(
    data: bytes, *, url: str, base_url: str = "", content_type: str = ""
) -> ParsedFeed:
    """Parse a fetched document as a feed; `SourceError` naming `url` when it is not one.

    `base_url` (where the document finally came from) resolves relative links.
    """
    kind = document_format(data, content_type=content_type)
    if kind is not Format.FEED and kind is not None:
        raise SourceError(f"{one_line(url)}: not an RSS or Atom feed ({_FOUND[kind]})")
    if kind is None and b"\x00" in data[:4096]:
        raise SourceError(f"{one_line(url)}: not an RSS or Atom feed (found binary data)")
    return parse_feed(data, url=base_url or url)
