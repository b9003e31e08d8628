"""A change made in the running reader survives the process being killed right after it."""

from __future__ import annotations

import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsread.library import Library, ViewQuery
from newsread.paths import database_path


def _query_int(db: Path, sql: str) -> int:
    """Read one number with a separate read-only connection; -1 while the file is not ready."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return -1


def _drain(fd: int) -> None:
    """Empty the terminal's output buffer so the app never blocks writing to it."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        return


def _wait_until(condition: Callable[[], bool], terminal: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _drain(terminal)
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_bookmark_then_sigkill_keeps_the_bookmark(config_dir: Path) -> None:
    db = database_path(config_dir)
    terminal, app_side = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsread", "--config-dir", str(config_dir)],
        stdin=app_side,
        stdout=app_side,
        stderr=app_side,
        env=env,
        start_new_session=True,
    )
    os.close(app_side)
    os.set_blocking(terminal, False)
    try:
        samples_stored = _wait_until(
            lambda: _query_int(db, "SELECT count(*) FROM articles") == 5, terminal, 30
        )
        assert samples_stored and process.poll() is None
        _wait_until(lambda: False, terminal, 1.5)  # let the first paint finish before typing
        os.write(terminal, b"b")
        bookmarked = _wait_until(
            lambda: _query_int(db, "SELECT count(*) FROM articles WHERE bookmarked = 1") == 1,
            terminal,
            20,
        )
        assert bookmarked, "pressing b in the reader stores a bookmark"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        os.close(terminal)

    with Library.open(db) as library:
        articles = library.list_articles(ViewQuery())
    assert [article.bookmarked for article in articles] == [True, False, False, False, False]
