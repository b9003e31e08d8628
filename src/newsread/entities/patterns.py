"""Number-shaped entities: sums of money, percentages, quantities with units, and dates.

Every pattern is compiled once at import. Spans never cross a line break, never
start inside a larger word or number (`A320`, `B737`), and where two patterns
cover the same words the longer span wins (`2026-01-05` over `2026`).
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from newsread.model import Entity

_SP: Final = r"[ \t\u00a0\u202f]"
"""Whitespace inside a span: never a newline."""


def _any_word(alternatives: str) -> str:
    """`alternatives` (`one|two|a\\ few`), ignoring case, behind a quick first-letter test.

    The regex engine cannot skip a case-insensitive alternative by its first
    letter, so it tries every one in turn; a look-ahead for the letters they
    begin with turns most places away at once. Each alternative must begin with
    a plain letter, and none may hold a `|` of its own.
    """
    firsts = sorted({alternative[:1].lower() for alternative in alternatives.split("|")})
    if not all(first.isalpha() and first.isascii() for first in firsts):
        raise ValueError(f"not a plain list of words: {alternatives}")
    return f"(?=(?i:[{''.join(firsts)}]))(?i:{alternatives})"


_BEFORE_NONE: Final = r"[\w.,$€£¥₹₩@#/+-]"
"""What never stands right before a span (`A320`, `1.5`, `$`, `#1`, `1/2`)."""
_START: Final = rf"(?<!{_BEFORE_NONE})"
_END: Final = r"(?![\w%$€£]|[.,]\d)"

_NUMBER: Final = r"(?>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
"""Atomic: every shorter reading of a number ends before a digit or a `.`/`,` and a digit,
where nothing that follows a number in these patterns can begin, so giving digits back
could never lead to a match; not trying spares the patterns much backtracking."""
_WORD_NUMBER: Final = _any_word(
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|a\ few|dozens\ of|"
    r"hundreds\ of|thousands\ of"
)
_SCALE: Final = _any_word("thousand|million|billion|trillion")
_SCALE_ATTACHED: Final = r"(?:bn|mn|mln|tn|trn|[kKmMbBtT])"
_AMOUNT: Final = rf"{_NUMBER}(?:{_SP}{_SCALE})?"

_CURRENCY_SYMBOL: Final = r"(?:(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|NT|R|T|Z)?[$€£¥₹₩₽₪₺₿]|Rs\.?)"
_CURRENCY_CODE: Final = (
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|AUD|CAD|HKD|SGD|KRW|BRL|MXN|SEK|NOK|DKK|ZAR|RUB|TRY)"
)
_CURRENCY_COUNTRY: Final = _any_word(
    r"US|U\.S\.|Canadian|Australian|Hong\ Kong|Singapore|New\ Zealand"
)
_CURRENCY_WORD: Final = f"(?:{_CURRENCY_COUNTRY}{_SP})?" + _any_word(
    r"dollars?|euros?|yen|yuan|renminbi|rupees?|francs?|won|pesos?|reais|"
    r"roubles?|rubles?|lira|shekels?|rand|kronor|kroner|krona|krone|cents|pence|"
    r"bitcoins?|pounds\ sterling|sterling"
)

MONEY: Final = re.compile(
    rf"{_START}(?:"
    rf"{_CURRENCY_SYMBOL}{_SP}?{_NUMBER}(?:{_SCALE_ATTACHED}(?![\w])|[-{_SP[1:-1]}]{_SCALE})?"
    rf"|{_CURRENCY_CODE}{_SP}?{_AMOUNT}"
    rf"|{_AMOUNT}{_SP}(?:{_CURRENCY_WORD}|{_CURRENCY_CODE})"
    rf"|{_NUMBER}{_SP}{_SCALE}{_SP}(?i:pounds)"
    rf"|(?:{_WORD_NUMBER}{_SP})?{_SCALE}s?{_SP}(?:of{_SP})?{_CURRENCY_WORD}"
    rf"){_END}"
)
"""`$20 billion`, `$20B`, `€3.5m`, `£200`, `US$1.2 trillion`, `20 million dollars`, `5 euros`."""

PERCENT: Final = re.compile(
    rf"{_START}(?:{_NUMBER}|{_WORD_NUMBER})(?:[-–]{_NUMBER})?"
    rf"(?:{_SP}?[%٪％]|{_SP}(?i:percent(?:age{_SP}points?)?|per{_SP}cent|pct|basis{_SP}points))"
    r"(?![\w%])"
)
"""`99%`, `12.5 percent`, `3 per cent`, `5-10%`."""

_UNIT_SYMBOL: Final = (
    r"(?:MWh|GWh|kWh|TWh|Wh|MW|GW|kW|TW|mW|kV|mAh|Ah|TB|GB|MB|PB|KB|kB|Gbps|Mbps|Kbps|"
    r"GHz|MHz|kHz|THz|Hz|nm|mm|cm|km|µm|μm|ft|mi|yd|kg|mg|lbs?|oz|ml|mL|bpd|mph|km/h|kph|"
    r"°C|°F|psi|rpm|hp|kcal)"
)
_UNIT_LETTER: Final = r"(?:m|g|W|V)"
"""Single-letter units need a space before them: `10m` is more often ten million."""
_UNIT_WORD: Final = (
    r"(?i:(?:nano|micro|milli)?seconds?|secs?|minutes?|mins|hours?|hrs|days?|weeks?|"
    r"months?|years?|decades?|centuries|century|millennia|"
    rf"(?:square{_SP}|cubic{_SP}|nautical{_SP})?(?:(?:kilo|centi|milli)?met(?:er|re)s?|"
    r"miles?|feet|foot|inch(?:es)?|yards?)|"
    r"(?:kilo|milli)?grams?|tonnes?|tons?|pounds|ounces?|carats?|"
    r"(?:milli)?lit(?:er|re)s?|gallons?|barrels?|acres?|hectares?|"
    r"(?:kilo|mega|giga|tera)?watts?|(?:kilo|mega|giga|tera)watt-hours?|volts?|amps?|"
    r"horsepower|(?:kilo|mega|giga|tera|peta)?bytes?|bits?|"
    rf"degrees?(?:{_SP}(?:Celsius|Fahrenheit))?|knots?|light-years?|calories?|joules?|"
    r"(?:peta|exa|tera)?flops|qubits?|parameters)"
)
_UNIT_BEGINS: Final = r"(?=[^\W\d_]|°)"
"""Every unit begins with a letter or a degree sign: a quick test before the long lists."""
_TIME_UNIT: Final = _any_word(
    "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries"
)

QUANTITY: Final = re.compile(
    rf"{_START}(?:{_AMOUNT}|{_WORD_NUMBER})(?:[-–]{_NUMBER})?"
    rf"(?:(?:{_SP}|-)?{_UNIT_BEGINS}(?:{_UNIT_SYMBOL}|{_UNIT_WORD})|{_SP}{_UNIT_LETTER})(?![\w°/])"
)
"""`380 MW`, `1,700 hours`, `28 feet`, `10 years`, `5 km`, `3.2 GHz`, `40 tons`."""

_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_SHORT_MONTH: Final = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
"""A month shortened without a point, a date only with its day after it (`Jul 31`; `Jan Ove`
is a name, `Mar` a verb)."""
_WEEKDAY: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MODIFIER: Final = _any_word(r"last|next|this|early|late|mid|earlier\ this|later\ this")
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1[89]\d\d|20\d\d)"
_PERIOD: Final = _any_word(
    "week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|"
    "morning|afternoon|evening|night|season"
)

DATE: Final = re.compile(
    rf"{_START}(?:"
    r"\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
    rf"|(?:(?:{_MODIFIER}{_SP})?{_WEEKDAY},?{_SP})?(?:(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?)?"
    rf"(?:{_MODIFIER}[-{_SP[1:-1]}])?{_MONTH}(?:{_SP}{_DAY}(?![\d,]\d))?(?:,?{_SP}{_YEAR})?"
    rf"|{_SHORT_MONTH}{_SP}{_DAY}(?![\d,]\d)(?:,?{_SP}{_YEAR})?"
    rf"|(?:{_MODIFIER}{_SP})?{_WEEKDAY}"
    rf"|{_any_word('yesterday|today|tomorrow|tonight')}"
    rf"|{_any_word('this|last|next|past|coming|previous|current')}{_SP}{_PERIOD}"
    rf"|(?:{_NUMBER}|{_WORD_NUMBER}){_SP}{_TIME_UNIT}{_SP}ago"
    rf"|(?:{_any_word('spring|summer|autumn|fall|winter')}(?:{_SP}of)?{_SP})?"
    rf"(?:{_any_word('mid|early|late')}[-{_SP[1:-1]}])?{_YEAR}s?"
    rf"|Q[1-4](?:{_SP}{_YEAR})?|FY{_SP}?(?:{_YEAR}|\d\d)"
    rf"){_END}"
)
"""Years, months (with `last`/`next`… kept), full dates, weekdays and relative days."""

_MAY_CONTEXT: Final = re.compile(
    r"(?i:\b(?:in|on|since|until|by|from|through|during|of|early|late|mid|last|next|this)"
    rf"{_SP}+)$"
)
"""`May` alone is a month only after words like these (otherwise the verb or a name)."""

_VAGUE_AGO: Final = re.compile(rf"(?<![\w])(?i:a|an|a{_SP}few|several|many){_SP}{_TIME_UNIT}{_SP}$")
"""`a year ago`, `several weeks ago`: found by looking back from `ago`."""

_ALL: Final = (("MONEY", MONEY), ("PERCENT", PERCENT), ("QUANTITY", QUANTITY), ("DATE", DATE))
_RANK: Final = {label: rank for rank, (label, _) in enumerate(_ALL)}
_MONEY_ONLY: Final = _ALL[:1]
_DATE_ONLY: Final = _ALL[3:]
_COUNTED: Final = (_ALL[0], _ALL[1], _ALL[2], _ALL[3])

_DATE_WORDS: Final = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday yesterday today tomorrow tonight last next this early late mid earlier
    later past coming previous current spring summer autumn fall winter q1 q2 q3 q4 fy
"""
_NUMBER_WORDS: Final = """
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred several hundreds thousands dozens
"""
_SCALE_WORDS: Final = "thousand million billion trillion millions billions trillions"
_CURRENCY_PREFIXES: Final = """
    US U A AU C CA NZ HK S NT R T Z Rs
    USD EUR GBP JPY CNY RMB CHF INR AUD CAD HKD SGD KRW BRL MXN SEK NOK DKK ZAR RUB TRY
"""
"""What goes before a currency sign (`US$`, `U.S.$`), `Rs` and currency codes: matched
as written, so only these forms can start a sum (`us` and `'s` cannot)."""


