"""Number-shaped entities: sums of money, percentages, quantities with units, and dates.

Every pattern is compiled once at import. Spans never cross a line break, never
start inside a larger word or number (`A320`, `B737`), and where two patterns
cover the same words the longer span wins (`2026-01-05` over `2026`).
"""

from __future__ import annotations

import re
from typing import Final

from newsread.entities.merge import resolve_overlaps
from newsread.model import Entity

_SP: Final = r"[ \t\u00a0\u202f]"
"""Whitespace inside a span: never a newline."""

_START: Final = r"(?<![\w.,$€£¥₹₩@#/+-])"
_END: Final = r"(?![\w%$€£]|[.,]\d)"

_NUMBER: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORD_NUMBER: Final = (
    r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|a\ few|dozens\ of|"
    r"hundreds\ of|thousands\ of)"
)
_SCALE: Final = r"(?i:thousand|million|billion|trillion)"
_SCALE_ATTACHED: Final = r"(?:bn|mn|mln|tn|trn|[kKmMbBtT])"
_AMOUNT: Final = rf"{_NUMBER}(?:{_SP}{_SCALE})?"

_CURRENCY_SYMBOL: Final = r"(?:(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|NT|R)?[$€£¥₹₩₽₪₺₿]|Rs\.?)"
_CURRENCY_CODE: Final = (
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|AUD|CAD|HKD|SGD|KRW|BRL|MXN|SEK|NOK|DKK|ZAR|RUB|TRY)"
)
_CURRENCY_WORD: Final = (
    r"(?i:(?:US|U\.S\.|Canadian|Australian|Hong\ Kong|Singapore|New\ Zealand)"
    rf"{_SP})?(?i:dollars?|euros?|yen|yuan|renminbi|rupees?|francs?|won|pesos?|reais|"
    r"roubles?|rubles?|lira|shekels?|rand|kronor|kroner|krona|krone|cents|pence|"
    r"bitcoins?|pounds\ sterling|sterling)"
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
_TIME_UNIT: Final = r"(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)"

QUANTITY: Final = re.compile(
    rf"{_START}(?:{_AMOUNT}|{_WORD_NUMBER})(?:[-–]{_NUMBER})?"
    rf"(?:(?:{_SP}|-)?(?:{_UNIT_SYMBOL}|{_UNIT_WORD})|{_SP}{_UNIT_LETTER})(?![\w°/])"
)
"""`380 MW`, `1,700 hours`, `28 feet`, `10 years`, `5 km`, `3.2 GHz`, `40 tons`."""

_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MODIFIER: Final = r"(?i:last|next|this|early|late|mid|earlier\ this|later\ this)"
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1[89]\d\d|20\d\d)"
_PERIOD: Final = (
    r"(?i:week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|"
    r"morning|afternoon|evening|night|season)"
)

