"""The article renderer: entity styles on the right characters, safe text, readable layout."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from newsread.model import ENTITY_LABELS, Article, Entity
from newsread.render import (
    ENTITY_LABEL_NAMES,
    ENTITY_STYLE_DEFAULTS,
    Block,
    BlockKind,
    article_renderable,
    entity_counts,
    reading_minutes,
    render_article,
    render_legend,
    word_count,
)

LABEL_OF_STYLE = {style: label for label, style in ENTITY_STYLE_DEFAULTS.items()}


def make_article(
    body: str = "",
    *,
    title: str = "A headline",
    source: str = "Samples",
    section: str = "",
    deck: str = "",
    url: str = "",
) -> Article:
    return Article(
        id="abc123", title=title, body=body, source=source, section=section, deck=deck, url=url
    )


def find(text: str, needle: str, label: str, occurrence: int = 0) -> Entity:
    """The entity covering the `occurrence`-th appearance of `needle` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Entity(start, start + len(needle), label, needle)


def entity_runs(text: Text) -> list[tuple[str, str]]:
    """(shown text, label) for every span carrying an entity style, in order."""
    runs = [
        (span.start, text.plain[span.start : span.end], LABEL_OF_STYLE[span.style])
        for span in text.spans
        if isinstance(span.style, Style) and span.style in LABEL_OF_STYLE
    ]
    return [(shown, label) for _, shown, label in sorted(runs)]


def styles_at(text: Text, index: int) -> Style:
    return text.get_style_at_offset(Console(), index)


def render_blocks(body: str, entities: list[Entity]) -> list[Block]:
    return render_article(make_article(body), entities).blocks


def print_plain(article: Article, entities: list[Entity] | None = None, width: int = 80) -> str:
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None)
    console.print(article_renderable(render_article(article, entities or [])))
    return output.getvalue()


# -- entity styles land on exactly the right characters ------------------------


def test_entities_in_a_paragraph_get_their_labels_styles() -> None:
    body = "Tesla met Nvidia in Paris on Monday."
    entities = [
        find(body, "Tesla", "ORG"),
        find(body, "Nvidia", "ORG"),
        find(body, "Paris", "PLACE"),
        find(body, "Monday", "DATE"),
    ]
    [block] = render_blocks(body, entities)
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text.plain == body
    assert entity_runs(block.text) == [
        ("Tesla", "ORG"),
        ("Nvidia", "ORG"),
        ("Paris", "PLACE"),
        ("Monday", "DATE"),
    ]


def test_entities_in_a_subheading_skip_the_hashes() -> None:
    body = "Opening words.\n\n## Elon Musk visits Berlin\n\nMore words."
    entities = [find(body, "Elon Musk", "PERSON"), find(body, "Berlin", "PLACE")]
    blocks = render_blocks(body, entities)
    heading = blocks[1]
    assert heading.kind is BlockKind.HEADING
    assert heading.level == 2
    assert heading.text.plain == "Elon Musk visits Berlin"
    assert entity_runs(heading.text) == [("Elon Musk", "PERSON"), ("Berlin", "PLACE")]
    assert entity_runs(blocks[0].text) == []
    assert entity_runs(blocks[2].text) == []


def test_entities_after_backslash_escapes_stay_on_their_words() -> None:
    body = "1\\. Shares rose 5\\% at \\*Acme\\* while Apple slid \\[sic\\] in Ohio."
    entities = [
        find(body, "5\\%", "PERCENT"),
        find(body, "Apple", "ORG"),
        find(body, "Ohio", "PLACE"),
    ]
    [block] = render_blocks(body, entities)
    assert block.text.plain == "1. Shares rose 5% at *Acme* while Apple slid [sic] in Ohio."
    assert entity_runs(block.text) == [("5%", "PERCENT"), ("Apple", "ORG"), ("Ohio", "PLACE")]


def test_entities_around_character_references_cover_the_decoded_text() -> None:
    body = "AT&amp;T signed with Procter &amp; Gamble and Verizon."
    entities = [
        find(body, "AT&amp;T", "ORG"),
        find(body, "Procter &amp; Gamble", "ORG"),
        find(body, "Verizon", "ORG"),
    ]
    [block] = render_blocks(body, entities)
    assert block.text.plain == "AT&T signed with Procter & Gamble and Verizon."
    assert entity_runs(block.text) == [
        ("AT&T", "ORG"),
        ("Procter & Gamble", "ORG"),
        ("Verizon", "ORG"),
    ]


