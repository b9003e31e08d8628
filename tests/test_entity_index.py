"""The entity index: filter by entity, top entities, related stories, watchlist, reading stats."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsread.entities
from newsread.cli import main
from newsread.errors import LibraryError
from newsread.library import ArticleFilter, Library, ViewQuery, migrations
from newsread.library.connection import Database
from newsread.library.views import FIRST_CHUNK
from newsread.model import Entity, ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

LibraryFactory = Callable[[list[ParsedArticle]], Library]

XAI_TURBINES = "Elon Musk confirms xAI’s purchase of five 380 MW natural gas turbines"
XAI_FUNDING = "Elon Musk’s xAI closes upsized $20B Series E funding round"
NVIDIA_ALPAMAYO = "Nvidia CEO Jensen Huang explains difference between Tesla FSD and Alpamayo"
TESLA_MUSK = "Tesla’s Musk Responds as Nvidia Unveils Open-Source Rival for Autonomy"


def titles_of(library: Library, query: ViewQuery) -> list[str]:
    return [summary.title for summary in library.list_articles(query)]


def id_of(library: Library, title: str) -> str:
    return next(s.id for s in library.list_articles(ViewQuery()) if s.title == title)


def rowid_of(library: Library, title: str) -> int:
    view = library.view(ViewQuery())
    rows = dict(zip((s.title for s in library.summaries(view.rowids)), view.rowids, strict=True))
    return rows[title]


# --- a predictable extractor for libraries built in tests ----------------------------------

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def capitalised_names(text: str) -> list[Entity]:
    """Every run of capitalised words is an organisation keyed by its lowercase text."""
    return [
        Entity(m.start(), m.end(), "ORG", m.group(), m.group().lower())
        for m in _CAPITALISED.finditer(text)
    ]


@pytest.fixture
def plain_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsread.entities, "extract", capitalised_names)


def story(key: str, body: str, *, title: str = "report", published: str | None = None) -> Any:
    return ParsedArticle(title=title, body=body, key=key, published=published)


# --- identity ----------------------------------------------------------------------------


def test_musk_and_elon_musk_are_one_entity(library: Library) -> None:
    article_id = id_of(library, TESLA_MUSK)
    musk = [e for e in library.article_entities(article_id) if "musk" in e.key]
    assert [e.key for e in musk] == ["elon musk"]
    assert library.resolve_entity("Musk").key == "elon musk"
    assert library.resolve_entity("ELON  musk").key == "elon musk"


def test_nvidia_in_capitals_and_not_are_one_entity(library: Library) -> None:
    article_id = id_of(library, NVIDIA_ALPAMAYO)
    forms = {e.text for e in library.entities(article_id) if e.key == "nvidia"}
    assert {"NVIDIA", "Nvidia"} <= forms
    nvidia = [e for e in library.article_entities(article_id) if e.key == "nvidia"]
    assert len(nvidia) == 1
    assert nvidia[0].mentions >= len(forms)
    info = library.entity("nvidia")
    assert info is not None and info.name == "Nvidia"  # the most common form


# --- entity filter -----------------------------------------------------------------------


def test_alpamayo_filters_to_exactly_the_two_articles_mentioning_it(library: Library) -> None:
    key = library.resolve_entity("Alpamayo").key
    assert sorted(titles_of(library, ViewQuery(entity_key=key))) == sorted(
        [NVIDIA_ALPAMAYO, TESLA_MUSK]
    )


def test_elon_musk_filters_to_all_five_articles_title_mentions_included(
    library: Library,
) -> None:
    key = library.resolve_entity("Elon Musk").key
    view = library.view(ViewQuery(entity_key=key))
    assert len(view) == 5
    counts = library.mention_counts(view.rowids, key)
    assert set(counts) == set(view.rowids) and all(count >= 1 for count in counts.values())
    # The funding story's body never names him: its headline does.
    funding = rowid_of(library, XAI_FUNDING)
    body_keys = {e.key for e in library.entities(id_of(library, XAI_FUNDING))}
    assert "elon musk" not in body_keys and counts[funding] >= 1


def test_entity_view_is_newest_first_and_pages_lazily(
    plain_names: None, make_library: LibraryFactory
) -> None:
    count = FIRST_CHUNK * 3 + 7
    articles = [
        story(f"a{n}", f"Zenith Works met Other{n} today.", published=f"2024-01-{1 + n % 28:02d}")
        for n in range(count)
    ] + [
        story("undated", "Zenith Works again."),
        story("other", "Nobody here.", published="2023-01-01"),
    ]
    library = make_library(articles)
    view = library.view(ViewQuery(entity_key="zenith works"))
    assert len(view) == count + 1
    plain = library.view(ViewQuery())
    mentioning = set(library.mention_counts(plain.rowids, "zenith works"))
    assert len(mentioning) == count + 1
    # Read from the far end first, as a jump to the bottom of the list does.
    assert view.rowids[-1] == plain.rowids[-1]  # the undated article comes last
    assert list(view.rowids) == [rowid for rowid in plain.rowids if rowid in mentioning]


def test_entity_view_combines_with_filter_source_and_search(
    plain_names: None, make_library: LibraryFactory
) -> None:
    library = make_library(
        [
            story("a", "Zenith Works builds a harbour.", title="Harbour plan"),
            story("b", "Zenith Works sells shares.", title="Shares sold"),
            story("c", "Acme builds a harbour.", title="Another harbour"),
        ]
    )
    other = Source("test:other", SourceKind.FILE, "Other source")
    library.ingest(other, [story("d", "Zenith Works elsewhere.", title="Elsewhere")])
    key = "zenith works"
    assert sorted(titles_of(library, ViewQuery(entity_key=key))) == [
        "Elsewhere",
        "Harbour plan",
        "Shares sold",
    ]
    library.set_read([id_of(library, "Harbour plan")], True)
    unread = ViewQuery(ArticleFilter.UNREAD, entity_key=key)
    assert sorted(titles_of(library, unread)) == ["Elsewhere", "Shares sold"]
    assert titles_of(library, ViewQuery(entity_key=key, source_key="test:other")) == ["Elsewhere"]
    assert titles_of(library, ViewQuery(entity_key=key, search="harbour")) == ["Harbour plan"]


def test_unknown_entity_is_one_line_error_with_suggestions(library: Library) -> None:
    with pytest.raises(LibraryError) as raised:
        library.resolve_entity("nvda")
    message = str(raised.value)
    assert "\n" not in message and "'nvda'" in message and "Nvidia" in message


def test_find_entities_completes_prefixes_then_words_then_letters(library: Library) -> None:
    assert library.find_entities("alpa")[0].name == "Alpamayo"
    assert library.find_entities("huang")[0].key == "jensen huang"
    assert "nvidia" in [info.key for info in library.find_entities("nvda")]
    assert library.find_entities("") == []
    assert len(library.find_entities("e", limit=3)) == 3


# --- top entities ------------------------------------------------------------------------


def test_top_entities_rank_by_articles_and_filter_by_label(library: Library) -> None:
    top = library.top_entities(limit=3)
    assert top[0].key == "elon musk" and top[0].articles == 5
    assert [info.articles for info in top] == sorted((info.articles for info in top), reverse=True)
    people = library.top_entities("PERSON")
    assert people and all(info.label == "PERSON" for info in people)


def test_removing_a_source_takes_its_entities_out_of_the_index(
    plain_names: None, make_library: LibraryFactory
) -> None:
    library = make_library([story("a", "Zenith Works and Acme.")])
    other = Source("test:other", SourceKind.FILE, "Other source")
    library.ingest(other, [story("b", "Acme alone."), story("c", "Acme, Acme again.")])
    acme = library.entity("acme")
    assert acme is not None and (acme.articles, acme.mentions) == (3, 4)
    library.remove_source("test:other")
    acme = library.entity("acme")
    assert acme is not None and (acme.articles, acme.mentions) == (1, 1)
    library.remove_source("test:articles")
    assert library.entity("acme") is None and library.top_entities() == []


def test_a_changed_article_is_reindexed(plain_names: None, make_library: LibraryFactory) -> None:
    library = make_library([story("a", "Zenith Works here.")])
    library.ingest(
        Source("test:articles", SourceKind.FILE, "Test source"), [story("a", "Acme now.")]
    )
    assert library.entity("zenith works") is None
    assert len(library.view(ViewQuery(entity_key="acme"))) == 1


# --- related and stories -----------------------------------------------------------------


def test_related_articles_of_the_xai_turbines_story_include_the_funding_story(
    library: Library,
) -> None:
    related = library.related(id_of(library, XAI_TURBINES))
    assert related[0].article.title == XAI_FUNDING
    assert "xAI" in related[0].shared
    assert all(r.article.title != XAI_TURBINES for r in related)
    assert len(related) <= 5


def test_a_rare_shared_name_outranks_a_ubiquitous_one(
    plain_names: None, make_library: LibraryFactory
) -> None:
    filler = [story(f"f{n}", f"Acme news number {n}.") for n in range(8)]
    library = make_library(
        [
            story("subject", "Acme and Quillon Labs agree.", title="Subject"),
            story("rare", "Quillon Labs grows.", title="Shares the rare name"),
            story("common", "Acme grows.", title="Shares the common name"),
            *filler,
        ]
    )
    related = library.related(id_of(library, "Subject"))
    assert related[0].article.title == "Shares the rare name"
    assert related[0].shared == ("Quillon Labs",)
    assert related[0].score > related[1].score


SIGNED = "Quillon Labs and Vantor Bay sign."


def at(day: int, hour: int) -> str:
    return f"2025-03-{day:02d}T{hour:02d}:00:00+00:00"


def test_stories_group_different_sources_on_the_same_day(
    plain_names: None, make_library: LibraryFactory
) -> None:
    library = make_library(
        [
            story("a", SIGNED, title="deal", published=at(1, 9)),
            story("x", SIGNED, title="same source", published=at(1, 10)),
            story("late", SIGNED, title="too late", published=at(9, 10)),
        ]
    )
    wire = Source("test:wire", SourceKind.FEED, "Wire")
    library.ingest(
        wire,
        [
            story("b", "Vantor Bay, Quillon Labs: signed.", title="deal too", published=at(1, 20)),
            story("c", "Unrelated Things happen.", title="other", published=at(1, 20)),
        ],
    )
    assert [s.title for s in library.story_of(id_of(library, "deal"))] == ["deal too"]
    view = library.view(ViewQuery())
    groups = library.story_clusters(view.rowids)
    by_title = {
        rowid: s.title for rowid, s in zip(view.rowids, library.summaries(view.rowids), strict=True)
    }
    named = sorted(sorted(by_title[rowid] for rowid in group) for group in groups)
    # The wire's story is newest, so it leads and takes both of the other source's reports.
    assert named == [["deal", "deal too", "same source"], ["other"], ["too late"]]


# --- watchlist ---------------------------------------------------------------------------


def test_watching_xai_marks_both_xai_stories(library: Library) -> None:
    info = library.watch("xAI")
    assert info.key == "xai" and info.articles == 2
    view = library.view(ViewQuery())
    marked = library.watched_rowids(view.rowids)
    assert marked == {rowid_of(library, XAI_TURBINES), rowid_of(library, XAI_FUNDING)}
    assert sorted(titles_of(library, ViewQuery(watched=True))) == sorted(
        [XAI_FUNDING, XAI_TURBINES]
    )
    assert library.watched_keys() == frozenset({"xai"})


def test_watched_view_lists_each_article_once_newest_first(
    plain_names: None, make_library: LibraryFactory
) -> None:
    library = make_library(
        [
            story("both", "Acme and Zenith Works.", title="both", published="2025-01-03"),
            story("acme", "Acme alone.", title="acme", published="2025-01-04"),
            story("zenith", "Zenith Works alone.", title="zenith", published="2025-01-01"),
            story("undated", "Acme, undated.", title="undated"),
            story("neither", "Nobody.", title="neither", published="2025-01-05"),
        ]
    )
    library.watch_all(["Zenith Works", "Acme"])
    assert titles_of(library, ViewQuery(watched=True)) == ["acme", "both", "zenith", "undated"]
    both = ViewQuery(entity_key="acme", watched=True)
    assert titles_of(library, both) == ["acme", "both", "undated"]


def test_watchlist_persists_across_reopen_and_is_idempotent(config_dir: Path) -> None:
    path = database_path(ensure_config_dir(config_dir))
    with Library.open(path) as library:
        library.add_sample_articles()
        library.watch_all(["Nvidia", "NVIDIA", "Somebody Not Mentioned"])
    with Library.open(path) as library:
        watched = library.watched()
        assert [info.key for info in watched] == ["nvidia", "somebody not mentioned"]
        assert watched[1].articles == 0
        assert library.unwatch("nvidia") and not library.unwatch("nvidia")
        assert library.watched_keys() == frozenset({"somebody not mentioned"})


def test_new_articles_mentioning_followed_entities_are_counted(
    plain_names: None, make_library: LibraryFactory
) -> None:
    library = make_library([story("a", "Acme old news.")])
    library.watch("Acme")
    mark = library.newest_seq()
    source = Source("test:articles", SourceKind.FILE, "Test source")
    library.ingest(source, [story("b", "Acme again."), story("c", "Nothing."), story("d", "Acme!")])
    assert library.count_watched_since(mark) == 2


# --- reading stats -----------------------------------------------------------------------


def test_reading_stats_give_words_minutes_and_entities_by_type(
    plain_names: None, make_library: LibraryFactory
) -> None:
    body = " ".join(["word"] * 460) + " Acme and Zenith Works, see [link](https://x.invalid/a)."
    library = make_library([story("a", body, title="two words")])
    rowid = library.view(ViewQuery()).rowids[0]
    stats = library.reading_stats([rowid])[rowid]
    assert stats.words == 2 + 460 + 6  # the link's address is not read
    assert stats.minutes == 2
    assert stats.entities == (("ORG", 2),) and stats.tagged


# --- migration ---------------------------------------------------------------------------


def test_migrating_a_v4_library_keeps_state_and_retags(plain_names: None, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = Database.connect(path)
    for migration in migrations.MIGRATIONS[:4]:
        with database.writing() as conn:
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
    with database.writing() as conn:
        _insert_v4_article(conn)
    database.close()
    with Library.open(path) as library:
        [summary] = library.list_articles(ViewQuery())
        assert summary.read and summary.bookmarked
        assert library.untagged_count() == 1
        library.tag_pending()
        assert library.untagged_count() == 0
        assert library.resolve_entity("Jensen Huang").articles == 1
        assert titles_of(library, ViewQuery(entity_key="jensen huang")) == [summary.title]
    with sqlite3.connect(path) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == migrations.latest_version()


def _insert_v4_article(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO sources (id, key, kind, title, added_at) "
        "VALUES (1, 'file:x', 'file', 'Old', '2024-01-01')"
    )
    conn.execute(
        "INSERT INTO articles (rowid, id, source_id, origin_key, content_hash, seq, ingested_at, "
        "read, bookmarked, entities_version) "
        "VALUES (1, 'abcdef012345', 1, 'k', 'h', 1, '2024-01-01', 1, 1, 1)"
    )
    conn.execute(
        "INSERT INTO article_texts (article_rowid, title, body) VALUES "
        "(1, 'Chips news', 'Jensen Huang spoke in Taipei. Jensen Huang smiled.')"
    )
    conn.execute(
        'INSERT INTO entities (article_rowid, start, "end", label, text) '
        "VALUES (1, 0, 12, 'PERSON', 'Jensen Huang')"
    )


# --- command line ------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def test_cli_entities_json_lists_the_library_by_type(capsys: pytest.CaptureFixture[str]) -> None:
    found = run_json(capsys, "entities", "--json")
    assert found and all(set(e) == {"key", "name", "label", "articles", "mentions"} for e in found)
    musk = next(e for e in found if e["key"] == "elon musk")
    assert musk["articles"] == 5 and musk["label"] == "PERSON"
    labels = [e["label"] for e in found]
    assert labels == sorted(labels, key=labels.index)  # grouped: each label in one run
    code, out, _ = run(capsys, "entities")
    assert code == 0 and "Elon Musk" in out and "5 articles" in out


def test_cli_entities_of_one_article(capsys: pytest.CaptureFixture[str]) -> None:
    listed = run_json(capsys, "list", "--json")
    article_id = next(a["id"] for a in listed if a["title"] == NVIDIA_ALPAMAYO)
    found = run_json(capsys, "entities", article_id, "--json")
    assert all(set(e) == {"key", "name", "label", "mentions"} for e in found)
    names = {e["name"] for e in found}
    assert {"Jensen Huang", "Tesla", "Nvidia", "Alpamayo", "FSD"} <= names
    people = [e["mentions"] for e in found if e["label"] == "PERSON"]
    assert people == sorted(people, reverse=True)


def test_cli_list_entity_and_watched(capsys: pytest.CaptureFixture[str]) -> None:
    listed = run_json(capsys, "list", "--entity", "alpamayo", "--json")
    assert sorted(a["title"] for a in listed) == sorted([NVIDIA_ALPAMAYO, TESLA_MUSK])
    assert run_json(capsys, "list", "--watched", "--json") == []
    code, _out, err = run(capsys, "list", "--entity", "qqqzzz")
    assert code != 0 and err.count("\n") == 1 and "qqqzzz" in err
