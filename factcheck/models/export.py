"""ONNX export of the NLI model, optionally int8-quantised, for ONNX Runtime serving."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from factcheck.models.checkpoint import build_torch_classifier, keeps_fp32, read_meta


def export_onnx(folder: Path, out_path: Path, quantize: bool = True) -> Path:
    """Write `out_path`: the classifier as an ONNX graph with dynamic batch and length.

    With `quantize`, MatMul weights become int8 (dynamic quantisation, per channel), but for
    the layers `keeps_fp32` names, as in the torch int8 backend.
    """
    import torch

    model = build_torch_classifier(folder, read_meta(folder))
    dummy = {
        "input_ids": torch.ones((2, 16), dtype=torch.long),
        "attention_mask": torch.ones((2, 16), dtype=torch.long),
        "token_type_ids": torch.zeros((2, 16), dtype=torch.long),
    }
    axes = {name: {0: "batch", 1: "length"} for name in dummy}
    axes["logits"] = {0: "batch"}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        fp32_path = Path(scratch) / "model.fp32.onnx" if quantize else out_path
        # The tracer warns about Python-side shape checks in transformers' code; the graph
        # is checked against torch by the tests, so the warnings only add noise for users.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                model,
                (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
                str(fp32_path),
                input_names=list(dummy),
                output_names=["logits"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        if quantize:
            import onnx
            from onnxruntime.quantization import QuantType, quantize_dynamic

            graph = onnx.load(str(fp32_path))
            # ONNX node names follow the module path: /bert/encoder/layer.0/output/dense/MatMul
            # Only MatMul/Gemm nodes are kept fp32: the word-embedding Gather is quantised
            # too, being half of the weights.
            excluded = [
                n.name
                for n in graph.graph.node
                if n.op_type in {"MatMul", "Gemm"}
                and keeps_fp32(".".join(n.name.strip("/").split("/")[:-1]))
            ]
            quantize_dynamic(
                str(fp32_path),
                str(out_path),
                weight_type=QuantType.QInt8,
                per_channel=True,
                nodes_to_exclude=excluded,
            )
    return out_path
