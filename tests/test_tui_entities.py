"""Browsing by entity in the reader: the panel, a name's articles, following, related, columns."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.style import Style
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from newsread.library import Library, ViewQuery
from newsread.model import ArticleSummary
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView
from newsread.tui.widgets.entity_panel import EntityPanel

SIZE = (120, 40)
SnapCompare = Callable[..., bool]
NVIDIA_ARTICLE = "Nvidia CEO Jensen Huang explains difference between Tesla FSD and Alpamayo"
TURBINES = "Elon Musk confirms xAI’s purchase of five 380 MW natural gas turbines"
FUNDING = "Elon Musk’s xAI closes upsized $20B Series E funding round"


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent)


def reader(app: NewsreadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def panel(app: NewsreadApp) -> EntityPanel:
    return reader(app).entity_panel


def article_list(app: NewsreadApp) -> ArticleList:
    return app.screen.query_one(ArticleList)


def article_view(app: NewsreadApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def list_rows(app: NewsreadApp) -> list[str]:
    widget = article_list(app)
    lines = [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
    return [line for line in lines if line]


def panel_lines(app: NewsreadApp) -> list[str]:
    widget = panel(app)
    return [widget.render_line(y).text.strip() for y in range(widget.size.height)]


def position_of(library: Library, title: str) -> int:
    titles = [summary.title for summary in library.list_articles(ViewQuery())]
    return titles.index(title)


def summary_titled(library: Library, title: str) -> ArticleSummary:
    return next(s for s in library.list_articles(ViewQuery()) if s.title == title)


async def settle(pilot: Pilot[None]) -> None:
    """Let previews, workers and messages run."""
    await pilot.pause(0.2)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)


async def go_to(pilot: Pilot[None], library: Library, title: str) -> None:
    """Move the list's cursor onto the article titled `title` and let it preview."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    article_list(app).focus()
    await pilot.press("g", *["j"] * position_of(library, title))
    await settle(pilot)
    assert article_view(app).shown_id == summary_titled(library, title).id


async def choose_in_panel(pilot: Pilot[None], name: str) -> None:
    """Focus the panel and move its highlight onto `name`."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    names = [entity.name for entity in panel(app).entities]
    panel(app).focus()
    await pilot.press("home", *["j"] * names.index(name))
    await settle(pilot)
    current = panel(app).current
    assert current is not None and current.name == name


def styled_spans(view: ArticleView, style: Style) -> list[str]:
    """The texts of the laid-out body drawn with `style`'s background, in order."""
    body = view.query_one("#article-body", Static)
    console = Console(width=body.content_region.width, file=io.StringIO())
    found: list[str] = []
    for line in console.render_lines(body.content, console.options):
        for segment in line:
            if segment.style is not None and segment.style.bgcolor == style.bgcolor:
                found.append(segment.text)
    return found


