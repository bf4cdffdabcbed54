"""Align stage: candidate pairs of claims across sources, from embedding similarity.

Each claim keeps its `top_k` nearest claims in every other source, in both directions, above
`min_similarity`; so the NLI work grows with the number of claims, not with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

import numpy as np

from factcheck.embed import Embedder
from factcheck.schema import Claim, Pair

AnchorKeys = Callable[[str], set[str]]


class Aligner:
    """`anchor_keys` names the facts a claim states (say, what it counts); two claims that
    share one are also judged when their similarity clears the lower `anchor_min_similarity`,
    since a count or a date can differ while the rest of the wording does too."""

    def __init__(
        self, settings: dict[str, Any], embedder: Embedder, anchor_keys: AnchorKeys | None = None
    ):
        self.settings = settings
        self.embedder = embedder
        self.anchor_keys = anchor_keys

    def align(
        self, claims: Sequence[Claim], top_k: int | None = None
    ) -> tuple[list[Pair], dict[str, dict[str, Any]]]:
        """Candidate pairs (claim of the earlier source first) and, for every claim, its
        closest claim in any other source."""
        k = int(top_k or self.settings["top_k"])
        floor = float(self.settings["min_similarity"])
        vectors = self.embedder.encode([c.text for c in claims])
        keys = [self.anchor_keys(c.text) if self.anchor_keys else set() for c in claims]
        anchor_floor = float(self.settings.get("anchor_min_similarity", floor))
        by_source: dict[str, list[int]] = {}
        for index, claim in enumerate(claims):
            by_source.setdefault(claim.source, []).append(index)
        pairs: dict[tuple[int, int], float] = {}
        closest: dict[str, dict[str, Any]] = {}
        for left, right in combinations(by_source, 2):
            rows, cols = by_source[left], by_source[right]
            sims = vectors[rows] @ vectors[cols].T
            for r in range(len(rows)):
                for c in np.argsort(-sims[r])[:k]:
                    if sims[r, c] >= floor:
                        pairs[(rows[r], cols[c])] = float(sims[r, c])
            for c in range(len(cols)):
                for r in np.argsort(-sims[:, c])[:k]:
                    if sims[r, c] >= floor:
                        pairs[(rows[r], cols[c])] = float(sims[r, c])
            # Anchored pairs are capped at top-k per claim too, both ways, so that the work
            # stays linear when many claims count the same thing.
            anchored = np.array(
                [[bool(keys[row] & keys[col]) for col in cols] for row in rows], dtype=bool
            ).reshape(len(rows), len(cols))
            masked = np.where(anchored & (sims >= anchor_floor), sims, -np.inf)
            for r in range(len(rows)):
                for c in np.argsort(-masked[r])[:k]:
                    if np.isfinite(masked[r, c]):
                        pairs[(rows[r], cols[c])] = float(sims[r, c])
            for c in range(len(cols)):
                for r in np.argsort(-masked[:, c])[:k]:
                    if np.isfinite(masked[r, c]):
                        pairs[(rows[r], cols[c])] = float(sims[r, c])
            _update_closest(closest, claims, rows, cols, sims)
            _update_closest(closest, claims, cols, rows, sims.T)
        pairs = _cap_partners(pairs, int(self.settings["max_partners"]))
        ordered = sorted(pairs.items(), key=lambda item: (item[0][0], -item[1]))
        return [Pair(claims[a].id, claims[b].id, round(s, 4)) for (a, b), s in ordered], closest

    def similarities(self, a: Sequence[str], b: Sequence[str]) -> list[float]:
        """The cosine similarity of each text in `a` with the text at the same place in `b`."""
        vectors = self.embedder.encode([*a, *b])
        left, right = vectors[: len(a)], vectors[len(a) :]
        return [round(float(v), 4) for v in (left * right).sum(axis=1)]

    def passages(
        self, claims: Sequence[Claim], premise_source: str, hypothesis_source: str, window: int
    ) -> dict[str, list[str]]:
        """For each claim of `hypothesis_source`, the `window` claims of `premise_source` most
        like it, in their order in the source: the passage reference mode judges it against,
        since a summary sentence often joins facts from several source sentences."""
        premises = [c for c in claims if c.source == premise_source]
        hypotheses = [c for c in claims if c.source == hypothesis_source]
        if not premises or not hypotheses:
            return {}
        vectors = self.embedder.encode([c.text for c in premises + hypotheses])
        sims = vectors[len(premises) :] @ vectors[: len(premises)].T
        return {
            claim.id: [premises[i].id for i in nearest_in_order(sims[row], window)]
            for row, claim in enumerate(hypotheses)
        }


def nearest_in_order(similarities: np.ndarray, k: int) -> list[int]:
    """The indices of the `k` most similar items, in their original order: a passage reads
    in source order. Training builds its passages with it too (nli/context.py)."""
    return sorted(int(i) for i in np.argsort(-similarities)[:k])


def _cap_partners(pairs: dict[tuple[int, int], float], limit: int) -> dict[tuple[int, int], float]:
    """Each claim keeps its `limit` most similar partners over all other sources (a pair
    stays if it is among the best for either claim): with many sources, the pairs to judge
    stay within claims × limit instead of growing with every source added."""
    partners: dict[int, list[tuple[float, tuple[int, int]]]] = {}
    for pair, similarity in pairs.items():
        for claim in pair:
            partners.setdefault(claim, []).append((similarity, pair))
    kept: set[tuple[int, int]] = set()
    for ranked in partners.values():
        ranked.sort(key=lambda item: -item[0])
        kept.update(pair for _, pair in ranked[:limit])
    return {pair: similarity for pair, similarity in pairs.items() if pair in kept}


def _update_closest(closest, claims, rows, cols, sims) -> None:
    if not len(cols):
        return
    for r, row in enumerate(rows):
        best = int(np.argmax(sims[r]))
        similarity = float(sims[r, best])
        current = closest.get(claims[row].id)
        if current is None or similarity > current["similarity"]:
            closest[claims[row].id] = {
                "claim": claims[cols[best]].id,
                "similarity": round(similarity, 4),
            }
