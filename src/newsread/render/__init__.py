"""Article + entities → Rich `Text` blocks, each entity label in its own style.

One renderer for both faces: the TUI's article view displays the blocks itself,
`newsread show` prints `article_renderable(...)`. Article text is untrusted, so
it is only ever placed into `Text` as plain strings with explicit styles, and
every control character is neutralised first.

Importing this package loads nothing: each name is imported from its module on
first use, so `newsread.render.styles` can be used without loading the Markdown
parser (which the reader does not need until it shows an article).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from newsread.lazy_names import load_on_first_use

if TYPE_CHECKING:
    from newsread.render.article import render_article, render_legend
    from newsread.render.blocks import Block, BlockKind, Link, RenderedArticle
    from newsread.render.console import (
        BlockStyles,
        article_renderable,
        block_renderable,
        body_renderable,
    )
    from newsread.render.entity_spans import EntityOverlay
    from newsread.render.stats import entity_counts, reading_minutes, word_count
    from newsread.render.styles import (
        ENTITY_LABEL_NAMES,
        ENTITY_STYLE_DEFAULTS,
        entity_style,
        label_name,
    )

__all__ = [
    "ENTITY_LABEL_NAMES",
    "ENTITY_STYLE_DEFAULTS",
    "Block",
    "BlockKind",
    "BlockStyles",
    "EntityOverlay",
    "Link",
    "RenderedArticle",
    "article_renderable",
    "block_renderable",
    "body_renderable",
    "entity_counts",
    "entity_style",
    "label_name",
    "reading_minutes",
    "render_article",
    "render_legend",
    "word_count",
]

_HOMES: Final = {
    "render_article": ".article",
    "render_legend": ".article",
    "Block": ".blocks",
    "BlockKind": ".blocks",
    "Link": ".blocks",
    "RenderedArticle": ".blocks",
    "BlockStyles": ".console",
    "article_renderable": ".console",
    "block_renderable": ".console",
    "body_renderable": ".console",
    "EntityOverlay": ".entity_spans",
    "entity_counts": ".stats",
    "reading_minutes": ".stats",
    "word_count": ".stats",
    "ENTITY_LABEL_NAMES": ".styles",
    "ENTITY_STYLE_DEFAULTS": ".styles",
    "entity_style": ".styles",
    "label_name": ".styles",
}
"""The module of this package that defines each exported name."""


def __getattr__(name: str) -> object:
    """Import an exported name from its module the first time it is asked for."""
    return load_on_first_use(globals(), _HOMES, name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
