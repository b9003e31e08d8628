"""newsread: a terminal news reader that recognises the entities in what it shows."""

__version__ = "0.1.0"
