"""config.toml: typed settings, problems with file, line and key, and `newsread config`."""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
from pathlib import Path

import pytest

from newsread.cli import main
from newsread.config import (
    Config,
    EntitiesConfig,
    IgnoreRule,
    KeyRemap,
    LoadedConfig,
    ReaderConfig,
    RefreshConfig,
    SavedQuery,
    SourceSettings,
    config_template,
    config_to_dict,
    config_to_toml,
    load_config,
    settings_reference,
)
from newsread.config.locate import key_lines
from newsread.config.schema import SECTIONS, SOURCE, TOP_LEVEL

# Every key set to something other than its default.
GOOD_FILE = """\
# a config that changes everything
theme = "nord"
watch = ["Nvidia", "Jensen Huang"]

[reader]
default_filter = "unread"
sort = "unread-first"
group = "tag"
sidebar_width = 60
columns = ["source", "reading-time", "entities"]
mark_read_on_open = false
cluster = true

[refresh]
interval_minutes = 30
on_start = true
max_items = 200
max_age_days = 14

[entities]
backend = "spacy"
spacy_model = "en_core_web_lg"

[keys]
bookmark = "B"
quit = "q, ctrl+q"

[queries]
"Chips" = "entity:nvidia unread"
"AI money" = 'entity:xai "series e"'

[[ignore]]
query = "sponsored"

[[ignore]]
query = "horoscope"
action = "mark-read"

[sources."https://example.com/feed.xml"]
title = "Example"
refresh_interval_minutes = 60
max_items = 500
max_age_days = 90
tags = ["tech", "ai"]

[sources."~/news/local.txt"]
tags = ["local"]
"""

GOOD = Config(
    theme="nord",
    watch=("Nvidia", "Jensen Huang"),
    reader=ReaderConfig(
        default_filter="unread",
        sort="unread-first",
        group="tag",
        sidebar_width=60,
        columns=("source", "reading-time", "entities"),
        mark_read_on_open=False,
        cluster=True,
    ),
    refresh=RefreshConfig(interval_minutes=30, on_start=True, max_items=200, max_age_days=14),
    entities=EntitiesConfig(backend="spacy", spacy_model="en_core_web_lg"),
    keys=(KeyRemap("bookmark", ("B",)), KeyRemap("quit", ("q", "ctrl+q"))),
    queries=(
        SavedQuery("Chips", "entity:nvidia unread"),
        SavedQuery("AI money", 'entity:xai "series e"'),
    ),
    ignore=(IgnoreRule("sponsored", "hide"), IgnoreRule("horoscope", "mark-read")),
    sources=(
        SourceSettings(
            "https://example.com/feed.xml",
            title="Example",
            refresh_interval_minutes=60,
            max_items=500,
            max_age_days=90,
            tags=("tech", "ai"),
        ),
        SourceSettings("~/news/local.txt", tags=("local",)),
    ),
)


