"""Synthetic NLI pairs for news discrepancies, in the spirit of FactCC (Kryscinski et al. 2020).

Each rule edits one sentence into a hypothesis whose label is known by construction:
contradictions change a count, a vague amount, a date, a weekday, a month, a person, a place,
the polarity or an antonym; entailments drop a modifier or clause, or round a number.
These are hand-written because no library makes label-preserving news edits; the word lists
below are small on purpose (common news vocabulary), not an attempt at completeness.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from factcheck.facts.quantities import NUMBER_WORDS as FACT_NUMBER_WORDS
from factcheck.nli.data import NLIPair

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Vague amounts ordered by size: a step of two or more is a contradiction.
VAGUE = [
    "a few",
    "several",
    "dozens",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
    "millions",
]
# Count words that can be swapped safely ("one" is too often "one of the …"); exactly the
# words the shipped model was trained with, so that its training data can be remade.
NUMBER_WORDS = {
    word: value for word, value in FACT_NUMBER_WORDS.items() if 2 <= value <= 12 or value == 20
}
COUNTRIES = [
    "France",
    "Germany",
    "Russia",
    "China",
    "Japan",
    "India",
    "Brazil",
    "Canada",
    "Mexico",
    "Italy",
    "Spain",
    "Iran",
    "Iraq",
    "Syria",
    "Egypt",
    "Turkey",
    "Israel",
    "Ukraine",
    "Poland",
    "Nigeria",
    "Kenya",
    "Australia",
    "Indonesia",
    "Pakistan",
    "Afghanistan",
    "Belarus",
    "Vietnam",
    "Argentina",
    "Sweden",
    "Greece",
]
CITIES = [
    "London",
    "Paris",
    "Berlin",
    "Moscow",
    "Beijing",
    "Tokyo",
    "Delhi",
    "Cairo",
    "Washington",
    "New York",
    "Chicago",
    "Sydney",
    "Madrid",
    "Rome",
    "Istanbul",
    "Baghdad",
    "Kabul",
    "Tehran",
    "Seoul",
    "Lagos",
    "Nairobi",
    "Toronto",
    "Boston",
    "Los Angeles",
    "Jerusalem",
    "Kiev",
    "Warsaw",
    "Athens",
    "Manila",
    "Jakarta",
]
FIRST_NAMES = [
    "John",
    "Michael",
    "David",
    "James",
    "Robert",
    "Mary",
    "Sarah",
    "Maria",
    "Peter",
    "Paul",
    "Mark",
    "Anna",
    "Elizabeth",
    "George",
    "Thomas",
    "Daniel",
    "Barack",
    "Donald",
    "Hillary",
    "Vladimir",
    "Angela",
    "Emmanuel",
    "Joe",
    "Kim",
]
PEOPLE = [
    "Angela Merkel",
    "Vladimir Putin",
    "Barack Obama",
    "David Cameron",
    "Xi Jinping",
    "Emmanuel Macron",
    "Narendra Modi",
    "Shinzo Abe",
    "Justin Trudeau",
    "Hillary Clinton",
    "John Kerry",
    "Ban Ki-moon",
    "Recep Tayyip Erdogan",
    "Hassan Rouhani",
    "Joe Biden",
    "Theresa May",
    "Boris Johnson",
    "Maria Lopez",
    "Peter Novak",
    "Sarah Chen",
]
ANTONYMS = {
    "increased": "decreased",
    "rose": "fell",
    "won": "lost",
    "higher": "lower",
    "more": "fewer",
    "before": "after",
    "approved": "rejected",
    "opened": "closed",
    "accepted": "refused",
    "confirmed": "denied",
    "allowed": "banned",
    "arrived": "left",
    "largest": "smallest",
    "first": "last",
    "gained": "lost",
    "support": "oppose",
    "supported": "opposed",
    "agreed": "refused",
    "raised": "lowered",
    "expanded": "reduced",
    "alive": "dead",
    "guilty": "innocent",
    "true": "false",
    "success": "failure",
    "strong": "weak",
    "early": "late",
}
ANTONYMS |= {b: a for a, b in list(ANTONYMS.items()) if b not in ANTONYMS}
# Auxiliaries that take a plain "not" after them; "has"/"had" only before "been" or a participle.
AUXILIARIES = ["is", "are", "was", "were", "will", "would", "can", "could", "should", "must"]
PERFECT = re.compile(r"\b(has|have|had)\b(?=\s(?:been|\w+ed)\b)")
# Adverbs whose removal keeps the statement true (unlike "differently" or "reportedly").
DROPPABLE_ADVERB = re.compile(
    r"\s\b(absolutely|recently|finally|quickly|publicly|officially|formally|clearly|deeply|"
    r"widely|strongly|sharply|slowly|successfully|completely|currently|eventually)\b(?=\s)"
)
RELATIVE_CLAUSE = re.compile(r",\s(?:who|which|where)\s[^,]{3,80},(?=\s)")
TRAILING_CLAUSE = re.compile(
    r",\s(?:while|as|after|before|according to|adding)\s[^,]{3,120}(?=\.$)"
)
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)")
YEAR = re.compile(r"^(1[89]|20)\d\d$")

Rule = Callable[[str, random.Random], str | None]


def _replace_word(sentence: str, choices: Sequence[str], rng: random.Random) -> str | None:
    present = [w for w in choices if re.search(rf"\b{re.escape(w)}\b", sentence)]
    if not present:
        return None
    old = rng.choice(present)
    new = (
        rng.choice([w for w in choices if w != old and w not in present] or [None])
        if len(choices) > 1
        else None
    )
    if new is None:
        return None
    return re.sub(rf"\b{re.escape(old)}\b", new, sentence, count=1)


def change_count(sentence: str, rng: random.Random) -> str | None:
    """12 -> 20: a different count (years are dates, not counts, and left alone)."""
    numbers = [m for m in NUMBER.finditer(sentence) if not YEAR.match(m.group(1))]
    if not numbers:
        words = [w for w in NUMBER_WORDS if re.search(rf"\b{w}\b", sentence, re.I)]
        if not words:
            return None
        old = rng.choice(words)
        new = rng.choice([w for w in NUMBER_WORDS if w != old])
        return re.sub(rf"\b{old}\b", new, sentence, count=1, flags=re.I)
    match = rng.choice(numbers)
    value = int(match.group(1).replace(",", ""))
    factor = rng.choice([0.5, 2, 3, 10, 0.1]) if value > 20 else None
    new_value = int(value * factor) if factor else value + rng.choice([2, 3, 5, 8, 11])
    if new_value == value or new_value <= 0:
        new_value = value + 7
    new_text = f"{new_value:,}" if "," in match.group(1) or new_value >= 10000 else str(new_value)
    return sentence[: match.start(1)] + new_text + sentence[match.end(1) :]


def change_vague_amount(sentence: str, rng: random.Random) -> str | None:
    """ "thousands" -> "tens of thousands": vague amounts two or more steps apart."""
    for index in range(len(VAGUE) - 1, -1, -1):  # longest phrases first
        phrase = VAGUE[index]
        match = re.search(rf"\b{phrase}\b", sentence, re.I)
        if match:
            far = [
                v
                for j, v in enumerate(VAGUE)
                if abs(j - index) >= 1 and v != phrase and not (index > 0 and phrase.endswith(v))
            ]
            new = rng.choice(far)
            if match.group(0)[0].isupper():
                new = new[0].upper() + new[1:]
            return sentence[: match.start()] + new + sentence[match.end() :]
    return None


def change_year(sentence: str, rng: random.Random) -> str | None:
    years = [m for m in re.finditer(r"\b(19[5-9]\d|20[0-3]\d)\b", sentence)]
    if not years:
        return None
    match = rng.choice(years)
    new = int(match.group(1)) + rng.choice([-5, -3, -2, -1, 1, 2, 4])
    return sentence[: match.start(1)] + str(new) + sentence[match.end(1) :]


def change_weekday(sentence: str, rng: random.Random) -> str | None:
    return _replace_word(sentence, WEEKDAYS, rng)


def change_month(sentence: str, rng: random.Random) -> str | None:
    return _replace_word(sentence, MONTHS, rng)


def change_place(sentence: str, rng: random.Random) -> str | None:
    return _replace_word(sentence, COUNTRIES, rng) or _replace_word(sentence, CITIES, rng)


def change_person(sentence: str, rng: random.Random) -> str | None:
    """Swap a known full name, or a "Firstname Lastname" pair, for another person."""
    swapped = _replace_word(sentence, PEOPLE, rng)
    if swapped:
        return swapped
    match = re.search(rf"\b(?:{'|'.join(FIRST_NAMES)})\s[A-Z][a-z]+\b", sentence)
    if not match:
        return None
    new = rng.choice([p for p in PEOPLE if p != match.group(0)])
    return sentence[: match.start()] + new + sentence[match.end() :]


def negate(sentence: str, rng: random.Random) -> str | None:
    """ "was approved" -> "was not approved"; an existing "not" is removed instead."""
    existing = re.search(r"\b(\w+)\s(not)\b", sentence)
    if existing and existing.group(1).lower() in [*AUXILIARIES, "has", "have", "had", "did"]:
        return sentence[: existing.end(1)] + sentence[existing.end() :]
    if re.search(r"n't|n’t|\bnever\b|\bno\b|\bnot\b", sentence):
        return None  # already negative somewhere: a second negation would be ambiguous
    # The first auxiliary is most often the main clause's, whose negation contradicts.
    match = re.search(rf"\b({'|'.join(AUXILIARIES)})\b(?=\s)", sentence) or PERFECT.search(sentence)
    if not match:
        return None
    return sentence[: match.end(1)] + " not" + sentence[match.end(1) :]


def swap_antonym(sentence: str, rng: random.Random) -> str | None:
    present = [w for w in ANTONYMS if re.search(rf"\b{w}\b", sentence)]
    if not present:
        return None
    old = rng.choice(present)
    return re.sub(rf"\b{old}\b", ANTONYMS[old], sentence, count=1)


def drop_modifier(sentence: str, rng: random.Random) -> str | None:
    """Drop a relative clause, a trailing clause or an -ly adverb: the rest still follows."""
    for pattern in (RELATIVE_CLAUSE, TRAILING_CLAUSE):
        match = pattern.search(sentence)
        if match:
            return sentence[: match.start()] + sentence[match.end() :]
    adverbs = list(DROPPABLE_ADVERB.finditer(sentence))
    if not adverbs:
        return None
    match = rng.choice(adverbs)
    return sentence[: match.start()] + sentence[match.end() :]


def round_number(sentence: str, rng: random.Random) -> str | None:
    """ "30,500" -> "about 30,000" or "more than 30,000"."""
    numbers = [
        m
        for m in NUMBER.finditer(sentence)
        if not YEAR.match(m.group(1))
        and int(m.group(1).replace(",", "")) >= 15
        and not re.search(
            r"(about|around|nearly|almost|some|than|up to|least)\s$", sentence[: m.start(1)]
        )
    ]
    if not numbers:
        return None
    match = rng.choice(numbers)
    value = int(match.group(1).replace(",", ""))
    step = 10 ** max(1, len(str(value)) - 2)
    rounded = (value // step) * step
    if rounded == 0:
        return None
    text = f"{rounded:,}" if "," in match.group(1) or rounded >= 10000 else str(rounded)
    prefix = "more than" if rounded < value and rng.random() < 0.5 else "about"
    return sentence[: match.start(1)] + f"{prefix} {text}" + sentence[match.end(1) :]


CONTRADICTION_RULES: dict[str, Rule] = {
    "count": change_count,
    "vague_amount": change_vague_amount,
    "year": change_year,
    "weekday": change_weekday,
    "month": change_month,
    "person": change_person,
    "place": change_place,
    "negation": negate,
    "antonym": swap_antonym,
}
ENTAILMENT_RULES: dict[str, Rule] = {"drop_modifier": drop_modifier, "round": round_number}


def make_pairs(sentences: Iterable[str], limit: int, seed: int, pool: str) -> list[NLIPair]:
    """Up to `limit` pairs, about 60 % contradictions and 40 % entailments, shared evenly among
    the rules of each label so that rare edits (a weekday, a vague amount) are not crowded out
    by common ones (negation). Each sentence is used once."""
    rng = random.Random(seed)
    sentences = list(dict.fromkeys(s.strip() for s in sentences if s.strip()))
    rng.shuffle(sentences)
    used: set[str] = set()
    pairs: list[NLIPair] = []
    plan = [(CONTRADICTION_RULES, "contradiction", 0.6), (ENTAILMENT_RULES, "entailment", 0.4)]
    for rules, label, share in plan:
        quota = max(1, int(limit * share / len(rules)))
        for name, rule in rules.items():
            made = 0
            for sentence in sentences:
                if made >= quota:
                    break
                if sentence in used:
                    continue
                hypothesis = rule(sentence, rng)
                if hypothesis and hypothesis != sentence:
                    used.add(sentence)
                    pairs.append(
                        NLIPair(
                            sentence,
                            hypothesis,
                            label,
                            source=f"synthetic:{name}",
                            pool=pool,
                            category=name,
                        )
                    )
                    made += 1
    rng.shuffle(pairs)
    return pairs


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def news_bodies(path: Path) -> list[str]:
    """Article texts from a CSV of news bodies (FNC-1: `Body ID,articleBody`) or a text file."""
    if path.suffix == ".csv":
        csv.field_size_limit(10_000_000)
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            return [row[-1] for row in csv.reader(handle)][1:]
    return [path.read_text(encoding="utf-8", errors="replace")]


def sentences_of(text: str) -> list[str]:
    """Sentences of a text, line by line (paragraphs, or a transcript's turns)."""
    out = []
    for line in text.splitlines():
        out.extend(s.strip() for s in SENTENCE_END.split(line.strip()) if s.strip())
    return out


def news_sentences(path: Path, min_words: int = 8, max_words: int = 45) -> list[str]:
    """Sentences from news bodies (see `news_bodies`)."""
    return [
        sentence
        for text in news_bodies(path)
        for sentence in sentences_of(text)
        if min_words <= len(sentence.split()) <= max_words and sentence.endswith(".")
    ]
