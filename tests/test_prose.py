"""Markdown masking: plain prose takes a quick path that lists the same lines."""

from __future__ import annotations

import random

import pytest

from newsread.entities import prose
from newsread.entities.prose import mask_markdown
from newsread.seeds import seed_files

_PLAIN_PIECES = [
    *["Acme", "Jane Doe", "said", "(Reuters)", '"', "’", ",", ".", " ", "  ", "\t"],
    *["12", "1996-08-30", "١٢", "²", "é", "Ω", "ok", "\n", "\n", "\n\n", "x", "-", "#"],
]


def _the_line_by_line_way(monkeypatch: pytest.MonkeyPatch, text: str) -> prose.Prose:
    with monkeypatch.context() as patched:
        patched.setattr(prose, "_may_hold_block_syntax", lambda lines: True)
        return mask_markdown(text)


def test_plain_prose_is_masked_as_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    texts = [
        "".join(rng.choice(_PLAIN_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(2000)
    ]
    texts += [path.read_text() for path in seed_files()]
    for text in texts:
        assert mask_markdown(text) == _the_line_by_line_way(monkeypatch, text), text


def test_plain_prose_keeps_its_text_and_lists_every_line() -> None:
    text = "Acme rose.\n\nIt said so (Reuters) on Monday.\n"
    masked = mask_markdown(text)
    assert masked.text is text
    assert [text[line.start : line.end] for line in masked.lines] == text.split("\n")
    assert not any(line.heading for line in masked.lines)


def test_a_list_or_a_heading_still_takes_the_full_path() -> None:
    text = "Intro line\n1. Acme rose\n## Big News"
    masked = mask_markdown(text)
    assert masked.text == "Intro line\n   Acme rose\n   Big News"
    assert [line.heading for line in masked.lines] == [False, False, True]
