"""Names in headlines need the body's word for it.

In a Title Case line (a Markdown heading, a headline) every word is
capitalised, so capitals say little and the tagger runs words together
(`Strategic Partners Join Acme Holdings`). A name found there is kept only
when the article's body names it too; otherwise only the runs of its words
that the body names are kept, if any (a body that names nothing proves
nothing). An article that is all headline keeps what the tagger found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Final

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.lexicon import CREDIT_VERBS, HEADLINE_VERBS
from newsread.entities.prose import Prose
from newsread.model import Entity

_LONG_WORD: Final = re.compile(r"[^\W\d_][\w'’-]{3,}")
_TITLE_SHARE: Final = 0.8
_TITLE_MIN_WORDS: Final = 4
_NUMBER_TOKEN: Final = re.compile(r"\S*\d\S*")


def _table_like(line: str) -> bool:
    """Whether a Title Case line is a row of a table, a list or a result (`Jane Doe ( Kenya )
    13:21.35`, `Hove : Sussex 285-6`, `Payne Stewart , Billy Mayfair , Ken Green`), not a
    headline: brackets, a colon set apart as wire tables have it, a fixture's `v`, more than
    one figure or comma, a comma after a colon, a figure opening or closing the line (a
    score: `Saeed Anwar c Mullally b Irani 57`), or a figure after a colon. A headline may
    hold one figure inside it and one comma (`Tesla Recalls 2 Million Cars`, `Apple, Google
    Face New Rules in 2026`)."""
    if "(" in line or results_row(line):
        return True
    if "," in line and ":" in line[: line.find(",")]:
        # `Postponed: East Fife v Clydebank, …`, `Paying agent: Acme Bank, Detroit`.
        return True
    figures = _NUMBER_TOKEN.findall(line)
    if not figures:
        return False
    words = line.split()
    if words[0] == figures[0] or words[-1] == figures[0]:
        return True
    colon = line.find(":")
    return colon >= 0 and line.find(figures[0]) > colon


def results_row(line: str) -> bool:
    """Whether a Title Case line is a row of results or of a table (`West Indies 259 (
    Chanderpaul 82 ; McGrath 4-58 )`, `Hove : Sussex 285-6`), which training text shows as
    plain lines, so the tagger reads it as one: two figures or more, a figure and a bracket,
    a colon set apart as wire tables have it, a fixture's `v`, or more than one comma. A
    headline may hold one figure and one comma (`LG Shows Rollable TV at CES 2026`)."""
    if " : " in line or " v " in line or line.count(",") > 1:
        return True
    figures = _NUMBER_TOKEN.findall(line)
    return len(figures) > 1 or (bool(figures) and "(" in line)


_CLOSING: Final = '.!?:;,"”'
_CREDITS: Final = re.compile(
    rf"\W*(?:(?:additional|further)[ \t]+)?(?:{'|'.join(sorted(CREDIT_VERBS))})[ \t]+by[ \t]",
    re.IGNORECASE,
)
"""`Reporting by Jane Doe; Editing by John Roe`: a news story's credits, not a headline."""


def is_title_case(line: str) -> bool:
    """Most longer words capitalised and no closing punctuation: a headline, not a sentence.

    A story's credits (`Reporting by …; Editing by …`) are no headline either.
    """
    stripped = line.rstrip()
    if not stripped or stripped[-1] in _CLOSING or _CREDITS.match(line):
        return False
    words = _LONG_WORD.findall(line)
    if len(words) < _TITLE_MIN_WORDS:
        return False
    # A brand written with a small letter first counts as capitalised (`iPhone`, `eBay`).
    capitalised = sum(1 for word in words if word[0].isupper() or not word[1:].islower())
    return capitalised >= _TITLE_SHARE * len(words)


def title_lines(prose: Prose) -> list[bool]:
    """For each line of `prose`: whether it is a heading or a Title Case line.

    A row of results is none, though its words are capitalised (`results_row`).
    """
    masked = prose.text
    return [
        heading
        or (
            # Most lines are sentences: their closing punctuation settles it at once.
            end > start
            and masked[end - 1] not in _CLOSING
            and is_title_case(masked[start:end])
            and not results_row(masked[start:end])
        )
        for start, end, heading in prose.lines
    ]


