import random

import pytest

from factcheck.training import synthetic


def rng() -> random.Random:
    return random.Random(0)


def test_count_change_leaves_years_alone():
    sentence = "In 2019 the army sent 12 trucks to the border."
    edited = synthetic.change_count(sentence, rng())
    assert edited and "2019" in edited and "12 trucks" not in edited


def test_a_sentence_with_only_a_year_has_no_count_to_change():
    assert synthetic.change_count("The law was passed in 2015.", rng()) is None


def test_vague_amount_moves_to_another_scale():
    edited = synthetic.change_vague_amount("Thousands of troops marched.", rng())
    assert (
        edited
        and edited != "Thousands of troops marched."
        and edited.endswith("of troops marched.")
    )


def test_rounding_makes_an_approximate_amount():
    edited = synthetic.round_number("Officials counted 30,500 protesters.", rng())
    assert edited in {
        "Officials counted about 30,000 protesters.",
        "Officials counted more than 30,000 protesters.",
    }


def test_rounding_skips_numbers_already_approximate():
    assert synthetic.round_number("Officials counted about 30,500 protesters.", rng()) is None


def test_negation_inserts_and_removes_not():
    assert synthetic.negate("The bill was approved.", rng()) == "The bill was not approved."
    assert synthetic.negate("The bill was not approved.", rng()) == "The bill was approved."
    assert synthetic.negate("He doesn't know.", rng()) is None


def test_drop_relative_clause_keeps_the_sentence_grammatical():
    edited = synthetic.drop_modifier("The woman, who lived in Paris, was seen on Monday.", rng())
    assert edited == "The woman was seen on Monday."


def test_weekday_month_place_and_person_swaps_change_the_fact():
    assert synthetic.change_weekday("They met on Monday.", rng()) not in (
        None,
        "They met on Monday.",
    )
    assert synthetic.change_month("It opened in March.", rng()) not in (None, "It opened in March.")
    assert "France" not in (synthetic.change_place("He flew to France.", rng()) or "France")
    assert "Vladimir Putin" not in (
        synthetic.change_person("Vladimir Putin spoke.", rng()) or "Vladimir Putin"
    )


def test_make_pairs_shares_rules_evenly_and_labels_by_rule():
    sentences = [
        f"On Monday in March, {n} officials in France said the plan was approved."
        for n in range(100, 400)
    ]
    pairs = synthetic.make_pairs(sentences, 100, seed=1, pool="synthetic_news")
    assert len({p.premise for p in pairs}) == len(pairs)
    for pair in pairs:
        expected = (
            "contradiction" if pair.category in synthetic.CONTRADICTION_RULES else "entailment"
        )
        assert pair.label == expected
    assert len({p.category for p in pairs}) >= 6


def test_near_copies_balance_labels_so_edit_size_carries_none():
    from collections import Counter

    from factcheck.training.synthetic import make_pairs

    sentences = [
        f"The council in {city} approved {n} new homes on Monday, officials said."
        for n in range(30, 90)
        for city in ("Boston", "Paris", "Berlin")
    ] + [f"Maria Lopez said the {n} plans were announced in March." for n in range(5, 60)]
    pairs = make_pairs(sentences, 600, seed=1, pool="t", near_copies=True)
    labels = Counter(p.label for p in pairs)
    assert labels["entailment"] >= 0.8 * labels["contradiction"]
    assert labels["neutral"] > 0
    categories = {p.category for p in pairs}
    assert {"identity", "typography", "said_says", "count", "different_subject"} <= categories
    for pair in pairs:
        if pair.category == "identity":
            assert pair.premise == pair.hypothesis and pair.label == "entailment"
        if pair.category == "different_subject":
            assert pair.label == "neutral"


