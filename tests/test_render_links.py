"""The links inside an article body: web links only, in order, once each, as plain text."""

from __future__ import annotations

import pytest

from newsread.render.blocks import Link
from newsread.render.links import article_links, is_web_link


def test_inline_reference_and_autolinks_in_reading_order() -> None:
    body = (
        "Read [the report](https://example.org/report) first.\n\n"
        "Then <https://example.org/auto> and [the archive][archive].\n\n"
        "[archive]: http://archive.example.org/2024\n"
    )
    assert article_links(body) == [
        Link("the report", "https://example.org/report"),
        Link("https://example.org/auto", "https://example.org/auto"),
        Link("the archive", "http://archive.example.org/2024"),
    ]


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "/about",
        "page.html",
        "#top",
        "ftp://example.org/file",
        "mailto:someone@example.org",
        "https:///no-host",
    ],
)
def test_links_that_are_not_web_links_are_left_out(target: str) -> None:
    body = f"[bad]({target}) and [good](https://example.org/)"
    assert article_links(body) == [Link("good", "https://example.org/")]


def test_each_address_is_listed_once_with_its_first_text() -> None:
    body = (
        "[one](https://example.org/a), [two](https://example.org/b), [again](https://example.org/a)"
    )
    assert article_links(body) == [
        Link("one", "https://example.org/a"),
        Link("two", "https://example.org/b"),
    ]


def test_link_texts_are_plain_text_on_one_line() -> None:
    body = (
        "[\\[bold\\] *news* `code`\nwrapped](https://example.org/1) "
        "[[/] [@click=app.quit]x](https://example.org/2) "
        "[![a photo](https://example.org/p.png)](https://example.org/3)"
    )
    assert article_links(body) == [
        Link("[bold] news code wrapped", "https://example.org/1"),
        Link("[/] [@click=app.quit]x", "https://example.org/2"),
        Link("a photo", "https://example.org/3"),
    ]


def test_images_bare_addresses_and_code_are_not_links() -> None:
    body = "![chart](https://example.org/c.png) https://example.org/bare `<https://example.org/x>`"
    assert article_links(body) == []


def test_control_characters_never_reach_a_link() -> None:
    [link] = article_links("[ti\x1btle\x07 x](https://example.org/a\x1bb)")
    assert "\x1b" not in link.text and "\x07" not in link.text
    assert "\x1b" not in link.url


@pytest.mark.parametrize(
    ("url", "web"),
    [
        ("https://example.org/story", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("https://", False),
        ("javascript:alert(1)", False),
        (" https://example.org", False),
        ("https://example.org/a b", False),
        ("https://example.org/\x1b", False),
        ("", False),
    ],
)
def test_is_web_link(url: str, web: bool) -> None:
    assert is_web_link(url) is web
