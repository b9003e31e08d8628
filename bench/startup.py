"""Time to the first painted frame: newsread at 10 and at N articles against a bare Textual app.

Run: `python bench/startup.py [--quick] [--count N] [--runs R] [--newsboat]`. Each run is
a fresh process, timed from its start until a frame showing the newest
article's title (or the bare app's label) is painted:

- headless: Textual's headless driver; a probe in the child checks each frame;
- terminal: the real `newsread` command in a 120x40 tmux window, polling
  `tmux capture-pane` until the title shows (skipped without tmux);
- newsboat: on a cache mirroring each library (`newsboat_cache.py`; keys and
  screens in `newsboat_session.py`), in the same-size tmux window, until its
  feed list shows the first feed's unread/total counts; then, in another
  session, Enter on its biggest feed and End to that feed's last item, with
  newsboat's CPU time to first paint and peak RSS. Our terminal first paint is
  timed again, in turn with newsboat's, for their ratio. Informational only (no
  target, no limit); skipped without newsboat or tmux, and with `--quick` or
  `--no-terminal` unless `--newsboat` is given.

Medians are printed with their ratios to the bare app and to the 10-article
library, all measured in this run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from harness import (
    BENCH_DIR,
    Report,
    child_environment,
    first_title,
    library_dir,
    median,
    with_bytecode_cache,
)
from newsboat_cache import library_feed_counts, newsboat_cache, oldest_titles
from newsboat_session import (
    NEWSBOAT_LABEL_TITLE,
    NewsboatTimes,
    biggest_feed_session,
    feed_line,
    newsboat_command,
    wait_until_unlocked,
)

SMALL: Final = 10
BARE_LABEL: Final = "Bare Textual app, one label"
PROBE: Final = BENCH_DIR / "paint_probe.py"
TMUX_SIZE: Final = ("-x", "120", "-y", "40")
TERMINAL_TIMEOUT: Final = 30.0


def headless_once(arguments: list[str]) -> float:
    """Seconds from starting `paint_probe.py arguments` to its `painted` line."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(PROBE), *arguments],
        capture_output=True,
        text=True,
        timeout=TERMINAL_TIMEOUT,
        check=False,
        env=child_environment(),
    )
    elapsed = time.perf_counter() - started
    if "painted" not in result.stdout:
        raise RuntimeError(f"probe {arguments[0]} never painted: {result.stderr[-2000:]}")
    return elapsed


