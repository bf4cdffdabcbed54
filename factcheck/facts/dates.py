"""Dates and times in claims: weekdays, month-and-day dates, months, years after a
preposition ("since 2019"), and relative dates ("yesterday", "on Thursday", "next week")
resolved against the source's publication date when one is known.

Hand-written: dateparser and similar libraries parse a string that *is* a date; finding
the dates inside a sentence (without reading "May" the verb or "March" the noun as months
out of context) and keeping what was stated for the reason line is what this module does.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from factcheck.facts.quantities import MONTHS, in_common_case
from factcheck.facts.words import sentence_breaks
from factcheck.schema import Reason

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FULL_MONTHS = MONTHS[:12]
# Month names as written in text, capitalised or in capitals: "may" the verb is no month;
# and their abbreviations with a full stop ("Sept. 3", "Oct."): "Mar" alone is a verb.
_ABBREVIATED = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_MONTH_NAMES = "|".join(
    [
        *(f"{m.capitalize()}|{m.upper()}" for m in FULL_MONTHS),
        *(rf"{short}\." for short in _ABBREVIATED),
    ]
)
_FULL_MONTH = {m[:3]: m for m in FULL_MONTHS}


def _as_value(word: str) -> str:
    """A word of the text as a date's value holds it: a month's abbreviation ("Sept") as the
    month in full."""
    return month_named(word) or word.lower()


def month_named(word: str) -> str | None:
    """The month a word names, in full and lower case ("September", "Sept." → september),
    or None where it names none."""
    key = word.lower().rstrip(".")
    return _FULL_MONTH[key[:3]] if key in MONTHS else None


def full_month(name: str) -> str:
    """`month_named` for a name the month patterns matched, which names one."""
    return _FULL_MONTH[name.lower()[:3]]


MONTH_DAY = re.compile(
    r"(?:\b(?P<prep>[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter)\s+)?"
    rf"(?:\b(?P<month>{_MONTH_NAMES})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"|(?<![\d.,])\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})(?!\w))"
)
MONTH = re.compile(rf"\b(?P<month>{_MONTH_NAMES})(?!\w)")
ANCHORED_YEAR = re.compile(
    r"\b(?P<prep>in|since|until|by|from|before|after)\s+(?P<year>1[89]\d\d|20\d\d)\b", re.IGNORECASE
)


MONTH_YEAR = re.compile(rf"\b(?:{_MONTH_NAMES})\s+(?P<year>1[89]\d\d|20\d\d)\b")


# A weekday right after a verb of saying dates the saying ("the government said Sunday
# that a meteorite …"), not the event told ("landed on Saturday night"): weekdays are
# compared with weekdays of their own kind only.
SAID = r"(?:said|says|told|tells|announced|reported|stated|confirmed|added|claimed|wrote|tweeted)"
# So does a weekday that names a piece of writing or speech: "said in a Saturday post",
# "Monday's statement", "in a statement Monday", "in a late Monday report" (FNC-1 bodies
# 828 and 1408: police posted on Saturday that they were looking for a man, and had him in
# custody on Monday); "according to media reports on Monday" (FNC-1 bodies 1710 and 1754:
# the soldiers vanished on Saturday).
SAYING = r"(?:post|posting|statement|tweet|interview|e-?mail|letter|message|report)"
# ... and one after "posted" where what was posted follows ("had posted on Sunday that they
# were looking for him"); "the video was posted on Friday" dates the event told.
POSTED_THAT = r"\bposted\s+(?:on\s+)?{day}(?:\s+(?:morning|afternoon|evening|night))?\s+that\b"
# Each weekday as a day of saying, in lower-case text: one pattern per weekday, built once.
SAYING_DAY = {
    day: re.compile(
        rf"\b{SAID}\s+(?:on\s+)?{day}\b"
        rf"|\b{day}(?:'s|’s)?\s+{SAYING}s?\b"
        rf"|\b{SAYING}s?\s+(?:(?:on|late|early)\s+)?{day}\b"
        rf"|{POSTED_THAT.format(day=day)}"
    )
    for day in WEEKDAYS
}
# A weekday or date after "as of" dates a tally ("over 75,000 views as of Friday morning" /
# "at least 56,296 views as of Thursday"; "no suspected cases as of 5 January"): two
# tallies taken on two days both hold, so such a date is compared with none (FNC-1 bodies
# 1024 and 1179, 2138 and 2180).
_UNNAMED = re.compile(r"\(\?P<\w+>")  # a pattern's named groups, to be reused inside another
TALLY_DATE = re.compile(
    rf"\b(?i:as\s+of)\s+(?:(?i:{'|'.join(WEEKDAYS)})\b"
    + "".join(f"|{_UNNAMED.sub('(?:', p.pattern)}" for p in (MONTH_DAY, MONTH))
    + ")"
)


# A weekday in the name of a paper or a show dates nothing: "The Sunday Times and Sunday
# People identified Bary" (FNC-1 body 1079) against "… reported on Sunday".
NAMED_AFTER_A_WEEKDAY = re.compile(
    rf"\b(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})\s+(?:Times|Telegraph|People|Mirror|"
    r"Express|Post|Herald|Star|Mail|Independent|Tribune|World|Night\s+(?:Live|Football))\b"
    r"|\bMail\s+on\s+Sunday\b"
)


def _blank(match: re.Match[str]) -> str:
    """Spaces for what a match covers, so that the text keeps its offsets."""
    return " " * len(match.group(0))


def _without_non_dates(text: str) -> str:
    """The text with each "as of" and the date after it blanked out, and each weekday in
    the name of a paper or a show (`NAMED_AFTER_A_WEEKDAY`)."""
    return TALLY_DATE.sub(_blank, NAMED_AFTER_A_WEEKDAY.sub(_blank, text))


def _dates(text: str) -> dict[str, set]:
    text = _without_non_dates(text)
    lowered = text.lower()
    weekdays = {d for d in WEEKDAYS if re.search(rf"\b{d}\b", lowered)}
    said = {d for d in weekdays if SAYING_DAY[d].search(lowered)}
    found: dict[str, set] = {
        "weekday": weekdays - said,
        "weekday of saying": said,
        "day": set(),
        "month": {full_month(m.group("month")) for m in MONTH.finditer(text)},
    }
    for match in MONTH_DAY.finditer(text):
        month = full_month(match.group("month") or match.group("month2"))
        day = int(match.group("day") or match.group("day2"))
        # "by April 10" is a deadline, "on March 9" an event: days are compared under the
        # same preposition only, like years.
        prep = (match.group("prep") or "on").lower()
        found.setdefault("day" if prep == "on" else f"day {prep}", set()).add((month, day))
    for match in ANCHORED_YEAR.finditer(text):
        found.setdefault(f"year {match.group('prep').lower()}", set()).add(match.group("year"))
    for match in MONTH_YEAR.finditer(text):  # "in September 2013": the year of an event
        found.setdefault("year in", set()).add(match.group("year"))
    return found


RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
WEEKDAY_PHRASE = re.compile(
    rf"\b(?P<which>on|last|next|this|since|by|until|from)?\s*(?P<weekday>{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)
# Double quotes, and British single ones (left and right single quotation marks), whose
# closing mark is no apostrophe (not followed by a letter, as in "didn't"); a quotation
# running on into the next paragraph opens and never closes.
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|(?<![\w’'])‘[^‘]*?(?:’(?![a-z])|$)")
FUTURE_HINT = re.compile(r"\b(will|shall|is to|are to|plans? to|scheduled|expected to)\b", re.I)
# A month-and-day date more than this far after publication is last year's.
MAX_DAYS_AHEAD = 183


def resolved_days(text: str, published: date) -> dict[date, str]:
    """Days the claim names, resolved against its publication date: date → what was said.
    "On Thursday" in a past-tense claim is the last Thursday up to publication; with "will"
    or "next", the next one."""
    days: dict[date, str] = {}
    # Inside a quotation "today" is the day the words were spoken, not the day of
    # publication: relative days are read outside quotes only.
    text = _without_non_dates(QUOTED.sub(" ", text))
    lowered = text.lower()
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lowered):
            days[published + timedelta(days=offset)] = word
    future = bool(FUTURE_HINT.search(text))
    for match in WEEKDAY_PHRASE.finditer(text):
        target = WEEKDAYS.index(match.group("weekday").lower())
        which = (match.group("which") or "").lower()
        if which == "next" or (future and which != "last"):
            ahead = (target - published.weekday()) % 7 or 7
            day = published + timedelta(days=ahead)
        else:
            day = published - timedelta(days=(published.weekday() - target) % 7)
        days[day] = match.group(0).strip()
    for match in MONTH_DAY.finditer(text):
        month = FULL_MONTHS.index(full_month(match.group("month") or match.group("month2"))) + 1
        number = int(match.group("day") or match.group("day2"))
        year_after = re.match(r",?\s*(1[89]\d\d|20\d\d)\b", text[match.end() :])
        year = int(year_after.group(1)) if year_after else published.year
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if not year_after and (day - published).days > MAX_DAYS_AHEAD:
            day = day.replace(year=year - 1)
        days[day] = match.group(0).strip()
    return days


def compare_dates(
    text_a: str,
    text_b: str,
    published_a: date | None = None,
    published_b: date | None = None,
    one_speaker: bool = True,
) -> list[tuple[Reason, bool]]:
    """Weekdays, month-and-day dates, months and years after the same preposition ("since
    2019"): both sides name one, and they share none, is a conflict. When both sources'
    publication dates are known, days ("yesterday", "on Thursday", "September 3") are
    resolved to calendar dates first and compared as dates. `one_speaker`: the claims
    are said by one speaker, so that the days they were said on are compared ("a source
    claimed Monday" / "the Chosun Ilbo reported on Tuesday" are two sayings)."""
    dates_a, dates_b = _dates(text_a), _dates(text_b)
    if not one_speaker:
        dates_a.pop("weekday of saying", None)
    results = _compare_clock_times(text_a, text_b)
    if published_a and published_b:
        days_a, days_b = resolved_days(text_a, published_a), resolved_days(text_b, published_b)
        if days_a and days_b:
            for kind in ("weekday", "weekday of saying", "day", "month"):
                dates_a.pop(kind, None)
            shown_a = ", ".join(f"{said} ({day.isoformat()})" for day, said in days_a.items())
            shown_b = ", ".join(f"{said} ({day.isoformat()})" for day, said in days_b.items())
            conflict = not (days_a.keys() & days_b.keys())
            verdict = "different days" if conflict else "same day"
            detail = f"{shown_a} vs {shown_b}, resolved against publication dates: {verdict}"
            results.append((Reason("date", shown_a, shown_b, detail), conflict))
    for kind in [kind for kind in dates_a if kind in dates_b]:  # in order, not hash order
        a, b = dates_a[kind], dates_b[kind]
        if not a or not b:
            continue
        if kind == "month" and any(k.startswith("day") for k in dates_a.keys() & dates_b.keys()):
            continue  # the full dates are compared instead
        shown_a = ", ".join(sorted(_show(v) for v in a))
        shown_b = ", ".join(sorted(_show(v) for v in b))
        conflict = not (a & b)
        # "A blast on Saturday night" and "the asteroid passed Earth on Sunday": two dates
        # of two events. Dates are compared only where the words around them share
        # something (the event they date). For a conflict that must be a common word: a
        # place or a name says where or who, not which event ("moved to the Syrian border
        # in 2012" / "kidnapped in Syria in 2013"); one date agreeing may share a name
        # ("Corriere Adriatico said on Friday" / "Corriere Adriatico reported on Friday").
        context_a, context_b = _context(text_a, a, conflict), _context(text_b, b, conflict)
        if not context_a & context_b:
            continue
        near_a = _context(text_a, a, True, STEP_WINDOW)
        near_b = _context(text_b, b, True, STEP_WINDOW)
        steps_a, steps_b = near_a & STEPS, near_b & STEPS
        if steps_a and steps_b and not steps_a & steps_b:
            # "Zehaf-Bibeau was charged with drug possession in 2004" / "… was convicted of
            # marijuana possession in 2009" (FNC-1 bodies 789 and 1178): two steps of one
            # case, each on its own date.
            continue
        if _step_dated_apart(steps_a, steps_b, text_a, text_b):
            continue
        if conflict and kind.startswith("year") and _year_told_otherwise(a, b, dates_a, dates_b):
            # "adoption by Argentina's president in 1907" / "customary since 1907 but
            # formally established in 1973" (FNC-1 bodies 448 and 765): the other claim
            # gives the year too, after another preposition; its other year dates more.
            continue
        if (
            conflict
            and kind.startswith("year")
            and bool(near_a & REPEATED) != bool(near_b & REPEATED)
        ):
            continue
        if conflict and kind == "year since" and _first_since(text_a) != _first_since(text_b):
            # "the first time the exercise has taken place on U.S. soil since 2006" dates the
            # last time before, not a start ("has been in place since 2004": FNC-1 bodies 665
            # and 717).
            continue
        verdict = "different" if conflict else "same"
        results.append(
            (
                Reason("date", shown_a, shown_b, f"{kind}: {shown_a} vs {shown_b}: {verdict}"),
                conflict,
            )
        )
    return results


FIRST_SINCE = re.compile(r"\bfirst\b[^;!?]{0,120}?\bsince\b", re.IGNORECASE)


def _first_since(text: str) -> bool:
    """Whether a claim tells of something done for the first time since a date."""
    return FIRST_SINCE.search(text) is not None


def _year_told_otherwise(a: set, b: set, dates_a: dict, dates_b: dict) -> bool:
    """Whether a year of one side is among the other's years of any kind."""
    years_a = set().union(*(v for k, v in dates_a.items() if k.startswith("year")))
    years_b = set().union(*(v for k, v in dates_b.items() if k.startswith("year")))
    return bool(a & years_b or b & years_a)


def _step_dated_apart(steps_a: set[str], steps_b: set[str], text_a: str, text_b: str) -> bool:
    """Whether one claim dates a step of a criminal case that the other tells of too, but
    not by its date ("Manson was sentenced to death in 1969" / "Manson's sentence was
    commuted … when California tossed out the death penalty in 1972": FNC-1 bodies 1287
    and 1992): the other's date is of something else."""
    pairs = ((steps_a, steps_b, text_a, text_b), (steps_b, steps_a, text_b, text_a))
    for near, other_near, text, other_text in pairs:
        told = {word.lower()[:STEM] for word in re.findall(r"[A-Za-z]{3,}", other_text)}
        # The step as a verb ("was sentenced"): "According to an arrest warrant, Bryant …
        # attacked a woman on June 30" dates the attack, not an arrest (MSRP).
        done = {stem for stem in near if re.search(rf"\b{stem}\w*(?:ed|ing)\b", text, re.I)}
        if done and not other_near and done & told:
            return True
    return False


def _show(value) -> str:
    if isinstance(value, tuple):
        return f"{value[0].capitalize()} {value[1]}"
    return value.capitalize() if isinstance(value, str) and value.isalpha() else str(value)


CONTEXT_WORDS = 3  # words on each side of a date that say what it dates
# Words right after a date that open what it does not date: a clause ("announced on Sunday
# that …") or an event before or after it ("were killed on Monday, following a ceasefire",
# FNC-1 bodies 1298 and 1419: the ceasefire was announced on Thursday), or who tells of it
# ("bombing raids … on Thursday, according to reports": bodies 640 and 1644).
CLAUSE_WORDS = {"that", "following", "after", "amid", "ahead", "according"}
# Words that may stand between a date and that clause ("on Saturday morning that …").
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
STEM = 5  # "reopened" and "reopening" name one event
# Steps of a criminal case, each dated on its own (stems, as `_context` gives them), looked
# for within `STEP_WINDOW` words of the date ("charged with drug possession in 2004").
STEP_WINDOW = 6
STEPS = {
    w[:STEM]
    for w in (
        "arrested",
        "charged",
        "indicted",
        "convicted",
        "sentenced",
        "acquitted",
        "released",
        "jailed",
        "pleaded",
        "extradited",
    )
}
# Words that tell an event happened once more, near its year ("was also abducted in Libya
# in 2011" / "was abducted in Syria in 2012": FNC-1 bodies 578 and 632): the year of
# another time, no conflict with the year of the one both tell. (Not "first": "first
# sailed in 1987" dates the one start both tell.)
REPEATED = {"also", "again", "previ", "once"}
_SKIP = {
    # Short function words, which date no event.
    "the",
    "and",
    "for",
    "was",
    "are",
    "has",
    "had",
    "but",
    "not",
    "its",
    "his",
    "her",
    "him",
    "she",
    "who",
    "you",
    "our",
    "one",
    "all",
    "per",
    "via",
    "ago",
    "yet",
    "now",
    "new",
    "out",
    "off",
    "than",
    "they",
    "them",
    *WEEKDAYS,
    *FULL_MONTHS,
    "night",
    "morning",
    "afternoon",
    "evening",
    "early",
    "late",
    "last",
    "next",
    "this",
    "that",
    "since",
    "until",
    "before",
    "after",
    "from",
    "with",
    # ... and prepositions and conjunctions that say where a clause goes, not what: "remained
    # unclear on Sunday about the fate" / "air strikes on Friday night about whether"
    # (FNC-1 bodies 1620 and 2027).
    "about",
    "into",
    "over",
    "when",
    "while",
    "where",
    "said",
    "says",
    "told",
    "were",
    "have",
    "been",
    "will",
    "would",
}


# A sentence's end before a capital or quote ("… in 2004. They"), a dash set in spaces or
# doubled, a semicolon.
CLAUSE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘'])|\s+(?:--|[—–])\s+|--|—|;")


def _context(
    text: str, values: set, common_words_only: bool, window: int = CONTEXT_WORDS
) -> set[str]:
    """Stems of the content words within `window` words of each mention of `values` in
    `text`; with `common_words_only`, capitalised words (names) left out."""
    tokens = {str(v[0] if isinstance(v, tuple) else v).lower() for v in values}
    stems: set[str] = set()
    # The words around a date are looked for in its own sentence or dash-set clause only:
    # "… in 2004. They had two children -- daughter Sam in June 2007 and son Charlie in
    # February 2009 -- but their marriage unraveled" dates no marriage by 2009 (FNC-1
    # bodies 1991 and 2444).
    for clause in _clauses(in_common_case(text)):
        stems |= _clause_context(clause, tokens, common_words_only, window)
    return stems


def _clauses(text: str) -> list[str]:
    """`text` cut at each `CLAUSE_BREAK`, except a full stop that ends an abbreviation
    ("2:30 p.m. Tuesday", "Gen. Smith")."""
    parts, start = [], 0
    for match in sentence_breaks(CLAUSE_BREAK, text):
        parts.append(text[start : match.start()])
        start = match.end()
    return [*parts, text[start:]]


def _clause_context(
    clause: str, tokens: set[str], common_words_only: bool, window: int
) -> set[str]:
    """`_context` within one clause."""
    # Words of three letters or more (and the dates themselves): "p.m." and "in" say nothing;
    # nor does a web address's ending ("telling ESPN.com his Friday comments" / "told
    # ESPN.com's Michael Collins on Monday": FNC-1 bodies 431 and 757).
    words = re.findall(r"(?<![.\w])[A-Za-z]{3,}|\d{4}", clause)
    if words and words[0][:1].isupper():
        words[0] = words[0].lower()  # a sentence's first word is capitalised as the first
    stems: set[str] = set()
    for index, word in enumerate(words):
        if _as_value(word) in tokens:
            near = words[max(0, index - window) : index + window + 1]
            # A clause opened by "that" right after the date is not what the date dates:
            # "announced on Sunday that a loud explosion …" dates the announcement. (Before
            # it, "that" may open a relative clause: "the video that surfaced Tuesday".)
            # Nor is one after the date and its part of the day ("noticed a mark on
            # Saturday morning that continued to worsen" dates the noticing).
            at = near.index(word)
            after = at + 1
            if near[after : after + 1] and near[after].lower() in PARTS_OF_DAY:
                after += 1
            if near[after : after + 1] and near[after].lower() in CLAUSE_WORDS:
                near = near[:after]
            stems |= {
                w[:STEM].lower()
                for w in near
                if w.isalpha() and (w.islower() or not common_words_only) and w.lower() not in _SKIP
            }
    return stems


# Clock times: "11 p.m.", "2:30 p.m.", "at around 1 a.m."; a hedge ("about", "shortly
# after") widens a time by `CLOCK_HEDGE_MINUTES` either way.
CLOCK = re.compile(
    r"(?P<hedge>\b(?:about|around|approximately|roughly|shortly\s+(?:after|before)|just\s+"
    r"(?:after|before))\s+)?\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
    r"(?P<half>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
CLOCK_HEDGE_MINUTES = 45
# A time zone named beside a clock time: "4pm (ET)", "3 p.m. local time".
TIME_ZONE = re.compile(
    r"\s*\(?(?P<zone>(?:[ECMP][SD]?T|GMT|BST|UTC|CES?T|AE[SD]T|JST|IST)\b|local\s+time"
    r"|(?:Eastern|Central|Mountain|Pacific)\b)"
)
# Words on each side of a clock time that say what it is the time of: the sentence "At
# 12:32 p.m. today Frisco dispatch received a call … of Ebola" and "The CDC will host a
# press conference at 4pm … of a second Ebola patient" share a word, the times' events none.
CLOCK_CONTEXT_WORDS = 5
CLOCK_PLACEHOLDER = "clocktime"  # a clock time read as one word, to find the words near it


class ClockTime(NamedTuple):
    """A clock time as written, its earliest and latest minute after midnight, and the time
    zone named with it ("" where none is)."""

    shown: str
    earliest: int
    latest: int
    zone: str


def _clock_times(text: str) -> list[ClockTime]:
    times = []
    for match in CLOCK.finditer(text):
        minutes = int(match.group("hour")) % 12 * 60 + int(match.group("minute") or 0)
        minutes += 720 if match.group("half").lower() == "p" else 0
        spread = CLOCK_HEDGE_MINUTES if match.group("hedge") else 0
        zone = TIME_ZONE.match(text, match.end())
        times.append(
            ClockTime(
                match.group(0).strip(),
                minutes - spread,
                minutes + spread,
                zone.group("zone") if zone else "",
            )
        )
    return times


# Zones whose offset from GMT is not a whole number of hours (India's: "10:30PM IST" is
# "5PM GMT", FNC-1 bodies 251 and 478).
HALF_HOUR_ZONES = {"IST"}


def _one_moment_in_two_zones(a: ClockTime, b: ClockTime) -> bool:
    """Whether two clock times whole hours apart (half hours where one is told in a zone
    that is, `HALF_HOUR_ZONES`), not both told in one named zone, may be one moment: "a 3
    p.m. press conference" (a Texan source) and "at 4pm (ET)"."""
    step = 30 if HALF_HOUR_ZONES & {a.zone, b.zone} else 60
    apart = (a.earliest - b.earliest) % step == 0 and (a.latest - b.latest) % step == 0
    return a.zone != b.zone and apart


def _compare_clock_times(text_a: str, text_b: str) -> list[tuple[Reason, bool]]:
    times_a, times_b = _clock_times(text_a), _clock_times(text_b)
    if not times_a or not times_b:
        return []
    overlap = any(
        a.earliest <= b.latest and b.earliest <= a.latest for a in times_a for b in times_b
    )
    if not overlap and not (_clock_context(text_a) & _clock_context(text_b)):
        return []  # two times of two events
    if not overlap and any(_one_moment_in_two_zones(a, b) for a in times_a for b in times_b):
        return []
    shown_a = ", ".join(t.shown for t in times_a)
    shown_b = ", ".join(t.shown for t in times_b)
    verdict = "same time" if overlap else "different times"
    return [
        (Reason("date", shown_a, shown_b, f"time: {shown_a} vs {shown_b}: {verdict}"), not overlap)
    ]


def _clock_context(text: str) -> set[str]:
    """The common words near each clock time of `text` in its clause (`_context`)."""
    marked = CLOCK.sub(f" {CLOCK_PLACEHOLDER} ", text)
    near = _context(marked, {CLOCK_PLACEHOLDER}, True, CLOCK_CONTEXT_WORDS)
    return near - {CLOCK_PLACEHOLDER[:STEM]}
