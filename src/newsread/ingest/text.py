"""Parse plain text copied from news sites (the seed format) into articles.

A file holds one or more articles. Each starts with an optional short section
label (`News`), then the headline, then often a one-sentence deck, then the
paragraphs, with short unpunctuated lines as subheadings. Paragraphs are one
per line, or blank-line separated and hard-wrapped; both are recognised. The
line-by-line judgements live in `newsread.ingest.text_lines`.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from newsread.errors import SourceError
from newsread.ingest.fields import clean_body
from newsread.ingest.markdown_escape import escape_heading, escape_paragraph
from newsread.ingest.text_lines import (
    FALLBACK_TITLE_MAX_CHARS,
    LABEL_MAX_WORDS,
    count_words,
    first_sentence,
    is_deck,
    is_furniture,
    is_heading_like,
    is_top_headline,
    logical_lines,
    shorten,
)
from newsread.model import ParsedArticle

_DUPLICATE_KEY_MARK: Final = "#"


@dataclass(slots=True)
class _Draft:
    """An article being assembled: its heading lines and its remaining lines."""

    title: str
    section: str = ""
    lines: list[str] = field(default_factory=list)


def parse_text_file(path: Path) -> list[ParsedArticle]:
    """Read, decode and parse one seed-format text file.

    UTF-8 is expected (a byte-order mark is ignored); text that is not valid
    UTF-8 is read as Windows-1252, or Latin-1 where that fails too.
    Raises `SourceError` when the file cannot be read or holds binary data.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise SourceError(f"cannot read {path}: {reason}") from error
    return parse_text(_decode(data, path))


def parse_text(text: str) -> list[ParsedArticle]:
    """Split seed-format text into articles with Markdown bodies; `[]` when there is no text."""
    lines = [
        line for line in logical_lines(text) if not (is_heading_like(line) and is_furniture(line))
    ]
    articles = [_finish(draft) for draft in _split_articles(lines)]
    return _with_unique_keys(articles)


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise SourceError(f"cannot decode {path}: broken UTF-16 text") from error
    if b"\x00" in data:
        raise SourceError(f"{path} is not a text file: it contains binary data")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # Latin-1 maps every byte, so this last fallback cannot fail.
        return data.decode("latin-1")


def _split_articles(lines: Sequence[str]) -> Iterator[_Draft]:
    """Group lines into drafts; a label line followed by a headline starts a new one."""
    if not lines:
        return
    if _starts_article(lines, 0, at_top=True):
        draft = _Draft(title=lines[1], section=lines[0])
        index = 2
    elif is_top_headline(lines[0]):
        draft = _Draft(title=lines[0])
        index = 1
    else:
        # No headline at all: name the article after its opening, and keep that in the body.
        draft = _Draft(title=shorten(first_sentence(lines[0]), FALLBACK_TITLE_MAX_CHARS))
        index = 0
    while index < len(lines):
        if _starts_article(lines, index, at_top=False):
            yield draft
            draft = _Draft(title=lines[index + 1], section=lines[index])
            index += 2
            continue
        draft.lines.append(lines[index])
        index += 1
    yield draft


def _starts_article(lines: Sequence[str], index: int, *, at_top: bool) -> bool:
    """Whether `lines[index]` is a section label with the headline right after it.

    At the top of a file a headline must come, so a question or exclamation is
    accepted there; further down the headline must also be followed by text.
    """
    if index + 1 >= len(lines):
        return False
    label, headline = lines[index], lines[index + 1]
    if not is_heading_like(label) or count_words(label) > LABEL_MAX_WORDS:
        return False
    if len(headline) <= len(label):
        return False
    if at_top:
        return is_top_headline(headline)
    return is_heading_like(headline) and index + 2 < len(lines)


def _finish(draft: _Draft) -> ParsedArticle:
    lines = _without_trailing_furniture(draft.lines)
    deck = ""
    if len(lines) > 1 and is_deck(lines[0]):
        deck, lines = lines[0], lines[1:]
    return ParsedArticle(
        title=draft.title,
        body=clean_body(_markdown(lines)),
        key=draft.title,
        section=draft.section,
        deck=deck,
    )


def _without_trailing_furniture(lines: list[str]) -> list[str]:
    end = len(lines)
    while end > 0 and is_furniture(lines[end - 1]):
        end -= 1
    return lines[:end]


def _markdown(lines: Sequence[str]) -> str:
    """One Markdown block per line: a subheading when a paragraph follows it."""
    blocks: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        is_subheading = (
            is_heading_like(line) and following is not None and not is_heading_like(following)
        )
        blocks.append(f"## {escape_heading(line)}" if is_subheading else escape_paragraph(line))
    return "\n\n".join(blocks)


def _with_unique_keys(articles: Sequence[ParsedArticle]) -> list[ParsedArticle]:
    """Give a repeated headline a numbered key (`Headline#2`), in file order."""
    taken: set[str] = set()
    unique: list[ParsedArticle] = []
    for article in articles:
        key = article.key
        number = 1
        while key in taken:
            number += 1
            key = f"{article.key}{_DUPLICATE_KEY_MARK}{number}"
        taken.add(key)
        unique.append(article if key == article.key else replace(article, key=key))
    return unique
