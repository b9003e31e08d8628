"""Turn what the user types into a safe FTS5 query.

FTS5 has its own query language (`AND`, `NOT`, `NEAR`, `*`, `^`, `:` column
filters, parentheses). Users type plain words, so every word is passed as a
quoted phrase: nothing they type can be read as an operator or a syntax error.
"""

from __future__ import annotations

from newsread.textsafe import strip_controls


def _has_word_character(chunk: str) -> bool:
    return any(character.isalnum() for character in chunk)


def fts_match_expression(text: str) -> str | None:
    """An FTS5 `MATCH` expression requiring every word of `text`; the last one as a prefix.

    Returns None when `text` holds no word at all (empty, spaces, punctuation),
    meaning "no search". Each whitespace-separated word becomes a quoted phrase
    with `"` doubled, so `o'brien` still finds "O'Brien" and `AND`, `(`, `*`,
    `-` or `:` are just text.
    """
    # Control characters (NUL in particular) would end an FTS5 string early.
    words = [chunk for chunk in strip_controls(text).split() if _has_word_character(chunk)]
    if not words:
        return None
    phrases = ['"' + word.replace('"', '""') + '"' for word in words]
    phrases[-1] += "*"
    return " ".join(phrases)
