"""Human-readable output of the CLI: tables, one rendered article, progress bars on stderr."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsread.model import Article, ArticleSummary, Entity, SourceInfo
from newsread.render import article_renderable, render_article
from newsread.textsafe import one_line

if TYPE_CHECKING:
    from newsread.refresh import ProgressCallback, RefreshProgress, SourceRefreshResult


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


def _stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=False)


def _progress_bar(console: Console) -> Progress:
    # markup=False everywhere: descriptions may hold source titles, which are untrusted.
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


@contextmanager
def refresh_progress(what: str = "Refreshing") -> Iterator[ProgressCallback | None]:
    """A progress bar on stderr following a refresh; None when stderr is not a terminal."""
    console = _stderr_console()
    if not console.is_terminal:
        yield None
        return
    with _progress_bar(console) as progress:
        task = progress.add_task(what, total=None)

        def update(event: RefreshProgress) -> None:
            description = what
            if event.result is not None:
                description = f"{what} · {one_line(event.result.title)[:40]}"
            progress.update(task, total=event.total, completed=event.done, description=description)

        yield update


@contextmanager
def tagging_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr following entity tagging; None when stderr is not a terminal."""
    console = _stderr_console()
    if not console.is_terminal:
        yield None
        return
    with _progress_bar(console) as progress:
        task = progress.add_task("Finding entities", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, total=total, completed=done)

        yield update


@contextmanager
def fetching_status(count: int) -> Iterator[None]:
    """A spinner on stderr while feed URLs are fetched (only when stderr is a terminal)."""
    console = _stderr_console()
    if count == 0 or not console.is_terminal:
        yield
        return
    noun = "feed" if count == 1 else "feeds"
    with console.status(Text(f"Fetching {count} {noun}…")):
        yield


def _refresh_status(result: SourceRefreshResult) -> Text:
    if result.error is not None:
        return Text(f"failed: {one_line(result.error)}", style="red")
    if result.not_modified:
        return Text("not modified", style="dim")
    status = Text("ok", style="green")
    if result.skipped:
        noun = "file" if len(result.skipped) == 1 else "files"
        status.append(f" ({len(result.skipped)} {noun} skipped)", style="yellow")
    return status


def print_refresh_table(results: Sequence[SourceRefreshResult]) -> None:
    """One row per source: title, new, updated, and ok / not modified / failed with the reason."""
    console = _console()
    if not results:
        console.print(Text("No sources to refresh (add some with 'newsread add').", style="dim"))
        return
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Source", overflow="ellipsis", no_wrap=True, max_width=40)
    table.add_column("New", justify="right")
    table.add_column("Updated", justify="right")
    table.add_column("Status", overflow="fold")
    for result in results:
        table.add_row(
            Text(one_line(result.title)),
            Text(str(result.new)),
            Text(str(result.updated)),
            _refresh_status(result),
        )
    console.print(table)


def print_sources_table(sources: Sequence[SourceInfo]) -> None:
    """One row per source: title (with its folder), kind, counts, last refresh, error, key."""
    console = _console()
    if not sources:
        console.print(Text("No sources (add some with 'newsread add').", style="dim"))
        return
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Source", overflow="ellipsis", no_wrap=True, max_width=40)
    table.add_column("Kind", style="dim", no_wrap=True)
    table.add_column("Articles", justify="right", no_wrap=True)
    table.add_column("Unread", justify="right", no_wrap=True)
    table.add_column("Refreshed", style="dim", no_wrap=True)
    table.add_column("Key", style="dim", overflow="fold")
    for source in sources:
        title = Text()
        if source.folder:
            title.append(" / ".join(one_line(name) for name in source.folder) + " / ", "dim")
        title.append(one_line(source.title))
        if source.last_error is not None:
            title.append(" ⚠", style="red")
        refreshed = (source.last_refresh or "never")[:16].replace("T", " ")
        table.add_row(
            title,
            Text(source.kind.value),
            Text(str(source.articles)),
            Text(str(source.unread)),
            Text(refreshed),
            Text(one_line(source.key)),
        )
    console.print(table)
    for source in sources:
        if source.last_error is not None:
            line = Text(f"⚠ {one_line(source.title)}: ", style="red")
            line.append(one_line(source.last_error))
            console.print(line)
