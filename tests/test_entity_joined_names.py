"""Institutions whose names run across `and` are one name, and only they; so is a news desk."""

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


def test_a_news_desk_signing_off_a_story_is_one_organisation() -> None:
    found = _found("-- Marta Quell , Tromsdal Newsroom , +47 22 00 00 00\n")
    assert found.get("Tromsdal Newsroom") == "ORG"
    assert "Tromsdal" not in found
    text = "Reporting by Ana Silva ; Energy Desk , +1 212 859 1622"
    assert _found(text).get("Energy Desk") == "ORG"


def test_a_desk_is_no_bureau_of_something_and_needs_a_capital() -> None:
    found = _found("The Federal Bureau of Investigation said on Monday .")
    assert found.get("Federal Bureau of Investigation") == "ORG"
    assert "Moscow bureau" not in _found("The Moscow bureau of the agency said so .")
