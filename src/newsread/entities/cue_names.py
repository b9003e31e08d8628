"""Names the tagger passed over where the words leave no doubt.

Six general shapes: capitalised words ending in a company designator
(`Acme Holdings`, `Zenith Group`, `Orbital Labs Inc`), a capitalised word
right after `made by`, `built by`, `developed by` and the like, capitalised
words a comma and an apposition call a company (`Acme, the Boston-based
startup`), a word with a
capital inside it (`WhatsApp`, `OpenAI`; `iPhone`, a product), a product's
model code (`H100 GPU`, `model_codes`), and a brand of one letter the article
proves (`platform X`, `𝕏`; `letter_names`). They are added only where no
other entity lies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Final

from newsread.entities.common_words import in_prose_line, opens_sentence
from newsread.entities.identity import NAME_LABELS
from newsread.entities.letter_names import letter_name_spans
from newsread.entities.lexicon import (
    BUSINESS_ROLES,
    BUSINESS_WORDS,
    COMMON_ACRONYMS,
    COMPANY_NOUNS,
    DEMONYMS,
    FIRM_NOUNS,
    FUNCTION_WORDS,
    HEADLINE_VERBS,
    MAKER_VERBS,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    SENTENCE_OPENERS,
    STOCK_MOVES,
)
from newsread.entities.merge import with_added
from newsread.entities.model_codes import model_code_spans
from newsread.entities.new_words import new_word_opens_as_name, verb_after_subject
from newsread.model import Entity

_DESIGNATORS: Final = (
    "Inc|Corp|Corporation|Ltd|LLC|PLC|Plc|AG|GmbH|Group|Holdings|Partners|Capital|"
    "Ventures|Investments|Technologies|Labs|Robotics|Industries|Enterprises|Bancorp|"
    "SA|NV|AB|SpA|ASA|BV|Oyj|Bros"
)
_DESIGNATOR_WORD: Final = re.compile(rf"[ \t](?:{_DESIGNATORS})(?![\w’'-])")
"""A designator as `_COMPANY` ends with it: a whole word after a space."""
_WORD: Final = r"[A-Z][\w&'’-]*"
_COMPANY: Final = re.compile(
    rf"[A-Z](?<![\w@.’'-].)[\w&'’-]*[ \t]+(?:{_WORD}[ \t]+){{0,2}}(?:{_DESIGNATORS})(?![\w’'-])"
)
"""One to three capitalised words, the first not inside a longer one, then a designator.

It opens with a capital letter, the look back placed after it, so the search
skips straight from capital to capital."""
_WORD_CHARACTER: Final = re.compile(r"\w")
_MAKER: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(MAKER_VERBS))})[ \t]+by[ \t]+"
    rf"({_WORD}(?:[ \t]+{_WORD}){{0,2}})(?![\w’'-])"
)


_APPOSITION: Final = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:[\w'’.-]+[ \t]+){0,5}?"
    rf"(?:{'|'.join(sorted(FIRM_NOUNS))})"
    r"(?![\w'’-])"
)
"""`, the Boston-based AI startup`: an apposition whose head is a kind of company."""
_SHARES_MOVE: Final = re.compile(rf"(?:shares|stock)[ \t]+(?:{'|'.join(sorted(STOCK_MOVES))})\b")
"""`shares fell`: what follows a company's name (and perhaps a possessive)."""
_POSSESSIVE_AND_SPACE: Final = re.compile(r"(?:['’]s)?[ \t]+$")
_NAME_BEFORE: Final = re.compile(r"(?<![\w@#.’'-])([A-Z][\w&’'.-]*(?:[ \t]+[A-Z][\w&’'.-]*){0,2})$")
_CAPITALISED_BEFORE: Final = re.compile(r"[A-Z][\w&’'.-]*[ \t]+$")


