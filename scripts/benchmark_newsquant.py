"""Benchmark the mention layer on NewsQuant, the quantity-extraction test set of the CQE paper.

What it measures
    How well the figure mentions (kinds money, percent, number, quantity) that
    `python -m extractor mentions` lists for a sentence match the quantities annotated in
    NewsQuant ("CQE: A Comprehensive Quantity Extractor", Almasian et al., EMNLP 2023):
    590 news sentences, 904 quantities. Three scores, as the CQE authors report them:

    - value:        the number (scale words applied; a range by both ends) is right;
    - value+unit:   ... and the unit, mapped to NewsQuant's normalized unit name, is the same;
    - value+change: ... and the change symbol (=, ~, >, <, up, down) is the same.

    P = correct / predicted quantities, R = correct / gold quantities, F1 their harmonic mean,
    micro-averaged over all sentences. Period, place and commodity mentions are not scored.

How
    The sentences are written to a temporary JSONL corpus ({"id": "nq-<index>", "text": ...}) and
    the real CLI is run on it in a subprocess, exactly as a user would. Per sentence, gold and
    predicted quantities are paired one-to-one by value: two numbers match when they are close
    (relative tolerance 1e-3 or absolute 1e-6); two ranges match when both ends match (in either
    order, since NewsQuant writes "fell from 4.8 to 4.7" as "4.8-4.7"); a range never matches a
    single number. Among several value-equal candidates, a pairing that also agrees on unit and
    change is preferred, so a duplicate value cannot steal a better partner.

    Units are compared after mapping the extractor's names to NewsQuant's: ISO 4217 codes to
    currency names (USD -> "dollar", JPY -> "japanese yen"), also before a rate's "per" ("USD
    per month" -> "dollar per month"), "percent" -> "percentage", a few quantulum3 names
    NewsQuant spells differently ("degree Celsius" -> "celsius", "cubic centimetre" ->
    "millilitre"), a fraction the NewsQuant way ("fraction of condo" -> "% condo"), no unit ->
    "-". Everything is lowercased and each word singularized, so counted nouns ("200 people",
    "3 headsets") compare by their lemma. The change symbol of a mention is its `direction`
    ("up"/"down") when set, else its `bound`.

Differences from the authors' script (vivkaz/CQE, evaluation/evaluate_models.py)
    Theirs pairs greedily without removing a matched prediction, so one prediction can be
    credited for two equal gold values in value+unit and value+change; here pairing is strictly
    one-to-one for all three scores. Their tolerance is numpy's isclose default (rtol 1e-5); a
    looser 1e-3 is used here so that a figure the gold rounds differently from the text still
    pairs (at the time of writing both tolerances give the same counts). Their ranges compare
    in the written order.

Usage
    python scripts/benchmark_newsquant.py [--data PATH] [--json] [--errors FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "newsquant" / "NewsQuant.json"
FIGURE_KINDS = {"money", "percent", "number", "quantity"}
REL_TOL, ABS_TOL = 1e-3, 1e-6

# ISO 4217 code -> NewsQuant's normalized currency name (quantulum3's names, lowercased; codes
# quantulum3 lacks use the names NewsQuant gives them, e.g. "shekel", "malaysian ringgit").
CURRENCY_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "NZD": "new zealand dollar",
    "HKD": "hong kong dollar",
    "SGD": "singaporean dollar",
    "CHF": "swiss franc",
    "INR": "indian rupee",
    "KRW": "south korean won",
    "RUB": "russian ruble",
    "BRL": "brazilian real",
    "MXN": "mexican peso",
    "ZAR": "south african rand",
    "ILS": "shekel",
    "MYR": "malaysian ringgit",
    "DKK": "danish krone",
    "HRK": "croatian kuna",
}
# Extractor unit name -> NewsQuant unit name, where the two spell the same unit differently.
UNIT_NAMES = {
    "percent": "percentage",
    "percentage_point": "percentage point",
    "degree Celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree angle": "degree",
    "tonne": "metric ton",
    "cubic centimetre": "millilitre",
    "parts-per-million": "part per million",
}
NO_UNIT = "-"
# Plurals that no suffix rule turns into their singular, and words that only look plural.
IRREGULAR = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "series": "series",
    "species": "species",
    "news": "news",
    "lens": "lens",
}

Value = float | tuple[float, float]


@dataclass
class Quantity:
    """One gold or predicted quantity, reduced to what the protocol compares."""

    value: Value
    unit: str  # normalized unit name, lowercased and singularized
    change: str
    text: str  # gold: its unit surface; predicted: the mention text
    raw_unit: str | None = None  # gold: normalized_unit as annotated; predicted: extractor unit
    rule: str | None = None  # predicted only: the extractor rule, and the mention's offsets
    start: int | None = None
    end: int | None = None


@dataclass
class SentenceResult:
    """Pairing of one sentence's gold and predicted quantities."""

    index: int
    text: str
    pairs: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    misses: list[Quantity] = field(default_factory=list)
    extras: list[Quantity] = field(default_factory=list)


