"""One exception hierarchy: every error a user can see carries a title and a one-line message."""

from __future__ import annotations


class NewsreadError(Exception):
    """Base of every error newsread reports to the user.

    `str(error)` is the one-line message shown on stderr or in a notification;
    `title` names the kind of problem for dialogs and notification titles.
    """

    title = "Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(NewsreadError):
    """The config directory or config file cannot be used."""

    title = "Configuration error"


class SourceError(NewsreadError):
    """A file, folder or feed could not be read or parsed."""

    title = "Source error"


class LibraryError(NewsreadError):
    """The article library (SQLite database) refused an operation."""

    title = "Library error"


class ArticleNotFound(LibraryError):  # noqa: N818 - reads as a sentence at call sites
    """No article matches the ID the user gave."""

    title = "Unknown article"
