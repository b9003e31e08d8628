"""Where newsread keeps its files: one config directory, nothing written outside it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from newsread.errors import ConfigError

APP_NAME = "newsread"
CONFIG_DIR_ENV = "NEWSREAD_CONFIG_DIR"
DATABASE_NAME = "newsread.db"
CONFIG_NAME = "config.toml"
BACKUPS_NAME = "backups"


def config_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the config directory: `override`, else `$NEWSREAD_CONFIG_DIR`, else the platform's."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(CONFIG_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME))


def ensure_config_dir(directory: Path) -> Path:
    """Create `directory` if needed and check it is a writable directory."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(
            f"cannot create config directory {directory}: {error.strerror}"
        ) from error
    if not directory.is_dir():
        raise ConfigError(f"config directory {directory} is not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ConfigError(f"config directory {directory} is not writable")
    return directory


def database_path(directory: Path) -> Path:
    """The library database inside the config directory."""
    return directory / DATABASE_NAME


def backups_dir(directory: Path) -> Path:
    """Where the automatic library backups are kept, inside the config directory."""
    return directory / BACKUPS_NAME
