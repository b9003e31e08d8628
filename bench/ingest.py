"""How fast sources are ingested: a 10,000-item feed and a folder of 10,000 Markdown files.

Run: `python bench/ingest.py [COUNT]`. Everything is generated in a temporary
directory and each ingest goes into an empty library the way `newsread add`
does it: parse and store, entities deferred (tagging is measured by the
entities benchmark). The feed is ingested from a file and over HTTP from a
server on 127.0.0.1. As a baseline measured in the same run, feedparser
parses the same feed alone, so the ratio shows what the fast path is worth;
newsboat's reload of the same feed is timed too when `newsboat` is installed.
The target is newsboat's rate: 4,950 items/s as measured for the issue, or
the rate measured in this run when newsboat is installed; our own parse alone
is the ceiling storing can approach. CPU times are printed too: on a busy
machine the wall clock mostly measures the wait for a core.
"""

from __future__ import annotations

import functools
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser  # type: ignore[import-untyped]

from newsread.ingest.feed import parse_feed
from newsread.library import Library
from newsread.paths import database_path, ensure_config_dir
from newsread.sources.adding import add_sources

NEWSBOAT_REFERENCE = 4_950
"""Items/s of newsboat 2.21 reloading a 10,000-item feed into an empty cache (the issue)."""

NAMES = ("Maria Lopez", "Jensen Huang", "Amara Okafor", "Lars Eriksen", "Priya Raman")
ORGS = ("Northport Council", "Acme Robotics", "the Harbour Trust", "Meridian Bank", "Orbital Labs")
PLACES = ("Lisbon", "Oslo", "Nairobi", "Osaka", "Valparaíso", "Toronto")
VERBS = ("announced", "delayed", "approved", "questioned", "expanded", "cancelled")
THINGS = ("a new ferry terminal", "the budget", "a rail link", "a research grant", "the merger")


def sentence(rng: random.Random) -> str:
    """One plausible news sentence."""
    return (
        f"{rng.choice(NAMES)} of {rng.choice(ORGS)} {rng.choice(VERBS)} {rng.choice(THINGS)} "
        f"in {rng.choice(PLACES)} on {rng.choice(('Monday', 'Tuesday', 'Friday'))}, "
        f"citing costs of ${rng.randint(2, 900)} million and a {rng.randint(2, 40)}% rise."
    )


def paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(count)]


def headline(rng: random.Random, number: int) -> str:
    return f"{rng.choice(ORGS).removeprefix('the ').title()} {rng.choice(VERBS)} plan #{number}"


def write_feed(path: Path, count: int) -> None:
    """An RSS 2.0 feed of `count` items with HTML bodies of ~1 KB each, newest first.

    Newest first as real feeds list them: the search index is slowest to
    write in that order (see `newsread.library.ingesting`).
    """
    rng = random.Random(1)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Bench Harbour Times</title><link>https://bench.example/</link>"
        "<description>Generated</description>"
    ]
    for number in range(count):
        body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs(rng, 3))
        parts.append(
            f"<item><title>{escape(headline(rng, number))}</title>"
            f"<link>https://bench.example/story/{number}</link>"
            f'<guid isPermaLink="false">bench-{number}</guid>'
            f"<pubDate>{format_datetime(start - timedelta(minutes=number))}</pubDate>"
            f"<description>{escape(body)}</description></item>\n"
        )
    parts.append("</channel></rss>\n")
    path.write_text("".join(parts), encoding="utf-8")


