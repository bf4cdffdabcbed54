"""Serving the models: the NLI model and the sentence embedder behind one small interface
each, their on-disk result cache, and the ONNX export of a shipped NLI model.

May import: `settings`, `errors`, `files`, `resources`. Never training (a served model is a
folder under models/ or a PyPI package), nor anything above.
"""