def write(directory: Path, text: str | bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_text(directory: Path, text: str | bytes) -> LoadedConfig:
    write(directory, text)
    return load_config(directory)


def messages(loaded: LoadedConfig) -> list[str]:
    return [str(problem) for problem in loaded.problems]


def with_value(dotted: str, value: str) -> tuple[str, int]:
    """GOOD_FILE with `dotted` (a fixed key) set to the TOML `value`, and that line's number."""
    section, _, name = dotted.rpartition(".")
    lines = GOOD_FILE.splitlines()
    in_section = section == ""
    for index, line in enumerate(lines):
        if line.startswith("["):
            in_section = line == f"[{section}]"
        elif in_section and line.startswith(f"{name} = "):
            lines[index] = f"{name} = {value}"
            return "\n".join(lines) + "\n", index + 1
    raise AssertionError(f"{dotted} is not in GOOD_FILE")


def with_default(config: Config, dotted: str) -> Config:
    """`config` with the fixed key `dotted` back at its default."""
    section, _, name = dotted.rpartition(".")
    if not section:
        return dataclasses.replace(config, **{name: getattr(Config(), name)})
    default = getattr(getattr(Config(), section), name)
    changed = dataclasses.replace(getattr(config, section), **{name: default})
    return dataclasses.replace(config, **{section: changed})


# --- defaults and parsing ----------------------------------------------------


def test_no_file_gives_the_defaults_and_no_problems(config_dir: Path) -> None:
    loaded = load_config(config_dir)
    assert loaded.config == Config()
    assert loaded.problems == ()
    assert loaded.ok
    assert loaded.path == config_dir / "config.toml"
    assert not config_dir.exists(), "loading creates nothing"


def test_the_defaults_are_the_documented_ones() -> None:
    config = Config()
    assert config.theme == "tokyo-night"
    assert config.watch == ()
    assert config.reader == ReaderConfig("all", "date", "none", 42, ("source",), True, False)
    assert config.refresh == RefreshConfig(0, False, 0, 0)
    assert config.entities == EntitiesConfig("builtin", "en_core_web_sm")
    assert (config.keys, config.queries, config.ignore, config.sources) == ((), (), (), ())


def test_every_key_is_parsed(config_dir: Path) -> None:
    loaded = load_text(config_dir, GOOD_FILE)
    assert messages(loaded) == []
    assert loaded.config == GOOD


def test_an_empty_file_gives_the_defaults(config_dir: Path) -> None:
    loaded = load_text(config_dir, "# nothing set\n")
    assert loaded.config == Config()
    assert loaded.problems == ()


def test_keys_become_a_textual_keymap(config_dir: Path) -> None:
    loaded = load_text(config_dir, GOOD_FILE)
    assert loaded.config.keymap() == {"bookmark": "B", "quit": "q,ctrl+q"}


def test_per_source_settings_fall_back_to_the_global_ones(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    config = load_text(config_dir, GOOD_FILE).config
    feed = "https://example.com/feed.xml"
    assert config.max_items_for(feed) == 500
    assert config.max_age_days_for(feed) == 90
    assert config.refresh_interval_for(feed) == 60
    # The library stores resolved paths; the config may say "~/…".
    local = str((tmp_path / "news" / "local.txt").resolve())
    assert config.source_settings(local) == SourceSettings("~/news/local.txt", tags=("local",))
    assert config.max_items_for(local) == 200
    assert config.refresh_interval_for("https://other.example/rss") == 30
    assert config.source_settings("https://EXAMPLE.com/feed.xml") is None


def test_dotted_and_inline_forms_mean_the_same(config_dir: Path) -> None:
    text = (
        "reader.sort = 'title'\n"
        "refresh = { max_items = 9, on_start = true }\n"
        'ignore = [{ query = "ads", action = "mark-read" }]\n'
        'sources."https://x.example/a".tags = ["x"]\n'
    )
    loaded = load_text(config_dir, text)
    assert loaded.problems == ()
    assert loaded.config.reader.sort == "title"
    assert loaded.config.refresh == RefreshConfig(max_items=9, on_start=True)
    assert loaded.config.ignore == (IgnoreRule("ads", "mark-read"),)
    assert loaded.config.sources == (SourceSettings("https://x.example/a", tags=("x",)),)


# --- bad values: default for that key, a problem on its line, the rest applies --

BAD_VALUES = [
    ("theme", "3", "theme: expected a string, got integer 3"),
    ("theme", '"  "', "theme: expected a non-empty string"),
    ("watch", '"Nvidia"', 'watch: expected an array of strings, got string "Nvidia"'),
    ("watch", '["Nvidia", 1]', "watch: item 1: expected a string, got integer 1"),
    ("reader.default_filter", '"new"', "reader.default_filter: expected one of all, unread"),
    (
        "reader.sort",
        '"newest"',
        'reader.sort: expected one of date, source, title, unread-first, got string "newest"',
    ),
    ("reader.group", '"date"', "reader.group: expected one of none, source, tag, got string"),
    ("reader.sidebar_width", "10", "reader.sidebar_width: expected an integer from 20 to 120"),
    ("reader.sidebar_width", "121", "reader.sidebar_width: expected an integer from 20 to 120"),
    ("reader.sidebar_width", '"60"', "reader.sidebar_width: expected an integer, got string"),
    ("reader.sidebar_width", "60.0", "reader.sidebar_width: expected an integer, got float"),
    ("reader.sidebar_width", "true", "reader.sidebar_width: expected an integer, got true"),
    ("reader.columns", '"date"', "reader.columns: expected an array of strings, got string"),
    ("reader.columns", '["date", "author"]', "reader.columns: item 1: expected one of date,"),
    ("reader.columns", '["date", "date"]', 'reader.columns: item 1 repeats "date"'),
    ("reader.mark_read_on_open", '"yes"', "reader.mark_read_on_open: expected true or false"),
    ("reader.mark_read_on_open", "1", "reader.mark_read_on_open: expected true or false"),
    ("reader.cluster", '"true"', 'reader.cluster: expected true or false, got string "true"'),
    ("refresh.interval_minutes", "-5", "refresh.interval_minutes: expected an integer from 0"),
    ("refresh.interval_minutes", '"5"', "refresh.interval_minutes: expected an integer, got"),
    ("refresh.on_start", "0", "refresh.on_start: expected true or false, got integer 0"),
    ("refresh.max_items", "-1", "refresh.max_items: expected an integer from 0"),
    ("refresh.max_items", "[]", "refresh.max_items: expected an integer, got array"),
    ("refresh.max_age_days", "99999999", "refresh.max_age_days: expected an integer from 0"),
    ("refresh.max_age_days", "1979-05-27", "refresh.max_age_days: expected an integer, got date"),
    ("entities.backend", '"nltk"', "entities.backend: expected one of builtin, spacy, got"),
    ("entities.backend", "{ name = 'spacy' }", "entities.backend: expected one of builtin"),
    ("entities.spacy_model", "7", "entities.spacy_model: expected a string, got integer 7"),
]


@pytest.mark.parametrize(("key", "value", "message"), BAD_VALUES)
def test_a_bad_value_falls_back_to_its_default_with_a_problem_on_its_line(
    config_dir: Path, key: str, value: str, message: str
) -> None:
    text, line = with_value(key, value)
    loaded = load_text(config_dir, text)
    assert len(loaded.problems) == 1, messages(loaded)
    problem = loaded.problems[0]
    assert problem.line == line
    assert problem.key.startswith(key)
    assert str(problem).startswith(f"{config_dir / 'config.toml'}:{line}: {message}")
    assert loaded.config == with_default(GOOD, key)


def test_the_example_message_from_the_brief(config_dir: Path) -> None:
    loaded = load_text(config_dir, '\n\n\n\n\n[reader]\nsort = "newest"\n')
    path = config_dir / "config.toml"
    assert messages(loaded) == [
        f"{path}:7: reader.sort: expected one of date, source, title, unread-first, "
        'got string "newest"'
    ]


def test_a_bad_per_source_value_falls_back_to_the_global_setting(config_dir: Path) -> None:
    text = GOOD_FILE.replace("max_items = 500", 'max_items = "lots"')
    line = text.splitlines().index('max_items = "lots"') + 1
    loaded = load_text(config_dir, text)
    assert messages(loaded) == [
        f"{config_dir / 'config.toml'}:{line}: "
        'sources."https://example.com/feed.xml".max_items: expected an integer, got string "lots"'
    ]
    feed = loaded.config.source_settings("https://example.com/feed.xml")
    assert feed is not None
    assert (feed.max_items, feed.title, feed.tags) == (None, "Example", ("tech", "ai"))
    assert loaded.config.max_items_for("https://example.com/feed.xml") == 200


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("title", "5"),
        ("refresh_interval_minutes", "-1"),
        ("max_items", "1.5"),
        ("max_age_days", "false"),
        ("tags", '"tech"'),
        ("tags", '["tech", ""]'),
    ],
)
def test_each_bad_per_source_value_is_reported_on_its_line(
    config_dir: Path, name: str, value: str
) -> None:
    text = '[sources."/srv/news.txt"]\ntitle = "News"\ntags = ["a"]\n'
    text = text.replace(f"{name} = ", f"{name}_old = ") + f"{name} = {value}\n"
    text = text.replace(f"{name}_old = ", "# was: ")
    loaded = load_text(config_dir, text)
    assert [(p.line, p.key.split("[")[0]) for p in loaded.problems] == [
        (4, f'sources."/srv/news.txt".{name}')
    ]
    [entry] = loaded.config.sources
    assert getattr(entry, name) == getattr(SourceSettings("x"), name)


