"""Turn what the user types into a safe FTS5 query.

The syntax users get is small: words (all must match), `"exact phrases"`,
`prefix*`, and `-word` or `-"phrase"` to exclude. The last plain word also
matches as a prefix, so a list narrows while the user is still typing.

FTS5 has its own query language (`AND`, `NOT`, `NEAR`, `^`, `:` column
filters, parentheses). Nothing the user types reaches it as an operator:
every word and phrase is passed as a quoted FTS5 string, so any input, however
unbalanced, is either a valid query or no search at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from newsread.textsafe import strip_controls

_CHUNK: Final = re.compile(r'(-?)"([^"]*)"?(\*?)|(\S+)')
"""A quoted phrase (optionally excluded, optionally a prefix; the closing quote may be missing)
or a run of non-space characters."""

_WORD_CHARACTERS: Final = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One word or phrase the user asked for, as the words FTS5 will look for."""

    words: tuple[str, ...]
    """The word characters of the term, in order (a phrase has several)."""
    prefix: bool = False
    """The last word may be the start of a longer word."""
    excluded: bool = False
    """Articles containing it are left out."""

    def fts(self, expansion: Sequence[str] = ()) -> str:
        """This term as an FTS5 string (quotes inside are doubled, so it is always text).

        With an `expansion` (every indexed word this prefix term starts), the
        prefix is asked for as those words instead: see `ParsedSearch.match_expression`.
        """
        if expansion:
            words = [_quoted((word,)) for word in expansion]
            return words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")"
        quoted = _quoted(self.words)
        return quoted + "*" if self.prefix else quoted

    @property
    def prefix_word(self) -> str | None:
        """The start of a word this term asks for, when it is one prefix word; else None."""
        return self.words[0] if self.prefix and len(self.words) == 1 else None


def _quoted(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class ParsedSearch:
    """A search split into what must match and what must not."""

    terms: tuple[SearchTerm, ...]

    @property
    def wanted(self) -> tuple[SearchTerm, ...]:
        """Terms every result contains."""
        return tuple(term for term in self.terms if not term.excluded)

    @property
    def excluded(self) -> tuple[SearchTerm, ...]:
        """Terms no result contains."""
        return tuple(term for term in self.terms if term.excluded)

    def match_expression(
        self, expansions: Mapping[SearchTerm, Sequence[str]] | None = None
    ) -> str | None:
        """The FTS5 `MATCH` expression for the wanted terms; None when there are none.

        `expansions` may list, for prefix terms, every word in the index they
        start: the same articles match, but FTS5 reads a few words' lists as it
        goes instead of first merging every word with the prefix in full.
        """
        wanted = self.wanted
        if not wanted:
            return None
        expanded = expansions or {}
        # FTS5 reads words side by side as AND, but not before a parenthesised group.
        joiner = " AND " if expanded else " "
        expression = joiner.join(term.fts(expanded.get(term, ())) for term in wanted)
        excluded = self.excluded
        if excluded:
            expression += (
                " NOT (" + " OR ".join(term.fts(expanded.get(term, ())) for term in excluded) + ")"
            )
        return expression

    def exclude_expression(self) -> str | None:
        """A `MATCH` for the excluded terms alone (a search of nothing but `-word`s)."""
        excluded = self.excluded
        if not excluded or self.wanted:
            return None
        return " OR ".join(term.fts() for term in excluded)


def parse_search(text: str) -> ParsedSearch:
    """The terms of `text`; chunks with no word character (`*`, `-`, `:`) are ignored."""
    # Control characters (NUL in particular) would end an FTS5 string early.
    terms: list[SearchTerm] = []
    last_plain: int | None = None
    for match in _CHUNK.finditer(strip_controls(text)):
        minus, phrase, star, plain = match.groups()
        if plain is None:
            excluded, body, prefix = bool(minus), phrase, bool(star)
        else:
            excluded = plain.startswith("-")
            body = plain.lstrip("-") if excluded else plain
            prefix = body.endswith("*")
        words = tuple(_WORD_CHARACTERS.findall(body))
        if not words:
            continue
        if plain is not None and not excluded and not prefix:
            last_plain = len(terms)
        terms.append(SearchTerm(words, prefix, excluded))
    if last_plain is not None and last_plain == len(terms) - 1:
        terms[last_plain] = SearchTerm(terms[last_plain].words, prefix=True)
    return ParsedSearch(tuple(terms))


def fts_match_expression(text: str) -> str | None:
    """The FTS5 `MATCH` expression for `text`, or None when it asks for nothing to match.

    A search of only excluded terms has no match expression: see
    `ParsedSearch.exclude_expression`.
    """
    return parse_search(text).match_expression()


def is_search(text: str) -> bool:
    """True when `text` narrows the list at all (it has a wanted or an excluded term)."""
    return bool(parse_search(text).terms)
