"""Mark where the words of a search occur in rendered text.

The match style is laid over the text as one more span, so entity and inline
styles underneath keep their colours; the TUI passes a background-only style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.style import Style
from rich.text import Text


def match_pattern(terms: Iterable[tuple[Sequence[str], bool]]) -> re.Pattern[str] | None:
    """A case-insensitive pattern finding any of `terms`; None when there are none.

    Each term is `(words, prefix)`: the words in order with only non-word
    characters between them, the last allowed to run on when `prefix` is true.
    """
    alternatives: list[str] = []
    for words, prefix in terms:
        if not words:
            continue
        body = r"\W+".join(re.escape(word) for word in words)
        alternatives.append(rf"\b{body}" + (r"\w*" if prefix else r"\b"))
    if not alternatives:
        return None
    # Longest first, so a phrase wins over one of its own words.
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def highlight_matches(text: Text, pattern: re.Pattern[str] | None, style: Style) -> int:
    """Lay `style` over every match of `pattern` in `text`; return how many there were."""
    if pattern is None:
        return 0
    found = 0
    for match in pattern.finditer(text.plain):
        if match.end() > match.start():
            text.stylize(style, match.start(), match.end())
            found += 1
    return found
