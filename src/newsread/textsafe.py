"""Keep terminal control out of article text.

Text from articles and feeds is written by strangers. Control characters in it
(ESC starting a CSI/OSC sequence, C1 controls, NUL, DEL) must never reach the
terminal, so ingest removes them and rendering replaces any that remain.
"""

from __future__ import annotations

import re
from typing import Final

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls except tab and newline, DEL, and the C1 block (includes CSI, OSC, ST)."""

REPLACEMENT: Final = "\ufffd"


def strip_controls(text: str) -> str:
    """Remove control characters, keeping tabs and newlines; CR LF and lone CR become LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def neutralize_controls(text: str) -> str:
    """Replace each control character with U+FFFD, keeping every offset unchanged."""
    return _CONTROL.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """Collapse text to a single printable line (for titles, list rows and messages)."""
    return " ".join(strip_controls(text).split())
