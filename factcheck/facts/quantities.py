"""Quantities in claims, read as ranges and compared with the same counted thing.

Exact counts, counts with a hedge ("about 30,000", "more than 40"), vague amounts
("thousands", "tens of thousands"), scales ("2.5 billion"), money ("$2.5 billion"),
percentages and fractions ("40 %", "nearly half"), measures in units (km, miles, kg,
tonnes: converted to one base unit) and ordinals ("the third time"). Ranges that overlap
agree; ranges that cannot both be true contradict. Years, dates' day numbers and list
indices are not counts.

Hand-written, because the parsers that exist (quantulum3, number-parser) read numbers but
not vague amounts as ranges, nor which noun a number counts; both matter here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from factcheck.facts.words import SENTENCE_BREAK, sentence_breaks
from factcheck.schema import Reason

INF = math.inf
# Vague amounts as ranges; ordered longest phrase first so that "tens of thousands" wins
# over "thousands".
VAGUE_RANGES: list[tuple[str, tuple[float, float]]] = [
    ("hundreds of thousands", (200_000, 999_999)),
    ("tens of thousands", (20_000, 99_999)),
    ("tens of millions", (20_000_000, 99_999_999)),
    ("hundreds of millions", (200_000_000, 999_999_999)),
    ("millions", (2_000_000, 999_999_999)),
    ("thousands", (2_000, 9_999)),
    ("hundreds", (200, 999)),
    ("dozens", (24, 99)),
    ("scores", (40, 99)),
    ("a dozen", (10, 14)),
    ("a handful", (2, 6)),
    ("a few", (2, 6)),
    # Up to the teens: "11 commercial aircraft have gone missing" / "the disappearance of
    # several commercial planes" (FNC-1 bodies 653 and 920) tell one loss.
    ("several", (3, 19)),
]
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_TENS = "|".join(word for word, value in NUMBER_WORDS.items() if value in range(20, 100, 10))
_UNITS = "|".join(word for word, value in NUMBER_WORDS.items() if value < 10)
# "Twenty-two", "forty five": a ten and a unit, read before the ten alone.
COMPOUND_NUMBER = rf"(?:{_TENS})[\s-](?:{_UNITS})\b"
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A scale word, or "hundred" before a larger one ("three hundred thousand"): "Three hundred
# soldiers" are 300 (read as "Three" of "hundred", they "conflicted" with "300 soldiers").
_LARGER_SCALES = "|".join(word for word in SCALES if word != "hundred")
_SCALE = rf"hundred(?:\s+(?:{_LARGER_SCALES}))?|{_LARGER_SCALES}"


def _scale_value(words: str | None) -> float:
    """What the scale words after a number multiply it by ("hundred thousand": 100,000;
    none: 1)."""
    value = 1.0
    for word in (words or "").lower().split():
        value *= SCALES.get(word, 1)
    return value


MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
# How English news rounds numbers: what "about 30,000" or a bare "2,000" may stand for, and
# how far a converted measure may be rounded. These define what a number means (the tests
# in tests/test_facts.py pin them), not a threshold to tune per use, so they are constants
# here rather than settings in configs/compare.yaml.
ROUNDING_TOLERANCE = 0.1  # "about 30,000" covers ±10 %
ROUND_NUMBER_TOLERANCE = 0.05  # an unhedged round number ("2,000") covers ±5 %
RANGE_END_TOLERANCE = 0.001  # the ends of a stated range ("$3.515 to $3.575 billion") are exact
ROUNDED_TENS_TOLERANCE = 0.01  # ... and one rounded to its tens ("$350" for $349), ±1 %
# ... and a whole number of a scale word ("$15 billion" for $15.2 billion) just under half
# that unit either way, so that two whole numbers ("$15 billion", "$16 billion") never meet.
ROUNDED_UNIT_SHARE = 0.499
# Not nouns: "on Aug. 28 after she stopped breathing" / "at age 81 after going on life
# support" (FNC-1 bodies 935 and 1150) counted "after".
STOP_NOUNS = {
    *("of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "per", "percent"),
    *("after", "before", "since", "during", "until", "when", "while", "by", "with", "from"),
}
# "first" before these names a role or a thing, not the first of several: "First Lady
# Michelle Obama" (FNC-1 bodies 1975 and 2453 "agreed" by it), "first responders".
FIRST_COMPOUNDS = {
    "lady",
    "gentleman",
    "family",
    "minister",
    "secretary",
    "responder",
    "responders",
    "aid",
    "class",
    "person",
    "hand",
}

_VAGUE = "|".join(re.escape(p) for p, _ in VAGUE_RANGES)
VAGUE_AMOUNT = re.compile(rf"(?<!\w)(?:{_VAGUE})(?!\w)", re.IGNORECASE)
# A whole number and a common fraction ("6 1/2 feet", "2½ hours") is read whole, first, or
# the fraction's denominator alone would be read as the amount; no number is read after a
# slash ("24/7", "9/11").
_MIXED = r"(?:\d+(?:\s+|-))?[1-7]/[2348](?![\d/])|\d+\s?[½¼¾⅓⅔]"
FRACTION_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# Digits grouped the Indian way ("9,34,200 square feet" is 934,200, FNC-1 body 2329) are
# read whole; no number starts right after a digit and a comma (it would be "34,200").
_NUMBER = (
    r"(?<![/\d])(?<!\d,)(?:"
    + _MIXED
    + r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|"
    + COMPOUND_NUMBER
    + "|"
    + "|".join(NUMBER_WORDS)
    # "a thousand calls" is "1,000 calls": the article is the number before a scale.
    + rf"|a(?=\s+(?:{_SCALE})\b)"
)
_HEDGE = (
    r"about|around|roughly|approximately|some|nearly|almost|more than|over|at least|"
    r"fewer than|less than|under|up to|as many as|as much as|"
    # A verb that says "more than": "iPhone shipments to exceed 61 million units" holds
    # "61.7 million" (FNC-1 bodies 2099 and 2396).
    r"exceed|exceeds|exceeded|exceeding|surpass|surpasses|surpassed|surpassing"
)
# Hedges that bound an amount from above: up to it, or below it.
UPPER_HEDGES = {"up to", "as many as", "as much as"}
BELOW_HEDGES = {"fewer than", "less than", "under"}
EXCEEDING = re.compile(r"exceed\w*|surpass\w*")


def _plain_hedge(hedge: str) -> str:
    """A hedge in lower case, a verb that says "more than" ("exceeds") as "more than"."""
    return "more than" if EXCEEDING.fullmatch(hedge.lower()) else hedge.lower()


# Every pattern that starts with a word starts at a word: "Everyone" holds no "one",
# "underscores" no "scores", "behalf" no "half". A number after letters and a hyphen is part
# of a name ("an F-16 fighter jet", "COVID-19 patients"), no count.
QUANTITY = re.compile(
    rf"(?<!\w)(?<![A-Za-z]-)(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:(?P<vague>{_VAGUE})|(?P<number>{_NUMBER})"
    rf"(?:\s+(?P<scale>{_SCALE}))?)(?:\s+|(?<=\w)-(?=[a-z]))(?:of\s+)?"
    rf"(?:(?:the|their|its)\s+)?(?P<noun>[a-z][a-z]+(?:-[a-z]+)*)"
    # "10 members of the militant group": what the members are members of, which another
    # claim may count instead ("dozens of the militants").
    rf"(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<of>[a-z]+(?:\s+[a-z]+)?))?",
    re.IGNORECASE,
)

RANGE = re.compile(
    rf"(?<!\w)(?:between\s+)?(?P<low>{_NUMBER})\s*(?:to|-|–|and|or)\s*(?P<high>{_NUMBER})"
    rf"(?:\s+(?P<scale>{_SCALE}))?\s+(?:of\s+)?(?P<noun>[a-z][a-z-]+)",
    re.IGNORECASE,
)
# Two vague amounts as one guess between them: "hundreds, sometimes thousands of emails",
# "dozens or even hundreds of people", "hundreds if not thousands".
VAGUE_RANGE = re.compile(
    rf"(?<!\w)(?P<low>{_VAGUE}),?\s+(?:(?:or|to|and|if\s+not)\s+)?"
    r"(?:(?:sometimes|even|perhaps|possibly|maybe|potentially)\s+)?"
    rf"(?P<high>{_VAGUE}),?\s+(?:of\s+)?(?P<noun>[a-z][a-z-]+)",
    re.IGNORECASE,
)
NEGATED_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno)\b\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    text: str
    low: float
    high: float
    noun: str
    bound: str = ""  # "upper" ("up to 240") or "lower" ("more than 40"): one-sided hedges
    anchor: float = 0.0  # the number the hedge bounds
    of: tuple[str, ...] = ()  # what the counted things belong to ("members of the group")

    def describe(self) -> str:
        def number(value: float) -> str:
            if value == INF:
                return "∞"
            return f"{value:,.2f}".rstrip("0").rstrip(".")

        span = (
            number(self.low) if self.low == self.high else f"{number(self.low)}–{number(self.high)}"
        )
        return f'"{self.text}" ({span})'


def _value(token: str) -> float:
    token = token.lower()
    if token == "a":
        return 1.0  # "a thousand": one of the scale that follows
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if re.fullmatch(COMPOUND_NUMBER, token):
        ten, unit = re.split(r"[\s-]", token)
        return float(NUMBER_WORDS[ten] + NUMBER_WORDS[unit])
    if mixed := re.fullmatch(r"(?:(\d+)(?:\s+|-))?(\d)/(\d)", token):
        whole, numerator, denominator = (int(group or 0) for group in mixed.groups())
        return whole + numerator / denominator
    if token[-1] in FRACTION_VALUES:
        return float(token[:-1].strip()) + FRACTION_VALUES[token[-1]]
    return float(token.replace(",", ""))


# One thing counted under two names ("four North African countries" / "four North African
# nations", MSRP).
COUNTED_SYNONYMS = {"nation": "country"}


def _noun_key(noun: str) -> str:
    """A crude lemma: "troops" and "troop" count the same thing."""
    noun = noun.lower()
    for suffix, replacement in (("ies", "y"), ("ves", "f"), ("s", "")):
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            noun = noun[: -len(suffix)] + replacement
            break
    return COUNTED_SYNONYMS.get(noun, noun)


def _round_range(
    written: str, value: float, hedge: str | None, scale: float = 1.0
) -> tuple[float, float]:
    """ "2,000" beside "2,084", "$4,500" beside "$4,450": a round number as written (two or
    more trailing zeros, no hedge) is a rounded one, ±5 %; "$350" beside "$349", a price
    rounded to its tens, ±1 %. A whole number before a scale word (`scale`: "$15 billion")
    is rounded to that unit: just under half of it either way (`ROUNDED_UNIT_SHARE`), at
    most ±5 % ("$15.2 billion", FNC-1 bodies 1370 and 1500)."""
    if hedge:
        return value, value
    margin = 0.0
    if re.fullmatch(r"[1-9][\d,]*00", written):
        margin = value * ROUND_NUMBER_TOLERANCE
    elif value >= 100 and re.fullmatch(r"[1-9][\d,]*0", written):
        margin = value * ROUNDED_TENS_TOLERANCE
    if scale > 1 and re.fullmatch(r"\d[\d,]*", written):
        margin = max(margin, min(scale * ROUNDED_UNIT_SHARE, value * ROUND_NUMBER_TOLERANCE))
    return value - margin, value + margin


def _negated_before(text: str, start: int) -> bool:
    """A negation just before an amount turns its meaning round ("doesn't last more than
    one day"): such an amount is not read at all."""
    return bool(NEGATED_BEFORE.search(text[max(0, start - 40) : start]))


def _ranges(text: str) -> list[tuple[int, int, Quantity]]:
    """Stated ranges, "2.5 to 4 hours", "between 20 and 30 people", "50 or 60 doctors" (a
    guess between two): (start, end, range)."""
    found = []
    for match in RANGE.finditer(text):
        noun = match.group("noun").lower()
        if noun in STOP_NOUNS or noun in MONTHS or _negated_before(text, match.start()):
            continue
        scale = _scale_value(match.group("scale"))
        low, high = _value(match.group("low")) * scale, _value(match.group("high")) * scale
        if low >= high or re.fullmatch(r"(1[5-9]|20)\d\d", match.group("high")):
            continue  # "2015 to 2016": years; "4 to 2": not a range
        shown = text[
            match.start() : match.end("scale") if match.group("scale") else match.end("high")
        ]
        found.append((match.start(), match.end(), Quantity(shown, low, high, noun)))
    vague = dict(VAGUE_RANGES)
    for match in VAGUE_RANGE.finditer(text):
        noun = match.group("noun").lower()
        low, high = vague[match.group("low").lower()][0], vague[match.group("high").lower()][1]
        if noun in STOP_NOUNS or low >= high or _negated_before(text, match.start()):
            continue
        shown = text[match.start() : match.end("high")]
        found.append((match.start(), match.end(), Quantity(shown, low, high, noun)))
    return found


# Auxiliaries read where a count's noun would be ("10 were killed"), and the verb after
# one, past "been", "being", "still" or "not" ("have been kidnapped", "are still missing").
AUXILIARY_NOUNS = {"were", "was", "are", "is", "have", "has", "had", "will", "would", "could"}
VERB_AFTER_AUXILIARY = re.compile(
    r"^(?:\s+(?:been|being|be|still|not|also|reportedly|now|already|all))*\s+(?P<verb>[a-z]{3,})\b",
    re.IGNORECASE,
)
# A product's name written in camel case right before a number ("iPhone 6", "iOS 8"):
# the number names the model (FNC-1 bodies 1519 and 1646: "iPhone 6 customers" were six).
PRODUCT_BEFORE = re.compile(r"\b[a-z]+[A-Z][A-Za-z]*\s$")
RANK_TIER = re.compile(r"\btop[\s-]*$")


def extract_quantities(text: str) -> list[Quantity]:
    ranges = _ranges(text)
    found = [quantity for _, _, quantity in ranges]
    for match in QUANTITY.finditer(text):
        noun = match.group("noun").lower()
        if noun in STOP_NOUNS or noun in MONTHS or noun in SCALES:
            continue
        if any(start <= match.start() < end for start, end, _ in ranges):
            continue  # read as part of a range
        if _negated_before(text, match.start()):
            continue
        before = text[: match.start()].rstrip().lower()
        if before.endswith(tuple(MONTHS)):
            continue  # "September 3": a day of the month
        if PRODUCT_BEFORE.search(text[: match.start()]):
            # "iPhone 6 customers", "iOS 8 users": the number is the product's model.
            continue
        if RANK_TIER.search(before):
            # "getting into the top 10 free apps" / "before the 25 free": a tier of a
            # ranking, which a thing in the top 5 is in as well; no count of things.
            continue
        if POINTING_BACK.search(before):
            # "those two menu items", "the other two original members": some of what was
            # counted before, or the rest of it; no total.
            continue
        counted_from = match.start("number") if match.group("number") else match.start()
        if ONE_OF.match(text[counted_from:]) or (
            match.group("number") and PARTITIVE.match(text[counted_from:])
        ):
            # "one of the Taliban Five", "resold two of the buildings": picks some out of
            # the things, counts none of them in all (FNC-1 bodies 1006 and 1240). A vague
            # amount is still a count: "killing dozens of the militants" / "killed 10
            # members of the militant group" (`bench editor`).
            continue
        if noun in PART_WORDS or _part_follows(text, match.end()):
            # "two other U.S. officials", "four more", and "six shots, followed by four
            # more": some of the things counted, no total.
            continue
        if noun in RELATIVES:
            if text[match.start("noun") - 3 : match.start("noun")] == "of ":
                continue  # "took 30 hostages, three of whom have been executed": some of them
            # "at least six bullets including two that hit his skull": the noun left out
            # is the one counted just before in the sentence; with none, no count.
            before_in_sentence = re.split(r"[.!?]\s", text[: match.start()])[-1]
            earlier = [q for q in found if q.text in before_in_sentence and ":" not in q.noun]
            if not earlier:
                continue
            noun = earlier[-1].noun
        if noun in AUXILIARY_NOUNS:
            # "At least 10 were killed", "65 have been kidnapped": the noun left out, what
            # happened to them says what they are ("the past five have seen …" counts years
            # of a group, not the kidnapped: FNC-1 bodies 1139 and 1195).
            verb = VERB_AFTER_AUXILIARY.match(text[match.end("noun") :])
            if verb is None:
                continue
            noun = verb.group("verb").lower()
        noun = (
            _head_after_modifier(text, match)
            or _group_after(text, match)
            or _head_after_adjective(text, match, noun)
            or noun
        )
        if _noun_key(noun) not in SPAN_UNITS and PART_BEFORE.search(text[: match.start()]):
            continue
        if noun in POSSESSIVES:
            # "around 400 of his estimated 50 million followers": the count after the
            # possessive says what these are some of.
            whole = QUANTITY.search(text[match.end("noun") :][:POSSESSIVE_REACH])
            if whole is None:
                continue
            noun = whole.group("noun").lower()
        if match.group("vague"):
            phrase = match.group("vague").lower()
            low, high = dict(VAGUE_RANGES)[phrase]
            value = float(low)
        else:
            raw = match.group("number")
            if re.fullmatch(r"(1[5-9]|20)\d\d", raw) and not match.group("scale"):
                continue  # a year, not a count
            if re.match(r"^\s*\d+[.)]\s", text[max(0, match.start() - 1) :]) and match.start() == 0:
                continue  # a list index
            scale = _scale_value(match.group("scale"))
            value = _value(raw) * scale
            low, high = _round_range(raw, value, match.group("hedge"), scale)
        # "a four-minute, 40-second video" lasts up to 4⅔ minutes, within "almost five
        # minutes"; its first figure alone, read as a rounding of it, still holds.
        high += _smaller_unit(text, match, noun)
        exact_count = not match.group("vague") and float(low).is_integer()
        low, high = _hedged(low, high, match.group("hedge") or "", not exact_count)
        amount_end = (
            match.end("vague")
            if match.group("vague")
            else (match.end("scale") if match.group("scale") else match.end("number"))
        )
        if noun in MASS_POUNDS and _weighing(text, match.start()):
            # "The wels catfish weighed out at 280 pounds": a weight, not a sum of money.
            noun = "measure:mass"
            factor = UNITS["lb"][1]
            value, low, high = value * factor, low * factor, high * factor
            low, high = low * (1 - CONVERSION_TOLERANCE), high * (1 + CONVERSION_TOLERANCE)
            amount_end = match.end("noun")
        elif noun in CURRENCY_WORDS:
            noun = f"money:{CURRENCY_WORDS[noun]}"
        elif _is_unit(noun.split("-")[0]) or (
            noun in AREA_FIRST_WORDS and AREA_UNIT_AFTER.match(text[match.end("noun") :])
        ):
            continue  # a measure: read with its unit below
        if _noun_key(noun) == "time" and (verb := TIMES_VERB.search(text[: match.start()])):
            # "was liked thousands of times" counts likes, as "gained 500 likes" does.
            noun = _verb_as_noun(verb.group(1).lower())
        of_name: tuple[str, ...] = ()
        if _noun_key(noun) == "year" and AGE_AFTER.match(text[match.end("noun") :]):
            noun = "age"
        elif noun.endswith("-old"):
            # "a 113-year-old time capsule", "the 301-year-old building": ages of two things.
            # Of a name, its last word, as an age after a name gives it ("27-year-old Kim Yo
            # Jong" is no "Kim, 31,": FNC-1 bodies 40 and 744).
            following = re.match(
                r"\s+(?:[A-Z][\w'’-]*\s+)*?([A-Z][\w'’-]*)(?![\w'’-]*\s+[A-Z])|\s+([A-Za-z]+)",
                text[match.end("noun") :],
            )
            owner = following and (following.group(1) or following.group(2))
            noun = f"age of {owner.lower()}" if owner else "age"
            # The name's other words tell two people of one surname apart (below).
            given = following.group(0).split()[:-1] if following and following.group(1) else []
            of_name = tuple(word.lower() for word in given)
            # "aged between 13 and 15-years-old": ages from the first to this one.
            joined = AGE_RANGE_BEFORE.search(text[: match.start()])
            if joined and float(joined.group("low")) < low:
                low = float(joined.group("low"))
        bound = "" if match.group("vague") else _bound(match.group("hedge") or "")
        of = tuple(_noun_key(w) for w in (match.group("of") or "").lower().split()) or of_name
        found.append(Quantity(text[match.start() : amount_end], low, high, noun, bound, value, of))
    for match in AGE.finditer(text):  # "at the age of 57", "aged 57", "died … at 58"
        value = float(match.group("age") or match.group("died_at"))
        # "started identifying as a girl at the age of 4": the age something began at, not
        # the age now ("My sweet 16 year old son": FNC-1 bodies 1493 and 1717).
        began = AGE_AT_START.search(text[: match.start()])
        # "girls aged 4 and up": an age group, no one's age (FNC-1 bodies 779 and 1582).
        group = AGE_AND_UP.match(text[match.end() :])
        noun = "age group" if group else "age at start" if began else "age"
        found.append(Quantity(match.group(0).strip(), value, INF if group else value, noun))
    for match in AGE_APPOSITIVE.finditer(text):
        # "Nikolai Kryaglyachenko, 12, had been walking home": the age of the one named, so
        # it is compared only with an age given to the same name.
        value = float(match.group("age"))
        if 0 < value <= MAX_AGE:
            noun = f"age of {match.group('name').lower()}"
            given = GIVEN_NAME_BEFORE.search(text[: match.start("name")])
            of_name = (given.group(1).lower(),) if given else ()
            found.append(Quantity(match.group(0), value, value, noun, of=of_name))
    taken = [(text.find(q.text), text.find(q.text) + len(q.text)) for q in found]
    for extra in _extra_quantities(text):
        start = text.find(extra.text)
        end = start + len(extra.text)
        overlapping = [(a, b) for a, b in taken if a < end and start < b]
        if overlapping and not extra.noun.startswith("money"):
            continue  # already read (money first: "$8.2m" is not 8.2 metres)
        found = [q for q in found if not (q.noun == extra.noun and q.text in extra.text)]
        if extra.noun.startswith("money"):
            # The amount's number read as a count of the noun after it ("$1,820 worth of
            # equipment", "nearly $2,000 of equipment" without its "nearly"): the amount.
            found = [
                q
                for q in found
                if q.noun.startswith("money") or not _within(text, q.text, start, end)
            ]
        found.append(extra)
        taken.append((start, end))
    # "Paler Lin asks Thomas what he would do with $100,000": a question states no amount.
    return [q for q in found if not _asked(text, q) and not _ratio_base(text, q)]


# "one in eight arrests", "1 in 5 adults": a share, whose second number counts nothing.
RATIO_BEFORE = re.compile(r"\b(?:one|a|\d+)\s+(?:in|of\s+every)\s+$", re.IGNORECASE)


def _ratio_base(text: str, quantity: Quantity) -> bool:
    """Whether an amount is the base of a ratio ("approximately one in eight arrests made
    by the police": FNC-1 bodies 1732 and 1802, against "20,413 marijuana-related
    arrests")."""
    before = _text_before(text, quantity)
    return bool(before and RATIO_BEFORE.search(before))


ASKED = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\b.*\b(?:what|whether|if|how)\b", re.IGNORECASE
)


