"""HTML to Markdown, and whole pages: furniture, lists, links, encodings, metadata."""

from __future__ import annotations

import codecs

import pytest
from markdown_it import MarkdownIt

from newsread.ingest.html import html_to_markdown, html_to_text, parse_html

_RENDERER = MarkdownIt("commonmark")


def visible_text(markdown: str) -> str:
    """What a reader sees: the rendered Markdown's text, whitespace collapsed."""
    pieces: list[str] = []
    for token in _RENDERER.parse(markdown):
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    pieces.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    pieces.append(" ")
                elif child.type in ("image", "html_inline"):
                    pieces.append(f"<{child.type}>")
            pieces.append(" ")
        elif token.type in ("code_block", "fence"):
            pieces.append(token.content + " ")
    return " ".join("".join(pieces).split())


def rendered_html(markdown: str) -> str:
    return _RENDERER.render(markdown)


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Plain words.</p>", "Plain words."),
        (
            "<p>Stars *like this* and _under_ and `ticks` and [brackets]</p>",
            "Stars *like this* and _under_ and `ticks` and [brackets]",
        ),
        ("<p>AT&amp;T &amp;amp; &lt;b&gt;not bold&lt;/b&gt;</p>", "AT&T &amp; <b>not bold</b>"),
        (
            "<p># not a heading</p><p>1. not a list</p><p>- no bullet</p><p>&gt; no quote</p>",
            "# not a heading 1. not a list - no bullet > no quote",
        ),
        ("<p>line one<br>===</p>", "line one ==="),
        ("<p>Wow!<a href='https://x.example/'>link</a></p>", "Wow!link"),
        ('<p>foo<b>"bar"</b>baz</p>', 'foo"bar"baz'),
        ("<p><b>5 *</b> and <i>*x</i></p>", "5 * and *x"),
        ("<p><a href='https://x.example/'>a]b[c</a></p>", "a]b[c"),
        ("<p>back\\slash\\</p>", "back\\slash\\"),
        ("<p>  lots   of \n\n spaces </p>", "lots of spaces"),
    ],
)
def test_markdown_reads_back_to_the_same_visible_text(html: str, text: str) -> None:
    markdown = html_to_markdown(html)
    assert visible_text(markdown) == text
    assert "<img" not in rendered_html(markdown)


def test_structure_headings_paragraphs_emphasis_quotes_code_rules() -> None:
    markdown = html_to_markdown(
        "<h1>Title</h1><p>Some <strong>bold</strong> and <em>slanted</em> text.</p>"
        "<blockquote><p>Quoted</p><p>twice</p></blockquote>"
        "<pre>def f():\n    return 1</pre><hr><h3>Sub</h3><p>a<br>b</p>"
    )
    assert markdown == (
        "# Title\n\nSome **bold** and *slanted* text.\n\n> Quoted\n>\n> twice\n\n"
        "```\ndef f():\n    return 1\n```\n\n---\n\n### Sub\n\na\\\nb"
    )
    html = rendered_html(markdown)
    assert "<strong>bold</strong>" in html and "<em>slanted</em>" in html
    assert "<br />" in html


def test_nested_lists_keep_their_nesting_and_numbering() -> None:
    markdown = html_to_markdown(
        "<ul><li>one<ul><li>one-a</li><li>one-b<ol><li>deep</li></ol></li></ul></li><li>two</li></ul>"
        "<ol start='4'><li>four</li><li>five</li></ol>"
    )
    assert markdown == ("- one\n  - one-a\n  - one-b\n    1. deep\n- two\n\n4. four\n5. five")
    html = rendered_html(markdown)
    assert html.count("<ul>") == 2 and html.count("<ol") == 2


def test_adjacent_lists_stay_separate() -> None:
    markdown = html_to_markdown("<ul><li>a</li></ul><ul><li>b</li></ul>")
    assert rendered_html(markdown).count("<ul>") == 2


def test_links_resolve_relative_and_drop_unsafe_schemes() -> None:
    markdown = html_to_markdown(
        "<p><a href='/about'>About</a> <a href='next.html'>Next</a> "
        "<a href='javascript:alert(1)'>Evil</a> <a href='data:text/html,x'>Data</a> "
        "<a href='mailto:desk@news.example'>Mail</a> <a href='#top'>Top</a> "
        "<a href='https://x.example/a b(c)'>Odd</a></p>",
        base_url="https://news.example/section/page.html",
    )
    assert "[About](https://news.example/about)" in markdown
    assert "[Next](https://news.example/section/next.html)" in markdown
    assert "[Mail](mailto:desk@news.example)" in markdown
    assert "javascript" not in markdown and "data:" not in markdown
    assert "Evil" in markdown and "Data" in markdown and "Top" in markdown
    html = rendered_html(markdown)
    assert 'href="https://x.example/a%20b%28c%29"' in html
    assert visible_text(markdown) == "About Next Evil Data Mail Top Odd"


def test_relative_links_without_a_base_become_plain_text() -> None:
    assert html_to_markdown("<p><a href='/x'>Only text</a></p>") == "Only text"


def test_furniture_and_active_content_are_dropped() -> None:
    markdown = html_to_markdown(
        "<header>Site name</header><nav><a href='/'>Home</a></nav>"
        "<script>alert('x')</script><style>p { color: red }</style>"
        "<p>The story.</p><iframe src='https://ads.example/'>ad</iframe>"
        "<form><input value='q'><button>Go</button></form>"
        "<aside>Related</aside><div hidden>secret</div><footer>© site</footer>"
    )
    assert markdown == "The story."