def find_cue_names(
    masked: str,
    entities: Sequence[Entity],
    taken: Sequence[Entity],
    common: Callable[[str], bool] = lambda word: False,
    met: Callable[[str], bool] = lambda word: False,
) -> list[Entity]:
    """`entities` plus names found by shape or cue where nothing else lies.

    `common(word)` tells whether a word is an ordinary one in small letters
    (`Meanwhile, the company said` names no company), `met(word)` whether
    training met it spelled so.
    """
    found = [
        (start, end, "ORG")
        for start, end in [
            *_companies(masked),
            *_makers(masked),
            *_names_before(masked, _apposition_starts(masked), common),
            *_names_before(masked, _shares_move_starts(masked), common),
            *_subject_openers(masked, common, met),
            *_headline_subjects(masked, common, met),
            *_owner_openers(masked, common, met),
        ]
    ]
    if " and " in masked:
        found += _list_openers(masked, entities, common, met)
    found += _products_before_kinds(masked, common, met)
    found += _acronyms_before_roles(masked)
    found += _camel_case_names(masked)
    # A model's, a service's or a site's whole name holds what the tagger found inside it
    # (`Model` of `Model 3`, `OPEC` of `OPEC+`, `JD` of `JD.com`).
    models = model_code_spans(masked)
    entities = _outside(entities, models)
    found += [(start, end, "PRODUCT") for start, end in models]
    found += [(start, end, "ORG") for start, end in letter_name_spans(masked)]
    for mark, pattern in (("+", _PLUS_NAME), (".", _WEB_NAME)):
        if mark in masked:
            whole = [match.span(1) for match in pattern.finditer(masked)]
            entities = _outside(entities, whole)
            found += [(start, end, "ORG") for start, end in whole]
    if not found:
        return list(entities)
    occupied = sorted((e.start, e.end) for e in [*entities, *taken])
    added: list[Entity] = []
    for start, end, label in found:
        if not _free(occupied, start, end):
            continue
        added.append(Entity(start, end, label, masked[start:end]))
        occupied.insert(bisect_right(occupied, (start, end)), (start, end))
    return with_added(list(entities), added)


def _outside(entities: Sequence[Entity], spans: Sequence[tuple[int, int]]) -> Sequence[Entity]:
    """`entities` without those inside any of `spans`."""
    if not spans:
        return entities
    return [e for e in entities if not any(s <= e.start and e.end <= t for s, t in spans)]


_CAPITAL_INSIDE: Final = re.compile(r"[A-Z](?:(?<=[a-z].)|(?<![A-Za-z].)[A-Z]+[a-z]{3})")
"""A brand's mark: a capital after a small letter (`WhatsApp`), or capitals before three
small letters (`XPeng`, `VMware`; `CEOs`, `DVDs` have one). Every match opens with its
capital, looking back from there, so a search tries only the text's capitals (4× faster
than opening with the small letter)."""
_NAME_CHARACTERS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&"
)
_NOT_BEFORE: Final = frozenset("@#$/.&'’-_")
_NOT_AFTER: Final = frozenset("-_@")
_SURNAME: Final = re.compile(r"(?:Mc|Mac|O'|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]")
"""`McDonald`, `DiCaprio`, `LaGuardia`: capitals inside that make a surname, not a brand."""


def _camel_case_names(masked: str) -> list[tuple[int, int, str]]:
    """Words of a brand's shape (`brand_shaped`): brands (`WhatsApp`, `OpenAI`, `XPeng`),
    or products when a small `i` opens them (`iPhone`).

    A word needs four characters and two small letters (`kWh`, `mRNA` are units
    and molecules), at most one small letter before its first capital when it
    opens with one (`eBay`; not `getValue`), must not sit inside an address,
    handle or longer token, and is no surname (`McDonald`).
    """
    found: list[tuple[int, int, str]] = []
    end = 0
    for match in _CAPITAL_INSIDE.finditer(masked):
        if match.start() < end:
            continue
        start = match.start()
        while start > 0 and masked[start - 1] in _NAME_CHARACTERS:
            start -= 1
        end = match.end()
        while end < len(masked) and masked[end] in _NAME_CHARACTERS:
            end += 1
        word = masked[start:end]
        if (
            not brand_shaped(word)
            or (start > 0 and masked[start - 1] in _NOT_BEFORE)
            or (end < len(masked) and (masked[end] in _NOT_AFTER or _dotted(masked, end)))
        ):
            continue
        found.append((start, end, "PRODUCT" if word[0] == "i" else "ORG"))
    return found


