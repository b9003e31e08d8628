"""The reader screen, split by job: layout and moving (`screen`), shared state (`base`),
marks and undo (`marking`), links (`links`), sources (`sources`), refreshing (`refreshing`).
"""

from newsread.tui.screens.reader.screen import ReaderScreen

__all__ = ["ReaderScreen"]
