"""Common words in capitals are not names.

General cases the tagger gets wrong: a Roman numeral standing alone
(`Colossus I and II`), an ordinary noun capitalised for emphasis after
`the` (a word training met in lowercase but never spelled so), a name
fused with a word that makes it an adjective (`Boston-based`: the name is
`Boston`, until `fused_adjectives` makes the whole word one MISC name), and
ordinary words that open a title (`Update: …`, `Wire story 3`), which are
capitalised because they come first and are a name only if the body names
them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final, Protocol

from newsread.entities.identity import NAME_LABELS, name_key
from newsread.entities.lexicon import ADJECTIVE_SUFFIXES, DEMONYMS, FUNCTION_WORDS
from newsread.model import Entity

_ROMAN: Final = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
"""Roman numerals of two letters or more (`II`, `XIV`); a lone `X` or `V` may be a name."""
_THE_BEFORE: Final = re.compile(r"(?<![\w-])[Tt]he[ \t]+$")
_FROM: Final = frozenset(["based", "born", "bred", "headquartered", "raised"])
"""Suffixes that make a place's name an adjective (`Lisbon-based`, `Paris-born`)."""
_MINISTER: Final = " Minister"


def _portfolio(entity: Entity, vocabulary: Vocabulary) -> bool:
    """`Finance` of `Finance Minister`: a minister's portfolio, words common in small letters
    (in eng.train and eng.testa the capitalised words before `Minister` are no name 131
    times and an organisation's 3 times)."""
    return entity.label == "ORG" and all(
        vocabulary.met_in_lowercase(word) for word in entity.text.split()
    )


_DOTTED_DATE: Final = re.compile(r"\d{1,2}\.[A-Za-z]{3}\.\d{2}(?!\d)")
"""`21.JAN.99`: a date in a bond's terms (`MATURITY 21.JAN.99`), whose month is no name."""


def _in_dotted_date(text: str, entity: Entity) -> bool:
    """Whether `entity` is the month of a dotted date (`_DOTTED_DATE`)."""
    start = max(0, entity.start - 3)
    match = _DOTTED_DATE.search(text, start, entity.end + 4)
    return match is not None and match.start() < entity.start and match.end() > entity.end


_PROMPT_ENDINGS: Final = frozenset(["here", "now", "more", "below", "today"])
"""How a web page's prompts end (`Click Here`, `Read More`), which no person's name does."""


class Vocabulary(Protocol):
    """What training met: the tagger answers these (`tagger.Tagger`)."""

    def met_as_written(self, word: str) -> bool: ...

    def met_in_lowercase(self, word: str) -> bool: ...


def is_roman_numeral(word: str) -> bool:
    """`II`, `IV`, `XIV`: a Roman numeral of two letters or more."""
    return _ROMAN.fullmatch(word) is not None


def drop_common_words(
    text: str, entities: Sequence[Entity], vocabulary: Vocabulary
) -> list[Entity]:
    """`entities` without lone Roman numerals and nouns capitalised after `the`; names unfused.

    A name is such a noun when every one of its mentions is one word right
    after `the`, spelled in a way training never met but known in lowercase,
    or ending a Title Case phrase after a colon (`_ends_colon_title`).
    A name fused with an adjective's suffix loses it (`cut_adjective_suffixes`).
    """
    if any("-" in e.text for e in entities):
        entities = cut_adjective_suffixes(_join_split_adjectives(text, entities))
    nouns = _emphasised_names(text, entities, vocabulary) | _opening_adjectives(
        text, entities, vocabulary
    )
    if any(e.label == "PERSON" and text[e.end : e.end + 2] in _NUMERAL_STARTS for e in entities):
        entities = _with_regnal_numbers(text, entities)
    labels = _figures_labels(text, vocabulary)
    return [
        e
        for e in entities
        if not (e.text[:1] in _ROMAN_LETTERS and is_roman_numeral(e.text))
        and not (nouns and e.label in NAME_LABELS and name_key(e.text) in nouns)
        and not (e.label == "PERSON" and e.text.rpartition(" ")[2].casefold() in _PROMPT_ENDINGS)
        and not (text[e.end : e.end + 1] == "." and _in_dotted_date(text, e))
        and not (text.startswith(_MINISTER, e.end) and _portfolio(e, vocabulary))
        and not (
            labels
            and e.label in NAME_LABELS
            and any(start <= e.start and e.end < end for start, end in labels)
        )
        and not (len(e.text) <= 9 and _RATING_GRADE.fullmatch(e.text) and _rates(text, e))
        and not (len(e.text) <= 9 and _LONE_MONTH.fullmatch(e.text) is not None)
    ]


