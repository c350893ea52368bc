"""Throughput benchmark: the extractor's public API against a naive spaCy + quantulum3 + dateparser.

What is measured
    `extractor.extract_document(document, mentions=False)`, the exact call `extract_corpus` makes
    for every article (the same default annotator, no CLI default date, no mention layer), on:

    seeds    ../shared/seeds/             the three seed articles (.txt)
    corpus   corpus/articles/             the project's own articles (.txt and .jsonl, recursive)
    reuters  ../shared/data/reuters21578.jsonl.gz   all 19,043 Reuters-21578 articles

How
    All input is read before the clock starts: files through `extractor.ingest.read_documents`,
    the gzip JSONL with `gzip` + `json` into `extractor.ingest.Document`s the way `ingest` builds
    JSON articles (id, title, text, `published` via `parse_published`). Only extraction is timed,
    one `time.perf_counter` pair per article; all statistics come from these wall-clock times.
    The process's CPU time (`time.process_time`) is summed beside them: "cpu s" well below
    "total s" means other processes took the core and the run should be repeated. Everything
    runs in one process on one core (pinned to a single CPU where the OS allows it).
    Start-up is reported on its own: importing `extractor`, building the pipeline
    (`default_annotator()`, which loads the rule files) and the first, cold article. A short
    warm-up then runs before any timed pass.

    For the file inputs, `extract_corpus` is also timed end to end (reading files included) as
    a check that the per-article loop measures what the public streaming API costs.

Naive baseline ("the obvious way")
    `nlp = spacy.blank("en")` with a `sentencizer`, built once; per article `nlp(text)`, then for
    every sentence `quantulum3.parser.parse(sentence)` and
    `dateparser.search.search_dates(sentence, languages=["en"])`. It finds quantities and dates,
    not trade facts, so its "found" column counts those. quantulum3 runs without its optional
    scikit-learn unit classifier when that is not installed (the classifier would only add time).
    The baseline is slow, so on Reuters it runs on the first `--naive-sample` articles (300), and
    the extractor's figures on that same sample are reported beside it for the speed ratio.

Usage
    python scripts/benchmark_speed.py [--only seeds|corpus|reuters] [--limit N]
        [--naive-sample N] [--no-naive] [--slowest K] [--json] [--profile N]

`--profile N` runs cProfile over the first N Reuters articles instead and prints the top
functions by total and cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import gzip
import io
import json
import math
import os
import platform
import pstats
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "corpus" / "articles"
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578.jsonl.gz"
INPUTS = ("seeds", "corpus", "reuters")

# Warm-up texts exercise every lazy path once: a date header, a wire dateline (dateparser is
# imported on first use), money, percentages, periods and places.
WARM_UP = (
    "date 2021-02-17 Japan's exports rose 6.4% in January from a year earlier to ¥5.78 "
    "trillion, the Finance Ministry said. Exports to China grew 37.5%.",
    "TOKYO, March 2 - Japan's trade surplus widened to 8.14 billion dlrs in February from "
    "5.63 billion a year earlier, the ministry said.\n    Imports fell 3.2 pct to 9.7 billion "
    "dlrs, while exports to the U.S. rose 12 pct.",
)


@dataclass
class Timing:
    """One article's time and what was found in it."""

    doc_id: str
    chars: int
    seconds: float  # wall clock, time.perf_counter
    cpu_seconds: float  # this process's CPU time, time.process_time
    found: dict[str, int]


