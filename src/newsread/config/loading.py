"""Read config.toml: never raises for what is in the file, never writes to it.

Without a file, loading is a `stat` and the defaults. A file that is there is
read by `config.reading` (with `ConfigProblem`), imported only then; the TOML
parser, the validators and the line finder load only when there is text to parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsread.config.model import Config
from newsread.paths import CONFIG_NAME

if TYPE_CHECKING:
    from newsread.config.reading import ConfigProblem as ConfigProblem


def __getattr__(name: str) -> Any:
    """`ConfigProblem`, which `config.reading` defines, imported when first asked for."""
    if name != "ConfigProblem":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from newsread.config.reading import ConfigProblem

    return ConfigProblem


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    """The config in effect, the problems found reading it, and the file it came from."""

    config: Config
    problems: tuple[ConfigProblem, ...]
    path: Path

    @property
    def ok(self) -> bool:
        """True when the file (if any) had no problems."""
        return not self.problems


def config_file(directory: Path) -> Path:
    """Where config.toml lives in the config `directory`."""
    return directory / CONFIG_NAME


def load_config(directory: Path) -> LoadedConfig:
    """Load config.toml from `directory`: defaults where it is missing, bad or silent.

    Problems (unreadable file, bad encoding, syntax errors, unknown keys, wrong
    types or values) are collected as warnings, never raised.
    """
    path = config_file(directory)
    if _absent(path):
        return LoadedConfig(Config(), (), path)
    from newsread.config.reading import read_config

    config, problems = read_config(path)
    return LoadedConfig(config, problems, path)


def _absent(path: Path) -> bool:
    """True when no file can be at `path`, as `reading` decides should it vanish meanwhile.

    Any other failure is for `reading` to report, with its reason.
    """
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False
