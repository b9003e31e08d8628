"""Best tag sequences, many at once.

Sequences are decoded together: step `t` advances every sequence longer
than `t` with one array operation, so the Python loop runs as many times as
the longest sequence has tokens. `decode_document` first cuts sentences at
tokens that are plainly outside any name (`O` ahead of every other tag by a
wide margin), so the sequences left are short runs around candidate names.
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
    every run get tag `O`.
    """
    tags_out = np.zeros(len(emissions), dtype=np.int64)
    count = len(starts)
    if count == 0:
        return tags_out
    longest = int(lengths.max())
    if longest == 1:
        # Every run is one token: its best tag needs no path (short texts, mostly).
        tags_out[starts] = ((first + emissions[starts]) + last).argmax(axis=1)
        return tags_out
    order = np.argsort(-lengths, kind="stable")
    starts, lengths, first, last = starts[order], lengths[order], first[order], last[order]
    tag_count = step.shape[0]
    steps = np.arange(longest)
    active: list[int] = (lengths[:, None] > steps[None, :]).sum(axis=0).tolist()
    where = np.minimum(starts[:, None] + steps[None, :], len(emissions) - 1)
    padded = emissions[where]

    score = first + padded[:, 0]
    back = np.zeros((count, longest, tag_count), dtype=np.int64)
    final = np.empty((count, tag_count), dtype=np.float32)
    for t in range(1, longest):
        now, before = active[t], active[t - 1]
        if now < before:
            final[now:before] = score[now:before]
        candidates = score[:now, :, None] + step[None, :, :]
        back[:now, t] = candidates.argmax(axis=1)
        score = candidates.max(axis=1) + padded[:now, t]
    final[: active[-1]] = score
    final += last

    paths = np.zeros((count, longest), dtype=np.int64)
    current = np.zeros(count, dtype=np.int64)
    rows = np.arange(count)
    for t in range(longest - 1, -1, -1):
        now = active[t]
        after = active[t + 1] if t + 1 < longest else 0
        if after < now:
            current[after:now] = final[after:now].argmax(axis=1)
        paths[:now, t] = current[:now]
        if t > 0:
            current[:now] = back[rows[:now], t, current[:now]]
    valid = steps[None, :] < lengths[:, None]
    tags_out[(starts[:, None] + steps[None, :])[valid]] = paths[valid]
    return tags_out


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
    count = len(emissions)
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    others = emissions[:, 1:].max(axis=1)
    open_ = emissions[:, _OUTSIDE] - others <= margin
    sentence_start = np.zeros(count + 1, dtype=bool)
    sentence_start[sentence_starts] = True
    sentence_start[count] = True
    # A run begins at an open token after a closed one or a sentence start, and
    # ends before a closed token or the next sentence start.
    begins = open_.copy()
    begins[1:] &= sentence_start[1:count] | ~open_[:-1]
    finishes = open_.copy()
    finishes[:-1] &= sentence_start[1:count] | ~open_[1:]
    run_starts = begins.nonzero()[0]
    if len(run_starts) == 0:
        return np.zeros(count, dtype=np.int64)
    run_ends = finishes.nonzero()[0] + 1
    sentence_end = sentence_start[1:]
    at_sentence_start = sentence_start[run_starts]
    first = np.where(
        at_sentence_start[:, None], transitions[-1][None, :], transitions[_OUTSIDE][None, :]
    )
    closes_sentence = sentence_end[run_ends - 1]
    last = np.where(closes_sentence[:, None], 0.0, transitions[:-1, _OUTSIDE][None, :])
    return decode_runs(
        emissions,
        run_starts,
        run_ends - run_starts,
        first.astype(np.float32),
        last.astype(np.float32),
        transitions[:-1],
    )
