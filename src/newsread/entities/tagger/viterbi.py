"""Best tag sequences, many at once.

Sequences are decoded together: step `t` advances every sequence longer
than `t` with one array operation, so the Python loop runs as many times as
the longest sequence has tokens. `decode_document` first cuts sentences at
tokens that are plainly outside any name (`O` ahead of every other tag by a
wide margin), so the sequences left are short runs around candidate names.

Arrays here are tiny (a few dozen runs of nine tags), so what costs is the
number of numpy calls and their kind: a maximum over the first axis of a
`(tags, tags, runs)` block is cheap, over an inner axis it is not; and back
pointers are found again while tracing back (an arg-max over one step's
nine candidates) instead of being kept for every tag of every step.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from newsread.entities.tagger.tags import IMPOSSIBLE

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]

_OUTSIDE = 0


def decode_runs(
    emissions: Floats, starts: Ints, lengths: Ints, first: Floats, last: Floats, step: Floats
) -> Ints:
    """Tags for `emissions` (`(tokens, tags)`) in each run `[starts[r], starts[r] + lengths[r])`.

    `first[r]` scores the run's first tag (before its emission), `last[r]` its
    last tag, and `step[a, b]` a move from tag `a` to tag `b`. Tokens outside
    every run get tag `O`. Ties go to the lowest tag index.
    """
    return _decode_runs(np.ascontiguousarray(emissions.T), starts, lengths, first.T, last, step)


def _decode_runs(
    scores: Floats, starts: Ints, lengths: Ints, first: Floats, last: Floats, step: Floats
) -> Ints:
    """`decode_runs` with `scores` (the emissions) and `first` tag-major: `(tags, tokens)`."""
    tags_out = np.zeros(scores.shape[1], dtype=np.int64)
    count = len(starts)
    if count == 0:
        return tags_out
    longest = int(lengths.max())
    if longest == 1:
        # Every run is one token: its best tag needs no path (short texts, mostly).
        tags_out[starts] = ((first + scores[:, starts]).T + last).argmax(axis=1)
        return tags_out
    # Longest runs first, so the runs still going at any step are a prefix.
    order = np.argsort(-lengths, kind="stable")
    starts, lengths = starts[order], lengths[order]
    active: list[int] = np.searchsorted(-lengths, -np.arange(longest), side="left").tolist()
    positions = starts[None, :] + np.arange(longest)[:, None]
    # `(tags, longest, runs)`; positions past a run's end are never read.
    padded = scores.take(np.minimum(positions, scores.shape[1] - 1), axis=1)
    history = _forward(padded, first[:, order] + padded[:, 0], step[:, :, None], active)
    best_last = np.empty((count, scores.shape[0]), dtype=np.float32)
    for t in range(longest):
        after = active[t + 1] if t + 1 < longest else 0
        if after < active[t]:
            best_last[after : active[t]] = history[t][:, after : active[t]].T
    best_last += last[order]
    current = best_last.argmax(axis=1)
    step_to_from = np.ascontiguousarray(step.T)
    for t in range(longest - 1, -1, -1):
        now = active[t]
        tags_out[positions[t, :now]] = current[:now]
        if t > 0:
            # The very sums the forward step maximised, so the same arg-max.
            before = history[t - 1][:, :now].T + step_to_from.take(current[:now], axis=0)
            current[:now] = before.argmax(axis=1)
    return tags_out


def _forward(padded: Floats, start: Floats, step: Floats, active: list[int]) -> list[Floats]:
    """Each step's best score per `(tag, run)`, for the runs still going (`step` is `(a, b, 1)`).

    A run's entry at its own last step is its best score for each last tag.
    """
    score = start
    history = [score]
    for t in range(1, len(active)):
        now = active[t]
        score = np.maximum.reduce(score[:, None, :now] + step)
        score += padded[:, t, :now]
        history.append(score)
    return history


def decode_sentence(emissions: Floats, transitions: Floats) -> Ints:
    """The best tags of one sentence (training decodes one sentence at a time)."""
    tag_count = transitions.shape[1]
    return decode_runs(
        emissions,
        np.zeros(1, dtype=np.int64),
        np.array([len(emissions)], dtype=np.int64),
        transitions[-1][None, :],
        np.zeros((1, tag_count), dtype=np.float32),
        transitions[:-1],
    )


def pruning_margin(transitions: Floats) -> float:
    """How far `O` must lead a token's other tags before it is taken as settled."""
    allowed = transitions[transitions > IMPOSSIBLE / 2]
    return float(2.0 * (allowed.max() - allowed.min()))


def decode_document(
    emissions: Floats, sentence_starts: Ints, transitions: Floats, margin: float
) -> Ints:
    """The best tags of every token of a document (`sentence_starts` index `emissions`)."""
    return decode_scores(np.ascontiguousarray(emissions.T), sentence_starts, transitions, margin)


def decode_scores(
    scores: Floats, sentence_starts: Ints, transitions: Floats, margin: float
) -> Ints:
    """`decode_document` of emissions given tag-major, `(tags, tokens)`."""
    count = scores.shape[1]
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    # Run boundaries: before a token that begins a sentence or follows / is a
    # settled one, and at both ends.
    open_ = scores[_OUTSIDE] - np.maximum.reduce(scores[1:]) <= margin
    cut = np.ones(count + 1, dtype=bool)
    cut[1:count] = ~(open_[1:] & open_[:-1])
    cut[sentence_starts] = True
    run_starts = (open_ & cut[:count]).nonzero()[0]
    if len(run_starts) == 0:
        return np.zeros(count, dtype=np.int64)
    run_ends = (open_ & cut[1:]).nonzero()[0] + 1
    starts_sentence = np.zeros(count + 1, dtype=np.intp)
    starts_sentence[sentence_starts] = 1
    starts_sentence[count] = 1
    # A run at a sentence start scores its first tag as a sentence's first; a
    # run elsewhere follows an `O`. A run at a sentence end has no step after
    # it; elsewhere it is followed by an `O`.
    first = transitions.take(starts_sentence[run_starts] * (len(transitions) - 1), axis=0)
    endings = np.zeros((2, transitions.shape[1]), dtype=np.float32)
    endings[0] = transitions[:-1, _OUTSIDE]
    last = endings.take(starts_sentence[run_ends], axis=0)
    return _decode_runs(scores, run_starts, run_ends - run_starts, first.T, last, transitions[:-1])
