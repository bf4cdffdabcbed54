"""The failures named in the editor-trust issue, each on the real models: malformed claims,
the different-subject contradiction, the seed pair's missed agreements and its one real
contradiction, and the bundled example's cost and funding claims."""

from __future__ import annotations

import csv
import functools

import pytest

import factcheck
from factcheck import get_pipeline
from factcheck.resources import resolve

from .conftest import ROOT

FNC_BODIES = "shared:data/consistency/fnc1_news_stance/train_bodies.csv"


@functools.cache
def fnc_body(body_id: int) -> str:
    """One FNC-1 training body, read from ../shared."""
    with resolve(FNC_BODIES).open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    return bodies[body_id]


def claims_of(text: str) -> list[str]:
    pipeline = get_pipeline()
    articles = pipeline.read({"article": text})
    claims = pipeline.checked_rewrites(pipeline.splitter.split(articles[0]), articles)
    return [c.text for c in claims]


def test_a_pronoun_is_resolved_not_left_dangling():
    claims = claims_of(
        "The new batteries are already sold in phones and laptops, but they only last about "
        "two years before they fade. Engineers hope to double that."
    )
    assert not any(c.startswith("They ") for c in claims), claims
    assert any(c.startswith("The new batteries only last") for c in claims), claims


def test_an_appositive_deep_in_the_sentence_is_not_lifted_into_a_definition():
    claims = claims_of(
        "Researchers at the institute claimed the discovery of a practical vaccine, a compound "
        "called AB-12, in a paper published on Monday. The paper was reviewed by three labs."
    )
    assert not any(c.startswith("A practical vaccine is") for c in claims), claims


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "The team built a vaccine that works at room temperature, which has long been a "
            "goal of the field. The trial starts next year.",
            "Room temperature has long been",
        ),
        (
            "The lab uses a magnet, which is important because it keeps the samples cold. The "
            "samples come from Norway.",
            "A magnet is important",
        ),
    ],
)
def test_a_relative_clause_is_not_hung_on_the_wrong_referent(text, wrong):
    claims = claims_of(text)
    assert not any(c.startswith(wrong) for c in claims), claims


def test_claims_about_different_people_do_not_contradict():
    finding = factcheck.check(
        "Anna Berg is a chemist at the University of Oslo.",
        "Tom Reid is a physics professor at Leeds University.",
    )
    assert finding.label != "contradict", finding


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Seven Filipinos slain in Yemen attack", "Syrian soldiers killed in bomb attack"),
        ("France to ban child beauty pageants", "Facebook to test mobile payments service"),
    ],
)
def test_claims_with_nothing_in_common_do_not_contradict(a, b):
    # The NLI model reads each pair as a contradiction both ways; they share no name and
    # hardly a word: two stories.
    finding = factcheck.check(a, b)
    assert finding.label != "contradict", finding


def test_a_shared_name_alone_does_not_anchor_a_contradiction():
    # Two real articles on one video (FNC-1 bodies 1567 and 2459): NLI reads these two as a
    # contradiction both ways; they say two different things about one person.
    a = "Riquelme goes by \u201cJoey Trombone\u201d on social media."
    b = "The touching video begins with Joe Riquelme sitting on a couch with his parents."
    finding = factcheck.check(a, b)
    assert min(finding.nli_a_to_b["contradiction"], finding.nli_b_to_a["contradiction"]) >= 0.6
    assert finding.label != "contradict", finding
    # A name and a word in common still anchor one: the same claim denied.
    denied = factcheck.check(
        "Riquelme posted the video on social media.",
        "Riquelme never posted the video anywhere.",
    )
    assert denied.label == "contradict", denied


@pytest.fixture(scope="module")
def seed_report():
    seeds = resolve("shared:seeds")
    return factcheck.compare([seeds / "article_a.txt", seeds / "article_b.txt"])


def _labels_between(report, a_words: str, b_words: str) -> set[str]:
    labels = set()
    for finding in report.findings:
        first, second = (report.claim(i) for i in finding.claims)
        if first.source == "b":
            first, second = second, first
        if a_words in first.text and b_words in second.text:
            labels.add(finding.label)
    return labels


def test_seed_pair_has_exactly_the_troop_count_as_contradiction(seed_report):
    flagged = [f for f in seed_report.findings if f.label in ("contradict", "attribution")]
    assert len(flagged) == 1, [[seed_report.claim(i).text for i in f.claims] for f in flagged]
    assert any("troops" in seed_report.claim(i).text for i in flagged[0].claims)


