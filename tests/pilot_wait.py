"""Waiting in Pilot tests for what the app does in the background, without fixed sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

DEFAULT_TIMEOUT_S = 20.0
"""Generous: a loaded CI machine can be slow, and a passing test never waits this long."""


async def wait_for(
    pilot: Pilot[Any], condition: Callable[[], bool], *, timeout: float = DEFAULT_TIMEOUT_S
) -> None:
    """Pause until `condition()` holds; fail the test if it still does not after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout:.0f} s")
        await pilot.pause(0.05)
