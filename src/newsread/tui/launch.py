"""Start the terminal interface."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsread.config import Config
from newsread.library import Library


def run_tui(
    library: Library, config_dir: Path, config: Config, *, config_problems: Sequence[str] = ()
) -> None:
    """Run the reader over `library` with `config` until the user quits.

    `config_problems` (one line each, already printed by the caller) are shown
    once more inside the reader, as warnings.
    """
    # Imported here so the headless commands never pay for loading Textual.
    from newsread.tui.app import NewsreadApp

    NewsreadApp(library, config_dir, config=config, config_problems=config_problems).run()
