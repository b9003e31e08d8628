"""The block half of HTML-to-Markdown: walk a parsed tree and write Markdown blocks.

Headings, paragraphs, nested lists, quotes, code blocks and rules become
their Markdown forms; inline content goes through `html_inline.InlineBuffer`.
Furniture and active content (scripts, styles, frames, forms, navigation,
asides, page headers and footers, hidden elements) is dropped with
everything inside it. Links keep only http, https and mailto targets.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree

from newsread.ingest.html_inline import InlineBuffer, code_span, collapse_whitespace
from newsread.textsafe import has_controls, strip_controls

Element = Any
"""An lxml element (lxml ships no type information)."""

DROPPED: Final = frozenset(
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object",
        "embed", "applet", "param", "form", "button", "select", "option", "optgroup",
        "textarea", "input", "label", "nav", "aside", "footer", "header", "svg", "math",
        "canvas", "audio", "video", "source", "track", "map", "area", "dialog", "head",
        "title", "meta", "link", "base", "img", "picture", "datalist", "menu", "output",
        "progress", "meter",
    }
)  # fmt: skip
"""Elements dropped together with their content."""

_BLOCKS: Final = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "p", "center", "figure",
        "figcaption", "address", "details", "summary", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "caption", "fieldset", "legend", "hgroup", "search",
    }
)  # fmt: skip
_HEADINGS: Final = {f"h{level}": level for level in range(1, 7)}
_EMPHASIS: Final = {"em": "*", "i": "*", "cite": "*", "dfn": "*", "var": "*"}
_STRONG: Final = frozenset({"strong", "b"})
_CODE: Final = frozenset({"code", "kbd", "samp", "tt"})
_CELLS: Final = frozenset({"td", "th"})
_LINK_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_UNSAFE_URL_CHARACTERS: Final = re.compile(r"[\s<>()\\`\"'\x00-\x1f\x7f]")
_UNSAFE_ASCII: Final = frozenset(" <>()\\`\"'")
"""The printable ASCII characters `_UNSAFE_URL_CHARACTERS` matches."""
_PLAIN_HOST: Final = r"[A-Za-z0-9._~:@-]+(?=[/?#]|\Z)"
_PLAIN_ABSOLUTE: Final = re.compile(r"https?://" + _PLAIN_HOST)
_PLAIN_ORIGIN: Final = re.compile(r"(https?://" + _PLAIN_HOST + ")")
_PLAIN_PATH: Final = re.compile(r"[A-Za-z0-9._~!$&'*+,=:@/%-]+")

MAX_DEPTH: Final = 120
"""Deeper nesting is read as plain text, keeping the walk's recursion bounded."""


@dataclass(slots=True)
class BlockList:
    """Markdown blocks of one container (the body, a quote, a list item), plus the
    paragraph being collected."""

    blocks: list[str] = field(default_factory=list)
    inline: InlineBuffer = field(default_factory=InlineBuffer)
    last_bullet: str = ""

    def flush(self) -> None:
        lines = self.inline.take_lines()
        if lines:
            self.add("\n".join(lines))

    def add(self, block: str, *, bullet: str = "") -> None:
        self.blocks.append(block)
        self.last_bullet = bullet


def safe_link(href: str, base_url: str) -> str:
    """`href` made absolute against `base_url`; "" unless it is http(s) or mailto."""
    if has_controls(href) or "\t" in href or "\n" in href:
        # Browsers drop tabs and newlines inside links; other controls must never be stored.
        href = strip_controls(href).replace("\t", "").replace("\n", "")
    href = href.strip(" \x0c")
    if not href or href.startswith("#"):
        return ""
    plain = plain_http_link(href, base_url)
    return plain if plain is not None else _resolved_link(href, base_url)


def plain_http_link(href: str, base_url: str) -> str | None:
    """`safe_link` for the common shapes of link, without `urllib`; None for other shapes.

    An absolute http(s) URL with a plain host is kept as it is; a plain
    absolute path (`/a/b-c`) is put after `base_url`'s scheme and host.
    """
    if href.startswith(("https://", "http://")):
        return href if _PLAIN_ABSOLUTE.match(href) else None
    if href[0] != "/" or href.startswith("//") or "/." in href or not _PLAIN_PATH.fullmatch(href):
        return None
    origin = _PLAIN_ORIGIN.match(base_url)
    return origin.group(1) + href if origin is not None else None


