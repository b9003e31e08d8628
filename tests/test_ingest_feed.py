"""RSS and Atom feeds: every dialect, missing fields, HTML content, hostile XML, two paths."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from newsread.errors import SourceError
from newsread.ingest.feed import ParsedFeed, parse_feed, read_with_feedparser
from newsread.ingest.feed_entry import RawFeed, entry_to_article, feed_link, feed_title
from newsread.ingest.feed_fast import read_fast

FEED_URL = "https://news.example/feeds/main.xml"

RSS_091 = b"""<?xml version="1.0"?>
<rss version="0.91"><channel>
<title>Old Times</title><link>https://old.example/</link><description>d</description>
<item><title>First item</title><link>https://old.example/1</link>
<description>Hello &amp; welcome.</description></item>
</channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF Daily</title><link>https://rdf.example/</link></channel>
<item rdf:about="https://rdf.example/a"><title>RDF story</title><link>https://rdf.example/a</link>
<description>Story text.</description><dc:date>2024-02-03T04:05:06Z</dc:date>
<dc:creator>Rae</dc:creator></item>
</rdf:RDF>"""

RSS_20 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example/</link>
<item>
 <title>Council approves budget</title>
 <link>/2024/budget</link>
 <guid isPermaLink="false">budget-2024</guid>
 <pubDate>Mon, 04 Mar 2024 09:30:00 +0100</pubDate>
 <dc:creator>Sam Writer</dc:creator>
 <description>The council voted on Monday.</description>
 <content:encoded><![CDATA[<p>The council <b>approved</b> the budget.
 See <a href="/docs/budget.pdf">the plan</a>.</p>
 <ul><li>Schools<ul><li>new roofs</li></ul></li><li>Roads</li></ul>
 <script>evil()</script>]]></content:encoded>
</item>
<item><description>No title, no date, no guid, no link.</description></item>
<item><title>Dated only</title><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Absurd date</title><guid>https://news.example/absurd</guid>
<pubDate>Fri, 01 Jan 2999 00:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Atom Wire</title><link href="https://wire.example/"/><link rel="self" href="https://wire.example/atom"/>
 <id>urn:wire</id><updated>2024-04-01T00:00:00Z</updated>
 <entry>
  <title type="html">Rates &lt;em&gt;hold&lt;/em&gt;</title>
  <id>tag:wire.example,2024:rates</id>
  <link rel="alternate" type="text/html" href="https://wire.example/rates"/>
  <published>2024-04-01T12:00:00+02:00</published><updated>2024-04-02T00:00:00Z</updated>
  <author><name>Pat Analyst</name></author>
  <summary>The bank kept rates on hold.</summary>
  <content type="html">&lt;p&gt;Full story: the bank kept its main rate at 5%.&lt;/p&gt;
  &lt;h2&gt;Why&lt;/h2&gt;&lt;p&gt;Inflation.&lt;/p&gt;</content>
 </entry>
 <entry>
  <title>Summary only</title><id>tag:wire.example,2024:s</id>
  <updated>2024-04-03T00:00:00Z</updated>
  <summary type="html">&lt;p&gt;Short &lt;i&gt;summary&lt;/i&gt; body.&lt;/p&gt;</summary>
 </entry>
</feed>"""


def both_paths(data: bytes, url: str = FEED_URL) -> tuple[ParsedFeed | None, ParsedFeed]:
    def convert(raw: RawFeed) -> ParsedFeed:
        articles = [entry_to_article(entry, feed_url=url) for entry in raw.entries]
        return ParsedFeed(feed_title(raw), feed_link(raw, url), articles)

    fast = read_fast(data)
    return (convert(fast) if fast is not None else None), convert(
        read_with_feedparser(data, url=url)
    )


def test_rss_091() -> None:
    feed = parse_feed(RSS_091)
    assert feed.title == "Old Times"
    assert feed.link == "https://old.example/"
    [item] = feed.articles
    assert (item.title, item.url, item.body, item.key) == (
        "First item",
        "https://old.example/1",
        "Hello & welcome.",
        "https://old.example/1",
    )


def test_rss_10_rdf() -> None:
    feed = parse_feed(RSS_10)
    assert feed.title == "RDF Daily"
    [item] = feed.articles
    assert item.title == "RDF story"
    assert item.author == "Rae"
    assert item.published == "2024-02-03T04:05:06Z"
    assert item.body == "Story text."


