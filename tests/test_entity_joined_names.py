"""Institutions whose names run across `and` are one name, and only they."""

from __future__ import annotations

from newsread.entities import extract


def _found(text: str) -> dict[str, str]:
    return {entity.text: entity.label for entity in extract(text)}


def test_an_institution_named_with_and_is_one_organisation() -> None:
    found = _found("Aurelia Pharma won Food and Drug Administration approval for its drug.")
    assert found.get("Food and Drug Administration") == "ORG"
    assert "Food" not in found and "Drug Administration" not in found


def test_a_long_institution_name_keeps_both_halves() -> None:
    text = "The order was from the Guangdong Post and Telecommunications Administration ( GPTA ) ."
    assert _found(text).get("Guangdong Post and Telecommunications Administration") == "ORG"


def test_a_place_before_and_stays_a_name_of_its_own() -> None:
    found = _found("Talks between Britain and European Commission officials failed.")
    assert found.get("Britain") == "PLACE"
    assert found.get("European Commission") == "ORG"


def test_two_places_joined_by_and_stay_two() -> None:
    found = _found("Israeli troops left the Gaza Strip and West Bank towns on Friday.")
    assert found.get("Gaza Strip") == "PLACE"
    assert found.get("West Bank") == "PLACE"
