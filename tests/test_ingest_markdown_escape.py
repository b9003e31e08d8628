"""Escaped plain text must read back exactly as written, with as few backslashes as possible."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsread.ingest.markdown_escape import escape_heading, escape_inline, escape_paragraph

PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    # What a renderer may switch on beyond CommonMark.
    "commonmark+gfm": MarkdownIt("commonmark").enable(["table", "strikethrough"]),
}


def _only_block(markdown: str, parser: MarkdownIt) -> tuple[str, str]:
    """The kind (`p`, `h2`, …) and plain text of the single block `markdown` renders to."""
    tokens = parser.parse(markdown)
    assert len(tokens) == 3, [token.type for token in tokens]
    opening, inline, closing = tokens
    assert opening.type in {"paragraph_open", "heading_open"}, opening.type
    assert closing.type in {"paragraph_close", "heading_close"}, closing.type
    return opening.tag, _plain_text(inline.children or [])


def _plain_text(children: list[Token]) -> str:
    kinds = {child.type for child in children}
    assert kinds <= {"text"}, f"markup appeared: {kinds}"
    return "".join(child.content for child in children)


TRICKY = [
    "*not emphasis*",
    "**not strong**",
    "_not emphasis_",
    "__not strong__",
    "a*b*c and a_b_c",
    "x *a* y",
    "* not a bullet",
    "- not a bullet",
    "+ not a bullet",
    "-",
    "***",
    "- - -",
    "___",
    "# not a heading",
    "###### not a heading either",
    "> not a quote",
    "1. not a list",
    "2026) not a list",
    "123456789. still not a list",
    "`not code`",
    "``` not a fence",
    "~~~ not a fence",
    "~~not struck~~",
    "[not a link](https://example.com)",
    "[label]: https://example.com",
    "![not an image](x.png)",
    "<b>not html</b>",
    "<https://example.com>",
    "<!-- not a comment -->",
    "&amp; &#38; &#x26; &copy; stay literal",
    "a backslash \\ and \\* and a trailing one \\",
    "\\\\",
    "ends with two spaces  ",
    "| a | b |",
    "=====",
    "it’s “quoted” — fine…",
    "**_*_**",
    "_*mixed*_ and *_mixed_*",
    "¿*¡hola!*?",
    "snake_case_name and __dunder__",
]

LITERAL_ALREADY = [
    "Q&A",
    "AT&T and R&D",
    "$20B and $15 billion",
    "600,000+ GB200 NVL72",
    "user @SemiAnalysis_ stating that",
    "snake_case",
    "5 * 3 = 15",
    "a < b and b > a",
    "C# and #hashtag",
    "100% and 3.5%",
    "2026 was the year",
    "Tesla’s “Blade Runner” Cybertruck",
    "end-to-end Full Self-Driving—meaning",
    "https://example.com/a_b_c",
]


@pytest.mark.parametrize("parser_name", sorted(PARSERS))
@pytest.mark.parametrize("text", TRICKY + LITERAL_ALREADY)
def test_paragraph_reads_back_as_the_original_text(text: str, parser_name: str) -> None:
    tag, rendered = _only_block(escape_paragraph(text), PARSERS[parser_name])
    assert tag == "p"
    assert rendered == text.strip()


@pytest.mark.parametrize("parser_name", sorted(PARSERS))
@pytest.mark.parametrize("text", [*TRICKY, *LITERAL_ALREADY, "We are number #", "#", "Top 10 ##"])
def test_heading_reads_back_as_the_original_text(text: str, parser_name: str) -> None:
    tag, rendered = _only_block(f"## {escape_heading(text)}", PARSERS[parser_name])
    assert tag == "h2"
    assert rendered == text.strip()


@pytest.mark.parametrize("text", LITERAL_ALREADY)
def test_ordinary_text_gets_no_backslashes(text: str) -> None:
    assert escape_paragraph(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*a*", "\\*a*"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("# Title", "\\# Title"),
        ("a &amp; b", "a \\&amp; b"),
        ("see <b>", "see \\<b>"),
        ("[x]", "\\[x]"),
    ],
)
def test_only_the_syntax_character_is_escaped(text: str, expected: str) -> None:
    assert escape_paragraph(text) == expected


def test_inline_escape_leaves_line_start_syntax_alone() -> None:
    assert escape_inline("- 1. # >") == "- 1. # >"
    assert escape_inline("*a*") == "\\*a*"


def test_random_punctuation_soup_reads_back_exactly() -> None:
    alphabet = [
        *"*_`[]<>&\\#!~-+=|()1. a\u00a0;:/\"'“”’«»—$%^{}?,@0x",
        *("&amp;", "&#1;", "<a>", "</a>", "<!--", "-->", "<?", "a@b.c", "[x]:", "](", "9)", "10."),
        "https://x.y",
    ]
    generator = random.Random(20260107)
    for _ in range(3000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(1, 14)))
        text = " ".join(text.split())
        if not text:
            continue
        for parser in PARSERS.values():
            assert _only_block(escape_paragraph(text), parser) == ("p", text), text
            assert _only_block(f"## {escape_heading(text)}", parser) == ("h2", text), text