def _resolved_link(href: str, base_url: str) -> str:
    try:
        absolute = href.startswith(("https://", "http://"))
        url = urljoin(base_url, href) if base_url and not absolute else href
        parts = urlsplit(url)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in _LINK_SCHEMES or (scheme != "mailto" and not parts.netloc):
        return ""
    return url


def link_destination(url: str) -> str:
    """A URL written so a CommonMark link destination cannot end early."""
    if url.isascii() and url.isprintable() and not _UNSAFE_ASCII.intersection(url):
        return url
    return _UNSAFE_URL_CHARACTERS.sub(lambda match: quote(match.group(), safe=""), url)


def join_blocks(blocks: list[str]) -> str:
    """Blocks separated by blank lines (a nested list follows its item's text directly)."""
    if not blocks:
        return ""
    joined = [blocks[0]]
    for block in blocks[1:]:
        joined.append("\n" if _interrupts_paragraph(block) else "\n\n")
        joined.append(block)
    return "".join(joined)


def _interrupts_paragraph(block: str) -> bool:
    return block.startswith(("- ", "* ", "1. ", "1) "))


@dataclass(slots=True)
class MarkdownWriter:
    """Writes one element tree as Markdown."""

    base_url: str = ""
    dropped: frozenset[str] = DROPPED

    def convert(self, root: Element) -> str:
        """The Markdown of `root` and everything in it."""
        out = BlockList()
        self._node(root, out, 0)
        out.flush()
        return "\n\n".join(out.blocks)

    def _children(self, element: Element, out: BlockList, depth: int) -> None:
        if element.text:
            out.inline.text(element.text)
        for child in element:
            self._node(child, out, depth + 1)
            if child.tail:
                out.inline.text(child.tail)

    def _node(self, element: Element, out: BlockList, depth: int) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in self.dropped or _is_hidden(element):
            return
        if depth > MAX_DEPTH:
            out.inline.text(" " + _plain_text(element) + " ")
            return
        if tag in _BLOCKS:
            out.flush()
            self._children(element, out, depth)
            out.flush()
        elif tag in _HEADINGS:
            self._heading(element, out, depth, _HEADINGS[tag])
        elif tag in ("ul", "ol", "dir"):
            out.flush()
            self._list(element, out, depth, ordered=tag == "ol")
        elif tag == "li":
            out.flush()
            self._list_items([element], out, depth, ordered=False, start=1)
        elif tag == "blockquote":
            out.flush()
            self._quote(element, out, depth)
        elif tag in ("pre", "listing", "xmp", "plaintext"):
            out.flush()
            self._code_block(element, out)
        elif tag == "hr":
            out.flush()
            out.add("---")
        elif tag == "br":
            out.inline.line_break()
        elif tag == "a":
            self._link(element, out, depth)
        elif tag in _EMPHASIS or tag in _STRONG:
            marker = "**" if tag in _STRONG else "*"
            pair = out.inline.open(marker)
            self._children(element, out, depth)
            out.inline.close(pair, marker)
        elif tag in _CODE:
            text = collapse_whitespace(_plain_text(element))
            if text:
                out.inline.literal(code_span(text))
        elif tag in _CELLS:
            out.inline.text(" ")
            self._children(element, out, depth)
            out.inline.text(" ")
        else:
            self._children(element, out, depth)

    def _heading(self, element: Element, out: BlockList, depth: int, level: int) -> None:
        out.flush()
        inner = BlockList()
        self._children(element, inner, depth)
        inner.flush()
        heading = heading_block(inner.blocks, level)
        if heading:
            out.add(heading)

    def _list(self, element: Element, out: BlockList, depth: int, *, ordered: bool) -> None:
        items: list[Element] = []
        loose_text = element.text or ""
        for child in element:
            if isinstance(child.tag, str):
                items.append(child)
            loose_text += child.tail or ""
        start = list_start(element.get("start")) if ordered else 1
        self._list_items(items, out, depth, ordered=ordered, start=start)
        if loose_text.strip():
            out.inline.text(loose_text)
            out.flush()

    def _list_items(
        self, items: list[Element], out: BlockList, depth: int, *, ordered: bool, start: int
    ) -> None:
        bullet = list_bullet(out.last_bullet, ordered=ordered)
        rendered: list[str] = []
        number = start
        for item in items:
            inner = BlockList()
            if isinstance(item.tag, str) and item.tag.lower() == "li":
                self._children(item, inner, depth + 1)
            else:
                self._node(item, inner, depth + 1)
            inner.flush()
            content = join_blocks(inner.blocks)
            if not content:
                continue
            marker = f"{number}{bullet} " if ordered else f"{bullet} "
            number += 1
            rendered.append(indent_after_marker(marker, content))
        if rendered:
            out.add("\n".join(rendered), bullet=bullet)

    def _quote(self, element: Element, out: BlockList, depth: int) -> None:
        inner = BlockList()
        self._children(element, inner, depth)
        inner.flush()
        content = join_blocks(inner.blocks)
        if content:
            out.add(quote_block(content))

    def _code_block(self, element: Element, out: BlockList) -> None:
        text = _plain_text(element).strip("\n")
        if not text.strip():
            return
        longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=0)
        fence = "`" * max(3, longest + 1)
        out.add(f"{fence}\n{text}\n{fence}")

    def _link(self, element: Element, out: BlockList, depth: int) -> None:
        url = "" if out.inline.in_link else safe_link(element.get("href") or "", self.base_url)
        if not url:
            self._children(element, out, depth)
            return
        pair = out.inline.open("[")
        self._children(element, out, depth)
        out.inline.close(pair, f"]({link_destination(url)})")