def _forms(words: str) -> frozenset[str]:
    """Each word as written in lowercase, Capitalised and UPPERCASE."""
    return frozenset(f for w in words.split() for f in (w, w.capitalize(), w.upper()))


_TRIGGERS: Final = {
    **dict.fromkeys(_forms(_DATE_WORDS), _DATE_ONLY),
    **dict.fromkeys(_forms(_SCALE_WORDS), _MONEY_ONLY),
    **dict.fromkeys(_CURRENCY_PREFIXES.split(), _MONEY_ONLY),
    **dict.fromkeys(_forms(_NUMBER_WORDS), _COUNTED),
}
"""Words a span can start with, and which patterns to try there."""


_SIGNS: Final = "$€£¥₹₩₽₪₺₿"
_NOT_BEFORE: Final = frozenset("_.,$€£¥₹₩@#/+-")
"""Besides letters and digits, what `_START` forbids right before a span."""
_WORD_STARTS: Final = frozenset([*_TRIGGERS, "ago"])
"""Whole words that can begin a span (or, `ago`, end a vague one)."""


class _WordCharacters(dict[int, str]):
    """A `str.translate` table that makes every character other than a letter or digit a space.

    What it makes of a text has one word per run of letters and digits, at the
    same offsets, so `" May "` is found exactly where `May` stands as a whole word.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = char if char.isalnum() else " "
        self[code] = value
        return value


_WORD_CHARACTERS: Final = _WordCharacters()
_NUMBER_THEN: Final = rf"[\d.,]*+(?:[-–][\d.,]++)?+[{_SP[1:-1]}-]?+"
"""A number, perhaps a range, and at most one space or hyphen. Possessive: in a span the
number always runs up to the first character that cannot be in one."""
_NEXT: Final = {
    "MONEY": rf"{_NUMBER_THEN}(?:{_SCALE}|{_CURRENCY_WORD}|{_CURRENCY_CODE})",
    "PERCENT": rf"{_NUMBER_THEN}(?:[%٪％]|(?i:per|pct|basis))",
    "QUANTITY": (
        rf"{_NUMBER_THEN}(?:{_SCALE}|{_UNIT_BEGINS}(?:{_UNIT_SYMBOL}|{_UNIT_WORD})|{_UNIT_LETTER})"
    ),
    "DATE": rf"\d{{4}}-|\d{{1,2}}/|{_YEAR}|[\d.,]*+(?:st|nd|rd|th)?{_SP}[^\W\d_]",
}
"""What each pattern needs from a place that begins with a digit, read off its branches
that can start with one: money needs the number followed by a scale, a currency or its
code, a percent a percent sign or word, a quantity a scale or a unit, a date an ISO or
slashed date, a year, or a number and then a word (`5 May`, `10 years ago`)."""
_MEASURED: Final = rf"{_NUMBER_THEN}(?:[^\W\d_]|[°%٪％])"
"""What every money, percent or quantity span that begins with a digit has: the number,
then a word, a unit sign or a percent sign. Only where it holds are their tests made."""
_BARE_END: Final = rf"(?![\d%٪％/–-]|[.,:]\d|{_SP}*(?:[^\W\d_]|[%٪％]))"
_BARE_NUMBER: Final = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?{_BARE_END}"
"""A number with no unit, sign or word after it: no pattern can start there, unless a year."""


def _flag(label: str) -> str:
    """An empty group named `label`, set where `_NEXT[label]` holds at the digit just read."""
    return rf"(?:(?<=(?={_NEXT[label]}).)(?P<{label}>))?"


_NUMBER_OR_SIGN: Final = re.compile(
    rf"[0-9{_SIGNS}\x80-\U0010ffff](?<=[\d{_SIGNS}])(?<!{_BEFORE_NONE}.)"
    rf"(?:(?<=[{_SIGNS}])|(?<=(?:(?={_YEAR}{_BARE_END})|(?!{_BARE_NUMBER})).)"
    rf"(?:(?<=(?={_MEASURED}).){_flag('MONEY')}{_flag('PERCENT')}{_flag('QUANTITY')})?"
    rf"{_flag('DATE')})"
)
"""A currency sign, or a digit that starts a number other than a bare one, where `_START`
lets a span begin; each pattern's group is set when `_NEXT` says it may match there.

