"""Files built to break the reader: empty, binary, huge, mis-encoded, pathological markup.

Every case is read the way `newsread add FILE` reads it, then rendered, in a
child process with a time limit: a hang fails the test instead of hanging
it. Each case must give articles or a one-line `SourceError`, never anything else.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from newsread.ingest.fields import BODY_MAX_CHARS, TITLE_MAX_CHARS, TRUNCATION_NOTE

TIME_LIMIT_SECONDS = 600
"""For every case together, generous: a hang takes forever, a busy machine a few minutes."""

SAMPLE = (
    "Council approves budget\n\nThe council voted on Monday, said the mayor’s office. Café naïve.\n"
)


def _cases() -> dict[str, bytes]:
    text = SAMPLE
    cases = {
        "empty.txt": b"",
        "blank.md": b"\n \n\t\n",
        "binary.txt": bytes(range(256)) * 64,
        "png-named.md": b"\x89PNG\r\n\x1a\n" + bytes(2000),
        "nul-laden.txt": text.replace(" ", "\x00 ").encode(),
        "escapes.txt": ("Title \x1b]52;c;eA==\x07 here\n\n" + "\x1b[2J" * 10 + text).encode(),
        "huge-title.md": b"# " + b"t" * 5_000_000 + b"\n\nBody.\n",
        "huge-front-matter.md": b"---\ntitle: " + b"T" * 5_000_000 + b"\n---\nBody.\n",
        "long-body.md": b"# Long\n\n" + (b"A paragraph of some words. " * 40 + b"\n\n") * 2600,
        "one-line-body.txt": b"Headline here\n\n" + b"word " * 700_000,
        "deep-quotes.md": b"# Quotes\n\n" + b">" * 100_000 + b" deep\n",
        "stars.md": b"# Stars\n\n" + b"*" * 100_000 + b"\n\n" + b"*a " * 30_000,
        "brackets.md": b"# Brackets\n\n" + b"[" * 50_000 + b"x" + b"](" * 20_000,
        "nested-lists.md": b"# Lists\n\n"
        + b"".join(b"  " * depth + b"- item\n" for depth in range(3000)),
        "backticks.md": b"# Ticks\n\n" + b"`" * 60_000 + b"\n\n```\nunclosed fence\n",
        "table.md": b"# Table\n\n"
        + b"|"
        + b"h|" * 500
        + b"\n|"
        + b"-|" * 500
        + b"\n"
        + (b"|" + b"cell|" * 200 + b"\n") * 100,
        "emphasis-soup.md": b"# Soup\n\n" + b"_*" * 50_000 + b"x" + b"*_" * 50_000,
        "entities.md": b"# Entities\n\n" + b"&#x1b;&#0;&#xD800;&amp;" * 10_000,
        "deep.html": b"<html><body>" + b"<div>" * 100_000 + b"<p>deep text here</p>",
        "unclosed.html": b"<html><head><title>Unclosed</title><body>"
        + b"<p><b><i><a href='x'>" * 20_000,
        "table-soup.html": b"<table>" + b"<tr><td><table>" * 5_000 + b"x",
        "comment-soup.html": b"<html><body><!--" + b"-- >" * 50_000 + b"<p>after</p>",
        "script-only.html": b"<html><script>" + b"x" * 1_000_000 + b"</script></html>",
        "mislabelled-utf8-as-latin1.html": "<html><head><meta charset='iso-8859-1'>"
        "<title>Café</title></head><body><p>Naïve café – “quoted” text.</p></body></html>".encode(),
        "mislabelled-latin1-as-utf8.html": "<html><head><meta charset='utf-8'>"
        "<title>Café</title></head><body><p>Naïve café text for the test.</p></body></html>".encode(
            "latin-1"
        ),
        "bogus-charset.html": b"<html><head><meta charset='x-no-such'><title>T</title></head>"
        b"<body><p>\xff\xfe\xfd bytes</p></body></html>",
        "utf16-claims-utf8.html": "<html><head><meta charset='utf-8'><title>T</title></head>"
        "<body><p>Wide text.</p></body></html>".encode("utf-16-le"),
        "front-matter-charset.md": "---\ntitle: Ünïcödé\n---\nBödy.\n".encode("cp1252"),
    }
    encodings = (
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "cp1252",
        "latin-1",
        "iso-8859-15",
        "mac-roman",
        "cp437",
        "koi8-r",
        "shift_jis",
        "euc-jp",
        "gb18030",
        "big5",
    )
    for encoding in encodings:
        cases[f"encoded-{encoding}.txt"] = text.encode(encoding, errors="replace")
        cases[f"encoded-{encoding}.md"] = ("# " + text).encode(encoding, errors="replace")
    return cases


CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from newsread.errors import SourceError
    from newsread.model import Article
    from newsread.render import article_renderable, render_article
    from newsread.sources.reading import file_content
    from rich.console import Console
    import io

    for path in sorted(Path(sys.argv[1]).iterdir()):
        try:
            content = file_content(path)
        except SourceError as error:
            print(json.dumps({"name": path.name, "error": str(error)}), flush=True)
            continue
        rows = []
        for parsed in content.articles:
            article = Article("x", parsed.title, parsed.body, content.title, parsed.section,
                              parsed.deck, parsed.url, parsed.author, parsed.published)
            console = Console(file=io.StringIO(), width=80, color_system=None)
            console.print(article_renderable(render_article(article, [])))
            rows.append({"title": parsed.title, "body_length": len(parsed.body),
                         "body_end": parsed.body[-200:], "body_start": parsed.body[:200]})
        print(json.dumps({"name": path.name, "articles": rows}), flush=True)
    """
)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    folder = tmp_path_factory.mktemp("hostile-files")
    for name, data in _cases().items():
        (folder / name).write_bytes(data)
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_SECONDS,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    results = [json.loads(line) for line in finished.stdout.splitlines()]
    return {result["name"]: result for result in results}


