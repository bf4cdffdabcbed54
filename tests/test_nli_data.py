import json
from pathlib import Path

from factcheck.training.data import (
    NLIPair,
    PoolStats,
    deduplicate,
    load_pools,
    read_pool,
    split_by_premise,
)

from .conftest import FIXTURES


def write(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_read_pool_skips_invalid_rows_and_counts_them(tmp_path):
    path = write(
        tmp_path / "pool.jsonl",
        [
            {"premise": "A dog runs.", "hypothesis": "An animal moves.", "label": "entailment"},
            {"premise": "A dog runs.", "hypothesis": "", "label": "neutral"},
            {"premise": "A cat sleeps.", "hypothesis": "A cat naps.", "label": "maybe"},
            "{not json",
            {"hypothesis": "no premise", "label": "neutral"},
        ],
    )
    stats = PoolStats()
    pairs = read_pool(path, stats)
    assert [p.hypothesis for p in pairs] == ["An animal moves."]
    assert stats.invalid == 4
    assert pairs[0].pool == "pool" and not pairs[0].two_way


def test_two_way_files_keep_not_entailment_and_are_flagged():
    pairs = read_pool(FIXTURES / "tiny_nli_2way.jsonl")
    assert {p.label for p in pairs} == {"entailment", "not_entailment"}
    assert all(p.two_way for p in pairs)


def test_two_way_drop_leaves_those_files_out():
    pairs, stats = load_pools(
        [FIXTURES / "tiny_nli.jsonl", FIXTURES / "tiny_nli_2way.jsonl"], "drop"
    )
    assert "tiny_nli_2way" not in stats.files
    assert not any(p.two_way for p in pairs)


def test_deduplicate_keeps_one_copy_and_drops_conflicts():
    a = NLIPair("A man sings.", "A man makes music.", "entailment", "x")
    a_copy = NLIPair("a man  sings.", "A man makes music.", "entailment", "y")
    b = NLIPair("A man sings.", "A man is quiet.", "contradiction", "x")
    b_conflict = NLIPair("A man sings.", "A man is quiet.", "neutral", "y")
    stats = PoolStats()
    kept = deduplicate([a, a_copy, b, b_conflict], stats)
    assert kept == [a]
    assert stats.duplicates == 1 and stats.conflicting == 2


def test_split_by_premise_never_puts_a_premise_on_both_sides():
    pairs = [
        NLIPair(
            f"Premise number {i % 300}.",
            f"Hypothesis {i}.",
            "neutral",
            "s",
            pool="mnli_matched_dev" if i % 2 else "snli_dev",
        )
        for i in range(3000)
    ]
    train, validation = split_by_premise(pairs, 0.1, {"mnli_matched_dev": 0.2}, seed=13)
    assert not {p.premise for p in train} & {p.premise for p in validation}
    assert 0.08 < len(validation) / len(pairs) < 0.35
    again = split_by_premise(pairs, 0.1, {"mnli_matched_dev": 0.2}, seed=13)
    assert again == (train, validation)


def test_larger_fraction_for_mnli_holds_out_more_of_it():
    pairs = [
        NLIPair(f"{pool} premise {i}", "H", "neutral", "s", pool=pool)
        for pool in ("mnli_matched_dev", "snli_dev")
        for i in range(4000)
    ]
    _, validation = split_by_premise(pairs, 0.1, {"mnli_matched_dev": 0.2}, seed=1)
    mnli = sum(p.pool == "mnli_matched_dev" for p in validation)
    snli = sum(p.pool == "snli_dev" for p in validation)
    assert 0.17 < mnli / 4000 < 0.23 and 0.07 < snli / 4000 < 0.13


def test_a_premise_shared_by_pools_is_held_out_as_a_whole():
    pairs = [
        NLIPair(f"Shared premise {i}.", "H", "neutral", "s", pool=pool)
        for pool in ("mnli_matched_dev", "snli_dev")
        for i in range(2000)
    ]
    train, validation = split_by_premise(pairs, 0.1, {"mnli_matched_dev": 0.2}, seed=1)
    held = {p.premise for p in validation}
    assert all(p.premise not in held for p in train)
    assert all(sum(q.premise == premise for q in validation) == 2 for premise in list(held)[:20])
