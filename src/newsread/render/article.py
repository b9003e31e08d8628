"""Render one article: title, deck, meta line, body blocks and legend, entities styled."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.style import Style
from rich.text import Text

from newsread.model import ENTITY_LABELS, Article, Entity
from newsread.render.blocks import Block, RenderedArticle
from newsread.render.entity_spans import EntityIndex, EntityOverlay, apply_entity_styles
from newsread.render.markdown_blocks import map_body
from newsread.render.stats import entity_counts, reading_minutes
from newsread.render.styles import entity_style, label_name
from newsread.textsafe import neutralize_controls, one_line

LEGEND_SWATCH = "■"
META_SEPARATOR = " · "


def render_article(
    article: Article,
    entities: Sequence[Entity],
    *,
    styles: Mapping[str, Style] | None = None,
    title_entities: Sequence[Entity] | None = None,
    overlay: EntityOverlay | None = None,
) -> RenderedArticle:
    """Render `article` with `entities` (offsets into `article.body`) highlighted.

    `styles` maps labels to styles (the TUI passes its theme's); labels it lacks
    use `ENTITY_STYLE_DEFAULTS`. `title_entities` are offsets into `article.title`.
    `overlay` adds a style over chosen entities of the title and body (the TUI marks
    followed names and the mentions of the name chosen in its entity panel).
    """
    body = map_body(neutralize_controls(article.body))
    index = EntityIndex(entities)
    blocks: list[Block] = []
    for mapped in body.blocks:
        apply_entity_styles(mapped.block.text, mapped.offsets, index, styles, overlay)
        blocks.append(mapped.block)
    title_index = EntityIndex(title_entities or ())
    title = _single_line(article.title, title_index, styles, overlay)
    deck = _single_line(article.deck, EntityIndex(()), styles)
    mentioned = [*index.entities, *title_index.entities]
    return RenderedArticle(
        title=title,
        deck=deck if deck.plain else None,
        meta=_meta(article, mentioned, styles),
        blocks=blocks,
        legend=render_legend((entity.label for entity in mentioned), styles),
        links=tuple(body.links),
    )


def render_legend(labels: Iterable[str], styles: Mapping[str, Style] | None = None) -> Text:
    """One swatch and name per distinct label, in `ENTITY_LABELS` order, each in its style."""
    present = set(labels)
    ordered = [label for label in ENTITY_LABELS if label in present]
    ordered += sorted(present.difference(ENTITY_LABELS))
    legend = Text()
    for label in ordered:
        if legend.plain:
            legend.append("  ")
        style = entity_style(label, styles)
        legend.append(f"{LEGEND_SWATCH} {label_name(label)}", style)
    return legend


def _single_line(
    raw: str,
    index: EntityIndex,
    styles: Mapping[str, Style] | None,
    overlay: EntityOverlay | None = None,
) -> Text:
    """`raw` as one safe line; every kept character keeps its offset so entities still fit."""
    safe = neutralize_controls(raw).replace("\n", " ").replace("\t", " ")
    stripped = safe.strip()
    lead = len(safe) - len(safe.lstrip())
    text = Text(stripped)
    offsets: list[int | None] = list(range(lead, lead + len(stripped)))
    apply_entity_styles(text, offsets, index, styles, overlay)
    return text


def _meta(article: Article, entities: Sequence[Entity], styles: Mapping[str, Style] | None) -> Text:
    """`Section · Source · N min read · 4 people · 1 place`, counts in their labels' styles."""
    meta = Text()
    pieces: list[tuple[str, Style | None]] = [
        (one_line(article.section), None),
        (one_line(article.source), None),
        (f"{reading_minutes(article.body)} min read", None),
    ]
    for label, count in entity_counts(entities).items():
        pieces.append((f"{count} {label_name(label, count)}", entity_style(label, styles)))
    for piece, style in pieces:
        if not piece:
            continue
        if meta.plain:
            meta.append(META_SEPARATOR)
        meta.append(piece, style)
    return meta
