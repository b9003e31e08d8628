"""Driving newsboat in tmux for bench/startup.py: what its screens show, keys, CPU and memory.

newsboat's feed list shows a feed's `(unread/total)` counts only once its items
are loaded from the cache, so waiting for them proves a real load. Each
session gets its own tmux session name; a new newsboat waits for the previous
one to release the cache's lock.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from newsboat_cache import FeedCount, NewsboatCache

SESSION_TIMEOUT: Final = 30.0
"""Seconds to wait for any one screen before giving up."""

NEWSBOAT_LABEL_TITLE: Final = 24
"""Characters of a feed title matched on newsboat's feed list (its own column fits many more)."""


@dataclass(frozen=True)
class NewsboatTimes:
    """One newsboat session on the biggest feed: start, open it, jump to its end, peak memory."""

    startup_cpu: float
    """CPU seconds newsboat had used when its feed list showed."""
    open_feed: float
    end: float
    peak_rss_kb: int


def newsboat_pid(session: str) -> str:
    """The process id of newsboat in the session's window (`env` execs it)."""
    pid = subprocess.run(
        ["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    command = Path(f"/proc/{pid}/comm").read_text().strip()
    if command != "newsboat":
        raise RuntimeError(f"the tmux window runs {command!r}, not newsboat")
    return pid


def cpu_seconds(pid: str) -> float:
    """User + system CPU seconds of process `pid` so far."""
    # Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def feed_line(feed: FeedCount) -> str:
    """What newsboat's feed list shows for `feed` only once its items are loaded: counts + title.

    The default `feedlist-format` gives the counts 11 columns and cuts them to fit, so
    `(12515/27672)` shows as `(12515/2767`.
    """
    counts = f"({feed.unread}/{feed.total})"
    return f"{counts:>11.11} {feed.title[:NEWSBOAT_LABEL_TITLE]}".lstrip()


def newsboat_command(cache: NewsboatCache, urls: Path | None = None) -> list[str]:
    """newsboat on `cache` (optionally with another urls file), with its own HOME."""
    command = cache.command(shutil.which("newsboat") or "newsboat")
    if urls is not None:
        command[command.index("-u") + 1] = str(urls)
    return ["env", f"HOME={cache.home}", *command]


def wait_until_unlocked(cache: NewsboatCache) -> None:
    """Wait for the newsboat of the previous run to exit: a second one refuses a locked cache."""
    lock = cache.cache.with_name(cache.cache.name + ".lock")
    deadline = time.perf_counter() + SESSION_TIMEOUT
    while time.perf_counter() < deadline:
        pid = lock.read_text().strip() if lock.exists() else ""
        if not pid.isdigit() or not Path(f"/proc/{pid}").exists():
            return
        time.sleep(0.01)
    raise RuntimeError(f"newsboat still holds {lock}")


def tmux_screen(session: str) -> str:
    """The text of the tmux session's window."""
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
    ).stdout


def seconds_until(session: str, shown: Callable[[str], bool], what: str) -> float:
    """Seconds from now until `shown(screen)` holds for the session's window."""
    started = time.perf_counter()
    while time.perf_counter() - started < SESSION_TIMEOUT:
        if shown(tmux_screen(session)):
            return time.perf_counter() - started
        time.sleep(0.002)
    raise RuntimeError(f"newsboat never showed {what}")


def keypress_seconds(session: str, key: str, shown: Callable[[str], bool], what: str) -> float:
    """Seconds from sending `key` until `shown(screen)` holds."""
    started = time.perf_counter()
    subprocess.run(["tmux", "send-keys", "-t", session, key], check=True, capture_output=True)
    return time.perf_counter() - started + seconds_until(session, shown, what)


def bottom_row(screen: str) -> str:
    """The article list's lowest row: the last non-blank line above the key hints."""
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-2] if len(lines) >= 2 else ""


def biggest_feed_session(
    cache: NewsboatCache,
    urls: Path,
    biggest: FeedCount,
    last_titles: list[str],
    environment: dict[str, str],
    size: tuple[str, ...],
) -> NewsboatTimes:
    """Start newsboat with `urls` (the biggest feed first) in a tmux window of `size`
    (`-x W -y H`); time Enter (open the feed) and End (its last item, one of `last_titles`)."""
    wait_until_unlocked(cache)
    session = f"bench-newsboat-{os.getpid()}-{time.monotonic_ns()}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, *size, *newsboat_command(cache, urls)],
        env=environment,
        capture_output=True,
        check=True,
    )
    try:
        seconds_until(session, lambda screen: feed_line(biggest) in screen, feed_line(biggest))
        pid = newsboat_pid(session)
        startup_cpu = cpu_seconds(pid)
        heading = f"' ({biggest.unread} unread, {biggest.total} total)"
        open_feed = keypress_seconds(
            session, "Enter", lambda screen: heading in screen, f"the feed's heading {heading!r}"
        )
        # The index column is cut to 4 digits too, so the last item is known by its title,
        # on the list's bottom row (a headline can repeat higher up).
        end = keypress_seconds(
            session,
            "End",
            lambda screen: any(title in bottom_row(screen) for title in last_titles),
            f"the last item, one of {last_titles}",
        )
        status = Path(f"/proc/{pid}/status").read_text()
        high_water = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        peak = int(high_water[1]) if high_water else 0
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)
    return NewsboatTimes(startup_cpu, open_feed, end, peak)
