"""Reading CoNLL-2003 files: documents of sentences of `(token, label)`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """Tokens and their IOB1 labels (`I-PER`, `B-ORG`, `O`)."""

    words: tuple[str, ...]
    labels: tuple[str, ...]


Document = list[LabelledSentence]


def read_conll(path: Path) -> list[Document]:
    """Documents in a CoNLL file (`token … label` lines, `-DOCSTART-` between documents).

    Only the first column and the last are read: the part-of-speech and chunk
    columns are not available in real text, so the tagger must not use them.
    """
    documents: list[Document] = [[]]
    words: list[str] = []
    labels: list[str] = []

    def end_sentence() -> None:
        if words:
            documents[-1].append(LabelledSentence(tuple(words), tuple(labels)))
            words.clear()
            labels.clear()

    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            columns = line.split()
            if not columns:
                end_sentence()
            elif columns[0] == "-DOCSTART-":
                end_sentence()
                if documents[-1]:
                    documents.append([])
            else:
                words.append(columns[0])
                labels.append(columns[-1])
    end_sentence()
    return [document for document in documents if document]
