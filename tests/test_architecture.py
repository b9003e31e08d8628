"""The core stays pure and the code stays clean: checks over the source tree itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsread"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_nothing_outside_tui_imports_textual() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "tui" in path.relative_to(PACKAGE).parts:
            continue
        textual = {m for m in _imported_modules(path) if m.split(".")[0] == "textual"}
        if textual:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(textual)}")
    assert offenders == []


def test_core_modules_import_without_textual() -> None:
    """Importing the core (library, ingest, entities, render, cli) must not load Textual."""
    code = (
        "import sys\n"
        "import newsread.cli, newsread.library, newsread.render, newsread.entities\n"
        "import newsread.ingest.text\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_ruff_check_and_format_are_clean() -> None:
    pytest.importorskip("ruff")
    parts = ("src", "tests", "scripts", "bench")
    paths = [str(ROOT / part) for part in parts if (ROOT / part).is_dir()]
    check = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *paths], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *paths], capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(PACKAGE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