def test_rss_20_content_becomes_markdown_with_resolved_links() -> None:
    feed = parse_feed(RSS_20, url=FEED_URL)
    budget = feed.articles[0]
    assert budget.title == "Council approves budget"
    assert budget.url == "https://news.example/2024/budget"
    assert budget.key == "budget-2024"
    assert budget.author == "Sam Writer"
    assert budget.published == "2024-03-04T08:30:00Z"
    assert budget.deck == "The council voted on Monday."
    assert budget.body == (
        "The council **approved** the budget. See "
        "[the plan](https://news.example/docs/budget.pdf).\n\n"
        "- Schools\n  - new roofs\n- Roads"
    )
    assert "evil" not in budget.body


def test_missing_titles_dates_guids_and_absurd_dates() -> None:
    _, untitled, dated, absurd = parse_feed(RSS_20, url=FEED_URL).articles
    assert untitled.title == "Untitled"
    assert untitled.published is None
    assert len(untitled.key) == 16 and int(untitled.key, 16) >= 0
    assert untitled.url == ""
    assert dated.title == "Dated only"
    assert dated.published == "2024-03-05T10:00:00Z"
    assert dated.key != untitled.key
    assert absurd.published is None
    assert absurd.url == "https://news.example/absurd"


def test_untitled_entry_with_a_date_names_the_date() -> None:
    data = RSS_20.replace(b"<title>Dated only</title>", b"")
    assert parse_feed(data).articles[2].title == "Untitled (2024-03-05)"


def test_hash_key_is_stable_across_parses() -> None:
    assert parse_feed(RSS_20).articles[1].key == parse_feed(RSS_20).articles[1].key


def test_atom_content_summary_author_dates() -> None:
    feed = parse_feed(ATOM, url="https://wire.example/atom")
    assert feed.title == "Atom Wire"
    assert feed.link == "https://wire.example/"
    rates, summary_only = feed.articles
    assert rates.title == "Rates hold"
    assert rates.url == "https://wire.example/rates"
    assert rates.author == "Pat Analyst"
    assert rates.published == "2024-04-01T10:00:00Z"
    assert rates.deck == "The bank kept rates on hold."
    assert rates.body == "Full story: the bank kept its main rate at 5%.\n\n## Why\n\nInflation."
    assert rates.key == "tag:wire.example,2024:rates"
    assert summary_only.deck == ""
    assert summary_only.body == "Short *summary* body."
    assert summary_only.published == "2024-04-03T00:00:00Z"
    assert summary_only.url == ""


def test_summary_that_opens_the_content_is_not_a_deck() -> None:
    data = ATOM.replace(
        b"The bank kept rates on hold.", b"Full story: the bank kept its main rate at 5%."
    )
    assert parse_feed(data).articles[0].deck == ""


def test_malformed_xml_that_still_yields_entries_is_accepted() -> None:
    broken = b"""<rss version="2.0"><channel><title>Broken & Co</title>
    <item><title>Still here</title><link>https://b.example/1</link>
    <description>Text <b>unclosed</description></item>
    <item><title>Second</title></item>"""
    feed = parse_feed(broken)
    assert [article.title for article in feed.articles] == ["Still here", "Second"]


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (
            b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>hi</p></body></html>",
            "found an HTML page",
        ),
        (b"", "found an empty document"),
        (b'<?xml version="1.0"?><opml version="2.0"><body/></opml>', "found an OPML"),
        (b'<?xml version="1.0"?><catalog><book>x</book></catalog>', "not an RSS or Atom feed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not an RSS or Atom feed"),
    ],
)
def test_documents_that_are_not_feeds_are_one_line_errors(data: bytes, found: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_feed(data, url="https://x.example/feed")
    message = str(caught.value)
    assert "\n" not in message
    assert found in message
    assert message.startswith("https://x.example/feed")


def test_bytes_naming_a_local_file_are_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "feed.xml"
    secret.write_bytes(RSS_091)
    with pytest.raises(SourceError):
        parse_feed(str(secret).encode())


def _entities(depth: int = 9) -> str:
    return '<!ENTITY e0 "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, depth + 1)
    )


def test_billion_laughs_is_not_expanded() -> None:
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{_entities()}]><rss version="2.0"><channel>'
        "<title>&e9;</title><item><title>&e9;</title><description>&e9;</description></item>"
        "</channel></rss>"
    ).encode()
    started = time.perf_counter()
    try:
        feed = parse_feed(bomb)
    except SourceError:
        feed = None
    assert time.perf_counter() - started < 10
    if feed is not None:
        assert len(feed.title) < 1000
        assert all(len(article.title) + len(article.body) < 1000 for article in feed.articles)


