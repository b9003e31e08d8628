"""Per-field sanity limits shared by every parser: one-line titles, capped bodies.

Sources are written by strangers, so each field is cleaned of terminal
controls and held to a size that keeps the library and the screen usable;
whatever is cut is marked as cut.
"""

from __future__ import annotations

from typing import Final

from newsread.ingest.markdown_escape import escape_paragraph
from newsread.textsafe import one_line, strip_controls

TITLE_MAX_CHARS: Final = 500
AUTHOR_MAX_CHARS: Final = 200
DECK_MAX_CHARS: Final = 1_000
BODY_MAX_CHARS: Final = 2_000_000
"""About 2 MB of text; longer bodies are cut at a paragraph boundary."""

ELLIPSIS: Final = "…"
TRUNCATION_NOTE: Final = escape_paragraph("[The article was cut here: it is longer than 2 MB.]")
"""The paragraph that ends a cut body, escaped so it reads literally."""


def clean_line(text: str, limit: int) -> str:
    """One printable line of at most `limit` characters, ending in `…` when cut."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + ELLIPSIS


def clean_title(text: str) -> str:
    """A headline: one line, at most `TITLE_MAX_CHARS`."""
    return clean_line(text, TITLE_MAX_CHARS)


def clean_author(text: str) -> str:
    """A byline: one line, at most `AUTHOR_MAX_CHARS`."""
    return clean_line(text, AUTHOR_MAX_CHARS)


def clean_body(markdown: str) -> str:
    """A Markdown body without controls, cut to `BODY_MAX_CHARS` with a note when longer."""
    body = strip_controls(markdown).strip("\n")
    if len(body) <= BODY_MAX_CHARS:
        return body
    cut = body.rfind("\n\n", 0, BODY_MAX_CHARS)
    if cut <= 0:
        cut = body.rfind("\n", 0, BODY_MAX_CHARS)
    kept = body[: cut if cut > 0 else BODY_MAX_CHARS].rstrip()
    # A cut inside a fenced code block would swallow the note; close any open fence.
    if _open_fence(kept):
        kept += "\n" + _open_fence(kept)
    return f"{kept}\n\n{TRUNCATION_NOTE}"


def _open_fence(markdown: str) -> str:
    """The fence of a code block left open at the end of `markdown`, or ""."""
    fence = ""
    for line in markdown.split("\n"):
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) > 3:
            continue
        marker = stripped[:1]
        if marker not in ("`", "~"):
            continue
        run = len(stripped) - len(stripped.lstrip(marker))
        if run < 3:
            continue
        if not fence:
            fence = marker * run
        elif marker == fence[0] and run >= len(fence) and not stripped[run:].strip():
            fence = ""
    return fence
