"""Page furniture: the lines around a news article that are not the article.

Text copied from a web page carries captions and photo credits, section labels, bylines,
datelines run into the first sentence, "Share" / "Read more" / "Subscribe" prompts, links
to other stories, standards and copyright lines, and comment prompts. Each would become a
claim and be "contradicted" by real ones. A longer list of phrases never ends; this module
judges each line by what furniture looks like instead, in three ways:

- its *shape*: a line that is not a sentence (no sentence-final punctuation, or all lower
  case, or wholly in brackets), a line that ends in a credit ("(Photo: …)", "File photo"),
  a line that opens as a byline, a prompt or a link list ("By …", "Share …", "Related: …"),
  a copyright mark, a line that speaks of the page itself ("this article", "the comments");
- its *position*: most of these shapes count only in the first or last lines, where pages
  put furniture; a short non-sentence in the middle of the text stays a heading; a prompt
  that speaks of its publisher ("Read our review of …", "Follow us on Twitter") promotes
  the site wherever it stands;
- its *topical link* to the article: a short line at either end that shares no content word
  with the rest of the text ("Watch the video below.", "All quotes delayed…") is dropped.

Measured by `factcheck bench editor` (furniture claims kept, article lines lost) and
`factcheck bench claims` (every line dropped from the 1,683 real FNC-1 bodies, to be
read). No library does this for plain text: trafilatura and its kin read the HTML tree,
which a pasted text no longer has.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.facts.words import WORD, content_stems
from factcheck.settings import FurnitureSettings

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
POSTED_DATE = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
DEFINITE_OPENING = re.compile(r"The\s")
QUOTE = re.compile(r"[\"“”]")
QUOTE_OR_PRONOUN = re.compile(rf"{QUOTE.pattern}|\b(?:he|she|it|they|we|i|his|her|their)\b", re.I)
# The credit of a post embedded from a social network, run into the text around it: "…
# pulling it out. #seamgate— Paul Peavler (@CardMeHD) September 28, 2014My hair …" (66 FNC-1
# bodies). Its name and date are the post's, not the story's: with the credit kept, two
# articles quoting posts of two days "contradicted" each other on the date.
EMBEDDED_POST_CREDIT = re.compile(
    rf"[ \t]*[—–][ \t]*[^—–\n()]{{1,60}}?\(@\w{{1,30}}\)\s*{POSTED_DATE}[ \t]*"
)
# A photo's credit in brackets closing a paragraph: "(AP Photo/Hani Mohammed)", "(AFP
# Photo)", "(Photo: Getty)"; capitalised, so that "(see photo)" in a sentence is none.
PHOTO_CREDIT_END = re.compile(r"\((?:[A-Z][\w.&-]*\s+){0,3}Photos?\b\s*(?:[/:,][^()]*)?\)\.?$")
# A capitalised word that does not open a sentence: a name, which furniture rarely holds.
NAME_INSIDE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+")


@dataclass(frozen=True)
class LineVerdict:
    """One line of the input: kept as article text or dropped as `reason`."""

    text: str
    furniture: bool
    reason: str = ""


class FurnitureFilter:
    """Drops page furniture from a text, line by line; settings: `read.furniture`."""

    def __init__(self, settings: FurnitureSettings):
        self.min_lines = settings.min_lines
        self.head_lines = settings.head_lines
        self.tail_lines = settings.tail_lines
        self.short_words = settings.short_words
        self.label_words = settings.section_label_words
        self.credit_words = settings.credit_words
        self.prompt_words = settings.prompt_words
        credits = _alternatives(settings.credit_terms)
        # A credit closes a caption: in brackets ("(Photo: Getty)", "(KSL-TV)"), or after the
        # caption's full stop ("… in Sanaa. File photo", "… in 2006. Credit: Getty").
        self.credit_tail = re.compile(
            rf"(?:\((?:[^()]*\b(?:{credits})\b[^()]*|[A-Z][\w.&/ -]{{0,30}})\)"
            rf"|(?<=[.!?] )(?:{credits})\b:?[^.()]{{0,40}})\s*\.?$",
            re.IGNORECASE,
        )
        self.credit_head = re.compile(rf"^(?:{credits})\s*:", re.IGNORECASE)
        # A prompt in capitals with a colon is a link wherever it stands.
        self.link_head = re.compile(rf"^(?:{_alternatives(settings.prompt_openings)})\s*:", re.I)
        self.prompt = re.compile(rf"^(?:{_alternatives(settings.prompt_openings)})\b", re.I)
        # A byline may follow the date it was posted ("February 22, 2015 by Terry Firma").
        self.byline = re.compile(
            rf"^(?:{POSTED_DATE}\s+)?(?:{_alternatives(settings.byline_openings)})\b", re.I
        )
        self.page_reference = re.compile(
            rf"\b(?:{_alternatives(settings.page_references)})\b", re.IGNORECASE
        )
        self.publisher = re.compile(rf"\b(?:{_alternatives(settings.publisher_words)})\b")
        self.copyright = re.compile(r"©|^copyright\b|\ball rights reserved\b", re.IGNORECASE)
        self.dateline = re.compile(settings.dateline)
        self.trailing_credit = re.compile(settings.trailing_credit, re.IGNORECASE)
        self.update_stamp = re.compile(settings.update_stamp)

    def judge(self, lines: Sequence[str]) -> list[LineVerdict]:
        """A verdict for each line (blank lines are kept, as they are)."""
        filled = [i for i, line in enumerate(lines) if line.strip()]
        if len(filled) < self.min_lines:
            return [LineVerdict(line, False) for line in lines]  # a claim or two, not a page
        head = set(filled[: self.head_lines])
        tail = set(filled[-self.tail_lines :])
        first_sentence = next((i for i in filled if _is_sentence(lines[i])), len(lines))
        filled_set = set(filled)
        verdicts = []
        for index, line in enumerate(lines):
            if index not in filled_set:
                verdicts.append(LineVerdict(line, False))
                continue
            reason = self._reason(
                line.strip(), index in head, index in tail, index < first_sentence
            )
            verdicts.append(LineVerdict(line, bool(reason), reason))
        # Off-topic lines count only at the very ends, once the other furniture is gone: in
        # the middle, a sentence sharing no word with the rest is still the article's. How
        # many lines hold each content word, counted once, tells whether a line shares one
        # with the others (a long text is not joined again for every line).
        stems = {i: content_stems(lines[i]) for i in filled}
        lines_with = Counter(stem for i in filled for stem in stems[i])
        for order in (filled, filled[::-1]):
            for index in order:
                if verdicts[index].furniture:
                    continue
                shared = any(lines_with[stem] > 1 for stem in stems[index])
                if shared or not self._off_topic(lines[index].strip()):
                    break
                verdicts[index] = LineVerdict(lines[index], True, "off topic")
        return verdicts

    def _reason(self, line: str, in_head: bool, in_tail: bool, at_top: bool) -> str:
        words = len(WORD.findall(line))
        sentence = _is_sentence(line)
        short = words <= self.short_words
        # Shapes that are furniture anywhere in the text.
        if self.copyright.search(line):
            return "copyright"
        if re.fullmatch(r"[(\[].*[)\]]\.?", line):
            return "bracketed note"
        if not sentence and short and line == line.lower():
            return "image text"  # alt text or a slug: "banksy paris charlie hebdo"
        if PHOTO_CREDIT_END.search(line):
            # "… in newly discovered mass graves. (AP Photo/Felix Marquez)": a caption
            # between paragraphs, however long (FNC-1 bodies 1795, 1970, 2344).
            return "caption"
        if self.credit_head.match(line) and words <= self.credit_words:
            return "credit"
        if self.link_head.match(line):
            return "link"  # "MORE: Woman tried to …", "RELATED: …" between paragraphs
        if self.prompt.match(line) and self.publisher.search(line) and not QUOTE.search(line):
            # "Read our 5 reasons to buy a MacBook Air …" between paragraphs (FNC-1 body
            # 1362): a prompt that speaks of its publisher promotes the site, not the story.
            return "promotion"
        if not (in_head or in_tail or at_top):
            return ""
        # Shapes that are furniture at either end of the text only.
        credit = self.credit_tail.search(line)
        if (
            short
            and credit
            and len(WORD.findall(credit.group(0))) <= self.credit_words
            and not _spelt_out_before(line, credit.start())
        ):
            return "caption"
        if short and self.byline.match(line) and (not sentence or ":" in line):
            return "byline"
        if self.prompt.match(line) and (not sentence or words <= self.prompt_words):
            return "prompt"
        if short and self.page_reference.search(line):
            return "about the page"
        if "|" in line and not sentence:
            return "section"
        if at_top and not sentence and words <= self.label_words:
            return "section"
        if in_tail and not sentence and short:
            return "link"
        return ""

    def _off_topic(self, line: str) -> bool:
        """A short line that could be about nothing the article speaks of: not a quotation,
        no pronoun that points back into the story, no name, and no sentence opening with
        a definite description, which points back as a pronoun does ("The victim was
        treated for shock, and given counselling.", FNC-1 body 654; a caption such as "The
        lion and unicorn statues" is no sentence). (`judge` adds: no content word shared
        with the other lines.)"""
        return (
            len(WORD.findall(line)) <= self.short_words
            and not QUOTE_OR_PRONOUN.search(line)
            and not NAME_INSIDE.search(line)
            and not (DEFINITE_OPENING.match(line) and _is_sentence(line))
        )

    def strip_run_ins(self, line: str, first: bool) -> str:
        """A paragraph without the dateline the article's first one opens with ("SANAA
        (Reuters) - "), without a live story's update stamp ("Update at 1:56 p.m. ET."),
        without the credits a paragraph ends with ("(Reporting by …; Editing by …)"), and
        with each embedded post's credit made a paragraph break (the posts around it become
        paragraphs of their own)."""
        line = EMBEDDED_POST_CREDIT.sub("\n\n", line).strip("\n")
        line = self.update_stamp.sub("", line, count=1)
        if first:
            match = self.dateline.match(line)
            line = line[match.end() :] if match else line
        credit = self.trailing_credit.search(line)
        return line[: credit.start()].rstrip() if credit else line


BRACKETED_INITIALS = re.compile(r"\s*\((?P<letters>[A-Z]{2,6})\)")
INITIALS_SKIP = {"of", "and", "the", "for", "on", "in"}  # "Federal Bureau of Investigation"


def _spelt_out_before(line: str, start: int) -> bool:
    """Whether the bracket at `start` holds the initials of the words right before it:
    "… female genital mutilation (FGM)." (FNC-1 body 374) ends a sentence, not a caption
    with its credit."""
    bracket = BRACKETED_INITIALS.match(line, start)
    if bracket is None:
        return False
    letters = bracket.group("letters").lower()
    words = [w for w in WORD.findall(line[:start]) if w.lower() not in INITIALS_SKIP]
    return "".join(w[0].lower() for w in words[-len(letters) :]) == letters


def _alternatives(phrases: Sequence[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _is_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line.strip()))


def drop_furniture(text: str, settings: FurnitureSettings) -> str:
    """`text` without its page furniture (see the module's docstring)."""
    furniture = FurnitureFilter(settings)
    kept: list[str] = []
    first = True
    for verdict in furniture.judge(text.split("\n")):
        if verdict.furniture:
            continue
        line = verdict.text
        if line.strip():
            line = furniture.strip_run_ins(line, first and _is_sentence(line))
            first = first and not _is_sentence(verdict.text)
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
