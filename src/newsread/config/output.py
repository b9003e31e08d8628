"""Show a `Config` as data: a TOML-shaped dict (for JSON) and TOML text that loads back to it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from newsread.config.model import Config
from newsread.config.quoting import format_key_part, quote_string
from newsread.config.schema import SECTIONS, TOP_LEVEL


def config_to_dict(config: Config) -> dict[str, Any]:
    """`config` in the shape of config.toml, with JSON-friendly values (lists, not tuples)."""
    document: dict[str, Any] = {
        setting.name: _plain(getattr(config, setting.name)) for setting in TOP_LEVEL
    }
    for section in SECTIONS:
        document[section] = {
            name: _plain(value)
            for name, value in dataclasses.asdict(getattr(config, section)).items()
        }
    document["keys"] = config.keymap()
    document["queries"] = {saved.name: saved.query for saved in config.queries}
    document["ignore"] = [{"query": rule.query, "action": rule.action} for rule in config.ignore]
    document["sources"] = {
        entry.key: {
            name: _plain(value)
            for name, value in dataclasses.asdict(entry).items()
            if name != "key" and value is not None and value != ()
        }
        for entry in config.sources
    }
    return document


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def toml_value(value: object) -> str:
    """One value as TOML: strings, integers, booleans and arrays of those."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return quote_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def config_to_toml(config: Config) -> str:
    """`config` as TOML text that loads back to the same `Config`."""
    document = config_to_dict(config)
    lines: list[str] = [
        f"{name} = {toml_value(document[name])}" for name in (s.name for s in TOP_LEVEL)
    ]
    for name in (*SECTIONS, "keys", "queries"):
        lines += ["", f"[{name}]", *_assignments(document[name])]
    for rule in document["ignore"]:
        lines += ["", "[[ignore]]", *_assignments(rule)]
    for key, settings in document["sources"].items():
        lines += ["", f"[sources.{format_key_part(key)}]", *_assignments(settings)]
    return "\n".join(lines) + "\n"


def _assignments(table: Mapping[str, object]) -> list[str]:
    return [f"{format_key_part(name)} = {toml_value(value)}" for name, value in table.items()]
