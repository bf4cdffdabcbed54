"""Page furniture: captions, bylines, datelines, prompts, promotion, standards and
copyright lines are dropped from a pasted article; its sentences are all kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.pipeline.read import ReadError, read_article
from factcheck.settings import CompareSettings

FIXTURE = Path(__file__).parent / "fixtures" / "wire_pasted.txt"
SETTINGS = CompareSettings.load().read
ARTICLE_SENTENCES = [
    "Water levels on the Elbe river rose to 6.2 metres on Tuesday",
    "The city's crisis team said the river was expected to peak on Thursday",
    "About 400 soldiers were helping to fill sandbags along the embankment",
    "promised emergency aid for affected businesses.",
]
FURNITURE = [
    "REUTERS/Staff Photo",  # a photo caption before the dateline
    "By Anna Keller",
    "DRESDEN, Germany (Reuters) -",  # a dateline run into the first sentence
    "(Reporting by",  # credits run into the last sentence
    "Read more",
    "Morning Briefing newsletter",  # publisher promotion
    "Our Standards",
    "All quotes delayed a minimum of 15 minutes",
    "All rights reserved",
]


@pytest.fixture(scope="module")
def article_text() -> str:
    return read_article(FIXTURE, SETTINGS, "a").text


@pytest.mark.parametrize("furniture", FURNITURE)
def test_furniture_is_dropped(article_text, furniture):
    assert furniture not in article_text


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_sentences_are_kept(article_text, sentence):
    assert sentence in article_text


def test_first_sentence_starts_after_the_dateline(article_text):
    assert article_text.startswith("Water levels on the Elbe")


def test_a_short_text_is_never_treated_as_furniture():
    settings = SETTINGS.updated({"min_words": 1})
    text = "Mayor Elena Ruiz cut the ribbon."
    assert read_article("claim", settings, "a", text=text).text == text


def test_a_page_of_furniture_only_is_a_clear_error(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "Home | News | Sport\nShare this story\nRead more\n"
        "Sign up for our newsletter today and get every story first.\n"
        "© 2024 Example Media. All rights reserved.\n"
    )
    with pytest.raises(ReadError, match=r"only page furniture|too short"):
        read_article(path, SETTINGS, "a")


def test_the_last_sentence_of_an_article_without_shared_words_is_kept():
    text = (
        "The Millbrook river bridge opened again on Saturday after a two-year closure.\n\n"
        "Mayor Elena Ruiz led the reopening ceremony on the riverbank.\n\n"
        "The contractor, Northline Construction, finished three months behind schedule.\n"
    )
    assert "Northline Construction" in read_article("t", SETTINGS, "a", text=text).text
