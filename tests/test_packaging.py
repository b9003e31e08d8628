"""The installed package carries everything a first run needs."""

from __future__ import annotations

from pathlib import Path

import newsread
from newsread.seeds import seed_files

REPO_SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_the_two_sample_documents_are_bundled() -> None:
    files = seed_files()
    assert [path.name for path in files] == sorted(p.name for p in REPO_SEEDS.glob("*.txt"))
    assert len(files) == 2
    for path in files:
        assert path.read_bytes() == (REPO_SEEDS / path.name).read_bytes()


def test_an_installed_wheel_finds_seeds_inside_the_package() -> None:
    package_dir = Path(newsread.__file__).resolve().parent
    if "site-packages" not in package_dir.parts:
        # Running from a source checkout (editable install): the checkout's seeds/ is used.
        assert seed_files()[0].parent == REPO_SEEDS.resolve()
        return
    assert all(path.parent == package_dir / "seeds" for path in seed_files())
