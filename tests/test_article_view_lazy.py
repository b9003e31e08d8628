"""A long article in the reader: laid out as it comes into view, yet seen whole and exactly.

The body of a 3,000-word article is drawn a block at a time; these tests read
what the article view draws on screen (the lines it hands the compositor) and
check that jumping, paging, searching and `end` show the right text in the
right place, deep in the article.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.strip import Strip

import newsread.entities
from newsread.library import Library
from newsread.library.entity_index import entity_key
from newsread.model import Entity, ParsedArticle
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_body import ArticleBody
from newsread.tui.widgets.article_view import ArticleView
from pilot_wait import wait_for

LibraryFactory = Callable[[Sequence[ParsedArticle]], Library]
SIZE = (120, 40)
NAME = "Ada Lovelace"
PARAGRAPHS = 60
FILLER = (
    "The committee met again on a wet morning to weigh the figures, and the clerks copied "
    "every column twice so that nothing would be lost before the engine was built. "
)


def paragraph(number: int) -> str:
    """About fifty words, with a word of its own (`marker7`) and the name in a few of them."""
    lead = f"{NAME} wrote the notes. " if number in (2, 31, PARAGRAPHS - 2) else ""
    return f"{lead}Paragraph marker{number} begins here. {FILLER}{FILLER}".strip()


BODY = "\n\n".join(
    [*(paragraph(number) for number in range(PARAGRAPHS - 1)), "The last zebra line ends it all."]
)
MENTIONS = [
    Entity(start, start + len(NAME), "PERSON", NAME)
    for start in (index for index in range(len(BODY)) if BODY.startswith(NAME, index))
]


@pytest.fixture
def long_library(make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch) -> Library:
    """One article of about 3,000 words naming one person three times (fixed entities)."""
    library = make_library([ParsedArticle("A very long letter", BODY, "long")])
    monkeypatch.setattr(library, "entities", lambda article_id: list(MENTIONS))
    monkeypatch.setattr(library, "stored_entities", lambda article_id: list(MENTIONS))
    monkeypatch.setattr(newsread.entities, "extract", lambda text: [])
    return library


def view_of(app: NewsreadApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def on_screen(view: ArticleView) -> list[Strip]:
    """The body's lines inside the article view's visible area, as they are drawn."""
    body = view.query_one(ArticleBody)
    top = body.virtual_region.y
    lines: list[Strip] = []
    for row in range(view.scrollable_content_region.height):
        y = round(view.scroll_y) + row - top
        if 0 <= y < body.size.height:
            lines.append(body.render_line(y))
    return lines


def visible_text(view: ArticleView) -> str:
    return "\n".join(strip.text for strip in on_screen(view))


async def open_long_article(pilot: Pilot[None]) -> ArticleView:
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    await wait_for(pilot, lambda: view_of(app).shown_id is not None)
    await pilot.press("enter")
    view = view_of(app)
    await wait_for(pilot, lambda: view.has_focus and "marker0" in visible_text(view))
    return view


async def test_jumping_to_the_last_mention_scrolls_to_it_and_highlights_it(
    long_library: Library,
) -> None:
    app = NewsreadApp(long_library, long_library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_long_article(pilot)
        key = entity_key(MENTIONS[-1])
        assert view.jump_to_mention(key, -1) == (len(MENTIONS), len(MENTIONS))
        current = view.get_component_rich_style("article-view--entity-current")

        def last_mention_highlighted() -> bool:
            highlighted = [
                segment.text
                for strip in on_screen(view)
                for segment in strip
                if segment.style is not None and segment.style.bgcolor == current.bgcolor
            ]
            return "".join(highlighted).strip() == NAME

        await wait_for(pilot, last_mention_highlighted)
        assert len(MENTIONS) == 3
        assert view.scroll_y > 0
        shown = visible_text(view)
        assert f"marker{PARAGRAPHS - 2}" in shown, "the last mention's paragraph is on screen"
        assert "marker2 " not in shown


async def test_end_shows_the_last_paragraph_and_home_the_first(long_library: Library) -> None:
    app = NewsreadApp(long_library, long_library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_long_article(pilot)
        await pilot.press("end")
        await wait_for(pilot, lambda: "The last zebra line ends it all." in visible_text(view))
        await wait_for(pilot, lambda: view.scroll_y == view.max_scroll_y)
        assert "The last zebra line ends it all." in visible_text(view)
        await pilot.press("home")
        await wait_for(pilot, lambda: "marker0" in visible_text(view))


async def test_paging_down_shows_every_paragraph_in_order(long_library: Library) -> None:
    app = NewsreadApp(long_library, long_library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_long_article(pilot)
        seen: list[str] = []
        for _ in range(200):
            seen.extend(visible_text(view).splitlines())
            if view.scroll_y >= view.max_scroll_y:
                break
            before = view.scroll_y
            await pilot.press("space")
            await wait_for(pilot, lambda: view.scroll_y != before)  # noqa: B023 (awaited here)
        text = "\n".join(seen)
        positions = [text.find(f"marker{number} ") for number in range(PARAGRAPHS - 1)]
        assert all(position >= 0 for position in positions), "no paragraph is skipped"
        assert positions == sorted(positions), "paragraphs come in order"
        assert "The last zebra line ends it all." in text


async def test_what_is_drawn_is_the_whole_body_laid_out_at_once(long_library: Library) -> None:
    app = NewsreadApp(long_library, long_library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_long_article(pilot)
        body = view.query_one(ArticleBody)
        await wait_for(pilot, lambda: body.laid_out and body.size.height > 150)
        console = Console(width=body.size.width, file=io.StringIO(), legacy_windows=False)
        whole = ["".join(s.text for s in line) for line in console.render_lines(body.content)]
        drawn = [body.render_line(y).text for y in range(body.size.height)]
        assert [line.rstrip() for line in drawn] == [line.rstrip() for line in whole]


async def test_a_search_word_at_the_end_of_the_article_is_highlighted(
    long_library: Library,
) -> None:
    app = NewsreadApp(long_library, long_library.path.parent)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_long_article(pilot)
        await pilot.press("slash", *"zebra", "enter")
        match = view.get_component_rich_style("article-view--search-match", partial=True)
        await pilot.press("tab")
        await wait_for(pilot, lambda: view.has_focus)
        await pilot.press("end")

        def zebra_highlighted() -> bool:
            return any(
                segment.text.strip().lower() == "zebra"
                and segment.style is not None
                and segment.style.bgcolor == match.bgcolor
                and segment.style.underline == match.underline
                for strip in on_screen(view)
                for segment in strip
            )

        await wait_for(pilot, zebra_highlighted)
