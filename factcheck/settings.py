"""Settings: `configs/*.yaml` validated into typed sections, loaded once by a shell (the
CLI, the review app, the Python API) and handed down; nothing below a shell reads a file.

Each file's defaults live in the file itself, documented there; the classes here only say
what keys exist and of what type, so a missing or misspelt key is one clear error at start
(`ConfigError`), never a KeyError deep in a comparison.

May import: nothing of factcheck but `errors` and `resources`.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal, Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import FactcheckError
from factcheck.resources import configs_dir

# The choices some settings allow: the one list each, which code that checks a user's
# option reads with `typing.get_args`.
Backend = Literal["torch", "torch-int8", "onnx", "onnx-int8"]  # how the NLI model runs
TwoWay = Literal["loss", "drop"]  # what training does with entailment/not-entailment rows
CalibrationObjective = Literal["ece", "nll"]  # what a fitted temperature minimises
TrainDevice = Literal["auto", "cpu", "cuda"]  # where training runs; auto = cuda when torch sees one
Engine = Literal["local", "ray"]  # where a batch's stories run


class ConfigError(FactcheckError):
    """A settings file is missing or malformed."""


class Section(BaseModel):
    """A part of a settings file: every key required (the file holds the defaults), no
    key unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def updated(self, overrides: Mapping[str, Any] | None) -> Self:
        """A copy with `overrides` applied key by key (nested mappings merged, None values
        ignored), validated as the file is."""
        if not overrides:
            return self
        return _validated(type(self), merged(self.model_dump(), overrides), "overrides")


SectionT = TypeVar("SectionT", bound=Section)


