"""`newsread export FILE` / `newsread import FILE`: read state and bookmarks as JSON.

Export writes through a temporary file, so a failure never leaves half a
file; import checks the whole file before it writes anything.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from newsread.errors import SourceError
from newsread.library import Library
from newsread.textsafe import one_line


def register(commands: Any) -> None:
    """Add the `export` and `import` subcommands to argparse `commands` (a subparsers action)."""
    export = commands.add_parser(
        "export", help="write read state and bookmarks (with bookmarked articles) as JSON"
    )
    export.add_argument("file", metavar="FILE", help="where to write ('-' for stdout)")
    export.set_defaults(handler=command_export)

    imported = commands.add_parser(
        "import", help="merge read state and bookmarks from an export (never clears a mark)"
    )
    imported.add_argument("file", metavar="FILE", help="an export file ('-' for stdin)")
    imported.set_defaults(handler=command_import)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _reason(error: OSError) -> str:
    return one_line(error.strerror or str(error)).lower()


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise SourceError(f"cannot write {one_line(str(path))}: {_reason(error)}") from error


def command_export(library: Library, args: argparse.Namespace) -> int:
    """Write the library's read state and bookmarks to FILE (or stdout)."""
    document = library.export_state()
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    _write_atomically(Path(args.file), text)
    articles = document["articles"]
    bookmarked = sum(1 for entry in articles if entry["bookmarked"])
    print(
        f"Exported {_plural(len(articles), 'article')} "
        f"({bookmarked:,} bookmarked) to {one_line(args.file)}."
    )
    return 0


def _read_export(name: str) -> str:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read {one_line(name)}: {_reason(error)}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"cannot import {one_line(name)}: not UTF-8 text") from error


def command_import(library: Library, args: argparse.Namespace) -> int:
    """Merge the marks of an export FILE (or stdin) into the library."""
    origin = "standard input" if args.file == "-" else args.file
    result = library.import_state(_read_export(args.file), origin)
    line = (
        f"Imported {_plural(result.entries, 'article')} from {one_line(origin)}: "
        f"{result.marked_read:,} newly read, {result.bookmarked:,} newly bookmarked"
    )
    if result.recreated:
        line += f" ({result.recreated:,} re-created)"
    if result.missing:
        line += f", {result.missing:,} not in this library"
    print(line + ".")
    return 0
