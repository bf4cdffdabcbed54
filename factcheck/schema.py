"""The report contract: the records that flow through the pipeline, read → split → align →
judge → report, and make up the JSON report (schema_version 1). Defined once, here:
`schemas/report-v1.json` is generated from `Report` (`factcheck schema`), the
review app validates imported reports with `Report.from_dict`, and every renderer takes a
`Report`.

The records are pydantic dataclasses: plain data classes that the stages build and read
as such, validated where they are made and where a report is read back.

May import: nothing of factcheck but `errors`.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, model_validator
from pydantic.dataclasses import dataclass

from factcheck.errors import FactcheckError

SCHEMA_VERSION = 1
SCHEMA_FILE = Path(__file__).with_name("schemas") / f"report-v{SCHEMA_VERSION}.json"


class Verdict(StrEnum):
    """Every verdict a report gives, most severe first: the order of the review queue, of
    findings in the Markdown and HTML reports, and of a claim's highlight."""

    CONTRADICT = "contradict"
    # The claims contradict each other, but each is attributed to a different named
    # speaker, so the disagreement is between those speakers, not between the outlets.
    ATTRIBUTION = "attribution"
    UNIQUE = "unique"  # a claim no other source confirms or contradicts (never a pair's)
    RELATED = "related"
    AGREE = "agree"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


# A judged pair's verdict: all but `unique`.
PairVerdict = Literal[Verdict.CONTRADICT, Verdict.ATTRIBUTION, Verdict.RELATED, Verdict.AGREE]
PAIR_VERDICTS: tuple[Verdict, ...] = tuple(v for v in Verdict if v is not Verdict.UNIQUE)
# Verdicts that link two claims as one fact (clusters); a claim in one of them is not unique.
LINKING_VERDICTS = (Verdict.AGREE, Verdict.CONTRADICT, Verdict.ATTRIBUTION)
DISAGREEING_VERDICTS = (Verdict.CONTRADICT, Verdict.ATTRIBUTION)
# Reference mode: each claim of the checked text against the source.
CheckLabel = Literal["supported", "contradicted", "unsupported"]
REFERENCE_LABELS: tuple[str, ...] = ("supported", "contradicted", "unsupported")
# The kinds of evidence a reason gives. "act" is a count of an action ("liked thousands of
# times" against "5,000 likes"), read by facts/quantities.py.
ReasonKind = Literal[
    "nli",
    "quantity",
    "act",
    "money",
    "percent",
    "measure",
    "ordinal",
    "date",
    "person",
    "place",
    "nationality",
    "organisation",
    "event",
    "title",
    "antonym",
    "negation",
    "attribution",
    "entity",
    "identical",
    "list",
    "action",
]
Probability = Annotated[float, Field(ge=0, le=1)]
Count = Annotated[int, Field(ge=0)]


# Every record's JSON Schema lists each key a report written today always holds as
# required, though reading accepts an earlier report without the keys added since.
RECORD = ConfigDict(json_schema_serialization_defaults_required=True)


class ReportError(FactcheckError):
    """A JSON document is not a factcheck report of this schema version."""


@dataclass(config=RECORD)
class Article:
    """One source: `text` is what claims are cut from (boilerplate removed)."""

    id: str
    name: str
    text: str
    published: str | None = None


@dataclass(config=RECORD)
class Claim:
    """An atomic, standalone statement; `text` may differ from the span it came from
    (`source_text[start:end]`) where a referent was filled in or a clause lifted out."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9]+:[0-9]+$")]
    source: str
    text: Annotated[str, Field(min_length=1)]
    start: Count
    end: Annotated[int, Field(ge=1)]
    sentence: int = 0
    headline: bool = False
    entities: list[str] = Field(default_factory=list)  # named people, places, groups, events


@dataclass(config=RECORD)
class Pair:
    """Two claims from different sources that alignment found close enough to judge."""

    a: str
    b: str
    similarity: float


@dataclass(config=RECORD)
class Reason:
    """One piece of evidence behind a verdict: what kind of fact, each side's words."""

    kind: ReasonKind
    a: str
    b: str
    detail: str


@dataclass(config=RECORD)
class Finding:
    """The verdict on one aligned pair."""

    claims: tuple[str, str]
    label: PairVerdict
    confidence: Probability
    similarity: Annotated[float, Field(ge=-1, le=1)]
    nli: dict[str, float]
    nli_a_to_b: dict[str, float] = Field(default_factory=dict)
    nli_b_to_a: dict[str, float] = Field(default_factory=dict)
    reasons: list[Reason] = Field(default_factory=list)


@dataclass(config=RECORD)
class Closest:
    """A unique claim's closest claim in another source (shown as context)."""

    claim: str
    similarity: float


@dataclass(config=RECORD)
class Cluster:
    """One fact that two or more sources cover: its claims, and whether the sources agree."""

    id: str
    claims: Annotated[list[str], Field(min_length=2)]
    sources: Annotated[list[str], Field(min_length=2)]
    label: Literal["agree", "contradict", "mixed"]
    odd_ones_out: list[str] = Field(default_factory=list)  # sources alone against the rest


