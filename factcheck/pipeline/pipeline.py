"""The pipeline object that the CLI, the Python API and the web app share.

read → split → align → judge → report; models load once, lazily, on first use.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from factcheck.facts import FactChecker, anchor_keys
from factcheck.models.cache import CachedEmbedder, CachedNLI, ResultCache
from factcheck.models.embed import embedder_version, get_embedder
from factcheck.pipeline.align import Aligner
from factcheck.pipeline.cluster import agreement_matrix, build_clusters
from factcheck.pipeline.judge import Judge, same_statement
from factcheck.pipeline.read import (
    ARTICLE_SUFFIXES,
    ReadError,
    read_article,
    read_bytes,
    source_ids,
)
from factcheck.pipeline.split import ClaimSplitter
from factcheck.pipeline.summary import summarize
from factcheck.pipeline.verdict import Evidence
from factcheck.schema import (
    LINKING_VERDICTS,
    Article,
    Claim,
    ClaimCheck,
    Closest,
    Finding,
    Pair,
    Report,
)
from factcheck.settings import CompareSettings, ServeSettings, Settings

SourceSpec = str | Path
Sources = Sequence[SourceSpec] | Mapping[str, str]


class Stage(StrEnum):
    """What a comparison is doing, for progress: each stage reports the share of it done."""

    READING = "reading"
    SPLITTING = "splitting"
    ALIGNING = "aligning"
    JUDGING = "judging"


Progress = Callable[[Stage, float], None]
Item = tuple[str | None, SourceSpec | None, str | None]  # (name, path, text)


class Pipeline:
    """Compares sources with `settings` (configs/compare.yaml) and the NLI model `serve`
    names (configs/nli.yaml), both loaded by the shell; `nli_model` (a folder or
    "models:NAME") replaces the served model."""

    def __init__(
        self,
        settings: CompareSettings,
        serve: ServeSettings,
        nli_model: str | Path | None = None,
    ):
        self.settings, self.serve, self.nli_model = settings, serve, nli_model
        self._judge: Judge | None = None
        self.splitter = ClaimSplitter(settings.split)
        cache = settings.cache
        self.cache = ResultCache(cache.path or None) if cache.enabled else None
        embedder_spec = settings.align.embedder
        embedder: Any = get_embedder(embedder_spec)
        if self.cache is not None:
            embedder = CachedEmbedder(embedder, self.cache, embedder_version(embedder_spec))
        self.aligner = Aligner(settings.align, embedder, anchor_keys)

    @property
    def judge(self) -> Judge:
        if self._judge is None:
            from factcheck.models.nli import load_nli_model

            nli: Any = load_nli_model(self.serve, self.nli_model)
            if self.cache is not None:
                nli = CachedNLI(nli, self.cache, nli.version)
            self._judge = Judge(
                self.settings.judge,
                nli,
                FactChecker(self.splitter.nlp, self.settings.facts),
            )
        return self._judge

    def read(
        self, sources: Sources, published: Sequence[str | None] | None = None
    ) -> list[Article]:
        """Articles from paths, '-', texts, or a mapping of name → text."""
        return self._read_items(_items(sources), published)

    def _read_items(
        self,
        items: list[Item],
        published: Sequence[str | None] | None = None,
        any_length: Sequence[bool] = (),
    ) -> list[Article]:
        """Articles from items; where `any_length` is true for an item, one sentence is
        enough (the text checked against a source need not be an article)."""
        ids = source_ids(len(items))
        dates = list(published or []) + [None] * len(items)
        short = list(any_length) + [False] * len(items)
        articles = []
        for index, ((name, path, text), article_id, day) in enumerate(
            zip(items, ids, dates, strict=False)
        ):
            settings = self.settings.read
            if short[index]:
                settings = settings.model_copy(update={"min_words": 1})
            articles.append(
                read_article(
                    path if path is not None else article_id,
                    settings,
                    article_id,
                    name=name or (None if path is not None else f"text {article_id}"),
                    text=text,
                    published=day,
                )
            )
        return articles

    def read_files(self, files: Sequence[tuple[str, bytes]]) -> list[Article]:
        """Articles from (file name, bytes) pairs, such as uploads; the name's suffix says
        whether a file is HTML, Markdown or plain text."""
        return [
            read_bytes(raw, name, self.settings.read, article_id)
            for (name, raw), article_id in zip(files, source_ids(len(files)), strict=True)
        ]

    def compare(
        self,
        sources: Sources,
        reference: SourceSpec | None = None,
        published: Sequence[str | None] | None = None,
        progress: Progress | None = None,
    ) -> Report:
        """Compare two or more sources, or (with `reference`) check one text against a source."""
        started = time.perf_counter()
        (progress or _quiet)(Stage.READING, 0.0)
        if reference is not None:
            checked = _items(sources)
            if len(checked) != 1:
                raise ReadError("reference mode checks exactly one text against one source")
            source_item: Item = (
                (None, reference, None)
                if _is_path(reference)
                else ("reference", None, str(reference))
            )
            source, text = self._read_items(
                [source_item, *checked], published, any_length=[False, True]
            )
            timings = {"read": time.perf_counter() - started}
            return self.check_text(source, text, progress, timings, started)
        articles = self.read(sources, published)
        timings = {"read": time.perf_counter() - started}
        return self.compare_articles(articles, progress, timings, started)

    def compare_articles(
        self,
        articles: Sequence[Article],
        progress: Progress | None = None,
        timings: dict[str, float] | None = None,
        started: float | None = None,
    ) -> Report:
        """Compare articles already read: what they agree on, where they contradict each
        other, what only one says. `timings` and `started` carry the reading's."""
        if len(articles) < 2:
            raise ReadError("give at least two sources to compare")
        run = _Run(self, articles, progress, timings, started)
        claims, by_id = run.split()
        pairs, closest = run.align(claims, None)
        findings = run.judge(pairs, claims, by_id)
        settled = {cid for f in findings if f.label in LINKING_VERDICTS for cid in f.claims}
        return run.report(claims, by_id, findings, settled, closest)

    def check_text(
        self,
        source: Article,
        text: Article,
        progress: Progress | None = None,
        timings: dict[str, float] | None = None,
        started: float | None = None,
    ) -> Report:
        """Reference mode: each claim of `text` supported, contradicted or unsupported by
        `source`, judged against the source claims aligned with it and against its passage
        (its nearest source claims in source order)."""
        run = _Run(self, [source, text], progress, timings, started)
        claims, by_id = run.split()
        pairs, closest = run.align(claims, self.settings.reference.top_k)
        findings = run.judge(pairs, claims, by_id)
        # Each claim of the checked text gets a verdict of its own, so none of them is
        # "only in" it.
        checked = [c for c in claims if c.source == text.id]
        settled = {cid for f in findings if f.label in LINKING_VERDICTS for cid in f.claims}
        settled |= {c.id for c in checked}
        window = self.settings.reference.window
        passages = self.aligner.passages(claims, source.id, text.id, window)
        checks = self.judge.check_against(findings, checked, by_id, passages, source.text)
        return run.report(claims, by_id, findings, settled, closest, checks)

    def rewrite_entailment(
        self, claims: Sequence[Claim], articles: Sequence[Article]
    ) -> dict[str, float]:
        """For each claim the splitter rewrote (a piece of a sentence, a lifted clause, a
        pronoun filled in), how surely the text entails it: NLI, the surest of the premises
        `rewrite_premises` takes from the text."""
        contexts = sentence_contexts(claims, articles)
        rewritten = [c for c in claims if not same_statement(c.text, contexts[c.id])]
        if not rewritten:
            return {}
        premises = rewrite_premises(rewritten, claims, articles, contexts)
        nli = self.judge.nli
        rows = nli.predict(
            [p for ps in premises for p in ps],
            [c.text for c, ps in zip(rewritten, premises, strict=True) for _ in ps],
        )
        entail = nli.labels.index("entailment")
        scores, row = {}, 0
        for claim, options in zip(rewritten, premises, strict=True):
            scores[claim.id] = float(max(r[entail] for r in rows[row : row + len(options)]))
            row += len(options)
        return scores

    def checked_rewrites(self, claims: Sequence[Claim], articles: Sequence[Article]) -> list[Claim]:
        """Claims whose sentence does not entail every rewrite cut from it are replaced by
        the plain sentence: a claim says only what the text says (`split.rewrite_check`). A
        plain sentence that opens with "he" or "she" (the name put in failed) is kept with
        the sentence before it, as the splitter keeps other sentences opening with a pronoun."""
        settings = self.settings.split
        if not settings.rewrite_check:
            return list(claims)
        threshold = settings.rewrite_entailment
        scores = self.rewrite_entailment(claims, articles)
        failing = {(c.source, c.sentence) for c in claims if scores.get(c.id, 1.0) < threshold}
        if not failing:
            return list(claims)
        texts = {a.id: a.text for a in articles}
        by_sentence: dict[tuple[str, int], list[Claim]] = {}
        for claim in claims:
            by_sentence.setdefault((claim.source, claim.sentence), []).append(claim)
        kept: list[Claim] = []
        for claim in claims:
            key = (claim.source, claim.sentence)
            if key not in failing:
                kept.append(claim)
                continue
            if kept and (kept[-1].source, kept[-1].sentence) == key:
                continue  # the sentence is already in, whole
            members = by_sentence[key]
            start, end = _sentence_bounds(
                texts[claim.source], min(c.start for c in members), max(c.end for c in members)
            )
            entities = list(dict.fromkeys(e for c in members for e in c.entities))
            text = texts[claim.source][start:end].strip()
            # The sentence before's claims, at the end of `kept` (claims come in order).
            previous, count = (key[0], key[1] - 1), 0
            while count < len(kept) and (kept[~count].source, kept[~count].sentence) == previous:
                count += 1
            before = kept[len(kept) - count :]
            if PERSON_OPENING.match(text) and before and not before[0].headline:
                # The name filled in for "He" failed the check: the sentence is kept with
                # the one before, which says who he is (as `split` does for "This …").
                del kept[-len(before) :]
                start = before[0].start
                text = re.sub(r"\s+", " ", texts[claim.source][start:end]).strip()
                earlier = [e for c in before for e in c.entities]
                entities = list(dict.fromkeys([*earlier, *entities]))
                key = before[0].source, before[0].sentence
            kept.append(
                Claim(claim.id, claim.source, text, start, end, key[1], claim.headline, entities)
            )
        # Ids stay "source:number", numbered in order.
        numbers: dict[str, int] = {}
        for claim in kept:
            claim.id = f"{claim.source}:{numbers.setdefault(claim.source, 0)}"
            numbers[claim.source] += 1
        return kept

    def check(self, pairs: Sequence[tuple[str, str]]) -> list[Finding]:
        """The judge's verdict on each pair of claims, taken as given (not split): NLI both
        ways, the fact layer and attribution, exactly as `compare` judges an aligned pair."""
        return [self.judge.decide(item) for item in self.evidence(pairs)]

    def evidence(self, pairs: Sequence[tuple[str, str]]) -> list[Evidence]:
        """What the judge knows about each pair of claims before its verdict."""
        if not pairs:
            return []
        for index, (a, b) in enumerate(pairs):
            if not a.strip() or not b.strip():
                raise ReadError(f"pair {index + 1}: both claims must be non-empty text")
        firsts = self.splitter.as_claims([a for a, _ in pairs], "A")
        seconds = self.splitter.as_claims([b for _, b in pairs], "B")
        similarities = self.aligner.similarities(
            [c.text for c in firsts], [c.text for c in seconds]
        )
        claims = {c.id: c for c in [*firsts, *seconds]}
        aligned = [
            Pair(first.id, second.id, similarity)
            for first, second, similarity in zip(firsts, seconds, similarities, strict=True)
        ]
        return self.judge.gather(aligned, claims)


