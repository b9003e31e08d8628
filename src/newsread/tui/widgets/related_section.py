"""The "Related" section at the end of an article: numbered titles and sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from rich.style import Style
from rich.text import Text

from newsread.textsafe import one_line

if TYPE_CHECKING:
    from newsread.model import RelatedArticle

RELATED_LIMIT: Final = 5
"""How many related articles the section lists (keys 1 to 5 open them)."""


def related_text(
    related: Sequence[RelatedArticle], *, heading: Style, number: Style, source: Style
) -> Text:
    """`Related · 1–5 opens one`, then `1  Title · Source` per article (plain text, no markup)."""
    shown = list(related)[:RELATED_LIMIT]
    text = Text()
    text.append("Related", heading)
    last = len(shown)
    if last:
        text.append(f"  · press 1{'–' + str(last) if last > 1 else ''} to open", source)
    for position, item in enumerate(shown, start=1):
        text.append("\n")
        text.append(f"{position}  ", number)
        text.append(one_line(item.article.title))
        article_source = one_line(item.article.source)
        if article_source:
            text.append(f" · {article_source}", source)
    return text
