"""What the article says about each name, weighed against what the tagger guessed.

The tagger labels every mention on its own; a name it never met in training
(a young company, a product) gets a guess from its shape alone. Here every
mention of a name casts votes: the tagger's label, worth less when the name
is new to the model, and the cues around it in the text (`X CEO`, `CEO of X`,
`startup X` → organisation; `X system`, `X, a … model`, `Acme’s X` →
product; `on X` → place; `X 2026` after `at` → event; a role word before
it, or `Jane Doe’s Acme` → person). The label with the most weight wins for every mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Final

from newsread.entities.identity import name_key
from newsread.entities.lexicon import (
    BUSINESS_ROLES,
    COMPANY_ACTIONS,
    COMPANY_NOUNS,
    DEMONYMS,
    EVENT_NOUNS,
    FACILITY_NOUNS,
    GEOGRAPHIC_HEADS,
    PLACE_HEADS,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    TEAM_NOUNS,
)
from newsread.model import Entity

Votes = dict[str, dict[str, float]]

KNOWN_VOTE: Final = 2.0
"""The tagger's say on a name the model met in training."""
NEW_VOTE: Final = 1.0
"""The tagger's say on a name the model never met: a guess from its shape."""
STRONGEST: Final = 2.5
STRONG: Final = 1.5
WEAK: Final = 0.75

_NAMES: Final = frozenset(["PERSON", "ORG", "PLACE", "MISC", "PRODUCT", "EVENT"])
_NEXT_WORD: Final = re.compile(r"(?:['’]s)?[ \t]*(?:\([^()\n]{1,12}\)[ \t]*)?([A-Za-z][\w-]*)")
_APPOSITIVE: Final = re.compile(r"(?:['’]s)?,[ \t]+(?:a|an|the|its)[ \t]+([^,.;:\n]{0,80})")
_YEAR_AFTER: Final = re.compile(r"[ \t]+(?:19|20)\d\d(?!\d)")
_LIST_BEFORE: Final = re.compile(
    r"(?i:\b(?:companies|firms|startups|automakers|rivals|competitors|players|investors|"
    r"backers|platforms|services|networks|websites|sites|outlets|publications|brands)[ \t]+"
    r"(?:like|such[ \t]+as|including))[ \t]+(?:[^\n.;:]{0,60},[ \t]+)?(?:and[ \t]+)?$"
)
_POSSESSED: Final = re.compile(r"['’]s[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}$")
_POSSESSIVE_GAP: Final = re.compile(r"['’]s[ \t]+")
_APOSTROPHES: Final = frozenset("'’")
_APPOSITIVE_OPENERS: Final = frozenset("'’,")
"""What a text right after a name must start with for `_APPOSITIVE` to match."""
_ROLE_AFTER: Final = re.compile(r",[ \t]+(?:the[ \t]+)?([A-Za-z-]+)")
_ORG_PREFIX: Final = frozenset(["ceo", "founder", "owner", "shares", "cofounder", "co-founder"])
_PLACE_BEFORE: Final = frozenset(["on", "in", "to", "near", "across", "throughout"])
_CLAUSE_PLACE_BEFORE: Final = _PLACE_BEFORE | frozenset(["for", "from", "at"])
_CLAUSE_END: Final = re.compile(r"[ \t]*(?:[.;:!?]|,[ \t]|$)", re.MULTILINE)
_LAUNCH_VERBS: Final = frozenset(
    ["unveiled", "unveils", "launched", "launches", "introduced", "introduces", "released"]
)
_LAUNCH_NOUNS: Final = frozenset(["launch", "announcement", "release", "rollout", "debut"])


