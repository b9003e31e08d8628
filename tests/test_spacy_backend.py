"""The optional spaCy backend: label mapping, the contract, and a clear error when it is missing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsread.cli import main
from newsread.entities import extract, extract_titled
from newsread.entities.backends import extractor_for, use_backend
from newsread.entities.spacy_backend import SPACY_LABELS, extract_with, load_pipeline
from newsread.errors import ConfigError
from newsread.library.tagging import extract_entities
from newsread.model import ENTITY_LABELS


@dataclass(frozen=True)
class FakeSpan:
    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True)
class FakeDoc:
    ents: list[FakeSpan]


def fake_pipeline(found: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """A stand-in for a spaCy model: finds each `(text, label)` wherever the text occurs."""

    def run(text: str) -> FakeDoc:
        spans = []
        for needle, label in found:
            start = text.find(needle)
            while start >= 0:
                spans.append(FakeSpan(start, start + len(needle), label))
                start = text.find(needle, start + 1)
        return FakeDoc(sorted(spans, key=lambda span: span.start_char))

    return run


def test_missing_spacy_is_one_clear_config_error() -> None:
    with pytest.raises(ConfigError) as raised:
        extractor_for("spacy", "en_core_web_sm")
    message = str(raised.value)
    assert message == (
        'entities.backend = "spacy" needs spaCy and the model en_core_web_sm: '
        "pip install 'newsread[spacy]' && python -m spacy download en_core_web_sm"
    )
    assert "\n" not in message


def test_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="flair"):
        extractor_for("flair", "en_core_web_sm")


def test_builtin_backend_is_the_default_extractor() -> None:
    assert extractor_for("builtin", "en_core_web_sm") is extract


def test_every_mapped_label_is_one_of_ours() -> None:
    assert set(SPACY_LABELS.values()) <= set(ENTITY_LABELS)
    assert SPACY_LABELS["GPE"] == SPACY_LABELS["LOC"] == SPACY_LABELS["FAC"] == "PLACE"
    assert SPACY_LABELS["NORP"] == "MISC"
    assert SPACY_LABELS["TIME"] == "DATE"
    assert "CARDINAL" not in SPACY_LABELS


def test_spacy_labels_become_ours_with_keys() -> None:
    text = "Jane Doe of Acme Corp flew from Paris on Monday with 3 French engineers; Doe paid $5."
    pipeline = fake_pipeline(
        [
            ("Jane Doe", "PERSON"),
            ("Acme Corp", "ORG"),
            ("Paris", "GPE"),
            ("Monday", "DATE"),
            ("3", "CARDINAL"),
            ("French", "NORP"),
            ("Doe", "PERSON"),
            ("$5", "MONEY"),
        ]
    )
    entities = extract_with(pipeline, text)
    found = {(e.text, e.label) for e in entities}
    keys = {e.text: e.key for e in entities}
    assert keys["Acme Corp"] == "acme corp"
    assert keys["Doe"] == "jane doe"
    assert found == {
        ("Jane Doe", "PERSON"),
        ("Doe", "PERSON"),
        ("Acme Corp", "ORG"),
        ("Paris", "PLACE"),
        ("Monday", "DATE"),
        ("French", "MISC"),
        ("$5", "MONEY"),
    }


def test_markdown_quotes_and_possessives_stay_outside_spans() -> None:
    text = "## About\n\n**Acme Corp’s** chief met “Zenith” at [Orbit Labs](https://orbit.example)."
    pipeline = fake_pipeline(
        [("Acme Corp’s", "ORG"), ("“Zenith”", "ORG"), ("Orbit Labs", "ORG"), ("About", "ORG")]
    )
    entities = extract_with(pipeline, text)
    assert [e.text for e in entities] == ["About", "Acme Corp", "Zenith", "Orbit Labs"]
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
        assert "*" not in entity.text and "[" not in entity.text


def test_spans_never_overlap_nor_cross_lines() -> None:
    text = "Acme Corp\nHoldings said New York City"
    pipeline = fake_pipeline(
        [("Acme Corp\nHoldings", "ORG"), ("New York City", "GPE"), ("York City", "GPE")]
    )
    entities = extract_with(pipeline, text)
    assert [(e.text, e.label) for e in entities] == [("New York City", "PLACE")]


def test_the_default_install_never_imports_spacy() -> None:
    code = (
        "import sys\n"
        "from newsread.entities.backends import extractor_for\n"
        "extractor_for('builtin', 'en_core_web_sm')('Acme Corp hired Jane Doe in Paris.')\n"
        "try:\n"
        "    extractor_for('spacy', 'en_core_web_sm')\n"
        "except Exception:\n"
        "    pass\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.fixture
def builtin_afterwards() -> Iterator[None]:
    """Whatever a test chooses, later tests tag with the builtin tagger again."""
    yield
    use_backend("builtin")
    load_pipeline.cache_clear()


_FAKE_SPACY = """
class _Span:
    def __init__(self, start, end, label):
        self.start_char, self.end_char, self.label_ = start, end, label

class _Doc:
    def __init__(self, text):
        at = text.find("Zorblat")
        self.ents = [_Span(at, at + 7, "PERSON")] if at >= 0 else []

def load(name, exclude=()):
    return _Doc
"""


def _install_fake_spacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in `spacy` package and model on the path: spaCy itself is not installed here."""
    (tmp_path / "spacy").mkdir()
    (tmp_path / "spacy" / "__init__.py").write_text(_FAKE_SPACY)
    (tmp_path / "fake_model").mkdir()
    (tmp_path / "fake_model" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "spacy", raising=False)


def test_the_library_tags_with_the_chosen_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builtin_afterwards: None
) -> None:
    body = "Zorblat met Jane Doe of Acme Corp in Paris."
    before = extract_entities(body, "Acme Corp hires")
    assert ("Jane Doe", "PERSON") in {(e.text, e.label) for e in before.body}

    _install_fake_spacy(tmp_path, monkeypatch)
    use_backend("spacy", "fake_model")
    found = extract_entities(body, "Zorblat hires")
    assert [(e.text, e.label) for e in found.body] == [("Zorblat", "PERSON")]
    assert [(e.text, e.label) for e in found.title] == [("Zorblat", "PERSON")]

    use_backend("builtin")
    again = extract_entities(body, "Acme Corp hires")
    assert (list(again.title), list(again.body)) == extract_titled("Acme Corp hires", body)


def test_a_missing_spacy_leaves_the_builtin_tagger_in_use(builtin_afterwards: None) -> None:
    with pytest.raises(ConfigError, match="needs spaCy"):
        use_backend("spacy", "en_core_web_sm")
    found = extract_entities("Jane Doe of Acme Corp flew to Paris.")
    assert {(e.text, e.label) for e in found.body} >= {("Jane Doe", "PERSON"), ("Paris", "PLACE")}


def test_the_command_line_reports_a_missing_spacy_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    builtin_afterwards: None,
) -> None:
    monkeypatch.setenv("NEWSREAD_CONFIG_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text('[entities]\nbackend = "spacy"\n')
    status = main(["list"])
    error = capsys.readouterr().err
    assert status != 0
    assert error.endswith("python -m spacy download en_core_web_sm\n")
    assert error.count("\n") == 1 and 'entities.backend = "spacy" needs spaCy' in error
