"""Turn the parsed TOML document into a `Config`, noting every value it cannot use.

A bad value falls back to its default (or, inside a per-source table, to the
global setting) and the rest of the file still applies. Nothing is dropped
silently: every unknown or unusable key becomes a `Finding`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsread.config.model import Config, IgnoreRule, KeyRemap, SavedQuery, SourceSettings
from newsread.config.quoting import KeyPath, format_key
from newsread.config.rules import InvalidValue, Text, closest, describe
from newsread.config.schema import (
    IGNORE,
    SECTION_DEFAULTS,
    SECTIONS,
    SOURCE,
    TOP_LEVEL,
    TOP_LEVEL_NAMES,
    Setting,
)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something wrong at `path` (an array item's path when it is about one item).

    `message` already names the key.
    """

    path: KeyPath
    message: str


def validate(document: Mapping[str, Any]) -> tuple[Config, list[Finding]]:
    """The config `document` describes, and what was wrong with it."""
    validator = _Validator()
    return validator.config(document), validator.findings


class _Validator:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def invalid(self, path: KeyPath, detail: str, *, item: int | None = None) -> None:
        where = path if item is None else (*path, item)
        self.findings.append(Finding(where, f"{format_key(path)}: {detail}"))

    def unknown(self, path: KeyPath, candidates: Iterable[str]) -> None:
        name = path[-1]
        message = f"unknown key {_shown(path)}"
        suggestion = closest(name, list(candidates)) if isinstance(name, str) else None
        if suggestion is not None:
            message += f" (did you mean {_shown((*path[:-1], suggestion))}?)"
        elif len(path) == 1 and isinstance(name, str):
            home = _section_holding(name)
            if home is not None:
                message += f" (did you mean {_shown((home, name))}?)"
        self.findings.append(Finding(path, message))

    def table(self, path: KeyPath, raw: object) -> dict[str, Any] | None:
        if isinstance(raw, dict):
            return raw
        self.invalid(path, f"expected a table, got {describe(raw)}")
        return None

    def settings(
        self, path: KeyPath, raw: Mapping[str, Any], settings: tuple[Setting, ...]
    ) -> tuple[dict[str, Any], bool]:
        """Check the keys of a table with fixed keys; returns good values and whether all were."""
        by_name = {setting.name: setting for setting in settings}
        values: dict[str, Any] = {}
        all_good = True
        for name, value in raw.items():
            setting = by_name.get(name)
            if setting is None:
                self.unknown((*path, name), by_name)
                all_good = False
                continue
            try:
                values[name] = setting.rule.check(value)
            except InvalidValue as error:
                self.invalid((*path, name), str(error), item=error.item)
                all_good = False
        return values, all_good

    # --- the document ------------------------------------------------------

    def config(self, document: Mapping[str, Any]) -> Config:
        top = {name: value for name, value in document.items() if name not in TOP_LEVEL_NAMES}
        for name in top:
            self.unknown((name,), TOP_LEVEL_NAMES)
        known = {
            name: value
            for name, value in document.items()
            if name in {setting.name for setting in TOP_LEVEL}
        }
        values, _ = self.settings((), known, TOP_LEVEL)
        for section, settings in SECTIONS.items():
            if section in document:
                values[section] = self.section(section, document[section], settings)
        if "keys" in document:
            values["keys"] = self.keys(document["keys"])
        if "queries" in document:
            values["queries"] = self.queries(document["queries"])
        if "ignore" in document:
            values["ignore"] = self.ignore(document["ignore"])
        if "sources" in document:
            values["sources"] = self.sources(document["sources"])
        return dataclasses.replace(Config(), **values)

    def section(self, name: str, raw: object, settings: tuple[Setting, ...]) -> object:
        default = SECTION_DEFAULTS[name]
        table = self.table((name,), raw)
        if table is None:
            return default
        values, _ = self.settings((name,), table, settings)
        return dataclasses.replace(default, **values)

    def keys(self, raw: object) -> tuple[KeyRemap, ...]:
        table = self.table(("keys",), raw)
        if table is None:
            return ()
        remaps: list[KeyRemap] = []
        for action, value in table.items():
            keys = _key_list(value)
            if not action.strip():
                self.invalid(("keys", action), "an action id cannot be empty")
            elif keys is None:
                expected = 'expected key names like "b" or "ctrl+b,f2"'
                self.invalid(("keys", action), f"{expected}, got {describe(value)}")
            else:
                remaps.append(KeyRemap(action.strip(), keys))
        return tuple(remaps)

    def queries(self, raw: object) -> tuple[SavedQuery, ...]:
        table = self.table(("queries",), raw)
        if table is None:
            return ()
        saved: list[SavedQuery] = []
        for name, value in table.items():
            if not name.strip():
                self.invalid(("queries", name), "a saved query needs a name")
                continue
            try:
                saved.append(SavedQuery(name.strip(), Text().check(value)))
            except InvalidValue as error:
                self.invalid(("queries", name), str(error))
        return tuple(saved)

    def ignore(self, raw: object) -> tuple[IgnoreRule, ...]:
        if not isinstance(raw, list):
            self.invalid(("ignore",), f"expected [[ignore]] tables, got {describe(raw)}")
            return ()
        rules: list[IgnoreRule] = []
        for index, item in enumerate(raw):
            table = self.table(("ignore", index), item)
            if table is None:
                continue
            values, all_good = self.settings(("ignore", index), table, IGNORE)
            if "query" not in table:
                self.invalid(("ignore", index), 'missing "query": the rule is skipped')
            elif all_good:
                rules.append(IgnoreRule(**values))
            # A rule with a mistake could hide the wrong articles: skip it rather than guess.
        return tuple(rules)

    def sources(self, raw: object) -> tuple[SourceSettings, ...]:
        table = self.table(("sources",), raw)
        if table is None:
            return ()
        found: list[SourceSettings] = []
        for key, value in table.items():
            settings = self.table(("sources", key), value)
            if settings is None:
                continue
            if not key.strip():
                self.invalid(("sources", key), "a source key cannot be empty")
                continue
            values, _ = self.settings(("sources", key), settings, SOURCE)
            found.append(SourceSettings(key.strip(), **values))
        return tuple(found)


def _shown(path: KeyPath) -> str:
    """A key for messages, in double quotes unless TOML quoting inside it would clash."""
    key = format_key(path)
    return key if '"' in key else f'"{key}"'


def _key_list(value: object) -> tuple[str, ...] | None:
    """`"b"` or `"ctrl+b, f2"` as key names; None when it is not a usable key list."""
    if not isinstance(value, str):
        return None
    keys = tuple(part.strip() for part in value.split(","))
    if not keys or any(not key or any(char.isspace() for char in key) for key in keys):
        return None
    return keys


def _section_holding(name: str) -> str | None:
    """The section that has a key called `name`, for a key written above its table header."""
    for section, settings in SECTIONS.items():
        if any(setting.name == name for setting in settings):
            return section
    return None
