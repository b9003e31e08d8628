"""Ignore rules (the killfile): queries checked against each article as it arrives.

A rule is a query (see `query_language`) and an action: `hide` keeps the
article out of every list, count and search; `mark-read` stores it read.
Rules look at the article being stored, before it has a row of its own:

- words and phrases match its title, deck, body and source title as the
  search does (same words, accents and case ignored, the last plain word a
  prefix: quote a word, `"ad"`, to match only that word);
- `source:`, `tag:`, `after:`, `before:` match as in a view;
- a new article is unread and not bookmarked, so `unread` always holds and
  `read`, `bookmarked` never do;
- `entity:` and `watched` need the article's entities: they are extracted
  for arriving articles when some rule uses them (ingest is then slower).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Final, Protocol

from newsread.library.query_language import (
    ParsedQuery,
    QueryError,
    QueryTerm,
    TermKind,
    parse_query,
)
from newsread.library.query_names import SourceNames
from newsread.library.search import ParsedSearch, SearchTerm
from newsread.model import ParsedArticle

_TOKEN: Final = re.compile(r"[^\W_]+")
"""What the search index counts as a word (letters and digits; `_` separates)."""


class IgnoreAction(StrEnum):
    """What an ignore rule does to the articles it matches."""

    HIDE = "hide"
    MARK_READ = "mark-read"


class RuleSpec(Protocol):
    """An ignore rule as configured (`newsread.config.IgnoreRule` is one)."""

    @property
    def query(self) -> str:
        """The query in the query language."""
        ...

    @property
    def action(self) -> str:
        """`hide` or `mark-read`."""
        ...


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """One usable rule: its query, parsed, and what it does."""

    text: str
    parsed: ParsedQuery
    action: IgnoreAction


@dataclass(frozen=True, slots=True)
class Killfile:
    """The ignore rules in effect; rules that cannot be used are listed in `problems`."""

    rules: tuple[IgnoreRule, ...] = ()
    problems: tuple[str, ...] = ()
    """One line per rule left out (a malformed query, an unknown action, an empty query)."""

    @classmethod
    def from_rules(cls, specs: Iterable[RuleSpec], *, now: datetime | None = None) -> Killfile:
        """The rules of `specs` (e.g. `config.ignore`); bad ones are left out and reported."""
        rules: list[IgnoreRule] = []
        problems: list[str] = []
        for number, spec in enumerate(specs, start=1):
            try:
                action = IgnoreAction(spec.action)
            except ValueError:
                problems.append(f"ignore rule {number}: unknown action {spec.action!r}")
                continue
            try:
                parsed = parse_query(spec.query, now=now)
            except QueryError as error:
                problems.append(f"ignore rule {number}: {error}")
                continue
            if not parsed:
                # An empty query matches everything: surely not what anyone meant.
                problems.append(f"ignore rule {number}: the query is empty")
                continue
            rules.append(IgnoreRule(spec.query, parsed, action))
        return cls(tuple(rules), tuple(problems))

    @property
    def needs_entities(self) -> bool:
        """True when a rule uses `entity:` or `watched`."""
        return any(rule.parsed.needs_entities for rule in self.rules)

    def entity_names(self) -> set[str]:
        """Every name the rules' `entity:` terms use."""
        return {term.value for rule in self.rules for term in rule.parsed.of_kind(TermKind.ENTITY)}

    def __bool__(self) -> bool:
        return bool(self.rules)


def fold(text: str) -> str:
    """`text` without accents, casefolded: how the search index compares words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words_of(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return _TOKEN.findall(fold(text))


@dataclass
class ArrivingArticle:
    """What a rule can see of an article being stored."""

    article: ParsedArticle
    source: SourceNames
    tags: frozenset[str] = frozenset()
    """The source's tags, folded."""
    entity_keys: frozenset[str] = frozenset()
    """The identity keys of the names it mentions (empty unless some rule needs them)."""
    watched_keys: frozenset[str] = frozenset()
    entity_keys_by_name: Mapping[str, str] = field(default_factory=dict)
    """For each `entity:` name in the rules, the index key it means."""

    @cached_property
    def fields(self) -> tuple[list[str], ...]:
        """The words of each searchable field: title, deck, body, source title."""
        article = self.article
        return tuple(
            words_of(text)
            for text in (article.title, article.deck, article.body, self.source.title)
        )

    def contains(self, term: SearchTerm) -> bool:
        """True when one field holds the term's words in a row (the last as a prefix if so)."""
        wanted = words_of(" ".join(term.words))
        if not wanted:
            return False
        return any(_holds(words, wanted, term.prefix) for words in self.fields)


def _holds(words: list[str], wanted: list[str], prefix: bool) -> bool:
    size = len(wanted)
    head, last = wanted[:-1], wanted[-1]
    for start in range(len(words) - size + 1):
        if words[start : start + size - 1] != head:
            continue
        word = words[start + size - 1]
        if word == last or (prefix and word.startswith(last)):
            return True
    return False


def _search_holds(search: ParsedSearch, arriving: ArrivingArticle) -> bool:
    if any(not arriving.contains(term) for term in search.wanted):
        return False
    return not any(arriving.contains(term) for term in search.excluded)


def _term_holds(term: QueryTerm, arriving: ArrivingArticle) -> bool:
    """Whether a non-text term holds for the article, ignoring its negation."""
    kind = term.kind
    published = arriving.article.published
    if kind is TermKind.UNREAD:
        return True
    if kind in (TermKind.READ, TermKind.BOOKMARKED):
        return False
    if kind is TermKind.SOURCE:
        return arriving.source.matches(term.value)
    if kind is TermKind.TAG:
        return fold(term.value.strip()) in arriving.tags
    if kind is TermKind.ENTITY:
        key = arriving.entity_keys_by_name.get(term.value, "")
        return bool(key) and key in arriving.entity_keys
    if kind is TermKind.WATCHED:
        return bool(arriving.entity_keys & arriving.watched_keys)
    if kind is TermKind.AFTER:
        return published is not None and published >= term.value
    if kind is TermKind.BEFORE:
        return published is not None and published < term.value
    return True


def query_matches(parsed: ParsedQuery, arriving: ArrivingArticle) -> bool:
    """True when every term of `parsed` holds for the arriving article."""
    for term in parsed.terms:
        if term.kind is not TermKind.TEXT and _term_holds(term, arriving) == term.negated:
            return False
    search = parsed.search
    return not search.terms or _search_holds(search, arriving)


def action_for(killfile: Killfile, arriving: ArrivingArticle) -> IgnoreRule | None:
    """The rule deciding the article's fate: a matching `hide` rule, else a `mark-read` one."""
    matching = [rule for rule in killfile.rules if query_matches(rule.parsed, arriving)]
    hiding = [rule for rule in matching if rule.action is IgnoreAction.HIDE]
    chosen = hiding or matching
    return chosen[0] if chosen else None