def brand_shaped(word: str) -> bool:
    """Whether a word has a brand's shape: a capital after a small letter (`WhatsApp`), or
    capitals before three small letters (`XPeng`).

    Four characters or more, two small letters or more (`kWh`, `mRNA` are units
    and molecules), at most one small letter before the first capital when one
    opens it (`eBay`; not `getValue`), letters, digits and `&` only, and no
    surname's shape (`McDonald`).
    """
    return (
        len(word) >= 4
        and word[0].isalpha()
        and _CAPITAL_INSIDE.search(word) is not None
        and sum(character.islower() for character in word) >= 2
        and not (word[0].islower() and not word[1].isupper())
        and all(character in _NAME_CHARACTERS for character in word)
        and _SURNAME.match(word) is None
    )


def _dotted(text: str, at: int) -> bool:
    """A period that goes on into a word (`PayPal.com`): part of an address."""
    return text[at] == "." and text[at + 1 : at + 2].isalnum()


def _companies(masked: str) -> list[tuple[int, int]]:
    # Few articles hold a designator at all: one quick search rules out the rest.
    if _DESIGNATOR_WORD.search(masked) is None:
        return []
    found: list[tuple[int, int]] = []
    for match in _COMPANY.finditer(masked):
        start, end = match.span()
        words = match.group().split()
        start = _past_function_words(masked, start, words, keep=2)
        if words[0].casefold() not in FUNCTION_WORDS:
            found.append((start, end))
    return found


def _makers(masked: str) -> list[tuple[int, int]]:
    """What `_MAKER.finditer` would find, trying only where a maker verb begins a word."""
    if "by" not in masked:
        return []
    starts = sorted(
        start for verb in MAKER_VERBS if verb in masked for start in _word_starts(masked, verb)
    )
    found: list[tuple[int, int]] = []
    searched_to = 0
    for start in starts:
        match = _MAKER.match(masked, start) if start >= searched_to else None
        if match is not None:
            found.append(match.span(1))
            searched_to = match.end()
    return found


def _past_function_words(masked: str, start: int, words: list[str], keep: int) -> int:
    """Where the name in `words` (found at `start`) begins once capitalised function words
    that open the sentence (`The`, `In`) are dropped from `words`, keeping at least `keep`."""
    while len(words) > keep and words[0].casefold() in FUNCTION_WORDS:
        start = masked.index(words[1], start + len(words[0])) if len(words) > 1 else start
        words.pop(0)
    return start


def _apposition_starts(masked: str) -> list[int]:
    """Where an apposition naming a kind of company begins (its comma)."""
    return [match.start() for match in _APPOSITION.finditer(masked)]


def _shares_move_starts(masked: str) -> list[int]:
    """Where `'s shares fell` (and the like) begins, possessive and spaces included."""
    if "shares" not in masked and "stock" not in masked:
        return []
    starts: list[int] = []
    for match in _SHARES_MOVE.finditer(masked):
        gap = _POSSESSIVE_AND_SPACE.search(masked, max(0, match.start() - 8), match.start())
        if gap is not None:
            starts.append(gap.start())
    return starts


