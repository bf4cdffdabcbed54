"""The NLI behaviour suite: its cases, and the shipped model on the capabilities that every
release must keep (a sentence entails itself and its retyped copy; two claims about two
different people are no contradiction). The full suite is `factcheck bench behaviour`."""

import json
from collections import Counter

import pytest

from factcheck.benchmarks import behaviour
from factcheck.resources import resolve
from factcheck.training.synthetic import news_sentences


def recipes() -> list[dict]:
    return [json.loads(line) for line in behaviour.CASES_FILE.read_text().splitlines()]


def test_suite_has_600_cases_over_every_capability_mostly_real_news():
    cases = behaviour.load_cases()
    assert len(cases) >= 600
    counts = Counter(case.capability for case in cases)
    assert set(counts) == set(behaviour.CAPABILITIES)
    assert min(counts.values()) >= 40, counts
    assert all(case.expected == behaviour.CAPABILITIES[case.capability] for case in cases)
    from_news = sum("sentence" in recipe for recipe in recipes())
    assert from_news / len(cases) > 0.8


def test_suite_sentences_are_read_from_shared_not_copied_and_never_trained_on():
    trained = set(news_sentences(resolve(behaviour.TRAINING_NEWS)))
    for recipe in recipes():
        if "sentence" in recipe:
            assert "premise" not in recipe  # the text comes from ../shared, checked by hash
            assert behaviour.sentence_at(recipe["sentence"]) not in trained


def test_a_changed_source_sentence_is_a_clear_error():
    ref = dict(next(r for r in recipes() if "sentence" in r)["sentence"], sha1="000000000000")
    with pytest.raises(ValueError, match="changed"):
        behaviour.sentence_at(ref)


@pytest.mark.parametrize("capability", behaviour.PYTEST_CAPABILITIES)
def test_shipped_model_passes_the_capability(nli_model, capability):
    cases = behaviour.load_cases(capabilities=[capability])
    predicted = behaviour.predictions(nli_model, cases)
    failures = [
        (case.premise, case.hypothesis, label)
        for case, label in zip(cases, predicted, strict=True)
        if label != case.expected
    ]
    assert len(failures) / len(cases) <= 0.05, failures[:5]


@pytest.mark.parametrize("seed", ["article_a.txt", "article_b.txt"])
def test_every_sentence_of_the_seed_articles_entails_itself(nli_model, seed):
    from factcheck.pipeline.split import load_spacy
    from factcheck.settings import CompareSettings

    nlp = load_spacy(CompareSettings.load().split.spacy_model)
    text = resolve(f"shared:seeds/{seed}").read_text(encoding="utf-8")
    sentences = [s.text.strip() for s in nlp(text).sents if len(s.text.split()) >= 6]
    assert len(sentences) >= 15
    probs = nli_model.predict(sentences, sentences)
    labels = [nli_model.labels[int(row.argmax())] for row in probs]
    assert labels == ["entailment"] * len(sentences)
