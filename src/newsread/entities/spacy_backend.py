"""An optional second extractor: spaCy's named entities, in newsread's labels and contract.

`pip install 'newsread[spacy]'` and a spaCy model make it available; the
default install never imports spaCy (this module imports it only inside
`load_pipeline`). spaCy reads the Markdown-masked body, so its spans hold no
Markdown; they are trimmed of edge spaces, quotes and possessives, cut where
they cross a line, made non-overlapping, and given identity keys like the
builtin extractor's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Final, Protocol

from newsread.entities.identity import unify
from newsread.entities.merge import keep_clean, merge
from newsread.entities.prose import mask_markdown
from newsread.model import Entity

SPACY_LABELS: Final = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "PRODUCT": "PRODUCT",
    "EVENT": "EVENT",
    "NORP": "MISC",
    "LANGUAGE": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "MONEY": "MONEY",
    "PERCENT": "PERCENT",
    "QUANTITY": "QUANTITY",
    "DATE": "DATE",
    "TIME": "DATE",
}
"""spaCy's (OntoNotes) labels as newsread's. `CARDINAL` and `ORDINAL` are left
out: a bare count (`three`, `2,000`) is no measurement, and the builtin
extractor does not mark one either."""

_NUMBER_LABELS: Final = frozenset({"MONEY", "PERCENT", "QUANTITY", "DATE"})
_EDGE: Final = " \t\"'“”‘’()[]*_`"
_POSSESSIVES: Final = ("'s", "’s", "'", "’")


class SpanLike(Protocol):
    """What is read of a spaCy `Span`."""

    @property
    def start_char(self) -> int: ...
    @property
    def end_char(self) -> int: ...
    @property
    def label_(self) -> str: ...


class DocLike(Protocol):
    """What is read of a spaCy `Doc`."""

    @property
    def ents(self) -> Iterable[SpanLike]: ...


Pipeline = Callable[[str], DocLike]


def extract_with_spacy(text: str, model_name: str) -> list[Entity]:
    """The entities spaCy's `model_name` finds in `text`, under the `extract` contract."""
    return extract_with(load_pipeline(model_name), text)


def extract_with(pipeline: Pipeline, text: str) -> list[Entity]:
    """The entities `pipeline` (a loaded spaCy model, or anything shaped like one) finds."""
    prose = mask_markdown(text)
    found = [
        entity for span in pipeline(prose.text).ents if (entity := _entity(text, span)) is not None
    ]
    numeric = [e for e in found if e.label in _NUMBER_LABELS]
    names = [e for e in found if e.label not in _NUMBER_LABELS]
    return unify(keep_clean(text, prose.text, merge(numeric, names)))


@cache
def load_pipeline(model_name: str) -> Pipeline:
    """spaCy's model `model_name` with only what named entities need, loaded once."""
    spacy: Any = importlib.import_module("spacy")
    loaded: Any = spacy.load(model_name, exclude=["lemmatizer", "textcat"])
    pipeline: Pipeline = loaded
    return pipeline


def _entity(text: str, span: SpanLike) -> Entity | None:
    label = SPACY_LABELS.get(span.label_)
    if label is None:
        return None
    start, end = span.start_char, span.end_char
    while start < end and text[start] in _EDGE:
        start += 1
    if label not in _NUMBER_LABELS:
        for possessive in _POSSESSIVES:
            if text.endswith(possessive, start, end) and end - len(possessive) > start:
                end -= len(possessive)
                break
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    covered = text[start:end]
    if not covered or "\n" in covered:
        return None
    return Entity(start, end, label, covered)
