"""Keypress latency in the sidebar at N articles, and opening an article, against 10 articles.

Run: `python bench/keys.py [--quick] [--count N] [--presses P]`. Each library
is measured in a child process of its own (so its peak RSS is its own), with
the reader running headless at 120x40.

Times are the app's own: from the moment the app starts dispatching the key
event (sent the way a terminal driver sends it) until the widget the key
changed has been painted again, found with the widget's `call_after_refresh`
(the callback runs after the next screen refresh). For ↓ ↑ pgdn end home that
widget is the article list, stamped when its cursor moves; for opening it is
the article view, stamped when it shows the article. There is no Pilot round
trip in these numbers. Presses start a key-repeat interval apart (about 30 a
second), as a held key would.

Opening is measured two ways. `open` is reading through the list with `n`
(jump to the next unread article and open it: load it with its stored
entities, render it, mark it read): the rows it goes to are unread, and
between two opens the reader rests a moment (0.2 s), in which it renders the
article `n` will open next. `open cold` is enter pressed the moment the cursor
lands on a row (as ↓ then enter at once would), going up from the end of the
list, so the article was neither previewed nor prepared. `open previewed` is
enter on a row the cursor has rested on, whose article is already on show
(the stamp is the view's repaint with focus, as the article is then marked read).

The articles to open are tagged beforehand in the parent process (as the
background tagger would have done), so opening measures showing stored
entities. Peak
RSS (`ru_maxrss`) is taken after scrolling through the whole list once,
drawing every line. Opening marks articles read, so the libraries change a
little with every run; the list order and the first screen do not.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from harness import BENCH_DIR, Report, child_environment, library_dir, median, ms, p95

SIZE: Final = (120, 40)
REPEAT_GAP: Final = 0.033
"""Seconds from one press to the next: a terminal's key auto-repeat is about 30 per second."""
LIST_KEYS: Final = ("down", "up", "pagedown", "end", "home")
OPEN: Final = "open"
OPEN_COLD: Final = "open cold"
OPEN_PREVIEWED: Final = "open previewed"
KEY_TIMEOUT: Final = 5.0
TARGETS: Final = {
    "down": (0.016, 0.033),
    "up": (0.016, 0.033),
    "pagedown": (None, None),
    "end": (0.020, None),
    "home": (0.020, None),
    OPEN: (0.050, None),
    OPEN_COLD: (0.050, None),
    OPEN_PREVIEWED: (0.050, None),
}
"""(median, p95) targets in seconds, at 100,000 articles."""


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class KeyClock:
    """Stamps when the app starts dispatching a key and when the awaited widget is repainted."""

    def __init__(self) -> None:
        self.dispatched: float | None = None
        self.painted: asyncio.Event = asyncio.Event()
        self.painted_at = 0.0
        self.waiting_for = ""

    def expect(self, what: str) -> None:
        """Wait for `what` ("list" or "article") to be repainted after the next key."""
        self.dispatched = None
        self.painted.clear()
        self.waiting_for = what

    def key_dispatched(self) -> None:
        """The app has started handling a key event."""
        if self.dispatched is None:
            self.dispatched = time.perf_counter()

    def changed(self, what: str, widget: Any) -> None:
        """`what` changed because of the key: stamp its next completed refresh."""
        if what == self.waiting_for and self.dispatched is not None:
            self.waiting_for = ""
            widget.call_after_refresh(self._repainted)

    def _repainted(self) -> None:
        self.painted_at = time.perf_counter()
        self.painted.set()

    def latency(self) -> float:
        """Seconds from the key's dispatch to the repaint."""
        assert self.dispatched is not None
        return self.painted_at - self.dispatched


def timed_app_class() -> type[Any]:
    """`NewsreadApp` with a `KeyClock` stamping the start of every key event's dispatch."""
    from textual import events

    from newsread.tui.app import NewsreadApp

    class TimedApp(NewsreadApp):
        # Textual finds a relative CSS_PATH next to the subclass's module, which is this one.
        CSS_PATH = Path(inspect.getfile(NewsreadApp)).parent / str(NewsreadApp.CSS_PATH)
        clock = KeyClock()

        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key):
                self.clock.key_dispatched()
            await super().on_event(event)

    return TimedApp


def wrap_after(widget: Any, method: str, after: Callable[[], None]) -> None:
    """Make `widget.method` call `after()` each time it has run."""
    original = getattr(widget, method)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        after()
        return result

    setattr(widget, method, wrapped)


async def press(app: Any, key: str, what: str) -> float:
    """Send `key` as a terminal driver would; seconds until `what` is repainted."""
    from textual import events

    clock: KeyClock = app.clock
    clock.expect(what)
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)
    await asyncio.wait_for(clock.painted.wait(), KEY_TIMEOUT)
    return clock.latency()


