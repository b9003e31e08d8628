"""Read Markdown files: optional front matter, the title heading, the body as it is.

Front matter is the small `key: value` subset of YAML between `---` lines at
the very top (`title`, `date`, `author`, `url`, `source`, `section`,
`deck`/`description`); nothing else of YAML is needed, so none is parsed.
"""

from __future__ import annotations

import re
from typing import Final

from markdown_it import MarkdownIt

from newsread.ingest.dates import normalize_date
from newsread.ingest.fields import DECK_MAX_CHARS, clean_author, clean_body, clean_line, clean_title
from newsread.ingest.html_blocks import safe_link
from newsread.model import ParsedArticle
from newsread.textsafe import strip_controls

_FRONT_MATTER_FENCE: Final = re.compile(r"---[ \t]*$")
_FRONT_MATTER_END: Final = re.compile(r"(?:---|\.\.\.)[ \t]*$")
_KEY_VALUE: Final = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]?(.*)$")
FRONT_MATTER_MAX_LINES: Final = 200
"""A `---` line further down than this is a rule, not the end of front matter."""

_HEADING_FINDER: Final = MarkdownIt("commonmark")
_INLINE_MARKUP: Final = MarkdownIt("commonmark")


def parse_markdown(text: str, *, fallback_title: str) -> ParsedArticle:
    """One article from a Markdown document.

    The title comes from front matter, else the first level-one heading (then
    removed from the body), else `fallback_title` (the file's stem). The key
    is the url when there is one, else the title.
    """
    text = strip_controls(text).removeprefix("\ufeff")
    fields, body = split_front_matter(text)
    title = _plain(fields.get("title", ""))
    if not title:
        title, body = _take_title_heading(body)
    title = clean_title(title or fallback_title)
    url = safe_link(fields.get("url", "") or fields.get("link", ""), "")
    if url.startswith("mailto:"):
        url = ""
    date = fields.get("date", "") or fields.get("published", "")
    return ParsedArticle(
        title=title,
        body=clean_body(body),
        key=url or title,
        section=clean_line(fields.get("section", "") or fields.get("source", ""), 120),
        deck=clean_line(fields.get("deck", "") or fields.get("description", ""), DECK_MAX_CHARS),
        url=url,
        author=clean_author(fields.get("author", "")),
        published=normalize_date(date) if date else None,
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's `key: value` pairs (keys lower case) and the rest of the text."""
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]):
        return {}, text
    for index in range(1, min(len(lines), FRONT_MATTER_MAX_LINES + 1)):
        if _FRONT_MATTER_END.match(lines[index]):
            fields = _read_fields(lines[1:index])
            if fields or index == 1:
                return fields, "\n".join(lines[index + 1 :])
            break
    return {}, text


def _read_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#") or line[:1] in (" ", "\t", "-"):
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            continue
        key = match.group(1).lower()
        fields.setdefault(key, _unquote(match.group(2).strip()))
    return fields


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    # An unquoted value ends where a YAML comment starts.
    return re.sub(r"\s+#.*$", "", value)


def _take_title_heading(body: str) -> tuple[str, str]:
    """The first level-one heading's text, and the body without that heading."""
    tokens = _HEADING_FINDER.parse(body)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and token.map is not None:
            inline = tokens[index + 1]
            title = _plain_inline(inline.content)
            if not title:
                continue
            start, end = token.map
            lines = body.split("\n")
            rest = lines[:start] + lines[end:]
            if 0 < start < len(rest) and not rest[start - 1].strip() and not rest[start].strip():
                del rest[start]
            return title, "\n".join(rest).strip("\n")
    return "", body


def _plain(value: str) -> str:
    return " ".join(value.split())


def _plain_inline(markdown: str) -> str:
    """The visible text of inline Markdown (`*Big* news` → `Big news`)."""
    tokens = _INLINE_MARKUP.parseInline(markdown)
    pieces: list[str] = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                pieces.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                pieces.append(" ")
    return _plain("".join(pieces))
