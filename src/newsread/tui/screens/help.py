"""The `?` screen: every key, grouped, generated from the action definitions and the keymap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from newsread.tui.actions import ALL_ACTIONS, GROUP_ORDER, ActionSpec, grouped
from newsread.tui.keymap import KeyPlan

HELP_COLUMNS: Final[tuple[tuple[str, ...], ...]] = (GROUP_ORDER[:3], GROUP_ORDER[3:])
"""Which groups each column of the help screen lists, so every key fits on one screen."""


def help_text(specs: Sequence[ActionSpec]) -> Text:
    """The key table: a heading per group, then one `keys  description` line per action."""
    key_width = max(cell_len(spec.key_display) for spec in specs)
    text = Text()
    for number, (group, members) in enumerate(grouped(specs)):
        if number:
            text.append("\n")
        text.append(f"{group}\n", style="bold")
        for spec in members:
            text.append(f"  {spec.key_display.ljust(key_width)}  ", style="bold")
            text.append(f"{spec.description}\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    """Lists every key the reader answers to; escape, q or ? closes it."""

    # Here rather than in app.tcss, which is parsed before the first frame: this
    # is parsed when the screen first opens (scoped to it; ids outrank Textual's
    # own defaults, as the app's stylesheet did).
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;

        #help-frame {
            width: 116;
            height: auto;
            max-height: 90%;
            padding: 1 2;
            border: round $primary;
            border-title-color: $primary;
            border-subtitle-color: $foreground-darken-2;
            background: $surface;
        }
        #help-columns {
            height: auto;
        }
        .help-keys {
            width: 1fr;
            margin-right: 2;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,?", "dismiss", "Close help", id="close_help"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, ? | Close the help screen. |
    """

    def compose(self) -> ComposeResult:
        """A framed, scrollable key table, with the keys `[keys]` in config.toml gave."""
        plan = getattr(self.app, "key_plan", None)
        actions = plan.effective_all(ALL_ACTIONS) if isinstance(plan, KeyPlan) else ALL_ACTIONS
        with VerticalScroll(id="help-frame") as frame:
            frame.border_title = "Keys"
            frame.border_subtitle = "esc to close"
            with Horizontal(id="help-columns"):
                for number, groups in enumerate(HELP_COLUMNS):
                    specs = [spec for spec in actions if spec.group in groups]
                    yield Static(help_text(specs), id=f"help-keys-{number}", classes="help-keys")
