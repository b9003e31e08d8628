"""The reader as a person uses it: keys in, what the screen and the library show out."""

from __future__ import annotations

import io
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import cast

import pytest
from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from newsread.errors import LibraryError
from newsread.library import ArticleView as LibraryView
from newsread.library import Library, ViewQuery
from newsread.library.state import Flag, StateChange
from newsread.model import (
    Article,
    ArticleSummary,
    Entity,
    LibraryCounts,
    ParsedArticle,
    RelatedArticle,
)
from newsread.paths import database_path, ensure_config_dir
from newsread.tui.actions import ALL_ACTIONS, SCREEN_ACTIONS
from newsread.tui.app import NewsreadApp
from newsread.tui.commands import ReaderCommands
from newsread.tui.screens.help import HelpScreen
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from pilot_wait import wait_for

LibraryFactory = Callable[[Sequence[ParsedArticle]], Library]
SIZE = (120, 40)
SAMPLE_TITLES = (
    "Tesla’s Musk Responds as Nvidia Unveils Open-Source Rival for Autonomy",
    "Tesla Cybertruck sure looks similar to NASA’s Mars rover concept",
    "Nvidia CEO Jensen Huang explains difference between Tesla FSD and Alpamayo",
    "Elon Musk confirms xAI’s purchase of five 380 MW natural gas turbines",
    "Elon Musk’s xAI closes upsized $20B Series E funding round",
)


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, library_dir(library))


def library_dir(library: Library) -> Path:
    return Path(library.path).parent