def weigh(text: str, entities: Sequence[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """Relabel every name with the label its mentions and their contexts vote for.

    `known(name)` tells whether the tagger met every word of `name` in training.
    """
    keys = [name_key(e.text) for e in entities]
    names = sorted(set(keys))
    own = [
        _own_cues(text, entities, index, names) if entity.label in _NAMES else []
        for index, entity in enumerate(entities)
    ]
    organisations = {key for key, e in zip(keys, entities, strict=True) if e.label == "ORG"}
    winners = _winners(text, entities, keys, own, known, organisations)
    # Once: cues that lean on other names' kinds see the first round's verdicts.
    verdicts = {key for key, label in winners.items() if label == "ORG"}
    if verdicts != organisations:
        winners = _winners(text, entities, keys, own, known, verdicts)
    return [
        Entity(e.start, e.end, winners[key], e.text, e.key)
        if key in winners and winners[key] != e.label
        else e
        for key, e in zip(keys, entities, strict=True)
    ]


def _winners(
    text: str,
    entities: Sequence[Entity],
    keys: Sequence[str],
    own: Sequence[list[tuple[str, float]]],
    known: Callable[[str], bool],
    organisations: set[str],
) -> dict[str, str]:
    votes: Votes = defaultdict(lambda: defaultdict(float))
    guesses: dict[str, list[str]] = defaultdict(list)
    for index, entity in enumerate(entities):
        if entity.label not in _NAMES:
            continue
        key = keys[index]
        guesses[key].append(entity.label)
        tally = votes[key]
        for label, weight in own[index]:
            tally[label] += weight
        for label, weight in _relation_cues(text, entities, index, organisations, known):
            tally[label] += weight
    # The mentions of one name share their features, so the tagger's labels
    # are one opinion, not independent votes: it counts once, shared out.
    for key, labels in guesses.items():
        say = KNOWN_VOTE if known(key) else NEW_VOTE
        for label in labels:
            votes[key][label] += say / len(labels)
    return {key: max(tally.items(), key=lambda item: item[1])[0] for key, tally in votes.items()}


def _relation_cues(
    text: str,
    entities: Sequence[Entity],
    index: int,
    organisations: set[str],
    known: Callable[[str], bool],
) -> list[tuple[str, float]]:
    """Cues that depend on which other names are organisations."""
    if not organisations:
        return []
    entity = entities[index]
    found: list[tuple[str, float]] = []
    if index and _coordinated(text, entities[index - 1], entity, organisations):
        found.append(("ORG", WEAK))
    if index + 1 < len(entities) and _coordinated(text, entity, entities[index + 1], organisations):
        found.append(("ORG", WEAK))
    if index and _brand_before(text, entities[index - 1], entity, organisations):
        found.append(("PRODUCT", STRONG))
    # `Acme’s Jane Doe` is Acme's person, not its product.
    if entity.label != "PERSON" and _owned_by(text, entities, index, organisations):
        found.append(("PRODUCT", STRONG))
    if (
        entity.label == "ORG"
        and index + 1 < len(entities)
        and _founder_of(text, entity, entities[index + 1], organisations)
        and not known(entity.text)
    ):
        found.append(("PERSON", STRONG))
    return found


def _own_cues(
    text: str, entities: Sequence[Entity], index: int, names: Sequence[str]
) -> list[tuple[str, float]]:
    """Cues from the words around one mention; `names` are all the names' keys, sorted."""
    entity = entities[index]
    found: list[tuple[str, float]] = []
    following = _NEXT_WORD.match(text, entity.end)
    after = following.group(1).casefold() if following is not None else ""
    before_text = text[max(0, entity.start - 40) : entity.start]
    before_words = _previous_words(before_text)
    last = before_words[-1] if before_words else ""
    two_back = before_words[-2] if len(before_words) > 1 else ""
    single = " " not in entity.text
    next_character = text[entity.end : entity.end + 1]
    if after in BUSINESS_ROLES or after in COMPANY_ACTIONS:
        found.append(("ORG", STRONG))
    if last == "of" and two_back in _ORG_PREFIX:
        found.append(("ORG", STRONG))
    if last in COMPANY_NOUNS and entity.label != "PERSON":
        found.append(("ORG", WEAK))
    if (
        "like" in before_text or "such as" in before_text or "including" in before_text
    ) and _LIST_BEFORE.search(before_text):
        found.append(("ORG", STRONGEST))
    lowercase_after = following is not None and following.group(1)[:1].islower()
    if after in PRODUCT_NOUNS and lowercase_after and not _names_a_whole(names, entity, after):
        found.append(("PRODUCT", STRONG))
    if last in TEAM_NOUNS and entity.label != "PERSON":
        found.append(("ORG", STRONG))
    folded = entity.text.casefold()
    if single and (folded in DEMONYMS or folded.removesuffix("s") in DEMONYMS):
        found.append(("MISC", STRONGEST))
    head = folded.rsplit(" ", 1)[-1]
    if not single and head in PLACE_HEADS:
        found.append(("PLACE", STRONGEST if head in GEOGRAPHIC_HEADS else STRONG))
    if after in FACILITY_NOUNS:
        found.append(("PLACE", STRONG))
    if last == "the":
        found.append(("PERSON", -WEAK))
    role = _ROLE_AFTER.match(text, entity.end) if not single else None
    if role is not None and role.group(1).casefold() in ROLE_WORDS:
        found.append(("PERSON", STRONG))
    if next_character in _APOSTROPHES and _owns_product(text, entities, index):
        found.append(("ORG", STRONG))
    if single and entity.text[:1].islower() and not entity.text.islower():
        found.append(("ORG", WEAK))
    if after in EVENT_NOUNS:
        found.append(("EVENT", STRONG))
    appositive = (
        _APPOSITIVE.match(text, entity.end) if next_character in _APPOSITIVE_OPENERS else None
    )
    if appositive is not None:
        words = {w.casefold() for w in appositive.group(1).split()}
        if words & PRODUCT_NOUNS:
            found.append(("PRODUCT", STRONG))
        elif words & COMPANY_NOUNS:
            found.append(("ORG", STRONG))
    if last in _LAUNCH_VERBS or (two_back in _LAUNCH_NOUNS and last == "of"):
        found.append(("PRODUCT", WEAK))
    if single and last in _PLACE_BEFORE and after not in BUSINESS_ROLES:
        found.append(("PLACE", WEAK))
    # `… on X.`: a name closing a clause after a preposition of place.
    if single and last in _CLAUSE_PLACE_BEFORE and _CLAUSE_END.match(text, entity.end):
        found.append(("PLACE", WEAK))
    if entity.label == "PERSON" and not single and _quoted(text, entity):
        # `“Blade Runner”`: people's names are not put in quotation marks of their
        # own; a person-like name so quoted is a title or a nickname.
        found.append(("MISC", STRONGEST))
    if last == "at" and _YEAR_AFTER.match(text, entity.end):
        found.append(("EVENT", STRONG))
    if last in ROLE_WORDS and last not in BUSINESS_ROLES - {"ceo", "founder"} and not single:
        found.append(("PERSON", STRONG))
    return found


_QUOTES: Final = {"“": "”", '"': '"', "‘": "’"}


def _quoted(text: str, entity: Entity) -> bool:
    """Whether the name alone fills a pair of quotation marks: `“Blade Runner”`."""
    opening = text[entity.start - 1 : entity.start] if entity.start else ""
    closing = _QUOTES.get(opening)
    return closing is not None and text[entity.end : entity.end + 1] == closing


def _owned_by(text: str, entities: Sequence[Entity], index: int, organisations: set[str]) -> bool:
    """`Acme’s Skylark`, `Acme’s recently announced Skylark`: a company's possession."""
    if index == 0:
        return False
    owner = entities[index - 1]
    if text[owner.end : owner.end + 1] not in _APOSTROPHES:
        return False
    gap = text[owner.end : entities[index].start]
    modifies_next = (
        index + 1 < len(entities) and text[entities[index].end : entities[index + 1].start] == " "
    )
    return (
        name_key(owner.text) in organisations
        and _POSSESSED.match(gap) is not None
        and not modifies_next
    )


def _founder_of(text: str, owner: Entity, owned: Entity, organisations: set[str]) -> bool:
    """`Jane Doe’s Acme`: a plain two- or three-word name owning an organisation is a person's.

    It decides between a person and an organisation only (`South Korea’s Acme` is
    a place's): an organisation owning one (`Acme’s Zenith`) mostly has a one-word
    name or one with a company word in it, and one the tagger met is left alone.
    """
    if text[owner.end : owner.end + 1] not in _APOSTROPHES:
        return False
    words = owner.text.split(" ")
    return (
        1 < len(words) <= 3
        and all(word.isalpha() and word[0].isupper() and word[1:].islower() for word in words)
        and _POSSESSIVE_GAP.fullmatch(text, owner.end, owned.start) is not None
        and name_key(owned.text) in organisations
        and name_key(owner.text) != name_key(owned.text)
        and not any(word.casefold() in COMPANY_NOUNS for word in words)
    )


def _names_a_whole(names: Sequence[str], entity: Entity, noun: str) -> bool:
    """`Mars rover` when the article names a `Mars Rover`: the noun is the name's, not a cue."""
    whole = f"{name_key(entity.text)} {noun}"
    at = bisect_left(names, whole)
    return at < len(names) and names[at].startswith(whole)


def _brand_before(text: str, maker: Entity, entity: Entity, organisations: set[str]) -> bool:
    """`Acme Skylark`: a company's name right before this one."""
    return (
        maker.end + 1 == entity.start
        and text[maker.end] == " "
        and name_key(maker.text) in organisations
    )


def _owns_product(text: str, entities: Sequence[Entity], index: int) -> bool:
    """`Acme’s Skylark system`: the owner of a named product is a company."""
    if index + 1 >= len(entities):
        return False
    owned = entities[index + 1]
    if _POSSESSED.match(text[entities[index].end : owned.start]) is None:
        return False
    following = _NEXT_WORD.match(text, owned.end)
    return following is not None and following.group(1).casefold() in PRODUCT_NOUNS


def _coordinated(text: str, left: Entity, right: Entity, organisations: set[str]) -> bool:
    """`X and Acme`, `Acme and X`: names joined by `and` are often of one kind."""
    if right.start - left.end != len(" and ") or text[left.end : right.start] != " and ":
        return False
    return name_key(left.text) in organisations or name_key(right.text) in organisations


def _previous_words(before: str) -> list[str]:
    """The casefolded words of the text just before a name, up to the first punctuation back."""
    line = before.rsplit("\n", 1)[-1]
    words: list[str] = []
    for word in reversed(line.split()):
        if not word[-1:].isalpha():
            break
        words.append(word.casefold())
        if len(words) == 3:
            break
    words.reverse()
    return words
