"""The article library: a SQLite store that owns every query the faces make.

`FeedValidators`, `RemovedSource` and `IngestResult` belong to the parts that
manage sources and ingest articles, which load on first use: opening the
reader needs neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from newsread.lazy_names import load_on_first_use
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
    return load_on_first_use(globals(), _ON_FIRST_USE, name)


__all__ = [
    "ArticleFilter",
    "ArticleView",
    "FeedValidators",
    "IngestResult",
    "Library",
    "RemovedSource",
    "ViewQuery",
]
