"""The command palette's "Articles mentioning…": names of the library, found as the user types."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Final

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from newsread.errors import NewsreadError
from newsread.library import Library
from newsread.render import label_name
from newsread.textsafe import one_line
from newsread.tui.entity_messages import ShowEntityArticles
from newsread.tui.screens.reader.base import ReaderBase

if TYPE_CHECKING:
    from newsread.model import EntityInfo

COMMAND: Final = "Articles mentioning…"
COMMAND_HELP: Final = "Type a name: the list shows every article mentioning it"
NAME_PLACEHOLDER: Final = "Articles mentioning… type a name"
_PREFIX: Final = "articles mentioning"
_NAMES_SHOWN: Final = 12
_MAIN_PALETTE_WEIGHT: Final = 0.6
"""Names found from the main palette rank below the commands matching as well."""


def name_help(info: EntityInfo) -> str:
    """`person · 5 articles`: what a found name is and how much the library mentions it."""
    kind = label_name(info.label) if info.label else "name"
    articles = f"{info.articles:,} article" + ("" if info.articles == 1 else "s")
    return f"{kind} · {articles}"


class _EntityProvider(Provider):
    """What both providers share: the library and showing a name's articles."""

    @property
    def library(self) -> Library | None:
        """The library of the screen the palette was opened over."""
        screen = self.screen
        return screen.library if isinstance(screen, ReaderBase) else None

    def _find(self, text: str) -> list[EntityInfo]:
        library = self.library
        if library is None or not text.strip():
            return []
        try:
            return library.find_entities(text.strip(), limit=_NAMES_SHOWN)
        except NewsreadError:
            # A palette search is a suggestion: a failing one simply suggests nothing.
            return []

    def _show(self, info: EntityInfo) -> None:
        self.screen.post_message(ShowEntityArticles(info.key, info.name))

    def _name_hits(self, found: Iterable[EntityInfo], query: str, weight: float) -> Iterator[Hit]:
        """A hit per name; names are untrusted, so they are highlighted as plain text."""
        matcher = self.matcher(query)
        for rank, info in enumerate(found):
            name = f"Articles mentioning {one_line(info.name)}"
            # find_entities ranks by kind of match, then by how widely a name is used.
            score = weight * (1.0 - rank / (2 * _NAMES_SHOWN))
            yield Hit(
                score,
                matcher.highlight(name),
                partial(self._show, info),
                text=name,
                help=name_help(info),
            )


class EntityCommands(_EntityProvider):
    """Offers "Articles mentioning…", and the names matching what is typed in the palette."""

    def _ask_for_name(self) -> None:
        self.app.push_screen(
            CommandPalette(providers=[EntityNameCommands], placeholder=NAME_PLACEHOLDER)
        )

    async def discover(self) -> Hits:
        """The command itself, before the user types."""
        yield DiscoveryHit(COMMAND, self._ask_for_name, help=COMMAND_HELP)

    async def search(self, query: str) -> Hits:
        """The command when its name matches; names matching the typed text below it."""
        matcher = self.matcher(query)
        score = matcher.match(COMMAND)
        if score > 0:
            yield Hit(
                score,
                matcher.highlight(COMMAND),
                self._ask_for_name,
                text=COMMAND,
                help=COMMAND_HELP,
            )
        text = query.strip()
        if text.casefold().startswith(_PREFIX):
            text = text[len(_PREFIX) :].strip(" …")
        for hit in self._name_hits(self._find(text), text, _MAIN_PALETTE_WEIGHT):
            yield hit


class EntityNameCommands(_EntityProvider):
    """The palette opened by "Articles mentioning…": only names, fuzzy-found as the user types."""

    async def discover(self) -> Hits:
        """The library's most mentioned names, before the user types."""
        library = self.library
        if library is None:
            return
        try:
            top = library.top_entities(limit=_NAMES_SHOWN)
        except NewsreadError:
            return
        for info in top:
            name = f"Articles mentioning {one_line(info.name)}"
            yield DiscoveryHit(
                Content(name), partial(self._show, info), text=name, help=name_help(info)
            )

    async def search(self, query: str) -> Hits:
        """Names completing `query`, best first."""
        for hit in self._name_hits(self._find(query), query, 1.0):
            yield hit