@dataclass
class Run:
    """Per-article timings of one system on one input."""

    input: str
    system: str
    timings: list[Timing] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def head(self, count: int, label: str) -> Run:
        """The same run restricted to its first `count` articles."""
        return Run(label, self.system, self.timings[:count])

    def summary(self, slowest: int = 0) -> dict[str, Any]:
        """Article count, total time, median / p90 / max ms, articles/s, chars/s, found."""
        seconds = [t.seconds for t in self.timings]
        total = sum(seconds)
        chars = sum(t.chars for t in self.timings)
        found: dict[str, int] = {}
        for timing in self.timings:
            for key, count in timing.found.items():
                found[key] = found.get(key, 0) + count
        with_facts = sum(1 for t in self.timings if t.found.get("facts"))
        summary: dict[str, Any] = {
            "input": self.input,
            "system": self.system,
            "articles": len(seconds),
            "total_s": total,
            "cpu_s": sum(t.cpu_seconds for t in self.timings),
            "median_ms": statistics.median(seconds) * 1000 if seconds else math.nan,
            "p90_ms": percentile(seconds, 90) * 1000 if seconds else math.nan,
            "max_ms": max(seconds) * 1000 if seconds else math.nan,
            "articles_per_s": len(seconds) / total if total else math.nan,
            "kchars_per_s": chars / total / 1000 if total else math.nan,
            "found": found,
            "failures": self.failures,
        }
        if self.system == "extractor":
            summary["articles_with_facts"] = with_facts
        if slowest:
            ranked = sorted(self.timings, key=lambda t: t.seconds, reverse=True)[:slowest]
            summary["slowest"] = [
                {"doc_id": t.doc_id, "chars": t.chars, "ms": t.seconds * 1000, **t.found}
                for t in ranked
            ]
        return summary


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `pct`% of values at or below."""
    ranked = sorted(values)
    return ranked[max(0, math.ceil(pct / 100 * len(ranked)) - 1)]


def pin_to_one_core() -> str:
    """Pin this process to one CPU (Linux); say which, or why not."""
    if not hasattr(os, "sched_setaffinity"):
        return "single process (CPU pinning unavailable on this OS)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"single process pinned to CPU {cpu} of {os.cpu_count()}"


# Reading input (never timed)


def load_files(folder: Path) -> list[Any]:
    """Documents under `folder`, read the way `extract_corpus` reads them."""
    from extractor.ingest import Skip, read_documents

    documents = []
    for entry in read_documents([folder]):
        if isinstance(entry, Skip):
            print(f"  skipped {entry}", file=sys.stderr)
        else:
            documents.append(entry)
    return documents


def load_reuters(path: Path, limit: int | None = None) -> list[Any]:
    """Reuters-21578 articles from the gzip JSONL as Documents, as `ingest` builds JSON articles."""
    from extractor.ingest import Document, parse_published

    documents = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(documents) >= limit:
                break
            obj = json.loads(line)
            published = parse_published(obj.get("published"))
            documents.append(
                Document(
                    doc_id=str(obj["id"]),
                    text=obj["text"],
                    path=str(path),
                    title=obj.get("title"),
                    published=published,
                    published_source="json" if published else None,
                )
            )
    return documents


def fresh(documents: Iterable[Any]) -> list[Any]:
    """Untouched copies: `prepare` writes the date and masks into a Document as it runs."""
    return [dataclasses.replace(d, masked=list(d.masked)) for d in documents]


# The two systems


def run_extractor(name: str, documents: list[Any]) -> Run:
    """Time `extract_document` per article, exactly as `extract_corpus` calls it."""
    from extractor import extract_document
    from extractor.pipeline import default_annotator

    annotator = default_annotator()
    run = Run(name, "extractor")
    for document in fresh(documents):
        chars = len(document.text)
        started, cpu = time.perf_counter(), time.process_time()
        try:
            result = extract_document(document, annotator=annotator, mentions=False)
        except Exception as error:  # extract_corpus skips such an article; so do we
            run.failures.append(f"{document.doc_id}: {error!r}")
            continue
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        found = {"facts": len(result.facts)}
        run.timings.append(Timing(document.doc_id, chars, elapsed, cpu, found))
    return run


def time_extract_corpus(folder: Path) -> tuple[float, int, int]:
    """Wall time, articles and facts of `extract_corpus(folder)`, file reading included."""
    from extractor import CorpusRun, extract_corpus

    counts = CorpusRun()
    started = time.perf_counter()
    for _ in extract_corpus(folder, run=counts):
        pass
    return time.perf_counter() - started, counts.articles, counts.facts


class NaiveBaseline:
    """spaCy sentencizer, then quantulum3 and dateparser.search_dates on every sentence."""

    def __init__(self) -> None:
        import spacy

        warnings.filterwarnings("ignore", module="quantulum3")  # "classifier not installed"
        import dateparser.search
        import quantulum3.parser

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.parse_quantities = quantulum3.parser.parse
        self.search_dates = dateparser.search.search_dates

    def article(self, text: str) -> dict[str, int]:
        """Quantities and dates found in one article."""
        quantities = dates = 0
        for sentence in self.nlp(text).sents:
            quantities += len(self.parse_quantities(sentence.text))
            dates += len(self.search_dates(sentence.text, languages=["en"]) or [])
        return {"quantities": quantities, "dates": dates}

    def run(self, name: str, documents: list[Any]) -> Run:
        """Time the baseline per article."""
        run = Run(name, "naive")
        for document in documents:
            started, cpu = time.perf_counter(), time.process_time()
            found = self.article(document.text)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            run.timings.append(Timing(document.doc_id, len(document.text), elapsed, cpu, found))
        return run


# Start-up


def timed(step: Callable[[], Any]) -> float:
    """Seconds one call of `step` takes."""
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def start_extractor() -> dict[str, float]:
    """Import, pipeline build and first-article times; then warm the pipeline up."""
    import importlib

    from_import = timed(lambda: importlib.import_module("extractor"))
    from extractor import extract_document
    from extractor.ingest import Document
    from extractor.pipeline import default_annotator

    build = timed(default_annotator)
    first = timed(lambda: extract_document(Document("warm-up-0", WARM_UP[0]), mentions=False))
    for index in range(5):
        for text in WARM_UP:
            extract_document(Document(f"warm-up-{index}", text), mentions=False)
    return {"import_s": from_import, "pipeline_build_s": build, "first_article_s": first}


def start_naive() -> tuple[NaiveBaseline, dict[str, float]]:
    """The baseline, its build time and its first (cold) article time, warmed up."""
    started = time.perf_counter()
    baseline = NaiveBaseline()
    build = time.perf_counter() - started
    first = timed(lambda: baseline.article(WARM_UP[1]))
    for text in WARM_UP:
        baseline.article(text)
    return baseline, {"build_s": build, "first_article_s": first}


# Output


def found_text(summary: dict[str, Any]) -> str:
    """The 'found' column: facts (articles with facts), or quantities and dates."""
    found = summary["found"]
    if summary["system"] == "extractor":
        return f"{found.get('facts', 0)} facts ({summary['articles_with_facts']} arts)"
    return f"{found.get('quantities', 0)} qty, {found.get('dates', 0)} dates"


def print_report(report: dict[str, Any]) -> None:
    """The compact table the README quotes, then start-up, ratios and slowest articles."""
    print(
        f"Measured: {report['setup']['cpu']}; Python {report['setup']['python']}, "
        f"spaCy {report['setup']['spacy']}, quantulum3 {report['setup']['quantulum3']}, "
        f"dateparser {report['setup']['dateparser']}; load average at start "
        f"{report['setup']['load_average_1min']:.2f}"
    )
    start = report["startup"]
    print(
        f"Start-up (not in the table): import {start['import_s']:.2f} s, pipeline build "
        f"{start['pipeline_build_s']:.2f} s, "
        f"first article {start['first_article_s'] * 1000:.0f} ms"
    )
    if "naive_startup" in report:
        naive = report["naive_startup"]
        print(
            f"Naive start-up: build {naive['build_s']:.2f} s, first article "
            f"{naive['first_article_s'] * 1000:.0f} ms"
        )
    print()
    header = (
        f"{'input':<14} {'system':<9} {'articles':>8} {'total s':>8} {'cpu s':>7} "
        f"{'median ms':>9} "
        f"{'p90 ms':>7} {'max ms':>7} {'art/s':>7} {'kchar/s':>7}  found"
    )
    print(header)
    print("-" * len(header))
    for row in report["results"]:
        print(
            f"{row['input']:<14} {row['system']:<9} {row['articles']:>8} {row['total_s']:>8.2f} "
            f"{row['cpu_s']:>7.2f} {row['median_ms']:>9.1f} {row['p90_ms']:>7.1f} "
            f"{row['max_ms']:>7.1f} {row['articles_per_s']:>7.1f} {row['kchars_per_s']:>7.0f}  "
            f"{found_text(row)}"
        )
    if report["ratios"]:
        print("\nExtractor speed-up over the naive baseline, same articles:")
        for ratio in report["ratios"]:
            print(
                f"  {ratio['input']:<14} {ratio['median']:5.1f}x by median ms, "
                f"{ratio['throughput']:5.1f}x by articles/s"
            )
    for check in report["extract_corpus"]:
        print(
            f"extract_corpus({check['input']}) end to end, files read inside: "
            f"{check['wall_s']:.2f} s for {check['articles']} articles, {check['facts']} facts"
        )
    for row in report["results"]:
        if row["system"] == "extractor" and row.get("slowest"):
            listed = ", ".join(
                f"{s['doc_id']} ({s['chars']} chars, {s['ms']:.0f} ms, {s['facts']} facts)"
                for s in row["slowest"]
            )
            print(f"Slowest in {row['input']}: {listed}")
        for failure in row["failures"]:
            print(f"FAILED in {row['input']}: {failure}")
    print(f"Peak RSS: {report['peak_rss_mb']:.0f} MB")


def compare(report: dict[str, Any], mine: dict[str, Any], naive: dict[str, Any]) -> None:
    """Add the naive row and the extractor's speed-up over it to `report`."""
    report["results"].append(naive)
    report["ratios"].append(
        {
            "input": mine["input"],
            "median": naive["median_ms"] / mine["median_ms"],
            "throughput": mine["articles_per_s"] / naive["articles_per_s"],
        }
    )


