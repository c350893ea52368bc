"""Locating, loading and validating the rule and gazetteer files in `patterns/`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PATTERNS_ENV = "TRADE_FACTS_PATTERNS"
RULE_ID = r"^[a-z0-9_]+(\.[a-z0-9_]+)+$"

TokenPattern = list[dict[str, Any]]


class PatternError(ValueError):
    """A rule file is malformed; the message names file, line and field."""


def patterns_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the rule files.

    Order: an explicit override, the `TRADE_FACTS_PATTERNS` environment variable, the copy
    shipped inside the installed wheel, then `patterns/` of a source checkout.
    """
    for candidate in (override, os.environ.get(PATTERNS_ENV)):
        if candidate:
            path = Path(candidate)
            if not path.is_dir():
                raise PatternError(f"patterns folder {path} does not exist")
            return path
    here = Path(__file__).resolve().parent
    for path in (here / "patterns", here.parent / "patterns"):
        if path.is_dir():
            return path
    raise PatternError(f"no patterns folder found next to {here}")


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID)
    note: str | None = None


class _SpanRule(_Rule):
    pattern: str | TokenPattern
    case_sensitive: bool = False


class PlaceRule(_SpanRule):
    label: Literal["PLACE"]
    code: str = Field(pattern=r"^[A-Z0-9_]{2,13}$")
    name: str
    # "city": a commercial city that opens wire datelines ("SYDNEY, March 17 -"); it names the
    # country of an article's dateline but is not matched in running text, where "Shanghai's
    # exports" are a city's, not a country's.
    kind: Literal["country", "alias", "demonym", "capital", "city", "group", "former"]


class CommodityRule(_SpanRule):
    label: Literal["COMMODITY"]
    name: str
    hs: str | None = Field(pattern=r"^\d{2}(\d{2}){0,2}$")
    # "shipments of the bean", "those bean exports": the goods named last before it, among
    # those whose HS code starts with one of `refers_to` (any goods when empty)
    anaphor: bool = False
    refers_to: list[str] = Field(default_factory=list)


class FlowRule(_SpanRule):
    label: Literal["FLOW"]
    flow: Literal["export", "import", "balance", "total_trade"]
    sign: Literal[1, -1] | None = None
    # "role": a partner's role ("the largest export market"), naming the flow and the partner
    form: Literal["noun", "verb", "state", "role"] = "noun"
    commodity: str | None = Field(default=None, description="Goods the flow word implies")
    hs: str | None = Field(default=None, pattern=r"^\d{2}(\d{2}){0,2}$")


class ChangeRule(_SpanRule):
    label: Literal["CHANGE"]
    direction: Literal["up", "down"]
    form: Literal["verb", "noun", "adverb"]
    magnitude: bool = False


class BasisRule(_SpanRule):
    label: Literal["BASIS"]
    basis: Literal["year_on_year", "month_on_month", "quarter_on_quarter", "period_on_period"]


class QualifierRule(_SpanRule):
    label: Literal["QUALIFIER"]
    qualifier: Literal[
        "preliminary",
        "revised",
        "seasonally_adjusted",
        "annualized",
        "daily_average",
        "customs_cleared",
        "forecast",
    ]


class TopicRule(_SpanRule):
    label: Literal["TOPIC"]
    topic: str


class MarkerRule(_SpanRule):
    label: Literal["MARKER"]
    role: Literal["share", "threshold", "pace", "anaphor", "versus_expectation", "note"]


class PeriodRule(_SpanRule):
    label: Literal["PERIOD"]


class StreakRule(_SpanRule):
    label: Literal["STREAK"]
    kind: Literal["run", "first_in"] = "run"


class AgencyRule(_SpanRule):
    label: Literal["AGENCY"]
    name: str
    code: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class CurrencyRule(_Rule):
    label: Literal["CURRENCY"]
    pattern: str
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    kind: Literal["symbol", "code", "name"]
    candidates: list[str] = Field(default_factory=list)
    case_sensitive: bool = True


class ScaleRule(_Rule):
    label: Literal["SCALE"]
    pattern: str
    multiplier: float
    glued_only: bool = False


class UnitRule(_Rule):
    label: Literal["UNIT"]
    pattern: str
    unit: str
    entity: str
    kind: Literal["surface", "symbol", "counted"] = "surface"
    case_sensitive: bool = False


class BoundRule(_Rule):
    label: Literal["BOUND"]
    pattern: str
    bound: Literal["~", ">", "<"]


class FigureRule(_Rule):
    label: Literal["FIGURE"]
    kind: Literal["money", "percent", "percentage_point", "number", "quantity"]
    template: str
    priority: int = 0


