"""Names that open a sentence: one-line news items and feed summaries start with their subject."""

from __future__ import annotations

import pytest

from newsread.entities import extract
from newsread.entities.new_words import new_word_opens_as_name, verb_after_subject
from newsread.entities.tagger import shared_tagger


def _found(text: str) -> dict[str, str]:
    return {entity.text: entity.label for entity in extract(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quorvell will stream the final in 40 countries.", "Quorvell"),
        ("Netflix will stream the final in 40 countries.", "Netflix"),
        ("Uber partnered with a carmaker to offer driverless rides.", "Uber"),
        ("Boeing delivered 48 jets in the quarter.", "Boeing"),
        ("Nestlé dismissed its chief executive after an investigation.", "Nestlé"),
        ("Starbucks will close dozens of stores in Seattle.", "Starbucks"),
        ("The vote is over. Adobe added video generation to its editor.", "Adobe"),
        ("Quorvell unveils a cheaper phone.", "Quorvell"),
    ],
)
def test_a_new_word_opening_a_sentence_before_its_verb_is_a_company(text: str, name: str) -> None:
    assert _found(text).get(name) == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "Surgeons removed a tumour from his lung.",
        "Payloads are very expensive to launch.",
        "Lawmakers approved the budget on Friday.",
        "Absentee voting began on Monday.",
        "Pancreatic cancer is rare.",
        "Rumours circulated that the bank would fail.",
        "Galeforce winds battered the coast.",
        "Gluten feed rose 2 pct.",
        "Elephant tramples woman to death.",
        "Smartphone sales rose 5% in the quarter.",
    ],
)
def test_a_common_word_opening_a_sentence_stays_a_word(text: str) -> None:
    first_word = text.split()[0]
    assert first_word not in _found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Walmart cut its full-year profit forecast on Thursday.", "Walmart"),
        ("Klarna hired a former banker as chief financial officer.", "Klarna"),
    ],
)
def test_the_subject_of_a_sentence_about_business_is_a_company(text: str, name: str) -> None:
    assert _found(text).get(name) == "ORG"


def test_a_place_before_a_plural_noun_stays_a_place() -> None:
    found = _found("Singapore dealers said premiums for kilo bars were steady.")
    assert found.get("Singapore") == "PLACE"


def test_common_shapes_of_new_words_are_told_from_names() -> None:
    met_in_lowercase = shared_tagger().met_in_lowercase
    for name in ("Netflix", "Quorvell", "Starbucks", "Nestlé", "XPeng"):
        assert new_word_opens_as_name(name, met_in_lowercase), name
    for word in ("Pancreatic", "Inhabited", "Lawmakers", "Wk", "Descriptions", "NATO"):
        assert not new_word_opens_as_name(word, met_in_lowercase), word


def test_a_subject_ending_in_s_needs_a_verb_for_one_thing() -> None:
    assert verb_after_subject("Starbucks", "will")
    assert verb_after_subject("Starbucks", "plans")
    assert not verb_after_subject("Payloads", "had")
    assert verb_after_subject("Uber", "partnered")
    assert not verb_after_subject("Gluten", "feed")
    assert not verb_after_subject("Galeforce", "winds")
    assert not verb_after_subject("Uber", "business")
    assert not verb_after_subject("Uber", "are")


@pytest.mark.parametrize(
    "text",
    [
        "Then Quorvell hired a former banker.",
        "Meanwhile Quorvell hired a banker.",
        "The bank said so. Later Quorvell hired a banker.",
    ],
)
def test_a_conjunction_opening_the_sentence_stays_outside_the_name(text: str) -> None:
    names = [entity.text for entity in extract(text)]
    assert names == ["Quorvell"]


def test_a_name_may_open_with_a_word_that_also_opens_sentences_elsewhere() -> None:
    assert "First Union" in _found("First Union said it would grow.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rivian laid off 10% of its staff.", "Rivian"),
        ("Nvidia said the H100 GPU sold out.", "Nvidia"),
        ("Klarna hired a former Goldman Sachs banker as its new finance chief.", "Klarna"),
    ],
)
def test_more_subjects_of_business_sentences_are_companies(text: str, name: str) -> None:
    assert _found(text).get(name) == "ORG"


def test_a_count_in_a_headline_is_no_version() -> None:
    found = _found("Tesla Recalls 2 Million Cars Over Autopilot Flaw")
    assert not any(label == "PRODUCT" and "2" in text for text, label in found.items())


def test_the_second_of_two_subjects_of_a_business_sentence_is_a_company_too() -> None:
    found = _found("Visa and Mastercard agreed to cap some card fees for small merchants.")
    assert found.get("Mastercard") == "ORG"
    found = _found("France and Germany agreed to cut their budget deficits.")
    assert found.get("Germany") == "PLACE"


def test_a_word_opening_a_sentence_before_its_leader_is_a_company() -> None:
    found = _found("Ryanair boss Michael O'Leary warned that fares would rise.")
    assert found.get("Ryanair") == "ORG"
    found = _found("Quorvell chief executive Mara Lind said sales rose.")
    assert found.get("Quorvell") == "ORG"
    assert "Police" not in _found("Police chief Ann Cole said so.")


def test_a_headline_opening_with_its_subject_and_verb_names_the_subject() -> None:
    assert _found("Amazon to Cut 14,000 Corporate Jobs as AI Spending Climbs").get("Amazon") == (
        "ORG"
    )
    assert _found("Quorvell Unveils Cheaper Phone").get("Quorvell") == "ORG"
    assert _found("Flooding Forces Evacuation of Harrowgate Mills").get("Flooding") is None
