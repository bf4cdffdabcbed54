"""The shipped NLI model, loaded as users load it: offline, from models/."""

import numpy as np
import pytest

from factcheck.models.nli import LABELS, ModelLoadError, load_nli_model
from factcheck.settings import NLISettings

SERVE = NLISettings.load().serve


def test_loads_offline_once_per_process(nli_model):
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert load_nli_model(SERVE) is nli_model


def test_label_order_on_clear_cases(nli_model):
    assert nli_model.labels == LABELS == ("entailment", "neutral", "contradiction")
    assert nli_model.classify("A man is sleeping.", "A man is awake.").label == "contradiction"
    assert (
        nli_model.classify(
            "A woman is playing a violin on stage.", "A woman is playing an instrument."
        ).label
        == "entailment"
    )
    assert (
        nli_model.classify(
            "A boy is running in a park.", "The boy is running to meet his mother."
        ).label
        == "neutral"
    )


def test_numbers_in_news_sentences(nli_model):
    result = nli_model.classify(
        "Police said 12 people were injured in the blast.",
        "Police said 20 people were injured in the blast.",
    )
    assert result.label == "contradiction"


def test_probabilities_are_distributions(nli_model):
    probs = nli_model.predict(
        ["A dog barks.", "It rains."], ["An animal makes noise.", "It is dry."]
    )
    assert probs.shape == (2, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert (probs >= 0).all()


def test_batching_keeps_input_order_and_matches_single_pairs(nli_model):
    premises = [
        "A man is sleeping.",
        "Two dogs run through a very long field of tall grass "
        "next to a river while the sun sets behind the hills.",
        "The market opened late.",
    ]
    hypotheses = ["A man is awake.", "Animals are outside.", "The market opened."]
    batched = nli_model.predict(premises, hypotheses, batch_size=2)
    pairs = zip(premises, hypotheses, strict=True)
    single = np.vstack([nli_model.predict([p], [h], batch_size=1) for p, h in pairs])
    np.testing.assert_allclose(batched, single, atol=2e-3)


def test_batches_hold_at_most_the_token_budget_and_change_no_result(nli_model):
    premises = [f"The council approved {n} new homes on the site by the river." for n in range(40)]
    premises += ["Officials said " + "the plan, which was debated for years, " * 6 + "passed."] * 5
    hypotheses = ["The council approved new homes."] * len(premises)
    encoded = nli_model.tokenizer(premises, hypotheses, truncation=True, max_length=128)
    lengths = [len(ids) for ids in encoded["input_ids"]]
    batches = nli_model._batches(lengths, 32)
    assert sorted(i for batch in batches for i in batch) == list(range(len(premises)))
    for batch in batches:
        assert len(batch) <= 32
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= SERVE.batch_tokens
    # Long pairs go in smaller batches than short ones.
    assert len(batches[-1]) < len(batches[0])
    single = np.vstack(
        [
            nli_model.predict([p], [h], batch_size=1)
            for p, h in zip(premises, hypotheses, strict=True)
        ]
    )
    np.testing.assert_allclose(nli_model.predict(premises, hypotheses), single, atol=2e-3)


def test_both_directions_in_one_call(nli_model):
    forward, backward = nli_model.predict_both(
        ["A woman plays a violin."], ["A woman plays music."]
    )
    assert forward.shape == backward.shape == (1, 3)
    assert LABELS[forward[0].argmax()] == "entailment"
    assert LABELS[backward[0].argmax()] != "entailment"


def test_long_inputs_are_truncated_not_rejected(nli_model):
    long_premise = "The committee met again. " * 400
    probs = nli_model.predict([long_premise], ["The committee met."])
    assert probs.shape == (1, 3)


def test_missing_model_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="no NLI model"):
        load_nli_model(SERVE, tmp_path / "nowhere")


def test_onnx_backend_matches_torch(nli_model):
    from factcheck.models.nli import make_backend
    from factcheck.resources import resolve

    torch_model = make_backend(
        resolve("models:nli-minilm-l6"),
        "torch",
        max_length=SERVE.max_length,
        batch_size=SERVE.batch_size,
        batch_tokens=SERVE.batch_tokens,
    )
    premises = ["A man is sleeping.", "Police said 12 people were injured in the blast."]
    hypotheses = ["A man is awake.", "Police said 20 people were injured in the blast."]
    np.testing.assert_allclose(
        nli_model.predict(premises, hypotheses),
        torch_model.predict(premises, hypotheses),
        atol=1e-3,
    )
