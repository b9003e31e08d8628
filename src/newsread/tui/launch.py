"""Start the terminal interface."""

from __future__ import annotations

import gc
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
    # Loading Textual and starting the app make objects that live for the whole run:
    # looking for garbage among them is wasted start-up time. The app collects again
    # once its first frame is painted (see `NewsreadApp.on_load`).
    gc.disable()
    # Imported here so the headless commands never pay for loading Textual.
    from newsread.tui.app import NewsreadApp

    # What is loaded so far stays loaded: later collections need not look at it.
    gc.freeze()

    NewsreadApp(library, config_dir, config=config, config_problems=config_problems).run()
