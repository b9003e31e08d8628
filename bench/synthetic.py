"""Plausible synthetic news: names, sources, headlines and bodies from a seeded RNG.

Names are built from syllables so that none belongs to a real person, company
or place, and none repeats the bundled sample articles. Everything depends
only on the `random.Random` passed in, so a seed always gives the same text.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

ONSETS: Final = (
    "b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "r",
    "s", "st", "t", "tr", "v", "w", "z", "sh", "th", "ch", "j", "qu", "fl",
)  # fmt: skip
VOWELS: Final = ("a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y")
CODAS: Final = ("", "", "", "n", "r", "l", "s", "m", "nd", "rt", "x", "th", "ck")

COMPANY_SUFFIXES: Final = (
    "Holdings", "Labs", "Group", "Systems", "Energy", "Motors", "Bank", "Foods",
    "Logistics", "Pharma", "Media", "Networks", "Capital", "Robotics", "Airways",
)  # fmt: skip
PLACE_SUFFIXES: Final = ("ford", "ville", "port", "by", "ton", "haven", "mouth", "field", "ia")
PAPER_NAMES: Final = (
    "Herald", "Times", "Courier", "Gazette", "Observer", "Post", "Chronicle",
    "Ledger", "Tribune", "Dispatch", "Review", "Monitor", "Wire", "Journal",
)  # fmt: skip
SECTIONS: Final = ("News", "Business", "Technology", "Politics", "Science", "Sport", "Culture")

COMMON_WORDS: Final = (
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "was",
    "by", "at", "from", "it", "its", "has", "have", "had", "but", "not", "are",
    "were", "been", "will", "would", "could", "said", "also", "after", "before",
    "over", "more", "than", "year", "years", "people", "government", "company",
    "market", "plan", "report", "city", "council", "minister", "official",
    "officials", "week", "month", "budget", "price", "prices", "energy", "water",
    "school", "hospital", "police", "court", "election", "vote", "voters",
    "investors", "shares", "profit", "loss", "deal", "talks", "workers", "union",
    "strike", "storm", "flood", "harbour", "railway", "bridge", "airport",
    "factory", "farm", "harvest", "drought", "research", "study", "scientists",
    "data", "software", "chips", "battery", "vehicle", "vehicles", "launch",
    "satellite", "orbit", "festival", "museum", "gallery", "season", "match",
    "league", "coach", "players", "fans", "stadium", "crowd", "record", "growth",
    "inflation", "rates", "loan", "debt", "tax", "taxes", "reform", "law",
    "bill", "parliament", "agency", "regulator", "inquiry", "review", "license",
    "contract", "supply", "demand", "exports", "imports", "tariff", "border",
    "region", "district", "village", "coast", "mountain", "river", "forest",
    "climate", "emissions", "carbon", "solar", "wind", "grid", "network",
    "service", "services", "customers", "users", "platform", "app", "update",
    "security", "breach", "privacy", "warning", "risk", "crisis", "recovery",
    "decision", "statement", "interview", "spokesperson", "analysts", "experts",
    "residents", "families", "children", "students", "teachers", "doctors",
    "nurses", "patients", "treatment", "trial", "vaccine", "outbreak", "cases",
    "new", "old", "first", "last", "local", "national", "global", "major",
    "small", "large", "early", "late", "strong", "weak", "higher", "lower",
    "rose", "fell", "announced", "approved", "rejected", "delayed", "expanded",
    "cancelled", "opened", "closed", "signed", "warned", "promised", "denied",
    "expects", "plans", "wants", "needs", "builds", "sells", "buys", "hires",
)  # fmt: skip
RARE_WORDS: Final = (
    "quinoa", "zeppelin", "marmalade", "obsidian", "kayak", "saffron", "tundra",
    "falconry", "origami", "xylophone", "juniper", "basalt", "walrus", "lantern",
)  # fmt: skip
"""Each appears in a small share of articles: what a search for something specific finds."""

HEADLINE_VERBS: Final = (
    "unveils", "delays", "approves", "questions", "expands", "cancels", "wins",
    "loses", "buys", "sells", "warns on", "backs", "rejects", "reviews",
)  # fmt: skip
HEADLINE_OBJECTS: Final = (
    "ferry terminal", "rail link", "research grant", "merger", "budget", "tax plan",
    "new factory", "water deal", "stadium bid", "chip plant", "wind farm",
    "hospital wing", "airport expansion", "pay offer", "data centre", "bridge repair",
)  # fmt: skip

_CUMULATIVE_WEIGHTS: Final = tuple(
    itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(COMMON_WORDS)))
)
"""Zipf-like: "the" is common, "buys" is not, as in real prose."""

WORD_POOL_SIZE: Final = 1 << 18
"""Sentences are slices of one pre-drawn stream of words: drawing each word is too slow."""


def capitalized(text: str) -> str:
    """`text` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def word(rng: random.Random, syllables: int) -> str:
    """A pronounceable made-up word."""
    return "".join(
        rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)
    )


