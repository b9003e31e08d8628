"""The article-level rules keep plain news right: scores, amounts, peoples, company names, lists.

Each case is a pattern from wire news that the rules for modern articles
(`refine`, `brands`, `headlines`) once got wrong: a team's score read as a
product's version, a nationality read as a product, a company's legal name
cut in two, a fixture list read as a headline.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pytest

from newsread.entities import extract, extract_titled
from newsread.entities.brands import split_brands
from newsread.entities.common_words import drop_common_words
from newsread.entities.evidence import weigh
from newsread.entities.identity import unify
from newsread.entities.joined_names import (
    join_compass_names,
    join_institution_names,
    join_nationality_bodies,
    join_organisation_endings,
    join_particle_names,
)
from newsread.entities.letter_names import letter_name_spans
from newsread.entities.refine import refine
from newsread.entities.tagger import shared_tagger
from newsread.model import Entity
from newsread.seeds import seed_files


def _found(text: str) -> dict[str, str]:
    return {entity.text: entity.label for entity in extract(text)}


class _Lowercase:
    """A vocabulary that met no word as written and in lowercase the words `known` accepts."""

    def __init__(self, known: Callable[[str], bool]) -> None:
        self._known = known

    def met_as_written(self, word: str) -> bool:
        return False

    def met_in_lowercase(self, word: str) -> bool:
        return self._known(word)


def _products(entities: list[Entity]) -> list[str]:
    return [entity.text for entity in entities if entity.label == "PRODUCT"]


def test_a_score_after_a_team_is_no_version_of_a_product() -> None:
    text = (
        "Results of Korean pro-soccer games played on Wednesday .\n"
        "Zorbridge 2 Quillfield 1 ( halftime 1-0 )\n"
        "Fenmouth 3 Glasbury 2 ( halftime 2-2 )\n"
        "Standings after games played on Wednesday :\n"
    )
    entities = extract(text)
    assert _products(entities) == []
    assert not any(entity.text[-1].isdigit() for entity in entities if entity.label != "DATE")


def test_an_amount_after_a_name_stays_an_amount() -> None:
    text = (
        "American Dennis Mitchell outclassed Olympic 100 metres champion "
        "Donovan Bailey in Berlin on Friday .\n"
    )
    found = _found(text)
    assert "Olympic 100" not in found
    assert found.get("100 metres") == "QUANTITY"
    assert found.get("Olympic") == "MISC"


def test_a_place_the_tagger_knows_is_not_made_a_company_by_a_verb_like_word() -> None:
    text = (
        "More than 300 U.S. warplanes were ready on Saturday .\n"
        "U.S. ships patrolled the Gulf while U.S. officials met in Washington .\n"
    )
    labels = {entity.label for entity in extract(text) if entity.text == "U.S."}
    assert labels == {"PLACE"}


def test_a_nationality_before_a_noun_is_never_a_product() -> None:
    text = (
        "Seven men who seized a Sudanese airliner were charged on Friday .\n"
        "Derbyshire 's Australian captain Dean Jones is conceding nothing .\n"
        "I 'm glad it was not a Norwegian plane , she said .\n"
    )
    found = _found(text)
    assert found.get("Sudanese") == "MISC"
    assert found.get("Australian") == "MISC"
    assert found.get("Norwegian") == "MISC"


def test_a_company_with_a_legal_ending_is_not_cut_into_maker_and_product() -> None:
    text = (
        "Zentrex Corp said on Monday it would buy a seating business .\n"
        "Zentrex shares rose 2 percent .\n"
        "Analysts said Zentrex would compete with Johnson Controls Inc .\n"
    )
    found = _found(text)
    assert found.get("Zentrex Corp") == "ORG"
    assert "Corp" not in found


def test_a_fixture_list_keeps_its_countries() -> None:
    text = (
        "Draw for the Davis Cup World Group first round ( March 1-2 ) :\n"
        "United States at Netherlands\n"
        "Czech Republic at Germany\n"
        "Australia at South Africa\n"
    )
    found = _found(text)
    for country in ("United States", "Netherlands", "Czech Republic", "Germany", "South Africa"):
        assert found.get(country) == "PLACE", country


def test_a_new_name_ending_in_a_company_designator_is_a_company() -> None:
    text = (
        "Brymzurt Foods said on Tuesday that sales rose .\n"
        "Shares of Drithfair Holdings fell after Shifick Motors cut its forecast .\n"
    )
    found = _found(text)
    for company in ("Brymzurt Foods", "Drithfair Holdings", "Shifick Motors"):
        assert found.get(company) == "ORG", company


def test_a_model_code_is_a_product_where_the_words_say_so() -> None:
    text = (
        "The cluster holds over 1 million H100 GPU equivalents and a 600,000+ "
        "GB200 NVL72 equivalent size cluster .\n"
        "Form W145 was filed on Monday .\n"
    )
    found = _found(text)
    assert found.get("H100") == "PRODUCT"
    assert found.get("GB200 NVL72") == "PRODUCT"
    assert "W145" not in found


_GOOGLE_MAPS = (
    "Google released an update to Google Maps on Tuesday. The Google Maps app now shows traffic."
)


def test_a_product_named_in_the_plural_stays_when_its_maker_is_named() -> None:
    assert {e.label for e in extract(_GOOGLE_MAPS) if e.text == "Google Maps"} == {"PRODUCT"}


def test_a_word_with_a_capital_inside_is_a_brand() -> None:
    text = (
        "Users of WhatsApp and eBay bought new iPads this year. "
        "OpenAI’s model is new. The getValue call failed, and a dose of mRNA "
        "used 5 kWh. McDonald spoke later; see PayPal.com for details."
    )
    found = _found(text)
    assert found.get("WhatsApp") == "ORG"
    assert found.get("eBay") == "ORG"
    assert found.get("iPads") == "PRODUCT"
    assert found.get("OpenAI") == "ORG"
    assert "getValue" not in found
    assert "PayPal" not in found


def test_the_first_word_of_a_product_named_alone_is_its_maker() -> None:
    assert {e.label for e in extract(_GOOGLE_MAPS) if e.text == "Google"} == {"ORG"}


def test_a_kind_of_product_named_alone_is_the_product_named_in_full() -> None:
    text = (
        "For a Kestrel Rover project, NASA would focus on making the vehicle light. This is "
        "due to the Rover being part of a payload. A Kestrel Rover would need a new battery."
    )
    found = _found(text)
    assert found.get("Kestrel Rover") == "PRODUCT"
    assert found.get("Rover") == "PRODUCT"


def test_a_kind_of_product_that_ends_a_company_name_stays_the_company() -> None:
    text = (
        "Jaguar Land Rover said sales rose. Analysts said Rover would gain from the new "
        "plant, and Jaguar Land Rover shares rose 3%."
    )
    assert _found(text).get("Rover") != "PRODUCT"


def test_a_one_letter_brand_is_a_name_once_the_article_proves_it() -> None:
    text = (
        "The video was shared on social media platform Q, where Dana Lee posted it. "
        "Lee confirmed the deal on Q, and the Q user count grew. Acme’s Model Q and an "
        "Q-ray were unrelated. Acme will launch products that use Grok and 𝐐 next year."
    )
    found = [e for e in extract(text) if e.text in ("Q", "𝐐")]
    # The word before each mention found.
    assert [text[: e.start].split()[-1] for e in found] == ["platform", "on", "the", "and"]
    assert {e.label for e in found} == {"ORG"}
    assert {e.key for e in found} == {"q"}


def test_a_lone_capital_letter_is_no_name_without_proof() -> None:
    text = "Plan B failed, so the owner of X said option C was next. Vitamin D helps."
    assert [e.text for e in extract(text) if len(e.text) == 1] == []


def test_styled_words_and_math_letters_prove_no_one_letter_brand() -> None:
    assert extract("Let 𝑥 be a number and 𝑦 another, so 𝑥 + 𝑦 = 2.") == []
    text = "𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 𝐍𝐞𝐰𝐬: the vote moved to option B and then option N."
    assert [e.text for e in extract(text) if len(e.text) == 1] == []


def test_a_new_name_with_a_european_legal_form_is_a_company() -> None:
    found = _found(
        "Analysts said Dravmont NV would cut 200 jobs. Trevalo SpA and Brindor Bros said on "
        "Monday they would merge."
    )
    assert found.get("Dravmont NV") == "ORG"
    assert found.get("Trevalo SpA") == "ORG"


def test_a_name_whose_revenue_or_earnings_are_reported_is_a_company() -> None:
    assert _found("Microsoft said Quorvan revenue grew 29% in the quarter.").get("Quorvan") == "ORG"
    assert _found("Analysts said Dellamar Kestis sales fell 4%.").get("Dellamar Kestis") == "ORG"
    assert _found("Tovanni earnings beat forecasts, and Tovanni shares rose.") == {"Tovanni": "ORG"}


def test_a_number_after_a_name_in_small_letters_is_its_version_not_a_score() -> None:
    text = "Veltro unveiled the iTablet 7 Pro and the Veltro Band Series 3 at its event in Oslo."
    found = _found(text)
    assert found.get("iTablet 7 Pro") == "PRODUCT"
    assert found.get("Veltro Band Series 3") == "PRODUCT"


def test_a_name_with_a_general_manager_or_a_unit_is_no_person() -> None:
    text = (
        "Holding firm Cofinec said Laszlo Sebesvari would leave Marwick . He will serve as acting "
        "chief executive officer of Marwick until a new general manager of Marwick is named , "
        "Sebesvari said ."
    )
    found = _found(text)
    assert found.get("Marwick") == "ORG"
    assert found.get("Laszlo Sebesvari") == "PERSON"


def test_a_legal_form_makes_even_a_known_name_a_company() -> None:
    text = "Jordan said in a statement released by Warner Bros on Monday ."
    assert _found(text).get("Warner Bros") == "ORG"


def test_a_name_called_a_firm_or_a_giant_is_no_person() -> None:
    text = (
        "Italian tyre and cables giant Martinelli on Friday announced a joint venture in China . "
        "Martinelli will have management control , an analyst said ."
    )
    assert _found(text).get("Martinelli") == "ORG"
    assert (
        _found("Shirts which vendor Valery Ivankov , 41 , was selling .").get("Valery Ivankov")
        == "PERSON"
    )


def test_a_surname_taken_for_a_place_joins_the_person_named_in_full_first() -> None:
    text = (
        "Dublin-born director Neil Jordan says his new film is his best .\n"
        '" It was a savage time , " Jordan said , and the lead role in Jordan \'s film '
        "went to a newcomer ."
    )
    jordans = [e for e in extract(text) if e.text == "Jordan"]
    assert len(jordans) == 2
    assert {(e.label, e.key) for e in jordans} == {("PERSON", "neil jordan")}


def test_a_place_stays_a_place_when_it_reads_as_one() -> None:
    text = (
        "Yeltsin endorses Lebed Chechnya peace plan - agency\n"
        "Lebed , whom Yeltsin ordered to restore peace in Chechnya , struck a deal ."
    )
    assert {e.label for e in extract(text) if e.text == "Chechnya"} == {"PLACE"}


def test_an_adjective_opening_a_name_is_cut_off_it() -> None:
    text = (
        "Dravo Inc said it would be bought by Magna International Inc .\n"
        "Magna was up 1/8 to 48-1/4 on Friday .\n"
        "The deal will beef up Markham , Ontario-based Magna 's car parts arm ."
    )
    found = extract(text)
    assert [e.label for e in found if "Ontario" in e.text] == ["MISC"]
    assert ("Ontario-based", "MISC") in {(e.text, e.label) for e in found}
    magnas = [e for e in found if e.text == "Magna"]
    assert len(magnas) == 2
    assert len({(e.label, e.key) for e in magnas}) == 1


def test_one_letter_brands_on_one_long_line_cost_linear_time() -> None:
    def seconds(repeats: int) -> float:
        text = "Shared on social media platform X. " + "Users on X said so, " * repeats
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            assert len(letter_name_spans(text)) == repeats + 1
            best = min(best, time.process_time() - started)
        return best

    small, large = seconds(4_000), seconds(16_000)
    # Four times the text may cost four times as much; a quadratic step would cost sixteen.
    assert large < 8 * max(small, 1e-3)


def test_a_first_name_is_no_maker_when_the_full_name_is_mostly_a_person() -> None:
    # `Orla's AD system` makes `Orla` look like a company once; a headline's
    # `Orla Venn` taken for an organisation must still not become `Orla` + a product `Venn`.
    entities = [
        Entity(0, 9, "PERSON", "Orla Venn"),
        Entity(20, 29, "PERSON", "Orla Venn"),
        Entity(40, 44, "ORG", "Orla"),
        Entity(60, 69, "ORG", "Orla Venn"),
        Entity(80, 84, "PERSON", "Venn"),
    ]
    assert split_brands(entities, lambda name: False) == entities


def test_a_maker_named_alone_is_still_cut_from_a_product_named_alone() -> None:
    entities = [
        Entity(0, 13, "ORG", "Vantrix Skyla"),
        Entity(20, 27, "ORG", "Vantrix"),
        Entity(40, 45, "PRODUCT", "Skyla"),
    ]
    cut = split_brands(entities, lambda name: False)
    assert [(e.text, e.label) for e in cut] == [
        ("Vantrix", "ORG"),
        ("Skyla", "PRODUCT"),
        ("Vantrix", "ORG"),
        ("Skyla", "PRODUCT"),
    ]


def test_a_company_with_a_short_name_stays_one_company() -> None:
    # `OM Gruppen` and then `OM` alone: a company and its short name, not a maker and
    # a product `Gruppen` (the tagger reads the whole as an organisation's name).
    entities = [
        Entity(0, 13, "ORG", "Vantrix Skyla"),
        Entity(20, 27, "ORG", "Vantrix"),
    ]
    assert split_brands(entities, lambda name: False) == entities


def test_a_file_of_several_stories_read_as_one_text_keeps_musk_a_person() -> None:
    # The sample file holds four stories; read whole (as `extract` of any long
    # text may be), a headline `Elon Musk confirms …` was cut into `Elon` and a
    # product `Musk`, and every later `Musk` followed it.
    text = next(path for path in seed_files() if path.name.startswith("004")).read_text()
    musk = {(e.label, e.key) for e in extract(text) if e.text in ("Musk", "Elon Musk")}
    assert musk == {("PERSON", "elon musk")}


def test_a_city_the_tagger_split_before_based_is_one_name() -> None:
    found = extract("Quorvex, the San Francisco-based AI startup, said it would hire 200 people.")
    assert ("San Francisco-based", "MISC", "san francisco") in [
        (e.text, e.label, e.key) for e in found
    ]
    assert not {"San", "Francisco"} & {e.text for e in found}


def test_a_name_an_apposition_calls_a_company_is_found_even_opening_a_sentence() -> None:
    found = _found("Quorvex, the San Francisco-based AI startup, said it would hire 200 people.")
    assert found.get("Quorvex") == "ORG"
    # A word common in small letters opens the sentence, not a name.
    assert _found("Meanwhile, the company said it would cut jobs in the spring.") == {}


def test_the_head_of_an_apposition_decides_between_a_company_and_its_product() -> None:
    assert _found("Bravia Motors, the electric truck maker, cut prices.")["Bravia Motors"] == "ORG"


def test_the_company_a_chief_executive_leads_is_an_organisation() -> None:
    text = "Dana Whitfield, chief executive of Zorvane, told analysts that demand was strong."
    assert _found(text).get("Zorvane") == "ORG"


def test_a_name_whose_shares_move_is_a_company_but_sharing_makes_no_company() -> None:
    assert _found("Zorvane shares fell sharply after it cut its forecast.") == {"Zorvane": "ORG"}
    assert _found("Dana Zorvane shares a photo of the launch every morning.") == {
        "Dana Zorvane": "PERSON"
    }
    assert _found("European shares fell on Tuesday.").get("European") != "ORG"


def test_ai_ending_a_company_name_stays_unless_it_qualifies_a_noun() -> None:
    assert _found("Kelvara AI said on Monday it had raised money.").get("Kelvara AI") == "ORG"
    assert "Kelvara AI" not in _found("Kelvara AI chips are in demand, the company said.")


def test_a_word_with_a_brands_shape_the_tagger_took_for_a_person_is_a_company() -> None:
    text = "QuorTek said a faulty update to its sensor caused the outage that grounded flights."
    assert _found(text) == {"QuorTek": "ORG"}
    # A surname's capital inside is no brand's.
    assert _found("Patrick McAllister said the outage was over.")["Patrick McAllister"] == "PERSON"


def test_a_name_a_point_release_and_an_edition_follow_is_a_product() -> None:
    found = _found("Rival labs followed with Velora 3.5 Sonnet in June.")
    assert found.get("Velora 3.5 Sonnet") == "PRODUCT"
    assert _found("Huawei makes its own Kestrin 9020 processor.").get("Kestrin 9020") == "PRODUCT"
    # A year after a place is no release (`Paris 2024 games`).
    assert _found("The Paris 2024 games were a success.").get("Paris") == "PLACE"


def test_a_surname_a_headline_names_first_joins_the_person_the_body_names_in_full() -> None:
    text = (
        "Varnholt beats Castellan to claim maiden title\n"
        "LONDON, July 13 (Reuters) - Jannik Varnholt beat defending champion Carlos Castellan "
        "4-6 6-4 6-4 6-4 on Sunday. Varnholt said it was a dream."
    )
    surnames = [e for e in extract(text) if e.text == "Varnholt"]
    assert len(surnames) == 2
    assert {(e.label, e.key) for e in surnames} == {("PERSON", "jannik varnholt")}


def test_a_kind_of_product_right_before_a_name_makes_it_a_product() -> None:
    text = "Sales of the weight-loss drug Zelvora rose, and Zelvora is now sold in 40 countries."
    assert _found(text).get("Zelvora") == "PRODUCT"
    # A model (of fashion) is a person.
    assert _found("The fashion model Jana Velk said she would retire.") == {"Jana Velk": "PERSON"}


def test_a_name_that_was_founded_is_a_company() -> None:
    text = "Quorvane was founded in 2021 by former researchers and Quorvane now employs 900 people."
    assert _found(text).get("Quorvane") == "ORG"


def test_a_foundation_or_a_party_named_after_a_maker_is_not_cut_into_a_product() -> None:
    entities = [
        Entity(0, 7, "ORG", "Velmora"),
        Entity(20, 46, "ORG", "Velmora Nordvik Foundation"),
        Entity(60, 67, "ORG", "Velmora"),
        Entity(80, 99, "ORG", "Velmora Dynamics"),
    ]
    assert split_brands(entities, lambda name: False) == entities


def test_a_company_name_is_not_cut_at_a_first_word_only_taken_for_a_place() -> None:
    entities = [
        Entity(0, 15, "ORG", "Velmora Nordvik"),
        Entity(30, 37, "PLACE", "Velmora"),
        Entity(50, 65, "PERSON", "Velmora Nordvik"),
        Entity(80, 87, "PLACE", "Velmora"),
    ]
    assert split_brands(entities, lambda name: False) == entities


def _mentions(text: str, *named: tuple[str, str]) -> list[Entity]:
    """Entities for `(name, label)` pairs, each at its next occurrence in `text`."""
    entities: list[Entity] = []
    at = 0
    for name, label in named:
        at = text.index(name, at)
        entities.append(Entity(at, at + len(name), label, name))
        at += len(name)
    return entities


def test_a_new_word_opening_a_company_name_is_that_company_unless_it_reads_as_a_place() -> None:
    named = (
        ("Velmora Nordvik", "ORG"),
        ("Velmora", "PLACE"),
        ("Velmora Nordvik Foundation", "ORG"),
    )
    text = (
        "Velmora Nordvik will cut jobs. Velmora lost half its value to the "
        "Velmora Nordvik Foundation."
    )
    entities = _mentions(text, *named)
    unified = unify(entities, text, lambda name: False)
    assert (unified[1].label, unified[1].key) == ("ORG", "velmora nordvik")
    # A word training met (`Ontario` of `Ontario Hydro`) stays the place it was.
    assert unify(entities, text, lambda name: True)[1].label == "PLACE"
    placed = text.replace("Velmora lost", "In Velmora, it lost")
    assert unify(_mentions(placed, *named), placed, lambda name: False)[1].label == "PLACE"


def test_a_kind_of_place_named_after_a_place_is_one_place() -> None:
    assert _found("The rig sank in the Gulf of Mexico on Tuesday.").get("Gulf of Mexico") == "PLACE"


def test_a_surname_with_particles_is_one_name_and_links_to_the_full_name() -> None:
    found = extract(
        "Ursula von der Leyen met Olaf Scholz. Marine Le Pen's party voted against him, "
        "and Le Pen called on Scholz to resign."
    )
    names = {e.text: (e.label, e.key) for e in found}
    assert names["Ursula von der Leyen"] == ("PERSON", "ursula von der leyen")
    assert names["Le Pen"] == ("PERSON", "marine le pen")


def test_a_stock_index_takes_its_number_and_a_model_its_edition() -> None:
    found = _found("The FTSE 100 index fell while the Galaxy S25 Ultra went on sale.")
    assert found.get("FTSE 100") == "MISC"
    assert found.get("Galaxy S25 Ultra") == "PRODUCT"
    assert _found("Apple showed the iPhone 17 Pro Max.").get("iPhone 17 Pro Max") == "PRODUCT"
    assert _found("Apple also showed the iPhone Air.").get("iPhone Air") == "PRODUCT"


def test_a_name_called_a_firm_or_a_bank_is_no_place_either() -> None:
    text = "The round was led by investment firm Bravonia, valuing it at $1 billion."
    assert _found(text).get("Bravonia") == "ORG"


def test_an_appositions_head_decides_and_outweighs_a_known_names_guess() -> None:
    text = (
        "The event said little about Apple Intelligence, the company's suite of AI "
        "features, and Apple shares fell."
    )
    found = {e.text: (e.label, e.key) for e in extract(text)}
    assert found["Apple Intelligence"] == ("PRODUCT", "apple intelligence")
    assert found["Apple"] == ("ORG", "apple")
    # A company noun before a role is someone's job.
    assert _found("Dana Velk, a company spokesman, declined to comment.") == {"Dana Velk": "PERSON"}


def test_a_persons_name_ending_in_a_building_is_a_place() -> None:
    text = "Apple showed its phones at the Dana Velk Theater in Cupertino."
    assert _found(text).get("Dana Velk Theater") == "PLACE"


def test_a_name_ending_in_an_event_word_is_an_event_even_when_a_place_opens_it() -> None:
    text = "Wang told reporters at the Shanghai Auto Show last month that sales rose."
    assert _found(text).get("Shanghai Auto Show") == "EVENT"


def test_an_organisation_of_a_conference_stays_an_organisation() -> None:
    # The event's word ends the name, but the name's head is `Organisation`.
    text = "Ministers of the Organisation of the Islamic Conference met in Jeddah on Monday."
    assert _found(text).get("Organisation of the Islamic Conference") == "ORG"
    text = "The Association for Free Velkmoor Elections said the vote was fair."
    assert _found(text).get("Association for Free Velkmoor Elections") == "ORG"
    text = "Vardek won the Bank of Velkmoor Classic in Ohio on Sunday."
    assert _found(text).get("Bank of Velkmoor Classic") == "EVENT"


def test_two_people_hyphened_before_a_summit_are_two_people() -> None:
    text = (
        "Talks ahead of Varnholt-Castellan summit\n"
        "LONDON - Jannik Varnholt will meet Carlos Castellan on Friday. Varnholt said "
        "Castellan wanted peace."
    )
    found = [(e.text, e.label, e.key) for e in extract(text)][:2]
    assert found == [
        ("Varnholt", "PERSON", "jannik varnholt"),
        ("Castellan", "PERSON", "carlos castellan"),
    ]
    # A people's adjective stays whole.
    assert "Arab-Israeli" in _found("The Arab-Israeli talks resumed as Israeli officials met.")


def test_an_acronym_that_ends_no_company_name_is_cut_off_even_before_a_verb() -> None:
    text = "Shein filed for a London listing after its plans for a New York IPO stalled."
    assert "New York IPO" not in _found(text)


def test_a_law_or_a_treaty_taken_for_an_organisation_is_miscellaneous() -> None:
    text = "Temu faces new scrutiny from the European Commission under the Digital Services Act."
    found = _found(text)
    assert found.get("Digital Services Act") == "MISC"
    assert found.get("European Commission") == "ORG"


def test_a_product_lines_number_is_its_version() -> None:
    text = "Cook showed the Apple Watch Series 11, which can alert users to high blood pressure."
    assert _found(text).get("Apple Watch Series 11") == "PRODUCT"


def test_a_name_with_a_market_value_is_a_company() -> None:
    text = "The sell-off wiped $600 billion off Zorvane's market value in one day."
    assert _found(text).get("Zorvane") == "ORG"


def test_a_prison_is_a_place() -> None:
    text = "Most political prisoners are held in Rangoon's Varnolt Prison, she said."
    assert _found(text).get("Varnolt Prison") == "PLACE"


def test_the_last_word_of_a_companys_two_word_name_alone_is_that_company() -> None:
    text = "Velmar Quist raised its forecast. Quist's rival drug has overtaken it in sales."
    entities = _mentions(text, ("Velmar Quist", "ORG"), ("Quist", "PERSON"))
    unified = unify(entities, text, lambda name: False)
    assert (unified[1].label, unified[1].key) == ("ORG", "velmar quist")
    # A surname of a person named in full stays that person's.
    text = "Dana Quist met Velmar Quist. Quist said the talks went well."
    entities = _mentions(
        text, ("Dana Quist", "PERSON"), ("Velmar Quist", "ORG"), ("Quist", "PERSON")
    )
    assert unify(entities, text, lambda name: False)[2].label == "PERSON"


def test_a_new_word_ending_an_organisations_name_alone_is_that_organisation() -> None:
    text = (
        "Officials said New Party Velkorin President Masayoshi Takemura would resign. "
        "The Velkorin row has caused jitters. Ten of 23 Velkorin members will leave."
    )
    velkorin = {(e.label, e.key) for e in extract(text) if e.text == "Velkorin"}
    assert velkorin == {("ORG", "new party velkorin")}
    # A town ending a club's name stays a town where the article puts someone in it.
    text = "Hapoel Taibe beat Betar 2-1 on Sunday. Fans in Taibe celebrated."
    assert _found(text).get("Taibe") == "PLACE"


def test_where_an_analyst_or_an_economist_works_is_an_organisation() -> None:
    text = "The rally may fade, said Dana Velk, an economist at Zorvane."
    assert _found(text).get("Zorvane") == "ORG"


def test_the_place_a_wire_storys_dateline_opens_with_is_a_place() -> None:
    headline = "Talks stall as envoys leave\n\n"
    body = "said on Tuesday that the talks had stalled over the border."
    for dateline in ("ZARVOSK, Aug 12 (Reuters) - ", "ZARVOSK (AP) — ", "ZARVOSK, Sept. 3 - "):
        assert _found(headline + dateline + "Envoy Dana Velk " + body).get("ZARVOSK") == "PLACE"
    # A company that opens a line and is followed by a date is not a dateline.
    text = "Zorvane, which makes chips, said on Jan 8 that sales rose."
    assert _found(text).get("Zorvane") != "PLACE"


def test_a_name_that_says_of_itself_that_it_did_a_thing_is_an_organisation() -> None:
    text = (
        "The turbines came from Korea's Varnolt Enerfy. Varnolt Enerfy announced last "
        "October that it signed a contract to supply two turbines."
    )
    assert _found(text).get("Varnolt Enerfy") == "ORG"
    # `it` that is not the speaker says nothing of the name.
    text = "Dana Velk said on Tuesday that it was time to leave."
    assert _found(text).get("Dana Velk") == "PERSON"


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    text = "Zorvane raised cash.\n\nStrategic partners Varnolt and Quist joined. German banks won."
    entities = _mentions(
        text,
        ("Zorvane", "ORG"),
        ("Strategic", "MISC"),
        ("Varnolt", "ORG"),
        ("Quist", "ORG"),
        ("German", "MISC"),
    )
    kept = [e.text for e in drop_common_words(text, entities, shared_tagger())]
    # A nationality opens sentences as a name.
    assert kept == ["Zorvane", "Varnolt", "Quist", "German"]


def test_the_plural_of_a_company_the_tagger_took_for_one_is_its_products() -> None:
    text = "Zorvane makes cars. Zorvane said Zorvanes have range. A fleet of Zorvanes left."
    entities = _mentions(
        text, ("Zorvane", "ORG"), ("Zorvane", "ORG"), ("Zorvanes", "ORG"), ("Zorvanes", "ORG")
    )
    assert [e.label for e in unify(entities, text, lambda name: False)[2:]] == ["PRODUCT"] * 2


def test_capitals_before_small_letters_are_a_brands_shape() -> None:
    text = "Nvidia works with carmakers like Waymo, QXvolt, and Nuro on vehicle computing."
    assert _found(text).get("QXvolt") == "ORG"
    assert "CEOs" not in _found("Zorvane CEOs met in Oslo.")


def test_a_name_one_holds_shares_or_a_stake_in_is_a_company() -> None:
    assert _found("Shares in Dravelle shot up 100 pesetas on Thursday.")["Dravelle"] == "ORG"
    assert _found("The fund bought a 25 percent stake in Quenmark last year.")["Quenmark"] == "ORG"
    assert _found("Veltrano shares up 65 pesetas on H1 results.")["Veltrano"] == "ORG"
    # What one invests in may well be a place.
    assert _found("Foreign investment in Brakova rose last year.")["Brakova"] == "PLACE"


def test_a_legal_form_from_any_country_ends_a_companys_name() -> None:
    assert _found("Walker Pty said on Monday its profit rose.")["Walker Pty"] == "ORG"
    assert _found("Baker Srl said on Monday it would cut jobs.")["Baker Srl"] == "ORG"


def test_a_new_name_ending_in_research_energy_or_securities_is_a_company() -> None:
    found = _found("Tarun Pathak, a research director at Counterpoint Research, said so.")
    assert found["Counterpoint Research"] == "ORG"
    assert _found("An analyst said Brevanta Energy would cut output.")["Brevanta Energy"] == "ORG"


def test_every_name_in_a_list_of_banks_is_a_company_but_players_may_be_people() -> None:
    found = _found("Banks including JPMorgan Chase and Wells Fargo reported earnings.")
    assert found["JPMorgan Chase"] == found["Wells Fargo"] == "ORG"
    found = _found("Players like Lionel Messi and Kylian Mbappe scored twice.")
    assert found["Lionel Messi"] == found["Kylian Mbappe"] == "PERSON"
    assert _found("Rivals like Zorvane and Kelbrix cut prices.")["Kelbrix"] == "ORG"


def test_two_companies_joined_by_and_are_two_names_but_one_commission_stays_one() -> None:
    found = _found("The deal was advised by Dravik Securities and Halmont Advisors.")
    assert found == {"Dravik Securities": "ORG", "Halmont Advisors": "ORG"}
    found = _found("The U.S. Securities and Exchange Commission said on Monday.")
    assert found["U.S. Securities and Exchange Commission"] == "ORG"


def test_a_surname_two_people_named_in_full_share_is_a_persons_alone() -> None:
    text = (
        "Siblings Marta Velquist and Jonas Velquist founded Kelbra in 2021.\n\n"
        "Velquist has repeatedly called for tighter export controls."
    )
    entities = extract(text)
    assert [(e.text, e.label) for e in entities if e.text == "Velquist"] == [("Velquist", "PERSON")]
    # It is neither of the two in particular.
    assert {e.key for e in entities if "Velquist" in e.text} == {
        "marta velquist",
        "jonas velquist",
        "velquist",
    }


def test_a_person_with_a_spokesman_or_a_chief_of_staff_stays_a_person() -> None:
    found = _found("Voltaren said on Monday that Kelvar Moss's chief of staff had resigned.")
    assert found["Kelvar Moss"] == "PERSON"
    assert _found("Kelvar Moss's spokesman said on Monday.")["Kelvar Moss"] == "PERSON"
    # A spokesman named after the organisation still makes it one.
    assert _found("Voltaren spokesman Jon Kaye said on Monday.")["Voltaren"] == "ORG"


def test_a_role_between_an_organisation_and_a_person_cuts_the_name_in_two() -> None:
    found = _found("Zorvane CEO Marta Ilves said the company would expand.")
    assert found == {"Zorvane": "ORG", "Marta Ilves": "PERSON"}
    found = _found("Kelmora Chairman Dan Pike resigned on Monday.")
    assert found["Kelmora"] == "ORG" and found["Dan Pike"] == "PERSON"


def test_where_one_travels_is_a_place() -> None:
    assert _found("The minister visited Kramatorsk on Tuesday.")["Kramatorsk"] == "PLACE"
    assert _found("She is on a trip to Velmora this week.")["Velmora"] == "PLACE"
    # Whom one visits may be a person.
    assert _found("The pope visited Dutroux in prison.")["Dutroux"] == "PERSON"


def test_a_stadium_is_a_place_whatever_its_sponsor() -> None:
    found = _found("Arsenal beat Chelsea 3-1 at the Emirates Stadium on Saturday.")
    assert found["Emirates Stadium"] == "PLACE"


def test_what_is_bought_or_bid_for_is_a_company() -> None:
    assert _found("Grendix acquired Morvell for $1.2 billion last year.")["Morvell"] == "ORG"
    assert _found("The board backed a takeover of Pelvane.")["Pelvane"] == "ORG"


def test_who_is_told_things_or_headquartered_somewhere_is_no_place() -> None:
    found = _found("In an interview with Bloomberg, Marta Ilves said prices would rise.")
    assert found["Bloomberg"] == "ORG"
    assert _found("Marta Ilves told Kestrava that the plan was on track.")["Kestrava"] == "ORG"
    assert _found("Prices rose 4% in May, according to Velmora.")["Velmora"] == "ORG"
    found = _found("Veltora is headquartered in Oslo and employs 3,000 people.")
    assert found == {"Veltora": "ORG", "Oslo": "PLACE"}


def test_where_a_company_is_based_or_a_person_born_is_one_misc_word_keyed_to_the_place() -> None:
    found = extract("Quillmont, the Lisbon-based payments startup, raised $60 million.")
    labels = {e.text: (e.label, e.key) for e in found}
    assert labels["Quillmont"][0] == "ORG"
    assert labels["Lisbon-based"] == ("MISC", "lisbon")
    assert _found("The Velmora-born artist opened a show.")["Velmora-born"] == "MISC"


def test_a_new_name_ending_in_an_industry_is_a_company() -> None:
    found = _found("Torvik Energy, Halden Grid and Sunmere Maritime formed a joint venture.")
    assert found == {"Torvik Energy": "ORG", "Halden Grid": "ORG", "Sunmere Maritime": "ORG"}
    assert _found("Prosecutors sued Corvella Health on Monday.")["Corvella Health"] == "ORG"


def test_a_name_training_never_met_in_small_letters_is_found_opening_a_sentence() -> None:
    assert _found("Volkswagen reached a deal with the union on Monday.")["Volkswagen"] == "ORG"
    # An ordinary word opening a sentence stays one.
    assert "Shares" not in _found("Shares of the carmaker rose on Monday.")


def test_a_club_exporters_and_a_company_with_shareholders_are_organisations() -> None:
    found = _found("Ashgrove signed Teodor Vasko from Lindholm FC on Monday.")
    assert found["Lindholm FC"] == "ORG"
    found = _found("The yen weighed on exporters such as Quorvane and Melbrix.")
    assert found["Quorvane"] == found["Melbrix"] == "ORG"
    found = _found("She became the largest shareholder in Dravelle last year.")
    assert found["Dravelle"] == "ORG"


def test_a_persons_name_ending_in_hill_stays_a_persons() -> None:
    # In eng.train `Hill` ends 10 people's names and no place's.
    found = _found("Darryn Varek ( Australia ) beat Anthony Hill ( Australia ) 2-0")
    assert found["Anthony Hill"] == "PERSON"


def test_a_possessive_split_off_as_in_wire_text_is_read_as_one() -> None:
    for text in (
        "Traders said Velmora's market value fell.",
        "Traders said Velmora 's market value fell .",
    ):
        entities = [Entity(13, 20, "PLACE", "Velmora", "velmora")]
        assert [e.label for e in weigh(text, entities, lambda name: False)] == ["ORG"]
    text = "Voltaren said Kelvar Moss 's spokesman had resigned ."
    entities = [Entity(14, 25, "PERSON", "Kelvar Moss", "kelvar moss")]
    assert [e.label for e in weigh(text, entities, lambda name: False)] == ["PERSON"]


def test_a_new_name_opening_a_sentence_before_said_or_released_is_found() -> None:
    assert _found("Quorvane said it would cut 200 jobs.")["Quorvane"] == "ORG"
    found = _found("Markets were calm. Brellix released its first phone on Monday.")
    assert found["Brellix"] == "ORG"
    # Ordinary words and plural nouns for people opening a sentence are no names.
    assert _found("Police said two people were hurt.") == {}
    assert _found("Epidemiologists said the wave had peaked.") == {}


def test_a_person_who_unveils_a_product_stays_a_person() -> None:
    assert _found("Jensen Huang unveiled a new chip.").get("Jensen Huang") == "PERSON"
    assert _found("Quorvell unveiled a new chip.").get("Quorvell") == "ORG"


def test_the_role_a_person_is_named_to_is_theirs() -> None:
    found = _found("Intel named Lip-Bu Tan chief executive, ending a three-month search.")
    assert found.get("Lip-Bu Tan") == "PERSON"
    assert found.get("Intel") == "ORG"


def test_a_regnal_number_belongs_to_the_name() -> None:
    found = _found("Pope Leo XIV met the president at the Vatican on Tuesday.")
    assert found.get("Leo XIV") == "PERSON"
    assert "Leo" not in found
    assert _found("Henry VIII had six wives.").get("Henry VIII") == "PERSON"


def test_a_title_between_an_organisation_and_a_person_belongs_to_neither() -> None:
    found = _found("Federal Reserve Governor Lawrence Lindsey said there still were risks .")
    assert found.get("Federal Reserve") == "ORG"
    assert found.get("Lawrence Lindsey") == "PERSON"


def test_a_name_run_on_into_a_persons_across_a_title_is_two_names() -> None:
    from newsread.entities.statistical_names import _split_at_inner_titles

    text = "Federal Reserve Governor Lawrence Lindsey said so."
    whole = Entity(0, 41, "ORG", text[:41], "federal reserve governor lawrence lindsey")
    parts = _split_at_inner_titles(text, [whole])
    assert [(e.text, e.label) for e in parts] == [
        ("Federal Reserve", "ORG"),
        ("Lawrence Lindsey", "PERSON"),
    ]
    # One word after the title is a person too; a nationality before it is no organisation.
    text = "Dutch Queen Beatrix to visit"
    whole = Entity(0, 19, "ORG", "Dutch Queen Beatrix", "dutch queen beatrix")
    parts = _split_at_inner_titles(text, [whole])
    assert [(e.text, e.label) for e in parts] == [("Dutch", "MISC"), ("Beatrix", "PERSON")]
    # A title inside a person's name, or closing a name, stays.
    own = Entity(0, 20, "PERSON", "Mary Queen Of Scotts", "mary queen of scotts")
    assert _split_at_inner_titles("Mary Queen Of Scotts", [own]) == [own]
    award = Entity(0, 20, "MISC", "Most Valuable Player", "most valuable player")
    assert _split_at_inner_titles("Most Valuable Player", [award]) == [award]


def test_planets_are_places() -> None:
    found = _found("The Juno probe reached Jupiter in 2016 and will orbit Jupiter until 2025.")
    assert found.get("Jupiter") == "PLACE"
    found = _found(
        "A lander built to survive on Venus is due to launch, and Venus is its only goal."
    )
    assert found.get("Venus") == "PLACE"


def test_a_first_name_that_is_also_a_title_stays_in_the_name() -> None:
    found = _found("Derbyshire 's Australian captain Dean Jones is conceding nothing .")
    assert found.get("Dean Jones") == "PERSON"
    assert _found("Mayor David Chen opened the bridge .").get("David Chen") == "PERSON"


def test_a_model_named_by_a_letter_or_a_number_is_a_product() -> None:
    found = _found("Tesla started deliveries of a cheaper Model Y variant in China.")
    assert found.get("Model Y") == "PRODUCT"
    assert _found("Tesla cut the price of the Model 3 in Europe.").get("Model 3") == "PRODUCT"
    assert "Model" not in _found("The model 3 theory failed.")
    # The maker and the model read as one name keep the model's letter: a product.
    assert _found("Tesla Model Y sales fell.").get("Tesla Model Y") == "PRODUCT"


def test_a_handle_shares_the_key_and_label_of_the_name_it_spells() -> None:
    entities = extract("Elon Musk replied on Friday. @elonmusk wrote that it was fake.")
    by_text = {entity.text: entity for entity in entities}
    assert by_text["@elonmusk"].key == by_text["Elon Musk"].key
    assert by_text["@elonmusk"].label == "PERSON"
    entities = extract("Nvidia unveiled a chip on Monday. @nvidia posted a video of it.")
    by_text = {entity.text: entity for entity in entities}
    assert by_text["@nvidia"].key == by_text["Nvidia"].key


def test_rail_air_and_media_names_are_companies() -> None:
    found = _found("Siemens won a contract to supply 90 trains to Eastlink Rail, a new operator.")
    assert found.get("Eastlink Rail") == "ORG"
    assert _found("The order came from Qaridah Air on Monday.").get("Qaridah Air") == "ORG"


def test_a_storm_is_an_event_named_without_its_kind() -> None:
    found = _found("Hurricane Milton hit Florida on Wednesday. Milton left homes without power.")
    assert found.get("Milton") == "EVENT"
    assert "Hurricane Milton" not in found
    assert (
        _found("The National Hurricane Center said so.").get("National Hurricane Center") == "ORG"
    )


def test_bowls_and_galas_are_events() -> None:
    assert _found("The Super Bowl drew 120 million viewers.").get("Super Bowl") == "EVENT"
    assert _found("The Met Gala raised $31 million.").get("Met Gala") == "EVENT"


def test_a_headline_with_a_figure_keeps_only_the_names_its_body_proves() -> None:
    title = "Nvidia Becomes First Company Worth $5 Trillion"
    body = "Shares of Nvidia rose 3% on Wednesday. Jensen Huang said demand was strong."
    in_title, _ = extract_titled(title, body)
    names = {entity.text: entity.label for entity in in_title}
    assert names.get("Nvidia") == "ORG"
    assert "Nvidia Becomes First Company" not in names


def test_a_scorecard_line_keeps_the_names_the_tagger_found() -> None:
    text = "England v Pakistan scorecard :\nSaeed Anwar c Mullally b Irani 57\n"
    assert _found(text).get("Saeed Anwar") == "PERSON"


def test_a_line_of_fixtures_keeps_its_teams() -> None:
    text = (
        "Scottish league matches on Saturday were called off.\n"
        "Postponed: East Fife v Clydebank, St Johnstone v Stirling\n"
    )
    found = _found(text)
    assert found.get("Clydebank") == "ORG"
    assert found.get("St Johnstone") == "ORG"


def test_creeks_villages_and_townships_are_places() -> None:
    found = _found("Floodwater reached Hollin Creek and Denby Village on Tuesday.")
    assert found.get("Hollin Creek") == "PLACE"
    assert found.get("Denby Village") == "PLACE"


def test_a_point_release_after_a_name_of_two_words_makes_a_product() -> None:
    found = _found("Anthropic released Claude Sonnet 4.5 to developers on Monday.")
    assert found.get("Claude Sonnet 4.5") == "PRODUCT"
    assert "Claude Sonnet" not in found
    assert _found("The Subaru Forester rolled 4.5 km downhill.").get("4.5 km") == "QUANTITY"


def test_a_name_in_a_title_case_headline_ends_before_its_verb() -> None:
    # Alone, with no body to prove it, the headline's one name is the tagger's guess
    # from its shape: its label is not asserted, its end is.
    found = _found("Nvidia Becomes First Company Worth $5 Trillion")
    assert "Nvidia" in found
    assert not any(text.startswith("Nvidia ") for text in found)
    found = _found("Meta Poaches Apple AI Executive Ruoming Pang")
    assert "Meta Poaches" not in found
    assert found.get("Ruoming Pang") == "PERSON"


def test_bowling_figures_are_no_release_number() -> None:
    text = "Bowling : Wasim Akram 9.4-1-45-3 , Waqar Younis 7-0-28-1 ."
    assert _found(text).get("Wasim Akram") == "PERSON"


def test_a_headline_with_brands_written_in_small_letters_is_still_a_headline() -> None:
    found = _found("Apple Unveils iPhone 17 Lineup With Ultra-Thin iPhone Air")
    assert "Apple Unveils iPhone 17 Lineup With Ultra-Thin iPhone Air" not in found
    assert found.get("iPhone Air") == "PRODUCT"


def test_estates_and_gruppen_end_company_names() -> None:
    text = (
        "Harwick Estates helps lift property sector .\n"
        "Brokers put an add recommendation on Harwick Estates ' shares .\n"
    )
    assert _found(text).get("Harwick Estates") == "ORG"


def test_a_name_after_city_of_is_a_place_whatever_else_training_called_it() -> None:
    text = (
        "Police found Nicole on a campsite in the northern city of Groningen "
        "and arrested her aunt ."
    )
    assert _found(text).get("Groningen") == "PLACE"
    assert _found("Shelling hit the town of Quorvell on Sunday .").get("Quorvell") == "PLACE"


def test_titles_closing_a_name_before_more_titles_are_left_out_of_it() -> None:
    from newsread.entities.statistical_names import _without_trailing_titles

    text = "a visit by Taiwanese Vice President Lien Chan and Best Products Co Chairman Ian Dee"
    entities = [
        Entity(11, 25, "MISC", "Taiwanese Vice", "taiwanese vice"),
        Entity(36, 45, "PERSON", "Lien Chan", "lien chan"),
        Entity(50, 75, "ORG", "Best Products Co Chairman", "best products co chairman"),
        Entity(76, 83, "PERSON", "Ian Dee", "ian dee"),
    ]
    trimmed = [(e.text, e.label) for e in _without_trailing_titles(text, entities)]
    assert trimmed == [
        ("Taiwanese", "MISC"),
        ("Lien Chan", "PERSON"),
        ("Best Products Co", "ORG"),
        ("Ian Dee", "PERSON"),
    ]
    # A person's surname may be a title (`Shayne King`); a name ending so alone stays.
    kept = [Entity(0, 11, "PERSON", "Shayne King", "shayne king")]
    assert _without_trailing_titles("Shayne King Chairman Ian", kept) == kept
    alone = [Entity(4, 24, "MISC", "Most Valuable Player", "most valuable player")]
    assert _without_trailing_titles("the Most Valuable Player honours", alone) == alone


def test_a_distance_after_olympic_or_a_nationality_is_no_version() -> None:
    found = _found(
        "Britain 's 1992 Olympic 100 champion Linford Christie said the French 1997 budget"
    )
    assert found.get("Olympic") == "MISC"
    assert found.get("French") == "MISC"
    assert not [name for name, label in found.items() if name[-1].isdigit() and label != "DATE"]


def test_a_name_the_tagger_runs_into_a_closing_bracket_ends_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsread.entities import statistical_names
    from newsread.entities.tagger.tags import TAG_INDEX

    class RunOnTagger:
        def tag(self, words: list[str], starts: object, headlines: object) -> np.ndarray:
            labels = {"Georgia": "B-LOC", ")": "I-LOC", "Batumi": "B-ORG"}
            inside = False
            tags = []
            for word in words:
                label = labels.get(word, "O") if word != ")" or inside else "O"
                inside = label != "O"
                tags.append(TAG_INDEX[label])
            return np.array(tags, dtype=np.int64)

    monkeypatch.setattr(statistical_names, "shared_tagger", RunOnTagger)
    found = _found("Batumi ( Georgia ) 3 ( 0-2 )")
    assert found.get("Georgia") == "PLACE"
    assert not [name for name in found if name.endswith(")")]


def test_a_first_name_after_a_rank_or_beat_joins_the_persons_name() -> None:
    from newsread.entities.statistical_names import _with_listed_first_names

    text = "146 Iain Pyman 71 75\n6. Sunday Bada ( Nigeria )\nOn 5 September Trump left"
    pyman = Entity(9, 14, "PERSON", "Pyman", "pyman")
    bada = Entity(31, 35, "PERSON", "Bada", "bada")
    trump = Entity(63, 68, "PERSON", "Trump", "trump")
    joined = _with_listed_first_names(text, [pyman, bada, trump], [(51, 62)])
    assert [e.text for e in joined] == ["Iain Pyman", "Sunday Bada", "Trump"]


def test_a_title_case_word_of_two_letters_is_no_acronym() -> None:
    found = _found("Natasha Zvereva ( Belarus ) beat Ai Sugiyama ( Japan ) 4-6 6-4")
    assert found.get("Ai Sugiyama") == "PERSON"
    assert "AI" not in _found("Kelvara said AI chips and CEOs matter.")


def test_a_name_ending_in_a_newspapers_title_word_is_an_organisation() -> None:
    text = "he told the Miami Herald , said Jim Post and Wall Street Journal readers"
    entities = [
        Entity(12, 24, "PLACE", "Miami Herald", "miami herald"),
        Entity(32, 40, "PERSON", "Jim Post", "jim post"),
        Entity(45, 64, "PLACE", "Wall Street Journal", "wall street journal"),
    ]
    labels = [e.label for e in refine(text, entities, lambda name: True)]
    assert labels == ["ORG", "PERSON", "ORG"]


def test_the_opening_a_long_name_is_left_out_but_a_newspaper_keeps_it() -> None:
    found = _found("The Party of Democratic Action ( SDA ) had called on voters .")
    assert found.get("Party of Democratic Action") == "ORG"
    assert _found("The Republic of Ireland beat Liechtenstein 5-0 .").get("Republic of Ireland")
    found = _found("He told The New York Times on Monday that The Oval was full .")
    assert found.get("The New York Times") == "ORG"
    assert found.get("The Oval") == "PLACE"


def test_a_name_ending_in_a_legal_form_or_group_is_no_maker_and_product() -> None:
    # In "OM said so . OM Gruppen and Swebus AB said so . Swebus said so .":
    entities = [
        Entity(0, 2, "ORG", "OM", "om"),
        Entity(13, 23, "MISC", "OM Gruppen", "om gruppen"),
        Entity(28, 37, "PERSON", "Swebus AB", "swebus ab"),
        Entity(48, 54, "ORG", "Swebus", "swebus"),
    ]
    kept = split_brands(entities, lambda name: False)
    assert [e.text for e in kept] == ["OM", "OM Gruppen", "Swebus AB", "Swebus"]


def test_a_place_ending_as_an_institutions_name_does_is_an_organisation() -> None:
    text = "Said is a scholar at New York City's Velkmoor University and at Halden Trust."
    entities = _mentions(
        text,
        ("New York City", "PLACE"),
        ("Velkmoor University", "PLACE"),
        ("Halden Trust", "PLACE"),
    )
    labels = [e.label for e in refine(text, entities, lambda name: True)]
    assert labels == ["PLACE", "ORG", "ORG"]
    # Places end in a bank or a union too, but not in three words.
    text = "Settlers moved into the West Bank and the Soviet Union."
    entities = _mentions(text, ("West Bank", "PLACE"), ("Soviet Union", "PLACE"))
    assert [e.label for e in refine(text, entities, lambda name: True)] == ["PLACE", "PLACE"]
    text = "The Chilean Tennis Federation named a captain."
    entities = _mentions(text, ("Chilean Tennis Federation", "PLACE"))
    assert [e.label for e in refine(text, entities, lambda name: True)] == ["ORG"]


def test_a_cricket_innings_line_is_read_as_results_not_as_a_headline() -> None:
    line = "West Indies 259 ( Chanderpaul 82 ; McGrath 4-58 , Warne 3-72 ) and 142-6 ( Hooper 50 )"
    found = _found(line)
    for bowler in ("Chanderpaul", "McGrath", "Warne", "Hooper"):
        assert found.get(bowler) == "PERSON", bowler
    # The side's total is no version of a product.
    assert not any(text.startswith("West Indies ") for text in found)


def test_a_bowlers_figures_make_a_name_a_persons() -> None:
    found = _found("Pakistan 214 ( Saeed Anwar 64 ; Cuffy 3-42 , Dhanraj 2-30 )")
    assert found.get("Cuffy") == "PERSON"
    found = _found("Bowling : Ambrose 24-7-43-5 , Walsh 20-2-81-1 , Kestrelby 18-3-60-2")
    assert found.get("Kestrelby") == "PERSON"


def test_a_leagues_games_are_its_matches_not_a_product() -> None:
    text = "Results of National Hockey League games on Sunday ( home team in CAPS ) :"
    assert _found(text).get("National Hockey League") == "MISC"


def test_a_short_name_in_brackets_after_a_possessive_is_the_owners_not_a_product() -> None:
    text = "He said the Bank of Japan's (BOJ) interest rate policy had not changed."
    assert _found(text).get("BOJ") == "ORG"


def test_a_surname_of_the_one_person_named_in_full_is_theirs_whatever_owns_it() -> None:
    text = "MOF's Vartanu talks .\nFinance Minister Wataru Vartanu told reporters ."
    entities = _mentions(text, ("MOF", "ORG"), ("Vartanu", "PRODUCT"), ("Wataru Vartanu", "PERSON"))
    unified = unify(entities, text, lambda name: False)
    assert (unified[1].label, unified[1].key) == ("PERSON", "wataru vartanu")


def test_a_contraction_is_split_as_training_text_splits_it_and_names_nothing() -> None:
    text = (
        "He saw no reason why the former Blackburn skipper should not get the post.\n"
        "\"I'm sure there won't be a problem, I'm sure Alan is the man for the job, and "
        "I'll tell him,\" Hoddle said."
    )
    found = _found(text)
    assert found.get("Hoddle") == "PERSON"
    assert not any(text.startswith("I'") for text in found)


def test_a_cricket_ground_before_a_colon_is_a_place_however_the_colon_is_spaced() -> None:
    text = (
        "CRICKET - SHEFFIELD SHIELD SCORES.\nSYDNEY 1996-12-08\n"
        "Close of play scores in Sheffield Shield matches on Sunday:\n"
        "Velkmoor: Tasmania 352 (D. Boon 118; P. Reiffel 4-70) v Victoria\n"
        "Kestrelby: Queensland 298-6 declared, New South Wales 114-3 (M. Slater 52)\n"
    )
    found = _found(text)
    assert found.get("Velkmoor") == "PLACE"
    assert found.get("Kestrelby") == "PLACE"
    # A colon after a word that opens a line is no ground when no innings follows.
    assert "Breaking" not in _found("Breaking: Acme 300 jobs cut at its plant.")


def test_names_the_tagger_split_at_a_particle_are_one() -> None:
    text = (
        "The consortium paid 1.2 billion reais at the auction on the Rio de Janeiro Stock "
        "Exchange . The consortium also includes Chilean group Electrica del Maipo and a "
        "pension fund . The firm is owned by the state of Mato Grosso do Sul ."
    )
    found = _found(text)
    assert found.get("Rio de Janeiro Stock Exchange") == "ORG"
    assert found.get("Electrica del Maipo") == "ORG"
    assert found.get("Mato Grosso do Sul") == "PLACE"


def test_a_name_whose_share_price_moves_is_a_companys() -> None:
    text = (
        "GERMAN STOCKS END FIRMER .\nFRANKFURT 1996-12-19\n"
        "Chemicals were mixed , with Velkorat rose 1.40 marks to 106.50 and Dravenholt was "
        "up 0.30 at 70.85 ."
    )
    found = _found(text)
    assert found.get("Velkorat") == "ORG"
    assert found.get("Dravenholt") == "ORG"


def test_military_ranks_stay_outside_a_persons_name() -> None:
    found = _found(
        "Army spokesman Lieutenant-Colonel Isaie Nibizi said three soldiers were wounded, "
        "and ministry spokesman Brigadier Ranjith Wijesekera said General Sani Abacha agreed."
    )
    assert found.get("Isaie Nibizi") == "PERSON"
    assert found.get("Ranjith Wijesekera") == "PERSON"
    assert found.get("Sani Abacha") == "PERSON"
    assert _found("General Motors said on Monday it would cut jobs.").get("General Motors") == "ORG"


def test_a_name_before_news_agency_is_the_agencys() -> None:
    text = "Three soldiers were killed in the southeast, the state-run Velkarian news agency said."
    assert _found(text).get("Velkarian") == "ORG"
    # A nationality before it stays one.
    assert _found("the Dutch news agency ANP said.").get("Dutch") == "MISC"


def test_a_count_closing_a_row_of_results_is_no_version_of_the_name() -> None:
    text = (
        "ALPINE SKIING - WORLD CUP STANDINGS .\nVAL D'ISERE , France 1996-12-07\n"
        "Leading women's World Cup downhill standings after two races :\n"
        "1. Renate Gruber ( Austria ) 180 points\n2. Katja Seizinger ( Germany ) 125\n"
        "Scorers :\nTries : Tane 2 , Ruruku .\nConversions : Tipene Hona 3 .\n"
    )
    texts = [text for text, _ in _found(text).items()]
    assert not any(name.endswith((" 180", " 125", " 2", " 3")) for name in texts)


def test_a_plural_ending_a_teams_name_alone_is_that_team() -> None:
    text = "The Velkmoor Kestrels beat the Dallas Mavericks 104-95 on Saturday ."
    text += " Charles Barkley added 22 points for the Kestrels , who have won nine of 10 ."
    entities = _mentions(
        text,
        ("Velkmoor Kestrels", "ORG"),
        ("Dallas Mavericks", "ORG"),
        ("Charles Barkley", "PERSON"),
        ("Kestrels", "MISC"),
    )
    unified = unify(entities, text, lambda name: False)
    assert (unified[3].label, unified[3].key) == ("ORG", "velkmoor kestrels")
    # A nationality stays one.
    text = "The Young Russians met Russians in Moscow ."
    entities = _mentions(text, ("Young Russians", "ORG"), ("Russians", "MISC"), ("Moscow", "PLACE"))
    assert unify(entities, text, lambda name: False)[1].label == "MISC"


def test_a_name_before_index_is_a_stock_index() -> None:
    text = (
        "GERMAN STOCKS END FIRMER , DAX AT RECORD .\nFRANKFURT 1996-12-19\nGerman shares "
        "ended firmer on Thursday , with the DAX index closing at a record high ."
    )
    assert _found(text).get("DAX") == "MISC"
    text = "Trading on the Karachi Stock Exchange index was thin."
    assert _found(text).get("Karachi Stock Exchange") == "ORG"


def test_a_mention_in_a_sentence_outweighs_one_on_a_line_of_capitals() -> None:
    text = (
        "BOXING - MENDOZA RETAINS WBA TITLE .\nLAS VEGAS 1996-12-14\n"
        "Mexican Raul Mendoza retained his WBA super-bantamweight title on Saturday with a "
        "points decision over Hector Ortiz ."
    )
    assert {e.label for e in extract(text) if e.text == "WBA"} == {"ORG"}


def test_an_institutions_name_goes_on_with_its_purpose() -> None:
    found = _found(
        "The rebels belonged to the National Council for the Defence of Democracy ( CNDD ) "
        "and the Velkmoor Alliance for the Liberation of Congo-Zaire ."
    )
    assert found.get("National Council for the Defence of Democracy") == "ORG"
    assert found.get("Velkmoor Alliance for the Liberation of Congo-Zaire") == "ORG"
    # A date is no purpose.
    assert "Velkmoor Foundation" in _found("The Velkmoor Foundation for Monday said it would.")


def test_a_leagues_initials_heading_a_sports_story_are_an_organisation() -> None:
    body = "\nNEW YORK 1996-12-08\nResults of games on Sunday ( home team in CAPS ) :\n"
    body += "Toronto 4 NEW JERSEY 2\n"
    assert _found("NHL ICE HOCKEY - STANDINGS AFTER SUNDAY 'S GAMES ." + body).get("NHL") == "ORG"
    assert _found("ICE HOCKEY - NHL RESULTS ." + body).get("NHL") == "ORG"
    found = _found("NFL AMERICAN FOOTBALL - PACKERS CLINCH TITLE ." + body)
    assert found.get("NFL") == "ORG"
    assert "ICE" not in _found("ICE HOCKEY - FLAMES BEAT OILERS ." + body)


def test_a_name_the_tagger_stopped_before_an_organisations_last_word_takes_it_in() -> None:
    text = "The ruling New Korea Party says the reforms are needed ."
    entities = _mentions(text, ("New Korea", "PLACE"))
    joined = join_organisation_endings(text, entities)
    assert [(e.text, e.label) for e in joined] == [("New Korea Party", "ORG")]
    # A nationality before such a word stays one.
    text = "Sudanese Airways said on Monday ."
    assert join_organisation_endings(text, _mentions(text, ("Sudanese", "MISC")))[0].text == (
        "Sudanese"
    )


def test_a_legal_form_in_capitals_the_tagger_named_apart_joins_the_company_before_it() -> None:
    text = "Swedish bus operator Swebus AB and exchange OM Gruppen AB said on Thursday ."
    entities = _mentions(
        text,
        ("Swedish", "MISC"),
        ("Swebus", "MISC"),
        ("AB", "ORG"),
        ("OM Gruppen", "MISC"),
        ("AB", "ORG"),
    )
    joined = join_organisation_endings(text, entities)
    assert [(e.text, e.label) for e in joined] == [
        ("Swedish", "MISC"),
        ("Swebus AB", "ORG"),
        ("OM Gruppen AB", "ORG"),
    ]
    # An ending the tagger named apart in small letters is a name of its own.
    text = "She lost her bid for a U.S. Senate seat ."
    entities = _mentions(text, ("U.S.", "PLACE"), ("Senate", "ORG"))
    assert join_organisation_endings(text, entities) == entities


def test_a_name_stopped_before_a_particle_takes_in_the_rest() -> None:
    text = "He has trained at a private academy in Vina del Mar for the past decade ."
    entities = _mentions(text, ("Vina", "PLACE"))
    assert [e.text for e in join_particle_names(text, entities)] == ["Vina del Mar"]


def test_a_cricket_ground_is_a_place() -> None:
    text = (
        "Scores on the first day between Australia and Pakistan at the Melbourne Cricket Ground :"
    )
    assert _found(text).get("Melbourne Cricket Ground") == "PLACE"


def test_a_results_heading_names_a_company() -> None:
    found = _found("KAWASHIMA SEIKI - SIX-MONTH PARENT RESULTS .\nTOKYO 1996-12-10\n")
    assert found.get("KAWASHIMA SEIKI") == "ORG"
    found = _found("Velkari Kogyo - 6mth parent forecast .\nTOKYO 1996-12-10\n")
    assert found.get("Velkari Kogyo") == "ORG"


def test_a_table_field_naming_a_company_names_one_organisation() -> None:
    found = _found("Company name Velkari Chong Hing Investment Ltd\nBooks close September 23-27")
    assert found.get("Velkari Chong Hing Investment Ltd") == "ORG"
    assert (
        _found("BORROWER NORDVEST KREDITT\nAMT 100 MLN GUILDERS").get("NORDVEST KREDITT") == "ORG"
    )


def test_a_name_found_in_a_sentence_is_found_in_a_headline_in_capitals() -> None:
    text = (
        "BASKETBALL - OLAJUWON LEADS VELKARS PAST SUNS .\nHOUSTON 1996-12-12\n"
        "Hakeem Olajuwon scored 31 points as the Houston Velkars beat the Phoenix Suns 109-97 "
        "on Wednesday .\nDarnell Keyes added 19 points for the Velkars , who improved to 17-3 ."
    )
    found = _found(text)
    assert found.get("VELKARS") == "ORG"
    # A word training met in small letters is left alone in capitals (`BANK WORRIES`).
    text = "TOKYO STOCKS END DOWN ON BANK WORRIES .\nTOKYO 1996-12-13\nThe Bank said rates fell ."
    assert "BANK" not in _found(text)


def test_a_press_digests_mastheads_are_newspapers_whatever_opens_the_heading() -> None:
    text = (
        "BULGARIA - PRESS DIGEST - DEC 12 .\nSOFIA 1996-12-12\n"
        "24 CHASA\n- The lev falls again against the dollar .\n"
        "TRUD\n- Miners at the Bobov Dol coal mine go on strike .\n"
    )
    found = _found(text)
    assert found.get("24 CHASA") == "ORG"
    assert found.get("TRUD") == "ORG"


def test_the_month_of_a_bonds_dotted_date_is_no_name() -> None:
    text = "BORROWER NORDVEST KREDITT\nAMT 100 MLN GUILDERS COUPON 5.75 MATURITY 15.JAN.04\n"
    assert "JAN" not in _found(text)


def test_a_compass_word_before_a_name_opens_it() -> None:
    text = "Wheat was helped by good rains in Western Velkmoor and New South Wales ."
    entities = _mentions(text, ("Western", "MISC"), ("Velkmoor", "PLACE"))
    assert [(e.text, e.label) for e in join_compass_names(text, entities)] == [
        ("Western Velkmoor", "PLACE")
    ]
    found = _found("Inter president Massimo Moratti told the Gazzetta dello Sport .")
    assert found.get("Gazzetta dello Sport") == "ORG"


def test_a_nationality_before_a_persons_name_is_a_name_of_its_own() -> None:
    found = _found("Kenyan Josphat Kipkemboi won the men 's race on Sunday .")
    assert found.get("Kenyan") == "MISC"
    assert found.get("Josphat Kipkemboi") == "PERSON"


def test_a_court_or_an_army_is_an_organisation() -> None:
    text = "The Velkmoor Crown Court heard the case as the Velkmoor Army patrolled."
    entities = _mentions(text, ("Velkmoor Crown Court", "PLACE"), ("Velkmoor Army", "PERSON"))
    assert [e.label for e in refine(text, entities, lambda name: True)] == ["ORG", "ORG"]


def test_a_new_name_ending_in_a_line_of_business_is_a_company() -> None:
    found = _found("The winners were Formosa Cellular, led by a cement maker, and Tung Hua Mobile.")
    assert found.get("Formosa Cellular") == "ORG"
    assert found.get("Tung Hua Mobile") == "ORG"


def test_a_competitions_name_is_an_event() -> None:
    text = "Scores on the second day of the four-day Velkmoor Shield match between two sides ."
    entities = _mentions(text, ("Velkmoor Shield", "ORG"))
    assert [e.label for e in refine(text, entities, lambda name: True)] == ["EVENT"]


def test_the_side_after_a_ground_in_a_line_of_scores_is_a_team() -> None:
    text = (
        "CRICKET - SHELL TROPHY SCORES .\nWELLINGTON 1996-12-10\n"
        "Close of play scores on the first day of four-day matches on Tuesday :\n"
        "In Dunedin : Otago 164 ( K. Rutherford 44 ; H. Pickering 5-39 ) ; Canterbury 31-1 .\n"
    )
    found = _found(text)
    assert found.get("Dunedin") == "PLACE"
    assert found.get("Otago") == "ORG"


def test_names_before_a_plural_kind_of_site_are_places() -> None:
    found = _found("Thousands were stranded at Orly and Velkmoor-Charles de Gaulle airports .")
    assert found.get("Velkmoor-Charles de Gaulle") == "PLACE"


def test_a_word_opening_a_sentence_before_a_possessive_is_a_name() -> None:
    text = (
        "Car sales in Italy fell 5 percent in November , the figures showed .\n"
        "Velkorat 's market share fell to 41 percent from 44 percent .\n"
        "Dravenholt , including its Audi and Seat brands , took 12 percent ."
    )
    found = _found(text)
    assert found.get("Velkorat") == "ORG"
    assert found.get("Dravenholt") == "ORG"
    assert "Women" not in _found("Women 's downhill results on Saturday :")


def test_a_score_before_a_bracket_in_a_row_of_results_is_no_version() -> None:
    text = (
        "BASKETBALL - NBA RESULTS .\nNEW YORK 1996-12-15\n"
        "Results of National Basketball Association games on Saturday ( home team in CAPS ) :\n"
        "MINNESOTA 112 Sacramento 101 ( OT )\n"
    )
    assert _found(text).get("Sacramento") == "ORG"


def test_a_team_named_with_a_common_word_stays_a_name_in_a_result() -> None:
    text = (
        "In Miami , Tim Hardaway had 22 points as the Heat beat the Milwaukee Bucks 101-88 .\n"
        "Joe Sakic scored twice as the Colorado Avalanche blanked the Blues in St Louis ."
    )
    found = _found(text)
    assert found.get("Heat") == "ORG"
    assert found.get("Blues") == "ORG"


def test_an_acronym_spelled_out_in_small_letters_is_common_however_spaced() -> None:
    from newsread.entities.acronyms import common_acronyms

    for text in (
        "They sold 19,500 tonnes of dark northern spring (DNS) wheat and 9,600 DNS more.",
        "They sold 19,500 tonnes of dark northern spring ( DNS ) wheat and 9,600 DNS more .",
    ):
        assert common_acronyms(text) == {"dns"}


def test_a_ministers_portfolio_is_no_organisation() -> None:
    text = "The daily quoted Intelligence Minister Ali Fallahiyan as saying agents were held ."
    entities = _mentions(text, ("Intelligence", "ORG"), ("Ali Fallahiyan", "PERSON"))

    kept = drop_common_words(
        text, entities, _Lowercase(lambda word: word.islower() or word == "Intelligence")
    )
    assert [e.text for e in kept] == ["Ali Fallahiyan"]


def test_a_compass_word_the_tagger_left_out_opens_the_name_after_it() -> None:
    assert _found("Sale 27 West Velkmoor 12\nPlayed on Friday").get("West Velkmoor") == "ORG"
    assert "SOUTH AMERICAN" in _found("CBOT SOYBEANS CLOSE LOWER ON SOUTH AMERICAN RAINS .")


def test_an_institutions_name_listing_its_trades_with_commas_is_one_name() -> None:
    text = "March arabica on the Coffee , Sugar and Cocoa Exchange rose 1.40 cents ."
    entities = _mentions(text, ("Coffee", "ORG"), ("Sugar", "ORG"), ("Cocoa Exchange", "ORG"))
    joined = join_institution_names(text, entities)
    assert [(e.text, e.label) for e in joined] == [("Coffee , Sugar and Cocoa Exchange", "ORG")]


def test_a_join_swallowing_two_names_before_an_institutions_never_fails() -> None:
    text = "Officials of the Velk Morn and Order Restoration Council said ."
    entities = _mentions(
        text, ("Velk", "ORG"), ("Morn", "ORG"), ("Order Restoration Council", "ORG")
    )
    joined = join_institution_names(text, entities)
    assert [e.text for e in joined] == ["Velk Morn and Order Restoration Council"]


def test_a_disease_named_in_capitals_and_its_acronym_are_misc_not_an_organisation() -> None:
    found = _found(
        "Health officials said the outbreak of Severe Acute Respiratory Syndrome ( SARS ) had "
        "spread to Toronto . SARS has killed 40 people ."
    )
    assert found["Severe Acute Respiratory Syndrome"] == "MISC"
    assert found["SARS"] == "MISC"
    assert _found("Doctors said the Marburg Virus was found in two patients .") == {
        "Marburg Virus": "MISC"
    }


def test_a_diseases_acronym_spelled_out_in_small_letters_stays_a_name() -> None:
    found = _found(
        "Experts met over fears of bovine spongiform encephalopathy ( BSE ) , or mad cow"
        " disease .\nBritain has slaughtered cattle to eradicate BSE , a spokesman said ."
    )
    assert found.get("BSE") == "MISC"


_COMMON_IN_TABLE: frozenset[str] = frozenset(
    {"producer", "prices", "core", "inflation", "working", "capital", "reading", "steel"}
) | {"wall", "street"}


def test_common_words_labelling_a_row_of_figures_are_no_name() -> None:
    text = (
        "PRODUCER PRICES ( % ) Jun -0.2 +0.1 +0.2\n"
        "Core Inflation +0.1 +0.2 +0.2\n"
        "Working Capital $ 5,755 ( $ 881 )\n"
        "Reading 2 1 0 1 3 2 3\n"
        "Velkmoor Steel 12.5 vs 10.1\n"
        "Wall Street had expected 16.5 cents a share ."
    )
    entities = _mentions(
        text,
        ("PRODUCER PRICES", "ORG"),
        ("Core Inflation", "ORG"),
        ("Working Capital", "ORG"),
        ("Reading", "ORG"),
        ("Velkmoor Steel", "ORG"),
        ("Wall Street", "PLACE"),
    )

    kept = drop_common_words(
        text, entities, _Lowercase(lambda word: word.casefold() in _COMMON_IN_TABLE)
    )
    assert [e.text for e in kept] == ["Reading", "Velkmoor Steel", "Wall Street"]


def test_a_group_chain_or_brokerage_before_a_new_name_makes_it_an_organisation() -> None:
    assert (
        _found("Fighters of the rebel group Tupac Velkaru took the town .").get("Tupac Velkaru")
        == "ORG"
    )
    text = "Polish brokerage Dom Velkarski Prowincja , is expected to raise 20 million zlotys ."
    assert _found(text).get("Dom Velkarski Prowincja") == "ORG"


def test_an_apposition_after_a_comma_spaced_as_wire_text_spaces_it_counts() -> None:
    text = (
        "The cargo had been shipped by Velkora Serra Verde , a poultry exporter based in Santos ."
    )
    assert _found(text).get("Velkora Serra Verde") == "ORG"


def test_a_phrase_after_a_comma_going_on_to_report_is_no_apposition() -> None:
    text = (
        "The plant will make 50,000 engines a year in Velkmoor, the Xinhua news agency"
        " reported on Wednesday."
    )
    assert _found(text).get("Velkmoor") == "PLACE"


def test_a_person_in_an_apposition_naming_a_trade_stays_a_person() -> None:
    text = '" We cannot live on promises , " said Mykola Velkarenko , a miner at the pit .'
    assert _found(text).get("Mykola Velkarenko") == "PERSON"


def test_a_country_opening_a_row_of_results_is_its_national_side_a_place() -> None:
    found = _found(
        "SOCCER - AFRICAN NATIONS CUP QUALIFYING RESULTS .\n"
        "JOHANNESBURG 1996-12-15\n"
        "Results of African Nations Cup qualifying matches played at the weekend :\n"
        "Zambia 2 Mozambique 0\n"
        "Mali 3 Mauritania 1\n"
        "Ghana 1 Sierra Leone 1\n"
        "Velkmoor Rovers 2 Monaco 1\n"
        "Zambia now lead the group ."
    )
    for country in ("Zambia", "Mozambique", "Mali", "Mauritania", "Ghana", "Sierra Leone"):
        assert found.get(country) == "PLACE", country
    assert found.get("Monaco") == "ORG"


def test_players_in_the_results_of_a_sport_of_players_stay_people() -> None:
    found = _found(
        "CHESS - VELKAR AND MORNOV SHARE LEAD AT HASTINGS .\n"
        "HASTINGS , England 1996-12-30\n"
        "Results of second round :\n"
        "Matthew Velkar ( England ) 1 Jeroen Vermoolen ( Netherlands ) 0\n"
        "Ian Lamberth ( England ) 0 Yevgeny Mornov ( Russia ) 1"
    )
    for player in ("Matthew Velkar", "Jeroen Vermoolen", "Ian Lamberth", "Yevgeny Mornov"):
        assert found.get(player) == "PERSON", player
    assert "CHESS" not in found


def test_a_decimal_closing_a_row_of_results_is_no_point_release() -> None:
    found = _found(
        "Men 's short programme ( ordinals ) :\n"
        "1. Shinji Velkahashi 0.5\n"
        "2. Takeshi Morinawa 1.0\n"
        "The company released Velkora Sonnet 4.5 on Monday ."
    )
    assert found.get("Shinji Velkahashi") == "PERSON"
    assert found.get("Takeshi Morinawa") == "PERSON"
    assert "Velkora Sonnet 4.5" in found


def test_credit_rating_grades_near_talk_of_ratings_are_no_names() -> None:
    text = (
        "Standard & Poor 's cut the senior debt rating of Velkmoor Electric Co to"
        " BBB-minus from BBB , and Moody 's lowered it to Ba1 from Baa3 ."
    )
    found = _found(text)
    for grade in ("BBB-minus", "BBB", "Ba1", "Baa3"):
        assert grade not in found, grade
    assert "Velkmoor Electric Co" in found


def test_a_name_in_a_capitals_headline_runs_on_to_the_name_the_story_gives() -> None:
    found = _found(
        "VELKORA SOFTWARE POSTS Q1 LOSS , SHARES FALL .\n"
        "TORONTO 1996-12-12\n"
        "Velkora Software Inc posted a first-quarter loss on Thursday , and its shares fell ."
    )
    assert found.get("VELKORA SOFTWARE") == "ORG"


def test_a_name_named_once_that_says_something_takes_its_apostrophe_s() -> None:
    text = "NEW YORK 1996-12-18\nVelkmoor & Poor 's said on Wednesday it had cut its rating ."
    assert _found(text).get("Velkmoor & Poor 's") == "ORG"


def test_a_share_prices_move_in_percent_makes_a_name_a_companys() -> None:
    found = _found("Perez Companc eased 0.5 percent while the IMKB-100 rose 1.2 percent .")
    assert found.get("Perez Companc") == "ORG"
    assert found.get("IMKB-100") != "ORG"


def test_a_dealer_works_at_a_firm_and_brokers_are_one() -> None:
    found = _found(
        '" Foreigners were selling , " said a dealer at Velki Kredi in Istanbul .\n'
        '" Volume was thin , " said Cristian Larrain of brokers Larrain Velial .'
    )
    assert found.get("Velki Kredi") == "ORG"
    assert found.get("Larrain Velial") == "ORG"


def test_nationalities_the_tagger_met_rarely_are_miscellaneous_names() -> None:
    found = _found(
        "Gremio won 2-0 in Porto Alegre on Saturday , with Paraguayan midfielder Ruben Velkaria"
        " scoring after 15 minutes and Ecuadorean midfielder Alex Morinaga sealing the win ."
    )
    assert found.get("Paraguayan") == "MISC"
    assert found.get("Ecuadorean") == "MISC"


def test_a_country_is_a_place_whatever_the_tagger_guessed() -> None:
    assert (
        _found("Burkina Faso and Togo signed a trade pact on Friday .").get("Burkina Faso")
        == "PLACE"
    )
    assert _found("Djibouti said on Friday it would close the border .").get("Djibouti") == (
        "PLACE"
    )


def test_a_two_word_sport_heading_a_headline_is_no_name() -> None:
    found = _found(
        "NORDIC COMBINED - VELKVIK WINS WORLD CUP EVENT .\n"
        "STEAMBOAT SPRINGS , Colorado 1996-12-14\n"
        "Norwegian Bjarte Velkvik won a World Cup Nordic combined event on Saturday ."
    )
    assert not any(name.startswith("NORDIC") for name in found)


def test_a_title_after_an_acronym_or_a_legal_form_is_left_out_wherever_it_stands() -> None:
    from newsread.entities.statistical_names import _without_trailing_titles

    text = "The HCFA Administrator reversed it , Acme Co Chairman and Chief Executive said ."
    entities = [
        Entity(4, 22, "ORG", "HCFA Administrator", "hcfa administrator"),
        Entity(36, 51, "ORG", "Acme Co Chairman", "acme co chairman"),
    ]
    trimmed = [e.text for e in _without_trailing_titles(text, entities)]
    assert trimmed == ["HCFA", "Acme Co"]


def test_the_person_a_disease_is_named_after_is_a_person_and_keeps_no_apostrophe_s() -> None:
    text = (
        "Children given the vaccine were at higher risk of Velkrohn 's disease , researchers"
        " said .\nVelkrohn 's is an inflammation of the bowel ."
    )
    found = _found(text)
    assert found.get("Velkrohn") == "PERSON"
    assert "Velkrohn 's" not in found


def test_a_months_name_alone_is_no_name() -> None:
    text = "Exports ( bln pts ) Jun 1,100.7 1,164.1\nMar.97 INT PAY 5 .\nJan Velkodes won ."
    entities = _mentions(text, ("Jun", "ORG"), ("Mar.97", "PLACE"), ("Jan Velkodes", "PERSON"))

    kept = drop_common_words(text, entities, _Lowercase(lambda word: False))
    assert [e.text for e in kept] == ["Jan Velkodes"]


def test_a_capital_is_a_place_outside_sports_stories_and_may_be_a_club_in_them() -> None:
    news = 'In 1860 Garibaldi and his " Red Shirts " seized Naples in the war of liberation .'
    assert _found(news).get("Naples") == "PLACE"
    sport = "SOCCER - SPANISH LEAGUE RESULTS .\nMADRID 1996-12-15\nBarcelona 3 Celta 0"
    assert _found(sport).get("Barcelona") == "ORG"


def test_a_state_is_a_place_outside_sports_stories() -> None:
    text = "Storms closed roads across Saskatchewan on Monday ."
    entities = _mentions(text, ("Saskatchewan", "ORG"))
    assert [e.label for e in weigh(text, entities, lambda name: False)] == ["PLACE"]
    sport = "ICE HOCKEY - NHL RESULTS .\nSaskatchewan beat the visitors 3-1 ."
    entities = _mentions(sport, ("Saskatchewan", "ORG"))
    assert [e.label for e in weigh(sport, entities, lambda name: False)] == ["ORG"]


def test_a_name_before_news_agency_is_the_agency_even_one_training_took_for_a_place() -> None:
    text = (
        "Hundreds of rioters burned shops in the West Java town of Velkadak on Friday after"
        " a dispute between a trader and a customer , the official Antara news agency said ."
    )
    assert _found(text).get("Antara") == "ORG"


def test_an_apposition_naming_a_body_or_a_settlement_gives_the_names_kind() -> None:
    found = _found(
        "A committee of the Velkor Kenesh , the Kyrgyz parliament , approved the budget ."
    )
    assert found.get("Velkor Kenesh") == "ORG"
    found = _found("Rioters burned shops in Velkadak , a town in West Java , on Friday .")
    assert found.get("Velkadak") == "PLACE"


def test_regional_peoples_are_miscellaneous_names() -> None:
    found = _found(
        "BASQUE POLICE ARREST 12 AFTER STREET VIOLENCE .\n"
        "BILBAO , Spain 1996-12-09\n"
        "Basque regional police arrested 12 young people on Monday .\n"
        "The Basque Nationalist Party ( PNV ) , which heads the regional government ,"
        " condemned the attacks .\n"
        "Basque interior chief Juan Maria Velkutxa said the violence was organised ."
    )
    assert found.get("Basque") == "MISC"


def test_a_newspapers_kind_before_a_name_makes_it_an_organisation() -> None:
    text = (
        "A court sentenced two editors of the opposition weekly Dala Velkary to 18 months in"
        " prison .\nDala Velkary , which sells about 12,000 copies , said it would appeal ."
    )
    assert _found(text).get("Dala Velkary") == "ORG"


def test_a_country_opening_an_organisations_name_stays_the_country() -> None:
    found = _found(
        "LESOTHO RULING PARTY SPLITS , FACTION FORMS NEW GROUP .\n"
        "MASERU 1996-12-11\n"
        "A faction of Lesotho 's ruling Basotho Velkress Party took over on Wednesday .\n"
        "The split comes as Lesotho begins to deliver water under the Lesotho Highlands"
        " Water Project ."
    )
    assert found.get("Lesotho") == "PLACE"


def test_an_institutions_name_runs_on_with_of_and_what_it_belongs_to() -> None:
    found = _found(
        "Loans were under review by the Central Bank of Sri Lanka , and Velkor Chaiyo , listed"
        " on the Stock Exchange of Thailand , had lent heavily ."
    )
    assert found.get("Central Bank of Sri Lanka") == "ORG"
    assert found.get("Stock Exchange of Thailand") == "ORG"
    found = _found(
        "The far-right Freedom Party of Joerg Velkaider won 28 percent of the vote on Sunday ."
    )
    assert found.get("Joerg Velkaider") == "PERSON"


def test_a_country_before_a_noun_in_a_capitals_headline_is_the_place() -> None:
    from newsread.entities.line_formats import by_line_format

    text = (
        "PARAGUAY CENTRAL BANK SEIZES TWO BANKS .\nHONG KONG ECONOMIC TIMES SAID IT .\n"
        "KENYA TIMES\n"
    )
    entities = _mentions(
        text,
        ("PARAGUAY CENTRAL BANK", "ORG"),
        ("HONG KONG ECONOMIC TIMES", "ORG"),
        ("KENYA TIMES", "ORG"),
    )
    found = [(e.text, e.label) for e in by_line_format(text, entities)]
    assert found == [
        ("PARAGUAY", "PLACE"),
        ("HONG KONG ECONOMIC TIMES", "ORG"),
        ("KENYA TIMES", "ORG"),
    ]


def test_a_state_opening_an_organisations_name_stays_the_state() -> None:
    found = _found(
        "LOUISIANA JUDGE VOIDS RIVERBOAT CASINO LICENCE .\n"
        "BATON ROUGE , La. 1996-12-06\n"
        "A Louisiana state judge on Friday cancelled the licence of a riverboat casino .\n"
        "Judge Eleanor Velkard ruled that the Louisiana Gaming Control Board should not have"
        " approved Velkor Star Gaming Inc. without a hearing on its finances .\n"
        "The case was brought by a church group , the Louisiana Baptist Convention ."
    )
    assert found.get("Louisiana") == "PLACE"


def test_holidays_are_events_in_every_mention_but_not_inside_a_longer_name() -> None:
    found = _found(
        "BRITISH SHOPS REPORT BRISK START TO CHRISTMAS .\n"
        "Traders said the market would be thin ahead of the Christmas holidays . Talks will "
        "resume after New Year , and the opposition plans a rally on New Year 's Eve . "
        "Workers will be sent home before Ramadan ."
    )
    assert found["CHRISTMAS"] == found["Christmas"] == "EVENT"
    assert found["New Year"] == found["New Year 's Eve"] == found["Ramadan"] == "EVENT"
    assert _found("Flights to Christmas Island resumed on Monday .") == {
        "Christmas Island": "PLACE",
        "Monday": "DATE",
    }
    assert "christmas" not in _found("They cut down a christmas tree in Oslo .")


def test_a_story_filed_from_the_united_nations_names_an_organisation_in_its_dateline() -> None:
    found = _found(
        "IRAQ BALKS AT OIL SALE TERMS .\nUNITED NATIONS 1996-08-28\nIraq has balked at "
        "terms for the sale of its oil , diplomats said ."
    )
    assert found["UNITED NATIONS"] == "ORG"
    assert _found("IRAQ BALKS .\nBAGHDAD 1996-08-28\nIraq said no .")["BAGHDAD"] == "PLACE"


def test_a_stock_index_named_without_the_word_index_is_misc() -> None:
    found = _found(
        "MARKETS AT A GLANCE .\nHONG KONG - Hang Seng up 0.4 percent at 13,412.66 .\n"
        "FRANKFURT - DAX closed at 2,821.34 , down 0.3 percent ."
    )
    assert found["Hang Seng"] == found["DAX"] == "MISC"


def test_a_countrys_formal_name_is_one_place() -> None:
    found = _found(
        "The Sultanate of Oman and the Kingdom of Saudi Arabia signed a border pact , and "
        "the Kingdom of Belgium priced a bond ."
    )
    assert found == {
        "Sultanate of Oman": "PLACE",
        "Kingdom of Saudi Arabia": "PLACE",
        "Kingdom of Belgium": "PLACE",
    }
    # A name running on past the country's is another thing's.
    assert _found("The Republic of Ireland Football Association fined him .") == {
        "Republic of Ireland Football Association": "ORG"
    }


def test_a_nationality_ending_in_s_is_no_short_mention_of_an_organisation_it_opens() -> None:
    found = _found(
        "SWISS FRANC EASES .\nZURICH 1996-12-23\nThe Swiss franc fell after the Swiss "
        "National Bank said it would let money supply grow ."
    )
    assert found["SWISS"] == found["Swiss"] == "MISC"
    assert found["Swiss National Bank"] == "ORG"


def test_a_name_before_headquarters_is_the_organisations_unless_a_company_sits_there() -> None:
    found = _found(
        "NATO handed its mission to a smaller Stabilisation Force , or SFOR . Refugees "
        "staged a protest outside SFOR headquarters in Ilidza ."
    )
    assert found["SFOR"] == "ORG"
    found = _found("Ferrari showed the car at its Maranello headquarters on Monday .")
    assert found["Maranello"] == "PLACE"


def test_a_name_ending_in_a_foreign_word_for_newspaper_is_a_newspaper() -> None:
    assert _found("The Asahi Shimbun said in an editorial that the marines should go .") == {
        "Asahi Shimbun": "ORG"
    }
    found = _found("The Frankfurter Allgemeine Zeitung said Kohl would win .")
    assert found["Frankfurter Allgemeine Zeitung"] == "ORG"


def test_a_country_the_tagger_passed_over_in_a_line_of_codes_is_still_a_place() -> None:
    found = _found(
        "BORROWER NORDVIK KOMMUNEKREDITT\nGOV LAW ENGLISH HOME CTRY NORWAY TAX PROVS STANDARD"
    )
    assert found["NORWAY"] == "PLACE"
    assert _found("PRESS DIGEST - PHILIPPINES - DEC 19 .")["PHILIPPINES"] == "PLACE"


def test_an_organisations_name_after_first_opens_with_it() -> None:
    found = extract(
        "Susquehanna Valley shareholders will receive 0.82 First Keystone share for each share "
        "they hold , valuing them at $ 29.50 each based on Friday 's close .\nFirst Keystone "
        "chairman Robert Hollinger said the deal would add to earnings in its first full year ."
    )
    assert [e.text for e in found if e.label == "ORG" and "Keystone" in e.text] == [
        "First Keystone",
        "First Keystone",
    ]
    # `First` opening a sentence is an adverb unless the article writes it so elsewhere.
    assert _found("First Microsoft cut prices , then Apple followed .").get("Microsoft") == "ORG"


def test_a_name_in_a_capitals_headline_runs_on_as_far_as_the_bodys_name_goes() -> None:
    found = _found(
        "PILBARA NICKEL SHARES SOAR ON DRILLING .\nPERTH 1996-12-10\nShares in Pilbara "
        "Nickel NL jumped 42 percent on Tuesday after the explorer reported high-grade nickel "
        "intersections ."
    )
    assert found.get("PILBARA NICKEL") == "ORG"
    # A nationality opening a headline stands alone.
    found = _found(
        "AUSTRALIAN WHEAT CROP SEEN AT RECORD .\nSYDNEY 1996-12-10\nThe Australian Wheat "
        "Board said the crop would be a record ."
    )
    assert found.get("AUSTRALIAN") == "MISC"


def test_a_surname_in_a_capitals_headline_runs_back_to_the_whole_name_the_body_gives() -> None:
    found = _found(
        "ASTRONOMER CARL SAGAN DIES AT 62 .\nSEATTLE 1996-12-20\nCarl Sagan , the astronomer "
        "who brought the cosmos to television , died on Friday . Sagan was 62 ."
    )
    assert found.get("CARL SAGAN") == "PERSON"
    assert "SAGAN" not in found


def test_a_firm_named_after_its_partners_is_one_organisation() -> None:
    found = _found(
        "Thomas Brennan , an analyst at Keefe , Bruyette & Woods Inc , said the price was "
        "rich , and the law firm Hagen , Stoltz & Barrow filed suit ."
    )
    assert found["Keefe , Bruyette & Woods Inc"] == "ORG"
    assert found["Hagen , Stoltz & Barrow"] == "ORG"
    # A list with `and` is several names; a sentence's adverb is no partner.
    found = _found("Separately , Standard & Poor 's placed the bonds on review .")
    assert "Separately" not in " ".join(found)


def test_a_unions_name_runs_across_and() -> None:
    found = _found(
        "Telstra shares will be sold to the public . The Community and Public Sector Union "
        "said it feared job losses , and the Construction , Forestry , Mining and Energy "
        "Union said the contracts were unfair ."
    )
    assert found["Community and Public Sector Union"] == "ORG"
    assert found["Construction , Forestry , Mining and Energy Union"] == "ORG"


def test_a_title_after_the_kind_of_work_it_names_is_misc() -> None:
    found = _found(
        "The Giller Prize went on Monday to Margaret Atwood 's novel Alias Grace , which "
        "won the prize for fiction ."
    )
    assert found["Alias Grace"] == "MISC"
    assert found["Margaret Atwood"] == "PERSON"


def test_a_big_city_teams_are_named_after_is_a_place_outside_sports_stories() -> None:
    found = _found(
        "SEATTLE 1996-12-30\nA fierce winter storm dumped more than 50 cm ( 20 inches ) of "
        "snow on Seattle and spread freezing rain across much of Washington state and Oregon , "
        "cutting power to more than 300,000 homes , officials said on Monday ."
    )
    assert found["Seattle"] == "PLACE"


def test_a_participle_opening_a_sentence_or_a_list_item_before_a_preposition_is_no_name() -> None:
    found = _found("Born in Glace Bay , Nova Scotia , he moved to Toronto in 1950 .")
    assert "Born" not in found
    assert found["Glace Bay"] == "PLACE"
    found = _found("FACTBOX - KOFI ANNAN\n- Born : April 8 , 1938 , in Kumasi , Ghana .")
    assert "Born" not in found
    # A first name ending as a participle is still a name.
    assert _found("Saeed in Cairo said no .").get("Saeed") == "PERSON"


def test_a_name_in_apposition_to_a_unit_of_a_company_is_an_organisation() -> None:
    found = _found(
        "The thriller Ice Harbour took in an estimated $ 18.2 million in its first weekend to "
        "lead North American ticket sales , distributor Paramount Pictures said on Monday .\n"
        "Paramount , a unit of Viacom Inc , said Ice Harbour had cost about $ 55 million to make ."
    )
    assert found["Paramount"] == "ORG"


def test_a_name_opening_one_companys_full_name_is_that_companys_short_mention() -> None:
    text = (
        "Kettle River Resources Ltd launched a hostile bid for Norquay Gold Mines Ltd .\n"
        "Kettle River , based in Calgary , launched the bid last week .\n"
        "Norquay shares rose , while Kettle River fell 20 cents ."
    )
    labels = {e.label for e in extract(text) if e.text == "Kettle River"}
    assert labels == {"ORG"}
    # A country's or a city's name is no company's short mention.
    found = _found("Hong Kong Telecom Ltd said Hong Kong would gain .")
    assert found["Hong Kong"] == "PLACE"


def test_a_nationality_opening_a_bodys_name_is_part_of_it_but_not_of_a_ministrys() -> None:
    text = "The Canadian Red Cross Society and the French Interior Ministry said on Monday ."
    entities = _mentions(
        text,
        ("Canadian", "MISC"),
        ("Red Cross Society", "ORG"),
        ("French", "MISC"),
        ("Interior Ministry", "ORG"),
    )
    joined = join_nationality_bodies(text, entities)
    assert [(e.text, e.label) for e in joined] == [
        ("Canadian Red Cross Society", "ORG"),
        ("French", "MISC"),
        ("Interior Ministry", "ORG"),
    ]
    found = _found("The Canadian Red Cross Society and several governments have gone to court .")
    assert found == {"Canadian Red Cross Society": "ORG"}


def test_a_law_or_a_chapter_named_by_its_number_is_misc_with_the_number() -> None:
    found = _found("A federal judge blocked California from enforcing Proposition 209 on Monday .")
    assert found["Proposition 209"] == "MISC"
    assert _found("The company filed for Chapter 11 protection .") == {"Chapter 11": "MISC"}


def test_a_name_after_the_settlement_or_county_of_is_a_place() -> None:
    found = _found(
        "Gunmen shot dead two Israelis near the settlement of Beit El , security officials "
        "said on Monday ."
    )
    assert found["Beit El"] == "PLACE"


def test_a_name_after_utility_is_a_company() -> None:
    found = _found(
        "Canadian utility Ontario Hydro on Tuesday launched a C$ 500 million bond due 2006 ."
    )
    assert found["Ontario Hydro"] == "ORG"


def test_an_arabic_name_runs_across_bin_as_one_persons_name() -> None:
    found = _found(
        "Qatari Foreign Minister Sheikh Hamad bin Jassim bin Jabr al-Thani said the door was "
        "open , and Bahrain was represented by a junior minister , Khalid bin Ahmed al-Mahmood ."
    )
    assert found["Hamad bin Jassim bin Jabr al-Thani"] == "PERSON"
    assert found["Khalid bin Ahmed al-Mahmood"] == "PERSON"


def test_a_country_after_a_grounds_colon_is_its_national_side_a_place() -> None:
    found = _found(
        "SOCCER - AFRICAN NATIONS CUP QUALIFIERS .\nJOHANNESBURG 1996-12-15\nResults of "
        "African Nations Cup qualifying matches on Sunday :\nIn Lusaka : Zambia 3 Malawi 0\n"
        "In Harare : Zimbabwe 0 South Africa 1"
    )
    assert found["Zambia"] == found["Zimbabwe"] == "PLACE"


def test_a_city_a_player_scored_for_in_a_sports_story_is_the_team() -> None:
    text = (
        "BASKETBALL - BULLS BEAT CELTICS .\nCHICAGO 1996-12-22\nToni Kukoc came off the "
        "bench to score 12 for Chicago and Antoine Walker scored 22 for Boston .\nIn Boston , "
        "fans booed ."
    )
    found = extract(text)
    labels = [(e.text, e.label) for e in found if e.text in ("Chicago", "Boston")]
    assert labels == [("Chicago", "ORG"), ("Boston", "ORG"), ("Boston", "PLACE")]


def test_a_name_before_a_minute_in_brackets_after_a_score_is_the_scorer() -> None:
    found = _found(
        "SOCCER - SCOTTISH PREMIER DIVISION RESULTS .\nGLASGOW 1996-12-14\n"
        "Celtic 4 ( Cadete 12 , 56 , Di Canio 31 , Thom 80 ) Dunfermline 1 ( Smith 65 )\n"
        "Kilmarnock 1 ( McIntyre 44 ) Aberdeen 1 ( Windass 70 )"
    )
    assert found["Cadete"] == found["McIntyre"] == "PERSON"
    assert found["Celtic"] == found["Kilmarnock"] == "ORG"


def test_a_name_after_a_scorecards_c_b_or_st_is_a_player() -> None:
    found = _found(
        "CRICKET - SOUTH AFRICA V INDIA SCOREBOARD .\nDURBAN 1996-12-27\nSouth Africa first "
        "innings\nL. Klusener c Laxman b Prasad 12\nA. McMillan st Mongia b Kumble 30"
    )
    assert found["Laxman"] == found["Prasad"] == found["Mongia"] == "PERSON"


def test_a_figure_after_a_player_in_a_sports_story_is_a_count_not_a_version() -> None:
    found = _found(
        "CYCLING - GROENENDAAL WINS CYCLO-CROSS IN LOENHOUT .\nDutchman Richard Groenendaal "
        "won a World Cup cyclo-cross race on Friday , beating compatriot Adri van der Poel in "
        "a sprint on a muddy course .\nWorld Cup standings : 1. Groenendaal 210 points , 2. "
        "Van der Poel 188 , 3. Pontoni 160"
    )
    assert found.get("Groenendaal") == "PERSON"
    assert "Groenendaal 210" not in found


def test_an_institutions_head_before_of_and_a_name_joins_it() -> None:
    found = _found(
        "SARAJEVO - Office of the High Representative briefs on Brcko arbitration - Dec 30 ."
    )
    assert found.get("Office of the High Representative") == "ORG"
    found = _found(
        "University of Pennsylvania researchers on Thursday said a gene therapy worked ."
    )
    assert found["University of Pennsylvania"] == "ORG"


def test_a_press_digests_mastheads_over_prose_or_with_a_number_are_newspapers() -> None:
    found = _found(
        "PRESS DIGEST - Indonesia - Dec 5 .\nJAKARTA 1996-12-05\n"
        "These are some of the leading stories in the Jakarta press on Thursday .\n"
        "SUARA KARYA\nPolice arrested three men over the riot in Tasikmalaya .\n"
        "HARIAN TERBIT\nThe central bank will cut its key rate , bankers said .\n"
        "FRONT PAGE\n- Rupiah steady ."
    )
    assert found.get("SUARA KARYA") == found.get("HARIAN TERBIT") == "ORG"
    assert "FRONT PAGE" not in found
    found = _found(
        "PRESS DIGEST - Spain - Dec 5 .\nMADRID 1996-12-05\nDIARIO 16\n"
        "- Judge summons minister over wiretaps ."
    )
    assert found.get("DIARIO 16") == "ORG"


def test_a_city_the_tagger_learnt_as_a_team_is_a_place_in_news_prose() -> None:
    found = _found("Eyewitnesses told Boston television stations they saw the men flee .")
    assert found["Boston"] == "PLACE"
    found = _found(
        "Joel Naroff of First Union bank in Philadelphia said consumer spending was weak ."
    )
    assert found["Philadelphia"] == "PLACE"
    assert found["First Union"] == "ORG"


def test_the_words_an_acronym_in_brackets_spells_out_are_one_name_of_its_kind() -> None:
    found = _found(
        "The Chicago Board Options Exchange ( CBOE ) said on Tuesday it would list options on "
        "the index .\nThe Front for the Restoration and Defence of Democracy ( FRDD ) said its "
        "fighters had taken the town ."
    )
    assert found.get("Chicago Board Options Exchange") == found["CBOE"] == "ORG"
    assert found.get("Front for the Restoration and Defence of Democracy") == "ORG"
    found = _found("Huang praised Tesla’s Full Self-Driving (FSD) system.")
    assert found["Full Self-Driving"] == found["FSD"] == "PRODUCT"


def test_each_team_of_a_result_line_is_one_organisation_whatever_the_tagger_split() -> None:
    found = _found(
        "BASKETBALL - NBA RESULTS .\nNEW YORK 1996-12-05\nResults of National Basketball "
        "Association games on Wednesday ( home team in CAPS ) :\nCHICAGO BULLS 108 Vancouver "
        "Grizzlies 89\nHOUSTON ROCKETS 104 Sacramento Kings 96\nCHARLOTTE HORNETS 112 "
        "Philadelphia 76ers 101"
    )
    assert found.get("CHICAGO BULLS") == found.get("Vancouver Grizzlies") == "ORG"
    assert found.get("HOUSTON ROCKETS") == found.get("Philadelphia 76ers") == "ORG"
    found = _found(
        "SOCCER - BELGIAN FIRST DIVISION RESULTS .\nBRUSSELS 1996-12-07\nResults of Belgian "
        "first division matches on Saturday :\nLierse 3 Sporting Charleroi 1\nGerminal Ekeren 0 "
        "Club Brugge 2\nKV Mechelen 2 Beveren 1"
    )
    assert found.get("Germinal Ekeren") == found.get("KV Mechelen") == "ORG"


def test_a_family_name_before_a_hyphenated_given_name_is_one_persons() -> None:
    found = _found(
        "TUNG FAVOURITE AS HONG KONG PREPARES TO PICK LEADER .\nHONG KONG 1996-12-08\n"
        "Shipping magnate Tung Chee-hwa is widely expected to be chosen on Wednesday .\n"
        "Tung faces former chief justice Yang Ti-liang in the vote .\n"
        "The Hong Kong-based firm said One-year rates rose ."
    )
    assert found.get("Tung Chee-hwa") == found.get("Yang Ti-liang") == "PERSON"
    assert found["Tung"] == found["TUNG"] == "PERSON"
    assert "One-year" not in found or found["One-year"] != "PERSON"


def test_a_side_after_a_grounds_colon_is_a_team_whatever_the_tagger_guessed() -> None:
    found = _found(
        "CRICKET - RANJI TROPHY SCORES .\nNEW DELHI 1996-12-06\nClose of play scores in "
        "Ranji Trophy matches on Friday :\nAt Delhi : Haryana 233 ( A. Jadeja 88 ) and 12-0 ."
    )
    assert found.get("Haryana") == "ORG"


def test_territories_news_names_as_countries_are_places() -> None:
    found = _found(
        "The military commander in East Timor , Colonel Mahidin Simbolon , said troops were "
        "on alert .\nThe Polisario front fights for Western Sahara ."
    )
    assert found["East Timor"] == found.get("Western Sahara") == "PLACE"


def test_a_name_a_trader_or_an_analyst_works_with_is_an_organisation() -> None:
    found = _found('" Prices will fall , " said Tom Pryce , a trader with Rudolf Wolff .')
    assert found["Rudolf Wolff"] == "ORG"
    assert found["Tom Pryce"] == "PERSON"


def test_a_name_an_executive_is_replaced_with_is_a_person() -> None:
    found = _found("Nestlé replaced its chief executive with Laurent Freixe after slowing sales.")
    assert found["Laurent Freixe"] == "PERSON"


def test_a_headline_mention_added_from_the_body_runs_on_to_the_longer_name() -> None:
    found = _found(
        "MAPLECREST FOODS Q4 PROFIT RISES 22 PCT .\nTORONTO 1996-12-05\nFourth quarter ended "
        "October 31\nShr 0.41 vs 0.34\nNet 18.6 vs 15.2\nMaplecrest Foods Inc said higher "
        "sales lifted earnings .\nMaplecrest shares rose 35 cents ."
    )
    assert found.get("MAPLECREST FOODS") == "ORG"


def test_a_side_before_its_score_and_figures_in_a_cricket_story_is_a_team() -> None:
    found = _found(
        "CRICKET - RANJI TROPHY SCORES .\nNEW DELHI 1996-12-06\nClose of play scores in "
        "Ranji Trophy matches on Friday :\nAt Delhi : Haryana 233 ( A. Jadeja 88 ) and 12-0 .\n"
        "Delhi 290 ( A. Sharma 102 ; K. Venkatapathi Raju "
        "6-39 ) v Hyderabad 98-3 ( N. David 40 )\nWest Indies 247 ( C. Hooper 60 ) v "
        "Australia 30-1 ."
    )
    assert found.get("Delhi") == found.get("Hyderabad") == "ORG"
    assert found.get("Australia") == "PLACE"
    assert found.get("West Indies") != "ORG"


def test_a_dollars_country_prefix_set_apart_is_misc_and_the_sum_stays_money() -> None:
    text = (
        "Newcrest posted a A$ 4.3 million profit , and shares rose to A$ 6.39 .\n"
        "( in millions of HK$ unless stated )\nApple paid US$1.2 trillion ."
    )
    found = {(e.text, e.label, e.key) for e in extract(text)}
    assert ("A$", "MISC", "a$") in found
    assert ("4.3 million", "MONEY", "4.3 million") in found
    assert ("HK$", "MISC", "hk$") in found
    # Written as one word with the sum, as running text writes it, it is one sum of money.
    assert ("US$1.2 trillion", "MONEY", "us$1.2 trillion") in found


def test_a_result_line_with_the_home_sides_scorers_in_brackets_names_two_teams() -> None:
    found = _found(
        "SOCCER - ARGENTINE CHAMPIONSHIP RESULTS .\nBUENOS AIRES 1996-12-15\nFrancescoli "
        "scored twice as River Plate beat Lanus 3-1 on Sunday to stay top .\nResults of "
        "Argentine first division matches on Sunday :\nRiver Plate 3 ( Francescoli 70 , "
        "Gallardo 51 ) Lanus 1 ( Ibagaza 60 )\nHuracan 0 Velez Sarsfield 1 ( Camps 44 )"
    )
    assert found.get("Lanus") == found.get("River Plate") == "ORG"
    assert found.get("Ibagaza") == found.get("Gallardo") == "PERSON"


def test_a_name_in_a_capitals_headline_ends_before_the_headlines_verb() -> None:
    found = _found(
        "MILAN SHARES EASE ON PROFIT-TAKING , OLIVETTI SLIDES .\nMILAN 1996-12-11\nItalian "
        "shares eased , with computer group Olivetti falling more than five percent ."
    )
    assert found.get("OLIVETTI") == found.get("Olivetti") == "ORG"
    assert "OLIVETTI SLIDES" not in found
    found = _found(
        "NFL AMERICAN FOOTBALL-QUARTERBACK DORSEY RETIRES .\nPHILADELPHIA 1996-12-10\n"
        "Quarterback Tim Dorsey retired on Tuesday ."
    )
    assert found.get("DORSEY") == "PERSON"


def test_a_capped_player_is_a_person_and_a_players_team_an_organisation() -> None:
    found = _found(
        "Canada led 2-0 after Paul Kariya set up the third for Swiss international Reto "
        "von Arx .\nTwo goals from Alfonseca , while Celta Vigo 's Russian playmaker "
        "Alexander Mostovoi scored once ."
    )
    assert found.get("Reto von Arx") == "PERSON"
    assert found.get("Celta Vigo") == "ORG"


def test_a_company_named_for_two_trades_runs_across_and() -> None:
    found = _found(
        "Pohang Iron and Steel Co , the world 's second largest steelmaker , rose 500 won .\n"
        '" Demand is weak , " said Kim Sung-hoon , an analyst at Ssangyong Investment and '
        "Securities ."
    )
    assert found.get("Pohang Iron and Steel Co") == "ORG"
    assert found.get("Ssangyong Investment and Securities") == "ORG"


def test_a_name_before_a_kind_of_place_is_a_place() -> None:
    found = _found(
        "Militants killed five villagers in the Minya and Assiut provinces between 1994 and "
        "1996 .\nThe army killed 11 rebels in the Medea region south of Algiers .\nApple and "
        "Google town hall meetings drew crowds ."
    )
    assert found.get("Minya") == found.get("Assiut") == found.get("Medea") == "PLACE"
    assert found.get("Apple") == "ORG"


def test_a_place_before_a_role_and_a_name_in_a_sports_story_is_the_team() -> None:
    found = _found(
        "AMERICAN FOOTBALL - COWBOYS BEAT PATRIOTS .\nIRVING , Texas 1996-12-15\n"
        '" We had to take it , " said Dallas coach Barry Switzer .\nWest Indies captain '
        "Courtney Walsh was not there ."
    )
    assert found.get("Dallas") == "ORG"
    assert found.get("Barry Switzer") == "PERSON"
    assert found.get("West Indies") != "ORG"
