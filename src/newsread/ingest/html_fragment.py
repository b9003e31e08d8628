"""A quick route to Markdown for the plain HTML most feed entries carry.

Feed entries are mostly paragraphs and lists of text with links and
emphasis. For HTML inside that simple subset (known tags closed in order,
quoted attributes, common character references) `simple_fragment_markdown`
writes the Markdown straight from the tags, several times faster than
parsing with lxml and walking the tree; for anything else it returns None
and the caller takes the general route. Both routes share the inline and
block writers, and a differential test holds them to the same output. The
subset is small on purpose, so that lxml's error recovery never comes into
play.
"""

from __future__ import annotations

import re
from typing import Final

from newsread.ingest.html_blocks import (
    BlockList,
    heading_block,
    indent_after_marker,
    is_hidden,
    join_blocks,
    link_destination,
    list_bullet,
    list_start,
    quote_block,
    safe_link,
)
from newsread.ingest.html_inline import code_span, collapse_whitespace

_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:[ \t\n\f][^<>]*)?)>")
_ATTRIBUTE: Final = re.compile(
    r"""[ \t\n\f]+([a-z][a-z0-9_.:-]*)(?:[ \t\n\f]*=[ \t\n\f]*(?:"([^"]*)"|'([^']*)'))?"""
)
_REFERENCE: Final = re.compile(r"(amp|lt|gt|quot|nbsp);|#([0-9]{1,7});|#[xX]([0-9a-fA-F]{1,6});")
_NAMED: Final = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "nbsp": "\xa0"}
_HTML_SPACE: Final = " \t\n\f"
MAX_DEPTH: Final = 32

# What each element does; the writer in `html_blocks` gives the same meaning to each.
_TRANSPARENT: Final = "transparent"
_EMPHASIS: Final = "emphasis"
_LINK: Final = "link"
_CODE: Final = "code"
_PARAGRAPH: Final = "paragraph"
_HEADING: Final = "heading"
_QUOTE: Final = "quote"
_LIST: Final = "list"
_ITEM: Final = "item"
_ROLES: Final = {
    **dict.fromkeys(("span", "u", "small", "abbr", "q", "s", "del", "ins"), _TRANSPARENT),
    **dict.fromkeys(("em", "i", "cite", "dfn", "var", "strong", "b"), _EMPHASIS),
    "a": _LINK,
    **dict.fromkeys(("code", "kbd", "samp", "tt"), _CODE),
    **dict.fromkeys(("p", "div"), _PARAGRAPH),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _HEADING),
    "blockquote": _QUOTE,
    **dict.fromkeys(("ul", "ol"), _LIST),
    "li": _ITEM,
}
_EMPHASIS_MARKERS: Final = {
    name: "**" if name in ("strong", "b") else "*"
    for name, role in _ROLES.items()
    if role == _EMPHASIS
}

# What each kind of parent may hold: text blocks hold inline content only, lists
# hold items only, and the rest (body, div, blockquote) hold anything.
_INLINE: Final = frozenset(
    name for name, role in _ROLES.items() if role in (_TRANSPARENT, _EMPHASIS, _LINK, _CODE)
) | {"br", "img"}
_FLOW: Final = frozenset(_ROLES) - {"li"} | {"br", "img", "hr"}
_ITEMS: Final = frozenset({"li"})
_NOTHING: Final = frozenset[str]()
_VOID: Final = frozenset({"br", "img", "hr"})
_NO_ATTRIBUTES: Final[dict[str, str]] = {}
"""Shared by every tag without attributes; never changed."""


