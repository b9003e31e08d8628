"""Read and write OPML subscription lists, keeping nested outlines as folders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final
from xml.sax.saxutils import quoteattr

from lxml import etree

from newsread.errors import SourceError
from newsread.ingest.safe_xml import safe_xml_parser
from newsread.textsafe import one_line

Element = Any

_INDENT: Final = "  "


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One subscription: a feed's title and URL, and the folders it sits in."""

    title: str
    xml_url: str
    html_url: str = ""
    folder: tuple[str, ...] = ()
    """Names of the enclosing outlines, outermost first."""


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Every feed outline (one with an `xmlUrl`) in document order.

    Entities are never expanded and nothing outside `data` is read; raises
    `SourceError` when the document is not OPML.
    """
    try:
        root = etree.fromstring(data, safe_xml_parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        reason = " ".join(str(error).split())[:160]
        raise SourceError(f"not an OPML file: the XML is broken ({reason})") from error
    if root is None or not isinstance(root.tag, str) or etree.QName(root).localname != "opml":
        found = etree.QName(root).localname if root is not None else "nothing"
        raise SourceError(f"not an OPML file (found <{found}>)")
    feeds: list[OpmlFeed] = []
    for body in root:
        if isinstance(body.tag, str) and etree.QName(body).localname == "body":
            _collect(body, (), feeds)
    return feeds


def _collect(parent: Element, folder: tuple[str, ...], feeds: list[OpmlFeed]) -> None:
    for outline in parent:
        if not isinstance(outline.tag, str) or etree.QName(outline).localname != "outline":
            continue
        name = _attribute(outline, "title") or _attribute(outline, "text")
        xml_url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if xml_url:
            html_url = (outline.get("htmlUrl") or outline.get("htmlurl") or "").strip()
            feeds.append(OpmlFeed(name, xml_url, html_url, folder))
            _collect(outline, folder, feeds)
        else:
            _collect(outline, (*folder, name), feeds)


def _attribute(outline: Element, name: str) -> str:
    return one_line(outline.get(name) or "")


def write_opml(feeds: Sequence[OpmlFeed], *, title: str = "newsread subscriptions") -> str:
    """An OPML 2.0 document listing `feeds`, with nested outlines for their folders.

    Feeds keep their order, so `parse_opml(write_opml(feeds).encode())` gives
    them back unchanged.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"{_INDENT}<head>",
        f"{_INDENT * 2}<title>{_escape_text(one_line(title))}</title>",
        f"{_INDENT}</head>",
        f"{_INDENT}<body>",
    ]
    open_folders: tuple[str, ...] = ()
    for feed in feeds:
        shared = _shared_prefix(open_folders, feed.folder)
        for depth in range(len(open_folders), shared, -1):
            lines.append(f"{_INDENT * (depth + 1)}</outline>")
        for depth in range(shared, len(feed.folder)):
            name = quoteattr(one_line(feed.folder[depth]))
            lines.append(f"{_INDENT * (depth + 2)}<outline text={name} title={name}>")
        open_folders = feed.folder
        lines.append(f"{_INDENT * (len(open_folders) + 2)}{_feed_outline(feed)}")
    for depth in range(len(open_folders), 0, -1):
        lines.append(f"{_INDENT * (depth + 1)}</outline>")
    lines.extend((f"{_INDENT}</body>", "</opml>", ""))
    return "\n".join(lines)


def _feed_outline(feed: OpmlFeed) -> str:
    attributes = [
        ("type", "rss"),
        ("text", one_line(feed.title)),
        ("title", one_line(feed.title)),
        ("xmlUrl", one_line(feed.xml_url)),
    ]
    if feed.html_url:
        attributes.append(("htmlUrl", one_line(feed.html_url)))
    rendered = " ".join(f"{name}={quoteattr(value)}" for name, value in attributes)
    return f"<outline {rendered}/>"


def _shared_prefix(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    count = 0
    for left, right in zip(first, second, strict=False):
        if left != right:
            break
        count += 1
    return count


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
