"""Names a package or module exports but imports only when first asked for (PEP 562)."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Any


def load_on_first_use(namespace: dict[str, Any], homes: Mapping[str, str], name: str) -> Any:
    """The value of `name` from its module in `homes`, kept in `namespace` for next time.

    `namespace` is the asking module's `globals()`; a home starting with `.` is
    relative to that module's package. Call it from the module's `__getattr__`.
    """
    home = homes.get(name)
    if home is None:
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
    package = namespace["__name__"] if namespace.get("__path__") else namespace["__package__"]
    value = getattr(import_module(home, package=package), name)
    namespace[name] = value
    return value