@pytest.mark.parametrize(
    ("a_words", "b_words"),
    [
        ("Kim Jong Un to Join Beijing's World War II", "Kim Jong Un to Join Xi and Putin"),
        ("Slovakia's Prime Minister Robert Fico", "with Slovakia’s prime minister among"),
        # Both state the main clause, each with a detail of its own after a comma.
        ("absence of major Western leaders highlights", "absence of most Western leaders"),
        # One of a list told on its own agrees with the whole list.
        ("will also host Chinese President Xi Jinping", "a powerful trio of leaders"),
    ],
)
def test_seed_pair_agreements_are_found(seed_report, a_words, b_words):
    assert "agree" in _labels_between(seed_report, a_words, b_words)


def test_bundled_example_cost_and_funding_agree():
    examples = ROOT / "examples"
    report = factcheck.compare([examples / "bridge_a.txt", examples / "bridge_b.txt"])
    assert "agree" in _labels_between(report, "42 million dollars", "42 million dollars")
    assert "agree" in _labels_between(report, "state transport fund", "state transport fund")
    assert "agree" in _labels_between(report, "steel deck", "steel deck")


def test_the_same_action_on_the_same_thing_agrees_unless_its_figures_differ():
    agreed = factcheck.check(
        "Engineers replaced the steel deck.", "Workers replaced the steel deck of the bridge."
    )
    different_figures = factcheck.check(
        "On Thursday, Taiwan reported 131 suspected cases of the disease.",
        "Taiwan reported 22 new cases, for a total of 360 with 13 deaths.",
    )
    denied = factcheck.check(
        "Engineers replaced the steel deck.", "Workers never replaced the steel deck."
    )
    assert agreed.label == "agree" and any(r.kind == "action" for r in agreed.reasons)
    assert different_figures.label != "agree"
    assert denied.label != "agree"


def test_figures_of_two_events_named_apart_do_not_contradict_but_of_one_event_do():
    two_events = factcheck.check(
        "3 dead, 1 hurt in shooting at S Carolina oceanfront motel",
        "4 dead, 30 injured in train collision near Moscow",
    )
    assert two_events.label == "related"
    assert any("nothing named in common" in r.detail for r in two_events.reasons)
    one_event = factcheck.check(
        "Police in Ohio arrested five men on Monday.",
        "Police in Ohio arrested seven men on Monday.",
    )
    assert one_event.label == "contradict"
    # One word of a name in common is enough: a headline's names are tagged differently.
    one_name = factcheck.check(
        "Robert Plant ripped up an 800 million contract offer to reunite Led Zeppelin",
        "Led Zeppelin Reunion: Robert Plant Rips Up 300 Million Contract, Refuses To Rejoin",
    )
    assert one_name.label == "contradict"
    swapped_name = factcheck.check(
        "The minister flew to Paris on Monday.", "The minister flew to Berlin on Monday."
    )
    assert swapped_name.label == "contradict"


def test_a_quotation_is_never_rewritten():
    claims = claims_of(
        'Verma was fired in 1990. "He went on seeking extension of leave, which was not '
        'sanctioned, and defied directions to report to work," the government said.'
    )
    assert any(c.startswith('"He went on seeking extension of leave') for c in claims), claims


def test_a_name_filled_in_that_fails_its_check_leaves_the_sentence_with_the_one_before():
    from factcheck.pipeline.pipeline import Pipeline
    from factcheck.settings import CompareSettings, NLISettings

    # A check no rewrite can pass (entailment 1.0) makes the filled-in name fail.
    settings = CompareSettings.load().updated({"split": {"rewrite_entailment": 1.0}})
    pipeline = Pipeline(settings, NLISettings.load().serve)
    text = (
        "Steven Sotloff is a journalist from Miami.\nHe has worked in Syria, Libya and Yemen "
        "for years. The series was a hit in Britain."
    )
    articles = pipeline.read({"article": text})
    claims = pipeline.checked_rewrites(pipeline.splitter.split(articles[0]), articles)
    assert [c.text for c in claims] == [
        "Steven Sotloff is a journalist from Miami. He has worked in Syria, Libya and Yemen "
        "for years.",
        "The series was a hit in Britain.",
    ]
    assert text[claims[1].start : claims[1].end] == claims[1].text


