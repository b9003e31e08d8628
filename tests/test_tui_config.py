"""config.toml in the reader: keymaps, theme, [reader] settings, auto-refresh, watch list."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from feed_server import FeedServer, Item, rss, running_server, sample_items, send
from newsread.config import (
    Config,
    KeyRemap,
    ReaderConfig,
    RefreshConfig,
    SourceSettings,
    load_config,
)
from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.tui.app import NewsreadApp
from newsread.tui.keymap import plan_keys
from newsread.tui.screens.help import HelpScreen
from newsread.tui.screens.reader import ReaderScreen, refreshing
from newsread.tui.screens.reader.base import empty_message
from newsread.tui.theme_choice import CONFIG_THEME_PREFERENCE, THEME_PREFERENCE, choose_theme
from newsread.tui.widgets.article_list import ArticleList

SIZE = (120, 40)
SnapCompare = Callable[..., bool]


def make_app(library: Library, config: Config, problems: tuple[str, ...] = ()) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent, config=config, config_problems=problems)


def keys(**remaps: str) -> Config:
    return Config(keys=tuple(KeyRemap(action, tuple(k.split(","))) for action, k in remaps.items()))


def reader(app: NewsreadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def notes(app: NewsreadApp) -> list[str]:
    return [f"{note.title}: {note.message}" for note in app._notifications]


def help_lines(app: NewsreadApp) -> list[str]:
    return [
        line
        for widget in app.screen.query(".help-keys").results(Static)
        for line in str(widget.content).splitlines()
    ]


async def wait_until(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


# Keymaps.


async def test_a_remapped_key_runs_its_action_and_the_old_key_no_longer_does(
    library: Library,
) -> None:
    app = make_app(library, keys(bookmark="B"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = reader(app).article_list.current_id
        assert first is not None
        await pilot.press("b")
        await pilot.pause()
        assert not library.get(first).bookmarked
        await pilot.press("B")
        await pilot.pause()
        assert library.get(first).bookmarked
        footer_keys = {key for key, active in app.screen.active_bindings.items()}
        assert "B" in footer_keys and "b" not in footer_keys


async def test_help_and_palette_show_the_remapped_keys(library: Library) -> None:
    app = make_app(library, keys(bookmark="B,ctrl+b", help="f1"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen), "? no longer opens help"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = help_lines(app)
        bookmark = next(line for line in lines if "Bookmark on/off" in line)
        assert bookmark.split()[:3] == ["B", "/", "ctrl+b"]
        assert any(line.split()[:1] == ["f1"] and "Show the keys" in line for line in lines)


async def test_an_empty_list_suggests_the_remapped_keys(library: Library) -> None:
    app = make_app(library, keys(bookmark="B", cycle_filter="F"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("F", "F")  # all → unread → bookmarked: nothing is bookmarked
        await pilot.pause()
        list_widget = reader(app).article_list
        assert list_widget.empty_message == "No bookmarks yet. Press B on an article to add one."
        unread = ViewQuery(filter=ArticleFilter.UNREAD)
        hint = empty_message(unread, key_of=reader(app).key_of)
        assert hint == "No unread articles. Press F to change the filter."


def test_help_screen_with_a_remapped_key(snap_compare: SnapCompare, library: Library) -> None:
    async def show_help(pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        await pilot.pause()

    app = make_app(library, keys(bookmark="B", help="f1", toggle_read="M"))
    assert snap_compare(app, terminal_size=SIZE, run_before=show_help)


async def test_a_conflicting_remap_is_reported_naming_both_actions_and_not_applied(
    library: Library,
) -> None:
    app = make_app(library, keys(bookmark="m"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("'bookmark'" in note and "'toggle_read'" in note for note in notes(app))
        first = reader(app).article_list.current_id
        assert first is not None
        await pilot.press("m")
        await pilot.pause()
        summary = library.get(first)
        assert summary.read and not summary.bookmarked, "m still marks read"
        await pilot.press("b")
        await pilot.pause()
        assert library.get(first).bookmarked, "b still bookmarks"


async def test_an_unknown_action_is_reported(library: Library) -> None:
    app = make_app(library, keys(launch_rockets="x"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("unknown action 'launch_rockets'" in note for note in notes(app))


def test_key_plans_allow_swaps_and_refuse_textuals_own_keys() -> None:
    swapped = plan_keys(keys(bookmark="m", toggle_read="b").keys)
    assert swapped.problems == ()
    assert dict(swapped.keymap) == {"bookmark": "m", "toggle_read": "b"}
    both = plan_keys(keys(bookmark="x", toggle_read="x").keys)
    assert dict(both.keymap) == {"bookmark": "x"}
    assert both.problems == (
        "keys: 'toggle_read' on 'x' conflicts with 'bookmark'; "
        "'toggle_read' keeps its default keys",
    )
    palette = plan_keys(keys(quit="ctrl+p").keys)
    assert palette.keymap == {}
    assert "'command palette'" in palette.problems[0]
    # `?` and `question_mark` are one key to Textual, so this is a conflict too.
    assert plan_keys(keys(search="question_mark").keys).problems


async def test_config_problems_are_shown_once_each_without_markup(library: Library) -> None:
    problems = ("config.toml:3: [bold]reader.sort[/bold]: expected one of date, title",)
    app = make_app(library, Config(), problems)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert notes(app).count(f"config.toml: {problems[0]}") == 1


# Theme.


def test_a_theme_newly_set_in_config_wins_over_the_palette_choice(library: Library) -> None:
    library.set_preference(THEME_PREFERENCE, "gruvbox")
    assert make_app(library, Config()).theme == "gruvbox", "config unchanged: the palette's"
    assert make_app(library, Config(theme="nord")).theme == "nord", "config just edited"
    assert library.preference(THEME_PREFERENCE) == "nord"
    assert library.preference(CONFIG_THEME_PREFERENCE) == "nord"


async def test_a_palette_choice_wins_while_config_keeps_its_theme(library: Library) -> None:
    config = Config(theme="nord")
    app = make_app(library, config)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "dracula"
        await pilot.pause()
    assert make_app(library, config).theme == "dracula"
    assert make_app(library, Config(theme="monokai")).theme == "monokai"


async def test_an_unknown_theme_is_named_in_a_warning_and_the_default_used(
    library: Library,
) -> None:
    app = make_app(library, Config(theme="no-such-theme"))
    assert app.theme == "tokyo-night"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("'no-such-theme'" in note for note in notes(app))


def test_the_theme_rule_treats_no_previous_config_theme_as_the_default() -> None:
    themes = {"tokyo-night", "nord", "gruvbox"}
    # Upgrading: a palette choice made before config.toml existed is kept.
    assert choose_theme("tokyo-night", None, "nord", themes).theme == "nord"
    assert choose_theme("gruvbox", None, "nord", themes).theme == "gruvbox"
    assert choose_theme("gruvbox", "gruvbox", None, themes).theme == "gruvbox"


# [reader].


def dated_library(make_library: Callable[..., Library]) -> Library:
    return make_library(
        [
            ParsedArticle(
                title=f"Harbour story {number}",
                body="Text.",
                key=f"h{number}",
                published=f"2024-03-0{number}T08:00:00Z",
            )
            for number in range(1, 4)
        ]
    )


async def test_default_filter_starts_with_unread_articles(library: Library) -> None:
    first = library.list_articles(ViewQuery())[0]
    library.set_read([first.id], read=True)
    app = make_app(library, Config(reader=ReaderConfig(default_filter="unread")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = reader(app)
        assert len(screen.article_list.view) == 4
        assert "filter: unread" in str(screen.sub_title)


async def test_sidebar_width_sets_the_article_list_width(library: Library) -> None:
    app = make_app(library, Config(reader=ReaderConfig(sidebar_width=30)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#sidebar").outer_size.width == 30


async def test_columns_choose_what_each_row_shows(
    make_library: Callable[..., Library],
) -> None:
    library = dated_library(make_library)
    app = make_app(library, Config(reader=ReaderConfig(columns=("date",))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        first_row = article_list.render_line(0).text
        assert "03 Mar" in first_row
        assert "Test source" not in first_row


async def test_opening_does_not_mark_read_when_config_says_so(library: Library) -> None:
    app = make_app(library, Config(reader=ReaderConfig(mark_read_on_open=False)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = reader(app).article_list.current_id
        assert first is not None
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).article_view.shown_id == first
        assert not library.get(first).read


# Auto-refresh.


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as running:
        yield running


def subscribe(
    library: Library,
    server: FeedServer,
    *,
    gate: threading.Event | None = None,
    items: Sequence[Item] = (),
) -> str:
    feed = rss("Harbour News", items or sample_items(5))

    def answer(handler: BaseHTTPRequestHandler) -> None:
        if gate is not None:
            gate.wait(10)
        send(handler, feed)

    server.routes["/feed.xml"] = answer
    url = server.url("/feed.xml")
    library.add_source(Source(url, SourceKind.FEED, "Harbour News"))
    return url


def feed_count(library: Library, url: str) -> int:
    return len(library.list_articles(ViewQuery(source_key=url)))


async def test_refresh_on_start_fetches_the_feeds_and_keeps_their_limits(
    library: Library, server: FeedServer
) -> None:
    recent = datetime.now(UTC) - timedelta(hours=1)
    old = datetime(2020, 1, 1, tzinfo=UTC)
    items = [
        Item(f"story-{number}", f"Story {number}", "Text.", recent if number < 2 else old)
        for number in range(5)
    ]
    url = subscribe(library, server, items=items)
    config = Config(
        refresh=RefreshConfig(on_start=True),
        sources=(SourceSettings(url, max_age_days=30),),
    )
    app = make_app(library, config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: any(n.startswith("Refresh:") for n in notes(app)))
        await app.workers.wait_for_complete()
        assert len(server.seen("/feed.xml")) == 1
        assert feed_count(library, url) == 2, "the source's age limit from config applied"
        assert len(reader(app).article_list.view) == 5 + 2


async def test_the_timer_refreshes_sources_when_they_fall_due(
    library: Library, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = subscribe(library, server)
    now = [datetime(2026, 1, 5, 9, 0, tzinfo=UTC)]
    # One fake clock for the schedule and for the library's "last refreshed" stamps.
    monkeypatch.setattr(refreshing, "utc_clock", lambda: now[0])
    monkeypatch.setattr(
        "newsread.library.sources.utc_now", lambda: now[0].isoformat(timespec="seconds")
    )
    # The timer looks again every 0.1 s instead of every hour: no real minutes pass.
    monkeypatch.setattr(refreshing, "LONGEST_WAIT", 0.1)
    monkeypatch.setattr(refreshing, "SHORTEST_WAIT", 0.01)
    app = make_app(library, Config(refresh=RefreshConfig(interval_minutes=30)))
    async with app.run_test(size=SIZE) as pilot:
        # Never refreshed: due at start.
        await wait_until(pilot, lambda: feed_count(library, url) == 5)
        await wait_until(pilot, lambda: not reader(app).refreshing)
        await pilot.pause(0.5)
        assert len(server.seen("/feed.xml")) == 1, "not due again yet"
        now[0] += timedelta(minutes=31)
        await wait_until(pilot, lambda: len(server.seen("/feed.xml")) == 2)
        await wait_until(pilot, lambda: not reader(app).refreshing)
        await pilot.pause(0.5)
        assert len(server.seen("/feed.xml")) == 2, "the timer was set again for 30 minutes on"


async def test_r_during_an_automatic_refresh_starts_no_second_one(
    library: Library, server: FeedServer
) -> None:
    gate = threading.Event()
    url = subscribe(library, server, gate=gate)
    app = make_app(library, Config(refresh=RefreshConfig(on_start=True)))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: len(server.seen("/feed.xml")) == 1)
        await pilot.press("r")
        await pilot.pause()
        assert any("Already refreshing." in note for note in notes(app))
        gate.set()
        await wait_until(pilot, lambda: any(n.startswith("Refresh:") for n in notes(app)))
        await app.workers.wait_for_complete()
        assert len(server.seen("/feed.xml")) == 1
        assert feed_count(library, url) == 5


async def test_no_auto_refresh_without_config_asking_for_it(
    library: Library, server: FeedServer
) -> None:
    subscribe(library, server)
    app = make_app(library, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        assert server.seen("/feed.xml") == []
        assert reader(app)._auto_timer is None


# Watch list.


async def test_config_watch_names_are_followed_at_start(library: Library) -> None:
    app = make_app(library, Config(watch=("Nvidia", "Jensen Huang")))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {"nvidia", "jensen huang"} <= library.watched_keys()
    again = make_app(library, Config(watch=("NVIDIA",)))
    async with again.run_test(size=SIZE) as pilot:
        await again.workers.wait_for_complete()
        assert len(library.watched()) == 2, "following is idempotent"


# The whole path: config.toml → CLI → reader.


def test_the_cli_hands_config_and_its_problems_to_the_reader(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsread.cli import main

    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.toml").write_text(
        'theme = "nord"\nwibble = 1\n[keys]\nbookmark = "B"\n', encoding="utf-8"
    )
    seen: list[tuple[Config, tuple[str, ...]]] = []

    def fake_run_tui(
        library: Library, directory: Path, config: Config, *, config_problems: tuple[str, ...]
    ) -> None:
        seen.append((config, tuple(config_problems)))

    monkeypatch.setattr("newsread.tui.launch.run_tui", fake_run_tui)
    assert main([]) == 0
    [(config, problems)] = seen
    assert config == load_config(config_dir).config
    assert config.theme == "nord" and config.keymap() == {"bookmark": "B"}
    assert len(problems) == 1 and "wibble" in problems[0]