It opens with the character itself so that the search skips straight to digits
and signs; the tests that belong at that character are made in look-backs over it.
The first test is for an ASCII digit, a sign or any character past ASCII, which is
far quicker than one for a digit of any script; the next look-back leaves the digits."""
_AT_DIGIT: Final = {
    tuple(None if not wanted else "" for wanted in flags): tuple(
        pattern for pattern, wanted in zip(_ALL, flags, strict=True) if wanted
    )
    for flags in itertools.product((False, True), repeat=len(_ALL))
}
"""The patterns to try at a digit, by the groups of `_NUMBER_OR_SIGN` (set or not)."""

_Patterns = tuple[tuple[str, re.Pattern[str]], ...]
_DATE_RANK: Final = _RANK["DATE"]
_Span = tuple[int, int, int]
"""Start, minus the length, and the rank of the pattern: sorts as `resolve_overlaps` does."""


def find_patterns(text: str) -> list[Entity]:
    """Return the money, percent, quantity and date spans in `text`, sorted and disjoint.

    Rather than sliding every pattern over every character, the places where a
    span can begin are found first (a whole word from `_TRIGGERS`, a number, a
    currency sign, a fiscal year), and only the patterns that can start there
    are tried. Every pattern opens with `_START`, so a place right after a
    letter, digit or `_START` sign is never one. Of the spans found at one
    place only the one `resolve_overlaps` could keep is kept: the longest,
    then the one whose pattern comes first.
    """
    found: list[_Span] = []
    for start, patterns in _word_starts(text).items():
        if patterns:
            _add_longest(found, text, start, patterns)
        else:
            found.extend(
                (ago.start, ago.start - ago.end, _DATE_RANK) for ago in _vague_ago(text, start)
            )
    for match in _NUMBER_OR_SIGN.finditer(text):
        start = match.start()
        if text[start] in _SIGNS:
            _add_longest(found, text, start, _MONEY_ONLY)
        else:
            _add_longest(found, text, start, _AT_DIGIT[match.groups()])
    found.sort()
    return [
        Entity(start, start - minus_length, _ALL[rank][0], text[start : start - minus_length])
        for start, minus_length, rank in _disjoint(found)
    ]


def _add_longest(found: list[_Span], text: str, start: int, patterns: _Patterns) -> None:
    """Add the longest span one of `patterns` matches at `start`; on a tie the first's."""
    best = start
    best_rank = 0
    for label, pattern in patterns:
        match = pattern.match(text, start)
        if match is not None and match.end() > best and _plausible(text, match, label):
            best = match.end()
            best_rank = _RANK[label]
    if best > start:
        found.append((start, start - best, best_rank))