def test_entities_inside_emphasis_keep_both_styles() -> None:
    body = "As *Elon Musk* said, **Tesla** and **Space**X agree."
    entities = [
        find(body, "Elon Musk", "PERSON"),
        find(body, "Tesla", "ORG"),
        find(body, "Space**X", "ORG"),
    ]
    [block] = render_blocks(body, entities)
    assert block.text.plain == "As Elon Musk said, Tesla and SpaceX agree."
    assert entity_runs(block.text) == [("Elon Musk", "PERSON"), ("Tesla", "ORG"), ("SpaceX", "ORG")]
    musk = block.text.plain.index("Musk")
    assert styles_at(block.text, musk).italic
    tesla = block.text.plain.index("Tesla")
    assert styles_at(block.text, tesla).bold
    assert styles_at(block.text, tesla).color == ENTITY_STYLE_DEFAULTS["ORG"].color


def test_entities_in_list_items_and_their_markers() -> None:
    body = "Players:\n\n- Waymo in Phoenix\n- Cruise\n\n1. Zoox\n2. Baidu\n"
    entities = [
        find(body, "Waymo", "ORG"),
        find(body, "Phoenix", "PLACE"),
        find(body, "Cruise", "ORG"),
        find(body, "Baidu", "ORG"),
    ]
    blocks = render_blocks(body, entities)
    items = [block for block in blocks if block.kind is BlockKind.LIST_ITEM]
    assert [(item.marker, item.text.plain) for item in items] == [
        ("•", "Waymo in Phoenix"),
        ("•", "Cruise"),
        ("1.", "Zoox"),
        ("2.", "Baidu"),
    ]
    assert entity_runs(items[0].text) == [("Waymo", "ORG"), ("Phoenix", "PLACE")]
    assert entity_runs(items[1].text) == [("Cruise", "ORG")]
    assert entity_runs(items[2].text) == []
    assert entity_runs(items[3].text) == [("Baidu", "ORG")]


def test_nested_list_items_know_their_depth() -> None:
    body = "- Outer\n  - Inner Tesla\n"
    blocks = render_blocks(body, [find(body, "Tesla", "ORG")])
    assert [(block.level, block.marker, block.text.plain) for block in blocks] == [
        (1, "•", "Outer"),
        (2, "◦", "Inner Tesla"),
    ]
    assert entity_runs(blocks[1].text) == [("Tesla", "ORG")]


def test_entities_in_a_quote_across_its_lines() -> None:
    body = "> Sundar Pichai said\n> Google will grow.\n\nAfter."
    entities = [find(body, "Sundar Pichai", "PERSON"), find(body, "Google", "ORG")]
    quote, after = render_blocks(body, entities)
    assert quote.kind is BlockKind.QUOTE
    assert quote.level == 1
    assert quote.text.plain == "Sundar Pichai said Google will grow."
    assert entity_runs(quote.text) == [("Sundar Pichai", "PERSON"), ("Google", "ORG")]
    assert after.text.plain == "After."


def test_an_entity_split_by_a_line_break_is_styled_whole() -> None:
    body = "Yesterday Elon\nMusk spoke."
    [block] = render_blocks(body, [find(body, "Elon\nMusk", "PERSON")])
    assert block.text.plain == "Yesterday Elon Musk spoke."
    assert entity_runs(block.text) == [("Elon Musk", "PERSON")]


def test_entities_in_link_text_are_styled_but_urls_are_not_shown() -> None:
    # The destination repeats the words after the link: they must not be matched there.
    body = "Models on [Hugging Face](<https://hf.co/ from Nvidia>) from Nvidia"
    entities = [
        find(body, "Hugging Face", "ORG"),
        find(body, "Nvidia", "MISC", occurrence=0),
        find(body, "Nvidia", "ORG", occurrence=1),
    ]
    [block] = render_blocks(body, entities)
    assert block.text.plain == "Models on Hugging Face from Nvidia"
    assert entity_runs(block.text) == [("Hugging Face", "ORG"), ("Nvidia", "ORG")]


