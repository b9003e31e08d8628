"""Tell what a SOURCE argument names: a feed URL, a file, or a folder."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsread.errors import SourceError
from newsread.ingest.fetch import HTTP_SCHEMES, check_http_url
from newsread.textsafe import one_line


class ArgumentKind(StrEnum):
    """What a SOURCE argument points at."""

    URL = "url"
    FILE = "file"
    FOLDER = "folder"


@dataclass(frozen=True, slots=True)
class SourceArgument:
    """A classified SOURCE argument."""

    text: str
    """What the user typed."""
    kind: ArgumentKind
    url: str = ""
    """The http(s) URL, for `URL`."""
    path: Path | None = None
    """The absolute, resolved path, for `FILE` and `FOLDER`."""


def _scheme(text: str) -> str:
    head, colon, _rest = text.partition(":")
    # A one-letter "scheme" is a Windows drive letter; anything odd is a path.
    if not colon or len(head) < 2 or not head.replace("+", "").replace(".", "").isalnum():
        return ""
    return head.lower()


def classify(text: str) -> SourceArgument:
    """Classify `text` as an http(s) URL, an existing file or an existing folder.

    `file:` URLs are read as paths. Anything else is a one-line `SourceError`.
    """
    stripped = text.strip()
    shown = one_line(text)
    if not stripped:
        raise SourceError("an empty SOURCE argument")
    scheme = _scheme(stripped)
    if scheme in HTTP_SCHEMES:
        check_http_url(stripped)
        return SourceArgument(text, ArgumentKind.URL, url=stripped)
    if scheme == "file":
        stripped = unquote(urlsplit(stripped).path)
    elif scheme and "://" in stripped:
        raise SourceError(f"{shown}: only http and https URLs, files and folders can be added")
    path = Path(stripped).expanduser()
    try:
        resolved = path.resolve()
        if resolved.is_dir():
            return SourceArgument(text, ArgumentKind.FOLDER, path=resolved)
        if resolved.is_file():
            return SourceArgument(text, ArgumentKind.FILE, path=resolved)
        exists = resolved.exists()
    except (OSError, RuntimeError) as error:
        raise SourceError(f"{shown}: cannot be read ({one_line(str(error))})") from error
    if exists:
        raise SourceError(f"{shown}: not a regular file or folder")
    raise SourceError(f"{shown}: no such file or folder")
