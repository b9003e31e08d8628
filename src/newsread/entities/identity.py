"""One thing, one label, one key: mentions of a name agree across the article.

The tagger labels each mention on its own evidence; here the document
speaks: every mention of a name takes the label most of its mentions got,
a surname or first name alone joins the full name of the person mentioned
(`Musk` after `Elon Musk`), and an acronym joins the name it abbreviates
(`CES` after `Consumer Electronics Show`). Keys are casefolded canonical
names, so `NVIDIA` and `Nvidia` share one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Final

from newsread.entities.lexicon import (
    CITIES,
    COUNTRIES,
    DEMONYMS,
    LEGAL_FORMS,
    PRODUCT_NOUNS,
    STATES,
    SURNAME_PARTICLES,
)
from newsread.model import Entity

NAME_LABELS: Final = frozenset({"PERSON", "ORG", "PLACE", "PRODUCT", "EVENT", "MISC"})
_ROMAN: Final = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
"""A Roman numeral, as it reads in a (casefolded) key."""
_SMALL: Final = frozenset(["of", "the", "and", "for", "&", "de"])


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """The casefolded canonical form of a name: `NVIDIA` and `Nvidia` → `nvidia`, `𝕏` → `x`."""
    if not text.isascii():
        # Compatibility forms are one name: styled letters (`𝕏`), full-width ones.
        text = unicodedata.normalize("NFKC", text)
    # `split` and `\s` agree on what is a space: this is `\s+` → " ", stripped.
    return " ".join(text.replace("’", "'").split()).casefold()


def unify(
    entities: Sequence[Entity], text: str = "", known: Callable[[str], bool] | None = None
) -> list[Entity]:
    """Give every name one label and one key for the whole document.

    With the document's `text`, a surname the tagger took for a place joins the
    person named in full, unless a mention reads as a place (`in X`); so does
    the first word of an organisation's name that training never met
    (`known(name)` is false: `Novo` of `Novo Nordisk`).
    """
    result = list(entities)
    mentions: dict[str, list[int]] = {}
    votes: dict[str, dict[str, int]] = {}
    labels: dict[str, str] = {}  # the first label met, until the votes are counted
    mixed: set[str] = set()  # names whose mentions got different labels
    stale: set[str] = set()
    capitals: set[str] = set()
    for index, entity in enumerate(entities):
        key = name_key(entity.text)
        label = entity.label
        if label not in NAME_LABELS:
            if entity.key != key:
                result[index] = Entity(entity.start, entity.end, label, entity.text, key)
            continue
        if entity.key != key:
            stale.add(key)
        if entity.text.isupper():
            capitals.add(key)
        counter = votes.get(key)
        if counter is None:
            votes[key] = {label: 1}
            mentions[key] = [index]
            labels[key] = label
        else:
            if label != labels[key]:
                mixed.add(key)
            counter[label] = counter.get(label, 0) + 1
            mentions[key].append(index)
    for key in mixed:
        labels[key] = _winner(votes[key])
    # Keys are single-spaced and stripped: only those with a space have parts.
    longer: dict[str, str] = {}
    plurals: list[str] = []
    for key, label in labels.items():
        if " " in key:
            longer[key] = label
        elif key.endswith("s") and "'" not in key:
            plurals.append(key)
    aliases: dict[str, str] = {}
    relabelled: set[str] = set()
    if longer:
        placed = _placed(entities, mentions, text) if text else None
        aliases = _organisation_parts(longer, labels, placed, known)
        people, shared = _person_parts(longer, labels, placed)
        aliases |= people
        aliases |= _organisation_tails(longer, labels, aliases, placed, known)
        aliases |= {
            part: full
            for part, full in _company_prefixes(longer, labels, placed).items()
            if part not in aliases
        }
        aliases |= _acronyms(entities, mentions, capitals, longer)
        relabelled = shared | _product_lines(labels, longer) | _product_heads(labels, longer)
    if plurals:
        relabelled |= _fleets(labels, plurals)
    if any(key[:1] == "@" for key in labels):
        aliases |= _handles(labels)
    # Any other name already has one key and the label all its mentions got.
    for own in mixed | stale | relabelled | aliases.keys():
        key = aliases.get(own, own)
        decided = labels.get(key)
        for index in mentions[own]:
            entity = entities[index]
            label = entity.label if decided is None else decided
            if entity.label != label or entity.key != key:
                result[index] = Entity(entity.start, entity.end, label, entity.text, key)
    return result


_NOT_ALNUM: Final = re.compile(r"[\W_]+")


def _handles(labels: dict[str, str]) -> dict[str, str]:
    """`@nvidia` → `nvidia`, `@elonmusk` → `elon musk`: a handle is the account of the one name
    in the article it spells, letters and digits alike."""
    spelled: dict[str, list[str]] = defaultdict(list)
    for key in labels:
        if key[:1] != "@":
            spelled[_NOT_ALNUM.sub("", key)].append(key)
    aliases: dict[str, str] = {}
    for key in labels:
        if key[:1] == "@":
            owners = spelled.get(_NOT_ALNUM.sub("", key[1:]), [])
            if len(owners) == 1:
                aliases[key] = owners[0]
    return aliases


def _winner(counter: dict[str, int]) -> str:
    # Most votes; on a tie the label seen first (dicts keep insertion order).
    best = max(counter.values())
    return next(label for label, votes in counter.items() if votes == best)


_GIVEN_NAME: Final = re.compile(r"[a-z]{1,5}-[a-z]{1,5}")
"""A Chinese or Korean given name as a key holds it (`chee-hwa`), after the family name."""


def _person_parts(
    longer: dict[str, str], labels: dict[str, str], placed: Callable[[str], bool] | None
) -> tuple[dict[str, str], set[str]]:
    """`musk` → `elon musk` when exactly one full name of a person ends (or starts) with it.

    `longer` are the names of more than one word among `labels`. A surname the
    tagger took for a place (`Jordan`, where `Neil Jordan` is named) joins too,
    unless `placed(surname)` (or it is None).

    Also returns the surnames of several people named in full (`Amodei` after
    `Dario Amodei` and `Daniela Amodei`): each alone is a person, though no
    one in particular, and is relabelled so in `labels`.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    surnames: set[str] = set()
    for key, label in longer.items():
        if label == "PERSON":
            parts = key.split(" ")
            owners[parts[-1]].add(key)
            owners[parts[0]].add(key)
            surnames.add(parts[-1])
            if len(parts) == 2 and _GIVEN_NAME.fullmatch(parts[1]):
                # `Tung` of `Tung Chee-hwa`: the family name comes first.
                surnames.add(parts[0])
            # `Le Pen` of `Marine Le Pen`, `von der Leyen` of `Ursula von der Leyen`.
            particle = next(
                (at for at in range(1, len(parts) - 1) if parts[at] in SURNAME_PARTICLES), None
            )
            if particle is not None:
                surname = " ".join(parts[particle:])
                owners[surname].add(key)
                surnames.add(surname)

    def joins(part: str) -> bool:
        return part in labels and (
            labels[part] in ("PERSON", "MISC", "ORG", "PRODUCT")
            or (
                labels[part] == "PLACE"
                and part in surnames
                and placed is not None
                and not placed(part)
            )
        )

    aliases = {
        part: next(iter(full)) for part, full in owners.items() if len(full) == 1 and joins(part)
    }
    shared = {
        part
        for part, full in owners.items()
        if len(full) > 1 and part in surnames and labels.get(part) != "PERSON" and joins(part)
    }
    for part in shared:
        labels[part] = "PERSON"
    return aliases, shared