def _asked(text: str, quantity: Quantity) -> bool:
    """Whether an amount lies in an indirect question of its own clause."""
    before = _clause_before(text, quantity)
    return before is not None and bool(ASKED.search(before))


# A span told in two units, the larger first: what the smaller one is worth in the larger.
SMALLER_UNITS = {
    "hour": ("minute", 60),
    "minute": ("second", 60),
    "year": ("month", 12),
    "day": ("hour", 24),
    "week": ("day", 7),
}
# What may stand between the larger unit and the smaller one: "four-minute, 40-second",
# "two hours and 15 minutes", "8ft 9in".
THEN_SMALLER = r"^\s*,?\s*(?:and\s+)?"
SMALLER_AFTER = re.compile(
    rf"{THEN_SMALLER}(?P<number>{_NUMBER})[\s-]+(?P<unit>[a-z]+)\b", re.IGNORECASE
)


def _smaller_unit(text: str, match: re.Match[str], noun: str) -> float:
    """The part of a span told in a smaller unit right after it ("four-minute, 40-second",
    "two hours and 15 minutes"), in the larger unit; 0 without one."""
    smaller = SMALLER_UNITS.get(_noun_key(noun))
    following = SMALLER_AFTER.match(text[match.end("noun") :]) if smaller else None
    if not smaller or not following or _noun_key(following.group("unit")) != smaller[0]:
        return 0.0
    return _value(following.group("number")) / smaller[1]


def _within(text: str, inner: str, start: int, end: int) -> bool:
    """Whether some occurrence of `inner` in `text` lies within text[start:end]."""
    at = text.find(inner, start)
    return at != -1 and at + len(inner) <= end


CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
CURRENCY_WORDS = {
    "dollar": "dollar",
    "dollars": "dollar",
    "usd": "dollar",
    "euro": "euro",
    "euros": "euro",
    "eur": "euro",
    "pound": "pound",
    "pounds": "pound",
    "gbp": "pound",
    "yuan": "yuan",
    "yen": "yen",
    "rupees": "rupee",
    "rupee": "rupee",
}
# A unit news writes for more than one size, read from its smallest up to its largest: a
# "ton" may be short (907 kg), metric or long (1,016 kg): "1 ton of TNT" / "1 tonne of TNT"
# (FNC-1 bodies 767 and 1056) are one blast.
UNIT_SPANS = {"ton": 1016.047 / 907.185}
# "pounds" after a word of weighing in the same clause weigh; else they are money.
MASS_POUNDS = {"pound", "pounds"}
WEIGHING = re.compile(r"\b(?:weigh\w*|heav(?:y|ier|iest))\b", re.IGNORECASE)
# Units as (dimension, factor to the base unit): metres and kilograms.
UNITS = {
    "km": ("length", 1000.0),
    "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "metre": ("length", 1.0),
    "meter": ("length", 1.0),
    "mile": ("length", 1609.344),
    "mi": ("length", 1609.344),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "kg": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "kilo": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
    "ton": ("mass", 907.185),
    "lb": ("mass", 0.45359),
    "pound-weight": ("mass", 0.45359),
    "acre": ("area", 4046.86),
    "hectare": ("area", 10000.0),
    "square foot": ("area", 0.092903),
    "square feet": ("area", 0.092903),
    "sq ft": ("area", 0.092903),
    "square metre": ("area", 1.0),
    "square meter": ("area", 1.0),
    "square kilometre": ("area", 1e6),
    "square kilometer": ("area", 1e6),
    "sq km": ("area", 1e6),
    "square mile": ("area", 2.58999e6),
}
# The first word of an area's unit ("2,475 square feet"): no count of "square" things
# (but "three square meals" are meals).
AREA_FIRST_WORDS = {"square", "sq"}
AREA_UNIT_AFTER = re.compile(r"\s+(?:feet|foot|ft|met(?:re|er)s?|kilomet(?:re|er)s?|km|miles?)\b")
INCH = 0.0254  # metres: inches are read only after feet ("8ft 9in"), "in" being a preposition
INCHES_AFTER = re.compile(rf"{THEN_SMALLER}(?P<inches>\d{{1,2}})\s*(?:in|inch|inches)\b")
CONVERSION_TOLERANCE = 0.03  # "5 km" and "3.1 miles" are the same distance, rounded
FRACTIONS = {
    "half": 50.0,
    "a third": 33.3,
    "one third": 33.3,
    "two thirds": 66.7,
    "two-thirds": 66.7,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_HEDGE_GROUP = rf"(?:(?P<hedge>{_HEDGE})\s+)?"
# "$40 (£26) million": the sum converted in brackets before its scale, which is both's.
MONEY = re.compile(
    _HEDGE_GROUP + rf"(?P<symbol>[$€£¥])\s?(?P<number>{_NUMBER})"
    r"(?:\s*\([$€£¥]\s?[\d.,]+\))?"
    rf"(?:[\s-]*(?P<scale>{_SCALE}|bn|b|m)\b)?",
    re.IGNORECASE,
)
# "between $1000 and $5000", "$4,000 to $5,000": one amount known to lie between two.
MONEY_RANGE = re.compile(
    rf"(?<!\w)(?P<between>between\s+)?(?P<symbol>[$€£¥])\s?(?P<low>{_NUMBER})"
    rf"(?:[\s-]*(?P<low_scale>{_SCALE}|bn|b|m)\b)?\s*(?P<joint>to|-|–|and)\s*"
    rf"[$€£¥]?\s?(?P<high>{_NUMBER})(?:[\s-]*(?P<high_scale>{_SCALE}|bn|b|m)\b)?",
    re.IGNORECASE,
)
PERCENT = re.compile(
    r"(?<!\w)"
    + _HEDGE_GROUP
    + rf"(?:(?P<number>{_NUMBER})\s*(?:%|per\s?cent\b)"
    + rf"|(?P<fraction>{'|'.join(sorted(FRACTIONS, key=len, reverse=True))})\b)"
    + r"(?:\s+of\s+(?:the\s+|all\s+)?(?P<noun>[a-z][a-z-]+))?",
    re.IGNORECASE,
)
# A percentage of change ("grew 511 percent", "increase by more than 500%", "a 20 % drop")
# measures a change, not a level ("55 percent market share"): the two are never compared.
CHANGE = "change"
_CHANGE_WORDS = (
    r"ris|rose|increas|grow|grew|jump|climb|surg|soar|gain|fall|fell|drop|declin|decreas|"
    r"slump|plung|tumbl|boost|rais|lower|reduc|hike|hiking|cut"
)
CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGE_WORDS})\w*(?:\s+by)?\s*$", re.IGNORECASE)
CHANGE_AFTER = re.compile(rf"^[\s-]*(?:{_CHANGE_WORDS})\w*\b", re.IGNORECASE)


# A market's move anywhere before a share in its clause ("slipped 4.77, or 0.5 percent").
_MOVE_WORDS = (
    "slip|slid|shed|lost|lose|added|advanc|eased|dipped|sank|sunk|edged|leap|firm|rall|retreat"
)
MOVE = re.compile(
    rf"\b(?:(?:{_CHANGE_WORDS}|{_MOVE_WORDS})\w*|(?:up|down)\b(?!\s+to\b))", re.IGNORECASE
)


def _is_change(text: str, start: int, end: int) -> bool:
    return bool(CHANGE_BEFORE.search(text[:start]) or CHANGE_AFTER.match(text[end:]))


# Which way from a place a distance runs ("six miles west of", "a mile to the west of").
DIRECTIONS = tuple(
    f"{to}{side}" for to in ("", "to the ") for side in ("north", "south", "east", "west")
)
# The dimension a measure gives ("40 feet wide", "a 16-foot-deep hole"): a width and a depth
# of one thing are two facts, not a conflict.
ASPECTS = (
    "wide",
    "deep",
    "long",
    "tall",
    "high",
    "thick",
    "across",
    "away",
    "in diameter",
    "in length",
    "in width",
    "in height",
    "in depth",
    # A distance from something or gone ("about 1,000 feet (300 meters) from the Camino Real
    # Hotel", "bolted 100 metres downstream": FNC-1 bodies 9 and 217, 188 and 1028).
    "from",
    "downstream",
    "upstream",
    # ... or where from a place ("some six miles west of Baghdad" / "one mile to the west of
    # the city": FNC-1 bodies 369 and 1086).
    *DIRECTIONS,
)
ASPECT_AFTER = re.compile(rf"^[\s-](?P<aspect>{'|'.join(ASPECTS)})\b", re.IGNORECASE)
# The same aspect in other words: "8.7 feet in length" and "8ft 9in long" measure one length.
ASPECT_SYNONYMS = {
    "in length": "long",
    "in width": "wide",
    "in height": "high",
    "in depth": "deep",
    "across": "wide",
    "from": "away",
    "downstream": "away",
    "upstream": "away",
    **dict.fromkeys(DIRECTIONS, "away"),
}
# A conversion in brackets between a measure and its aspect ("12 meters (40 feet) across"),
# or closing after a converted one ("(40 feet) across"): the aspect is both figures'.
ASPECT_AFTER_BRACKET = re.compile(
    rf"^(?:\s*\([^()]{{1,40}}\))?\)?[\s-](?P<aspect>{'|'.join(ASPECTS)})\b", re.IGNORECASE
)
_UNIT = "|".join(unit.replace(" ", r"\s+") for unit in sorted(UNITS, key=len, reverse=True))
MEASURE = re.compile(
    _HEDGE_GROUP
    + rf"(?P<number>{_NUMBER})(?:\s+(?P<scale>{_SCALE}))?[\s-]?(?P<unit>{_UNIT})"
    + rf"(?P<plural>e?s)?\b(?:[\s-](?P<aspect>{'|'.join(ASPECTS)})\b)?(?:\s+(?P<after>[a-z]+))?",
    re.IGNORECASE,
)
# Words before a measure that are not the thing measured ("a crater about 40 feet wide").
MEASURE_SKIP = {
    "a",
    "an",
    "the",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "was",
    "is",
    "are",
    "were",
    "be",
    "been",
    "being",
    "of",
    "at",
    "by",
    "to",
}
# Area inside buildings ("square feet of office space", "of retail space"), which a site's
# area ("a 106-acre campus") does not bound.
FLOOR_SPACE_AFTER = re.compile(r"^\s+of\s+(?:[a-z]+\s+){0,2}?(?:space|floor\s*space)\b", re.I)
CONVERTED_BEFORE = re.compile(
    rf"(?:{_NUMBER})(?:\s+(?:{_SCALE}))?[\s-]?(?:{_UNIT})(?:e?s)?\s*\(\s*$",
    re.IGNORECASE,
)
# The verb that gives a measure ("measuring", "measured", "spans"), hedged or not ("measuring
# something like 12 meters"): the word before the measure names no thing.
MEASURING_VERB = re.compile(r"measur\w*|span\w*|like|something")
# A verb in -ed just before "N times": what is counted is that verb's action.
TIMES_VERB = re.compile(
    r"\b([a-z]{3,}ed)\s+(?:(?:about|around|some|more\s+than|over|nearly|almost)\s+)?$"
)


def _verb_as_noun(verb: str) -> str:
    """ "liked" → "act:lik": the action as a count, matched against a counted noun that
    starts with the verb's stem ("likes"), since English drops a silent e before -ed."""
    stem = verb[:-3] + "y" if verb.endswith("ied") else verb[:-2]
    return f"act:{stem}"


