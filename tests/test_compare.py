"""`factcheck compare` end to end, with the real models: the seed pair, the bundled
examples, every report format, reference mode, the Python API, and bad input."""

import csv
import io
import json
import re

import jsonschema
import pytest

import factcheck
from factcheck.resources import PACKAGE_DIR, shared_dir

from .conftest import ROOT, run_cli

SEEDS = shared_dir() / "seeds"
EXAMPLES = ROOT / "examples"
SCHEMA = json.loads((PACKAGE_DIR / "schemas" / "report-v1.json").read_text())


@pytest.fixture(scope="module")
def seed_report():
    return factcheck.compare([SEEDS / "article_a.txt", SEEDS / "article_b.txt"])


def _texts(report, ids):
    return [report.claim(i).text for i in ids]


def _pairs(report, label):
    return [
        (report.claim(f.claims[0]).text, report.claim(f.claims[1]).text)
        for f in report.findings_with(label)
    ]


def _findings(report, label, a_words, b_words):
    """The findings of `label` whose first claim holds `a_words` and second `b_words`."""
    return [
        f
        for f in report.findings_with(label)
        if a_words in report.claim(f.claims[0]).text and b_words in report.claim(f.claims[1]).text
    ]


def test_seed_troop_counts_contradict_with_a_quantity_reason(seed_report):
    troops = _findings(
        seed_report, "contradict", "tens of thousands of troops", "Thousands of troops"
    )
    assert troops, _pairs(seed_report, "contradict")
    assert any(r.kind == "quantity" and "tens of thousands" in r.detail for r in troops[0].reasons)


def test_seed_first_visit_since_2019_agrees(seed_report):
    assert any(
        "first visit to China since 2019" in a and "first trip to China since 2019" in b
        for a, b in _pairs(seed_report, "agree")
    ), _pairs(seed_report, "contradict")


def test_seed_xi_hosted_by_the_parade_agrees_with_the_trio_of_leaders(seed_report):
    assert any(
        "will also host Chinese President Xi Jinping" in a and "trio of leaders" in b
        for a, b in _pairs(seed_report, "agree")
    ), _pairs(seed_report, "agree")


def test_seed_putin_cut_from_the_same_list_as_xi_agrees_with_the_trio_too(seed_report):
    # "will also host Russian President Vladimir Putin and Chinese President Xi Jinping" is
    # cut into two claims; NLI is surer of the Xi one: both say the same of their name.
    agreeing = _findings(
        seed_report, "agree", "will also host Russian President Vladimir Putin", "trio of leaders"
    )
    assert agreeing, _pairs(seed_report, "agree")
    assert agreeing[0].reasons[0].kind == "list"
    unique = _texts(seed_report, seed_report.unique)
    assert not any("will also host" in t for t in unique), unique


def test_seed_leaders_of_belarus_iran_indonesia_agree(seed_report):
    assert any(
        "Belarus, Iran, Indonesia" in a and "Belarus, Iran, and Indonesia" in b
        for a, b in _pairs(seed_report, "agree")
    )


def test_seed_unique_claims(seed_report):
    unique = _texts(seed_report, seed_report.unique)
    assert any("Hong Lei" in t and t.startswith("Assistant Foreign Minister") for t in unique)
    assert any("joint military drills" in t for t in unique)


def test_seed_no_boilerplate_and_few_contradictions(seed_report):
    assert not any("Leave a Reply" in c.text for c in seed_report.claims)
    assert seed_report.summary.contradict <= 3


def test_json_report_matches_the_schema_and_offsets(seed_report):
    data = json.loads(json.dumps(seed_report.to_dict()))
    jsonschema.validate(data, SCHEMA)
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for claim in data["claims"]:
        span = texts[claim["source"]][claim["start"] : claim["end"]]
        assert span.strip() and len(span) <= len(texts[claim["source"]])
    ids = {c["id"] for c in data["claims"]}
    assert set(data["unique"]) <= ids
    assert all(set(p["claims"]) <= ids for p in data["pairs"])
    assert data["summary"]["unique"] == len(data["unique"])


def test_api_accepts_texts_and_a_mapping():
    a = (EXAMPLES / "bridge_a.txt").read_text()
    b = (EXAMPLES / "bridge_b.txt").read_text()
    by_name = factcheck.compare({"Daily": a, "Herald": b})
    assert [s.name for s in by_name.sources] == ["Daily", "Herald"]
    by_text = factcheck.compare([a, b])
    assert by_text.summary == by_name.summary


