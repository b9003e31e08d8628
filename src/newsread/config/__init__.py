"""config.toml → a typed `Config`: loading, validation with line numbers, the `--init` template.

Pure: no Textual, no writes. `load_config(directory)` never raises for what is
in the file; every problem comes back as a one-line `ConfigProblem`.
"""

from newsread.config.loading import ConfigProblem, LoadedConfig, config_file, load_config
from newsread.config.model import (
    Config,
    EntitiesConfig,
    IgnoreRule,
    KeyRemap,
    ReaderConfig,
    RefreshConfig,
    SavedQuery,
    SourceSettings,
)
from newsread.config.output import config_to_dict, config_to_toml
from newsread.config.template import SettingReference, config_template, settings_reference

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