def write_folder(folder: Path, count: int) -> None:
    """`count` Markdown files with front matter, spread over 100 subfolders."""
    rng = random.Random(2)
    for number in range(count):
        sub = folder / f"part-{number % 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = "\n\n".join(paragraphs(rng, 3))
        (sub / f"note-{number:05d}.md").write_text(
            f"---\ntitle: {headline(rng, number)}\ndate: 2025-02-{1 + number % 28:02d}\n---\n\n"
            f"{text}\n",
            encoding="utf-8",
        )


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def ingest_into_empty(workdir: Path, name: str, argument: str) -> tuple[float, float, int]:
    """Wall and CPU seconds to add `argument` to a fresh library, and how many articles it
    stored (the CPU time counts this process, the benchmark's HTTP server included)."""
    with Library.open(database_path(ensure_config_dir(workdir / name))) as library:
        started, cpu = time.perf_counter(), time.process_time()
        [result] = add_sources(library, [argument])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        if result.error is not None:
            raise SystemExit(f"{name}: {result.error}")
        return elapsed, cpu, library.counts().total


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        return


def serve_folder(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host!s}:{port}"


def newsboat_seconds(workdir: Path, feed: Path) -> tuple[float, float] | None:
    """Wall and CPU seconds of `newsboat -x reload` of the feed file, or None without newsboat."""
    newsboat = shutil.which("newsboat")
    if newsboat is None:
        return None
    urls = workdir / "newsboat-urls"
    urls.write_text(f"file://{feed}\n")
    config = workdir / "newsboat-config"
    config.write_text("")
    command = [newsboat, "-u", str(urls), "-c", str(workdir / "newsboat.db")]
    command += ["-C", str(config), "-x", "reload"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(lambda: subprocess.run(command, check=True, capture_output=True))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def rate(count: int, seconds: float, cpu: float | None = None) -> str:
    spent = "" if cpu is None else f", cpu {cpu:6.2f} s = {count / cpu:,.0f}/s"
    return f"{count / seconds:>9,.0f} items/s  ({seconds:6.2f} s{spent})"


def main(count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="newsread-bench-") as temporary:
        workdir = Path(temporary)
        feed = workdir / "site" / "feed.xml"
        feed.parent.mkdir()
        write_feed(feed, count)
        folder = workdir / "notes"
        write_folder(folder, count)
        size = feed.stat().st_size / 1e6
        print(f"{count:,} items; feed {size:.1f} MB; folder of {count:,} Markdown files")

        data = feed.read_bytes()
        baseline = timed(lambda: feedparser.parse(data))
        print(f"baseline  feedparser alone     {rate(count, baseline)}")

        parse_only = timed(lambda: parse_feed(data))
        print(f"newsread  parse_feed alone     {rate(count, parse_only)}")

        seconds, cpu, stored = ingest_into_empty(workdir, "feed-file", str(feed))
        print(f"newsread  feed file → library  {rate(stored, seconds, cpu)}", end="")
        print(f"  ×{baseline / seconds:.2f} of feedparser alone", end="")
        print(f", ×{parse_only / seconds:.2f} of parse_feed alone (the ceiling)")
        file_rate, file_cpu = stored / seconds, cpu

        server, base = serve_folder(feed.parent)
        try:
            seconds, _cpu, stored = ingest_into_empty(workdir, "feed-http", f"{base}/feed.xml")
        finally:
            server.shutdown()
            server.server_close()
        print(f"newsread  feed HTTP → library  {rate(stored, seconds)}", end="")
        print(f"  ×{baseline / seconds:.2f} of feedparser alone")

        seconds, _cpu, stored = ingest_into_empty(workdir, "folder", str(folder))
        print(f"newsread  folder → library     {rate(stored, seconds)}")

        boat = newsboat_seconds(workdir, feed)
        if boat is None:
            print("newsboat  not installed: skipped")
            target = float(NEWSBOAT_REFERENCE)
        else:
            print(f"newsboat  reload of the feed   {rate(count, *boat)}")
            target = count / boat[0]
            # On a busy machine both wait for a core; CPU time is the steadier comparison.
            print(f"          CPU time: newsread ×{boat[1] / file_cpu:.2f} of newsboat's rate")
        verdict = "met" if file_rate >= target else "NOT met"
        print(
            f"\ntarget: feed file → library ≥ newsboat's {target:,.0f} items/s: "
            f"{file_rate:,.0f} items/s = ×{file_rate / target:.2f} — {verdict}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
