"""Shared fixtures. Every test runs with its own config directory, never the user's."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from newsread.library import Library
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh config directory, exported as NEWSREAD_CONFIG_DIR for the test's duration."""
    directory = tmp_path / "config"
    monkeypatch.setenv("NEWSREAD_CONFIG_DIR", str(directory))
    return directory


LibraryFactory = Callable[[Sequence[ParsedArticle]], Library]


@pytest.fixture
def library(config_dir: Path) -> Iterator[Library]:
    """A library in the test's config directory holding the bundled sample articles."""
    opened = Library.open(database_path(ensure_config_dir(config_dir)))
    opened.add_sample_articles()
    yield opened
    opened.close()


@pytest.fixture
def make_library(tmp_path: Path) -> Iterator[LibraryFactory]:
    """Build libraries from parsed articles: `make_library([ParsedArticle(...), ...])`.

    Each call opens a new database under the test's temporary directory, stores
    the articles as one file source titled "Test source", and returns it open.
    """
    opened: list[Library] = []

    def build(articles: Sequence[ParsedArticle]) -> Library:
        directory = ensure_config_dir(tmp_path / f"library-{len(opened)}")
        built = Library.open(database_path(directory))
        opened.append(built)
        built.ingest(Source("test:articles", SourceKind.FILE, "Test source"), articles)
        return built

    yield build
    for built in opened:
        built.close()