class _Run:
    """One comparison's stages and their timings: the steps that comparison and reference
    mode share, each reporting its progress as a stage and the share of it done."""

    def __init__(
        self,
        pipeline: Pipeline,
        articles: Sequence[Article],
        progress: Progress | None,
        timings: dict[str, float] | None,
        started: float | None,
    ):
        self.pipeline, self.articles = pipeline, list(articles)
        self.progress = progress or _quiet
        self.timings = dict(timings or {})
        self.started = started if started is not None else time.perf_counter()

    def split(self) -> tuple[list[Claim], dict[str, Claim]]:
        self.progress(Stage.SPLITTING, 0.0)
        mark = time.perf_counter()
        pipeline = self.pipeline
        claims = [c for article in self.articles for c in pipeline.splitter.split(article)]
        claims = pipeline.checked_rewrites(claims, self.articles)
        for article in self.articles:
            if not any(c.source == article.id for c in claims):
                raise ReadError(f"{article.name}: no claims found in the text")
        self.timings["split"] = time.perf_counter() - mark
        return claims, {c.id: c for c in claims}

    def align(self, claims: list[Claim], top_k: int | None) -> tuple[list[Pair], dict]:
        self.progress(Stage.ALIGNING, 0.0)
        mark = time.perf_counter()
        pairs, closest = self.pipeline.aligner.align(claims, top_k)
        self.timings["align"] = time.perf_counter() - mark
        return pairs, closest

    def judge(
        self, pairs: list[Pair], claims: list[Claim], by_id: dict[str, Claim]
    ) -> list[Finding]:
        self.progress(Stage.JUDGING, 0.0)
        mark = time.perf_counter()
        done, total = 0, max(1, 2 * len(pairs))  # NLI runs both ways

        def judged(count: int) -> None:
            nonlocal done
            done += count
            self.progress(Stage.JUDGING, min(1.0, done / total))

        findings = self.pipeline.judge.judge(
            pairs,
            by_id,
            {a.id: publication_date(a.published) for a in self.articles},
            judged,
            sentence_contexts(claims, self.articles),
        )
        self.timings["judge"] = time.perf_counter() - mark
        return findings

    def report(
        self,
        claims: list[Claim],
        by_id: dict[str, Claim],
        findings: list[Finding],
        settled: set[str],
        closest: dict[str, Closest],
        checks: list[ClaimCheck] | None = None,
    ) -> Report:
        """The report, built once from everything the stages found."""
        unique = [c.id for c in claims if c.id not in settled]
        floor = self.pipeline.settings.align.context_min_similarity
        clusters = build_clusters(findings, by_id)
        matrix = agreement_matrix(findings, by_id, [a.id for a in self.articles])
        self.timings["total"] = time.perf_counter() - self.started
        return Report(
            sources=self.articles,
            claims=claims,
            findings=findings,
            unique=unique,
            closest={
                cid: closest[cid]
                for cid in unique
                if cid in closest and closest[cid].similarity >= floor
            },
            reference=self.articles[0].id if checks is not None else None,
            checks=checks or [],
            clusters=clusters,
            summary=summarize(self.articles, claims, findings, unique, clusters, matrix, checks),
            timings={k: round(v, 3) for k, v in self.timings.items()},
        )


