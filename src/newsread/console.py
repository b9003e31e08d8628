"""The `newsread` command's entry point: the command line, loaded with the collector paused."""

from __future__ import annotations

import gc


def main() -> int:
    """Load the command line with garbage collection paused, then run it."""
    # Loading modules makes objects that live for the whole run: looking for
    # garbage among them only delays the start (about 30 ms). The reader pauses
    # the collector again until its first frame (`tui.launch`); every other
    # command collects as usual.
    gc.disable()
    try:
        from newsread.cli import main as run_command
    finally:
        gc.enable()
    return run_command()
