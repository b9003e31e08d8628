"""Links in the reader: `o` opens the article's link, `y` copies it, `L` lists the body's links."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pytest
from rich.console import Console
from textual.widgets import OptionList

from newsread.library import Library
from newsread.model import ParsedArticle
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.links import LinksScreen
from newsread.tui.screens.reader import ReaderScreen

LibraryFactory = Callable[[Sequence[ParsedArticle]], Library]
SIZE = (120, 40)

LINKED_BODY = (
    "See [the **full** report](https://example.org/report) and "
    "[\\[bold\\]odd [@click=app.quit]title](https://example.org/odd).\n\n"
    "Never [this](javascript:alert(1)) nor [that](file:///etc/passwd) nor [rel](/about).\n\n"
    "Also <https://example.org/auto> and [the report again](https://example.org/report)."
)


class Recorder:
    """Stands in for `App.open_url` and `App.copy_to_clipboard`, remembering each call."""

    def __init__(self, app: NewsreadApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[str] = []
        self.copied: list[str] = []
        monkeypatch.setattr(app, "open_url", lambda url, **_: self.opened.append(url))
        monkeypatch.setattr(app, "copy_to_clipboard", self.copied.append)


def screen_text(app: NewsreadApp) -> str:
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def messages(app: NewsreadApp) -> list[str]:
    return [note.message for note in app._notifications]


@pytest.fixture
def linked(make_library: LibraryFactory) -> Library:
    return make_library(
        [
            ParsedArticle(
                "Linked story",
                LINKED_BODY,
                "1",
                url="https://example.org/story",
                published="2024-01-02T00:00:00Z",
            ),
            ParsedArticle("Plain story", "No links here.", "2", published="2024-01-01T00:00:00Z"),
        ]
    )


async def test_y_copies_the_article_link_and_says_so(
    linked: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsreadApp(linked, linked.path.parent)
    calls = Recorder(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert calls.copied == ["https://example.org/story"]
        assert "Copied https://example.org/story" in messages(app)
        await pilot.press("j", "y", "o")
        await pilot.pause()
        assert calls.copied == ["https://example.org/story"], "no link: nothing copied"
        assert calls.opened == []
        assert messages(app)[-2:] == ["This article has no web link."] * 2


async def test_capital_l_lists_web_links_in_order_once_each(
    linked: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsreadApp(linked, linked.path.parent)
    calls = Recorder(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts == [
            "the full report\nhttps://example.org/report",
            "[bold]odd [@click=app.quit]title\nhttps://example.org/odd",
            "https://example.org/auto",
        ]
        shown = "\n".join(options.render_line(y).text for y in range(options.size.height))
        assert "[bold]odd [@click=app.quit]title" in shown, "link text is shown literally"
        assert "the full report" in screen_text(app)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert calls.opened == ["https://example.org/odd"]
        assert app.is_running
        await pilot.press("j", "y")
        await pilot.pause()
        assert calls.copied == ["https://example.org/auto"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert linked.counts().unread == 2, "looking at links does not mark read"


async def test_capital_l_without_links_says_so(
    linked: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsreadApp(linked, linked.path.parent)
    calls = Recorder(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "L")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert messages(app) == ["No links in this article."]
        assert calls.opened == calls.copied == []


async def test_o_opens_the_article_link(linked: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    app = NewsreadApp(linked, linked.path.parent)
    calls = Recorder(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert calls.opened == ["https://example.org/story"]