class _Open:
    """An element whose end tag is still to come (a plain class: one is made per tag)."""

    __slots__ = (
        "allowed", "blocks", "holds_text", "items", "marker", "name", "number", "ordered",
        "pair", "role",
    )  # fmt: skip

    def __init__(
        self,
        name: str,
        role: str,
        allowed: frozenset[str],
        blocks: BlockList,
        pair: int = -1,
        marker: str = "",
    ) -> None:
        self.name = name
        self.role = role
        self.allowed = allowed
        self.blocks = blocks
        """Where content inside it goes."""
        self.pair = pair
        """The inline span it opened (emphasis, link), if any; -1 if none."""
        self.marker = marker
        """What closes that span; for a list, its bullet."""
        self.holds_text = role != _CODE and role != _LIST
        """Whether text inside goes to the inline buffer (not for code or lists)."""
        self.ordered = False
        self.number = 1
        """For an ordered list: the number of its next item."""
        self.items: list[str] | None = None
        """For a list: its items so far; for code: its text so far."""


def is_plain_text(html: str) -> bool:
    """Whether `html` has no tags or references: an HTML parser would keep it as it is."""
    return "<" not in html and "&" not in html and _readable(html)


def simple_fragment_markdown(html: str, *, base_url: str = "") -> str | None:
    """The Markdown of `html` when it is simple HTML, else None (use the general route)."""
    if not _readable(html):
        return None
    parts = _TAG.split(html)
    body = BlockList()
    root = top = _Open("body", _PARAGRAPH, _FLOW, body)
    stack = [root]
    after_image = False
    # `parts` runs text, "/" or "", tag name, attributes, text, ...: one step per tag.
    texts = parts[::4]  # one more than the tags: the text after the last one
    for text, slash, tag, source in zip(texts, parts[1::4], parts[2::4], parts[3::4], strict=False):
        name = tag.lower()
        if text:
            if "<" in text:
                return None
            if after_image and not slash and name in _INLINE and not text.strip(_HTML_SPACE):
                # libxml2 versions differ on keeping blanks after an image.
                return None
            if top.holds_text and "&" not in text:
                top.blocks.inline.text(text)
            elif not _add_text(top, text):
                return None
        after_image = False
        if slash:
            if top is root or top.name != name or source.strip(_HTML_SPACE):
                return None
            stack.pop()
            if top.pair >= 0:
                top.blocks.inline.close(top.pair, top.marker)
            elif top.role != _TRANSPARENT:
                _end(top, stack[-1])
            top = stack[-1]
            continue
        if name not in top.allowed:
            return None
        attributes = _attributes(source, void=name in _VOID) if source else _NO_ATTRIBUTES
        if attributes is None:
            return None
        if name == "img":
            after_image = True  # dropped, with anything in it
        elif attributes and is_hidden(
            attributes.get("hidden"), attributes.get("aria-hidden"), attributes.get("style")
        ):
            return None
        elif name == "br":
            top.blocks.inline.line_break()
        elif name == "hr":
            top.blocks.flush()
            top.blocks.add("---")
        elif len(stack) == MAX_DEPTH or (name == "a" and any(e.name == "a" for e in stack)):
            return None
        elif name in _EMPHASIS_MARKERS:  # the commonest start tags, so done right here
            marker = _EMPHASIS_MARKERS[name]
            out = top.blocks
            top = _Open(name, _EMPHASIS, _INLINE, out, out.inline.open(marker), marker)
            stack.append(top)
        else:
            top = _start(name, attributes, top, base_url)
            stack.append(top)
    if parts[-1] and ("<" in parts[-1] or not _add_text(top, parts[-1])):
        return None
    if top is not root:
        return None
    body.flush()
    return "\n\n".join(body.blocks)


def _add_text(element: _Open, text: str) -> bool:
    if "&" in text:
        decoded = _decode(text)
        if decoded is None:
            return False
        text = decoded
    if element.role == _CODE:
        _collected(element).append(text)
    elif element.role == _LIST:
        return not text.strip(_HTML_SPACE)
    else:
        element.blocks.inline.text(text)
    return True


