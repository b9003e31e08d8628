"""Themes: any Textual theme from the palette, remembered between runs, entities readable on all."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from rich.text import Text
from textual.color import Color
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES
from textual.widgets import Static

import newsread.entities
from newsread.library import Library
from newsread.model import ENTITY_LABELS, Entity, ParsedArticle
from newsread.tui.app import DEFAULT_THEME, NewsreadApp
from newsread.tui.entity_colours import contrast_ratio, entity_variable
from newsread.tui.widgets.article_view import ArticleView

LibraryFactory = Callable[[Sequence[ParsedArticle]], Library]
SnapCompare = Callable[..., bool]
SIZE = (120, 40)

BODY = (
    "Ada Lovelace wrote to the Analytical Society from London about the Difference Engine "
    "and the Great Exhibition, a very British affair.\n\n"
    "Tickets cost £5, up 12% on the year, for 3 tonnes of brass shown on 1 May 1851."
)
MENTIONS = (
    ("Ada Lovelace", "PERSON"),
    ("Analytical Society", "ORG"),
    ("London", "PLACE"),
    ("Difference Engine", "PRODUCT"),
    ("Great Exhibition", "EVENT"),
    ("British", "MISC"),
    ("£5", "MONEY"),
    ("12%", "PERCENT"),
    ("3 tonnes", "QUANTITY"),
    ("1 May 1851", "DATE"),
)
ENTITIES = [
    Entity(BODY.index(text), BODY.index(text) + len(text), label, text) for text, label in MENTIONS
]


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent)


def measurable_themes() -> list[str]:
    """Every built-in theme with real colours (the ANSI ones leave colours to the terminal)."""
    return sorted(
        name
        for name, theme in BUILTIN_THEMES.items()
        if Color.parse(theme.to_color_system().generate()["background"]).ansi is None
    )


@pytest.fixture
def entity_library(make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch) -> Library:
    """One article naming one thing of every label, with fixed entities (not the tagger's)."""
    library = make_library([ParsedArticle("A letter about an engine", BODY, "engine")])
    monkeypatch.setattr(library, "entities", lambda article_id: list(ENTITIES))
    monkeypatch.setattr(library, "stored_entities", lambda article_id: list(ENTITIES))
    monkeypatch.setattr(newsread.entities, "extract", lambda text: [])
    return library


def test_every_builtin_theme_is_measured() -> None:
    themes = measurable_themes()
    assert {"tokyo-night", "textual-light", "catppuccin-latte", "solarized-light"} <= set(themes)
    assert len(themes) >= 15


@pytest.mark.parametrize("theme", measurable_themes())
def test_entity_colours_reach_contrast_three_on_every_theme(library: Library, theme: str) -> None:
    app = make_app(library)
    app.theme = theme
    variables = app.get_css_variables()
    background = Color.parse(variables["background"])
    colours = {label: Color.parse(variables[entity_variable(label)]) for label in ENTITY_LABELS}
    for label, colour in colours.items():
        assert contrast_ratio(colour, background) >= 3, (theme, label, colour.hex)
    assert len({colour.hex for colour in colours.values()}) >= 5, "labels stay told apart"


def test_contrast_ratio_matches_the_wcag_extremes() -> None:
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    assert contrast_ratio(black, white) == pytest.approx(21)
    assert contrast_ratio(white, white) == pytest.approx(1)


async def test_the_palette_offers_every_theme_and_the_choice_is_remembered(
    library: Library,
) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        assert "Theme" in [command.title for command in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"catppuccin-latte")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "catppuccin-latte"
    assert library.preference("theme") == "catppuccin-latte"
    assert make_app(library).theme == "catppuccin-latte", "applied before the first paint"


def test_an_unknown_remembered_theme_falls_back_to_the_default(library: Library) -> None:
    library.set_preference("theme", "no-such-theme")
    assert make_app(library).theme == DEFAULT_THEME


async def test_the_open_article_takes_the_new_themes_entity_colours(
    entity_library: Library,
) -> None:
    app = make_app(entity_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        app.theme = "catppuccin-latte"
        await pilot.pause(0.3)
        view = app.screen.query_one(ArticleView)
        person = Color.parse(app.get_css_variables()[entity_variable("PERSON")])
        assert view.entity_styles()["PERSON"].color == person.rich_color
        body = view.query_one("#article-body", Static).content
        assert any(
            isinstance(part, Text)
            and any(span.style and span.style.color == person.rich_color for span in part.spans)
            for part in getattr(body, "renderables", [])
        )


@pytest.mark.parametrize("theme", ["tokyo-night", "catppuccin-latte"])
def test_article_with_every_entity_label(
    snap_compare: SnapCompare, entity_library: Library, theme: str
) -> None:
    entity_library.set_preference("theme", theme)

    async def open_it(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause(0.3)

    assert snap_compare(make_app(entity_library), terminal_size=SIZE, run_before=open_it)
