"""The commented config.toml that `newsread config --init` writes, and the settings reference.

Both come from the schema tables, so every key is documented with its real
default and the template always loads back to the defaults.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from newsread.config.model import Config
from newsread.config.output import toml_value
from newsread.config.schema import DEFAULTS, IGNORE, SECTIONS, SOURCE, TOP_LEVEL, Setting

_HEADER: Final = """\
# newsread configuration.
#
# Every setting is shown with its default value. Change what you like; delete a
# line to go back to the default. Problems (unknown keys, wrong types) are
# reported with their line when newsread starts, and by `newsread config --check`.
"""

_SOURCE_EXAMPLE: Final[dict[str, object]] = {
    "title": "Example",
    "refresh_interval_minutes": 60,
    "max_items": 500,
    "max_age_days": 90,
    "tags": ["tech"],
}
_IGNORE_EXAMPLE: Final[dict[str, object]] = {"query": "sponsored", "action": "hide"}


@dataclass(frozen=True, slots=True)
class SettingReference:
    """One row of the settings reference: dotted key, accepted values, default, meaning."""

    key: str
    kind: str
    default: str
    meaning: str


def _default_of(section: str | None, setting: Setting, defaults: Config) -> object:
    owner = defaults if section is None else getattr(defaults, section)
    return getattr(owner, setting.name)


def _comment(setting: Setting) -> str:
    kind = setting.rule.kind
    if kind in ("boolean", "string", "array of strings"):
        return f"# {setting.help}"
    return f"# {setting.help} ({kind})"


def _example_lines(
    header: str, settings: tuple[Setting, ...], example: dict[str, object]
) -> list[str]:
    lines = [f"# {header}"]
    for setting in settings:
        lines.append(f"# {setting.name} = {toml_value(example[setting.name])}  {_comment(setting)}")
    return lines


def config_template() -> str:
    """The full text of a fresh, commented config.toml."""
    lines = [_HEADER]
    for setting in TOP_LEVEL:
        lines += [
            _comment(setting),
            f"{setting.name} = {toml_value(_default_of(None, setting, DEFAULTS))}",
        ]
    for section, settings in SECTIONS.items():
        lines += ["", f"[{section}]"]
        for setting in settings:
            default = _default_of(section, setting, DEFAULTS)
            lines += [_comment(setting), f"{setting.name} = {toml_value(default)}"]
    lines += [
        "",
        '# Remap keys: action id = "key" or "key1,key2" (Textual key names, e.g. ctrl+b).',
        "# Action ids are like bookmark, toggle_read, next_unread, quit. Example:",
        "[keys]",
        '# bookmark = "B"',
        "",
        '# Saved queries, shown as virtual sources in the sidebar: name = "query".',
        "[queries]",
        '# "Chips" = "entity:nvidia unread"',
        "",
        "# Ignore rules (a killfile), applied as articles arrive; one [[ignore]] table per rule.",
        *_example_lines("[[ignore]]", IGNORE, _IGNORE_EXAMPLE),
        "",
        "# Settings for one source; the key is its URL or path as you added it.",
        "# Leave a setting out to use the global one from [refresh].",
        *_example_lines('[sources."https://example.com/feed.xml"]', SOURCE, _SOURCE_EXAMPLE),
    ]
    return "\n".join(lines) + "\n"


def settings_reference() -> Iterator[SettingReference]:
    """Every fixed key with its accepted values, default and meaning (for the README)."""
    for setting in TOP_LEVEL:
        yield _reference(setting.name, setting, toml_value(_default_of(None, setting, DEFAULTS)))
    for section, settings in SECTIONS.items():
        for setting in settings:
            default = toml_value(_default_of(section, setting, DEFAULTS))
            yield _reference(f"{section}.{setting.name}", setting, default)
    for setting in IGNORE:
        default = "(required)" if setting.name == "query" else '"hide"'
        yield _reference(f"ignore[].{setting.name}", setting, default)
    own_defaults = {"title": "(the source's own)", "tags": "[]"}
    for setting in SOURCE:
        default = own_defaults.get(setting.name, "(the [refresh] setting)")
        yield _reference(f'sources."KEY".{setting.name}', setting, default)


def _reference(key: str, setting: Setting, default: str) -> SettingReference:
    return SettingReference(key, setting.rule.kind, default, setting.help)