def _start(name: str, attributes: dict[str, str], parent: _Open, base_url: str) -> _Open:
    role = _ROLES[name]
    out = parent.blocks
    if role == _TRANSPARENT:
        return _Open(name, role, _INLINE, out)
    if role == _LINK:
        url = "" if out.inline.in_link else safe_link(attributes.get("href") or "", base_url)
        if not url:
            return _Open(name, _TRANSPARENT, _INLINE, out)
        return _Open(name, role, _INLINE, out, out.inline.open("["), f"]({link_destination(url)})")
    if role == _CODE:
        return _Open(name, role, _NOTHING, out)
    out.flush()
    if role == _PARAGRAPH:
        return _Open(name, role, _FLOW if name == "div" else _INLINE, out)
    if role == _LIST:
        ordered = name == "ol"
        bullet = list_bullet(out.last_bullet, ordered=ordered)
        number = list_start(attributes.get("start")) if ordered else 1
        element = _Open(name, role, _ITEMS, out, marker=bullet)
        element.ordered = ordered
        element.number = number
        return element
    return _Open(name, role, _FLOW if role == _QUOTE else _INLINE, BlockList())


def _collected(element: _Open) -> list[str]:
    if element.items is None:
        element.items = []
    return element.items


def _end(element: _Open, parent: _Open) -> None:
    """Finish a code span or a block (spans are closed by the caller)."""
    role = element.role
    out = parent.blocks
    if role == _CODE:
        text = collapse_whitespace("".join(element.items or ()))
        if text:
            out.inline.literal(code_span(text))
    elif role == _PARAGRAPH:
        out.flush()
    elif role in (_HEADING, _QUOTE, _ITEM):
        inner = element.blocks
        inner.flush()
        if role == _HEADING:
            block = heading_block(inner.blocks, int(element.name[1]))
        else:
            block = join_blocks(inner.blocks)
        if block and role == _QUOTE:
            out.add(quote_block(block))
        elif block and role == _HEADING:
            out.add(block)
        elif block:
            marker = f"{parent.number}{parent.marker} " if parent.ordered else f"{parent.marker} "
            parent.number += 1
            _collected(parent).append(indent_after_marker(marker, block))
    elif role == _LIST and element.items:
        out.add("\n".join(element.items), bullet=element.marker)


def _attributes(source: str, *, void: bool) -> dict[str, str] | None:
    """The attributes of a start tag; None when unusual (or `/>` on a non-void tag)."""
    attributes: dict[str, str] = {}
    if not source:
        return attributes
    position = 0
    while True:
        match = _ATTRIBUTE.match(source, position)
        if match is None:
            break
        name, double_quoted, single_quoted = match.groups()
        value = double_quoted if double_quoted is not None else single_quoted or ""
        if "&" in value:
            decoded = _decode(value)
            if decoded is None:
                return None
            value = decoded
        if name in attributes:
            return None
        attributes[name] = value
        position = match.end()
    rest = source[position:].strip(_HTML_SPACE)
    if rest and (rest != "/" or not void):
        return None
    return attributes


def _decode(text: str) -> str | None:
    """`text` with its character references decoded; None for a kind not handled here."""
    pieces = text.split("&")
    decoded = [pieces[0]]
    for piece in pieces[1:]:
        if not piece or piece[0] in _HTML_SPACE:
            decoded.append("&" + piece)
            continue
        match = _REFERENCE.match(piece)
        if match is None:
            return None
        name, decimal, hexadecimal = match.groups()
        if name is not None:
            character = _NAMED[name]
        else:
            code = int(decimal) if decimal is not None else int(hexadecimal, 16)
            if not _plain_code_point(code):
                return None
            character = chr(code)
        decoded.append(character + piece[match.end() :])
    return "".join(decoded)


def _plain_code_point(code: int) -> bool:
    """Whether every HTML parser turns a reference to `code` into that very character."""
    if code in (9, 10) or 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800:
        return True
    if 0xE000 <= code <= 0x10FFFF:
        return not 0xFDD0 <= code <= 0xFDEF and code & 0xFFFE != 0xFFFE
    return False


def _readable(html: str) -> bool:
    """False when lxml would not see `html` as it is: a leading byte-order mark is
    dropped and lone surrogates are replaced on the way in."""
    if html.isascii():
        return True
    if html.startswith("\ufeff"):
        return False
    try:
        html.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
