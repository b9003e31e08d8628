"""Nasty strings for the hostile-input tests, generated here rather than read from a list.

`nasty_strings()` gives every piece on its own, then seeded random mixtures
of pieces and ordinary words, so one run covers markup that Rich and Textual
would interpret, terminal escape sequences of every family, raw control
bytes, Unicode that is hard to measure or draw, and text no encoder accepts.
"""

from __future__ import annotations

import random
from typing import Final

MARKUP: Final = (
    "[bold]x[/bold]",
    "[/]",
    "[/",
    "a [/ b",
    "[@click=app.quit]quit[/]",
    "[@click=screen.dismiss]close[/]",
    "[link=file:///etc/passwd]passwords[/link]",
    "[link='https://evil.example/']link[/link]",
    "[red on blue]colour",
    "[b]unclosed",
    "\\[escaped]",
    "[on #ff0000]",
    "$accent $text",
    "{braces} {0} %s %(name)s",
    "]]][[[",
    "**bold** _em_ `code` <b>html</b>",
)

ESCAPES: Final = (
    "\x1b[31mred\x1b[0m",
    "\x1b[2J\x1b[H",
    "\x1b[6n",
    "\x1b[?1049h",
    "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]0;window title\x07",
    "\x1bP+q544e\x1b\\",
    "\x1b_APC payload\x1b\\",
    "\x1b^privacy message\x1b\\",
    "\x1bc",
    "\x9b31mC1 CSI",
    "\x9d8;;https://evil.example/\x9cC1 OSC",
    "\x90C1 DCS\x9c",
    "".join(chr(code) for code in range(0x80, 0xA0)),
    "".join(chr(code) for code in range(0x00, 0x20)),
    "\x1b",
    "\x07bell",
    "nul\x00nul",
    "del\x7fdel",
    "back\x08\x08\x08space",
)

LINE_TRICKS: Final = (
    "safe text\rEVIL OVERWRITE",
    "windows\r\nline",
    "vertical\x0btab\x0cfeed",
    "line\u2028separator\u2029paragraph\x85next",
    "tab\tseparated\tcolumns",
    "\n\n\nleading and trailing newlines\n\n",
    "   ",
    "",
)

UNICODE: Final = (
    "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom",
    "e" + "\u0301" * 200,
    "Z\u0336\u0337\u0338" * 30,
    "\u202eexe.txt\u202c",
    "\u202dforce ltr\u202c \u202bembed rtl\u202c",
    "\u2066isolate\u2069 \u2067rtl\u2069 \u2068first strong\u2069",
    "\u200fRLM \u200eLRM \u061cALM",
    "שלום עולם مرحبا بالعالم",
    "中文全角字符テスト한국어",
    "👩\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 👍🏽",
    "\U0001f600" * 40,
    "lone \ud800 high surrogate",
    "lone \udfff low surrogate",
    "reversed \udc00\ud800 pair",
    "\U0010ffff\ufffe\uffff noncharacters",
    "\ufdd0\ufdef more",
    "W" * 3000,
)

PIECES: Final = (*MARKUP, *ESCAPES, *LINE_TRICKS, *UNICODE)

_WORDS: Final = ("council", "budget", "Paris", "Nvidia", "said", "on", "Monday", "$20B", "3%")

ONE_MEGABYTE_LINE: Final = ("wordy " * 175_000)[:1_048_000] + "[bold]end[/bold] \x1b[31m"
"""About 1 MB on one line, with markup and an escape at its end."""


def nasty_strings(count: int = 300, *, seed: int = 7) -> list[str]:
    """Every piece alone, then random mixtures of pieces and words, `count` in all."""
    rng = random.Random(seed)
    strings = list(PIECES)
    while len(strings) < count:
        parts = [rng.choice(PIECES) for _ in range(rng.randint(2, 4))]
        parts += [rng.choice(_WORDS) for _ in range(rng.randint(0, 3))]
        rng.shuffle(parts)
        strings.append(rng.choice(("", " ", "\n")).join(parts))
    return strings[:count]


def forbidden_in_output(text: str) -> set[str]:
    """Characters that must never reach a terminal from content: C0 but tab/newline, DEL, C1."""
    return {
        character
        for character in text
        if (ord(character) < 0x20 and character not in "\t\n")
        or 0x7F <= ord(character) <= 0x9F
        or 0xD800 <= ord(character) <= 0xDFFF
    }


BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