@dataclass
class Counts:
    """Corpus totals behind the three scores."""

    gold: int = 0
    predicted: int = 0
    value: int = 0
    value_unit: int = 0
    value_change: int = 0


# ---------------------------------------------------------------------------------------------
# Reading gold and predictions


def parse_gold_value(raw: str) -> Value:
    """A NewsQuant value string: "43600000000.0", "1.99E-29", "-3.5", or a range "1.0-1.5"."""
    text = raw.strip()
    number = r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
    if re.fullmatch(number, text):
        return float(text)
    match = re.fullmatch(rf"({number})\s*-\s*({number})", text)
    if match:
        return float(match.group(1)), float(match.group(2))
    raise ValueError(f"unreadable NewsQuant value {raw!r}")


def singularize(word: str) -> str:
    """English singular of one lowercased word, by suffix rules ("inches" -> "inch")."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ch|sh|x|z|ss|o)es$", word):
        return word[:-2]
    return word[:-1]


def normalize_unit(name: str | None) -> str:
    """Lowercase and singularize every word of a unit name; no unit is "-"."""
    if not name or name.strip() in ("", NO_UNIT):
        return NO_UNIT
    words = re.split(r"(\s+)", name.strip().lower())
    return "".join(singularize(w) if w.strip() else " " for w in words)


def mention_unit(mention: dict) -> str:
    """The NewsQuant unit name of a mention's unit.

    A rate keeps its "per" part ("USD per month" -> "dollar per month"); a fraction of
    something is written the NewsQuant way, as a percent sign and what it is a fraction of
    ("fraction of condos" -> "% condo", a bare "fraction" -> "% -").
    """
    unit = mention.get("unit")
    if not unit:
        return NO_UNIT
    if unit == "fraction" or unit.startswith("fraction of "):
        return "% " + normalize_unit(unit.removeprefix("fraction").removeprefix(" of "))
    amount, _, per = unit.partition(" per ")
    if mention["kind"] == "money":
        amount = CURRENCY_NAMES.get(amount, amount)
    else:
        amount = UNIT_NAMES.get(amount, amount)
    return normalize_unit(f"{amount} per {per}" if per else amount)


def mention_change(mention: dict) -> str:
    """The NewsQuant change symbol of a mention: its direction if set, else its bound.

    NewsQuant has one symbol where a mention has two fields. Where both apply ("rose about
    1.5%", "up about 19 per cent") its annotators wrote the direction more often than the
    bound, so the direction wins.
    """
    return mention.get("direction") or mention.get("bound") or "="


def load_gold(path: Path) -> list[dict]:
    """NewsQuant items, or exit with a clear message when the file is missing or malformed."""
    if not path.is_file():
        sys.exit(
            f"NewsQuant data not found at {path}\n"
            "Give its location with --data PATH (see ../shared/data/README.md)."
        )
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        sys.exit(f"{path} is not valid JSON: {error}")
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and "text" in i and "quantities" in i for i in items
    ):
        sys.exit(f"{path} is not a NewsQuant file (a list of {{text, quantities}} items)")
    return items


def gold_quantities(item: dict) -> list[Quantity]:
    """The annotated quantities of one NewsQuant item."""
    return [
        Quantity(
            value=parse_gold_value(q["value"]),
            unit=normalize_unit(q["normalized_unit"]),
            change=q["change"],
            text=q["unit"],
            raw_unit=q["normalized_unit"],
        )
        for q in item["quantities"]
    ]


def run_mentions(texts: list[str], workdir: Path) -> dict[int, list[dict]]:
    """Run `python -m extractor mentions` on the sentences; figure mentions by sentence index."""
    corpus = workdir / "newsquant.jsonl"
    output = workdir / "mentions.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for index, text in enumerate(texts):
            stream.write(json.dumps({"id": f"nq-{index}", "text": text}) + "\n")
    command = [sys.executable, "-m", "extractor", "mentions", str(corpus), "-o", str(output)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"extractor failed (exit {done.returncode}):\n{done.stderr}")
    by_sentence: dict[int, list[dict]] = {}
    for line in output.read_text(encoding="utf-8").splitlines():
        mention = json.loads(line)
        if mention["kind"] in FIGURE_KINDS and mention.get("value") is not None:
            index = int(mention["doc_id"].removeprefix("nq-"))
            by_sentence.setdefault(index, []).append(mention)
    return by_sentence


def predicted_quantity(mention: dict) -> Quantity:
    """A figure mention reduced to value, NewsQuant unit and change symbol."""
    value = mention["value"]
    value = (float(value[0]), float(value[1])) if isinstance(value, list) else float(value)
    return Quantity(
        value=value,
        unit=mention_unit(mention),
        change=mention_change(mention),
        text=mention["text"],
        raw_unit=mention.get("unit"),
        rule=mention.get("rule"),
        start=mention.get("start"),
        end=mention.get("end"),
    )


# ---------------------------------------------------------------------------------------------
# Pairing and scoring


def close(a: float, b: float) -> bool:
    """Numerically equal within the benchmark's tolerance."""
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def values_match(gold: Value, predicted: Value) -> bool:
    """Numbers match when close; ranges when both ends do (either order); never across kinds."""
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if not isinstance(gold, tuple):
        return close(gold, predicted)
    low, high = predicted
    return (close(gold[0], low) and close(gold[1], high)) or (
        close(gold[0], high) and close(gold[1], low)
    )


def pair(
    gold: list[Quantity], predicted: list[Quantity]
) -> tuple[list[tuple[Quantity, Quantity]], list[Quantity], list[Quantity]]:
    """One-to-one pairs by value, preferring partners that also agree on unit and change.

    Returns the pairs, the unpaired gold (misses) and the unpaired predictions (extras).
    """
    free_gold, free_pred = list(gold), list(predicted)
    pairs: list[tuple[Quantity, Quantity]] = []
    passes = (
        lambda g, p: g.unit == p.unit and g.change == p.change,
        lambda g, p: g.unit == p.unit,
        lambda g, p: g.change == p.change,
        lambda g, p: True,
    )
    for agrees in passes:
        for g in list(free_gold):
            for p in free_pred:
                if values_match(g.value, p.value) and agrees(g, p):
                    pairs.append((g, p))
                    free_gold.remove(g)
                    free_pred.remove(p)
                    break
    return pairs, free_gold, free_pred


def score(results: Iterable[SentenceResult]) -> Counts:
    """Corpus totals of gold, predicted and correct quantities."""
    counts = Counts()
    for result in results:
        counts.gold += len(result.pairs) + len(result.misses)
        counts.predicted += len(result.pairs) + len(result.extras)
        counts.value += len(result.pairs)
        counts.value_unit += sum(g.unit == p.unit for g, p in result.pairs)
        counts.value_change += sum(g.change == p.change for g, p in result.pairs)
    return counts


def prf(correct: int, gold: int, predicted: int) -> dict[str, float]:
    """Precision, recall and F1 in percent, rounded to one decimal like the paper."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f1, 1)}


def metrics(counts: Counts) -> dict[str, dict[str, float]]:
    """The three scores of the protocol."""
    return {
        name: prf(correct, counts.gold, counts.predicted)
        for name, correct in (
            ("value", counts.value),
            ("value+unit", counts.value_unit),
            ("value+change", counts.value_change),
        )
    }


# ---------------------------------------------------------------------------------------------
# Reporting


def load_reported(path: Path) -> list[dict]:
    """The published scores (reported_scores.tsv beside the data), or none if absent."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        if row.get("model"):
            rows.append(row)
    return rows


def format_table(ours: dict[str, dict[str, float]], reported: list[dict], counts: Counts) -> str:
    """Our scores beside the published ones, one line per system and score type."""
    lines = [
        f"NewsQuant: {counts.gold} gold quantities, {counts.predicted} predicted; correct: "
        f"value {counts.value}, value+unit {counts.value_unit}, "
        f"value+change {counts.value_change}",
        "",
        f"{'system':<22}{'type':<16}{'P':>6}{'R':>6}{'F1':>6}",
        "-" * 56,
    ]
    for kind, scores in ours.items():
        lines.append(
            f"{'this extractor':<22}{kind:<16}"
            f"{scores['P']:>6.1f}{scores['R']:>6.1f}{scores['F1']:>6.1f}"
        )
        for row in reported:
            if row.get("type") == kind:
                lines.append(
                    f"{row['model']:<22}{kind:<16}"
                    f"{float(row['P']):>6.1f}{float(row['R']):>6.1f}"
                    f"{float(row['F1']):>6.1f}"
                )
        lines.append("")
    return "\n".join(lines).rstrip()


def describe(q: Quantity) -> dict:
    """A quantity as a JSON-friendly record for the error file."""
    record = asdict(q)
    record["value"] = list(q.value) if isinstance(q.value, tuple) else q.value
    return {k: v for k, v in record.items() if v is not None}


def error_record(result: SentenceResult) -> dict | None:
    """Misses, extras, unit and change mismatches of one sentence, or None if it is perfect."""
    unit_wrong = [
        {"gold": describe(g), "predicted": describe(p)} for g, p in result.pairs if g.unit != p.unit
    ]
    change_wrong = [
        {"gold": describe(g), "predicted": describe(p)}
        for g, p in result.pairs
        if g.change != p.change
    ]
    if not (result.misses or result.extras or unit_wrong or change_wrong):
        return None
    return {
        "id": f"nq-{result.index}",
        "text": result.text,
        "misses": [describe(q) for q in result.misses],
        "extras": [describe(q) for q in result.extras],
        "unit_mismatches": unit_wrong,
        "change_mismatches": change_wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"NewsQuant.json (default: {DEFAULT_DATA})"
    )
    parser.add_argument("--json", action="store_true", help="Print the scores as JSON")
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="Write per-sentence misses, extras and mismatches as JSONL",
    )
    args = parser.parse_args(argv)

    items = load_gold(args.data)
    with tempfile.TemporaryDirectory(prefix="newsquant-") as workdir:
        mentions = run_mentions([item["text"] for item in items], Path(workdir))

    results = []
    for index, item in enumerate(items):
        predicted = [predicted_quantity(m) for m in mentions.get(index, [])]
        pairs, misses, extras = pair(gold_quantities(item), predicted)
        results.append(SentenceResult(index, item["text"], pairs, misses, extras))
    counts = score(results)
    ours = metrics(counts)

    if args.errors:
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        with args.errors.open("w", encoding="utf-8") as stream:
            for result in results:
                record = error_record(result)
                if record:
                    stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.json:
        print(
            json.dumps({"data": str(args.data), "counts": asdict(counts), "scores": ours}, indent=2)
        )
    else:
        reported = load_reported(args.data.parent / "reported_scores.tsv")
        print(format_table(ours, reported, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
