"""The line judgements behind the seed-format parser."""

from __future__ import annotations

import textwrap

import pytest

from newsread.ingest.text_lines import (
    first_sentence,
    has_sentence_boundary,
    is_deck,
    is_furniture,
    is_heading_like,
    logical_lines,
    shorten,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("News", True),
        ("Nvidia’s platform approach vs Tesla’s integration", True),
        ("Musk says “no”", True),
        ("His response was extensive:", False),
        ("The deal closed.", False),
        ("“Well, it works,”", False),
        ("Why now?", False),
        ("word " * 17, False),
        ("x" * 121, False),
        ("", False),
    ],
)
def test_heading_like(line: str, expected: bool) -> None:
    assert is_heading_like(line.strip()) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("“Tesla’s FSD stack is completely world-class,” the Nvidia CEO said.", True),
        ("The deal, which was confirmed by Musk on X, highlights the effort.", True),
        ("Dr. Jones and J. R. Smith met U.S. officials.", True),
        ("Ports closed. Ships waited offshore.", False),
        ("“It works.” Then he left.", False),
        ("Prices rose 5%. 2026 will be harder.", False),
        ("A heading without a full stop", False),
        ("A sentence that is far too long to be a deck " * 6 + "end.", False),
    ],
)
def test_deck(line: str, expected: bool) -> None:
    assert is_deck(line) is expected


def test_sentence_boundary_needs_a_capital_or_digit_after_it() -> None:
    assert not has_sentence_boundary("It cost 3.5 billion, i.e. a lot.")
    assert has_sentence_boundary("It cost a lot. Nobody paid.")
    assert first_sentence("“It cost a lot.” Nobody paid.") == "“It cost a lot.”"
    assert first_sentence("No boundary here") == "No boundary here"


@pytest.mark.parametrize(
    "line",
    [
        "Read More News: Click Here",
        "READ MORE: the story behind the story",
        "See also: our guide to electric trucks",
        "Also read: why prices keep rising",
        "Related coverage: the trial so far",
        "Share this article",
        "Follow us on Instagram",
        "Subscribe to our newsletter",
        "Sign up for alerts.",
        "Advertisement",
        "To see the full list, click here.",
    ],
)
def test_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Readers were asked to share their views on the plan.",
        "Advertisement spending fell sharply last quarter",
        "Related companies saw their shares fall",
        "He told readers to read more widely, and then to click here and there, "
        "in a long paragraph that goes on to say a great many other things about it.",
    ],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_shorten_cuts_at_a_word_and_marks_the_cut() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("one two three four five", 12) == "one two…"
    assert len(shorten("a" * 50, 10)) == 10


def test_logical_lines_normalises_whitespace_and_controls() -> None:
    text = "\ufeff  Head\tline  \r\n\r\n\x1bBody  text.\x00 \n"
    assert list(logical_lines(text)) == ["Head line", "Body text."]


PARAGRAPH = (
    "Regulators in two countries will look at the deal over the coming months, and both "
    "have signalled that they intend to ask hard questions about competition in a market."
)


@pytest.mark.parametrize("width", [45, 60, 72, 100])
def test_wrapped_block_is_one_paragraph(width: int) -> None:
    assert list(logical_lines(textwrap.fill(PARAGRAPH, width))) == [PARAGRAPH]


def test_hyphen_at_a_wrap_is_mended() -> None:
    text = textwrap.fill("a " * 28 + "self-driving cars are here.", 62)
    assert text.splitlines()[0].endswith("self-")
    assert list(logical_lines(text)) == ["a " * 28 + "self-driving cars are here."]


@pytest.mark.parametrize(
    "block",
    [
        pytest.param(
            ["News", "Tesla Cybertruck sure looks similar to a Mars rover concept"], id="label"
        ),
        pytest.param(
            ["Short subheading", "A paragraph of modest length that ends here."], id="sub"
        ),
        pytest.param(
            [
                "Shares rose 4% in early trading on the news of the takeover deal.",
                "Some investors questioned whether the brand was worth the premium.",
            ],
            id="sentences",
        ),
        pytest.param([PARAGRAPH, PARAGRAPH], id="long-lines"),
    ],
)
def test_one_paragraph_per_line_blocks_are_kept(block: list[str]) -> None:
    assert list(logical_lines("\n".join(block))) == block