def test_examples_catch_the_planted_crowd_size():
    report = factcheck.compare([EXAMPLES / "bridge_a.txt", EXAMPLES / "bridge_b.txt"])
    crowd = [
        f
        for f in report.findings_with("contradict")
        if any(r.kind == "quantity" and "residents" in r.detail for r in f.reasons)
    ]
    assert crowd
    unique = _texts(report, report.unique)
    assert any("bicycle lane" in t for t in unique)
    assert any("three months behind schedule" in t for t in unique)


def test_reference_mode_scores_a_faithful_text_above_an_unfaithful_one(tmp_path):
    source = EXAMPLES / "bridge_a.txt"
    faithful = tmp_path / "faithful.txt"
    faithful.write_text(
        "The Millbrook river bridge reopened on Saturday after two years of "
        "repairs. The repairs cost 42 million dollars."
    )
    unfaithful = tmp_path / "unfaithful.txt"
    unfaithful.write_text(
        "The Millbrook river bridge stayed closed on Saturday. The repairs "
        "cost 90 million dollars, paid by a private company."
    )
    good = factcheck.compare([faithful], reference=source)
    bad = factcheck.compare([unfaithful], reference=source)
    assert 0 <= bad.summary.consistency_score < good.summary.consistency_score <= 1
    assert {c.label for c in good.checks} == {"supported"}
    assert "contradicted" in {c.label for c in bad.checks}


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "csv", "html"])
def test_every_format_writes_a_file(tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = run_cli(
        "compare",
        str(EXAMPLES / "bridge_a.txt"),
        str(EXAMPLES / "bridge_b.txt"),
        "--format",
        fmt,
        "--output",
        str(out),
    )
    assert result.returncode == 0, result.stderr.decode()
    content = out.read_text()
    assert "residents" in content
    if fmt == "json":
        jsonschema.validate(json.loads(content), SCHEMA)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(content)))
        assert {r["kind"] for r in rows} == {"pair", "unique"}
        assert any(r["label"] == "contradict" for r in rows)


