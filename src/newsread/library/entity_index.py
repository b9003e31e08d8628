"""Writing the entity index: one row per named entity per article, title and body together.

`entities` keeps the body's mentions with their offsets (what the article
view highlights and `show --json` prints). The index answers the other
questions — which articles mention X, how rare X is — so it holds only
names (people, organisations, places, products, events, other names; not
sums, dates or numbers), and it counts the headline too: "Elon Musk's xAI
closes …" mentions Elon Musk even when the body only says "Musk".
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsread.entities.identity import NAME_LABELS, name_key, unify
from newsread.model import Entity


@dataclass(frozen=True, slots=True)
class ArticleEntities:
    """What extraction found in one article: the body's entities and the title's."""

    body: Sequence[Entity]
    """Offsets into the body; stored in `entities` as they are."""
    title: Sequence[Entity] = ()
    """Offsets into the title; only their names reach the index."""


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One named entity of one article, as the index stores it."""

    key: str
    label: str
    """The label most of the article's mentions of it got."""
    name: str
    """The article's most common written form of it."""
    mentions: int


def entity_key(entity: Entity) -> str:
    """The entity's identity key (derived from its text when extraction gave none)."""
    return entity.key or name_key(entity.text)


def _title_keys(body: Sequence[Entity], title: Sequence[Entity]) -> list[str]:
    """Keys for the title's names that agree with the body's (`Musk` → `elon musk`)."""
    if not title:
        return []
    together = unify([*body, *title])
    return [entity_key(entity) for entity in together[len(body) :]]


def index_rows(found: ArticleEntities) -> list[IndexRow]:
    """The index rows of one article: its names, one row per key, with mention counts."""
    body = [entity for entity in found.body if entity.label in NAME_LABELS]
    title = [entity for entity in found.title if entity.label in NAME_LABELS]
    keyed = [(entity_key(entity), entity) for entity in body]
    keyed += zip(_title_keys(body, title), title, strict=True)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for key, entity in keyed:
        if key:
            labels[key][entity.label] += 1
            names[key][entity.text] += 1
    return [
        IndexRow(
            key=key,
            # most_common keeps first-seen order on ties, so the body's form wins those.
            label=labels[key].most_common(1)[0][0],
            name=names[key].most_common(1)[0][0],
            mentions=sum(names[key].values()),
        )
        for key in labels
    ]


def write_index(conn: sqlite3.Connection, rowid: int, rows: Sequence[IndexRow]) -> None:
    """Replace the article's index rows (call inside the transaction that stores its entities).

    The per-key counts in `entity_keys` and `entity_forms` follow by trigger.
    """
    conn.execute("DELETE FROM entity_mentions WHERE article_rowid = ?", (rowid,))
    conn.executemany(
        """
        INSERT INTO entity_mentions (key, article_rowid, label, name, mentions, published, seq)
        SELECT ?, rowid, ?, ?, ?, published, seq FROM articles WHERE rowid = ?
        """,
        [(row.key, row.label, row.name, row.mentions, rowid) for row in rows],
    )
