"""Content words cut to stems: what two texts have in common, by their words alone; and
which full stops end no sentence (`sentence_breaks`).

A crude stem (the first letters) rather than spaCy's lemmas: it is asked of many texts where
the pipeline holds no parsed document, and "India's" / "India" or "official" / "officials"
are all it needs to meet. Used by the furniture filter (a line's topical link to the rest of
the page) and by the judge (whether a text could state another at all).
"""

from __future__ import annotations

import re
from functools import cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
STEM = 5  # letters kept of a word
# Words of four letters or more that say nothing about a topic (shorter ones are skipped).
STOPWORDS = frozenset(
    {
        "this",
        "that",
        "these",
        "those",
        "their",
        "have",
        "will",
        "would",
        "could",
        "might",
        "should",
        "does",
        "than",
        "then",
        "there",
        "here",
        "what",
        "when",
        "where",
        "which",
        "about",
        "into",
        "over",
        "after",
        "before",
        "with",
        "from",
        "were",
        "been",
        "more",
        "most",
        "some",
        "just",
        "also",
        "only",
        "very",
    }
)


def content_stems(text: str) -> set[str]:
    """Content words cut to a stem of `STEM` letters: "India's" and "India", "official" and
    "officials" meet. Words of three letters or fewer are left out."""
    words = (re.sub(r"['’]s?$", "", w.lower()) for w in WORD.findall(text))
    return {w[:STEM] for w in words if len(w) > 3 and w not in STOPWORDS}


def stems_covered(premise: str, hypothesis: str) -> float:
    """The share of the hypothesis's content stems that the premise also has (1.0 when the
    hypothesis has none)."""
    wanted = content_stems(hypothesis)
    if not wanted:
        return 1.0
    return len(wanted & content_stems(premise)) / len(wanted)


# The word before a full stop that ends no sentence: an initial ("A.K. Verma") or one of
# spaCy's English abbreviations ("Rear Adm. John Kirby", "Gen.", "Sen.", "Jan.", "p.m.").
LAST_WORD = re.compile(r"(\S+)$")
INITIAL = re.compile(r"(?:^|\W)[A-Z]\.$")


@cache
def _abbreviations() -> frozenset[str]:
    from spacy.lang.en import English

    return frozenset(k for k in English.Defaults.tokenizer_exceptions if k.endswith("."))


def _ends_abbreviation(text: str) -> bool:
    """`text` (up to and with a full stop) ends in an abbreviation or an initial."""
    word = LAST_WORD.search(text)
    return word is not None and (
        word.group(1) in _abbreviations() or INITIAL.search(word.group(1)) is not None
    )


# Where one sentence ends and the next begins, outside a quotation as inside it.
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘'])")


def sentence_breaks(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of `pattern` in `text` (breaks between sentences or clauses), less
    those at a full stop that ends an abbreviation or an initial ("2:30 p.m. Tuesday")."""
    return [
        match
        for match in pattern.finditer(text)
        if not (match.group(0)[0] == "." and _ends_abbreviation(text[: match.start() + 1]))
    ]
