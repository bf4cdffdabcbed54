"""The package layout's import rules (ARCHITECTURE.md): a lower layer never imports a
higher one, serving never imports training, nothing below a shell imports a shell."""

from __future__ import annotations

import ast
from pathlib import Path

import factcheck

PACKAGE = Path(factcheck.__file__).parent

# Modules at the package's top that everything may use: the report contract, settings,
# errors, atomic files and where resources live.
FOUNDATION = {"schema", "settings", "errors", "files", "resources"}

# What each part of factcheck may import besides the foundation (and itself).
ALLOWED: dict[str, set[str]] = {
    "schema": set(),
    "settings": set(),
    "errors": set(),
    "files": set(),
    "resources": set(),
    "facts": set(),
    "models": set(),
    "report": set(),
    "pipeline": {"facts", "models"},
    "training": {"facts", "models", "pipeline", "report"},
    "batch": {"models", "pipeline", "report"},
    "review": {"models", "pipeline", "report"},
    "benchmarks": {"batch", "facts", "models", "pipeline", "report", "training"},
    # The shells: the CLI, the Python API (factcheck/__init__.py) and `python -m factcheck`.
    "cli": {"batch", "benchmarks", "facts", "models", "pipeline", "report", "review", "training"},
    "__init__": {"pipeline"},
    "__main__": {"cli"},
}


def part_of(module: str) -> str | None:
    """The part of factcheck a dotted module name belongs to ("factcheck.pipeline.split" →
    "pipeline"); None outside factcheck. `factcheck` itself is the API shell."""
    names = module.split(".")
    if names[0] != "factcheck":
        return None
    return names[1] if len(names) > 1 else "__init__"


def imported_modules(source: str, module: str) -> set[str]:
    """Every module a source file imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module's package
                base = module.split(".")[: -node.level]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            # `from factcheck import pipeline` imports the module `factcheck.pipeline`
            if name == "factcheck":
                found.update(
                    f"factcheck.{alias.name}"
                    for alias in node.names
                    if (PACKAGE / alias.name).is_dir() or (PACKAGE / f"{alias.name}.py").is_file()
                )
    return found


def violations(source: str, module: str) -> list[str]:
    """The imports of `module` (a dotted name) that the rules forbid."""
    own = part_of(module)
    assert own in ALLOWED, f"{module}: part '{own}' has no import rule"
    allowed = ALLOWED[own] | FOUNDATION | {own}
    if own == "__init__":
        allowed |= {"__init__"}
    bad = []
    for name in sorted(imported_modules(source, module)):
        target = part_of(name)
        if target is None or name == "factcheck":
            continue  # outside factcheck, or `from factcheck import __version__`
        if target not in allowed:
            bad.append(f"{module} imports {name}")
    return bad


def _module_name(path: Path) -> str:
    parts = ["factcheck", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


def test_every_module_keeps_the_import_rules() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += violations(path.read_text(encoding="utf-8"), _module_name(path))
    assert found == []


def test_the_rules_catch_a_lower_layer_importing_a_higher_one() -> None:
    assert violations("from factcheck.pipeline.judge import Judge\n", "factcheck.report.text")
    assert violations("def f():\n    import factcheck.cli\n", "factcheck.pipeline.split")
    assert violations("from factcheck.review import app\n", "factcheck.batch.run")
    assert violations("from ..cli import main\n", "factcheck.pipeline.judge")


def test_the_rules_catch_serving_importing_training() -> None:
    assert violations("from factcheck.training.data import NLIPair\n", "factcheck.models.nli")
    assert violations("from factcheck.training import train\n", "factcheck.pipeline.judge")
    assert violations("from factcheck import training\n", "factcheck.models.cache")


def test_the_rules_allow_what_the_layers_may_import() -> None:
    assert not violations("from factcheck.models.nli import LABELS\n", "factcheck.training.data")
    assert not violations("from factcheck.schema import Report\n", "factcheck.report.html")
    assert not violations("from factcheck import __version__\n", "factcheck.batch.story")


# The shells load settings; everything below them is handed its settings.
SHELLS = {"cli", "__init__", "__main__"}
SETTINGS_LOADERS = {"Settings", "CompareSettings", "NLISettings", "ReviewConfig", "BatchSettings"}


def loads_settings(source: str) -> bool:
    """Whether the source reads a settings file (`X.load(...)` of a settings class, or
    `read_yaml`)."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "load"
            and isinstance(func.value, ast.Name)
            and func.value.id in SETTINGS_LOADERS
        ):
            return True
        if isinstance(func, ast.Name) and func.id == "read_yaml":
            return True
    return False


def test_nothing_below_a_shell_reads_a_settings_file() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if part_of(module) in SHELLS or module == "factcheck.settings":
            continue
        if loads_settings(path.read_text(encoding="utf-8")):
            found.append(module)
    assert found == []


def test_the_settings_check_catches_a_load() -> None:
    assert loads_settings("def f():\n    return CompareSettings.load().judge\n")
    assert not loads_settings("settings.judge.entail_threshold\n")


def test_every_package_says_what_it_is_for_and_what_it_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "may import" in doc.lower(), f"{init.parent.name}: docstring lacks its imports"
