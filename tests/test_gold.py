"""The hand-written gold sets: well formed, tied to their articles, and the scores they give.

Score floors are regression guards set a little under the measured figures (README); they fail
when a change makes extraction worse on any gold set.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pycountry
import pytest

from extractor import extract_corpus
from extractor.evaluate import load_gold, score
from extractor.ingest import read_documents

ROOT = Path(__file__).resolve().parent.parent
GROUPS = {
    "EU",
    "EA",
    "ASEAN",
    "OPEC",
    "GCC",
    "MERCOSUR",
    "G7",
    "OECD",
    "ASIA",
    "EUROPE",
    "AFRICA",
    "LATAM",
    "MIDEAST",
    "NORTH_AMERICA",
    "OCEANIA",
}
FORMER = {"SUN", "DDR", "YUG", "CSK"}
FLOWS = {"export", "import", "balance", "total_trade"}
KEYS = {
    "doc_id",
    "flow",
    "reporter",
    "partner",
    "commodity",
    "period",
    "value",
    "change",
    "streak",
    "qualifiers",
    "source",
    "optional",
    "evidence",
}


def _rows(folder: Path):
    for path in sorted(folder.rglob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{number}", json.loads(line)


def _texts(paths) -> dict[str, str]:
    return {d.doc_id: d.text for d in read_documents(paths) if hasattr(d, "text")}


def _check_fact(where: str, row: dict, text: str) -> None:
    assert row["evidence"] in text, f"{where}: evidence not in the article"
    if row["flow"] is None:
        return
    assert set(row) >= KEYS, f"{where}: missing {KEYS - set(row)}"
    assert row["flow"] in FLOWS, where
    for role in ("reporter", "partner"):
        place = row[role]
        if place is not None:
            code = place["code"]
            assert code in GROUPS or code in FORMER or pycountry.countries.get(alpha_3=code), (
                f"{where}: {role} {code}"
            )
    period = row["period"]
    assert date.fromisoformat(period["start"]) <= date.fromisoformat(period["end"]), where
    if row["value"] and row["flow"] != "balance":
        assert row["value"]["amount"] >= 0, f"{where}: negative non-balance value"
    assert row["value"] or row["change"], f"{where}: a fact needs a figure"


GOLD_SETS = [
    ("dev", "corpus/gold/dev", "corpus/articles/dev"),
    ("heldout", "corpus/gold/heldout", "corpus/articles/heldout"),
]


@pytest.mark.parametrize(("name", "gold", "articles"), GOLD_SETS, ids=[g[0] for g in GOLD_SETS])
def test_corpus_gold_is_well_formed_and_covers_every_article(name, gold, articles):
    texts = _texts([ROOT / articles])
    rows = list(_rows(ROOT / gold))
    assert {row["doc_id"] for _, row in rows} == set(texts), "every article needs gold"
    for where, row in rows:
        _check_fact(where, row, texts[row["doc_id"]])


def test_corpus_size_and_spread():
    texts = _texts([ROOT / "corpus" / "articles"])
    assert len(texts) >= 60
    reporters = {
        row["reporter"]["code"]
        for gold in ("dev", "heldout")
        for _, row in _rows(ROOT / "corpus" / "gold" / gold)
        if row.get("reporter")
    }
    assert len(reporters) >= 15


def test_seed_gold_refers_to_the_seeds(seeds_dir):
    texts = _texts([seeds_dir])
    for where, row in _rows(ROOT / "tests" / "gold" / "seeds"):
        _check_fact(where, row, texts[row["doc_id"]])


def test_reuters_gold_is_train_split_only(shared_data):
    articles = {}
    with (shared_data / "reuters_trade.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles[str(row["id"])] = row
    rows = list(_rows(ROOT / "tests" / "gold" / "reuters_train"))
    assert len({row["doc_id"] for _, row in rows}) >= 40
    for where, row in rows:
        article = articles[row["doc_id"]]
        assert article["lewissplit"] == "TRAIN", f"{where}: not a TRAIN article"
        _check_fact(where, row, article["text"])


def _scores(gold: Path, paths) -> dict:
    results = ((r.doc_id, r.facts, r.text) for r in extract_corpus(paths))
    return score(load_gold(gold), results).metrics()


def test_seeds_every_trade_figure_with_every_field_right(seeds_dir):
    metrics = _scores(ROOT / "tests" / "gold" / "seeds", [seeds_dir])
    assert metrics["anchor"]["recall"] == 1.0 and metrics["anchor"]["precision"] == 1.0
    assert metrics["strict"]["f1"] == 1.0
    assert all(value == 1.0 for value in metrics["field_accuracy"].values())


FLOORS = [
    ("dev", ROOT / "corpus/gold/dev", lambda: [ROOT / "corpus/articles/dev"], 0.97, 0.91),
    (
        "heldout",
        ROOT / "corpus/gold/heldout",
        lambda: [ROOT / "corpus/articles/heldout"],
        0.96,
        0.90,
    ),
]


@pytest.mark.parametrize(
    ("name", "gold", "paths", "anchor", "strict"), FLOORS, ids=[f[0] for f in FLOORS]
)
def test_corpus_scores_do_not_regress(name, gold, paths, anchor, strict):
    metrics = _scores(gold, paths())
    assert metrics["anchor"]["f1"] >= anchor
    assert metrics["strict"]["f1"] >= strict


def test_reuters_train_scores_do_not_regress(shared_data):
    metrics = _scores(
        ROOT / "tests" / "gold" / "reuters_train", [shared_data / "reuters_trade.jsonl"]
    )
    assert metrics["anchor"]["f1"] >= 0.95
    assert metrics["strict"]["f1"] >= 0.84


def test_every_span_slices_the_article_to_its_text():
    for result in extract_corpus([ROOT / "corpus" / "articles"], mentions=True):
        text = result.text
        for fact in result.facts:
            provenance = fact.provenance
            assert text[provenance.start : provenance.end] == provenance.sentence
            for name, (start, end) in provenance.spans.items():
                field = getattr(fact, name)
                expected = field if isinstance(field, str) else field.text
                if name == "flow":
                    expected = None
                if name == "source":  # a name, whitespace-normalized; the span is its mention
                    assert " ".join(text[start:end].split()) == expected
                elif expected is not None:
                    assert text[start:end] == expected, (result.doc_id, name)
        for mention in result.mentions:
            assert text[mention.start : mention.end] == mention.text
