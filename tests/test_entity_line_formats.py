"""Standings rows open with teams, datelines with places and press digests' stories with their
newspapers, whatever else the article says."""

from __future__ import annotations

from newsread.entities import extract
from newsread.entities.line_formats import by_line_format
from newsread.model import Entity


def _labels(text: str) -> dict[str, str]:
    return {entity.text: entity.label for entity in extract(text)}


_TABLE = (
    "BASEBALL - MAJOR LEAGUE STANDINGS AFTER WEDNESDAY 'S GAMES .\n"
    "EASTERN DIVISION\n"
    "W L PCT GB\n"
    "NEW YORK 74 59 .556 -\n"
    "DETROIT 47 86 .353 27 1/2\n"
    "THURSDAY 'S GAMES\n"
    "NEW YORK AT DETROIT\n"
)


def test_a_city_opening_a_standings_row_is_its_team() -> None:
    rows = [e for e in extract(_TABLE) if e.text in ("NEW YORK", "DETROIT")]
    opening = {e.text: e.label for e in rows if _TABLE[e.start - 1] == "\n" and e.end < 120}
    assert opening == {"NEW YORK": "ORG", "DETROIT": "ORG"}


def test_a_fixture_line_names_the_visitors_and_the_home_city() -> None:
    rows = [(e.text, e.label) for e in extract(_TABLE) if _TABLE.rfind("\n", 0, e.start) > 120]
    assert rows == [("NEW YORK", "ORG"), ("DETROIT", "PLACE")]
    text = "SAN DIEGO AT NEW YORK\nKANSAS CITY AT DETROIT\n"
    as_the_table_has_them = [
        Entity(0, 9, "ORG", "SAN DIEGO", "san diego"),
        Entity(13, 21, "ORG", "NEW YORK", "new york"),
        Entity(22, 33, "PLACE", "KANSAS CITY", "kansas city"),
        Entity(37, 44, "PLACE", "DETROIT", "detroit"),
    ]
    fixed = by_line_format(text, as_the_table_has_them)
    assert [e.label for e in fixed] == ["ORG", "PLACE", "ORG", "PLACE"]
    text = "CINCINNATI AT FLORIDA ( doubleheader )\n"
    teams = [
        Entity(0, 10, "ORG", "CINCINNATI", "cincinnati"),
        Entity(14, 21, "ORG", "FLORIDA", "florida"),
    ]
    assert [e.label for e in by_line_format(text, teams)] == ["ORG", "PLACE"]


def test_only_two_names_in_capitals_either_side_of_at_make_a_fixture() -> None:
    text = "FIRE AT PLANT KILLS 3 WORKERS\nSeattle at Detroit\n"
    entities = [
        Entity(0, 4, "ORG", "FIRE", "fire"),
        Entity(30, 37, "ORG", "Seattle", "seattle"),
        Entity(41, 48, "ORG", "Detroit", "detroit"),
    ]
    assert by_line_format(text, entities) == entities


def test_only_names_opening_a_row_of_wins_losses_and_a_percentage_change() -> None:
    text = "Detroit 47 86 .353\nHe flew to Detroit 47 times.\nDetroit 4 2 1 0"
    entities = [
        Entity(0, 7, "PLACE", "Detroit", "detroit"),
        Entity(30, 37, "PLACE", "Detroit", "detroit"),
        Entity(48, 55, "PLACE", "Detroit", "detroit"),
    ]
    assert [e.label for e in by_line_format(text, entities)] == ["ORG", "PLACE", "PLACE"]


def test_a_city_opening_a_dateline_is_a_place_though_its_team_plays_below() -> None:
    text = "NEW YORK 1996-08-30\nNEW YORK 74 59 .556 -\nBOSTON 69 65 .515 6\n"
    found = [(e.text, e.label) for e in extract(text) if e.text == "NEW YORK"]
    assert found == [("NEW YORK", "PLACE"), ("NEW YORK", "ORG")]
    text = "KYIV, Aug 12 (Reuters) - Officials said the talks would resume."
    assert [(e.text, e.label) for e in extract(text)][:1] == [("KYIV", "PLACE")]
    text = "RICHMOND , Va .\n1996-08-22\nBest Products Co said on Thursday it would close.\n"
    richmond = Entity(0, 8, "ORG", "RICHMOND", "richmond")
    assert [e.label for e in by_line_format(text, [richmond])] == ["PLACE"]


def test_a_name_opening_a_line_of_scores_after_a_colon_is_the_venue() -> None:
    entities = [Entity(0, 12, "ORG", "Chesterfield", "chesterfield")]
    text = "Chesterfield : Worcestershire 238 ( W. Weston 100 not out )"
    assert [e.label for e in by_line_format(text, entities)] == ["PLACE"]
    entities = [Entity(3, 15, "ORG", "Chesterfield", "chesterfield")]
    found = by_line_format("At " + text, entities)
    # The side after the ground is a team, found by the tagger or not.
    assert [(e.text, e.label) for e in found] == [
        ("Chesterfield", "PLACE"),
        ("Worcestershire", "ORG"),
    ]
    # Not a heading before a colon and prose.
    entities = [Entity(0, 12, "ORG", "Chesterfield", "chesterfield")]
    text = "Chesterfield : the club said it would appeal."
    assert [e.label for e in by_line_format(text, entities)] == ["ORG"]


