"""Content words cut to stems: what two texts have in common, by their words alone.

A crude stem (the first letters) rather than spaCy's lemmas: it is asked of many texts where
the pipeline holds no parsed document, and "India's" / "India" or "official" / "officials"
are all it needs to meet. Used by the furniture filter (a line's topical link to the rest of
the page) and by the judge (whether a text could state another at all).
"""

from __future__ import annotations

import re

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
