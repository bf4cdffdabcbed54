"""Reference mode's parts: passages of nearest source claims, names and figures the source
never mentions, and the passage training pairs the NLI model learns them from."""

import json

import jsonschema
import pytest

from factcheck.resources import PACKAGE_DIR
from factcheck.training.context import passage_pairs, summedits_pairs
from factcheck.training.synthetic import sentences_of


@pytest.fixture(scope="module")
def pipeline():
    from factcheck import get_pipeline

    return get_pipeline()


def test_missing_names_and_figures_are_those_the_source_never_mentions(pipeline):
    facts = pipeline.judge.facts
    source = "Kim met Putin in Beijing. About 1,200 soldiers marched on 3 September 2025."
    claim = facts.read(
        ["Kim Jong Un met Vladimir Putin in Paris as 1,200 troops and 40 jets passed."]
    )[0]
    (reasons,) = facts.missing([claim], source)
    missing = {reason.a for reason in reasons}
    # "Kim Jong Un" and "Vladimir Putin" are named by a word of theirs; 1,200 is written alike.
    assert missing == {"Paris", "40"}
    faithful = facts.read(["Putin met Kim in Beijing on 3 September."])[0]
    assert facts.missing([faithful], source) == [[]]


def test_a_passage_is_the_nearest_source_claims_in_source_order(pipeline):
    report = pipeline.compare(
        {"summary": "The repairs of the bridge cost 42 million dollars and took two years."},
        reference=(
            "The bridge reopened on Saturday. The mayor cut the ribbon. Repairs took two "
            "years. Birds nest under the span in spring. The repairs cost 42 million dollars."
        ),
    )
    source, text = report.sources[0].id, report.sources[1].id
    passages = pipeline.aligner.passages(report.claims, source, text, 2)
    by_id = {c.id: c for c in report.claims}
    (claim_id, passage), *_ = passages.items()
    assert [by_id[i].text for i in passage] == [
        "Repairs took two years.",
        "The repairs cost 42 million dollars.",
    ]
    window = pipeline.settings.reference.window
    served = pipeline.aligner.passages(report.claims, source, text, window)[claim_id]
    check = next(c for c in report.checks if c.claim == claim_id)
    assert len(served) == window and set(passage) <= set(served)
    assert check.passage == served and set(check.passage_nli) == {
        "entailment",
        "neutral",
        "contradiction",
    }


def test_a_claim_naming_what_the_source_lacks_is_unsupported_and_scores_lower(pipeline):
    source = (
        "The Millbrook river bridge reopened on Saturday after two years of repairs. Mayor "
        "Elena Ruiz cut the ribbon at a ceremony attended by about 300 residents."
    )
    faithful = pipeline.compare(
        {"text": "Mayor Elena Ruiz cut the ribbon as the Millbrook bridge reopened."},
        reference=source,
    )
    added = pipeline.compare(
        {"text": "The mayor of Lisbon cut the ribbon, and 12 buses crossed first."},
        reference=source,
    )
    assert all(c.label != "supported" for c in added.checks)
    assert {r.a for c in added.checks for r in c.reasons} == {"Lisbon", "12"}
    assert added.summary.consistency_score < faithful.summary.consistency_score
    # The reference-mode fields are in the published schema.
    schema = json.loads((PACKAGE_DIR / "schemas" / "report-v1.json").read_text())
    data = json.loads(json.dumps(added.to_dict()))
    jsonschema.validate(data, schema)
    check = data["checks"][0]
    assert check["passage"] and set(check["passage_nli"]) == {
        "entailment",
        "neutral",
        "contradiction",
    }
    assert 0 <= data["summary"]["consistency_score"] <= 1


def test_summedits_pairs_mark_the_edited_sentence_and_keep_the_rest_entailed(tmp_path, pipeline):
    document = (
        "Anna booked the hall for Friday.\nTom will bring the speakers.\n"
        "The party starts at eight.\nGuests should bring food."
    )
    original = "Anna booked the hall for Friday. Tom will bring the speakers."
    rows = [
        {
            "doc": document,
            "summary": original,
            "original_summary": original,
            "label": 1,
            "edit_types": [],
            "split": "evaluation",
        },
        {
            "doc": document,
            "summary": "Anna booked the hall for Monday. Tom will bring the speakers.",
            "original_summary": original,
            "label": 0,
            "edit_types": ["entity_modification"],
            "split": "evaluation",
        },
        {
            "doc": document,
            "summary": "Anna booked the hall for Friday. Tom will bring a cake.",
            "original_summary": original,
            "label": 0,
            "edit_types": ["hallucinated_fact_insertion"],
            "split": "evaluation",
        },
        {
            "doc": document,
            "summary": "Nobody booked anything.",
            "original_summary": original,
            "label": 0,
            "edit_types": ["negation_insertion_removal"],
            "split": "test",
        },
    ]
    path = tmp_path / "summedits_party.json"
    path.write_text(json.dumps(rows))
    pairs = summedits_pairs([path], "evaluation", pipeline.aligner.embedder.encode, 2)
    labels = {p.hypothesis: p.label for p in pairs}
    assert labels == {
        "Anna booked the hall for Friday.": "entailment",
        "Tom will bring the speakers.": "entailment",
        "Anna booked the hall for Monday.": "contradiction",
        "Tom will bring a cake.": "neutral",
    }
    monday = next(p for p in pairs if p.hypothesis.endswith("Monday."))
    # The premise is the two nearest document sentences, in document order.
    assert monday.premise.startswith("Anna booked the hall for Friday.")
    assert len(sentences_of(monday.premise)) == 2


def test_passage_pairs_entail_a_sentence_in_its_passage_and_contradict_its_edits():
    bodies = [
        "The council met on Monday. It approved 40 new homes near the station. "
        "Residents had asked for a park instead. The vote was close. The mayor said "
        "the homes would be finished by 2027. Work starts in the spring."
    ] * 3
    pairs = passage_pairs(bodies, 10, seed=3, window=3, min_words=4)
    assert {p.label for p in pairs} == {"entailment", "contradiction"}
    for pair in pairs:
        assert len(sentences_of(pair.premise)) == 3
        if pair.label == "entailment":
            assert pair.hypothesis in pair.premise
        else:
            assert pair.hypothesis not in pair.premise


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Mayor Elena Ruiz cut the ribbon.", "supported"),
        ("The repairs cost 42 million dollars.", "supported"),
        ("The repairs cost 24 million dollars.", "contradicted"),
    ],
)
def test_one_sentence_is_checked_against_a_source(tmp_path, sentence, label):
    import json

    from .conftest import ROOT, run_cli

    claim = tmp_path / "claim.txt"
    claim.write_text(sentence + "\n")
    result = run_cli(
        "compare", "--reference", str(ROOT / "examples" / "bridge_a.txt"), str(claim), "-f", "json"
    )
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert [c["label"] for c in report["checks"]] == [label]
    score = report["summary"]["consistency_score"]
    assert score >= 0.75 if label == "supported" else score < 0.5
    # The checked sentence has its verdict; it is not also "only in" the checked text.
    checked = {c["id"] for c in report["claims"] if c["source"] != report["reference"]}
    assert not checked & set(report["unique"])
