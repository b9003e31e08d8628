"""Markdown files: front matter, title headings, dates and keys."""

from __future__ import annotations

from newsread.ingest.markdown import parse_markdown, split_front_matter


def test_front_matter_gives_title_date_author_url_and_key() -> None:
    text = (
        "---\n"
        'title: "Rates: what changes"\n'
        "date: 2024-05-01 10:30 +02:00\n"
        "author: Ann Other  # staff writer\n"
        "url: https://news.example/rates\n"
        "source: Example Daily\n"
        "---\n"
        "\n"
        "The bank moved rates today.\n"
    )
    article = parse_markdown(text, fallback_title="rates")
    assert article.title == "Rates: what changes"
    assert article.published == "2024-05-01T08:30:00Z"
    assert article.author == "Ann Other"
    assert article.url == "https://news.example/rates"
    assert article.key == "https://news.example/rates"
    assert article.section == "Example Daily"
    assert article.body == "The bank moved rates today."


def test_first_level_one_heading_becomes_the_title_and_leaves_the_body() -> None:
    text = "# *Big* news\n\nFirst paragraph.\n\n## Details\n\nMore."
    article = parse_markdown(text, fallback_title="file-stem")
    assert article.title == "Big news"
    assert article.body == "First paragraph.\n\n## Details\n\nMore."
    assert article.key == "Big news"


def test_heading_inside_a_code_block_is_not_a_title() -> None:
    text = "```\n# not a heading\n```\n\nText."
    article = parse_markdown(text, fallback_title="notes")
    assert article.title == "notes"
    assert "# not a heading" in article.body


def test_without_heading_or_front_matter_the_file_stem_is_the_title() -> None:
    article = parse_markdown("Just some words.", fallback_title="weekly-notes")
    assert article.title == "weekly-notes"
    assert article.body == "Just some words."
    assert article.published is None


def test_written_and_rfc822_dates_are_normalised_to_utc() -> None:
    written = parse_markdown("---\ndate: 5 May 2024\n---\nx", fallback_title="a")
    rfc = parse_markdown("---\ndate: Tue, 07 May 2024 09:00:00 -0400\n---\nx", fallback_title="a")
    assert written.published == "2024-05-05T00:00:00Z"
    assert rfc.published == "2024-05-07T13:00:00Z"


def test_unreadable_or_absurd_dates_are_dropped() -> None:
    unreadable = parse_markdown("---\ndate: sometime soon\n---\nx", fallback_title="a")
    far_future = parse_markdown("---\ndate: 2999-01-01\n---\nx", fallback_title="a")
    assert unreadable.published is None
    assert far_future.published is None


def test_a_leading_rule_without_fields_is_not_front_matter() -> None:
    fields, body = split_front_matter("---\nJust a rule and text\n\nMore text\n")
    assert fields == {}
    assert body.startswith("---")


def test_control_characters_and_long_titles_are_cleaned() -> None:
    article = parse_markdown(
        "# Evil \x1b[31mred\x1b[0m " + "x" * 600 + "\n\nbody\x07", fallback_title="a"
    )
    assert "\x1b" not in article.title
    assert len(article.title) == 500
    assert article.title.endswith("…")
    assert article.body == "body"


def test_non_http_url_is_not_kept() -> None:
    article = parse_markdown("---\nurl: javascript:alert(1)\ntitle: T\n---\nx", fallback_title="a")
    assert article.url == ""
    assert article.key == "T"
