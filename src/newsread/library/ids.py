"""Stable article IDs and content fingerprints.

An article's ID depends only on where it comes from (its source's key and its
key within that source), so the same article gets the same ID on every
machine, across restarts and re-ingests.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from newsread.model import ParsedArticle

ID_LENGTH: Final = 12
"""Hex characters in an article ID (48 bits: collisions are astronomically rare)."""

MIN_PREFIX_LENGTH: Final = 4
"""The shortest ID prefix a user may type, as with git."""

_SEPARATOR: Final = b"\xff"
"""Joins the hashed parts: the byte 0xFF never occurs in UTF-8, so joins are unambiguous."""

_HEX: Final = re.compile(r"[0-9a-f]+")


def _encode(text: str) -> bytes:
    # surrogatepass: keys come from arbitrary file names; never fail on them.
    return text.encode("utf-8", "surrogatepass")


def article_id(source_key: str, origin_key: str, attempt: int = 0) -> str:
    """The ID of the article `origin_key` of the source `source_key`.

    `attempt` 0 gives the usual ID; if that is already taken by a different
    article, attempts 1, 2, … give deterministic alternatives.
    """
    # Loaded when first needed: the reader only looks articles up by ID.
    import hashlib

    digest = hashlib.sha256(_encode(source_key) + _SEPARATOR + _encode(origin_key))
    if attempt:
        digest.update(_SEPARATOR + str(attempt).encode("ascii"))
    return digest.hexdigest()[:ID_LENGTH]


def content_hash(article: ParsedArticle) -> str:
    """A fingerprint of everything stored from `article`, to tell unchanged from updated."""
    parts = (
        article.title,
        article.section,
        article.deck,
        article.body,
        article.url,
        article.author,
        # NULL and "" are different dates; keep them apart in the fingerprint.
        "\x00" if article.published is None else article.published,
    )
    import hashlib

    return hashlib.sha256(_SEPARATOR.join(_encode(part) for part in parts)).hexdigest()


def normalize_id(text: str) -> str:
    """What the user typed as an ID, trimmed and lower-cased."""
    return text.strip().lower()


def is_id_like(text: str) -> bool:
    """True when normalized `text` could be an ID or an ID prefix (hex digits only)."""
    return _HEX.fullmatch(text) is not None
