"""Synthetic NLI pairs for news discrepancies, in the spirit of FactCC (Kryscinski et al. 2020).

Each rule edits one sentence into a hypothesis whose label is known by construction:
contradictions change a count, a vague amount, a date, a weekday, a month, a person, a place,
the polarity or an antonym; entailments drop a modifier or clause, or round a number.

Near copies (`near_copies=True`): a model trained only on those learns that "almost the same
words" means contradiction. So every contradiction edit has entailing edits of the same
surface size beside it (the sentence itself, typography, a synonym, "said"/"says", a list or
a time phrase moved, an attribution dropped, a factive report verb) and neutral ones (a
modifier added, a non-factive report verb, a claim about someone else).
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
from factcheck.training.data import NLIPair

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
# "last" is rarely the opposite of "first" in news ("last week"): one direction only.
ANTONYMS |= {b: a for a, b in list(ANTONYMS.items()) if b not in ANTONYMS and b != "last"}
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
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)(?![A-Za-z])")
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


def swap_word(sentence: str, mapping: dict[str, str], rng: random.Random) -> str | None:
    """One word of the sentence that `mapping` knows, chosen at random, put for its pair."""
    present = [w for w in mapping if re.search(rf"\b{w}\b", sentence)]
    if not present:
        return None
    word = rng.choice(present)
    return re.sub(rf"\b{word}\b", mapping[word], sentence, count=1)


def swap_antonym(sentence: str, rng: random.Random) -> str | None:
    return swap_word(sentence, ANTONYMS, rng)


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
        # A day of a month ("August 19") or part of a compound ("31-year-old") is no count.
        and not re.search(rf"(?:{'|'.join(MONTHS)})\s$", sentence[: m.start(1)])
        and sentence[m.end(1) : m.end(1) + 1] != "-"
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


def identity(sentence: str, rng: random.Random) -> str | None:
    """The sentence itself: the plainest entailment there is."""
    return sentence


def straight_quotes(text: str) -> str:
    """Curly quotes and apostrophes as straight ones."""
    return text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def shares_a_name(a: str, b: str) -> bool:
    """The two texts have a capitalised word of three letters or more in common."""
    names = re.compile(r"\b[A-Z][a-z]{2,}\b")
    return bool(set(names.findall(a)) & set(names.findall(b)))


def retype(sentence: str, rng: random.Random) -> str | None:
    """Typography only: quotes, apostrophes, dashes, spaces, line breaks or a headline's case."""
    edits: list[Callable[[str], str]] = []
    if re.search(r"[\"']", sentence):
        edits.append(
            lambda s: re.sub(r"(^|[\s(])\"", "\\1“", s).replace('"', "”").replace("'", "’")
        )
    if re.search(r"[“”‘’]", sentence):
        edits.append(straight_quotes)
    if " - " in sentence or " -- " in sentence:
        edits.append(lambda s: s.replace(" -- ", " — ").replace(" - ", " — "))
    if "—" in sentence or "–" in sentence:
        edits.append(lambda s: s.replace(" — ", " - ").replace("—", " - ").replace("–", "-"))
    words = sentence.split(" ")
    if len(words) > 6:
        cut = rng.randrange(3, len(words) - 2)
        edits.append(lambda s: " ".join(s.split(" ")[:cut]) + "\n" + " ".join(s.split(" ")[cut:]))
        edits.append(lambda s: re.sub(r" (?=\w)", "  ", s, count=rng.randrange(1, 4)))
    edits.append(lambda s: re.sub(r"\b([a-z])(\w{3,})", lambda m: m[1].upper() + m[2], s))
    edits.append(lambda s: s.rstrip(".") if s.endswith(".") else s + ".")
    return rng.choice(edits)(sentence)


