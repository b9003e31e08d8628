"""The Textual application: theme, keymap, stylesheet, commands and the reader screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, Final

from textual import work
from textual.app import App
from textual.command import Provider
from textual.screen import Screen
from textual.theme import Theme

from newsread.config import Config
from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.textsafe import one_line
from newsread.tui.compact_css import CompactStylesheet
from newsread.tui.entity_colours import entity_colour_variables
from newsread.tui.keymap import KeyPlan, plan_keys
from newsread.tui.messages import StateChanged
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.theme_choice import (
    CONFIG_THEME_PREFERENCE,
    DEFAULT_THEME,
    THEME_PREFERENCE,
    ThemeChoice,
    choose_theme,
)

__all__ = ["DEFAULT_THEME", "THEME_PREFERENCE", "NewsreadApp"]

CONFIG_WARNING_TIMEOUT: Final = 20
"""Seconds a config.toml problem stays on screen: long enough to read a file name and line."""


def reader_commands() -> type[Provider]:
    """The palette's reader commands, imported when the palette first opens, not at start."""
    from newsread.tui.commands import ReaderCommands

    return ReaderCommands


class NewsreadApp(App[None]):
    """newsread's terminal face over an already opened `Library`.

    The app never opens databases or reads config itself: the caller injects
    the library, the config directory and the loaded `Config` (with the
    problems found reading it), which keeps it easy to test. `[keys]` is
    installed as Textual's keymap; the theme follows `theme_choice`'s rule and
    every theme picked from the command palette is remembered in the library.
    """

    CSS_PATH = "app.tcss"
    TITLE = "newsread"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        reader_commands
    }

    _theme_chosen: bool = False
    """False until `_start_with_theme`: Textual asks for the CSS variables earlier than that."""

    def __init__(
        self,
        library: Library,
        config_dir: Path,
        *,
        config: Config | None = None,
        config_problems: Sequence[str] = (),
    ) -> None:
        """Create the app over `library`; `config_dir` is where its files live.

        `config_problems` are the one-line problems found in config.toml; each
        is shown once as a warning when the reader starts.
        """
        super().__init__()
        # Before anything parses: the same stylesheet, read without its layout whitespace.
        self.stylesheet = CompactStylesheet()
        self.library = library
        self.config_dir = config_dir
        self.config = config if config is not None else Config()
        """The settings in effect (config.toml, or the defaults)."""
        # Without remaps nothing can clash: skip checking every action's keys (a few ms).
        self.key_plan: KeyPlan = (
            plan_keys(self.config.keys) if self.config.keys else KeyPlan(keymap={}, problems=())
        )
        """The `[keys]` remaps applied, and those refused."""
        self.startup_warnings: list[str] = [*config_problems, *self.key_plan.problems]
        """Shown as notifications once the reader is up."""
        self.set_keymap(self.key_plan.keymap)
        self._saved_theme = self._remembered_theme()
        choice = self._choose_theme()
        self._start_with_theme(choice.theme)
        if choice.remember_theme:
            self._store_preference(THEME_PREFERENCE, choice.theme)
            self._saved_theme = choice.theme

    def _start_with_theme(self, name: str) -> None:
        """Use theme `name` from the first frame on, without styling the screen twice.

        Setting `theme` queues a second parse of every stylesheet, but before
        the app runs nothing has been parsed yet: handing the theme's colours to
        the stylesheet is enough for the first parse. So a theme as dark (or as
        light) as Textual's default is set quietly, with the colours and classes
        the theme's watcher would have set; any other goes the usual way (its
        terminal colours differ too). Either way the theme's variables are
        worked out once, here, for the theme in use (see `get_css_variables`).
        """
        self._theme_chosen = True
        theme = self.get_theme(name)
        if name == self.theme or theme is None or theme.dark != self.current_theme.dark:
            self.theme = name
        else:
            self.set_reactive(App.theme, name)
            stale = {old: False for old in self.classes if old.startswith("-theme-")}
            self.update_classes({**stale, f"-theme-{name}": True}, update=False)
        self.stylesheet.set_variables(self.get_css_variables())

    def _preference(self, name: str) -> str | None:
        try:
            return self.library.preference(name)
        except NewsreadError:
            # An unreadable preference is no reason not to start: act as if it were unset.
            return None

    def _remembered_theme(self) -> str | None:
        """The theme chosen in an earlier run, as stored (it may no longer exist)."""
        return self._preference(THEME_PREFERENCE)

    def _choose_theme(self) -> ThemeChoice:
        """Config's theme or the remembered one (see `theme_choice`); notes config's theme."""
        previous = self._preference(CONFIG_THEME_PREFERENCE)
        choice = choose_theme(
            self.config.theme, previous, self._remembered_theme(), self.available_themes
        )
        if choice.warning is not None:
            self.startup_warnings.append(choice.warning)
        if (previous or DEFAULT_THEME) != self.config.theme:
            self._store_preference(CONFIG_THEME_PREFERENCE, self.config.theme)
        return choice

    def _store_preference(self, name: str, value: str) -> None:
        """Remember `value` at start-up; a failure is one more start-up warning."""
        try:
            self.library.set_preference(name, value)
        except NewsreadError as error:
            self.startup_warnings.append(one_line(str(error)))

    def get_default_screen(self) -> Screen[None]:
        """The reader is the app's base screen, set up from `[reader]` before it mounts."""
        screen = ReaderScreen(self.library)
        screen.apply_config(self.config)
        return screen

    def get_css_variables(self) -> dict[str, str]:
        """The current theme's variables, with `$entity-*` (its entity colours) added.

        As Textual's own, from one generated colour system: a theme's own
        variables override the generated ones, which override the defaults (so
        a theme may set `$entity-*` too). Before the theme is chosen there is
        nothing to work out: `App.__init__` asks, but nothing is parsed until
        `_start_with_theme` has handed the stylesheet the chosen theme's variables.
        """
        if not self._theme_chosen:
            return {}
        theme = self.current_theme
        generated = theme.to_color_system().generate()
        defaults = {**self.get_theme_variable_defaults(), **entity_colour_variables(generated)}
        variables = {**defaults, **generated, **theme.variables}
        self.theme_variables = variables
        return variables

    def on_load(self) -> None:
        """Collect no garbage until the first frame is painted.

        Starting up makes the screen's widgets and styles, which all live on: a
        collection meanwhile (tens of milliseconds) would only delay the frame.
        """
        gc.disable()

    def on_unmount(self) -> None:
        """Collect garbage again, should the app end before painting anything."""
        gc.enable()

    def _collect_from_now_on(self) -> None:
        """After the first frame: set aside what starting up built, then collect garbage again.

        The widgets, styles and caches made so far live for the whole run;
        frozen, they are no longer walked by every full collection, whose
        pauses would otherwise grow with them and land on keypresses.
        """
        gc.freeze()
        gc.enable()

    def on_mount(self) -> None:
        """Remember every theme the user picks from now on; show what starting up found."""
        self.call_after_refresh(self._collect_from_now_on)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for notice in self.library.notices:
            # A damaged library file was moved aside and replaced (see `library.recovery`).
            self.notify(notice, title="Library", severity="warning", timeout=30, markup=False)
        if self.config.watch:
            self._follow_configured_names()
        for warning in self.startup_warnings:
            self.notify(
                one_line(warning),
                title="config.toml",
                severity="warning",
                timeout=CONFIG_WARNING_TIMEOUT,
                markup=False,
            )

    @work(thread=True, exit_on_error=False, group="watch")
    def _follow_configured_names(self) -> None:
        """Follow config.toml's `watch` names (idempotent), off the first paint's path."""
        try:
            before = self.library.watched_keys()
        except NewsreadError as error:
            self.call_from_thread(self._warn_about_watch, one_line(str(error)))
            return
        try:
            self.library.watch_all(self.config.watch)
        except NewsreadError:
            # One bad name fails the whole batch: follow the others, naming the bad ones.
            for name in self.config.watch:
                try:
                    self.library.watch(name)
                except NewsreadError as error:
                    self.call_from_thread(self._warn_about_watch, one_line(str(error)))
        if self.library.watched_keys() != before:
            self.call_from_thread(self._watchlist_grew)

    def _warn_about_watch(self, reason: str) -> None:
        self.notify(reason, title="config.toml: watch", severity="warning", markup=False)

    def _watchlist_grew(self) -> None:
        """Have the reader redraw its rows: their followed-name marks used the old watchlist."""
        self.screen_stack[0].post_message(StateChanged(()))

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._saved_theme:
            return
        try:
            self.library.set_preference(THEME_PREFERENCE, theme.name)
        except NewsreadError as error:
            self.notify(one_line(str(error)), title=error.title, severity="error", markup=False)
            return
        self._saved_theme = theme.name
