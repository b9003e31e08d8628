"""Regenerate the README's screenshots: `python scripts/screenshots.py`.

Builds a throwaway library of the bundled samples in a temporary config
directory (never the user's), drives the app headless at 120×40 and writes
SVGs to `screenshots/`.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.pilot import Pilot

from newsread.config import load_config
from newsread.library import Library, ViewQuery
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.tui.app import NewsreadApp

OUTPUT = Path(__file__).resolve().parents[1] / "screenshots"
SIZE = (120, 40)
SETTLE = 0.5
"""Seconds to let previews and layout finish before a screenshot."""


def richest_article_position(library: Library) -> int:
    """Where in the list the article with the most entities is."""
    rows = library.list_articles(ViewQuery())
    counts = [len(library.entities(row.id)) for row in rows]
    return counts.index(max(counts))


def add_demo_sources(library: Library) -> None:
    """Two made-up feeds beside the samples, so the source list has something to show."""
    for key, title, count in (
        ("https://wire.example/feed.xml", "Example Wire", 4),
        ("https://harbour.example/rss", "Harbour Gazette", 2),
    ):
        articles = [
            ParsedArticle(
                title=f"{title}: story {number}",
                body="A made-up article for the screenshots.",
                key=f"{key}#{number}",
                published=f"2019-06-{number:02d}T08:00:00Z",
            )
            for number in range(1, count + 1)
        ]
        library.ingest(Source(key, SourceKind.FEED, title), articles)


STORY_REPORTS = (
    (
        Source("https://wire.example/feed.xml", SourceKind.FEED, "Example Wire"),
        ParsedArticle(
            title="Starliner to return to Cape Canaveral next month",
            body=(
                "Boeing chief executive Kelly Ortberg told reporters in Seattle that the "
                "Starliner capsule would return to Cape Canaveral next month. NASA officials "
                "said Ortberg had briefed them on the plan."
            ),
            key="https://wire.example/starliner",
            published="2025-03-02T09:00:00Z",
        ),
    ),
    (
        Source("https://harbour.example/rss", SourceKind.FEED, "Harbour Gazette"),
        ParsedArticle(
            title="Boeing capsule heads home",
            body=(
                "NASA said on Tuesday that Starliner, the Boeing capsule, will fly back to "
                "Cape Canaveral. Kelly Ortberg, who runs Boeing, spoke in Seattle."
            ),
            key="https://harbour.example/capsule",
            published="2025-03-02T20:00:00Z",
        ),
    ),
)
"""Two made-up feeds' reports of one event, for the story clusters screenshot."""


async def capture(pilot: Pilot[None], name: str) -> None:
    await pilot.pause(SETTLE)
    path = OUTPUT / f"{name}.svg"
    path.write_text(pilot.app.export_screenshot(title="newsread"), encoding="utf-8")
    print(f"wrote {path}")


async def take_screenshots(library: Library, config_dir: Path) -> None:
    position = richest_article_position(library)
    app = NewsreadApp(library, config_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["j"] * position, "enter")
        await capture(pilot, "main")
        # The entity panel on the same article, its most mentioned name chosen, then
        # the list narrowed to every article mentioning that name.
        await pilot.press("e")
        await capture(pilot, "entity-panel")
        await pilot.press("a")
        await capture(pilot, "entity-filter")
        await pilot.press("escape", "e")
        await pilot.pause(SETTLE)
        app.screen.query_one("ArticleList").focus()
        await pilot.press("home", *["j"] * position, "enter")
        await pilot.press("question_mark")
        await capture(pilot, "help")
        await pilot.press("escape", "tab", "f")
        await capture(pilot, "filter-unread")
        add_demo_sources(library)
        await pilot.press("f", "f", "s", "end")
        await capture(pilot, "sources")
        await pilot.press("q")


async def take_story_screenshot(library: Library, config_dir: Path) -> None:
    """The river with `reader.cluster` on: two sources' reports of one event on one row."""
    config = load_config(config_dir).config
    app = NewsreadApp(library, config_dir, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "stories")
        await pilot.press("q")


def main() -> None:
    OUTPUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsread-screenshots-") as temporary:
        config_dir = ensure_config_dir(Path(temporary))
        with Library.open(database_path(config_dir)) as library:
            library.add_sample_articles()
            asyncio.run(take_screenshots(library, config_dir))
    with tempfile.TemporaryDirectory(prefix="newsread-screenshots-") as temporary:
        config_dir = ensure_config_dir(Path(temporary))
        (config_dir / "config.toml").write_text("[reader]\ncluster = true\n", encoding="utf-8")
        with Library.open(database_path(config_dir)) as library:
            library.add_sample_articles()
            for source, article in STORY_REPORTS:
                library.ingest(source, [article])
            asyncio.run(take_story_screenshot(library, config_dir))


if __name__ == "__main__":
    main()
