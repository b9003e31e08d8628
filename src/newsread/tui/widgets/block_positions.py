"""Where each block of a column starts, while only the blocks at the top are laid out.

A long article is laid out a block at a time, top first, as it scrolls into
view. The blocks laid out so far have exact heights; the rest have estimates,
so the column's height is known at once and grows or shrinks a little as the
estimates are replaced. Lines inside the laid-out blocks never move.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class BlockPositions:
    """Line positions of a column of blocks whose first `exact_count` heights are exact."""

    def __init__(self, estimates: Iterable[int]) -> None:
        """Start with every block's height estimated (`estimates`, one per block, top first)."""
        self._estimated_starts = list(accumulate(estimates, initial=0))
        self._exact_starts = [0]

    @property
    def count(self) -> int:
        """How many blocks the column has."""
        return len(self._estimated_starts) - 1

    @property
    def exact_count(self) -> int:
        """How many blocks, from the top, have their exact height."""
        return len(self._exact_starts) - 1

    @property
    def complete(self) -> bool:
        """Whether every block's height is exact."""
        return self.exact_count == self.count

    @property
    def height(self) -> int:
        """The column's height in lines: exact where laid out, estimated below."""
        return self._estimated_starts[-1] + self._shift

    @property
    def _shift(self) -> int:
        """How far the exact heights so far moved the blocks below them."""
        return self._exact_starts[-1] - self._estimated_starts[self.exact_count]

    def add_exact(self, height: int) -> bool:
        """Give the next block its exact height; whether that differs from its estimate."""
        index = self.exact_count
        if index >= self.count:
            raise IndexError("every block already has its exact height")
        estimate = self._estimated_starts[index + 1] - self._estimated_starts[index]
        self._exact_starts.append(self._exact_starts[-1] + height)
        return height != estimate

    def is_exact(self, index: int) -> bool:
        """Whether block `index` has its exact height (and so its exact place)."""
        return index < self.exact_count

    def start(self, index: int) -> int:
        """The line block `index` starts on."""
        if index <= self.exact_count:
            return self._exact_starts[index]
        return self._estimated_starts[index] + self._shift

    def block_at(self, line: int) -> int | None:
        """The block drawn on `line`, or None above the first line or past the last."""
        if line < 0 or line >= self.height:
            return None
        if line < self._exact_starts[-1]:
            return bisect_right(self._exact_starts, line) - 1
        # The last block starting at or above `line`: blocks of no lines are passed over.
        return bisect_right(self._estimated_starts, line - self._shift) - 1
