"""Run a callback at once, then at most once per interval while requests keep coming."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class Coalescer:
    """Turns a flood of requests into a few calls: the first at once, the last never lost.

    A single keypress is answered immediately; holding a key down runs the
    callback once per `interval` and once more after the last request, so the
    screen always ends up showing the latest state.
    """

    def __init__(
        self,
        owner: MessagePump,
        interval: float,
        callback: Callable[[], None],
        *,
        leading: bool = True,
    ) -> None:
        """Call `callback` for requests, using `owner`'s timers.

        With `leading=False` even the first request waits for the interval, so
        a burst (typing a word) costs one call instead of two.
        """
        self._owner = owner
        self._interval = interval
        self._callback = callback
        self._leading = leading
        self._cooldown: Timer | None = None
        self._pending = False

    def request(self) -> None:
        """Run the callback now, or once the current interval is over."""
        if self._cooldown is not None:
            self._pending = True
            return
        if self._leading:
            self._callback()
        else:
            self._pending = True
        self._cooldown = self._owner.set_timer(self._interval, self._end_cooldown)

    def cancel(self) -> None:
        """Forget a waiting request."""
        self._pending = False

    def _end_cooldown(self) -> None:
        self._cooldown = None
        if self._pending:
            self._pending = False
            self._callback()
            self._cooldown = self._owner.set_timer(self._interval, self._end_cooldown)


class Debouncer:
    """Runs a callback once requests have stopped for `interval` seconds.

    Used where the work is too heavy to repeat while a key is held (rendering a
    long article): holding ↓ costs nothing but moving the cursor, and the
    article under it appears as soon as the cursor rests.
    """

    def __init__(self, owner: MessagePump, interval: float, callback: Callable[[], None]) -> None:
        """Call `callback` `interval` seconds after the last request, using `owner`'s timers."""
        self._owner = owner
        self._interval = interval
        self._callback = callback
        self._timer: Timer | None = None

    def request(self) -> None:
        """(Re)start the wait; the callback runs when it ends without another request."""
        self.cancel()
        self._timer = self._owner.set_timer(self._interval, self._fire)

    def cancel(self) -> None:
        """Forget a waiting request."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _fire(self) -> None:
        self._timer = None
        self._callback()
