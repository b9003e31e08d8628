"""The app's stylesheet files read without their comments and layout whitespace.

Textual parses every stylesheet on every start, token by token, and half the
tokens of a readable `.tcss` file are indentation, line breaks and the space
after each colon. `compact_tcss` drops those (the rules stay the same: a test
compares them), so `app.tcss` can stay readable and still parse quickly.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from textual.css.errors import StylesheetError
from textual.css.stylesheet import Stylesheet

_TIGHT: tuple[tuple[str, str], ...] = (
    (" {", "{"),
    ("{ ", "{"),
    (" }", "}"),
    ("} ", "}"),
    ("; ", ";"),
    (": ", ":"),
    (" > ", ">"),
    (", ", ","),
)
"""Spaces Textual's tokenizer reads as tokens of their own, and what each pair shrinks to."""


def compact_tcss(css: str) -> str:
    """`css` without comments, indentation, line breaks or spaces around `{ } ; : > ,`.

    For stylesheets that keep one selector list or declaration to a line, as
    `app.tcss` does: line breaks become single spaces first, so a descendant
    selector split over two lines keeps its meaning. Only `/* */` comments are
    understood (not Textual's `#` line comments), and values must not be quoted
    strings containing `: ` or `; `: Textual's own DEFAULT_CSS is left alone.
    """
    pieces: list[str] = []
    rest = css
    while (start := rest.find("/*")) != -1:
        end = rest.find("*/", start + 2)
        if end == -1:
            break
        pieces.append(rest[:start])
        rest = rest[end + 2 :]
    pieces.append(rest)
    lines = (line.strip() for line in "".join(pieces).splitlines())
    compact = " ".join(line for line in lines if line)
    for spaced, tight in _TIGHT:
        compact = compact.replace(spaced, tight)
    return compact


class CompactStylesheet(Stylesheet):
    """A `Stylesheet` that compacts the files it reads (`CSS_PATH`) before parsing them."""

    def read(self, filename: str | PurePath) -> None:
        """Add the file `filename` as Textual does, with its text passed through `compact_tcss`."""
        path = Path(filename).expanduser().absolute()
        try:
            css = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise StylesheetError(f"unable to read CSS file {str(filename)!r}") from None
        self.add_source(compact_tcss(css), read_from=(str(path), ""))
