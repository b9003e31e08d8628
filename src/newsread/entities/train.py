"""Rebuild the shipped tagger model from CoNLL-2003 data.

    python -m newsread.entities.train --train ../shared/ner/eng.train --dev ../shared/ner/eng.testa

The training text's words are first grouped into clusters (`clusters`),
which the features use. Several models are trained, each with its own seed (its own order of the
sentences and its own sample of Title Case copies), two at a time on two
cores, and the shipped model is their mean (`perceptron.combine`): it scores
better on news none of them saw than any one of them. Training is
deterministic (fixed seeds, fixed feature hashing): two runs write the same
bytes, however many run at once. The development set is only scored, never
trained on. The model also carries the training vocabulary's summed weight
rows, so words met in training cost no feature hashing when tagging.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from newsread.entities.tagger.clusters import WordClusters, learn_clusters
from newsread.entities.tagger.conll import read_conll
from newsread.entities.tagger.evaluate import score
from newsread.entities.tagger.features import AFTER, BEFORE
from newsread.entities.tagger.perceptron import combine, examples, train
from newsread.entities.tagger.scoring import Tagger
from newsread.entities.tagger.weights import MODEL_PATH, Weights, save

EPOCHS = 8
SEED = 2003
MODELS = 8
TITLE_CASE_SHARE = 0.15
CLUSTERS = 256


def main(argv: list[str] | None = None) -> int:
    """Train, report dev scores, and write the model; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m newsread.entities.train", description=__doc__)
    parser.add_argument("--train", type=Path, required=True, help="CoNLL training file")
    parser.add_argument("--dev", type=Path, help="CoNLL development file (scored only)")
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where to write the model")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED, help="the first model's seed")
    parser.add_argument(
        "--models", type=int, default=MODELS, help="how many models to train and average"
    )
    args = parser.parse_args(argv)
    for path in (args.train, args.dev):
        if path is not None and not path.is_file():
            print(f"newsread.entities.train: no such file: {path}", file=sys.stderr)
            return 2
    if args.models < 1 or args.epochs < 1:
        print("newsread.entities.train: --models and --epochs must be at least 1", file=sys.stderr)
        return 2

    started = time.perf_counter()
    documents = read_conll(args.train)
    sentences = sum(len(document) for document in documents)
    print(f"{len(documents)} documents, {sentences} sentences; {args.models} models", flush=True)
    clusters = learn_clusters(
        (sentence.words for document in documents for sentence in document), CLUSTERS
    )
    print(
        f"{len(clusters.keys)} words in {CLUSTERS} clusters ({time.perf_counter() - started:.0f}s)",
        flush=True,
    )
    seeds = [args.seed + index for index in range(args.models)]
    workers = min(args.models, os.cpu_count() or 1)
    count = len(seeds)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        models = list(
            pool.map(
                _train_one, [args.train] * count, seeds, [args.epochs] * count, [clusters] * count
            )
        )
    weights = combine(models)
    seen = {word for document in documents for sentence in document for word in sentence.words}
    vocabulary = Tagger(weights).vocabulary([BEFORE, AFTER, *sorted(seen)])
    save(weights, args.output, vocabulary)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")
    if args.dev is not None:
        dev = score(Tagger(weights), read_conll(args.dev))
        print(f"dev: P {dev.precision:.4f} R {dev.recall:.4f} F1 {dev.f1:.4f}")
    print(f"total {time.perf_counter() - started:.0f}s")
    return 0


def _train_one(path: Path, seed: int, epochs: int, clusters: WordClusters) -> Weights:
    """One model, trained with `seed` (in a worker process: arguments and result are pickled)."""
    started = time.perf_counter()
    data = examples(read_conll(path), TITLE_CASE_SHARE, seed, clusters.mapping())

    def report(epoch: int, error_rate: float) -> None:
        elapsed = time.perf_counter() - started
        print(
            f"model {seed}, epoch {epoch}: token error rate {error_rate:.4f} ({elapsed:.0f}s)",
            flush=True,
        )

    return replace(train(data, epochs, seed, report), clusters=clusters)


if __name__ == "__main__":
    raise SystemExit(main())
