"""The quick routes of HTML-to-Markdown give exactly what the general routes give.

Differential tests: the quick reader of simple fragments against lxml plus the
tree writer, the one-pass inline renderer against the two-pass one, the quick
link resolver against `urllib`, and the quick control-character check against
`strip_controls`, each on many generated inputs.
"""

from __future__ import annotations

import random

import pytest

from newsread.ingest.html import _without_controls, html_to_markdown, html_to_text
from newsread.ingest.html_blocks import (
    MarkdownWriter,
    _resolved_link,
    parse_html_tree,
    plain_http_link,
)
from newsread.ingest.html_fragment import simple_fragment_markdown
from newsread.ingest.html_inline import (
    InlineBuffer,
    _placed_spaces,
    _render,
    _render_in_one_pass,
    collapse_whitespace,
)
from newsread.textsafe import strip_controls

WORDS = [
    "alpha", "Beta", "x", "1.", "2)", "#", "##", ">", "-", "+", "*", "**", "_", "__", "~~", "!",
    "[", "]", "(", ")", "\\", "`", "a*b", "a_b", "_a_", "*a*", "foo!", "—", "“q”", "…", "\xa0",
    "é", "=", "---", "@h_", ":", ",", ".", "'", '"', "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;",
    "&#8217;", "&#x2019;", "&#39;", "& ", "a & b", "&#9;", "&#10;", "\u3000", "😀", "\u200b",
    "\t", "\n", "  ", " ", "§", "$5",
]  # fmt: skip
HREFS = [
    "/x", "x", "http://a.b/c", "https://a.b/c?d=1&amp;e=2", "#frag", "javascript:alert(1)",
    "mailto:x@y.z", " /sp ace ", "//proto.rel/x", "../up", "HTTP://UP/", "http://[::1]/",
    "http://exa mple/", "", "/a/./b/../c", "/people/12", "/p?", "/p#", "/a;b", "http://a.b",
    "https://x.y/(paren)", "ftp://x.y/", "/ünï", "https://ex.com:8080/p", "http:x", "/a//b",
    "https://u:p@h.com/", "/a&amp;b", "https://Exa.MPLE/Q", "%2e%2e/x", "/%41", "/a:b",
]  # fmt: skip
BASES = [
    "", "https://news.example/1", "https://news.example/a/b/", "http://h.com", "HTTPS://H.COM/x",
    "https://ex.com:8080/dir/page?q=1#f", "mailto:a@b.c", "https://u:p@h.com/a", "http://[::1]/",
    "ftp://f.com/", "https://h.com\n/x",
]  # fmt: skip
INLINE = ["a", "em", "i", "strong", "b", "cite", "span", "code", "u", "small", "q", "s", "kbd"]


def _text(rng: random.Random) -> str:
    return "".join(
        rng.choice(WORDS) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 4))
    )


def _attributes(rng: random.Random, tag: str) -> str:
    chosen = []
    if tag == "a" and rng.random() < 0.95:
        chosen.append(f' href="{rng.choice(HREFS)}"')
    if tag == "ol" and rng.random() < 0.3:
        chosen.append(f' start="{rng.choice(["3", "0", "-2", "x"])}"')
    roll = rng.random()
    if roll < 0.03:
        chosen.append(' style="display: none"')
    elif roll < 0.05:
        chosen.append(" hidden")
    elif roll < 0.1:
        chosen.append(' class="x"  id="y" ')
    if tag == "img":
        chosen.append(' src="/i.png" alt="pic"')
    slash = rng.choice(["", " /", "/"]) if tag in ("br", "img", "hr") else ""
    return "".join(chosen) + slash


