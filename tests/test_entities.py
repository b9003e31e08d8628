"""Entity extraction: the contract, the number patterns, the names, and its speed."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

import pytest

from newsread.entities import extract, extract_titled
from newsread.ingest.text import parse_text
from newsread.model import ENTITY_LABELS, Entity
from newsread.seeds import seed_files

# --- helpers -----------------------------------------------------------------------------


def check_contract(text: str) -> list[Entity]:
    """Extract and assert everything the contract promises about the result."""
    entities = extract(text)
    previous_end = 0
    for entity in entities:
        assert entity.label in ENTITY_LABELS
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
        assert entity.start >= previous_end, f"overlap or disorder at {entity}"
        assert "\n" not in entity.text
        assert entity.text == entity.text.strip()
        previous_end = entity.end
    return entities


def found(text: str) -> set[tuple[str, str]]:
    """The (text, label) pairs extracted from `text`."""
    return {(entity.text, entity.label) for entity in check_contract(text)}


def labels_of(text: str) -> dict[str, set[str]]:
    """Every label each extracted string received."""
    labels: dict[str, set[str]] = {}
    for entity in check_contract(text):
        labels.setdefault(entity.text, set()).add(entity.label)
    return labels


def first_words(text: str) -> set[str]:
    """The first word of every extracted entity."""
    return {entity.text.split()[0] for entity in check_contract(text)}


def seed_bodies() -> list[str]:
    bodies = [article.body for path in seed_files() for article in parse_text(path.read_text())]
    assert len(bodies) == 5
    return bodies


# --- the contract ------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "\n\n\n",
    "...",
    "!?!?;:,",
    "[/bold]",
    "[bold red]Acme Corp[/] said",
    "**",
    "__init__",
    "\\",
    "## ",
    "# Acme\n## Zenith",
    "- \n* \n1. ",
    "```\nAcme Corp shipped 5 GB\n```",
    "😀 Acme Corp 😀 said on Monday 😀",
    "𝕏 𝕏 𝕏 and the 𝕏 platform",
    "Ａｃｍｅ",
    "北京 and Αθήνα and İstanbul",
    "O’Brien’s",
    "’s 's ' ’",
    "“”‘’«»",
    "( A ) [ B ] { C }",
    "AT&T Q&A R&D",
    "&amp; &#38; &lt;b&gt;",
    "\x1b[31mAcme\x1b[0m said",
    "Acme\u200bCorp",
    "$ % € 2026- -2026 $$5 5%% 5%5",
    "a" * 20_000,
    "Word " * 5_000,
    "**a " * 5_000,
    "[a](" * 2_000,
    "@a_" * 1_000,
    "Mr. " * 1_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_contract_holds_on_hostile_text(text: str) -> None:
    check_contract(text)


def test_contract_holds_on_the_seed_files_and_bodies() -> None:
    for path in seed_files():
        assert check_contract(path.read_text())
    for body in seed_bodies():
        assert check_contract(body)


def test_contract_holds_on_shuffled_seed_words_with_markup() -> None:
    words = "\n".join(path.read_text() for path in seed_files()).split()
    markup = ["**", "_", "[", "](https://example.com/A_B)", "\\", "\n", "\n## ", "`", "#", "*"]
    chooser = random.Random(2026)
    for _ in range(300):
        text = " ".join(chooser.choice(words) for _ in range(chooser.randint(0, 80)))
        for mark in markup:
            if chooser.random() < 0.4:
                where = chooser.randint(0, len(text))
                text = text[:where] + mark + text[where:]
        for entity in check_contract(text):
            assert not set("*[]`\\#") & set(entity.text), (entity, text)


# --- number-shaped entities --------------------------------------------------------------

PATTERN_CASES = [
    ("The round raised $20 billion.", "$20 billion", "MONEY"),
    ("It closed a $20B round.", "$20B", "MONEY"),
    ("A target of $15 billion.", "$15 billion", "MONEY"),
    ("Revenue was €3.5m last quarter.", "€3.5m", "MONEY"),
    ("Tickets cost £200 each.", "£200", "MONEY"),
    ("Debt reached US$1.2 trillion.", "US$1.2 trillion", "MONEY"),
    ("They paid 20 million dollars.", "20 million dollars", "MONEY"),
    ("A coffee is 5 euros.", "5 euros", "MONEY"),
    ("The fine was $1,700.", "$1,700", "MONEY"),
    ("The deal is worth C$3.5 billion.", "C$3.5 billion", "MONEY"),
    ("It will get to 99% quickly.", "99%", "PERCENT"),
    ("It is 100% state-of-the-art.", "100%", "PERCENT"),
    ("Prices rose 12.5 percent.", "12.5 percent", "PERCENT"),
    ("Shares fell 3 per cent.", "3 per cent", "PERCENT"),
    ("Five 380 MW turbines.", "380 MW", "QUANTITY"),
    ("It released 1,700 hours of data.", "1,700 hours", "QUANTITY"),
    ("It is 28 feet long.", "28 feet", "QUANTITY"),
    ("In another 10 years’ time.", "10 years", "QUANTITY"),
    ("A 5 km run.", "5 km", "QUANTITY"),
    ("A 3.2 GHz core.", "3.2 GHz", "QUANTITY"),
    ("It carries 40 tons.", "40 tons", "QUANTITY"),
    ("It was shown at the fair in 2026.", "2026", "DATE"),
    ("The concept was unveiled back in 2017.", "2017", "DATE"),
    ("The status of the plant in the year 2025 was unclear.", "2025", "DATE"),
    ("The company said in December that it agreed.", "December", "DATE"),
    ("It announced last October that it signed.", "last October", "DATE"),
    ("Last September, the founder spoke.", "Last September", "DATE"),
    ("We will know by next September.", "next September", "DATE"),
    ("It ships on January 5, 2026.", "January 5, 2026", "DATE"),
    ("It ships on 5 January 2026.", "5 January 2026", "DATE"),
    ("It ships on 2026-01-05.", "2026-01-05", "DATE"),
    ("The board met on Monday.", "Monday", "DATE"),
    ("Results came out yesterday.", "yesterday", "DATE"),
    ("Cars on the road today.", "today", "DATE"),
    ("A vote is due this week.", "this week", "DATE"),
    ("Sales fell last year.", "last year", "DATE"),
    ("The plant opened two years ago.", "two years ago", "DATE"),
]


@pytest.mark.parametrize(("text", "span", "label"), PATTERN_CASES)
def test_number_shaped_entities(text: str, span: str, label: str) -> None:
    assert (span, label) in found(text)


def test_two_years_joined_by_and_are_two_dates() -> None:
    dates = [e.text for e in extract("Budgets for 2025 and 2026 were cut.") if e.label == "DATE"]
    assert dates == ["2025", "2026"]


@pytest.mark.parametrize(
    "text",
    [
        "Zed 5 is in training.",
        "It powers a 600,000+ GB200 NVL72 cluster.",
        "Over 1 million H100 GPU equivalents.",
        "The A320 and the 737 compete.",
    ],
)
def test_numbers_inside_product_names_are_neither_quantities_nor_dates(text: str) -> None:
    assert not {e.label for e in extract(text)} & {"QUANTITY", "DATE", "PERCENT", "MONEY"}


def test_may_alone_is_a_month_only_in_a_date_context() -> None:
    assert ("May", "DATE") in found("The vote happens in May.")
    assert ("May 31", "DATE") in found("The final is on May 31.")
    assert not [e for e in extract("Shares may fall. May we ask?") if e.label == "DATE"]


# --- the sample articles -----------------------------------------------------------------

SAMPLE_EXPECTED = [
    ("Elon Musk", "PERSON"),
    ("Jensen Huang", "PERSON"),
    ("Musk", "PERSON"),
    ("Huang", "PERSON"),
    ("Tesla", "ORG"),
    ("Nvidia", "ORG"),
    ("NVIDIA", "ORG"),
    ("xAI", "ORG"),
    ("SpaceX", "ORG"),
    ("NASA", "ORG"),
    ("Waymo", "ORG"),
    ("Cruise", "ORG"),
    ("Doosan Enerbility", "ORG"),
    ("Cisco Investments", "ORG"),
    ("Valor Equity Partners", "ORG"),
    ("Fidelity Management & Research Company", "ORG"),
    ("Alpamayo", "PRODUCT"),
    ("FSD", "PRODUCT"),
    ("Full Self-Driving", "PRODUCT"),
    ("Cybertruck", "PRODUCT"),
    ("Grok 5", "PRODUCT"),
    ("Mars", "PLACE"),
    ("South Korea", "PLACE"),
    ("Memphis", "PLACE"),
    ("CES", "EVENT"),
    ("Consumer Electronics Show", "EVENT"),
    ("$20 billion", "MONEY"),
    ("$15 billion", "MONEY"),
    ("99%", "PERCENT"),
    ("100%", "PERCENT"),
    ("380 MW", "QUANTITY"),
    ("1,700 hours", "QUANTITY"),
    ("28 feet", "QUANTITY"),
    ("2026", "DATE"),
    ("2017", "DATE"),
    ("last October", "DATE"),
    ("December", "DATE"),
    ("Last September", "DATE"),
    ("Series E", "MISC"),
    ("@SemiAnalysis_", "MISC"),
    ("Hugging Face", "ORG"),
    ("Blade Runner", "MISC"),
    ("Teslas", "PRODUCT"),
    ("Colossus I", "PRODUCT"),
    # The social network, proven by `social media platform X`; its logo `𝕏` is the same name.
    ("X", "ORG"),
    ("𝕏", "ORG"),
]

SAMPLE_NEVER_FIRST_WORD = [
    "Considering",
    "Quite",
    "Thus",
    "Rather",
    "This",
    "Things",
    "Inasmuch",
    "Even",
    "Such",
    "Performance",
    "Payloads",
    "Market",
    "Recent",
    "Strategic",
    "During",
    "Due",
    "More",
    "At",
    "In",
    "The",
    "Th",
    "News",
    "According",
    "For",
    "As",
    "Of",
    "So",
    "He",
    "We",
    "I",
    "Well",
    "True",
    "Looking",
    "Understanding",
    "Q&A",
    "AI",
    "CEO",
    "APC",
    "APV",
    "EVs",
    "GPU",
    "II",
]


@pytest.fixture(scope="module")
def sample_labels() -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for body in seed_bodies():
        for text, found_labels in labels_of(body).items():
            labels.setdefault(text, set()).update(found_labels)
    return labels


@pytest.mark.parametrize(("text", "label"), SAMPLE_EXPECTED)
def test_sample_articles_name_their_entities(
    sample_labels: dict[str, set[str]], text: str, label: str
) -> None:
    assert sample_labels.get(text) == {label}


@pytest.mark.parametrize("word", SAMPLE_NEVER_FIRST_WORD)
def test_sample_articles_have_no_false_starts(word: str) -> None:
    bodies = seed_bodies()
    assert any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", body) for body in bodies)
    for body in bodies:
        assert word not in first_words(body)


def test_sample_subheadings_only_tag_words_proven_elsewhere() -> None:
    body = next(body for body in seed_bodies() if "## Jensen Huang’s praise" in body)
    heading_start = body.index("## Jensen Huang’s praise")
    heading_end = body.index("\n", heading_start)
    inside = [e for e in extract(body) if heading_start <= e.start < heading_end]
    assert [(e.text, e.label) for e in inside] == [
        ("Jensen Huang", "PERSON"),
        ("Tesla", "ORG"),
        ("FSD", "PRODUCT"),
    ]


def test_raw_seed_file_headlines_do_not_become_entities() -> None:
    raw = seed_files()[0].read_text()
    words = first_words(raw)
    assert not words & {"Responds", "Unveils", "Open-Source", "Rival", "Autonomy", "Click"}
    assert {"Tesla", "Nvidia", "Musk"} <= words


# --- names in text of our own --------------------------------------------------------------

CENTRAL_BANK = """\
The European Central Bank held interest rates steady on Thursday, with President \
Christine Lagarde warning that inflation in the euro area could stay above 2% until late 2026.