def _disjoint(spans: list[_Span]) -> list[_Span]:
    """`resolve_overlaps` for sorted spans: of two that overlap the longer stays, then
    the one whose pattern comes first."""
    kept: list[_Span] = []
    end = -1
    for span in spans:
        start, minus_length, rank = span
        if start < end:
            _, last_minus_length, last_rank = kept[-1]
            if -minus_length > -last_minus_length or (
                minus_length == last_minus_length and rank < last_rank
            ):
                kept[-1] = span
                end = start - minus_length
            continue
        kept.append(span)
        end = start - minus_length
    return kept


def _word_starts(text: str) -> dict[int, _Patterns]:
    """Where a trigger word or a fiscal year (`FY2025`) opens a possible span, and what to try.

    `ago` maps to no patterns: a vague span (`a year ago`) ends there.
    """
    words = text.translate(_WORD_CHARACTERS)
    padded = f" {words} "
    starts: dict[int, _Patterns] = {}
    for word in _WORD_STARTS.intersection(words.split()):
        patterns = _TRIGGERS.get(word, ())
        for start in _whole_words(padded, word):
            if not patterns or start == 0 or text[start - 1] not in _NOT_BEFORE:
                starts[start] = patterns
    for fiscal in ("FY", "fy"):
        start = words.find(fiscal)
        while start >= 0:
            if start == 0 or (words[start - 1] == " " and text[start - 1] not in _NOT_BEFORE):
                starts.setdefault(start, _DATE_ONLY)
            start = words.find(fiscal, start + 1)
    return starts


