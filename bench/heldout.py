"""How the entity extractor does on news it was never trained or tuned on.

    python bench/heldout.py [--held N]

The dev set (eng.testa) has been looked at while the extractor's rules were
written, so its score may flatter them. This holds out the last N documents
of eng.train (default 200), trains a model on the rest with the project's own
training command, and scores the whole extractor with that model on both the
dev set and the held-out documents (conlleval-exact, with ../shared/tools'
scorer), overall and by kind of story (sports or other news). The gap between
the two is what to expect on unseen news of the same kind; as the two sets mix
the kinds differently, the held-out score is also given weighted as the dev
set's documents are. The shipped model, trained on all of eng.train, is not used.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DOCUMENT_START = "-DOCSTART- -X- -X- O"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", type=int, default=200, help="documents held out of eng.train")
    args = parser.parse_args()
    train_path, dev_path = SHARED / "ner" / "eng.train", SHARED / "ner" / "eng.testa"
    if not train_path.is_file() or not dev_path.is_file():
        print(f"bench/heldout.py: needs {train_path} and {dev_path}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(SHARED / "tools"))
    ner_eval: Any = importlib.import_module("ner_eval")

    documents = [
        part
        for part in train_path.read_text(encoding="utf-8").split(DOCUMENT_START)
        if part.strip()
    ]
    kept, held = documents[: -args.held], documents[-args.held :]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _write(folder / "train", kept)
        _write(folder / "held", held)
        model = folder / "model.npz"
        from newsread.entities import train

        started = time.perf_counter()
        status = train.main(["--train", str(folder / "train"), "--output", str(model)])
        if status:
            return status
        print(f"trained on {len(kept)} documents in {time.perf_counter() - started:.0f}s")

        from newsread.entities import tagger

        tagger.shared_tagger.cache_clear()
        # The extractor loads its model from here on first use: point it at this one.
        tagger.MODEL_PATH = model  # type: ignore[misc]
        from newsread.entities import extract

        shares: dict[str, float] = {}
        by_kind: dict[str, dict[str, float]] = {}
        for name, path in (("dev (eng.testa)", dev_path), ("held out", folder / "held")):
            overall, core, kinds = _score(ner_eval, path, extract)
            print(
                f"{name:16} F1 {100 * overall['f1']:.2f} (P {100 * overall['p']:.2f}, "
                f"R {100 * overall['r']:.2f}); PER+ORG+LOC {100 * core['f1']:.2f}; "
                + ", ".join(
                    f"{kind} news {100 * f1:.2f} ({share:.0%} of documents)"
                    for kind, (f1, share) in sorted(kinds.items())
                )
            )
            by_kind[name] = {kind: f1 for kind, (f1, _) in kinds.items()}
            shares = shares or {kind: share for kind, (_, share) in kinds.items()}
        # The two sets mix sports and other news differently, and sports tables score
        # higher: the held-out F1 with its kinds weighted as the dev set's is the fairer gap.
        held_out = by_kind["held out"]
        if held_out.keys() == shares.keys():
            weighted = sum(held_out[kind] * share for kind, share in shares.items())
            print(f"held out, weighted as the dev set's documents: F1 {100 * weighted:.2f}")
    return 0


def _write(path: Path, documents: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        for document in documents:
            stream.write(DOCUMENT_START + ("" if document.startswith("\r\n") else "\r\n"))
            stream.write(document)


def _score(
    ner_eval: Any, path: Path, extract: Any
) -> tuple[dict[str, float], dict[str, float], dict[str, tuple[float, float]]]:
    """Overall and PER+ORG+LOC scores, and by kind of story (ner_eval's `doc_kind`):
    each kind's F1 and its share of the documents."""
    documents = ner_eval.read_conll(str(path))
    stats: Counter[str] = Counter()
    predicted: set[tuple[Any, ...]] = set()
    for index, document in enumerate(documents):
        ner_eval.detokenise(document)
        spans = [ner_eval.normalise_span(span) for span in extract(document.text)]
        for found in ner_eval.align(document, spans, stats):
            predicted.add((index, *found))
    gold = {(i, *g) for i, d in enumerate(documents) for g in d.gold}
    kinds = [ner_eval.doc_kind(document) for document in documents]
    by_kind: dict[str, tuple[float, float]] = {}
    for kind in sorted(set(kinds)):
        chosen = {index for index, k in enumerate(kinds) if k == kind}
        kind_gold = {g for g in gold if g[0] in chosen}
        kind_predicted = {p for p in predicted if p[0] in chosen}
        f1 = ner_eval.score(kind_gold, kind_predicted)["f1"]
        by_kind[kind] = (f1, len(chosen) / len(documents))
    return (
        ner_eval.score(gold, predicted),
        ner_eval.score(gold, predicted, ner_eval.CORE),
        by_kind,
    )


if __name__ == "__main__":
    raise SystemExit(main())
