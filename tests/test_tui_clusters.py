"""Story clusters in the reader: one row per story with a badge, `z` lists its reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsread.config import load_config
from newsread.library import Library
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.widgets.article_list import ArticleList
from pilot_wait import wait_for

SIZE = (120, 40)
CAPSULE = "Starliner to return to Cape Canaveral"
CAPSULE_AGAIN = "Boeing capsule heads home"
FISHING = "Quotas talks in Lisbon"
ORCHESTRA = "Vienna Philharmonic tours Japan"


def story_library(directory: Path) -> Library:
    """Two sources that both report the capsule's return, and two unrelated articles."""
    library = Library.open(database_path(ensure_config_dir(directory)))
    library.ingest(
        Source("test:wire", SourceKind.FILE, "Wire"),
        [
            ParsedArticle(
                title=CAPSULE,
                body=(
                    "Boeing chief executive Kelly Ortberg told reporters in Seattle that the "
                    "Starliner capsule would return to Cape Canaveral next month. NASA "
                    "officials said Ortberg had briefed them."
                ),
                key="capsule",
                published="2025-03-02T09:00:00Z",
            ),
            ParsedArticle(
                title=FISHING,
                body="Angela Merkel visited Lisbon to meet Portuguese ministers about quotas.",
                key="fishing",
                published="2025-03-02T12:00:00Z",
            ),
        ],
    )
    library.ingest(
        Source("test:herald", SourceKind.FILE, "Herald"),
        [
            ParsedArticle(
                title=CAPSULE_AGAIN,
                body=(
                    "NASA said on Tuesday that Starliner, the Boeing capsule, will fly back to "
                    "Cape Canaveral. Kelly Ortberg, who runs Boeing, spoke in Seattle."
                ),
                key="capsule",
                published="2025-03-02T20:00:00Z",
            ),
            ParsedArticle(
                title=ORCHESTRA,
                body="The Vienna Philharmonic will play in Osaka and Tokyo under Riccardo Muti.",
                key="orchestra",
                published="2025-03-01T12:00:00Z",
            ),
        ],
    )
    return library


@pytest.fixture
def library(config_dir: Path) -> Iterator[Library]:
    opened = story_library(config_dir)
    yield opened
    opened.close()


def make_app(library: Library, config_dir: Path, *, cluster: bool) -> NewsreadApp:
    (config_dir / "config.toml").write_text(
        f"[reader]\ncluster = {'true' if cluster else 'false'}\n", encoding="utf-8"
    )
    loaded = load_config(config_dir)
    assert loaded.ok
    return NewsreadApp(library, config_dir, config=loaded.config)


def article_list(app: NewsreadApp) -> ArticleList:
    return app.screen.query_one(ArticleList)


def rows(app: NewsreadApp) -> list[str]:
    widget = article_list(app)
    lines = [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
    return [line for line in lines if line]


def titles(app: NewsreadApp) -> list[str]:
    widget = article_list(app)
    found = [widget.row(index) for index in range(len(widget.view))]
    return [summary.title for summary in found if summary is not None]


async def test_a_story_is_one_row_with_a_badge(library: Library, config_dir: Path) -> None:
    app = make_app(library, config_dir, cluster=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(rows(app)))
        assert titles(app) == [CAPSULE_AGAIN, FISHING, ORCHESTRA]
        badged = [row for row in rows(app) if "⧉ 2" in row]
        assert len(badged) == 1 and CAPSULE_AGAIN in badged[0]


async def test_z_lists_the_reports_and_escape_comes_back(
    library: Library, config_dir: Path
) -> None:
    app = make_app(library, config_dir, cluster=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(rows(app)))
        await pilot.press("z")
        await wait_for(pilot, lambda: titles(app) == [CAPSULE_AGAIN, CAPSULE])
        assert "story: 2 articles" in app.screen.sub_title
        await pilot.press("j")
        await pilot.press("escape")
        await wait_for(pilot, lambda: titles(app) == [CAPSULE_AGAIN, FISHING, ORCHESTRA])
        current = article_list(app).current
        assert current is not None and current.title == CAPSULE_AGAIN
        assert "story" not in app.screen.sub_title


async def test_escape_puts_the_cursor_back_on_a_story_further_down(
    library: Library, config_dir: Path
) -> None:
    second = Source("test:gazette", SourceKind.FILE, "Gazette")
    library.ingest(
        second,
        [
            ParsedArticle(
                title="Philharmonic in Osaka",
                body="Riccardo Muti led the Vienna Philharmonic in Osaka before Tokyo.",
                key="muti",
                published="2025-03-01T10:00:00Z",
            )
        ],
    )
    app = make_app(library, config_dir, cluster=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(rows(app)))
        assert titles(app) == [CAPSULE_AGAIN, FISHING, ORCHESTRA]
        await pilot.press("j", "j", "z")
        await wait_for(pilot, lambda: titles(app) == [ORCHESTRA, "Philharmonic in Osaka"])
        await pilot.press("escape")
        await wait_for(pilot, lambda: titles(app) == [CAPSULE_AGAIN, FISHING, ORCHESTRA])
        assert article_list(app).cursor == 2


async def test_z_on_an_article_in_no_story_says_so(library: Library, config_dir: Path) -> None:
    app = make_app(library, config_dir, cluster=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(rows(app)))
        await pilot.press("j", "z")
        await pilot.pause()
        assert titles(app) == [CAPSULE_AGAIN, FISHING, ORCHESTRA]
        assert any("No other source" in str(note.message) for note in app._notifications)


async def test_without_clustering_every_article_is_a_row(
    library: Library, config_dir: Path
) -> None:
    app = make_app(library, config_dir, cluster=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(rows(app)))
        assert titles(app) == [CAPSULE_AGAIN, FISHING, CAPSULE, ORCHESTRA]
        assert not any("⧉" in row for row in rows(app))
        await pilot.press("z")
        await pilot.pause()
        assert len(titles(app)) == 4
        assert isinstance(app.screen, ReaderScreen)
        assert any("reader.cluster" in str(note.message) for note in app._notifications)
