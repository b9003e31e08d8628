"""Find the article in a whole web page: encoding, metadata and the main content block.

The main content is the `<article>` with the most paragraph text, else
`<main>`, else the block whose paragraphs score highest in a small
readability-style count (long, comma-rich paragraphs, few links).
"""

from __future__ import annotations

import re
from collections import defaultdict
from email.message import Message
from typing import Final

from newsread.ingest.dates import normalize_date
from newsread.ingest.decoding import bom_encoding, decode_text, normalize_charset
from newsread.ingest.fields import clean_author, clean_body, clean_title
from newsread.ingest.html_blocks import Element, MarkdownWriter, parse_html_tree, safe_link
from newsread.ingest.html_inline import collapse_whitespace
from newsread.model import ParsedArticle
from newsread.textsafe import strip_controls

PRESCAN_BYTES: Final = 4096
"""How far into a page to look for `<meta charset>` (browsers look at 1024)."""

_META_CHARSET: Final = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_FURNITURE_HINT: Final = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|social|related|comments?|newsletter|promo|advert\w*|ads?|"
    r"sponsor\w*|sidebar|breadcrumbs?|cookies?|subscribe|subscription|popup|modal|"
    r"masthead|menu|navbar|byline-share|recirc\w*|outbrain|taboola)(?:$|[-_\s])",
    re.IGNORECASE,
)
_MIN_PARAGRAPH_CHARS: Final = 25
_MIN_ARTICLE_CHARS: Final = 140


def extract_article(
    data: bytes, *, fallback_title: str, base_url: str, content_type: str
) -> ParsedArticle:
    """The `parse_html` work: decode, parse, pick metadata and main content."""
    text = decode_page(data, content_type=content_type)
    root = parse_html_tree(strip_controls(text))
    if root is None:
        return ParsedArticle(title=clean_title(fallback_title), body="", key=fallback_title)
    base = _document_base(root, base_url)
    meta = _meta_values(root)
    content = _main_content(root)
    _drop_furniture(content)
    title_heading = _first_heading(content)
    title = clean_title(
        meta.get("og:title")
        or meta.get("twitter:title")
        or (_text(title_heading) if title_heading is not None else "")
        or _text(_first(root, "title"))
        or fallback_title
    )
    if (
        title_heading is not None
        and title_heading is not content
        and clean_title(_text(title_heading)) == title
    ):
        # The headline is shown above the body; do not repeat it.
        _remove_keeping_tail(title_heading)
    body = clean_body(MarkdownWriter(base_url=base).convert(content))
    url = safe_link(_canonical(root) or meta.get("og:url", ""), base)
    if url.startswith("mailto:"):
        url = ""
    return ParsedArticle(
        title=title,
        body=body,
        key=url or title,
        url=url,
        author=clean_author(_author(meta)),
        published=_published(root, meta),
    )


def decode_page(data: bytes, *, content_type: str = "") -> str:
    """Decode page bytes: BOM, then the header charset, then `<meta>`, then a guess."""
    if bom_encoding(data) is not None:
        return decode_text(data)
    for label in (_header_charset(content_type), _meta_charset(data)):
        codec = normalize_charset(label) if label else None
        # A page cannot declare UTF-16 from inside itself without a BOM; that label lies.
        if codec is not None and not codec.startswith("utf_16") and not codec.startswith("utf-16"):
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    return decode_text(data)


def _header_charset(content_type: str) -> str:
    if not content_type:
        return ""
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset if isinstance(charset, str) else ""


def _meta_charset(data: bytes) -> str:
    match = _META_CHARSET.search(data[:PRESCAN_BYTES])
    return match.group(1).decode("ascii", errors="replace") if match else ""


def _document_base(root: Element, base_url: str) -> str:
    base = _first(root, "base")
    href = base.get("href") if base is not None else None
    if href:
        resolved = safe_link(href, base_url)
        if resolved and not resolved.startswith("mailto:"):
            return resolved
    return base_url


def _meta_values(root: Element) -> dict[str, str]:
    """`<meta>` names/properties (lower case) to their first non-empty content."""
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def _main_content(root: Element) -> Element:
    articles = [
        (len(_paragraph_text(article)), index, article)
        for index, article in enumerate(root.iter("article"))
    ]
    articles = [entry for entry in articles if entry[0] >= _MIN_ARTICLE_CHARS]
    if articles:
        # Most paragraph text wins; the earliest wins ties.
        return max(articles, key=lambda entry: (entry[0], -entry[1]))[2]
    for candidate in root.iter("main", "div", "section"):
        if candidate.tag == "main" or candidate.get("role") == "main":
            return candidate
    densest = _densest_block(root)
    if densest is not None:
        return densest
    body = _first(root, "body")
    return body if body is not None else root


def _densest_block(root: Element) -> Element | None:
    scores: defaultdict[Element, float] = defaultdict(float)
    for paragraph in root.iter("p", "pre", "blockquote"):
        text = _text(paragraph)
        if len(text) < _MIN_PARAGRAPH_CHARS:
            continue
        score = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = paragraph.getparent()
        if parent is None:
            continue
        scores[parent] += score
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] += score / 2
    if not scores:
        return None
    return max(scores, key=lambda block: scores[block] * (1 - _link_density(block)))


def _link_density(element: Element) -> float:
    total = len(_text(element))
    if total == 0:
        return 1.0
    linked = sum(len(_text(link)) for link in element.iter("a"))
    return min(linked / total, 1.0)


def _drop_furniture(content: Element) -> None:
    """Remove share bars, related links, comments and the like from the content block."""
    total = max(len(_paragraph_text(content)), 1)
    doomed = [
        element
        for element in content.iterdescendants()
        if isinstance(element.tag, str)
        and _FURNITURE_HINT.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        and len(_paragraph_text(element)) < total / 2
    ]
    for element in doomed:
        if element.getparent() is not None:
            _remove_keeping_tail(element)


def _remove_keeping_tail(element: Element) -> None:
    parent = element.getparent()
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _first_heading(content: Element) -> Element | None:
    for heading in content.iter("h1"):
        if _text(heading):
            return heading
    return None


def _canonical(root: Element) -> str:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return link.get("href") or ""
    return ""


def _author(meta: dict[str, str]) -> str:
    for key in ("author", "article:author", "byl", "dc.creator", "parsely-author"):
        value = meta.get(key, "")
        if value and not value.startswith(("http://", "https://")):
            return value.removeprefix("By ").removeprefix("by ")
    return ""


def _published(root: Element, meta: dict[str, str]) -> str | None:
    candidates = [
        meta.get(key, "")
        for key in ("article:published_time", "datepublished", "date", "dc.date", "pubdate")
    ]
    candidates.extend(time.get("datetime") or "" for time in root.iter("time"))
    for candidate in candidates:
        if candidate:
            published = normalize_date(candidate)
            if published is not None:
                return published
    return None


def _first(root: Element, tag: str) -> Element | None:
    return next(iter(root.iter(tag)), None)


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return collapse_whitespace(
        "".join(piece for piece in element.itertext() if isinstance(piece, str))
    )


def _paragraph_text(element: Element) -> str:
    return "".join(_text(paragraph) for paragraph in element.iter("p"))
