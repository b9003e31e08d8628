"""Where a line's format fixes a name's kind, whatever the article calls it elsewhere.

Wire copy names one city two ways: `DETROIT 47 86 .353 27 1/2` opens a row
of a standings table with the team (an organisation), while `DETROIT
1996-08-30` or `DETROIT, Aug 30 (Reuters) -` opens a story with the place it
was filed from. The rest of the article cannot settle which, so these
positions are labelled last, after `identity` gave each name one label: in
eng.train every name opening a standings row is an organisation (224 of
224), 897 of the 907 opening a dateline are places, and so are all 32 venues opening a
line of cricket scores (`Hove : Sussex 285-6`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS
from newsread.model import Entity

_RECORD: Final = re.compile(r"[ \t]+\d{1,3}[ \t]+\d{1,3}[ \t]+\.\d{3}\b")
"""Wins, losses and a winning percentage (`47 86 .353`)."""
_WIRE_DATELINE: Final = (
    r",[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b"
    r"|[ \t]+\((?:Reuters|AP|AFP|UPI|Bloomberg|CNN|dpa|Xinhua)\)"
)
WIRE_DATELINE: Final = re.compile(_WIRE_DATELINE)
"""What follows the place a wire story's dateline opens with: `KYIV, Aug 12 (Reuters) -`,
`WASHINGTON (AP) —`."""
_DATELINE: Final = re.compile(
    _WIRE_DATELINE
    + r"|(?:[ \t]*,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?[ \t]+\d{4}-\d\d-\d\d[ \t]*$",
    re.MULTILINE,
)
"""`WIRE_DATELINE`, or a line that ends in a date after the place (and its state or
country): `NICE , France 1996-08-30`, as CoNLL's copy of the wire has them."""


_VENUE: Final = re.compile(r"[ \t]+:[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)*[ \t]+\d")
"""A team and its score after a colon: `Hove : Sussex 285-6`, where the match was played."""


def by_line_format(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with each name opening a standings row an organisation, and each name
    opening a dateline or a line of scores after a colon (the venue) a place."""
    result = list(entities)
    for index, entity in enumerate(entities):
        if entity.label not in NAME_LABELS or not _opens_line(text, entity.start):
            continue
        if entity.label != "ORG" and _RECORD.match(text, entity.end):
            result[index] = Entity(entity.start, entity.end, "ORG", entity.text, entity.key)
        elif entity.label != "PLACE" and (
            _DATELINE.match(text, entity.end) or _VENUE.match(text, entity.end)
        ):
            result[index] = Entity(entity.start, entity.end, "PLACE", entity.text, entity.key)
    return result


def _opens_line(text: str, start: int) -> bool:
    """Whether a name at `start` opens its line, or follows only `At ` there (`At Leicester :`)."""
    if start >= 3 and text[start - 3 : start] == "At ":
        start -= 3
    return start == 0 or text[start - 1] == "\n"