POSSESSIVE_AFTER: Final = re.compile(r"[ \t]?['’][sS]\b")
"""A possessive `’s` right after a name (`Jordan’s`; `Jordan 's` as wire text splits it)."""
_PLACE_PREPOSITION: Final = re.compile(r"(?<![\w-])(?i:in|into|from|near|across|throughout)[ \t]+$")


def _placed(
    entities: Sequence[Entity], mentions: dict[str, list[int]], text: str
) -> Callable[[str], bool]:
    """Whether a surname stays a place: a mention reads as one (`in X`).

    Where it is named first does not count: a headline often gives the surname
    alone (`Sinner beats Alcaraz`) before the body names the person in full.

    `to` is left out of the place words: people are loyal to, and talk to, others.
    """

    def placed(surname: str) -> bool:
        indices = mentions[surname]
        return any(
            _PLACE_PREPOSITION.search(text, max(0, entity.start - 12), entity.start) is not None
            # `in Jordan’s film`: the place is the film's, not Jordan.
            and POSSESSIVE_AFTER.match(text, entity.end) is None
            for entity in (entities[index] for index in indices)
        )

    return placed


def _organisation_parts(
    longer: dict[str, str],
    labels: dict[str, str],
    placed: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """`riverside` → `riverside united` when exactly one organisation's name starts with it.

    `longer` are the names of more than one word among `labels`. A word alone
    that the article treats as a place stays one (`Ontario` and `Ontario Hydro
    Authority` are two things), unless training never met it (`known`) and no
    mention reads as a place (`placed`: `Novo` of `Novo Nordisk`); so does a
    nationality (`Dutch`, `Dutch Football Association`).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for key, label in longer.items():
        if label == "ORG":
            first = key.partition(" ")[0]
            if first not in _SMALL:
                owners[first].add(key)
    return {
        part: _shortest(full)
        for part, full in owners.items()
        if _nested(full)
        and (
            labels.get(part) in ("ORG", "MISC", "PERSON")
            or _new_unplaced_place(part, labels, placed, known)
        )
        and part not in DEMONYMS
        and part.removesuffix("s") not in DEMONYMS
        and not _a_known_place(part)
    }


def _a_known_place(key: str) -> bool:
    """Whether a name's key is a country's, a city's or a state's (`lexicon`): never the
    short mention of an organisation named after it (`Louisiana`, `Louisiana Baptist
    Convention`)."""
    return key in COUNTRIES or key in CITIES or key in STATES


def _company_prefixes(
    longer: dict[str, str], labels: dict[str, str], placed: Callable[[str], bool] | None
) -> dict[str, str]:
    """`kettle river` → `kettle river resources ltd`: a name of two words or more that opens
    exactly one company's name ending in a legal form is that company's short mention,
    whatever the tagger made of it (`Kettle River`, a river to the tagger), unless it is a
    country's, a city's or a state's, or a mention reads as a place (`in X`).

    In eng.train and eng.testa such a name is the company's 87 times in 92 (the others a
    pageant, `Miss Universe`, and a person). `longer` are the names of more than one word
    among `labels`.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for key, label in longer.items():
        words = key.split(" ")
        if label != "ORG" or len(words) < 3 or words[-1].rstrip(".") not in LEGAL_FORMS:
            continue
        for length in range(2, len(words)):
            part = " ".join(words[:length])
            if part in labels:
                owners[part].add(key)
    return {
        part: _shortest(full)
        for part, full in owners.items()
        if _nested(full) and not _a_known_place(part) and not (placed is not None and placed(part))
    }