def test_a_quotation_going_on_after_a_filled_in_speaker_keeps_the_name():
    text = (
        "Tom Reid runs a pizza shop in Leeds.\n\u201cFor one pizza, that is a good day of "
        "work,\u201d he said. \u201cIt is nice to be appreciated.\u201d"
    )
    claims = claims_of(text)
    # The speaker's name is filled in, the quotation that goes on stays with it, and the
    # check reads only the sentence whose words changed (NLI on the whole claim, quotation
    # included, was not sure of it and the name was dropped).
    assert (
        "\u201cFor one pizza, that is a good day of work,\u201d Tom Reid said. \u201cIt is "
        "nice to be appreciated.\u201d" in claims
    ), claims


def test_one_person_of_a_list_told_on_its_own_agrees_and_a_denial_does_not():
    import factcheck

    listed = factcheck.check(
        "The ceremony in Moscow will also host Indian Prime Minister Narendra Modi.",
        "The ceremony in Moscow, marking the end of the war, will bring together Narendra "
        "Modi, Lula da Silva and Cyril Ramaphosa.",
    )
    assert listed.label == "agree"
    assert any(reason.kind == "list" for reason in listed.reasons)
    denied = factcheck.check(
        "The summit will also host Indian Prime Minister Narendra Modi.",
        "Narendra Modi, Lula da Silva and Cyril Ramaphosa will not attend the summit.",
    )
    assert denied.label == "contradict"


def test_a_rewrite_is_checked_against_the_words_it_was_cut_from_and_the_naming_sentence():
    from factcheck.pipeline.rewrites import rewrite_premises, sentence_contexts

    pipeline = get_pipeline()

    def premises_of(text: str, start: str) -> tuple[list[str], float]:
        articles = pipeline.read({"article": text})
        claims = pipeline.splitter.split(articles[0])
        claim = next(c for c in claims if c.text.startswith(start))
        contexts = sentence_contexts(claims, articles)
        [premises] = rewrite_premises([claim], claims, articles, contexts)
        return premises, pipeline.rewrite_entailment(claims, articles)[claim.id]

    premises, score = premises_of(
        "Officials said that Eric Schultz, the deputy White House press secretary, declined "
        "to comment. The video was posted on Tuesday.",
        "Eric Schultz is",
    )
    assert "Officials said that Eric Schultz, the deputy White House press secretary" in premises
    assert score >= 0.5
    premises, score = premises_of(
        "Steven Sotloff is a journalist from Miami. The video was posted on Tuesday. He has "
        "worked in Syria, Libya and Yemen.",
        "Steven Sotloff has worked",
    )
    assert (
        "Steven Sotloff is a journalist from Miami. He has worked in Syria, Libya and Yemen."
        in premises
    ), premises
    assert score >= 0.5


def test_a_claim_kept_with_the_sentence_before_agrees_through_either_of_its_sentences():
    from factcheck.benchmarks.editor import load_pairs

    pair = next(p for p in load_pairs(resolve(FNC_BODIES)) if p.id == "canseco")
    report = factcheck.compare({"a": pair.a_text, "b": pair.b_text})
    # "Canseco played 17 years …" is kept with "He was part of the A's 1989 … team …".
    [joined] = [c for c in report.claims if "played 17 years" in c.text]
    assert "He was part of" in joined.text
    assert "agree" in _labels_between(report, "played 17 years", "17 seasons")


@pytest.mark.parametrize(
    ("a_body", "b_body", "a_words", "b_words"),
    [
        # A quotation of the militants against Kurdish fighters' thanks for the supplies.
        (1949, 2168, "Ammunition, military equipment", "Kurdish fighters tweeted"),
        # "He asserts: 'The thing is not made up.'" against a claim of whom he blamed.
        (2170, 2248, "The thing is not made up", "Babici blamed parents"),
    ],
)
def test_a_sentence_sharing_almost_no_word_with_a_claim_does_not_make_it_agree(
    a_body, b_body, a_words, b_words
):
    # NLI reads these as entailed when one claim's sentence is checked against the other
    # claim (rule 5: one fact told in one sentence or two); they share no fact.
    report = factcheck.compare({"a": fnc_body(a_body), "b": fnc_body(b_body)})
    labels = _labels_between(report, a_words, b_words)
    assert labels and "agree" not in labels, labels