Speaking at a press conference in Frankfurt, Lagarde said the Governing Council was "not on \
autopilot". Analysts at Deutsche Bank had expected a cut of 25 basis points, and the euro \
fell 0.4 percent against the dollar.

## Markets react

Bond yields in Italy and Spain rose after the decision. "We will look at the data meeting by \
meeting," Lagarde told reporters. Meanwhile the Bank of England, led by Governor Andrew \
Bailey, is due to announce its own decision next week.

Separately, the Federal Reserve said on Wednesday that it had approved a $1.2 billion fine \
against Northwind Financial Corp for breaches dating back to March 2019. Fed Chair Jerome \
Powell declined to comment.
"""

FOOTBALL = """\
Riverside United beat Harbour City 3-1 at Kingsway Stadium on Saturday, lifting the club to \
second place in the Northern League.

Striker Marcus Okafor scored twice in the first half. Okafor, who joined from Portuguese \
side Vitória last summer, now has 14 goals this season. Manager Elena Sousa praised the \
crowd of 28,000 fans.

"He is in the form of his life," Sousa said after the match. The visitors pulled one back, \
but Riverside held on.

Next month the team travels to Lisbon for the Atlantic Cup final, which will be broadcast by \
Northstar Sports Network. Tickets went on sale yesterday at £45 each.
"""

STATE_VISIT = """\
Prime Minister Anna Kowalczyk arrived in Toronto on Monday for a three-day visit focused on \
trade and clean energy. She was greeted at the airport by Mayor David Chen and Canadian \
officials.

