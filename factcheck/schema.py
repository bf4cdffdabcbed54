"""The plain data that flows through the pipeline: read → split → align → judge → report.

Each stage takes and returns these classes and nothing else; none reaches back up.
`Report.to_dict()` is the JSON report (schema_version 1, documented in the README).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1
# `attribution`: the claims contradict each other, but each is attributed to a different
# named speaker, so the disagreement is between those speakers, not between the outlets.
PAIR_LABELS = ("agree", "contradict", "attribution", "related")
SETTLED_LABELS = ("agree", "contradict", "attribution")  # a claim in one of these is not unique
REFERENCE_LABELS = ("supported", "contradicted", "unsupported")


@dataclass
class Article:
    """One source: `text` is what claims are cut from (boilerplate removed)."""

    id: str
    name: str
    text: str
    published: str | None = None


@dataclass
class Claim:
    """An atomic, standalone statement; `text` may differ from the span it came from
    (`source_text[start:end]`) where a referent was filled in or a clause lifted out."""

    id: str
    source: str
    text: str
    start: int
    end: int
    sentence: int
    headline: bool = False
    entities: list[str] = field(default_factory=list)  # named people, places, groups, events


@dataclass
class Pair:
    """Two claims from different sources that alignment found close enough to judge."""

    a: str
    b: str
    similarity: float


@dataclass
class Reason:
    kind: str
    a: str
    b: str
    detail: str


@dataclass
class Finding:
    """The verdict on one aligned pair."""

    claims: tuple[str, str]
    label: str
    confidence: float
    similarity: float
    nli: dict[str, float]
    nli_a_to_b: dict[str, float]
    nli_b_to_a: dict[str, float]
    reasons: list[Reason] = field(default_factory=list)


@dataclass
class Cluster:
    """One fact that two or more sources cover: its claims, and whether the sources agree."""

    id: str
    claims: list[str]
    sources: list[str]
    label: str  # agree | contradict | mixed
    odd_ones_out: list[str] = field(default_factory=list)  # sources alone against the rest


@dataclass
class ClaimCheck:
    """Reference mode: one claim of the checked text against the source."""

    claim: str
    label: str
    confidence: float
    evidence: str | None  # the source claim that decided, or None when the passage did
    probability_ok: float
    passage: list[str] = field(default_factory=list)  # nearest source claims, in order
    passage_nli: dict[str, float] = field(default_factory=dict)  # passage → claim
    pair_entailment: float = 0.0  # strongest support by one aligned source claim
    pair_contradiction: float = 0.0  # strongest contradiction by one (NLI or a fact)
    reasons: list[Reason] = field(default_factory=list)  # names and figures not in the source


def geometric_mean(values: Sequence[float]) -> float:
    floor = 1e-4  # keeps the logarithm finite for a value of 0
    return math.exp(sum(math.log(max(v, floor)) for v in values) / len(values))


def consistency_score(checks: Sequence[ClaimCheck]) -> float:
    """The geometric mean of the claims' `probability_ok`: one unsupported or contradicted
    claim pulls it down hard, yet a long text is not marked down for being long (a product
    would be). Measured against product, minimum and mean: `factcheck bench consistency`."""
    if not checks:
        return 1.0
    return round(geometric_mean([c.probability_ok for c in checks]), 4)


@dataclass
class Report:
    sources: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    unique: list[str]
    closest: dict[str, dict[str, Any]]
    reference: str | None = None
    checks: list[ClaimCheck] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    matrix: dict[str, dict[str, Any]] = field(default_factory=dict)  # source → source → counts
    timings: dict[str, float] = field(default_factory=dict)

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id()[claim_id]

    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def findings_with(self, label: str) -> list[Finding]:
        return [f for f in self.findings if f.label == label]

    @property
    def summary(self) -> dict[str, Any]:
        counts = {label: len(self.findings_with(label)) for label in PAIR_LABELS}
        counts["unique"] = len(self.unique)
        counts["claims"] = len(self.claims)
        counts["sources"] = len(self.sources)
        counts["clusters"] = len(self.clusters)
        counts["matrix"] = self.matrix
        counts["by_source"] = self.claims_by_outcome()
        if self.reference is not None:
            counts["consistency_score"] = consistency_score(self.checks)
            for label in REFERENCE_LABELS:
                counts[label] = sum(c.label == label for c in self.checks)
        return counts

    def claims_by_outcome(self) -> dict[str, dict[str, int]]:
        """Each source's claims by what became of them: confirmed by another source,
        contradicted, disputed between named speakers, or only in it. Claims, not pairs:
        the four add up to the source's claims (a claim in a contradiction counts there
        first, then disputed, then confirmed)."""
        outcome: dict[str, str] = {}
        for label, name in (
            ("agree", "confirmed"),
            ("attribution", "disputed"),
            ("contradict", "contradicted"),
        ):
            for finding in self.findings_with(label):
                for claim_id in finding.claims:
                    outcome[claim_id] = name  # later labels overwrite: contradiction wins
        unique = set(self.unique)
        checked = {c.claim for c in self.checks}
        result: dict[str, dict[str, int]] = {}
        for source in self.sources:
            own = [c.id for c in self.claims if c.source == source.id]
            counts = {"claims": len(own), "confirmed": 0, "contradicted": 0, "disputed": 0}
            counts["only_here"] = sum(c in unique for c in own)
            for claim_id in own:
                if claim_id in outcome:
                    counts[outcome[claim_id]] += 1
            counts["checked"] = sum(c in checked for c in own)
            result[source.id] = counts
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "sources": [asdict(s) for s in self.sources],
            "claims": [asdict(c) for c in self.claims],
            "pairs": [
                {
                    "claims": list(f.claims),
                    "label": f.label,
                    "confidence": f.confidence,
                    "similarity": f.similarity,
                    "nli": f.nli,
                    "nli_a_to_b": f.nli_a_to_b,
                    "nli_b_to_a": f.nli_b_to_a,
                    "reasons": [asdict(r) for r in f.reasons],
                }
                for f in self.findings
            ],
            "unique": list(self.unique),
            "closest": self.closest,
            "reference": self.reference,
            "checks": [asdict(c) for c in self.checks],
            "clusters": [asdict(c) for c in self.clusters],
            "summary": self.summary,
            "timings": self.timings,
        }