def test_entities_are_decoded_and_controls_removed() -> None:
    markdown = html_to_markdown(
        "<p>caf&eacute; &#8212; &#x263A; \x1b[31mred\x07 &#27;[0m&#155;</p>"
    )
    # HTML maps the C1 range of character references to Windows-1252 characters.
    assert visible_text(markdown) == "café — ☺ [31mred [0m›"
    assert "\x1b" not in markdown and "\x9b" not in markdown


def test_empty_and_whitespace_input_give_empty_markdown() -> None:
    assert html_to_markdown("") == ""
    assert html_to_markdown("   \n ") == ""
    assert html_to_markdown("<!-- only a comment -->") == ""


def test_html_to_text_is_one_plain_line() -> None:
    assert html_to_text("A <b>bold</b>\n<i>move</i><script>x()</script>") == "A bold move"


PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Markets rally | The Example Times</title>
<meta property="og:title" content="Markets rally on rate hopes">
<meta name="author" content="By Jo Reporter">
<meta property="article:published_time" content="2024-03-04T08:15:00-05:00">
<link rel="canonical" href="/business/markets-rally">
</head><body>
<header><a href="/">The Example Times</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<div class="layout">
 <div class="share-bar"><a href="https://social.example/share">Share this</a></div>
 <div class="story">
  <h1>Markets rally on rate hopes</h1>
  <p>Stocks rose sharply on Monday, with the index up 2%, as traders bet that rates would fall.</p>
  <p>Analysts said the move, the biggest in months, reflected a change in mood
  after weeks of doubt.</p>
  <p>Read the <a href="/business/rates-explained">explainer</a>, which covers the basics.</p>
  <div class="related-links"><p><a href="/a">Another story with a long headline here</a></p></div>
 </div>
 <div class="sidebar"><p>Most read: a list of links that is not the story at all</p></div>
</div>
<footer><p>Copyright, all rights reserved, The Example Times, 2024.</p></footer>
<script>track()</script>
</body></html>"""


def test_page_main_content_metadata_and_furniture() -> None:
    article = parse_html(
        PAGE.encode(), fallback_title="page", base_url="https://times.example/business/x"
    )
    assert article.title == "Markets rally on rate hopes"
    assert article.url == "https://times.example/business/markets-rally"
    assert article.key == article.url
    assert article.author == "Jo Reporter"
    assert article.published == "2024-03-04T13:15:00Z"
    assert article.body.startswith("Stocks rose sharply")
    assert "[explainer](https://times.example/business/rates-explained)" in article.body
    for furniture in ("Share this", "World", "Most read", "Copyright", "track", "Another story"):
        assert furniture not in article.body
    assert "# Markets rally" not in article.body


def test_article_element_wins_and_time_element_gives_the_date() -> None:
    page = (
        "<html><body><div>"
        "<p>Short teaser, with a comma, that is long enough to count here.</p></div>"
        "<article><h1>Real headline</h1><time datetime='2024-01-02'>2 Jan</time>"
        + "<p>Body paragraph with enough words to be the article, clearly, yes.</p>" * 4
        + "</article></body></html>"
    )
    article = parse_html(page.encode(), fallback_title="fallback")
    assert article.title == "Real headline"
    assert article.published == "2024-01-02T00:00:00Z"
    assert "Short teaser" not in article.body
    assert article.body.count("Body paragraph") == 4


def test_title_falls_back_from_title_element_to_the_file_name() -> None:
    titled = parse_html(
        b"<html><head><title>Only title</title></head><body>x</body></html>", fallback_title="f"
    )
    untitled = parse_html(b"<p>no title anywhere</p>", fallback_title="saved-page")
    assert titled.title == "Only title"
    assert untitled.title == "saved-page"
    assert untitled.body == "no title anywhere"


SMART = "“Café” – naïve €5"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (codecs.BOM_UTF8 + f"<p>{SMART}</p>".encode(), ""),
        (f"<meta charset='windows-1252'><p>{SMART}</p>".encode("cp1252"), ""),
        (
            "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
            f"<p>{SMART}</p>".encode("cp1252"),
            "",
        ),
        (f"<p>{SMART}</p>".encode("cp1252"), "text/html; charset=latin-1"),
        (f"<p>{SMART}</p>".encode("cp1252"), ""),
        (f"<p>{SMART}</p>".encode(), ""),
        (f"<meta charset='iso-8859-1'><p>{SMART}</p>".encode("cp1252"), "text/html; charset=utf-8"),
        (f"<p>{SMART}</p>".encode("utf-16"), ""),
        (f"<html><p>{SMART}</p></html>".encode("utf-16-le"), "text/html; charset=utf-16le"),
        (f"<meta charset='no-such-charset'><p>{SMART}</p>".encode(), ""),
    ],
    ids=[
        "utf8-bom",
        "meta-cp1252",
        "meta-http-equiv-latin1",
        "header-latin1",
        "undeclared-cp1252",
        "undeclared-utf8",
        "header-wrong-utf8",
        "utf16-bom",
        "utf16le-header",
        "unknown-label",
    ],
)
def test_encodings_are_found_and_never_fail(data: bytes, content_type: str) -> None:
    article = parse_html(data, fallback_title="x", content_type=content_type)
    assert article.body == SMART


def test_header_charset_beats_meta() -> None:
    data = "<meta charset='windows-1252'><p>Grüße</p>".encode()
    assert (
        parse_html(data, fallback_title="x", content_type="text/html; charset=utf-8").body
        == "Grüße"
    )


def test_latin1_page_with_undefined_cp1252_bytes_does_not_fail() -> None:
    article = parse_html(b"<p>bad \x81\x8d byte \xe9</p>", fallback_title="x")
    assert article.body.startswith("bad") and article.body.endswith("byte é")
