"""Robustness on public corpora: CommonMark examples and html5lib tree-construction cases.

The corpora live outside the project (`../shared/corpus`); these tests skip
when it is absent.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsread.ingest.html import html_to_markdown, parse_html
from newsread.ingest.markdown import parse_markdown

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SPEC_EXAMPLES = CORPUS / "commonmark-spec" / "spec_examples.json"
TREE_CASES = CORPUS / "html5lib-tests" / "tree-construction"
PER_CASE_SECONDS = 2.0


def html5lib_fragments() -> list[str]:
    fragments: list[str] = []
    for path in sorted(TREE_CASES.glob("*.dat")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in text.split("\n#data\n"):
            body = block.removeprefix("#data\n")
            data, _, _ = body.partition("\n#errors")
            fragments.append(data)
    return fragments


@pytest.mark.skipif(not SPEC_EXAMPLES.exists(), reason="shared corpus not present")
def test_every_commonmark_example_parses_quickly() -> None:
    examples = json.loads(SPEC_EXAMPLES.read_text(encoding="utf-8"))
    assert len(examples) > 600
    for example in examples:
        started = time.perf_counter()
        article = parse_markdown(example["markdown"], fallback_title="example")
        assert article.title
        assert time.perf_counter() - started < PER_CASE_SECONDS


@pytest.mark.skipif(not SPEC_EXAMPLES.exists(), reason="shared corpus not present")
def test_every_commonmark_example_html_converts_quickly() -> None:
    examples = json.loads(SPEC_EXAMPLES.read_text(encoding="utf-8"))
    for example in examples:
        started = time.perf_counter()
        html_to_markdown(example["html"], base_url="https://example.com/")
        assert time.perf_counter() - started < PER_CASE_SECONDS


@pytest.mark.skipif(not TREE_CASES.exists(), reason="shared corpus not present")
def test_every_html5lib_case_converts_quickly() -> None:
    fragments = html5lib_fragments()
    assert len(fragments) > 1000
    for fragment in fragments:
        started = time.perf_counter()
        markdown = html_to_markdown(fragment, base_url="https://example.com/a/")
        article = parse_html(fragment.encode("utf-8", errors="replace"), fallback_title="case")
        assert "\x1b" not in markdown and "\x00" not in article.body
        assert time.perf_counter() - started < PER_CASE_SECONDS


def test_deep_nesting_is_bounded() -> None:
    html = "<div>" * 5000 + "<p>deep <b>text</b></p>" + "</div>" * 5000
    nested_lists = "<ul><li>" * 400 + "x" + "</li></ul>" * 400
    assert "deep" in html_to_markdown(html)
    assert "x" in html_to_markdown(nested_lists)
