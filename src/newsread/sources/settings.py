"""Per-source settings from config.toml that the library stores: titles and tags.

`[sources."KEY"]` tables are written with the URL or path the user added;
`Config.source_settings` matches them to stored sources (URLs as written,
paths resolved like `newsread add` resolves them). The config is the truth:
a source it does not name shows its own title and has no tags.
"""

from __future__ import annotations

from collections.abc import Collection

from newsread.config import Config
from newsread.library import Library
from newsread.library.source_labels import LabelsFor, SourceLabels


def labels_from_config(config: Config) -> LabelsFor:
    """The title and tags `config` gives the source with a key (none for sources it omits)."""

    def labels_for(key: str) -> SourceLabels:
        settings = config.source_settings(key)
        if settings is None:
            return SourceLabels()
        return SourceLabels(title=settings.title, tags=settings.tags)

    return labels_for


def apply_source_settings(
    library: Library, config: Config, keys: Collection[str] | None = None
) -> int:
    """Store the titles and tags `config` sets for these sources (all when None).

    Cheap when nothing changed (one read, no write); returns how many sources changed.
    """
    return library.apply_source_labels(labels_from_config(config), keys)
