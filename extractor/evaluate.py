"""Scoring facts against hand-written gold in the contract's shape.

Predicted and gold facts of a document are paired one to one by their anchor figure (the same
percent change, or a value within 0.5%). Anchor scores count pairs; strict scores count pairs
whose flow, reporter, partner, commodity, period, value and change are all right. Gold facts
marked `optional` (forecasts, comparison bases) count neither for nor against.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import TradeFact

STRICT_FIELDS = ("flow", "reporter", "partner", "commodity", "period", "value", "change")
EXTRA_FIELDS = ("basis", "streak", "qualifiers", "source")


class GoldError(ValueError):
    """A gold file is malformed; the message names file and line."""


@dataclass
class GoldSet:
    facts: dict[str, list[dict]] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)


def load_gold(path: str | Path) -> GoldSet:
    """Gold facts from a JSONL file or a folder of them. A line with `"flow": null` puts a
    document in scope without facts."""
    root = Path(path)
    files = sorted(root.rglob("*.jsonl")) if root.is_dir() else [root]
    gold = GoldSet()
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldError(f"{file}:{number}: not valid JSON ({error.msg})") from None
            if not isinstance(row, dict) or "doc_id" not in row:
                raise GoldError(f"{file}:{number}: a gold line needs a doc_id")
            doc_id = str(row["doc_id"])
            gold.documents.add(doc_id)
            if row.get("flow") is not None:
                row["_where"] = f"{file.name}:{number}"
                gold.facts.setdefault(doc_id, []).append(row)
    return gold


def _fact_dict(fact: TradeFact | dict) -> dict:
    return fact.model_dump(mode="json") if isinstance(fact, TradeFact) else fact


def _close(
    a: float | None, b: float | None, *, relative: float = 0.005, absolute: float = 0.051
) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(absolute if abs(a) < 100 else 0, relative * max(abs(a), abs(b)))


def _code(place: dict | None) -> str | None:
    return place.get("code") if place else None


def _singular(word: str | None) -> str | None:
    if word is None:
        return None
    word = word.lower().strip()
    return re.sub(r"(?<=[a-z])s$", "", word)


def commodity_match(gold: dict | None, predicted: dict | None) -> bool:
    """Same goods: HS codes agreeing to the shorter code, or the same name."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g_hs, p_hs = gold.get("hs"), predicted.get("hs")
    if g_hs and p_hs:
        size = min(len(g_hs), len(p_hs))
        return g_hs[:size] == p_hs[:size]
    return _singular(gold.get("name")) == _singular(predicted.get("name"))


def field_match(name: str, gold: dict, predicted: dict) -> bool:
    g, p = gold.get(name), predicted.get(name)
    if name == "flow":
        return g == p
    if name in ("reporter", "partner"):
        return _code(g) == _code(p)
    if name == "commodity":
        return commodity_match(g, p)
    if name == "period":
        if g is None or p is None:
            return g is None and p is None
        return str(g["start"]) == str(p["start"]) and str(g["end"]) == str(p["end"])
    if name == "value":
        if g is None or p is None:
            return g is None and p is None
        return (
            _close(g.get("amount"), p.get("amount"), absolute=0)
            and g.get("currency") == p.get("currency")
            and _singular(g.get("unit")) == _singular(p.get("unit"))
        )
    if name == "change":
        if g is None or p is None:
            return g is None and p is None
        return _close(g.get("percent"), p.get("percent"))
    if name == "basis":
        return (
            (g or {}).get("basis", None) == (p or {}).get("basis", None)
            if False
            else (gold.get("change") or {}).get("basis")
            == (predicted.get("change") or {}).get("basis")
        )
    if name == "streak":
        gs, ps = gold.get("streak"), predicted.get("streak")
        if gs is None or ps is None:
            return gs is None and ps is None
        return gs.get("count") == ps.get("count") and gs.get("unit") == ps.get("unit")
    if name == "qualifiers":
        return set(g or []) == set(p or [])
    if name == "source":
        if not g or not p:
            return not g and not p
        a, b = _normal_source(g), _normal_source(p)
        return a in b or b in a
    raise KeyError(name)


def _normal_source(text: str) -> str:
    return re.sub(r"^(?:the|its)\s+", "", re.sub(r"\s+", " ", text.lower())).strip()


def _anchor_match(gold: dict, predicted: dict) -> bool:
    g_change, p_change = gold.get("change"), predicted.get("change")
    if g_change and p_change and _close(g_change.get("percent"), p_change.get("percent")):
        return True
    g_value, p_value = gold.get("value"), predicted.get("value")
    if (
        g_value
        and p_value
        and g_value.get("amount") is not None
        and p_value.get("amount") is not None
    ):
        return _close(abs(g_value["amount"]), abs(p_value["amount"]), absolute=0)
    return False


