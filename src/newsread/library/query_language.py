"""The query language of the filter bar, saved queries, ignore rules and `list --query`.

A query is terms separated by spaces, all of which must hold:

    unread  read  bookmarked  watched            the article's marks
    source:NAME  tag:NAME  entity:NAME           where it comes from, what it names
    after:DATE  before:DATE                      when it was published (see `query_dates`)
    word  "a phrase"  prefix*                    full-text search, as in the search bar

`-` before any term negates it (`-source:x`, `-unread`, `-word`); a value with
spaces is quoted (`source:"Harbour News"`). Parsing is pure and never looks
at a library: names are resolved when the query runs. Anything that is not a
known field with a usable value is a one-line `QueryError` naming the term;
no other exception escapes, whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from newsread.errors import NewsreadError
from newsread.library.query_dates import DATE_FORMATS, date_start
from newsread.library.search import ParsedSearch, parse_search
from newsread.textsafe import one_line, strip_controls


class QueryError(NewsreadError):
    """A query that cannot be understood; the message names the offending term."""

    title = "Query error"


class TermKind(StrEnum):
    """What one term of a query asks about."""

    UNREAD = "unread"
    READ = "read"
    BOOKMARKED = "bookmarked"
    WATCHED = "watched"
    SOURCE = "source"
    TAG = "tag"
    ENTITY = "entity"
    AFTER = "after"
    BEFORE = "before"
    TEXT = "text"
    """A word or phrase for the full-text search."""


FLAG_KINDS: Final = frozenset(
    {TermKind.UNREAD, TermKind.READ, TermKind.BOOKMARKED, TermKind.WATCHED}
)
"""Terms written as a bare keyword."""

FIELD_KINDS: Final = (
    TermKind.SOURCE,
    TermKind.TAG,
    TermKind.ENTITY,
    TermKind.AFTER,
    TermKind.BEFORE,
)
"""Terms written `field:value`, in the order error messages list them."""

_FIELDS: Final = {kind.value: kind for kind in FIELD_KINDS}
_FLAGS: Final = {kind.value: kind for kind in FLAG_KINDS}
_FIELD_NAME: Final = re.compile(r"[A-Za-z]+")
_WORD: Final = re.compile(r"\w+")
_SHOWN_LIMIT: Final = 40


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One term of a query."""

    kind: TermKind
    value: str = ""
    """A name (source, tag, entity), a date's first instant (after, before), or search
    text (a word as typed, or a phrase in double quotes); empty for keywords."""
    negated: bool = False
    """Written with a leading `-`: the term must not hold."""


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query split into its terms, in the order written."""

    terms: tuple[QueryTerm, ...] = ()

    def of_kind(self, *kinds: TermKind) -> tuple[QueryTerm, ...]:
        """The terms of these kinds, in order."""
        return tuple(term for term in self.terms if term.kind in kinds)

    @property
    def search_text(self) -> str:
        """The words and phrases as search-bar text (negated ones with `-`)."""
        return " ".join(
            ("-" if term.negated else "") + term.value for term in self.of_kind(TermKind.TEXT)
        )

    @property
    def search(self) -> ParsedSearch:
        """The words and phrases as the search bar parses them (the last word is a prefix)."""
        return parse_search(self.search_text)

    @property
    def needs_entities(self) -> bool:
        """True when a term is about entities (`entity:`, `watched`)."""
        return bool(self.of_kind(TermKind.ENTITY, TermKind.WATCHED))

    def __bool__(self) -> bool:
        return bool(self.terms)


def _shown(text: str) -> str:
    """A term as an error message quotes it: one line, not too long."""
    line = one_line(text)
    return repr(line if len(line) <= _SHOWN_LIMIT else line[:_SHOWN_LIMIT] + "…")


@dataclass(frozen=True, slots=True)
class _Token:
    negated: bool
    field: str | None
    """The lowercased field name before `:`, or None for a bare word or a phrase."""
    value: str
    quoted: bool
    star: bool
    """A `*` right after a closing quote (a phrase used as a prefix)."""
    raw: str


class _Scanner:
    """Splits query text into tokens: `-`? then `field:value`, `"phrase"` or a word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def tokens(self) -> list[_Token]:
        found: list[_Token] = []
        text = self.text
        while True:
            while self.at < len(text) and text[self.at].isspace():
                self.at += 1
            if self.at >= len(text):
                return found
            start = self.at
            negated = text[self.at] == "-"
            if negated:
                self.at += 1
                if self.at >= len(text) or text[self.at].isspace():
                    continue  # a lone "-" negates nothing
            field, value, quoted, star = self._term()
            found.append(_Token(negated, field, value, quoted, star, text[start : self.at]))

    def _term(self) -> tuple[str | None, str, bool, bool]:
        """(field, value, quoted, star) of the term at the cursor, moving past it."""
        text = self.text
        if text[self.at] == '"':
            value = self._quoted()
            star = self.at < len(text) and text[self.at] == "*"
            if star:
                self.at += 1
            return None, value, True, star
        end = self.at
        while end < len(text) and not text[end].isspace() and text[end] not in ':"':
            end += 1
        name = text[self.at : end]
        if end < len(text) and text[end] == ":" and _FIELD_NAME.fullmatch(name):
            self.at = end + 1
            if self.at < len(text) and text[self.at] == '"':
                return name.lower(), self._quoted(), True, False
            return name.lower(), self._bare(), False, False
        return None, self._bare(), False, False

    def _quoted(self) -> str:
        """The text up to the closing quote (or the end, when it is missing)."""
        close = self.text.find('"', self.at + 1)
        if close < 0:
            value, self.at = self.text[self.at + 1 :], len(self.text)
        else:
            value, self.at = self.text[self.at + 1 : close], close + 1
        return value

    def _bare(self) -> str:
        end = self.at
        while end < len(self.text) and not self.text[end].isspace():
            end += 1
        value, self.at = self.text[self.at : end], end
        return value


