"""NLI pairs: reading JSONL pools, validating, de-duplicating and splitting by premise."""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from factcheck.models.nli import LABELS
from factcheck.resources import resolve

NOT_ENTAILMENT = "not_entailment"
LABEL_TO_ID = {label: index for index, label in enumerate(LABELS)}


@dataclass(frozen=True)
class NLIPair:
    """One premise/hypothesis pair. `label` is a 3-way label or, for 2-way data,
    `entailment` / `not_entailment` with `two_way` set."""

    premise: str
    hypothesis: str
    label: str
    source: str
    pool: str = ""
    category: str | None = None
    two_way: bool = False

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "", False)}


@dataclass
class PoolStats:
    """What reading a pool kept and dropped, for the training log and the model card."""

    files: dict[str, int] = field(default_factory=dict)
    invalid: int = 0
    duplicates: int = 0
    conflicting: int = 0


def expand_paths(specs: Iterable[str | Path]) -> list[Path]:
    """Config path specs (``shared:``-prefixed, plain, or globs) as sorted existing files."""
    paths: list[Path] = []
    for spec in specs:
        resolved = resolve(spec)
        matches = (
            sorted(Path(p) for p in glob.glob(str(resolved)))
            if any(ch in str(resolved) for ch in "*?[")
            else [resolved]
        )
        if not matches or not all(p.is_file() for p in matches):
            raise FileNotFoundError(f"training pool not found: {spec}")
        paths.extend(matches)
    return paths


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def read_pool(path: Path, stats: PoolStats | None = None) -> list[NLIPair]:
    """Read one JSONL file; rows without text or with an unknown label are counted and skipped."""
    pool = path.stem
    two_way = pool.endswith("_2way")
    allowed = {"entailment", NOT_ENTAILMENT} if two_way else set(LABELS)
    pairs: list[NLIPair] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                premise, hypothesis, label = row["premise"], row["hypothesis"], row["label"]
            except (json.JSONDecodeError, KeyError, TypeError):
                if stats:
                    stats.invalid += 1
                continue
            if (
                not (isinstance(premise, str) and isinstance(hypothesis, str))
                or label not in allowed
            ):
                if stats:
                    stats.invalid += 1
                continue
            premise, hypothesis = premise.strip(), hypothesis.strip()
            if not premise or not hypothesis:
                if stats:
                    stats.invalid += 1
                continue
            pairs.append(
                NLIPair(
                    premise=premise,
                    hypothesis=hypothesis,
                    label=label,
                    source=str(row.get("source") or pool),
                    pool=pool,
                    category=row.get("category"),
                    two_way=two_way,
                )
            )
    if stats is not None:
        stats.files[pool] = len(pairs)
    return pairs


def deduplicate(pairs: Sequence[NLIPair], stats: PoolStats | None = None) -> list[NLIPair]:
    """Keep the first of identical (premise, hypothesis) pairs; drop pairs whose copies disagree."""
    by_key: dict[tuple[str, str], list[NLIPair]] = {}
    for pair in pairs:
        by_key.setdefault((_normalise(pair.premise), _normalise(pair.hypothesis)), []).append(pair)
    kept: list[NLIPair] = []
    for group in by_key.values():
        if len({p.label for p in group}) > 1:
            if stats:
                stats.conflicting += len(group)
            continue
        kept.append(group[0])
        if stats:
            stats.duplicates += len(group) - 1
    return kept


def premise_bucket(premise: str, seed: int) -> float:
    """A stable pseudo-random number in [0, 1) for a premise (same on every machine)."""
    digest = hashlib.sha256(f"{seed}:{_normalise(premise)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_by_premise(
    pairs: Sequence[NLIPair],
    fraction: float,
    fraction_by_pool: dict[str, float] | None = None,
    seed: int = 13,
) -> tuple[list[NLIPair], list[NLIPair]]:
    """Hold out whole premises: no premise appears on both sides.

    A premise shared by several pools is held out with the largest fraction among them, so
    that the pools with a bigger validation share (MNLI-matched) get it.
    """
    fraction_by_pool = fraction_by_pool or {}
    share: dict[str, float] = {}
    for pair in pairs:
        key = _normalise(pair.premise)
        share[key] = max(share.get(key, 0.0), fraction_by_pool.get(pair.pool, fraction))
    train, validation = [], []
    for pair in pairs:
        held_out = premise_bucket(pair.premise, seed) < share[_normalise(pair.premise)]
        (validation if held_out else train).append(pair)
    return train, validation


def load_pools(
    specs: Iterable[str | Path], two_way: str = "loss"
) -> tuple[list[NLIPair], PoolStats]:
    """Read, validate and de-duplicate every pool; `two_way="drop"` leaves 2-way files out."""
    stats = PoolStats()
    pairs: list[NLIPair] = []
    for path in expand_paths(specs):
        if two_way == "drop" and path.stem.endswith("_2way"):
            continue
        pairs.extend(read_pool(path, stats))
    return deduplicate(pairs, stats), stats


def limit_pools(pairs: Sequence[NLIPair], limits: dict[str, int], seed: int) -> list[NLIPair]:
    """At most `limits[pool]` pairs of each named pool, chosen by premise hash (stable on
    every machine): large pools with long premises (FEVER) would otherwise dominate CPU time."""
    counts: dict[str, int] = {}
    for pair in pairs:
        counts[pair.pool] = counts.get(pair.pool, 0) + 1
    kept = []
    for pair in pairs:
        limit = limits.get(pair.pool)
        if (
            limit is None
            or premise_bucket(pair.premise + pair.hypothesis, seed) < limit / counts[pair.pool]
        ):
            kept.append(pair)
    return kept


def write_jsonl(pairs: Iterable[NLIPair], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for pair in pairs:
            handle.write(json.dumps(pair.to_dict(), ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[NLIPair]:
    """Read pairs written by `write_jsonl` (for instance a run's validation split)."""
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            pairs.append(NLIPair(**row))
    return pairs
