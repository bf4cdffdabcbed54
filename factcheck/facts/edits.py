"""Edits between two claims that otherwise say the same thing: a name, place or
nationality swapped for another, a word swapped for its opposite, a negation added or
removed. The token alignment is difflib's; what counts as an edit of each kind is ours."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from factcheck.facts.dates import RELATIVE_DAYS, WEEKDAYS, month_named
from factcheck.facts.language import (
    POSSESSIVE_MARKS,
    SPELLING_RATIO,
    ClaimFacts,
    consonants,
    name_words,
)
from factcheck.facts.places import Gazetteer, without_article
from factcheck.facts.quantities import TIME_UNITS, same_unit
from factcheck.schema import Reason
from factcheck.settings import FactsSettings

NOT_CONTENT = {"ADP", "PART", "DET", "CCONJ", "SCONJ", "PUNCT"}
AUXILIARIES = {
    "do",
    "be",
    "have",
    "will",
    "would",
    "can",
    "could",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "yet",
    "ever",
    "any",
    "at",
    "all",
}


STEM_KINDS = ("place", "nationality")  # "China" / "Chinese", "Kurds" / "Kurdish"
STEM_LENGTH = 4
CLIPPED_MIN_LETTERS = 3  # a name cut to this many letters at least ("Met", "Fed")


def _mention_pattern(name: str) -> re.Pattern[str]:
    """`name` as a whole word or phrase, in any case."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def _bare(name: str) -> str:
    """A name without a leading "the" or a possessive ending."""
    return re.sub(r"['’]s?$", "", without_article(name.strip()))


def _possessive_day(words: list[str]) -> bool:
    """Whether words are a day's possessive ("Wednesday's", "yesterday's")."""
    return len(words) == 2 and words[0] in DAY_WORDS and words[1] in {"'s", "’s"}


def mentions(text: str, name: str) -> bool:
    """`name` appears in `text` as a whole word or phrase, in any case."""
    return _mention_pattern(name).search(text) is not None


