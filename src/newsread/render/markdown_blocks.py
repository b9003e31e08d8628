"""Turn a Markdown body into blocks of styled text that remember where each character came from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.cells import cell_len
from rich.text import Text

from newsread.render.blocks import Block, BlockKind, Link
from newsread.render.inline import InlineRenderer
from newsread.render.source_align import Offsets, SourceCursor, unmapped
from newsread.render.styles import TABLE_HEADER_STYLE, TABLE_RULE_STYLE

_BULLETS: Final = ("•", "◦", "▪")
_CELL_SEPARATOR: Final = " │ "
_NEWLINE: Final = re.compile("\n")
_RULE_SEPARATOR: Final = "─┼─"


@dataclass(frozen=True)
class MappedBlock:
    """A block and the source offset of each character of its text (None: no source)."""

    block: Block
    offsets: Offsets


@dataclass(frozen=True)
class MappedBody:
    """Everything the body rendering produced."""

    blocks: list[MappedBlock]
    links: list[Link]


@dataclass
class _Table:
    rows: list[list[tuple[Text, Offsets]]] = field(default_factory=list)
    header_rows: int = 0
    in_header: bool = False


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_PARSER: Final = _parser()


def map_body(body: str) -> MappedBody:
    """Parse `body` (Markdown without control characters) into mapped blocks."""
    walker = _BlockWalker(body)
    walker.walk(_PARSER.parse(body))
    return MappedBody(blocks=walker.blocks, links=walker.links)


class _BlockWalker:
    """Walks block tokens, tracking the quotes and lists each block sits in."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.cursor = SourceCursor(body)
        self.line_starts = [0, *(match.end() for match in _NEWLINE.finditer(body))]
        self.blocks: list[MappedBlock] = []
        self.links: list[Link] = []
        self.containers: list[str] = []
        self.ordered_lists: list[bool] = []
        self.pending_marker: str | None = None
        self.heading_level = 0
        self.table: _Table | None = None
        self.handlers: dict[str, Callable[[Token], None]] = {
            "blockquote_open": lambda _: self.containers.append("quote"),
            "blockquote_close": lambda _: self._leave("quote"),
            "bullet_list_open": lambda _: self._enter_list(ordered=False),
            "ordered_list_open": lambda _: self._enter_list(ordered=True),
            "bullet_list_close": lambda _: self._leave_list(),
            "ordered_list_close": lambda _: self._leave_list(),
            "list_item_open": self._open_item,
            "list_item_close": self._close_item,
            "heading_open": self._open_heading,
            "heading_close": self._close_heading,
            "inline": self._inline,
            "fence": self._code,
            "code_block": self._code,
            "html_block": self._html_block,
            "hr": self._rule,
            "table_open": self._open_table,
            "table_close": self._close_table,
            "thead_open": self._open_table_header,
            "thead_close": self._close_table_header,
            "tr_open": self._open_row,
        }

    def walk(self, tokens: list[Token]) -> None:
        for token in tokens:
            handler = self.handlers.get(token.type)
            if handler is not None:
                handler(token)

    # -- context -------------------------------------------------------------

    @property
    def quote_depth(self) -> int:
        return self.containers.count("quote")

    @property
    def list_depth(self) -> int:
        return len(self.ordered_lists)

    def _leave(self, container: str) -> None:
        if self.containers and self.containers[-1] == container:
            self.containers.pop()

    def _enter_list(self, *, ordered: bool) -> None:
        self.containers.append("list")
        self.ordered_lists.append(ordered)

    def _leave_list(self) -> None:
        self._leave("list")
        if self.ordered_lists:
            self.ordered_lists.pop()

    def _open_item(self, token: Token) -> None:
        if self.ordered_lists and self.ordered_lists[-1]:
            self.pending_marker = f"{token.info}{token.markup}"
        else:
            self.pending_marker = _BULLETS[(self.list_depth - 1) % len(_BULLETS)]

    def _close_item(self, _token: Token) -> None:
        if self.pending_marker is not None:
            self._emit(BlockKind.LIST_ITEM, Text(), [], self.list_depth)

    def _open_heading(self, token: Token) -> None:
        self.heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1

    def _close_heading(self, _token: Token) -> None:
        self.heading_level = 0

    def _text_kind(self) -> tuple[BlockKind, int]:
        """The kind and level of running text here: paragraph, quote or list item."""
        innermost = self.containers[-1] if self.containers else ""
        if innermost == "list":
            return BlockKind.LIST_ITEM, self.list_depth
        if innermost == "quote":
            return BlockKind.QUOTE, self.quote_depth
        return BlockKind.PARAGRAPH, 0

    def _emit(self, kind: BlockKind, text: Text, offsets: Offsets, level: int) -> None:
        block = Block(
            kind=kind,
            text=text,
            level=level,
            marker=self.pending_marker or "",
            quote_depth=self.quote_depth,
            list_depth=self.list_depth,
        )
        self.pending_marker = None
        self.blocks.append(MappedBlock(block=block, offsets=offsets))

    def _enter_lines(self, token: Token, *, skip_first: bool = False) -> None:
        """Point the cursor at the source lines `token` came from."""
        if token.map is None:
            self.cursor.enter_block(self.cursor.position, len(self.body))
            return
        first, end = token.map
        self.cursor.enter_block(self._line_start(first + int(skip_first)), self._line_start(end))

    def _line_start(self, line: int) -> int:
        if line < len(self.line_starts):
            return self.line_starts[line]
        return len(self.body)

    # -- blocks --------------------------------------------------------------

    def _inline(self, token: Token) -> None:
        self._enter_lines(token)
        inline = InlineRenderer(self.cursor)
        inline.render(token.children or [])
        self.links.extend(inline.links)
        if self.table is not None:
            if self.table.rows:
                self.table.rows[-1].append((inline.text, inline.offsets))
            return
        if self.heading_level:
            self._emit(BlockKind.HEADING, inline.text, inline.offsets, self.heading_level)
        else:
            kind, level = self._text_kind()
            self._emit(kind, inline.text, inline.offsets, level)

    def _literal_lines(self, content: str) -> tuple[Text, Offsets]:
        """Code or raw HTML: every line as it stands, mapped line by line."""
        lines = content.removesuffix("\n").split("\n")
        offsets: Offsets = []
        for number, line in enumerate(lines):
            if number:
                offsets.append(self.cursor.skip_line_break())
            offsets.extend(self._locate_line(line))
        return Text("\n".join(lines)), offsets

    def _locate_line(self, line: str) -> Offsets:
        offsets = self.cursor.locate(line, literal=True)
        content = line.lstrip(" \t")
        if content == line or any(offset is not None for offset in offsets):
            return offsets
        # Indentation may have come from a tab that markdown-it turned into spaces.
        indent = len(line) - len(content)
        return unmapped(indent) + self.cursor.locate(content, literal=True)

    def _code(self, token: Token) -> None:
        self._enter_lines(token, skip_first=token.type == "fence")
        text, offsets = self._literal_lines(token.content)
        self._emit(BlockKind.CODE, text, offsets, 0)

    def _html_block(self, token: Token) -> None:
        self._enter_lines(token)
        text, offsets = self._literal_lines(token.content)
        kind, level = self._text_kind()
        self._emit(kind, text, offsets, level)

    def _rule(self, _token: Token) -> None:
        self._emit(BlockKind.RULE, Text(), [], 0)

    # -- tables --------------------------------------------------------------

    def _open_table(self, _token: Token) -> None:
        self.table = _Table()

    def _open_table_header(self, _token: Token) -> None:
        if self.table is not None:
            self.table.in_header = True

    def _close_table_header(self, _token: Token) -> None:
        if self.table is not None:
            self.table.in_header = False

    def _open_row(self, _token: Token) -> None:
        if self.table is not None:
            self.table.rows.append([])
            if self.table.in_header:
                self.table.header_rows += 1

    def _close_table(self, _token: Token) -> None:
        table, self.table = self.table, None
        if table is None or not table.rows:
            return
        text, offsets = _lay_out_table(table)
        kind, level = self._text_kind()
        self._emit(kind, text, offsets, level)


