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


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # The last sentence of an article, though it shares no word with the rest.
        (
            "The Millbrook river bridge opened again on Saturday after a two-year closure.\n\n"
            "Mayor Elena Ruiz led the reopening ceremony on the riverbank.\n\n"
            "The contractor, Northline Construction, finished three months behind schedule.\n",
            ["Northline Construction"],
            [],
        ),
        # FNC-1 body 1362: "Read our …" between paragraphs promotes the site; a quotation
        # and "US" the country do not.
        (
            "Apple is expected to launch a new MacBook Air with a 12in screen next year.\n\n"
            "The laptop is said to be thinner than the current model.\n\n"
            "Read our 5 reasons to buy a MacBook Air and 5 reasons NOT to buy a MacBook Air.\n\n"
            '"Read our lips: no new taxes," the senator said of the laptop levy.\n\n'
            "Analysts expect the new model to cost about $999 in the US.\n",
            ['"Read our lips', "about $999 in the US"],
            ["Read our 5 reasons"],
        ),
        # FNC-1 body 374: "(FGM)" spells out the words before it, no credit like "(KSL-TV)".
        (
            "The bill has completed its committee stage in the Commons.\n\n"
            "It is intended to clarify the law on sex selective abortion.\n\n"
            "It also contains new measures to combat domestic violence and female genital "
            "mutilation (FGM).\n\n"
            "The mayor at the ribbon cutting on Friday (KSL-TV)\n",
            ["female genital mutilation (FGM)."],
            ["KSL-TV"],
        ),
        # FNC-1 body 1468: a spokesman's comments, not the page's comment section.
        (
            "Saudi Arabia will cut the number of foreign workers next year.\n\n"
            "The plan covers the retail and construction sectors.\n\n"
            "Interior Ministry spokesman Mansour al-Turki's comments were published Wednesday "
            "in the Saudi Al-Eqtisadia newspaper.\n",
            ["comments were published Wednesday"],
            [],
        ),
        # FNC-1 body 1521: a byline after the date it was posted.
        (
            "Hoax Alert: Father O'Neal Is Made Up\n"
            "February 22, 2015 by Terry Firma 84 Comments\n"
            "A Catholic priest from Massachusetts was declared dead for 48 minutes.\n\n"
            "Doctors at the hospital said he recovered fully.\n\n"
            "The story spread quickly on social media.\n",
            ["A Catholic priest"],
            ["Terry Firma"],
        ),
        # FNC-1 body 654: "The victim" points back into the story, though no word of it
        # recurs.
        (
            "A mob castrated a man accused of attempted rape in Rajasthan.\n\n"
            "Police said people cannot take the law into their own hands.\n\n"
            "Officers are looking for the attackers.\n\n"
            "The victim was treated for shock, and given counselling.\n",
            ["The victim was treated for shock"],
            [],
        ),
        # FNC-1 bodies 109 and 1041: embedded posts' credits, run into the posts around
        # them; the posts stay, each a paragraph of its own.
        (
            "Some iPhone 6 owners say the phone pulls out their hair.\n\n"
            "People are joking about #hairgate but this is a real problem. It hurts!— Quinn "
            "Nelson (@SnazzyQ) October 6, 2014The seam on my iPhone 6 is catching my hair."
            " #seamgate— Paul Peavler (@CardMeHD) September 28, 2014\n\n"
            "Apple did not answer questions about the seam of the iPhone 6.\n",
            ["It hurts!\n\nThe seam on my iPhone 6", "catching my hair. #seamgate\n\nApple"],
            ["@SnazzyQ", "Paul Peavler", "2014"],
        ),
        # FNC-1 bodies 1795 and 1970: a photo's caption between paragraphs, closed by its
        # credit, however long.
        (
            "Students marched in Chilpancingo on Monday to demand answers.\n\n"
            "A relative of missing students marches with flowers to protest the disappearance "
            "of 43 students, in Chilpancingo, Mexico, Tuesday, Oct. 14, 2014. Officials are "
            "trying to find out whether the students are in the graves. (AP Photo/Eduardo "
            "Verdugo)\n\n"
            "Police said the students had been taken away in police trucks.\n",
            ["demand answers", "police trucks"],
            ["Oct. 14", "AP Photo"],
        ),
        # FNC-1 bodies 1089 and 1129: a live story's update stamps; the time is the
        # update's, not the call's, and what the paragraph tells stays.
        (
            "A gunman opened fire at the War Memorial on Wednesday, Ottawa police said.\n\n"
            "Witnesses say the gunman then ran into the main Parliament building.\n\n"
            "Parliament remains locked down, and police ask people to stay away.\n\n"
            "Update at 1:56 p.m. ET. Soldier Killed, Ottawa Police Say:\n\n"
            "Update at 2:30 p.m. from Eva-Marie Ayala: The clinic is on the corner.\n\n"
            "Updated at 11:45 p.m. ET\n\n"
            "Updated to clarify where the clinic stands.\n\n"
            "Police said the gunman was killed inside the building.\n\n"
            "Officers are still sweeping Parliament Hill to make sure it is safe.\n\n"
            "The police chief will speak to reporters in the evening.\n",
            [
                "Soldier Killed, Ottawa Police Say:",
                "The clinic is on the corner.",
                "Updated to clarify where the clinic stands.",
            ],
            ["1:56", "2:30", "11:45", "Eva-Marie"],
        ),
    ],
    ids=[
        "last-sentence",
        "publisher-prompt",
        "initials",
        "comments",
        "dated-byline",
        "the-victim",
        "embedded-posts",
        "photo-caption",
        "update-stamps",
    ],
)
def test_lines_kept_and_dropped_in_pasted_text(text, kept, dropped):
    article = read_article("t", SETTINGS, "a", text=text).text
    assert all(phrase in article for phrase in kept)
    assert not any(phrase in article for phrase in dropped)
