"""Find the line of every key in a TOML document, which `tomllib` does not report.

The scanner runs only on text `tomllib` has already accepted, so it can trust the
grammar; it still has to understand enough of it to never mistake the inside of
a string or an array for a key. Paths use the shape `tomllib` returns: table
and key names, with an int index for each element of an array (of tables).
"""

from __future__ import annotations

import bisect
from typing import Final

from newsread.config.quoting import KeyPath

_BARE: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SPACE: Final = " \t"
_SIMPLE_ESCAPES: Final = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}
_HEX_DIGITS: Final = {"x": 2, "u": 4, "U": 8}


class ScanError(ValueError):
    """The text is not TOML the scanner understands (it was meant to be valid)."""


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each key path in `text` to the 1-based line where it first appears.

    Tables map to their header line; array-of-tables elements to their `[[…]]`
    line; array items to the line their value starts on. On text the scanner
    cannot follow it raises `ScanError`.
    """
    scanner = _Scanner(text)
    scanner.document()
    return scanner.lines


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.lines: dict[KeyPath, int] = {}
        self._line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        self._table_arrays: dict[KeyPath, int] = {}
        """How many elements each array of tables has so far."""

    # --- reading characters ------------------------------------------------

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.pos)

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise ScanError(f"expected {char!r} at offset {self.pos}")
        self.pos += 1

    def line(self) -> int:
        return bisect.bisect_right(self._line_starts, self.pos)

    def record(self, path: KeyPath, line: int) -> None:
        self.lines.setdefault(path, line)

    def skip_space(self) -> None:
        while self.peek() and self.peek() in _SPACE:
            self.pos += 1

    def skip_comment(self) -> None:
        if self.peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end

    def skip_blank(self) -> None:
        """Spaces, newlines and comments, as allowed between array items."""
        while True:
            self.skip_space()
            self.skip_comment()
            if self.peek() in ("\n", "\r") and self.peek():
                self.pos += 1
            else:
                return

    # --- statements --------------------------------------------------------

    def document(self) -> None:
        table: KeyPath = ()
        while True:
            self.skip_blank()
            if not self.peek():
                return
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)
            self.skip_space()
            self.skip_comment()
            if self.peek() and self.peek() not in "\r\n":
                raise ScanError(f"unexpected text at offset {self.pos}")

    def header(self) -> KeyPath:
        line = self.line()
        is_array = self.startswith("[[")
        self.pos += 2 if is_array else 1
        self.skip_space()
        names = self.dotted_key()
        self.expect("]")
        if is_array:
            self.expect("]")
        concrete: list[str | int] = []
        for position, name in enumerate(names):
            concrete.append(name)
            path = tuple(concrete)
            self.record(path, line)
            is_last = position == len(names) - 1
            if is_array and is_last:
                index = self._table_arrays.get(path, 0)
                self._table_arrays[path] = index + 1
                concrete.append(index)
                self.record(tuple(concrete), line)
            elif path in self._table_arrays:
                concrete.append(self._table_arrays[path] - 1)
        return tuple(concrete)

    def key_value(self, table: KeyPath) -> None:
        line = self.line()
        names = self.dotted_key()
        for end in range(1, len(names) + 1):
            self.record((*table, *names[:end]), line)
        self.expect("=")
        self.skip_space()
        self.value((*table, *names))

    # --- keys --------------------------------------------------------------

    def dotted_key(self) -> tuple[str, ...]:
        names = [self.simple_key()]
        self.skip_space()
        while self.peek() == ".":
            self.pos += 1
            self.skip_space()
            names.append(self.simple_key())
            self.skip_space()
        return tuple(names)

    def simple_key(self) -> str:
        char = self.peek()
        if char == '"':
            return self.basic_string()
        if char == "'":
            return self.literal_string()
        start = self.pos
        while self.peek() and self.peek() in _BARE:
            self.pos += 1
        if self.pos == start:
            raise ScanError(f"expected a key at offset {start}")
        return self.text[start : self.pos]

    # --- values ------------------------------------------------------------

    def value(self, path: KeyPath) -> None:
        if self.startswith('"""'):
            self.multiline_string('"""')
        elif self.startswith("'''"):
            self.multiline_string("'''")
        elif self.peek() == '"':
            self.basic_string()
        elif self.peek() == "'":
            self.literal_string()
        elif self.peek() == "[":
            self.array(path)
        elif self.peek() == "{":
            self.inline_table(path)
        else:
            self.scalar()

    def scalar(self) -> None:
        start = self.pos
        while self.peek() and self.peek() not in ",]}#\r\n":
            self.pos += 1
        if self.pos == start:
            raise ScanError(f"expected a value at offset {start}")

    def array(self, path: KeyPath) -> None:
        self.expect("[")
        index = 0
        while True:
            self.skip_blank()
            if self.peek() == "]":
                self.pos += 1
                return
            self.record((*path, index), self.line())
            self.value((*path, index))
            index += 1
            self.skip_blank()
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "]":
                raise ScanError(f"expected ',' or ']' at offset {self.pos}")

    def inline_table(self, path: KeyPath) -> None:
        self.expect("{")
        while True:
            self.skip_blank()
            if self.peek() == "}":
                self.pos += 1
                return
            self.key_value(path)
            self.skip_blank()
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "}":
                raise ScanError(f"expected ',' or '}}' at offset {self.pos}")

    # --- strings -----------------------------------------------------------

    def literal_string(self) -> str:
        self.expect("'")
        end = self.text.find("'", self.pos)
        if end < 0:
            raise ScanError("unterminated literal string")
        content = self.text[self.pos : end]
        self.pos = end + 1
        return content

    def basic_string(self) -> str:
        self.expect('"')
        parts: list[str] = []
        while True:
            char = self.peek()
            if not char or char == "\n":
                raise ScanError("unterminated string")
            self.pos += 1
            if char == '"':
                return "".join(parts)
            parts.append(self.escape() if char == "\\" else char)

    def escape(self) -> str:
        char = self.peek()
        self.pos += 1
        if char in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[char]
        digits = _HEX_DIGITS.get(char)
        if digits is None:
            raise ScanError(f"unknown escape at offset {self.pos}")
        code = self.text[self.pos : self.pos + digits]
        self.pos += digits
        try:
            return chr(int(code, 16))
        except ValueError as error:
            raise ScanError(f"bad escape at offset {self.pos}") from error

    def multiline_string(self, quotes: str) -> None:
        self.pos += 3
        while True:
            if self.pos >= len(self.text):
                raise ScanError("unterminated multi-line string")
            if quotes == '"""' and self.peek() == "\\":
                # Skip the escaped character, which may be a quote or a newline.
                self.pos += 2
                continue
            if self.startswith(quotes):
                self.pos += 3
                # Up to two more quote characters belong to the content's end.
                for _ in range(2):
                    if self.peek() == quotes[0]:
                        self.pos += 1
                return
            self.pos += 1