class VagueAmountRule(_Rule):
    """A vague amount the mention layer reads as a range: "dozens of" is [12, 120]."""

    label: Literal["VAGUE_AMOUNT"]
    pattern: str
    low: float
    high: float


class FractionRule(_Rule):
    """A fraction word: "half" is 0.5, "two-thirds" 2/3 ("a third of those screened")."""

    label: Literal["FRACTION"]
    pattern: str
    value: float = Field(gt=0, lt=1)


class NumberedNameRule(_Rule):
    """A word that makes the number after it part of a name ("Game 7", "category 4")."""

    label: Literal["NUMBERED_NAME"]
    pattern: str


class FiscalYearRule(_Rule):
    label: Literal["FISCAL_YEAR"]
    code: str = Field(pattern=r"^[A-Z]{3}$")
    start_month: int = Field(ge=1, le=12)
    named_by: Literal["start", "end"]


class CountryCurrencyRule(_Rule):
    label: Literal["COUNTRY_CURRENCY"]
    code: str = Field(pattern=r"^[A-Z]{3}$")
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    until: date | None = Field(default=None, description="Last day the currency was in use")


class SuccessionRule(_Rule):
    """A country whose name stood for a former state before a date ("Moscow" in 1987)."""

    label: Literal["SUCCESSION"]
    code: str = Field(pattern=r"^[A-Z]{3}$")
    former: str = Field(pattern=r"^[A-Z]{3}$")
    until: date


Rule = Annotated[
    PlaceRule
    | CommodityRule
    | FlowRule
    | ChangeRule
    | BasisRule
    | QualifierRule
    | TopicRule
    | MarkerRule
    | PeriodRule
    | StreakRule
    | AgencyRule
    | CurrencyRule
    | ScaleRule
    | UnitRule
    | BoundRule
    | FigureRule
    | VagueAmountRule
    | FractionRule
    | NumberedNameRule
    | FiscalYearRule
    | CountryCurrencyRule
    | SuccessionRule,
    Field(discriminator="label"),
]
_RULE = TypeAdapter(Rule)

SPAN_LABELS = frozenset(
    {
        "PLACE",
        "COMMODITY",
        "FLOW",
        "CHANGE",
        "BASIS",
        "QUALIFIER",
        "TOPIC",
        "MARKER",
        "PERIOD",
        "STREAK",
        "AGENCY",
    }
)


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    loc = [str(part) for part in first["loc"]]
    # The discriminated union puts the label first in the location; drop it for readability.
    if len(loc) > 1 and loc[0].isupper():
        loc = loc[1:]
    return f"field {'.'.join(loc) or '<line>'}: {first['msg']}"


def load_rule_file(path: Path) -> list[tuple[int, Any]]:
    """Parse and validate one JSONL rule file, failing on the first bad line.

    Returns (line number, rule) pairs."""
    rules = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                raise PatternError(f"{path}:{number}: not valid JSON ({error.msg})") from None
            if not isinstance(raw, dict):
                raise PatternError(f"{path}:{number}: a rule must be a JSON object")
            if "label" not in raw:
                raise PatternError(f"{path}:{number}: field label: missing")
            try:
                rules.append((number, _RULE.validate_python(raw)))
            except ValidationError as error:
                raise PatternError(f"{path}:{number}: {_describe(error)}") from None
    return rules


class RuleSet:
    """All rules of a patterns folder, validated, with ids unique across files."""

    def __init__(self, folder: Path, rules: Iterable[Any]):
        self.folder = folder
        self.rules = list(rules)
        self.by_id = {rule.id: rule for rule in self.rules}

    @classmethod
    def load(cls, override: str | os.PathLike[str] | None = None) -> RuleSet:
        folder = patterns_dir(override)
        rules: list[Any] = []
        seen: dict[str, str] = {}
        files = sorted(folder.glob("*.jsonl"))
        if not files:
            raise PatternError(f"no *.jsonl rule files in {folder}")
        for path in files:
            for number, rule in load_rule_file(path):
                if rule.id in seen:
                    raise PatternError(
                        f"{path}:{number}: field id: {rule.id!r} is already defined at "
                        f"{seen[rule.id]}"
                    )
                seen[rule.id] = f"{path.name}:{number}"
                rules.append(rule)
        return cls(folder, rules)

    def of(self, label: str) -> list[Any]:
        return [rule for rule in self.rules if rule.label == label]

    @cached_property
    def span_rules(self) -> list[Any]:
        return [
            rule
            for rule in self.rules
            if rule.label in SPAN_LABELS and getattr(rule, "kind", None) != "city"
        ]
