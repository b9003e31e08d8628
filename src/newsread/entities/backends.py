"""Which extractor to use: the builtin tagger or, when installed, spaCy.

`extractor_for(backend, model)` turns the `entities.backend` setting into a
function with the `extract` contract. Choosing spaCy checks that spaCy and
the model are installed without importing either, so a missing one is a
clear configuration error up front, and the builtin choice never touches
spaCy at all.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Final

from newsread.errors import ConfigError
from newsread.model import Entity

BACKENDS: Final = ("builtin", "spacy")
"""The values `entities.backend` accepts."""
DEFAULT_SPACY_MODEL: Final = "en_core_web_sm"

Extractor = Callable[[str], list[Entity]]


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
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False
