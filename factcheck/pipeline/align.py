"""Align stage: candidate pairs of claims across sources, from embedding similarity.

Each claim keeps its `top_k` nearest claims in every other source, in both directions, above
`min_similarity`; so the NLI work grows with the number of claims, not with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np

from factcheck.models.embed import Embedder
from factcheck.schema import Claim, Closest, Pair
from factcheck.settings import AlignSettings

AnchorKeys = Callable[[str], set[str]]


class Aligner:
    """`anchor_keys` names the facts a claim states (say, what it counts); two claims that
    share one are also judged when their similarity clears the lower `anchor_min_similarity`,
    since a count or a date can differ while the rest of the wording does too."""

    def __init__(
        self, settings: AlignSettings, embedder: Embedder, anchor_keys: AnchorKeys | None = None
    ):
        self.settings = settings
        self.embedder = embedder
        self.anchor_keys = anchor_keys

    def align(
        self, claims: Sequence[Claim], top_k: int | None = None
    ) -> tuple[list[Pair], dict[str, Closest]]:
        """Candidate pairs (claim of the earlier source first) and, for every claim, its
        closest claim in any other source."""
        k = int(top_k or self.settings.top_k)
        floor = self.settings.min_similarity
        vectors = self.embedder.encode([c.text for c in claims])
        keys = [self.anchor_keys(c.text) if self.anchor_keys else set() for c in claims]
        anchor_floor = self.settings.anchor_min_similarity
        by_source: dict[str, list[int]] = {}
        for index, claim in enumerate(claims):
            by_source.setdefault(claim.source, []).append(index)
        pairs: dict[tuple[int, int], float] = {}
        closest: dict[str, Closest] = {}
        for left, right in combinations(by_source, 2):
            rows, cols = by_source[left], by_source[right]
            for (r, c), similarity in _nearest_pairs(
                vectors, rows, cols, keys, k, floor, anchor_floor, closest, claims
            ).items():
                pairs[(rows[r], cols[c])] = similarity
        pairs = _cap_partners(pairs, self.settings.max_partners)
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


# Rows of the similarity matrix held at once: memory stays at BLOCK by (claims of the other
# source) whatever the length of the articles (a full matrix of two 2 MB texts is gigabytes).
BLOCK = 512


def _nearest_pairs(
    vectors: np.ndarray,
    rows: Sequence[int],
    cols: Sequence[int],
    keys: Sequence[set[str]],
    k: int,
    floor: float,
    anchor_floor: float,
    closest: dict[str, Closest],
    claims: Sequence[Claim],
) -> dict[tuple[int, int], float]:
    """(row position, column position) → similarity for one pair of sources: each row's and
    each column's `k` nearest above `floor`, and the `k` nearest among claims sharing a fact
    anchor above `anchor_floor`; `closest` gets each claim's nearest claim either way.

    Written by hand because no library gives top-k in both directions of a matrix too big
    to hold: rows are taken a block at a time, and each column's best rows so far are kept."""
    found: dict[tuple[int, int], float] = {}
    if not len(rows) or not len(cols):
        return found
    right = vectors[list(cols)]
    by_key: dict[str, list[int]] = {}
    for c, col in enumerate(cols):
        for key in keys[col]:
            by_key.setdefault(key, []).append(c)
    kk = min(k, len(cols))
    column_best = [_TopK(k, len(cols)), _TopK(k, len(cols))]  # plain, anchored
    column_max = _TopK(1, len(cols))
    for start in range(0, len(rows), BLOCK):
        block_rows = list(rows[start : start + BLOCK])
        sims = vectors[block_rows] @ right.T
        anchored = np.zeros(sims.shape, dtype=bool)
        for r, row in enumerate(block_rows):
            for key in keys[row]:
                anchored[r, by_key.get(key, [])] = True
        masked = np.where(anchored & (sims >= anchor_floor), sims, -np.inf)
        for matrix, threshold, best in (
            (sims, floor, column_best[0]),
            (masked, -np.inf, column_best[1]),
        ):
            top = _row_top_k(matrix, kk)
            for r in range(len(block_rows)):
                for c in top[r]:
                    value = matrix[r, c]
                    if value >= threshold and np.isfinite(value):
                        found[(start + r, int(c))] = float(sims[r, c])
            best.add(matrix, start)
        column_max.add(sims, start)
        for r, row in enumerate(block_rows):
            c = int(np.argmax(sims[r]))
            _remember_closest(closest, claims[row].id, claims[cols[c]].id, float(sims[r, c]))
    for best, threshold in ((column_best[0], floor), (column_best[1], -np.inf)):
        for c in range(len(cols)):
            for value, r in zip(best.values[:, c], best.rows[:, c], strict=True):
                if value >= threshold and np.isfinite(value):
                    found[(int(r), c)] = float(value)  # a masked value is the similarity
    for c, col in enumerate(cols):
        r = int(column_max.rows[0, c])
        _remember_closest(
            closest, claims[col].id, claims[rows[r]].id, float(column_max.values[0, c])
        )
    return found


def _row_top_k(matrix: np.ndarray, k: int) -> np.ndarray:
    """Column indices of each row's `k` largest values, largest first."""
    if k >= matrix.shape[1]:
        return np.argsort(-matrix, axis=1, kind="stable")[:, :k]
    part = np.argpartition(-matrix, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(matrix, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)


class _TopK:
    """Each column's `k` largest values over the row blocks seen so far, with their rows."""

    def __init__(self, k: int, columns: int):
        self.values = np.full((k, columns), -np.inf)
        self.rows = np.zeros((k, columns), dtype=np.int64)

    def add(self, block: np.ndarray, offset: int) -> None:
        k = self.values.shape[0]
        take = min(k, block.shape[0])
        if take < block.shape[0]:
            part = np.argpartition(-block, take - 1, axis=0)[:take]
        else:
            part = np.broadcast_to(np.arange(block.shape[0])[:, None], block.shape)
        values = np.concatenate([self.values, np.take_along_axis(block, part, axis=0)])
        rows = np.concatenate([self.rows, part + offset])
        order = np.argsort(-values, axis=0, kind="stable")[:k]
        self.values = np.take_along_axis(values, order, axis=0)
        self.rows = np.take_along_axis(rows, order, axis=0)


def _remember_closest(
    closest: dict[str, Closest], claim: str, other: str, similarity: float
) -> None:
    current = closest.get(claim)
    if current is None or similarity > current.similarity:
        closest[claim] = Closest(other, round(similarity, 4))
