"""The trained tagger: the shipped model, decoding, headlines, identity keys, training."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from newsread.entities import consistency, extract
from newsread.entities import train as training
from newsread.entities.tagger import MODEL_PATH, shared_tagger
from newsread.entities.tagger import tokenize as tokenize_module
from newsread.entities.tagger.clusters import learn_clusters
from newsread.entities.tagger.conll import read_conll
from newsread.entities.tagger.evaluate import score
from newsread.entities.tagger.features import (
    AFTER,
    BEFORE,
    case_bits,
    folded,
    values_of,
    word_class,
    word_facts,
    word_values,
)
from newsread.entities.tagger.perceptron import combine, examples, train
from newsread.entities.tagger.scoring import Tagger
from newsread.entities.tagger.tags import TYPES, document_spans, spans
from newsread.entities.tagger.tokenize import tokenize
from newsread.entities.tagger.viterbi import decode_runs
from newsread.entities.tagger.weights import load, load_compact, save
from newsread.ingest.text import parse_text
from newsread.model import ENTITY_LABELS, Entity
from newsread.seeds import seed_files


def labelled(text: str) -> dict[str, set[str]]:
    """Every label each extracted string received, after checking the contract."""
    labels: dict[str, set[str]] = {}
    previous_end = 0
    for entity in extract(text):
        assert entity.label in ENTITY_LABELS
        assert text[entity.start : entity.end] == entity.text
        assert entity.start >= previous_end
        assert "\n" not in entity.text and entity.text == entity.text.strip()
        previous_end = entity.end
        labels.setdefault(entity.text, set()).add(entity.label)
    return labels


def keys_of(text: str) -> dict[str, str]:
    return {entity.text: entity.key for entity in extract(text)}


# --- the shipped model -------------------------------------------------------------------


def test_model_ships_inside_the_package_and_is_small() -> None:
    assert MODEL_PATH.is_file()
    assert MODEL_PATH.parent.name == "tagger"
    assert MODEL_PATH.stat().st_size <= 20 * 1024 * 1024


def test_shipped_vocabulary_scores_words_as_hashing_them_would() -> None:
    weights = load_compact()
    assert weights.vocabulary is not None
    assert len(weights.vocabulary.facts.words) > 20_000
    with_vocabulary = Tagger(weights)
    hashing_only = Tagger(dataclasses.replace(weights, vocabulary=None))
    # The sentence opens with a word training met in small letters: which other
    # words keep their capital's weight there only the vocabulary tells.
    words = [
        "Then",
        "Reuters",
        "said",
        "the",
        "Zorblax",
        "Corp",
        "of",
        "Qwertyville",
        "sold",
        "1,700",
        "tonnes",
        "on",
        "Monday",
        ".",
    ]
    starts = np.array([0], dtype=np.int64)
    headlines = np.zeros(1, dtype=bool)
    first = with_vocabulary.emissions(words, starts, headlines)
    second = hashing_only.emissions(words, starts, headlines)
    assert np.array_equal(first, second)


def test_people_places_and_organisations_in_plain_prose() -> None:
    labels = labelled(
        "Priya Raman told analysts in Chicago that the plant in Ohio would open soon. "
        "Officials from OPEC met in Vienna on Monday."
    )
    assert labels["Priya Raman"] == {"PERSON"}
    assert labels["Chicago"] == {"PLACE"}
    assert labels["Ohio"] == {"PLACE"}
    assert labels["OPEC"] == {"ORG"}
    assert labels["Vienna"] == {"PLACE"}
    assert labels["Monday"] == {"DATE"}


def test_sentence_openers_are_not_names() -> None:
    text = "Considering the risks, investors waited. However, prices rose. Quite so. Thus it ended."
    assert labelled(text) == {}


def test_all_caps_headline_lines() -> None:
    labels = labelled("OPEC OFFICIALS MEET IN VIENNA\nThe oil ministers met in Vienna on Friday.")
    assert labels.get("VIENNA") == {"PLACE"}
    assert "OFFICIALS" not in labels and "MEET" not in labels


def test_title_case_headings_do_not_make_every_word_a_name() -> None:
    labels = labelled(
        "## Investors Cheer As Profits Rise Again\n\nInvestors cheered as profits rose again."
    )
    assert labels == {}


def test_possessives_and_quotes_stay_outside() -> None:
    text = "Analysts praised Maria Lopez’s plan. “Lopez” is a name; so is 'Lopez'."
    found = {entity.text for entity in extract(text)}
    assert "Maria Lopez" in found
    assert all("’" not in t and "“" not in t and "'" not in t for t in found)


def test_abbreviations_keep_their_periods_but_sentences_do_not() -> None:
    labels = labelled("The U.S. dollar fell against the yen in Tokyo.")
    assert labels.get("U.S.") == {"PLACE"}
    assert labels.get("Tokyo") == {"PLACE"}


# --- identity keys -----------------------------------------------------------------------


def test_a_surname_shares_the_full_names_key() -> None:
    keys = keys_of("Maria Lopez joined in May. Later, Lopez said the deal was done.")
    assert keys["Maria Lopez"] == keys["Lopez"] == "maria lopez"


def test_spellings_of_one_company_share_a_key() -> None:
    keys = keys_of("NVIDIA shares rose. Analysts said Nvidia would keep growing.")
    assert keys["NVIDIA"] == keys["Nvidia"] == "nvidia"


def test_an_acronym_shares_the_key_of_its_expansion() -> None:
    text = "The Northern Robotics Show (NRS) opened in Leeds. NRS drew crowds."
    entities = {entity.text: entity for entity in extract(text)}
    assert entities["NRS"].key == entities["Northern Robotics Show"].key
    assert entities["NRS"].label == entities["Northern Robotics Show"].label == "EVENT"


def test_one_name_one_label_in_a_document() -> None:
    text = "Lopez spoke first. Lopez then left for Madrid, where Lopez lives."
    assert len(labelled(text)["Lopez"]) == 1


# --- hostile input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "’s ’s ’s",
        "A" * 5000,
        "Ünïcödé Ñame met Ωmega Corp in Zürich.\u0000\u200b",
        "## \n# #\n- \n> ",
        "@handle_ @ @@ __init__ [Acme](http://x.y) **Bold Name** `Code Name`",
        "Mr. J. R. R. Tolkien, Inc., Co., U.S.A. -- ... !!! ???",
        " ".join(["Name"] * 3000),
        "x\ny\rz\tA\u2028B",
    ],
)
def test_contract_holds_on_hostile_input(text: str) -> None:
    labelled(text)


def test_batched_word_hashing_matches_the_one_word_path() -> None:
    words = [
        "Tesla",
        "NVIDIA",
        "xAI",
        "F-35",
        "O’Brien",
        "Zürich",
        "1,700",
        "@data_",
        "don't",
        "北京",
    ]
    batched = values_of(words)
    assert batched.tolist() == [word_values(word) for word in words]


def test_batched_word_facts_match_the_one_word_functions() -> None:
    # Classes and case bits of ASCII words are worked out once per shape:
    # words of one shape that differ in class must not share an answer.
    chooser = random.Random(11)
    letters = ["a", "B", "z", "Q", "7", "0", "_", "-", "'", "@", ".", "&", "é", "’", "\x00"]
    words = ["A", "AB", "@", "@@", "@a", "Ab", "ABc", "BXa", "Xx", "a-b", "ab-cd", "-ab", "1a"]
    words += ["".join(chooser.choices(letters, k=chooser.randint(1, 7))) for _ in range(3000)]
    words = list(dict.fromkeys(words))
    # Clusters for every other word's folded form: the batch must look them up by the same form.
    clusters = {folded(word): index % 7 for index, word in enumerate(words[::2])}
    for start in range(0, len(words), 50):
        batch = words[start : start + 50]
        values, classes, bits = word_facts(batch)
        assert values.tolist() == [word_values(word) for word in batch]
        clustered = word_facts(batch, clusters)[0]
        assert clustered.tolist() == [word_values(word, clusters) for word in batch]
        assert classes == [word_class(word) for word in batch]
        assert bits == [case_bits(word) for word in batch]


def test_importing_the_package_loads_neither_numpy_nor_the_model() -> None:
    code = (
        "import sys\n"
        "import newsread.entities, newsread.entities.backends\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'numpy'"
        " or m == 'newsread.entities.tagger'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_tokens_keep_exact_offsets_with_curly_quotes() -> None:
    text = "“Tesla’s” rival — Acme’s U.S. unit\nsaid: don’t."
    tokens = tokenize(text)
    for word, start, end in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
        assert text[start:end] == word
    assert "’s" in tokens.words and "U.S." in tokens.words
    assert tokens.sentence_starts.tolist()[0] == 0
    assert len(tokens.sentence_starts) == 2


def test_token_offsets_hold_for_any_text() -> None:
    chooser = random.Random(5)
    pieces = ["Acme", "U.S.", "’s", "don't", "1,700", " ", "  ", "\n", "\t", "\u00a0", "\u3000"]
    pieces += ["\u2028", "北京", "😀", "\ud800", ".", "!", "?", "--", "...", "@x", "é"]
    for _ in range(500):
        text = "".join(chooser.choices(pieces, k=chooser.randint(0, 40)))
        tokens = tokenize(text)
        assert "".join(tokens.words) == "".join(text.split())
        for word, start, end in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
            assert text[start:end] == word
        lines = [text.count("\n", 0, start) for start in tokens.starts[tokens.sentence_starts]]
        assert tokens.sentence_lines.tolist() == lines


def test_token_shortcuts_match_what_the_general_pattern_matches() -> None:
    import re

    general = re.compile(tokenize_module._GENERAL)
    shortcuts = re.compile(tokenize_module._SHORTCUTS)
    chooser = random.Random(6)
    pieces = ["a", "Inc", "n", "1", "x9", "_", ".", ",", ":", "/", "&", "'", "’", "-", "@", "s"]
    pieces += ["(", "“", "é", " ", "J", "U", "S"]
    for _ in range(3000):
        text = "".join(chooser.choices(pieces, k=chooser.randint(1, 12)))
        found = shortcuts.match(text)
        if found is not None:
            expected = general.match(text)
            assert expected is not None and expected.group() == found.group(), text


# --- the sample articles -----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_entities() -> list[Entity]:
    found: list[Entity] = []
    for path in seed_files():
        for article in parse_text(path.read_text()):
            found.extend(extract(article.body))
    return found


def test_sample_people_and_their_surnames(sample_entities: list[Entity]) -> None:
    labels = {(e.text, e.label) for e in sample_entities}
    for name in ("Elon Musk", "Jensen Huang", "Musk", "Huang"):
        assert (name, "PERSON") in labels, name
    keys = {e.text: e.key for e in sample_entities}
    assert keys["Musk"] == "elon musk"
    assert keys["Huang"] == "jensen huang"


def test_sample_organisations_and_places(sample_entities: list[Entity]) -> None:
    labels = {(e.text, e.label) for e in sample_entities}
    for name in ("xAI", "SpaceX", "NASA", "Waymo", "NVIDIA", "Nvidia"):
        assert (name, "ORG") in labels, name
    assert ("South Korea", "PLACE") in labels


def test_sample_articles_have_no_sentence_initial_false_starts(
    sample_entities: list[Entity],
) -> None:
    first_words = {e.text.split()[0] for e in sample_entities}
    assert not first_words & {"Considering", "Quite", "However", "Thus", "Rather", "This"}


# --- training ----------------------------------------------------------------------------

_PEOPLE = ["Anna Berg", "Tomas Weller", "Lina Ochoa", "Ravi Mehta", "Joon Park"]
_PLACES = ["Oslo", "Lyon", "Quito", "Pune", "Busan"]
_ORGS = ["Norvik Bank", "Carta Motors", "Lumo Foods"]


def _write_tiny_corpus(path: Path) -> None:
    """A few hundred sentences of our own, in CoNLL format (never copied from any corpus)."""
    lines = ["-DOCSTART- -X- -X- O", ""]
    for index in range(240):
        person = _PEOPLE[index % len(_PEOPLE)].split()
        place = _PLACES[index % len(_PLACES)]
        org = _ORGS[index % len(_ORGS)].split()
        words = [
            *[(w, "I-PER") for w in person],
            ("said", "O"),
            ("in", "O"),
            (place, "I-LOC"),
            ("that", "O"),
            *[(w, "I-ORG") for w in org],
            ("would", "O"),
            ("grow", "O"),
            (".", "O"),
        ]
        lines.extend(f"{word} X X {label}" for word, label in words)
        lines.append("")
        if index % 40 == 39:
            lines.extend(["-DOCSTART- -X- -X- O", ""])
    path.write_text("\r\n".join(lines) + "\r\n")


def test_tiny_training_runs_learns_and_is_deterministic(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.conll"
    _write_tiny_corpus(corpus)
    documents = read_conll(corpus)
    assert len(documents) == 6

    first = train(examples(documents, 0.15, seed=7), epochs=2, seed=7)
    second = train(examples(documents, 0.15, seed=7), epochs=2, seed=7)
    assert np.array_equal(first.features, second.features)
    assert np.array_equal(first.transitions, second.transitions)

    saved = tmp_path / "model.npz"
    save(first, saved)
    reloaded = load(saved)
    assert np.array_equal(reloaded.features, first.features)
    assert score(Tagger(reloaded), documents).f1 > 0.95


def test_the_training_command_averages_its_models_and_writes_the_same_bytes_twice(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "tiny.conll"
    _write_tiny_corpus(corpus)
    outputs = [tmp_path / "first.npz", tmp_path / "second.npz"]
    for output in outputs:
        command = ["--train", str(corpus), "--output", str(output), "--epochs", "2"]
        assert training.main([*command, "--models", "2", "--seed", "7"]) == 0
    assert outputs[0].read_bytes() == outputs[1].read_bytes()

    documents = read_conll(corpus)
    sentences = [sentence.words for document in documents for sentence in document]
    clusters = learn_clusters(sentences, training.CLUSTERS)
    alone = [
        train(
            examples(documents, training.TITLE_CASE_SHARE, seed, clusters.mapping()),
            epochs=2,
            seed=seed,
        )
        for seed in (7, 8)
    ]
    assert not np.array_equal(alone[0].features, alone[1].features)
    saved = load(outputs[0])
    assert np.array_equal(saved.features, combine(alone).features)
    assert saved.clusters is not None and saved.clusters.mapping() == clusters.mapping()
    assert score(Tagger(saved), documents).f1 > 0.95


def test_the_training_command_refuses_no_models(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.conll"
    _write_tiny_corpus(corpus)
    assert (
        training.main(
            ["--train", str(corpus), "--output", str(tmp_path / "m.npz"), "--models", "0"]
        )
        == 2
    )
    assert not (tmp_path / "m.npz").exists()


def test_a_vocabulary_saved_with_the_model_loads_back(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.conll"
    _write_tiny_corpus(corpus)
    documents = read_conll(corpus)
    weights = train(examples(documents, 0.15, seed=7), epochs=1, seed=7)
    words = [BEFORE, AFTER, "Oslo", "Anna", "said", "Zürich"]
    vocabulary = Tagger(weights).vocabulary(words)
    saved = tmp_path / "model.npz"
    save(weights, saved, vocabulary)
    loaded = load_compact(saved).vocabulary
    assert loaded is not None
    assert loaded.facts.words == words
    assert vocabulary.scores is not None
    read_back = np.empty_like(vocabulary.scores)
    loaded.copy_scores(read_back)
    assert np.array_equal(read_back, vocabulary.scores)
    assert score(Tagger(load_compact(saved)), documents) == score(Tagger(weights), documents)
    with pytest.raises(ValueError, match="word_scores"):
        loaded.copy_scores(np.empty((len(words) + 1, *vocabulary.scores.shape[1:]), np.float32))


def test_a_long_session_starting_afresh_tags_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsread.entities.tagger import scoring

    monkeypatch.setattr(scoring, "_WORD_LIMIT", 20)
    tagger = Tagger(load_compact())
    words = ["Analysts", "in", "Qwertyville", "said", "Zorblax", "Corp", "grew", "."]
    starts = np.array([0], dtype=np.int64)
    headlines = np.zeros(1, dtype=bool)
    before = tagger.emissions(words, starts, headlines)
    for batch in range(5):
        tagger.emissions([f"Word{batch}x{i}" for i in range(15)], starts, headlines)
    assert np.array_equal(tagger.emissions(words, starts, headlines), before)


def test_shared_tagger_is_loaded_once() -> None:
    assert shared_tagger() is shared_tagger()


# --- speed-minded paths give the same answers as the plain ones -------------------------


def test_document_spans_agree_with_spans_of_each_sentence() -> None:
    chooser = random.Random(4)
    for _ in range(200):
        tags = np.array([chooser.randrange(9) for _ in range(30)], dtype=np.int64)
        starts = np.array(sorted({0, *chooser.sample(range(1, 30), 4)}), dtype=np.int64)
        firsts, ends, kinds = document_spans(tags, starts)
        bounds = [*starts.tolist(), len(tags)]
        expected = [
            (begin + first, begin + last, kind)
            for begin, end in pairwise(bounds)
            for first, last, kind in spans(tags[begin:end].tolist())
        ]
        found = list(
            zip(firsts.tolist(), ends.tolist(), [TYPES[k] for k in kinds.tolist()], strict=True)
        )
        assert found == expected


def _plain_viterbi(
    emissions: np.ndarray, first: np.ndarray, last: np.ndarray, step: np.ndarray
) -> list[int]:
    """The textbook algorithm, one token at a time; ties go to the lowest tag."""
    score = first + emissions[0]
    back: list[list[int]] = []
    for row in emissions[1:]:
        candidates = score[:, None] + step
        back.append([int(i) for i in candidates.argmax(axis=0)])
        score = candidates.max(axis=0) + row
    path = [int((score + last).argmax())]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return path[::-1]


def test_batched_viterbi_agrees_with_the_textbook_one() -> None:
    generator = np.random.default_rng(8)
    for trial in range(300):
        tokens = int(generator.integers(1, 40))
        emissions = generator.normal(size=(tokens, 9)).astype(np.float32)
        step = generator.normal(size=(9, 9)).astype(np.float32)
        if trial % 2:  # whole numbers, so that ties happen
            emissions, step = np.round(emissions * 2), np.round(step)
        bounds = sorted({0, tokens, *generator.integers(0, tokens, 5).tolist()})
        starts = np.array(bounds[:-1], dtype=np.int64)
        lengths = np.diff(bounds).astype(np.int64)
        first = np.round(generator.normal(size=(len(starts), 9))).astype(np.float32)
        last = np.round(generator.normal(size=(len(starts), 9))).astype(np.float32)
        tags = decode_runs(emissions, starts, lengths, first, last, step)
        for run, (start, length) in enumerate(zip(starts, lengths, strict=True)):
            expected = _plain_viterbi(
                emissions[start : start + length], first[run], last[run], step
            )
            assert tags[start : start + length].tolist() == expected


def _many_names_article(sentences: int) -> str:
    syllables = ["ka", "lo", "mir", "ven", "dus", "tra", "bel", "son", "rik", "pa"]
    chooser = random.Random(sentences)

    def name() -> str:
        return "".join(chooser.choice(syllables) for _ in range(3)).capitalize()

    return " ".join(
        f"{name()} {name()} met {name()} Holdings in {name()} on Monday, said {name()}."
        for _ in range(sentences)
    )


def test_other_mentions_of_names_are_found_alike_in_long_and_short_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = _many_names_article(300) + "\n" + _many_names_article(300)
    indexed = extract(article)
    monkeypatch.setattr(consistency, "_INDEX_FROM", 10**12)
    assert extract(article) == indexed


def test_an_article_with_thousands_of_names_costs_linear_time() -> None:
    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            extract(text)
            best = min(best, time.process_time() - started)
        return best

    small, large = _many_names_article(250), _many_names_article(1_000)
    extract(small + large)  # every word met once, so both runs are warm
    # Four times the text may cost four times as much; a quadratic step would cost sixteen.
    assert cost(large) < 8 * cost(small)


def test_articles_tagged_from_several_threads_at_once_get_the_entities_they_get_alone() -> None:
    # An ingest worker and the reader tag at the same time; each article full
    # of words the process has not met yet makes the tagger grow its tables.
    chooser = random.Random(11)

    def made_up_name() -> str:
        letters = "".join(chooser.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))
        return letters.capitalize()

    articles = [
        " ".join(
            f"{made_up_name()} {made_up_name()} met officials of {made_up_name()} Corp in Paris."
            for _ in range(60)
        )
        for _ in range(24)
    ]
    found: dict[int, list[Entity]] = {}
    failures: list[BaseException] = []

    def tag_every_fourth(first: int) -> None:
        try:
            for number in range(first, len(articles), 4):
                found[number] = extract(articles[number])
        except BaseException as failure:  # reported by the assertion below
            failures.append(failure)

    threads = [threading.Thread(target=tag_every_fourth, args=(first,)) for first in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert [found[number] for number in range(len(articles))] == [
        extract(article) for article in articles
    ]
    assert all(any(e.label == "ORG" for e in entities) for entities in found.values())


def test_the_tagger_knows_a_word_only_if_training_met_it() -> None:
    # About a tenth of the hashed weight table's rows hold weights, so asking the
    # table about a new word's lowercase row said "known" for one word in ten.
    tagger = shared_tagger()
    assert tagger.knows("Reuters") and tagger.knows("LONDON") and tagger.knows("Yeltsin")
    made_up = [f"Zorv{a}{b}ne" for a in "aeiou" for b in "bdklmnprstvz"]
    assert not any(tagger.knows(word) for word in made_up)
    assert not tagger.knows("Zorvane")


def test_tagging_scores_a_sentence_as_training_saw_it(tmp_path: Path) -> None:
    """The tagger's fast path (per-word sums, a shared class table, neighbours by offset)
    adds up exactly the rows training updated for each token of a sentence."""
    corpus = tmp_path / "tiny.conll"
    _write_tiny_corpus(corpus)
    documents = read_conll(corpus)
    weights = train(examples(documents, 0.0, seed=7), epochs=2, seed=7)
    table = weights.features.astype(np.float32)
    tagger = Tagger(weights)
    for document in documents:
        encoded = examples([document], 0.0, seed=7)
        words = [word for sentence in document for word in sentence.words]
        lengths = [len(sentence.words) for sentence in document]
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        tagged = tagger.emissions(words, starts, np.zeros(len(document), dtype=bool))
        trained = np.concatenate(
            [np.add.reduceat(table[e.rows], e.starts, axis=0) for e in encoded]
        )
        assert np.allclose(tagged, trained, atol=1e-3)