_LONE_MONTH: Final = re.compile(
    r"(?i:feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?:[./-]?\d{2})?"
    r"|(?:February|April|June|July|September|October|November|December|"
    r"FEBRUARY|APRIL|JUNE|JULY|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
"""A month's name or abbreviation alone (`Jun` heading a row of figures, `Mar.97`): eng.train
and eng.testa name no entity so, bar `Jan` (a first name 12 times in 19), `January` once, and
`May`, `March` and `August`, words and names too."""
_RATING_GRADE: Final = re.compile(
    r"(?:AAA|AA|A|BBB|BB|B|CCC|CC|C|Aaa|Aa|Baa|Ba|Caa|AA[123]|BAA[123]|BA[123])"
    r"(?:[123]|[+-]|-plus|-minus)?"
)
_RATING_WORDS: Final = re.compile(
    r"(?i)\brat(?:ing|ings|ed|es)\b|Moody|S&P|Standard & Poor|Fitch|IBCA"
)
_RATING_REACH: Final = 300


def _rates(text: str, entity: Entity) -> bool:
    """Whether `entity`, shaped like a credit rating (`BBB-minus`, `Baa1`, `AA+`), stands
    near talk of ratings or an agency's name: then it is a grade, no name (eng.train and
    eng.testa mark all 22 such grades none)."""
    start = max(0, entity.start - _RATING_REACH)
    return _RATING_WORDS.search(text, start, entity.end + _RATING_REACH) is not None


_ROW_LABEL: Final = re.compile(
    r"^[^\S\n]*((?:(?:[A-Z][A-Za-z.'-]*|and|of|')[ \t]+)+)(?:\(|[$+-]?[ \t]?\d)(.*)$",
    re.MULTILINE,
)
_FRACTIONAL: Final = re.compile(r"\d[.,]\d|%| vs ")
_LABEL_WORD: Final = re.compile(r"[A-Za-z]+")
_LABEL_JOINERS: Final = frozenset(["and", "of", "s"])


def _figures_labels(text: str, vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """Where the rows' labels of common words stand: `PRODUCER PRICES ( % ) Jun -0.2`,
    `Cash and Cash Equivalents 2,386`, as (start, end) of the words before the first figure.

    Each of the words is one training met in lowercase (or `and`, `of`), and the
    figures have a fraction, a thousands' comma, a percentage or `vs` among them,
    as economic and company tables do; a standings row (`Reading 2 1 0 1`) has only
    small whole numbers. In eng.train and eng.testa labels of common words before
    such figures are no names 132 times, and names 51 times, all of them teams in
    rows of whole numbers.
    """
    labels: list[tuple[int, int]] = []
    for row in _ROW_LABEL.finditer(text):
        if _FRACTIONAL.search(row.group()) is None:
            continue
        words = _LABEL_WORD.findall(row.group(1))
        if all(word in _LABEL_JOINERS or vocabulary.met_in_lowercase(word) for word in words):
            labels.append(row.span(1))
    return labels


_NUMERAL_STARTS: Final = frozenset([" I", " V", " X"])
_NUMERAL_AFTER: Final = re.compile(r" ([IVX]{2,6})\b(?![’'-])")


def _with_regnal_numbers(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """A person's name takes in the Roman numeral after it: `Pope Leo XIV`, `Charles III`
    (in eng.train, `Alexander III`, `Napoleon III`, `Lee White II`)."""
    extended: list[Entity] = []
    for entity in entities:
        numeral = _NUMERAL_AFTER.match(text, entity.end) if entity.label == "PERSON" else None
        if numeral is not None and is_roman_numeral(numeral.group(1)):
            end = numeral.end()
            name = text[entity.start : end]
            entity = Entity(entity.start, end, "PERSON", name, name_key(name))
        extended.append(entity)
    # The numeral the tagger may have found on its own now lies inside the name.
    return [
        e
        for index, e in enumerate(extended)
        if not (index and extended[index - 1].end > e.start and extended[index - 1].end >= e.end)
    ]


_PARTICIPLE: Final = re.compile(
    r"[A-Z][a-z]+ed|Born|Known|Seen|Made|Held|Built|Taken|Given|Written|Grown|Shown|Sworn"
)
_PREPOSITION_AFTER: Final = re.compile(
    r" (?:in|on|at|by|near|from|as|with|after|into|to) |[ \t]?:[ \t]"
)
_LIST_MARK: Final = re.compile(r"(?:^|\n)[ \t]*[-*•][ \t]+$")


def _opening_adjectives(text: str, entities: Sequence[Entity], vocabulary: Vocabulary) -> set[str]:
    """Keys of words taken for MISC only where they open a sentence before a lowercase word,
    and of participles taken for any name only where they open a sentence before a
    preposition (`Born in 1937 in…`, `Based in Toronto, …`).

    `Strategic partners NVIDIA and Cisco…`: a word training met in lowercase,
    capitalised because it comes first, is no name unless the article writes it
    so elsewhere. A nationality (`German officials`) is a name wherever it stands; so is
    a first name ending as a participle (`Saeed`, `Ahmed`), which training never met in
    small letters. In eng.train and eng.testa a participle opening a sentence before a
    preposition is no name 18 times in 20 (`Played at…`), the others `Saeed` and a slip.
    """
    openers: dict[str, bool] = {}
    for entity in entities:
        if " " in entity.text or entity.label not in NAME_LABELS:
            continue
        participle = _PARTICIPLE.fullmatch(entity.text) is not None
        if entity.label != "MISC" and not participle:
            continue
        key = name_key(entity.text)
        if openers.get(key, True):
            after = text[entity.end : entity.end + 8]
            if participle:
                openers[key] = _PREPOSITION_AFTER.match(after) is not None and (
                    opens_sentence(text, entity.start)
                    or _LIST_MARK.search(text, max(0, entity.start - 6), entity.start) is not None
                )
            else:
                openers[key] = (
                    opens_sentence(text, entity.start) and after[:1] == " " and after[1:2].islower()
                )
    return {
        key
        for key, opener in openers.items()
        if opener and key not in DEMONYMS and vocabulary.met_in_lowercase(key)
    }


_WORD_IN_SMALL_LETTERS: Final = re.compile(r"\b[a-z]{3,}\b")


def line_around(text: str, start: int, end: int) -> str:
    """The line of `text` that holds `text[start:end]`."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]


def in_prose_line(text: str, start: int, end: int) -> bool:
    """Whether the line holding `text[start:end]` has three words in small letters or more:
    prose, not a line of capitals, a table row or a heading."""
    return len(_WORD_IN_SMALL_LETTERS.findall(line_around(text, start, end))) >= 3


_SMALL_LETTER_OR_BREAK: Final = re.compile(r"[a-z\n]")


def on_capitals_line(text: str, start: int, end: int) -> bool:
    """Whether the line holding `text[start:end]` has no small letter (a headline in
    capitals).

    A small letter right after the name settles it without reading the whole line, which in
    a text of one long line would make a pass over its names quadratic.
    """
    small = _SMALL_LETTER_OR_BREAK.search(text, start)
    if small is not None and small.group() != "\n":
        return False
    line = line_around(text, start, end)
    return line.upper() == line


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of its line or follows a sentence's end."""
    window = text[max(0, start - 4) : start]
    before = window.rstrip(" \t")
    return not before or before[-1] == "\n" or (before != window and before[-1] in ".!?")


def _emphasised_names(text: str, entities: Sequence[Entity], vocabulary: Vocabulary) -> set[str]:
    """The keys of names every mention of which is a common noun capitalised (`_emphasised`)."""
    # Most articles have no such mention at all: look for one before keying names.
    if not any(_emphasised(text, e, vocabulary) for e in entities):
        return set()
    emphasised: dict[str, bool] = {}
    for entity in entities:
        key = name_key(entity.text)
        # One mention that is not such a noun decides for the name.
        if emphasised.get(key, True):
            emphasised[key] = _emphasised(text, entity, vocabulary)
    return {key for key, noun in emphasised.items() if noun}


def cut_adjective_suffixes(entities: Sequence[Entity]) -> list[Entity]:
    """`Boston-based` → `Boston`: a name fused with a suffix that makes it an adjective.

    The name inside then takes part in the article's evidence and identity like
    any mention of it; `fused_adjectives` puts the suffix back on at the end.
    Such a word opening a longer name is cut off it (`Ontario-based Magna` →
    `Ontario` + `Magna`); where the article names it nowhere else, the part is MISC.

    The name part takes the label its other mentions in the article have most
    often, or else keeps the one the tagger gave the fused word. A part that
    is no name at all (`Self-made`) goes, and so does an acronym the article
    names nowhere else before `-like` or `-style`: a kind of thing (`an
    SUV-like body`), not a name.
    """
    cuts: dict[int, str] = {}
    rests: dict[int, Entity] = {}
    for index, entity in enumerate(entities):
        name = _fused_name(entity.text)
        if name is not None:
            cuts[index] = name
            continue
        first, _, rest = entity.text.partition(" ")
        name = _fused_name(first) if rest.strip() else None
        if name is not None:
            # `Ontario-based Magna`: the adjective opens the name of another thing.
            cuts[index] = name
            start = entity.end - len(rest.lstrip())
            rests[index] = Entity(
                start, entity.end, entity.label, entity.text[start - entity.start :]
            )
    if not cuts:
        return list(entities)
    labels: dict[str, Counter[str]] = {}
    for index, entity in enumerate(entities):
        if index not in cuts and entity.label in NAME_LABELS:
            labels.setdefault(name_key(entity.text), Counter())[entity.label] += 1
    result: list[Entity] = []
    for index, entity in enumerate(entities):
        if index not in cuts:
            result.append(entity)
            continue
        name = cuts[index]
        remainder = rests.get(index)
        elsewhere = labels.get(name_key(name))
        fused = entity.text if remainder is None else entity.text.partition(" ")[0]
        kept = (
            name[:1].isupper()
            and name.casefold() not in FUNCTION_WORDS
            and not (not elsewhere and name.isupper() and _compares(fused))
        )
        if kept:
            label = elsewhere.most_common(1)[0][0] if elsewhere else entity.label
            if remainder is not None and not elsewhere:
                # The tagger's label was the whole's: the part keeps none of its own.
                label = "MISC"
            if label == "MISC" and not elsewhere and fused.rpartition("-")[2].casefold() in _FROM:
                # `Lisbon-based`: where one is based or born is a place; MISC was the fused
                # adjective's label, not the name's.
                label = "PLACE"
            result.append(Entity(entity.start, entity.start + len(name), label, name))
        if remainder is not None:
            result.append(remainder)
    return result


def _join_split_adjectives(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`San` + `Francisco-based` → `San Francisco-based`: a name the tagger split before its suffix.

    A fused word right after another name, one space apart, is that name's last word.
    """
    joined: list[Entity] = []
    for entity in entities:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.end + 1 == entity.start
            and text[previous.end] == " "
            and previous.label in NAME_LABELS
            and " " not in entity.text
            and _fused_name(entity.text) is not None
        ):
            joined[-1] = Entity(
                previous.start, entity.end, entity.label, text[previous.start : entity.end]
            )
        else:
            joined.append(entity)
    return joined


_COMPARISONS: Final = ("-like", "-style")


def _fused_name(text: str) -> str | None:
    """`Boston` of `Boston-based`: the name before an adjective's suffix, if `text` ends in one."""
    name, dash, suffix = text.rpartition("-")
    if (
        dash
        and suffix.casefold() in ADJECTIVE_SUFFIXES
        and (name[-1:].isalnum() or name[-1:] == ".")
    ):
        return name
    return None


def _compares(fused: str) -> bool:
    """`APC-like`, `APC-style`: the suffix likens something to a kind of thing."""
    return fused.casefold().endswith(_COMPARISONS)


_ROMAN_LETTERS: Final = frozenset("IVX")
"""What a Roman numeral of `_ROMAN` starts with: a cheap test before the pattern."""


def _capitalised_word(word: str) -> bool:
    """`Universe`: one word of letters, capitalised and otherwise in lowercase."""
    return word.isalpha() and word[0].isupper() and word[1:].islower()


def _emphasised(text: str, entity: Entity, vocabulary: Vocabulary) -> bool:
    word = entity.text
    return (
        _capitalised_word(word)
        and _THE_BEFORE.search(text, max(0, entity.start - 8), entity.start) is not None
        and (
            (not vocabulary.met_as_written(word) and vocabulary.met_in_lowercase(word))
            or _ends_colon_title(text, entity)
        )
        and not _plays(text, entity)
    )


_RESULT_VERBS: Final = (
    "beat|beats|defeated|downed|edged|routed|blanked|thrashed|crushed|lost|won|drew|tied|"
    "trailed|rallied|improved|overcame|outlasted|outscored"
)
_PLAYS_AFTER: Final = re.compile(rf"[ \t]+(?:{_RESULT_VERBS})\b")
_PLAYS_BEFORE: Final = re.compile(rf"\b(?:{_RESULT_VERBS}|over|against)[ \t]+the[ \t]+$")


def _plays(text: str, entity: Entity) -> bool:
    """`the Heat beat…`, `blanked the Blues`: a team named with a common word, in a result."""
    return (
        _PLAYS_AFTER.match(text, entity.end) is not None
        or _PLAYS_BEFORE.search(text, max(0, entity.start - 20), entity.start) is not None
    )


_COLON_TITLE_BEFORE: Final = re.compile(
    r":[ \t]+[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|and|or|for|in|on|to|with|a|an))*"
    r"[ \t]+the[ \t]+$"
)
_SENTENCE_END: Final = re.compile(r"[.!?]?[\"”’]?(?:[ \t]|$)", re.MULTILINE)


def _ends_colon_title(text: str, entity: Entity) -> bool:
    """`Our mission: Understanding the Cosmos.`: the word ends a Title Case phrase after a colon.

    Such a phrase is a slogan or a title; its capitals are its style, so the
    noun after `the` there says nothing of being a name.
    """
    start = max(0, entity.start - 80)
    if ":" not in text[start : entity.start]:
        return False
    return (
        _COLON_TITLE_BEFORE.search(text, start, entity.start) is not None
        and _SENTENCE_END.match(text, entity.end) is not None
    )


def drop_unproven_opener(
    title: str, entities: Sequence[Entity], body: Sequence[Entity], vocabulary: Vocabulary
) -> list[Entity]:
    """A title's entities without the name that opens it, when that is ordinary words.

    `entities` are the title's, `body` the body's (with keys). The opening name
    goes when the body never names it and each of its words is a capitalised
    word that training met in lowercase, or a number (`Wire Story Update 3`).
    """
    if not entities:
        return list(entities)
    first = entities[0]
    words = first.text.split()
    if (
        title[: first.start].strip()
        or first.label not in NAME_LABELS
        or not any(word.isalpha() for word in words)
        or not all(word.isdigit() or _ordinary(word, vocabulary) for word in words)
        or first.key in {e.key for e in body}
    ):
        return list(entities)
    return list(entities[1:])


def _ordinary(word: str, vocabulary: Vocabulary) -> bool:
    """A capitalised common word: `Wire`, `Update` (training met `wire`, `update`)."""
    return (
        word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and vocabulary.met_in_lowercase(word)
    )
