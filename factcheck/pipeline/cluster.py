"""Cluster stage (after judging): facts that two or more sources cover, and how far each
pair of sources agrees.

A cluster is a connected group of claims linked by `agree`, `contradict` or `attribution`
verdicts, spanning at least two sources, with at most one claim from each source. Its
label is `agree` when every link agrees, `contradict` when every link disagrees, `mixed`
otherwise. With three or more sources, a
source whose every link into the cluster disagrees while the others agree among themselves
is an odd one out: the outlet that stands alone on a number or a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from factcheck.schema import (
    DISAGREEING_VERDICTS,
    LINKING_VERDICTS,
    Claim,
    Cluster,
    Finding,
    MatrixCell,
)


def build_clusters(findings: Sequence[Finding], claims: dict[str, Claim]) -> list[Cluster]:
    parent: dict[str, str] = {}

    def root(claim_id: str) -> str:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    links = [f for f in findings if f.label in LINKING_VERDICTS]
    # A cluster holds at most one claim per source: one outlet states one version of a
    # fact. Without this, a claim that states two facts ("forty minutes, with room for 240
    # passengers") would chain both facts into one cluster. Surest links merge first.
    cluster_sources: dict[str, set[str]] = {}  # root → sources in its cluster
    for finding in sorted(links, key=lambda f: -f.confidence):
        a, b = (root(cid) for cid in finding.claims)
        if a == b:
            continue
        sources_a = cluster_sources.setdefault(a, {claims[a].source})
        sources_b = cluster_sources.setdefault(b, {claims[b].source})
        if sources_a & sources_b:
            continue
        parent[b] = a
        cluster_sources[a] = sources_a | sources_b
    groups: dict[str, list[str]] = {}
    for claim_id in parent:
        groups.setdefault(root(claim_id), []).append(claim_id)
    order = {claim_id: index for index, claim_id in enumerate(claims)}
    clusters = []
    for members in sorted(groups.values(), key=lambda m: min(order[c] for c in m)):
        members.sort(key=order.__getitem__)
        inside = set(members)
        sources = list(dict.fromkeys(claims[c].source for c in members))
        if len(sources) < 2:
            continue
        own = [f for f in links if f.claims[0] in inside and f.claims[1] in inside]
        labels = {"agree" if f.label == "agree" else "contradict" for f in own}
        label = labels.pop() if len(labels) == 1 else "mixed"
        clusters.append(
            Cluster(
                id=f"c{len(clusters) + 1}",
                claims=members,
                sources=sources,
                label=label,
                odd_ones_out=_odd_ones_out(own, claims, sources),
            )
        )
    return clusters


def _odd_ones_out(
    links: Sequence[Finding], claims: dict[str, Claim], sources: Sequence[str]
) -> list[str]:
    """Sources that disagree with at least two others in the cluster and agree with none,
    while no other two sources disagree with each other."""
    if len(sources) < 3:
        return []  # two sources that disagree: neither stands alone
    verdicts: dict[frozenset[str], set[str]] = {}
    for finding in links:
        pair = frozenset(claims[c].source for c in finding.claims)
        verdicts.setdefault(pair, set()).add(
            "disagree" if finding.label in DISAGREEING_VERDICTS else "agree"
        )
    odd = []
    for source in sources:
        mine = {pair: v for pair, v in verdicts.items() if source in pair}
        others = [v for pair, v in verdicts.items() if source not in pair]
        if (
            len(mine) >= 2
            and all(v == {"disagree"} for v in mine.values())
            and not any("disagree" in v for v in others)
        ):
            odd.append(source)
    return odd


def agreement_matrix(
    findings: Sequence[Finding], claims: dict[str, Claim], sources: Sequence[str]
) -> dict[str, dict[str, MatrixCell]]:
    """For each pair of sources: how many of their aligned claims agree and disagree, and
    the share that agree (null when they share no judged fact)."""
    counts = {frozenset(pair): {"agree": 0, "contradict": 0} for pair in combinations(sources, 2)}
    for finding in findings:
        if finding.label not in LINKING_VERDICTS:
            continue
        pair = frozenset(claims[c].source for c in finding.claims)
        counts[pair]["agree" if finding.label == "agree" else "contradict"] += 1
    # What an editor means by agreement: the share of a source's claims that the other
    # source confirms (an `agree` pair with one of its claims). Directional: a short source
    # may be wholly confirmed by a long one that it confirms only in part.
    confirmed: dict[tuple[str, str], set[str]] = {}
    for finding in findings:
        if finding.label != "agree":
            continue
        first, second = (claims[c] for c in finding.claims)
        confirmed.setdefault((first.source, second.source), set()).add(first.id)
        confirmed.setdefault((second.source, first.source), set()).add(second.id)
    claim_counts = {s: sum(c.source == s for c in claims.values()) for s in sources}
    matrix: dict[str, dict[str, MatrixCell]] = {s: {} for s in sources}
    for left, right in combinations(sources, 2):
        cell = counts[frozenset((left, right))]
        total = cell["agree"] + cell["contradict"]
        agreement = round(cell["agree"] / total, 3) if total else None
        for row, column in ((left, right), (right, left)):
            share = len(confirmed.get((row, column), ())) / max(1, claim_counts[row])
            matrix[row][column] = MatrixCell(**cell, agreement=agreement, confirmed=round(share, 3))
    return matrix
