"""The reading pane: one article rendered with its entities highlighted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Final, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from newsread.model import ENTITY_LABELS, Article, Entity
from newsread.tui.actions import ARTICLE_ACTIONS, OPEN_RELATED, bindings_for
from newsread.tui.mentions import Mentions, mentions_of
from newsread.tui.widgets.article_body import ArticleBody
from newsread.tui.widgets.quick_scrollbar import quick_vertical_scrollbar
from newsread.tui.widgets.related_section import RELATED_LIMIT, related_text

if TYPE_CHECKING:
    from newsread.model import RelatedArticle
    from newsread.render import EntityOverlay
    from newsread.render.blocks import RenderedArticle
    from newsread.render.console import BlockStyles

EMPTY_MESSAGE: Final = (
    "Nothing selected. Move through the list with j/k, press enter to read, ? for every key."
)


def entity_component_class(label: str) -> str:
    """The component class that styles entities labelled `label` (`article-view--person`)."""
    return f"article-view--{label.lower()}"


_MENTION_MARK: Final = "newsread-mention"
"""Style meta naming the mention jumped to, so its line can be found once laid out."""


class _Prepared(NamedTuple):
    """An article rendered ahead of being shown, with what its rendering depended on."""

    article: Article
    entities: tuple[Entity, ...]
    inputs: tuple[object, ...]
    title_entities: list[Entity]
    rendered: RenderedArticle


def title_entities(title: str, body: Sequence[Entity]) -> list[Entity]:
    """The body's entities found again in `title`, as whole words, each keyed as in the body.

    Opening an article shows only stored entities: running the tagger on the
    title would load its model (numpy and tens of megabytes) on the first
    open. A name the body never uses stays plain in the title. Longer names
    win over the shorter ones inside them (`Elon Musk` over `Musk`).
    """
    first_of: dict[str, Entity] = {}
    for entity in body:
        # A substring test first: most of a long article's names are not in its title.
        if entity.text and entity.text in title:
            first_of.setdefault(entity.text, entity)
    taken: list[Entity] = []
    for text in sorted(first_of, key=len, reverse=True):
        source = first_of[text]
        for match in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", title):
            start, end = match.span()
            if any(start < other.end and other.start < end for other in taken):
                continue
            taken.append(
                Entity(start=start, end=end, label=source.label, text=text, key=source.key)
            )
    return sorted(taken, key=lambda entity: entity.start)


class ArticleView(VerticalScroll, can_focus=True):
    """Shows an article: title, deck, byline, body blocks and the entity legend.

    Entity colours come from this widget's component classes, so they follow
    the theme. All article text arrives as `rich.text.Text` with explicit
    spans; nothing here is parsed as markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings_for(ARTICLE_ACTIONS),
        *(
            Binding(key, f"open_related({number})", show=False, id=f"{OPEN_RELATED.id}_{number}")
            for number, key in enumerate(OPEN_RELATED.key_list, start=1)
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j, down / k, up | Scroll the article a line down / up. |
    | home, g / end, G | Go to the article's top / end. |
    | 1 … 5 | Open that article of the "Related" section. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(entity_component_class(label) for label in ENTITY_LABELS),
        "article-view--heading",
        "article-view--quote-bar",
        "article-view--list-marker",
        "article-view--code",
        "article-view--rule",
        "article-view--search-match",
        "article-view--entity-chosen",
        "article-view--entity-current",
        "article-view--entity-watched",
        "article-view--related-heading",
        "article-view--related-number",
        "article-view--related-source",
        "article-view--focused",
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
    | `article-view--entity-chosen` | Mentions of the name chosen in the entity panel. |
    | `article-view--entity-current` | The mention the panel's enter jumped to. |
    | `article-view--entity-watched` | Mentions of followed names. |
    | `article-view--related-*` | The "Related" section's heading, numbers and sources. |
    | `article-view--focused` | Its `background-tint` tints the view while it has focus. |
    """

    class Shown(Message):
        """Another article is now on display (not sent when the same one is drawn again)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class RelatedChosen(Message):
        """The user chose an article of the "Related" section."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar, one that draws quickly (`QuickScrollBar`)."""
        return quick_vertical_scrollbar(self)

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """Create an empty article view."""
        # Before Textual's set-up, which already notifies style updates.
        self._part_styles: dict[tuple[str, bool], Style] = {}
        """Component styles by (part, partial), kept until the stylesheet, theme or focus changes.

        Textual forgets its own copies whenever the view repaints, which is at
        every open, and working them out again took a tenth of an open.
        """
        # Empty from the start, given with the other classes so that the view is styled
        # once, when it mounts (setting a class now would style it once more).
        super().__init__(name=name, id=id, classes=f"{classes} -empty" if classes else "-empty")
        self._shown: tuple[Article, list[Entity]] | None = None
        self._search_pattern: re.Pattern[str] | None = None
        self._title_entities: list[Entity] = []
        self._chosen: Mentions | None = None
        """Mentions of the entity chosen in the panel, laid over with `entity-chosen`."""
        self._current: int | None = None
        """Which of the chosen mentions the last jump went to."""
        self._watched: frozenset[str] = frozenset()
        self._related: list[RelatedArticle] = []
        self._prepared: _Prepared | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """The view's own lines: its background alone, which its parts are drawn over.

        The view has no border and no content of its own, so this is what
        Textual would draw, without laying out an empty content for every line
        the view spans each time it repaints (at every open).
        """
        background = Style.from_color(bgcolor=self.background_colors[1].rich_color)
        return [Strip.blank(crop.width, background)] * crop.height

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
        yield ArticleBody(id="article-body")
        yield Static(id="article-legend")
        yield Static(id="article-related")

    def on_mount(self) -> None:
        """Start empty, and restyle the article whenever the theme changes."""
        self.show_empty()
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        # Entity colours are baked into the rendered text, so render again once
        # the new theme's styles have reached this widget.
        self.call_after_refresh(self._restyle)

    def _restyle(self) -> None:
        self._part_styles.clear()
        self._show_focus()
        self._render_again()

    def notify_style_update(self) -> None:
        """Forget the component styles kept: the stylesheet changed."""
        super().notify_style_update()
        self._part_styles.clear()

    def _part(self, part: str, *, partial: bool = True) -> Style:
        """The style of component class `article-view--{part}` (partial: not blended with the
        view's own)."""
        key = (part, partial)
        style = self._part_styles.get(key)
        if style is None:
            style = self.get_component_rich_style(f"article-view--{part}", partial=partial)
            self._part_styles[key] = style
        return style

    def watch_has_focus(self, has_focus: bool) -> None:
        """Tint the view while it has focus, without restyling the article inside it.

        Textual's own reaction to a focus change matches the stylesheet again for
        the view, each of its parts and each of its component classes: a fifth
        of the time an open took. The tint is all that focus changes here, so it
        is set on the view alone.
        """
        self._show_focus()

    def _show_focus(self) -> None:
        tint = self.get_component_styles("article-view--focused").background_tint
        before = self.styles.background_tint
        self.styles.background_tint = tint if self.has_focus else None
        if self.styles.background_tint != before:
            # The parts draw on the view's background: their styles depend on the tint.
            for part in self.walk_children(Widget):
                part.notify_style_update()
        # Blended styles take the view's background, which the tint changes.
        self._part_styles = {key: style for key, style in self._part_styles.items() if key[1]}

    def _render_again(self) -> None:
        if self._shown is not None:
            article, entities = self._shown
            self.show_article(article, entities, keep_scroll=True)
        if self._related:
            self._show_related_section()

    def entity_styles(self) -> dict[str, Style]:
        """The style of each entity label, from the theme via `app.tcss`."""
        return {label: self._part(label.lower()) for label in ENTITY_LABELS}

    def _body_styles(self) -> BlockStyles:
        from newsread.render.console import BlockStyles

        return BlockStyles(
            heading=self._part("heading"),
            quote_bar=self._part("quote-bar"),
            list_marker=self._part("list-marker"),
            code=self._part("code"),
            rule=self._part("rule"),
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
        self._forget_marks()
        self._show_related_section()
        self.query_one("#article-empty", Static).update(Text(message))
        self.set_class(True, "-empty")
        self.query_one(ArticleBody).show_blocks((), None)

    def show_article(
        self, article: Article, entities: Sequence[Entity], *, keep_scroll: bool = False
    ) -> None:
        """Render `article` with `entities` (offsets into its body), scrolled to its top.

        `keep_scroll` keeps the reading position (used when only the styles changed).
        """
        another = article.id != self.shown_id
        if another:
            self._forget_marks()
        prepared = self._take_prepared(article, entities) if another else None
        if prepared is not None:
            self._title_entities = prepared.title_entities
            rendered = prepared.rendered
        else:
            if another or self._shown is None or self._shown[0] != article:
                self._title_entities = title_entities(article.title, entities)
            rendered = self._rendering(article, entities, self._title_entities, self._overlay())
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
            self.query_one(ArticleBody).show_blocks(rendered.blocks, self._body_styles())
            if another:
                self._show_related_section()
            if not keep_scroll:
                self.scroll_home(animate=False, immediate=True)
        if another:
            self.post_message(self.Shown(article.id))

    def prepare(self, article: Article, entities: Sequence[Entity]) -> None:
        """Render `article` now, while the reader is idle, so that showing it next is quick.

        The reader prepares the article `n` would open. Showing it uses this
        rendering only if nothing it depends on (the article, its entities, the
        theme, followed names, the search) has changed since.
        """
        if article.id == self.shown_id:
            return
        shown_title = title_entities(article.title, entities)
        # Shown, it would be another article: no name chosen in the panel, no mention jumped to.
        rendered = self._rendering(article, entities, shown_title, self._overlay_for(None, None))
        self._prepared = _Prepared(
            article, tuple(entities), self._render_inputs(), shown_title, rendered
        )
        # Its first screen is laid out in a step of its own: a key pressed meanwhile goes first.
        self.call_later(
            self.query_one(ArticleBody).prepare,
            rendered.blocks,
            self._body_styles(),
            self.scrollable_content_region.height,
        )

    def _take_prepared(self, article: Article, entities: Sequence[Entity]) -> _Prepared | None:
        """The prepared rendering of `article`, if it is still what showing it would draw."""
        prepared, self._prepared = self._prepared, None
        if (
            prepared is None
            or prepared.article != article
            or prepared.entities != tuple(entities)
            or prepared.inputs != self._render_inputs()
        ):
            return None
        return prepared

    def _render_inputs(self) -> tuple[object, ...]:
        """Everything besides the article that its rendering depends on."""
        return (self.entity_styles(), self._watched, self._search_pattern)

    def _rendering(
        self,
        article: Article,
        entities: Sequence[Entity],
        shown_title: Sequence[Entity],
        overlay: EntityOverlay | None,
    ) -> RenderedArticle:
        # Imported on first use: the renderer (markdown-it) is not needed to draw
        # the first screen.
        from newsread.render import render_article

        rendered = render_article(
            article,
            entities,
            styles=self.entity_styles(),
            title_entities=shown_title,
            overlay=overlay,
        )
        self._highlight_search(rendered)
        return rendered

    # Entities: the panel's chosen name, the mention jumped to, and followed names.

    def _forget_marks(self) -> None:
        self._chosen = None
        self._current = None
        self._related = []

    @property
    def chosen_key(self) -> str:
        """The key of the entity whose mentions are highlighted; empty for none."""
        return self._chosen.key if self._chosen is not None else ""

    @property
    def watched_keys(self) -> frozenset[str]:
        """The keys of the followed entities, whose mentions get their own highlight."""
        return self._watched

    @property
    def current_mention(self) -> tuple[int, int] | None:
        """`(position, total)` of the mention the last jump went to (from 1), or None."""
        if self._chosen is None or self._current is None:
            return None
        return self._current + 1, len(self._chosen)

    def mentions(self, key: str) -> Mentions:
        """Every mention of entity `key` in the article on show, title first."""
        if self._shown is None:
            return Mentions(key=key, entities=(), in_title=0)
        return mentions_of(key, self._title_entities, self._shown[1])

    def set_watched(self, keys: frozenset[str]) -> None:
        """Highlight the mentions of the entities with these keys (the followed ones)."""
        if keys != self._watched:
            self._watched = keys
            self._render_again()

    def choose_entity(self, key: str) -> None:
        """Highlight every mention of entity `key` (empty for none), forgetting the last jump."""
        if key == self.chosen_key:
            return
        self._chosen = self.mentions(key) if key else None
        self._current = None
        self._render_again()

    def jump_to_mention(self, key: str, step: int) -> tuple[int, int] | None:
        """Scroll to the mention of `key` `step` mentions on from the last (wrapping round).

        Returns `(position, total)`, counting from 1, or None when the article never
        mentions it.
        """
        self.choose_entity(key)
        chosen = self._chosen
        if chosen is None:
            return None
        position = chosen.step(self._current, step)
        if position is None:
            return None
        self._current = position
        self._render_again()
        self.call_after_refresh(self._scroll_to_current)
        return position + 1, len(chosen)

    def _overlay(self) -> EntityOverlay | None:
        """What to lay over entity styles: followed names, the chosen one, the current mention."""
        return self._overlay_for(self._chosen, self._current)

    def _overlay_for(self, chosen: Mentions | None, current: int | None) -> EntityOverlay | None:
        """`_overlay` with `chosen` mentions and the `current` one of them."""
        watched = self._watched
        if chosen is None and not watched:
            return None
        from newsread.library.entity_index import entity_key

        chosen_key = chosen.key if chosen is not None else ""
        current_mention = chosen.entities[current] if chosen and current is not None else None
        watched_style = self._over_entities("entity-watched")
        chosen_style = self._over_entities("entity-chosen")
        current_style = self._over_entities("entity-current") + Style(meta={_MENTION_MARK: True})

        def overlay(entity: Entity) -> Style | None:
            key = entity_key(entity)
            style = watched_style if key in watched else None
            if key == chosen_key:
                style = chosen_style if style is None else style + chosen_style
                if entity is current_mention:
                    style += current_style
            return style

        return overlay

    def _over_entities(self, part: str) -> Style:
        """A component style to lay over entity colours, its background blended as in CSS.

        A partial style keeps the entity's own colour but drops a background's
        transparency, so the background is taken from the full, blended style.
        """
        laid_over = self._part(part)
        if laid_over.bgcolor is None:
            return laid_over
        return laid_over + Style(bgcolor=self._part(part, partial=False).bgcolor)

    def _scroll_to_current(self) -> None:
        """Bring the mention jumped to into view, a third of the way down."""
        chosen, current = self._chosen, self._current
        if chosen is None or current is None:
            return
        if current < chosen.in_title:
            self.scroll_home(animate=False)
            return
        body = self.query_one(ArticleBody)
        line = body.line_with_mark(_MENTION_MARK)
        if line is not None:
            # After the next refresh: laying out down to the mention may have changed the height.
            self.call_after_refresh(self._scroll_to_body_line, line)

    def _scroll_to_body_line(self, line: int) -> None:
        """Scroll so that body line `line` is a third of the way down the view."""
        body = self.query_one(ArticleBody)
        top = body.virtual_region.y + body.styles.padding.top + line
        self.scroll_to_region(
            Region(0, max(0, top - self.scrollable_content_region.height // 3), 1, 1),
            animate=False,
            top=True,
            immediate=True,
        )

    # The "Related" section.

    def show_related(self, article_id: str, related: Sequence[RelatedArticle]) -> None:
        """List `related` at the end of the article, if `article_id` is still the one on show."""
        if article_id != self.shown_id:
            return
        self._related = list(related)[:RELATED_LIMIT]
        self._show_related_section()

    @property
    def related(self) -> tuple[RelatedArticle, ...]:
        """The related articles listed at the end of the article on show."""
        return tuple(self._related)

    def _show_related_section(self) -> None:
        section = self.query_one("#article-related", Static)
        section.display = bool(self._related)
        section.update(
            related_text(
                self._related,
                heading=self._part("related-heading"),
                number=self._part("related-number"),
                source=self._part("related-source"),
            )
        )

    def action_open_related(self, number: int) -> None:
        """Open the `number`th article of the "Related" section (counting from 1)."""
        if 1 <= number <= len(self._related):
            self.post_message(self.RelatedChosen(self._related[number - 1].article.id))

    def _highlight_search(self, rendered: RenderedArticle) -> None:
        from newsread.render.search_matches import highlight_matches

        if self._search_pattern is None:
            return
        style = self._part("search-match")
        texts = [rendered.title, *(block.text for block in rendered.blocks)]
        if rendered.deck is not None:
            texts.append(rendered.deck)
        for text in texts:
            highlight_matches(text, self._search_pattern, style)

    def action_scroll_end(self) -> None:
        """Go to the end of the article, laying out the rest of its body first."""
        self.query_one(ArticleBody).lay_out_all()
        super().action_scroll_end()

    def action_page_down(self) -> None:
        """Scroll down by a screenful, without animation so repeated presses keep up."""
        self.scroll_page_down(animate=False)