async def press_spaced(app: Any, key: str, what: str, started: list[float]) -> float:
    """`press`, starting no sooner than a key-repeat interval after the previous press."""
    wait = started[0] + REPEAT_GAP - time.perf_counter()
    if wait > 0:
        await asyncio.sleep(wait)
    started[0] = time.perf_counter()
    return await press(app, key, what)


def open_targets(length: int, opens: int) -> list[int]:
    """The list positions the opens go to: rows 1, 2, … wrapping round short lists."""
    return [1 + number % max(1, length - 1) for number in range(opens)]


def cold_targets(length: int, opens: int) -> list[int]:
    """The list positions the cold opens go to: up from the last row, wrapping round short lists."""
    return [length - 1 - number % max(1, length - 1) for number in range(opens)]


def resting_places(length: int, presses: int) -> list[int]:
    """Every list position the child may preview: where the keys, the opens and the scroll stop.

    ↓ ↑ stay near the top, page down goes at most a screen per press, end and
    the scroll stop in the last screens; a screen is at most the window's height.
    """
    screen = SIZE[1]
    near_top = range(min(length, (presses + 1) * screen))
    near_end = range(max(0, length - 2 * screen), length)
    opens = {*open_targets(length, presses), *cold_targets(length, presses)}
    return sorted({*near_top, *near_end, *opens})


def pretag(config_dir: Path, presses: int) -> None:
    """Tag every article the child may show, in this process, as the background tagger would.

    Done before the child starts so that neither its timings nor its memory
    include the tagger: a preview of an untagged article would load it. The
    10-article baseline is tagged when built, so both libraries then compare
    alike (as `--quick`'s 2,000 articles, left untagged when built, otherwise would not).
    """
    from newsread.library import Library, ViewQuery
    from newsread.paths import database_path

    with Library.open(database_path(config_dir)) as library:
        view = library.view(ViewQuery())
        rowids = [view.rowids[position] for position in resting_places(len(view), presses)]
        for summary in library.summaries(rowids):
            library.entities(summary.id)


def prepare_open(library: Any, article_list: Any, target: int) -> None:
    """Make the article at `target` unread and put the cursor just above it, so `n` opens it."""
    summary = article_list.row(target)
    if summary is not None:
        library.set_read([summary.id], False)
    article_list.invalidate_rows()
    article_list.cursor = target - 1


async def measure(config_dir: Path, presses: int) -> dict[str, Any]:
    """Per-key latencies, opening, and memory of the reader over the library in `config_dir`."""
    from newsread.library import Library
    from newsread.paths import database_path
    from newsread.tui.widgets.article_list import ArticleList
    from newsread.tui.widgets.article_view import ArticleView

    library = Library.open(database_path(config_dir))
    app = timed_app_class()(library, config_dir)
    clock: KeyClock = app.clock
    opens = (OPEN, OPEN_COLD, OPEN_PREVIEWED)
    timings: dict[str, list[float]] = {key: [] for key in (*LIST_KEYS, *opens)}
    memory: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        memory["after first paint"] = rss_mb()
        article_list = app.screen.query_one(ArticleList)
        article_view = app.screen.query_one(ArticleView)
        wrap_after(article_list, "watch_cursor", lambda: clock.changed("list", article_list))
        wrap_after(article_view, "show_article", lambda: clock.changed("article", article_view))
        watch_focus = article_view.watch_has_focus

        def focus_changed(has_focus: bool) -> None:  # one parameter, as Textual calls watchers
            watch_focus(has_focus)
            clock.changed("focus", article_view)

        article_view.watch_has_focus = focus_changed
        started = [0.0]
        for key, partner in (("down", "up"), ("pagedown", None), ("end", "home")):
            for _ in range(presses):
                timings[key].append(await press_spaced(app, key, "list", started))
                if partner is not None:
                    timings[partner].append(await press_spaced(app, partner, "list", started))
                elif article_list.cursor > len(article_list.view) - 100:
                    await press_spaced(app, "home", "list", started)
            await pilot.pause(0.2)
        await press(app, "home", "list")
        await pilot.pause(0.2)
        targets = open_targets(len(article_list.view), presses)
        # A library being read through: the rows `n` goes to are unread.
        rows = (article_list.row(position) for position in range(max(targets) + 1))
        library.set_read([row.id for row in rows if row is not None], False)
        article_list.invalidate_rows()
        for target in targets:
            prepare_open(library, article_list, target)
            await pilot.pause(0.10)
            timings[OPEN].append(await press(app, "n", "article"))
            await pilot.pause(0.05)
            # Back to the list as a tab key would: its frame is drawn before the cursor moves.
            article_list.focus()
            await pilot.pause(0.05)

        async def enter_on(target: int, rest: float, what: str) -> float:
            """Make `target` unread, put the cursor on it from the list, rest, press enter."""
            summary = article_list.row(target)
            if summary is not None:
                library.set_read([summary.id], False)
            article_list.focus()
            await pilot.pause(0.1)
            article_list.cursor = target
            if rest:
                await pilot.pause(rest)
            latency = await press(app, "enter", what)
            await pilot.pause(0.1)
            return latency

        for target in cold_targets(len(article_list.view), presses):
            timings[OPEN_COLD].append(await enter_on(target, 0.0, "article"))
        for target in open_targets(len(article_list.view), presses):
            timings[OPEN_PREVIEWED].append(await enter_on(target, 0.3, "focus"))
        memory["after opening"] = rss_mb()
        scroll_through(article_list)
        memory["after scrolling"] = rss_mb()
    library.close()
    return {"timings": timings, "memory": memory, "peak": peak_rss_mb()}


