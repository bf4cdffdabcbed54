"""Judge stage: a verdict for each aligned pair, from NLI in both directions and the facts.

NLI: `contradict` when both directions are a confident contradiction; `agree` when both
directions entail, or one does and the claims are close (one source is more specific);
`related` otherwise. Facts (`factcheck.facts`): a fact that cannot hold on both sides
makes the pair `contradict`; a contradiction between claims attributed to different named
speakers is `attribution`. Thresholds come from `configs/compare.yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date

import numpy as np

from factcheck.facts import (
    FactChecker,
    Quantity,
    attribution,
    compare_entities,
    extract_quantities,
    list_items,
    named_in_list,
    states_one_fact,
)
from factcheck.facts.edits import named_by_both, negated_opposite
from factcheck.facts.language import ClaimFacts
from factcheck.facts.quantities import names_people
from factcheck.facts.words import content_stems, sentence_breaks, stems_covered
from factcheck.models.nli import NLIModel, ProgressCallback
from factcheck.pipeline.verdict import (
    AMOUNT_KINDS,
    NAME_KINDS,
    CalibratedVerdict,
    Evidence,
    evidence_features,
    same_word,
)
from factcheck.resources import resolve
from factcheck.schema import Claim, ClaimCheck, Finding, Pair, Reason, Verdict
from factcheck.settings import JudgeSettings

# Conflicts that claims about different people can hold without contradicting: figures
# and dates (each person's own), not an opposite or a negation of one statement.
FIGURE_KINDS = AMOUNT_KINDS | {"date"}
TYPOGRAPHY = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "}
)


SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"“‘]?[A-Z])")
MIN_PART_WORDS = 4  # a shorter "sentence" is an abbreviation's tail ("Dr."), not a sentence


def _sentences_of(text: str) -> list[str]:
    """The sentences of a claim that holds more than one; [] for a claim of one."""
    parts, start = [], 0
    for match in sentence_breaks(SENTENCE_BREAK, text):
        parts.append(text[start : match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    parts = [part for part in parts if len(part.split()) >= MIN_PART_WORDS]
    return parts if len(parts) > 1 else []


def main_clause(text: str, openers: Sequence[str], min_words: int) -> str | None:
    """The claim without a trailing modifier after a comma ("…, particularly in light of
    X", "…, with Y among the few"), when what is left is a clause of `min_words` or more;
    None when there is none. The two sources often agree on the main clause and each add
    a detail of its own."""
    if not openers:
        return None
    alternatives = "|".join(re.escape(o) for o in sorted(openers, key=len, reverse=True))
    match = re.search(rf",\s+(?:{alternatives})\b", text, re.IGNORECASE)
    if match is None:
        return None
    core = text[: match.start()].rstrip()
    return core + "." if len(core.split()) >= min_words else None


WORD = re.compile(r"\w+|[^\w\s]")


def differ_in_names_only(a: str, b: str, names: tuple[str, str], extra: int) -> bool:
    """`a` and `b` are the same words but for one span in each that holds that claim's name
    and at most `extra` words more, capitalised ones that go with a name ("Russian President
    Vladimir Putin" / "Chinese President Xi Jinping")."""
    words_a, words_b = WORD.findall(a), WORD.findall(b)
    start = 0
    while start < min(len(words_a), len(words_b)) and words_a[start] == words_b[start]:
        start += 1
    end = 0
    while end < min(len(words_a), len(words_b)) - start and words_a[-1 - end] == words_b[-1 - end]:
        end += 1
    for words, name in ((words_a, names[0]), (words_b, names[1])):
        span = words[start : len(words) - end]
        name_words = WORD.findall(name)
        if not name_words or len(span) > len(name_words) + extra:
            return False
        if f" {' '.join(name_words)} " not in f" {' '.join(span)} ":
            return False
        # The other words of the span go with the name (a title, a nationality, a
        # possessive: "Russian President", "China's"), not a predicate of its own.
        if any(w[0].islower() and w != "s" for w in span if w not in name_words):
            return False
    return True


def amounts_by_source(claims: dict[str, Claim]) -> dict[str, list[Quantity]]:
    """The amounts each source gives anywhere: a figure of one claim that the other source
    gives too is no conflict with that source (`compare_quantities`)."""
    told: dict[str, list[Quantity]] = {}
    for claim in claims.values():
        told.setdefault(claim.source, []).extend(extract_quantities(claim.text))
    return told


def texts_by_source(claims: dict[str, Claim]) -> dict[str, str]:
    """Each source's claims, one after another: what it says anywhere."""
    texts: dict[str, list[str]] = {}
    for claim in claims.values():
        texts.setdefault(claim.source, []).append(claim.text)
    return {source: " ".join(parts) for source, parts in texts.items()}


def plain_statement(text: str) -> str:
    """The words of `text`, up to quotes, dashes, spacing, case and a final full stop."""
    text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY)
    return " ".join(text.split()).rstrip(".").casefold()


def same_statement(a: str, b: str) -> bool:
    """The two texts are the same words, up to quotes, dashes, spacing, case and a final
    full stop."""
    return plain_statement(a) == plain_statement(b)


def _denial_against_negation(a: ClaimFacts, b: ClaimFacts) -> Reason | None:
    """A reason where one claim is negated and holds no verb of denial, and the other,
    not negated, denies or calls reports false (`_calls_reports_false`): the two say no
    alike."""
    for negated, denying, which in ((a, b, "B"), (b, a, "A")):
        denies = denying.denies or _calls_reports_false(denying)
        if negated.negated and not negated.denies and denies and not denying.negated:
            detail = f"claim {which} denies what the other says did not happen: no conflict"
            return Reason("negation", a.text, b.text, detail)
    return None


def _negates_the_unsaid(a: ClaimFacts, b: ClaimFacts) -> Reason | None:
    """A reason where one claim alone is negated (not by a verb of denial) and no word of
    what it says did not happen (`ClaimFacts.negated_words`) is in the other, by stem: it
    says no to something the other never says ("never mentioned his employer" / "called
    them about his bill"); "did not need intensive care" / "spent 24 hours in intensive
    care" still conflict."""
    for negated, other, which in ((a, b, "A"), (b, a, "B")):
        if not negated.negated or negated.denies or other.negated:
            continue
        wanted = content_stems(" ".join(negated.negated_words))
        if wanted and not wanted & content_stems(other.text):
            # The words as lemmas, not stems, for an editor to read ("mention, employer").
            words = ", ".join(dict.fromkeys(w for w in negated.negated_words if content_stems(w)))
            detail = f"claim {which} says no to what the other never states ({words})"
            return Reason("negation", a.text, b.text, detail)
    return None


def _two_events(
    fact_results: list[tuple[Reason, bool]], label: str, confidence: float, why: Reason
) -> tuple[list[tuple[Reason, bool]], str, float]:
    """Rules 0d, 0q and 0t: the pair tells two events, for `why` (its detail says why; its
    sides are what each claim shows). The facts in conflict are set aside, named in the
    reason added, and a contradiction becomes `related`."""
    figures = "; ".join(f"{r.a} vs {r.b}" for r, conflict in fact_results if conflict)
    kept = [(r, conflict) for r, conflict in fact_results if not conflict]
    told = f"{figures} tell two events" if figures else "two events"
    kept.append((Reason(why.kind, why.a, why.b, f"{why.detail}: {told}"), False))
    if label == "contradict":
        label, confidence = "related", 1 - confidence
    return kept, label, confidence


def _two_things_done(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether both claims' main verbs are one verb, done to two things, neither of which
    the other claim names, in any form ("bought the campus" / "bought a junior loan"), and
    neither a word for people."""
    if a.action is None or b.action is None:
        return False
    (verb_a, thing_a), (verb_b, thing_b) = a.action, b.action
    return (
        verb_a == verb_b
        # "detained a wife" / "an Iraqi woman was detained": one person in two words.
        and not (names_people(thing_a) or names_people(thing_b))
        and not any(same_word(thing_a, lemma) for lemma in b.lemmas)
        and not any(same_word(thing_b, lemma) for lemma in a.lemmas)
    )


def _two_names_done(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether what each claim's main verb is done to is a name ("Henry was born in the
    Bronx" / "Big Bank Hank was born in the Bronx"): two named things, not one thing in two
    words ("fighters" / "militants")."""
    return all(f.action is not None and f.action[1] in f.name_words for f in (a, b))


# What a denial may deny that the other claim then only tells of, not states.
REPORT_NOUNS = {"report", "claim", "rumor", "rumour", "allegation"}
# Talk of what was denied, which the other claim may tell of as it tells of reports ("Word
# that Durex was rolling out a pumpkin-spice-flavored condom swept through social media",
# against "Durex denies rumors of a 'pumpkin spice' flavored condom"; FNC-1 bodies 1400
# and 1708, NLI 0.76 / 0.81). Of any part of speech: spaCy tags "Word" opening a claim a
# verb; none of these is a verb of reporting ("the newspaper reported" states it).
TALK_NOUNS = {"speculation", "word", "gossip", "story", "buzz"}


# Words that call a report untrue where they stand before it ("false reports", "a fake
# claim").
FALSE_REPORT_WORDS = {"false", "fake", "untrue", "bogus"}


def _set_aside(finding: Finding, reason: Reason) -> None:
    """A contradiction a rule over all the findings sets aside: `related`, at the
    confidence left over, with the rule's reason first."""
    finding.label = Verdict.RELATED
    finding.confidence = round(1 - finding.confidence, 4)
    finding.reasons.insert(0, reason)


def _lemma_then(facts: ClaimFacts, firsts: set[str], seconds: set[str]) -> bool:
    """Whether a claim holds a lemma of `firsts` right before one of `seconds`."""
    return any(
        first in firsts and second in seconds
        for first, second in zip(facts.lemmas, facts.lemmas[1:], strict=False)
    )


def _calls_reports_false(facts: ClaimFacts) -> bool:
    """Whether a claim calls reports or claims false ("after false reports came out that it
    showed a woman called Lucita Sandoval", against "The woman in the footage is not
    Sandoval": FNC-1 bodies 379 and 482, NLI 0.76): it denies them."""
    return _lemma_then(facts, FALSE_REPORT_WORDS, REPORT_NOUNS)


def _denied_report_against_report(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether one claim denies reports or claims (its main verb a denial, reports what
    it is done to) and the other, not negated, speaks of reports or claims, or of talk of
    them (`TALK_NOUNS`), too."""
    for denying, other in ((a, b), (b, a)):
        if (
            denying.denies
            and denying.action is not None
            and denying.action[1] in REPORT_NOUNS
            and not other.negated
            and any(
                (lemma in REPORT_NOUNS and pos == "NOUN") or lemma in TALK_NOUNS
                for lemma, pos in zip(other.lemmas, other.pos, strict=True)
            )
        ):
            return True
    return False


# Words for a fear ("in light of fears that Islamic State fighters could try to enter the
# U.S.", "officials worry that …") or an allegation ("a story alleging that the actress had
# filed charges", "the site claimed that …"): what follows "that" is feared or alleged, not
# stated by the writer.
FEAR_WORDS = {"fear", "concern", "worry"}
ALLEGATION_WORDS = {"allege", "allegation", "claim", "rumor", "rumour"}


def _denial_against_fear_or_allegation(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether one claim says no and the other, not negated, tells only of a fear or an
    allegation followed by "that": "… fears that Islamic State fighters could try to enter
    the U.S. through Mexico" / "Islamic State militants are not entering the U.S. through
    the southern border" (FNC-1 bodies 425 and 666, NLI 0.79); "The fake news site Hip-Hop
    Hangover posted a story this week alleging that the actress had filed molestation
    charges against Cosby" / "Raven Symone didn't file any 'molestation charges'" (bodies
    441 and 1326, NLI 0.96): a fear or an allegation is no statement. The "no" against an
    allegation is the writer's own, not one more speaker's ("The designer proposed that the
    price was not very expensive" / "The designer claimed that the price was too
    expensive", SummEdits: one speaker's two words)."""
    return any(
        saying_no.negated
        and not other.negated
        and (
            _lemma_then(other, FEAR_WORDS, {"that"})
            or (_own_words(saying_no) and _lemma_then(other, ALLEGATION_WORDS, {"that"}))
        )
        for saying_no, other in ((a, b), (b, a))
    )


def _own_words(facts: ClaimFacts) -> bool:
    """Whether a claim states in the writer's words: no speaker, no verb opening a "that"
    clause ("proposed that …")."""
    return not facts.speaker and not any(
        pos == "VERB" and following == "that"
        for pos, following in zip(facts.pos, facts.words[1:], strict=False)
    )


QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")
# A sentence that tells of a question asked ("Surgery Patient Wakes Up, Asks Doc How's It
# Going?") states that it was asked.
ASKED = re.compile(r"\b(?:ask|asks|asked|asking|wonders?|wondered)\b", re.IGNORECASE)


# How near copies may write one thing (`FactChecker.differences_in_form`), for a reason.
FORM_CHANGES = {
    "abbreviation": "a word abbreviated",
    "article": "an article",
    "day": "a day named two ways",
    "honorific": "an honorific",
    "month": "a month written two ways",
    "name": "a name written two ways",
    "saying": "a verb of saying",
    "spelling": "a spelling",
    "unit": "a unit written two ways",
}


def _question(text: str) -> bool:
    """Whether a claim is one sentence that asks a question (not one telling that someone
    asked one). Not a heading that names one: "How a Reddit user convinced Tim Cook to
    change Apple's on-hold music" states that he did (Emergent)."""
    return (
        bool(QUESTION_END.search(text))
        and not SENTENCE_BREAK.search(text)
        and not ASKED.search(text)
    )


def _probs(row: np.ndarray, labels: Sequence[str]) -> dict[str, float]:
    return {label: round(float(p), 4) for label, p in zip(labels, row, strict=True)}


def chance_right(entail: float, contra: float, missing: bool, penalty: float) -> float:
    """Reference mode: a claim's chance of being right, support minus contradiction on
    [0, 1]; a name or figure the source never mentions costs `penalty` (measured:
    `factcheck bench consistency`)."""
    return max(0.0, (1 + entail - contra) / 2 - (penalty if missing else 0.0))


class Judge:
    def __init__(self, settings: JudgeSettings, nli: NLIModel, facts: FactChecker):
        self.settings = settings
        self.nli = nli
        self.facts = facts
        self.both_ways = settings.contradict_both_ways
        labels = nli.labels
        self._entail, self._contra = labels.index("entailment"), labels.index("contradiction")
        model = settings.verdict_model
        self.verdict_model = CalibratedVerdict.load(resolve(model)) if model else None
        self.verdict_decides = set(settings.verdict_decides)
        self.no_comment = [phrase.lower() for phrase in settings.no_comment_phrases]
        openers = "|".join(re.escape(word) for word in settings.conditional_openers)
        # At the start, or after a lead-in ending in a colon or dash ("That's a little
        # strange: If Conal did invoke …").
        self._condition = (
            re.compile(rf"^(?:[^:—–]*[:—–])?\W*(?:{openers})\b", re.IGNORECASE) if openers else None
        )

    def _no_comment(self, text: str) -> bool:
        """Whether a claim holds one of the phrases that report a source's silence ("…
        declined to comment", "Messages left with the family were not returned")."""
        lowered = text.lower().replace("’", "'")
        return any(phrase in lowered for phrase in self.no_comment)

    def _conditional(self, text: str) -> bool:
        """Whether a claim opens with a condition ("If …", "Unless …", "Strange: if …")."""
        return bool(self._condition and self._condition.match(text))

    def _set_aside(self, ev: Evidence) -> Reason | None:
        """Why NLI's contradiction of a pair with no fact in conflict is none, by the first
        of rules 0h, 0k, 0m, 0p, 0s, 0u, 0z, 0o, 0n, 0a, 0r, 0j, 0w, 0x and 0y that holds;
        None when none does."""
        first, second = ev.facts
        denial = _denial_against_negation(first, second)
        if denial is not None:
            # Rule 0h: a negated claim against one that denies ("NASA never tweeted it" /
            # "NASA denies the tweet"): both say no; NLI reads the negation word alone.
            return denial
        # Two denials by a verb ("has vehemently denied the NHL is considering expansion" /
        # "has previously dismissed talk of expanding": FNC-1 bodies 287 and 1443) say no
        # alike, as two negations do.
        both_deny = self.settings.both_negated_no_contradiction and (
            (first.negated and second.negated)
            or (first.denies and second.denies and not (first.negated or second.negated))
        )
        conditional = any(self._conditional(text) for text in ev.texts)
        # Neither rule 0k nor 0m holds between near copies: there the word changed, not
        # the negation or the condition, is what NLI reads (`bench facts`: with them,
        # Breaking NLI and SummEdits lost recall).
        if (both_deny or conditional) and not self.facts.near_copies(first, second):
            if both_deny:
                # Rule 0k: both claims deny ("there is no wife in the name of Saja
                # al-Dulaimi" / "Dulaimi is not al-Baghdadi's wife"). The model learnt a
                # negation word as a sign of contradiction; here each side has one. Two
                # denials conflict only in what they deny, which the fact layer reads (a
                # negated opposite, "not dead" / "not alive", is an antonym in conflict).
                detail = "both claims deny: NLI reads their negation words, not a conflict"
                return Reason("negation", *ev.texts, detail)
            # Rule 0m: a claim that opens with a condition states what would follow if it
            # held, not what is; NLI read it as a statement.
            detail = "one claim states only what would follow from a condition, not what is"
            return Reason("nli", *ev.texts, detail)
        if any(self._no_comment(text) for text in ev.texts):
            # Rule 0p: a source's silence ("Downing Street declined to comment") says
            # nothing of the story; NLI read its "no" or "declined" against the other claim
            # (FNC-1 bodies 2202 and 2349, 1744 and 1948).
            detail = "one claim reports only that a source said nothing"
            return Reason("nli", *ev.texts, detail)
        if self.facts.asks_whether(first, second):
            # Rule 0s: one claim asks whether what the other states holds ("a furor over
            # whether a Saudi station blurred out Michelle Obama" / "footage … did not show
            # a blurred Michelle Obama"): NLI read the question as a statement.
            detail = "one claim only asks whether what the other states holds"
            return Reason("nli", *ev.texts, detail)
        if _denied_report_against_report(first, second):
            # Rule 0u: one claim denies reports or claims ("denied reports in a local
            # newspaper that militants in Mosul had Ebola"), the other tells of those
            # reports without stating them as fact ("Reports of suspected Ebola cases
            # appeared on Dec. 31"; FNC-1 bodies 1175 and 1355): both can stand.
            detail = "one claim denies reports that the other tells of only as reports"
            return Reason("negation", *ev.texts, detail)
        if _denial_against_fear_or_allegation(first, second):
            # Rule 0z: one claim says no to what the other tells only as a fear or an
            # allegation.
            detail = "one claim says no to what the other tells of only as a fear or an allegation"
            return Reason("negation", *ev.texts, detail)
        if first.imperative or second.imperative:
            # Rule 0o: a command to the reader ("Don't believe any report coming from
            # MSNBC.website") states nothing; NLI read its "don't" against the other
            # claim's statement (FNC-1 bodies 1085 and 1161).
            detail = "one claim tells the reader what to do; it states nothing to contradict"
            return Reason("nli", *ev.texts, detail)
        if self.facts.describes_the_named(first, second):
            # Rule 0n: one claim names whom the other describes, nothing else differs
            # ("Kumar was taken to hospital" / "The man was taken to hospital"): the model
            # learnt a person swapped in a near copy as a contradiction, but a description
            # may be of the one named (FNC-1 bodies 805 and 830).
            detail = "one claim names whom the other describes; nothing else differs"
            return Reason("identical", *ev.texts, detail)
        if self.facts.quote_alike(first, second):
            # Rule 0a: the same quotation told by both, attributed alike or not (who said
            # it is the fact layer's attribution check): NLI read the attributions.
            detail = "both quote the same words; the quotation cannot contradict itself"
            return Reason("identical", *ev.texts, detail)
        if whole := self.facts.one_name_two_ways(first, second):
            # Rule 0r: one person called by two parts of one name ("Jess" / "Smith"), a
            # source naming "Jess Smith"; NLI read the two as a swap.
            detail = f"one person by two parts of one name ({whole}); nothing else differs"
            return Reason("identical", *ev.texts, detail)
        if self.facts.adds_only_detail(first, second):
            # Rule 0j: one claim says all the other says, with a name, a number or a
            # function word more ("Friday is the 69th anniversary of …" / "The 69th
            # anniversary of … is …"): NLI's shortcut reads the near copy as a contradiction.
            detail = "one claim holds every word of the other and adds only a detail"
            return Reason("identical", *ev.texts, detail)
        if self.facts.each_adds_only_detail(first, second):
            # Rule 0j too: each side puts in such details where the other has none
            # ("Google Inc. (GOOGL:US) bought …" / "Seattle/ San Francisco: Google Inc.
            # bought …", FNC-1 bodies 1006 and 2329, NLI 0.95).
            detail = "each claim puts in only details where the other has none"
            return Reason("identical", *ev.texts, detail)
        if self.facts.leaves_words_out(first, second):
            # Rule 0w: one claim is the other with a modifier, a clause or an attribution
            # left out ("Nikolai added that he has now decided instead of being a fireman
            # he wants to be a superhero" / "… decided he wants to be a superhero", NLI
            # 0.86; FNC-1 bodies 2109 and 2203): the longer states all the shorter does.
            detail = "one claim is the other with words left out that change nothing it states"
            return Reason("identical", *ev.texts, detail)
        shared = [
            reason
            for reason, conflict in ev.fact_results
            if reason.kind in FIGURE_KINDS and states_one_fact(reason, conflict)
        ]
        if (
            self.settings.shared_figure_sets_nli_aside
            and shared
            and first.negated == second.negated
            and first.denies == second.denies
            and self._worded_apart(first, second)
        ):
            # Rule 0x: both state a figure or a date alike, nothing conflicts, both say yes
            # or both no, and their words match no more than a paraphrase's: told in other
            # words, not one sentence with a word changed (`judge.shared_figure_sets_nli_aside`).
            detail = (
                f"both state {shared[0].a} / {shared[0].b} alike and nothing they state conflicts"
            )
            return Reason("nli", *ev.texts, detail)
        if self.settings.unsaid_negation_sets_nli_aside and ev.whole_articles:
            unsaid = _negates_the_unsaid(first, second)
            if unsaid is not None:
                # Rule 0y: between two whole articles, one claim says no to what the other
                # never states ("Mark Oberholtzer isn't an Islamic fighter in Syria" / his
                # truck "was used in a propaganda stunt by …", NLI 0.83).
                return unsaid
        return None

    def _worded_apart(self, first: ClaimFacts, second: ClaimFacts) -> bool:
        """Whether two claims' words match no more than `judge.shared_figure_max_match` and
        differ in `judge.shared_figure_min_changes` places or more (rule 0x)."""
        match, changes = self.facts.rewording(first, second)
        return (
            match <= self.settings.shared_figure_max_match
            and changes >= self.settings.shared_figure_min_changes
        )

    def _contradiction(self, ab: np.ndarray, ba: np.ndarray) -> float:
        """p(contradiction) of a pair: both ways (the lower) or either way, per the settings."""
        contra = self._contra
        return float(min(ab[contra], ba[contra]) if self.both_ways else max(ab[contra], ba[contra]))

    def nli_verdict(
        self, ab: np.ndarray, ba: np.ndarray, similarity: float
    ) -> tuple[str, float, np.ndarray]:
        """NLI alone: (label, confidence, the decisive probabilities)."""
        entail, contra = self._entail, self._contra
        t_entail = self.settings.entail_threshold
        # A real contradiction reads as one from both sides; one-sided "contradictions"
        # are mostly extra details the other claim lacks (the NLI data's habit of
        # assuming both sentences describe one scene).
        p_contra = self._contradiction(ab, ba)
        decisive = ab if ab[contra] >= ba[contra] else ba
        if p_contra >= self.settings.contradict_threshold and p_contra > max(
            ab[entail], ba[entail]
        ):
            return "contradict", float(p_contra), decisive
        if ab[entail] >= t_entail and ba[entail] >= t_entail:
            return "agree", float(min(ab[entail], ba[entail])), (ab + ba) / 2
        if max(ab[entail], ba[entail]) >= t_entail and similarity >= float(
            self.settings.specific_similarity
        ):
            decisive = ab if ab[entail] >= ba[entail] else ba
            return "agree", float(decisive[entail]), decisive
        return "related", float(1 - max(p_contra, ab[entail], ba[entail])), decisive

    def judge(
        self,
        pairs: Sequence[Pair],
        claims: dict[str, Claim],
        published: dict[str, date | None] | None = None,
        progress: ProgressCallback | None = None,
        contexts: dict[str, str] | None = None,
        apart: bool = True,
        articles: bool = False,
    ) -> list[Finding]:
        """A verdict for each pair; `published` gives each source's publication date, against
        which relative dates ("yesterday", "on Thursday") are resolved. `apart`: the sources
        were written apart (two outlets), so a figure both give is of a different thing in
        each claim that gives it; not so for a text made from its source (reference mode),
        whose typical error puts one of the source's figures on another thing. `articles`:
        the claims were cut from whole articles (`factcheck compare`), between which NLI
        alone must be surer (`judge.articles_nli_only_contradict_threshold`)."""
        told = amounts_by_source(claims) if apart else None
        evidence = self.gather(pairs, claims, published, progress, contexts, told, articles)
        findings = self.decide_all(evidence)
        if contexts:
            self._agree_within_sentences(findings, evidence, claims, contexts)
        self._agree_with_list_siblings(findings, evidence, claims)
        self._not_against_its_own_words(findings, evidence, claims)
        if articles:
            self._nli_alone_against_many(findings, evidence)
        return findings

    def _nli_alone_against_many(self, findings: list[Finding], evidence: list[Evidence]) -> None:
        """Rule 9: between two whole articles, a claim that NLI alone (no fact in conflict)
        reads as contradicted by more of the other article's claims than
        `judge.articles_nli_only_max_partners` is read by its form, a negation or a verdict
        on the topic, not against one fact ("No fat is pure saturated fat" against "Enjoy
        eating saturated fats, they're good for you!" and "Fats can be confusing, but you
        can generally divide fats into four types", FNC-1 bodies 2543 and 2544): those
        contradictions are set aside."""
        most = self.settings.articles_nli_only_max_partners
        if not most:
            return
        alone = [
            index
            for index, (finding, ev) in enumerate(zip(findings, evidence, strict=True))
            if finding.label == Verdict.CONTRADICT and not ev.fact_conflict
        ]
        partners = Counter(
            claim for index in alone for claim in (evidence[index].pair.a, evidence[index].pair.b)
        )
        for index in alone:
            ev, finding = evidence[index], findings[index]
            crowded = [c for c in (ev.pair.a, ev.pair.b) if partners[c] > most]
            if not crowded:
                continue
            detail = (
                f"NLI alone reads one of these claims as contradicted by {partners[crowded[0]]} "
                "claims of the other article: by its form, not against one fact"
            )
            _set_aside(finding, Reason("nli", *ev.texts, detail))

    def decide_all(self, evidence: Sequence[Evidence]) -> list[Finding]:
        """The verdict on each pair (`decide`), then rule 8 over the contradictions, which
        reads their claims sentence by sentence in one NLI call for them all."""
        findings = [self.decide(item) for item in evidence]
        if self.settings.contradiction_within_sentences:
            self._contradicted_sentence_by_sentence(findings, evidence)
        return findings

    def _contradicted_sentence_by_sentence(
        self, findings: list[Finding], evidence: Sequence[Evidence]
    ) -> None:
        """Rule 8: NLI's contradiction with a claim of several sentences (a quotation
        and the sentences that go on from it, a sentence opening with "He" kept with the
        one before) stands only where one of its sentences contradicts the other claim (or
        one of its sentences), both ways, as the pair must. The model was trained on
        single sentences; read over two or three, it takes their extra details for a
        conflict ("Elon University banned the word 'freshman' …, claiming it's sexist … .
        It's replacing the term with 'first-year'." against "Elon University has dropped
        the term 'freshman' … and replaced it with 'first-year'", 0.61 / 0.85). A fact in
        conflict still stands."""
        candidates: list[tuple[int, str, str]] = []
        for index, (finding, ev) in enumerate(zip(findings, evidence, strict=True)):
            if finding.label != Verdict.CONTRADICT or ev.fact_conflict:
                continue
            first, second = (_sentences_of(text) for text in ev.texts)
            if not first and not second:
                continue
            for a in first or [ev.texts[0]]:
                for b in second or [ev.texts[1]]:
                    candidates.append((index, a, b))
        if not candidates:
            return
        forward, backward = self.nli.predict_both(
            [c[1] for c in candidates], [c[2] for c in candidates]
        )
        contradicted: dict[int, float] = {}
        for (index, _a, _b), ab, ba in zip(candidates, forward, backward, strict=True):
            contradicted[index] = max(contradicted.get(index, 0.0), self._contradiction(ab, ba))
        threshold = self.settings.nli_only_contradict_threshold
        for index, best in contradicted.items():
            if best >= threshold:
                continue
            _set_aside(
                findings[index],
                Reason(
                    "nli",
                    *evidence[index].texts,
                    "no one sentence of the claims contradicts the other both ways "
                    f"(at most {best:.2f}): NLI's reading of several sentences at once",
                ),
            )

    def _not_against_its_own_words(
        self, findings: list[Finding], evidence: list[Evidence], claims: dict[str, Claim]
    ) -> None:
        """Rule 7: NLI's contradiction between a claim of one source and a claim of another
        that the first source also states word for word (both quote one letter: "A lot of
        boys like dolls houses" / "A lot of girls prefer spaceships", each in both
        articles). That source tells both, so they stand together by its own account; the
        sources do not disagree. A fact in conflict still stands."""
        statements: dict[str, set[str]] = {}
        for claim in claims.values():
            statements.setdefault(claim.source, set()).add(plain_statement(claim.text))
        for finding, ev in zip(findings, evidence, strict=True):
            if finding.label != Verdict.CONTRADICT or ev.fact_conflict:
                continue
            a, b = claims[ev.pair.a], claims[ev.pair.b]
            if plain_statement(b.text) in statements[a.source]:
                told = b
            elif plain_statement(a.text) in statements[b.source]:
                told = a
            else:
                continue
            _set_aside(
                finding,
                Reason(
                    "identical",
                    told.text,
                    told.text,
                    "both sources state this claim word for word, so one of them tells "
                    "both claims of the pair: they stand together by its own account",
                ),
            )

    def _agree_with_list_siblings(
        self, findings: list[Finding], evidence: list[Evidence], claims: dict[str, Claim]
    ) -> None:
        """Rule 6: claims cut from one list of names ("will also host Putin and Xi" gives
        "... will also host Putin." and "... will also host Xi.") say the same of each name.
        Against a claim that names the whole list, where one of them agrees as one of the
        list told on its own, a sibling whose person is in that list too agrees as well,
        unless a fact conflicts: NLI, reading each sibling on its own, may be sure of one
        and unsure of the other."""
        # (finding index, the claim naming one of the list, its people, the list claim)
        singles = []
        for index, ev in enumerate(evidence):
            if ev.named_in_list is not None and ev.named_in_list.listed:
                side, reason, _ = ev.named_in_list
                one, other = (ev.pair.a, ev.pair.b) if side == 0 else (ev.pair.b, ev.pair.a)
                singles.append((index, one, reason.a, other))
        extra = self.settings.list_sibling_extra_words
        for index, one, people, other in singles:
            finding = findings[index]
            if finding.label != Verdict.AGREE or not any(r.kind == "list" for r in finding.reasons):
                continue
            for sibling_index, sibling, sibling_people, sibling_other in singles:
                sibling_finding = findings[sibling_index]
                first, second = claims[one], claims[sibling]
                if (
                    sibling_other != other
                    or sibling == one
                    or sibling_finding.label != Verdict.RELATED
                    or evidence[sibling_index].fact_conflict
                    or (first.source, first.sentence) != (second.source, second.sentence)
                ):
                    continue
                names = (people, sibling_people)
                if not differ_in_names_only(first.text, second.text, names, extra):
                    continue
                sibling_finding.label = Verdict.AGREE
                sibling_finding.confidence = finding.confidence
                sibling_finding.reasons.insert(
                    0,
                    Reason(
                        "list",
                        names[1],
                        claims[other].text,
                        f"{names[1]}: named in the other claim's list, as {names[0]} is in a "
                        "claim cut from the same list of names, which agrees with it",
                    ),
                )

    def _agree_within_sentences(
        self,
        findings: list[Finding],
        evidence: list[Evidence],
        claims: dict[str, Claim],
        contexts: dict[str, str],
    ) -> None:
        """Rule 5: one source packs into one sentence what the other spreads over two
        ("The project cost $42 million and was funded mainly by the state fund" against
        "The repairs cost $42 million, most of it paid by the state fund"). A `related` pair
        agrees when the whole sentence one claim was cut from entails the other claim, or
        the other claim entails that whole sentence."""
        minimum = self.settings.packed_min_similarity
        # Entailment runs from the stronger text to the weaker: a whole sentence states
        # more than the piece cut from it, and a piece more than each of its parts. What
        # NLI already read of the piece and the other claim therefore rules candidates
        # out: the other claim cannot state the whole sentence when it does not state
        # the piece, nor a part state the other claim when the whole piece does not.
        # Skipping those halves this rule's NLI work on the seed pair (`bench speed`); so
        # does skipping a hypothesis whose content words the premise mostly lacks, which NLI
        # reads as entailed only by mistake (`packed_min_word_share`).
        floor = self.settings.packed_prune_below
        candidates = []
        for index, (finding, ev) in enumerate(zip(findings, evidence, strict=True)):
            if finding.label != "related" or ev.fact_conflict or finding.similarity < minimum:
                continue
            a, b = claims[ev.pair.a], claims[ev.pair.b]
            for piece, other, other_states_piece, piece_states_other in (
                (b, a, ev.ab[self._entail], ev.ba[self._entail]),
                (a, b, ev.ba[self._entail], ev.ab[self._entail]),
            ):
                sentence = contexts.get(piece.id, piece.text)
                if not same_statement(sentence, piece.text):
                    # The piece's whole sentence states the other claim, or the other claim
                    # states the piece's whole sentence (and so the piece).
                    candidates.append((index, sentence, other.text, "sentence"))
                    if other_states_piece >= floor:
                        candidates.append((index, other.text, sentence, "sentence"))
                # A claim of two or three sentences (one opening with "He" or "This" kept
                # with the one before it) holds each of them: one of them may state the
                # other claim, or the other claim state it.
                # So does a claim with a trailing modifier hold its main clause, which
                # the other claim may state with a detail of its own.
                parts = [(part, "sentence") for part in _sentences_of(piece.text)]
                core = main_clause(
                    piece.text, self.settings.trailing_openers, self.settings.main_clause_words
                )
                if core:
                    parts.append((core, "main clause"))
                for part, what in parts:
                    if piece_states_other >= floor:
                        candidates.append((index, part, other.text, what))
                    candidates.append((index, other.text, part, what))
        share = self.settings.packed_min_word_share
        candidates = [
            c
            for c in candidates
            # A question asserts nothing to entail or be entailed (rule 4b).
            if stems_covered(c[1], c[2]) >= share and not (_question(c[1]) or _question(c[2]))
        ]
        if not candidates:
            return
        rows = self.nli.predict([c[1] for c in candidates], [c[2] for c in candidates])
        threshold = self.settings.entail_threshold
        # The pairs (so the other source's claims) in which each sentence reads as stated.
        stated_by: dict[str, set[int]] = {}
        for (index, _, hypothesis, _), row in zip(candidates, rows, strict=True):
            if row[self._entail] >= threshold:
                stated_by.setdefault(hypothesis, set()).add(index)
        most = self.settings.packed_generic_after
        for (index, sentence, hypothesis, what), row in zip(candidates, rows, strict=True):
            finding = findings[index]
            if finding.label != "related" or row[self._entail] < threshold:
                continue
            if most and len(stated_by[hypothesis]) >= most:
                continue  # what many claims each state is the story's, not one fact
            finding.label = Verdict.AGREE
            finding.confidence = round(float(row[self._entail]), 4)
            finding.reasons.insert(
                0,
                Reason(
                    "nli",
                    sentence,
                    hypothesis,
                    f"one source's {what} entails the other's ({row[self._entail]:.2f}): "
                    + (
                        "one fact told in one sentence or two"
                        if what == "sentence"
                        else "both state it, each with a detail of its own"
                    ),
                ),
            )

    def gather(
        self,
        pairs: Sequence[Pair],
        claims: dict[str, Claim],
        published: dict[str, date | None] | None = None,
        progress: ProgressCallback | None = None,
        contexts: dict[str, str] | None = None,
        told: dict[str, list[Quantity]] | None = None,
        articles: bool = False,
    ) -> list[Evidence]:
        """What is known about each pair before a verdict: NLI both ways and the facts;
        `told`: the amounts each source gives anywhere (`amounts_by_source`), where the
        sources were written apart; `articles`: the claims are of whole articles."""
        if not pairs:
            return []
        a_texts = [claims[p.a].text for p in pairs]
        b_texts = [claims[p.b].text for p in pairs]
        forward, backward = self.nli.predict_both(a_texts, b_texts, progress=progress)
        involved = list(dict.fromkeys(cid for p in pairs for cid in (p.a, p.b)))
        dates = published or {}
        read = self.facts.read(
            [claims[cid].text for cid in involved],
            [dates.get(claims[cid].source) for cid in involved],
            [(contexts or {}).get(cid) for cid in involved],
        )
        facts = dict(zip(involved, read, strict=True))
        if told is not None:
            # Sources written apart: a name one claim puts for another's may be one the
            # other source names too (`EditChecker._swap`).
            source_texts = texts_by_source(claims)
            for cid in involved:
                facts[cid].source_text = source_texts[claims[cid].source]
        amounts = told or {}
        evidence = []
        for pair, ab, ba in zip(pairs, forward, backward, strict=True):
            first, second = claims[pair.a], claims[pair.b]
            fact_results = self.facts.compare(
                facts[pair.a],
                facts[pair.b],
                amounts.get(first.source, ()),
                amounts.get(second.source, ()),
            )
            entity_reason, shared, share = compare_entities(first.entities, second.entities)
            if entity_reason is not None:
                fact_results.append((entity_reason, False))
            evidence.append(
                Evidence(
                    pair=pair,
                    texts=(first.text, second.text),
                    ab=ab,
                    ba=ba,
                    facts=(facts[pair.a], facts[pair.b]),
                    fact_results=fact_results,
                    shared_entities=shared,
                    entity_share=share,
                    entity_counts=(len(first.entities), len(second.entities)),
                    list_items=list_items(
                        facts[pair.a], facts[pair.b], first.entities, second.entities
                    ),
                    named_in_list=named_in_list(facts[pair.a], facts[pair.b]),
                    headlines=(first.headline, second.headline),
                    whole_articles=articles,
                )
            )
        return evidence

    def rule_verdict(
        self, ev: Evidence
    ) -> tuple[str, float, np.ndarray, list[tuple[Reason, bool]]]:
        """The hand-set rules over NLI and the facts: (label, confidence, decisive NLI
        probabilities, the fact results with any reason a rule added)."""
        label, confidence, decisive = self.nli_verdict(ev.ab, ev.ba, ev.pair.similarity)
        fact_results = list(ev.fact_results)
        fact_conflict = ev.fact_conflict
        if label == "contradict" and not fact_conflict and ev.list_items is not None:
            # Rule 0c: two items of one list, each cut into a claim of its own ("will
            # host Xi" / "will host Putin" from "will host Xi and Putin"), read by NLI as a
            # swap; each source's sentence names both, so both hold.
            label, confidence = "related", 1 - confidence
            fact_results.append((ev.list_items, False))
        nli_only_bar = (
            self.settings.articles_nli_only_contradict_threshold
            if ev.whole_articles
            else self.settings.nli_only_contradict_threshold
        )
        if label == "contradict" and confidence < nli_only_bar and not fact_conflict:
            # Rule 0: with no fact in conflict, NLI alone must be surer: most of its
            # weaker "contradictions" between two outlets are claims about different
            # details of one event; between two whole articles, surer still.
            label, confidence = "related", 1 - confidence
        speakers = ev.facts[0].speaker, ev.facts[1].speaker
        if label == "contradict" and not fact_conflict and ev.one_side_quoted:
            # Rule 0b: one claim quotes a named speaker's words, the other is the
            # outlet's own statement. A quotation does not assert its content as fact
            # (rhetoric, as often as not), so NLI alone cannot make them contradict; a
            # fact in conflict (a quoted figure) still does. Measured: `bench facts`.
            label, confidence = "related", 1 - confidence
            fact_results.append(
                (
                    Reason(
                        "attribution",
                        speakers[0] or "",
                        speakers[1] or "",
                        f"only one side is attributed (to {speakers[0] or speakers[1]}): "
                        "what a speaker said and what the other outlet states can both stand",
                    ),
                    False,
                )
            )
        in_conflict = {reason.kind for reason, conflict in fact_results if conflict}
        if in_conflict == {"title"} and ev.pair.similarity < self.settings.title_min_similarity:
            # Rule 0i: one title held by two people in claims that tell different things
            # ("… Syria, where President Barack Obama has resisted airstrikes" / "… an
            # uprising against President Bashar al-Assad"): two countries' presidents, two
            # stories. The title names no country; the claims' closeness says if they are
            # one story (a name swapped in one sentence told twice).
            apart = f"in claims telling different things (similarity {ev.pair.similarity:.2f})"
            fact_results = [
                (
                    Reason(r.kind, r.a, r.b, f"{r.detail.split(':')[0]}: {r.a} vs {r.b} {apart}"),
                    False,
                )
                if conflict
                else (r, False)
                for r, conflict in fact_results
            ]
            fact_conflict, in_conflict = False, set()
        if (
            self.settings.contradiction_needs_a_shared_name
            and fact_conflict
            and not in_conflict & NAME_KINDS
            and (
                ev.different_subjects
                or (ev.different_people and in_conflict <= FIGURE_KINDS)
                or (ev.different_people_of_a_group and in_conflict == {"date"})
            )
        ):
            # Rule 0d: figures or dates in conflict between claims that name different
            # people, places or groups and not one word of a name in common ("3 dead in a
            # motel shooting in South Carolina" / "4 dead in a train collision near
            # Moscow") are two events' figures, and NLI's reading goes with them. A swapped
            # name in otherwise matching claims is still a conflict. (NLI alone is not
            # overruled so: "US" / "White House" name one subject in other words.) So do
            # claims about different people, though both name a place ("James Foley was
            # taken hostage in Syria in 2012" / "Kayla Mueller was kidnapped in Syria in
            # 2013"), and dates of what befell people of one group (FNC-1 bodies 1016 and
            # 1116: Foley kidnapped in 2012, Berg in 2004, both by Islamic State).
            names = [", ".join(f.named()) for f in ev.facts]
            what = (
                "different subjects, nothing named in common"
                if ev.different_subjects
                else "different people"
            )
            fact_results, label, confidence = _two_events(
                fact_results, label, confidence, Reason("entity", names[0], names[1], what)
            )
            fact_conflict = False
        if (
            self.settings.figures_need_one_action
            and (
                (fact_conflict and in_conflict <= FIGURE_KINDS)
                or (label == "contradict" and not fact_conflict and _two_names_done(*ev.facts))
            )
            and _two_things_done(*ev.facts)
        ):
            # Rule 0t: one verb done to two different things, neither named in the other
            # claim ("bought the campus in 2006" / "bought a junior loan in 2011"): the
            # figures and dates of two events, and NLI's reading goes with them.
            verbs = [
                f"{verb} … {thing}" for verb, thing in (f.action or ("", "") for f in ev.facts)
            ]
            what = f"one verb done to two things ({verbs[0]} / {verbs[1]})"
            fact_results, label, confidence = _two_events(
                fact_results, label, confidence, Reason("entity", *ev.texts, what)
            )
            fact_conflict = False
        one_another_case = ev.facts[0].another_case != ev.facts[1].another_case
        dated_alike = any(r.kind == "date" and not conflict for r, conflict in fact_results)
        if one_another_case and not dated_alike and (fact_conflict or label == "contradict"):
            # Rule 0q: one claim opens on another case than the story's ("Another case of a
            # nun giving birth took place in 2011, when a 41-year-old Congolese nun gave
            # birth to a baby girl" / "A cloistered South American nun gave birth to a baby
            # boy": FNC-1 bodies 179 and 534): its facts are that case's. Not where both
            # date it alike ("In 2011 a 31-year-old Congolese nun …": `bench editor`'s
            # held-out nun pair tells of that case on both sides).
            what = "one claim tells of another case"
            fact_results, label, confidence = _two_events(
                fact_results, label, confidence, Reason("entity", *ev.texts, what)
            )
            fact_conflict = False
        if (
            label == "contradict"
            and not fact_conflict
            and self.settings.contradiction_anchor_words
            and not self._anchored(ev)
        ):
            # Rule 0f: NLI's contradiction between claims with nothing in common, no name
            # and hardly a word ("Explosion in Belfast" / "Explosion in Kabul a suicide
            # attack"): two stories, not one told two ways.
            label, confidence = "related", 1 - confidence
            detail = (
                "nothing in common to contradict about: no name, hardly a word and "
                f"similarity {ev.pair.similarity:.2f}"
            )
            fact_results.append((Reason("entity", *ev.texts, detail), False))
        if (
            label == "contradict"
            and not fact_conflict
            and self.settings.contradiction_needs_a_shared_name
            and ev.different_people
        ):
            # Rule 0g: NLI's contradiction between claims about different people ("James
            # Foley was taken hostage in Syria in 2012" / "Kayla Mueller was kidnapped in
            # Syria in 2013"): what one person did does not deny what another did. (One
            # person put for another in otherwise matching claims is the fact layer's
            # swap, a conflict, and does not reach here.)
            label, confidence = "related", 1 - confidence
            people = [", ".join(f.named({"person"})) for f in ev.facts]
            detail = f"different people ({people[0]} / {people[1]}): two people's stories"
            fact_results.append((Reason("entity", people[0], people[1], detail), False))
        if label == "contradict" and not fact_conflict and named_by_both(fact_results):
            # Rule 0v: the claims differ in a name where the other has another, and each
            # source names both ("Smith's father Bill" / "Jess's father Bill", both telling
            # of Jess Smith; "in Henan Province" / "last month's attack in Shandong
            # Province", both telling of both attacks): two of the story's people or
            # places, as the fact layer read them; NLI reads the names as a swap.
            label, confidence = "related", 1 - confidence
        opposite = negated_opposite(fact_results)
        if opposite is not None and not fact_conflict:
            # Rule 0e: one side denies the opposite of what the other states ("is not dead"
            # / "is alive"), or puts a contrast in other words ("judges not arbitrators" /
            # "judges instead of arbitrators"); NLI reads the negation word as a
            # contradiction. The same statement where nothing else differs (the fact
            # layer's `identical`); else no contradiction.
            if opposite.kind == "identical":
                label, confidence = "agree", self.settings.fact_confidence
            elif label == "contradict":
                label, confidence = "related", 1 - confidence
        form = None if fact_conflict else self.facts.differences_in_form(*ev.facts)
        if form:
            # Rule 4c: near copies that write the same things differently ("centres" /
            # "centers", "ISIS" / "Islamic State", "Thursday" / "yesterday"): NLI's shortcut
            # read FNC-1 bodies 1881 and 2376 as contradicting, 0.97 both ways. One
            # statement, unless a day named two ways cannot be matched without the
            # publication dates: then nothing is known to conflict, nor to agree.
            shown = ", ".join(FORM_CHANGES[kind] for kind in sorted(form))
            day_matched = any(r.kind == "date" and not c for r, c in fact_results)
            if "day" in form and not day_matched:
                if label == "contradict":
                    label, confidence = "related", 1 - confidence
                detail = (
                    f"the same words but for {shown}; the days cannot be matched without "
                    "the publication dates"
                )
            else:
                label, confidence = "agree", self.settings.fact_confidence
                detail = f"the same statement, written differently: {shown}"
            fact_results.append((Reason("identical", *ev.texts, detail), False))
        set_aside = None if label != "contradict" or fact_conflict else self._set_aside(ev)
        if set_aside is not None:
            # NLI's contradiction with no fact in conflict, read off words that make none.
            label, confidence = "related", 1 - confidence
            fact_results.append((set_aside, False))
        if fact_conflict:
            # Rule 1: a fact that cannot hold on both sides makes the pair a
            # contradiction, whatever NLI read; its confidence is at least `fact_confidence`.
            nli_confidence = confidence if label == "contradict" else 0.0
            label = "contradict"
            confidence = max(nli_confidence, self.settings.fact_confidence)
        elif (
            label == "related"
            and ev.pair.similarity >= self.settings.entity_agree_similarity
            and ev.shared_entities >= self.settings.entity_agree_min_shared
            and ev.entity_share >= self.settings.entity_agree_share
            and self._says_something_alike(ev)
        ):
            # Rule 2: close claims naming the same several entities, with no fact in
            # conflict and no contradiction both ways, state the same thing (NLI trained
            # on single-scene captions reads their extra details as contradictions).
            label, confidence = "agree", ev.pair.similarity
        elif label == "related" and self._shared_facts_match(ev):
            # Rule 2b: the facts both claims state (an amount of the same thing, the date
            # of the same event, the same people and places, or people one claim names
            # among the others in a list) all match and nothing reads as a contradiction:
            # one fact told in two ways, one of them with more detail.
            label, confidence = "agree", ev.pair.similarity
            if ev.named_in_list is not None and not any(
                reason.kind != "entity" for reason, _ in fact_results
            ):
                fact_results.append((ev.named_in_list.reason, False))
        elif (
            label == "related"
            and all(ev.headlines)
            and ev.pair.similarity >= self.settings.headline_agree_similarity
        ):
            # Rule 2c: two headlines this close, with nothing in conflict, report one story.
            label, confidence = "agree", ev.pair.similarity
        elif label == "related" and self._same_action(ev):
            # Rule 2d: the same action done to the same thing, nothing in conflict: one
            # event, told by two outlets with their own details (who did it, of what).
            label, confidence = "agree", ev.pair.similarity
            verb, thing = ev.facts[0].action or ("", "")
            fact_results.append((Reason("action", *ev.texts, f"both say: {verb} … {thing}"), False))
        return label, confidence, decisive, fact_results

    def _anchored(self, ev: Evidence) -> bool:
        """Whether two claims share something to disagree about: a meaning this close
        (`contradiction_anchor_similarity`: "The goldfish made a full recovery" / "The fish
        has not recovered"); a named entity or a word of a name, with a word in common that
        is not a name (`contradiction_name_needs_a_word`); or `contradiction_anchor_words`
        content words (all but one of a shorter claim's: "The children are very happy" /
        "… very unwilling")."""
        if ev.pair.similarity >= self.settings.contradiction_anchor_similarity:
            return True
        names_a, names_b = (facts.name_words for facts in ev.facts)
        if ev.shared_entities or names_a & names_b:
            if not self.settings.contradiction_name_needs_a_word:
                return True
            # "Riquelme goes by 'Joey Trombone' online" / "The video begins with Joe
            # Riquelme on a couch": one person, two things said of him; a name alone
            # anchors who, not what.
            shared, _ = ev.content_overlap(self.facts.not_anchors | names_a | names_b)
            return shared >= 1
        shared, fewer = ev.content_overlap(self.facts.not_anchors)
        return shared >= min(self.settings.contradiction_anchor_words, max(1, fewer - 1))

    def _same_action(self, ev: Evidence) -> bool:
        first, second = ev.facts
        # Numbers on both sides that the fact layer did not match are figures of different
        # things ("reported 131 suspected cases" / "reported 22 new cases"): not one fact.
        unmatched_numbers = (
            "NUM" in first.pos
            and "NUM" in second.pos
            and not any(states_one_fact(r, c) for r, c in ev.fact_results)
        )
        return (
            not unmatched_numbers
            and first.action is not None
            and first.action == second.action
            and first.negated == second.negated
            and self._nothing_conflicts(ev, self.settings.action_agree_similarity)
        )

    def _nothing_conflicts(self, ev: Evidence, min_similarity: float) -> bool:
        """No fact in conflict, the claims at least `min_similarity` alike, and NLI not
        reading a contradiction (as the NLI rule reads one, `contradict_both_ways`: a claim
        that names one of the other's list reads one way as leaving the rest out)."""
        return (
            not ev.fact_conflict
            and ev.pair.similarity >= min_similarity
            and self._contradiction(ev.ab, ev.ba) < self.settings.fact_agree_max_contradiction
        )

    def _shared_facts_match(self, ev: Evidence) -> bool:
        if not self._nothing_conflicts(ev, self.settings.fact_agree_similarity):
            return False
        first, second = ev.facts
        if (first.negated or first.denies) != (second.negated or second.denies):
            # "A spokesman denied reports that militants in Mosul had Ebola" / "Militants in
            # Mosul had Ebola": the same names, one side saying no ("Kurds deny Rosenberg
            # was in Kobane" / "Rosenberg was not in the Kobane region" both say it).
            return False
        facts_match = any(states_one_fact(reason, c) for reason, c in ev.fact_results)
        names_match = (
            ev.shared_entities >= self.settings.fact_agree_min_shared
            and ev.entity_share >= self.settings.entity_agree_share
        )
        member = ev.named_in_list
        # One of a list told on its own may differ in many words from the claim naming the
        # whole list; names alone need claims this alike.
        alike_enough = (member is not None and member.listed) or (
            ev.pair.similarity >= self.settings.names_agree_min_similarity
        )
        return facts_match or (
            (names_match or member is not None) and alike_enough and self._says_something_alike(ev)
        )

    def _says_something_alike(self, ev: Evidence) -> bool:
        """Whether two claims that name the same people or things say alike of them: they
        are this close in meaning (`names_agree_similarity`), NLI reads one as stating at
        least part of the other (`names_agree_min_entailment`, either way), or they share
        `names_agree_min_word_share` of the content words (names left out) of the one with
        fewer ("is recovering after shooting himself in the hand at his home" / "shot
        himself in the hand at his home"). Two claims of one story name its people as a
        matter of course ("Chandler met Phelps on Tinder" / "Phelps is 29 and Chandler is
        41"): the names alone do not make them one fact."""
        entailment = max(ev.ab[self._entail], ev.ba[self._entail])
        if (
            ev.pair.similarity >= self.settings.names_agree_similarity
            or entailment >= self.settings.names_agree_min_entailment
        ):
            return True
        names = ev.facts[0].name_words | ev.facts[1].name_words
        shared, fewer = ev.content_overlap(self.facts.not_anchors | names)
        return fewer > 0 and shared >= self.settings.names_agree_min_word_share * fewer

    def decide(self, ev: Evidence) -> Finding:
        """The verdict on one pair: the calibrated decision (`judge.verdict_model`) where one
        is configured, else the rules; then identity and attribution."""
        labels = self.nli.labels
        label, confidence, decisive, fact_results = self.rule_verdict(ev)
        detail = (
            f"A→B {labels[int(ev.ab.argmax())]} {ev.ab.max():.2f}; "
            f"B→A {labels[int(ev.ba.argmax())]} {ev.ba.max():.2f}"
        )
        if self.verdict_model is not None:
            probabilities = self.verdict_model.probabilities(self.features(ev))
            calibrated, calibrated_confidence = self.verdict_model.label(probabilities)
            # The calibrated verdict decides only the labels it was measured to decide
            # better than the rules (`judge.verdict_decides`; reports/verdicts.md).
            if calibrated in self.verdict_decides and label == "related":
                label, confidence = calibrated, calibrated_confidence
            shown = ", ".join(f"{k} {v:.2f}" for k, v in probabilities.items())
            detail += f"; weighed with the facts: {shown}"
        reasons = [reason for reason, _ in fact_results]
        if label == "agree" and self.facts.leaves_out_what_turns_it(*ev.facts):
            # Rule 2e: one claim is the other with a word left out that changes what it
            # states ("The patient nearly died" / "The patient died", "The vice president
            # resigned" / "The president resigned"): NLI read the near copy as one
            # statement, but they are two.
            label, confidence = "related", 1 - confidence
            why = "one claim is the other without a word that changes what it states"
            reasons.insert(0, Reason("identical", *ev.texts, why))
        if same_statement(*ev.texts):
            # Rule 4: the same words, up to typography, state the same fact: a sentence
            # entails itself, whatever the NLI model reads (reports/behaviour.md measures
            # how often the model itself gets this right).
            label, confidence = "agree", 1.0
            reasons = [Reason("identical", *ev.texts, "the same statement, up to typography")]
        questions = [_question(text) for text in ev.texts]
        if (label == "contradict" and any(questions)) or (
            label == "agree" and questions[0] != questions[1]
        ):
            # Rule 4b: a question asserts nothing ("Thousands of dollars for a gold
            # watch?"), so neither its figures nor NLI's reading of it contradict (FNC-1
            # bodies 168 and 418: one question "contradicted" six prices), nor agree with a
            # statement ("Macaulay Culkin is dead?" / "Macaulay Culkin has been the victim
            # of a death hoax", bodies 804 and 1174). Two questions may ask alike.
            label, confidence = "related", 1 - confidence
            reasons.insert(0, Reason("nli", *ev.texts, "a question asserts nothing"))
        quoted_from_both = any(
            conflict and reason.kind == "attribution" for reason, conflict in ev.fact_results
        )
        if label == "contradict" and not quoted_from_both:
            # Rule 3: each claim attributed to a different named speaker: the sources
            # disagree, the outlets only report them (unless who said the words is
            # itself the conflict).
            speakers = attribution(*ev.facts)
            if speakers is not None:
                label = "attribution"
                reasons.insert(0, speakers)
        return Finding(
            claims=(ev.pair.a, ev.pair.b),
            label=label,
            confidence=round(float(confidence), 4),
            similarity=ev.pair.similarity,
            nli=_probs(decisive, labels),
            nli_a_to_b=_probs(ev.ab, labels),
            nli_b_to_a=_probs(ev.ba, labels),
            reasons=[*reasons, Reason("nli", *ev.texts, detail)],
        )

    def features(self, ev: Evidence) -> np.ndarray:
        """The evidence as numbers for the calibrated verdict (`verdict.FEATURES`)."""
        return evidence_features(ev, self._entail, self._contra)

    def check_against(
        self,
        findings: Sequence[Finding],
        text_claims: Sequence[Claim],
        claims: dict[str, Claim],
        passages: dict[str, list[str]],
        source_text: str,
    ) -> list[ClaimCheck]:
        """Reference mode: each claim of the checked text is supported, contradicted or
        unsupported by the source, judged against the source claims it was aligned with one
        by one (source as premise), against `passages` (its nearest source claims joined in
        source order), and for names and figures the source never mentions."""
        by_claim: dict[str, list[Finding]] = {c.id: [] for c in text_claims}
        for finding in findings:
            for claim_id in finding.claims:
                if claim_id in by_claim:
                    by_claim[claim_id].append(finding)
        passage_rows = self.nli.predict(
            [" ".join(claims[i].text for i in passages.get(c.id, [])) for c in text_claims],
            [c.text for c in text_claims],
        )
        missing_facts = self.facts.missing(
            self.facts.read([c.text for c in text_claims]), source_text
        )
        t_entail = self.settings.entail_threshold
        t_contra = self.settings.contradict_threshold
        penalty = self.settings.missing_fact_penalty
        checks = []
        for claim, row, missing in zip(text_claims, passage_rows, missing_facts, strict=True):
            best_entail, best_contra, evidence_entail, evidence_contra = 0.0, 0.0, None, None
            for finding in by_claim[claim.id]:
                source_id = (
                    finding.claims[0] if finding.claims[1] == claim.id else finding.claims[1]
                )
                probs = finding.nli_a_to_b if finding.claims[1] == claim.id else finding.nli_b_to_a
                # A pair judged `contradict` (by NLI both ways or by a fact) contradicts with
                # its confidence; otherwise the source-to-claim contradiction probability.
                contra = (
                    finding.confidence if finding.label == "contradict" else probs["contradiction"]
                )
                if probs["entailment"] > best_entail and finding.label != "contradict":
                    best_entail, evidence_entail = probs["entailment"], source_id
                if contra > best_contra:
                    best_contra, evidence_contra = contra, source_id
            passage = _probs(row, self.nli.labels)
            entail = max(best_entail, passage["entailment"])
            contra = max(best_contra, passage["contradiction"])
            # `contradicted` needs one source claim that contradicts it, to show the editor;
            # a passage that only reads as a contradiction counts in the score, not the label.
            if best_contra >= t_contra and best_contra > entail:
                label, confidence, evidence = "contradicted", best_contra, evidence_contra
            elif entail >= t_entail and not missing:
                label, confidence = "supported", entail
                evidence = evidence_entail if best_entail >= passage["entailment"] else None
            else:
                label, confidence, evidence = "unsupported", 1 - entail, evidence_entail
            probability_ok = chance_right(entail, contra, bool(missing), penalty)
            checks.append(
                ClaimCheck(
                    claim.id,
                    label,
                    round(confidence, 4),
                    evidence,
                    round(probability_ok, 4),
                    passages.get(claim.id, []),
                    passage,
                    round(best_entail, 4),
                    round(best_contra, 4),
                    missing,
                )
            )
        return checks
