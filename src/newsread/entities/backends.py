"""Which extractor to use: the builtin tagger or, when installed, spaCy.

`extractor_for(backend, model)` turns the `entities.backend` setting into a
function with the `extract` contract. Choosing spaCy checks that spaCy and
the model are installed without importing either, so a missing one is a
clear configuration error up front, and the builtin choice never touches
spaCy at all. `use_backend` makes a choice the process's own (the command
line does so from config.toml), and `extract_article` tags an article's
title and body with it, which is how the library tags.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final

from newsread.errors import ConfigError

if TYPE_CHECKING:
    # Only annotations use these: every command imports this module before it starts.
    from collections.abc import Callable

    from newsread.model import Entity

    Extractor = Callable[[str], list[Entity]]

BACKENDS: Final = ("builtin", "spacy")
"""The values `entities.backend` accepts."""
DEFAULT_SPACY_MODEL: Final = "en_core_web_sm"

_CHOSEN: dict[str, Extractor] = {}
"""The extractor `use_backend` chose for this process; empty means the builtin one."""


def extractor_for(backend: str, model: str = DEFAULT_SPACY_MODEL) -> Extractor:
    """The extractor `backend` names; `model` is the spaCy model (a package name or a path).

    Raises `ConfigError` for an unknown backend, or for spaCy when spaCy or
    the model is not installed.
    """
    if backend == "builtin":
        from newsread.entities import extract

        return extract
    if backend == "spacy":
        if not _installed("spacy") or not (_installed(model) or Path(model).is_dir()):
            raise ConfigError(
                f'entities.backend = "spacy" needs spaCy and the model {model}: '
                f"pip install 'newsread[spacy]' && python -m spacy download {model}"
            )
        from newsread.entities.spacy_backend import extract_with_spacy

        return partial(extract_with_spacy, model_name=model)
    choices = ", ".join(f'"{name}"' for name in BACKENDS)
    raise ConfigError(f'entities.backend = "{backend}" is unknown; use one of {choices}')


def _installed(module: str) -> bool:
    if not module.isidentifier():
        return False
    import importlib.util  # only spaCy's check needs it

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def use_backend(backend: str, model: str = DEFAULT_SPACY_MODEL) -> None:
    """Tag with `backend` from now on in this process (`extract_article`).

    Raises `ConfigError` as `extractor_for` does, leaving the choice unchanged.
    """
    chosen = extractor_for(backend, model) if backend != "builtin" else None
    _CHOSEN.clear()
    if chosen is not None:
        _CHOSEN["extract"] = chosen


def extract_article(title: str, body: str) -> tuple[list[Entity], list[Entity]]:
    """The entities of an article's `title` and `body`, with the backend in use.

    The builtin tagger reads the two together (`extract_titled`); another
    backend tags each on its own. A blank title has no entities.
    """
    chosen = _CHOSEN.get("extract")
    if chosen is not None:
        return (chosen(title) if title.strip() else []), chosen(body)
    from newsread.entities import extract, extract_titled

    if not title.strip():
        return [], extract(body)
    return extract_titled(title, body)
