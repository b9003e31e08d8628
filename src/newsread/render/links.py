"""The web links inside an article body, for the reader's link list.

Parsed with the same Markdown dialect the renderer uses, so a link is listed
exactly when it is shown as one: inline and reference links and autolinks
(`<https://…>`). Only http and https links with a host are kept; everything
else (javascript:, file:, data:, relative paths) is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsread.render.blocks import Link
from newsread.textsafe import neutralize_controls, one_line

WEB_SCHEMES: Final = frozenset({"http", "https"})

_TEXT_TOKENS: Final = frozenset({"text", "code_inline", "html_inline"})
_BREAK_TOKENS: Final = frozenset({"softbreak", "hardbreak"})


def is_web_link(url: str) -> bool:
    """Whether `url` is an http(s) address with a host and nothing that could smuggle text."""
    if not url or url != url.strip() or any(char.isspace() for char in url):
        return False
    if neutralize_controls(url) != url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def article_links(body: str) -> list[Link]:
    """The body's web links in reading order, each URL once, with the text of its first use.

    Link texts are plain strings on one line (markup in them is just characters).
    """
    found: dict[str, Link] = {}
    for link in _links_in(_parser().parse(neutralize_controls(body))):
        if is_web_link(link.url) and link.url not in found:
            found[link.url] = link
    return list(found.values())


def _links_in(tokens: Iterable[Token]) -> Iterable[Link]:
    for token in tokens:
        if token.type == "inline":
            yield from _inline_links(token.children or [])


def _inline_links(tokens: Iterable[Token]) -> Iterable[Link]:
    # Links cannot nest in CommonMark, but an image's alt text can sit inside one.
    open_url: str | None = None
    words: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            open_url = str(token.attrs.get("href", ""))
            words = []
        elif token.type == "link_close":
            if open_url is not None:
                yield Link(text=one_line("".join(words)), url=open_url)
            open_url = None
        elif open_url is None:
            continue
        elif token.type in _TEXT_TOKENS:
            words.append(token.content)
        elif token.type in _BREAK_TOKENS:
            words.append(" ")
        elif token.type == "image":
            words.extend(child.content for child in token.children or [])