def test_a_bad_ignore_rule_is_skipped_and_the_others_kept(config_dir: Path) -> None:
    text = GOOD_FILE.replace('action = "mark-read"', 'action = "delete"')
    text += '\n[[ignore]]\naction = "hide"\n'
    lines = text.splitlines()
    loaded = load_text(config_dir, text)
    assert [(p.line, p.key) for p in loaded.problems] == [
        (lines.index('action = "delete"') + 1, "ignore[1].action"),
        (len(lines) - 1, "ignore[2]"),
    ]
    assert 'ignore[2]: missing "query"' in str(loaded.problems[1])
    assert loaded.config.ignore == (IgnoreRule("sponsored"),)


def test_bad_keys_queries_and_tables_are_reported(config_dir: Path) -> None:
    text = (
        "[keys]\n"
        'bookmark = "ctrl + b"\n'
        "quit = 3\n"
        'next = "n"\n'
        "[queries]\n"
        '"Empty" = ""\n'
        '"Good" = "unread"\n'
        "[sources]\n"
        'title = "not a table"\n'
    )
    loaded = load_text(config_dir, text)
    assert [(p.line, p.key) for p in loaded.problems] == [
        (2, "keys.bookmark"),
        (3, "keys.quit"),
        (6, "queries.Empty"),
        (9, "sources.title"),
    ]
    assert loaded.config.keys == (KeyRemap("next", ("n",)),)
    assert loaded.config.queries == (SavedQuery("Good", "unread"),)
    assert loaded.config.sources == ()


