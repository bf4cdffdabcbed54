"""The rewrite check (after splitting): a claim says only what its text says. Each claim
the splitter rewrote (a piece of a sentence, a lifted clause, a pronoun filled in) is read
by NLI against premises taken from the text; a sentence whose rewrites fail is served whole.
Also the sentence each claim was cut from, which the judge reads too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.models.nli import NLIModel
from factcheck.pipeline.judge import same_statement
from factcheck.schema import Article, Claim
from factcheck.settings import SplitSettings


def rewrite_entailment(
    nli: NLIModel, claims: Sequence[Claim], articles: Sequence[Article]
) -> dict[str, float]:
    """For each claim the splitter rewrote (a piece of a sentence, a lifted clause, a
    pronoun filled in), how surely the text entails it: NLI, the surest of the premises
    `rewrite_premises` takes from the text."""
    contexts = sentence_contexts(claims, articles)
    rewritten = [c for c in claims if not same_statement(c.text, contexts[c.id])]
    if not rewritten:
        return {}
    premises = rewrite_premises(rewritten, claims, articles, contexts)
    # Sentences a claim carries over word for word at its end (a quotation kept with the
    # sentence that names its speaker, where a name was filled in) are left out of both
    # sides: only the words that changed are checked, as for a claim of one sentence.
    hypotheses = []
    for index, claim in enumerate(rewritten):
        text = _one_line(claim.text)
        tail = _verbatim_tail(text, _one_line(contexts[claim.id]))
        hypotheses.append(_without_tail(text, tail))
        premises[index] = [_without_tail(_one_line(p), tail) for p in premises[index]]
    rows = nli.predict(
        [p for ps in premises for p in ps],
        [h for h, ps in zip(hypotheses, premises, strict=True) for _ in ps],
    )
    entail = nli.labels.index("entailment")
    scores, row = {}, 0
    for claim, options in zip(rewritten, premises, strict=True):
        scores[claim.id] = float(max(r[entail] for r in rows[row : row + len(options)]))
        row += len(options)
    return scores


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _verbatim_tail(claim: str, sentence: str) -> str:
    """The longest run of whole sentences that ends both the claim and the text it was
    cut from, word for word (both on one line, single-spaced); "" where the claim's last
    sentence was itself rewritten."""
    for found in SENTENCE_BREAK.finditer(claim):
        tail = claim[found.end() :]
        if tail and sentence.endswith(tail):
            return tail
    return ""


def _without_tail(text: str, tail: str) -> str:
    return text[: len(text) - len(tail)].strip() if tail and text.endswith(tail) else text


def checked_rewrites(
    settings: SplitSettings, nli: NLIModel, claims: Sequence[Claim], articles: Sequence[Article]
) -> list[Claim]:
    """Claims whose sentence does not entail every rewrite cut from it are replaced by
    the plain sentence: a claim says only what the text says (`split.rewrite_check`). A
    plain sentence that opens with "he" or "she" (the name put in failed) is kept with
    the sentence before it, as the splitter keeps other sentences opening with a pronoun."""
    if not settings.rewrite_check:
        return list(claims)
    threshold = settings.rewrite_entailment
    scores = rewrite_entailment(nli, claims, articles)
    failing = {(c.source, c.sentence) for c in claims if scores.get(c.id, 1.0) < threshold}
    if not failing:
        return list(claims)
    texts = {a.id: a.text for a in articles}
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault((claim.source, claim.sentence), []).append(claim)
    kept: list[Claim] = []
    for claim in claims:
        key = (claim.source, claim.sentence)
        if key not in failing:
            kept.append(claim)
            continue
        if kept and (kept[-1].source, kept[-1].sentence) == key:
            continue  # the sentence is already in, whole
        members = by_sentence[key]
        start, end = _sentence_bounds(
            texts[claim.source], min(c.start for c in members), max(c.end for c in members)
        )
        entities = list(dict.fromkeys(e for c in members for e in c.entities))
        text = texts[claim.source][start:end].strip()
        # The sentence before's claims, at the end of `kept` (claims come in order).
        previous, count = (key[0], key[1] - 1), 0
        while count < len(kept) and (kept[~count].source, kept[~count].sentence) == previous:
            count += 1
        before = kept[len(kept) - count :]
        if PERSON_OPENING.match(text) and before and not before[0].headline:
            # The name filled in for "He" failed the check: the sentence is kept with
            # the one before, which says who he is (as `split` does for "This …").
            del kept[-len(before) :]
            start = before[0].start
            text = re.sub(r"\s+", " ", texts[claim.source][start:end]).strip()
            earlier = [e for c in before for e in c.entities]
            entities = list(dict.fromkeys([*earlier, *entities]))
            key = before[0].source, before[0].sentence
        kept.append(
            Claim(claim.id, claim.source, text, start, end, key[1], claim.headline, entities)
        )
    # Ids stay "source:number", numbered in order.
    numbers: dict[str, int] = {}
    for claim in kept:
        claim.id = f"{claim.source}:{numbers.setdefault(claim.source, 0)}"
        numbers[claim.source] += 1
    return kept


def rewrite_premises(
    rewritten: Sequence[Claim],
    claims: Sequence[Claim],
    articles: Sequence[Article],
    contexts: dict[str, str],
) -> list[list[str]]:
    """The texts each rewritten claim is checked against; it passes on the surest:
    - its sentence;
    - the sentence with the one before it (a pronoun filled in names what that one said);
    - the sentence with the one that named what the rewrite put in ("He said" → "Steven
      Sotloff said", the name from three sentences back);
    - the sentence up to the end of what the claim was cut from: a clause lifted out read
      against the words it was lifted from ("Eric Schultz, the deputy press secretary" for
      "Eric Schultz is the deputy press secretary"), which the 6-layer model reads far more
      surely than the whole sentence around them (`factcheck bench claims`)."""
    sentences = {(c.source, c.sentence): contexts[c.id] for c in claims}
    texts = {a.id: a.text for a in articles}
    spans = _sentence_spans(claims)
    premises = []
    for claim in rewritten:
        sentence = contexts[claim.id]
        before = sentences.get((claim.source, claim.sentence - 1), "")
        naming = _naming_sentence(claim, sentence, sentences)
        leading = texts[claim.source][spans[(claim.source, claim.sentence)][0] : claim.end]
        options = [sentence, f"{before} {sentence}", f"{naming} {sentence}", leading]
        premises.append(list(dict.fromkeys(o.strip() for o in options if o.strip())))
    return premises


def sentence_contexts(claims: Sequence[Claim], articles: Sequence[Article]) -> dict[str, str]:
    """For each claim, the text of the sentence it was cut from: the span from the first to
    the last claim cut from that sentence."""
    texts = {a.id: a.text for a in articles}
    spans = _sentence_spans(claims)
    return {
        claim.id: texts[claim.source][slice(*spans[(claim.source, claim.sentence)])]
        for claim in claims
    }


def _sentence_spans(claims: Sequence[Claim]) -> dict[tuple[str, int], tuple[int, int]]:
    """(source, sentence) → the span from the first to the last claim cut from it."""
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for claim in claims:
        key = (claim.source, claim.sentence)
        start, end = spans.get(key, (claim.start, claim.end))
        spans[key] = (min(start, claim.start), max(end, claim.end))
    return spans


SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")


# A sentence opening with a person's pronoun, after any quotation mark.
PERSON_OPENING = re.compile(r"^\W*(?:he|she|his|her)\b", re.IGNORECASE)


def _naming_sentence(claim: Claim, sentence: str, sentences: dict[tuple[str, int], str]) -> str:
    """The last sentence before `claim`'s own that holds every word the claim adds to its
    sentence (a name filled in for a pronoun); "" when the claim adds none or none does."""
    added = _words(claim.text) - _words(sentence)
    if not added:
        return ""
    for index in range(claim.sentence - 1, -1, -1):
        text = sentences.get((claim.source, index))
        if text and added <= _words(text):
            return text
    return ""


def _words(text: str) -> set[str]:
    """Lower-case words, a possessive 's dropped ("Canseco's" is "canseco")."""
    return set(re.findall(r"\w+", re.sub(r"['’]s\b", "", text.lower())))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence around a span: the claims cut from a sentence may leave out its
    start ("Josh Lin watched" was too short to keep) or its end."""
    before = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, start)]
    # From the span's last character: a span that ends with its full stop ends there.
    after = SENTENCE_BREAK.search(text, max(start, end - 1))
    return (before[-1] if before else 0), (after.start() + 1 if after else len(text))
