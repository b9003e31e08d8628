"""Benchmark the entity extractor on CoNLL-2003 eng.testa (read from ../shared/ner).

    python bench/entities.py [--data PATH] [--repeat N]

Prints conlleval-exact precision, recall and F1 (overall, PER+ORG+LOC, per
type), tokens per second on the first pass (cold: every word new to the
process; like the reference scorer, one short call is made before it and
timed on its own) and the best of the passes after it (warm), model load time and
RSS. Speed is also given as a ratio against a baseline measured in the same
run (a plain regex tokenizer pass over the same texts) and against spaCy's
NER in the same run when spaCy is installed: its small English model's
recogniser alone where the model is installed, otherwise a recogniser of that
model's architecture with untrained weights (as fast, not scored); without
spaCy, against the issue's reference figure for it (9,500 tokens/s, measured
elsewhere, not here).
Scoring uses the reference scorer `ner_eval.py` from ../shared/tools, so the
numbers agree with it by construction.

Then, as a stand-in for today's news with names no training data has seen:
the 300 synthetic articles of `bench/synthetic.py` (seed 7), tagged with
their titles, scored on the names of the generator's made-up cast (people,
companies, places) wherever they occur: exact span and type, precision over
predictions that touch a cast name.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SPACY_REFERENCE = 9_500
"""spaCy en_core_web_sm (NER only) tokens/s on CoNLL-2003, as the issue states it."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "ner" / "eng.testa")
    parser.add_argument("--repeat", type=int, default=3, help="passes (the first is cold)")
    args = parser.parse_args()
    scorer_path = SHARED / "tools"
    if not args.data.is_file() or not (scorer_path / "ner_eval.py").is_file():
        print(
            f"bench/entities.py: needs {args.data} and {scorer_path}/ner_eval.py", file=sys.stderr
        )
        return 2
    sys.path.insert(0, str(scorer_path))
    ner_eval: Any = importlib.import_module("ner_eval")

    print(f"load average at start: {_load_average()}")
    documents = ner_eval.read_conll(str(args.data))
    for document in documents:
        ner_eval.detokenise(document)
    texts = [document.text for document in documents]
    tokens = sum(document.n_tokens for document in documents)

    baseline = re.compile(r"\w+|[^\w\s]")
    started = time.process_time()
    for text in texts:
        baseline.findall(text)
    baseline_s = time.process_time() - started

    rss_before = _rss_mb()
    started = time.perf_counter()
    import numpy  # noqa: F401  (timed on its own: the app may have it loaded already)

    numpy_s = time.perf_counter() - started
    started = time.perf_counter()
    from newsread.entities import extract
    from newsread.entities.tagger import weights

    modules_s = time.perf_counter() - started
    started = time.perf_counter()
    from newsread.entities.tagger import shared_tagger

    shared_tagger()
    load_s = time.perf_counter() - started
    # As the reference scorer does: one call before timing, which compiles the
    # patterns and imports the stages (once per process; reported on its own).
    started = time.perf_counter()
    extract("Warm-up call from Reuters in London .")
    first_call_s = time.perf_counter() - started
    rss_loaded = _rss_mb()
    ours = _run(ner_eval, documents, texts, extract, args.repeat)
    _report("newsread", ours, tokens, baseline_s)
    size_mb = weights.MODEL_PATH.stat().st_size / 1e6
    print(
        f"  model {size_mb:.1f} MB; load {1000 * load_s:.0f} ms "
        f"(+ importing numpy {1000 * numpy_s:.0f} ms, the extractor's modules "
        f"{1000 * modules_s:.0f} ms; the first call, untimed in the passes, "
        f"{1000 * first_call_s:.0f} ms)"
    )
    print(
        f"  RSS added: {rss_loaded - rss_before:.0f} MB after loading, "
        f"{_rss_mb() - rss_before:.0f} MB after the passes"
    )

    spacy = _spacy_extractor()
    if spacy is not None:
        name, spacy_fn, trained = spacy
        theirs = _run(ner_eval, documents, texts, spacy_fn, args.repeat)
        _report(name, theirs, tokens, baseline_s, scored=trained)
        print(
            f"  newsread throughput / spaCy, per CPU-second: "
            f"cold {theirs['cold_cpu_s'] / ours['cold_cpu_s']:.1f}x, "
            f"warm {theirs['cpu_s'] / ours['cpu_s']:.1f}x"
        )
    else:
        print("spaCy is not installed (pip install 'newsread[spacy]'): no measured comparison.")
        print(
            f"  against the issue's reference {SPACY_REFERENCE:,} tokens/s for spaCy (not "
            f"measured here): cold {tokens / ours['cold_cpu_s'] / SPACY_REFERENCE:.1f}x, "
            f"warm {tokens / ours['cpu_s'] / SPACY_REFERENCE:.1f}x (per CPU-second)"
        )
    _report_synthetic()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak_mb:.0f} MB")
    print(f"load average at end: {_load_average()} (other work on the machine slows every figure)")
    return 0


