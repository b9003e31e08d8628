"""The reading pane: one article rendered with its entities highlighted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Final

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsread.model import ENTITY_LABELS, Article, Entity

if TYPE_CHECKING:
    from newsread.render.blocks import RenderedArticle
    from newsread.render.console import BlockStyles

EMPTY_MESSAGE: Final = (
    "Nothing selected. Move through the list with j/k, press enter to read, ? for every key."
)


def entity_component_class(label: str) -> str:
    """The component class that styles entities labelled `label` (`article-view--person`)."""
    return f"article-view--{label.lower()}"


class ArticleView(VerticalScroll, can_focus=True):
    """Shows an article: title, deck, byline, body blocks and the entity legend.

    Entity colours come from this widget's component classes, so they follow
    the theme. All article text arrives as `rich.text.Text` with explicit
    spans; nothing here is parsed as markup.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(entity_component_class(label) for label in ENTITY_LABELS),
        "article-view--heading",
        "article-view--quote-bar",
        "article-view--list-marker",
        "article-view--code",
        "article-view--rule",
        "article-view--search-match",
    }
    """
    | Class | Description |
    | :- | :- |
    | `article-view--person` … `article-view--date` | One per entity label (see `ENTITY_LABELS`). |
    | `article-view--heading` | Subheadings in the body. |
    | `article-view--quote-bar` | The bar left of quoted text. |
    | `article-view--list-marker` | Bullets and numbers of list items. |
    | `article-view--code` | Code blocks. |
    | `article-view--rule` | Horizontal rules. |
    | `article-view--search-match` | Words of the current search (laid over entity styles). |
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """Create an empty article view."""
        super().__init__(name=name, id=id, classes=classes)
        self._shown: tuple[Article, list[Entity]] | None = None
        self._search_pattern: re.Pattern[str] | None = None

    @property
    def shown_id(self) -> str | None:
        """The ID of the article on display, or None when the view is empty."""
        return self._shown[0].id if self._shown is not None else None

    def compose(self) -> ComposeResult:
        """The parts of an article, each filled in by `show_article`."""
        yield Static(Text(EMPTY_MESSAGE), id="article-empty")
        yield Static(id="article-title")
        yield Static(id="article-deck")
        yield Static(id="article-meta")
        yield Static(id="article-body")
        yield Static(id="article-legend")

    def on_mount(self) -> None:
        """Start empty, and restyle the article whenever the theme changes."""
        self.show_empty()
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        # Entity colours are baked into the rendered text, so render again once
        # the new theme's styles have reached this widget.
        self.call_after_refresh(self._render_again)

    def _render_again(self) -> None:
        if self._shown is not None:
            article, entities = self._shown
            self.show_article(article, entities, keep_scroll=True)

    def entity_styles(self) -> dict[str, Style]:
        """The style of each entity label, from the theme via `app.tcss`."""
        return {
            label: self.get_component_rich_style(entity_component_class(label), partial=True)
            for label in ENTITY_LABELS
        }

    def _body_styles(self) -> BlockStyles:
        from newsread.render.console import BlockStyles

        def style(part: str) -> Style:
            return self.get_component_rich_style(f"article-view--{part}", partial=True)

        return BlockStyles(
            heading=style("heading"),
            quote_bar=style("quote-bar"),
            list_marker=style("list-marker"),
            code=style("code"),
            rule=style("rule"),
        )

    def set_search_terms(self, terms: Sequence[tuple[Sequence[str], bool]]) -> None:
        """Highlight the search's `(words, prefix)` terms, re-rendering the article on show."""
        pattern: re.Pattern[str] | None = None
        if terms:
            from newsread.render.search_matches import match_pattern

            pattern = match_pattern(terms)
        if pattern == self._search_pattern:
            return
        self._search_pattern = pattern
        self._render_again()

    def show_empty(self, message: str = EMPTY_MESSAGE) -> None:
        """Clear the view and show `message` in its place."""
        self._shown = None
        self.query_one("#article-empty", Static).update(Text(message))
        self.set_class(True, "-empty")
        self.query_one("#article-body", Static).update(Text())

    def show_article(
        self, article: Article, entities: Sequence[Entity], *, keep_scroll: bool = False
    ) -> None:
        """Render `article` with `entities` (offsets into its body), scrolled to its top.

        `keep_scroll` keeps the reading position (used when only the styles changed).
        """
        # Imported on first use: the renderer and the entity patterns (markdown-it,
        # many regular expressions) are not needed to draw the first screen.
        from newsread.entities import extract
        from newsread.render import render_article
        from newsread.render.console import body_renderable

        rendered = render_article(
            article,
            entities,
            styles=self.entity_styles(),
            title_entities=extract(article.title),
        )
        self._highlight_search(rendered)
        with self.app.batch_update():
            self._shown = (article, list(entities))
            self.set_class(False, "-empty")
            self.query_one("#article-title", Static).update(rendered.title)
            deck = self.query_one("#article-deck", Static)
            deck.update(rendered.deck or Text())
            deck.display = rendered.deck is not None and bool(rendered.deck.plain)
            self.query_one("#article-meta", Static).update(rendered.meta)
            legend = self.query_one("#article-legend", Static)
            legend.update(rendered.legend)
            legend.display = bool(rendered.legend.plain)
            body = body_renderable(rendered.blocks, self._body_styles())
            self.query_one("#article-body", Static).update(body)
            if not keep_scroll:
                self.scroll_home(animate=False, immediate=True)

    def _highlight_search(self, rendered: RenderedArticle) -> None:
        from newsread.render.search_matches import highlight_matches

        if self._search_pattern is None:
            return
        style = self.get_component_rich_style("article-view--search-match", partial=True)
        texts = [rendered.title, *(block.text for block in rendered.blocks)]
        if rendered.deck is not None:
            texts.append(rendered.deck)
        for text in texts:
            highlight_matches(text, self._search_pattern, style)

    def action_page_down(self) -> None:
        """Scroll down by a screenful, without animation so repeated presses keep up."""
        self.scroll_page_down(animate=False)
