"""The inline half of HTML-to-Markdown: one paragraph's text, emphasis, links and breaks.

Inline content is collected as tokens and written out only when its block is
complete, because whether `*` opens emphasis or `!` turns a link into an image
depends on the characters on both sides. Text is escaped with
`newsread.ingest.markdown_escape`, and any emphasis that a CommonMark parser
would not read as emphasis (intraword punctuation) is dropped, keeping the
text itself intact.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from newsread.ingest.markdown_escape import escape_inline

_HTML_WHITESPACE: Final = re.compile(r"[ \t\n\f\r]+")
_BLOCK_START: Final = re.compile(
    r"(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|=+[ \t]*$)"
)
_BLOCK_START_CHARACTERS: Final = frozenset("#>-+*_=0123456789")
"""The characters `_BLOCK_START` and `_ORDERED_START` can match first."""
_ORDERED_START: Final = re.compile(r"[0-9]{1,9}(?=[.)](?:[ \t]|$))")
_SPACES: Final = re.compile(r" {2,}")
_ASCII_PUNCTUATION: Final = frozenset(string.punctuation)
LINE_BREAK: Final = "\\\n"
"""A CommonMark hard line break (backslash at the end of the line)."""


_TEXT: Final = 0
_LITERAL: Final = 1
_OPEN: Final = 2
_CLOSE: Final = 3
_BREAK: Final = 4
_NO_PAIR: Final = -1

_Token = tuple[int, str, int, bool]
"""(kind, value, pair, in_link): tuples, because a paragraph makes dozens of them."""


@dataclass(slots=True)
class InlineBuffer:
    """Collects the inline content of one block, then writes it as Markdown lines."""

    _tokens: list[_Token] = field(default_factory=list)
    _next_pair: int = 0
    _link_depth: int = 0
    _only_text: bool = True

    def text(self, raw: str) -> None:
        """Add HTML text; runs of HTML whitespace become one space."""
        if raw:
            # Only runs of spaces and other HTML whitespace change (substring tests are
            # many times faster than a regular expression search).
            if "  " in raw or "\n" in raw or "\t" in raw or "\r" in raw or "\f" in raw:
                raw = _HTML_WHITESPACE.sub(" ", raw)
            self._tokens.append((_TEXT, raw, _NO_PAIR, self._link_depth > 0))

    def literal(self, markdown: str) -> None:
        """Add ready-made Markdown (a code span) that must not be escaped."""
        self._tokens.append((_LITERAL, markdown, _NO_PAIR, False))
        self._only_text = False

    def line_break(self) -> None:
        """Add a hard line break (`<br>`)."""
        self._tokens.append((_BREAK, "\n", _NO_PAIR, False))
        self._only_text = False

    def open(self, marker: str) -> int:
        """Open a span (`*`, `**` or a link's `[`); returns the id to close it with."""
        # Ids are never reused, so a span left open by a block inside it (its close
        # lands in a later paragraph) cannot be mistaken for a newer one.
        pair = self._next_pair
        self._next_pair += 1
        self._tokens.append((_OPEN, marker, pair, False))
        self._only_text = False
        if marker == "[":
            self._link_depth += 1
        return pair

    def close(self, pair: int, marker: str) -> None:
        """Close the span `pair` with `marker` (`*`, `**` or `](url)`)."""
        if marker.startswith("]"):
            self._link_depth -= 1
        self._tokens.append((_CLOSE, marker, pair, False))
        self._only_text = False

    @property
    def in_link(self) -> bool:
        """Whether content added now lands inside a link's text."""
        return self._link_depth > 0

    def take_lines(self) -> list[str]:
        """The collected content as escaped Markdown lines (split at hard breaks); resets."""
        tokens = self._tokens
        if not tokens:
            return []
        self._tokens = []
        self._link_depth = 0
        if self._only_text:
            return _text_lines(tokens)
        self._only_text = True
        pieces = _render_in_one_pass(tokens)
        if pieces is None:
            pieces = _render(_placed_spaces(tokens))
        joined = "".join(pieces)
        if "\n" not in joined:  # no hard breaks: one line
            line = _single_spaced(joined).strip(" ")
            return [_escape_block_start(line)] if line else []
        lines = [_single_spaced(line).strip(" ") for line in joined.split("\n")]
        return [_escape_block_start(line) for line in lines if line]


def _text_lines(tokens: list[_Token]) -> list[str]:
    """`take_lines` for text alone: no spans or breaks, so one escaped line at most."""
    text = tokens[0][1] if len(tokens) == 1 else "".join([token[1] for token in tokens])
    text = _single_spaced(text).strip(" ")
    if not text:
        return []
    return [_escape_block_start(_escape_text(text, in_link=tokens[0][3]))]


def _single_spaced(text: str) -> str:
    return _SPACES.sub(" ", text) if "  " in text else text


def _placed_spaces(tokens: list[_Token]) -> list[_Token | None]:
    """Collapse spaces across tokens, keeping them outside span markers and off line
    ends, and blank out the markers of spans with nothing visible inside (`<b> </b>`)."""
    placed: list[_Token | None] = []
    append = placed.append
    # Open spans of this paragraph: [pair, index of the opening marker, seen anything visible].
    spans: list[list[int]] = []
    pending_space = False
    line_has_content = False
    for token in tokens:
        kind = token[0]
        if kind == _TEXT:
            value = token[1]
            if value[0] == " ":
                pending_space = True
            stripped = value.strip(" ")
            if stripped:
                if pending_space and line_has_content:
                    append((_TEXT, " ", _NO_PAIR, token[3]))
                append((_TEXT, stripped, _NO_PAIR, token[3]))
                line_has_content = True
                pending_space = value[-1] == " "
                if spans and not spans[-1][2] and not stripped.isspace():
                    spans[-1][2] = True
        elif kind == _OPEN:
            if pending_space and line_has_content:
                append((_TEXT, " ", _NO_PAIR, False))
                pending_space = False
            spans.append([token[2], len(placed), False])
            append(token)
        elif kind == _CLOSE:
            if spans and spans[-1][0] == token[2]:
                _, opened_at, visible = spans.pop()
                if not visible:
                    placed[opened_at] = None
                    continue
                if spans:
                    spans[-1][2] = True
            # Otherwise the span opened before a block inside it: its marker stays as it is.
            append(token)
        elif kind == _BREAK:
            append(token)
            pending_space = False
            line_has_content = False
        else:
            if pending_space and line_has_content:
                append((_TEXT, " ", _NO_PAIR, False))
            pending_space = False
            line_has_content = True
            if spans:
                spans[-1][2] = True
            append(token)
    return placed


def _render(tokens: list[_Token | None]) -> list[str]:
    """Escape text runs, then drop emphasis markers that would not parse as emphasis."""
    pieces: list[str] = []
    run: list[str] = []
    run_in_link = False
    emphasis_opened: dict[int, int] = {}
    emphasis_spans: list[tuple[int, int]] = []
    link_opens: list[int] = []
    has_break = False
    for token in tokens:
        if token is None:
            continue
        kind = token[0]
        if kind == _TEXT:
            if run and run_in_link != token[3]:
                pieces.append(_escape_text("".join(run), in_link=run_in_link))
                run = []
            run_in_link = token[3]
            run.append(token[1])
            continue
        if run:
            pieces.append(_escape_text("".join(run), in_link=run_in_link))
            run = []
        if kind == _OPEN:
            if token[1] == "[":
                link_opens.append(len(pieces))
            else:
                emphasis_opened[token[2]] = len(pieces)
        elif kind == _CLOSE:
            start = emphasis_opened.pop(token[2], None)
            if start is not None:
                emphasis_spans.append((start, len(pieces)))
        elif kind == _BREAK:
            has_break = True
        pieces.append(token[1])
    if run:
        pieces.append(_escape_text("".join(run), in_link=run_in_link))
    return _finish(pieces, emphasis_spans, link_opens, has_break=has_break)


def _render_in_one_pass(tokens: list[_Token]) -> list[str] | None:
    """`_render(_placed_spaces(tokens))` in one pass, for the usual case; None when a
    span turns out empty (dropping its markers joins the text on either side, which
    the two passes handle)."""
    pieces: list[str] = []
    run: list[str] = []
    run_in_link = False
    pending_space = False
    line_has_content = False
    spans: list[list[int]] = []  # [pair, whether anything visible is inside yet]
    emphasis_opened: dict[int, int] = {}
    emphasis_spans: list[tuple[int, int]] = []
    link_opens: list[int] = []
    has_break = False
    escape = _escape_text
    for kind, value, pair, in_link in tokens:
        if kind == _TEXT:
            if value[0] == " ":
                pending_space = True
            stripped = value.strip(" ")
            if not stripped:
                continue
            if run and run_in_link != in_link:
                pieces.append(escape("".join(run), in_link=run_in_link))
                run = []
            run_in_link = in_link
            if pending_space and line_has_content:
                run.append(" ")
            run.append(stripped)
            line_has_content = True
            pending_space = value[-1] == " "
            if spans and not spans[-1][1] and not stripped.isspace():
                spans[-1][1] = 1
            continue
        if pending_space and line_has_content and kind in (_OPEN, _LITERAL):
            # The space goes before the marker, outside any link text.
            if run and run_in_link:
                pieces.append(escape("".join(run), in_link=True))
                run = []
            run_in_link = False
            run.append(" ")
            pending_space = False
        if run:
            pieces.append(escape("".join(run), in_link=run_in_link))
            run = []
        if kind == _OPEN:
            spans.append([pair, 0])
            if value == "[":
                link_opens.append(len(pieces))
            else:
                emphasis_opened[pair] = len(pieces)
        elif kind == _CLOSE:
            if spans and spans[-1][0] == pair:
                if not spans.pop()[1]:
                    return None
                if spans:
                    spans[-1][1] = 1
            start = emphasis_opened.pop(pair, None)
            if start is not None:
                emphasis_spans.append((start, len(pieces)))
        elif kind == _BREAK:
            has_break = True
            pending_space = False
            line_has_content = False
        else:
            pending_space = False
            line_has_content = True
            if spans:
                spans[-1][1] = 1
        pieces.append(value)
    if run:
        pieces.append(escape("".join(run), in_link=run_in_link))
    return _finish(pieces, emphasis_spans, link_opens, has_break=has_break)


def _finish(
    pieces: list[str],
    emphasis_spans: list[tuple[int, int]],
    link_opens: list[int],
    *,
    has_break: bool,
) -> list[str]:
    """Drop emphasis that would not parse, keep `!` off links, write hard breaks."""
    if emphasis_spans:
        _drop_unparsable_emphasis(pieces, emphasis_spans)
    if link_opens:
        _guard_images(pieces, link_opens)
    if has_break:
        _mark_breaks(pieces)
    return pieces


def _escape_text(text: str, *, in_link: bool) -> str:
    # Most text has nothing Markdown could misread: then only a link's `]` needs care.
    # (Substring tests are many times faster than a character-class search.)
    if not (
        "*" in text
        or "_" in text
        or "[" in text
        or "`" in text
        or "\\" in text
        or "<" in text
        or "&" in text
        or "~" in text
    ):
        return text.replace("]", "\\]") if in_link else text
    escaped = escape_inline(text)
    # escape_inline judges the ends of `text` as if spaces surrounded it; next to a
    # span marker they are not, so emphasis characters at either end are always escaped.
    if escaped[:1] in ("*", "_", "~"):
        escaped = "\\" + escaped
    if escaped[-1:] in ("*", "_") and not escaped.endswith("\\" + escaped[-1]):
        escaped = escaped[:-1] + "\\" + escaped[-1]
    if in_link:
        escaped = escaped.replace("]", "\\]")
    return escaped


def _drop_unparsable_emphasis(pieces: list[str], spans: list[tuple[int, int]]) -> None:
    # In opening order: a dropped outer marker changes what an inner one sits next to.
    for start, end in sorted(spans) if len(spans) > 1 else spans:
        opener_ok = _left_flanking(_char_before(pieces, start), _char_after(pieces, start))
        closer_ok = _right_flanking(_char_before(pieces, end), _char_after(pieces, end))
        if not (opener_ok and closer_ok):
            pieces[start] = ""
            pieces[end] = ""


def _guard_images(pieces: list[str], link_opens: list[int]) -> None:
    """`!` right before a link's `[` would make it an image: escape it."""
    for index in link_opens:
        before = index - 1
        while before >= 0 and pieces[before] == "":
            before -= 1
        if before >= 0 and pieces[before].endswith("!") and not pieces[before].endswith("\\!"):
            pieces[before] = pieces[before][:-1] + "\\!"


def _mark_breaks(pieces: list[str]) -> None:
    """Turn break pieces (the only ones that are a newline) into hard breaks, dropping
    breaks at the start or doubled."""
    seen_text = False
    pending = -1
    for index, piece in enumerate(pieces):
        if piece == "\n":
            pieces[index] = ""
            if seen_text:
                pending = index
            continue
        if piece.strip():
            if pending >= 0:
                pieces[pending] = LINE_BREAK
                pending = -1
            seen_text = True
    # A trailing break has nothing to break before: it stays dropped.


def _char_before(pieces: list[str], index: int) -> str:
    index -= 1
    while index >= 0:
        if pieces[index]:
            return pieces[index][-1]
        index -= 1
    return " "


def _char_after(pieces: list[str], index: int) -> str:
    index += 1
    while index < len(pieces):
        if pieces[index]:
            return pieces[index][0]
        index += 1
    return " "


def _is_space(character: str) -> bool:
    if character.isascii():
        return character.isspace()
    return character.isspace() or unicodedata.category(character) == "Zs"


def _is_punctuation(character: str) -> bool:
    if character.isascii():
        return character in _ASCII_PUNCTUATION
    return unicodedata.category(character)[0] in "PS"


def _left_flanking(before: str, after: str) -> bool:
    if after.isalnum() and after.isascii():
        return True  # the usual case, settled without the Unicode tables
    return not _is_space(after) and (
        not _is_punctuation(after) or _is_space(before) or _is_punctuation(before)
    )


def _right_flanking(before: str, after: str) -> bool:
    if before.isalnum() and before.isascii():
        return True
    return not _is_space(before) and (
        not _is_punctuation(before) or _is_space(after) or _is_punctuation(after)
    )


def _escape_block_start(line: str) -> str:
    """Keep a line's start from opening a heading, list, quote, rule or setext underline."""
    if line[0] not in _BLOCK_START_CHARACTERS:
        return line
    if _BLOCK_START.match(line):
        return "\\" + line
    ordered = _ORDERED_START.match(line)
    if ordered is not None:
        return line[: ordered.end()] + "\\" + line[ordered.end() :]
    return line


def collapse_whitespace(text: str) -> str:
    """HTML whitespace runs to single spaces, trimmed."""
    return _HTML_WHITESPACE.sub(" ", text).strip()


def code_span(text: str) -> str:
    """`text` as a CommonMark code span, fenced with more backticks than it contains."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
