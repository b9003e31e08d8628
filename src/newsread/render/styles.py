"""The look of rendered articles: one style per entity label, and the styles of block parts.

Colours are mid-tone truecolour values chosen to stay readable on both dark and
light terminals; the labels are told apart by hue first and by bold or italic
second, so that neighbouring hues (the two greens, the two purples) still differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from rich.style import Style

ENTITY_STYLE_DEFAULTS: Final[Mapping[str, Style]] = MappingProxyType(
    {
        "PERSON": Style(color="#2aa1c0", bold=True),
        "ORG": Style(color="#b553c4", bold=True),
        "PLACE": Style(color="#4a9d3b"),
        "PRODUCT": Style(color="#c49a0c", bold=True),
        "EVENT": Style(color="#e0782a", bold=True),
        "MISC": Style(color="#6f7fe0", italic=True),
        "MONEY": Style(color="#17a589", bold=True),
        "PERCENT": Style(color="#d8465f", bold=True),
        "QUANTITY": Style(color="#a67c52"),
        "DATE": Style(color="#8c96a3", italic=True),
    }
)
"""The default style of each label in `model.ENTITY_LABELS`."""

ENTITY_LABEL_NAMES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "PERSON": ("person", "people"),
        "ORG": ("organisation", "organisations"),
        "PLACE": ("place", "places"),
        "PRODUCT": ("product", "products"),
        "EVENT": ("event", "events"),
        "MISC": ("other name", "other names"),
        "MONEY": ("sum of money", "sums of money"),
        "PERCENT": ("percentage", "percentages"),
        "QUANTITY": ("quantity", "quantities"),
        "DATE": ("date", "dates"),
    }
)
"""What each label is called for humans: (singular, plural)."""

INLINE_CODE_STYLE: Final = Style(color="#e6e6e6", bgcolor="#3a3a3a")
"""`code` spans: a fixed light-on-dark chip, readable whatever the terminal's background."""

EMPHASIS_STYLE: Final = Style(italic=True)
STRONG_STYLE: Final = Style(bold=True)
STRIKETHROUGH_STYLE: Final = Style(strike=True)
LINK_STYLE: Final = Style(underline=True)
TABLE_HEADER_STYLE: Final = Style(bold=True)
TABLE_RULE_STYLE: Final = Style(dim=True)

TITLE_STYLE: Final = Style(bold=True)
DECK_STYLE: Final = Style(italic=True)
META_STYLE: Final = Style(dim=True)
HEADING_STYLE: Final = Style(color="#3d7fd9", bold=True)
CODE_BLOCK_STYLE: Final = Style(color="#e6e6e6", bgcolor="#2b2b2b")
QUOTE_BAR_STYLE: Final = Style(color="#8c96a3")
LIST_MARKER_STYLE: Final = Style(color="#8c96a3", bold=True)
RULE_STYLE: Final = Style(dim=True)


def entity_style(label: str, styles: Mapping[str, Style] | None = None) -> Style | None:
    """The style for `label`: from `styles` if it has one, else the default, else None."""
    if styles is not None:
        chosen = styles.get(label)
        if chosen is not None:
            return chosen
    return ENTITY_STYLE_DEFAULTS.get(label)


def label_name(label: str, count: int = 1) -> str:
    """The human name of `label`, singular for a count of one and plural otherwise."""
    singular, plural = ENTITY_LABEL_NAMES.get(label, (label.lower(), label.lower()))
    return singular if count == 1 else plural