def mention_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` appears in `text` as a whole word or phrase, in any case."""
    return [match.span() for match in _mention_pattern(name).finditer(text)]


UNSPACED_MIN_LETTERS = 6  # shorter names run together may be any word's letters


def _written_unspaced(text: str, name: str) -> bool:
    """Whether `text` holds `name` with its spaces and punctuation put otherwise: "La
    Guardia Airport" / "LaGuardia Airport" (FNC-1 bodies 37 and 681)."""
    letters = re.sub(r"[^a-z0-9]", "", name.lower())
    if len(letters) < UNSPACED_MIN_LETTERS:
        return False
    spaced = r"[\s.'’-]?".join(letters)
    return re.search(rf"\b{spaced}\b", text, re.IGNORECASE) is not None


# Where someone or something comes from, before a place: "originally from South America",
# "a native of Ohio", "born in Lagos", "hails from Kent".
ORIGIN_BEFORE = re.compile(
    r"\b(?:(?:originally|who\s+is|who\s+was|is|was|are|were|comes?|came|hails?|hailed)\s+from"
    r"|natives?\s+of|born\s+(?:and\s+raised\s+)?in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def of_origin(text: str, name: str) -> bool:
    """Whether `name` appears in `text` as where someone comes from (`ORIGIN_BEFORE`)."""
    return any(
        ORIGIN_BEFORE.search(text[: match.start()])
        for match in _mention_pattern(name).finditer(text)
    )


def spelt_alike(name_a: str, name_b: str) -> bool:
    """Whether two names' letters are this alike (`SPELLING_RATIO`), a web domain's ending
    aside: one name spelt two ways."""
    letters_a, letters_b = (
        re.sub(r"[^a-z]", "", re.sub(r"\.(com|org|net)\b", "", name.lower()))
        for name in (name_a, name_b)
    )
    return SequenceMatcher(None, letters_a, letters_b).ratio() >= SPELLING_RATIO


# Closer than `spelt_alike`: one name respelt, where the claims are otherwise the same.
RESPELT_RATIO = 0.85


def respelt(name_a: str, name_b: str) -> bool:
    """Whether two names are one spelt two ways, closely: the same consonants and nearly the
    same letters ("al-Qaida" / "al-Qaeda", "Zelensky" / "Zelenskyy"; not "African" /
    "American", nor "Niger" / "Nigeria")."""
    letters_a, letters_b = (re.sub(r"[^a-z]", "", name.lower()) for name in (name_a, name_b))
    return (
        consonants(letters_a) == consonants(letters_b)
        and SequenceMatcher(None, letters_a, letters_b).ratio() >= RESPELT_RATIO
    )


def may_be_same(name_a: str, name_b: str, kind: str) -> bool:
    """Two names that may well be one: a name and part of it ("Fico" / "Robert Fico"), one
    name spelt two ways ("U.S." / "US", "al-Qaida" / "al-Qaeda"), a single name against
    another person's (a surname may be the other's), an organisation's name cut short
    ("Met" / "Metropolitan Police"; not "Niger" / "Nigeria"), an acronym (too often an alias:
    "ISIS" / "Islamic State"), or a place and its people ("Kurds" / "Kurdish")."""
    words_a, words_b = name_words(name_a), name_words(name_b)
    if not words_a or not words_b or words_a & words_b:
        return True
    if spelt_alike(_bare(name_a), _bare(name_b)):
        # "U.S." / "US", "the al-Qaida" / "al-Qaeda", "Easynews" / "Easynews.com"
        return True
    if kind == "person" and (len(words_a) < 2 or len(words_b) < 2):
        return True  # "Saddam" / "Hussein": one name alone may be the other's other half
    for short, long in ((words_a, words_b), (words_b, words_a)):
        if (
            kind == "organisation"
            and len(short) == 1
            and any(
                len(clip) >= CLIPPED_MIN_LETTERS and word.startswith(clip) and word != clip
                for clip in short
                for word in long
            )
        ):
            return True  # "the Met" / "the Metropolitan Police": a name cut short
    acronyms = [
        bool(re.fullmatch(r"[A-Z]{2,6}", re.sub(r"[.\s]", "", n))) for n in (name_a, name_b)
    ]
    if all(acronyms):
        return False  # "RNC" / "RCMP": two acronyms that differ name two bodies
    if any(acronyms):
        return True
    if kind in STEM_KINDS:
        stems_a = {w[:STEM_LENGTH] for w in words_a if len(w) >= STEM_LENGTH}
        stems_b = {w[:STEM_LENGTH] for w in words_b if len(w) >= STEM_LENGTH}
        return bool(stems_a & stems_b)
    return False


# British spellings folded to American ("centres" / "centers", "colour" / "color",
# "organised" / "organized"): written by hand, as no library in the stack maps them and a
# few endings cover news copy. Each needs letters before it ("four" keeps its "our").
AMERICAN_SPELLINGS = (
    (re.compile(r"(?<=[a-z]{2})tre(s?)$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{2})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})ence$"), "ense"),
    (re.compile(r"(?<=[a-z]{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=[a-z]{3})ogue$"), "og"),
)
ARTICLES = {"the", "a", "an"}
DAY_WORDS = {*WEEKDAYS, *RELATIVE_DAYS}
HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."}


# Kinds of entity whose words are details, whatever their part of speech.
DETAIL_ENTITY_KINDS = {"person", "place", "nationality", "organisation"}
# A verb of saying and whom it was told to: "said" / "told The Associated Press that" /
# "told reporters" say one thing (FNC-1 bodies 1935 and 2094, NLI 0.87).
SAYING_LEMMAS = {"say", "tell"}
TOLD_WORDS = {*ARTICLES, "that", "reporters", "journalists", "media", "press"}


def _told(facts: ClaimFacts, start: int, end: int) -> bool:
    """Whether words `start:end` of a claim are a verb of saying, then no more than whom it
    was told to (a name, "reporters") and "that"."""
    return facts.lemmas[start] in SAYING_LEMMAS and all(
        facts.words[k] in TOLD_WORDS or facts.pos[k] == "PROPN" for k in range(start + 1, end)
    )


def _abbreviated_alike(words_a: list[str], words_b: list[str], text_a: str, text_b: str) -> bool:
    """Whether two runs of words are one, word for word, but for words one side abbreviates
    with a full stop in its text ("E. Meyer Blvd." / "East Meyer Boulevard")."""
    return len(words_a) == len(words_b) and all(
        x == y or _abbreviates(x, y, text_a) or _abbreviates(y, x, text_b)
        for x, y in zip(words_a, words_b, strict=True)
    )


def _abbreviates(short: str, full: str, text: str) -> bool:
    """Whether `short`, written with a full stop in `text`, abbreviates the word `full`:
    its letters in order, the first first ("E." / "East", "Blvd." / "Boulevard")."""
    letters = short.rstrip(".")
    if not (0 < len(letters) < len(full)) or full.endswith(".") or letters[0] != full[0]:
        return False
    if not re.search(rf"\b{re.escape(letters)}\.", text, re.IGNORECASE):
        return False
    rest = iter(full)
    return all(letter in rest for letter in letters)


def american(word: str) -> str:
    """A word with a British spelling's ending made American (`AMERICAN_SPELLINGS`)."""
    for british, us in AMERICAN_SPELLINGS:
        word = british.sub(us, word)
    return word


def acronym_of(short: str, name: str) -> bool:
    """Whether `short` is an acronym of `name` or of its start: "ISIS" / "Islamic State",
    "FBI" / "Federal Bureau of Investigation" (initials of its capitalised words)."""
    letters = re.sub(r"[.\s]", "", short)
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if not re.fullmatch(r"[A-Z]{2,6}", letters) or len(initials) < 2:
        return False
    return letters.startswith(initials) or initials.startswith(letters)


class EditChecker:
    def __init__(self, settings: FactsSettings):
        self.min_ratio = settings.min_edit_ratio
        self.max_tokens = settings.max_edit_tokens
        self.local_context = settings.local_edit_context
        self.negators = {w.lower() for w in settings.negators}
        self.negation_reach = settings.negation_reach
        self.opposite_context = settings.opposite_context
        self.contrastive = {tuple(p.lower().split()) for p in settings.contrastive_negations}
        self.opposites = _pairs(settings.antonyms) | _pairs(settings.complementary)
        self.complementary = _pairs(settings.complementary)
        self.opposite_words = {word for pair in self.opposites for word in pair}
        self.places = Gazetteer(
            settings.country_aliases, {**settings.city_parts, **settings.country_parts}
        )
        self.aliases = {
            name: group for group, names in enumerate(settings.name_aliases) for name in names
        }

    def near_copies(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """Whether the two claims' words match as much as an edit's do (`min_edit_ratio`):
        one sentence with a word or two changed, not two sentences written apart."""
        return self._near_copies(SequenceMatcher(None, a.words, b.words, autojunk=False))

    def rewording(self, a: ClaimFacts, b: ClaimFacts) -> tuple[float, int]:
        """How much of two claims' words match, in order (difflib's ratio: 1.0 the same
        words, 0.0 none in common), and in how many places they differ (runs of words
        changed, added or left out), not counting where they write one thing two ways
        (`_form_of`: "centres" / "centers")."""
        matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
        changes = sum(
            op != "equal" and self._form_of(a, b, i1, i2, j1, j2) is None
            for op, i1, i2, j1, j2 in matcher.get_opcodes()
        )
        return matcher.ratio(), changes

    def _near_copies(self, matcher: SequenceMatcher) -> bool:
        return matcher.ratio() >= self.min_ratio

    def each_adds_only_detail(
        self, a: ClaimFacts, b: ClaimFacts, detail_parts_of_speech: set[str]
    ) -> bool:
        """Whether two near copies differ only where one side puts in words the other
        lacks, each a detail (`detail_parts_of_speech`, or a word of a name; no negator),
        or writes one thing another way (`_form_of`): "Google Inc. (GOOGL:US) bought six
        office buildings …" / "Seattle/ San Francisco: Google Inc. bought six office
        buildings …" (FNC-1 bodies 1006 and 2329, NLI 0.95). A word put for another is no
        detail added ("Google bought" / "Apple bought")."""
        matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
        if not self._near_copies(matcher):
            return False
        changed = False
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            changed = True
            if op == "replace":
                if self._form_of(a, b, i1, i2, j1, j2) is None:
                    return False
                continue
            facts, span = (a, range(i1, i2)) if op == "delete" else (b, range(j1, j2))
            if any(
                facts.words[k] in self.negators
                or not (
                    facts.pos[k] in detail_parts_of_speech
                    or facts.kinds[k] in DETAIL_ENTITY_KINDS
                    or facts.words[k] in POSSESSIVE_MARKS
                )
                for k in span
            ):
                return False
        return changed

    def differences_in_form(self, a: ClaimFacts, b: ClaimFacts) -> set[str] | None:
        """How two near copies differ where every change is in how the same thing is
        written: "spelling" ("centres" / "centers"), "name" (one name and its acronym or
        a close respelling: "ISIS" / "Islamic State", "al-Qaida" / "al-Qaeda"), "day"
        (a day named two ways: "Thursday" / "yesterday"), "month" ("September" / "Sept."),
        "abbreviation" ("E. Meyer Blvd." / "East Meyer Boulevard"), "article" ("the" /
        "a"), "saying" ("said" / "told The Associated Press that"), "honorific" ("Mr.
        al-Baghdadi" / "al-Baghdadi"), "unit" ("kg" / "kilos"). None where anything else
        changed, or the claims are no near copies."""
        matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
        if not self._near_copies(matcher):
            return None
        kinds = set()
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            kind = self._form_of(a, b, i1, i2, j1, j2)
            if kind is None:
                return None
            kinds.add(kind)
        return kinds

    def _form_of(
        self, a: ClaimFacts, b: ClaimFacts, i1: int, i2: int, j1: int, j2: int
    ) -> str | None:
        """The kind of a change between `a.words[i1:i2]` and `b.words[j1:j2]` that writes
        the same thing another way, or None."""
        words_a, words_b = a.words[i1:i2], b.words[j1:j2]
        if set(words_a + words_b) <= ARTICLES:
            return "article"
        if set(words_a + words_b) <= HONORIFICS:
            return "honorific"  # "Mr. al-Baghdadi's wife" / "al-Baghdadi's wife"
        # "The denial comes a day after …" / "Wednesday's denial comes …" (FNC-1 bodies 1263
        # and 1468, NLI 0.98 both ways): a day named for what the article leaves undated.
        if set(words_a) <= ARTICLES and _possessive_day(words_b):
            return "day"
        if set(words_b) <= ARTICLES and _possessive_day(words_a):
            return "day"
        if not words_a or not words_b:
            return None
        if _told(a, i1, i2) and _told(b, j1, j2):
            return "saying"
        if len(words_a) == len(words_b) and [american(w) for w in words_a] == [
            american(w) for w in words_b
        ]:
            return "spelling"
        if set(words_a + words_b) <= DAY_WORDS | {"on"} and (
            set(words_a) & DAY_WORDS and set(words_b) & DAY_WORDS
        ):
            return "day"  # "filed yesterday" / "filed on Thursday" (FNC-1 bodies 1006 and 2329)
        if len(words_a) == len(words_b) == 1 and same_unit(words_a[0], words_b[0]):
            return "unit"  # "7kg of metal" / "7 kilos of metal" (FNC-1 bodies 2203 and 2415)
        if _abbreviated_alike(words_a, words_b, a.text, b.text):
            return "abbreviation"
        months = [month_named(word) for word in (*words_a, *words_b)]
        if len(months) == 2 and months[0] is not None and months[0] == months[1]:
            return "month"
        named_a = all(a.pos[k] == "PROPN" or a.kinds[k] for k in range(i1, i2))
        named_b = all(b.pos[k] == "PROPN" or b.kinds[k] for k in range(j1, j2))
        name_a, name_b = " ".join(a.spelled[i1:i2]), " ".join(b.spelled[j1:j2])
        if (
            named_a
            and named_b
            and (
                acronym_of(name_a, name_b) or acronym_of(name_b, name_a) or respelt(name_a, name_b)
            )
        ):
            return "name"
        return None

    def compare(self, a: ClaimFacts, b: ClaimFacts) -> list[tuple[Reason, bool]]:
        matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
        whole = self._near_copies(matcher)
        opcodes = matcher.get_opcodes()
        results: list[tuple[Reason, bool]] = []
        for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
            too_long = i2 - i1 > self.max_tokens or j2 - j1 > self.max_tokens
            if op == "replace" and too_long and self._followed_by_match(opcodes, index):
                results += self._names_before_match(a, b, i1, i2, j1, j2)
            if op == "replace" and too_long and self._preceded_by_match(opcodes, index):
                # "told Animal New York that the page is "100 per cent fake"" / "… that the
                # page was genuine": an opposite right after words that match.
                results += self._opposite(a, b, i1, i2, j1, j2)
            if op == "equal" or i2 - i1 > self.max_tokens or j2 - j1 > self.max_tokens:
                continue
            if whole:
                results += self._negation(a, b, i1, i2, j1, j2)
            elif not self._locally_matching(opcodes, index):
                continue
            if op == "replace":
                swapped = self._swapped_entity(a, b, i1, i2, j1, j2)
                if not (
                    whole
                    and any(c for _, c in swapped)
                    and self._says_another_thing(a, b, opcodes, index)
                ):
                    results += swapped
                results += self._opposite(a, b, i1, i2, j1, j2)
                results += self._contrast_in_other_words(a, b, i1, i2, j1, j2)
        if not any(r.kind in {"identical", "antonym"} for r, _ in results):
            results += self._negated_opposite_after_same_words(a, b)
        if negated_opposite(results) is not None:
            # A negated opposite accounts for the negation: "was not found alive" / "was
            # found dead" negates nothing the other states.
            results = [
                (r, conflict) for r, conflict in results if not (conflict and r.kind == "negation")
            ]
        return results

    def _says_another_thing(self, a: ClaimFacts, b: ClaimFacts, opcodes: list, index: int) -> bool:
        """Whether, close to the edit at `index` (fewer than `local_context` matching words
        between), the near copies also put one content word for another (nouns, verbs,
        adjectives the other claim lacks, on both sides): two people each said to be
        something else, not one put for the other ("Ko Yong Hui is a mistress of … Kim Jong
        Il" / "Kim Yo-jong is the daughter of … Kim Jong-il", FNC-1 bodies 1152 and 1294).
        Farther away, such a change is most often one word for another of the same
        meaning ("Two friends … at Kings" / "Two buddies … at Queens")."""

        def own_words(facts: ClaimFacts, start: int, end: int, other: ClaimFacts) -> bool:
            return any(
                facts.pos[k] in PREDICATE_POS
                and facts.lemmas[k] not in other.lemmas
                and facts.entity_at(k) is None
                for k in range(start, end)
            )

        _, start, end, _, _ = opcodes[index]
        return any(
            op == "replace"
            and k != index
            and max(i1 - end, start - i2) < self.local_context
            and own_words(a, i1, i2, b)
            and own_words(b, j1, j2, a)
            for k, (op, i1, i2, j1, j2) in enumerate(opcodes)
        )

    def _contrast_in_other_words(self, a, b, i1, i2, j1, j2) -> list[tuple[Reason, bool]]:
        """A negation on one side where the other has a contrastive phrase ("judges not
        arbitrators" / "judges instead of arbitrators"): one contrast, no conflict; the same
        statement where nothing else differs."""
        spans = (tuple(a.words[i1:i2]), tuple(b.words[j1:j2]))
        negation, contrast = spans if len(spans[0]) == 1 else spans[::-1]
        if contrast not in self.contrastive or not set(negation) <= self.negators:
            return []
        shown_a, shown_b = " ".join(spans[0]), " ".join(spans[1])
        if a.words[:i1] + a.words[i2:] == b.words[:j1] + b.words[j2:]:
            detail = f'"{shown_a}" vs "{shown_b}": one contrast in other words, nothing else'
            return [(Reason("identical", shown_a, shown_b, detail), False)]
        detail = f'"{shown_a}" vs "{shown_b}": one contrast in other words, no conflict'
        return [(Reason("negation", shown_a, shown_b, detail), False)]

    def _negated_opposite_after_same_words(
        self, a: ClaimFacts, b: ClaimFacts
    ) -> list[tuple[Reason, bool]]:
        """A negated opposite in claims that go on differently ("Axl Rose is NOT dead. He's
        the victim of a hoax" / "Axl Rose is alive: reports of his death are a hoax"): the
        words right before it, negations aside, match on both sides (`opposite_context` of
        them, adverbs aside: the same subject and verb). Only ever a reason against a
        conflict, so it may look further than the edits compared above."""

        def before(facts: ClaimFacts, index: int) -> list[str]:
            # Negations and adverbs aside: "is still very much alive" / "is NOT dead".
            words = [
                w
                for w, pos in zip(facts.words[:index], facts.pos[:index], strict=True)
                if w not in self.negators and pos != "ADV"
            ]
            return words[-self.opposite_context :]

        def candidates(facts: ClaimFacts) -> list[int]:
            return [
                k
                for k, (word, lemma) in enumerate(zip(facts.words, facts.lemmas, strict=True))
                if word in self.opposite_words or lemma in self.opposite_words
            ]

        for i in candidates(a):
            context = before(a, i)
            if len(context) < self.opposite_context:
                continue
            for j in candidates(b):
                pair = self._opposites_at(a, i, b, j)
                if (
                    pair is not None
                    and self._negated(a, i) != self._negated(b, j)
                    and context == before(b, j)
                ):
                    return [self._negated_opposite(a, b, i, j, pair)]
        return []

    def _followed_by_match(self, opcodes: list, index: int) -> bool:
        return _equal_length(opcodes, index + 1) > self.local_context

    def _preceded_by_match(self, opcodes: list, index: int) -> bool:
        return _equal_length(opcodes, index - 1) > self.local_context

    def _names_before_match(self, a, b, i1, i2, j1, j2) -> list[tuple[Reason, bool]]:
        """A longer edit that ends in a different name right before words that match:
        "… by making New Delhi bureaucrats sign in at work" / "… made Mumbai bureaucrats
        sign in at work", "Los Guerreros Unidos, was connected" / "the Knights Templar
        cartel was connected". The names are compared as a swap."""
        ends_a = [e for e in a.entities if i1 <= e[2] and e[3] in (i2, i2 - 1)]
        ends_b = [e for e in b.entities if j1 <= e[2] and e[3] in (j2, j2 - 1)]
        for text_a, kind_a, _, _ in ends_a:
            for text_b, kind_b, _, _ in ends_b:
                swap = self._swap(a, b, text_a, text_b, kind_a) if kind_a == kind_b else []
                if swap:
                    return swap
        return []

    def _locally_matching(self, opcodes: list, index: int) -> bool:
        """Claims that differ as wholes may still state one fact in the same words around
        an edit: "… a finger on his left hand" / "… a finger on his right hand", "Shabwa
        Province in southern Yemen" / "… in northern Yemen". The edit counts where the
        words on both sides of it match, `local_context` tokens in all."""
        before, after = _equal_length(opcodes, index - 1), _equal_length(opcodes, index + 1)
        return min(before, after) >= 1 and before + after >= self.local_context

    def _negation(self, a, b, i1, i2, j1, j2) -> list[tuple[Reason, bool]]:
        in_a = [w for w in a.words[i1:i2] if w in self.negators]
        in_b = [w for w in b.words[j1:j2] if w in self.negators]
        if bool(in_a) == bool(in_b) or a.negated == b.negated:
            return []
        # The negated side must say the same thing apart from the negation ("did not
        # attend" / "attended"): its other words are auxiliaries or words (lemmas) of the
        # other side. "not working" / "malfunctioning" is a paraphrase, not a negation.
        negated_side = (a, i1, i2) if in_a else (b, j1, j2)
        other_side = (b, j1, j2) if in_a else (a, i1, i2)
        facts, start, end = negated_side
        other, o_start, o_end = other_side
        other_lemmas = set(other.lemmas[o_start:o_end]) | set(other.words[o_start:o_end])
        rest = [
            (facts.words[k], facts.lemmas[k])
            for k in range(start, end)
            if facts.words[k] not in self.negators and facts.lemmas[k] not in AUXILIARIES
        ]
        if any(word not in other_lemmas and lemma not in other_lemmas for word, lemma in rest):
            return []
        # ... and the other side adds no word of its own: "would not comment" / "declined
        # comment" says the same thing in other words.
        negated_lemmas = set(facts.lemmas[start:end]) | set(facts.words[start:end])
        if any(
            other.words[k] not in negated_lemmas
            and other.lemmas[k] not in negated_lemmas
            and other.lemmas[k] not in AUXILIARIES
            for k in range(o_start, o_end)
        ):
            return []
        span_a = " ".join(a.words[i1:i2]) or "(nothing)"
        span_b = " ".join(b.words[j1:j2]) or "(nothing)"
        negated = "A" if in_a else "B"
        detail = f'"{span_a}" vs "{span_b}": claim {negated} negates what the other states'
        return [(Reason("negation", span_a, span_b, detail), True)]

    def _swapped_entity(self, a, b, i1, i2, j1, j2) -> list[tuple[Reason, bool]]:
        # In text order (a dict, not a set: a set's order follows string hashing).
        found_a = list(dict.fromkeys(e for i in range(i1, i2) if (e := a.entity_at(i))))
        found_b = list(dict.fromkeys(e for j in range(j1, j2) if (e := b.entity_at(j))))
        for text_a, kind_a in found_a:
            for text_b, kind_b in found_b:
                if kind_a != kind_b:
                    continue
                # Other words differing on both sides besides the two names: no clean swap
                # but two phrases ("The British Isis militant" / "The Islamic State
                # militant", where only "Islamic" is tagged a nationality).
                rest_a = [a.words[i] for i in range(i1, i2) if a.entity_at(i) != (text_a, kind_a)]
                rest_b = [b.words[j] for j in range(j1, j2) if b.entity_at(j) != (text_b, kind_b)]
                if rest_a and rest_b and sorted(rest_a) != sorted(rest_b):
                    continue
                swap = self._swap(a, b, text_a, text_b, kind_a)
                if swap:
                    return swap
        return self._swapped_name(a, b, i1, i2, j1, j2, [*found_a, *found_b])

    def _swapped_name(self, a, b, i1, i2, j1, j2, found) -> list[tuple[Reason, bool]]:
        """One proper name for another where spaCy read only one side as a place or a person
        ("in Perth, Australia" a place, "Kingsford University in Adelaide" one organisation):
        the side it did read gives the kind."""
        kinds = {kind for _, kind in found if kind in NAME_KINDS}
        if len(kinds) != 1 or not (0 < i2 - i1 <= self.max_tokens and 0 < j2 - j1 <= 3):
            return []
        if not all(a.pos[i] == "PROPN" for i in range(i1, i2)) or not all(
            b.pos[j] == "PROPN" for j in range(j1, j2)
        ):
            return []
        kind = kinds.pop()
        text_a, text_b = " ".join(a.spelled[i1:i2]), " ".join(b.spelled[j1:j2])
        if not (text_a[:1].isupper() and text_b[:1].isupper()):
            return []  # spaCy tags some common nouns PROPN ("heaven"): names are capitalised
        return self._swap(a, b, text_a, text_b, kind)

    def _is_swap(self, a: ClaimFacts, b: ClaimFacts, text_a: str, text_b: str, kind: str) -> bool:
        """`text_b` put for `text_a`: not two names of one thing (nor one name with a word
        abbreviated), not one place within the other ("Aleppo" / "Syria"), not a list in
        another order (both claims name both), not items of one list cut apart (both
        sentences name both)."""
        if may_be_same(text_a, text_b, kind) or self._aliases(text_a, text_b):
            return False
        if _abbreviated_alike(text_a.lower().split(), text_b.lower().split(), a.text, b.text):
            return False  # "St." / "Street", "E. Meyer Blvd." / "East Meyer Boulevard"
        if kind == "place" and self.places.nested(text_a, text_b):
            return False
        if kind == "nationality" and self.places.nested_peoples(text_a, text_b):
            return False  # "A cloistered South American nun" / "A Bolivian nun"
        if kind == "place" and of_origin(a.text, text_a) != of_origin(b.text, text_b):
            # "The sister in the eastern Italian region of Le Marche" / "the Catholic
            # sister, originally from South America" (FNC-1 bodies 1412 and 1720): where
            # one is and where one comes from are two facts.
            return False
        # "the War Memorial in Ottawa" / "Canada's National War Memorial": the other claim
        # names it too, without the article (or the possessive: "Sugarhill Gang's Wonder
        # Mike" / "Sugarhill Gang members Michael "Wonder Mike" Wright").
        if any(
            mentions(other.text, _bare(name)) or _written_unspaced(other.text, _bare(name))
            for other, name in ((b, text_a), (a, text_b))
        ):
            return False
        if all(
            facts.indefinite_speaker and mentions(facts.speaker or "", name)
            for facts, name in ((a, text_a), (b, text_b))
        ):
            # "One Twitter user, with the handle Cornelius, said …" / "One YouTube user, with
            # the handle ClemtheRanter, said …" (FNC-1 bodies 1388 and 1429): two unnamed
            # people, each said what they said; no name put for another.
            return False
        return not (mentions(b.context, text_a) and mentions(a.context, text_b))

    def _swap(
        self, a: ClaimFacts, b: ClaimFacts, text_a: str, text_b: str, kind: str
    ) -> list[tuple[Reason, bool]]:
        """`text_b` put for `text_a` (`_is_swap`): a conflict; but where each whole source
        names both, two of the story's places or people, no conflict ("the city of Puyang
        in eastern China's Henan Province" / "Last month's attack in Jinan city, in Eastern
        China's Shandong Province", FNC-1 bodies 907 and 1334, each telling of both
        attacks)."""
        if not self._is_swap(a, b, text_a, text_b, kind):
            return []
        if mentions(b.source_text, text_a) and mentions(a.source_text, text_b):
            detail = f'"{text_a}" vs "{text_b}": {NAMED_BY_BOTH}'
            return [(Reason(kind, text_a, text_b, detail), False)]
        return [_swap_reason(kind, text_a, text_b)]

    def _aliases(self, name_a: str, name_b: str) -> bool:
        """Whether two names are one under `facts.name_aliases` ("Shia" / "Shiite")."""
        groups = [self.aliases.get(_bare(name.lower())) for name in (name_a, name_b)]
        return groups[0] is not None and groups[0] == groups[1]

    def _opposite(self, a, b, i1, i2, j1, j2) -> list[tuple[Reason, bool]]:
        for i in range(i1, i2):
            for j in range(j1, j2):
                if a.pos[i] in NOT_CONTENT or b.pos[j] in NOT_CONTENT:
                    continue  # "walks up / down the street": a preposition, same walk
                if _in_name(a, i) or _in_name(b, j):
                    continue  # "a South Korean newspaper" / "north of Pyongyang": a name
                if _counted_time(a, i) and _counted_time(b, j):
                    continue  # "a three-day stay" / "three nights' stay": one stay, counted
                pair = self._opposites_at(a, i, b, j)
                if pair is None or _modify_different_nouns(a, i, b, j):
                    continue
                if self._negated(a, i) != self._negated(b, j):
                    return [self._negated_opposite(a, b, i, j, pair)]
                detail = f'"{a.words[i]}" vs "{b.words[j]}": opposites in otherwise matching claims'
                return [(Reason("antonym", a.words[i], b.words[j], detail), True)]
        return []

    def _opposites_at(self, a: ClaimFacts, i: int, b: ClaimFacts, j: int) -> tuple[str, str] | None:
        """The opposites word `i` of `a` and word `j` of `b` are, as written or as lemmas."""
        for pair in ((a.words[i], b.words[j]), (a.lemmas[i], b.lemmas[j])):
            if pair in self.opposites:
                return pair
        return None

    def _negated(self, facts: ClaimFacts, index: int) -> bool:
        """Whether a negation ("not", "n't", "never") comes within `negation_reach` words
        before word `index`: "is not dead", "was not found alive"; not "did not name the
        hostage, but said it took place in southern Yemen"."""
        before = facts.words[max(0, index - self.negation_reach) : index]
        return any(word in self.negators for word in before)

    def _negated_opposite(
        self, a: ClaimFacts, b: ClaimFacts, i: int, j: int, pair: tuple[str, str]
    ) -> tuple[Reason, bool]:
        """One side denies the opposite of what the other states ("is not dead" / "is
        alive"): the negation and the opposite cancel, so the pair is no conflict. Where the
        opposites have nothing between them and no other word differs, the two claims say
        the same thing (an `identical` reason, which the judge reads as agreement); NLI reads
        such pairs as contradictions by their negation word (reports/behaviour.md)."""
        if self._negated(a, i):
            word_negated, word_plain = a.words[i], b.words[j]
        else:
            word_negated, word_plain = b.words[j], a.words[i]
        shown = f"not {word_negated}"
        rest_a = [w for k, w in enumerate(a.words) if k != i and w not in self.negators]
        rest_b = [w for k, w in enumerate(b.words) if k != j and w not in self.negators]
        if pair in self.complementary and rest_a == rest_b:
            detail = (
                f'"{shown}" vs "{word_plain}": denying one of two opposites states the other; '
                "nothing else differs"
            )
            return Reason("identical", shown, word_plain, detail), False
        detail = f'"{shown}" vs "{word_plain}": a negated opposite, no conflict'
        return Reason("antonym", shown, word_plain, detail), False


# What a name put for another is where each source names both.
NAMED_BY_BOTH = "each source names both: two of the story's, not one put for the other"


def named_by_both(results: list[tuple[Reason, bool]]) -> Reason | None:
    """The reason `EditChecker.compare` gives for a name put for another that each whole
    source names (`EditChecker._swap`), if it gave one."""
    return next((r for r, conflict in results if not conflict and NAMED_BY_BOTH in r.detail), None)


def negated_opposite(results: list[tuple[Reason, bool]]) -> Reason | None:
    """The reason `EditChecker.compare` gives for a negated opposite ("is not dead" / "is
    alive") or a contrast in other words ("not" / "instead of"), if it gave one: its only
    reasons of these kinds that are no conflict."""
    return next(
        (
            r
            for r, conflict in results
            if not conflict and r.kind in {"identical", "antonym", "negation"}
        ),
        None,
    )


def _pairs(listed: list[str]) -> set[tuple[str, str]]:
    """Word pairs written "left/right", both ways round."""
    pairs: set[tuple[str, str]] = set()
    for pair in listed:
        left, right = (w.strip().lower() for w in pair.split("/"))
        pairs |= {(left, right), (right, left)}
    return pairs


def _modify_different_nouns(a: ClaimFacts, i: int, b: ClaimFacts, j: int) -> bool:
    """Whether words `i` of `a` and `j` of `b` each come right before a noun, and the two
    nouns differ: opposites of two things ("last Thursday" / "the first time"), not one.
    So too where one comes before a noun the other claim never names ("The trackpad is a
    touch bigger than the existing MacBook Air models" / "the new MacBook Air has a
    smaller body than the existing 11in MacBook Air", FNC-1 bodies 1344 and 1362)."""
    nouns = [_noun_after(facts, k) for facts, k in ((a, i), (b, j))]
    if None not in nouns:
        return nouns[0] != nouns[1]
    return (nouns[0] is not None and nouns[0] not in b.lemmas) or (
        nouns[1] is not None and nouns[1] not in a.lemmas
    )


NOUNS = {"NOUN", "PROPN"}
PREDICATE_POS = {"NOUN", "VERB", "ADJ"}
NOUN_PHRASE = {"ADJ", *NOUNS}


def _noun_after(facts: ClaimFacts, index: int) -> str | None:
    """The lemma of the noun word `index` comes right before, if any; for a possessor, the
    noun it possesses, past its modifiers ("their daughter's twin brother": brother, whom
    the other claim calls "their son", FNC-1 bodies 797 and 886)."""
    after, end = index + 1, len(facts.words)
    if after < end and facts.words[after] in POSSESSIVE_MARKS:
        # The noun possessed ends the run of modifiers and nouns after the mark.
        after += 1
        while after + 1 < end and {facts.pos[after], facts.pos[after + 1]} <= NOUN_PHRASE:
            after += 1
    return facts.lemmas[after] if after < end and facts.pos[after] in NOUNS else None


def _counted_time(facts: ClaimFacts, index: int) -> bool:
    """Whether the word at `index` is a unit of time after a number ("three-day" reads
    as three, day: the fact layer drops punctuation; "3 nights"): a duration, which the
    quantity check compares, not a time of day."""
    before = index - 1
    return (
        facts.lemmas[index] in TIME_UNITS
        and before >= 0
        and (facts.pos[before] == "NUM" or facts.words[before].isdigit())
    )


def _in_name(facts: ClaimFacts, index: int) -> bool:
    """Whether word `index` is a capitalised word of a name ("South" of "South Korean"),
    not a word of its own ("moved to the south")."""
    return facts.spelled[index][:1].isupper() and facts.entity_at(index) is not None


def _equal_length(opcodes: list, position: int) -> int:
    """Tokens in the matching block at `position` of difflib's opcodes (0 if it is no
    matching block, or there is none)."""
    if 0 <= position < len(opcodes) and opcodes[position][0] == "equal":
        return opcodes[position][2] - opcodes[position][1]
    return 0


# Kinds of name whose swap for another name of no other kind is still a swap.
NAME_KINDS = {"place", "person"}


def _swap_reason(kind: str, text_a: str, text_b: str) -> tuple[Reason, bool]:
    detail = f'"{text_a}" vs "{text_b}" in otherwise matching claims: cannot both be true'
    return Reason(kind, text_a, text_b, detail), True