# Same-meaning words in news prose. Two lists: training uses TRAIN_SYNONYMS, the behaviour
# suite HELD_OUT_SYNONYMS, so that the suite measures a skill, not a memorised word pair.
TRAIN_SYNONYMS = {
    "said": "stated",
    "big": "large",
    "begin": "start",
    "began": "started",
    "buy": "purchase",
    "bought": "purchased",
    "help": "assist",
    "helped": "assisted",
    "about": "around",
    "enough": "sufficient",
    "quickly": "rapidly",
    "shows": "indicates",
    "showed": "indicated",
    "ended": "finished",
    "children": "kids",
    "people": "individuals",
    "car": "vehicle",
    "killed": "slain",
    "attempt": "try",
    "talks": "negotiations",
    "often": "frequently",
    "maybe": "perhaps",
    "home": "house",
    "hard": "difficult",
    "chief": "head",
    "major": "significant",
    "near": "close to",
}
# More of the same for `vocabulary: wide`: six report verbs of each kind did not teach the
# served model the behaviour suite's held-out ones ("guessed that", "admitted that"), so a
# wider vocabulary is how training can show that the verb, not the words, decides. None of
# these words is one the behaviour suite uses (the HELD_OUT_* lists).
WIDE_SYNONYMS = {
    "happened": "occurred",
    "arrested": "detained",
    "tried": "attempted",
    "received": "obtained",
    "rich": "wealthy",
    "huge": "enormous",
    "injured": "wounded",
    "area": "region",
    "shocked": "stunned",
    "officials": "authorities",
    "country": "nation",
    "mainly": "chiefly",
    "currently": "presently",
    "because of": "due to",
    "carried out": "conducted",
    "conducted": "carried out",
    "called off": "cancelled",
    "took part": "participated",
    "looked into": "investigated",
    "investigated": "looked into",
    "went up": "rose",
    "get rid of": "eliminate",
}
HELD_OUT_SYNONYMS = {
    "needed": "required",
    "lawmakers": "legislators",
    "died": "passed away",
    "fight": "battle",
    "allow": "permit",
    "enough": "adequate",
    "woman": "lady",
    "kids": "children",
    "movie": "film",
    "doctor": "physician",
    "rules": "regulations",
    "mostly": "largely",
    "nearly": "almost",
    "seen": "observed",
    "chose": "selected",
    "company": "firm",
    "job": "position",
    "show": "indicate",
    "reporters": "journalists",
    "photo": "photograph",
    "purchase": "buy",
    "large": "big",
}


def synonym_rule(synonyms: dict[str, str]) -> Rule:
    pairs = synonyms | {b: a for a, b in synonyms.items() if " " not in b and b not in synonyms}

    def swap_synonym(sentence: str, rng: random.Random) -> str | None:
        return swap_word(sentence, pairs, rng)

    return swap_synonym


SAID = re.compile(r"\b(said|says)\b")
TRAILING_ATTRIBUTION = re.compile(
    r",\s(?:(?:a|an|the|his|her|their)\s)?[\w\s.'’-]{2,40}?\s(?:said|says|told \w+)"
    r"(?:\s(?:on|in|last)\s\w+|\s(?:in a statement|in an interview))?(?=\.$)"
)


def said_says(sentence: str, rng: random.Random) -> str | None:
    """ "said" / "says" / "told reporters": the tense of reporting changes nothing."""
    match = SAID.search(sentence)
    if not match or re.search(r"\bsaid\s(?:to|that it was)\b", sentence):
        return None
    tail = sentence[match.end() :]
    choices = ["says" if match[1] == "said" else "said"]
    if match[1] == "said" and (tail.startswith(".") or tail.startswith(" that ")):
        choices.append("told reporters")
    return sentence[: match.start()] + rng.choice(choices) + tail


def drop_attribution(sentence: str, rng: random.Random) -> str | None:
    """ "The toll rose to 12, police said." -> "The toll rose to 12." """
    match = TRAILING_ATTRIBUTION.search(sentence)
    if not match or len(sentence[: match.start()].split()) < 5:
        return None
    return sentence[: match.start()] + sentence[match.end() :]


NAME_LIST = re.compile(
    r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?),? and "
    r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\b"
)
NAME_PAIR = re.compile(r"\b([A-Z][a-z]\w+(?: [A-Z][a-z]\w+)?) and ([A-Z][a-z]\w+(?: [A-Z]\w+)?)\b")


