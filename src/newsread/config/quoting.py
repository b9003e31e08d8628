"""Write keys and strings the way TOML spells them, for messages and for generated files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

KeyPath = tuple[str | int, ...]
"""Where a value sits in the file: table and key names, with array indices as ints."""

_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"


def _escape(character: str) -> str:
    known = _ESCAPES.get(character)
    if known is not None:
        return known
    code = ord(character)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\u{code:04X}"
    return character


def quote_string(text: str) -> str:
    """`text` as a TOML basic string: double quotes, escapes for quotes and control characters."""
    return '"' + "".join(_escape(character) for character in text) + '"'


def format_key_part(part: str) -> str:
    """One key as written in TOML: bare when it can be, quoted otherwise."""
    return part if _BARE_KEY.fullmatch(part) else quote_string(part)


def format_key(path: Sequence[str | int]) -> str:
    """A dotted key for messages: `reader.sort`, `sources."https://x/feed".tags`, `ignore[0]`."""
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f"[{part}]"
        else:
            shown += ("." if shown else "") + format_key_part(part)
    return shown
