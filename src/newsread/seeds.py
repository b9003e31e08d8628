"""The bundled sample articles that fill an empty library on first run."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seed_files() -> list[Path]:
    """Return the bundled seed documents, sorted by name.

    An installed wheel carries them as `newsread/seeds/`; a source checkout
    keeps them in the repository's top-level `seeds/`.
    """
    packaged = Path(str(resources.files("newsread"))) / "seeds"
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    for folder in (packaged, checkout):
        if folder.is_dir():
            return sorted(path for path in folder.glob("*.txt") if path.is_file())
    return []