def _quiet(_stage: Stage, _fraction: float) -> None:
    """Progress nobody watches."""


def rewrite_premises(
    rewritten: Sequence[Claim],
    claims: Sequence[Claim],
    articles: Sequence[Article],
    contexts: dict[str, str],
) -> list[list[str]]:
    """The texts each rewritten claim is checked against; it passes on the surest:
    - its sentence;
    - the sentence with the one before it (a pronoun filled in names what that one said);
    - the sentence with the one that named what the rewrite put in ("He said" → "Steven
      Sotloff said", the name from three sentences back);
    - the sentence up to the end of what the claim was cut from: a clause lifted out read
      against the words it was lifted from ("Eric Schultz, the deputy press secretary" for
      "Eric Schultz is the deputy press secretary"), which the 6-layer model reads far more
      surely than the whole sentence around them (`factcheck bench claims`)."""
    sentences = {(c.source, c.sentence): contexts[c.id] for c in claims}
    texts = {a.id: a.text for a in articles}
    spans = _sentence_spans(claims)
    premises = []
    for claim in rewritten:
        sentence = contexts[claim.id]
        before = sentences.get((claim.source, claim.sentence - 1), "")
        naming = _naming_sentence(claim, sentence, sentences)
        leading = texts[claim.source][spans[(claim.source, claim.sentence)][0] : claim.end]
        options = [sentence, f"{before} {sentence}", f"{naming} {sentence}", leading]
        premises.append(list(dict.fromkeys(o.strip() for o in options if o.strip())))
    return premises


