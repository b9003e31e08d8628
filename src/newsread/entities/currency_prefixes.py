"""`A$ 4.3 million`: a dollar's country prefix is MISC, as CoNLL marks it.

`A$`, `C$`, `HK$`, `US$` name whose dollar a sum is in, an adjective of a country
as a nationality is: all 71 of them in eng.train and eng.testa are MISC, standing
before a sum or alone (`in millions of HK$ unless stated`). The wire sets the
prefix apart (`A$ 4.3 million`); there the sum after it stays MONEY (`4.3 million`).
Written as one word with the sum (`US$1.2 trillion`), as running text writes it, the
whole is one sum of money. The prefix's key is the currency's (`a$`), not the
country's, so the library does not count it as a mention of Australia.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.merge import names_within, with_added
from newsread.model import Entity

DOLLAR_PREFIXES: Final = frozenset(
    ["US", "U.S.", "A", "AU", "C", "CA", "NZ", "HK", "S", "NT", "R", "T", "Z"]
)
"""Country prefixes of dollars and of the real (`R$`), as the wire writes them."""
_LONGEST: Final = max(len(prefix) for prefix in DOLLAR_PREFIXES)


def split_currency_prefixes(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` (sorted, names and numbers together) with every dollar's country prefix
    (`DOLLAR_PREFIXES`) one MISC name: cut off the sum of money it opens a space before,
    put for a name of its letters (`HK` of `HK$` taken for a place), and found where
    nothing covers it."""
    prefixes = _prefixes(text)
    if not prefixes:
        return list(entities)
    ends = dict(prefixes)
    result: list[Entity] = []
    taken: set[int] = set()
    for entity in entities:
        end = ends.get(entity.start)
        if end is None or not (entity.end <= end or _sum_after(text, entity, end)):
            result.append(entity)
            continue
        taken.add(entity.start)
        prefix = text[entity.start : end]
        result.append(Entity(entity.start, end, "MISC", prefix, name_key(prefix)))
        if entity.end > end:
            money = text[end : entity.end].lstrip()
            start = entity.end - len(money)
            result.append(Entity(start, entity.end, "MONEY", money, name_key(money)))
    starts = [entity.start for entity in result]
    added: list[Entity] = []
    for start, end in prefixes:
        inside = names_within(result, starts, start, end)
        if start not in taken and inside is not None and not inside:
            added.append(Entity(start, end, "MISC", text[start:end], name_key(text[start:end])))
    return with_added(result, added)


def _sum_after(text: str, entity: Entity, end: int) -> bool:
    """Whether `entity` is a sum of money that the prefix ending at `end` opens, a space
    before the amount (`A$ 4.3 million`)."""
    return entity.label == "MONEY" and entity.end > end and text[end : end + 1].isspace()


def _prefixes(text: str) -> list[tuple[int, int]]:
    """The spans of the dollar prefixes in `text` (`HK$`), each opening a word."""
    found: list[tuple[int, int]] = []
    dollar = text.find("$")
    while dollar != -1:
        start = dollar
        while (
            start
            and dollar - start < _LONGEST
            and (text[start - 1].isupper() or text[start - 1] == ".")
        ):
            start -= 1
        # The longest run of capitals and dots before the sign that is a prefix.
        for opening in range(start, dollar):
            if text[opening:dollar] in DOLLAR_PREFIXES:
                if not opening or not (text[opening - 1].isalnum() or text[opening - 1] in "$."):
                    found.append((opening, dollar + 1))
                break
        dollar = text.find("$", dollar + 1)
    return found
