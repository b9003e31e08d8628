"""What the reader looks like: named SVG snapshots at a fixed 120×40 terminal.

Regenerate after an intended change with `pytest tests/test_tui_snapshots.py
--snapshot-update`, then look at the SVGs in `tests/__snapshots__/` before
committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from newsread.config import Config, ReaderConfig
from newsread.library import Library
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.tui.app import NewsreadApp
from test_tui_clusters import story_library

SIZE = (120, 40)
SnapCompare = Callable[..., bool]


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent)


async def let_previews_finish(pilot: Pilot[None]) -> None:
    await pilot.pause(0.3)


def test_main_screen_with_the_first_article_open(
    snap_compare: SnapCompare, library: Library
) -> None:
    async def open_first(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await let_previews_finish(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=open_first)


def test_help_screen(snap_compare: SnapCompare, library: Library) -> None:
    async def show_help(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await let_previews_finish(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=show_help)


def test_unread_filter_after_reading_one(snap_compare: SnapCompare, library: Library) -> None:
    async def read_one_then_filter(pilot: Pilot[None]) -> None:
        await pilot.press("j", "enter", "tab", "f")
        await let_previews_finish(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=read_one_then_filter)


def test_source_list(snap_compare: SnapCompare, library: Library) -> None:
    wire = Source("https://wire.example/feed.xml", SourceKind.FEED, "Example Wire")
    library.ingest(
        wire,
        [
            ParsedArticle(
                title=f"Wire story {number}",
                body="Text.",
                key=f"w{number}",
                published=f"2020-01-0{number}T00:00:00Z",
            )
            for number in range(1, 4)
        ],
    )

    async def group_by_source(pilot: Pilot[None]) -> None:
        await pilot.press("s", "end")
        await let_previews_finish(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=group_by_source)


def test_snapshot_clustered_sidebar(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Two sources' reports of one event are one row with a `⧉ 2` badge."""
    library = story_library(tmp_path / "stories")
    app = NewsreadApp(
        library, library.path.parent, config=Config(reader=ReaderConfig(cluster=True))
    )
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=let_previews_finish)
    finally:
        library.close()