def pair_facts(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) by anchor, most agreeing fields first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _anchor_match(g, p):
                agreement = sum(field_match(name, g, p) for name in STRICT_FIELDS)
                candidates.append((-agreement, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    anchor_pairs: int = 0
    strict_pairs: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_total: int = 0
    misses: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    documents: int = 0
    unscored_documents: int = 0

    def metrics(self) -> dict[str, Any]:
        ap = self.anchor_pairs / self.predicted if self.predicted else 0.0
        ar = self.anchor_pairs / self.gold if self.gold else 0.0
        sp = self.strict_pairs / self.predicted if self.predicted else 0.0
        sr = self.strict_pairs / self.gold if self.gold else 0.0
        return {
            "documents": self.documents,
            "gold_facts": self.gold,
            "predicted_facts": self.predicted,
            "anchor": {
                "precision": round(ap, 4),
                "recall": round(ar, 4),
                "f1": round(_f1(ap, ar), 4),
            },
            "strict": {
                "precision": round(sp, 4),
                "recall": round(sr, 4),
                "f1": round(_f1(sp, sr), 4),
            },
            "field_accuracy": {
                name: round(self.field_right[name] / self.field_total, 4)
                if self.field_total
                else 0.0
                for name in (*STRICT_FIELDS, *EXTRA_FIELDS)
            },
            "unscored_documents": self.unscored_documents,
        }


def score(gold: GoldSet, predictions: Iterable[tuple[str, list[TradeFact], str]]) -> Score:
    """Score predictions (doc_id, facts, text) against gold; documents outside the gold set
    are counted as unscored."""
    result = Score()
    seen = set()
    for doc_id, facts, text in predictions:
        if doc_id not in gold.documents:
            result.unscored_documents += 1
            continue
        seen.add(doc_id)
        result.documents += 1
        gold_facts = gold.facts.get(doc_id, [])
        predicted = [_fact_dict(f) for f in facts]
        pairs = pair_facts(gold_facts, predicted)
        paired_g = {g for g, _ in pairs}
        paired_p = {p for _, p in pairs}
        optional_p = {p for g, p in pairs if gold_facts[g].get("optional")}
        result.gold += sum(1 for g in gold_facts if not g.get("optional"))
        result.predicted += len(predicted) - len(optional_p)
        for gi, pi in pairs:
            g, p = gold_facts[gi], predicted[pi]
            if g.get("optional"):
                continue
            result.anchor_pairs += 1
            result.field_total += 1
            wrong = []
            for name in (*STRICT_FIELDS, *EXTRA_FIELDS):
                if field_match(name, g, p):
                    result.field_right[name] += 1
                elif name in STRICT_FIELDS:
                    wrong.append(name)
            if not wrong:
                result.strict_pairs += 1
            else:
                result.wrong.append(
                    {
                        "doc_id": doc_id,
                        "fields": wrong,
                        "gold": _brief(g),
                        "predicted": _brief(p),
                        "sentence": p["provenance"]["sentence"],
                    }
                )
        for gi, g in enumerate(gold_facts):
            if gi not in paired_g and not g.get("optional"):
                result.misses.append(
                    {
                        "doc_id": doc_id,
                        "gold": _brief(g),
                        "sentence": _sentence_of(text, g.get("evidence")),
                    }
                )
        for pi, p in enumerate(predicted):
            if pi not in paired_p:
                result.extras.append(
                    {
                        "doc_id": doc_id,
                        "predicted": _brief(p),
                        "sentence": p["provenance"]["sentence"],
                    }
                )
    for doc_id in gold.documents - seen:
        result.documents += 1
        for g in gold.facts.get(doc_id, []):
            if not g.get("optional"):
                result.gold += 1
                result.misses.append(
                    {
                        "doc_id": doc_id,
                        "gold": _brief(g),
                        "sentence": "(document not found in the input)",
                    }
                )
    return result


def _sentence_of(text: str, evidence: str | None) -> str:
    if not evidence or evidence not in text:
        return evidence or ""
    at = text.index(evidence)
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    end_candidates = [
        i
        for i in (text.find(". ", at + len(evidence)), text.find("\n\n", at + len(evidence)))
        if i != -1
    ]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return re.sub(r"\s+", " ", text[start:end]).strip()


def _brief(fact: dict) -> str:
    parts = [fact.get("flow") or "-"]
    for name in ("reporter", "partner"):
        parts.append(_code(fact.get(name)) or "-")
    commodity = fact.get("commodity")
    parts.append(f"{commodity.get('name')}[{commodity.get('hs')}]" if commodity else "-")
    period = fact.get("period")
    parts.append(f"{period['start']}..{period['end']}" if period else "-")
    value = fact.get("value")
    parts.append(
        f"{value['amount']:g} {value.get('currency') or value.get('unit') or ''}".strip()
        if value and value.get("amount") is not None
        else "-"
    )
    change = fact.get("change")
    parts.append(f"{change['percent']:+g}%" if change else "-")
    qualifiers = fact.get("qualifiers") or []
    if qualifiers:
        parts.append("(" + ",".join(qualifiers) + ")")
    return " ".join(str(p) for p in parts)


def format_report(name: str, result: Score, *, details: bool = True) -> str:
    """A human-readable score table, then misses, wrong fields and extras."""
    m = result.metrics()
    lines = [
        f"== {name}: {m['documents']} documents, {m['gold_facts']} gold facts, "
        f"{m['predicted_facts']} predicted",
        f"{'':8s} {'P':>7s} {'R':>7s} {'F1':>7s}",
    ]
    for kind in ("anchor", "strict"):
        lines.append(
            f"{kind:8s} {m[kind]['precision']:7.3f} {m[kind]['recall']:7.3f} {m[kind]['f1']:7.3f}"
        )
    lines.append(
        "field accuracy over pairs: "
        + ", ".join(f"{k} {v:.3f}" for k, v in m["field_accuracy"].items())
    )
    if m["unscored_documents"]:
        lines.append(
            f"({m['unscored_documents']} input documents have no gold and were not scored)"
        )
    if details:
        for title, rows in (
            ("misses", result.misses),
            ("wrong fields", result.wrong),
            ("extras", result.extras),
        ):
            lines.append(f"-- {title} ({len(rows)})")
            for row in rows:
                if "fields" in row:
                    lines.append(
                        f"  [{row['doc_id']}] {','.join(row['fields'])}: gold "
                        f"{row['gold']} | predicted {row['predicted']}"
                    )
                else:
                    lines.append(f"  [{row['doc_id']}] {row.get('gold') or row.get('predicted')}")
                lines.append(f"      {row['sentence'][:300]}")
    return "\n".join(lines)
