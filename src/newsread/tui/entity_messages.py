"""Messages about entities that come from outside the reader screen (the command palette)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ShowEntityArticles(Message):
    """Narrow the reader's list to every article mentioning an entity."""

    key: str
    """The entity's index key."""
    name: str
    """How to call it (`Jensen Huang`); untrusted text."""
