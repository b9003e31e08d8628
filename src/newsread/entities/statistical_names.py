"""The named-entity pass: the trained tagger's names, as entities of the article.

Each line of the masked text is cut into sentences and tokens; the tagger
labels them; a name becomes an entity unless it would overlap a number-shaped
span. Title Case lines (headings, headlines) are flagged so capitals there
count for little.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Final

import numpy as np

from newsread.entities.common_words import opens_sentence
from newsread.entities.identity import name_key
from newsread.entities.lexicon import (
    COMPANY_KINDS,
    DEMONYMS,
    FUNCTION_WORDS,
    LEGAL_FORMS,
    NEWSPAPER_TITLES,
    ROLE_WORDS,
    SENTENCE_OPENERS,
)
from newsread.entities.merge import with_added
from newsread.entities.prose import Prose
from newsread.entities.tagger import shared_tagger
from newsread.entities.tagger.tags import TYPES, document_spans
from newsread.entities.tagger.tokenize import tokenize
from newsread.model import Entity

LABELS: Final = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}
"""The tagger's types as the app's labels."""

_TRAILING: Final = ".-'’"
_OPENING: Final = {")": "(", "]": "["}
_CLOSING: Final = frozenset(_OPENING)
_PERSON: Final = TYPES.index("PER")
_LABEL_OF_TYPE: Final = [LABELS[kind] for kind in TYPES]


def find_names(
    original: str, prose: Prose, titles: Sequence[bool], numeric: Sequence[Entity]
) -> list[Entity]:
    """Named entities in `original`.

    `prose` is its masked form, `titles` says which of its lines are Title Case
    (`headlines.title_lines`), and `numeric` holds the number-shaped spans.
    """
    masked = prose.text
    tokens = tokenize(masked)
    if not tokens.words:
        return []
    headlines = np.array(titles, dtype=bool)[tokens.sentence_lines]
    tags = shared_tagger().tag(tokens.words, tokens.sentence_starts, headlines)
    firsts, ends, kinds = document_spans(tags, tokens.sentence_starts)
    span_starts = tokens.starts[firsts].tolist()
    spans = zip(span_starts, tokens.ends[ends - 1].tolist(), kinds.tolist(), strict=True)
    taken = sorted((e.start, e.end) for e in numeric)
    entities: list[Entity] = []
    for start, end, kind in spans:
        if original[end - 1] in _CLOSING and _OPENING[original[end - 1]] not in original[start:end]:
            # `Batumi ( Georgia ) 3`: the tagger may run a name on into the bracket closing it.
            end = len(original[start : end - 1].rstrip()) + start
        if original[end - 1] in _TRAILING:
            end = _trim(original, start, end)
        if not original[start].isalnum() and original[start] != "@":
            start = _after_marks(original, start, end)
        if kind == _PERSON:
            start = _after_titles(original, start, end)
        if start < end and original[start].isupper():
            start = _after_opener(original, start, end)
            if original.startswith(_THE, start):
                start = _after_article(original, start, end)
        word = original[start:end].casefold()
        if word in COMPANY_KINDS or (
            word in _TITLE_QUALIFIERS and _after_titles(original, start, len(original)) > end
        ):
            # `Chipmakers dominated…`: a kind of company; `Interim` of `Interim CEO Jane
            # Fraser`: a title's qualifier. Neither is a name.
            continue
        if end > start and not (taken and _overlaps(taken, start, end)):
            name = original[start:end]
            entities.append(Entity(start, end, _LABEL_OF_TYPE[kind], name, name_key(name)))
    entities = _without_trailing_titles(original, _split_at_inner_titles(original, entities))
    entities = _split_nationalities(original, entities)
    entities = _with_listed_first_names(original, entities, taken)
    if "@" not in masked:
        return entities
    return _with_handles(
        original, tokens.words, tokens.starts.tolist(), tokens.ends.tolist(), entities
    )


def _with_handles(
    original: str,
    words: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    entities: list[Entity],
) -> list[Entity]:
    """An `@handle` the tagger left alone is still a name (of an account): MISC."""
    covered = sorted((e.start, e.end) for e in entities)
    extra = [
        Entity(int(starts[i]), int(ends[i]), "MISC", original[starts[i] : ends[i]])
        for i, word in enumerate(words)
        if word[0] == "@" and len(word) > 1 and not _overlaps(covered, int(starts[i]), int(ends[i]))
    ]
    return with_added(entities, extra)


_FIRST_NAMES_TOO: Final = frozenset(["dean"])
"""Titles that are first names too: `Dean` opens six people's names in eng.train and never
stands before one as a title."""


_TITLE_QUALIFIERS: Final = frozenset(
    ["county", "city", "state", "district", "federal", "acting", "interim", "former", "assistant"]
)
"""Words that qualify a title before a name (`County Sheriff Mark Lamb`, `Interim CEO Jane
Fraser`) and are no title alone (`County Durham`)."""


def _after_titles(text: str, start: int, end: int) -> int:
    """Where a person's name starts once titles are left out: `Mayor David Chen` → `David Chen`,
    `County Sheriff Mark Lamb` → `Mark Lamb`."""
    while True:
        space = text.find(" ", start, end)
        if space < 0:
            return start
        title = text[start:space].rstrip(".").casefold()
        if title in _TITLE_QUALIFIERS:
            after = text.find(" ", space + 1, end)
            if after >= 0 and text[space + 1 : after].rstrip(".").casefold() in ROLE_WORDS:
                start = space + 1
                continue
        if not _persons_title(title):
            return start
        start = space + 1


_RANKS: Final = frozenset(["general", "major", "brigadier", "corporal", "private", "field"])
"""Military ranks that open a person's name as titles (`General Sani Abacha`): never inside
a person's name in eng.train or eng.testa, but names of other things too (`General
Motors`), so they are titles only where the tagger saw a person."""


def _persons_title(word: str) -> bool:
    """Whether a casefolded word opening a person's name is a title: a role, a rank, or
    ranks joined by hyphens (`lieutenant-colonel`, `major-general`)."""
    if word in _FIRST_NAMES_TOO:
        return False
    return all(part in ROLE_WORDS or part in _RANKS for part in word.split("-"))


def _without_trailing_titles(text: str, entities: list[Entity]) -> list[Entity]:
    """Titles closing a name before a person's, or before more titles, are the person's
    and left out of the name (`Federal Reserve Governor Lawrence Lindsey`, `Taiwanese Vice
    President Lien Chan`): in eng.train a capitalised title sits between a name and a
    person's 55 times and never ends the first name, and only three names other than
    people's end in a title at all (`New Scientist`, `Most Valuable Player`, `Son Sen`).
    After an acronym or a company's legal form a title is left out wherever it stands
    (`Best Products Co Chairman and Chief Executive…`, `the HCFA Administrator reversed`)."""
    for index, entity in enumerate(entities):
        if entity.label == "PERSON" or " " not in entity.text:
            continue
        following = entities[index + 1] if index + 1 < len(entities) else None
        before_person = (
            following is not None
            and following.label == "PERSON"
            and following.start == entity.end + 1
        )
        words = entity.text.split(" ")
        kept = len(words)
        while kept > 1 and _is_title(words[kept - 1]):
            kept -= 1
        if kept == len(words):
            continue
        if not before_person and not _ends_an_organisation(words[kept - 1]):
            next_word = _CAPITALISED_AFTER.match(text, entity.end)
            if next_word is None or not _is_title(next_word.group(1)):
                continue
        if kept < len(words):
            head = " ".join(words[:kept])
            end = entity.start + len(head)
            entities[index] = Entity(entity.start, end, entity.label, head, name_key(head))
    return entities


_LISTED_FIRST_NAME: Final = re.compile(
    r"(?:(?<=\d[ \t])|(?<=\d\.[ \t])|(?<=\bbeat[ \t]))([A-Z][a-z][\w'’-]*)[ \t]+$"
)
"""A capitalised word after a rank, a score or `beat`, right before a person's name:
`146 Iain Pyman 71 75`, `6. Sunday Bada ( Nigeria )`."""


def _with_listed_first_names(
    text: str, entities: list[Entity], taken: Sequence[tuple[int, int]]
) -> list[Entity]:
    """A person's name in a list of results takes in the first name the tagger left before
    it (`Ai Sugiyama`, not `Sugiyama`), unless that word is a title, a nationality or part
    of a number-shaped span (`taken`: `5 September`)."""
    result = entities
    for index, entity in enumerate(entities):
        if entity.label != "PERSON":
            continue
        floor = entities[index - 1].end if index else 0
        before = _LISTED_FIRST_NAME.search(text, max(floor, entity.start - 40), entity.start)
        if before is None or before.start(1) < floor:
            continue
        word = before.group(1).casefold()
        if word in ROLE_WORDS or word in DEMONYMS or word in FUNCTION_WORDS:
            continue
        if taken and _overlaps(taken, before.start(1), before.end(1)):
            continue
        if result is entities:
            result = list(entities)
        name = text[before.start(1) : entity.end]
        result[index] = Entity(before.start(1), entity.end, "PERSON", name, name_key(name))
    return result


_TITLE_PARTS: Final = frozenset(["majority", "minority"])
"""Words only inside a title (`Majority Leader`): before a name they may be an adjective
(`the majority African National Congress`)."""


def _is_title(word: str) -> bool:
    """Whether `word` is a capitalised title or part of one (`Governor`, `Vice`, `Majority`)."""
    folded = word.rstrip(".").casefold()
    return word[:1].isupper() and (folded in ROLE_WORDS or folded in _TITLE_PARTS)


def _ends_an_organisation(word: str) -> bool:
    """Whether `word` closes an organisation's name: an acronym (`HCFA`) or a legal form
    (`Co`, `Inc`)."""
    return (len(word) > 1 and word.isupper()) or word.rstrip(".").casefold() in LEGAL_FORMS


_CAPITALISED_AFTER: Final = re.compile(r" ([A-Z][\w.-]*) [A-Z]")
"""The capitalised word after a name, itself before one."""


_NAME_WORD: Final = re.compile(r"[A-Z][\w'’.-]*")


def _split_at_inner_titles(text: str, entities: list[Entity]) -> list[Entity]:
    """A name the tagger ran on into a person's, across a title, is two names
    (`Federal Reserve Governor Lawrence Lindsey`, `Israel PM Peres`, taken as one): the
    first keeps its label, or is a nationality (`Dutch Queen Beatrix`), or an organisation
    if the whole was taken for a person (`Fed Chair Jerome Powell`), and the person's is
    left after the title. In eng.train and eng.testa no person's name has a capitalised
    title inside it, and only four other names do (a pageant, a film, a town's old full
    name, and an organisation named with `and`)."""
    result: list[Entity] = []
    for entity in entities:
        if entity.text.count(" ") < 2:
            result.append(entity)
            continue
        words = entity.text.split(" ")
        cut = next(
            (
                at
                for at in range(1, len(words) - 1)
                if _is_title(words[at]) and words[at].casefold() not in _FIRST_NAMES_TOO
            ),
            None,
        )
        if cut is None:
            result.append(entity)
            continue
        head = " ".join(words[:cut])
        head_end = entity.start + len(head)
        person_start = _after_titles(text, head_end + 1, entity.end)
        person = text[person_start : entity.end]
        if person_start >= entity.end or not all(
            _NAME_WORD.fullmatch(w)
            # `Mary Queen Of Scots` is one person.
            and not (entity.label == "PERSON" and w.casefold() in FUNCTION_WORDS)
            for w in person.split(" ")
        ):
            result.append(entity)
            continue
        if head.casefold() in DEMONYMS:
            label = "MISC"
        elif entity.label == "PERSON":
            # `Fed Chair Jerome Powell`: no person's name has a title inside it. Before a title
            # and a person, eng.train has 17 organisations, 11 places (9 of them `U.S.`).
            label = "ORG"
        else:
            label = entity.label
        result.append(Entity(entity.start, head_end, label, head, name_key(head)))
        result.append(Entity(person_start, entity.end, "PERSON", person, name_key(person)))
    return result


def _split_nationalities(text: str, entities: list[Entity]) -> list[Entity]:
    """A nationality the tagger ran into a person's name is a name of its own (`Kenyan` +
    `Josphat Kipkemboi`): in eng.train and eng.testa a nationality stands right before a
    person's name 47 times and opens one once."""
    result: list[Entity] = []
    for entity in entities:
        if entity.label != "PERSON":
            result.append(entity)
            continue
        first, space, rest = entity.text.partition(" ")
        if not space or first.casefold() not in DEMONYMS:
            result.append(entity)
            continue
        start = entity.start + len(first) + 1
        result.append(Entity(entity.start, entity.start + len(first), "MISC", first))
        result.append(Entity(start, entity.end, "PERSON", rest, name_key(rest)))
    return result


def _after_opener(text: str, start: int, end: int) -> int:
    """Where a name starts once a conjunction, an adverb or a kind of company opening it is
    left out (`Then Klarna`, `Rival Walmart Inc`).

    Only a word that is no name's (`SENTENCE_OPENERS`, `COMPANY_KINDS`) and opens its line
    or sentence: the tagger, seeing a new name next to it, may take the two together.
    """
    space = text.find(" ", start, end)
    if space < 0 or text[start:space].casefold() not in _OPENERS:
        return start
    return space + 1 if opens_sentence(text, start) else start


_OPENERS: Final = SENTENCE_OPENERS | COMPANY_KINDS
_THE: Final = ("The ", "THE ")


def _after_article(text: str, start: int, end: int) -> int:
    """Where a name opening with `The` and two words more starts once `The` is left out
    (`The European Commission`, `The Cyprus Grain Commission`): eng.train and eng.testa have
    a capitalised `The` before 132 names of two words or more and inside 10, 4 of them
    newspapers', which keep it (`The New York Times`); a one-word name keeps it too (`The
    Oval`)."""
    words = text[start:end].split()
    if len(words) < 3 or words[-1].casefold() in NEWSPAPER_TITLES:
        return start
    return start + len(words[0]) + 1


def _after_marks(text: str, start: int, end: int) -> int:
    """Where a name starts once the marks the tagger took in before it are left out (`#Nvidia`)."""
    while start < end and not (text[start].isalnum() or text[start] == "@"):
        start += 1
    return start


def _trim(text: str, start: int, end: int) -> int:
    """Leave a closing period (`Inc.` → `Inc`), dash or apostrophe outside; keep `U.S.`."""
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == "." and "." in text[max(start, end - 4) : end - 1]:
            break
        end -= 1
    return end


def _overlaps(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `[start, end)` meets any of `taken` (sorted, disjoint spans)."""
    index = bisect_right(taken, (end, end))
    return index > 0 and taken[index - 1][1] > start
