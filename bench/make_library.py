"""Build a realistic synthetic library: `python bench/make_library.py N DIR`.

DIR becomes a newsread config directory holding N articles, so
`NEWSREAD_CONFIG_DIR=DIR newsread` opens it. Articles go through the
project's own ingest path (`Library.ingest`) with entity extraction deferred,
as `newsread add` does; the reader tags an article when it is shown. The
library has many sources of uneven size, lengths of 50–2,000 words, dates
spread over four years, most older articles read and a few bookmarked. The
same N and seed always give the same articles, IDs and marks.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import synthetic
from newsread.library import Library, ViewQuery
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

NEWEST: Final = datetime(2025, 6, 1, 18, 0, tzinfo=UTC)
SPAN_DAYS: Final = 4 * 365
BATCH: Final = 2000
"""Articles per `ingest` call (one transaction each)."""
BOOKMARKED_SHARE: Final = 0.01


def source_count(articles: int) -> int:
    """About 0.4·√N sources, between 1 and 200 (126 at 100,000 articles)."""
    return max(1, min(200, round(0.4 * math.sqrt(articles))))


def split_among(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` articles shared unevenly among `parts` sources (a few large, many small)."""
    weights = [rng.paretovariate(1.2) for _ in range(parts)]
    scale = total / sum(weights)
    sizes = [int(weight * scale) for weight in weights]
    for index in range(total - sum(sizes)):
        sizes[index % parts] += 1
    return sizes


def slug(title: str) -> str:
    """`the-brelford-herald` for `The Brelford Herald`."""
    return "-".join(title.lower().split())


def articles_of(
    rng: random.Random, cast: synthetic.Cast, source: str, count: int
) -> Iterator[ParsedArticle]:
    """`count` articles of the source titled `source`."""
    for number in range(count):
        key = f"{slug(source)}/{number}"
        yield ParsedArticle(
            title=synthetic.headline(rng, cast),
            body=synthetic.body(rng, cast, synthetic.word_count(rng)),
            key=key,
            section=rng.choice(synthetic.SECTIONS),
            deck=synthetic.capitalized(synthetic.headline(rng, cast).lower()) + "."
            if rng.random() < 0.5
            else "",
            url=f"https://{slug(source)}.invalid/{number}",
            author=rng.choice(cast.people) if rng.random() < 0.7 else "",
            published=synthetic.published(rng, NEWEST, SPAN_DAYS),
        )


def batches(articles: Iterator[ParsedArticle], size: int) -> Iterator[list[ParsedArticle]]:
    """Consecutive lists of at most `size` articles."""
    batch: list[ParsedArticle] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(library: Library, count: int, seed: int, progress: bool) -> None:
    """Add `count` synthetic articles from many sources through `Library.ingest`."""
    rng = random.Random(seed)
    cast = synthetic.Cast.invent(rng)
    titles = synthetic.source_titles(rng, cast, source_count(count))
    done = 0
    for title, size in zip(titles, split_among(rng, count, len(titles)), strict=True):
        if size == 0:
            continue
        source = Source(
            key=f"https://{slug(title)}.invalid/feed", kind=SourceKind.FEED, title=title
        )
        library.add_source(source, url=f"https://{slug(title)}.invalid/")
        for batch in batches(articles_of(rng, cast, title, size), BATCH):
            library.ingest(source, batch, extract_entities=False)
            done += len(batch)
            if progress:
                print(f"\r{done:,} / {count:,} articles", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)


def mark(library: Library, seed: int) -> None:
    """Mark most older articles read and about one in a hundred bookmarked."""
    rng = random.Random(seed + 1)
    newest_first = [summary.id for summary in library.list_articles(ViewQuery())]
    total = max(1, len(newest_first))
    read = [
        article_id
        for position, article_id in enumerate(newest_first)
        if rng.random() < 0.15 + 0.8 * position / total
    ]
    bookmarked = [article_id for article_id in newest_first if rng.random() < BOOKMARKED_SHARE]
    library.set_read(read, True)
    library.set_bookmarked(bookmarked, True)


def build(count: int, directory: Path, *, seed: int = 6, progress: bool = False) -> Path:
    """Create the library of `count` articles in config directory `directory`; return its path."""
    path = database_path(ensure_config_dir(directory))
    if path.exists():
        raise SystemExit(f"{path} already exists; give an empty or new directory")
    with Library.open(path) as library:
        ingest(library, count, seed, progress)
        mark(library, seed)
    return path


def main() -> None:
    """Parse the command line and build the library."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("count", type=int, metavar="N", help="how many articles")
    parser.add_argument("directory", type=Path, metavar="DIR", help="config directory to create")
    parser.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    args = parser.parse_args()
    started = time.perf_counter()
    path = build(args.count, args.directory, seed=args.seed, progress=sys.stderr.isatty())
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    print(f"{args.count:,} articles in {path} ({size:,.0f} MB) in {seconds:.1f} s")


if __name__ == "__main__":
    main()