def test_entities_in_code_are_styled() -> None:
    body = "Run `tesla-cli` now.\n\n```\nimport nvidia\n```\n"
    entities = [find(body, "tesla", "PRODUCT"), find(body, "nvidia", "PRODUCT")]
    paragraph, code = render_blocks(body, entities)
    assert entity_runs(paragraph.text) == [("tesla", "PRODUCT")]
    assert code.kind is BlockKind.CODE
    assert code.text.plain == "import nvidia"
    assert entity_runs(code.text) == [("nvidia", "PRODUCT")]


def test_text_that_cannot_be_mapped_gets_no_style_and_later_entities_still_fit() -> None:
    # The autolink shows "a b" where the source says "a%20b": it cannot be mapped.
    body = "See <https://example.com/a%20b> and then Intel."
    entities = [find(body, "a%20b", "MISC"), find(body, "Intel", "ORG")]
    [block] = render_blocks(body, entities)
    assert block.text.plain == "See https://example.com/a b and then Intel."
    assert entity_runs(block.text) == [("Intel", "ORG")]


def test_bad_entities_never_crash_or_spill() -> None:
    body = "Tesla and Nvidia."
    entities = [
        Entity(-5, 2, "ORG", "??"),
        Entity(3, 3, "ORG", ""),
        Entity(500, 510, "ORG", "beyond"),
        find(body, "Tesla", "ORG"),
        Entity(2, 8, "PLACE", "sla an"),  # overlaps Tesla: dropped
        find(body, "Nvidia", "NOT_A_LABEL"),
    ]
    [block] = render_blocks(body, entities)
    assert entity_runs(block.text) == [("Tesla", "ORG")]


def test_entity_over_markup_only_styles_nothing() -> None:
    body = "A [link](https://example.com) here."
    [block] = render_blocks(body, [find(body, "https://example.com", "ORG")])
    assert entity_runs(block.text) == []


def test_title_entities_are_styled_in_the_title() -> None:
    title = "  Musk responds as Nvidia unveils a rival"
    article = make_article("Body.", title=title)
    rendered = render_article(
        article, [], title_entities=[find(title, "Musk", "PERSON"), find(title, "Nvidia", "ORG")]
    )
    assert rendered.title.plain == "Musk responds as Nvidia unveils a rival"
    assert entity_runs(rendered.title) == [("Musk", "PERSON"), ("Nvidia", "ORG")]
    assert rendered.legend.plain == "■ person  ■ organisation"


# -- styles, names and the legend ----------------------------------------------------


def test_every_label_has_its_own_style_and_names() -> None:
    assert set(ENTITY_STYLE_DEFAULTS) == set(ENTITY_LABELS)
    assert len(set(ENTITY_STYLE_DEFAULTS.values())) == len(ENTITY_LABELS)
    assert all(style.color is not None for style in ENTITY_STYLE_DEFAULTS.values())
    assert set(ENTITY_LABEL_NAMES) == set(ENTITY_LABELS)
    assert ENTITY_LABEL_NAMES["PERSON"] == ("person", "people")
    assert ENTITY_LABEL_NAMES["MISC"] == ("other name", "other names")
    assert ENTITY_LABEL_NAMES["MONEY"] == ("sum of money", "sums of money")


def test_each_label_is_drawn_in_its_own_style() -> None:
    words = [f"W{number}" for number in range(len(ENTITY_LABELS))]
    body = " ".join(words)
    entities = [find(body, word, label) for word, label in zip(words, ENTITY_LABELS, strict=True)]
    [block] = render_blocks(body, entities)
    assert entity_runs(block.text) == list(zip(words, ENTITY_LABELS, strict=True))


def test_legend_lists_only_labels_present_in_label_order() -> None:
    body = "In Paris, Jane Doe paid $5."
    entities = [
        find(body, "Paris", "PLACE"),
        find(body, "Jane Doe", "PERSON"),
        find(body, "$5", "MONEY"),
    ]
    legend = render_article(make_article(body), entities).legend
    assert legend.plain == "■ person  ■ place  ■ sum of money"
    assert entity_runs(legend) == [
        ("■ person", "PERSON"),
        ("■ place", "PLACE"),
        ("■ sum of money", "MONEY"),
    ]


