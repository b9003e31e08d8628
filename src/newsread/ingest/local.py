"""Read articles from files on disk, one file or a whole folder tree."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from newsread.errors import SourceError
from newsread.ingest.decoding import decode_text
from newsread.ingest.feed import parse_feed
from newsread.ingest.formats import Format, detect_format
from newsread.ingest.html import parse_html
from newsread.ingest.markdown import parse_markdown
from newsread.ingest.text import parse_text
from newsread.model import ParsedArticle

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
"""Files larger than this (20 MB) are skipped."""


@dataclass(frozen=True, slots=True)
class LocalDocument:
    """One file's articles and the format they were read as."""

    path: Path
    format: Format
    articles: list[ParsedArticle]
    """Empty for an OPML file (its feeds are imported by the caller) or an empty file."""


def read_local_file(path: Path) -> LocalDocument:
    """Read one file of any supported format; `SourceError` naming it when that fails."""
    return _read(path, str(path))


def iter_folder(path: Path) -> Iterator[LocalDocument | SourceError]:
    """Every non-hidden file under `path`, recursively and sorted, read or explained.

    Hidden files and folders are skipped, symlinked folders are followed once
    (loops are cut), and a file that cannot be read is yielded as a
    `SourceError` instead of stopping the walk.
    """
    if not path.is_dir():
        yield SourceError(f"{path} is not a folder")
        return
    visited: set[tuple[int, int]] = set()
    for directory, folders, files in os.walk(path, followlinks=True, onerror=None):
        here = Path(directory)
        try:
            status = here.stat()
        except OSError as error:
            yield SourceError(f"cannot read {here}: {error.strerror or error}")
            folders[:] = []
            continue
        identity = (status.st_dev, status.st_ino)
        if identity in visited:
            folders[:] = []
            continue
        visited.add(identity)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file_path = here / name
            try:
                yield _read(file_path, str(file_path.relative_to(path)))
            except SourceError as error:
                yield error


def _read(path: Path, shown: str) -> LocalDocument:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"skipped {shown}: it is larger than 20 MB")
        if not path.is_file():
            raise SourceError(f"skipped {shown}: not a regular file")
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read {shown}: {error.strerror or error}") from error
    if not data.strip():
        kind = detect_format(b"", name=path.name)
        if kind is None:
            raise SourceError(f"skipped {shown}: not a text, Markdown, HTML or feed file")
        return LocalDocument(path, kind, [])
    kind = detect_format(data, name=path.name)
    if kind is None:
        raise SourceError(f"skipped {shown}: not a text, Markdown, HTML or feed file")
    return LocalDocument(path, kind, _articles(data, kind, path, shown))


def _articles(data: bytes, kind: Format, path: Path, shown: str) -> list[ParsedArticle]:
    if kind is Format.TEXT:
        return parse_text(decode_text(data))
    if kind is Format.MARKDOWN:
        return [parse_markdown(decode_text(data), fallback_title=path.stem)]
    if kind is Format.HTML:
        return [parse_html(data, fallback_title=path.stem)]
    if kind is Format.FEED:
        try:
            return parse_feed(data).articles
        except SourceError as error:
            raise SourceError(f"skipped {shown}: {error}") from error
    return []
