"""Lay out one article-list row: unread dot, watch mark, bookmark star, title, then columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from newsread.model import ArticleSummary
from newsread.textsafe import one_line
from newsread.tui.widgets.row_facts import NO_FACTS, RowFacts

UNREAD_MARK: Final = "●"
BOOKMARK_MARK: Final = "★"
WATCHED_MARK: Final = "◆"
"""Between the dot and the star: the article mentions a followed name."""
STORY_MARK: Final = "⧉"
"""Before the count of a story's articles, the first column of a clustered list's row."""
_MARKS_WIDTH: Final = 4
"""Dot, watch mark, star, space."""
_SOURCE_MAX_WIDTH: Final = 16
"""Long source names are cut so the title keeps most of the row."""
_GAP: Final = 2
"""Cells between the title and each column."""
_MIN_TITLE: Final = 8
"""Columns are dropped, rightmost first, before the title gets narrower than this."""

COLUMNS: Final = ("date", "source", "reading-time", "entities")
"""The columns a row can show after its title (`reader.columns` in config.toml)."""
DEFAULT_COLUMNS: Final = ("source",)


@dataclass(frozen=True, slots=True)
class RowStyles:
    """The styles of a row's parts, already layered over the row's background."""

    row: Style
    unread_mark: Style
    bookmark_mark: Style
    title_unread: Style
    title_read: Style
    source: Style
    watched_mark: Style | None = None
    """The watch mark (the unread mark's style when None)."""


def short_date(published: str | None) -> str:
    """`05 Jan`: the day an article was published; empty when unknown or unreadable."""
    if not published:
        return ""
    try:
        return datetime.fromisoformat(published).strftime("%d %b")
    except ValueError:
        return ""


def column_text(column: str, summary: ArticleSummary, facts: RowFacts) -> str:
    """What `column` says for one row (plain text; empty when there is nothing to say)."""
    if column == "source":
        return one_line(summary.source)
    if column == "date":
        return short_date(summary.published)
    stats = facts.stats
    if stats is None:
        return ""
    if column == "reading-time":
        return f"{stats.minutes} min"
    if column == "entities" and stats.tagged:
        from newsread.entities.identity import NAME_LABELS

        names = sum(count for label, count in stats.entities if label in NAME_LABELS)
        return f"{names} names"
    return ""


def story_badge(facts: RowFacts) -> str:
    """`⧉ 3`: the row stands for a story of three articles; empty when it is in none."""
    story = facts.story
    return f"{STORY_MARK} {story.articles}" if story is not None and story.articles > 1 else ""


def _cells(
    summary: ArticleSummary, facts: RowFacts, columns: Sequence[str], width: int
) -> list[tuple[str, int, bool]]:
    """`(text, width, unread)` of each column to show: the story badge (`unread` when any of
    its articles is), the mention count, then `columns`."""
    cells: list[tuple[str, int, bool]] = []
    badge = story_badge(facts)
    if badge:
        unread = facts.story is not None and facts.story.unread > 0
        cells.append((badge, cell_len(badge), unread))
    if facts.mentions is not None:
        mentions = f"×{facts.mentions}"
        cells.append((mentions, cell_len(mentions), False))
    for column in columns:
        text = column_text(column, summary, facts)
        limit = _SOURCE_MAX_WIDTH if column == "source" else 12
        cells.append((text, min(cell_len(text), limit, width // 4), False))
    return [cell for cell in cells if cell[1]]


def row_text(
    summary: ArticleSummary,
    width: int,
    styles: RowStyles,
    facts: RowFacts = NO_FACTS,
    columns: Sequence[str] = DEFAULT_COLUMNS,
) -> Text:
    """The row for `summary`, exactly `width` cells wide.

    Titles and source names are article text: they are cleaned to one line and
    added as plain strings with explicit styles, never parsed as markup.
    """
    cells = _cells(summary, facts, columns, width)
    title_width = width - _MARKS_WIDTH - sum(cell[1] + _GAP for cell in cells)
    while cells and title_width < _MIN_TITLE:
        _text, dropped, _unread = cells.pop()
        title_width += dropped + _GAP

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
    line.append(WATCHED_MARK if facts.watched else " ", styles.watched_mark or styles.unread_mark)
    line.append(BOOKMARK_MARK if summary.bookmarked else " ", styles.bookmark_mark)
    line.append(" ")
    line.append_text(title)
    for text, cell_width, unread in cells:
        style = styles.unread_mark if unread else styles.source
        cell = Text(text, style=style, no_wrap=True, end="")
        cell.truncate(cell_width, overflow="ellipsis")
        line.append(" " * _GAP)
        line.append(" " * (cell_width - cell.cell_len))
        line.append_text(cell)
    line.truncate(width, overflow="ellipsis", pad=True)
    return line