def reader(app: NewsreadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def article_list(app: NewsreadApp) -> ArticleList:
    return app.screen.query_one(ArticleList)


def article_view(app: NewsreadApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def list_rows(app: NewsreadApp) -> list[str]:
    """The article list's lines as drawn (marks, title, source), without trailing blanks."""
    widget = article_list(app)
    lines = [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def screen_text(app: NewsreadApp) -> str:
    """Everything on the terminal right now, as plain text."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None
    )
    # The compositor holds the frame the user sees, toasts and modal screens included.
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def shown_title(app: NewsreadApp) -> str:
    title = article_view(app).query_one("#article-title", Static)
    return str(title.content)


def current_title(app: NewsreadApp) -> str | None:
    current = article_list(app).current
    return current.title if current is not None else None


def summaries(library: Library) -> list[ArticleSummary]:
    return library.list_articles(ViewQuery())


async def settle(pilot: Pilot[None]) -> None:
    """Let coalesced previews and searches run."""
    await pilot.pause(0.15)


async def test_list_shows_every_sample_and_previews_the_first(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        rows = list_rows(app)
        assert len(rows) == len(SAMPLE_TITLES)
        for title in SAMPLE_TITLES:
            assert any(title[:28] in row for row in rows), title
        assert all(row.startswith("●") for row in rows)
        assert all(row.endswith("Samples") for row in rows)
        first = summaries(library)[0]
        assert article_view(app).shown_id == first.id
        assert shown_title(app) == first.title
        assert app.screen.focused is article_list(app)
        assert "5 articles · 5 unread · 0 bookmarked · filter: all" in screen_text(app)
        assert not library.get(first.id).read, "previewing must not mark read"


async def test_j_k_and_arrows_move_the_cursor_and_preview(library: Library) -> None:
    ids = [summary.id for summary in summaries(library)]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for key, expected in (("j", 1), ("down", 2), ("j", 3), ("k", 2), ("up", 1)):
            await pilot.press(key)
            await settle(pilot)
            assert article_list(app).cursor == expected, key
            assert article_view(app).shown_id == ids[expected], key
        await pilot.press("G")
        assert article_list(app).cursor == len(ids) - 1
        await pilot.press("g")
        assert article_list(app).cursor == 0
        await pilot.press("k")
        assert article_list(app).cursor == 0, "the cursor stops at the top"
        await settle(pilot)
        assert library.counts().unread == len(ids), "moving never marks read"


async def test_holding_j_coalesces_previews_and_ends_on_the_last_row(library: Library) -> None:
    ids = [summary.id for summary in summaries(library)]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*"jjjjjjjj")
        await settle(pilot)
        assert article_list(app).cursor == len(ids) - 1
        assert article_view(app).shown_id == ids[-1]


async def test_enter_opens_marks_read_and_focuses_the_article(library: Library) -> None:
    second = summaries(library)[1]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert library.get(second.id).read
        assert list_rows(app)[1].startswith(" "), "the unread dot goes away"
        assert list_rows(app)[0].startswith("●")
        assert app.screen.focused is article_view(app)
        assert article_view(app).shown_id == second.id
        assert "4 unread" in str(reader(app).sub_title)


async def test_double_click_opens_the_clicked_article(library: Library) -> None:
    third = summaries(library)[2]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.double_click(ArticleList, offset=(10, 2))
        await pilot.pause()
        assert article_list(app).cursor == 2
        assert library.get(third.id).read


async def test_b_toggles_the_bookmark_and_its_star(library: Library) -> None:
    first = summaries(library)[0]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert library.get(first.id).bookmarked
        assert list_rows(app)[0].startswith("● ★")
        assert "1 bookmarked" in str(reader(app).sub_title)
        await pilot.press("b")
        await pilot.pause()
        assert not library.get(first.id).bookmarked
        assert "★" not in list_rows(app)[0]


async def test_m_toggles_read_and_unread(library: Library) -> None:
    first = summaries(library)[0]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert library.get(first.id).read
        assert list_rows(app)[0].startswith(" ")
        assert "4 unread" in str(reader(app).sub_title)
        await pilot.press("m")
        await pilot.pause()
        assert not library.get(first.id).read
        assert list_rows(app)[0].startswith("●")


async def test_shift_a_marks_every_article_in_the_view_read(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("A")
        await settle(pilot)
        assert library.counts().unread == 0
        assert not any(row.startswith("●") for row in list_rows(app))
        assert "0 unread" in str(reader(app).sub_title)
        assert "Marked 5 articles read." in screen_text(app)


async def test_f_cycles_all_unread_bookmarked(library: Library) -> None:
    ids = [summary.id for summary in summaries(library)]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "j", "enter", "tab", "k")  # read the third, stand on the second
        await pilot.press("f")
        await pilot.pause()
        rows = list_rows(app)
        assert len(rows) == 4
        assert not any(SAMPLE_TITLES[2][:28] in row for row in rows)
        assert "filter: unread" in str(reader(app).sub_title)
        assert article_list(app).current_id == ids[1], "the cursor stays on its article"
        await pilot.press("f")
        await pilot.pause()
        assert "filter: bookmarked" in str(reader(app).sub_title)
        message = " ".join(row.strip() for row in list_rows(app))
        assert message == "No bookmarks yet. Press b on an article to add one."
        assert article_view(app).shown_id is None
        await pilot.press("f")
        await pilot.pause()
        assert len(list_rows(app)) == 5
        assert "filter: all" in str(reader(app).sub_title)


async def test_search_narrows_live_and_escape_restores(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash")
        search = reader(app).search_bar
        assert search.display and app.screen.focused is search
        await pilot.press(*"cybertruck")
        await settle(pilot)
        rows = list_rows(app)
        assert len(rows) == 1
        assert "Tesla Cybertruck" in rows[0]
        assert "search: cybertruck" in str(reader(app).sub_title)
        await pilot.press("enter")
        assert app.screen.focused is article_list(app)
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(list_rows(app)) == 5
        assert not search.display
        assert search.value == ""
        assert app.screen.focused is article_list(app)


async def test_typing_a_key_letter_in_search_does_not_run_its_action(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash", "b", "q", "A")
        await settle(pilot)
        assert app.is_running
        assert reader(app).search_bar.value == "bqA"
        assert library.counts().bookmarked == 0
        assert library.counts().unread == 5


async def test_n_and_p_open_the_next_and_previous_unread(library: Library) -> None:
    ids = [summary.id for summary in summaries(library)]
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")  # the first is read: n skips nothing, p has nothing before
        await pilot.press("n")
        await pilot.pause()
        assert article_list(app).cursor == 1
        assert library.get(ids[1]).read
        assert article_view(app).shown_id == ids[1]
        await pilot.press("tab", "G", "p")  # unread now: 2, 3, 4
        await pilot.pause()
        assert article_list(app).cursor == 3
        assert library.get(ids[3]).read
        await pilot.press("p")
        await pilot.pause()
        assert article_list(app).cursor == 2
        await pilot.press("p")
        await settle(pilot)
        assert article_list(app).cursor == 2, "nothing unread before: the cursor stays"
        assert "No unread article before this one." in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert article_list(app).cursor == 4
        assert library.counts().unread == 0


async def test_tab_switches_between_the_list_and_the_article(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.focused is article_list(app)
        await pilot.press("tab")
        assert app.screen.focused is article_view(app)
        await pilot.press("tab")
        assert app.screen.focused is article_list(app)


async def test_space_pages_down_the_article_from_either_pane(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        view = article_view(app)
        assert view.scroll_y == 0
        assert view.max_scroll_y > 0, "the sample is longer than the screen"
        await pilot.press("space")
        await pilot.pause()
        first_page = view.scroll_y
        assert first_page > 0
        assert app.screen.focused is article_list(app)
        await pilot.press("tab", "space")
        await pilot.pause()
        assert view.scroll_y > first_page or view.scroll_y == view.max_scroll_y


async def test_help_lists_every_key_and_closes(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in ("j", "k", "↓", "↑", "enter", "tab", "space", "n", "p", "b", "m", "A"):
            assert f" {key} " in text or f" {key}\n" in text, key
        for key in ("/", "f", "o", "?", "q"):
            assert f" {key} " in text, key
        for spec in ALL_ACTIONS:
            assert spec.description in text, spec.id
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        for close in ("q", "question_mark"):
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press(close)
            assert isinstance(app.screen, ReaderScreen)
        assert app.is_running, "q closes help, it does not quit"


async def test_help_screen_ignores_reader_keys(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("question_mark", "b", "m")
        await pilot.pause()
        assert library.counts().bookmarked == 0
        assert library.counts().unread == 5


async def test_q_quits(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_o_opens_only_web_links(
    make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = make_library(
        [
            ParsedArticle("On the web", "Body.", "1", url="https://example.org/story"),
            ParsedArticle("Sneaky link", "Body.", "2", url="javascript:alert(1)"),
            ParsedArticle("Offline", "Body.", "3"),
        ]
    )
    app = make_app(library)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for title in ("On the web", "Sneaky link", "Offline"):
            await pilot.press("g")
            while current_title(app) != title:
                await pilot.press("j")
            await pilot.press("o")
            await pilot.pause()
            if title == "On the web":
                assert opened == ["https://example.org/story"]
            else:
                assert "This article has no web link." in screen_text(app)
        assert opened == ["https://example.org/story"]


async def test_library_errors_become_notifications(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> int:
        raise LibraryError("database is locked")

    monkeypatch.setattr(library, "change_bookmarked", refuse)
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert app.is_running
        text = screen_text(app)
        assert "Library error" in text
        assert "database is locked" in text


async def test_state_survives_a_relaunch(config_dir: Path) -> None:
    path = database_path(ensure_config_dir(config_dir))
    with Library.open(path) as library:
        library.add_sample_articles()
        app = make_app(library)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await wait_for(pilot, lambda: article_list(app).current_id is not None)
            await pilot.press("enter", "tab", "j", "j", "b", "j", "m", "q")
        before = [(s.id, s.read, s.bookmarked) for s in summaries(library)]
    with Library.open(path) as library:
        assert [(s.id, s.read, s.bookmarked) for s in summaries(library)] == before
        app = make_app(library)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            rows = list_rows(app)
            assert rows[0].startswith("  ") and rows[1].startswith("● ")
            assert rows[2].startswith("● ★")
            assert rows[3].startswith("  ") and rows[4].startswith("● ")
            assert "3 unread · 1 bookmarked" in str(reader(app).sub_title)


HOSTILE_TITLES = ("[/bold] a [/ b [@click=app.quit]x", "\x1b]0;pwned\x07 Title with OSC")


@pytest.mark.parametrize("title", HOSTILE_TITLES)
async def test_hostile_titles_show_literally_and_do_nothing(
    make_library: LibraryFactory, title: str
) -> None:
    body = "Body with [bold]markup[/bold] and [@click=app.quit]a link[/] and \x1b[31mred\x1b[0m."
    library = make_library([ParsedArticle(title, body, "hostile")])
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.click(ArticleList, offset=(10, 0))
        await pilot.press("enter")
        await pilot.click(ArticleView, offset=(10, 3))
        await pilot.pause()
        assert app.is_running
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        visible_title = title.replace("\x1b]0;", "").replace("\x07", "").strip()
        if title.startswith("["):
            assert visible_title[:25] in list_rows(app)[0]
            assert visible_title in shown_title(app)
        else:
            assert "pwned" in shown_title(app)
            assert "\x1b" not in shown_title(app)
        assert "[bold]markup[/bold]" in text
        assert "[@click=app.quit]a link[/]" in text


def fake_rows(rowids: Sequence[int]) -> list[ArticleSummary]:
    return [
        ArticleSummary(f"{rowid:x}", f"Article {rowid}", "Bulk", None, "", rowid % 2 == 0, False)
        for rowid in rowids
    ]


class BulkLibrary:
    """Stands in for a `Library` of 100,000 generated articles, counting rows fetched."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.rows_fetched = 0
        self.read: set[int] = set()
        self.notices: tuple[str, ...] = ()

    def _rowid(self, article_id: str) -> int:
        return int(article_id, 16)

    def view(self, query: ViewQuery) -> LibraryView:
        return LibraryView(query, array("q", range(1, self.size + 1)))

    def summaries(self, rowids: Sequence[int]) -> list[ArticleSummary]:
        self.rows_fetched += len(rowids)
        return [
            ArticleSummary(
                f"{rowid:x}",
                f"Generated article {rowid}",
                "Bulk",
                None,
                "",
                rowid in self.read,
                False,
            )
            for rowid in rowids
        ]

    def counts(self) -> LibraryCounts:
        return LibraryCounts(self.size, self.size - len(self.read), 0)

    def next_unread(self, view: LibraryView, position: int, step: int) -> int | None:
        position += step
        while 0 <= position < len(view):
            if view.rowids[position] not in self.read:
                return position
            position += step
        return None

    def get(self, article_id: str) -> Article:
        rowid = self._rowid(article_id)
        return Article(article_id, f"Generated article {rowid}", f"Body of {rowid}.", "Bulk")

    def entities(self, article_id: str) -> list[Entity]:
        return []

    def stored_entities(self, article_id: str) -> list[Entity] | None:
        return []

    def preference(self, name: str) -> str | None:
        return None

    def newest_seq(self) -> int:
        return self.size

    def watched_keys(self) -> frozenset[str]:
        return frozenset()

    def watched_rowids(self, rowids: Sequence[int]) -> set[int]:
        return set()

    def related(self, article_id: str, limit: int = 5) -> list[RelatedArticle]:
        return []

    def change_read(self, article_ids: Iterable[str], read: bool) -> StateChange:
        ids = [
            article_id
            for article_id in article_ids
            if (self._rowid(article_id) in self.read) != read
        ]
        rowids = {self._rowid(article_id) for article_id in ids}
        self.read = self.read | rowids if read else self.read - rowids
        return StateChange(Flag.READ, read, tuple(ids), (None,) * len(ids))


async def test_a_hundred_thousand_articles_stay_instant() -> None:
    bulk = BulkLibrary(100_000)
    app = NewsreadApp(cast(Library, bulk), Path("unused"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widgets_at_start = len(app.screen.query("*"))
        started = time.perf_counter()
        await pilot.press("G", "k", "k", "pageup", "pageup", "j")
        await pilot.press("g", "pagedown", "pagedown", "end", "home", *"jjjjjjjjjj")
        elapsed = time.perf_counter() - started
        await settle(pilot)
        assert article_list(app).cursor == 10
        await pilot.press("G", "enter")
        await pilot.pause()
        assert bulk.read == {100_000}
        assert "100,000 articles · 99,999 unread" in str(reader(app).sub_title)
        assert list_rows(app)[-1].startswith("    Generated article 100000")
        assert len(app.screen.query("*")) < widgets_at_start + 20, "no widget per row"
        assert bulk.rows_fetched < 2_000, "only the rows near the screen are fetched"
        assert elapsed < 20, f"22 keypresses took {elapsed:.1f}s"


async def test_article_list_draws_from_a_fake_row_source_without_fetching_everything() -> None:
    fetched: list[int] = []

    def fetch(rowids: Sequence[int]) -> list[ArticleSummary]:
        fetched.extend(rowids)
        return fake_rows(rowids)

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleList(fetch)

    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        widget = app.query_one(ArticleList)
        widget.set_view(LibraryView(ViewQuery(), array("q", range(100_000))))
        widget.focus()
        await pilot.press("end")
        assert widget.cursor == 99_999
        assert widget.scroll_offset.y == 99_999 - widget.size.height + 1
        assert widget.render_line(widget.size.height - 1).text.startswith("●   Article 99999 ")
        await pilot.press("up", "home", "down")
        assert widget.cursor == 1
        assert widget.render_line(1).text.startswith("●   Article 1 ")
        assert widget.render_line(0).text.startswith("    Article 0 "), "even rows are read"
        assert len(fetched) <= 4 * 64, "a few pages, never the whole list"


async def test_command_palette_offers_every_reader_action(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        provider = ReaderCommands(app.screen)
        discovered = [hit.text async for hit in provider.discover()]
        assert discovered == [spec.description for spec in SCREEN_ACTIONS]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"bookmark")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert library.counts().bookmarked == 1
        assert list_rows(app)[0].startswith("● ★")


async def test_entity_colours_follow_the_theme(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = article_view(app)

        def meta_styles() -> set[str]:
            meta = view.query_one("#article-meta", Static).content
            assert isinstance(meta, Text)
            return {str(span.style) for span in meta.spans}

        before = view.entity_styles()
        assert str(before["PERSON"]) in meta_styles(), "the first sample names people"
        app.theme = "textual-light"
        await pilot.pause(0.2)
        after = view.entity_styles()
        assert after["PERSON"] != before["PERSON"]
        assert str(after["PERSON"]) in meta_styles()
        assert str(before["PERSON"]) not in meta_styles()


async def test_keys_can_be_remapped_by_binding_id(library: Library) -> None:
    app = make_app(library)
    app.set_keymap({"bookmark": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert library.counts().bookmarked == 0
        await pilot.press("x")
        await pilot.pause()
        assert library.counts().bookmarked == 1
