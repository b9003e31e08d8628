"""Shared fixtures. Every test runs with its own config directory, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh config directory, exported as NEWSREAD_CONFIG_DIR for the test's duration."""
    directory = tmp_path / "config"
    monkeypatch.setenv("NEWSREAD_CONFIG_DIR", str(directory))
    return directory
