"""The command line (`extractor/cli.py`): extract, mentions, evaluate and schema, run in-process
with typer's CliRunner, plus one real `python -m extractor` process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from extractor import cli
from extractor.cli import app
from extractor.export import COLUMNS
from extractor.models import Mention, TradeFact

ROOT = Path(__file__).resolve().parent.parent

DATED = (
    "date 2024-05-10\n"
    "South Korea's exports rose 5.1% to $48.2 billion in April from a year earlier. "
    "Imports slipped 2.3% to $45.6 billion, the trade ministry said.\n"
)
UNDATED = "Vietnam's imports climbed 8.4% to $30.1 billion in March, customs data showed.\n"
BATCH_GOOD = {
    "id": "cl-batch-1",
    "published": "2023-09-01",
    "text": "Chile's copper exports jumped 12% to $4.1 billion in August.",
}
SUMMARY = re.compile(r"^(\d+) articles, (\d+) (facts|mentions), (\d+) skipped", re.MULTILINE)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three readable articles and four unreadable inputs."""
    root = tmp_path / "in"
    (root / "kr").mkdir(parents=True)
    (root / "kr" / "2024-04.txt").write_text(DATED, encoding="utf-8")
    (root / "vn.txt").write_text(UNDATED, encoding="utf-8")
    (root / "batch.jsonl").write_text(json.dumps(BATCH_GOOD) + "\n{not json\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (root / "empty.md").write_bytes(b"")
    (root / "latin1.txt").write_bytes("Caf\u00e9 exports".encode("latin-1"))
    return root


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result


def ok(result) -> None:
    assert result.exit_code == 0, (result.output, result.exception)


def facts_in(path: Path) -> list[TradeFact]:
    return [
        TradeFact.model_validate_json(line)
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_extract_writes_valid_facts_and_a_summary_of_skips(corpus, tmp_path):
    out = tmp_path / "out" / "facts.jsonl"
    result = run("extract", corpus, "-o", out)
    ok(result)
    facts = facts_in(out)
    assert facts, "the dated and the batch article state trade figures"
    assert {f.doc_id for f in facts} >= {"kr/2024-04", "cl-batch-1"}
    summary = SUMMARY.search(result.stderr)
    assert summary is not None, result.stderr
    articles, count, what, skipped = summary.groups()
    assert (int(articles), int(count), what, int(skipped)) == (3, len(facts), "facts", 4)
    for name, reason in [
        ("binary.txt", "binary"),
        ("empty.md", "empty file"),
        ("latin1.txt", "not UTF-8"),
        ("batch.jsonl:2", "malformed JSON line"),
    ]:
        assert re.search(rf"skipped \S*{re.escape(name)}: .*{reason}", result.stderr), name
    assert result.stdout == ""


def test_output_is_never_left_partial(corpus, tmp_path):
    out = tmp_path / "facts.jsonl"
    ok(run("extract", corpus, "-o", out))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.jsonl", "in"]


def test_a_crash_mid_run_keeps_the_old_output_and_leaves_no_partial(corpus, tmp_path, monkeypatch):
    out = tmp_path / "facts.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    real = cli.extract_corpus

    def crashing(*args, **kwargs):
        yield from real(*args, **kwargs)
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(cli, "extract_corpus", crashing)
    result = run("extract", corpus, "-o", out)
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert not out.with_name("facts.jsonl.partial").exists()


def test_dash_writes_facts_to_stdout(corpus):
    result = run("extract", corpus, "-o", "-")
    ok(result)
    lines = result.stdout.splitlines()
    assert lines
    assert all(TradeFact.model_validate_json(line) for line in lines)
    assert SUMMARY.search(result.stderr)
    assert not Path("-").exists()


def test_default_published_applies_only_to_articles_without_a_date(corpus, tmp_path):
    out = tmp_path / "facts.jsonl"
    ok(run("extract", corpus, "--published", "2024-04-02", "-o", out))
    by_doc: dict[str, list[TradeFact]] = {}
    for fact in facts_in(out):
        by_doc.setdefault(fact.doc_id, []).append(fact)
    [vietnam] = by_doc["vn"]
    assert vietnam.period is not None
    assert (vietnam.period.start.isoformat(), vietnam.period.end.isoformat()) == (
        "2024-03-01",
        "2024-03-31",
    )
    assert vietnam.period.inferred is False
    # The dated article keeps its own header date: April 2024, not March.
    korea_periods = {
        (f.period.start.isoformat(), f.period.end.isoformat())
        for f in by_doc["kr/2024-04"]
        if f.period
    }
    assert korea_periods == {("2024-04-01", "2024-04-30")}


@pytest.mark.parametrize(
    "value",
    ["2024-13-01", "yesterday", "02/04/2024", ""],
    ids=["month-13", "word", "slashes", "empty"],
)
def test_bad_published_value_fails_with_a_clear_message(corpus, tmp_path, value):
    out = tmp_path / "facts.jsonl"
    result = run("extract", corpus, "--published", value, "-o", out)
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert "is not a date like" in result.stderr
    assert not out.exists()


def test_mentions_writes_mention_records_that_slice_the_text(corpus, tmp_path):
    out = tmp_path / "mentions.jsonl"
    result = run("mentions", corpus, "-o", out)
    ok(result)
    mentions = [
        Mention.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()
    ]
    assert {"money", "percent", "place"} <= {m.kind for m in mentions}
    korea_text = (corpus / "kr" / "2024-04.txt").read_text(encoding="utf-8")
    korea = [m for m in mentions if m.doc_id == "kr/2024-04"]
    assert korea
    assert all(korea_text[m.start : m.end] == m.text for m in korea)
    assert "$48.2 billion" in {m.text for m in korea}
    summary = SUMMARY.search(result.stderr)
    assert summary is not None
    assert summary.group(2, 3) == (str(len(mentions)), "mentions")


def gold_lines() -> list[dict]:
    common = {
        "reporter": {"code": "KOR"},
        "partner": None,
        "commodity": None,
        "period": {"start": "2024-04-01", "end": "2024-04-30", "granularity": "month"},
        "streak": None,
        "qualifiers": [],
        "source": None,
        "optional": False,
    }
    return [
        {
            "doc_id": "kr/2024-04",
            "flow": "export",
            **common,
            "value": {"amount": 48.2e9, "currency": "USD", "unit": None},
            "change": {"percent": 5.1, "basis": "year_on_year"},
            "evidence": "rose 5.1%",
        },
        {
            "doc_id": "kr/2024-04",
            "flow": "import",
            **common,
            "value": {"amount": 45.6e9, "currency": "USD", "unit": None},
            "change": {"percent": -2.3, "basis": "unspecified"},
            "evidence": "slipped 2.3%",
        },
        # A figure the article never states: always a miss, so recall cannot reach 1.
        {
            "doc_id": "kr/2024-04",
            "flow": "balance",
            **common,
            "value": {"amount": 777e9, "currency": "USD", "unit": None},
            "change": None,
            "evidence": "the trade ministry said",
        },
    ]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in gold_lines()), encoding="utf-8")
    return path