async def test_panel_lists_the_articles_names_grouped_with_counts(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        assert not panel(app).display
        await pilot.press("e")
        await settle(pilot)
        assert panel(app).display and panel(app).has_focus
        counts = {entity.name: entity.mentions for entity in panel(app).entities}
        for name in ("Jensen Huang", "Tesla", "Nvidia", "Alpamayo", "FSD"):
            assert counts[name] > 0, name
        article_id = summary_titled(library, NVIDIA_ARTICLE).id
        assert counts == {e.name: e.mentions for e in library.article_entities(article_id)}
        lines = panel_lines(app)
        assert lines.index("People") < lines.index("Organisations") < lines.index("Products")
        people = lines[lines.index("People") + 1 : lines.index("People") + 3]
        assert people[0].split() == ["Jensen", "Huang", str(counts["Jensen Huang"])]
        assert people[0].endswith(str(counts["Jensen Huang"]))
        organisations = lines[lines.index("Organisations") + 1]
        assert organisations.split() == ["Nvidia", str(counts["Nvidia"])], "most mentioned first"
        await pilot.press("e")
        await settle(pilot)
        assert not panel(app).display


async def test_moving_in_the_panel_highlights_that_names_mentions(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        await pilot.press("e")
        await settle(pilot)
        view = article_view(app)
        chosen = view.get_component_rich_style("article-view--entity-chosen")
        await choose_in_panel(pilot, "Alpamayo")
        assert view.chosen_key == "alpamayo"
        marked = styled_spans(view, chosen)
        assert marked and set(marked) == {"Alpamayo"}
        await choose_in_panel(pilot, "Jensen Huang")
        assert set(styled_spans(view, chosen)) <= {"Jensen Huang", "Huang", "Jensen", " "}
        assert "Alpamayo" not in styled_spans(view, chosen)


async def test_enter_and_shift_enter_jump_between_mentions_and_scroll(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        await pilot.press("e")
        await settle(pilot)
        view = article_view(app)
        await choose_in_panel(pilot, "Elon Musk")
        total = len(view.mentions("elon musk"))
        assert total >= 2
        current = view.get_component_rich_style("article-view--entity-current")
        body = view.query_one("#article-body", Static)

        def mention_visible() -> bool:
            console = Console(width=body.content_region.width, file=io.StringIO())
            lines = console.render_lines(body.content, console.options)
            for number, line in enumerate(lines):
                if any(seg.style and seg.style.bgcolor == current.bgcolor for seg in line):
                    top = body.virtual_region.y + body.styles.padding.top + number
                    return (
                        view.scroll_y <= top < view.scroll_y + view.scrollable_content_region.height
                    )
            return False

        await pilot.press("enter")
        await settle(pilot)
        assert view.current_mention == (1, total)
        assert mention_visible()
        await pilot.press("enter")
        await settle(pilot)
        assert view.current_mention == (2, total)
        assert view.scroll_y > 0, "the later mention is further down"
        assert mention_visible()
        second = view.scroll_y
        await pilot.press("shift+enter")
        await settle(pilot)
        assert view.current_mention == (1, total)
        assert mention_visible()
        assert view.scroll_y < second
        await pilot.press("shift+enter")
        await settle(pilot)
        assert view.current_mention == (total, total), "going back from the first wraps round"


async def test_a_lists_every_article_mentioning_the_name_and_escape_returns(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        before = article_list(app).cursor
        await pilot.press("e")
        await settle(pilot)
        await choose_in_panel(pilot, "Alpamayo")
        await pilot.press("a")
        await settle(pilot)
        rows = list_rows(app)
        assert len(rows) == 2
        assert any(NVIDIA_ARTICLE[:20] in row for row in rows)
        assert any(row.startswith("●") and "×6" in row for row in rows)
        assert any("×3" in row for row in rows)
        assert "mentioning Alpamayo" in reader(app).sub_title
        assert article_list(app).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert len(list_rows(app)) == 5
        assert article_list(app).cursor == before
        assert "mentioning" not in reader(app).sub_title
        assert not any("×" in row for row in list_rows(app))


async def test_a_and_w_on_a_percentage_explain_that_only_names_are_indexed(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        await pilot.press("e")
        await settle(pilot)
        percentage = next(e for e in panel(app).entities if e.label == "PERCENT")
        await choose_in_panel(pilot, percentage.name)
        await pilot.press("a", "w")
        await settle(pilot)
        assert len(list_rows(app)) == 5, "the list is not narrowed to an unindexed number"
        assert "mentioning" not in reader(app).sub_title
        assert library.watched_keys() == frozenset()
        messages = [n.message for n in app._notifications]
        assert (
            messages.count(
                "Only names are indexed: choose a person, organisation, place, product or event."
            )
            == 2
        )


async def test_elon_musk_is_in_all_five_and_the_filter_composes_with_unread(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        await pilot.press("e")
        await settle(pilot)
        await choose_in_panel(pilot, "Elon Musk")
        await pilot.press("a")
        await settle(pilot)
        assert len(list_rows(app)) == 5
        library.set_read([summary_titled(library, TURBINES).id], True)
        await pilot.press("f")
        await settle(pilot)
        assert len(list_rows(app)) == 4
        assert "mentioning Elon Musk" in reader(app).sub_title


async def test_related_articles_of_the_turbines_story_include_the_funding_story(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, library, TURBINES)
        view = article_view(app)
        related = [item.article.title for item in view.related]
        assert related[0] == FUNDING
        assert len(related) <= 5
        section = str(view.query_one("#article-related", Static).content)
        assert f"1  {FUNDING}" in section
        view.focus()
        await pilot.press("1")
        await settle(pilot)
        funding = summary_titled(library, FUNDING)
        assert article_list(app).current_id == funding.id
        assert view.shown_id == funding.id
        assert library.get(funding.id).read, "opening a related article reads it"


async def test_following_xai_marks_both_stories_and_lasts(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to(pilot, library, TURBINES)
        assert not any(row[1] == "◆" for row in list_rows(app))
        await pilot.press("e")
        await settle(pilot)
        await choose_in_panel(pilot, "xAI")
        await pilot.press("w")
        await settle(pilot)
        assert "xai" in library.watched_keys()
        marked = [row for row in list_rows(app) if row[1] == "◆"]
        assert len(marked) == 2
        assert all("xAI" in row for row in marked)
        assert any(line.startswith("★ xAI") for line in panel_lines(app))
        watched = article_view(app).get_component_rich_style(
            "article-view--entity-watched", partial=True
        )
        assert watched.underline
    again = make_app(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len([row for row in list_rows(again) if row[1] == "◆"]) == 2
        assert panel(again).display, "the panel was left open"
        await go_to(pilot, library, TURBINES)
        await choose_in_panel(pilot, "xAI")
        await pilot.press("w")
        await settle(pilot)
        assert "xai" not in library.watched_keys()
        assert not any(row[1] == "◆" for row in list_rows(again))


async def test_the_panel_remembers_being_closed(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
    again = make_app(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not panel(again).display


async def test_palette_finds_articles_mentioning_a_fuzzy_name(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"articles mentioning")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"jnsn")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        rows = list_rows(app)
        assert len(rows) == 1 and NVIDIA_ARTICLE[:20] in rows[0]
        assert "mentioning Jensen Huang" in reader(app).sub_title


async def test_panel_fits_under_the_article_on_a_small_terminal(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, library, NVIDIA_ARTICLE)
        await pilot.press("e")
        await settle(pilot)
        widget = panel(app)
        view = article_view(app)
        assert widget.region.width >= 30 and widget.region.height >= 6
        assert view.region.height >= 6 and view.region.width >= 30
        assert not widget.region.overlaps(view.region)
        assert "People" in panel_lines(app)


async def test_reading_time_and_entity_columns(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list(app).columns = ("reading-time", "entities")
        await settle(pilot)
        rows = list_rows(app)
        stats = library.reading_stats(list(article_list(app).view.rowids))
        first = stats[article_list(app).view.rowids[0]]
        assert rows[0].endswith(" names")
        assert f"{first.minutes} min" in rows[0]


def test_snapshot_entity_panel_open(snap_compare: SnapCompare, library: Library) -> None:
    async def open_panel(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "e", "j")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=open_panel)


def test_snapshot_entity_filtered_sidebar(snap_compare: SnapCompare, library: Library) -> None:
    async def filter_by_name(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "e")
        await settle(pilot)
        await choose_in_panel(pilot, "Alpamayo")
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=filter_by_name)