@pytest.mark.parametrize(
    ("premise", "hypothesis", "share"),
    [
        ("India's officials met on Monday.", "An official of India met on Monday.", 1.0),
        ("The bridge reopened.", "Ammunition and military equipment arrived.", 0.0),
        ("The bridge reopened.", "It was so.", 1.0),  # no content word to find
    ],
)
def test_stems_covered_is_the_share_of_content_words_found(premise, hypothesis, share):
    from factcheck.facts.words import stems_covered

    assert stems_covered(premise, hypothesis) == pytest.approx(share)


@pytest.mark.parametrize(
    ("claim", "sentences"),
    [
        (
            "According to Pentagon Press Secretary Rear Adm. John Kirby, most supplies arrived. "
            "He said the rest was lost.",
            [
                "According to Pentagon Press Secretary Rear Adm. John Kirby, most supplies "
                "arrived.",
                "He said the rest was lost.",
            ],
        ),
        (
            "A.K. Verma was an engineer at the department. He was fired after years away.",
            ["A.K. Verma was an engineer at the department.", "He was fired after years away."],
        ),
        (
            "The troops left Iraq. He said the war was over.",
            ["The troops left Iraq.", "He said the war was over."],
        ),
        ("Sen. Ted Cruz of Texas spoke at the meeting on Friday.", []),
    ],
)
def test_a_claim_is_cut_into_sentences_at_sentence_ends_not_abbreviations(claim, sentences):
    from factcheck.pipeline.judge import _sentences_of

    assert _sentences_of(claim) == sentences


@pytest.mark.parametrize(
    ("claim", "main"),
    [
        (
            "The absence of major Western leaders highlights the current geopolitical divide, "
            "particularly in light of Russia's conflict in Ukraine.",
            "The absence of major Western leaders highlights the current geopolitical divide.",
        ),
        (
            "Most economists had been expecting a far more dire report, with many expecting "
            "job losses.",
            "Most economists had been expecting a far more dire report.",
        ),
        ("He came, with friends.", None),  # too short a main clause to state a fact
        ("The mayor opened the bridge on Saturday in front of a crowd.", None),
    ],
)
def test_the_main_clause_drops_only_a_trailing_modifier(claim, main):
    from factcheck.pipeline.judge import main_clause

    judge = factcheck.load_settings().compare.judge
    assert main_clause(claim, judge.trailing_openers, judge.main_clause_words) == main


@pytest.mark.parametrize(
    ("a", "b", "names", "siblings"),
    [
        (
            "The parade will also host Russian President Vladimir Putin.",
            "The parade will also host Chinese President Xi Jinping.",
            ("Vladimir Putin", "Xi Jinping"),
            True,
        ),
        (
            "He met China’s Xi Jinping.",
            "He met Russia’s Vladimir Putin.",
            ("Xi Jinping", "Vladimir Putin"),
            True,
        ),
        # Two names with predicates of their own are not one list cut in two.
        ("Putin arrived on Monday.", "Xi greeted the crowd on Monday.", ("Putin", "Xi"), False),
        ("Anna Berg spoke first.", "Tom Reid spoke last.", ("Anna Berg", "Tom Reid"), False),
    ],
)
def test_claims_cut_from_one_list_differ_in_the_name_only(a, b, names, siblings):
    from factcheck.pipeline.judge import differ_in_names_only

    extra = factcheck.load_settings().compare.judge.list_sibling_extra_words
    assert differ_in_names_only(a, b, names, extra) is siblings


def test_two_claims_both_sources_state_do_not_contradict_across_them():
    # FNC-1 bodies 1292 and 1547 both quote one 1974 Lego letter: "A lot of boys like dolls
    # houses. …" and "A lot of girls prefer spaceships. …". NLI reads one against the other
    # as a contradiction both ways, but each article states both.
    report = factcheck.compare({"a": fnc_body(1292), "b": fnc_body(1547)})
    for a_words, b_words in (("boys like dolls", "girls prefer"), ("girls prefer", "boys like")):
        labels = _labels_between(report, a_words, b_words)
        assert labels and "contradict" not in labels, labels
    assert not report.findings_with("contradict")