def prove_headline_names(
    prose: Prose, entities: Sequence[Entity], title_case: Sequence[bool]
) -> list[Entity]:
    """Keep a headline's names only as far as the body names them too.

    `title_case` is `title_lines(prose)`. Title Case lines with figures or
    parentheses are tables and results (`Jane Doe ( Kenya ) 13:21.35`), not
    headlines, and a line that is one name and nothing else is that name: both
    keep what the tagger found.
    """
    masked = prose.text
    titles = [
        line.heading or (title and not _table_like(masked[line.start : line.end]))
        for line, title in zip(prose.lines, title_case, strict=True)
    ]
    if not any(titles):
        return list(entities)
    if all(
        title or not masked[line.start : line.end].strip()
        for line, title in zip(prose.lines, titles, strict=True)
    ):
        return list(entities)
    line_starts = [line.start for line in prose.lines]
    on_title = [titles[bisect_right(line_starts, e.start) - 1] for e in entities]
    body = {name_key(e.text) for e, title in zip(entities, on_title, strict=True) if not title}
    kept: list[Entity] = []
    for entity, title in zip(entities, on_title, strict=True):
        if (
            not title
            or entity.label not in NAME_LABELS
            or name_key(entity.text) in body
            or _whole_line(prose, line_starts, entity)
        ):
            kept.append(entity)
            continue
        kept.extend(_proven_parts(entity, body))
    return kept


def _whole_line(prose: Prose, line_starts: Sequence[int], entity: Entity) -> bool:
    """A line of plain text that is this name and nothing else (a heading never counts)."""
    line = prose.lines[bisect_right(line_starts, entity.start) - 1]
    return not line.heading and prose.text[line.start : line.end].strip() == entity.text


def _proven_parts(entity: Entity, body: set[str]) -> list[Entity]:
    """The runs of the entity's words that the body names, longest first from the left."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", entity.text)]
    parts: list[Entity] = []
    first = 0
    while first < len(words):
        for last in range(len(words), first, -1):
            start, end = words[first][0], words[last - 1][1]
            text = entity.text[start:end]
            if name_key(text) in body:
                parts.append(Entity(entity.start + start, entity.start + end, entity.label, text))
                first = last
                break
        else:
            first += 1
    return parts


def cut_at_headline_verbs(
    prose: Prose, entities: Sequence[Entity], title_case: Sequence[bool]
) -> list[Entity]:
    """Names on Title Case lines end before a headline's verb (`Apple Unveils iPhone` →
    `Apple`; `Nvidia Becomes First Company` → `Nvidia`): the tagger, for which capitals say
    little on such lines, may run a name on through the verb (`HEADLINE_VERBS`). What
    follows the verb is left to the cues that find names by their shape."""
    if not any(title_case) and not any(" " in e.text and e.text.isupper() for e in entities):
        return list(entities)
    line_starts = [line.start for line in prose.lines]
    result: list[Entity] = []
    for entity in entities:
        if " " in entity.text and (
            entity.text.isupper() or title_case[bisect_right(line_starts, entity.start) - 1]
        ):
            words = entity.text.split(" ")
            at = next(
                (i for i, word in enumerate(words) if i and word.casefold() in HEADLINE_VERBS),
                None,
            )
            if at is not None:
                head = " ".join(words[:at])
                entity = Entity(
                    entity.start, entity.start + len(head), entity.label, head, name_key(head)
                )
        result.append(entity)
    return result


SPORT_HEADING: Final = re.compile(
    r"^[ \t]*([A-Z]+(?:[ \t]+[A-Z]+)?)[ \t]+-[ \t]+[A-Z]", re.MULTILINE
)
"""`GOLF - PARNEVIK TAKES ONE-SHOT LEAD`: a sports story's headline, after its sport."""


def heading_sport(heading: re.Match[str]) -> str:
    """The words before the dash of a `SPORT_HEADING` match, casefolded and single-spaced
    (`ice hockey`): a sport, when `lexicon.SPORTS` or `SPORTS_OF_TWO_WORDS` has it."""
    return " ".join(heading.group(1).casefold().split())


def opening_sport(text: str) -> str:
    """`heading_sport` of the headline opening `text` (`CHESS - …` gives `chess`), or ""."""
    heading = SPORT_HEADING.match(text)
    return heading_sport(heading) if heading is not None else ""