_SUBJECT_AND_VERB: Final = re.compile(
    r"(?:^[ \t]*|[.!?][ \t]+)([A-Z][^\W\d_]{2,})[ \t]+([a-z]+)\b", re.MULTILINE
)
"""A capitalised word opening a line or following a sentence's end, and the small word after
it (a sentence's subject and verb, perhaps)."""
_LEADERS: Final = frozenset(
    ["boss", "chief", "founder", "cofounder", "co-founder", "chairman", "chairwoman"]
)
_NAME_AFTER_ROLE: Final = re.compile(
    r"(?:[ \t]+(?:executive|financial|operating|officer))*[ \t]+[A-Z]"
)
"""`Ryanair boss Michael O'Leary`, `Quorvell chief executive Mara Lind`: a company, then its
leader's role and name (no sentence of eng.train or eng.testa opens with a word, one of
these roles and a name)."""
_STAFF_AND_STOCK: Final = frozenset(
    [
        "workers",
        "employees",
        "shareholders",
        "executives",
        "engineers",
        "machinists",
        "staff",
        "pilots",
        "investors",
        "unions",
        "shares",
        "stock",
    ]
)
"""`Boeing machinists rejected…`, `Repsol shares rose`: a company's people or stock after a
word opening a sentence (in eng.train and eng.testa all 38 capitalised words training never
met in small letters, so placed, are names; peoples' adjectives are left to the tagger)."""
_AGENT_ENDINGS: Final = ("ers", "ists", "ians", "ants", "ents", "ors", "ees")
"""Plural nouns for people (`Pollsters`, `Economists`) that training may never have met."""