class SettingsFile(Section):
    """The sections of one file, `configs/<FILE>.yaml`."""

    FILE: ClassVar[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Self:
        """`configs/<FILE>.yaml`, or the file at `path`, validated."""
        file = Path(path) if path else configs_dir() / f"{cls.FILE}.yaml"
        return _validated(cls, read_yaml(file), str(file))


# -- configs/compare.yaml ----------------------------------------------------------------


class FurnitureSettings(Section):
    enabled: bool
    min_lines: int
    head_lines: int
    tail_lines: int
    short_words: int
    section_label_words: int
    credit_words: int
    prompt_words: int
    credit_terms: list[str]
    prompt_openings: list[str]
    byline_openings: list[str]
    page_references: list[str]
    publisher_words: list[str]
    dateline: str
    update_stamp: str
    trailing_credit: str


class ReadSettings(Section):
    max_bytes: int
    min_words: int
    languages: list[str]
    language_confidence: float
    boilerplate: list[str]
    furniture: FurnitureSettings


class SplitSettings(Section):
    spacy_model: str
    spacy_model_meta: dict[str, str]
    headline_max_words: int
    min_claim_words: int
    split_compounds: bool
    dangling_openers: list[str]
    pointing_determiners: list[str]
    join_max_sentences: int
    quote_max_sentences: int
    rewrite_check: bool
    rewrite_entailment: float


class AlignSettings(Section):
    embedder: str
    batch_size: int
    top_k: int
    max_partners: int
    min_similarity: float
    anchor_min_similarity: float
    context_min_similarity: float


class JudgeSettings(Section):
    entail_threshold: float
    contradict_threshold: float
    contradict_both_ways: bool
    specific_similarity: float
    fact_confidence: float
    nli_only_contradict_threshold: float
    articles_nli_only_contradict_threshold: float
    articles_nli_only_max_partners: int
    contradiction_within_sentences: bool
    both_negated_no_contradiction: bool
    shared_figure_sets_nli_aside: bool
    shared_figure_max_match: float
    shared_figure_min_changes: int
    unsaid_negation_sets_nli_aside: bool
    conditional_openers: list[str]
    no_comment_phrases: list[str]
    entity_agree_similarity: float
    entity_agree_min_shared: int
    entity_agree_share: float
    contradiction_needs_a_shared_name: bool
    figures_need_one_action: bool
    title_min_similarity: float
    contradiction_anchor_words: int
    contradiction_anchor_similarity: float
    contradiction_name_needs_a_word: bool
    action_agree_similarity: float
    fact_agree_similarity: float
    fact_agree_max_contradiction: float
    fact_agree_min_shared: int
    names_agree_similarity: float
    names_agree_min_entailment: float
    names_agree_min_word_share: float
    names_agree_min_similarity: float
    packed_min_similarity: float
    packed_prune_below: float
    packed_min_word_share: float
    packed_generic_after: int
    trailing_openers: list[str]
    main_clause_words: int
    headline_agree_similarity: float
    list_sibling_extra_words: int
    missing_fact_penalty: float
    verdict_model: str
    verdict_decides: list[str]


class VerdictSettings(Section):
    regularisation: float
    fnc_per_label: int
    seed: int


class FactsSettings(Section):
    min_edit_ratio: float
    max_edit_tokens: int
    local_edit_context: int
    negators: list[str]
    say_verbs: list[str]
    honorifics: list[str]
    document_speakers: list[str]
    roles: list[str]
    antonyms: list[str]
    complementary: list[str]
    negation_reach: int
    opposite_context: int
    contrastive_negations: list[str]
    denial_verbs: list[str]
    detail_parts_of_speech: list[str]
    not_droppable: list[str]
    not_droppable_parts_of_speech: list[str]
    title_modifiers: list[str]
    left_out_min_words: int
    same_quotation_min_share: float
    description_parts_of_speech: list[str]
    country_aliases: dict[str, str]
    city_parts: dict[str, str]
    country_parts: dict[str, str]
    name_aliases: list[list[str]]


class ReferenceSettings(Section):
    top_k: int
    window: int


class CacheSettings(Section):
    enabled: bool
    path: str | None


class CompareSettings(SettingsFile):
    """configs/compare.yaml: how sources are read, split, aligned and judged."""

    FILE: ClassVar[str] = "compare"

    read: ReadSettings
    split: SplitSettings
    align: AlignSettings
    judge: JudgeSettings
    verdict: VerdictSettings
    facts: FactsSettings
    reference: ReferenceSettings
    cache: CacheSettings


# -- configs/nli.yaml --------------------------------------------------------------------


class ServeSettings(Section):
    model: str
    backend: Literal["auto"] | Backend  # auto: the model's own measured choice
    batch_size: int
    batch_tokens: int
    max_length: int
    threads: int


class SyntheticSettings(Section):
    enabled: bool
    per_source: int
    near_copies: bool
    weights: dict[str, float]
    vocabulary: Literal["narrow", "wide"] = "narrow"
    same_article: int
    two_stories: int = 0
    sources: list[str]


class PassageSettings(Section):
    enabled: bool
    embedder: str
    window: int
    summedits: list[str]
    summedits_split: str
    summedits_repeat: int
    news: str
    news_pairs: int
    validation_fraction: float


class DistillSettings(Section):
    teacher: str
    pools: list[str]
    weight: float


class ValidationSettings(Section):
    fraction: float
    fraction_by_source: dict[str, float]


class TrainSettings(Section):
    base: str
    pools: list[str]
    pool_limits: dict[str, int]
    pool_repeat: dict[str, int]
    two_way: TwoWay
    two_way_weight: float
    synthetic: SyntheticSettings
    passages: PassageSettings
    init: str
    distill: DistillSettings
    validation: ValidationSettings
    seed: int
    max_length: int
    batch_size: int
    learning_rate: float
    weight_decay: float
    warmup_ratio: float
    epochs: int
    max_steps: int
    freeze_word_embeddings: bool
    eval_every_steps: int
    eval_max_pairs: int
    early_stopping_patience: int
    time_budget_minutes: float
    threads: int
    device: TrainDevice


class CalibrationSettings(Section):
    bins: int
    objective: CalibrationObjective


class NLIBenchSettings(Section):
    eval_dir: str
    baseline_embedder: str
    max_pairs_per_file: int
    throughput_pairs: int
    throughput_single_pairs: int
    ablation_runs: str
    ablation_max_pairs: int


class NLISettings(SettingsFile):
    """configs/nli.yaml: the NLI model served, and how it is trained and benchmarked."""

    FILE: ClassVar[str] = "nli"

    serve: ServeSettings
    train: TrainSettings
    calibration: CalibrationSettings
    bench: NLIBenchSettings


# -- configs/review.yaml -----------------------------------------------------------------


class ReviewServerSettings(Section):
    host: str
    port: int
    db: str
    token_bytes: int


class ReviewLimits(Section):
    max_request_bytes: int
    max_sources: int
    page_size: int


class ReviewQueue(Section):
    default_labels: list[str]


class ReviewWorkerSettings(Section):
    threads: int


class ReviewConfig(SettingsFile):
    """configs/review.yaml: the editorial review app."""

    FILE: ClassVar[str] = "review"

    server: ReviewServerSettings
    limits: ReviewLimits
    queue: ReviewQueue
    worker: ReviewWorkerSettings


# -- configs/batch.yaml ------------------------------------------------------------------


class BatchSettings(SettingsFile):
    """configs/batch.yaml: `factcheck batch`'s defaults."""

    FILE: ClassVar[str] = "batch"

    engine: Engine
    workers: int
    formats: list[str]
    max_workers_per_core: int
    state_file: str


class Settings(Section):
    """Every settings file, loaded once by a shell."""

    compare: CompareSettings
    nli: NLISettings
    review: ReviewConfig
    batch: BatchSettings

    @classmethod
    def load(cls, compare: str | Path | None = None, nli: str | Path | None = None) -> Settings:
        """configs/*.yaml (`compare` and `nli` name other files for those two)."""
        return cls(
            compare=CompareSettings.load(compare),
            nli=NLISettings.load(nli),
            review=ReviewConfig.load(),
            batch=BatchSettings.load(),
        )


# Overrides of configs/compare.yaml that commands offer as options.
NO_CACHE: dict[str, Any] = {"cache": {"enabled": False}}  # compute everything afresh
ANY_LANGUAGE: dict[str, Any] = {"read": {"languages": []}}  # sources in any language


# -- reading and merging -----------------------------------------------------------------


def read_yaml(file: Path) -> dict[str, Any]:
    """A YAML file that must hold a mapping."""
    if not file.is_file():
        raise ConfigError(f"settings file not found: {file}")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"settings file {file} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"settings file {file} must hold a mapping")
    return data


def _validated(kind: type[SectionT], data: Mapping[str, Any], where: str) -> SectionT:
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        # A misspelt key is both unknown and missing: name the misspelling.
        error = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        key = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            known = _known_keys(kind, error["loc"][:-1])
            close = difflib.get_close_matches(str(error["loc"][-1]), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown setting '{key}'{hint}") from None
        if error["type"] == "missing":
            raise ConfigError(f"{where}: setting '{key}' is missing") from None
        raise ConfigError(f"{where}: setting '{key}': {error['msg']}") from None


def _known_keys(kind: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys the section at `path` of `kind` has."""
    for part in path:
        field = kind.model_fields.get(str(part))
        annotation = field.annotation if field else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        kind = annotation
    return list(kind.model_fields)


def merged(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of `base` with `overrides` applied key by key (None values ignored)."""
    out = copy.deepcopy(dict(base))
    for key, value in overrides.items():
        if value is None:
            continue
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out