@pytest.mark.parametrize(
    ("a", "b", "contradicts"),
    [
        # FNC-1 bodies 1123 and 2413: one denial told two ways.
        ("NASA never tweeted it.", "NASA denies the tweet.", False),
        ("The company did not confirm the report.", "The company denied the report.", False),
        # A denial under a negation still conflicts with the denial.
        ("The minister denied the report.", "The minister did not deny the report.", True),
    ],
)
def test_a_negation_and_a_denial_say_no_alike(a, b, contradicts):
    finding = factcheck.check(a, b)
    assert (finding.label in {"contradict", "attribution"}) is contradicts, finding


def test_one_title_held_by_two_people_conflicts_only_in_one_story():
    # FNC-1 bodies 2386 and 2524: two countries' presidents.
    apart = factcheck.check(
        "It will also confront the step of pursuing the Islamic State in Syria, where "
        "President Barack Obama has resisted launching airstrikes.",
        "The Islamic State emerged during the Syrian civil war, which began as a popular "
        "uprising against President Bashar al-Assad.",
    )
    assert apart.label not in {"contradict", "attribution"}, apart
    swapped = factcheck.check(
        "President Barack Obama signed the bill on Monday at the White House.",
        "President George Bush signed the bill on Monday at the White House.",
    )
    assert swapped.label == "contradict", swapped


@pytest.mark.parametrize(
    ("a", "b", "contradicts"),
    [
        # FNC-1 bodies 1815 and 2230: NLI reads the near copy as a contradiction both ways
        # (0.93, 0.98); one adds only the weekday.
        (
            "Friday is the 69th anniversary of the founding of North Korea's Workers' Party, "
            "an event Kim has marked in the past two years with a post-midnight visit to the "
            "Pyongyang mausoleum where the bodies of his father and grandfather are interred.",
            "The 69th anniversary of the founding of North Korea's Workers' Party is an event "
            "Kim has marked in the past two years with a post-midnight visit to the Pyongyang "
            "mausoleum where the bodies of his father and grandfather are interred.",
            False,
        ),
        # A negator added is no detail, nor a preposition that places things apart
        # (Breaking NLI).
        ("The minister resigned on Friday.", "The minister never resigned on Friday.", True),
        (
            "Man and woman stand behind large truck in front of yellow house.",
            "Man and woman stand in front of large truck in front of yellow house.",
            True,
        ),
    ],
)
def test_a_claim_with_a_detail_more_does_not_contradict_it(a, b, contradicts):
    finding = factcheck.check(a, b)
    assert (finding.label == "contradict") is contradicts, finding


def test_figures_each_source_gives_for_different_things_do_not_contradict():
    # FNC-1 bodies 877 and 1280 price the Apple Watch models and bands; both give $450 (the
    # Sport model) and $650 (the steel model), each pairs them with other claims.
    a = (
        "Starting with Apple Watch Sport, Munster expects an average selling price of $450 "
        "including case and storage options. The stainless steel Apple Watch model is expected "
        "to start at $499 to $549, with an overall average selling price at around $650."
    )
    b = (
        "The mid-tier Apple Watch will come closer to an average selling price of $650, "
        "according to Munster. Munster expects that the price for the Sport model could reach "
        "as high as $450 depending on case and storage options."
    )
    report = factcheck.compare({"a": a, "b": b})
    assert not report.findings_with("contradict"), report.findings_with("contradict")
    # A figure neither source gives elsewhere still conflicts: an average against an
    # average (a maximum is no average: "as high as $550" would not conflict with it).
    changed = b.replace("$650", "$750")
    report = factcheck.compare({"a": a, "b": changed})
    assert report.findings_with("contradict")


def test_a_sentence_many_claims_each_state_is_no_packed_agreement():
    """FNC-1 bodies 1622 and 1661: "“We are convinced that this was a meteorite.", cut from a
    quotation, is what the whole story says; NLI reads it as stated by five claims of the
    other article, three of which doubt or qualify it. None of them agrees with the
    quotation by that sentence (`judge.packed_generic_after`)."""
    report = factcheck.compare({"a": fnc_body(1622), "b": fnc_body(1661)})
    texts = {c.id: c.text for c in report.claims}
    agreeing = [(texts[f.claims[0]], texts[f.claims[1]]) for f in report.findings_with("agree")]
    assert not any(
        "We are convinced" in a and ("Saballos" in b or "Humberto Garcia" in b) for a, b in agreeing
    ), agreeing