def reorder_list(sentence: str, rng: random.Random) -> str | None:
    """ "France, Germany and Italy" -> "Italy, France and Germany" (a list of names)."""
    match = NAME_LIST.search(sentence)
    if match:
        items = list(match.groups())
        order = rng.choice([[2, 0, 1], [1, 2, 0], [2, 1, 0], [1, 0, 2]])
        new = f"{items[order[0]]}, {items[order[1]]} and {items[order[2]]}"
    else:
        match = NAME_PAIR.search(sentence)
        if not match or match.start() == 0:
            return None  # a sentence's first word is capitalised whatever it is
        new = f"{match[2]} and {match[1]}"
    return sentence[: match.start()] + new + sentence[match.end() :]


TIME_PHRASE = re.compile(
    rf"\s((?:on|last|this|early|late) (?:{'|'.join(WEEKDAYS)})|in (?:{'|'.join(MONTHS)}|"
    r"(?:19|20)\d\d)|(?:last|this) (?:week|month|year))(?=\.$)"
)


def front_time_phrase(sentence: str, rng: random.Random) -> str | None:
    """ "The mayor opened it on Saturday." -> "On Saturday, the mayor opened it." """
    match = TIME_PHRASE.search(sentence)
    if not match or not re.match(r"(?:The|A|An)\s", sentence):
        return None
    phrase = match[1][0].upper() + match[1][1:]
    rest = sentence[: match.start()] + sentence[match.end() :]
    return f"{phrase}, {rest[0].lower()}{rest[1:]}"


# Report verbs as MegaVeridicality measured them: a factive verb commits the writer to its
# complement, a non-factive one does not.
TRAIN_FACTIVE = ["confirmed", "revealed", "acknowledged", "noted", "discovered", "learned"]
TRAIN_NONFACTIVE = ["hoped", "claimed", "alleged", "suggested", "predicted", "feared"]
WIDE_FACTIVE = [
    "noticed",
    "recognized",
    "remembered",
    "regretted",
    "understood",
    "knew",
    "demonstrated",
    "verified",
    "disclosed",
    "saw",
    "forgot",
    "determined",
]
WIDE_NONFACTIVE = [
    "believed",
    "thought",
    "expected",
    "estimated",
    "argued",
    "maintained",
    "supposed",
    "suspected",
    "reckoned",
    "worried",
    "hypothesized",
    "dreamed",
    "theorized",
    "contended",
    "asserted",
    "hinted",
]
HELD_OUT_FACTIVE = ["showed", "proved", "realized", "admitted", "found", "established"]
HELD_OUT_NONFACTIVE = ["speculated", "wished", "guessed", "assumed", "imagined", "insisted"]
SPEAKERS = [
    "Officials",
    "The report",
    "Police",
    "The ministry",
    "Investigators",
    "A spokesman",
    "Analysts",
    "The company",
]


def _complement(sentence: str) -> str | None:
    """A sentence as a "that" clause: its first word in lower case unless it is a name."""
    if not re.match(r"(?:The|A|An|This|These|Those|Its|Their|His|Her)\s", sentence):
        return None
    return sentence[0].lower() + sentence[1:]


def report_rule(verbs: Sequence[str]) -> Rule:
    """ "Officials confirmed that the bridge reopened." against the clause itself: the
    hypothesis is the original sentence, the premise reports it (see `swap_roles`)."""

    def report(sentence: str, rng: random.Random) -> str | None:
        clause = _complement(sentence)
        if clause is None:
            return None
        return f"{rng.choice(SPEAKERS)} {rng.choice(list(verbs))} that {clause}"

    return report


def add_modifier(sentence: str, rng: random.Random) -> str | None:
    """The reverse of `drop_modifier`: the hypothesis says more than the premise."""
    return drop_modifier(sentence, rng)


# Rules whose edited sentence is the premise and whose original is the hypothesis.
SWAPPED_ROLES = {"add_modifier", "factive_verb", "nonfactive_verb", "add_attribution"}


def add_attribution(sentence: str, rng: random.Random) -> str | None:
    return drop_attribution(sentence, rng)


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
VOCABULARIES = ("narrow", "wide")