def _lay_out_table(table: _Table) -> tuple[Text, Offsets]:
    """A table as aligned lines of text: cells padded to their column's width."""
    columns = max(len(row) for row in table.rows)
    widths = [0] * columns
    for row in table.rows:
        for column, (cell, _) in enumerate(row):
            widths[column] = max(widths[column], cell_len(cell.plain))
    text = Text()
    offsets: Offsets = []

    def add(piece: Text | str, piece_offsets: Offsets) -> None:
        if isinstance(piece, Text):
            text.append_text(piece)
        else:
            text.append(piece)
        offsets.extend(piece_offsets)

    for number, row in enumerate(table.rows):
        if number:
            add("\n", unmapped(1))
        header = number < table.header_rows
        for column in range(columns):
            cell, cell_offsets = row[column] if column < len(row) else (Text(), [])
            if column:
                add(_CELL_SEPARATOR, unmapped(len(_CELL_SEPARATOR)))
            start = len(text)
            add(cell, cell_offsets)
            if header:
                text.stylize(TABLE_HEADER_STYLE, start, len(text))
            if column < columns - 1:
                padding = widths[column] - cell_len(cell.plain)
                add(" " * padding, unmapped(padding))
        if number == table.header_rows - 1 and number < len(table.rows) - 1:
            rule = _RULE_SEPARATOR.join("─" * width for width in widths)
            add("\n", unmapped(1))
            start = len(text)
            add(rule, unmapped(len(rule)))
            text.stylize(TABLE_RULE_STYLE, start, len(text))
    return text, offsets
