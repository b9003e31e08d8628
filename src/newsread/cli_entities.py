"""The entity side of the command line: `newsread entities [ID]`, `list --entity/--watched`.

`entities` prints the library's most mentioned entities, or one article's,
grouped by type in legend order, most mentioned first within each type.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Final, TypeVar

from newsread.library import Library, ViewQuery
from newsread.model import ENTITY_LABELS, ArticleEntity, EntityInfo
from newsread.textsafe import one_line

DEFAULT_PER_TYPE: Final = 10
"""How many of the library's entities `newsread entities` lists per type."""

_Named = TypeVar("_Named", EntityInfo, ArticleEntity)


def add_list_options(listing: argparse.ArgumentParser, which: Any) -> None:
    """Add `--watched` (to the mutually exclusive `which` group) and `--entity NAME` to `list`."""
    which.add_argument(
        "--watched", action="store_true", help="only articles mentioning a followed entity"
    )
    listing.add_argument(
        "--entity",
        metavar="NAME",
        help="only articles mentioning the entity NAME (a name, a key or the start of one)",
    )


def narrow_list_query(library: Library, args: argparse.Namespace, query: ViewQuery) -> ViewQuery:
    """`query` narrowed by `list --entity` and `--watched`; an unknown NAME is a `LibraryError`."""
    if getattr(args, "entity", None):
        query = replace(query, entity_key=library.resolve_entity(args.entity).key)
    if getattr(args, "watched", False):
        query = replace(query, watched=True)
    return query


def register(commands: Any) -> None:
    """Add the `entities` subcommand to the subparsers `commands`."""
    entities = commands.add_parser(
        "entities", help="the library's most mentioned entities, or one article's"
    )
    entities.add_argument(
        "id", metavar="ID", nargs="?", help="an article ID (or a unique prefix of one)"
    )
    entities.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_PER_TYPE,
        metavar="N",
        help=f"library entities listed per type (default {DEFAULT_PER_TYPE})",
    )
    entities.add_argument("--json", action="store_true", help="print a JSON array")
    entities.set_defaults(handler=command_entities)


def _by_type(found: Sequence[_Named]) -> list[_Named]:
    """`found` grouped by label in legend order, keeping each group's order."""
    order = {label: position for position, label in enumerate(ENTITY_LABELS)}
    return sorted(found, key=lambda entity: order.get(entity.label, len(order)))


def _library_entities(library: Library, per_type: int) -> list[EntityInfo]:
    return [
        info for label in ENTITY_LABELS for info in library.top_entities(label, max(per_type, 0))
    ]


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def command_entities(library: Library, args: argparse.Namespace) -> int:
    """`newsread entities [ID] [--json]`."""
    if args.id is None:
        infos = _library_entities(library, args.limit)
        if args.json:
            _print_json(
                [
                    {
                        "key": info.key,
                        "name": info.name,
                        "label": info.label,
                        "articles": info.articles,
                        "mentions": info.mentions,
                    }
                    for info in infos
                ]
            )
        else:
            _print_grouped(infos, lambda info: _count(info.articles, "article"))
        return 0
    article_id = library.resolve_id(args.id)
    found = _by_type(library.article_entities(article_id))
    if args.json:
        _print_json(
            [
                {"key": e.key, "name": e.name, "label": e.label, "mentions": e.mentions}
                for e in found
            ]
        )
    else:
        _print_grouped(found, lambda entity: _count(entity.mentions, "mention"))
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _print_grouped(found: Sequence[_Named], describe: Callable[[_Named], str]) -> None:
    """One heading per type, then one line per entity: its name and `describe(entity)`."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)
    if not found:
        console.print(Text("No entities found (yet).", style="dim"))
        return
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("Name", overflow="ellipsis", no_wrap=True, max_width=60)
    table.add_column("Count", style="dim", justify="right", no_wrap=True)
    label = None
    for entity in found:
        if entity.label != label:
            if label is not None:
                table.add_row(Text(""), Text(""))
            label = entity.label
            table.add_row(Text(label, style="bold"), Text(""))
        table.add_row(Text("  " + one_line(entity.name)), Text(describe(entity)))
    console.print(table)