def _inline(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return _text(rng)
    if roll < 0.5:
        tag = rng.choice(["br", "img"])
        return f"<{tag}{_attributes(rng, tag)}>"
    tag = rng.choice(INLINE)
    inner = "".join(_inline(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    return f"<{tag}{_attributes(rng, tag)}>{inner}</{tag}>"


def _block(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    after = rng.choice(["", "\n", " "])
    if roll < 0.5 or depth > 1:
        tag = rng.choice(["p", "p", "h2"])
        inner = "".join(_inline(rng, 0) for _ in range(rng.randint(0, 4)))
        return f"<{tag}{_attributes(rng, tag)}>{inner}</{tag}>{after}"
    if roll < 0.75:
        tag = rng.choice(["ul", "ol"])
        items = "".join(
            rng.choice(["", " ", "\n"])
            + "<li>"
            + "".join(_inline(rng, 1) for _ in range(rng.randint(0, 3)))
            + "</li>"
            for _ in range(rng.randint(0, 3))
        )
        return f"<{tag}{_attributes(rng, tag)}>{items}</{tag}>{after}"
    if roll < 0.8:
        return "<hr>" + after
    if roll < 0.9:
        tag = rng.choice(["div", "blockquote"])
        inner = "".join(_block(rng, depth + 1) for _ in range(rng.randint(0, 3)))
        return f"<{tag}>{inner}</{tag}>{after}"
    return _inline(rng, 0)


def _fragments(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    fragments = []
    for _ in range(count):
        html = "".join(_block(rng, 0) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.1:
            # A small corruption, mostly pushing the fragment off the quick route.
            cut = rng.randint(0, len(html))
            html = (
                html[:cut] + rng.choice(["<", "</p>", "<!-- c -->", "&bogus;", "<P>"]) + html[cut:]
            )
        fragments.append((html, rng.choice(BASES)))
    return fragments


def _general_route(html: str, base_url: str) -> str:
    root = parse_html_tree(strip_controls(html))
    if root is None:
        return ""
    return strip_controls(MarkdownWriter(base_url=base_url).convert(root))


@pytest.mark.parametrize("seed", range(4))
def test_the_quick_route_writes_what_the_general_route_writes(seed: int) -> None:
    quick = 0
    for html, base_url in _fragments(600, seed):
        markdown = simple_fragment_markdown(strip_controls(html), base_url=base_url)
        if markdown is not None:
            quick += 1
            assert markdown == _general_route(html, base_url), html
        assert html_to_markdown(html, base_url=base_url) == _general_route(html, base_url), html
    # The generator aims at the quick route's subset: many fragments must take it.
    assert quick > 250


def test_a_typical_feed_entry_takes_the_quick_route() -> None:
    html = (
        '<p>Words, said <a href="/people/1">a spokesperson</a>, <em>again</em>.</p>\n'
        "<ul><li>one</li><li>two <b>bold</b></li></ul>"
    )
    markdown = simple_fragment_markdown(html, base_url="https://news.example/1")
    assert markdown == (
        "Words, said [a spokesperson](https://news.example/people/1), *again*.\n\n"
        "- one\n- two **bold**"
    )


@pytest.mark.parametrize(
    "html",
    [
        "<p>unclosed",
        "<p>a<p>b</p>",
        "<b><p>block in inline</p></b>",
        "<p>x <!-- comment --> y</p>",
        "<p>AT&T</p>",
        "<p><a href=unquoted>x</a></p>",
        '<p><a href="/a"><a href="/b">nested</a></a></p>',
        "<p>a<img src='x'> <b>b</b></p>",
        "<table><tr><td>cell</td></tr></table>",
    ],
)
def test_unusual_html_is_left_to_the_general_route(html: str) -> None:
    assert simple_fragment_markdown(html) is None
    assert html_to_markdown(html) == _general_route(html, "")


def _token_streams(count: int, seed: int) -> list[InlineBuffer]:
    rng = random.Random(seed)
    buffers = []
    for _ in range(count):
        buffer = InlineBuffer()
        open_spans: list[tuple[int, str]] = []
        for _ in range(rng.randint(1, 12)):
            roll = rng.random()
            if roll < 0.45:
                buffer.text(rng.choice(WORDS) + rng.choice(["", " "]))
            elif roll < 0.5:
                buffer.text(rng.choice([" ", "\xa0", "  "]))
            elif roll < 0.55:
                buffer.line_break()
            elif roll < 0.6:
                buffer.literal(rng.choice(["`a`", "`` ` ``"]))
            elif roll < 0.8 or not open_spans:
                marker = rng.choice(["*", "**", "["])
                open_spans.append((buffer.open(marker), marker))
            else:
                pair, marker = open_spans.pop()
                buffer.close(pair, "](https://x.example/)" if marker == "[" else marker)
        while open_spans and rng.random() < 0.8:
            pair, marker = open_spans.pop()
            buffer.close(pair, "](https://x.example/)" if marker == "[" else marker)
        buffers.append(buffer)
    return buffers


def test_the_one_pass_renderer_matches_the_two_pass_one() -> None:
    one_pass = 0
    for buffer in _token_streams(3000, 11):
        tokens = list(buffer._tokens)
        pieces = _render_in_one_pass(tokens)
        if pieces is not None:
            one_pass += 1
            assert pieces == _render(_placed_spaces(tokens)), tokens
    assert one_pass > 1200


def test_quick_links_resolve_as_urllib_does() -> None:
    hosts = ["news.example", "h.com:8080", "u:p@h.com", "[::1]", "exa mple", "ünï.example", ""]
    paths = ["", "/", "/a", "/a/b-c", "/a b", "/a;b", "/a?q", "/a#f", "/a/../b", "/.x", "/~u/%41"]
    hrefs = [*HREFS, *(f"{s}://{h}{p}" for s in ("http", "https") for h in hosts for p in paths)]
    hrefs += paths
    resolved = 0
    for href in hrefs:
        for base_url in [*BASES, *(f"https://{h}/b/c" for h in hosts)]:
            href = href.strip()
            if not href or href.startswith("#"):
                continue
            quick = plain_http_link(href, base_url)
            if quick is not None:
                resolved += 1
                assert quick == _resolved_link(href, base_url), (href, base_url)
    assert resolved > 100


def test_the_quick_control_check_agrees_with_strip_controls() -> None:
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(
            chr(rng.choice([rng.randrange(0, 0x200), rng.randrange(0, 0x110000)]))
            for _ in range(rng.randrange(0, 6))
        )
        assert _without_controls(text) == strip_controls(text), repr(text)


def test_plain_text_summaries_read_as_the_parser_reads_them() -> None:
    rng = random.Random(9)
    for _ in range(500):
        text = "".join(rng.choice([*WORDS, "\x1b", "\r\n", "\ufeff"]) for _ in range(6))
        text = text.replace("<", "").replace("&", "")
        root = parse_html_tree(strip_controls(text))
        parsed = "" if root is None else "".join(root.itertext())
        assert html_to_text(text) == collapse_whitespace(strip_controls(parsed)), repr(text)