def test_legend_is_empty_without_entities() -> None:
    assert render_article(make_article("Nothing here."), []).legend.plain == ""
    assert render_legend([]).plain == ""


def test_theme_styles_replace_defaults_and_missing_labels_fall_back() -> None:
    body = "Ada met IBM."
    theme = {"PERSON": Style(color="red", underline=True)}
    entities = [find(body, "Ada", "PERSON"), find(body, "IBM", "ORG")]
    rendered = render_article(make_article(body), entities, styles=theme)
    text = rendered.blocks[0].text
    assert styles_at(text, 0).underline
    assert styles_at(text, 0).color == Style(color="red").color
    assert styles_at(text, text.plain.index("IBM")).color == ENTITY_STYLE_DEFAULTS["ORG"].color
    legend = render_legend(["ORG", "PERSON"], theme)
    assert styles_at(legend, 0).color == Style(color="red").color


# -- meta line, counts and reading time ------------------------------------------------


def test_meta_line_shows_section_source_time_and_counts_with_plurals() -> None:
    body = "Ann Lee and Bo Chan met Ann Lee at Acme for $5 and $7, up 3%."
    entities = [
        find(body, "Ann Lee", "PERSON"),
        find(body, "Bo Chan", "PERSON"),
        find(body, "Ann Lee", "PERSON", occurrence=1),
        find(body, "Acme", "ORG"),
        find(body, "$5", "MONEY"),
        find(body, "$7", "MONEY"),
        find(body, "3%", "PERCENT"),
    ]
    meta = render_article(make_article(body, section="News"), entities).meta
    assert meta.plain == (
        "News · Samples · 1 min read · 2 people · 1 organisation · 2 sums of money · 1 percentage"
    )


def test_meta_line_without_section_or_entities() -> None:
    meta = render_article(make_article("Hello."), []).meta
    assert meta.plain == "Samples · 1 min read"


def test_entity_counts_count_different_names_in_label_order() -> None:
    entities = [
        Entity(0, 4, "ORG", "Acme"),
        Entity(5, 9, "PERSON", "Jane"),
        Entity(10, 14, "ORG", "ACME"),
        Entity(15, 19, "ORG", "Initech"),
    ]
    counts = entity_counts(entities)
    assert counts == {"PERSON": 1, "ORG": 2}
    assert list(counts) == ["PERSON", "ORG"]
    assert entity_counts([]) == {}


def test_entity_counts_count_mentions_of_one_thing_once() -> None:
    entities = [
        Entity(0, 17, "ORG", "Doosan Enerbility", "doosan enerbility"),
        Entity(20, 26, "ORG", "Doosan", "doosan enerbility"),
        Entity(30, 31, "ORG", "X", "x"),
        Entity(40, 41, "ORG", "𝕏", "x"),
        Entity(50, 54, "PERSON", "Musk", "elon musk"),
    ]
    assert entity_counts(entities) == {"PERSON": 1, "ORG": 2}


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (10, 1), (230, 1), (460, 2), (2300, 10), (2400, 10)]
)
def test_reading_time_at_230_words_a_minute(words: int, minutes: int) -> None:
    assert reading_minutes(" ".join(["word"] * words)) == minutes


def test_word_count_ignores_lone_markup() -> None:
    assert word_count("## Big news\n\n- one, two\n\n> three — 1,700 hours") == 7
    assert word_count("") == 0


# -- safety: markup and control characters -------------------------------------------------

MARKUP = "[/bold] a [/ b [@click=app.quit]x"


def test_markup_in_article_text_is_shown_literally() -> None:
    article = make_article(
        f"Body says {MARKUP} too.", title=MARKUP, deck=MARKUP, section="[red]S", source="[b]Src"
    )
    output = print_plain(article, width=200)
    assert output.count(MARKUP) == 3
    assert "[red]S · [b]Src" in output


def test_markup_in_link_text_and_code_is_literal() -> None:
    body = "[[bold]x[/bold]](https://example.com) and `[i]code[/i]`"
    output = print_plain(make_article(body))
    assert "[bold]x[/bold] and [i]code[/i]" in output


