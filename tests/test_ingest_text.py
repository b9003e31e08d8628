"""The seed-format parser: what a reader sees from plain text copied off news sites."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from newsread.errors import SourceError
from newsread.ingest.text import parse_text, parse_text_file
from newsread.model import ParsedArticle
from newsread.seeds import seed_files

MARKDOWN = MarkdownIt("commonmark")

SEED_TITLES = [
    "Tesla’s Musk Responds as Nvidia Unveils Open-Source Rival for Autonomy",
    "Tesla Cybertruck sure looks similar to NASA’s Mars rover concept",
    "Nvidia CEO Jensen Huang explains difference between Tesla FSD and Alpamayo",
    "Elon Musk confirms xAI’s purchase of five 380 MW natural gas turbines",
    "Elon Musk’s xAI closes upsized $20B Series E funding round",
]


def _blocks(article: ParsedArticle) -> list[tuple[str, str]]:
    """The body as (`p` or `h2`, plain text) pairs, read back through a Markdown parser."""
    tokens = MARKDOWN.parse(article.body)
    blocks: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            children = token.children or []
            assert {child.type for child in children} <= {"text"}, article.body
            blocks.append((tokens[index - 1].tag, "".join(child.content for child in children)))
        else:
            assert token.type in {
                "paragraph_open",
                "paragraph_close",
                "heading_open",
                "heading_close",
            }, token.type
    return blocks


def _paragraphs(article: ParsedArticle) -> list[str]:
    return [text for tag, text in _blocks(article) if tag == "p"]


def _subheadings(article: ParsedArticle) -> list[str]:
    return [text for tag, text in _blocks(article) if tag == "h2"]


@pytest.fixture(scope="module")
def seed_articles() -> list[ParsedArticle]:
    return [article for path in seed_files() for article in parse_text_file(path)]


# --- the bundled seeds ---------------------------------------------------------------------


def test_seeds_hold_the_five_sample_articles(seed_articles: list[ParsedArticle]) -> None:
    assert [article.title for article in seed_articles] == SEED_TITLES
    assert [article.key for article in seed_articles] == SEED_TITLES


def test_seed_sections_and_decks(seed_articles: list[ParsedArticle]) -> None:
    assert [(article.section, article.deck) for article in seed_articles] == [
        ("", ""),
        ("News", ""),
        ("News", "“Tesla’s FSD stack is completely world-class,” the Nvidia CEO said."),
        (
            "Elon Musk",
            "The deal, which was confirmed by Musk on X, highlights xAI’s effort to "
            "aggressively scale its operations.",
        ),
        ("Elon Musk", "xAI announced the investment round in a post on its official website."),
    ]


def test_seed_subheadings_become_level_two_headings(seed_articles: list[ParsedArticle]) -> None:
    assert [_subheadings(article) for article in seed_articles] == [
        [],
        [],
        [
            "Jensen Huang’s praise for Tesla FSD",
            "Nvidia’s platform approach vs Tesla’s integration",
        ],
        ["xAI’s turbine deal details", "xAI’s ambitions"],
        ["A $20 billion Series E round", "xAI’s core mission"],
    ]
    assert "\n\n## Jensen Huang’s praise for Tesla FSD\n\n" in seed_articles[2].body


def test_seed_paragraph_counts(seed_articles: list[ParsedArticle]) -> None:
    assert [len(_paragraphs(article)) for article in seed_articles] == [10, 9, 11, 6, 8]


def test_site_furniture_is_dropped(seed_articles: list[ParsedArticle]) -> None:
    first = seed_articles[0]
    assert "Click Here" not in first.body
    assert _paragraphs(first)[-1].startswith("At present, Tesla and Nvidia")


def test_deck_is_not_repeated_at_the_top_but_a_later_repeat_is_kept(
    seed_articles: list[ParsedArticle],
) -> None:
    for article in seed_articles[3:]:
        paragraphs = _paragraphs(article)
        assert paragraphs[0] != article.deck
        assert paragraphs.count(article.deck) == 1


def test_every_seed_paragraph_reads_back_as_its_source_line(
    seed_articles: list[ParsedArticle],
) -> None:
    source_lines = {
        line.strip() for path in seed_files() for line in path.read_text("utf-8").splitlines()
    }
    for article in seed_articles:
        for _tag, text in _blocks(article):
            assert text in source_lines


def test_seed_text_keeps_ordinary_characters_unescaped(seed_articles: list[ParsedArticle]) -> None:
    bodies = "\n".join(article.body for article in seed_articles)
    assert "\\" not in bodies
    for literal in ("Q&A", "$20 billion", "600,000+", "@SemiAnalysis_"):
        assert literal in bodies


# --- shapes of text ------------------------------------------------------------------------

LABELLED = """Business
Acme Corp buys a rival in a surprise deal worth billions
The takeover was announced on Tuesday morning.
Acme Corp said it would buy Widget Ltd for $3 billion. The deal needs approval.
Analysts were surprised by the price, which is far above the market value.
What comes next
Regulators in two countries will look at the deal over the coming months.
"""


def test_single_article_with_label() -> None:
    [article] = parse_text(LABELLED)
    assert article.section == "Business"
    assert article.title == "Acme Corp buys a rival in a surprise deal worth billions"
    assert article.key == article.title
    assert article.deck == "The takeover was announced on Tuesday morning."
    assert _blocks(article) == [
        ("p", "Acme Corp said it would buy Widget Ltd for $3 billion. The deal needs approval."),
        ("p", "Analysts were surprised by the price, which is far above the market value."),
        ("h2", "What comes next"),
        ("p", "Regulators in two countries will look at the deal over the coming months."),
    ]


def test_file_without_label_starts_with_its_headline() -> None:
    text = LABELLED.split("\n", 1)[1]
    [article] = parse_text(text)
    assert article.section == ""
    assert article.title == "Acme Corp buys a rival in a surprise deal worth billions"
    assert article.deck == "The takeover was announced on Tuesday morning."


def test_multi_sentence_first_paragraph_is_body_not_deck() -> None:
    [article] = parse_text(
        "Storm closes ports along the coast\n"
        "Ports closed on Monday. Ships waited offshore for two days.\n"
        "Officials expect them to reopen soon.\n"
    )
    assert article.deck == ""
    assert _paragraphs(article)[0] == "Ports closed on Monday. Ships waited offshore for two days."


def test_abbreviations_do_not_split_a_deck() -> None:
    [article] = parse_text(
        "Steel maker wins contract\nMr. Smith said U.S. Steel won the deal.\nMore text follows.\n"
    )
    assert article.deck == "Mr. Smith said U.S. Steel won the deal."


def test_a_lone_line_after_the_headline_is_not_a_deck() -> None:
    [article] = parse_text("Headline of a very short piece\nThe only sentence there is.\n")
    assert article.deck == ""
    assert _paragraphs(article) == ["The only sentence there is."]


def test_headline_may_ask_a_question() -> None:
    [article] = parse_text("Tech\nIs the electric truck ready for Mars?\nNobody knows yet.\nBody.")
    assert (article.section, article.title) == ("Tech", "Is the electric truck ready for Mars?")


def test_text_without_a_headline_is_named_after_its_opening() -> None:
    opening = (
        "Prices rose sharply across the region this spring as supply chains struggled to "
        "keep up with demand after a long and unusually cold winter. Economists were split."
    )
    [article] = parse_text(opening + "\nA second paragraph.\n")
    assert article.title.endswith("…")
    assert len(article.title) <= 80
    assert opening.startswith(article.title[:-1])
    assert _paragraphs(article)[0] == opening


def test_several_articles_in_one_file() -> None:
    text = (
        LABELLED
        + "Sport\nLocal team wins the championship after a tense final\n"
        + "Fans celebrated in the streets until late at night, singing and dancing.\n"
        + "The coach thanked the supporters.\n"
        + "Weather\nHeavy rain expected across the north this weekend\n"
        + "Forecasters warned of flooding in low-lying areas and advised caution.\n"
    )
    articles = parse_text(text)
    assert [(article.section, article.title) for article in articles] == [
        ("Business", "Acme Corp buys a rival in a surprise deal worth billions"),
        ("Sport", "Local team wins the championship after a tense final"),
        ("Weather", "Heavy rain expected across the north this weekend"),
    ]
    assert _paragraphs(articles[1]) == ["The coach thanked the supporters."]
    assert "Regulators in two countries" in articles[0].body
    assert "Fans celebrated" not in articles[0].body


def test_duplicate_headlines_get_distinct_keys() -> None:
    one = "News\nCouncil approves the new budget for next year\nIt passed by one vote.\nMore.\n"
    articles = parse_text(one * 3)
    assert [article.title for article in articles] == [
        "Council approves the new budget for next year"
    ] * 3
    assert [article.key for article in articles] == [
        "Council approves the new budget for next year",
        "Council approves the new budget for next year#2",
        "Council approves the new budget for next year#3",
    ]
    assert parse_text(one * 3) == articles


def test_empty_or_blank_text_has_no_articles() -> None:
    assert parse_text("") == []
    assert parse_text("\n \n\t\n\ufeff") == []


# --- line endings, whitespace, blank lines -------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(LABELLED.replace("\n", "\r\n"), id="crlf"),
        pytest.param(LABELLED.replace("\n", "\r"), id="cr"),
        pytest.param(LABELLED.replace("\n", "  \t\n"), id="trailing-whitespace"),
        pytest.param("\ufeff" + LABELLED, id="bom"),
        pytest.param(LABELLED.rstrip("\n"), id="no-final-newline"),
        pytest.param("\n\n\n" + LABELLED.replace("\n", "\n\n\n") + "\n\n", id="many-blank-lines"),
        pytest.param(LABELLED.replace("\n", "\n\n"), id="blank-line-separated"),
        pytest.param(LABELLED.replace("Acme", "Ac\x00\x07\x1b\x9bme"), id="control-characters"),
    ],
)
def test_layout_variants_parse_like_the_plain_file(variant: str) -> None:
    assert parse_text(variant) == parse_text(LABELLED)


WRAPPED_PARAGRAPHS = [
    "Regulators in two countries will look at the deal over the coming months, and "
    "both have signalled that they intend to ask hard questions about competition in a "
    "market that has already shrunk to a handful of large suppliers.",
    "The company's chief executive said in an interview that she was confident the "
    "deal would be approved, adding that the combined firm would invest in new "
    "factories and keep every existing site open for at least five years.",
    "Shares rose 4% in early trading. Some investors, however, questioned whether a "
    "well-known brand was worth such a premium when demand is slowing everywhere.",
]


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_hard_wrapped_paragraphs_are_rejoined(width: int) -> None:
    wrapped = "\n\n".join(
        textwrap.fill(paragraph, width, break_on_hyphens=True) for paragraph in WRAPPED_PARAGRAPHS
    )
    assert all(len(line) <= width for line in wrapped.splitlines())
    text = (
        "Business\n\nAcme Corp buys a rival in a surprise deal worth billions\n\n"
        "The takeover was announced on Tuesday morning.\n\n"
        f"{wrapped}\n\nWhat comes next\n\n{wrapped}\n"
    )
    [article] = parse_text(text)
    assert article.section == "Business"
    assert article.deck == "The takeover was announced on Tuesday morning."
    assert _blocks(article) == [
        *(("p", paragraph) for paragraph in WRAPPED_PARAGRAPHS),
        ("h2", "What comes next"),
        *(("p", paragraph) for paragraph in WRAPPED_PARAGRAPHS),
    ]


def test_headline_and_deck_in_one_block_of_a_wrapped_file_stay_apart() -> None:
    wrapped = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in WRAPPED_PARAGRAPHS)
    headline = "Elon Musk’s xAI closes its upsized funding round"
    deck = "xAI announced the investment round on its website."
    [article] = parse_text(f"{headline}\n{deck}\n\n{wrapped}")
    assert article.title == headline
    assert article.deck == deck
    assert _paragraphs(article) == WRAPPED_PARAGRAPHS


def test_a_two_line_wrapped_paragraph_is_rejoined_when_it_plainly_continues() -> None:
    paragraph = (
        "The board met on Friday to discuss the offer and decided that it would "
        "recommend it to shareholders."
    )
    wrapped = textwrap.fill(paragraph, 72)
    assert wrapped.count("\n") == 1
    [article] = parse_text(f"Board backs the offer\n\nIntro. Two sentences.\n\n{wrapped}\n")
    assert _paragraphs(article) == ["Intro. Two sentences.", paragraph]


def test_one_paragraph_per_line_blocks_are_not_joined() -> None:
    lines = [
        "Shares rose 4% in early trading on the news of the takeover deal.",
        "Some investors questioned whether the brand was worth such a premium.",
        "The company said it expects the deal to close before the end of the year.",
        "Neither firm would comment on the price paid for the smaller rival.",
    ]
    text = "Markets\nAcme shares jump after the takeover news\n\n" + "\n".join(lines) + "\n"
    [article] = parse_text(text)
    assert _paragraphs(article) == lines[1:]
    assert article.deck == lines[0]


# --- furniture -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Read More News: Click Here",
        "Read more: Acme shares fall after a profit warning",
        "Click here to subscribe to our newsletter",
        "Share this article",
        "Follow us on Twitter and Facebook",
        "Related: Widget Ltd names a new chief executive",
        "Advertisement",
        "Sign up for our daily briefing.",
    ],
)
def test_trailing_calls_to_action_are_not_content(furniture: str) -> None:
    [with_furniture] = parse_text(LABELLED + furniture + "\n" + furniture.upper() + "\n")
    assert with_furniture == parse_text(LABELLED)[0]


def test_furniture_between_articles_is_dropped() -> None:
    first, second = parse_text(LABELLED + "Read more: Click here\n" + LABELLED)
    assert first.body == second.body
    assert "Click" not in first.body


def test_a_short_last_line_that_is_not_furniture_stays() -> None:
    [article] = parse_text(LABELLED + "Reporting by Jane Doe\n")
    assert _paragraphs(article)[-1] == "Reporting by Jane Doe"


# --- Markdown-special characters -----------------------------------------------------------

SPECIAL_LINES = [
    "Prices were *marked down* by 50% on _selected_ items at the store.",
    "# 1 is the ranking the company gave itself in its annual report.",
    "1. The first reason, the chief executive said, was price.",
    "- and that, she added, was only the beginning of the story.",
    "> Analysts quoted the memo, which read: expect <b>big</b> changes.",
    "The code `rm -rf` and a [link](https://example.com) appear in the post.",
    "AT&T, R&D and &amp; all appeared in the filing, as did a \\ backslash.",
]


def test_markdown_special_characters_survive_literally() -> None:
    lines = ["Tech", "A headline with nothing special in it", *SPECIAL_LINES]
    [article] = parse_text("\n".join(lines))
    assert article.deck == SPECIAL_LINES[0]
    assert _paragraphs(article) == SPECIAL_LINES[1:]


def test_subheading_with_special_characters_survives_literally() -> None:
    text = (
        "Tech\nA headline with nothing special in it\nIntro paragraph.\n*Why* it matters #\nBody."
    )
    [article] = parse_text(text)
    assert _subheadings(article) == ["*Why* it matters #"]


# --- files ---------------------------------------------------------------------------------


def test_parse_text_file_reads_utf8(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(LABELLED, encoding="utf-8")
    assert parse_text_file(path) == parse_text(LABELLED)


def test_empty_file_has_no_articles(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert parse_text_file(path) == []


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_non_utf8_file_decodes(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "old.txt"
    quote = "“Café prices rose,” the owner said." if encoding == "cp1252" else "Café prices rose."
    path.write_bytes(f"Café owners fear rising rents\n{quote}\nBody text.\n".encode(encoding))
    [article] = parse_text_file(path)
    assert article.title == "Café owners fear rising rents"
    assert article.deck == quote


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Caf\xe9 owners fear rising rents\x81\nOne. Two.\n")
    [article] = parse_text_file(path)
    assert article.title == "Café owners fear rising rents"


def test_utf16_file_with_bom_decodes(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_text(LABELLED, encoding="utf-16")
    assert parse_text_file(path) == parse_text(LABELLED)


def test_binary_file_is_a_source_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SourceError, match=re.escape(str(path))) as caught:
        parse_text_file(path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", ["missing.txt", "folder"])
def test_unreadable_path_is_a_source_error_naming_it(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(SourceError, match=re.escape(str(tmp_path / name))) as caught:
        parse_text_file(tmp_path / name)
    assert "\n" not in str(caught.value)
