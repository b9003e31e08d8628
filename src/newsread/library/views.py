"""What the article list shows: a filter, a search, and an ordered snapshot of matching rows."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from enum import StrEnum


class ArticleFilter(StrEnum):
    """Which articles a view shows; `f` in the TUI cycles through them in this order."""

    ALL = "all"
    UNREAD = "unread"
    BOOKMARKED = "bookmarked"

    def next(self) -> ArticleFilter:
        """The filter after this one, wrapping around."""
        members = list(ArticleFilter)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True, slots=True)
class ViewQuery:
    """A request for a list of articles, newest first."""

    filter: ArticleFilter = ArticleFilter.ALL
    search: str = ""
    """Words to find in titles and bodies (all must match); empty for no search."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An ordered snapshot of the articles matching a query.

    Holds only row numbers, so a view of 100,000 articles costs under a megabyte;
    the list widget asks the library for the few rows it draws. The snapshot does
    not change when state changes: an article marked read stays in an `unread`
    view until the view is taken again, as in any mail or news reader.
    """

    query: ViewQuery
    rowids: array[int] = field(default_factory=lambda: array("q"))

    def __len__(self) -> int:
        return len(self.rowids)
