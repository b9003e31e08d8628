"""Saved queries (`[queries]` in config.toml): named views shown as virtual sources.

`saved_query_views` gives the sidebar each saved query as a `ViewQuery` with
its article count (a count and a first screen each, whatever the library's
size). `@NAME` in a query stands for the saved query NAME (`@tech unread`),
so the command line and the filter bar can use them too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from newsread.errors import NewsreadError
from newsread.library.query_language import QueryError, parse_query
from newsread.library.views import ViewQuery
from newsread.textsafe import one_line

if TYPE_CHECKING:
    from newsread.library.store import Library

_REFERENCE: Final = re.compile(r'(?<!\S)@(?:"([^"]*)"?|(\S+))')
"""`@name` or `@"name with spaces"`, standing alone (not inside a word)."""


class NamedQuery(Protocol):
    """A saved query as configured (`newsread.config.SavedQuery` is one)."""

    @property
    def name(self) -> str:
        """What the sidebar shows and `@NAME` refers to."""
        ...

    @property
    def query(self) -> str:
        """The query in the query language."""
        ...


@dataclass(frozen=True, slots=True)
class SavedQueryView:
    """One saved query as the sidebar shows it."""

    name: str
    query: ViewQuery
    count: int
    """How many articles it lists now (0 when it has an error)."""
    error: str | None = None
    """Why it cannot run (one line), e.g. a malformed query; None when it works."""


def expand_saved(text: str, saved: Sequence[NamedQuery]) -> str:
    """`text` with every `@NAME` replaced by that saved query (names compare ignoring case).

    `QueryError` for an unknown name, or a saved query itself using `@`.
    """
    by_name = {query.name.casefold(): query for query in saved}

    def replace(match: re.Match[str]) -> str:
        name = match[1] if match[1] is not None else match[2]
        found = by_name.get(name.strip().casefold())
        if found is None:
            names = ", ".join(sorted(query.name for query in saved)) or "none"
            raise QueryError(f"no saved query named {one_line(name)!r} (saved: {one_line(names)})")
        if _REFERENCE.search(found.query):
            raise QueryError(f"saved query {one_line(found.name)!r} may not use another (@…)")
        return f" {found.query} "

    return _REFERENCE.sub(replace, text).strip()


def saved_query_views(library: Library, saved: Sequence[NamedQuery]) -> list[SavedQueryView]:
    """Each saved query (e.g. `config.queries`) as a view with its count, in config order.

    A query that cannot run comes back with `error` set instead of raising,
    so one bad entry never hides the others.
    """
    views: list[SavedQueryView] = []
    for entry in saved:
        try:
            text = expand_saved(entry.query, saved)
            parse_query(text)
            query = ViewQuery(query=text)
            count = len(library.view(query))
        except NewsreadError as error:
            views.append(SavedQueryView(entry.name, ViewQuery(), 0, one_line(str(error))))
            continue
        views.append(SavedQueryView(entry.name, query, count))
    return views
