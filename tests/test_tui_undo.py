"""`u` in the reader: every read, unread, bookmark and mark-all change can be taken back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from newsread.library import Library, ViewQuery
from newsread.library.state import Flag, StateChange
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.tui.app import NewsreadApp
from newsread.tui.undo import UNDO_LIMIT, UndoHistory, describe_change

SIZE = (120, 40)
WIRE = Source("https://wire.example/feed.xml", SourceKind.FEED, "Wire")


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent)


def messages(app: NewsreadApp) -> list[str]:
    return [note.message for note in app._notifications]


def first(library: Library) -> tuple[bool, bool]:
    summary = library.list_articles(ViewQuery())[0]
    return summary.read, summary.bookmarked


def wire_stories(count: int, prefix: str = "s") -> list[ParsedArticle]:
    return [
        ParsedArticle(
            title=f"Wire story {number}",
            body="Text.",
            key=f"{prefix}{number}",
            published=f"2024-01-01T00:00:{number % 60:02d}Z",
        )
        for number in range(count)
    ]


@pytest.fixture
def big_library(config_dir: Path) -> Iterator[Library]:
    """A few thousand articles, stored untagged (the tagger is not what is tested here)."""
    opened = Library.open(database_path(ensure_config_dir(config_dir)))
    opened.ingest(WIRE, wire_stories(3000), extract_entities=False)
    yield opened
    opened.close()


async def test_u_takes_back_a_toggle_and_a_bookmark(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "b")
        await pilot.pause()
        assert first(library) == (True, True)
        await pilot.press("u")
        await pilot.pause()
        assert first(library) == (True, False)
        assert messages(app)[-1] == "Undid: bookmarked 1 article"
        await pilot.press("u")
        await pilot.pause()
        assert first(library) == (False, False)
        assert messages(app)[-1] == "Undid: marked 1 article read"
        assert "5 unread · 0 bookmarked" in str(app.screen.sub_title)


async def test_u_takes_back_the_read_mark_of_opening(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert first(library)[0]
        await pilot.press("u")
        await pilot.pause()
        assert not first(library)[0]
        assert messages(app)[-1] == "Undid: marked 1 article read"


async def test_nothing_to_undo_says_so(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert messages(app) == ["Nothing to undo."]
        assert library.counts().unread == 5


async def test_undo_a_mark_all_of_thousands_keeping_earlier_reads(big_library: Library) -> None:
    app = make_app(big_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "j", "j", "m")  # rows 0 and 2 read by hand
        await pilot.pause()
        read_by_hand = {s.id for s in big_library.list_articles(ViewQuery()) if s.read}
        assert len(read_by_hand) == 2
        await pilot.press("A")
        await pilot.pause()
        assert big_library.counts().unread == 0
        assert "Marked 2,998 articles read." in messages(app)
        await pilot.press("u")
        await pilot.pause()
        assert messages(app)[-1] == "Undid: marked 2,998 articles read"
        now_read = {s.id for s in big_library.list_articles(ViewQuery()) if s.read}
        assert now_read == read_by_hand
        assert "2,998 unread" in str(app.screen.sub_title)


async def test_undo_after_a_refresh_restores_the_right_articles(big_library: Library) -> None:
    app = make_app(big_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("A")
        await pilot.pause()
        # What a refresh does meanwhile: new articles (one already read elsewhere).
        big_library.ingest(WIRE, wire_stories(3, prefix="new"), extract_entities=False)
        fresh = big_library.list_articles(ViewQuery(search="new0"))
        big_library.set_read([summary.id for summary in fresh], True)
        await pilot.press("u")
        await pilot.pause()
        assert big_library.counts().unread == 3000 + 3 - len(fresh)


async def undo_times(pilot: Pilot[None], times: int) -> None:
    for _ in range(times):
        await pilot.press("u")


async def test_fifty_changes_can_all_be_undone(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*("m" * 51))
        await pilot.pause()
        assert first(library)[0]
        await undo_times(pilot, 50)
        await pilot.pause()
        assert first(library)[0], "one toggle is left: read"
        await pilot.press("u")
        await pilot.pause()
        assert not first(library)[0]
        assert messages(app)[-1] == "Undid: marked 1 article read"
        await pilot.press("u")
        await pilot.pause()
        assert messages(app)[-1] == "Nothing to undo."


def change(number: int) -> StateChange:
    return StateChange(Flag.READ, True, (f"{number:012x}",), (None,))


def test_the_history_keeps_the_newest_changes_up_to_its_limit() -> None:
    history = UndoHistory()
    for number in range(UNDO_LIMIT + 20):
        history.push(change(number))
    history.push(StateChange(Flag.READ, True))  # changed nothing: not kept
    assert len(history) == UNDO_LIMIT >= 50
    popped = [history.pop() for _ in range(UNDO_LIMIT)]
    assert popped[0] == change(UNDO_LIMIT + 19)
    assert popped[-1] == change(20)
    assert history.pop() is None


@pytest.mark.parametrize(
    ("flag", "on", "count", "said"),
    [
        (Flag.READ, True, 1234, "marked 1,234 articles read"),
        (Flag.READ, False, 1, "marked 1 article unread"),
        (Flag.BOOKMARKED, True, 1, "bookmarked 1 article"),
        (Flag.BOOKMARKED, False, 2, "removed the bookmark from 2 articles"),
    ],
)
def test_changes_are_described_as_a_person_says_them(
    flag: Flag, on: bool, count: int, said: str
) -> None:
    ids = tuple(f"{number:012x}" for number in range(count))
    assert describe_change(StateChange(flag, on, ids, (None,) * count)) == said
