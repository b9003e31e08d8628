"""The command line: `newsread` opens the TUI; subcommands script the same library.

Every error reaches the user as one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final

from newsread import __version__
from newsread.errors import NewsreadError
from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.model import Article, ArticleSummary, Entity
from newsread.paths import config_dir, database_path, ensure_config_dir

EXIT_ERROR: Final = 2
EXIT_INTERRUPTED: Final = 130
SUBCOMMANDS: Final = ("list", "show", "mark")


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
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open_library(args: argparse.Namespace) -> Library:
    directory = ensure_config_dir(config_dir(args.config_dir))
    library = Library.open(database_path(directory))
    library.add_sample_articles()
    return library


def _command_list(library: Library, args: argparse.Namespace) -> int:
    article_filter = ArticleFilter.ALL
    if args.unread:
        article_filter = ArticleFilter.UNREAD
    elif args.bookmarked:
        article_filter = ArticleFilter.BOOKMARKED
    summaries = library.list_articles(ViewQuery(filter=article_filter, search=args.search or ""))
    if args.json:
        _print_json([_summary_json(summary) for summary in summaries])
        return 0
    from newsread.cli_output import print_article_table

    print_article_table(summaries)
    return 0


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


def _command_tui(library: Library, args: argparse.Namespace) -> int:
    from newsread.tui.launch import run_tui

    run_tui(library, config_dir(args.config_dir))
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
    listing.add_argument("--search", metavar="TEXT", help="only articles containing all words")
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
    return parser


def _build_tui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsread",
        description="Open the newsread reader. Subcommands: " + ", ".join(SUBCOMMANDS) + ".",
        epilog="Run 'newsread COMMAND --help' for a subcommand's options.",
    )
    _global_options(parser)
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


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line: a subcommand, or the bare TUI form."""
    if _first_positional(argv) in SUBCOMMANDS:
        return build_parser().parse_args(argv)
    return _build_tui_parser().parse_args(argv)


def _fail(message: str) -> int:
    sys.stderr.write(f"newsread: error: {' '.join(message.split())}\n")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsread` console script; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    handler: Callable[[Library, argparse.Namespace], int] = args.handler
    try:
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
