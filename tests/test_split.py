"""Claims: sentences, headlines, compound splitting, referents, offsets."""

import pytest

from factcheck.config import load_config
from factcheck.schema import Article
from factcheck.split import ClaimSplitter


@pytest.fixture(scope="module")
def splitter():
    return ClaimSplitter(load_config("compare")["split"])


def claims_of(splitter, text):
    article = Article("a", "t", text)
    return article, splitter.split(article)


def test_offsets_point_at_the_original_span(splitter):
    article, claims = claims_of(
        splitter,
        "Budget Vote Ends in Deadlock\nThe council met on "
        "Monday. Dr. Smith, the chair, opened the U.S.-style session.",
    )
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(article.text)
        span = article.text[claim.start : claim.end]
        assert span.split()[0].strip(",") in claim.text or claim.text.startswith(span.split()[0])


def test_headline_is_a_claim_marked_as_headline(splitter):
    _, claims = claims_of(
        splitter,
        "Budget Vote Ends in Deadlock\nThe council met on Monday "
        "and debated the budget for six hours.",
    )
    assert claims[0].headline and claims[0].text == "Budget Vote Ends in Deadlock"
    assert not any(c.headline for c in claims[1:])


def test_abbreviations_do_not_end_sentences(splitter):
    _, claims = claims_of(
        splitter,
        "Dr. Jane Smith of the U.S. Treasury met Mr. Lee on "
        "Friday in Washington to discuss the budget.",
    )
    assert len(claims) == 1


def test_quotation_stays_whole(splitter):
    _, claims = claims_of(
        splitter,
        'The minister said, "We will not retreat. We will win." '
        "Reporters left the hall after the speech ended.",
    )
    assert any("We will not retreat. We will win." in c.text for c in claims)


def test_coordinated_clauses_become_two_claims(splitter):
    _, claims = claims_of(
        splitter, "The storm destroyed two bridges, and the army sent engineers to the valley."
    )
    texts = [c.text for c in claims]
    assert "The storm destroyed two bridges." in texts
    assert "The army sent engineers to the valley." in texts


def test_appositive_is_lifted_with_its_referent(splitter):
    _, claims = claims_of(
        splitter,
        "Moon Seong Mook, an analyst at the Korea Research Institute, said the visit mattered.",
    )
    texts = [c.text for c in claims]
    assert "Moon Seong Mook is an analyst at the Korea Research Institute." in texts
    assert "Moon Seong Mook said the visit mattered." in texts


def test_pronoun_is_filled_with_the_person_named_before(splitter):
    _, claims = claims_of(
        splitter,
        "North Korean leader Kim Jong Un will visit Beijing next "
        "week. This marks his first visit to China since 2019.",
    )
    assert claims[1].text == "This marks Kim Jong Un's first visit to China since 2019."
    assert claims[1].start > claims[0].end


def test_seed_claims_carry_no_boilerplate(tmp_path):
    from factcheck.read import read_article
    from factcheck.resources import shared_dir

    settings = load_config("compare")
    article = read_article(shared_dir() / "seeds" / "article_b.txt", settings["read"], "b")
    claims = ClaimSplitter(settings["split"]).split(article)
    assert claims and not any(
        "Leave a Reply" in c.text or "email address" in c.text for c in claims
    )


def test_a_spacy_model_other_than_the_configured_one_is_refused():
    from factcheck.config import load_config
    from factcheck.split import ClaimSplitter, SpacyModelError

    settings = dict(load_config("compare")["split"])
    assert ClaimSplitter(settings).nlp.meta["version"] == settings["spacy_model_meta"]["version"]
    settings["spacy_model_meta"] = {**settings["spacy_model_meta"], "version": "9.9.9"}
    with pytest.raises(SpacyModelError, match=r"9\.9\.9"):
        _ = ClaimSplitter(settings).nlp