def test_stdin_source():
    text = (EXAMPLES / "bridge_b.txt").read_bytes()
    result = run_cli("compare", str(EXAMPLES / "bridge_a.txt"), "-", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["sources"][1]["name"] == "stdin"


def _clean_error(result, fragment):
    stderr = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in stderr, stderr
    assert fragment in stderr and len(stderr.strip().splitlines()) == 1, stderr


def test_bad_input_is_one_line_and_non_zero(tmp_path):
    a = str(EXAMPLES / "bridge_a.txt")
    _clean_error(run_cli("compare", a, str(tmp_path / "missing.txt")), "not found")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    _clean_error(run_cli("compare", a, str(empty)), "empty")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    _clean_error(run_cli("compare", a, str(binary)), "binary")
    _clean_error(run_cli("compare", a), "at least two sources")
    _clean_error(run_cli("compare", a, a, "--format", "pdf"), "unknown --format")


def test_output_never_overwrites_an_input_or_existing_file(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text((EXAMPLES / "bridge_a.txt").read_text())
    before = a.read_text()
    _clean_error(
        run_cli("compare", str(a), str(EXAMPLES / "bridge_b.txt"), "-o", str(a)),
        "refusing to overwrite",
    )
    assert a.read_text() == before
    existing = tmp_path / "report.md"
    existing.write_text("keep me")
    _clean_error(
        run_cli("compare", str(a), str(EXAMPLES / "bridge_b.txt"), "-o", str(existing)), "--force"
    )
    assert existing.read_text() == "keep me"


def test_hostile_article_text_is_escaped_in_every_format(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        (EXAMPLES / "bridge_b.txt")
        .read_text()
        .replace(
            "Traffic engineer Paul Okafor said",
            "Traffic engineer <script>alert(1)</script> <img src=x onerror=alert(2)> "
            "Paul Okafor said",
        )
    )
    report = factcheck.compare([EXAMPLES / "bridge_a.txt", hostile])
    from factcheck.report import render_markdown
    from factcheck.report.html import render_html

    html = render_html(report)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html
    assert "<script>" not in render_markdown(report)


def test_seed_contradictions_are_never_raised_by_years_dates_or_list_items(seed_report):
    year_or_day = r"^(?:(?:in|since|by)\s+)?(?:1[5-9]|20)\d\d$|^\d{1,2}(?:st|nd|rd|th)?$"
    for finding in seed_report.findings_with("contradict"):
        assert finding.reasons, "every verdict carries its reasons"
        for reason in finding.reasons:
            if reason.kind in ("quantity", "ordinal", "date"):
                assert not re.match(year_or_day, reason.a.strip()), reason
                assert not re.match(year_or_day, reason.b.strip()), reason
        fact_kinds = {r.kind for r in finding.reasons} - {"nli", "entity"}
        troops = any("troops" in t for t in _texts(seed_report, finding.claims))
        assert ("quantity" in fact_kinds) == troops, finding.reasons


VOTE_A = (
    "Election Dispute in Valdora\n\n"
    "The opposition said the vote in Valdora was rigged from the start. "
    "Turnout reached 61 percent across the country, the electoral commission reported."
)
VOTE_B = (
    "Valdora Votes\n\n"
    "International observers said the vote in Valdora was not rigged from the start. "
    "The electoral commission put turnout at 61 percent nationwide."
)


def test_disagreement_between_named_speakers_is_attribution():
    report = factcheck.compare({"Tribune": VOTE_A, "Ledger": VOTE_B})
    attributed = report.findings_with("attribution")
    assert attributed, [(f.label, _texts(report, f.claims)) for f in report.findings]
    reason = attributed[0].reasons[0]
    assert reason.kind == "attribution"
    assert {reason.a, reason.b} == {"The opposition", "International observers"}
    assert report.summary.attribution == len(attributed)
    assert not report.findings_with("contradict")


BRIDGE_SAT = (
    "Bridge Reopens\n\nThe Millbrook bridge reopened to traffic on Saturday after two years "
    "of repairs, city officials said."
)
BRIDGE_YESTERDAY = (
    "Millbrook Bridge Open Again\n\nThe Millbrook bridge reopened to traffic yesterday after "
    "two years of repairs, according to the city."
)


def test_relative_dates_use_publication_dates():
    sources = {"Herald": BRIDGE_SAT, "Courier": BRIDGE_YESTERDAY}
    same_day = factcheck.compare(sources, published=["2025-09-07", "2025-09-07"])
    assert not same_day.findings_with("contradict")
    day_late = factcheck.compare(sources, published=["2025-09-07", "2025-09-10"])
    [conflict] = day_late.findings_with("contradict")
    assert any(r.kind == "date" and "2025-09-06" in r.detail for r in conflict.reasons)


def test_bad_published_date_is_one_line():
    result = run_cli(
        "compare",
        str(EXAMPLES / "bridge_a.txt"),
        str(EXAMPLES / "bridge_b.txt"),
        "--published",
        "last tuesday",
    )
    assert result.returncode == 2
    assert "not a date" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def _judge_one(claim_a: str, claim_b: str):
    from factcheck import get_pipeline
    from factcheck.schema import Claim, Pair

    claims = {
        "a:0": Claim("a:0", "a", claim_a, 0, len(claim_a), 0),
        "b:0": Claim("b:0", "b", claim_b, 0, len(claim_b), 0),
    }
    (finding,) = get_pipeline().judge.judge([Pair("a:0", "b:0", 0.7)], claims)
    return finding


def test_a_quoted_speaker_against_the_other_outlets_statement_is_no_contradiction():
    outlet_b = "The government has no plan for the economy."
    plain = _judge_one("The government has a clear plan for the economy.", outlet_b)
    assert plain.label == "contradict"
    quoted = _judge_one(
        'Minister Anna Berg said, "The government has a clear plan for the economy."', outlet_b
    )
    assert quoted.label == "related"
    assert any(r.kind == "attribution" and "Anna Berg" in r.detail for r in quoted.reasons)
    # A figure in conflict still contradicts, quoted or not.
    figures = _judge_one(
        'Police chief Tom Hale said, "Only 12 people were hurt in the crash."',
        "Forty people were hurt in the crash.",
    )
    assert figures.label == "contradict"
    assert any(r.kind == "quantity" for r in figures.reasons)


def test_reports_are_written_with_the_users_umask(tmp_path):
    import os

    from factcheck.files import write_atomically

    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "r.md", "report\n")
        write_atomically(tmp_path / "lines.jsonl", ["a\n", "b\n"])
    finally:
        os.umask(old)
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "lines.jsonl").read_text() == "a\nb\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_claims_are_counted_by_outcome_per_source_and_pairs_apart(bridge_report):
    from factcheck.schema import Report  # noqa: F401  (the report is the pipeline's dict)

    summary = bridge_report["summary"]
    for source in bridge_report["sources"]:
        counts = summary["by_source"][source["id"]]
        own = [c for c in bridge_report["claims"] if c["source"] == source["id"]]
        assert counts["claims"] == len(own)
        parts = ("confirmed", "contradicted", "disputed", "only_here")
        assert sum(counts[k] for k in parts) == counts["claims"]
        agreeing = {
            cid for p in bridge_report["pairs"] if p["label"] == "agree" for cid in p["claims"]
        }
        assert counts["confirmed"] <= sum(c["id"] in agreeing for c in own)


