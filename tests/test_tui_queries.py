"""The filter bar's query language, saved queries as virtual sources, sorting and grouping."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from newsread.config import Config, ReaderConfig, SavedQuery
from newsread.library import Library, ViewQuery
from newsread.library.source_labels import SourceLabels
from newsread.library.store import SAMPLE_SOURCE_KEY
from newsread.library.views import SortOrder
from newsread.model import Source, SourceKind
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.widgets.search_bar import QueryProblem
from newsread.tui.widgets.source_list import QueryEntry, TagHeading
from pilot_wait import wait_for

SIZE = (120, 40)
SnapCompare = Callable[..., bool]
TURBINES = "Elon Musk confirms xAI’s purchase of five 380 MW natural gas turbines"
XAI_TITLES = {TURBINES, "Elon Musk’s xAI closes upsized $20B Series E funding round"}


def make_app(library: Library, config: Config | None = None) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent, config=config)


def reader(app: NewsreadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def titles(screen: ReaderScreen) -> list[str]:
    rows = screen.article_list
    return [row.title for index in range(len(rows.view)) if (row := rows.row(index))]


async def type_in_bar(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_bar_takes_a_query_and_highlights_its_words(library: Library) -> None:
    turbines = next(row for row in library.list_articles(ViewQuery()) if row.title == TURBINES)
    library.set_bookmarked([turbines.id], True)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await type_in_bar(pilot, "xai -bookmarked unread source:samples")
        assert titles(screen) == sorted(XAI_TITLES - {TURBINES})
        assert screen.view_query.search == ""
        assert "query: xai -bookmarked unread source:samples" in screen.sub_title
        # The word is still highlighted in the article, the negated flag is not a word.
        pattern = screen.article_view._search_pattern
        assert pattern is not None and pattern.search("xAI")
        assert not pattern.search("bookmarked")


async def test_plain_words_stay_a_search(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await type_in_bar(pilot, "turbines")
        assert screen.view_query.search == "turbines"
        assert screen.view_query.query == ""
        assert titles(screen) == [TURBINES]


async def test_a_malformed_query_is_named_and_the_list_keeps_its_rows(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await type_in_bar(pilot, "xai")
        assert set(titles(screen)) == XAI_TITLES
        await pilot.press("slash")
        screen.search_bar.value = "xai colour:red"  # as if pasted: no good query on the way
        await pilot.press("enter")
        await pilot.pause()
        problem = app.screen.query_one("#query-problem", QueryProblem)
        assert problem.display
        assert "unknown field 'colour:'" in str(problem.render())
        assert screen.search_bar.has_class("-query-problem")
        assert set(titles(screen)) == XAI_TITLES
        # Fixing it clears the message.
        await pilot.press("slash", *["backspace"] * len("colour:red"), "enter")
        await pilot.pause()
        assert not problem.display
        assert not screen.search_bar.has_class("-query-problem")


SAVED = (
    SavedQuery("xai stories", "xai"),
    SavedQuery("broken", "colour:red"),
    SavedQuery("nvidia unread", "@nv unread"),
    SavedQuery("nv", "nvidia"),
)


async def test_saved_queries_head_the_source_list_with_counts(library: Library) -> None:
    app = make_app(library, Config(queries=SAVED))
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.press("s")
        sources = screen.source_list
        await wait_for(pilot, lambda: all(q.count is not None or q.error for q in sources.queries))
        counts = {entry.name: (entry.count, entry.error) for entry in sources.queries}
        assert counts["xai stories"] == (2, None)
        assert counts["nv"] == (3, None)
        assert counts["nvidia unread"] == (3, None)  # `@nv` stands for the saved query
        error = counts["broken"][1]
        assert error is not None and "unknown field" in error
        lines = [str(sources.get_option_at_index(i).prompt) for i in range(sources.option_count)]
        assert lines[0].startswith("⌕ xai stories") and lines[0].rstrip().endswith("2")
        assert "unknown field" in lines[1]
        assert "Samples" in lines[len(SAVED)]
        assert isinstance(sources.current_entry, QueryEntry)

        await pilot.press("enter")
        await pilot.pause()
        assert set(titles(screen)) == XAI_TITLES
        assert screen.sub_title.startswith("query: xai stories")
        await pilot.press("escape")
        await pilot.pause()
        assert sources.display and sources.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(screen)) == 5
        assert not screen.sub_title.startswith("query:")


async def test_a_broken_saved_query_says_why_instead_of_opening(library: Library) -> None:
    app = make_app(library, Config(queries=SAVED))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        await pilot.press("s", "j", "enter")
        await pilot.pause()
        assert screen.source_list.display
        messages = [note.message for note in app._notifications]
        assert any("unknown field" in message for message in messages)


async def test_group_by_tag_lists_sources_under_their_tags(library: Library) -> None:
    library.add_source(Source("test:other", SourceKind.FILE, "Other"))
    library.apply_source_labels(
        lambda key: SourceLabels(tags=("tech", "cars") if key == SAMPLE_SOURCE_KEY else ())
    )
    app = make_app(library, Config(reader=ReaderConfig(group="tag")))
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.pause()
        sources = screen.source_list
        assert sources.display  # grouped: the sidebar opens on the sources
        lines = [
            entry.tag if isinstance(entry, TagHeading) else entry.title  # type: ignore[union-attr]
            for entry in sources._entries
        ]
        assert lines == ["cars", "Samples", "tech", "Samples", "untagged", "Other"]


async def test_s_cycles_the_sort_and_the_choice_is_remembered(library: Library) -> None:
    app = make_app(library, Config(reader=ReaderConfig(sort="title")))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        assert screen.view_query.sort is SortOrder.TITLE  # config's order, nothing chosen yet
        first = titles(screen)
        assert first == sorted(first, key=str.lower)
        await pilot.press("S")
        await pilot.pause()
        assert screen.view_query.sort is SortOrder.DATE
        await pilot.press("S")
        await pilot.pause()
        assert screen.view_query.sort is SortOrder.UNREAD_FIRST
        assert "sort: unread first" in screen.sub_title
        assert any(note.message == "Sort: unread first" for note in app._notifications)
    assert library.preference("sort") == "unread-first"
    again = make_app(library, Config(reader=ReaderConfig(sort="title")))
    async with again.run_test(size=SIZE):
        assert reader(again).view_query.sort is SortOrder.UNREAD_FIRST


def test_snapshot_source_list_with_saved_queries(
    snap_compare: SnapCompare, library: Library
) -> None:
    async def open_sources(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        sources = reader(pilot.app).source_list  # type: ignore[arg-type]
        await wait_for(pilot, lambda: all(q.count is not None or q.error for q in sources.queries))
        await pilot.pause(0.3)

    app = make_app(library, Config(queries=SAVED))
    assert snap_compare(app, terminal_size=SIZE, run_before=open_sources)


def test_snapshot_list_sorted_by_title(snap_compare: SnapCompare, library: Library) -> None:
    async def settle(pilot: Pilot[None]) -> None:
        await pilot.pause(0.3)

    app = make_app(library, Config(reader=ReaderConfig(sort="title")))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