def _new_unplaced_place(
    part: str,
    labels: dict[str, str],
    placed: Callable[[str], bool] | None,
    known: Callable[[str], bool] | None,
) -> bool:
    """Whether a word taken for a place is one training never met (`known`) and no mention
    of which reads as a place (`placed`): free to join an organisation's name. A country's
    name never is (`Lesotho` and `Lesotho Highlands Water Project` are two things)."""
    return (
        labels.get(part) == "PLACE"
        and not _a_known_place(part)
        and placed is not None
        and known is not None
        and not known(part)
        and not placed(part)
    )


def _organisation_tails(
    longer: dict[str, str],
    labels: dict[str, str],
    taken: dict[str, str],
    placed: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """`lilly` → `eli lilly`: a word taken for a person that ends exactly one organisation's
    name of two words, and no person's, is that organisation (`Lilly's rival treatment`).

    So is a word taken for a place that ends one organisation's name of any length but
    training never met (`known`) and no mention reads as a place (`placed`): `Sakigake`
    after `New Party Sakigake`, while `Taibe` of `Hapoel Taibe` stays the town in `fans in
    Taibe`. So is a plural taken for a people's name (`the Rockets` after `the Houston
    Rockets`) that is no nationality. Names with an `of` end in what they belong to (`Bank
    of Japan`), and words already joined to a name (`taken`) are left as they are.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    people: set[str] = set()
    for key, label in longer.items():
        last = key.rsplit(" ", 1)[-1]
        if label == "ORG" and " of " not in key:
            owners[last].add(key)
        elif label == "PERSON":
            people.add(last)
    return {
        part: next(iter(full))
        for part, full in owners.items()
        if len(full) == 1
        and (
            (labels.get(part) == "PERSON" and next(iter(full)).count(" ") == 1)
            or _new_unplaced_place(part, labels, placed, known)
            or (
                labels.get(part) == "MISC"
                and part.endswith("s")
                and part not in DEMONYMS
                and part.removesuffix("s") not in DEMONYMS
            )
        )
        and part not in people
        and part not in taken
    }


def _shortest(names: set[str]) -> str:
    return min(names, key=len)


def _nested(names: set[str]) -> bool:
    """Whether one name opens all the others (`novo nordisk`, `novo nordisk foundation`)."""
    shortest = _shortest(names)
    return all(name == shortest or name.startswith(shortest + " ") for name in names)


def _product_lines(labels: dict[str, str], longer: dict[str, str]) -> set[str]:
    """`Grok` is a product when `Grok 5` is one, and so are `Grok Voice` and `Grok Imagine`.

    `longer` are the names of more than one word among `labels`. A generation
    in Roman numerals (`Colossus II`) makes even a name taken for a place a
    product line: places are not numbered so. Returns the keys relabelled.
    """
    lines: dict[str, bool] = {}
    for key, label in longer.items():
        if label != "PRODUCT":
            continue
        line, _, number = key.rpartition(" ")
        if number.isdigit() or _ROMAN.fullmatch(number):
            lines[line] = lines.get(line, False) or not number.isdigit()
    relabelled: set[str] = set()
    if not lines:
        return relabelled
    for key, label in labels.items():
        first = key.split(" ", 1)[0]
        if first not in lines:
            continue
        if label in ("ORG", "MISC", "PERSON") or (
            label == "PLACE" and lines[first] and key == first
        ):
            labels[key] = "PRODUCT"
            relabelled.add(key)
    return relabelled


def _product_heads(labels: dict[str, str], longer: dict[str, str]) -> set[str]:
    """`the Rover` after `Mars Rover`: a kind of product named alone is the product named in full.

    `longer` are the names of more than one word among `labels`. The word must
    be a product noun and end only names of products in the article. Returns
    the keys relabelled.
    """
    heads: dict[str, bool] = {}
    for key, label in longer.items():
        head = key.rpartition(" ")[2]
        if head in PRODUCT_NOUNS:
            heads[head] = heads.get(head, True) and label == "PRODUCT"
    relabelled = {
        head
        for head, products in heads.items()
        if products and labels.get(head, "PRODUCT") != "PRODUCT"
    }
    for head in relabelled:
        labels[head] = "PRODUCT"
    return relabelled


def singulars(key: str) -> tuple[str, ...]:
    """What a name ending in `s` is the plural of (`teslas` → `tesla`; `porsches` → both cuts)."""
    return (key[:-1], key[:-2]) if key.endswith("es") else (key[:-1],)


def _fleets(labels: dict[str, str], plurals: list[str]) -> set[str]:
    """`Teslas`, `Boeings`: the plural of an organisation's name is its products.

    `plurals` are the names among `labels` that could be one: a word ending
    in `s`, without an apostrophe. Even one taken for an organisation: a team
    named in the plural (`the Springboks`) is relabelled too where the article
    takes its singular for one (`Springbok scrum-half`), which is rare; the
    tagger, unsure of a new name, takes the plural of a company for one more
    often (`Teslas have the potential…`). Returns the keys relabelled.
    """
    relabelled: set[str] = set()
    for key in plurals:
        if labels[key] not in ("PLACE", "PERSON", "MISC", "ORG"):
            continue
        if any(labels.get(maker) == "ORG" for maker in singulars(key)):
            labels[key] = "PRODUCT"
            relabelled.add(key)
    return relabelled


def _acronyms(
    entities: Sequence[Entity],
    mentions: dict[str, list[int]],
    capitals: set[str],
    longer: dict[str, str],
) -> dict[str, str]:
    """`ces` → `consumer electronics show` when the initials match a name in the document.

    `mentions` are the indices of each name's mentions by key, `capitals` the
    keys of names with a mention written in capitals, and `longer` the names of
    more than one word, in the order the article names them first.
    """
    if not capitals or not longer:
        return {}
    acronyms = {
        key
        for key in capitals
        if any(
            (text := entities[index].text).isupper() and text.isalpha() and len(text) > 1
            for index in mentions[key]
        )
    }
    if not acronyms or not longer:
        return {}
    by_initials: dict[str, str] = {}
    # Initials start with the first word's letter, unless that word is a small one.
    letters = {acronym[0] for acronym in acronyms}
    for key in longer:
        if key[0] not in letters and key.partition(" ")[0] not in _SMALL:
            continue
        initials = _initials(key)
        if initials in acronyms:
            by_initials.setdefault(initials, key)
    return {key: by_initials[key] for key in acronyms if key in by_initials}


@lru_cache(maxsize=8192)
def _initials(key: str) -> str:
    """The first letters of a key's words but the small ones (`of`); "" for one word."""
    words = [w for w in key.split(" ") if w not in _SMALL]
    return "".join(w[0] for w in words) if len(words) > 1 else ""
