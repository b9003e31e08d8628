"""Per-field sanity limits shared by every parser: one-line titles, capped bodies.

Sources are written by strangers, so each field is cleaned of terminal
controls and held to a size that keeps the library and the screen usable;
whatever is cut is marked as cut. The parsers clean as they go, and the
library passes everything it stores through `safe_article` and `safe_source`
once more, so no way in (a new parser, an import, a test) can skip it.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote, urlsplit

from newsread.ingest.markdown_escape import escape_paragraph
from newsread.model import ParsedArticle, Source
from newsread.textsafe import one_line, strip_bidi_controls, strip_controls, without_surrogates

TITLE_MAX_CHARS: Final = 500
AUTHOR_MAX_CHARS: Final = 200
SECTION_MAX_CHARS: Final = 120
DECK_MAX_CHARS: Final = 1_000
URL_MAX_CHARS: Final = 8_192
"""Longer links are dropped rather than cut: a cut link leads somewhere else."""
WEB_SCHEMES: Final = frozenset({"http", "https"})
_PLAIN_WEB_URL: Final = re.compile(
    r"https?://[a-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][!-~]*)?", re.ASCII | re.IGNORECASE
)
"""An http(s) link with a plain host name and printable ASCII after it: valid as it is."""
UNTITLED: Final = "Untitled"
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


def clean_url(url: str) -> str:
    """An article's web link: absolute http(s), one line, spaces encoded; "" for anything else."""
    url = strip_bidi_controls(strip_controls(url)).strip()
    if not url or len(url) > URL_MAX_CHARS:
        return ""
    if _PLAIN_WEB_URL.fullmatch(url):
        return url
    # Every space but the plain one is unprintable: most links skip the scan.
    if " " in url or (not url.isprintable() and any(c.isspace() for c in url)):
        url = "".join(quote(c) if c.isspace() else c for c in url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return ""
    return url


def clean_body(markdown: str) -> str:
    """A Markdown body without controls, cut to `BODY_MAX_CHARS` with a note when longer.

    A cut body, note included, stays within the limit, so cleaning it again changes nothing.
    """
    body = strip_controls(markdown).strip("\n")
    if len(body) <= BODY_MAX_CHARS:
        return body
    budget = BODY_MAX_CHARS - len(TRUNCATION_NOTE) - 2
    cut = body.rfind("\n\n", 0, budget)
    if cut <= 0:
        cut = body.rfind("\n", 0, budget)
    kept = body[: cut if cut > 0 else budget]
    # A cut inside a fenced code block would swallow the note: end before that block instead.
    fence_start = _open_fence_start(kept)
    if fence_start is not None:
        kept = kept[:fence_start]
    return f"{kept.rstrip()}\n\n{TRUNCATION_NOTE}".lstrip("\n")


def safe_article(article: ParsedArticle) -> ParsedArticle:
    """`article` with every field cleaned and held to its limit: what the library stores.

    Cleaning is idempotent, so articles the parsers already cleaned come back equal.
    """
    published = one_line(article.published) if article.published is not None else None
    return ParsedArticle(
        title=clean_title(article.title) or UNTITLED,
        body=clean_body(article.body),
        # The key is identity, not display: only what no database can store is replaced.
        key=without_surrogates(article.key),
        section=clean_line(article.section, SECTION_MAX_CHARS),
        deck=clean_line(article.deck, DECK_MAX_CHARS),
        url=clean_url(article.url),
        author=clean_author(article.author),
        published=published or None,
    )


def safe_source(source: Source) -> Source:
    """`source` with a clean one-line title (its key when the title is empty)."""
    key = without_surrogates(source.key)
    return Source(key=key, kind=source.kind, title=clean_title(source.title) or clean_title(key))


def _open_fence_start(markdown: str) -> int | None:
    """Where the line opening a code block left open at the end of `markdown` starts, or None."""
    fence = ""
    opened_at = 0
    position = 0
    for line in markdown.split("\n"):
        line_start, position = position, position + len(line) + 1
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
            fence, opened_at = marker * run, line_start
        elif marker == fence[0] and run >= len(fence) and not stripped[run:].strip():
            fence = ""
    return opened_at if fence else None