def test_text_report_states_claims_by_outcome_and_lists_agreements():
    import factcheck
    from factcheck.report import render

    examples = ROOT / "examples"
    report = factcheck.compare([examples / "bridge_a.txt", examples / "bridge_b.txt"])
    text = render(report, "text")
    lines = text.splitlines()
    count = sum(c.source == "a" for c in report.claims)
    assert lines[1].startswith(f"bridge_a.txt: {count} claims — ") and "only in it" in lines[1]
    assert lines[3].startswith("pairs judged: ")
    assert "unique (of" not in text
    assert f"Agreements ({len(report.findings_with('agree'))})" in text
    for finding in report.findings_with("agree"):
        assert report.claim(finding.claims[0]).text[:40] in text


ATTACK_A = (
    "Mistress attacked in China\n\n"
    "A woman accused of being a mistress was attacked by four women in Puyang. "
    "Li, 38, was ambushed by four women in the city of Puyang in eastern China's Henan "
    "Province. Last month a similar attack happened in Jinan, in Shandong Province."
)
ATTACK_B = (
    "Another mistress attack caught on camera\n\n"
    "Last month's attack in Jinan saw three women caught on camera attacking a woman in "
    "eastern China's Shandong Province. This week a woman was ambushed by four women in "
    "Puyang, in Henan Province."
)


def test_a_name_each_source_names_is_no_swap():
    """FNC-1 bodies 907 and 1334: each article tells of both attacks, so "Henan" / "Shandong"
    in otherwise matching words are two of the story's places; a place only one source
    names is still put for the other's."""
    report = factcheck.compare({"a": ATTACK_A, "b": ATTACK_B})
    contradictions = report.findings_with("contradict")
    assert not contradictions, [_texts(report, f.claims) for f in contradictions]
    lone = factcheck.compare(
        {
            "a": ATTACK_A,
            "b": "Mistress attacked in China\n\nLi, 38, was ambushed by four women in the city "
            "of Puyang in eastern China's Hebei Province. Police are looking for them.",
        }
    )
    assert any(
        r.kind == "place" and {r.a, r.b} == {"Henan", "Hebei"}
        for f in lone.findings_with("contradict")
        for r in f.reasons
    ), [(f.label, _texts(lone, f.claims)) for f in lone.findings]


PALACE_A = (
    "Magic mushrooms at the palace\n\n"
    "A hallucinogenic fungi has been found growing in the Queen's garden at Buckingham "
    "Palace after being discovered by gardening expert Alan Titchmarsh. Christian Bale will "
    "play Steve Jobs in the new film about Apple's co-founder."
)
PALACE_B = (
    "Mushrooms found in royal garden\n\n"
    "Officials say mushrooms from the garden are not used in the palace kitchens. Christian "
    "Bale will not be playing Steve Jobs in the upcoming movie about the Apple co-founder."
)


def test_between_whole_articles_nli_alone_must_be_surer():
    """FNC-1 bodies 527 and 957: NLI reads the palace fungi against the kitchens' mushrooms
    as a contradiction (0.65 / 0.78), one of the different details two outlets give; between
    whole articles NLI alone must reach `judge.articles_nli_only_contradict_threshold`. A
    plain denial of the other's statement still reaches it."""
    report = factcheck.compare({"a": PALACE_A, "b": PALACE_B})
    flagged = [_texts(report, f.claims) for f in report.findings_with("contradict")]
    assert not any("fungi" in a for a, _ in flagged), flagged
    assert any("Bale will play" in a and "not be playing" in b for a, b in flagged), flagged


FATS_A = (
    "Saturated fat is good for you\n\n"
    "Enjoy eating saturated fats, they're good for you! Fats can be confusing, but you can "
    "generally divide fats into four types. People who eat the most saturated fat have the "
    "lowest risk of heart disease."
)
FATS_B = (
    "Fats explained\n\n"
    "No fat is pure saturated fat, or pure mono- or polyunsaturated. The studies clearly show "
    "that, on average, saturated fat does not raise the risk of heart disease."
)