@dataclass(frozen=True, slots=True)
class Cast:
    """The people, companies and places a synthetic library writes about."""

    people: tuple[str, ...]
    companies: tuple[str, ...]
    places: tuple[str, ...]
    words: tuple[str, ...]
    """A long stream of common words, drawn with their frequencies."""

    @classmethod
    def invent(cls, rng: random.Random, size: int = 400) -> Cast:
        """`size` people and companies and a third as many places, all made up."""
        people = tuple(
            capitalized(word(rng, rng.randint(1, 2)))
            + " "
            + capitalized(word(rng, rng.randint(2, 3)))
            for _ in range(size)
        )
        companies = tuple(
            f"{capitalized(word(rng, 2))} {rng.choice(COMPANY_SUFFIXES)}" for _ in range(size)
        )
        places = tuple(
            capitalized(word(rng, rng.randint(1, 2)) + rng.choice(PLACE_SUFFIXES))
            for _ in range(size // 3)
        )
        words = tuple(rng.choices(COMMON_WORDS, cum_weights=_CUMULATIVE_WEIGHTS, k=WORD_POOL_SIZE))
        return cls(people=people, companies=companies, places=places, words=words)


def source_titles(rng: random.Random, cast: Cast, count: int) -> list[str]:
    """`count` distinct newspaper names (`The Brelford Herald`)."""
    titles: dict[str, None] = {}
    while len(titles) < count:
        titles[f"The {rng.choice(cast.places)} {rng.choice(PAPER_NAMES)}"] = None
    return list(titles)


def word_count(rng: random.Random, shortest: int = 50, longest: int = 2000) -> int:
    """An article length, log-uniform: many short items, some long features."""
    return round(math.exp(rng.uniform(math.log(shortest), math.log(longest))))


def headline(rng: random.Random, cast: Cast) -> str:
    """One headline naming a company, a person or a place."""
    subject = rng.choice((cast.companies, cast.people, cast.places))
    return (
        f"{rng.choice(subject)} {rng.choice(HEADLINE_VERBS)} "
        f"{rng.choice(HEADLINE_OBJECTS)} in {rng.choice(cast.places)}"
    )


def _sentence(rng: random.Random, cast: Cast, length: int) -> str:
    start = rng.randrange(len(cast.words) - length)
    words = list(cast.words[start : start + length])
    slot = rng.randrange(len(words))
    kind = rng.random()
    if kind < 0.3:
        words[slot] = rng.choice(cast.people)
    elif kind < 0.55:
        words[slot] = rng.choice(cast.companies)
    elif kind < 0.75:
        words[slot] = f"in {rng.choice(cast.places)}"
    elif kind < 0.85:
        words[slot] = f"${rng.randint(2, 950)} million"
    elif kind < 0.92:
        words[slot] = f"{rng.randint(1, 60)}%"
    elif kind < 0.94:
        words[slot] = rng.choice(RARE_WORDS)
    return capitalized(" ".join(words)) + "."


def body(rng: random.Random, cast: Cast, words: int) -> str:
    """Markdown paragraphs of about `words` words, with an occasional subheading."""
    paragraphs: list[str] = []
    written = 0
    while written < words:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            length = rng.randint(8, 24)
            sentences.append(_sentence(rng, cast, length))
            written += length
        paragraphs.append(" ".join(sentences))
        if written < words and rng.random() < 0.08:
            paragraphs.append(f"## {capitalized(rng.choice(HEADLINE_OBJECTS))}")
    return "\n\n".join(paragraphs)


def published(rng: random.Random, newest: datetime, span_days: int) -> str | None:
    """An ISO 8601 UTC time within `span_days` before `newest`; one article in 100 is undated."""
    if rng.random() < 0.01:
        return None
    moment = newest - timedelta(seconds=rng.randrange(span_days * 86_400))
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
