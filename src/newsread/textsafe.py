"""Keep terminal control out of article text.

Text from articles and feeds is written by strangers. Control characters in it
(ESC starting a CSI/OSC sequence, C1 controls, NUL, DEL) must never reach the
terminal, so ingest removes them and rendering replaces any that remain. Lone
surrogates (which no encoder accepts) count as controls too, and one-line
fields also lose the bidi overrides and isolates that would let a title
reorder the text drawn after it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

_CONTROL: Final = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
"""C0 controls except tab and newline, DEL, the C1 block (includes CSI, OSC, ST), and
lone surrogates (they cannot be written to the database, the terminal or a pipe)."""

_SURROGATE: Final = r"[\ud800-\udfff]"

_BIDI_CONTROL: Final = r"[\u202a-\u202e\u2066-\u2069]"
"""Bidi embeddings, overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI)."""

_ASCII_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])

REPLACEMENT: Final = "\ufffd"


@cache
def _compiled(character_class: str) -> re.Pattern[str]:
    # Compiled on first use: these classes take milliseconds to compile, and most
    # runs (the reader's first frame among them) never meet a control character.
    return re.compile(character_class)


def has_controls(text: str) -> bool:
    """True when `text` holds a character `strip_controls` would remove or change.

    Most text has none, and a regular-expression scan of a long body costs
    several times more than these whole-string checks, so they come first.
    """
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _ASCII_CONTROL_BYTES)) != len(data)
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return False
    return _compiled(_CONTROL).search(text) is not None


def strip_controls(text: str) -> str:
    """Remove control characters, keeping tabs and newlines; CR LF and lone CR become LF."""
    if not has_controls(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _compiled(_CONTROL).sub("", text)


def neutralize_controls(text: str) -> str:
    """Replace each control character with U+FFFD, keeping every offset unchanged."""
    if not has_controls(text):
        return text
    return _compiled(_CONTROL).sub(REPLACEMENT, text)


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, so it can always be encoded."""
    return _compiled(_SURROGATE).sub(REPLACEMENT, text)


def strip_bidi_controls(text: str) -> str:
    """Remove bidi embeddings, overrides and isolates (plain RTL letters are kept)."""
    return _compiled(_BIDI_CONTROL).sub("", text)


def one_line(text: str) -> str:
    """Collapse text to a single printable line (for titles, list rows and messages)."""
    if text.isprintable():
        # No control, bidi, tab, newline or whitespace but the plain space: the
        # common case, and the same answer as below without three passes.
        return text if "  " not in text and text.strip(" ") == text else " ".join(text.split())
    return " ".join(strip_bidi_controls(strip_controls(text)).split())