def test_a_section_that_is_not_a_table_keeps_its_defaults(config_dir: Path) -> None:
    loaded = load_text(config_dir, 'theme = "nord"\nreader = "wide"\n')
    assert messages(loaded) == [
        f'{config_dir / "config.toml"}:2: reader: expected a table, got string "wide"'
    ]
    assert loaded.config == Config(theme="nord")


# --- unknown keys -------------------------------------------------------------


def test_an_unknown_key_is_reported_with_the_closest_known_key(config_dir: Path) -> None:
    loaded = load_text(config_dir, "[refresh]\non_start = true\n\nintervall = 5\n")
    assert messages(loaded) == [
        f'{config_dir / "config.toml"}:4: unknown key "refresh.intervall" '
        '(did you mean "refresh.interval_minutes"?)'
    ]
    assert loaded.config.refresh.on_start is True


def test_unknown_keys_everywhere_are_reported_never_ignored(config_dir: Path) -> None:
    text = (
        'colour = "red"\n'  # 1: nothing like it
        'sort = "title"\n'  # 2: belongs in [reader]
        "[readr]\n"  # 3: a misspelt table: reported once, not per key
        'sort = "title"\n'
        "[[ignore]]\n"  # 5
        'query = "x"\n'
        'acton = "hide"\n'  # 7
        '[sources."https://x.example/feed"]\n'  # 8
        'titel = "X"\n'  # 9
    )
    loaded = load_text(config_dir, text)
    assert [(p.line, p.message) for p in loaded.problems] == [
        (1, 'unknown key "colour"'),
        (2, 'unknown key "sort" (did you mean "reader.sort"?)'),
        (3, 'unknown key "readr" (did you mean "reader"?)'),
        (7, 'unknown key "ignore[0].acton" (did you mean "ignore[0].action"?)'),
        (
            9,
            'unknown key sources."https://x.example/feed".titel '
            '(did you mean sources."https://x.example/feed".title?)',
        ),
    ]
    assert loaded.config.reader.sort == "date"
    # A rule with a mistake in it could hide the wrong articles: it is skipped.
    assert loaded.config.ignore == ()


# --- files that cannot be used ---------------------------------------------------


