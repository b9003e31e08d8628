"""The Textual application: theme, stylesheet, commands and the reader screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Final

from textual.app import App
from textual.command import Provider
from textual.screen import Screen

from newsread.library import Library
from newsread.tui.commands import ReaderCommands
from newsread.tui.screens.reader import ReaderScreen

DEFAULT_THEME: Final = "tokyo-night"


class NewsreadApp(App[None]):
    """newsread's terminal face over an already opened `Library`.

    The app never opens databases or reads config itself: the caller injects
    the library and the config directory, which keeps it easy to test.
    """

    CSS_PATH = "app.tcss"
    TITLE = "newsread"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        ReaderCommands
    }

    def __init__(self, library: Library, config_dir: Path) -> None:
        """Create the app over `library`; `config_dir` is where its files live."""
        super().__init__()
        self.library = library
        self.config_dir = config_dir
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen[None]:
        """The reader is the app's base screen."""
        return ReaderScreen(self.library)