CONTROLS = "\x1b[31m\x9b2J\x1b]8;;http://evil\x07click\x1b]8;;\x07\x00\x7f\x85\x08\r"
ROGUE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _strip_rich_sequences(output: str) -> str:
    """Remove the SGR and OSC 8 hyperlink sequences Rich emits itself."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    return re.sub(r"\x1b\]8;[^\x00-\x1f\x7f-\x9f]*\x1b\\", "", output)


def test_control_characters_never_reach_the_terminal() -> None:
    body = (
        f"## Head {CONTROLS}\n\nText {CONTROLS} Tesla [a{CONTROLS}](https://example.com/{CONTROLS})\n\n"
        f"> quote {CONTROLS}\n\n- item {CONTROLS}\n\n```\ncode {CONTROLS}\n```\n\n`{CONTROLS}`"
    )
    article = make_article(
        body,
        title=f"Title {CONTROLS}",
        deck=f"Deck {CONTROLS}",
        section=f"Sec{CONTROLS}",
        source=f"Src{CONTROLS}",
        url=f"https://example.com/{CONTROLS}",
    )
    output = io.StringIO()
    console = Console(file=output, width=100, color_system="truecolor", force_terminal=True)
    console.print(article_renderable(render_article(article, [find(body, "Tesla", "ORG")])))
    cleaned = _strip_rich_sequences(output.getvalue())
    assert ROGUE.findall(cleaned) == []
    assert "Title" in cleaned
    assert "click" in cleaned


def test_neutralised_controls_keep_entity_offsets() -> None:
    body = "\x1b[31mTesla\x07 and \x9bNvidia"
    entities = [find(body, "Tesla", "ORG"), find(body, "Nvidia", "ORG")]
    [block] = render_blocks(body, entities)
    assert "\x1b" not in block.text.plain
    assert entity_runs(block.text) == [("Tesla", "ORG"), ("Nvidia", "ORG")]


def test_only_web_links_become_hyperlinks() -> None:
    body = "[site](https://example.com) [mail](mailto:a@b.c) [bad](javascript:alert(1))"
    rendered = render_article(make_article(body), [])
    text = rendered.blocks[0].text
    assert styles_at(text, text.plain.index("site")).link == "https://example.com"
    assert styles_at(text, text.plain.index("mail")).link is None
    assert "[bad](javascript:alert(1))" in text.plain
    assert all(
        "javascript" not in (span.style.link or "")
        for span in text.spans
        if isinstance(span.style, Style)
    )
    assert [(link.text, link.url) for link in rendered.links] == [("site", "https://example.com")]


# -- odd bodies --------------------------------------------------------------------------


def test_empty_body_renders_title_and_meta_only() -> None:
    rendered = render_article(make_article("", deck=""), [])
    assert rendered.blocks == []
    assert rendered.deck is None
    output = print_plain(make_article(""))
    assert "A headline" in output
    assert "Samples · 1 min read" in output


def test_body_with_only_a_heading() -> None:
    blocks = render_blocks("## Just this", [])
    assert [(block.kind, block.level, block.text.plain) for block in blocks] == [
        (BlockKind.HEADING, 2, "Just this")
    ]


def test_very_long_paragraph_is_styled_to_the_end() -> None:
    body = " ".join(f"word{number} *emphasis* \\*x" for number in range(5_000)) + " Finale"
    [block] = render_blocks(body, [find(body, "Finale", "EVENT")])
    assert block.text.plain.endswith("*x Finale")
    assert entity_runs(block.text) == [("Finale", "EVENT")]


def test_tables_are_laid_out_in_columns() -> None:
    body = "| Company | City |\n|---|---|\n| Tesla | Austin |\n| Nvidia \\| AI | Santa Clara |\n"
    entities = [find(body, "Tesla", "ORG"), find(body, "Santa Clara", "PLACE")]
    [block] = render_blocks(body, entities)
    lines = block.text.plain.split("\n")
    assert lines[0] == "Company     │ City"
    assert set(lines[1]) == {"─", "┼"}
    assert lines[2] == "Tesla       │ Austin"
    assert lines[3] == "Nvidia | AI │ Santa Clara"
    assert entity_runs(block.text) == [("Tesla", "ORG"), ("Santa Clara", "PLACE")]


def test_html_is_shown_as_literal_text() -> None:
    body = '<div class="x">\n<b>Tesla</b>\n</div>\n\nInline <span>html</span> here.'
    html_block, paragraph = render_blocks(body, [find(body, "Tesla", "ORG")])
    assert html_block.text.plain == '<div class="x">\n<b>Tesla</b>\n</div>'
    assert entity_runs(html_block.text) == [("Tesla", "ORG")]
    assert paragraph.text.plain == "Inline <span>html</span> here."


def test_horizontal_rule_and_image_alt_text() -> None:
    body = "Before\n\n---\n\n![Photo of Elon Musk](photo.jpg)"
    _, rule, image = render_blocks(body, [find(body, "Elon Musk", "PERSON")])
    assert rule.kind is BlockKind.RULE
    assert image.text.plain == "Photo of Elon Musk"
    assert entity_runs(image.text) == [("Elon Musk", "PERSON")]


# -- printing with `newsread show` ------------------------------------------------------------


def test_article_renderable_prints_everything_in_order() -> None:
    body = (
        "First paragraph about Tesla.\n\n## A subheading\n\nSecond paragraph.\n\n"
        "> A wise quote.\n\n- Apples\n- Pears\n\n1. One\n2. Two\n\nLast words."
    )
    article = make_article(body, title="The title", deck="The deck.", section="News")
    output = print_plain(article, [find(body, "Tesla", "ORG")])
    lines = [line.rstrip() for line in output.splitlines()]
    expected_order = [
        "The title",
        "The deck.",
        "News · Samples · 1 min read · 1 organisation",
        "First paragraph about Tesla.",
        "A subheading",
        "Second paragraph.",
        "▌ A wise quote.",
        "• Apples",
        "• Pears",
        "1. One",
        "2. Two",
        "Last words.",
        "■ organisation",
    ]
    positions = [lines.index(line) for line in expected_order]
    assert positions == sorted(positions)
    assert lines[lines.index("The title") + 3] == ""  # blank line after the meta
    assert lines.index("• Pears") == lines.index("• Apples") + 1  # list items sit together


def test_wrapped_quotes_and_list_items_keep_their_bar_and_indent() -> None:
    words = " ".join(["lorem"] * 30)
    body = f"> {words}\n\n- {words}"
    lines = [line.rstrip() for line in print_plain(make_article(body), width=40).splitlines()]
    quote_lines = [line for line in lines if line.startswith("▌ ")]
    assert len(quote_lines) >= 3
    first_item = next(number for number, line in enumerate(lines) if line.startswith("• "))
    assert lines[first_item + 1].startswith("  lorem")
    assert all(len(line) <= 40 for line in lines)


def test_search_matches_are_laid_over_entity_styles() -> None:
    from rich.console import Console
    from rich.style import Style
    from rich.text import Text

    from newsread.render.search_matches import highlight_matches, match_pattern

    text = Text("Ferry to North Sea farms; north, sea and FARMERS.")
    text.stylize(Style(color="red", bold=True), 9, 18)  # an entity: "North Sea"
    pattern = match_pattern([(("north", "sea"), False), (("farm",), True)])
    match_style = Style(bgcolor="yellow")
    assert highlight_matches(text, pattern, match_style) == 4
    segments = list(text.render(Console()))
    styled = {segment.text: segment.style for segment in segments if segment.style}
    north_sea = styled["North Sea"]
    assert north_sea is not None
    assert north_sea.color is not None and north_sea.color.name == "red" and north_sea.bold
    assert north_sea.bgcolor is not None and north_sea.bgcolor.name == "yellow"
    assert "FARMERS" in styled and "farms" in styled
    assert "north, sea" in styled, "a phrase matches across punctuation"
    assert "Ferry" not in styled


def test_no_search_terms_highlight_nothing() -> None:
    from rich.style import Style
    from rich.text import Text

    from newsread.render.search_matches import highlight_matches, match_pattern

    text = Text("Anything at all")
    assert match_pattern([]) is None
    assert highlight_matches(text, None, Style(bgcolor="yellow")) == 0
    assert text.spans == []
