"""The evaluation harness: pairing by anchor figure, strict fields, optional gold."""

import json

import pytest

from extractor.evaluate import GoldError, commodity_match, load_gold, pair_facts, score
from extractor.models import TradeFact

BASE = {
    "doc_id": "d",
    "flow": "export",
    "reporter": {"code": "KOR"},
    "partner": None,
    "commodity": None,
    "period": {"start": "2024-01-01", "end": "2024-01-31", "granularity": "month"},
    "value": {"amount": 5.0e10, "currency": "USD", "unit": None},
    "change": {"percent": 4.0, "basis": "year_on_year"},
    "streak": None,
    "qualifiers": [],
    "source": "Ministry",
    "optional": False,
    "evidence": "x",
}


def _predicted(**changes) -> TradeFact:
    fact = {k: v for k, v in BASE.items() if k not in ("optional", "evidence")}
    fact.update(changes)
    for place in ("reporter", "partner"):
        if fact[place] is not None:
            fact[place] = {"name": fact[place]["code"], "text": fact[place]["code"], **fact[place]}
    if fact["value"] is not None:
        fact["value"] = {"text": "x", **fact["value"]}
    if fact["change"] is not None:
        fact["change"] = {"text": "x", **fact["change"]}
    if fact["period"] is not None:
        fact["period"] = {"text": "x", **fact["period"]}
    fact.update(
        id="d:0",
        confidence=0.9,
        provenance={
            "doc_id": "d",
            "path": None,
            "sha256": "0",
            "sentence": "s",
            "start": 0,
            "end": 1,
            "spans": {},
            "rules": [],
            "extractor": "t",
        },
    )
    return TradeFact.model_validate(fact)


def _gold(tmp_path, rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return load_gold(path)


def test_a_perfect_prediction(tmp_path):
    result = score(_gold(tmp_path, [BASE]), [("d", [_predicted()], "x")])
    metrics = result.metrics()
    assert metrics["anchor"]["f1"] == 1.0 and metrics["strict"]["f1"] == 1.0


def test_pairs_by_change_or_value_and_counts_wrong_fields(tmp_path):
    wrong_period = _predicted(
        period={"start": "2023-12-01", "end": "2023-12-31", "granularity": "month"}
    )
    result = score(_gold(tmp_path, [BASE]), [("d", [wrong_period], "x")])
    metrics = result.metrics()
    assert metrics["anchor"]["f1"] == 1.0
    assert metrics["strict"]["f1"] == 0.0
    assert result.wrong[0]["fields"] == ["period"]
    assert metrics["field_accuracy"]["period"] == 0.0


def test_value_within_half_a_percent_pairs(tmp_path):
    near = _predicted(change=None, value={"amount": 5.02e10, "currency": "USD", "unit": None})
    far = _predicted(change=None, value={"amount": 5.5e10, "currency": "USD", "unit": None})
    gold = [{**BASE, "change": None}]
    assert pair_facts(gold, [near.model_dump(mode="json")]) == [(0, 0)]
    assert pair_facts(gold, [far.model_dump(mode="json")]) == []


def test_optional_gold_counts_neither_way(tmp_path):
    optional = {
        **BASE,
        "change": {"percent": 9.9, "basis": "year_on_year"},
        "optional": True,
        "qualifiers": ["comparison"],
    }
    gold = _gold(tmp_path, [BASE, optional])
    found = score(
        gold,
        [("d", [_predicted(), _predicted(change={"percent": 9.9, "basis": "unspecified"})], "x")],
    )
    missed = score(gold, [("d", [_predicted()], "x")])
    assert found.metrics()["strict"]["f1"] == missed.metrics()["strict"]["f1"] == 1.0


def test_misses_and_extras_are_listed(tmp_path):
    result = score(
        _gold(tmp_path, [BASE]),
        [("d", [_predicted(change={"percent": 1.0, "basis": "unspecified"}, value=None)], "x")],
    )
    assert len(result.misses) == 1 and len(result.extras) == 1
    assert result.metrics()["anchor"]["f1"] == 0.0


def test_document_without_facts_in_scope(tmp_path):
    gold = _gold(tmp_path, [{"doc_id": "d", "flow": None, "evidence": "x"}])
    result = score(gold, [("d", [_predicted()], "x"), ("other", [_predicted()], "y")])
    assert result.predicted == 1 and result.gold == 0
    assert result.unscored_documents == 1


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ({"name": "oil", "hs": "27"}, {"name": "crude oil", "hs": "2709"}, True),
        ({"name": "cars", "hs": "8703"}, {"name": "auto parts", "hs": "8708"}, False),
        ({"name": "non-oil", "hs": None}, {"name": "non-oil", "hs": None}, True),
        ({"name": "textiles", "hs": None}, None, False),
    ],
)
def test_commodities_match_by_hs_prefix_or_name(gold, predicted, same):
    assert commodity_match(gold, predicted) is same


def test_a_malformed_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(BASE) + "\n{broken\n")
    with pytest.raises(GoldError, match=r"gold.jsonl:2"):
        load_gold(path)
