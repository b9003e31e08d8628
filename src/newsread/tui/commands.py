"""The command palette's reader commands, built from the same action definitions as the keys."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsread.tui.actions import SCREEN_ACTIONS, ActionSpec
from newsread.tui.keymap import KeyPlan


def command_name(spec: ActionSpec) -> str:
    """The palette entry for `spec`: its description."""
    return spec.description


def command_help(spec: ActionSpec) -> str:
    """The palette's help line for `spec`: its keys."""
    return f"Key: {spec.key_display}"


class ReaderCommands(Provider):
    """Offers every reader action (open, bookmark, filter, search, …) in the palette."""

    def _keyed(self, spec: ActionSpec) -> ActionSpec:
        """`spec` with the keys `[keys]` in config.toml gave it."""
        plan = getattr(self.app, "key_plan", None)
        return plan.effective(spec) if isinstance(plan, KeyPlan) else spec

    def _run(self, spec: ActionSpec) -> None:
        """Run `spec`'s action on the screen the palette was opened over."""
        self.app.call_later(self.screen.run_action, spec.id)

    async def discover(self) -> Hits:
        """Every action, in definition order, before the user types."""
        for spec in SCREEN_ACTIONS:
            yield DiscoveryHit(
                command_name(spec), partial(self._run, spec), help=command_help(self._keyed(spec))
            )

    async def search(self, query: str) -> Hits:
        """Actions whose description matches `query`, best first."""
        matcher = self.matcher(query)
        for spec in SCREEN_ACTIONS:
            name = command_name(spec)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._run, spec),
                    text=name,
                    help=command_help(self._keyed(spec)),
                )