def test_evaluate_prints_anchor_and_strict_scores(corpus, gold_file):
    result = run("evaluate", corpus, "--gold", gold_file)
    ok(result)
    assert re.search(r"1 documents, 3 gold facts", result.stdout)
    for kind in ("anchor", "strict"):
        row = re.search(rf"^{kind}\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", result.stdout, re.M)
        assert row is not None, result.stdout
        assert all(0.0 <= float(x) <= 1.0 for x in row.groups())
    assert "-- misses (" in result.stdout


def test_evaluate_json_is_parseable_and_counts_the_gold(corpus, gold_file):
    result = run("evaluate", corpus, "--gold", gold_file, "--json")
    ok(result)
    metrics = json.loads(result.stdout)
    assert metrics["documents"] == 1
    assert metrics["gold_facts"] == 3
    assert metrics["unscored_documents"] == 2  # vn and cl-batch-1 have no gold
    for kind in ("anchor", "strict"):
        assert set(metrics[kind]) == {"precision", "recall", "f1"}
        assert all(0.0 <= v <= 1.0 for v in metrics[kind].values())
    assert metrics["anchor"]["recall"] < 1.0
    assert metrics["strict"]["recall"] <= metrics["anchor"]["recall"]
    assert [m["gold"] for m in metrics["misses"]] == [
        "balance KOR - - 2024-04-01..2024-04-30 7.77e+11 USD -"
    ]


def test_evaluate_with_malformed_gold_names_file_and_line(corpus, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_lines()[0]) + "\n{broken\n", encoding="utf-8")
    result = run("evaluate", corpus / "kr", "--gold", gold)
    assert result.exit_code == 2
    assert "gold.jsonl:2" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_evaluate_with_missing_gold_fails_cleanly(corpus, tmp_path):
    result = run("evaluate", corpus / "kr", "--gold", tmp_path / "nope.jsonl")
    assert result.exit_code == 2
    assert "--gold" in result.stderr and "nope.jsonl" in result.stderr


@pytest.mark.parametrize(
    ("record", "model", "required"),
    [
        ("fact", TradeFact, {"flow", "reporter", "period", "value", "change", "provenance"}),
        ("mention", Mention, {"kind", "text", "start", "end", "rule"}),
    ],
    ids=["fact", "mention"],
)
def test_schema_prints_the_json_schema(record, model, required):
    result = run("schema", record)
    ok(result)
    schema = json.loads(result.stdout)
    assert schema == model.model_json_schema()
    assert required <= set(schema["required"])


def test_schema_rejects_an_unknown_record():
    result = run("schema", "invoice")
    assert result.exit_code == 2
    assert "fact" in result.stderr and "mention" in result.stderr


def test_parquet_output_is_readable_by_pandas(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    jsonl, parquet = tmp_path / "facts.jsonl", tmp_path / "facts.parquet"
    ok(run("extract", corpus, "-o", jsonl))
    ok(run("extract", corpus, "--format", "parquet", "-o", parquet))
    frame = pd.read_parquet(parquet)
    facts = facts_in(jsonl)
    assert list(frame.columns) == COLUMNS
    assert list(frame["id"]) == [f.id for f in facts]
    assert not parquet.with_name("facts.parquet.partial").exists()


@pytest.mark.parametrize("target", [None, "-"], ids=["no-output", "stdout"])
def test_parquet_needs_an_output_file(corpus, target):
    args = ["extract", corpus, "--format", "parquet"] + (["-o", target] if target else [])
    result = run(*args)
    assert result.exit_code == 2
    assert "parquet needs -o FILE" in result.stderr
    assert not Path("-").exists()


def test_html_output_highlights_facts(corpus, tmp_path):
    out = tmp_path / "facts.html"
    ok(run("extract", corpus, "--format", "html", "-o", out))
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert re.search(r"<mark [^>]*>\$48\.2 billion</mark>", page)
    assert page.count("<article>") == 3


def test_unknown_format_is_rejected(corpus):
    result = run("extract", corpus, "--format", "xlsx")
    assert result.exit_code == 2
    assert "unknown format 'xlsx'" in result.stderr


def test_python_dash_m_extractor_help():
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for command in ("extract", "mentions", "evaluate", "schema"):
        assert re.search(rf"\b{command}\b", done.stdout), command
