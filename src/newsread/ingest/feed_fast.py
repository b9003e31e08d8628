"""A fast reader for well-formed RSS 2.0 and Atom 1.0 feeds, with lxml.

It reads only documents it can read exactly as feedparser would (the
differential tests hold it to that): UTF-8, no DOCTYPE or entity
declarations, no `xml:base`, only the elements whose meaning it knows, and
HTML made only of tags that feedparser's sanitiser keeps. For anything else
it answers None and the caller uses feedparser.
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from typing import Any, Final

from feedparser.sanitizer import _HTMLSanitizer
from lxml import etree

from newsread.ingest.feed_dates import feed_date
from newsread.ingest.feed_entry import RawEntry, RawFeed, RawText
from newsread.ingest.safe_xml import safe_xml_parser

Element = Any

ATOM: Final = "{http://www.w3.org/2005/Atom}"
CONTENT: Final = "{http://purl.org/rss/1.0/modules/content/}"
DC: Final = "{http://purl.org/dc/elements/1.1/}"

_HEAD_BYTES: Final = 1024
_XML_DECLARED_ENCODING: Final = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)")
_TAG_NAME: Final = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9:-]*)|<[!?]")
_ENTITY_LOOKING: Final = re.compile(r"</(\w+)>|&#?\w+;")
_SAFE_TAGS: Final = frozenset(_HTMLSanitizer.acceptable_elements) | {"script", "style", "applet"}

_RSS_ITEM_FIELDS: Final = frozenset(
    {"title", "link", "description", "guid", "pubDate", "author", f"{CONTENT}encoded",
     f"{DC}creator", f"{DC}date"}
)  # fmt: skip
_RSS_ITEM_IGNORED: Final = frozenset(
    {
        "category",
        "comments",
        "enclosure",
        f"{DC}subject",
        "{http://wellformedweb.org/CommentAPI/}commentRss",
        "{http://purl.org/rss/1.0/modules/slash/}comments",
    }
)
_ATOM_ENTRY_FIELDS: Final = frozenset(
    f"{ATOM}{name}" for name in ("id", "title", "author", "published", "updated", "summary",
                                 "content")
)  # fmt: skip
_ATOM_ENTRY_IGNORED: Final = frozenset(f"{ATOM}{name}" for name in ("category",))
_ATOM_TEXT_TYPES: Final = {"text": False, "html": True, "text/plain": False, "text/html": True}
_HTML_LINK_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


class _Unsure(Exception):  # noqa: N818 - internal signal, never escapes this module
    """Raised inside the fast reader when feedparser must decide."""


def read_fast(data: bytes) -> RawFeed | None:
    """The feed in `data` when it is a plain, well-formed RSS 2.0 or Atom feed; else None."""
    head = data[:_HEAD_BYTES]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"xml:base" in data:
        return None
    declared = _XML_DECLARED_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    try:
        root = etree.fromstring(data, safe_xml_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    try:
        if root.tag == "rss" and (root.get("version") or "").strip() == "2.0":
            return _read_rss(root)
        if root.tag == f"{ATOM}feed":
            return _read_atom(root)
    except _Unsure:
        return None
    return None


def _read_rss(root: Element) -> RawFeed:
    channels = [child for child in root if child.tag == "channel"]
    if len(channels) != 1 or any(child.tag == "item" for child in root):
        raise _Unsure
    channel = channels[0]
    title = RawText()
    link = ""
    entries: list[RawEntry] = []
    for child in channel:
        tag = child.tag
        if tag == "item":
            entries.append(_rss_item(child))
        elif tag == "title":
            title = _plain_or_unsure(_text(child))
        elif tag == "link":
            link = _text(child)
        elif _names_feed(child):
            raise _Unsure
    return RawFeed(title=title, link=link, entries=tuple(entries))


def _names_feed(element: Element) -> bool:
    """Whether a channel child other than RSS's own could set the title or link for feedparser."""
    tag = element.tag
    if tag in (f"{DC}title", f"{ATOM}title", "{http://search.yahoo.com/mrss/}title"):
        return True
    return tag == f"{ATOM}link" and (element.get("rel") or "alternate") == "alternate"


def _rss_item(item: Element) -> RawEntry:
    seen: set[str] = set()
    fields: dict[str, str] = {}
    guid_is_link = False
    link_before_guid = False
    permalink = True
    for child in item:
        tag = child.tag
        if len(child) and tag not in _RSS_ITEM_IGNORED:
            raise _Unsure
        if tag in _RSS_ITEM_IGNORED:
            continue
        if tag not in _RSS_ITEM_FIELDS or tag in seen:
            raise _Unsure
        seen.add(tag)
        value = _text(child)
        if tag == "guid":
            permalink = (child.get("isPermaLink") or "true") == "true"
            link_before_guid = "link" in fields
            guid_is_link = permalink and not link_before_guid
        fields[tag] = value
    guid = fields.get("guid", "")
    link = fields.get("link", "")
    if not link and guid_is_link and "guid" in fields:
        link = guid
    if "link" in fields and guid_is_link and "guid" in fields:
        # feedparser lets a <link> after the guid replace the guid as the link.
        link = fields["link"]
    author = fields.get("author") or fields.get(f"{DC}creator", "")
    if "author" in fields and f"{DC}creator" in fields:
        raise _Unsure
    if any(mark in author for mark in "@(<"):
        raise _Unsure
    return RawEntry(
        title=_plain_or_unsure(fields.get("title", "")),
        link=link,
        link_is_guid=guid_is_link and link == guid and "guid" in fields,
        guid=guid,
        author=author,
        content=_html(fields.get(f"{CONTENT}encoded", "")),
        summary=_html(fields.get("description", "")),
        published=_date(fields.get("pubDate", "")) or _date(fields.get(f"{DC}date", "")),
    )


