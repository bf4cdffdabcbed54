"""Fact layer: typed facts pulled out of claims and compared across an aligned pair.

So far it covers quantities and dates, the facts NLI misses most. Quantities: exact counts,
counts with a hedge ("about 30,000", "more than 40") and vague amounts ("thousands", "tens
of thousands"), each read as a range and compared with the same counted noun on the other
side; ranges that overlap agree, ranges that cannot both be true contradict. Years, dates'
day numbers and list indices are not counts. Dates: weekdays, month-and-day dates, months,
and years after the same preposition, compared as stated.

Hand-written, because the parsers that exist (quantulum3, number-parser) read numbers but
not vague amounts as ranges, nor which noun a number counts; both matter here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

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
    ("several", (3, 9)),
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
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
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
ROUNDING_TOLERANCE = 0.1  # "about 30,000" covers ±10 %
STOP_NOUNS = {"of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "per", "percent"}

_VAGUE = "|".join(re.escape(p) for p, _ in VAGUE_RANGES)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS)
_HEDGE = (
    r"about|around|roughly|approximately|some|nearly|almost|more than|over|at least|"
    r"fewer than|less than|under|up to|as many as"
)
QUANTITY = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?:(?P<vague>{_VAGUE})|(?P<number>{_NUMBER})"
    rf"(?:\s+(?P<scale>{'|'.join(SCALES)}))?)\s+(?:of\s+)?(?:(?:the|their|its)\s+)?"
    rf"(?P<noun>[a-z][a-z-]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    text: str
    low: float
    high: float
    noun: str

    def describe(self) -> str:
        def number(value: float) -> str:
            return "∞" if value == INF else f"{value:,.0f}"

        span = (
            number(self.low) if self.low == self.high else f"{number(self.low)}–{number(self.high)}"
        )
        return f'"{self.text}" ({span})'


def _value(token: str) -> float:
    token = token.lower()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    return float(token.replace(",", ""))


def _noun_key(noun: str) -> str:
    """A crude lemma: "troops" and "troop" count the same thing."""
    noun = noun.lower()
    for suffix, replacement in (("ies", "y"), ("ves", "f"), ("s", "")):
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            return noun[: -len(suffix)] + replacement
    return noun


def extract_quantities(text: str) -> list[Quantity]:
    found = []
    for match in QUANTITY.finditer(text):
        noun = match.group("noun").lower()
        if noun in STOP_NOUNS or noun in MONTHS:
            continue
        before = text[: match.start()].rstrip().lower()
        if before.endswith(tuple(MONTHS)):
            continue  # "September 3": a day of the month
        if match.group("vague"):
            phrase = match.group("vague").lower()
            low, high = dict(VAGUE_RANGES)[phrase]
        else:
            raw = match.group("number")
            if re.fullmatch(r"(1[5-9]|20)\d\d", raw) and not match.group("scale"):
                continue  # a year, not a count
            if re.match(r"^\s*\d+[.)]\s", text[max(0, match.start() - 1) :]) and match.start() == 0:
                continue  # a list index
            value = _value(raw) * SCALES.get((match.group("scale") or "").lower(), 1)
            low = high = value
        hedge = (match.group("hedge") or "").lower()
        if hedge in {"about", "around", "roughly", "approximately", "some"}:
            low, high = low * (1 - ROUNDING_TOLERANCE), high * (1 + ROUNDING_TOLERANCE)
        elif hedge in {"nearly", "almost"}:
            low = low * (1 - ROUNDING_TOLERANCE)
        elif hedge in {"more than", "over"}:
            low, high = low + (0 if match.group("vague") else 1), INF
        elif hedge == "at least":
            high = INF
        elif hedge in {"fewer than", "less than", "under"}:
            low, high = 0, low - 1
        elif hedge in {"up to", "as many as"}:
            low = 0
        amount_end = (
            match.end("vague")
            if match.group("vague")
            else (match.end("scale") if match.group("scale") else match.end("number"))
        )
        found.append(Quantity(text[match.start() : amount_end], low, high, noun))
    return found


def anchor_keys(text: str) -> set[str]:
    """What a claim counts ("quantity:troop"): claims counting the same thing are worth judging
    even when their wording differs."""
    return {f"quantity:{_noun_key(q.noun)}" for q in extract_quantities(text)}


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.low <= b.high and b.low <= a.high


def compare_quantities(text_a: str, text_b: str) -> list[tuple[Reason, bool]]:
    """(reason, contradicts) for every pair of quantities that count the same noun."""
    results = []
    for qa in extract_quantities(text_a):
        for qb in extract_quantities(text_b):
            if _noun_key(qa.noun) != _noun_key(qb.noun):
                continue
            agree = _overlap(qa, qb)
            verdict = "compatible" if agree else "cannot both be true"
            detail = f"{qa.describe()} vs {qb.describe()} of {qa.noun}: {verdict}"
            results.append((Reason("quantity", qa.text, qb.text, detail), not agree))
    return results


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FULL_MONTHS = MONTHS[:12]
MONTH_DAY = re.compile(
    rf"\b(?P<month>{'|'.join(FULL_MONTHS)})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{'|'.join(FULL_MONTHS)})\b",
    re.IGNORECASE,
)
ANCHORED_YEAR = re.compile(
    r"\b(?P<prep>in|since|until|by|from|before|after)\s+(?P<year>1[89]\d\d|20\d\d)\b", re.IGNORECASE
)


def _dates(text: str) -> dict[str, set]:
    lowered = text.lower()
    found: dict[str, set] = {
        "weekday": {d for d in WEEKDAYS if re.search(rf"\b{d}\b", lowered)},
        "day": set(),
        "month": {m for m in FULL_MONTHS if re.search(rf"\b{m}\b", lowered)},
    }
    for match in MONTH_DAY.finditer(text):
        month = (match.group("month") or match.group("month2")).lower()
        day = int(match.group("day") or match.group("day2"))
        found["day"].add((month, day))
    for match in ANCHORED_YEAR.finditer(text):
        found.setdefault(f"year {match.group('prep').lower()}", set()).add(match.group("year"))
    return found


def compare_dates(text_a: str, text_b: str) -> list[tuple[Reason, bool]]:
    """Weekdays, month-and-day dates, months and years after the same preposition ("since
    2019"), compared as stated: both sides name one, and they share none, is a conflict.
    Relative dates ("next week") need a publication date and are not compared here."""
    dates_a, dates_b = _dates(text_a), _dates(text_b)
    results = []
    for kind in dates_a.keys() & dates_b.keys():
        a, b = dates_a[kind], dates_b[kind]
        if not a or not b:
            continue
        if kind == "month" and (dates_a["day"] and dates_b["day"]):
            continue  # the full dates are compared instead
        shown_a = ", ".join(sorted(_show(v) for v in a))
        shown_b = ", ".join(sorted(_show(v) for v in b))
        conflict = not (a & b)
        verdict = "different" if conflict else "same"
        results.append(
            (
                Reason("date", shown_a, shown_b, f"{kind}: {shown_a} vs {shown_b}: {verdict}"),
                conflict,
            )
        )
    return results


def _show(value) -> str:
    if isinstance(value, tuple):
        return f"{value[0].capitalize()} {value[1]}"
    return value.capitalize() if isinstance(value, str) and value.isalpha() else str(value)


def compare_facts(text_a: str, text_b: str) -> list[tuple[Reason, bool]]:
    """Every fact compared between two aligned claims: (reason, cannot both be true)."""
    return [*compare_quantities(text_a, text_b), *compare_dates(text_a, text_b)]


def compare_entities(names_a: list[str], names_b: list[str]) -> tuple[Reason | None, int, float]:
    """The named entities two claims share: (reason, how many, share of the smaller set)."""
    fold_a = {n.lower(): n for n in names_a}
    fold_b = {n.lower() for n in names_b}
    shared = [fold_a[n] for n in fold_a if n in fold_b]
    if not shared or not fold_a or not fold_b:
        return None, 0, 0.0
    share = len(shared) / min(len(fold_a), len(fold_b))
    detail = f"both name {', '.join(shared)} ({len(shared)} of {min(len(fold_a), len(fold_b))})"
    return Reason("entity", ", ".join(names_a), ", ".join(names_b), detail), len(shared), share
