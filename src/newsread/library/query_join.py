"""Joining query texts so that every part must hold (`tech` saved query AND `unread` typed)."""

from __future__ import annotations


def closed(text: str) -> str:
    """`text` with a phrase left open at its end closed, so nothing added after joins it."""
    return text + '"' if text.count('"') % 2 else text


def join_queries(*parts: str) -> str:
    """The query asking for what every one of `parts` asks for (empty parts are skipped)."""
    return " ".join(closed(part.strip()) for part in parts if part.strip())
