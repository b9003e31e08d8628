"""config.toml → a typed `Config`: loading, validation with line numbers, the `--init` template.

Pure: no Textual, no writes. `load_config(directory)` never raises for what is
in the file; every problem comes back as a one-line `ConfigProblem`.

The settings themselves (`config.model`) load with the package; the entries of
its lists and tables (`config.entries`), loading, writing and the template load
on first use, so a reader started without a config.toml never imports the TOML
parser or the validators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from newsread.config.model import Config, EntitiesConfig, ReaderConfig, RefreshConfig
from newsread.lazy_names import load_on_first_use

if TYPE_CHECKING:
    from newsread.config.entries import IgnoreRule, KeyRemap, SavedQuery, SourceSettings
    from newsread.config.loading import LoadedConfig, config_file, load_config
    from newsread.config.output import config_to_dict, config_to_toml
    from newsread.config.reading import ConfigProblem
    from newsread.config.template import SettingReference, config_template, settings_reference

_ON_FIRST_USE: Final = {
    "IgnoreRule": "newsread.config.entries",
    "KeyRemap": "newsread.config.entries",
    "SavedQuery": "newsread.config.entries",
    "SourceSettings": "newsread.config.entries",
    "ConfigProblem": "newsread.config.reading",
    "LoadedConfig": "newsread.config.loading",
    "config_file": "newsread.config.loading",
    "load_config": "newsread.config.loading",
    "config_to_dict": "newsread.config.output",
    "config_to_toml": "newsread.config.output",
    "SettingReference": "newsread.config.template",
    "config_template": "newsread.config.template",
    "settings_reference": "newsread.config.template",
}
"""The package's names that live in modules imported only when a name is asked for."""


def __getattr__(name: str) -> Any:
    """Import the module defining `name` on first use (see `_ON_FIRST_USE`)."""
    return load_on_first_use(globals(), _ON_FIRST_USE, name)


__all__ = [
    "Config",
    "ConfigProblem",
    "EntitiesConfig",
    "IgnoreRule",
    "KeyRemap",
    "LoadedConfig",
    "ReaderConfig",
    "RefreshConfig",
    "SavedQuery",
    "SettingReference",
    "SourceSettings",
    "config_file",
    "config_template",
    "config_to_dict",
    "config_to_toml",
    "load_config",
    "settings_reference",
]
