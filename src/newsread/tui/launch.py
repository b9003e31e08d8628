"""Start the terminal interface."""

from __future__ import annotations

from pathlib import Path

from newsread.library import Library


def run_tui(library: Library, config_dir: Path) -> None:
    """Run the reader over `library` until the user quits."""
    # Imported here so the headless commands never pay for loading Textual.
    from newsread.tui.app import NewsreadApp

    NewsreadApp(library, config_dir).run()
