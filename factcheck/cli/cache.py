"""`factcheck cache`: what the on-disk result cache holds, and emptying it."""

from __future__ import annotations

import shutil

import typer

app = typer.Typer(
    help="The on-disk cache of embeddings, NLI results and exported ONNX graphs.",
    no_args_is_help=True,
)


def _cache():
    from factcheck import load_settings
    from factcheck.models.cache import ResultCache

    return ResultCache(load_settings().compare.cache.path or None)


@app.command("info")
def cache_info_command() -> None:
    """Where the cache is, how big, and how many results it holds."""
    from factcheck.resources import cache_dir

    info = _cache().info()
    typer.echo(f"results cache: {info['path']} ({info['bytes'] / 1e6:.1f} MB)")
    for table, count in info["entries"].items():
        typer.echo(f"  {table}: {count:,} entries")
    onnx = cache_dir() / "onnx"
    graphs = sorted(onnx.glob("*.onnx")) if onnx.is_dir() else []
    size = sum(g.stat().st_size for g in graphs)
    typer.echo(f"ONNX graphs: {onnx} ({len(graphs)} files, {size / 1e6:.1f} MB)")


@app.command("clear")
def cache_clear_command(
    onnx: bool = typer.Option(
        False, "--onnx", help="Also delete the exported ONNX graphs (re-exported on next use)."
    ),
) -> None:
    """Delete every cached embedding and NLI result (they are recomputed when needed)."""
    from factcheck.resources import cache_dir

    removed = _cache().clear()
    typer.echo(f"removed {removed:,} cached results")
    if onnx and (cache_dir() / "onnx").is_dir():
        shutil.rmtree(cache_dir() / "onnx")
        typer.echo(f"removed {cache_dir() / 'onnx'}")
