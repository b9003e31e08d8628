"""Acronyms that are common nouns (`AI`, `GPU`, `an APC`) are not names.

Two kinds of evidence: a general list of acronyms used as ordinary words in
news (`lexicon.COMMON_ACRONYMS`), and an article that spells one out in
lowercase words (`armored personnel carrier (APC)`). A disease's acronym is the
exception: `bovine spongiform encephalopathy ( BSE )` names the disease, and eng.train
and eng.testa mark `BSE`, `CJD`, `AIDS` and `HIV` as names (MISC) in all 18 of their
mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from newsread.entities.lexicon import COMMON_ACRONYMS, DISEASE_WORDS
from newsread.model import Entity

_IN_PARENTHESES: Final = re.compile(r"\([ \t]?([A-Z][A-Za-z&]{1,6})[ \t]?\)")
_LOWERCASE_WORDS: Final = re.compile(r"(?:[a-z][a-z-]*[ \t]+){1,5}$")


def common_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text defines as lowercase phrases, e.g. `APC` in `personnel carrier (APC)`."""
    defined: set[str] = set()
    for match in _IN_PARENTHESES.finditer(text):
        acronym = match.group(1)
        words = _LOWERCASE_WORDS.search(text, max(0, match.start() - 60), match.start())
        if words is None:
            continue
        spelled = words.group().split()
        initials = "".join(word[0] for word in spelled)
        if spelled[-1] in DISEASE_WORDS:
            continue
        if initials.casefold().endswith(acronym.rstrip("s").casefold()):
            defined.add(acronym.casefold())
    return frozenset(defined)


def drop_common_acronyms(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Remove names that are only a common-noun acronym; trim one off a longer name's end."""
    defined = common_acronyms(text) if "(" in text else frozenset()
    kept: list[Entity] = []
    for entity in entities:
        if not defined and not _ends_in_common_acronym(entity.text):
            kept.append(entity)
            continue
        words = entity.text.split(" ")
        while words and _is_common(words[-1], defined) and not _ends_a_company(text, entity, words):
            words.pop()
        while words and _is_common(words[0], defined):
            words.pop(0)
        if not words:
            continue
        if len(words) != len(entity.text.split(" ")):
            inner = " ".join(words)
            start = entity.start + entity.text.index(inner)
            entity = Entity(start, start + len(inner), entity.label, inner, entity.key)
        elif entity.label == "PERSON" and _ends_a_company(text, entity, words):
            # No one's name ends in `AI`: `Kelvara AI said…` is a company's.
            entity = Entity(entity.start, entity.end, "ORG", entity.text, entity.key)
        kept.append(entity)
    return kept


_AFTER_A_SUBJECT: Final = re.compile(
    r"(?:['’]s\b|[ \t]*(?:[,.;:)]|$)"
    r"|[ \t]+(?:said|says|has|had|have|is|was|will|would|[a-z]+ed)\b)",
    re.MULTILINE,
)


_COMPANY_NAME_ENDINGS: Final = frozenset(["ai", "tv"])
"""The common acronyms that end companies' names (`Mistral AI`, `Sky TV`; never `IPO`, `CEO`)."""


def _ends_a_company(text: str, entity: Entity, words: list[str]) -> bool:
    """`Mistral AI released…`: an acronym ending a company's whole name is part of it.

    The name must be of two words or more, an organisation's or one taken for a
    person's, the acronym its very last word and one that ends companies'
    names, and the text go on as after a subject or a whole name (a verb, a
    possessive, punctuation), not with the noun the acronym qualifies (`Acme AI chips`).
    """
    return (
        entity.label in ("ORG", "PERSON")
        and len(words) == entity.text.count(" ") + 1 > 1
        and words[-1].casefold() in _COMPANY_NAME_ENDINGS
        and _AFTER_A_SUBJECT.match(text, entity.end) is not None
    )


@lru_cache(maxsize=8192)
def _ends_in_common_acronym(name: str) -> bool:
    """Whether `name` starts or ends with a word of `COMMON_ACRONYMS` (`AI`, `GPUs`)."""
    words = name.split(" ")
    return _is_common(words[-1], frozenset()) or _is_common(words[0], frozenset())


def _is_common(word: str, defined: frozenset[str]) -> bool:
    plural = word.endswith("s") and word[:-1].isupper()
    if not word[:1].isupper() or not (word.isupper() or plural):
        return False
    folded = word.casefold()
    return (
        folded in COMMON_ACRONYMS
        or folded in defined
        # `MPs`, `CEOs`: a common acronym's plural.
        or (plural and folded[:-1] in COMMON_ACRONYMS)
        or folded.rstrip("s") in defined
    )