def test_external_entity_does_not_read_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>t &leak;</title>'
        "<item><title>x &leak;</title><description>y &leak;</description></item></channel></rss>"
    ).encode()
    try:
        feed = parse_feed(document)
    except SourceError as error:
        assert "TOP-SECRET" not in str(error)
        return
    everything = feed.title + "".join(a.title + a.body + a.deck for a in feed.articles)
    assert "TOP-SECRET" not in everything


def test_hostile_text_is_cleaned() -> None:
    data = (
        b'<rss version="2.0"><channel><title>Ch</title><item>'
        b"<title>Bad &#x9b;31m title \xe2\x80\xa8 here</title>"
        b"<description>&lt;p&gt;body &amp;#27;[2J&lt;/p&gt;</description></item></channel></rss>"
    )
    [article] = parse_feed(data).articles
    assert "\x9b" not in article.title and "\x1b" not in article.body


# --- the fast path must agree with feedparser --------------------------------------------

_WORDS = (
    *("market", "council", "river", "budget", "union", "energy", "climate", "school"),
    *("transport", "health", "report", "court", "minister", "election", "record"),
    *("storm", "harvest", "museum", "orbit", "vaccine"),
)


def generated_rss(count: int, *, seed: int = 7) -> bytes:
    """A realistic RSS 2.0 feed of `count` items (about 1 KB each)."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    items: list[str] = []
    for number in range(count):
        words = [rng.choice(_WORDS) for _ in range(8)]
        title = " ".join(words).capitalize() + (" & more" if number % 7 == 0 else "")
        paragraphs = "".join(
            "<p>"
            + " ".join(rng.choice(_WORDS) for _ in range(30)).capitalize()
            + f', said <a href="/people/{number}">a spokesperson</a>, <em>again</em>.</p>'
            for _ in range(4)
        )
        content = paragraphs + (
            "<ul><li>one</li><li>two <b>bold</b></li></ul>" if number % 3 else ""
        )
        published = format_datetime(start + timedelta(minutes=37 * number))
        items.append(
            "<item>"
            f"<title>{escape(title)}</title>"
            f"<link>https://news.example/{number}</link>"
            f'<guid isPermaLink="false">item-{number}</guid>'
            f"<pubDate>{published}</pubDate>"
            f"<dc:creator>Writer {number % 13}</dc:creator>"
            f"<description>{escape(' '.join(words[:6]).capitalize())}.</description>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Generated</title>'
        "<link>https://news.example/</link>" + "".join(items) + "</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "data", [RSS_20, ATOM, generated_rss(150)], ids=["rss", "atom", "generated"]
)
def test_fast_path_gives_the_same_articles_as_feedparser(data: bytes) -> None:
    fast, slow = both_paths(data)
    assert fast is not None, "the fast path should read this feed"
    assert fast == slow


@pytest.mark.parametrize(
    "item",
    [
        "<title>AT&amp;amp;T</title>",
        "<title>x</title><description>&lt;iframe&gt;fallback&lt;/iframe&gt; text</description>",
        "<title>x</title><author>joe@example.com (Joe)</author>",
        "<guid>relative-guid</guid><title>guid first</title><link>/after</link>",
        "<link>/before</link><guid>https://g.example/x</guid>",
        "<title>x</title><pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate>",
        "<title>x</title><pubDate>2003-06-10</pubDate>",
        "<title>Ã©tÃ©</title>",
        "<title>media</title><media:title xmlns:media='http://search.yahoo.com/mrss/'>Other</media:title>",
        "<title>x</title><description>&lt;p&gt;a &lt;svg&gt;&lt;text&gt;t&lt;/text&gt;"
        "&lt;/svg&gt;&lt;/p&gt;</description>",
    ],
)
def test_both_paths_agree_on_awkward_items(item: str) -> None:
    data = (
        f'<rss version="2.0"><channel><title>C</title><item>{item}</item></channel></rss>'.encode()
    )
    fast, slow = both_paths(data)
    if fast is not None:
        assert fast == slow
    assert parse_feed(data, url=FEED_URL) == slow


def test_fast_path_declines_what_it_cannot_read_exactly() -> None:
    assert read_fast(RSS_091) is None
    assert read_fast(RSS_10) is None
    assert (
        read_fast(b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel/></rss>')
        is None
    )
    assert read_fast(b"<rss version='2.0'><channel><item></channel></rss>") is None


def test_a_large_generated_feed_yields_every_item_once() -> None:
    # Speed is measured by bench/ingest.py, not asserted here.
    feed = parse_feed(generated_rss(2_000), url=FEED_URL)
    assert len(feed.articles) == 2_000
    assert len({article.key for article in feed.articles}) == 2_000