def test_both_teams_of_a_match_result_line_are_organisations() -> None:
    text = (
        "English rugby union first division results on Saturday :\n"
        "Bath 56 Sale 31\n"
        "Wasps 33 Saracens 25\n"
    )
    labels = _labels(text)
    for team in ("Bath", "Sale", "Wasps", "Saracens"):
        assert labels.get(team) == "ORG", team


def test_a_result_between_two_countries_keeps_them_places() -> None:
    text = "African Nations Cup qualifying results on Sunday :\nEthiopia 1 Uganda 1\n"
    labels = _labels(text)
    assert labels.get("Ethiopia") == "PLACE"
    assert labels.get("Uganda") == "PLACE"


def test_a_line_of_results_opened_with_in_or_at_names_its_venue() -> None:
    text = (
        "European Cup Winners' Cup first round , first leg results :\n"
        "In Bergen : Brann ( Norway ) 2 Shelbourne ( Ireland ) 1\n"
        "In Siauliai : Kareda Siauliai ( Lithuania ) 0 Sion ( Switzerland ) 0\n"
    )
    labels = _labels(text)
    assert labels.get("Bergen") == "PLACE"
    assert labels.get("Siauliai") == "PLACE"


_DIGEST = (
    "PRESS DIGEST - Pakistan - August 29 .\n"
    "These are the leading stories in the Pakistani press on Thursday .\n"
    "MORNING STAR\n"
    "- The government is to sell its stake in a cement maker .\n"
    "EVENING BEACON\n"
    "- Gas prices may rise by 10 percent from October .\n"
)


def test_a_press_digest_names_each_newspaper_over_its_stories() -> None:
    found = _labels(_DIGEST)
    assert found.get("MORNING STAR") == "ORG"
    assert found.get("EVENING BEACON") == "ORG"
    assert "Pakistani" in found


def test_capitals_over_a_dashed_list_outside_a_press_digest_are_no_newspaper() -> None:
    text = "Quarterly results.\nKEY POINTS\n- Sales rose 4 percent .\n- Costs fell .\n"
    assert "KEY POINTS" not in {e.text for e in extract(text)}
    masthead = Entity(0, 3, "PLACE", "IRAQ", "iraq")
    assert by_line_format("IRAQ\n- Oil sales resume .\n", [masthead]) == [masthead]


def test_a_club_takes_in_its_towns_initials_in_a_results_table() -> None:
    text = "Hajduk 2 Proleter ( Z ) 0\nMladost (BJ) 4 0 1 3 2 9\n"
    entities = [
        Entity(0, 6, "ORG", "Hajduk", "hajduk"),
        Entity(9, 17, "ORG", "Proleter", "proleter"),
        Entity(20, 21, "ORG", "Z", "z"),
        Entity(26, 33, "ORG", "Mladost", "mladost"),
    ]
    found = [(e.text, e.label) for e in by_line_format(text, entities)]
    assert found == [("Hajduk", "ORG"), ("Proleter ( Z )", "ORG"), ("Mladost (BJ)", "ORG")]


def test_initials_in_parentheses_in_prose_stay_outside_the_name() -> None:
    text = "The conservative Popular Party (PP) came to power."
    party = Entity(17, 30, "ORG", "Popular Party", "popular party")
    assert by_line_format(text, [party]) == [party]


def test_a_name_in_parentheses_after_a_person_is_no_miscellany() -> None:
    text = "Murat Yakin ( Grasshoppers ) , Ciriaco Sforza (Inter Milan)\nthe euro ( Euro ) rose"
    entities = [
        Entity(0, 11, "PERSON", "Murat Yakin", "murat yakin"),
        Entity(14, 26, "MISC", "Grasshoppers", "grasshoppers"),
        Entity(31, 45, "PERSON", "Ciriaco Sforza", "ciriaco sforza"),
        Entity(47, 58, "ORG", "Inter Milan", "inter milan"),
        Entity(71, 75, "MISC", "Euro", "euro"),
    ]
    labels = [e.label for e in by_line_format(text, entities)]
    assert labels == ["PERSON", "ORG", "PERSON", "ORG", "MISC"]