def test_a_syntax_error_names_its_line_and_uses_all_defaults(config_dir: Path) -> None:
    loaded = load_text(config_dir, 'theme = "nord"\n\n[reader]\nsort = = "title"\n')
    assert loaded.config == Config()
    [problem] = loaded.problems
    assert problem.line == 4
    assert str(problem).startswith(f"{config_dir / 'config.toml'}:4: syntax error: ")
    assert "\n" not in str(problem)


def test_a_duplicate_key_is_a_syntax_error_on_its_line(config_dir: Path) -> None:
    loaded = load_text(config_dir, 'theme = "nord"\ntheme = "gruvbox"\nwatch = []\n')
    assert loaded.config == Config()
    assert [problem.line for problem in loaded.problems] == [2]


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(config_dir: Path) -> None:
    loaded = load_text(config_dir, b'theme = "nord"\nwatch = ["Caf\xe9"]\n')
    assert loaded.config == Config()
    assert messages(loaded) == [
        f"{config_dir / 'config.toml'}:2: not UTF-8 text (byte 0xe9); using the default settings"
    ]


def test_a_utf8_byte_order_mark_is_accepted(config_dir: Path) -> None:
    loaded = load_text(config_dir, b'\xef\xbb\xbftheme = "nord"\n')
    assert loaded.problems == ()
    assert loaded.config.theme == "nord"


