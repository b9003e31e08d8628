"""Number-shaped entities: the quick scan finds what trying every pattern everywhere finds."""

from __future__ import annotations

import random
import re

import pytest

from newsread.entities import patterns
from newsread.entities.merge import resolve_overlaps
from newsread.entities.patterns import find_patterns
from newsread.model import Entity
from newsread.seeds import seed_files

_PIECES = [
    *[
        "$",
        "€",
        "£",
        "US$",
        "U.S.$",
        "A$",
        "Rs.",
        "Rs ",
        "USD",
        "usd ",
        "S$",
        "HK$",
        "C$ ",
    ],
    *["5", "12", "1,000", "3.5", "2026", "1999", "08", "40", "1-0", "6-3 "],
    *[
        "-",
        "–",
        "%",
        "٪",
        " percent",
        " per cent",
        " percentage points",
        " pct",
        " bps",
    ],
    *[
        " million",
        " billion",
        "bn",
        "m",
        "k",
        " dollars",
        " euros",
        " pounds",
        " pounds sterling",
    ],
    *[
        " km",
        "km",
        " MW",
        "kWh",
        " hours",
        " years",
        "-year-old",
        " ago",
        " degrees",
        "°C",
        "µm",
    ],
    *[
        " May",
        "May ",
        "in ",
        "last ",
        "next ",
        "this ",
        "week",
        " Monday",
        "January ",
        "Jan. ",
    ],
    *[
        "5th",
        " of ",
        "the ",
        "Q3",
        "FY",
        "FY2025",
        "fy26",
        "Fy",
        "today",
        "Tonight",
        "YESTERDAY",
    ],
    *[
        " ",
        " ",
        " ",
        "\u00a0",
        "\t",
        ",",
        ".",
        "/",
        "_",
        "@",
        "#",
        "(",
        ")",
        "'s",
        "’",
        "+",
    ],
    *[
        "a few ",
        "several ",
        "one",
        "two",
        "ten",
        "Two",
        "ONE",
        "hundreds of ",
        "dozens of ",
    ],
    *[
        "spring ",
        "mid-",
        "early ",
        "late ",
        "s",
        "S",
        "U",
        "us",
        "A",
        "\n",
        "x",
        "Acme",
        "é",
    ],
    *["1/2/2020", "2026-01-05", "Q1 2025", "١٢", "K", "ſ"],
]


def _every_pattern_wherever_a_span_can_begin(text: str) -> list[Entity]:
    """The general way: all four patterns at every whole trigger word, fiscal year,
    currency sign, and number that is not bare (a year excepted), then overlaps resolved."""
    bare = re.compile(patterns._BARE_NUMBER)
    year = re.compile(patterns._YEAR + patterns._BARE_END)
    found: list[Entity] = []
    for start, char in enumerate(text):
        if start and text[start - 1].isalnum():
            continue
        run = re.match(r"[^\W_]*", text[start:])
        word = run.group() if run else ""
        if word == "ago":
            found.extend(patterns._vague_ago(text, start))
        if char.isdigit() and bare.match(text, start) and not year.match(text, start):
            continue
        if (
            word in patterns._TRIGGERS
            or word[:2] in ("FY", "fy")
            or char.isdigit()
            or char in patterns._SIGNS
        ):
            found.extend(patterns._matches(text, start, patterns._ALL))
    return resolve_overlaps(found, lambda entity: patterns._RANK[entity.label])


def test_the_quick_scan_finds_what_trying_every_pattern_finds() -> None:
    rng = random.Random(4)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(600)]
    texts += [path.read_text() for path in seed_files()]
    for text in texts:
        assert find_patterns(text) == _every_pattern_wherever_a_span_can_begin(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It paid 1,250,000 dollars.", [("1,250,000 dollars", "MONEY")]),
        ("Prices rose 5-10% in 2025.", [("5-10%", "PERCENT"), ("2025", "DATE")]),
        (
            "A 20-year-old ran 100 metres.",
            [("20-year", "QUANTITY"), ("100 metres", "QUANTITY")],
        ),
        ("Its share was 12.5 percent.", [("12.5 percent", "PERCENT")]),
        ("It rose three percentage points.", [("three percentage points", "PERCENT")]),
        (
            "US$1.2 trillion, or two billion euros.",
            [("US$1.2 trillion", "MONEY"), ("two billion euros", "MONEY")],
        ),
        (
            "FY2025 ended on 5th May 2025.",
            [("FY2025", "DATE"), ("5th May 2025", "DATE")],
        ),
        (
            "It began ten years ago, a week ago.",
            [("ten years ago", "DATE"), ("a week ago", "DATE")],
        ),
        (
            "It weighs 40 kg, 3 tonnes and 12 µm; 5 GHz.",
            [
                ("40 kg", "QUANTITY"),
                ("3 tonnes", "QUANTITY"),
                ("12 µm", "QUANTITY"),
                ("5 GHz", "QUANTITY"),
            ],
        ),
        (
            "They paid 9 Hong Kong dollars and 3 million pounds.",
            [("9 Hong Kong dollars", "MONEY"), ("3 million pounds", "MONEY")],
        ),
        (
            "Several weeks ago, in mid-March, nine MILES.",
            [
                ("Several weeks ago", "DATE"),
                ("mid-March", "DATE"),
                ("nine MILES", "QUANTITY"),
            ],
        ),
        ("Scores: 1-0, 6-3 6-3; call 555 1234.", []),
        ("He said us and 's here; A320 and B737.", []),
        (
            "Mid-2026 or late 1999s, this week.",
            [("Mid-2026", "DATE"), ("late 1999s", "DATE"), ("this week", "DATE")],
        ),
    ],
)
def test_numbers_dates_and_sums_are_found_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(entity.text, entity.label) for entity in find_patterns(text)] == expected


def test_a_word_after_a_line_break_or_a_tab_still_starts_a_date() -> None:
    text = "Markets fell.\nToday was calm;\tYESTERDAY too, on Monday."
    assert [(e.text, e.label) for e in find_patterns(text)] == [
        ("Today", "DATE"),
        ("YESTERDAY", "DATE"),
        ("Monday", "DATE"),
    ]


def test_a_month_shortened_without_a_point_is_a_date_before_its_day() -> None:
    text = "Shares peaked on Jul 31 and fell by Sept 3, as Jan Ove said."
    found = {(text[e.start : e.end], e.label) for e in find_patterns(text)}
    assert ("Jul 31", "DATE") in found
    assert ("Sept 3", "DATE") in found
    assert not any(span.startswith("Jan") for span, _ in found)
