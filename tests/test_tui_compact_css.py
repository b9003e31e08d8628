"""The stylesheet is read compacted: the reader must look exactly as the readable file says."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.css.errors import StylesheetError
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from newsread.tui.compact_css import CompactStylesheet, compact_tcss
from newsread.tui.entity_colours import entity_colour_variables

APP_TCSS = Path(__file__).parent.parent / "src" / "newsread" / "tui" / "app.tcss"


def theme_variables(theme_name: str) -> dict[str, str]:
    """The CSS variables the reader parses its stylesheet with, under `theme_name`."""
    app: App[None] = App()
    theme = app.get_theme(theme_name)
    assert theme is not None
    generated = theme.to_color_system().generate()
    defaults = {**app.get_theme_variable_defaults(), **entity_colour_variables(generated)}
    return {**defaults, **generated, **theme.variables}


def parsed(css: str, variables: dict[str, str]) -> list[RuleSet]:
    stylesheet = Stylesheet(variables=variables)
    stylesheet.add_source(css, read_from=("test.tcss", ""))
    stylesheet.parse()
    return stylesheet.rules


def described(rules: list[RuleSet]) -> list[tuple[object, ...]]:
    """Each rule as what decides its effect: selectors, their specificity, its declarations."""
    return [
        (
            rule.css,
            [(selectors.specificity, selectors.selectors) for selectors in rule.selector_set],
            rule.tie_breaker,
            rule.is_default_rules,
        )
        for rule in rules
    ]


@pytest.mark.parametrize("theme_name", ["tokyo-night", "catppuccin-latte"])
def test_the_compacted_stylesheet_has_exactly_the_rules_of_app_tcss(theme_name: str) -> None:
    css = APP_TCSS.read_text(encoding="utf-8")
    variables = theme_variables(theme_name)
    readable = described(parsed(css, variables))
    assert len(readable) > 40
    assert described(parsed(compact_tcss(css), variables)) == readable
    # What Textual's tokenizer skips over is gone: no line breaks, no indentation.
    assert "\n" not in compact_tcss(css)
    assert "  " not in compact_tcss(css)


def test_compacting_keeps_selectors_values_and_descendants_split_over_lines() -> None:
    css = """
    /* a comment { with: braces; } */
    #reading.-stacked
    EntityPanel {
        padding: 1 2 1 3;   /* four numbers stay four */
        border-top: hkey $panel;
        & > .entity-panel--count { color: red; text-style: bold italic; }
    }
    Button:hover, #remove-buttons > Button { margin-left: 2; }
    """
    variables = {"panel": "#123456"}
    assert described(parsed(compact_tcss(css), variables)) == described(parsed(css, variables))


def test_the_stylesheet_reads_files_compacted_under_their_own_path(tmp_path: Path) -> None:
    path = tmp_path / "app.tcss"
    path.write_text("#main {\n    height: 1fr;\n}\n", encoding="utf-8")
    stylesheet = CompactStylesheet()
    stylesheet.read(path)
    assert stylesheet.has_source(str(path))
    assert [rule.css for rule in stylesheet.rules] == [
        rule.css for rule in parsed(path.read_text(), {})
    ]


def test_a_missing_stylesheet_file_is_the_error_textual_reports(tmp_path: Path) -> None:
    with pytest.raises(StylesheetError, match="unable to read CSS file"):
        CompactStylesheet().read(tmp_path / "missing.tcss")
