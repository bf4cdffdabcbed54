"""Fact layer: typed facts pulled out of claims and compared across an aligned pair, so
that a verdict says what differs and why.

- `quantities`: counts, vague amounts, money, percentages, measures, ordinals, as ranges;
- `dates`: weekdays, dates, months, years, and relative dates against publication dates;
- `edits`: names, places and nationalities swapped, antonyms, negation;
- `language`: what spaCy reads in a claim (entities, negation, speaker, titles);
- `entities`: named entities two claims share.

`FactChecker.compare` returns (reason, cannot both be true) for every fact compared;
titles held by different people and attribution to different speakers are read here too.

May import: the foundation (`schema`, `settings`, `errors`, `files`, `resources`) only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from factcheck.facts.dates import QUOTED, WEEKDAYS, compare_dates
from factcheck.facts.edits import (
    AUXILIARIES,
    DETAIL_ENTITY_KINDS,
    NAMED_BY_BOTH,
    EditChecker,
    acronym_of,
    mention_spans,
    mentions,
)
from factcheck.facts.entities import compare_entities
from factcheck.facts.language import (
    POSSESSIVE_MARKS,
    ClaimFacts,
    FactReader,
    is_quotation,
    name_words,
    spelled_apart,
)
from factcheck.facts.quantities import (
    SEVERAL_GIVEN,
    TOLD_APART,
    Quantity,
    anchor_keys,
    compare_quantities,
    extract_quantities,
    names_people,
)
from factcheck.facts.words import SENTENCE_BREAK, sentence_breaks
from factcheck.schema import Reason
from factcheck.settings import FactsSettings

SHORT_NAME_LETTERS = 3  # a first name cut to this many letters at least ("Pam", "Rob")
MODIFIERS = {"ADJ", "ADV"}  # words a name may come with ("portly leader Jong-un")
WORD = re.compile(r"[\w'.,]*\w")  # words, keeping "3.5", "1,200" and "o'neill" whole
FIGURE = re.compile(r"\d[\d,.]*\d|\d")  # a number written in digits
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}  # words that can say what a claim is of
WHETHER = "whether"
# A clause asking whether, up to a sentence's end (not an initial's full stop: "U.S.") or a
# clause joined by a conjunction.
WHETHER_CLAUSE = re.compile(
    rf"\b{WHETHER}\b.*?(?=(?<!\b[A-Z])[.;!?](?:\s|$)|,\s+(?:and|but|while)\b|$)", re.I | re.S
)

__all__ = [
    "ClaimFacts",
    "FactChecker",
    "Quantity",
    "anchor_keys",
    "compare_dates",
    "compare_entities",
    "compare_quantities",
    "extract_quantities",
]


class FactChecker:
    """Reads claims with spaCy (`nlp`) and compares the facts of two claims."""

    def __init__(self, nlp: Any, settings: FactsSettings):
        self.reader = FactReader(nlp, settings)
        self.edits = EditChecker(settings)
        self.detail_parts_of_speech = set(settings.detail_parts_of_speech)
        self.not_droppable = {w.lower() for w in settings.not_droppable}
        self.not_droppable_parts_of_speech = set(settings.not_droppable_parts_of_speech)
        self.title_modifiers = {w.lower() for w in settings.title_modifiers}
        self.left_out_min_words = settings.left_out_min_words
        self.same_quotation_min_share = settings.same_quotation_min_share
        self.description_parts_of_speech = set(settings.description_parts_of_speech)
        # Words two claims share without being about one thing: auxiliaries, report verbs.
        self.not_anchors = AUXILIARIES | self.reader.say_verbs

    def read(
        self,
        texts: Sequence[str],
        published: Sequence[date | None] | None = None,
        contexts: Sequence[str | None] | None = None,
    ) -> list[ClaimFacts]:
        """Facts of each claim; `contexts` are the sentences the claims were cut from."""
        return self.reader.read(texts, published, contexts)

    def near_copies(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether the two claims are one sentence with a word or two changed."""
        return self.edits.near_copies(a, b)

    def rewording(self, a: ClaimFacts, b: ClaimFacts) -> tuple[float, int]:
        """How much two claims' words match and in how many places they differ
        (`EditChecker.rewording`)."""
        return self.edits.rewording(a, b)

    def differences_in_form(self, a: ClaimFacts, b: ClaimFacts) -> set[str] | None:
        """How two near copies differ where they write the same things differently
        (`EditChecker.differences_in_form`); None where anything else differs."""
        return self.edits.differences_in_form(a, b)

    def one_name_two_ways(self, a: ClaimFacts, b: ClaimFacts) -> str | None:
        """The full name, where the claims differ only in that each calls one person by
        another part of it, and a source writes the parts together ("Jess then used
        Facebook" / "Smith then used Facebook", both sources naming Jess Smith: FNC-1
        bodies 587 and 649, NLI 0.98 both ways); None otherwise."""
        extra_a, extra_b = _extra_words(a, b), _extra_words(b, a)
        if len(extra_a) != 1 or len(extra_b) != 1:
            return None
        (part_a, pos_a, _), (part_b, pos_b, _) = extra_a[0], extra_b[0]
        if pos_a != "PROPN" or pos_b != "PROPN" or {part_a, part_b} & set(WEEKDAYS):
            return None
        for first, last in ((part_a, part_b), (part_b, part_a)):
            pattern = re.compile(rf"\b{re.escape(first)} {re.escape(last)}\b", re.IGNORECASE)
            for text in (a.source_text, b.source_text, a.context, b.context):
                if whole := pattern.search(text):
                    return whole.group(0)
        return None

    def quote_alike(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether both claims quote the same words, word for word, and are, as wholes, the
        same words too (`facts.same_quotation_min_share`): one quotation told by two
        outlets, whoever they give it to ("…," said DHS spokesperson Marsha Catron / "…," a
        DHS spokesman said: FNC-1 bodies 2016 and 2249, NLI 0.88 / 0.97)."""
        quotes_a, quotes_b = ([q.group(0) for q in QUOTED.finditer(f.text)] for f in (a, b))
        # Word for word, every quoted piece of each: "“impossible to understand,” …" against
        # "“understand,” …" (SummEdits) is an edit, not one quotation.
        return (
            any(is_quotation(q) for q in quotes_a)
            and sorted(map(_words, quotes_a)) == sorted(map(_words, quotes_b))
            and _one_quotation(_words(a.text), _words(b.text), self.same_quotation_min_share)
        )

    def adds_only_detail(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether one claim holds every word of the other and adds only names, numbers
        and function words (`facts.detail_parts_of_speech`), no negator: the same
        statement with a detail more, which cannot contradict it."""
        shorter, longer = sorted((a, b), key=lambda facts: len(facts.words))
        # Counted, not a set: "in front of … in front of" is not held by one "in front of".
        extra = Counter(longer.words)
        extra.subtract(shorter.words)
        for name, fuller in _names_written_out(shorter, longer, extra):
            extra[name] += 1  # "Pam Hatchfield" / "Pamela Hatchfield": one name
            extra[fuller] -= 1
        if any(count < 0 for count in extra.values()):
            return False
        # Counted as a bag, so not a nationality, which may be a word put for another: "asks
        # for Italian music … a popular artist" / "asks for French music … a popular
        # Italian artist" (SummEdits); `each_adds_only_detail` reads where words stand.
        return all(
            (pos in self.detail_parts_of_speech or word in POSSESSIVE_MARKS)
            and word not in self.reader.negators
            for word, pos in zip(longer.words, longer.pos, strict=True)
            if extra[word] > 0
        )

    def each_adds_only_detail(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether two near copies differ only in details each puts in where the other has
        nothing (`EditChecker.each_adds_only_detail`)."""
        return self.edits.each_adds_only_detail(a, b, self.detail_parts_of_speech)

    def leaves_words_out(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether one claim is the other with words left out, in order, none of which
        changes what the rest states (none that `_turns` it, no adjective): the longer
        states all the shorter does ("Big Bank Hank of the Sugarhill Gang is dead at 57" /
        "… is dead")."""
        left_out = self._left_out(a, b)
        if left_out is None:
            return False
        longer, blocks = left_out
        return not any(
            self._turns(longer, block)
            or any(
                longer.pos[i] in self.not_droppable_parts_of_speech
                and longer.kinds[i] not in DETAIL_ENTITY_KINDS
                for i in block
            )
            for block in blocks
        )

    def leaves_out_what_turns_it(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether one claim is the other with words left out that change what the rest
        states ("The patient nearly died" / "The patient died", "The vice president
        resigned" / "The president resigned"): not one statement, whatever NLI reads."""
        left_out = self._left_out(a, b)
        if left_out is None:
            return False
        longer, blocks = left_out
        return any(self._turns(longer, block) for block in blocks)

    def _left_out(self, a: ClaimFacts, b: ClaimFacts) -> tuple[ClaimFacts, list[range]] | None:
        """The longer claim and the runs of its words the shorter leaves out, where the
        shorter is the longer with words left out, in order but for a run the shorter moves
        whole (`_moved_runs`), and holds at least `facts.left_out_min_words` words; else
        None."""
        shorter, longer = sorted((a, b), key=lambda facts: len(facts.words))
        if not self.left_out_min_words <= len(shorter.words) < len(longer.words):
            return None
        matcher = SequenceMatcher(None, longer.words, shorter.words, autojunk=False)
        changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        if any(op not in ("delete", "insert") for op, *_ in changes):
            return None
        deleted = [range(start, end) for op, start, end, _, _ in changes if op == "delete"]
        inserted = [shorter.words[start:end] for op, _, _, start, end in changes if op == "insert"]
        blocks = _moved_runs(longer.words, deleted, inserted)
        return (longer, blocks) if blocks else None

    def _turns(self, longer: ClaimFacts, block: range) -> bool:
        """Whether words left out of `longer` change what the rest states: a negator (not
        one in a compound: "no-frills airline"), a verb of denial, one of
        `facts.not_droppable`, one of `facts.title_modifiers` before a common noun ("the
        vice president" / "the president"), a possessive before the thing possessed or an
        "of" after it, where the possessor stays ("Kim's uncle" / "Kim", "the brother of
        Kim" / "Kim"); not a possessor left out with its mark ("Italy's parliament" /
        "parliament", "the news from the Women's Health Initiative" / "the news"). A title
        or a possessive left out before a name describes the one named ("S. Africa's
        former president Mandela" / "Mandela")."""
        after = block[-1] + 1
        name_follows = after < len(longer.words) and longer.pos[after] == "PROPN"
        if longer.words[block[-1]] == "of" and not (
            len(block) > 1
            and (
                longer.pos[block[-2]] == "PROPN"
                or (name_follows and longer.lemmas[block[-2]] in PLACE_OF_NAME)
            )
        ):
            # Not a name's own "of" put in brackets ("Iran (Islamic Republic of): Iran …"),
            # nor a place's kind before its name ("the city of Cincinnati": MSRP).
            return True
        for i in block:
            word, lemma = longer.words[i], longer.lemmas[i]
            if word in self.reader.negators and _in_compounds_only(word, longer.text):
                continue  # "no-frills"
            if i == 0 and ANSWER_OPENING.match(longer.text):
                continue  # "No, Banksy hasn't been arrested": the answer the rest gives
            if (
                word in self.reader.negators
                or lemma in self.reader.denial_verbs
                or word in self.not_droppable
                or lemma in self.not_droppable
                or (
                    word in self.title_modifiers
                    and not name_follows
                    # what it modifies is kept: not "Expose (ex-poh-SAY)"
                    and all(w in self.title_modifiers for w in longer.words[i + 1 : after])
                )
                or (
                    word in POSSESSIVE_MARKS
                    and longer.pos[i] == "PART"
                    and i == block[0] < block[-1]  # the possessor kept, what it has left out
                    and not name_follows
                )
            ):
                return True
        return False

    def asks_whether(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether one claim only asks whether what the other states holds: every content
        word the two share stands in its clause opened by "whether" ("A small furor has
        erupted over whether a Saudi television station blurred out the image of Michelle
        Obama" / "footage he saw on Saudi TV did not show a blurred Michelle Obama", FNC-1
        bodies 343 and 691). A question states neither answer."""
        for asking, other in ((a, b), (b, a)):
            clause = WHETHER_CLAUSE.search(asking.text)
            if clause is None or WHETHER in other.words:
                continue
            others = {
                word
                for word, pos in zip(other.words, other.pos, strict=True)
                if pos in CONTENT_POS and word not in self.not_anchors
            }
            outside = asking.text[: clause.start()] + " " + asking.text[clause.end() :]
            if others & set(_words(clause.group(0))) and not others & set(_words(outside)):
                return True
        return False

    def describes_the_named(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether the claims differ only where one names someone or something and the
        other describes it ("Kumar was taken to hospital" / "The man was taken to
        hospital"; "Kim, 31, and his wife" / "The 31-year-old despot, and his wife"): the
        words only one side has are a name's (with a figure at most) on one side and a
        description's (`facts.description_parts_of_speech`, a determiner and a noun among
        them: "the man", not "moon" for "Sun") on the other.
        The noun may be one both have, the description its modifiers ("the North Korean
        leader" / "portly leader Jong-un", where the name comes with a modifier of its own).
        The description may be of the one named, so the two can both hold. A figure on
        both sides is not a description (the fact layer compares those)."""
        # A weekday one side adds dates what both tell; the date check compares two.
        extra_a, extra_b = (
            [w for w in _extra_words(x, y) if w[0] not in WEEKDAYS] for x, y in ((a, b), (b, a))
        )
        if not extra_a or not extra_b:
            return False
        for named, described in ((extra_a, extra_b), (extra_b, extra_a)):
            described_pos = {pos for _, pos, _ in described}
            if (
                all(pos in {"PROPN", "NUM"} or kind or pos in MODIFIERS for _, pos, kind in named)
                and any(kind for _, _, kind in named)
                and all(pos in self.description_parts_of_speech for _, pos, _ in described)
                and "DET" in described_pos
                and described_pos & {"NOUN", "ADJ"}
                and not (
                    any(pos == "NUM" for _, pos, _ in named)
                    and any(pos == "NUM" for _, pos, _ in described)
                )
            ):
                return True
        return False

    def missing(self, claims: Sequence[ClaimFacts], source_text: str) -> list[list[Reason]]:
        """For each claim, the names and figures it states that the source never mentions:
        what a summary or rewrite adds (reference mode). A name counts as mentioned when any
        of its identifying words is in the source ("Kim" for "Kim Jong Un")."""
        source_words = set(WORD.findall(source_text.lower().replace("’", "'")))
        source_figures = {w.replace(",", "") for w in source_words}
        found = []
        for claim in claims:
            reasons = []
            for text, kind, _start, _end in claim.entities:
                words = set(WORD.findall(" ".join(name_words(text))))
                if words and not words & source_words:
                    reasons.append(Reason(kind, text, "", f"{kind} not in the source: {text}"))
            for figure in FIGURE.findall(claim.text):
                if figure.replace(",", "") not in source_figures:
                    reasons.append(
                        Reason("quantity", figure, "", f"figure not in the source: {figure}")
                    )
            found.append(reasons)
        return found

    def compare(
        self,
        a: ClaimFacts,
        b: ClaimFacts,
        told_a: Sequence[Quantity] = (),
        told_b: Sequence[Quantity] = (),
    ) -> list[tuple[Reason, bool]]:
        """Every fact compared between two aligned claims: (reason, cannot both be true);
        `told_a` and `told_b`: the amounts each claim's source gives anywhere."""
        results = [
            *compare_quantities(a.text, b.text, told_a, told_b),
            *compare_dates(a.text, b.text, a.published, b.published, one_speaker(a, b)),
            *self.edits.compare(a, b),
            *compare_roles(a, b, self.edits.near_copies),
            *compare_quoted_speakers(a, b, self.same_quotation_min_share),
        ]
        # One reason per conflicting span: a swapped ordinal is not also an "antonym".
        seen: set[tuple[str, str]] = set()
        unique = []
        for reason, conflict in results:
            key = (reason.a.lower(), reason.b.lower())
            if conflict and key in seen:
                continue
            seen.add(key)
            unique.append((reason, conflict))
        return unique


def _in_compounds_only(word: str, text: str) -> bool:
    """Whether `word` stands in `text` only as the first part of hyphenated compounds."""
    escaped = re.escape(word)
    return bool(re.search(rf"\b{escaped}-\w", text, re.IGNORECASE)) and not re.search(
        rf"\b{escaped}\b(?!-)", text, re.IGNORECASE
    )


def compare_roles(
    a: ClaimFacts,
    b: ClaimFacts,
    near_copies: Callable[[ClaimFacts, ClaimFacts], bool] | None = None,
) -> list[tuple[Reason, bool]]:
    """The same title held by two different people cannot both be true; a title on one side
    and a name on the other ("Slovakia's prime minister", "Robert Fico") is not compared.
    Nor are two holders where one claim names both (by the other's surname). Nor two who
    each say something else, the speakers of their own claims ("Pope Francis declared that
    all of God's creatures …" / "Pope Benedict said during a 2008 sermon that …", FNC-1
    bodies 1651 and 1905): the title names who speaks, and two speakers' words are compared
    as theirs. Said in near copies, the same words given to two people still conflict
    (`near_copies`, asked only then: it is a word alignment, and this runs on every pair
    judged)."""
    results = []
    for role in [role for role in a.roles if role in b.roles]:  # in text order, not hash order
        person_a, person_b = a.roles[role], b.roles[role]
        same = bool(name_words(person_a) & name_words(person_b))
        if not same and (_surname(person_a) in b.name_words or _surname(person_b) in a.name_words):
            # One claim names both people ("Trump's strongly held opinions is … that
            # president Obama tapped his phones" / "President Donald J. Trump informed
            # Comey"): it tells of the one the other gives the title, and of someone else.
            continue
        if (
            not same
            and _speaks(a, person_a)
            and _speaks(b, person_b)
            and not (near_copies and near_copies(a, b))
        ):
            continue
        verdict = "same person" if same else "different people: cannot both be true"
        detail = f'title "{role}": {person_a} vs {person_b}: {verdict}'
        results.append((Reason("title", person_a, person_b, detail), not same))
    return results


def _surname(person: str) -> str:
    """The last word of a person's name, in lower case, as `name_words` gives it."""
    words = person.lower().replace("’", "'").split()
    return words[-1].removesuffix("'s") if words else ""


def _speaks(facts: ClaimFacts, person: str) -> bool:
    """Whether `person` is the claim's speaker (or a part of the speaker's name)."""
    return bool(facts.speaker) and name_words(person) <= name_words(facts.speaker or "")


# A "no" or "yes" that answers before the statement ("No, Banksy hasn't been arrested").
ANSWER_OPENING = re.compile(r"^\W*(?:no|yes)\s*[,:;.!—–-]", re.IGNORECASE)
# Kinds of place written before a place's name with "of": "the city of Cincinnati" is
# Cincinnati, as "the brother of Kim" is not Kim.
PLACE_OF_NAME = {
    *("city", "town", "village", "state", "province", "region", "county", "district"),
    *("island", "islands", "country", "kingdom", "republic", "port", "capital"),
}


def _moved_runs(
    words: list[str], deleted: list[range], inserted: list[list[str]]
) -> list[range] | None:
    """The runs of `words` left out (`deleted`) once each run put elsewhere (`inserted`)
    is taken from one of them: "said there were no details … on the search Monday" moves
    "Monday" of "said earlier Monday there were no details …" and leaves out "earlier"
    (FNC-1 bodies 1505 and 1705). None where a run put elsewhere was not left out, or
    nothing is left out but moved words."""
    left = list(deleted)
    for run in inserted:
        for index, block in enumerate(left):
            taken = [words[i] for i in block]
            at = next(
                (i for i in range(len(taken) - len(run) + 1) if taken[i : i + len(run)] == run),
                None,
            )
            if at is not None:
                start = block.start + at
                parts = [range(block.start, start), range(start + len(run), block.stop)]
                left[index : index + 1] = [part for part in parts if part]
                break
        else:
            return None
    return left or None


def _names_written_out(
    shorter: ClaimFacts, longer: ClaimFacts, extra: Counter[str]
) -> list[tuple[str, str]]:
    """Proper nouns of `shorter` missing from `longer` (`extra` below zero) that `longer`
    writes out in full in a word of its own it has to spare ("Pam" / "Pamela"), each with
    that fuller word."""
    spare = {
        word
        for word, pos in zip(longer.words, longer.pos, strict=True)
        if pos == "PROPN" and extra[word] > 0
    }
    found = []
    for word, pos in zip(shorter.words, shorter.pos, strict=True):
        if pos != "PROPN" or extra[word] >= 0 or len(word) < SHORT_NAME_LETTERS:
            continue
        fuller = next((w for w in sorted(spare) if w.startswith(word) and w != word), None)
        if fuller is not None:
            spare.discard(fuller)
            found.append((word, fuller))
    return found


def _extra_words(a: ClaimFacts, b: ClaimFacts) -> list[tuple[str, str, str | None]]:
    """The words of `a` that `b` lacks, counted (a word twice in `a` and once in `b` is
    one extra), each with its part of speech and entity kind."""
    extra = Counter(a.words)
    extra.subtract(b.words)
    found = []
    for word, spelled, pos, kind in zip(a.words, a.spelled, a.pos, a.kinds, strict=True):
        if extra[word] > 0:
            extra[word] -= 1
            # A proper noun in lower case outside any name is the tagger's slip for a
            # noun ("the president and first lady": "lady").
            lower_case_slip = pos == "PROPN" and kind is None and spelled[:1].islower()
            found.append((word, "NOUN" if lower_case_slip else pos, kind))
    return found


def one_speaker(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether both claims are said by one speaker (`how_one_speaker`)."""
    return how_one_speaker(a, b) is not None


def how_one_speaker(a: ClaimFacts, b: ClaimFacts) -> str | None:
    """How both claims are known to be said by one speaker, as a reason says it: a word of
    the name in common, one name spelled two ways (`spelled_apart`), or two parts of one
    name that a source gives whole (`_parts_of_one_name`); None where they are not."""
    if not (a.speaker and b.speaker):
        return None
    if name_words(a.speaker) & name_words(b.speaker):
        return "the same speaker"
    if spelled_apart(a.speaker, b.speaker):
        return "one name spelled two ways, the same speaker"
    if _parts_of_one_name(a.speaker, b.speaker, (a.source_text, b.source_text)):
        return "two parts of one name a source gives whole, the same speaker"
    return None


# A run of capitalised words: a full name as a text gives it ("Father John Micheal O'Neal").
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)+")


def _parts_of_one_name(first: str, second: str, texts: Sequence[str]) -> bool:
    """Whether one name in `texts` holds every word of both names: "John Micheal" and
    "Father O’Neal" are both "Father John Micheal O’Neal" (FNC-1 bodies 11 and 244 quote
    one priest, each by one half of his name)."""
    wanted = name_words(first) | name_words(second)
    return any(
        wanted <= name_words(run.group(0))
        for text in texts
        for run in CAPITALISED_RUN.finditer(text)
    )


SAME_QUOTE_WORDS = 6  # a run of this many words in both quotations: the same words quoted


def compare_quoted_speakers(
    a: ClaimFacts, b: ClaimFacts, min_share: float
) -> list[tuple[Reason, bool]]:
    """The same words quoted on both sides, from two different speakers ("… ," the government
    said / "… ," Verma's lawyer said): who said them cannot be both. A person's name on one
    side and a description on the other ("the writer" / "Sorkin") may be one person. Two
    quotations are the same words where they share a run of `SAME_QUOTE_WORDS` and the
    words they share make `min_share` of the shorter (`facts.same_quotation_min_share`)."""
    if not (a.speaker and b.speaker and a.quotes and b.quotes):
        return []
    shared = _shared_quotations(a, b, min_share)
    if not shared:
        return []
    # A claim of several sentences may name its speaker in one and quote in another ("…
    # which, according to Google, saw a 57% increase in views. "That is Daiane. She has a
    # very childlike voice": FNC-1 body 1315): who said the words is then not told.
    speakers_beside = any(
        _named_beside(a, quote_a) and _named_beside(b, quote_b) for quote_a, quote_b in shared
    )
    unnamed = (
        not speakers_beside
        or _unnamed_one_of(a, b)
        or (a.described_speaker and b.described_speaker)
        or bool({"pronoun", "document"} & {a.speaker_kind, b.speaker_kind})
    )
    if (
        {a.speaker_kind, b.speaker_kind} == {"description", "person"}
        or _describes_name(a, b)
        or unnamed
    ):
        # "… ," the writer said / "… ," Sorkin said: a description may be that person
        # (not "an official" for "Paris Match", a magazine); "the report said" / "according
        # to The Hollywood Reporter": a description may name that source by its kind; "a
        # source" may be "an insider", and "the executioner" "the masked man" (FNC-1
        # bodies 847 and 880); "he", named before, anyone; and "the note" or "the story"
        # holds someone's words.
        how = (
            "one unnamed source may be the other"
            if unnamed
            else "one source names the speaker the other describes"
        )
        detail = f"the same words quoted from {a.speaker} and from {b.speaker}: {how}"
        return [(Reason("attribution", a.speaker, b.speaker, detail), False)]
    # Outlets spell a name from another alphabet their own way: the same words quoted
    # from "Al Minjed" and from "Munajjid" are one man's (`how_one_speaker`).
    how = how_one_speaker(a, b)
    same = how is not None
    verdict = how or "cannot both be true"
    if not same and (
        name_words(a.speaker) & b.name_words
        or name_words(b.speaker) & a.name_words
        or mentions(b.text, a.speaker)
        or mentions(a.text, b.speaker)
        or _acronym_in(b.text, a.speaker)
        or _acronym_in(a.text, b.speaker)
    ):
        # "Madden told the Scotsman …, while Jenny Town told the Mirror …": a claim naming
        # the other's speaker too may quote either; its first speaker need not be the
        # quotation's. So too a description ("A third said …: “…,” the user wrote" / "“…,”
        # the user wrote": FNC-1 bodies 25 and 417).
        verdict = "each claim names the other's speaker, who may have said them"
        same = True
    detail = f"the same words quoted from {a.speaker} and from {b.speaker}: {verdict}"
    return [(Reason("attribution", a.speaker, b.speaker, detail), not same)]


def _acronym_in(text: str, name: str) -> bool:
    """Whether `text` names `name` by its acronym ("Sources told THR" / "according to The
    Hollywood Reporter": FNC-1 bodies 454 and 755)."""
    return any(acronym_of(word, name) for word in re.findall(r"\b[A-Z]{2,6}\b", text))


def _shared_quotations(
    a: ClaimFacts, b: ClaimFacts, min_share: float
) -> list[tuple[re.Match[str], re.Match[str]]]:
    """The quotations of `a` and of `b` that are one (`_one_quotation`), in pairs."""
    return [
        (quote_a, quote_b)
        for quote_a in QUOTED.finditer(a.text)
        for quote_b in QUOTED.finditer(b.text)
        if is_quotation(quote_a.group(0))
        and _one_quotation(_words(quote_a.group(0)), _words(quote_b.group(0)), min_share)
    ]


def _one_quotation(words_a: list[str], words_b: list[str], min_share: float) -> bool:
    """Whether two quotations are one: a run of `SAME_QUOTE_WORDS` in both, and the words
    they share at least `min_share` of the shorter (not two statements sharing a phrase)."""
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    if matcher.find_longest_match().size < SAME_QUOTE_WORDS:
        return False
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= min_share * min(len(words_a), len(words_b))


def _named_beside(facts: ClaimFacts, quote: re.Match[str]) -> bool:
    """Whether the claim's speaker is named in the sentence that opens or closes with the
    quotation (a quotation of several sentences counts as one), or in the sentence before
    when that one quotes too: a quotation that goes on after '"…," Paris Match reported.'
    is still the magazine's (SummaC FactCC), as news writing has it."""
    breaks = sentence_breaks(SENTENCE_BREAK, facts.text)
    start = max((m.end() for m in breaks if m.end() <= quote.start()), default=0)
    # A break whose full stop closes the quotation ("… their names." It is …) ends its sentence.
    end = min((m.start() for m in breaks if m.end() > quote.end()), default=len(facts.text))
    # Any word of the speaker will do: the reader gives a long description as it found it
    # ("Worried dental receptionist Nicola Dawson , 48 , who was visiting from …").
    words = [w for w in re.findall(r"[A-Za-z]{3,}", facts.speaker or "") if w.lower() != "the"]
    if any(mentions(facts.text[start : end + 1], word) for word in words):
        return True
    before_start = max((m.end() for m in breaks if m.end() < start), default=0)
    before = facts.text[before_start:start]
    return bool(start and QUOTED.search(before)) and any(mentions(before, w) for w in words)


def _describes_name(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether one speaker is a description that may stand for the other, a name: its head
    names the name's kind ("the report" / "The Hollywood Reporter", "the network" / "Fox
    Network"), or is a word for people where the tagger did not take the name for a
    person's ("The Florida woman" / Tridevil, "an officer" / "Local police chief RP
    Solanki": FNC-1 bodies 129 and 561, 1078 and 1432)."""
    for described, named in ((a, b), (b, a)):
        if described.speaker_kind == "description" and _names_speaker(named):
            head = _words(described.speaker or "")[-1:]
            if head and (
                names_people(head[0])
                or head[0] in PERSON_NOUNS
                or any(w.startswith(head[0]) for w in _words(named.speaker or ""))
            ):
                return True
    return False


# Words for a relative or for one by party, office or trade, whom a story names elsewhere
# ("Qiang's mother" / "Horrified mum Cai Tuan, 27", "The California Republican" / "Hunter":
# FNC-1 bodies 1257 and 1635, 416 and 666): a description of one of its people.
PERSON_NOUNS = {
    *("mother", "mum", "mom", "father", "dad", "parent", "son", "daughter", "child", "wife"),
    *("husband", "brother", "sister", "grandmother", "grandfather", "grandson"),
    *("granddaughter", "aunt", "uncle", "cousin", "nephew", "niece"),
    *("republican", "democrat", "lawmaker", "legislator", "senator", "congressman"),
    *("congresswoman", "politician", "candidate", "actor", "spokesperson", "actress"),
    *("singer", "rapper"),
}


def _names_speaker(facts: ClaimFacts) -> bool:
    """Whether the speaker is given by name, bare ("Local police chief RP Solanki", which
    the reader takes for a name; "Hunter", which it takes for a noun) or after a
    description of him ("the local police head RP Solanki": FNC-1 bodies 1432 and 1768)."""
    if facts.speaker_kind == "name":
        return True
    if re.fullmatch(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)?", facts.speaker or ""):
        return True  # one capitalised word, a surname the tagger took for a noun ("Hunter")
    # An age after the name is no part of it ("… Cai Tuan , 27").
    words = re.sub(r"[\s,]+\d{1,3}$", "", facts.speaker or "").split()
    return facts.speaker_kind == "description" and len(words) > 1 and words[-1][:1].isupper()


# Words for a source left unnamed, whom a story may first call "an insider" and then "the
# source" (FNC-1 bodies 110 and 1570).
UNNAMED_SOURCES = {
    *("source", "sources", "insider", "insiders", "official", "officials", "aide"),
    *("spokesperson", "spokesman", "spokeswoman", "representative", "person", "witness"),
}


def _unnamed_one_of(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether both speakers are descriptions that name nobody in particular ("a source told
    People" / "an insider confirms to PEOPLE", FNC-1 bodies 1543 and 1619), or one is and
    the other names such a source again ("an insider told the New York Post" / "The source
    also said"): one unnamed source may be the other. Not "a police spokesperson" against
    "the mayor"."""
    if a.speaker_kind != "description" or b.speaker_kind != "description":
        return False
    if a.indefinite_speaker and b.indefinite_speaker:
        return True
    heads = [_words(f.speaker or "")[-1:] for f in (a, b)]
    return (
        (a.indefinite_speaker or b.indefinite_speaker)
        and (a.described_speaker or b.described_speaker)
        and all(head and head[0] in UNNAMED_SOURCES for head in heads)
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def attribution(a: ClaimFacts, b: ClaimFacts) -> Reason | None:
    """Both claims attributed, to different speakers: their disagreement is between named
    sources ("the opposition said …" against "observers said …"), not between outlets."""
    if not a.speaker or not b.speaker or one_speaker(a, b):
        return None
    detail = (
        f"{a.shown_speaker} vs {b.shown_speaker}: named sources disagree; each outlet reports "
        "what its source said"
    )
    return Reason("attribution", a.speaker, b.speaker, detail)


def list_items(
    a: ClaimFacts, b: ClaimFacts, names_a: Sequence[str], names_b: Sequence[str]
) -> Reason | None:
    """Two claims cut from sentences that each name what the other claim names ("will host
    Xi Jinping" and "will host Vladimir Putin", both from "will host Xi Jinping and Vladimir
    Putin"): items of one list, which both hold, not one name put for another."""
    only_a = [n for n in names_a if not mentions(b.text, n)]
    only_b = [n for n in names_b if not mentions(a.text, n)]
    if not only_a or not only_b:
        return None
    if not all(mentions(b.context, n) for n in only_a):
        return None
    if not all(mentions(a.context, n) for n in only_b):
        return None
    detail = (
        f"{', '.join(only_a)} / {', '.join(only_b)}: each source's sentence names both, so "
        "these claims are items of one list, not one name put for another"
    )
    return Reason("list", ", ".join(only_a), ", ".join(only_b), detail)


def states_one_fact(reason: Reason, conflict: bool) -> bool:
    """Whether a reason of `FactChecker.compare` shows both claims stating one fact alike (a
    figure, a date, a title held by one person): not a conflict, not the names they share,
    and not two things it tells apart, figures each whole source gives both of
    (`TOLD_APART`: "$250 million" / "$2.5bn"; "a second attack" / "the first attack") or
    names each whole source names both of (`NAMED_BY_BOTH`), or one figure against several
    that the other claim gives (`SEVERAL_GIVEN`)."""
    return (
        not conflict
        and reason.kind != "entity"
        and TOLD_APART not in reason.detail
        and SEVERAL_GIVEN not in reason.detail
        and NAMED_BY_BOTH not in reason.detail
    )


# What stands between two names of one list: a comma or "and" / "or", and a few words
# more at most ("China's Xi Jinping, Russia's Vladimir Putin, and Kim Jong Un").
LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)(?:[\w'’.-]+\s+){0,3}", re.IGNORECASE
)


def _listed_with_another(text: str, person: str, people: set[str]) -> bool:
    """Whether `person` stands in `text` in one list with another of `people`: only a
    `LIST_GAP` between them. Two people a sentence names apart ("Dan Olsen told WVFN that
    … Tiger Woods failed a drug test") are no list."""
    spans = mention_spans(text, person)
    others = [span for other in people - {person} for span in mention_spans(text, other)]
    return any(
        LIST_GAP.fullmatch(text[first[1] : second[0]])
        for span in spans
        for other in others
        for first, second in ((span, other), (other, span))
        if first[1] <= second[0]
    )


class ListMember(NamedTuple):
    """One claim names only people the other names among more: which claim (`side`, 0 for
    the first, 1 for the second), the reason (its `a`, the one claim's people), and whether
    the other names them in one list with another (`listed`: "Xi Jinping, Vladimir Putin
    and Kim Jong Un"), not only somewhere beside others."""

    side: int
    reason: Reason
    listed: bool


def named_in_list(a: ClaimFacts, b: ClaimFacts) -> ListMember | None:
    """Every person one claim names is among several people the other names ("will also
    host Xi Jinping" / "will bring together Xi Jinping, Vladimir Putin and Kim Jong Un":
    one of a list, told on its own). Evidence for agreement only where nothing else
    conflicts and NLI reads no contradiction (`Judge._shared_facts_match`)."""
    for side, (one, other) in enumerate(((a, b), (b, a))):
        people = one.named({"person"})
        listed = {t for t, kind, _, _ in other.entities if kind == "person"}
        if people and len(listed) > len(people) and all(mentions(other.text, p) for p in people):
            beside = ", ".join(sorted(listed - set(people)))
            in_a_list = all(_listed_with_another(other.text, p, listed) for p in people)
            detail = (
                f"{', '.join(people)}: named in the other claim beside {beside}: one of a "
                "list told on its own"
                if in_a_list
                else f"{', '.join(people)}: named in the other claim too, beside {beside}"
            )
            reason = Reason("list", ", ".join(people), ", ".join(sorted(listed)), detail)
            return ListMember(side, reason, in_a_list)
    return None
