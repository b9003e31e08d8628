"""Opening an article with `n`: what the reader shows once the open's single frame is up."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.widgets import Static

from newsread.library import Library
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from pilot_wait import wait_for

SIZE = (120, 40)
UNREAD_MARK = "●"


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, Path(library.path).parent)


def background_of(widget: Static | ArticleView) -> Color:
    """The colour the widget's text is drawn on."""
    return widget.background_colors[1]


async def test_n_shows_the_article_focused_with_its_row_read(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        article_list = pilot.app.screen.query_one(ArticleList)
        view = pilot.app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: view.shown_id is not None)
        unread_before = library.counts().unread
        await pilot.press("n")
        await wait_for(pilot, lambda: view.has_focus)
        opened = article_list.current
        assert opened is not None
        assert view.shown_id == opened.id
        assert opened.read, "the row under the cursor shows the article read"
        row = article_list.render_line(article_list.cursor - article_list.scroll_offset.y)
        assert UNREAD_MARK not in row.text
        await wait_for(pilot, lambda: f"{unread_before - 1:,} unread" in pilot.app.screen.sub_title)


async def test_down_scrolls_the_opened_article(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        view = pilot.app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: view.shown_id is not None)
        await pilot.press("n")
        await wait_for(pilot, lambda: view.has_focus)
        assert view.max_scroll_y > 0, "the sample is longer than the screen"
        await pilot.press("down")
        await wait_for(pilot, lambda: view.scroll_y > 0)


async def test_j_k_g_and_shift_g_read_the_opened_article_and_leave_the_list_alone(
    library: Library,
) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        article_list = pilot.app.screen.query_one(ArticleList)
        view = pilot.app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: view.shown_id is not None)
        await pilot.press("n")
        await wait_for(pilot, lambda: view.has_focus)
        cursor = article_list.cursor
        await pilot.press("j", "j")
        await wait_for(pilot, lambda: view.scroll_y >= 2)
        await pilot.press("k")
        await wait_for(pilot, lambda: view.scroll_y == 1)
        await pilot.press("G")
        await wait_for(pilot, lambda: view.scroll_y == view.max_scroll_y > 1)
        await pilot.press("g")
        await wait_for(pilot, lambda: view.scroll_y == 0)
        assert article_list.cursor == cursor, "keys in the article do not move the list"
        await pilot.press("tab", "j")
        await wait_for(pilot, lambda: article_list.cursor == cursor + 1)


async def test_the_focused_article_is_tinted_parts_and_all(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        view = pilot.app.screen.query_one(ArticleView)
        title = view.query_one("#article-title", Static)
        await wait_for(pilot, lambda: view.shown_id is not None)
        plain_view, plain_title = background_of(view), background_of(title)
        await pilot.press("n")
        await wait_for(pilot, lambda: view.has_focus)
        assert background_of(view) != plain_view
        assert background_of(title) == background_of(view), "the title sits on the tint"
        assert background_of(title) != plain_title
        await pilot.press("tab")
        await wait_for(pilot, lambda: not view.has_focus)
        assert background_of(view) == plain_view
        assert background_of(title) == plain_title
