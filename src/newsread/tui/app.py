"""The Textual application: theme, stylesheet, commands and the reader screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Final

from textual.app import App
from textual.command import Provider
from textual.screen import Screen
from textual.theme import Theme

from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.textsafe import one_line
from newsread.tui.commands import ReaderCommands
from newsread.tui.entity_colours import entity_colour_variables
from newsread.tui.screens.reader import ReaderScreen

DEFAULT_THEME: Final = "tokyo-night"
THEME_PREFERENCE: Final = "theme"
"""The library preference remembering the chosen theme between runs."""


class NewsreadApp(App[None]):
    """newsread's terminal face over an already opened `Library`.

    The app never opens databases or reads config itself: the caller injects
    the library and the config directory, which keeps it easy to test. The
    theme chosen from the command palette ("Theme") is remembered in the
    library and applied before the first paint of the next run.
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
        self._saved_theme = self._remembered_theme()
        self.theme = self._saved_theme

    def _remembered_theme(self) -> str:
        """The theme chosen in an earlier run, if it still exists; else the default."""
        try:
            saved = self.library.preference(THEME_PREFERENCE)
        except NewsreadError:
            # An unreadable preference is no reason not to start: use the default.
            return DEFAULT_THEME
        return saved if saved in self.available_themes else DEFAULT_THEME

    def get_default_screen(self) -> Screen[None]:
        """The reader is the app's base screen."""
        return ReaderScreen(self.library)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Adds `$entity-*`: the entity colours of the current theme (a theme may override them)."""
        generated = self.current_theme.to_color_system().generate()
        return {**super().get_theme_variable_defaults(), **entity_colour_variables(generated)}

    def on_mount(self) -> None:
        """Remember every theme the user picks from now on; show what opening the library did."""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for notice in self.library.notices:
            # A damaged library file was moved aside and replaced (see `library.recovery`).
            self.notify(notice, title="Library", severity="warning", timeout=30, markup=False)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._saved_theme:
            return
        try:
            self.library.set_preference(THEME_PREFERENCE, theme.name)
        except NewsreadError as error:
            self.notify(one_line(str(error)), title=error.title, severity="error", markup=False)
            return
        self._saved_theme = theme.name
