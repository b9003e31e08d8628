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
from enum import Enum, auto
from typing import Final

from newsread.ingest.markdown_escape import escape_inline

_HTML_WHITESPACE: Final = re.compile(r"[ \t\n\f\r]+")
_BLOCK_START: Final = re.compile(
    r"(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|=+[ \t]*$)"
)
_ORDERED_START: Final = re.compile(r"[0-9]{1,9}(?=[.)](?:[ \t]|$))")
_NEEDS_COLLAPSE: Final = re.compile(r"[\t\n\f\r]|  ")
_MAYBE_SYNTAX: Final = re.compile(r"[`\[\\<&*_~]")
_SPACES: Final = re.compile(r" {2,}")
_ASCII_PUNCTUATION: Final = frozenset(string.punctuation)
LINE_BREAK: Final = "\\\n"
"""A CommonMark hard line break (backslash at the end of the line)."""


class _Kind(Enum):
    TEXT = auto()
    LITERAL = auto()
    OPEN = auto()
    CLOSE = auto()
    BREAK = auto()


@dataclass(slots=True)
class _Token:
    kind: _Kind
    value: str = ""
    pair: int = -1
    in_link: bool = False


@dataclass(slots=True)
class InlineBuffer:
    """Collects the inline content of one block, then writes it as Markdown lines."""

    _tokens: list[_Token] = field(default_factory=list)
    _next_pair: int = 0
    _link_depth: int = 0

    def text(self, raw: str) -> None:
        """Add HTML text; runs of HTML whitespace become one space."""
        if raw:
            if _NEEDS_COLLAPSE.search(raw):
                raw = _HTML_WHITESPACE.sub(" ", raw)
            self._tokens.append(_Token(_Kind.TEXT, raw, in_link=self._link_depth > 0))

    def literal(self, markdown: str) -> None:
        """Add ready-made Markdown (a code span) that must not be escaped."""
        self._tokens.append(_Token(_Kind.LITERAL, markdown))

    def line_break(self) -> None:
        """Add a hard line break (`<br>`)."""
        self._tokens.append(_Token(_Kind.BREAK))

    def open(self, marker: str) -> int:
        """Open a span (`*`, `**` or a link's `[`); returns the id to close it with."""
        pair = self._next_pair
        self._next_pair += 1
        self._tokens.append(_Token(_Kind.OPEN, marker, pair))
        if marker == "[":
            self._link_depth += 1
        return pair

    def close(self, pair: int, marker: str) -> None:
        """Close the span `pair` with `marker` (`*`, `**` or `](url)`)."""
        if marker.startswith("]"):
            self._link_depth -= 1
        self._tokens.append(_Token(_Kind.CLOSE, marker, pair))

    @property
    def in_link(self) -> bool:
        """Whether content added now lands inside a link's text."""
        return self._link_depth > 0

    def is_empty(self) -> bool:
        """Whether nothing visible has been added."""
        return not any(
            token.kind is _Kind.LITERAL or (token.kind is _Kind.TEXT and token.value.strip())
            for token in self._tokens
        )

    def take_lines(self) -> list[str]:
        """The collected content as escaped Markdown lines (split at hard breaks); resets."""
        if not self._tokens:
            return []
        tokens, self._tokens = self._tokens, []
        self._next_pair = 0
        self._link_depth = 0
        pieces = _render(_without_empty_spans(_placed_spaces(tokens)))
        lines = [_SPACES.sub(" ", line).strip(" ") for line in "".join(pieces).split("\n")]
        return [_escape_block_start(line) for line in lines if line]


def _placed_spaces(tokens: list[_Token]) -> list[_Token]:
    """Collapse spaces across tokens; keep them outside span markers and off line ends."""
    placed: list[_Token] = []
    pending_space = False
    line_has_content = False
    for token in tokens:
        if token.kind is _Kind.TEXT:
            value = token.value
            if value.startswith(" "):
                pending_space = True
            stripped = value.strip(" ")
            if stripped:
                if pending_space and line_has_content:
                    placed.append(_Token(_Kind.TEXT, " ", in_link=token.in_link))
                placed.append(_Token(_Kind.TEXT, stripped, in_link=token.in_link))
                line_has_content = True
                pending_space = value.endswith(" ")
        elif token.kind is _Kind.BREAK:
            placed.append(token)
            pending_space = False
            line_has_content = False
        elif token.kind is _Kind.OPEN:
            if pending_space and line_has_content:
                placed.append(_Token(_Kind.TEXT, " "))
                pending_space = False
            placed.append(token)
        else:
            if token.kind is _Kind.LITERAL:
                if pending_space and line_has_content:
                    placed.append(_Token(_Kind.TEXT, " "))
                pending_space = False
                line_has_content = True
            placed.append(token)
    return placed


