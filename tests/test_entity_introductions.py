"""A one-word name no one introduces as a person is taken for an organisation.

Modern news names companies the 1996 training never met (`Anthropic`,
`Foxconn`); the tagger guesses people for many. People in news come with a
full name, a title, an age or a pronoun, or stand in a results list.
"""

from __future__ import annotations

import time

from newsread.entities import extract
from newsread.entities.introductions import unintroduced_persons
from newsread.model import Entity


def _labels(text: str, name: str) -> set[str]:
    return {e.label for e in extract(text) if e.text == name}


def test_a_lone_name_taken_for_a_person_with_no_persons_mark_is_an_organisation() -> None:
    text = "Orvenko said on Tuesday it would build a new plant in Ohio."
    assert _labels(text, "Orvenko") == {"ORG"}


def test_a_pronoun_a_title_or_an_age_keeps_a_person() -> None:
    assert _labels("Orvenko said on Tuesday that he would build a plant.", "Orvenko") == {"PERSON"}
    assert _labels("Troops under General Orvenko took the town.", "Orvenko") == {"PERSON"}
    assert _labels("Orvenko, 68, underwent surgery on Tuesday.", "Orvenko") == {"PERSON"}


def _person(text: str, name: str, at: int = 0) -> Entity:
    start = text.index(name, at)
    return Entity(start, start + len(name), "PERSON", name)


def test_a_surname_of_a_person_named_in_full_stays_a_person() -> None:
    text = "Dana Orvenko spoke first. Later Orvenko said the plant would open."
    entities = [_person(text, "Dana Orvenko"), _person(text, "Orvenko", 20)]
    assert unintroduced_persons(text, entities, lambda name: False) == entities


def test_names_in_a_results_list_stay_people() -> None:
    text = "1. Orvenko 10-1 (Peter Hale)\nTeam: Dalwick, Tressum, Halvard"
    entities = [
        _person(text, "Orvenko"),
        _person(text, "Dalwick"),
        _person(text, "Tressum"),
        _person(text, "Halvard"),
    ]
    assert unintroduced_persons(text, entities, lambda name: False) == entities


def test_a_name_training_met_keeps_the_taggers_label() -> None:
    text = "Orvenko said on Tuesday it would build a new plant."
    entities = [_person(text, "Orvenko")]
    assert unintroduced_persons(text, entities, lambda name: True) == entities


def test_the_plural_of_a_named_company_is_left_for_its_products() -> None:
    text = "Tesla said Teslas work on Mars."
    entities = [Entity(0, 5, "ORG", "Tesla"), _person(text, "Teslas")]
    assert unintroduced_persons(text, entities, lambda name: False) == entities


def _one_long_line(count: int) -> tuple[str, list[Entity]]:
    words = [f"Zorv{index:06d}" for index in range(count)]
    text = " and ".join(words)
    entities: list[Entity] = []
    at = 0
    for word in words:
        entities.append(Entity(at, at + len(word), "PERSON", word))
        at += len(word) + len(" and ")
    return text, entities


def test_marks_are_read_near_each_mention_so_one_long_line_costs_linear_time() -> None:
    timings = []
    for count in (4_000, 16_000):
        text, entities = _one_long_line(count)
        best = float("inf")
        # The best of three: one run on a busy machine may be slowed by anything.
        for _ in range(3):
            started = time.process_time()
            found = unintroduced_persons(text, entities, lambda name: False)
            best = min(best, time.process_time() - started)
        timings.append(max(best, 1e-3))
        assert {e.label for e in found} == {"ORG"}
    # Four times the mentions on one line: about four times the time, not sixteen.
    assert timings[1] < 8 * timings[0]