During the visit, Kowalczyk is expected to sign a memorandum with Ontario Hydro Authority on \
a 500 MW offshore wind project in the Great Lakes. The deal is worth about C$3.5 billion, \
according to her office.

Critics in Warsaw said the trip was poorly timed. "Voters want answers at home," said Piotr \
Nowak, leader of the opposition Civic Renewal Party.

Kowalczyk will also visit the University of Toronto and meet executives from Maple Robotics \
Inc., a startup building warehouse robots, before flying to New York on January 15, 2026.
"""

OWN_TEXTS = {"central bank": CENTRAL_BANK, "football": FOOTBALL, "state visit": STATE_VISIT}

OWN_EXPECTED = {
    "central bank": [
        ("European Central Bank", "ORG"),
        ("Christine Lagarde", "PERSON"),
        ("Lagarde", "PERSON"),
        ("Frankfurt", "PLACE"),
        ("Governing Council", "ORG"),
        ("Deutsche Bank", "ORG"),
        ("Italy", "PLACE"),
        ("Spain", "PLACE"),
        ("Bank of England", "ORG"),
        ("Andrew Bailey", "PERSON"),
        ("Federal Reserve", "ORG"),
        ("Northwind Financial Corp", "ORG"),
        ("Jerome Powell", "PERSON"),
        ("Thursday", "DATE"),
        ("2%", "PERCENT"),
        ("late 2026", "DATE"),
        ("25 basis points", "PERCENT"),
        ("0.4 percent", "PERCENT"),
        ("next week", "DATE"),
        ("$1.2 billion", "MONEY"),
        ("March 2019", "DATE"),
    ],
    "football": [
        ("Riverside United", "ORG"),
        ("Riverside", "ORG"),
        ("Kingsway Stadium", "PLACE"),
        ("Northern League", "MISC"),
        ("Marcus Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Portuguese", "MISC"),
        ("Vitória", "ORG"),
        ("Elena Sousa", "PERSON"),
        ("Sousa", "PERSON"),
        ("Lisbon", "PLACE"),
        ("Atlantic Cup", "EVENT"),
        ("Northstar Sports Network", "ORG"),
        ("Saturday", "DATE"),
        ("last summer", "DATE"),
        ("this season", "DATE"),
        ("Next month", "DATE"),
        ("yesterday", "DATE"),
        ("£45", "MONEY"),
    ],
    "state visit": [
        ("Anna Kowalczyk", "PERSON"),
        ("Kowalczyk", "PERSON"),
        ("Toronto", "PLACE"),
        ("David Chen", "PERSON"),
        ("Canadian", "MISC"),
        ("Ontario Hydro Authority", "ORG"),
        ("Great Lakes", "PLACE"),
        ("Warsaw", "PLACE"),
        ("Piotr Nowak", "PERSON"),
        ("Civic Renewal Party", "ORG"),
        ("University of Toronto", "ORG"),
        ("Maple Robotics Inc", "ORG"),
        ("New York", "PLACE"),
        ("Monday", "DATE"),
        ("500 MW", "QUANTITY"),
        ("C$3.5 billion", "MONEY"),
        ("January 15, 2026", "DATE"),
    ],
}

OWN_NEVER_FIRST_WORD = {
    "central bank": ["Speaking", "Analysts", "Bond", "Markets", "Meanwhile", "Separately"],
    "football": ["Striker", "Manager", "He", "The", "Tickets"],
    "state visit": ["Prime", "Minister", "She", "During", "The", "Critics", "Voters", "Mayor"],
}


@pytest.mark.parametrize(
    ("name", "text", "label"),
    [(name, text, label) for name, pairs in OWN_EXPECTED.items() for text, label in pairs],
)
def test_own_news_texts_name_their_entities(name: str, text: str, label: str) -> None:
    assert labels_of(OWN_TEXTS[name]).get(text) == {label}


@pytest.mark.parametrize(
    ("name", "word"),
    [(name, word) for name, words in OWN_NEVER_FIRST_WORD.items() for word in words],
)
def test_own_news_texts_have_no_false_starts(name: str, word: str) -> None:
    assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", OWN_TEXTS[name])
    assert word not in first_words(OWN_TEXTS[name])


def test_roles_and_titles_stay_outside_person_names() -> None:
    pairs = found(CENTRAL_BANK + STATE_VISIT)
    assert ("Christine Lagarde", "PERSON") in pairs
    assert not {text for text, _ in pairs} & {"President", "Governor", "Mayor", "Prime Minister"}


# --- names: shapes, punctuation and markup -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Acme Corp’s shares rose.",
        "Analysts said Acme Corp's shares rose.",
        "Analysts said “Acme Corp” was ahead.",
        "Analysts said (Acme Corp) was ahead.",
        'Analysts said "Acme Corp" was ahead.',
        "Analysts said **Acme Corp** was ahead.",
        "Analysts said [Acme Corp](https://acme.example/News_Room) was ahead.",
        "Analysts said _Acme Corp_ was ahead.",
    ],
)
def test_possessives_quotes_and_markup_stay_outside_names(text: str) -> None:
    assert ("Acme Corp", "ORG") in found(text)
    assert all("acme.example" not in e.text for e in extract(text))


def test_heading_markers_and_escapes_stay_out() -> None:
    text = "## Acme Corp’s plan\n\nAcme Corp raised \\$20 billion, said Jane Doe\\."
    pairs = found(text)
    assert ("Acme Corp", "ORG") in pairs
    assert ("$20 billion", "MONEY") in pairs
    assert ("Jane Doe", "PERSON") in pairs


def test_no_entity_spans_a_line_break() -> None:
    text = "Shares of Acme\nCorp rose.\n\n## Zenith\nHoldings said so."
    assert all("\n" not in e.text for e in check_contract(text))


def test_title_case_heading_words_need_evidence_from_the_body() -> None:
    text = "## Strategic Partners Join Acme Holdings\n\nInvestors in Acme Holdings cheered."
    assert found(text) == {("Acme Holdings", "ORG")}


def test_sentence_openers_need_evidence() -> None:
    assert found("Considering the risks, investors waited. However, prices rose.") == set()
    kept = found("Zenova grew fast. Investors like Zenova.")
    assert kept == {("Zenova", "ORG")}


def test_unproven_opening_word_is_dropped_but_the_name_is_kept() -> None:
    text = "Th Series B round closed. The Series B round was led by Acme Capital."
    assert ("Series B", "MISC") in found(text)
    assert "Th" not in first_words(text)


def test_a_handle_is_one_entity() -> None:
    entities = extract("The account @data_wire_ said the plant was ready.")
    assert [(e.text, e.label) for e in entities] == [("@data_wire_", "MISC")]


def test_acronym_takes_the_label_of_its_expansion() -> None:
    text = "At the Northern Robotics Show (NRS) in 2026, firms met. NRS drew crowds."
    labels = labels_of(text)
    assert labels["Northern Robotics Show"] == {"EVENT"}
    assert labels["NRS"] == {"EVENT"}


def test_acronym_for_a_common_noun_is_not_a_name() -> None:
    text = "It looks like an armored personnel carrier (APC). An APC is heavy."
    assert "APC" not in labels_of(text)


def test_company_and_its_product_split() -> None:
    text = (
        "Acme makes robots. Acme CEO Jane Doe said the Acme Skylark ships soon. "
        "The Skylark is cheap."
    )
    labels = labels_of(text)
    assert labels["Acme"] == {"ORG"}
    assert labels["Skylark"] == {"PRODUCT"}
    assert labels["Jane Doe"] == {"PERSON"}


def test_a_surname_alone_follows_the_full_name() -> None:
    text = "Chief executive Maria Lindqvist spoke first. Later, Lindqvist took questions."
    assert labels_of(text)["Lindqvist"] == {"PERSON"}


def test_document_gives_one_string_one_label() -> None:
    for body in [*seed_bodies(), *OWN_TEXTS.values()]:
        for text, labels in labels_of(body).items():
            assert len(labels) == 1, (text, labels)


def test_cues_classify_names() -> None:
    text = (
        "The startup Zorbit raised money. It hired engineers in Kestrel Bay, "
        "said spokesperson Ana Ruiz. Zorbit’s Helio system ships with the Vexa 3 chip, "
        "made by Quantor, and uses data from the Lunar Expo. Japanese investors joined."
    )
    labels = labels_of(text)
    assert labels["Zorbit"] == {"ORG"}
    assert labels["Kestrel Bay"] == {"PLACE"}
    assert labels["Ana Ruiz"] == {"PERSON"}
    assert labels["Helio"] == {"PRODUCT"}
    assert labels["Vexa 3"] == {"PRODUCT"}
    assert labels["Quantor"] == {"ORG"}
    assert labels["Lunar Expo"] == {"EVENT"}
    assert labels["Japanese"] == {"MISC"}


# --- speed -------------------------------------------------------------------------------


def _cpu_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "The Federal Reserve said on Monday that Acme Corp paid $5 billion. ",
        "Word ",
        "@a_ ",
        "[a](",
        "Acme Zenith, ",
    ],
)
def test_time_grows_linearly_with_length(unit: str) -> None:
    small = _cpu_seconds(lambda: extract(unit * 400))
    large = _cpu_seconds(lambda: extract(unit * 1_600))
    # Four times the text may cost four times as much; a quadratic step would cost sixteen.
    assert large < 8 * max(small, 1e-3)


def test_articles_are_extracted_quickly() -> None:
    article = "\n\n".join(seed_bodies())
    elapsed = _cpu_seconds(lambda: extract(article))
    assert elapsed < 0.5, f"{len(article.split())} words took {elapsed:.3f}s"


# --- titles read with their bodies ---------------------------------------------------------


def seed_articles() -> list[tuple[str, str]]:
    return [
        (article.title, article.body)
        for path in seed_files()
        for article in parse_text(path.read_text())
    ]


def titled(title: str, body: str) -> list[tuple[str, str]]:
    title_entities, body_entities = extract_titled(title, body)
    for entity in title_entities:
        assert title[entity.start : entity.end] == entity.text
    for entity in body_entities:
        assert body[entity.start : entity.end] == entity.text
    return [(e.text, e.label) for e in title_entities]


def test_sample_titles_take_the_labels_their_bodies_give() -> None:
    by_title = {title: titled(title, body) for title, body in seed_articles()}
    cybertruck = next(t for t in by_title if t.startswith("Tesla Cybertruck"))
    assert ("Tesla", "ORG") in by_title[cybertruck]
    assert ("Cybertruck", "PRODUCT") in by_title[cybertruck]
    alpamayo = next(t for t in by_title if "Alpamayo" in t)
    assert by_title[alpamayo] == [
        ("Nvidia", "ORG"),
        ("Jensen Huang", "PERSON"),
        ("Tesla", "ORG"),
        ("FSD", "PRODUCT"),
        ("Alpamayo", "PRODUCT"),
    ]
    responds = next(t for t in by_title if "Responds" in t)
    assert ("Tesla", "ORG") in by_title[responds]
    turbines = next(t for t in by_title if "turbines" in t)
    assert ("Elon Musk", "PERSON") in by_title[turbines]


def test_the_funding_story_title_names_a_person_and_his_company() -> None:
    title, body = next((t, b) for t, b in seed_articles() if "Series E" in t)
    assert "Musk" not in body
    assert titled(title, body)[:2] == [("Elon Musk", "PERSON"), ("xAI", "ORG")]


def test_every_mention_of_a_lowercase_first_name_is_found() -> None:
    for title, body in seed_articles():
        if "xAI" not in body:
            continue
        _, in_body = extract_titled(title, body)
        mentions = [e for e in in_body if e.text == "xAI"]
        assert [e.start for e in mentions] == [m.start() for m in re.finditer("xAI", body)]
        assert {e.label for e in mentions} == {"ORG"}


def test_a_title_keys_its_names_like_the_body() -> None:
    title = "Lindqvist unveils the Skylark"
    body = (
        "Maria Lindqvist, the chief executive of Acme, unveiled the Skylark system on Monday. "
        "Lindqvist smiled."
    )
    title_entities, body_entities = extract_titled(title, body)
    assert [(e.text, e.label, e.key) for e in title_entities] == [
        ("Lindqvist", "PERSON", "maria lindqvist"),
        ("Skylark", "PRODUCT", "skylark"),
    ]
    assert {e.key for e in title_entities} <= {e.key for e in body_entities}


def test_a_body_read_with_its_title_keeps_its_own_offsets() -> None:
    body = "Acme opened a plant in Ohio.\n\nThe plant employs 300 people."
    _, with_title = extract_titled("Acme grows", body)
    assert [(e.text, e.label) for e in with_title] == [(e.text, e.label) for e in extract(body)]


@pytest.mark.parametrize(
    "title", ["Wire story 3", "Wire Story Update 3", "Update: markets calm", "Story"]
)
def test_ordinary_words_opening_a_title_are_not_names(title: str) -> None:
    assert titled(title, "Text.") == []


def test_an_opening_word_the_body_names_stays_a_name() -> None:
    assert titled("Wire buys Acme", "Wire, the news agency, bought Acme on Monday.")[:1] == [
        ("Wire", "ORG")
    ]


def test_a_title_with_markup_or_line_breaks_cannot_hide_the_body() -> None:
    body = "Acme opened a plant in Ohio."
    for title in ["```", "# Heading\nsecond line", "> quoted", ""]:
        _, found_in_body = extract_titled(title, body)
        assert ("Ohio", "PLACE") in {(e.text, e.label) for e in found_in_body}


# --- general label rules ---------------------------------------------------------------------


def test_the_plural_of_a_company_is_its_products() -> None:
    text = "The Zorbex sold well. Zorbex CEO Jane Doe said so. Fans bought the Zorbexes."
    assert labels_of(text)["Zorbexes"] == {"PRODUCT"}


def test_a_lone_roman_numeral_is_never_a_name() -> None:
    labels = labels_of("The buildout of Colossus I and II ended in Memphis.")
    assert "II" not in labels
    assert labels["Colossus I"] == {"PRODUCT"}


def test_roman_numerals_stay_in_regnal_names_and_versus_is_no_version() -> None:
    assert labels_of("King Charles III spoke in London.").get("Charles III") == {"PERSON"}
    assert "Australia V" not in labels_of("CRICKET - AUSTRALIA V SRI LANKA SCOREBOARD .")


def test_a_word_opening_with_a_roman_numeral_letter_is_no_version() -> None:
    labels = labels_of("Taiwanese Vice President Lien Chan visited. Dutch Xavier met him.")
    assert labels.get("Taiwanese") == {"MISC"}
    assert not [name for name in labels if name.endswith((" V", " X"))]


def test_lowercase_words_are_not_repeated_as_names() -> None:
    assert "apple" not in labels_of("Apple sold an apple. Apple Inc said the apple was red.")


def test_the_owner_of_a_new_company_is_a_person() -> None:
    text = "Elkan Morrow’s Zorbex raised money. Zorbex CEO Tom Reed said Zorbex would hire."
    assert labels_of(text)["Elkan Morrow"] == {"PERSON"}
    assert labels_of(text)["Zorbex"] == {"ORG"}


def test_a_place_owning_a_company_stays_a_place() -> None:
    text = "South Korea’s Zorbex Heavy sold turbines. Zorbex Heavy CEO Tom Reed said so."
    assert labels_of(text)["South Korea"] == {"PLACE"}


def test_a_person_of_a_company_is_not_its_product() -> None:
    text = "Acme’s Lindqvist spoke. Acme unveiled the Skylark. Maria Lindqvist, the CEO, left."
    assert labels_of(text)["Lindqvist"] == {"PERSON"}


# --- hostile input ---------------------------------------------------------------------------


NASTY = [
    "lone \ud800 high surrogate",
    "lone \udfff low surrogate Zorblax",
    "reversed \udc00\ud800 pair Paris",
    "nul\x00nul Acme\x00Corp",
    "".join(chr(code) for code in range(0x00, 0x20)),
    "".join(chr(code) for code in range(0x7F, 0xA0)),
    "\x1b[31mred\x1b[0m Nvidia",
    "\u202eexe.txt\u202c \u200fRLM \u061cALM",
    "שלום עולם مرحبا بالعالم Reuters",
    "中文全角字符テスト한국어 東京",
    "👩\u200d👩\u200d👧 🏳\ufe0f\u200d🌈 \U0001f600 𝕏 Grok",
    "e" + "\u0301" * 200,
    "\u2028\u2029\x85\r\n\x0b\x0c",
    "   \n\t  \n",
    "!!! ??? ... --- ,,, ;;; *** ### [[[ ]]] ((( )))",
    "W" * 3000,
    "Ⅻ ½ ² ٣٤ ﬁ İstanbul ǅ ß",
    "",
]


def test_hostile_strings_give_valid_lists_and_leave_the_tagger_unharmed() -> None:
    sentence = "Angela Merkel met Tony Blair in Berlin on Monday, Reuters said."
    expected = found(sentence)
    assert ("Angela Merkel", "PERSON") in expected and ("Berlin", "PLACE") in expected
    for text in NASTY:
        check_contract(text)
        extract_titled(text, text)
    assert found(sentence) == expected


def test_long_whitespace_and_long_lines_stay_linear() -> None:
    started = time.process_time()
    assert extract(" \n\t" * 100_000) == []
    assert isinstance(extract(("wordy " * 60_000) + "Acme"), list)
    assert time.process_time() - started < 10


# --- T2a (round 8): quick paths in prose, consistency, cue_names, merge, headlines -------


def _masked_line_by_line(text: str) -> tuple[str, list[bool]]:
    """The general way to mask: every line through the full block-and-inline masker."""
    from newsread.entities import prose

    pieces: list[str] = []
    headings: list[bool] = []
    in_fence = False
    for line in text.split("\n"):
        masked, heading, in_fence = prose._mask_line(line, in_fence)
        pieces.append(masked)
        headings.append(heading)
    return "\n".join(pieces), headings


_MARKDOWN_PIECES = [
    *[
        "# ",
        "## ",
        "> ",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "```",
        "~~~",
        "---",
        "***",
        "___",
    ],
    *[
        "[a]: http://x",
        "**",
        "_",
        "`",
        "[",
        "](http://x.y)",
        "<b>",
        "&amp;",
        "\\*",
        "@acme",
    ],
    *[
        "www.x.com",
        "https://x.y/z",
        "Acme",
        "Jane Doe",
        "(Reuters)",
        '"',
        "’",
        "  ",
        "\t",
        " ",
    ],
    *["\n", "\n", "\n\n", "word", "12", "é", "!", "~~", "ok."],
]


def test_markdown_masking_takes_quick_paths_without_changing_the_result() -> None:
    from newsread.entities.prose import mask_markdown

    rng = random.Random(8)
    texts = [
        "".join(rng.choice(_MARKDOWN_PIECES) for _ in range(rng.randint(0, 30)))
        for _ in range(1500)
    ]
    texts += [path.read_text() for path in seed_files()]
    for text in texts:
        prose = mask_markdown(text)
        masked, headings = _masked_line_by_line(text)
        assert prose.text == masked, text
        assert [line.heading for line in prose.lines] == headings, text
        assert [text[line.start : line.end] for line in prose.lines] == text.split("\n")


def test_a_name_said_once_is_not_repeated_and_one_said_twice_is() -> None:
    from newsread.entities.consistency import repeat_mentions

    text = "Acme rose. Zeno fell. Acme fell, Acmes too; ABAB ABABAB."
    names = [
        Entity(0, 4, "ORG", "Acme"),
        Entity(11, 15, "PERSON", "Zeno"),
        Entity(42, 46, "ORG", "ABAB"),
    ]
    found = repeat_mentions(text, names, [])
    assert [(e.start, e.text) for e in found] == [
        (0, "Acme"),
        (11, "Zeno"),
        (22, "Acme"),
        (42, "ABAB"),
    ]


def test_makers_and_companies_match_what_a_full_search_finds() -> None:
    from newsread.entities import cue_names

    company = re.compile(
        rf"(?<![\w@.’'-])(?:{cue_names._WORD}[ \t]+){{1,3}}(?:{cue_names._DESIGNATORS})(?![\w’'-])"
    )
    pieces = [
        "made by ",
        "built by ",
        "remade by ",
        "Acme ",
        "X-",
        "Zenith ",
        "Group",
        "Labs ",
        "AT&T ",
        "The ",
        "in ",
        ". ",
        "'",
        "operated  by ",
        "Orbital ",
        "Inc",
        "\n",
        "x",
    ]
    rng = random.Random(2)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert cue_names._makers(text) == [m.span(1) for m in cue_names._MAKER.finditer(text)]
        assert [m.span() for m in cue_names._COMPANY.finditer(text)] == [
            m.span() for m in company.finditer(text)
        ], text


def test_clean_keeping_and_title_lines_on_plain_and_marked_text() -> None:
    from newsread.entities.headlines import is_title_case, title_lines
    from newsread.entities.merge import keep_clean
    from newsread.entities.prose import mask_markdown

    text = "Acme Buys Zenith Group Today \nIt said **Acme** did.\n## Big News Here"
    prose = mask_markdown(text)
    assert title_lines(prose) == [True, False, True]
    assert title_lines(prose) == [
        line.heading or is_title_case(prose.text[line.start : line.end]) for line in prose.lines
    ]
    marked = text.index("**Acme**")
    spans = [
        Entity(0, 4, "ORG", "Acme"),
        Entity(marked, marked + 8, "ORG", "**Acme**"),
        Entity(4, 9, "ORG", " Buys"),
    ]
    assert keep_clean(text, prose.text, spans) == [spans[0]]
    across = text.index("\nIt")
    assert keep_clean(text, text, [Entity(across - 1, across + 2, "ORG", " \nI")]) == []


# --- round 9: names fused with suffixes, product lines, lists, capitalised common nouns ---


def test_a_name_fused_with_an_adjectives_suffix_is_one_misc_word_keyed_to_the_name() -> None:
    text = (
        "Norvala, a Helsinki-based startup, raised money on Monday. The company said its "
        "office in Helsinki will double in size, and a Norvala-like rival from Oslo is coming "
        "with a ZRV-like body."
    )
    entities = extract(text)
    names = {(e.text, e.label) for e in entities}
    assert not any(name.startswith("ZRV") for name, _ in names)
    assert ("Helsinki", "PLACE") in names
    assert ("Norvala", "ORG") in names
    # As CoNLL marks such adjectives; the key still counts it as a mention of the city.
    fused = next(e for e in entities if e.text == "Helsinki-based")
    assert (fused.label, fused.key) == ("MISC", "helsinki")


def test_a_product_line_names_its_products_whole() -> None:
    text = (
        "Quantix 7 is in training, Veltro said. Veltro shipped the Quantix 6 Series, "
        "Quantix Voice, and Quantix Vision last year."
    )
    names = found(text)
    assert {("Quantix Voice", "PRODUCT"), ("Quantix Vision", "PRODUCT")} <= names
    assert ("Voice", "PRODUCT") not in names


def test_names_listed_with_a_product_are_products() -> None:
    text = (
        "Quantix 7 is in training, Veltro said. Veltro wants new products that harness "
        "the power of Quantix, Borealis, and Nimbus to change how we work."
    )
    labels = labels_of(text)
    assert labels["Borealis"] == {"PRODUCT"}
    assert labels["Nimbus"] == {"PRODUCT"}


def test_a_product_named_after_a_place_is_one_name() -> None:
    text = (
        "NASA showed its Zorvex Rover concept in 2017. A crewed Zorvex Rover would need a "
        "new battery to work on Zorvex, where a day is long. NASA wants a Zorvex Rover soon."
    )
    labels = labels_of(text)
    assert labels["Zorvex Rover"] == {"PRODUCT"}
    assert labels["Zorvex"] == {"PLACE"}
    assert "Rover" not in labels


def test_a_plural_common_noun_in_capitals_is_no_product() -> None:
    text = (
        "Veltro teased the car with clever Treasure Maps hidden in the invitation. "
        "Veltro’s Treasure Maps show the car with a low roof. Veltro CEO Ana Lund said "
        "what Veltro’s Treasure Maps have shown is only a start."
    )
    labels = labels_of(text)
    assert "Treasure Maps" not in labels
    assert labels["Veltro"] == {"ORG"}


def test_a_noun_ending_a_title_case_slogan_is_no_name() -> None:
    text = (
        "Orvik Labs raised $2 billion, the company said. "
        "The money will fund its core mission: Decoding the Cosmos."
    )
    assert "Cosmos" not in labels_of(text)


def test_sample_articles_fixed_in_round_nine() -> None:
    articles = [a for path in seed_files() for a in parse_text(path.read_text())]
    by_title = {a.title: extract_titled(a.title, a.body)[1] for a in articles}
    cybertruck = {(e.text, e.label) for e in by_title[articles[1].title]}
    assert ("Earth", "PLACE") in cybertruck
    assert ("CYBRTRK", "PRODUCT") in cybertruck
    assert ("CYBRTRK-based", "MISC") in cybertruck
    assert not any(text.endswith("-like") for text, _ in cybertruck)
    assert not any("Easter" in text for text, _ in cybertruck)
    assert ("Rover", "PRODUCT") in cybertruck  # `the Rover` alone
    assert ("Mars Rover", "PRODUCT") in cybertruck
    funding = {(e.text, e.label) for e in by_title[articles[4].title]}
    assert {
        ("Grok 4 Series", "PRODUCT"),
        ("Grok Voice", "PRODUCT"),
        ("Grok Imagine", "PRODUCT"),
        ("Colossus", "PRODUCT"),
    } <= funding
    assert not any(text in ("Universe", "Series", "Voice", "Imagine") for text, _ in funding)
    purchase = {(e.text, e.label) for e in by_title[articles[3].title]}
    assert ("Colossus", "PRODUCT") in purchase


def test_a_mark_the_tagger_takes_in_before_a_name_stays_outside_it() -> None:
    text = "His argument looks equivalent wrote and Cruise, #Nvidia in a might Mars if Grok to be."
    for entity in extract(text):
        assert entity.text[0].isalnum(), entity
