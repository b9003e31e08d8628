"""Feeds built to break the reader: absurd dates, impossible characters, links to anywhere.

`test_ingest_feed.py` covers ill-formed XML, bombs, external entities,
missing fields and non-feeds; these add what made the parser raise.
"""

from __future__ import annotations

import pytest

from newsread.errors import SourceError
from newsread.ingest.feed import parse_feed

ABSURD_DATES = (
    "Mon, 01 Jan 0001 00:30:00 +0100",
    "0001-01-01T00:30:00+01:00",
    "9999-12-31T23:59:59-01:00",
    "Fri, 31 Dec 9999 23:59:59 -0100",
    "0000-01-01T00:00:00Z",
    "-1",
    "-9223372036854775808",
    "9223372036854775808",
    "1969-12-31T23:59:59Z",
    "99999-01-01T00:00:00Z",
    "Mon, 99 Foo 2024 99:99:99 +9999",
    "1e309",
    "",
)


def rss_item(inner: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Item</title><guid>g</guid>{inner}</item></channel></rss>"
    ).encode()


def atom_entry(inner: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>T</title><entry><title>Item</title><id>g</id>{inner}</entry></feed>"
    ).encode()


@pytest.mark.parametrize("date", ABSURD_DATES)
def test_absurd_dates_are_dropped_never_raised(date: str) -> None:
    for document in (
        rss_item(f"<pubDate>{date}</pubDate>"),
        atom_entry(f"<updated>{date}</updated>"),
        atom_entry(f"<published>{date}</published><updated>{date}</updated>"),
    ):
        [article] = parse_feed(document).articles
        assert article.title == "Item"
        assert article.published is None


@pytest.mark.parametrize(
    "reference",
    ["&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;", "&#99999999999999999999;", "&#x" + "f" * 40],
)
def test_character_references_to_no_character_become_replacement_marks(reference: str) -> None:
    document = rss_item(f"<description>&lt;p&gt;body {reference};&lt;/p&gt;</description>").replace(
        b"<title>Item</title>", f"<title>Bad {reference}; title</title>".encode()
    )
    [article] = parse_feed(document).articles
    assert article.title.startswith("Bad ") and article.title.endswith(" title")
    assert article.body.startswith("body ")
    for text in (article.title, article.body):
        assert not any(0xD800 <= ord(character) <= 0xDFFF for character in text)
        text.encode("utf-8")


def test_a_control_character_reference_is_dropped() -> None:
    [article] = parse_feed(rss_item("<description>a&#x1b;[2Jb&#0;c&#x9b;d</description>")).articles
    # &#x9b; is read as windows-1252's `›`, as browsers do; the rest are dropped.
    assert article.body.replace("\\", "") == "a[2Jbc›d"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "mailto:someone@example.com",
        "ftp://files.example/x",
        "//evil.example/no-scheme",
        "http://",
        "https://\x1b[31mred.example/",
    ],
)
def test_only_http_links_become_article_links(link: str) -> None:
    from xml.sax.saxutils import escape

    for document in (
        rss_item(f"<link>{escape(link)}</link>"),
        atom_entry(f'<link rel="alternate" href="{escape(link, {chr(34): "&quot;"})}"/>'),
    ):
        [article] = parse_feed(document, url="https://feed.example/rss").articles
        assert article.url == "" or article.url.startswith(("https://", "http://"))
        assert "\x1b" not in article.url


def test_relative_links_resolve_against_the_feed_url() -> None:
    [article] = parse_feed(
        rss_item("<link>/story/1</link>"), url="https://f.example/x/rss"
    ).articles
    assert article.url == "https://f.example/story/1"


def test_links_in_bodies_keep_only_web_and_mail_targets() -> None:
    body = (
        '&lt;p&gt;&lt;a href="javascript:alert(1)"&gt;js&lt;/a&gt; '
        '&lt;a href="data:text/html,x"&gt;data&lt;/a&gt; '
        '&lt;a href="file:///etc/passwd"&gt;file&lt;/a&gt; '
        '&lt;a href="https://ok.example/"&gt;web&lt;/a&gt;&lt;/p&gt;'
    )
    [article] = parse_feed(rss_item(f"<description>{body}</description>")).articles
    assert "javascript" not in article.body and "data:" not in article.body
    assert "file:" not in article.body
    assert "[web](https://ok.example/)" in article.body


@pytest.mark.parametrize(
    "document",
    [
        b"<rss",
        b"<rss version='2.0'><channel><item>" * 2000,
        b'<?xml version="1.0" encoding="no-such-charset"?><rss version="2.0"><channel>'
        b"<item><title>x</title></item></channel></rss>",
        b'<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel>'
        b"<item><title>x</title></item></channel></rss>",
        b"\xff\xfe<\x00r\x00s\x00s\x00",
        b"<feed xmlns='http://www.w3.org/2005/Atom'>" + b"<entry><title>" * 3000,
    ],
)
def test_broken_documents_are_a_source_error_or_articles_never_a_crash(document: bytes) -> None:
    try:
        feed = parse_feed(document, url="https://f.example/feed")
    except SourceError as error:
        assert str(error).startswith("https://f.example/feed") and "\n" not in str(error)
        return
    for article in feed.articles:
        assert article.title