def near_copy_rules(vocabulary: str = "narrow") -> tuple[dict[str, Rule], dict[str, Rule]]:
    """The near-copy entailment and neutral rules; `wide` adds the WIDE_* words to the
    synonyms and report verbs ("narrow" is what the served model was trained with)."""
    if vocabulary not in VOCABULARIES:
        raise ValueError(f"vocabulary must be one of {', '.join(VOCABULARIES)}, not {vocabulary!r}")
    wide = vocabulary == "wide"
    synonyms = TRAIN_SYNONYMS | (WIDE_SYNONYMS if wide else {})
    factive = TRAIN_FACTIVE + (WIDE_FACTIVE if wide else [])
    nonfactive = TRAIN_NONFACTIVE + (WIDE_NONFACTIVE if wide else [])
    entailment: dict[str, Rule] = {
        "identity": identity,
        "typography": retype,
        "synonym": synonym_rule(synonyms),
        "said_says": said_says,
        "reorder_list": reorder_list,
        "word_order": front_time_phrase,
        "drop_attribution": drop_attribution,
        "factive_verb": report_rule(factive),
    }
    neutral: dict[str, Rule] = {
        "add_modifier": add_modifier,
        "add_attribution": add_attribution,
        "nonfactive_verb": report_rule(nonfactive),
    }
    return entailment, neutral


# Different people with different jobs: SNLI's same-scene habit reads such pairs as
# contradictions; in news they are two facts about two people. Training and the behaviour
# suite draw from separate lists.
TRAIN_PEOPLE_FACTS = {
    "names": [
        "Maria Lopez",
        "Peter Novak",
        "Sarah Chen",
        "James Okafor",
        "Ingrid Holm",
        "Omar Haddad",
        "Lucy Brennan",
        "Ravi Menon",
        "Elena Petrova",
        "Kofi Mensah",
    ],
    "jobs": [
        "a chemist",
        "a lawyer",
        "a nurse",
        "an economist",
        "a pilot",
        "a historian",
        "a reporter",
        "an engineer",
        "a teacher",
        "a surgeon",
    ],
    "places": [
        "the University of Madrid",
        "Boston General Hospital",
        "the Central Bank",
        "Reuters",
        "the city council",
        "Harvard University",
        "the World Bank",
        "Toyota",
        "the Supreme Court",
        "the Red Cross",
    ],
}
HELD_OUT_PEOPLE_FACTS = {
    "names": [
        "Anna Berg",
        "Tom Reid",
        "Carlos Mendes",
        "Aisha Bello",
        "Henrik Larsen",
        "Mei Tanaka",
        "Daniel Weiss",
        "Fatima Noor",
        "George Adams",
        "Nina Kovac",
    ],
    "jobs": [
        "a physics professor",
        "a judge",
        "a firefighter",
        "an architect",
        "a farmer",
        "a diplomat",
        "a banker",
        "a biologist",
        "a police officer",
        "a novelist",
    ],
    "places": [
        "the University of Oslo",
        "Leeds University",
        "the Foreign Office",
        "Siemens",
        "the state court",
        "the BBC",
        "Cairo University",
        "the United Nations",
        "the local hospital",
        "the Navy",
    ],
}