def _without_empty_spans(tokens: list[_Token]) -> list[_Token]:
    """Drop spans with nothing visible inside (`<b> </b>`, an image-only link)."""
    changed = any(token.kind is _Kind.OPEN for token in tokens)
    while changed:
        changed = False
        opened: dict[int, int] = {}
        visible: dict[int, bool] = {}
        remove: set[int] = set()
        for index, token in enumerate(tokens):
            if token.kind is _Kind.OPEN:
                opened[token.pair] = index
                visible[token.pair] = False
            elif token.kind is _Kind.CLOSE:
                if not visible.get(token.pair, False):
                    remove.update((opened[token.pair], index))
            elif token.kind is _Kind.LITERAL or (token.kind is _Kind.TEXT and token.value.strip()):
                for pair in opened:
                    visible[pair] = True
            if token.kind is _Kind.CLOSE:
                opened.pop(token.pair, None)
        if remove:
            tokens = [token for index, token in enumerate(tokens) if index not in remove]
            changed = True
    return tokens


def _render(tokens: list[_Token]) -> list[str]:
    """Escape text runs, then drop emphasis markers that would not parse as emphasis."""
    pieces: list[str] = []
    kinds: list[_Kind] = []
    pairs: list[int] = []
    run: list[str] = []
    run_in_link = False

    def flush_run() -> None:
        if run:
            pieces.append(_escape_text("".join(run), in_link=run_in_link))
            kinds.append(_Kind.TEXT)
            pairs.append(-1)
            run.clear()

    for token in tokens:
        if token.kind is _Kind.TEXT:
            if run and run_in_link != token.in_link:
                flush_run()
            run_in_link = token.in_link
            run.append(token.value)
            continue
        flush_run()
        pieces.append("\n" if token.kind is _Kind.BREAK else token.value)
        kinds.append(token.kind)
        pairs.append(token.pair)
    flush_run()
    if _Kind.OPEN in kinds:
        _drop_unparsable_emphasis(pieces, kinds, pairs)
        _guard_images(pieces, kinds)
    if _Kind.BREAK in kinds:
        _mark_breaks(pieces, kinds)
    return pieces


def _escape_text(text: str, *, in_link: bool) -> str:
    # Most text has nothing Markdown could misread; skip the character-by-character pass.
    escaped = escape_inline(text) if _MAYBE_SYNTAX.search(text) else text
    # escape_inline judges the ends of `text` as if spaces surrounded it; next to a
    # span marker they are not, so emphasis characters at either end are always escaped.
    if escaped[:1] in ("*", "_", "~"):
        escaped = "\\" + escaped
    if escaped[-1:] in ("*", "_") and not escaped.endswith("\\" + escaped[-1]):
        escaped = escaped[:-1] + "\\" + escaped[-1]
    if in_link:
        escaped = escaped.replace("]", "\\]")
    return escaped


def _drop_unparsable_emphasis(pieces: list[str], kinds: list[_Kind], pairs: list[int]) -> None:
    opens = {pairs[i]: i for i, kind in enumerate(kinds) if kind is _Kind.OPEN}
    closes = {pairs[i]: i for i, kind in enumerate(kinds) if kind is _Kind.CLOSE}
    for pair, start in sorted(opens.items(), key=lambda item: item[1]):
        if pieces[start] == "[" or pair not in closes:
            continue
        end = closes[pair]
        opener_ok = _left_flanking(_char_before(pieces, start), _char_after(pieces, start))
        closer_ok = _right_flanking(_char_before(pieces, end), _char_after(pieces, end))
        if not (opener_ok and closer_ok):
            pieces[start] = ""
            pieces[end] = ""


def _guard_images(pieces: list[str], kinds: list[_Kind]) -> None:
    """`!` right before a link's `[` would make it an image: escape it."""
    for index, piece in enumerate(pieces):
        if kinds[index] is _Kind.OPEN and piece == "[":
            before = index - 1
            while before >= 0 and pieces[before] == "":
                before -= 1
            if before >= 0 and pieces[before].endswith("!") and not pieces[before].endswith("\\!"):
                pieces[before] = pieces[before][:-1] + "\\!"


def _mark_breaks(pieces: list[str], kinds: list[_Kind]) -> None:
    """Turn break tokens into hard breaks, dropping breaks at the start or doubled."""
    seen_text = False
    pending = -1
    for index, kind in enumerate(kinds):
        if kind is _Kind.BREAK:
            pieces[index] = ""
            if seen_text:
                pending = index
            continue
        if pieces[index].strip():
            if pending >= 0:
                pieces[pending] = LINE_BREAK
                pending = -1
            seen_text = True
    # A trailing break has nothing to break before: it stays dropped.


def _char_before(pieces: list[str], index: int) -> str:
    for piece in reversed(pieces[:index]):
        if piece:
            return piece[-1]
    return " "


def _char_after(pieces: list[str], index: int) -> str:
    for piece in pieces[index + 1 :]:
        if piece:
            return piece[0]
    return " "


def _is_space(character: str) -> bool:
    return character.isspace() or unicodedata.category(character) == "Zs"


def _is_punctuation(character: str) -> bool:
    return character in _ASCII_PUNCTUATION or unicodedata.category(character)[0] in "PS"


def _left_flanking(before: str, after: str) -> bool:
    return not _is_space(after) and (
        not _is_punctuation(after) or _is_space(before) or _is_punctuation(before)
    )


def _right_flanking(before: str, after: str) -> bool:
    return not _is_space(before) and (
        not _is_punctuation(before) or _is_space(after) or _is_punctuation(after)
    )


def _escape_block_start(line: str) -> str:
    """Keep a line's start from opening a heading, list, quote, rule or setext underline."""
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
