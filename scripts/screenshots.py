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

from newsread.library import Library, ViewQuery
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
        await pilot.press("question_mark")
        await capture(pilot, "help")
        await pilot.press("escape", "tab", "f")
        await capture(pilot, "filter-unread")
        await pilot.press("q")


def main() -> None:
    OUTPUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsread-screenshots-") as temporary:
        config_dir = ensure_config_dir(Path(temporary))
        with Library.open(database_path(config_dir)) as library:
            library.add_sample_articles()
            asyncio.run(take_screenshots(library, config_dir))


if __name__ == "__main__":
    main()
