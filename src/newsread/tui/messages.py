"""App-wide messages: what happened, posted upward for whoever shows it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from newsread.refresh import SourceRefreshResult


@dataclass
class StateChanged(Message):
    """The read or bookmark state of some articles changed in the library.

    Whoever shows that state (list rows, header counts) redraws from the library.
    """

    article_ids: tuple[str, ...]
    """The articles that changed; empty when a whole view changed at once."""


@dataclass
class ArticleOpened(Message):
    """The user opened an article to read it (it is now marked read)."""

    article_id: str


@dataclass
class RefreshFinished(Message):
    """A refresh of the sources finished; the library holds what it brought.

    Whoever shows library contents (the list, the source list, counts) takes
    them again.
    """

    results: list[SourceRefreshResult]
    """One result per source refreshed, in refresh order."""
