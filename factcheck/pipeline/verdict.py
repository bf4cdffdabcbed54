"""The calibrated verdict: one decision over all the evidence about an aligned pair.

The judge's rules (`Judge.rule_verdict`) take one piece of evidence at a time, each with a
threshold set by hand. Here the same evidence (NLI both ways, embedding similarity, the
fact layer's conflicts and agreements by kind, shared and unshared named entities,
attribution) becomes a vector of numbers, and a multinomial logistic regression fitted on
labelled news pairs (`factcheck bench verdicts`, which also measures it against the
rules on held-out sets) turns it into probabilities of `agree`, `contradict` and
`related`. The fitted weights are a small JSON file (`models/verdict/verdict.json`).

Logistic regression because the evidence is a few dozen numbers and a few thousand
labelled pairs, because its probabilities are calibrated by construction on the data it
was fitted on, and because an editor can read its weights.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.facts import ListMember
from factcheck.facts.language import ClaimFacts, name_words
from factcheck.schema import Pair, Reason

VERDICT_LABELS = ("agree", "contradict", "related")
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
# Forms of one English word share their first letters ("recover", "recovery", "recovered");
# a compound ends in its head ("goldfish", "fish"). Properties of the language, not
# thresholds to tune.
SAME_STEM = 5
COMPOUND_HEAD = 4
NAME_KINDS = {"person", "place", "nationality", "organisation", "event", "title"}
AMOUNT_KINDS = {"quantity", "money", "percent", "measure", "ordinal"}
FEATURES = (
    "entail_min",
    "entail_max",
    "contra_min",
    "contra_max",
    "neutral_min",
    "similarity",
    "fact_conflicts",
    "fact_agreements",
    "amount_conflict",
    "date_conflict",
    "name_conflict",
    "antonym_conflict",
    "negation_conflict",
    "quote_conflict",
    "amount_agreement",
    "date_agreement",
    "shared_entities",
    "entity_share",
    "different_subjects",
    "one_side_quoted",
    "both_attributed",
    "list_items",
    "length_ratio",
)


@dataclass
class Evidence:
    """Everything known about one aligned pair before its verdict."""

    pair: Pair
    texts: tuple[str, str]
    ab: np.ndarray  # NLI probabilities, A as premise
    ba: np.ndarray  # ... and B as premise
    facts: tuple[ClaimFacts, ClaimFacts]
    fact_results: list[tuple[Reason, bool]] = field(default_factory=list)
    shared_entities: int = 0
    entity_share: float = 0.0
    entity_counts: tuple[int, int] = (0, 0)
    list_items: Reason | None = None
    named_in_list: ListMember | None = None  # one claim's people all among the other's list
    headlines: tuple[bool, bool] = (False, False)
    whole_articles: bool = False  # the claims are of whole articles (`factcheck compare`)

    @property
    def fact_conflict(self) -> bool:
        return any(conflict for _, conflict in self.fact_results)

    @property
    def different_subjects(self) -> bool:
        """Both claims name someone or something, and nothing they name is shared, not
        even one word of a name."""
        first, second = self.facts
        return (
            min(self.entity_counts) > 0
            and self.shared_entities == 0
            and not first.name_words & second.name_words
        )

    @property
    def different_people(self) -> bool:
        """Both claims name people, and no word of a person one names is a name in the
        other ("James Foley was taken hostage in Syria" / "Kayla Mueller was kidnapped in
        Syria"): two people's stories, though both name a place. Names are read word by
        word, hyphens apart ("Ali al-Budairi" / "Al-Budairi")."""
        # What both name besides may only say where: a place or a nationality.
        return self._people_apart(PLACE_KINDS)

    @property
    def different_people_of_a_group(self) -> bool:
        """`different_people`, though both name a group or anything else but a person
        ("Islamic State … beheads American journalist James Wright Foley who was kidnapped
        in 2012" / "Nicholas Berg … kidnapped in Iraq in 2004 whose execution by an Islamic
        State precursor": FNC-1 bodies 1016 and 1116): what befell each is dated apart."""
        return self._people_apart(None)

    def _people_apart(self, shared_kinds: set[str] | None) -> bool:
        """Both claims name people, none named in the other, and the names both hold are
        all of `shared_kinds` (None: of any kind)."""
        first, second = self.facts
        people = [_entity_words(f, {"person"}) for f in self.facts]
        apart = (
            bool(people[0] and people[1])
            and not people[0] & second.name_words
            and not people[1] & first.name_words
        )
        if not apart or shared_kinds is None:
            return apart
        shared = _entity_words(first, shared_kinds) | _entity_words(second, shared_kinds)
        return first.name_words & second.name_words <= shared

    def content_overlap(self, left_out: set[str]) -> tuple[int, int]:
        """(how many content words of the claim with fewer the other claim holds too, how
        many it holds): lemmas of nouns, verbs, adjectives and numbers, but those
        `left_out`, matched as forms of one word ("recovery" / "recover") or as a compound
        and its head ("goldfish" / "fish")."""
        first, second = sorted(
            (
                {
                    lemma
                    for lemma, pos in zip(f.lemmas, f.pos, strict=True)
                    if pos in CONTENT_POS and lemma not in left_out
                }
                for f in self.facts
            ),
            key=len,
        )
        shared = sum(any(same_word(word, other) for other in second) for word in first)
        return shared, len(first)

    @property
    def one_side_quoted(self) -> bool:
        """Exactly one claim quotes a named speaker and only that one is attributed ("he
        said" names no one: the claim may be the outlet's own report of its subject)."""
        quoted = [f for f in self.facts if f.named_speaker and f.quotes]
        speakers = [f.named_speaker for f in self.facts]
        return len(quoted) == 1 and speakers[0] != speakers[1]


PLACE_KINDS = {"place", "nationality"}


def _entity_words(facts: ClaimFacts, kinds: set[str]) -> set[str]:
    """The words of the names of `kinds` a claim holds, hyphens apart ("al-budairi" gives
    "al" and "budairi", as the claim's tokens do)."""
    return {
        word
        for text, kind, _, _ in facts.entities
        if kind in kinds
        for word in re.findall(r"[a-z]+", " ".join(name_words(text)))
    }


def same_word(a: str, b: str) -> bool:
    """Two lemmas that name one thing: equal, one form of the other (the same first
    `SAME_STEM` letters), or a compound and its head."""
    if a == b:
        return True
    if min(len(a), len(b)) >= SAME_STEM and a[:SAME_STEM] == b[:SAME_STEM]:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= COMPOUND_HEAD and longer.endswith(shorter)


def evidence_features(ev: Evidence, entail: int, contra: int) -> np.ndarray:
    """`FEATURES` of one pair, in that order."""
    neutral = 3 - entail - contra  # the three labels are 0, 1, 2
    kinds_in_conflict = {r.kind for r, conflict in ev.fact_results if conflict}
    kinds_agreeing = {r.kind for r, conflict in ev.fact_results if not conflict}
    lengths = [len(t.split()) for t in ev.texts]
    values = {
        "entail_min": min(ev.ab[entail], ev.ba[entail]),
        "entail_max": max(ev.ab[entail], ev.ba[entail]),
        "contra_min": min(ev.ab[contra], ev.ba[contra]),
        "contra_max": max(ev.ab[contra], ev.ba[contra]),
        "neutral_min": min(ev.ab[neutral], ev.ba[neutral]),
        "similarity": ev.pair.similarity,
        "fact_conflicts": min(3, sum(c for _, c in ev.fact_results)),
        "fact_agreements": min(3, sum(not c for r, c in ev.fact_results if r.kind != "entity")),
        "amount_conflict": bool(kinds_in_conflict & AMOUNT_KINDS),
        "date_conflict": "date" in kinds_in_conflict,
        "name_conflict": bool(kinds_in_conflict & NAME_KINDS),
        "antonym_conflict": "antonym" in kinds_in_conflict,
        "negation_conflict": "negation" in kinds_in_conflict,
        "quote_conflict": "attribution" in kinds_in_conflict,
        "amount_agreement": bool(kinds_agreeing & AMOUNT_KINDS),
        "date_agreement": "date" in kinds_agreeing,
        "shared_entities": min(4, ev.shared_entities),
        "entity_share": ev.entity_share,
        "different_subjects": ev.different_subjects,
        "one_side_quoted": ev.one_side_quoted,
        "both_attributed": ev.facts[0].named_speaker and ev.facts[1].named_speaker,
        "list_items": ev.list_items is not None,
        "length_ratio": min(lengths) / max(1, max(lengths)),
    }
    return np.array([float(values[name]) for name in FEATURES], dtype=np.float64)


class CalibratedVerdict:
    """A fitted verdict: standardisation, weights, and the decision thresholds."""

    def __init__(self, data: dict[str, Any]):
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the verdict model was fitted on other features; refit it")
        self.labels = tuple(data["labels"])
        self.mean = np.array(data["mean"])
        self.scale = np.array(data["scale"])
        self.weights = np.array(data["weights"])  # one row of weights per label
        self.bias = np.array(data["bias"])
        self.thresholds = dict(data["thresholds"])
        self.data = data

    @classmethod
    def load(cls, path: Path) -> CalibratedVerdict:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.data, indent=1) + "\n", encoding="utf-8")

    def probabilities(self, features: np.ndarray) -> dict[str, float]:
        logits = self.weights @ ((features - self.mean) / self.scale) + self.bias
        exp = np.exp(logits - logits.max())
        return {label: float(p) for label, p in zip(self.labels, exp / exp.sum(), strict=True)}

    def label(self, probabilities: dict[str, float]) -> tuple[str, float]:
        """`contradict` above its threshold (set for precision: a false contradiction costs
        an editor's trust), else `agree` above its own, else `related`."""
        if probabilities["contradict"] >= self.thresholds["contradict"]:
            return "contradict", probabilities["contradict"]
        if probabilities["agree"] >= self.thresholds["agree"]:
            return "agree", probabilities["agree"]
        return "related", probabilities["related"]