def version(package: str) -> str:
    """An installed package's version, or '?'."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def profile(count: int, top: int = 15) -> None:
    """cProfile the extractor over the first `count` Reuters articles; print the top functions."""
    if not REUTERS.is_file():
        sys.exit(f"{REUTERS} not found: nothing to profile")
    start_extractor()
    documents = load_reuters(REUTERS, limit=count)
    profiler = cProfile.Profile()
    profiler.enable()
    run = run_extractor("reuters", documents)
    profiler.disable()
    summary = run.summary()
    print(
        f"cProfile over {summary['articles']} Reuters articles "
        f"({summary['total_s']:.2f} s timed with the profiler on)\n"
    )
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        body = out.getvalue()
        print(f"== top {top} by {order} ==")
        print(body[body.index("   ncalls") :].rstrip() + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=INPUTS, help="benchmark one input only")
    parser.add_argument("--limit", type=int, help="first N Reuters-21578 articles only")
    parser.add_argument(
        "--naive-sample",
        type=int,
        default=300,
        metavar="N",
        help="Reuters articles the naive baseline runs on (default 300)",
    )
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument(
        "--slowest",
        type=int,
        default=5,
        metavar="K",
        help="list the K slowest articles per input (default 5)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="instead: cProfile the first N Reuters articles"
    )
    args = parser.parse_args(argv)

    cpu = pin_to_one_core()
    if args.profile:
        profile(args.profile)
        return

    report: dict[str, Any] = {
        "setup": {
            "cpu": cpu,
            "python": platform.python_version(),
            "spacy": version("spacy"),
            "quantulum3": version("quantulum3"),
            "dateparser": version("dateparser"),
            "extractor": version("trade-fact-extractor"),
            "load_average_1min": os.getloadavg()[0],
            "timed_call": "extract_document(document, mentions=False)",
        },
        "startup": start_extractor(),
        "results": [],
        "ratios": [],
        "extract_corpus": [],
    }
    baseline = None
    if not args.no_naive:
        baseline, report["naive_startup"] = start_naive()

    wanted = [args.only] if args.only else list(INPUTS)
    sources = {"seeds": SEEDS, "corpus": CORPUS, "reuters": REUTERS}
    for name in wanted:
        source = sources[name]
        if not source.exists():
            print(f"{name}: {source} not found, skipped", file=sys.stderr)
            continue
        if name == "reuters":
            documents = load_reuters(source, limit=args.limit)
        else:
            documents = load_files(source)
        extractor_run = run_extractor(name, documents)
        report["results"].append(extractor_run.summary(args.slowest))
        if name != "reuters":
            wall, articles, facts = time_extract_corpus(source)
            report["extract_corpus"].append(
                {"input": name, "wall_s": wall, "articles": articles, "facts": facts}
            )
        if baseline is None:
            continue
        # The baseline sees the same articles as the extractor row it is compared with.
        sample, mine = documents, extractor_run
        if name == "reuters":
            sample = documents[: args.naive_sample]
            mine = extractor_run.head(len(sample), f"reuters[:{len(sample)}]")
            report["results"].append(mine.summary())
        compare(report, mine.summary(), baseline.run(mine.input, sample).summary())

    report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        json.dump(report, sys.stdout, indent=2, default=str)
        print()
    else:
        print_report(report)


if __name__ == "__main__":
    main()
