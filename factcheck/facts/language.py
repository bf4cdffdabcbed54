"""What spaCy reads in a claim for the fact layer: its tokens and lemmas, named entities
by kind, whether it is negated, who it is attributed to, and which person holds which
title. spaCy's English pipeline (a pinned PyPI package) does the tagging, parsing and NER;
this module only reads its output."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from factcheck.facts.dates import QUOTED
from factcheck.settings import FactsSettings

# spaCy's entity labels, grouped into the kinds a reader checks.
ENTITY_KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "nationality",
    "ORG": "organisation",
    "EVENT": "event",
}
# ("him" and "her" speak where a writer quotes them: "Ms. Pressler quoted him saying".)
PRONOUNS = {"he", "she", "him", "her", "they", "it", "we", "i", "you", "who", "this", "that"}
# A quotation's speaker named earlier in the article.
PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
# A speaker who is one of those named before ("said one"; FNC-1 bodies 813 and 876).
INDEFINITE_PRONOUNS = {"one", "another", "someone", "somebody"}
RELATIVE_PRONOUNS = {"which", "who", "that"}
OPENING_QUOTES = {"“", '"', "‘"}
ORDINAL_PEOPLE = {"second", "third", "fourth", "fifth", "sixth"}
INDEFINITE = ("a ", "an ", "one ")  # a speaker so described is nobody in particular
QUOTE_MIN_WORDS = 4  # a quotation, not a quoted name or scare-quoted word
TITLE_SHORT_WORDS = 3  # words this short may stay lower case in a title ("of", "v.")


def is_quotation(quoted: str) -> bool:
    """Whether text in quotation marks is someone's words: `QUOTE_MIN_WORDS` or more, and
    not a title, whose longer words are all capitalised ("Batman v. Superman: Dawn of
    Justice": FNC-1 bodies 239 and 672 were read as quoting one film title from two
    speakers)."""
    words = quoted.strip("\"'“”‘’ ").split()
    longer = [w for w in words if len(w.strip(".,:;!?")) > TITLE_SHORT_WORDS]
    title = bool(longer) and all(w[:1].isupper() for w in longer)
    return len(words) >= QUOTE_MIN_WORDS and not title


NAME_FILLER = {
    *("the", "a", "an", "'s", "’s", "of", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms."),
    *("himself", "herself", "themselves"),  # "George himself filed a complaint"
}


# The possessive marks, as ClaimFacts words ("the Boston's Museum", "their daughter's twin").
POSSESSIVE_MARKS = {"'s", "'"}


@dataclass
class ClaimFacts:
    """One claim as the fact layer sees it."""

    text: str
    words: list[str]  # lower-case tokens, punctuation dropped
    lemmas: list[str]
    pos: list[str]  # spaCy's coarse part of speech per word
    kinds: list[str | None]  # the entity kind of each word, if it is part of one
    entities: list[tuple[str, str, int, int]]  # (text, kind, first word, end word)
    negated: bool
    speaker: str | None = None
    # What the speaker is: "person" (a person's name: "Sorkin", "Justice Minister Peter
    # MacKay"), "name" (another name: "Paris Match"), "description" ("the writer", "Verma's
    # lawyer", "the government"), "document" ("the note", "the story": someone's words),
    # "pronoun" (a quotation's "he", named before); "" with no speaker.
    speaker_kind: str = ""
    quotes: bool = False  # holds a direct quotation of several words
    roles: dict[str, str] = field(default_factory=dict)  # role → person
    published: date | None = None
    spelled: list[str] = field(default_factory=list)  # the words as written
    context: str = ""  # the sentence the claim was cut from (its own text when given alone)
    # Everything the claim's source says, where whole articles are compared ("" otherwise).
    source_text: str = ""
    # What the claim's main verb does to what: (verb lemma with its particle, the lemma of
    # the thing it is done to), active or passive alike: "Workers replaced the deck" and
    # "The deck was replaced" both ("replace", "deck"). None without a verb and a noun.
    action: tuple[str, str] | None = None
    denies: bool = False  # holds a verb of denial ("denies the tweet"; `facts.denial_verbs`)
    imperative: bool = False  # tells the reader what to do ("Don't believe any report …")
    # Opens on another case than the story's ("Another case of a nun giving birth took
    # place in 2011", "In a separate incident, …"): its facts are that case's.
    another_case: bool = False
    # What a negation says did not happen, as lemmas: the negated verb (not an auxiliary)
    # and what it is done to or says of its subject ("isn't an Islamic fighter" → fighter;
    # "never mentioned his employer" → mention, employer). Empty where nothing is negated.
    negated_words: tuple[str, ...] = ()

    @property
    def named_speaker(self) -> bool:
        """Whether the claim is attributed to someone it names or describes (not "he")."""
        return bool(self.speaker) and self.speaker_kind != "pronoun"

    @property
    def indefinite_speaker(self) -> bool:
        """Whether the speaker is described as nobody in particular ("a source", "One
        Twitter user, with the handle Cornelius")."""
        return (self.speaker or "").lower().startswith(INDEFINITE)

    @property
    def described_speaker(self) -> bool:
        """Whether the speaker is someone named earlier, described without a name ("the
        executioner", "the masked man", "the ISIS person"): a description, "the" and a
        lower-case noun last (not "the Daily Mail")."""
        words = (self.speaker or "").split()
        return (
            self.speaker_kind == "description"
            and len(words) > 1
            and words[0].lower() == "the"
            and words[-1].islower()
        )

    @property
    def shown_speaker(self) -> str:
        """The speaker as a reason shows it: a pronoun says it stands for a name."""
        if self.speaker_kind == "pronoun":
            return f'"{self.speaker}" (named earlier in its article)'
        return self.speaker or ""

    @property
    def name_words(self) -> set[str]:
        """The words of the names it holds: proper nouns and words of named entities, in
        lower case ("Pope Francis did NOT say" → {"pope", "francis"}). Read word by word,
        they match where the model tags a headline's names differently on each side."""
        return {
            word.removesuffix("'s").removesuffix("’s")
            for word, pos, kind in zip(self.words, self.pos, self.kinds, strict=True)
            if (pos == "PROPN" or kind is not None) and word not in NAME_FILLER
        }

    def named(self, kinds: set[str] | None = None) -> list[str]:
        """The names it holds (of `kinds`, or of any kind), each once, in order."""
        return list(
            dict.fromkeys(text for text, kind, _, _ in self.entities if not kinds or kind in kinds)
        )

    def entity_at(self, index: int) -> tuple[str, str] | None:
        for text, kind, start, end in self.entities:
            if start <= index < end:
                return text, kind
        return None


class Speaker(NamedTuple):
    text: str
    kind: str  # "person", "name", "description", "document", "pronoun" (`speaker_kind`)


class FactReader:
    """Turns claim texts into `ClaimFacts` with one spaCy pass over all of them."""

    def __init__(self, nlp: Any, settings: FactsSettings):
        self.nlp = nlp
        self.negators = {w.lower() for w in settings.negators}
        self.say_verbs = {w.lower() for w in settings.say_verbs}
        self.honorifics = {w.lower() for w in settings.honorifics}
        self.documents = {w.lower() for w in settings.document_speakers}
        self.denial_verbs = {w.lower() for w in settings.denial_verbs}
        # Longest first, so "deputy prime minister" is found before "prime minister".
        self.roles = sorted(
            (tuple(r.lower().split()) for r in settings.roles), key=len, reverse=True
        )

    def read(
        self,
        texts: Sequence[str],
        published: Sequence[date | None] | None = None,
        contexts: Sequence[str | None] | None = None,
    ) -> list[ClaimFacts]:
        dates = list(published or [None] * len(texts))
        sentences = list(contexts or [None] * len(texts))
        facts = [
            self._facts(doc, day)
            for doc, day in zip(self.nlp.pipe(list(texts)), dates, strict=True)
        ]
        for fact, sentence in zip(facts, sentences, strict=True):
            fact.context = sentence or fact.text
        return facts

    def _facts(self, doc: Any, published: date | None) -> ClaimFacts:
        tokens = [t for t in doc if not t.is_punct and not t.is_space]
        position = {t.i: n for n, t in enumerate(tokens)}
        # Typography says nothing: "it's" with a curly apostrophe or a straight one is one
        # word (a near copy that differs only in its apostrophes is no edit); nor does a
        # contraction ("couldn't" / "could not": FNC-1 bodies 504 and 827).
        words = [t.lower_.replace("’", "'") for t in tokens]
        words = ["not" if word == "n't" else word for word in words]
        kinds: list[str | None] = [None] * len(tokens)
        entities = []
        for ent in doc.ents:
            kind = ENTITY_KINDS.get(ent.label_)
            inside = [position[t.i] for t in ent if t.i in position]
            if kind is None or not inside:
                continue
            for n in inside:
                kinds[n] = kind
            entities.append((ent.text, kind, inside[0], inside[-1] + 1))
        speaker = self._speaker(doc)
        return ClaimFacts(
            text=doc.text,
            words=words,
            lemmas=[t.lemma_.lower().replace("’", "'") for t in tokens],
            pos=[t.pos_ for t in tokens],
            kinds=kinds,
            entities=entities,
            negated=any(self._negator(t) for t in tokens),
            speaker=speaker.text if speaker else None,
            speaker_kind=speaker.kind if speaker else "",
            quotes=any(is_quotation(q) for q in QUOTED.findall(doc.text)),
            roles=self._roles(doc),
            published=published,
            spelled=[t.text for t in tokens],
            action=_action(doc, self.say_verbs),
            denies=any(t.pos_ == "VERB" and t.lemma_.lower() in self.denial_verbs for t in tokens),
            imperative=_imperative(doc),
            another_case=ANOTHER_CASE.match(doc.text) is not None,
            negated_words=self._negated_words(doc),
        )

    def _negator(self, token: Any) -> bool:
        """Whether a token negates: spaCy's "neg" ("not", "n't", "never") or one of
        `facts.negators` ("no", "none", "nobody", …)."""
        return token.dep_ == "neg" or token.lower_ in self.negators

    def _negated_words(self, doc: Any) -> tuple[str, ...]:
        """`ClaimFacts.negated_words`: for each negator, the verb it negates (climbing from
        "no one" to "have"), that verb unless an auxiliary, and its objects, attributes
        and complements."""
        found: list[str] = []
        for token in doc:
            if not self._negator(token):
                continue
            head = token.head
            while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
                head = head.head  # "no one can have …": from "no" to "one" to "have"
            if head.pos_ == "VERB":
                found.append(head.lemma_.lower())
            for child in head.children:
                if child.dep_ not in NEGATED_PARTS or child.i == token.i:
                    continue
                # "Nikolai is not the first real-life Magneto" says no only to his being the
                # first: that he is one it takes as given.
                rank = [w.lower_ for w in child.children if w.lower_ in RANK_WORDS]
                found.append(rank[0] if rank else child.lemma_.lower())
        return tuple(found)

    def _speaker(self, doc: Any) -> Speaker | None:
        """Who the claim is attributed to: the subject of a say-verb, or "according to X";
        never a verb inside a quotation ("… tell 'em I got up on that …" is the quoted
        speaker's words, not the writer's attribution). Of several, the first; with a
        quotation, the one nearest it: "The report then goes on to say a police spokesperson
        said, “…”" quotes the spokesperson (FNC-1 bodies 1085 and 1161)."""
        quoted = [m.span() for m in QUOTED.finditer(doc.text)]
        found: list[tuple[int, Speaker]] = []
        for token in doc:
            if any(start < token.idx < end for start, end in quoted):
                continue
            if token.lower_ == "according" and token.i + 1 < len(doc):
                following = doc[token.i + 1]
                if following.lower_ == "to":
                    objects = [c for c in following.children if c.dep_ == "pobj"]
                    if objects:
                        # "According to The Hollywood Reporter, Bale …": the comma closes
                        # whom the words are according to (FNC-1 bodies 454 and 755).
                        phrase = _phrase(objects[0]).split(" , ")[0]
                        speaker = Speaker(phrase, self._kind(objects[0]))
                        found.append((token.idx, speaker))
            if token.pos_ == "VERB" and token.lemma_.lower() in self.say_verbs:
                if _quotes_as_saying(token, self.say_verbs):
                    continue  # "The Daily Mail reports a spokesperson as saying": theirs
                subject = _subject(token)
                if subject is None:
                    continue
                if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    # "a disclaimer, which says, “…”": the one the clause hangs on speaks
                    # (FNC-1 bodies 1326 and 2262 had "which" as a speaker).
                    subject = token.head
                if subject.lower_ not in PRONOUNS:
                    found.append((token.idx, Speaker(_phrase(subject), self._kind(subject))))
                elif quoted and subject.lower_ in PERSONAL_PRONOUNS:
                    # "“I heard four shots,” he said": someone named sentences before.
                    found.append((token.idx, Speaker(subject.text, "pronoun")))
        if not found:
            return None
        if not quoted:
            return found[0][1]
        first_quote = quoted[0][0]
        return min(found, key=lambda item: abs(item[0] - first_quote))[1]

    def _kind(self, head: Any) -> str:
        """Whether the speaker phrase headed by `head` is a person's name (tagged so, or
        after an honorific: "Father O'Neal"), another name, a document ("the note says"),
        or another description."""
        if head.lower_ in INDEFINITE_PRONOUNS and head.n_lefts + head.n_rights == 0:
            # "“… for a bear,” said one": one of those the article spoke of, anyone.
            return "pronoun"
        if head.lower_ in ORDINAL_PEOPLE and next(iter(head.subtree)).lower_ in {"a", "another"}:
            # "A third said …" (FNC-1 bodies 25 and 732): one more of those spoken of.
            return "pronoun"
        if head.pos_ != "PROPN":
            if any(t.ent_type_ == "PERSON" and t.dep_ == "appos" for t in head.children):
                return "person"  # "Local man Aamir Dhawan, 30": a person named, described
            return "document" if head.lemma_.lower() in self.documents else "description"
        first = next(iter(head.subtree)).lower_.rstrip(".")
        if head.ent_type_ == "NORP" and first == "the":
            return "description"  # "The California Republican": a person described
        return "person" if head.ent_type_ == "PERSON" or first in self.honorifics else "name"

    def _roles(self, doc: Any) -> dict[str, str]:
        """Titles bound to people: "Prime Minister Robert Fico", "Robert Fico, the prime
        minister", "the mayor, Elena Ruiz". A country before or after the title is kept in
        the key ("slovakia prime minister"): two countries' leaders are not one role. A
        title the claim gives two people ("Pope Francis's predecessor, Pope Benedict XVI")
        names no one holder, and is left out."""
        words = [t.lower_ for t in doc]
        found: dict[str, str] = {}
        held_by_several: set[str] = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            role = self._role_ending_at(words, ent.start)
            role_start = ent.start - len(role) if role else -1
            if role is None and ent.end + 1 < len(doc) and doc[ent.end].text == ",":
                for start in range(ent.end + 1, min(ent.end + 6, len(doc))):
                    role = self._role_starting_at(words, start)
                    if role:
                        role_start = start
                        break
            if role is None:
                continue
            # The country whose title it is comes right before it: "Slovakia's prime
            # minister", "the Slovak prime minister"; a place elsewhere is where it happened.
            owners = [
                e.text.lower()
                for e in doc.ents
                if e.label_ in ("GPE", "NORP") and 0 <= role_start - e.end <= 1
            ]
            qualifier = owners[0] if owners else _office(doc, role_start, ent)
            key = f"{qualifier} {' '.join(role)}".strip()
            if key in found and not name_words(found[key]) & name_words(ent.text):
                held_by_several.add(key)
            found[key] = ent.text
        return {key: person for key, person in found.items() if key not in held_by_several}

    def _role_ending_at(self, words: list[str], end: int) -> tuple[str, ...] | None:
        for role in self.roles:
            if end - len(role) >= 0 and tuple(words[end - len(role) : end]) == role:
                return role
        return None

    def _role_starting_at(self, words: list[str], start: int) -> tuple[str, ...] | None:
        for role in self.roles:
            if tuple(words[start : start + len(role)]) == role:
                return role
        return None


OFFICE_WORDS = 3  # words naming the office before a title ("Veterans Affairs Minister")


def _office(doc: Any, role_start: int, person: Any) -> str:
    """The words that say which office a title is ("Justice" in "Justice Minister Peter
    MacKay", "justice" in "Peter MacKay, the justice minister"), in lower case: two
    ministers of different offices are two roles, not one role held by two people."""
    if role_start > person.start:  # "Peter MacKay, the justice minister"
        between = doc[person.end + 1 : role_start]
        return " ".join(t.lower_ for t in between if t.pos_ in {"NOUN", "PROPN", "ADJ"})
    words: list[str] = []
    index = role_start - 1
    while index >= 0 and len(words) < OFFICE_WORDS:
        token = doc[index]
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"} or not token.text[:1].isupper():
            break
        words.insert(0, token.lower_)
        index -= 1
    return " ".join(words)


# A claim that opens on a case other than the one the story tells: "Another case of …",
# "In a separate incident, …", "A similar attack …" (after a connective, if any).
ANOTHER_CASE = re.compile(
    r"^\W*(?:(?:but|and|meanwhile|also|however),?\s+)?(?:in\s+)?"
    r"(?:another|an\s+earlier|a\s+(?:similar|separate|different|previous|earlier))\s+"
    r"(?:case|incident|instance|episode|attack|example|occasion)s?\b",
    re.IGNORECASE,
)


# Words that open a command before its verb. A command opening with its bare verb is not
# read as one: spaCy parses captions so ("Karate kids with a Japanese flag": "karate" the
# verb, Breaking NLI), and such commands ("Read more") are the furniture filter's.
IMPERATIVE_OPENERS = {"do", "never", "please", "just", "not", "n't", "n’t"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}


def _imperative(doc: Any) -> bool:
    """Whether the claim's first sentence is a command opened by "don't", "never" or
    "please": its main verb in the base form with no subject, and no "that" clause after
    it ("Never forget that the vote was rigged" states the vote was rigged)."""
    if not len(doc):
        return False
    sentence = next(iter(doc.sents))
    root = sentence.root
    if root.tag_ != "VB" or any(c.dep_ in SUBJECTS for c in root.children):
        return False
    before = [t.lower_ for t in sentence if t.i < root.i and not t.is_punct]
    if not before or not set(before) <= IMPERATIVE_OPENERS:
        return False
    return not any(
        c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
        for c in root.children
    )


def _action(doc: Any, say_verbs: set[str]) -> tuple[str, str] | None:
    """(verb, undergoer) of the first sentence's main verb: its direct object, or the
    subject of a passive verb; both must be content words (not "it", not "said"). Where
    the main verb says who reported it ("Blackstone bought a loan, two people said"), the
    verb of what was said."""
    root = next(iter(doc.sents)).root if len(doc) else None
    if root is not None and root.lemma_.lower() in say_verbs:
        said = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"]
        root = said[0] if said else root
    if root is None or root.pos_ != "VERB":
        return None
    undergoers = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    if not undergoers or undergoers[0].pos_ not in ("NOUN", "PROPN"):
        return None
    particle = " ".join(c.lower_ for c in root.children if c.dep_ == "prt")
    verb = f"{root.lemma_.lower()} {particle}".strip()
    return verb, undergoers[0].lemma_.lower()


def _quotes_as_saying(verb: Any, say_verbs: set[str]) -> bool:
    """Whether `verb` reports someone "as saying" ("reports a police spokesperson as
    saying", "quoted the minister as saying"): the one quoted is its object, the speaker."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and any(c.dep_ == "pcomp" and c.lemma_.lower() in say_verbs for c in prep.children)
        for prep in verb.children
    )


def _subject(verb: Any) -> Any:
    """A verb's subject; for a verb without one ("..., stating: ...", "... and added ..."),
    the subject of the verb it hangs from; for "as saying", the object of the verb that
    reports it ("quoted the minister as saying": the minister), or its subject where it is
    passive ("an anonymous source was quoted as saying …, according to the Daily
    Telegraph": the source, FNC-1 body 1081)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        quoted = [c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if quoted:
            return quoted[0]
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "quote":
        # "Ms. Pressler quoted him saying, “…”" (FNC-1 body 2052): the one quoted speaks,
        # not the writer who quotes him.
        quoted = [c for c in verb.head.children if c.dep_ == "dobj"]
        if quoted:
            return quoted[0]
    while True:
        # Of two, the nearer: "'Dozens of shots in parliament,' Josh Wingrove tweeted" (a
        # quotation in straight single quotes, parsed as a subject too).
        subjects = sorted(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
            key=lambda c: abs(c.i - verb.i),
        )
        if subjects and subjects[0].dep_ == "nsubjpass":
            # "Two cases had been reported", "he was told": the subject of a passive say-verb
            # is what was said or who heard it; the speaker is its agent ("by Reuters").
            agents = [c for c in verb.children if c.dep_ == "agent"]
            objects = [c for a in agents for c in a.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
            return None
        verb = verb.head


def _phrase(token: Any) -> str:
    """The words a token heads, without a lead-in the parser hung on them ("Criticism: One
    Twitter user, with the handle Cornelius," → "One Twitter user, …")."""
    # Not a relative clause or an apposition after it: "a disclaimer, which says, …" is
    # "a disclaimer".
    cut = [c for c in token.rights if c.dep_ == "relcl"]
    stop = min((next(iter(c.subtree)).i for c in cut), default=None)
    words = [t.text for t in token.subtree if stop is None or t.i < stop]
    # Nor a quotation the parser hung on it ("A third “A people looking for …”"), though a
    # quoted title may be ("the “Cosby Show” star").
    opening = next((i for i, w in enumerate(words) if i and w in OPENING_QUOTES), None)
    if opening is not None and len(words) - opening > QUOTE_MIN_WORDS + 1:
        words = words[:opening]
    if ":" in words[:-1]:
        words = words[len(words) - words[::-1].index(":") :]
    # A possessive's mark stays on its word, curly or straight: "Conal's employer" is
    # someone other than Conal, as "Verma's lawyer" is (FNC-1 bodies 2058 and 2133).
    return re.sub(r" (['’]s)\b", r"\1", " ".join(words)).strip(" ,")


# Words that rank what they modify: a "not" before them denies the rank, not the thing.
RANK_WORDS = {"first", "only", "last", "sole"}
# What a negated verb does or says: its object, attribute, complement ("did not need
# intensive care", "isn't an Islamic fighter", "didn't get offered royalties"). Not its
# passive auxiliary ("was not expected"): "be" or "get", which name nothing.
NEGATED_PARTS = {"dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "dative"}


def name_words(name: str) -> set[str]:
    """The words of a name that identify it ("Mr. Robert Fico" → {"robert", "fico"})."""
    return {w for w in name.lower().replace("’", "'").split() if w not in NAME_FILLER}


# A name's consonants, in order, doubled ones once: what survives transliteration
# ("Minjed" / "Munajjid" → "mnjd"). This many at least, else short names meet by chance.
TRANSLITERATED_MIN_CONSONANTS = 4


# Sounds that English and French spellings write with different letters ("Mashnuq" /
# "Machnouk", FNC-1 bodies 2155 and 2268): one letter each before vowels are dropped.
SAME_SOUNDS = ((re.compile(r"sch|sh|ch"), "x"), (re.compile(r"ck|q"), "k"))


def consonants(word: str) -> str:
    """A lower-case word's consonants as spoken, in order, doubled ones once."""
    for spelling, sound in SAME_SOUNDS:
        word = spelling.sub(sound, word)
    letters = re.sub(r"[^a-z]|[aeiouy]", "", word)
    return re.sub(r"(.)\1+", r"\1", letters)


# Names this alike (difflib ratio of their letters) are one name spelt two ways
# ("Zelensky", "Zelenskyy"): a property of transliterated names, not a threshold to tune,
# so a constant rather than a setting.
SPELLING_RATIO = 0.8
# A name given alone is read against each word of another name this long at least
# ("George" / "Georgy Myakinkin"), shorter ones meeting by chance ("Anna" / "Hanna").
LONE_NAME_MIN_LETTERS = 5


def spelled_apart(a: str, b: str) -> bool:
    """Whether two names share a word spelled two ways in the Latin alphabet: the same
    consonants, vowels aside ("Mohammad Saleh Al Minjed" / "Sheikh Munajjid"); or one is
    a single word spelled almost as a word of the other ("George" / "Georgy Myakinkin",
    FNC-1 bodies 1733 and 2234; not "Anna Berg" / "Hanna Borg", two full names)."""
    words_a, words_b = name_words(a), name_words(b)
    skeletons = {consonants(w) for w in words_a}
    if any(
        len(k) >= TRANSLITERATED_MIN_CONSONANTS and k in skeletons
        for k in (consonants(w) for w in words_b)
    ):
        return True
    lone, other = (words_a, words_b) if len(words_a) == 1 else (words_b, words_a)
    # Whole words only: "Hunter" is not "Hunter's spokesman".
    return len(lone) == 1 and any(
        word.isalpha()
        and alike.isalpha()
        and min(len(word), len(alike)) >= LONE_NAME_MIN_LETTERS
        and SequenceMatcher(None, word, alike).ratio() >= SPELLING_RATIO
        for word in lone
        for alike in other
    )
