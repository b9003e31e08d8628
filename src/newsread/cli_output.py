"""Human-readable output of the CLI: the article table and one rendered article."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsread.model import Article, ArticleSummary, Entity
from newsread.render import article_renderable, render_article
from newsread.textsafe import one_line


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def print_article_table(summaries: Sequence[ArticleSummary]) -> None:
    """Print one line per article: ID, unread dot, bookmark star, title, source, date."""
    console = _console()
    if not summaries:
        console.print(Text("No articles match.", style="dim"))
        return
    dated = any(summary.published for summary in summaries)
    # IDs are what scripts and people copy: never shorten them; the title gives way instead.
    id_width = max(len(summary.id) for summary in summaries)
    source_width = min(24, max(len(one_line(summary.source)) for summary in summaries))
    date_width = 10 if dated else 0
    columns = 4 + dated
    title_width = console.width - id_width - 2 - source_width - date_width - 2 * (columns - 1)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("ID", style="dim", no_wrap=True, width=id_width)
    table.add_column("", no_wrap=True, width=2)
    table.add_column("Title", overflow="ellipsis", no_wrap=True, max_width=max(title_width, 10))
    table.add_column("Source", style="dim", overflow="ellipsis", no_wrap=True, width=source_width)
    if dated:
        table.add_column("Published", style="dim", no_wrap=True, width=date_width)
    for summary in summaries:
        marks = Text("●" if not summary.read else " ", style="bold cyan")
        marks.append("★" if summary.bookmarked else " ", style="yellow")
        title = Text(one_line(summary.title), style="" if summary.read else "bold")
        cells = [Text(summary.id), marks, title, Text(one_line(summary.source))]
        if dated:
            cells.append(Text((summary.published or "")[:10]))
        table.add_row(*cells)
    console.print(table)


def print_article(article: Article, entities: Sequence[Entity]) -> None:
    """Print the article rendered with its entities highlighted."""
    _console().print(article_renderable(render_article(article, entities)))