def sentence_contexts(claims: Sequence[Claim], articles: Sequence[Article]) -> dict[str, str]:
    """For each claim, the text of the sentence it was cut from: the span from the first to
    the last claim cut from that sentence."""
    texts = {a.id: a.text for a in articles}
    spans = _sentence_spans(claims)
    return {
        claim.id: texts[claim.source][slice(*spans[(claim.source, claim.sentence)])]
        for claim in claims
    }


def _sentence_spans(claims: Sequence[Claim]) -> dict[tuple[str, int], tuple[int, int]]:
    """(source, sentence) → the span from the first to the last claim cut from it."""
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for claim in claims:
        key = (claim.source, claim.sentence)
        start, end = spans.get(key, (claim.start, claim.end))
        spans[key] = (min(start, claim.start), max(end, claim.end))
    return spans


SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")


# A sentence opening with a person's pronoun, after any quotation mark.
PERSON_OPENING = re.compile(r"^\W*(?:he|she|his|her)\b", re.IGNORECASE)


def _naming_sentence(claim: Claim, sentence: str, sentences: dict[tuple[str, int], str]) -> str:
    """The last sentence before `claim`'s own that holds every word the claim adds to its
    sentence (a name filled in for a pronoun); "" when the claim adds none or none does."""
    added = _words(claim.text) - _words(sentence)
    if not added:
        return ""
    for index in range(claim.sentence - 1, -1, -1):
        text = sentences.get((claim.source, index))
        if text and added <= _words(text):
            return text
    return ""


