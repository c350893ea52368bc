"""Pydantic records of the output contract: mentions, trade facts and their provenance."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Flow = Literal["export", "import", "balance", "total_trade"]
Granularity = Literal["day", "week", "month", "quarter", "half", "year", "range"]
Basis = Literal[
    "year_on_year", "month_on_month", "quarter_on_quarter", "period_on_period", "unspecified"
]
Bound = Literal["=", "~", ">", "<"]
Qualifier = Literal[
    "preliminary",
    "revised",
    "seasonally_adjusted",
    "annualized",
    "daily_average",
    "customs_cleared",
    "forecast",
    "comparison",
]
MentionKind = Literal["money", "percent", "number", "quantity", "period", "place", "commodity"]
PublishedSource = Literal["header", "dateline", "byline", "json", "cli", "inferred"]

QUALIFIER_ORDER: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Place(_Value):
    code: str = Field(description="ISO 3166-1 alpha-3, ISO 3166-3 former state, or group code")
    name: str = Field(description="Canonical English name")
    text: str = Field(description="Surface text in the document")


class Commodity(_Value):
    name: str = Field(description="Canonical commodity name")
    hs: str | None = Field(description="HS 2022 code prefix (2, 4 or 6 digits)")
    text: str = Field(description="Surface text in the document")


class Period(_Value):
    start: date = Field(description="First day, inclusive")
    end: date = Field(description="Last day, inclusive")
    granularity: Granularity
    text: str = Field(description="Surface text in the document")
    inferred: bool = Field(
        default=False,
        description="True when resolution rested on a publication date inferred from the text",
    )


class Value(_Value):
    amount: float = Field(description="Absolute amount, scale words applied; signed for balances")
    currency: str | None = Field(description="ISO 4217 code for money, else null")
    unit: str | None = Field(description="Unit of a volume (quantulum3 name or counted noun)")
    text: str
    bound: Bound = Field(default="=", description="'~' about, '>' more than, '<' less than")


class Change(_Value):
    percent: float = Field(description="Signed percent change; a fall is negative")
    basis: Basis
    text: str


class Streak(_Value):
    count: int = Field(description="Length of the run")
    unit: Literal["day", "week", "month", "quarter", "year"]
    text: str
    kind: Literal["run", "first_in"] = Field(
        default="run",
        description="'run': N periods in a row; 'first_in': the first such change in N periods",
    )


class Provenance(_Value):
    doc_id: str
    path: str | None = Field(description="Input file the article came from")
    sha256: str = Field(description="SHA-256 of the document text")
    sentence: str
    start: int = Field(description="Sentence start offset in the document text")
    end: int = Field(description="Sentence end offset in the document text")
    spans: dict[str, tuple[int, int]] = Field(
        description="Character offsets [start, end) of each field's text in the document"
    )
    rules: list[str] = Field(description="Pattern and rule ids that produced the fact")
    extractor: str


class TradeFact(_Value):
    id: str
    doc_id: str
    flow: Flow
    reporter: Place | None
    partner: Place | None
    commodity: Commodity | None
    period: Period | None
    value: Value | None
    change: Change | None
    streak: Streak | None
    qualifiers: list[Qualifier]
    source: str | None = Field(description="Agency credited for the data")
    confidence: float = Field(ge=0.0, le=1.0)
    provenance: Provenance


class Mention(_Value):
    doc_id: str
    kind: MentionKind
    text: str
    start: int
    end: int
    value: float | list[float] | list[str] | None = Field(
        description="Number, [low, high] range, or [start, end] ISO dates for periods"
    )
    unit: str | None = Field(
        description="ISO 4217 for money, 'percent', 'percentage_point', a unit name or counted "
        "noun, a place code, or an HS code"
    )
    direction: Literal["up", "down"] | None = None
    bound: Bound = "="
    rule: str
    name: str | None = Field(default=None, description="Canonical name of a place or commodity")


class ArticleResult(BaseModel):
    """Everything extracted from one article."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    path: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    facts: list[TradeFact] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    text: str = Field(default="", exclude=True, repr=False)