def test_every_file_gives_articles_or_a_one_line_error(
    outcomes: dict[str, dict[str, object]],
) -> None:
    assert set(outcomes) == set(_cases())
    for name, outcome in outcomes.items():
        if "error" in outcome:
            message = str(outcome["error"])
            assert "\n" not in message and name in message, (name, message)
        else:
            articles = outcome["articles"]
            assert isinstance(articles, list)
            for article in articles:
                assert article["title"] and len(article["title"]) <= TITLE_MAX_CHARS, name
                assert article["body_length"] <= BODY_MAX_CHARS, name
                for text in (article["title"], article["body_start"], article["body_end"]):
                    assert not any(ord(c) < 32 and c not in "\n\t" for c in text), name
                    assert not any(0x7F <= ord(c) <= 0x9F for c in text), name


def _only(outcomes: dict[str, dict[str, object]], name: str) -> dict[str, object]:
    articles = outcomes[name]["articles"]
    assert isinstance(articles, list) and len(articles) == 1, outcomes[name]
    article = articles[0]
    assert isinstance(article, dict)
    return article


def test_binary_files_are_refused_and_text_with_stray_controls_is_read(
    outcomes: dict[str, dict[str, object]],
) -> None:
    assert "error" in outcomes["binary.txt"]
    assert "error" in outcomes["png-named.md"]
    assert "error" not in outcomes["escapes.txt"]
    assert outcomes["empty.txt"] == {"name": "empty.txt", "articles": []}


def test_huge_fields_are_cut_with_the_cut_marked(outcomes: dict[str, dict[str, object]]) -> None:
    for name in ("huge-title.md", "huge-front-matter.md"):
        title = _only(outcomes, name)["title"]
        assert isinstance(title, str)
        assert len(title) == TITLE_MAX_CHARS and title.endswith("…")
    for name in ("long-body.md", "one-line-body.txt"):
        body = _only(outcomes, name)
        assert str(body["body_end"]).endswith(TRUNCATION_NOTE), name


def test_every_encoding_reads_back_the_accents(outcomes: dict[str, dict[str, object]]) -> None:
    lossless = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252")
    for encoding in lossless:
        for suffix in (".txt", ".md"):
            article = _only(outcomes, f"encoded-{encoding}{suffix}")
            assert article["title"] == "Council approves budget", encoding
            assert "mayor’s office. Café naïve." in str(article["body_start"]), encoding
    assert _only(outcomes, "mislabelled-latin1-as-utf8.html")["title"] == "Café"
    assert _only(outcomes, "front-matter-charset.md")["title"] == "Ünïcödé"


def test_html_that_lies_about_its_charset_still_reads(
    outcomes: dict[str, dict[str, object]],
) -> None:
    article = _only(outcomes, "mislabelled-utf8-as-latin1.html")
    assert article["title"]
    assert "deep text here" in str(_only(outcomes, "deep.html")["body_start"])