def test_typography_said_and_list_edits_keep_the_words():
    import random

    from factcheck.training.synthetic import reorder_list, retype, said_says

    rng = random.Random(3)
    sentence = "Leaders of France, Germany and Italy met in Rome, officials said."
    for _ in range(10):
        retyped = retype(sentence, rng)
        assert retyped.split()[0].lower() == "leaders"
        assert " ".join(retyped.lower().split()).rstrip(".") == sentence.lower().rstrip(".")
    assert said_says(sentence, rng) in {
        sentence.replace("said", "says"),
        sentence.replace("said", "told reporters"),
    }
    reordered = reorder_list(sentence, rng)
    assert sorted(reordered.replace(",", "").split()) == sorted(sentence.replace(",", "").split())
    assert reordered != sentence


def test_same_article_pairs_pair_facts_with_numbers_of_their_own_as_neutral():
    body = (
        "Kim Jong Un will visit Beijing for the parade, his first visit to China since 2019.\n"
        "It is his first attendance at a multilateral event in Beijing since taking power in "
        "2011.\n"
        "The parade on September 3 will mark 80 years since the end of the war in Asia.\n"
        "Officials said the parade on September 3 will be the largest one in many years.\n"
        "The leaders met at the summit without making any announcement at all afterwards."
    )
    pairs = synthetic.same_article_pairs([body], limit=100, seed=0, pool="t")
    texts = {(p.premise, p.hypothesis) for p in pairs}
    visit = "Kim Jong Un will visit Beijing for the parade, his first visit to China since 2019."
    attendance = (
        "It is his first attendance at a multilateral event in Beijing since taking power in 2011."
    )
    # The two "first ... since" sentences, both ways round, as neutral.
    assert (visit, attendance) in texts and (attendance, visit) in texts
    assert all(p.label == "neutral" and p.category == "same_article" for p in pairs)
    for pair in pairs:
        # Sentences that share a number (both "September 3") may tell the same fact; a
        # sentence with no number has none of its own.
        assert "announcement" not in pair.premise + pair.hypothesis
        assert not ("September 3" in pair.premise and "September 3" in pair.hypothesis)
    assert len(synthetic.same_article_pairs([body], limit=1, seed=0, pool="t")) == 1


def test_wide_vocabulary_adds_report_verbs_and_keeps_the_suites_words_out():
    suite_words = set(synthetic.HELD_OUT_FACTIVE + synthetic.HELD_OUT_NONFACTIVE)
    suite_words |= set(synthetic.HELD_OUT_SYNONYMS) | set(synthetic.HELD_OUT_SYNONYMS.values())
    sentence = "The mayor opened the bridge on Saturday."

    def verbs_used(vocabulary: str) -> set[str]:
        _, neutral = synthetic.near_copy_rules(vocabulary)
        rng = random.Random(1)
        return {
            neutral["nonfactive_verb"](sentence, rng).split(" that ")[0].split()[-1]
            for _ in range(300)
        }

    narrow, wide = verbs_used("narrow"), verbs_used("wide")
    assert narrow == set(synthetic.TRAIN_NONFACTIVE)
    assert narrow < wide and not wide & suite_words
    wide_words = set(synthetic.WIDE_SYNONYMS) | set(synthetic.WIDE_SYNONYMS.values())
    assert not (wide_words | set(synthetic.WIDE_FACTIVE)) & suite_words
    with pytest.raises(ValueError, match="vocabulary"):
        synthetic.near_copy_rules("huge")


def test_two_stories_pairs_are_neutral_sentences_of_two_articles_with_little_in_common():
    bodies = [
        "The council approved a budget of 4 million for the new school. Parents welcomed it.",
        "Floods in the north closed 12 roads on Monday, police said in a statement.",
        "The council approved a budget of 5 million for the new library on the river bank.",
    ]
    pairs = synthetic.two_stories_pairs(bodies, limit=50, seed=0, pool="t")
    assert pairs and all(p.label == "neutral" and p.category == "two_stories" for p in pairs)
    for pair in pairs:
        # Never two sentences of one article, nor the council's two budgets (shared words).
        assert {"council", "budget"} - set(pair.premise.lower().split()) or {
            "council",
            "budget",
        } - set(pair.hypothesis.lower().split())
        assert not (("Parents" in pair.premise) and ("school" in pair.hypothesis))
    assert len(synthetic.two_stories_pairs(bodies, limit=1, seed=0, pool="t")) == 1