@dataclass(config=RECORD)
class ClaimCheck:
    """Reference mode: one claim of the checked text against the source."""

    claim: str
    label: CheckLabel
    confidence: float
    evidence: str | None = None  # the source claim that decided; None when the passage did
    probability_ok: float = 0.0
    passage: list[str] = Field(default_factory=list)  # nearest source claims, in order
    passage_nli: dict[str, float] = Field(default_factory=dict)  # passage → claim
    pair_entailment: float = 0.0  # strongest support by one aligned source claim
    pair_contradiction: float = 0.0  # strongest contradiction by one (NLI or a fact)
    reasons: list[Reason] = Field(default_factory=list)  # names and figures not in the source


@dataclass(config=RECORD)
class MatrixCell:
    """One source (the row) against another (the column)."""

    agree: Count
    contradict: Count
    agreement: float | None  # share of their linked claims that agree; None: none linked
    confirmed: Probability = 0.0  # share of the row source's claims the column confirms


@dataclass(config=RECORD)
class Outcome:
    """One source's claims by what became of them: confirmed + contradicted + disputed +
    only_here = claims (in reference mode the checked text's claims are `checked` instead
    of `only_here`)."""

    claims: Count
    confirmed: Count
    contradicted: Count
    disputed: Count
    only_here: Count
    checked: Count


# Records of the report itself are keyword-only: what schema_version 1 has always required
# comes without a default, what it added since with one, so that a report written by an
# earlier factcheck is still read (by the review app) in the same field order.
@dataclass(kw_only=True, config=RECORD)
class Summary:
    """Counts of judged pairs by verdict, then of claims, sources and clusters."""

    agree: Count
    contradict: Count
    attribution: Count = 0
    related: Count
    unique: Count
    claims: Count = 0
    sources: Count = 0
    clusters: Count = 0
    matrix: dict[str, dict[str, MatrixCell]] = Field(default_factory=dict)  # source → source
    by_source: dict[str, Outcome] = Field(default_factory=dict)


@dataclass(kw_only=True, config=RECORD)
class ReferenceSummary(Summary):
    """Reference mode's summary: also the checked text's score and claims by verdict."""

    consistency_score: Probability
    supported: Count
    contradicted: Count
    unsupported: Count


@dataclass(kw_only=True, config=ConfigDict(populate_by_name=True, **RECORD))
class Report:
    """A comparison of two or more sources, or (`reference` set) one text checked against
    a source; built once, when the pipeline is done. In JSON the findings are `pairs`."""

    sources: Annotated[list[Article], Field(min_length=2)]
    claims: list[Claim]
    findings: Annotated[list[Finding], Field(alias="pairs")]
    unique: list[str]
    closest: dict[str, Closest] = Field(default_factory=dict)
    reference: str | None = None
    checks: list[ClaimCheck] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    summary: ReferenceSummary | Summary
    timings: dict[str, float] = Field(default_factory=dict)
    schema_version: Literal[1] = SCHEMA_VERSION

    @model_validator(mode="after")
    def _claims_named_exist(self) -> Report:
        known = {c.id for c in self.claims}
        named = [cid for f in self.findings for cid in f.claims] + list(self.unique)
        named += [c.claim for c in self.checks] + list(self.closest)
        unknown = sorted(set(named) - known)
        if unknown:
            raise ValueError(f"names claims it does not hold: {', '.join(unknown[:3])}")
        return self

    def claim(self, claim_id: str) -> Claim:
        return self.claims_by_id[claim_id]

    @property
    def claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @property
    def source_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.sources}

    def findings_with(self, label: str) -> list[Finding]:
        return [f for f in self.findings if f.label == label]

    def to_dict(self) -> dict[str, Any]:
        """The JSON report: schema_version first, the findings as `pairs`."""
        data = _REPORT.dump_python(self, mode="json", by_alias=True)
        return {"schema_version": data.pop("schema_version"), **data}

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        """A report read back from its JSON; `ReportError` in one line when it is not one."""
        if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
            raise ReportError(
                f"not a factcheck report (expected JSON with schema_version {SCHEMA_VERSION})"
            )
        try:
            return _REPORT.validate_python(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(part) for part in error["loc"])
            # "<Verdict.AGREE: 'agree'>" as the user wrote it: 'agree'
            message = re.sub(r"<\w+\.\w+: ('[^']*')>", r"\1", error["msg"])
            message = message.removeprefix("Value error, ")
            raise ReportError(
                f"not a valid factcheck report: {where + ': ' if where else ''}{message}"
            ) from None


_REPORT = TypeAdapter(Report)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the report, generated from `Report` (what `SCHEMA_FILE` holds)."""
    schema = _REPORT.json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"factcheck/report-v{SCHEMA_VERSION}.json",
        **schema,
        "title": f"factcheck report, schema_version {SCHEMA_VERSION}",
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
