"""The reader's first frame and its jumps: parts mounted when first used, rows drawn fast."""

from __future__ import annotations

import gc

from rich.console import Console
from rich.style import Style

from newsread.library import Library
from newsread.model import ArticleSummary
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.widgets.article_list import ArticleList, row_segments
from newsread.tui.widgets.article_row import RowStyles, row_text
from newsread.tui.widgets.entity_panel import EntityPanel
from newsread.tui.widgets.row_facts import NO_FACTS
from newsread.tui.widgets.search_bar import SearchBar
from newsread.tui.widgets.source_list import SourceList
from pilot_wait import wait_for

SIZE = (120, 40)


def reader(app: NewsreadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def test_hidden_parts_are_mounted_only_when_first_shown(library: Library) -> None:
    app = NewsreadApp(library, library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await wait_for(pilot, lambda: (screen.sub_title or "").startswith("5 articles"))
        for hidden in (SearchBar, SourceList, EntityPanel):
            assert not screen.query(hidden), hidden.__name__
        assert gc.isenabled(), "garbage is collected again once the first frame is up"
        await pilot.press("slash")
        await wait_for(pilot, lambda: screen.search_bar.has_focus)
        sidebar = [child.id for child in screen.query_one("#sidebar").children]
        assert sidebar == ["search", "articles"], "the search bar sits above the list"
        await pilot.press("escape")
        await pilot.press("s")
        await wait_for(pilot, lambda: screen.source_list.has_focus)
        sidebar = [child.id for child in screen.query_one("#sidebar").children]
        assert sidebar == ["search", "sources", "articles"]
        assert not screen.query_one(SearchBar).display


async def test_jumping_to_the_end_and_back_keeps_the_cursor_and_preview(
    library: Library,
) -> None:
    app = NewsreadApp(library, library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        articles = screen.query_one(ArticleList)
        await wait_for(pilot, lambda: screen.article_view.shown_id is not None)
        await pilot.press("end", "home", "end")
        last = articles.row(len(articles.view) - 1)
        assert last is not None and articles.current_id == last.id
        await wait_for(pilot, lambda: screen.article_view.shown_id == last.id)


def test_row_segments_draw_exactly_what_rich_draws() -> None:
    console = Console(width=120)
    row = Style(color="white", bgcolor="black")
    styles = RowStyles(
        row=row,
        unread_mark=row + Style(color="blue"),
        bookmark_mark=row + Style(color="yellow"),
        title_unread=row + Style(bold=True),
        title_read=row + Style(dim=True),
        source=row + Style(italic=True),
    )
    titles = ["", "xAI", "漢字のタイトル " * 6, "[bold]not markup[/]", "🙂 " * 30, "a" * 200]
    for number, title in enumerate(titles):
        for width in (1, 5, 9, 30, 61, 120):
            summary = ArticleSummary(
                id=str(number),
                title=title,
                source="Example Wire 漢字",
                published="2025-01-02",
                url="https://example.com",
                read=number % 2 == 0,
                bookmarked=number % 3 == 0,
            )
            text = row_text(summary, width, styles, NO_FACTS, ("date", "source"))
            drawn = [
                (char, segment.style)
                for segment in row_segments(text, console)
                for char in segment.text
            ]
            expected = [
                (char, segment.style) for segment in text.render(console) for char in segment.text
            ]
            assert drawn == expected, (title, width)
