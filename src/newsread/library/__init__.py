"""The article library: a SQLite store that owns every query the faces make."""

from newsread.library.sources import FeedValidators, RemovedSource
from newsread.library.store import IngestResult, Library
from newsread.library.views import ArticleFilter, ArticleView, ViewQuery

__all__ = [
    "ArticleFilter",
    "ArticleView",
    "FeedValidators",
    "IngestResult",
    "Library",
    "RemovedSource",
    "ViewQuery",
]