def people_facts_pairs(facts: dict[str, list[str]], count: int, seed: int) -> list[tuple[str, str]]:
    """ "Anna Berg is a chemist at X." / "Tom Reid is a lawyer at Y.": two people, neutral."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        first, second = rng.sample(facts["names"], 2)
        job_a, job_b = rng.sample(facts["jobs"], 2)
        place_a, place_b = rng.sample(facts["places"], 2)
        pairs.append((f"{first} is {job_a} at {place_a}.", f"{second} is {job_b} at {place_b}."))
    return pairs


PROPER_SUBJECT = re.compile(
    r"^(?!(?:The|A|An|This|That|It|He|She|They|We|I|In|On|But)\b)"
    r"([A-Z][a-z]+(?: [A-Z][a-z]+)*)\s"
)


def different_subject_pairs(
    sentences: Sequence[str], count: int, rng: random.Random
) -> list[tuple[str, str]]:
    """Two real sentences whose subjects are different names and which share no name."""
    named = [s for s in sentences if PROPER_SUBJECT.match(s)]
    pairs: list[tuple[str, str]] = []
    tries = 0
    while len(pairs) < count and len(named) > 1 and tries < count * 20:
        tries += 1
        a, b = rng.sample(named, 2)
        if shares_a_name(a, b):
            continue
        pairs.append((a, b))
    return pairs


def make_pairs(
    sentences: Iterable[str],
    limit: int,
    seed: int,
    pool: str,
    near_copies: bool = False,
    weights: dict[str, float] | None = None,
    vocabulary: str = "narrow",
) -> list[NLIPair]:
    """Up to `limit` pairs shared evenly among the rules of each label, so that rare edits (a
    weekday, a vague amount) are not crowded out by common ones (negation).

    `weights` gives some rules a larger share of their label (default 1 each); `vocabulary`
    picks the near copies' synonyms and report verbs (`near_copy_rules`).
    Without `near_copies`: about 60 % contradictions and 40 % entailments (drop a modifier,
    round a number), each sentence used once. With it: 40 % contradictions, 40 % entailments
    that are near copies too, 20 % neutral (a modifier, an attribution or a non-factive report
    verb added, a claim about someone else); each sentence used once per label, so that the
    same sentence is seen edited into a contradiction and into an entailment.
    """
    rng = random.Random(seed)
    sentences = list(dict.fromkeys(s.strip() for s in sentences if s.strip()))
    rng.shuffle(sentences)
    pairs: list[NLIPair] = []
    if near_copies:
        near_entailment, near_neutral = near_copy_rules(vocabulary)
        plan = [
            (CONTRADICTION_RULES, "contradiction", 0.4),
            (ENTAILMENT_RULES | near_entailment, "entailment", 0.4),
            (near_neutral, "neutral", 0.1),
        ]
    else:
        plan = [(CONTRADICTION_RULES, "contradiction", 0.6), (ENTAILMENT_RULES, "entailment", 0.4)]
    for rules, label, share in plan:
        used: set[str] = set()
        weight = {name: (weights or {}).get(name, 1.0) for name in rules}
        for name, rule in rules.items():
            # A rule's share of its label, by weight (identity matters most to an editor).
            quota = max(1, int(limit * share * weight[name] / sum(weight.values())))
            made = 0
            for sentence in sentences:
                if made >= quota:
                    break
                if sentence in used:
                    continue
                edited = rule(sentence, rng)
                if not edited or (edited == sentence and name != "identity"):
                    continue
                premise, hypothesis = (
                    (edited, sentence) if name in SWAPPED_ROLES else (sentence, edited)
                )
                used.add(sentence)
                pairs.append(NLIPair(premise, hypothesis, label, f"synthetic:{name}", pool, name))
                made += 1
        if not near_copies:
            sentences = [s for s in sentences if s not in used]  # each sentence used once
    if near_copies:
        quota = int(limit * 0.1)
        found = different_subject_pairs(sentences, quota // 2, rng)
        made_up = people_facts_pairs(TRAIN_PEOPLE_FACTS, quota - len(found), seed)
        for premise, hypothesis in found + made_up:
            pairs.append(
                NLIPair(
                    premise,
                    hypothesis,
                    "neutral",
                    "synthetic:different_subject",
                    pool,
                    "different_subject",
                )
            )
    rng.shuffle(pairs)
    return pairs


# Two sentences of one article that each state a number of their own ("his first visit to
# China since 2019" / "his first attendance at a multilateral event since assuming power in
# 2011"): facts told side by side by one writer, so neither contradicts the other. Without
# such pairs, every near-copy date or count edit in training is a contradiction, and the
# model reads any two claims with the same words around different numbers as conflicting.
# Pairs with some words in common are chosen (as the aligner would bring them together);
# too many in common and one may restate the other, so those are left out.
SAME_ARTICLE_OVERLAP = (0.12, 0.45)  # content-word Jaccard overlap kept
SAME_ARTICLE_PER_BODY = 3  # most-overlapping pairs kept from one article
# Function words only: spaCy's stop list also holds "first", "since" and "last", the very
# words these pairs should be seen sharing.
STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "his",
        "her",
        "their",
        "this",
        "that",
        "with",
        "by",
        "from",
        "as",
        "he",
        "she",
        "they",
        "said",
        "says",
        "will",
        "would",
        "not",
    ]
)
CONTENT_WORD = re.compile(r"[A-Za-z]+|\d[\d,.]*")
NUMERAL = re.compile(r"\d(?:[\d,.]*\d)?")


def content_words(sentence: str) -> set[str]:
    return {w.lower() for w in CONTENT_WORD.findall(sentence)} - STOP_WORDS


def word_overlap(words_a: set[str], words_b: set[str]) -> float:
    """The share of two sentences' content words that both use (Jaccard)."""
    return len(words_a & words_b) / len(words_a | words_b)


