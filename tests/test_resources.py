"""Rule files: located, validated at load (naming file, line and field), ids unique."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.resources import PATTERNS_ENV, PatternError, RuleSet, patterns_dir

ROOT = Path(__file__).resolve().parent.parent
GOOD = {"id": "flow.export.test_word", "label": "FLOW", "pattern": "outflows", "flow": "export"}


def _write(folder: Path, rows: list) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rules.jsonl"
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows))
    return path


def test_the_shipped_rules_load():
    rules = RuleSet.load()
    labels = {rule.label for rule in rules.rules}
    assert {"PLACE", "COMMODITY", "FLOW", "CHANGE", "PERIOD", "FIGURE", "CURRENCY"} <= labels
    assert len(rules.by_id) == len(rules.rules)


BAD = [
    ("not_json", ["{oops\n"], "not valid JSON"),
    ("no_label", [{"id": "flow.x.y", "pattern": "a"}], "field label"),
    ("unknown_label", [{"id": "flow.x.y", "label": "NOPE", "pattern": "a"}], "label"),
    ("bad_flow", [{**GOOD, "flow": "exportz"}], "field flow"),
    ("extra_key", [{**GOOD, "colour": "red"}], "field colour"),
    ("bad_id", [{**GOOD, "id": "Flow Export"}], "field id"),
    (
        "bad_hs",
        [{"id": "commodity.x.y", "label": "COMMODITY", "pattern": "x", "name": "x", "hs": "12a"}],
        "field hs",
    ),
    ("duplicate_id", [GOOD, GOOD], "already defined"),
]


@pytest.mark.parametrize(("rows", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_rule_fails_at_load_naming_file_line_and_field(tmp_path, rows, message):
    path = _write(tmp_path / "patterns", rows)
    with pytest.raises(PatternError) as error:
        RuleSet.load(path.parent)
    text = str(error.value)
    assert str(path) in text and message in text
    assert f"{path}:{len(rows)}:" in text or f"{path}:1:" in text


def test_patterns_dir_override_and_environment(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    _write(folder, [GOOD])
    assert patterns_dir(folder) == folder
    monkeypatch.setenv(PATTERNS_ENV, str(folder))
    assert patterns_dir() == folder
    assert [rule.id for rule in RuleSet.load().rules] == ["flow.export.test_word"]
    monkeypatch.setenv(PATTERNS_ENV, str(tmp_path / "missing"))
    with pytest.raises(PatternError, match="does not exist"):
        patterns_dir()


def test_generated_tables_are_current():
    """Tables generated from pycountry, babel and quantulum3 match their generator."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_tables.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_rule_id_is_readable():
    for rule in RuleSet.load().rules:
        assert rule.id == rule.id.lower() and "." in rule.id