def _whole_words(padded: str, word: str) -> list[int]:
    """Offsets (into the unpadded text) where `word` stands alone in `padded`."""
    needle = f" {word} "
    found: list[int] = []
    at = padded.find(needle)
    while at >= 0:
        found.append(at)
        at = padded.find(needle, at + len(word) + 1)
    return found


def _matches(text: str, start: int, patterns: _Patterns) -> list[Entity]:
    """What each of `patterns` matches at `start`: all of them, as `Entity` (for tests)."""
    found: list[Entity] = []
    for label, pattern in patterns:
        match = pattern.match(text, start)
        if match is not None and match.end() > start and _plausible(text, match, label):
            found.append(Entity(start, match.end(), label, match.group()))
    return found


def _vague_ago(text: str, start: int) -> list[Entity]:
    """The vague date (`a year ago`) that ends with the `ago` at `start`, if there is one."""
    before = _VAGUE_AGO.search(text, max(0, start - 24), start)
    if before is None:
        return []
    end = start + len("ago")
    return [Entity(before.start(), end, "DATE", text[before.start() : end])]


def _plausible(text: str, match: re.Match[str], label: str) -> bool:
    """Reject the few matches that only look like dates."""
    if label == "DATE" and match.group() == "May":
        start = match.start()
        return _MAY_CONTEXT.search(text, max(0, start - 20), start) is not None
    return True
