"""A standings table's rows open with teams: `DETROIT 47 86 .353 27 1/2` names a club.

Wire sports pages list teams by their city (`KANSAS CITY`, `Seattle`); a
city opening a row of wins, losses and a winning percentage is the team, an
organisation, even where the same article names the city as a place (`KANSAS
CITY AT DETROIT`: the home city). In eng.train every name opening such a row
is an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS
from newsread.model import Entity

_RECORD: Final = re.compile(r"[ \t]+\d{1,3}[ \t]+\d{1,3}[ \t]+\.\d{3}\b")
"""Wins, losses and a winning percentage (`47 86 .353`)."""


def teams_in_standings(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` with each name that opens a standings row labelled an organisation."""
    if "." not in text:
        return list(entities)
    result = list(entities)
    for index, entity in enumerate(entities):
        if (
            entity.label != "ORG"
            and entity.label in NAME_LABELS
            and (entity.start == 0 or text[entity.start - 1] == "\n")
            and _RECORD.match(text, entity.end) is not None
        ):
            result[index] = Entity(entity.start, entity.end, "ORG", entity.text, entity.key)
    return result
