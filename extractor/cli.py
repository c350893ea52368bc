"""Command line: `python -m extractor extract|mentions|evaluate|schema`."""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from .api import CorpusRun, extract_corpus
from .evaluate import GoldError, format_report, load_gold, score
from .export import to_html, write_jsonl, write_parquet
from .models import Mention, TradeFact

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn trade news into normalized, traceable trade-fact records.",
)

Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (walked in sorted order): .txt, .md, .jsonl, .json"
    ),
]
Published = Annotated[
    str | None,
    typer.Option(
        "--published", help="Default publication date YYYY-MM-DD for articles without one"
    ),
]


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2024-03-15", param_hint="--published"
        ) from None


def _to_stdout(path: Path | None) -> bool:
    return path is None or str(path) == "-"


@contextmanager
def _finished_file(path: Path):
    """A `.partial` path to write; renamed to `path` only when the block completes, so a crash
    leaves neither a truncated output nor a stray `.partial` (an older `path` stays intact)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)


@contextmanager
def _output(path: Path | None):
    if _to_stdout(path):
        yield sys.stdout
        return
    with _finished_file(path) as partial, partial.open("w", encoding="utf-8") as stream:
        yield stream


def _summary(run: CorpusRun, what: str, count: int, destination: Path | None) -> None:
    where = "" if _to_stdout(destination) else f" -> {destination}"
    typer.echo(
        f"{run.articles} articles, {count} {what}, {len(run.skipped)} skipped{where}", err=True
    )
    for skip in run.skipped:
        typer.echo(f"  skipped {skip}", err=True)


@app.command()
def extract(
    paths: Paths,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout)")
    ] = None,
    published: Published = None,
    output_format: Annotated[
        str, typer.Option("--format", help="jsonl (default), parquet or html")
    ] = "jsonl",
) -> None:
    """Extract trade facts, one JSON record per line."""
    run = CorpusRun()
    results = extract_corpus(paths, published=_published(published), run=run)
    if output_format == "jsonl":
        with _output(output) as stream:
            count = write_jsonl((f for r in results for f in r.facts), stream)
    elif output_format == "parquet":
        if _to_stdout(output):
            raise typer.BadParameter("parquet needs -o FILE", param_hint="--format")
        with _finished_file(output) as partial:
            count = write_parquet([f for r in results for f in r.facts], str(partial))
    elif output_format == "html":
        pages, count = [], 0
        for result in results:
            pages.append(to_html(result))
            count += len(result.facts)
        with _output(output) as stream:
            stream.write("<!doctype html><meta charset='utf-8'><body>" + "\n".join(pages))
    else:
        raise typer.BadParameter(f"unknown format {output_format!r}", param_hint="--format")
    _summary(run, "facts", count, output)


@app.command()
def mentions(
    paths: Paths,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout)")
    ] = None,
    published: Published = None,
) -> None:
    """List every figure, period, place and commodity mention, one JSON record per line."""
    run = CorpusRun()
    results = extract_corpus(paths, published=_published(published), mentions=True, run=run)
    with _output(output) as stream:
        count = write_jsonl((m for r in results for m in r.mentions), stream)
    _summary(run, "mentions", count, output)


@app.command()
def evaluate(
    paths: Paths,
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL file or folder of them")],
    published: Published = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print metrics as JSON")] = False,
    details: Annotated[bool, typer.Option(help="List misses, wrong fields and extras")] = True,
) -> None:
    """Score extracted facts against gold in the contract's shape."""
    try:
        gold_set = load_gold(gold)
    except (GoldError, OSError) as error:
        raise typer.BadParameter(str(error), param_hint="--gold") from None
    run = CorpusRun()
    results = extract_corpus(paths, published=_published(published), run=run)
    result = score(gold_set, ((r.doc_id, r.facts, r.text) for r in results))
    if as_json:
        payload = result.metrics()
        if details:
            payload.update(misses=result.misses, wrong=result.wrong, extras=result.extras)
        typer.echo(json.dumps(payload, indent=2, default=str))
    else:
        typer.echo(format_report(str(gold), result, details=details))
    for skip in run.skipped:
        typer.echo(f"  skipped {skip}", err=True)


@app.command()
def schema(
    record: Annotated[str, typer.Argument(help="fact or mention")] = "fact",
) -> None:
    """Print the JSON Schema of the output records."""
    model = {"fact": TradeFact, "mention": Mention}.get(record)
    if model is None:
        raise typer.BadParameter("choose 'fact' or 'mention'")
    typer.echo(json.dumps(model.model_json_schema(), indent=2))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # Skipped inputs are listed in the summary; logging them too would print each twice.
    logging.getLogger("extractor").setLevel(logging.ERROR)
    app()


if __name__ == "__main__":
    main()
