"""Opening an article with `n`: what the reader shows once the open's single frame is up."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style as RichStyle
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Static

from newsread.library import Library, ViewQuery
from newsread.library.entity_index import entity_key
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_body import ArticleBody
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


def drawn_body(view: ArticleView) -> list[list[tuple[str, object]]]:
    """The body's first lines as drawn: text and style of every segment."""
    body = view.query_one(ArticleBody)
    return [
        [(segment.text, segment.style) for segment in body.render_line(y)]
        for y in range(min(body.size.height, 30))
    ]


def tag_everything(library: Library) -> None:
    view = library.view(ViewQuery())
    for summary in library.summaries(view.rowids):
        library.entities(summary.id)


async def open_one_and_wait_until_the_next_is_prepared(
    pilot: Pilot[None], library: Library
) -> tuple[ArticleView, str]:
    """Open an article with `n`; the article view and the ID of the one `n` will open next,
    once the reader has prepared it."""
    view = pilot.app.screen.query_one(ArticleView)
    article_list = pilot.app.screen.query_one(ArticleList)
    await wait_for(pilot, lambda: view.shown_id is not None)
    await pilot.press("n")
    await wait_for(pilot, lambda: view.has_focus)
    index = library.next_unread(article_list.view, article_list.cursor, 1)
    assert index is not None
    following = article_list.row(index)
    assert following is not None
    await wait_for(
        pilot, lambda: view._prepared is not None and view._prepared.article.id == following.id
    )
    await pilot.pause(0.1)  # its first screen is laid out a moment later
    return view, following.id


async def test_the_next_article_prepared_while_reading_is_drawn_as_it_would_be_fresh(
    library: Library,
) -> None:
    tag_everything(library)
    async with make_app(library).run_test(size=SIZE) as pilot:
        view, following = await open_one_and_wait_until_the_next_is_prepared(pilot, library)
        await pilot.press("n")
        await wait_for(pilot, lambda: view.shown_id == following)
        await pilot.pause()
        prepared = drawn_body(view)
        title = view.query_one("#article-title", Static).visual
        # The same article drawn from scratch: nothing prepared, nothing laid out before.
        view.show_empty()
        view.show_article(library.get(following), library.stored_entities(following) or [])
        await pilot.pause()
        assert prepared == drawn_body(view)
        assert str(title) == str(view.query_one("#article-title", Static).visual)
        assert any(segment[0].strip() for line in prepared for segment in line)


async def test_a_name_followed_after_the_next_article_was_prepared_is_marked_in_it(
    library: Library,
) -> None:
    tag_everything(library)
    async with make_app(library).run_test(size=SIZE) as pilot:
        view, following = await open_one_and_wait_until_the_next_is_prepared(pilot, library)
        entities = library.stored_entities(following) or []
        person = next(entity for entity in entities if entity.label == "PERSON")
        view.set_watched(frozenset({entity_key(person)}))
        await pilot.press("n")
        await wait_for(pilot, lambda: view.shown_id == following)
        await pilot.pause()
        marked = {
            text.strip()
            for line in drawn_body(view)
            for text, style in line
            if isinstance(style, RichStyle) and style.underline
        }
        assert person.text in marked
