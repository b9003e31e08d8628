"""The article library: a SQLite store that owns every query the faces make.

`FeedValidators`, `RemovedSource` and `IngestResult` belong to the parts that
manage sources and ingest articles, which load on first use: opening the
reader needs neither.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Final

from newsread.library.store import Library
from newsread.library.views import ArticleFilter, ArticleView, ViewQuery

if TYPE_CHECKING:
    from newsread.library.ingesting import IngestResult
    from newsread.library.sources import FeedValidators, RemovedSource

_ON_FIRST_USE: Final = {
    "FeedValidators": "newsread.library.sources",
    "RemovedSource": "newsread.library.sources",
    "IngestResult": "newsread.library.ingesting",
}
"""The package's names that live in modules imported only when a name is asked for."""


def __getattr__(name: str) -> Any:
    """Import the module defining `name` on first use (see `_ON_FIRST_USE`)."""
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ArticleFilter",
    "ArticleView",
    "FeedValidators",
    "IngestResult",
    "Library",
    "RemovedSource",
    "ViewQuery",
]