def _subject_openers(
    masked: str, common: Callable[[str], bool], met: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """`Uber partnered…`, `Netflix will…`: a word opening a sentence right before a verb is a
    name, unless it is common in small letters (`Police said`), a function word, a people's
    adjective, a plural noun for people or, new to training (`met`), shaped like a common
    word (`Surgeons`, `Inhabited`; `Boeing` training met). The tagger, trained on wire news
    whose sentences open with ordinary words, leaves new ones out there. On eng.testa, 133
    of the 135 sentences opening so open with a name (most of which the tagger finds).
    """
    found: list[tuple[int, int]] = []
    for match in _SUBJECT_AND_VERB.finditer(masked):
        start, word, after = match.start(1), match.group(1), match.group(2)
        if (
            (
                verb_after_subject(word, after)
                or (after in _LEADERS and _NAME_AFTER_ROLE.match(masked, match.end(2)))
                or after in _STAFF_AND_STOCK
            )
            and opens_sentence(masked, start)
            and _may_be_name(word, common, met)
        ):
            found.append((start, match.end(1)))
    return found


_OWNER_OPENING: Final = re.compile(
    r"[A-Z][^\W\d_]{2,}(?=[ \t]?['’]s\b|[ \t]?,[ \t]+(?:which|including|the)\b)"
)
"""A capitalised word opening a sentence before a possessive or an apposition: `Fiat 's
market share fell…`, `Volkswagen, including its Audi brand, took…`."""


def _owner_openers(
    masked: str, common: Callable[[str], bool], met: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """`Fiat 's market share…`: a word opening a sentence before a possessive, or before a
    comma and an apposition, is a name by the tests of a sentence's subject
    (`_subject_openers`): in eng.train and eng.testa such a word is a name 225 times in 404,
    and of the rest all but a few are words common in small letters (`Men 's`, `It 's`) or
    days."""
    return [
        match.span()
        for match in _OWNER_OPENING.finditer(masked)
        if opens_sentence(masked, match.start()) and _may_be_name(match.group(), common, met)
    ]


_HEADLINE_SUBJECT: Final = re.compile(
    r"^[ \t]*([A-Z][^\W\d_]{2,})[ \t]+(?:to[ \t]+([A-Z][a-z]+)|([A-Z][a-z]+))\b", re.MULTILINE
)
"""A Title Case headline's first word and its verb: `Amazon to Cut…`, `Nvidia Becomes…`."""


def _headline_subjects(
    masked: str, common: Callable[[str], bool], met: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """`Amazon to Cut 14,000 Jobs`, `Quorvell Unveils…`: a headline's first word before a
    headline's verb (`HEADLINE_VERBS`, or `to` and a capitalised verb) is its subject, a
    name by the same tests as a sentence's (`_subject_openers`)."""
    found: list[tuple[int, int]] = []
    for match in _HEADLINE_SUBJECT.finditer(masked):
        word = match.group(1)
        verb = match.group(3)
        if (
            match.group(2) is not None or (verb is not None and verb.lower() in HEADLINE_VERBS)
        ) and _may_be_name(word, common, met):
            found.append(match.span(1))
    return found


_ACRONYM_BEFORE_ROLE: Final = re.compile(
    r"(?<![\w.&’'-])([A-Z]{2,6})[ \t]+([A-Za-z]+)(?:-[A-Za-z]+)?\b(?![.’'&-]\w)"
)
_ROLES_AFTER: Final = ROLE_WORDS | BUSINESS_ROLES | frozenset(["official", "officials"])


def _acronyms_before_roles(masked: str) -> list[tuple[int, int, str]]:
    """`WHO Director-General Tedros`, `OSCE spokeswoman`: capitals before a role, in a line of
    prose, are an organisation (in eng.train and eng.testa's prose 38 times in 40), unless
    they are a common noun's (`CEO`, `AI`). The tagger misses those that spell a common word
    (`WHO`)."""
    found: list[tuple[int, int, str]] = []
    for match in _ACRONYM_BEFORE_ROLE.finditer(masked):
        acronym, role = match.group(1), match.group(2).casefold()
        if role not in _ROLES_AFTER or acronym.casefold() in COMMON_ACRONYMS:
            continue
        if in_prose_line(masked, match.start(), match.end()):
            found.append((match.start(1), match.end(1), "ORG"))
    return found


_PLUS_NAME: Final = re.compile(
    r"(?<![\w+])(?![ABCD]{1,3}\+)"
    r"([A-Z][\w&’'-]+(?:[ \t]+(?![ABCD]{1,3}\+)[A-Z][A-Za-z]*)?\+)(?![\w+])"
)
"""`Disney+`, `Apple TV+`, `OPEC+`: a capitalised name closed by a plus sign is a service's or an
alliance's (not a sum, `A+B`, nor a grade or a credit rating, `A+`, `AA+`, `BBB+`)."""
_WEB_NAME: Final = re.compile(
    r"(?<![\w@/.:-])([A-Z][A-Za-z0-9-]*\.(?:com|net|org|io|ai))(?![\w@/-])(?!\.\w)"
)
"""`Amazon.com`, `JD.com`, `Booking.com`: a capitalised web name in prose is a company's (not in
an address: `www.acme.com`, `jane@acme.com`, `https://Acme.com/news`)."""
_PRODUCT_BEFORE_KIND: Final = re.compile(
    r"\b(?:its|their|his|her|the|a|an|new)[ \t]+([A-Z][a-z]+(?:[A-Z][a-z]+)?)[ \t]+"
    rf"(?:{'|'.join(sorted(PRODUCT_NOUNS))})s?\b"
)


def _products_before_kinds(
    masked: str, common: Callable[[str], bool], met: Callable[[str], bool]
) -> list[tuple[int, int, str]]:
    """`its Copilot assistant`, `the Gemini chatbot`: a word training never met, between an
    article or a possessive and a kind of product, is the product's name. In eng.train and
    eng.testa all five capitalised words so placed are names (peoples' adjectives, `Airbus`,
    `Vatican`), which training met."""
    return [
        (match.start(1), match.end(1), "PRODUCT")
        for match in _PRODUCT_BEFORE_KIND.finditer(masked)
        if not met(match.group(1))
        and not common(match.group(1))
        and match.group(1).casefold() not in DEMONYMS
    ]


_LIST_OPENER: Final = re.compile(r"([A-Z][\w&'’.-]*)(?:[ \t]*(,)[ \t]+|[ \t]+and[ \t]+)$")
_LIST_COMMA: Final = re.compile(r"[ \t]*,[ \t]+")
_LIST_AND: Final = re.compile(r"[ \t]*,?[ \t]+and[ \t]+")


def _list_openers(
    masked: str,
    entities: Sequence[Entity],
    common: Callable[[str], bool],
    met: Callable[[str], bool],
) -> list[tuple[int, int, str]]:
    """`Novartis, Roche and Sanofi said…`, `Pfizer and Moderna shares fell`: a word opening a
    sentence before `and` and a name, or before a comma and a list of names closed by `and`,
    is a name of the list's kind, if it may be a name at all (`_may_be_name`; not
    `Meanwhile, Roche and Sanofi`). In eng.train and eng.testa all 32 words before `and` and
    a name, and all eight before such a list, are names."""
    found: list[tuple[int, int, str]] = []
    for index, entity in enumerate(entities):
        if entity.label not in NAME_LABELS:
            continue
        opener = _LIST_OPENER.search(masked, max(0, entity.start - 40), entity.start)
        if opener is None or not opens_sentence(masked, opener.start(1)):
            continue
        labels = _listed_labels(masked, entities, index) if opener.group(2) else [entity.label]
        word = opener.group(1)
        if labels and word.casefold() not in SENTENCE_OPENERS and _may_be_name(word, common, met):
            label = labels[0] if len(set(labels)) == 1 else entity.label
            found.append((opener.start(1), opener.end(1), label))
    return found


def _listed_labels(masked: str, entities: Sequence[Entity], first: int) -> list[str]:
    """The labels of the names listed from `entities[first]` on up to `and` and one more
    name (`Roche, Sanofi and Pfizer`), or none if no such list starts there."""
    labels = [entities[first].label]
    for left, right in zip(entities[first:], entities[first + 1 :], strict=False):
        if right.label not in NAME_LABELS:
            return []
        labels.append(right.label)
        if _LIST_AND.fullmatch(masked, left.end, right.start):
            return labels
        if not _LIST_COMMA.fullmatch(masked, left.end, right.start):
            return []
    return []


def _may_be_name(word: str, common: Callable[[str], bool], met: Callable[[str], bool]) -> bool:
    """Whether a capitalised word opening a sentence or a headline may be a name: an unknown
    one (`_unknown_name`) that training met spelled so, or new and shaped like a name."""
    return _unknown_name(word, common) and (met(word) or new_word_opens_as_name(word, common))


def _unknown_name(word: str, common: Callable[[str], bool]) -> bool:
    """Whether a capitalised word opening a sentence is a name the tagger may have missed."""
    folded = word.casefold()
    return (
        word[1:] != word[1:].upper()
        and not common(word)
        and folded not in FUNCTION_WORDS
        and folded not in DEMONYMS
        and folded not in _COMMON_NOUNS
        and not word.endswith(_AGENT_ENDINGS)
    )


_COMMON_NOUNS: Final = PRODUCT_NOUNS | COMPANY_NOUNS | BUSINESS_WORDS
"""Nouns this package knows, some too new for the 1996 training text (`Smartphone`, `Chatbot`)."""


def _names_before(
    masked: str, cue_starts: Sequence[int], common: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Capitalised words right before each of `cue_starts`, where a cue says they name a company.

    Neither a word `common` in small letters (`Meanwhile, the company`) nor a
    people's adjective (`European shares fell`) opens such a name, and the
    words must not end a longer capitalised run.
    """
    found: list[tuple[int, int]] = []
    for cue_start in cue_starts:
        line_start = masked.rfind("\n", max(0, cue_start - 60), cue_start) + 1
        name = _NAME_BEFORE.search(masked, max(line_start, cue_start - 60), cue_start)
        if name is None:
            continue
        words = name.group().split()
        start = _past_function_words(masked, name.start(), words, keep=0)
        if (
            not words
            or common(words[0])
            or words[-1].casefold() in DEMONYMS
            # The end of a longer capitalised run: not where its name starts.
            or _CAPITALISED_BEFORE.search(masked, max(line_start, start - 40), start)
        ):
            continue
        found.append((start, cue_start))
    return found


def _word_starts(text: str, word: str) -> list[int]:
    """Offsets where `word` occurs in `text` with no word character right before it."""
    found: list[int] = []
    start = text.find(word)
    while start >= 0:
        if start == 0 or not _WORD_CHARACTER.match(text, start - 1):
            found.append(start)
        start = text.find(word, start + 1)
    return found


def _free(occupied: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(occupied, (start, end))
    if index and occupied[index - 1][1] > start:
        return False
    return not (index < len(occupied) and occupied[index][0] < end)
