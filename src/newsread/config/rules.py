"""Value rules: each checks one raw TOML value and returns it typed, or says what is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from newsread.config.quoting import quote_string

_SHOWN_VALUE_LIMIT = 40


class InvalidValue(ValueError):  # noqa: N818 - reads as a sentence: `raise InvalidValue(...)`
    """A raw value does not fit its rule; the message says what was expected and what was found."""

    def __init__(self, message: str, *, item: int | None = None) -> None:
        super().__init__(message)
        self.item = item
        """The index of the offending array item, when the problem is in one."""


def type_name(value: object) -> str:
    """The TOML name of a parsed value's type, as users see it in their file."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return "date/time"
    return type(value).__name__


def describe(value: object) -> str:
    """A short description of a parsed value for messages: `string "newest"`, `integer 7`."""
    kind = type_name(value)
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN_VALUE_LIMIT else value[:_SHOWN_VALUE_LIMIT] + "…"
        return f"{kind} {quote_string(shown)}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{kind} {value}"
    return kind


class Rule(Protocol):
    """Checks a raw value from the TOML file."""

    @property
    def kind(self) -> str:
        """What the rule accepts, for documentation: `integer 20..120`, `one of a, b`."""
        ...

    def check(self, raw: object) -> object:
        """The typed value for `raw`; raises `InvalidValue` when it does not fit."""
        ...


@dataclass(frozen=True, slots=True)
class Boolean:
    """`true` or `false`."""

    @property
    def kind(self) -> str:
        """What the rule accepts."""
        return "boolean"

    def check(self, raw: object) -> bool:
        """The boolean itself."""
        if not isinstance(raw, bool):
            raise InvalidValue(f"expected true or false, got {describe(raw)}")
        return raw


@dataclass(frozen=True, slots=True)
class Integer:
    """A whole number between `low` and `high` inclusive."""

    low: int
    high: int

    @property
    def kind(self) -> str:
        """What the rule accepts."""
        return f"integer {_number(self.low)}..{_number(self.high)}"

    def check(self, raw: object) -> int:
        """The integer, if it is in range."""
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InvalidValue(f"expected an integer, got {describe(raw)}")
        if not self.low <= raw <= self.high:
            low, high = _number(self.low), _number(self.high)
            raise InvalidValue(f"expected an integer from {low} to {high}, got {raw}")
        return raw


@dataclass(frozen=True, slots=True)
class Text:
    """A string with something in it besides white space (kept as written, minus outer space)."""

    @property
    def kind(self) -> str:
        """What the rule accepts."""
        return "string"

    def check(self, raw: object) -> str:
        """The stripped string."""
        return _text(raw)


@dataclass(frozen=True, slots=True)
class Choice:
    """One of a fixed set of strings."""

    options: tuple[str, ...]

    @property
    def kind(self) -> str:
        """What the rule accepts."""
        return "one of " + ", ".join(self.options)

    def check(self, raw: object) -> str:
        """The chosen option."""
        if not isinstance(raw, str) or raw not in self.options:
            raise InvalidValue(f"expected {self.kind}, got {describe(raw)}")
        return raw


@dataclass(frozen=True, slots=True)
class TextList:
    """An array of distinct non-empty strings, optionally each from a fixed set."""

    options: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """What the rule accepts."""
        if self.options:
            return "array of " + ", ".join(self.options)
        return "array of strings"

    def check(self, raw: object) -> tuple[str, ...]:
        """The strings, in the order written."""
        if not isinstance(raw, list):
            raise InvalidValue(f"expected an array of strings, got {describe(raw)}")
        items: list[str] = []
        for index, item in enumerate(raw):
            value = self._item(index, item)
            if value in items:
                raise InvalidValue(f"item {index} repeats {quote_string(value)}", item=index)
            items.append(value)
        return tuple(items)

    def _item(self, index: int, item: object) -> str:
        try:
            if self.options:
                return Choice(self.options).check(item)
            return _text(item)
        except InvalidValue as error:
            raise InvalidValue(f"item {index}: {error}", item=index) from None


def _number(value: int) -> str:
    """Big limits with TOML's digit separators, which users can also write: 1_000_000."""
    return f"{value:_}" if abs(value) >= 10_000 else str(value)


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise InvalidValue(f"expected a string, got {describe(raw)}")
    stripped = raw.strip()
    if not stripped:
        raise InvalidValue("expected a non-empty string")
    return stripped


def closest(word: str, candidates: Sequence[str]) -> str | None:
    """The candidate that `word` is most likely a misspelling of, if any is close enough."""
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    # A part of a longer name ("width" for "sidebar_width") is too short for a good ratio.
    containing = [name for name in candidates if len(word) >= 3 and word.lower() in name]
    return containing[0] if len(containing) == 1 else None