DATE: Final = re.compile(
    rf"{_START}(?:"
    r"\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
    rf"|(?:(?:{_MODIFIER}{_SP})?{_WEEKDAY},?{_SP})?(?:(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?)?"
    rf"(?:{_MODIFIER}[-{_SP[1:-1]}])?{_MONTH}(?:{_SP}{_DAY}(?![\d,]\d))?(?:,?{_SP}{_YEAR})?"
    rf"|(?:{_MODIFIER}{_SP})?{_WEEKDAY}"
    r"|(?i:yesterday|today|tomorrow|tonight)"
    rf"|(?i:this|last|next|past|coming|previous|current){_SP}{_PERIOD}"
    rf"|(?:{_NUMBER}|{_WORD_NUMBER}){_SP}{_TIME_UNIT}{_SP}ago"
    rf"|(?:(?i:spring|summer|autumn|fall|winter)(?:{_SP}of)?{_SP})?"
    rf"(?:(?i:mid|early|late)[-{_SP[1:-1]}])?{_YEAR}s?"
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
_MONEY_WORDS: Final = """
    thousand million billion trillion millions billions trillions us u au c ca nz hk s nt r rs
    usd eur gbp jpy cny rmb chf inr aud cad hkd sgd krw brl mxn sek nok dkk zar rub try
"""


def _forms(words: str) -> frozenset[str]:
    """Each word as written in lowercase, Capitalised and UPPERCASE."""
    return frozenset(f for w in words.split() for f in (w, w.capitalize(), w.upper()))


_TRIGGERS: Final = {
    **dict.fromkeys(_forms(_DATE_WORDS), _DATE_ONLY),
    **dict.fromkeys(_forms(_MONEY_WORDS), _MONEY_ONLY),
    **dict.fromkeys(_forms(_NUMBER_WORDS), _COUNTED),
}
"""Words a span can start with, and which patterns to try there."""


def _alternatives(words: frozenset[str]) -> str:
    """A pattern matching exactly `words`, as a trie: `jan(?:uary)?`, not `january|jan`."""
    if words == {""}:
        return ""
    branches: dict[str, set[str]] = {}
    for word in sorted(words):
        if word:
            branches.setdefault(word[0], set()).add(word[1:])
    parts = [re.escape(first) + _alternatives(frozenset(rest)) for first, rest in branches.items()]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in words else body


_SIGNS: Final = "$€£¥₹₩₽₪₺₿"
_SCAN: Final = re.compile(
    rf"(?<![^\W_])(?:({_alternatives(frozenset([*_TRIGGERS, 'ago']))})(?![^\W_])|FY|fy|(\d))"
    rf"|[{_SIGNS}]"
)
"""Every place a span can begin: a whole word from `_TRIGGERS` (or `ago`), a fiscal year
(`FY2025`), a number, or a currency sign; never inside a larger word (`A320`, `3pm`)."""
_UNIT_AFTER: Final = re.compile(rf"[\d.,]*(?:[-–][\d.,]+)?[{_SP[1:-1]}-]?(?:[^\W\d_]|[°%٪％])")
"""What every money, percent or quantity span that begins with a digit has: the number
(perhaps a range), at most one space or hyphen, then a word, a unit sign or a percent sign.
Where it is missing only a date can start at the number."""
_BARE_NUMBER: Final = re.compile(
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
    rf"(?![\d%٪％/–-]|[.,:]\d|{_SP}*(?:[^\W\d_]|[%٪％]))"
)
"""A number with no unit, sign or word after it: no pattern can start there, unless a year."""
_YEAR_ALONE: Final = re.compile(rf"{_YEAR}s?$")


def find_patterns(text: str) -> list[Entity]:
    """Return the money, percent, quantity and date spans in `text`, sorted and disjoint.

    Rather than sliding every pattern over every character, one scan finds
    where a span can begin (a number, a currency sign, or a whole word from
    `_TRIGGERS`) and only the patterns that can start there are tried, which
    keeps the cost close to one cheap pass over the text.
    """
    found: list[Entity] = []
    for match in _SCAN.finditer(text):
        start = match.start()
        word = match.group(1)
        if word is not None:
            if word == "ago":
                found.extend(_vague_ago(text, start))
            else:
                found.extend(_matches(text, start, _TRIGGERS[word]))
        elif match.lastindex == 2:
            bare = _BARE_NUMBER.match(text, start)
            if bare is None or _YEAR_ALONE.match(bare.group()):
                measured = _UNIT_AFTER.match(text, start) is not None
                found.extend(_matches(text, start, _ALL if measured else _DATE_ONLY))
        elif text[start] in _SIGNS:
            found.extend(_matches(text, start, _MONEY_ONLY))
        else:
            found.extend(_matches(text, start, _DATE_ONLY))
    return resolve_overlaps(found, lambda entity: _RANK[entity.label])


def _matches(
    text: str, start: int, patterns: tuple[tuple[str, re.Pattern[str]], ...]
) -> list[Entity]:
    found: list[Entity] = []
    for label, pattern in patterns:
        match = pattern.match(text, start)
        if match is not None and match.end() > start and _plausible(text, match, label):
            found.append(Entity(start, match.end(), label, match.group()))
    return found


def _vague_ago(text: str, start: int) -> list[Entity]:
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
