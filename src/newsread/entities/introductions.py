"""A one-word name no one introduces as a person is no person.

News introduces people by their full names (`Jensen Huang`) before it uses a
surname alone, and marks them with titles, ages and pronouns. The tagger,
trained on 1996 wire news, takes many one-word names it never met for
people: `Anthropic`, `Foxconn`, `Bloomberg`. Such a name, when the article
names no person in full with that word and gives it no person's mark
anywhere, is an organisation (in today's news the likeliest kind of name).

A person's marks: a title right before (`General Kutuzov`), an age after
(`Bernardin, 68,`), an administration, a campaign or a person's verb after (`the
Biden administration`, `Musk told`), a disease named after them (`Crohn's disease`), a
personal pronoun just after (`… said. He added`), and the places sports results put people:
right before a score or a country in brackets (`Pelham 10-1`, `Samokhvalova (Russia)`), or in
a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from newsread.entities.identity import name_key, singulars
from newsread.entities.lexicon import DISEASE_WORDS, LEADERSHIPS, PERSON_VERBS, ROLE_WORDS
from newsread.model import Entity

_PRONOUN: Final = re.compile(r"(?i)\b(?:he|she|his|her|him|himself|herself)\b")
_PRONOUN_REACH: Final = 100
"""How many characters after a mention a pronoun still refers to it, roughly a sentence."""
_EPONYM: Final = re.compile(rf"[ \t]?['’]s[ \t]+(?:{'|'.join(sorted(DISEASE_WORDS))})\b")
"""`Crohn's disease`: a disease named after the person who described it."""
_AGE: Final = re.compile(r"[ \t]*,[ \t]*\d{1,3}[ \t]*,")
_RESULT: Final = re.compile(r"[ \t]*(?:\d|\([ \t]*[A-Z][a-z])")
_LEADERS_WORD: Final = re.compile(rf"[ \t]+(?:{'|'.join(sorted(LEADERSHIPS | PERSON_VERBS))})\b")
"""`the Biden administration`, `Musk told investors`: who leads one, or tells, is a person."""
_TITLES: Final = ROLE_WORDS | frozenset(
    ["general", "gen", "major", "maj", "marshal", "commander", "brigadier", "corporal", "private"]
)
"""A person's titles: the roles (`lexicon.ROLE_WORDS`) and military ranks."""
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)\.?[ \t]+$")
_LIST_OPENERS: Final = frozenset("\n,:")
_LIST_AFTER: Final = re.compile(r"[ \t]*(?:,|\(|$)", re.MULTILINE)


def unintroduced_persons(
    text: str, entities: Sequence[Entity], known: Callable[[str], bool]
) -> list[Entity]:
    """`entities` with one-word persons nobody introduces relabelled as organisations.

    A name counts only when training never met it (`known(name)` is false):
    a name the tagger knows it judged on more than its shape.
    """
    candidates: dict[str, list[Entity]] = {}
    in_full: set[str] | None = None
    for entity in entities:
        if entity.label != "PERSON" or " " in entity.text or known(entity.text):
            continue
        if in_full is None:
            in_full = {
                word.casefold()
                for other in entities
                if other.label == "PERSON" and " " in other.text
                for word in other.text.split()
            }
        if entity.text.casefold() not in in_full:
            candidates.setdefault(name_key(entity.text), []).append(entity)
    if candidates:
        # `Teslas` where the article names `Tesla`: its cars (`identity`), not a company.
        named = {name_key(entity.text) for entity in entities}
        for key in [key for key in candidates if key.endswith("s")]:
            if not named.isdisjoint(singulars(key)):
                del candidates[key]
    lone = {
        key
        for key, mentions in candidates.items()
        if not any(_marked_as_person(text, mention) for mention in mentions)
    }
    if not lone:
        return list(entities)
    return [
        Entity(e.start, e.end, "ORG", e.text, e.key)
        if e.label == "PERSON" and " " not in e.text and name_key(e.text) in lone
        else e
        for e in entities
    ]


def _marked_as_person(text: str, mention: Entity) -> bool:
    """Whether the words around one mention mark it as a person's name."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if before is not None and before.group(1).casefold() in _TITLES:
        return True
    if (
        _AGE.match(text, mention.end)
        or _RESULT.match(text, mention.end)
        or _LEADERS_WORD.match(text, mention.end)
        or _EPONYM.match(text, mention.end)
    ):
        return True
    if _PRONOUN.search(text, mention.end, mention.end + _PRONOUN_REACH):
        return True
    if _LIST_AFTER.match(text, mention.end) is None:
        return False
    # In a list: first on its line, or after a comma or a colon (spaces skipped).
    at = mention.start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in _LIST_OPENERS