def test_a_name_before_its_country_and_a_rival_is_a_club_in_every_mention() -> None:
    text = (
        "In Skopje : Sloga Jugomagnat ( Macedonia ) 0 Kispest Honved ( Hungary ) 1\n"
        "Kispest Honved win 2-0 on aggregate .\n"
        "Lyngby ( Denmark ) v Club Brugge ( Belgium )\n"
        "1 - Pete Sampras ( U.S. ) vs. Adrian Voinea ( Romania )\n"
        "Ernie Els ( South Africa ) 68 70\n"
    )
    names = ["Sloga Jugomagnat", "Kispest Honved", "Lyngby", "Pete Sampras", "Ernie Els"]
    entities = []
    for name in names:
        start = text.index(name)
        entities.append(Entity(start, start + len(name), "PERSON", name, name.casefold()))
        country = text.index("(", start) + 2
        country_end = text.index(" )", country)
        place = text[country:country_end]
        entities.append(Entity(country, country_end, "PLACE", place, place.casefold()))
    again = text.index("Kispest Honved win")
    entities.append(Entity(again, again + 14, "PERSON", "Kispest Honved", "kispest honved"))
    entities.sort(key=lambda e: e.start)
    labels = {(e.start, e.text): e.label for e in by_line_format(text, entities)}
    assert [labels[(e.start, e.text)] for e in entities if e.label == "PERSON"] == [
        "ORG",
        "ORG",
        "ORG",
        "ORG",
        "PERSON",
        "PERSON",
    ]


def test_the_sport_heading_a_headline_is_no_name() -> None:
    text = "GOLF - PARNEVIK TAKES ONE-SHOT LEAD AT GREATER MILWAUKEE OPEN .\n"
    golf = Entity(0, 4, "PLACE", "GOLF", "golf")
    parnevik = Entity(7, 15, "PERSON", "PARNEVIK", "parnevik")
    assert by_line_format(text, [golf, parnevik]) == [parnevik]
    bosnia = Entity(0, 6, "PLACE", "BOSNIA", "bosnia")
    assert by_line_format("BOSNIA - VOTE DELAYED .\n", [bosnia]) == [bosnia]


def test_the_rival_a_result_names_after_a_club_is_a_club_found_or_not() -> None:
    text = "In Chorzow : Ruch Chorzow ( Poland ) 5 Llansantffraid ( Wales ) 0\n"
    entities = [
        Entity(3, 10, "PLACE", "Chorzow", "chorzow"),
        Entity(13, 25, "ORG", "Ruch Chorzow", "ruch chorzow"),
        Entity(28, 34, "PLACE", "Poland", "poland"),
        Entity(56, 61, "PLACE", "Wales", "wales"),
    ]
    found = [(e.text, e.label) for e in by_line_format(text, entities)]
    assert ("Llansantffraid", "ORG") in found
    assert ("Wales", "PLACE") in found


def test_a_players_country_the_tagger_missed_in_a_draw_is_a_place() -> None:
    text = "Mark Knowles ( Bahamas ) vs. Marcelo Filippini ( Uruguay )\nJane Roe (Acme) said so"
    entities = [
        Entity(0, 12, "PERSON", "Mark Knowles", "mark knowles"),
        Entity(29, 46, "PERSON", "Marcelo Filippini", "marcelo filippini"),
        Entity(59, 67, "PERSON", "Jane Roe", "jane roe"),
    ]
    found = [(e.text, e.label) for e in by_line_format(text, entities)]
    assert ("Bahamas", "PLACE") in found
    assert ("Uruguay", "PLACE") in found
    assert "Acme" not in {name for name, _ in found}


def test_a_name_in_brackets_between_a_club_and_a_score_is_its_country() -> None:
    text = "Nyva Vinnytsya ( Ukraine ) 1 Tallinna Sadam ( Estonia ) 0\nAcme (Rival) rose 5%\n"
    entities = [
        Entity(0, 14, "ORG", "Nyva Vinnytsya", "nyva vinnytsya"),
        Entity(17, 24, "PLACE", "Ukraine", "ukraine"),
        Entity(29, 43, "ORG", "Tallinna Sadam", "tallinna sadam"),
        Entity(46, 53, "ORG", "Estonia", "estonia"),
        Entity(58, 62, "ORG", "Acme", "acme"),
        Entity(64, 69, "ORG", "Rival", "rival"),
    ]
    labels = {e.text: e.label for e in by_line_format(text, entities)}
    assert labels["Estonia"] == "PLACE"
    assert labels["Rival"] == "ORG"


def test_a_ground_opening_a_line_of_cricket_scores_is_a_place_found_or_not() -> None:
    text = (
        "Tunbridge Wells : Nottinghamshire 40-3 v Kent\n"
        "Scores : England 326 ; Pakistan 521-8 declared .\n"
        "Third : September 12 , at the Oval\n"
    )
    found = [(e.text, e.label) for e in by_line_format(text, [])]
    assert found == [("Tunbridge Wells", "PLACE")]


def test_a_results_diary_line_names_a_company_after_the_day() -> None:
    text = "MON Gencor YR EPS 93.12 92.0-94.5 73.8\nTHU JD Group YR DIV 41.8 41.0-42.5 33.0\n"
    entities = [
        Entity(0, 10, "PERSON", "MON Gencor", "mon gencor"),
        Entity(43, 58, "MISC", "JD Group YR DIV", "jd group yr div"),
    ]
    found = [(e.text, e.label) for e in by_line_format(text, entities)]
    assert found == [("Gencor", "ORG"), ("JD Group", "ORG")]
