"""`newsread config`: show the settings in effect, check config.toml, or write a commented one.

It never opens the library, so it works even when the database does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Final

from newsread.config import (
    LoadedConfig,
    config_file,
    config_template,
    config_to_dict,
    config_to_toml,
    load_config,
)
from newsread.errors import ConfigError
from newsread.paths import config_dir, ensure_config_dir
from newsread.textsafe import one_line

EXIT_PROBLEMS: Final = 2


def register(commands: Any) -> None:
    """Add the `config` subcommand to argparse `commands` (a subparsers action)."""
    parser = commands.add_parser(
        "config",
        help="show the settings in effect, check config.toml, or write a commented one",
        description="Without an option, print the settings in effect as TOML.",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--init",
        action="store_true",
        help="write a commented config.toml with every setting (never overwrites)",
    )
    what.add_argument("--path", action="store_true", help="print where config.toml is")
    what.add_argument(
        "--check", action="store_true", help="list problems in config.toml; exit 2 if any"
    )
    what.add_argument("--json", action="store_true", help="print the settings in effect as JSON")
    parser.set_defaults(handler=command_config, needs_library=False)


def command_config(args: argparse.Namespace) -> int:
    """Run `newsread config` with the options in `args`; returns the exit status."""
    directory = config_dir(args.config_dir)
    if args.path:
        print(config_file(directory))
        return 0
    if args.init:
        return _init(directory)
    loaded = load_config(directory)
    if args.check:
        return _check(loaded)
    for problem in loaded.problems:
        sys.stderr.write(f"newsread: warning: {one_line(str(problem))}\n")
    if args.json:
        json.dump(config_to_dict(loaded.config), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    origin = str(loaded.path) if loaded.path.exists() else "defaults (no config file)"
    sys.stdout.write(f"# Settings in effect: {one_line(origin)}\n")
    sys.stdout.write(config_to_toml(loaded.config))
    return 0


def _init(directory: Path) -> int:
    path = config_file(directory)
    ensure_config_dir(directory)
    shown = one_line(str(path))
    created = False
    try:
        # Mode "x" refuses any existing file, even one created a moment ago.
        with path.open("x", encoding="utf-8") as file:
            created = True
            file.write(config_template())
    except FileExistsError as error:
        raise ConfigError(
            f"{shown} already exists; not overwriting it (see 'newsread config --check')"
        ) from error
    except OSError as error:
        if created:
            # Half a template would load with problems: leave no file rather than that.
            path.unlink(missing_ok=True)
        reason = one_line(error.strerror or str(error)).lower()
        raise ConfigError(f"cannot write {shown}: {reason}") from error
    print(f"Wrote {shown}")
    return 0


def _check(loaded: LoadedConfig) -> int:
    shown = one_line(str(loaded.path))
    for problem in loaded.problems:
        print(one_line(str(problem)))
    if loaded.problems:
        count = len(loaded.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {shown}")
        return EXIT_PROBLEMS
    if not loaded.path.exists():
        print(f"{shown}: no config file; using the default settings")
    else:
        print(f"{shown}: ok")
    return 0