def test_a_claim_nli_alone_reads_against_several_claims_is_read_by_its_form():
    """FNC-1 bodies 2543 and 2544: NLI alone reads "No fat is pure saturated fat" as
    contradicted by several claims about fats (its negation, not a fact); between whole
    articles such contradictions are set aside (rule 9). One plain denial of one statement
    still stands (`test_between_whole_articles_nli_alone_must_be_surer`)."""
    report = factcheck.compare({"a": FATS_A, "b": FATS_B})
    flagged = [_texts(report, f.claims) for f in report.findings_with("contradict")]
    assert not any("No fat is pure" in b for _, b in flagged), flagged
    set_aside = [
        f
        for f in report.findings
        if any("by its form, not against one fact" in r.detail for r in f.reasons)
    ]
    assert len(set_aside) >= 2


SNEEZE_A = (
    "Man slaps sneezing shoppers\n\n"
    "Police in Carlisle are hunting a man who slaps shoppers if they sneeze. He first smacked "
    "a woman around the head on Monday. Then on Tuesday, officers believe the same man "
    "launched a second attack on a frail pensioner who also had a bout of the sniffles."
)
SNEEZE_B = (
    "Police hunt sneeze slapper\n\n"
    "A man who slaps shoppers for sneezing is being hunted by police in Carlisle. Police were "
    "informed about the first attack by witnesses. A second attack, on a pensioner, "
    "followed a day later."
)


def test_figures_each_source_gives_both_of_are_no_shared_fact():
    """FNC-1 bodies 402 and 438: each article tells of a first and a second attack, so "a
    second attack" against "the first attack" are two things, no fact the claims share:
    no agreement (nor contradiction) rests on them."""
    report = factcheck.compare({"a": SNEEZE_A, "b": SNEEZE_B})
    texts = [(f.label, *_texts(report, f.claims)) for f in report.findings]
    assert not any(
        label in ("agree", "contradict") and "second attack" in a and "first attack" in b
        for label, a, b in texts
    ), texts


def test_one_person_called_by_two_parts_of_one_name_is_no_swap():
    """FNC-1 bodies 587 and 649: "Jess then used Facebook …" / "Smith then used Facebook …"
    (NLI 0.98 both ways), both sources naming Jess Smith; another person's name in the same
    place is still not taken for hers."""
    a = (
        "Jess Smith was a child star in a famous advert. The girl is now 23 and lives in Leeds. "
        "Jess then used Facebook to confirm it was her - and photos show she still has the same "
        "cheeky face."
    )
    b = (
        "Jess Smith starred in a famous advert as a child. She now works as a nurse in Leeds. "
        "Smith then used Facebook to confirm it was her - and photos show she still has the "
        "same cheeky face."
    )
    report = factcheck.compare({"a": a, "b": b})
    assert not report.findings_with("contradict"), [
        _texts(report, f.claims) for f in report.findings_with("contradict")
    ]
    assert any(
        "two parts of one name (Jess Smith)" in r.detail for f in report.findings for r in f.reasons
    )
    other = factcheck.compare({"a": a, "b": b.replace("Smith then", "Jones then")})
    assert not any("two parts of one name" in r.detail for f in other.findings for r in f.reasons)


DHS_QUOTE = (
    "“The suggestion that individuals who have ties to ISIL have been apprehended at the "
    "Southwest border is categorically false, and not supported by any credible intelligence "
    "or the facts on the ground,” {said}. “DHS continues to have no credible intelligence to "
    "suggest terrorist organizations are actively plotting to cross the Southwest border.”"
)


def test_one_quotation_told_by_both_cannot_contradict_itself():
    """FNC-1 bodies 2016 and 2249: the same two sentences quoted, given to "DHS spokesperson
    Marsha Catron" and to "a DHS spokesman" (NLI 0.88 / 0.97 contradiction)."""
    report = factcheck.compare(
        {
            "a": "DHS denies border claim\n\nRep. Duncan Hunter said ISIS fighters were caught "
            "at the border. " + DHS_QUOTE.format(said="said DHS spokesperson Marsha Catron"),
            "b": "No ISIS fighters caught at border, DHS says\n\nThe congressman's claim drew a "
            "swift reply. " + DHS_QUOTE.format(said="a DHS spokesman said in a statement today"),
        }
    )
    quoted = [
        f
        for f in report.findings
        if all("categorically false" in t for t in _texts(report, f.claims))
    ]
    assert quoted and all(f.label != "contradict" for f in quoted), [
        (f.label, [r.detail for r in f.reasons]) for f in quoted
    ]
