"""The `Pipeline` that the CLI, the Python API and the web app share: it runs the stages,
read → split → check the rewrites → align → judge → cluster, and builds the `Report` once.
Models load once, lazily, on first use; `get_pipeline` keeps one pipeline per settings.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from factcheck.facts import FactChecker, anchor_keys
from factcheck.models.cache import CachedEmbedder, CachedNLI, ResultCache
from factcheck.models.embed import embedder_version, get_embedder
from factcheck.pipeline.align import Aligner
from factcheck.pipeline.cluster import agreement_matrix, build_clusters
from factcheck.pipeline.judge import Judge
from factcheck.pipeline.read import (
    ReadError,
    read_article,
    read_bytes,
    source_ids,
)
from factcheck.pipeline.rewrites import checked_rewrites, rewrite_entailment, sentence_contexts
from factcheck.pipeline.sources import (
    Item,
    Sources,
    SourceSpec,
    is_path,
    publication_date,
    source_items,
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


class Stage(StrEnum):
    """What a comparison is doing, for progress: each stage reports the share of it done."""

    READING = "reading"
    SPLITTING = "splitting"
    ALIGNING = "aligning"
    JUDGING = "judging"


Progress = Callable[[Stage, float], None]


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
        embedder: Any = get_embedder(embedder_spec, settings.align.batch_size)
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
        return self._read_items(source_items(sources), published)

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
            checked = source_items(sources)
            if len(checked) != 1:
                raise ReadError("reference mode checks exactly one text against one source")
            source_item: Item = (
                (None, reference, None)
                if is_path(reference)
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
        return run.report(claims, by_id, findings, closest)

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
        findings = run.judge(pairs, claims, by_id, apart=False)
        checked = [c for c in claims if c.source == text.id]
        window = self.settings.reference.window
        passages = self.aligner.passages(claims, source.id, text.id, window)
        checks = self.judge.check_against(findings, checked, by_id, passages, source.text)
        return run.report(claims, by_id, findings, closest, checks)

    def rewrite_entailment(
        self, claims: Sequence[Claim], articles: Sequence[Article]
    ) -> dict[str, float]:
        """How surely the text entails each claim the splitter rewrote (rewrites.py)."""
        return rewrite_entailment(self.judge.nli, claims, articles)

    def checked_rewrites(self, claims: Sequence[Claim], articles: Sequence[Article]) -> list[Claim]:
        """The claims, with those their text does not entail replaced (rewrites.py)."""
        return checked_rewrites(self.settings.split, self.judge.nli, claims, articles)

    def check(self, pairs: Sequence[tuple[str, str]]) -> list[Finding]:
        """The judge's verdict on each pair of claims, taken as given (not split): NLI both
        ways, the fact layer and attribution, exactly as `compare` judges an aligned pair."""
        return self.judge.decide_all(self.evidence(pairs))

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
        self, pairs: list[Pair], claims: list[Claim], by_id: dict[str, Claim], apart: bool = True
    ) -> list[Finding]:
        """The judge's verdicts; `apart`: the sources were written apart (`Judge.judge`)."""
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
            apart,
            articles=apart,  # two outlets' whole articles (`compare`), not reference mode
        )
        self.timings["judge"] = time.perf_counter() - mark
        return findings

    def report(
        self,
        claims: list[Claim],
        by_id: dict[str, Claim],
        findings: list[Finding],
        closest: dict[str, Closest],
        checks: list[ClaimCheck] | None = None,
    ) -> Report:
        """The report, built once from everything the stages found. A claim is unique
        unless a pair links it to another source's claim; in reference mode each claim of
        the checked text has a verdict of its own (`checks`), so none of them is unique."""
        settled = {cid for f in findings if f.label in LINKING_VERDICTS for cid in f.claims}
        settled |= {check.claim for check in checks or []}
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


def configured(settings: Settings, overrides: Mapping[str, Any] | None = None) -> Pipeline:
    """The pipeline for the loaded `settings`, with `overrides` of configs/compare.yaml
    (NO_CACHE, a benchmark's variant); shared like `get_pipeline`'s."""
    return get_pipeline(settings.compare.updated(overrides), settings.nli.serve)


_PIPELINES: dict[str, Pipeline] = {}


def get_pipeline(settings: CompareSettings, serve: ServeSettings) -> Pipeline:
    """One pipeline per set of settings per process, so models load once."""
    key = settings.model_dump_json() + serve.model_dump_json()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings, serve)
    return _PIPELINES[key]