def scroll_through(article_list: Any) -> None:
    """Move through the whole list a screen at a time, drawing every line, as scrolling would."""
    height = article_list.size.height
    for top in range(0, len(article_list.view), height):
        article_list.cursor = top
        for line in range(height):
            article_list.render_line(line)


def run_child(config_dir: Path, presses: int) -> dict[str, Any]:
    """Measure the library in `config_dir` in a fresh process; its results."""
    pretag(config_dir, presses)
    done = subprocess.run(
        [sys.executable, str(BENCH_DIR / "keys.py"), "--child", str(config_dir), str(presses)],
        capture_output=True,
        text=True,
        check=False,
        env=child_environment(),
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring {config_dir} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report_keys(
    report: Report, count: int, large: dict[str, Any], small: dict[str, Any], slack: float = 1.0
) -> None:
    """Medians, p95s, targets and ratios to the 10-article library; limits times `slack`."""
    presses = len(large["timings"]["down"])
    report.heading(f"keys at {count:,} articles, the app's own time ({presses} presses each)")
    for key, (median_target, p95_target) in TARGETS.items():
        samples = large["timings"][key]
        report.time(f"{key}: median", median(samples), target=median_target)
        report.time(f"{key}: p95", p95(samples), target=p95_target)
    report.heading("ratios to baselines measured in this run (medians)")
    for key in ("down", "up", OPEN, OPEN_COLD, OPEN_PREVIEWED):
        report.ratio(
            f"{key}: {count:,} vs 10 articles",
            median(large["timings"][key]),
            median(small["timings"][key]),
            target=1.2,
            limit=5.0 * slack,
        )
    # Ten articles fit on one screen, so there pgdn, end and home redraw nothing:
    # instead, jumping to either end must cost no more than paging (both draw a new screen).
    for key in ("end", "home"):
        report.ratio(
            f"{key} vs pagedown, at {count:,} articles",
            median(large["timings"][key]),
            median(large["timings"]["pagedown"]),
            target=1.2,
            limit=3.0 * slack,
        )
    small_medians = ", ".join(
        f"{key} {ms(median(v)).strip()}" for key, v in small["timings"].items()
    )
    print(f"10-article medians: {small_medians}")


def report_memory(report: Report, count: int, large: dict[str, Any], small: dict[str, Any]) -> None:
    """RSS at each stage and the peak, against the 10-article library."""
    report.heading("memory (RSS, MB)")
    for name, result in ((f"{count:,} articles", large), ("10 articles", small)):
        stages = ", ".join(f"{stage} {mb:.0f}" for stage, mb in result["memory"].items())
        print(f"{name:<16} {stages}; peak {result['peak']:.0f}")
    print(f"peak RSS after scrolling through all {count:,} rows once: {large['peak']:.0f} MB")
    print("target: ≤ 120 MB at 100,000 articles")
    report.ratio(
        f"peak RSS, {count:,} vs 10 articles", large["peak"], small["peak"], target=1.2, limit=2.0
    )


def main() -> int:
    """Parse options, measure both libraries in child processes, print medians, p95s and ratios."""
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        result = asyncio.run(measure(Path(sys.argv[2]), int(sys.argv[3])))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description="Keypress latency at scale.")
    parser.add_argument("--quick", action="store_true", help="2,000 articles, fewer presses")
    parser.add_argument("--count", type=int, help="articles in the large library")
    parser.add_argument("--presses", type=int, help="presses per key")
    args = parser.parse_args()
    count = args.count or (2_000 if args.quick else 100_000)
    presses = args.presses or (10 if args.quick else 40)
    small = run_child(library_dir(10), presses)
    large = run_child(library_dir(count), presses)
    report = Report()
    # A quick run's medians come from a few presses on a busy CI machine: only a
    # jump that costs many times a page (redrawing far more than a screen) must fail it.
    report_keys(report, count, large, small, slack=2.0 if args.quick else 1.0)
    report_memory(report, count, large, small)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
