"""Entity colours for each theme: theme colours, nudged until they read well on its background.

Each label takes one of the theme's own colours (`$accent`, `$success`, …),
some of them half-way toward the text colour so labels sharing a hue still
differ. A colour too faint on the theme's background is blended further toward
the text colour until it reaches `MIN_CONTRAST`. The results become CSS
variables (`$entity-person`, …) that `app.tcss` uses for the article view's
entity component classes; a theme can override any of them in its `variables`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from textual.color import Color

from newsread.model import ENTITY_LABELS

MIN_CONTRAST: Final = 3.2
"""WCAG contrast ratio each entity colour keeps against the background (3 is the floor
for large or bold text; the margin covers the focused view's faint tint)."""

_BLEND_STEP: Final = 0.05

ENTITY_THEME_COLOURS: Final[Mapping[str, tuple[str, float]]] = MappingProxyType(
    {
        "PERSON": ("accent", 0.0),
        "ORG": ("secondary", 0.0),
        "PLACE": ("success", 0.0),
        "PRODUCT": ("primary", 0.0),
        "EVENT": ("error", 0.0),
        "MISC": ("secondary", 0.5),
        "MONEY": ("warning", 0.0),
        "PERCENT": ("warning", 0.5),
        "QUANTITY": ("success", 0.5),
        "DATE": ("primary", 0.5),
    }
)
"""Each label's theme colour, and how far it starts blended toward the foreground."""


def entity_variable(label: str) -> str:
    """The CSS variable holding the colour of `label`: `entity-person`."""
    return f"entity-{label.lower()}"


def relative_luminance(colour: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.rgb
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: Color, background: Color, foreground: Color) -> Color:
    """`colour`, blended toward `foreground` just enough to reach `MIN_CONTRAST` on `background`."""
    factor = 0.0
    candidate = colour
    while contrast_ratio(candidate, background) < MIN_CONTRAST and factor < 1.0:
        factor = min(1.0, factor + _BLEND_STEP)
        # Rounded to a hex value here, so the contrast checked is that of the colour used.
        candidate = Color.parse(colour.blend(foreground, factor).hex)
    return candidate


def entity_colour_variables(theme_variables: Mapping[str, str]) -> dict[str, str]:
    """`entity-*` CSS variables for a theme, from its generated colour variables.

    Themes whose colours are the terminal's own ANSI colours cannot be measured:
    their labels simply take the theme colours as they are.
    """
    background = Color.parse(theme_variables["background"])
    foreground = Color.parse(theme_variables["foreground"])
    measurable = background.ansi is None and foreground.ansi is None
    variables: dict[str, str] = {}
    for label in ENTITY_LABELS:
        name, toward_text = ENTITY_THEME_COLOURS[label]
        base = Color.parse(theme_variables[name])
        if not measurable or base.ansi is not None:
            variables[entity_variable(label)] = theme_variables[name]
            continue
        start = Color.parse(base.blend(foreground, toward_text).hex)
        variables[entity_variable(label)] = readable(start, background, foreground).hex
    return variables
