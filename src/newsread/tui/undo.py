"""The reader's undo history: the last changes of read and bookmark marks, newest on top."""

from __future__ import annotations

from collections import deque
from typing import Final

from newsread.library.state import Flag, StateChange

UNDO_LIMIT: Final = 100
"""Changes kept; older ones fall off the bottom of the history."""


def describe_change(change: StateChange) -> str:
    """What `change` did, as a person says it: `marked 1,234 articles read`."""
    count = change.count
    articles = f"{count:,} article" if count == 1 else f"{count:,} articles"
    if change.flag is Flag.READ:
        return f"marked {articles} {'read' if change.on else 'unread'}"
    if change.on:
        return f"bookmarked {articles}"
    return f"removed the bookmark from {articles}"


class UndoHistory:
    """A bounded stack of `StateChange`s; changes that changed nothing are not kept."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        """Keep at most `limit` changes."""
        self._changes: deque[StateChange] = deque(maxlen=limit)

    def __len__(self) -> int:
        return len(self._changes)

    def push(self, change: StateChange) -> None:
        """Remember `change` as the newest, if it changed anything."""
        if change.count:
            self._changes.append(change)

    def pop(self) -> StateChange | None:
        """Take the newest change off the history, or None when there is none."""
        return self._changes.pop() if self._changes else None
