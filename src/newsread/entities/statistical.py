"""The extractor: the trained tagger's names with evidence from the whole article.

The text is an article body in Markdown. Its syntax is blanked out first
(`prose`), then number-shaped entities are matched (`patterns`) and the
trained tagger finds the names (`statistical_names`); other mentions of the
names it found are added (`consistency`), as are names plain from their shape
(`cue_names`: `Acme Holdings`, `WhatsApp`, `H100 GPU`); a headline keeps only
names the body proves (`headlines`), and a name found in a sentence is found in
capitals on a headline too (`consistency`); makers are split from products
(`brands`), names the tagger cut in pieces joined again (`joined_names`),
common acronyms and common nouns in capitals dropped (`acronyms`,
`common_words`), each name's label is decided from all its mentions
(`evidence`), a one-word name no one introduces as a person is taken for an
organisation (`introductions`), some become products or events (`refine`),
mentions of one thing get one label and key (`identity`), a standings row opens
with a team and a dateline with a place (`line_formats`), and `merge` makes
one sorted, non-overlapping list. The tagger (and numpy) is imported and its model loaded
on the first call.
"""

from __future__ import annotations

import threading

from newsread.entities.acronyms import drop_common_acronyms
from newsread.entities.apostrophe_names import with_name_apostrophes
from newsread.entities.brands import split_brands
from newsread.entities.common_words import drop_common_words
from newsread.entities.consistency import capitals_mentions, repeat_mentions
from newsread.entities.cue_names import find_cue_names
from newsread.entities.currency_prefixes import split_currency_prefixes
from newsread.entities.defined_names import join_defined_names
from newsread.entities.evidence import weigh
from newsread.entities.fused_adjectives import whole_fused_adjectives
from newsread.entities.given_names import join_given_names
from newsread.entities.headlines import cut_at_headline_verbs, prove_headline_names, title_lines
from newsread.entities.holidays import with_holidays
from newsread.entities.identity import name_key, unify
from newsread.entities.introductions import unintroduced_persons
from newsread.entities.joined_names import (
    has_compass_words,
    has_particles,
    join_compass_names,
    join_desks,
    join_first,
    join_institution_names,
    join_institutions_of,
    join_nationality_bodies,
    join_organisation_endings,
    join_particle_names,
    join_partners,
    join_purpose_names,
    join_trades,
)
from newsread.entities.known_places import with_known_places
from newsread.entities.line_formats import by_line_format
from newsread.entities.merge import keep_clean, merge
from newsread.entities.patterns import find_patterns
from newsread.entities.prose import mask_markdown
from newsread.entities.refine import refine
from newsread.entities.state_names import join_state_names
from newsread.entities.statistical_names import find_names
from newsread.entities.tagger import shared_tagger
from newsread.model import Entity

# The tagger and the stages' caches learn every new word they meet; two
# threads doing that at once (an ingest worker while an article is tagged on
# demand) would corrupt them for the rest of the process.
_one_at_a_time = threading.Lock()


def extract_statistical(text: str) -> list[Entity]:
    """Return the entities in `text` found with the trained tagger, sorted and non-overlapping.

    Every entity satisfies `text[e.start:e.end] == e.text`, lies within one
    line, and contains no Markdown syntax; mentions of one thing share a `key`.
    Safe to call from several threads at once.
    """
    with _one_at_a_time:
        return _extract(text)


def _extract(text: str) -> list[Entity]:
    prose = mask_markdown(text)
    tagger = shared_tagger()
    known = tagger.knows
    numeric = [
        Entity(e.start, e.end, e.label, e.text, name_key(e.text))
        for e in keep_clean(text, prose.text, find_patterns(prose.text))
    ]
    titles = title_lines(prose)
    found = cut_at_headline_verbs(prose, find_names(text, prose, titles, numeric), titles)
    found = find_cue_names(
        prose.text,
        repeat_mentions(prose.text, found, numeric),
        numeric,
        tagger.met_in_lowercase,
        tagger.met_as_written,
    )
    found = prove_headline_names(prose, found, titles)
    found = capitals_mentions(prose.text, found, numeric, tagger.met_in_lowercase)
    names = join_institution_names(prose.text, split_brands(found, known))
    if has_particles(prose.text):
        names = join_particle_names(prose.text, names)
    names = join_given_names(prose.text, names)
    if " for " in prose.text or " of " in prose.text:
        names = join_purpose_names(prose.text, names)
    names = join_state_names(prose.text, join_organisation_endings(prose.text, names))
    names = join_institutions_of(prose.text, join_partners(prose.text, names))
    if " and " in prose.text or " und " in prose.text:
        names = join_trades(prose.text, names)
    if has_compass_words(prose.text):
        names = join_compass_names(prose.text, names)
    if "Newsroom" in text or "Desk" in text or "Bureau" in text:
        names = join_desks(prose.text, names)
    names = drop_common_words(text, drop_common_acronyms(text, names), tagger)
    if " (" in prose.text:
        names = join_defined_names(prose.text, names)
    names = unintroduced_persons(text, weigh(text, names, known), known)
    names = unify(refine(text, names, known, {e.start for e in numeric}), text, known)
    names = by_line_format(text, with_name_apostrophes(text, names))
    names = with_known_places(prose.text, with_holidays(prose.text, names, numeric), numeric)
    names = join_nationality_bodies(prose.text, join_first(prose.text, names))
    names = whole_fused_adjectives(prose.text, names)
    found = keep_clean(text, prose.text, merge(numeric, names))
    return split_currency_prefixes(text, found) if "$" in text else found
