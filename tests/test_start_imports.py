"""What starting the reader loads: only what its first frame needs, so it paints sooner."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

START_PATH = """
import json, sys, tempfile
from pathlib import Path
from newsread.cli import parse_args
parse_args([])
from newsread.config.loading import load_config
load_config(Path(tempfile.mkdtemp()))
from newsread.entities.backends import use_backend
use_backend("builtin")
import newsread.tui.app, newsread.tui.launch, newsread.tui.screens.reader
print(json.dumps(sorted(sys.modules)))
"""

DEFERRED = (
    "argparse",
    "newsread.cli_data",
    "newsread.cli_entities",
    "newsread.model_extra",
    "newsread.config.entries",
    "newsread.config.template",
    "newsread.config.validate",
    "newsread.config.locate",
    "newsread.config.reading",
    "tomllib",
    "importlib.util",
    "newsread.library.tagging",
    "newsread.library.clusters",
    "newsread.library.related",
    "newsread.library.query_language",
    "newsread.library.ingesting",
    "newsread.ingest.fields",
    "newsread.entities.tagger",
    "newsread.render.blocks",
    "newsread.tui.widgets.source_list",
    "newsread.tui.widgets.entity_panel",
    "newsread.tui.commands",
    "newsread.tui.entity_commands",
    "newsread.tui.screens.links",
    "newsread.tui.screens.help",
    "newsread.tui.screens.remove_source",
    "numpy",
    "httpx",
    "feedparser",
    "lxml",
    "markdown_it",
)
"""Modules the first frame does without: commands, writers, the tagger, feeds, Markdown."""


@pytest.fixture(scope="module")
def loaded_at_start() -> set[str]:
    """The modules a fresh interpreter holds after importing the reader's start path."""
    done = subprocess.run(
        [sys.executable, "-c", START_PATH], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout))


@pytest.mark.parametrize("module", DEFERRED)
def test_starting_the_reader_does_not_load(module: str, loaded_at_start: set[str]) -> None:
    assert module not in loaded_at_start, f"{module} is loaded before the first frame"


def test_the_start_path_check_sees_the_reader_itself(loaded_at_start: set[str]) -> None:
    assert {"newsread.tui.app", "textual.app", "newsread.library.store"} <= loaded_at_start