def test_a_directory_in_place_of_the_file_is_one_problem(config_dir: Path) -> None:
    (config_dir / "config.toml").mkdir(parents=True)
    loaded = load_config(config_dir)
    assert loaded.config == Config()
    assert messages(loaded) == [
        f"{config_dir / 'config.toml'}: is a directory, not a file; using the default settings"
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_an_unreadable_file_is_one_problem(config_dir: Path) -> None:
    path = write(config_dir, 'theme = "nord"\n')
    path.chmod(0)
    try:
        loaded = load_config(config_dir)
    finally:
        path.chmod(0o600)
    assert loaded.config == Config()
    assert messages(loaded) == [
        f"{path}: cannot be read: permission denied; using the default settings"
    ]


def test_a_read_error_is_one_problem(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(config_dir, 'theme = "nord"\n')

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    loaded = load_config(config_dir)
    assert loaded.config == Config()
    assert messages(loaded) == [
        f"{path}: cannot be read: permission denied; using the default settings"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_opened(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    os.mkfifo(config_dir / "config.toml")
    loaded = load_config(config_dir)  # would block forever if it opened the pipe
    assert loaded.config == Config()
    assert "is not a regular file" in messages(loaded)[0]


def test_a_huge_file_is_refused_without_reading_it_all(config_dir: Path) -> None:
    loaded = load_text(config_dir, "# padding\n" * 200_000)
    assert loaded.config == Config()
    assert "too large" in messages(loaded)[0]


def test_loading_never_modifies_the_file(config_dir: Path) -> None:
    bad = GOOD_FILE + "\nunknown = 1\n[reader]\n"  # a duplicate table: a syntax error
    for text in (GOOD_FILE, GOOD_FILE + "\nunknown = 1\n", bad):
        path = write(config_dir, text)
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        load_config(config_dir)
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        assert sorted(p.name for p in config_dir.iterdir()) == ["config.toml"]


# --- finding the line of a key ---------------------------------------------------

TRICKY = '''\
# [reader] in a comment, sort = "x"
title = """
sort = "not a key"
[not.a.table]
"""
lit = \'\'\'
[[ignore]]\'\'\'
"dotted.in.quotes" = 1
'single' . "double" . bare = 2
esc = "a \\" [fake] = \\" b" # tail = 1
arr = [
  1, # ] not the end
  [2, 3],
  { x = 1 },
]

[ "sources" . "https://x/?a=[1]#f" ]   # comment ]
tags = ["a"]

[[ignore]]
query = 'it"s # [x]'
[[ignore]]

query = """two
lines"""
after = true
[a.b]
c = "\\u0041"
"\\u0041" = 1
'''


def test_key_lines_understand_strings_arrays_and_quoted_keys() -> None:
    lines = key_lines(TRICKY)
    assert lines[("title",)] == 2
    assert lines[("lit",)] == 6
    assert lines[("dotted.in.quotes",)] == 8
    assert lines[("single", "double", "bare")] == 9
    assert lines[("single",)] == 9
    assert lines[("esc",)] == 10
    assert lines[("arr", 0)] == 12
    assert lines[("arr", 1)] == 13
    assert lines[("arr", 2, "x")] == 14
    assert lines[("sources", "https://x/?a=[1]#f")] == 17
    assert lines[("sources", "https://x/?a=[1]#f", "tags", 0)] == 18
    assert lines[("ignore", 0)] == 20
    assert lines[("ignore", 0, "query")] == 21
    assert lines[("ignore", 1)] == 22
    assert lines[("ignore", 1, "query")] == 24
    assert lines[("ignore", 1, "after")] == 26
    assert lines[("a", "b", "c")] == 28
    assert lines[("a", "b", "A")] == 29
    assert ("sort",) not in lines
    assert ("reader",) not in lines
    assert ("not", "a", "table") not in lines
    assert ("tail",) not in lines


def test_key_lines_agree_with_tomllib_on_which_keys_exist() -> None:
    def paths(value: object, prefix: tuple[str | int, ...] = ()) -> set[tuple[str | int, ...]]:
        found: set[tuple[str | int, ...]] = {prefix} if prefix else set()
        if isinstance(value, dict):
            for key, item in value.items():
                found |= paths(item, (*prefix, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                found |= paths(item, (*prefix, index))
        return found

    for text in (TRICKY, GOOD_FILE, config_template()):
        assert set(key_lines(text)) == paths(tomllib.loads(text))


def test_key_lines_with_windows_line_endings() -> None:
    assert key_lines(TRICKY.replace("\n", "\r\n")) == key_lines(TRICKY)


def test_problems_after_multiline_strings_have_the_right_line(config_dir: Path) -> None:
    text = 'theme = """\nsort = 1\n[reader]\n"""\n[reader]\nsort = 5\n'
    loaded = load_text(config_dir, text)
    assert [(p.line, p.key) for p in loaded.problems] == [(6, "reader.sort")]


# --- the template and the effective config -------------------------------------


def test_the_template_loads_with_no_problems_to_the_defaults(config_dir: Path) -> None:
    loaded = load_text(config_dir, config_template())
    assert loaded.problems == ()
    assert loaded.config == Config()


def test_the_template_sets_and_explains_every_fixed_key() -> None:
    document = tomllib.loads(config_template())
    assert set(document) >= {setting.name for setting in TOP_LEVEL} | set(SECTIONS)
    for section, settings in SECTIONS.items():
        assert set(document[section]) == {setting.name for setting in settings}
    lines = config_template().splitlines()
    for index, line in enumerate(lines):
        if " = " in line and not line.startswith("#"):
            assert lines[index - 1].startswith("# "), f"no explanation above {line!r}"
    for setting in SOURCE:
        assert f"# {setting.name} = " in config_template()
    assert "# [[ignore]]" in config_template()


def test_the_schema_covers_every_field_of_the_typed_config() -> None:
    for section, settings in SECTIONS.items():
        fields = {field.name for field in dataclasses.fields(getattr(Config(), section))}
        assert fields == {setting.name for setting in settings}
    source_fields = {field.name for field in dataclasses.fields(SourceSettings)} - {"key"}
    assert source_fields == {setting.name for setting in SOURCE}
    keys = [row.key for row in settings_reference()]
    assert "reader.sidebar_width" in keys
    assert 'sources."KEY".tags' in keys


def test_the_effective_config_as_toml_loads_back_to_itself(config_dir: Path) -> None:
    odd = dataclasses.replace(
        GOOD,
        watch=('Quote "this"', "Back\\slash", "Ünïcode"),
        queries=(SavedQuery('a "quoted" name', "tag:x"), SavedQuery("tab\there", "y")),
    )
    loaded = load_text(config_dir, config_to_toml(odd))
    assert loaded.problems == ()
    assert loaded.config == odd


def test_config_as_dict_has_the_shape_of_the_file() -> None:
    document = config_to_dict(GOOD)
    assert document == json.loads(json.dumps(document))
    assert document["reader"]["columns"] == ["source", "reading-time", "entities"]
    assert document["keys"] == {"bookmark": "B", "quit": "q,ctrl+q"}
    assert document["ignore"][1] == {"query": "horoscope", "action": "mark-read"}
    assert document["sources"]["~/news/local.txt"] == {"tags": ["local"]}


# --- the command line ---------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_config_init_writes_the_template_creating_the_directory(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    code, out, err = run(capsys, "config", "--init")
    path = config_dir / "config.toml"
    assert (code, err) == (0, "")
    assert str(path) in out
    assert path.read_text(encoding="utf-8") == config_template()
    assert not (config_dir / "newsread.db").exists(), "config never opens the library"


def test_a_second_init_refuses_and_leaves_the_file_alone(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    path = write(config_dir, 'theme = "nord"  # mine\n')
    before = path.read_bytes()
    code, out, err = run(capsys, "config", "--init")
    assert code == 2
    assert out == ""
    assert err == f"newsread: error: {path} already exists; not overwriting it " + (
        "(see 'newsread config --check')\n"
    )
    assert path.read_bytes() == before


def test_config_init_works_when_the_library_is_corrupt(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "newsread.db").write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "config", "--init")
    assert (code, err) == (0, "")
    assert load_config(config_dir).problems == ()


def test_config_path_prints_where_the_file_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--config-dir", str(tmp_path / "elsewhere"), "config", "--path")
    assert (code, out) == (0, f"{tmp_path / 'elsewhere' / 'config.toml'}\n")
    assert not (tmp_path / "elsewhere").exists()


def test_config_check_exit_status(capsys: pytest.CaptureFixture[str], config_dir: Path) -> None:
    code, out, _ = run(capsys, "config", "--check")
    assert code == 0
    assert "no config file" in out
    write(config_dir, GOOD_FILE)
    code, out, _ = run(capsys, "config", "--check")
    assert (code, out) == (0, f"{config_dir / 'config.toml'}: ok\n")
    write(config_dir, '[reader]\nsort = "newest"\nwidth = 3\n')
    code, out, err = run(capsys, "config", "--check")
    assert code == 2
    assert err == ""
    path = config_dir / "config.toml"
    assert out.splitlines() == [
        f"{path}:2: reader.sort: expected one of date, source, title, unread-first, "
        'got string "newest"',
        f'{path}:3: unknown key "reader.width" (did you mean "reader.sidebar_width"?)',
        f"2 problems in {path}",
    ]


def test_config_prints_the_settings_in_effect(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    write(config_dir, GOOD_FILE.replace('theme = "nord"', "theme = 1"))
    code, out, err = run(capsys, "config")
    assert code == 0
    assert err.startswith("newsread: warning: ")
    assert "theme: expected a string" in err
    assert tomllib.loads(out) == config_to_dict(dataclasses.replace(GOOD, theme="tokyo-night"))
    code, out, _ = run(capsys, "config", "--json")
    assert code == 0
    assert json.loads(out)["reader"]["sidebar_width"] == 60


def test_library_commands_warn_about_config_problems_and_carry_on(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    write(config_dir, '[reader]\nsort = "newest"\n[refresh]\nintervall = 5\n')
    code, out, err = run(capsys, "list", "--json")
    assert code == 0
    assert len(json.loads(out)) == 5
    assert err.splitlines() == [
        f"newsread: warning: {config_dir / 'config.toml'}:2: reader.sort: "
        'expected one of date, source, title, unread-first, got string "newest"',
        f'newsread: warning: {config_dir / "config.toml"}:4: unknown key "refresh.intervall" '
        '(did you mean "refresh.interval_minutes"?)',
    ]


def test_a_broken_config_never_stops_a_library_command(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    write(config_dir, b"\x00\xff garbage [[[")
    code, out, err = run(capsys, "list", "--json")
    assert code == 0
    assert len(json.loads(out)) == 5
    assert err.count("\n") == 1
    assert err.startswith("newsread: warning: ")