def same_article_pairs(bodies: Sequence[str], limit: int, seed: int, pool: str) -> list[NLIPair]:
    """Neutral pairs of sentences from one article, each with numbers the other lacks, both
    ways round; at most `limit` pairs (rows) in all."""
    rng = random.Random(seed)
    low, high = SAME_ARTICLE_OVERLAP
    found: list[tuple[str, str]] = []
    for body in bodies:
        # Each sentence's numbers and content words, read once rather than once per pair.
        sentences = [
            (s, set(NUMERAL.findall(s)), content_words(s))
            for s in dict.fromkeys(sentences_of(body))
            if is_news_sentence(s) and NUMERAL.search(s)
        ]
        scored = []
        for index, (first, numbers_a, words_a) in enumerate(sentences):
            for second, numbers_b, words_b in sentences[index + 1 :]:
                if numbers_a & numbers_b:
                    continue
                overlap = word_overlap(words_a, words_b)
                if low <= overlap < high:
                    scored.append((overlap, first, second))
        scored.sort(reverse=True)
        found.extend((first, second) for _, first, second in scored[:SAME_ARTICLE_PER_BODY])
    rng.shuffle(found)
    pairs = [
        NLIPair(premise, hypothesis, "neutral", "synthetic:same_article", pool, "same_article")
        for first, second in found
        for premise, hypothesis in ((first, second), (second, first))
    ]
    return pairs[:limit]


# Sentences of two stories share at most this share of their content words.
TWO_STORIES_MAX_OVERLAP = 0.2
# Shorter than a usual news sentence, so that headline-length statements are drawn too.
TWO_STORIES_MIN_WORDS = 6


def two_stories_pairs(bodies: Sequence[str], limit: int, seed: int, pool: str) -> list[NLIPair]:
    """Neutral pairs of sentences from two different articles that share no number and few
    content words: two stories, neither of which says anything of the other. SNLI reads
    two sentences as one scene and labels such pairs contradiction; a model that learnt it
    reads "Turkey president appeals for calm" / "Texas house provisionally approves abortion
    law" as a contradiction. At most `limit` pairs (rows) in all."""
    rng = random.Random(seed)
    by_body = [
        [
            (s, set(NUMERAL.findall(s)), content_words(s))
            for s in sentences_of_bodies([body], TWO_STORIES_MIN_WORDS)
        ]
        for body in bodies
    ]
    by_body = [sentences for sentences in by_body if sentences]
    pairs: list[NLIPair] = []
    for _ in range(limit * 4):  # tries: most random draws qualify
        if len(pairs) >= limit or len(by_body) < 2:
            break
        one, other = rng.sample(range(len(by_body)), 2)
        first, numbers_a, words_a = rng.choice(by_body[one])
        second, numbers_b, words_b = rng.choice(by_body[other])
        if numbers_a & numbers_b or not words_a or not words_b:
            continue
        if word_overlap(words_a, words_b) > TWO_STORIES_MAX_OVERLAP:
            continue
        pairs.append(
            NLIPair(first, second, "neutral", "synthetic:two_stories", pool, "two_stories")
        )
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


def is_news_sentence(sentence: str, min_words: int = 8, max_words: int = 45) -> bool:
    """A whole statement of a usable length (not a heading, caption or run-on paragraph)."""
    return min_words <= len(sentence.split()) <= max_words and sentence.endswith(".")


def sentences_of_bodies(
    bodies: Iterable[str], min_words: int = 8, max_words: int = 45
) -> list[str]:
    """The usable sentences (`is_news_sentence`) of article texts."""
    return [
        sentence
        for text in bodies
        for sentence in sentences_of(text)
        if is_news_sentence(sentence, min_words, max_words)
    ]


def news_sentences(path: Path, min_words: int = 8, max_words: int = 45) -> list[str]:
    """Sentences from news bodies (see `news_bodies`)."""
    return sentences_of_bodies(news_bodies(path), min_words, max_words)
