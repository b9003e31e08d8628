"""An article stored untagged is shown at once and gets its names from a worker."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from rich.console import Console

from newsread.library import Library
from newsread.library import tagging as tagging_module
from newsread.library.tagging import ArticleEntities
from newsread.model import Entity, ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_view import ArticleView
from pilot_wait import wait_for

SIZE = (120, 40)


def screen_text(app: NewsreadApp) -> str:
    """Everything on the terminal right now, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


BODY = "Ada Lovelace wrote to the Analytical Society from London."


async def test_an_untagged_article_is_shown_at_once_and_tagged_off_the_ui_thread(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagged_on: list[str] = []
    release = threading.Event()

    def slow_extract(body: str, title: str = "") -> ArticleEntities:
        tagged_on.append(threading.current_thread().name)
        release.wait(10)  # as slow as the user likes: the screen must not wait for it
        return ArticleEntities(body=[Entity(0, 12, "PERSON", "Ada Lovelace", "ada lovelace")])

    monkeypatch.setattr(tagging_module, "extract_entities", slow_extract)
    with Library.open(database_path(ensure_config_dir(config_dir))) as library:
        library.ingest(
            Source("test:feed", SourceKind.FEED, "Test feed"),
            [ParsedArticle(title="A letter", body=BODY, key="a")],
            extract_entities=False,
        )
        app = NewsreadApp(library, config_dir)
        async with app.run_test(size=SIZE) as pilot:
            view = app.screen.query_one(ArticleView)
            await wait_for(pilot, lambda: view.shown_id is not None)
            assert "Ada Lovelace wrote" in screen_text(app)
            assert library.stored_entities(view.shown_id or "") is None, "not tagged yet"
            release.set()
            await wait_for(pilot, lambda: bool(library.stored_entities(view.shown_id or "")))
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "1 person" in screen_text(app)
        assert tagged_on and all(name != threading.main_thread().name for name in tagged_on)
