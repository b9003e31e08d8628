"""Child process for `startup.py`: start an app headless and say when its first frame shows text.

Run: `python bench/paint_probe.py newsread CONFIG_DIR TEXT` or
`python bench/paint_probe.py bare TEXT`; `python bench/paint_probe.py terminal TEXT`
runs the bare app for real in the terminal (the baseline under tmux). The app starts the way the
`newsread` command starts it (open the library, then the reader), under
Textual's headless driver; every frame Textual would send to a terminal is
checked for TEXT, and the first one containing it prints `painted` and ends
the process at once. The parent times the whole process from its start.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from pathlib import Path
from typing import Any

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def frame_shows(app: Any, renderable: Any, text: str) -> bool:
    """True when `renderable`, one frame for the terminal, contains `text` on screen."""
    from textual._compositor import CompositorUpdate

    if not isinstance(renderable, CompositorUpdate):
        return False
    return text in ANSI.sub("", renderable.render_segments(app.console))


def announce_first_paint(app_class: type[Any], text: str) -> type[Any]:
    """A subclass of `app_class` that reports its first frame showing `text`, then exits."""

    css_path = getattr(app_class, "CSS_PATH", None)

    class Probe(app_class):  # type: ignore[misc, valid-type]
        # Textual finds a relative CSS_PATH next to the class's own module, which is this one.
        CSS_PATH = Path(inspect.getfile(app_class)).parent / css_path if css_path else None

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if frame_shows(self, renderable, text):
                sys.stdout.write("painted\n")
                sys.stdout.flush()
                os._exit(0)

    return Probe


async def run(app: Any) -> None:
    """Run `app` headless at 120x40 until the probe ends the process."""
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            await pilot.pause(0.01)


def newsread_app(config_dir: Path, text: str) -> Any:
    """The reader over the library in `config_dir`, opened as the `newsread` command does."""
    from newsread.library import Library
    from newsread.paths import database_path
    from newsread.tui.app import NewsreadApp

    library = Library.open(database_path(config_dir))
    library.add_sample_articles()
    return announce_first_paint(NewsreadApp, text)(library, config_dir)


def bare_app(text: str) -> Any:
    """A Textual app that shows one Label: the least any Textual app can do."""
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label(text)

    return announce_first_paint(Bare, text)()


def main() -> None:
    """Start the app named on the command line."""
    import asyncio

    mode = sys.argv[1]
    if mode == "newsread":
        asyncio.run(run(newsread_app(Path(sys.argv[2]), sys.argv[3])))
    elif mode == "bare":
        asyncio.run(run(bare_app(sys.argv[2])))
    else:
        from textual.app import App, ComposeResult
        from textual.widgets import Label

        text = sys.argv[2]

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Label(text)

        Bare().run()


if __name__ == "__main__":
    main()
