"""What the renderer produces: blocks of styled text and the article they make up."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rich.text import Text


class BlockKind(StrEnum):
    """The kind of a rendered block, which decides its spacing, indent and decoration."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CODE = "code"
    RULE = "rule"


@dataclass(frozen=True)
class Block:
    """One block of an article: its text carries inline and entity styles only.

    Block-level looks (heading colour, quote bar, bullet, code background) are
    left to whoever displays the block, so the TUI can take them from its theme.
    """

    kind: BlockKind
    text: Text
    level: int = 0
    """Heading level (1-6), list nesting depth of a list item, or quote depth of a quote."""
    marker: str = ""
    """The bullet (`•`) or number (`3.`) of the first block of a list item; empty otherwise."""
    quote_depth: int = 0
    """How many quotes enclose this block (a list item inside a quote has 1)."""
    list_depth: int = 0
    """How many lists enclose this block (a code block inside a list item has 1)."""


@dataclass(frozen=True)
class Link:
    """A web link in the article body: what it says and where it goes (http or https only)."""

    text: str
    url: str


@dataclass(frozen=True)
class RenderedArticle:
    """An article ready to display: title, deck, meta line, body blocks and entity legend."""

    title: Text
    deck: Text | None
    meta: Text
    """Section · source · reading time · counts, e.g. `News · Samples · 3 min read · 4 people`."""
    blocks: list[Block]
    legend: Text
    """One swatch per entity label present in the article, each in its own style."""
    links: tuple[Link, ...] = field(default=())
    """The article's web links, in reading order."""
