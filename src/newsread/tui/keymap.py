"""`[keys]` from config.toml checked against the reader's actions before Textual sees it.

Textual remaps a binding by its `id` (`App.set_keymap`). Before handing the
user's remaps over, `plan_keys` rejects what would make a key ambiguous:

- an unknown action id is reported and ignored;
- a remap that puts a key on two actions that are active together (the
  screen's keys with those of the focused pane; Textual's own ctrl+p, ctrl+q
  and ctrl+c) is reported naming both actions and not applied, so the action keeps
  its default keys. When two remaps claim one key, the one later in the file
  is dropped first; when a remap takes a key an action has by default, the
  remap is dropped (swapping two actions' keys in two remaps is fine).

The result is the keymap to install and the actions with their effective
keys, which the help screen and the command palette show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from textual.binding import Binding

from newsread.tui.actions import (
    ALL_ACTIONS,
    ARTICLE_ACTIONS,
    ENTITY_PANEL_ACTIONS,
    LIST_ACTIONS,
    OPEN,
    OPEN_RELATED,
    SCREEN_ACTIONS,
    ActionSpec,
)

if TYPE_CHECKING:
    from newsread.config import KeyRemap

KEY_CONTEXTS: Final[tuple[tuple[ActionSpec, ...], ...]] = (
    (*LIST_ACTIONS, OPEN, *SCREEN_ACTIONS),
    (*ENTITY_PANEL_ACTIONS, *SCREEN_ACTIONS),
    (*ARTICLE_ACTIONS, OPEN_RELATED, *SCREEN_ACTIONS),
)
"""Groups of actions whose keys are live at the same time: the screen's keys with
those of the focused pane (the list, the entity panel, the article view)."""

RESERVED_KEYS: Final[Mapping[str, str]] = {
    "ctrl+p": "command palette",
    "ctrl+q": "quit (Textual)",
    "ctrl+c": "copy / quit (Textual)",
}
"""Keys Textual itself answers to in every context, by what they do."""


@dataclass(frozen=True, slots=True)
class KeyPlan:
    """The remaps to install and what was wrong with the others."""

    keymap: Mapping[str, str]
    """Binding id → comma-separated keys, for `App.set_keymap`."""
    problems: tuple[str, ...]
    """One line per remap not applied, naming the actions concerned."""

    def effective(self, spec: ActionSpec) -> ActionSpec:
        """`spec` with the keys it answers to after remapping."""
        keys = self.keymap.get(spec.id)
        return spec if keys is None else replace(spec, keys=keys)

    def effective_all(self, specs: Iterable[ActionSpec]) -> list[ActionSpec]:
        """`specs` with their effective keys, in the same order."""
        return [self.effective(spec) for spec in specs]


def normalized_keys(keys: str) -> tuple[str, ...]:
    """Textual's names for a comma-separated key string (`?` → `question_mark`)."""
    return tuple(binding.key for binding in Binding.make_bindings([Binding(keys, "")]))


def plan_keys(
    remaps: Sequence[KeyRemap],
    contexts: Sequence[Sequence[ActionSpec]] = KEY_CONTEXTS,
) -> KeyPlan:
    """Check `remaps` (config order) against `contexts`; see the module docstring for the rules."""
    known = {spec.id for context in contexts for spec in context} | {s.id for s in ALL_ACTIONS}
    problems: list[str] = []
    accepted: dict[str, str] = {}
    order: dict[str, int] = {}
    for number, remap in enumerate(remaps):
        if remap.action not in known:
            problems.append(f"keys: unknown action {remap.action!r}; it is ignored")
            continue
        # A later entry for the same action replaces an earlier one, as in a TOML table.
        accepted[remap.action] = ",".join(remap.keys)
        order[remap.action] = number
    while (clash := _first_clash(accepted, contexts)) is not None:
        key, dropped, other = _loser(clash, accepted, order)
        del accepted[dropped]
        problems.append(
            f"keys: {dropped!r} on {key!r} conflicts with {other!r}; "
            f"{dropped!r} keeps its default keys"
        )
    return KeyPlan(dict(accepted), tuple(problems))


@dataclass(frozen=True, slots=True)
class _Clash:
    key: str
    first: str
    second: str


def _first_clash(
    remapped: Mapping[str, str], contexts: Sequence[Sequence[ActionSpec]]
) -> _Clash | None:
    """The first key bound to two different actions in one context, if any."""
    for context in contexts:
        owner = dict(RESERVED_KEYS)
        for spec in _unique(context):
            for key in normalized_keys(remapped.get(spec.id, spec.keys)):
                holder = owner.setdefault(key, spec.id)
                if holder != spec.id and (holder in remapped or spec.id in remapped):
                    return _Clash(key, holder, spec.id)
    return None


def _loser(
    clash: _Clash, remapped: Mapping[str, str], order: Mapping[str, int]
) -> tuple[str, str, str]:
    """(key, the action whose remap is dropped, the action it clashed with)."""
    candidates = [name for name in (clash.first, clash.second) if name in remapped]
    dropped = max(candidates, key=lambda name: order[name])
    other = clash.second if dropped == clash.first else clash.first
    return clash.key, dropped, other


def _unique(specs: Iterable[ActionSpec]) -> list[ActionSpec]:
    """`specs` without repeats of an id (the list's enter and the screen's are one action)."""
    seen: dict[str, ActionSpec] = {}
    for spec in specs:
        seen.setdefault(spec.id, spec)
    return list(seen.values())