def _run(
    ner_eval: Any, documents: list[Any], texts: list[str], fn: Any, repeat: int
) -> dict[str, Any]:
    from collections import Counter

    stats: Counter[str] = Counter()
    predicted: set[tuple[Any, ...]] = set()
    best_cpu = best_wall = cold_cpu = cold_wall = float("inf")
    for attempt in range(max(1, repeat)):
        started = time.process_time()
        wall_started = time.perf_counter()
        outputs = [list(fn(text)) for text in texts]
        cpu, wall = time.process_time() - started, time.perf_counter() - wall_started
        if attempt == 0:
            cold_cpu, cold_wall = cpu, wall
        if attempt > 0 or repeat <= 1:
            best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
        if attempt == 0:
            for index, (document, spans) in enumerate(zip(documents, outputs, strict=True)):
                normalised = [ner_eval.normalise_span(span) for span in spans]
                for found in ner_eval.align(document, normalised, stats):
                    predicted.add((index, *found))
    gold = {(i, *g) for i, d in enumerate(documents) for g in d.gold}
    return {
        "overall": ner_eval.score(gold, predicted),
        "core": ner_eval.score(gold, predicted, ner_eval.CORE),
        "types": {t: ner_eval.score(gold, predicted, (t,)) for t in ner_eval.TYPES},
        "cpu_s": best_cpu,
        "wall_s": best_wall,
        "cold_cpu_s": cold_cpu,
        "cold_wall_s": cold_wall,
    }


def _report(
    name: str, result: dict[str, Any], tokens: int, baseline_s: float, scored: bool = True
) -> None:
    def line(label: str, m: dict[str, float]) -> str:
        return (
            f"  {label:<12} P {100 * m['p']:6.2f}  R {100 * m['r']:6.2f}  F1 {100 * m['f1']:6.2f}"
        )

    print(f"{name}:")
    if scored:
        print(line("overall", result["overall"]))
        print(line("PER+ORG+LOC", result["core"]))
        for kind, scores in result["types"].items():
            print(line(kind, scores))
    for when, cpu, wall in (
        ("cold", result["cold_cpu_s"], result["cold_wall_s"]),
        ("warm", result["cpu_s"], result["wall_s"]),
    ):
        print(
            f"  {when}: {tokens / cpu:,.0f} tokens/CPU-s ({tokens / wall:,.0f} tokens/s wall); "
            f"{cpu / baseline_s:.1f}x the time of a plain regex tokenizer pass"
        )


def _report_synthetic(count: int = 300) -> None:
    """Exact-match scores on the synthetic articles' cast names (made up, never in training)."""
    import random

    import synthetic
    from newsread.entities import extract_titled

    rng = random.Random(7)
    cast = synthetic.Cast.invent(rng)
    articles = [
        (synthetic.headline(rng, cast), synthetic.body(rng, cast, synthetic.word_count(rng)))
        for _ in range(count)
    ]
    labels = dict.fromkeys(cast.people, "PERSON")
    labels |= dict.fromkeys(cast.companies, "ORG")
    labels |= dict.fromkeys(cast.places, "PLACE")
    names = re.compile("|".join(re.escape(name) for name in sorted(labels, key=len, reverse=True)))
    found = predicted = gold_count = 0
    for title, body in articles:
        gold = {(m.start(), m.end(), labels[m.group()]) for m in names.finditer(body)}
        spans = [(start, end) for start, end, _ in gold]
        _, entities = extract_titled(title, body)
        guesses = {
            (e.start, e.end, e.label)
            for e in entities
            if any(e.start < end and e.end > start for start, end in spans)
        }
        found += len(gold & guesses)
        predicted += len(guesses)
        gold_count += len(gold)
    precision, recall = found / max(predicted, 1), found / max(gold_count, 1)
    f1 = 2 * precision * recall / (precision + recall) if found else 0.0
    print(
        f"synthetic articles ({count}, made-up names; {gold_count:,} cast mentions): "
        f"P {100 * precision:.2f}  R {100 * recall:.2f}  F1 {100 * f1:.2f}"
    )


def _load_average() -> str:
    """The 1, 5 and 15 minute load averages, or `unknown` where the system has none."""
    try:
        return ", ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "unknown"


def _rss_mb() -> float:
    """Resident memory now (Linux), in MB; 0 where /proc is missing."""
    try:
        with Path("/proc/self/statm").open() as stream:
            pages = int(stream.read().split()[1])
    except OSError:
        return 0.0
    return pages * resource.getpagesize() / (1024 * 1024)


SMALL_MODEL_LABELS = [
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PERSON",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
]
"""The OntoNotes labels en_core_web_sm's recogniser predicts (its size of output layer)."""


def _spacy_extractor() -> tuple[str, Any, bool] | None:
    """spaCy's NER-only pipeline as (name, extract, trained), or None without spaCy.

    With `en_core_web_sm` installed, its recogniser alone (it has a token-to-vector
    layer of its own, so the shared one is excluded with the other components).
    Without it, a recogniser built to that model's published NER architecture
    (spaCy 3.8 `en_core_web_sm` 3.8.0: hash embeddings of width 96 over NORM,
    PREFIX, SUFFIX and SHAPE with 5000/1000/2500/2500 rows, a window encoder of
    depth 4, a greedy transition parser with a 64-wide hidden layer) and random
    weights: its throughput is the trained model's, since every token costs one
    transition whatever the weights say; its labels mean nothing and are not scored.
    """
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        return None
    try:
        nlp = spacy.load(
            "en_core_web_sm",
            exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"],
        )
        return "spaCy en_core_web_sm (NER only)", lambda text: nlp(text).ents, True
    except OSError:
        pass
    nlp = spacy.blank("en")
    recogniser = nlp.add_pipe("ner", config={"model": _small_ner_architecture()})
    for label in SMALL_MODEL_LABELS:
        recogniser.add_label(label)
    nlp.initialize()
    name = "spaCy, en_core_web_sm's NER architecture untrained (no model installed; speed only)"
    return name, lambda text: nlp(text).ents, False


def _small_ner_architecture() -> dict[str, Any]:
    """en_core_web_sm 3.8.0's `[components.ner.model]` settings, as a spaCy config dict."""
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 96,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": [5000, 1000, 2500, 2500],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 96,
                "depth": 4,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    }


if __name__ == "__main__":
    raise SystemExit(main())