def _words(text: str) -> set[str]:
    """Lower-case words, a possessive 's dropped ("Canseco's" is "canseco")."""
    return set(re.findall(r"\w+", re.sub(r"['’]s\b", "", text.lower())))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence around a span: the claims cut from a sentence may leave out its
    start ("Josh Lin watched" was too short to keep) or its end."""
    before = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, start)]
    # From the span's last character: a span that ends with its full stop ends there.
    after = SENTENCE_BREAK.search(text, max(start, end - 1))
    return (before[-1] if before else 0), (after.start() + 1 if after else len(text))


def publication_date(value: str | None) -> date | None:
    """An ISO date (or date-time) string as a date; anything else is no date."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_path(spec: SourceSpec) -> bool:
    """A Path, '-', an existing file, or a space-free string with an article suffix; any
    other string is article text."""
    if isinstance(spec, Path) or spec == "-":
        return True
    if "\n" in spec or len(spec) > 4096:
        return False
    return os.path.exists(spec) or (
        " " not in spec and Path(spec).suffix.lower() in ARTICLE_SUFFIXES
    )


def _items(sources: Sources) -> list[Item]:
    """(name, path, text) per source; a folder stands for the article files inside it."""
    if isinstance(sources, Mapping):
        return [(name, None, text) for name, text in sources.items()]
    items: list[Item] = []
    for spec in sources:
        if not _is_path(spec):
            items.append((None, None, str(spec)))
        elif spec != "-" and Path(spec).is_dir():
            files = sorted(
                p
                for p in Path(spec).iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not files:
                raise ReadError(f"{spec}: no article files (.txt, .md, .html) in the folder")
            items.extend((None, path, None) for path in files)
        else:
            items.append((None, spec, None))
    return items


_PIPELINES: dict[str, Pipeline] = {}


def configured(settings: Settings, overrides: Mapping[str, Any] | None = None) -> Pipeline:
    """The pipeline for the loaded `settings`, with `overrides` of configs/compare.yaml
    (NO_CACHE, a benchmark's variant); shared like `get_pipeline`'s."""
    return get_pipeline(settings.compare.updated(overrides), settings.nli.serve)


def get_pipeline(settings: CompareSettings, serve: ServeSettings) -> Pipeline:
    """One pipeline per set of settings per process, so models load once."""
    key = settings.model_dump_json() + serve.model_dump_json()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings, serve)
    return _PIPELINES[key]