def _read_atom(root: Element) -> RawFeed:
    title = RawText()
    link = ""
    entries: list[RawEntry] = []
    for child in root:
        tag = child.tag
        if tag == f"{ATOM}entry":
            entries.append(_atom_entry(child))
        elif tag == f"{ATOM}title":
            title = _atom_text(child)
        elif tag == f"{ATOM}link":
            link = _atom_link(child, link)
        elif isinstance(tag, str) and not tag.startswith(ATOM):
            raise _Unsure
    return RawFeed(title=title, link=link, entries=tuple(entries))


def _atom_entry(entry: Element) -> RawEntry:
    seen: set[str] = set()
    texts: dict[str, RawText] = {}
    values: dict[str, str] = {}
    link = ""
    link_seen = False
    guid_is_link = False
    for child in entry:
        tag = child.tag
        if tag == f"{ATOM}link":
            if len(child):
                raise _Unsure
            new_link = _atom_link(child, link)
            link_seen = link_seen or new_link != link
            link = new_link
            continue
        if tag in _ATOM_ENTRY_IGNORED:
            continue
        if tag not in _ATOM_ENTRY_FIELDS or tag in seen:
            raise _Unsure
        seen.add(tag)
        name = tag[len(ATOM) :]
        if name in ("title", "summary", "content"):
            if name == "content" and child.get("src") is not None:
                raise _Unsure
            texts[name] = _atom_text(child)
        elif name == "author":
            values["author"] = _atom_author(child)
        elif name == "id":
            if len(child):
                raise _Unsure
            values["id"] = _text(child)
            guid_is_link = not link_seen
        else:
            if len(child):
                raise _Unsure
            values[name] = _text(child)
    guid = values.get("id", "")
    if guid_is_link and not link_seen and "id" in values:
        link = guid
    return RawEntry(
        title=texts.get("title", RawText()),
        link=link,
        link_is_guid=guid_is_link and "id" in values and link == guid,
        guid=guid,
        author=values.get("author", ""),
        content=texts.get("content", RawText()),
        summary=texts.get("summary", RawText()),
        published=_date(values.get("published", "")) or _date(values.get("updated", "")),
    )


def _atom_link(element: Element, current: str) -> str:
    rel = element.get("rel") or "alternate"
    kind = (element.get("type") or "text/html").lower()
    href = element.get("href")
    if not isinstance(href, str):
        raise _Unsure
    if rel == "alternate" and kind in _HTML_LINK_TYPES:
        return href
    return current


def _atom_author(element: Element) -> str:
    name = ""
    for child in element:
        if len(child):
            raise _Unsure
        if child.tag == f"{ATOM}name":
            name = _text(child)
        elif child.tag == f"{ATOM}email" or (
            child.tag != f"{ATOM}uri" and isinstance(child.tag, str)
        ):
            raise _Unsure
    if element.text and element.text.strip():
        raise _Unsure
    return name


def _atom_text(element: Element) -> RawText:
    if len(element):
        raise _Unsure
    is_html = _ATOM_TEXT_TYPES.get((element.get("type") or "text").lower())
    if is_html is None:
        raise _Unsure
    value = _text(element)
    return _html(value) if is_html else RawText(value)


def _text(element: Element) -> str:
    """The element's text as feedparser reports it: stripped, with its UTF-8 repair."""
    text = (element.text or "").strip()
    if not text.isascii():
        # feedparser re-reads text that is valid UTF-8 misread as Latin-1; so must we.
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("iso-8859-1").decode("utf-8")
    return text


def _plain_or_unsure(value: str) -> RawText:
    """A plain-text field; feedparser guesses HTML for some, so those go to it."""
    if _ENTITY_LOOKING.search(value):
        raise _Unsure
    return RawText(value)


def _html(value: str) -> RawText:
    # Each distinct name once: entries repeat a handful of tags many times.
    names = set(_TAG_NAME.findall(value))  # "" stands for a comment or declaration
    if "" in names or not _SAFE_TAGS.issuperset(name.lower() for name in names):
        raise _Unsure
    return RawText(value, is_html=True) if value else RawText()


def _date(text: str) -> datetime | None:
    return feed_date(text) if text else None
