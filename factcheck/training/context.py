"""Training pairs whose premise is a passage, not a sentence: what reference mode asks.

Reference mode judges each claim of a text against the few source sentences most like it,
joined in source order. The NLI pools pair single sentences, so two sources of passage
premises are added for training:

- `summedits_pairs`: SummEdits rows of its *evaluation* split (documents disjoint from its
  test split, which `factcheck bench consistency` measures). Each summary sentence is paired
  with its nearest document sentences; a sentence that an inconsistent edit changed (found
  by comparing with the row's original summary) is a contradiction, or neutral when the edit
  only inserted a new fact; every other sentence is entailed.
- `passage_pairs`: FactCC-style pairs from news bodies: a sentence in its passage is
  entailed, the same sentence with a discrepancy edit (synthetic.py rules) contradicts it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from factcheck.pipeline.align import nearest_in_order
from factcheck.settings import TrainSettings
from factcheck.training.data import NLIPair
from factcheck.training.synthetic import CONTRADICTION_RULES, sentences_of

Encode = Callable[[Sequence[str]], np.ndarray]

# Edits that add a fact the document lacks rather than contradict one of its facts.
NEUTRAL_EDITS = {"hallucinated_fact_insertion"}


def summedits_training_split(settings: TrainSettings) -> str | None:
    """The SummEdits split the NLI model trains on (configs/nli.yaml), which benchmarks leave
    out; None when no SummEdits pairs are trained on."""
    passages = settings.passages
    return passages.summedits_split if passages.enabled else None


def summedits_pairs(
    paths: Sequence[Path], split: str, encode: Encode, window: int
) -> list[NLIPair]:
    pairs: list[NLIPair] = []
    for path in paths:
        rows = [r for r in json.loads(path.read_text(encoding="utf-8")) if r["split"] == split]
        by_doc: dict[str, list[dict]] = {}
        for row in rows:
            by_doc.setdefault(row["doc"], []).append(row)
        for document_text, doc_rows in by_doc.items():
            document = sentences_of(document_text)
            if not document:
                continue
            doc_vectors = encode(document)
            for row in doc_rows:
                summary = sentences_of(row["summary"])
                if not summary:
                    continue
                original = set(sentences_of(row["original_summary"]))
                consistent = str(row["label"]) == "1"
                edits = set(row.get("edit_types") or [])
                wrong = "neutral" if edits and edits <= NEUTRAL_EDITS else "contradiction"
                vectors = encode(summary)
                for sentence, vector in zip(summary, vectors, strict=True):
                    edited = sentence not in original
                    label = wrong if edited and not consistent else "entailment"
                    pairs.append(
                        NLIPair(
                            " ".join(
                                document[i] for i in nearest_in_order(doc_vectors @ vector, window)
                            ),
                            sentence,
                            label,
                            source=f"summedits:{path.stem}",
                            pool="summedits",
                            category=label,
                        )
                    )
    return list(dict.fromkeys(pairs))


def passage_pairs(
    bodies: Sequence[str], limit: int, seed: int, window: int, min_words: int = 8
) -> list[NLIPair]:
    """Up to `limit` pairs, half entailed sentences and half edited ones, each premise a
    passage of `window` sentences around its sentence."""
    rng = random.Random(seed)
    candidates: list[tuple[str, str]] = []
    for body in bodies:
        document = [s for s in sentences_of(body) if s.endswith((".", '"'))]
        for index, sentence in enumerate(document):
            if len(sentence.split()) < min_words:
                continue
            start = max(0, min(index - window // 2, len(document) - window))
            candidates.append((" ".join(document[start : start + window]), sentence))
    rng.shuffle(candidates)
    rules = list(CONTRADICTION_RULES.items())
    pairs: list[NLIPair] = []
    for premise, sentence in candidates:
        if len(pairs) >= limit:
            break
        if len(pairs) % 2 == 0:
            pairs.append(NLIPair(premise, sentence, "entailment", "passage:same", "passage"))
            continue
        # Rules take turns; when one does not apply, the next one tries the same sentence.
        first = len(pairs) // 2
        for turn in range(len(rules)):
            name, rule = rules[(first + turn) % len(rules)]
            edited = rule(sentence, rng)
            if edited and edited != sentence:
                pairs.append(
                    NLIPair(premise, edited, "contradiction", f"passage:{name}", "passage", name)
                )
                break
    return pairs