def heading_block(blocks: list[str], level: int) -> str:
    """The ATX heading of the blocks collected inside `<hN>`; "" when they are empty."""
    text = " ".join(" ".join(block.split("\\\n")) for block in blocks).strip()
    text = re.sub(r"\s+", " ", text)
    if not text:
        return ""
    if text.endswith("#"):
        text = text[:-1] + "\\#"
    return f"{'#' * level} {text}"


def quote_block(content: str) -> str:
    """`content` as a block quote."""
    return "\n".join(f"> {line}" if line else ">" for line in content.split("\n"))


def list_bullet(last_bullet: str, *, ordered: bool) -> str:
    """The list marker character: never the one of a list just before (that would merge them)."""
    if ordered:
        return ")" if last_bullet == "." else "."
    return "*" if last_bullet == "-" else "-"


def indent_after_marker(marker: str, content: str) -> str:
    """A list item: `marker` then `content`, its later lines indented to match."""
    pad = " " * len(marker)
    lines = content.split("\n")
    return "\n".join([marker + lines[0]] + [pad + line if line else "" for line in lines[1:]])


def list_start(start: str | None) -> int:
    """The first number of an ordered list from its `start` attribute."""
    try:
        number = int((start or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 0), 999_999_999)


def _is_hidden(element: Element) -> bool:
    return is_hidden(element.get("hidden"), element.get("aria-hidden"), element.get("style"))


def is_hidden(hidden: str | None, aria_hidden: str | None, style: str | None) -> bool:
    """Whether an element with these attribute values is hidden from readers."""
    if hidden is not None or aria_hidden == "true":
        return True
    style = (style or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _plain_text(element: Element) -> str:
    """Text of an element and its descendants, without script or style content."""
    pieces: list[str] = []
    for node in element.iter():
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "br":
            pieces.append("\n")
        elif tag and tag not in ("script", "style", "template") and node.text:
            pieces.append(node.text)
        if node is not element and node.tail:
            pieces.append(node.tail)
    return "".join(pieces)


_FLATTENED_TAGS: Final = re.compile(
    r"</?(?:div|span|section|article|main|font|center|table|tbody|tr|td|th|ul|ol|li|dl|dd|dt|"
    r"blockquote|b|i|u|s|em|strong|small|big|sub|sup|a|q|cite|abbr|nobr|label|object|"
    r"frameset|frame|marquee|select|option|form|button|address|pre|code|tt|p|h[1-6])\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG: Final = re.compile(r"<[^>]*>")
_parsers = threading.local()


def _parser() -> Any:
    """An HTML parser for this thread (lxml parsers must not be shared between threads)."""
    parser = getattr(_parsers, "html", None)
    if parser is None:
        parser = etree.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            recover=True,
            default_doctype=False,
        )
        _parsers.html = parser
    return parser


def parse_html_tree(html: str) -> Element | None:
    """Parse HTML text into an lxml tree (the `<html>` element); None when there is none.

    libxml2 stops at 256 levels of nesting and loses the rest; such documents
    are parsed again with their containers flattened, then as bare text.
    """
    for attempt in (html, _FLATTENED_TAGS.sub(" ", html), _ANY_TAG.sub(" ", html)):
        root, too_deep = _parse_once(attempt)
        if not too_deep:
            return root
    return root


def _parse_once(html: str) -> tuple[Element | None, bool]:
    data = html.encode("utf-8", errors="replace")
    if not data.strip():
        return None, False
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any("Excessive depth" in error.message for error in parser.error_log)
    return root, too_deep
