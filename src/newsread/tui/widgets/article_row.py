"""Lay out one article-list row: unread dot, bookmark star, title, source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from newsread.model import ArticleSummary
from newsread.textsafe import one_line

UNREAD_MARK: Final = "●"
BOOKMARK_MARK: Final = "★"
_MARKS_WIDTH: Final = 4
"""Dot, space, star, space."""
_SOURCE_MAX_WIDTH: Final = 16
"""Long source names are cut so the title keeps most of the row."""
_GAP: Final = 2
"""Cells between the title and the source."""


@dataclass(frozen=True, slots=True)
class RowStyles:
    """The styles of a row's parts, already layered over the row's background."""

    row: Style
    unread_mark: Style
    bookmark_mark: Style
    title_unread: Style
    title_read: Style
    source: Style


def row_text(summary: ArticleSummary, width: int, styles: RowStyles) -> Text:
    """The row for `summary`, exactly `width` cells wide.

    Titles and source names are article text: they are cleaned to one line and
    added as plain strings with explicit styles, never parsed as markup.
    """
    source = one_line(summary.source)
    source_width = min(cell_len(source), _SOURCE_MAX_WIDTH, width // 4)
    title_width = width - _MARKS_WIDTH - (source_width + _GAP if source_width else 0)
    if title_width < 8:
        source_width = 0
        title_width = width - _MARKS_WIDTH

    title = Text(
        one_line(summary.title),
        style=styles.title_read if summary.read else styles.title_unread,
        no_wrap=True,
        overflow="ellipsis",
        end="",
    )
    title.truncate(max(0, title_width), overflow="ellipsis", pad=True)

    line = Text(no_wrap=True, overflow="ellipsis", style=styles.row, end="")
    line.append(" " if summary.read else UNREAD_MARK, styles.unread_mark)
    line.append(" ")
    line.append(BOOKMARK_MARK if summary.bookmarked else " ", styles.bookmark_mark)
    line.append(" ")
    line.append_text(title)
    if source_width:
        source_text = Text(source, style=styles.source, no_wrap=True, end="")
        source_text.truncate(source_width, overflow="ellipsis")
        line.append(" " * _GAP)
        line.append(" " * (source_width - source_text.cell_len))
        line.append_text(source_text)
    line.truncate(width, overflow="ellipsis", pad=True)
    return line