AGE = re.compile(
    r"\b(?:at\s+the\s+age\s+of|aged)\s+(?P<age>\d{1,3})\b"
    r"|\b(?:died|dies|dead|death)\b[^.;]{0,40}?\bat\s+(?P<died_at>\d{1,3})\b(?!\d|[:.,]\d|\s*(?:[ap]\.?m|%))",
    re.IGNORECASE,
)
# A verb of beginning close before "at the age of" ("began playing the piano at the age of 5").
AGE_AT_START = re.compile(r"\b(?:start|began|begin|first)\w*\b(?:\W+\w+){0,6}?\W*$", re.IGNORECASE)
# A person's age set after their name between commas, as news writes it ("Kadalim, 26,
# says"; "Nikolai Kryaglyachenko, 12, from Russia").
AGE_APPOSITIVE = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:['’-][A-Za-z]+)?),\s(?P<age>\d{1,3}),(?=\s)")
MAX_AGE = 120
GIVEN_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
AGE_AND_UP = re.compile(r"^\s*(?:\+|and\s+(?:up|over|older|above)\b)", re.IGNORECASE)
AGE_RANGE_BEFORE = re.compile(r"\b(?P<low>\d{1,3})\s+(?:and|to|or)\s+$")
# "two years and 10 months old", "four years old": an age, not a span of years.
AGE_AFTER = re.compile(r"^(?:\s+and\s+\w+\s+months?)?\s+old\b", re.IGNORECASE)
ORDINAL = re.compile(
    # Not after "40-": "a 40-second video" is forty seconds long, not the second video.
    rf"(?<!\d-)\b(?P<ordinal>{'|'.join(ORDINALS)}|(?P<digits>\d{{1,2}})(?:st|nd|rd|th))\s+"
    r"(?:(?:[a-z]+-)?(?:consecutive|straight|successive|annual)\s+)?(?P<noun>[a-z][a-z-]+)",
    re.IGNORECASE,
)

# What an ordinal is the nth of: "the second anniversary of the raid" / "the 13th
# anniversary of the terror attack" number two things' anniversaries.
# What an ordinal numbers the nth of: "the first anniversary of his disappearance", also
# a few words on ("the 56th anniversary this week of Castro's entry", "the 20th anniversary
# memorial commemorating the death of his grandfather"), or its owner before it ("the
# party's 69th anniversary", "the Workers' Party 69th anniversary"): FNC-1 bodies 2221 and
# 2399, 2470 and 2477 numbered four anniversaries of four things as one.
ORDINAL_OF = re.compile(
    r"(?:\s+[a-z]+){0,4}?\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+)?(?P<of>[A-Za-z]+)"
)
ORDINAL_OWNER_BEFORE = re.compile(r"\b(?:(?P<of>[A-Za-z]+)['’]s|(?P<name>[A-Z][a-z]+))\s+$")
# An ordinal opening a sentence as its subject says which one the sentence is about, not
# how many there were: "The first time it happened was back in April" / "… for the second
# time this year", "The second victim was identified as …" / "The first victim …" tell of
# two occurrences, two victims (real articles: FNC-1 bodies 1559 and 2341).
ORDINAL_NAMES_WHICH = re.compile(r"(?:^|[.!?]\s+)[\"“‘']?the\s+$", re.IGNORECASE)


def _hedged(low: float, high: float, hedge: str, vague: bool = True) -> tuple[float, float]:
    """A value's range after its hedge: "about" ±10 %, "more than" open-ended, … Only an
    exact count (`vague` false) moves by one: "more than 40 people" is 41 or more, while
    "over 10 %" or "under €12.50" may be a rounded 10 % or €12.50."""
    hedge = _plain_hedge(hedge)
    if hedge in {"about", "around", "roughly", "approximately", "some"}:
        return low * (1 - ROUNDING_TOLERANCE), high * (1 + ROUNDING_TOLERANCE)
    if hedge in {"nearly", "almost"}:
        return low * (1 - ROUNDING_TOLERANCE), high
    if hedge in {"more than", "over"}:
        return low + (0 if vague else 1), INF
    if hedge == "at least":
        return low, INF
    if hedge in BELOW_HEDGES:
        return 0, low - (0 if vague else 1)
    if hedge in UPPER_HEDGES:
        return 0, high
    return low, high


def _money_scale(word: str | None) -> float:
    """What a scale word after a sum multiplies it by ("million", "bn", "b", "m"; none:
    1). "$1.4b in expansion fees" is $1.4 billion (FNC-1 bodies 1443 and 1685)."""
    word = (word or "").lower()
    return {"bn": 1e9, "b": 1e9, "m": 1e6}.get(word, _scale_value(word))


def _extra_quantities(text: str) -> list[Quantity]:
    """Money, percentages and fractions, measures in units, and ordinals."""
    found = []
    ranges = []
    for match in MONEY_RANGE.finditer(text):
        scales = [_money_scale(match.group(g)) for g in ("low_scale", "high_scale")]
        # "$1 to $2 billion": a scale written once belongs to both ends.
        low_scale = scales[0] if match.group("low_scale") else scales[1]
        low, high = _value(match.group("low")) * low_scale, _value(match.group("high")) * scales[1]
        if low >= high or (match.group("joint") == "and" and not match.group("between")):
            continue  # "$5 - $2", "$3 million and $42 million": two amounts, no range
        currency = CURRENCIES[match.group("symbol")]
        shown = match.group(0).strip()
        found.append(Quantity(shown, low, high, f"money:{currency}", bound="range"))
        ranges.append(match.span())
    for match in MONEY.finditer(text):
        if any(start <= match.start() < end for start, end in ranges):
            continue  # read as part of a range
        scale = _money_scale(match.group("scale"))
        value = _value(match.group("number")) * scale
        low, high = _round_range(match.group("number"), value, match.group("hedge"), scale)
        low, high = _hedged(low, high, match.group("hedge") or "")
        currency = CURRENCIES[match.group("symbol")]
        bound = _bound(match.group("hedge") or "")
        found.append(Quantity(match.group(0).strip(), low, high, f"money:{currency}", bound, value))
    for match in PERCENT.finditer(text):
        if match.group("fraction") and _span_follows(text, match.end("fraction")):
            continue  # "per half hour", "a quarter century": a span of time, no share
        if match.group("fraction"):
            value = FRACTIONS[match.group("fraction").lower()]
            low, high = _hedged(value * 0.95, value * 1.05, match.group("hedge") or "")
        else:
            value = _value(match.group("number"))
            low, high = _hedged(value, value, match.group("hedge") or "")
        noun = (match.group("noun") or "").lower()
        end = match.end("number") if match.group("number") else match.end("fraction")
        shown = text[match.start() : end + (1 if text[end : end + 1] == "%" else 0)]
        if PART_BEFORE.search(text[: match.start()]):
            continue  # "will take another 45 percent": one more share, not the whole's
        if _is_change(text, match.start(), match.end()):
            noun = CHANGE  # "rose 500 %", "a 20 % drop": a change, never a share's level
        found.append(Quantity(shown.strip(), low, high, f"percent:{_noun_key(noun)}"))
    for match in MEASURE.finditer(text):
        unit = " ".join(match.group("unit").lower().split())
        dimension, factor = UNITS[unit]
        scale = _scale_value(match.group("scale"))
        value = _value(match.group("number")) * scale * factor
        hedge = match.group("hedge") or ""
        low, high = _hedged(value, value, hedge)
        if not hedge:
            low, high = value * (1 - CONVERSION_TOLERANCE), value * (1 + CONVERSION_TOLERANCE)
        high *= UNIT_SPANS.get(unit, 1.0)
        unit_end = match.end("plural") if match.group("plural") else match.end("unit")
        # "8ft 9in", "six feet, two inches": up to that much longer than the feet alone.
        inches = INCHES_AFTER.match(text[unit_end:]) if factor == UNITS["foot"][1] else None
        if inches:
            high += float(inches.group("inches")) * INCH
        aspect = (match.group("aspect") or "").lower()
        shown_end = match.end("aspect") if aspect else unit_end
        if inches and not aspect:
            # "8ft 9in long": the aspect comes after the inches.
            after_inches = ASPECT_AFTER.match(text[unit_end + inches.end() :])
            aspect = after_inches.group("aspect").lower() if after_inches else ""
            shown_end = unit_end + inches.end() + (after_inches.end() if after_inches else 0)
        if not aspect:
            bracketed = ASPECT_AFTER_BRACKET.match(text[unit_end:])
            aspect = bracketed.group("aspect").lower() if bracketed else ""
        aspect = ASPECT_SYNONYMS.get(aspect, aspect)
        key = f"measure:{dimension}"
        if dimension == "area" and FLOOR_SPACE_AFTER.match(text[unit_end:]):
            key += ":floor-space"  # "1.7 million square feet of office space": no land area
        if aspect:
            key += f":{aspect.replace(' ', '-')}:{_measured_thing(text, match)}"
        shown = text[match.start() : shown_end]
        found.append(Quantity(shown.strip(), low, high, key))
    for match in ORDINAL.finditer(text):
        word = match.group("ordinal").lower()
        value = float(match.group("digits") or ORDINALS[word])
        if match.group("digits") and text[: match.start()].rstrip().lower().endswith(tuple(MONTHS)):
            continue  # "September 3rd": a date
        noun = match.group("noun").lower()
        if noun in STOP_NOUNS or noun in MONTHS or _negated_before(text, match.start()):
            continue  # "this isn't the first time": no ordinal stated
        if word == "first" and noun in FIRST_COMPOUNDS:
            continue
        if ORDINAL_NAMES_WHICH.search(text[: match.start()]):
            continue
        of = ORDINAL_OF.match(text[match.end("noun") :]) or ORDINAL_OWNER_BEFORE.search(
            text[: match.start()]
        )
        owner = of and (of.group("of") or of.group("name"))
        what = (_noun_key(owner.lower()),) if owner else ()
        key = f"ordinal:{_noun_key(noun)}"
        found.append(Quantity(match.group("ordinal"), value, value, key, of=what))
    return found


def _measured_thing(text: str, match: re.Match[str]) -> str:
    """The noun a measure with an aspect is about: the word after a hyphenated one ("a
    16-foot-deep hole"), else the nearest word before it ("a crater 40 feet wide", "the
    asteroid, about 60 feet wide")."""
    # Joined to the thing only by a hyphen after the unit: "40-feet wide and" names none.
    unit_end = match.end("plural") if match.group("plural") else match.end("unit")
    joined = match.group("aspect") and text[unit_end : unit_end + 1] == "-"
    if joined and match.group("after"):
        return _noun_key(match.group("after").lower())
    # A conversion in brackets ("12 meters (40 feet) across") measures what the first does.
    before_text = CONVERTED_BEFORE.sub("", text[: match.start()])
    before = re.findall(r"[a-z]+", before_text.lower())
    words = [w for w in before[-4:] if w not in MEASURE_SKIP]
    if not words or MEASURING_VERB.fullmatch(words[-1]):
        return ""  # "the crater … measured 40 feet wide": the thing is further back, unread
    return _noun_key(words[-1])


def _key(quantity: Quantity) -> str:
    """What a quantity counts: a noun's lemma, or the kind of measure ("money:dollar")."""
    return quantity.noun if ":" in quantity.noun else _noun_key(quantity.noun)


def anchor_keys(text: str) -> set[str]:
    """What a claim counts ("quantity:troop"): claims counting the same thing are worth judging
    even when their wording differs."""
    return {f"quantity:{_key(q)}" for q in extract_quantities(text)}


def _part_follows(text: str, end: int) -> bool:
    """Whether a count of some more follows in the same sentence ("six shots, followed by
    four more after a pause", "several gunshots, a pause and then several more"), or
    another share of the same things ("11 offices in Massachusetts and nine in New
    Hampshire"): the count before it is a part, not the total."""
    return bool(PART_AFTER.match(text[end:]) or SHARE_AFTER.match(text[end:]))


def _head_after_modifier(text: str, match: re.Match[str]) -> str | None:
    """The counted noun after a modifier of it, or None where the word after the count is
    itself the noun: after a nationality ("one American official" → official) or after a
    participle before a plural ("43 missing students" → students), or after an acronym or
    a name of two words or more before a plural ("12 ISIS fighters" → fighters, "two PGA
    Tour events" → events: a name that modifies what is counted is no thing counted). A
    name of one word may be what is counted, and a verb may follow it: "787 Dreamliner
    catches fire"."""
    for modifier, head in (
        (DEMONYM, CAPITALISED_MODIFIERS),
        (PARTICIPLE, PLURAL_AFTER),
        (COMPOUND_MODIFIER, PLURAL_AFTER),
        (ACRONYM, NAMES_THEN_PLURAL),
        (CAPITALISED, NAME_THEN_PLURAL),
    ):
        if not modifier.fullmatch(match.group("noun")):
            continue
        following = head.match(text[match.end("noun") :])
        if following is not None and following.group("head") not in NOT_HEADS:
            return following.group("head")
    return None


# An adjective after a count of several, before a plural (a noun may come between): a
# modifier of what is counted ("18 different styles", "two different storage capacities").
# Adjectives by their endings ("different", "separate", "additional"): a noun before the
# plural ("one collision center" / "two collision centers") is what both count.
ADJECTIVE_LIKE = re.compile(r"[a-z]{2,}(?:ent|ant|ous|ive|al|ful|less|able|ible|ic|ary|ate)")
MODIFIED_PLURAL_AFTER = re.compile(
    r"^(?:\s+[a-z]{3,}(?<!s))?\s+(?P<head>[a-z]+s|people|children|men|women)\b"
)


def _head_after_adjective(text: str, match: re.Match[str], noun: str) -> str | None:
    """The plural after an adjective (`ADJECTIVE_LIKE`) that follows a count of more than
    one: several of something are counted by a plural, so the adjective modifies it (FNC-1
    bodies 126 and 1277: "18 different styles of straps" / "two different storage
    capacities" were two counts of "different"); a noun may come between ("storage"). Not
    a unit, a span or a scale ("10 year sentences" lasts ten years)."""
    number = match.group("number")
    written = match.group("noun")  # a capitalised name may be what is counted ("Ebola")
    if not number or written != noun or not ADJECTIVE_LIKE.fullmatch(written):
        return None  # nor a noun left out and inherited ("two that hit his skull")
    if noun in SCALES or noun == "dozen" or noun in GENERAL_THINGS:
        return None  # "61.7 million unit sales" counts units
    if _noun_key(noun) in SPAN_UNITS or _is_unit(noun):
        return None
    try:
        several = _value(number) > 1
    except ValueError:
        return None
    following = MODIFIED_PLURAL_AFTER.match(text[match.end("noun") :])
    if not several or following is None or following.group("head") in NOT_PLURAL_HEADS:
        return None
    return following.group("head")


def _group_after(text: str, match: re.Match[str]) -> str | None:
    """The group counted where the word after the count names what its members are ("one
    Marine team", "two refugee families"): teams and families, not marines or refugees
    (FNC-1 bodies 2267 and 2360: "one Marine team" / "the three Marines" are no conflict).
    Not after a hyphen: "a five-member team" counts members."""
    if text[match.start("noun") - 1] == "-":
        return None
    following = GROUP_AFTER.match(text[match.end("noun") :])
    if following is None:
        return None
    # "17,000 Border Patrol employees": the group is itself a modifier of a plural counted.
    plural = re.match(r"\s+([a-z]+[^s]s)\b", text[match.end("noun") + following.end() :])
    if plural and plural.group(1) not in NOT_HEADS:
        return None
    return following.group("head").lower()


# Words right before a price that make it the lowest of several ("starts at", "starting
# from", "prices begin at", "the lower-priced $349 model": FNC-1 bodies 286 and 296, against
# "high-end Apple Watch Edition models at $1,200").
PRICE_FLOOR_BEFORE = re.compile(
    r"\b(?:start|starts|starting|started|begin|begins|beginning|began)\s+(?:at|from)\s+$"
    r"|\b(?:(?:lower|lowest|low|cheaper|cheapest)[\s-]+(?:priced|end|cost)|cheapest"
    r"|entry[\s-]+level"
    # "Apple's quoted starting price of $349", "a base price of $349"
    r"|(?:starting|entry[\s-]+level|base|opening)\s+prices?\s+(?:of|at))\s+$",
    re.IGNORECASE,
)

# ... or right after it: "a $9,999 starting price", "a $349 base price".
PRICE_FLOOR_AFTER = re.compile(
    r"^\s*(?:starting|entry[- ]level|base|opening)\s+(?:price|prices|model|models)\b",
    re.IGNORECASE,
)


# A sum per unit: "$525 per square foot", "$15 an hour", "$2 a share", "a $20-a-share
# earnings target" (FNC-1 bodies 1995 and 2011: no revenue of $25 billion).
RATE_AFTER = re.compile(
    r"^(?:(?:\s*|-)(?:per|an?|each)[\s-]+(?:(?:square|cubic)[\s-]+)?(?P<unit>[a-z]+)\b"
    # "gold cost $400/oz", "$346 million apiece" (FNC-1 bodies 168 and 2187, 104 and 1978).
    r"|\s*/\s*(?P<slash>[a-z]+)\b|\s+(?P<apiece>apiece)\b)"
)


def _rate(text: str, quantity: Quantity) -> str | None:
    """The unit a sum is paid or charged per (`RATE_AFTER`); None for a sum of its own."""
    after = _clause_after(text, quantity) if quantity.noun.startswith("money:") else None
    rate = RATE_AFTER.match(after) if after else None
    if rate is None:
        return None
    return (rate.group("unit") or rate.group("slash") or rate.group("apiece")).lower().rstrip("s")


def _starting_price(text: str, quantity: Quantity) -> bool:
    """Whether a sum is the lowest of several prices (`PRICE_FLOOR_BEFORE`,
    `PRICE_FLOOR_AFTER`)."""
    return quantity.noun.startswith("money:") and _marked(
        text, quantity, PRICE_FLOOR_BEFORE, PRICE_FLOOR_AFTER
    )


def _marked(
    text: str, quantity: Quantity, before: re.Pattern, after: re.Pattern, in_clause: bool = False
) -> bool:
    """Whether the text before an amount (with `in_clause`, the clause before it) ends with
    `before` (searched) or the rest of its clause opens with `after` (matched)."""
    text_before = (_clause_before if in_clause else _text_before)(text, quantity)
    clause_after = _clause_after(text, quantity)
    return bool(
        (text_before is not None and before.search(text_before))
        or (clause_after is not None and after.match(clause_after))
    )


# An average's words just before its amount ("the average band ASP could be around $50",
# "a median of 12"; not "mean", mostly a verb: "would mean 500 jobs") or right after it
# ("12 a day on average").
AVERAGE_BEFORE = re.compile(
    r"\b(?:average|averaged|averaging|median|ASP)\b(?:\W+\w+){0,4}?\W+$", re.IGNORECASE
)
AVERAGE_AFTER = re.compile(r"^(?:\W+\w+){0,3}?\W+on\s+average\b", re.IGNORECASE)
# A hedge of size that may stand between a word and the sum it speaks of ("add about $25").
_ROUGHLY = r"(?:(?:about|around|some|roughly)\s+)?"
# A sum added to a whole: "would add $25 to the category".
ADD_BEFORE = re.compile(rf"\badd(?:s|ed|ing)?\s+{_ROUGHLY}$", re.I)


def _average(text: str, quantity: Quantity) -> bool:
    """Whether an amount is an average (`AVERAGE_BEFORE`, `AVERAGE_AFTER`)."""
    return _marked(text, quantity, AVERAGE_BEFORE, AVERAGE_AFTER)


# The period a tally covers, in its clause: "since 2009", "in 2014", "this year".
WEEKDAY_WORDS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
PERIOD = re.compile(
    r"\b(?P<period>(?:since|in|during|for)\s+(?:1[89]|20)\d\d|(?:this|last)\s+(?:year|month|week)"
    r"|(?:in|over|during|throughout)\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?careers?"
    # A company's reporting periods ("during its most recent quarter", "for the first six
    # months"): a quarter's revenue is no year's (FNC-1 bodies 141 and 332, 563 and 881).
    r"|(?:(?:the|its|their)\s+)?(?:most\s+recent|latest|last|first|second|third|fourth|current)"
    # ... with its year ("the first six months this year": FNC-1 bodies 881 and 1387).
    r"\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:1[89]|20)\d\d)?"
    r"|(?:first|last)\s+(?:three|six|nine)\s+months(?:\s+(?:of\s+)?(?:this|last)\s+year"
    r"|\s+of\s+(?:1[89]|20)\d\d)?"
    r"|(?:the|its|their|this|last|current|next)\s+(?:financial|fiscal)\s+year"
    # ... and a day ("four airstrikes near Kobani on Tuesday" / "dozens of airstrikes …
    # in the last week": FNC-1 bodies 781 and 1076).
    rf"|on\s+{WEEKDAY_WORDS})\b",
    re.IGNORECASE,
)
DAY_OPENER = re.compile(rf"^\W*(?P<period>on\s+{WEEKDAY_WORDS})\b", re.IGNORECASE)
# How long a period is, by its words: a quarter's figure and a year's are of two things.
PERIOD_LENGTHS = (
    (re.compile(r"quarter|three\s+months"), "quarter"),
    (re.compile(r"six\s+months"), "half-year"),
    (re.compile(r"nine\s+months"), "nine months"),
    (re.compile(r"\bweek\b"), "week"),
    (re.compile(r"\bmonth\b"), "month"),
    (re.compile(rf"\b{WEEKDAY_WORDS}\b"), "day"),
    (re.compile(r"\byear\b|\b(?:1[89]|20)\d\d\b"), "year"),
)


def _is_span(period: str) -> bool:
    """Whether a period (`_period`) runs from a start to now: "since 2009", a career."""
    return period.startswith("since") or "career" in period


def _period_length(period: str) -> str | None:
    """How long a period (`_period`) is ("quarter", "year", …); None for a span or career."""
    if _is_span(period):
        return None
    return next((length for pattern, length in PERIOD_LENGTHS if pattern.search(period)), None)


def _period(text: str, quantity: Quantity) -> str | None:
    """The period an amount's clause names (`PERIOD`), in lower case; None where it names
    none. Of several, the first after the amount, where what it counts is told ("fighting
    an insurgency since 2009, with some 2,000 civilians reportedly killed this year": this
    year), else the last before it."""
    before, after = _clause_before(text, quantity), _clause_after(text, quantity)
    if before is None or after is None:
        return None
    found = [*PERIOD.finditer(after)][:1] or [*PERIOD.finditer(before)][-1:]
    if not found:
        # A day that opens the sentence dates all of it ("On Tuesday, the U.S. Central
        # Command said U.S. military forces conducted four airstrikes").
        text_before = _text_before(text, quantity) or ""
        starts = sentence_breaks(SENTENCE_BREAK, text_before)
        found = [*DAY_OPENER.finditer(text_before[starts[-1].end() if starts else 0 :])][:1]
    if not found:
        return None
    period = " ".join(found[0].group("period").lower().split())
    return re.sub(r"^(?:in|during|for) ", "in ", period)


# A year that opens an amount's sentence and a word saying that what the sentence tells
# happened again: "In 2010, the dams were opened as well, forcing …", "In 2012 the same
# thing also happened, …".
ANOTHER_TIME = re.compile(
    r"^\W*(?:in|during|back\s+in)\s+(?P<year>(?:1[89]|20)\d\d)\b[^.;!?]*?"
    r"\b(?:as\s+well|also|again|too|likewise)\b",
    re.IGNORECASE,
)


# Not where what came before is the telling: "It was previously reported that … a $132million
# ransom" (FNC-1 body 336) is one ransom, told before.
PREVIOUSLY = re.compile(
    r"\bpreviously\b(?!\s+(?:reported|said|told|announced|stated|confirmed|claimed|revealed"
    r"|disclosed|written|wrote))"
    # ... and an earlier record ("The previous largest corporate redundancy …", FNC-1 bodies
    # 486 and 980; not "$20 million of previous provisions", SummEdits).
    r"|\bprevious\s+(?:record|largest|biggest|highest|lowest|worst|deadliest|best)\b",
    re.IGNORECASE,
)
# Right before an amount, the record a new case beats ("The layoffs would be the largest in
# the company's history, topping 60,000 jobs it cut in 1993": FNC-1 bodies 1220 and 1736).
RECORD_BEATEN = re.compile(
    r"\b(?:largest|biggest|highest|most|record)\b[^.;!?]*?\b(?:topping|surpassing|eclipsing"
    r"|beating|exceeding)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _previous_case(text: str, quantity: Quantity) -> bool:
    """Whether an amount's clause tells of an earlier case ("was previously caught")."""
    before = _clause_before(text, quantity) or ""
    clause = before + (_clause_after(text, quantity) or "")
    return bool(PREVIOUSLY.search(clause) or RECORD_BEATEN.search(before))


def _another_time(text: str, quantity: Quantity) -> str | None:
    """The year of an earlier case of what is told, where an amount's sentence opens with
    one and says it happened again (`ANOTHER_TIME`); None otherwise."""
    before = _text_before(text, quantity)
    if before is None:
        return None
    found = ANOTHER_TIME.match(before[before.rfind(". ") + 1 :])
    return found.group("year") if found else None


def _two_periods(a: str | None, b: str | None) -> bool:
    """Whether two periods (`_period`) differ: a span since a year and one year ("since
    2009" / "this year"), two years, two starts. A year named and one counted from today
    ("in 2014" / "last year") may be one, as may any period and none."""
    if a is None or b is None:
        return False
    # A career is a span too: "35 PGA Tour events in his career" / "27 events" in 2006.
    if _is_span(a) != _is_span(b):
        return True
    lengths = _period_length(a), _period_length(b)
    if None not in lengths and lengths[0] != lengths[1]:
        return True  # "in 2013" / "during its most recent quarter"
    named = bool(YEAR.search(a)), bool(YEAR.search(b))
    return named[0] == named[1] and a != b


# A goal's words right after its amount ("a $20-a-share earnings target", "a $5 billion
# goal") or just before it ("a target of 1 million units", "aims for 20,000").
GOAL_AFTER = re.compile(
    r"^(?:[\s-]+(?:a|an|per|each)[\s-]+[a-z]+)?(?:\s+[a-z]+)?\s+(?:target|goal|objective)s?\b",
    re.IGNORECASE,
)
GOAL_BEFORE = re.compile(
    rf"\b(?:target|goal|objective)s?\s+of\s+{_ROUGHLY}$"
    rf"|\baim(?:s|ed|ing)?\s+(?:for|at)\s+{_ROUGHLY}$",
    re.IGNORECASE,
)


# A count of what is cut, before it ("has laid off thousands of employees", "to slash
# nearly 112,000 jobs") or after it ("over 100,000 jobs will be cut"): no count of all there
# are ("HP now has more than 300,000 employees", "about 15,000 job openings": FNC-1 bodies
# 1091 and 1450, 1736 and 2011).
_CUT_VERBS = r"(?:cut|cuts|cutting|axe|axes|axed|axing|slash|slashes|slashed|slashing|shed|"
_CUT_VERBS += r"sheds|shedding|eliminate|eliminates|eliminated|eliminating|lay\s+off|lays\s+off|"
_CUT_VERBS += r"laid\s+off|laying\s+off)"
CUT_BEFORE = re.compile(rf"\b{_CUT_VERBS}\s+{_ROUGHLY}$", re.IGNORECASE)
CUT_AFTER = re.compile(
    r"^(?:\s+[a-z]+){0,2}?\s+(?:will|would|could|to|are|were|is|was|have|has|had)"
    rf"(?:\s+(?:be|been|being))?\s+{_CUT_VERBS}\b",
    re.IGNORECASE,
)


def _cut(text: str, quantity: Quantity) -> bool:
    """Whether an amount counts what is cut (`CUT_BEFORE`, `CUT_AFTER`); not a sum or a
    share, which a cut's size is told in alike ("cut prices by 10 percent")."""
    if quantity.noun.startswith(("percent", "money:")):
        return False
    return _marked(text, quantity, CUT_BEFORE, CUT_AFTER)


# An amount forecast by others, before it: "Analysts expect Microsoft to report record revenue
# of $26.3 billion" is no revenue logged ("US$25 billion in revenue last year": FNC-1 bodies
# 1736 and 2011).
FORECAST_BEFORE = re.compile(
    r"\b(?:expect|expects|expected|forecast|forecasts|predict|predicts|predicted|estimate|"
    r"estimates|projected)\b[^.;!?]*$",
    re.IGNORECASE,
)


# ... against an amount logged, before it: "has logged", "posted", "reported".
RESULT_BEFORE = re.compile(
    r"\b(?:logged|posted|reported|recorded|booked|earned|generated|made|took\s+in)\b[^.;!?]*$",
    re.IGNORECASE,
)


def _forecast_and_result(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> bool:
    """Whether one amount's clause forecasts it (`FORECAST_BEFORE`) and the other's tells
    it as logged (`RESULT_BEFORE`): two forecasts, or a forecast and a plan ("will start
    at $12,000"), still compare."""
    before = [_clause_before(text, q) or "" for text, q in ((text_a, qa), (text_b, qb))]
    forecast = [bool(FORECAST_BEFORE.search(b)) for b in before]
    result = [bool(RESULT_BEFORE.search(b)) for b in before]
    return (forecast[0] and result[1] and not forecast[1]) or (
        forecast[1] and result[0] and not forecast[0]
    )


# A toll of several events ("some 33 people were killed in a wave of car bombings") is no
# toll of one of them ("another car bomb killed eight people": FNC-1 bodies 253 and 1100).
_SEVERAL_EVENTS = r"\b(?:wave|series|spate|string|rash|spree)\s+of\b"
SEVERAL_EVENTS_BEFORE = re.compile(rf"{_SEVERAL_EVENTS}[^.;!?]*$", re.IGNORECASE)
SEVERAL_EVENTS_AFTER = re.compile(rf"^[^.;!?]*{_SEVERAL_EVENTS}", re.IGNORECASE)


def _of_several_events(text: str, quantity: Quantity) -> bool:
    """Whether an amount's clause tells a toll of several events (`SEVERAL_EVENTS_*`)."""
    return _marked(text, quantity, SEVERAL_EVENTS_BEFORE, SEVERAL_EVENTS_AFTER, in_clause=True)


# An amount inside claims the sentence calls false: "Claims that four terrorists had crossed
# the border were false, he said" counts no terrorists (FNC-1 bodies 108 and 391).
CLAIMED_BEFORE = re.compile(
    r"\b(?:claims?|reports?|rumou?rs?|allegations?|stories|story)\s+that\b[^.;!?]*$", re.I
)
CALLED_FALSE = re.compile(
    r"\b(?:false|untrue|baseless|incorrect|bogus|debunked|not\s+true|a\s+hoax)\b", re.I
)


def _called_false(text: str, quantity: Quantity) -> bool:
    """Whether an amount is told in claims (`CLAIMED_BEFORE`) its claim calls false."""
    before = _text_before(text, quantity)
    return (
        before is not None
        and bool(CLAIMED_BEFORE.search(before))
        and bool(CALLED_FALSE.search(text))
    )


def _goal(text: str, quantity: Quantity) -> bool:
    """Whether an amount is a goal set, not a result (`GOAL_BEFORE`, `GOAL_AFTER`)."""
    return _marked(text, quantity, GOAL_BEFORE, GOAL_AFTER)


# An amount told as a share of a whole right after it: "$55.9 billion in revenue, about
# half the company's total", "$600 million, or 20 percent of its sales".
SHARE_OF_A_WHOLE_AFTER = re.compile(
    rf"^[^.;!?,]{{0,40}},\s+(?:or\s+)?(?:(?:{_HEDGE})\s+)?"
    r"(?:half|a\s+(?:third|quarter|fifth|tenth)|(?:one|two)[\s-]thirds?|three[\s-]quarters"
    r"|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))\s+(?:of\s+)?"
    r"(?:the|its|their|his|her|all|[A-Z][\w.&-]*(?:'s|’s))\b",
    re.IGNORECASE,
)


def _share_of_a_whole(text: str, quantity: Quantity) -> bool:
    """Whether an amount is told as a share of a whole (`SHARE_OF_A_WHOLE_AFTER`)."""
    after = _clause_after(text, quantity)
    return after is not None and bool(SHARE_OF_A_WHOLE_AFTER.match(after))


def _sum_added_to(text: str, quantity: Quantity) -> bool:
    """Whether a sum is what something adds to a whole ("would add $25 to …")."""
    before, after = _text_before(text, quantity), _clause_after(text, quantity)
    return (
        quantity.noun.startswith("money:")
        and before is not None
        and after is not None
        and bool(ADD_BEFORE.search(before))
        and bool(re.match(r"\s+to\b", after))
    )


def _bound(hedge: str) -> str:
    hedge = _plain_hedge(hedge)
    if hedge in {*UPPER_HEDGES, *BELOW_HEDGES}:
        return "upper"
    if hedge in {"more than", "over", "at least"}:
        return "lower"
    return ""


def _overlap(a: Quantity, b: Quantity) -> bool:
    """Ranges that overlap are compatible; but two bounds of one kind compare their
    numbers: "up to 240" and "up to 400" passengers state two different capacities."""
    if a.bound == b.bound == "range":
        # "between $1.30 and $1.40" / "… $1.30 and $1.38": a range states both its ends.
        return _close(a.low, b.low, RANGE_END_TOLERANCE) and _close(
            a.high, b.high, RANGE_END_TOLERANCE
        )
    if a.bound and a.bound == b.bound:
        return _close(a.anchor, b.anchor, ROUNDING_TOLERANCE)
    if _same_figure_bounded(a, b):
        return True
    return a.low <= b.high and b.low <= a.high


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(a, b)


def _same_thing_test(key: str, text_a: str, text_b: str) -> Callable[[Quantity, Quantity], bool]:
    """Whether two amounts of one key (one a side) are of one thing.

    For amounts of a kind a story gives for many things, the words around them decide.

    "finished in 12 seconds" / "a record of 32 seconds": spans of time measure many things;
    they conflict only where the words around them share one. So do counts of people:
    "killed 12 people" / "shared by over 100,000 people", and sums of money, shares and
    measures: "a $300,000 dinner" / "won $100,000 at blackjack", "a 494-acre water area" /
    "the property, about 82 acres". "eight years ago" is a point in time, not a span: it
    never measures what a "29-year career" measures. Ordinals number one thing unless each
    says what it is the nth of, and those differ.

    Whatever the key, a record ("the biggest catfish ever caught was 22 stone") is
    compared only with a record, not with the figure of one case ("a catfish weighing 20
    stone has been caught"; FNC-1 bodies 1652 and 2161); a tally read "as of" a time
    is compared with none; and a count of one is compared as counts of people are."""
    same_kind = _same_thing_kind(key, text_a, text_b)

    def same_thing(qa: Quantity, qb: Quantity) -> bool:
        if key.startswith("age of ") and qa.of and qb.of and not set(qa.of) & set(qb.of):
            # "30-year-old Feng Lung" / "Fan Lung, 32," (FNC-1 bodies 1124 and 1366): two
            # people of one surname, their other names apart.
            return False
        if _record(text_a, qa) != _record(text_b, qb):
            return False
        added = _added(text_a, qa)
        if added != _added(text_b, qb):
            # "it took another 22 years to remove him" / "absence from duty for 25 years":
            # a span added to another is no whole one (two added spans still compare).
            return False
        if _adds(text_a, qa) != _adds(text_b, qb):
            # "the league is preparing to add four teams by 2017" / "Any expansion from 30
            # teams" (FNC-1 bodies 1381 and 1484): what is added is no total; two additions
            # still compare.
            return False
        starts = _year_before(text_a, qa), _year_before(text_b, qb)
        if added and None not in starts and starts[0] != starts[1]:
            # "found him guilty … in 1992, it took another 22 years" / "not begun until
            # 2007. It took a further seven years" (FNC-1 bodies 35 and 225): spans added
            # to two different starts. (A claim that names none may count from either.)
            return False
        if _starting_price(text_a, qa) != _starting_price(text_b, qb):
            # "the Apple Watch will start at $349" / "Edition models at $1,200" (FNC-1
            # bodies 418 and 645, 1425 and 1458): the cheapest model's price is no other
            # model's; two starting prices still compare.
            return False
        if _rate(text_a, qa) != _rate(text_b, qb):
            # "bought land and buildings for $585 million" / "acquired two buildings … for
            # $525 per square foot" (FNC-1 bodies 2329 and 2442): a price per unit is no
            # total; two prices per one unit still compare.
            return False
        if _previous_case(text_a, qa) != _previous_case(text_b, qb):
            # "a 9-foot, 308-pound catfish was previously caught in the Po Delta" / "the
            # 280 pound catfish" (FNC-1 bodies 331 and 842): an earlier case's figure.
            return False
        if _another_time(text_a, qa) != _another_time(text_b, qb):
            # "In 2010, the dams were opened as well, forcing 100 families from their homes" /
            # "the civil defense teams rescued 18 families" (FNC-1 bodies 1070 and 1803): a
            # year's earlier case of what the other tells; two such cases still compare.
            return False
        if _two_periods(_period(text_a, qa), _period(text_b, qb)):
            # "has killed more than 13,000 people since 2009" / "more than 2,000 this year":
            # tallies of two periods. (A claim that names none may count either.)
            return False
        if _average(text_a, qa) != _average(text_b, qb):
            # "the average band ASP could be around $50" / "elastomer bands will range in
            # price from $29 to $39" (FNC-1 bodies 1280 and 2092): an average over many
            # things is no one thing's figure; two averages still compare.
            return False
        if _cut(text_a, qa) != _cut(text_b, qb):
            # "has laid off thousands of employees" / "now has more than 300,000 employees":
            # what is cut is no count of all there are; two cuts still compare.
            return False
        if _called_false(text_a, qa) or _called_false(text_b, qb):
            # "Claims that four terrorists had crossed the border were false" / "the US has
            # apprehended about ten ISIS terrorists": no count is stated.
            return False
        if _of_several_events(text_a, qa) != _of_several_events(text_b, qb):
            # "killed in a wave of car bombings" / "another car bomb killed eight": a toll of
            # several is no toll of one; two waves' tolls still compare.
            return False
        if _forecast_and_result(text_a, qa, text_b, qb):
            # "Analysts expect … record revenue of $26.3 billion" / "logged US$25 billion in
            # revenue last year": a forecast is no result.
            return False
        if _goal(text_a, qa) != _goal(text_b, qb):
            # "Profits are seen slipping … to $0.71 a share" / "scrapped a $20-a-share
            # earnings target" (FNC-1 bodies 1736 and 1995): a goal is no result.
            return False
        if _share_of_a_whole(text_a, qa) != _share_of_a_whole(text_b, qb):
            # "the printing and personal systems group … inked $55.9 billion in revenue,
            # about half the company's total" / "on track to book $112 billion in revenue"
            # (FNC-1 bodies 1838 and 1953): a part's figure is no whole's.
            return False
        if _sum_added_to(text_a, qa) or _sum_added_to(text_b, qb):
            # "would add $25 to Apple's watch category": what a sum adds, not its level.
            return False
        if _two_named_groups(text_a, qa, text_b, qb):
            # "beheaded nine Kurdish fighters" / "for killing 100 ISIS fighters" (FNC-1
            # bodies 675 and 1080): each count says whose, and they differ.
            return False
        if _streak(text_a, qa) != _streak(text_b, qb):
            # "its eleventh straight quarter of declining revenue" / "IBM's first quarter
            # numbers" (FNC-1 bodies 486 and 943): a streak's length is no quarter of a year.
            return False
        if _reading(text_a, qa) or _reading(text_b, qb):
            # "over 75,000 views as of Friday morning" / "at least 56,296 views as of
            # Thursday": a tally read at its time, which another time's need not match.
            return False
        if same_kind is None and (_just_one(qa) or _just_one(qb)):
            # "One passenger at Dulles … is apparently not taking any chances" introduces
            # someone, not a total of passengers ("between 15 and 55 passengers travel"):
            # one is a count only where the words around it say what the other counts.
            return _measure_the_same(text_a, qa, text_b, qb)
        return same_kind is None or same_kind(qa, qb)

    return same_thing


def _just_one(quantity: Quantity) -> bool:
    """Whether an amount is exactly one, unhedged ("One passenger")."""
    return quantity.low == quantity.high == 1 and not quantity.bound


def names_people(noun: str) -> bool:
    """Whether a noun's lemma is a word for people that a story uses of many of them
    ("woman", "resident", "palestinian"): one person may be "a woman" and "the wife"."""
    return noun in GENERAL_COUNTS or bool(PEOPLE_BY_ORIGIN.fullmatch(noun))


def _same_thing_kind(
    key: str, text_a: str, text_b: str
) -> Callable[[Quantity, Quantity], bool] | None:
    """The test of `_same_thing_test` for amounts of a kind a story gives for many things;
    None where the key alone says so."""
    if key == "time":
        return lambda qa, qb: (
            _measure_the_same(text_a, qa, text_b, qb) and _same_action(text_a, qa, text_b, qb)
        )
    if (
        key in TIME_UNITS
        or key in GENERAL_THINGS
        or key.startswith(GENERAL_MEASURES)
        or names_people(key)
    ):
        return lambda qa, qb: _measure_the_same(text_a, qa, text_b, qb)
    if key.startswith("ordinal:"):
        return _same_ordinal_thing
    return None


# Names between a count and what it counts ("nine Kurdish fighters", "100 ISIS fighters").
NAMES_AFTER_COUNT = re.compile(r"^(?:\s+[A-Z][\w.'’-]*)+(?=\s+[a-z])")


def _count_names(text: str, quantity: Quantity) -> set[str]:
    """The names, in lower case, between a count and the thing it counts."""
    after = _text_after(text, quantity)
    found = NAMES_AFTER_COUNT.match(after) if after and ":" not in quantity.noun else None
    return {word.lower() for word in found.group(0).split()} if found else set()


def _two_named_groups(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> bool:
    """Whether both counts name whose the counted things are and share no such name."""
    names_a, names_b = _count_names(text_a, qa), _count_names(text_b, qb)
    return bool(names_a and names_b and not names_a & names_b)


# A streak: "its eleventh straight quarter of declining revenue", "the third year in a row".
STREAK = re.compile(
    r"^\s+(?:[a-z]+-)?(?:consecutive|straight|successive)\b|^\s+[a-z]+\s+in\s+a\s+row\b",
    re.IGNORECASE,
)


def _streak(text: str, quantity: Quantity) -> bool:
    """Whether an ordinal counts a streak (`STREAK`), not which one of a series it is."""
    after = _text_after(text, quantity)
    return after is not None and bool(STREAK.match(after))


def _same_ordinal_thing(a: Quantity, b: Quantity) -> bool:
    """Whether two ordinals may number one thing: not where each says what it is the nth
    of and those differ ("anniversary of the raid" / "anniversary of the attack")."""
    return not (a.of and b.of and not set(a.of) & set(b.of))


def _same_figure_bounded(a: Quantity, b: Quantity) -> bool:
    """One figure, one source giving it as a bound ("dead for 48 minutes" / "for more than
    48 minutes"): two outlets quoting one number do not conflict."""
    if bool(a.bound) == bool(b.bound):
        return False
    bounded, plain = (a, b) if a.bound else (b, a)
    return plain.low == plain.high == bounded.anchor


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """One figure of one thing as written, hedged or not ("around $99" / "$99"); a vague
    amount ("thousands") is no figure."""
    if _key(a) != _key(b) or VAGUE_AMOUNT.search(a.text) or VAGUE_AMOUNT.search(b.text):
        return False
    if a.bound == "range" or b.bound == "range":
        return (a.low, a.high) == (b.low, b.high)
    return (a.anchor or a.low) == (b.anchor or b.low)


def compare_quantities(
    text_a: str,
    text_b: str,
    told_a: Sequence[Quantity] = (),
    told_b: Sequence[Quantity] = (),
) -> list[tuple[Reason, bool]]:
    """(reason, contradicts) per counted thing both claims quantify. A claim may give
    several amounts of one thing ("$0.13 a share, $25 billion in all"): each amount is
    matched with a compatible one on the other side, and only an amount on each side that
    matches nothing there is a conflict.

    `told_a` and `told_b` are the amounts each claim's source gives anywhere. Where one
    source also gives the other's figure ("the Sport model at $450" in both, and "$550 on
    average" in one), the two claims give amounts of different things, not two accounts of
    one: numbers-dense stories (prices of five models, forecasts for three years) otherwise
    pair every figure with every other."""
    by_key_a: dict[str, list[Quantity]] = {}
    by_key_b: dict[str, list[Quantity]] = {}
    for quantity in extract_quantities(text_a):
        by_key_a.setdefault(_key(quantity), []).append(quantity)
    for quantity in extract_quantities(text_b):
        by_key_b.setdefault(_key(quantity), []).append(quantity)
    # "10 members of the militant group" / "dozens of the militants": one side counts
    # what the other's counted things belong to; compared as one thing.
    # Keys are walked in the order the claims give them (not set order, which follows string
    # hashing and so changed which reason came first from one run to the next).
    # Not an ordinal: "a second day of demonstrations" numbers a day, it counts no
    # demonstrations ("Thousands of pro-democracy demonstrations", FNC-1 bodies 222 and 361).
    for key_a in [k for k in by_key_a if k not in by_key_b and not k.startswith("ordinal:")]:
        for key_b in [k for k in by_key_b if k not in by_key_a and not k.startswith("ordinal:")]:
            if any(key_b in q.of for q in by_key_a[key_a]) or any(
                key_a in q.of for q in by_key_b[key_b]
            ):
                by_key_b.setdefault(key_a, []).extend(by_key_b.pop(key_b))
                break
    # "was liked thousands of times" / "gained 500 likes": an action counted against the
    # noun of that action.
    for side, other in ((by_key_a, by_key_b), (by_key_b, by_key_a)):
        for key in [k for k in side if k.startswith("act:")]:
            stem = key.removeprefix("act:")
            match = next((k for k in other if len(stem) >= 3 and k.startswith(stem)), None)
            if match is not None and match not in side:
                side[match] = [replace(q, noun=match) for q in side.pop(key)]
    results = []
    for key in [k for k in by_key_a if k in by_key_b]:
        side_a, things_a = _with_total(by_key_a[key], text_a)
        side_b, things_b = _with_total(by_key_b[key], text_b)
        lonely_a = [qa for qa in side_a if not any(_overlap(qa, qb) for qb in side_b)]
        lonely_b = [qb for qb in side_b if not any(_overlap(qa, qb) for qa in side_a)]
        same_thing = _same_thing_test(key, text_a, text_b)
        if lonely_a and lonely_b:
            same = [(qa, qb) for qa in lonely_a for qb in lonely_b if same_thing(qa, qb)]
            lonely_a = [q for q in lonely_a if any(q is qa for qa, _ in same)]
            lonely_b = [q for q in lonely_b if any(q is qb for _, qb in same)]
            if not (lonely_a and lonely_b):
                continue  # amounts of two different things
        if lonely_a and lonely_b:
            # Several amounts of one thing ("three authors ... six authors"): the conflict is
            # between the two whose preceding words match best ("second report had").
            qa, qb = max(
                ((qa, qb) for qa in lonely_a for qb in lonely_b),
                key=lambda pair: _shared_context(text_a, pair[0], text_b, pair[1]),
            )
            told = any(_same_figure(qb, q) for q in told_a) or any(
                _same_figure(qa, q) for q in told_b
            )
            # One claim's one amount against several of the other's that it may be of, none
            # matching ("lost 0.2-0.4 percent" / "down 0.3 percent … added 0.2 percent", MSRP;
            # "6 million units" / "61 million units … 10 million units"): the other tells of
            # several things, and which one the single amount is of, the words do not say.
            several = (things_a == 1 and things_b >= 2 and len(lonely_b) >= 2) or (
                things_b == 1 and things_a >= 2 and len(lonely_a) >= 2
            )
            results.append(
                _quantity_reason(qa, qb, conflict=not (told or several), told=told, several=several)
            )
        else:
            matched = [(qa, qb) for qa in side_a for qb in side_b if _overlap(qa, qb)]
            results.append(_quantity_reason(*matched[0], conflict=False))
    return results


def _with_total(amounts: list[Quantity], text: str) -> tuple[list[Quantity], int]:
    """A claim's amounts of one thing, with their total where it gives one and then more
    ("a volley of six shots, a brief pause, and then another four or five shots": ten or
    eleven, which "at least ten shots" holds; FNC-1 bodies 2317 and 2345); and how many
    things they count (the total and its parts count one)."""
    marks = [_added(text, q) for q in amounts]
    added = [q for q, mark in zip(amounts, marks, strict=True) if mark]
    first = [q for q, mark in zip(amounts, marks, strict=True) if not mark]
    if not added or len(first) != 1:
        return amounts, len(amounts)
    total = replace(
        first[0],
        text=" + ".join(q.text for q in (first[0], *added)),
        low=first[0].low + sum(q.low for q in added),
        high=first[0].high + sum(q.high for q in added),
        bound="",
    )
    return [*amounts, total], 1


CONTEXT_WORDS = 5  # words before an amount that say what it is the amount of


def _text_before(text: str, quantity: Quantity) -> str | None:
    """All of `text` before an amount; None where the text does not hold it."""
    start = text.find(quantity.text)
    return None if start < 0 else text[:start]


def _text_after(text: str, quantity: Quantity) -> str | None:
    """All of `text` after an amount; None where the text does not hold it."""
    start = text.find(quantity.text)
    return None if start < 0 else text[start + len(quantity.text) :]


def _context(text: str, quantity: Quantity) -> set[str]:
    before = _text_before(text, quantity) or ""
    return set(re.findall(r"[a-z]+", before.lower())[-CONTEXT_WORDS:])


TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "month", "year", "time"}
# A fraction before one of these is part of a span ("per half hour", "a quarter century",
# "half a mile"), not a share of something.
SPAN_UNITS = TIME_UNITS | {"century", "decade", "mile", "inch", "dozen"}
SPAN_AFTER = re.compile(r"^[\s-]+(?:a\s+)?(?P<unit>[a-z]+)", re.IGNORECASE)


def _span_follows(text: str, end: int) -> bool:
    following = SPAN_AFTER.match(text[end:])
    return bool(following) and following.group("unit").lower().rstrip("s") in SPAN_UNITS


# Counted in a story for many different reasons: "43 students who went missing", "the
# deaths of the 28 students", "dozens of students rounded up" (FNC-1 bodies 1613, 1795 and
# 1822). Keys (`_noun_key`). Not troops or soldiers, a parade's troops being one count, nor
# passengers: "carries 400 passengers" / "has room for 240 passengers" tell one capacity.
GENERAL_COUNTS = {
    "people",
    "person",
    "student",
    "children",
    "child",
    "girl",
    "boy",
    "men",
    "man",
    "women",
    "woman",
    "civilian",
    "resident",
    "officer",
    # "Two sources told the Canadian Press" / "Several sources have confirmed" (FNC-1 bodies
    # 1666 and 2113): each outlet's own informants.
    "source",
}
# Counts of people by where they are from or what they do ("Palestinians", "Iraqis",
# "politicians"): a story gives them for many things (FNC-1 bodies 1070 and 1803: "110,000
# Palestinians left homeless" / "dozens of Palestinians who were stuck in their houses").
# Matched on the counted noun's lemma ("palestinian", "iraqi", "politician", "veteran").
PEOPLE_BY_ORIGIN = re.compile(r"[a-z]{3,}ian|[a-z]{4,}an|[a-z]{4,}i")
# Kinds of amount a story gives for many different things (what each is the amount of is
# in the words around it, not in the key).
GENERAL_MEASURES = ("money:", "percent:", "measure:")
# Counted things a story gives for many products: "MacBook Air sales will likely touch the
# 6 million units" / "iPhone shipments … to exceed 61 million units" (FNC-1 bodies 2099 and
# 2396). Keys (`_noun_key`).
GENERAL_THINGS = {"unit"}
# "those two items", "these three": a count of things named before, not a total.
# Not "another": "it took another 22 years" gives a span of its own.
POINTING_BACK = re.compile(r"(?:^|\W)(?:these|those|other)$")
POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
POSSESSIVE_REACH = 40  # characters after "400 of his" to find what they are some of
# Words that, right after a count, make it a part of what is counted: "two other officials",
# "four more", "three additional victims".
PART_WORDS = {"other", "more", "additional", "further", "extra"}
PART_AFTER = re.compile(
    rf"^[^.;!?]*?(?<!\w)(?:{_NUMBER}|{_VAGUE})\s+(?:{'|'.join(PART_WORDS)})\b", re.IGNORECASE
)
# "An additional 14 police officers have been arrested": a count added to others, no total
# (FNC-1 bodies 1795 and 1822). Not for spans of time: "another 22 years" is how long.
PART_BEFORE = re.compile(
    rf"(?:\banother|\b(?:an?\s+)?(?:{'|'.join(PART_WORDS - {'other', 'more'})}))\s+$",
    re.IGNORECASE,
)
# "… and nine in southern New Hampshire": a count whose noun is left out, as it is the
# noun of the count before, which is therefore one share of a total (MSRP test pair 1687);
# so is "… and another from its dorsal fin" after "remove one lump close to the anus"
# (FNC-1 bodies 1541 and 1707: two lumps in all).
SHARE_AFTER = re.compile(
    rf"^[^.;!?]*?\band\s+(?:{_NUMBER}|another|the\s+other|a\s+second)\s+"
    rf"(?:in|at|on|from|for|to)\b",
    re.IGNORECASE,
)
# A nationality between a count and a lower-case word is the counted thing's modifier ("one
# American official", "10 Syrian refugees"): the thing counted is the word after it. Not
# where that word is a verb or a function word ("one Israeli said"), nor for a plural ("four
# Americans were killed").
# The shape of a nationality word ("American", "Syrian", "Chinese", "British", "Iraqi"); a
# name ("AutoNation USA pre-owned stores") is left as it is.
DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i)")
CAPITALISED_MODIFIERS = re.compile(r"^(?:\s+[A-Z][\w.'’-]*)*\s+(?P<head>[a-z][a-z-]+)")
NOT_HEADS = {
    "said",
    "says",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "and",
    "or",
    "who",
    "which",
    "that",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "from",
    "will",
    "would",
    "could",
    "told",
    "the",
    "a",
    "an",
}
# Words in -s after a count's word that are no plural it modifies ("two that hit his").
NOT_PLURAL_HEADS = NOT_HEADS | {"his", "its", "this", "thus", "does", "goes", "us"}
RELATIVES = {"that", "who", "which", "whom"}
ONE_OF = re.compile(r"(?:\w+\s+)?(?:one|1)\s+of\b", re.IGNORECASE)
PARTITIVE = re.compile(rf"(?:{_NUMBER})\s+of\s+(?:the|those|these)\b", re.IGNORECASE)
# A participle between a count and a plural is what the counted things are, not what they
# are: "43 missing students" and "57 missing people" count students and people (FNC-1
# bodies 1427 and 1613), while "three injured in the crash" counts the injured.
PARTICIPLE = re.compile(r"[a-z]{2,}(?:ing|ed)")
# A compound modifier before a plural ("tens of thousands of pro-democracy demonstrators",
# "anti-government protesters"): the plural is what is counted.
COMPOUND_MODIFIER = re.compile(r"[a-z]+-[a-z]+(?<!s)")
ACRONYM = re.compile(r"[A-Z]{2,}")
CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")
_PLURAL_HEAD = r"\s+(?P<head>[a-z]+[^s\W]s|people|children|men|women)\b"
NAMES_THEN_PLURAL = re.compile(rf"^(?:\s+[A-Z][\w.'’-]*)*{_PLURAL_HEAD}")
NAME_THEN_PLURAL = re.compile(rf"^(?:\s+[A-Z][\w.'’-]*)+{_PLURAL_HEAD}")
PLURAL_AFTER = re.compile(r"^\s+(?P<head>[a-z]+s|people|children|men|women)\b")
# Nouns of groups: after another noun, what a count counts ("one Marine team").
GROUP_NOUNS = (
    "team|unit|squad|crew|group|patrol|platoon|battalion|brigade|regiment|company|"
    "companies|firm|delegation|family|families|household|couple|agency|agencies|force"
)
GROUP_AFTER = re.compile(rf"^\s+(?P<head>(?:{GROUP_NOUNS})s?)\b", re.IGNORECASE)
AROUND_WORDS = 3  # content words each side of an amount that say what it measures
# An amount's number as written: figures (not a year) or a number word.
AMOUNT_WORD = re.compile(
    rf"(?<![\w.,])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\b"
    rf"|\b(?:{COMPOUND_NUMBER}|{'|'.join(NUMBER_WORDS)}|dozens)\b",
    re.IGNORECASE,
)


TITLE_CASE_SHARE = 0.6  # a text with this share of its words capitalised is a headline
# Words of this many letters or more a title-case headline capitalises, but for a few short
# prepositions and conjunctions that some styles keep in lower case.
TITLE_CASE_MIN_LETTERS = 4
TITLE_SMALL_WORDS = {"with", "from", "into", "onto", "over", "upon", "than", "that", "this", "amid"}


def in_common_case(text: str) -> str:
    """A headline in title case ("Robert Plant Ripped Up $800 Million Contract") in lower
    case, so that its common words read as common words; other text as it is."""
    words = re.findall(r"[A-Za-z]+", text)
    capitalised = sum(word[0].isupper() for word in words)
    # A word a headline would capitalise, in lower case, tells body text: "Mr Sotloff
    # disappeared in Syria in 2013." / "In 2004, Sotloff left UCF." are sentences whose
    # names make most of their words (FNC-1 bodies 2063 and 2339).
    if any(
        word.islower() and len(word) >= TITLE_CASE_MIN_LETTERS and word not in TITLE_SMALL_WORDS
        for word in words[1:]
    ):
        return text
    return text.lower() if words and capitalised >= TITLE_CASE_SHARE * len(words) else text


def _around(text: str, quantity: Quantity) -> set[str]:
    """Stems of the content words on both sides of an amount, the unit left out."""
    start = text.find(quantity.text)
    if start < 0:
        return set()
    text = in_common_case(text)
    adjective = re.match(r"-[a-z]+\s+([a-z]{4,})", text[start + len(quantity.text) :])
    if adjective:
        # "a 22-second record", "a 12-hour shift": the amount describes that noun alone.
        return {adjective.group(1)[:5]}
    # Lower-case words only: a name anchors the claim, not what the amount measures. Words
    # of the same clause only: in "hasn't been seen in public in about a year, and it's
    # been a few months since his last column", "public" says nothing of the months.
    clause_before = _clause_ending_at(text, start)
    # Nor the words before another amount of the clause: in "Six people were killed, 25
    # wounded and dozens of students rounded up by police", "killed" is said of the six,
    # not of the students (FNC-1 bodies 461 and 537: "Three students were killed").
    earlier = [*AMOUNT_WORD.finditer(clause_before)]
    words_before = clause_before[earlier[-1].end() :] if earlier else clause_before
    before = _content_words(words_before)[-AROUND_WORDS:]
    after = _content_words(_clause_starting_at(text, start + len(quantity.text)))
    # After a count the first word is what is counted ("12 people"); money and measures
    # hold their unit ("$300,000", "494-acre"), so the next word is the thing ("dinner").
    unit_follows = ":" not in quantity.noun
    after = after[int(unit_follows) : AROUND_WORDS + int(unit_follows)]
    around = {_stem(w) for w in before + after}
    if quantity.noun.startswith("percent:") and not MOVE.search(clause_before):
        # "percent" is a share's unit, as "$" is a sum's: "about 10 percent cited" / "an
        # assumed 33 percent level of gross margin" share no more than that. A move ("rose
        # 5 percent", "slipped 4.77, or 0.5 percent") keeps it: it says the two are changes.
        around.discard(_stem("percent"))
    rate = _rate(text, quantity)
    if rate:
        # What a sum is paid per says what it is, a period too ("$150 per month" / "would
        # be $50 per month": one premium, SummEdits).
        around.add(_stem(rate))
    return around


def _stem(word: str) -> str:
    """A word's first five letters, a final "s" dropped first ("kills" / "kill")."""
    return (word[:-1] if word.endswith("s") and len(word) > 4 else word)[:5]


# Where one clause ends and another begins: a sentence's end, a semicolon, colon or dash,
# or a comma before a conjunction that opens a clause.
CLAUSE_BREAK = re.compile(r"[.!?]\s|[;:—–]|,\s+(?:and|but|while|whereas|although|though)\b")
# Words near an amount that say nothing of what it is of: function words and modals.
AROUND_SKIP = {
    "that",
    "this",
    "with",
    "from",
    "were",
    "have",
    "been",
    "said",
    "also",
    "will",
    "would",
    "could",
    "should",
    "might",
    "must",
    "shall",
    # Pronouns and relatives point at what the clause is about; they do not name it ("about
    # 10 percent said they …" / "37 percent said they …").
    "they",
    "them",
    "their",
    "there",
    "these",
    "those",
    "what",
    "when",
    "where",
    "which",
    "whom",
    "whose",
    # The words that make a price the lowest of several say which price, not of what
    # ("the MacPro starts at around $3,000" / "the Apple Watch will start at $349").
    "start",
    "starts",
    "starting",
    "begin",
    "begins",
    "beginning",
    # Prepositions and conjunctions join an amount to something else; they never say what
    # it is of: "Hundreds of Palestinians were evacuated … after Israeli authorities opened
    # dams" / "to rescue dozens of Palestinians who were stuck … after Israel opened the
    # dams" (FNC-1 bodies 1070 and 1803) share only "after".
    "after",
    "before",
    "into",
    "onto",
    "upon",
    "over",
    "under",
    "during",
    "until",
    "than",
    "then",
    "across",
    "within",
    "without",
    "through",
    "among",
    "between",
    "against",
    "toward",
    "towards",
    "while",
    # Nor do the words that make a span a time before or after something (`_ago`): "More
    # than three weeks later, Obama named Foley" / "Exactly two weeks later, another
    # journalist was beheaded" (FNC-1 bodies 248 and 250) share only "later".
    "later",
    "earlier",
    # Nor does the company a sum is of, which stands for its name as "it" does: "IBM has
    # just taken a $600 million charge" / "revenue fell to $93bn … as the company shed
    # businesses" (FNC-1 bodies 1736 and 1995) share only "company".
    "company",
    "companies",
    "firm",
    # Nor do the words of a period, which say when, not what (`_period` compares periods):
    # "Profits are seen slipping from a year earlier to $0.71 a share" / "The company last
    # year scrapped a $20-a-share earnings target" (FNC-1 bodies 1736 and 1995). A price
    # per month keeps its unit (`_around`).
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "quarter",
    "quarters",
}


def _clause_ending_at(text: str, position: int) -> str:
    """The words of the clause that `position` lies in, up to it."""
    return CLAUSE_BREAK.split(text[:position])[-1]


def _clause_starting_at(text: str, position: int) -> str:
    """The words of the clause that `position` lies in, from it on."""
    return CLAUSE_BREAK.split(text[position:])[0]


def _clause_before(text: str, quantity: Quantity) -> str | None:
    """The words of an amount's clause before it; None where the text does not hold it."""
    start = text.find(quantity.text)
    return None if start < 0 else _clause_ending_at(text, start)


def _clause_after(text: str, quantity: Quantity) -> str | None:
    """The words of an amount's clause after it; None where the text does not hold it."""
    start = text.find(quantity.text)
    return None if start < 0 else _clause_starting_at(text, start + len(quantity.text))


def _weighing(text: str, start: int) -> bool:
    """Whether the clause up to an amount speaks of weight ("weighing roughly 266")."""
    return bool(WEIGHING.search(_clause_ending_at(text, start)))


def _content_words(text: str) -> list[str]:
    """Lower-case words of four letters or more that may say what an amount is of: not
    function words, hedges ("about"), units ("90 miles (145 kilometers)") or currencies."""
    return [
        w
        for w in _lower_words(text)
        if w not in AROUND_SKIP
        and not re.fullmatch(_HEDGE, w)
        and not _is_unit(w)
        # What a sum is in ("280 pounds"), never what it is of: two sums in pounds are not
        # of one thing for that. ("percent" stays here; `_around` keeps it for a market's
        # move only: "slipped 4.77, or 0.5 percent" / "shed 0.17, or 0.02 percent", MSRP.)
        and w not in CURRENCY_WORDS
        # Another number ("across four different countries") says how many, not of what;
        # a dimension ("12m-wide crater" / "the meteorite … about 3 feet wide") says which
        # measure, not of what thing.
        and w not in NUMBER_WORDS
        and w not in SCALES
        and w not in ASPECTS
    ]


# A word joined to a name before it ("Stockholm-based", "Kremlin-backed") says where or
# whom the name is of, not what an amount measures: "Stockholm-based Mojang had $100 million
# in profits" / "will buy Stockholm-based game developer Mojang for $2.5 billion" (FNC-1
# bodies 316 and 627) share no word for it.
AFTER_NAME_HYPHEN = re.compile(r"[A-Z][\w'’.]*-$")


def _lower_words(text: str) -> list[str]:
    """Lower-case words of four letters or more, not those joined to a name before them."""
    return [
        m.group(0)
        for m in re.finditer(r"\b[a-z]{4,}\b", text)
        if not AFTER_NAME_HYPHEN.search(text, 0, m.start())
    ]


def _unit(word: str) -> tuple[str, float] | None:
    """The unit a word names, singular or plural ("km", "miles", "kilometres"), as
    (dimension, factor); None for any other word."""
    return UNITS.get(word) or UNITS.get(word.rstrip("s"))


def _is_unit(word: str) -> bool:
    """A unit of measure, singular or plural ("km", "miles", "kilometres")."""
    return _unit(word) is not None


def same_unit(word_a: str, word_b: str) -> bool:
    """Whether two words name one unit ("kg" / "kilos", "ft" / "feet")."""
    unit_a = _unit(word_a.lower())
    return unit_a is not None and unit_a == _unit(word_b.lower())


def _measure_the_same(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> bool:
    """Whether two amounts of time (or counts of people, sums, shares, measures) are of one
    thing: the words around them share one, and both or neither say how long before now,
    or before or after another event, something happened (`_ago`)."""
    if _ago(text_a, qa) != _ago(text_b, qb):
        return False
    return bool(_around(text_a, qa) & _around(text_b, qb))


# Words between an action and how many times it was done ("now seen over 28 million times").
NOT_ACTIONS = {
    "now",
    "already",
    "also",
    "just",
    "still",
    "even",
    "been",
    "was",
    "were",
    "has",
    "have",
    "had",
    "is",
    "are",
    "be",
    "more",
    "than",
    "some",
    "at",
    "least",
}


def _action(text: str, quantity: Quantity) -> str | None:
    """The word for what was done so many times, the last of its clause before the count
    ("seen" in "now seen over 28 million times"), cut to its first four letters; None
    where no such word stands there."""
    before = _clause_before(text, quantity)
    if before is None:
        return None
    words = re.findall(r"[A-Za-z]+", before)
    words = [w for w in words if w.lower() not in NOT_ACTIONS and not w.endswith("ly")]
    if not words or not words[-1].islower():
        return None
    return words[-1][:4]


def _same_action(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> bool:
    """Whether two counts of times count one action: "seen over 28 million times" and "the
    video apparently cuts several times" count two (FNC-1 bodies 1130 and 1388)."""
    action_a, action_b = _action(text_a, qa), _action(text_b, qb)
    return action_a is None or action_b is None or action_a == action_b


# Words before an amount, in its clause, that make it a record: the most ever, as the
# subject the amount is told of ("the biggest catfish ever caught was", "the largest
# sturgeon on record is reportedly", "the current weight record for a wels catfish is").
# Not "its biggest ever quarterly profit of", "all-time record quarterly results with
# earnings of": those are the case's own figures. So is what a kind can grow to ("Wels
# catfish can apparently grow to be over 13 feet long and nearly 900 pounds" / "A 280
# pound catfish was caught", FNC-1 bodies 331 and 842): the most it may reach.
_RECORD_VERB = r"(?:was|is|weighed|weighs|measured|measures|stands\s+at)(?:\s+\w+ly)?\s*$"
RECORD = re.compile(
    rf"\b(?:ever|on\s+record)(?:\s+[a-z]+)?\s+{_RECORD_VERB}"
    rf"|\brecord\s+(?:for|of)\b[^.;!?]*?\s{_RECORD_VERB}"
    r"|\b(?:can|could)\s+(?:\w+ly\s+)?(?:grow|reach)\b",
    re.IGNORECASE,
)
# A bound on all of a kind, no case's figure nor the most there has been ("Any wels catfish
# bigger than 6.5 feet is considered extremely rare" / "Wels catfish can grow as long as
# 13ft" / "This one was 8.8 feet": FNC-1 bodies 188 and 1028).
THRESHOLD = re.compile(
    r"\bany\b[^.;!?]*?\b(?:bigger|larger|longer|heavier|taller|smaller|shorter|lighter)"
    r"\s+than\s+$",
    re.IGNORECASE,
)


# Words in an amount's clause that say it is a tally as read at a time ("as of this
# writing", "so far", "to date"), and after it, the count of those still doing something
# ("Roughly a dozen Afghan soldiers are still participating" / "The exercise involves 200
# soldiers", FNC-1 bodies 2120 and 2285; "about a dozen Afghan soldiers still taking part",
# bodies 665 and 890).
_READING_WORDS = (
    r"\b(?:as\s+of|so\s+far|thus\s+far|to\s+date|at\s+the\s+time\s+of\s+writing"
    r"|at\s+press\s+time)\b"
)
READING = re.compile(
    rf"^[^.;!?]*?(?:{_READING_WORDS}|\b(?:are|is|were|was)\s+still\b|\bstill\s+[a-z]+ing\b)"
)
READING_BEFORE = re.compile(_READING_WORDS, re.IGNORECASE)


def _reading(text: str, quantity: Quantity) -> bool:
    """Whether an amount is a tally as read at a time ("The remains of nine people had been
    brought from the hillside so far", FNC-1 body 777; "So far, …")."""
    after, before = _clause_after(text, quantity), _clause_before(text, quantity)
    return (after is not None and bool(READING.match(after))) or (
        before is not None and bool(READING_BEFORE.search(before))
    )


def _adds(text: str, quantity: Quantity) -> bool:
    """Whether a count is what a verb adds ("add four teams", `ADD_BEFORE`): not a share
    ("South Korea added 0.2 percent" is a market's move, as "lost 0.6 percent" is) nor a sum
    (`_sum_added_to`)."""
    if quantity.noun.startswith(("percent", "money:")):
        return False
    before = _text_before(text, quantity)
    return before is not None and bool(ADD_BEFORE.search(before))


def _added(text: str, quantity: Quantity) -> bool:
    """Whether an amount is added to another ("another 22 years", "a further seven")."""
    before = _text_before(text, quantity)
    return before is not None and bool(PART_BEFORE.search(before))


YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


# A start counted back from today: "Charges were clearly established six years ago, but
# Verma … remained in employment for another eight years" (FNC-1 bodies 432 and 932).
YEAR_OR_AGO = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b[\w-]+\s+(?:years?|months?|weeks?|days?)\s+ago\b", re.IGNORECASE
)


def _year_before(text: str, quantity: Quantity) -> str | None:
    """The last year named before an amount, or time ago ("six years ago"), if any."""
    years = YEAR_OR_AGO.findall(_text_before(text, quantity) or "")
    return years[-1].lower() if years else None


def _record(text: str, quantity: Quantity) -> str:
    """What an amount is beside one case's: "record" (the most there has been), "threshold"
    (a bound on all of a kind, `THRESHOLD`), or "" for one case's figure."""
    before = _clause_before(text, quantity)
    if before is None:
        return ""
    if THRESHOLD.search(before):
        return "threshold"
    return "record" if RECORD.search(before) else ""


AGO = re.compile(r"^[\s-]*[a-z]+\s+(?P<word>ago|earlier|before|later|after)\b", re.IGNORECASE)


def _ago(text: str, quantity: Quantity) -> str | None:
    """Whether an amount of time says how long before or after something, not how long:
    "now" for how long before now ("eight years ago"), "event" for how long before or
    after another event ("a few hours later", "60 years after"); None otherwise. The two
    never measure one span: "did not know … until 60 years after" / "Some 219 years ago"
    (FNC-1 bodies 467 and 971)."""
    after = _text_after(text, quantity)
    found = AGO.match(after) if after is not None else None
    if found is None:
        return None
    return "now" if found.group("word").lower() == "ago" else "event"


def _shared_context(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> int:
    return len(_context(text_a, qa) & _context(text_b, qb))


# What a reason says of two figures each whole source gives: no conflict, and no match.
TOLD_APART = "each source gives both figures, so they are of different things"
# ... and of one figure against several of one kind that the other claim gives.
SEVERAL_GIVEN = "the other claim gives several such figures, of several things"


def _quantity_reason(
    qa: Quantity, qb: Quantity, conflict: bool, told: bool = False, several: bool = False
) -> tuple[Reason, bool]:
    verdict = "cannot both be true" if conflict else "compatible"
    if told:
        verdict = TOLD_APART
    elif several:
        verdict = SEVERAL_GIVEN
    elif not conflict and _same_figure_bounded(qa, qb):
        verdict = "the same figure, one side giving it as a bound"
    kind, _, what = qa.noun.partition(":") if ":" in qa.noun else ("", "", qa.noun)
    if not kind:
        counted = f" of {qa.noun}"
    elif kind == "percent" and what == CHANGE:
        counted = " (a change)"
    elif kind == "percent" and what:
        counted = f" of {what}s"
    else:
        counted = f" ({', '.join(part for part in what.split(':') if part)})" if what else ""
    detail = f"{qa.describe()} vs {qb.describe()}{counted}: {verdict}"
    return Reason(kind or "quantity", qa.text, qb.text, detail), conflict
