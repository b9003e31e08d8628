"""Which theme the reader starts with: config.toml's, or the one last picked in the palette.

The rule: when config.toml names a different theme than it did at the previous
start, the user has just edited it, so it wins (and becomes the remembered
choice). Otherwise the theme last picked from the command palette wins. A
name Textual does not know is reported and ignored.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

DEFAULT_THEME: Final = "tokyo-night"
"""The theme with no config and no remembered choice."""
THEME_PREFERENCE: Final = "theme"
"""The library preference remembering the chosen theme between runs."""
CONFIG_THEME_PREFERENCE: Final = "config_theme"
"""The library preference remembering the theme config.toml named at the last start."""


@dataclass(frozen=True, slots=True)
class ThemeChoice:
    """The theme to start with and what to remember for next time."""

    theme: str
    remember_theme: bool
    """Store `theme` as the chosen theme (config.toml's new theme replaces the palette's)."""
    warning: str | None = None
    """A one-line problem with config.toml's theme, if it had one."""


def choose_theme(
    config_theme: str,
    previous_config_theme: str | None,
    remembered: str | None,
    available: Collection[str],
) -> ThemeChoice:
    """Apply the rule of the module docstring.

    `previous_config_theme` is None when no start recorded one yet: that start
    had no config theme, which is the same as the default.
    """
    saved = remembered if remembered in available else None
    fallback = saved or DEFAULT_THEME
    if config_theme not in available:
        return ThemeChoice(
            fallback,
            remember_theme=False,
            warning=f"theme: unknown theme {config_theme!r}; using {fallback!r}",
        )
    edited = config_theme != (previous_config_theme or DEFAULT_THEME)
    if edited or saved is None:
        return ThemeChoice(config_theme, remember_theme=edited and config_theme != saved)
    return ThemeChoice(saved, remember_theme=False)
