"""Benchmark the entity extractor on CoNLL-2003 eng.testa (read from ../shared/ner).

    python bench/entities.py [--data PATH] [--repeat N]

Prints conlleval-exact precision, recall and F1 (overall, PER+ORG+LOC, per
type), tokens per second, model load time and peak RSS. Speed is also given
as a ratio against a baseline measured in the same run (a plain regex
tokenizer pass over the same texts), and against spaCy's small English model
when it is installed. Scoring uses the reference scorer `ner_eval.py` from
../shared/tools, so the numbers agree with it by construction.
"""

from __future__ import annotations

import argparse
import importlib
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "ner" / "eng.testa")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    scorer_path = SHARED / "tools"
    if not args.data.is_file() or not (scorer_path / "ner_eval.py").is_file():
        print(
            f"bench/entities.py: needs {args.data} and {scorer_path}/ner_eval.py", file=sys.stderr
        )
        return 2
    sys.path.insert(0, str(scorer_path))
    ner_eval: Any = importlib.import_module("ner_eval")

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
    from newsread.entities import extract
    from newsread.entities.tagger import shared_tagger

    shared_tagger()
    load_s = time.perf_counter() - started
    ours = _run(ner_eval, documents, texts, extract, args.repeat)
    _report("newsread", ours, tokens, baseline_s)
    print(f"  model load (import + first load) {1000 * load_s:.0f} ms")
    print(f"  RSS added by the extractor (after one pass): {_rss_mb() - rss_before:.0f} MB")

    spacy_fn = _spacy_extractor()
    if spacy_fn is not None:
        theirs = _run(ner_eval, documents, texts, spacy_fn, args.repeat)
        _report("spaCy en_core_web_sm (NER only)", theirs, tokens, baseline_s)
        print(f"  newsread throughput / spaCy: {theirs['cpu_s'] / ours['cpu_s']:.1f}x")
    else:
        print("spaCy with a small English model is not installed: no comparison")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak_mb:.0f} MB")
    return 0


def _run(
    ner_eval: Any, documents: list[Any], texts: list[str], fn: Any, repeat: int
) -> dict[str, Any]:
    from collections import Counter

    stats: Counter[str] = Counter()
    predicted: set[tuple[Any, ...]] = set()
    best_cpu = best_wall = float("inf")
    for attempt in range(max(1, repeat)):
        started = time.process_time()
        wall_started = time.perf_counter()
        outputs = [list(fn(text)) for text in texts]
        best_cpu = min(best_cpu, time.process_time() - started)
        best_wall = min(best_wall, time.perf_counter() - wall_started)
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
    }


def _report(name: str, result: dict[str, Any], tokens: int, baseline_s: float) -> None:
    def line(label: str, m: dict[str, float]) -> str:
        return (
            f"  {label:<12} P {100 * m['p']:6.2f}  R {100 * m['r']:6.2f}  F1 {100 * m['f1']:6.2f}"
        )

    print(f"{name}:")
    print(line("overall", result["overall"]))
    print(line("PER+ORG+LOC", result["core"]))
    for kind, scores in result["types"].items():
        print(line(kind, scores))
    rate = tokens / result["cpu_s"]
    print(
        f"  {rate:,.0f} tokens/CPU-s ({tokens / result['wall_s']:,.0f} tokens/s wall); "
        f"{result['cpu_s'] / baseline_s:.1f}x the time of a plain regex tokenizer pass"
    )


def _rss_mb() -> float:
    """Resident memory now (Linux), in MB; 0 where /proc is missing."""
    try:
        with Path("/proc/self/statm").open() as stream:
            pages = int(stream.read().split()[1])
    except OSError:
        return 0.0
    return pages * resource.getpagesize() / (1024 * 1024)


def _spacy_extractor() -> Any:
    try:
        spacy = importlib.import_module("spacy")
        nlp = spacy.load(
            "en_core_web_sm", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"]
        )
    except (ImportError, OSError):
        return None
    return lambda text: nlp(text).ents


if __name__ == "__main__":
    raise SystemExit(main())
