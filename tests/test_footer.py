"""The key bar: it shows the keys of whatever has focus, and is not rebuilt when they stay alike."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from newsread.library import Library
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_view import ArticleView
from pilot_wait import wait_for

SIZE = (120, 40)


def footer_keys(app: NewsreadApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def descriptions(app: NewsreadApp) -> list[str]:
    return [key.description for key in footer_keys(app)]


async def test_opening_an_article_keeps_the_same_keys_without_rebuilding_them(
    library: Library,
) -> None:
    app = NewsreadApp(library, Path(library.path).parent)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: view.shown_id is not None and "Open" in descriptions(app))
        before = footer_keys(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: view.has_focus)
        await pilot.pause(0.2)
        await pilot.press("tab")
        await wait_for(pilot, lambda: not view.has_focus)
        await pilot.pause(0.2)
        after = footer_keys(app)
        assert [key.description for key in after] == [key.description for key in before]
        assert all(old is new for old, new in zip(before, after, strict=True)), (
            "the same key widgets stay mounted"
        )


async def test_the_search_bar_shows_its_own_keys_and_the_list_gets_them_back(
    library: Library,
) -> None:
    app = NewsreadApp(library, Path(library.path).parent)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Open" in descriptions(app))
        await pilot.press("slash")
        await wait_for(pilot, lambda: "Close search" in descriptions(app))
        assert "Open" not in descriptions(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Open" in descriptions(app))
        assert "Close search" not in descriptions(app)
