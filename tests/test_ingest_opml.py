"""OPML subscription lists: nested folders, round trips, hostile XML."""

from __future__ import annotations

import pytest

from newsread.errors import SourceError
from newsread.ingest.opml import OpmlFeed, parse_opml, write_opml

NESTED = b"""<?xml version="1.0"?>
<opml version="1.0">
  <head><title>mine</title></head>
  <body>
    <outline text="News">
      <outline text="World" title="World news">
        <outline type="rss" text="Daily" xmlUrl="https://daily.example/rss" htmlUrl="https://daily.example/"/>
      </outline>
      <outline type="rss" title="Wire" text="wire-text" xmlUrl="https://wire.example/atom"/>
    </outline>
    <outline type="rss" text="Loose" xmlUrl="https://loose.example/feed"/>
    <outline text="Empty folder"/>
  </body>
</opml>"""


def test_nested_outlines_become_folders_in_document_order() -> None:
    assert parse_opml(NESTED) == [
        OpmlFeed(
            "Daily", "https://daily.example/rss", "https://daily.example/", ("News", "World news")
        ),
        OpmlFeed("Wire", "https://wire.example/atom", "", ("News",)),
        OpmlFeed("Loose", "https://loose.example/feed"),
    ]


def test_round_trip_keeps_titles_urls_order_and_grouping() -> None:
    feeds = [
        OpmlFeed(
            "A & B <news>",
            "https://a.example/feed?x=1&y=2",
            "https://a.example/",
            ("Tech", "Python"),
        ),
        OpmlFeed('Quote "q"', "https://q.example/rss", folder=("Tech",)),
        OpmlFeed("Top", "https://top.example/rss"),
        OpmlFeed("Back again", "https://b.example/rss", folder=("Tech", "Python")),
        OpmlFeed("Ünïcode", "https://u.example/rss", folder=("Café",)),
    ]
    assert parse_opml(write_opml(feeds).encode()) == feeds


def test_written_opml_nests_folders() -> None:
    text = write_opml(
        [OpmlFeed("F", "https://f.example/rss", folder=("Outer", "Inner"))], title="x"
    )
    assert (
        text.index('text="Outer"')
        < text.index('text="Inner"')
        < text.index('xmlUrl="https://f.example/rss"')
    )
    assert "<title>x</title>" in text


def test_not_opml_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="not an OPML file"):
        parse_opml(b"<rss version='2.0'><channel/></rss>")
    with pytest.raises(SourceError, match="not an OPML file"):
        parse_opml(b"<html><body>hi")


def test_entity_bomb_is_refused_without_expansion() -> None:
    entities = '<!ENTITY a0 "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE opml [{entities}]>'
        '<opml><body><outline text="&a9;" xmlUrl="https://x.example/"/></body></opml>'
    ).encode()
    try:
        feeds = parse_opml(bomb)
    except SourceError:
        return
    assert all(len(feed.title) < 1000 for feed in feeds)


def test_external_entity_never_reads_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<opml><body><outline text="t&x;" xmlUrl="https://x.example/"/></body></opml>'
    ).encode()
    try:
        feeds = parse_opml(document)
    except SourceError as error:
        assert "TOP-SECRET" not in str(error)
        return
    assert all("TOP-SECRET" not in feed.title for feed in feeds)
