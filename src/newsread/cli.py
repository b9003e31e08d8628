"""The command line: `newsread` opens the TUI; subcommands script the same library.

Every error reaches the user as one line on stderr and a non-zero exit status.

The bare form (`newsread`, `newsread --config-dir DIR`) is read without
argparse and loads none of the subcommands' modules: it is the reader's
start-up path, where every module loaded delays the first frame.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, cast

from newsread import __version__
from newsread.errors import NewsreadError, SourceError
from newsread.library import Library
from newsread.paths import config_dir, database_path, ensure_config_dir
from newsread.textsafe import one_line

if TYPE_CHECKING:
    import argparse

    from newsread.config import Config
    from newsread.model import Article, ArticleSummary, Entity, SourceInfo
    from newsread.refresh import SourceRefreshResult
    from newsread.sources.adding import AddResult

EXIT_ERROR: Final = 2
EXIT_INTERRUPTED: Final = 130
SUBCOMMANDS: Final = (
    "add",
    "sources",
    "remove",
    "refresh",
    "export-opml",
    "list",
    "show",
    "mark",
    "config",
    "entities",
    "export",
    "import",
)


def _summary_json(summary: ArticleSummary | Article) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "source": summary.source,
        "published": summary.published,
        "url": summary.url,
        "read": summary.read,
        "bookmarked": summary.bookmarked,
    }


def _entity_json(entity: Entity) -> dict[str, Any]:
    return {"start": entity.start, "end": entity.end, "label": entity.label, "text": entity.text}


def _print_json(value: object) -> None:
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open_library(args: argparse.Namespace) -> Library:
    directory = ensure_config_dir(config_dir(args.config_dir))
    path = database_path(directory)

    def note_upgrade(stored: int, latest: int) -> None:
        # A large library takes a while to upgrade (once): say why nothing shows yet.
        if path.stat().st_size >= UPGRADE_NOTICE_BYTES:
            _note("", f"upgrading the library {path} (format {stored} → {latest}), once …")

    library = Library.open(path, on_upgrade=note_upgrade)
    for notice in library.notices:
        _note("warning", notice)
    library.start_daily_backup(interactive=args.handler is _command_tui)
    library.add_sample_articles()
    from newsread.sources.settings import apply_source_settings

    # Titles and tags follow config.toml edits on the next run of any command.
    apply_source_settings(library, args.config)
    return library


def _load_config(args: argparse.Namespace) -> Config:
    """The config in effect; each problem in config.toml is one warning line on stderr."""
    from newsread.config.loading import load_config

    loaded = load_config(config_dir(args.config_dir))
    for problem in loaded.problems:
        _note("warning", str(problem))
    # The reader shows them again inside the app, where the user is looking.
    args.config_problems = tuple(str(problem) for problem in loaded.problems)
    return loaded.config


def _command_list(library: Library, args: argparse.Namespace) -> int:
    from newsread import cli_entities
    from newsread.library.views import ArticleFilter, ViewQuery

    article_filter = ArticleFilter.ALL
    if args.unread:
        article_filter = ArticleFilter.UNREAD
    elif args.bookmarked:
        article_filter = ArticleFilter.BOOKMARKED
    query = ViewQuery(filter=article_filter, search=args.search or "", query=_list_query(args))
    summaries = library.list_articles(cli_entities.narrow_list_query(library, args, query))
    if args.json:
        _print_json([_summary_json(summary) for summary in summaries])
        return 0
    from newsread.cli_output import print_article_table

    print_article_table(summaries)
    return 0


def _list_query(args: argparse.Namespace) -> str:
    """`list --query`, with `@NAME` standing for a saved query; `QueryError` if malformed."""
    from newsread.library.query_language import parse_query
    from newsread.library.saved_queries import expand_saved

    if not args.query:
        return ""
    text = expand_saved(args.query, args.config.queries)
    parse_query(text)  # a bad query is reported before anything is listed
    return text


def _command_show(library: Library, args: argparse.Namespace) -> int:
    article = library.get(library.resolve_id(args.id))
    entities = library.entities(article.id)
    if args.json:
        payload = _summary_json(article)
        payload["body"] = article.body
        payload["entities"] = [_entity_json(entity) for entity in entities]
        _print_json(payload)
        return 0
    from newsread.cli_output import print_article

    print_article(article, entities)
    return 0


def _command_mark(library: Library, args: argparse.Namespace) -> int:
    ids = [library.resolve_id(value) for value in args.ids]
    if args.read or args.unread:
        changed = library.set_read(ids, read=bool(args.read))
        what = "read" if args.read else "unread"
    else:
        changed = library.set_bookmarked(ids, bookmarked=bool(args.bookmark))
        what = "bookmarked" if args.bookmark else "not bookmarked"
    noun = "article" if len(ids) == 1 else "articles"
    print(f"Marked {len(ids)} {noun} {what} ({changed} changed).")
    return 0


def _source_json(source: SourceInfo) -> dict[str, Any]:
    return {
        "key": source.key,
        "kind": source.kind.value,
        "title": source.title,
        "folder": list(source.folder),
        "articles": source.articles,
        "unread": source.unread,
        "last_refresh": source.last_refresh,
        "last_error": source.last_error,
        "url": source.url,
    }


UPGRADE_NOTICE_BYTES: Final = 32 * 1024 * 1024
"""Libraries from this size up say so when they are upgraded: it takes a while."""


def _note(kind: str, message: str) -> None:
    """One line on stderr: `newsread: error: …`, `newsread: warning: …` or `newsread: …`."""
    prefix = f"newsread: {kind}: " if kind else "newsread: "
    sys.stderr.write(prefix + one_line(message) + "\n")


def _tag_new_articles(library: Library) -> None:
    """Find the entities of everything just stored, with a progress bar on a terminal."""
    from newsread.cli_output import tagging_progress
    from newsread.refresh import tag_all

    if library.untagged_count() == 0:
        return
    with tagging_progress() as progress:
        tag_all(library, on_progress=progress)


def _add(library: Library, arguments: Sequence[str], *, config: Config, report: bool) -> bool:
    """Add SOURCE arguments, printing errors (and what was added, if `report`); True if all ok."""
    from newsread.cli_output import fetching_status, refresh_progress
    from newsread.sources.adding import add_sources

    urls = sum(argument.strip().lower().startswith(("http:", "https:")) for argument in arguments)
    with fetching_status(urls), refresh_progress("Fetching feeds") as progress:
        results = add_sources(library, arguments, on_progress=progress, config=config)
    for result in results:
        _report_added(result, report=report)
    _tag_new_articles(library)
    return not any(result.error is not None for result in results)


def _report_added(result: AddResult, *, report: bool) -> None:
    for skipped in result.skipped:
        _note("", skipped)
    if result.error is not None:
        _note("error", result.error)
        return
    for source in result.sources:
        if source.error is not None:
            _note("warning", f"{source.title}: {source.error} (subscribed; refresh to retry)")
        elif report:
            print(_added_line(source))


def _added_line(source: SourceRefreshResult) -> str:
    noun = "article" if source.new == 1 else "articles"
    line = f"Added {one_line(source.title)} ({one_line(source.key)}): {source.new} new {noun}"
    if source.updated:
        line += f", {source.updated} updated"
    return line + "."


def _command_add(library: Library, args: argparse.Namespace) -> int:
    return 0 if _add(library, args.sources, config=args.config, report=True) else EXIT_ERROR


def _command_sources(library: Library, args: argparse.Namespace) -> int:
    sources = library.sources()
    if args.json:
        _print_json([_source_json(source) for source in sources])
        return 0
    from newsread.cli_output import print_sources_table

    print_sources_table(sources)
    return 0


def _command_remove(library: Library, args: argparse.Namespace) -> int:
    source = library.find_source(args.source)
    removed = library.remove_source(source.key)
    noun = "article" if removed.deleted == 1 else "articles"
    line = f"Removed {one_line(removed.title)} ({one_line(removed.key)}): {removed.deleted} {noun}"
    if removed.kept:
        line += f" deleted, {removed.kept} bookmarked kept."
    else:
        line += " deleted."
    print(line)
    return 0


def _command_refresh(library: Library, args: argparse.Namespace) -> int:
    from newsread.cli_output import print_refresh_table, refresh_progress
    from newsread.refresh import refresh

    keys = [library.find_source(text).key for text in args.sources] if args.sources else None
    with refresh_progress() as progress:
        results = refresh(library, keys, on_progress=progress, config=args.config)
    for result in results:
        for skipped in result.skipped:
            _note("", skipped)
    print_refresh_table(results)
    _tag_new_articles(library)
    failed = [result for result in results if result.failed]
    # Naming sources asks for them: any failure counts. A plain refresh fails only if all did.
    if failed and (keys is not None or len(failed) == len(results)):
        return EXIT_ERROR
    return 0


def _command_export_opml(library: Library, args: argparse.Namespace) -> int:
    from newsread.sources.opml_io import export_opml

    document, count = export_opml(library)
    noun = "feed" if count == 1 else "feeds"
    if args.file == "-":
        sys.stdout.write(document)
        return 0
    _write_atomically(Path(args.file), document)
    print(f"Exported {count} {noun} to {one_line(args.file)}.")
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, so a failure never leaves half a file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        reason = one_line(error.strerror or str(error)).lower()
        raise SourceError(f"cannot write {one_line(str(path))}: {reason}") from error


def _command_tui(library: Library, args: argparse.Namespace) -> int:
    if args.sources:
        # Errors are printed and the reader opens anyway: the library itself is fine.
        _add(library, args.sources, config=args.config, report=False)
    from newsread.tui.launch import run_tui

    run_tui(
        library,
        config_dir(args.config_dir),
        args.config,
        config_problems=args.config_problems,
    )
    return 0


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help="config directory (default: $NEWSREAD_CONFIG_DIR or the platform's config dir)",
    )
    parser.add_argument("--version", action="version", version=f"newsread {__version__}")


def build_parser() -> argparse.ArgumentParser:
    """The parser for the subcommands (the bare `newsread` TUI form is parsed separately)."""
    import argparse

    from newsread import cli_data, cli_entities
    from newsread.cli_config import register as register_config_command

    parser = argparse.ArgumentParser(
        prog="newsread",
        description="A terminal news reader that highlights the people, companies, places, "
        "sums of money and dates in what you read.",
    )
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="list articles, newest first")
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--unread", action="store_true", help="only unread articles")
    which.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")
    listing.add_argument(
        "--search",
        metavar="TEXT",
        help='only articles matching TEXT (words, "phrases", prefix*, -exclude), best first',
    )
    cli_entities.add_list_options(listing, which)
    listing.add_argument(
        "--query",
        metavar="QUERY",
        help="only articles matching QUERY, e.g. 'unread source:bbc -tag:sport after:7d' "
        "(see the README); @NAME runs a saved query",
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=_command_list)

    show = commands.add_parser("show", help="show one article with its entities highlighted")
    show.add_argument("id", metavar="ID", help="article ID (or a unique prefix of one)")
    show.add_argument("--json", action="store_true", help="print JSON with body and entities")
    show.set_defaults(handler=_command_show)

    mark = commands.add_parser("mark", help="mark articles read/unread or (un)bookmark them")
    mark.add_argument("ids", metavar="ID", nargs="+", help="article IDs (or unique prefixes)")
    how = mark.add_mutually_exclusive_group(required=True)
    for flag in ("--read", "--unread", "--bookmark", "--unbookmark"):
        how.add_argument(flag, action="store_true")
    mark.set_defaults(handler=_command_mark)
    cli_entities.register(commands)
    _source_commands(commands)
    register_config_command(commands)
    cli_data.register(commands)
    return parser


def _source_commands(commands: Any) -> None:
    """The subcommands that manage sources: add, sources, remove, refresh, export-opml."""
    add = commands.add_parser("add", help="add files, folders, feed URLs or OPML files")
    add.add_argument(
        "sources", metavar="SOURCE", nargs="+", help="a file, a folder, a feed URL, an OPML file"
    )
    add.set_defaults(handler=_command_add)

    listing = commands.add_parser("sources", help="list sources with article counts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=_command_sources)

    remove = commands.add_parser("remove", help="unsubscribe (bookmarked articles are kept)")
    remove.add_argument("source", metavar="SOURCE", help="key, URL, path or title of a source")
    remove.set_defaults(handler=_command_remove)

    refresh = commands.add_parser("refresh", help="re-read sources and fetch feeds")
    refresh.add_argument(
        "sources", metavar="SOURCE", nargs="*", help="only these sources (default: all)"
    )
    refresh.set_defaults(handler=_command_refresh)

    export = commands.add_parser("export-opml", help="write the feed subscriptions as OPML")
    export.add_argument("file", metavar="FILE", help="where to write ('-' for stdout)")
    export.set_defaults(handler=_command_export_opml)


def _build_tui_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="newsread",
        description="Open the newsread reader. Subcommands: " + ", ".join(SUBCOMMANDS) + ".",
        epilog="Run 'newsread COMMAND --help' for a subcommand's options.",
    )
    _global_options(parser)
    parser.add_argument(
        "sources", metavar="SOURCE", nargs="*", help="files, folders, feed URLs to add first"
    )
    parser.set_defaults(handler=_command_tui)
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    skip_next = False
    for argument in argv:
        if skip_next:
            skip_next = False
            continue
        if argument == "--config-dir":
            skip_next = True
            continue
        if not argument.startswith("-"):
            return argument
    return None


def _bare_config_dir(argv: Sequence[str]) -> tuple[bool, str | None]:
    """`(True, DIR or None)` for the bare reader form (no arguments but `--config-dir DIR`).

    Anything else (a source, a subcommand, any other option, a missing or
    dash-led directory) is `(False, None)`: argparse reads it, and reports it.
    """
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--config-dir="):
        directory = argv[0].removeprefix("--config-dir=")
        return bool(directory), directory or None
    if len(argv) == 2 and argv[0] == "--config-dir" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line: a subcommand, or the bare TUI form."""
    bare, directory = _bare_config_dir(argv)
    if bare:
        # What argparse would make of it, without loading argparse.
        return cast(
            "argparse.Namespace",
            SimpleNamespace(config_dir=directory, sources=[], handler=_command_tui),
        )
    if _first_positional(argv) in SUBCOMMANDS:
        return build_parser().parse_args(argv)
    return _build_tui_parser().parse_args(argv)


def _fail(message: str) -> int:
    sys.stderr.write(f"newsread: error: {' '.join(message.split())}\n")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsread` console script; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if not getattr(args, "needs_library", True):
            standalone: Callable[[argparse.Namespace], int] = args.handler
            return standalone(args)
        args.config = _load_config(args)
        from newsread.entities.backends import use_backend

        use_backend(args.config.entities.backend, args.config.entities.spacy_model)
        handler: Callable[[Library, argparse.Namespace], int] = args.handler
        with _open_library(args) as library:
            return handler(library, args)
    except NewsreadError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`newsread list | head`): not an error.
        # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