def terminal_once(command: list[str], text: str, environment: dict[str, str]) -> float:
    """Seconds from starting `command` in a new tmux window until `text` is on its screen."""
    session = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    started = time.perf_counter()
    for attempt in range(3):
        # The tmux server of the previous run may still be shutting down: retry briefly.
        started = time.perf_counter()
        created = subprocess.run(
            ["tmux", "new-session", "-d", "-s", session, *TMUX_SIZE, *with_bytecode_cache(command)],
            env=environment,
            capture_output=True,
            check=False,
        )
        if created.returncode == 0:
            break
        if attempt == 2:
            raise RuntimeError(f"tmux could not start: {created.stderr!r}")
        time.sleep(0.2)
    try:
        while time.perf_counter() - started < TERMINAL_TIMEOUT:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if text in screen:
                return time.perf_counter() - started
            time.sleep(0.002)
        raise RuntimeError(f"{text!r} never appeared in tmux running {command}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)


def samples(measure: Callable[[], float], runs: int) -> list[float]:
    """`runs` measurements after one untimed warm-up (fills the OS file cache)."""
    measure()
    return [measure() for _ in range(runs)]


def visible_part(title: str) -> str:
    """A piece of the title that fits in the list's title column at 120 columns."""
    return title[:24]


def headless(report: Report, small: Path, large: Path, count: int, runs: int) -> None:
    """First paint under the headless driver."""
    report.heading(f"first paint, headless (median of {runs})")
    bare = median(samples(lambda: headless_once(["bare", BARE_LABEL]), runs))
    ten = median(
        samples(
            lambda: headless_once(["newsread", str(small), visible_part(first_title(small))]), runs
        )
    )
    big = median(
        samples(
            lambda: headless_once(["newsread", str(large), visible_part(first_title(large))]), runs
        )
    )
    report.time("bare Textual app (one Label)", bare)
    report.time(f"newsread, {SMALL} articles", ten)
    report.time(f"newsread, {count:,} articles", big)
    limit = 3.0
    report.ratio(f"{count:,} vs {SMALL} articles", big, ten, target=1.2, limit=limit)
    report.ratio(f"{count:,} articles vs bare Textual", big, bare, target=1.5, limit=limit * 1.5)


def terminal(report: Report, small: Path, large: Path, count: int, runs: int) -> None:
    """First paint of the real command in tmux."""
    report.heading(f"first paint, in a terminal (tmux 120x40, median of {runs})")
    if shutil.which("tmux") is None:
        print("skipped: tmux is not installed")
        return
    environment = dict(os.environ, TERM="xterm-256color")
    environment.pop("TMUX", None)
    reader = [sys.executable, "-m", "newsread", "--config-dir"]
    bare = median(
        samples(
            lambda: terminal_once(
                [sys.executable, str(PROBE), "terminal", BARE_LABEL], BARE_LABEL, environment
            ),
            runs,
        )
    )
    small_title, large_title = visible_part(first_title(small)), visible_part(first_title(large))
    ten = median(
        samples(lambda: terminal_once([*reader, str(small)], small_title, environment), runs)
    )
    big = median(
        samples(lambda: terminal_once([*reader, str(large)], large_title, environment), runs)
    )
    report.time("bare Textual app (one Label)", bare)
    report.time(f"newsread, {SMALL} articles", ten)
    report.time(f"newsread, {count:,} articles", big)
    report.ratio(f"{count:,} vs {SMALL} articles (terminal)", big, ten, target=1.2, limit=3.0)
    report.ratio(f"{count:,} articles vs bare Textual (terminal)", big, bare, target=1.5, limit=4.5)


def alternating(
    first: Callable[[], float], second: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """`runs` measurements of each, taken in turn (so both see the same load), after a warm-up."""
    first()
    second()
    pairs = [(first(), second()) for _ in range(runs)]
    return [one for one, _ in pairs], [two for _, two in pairs]


def newsboat_size(report: Report, config_dir: Path, articles: int, runs: int) -> None:
    """newsboat's first paint, feed opening and end key on the cache mirroring one library.

    Our own first paint in the terminal is measured again here, alternating with newsboat's,
    so the ratio between the two is taken under the same load.
    """
    environment = dict(os.environ, TERM="xterm-256color")
    environment.pop("TMUX", None)
    cache = newsboat_cache(config_dir)
    feeds = library_feed_counts(config_dir)
    first = feed_line(feeds[0])
    reader = [sys.executable, "-m", "newsread", "--config-dir", str(config_dir)]
    title = visible_part(first_title(config_dir))

    def newsboat_paint() -> float:
        wait_until_unlocked(cache)
        return terminal_once(newsboat_command(cache), first, environment)

    boat, ours = alternating(
        newsboat_paint, lambda: terminal_once(reader, title, environment), runs
    )
    paint = median(boat)
    biggest = max(feeds, key=lambda feed: feed.total)
    with tempfile.TemporaryDirectory(prefix="newsboat-urls-") as temporary:
        urls = Path(temporary) / "urls"
        others = [feed.url for feed in feeds if feed is not biggest]
        urls.write_text("".join(f"{url}\n" for url in [biggest.url, *others]))
        last = [line[:NEWSBOAT_LABEL_TITLE] for line in oldest_titles(cache, biggest.url)]

        def session() -> NewsboatTimes:
            return biggest_feed_session(cache, urls, biggest, last, environment, TMUX_SIZE)

        session()  # warm-up, untimed
        sessions = [session() for _ in range(runs)]
    size = f"{articles:,} articles"
    report.time(f"newsboat, {size}: first paint", paint)
    report.time(
        f"newsboat, {size}: CPU time to first paint",
        median([times.startup_cpu for times in sessions]),
    )
    report.time(
        f"newsboat, {size}: open {biggest.total:,}-item feed",
        median([times.open_feed for times in sessions]),
    )
    report.time(f"newsboat, {size}: end key", median([times.end for times in sessions]))
    peak = max(times.peak_rss_kb for times in sessions) / 1024
    print(f"{'newsboat, ' + size + ': peak RSS (VmHWM)':<52} {peak:7.1f} MB")
    report.time(f"newsread, {size}: first paint (alternating)", median(ours))
    name = f"newsread / newsboat first paint, {size}"
    print(f"{name:<52} {median(ours) / paint:6.2f}x   (informational)")


def newsboat(report: Report, sizes: list[tuple[Path, int]], runs: int, *, wanted: bool) -> None:
    """newsboat on caches mirroring the libraries (with their article counts), when it is
    installed and asked for. Informational: no target and no limit."""
    report.heading(f"newsboat in a terminal (tmux 120x40, median of {runs})")
    if not wanted:
        print("skipped: newsboat runs only with --newsboat in quick or --no-terminal mode")
        return
    if shutil.which("newsboat") is None:
        print("skipped: newsboat is not installed")
        return
    if shutil.which("tmux") is None:
        print("skipped: tmux is not installed")
        return
    for config_dir, articles in sizes:
        newsboat_size(report, config_dir, articles, runs)


def main() -> int:
    """Parse the options, run every measurement, print the report."""
    parser = argparse.ArgumentParser(description="Time to the first painted frame.")
    parser.add_argument("--quick", action="store_true", help="2,000 articles, 3 runs")
    parser.add_argument("--count", type=int, help="articles in the large library")
    parser.add_argument("--runs", type=int, help="timed runs per measurement")
    parser.add_argument("--no-terminal", action="store_true", help="skip the tmux runs")
    parser.add_argument(
        "--newsboat",
        action="store_true",
        help="time newsboat even with --quick or --no-terminal (it always runs in tmux)",
    )
    args = parser.parse_args()
    count = args.count or (2_000 if args.quick else 100_000)
    runs = args.runs or (3 if args.quick else 9)
    report = Report()
    small, large = library_dir(SMALL), library_dir(count)
    headless(report, small, large, count, runs)
    if not args.no_terminal:
        terminal(report, small, large, count, runs)
    newsboat(
        report,
        [(small, SMALL), (large, count)],
        runs,
        wanted=args.newsboat or not (args.quick or args.no_terminal),
    )
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
