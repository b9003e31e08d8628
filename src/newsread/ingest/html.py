"""HTML to Markdown: fragments from feeds, and whole pages saved or fetched from the web.

`html_to_markdown` converts any HTML (a fragment or a document) into escaped
Markdown; `parse_html` reads a page's bytes, finds its encoding, metadata and
main content, and returns the article (see `newsread.ingest.html_extract`).
"""

from __future__ import annotations

from typing import Final

from newsread.ingest.html_blocks import MarkdownWriter, parse_html_tree
from newsread.ingest.html_extract import extract_article
from newsread.ingest.html_fragment import is_plain_text, simple_fragment_markdown
from newsread.ingest.html_inline import collapse_whitespace
from newsread.model import ParsedArticle
from newsread.textsafe import strip_controls

__all__ = ["html_to_markdown", "html_to_text", "parse_html"]

_UNSUSPICIOUS_BYTES: Final = bytes(
    byte
    for byte in range(256)
    if byte in (9, 10) or 0x20 <= byte < 0x7F or (byte >= 0x80 and byte not in (0xC2, 0xED))
)
"""UTF-8 bytes that cannot be part of a control character (C1 controls start with 0xC2)
or of a lone surrogate (0xED; it also starts some Hangul, which then takes the slow scan)."""


def html_to_markdown(html: str, *, base_url: str = "") -> str:
    """Convert an HTML fragment or document into Markdown that renders its text literally.

    Relative links are resolved against `base_url`; links that are not http,
    https or mailto (including unresolvable relative ones) become plain text.
    Scripts, styles, frames, forms and page furniture are dropped.
    """
    html = _without_controls(html)
    markdown = simple_fragment_markdown(html, base_url=base_url)
    if markdown is None:
        root = parse_html_tree(html)
        if root is None:
            return ""
        markdown = MarkdownWriter(base_url=base_url).convert(root)
    # Character references can spell control characters too, so clean the output as well.
    return _without_controls(markdown)


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment as one line (for titles and summaries)."""
    html = _without_controls(html)
    if is_plain_text(html):
        # Plain text, as most titles and summaries are: nothing for a parser to do.
        return collapse_whitespace(html)
    root = parse_html_tree(html)
    if root is None:
        return ""
    pieces: list[str] = []
    for node in root.iter():
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag and tag not in ("script", "style", "template", "head") and node.text:
            pieces.append(node.text)
        if node is not root and node.tail:
            pieces.append(node.tail)
    return collapse_whitespace(strip_controls("".join(pieces)))


def _without_controls(text: str) -> str:
    """`strip_controls(text)`, skipping its slow scan when a quick one finds nothing to do."""
    if not text.encode("utf-8", "surrogatepass").translate(None, _UNSUSPICIOUS_BYTES):
        return text
    return strip_controls(text)


def parse_html(
    data: bytes, *, fallback_title: str, base_url: str = "", content_type: str = ""
) -> ParsedArticle:
    """Read a whole web page into an article: its title, main text, date, link and author.

    The encoding comes from a byte-order mark, then the `content_type`
    charset, then `<meta charset>`, then a guess (UTF-8 when valid, else
    Windows-1252); decoding never fails.
    """
    return extract_article(
        data, fallback_title=fallback_title, base_url=base_url, content_type=content_type
    )