def _text_term(token: _Token) -> QueryTerm | None:
    """A word or phrase as search text that `parse_search` reads back as the same term."""
    words = _WORD.findall(token.value)
    if not words:
        return None  # like the search bar, `*`, `-` or `:` alone ask for nothing
    if token.quoted:
        value = '"' + " ".join(words) + '"' + ("*" if token.star else "")
    else:
        # Joined with "-" so it stays one term (as the search bar reads `e-mail`).
        value = "-".join(words) + ("*" if token.value.endswith("*") else "")
    return QueryTerm(TermKind.TEXT, value, token.negated)


def _field_term(token: _Token, field: str, now: datetime | None) -> QueryTerm:
    kind = _FIELDS.get(field)
    if kind is None:
        known = ", ".join(f"{name.value}:" for name in FIELD_KINDS)
        raise QueryError(f"unknown field {field + ':'!r} in {_shown(token.raw)} (known: {known})")
    value = one_line(token.value).strip()
    if not value:
        what = "a date" if kind in (TermKind.AFTER, TermKind.BEFORE) else "a name"
        raise QueryError(f"{field}: needs {what}, as in {field}:{_example(kind)}")
    if kind in (TermKind.AFTER, TermKind.BEFORE):
        start = date_start(value, now)
        if start is None:
            raise QueryError(f"bad date in {_shown(token.raw)}: use {DATE_FORMATS}")
        value = start
    return QueryTerm(kind, value, token.negated)


def _example(kind: TermKind) -> str:
    return {
        TermKind.SOURCE: '"Harbour News"',
        TermKind.TAG: "tech",
        TermKind.ENTITY: "nvidia",
        TermKind.AFTER: "2025-01-01",
        TermKind.BEFORE: "7d",
    }.get(kind, "x")


def parse_query(text: str, *, now: datetime | None = None) -> ParsedQuery:
    """The terms of `text`; `QueryError` (one line, naming the term) if it is malformed.

    `now` anchors relative dates (`today`, `7d`); the default is the current time.
    """
    tokens = _Scanner(strip_controls(text)).tokens()
    terms: list[QueryTerm] = []
    for token in tokens:
        if token.field is not None:
            terms.append(_field_term(token, token.field, now))
            continue
        flag = None if token.quoted else _FLAGS.get(token.value.lower())
        if flag is not None:
            terms.append(QueryTerm(flag, negated=token.negated))
            continue
        term = _text_term(token)
        if term is not None:
            terms.append(term)
    return ParsedQuery(tuple(terms))


def query_problem(text: str) -> str | None:
    """Why `text` is not a valid query (one line), or None when it is; for config validation."""
    try:
        parse_query(text)
    except QueryError as error:
        return str(error)
    return None
