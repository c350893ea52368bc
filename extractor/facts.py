"""Assembling trade facts: subjects, periods and figures of each frame, context inherited across
sentences, one record per subject, confidence and provenance."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property

from .figures import Figure
from .frames import (
    BACKWARD,
    OPENERS,
    Frame,
    Item,
    Slot,
    assign_roles,
    build_frames,
    ignored_regions,
    is_backward,
    is_comparison_period,
)
from .ingest import Document
from .models import (
    QUALIFIER_ORDER,
    Change,
    Commodity,
    Period,
    Place,
    Provenance,
    Streak,
    TradeFact,
    Value,
)
from .numbers import parse_count
from .periods import MONTHS, FiscalYear, Span, _months_between, resolve_period
from .pipeline import Annotation, Cue
from .resources import RuleSet
from .tables import Cell, read_tables, scaled

EXTRACTOR = "trade-fact-extractor 0.1.0"
# An aside listing examples after a figure: ", including steel and coking coal,"
_ASIDE_OPENING = re.compile(
    r"\s*(?:including|such as|notably|mainly|mostly|chiefly|largely|especially|led by)\s",
    re.IGNORECASE,
)
_PARTNER_PREPS = {
    "export": r"(?:to|into|toward|towards|bound for|destined for|for)",
    "import": r"(?:from|out of)",
    "balance": r"(?:with|against|vis-a-vis|vis-à-vis|toward|towards|to|from)",
    "total_trade": r"(?:with|between)",
}
# The speaker's own country: "his country's surplus", "our nation's exports".
_SPEAKER_COUNTRY = re.compile(
    r"\b(?:his|her|our|their)\s+(?:country|nation)(?:['’]s)?(?=\s)", re.IGNORECASE
)
_OFFICIAL_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:minister|president|premier|chancellor|secretary|"
    r"ambassador|official|officials|spokesman|spokeswoman|spokesperson|governor|envoy|leader|"
    r"negotiator|delegation)\b",
    re.IGNORECASE,
)
# "the import decrease (in May) was ...": a change word used as a noun
# "Japan's", "the United States'"
_POSSESSIVE = re.compile(r"\s*(?:['’]s\b|['’](?=\s))")
_FISCAL_ENDED = re.compile(
    r"\b(?:ended|ending|ends)\s+(?:on\s+)?("
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_REASON_CLAUSE = re.compile(
    r",?\s+(?:as|because|after|following|amid|despite|while|when|since|thanks\s+to|"
    r"(?:even\s+)?though|although|"
    r"due\s+to|reflecting|a\s+reflection\s+of|on\s+the\s+back\s+of|(?:mainly\s+|largely\s+)?"
    r"on\s+account\s+of|owing\s+to|driven\s+by|helped\s+by|led\s+by|fu?elled\s+by)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\bnot\s+|\bnon[\s-]?|\bun-?)$", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:said|says|reported|reports|quoted|added|noted|wrote|commented)\b", re.IGNORECASE
)
_NOUN_CHANGE_AFTER = re.compile(
    r"(?:\s+(?!and\b|while\b|but\b|as\b|whereas\b|by\b|to\b)[\w-]+){0,2}\s+"
    r"(?:was|were|is|are|has\s+been|had\s+been)\b",
    re.IGNORECASE,
)
_DRIVEN_BY = re.compile(
    r"\b(?:(?:driven|led|caused|dragged|pulled|pushed|boosted|weighed)\s+(?:down\s+|up\s+)?"
    r"(?:mainly\s+|mostly\s+|largely\s+|primarily\s+|chiefly\s+)?by|(?:mainly\s+|mostly\s+|"
    r"largely\s+)?(?:due|thanks|attributable|attributed)\s+to|because\s+of)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}$",
    re.IGNORECASE,
)
_COMPARES_OPENING = re.compile(
    r"\W*(?:this|that|these|those|it|which|the\s+(?:figure|figures|result|total|deficit|"
    r"surplus|balance))\s+(?:compares|compared|contrasts|contrasted)\s+(?:with|to|against)\b",
    re.IGNORECASE,
)
_WORTH_AFTER = re.compile(
    r"\s+(?:worth|valued\s+at|totall?ing|amounting\s+to|to\s+the\s+value\s+of)\b", re.IGNORECASE
)
_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_SHARE_OF_FLOW = re.compile(
    r"(?:\s+(?:products|goods|items))?\s+(?:made\s+up|accounted\s+for|comprised|represented)"
    r"\s+[^;:.()%]{1,30}?\s+of\s+(?:the\s+|total\s+|all\s+|its\s+)?",
    re.IGNORECASE,
)
_RELATIVE_FLOW = re.compile(
    r"\s*,\s*(?:where|whose|for\s+which|in\s+which)\s+(?:the\s+|their\s+|its\s+)?",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER = re.compile(
    r"\s+(?:more|less|higher|lower|fewer|above|below)\s+than\b(?!\s+(?:\w+\s+){0,2}"
    r"(?:years?|months?|weeks?|days?|times)\b)",
    re.IGNORECASE,
)
_ROLE_PARTNER = re.compile(
    r"\s+(?:to|from|with)\s+(?:its|their|the\s+country's|[A-Z][\w.]*['’]s)\s+"
    r"(?:(?:biggest|largest|main|top|leading|single\s+largest|most\s+important|key|second-"
    r"(?:biggest|largest))\s+)(?:customer|market|buyer|trading\s+partner|destination|"
    r"export\s+market|supplier|source\s+of\s+imports)\b"
    # "its deficit with the island", "exports to the kingdom": a country named before
    r"|\s+(?:to|from|with)\s+the\s+(?:island|kingdom|republic|emirate|sultanate|city-state|"
    r"territory)\b(?!\s+of\b)"
)
_ROLE_BEFORE = re.compile(
    r"\b(?:to|from|with)\s+(?:its|their|the\s+country's|[A-Z][\w.]*['’]s)\s+(?:[\w-]+\s+){0,2}$"
)
_PRONOUN_OPENING = re.compile(r"\s*(?:They|It)\s+(?!is\b|was\b|said\b|says\b)[a-z]+")
_EXPECTED_AFTER = re.compile(
    r"\s*,?\s+(?:that|which)\s+(?:[\w-]+\s+){0,6}?(?:had\s+|have\s+|has\s+)?"
    r"(?:expected|forecast|forecasted|predicted|projected|anticipated|pencilled\s+in|penciled\s+in)\b",
    re.IGNORECASE,
)
_ALONE_AFTER = re.compile(r",?\s+alone\b", re.IGNORECASE)
_FIGURES_FOR = re.compile(
    r"\b(?:numbers|figures|data|results|statistics)\s+(?:for|of)\s+(?:the\s+month\s+of\s+)?$",
    re.IGNORECASE,
)
_COMPARATOR_WORD = re.compile(
    r"\b(?:from|against|versus|vs|compared|than|after|following|over|above|below)\b",
    re.IGNORECASE,
)
_NOT_REPORTER_BEFORE = re.compile(
    r"\b(?:to|from|with|between|in|into|for|of|on|at|by|than|over|against|toward|towards|"
    r"including|like|such as|among|via|through|across|bound for|destined for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AGENCY_OF = re.compile(
    r"\b(?:Bank|Institute|Office|Ministry|Department|Bureau|Authority|Agency|Service|"
    r"Administration|Customs)\s+of\s+(?:the\s+)?$"
)
_PARTNER_ROLE = re.compile(
    r"\b(?:destination|market|buyer|customer|client|source|supplier|origin|trading partner|"
    r"partner)s?\b",
    re.IGNORECASE,
)
_ANAPHORIC_PARTNER = re.compile(
    r"\b(?:to|from|with)\s+(?:those|these|that|the same|this)\s+(?:countries|nations|"
    r"markets|economies|bloc|region|country|group|destinations)\b|\bthere\b|"
    r"\b(?:to|from|with)\s+the\s+(?:rest\s+of\s+the\s+)?(?:bloc|island|community|country)\b",
    re.IGNORECASE,
)
# Places in a list are separated; adjacent ones ("Mid-East Gulf states") name one place.
# The start of a clause before its subject: "", "The ", "On the import side, the "
_CLAUSE_OPENING = re.compile(
    r"\s*(?:(?:on|in)\s+the\s+(?:import|export)s?\s+side\s*,\s*)?(?:the\s+)?", re.IGNORECASE
)
# A verb linking goods to a predicate that names the flow: "was the star performer, with",
# "remained the top export", "accounted for"
_COPULAR_PREDICATE = re.compile(
    r"(?:\s+(?:products|goods|items|thereof))?\s+(?:was|were|is|are|remained|remain|remains|"
    r"stayed|became|accounted\s+for|account\s+for|made\s+up|topped|led)\b[^;:.()]{0,70}$"
    # "The automotive sector made the largest positive contribution in September, with
    # foreign sales rising 9.8%"
    # "Rice was the weak spot: sales abroad slumped 26.4 percent"
    r"|\s+(?:was|were|is|are|remained|stayed|proved)\b[^;:.()]{0,60}:\s*(?:its\s+|their\s+|the\s+)?$"
    r"|(?:\s+(?:sector|industry|group))?\s+(?:made|contributed|posted|recorded|saw|"
    r"registered|drove|was\s+among)\b[^;:.()]{0,110},\s+with\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_EXCLUSION = re.compile(r"(?:excluding|exclude|excludes|excluded|stripping|strip|minus)\b", re.I)
# Between a flow and its exclusion: "exports of traditional goods, which", "exports, that is
# exports of goods"
_EXCLUSION_GAP = re.compile(
    r"\s*(?:,\s*(?:that is|i\.e\.|namely)\s+[\w-]+\s+)?(?:of\s+[\w\s-]{0,40}?)?\s*"
    r"(?:,\s*(?:(?:which|that)\s*)?)?",
    re.IGNORECASE,
)
# Cells of a plain-text table row, set apart by runs of spaces
_TABLE_CELLS = re.compile(r"\S[ \t]{3,}[-+\u2212]?\d[\d,.]*%?[ \t]*$", re.MULTILINE)
# A table heading: a few words, no sentence punctuation at the end
_HEADING = re.compile(r"[^.!?:;\n]{3,80}?(?:\([^()\n]{1,40}\))?", re.IGNORECASE)
# A place naming an agreement, talks or ties, not a trading country
_PLACE_MODIFIES_NOUN = re.compile(
    r"['’]?\s*(?:(?:free[\s-]trade|trade|economic|comprehensive|bilateral|chip|steel|"
    r"textile)\s+)*(?:agreement|deal|pact|accord|cepa|fta|treaty|talks|summit|partnership|"
    r"relations|ties|dispute|war|negotiations)\b",
    re.IGNORECASE,
)
# The date of an event, not of a figure: "the agreement signed in 1985"
_EVENT_DATE = re.compile(
    r"\b(?:signed|agreed|concluded|struck|set\s+up|established|adopted|launched|introduced|"
    r"imposed|founded|enacted|ratified|took\s+effect|came\s+into\s+force)\s+(?:in|on|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(
    r"^\s*(?:,|and|or|&|as well as|plus)\s*(?:,\s*and|and)?\s*(?:the\s+)?$", re.IGNORECASE
)
MEASURE_QUALIFIERS = ("daily_average", "seasonally_adjusted", "forecast", "comparison")
ARTICLE_QUALIFIERS = ("preliminary", "customs_cleared")
# A single day ("July 5") dates an announcement, not the period of a trade figure.
_SINGLE_DAYS = {
    "period.month_day",
    "period.month_day_year",
    "period.day_month",
    "period.day_month_year",
}
_DATED_RANGES = {"period.dated_range", "period.dated_range_day_first"}
_BASIS_MONTHS = {"year_on_year": 12, "month_on_month": 1, "quarter_on_quarter": 3}
_TIME_UNITS = {
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "monthly": "month",
    "quarterly": "quarter",
    "annual": "year",
    "yearly": "year",
}


class ReferenceTables:
    """Lookups over the rule set that assembly needs: places by text, fiscal years, currencies."""

    def __init__(self, rules: RuleSet):
        self.place_by_text = {}
        for rule in rules.of("PLACE"):
            if isinstance(rule.pattern, str):
                self.place_by_text.setdefault(rule.pattern.lower(), rule)
        self.fiscal = {
            r.code: FiscalYear(r.start_month, r.named_by) for r in rules.of("FISCAL_YEAR")
        }
        self._currencies: dict[str, list] = {}
        for rule in rules.of("COUNTRY_CURRENCY"):
            self._currencies.setdefault(rule.code, []).append(rule)
        self.successions = {r.code: r for r in rules.of("SUCCESSION")}
        self.former_names = {r.code: r.name for r in rules.of("PLACE") if r.kind == "former"}

    def currency_of(self, code: str | None, on: date | None) -> str | None:
        """The currency a country used on a date (the mark before the euro)."""
        rules = sorted(self._currencies.get(code or "", []), key=lambda r: r.until or date.max)
        for rule in rules:
            if rule.until is None or (on is not None and on <= rule.until):
                return rule.currency
        return None

    def as_of(self, place: Place, on: date | None) -> Place:
        """The place as named at the time: Moscow in 1987 speaks for the Soviet Union."""
        rule = self.successions.get(place.code)
        if rule is None or on is None or on > rule.until:
            return place
        return Place(
            code=rule.former, name=self.former_names.get(rule.former, place.name), text=place.text
        )

    def place(self, text: str):
        cleaned = re.sub(r"\s+", " ", text.strip().lower())
        return self.place_by_text.get(cleaned) or self.place_by_text.get(cleaned.title().lower())


@dataclass(slots=True)
class Ref:
    """A field value with the text and span it came from, and whether it was inherited."""

    value: object
    text: str
    span: tuple[int, int] | None
    rule: str
    inherited: bool = False


@dataclass(slots=True)
class Subject:
    flow: str
    flow_ref: Ref
    reporter: Ref | None = None
    partner: Ref | None = None
    commodity: Ref | None = None
    inherited_flow: bool = False
    reporter_stated: bool = False


@dataclass(slots=True)
class Draft:
    """A fact under construction."""

    subject: Subject
    sentence: tuple[int, int]
    period: Ref | None = None
    value: Ref | None = None
    change: Ref | None = None
    streak: Ref | None = None
    qualifiers: set[str] = field(default_factory=set)
    source: Ref | None = None
    rules: list[str] = field(default_factory=list)
    anchor: tuple[int, int] = (0, 0)
    currency_carried: bool = False

    def key(self) -> tuple:
        s = self.subject
        return (
            s.flow,
            s.reporter.value.code if s.reporter else None,
            s.partner.value.code if s.partner else None,
            (s.commodity.value.hs or s.commodity.value.name) if s.commodity else None,
            (self.period.value.start, self.period.value.end) if self.period else None,
            tuple(sorted(q for q in self.qualifiers if q in MEASURE_QUALIFIERS)),
        )


@dataclass
class ArticleContext:
    """What a reader remembers while reading an article."""

    document: Document
    annotation: Annotation
    tables: ReferenceTables
    published: date | None
    published_inferred: bool
    default_reporter: Ref | None = None
    reference: Ref | None = None
    last_basis: str | None = None
    last_currency: str | None = None
    explicit_currencies: list[str] = field(default_factory=list)
    last_subject: Subject | None = None
    sentence_subject: Subject | None = None
    last_pair: Ref | None = None
    recent_reporter: Ref | None = None
    article_qualifiers: set[str] = field(default_factory=set)
    stated_fiscal: FiscalYear | None = None  # "the 1986/87 fiscal year ended March 31"
    source: Ref | None = None
    drafts: list[Draft] = field(default_factory=list)
    period_resolutions: dict[int, Span] = field(default_factory=dict)
    # the last period named outright for each granularity, for "in the quarter"
    named_periods: dict[str, Span] = field(default_factory=dict)
    main_reporter: str | None = None  # whose period the main reference is
    bullet_sentence: int = -2  # the last sentence that was a bulleted line
    # the subject of a figure-less sentence, for a pronoun opening the next one
    pronoun_subject: tuple[int, Subject] | None = None
    # a cumulative period whose parts proved too big for the month: breakdowns are of it
    breakdown_reference: Ref | None = None
    consumed_periods: set[int] = field(default_factory=set)
    main_reference: Ref | None = None  # the first period the article reports on
    # in a roundup, the first period reported for each country
    main_by_reporter: dict[str, Ref] = field(default_factory=dict)
    # the first period the article names at all, even of another topic ("the February
    # current account deficit"): the time of a trade figure that states none
    opening_reference: Ref | None = None
    reference_sentence: int = -1
    headline_reference: bool = False  # the main reference came from a title line
    # the goods every fact so far was about ("a story on wine"), and how many facts
    article_goods: Ref | None = None
    goods_count: int = 0
    goods_broken: bool = False
    goods_reporter: Ref | None = None
    # cells of plain-text tables by figure offset: their column's period and unit
    table_cells: dict[int, Cell] = field(default_factory=dict)
    # the last sentence that gave figures of the current account, not of goods trade
    account_sentence: int = -10
    sentence_index: int = 0
    last_fact_sentence: int = -10

    @cached_property
    def text(self) -> str:
        return self.document.text


def _place_ref(cue: Cue, *, inherited: bool = False) -> Ref:
    rule = cue.rule
    return Ref(
        Place(code=rule.code, name=rule.name, text=cue.text),
        cue.text,
        (cue.start, cue.end),
        rule.id,
        inherited,
    )


def _commodity_ref(cue: Cue) -> Ref:
    rule = cue.rule
    return Ref(
        Commodity(name=rule.name, hs=rule.hs, text=cue.text),
        cue.text,
        (cue.start, cue.end),
        rule.id,
    )


def _gap(text: str, left: int, right: int) -> str:
    return text[left:right] if right > left else ""


def _items_for(annotation: Annotation, start: int, end: int) -> list[Item]:
    items = [
        Item(c.label, c.start, c.end, cue=c)
        for c in annotation.cues
        if start <= c.start
        and c.end <= end
        # "not seasonally adjusted", "non-seasonally adjusted": the qualifier denied
        and not (
            c.label == "QUALIFIER"
            and _NEGATED.search(annotation.text, max(0, c.start - 6), c.start)
        )
    ]
    items += [
        Item("FIG", f.start, f.end, figure=f)
        for f in annotation.figures
        if start <= f.start
        and f.end <= end
        # "the 10-member Association of Southeast Asian Nations": a size, not a figure
        and not _GROUP_SIZE.match(annotation.text, f.end)
    ]
    items.sort(key=lambda i: (i.start, -i.end))
    return items


_GROUP_SIZE = re.compile(r"-(?:member|nation|country|state)\b", re.IGNORECASE)


# ----------------------------------------------------------------------------- article level


def _default_reporter(ctx: ArticleContext) -> Ref | None:
    """The country whose trade the article is about when a sentence does not say."""
    text = ctx.text
    cues = ctx.annotation.cues
    votes: Counter[str] = Counter()
    first: dict[str, Cue] = {}
    for index, cue in enumerate(cues):
        if cue.label != "FLOW" or cue.rule_id.endswith(".supplied"):
            continue  # "China supplied ...": the supplier, not the country reporting
        for back in range(index - 1, max(-1, index - 4), -1):
            other = cues[back]
            if other.label == "PLACE" and other.rule.kind != "group" and cue.start - other.end < 40:
                gap = _gap(text, other.end, cue.start)
                if (
                    (
                        re.match(r"['’]s\b", gap)
                        or other.rule.kind == "demonym"
                        or re.fullmatch(r"[\s-]*(?:[\w-]+\s+){0,2}", gap)
                    )
                    and not re.search(r"\b(?:was|were|is|are|has|had|remained|became)\b", gap)
                    and not _NOT_REPORTER_BEFORE.search(
                        text[max(0, other.start - 30) : other.start]
                    )
                    and not re.search(r"\b(?:to|from|with|and|than|between)\b", gap)
                ):
                    votes[other.rule.code] += 1
                    first.setdefault(other.rule.code, other)
                break
            if other.label in ("FLOW", "TOPIC") or other.label == "PERIOD":
                continue
    if votes:
        code = max(votes, key=lambda c: (votes[c], -first[c].start))
        return _place_ref(first[code], inherited=True)
    if ctx.document.dateline_place:
        start, end = ctx.document.dateline_place
        rule = ctx.tables.place(text[start:end])
        if rule is not None:
            return Ref(
                Place(code=rule.code, name=rule.name, text=text[start:end]),
                text[start:end],
                (start, end),
                rule.id,
                True,
            )
    for cue in cues:
        if cue.label == "AGENCY" and cue.rule.code:
            code = cue.rule.code
            place = next(
                (
                    r
                    for r in ctx.tables.place_by_text.values()
                    if r.code == code and r.kind == "country"
                ),
                None,
            )
            if place is not None:
                return Ref(
                    Place(code=code, name=place.name, text=cue.text),
                    cue.text,
                    (cue.start, cue.end),
                    cue.rule.id,
                    True,
                )
    # Else the country named most, leaving out partners ("exports to the USA", "trade with
    # the UK refers to Great Britain and Northern Ireland").
    countries: Counter[str] = Counter()
    skipped_end = -1
    for cue in cues:
        if cue.label != "PLACE" or cue.rule.kind == "group":
            continue
        before = text[max(0, cue.start - 30) : cue.start]
        listed = skipped_end >= 0 and re.fullmatch(
            r"\s*(?:,|and|or|&)\s*(?:the\s+)?", text[skipped_end : cue.start]
        )
        if _NOT_REPORTER_BEFORE.search(before) or listed:
            skipped_end = cue.end
            continue
        skipped_end = -1
        countries[cue.rule.code] += 1
    if not countries:
        countries = Counter(
            c.rule.code for c in cues if c.label == "PLACE" and c.rule.kind != "group"
        )
    if countries:
        code = countries.most_common(1)[0][0]
        cue = next(c for c in cues if c.label == "PLACE" and c.rule.code == code)
        return _place_ref(cue, inherited=True)
    return None


def _qualifies_other_topic(annotation: Annotation, qualifier: Cue) -> bool:
    """ "INSEE's flash estimate put GDP growth at 0.5%": the qualifier is about another
    statistic when the nearest subject word in its sentence names one."""
    sentence = next(((a, b) for a, b in annotation.sentences if a <= qualifier.start < b), None)
    if sentence is None:
        return False
    subjects = [
        c
        for c in annotation.cues
        if c.label in ("FLOW", "TOPIC") and sentence[0] <= c.start < sentence[1]
    ]
    if not subjects:
        return False

    def distance(cue: Cue) -> int:
        return (
            cue.start - qualifier.end if cue.start >= qualifier.end else qualifier.start - cue.end
        )

    nearest = min(subjects, key=distance)
    return nearest.label == "TOPIC"


def _article_qualifiers(ctx: ArticleContext) -> set[str]:
    found = set()
    annotation = ctx.annotation
    for cue in annotation.cues:
        if (
            cue.label == "QUALIFIER"
            and cue.rule.qualifier in ARTICLE_QUALIFIERS
            and not _qualifies_other_topic(annotation, cue)
        ):
            found.add(cue.rule.qualifier)
    for start, end in annotation.sentences:
        inside = [c for c in annotation.cues if start <= c.start < end]
        has_figure = any(start <= f.start < end for f in annotation.figures)
        if not has_figure and any(
            c.label == "QUALIFIER" and c.rule.qualifier == "seasonally_adjusted" for c in inside
        ):
            found.add("seasonally_adjusted")
    return found


_REPORTING = re.compile(
    r"\b(?:said|says|showed|shows|reported|reports|announced|released|"
    r"published|according to|data from|figures from|compiled by|"
    r"released by|estimates?)\b",
    re.IGNORECASE,
)


def _specific(cue: Cue) -> bool:
    """A named agency ("General Administration of Customs", "INEGI"), not "customs data"."""
    return (
        cue.rule.code is not None
        or cue.rule.id.startswith("agency.named.")
        or (cue.text[:1].isupper() and not cue.rule.id.startswith("agency.generic."))
    )


def _source_ref(cue: Cue, *, inherited: bool) -> Ref:
    return Ref(_clean_source(cue.text), cue.text, (cue.start, cue.end), cue.rule.id, inherited)


def _article_source(ctx: ArticleContext) -> Ref | None:
    """The agency the article credits: the first specific one, else the first named."""
    agencies = [c for c in ctx.annotation.cues if c.label == "AGENCY"]
    if not agencies:
        return None
    specific = [c for c in agencies if _specific(c)]
    return _source_ref((specific or agencies)[0], inherited=True)


def _sentence_source(ctx: ArticleContext, sentence: tuple[int, int]) -> Ref | None:
    """The agency credited in the sentence ("..., the Commerce Department said"), preferring a
    specific one near a reporting verb; a generic "customs data" defers to the article's."""
    text = ctx.text
    agencies = [
        c
        for c in ctx.annotation.cues
        if c.label == "AGENCY" and sentence[0] <= c.start < sentence[1]
    ]
    if not agencies:
        return ctx.source

    def near_verb(cue: Cue) -> bool:
        around = text[max(sentence[0], cue.start - 40) : min(sentence[1], cue.end + 25)]
        return bool(_REPORTING.search(around))

    ranked = sorted(agencies, key=lambda c: (not _specific(c), not near_verb(c), c.start))
    best = ranked[0]
    if not _specific(best) and ctx.source is not None:
        return ctx.source
    return _source_ref(best, inherited=False)


def _clean_source(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def infer_published(
    annotation: Annotation, *, dateline_day: tuple[int, int] | None = None
) -> date | None:
    """A publication date guessed from the latest explicit (year-bearing) period in the text."""
    latest: date | None = None
    years: list[int] = []
    for cue in annotation.cues:
        if cue.label != "PERIOD" or cue.rule_id == "period.part_of_fiscal_year":
            continue  # where a fiscal year starts depends on whose it is
        span = resolve_period(cue.text, published=None)
        if span is None or span.relative_to is not None:
            continue
        if span.granularity == "year":
            years.append(span.end.year)
            continue
        if latest is None or span.end > latest:
            latest = span.end
    if latest is None and years:
        latest = date(max(years), 12, 31)
    if latest is None:
        return None
    if dateline_day is not None:
        month, day = dateline_day
        for year in (latest.year, latest.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate > latest:
                return candidate
    return latest + timedelta(days=1)


# ----------------------------------------------------------------------------- subjects


def _copular_goods_subject(
    text: str, sentence: tuple[int, int], pre: list[Item], head: Item
) -> Item | None:
    """Goods opening the sentence as the subject of a verb whose predicate holds the flow
    word: "Non-monetary gold was the star performer, with exports surging ...", "Electronics,
    computers and components were the top export earner at ...", "Vehicles accounted for
    imports of ...". The first goods of a list stand for it."""
    goods = [i for i in pre if i.kind == "COMMODITY"]
    if not goods or not _CLAUSE_OPENING.fullmatch(text, sentence[0], goods[0].start):
        return None
    last = goods[0]
    for following in goods[1:]:
        if not _LIST_GAP.match(_gap(text, last.end, following.start)):
            break
        last = following
    gap = _gap(text, last.end, head.start)
    if _SHARE_OF_FLOW.fullmatch(gap):
        # "Electronic products made up US$512 million of the shipments to the US"
        return goods[0]
    if any(i.kind in ("FIG", "PLACE", "CHANGE") and last.end <= i.start for i in pre):
        return None
    return goods[0] if _COPULAR_PREDICATE.match(gap) else None


_SECTION_AFTER = re.compile(r"\s*(?:side|front)\b", re.IGNORECASE)


def _subject(ctx: ArticleContext, frame: Frame, sentence: tuple[int, int]) -> list[Subject] | None:
    """The subject(s) of a frame; several when places, goods or flows are coordinated."""
    text = ctx.text
    flows = frame.flows
    if not flows:
        return None
    if (
        len(flows) > 1
        and flows[1].rule.flow == flows[0].rule.flow
        and _SECTION_AFTER.match(text, flows[0].end)
    ):
        # "On the import side, purchases of chipmaking equipment climbed": the section heading
        # names the flow; the subject is the phrase after it
        flows = flows[1:]
    head = flows[0]
    flow = head.rule.flow
    for candidate in flows:
        if candidate.rule.flow != flow:
            break
    flow_list = []
    for candidate in flows:
        if candidate.rule.flow not in [f.rule.flow for f in flow_list]:
            flow_list.append(candidate)
    first_strong = next(
        (
            i
            for i in frame.items
            if i.start > head.start
            and (
                i.kind == "FIG"
                or (
                    i.kind == "CHANGE"
                    and i.rule.form == "verb"
                    # "the import decrease was driven by ...": a noun, the subject goes on
                    and not _NOUN_CHANGE_AFTER.match(text, i.end)
                )
                or (i.kind == "MARKER" and i.rule.role == "pace")
            )
        ),
        None,
    )
    limit = first_strong.start if first_strong else frame.end
    pre = [i for i in frame.items if i.end <= head.start and i is not head]
    post = [i for i in frame.items if head.end <= i.start < limit and i is not head]
    verb_flow = head.rule.form == "verb"
    if verb_flow:
        post = [i for i in frame.items if i.start >= head.end]

    reporter: Ref | None = None
    partners: list[Ref] = []
    commodities: list[Ref] = []

    # Before the flow cue: "Japan's", "Japanese car", "U.S.", "Tokyo increased its".
    pre_places = [i for i in pre if i.kind == "PLACE"]
    # "... the U.S. purchases were to reduce his country's surplus": the speaker's country
    # owns the flow, not the places named before the possessive.
    speaker_base = max(pre_places[-1].end if pre_places else sentence[0], head.start - 60)
    speaker = _SPEAKER_COUNTRY.search(text[speaker_base : head.start])
    speaker_place = None
    if speaker is not None:
        # "Peru's trade minister said ... his country's": the official's country
        speaker_place = next(
            (
                c
                for c in ctx.annotation.cues
                if c.label == "PLACE"
                and sentence[0] <= c.start
                and c.end <= speaker_base + speaker.start()
                and _OFFICIAL_AFTER.match(text[c.end : c.end + 40])
            ),
            None,
        )
        pre_places = []
    for item in reversed(pre_places):
        before = text[max(sentence[0], item.start - 30) : item.start]
        after = _gap(text, item.end, head.start)
        # "China remained the largest export destination", "the biggest source of imports"
        role = f"{after} {head.cue.text}" if head.rule.form == "role" else after
        if _PARTNER_ROLE.search(role) and not _POSSESSIVE.match(after):
            if not any(p.value.code == item.cue.rule.code for p in partners):
                partners.append(_place_ref(item.cue))
            continue
        # "In Indonesia, the trade surplus ...": a locative opening the sentence
        if re.fullmatch(
            r"\s*(?:in|for)\s+(?:the\s+)?", text[sentence[0] : item.start], re.IGNORECASE
        ) and re.match(r"\s*,", after):
            reporter = reporter or _place_ref(item.cue)
            continue
        if (
            flow == "export"
            and item.cue.rule.kind == "demonym"
            and re.fullmatch(r"[\s\w,-]{0,40}", after)
            and not any(i.kind == "PLACE" and item.end <= i.start for i in pre)
        ):
            # "destinations for Egyptian non-oil exports": whose exports, not where to
            reporter = reporter or _place_ref(item.cue)
            continue
        if re.search(
            rf"\b{_PARTNER_PREPS[flow]}\s+(?:the\s+|its\s+)?$", before, re.IGNORECASE
        ) and not _POSSESSIVE.match(after):
            # "and with Canada the deficit decreased", "to China, exports rose"; not "the
            # increase was due to Taiwan's growing trade surplus"
            if not any(p.value.code == item.cue.rule.code for p in partners):
                partners.append(_place_ref(item.cue))
            continue
        if _PLACE_MODIFIES_NOUN.match(text, item.end):
            continue  # "the UAE-India CEPA came into force", "the U.S.-Japan chip accord"
        if re.match(r"-bound\b", text[item.end : item.end + 8], re.IGNORECASE):
            # "China-bound exports", "U.S.-bound shipments": where they go
            if flow in ("export", "balance") and not any(
                p.value.code == item.cue.rule.code for p in partners
            ):
                partners.append(_place_ref(item.cue))
            continue
        if (
            re.search(r"\b(?:its|their)\s", after, re.IGNORECASE)
            and not re.fullmatch(r"\s*(?:and|or|,)?\s*(?:its|their)\s.*", after, re.IGNORECASE)
            and not re.match(
                r"(?:['’]s)?\s*(?:,[^,]*,\s*)?(?:said|says|reported|announced|expects?|hopes?|"
                r"wants?|plans?|aims?|has|had|have|is|was|were|will|would|could|may|must|"
                r"needs?|tries|tried|managed|is\s+trying|vowed|pledged)\b",
                after,
                re.IGNORECASE,
            )
        ):
            # "under growing U.S. pressure to cut its 1986 surplus": the pronoun, not the
            # place before it, owns the flow
            continue
        if (
            _NOT_REPORTER_BEFORE.search(before)
            and not (
                _POSSESSIVE.match(after)
                and re.search(r"\b(?:of|in|for|on|at|by)\s+(?:the\s+)?$", before, re.IGNORECASE)
            )
            # "the Central Bank of Ecuador showed the country's trade balance": the agency's
            # country is the one "the country" means
            and not (
                _AGENCY_OF.search(before)
                and re.search(r"\b(?:the\s+country|the\s+nation)['’]s\s", after, re.I)
            )
        ):
            continue  # not "a reduction of France's trade shortfall"
        between = [i for i in pre if item.end <= i.start and i.kind == "COMMODITY"]
        is_demonym = item.cue.rule.kind == "demonym"
        possessive = bool(_POSSESSIVE.match(after))
        home = ctx.default_reporter.value.code if ctx.default_reporter else None
        if (
            between
            and is_demonym
            and flow == "import"
            and not possessive
            and item.cue.rule.code != home
        ):
            partners.append(_place_ref(item.cue))  # "Japanese car imports" in a US story
            continue
        if reporter is None:
            reporter = _place_ref(item.cue)
            reporter.rule = f"{reporter.rule}"
    if speaker is not None and reporter is None and (speaker_place or ctx.default_reporter):
        home = _place_ref(speaker_place).value if speaker_place else ctx.default_reporter.value
        reporter = Ref(
            Place(code=home.code, name=home.name, text=speaker.group(0)),
            speaker.group(0),
            (speaker_base + speaker.start(), speaker_base + speaker.end()),
            "reporter.speaker_country",
            False,
        )
    # "trade between A and B", "A-B trade": a pair of places.
    if flow == "total_trade":
        pair = _place_pair(text, head, pre_places, [i for i in post if i.kind == "PLACE"])
        if pair is not None:
            first_ref, second_ref = _place_ref(pair[0].cue), _place_ref(pair[1].cue)
            main = ctx.default_reporter.value.code if ctx.default_reporter else None
            if second_ref.value.code == main and first_ref.value.code != main:
                first_ref, second_ref = second_ref, first_ref
            reporter, partners = first_ref, [second_ref]
    # Commodities just before the flow cue: "car exports", "Semiconductor shipment".
    for item in pre:
        if item.kind == "COMMODITY":
            after = _gap(text, item.end, head.start)
            rest = [
                i
                for i in pre
                if i.start >= item.end
                and i.kind not in ("COMMODITY", "PLACE", "QUALIFIER")
                # "Farm and food trade showed a two billion franc surplus"
                and not (i.kind == "FIG" and re.fullmatch(r"[\s-]*", _gap(text, i.end, head.start)))
            ]
            if _SPEAKER_AFTER.match(text, item.end):
                continue  # "the paper said": a newspaper, not goods
            if verb_flow:
                after = re.sub(r"^\s*,[^,;:.]{1,80},", " ", after)  # "Coffee, the top export,"
            if (
                not rest
                and len(after) < 40
                and not re.search(r"[,;:.]|\b(?:to|from|with)\b", after)
            ):
                commodities.append(_commodity_ref(item.cue))
    if not commodities:
        subject_goods = _copular_goods_subject(text, sentence, pre, head)
        if subject_goods is not None:
            ref = _commodity_ref(subject_goods.cue)
            if _SHARE_OF_FLOW.fullmatch(text, subject_goods.end, head.start):
                ref = replace(ref, rule=f"{ref.rule}+part_of_flow")
            commodities.append(ref)
    # After the flow cue: "to China and the EU", "of passenger cars", "from Russia".
    preps = _PARTNER_PREPS[flow]
    previous_end = head.end
    trailing = re.search(r"\b(?:to|into|from|with)$", head.cue.text, re.IGNORECASE)
    if trailing and not head.synthetic:
        previous_end = head.cue.start + trailing.start()  # "sales to China"
    mode = None
    seen_figure = False
    aside = False
    # "On the import side, fuels and lubricants amounted to ...": the goods open the clause
    section = re.match(r"\s*(?:side|front)\s*,\s*(?:the\s+)?", text[head.end : head.end + 30])
    if section is not None and not head.synthetic:
        previous_end = head.end + section.end()
    for item in post:
        gap = _gap(text, previous_end, item.start)
        if section is not None and item.kind == "COMMODITY" and previous_end == item.start:
            commodities.append(_commodity_ref(item.cue))
            mode = "commodity"
            previous_end = item.end
            section = None
            continue
        section = None
        if item.kind == "FLOW" and re.fullmatch(
            r"\s*,\s*(?:that is|i\.e\.|namely)\s*", gap, re.IGNORECASE
        ):
            previous_end = item.end  # "Mainland exports, that is exports of goods excluding"
            continue
        if (
            item.kind == "COMMODITY"
            and item.cue.rule.name.startswith("non-")
            and _EXCLUSION.match(item.cue.text)
            and _EXCLUSION_GAP.fullmatch(gap)
        ):
            # "The trade deficit excluding energy and gold", "exports, which exclude oil"
            if not any(c.value.name == item.cue.rule.name for c in commodities):
                commodities.append(_commodity_ref(item.cue))
            previous_end = item.end
            continue
        if aside:
            # "sold 428 mln dlrs' worth of goods, including steel and coal, to India": the
            # examples are skipped; the phrase after them goes on
            if "," not in gap:
                previous_end = item.end
                continue
            aside = False
            gap = gap[gap.rfind(",") + 1 :]
            if not re.match(rf"\s*{_PARTNER_PREPS[flow]}\b", gap, re.IGNORECASE):
                break
        elif (
            verb_flow
            and seen_figure
            and "," in gap
            and _ASIDE_OPENING.match(gap[gap.rfind(",") + 1 :])
        ):
            aside = True
            previous_end = item.end
            continue
        if (
            re.search(r"[,;(]", gap)
            and not _LIST_GAP.match(gap)
            and not (mode == "partner" and re.fullmatch(r"\s*,\s*(?:and\s+)?(?:the\s+)?", gap))
        ):
            if verb_flow and not seen_figure:
                previous_end = item.end
                continue
            break  # the subject phrase ended: "..., involving swaps of agricultural produce"
        if item.kind == "FIG":
            seen_figure = True
        if item.kind == "PLACE":
            if head.rule.form == "role" and re.search(
                r"\b(?:for|of)\s+(?:the\s+)?$", gap, re.IGNORECASE
            ):
                # "the largest market for Cambodian products": whose goods they are; goods
                # right after it are the fact's ("the largest buyer of Norwegian seafood")
                reporter = reporter or _place_ref(item.cue)
                mode = "commodity"
            elif (
                trailing
                and flow == "export"
                and trailing.group(0).lower() == "from"
                and re.search(r"\bfrom\s+(?:the\s+)?$", gap, re.IGNORECASE)
            ):
                # "earnings from Latin America": the market the receipts come from
                if not any(p.value.code == item.cue.rule.code for p in partners):
                    partners.append(_place_ref(item.cue))
                mode = "partner"
            elif re.search(
                rf"\b{preps}\s+(?:the\s+|its\s+|their\s+|other\s+)?"
                rf"(?:(?:[\w-]+\s+){{0,3}}(?:of|in)\s+(?:the\s+)?|"
                rf"(?:[a-z0-9][\w-]+\s+){{0,2}})$",
                gap,
            ) or (mode == "partner" and _LIST_GAP.match(gap)):
                if not any(p.value.code == item.cue.rule.code for p in partners):
                    partners.append(_place_ref(item.cue))
                mode = "partner"
            elif (
                item.cue.rule.kind != "group"
                and not trailing
                and (
                    flow == "export"
                    and re.search(r"\bfrom\s+(?:the\s+)?$", gap, re.IGNORECASE)
                    or flow == "import"
                    and re.search(r"\b(?:to|into)\s+(?:the\s+)?$", gap, re.IGNORECASE)
                )
            ):
                reporter = reporter or _place_ref(item.cue)
                mode = None
            elif (
                item.cue.rule.kind == "demonym"
                and (mode == "commodity" or re.search(r"\b(?:of|for|in)\s+(?:the\s+)?$", gap, re.I))
            ) or (
                # "imports of U.S. wine": a country's name used as a modifier of goods
                re.search(r"\bof\s+$", gap, re.I)
                and any(
                    i.kind == "COMMODITY"
                    and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+)?", text[item.end : i.start])
                    for i in post
                    if i.start >= item.end
                )
            ):
                # "imports of Russian LNG": the origin; "exports of Japanese cars": the maker.
                if flow == "import":
                    if not any(p.value.code == item.cue.rule.code for p in partners):
                        partners.append(_place_ref(item.cue))
                elif reporter is None:
                    reporter = _place_ref(item.cue)
                mode = "commodity"
            else:
                mode = None
        elif item.kind == "COMMODITY" and not _SPEAKER_AFTER.match(text, item.end):
            if (
                re.search(
                    r"\b(?:of|for|in|on|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$",
                    gap,
                    re.IGNORECASE,
                )
                # "the import decrease was driven by mineral products, which fell 14%": the
                # figure comes after the goods, so it is theirs
                or re.search(_DRIVEN_BY, gap)
                or (mode == "commodity" and _LIST_GAP.match(gap))
                or (mode == "commodity" and re.fullmatch(r"\s*", gap))
                or (verb_flow and re.search(r"\bof\s+$", gap))
                # "Nepal imported petroleum products worth Rs 152.3 billion": the verb's object
                or (
                    verb_flow
                    and not seen_figure
                    and re.fullmatch(r"\s+(?:(?:the|its|their|some|more|less)\s+)?", gap)
                    and _WORTH_AFTER.match(text, item.end)
                )
            ):
                if not any(c.value.name == item.cue.rule.name for c in commodities):
                    commodities.append(_commodity_ref(item.cue))
                mode = "commodity"
            elif re.fullmatch(r"[\s\w-]{0,20}", gap) and mode == "commodity":
                continue
            else:
                mode = None
        elif item.kind in ("PERIOD", "QUALIFIER", "AGENCY", "MARKER", "BASIS"):
            pass
        else:
            mode = None
        previous_end = item.end

    if not partners and _ANAPHORIC_PARTNER.search(_gap(text, head.end, limit)):
        # "Imports from there were up 14 pct", "exports to the bloc": the partner named last,
        # in this sentence or the fact before
        earlier = next(
            (
                s.partner
                for s in (ctx.sentence_subject, ctx.last_subject)
                if s is not None and s.partner is not None
            ),
            None,
        )
        phrase = _gap(text, head.end, limit)
        if earlier is None or re.search(r"\b(?:bloc|community)\b", phrase, re.IGNORECASE):
            earlier = _place_named_before(ctx, head, phrase) or earlier
        if earlier is not None:
            partners.append(replace(earlier, inherited=True))
    if not partners and flow in ("balance", "total_trade"):
        # "ran a deficit of R16.9 billion with Asia"
        for item in frame.items:
            if (
                item.kind == "PLACE"
                and item.start > head.end
                and re.search(r"\bwith\s+(?:the\s+)?$", text[max(0, item.start - 12) : item.start])
            ):
                partners.append(_place_ref(item.cue))
                break
    if (
        not partners
        and flow in ("balance", "total_trade")
        and re.search(r"\bbilateral\b", text[max(sentence[0], head.start - 30) : head.end], re.I)
    ):
        # "Japan's bilateral trade surplus jumped to 62 billion dlrs": with the other country
        # the article is about
        own = reporter.value.code if reporter is not None else None
        other = _other_country(
            ctx, own or (ctx.default_reporter.value.code if ctx.default_reporter else None)
        )
        if other is not None:
            partners.append(replace(_place_ref(other), inherited=True))
    if reporter is not None:
        partners = [p for p in partners if p.value.code != reporter.value.code]
    if not partners and not head.synthetic:
        role = _ROLE_PARTNER.match(text, head.end) or (
            head.rule.form == "role"
            and _ROLE_BEFORE.search(text, max(0, head.start - 40), head.start)
        )
        if (
            role
            and not isinstance(role, bool)
            and re.match(
                r"\s+from\b" if flow == "export" else r"\s+to\b" if flow == "import" else "$^",
                role.group(0),
            )
        ):
            role = None  # "exports from the city-state": whose exports, not where to
        if role:
            # "Germany, which takes a quarter of what Poland sells abroad, is the problem.
            # Shipments to Poland's biggest customer fell 1.7 per cent": the country named last
            own = reporter or ctx.default_reporter
            named = next(
                (
                    c
                    for c in reversed(ctx.annotation.cues)
                    if c.label == "PLACE"
                    and c.end <= head.start
                    and c.start >= _previous_sentence_start(ctx, sentence)
                    and c.rule.kind not in ("demonym", "city")
                    and (own is None or c.rule.code != own.value.code)
                ),
                None,
            )
            if named is not None:
                partners.append(replace(_place_ref(named), inherited=True))
    if not commodities and not head.synthetic:
        # "dragged down by cars, where exports dropped 9.6%", "chemicals, whose exports fell":
        # the goods a relative clause opening with the flow is about
        antecedent = next(
            (
                c
                for c in ctx.annotation.cues
                if c.label == "COMMODITY"
                and sentence[0] <= c.start
                and c.end <= head.start
                and _RELATIVE_FLOW.fullmatch(text, c.end, head.start)
            ),
            None,
        )
        if antecedent is not None:
            commodities.append(_commodity_ref(antecedent))
    if not commodities:
        # "Excluding energy and gold, exports rose 7.6% and imports 16.8%": the whole sentence
        opening = next(
            (
                c
                for c in ctx.annotation.cues
                if c.label == "COMMODITY"
                and sentence[0] <= c.start < head.start
                and not text[sentence[0] : c.start].strip()
                and (
                    c.rule_id.startswith("commodity.non_oil.excluding")
                    or c.rule.name.startswith("non-")
                    and _EXCLUSION.match(c.text)
                )
                and re.match(r"\s*,", text[c.end :])
            ),
            None,
        )
        if opening is not None:
            commodities.append(_commodity_ref(opening))
    if not commodities and getattr(head.rule, "commodity", None) and not head.synthetic:
        # "NODX", "re-exports", "domestic exports": the flow word names the goods too
        commodities.append(
            Ref(
                Commodity(name=head.rule.commodity, hs=head.rule.hs, text=head.cue.text),
                head.cue.text,
                (head.cue.start, head.cue.end),
                head.rule_id,
            )
        )
    flow_ref = Ref(flow, head.cue.text, (head.cue.start, head.cue.end), head.rule_id)
    base = Subject(
        flow=flow,
        flow_ref=flow_ref,
        reporter=reporter,
        commodity=commodities[0] if commodities else None,
        partner=partners[0] if partners else None,
    )
    subjects = [base]
    if len(partners) > 1:
        subjects = [replace(base, partner=p) for p in partners]
    elif len(commodities) > 1:
        subjects = [replace(base, commodity=c) for c in commodities]
    elif len(flow_list) > 1:
        subjects = [
            replace(
                base,
                flow=f.rule.flow,
                flow_ref=Ref(f.rule.flow, f.cue.text, (f.start, f.end), f.rule_id),
            )
            for f in flow_list
        ]
    return subjects


def _place_named_before(ctx: ArticleContext, head: Item, phrase: str) -> Ref | None:
    """ "Exports to the bloc" or "imports from there" with no partner in the facts so far:
    the group, or the place, named last in the two sentences before."""
    group = re.search(r"\b(?:bloc|community|group)\b", phrase, re.IGNORECASE) is not None
    floor = ctx.annotation.sentences[max(0, ctx.sentence_index - 2)][0]
    reporter = ctx.default_reporter.value.code if ctx.default_reporter else None
    for cue in reversed(ctx.annotation.cues):
        if cue.end > head.start or cue.start < floor or cue.label != "PLACE":
            continue
        if cue.rule.code == reporter or (cue.rule.kind == "group") != group:
            continue
        return _place_ref(cue)
    return None


def _other_country(ctx: ArticleContext, own: str | None) -> Cue | None:
    """The country an article names most often besides `own`: the other side of its
    "bilateral" trade."""
    counts: dict[str, list[Cue]] = {}
    for cue in ctx.annotation.cues:
        if cue.label == "PLACE" and cue.rule.kind != "group" and cue.rule.code != own:
            counts.setdefault(cue.rule.code, []).append(cue)
    if not counts:
        return None
    ranked = sorted(counts.values(), key=lambda cues: (-len(cues), cues[0].start))
    if len(ranked) > 1 and len(ranked[0]) == len(ranked[1]):
        return None  # no clear other side
    return ranked[0][0]


def _place_pair(
    text: str, head: Item, before: list[Item], after: list[Item]
) -> tuple[Item, Item] | None:
    for places in (after, before):
        for first, second in zip(places, places[1:], strict=False):
            joined = _gap(text, first.end, second.start)
            between = re.search(
                r"\bbetween\s+(?:the\s+)?$",
                text[max(0, first.start - 14) : first.start],
                re.IGNORECASE,
            )
            if between and re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+)?", joined):
                return first, second
            if (
                re.fullmatch(r"\s*[-–/]\s*", joined)
                and second.end <= head.start
                and re.fullmatch(r"[\s-]*", _gap(text, second.end, head.start))
            ):
                return first, second
    return None


def _inherit_subject(ctx: ArticleContext, subject: Subject) -> Subject:
    """Fill unstated fields from context: the article's reporter; the pair of countries a
    "bilateral trade" passage is about; the partner of a breakdown by goods continuing the
    previous frame of the sentence ("imports of grain from Russia ..., along with a 100%
    increase in vegetable imports") or the previous fact on the same goods."""
    subject.reporter_stated = subject.reporter is not None
    if subject.reporter is None:
        recent = ctx.recent_reporter or ctx.default_reporter
        partner = subject.partner.value.code if subject.partner is not None else None
        if recent is not None and recent.value.code == partner:
            recent = ctx.default_reporter  # a country is never its own partner
        if recent is not None and recent.value.code != partner:
            subject.reporter = replace(recent, inherited=True)
    elif not subject.reporter.inherited:
        ctx.recent_reporter = subject.reporter
    if subject.flow == "total_trade" and subject.partner is None and ctx.last_pair is not None:
        if subject.reporter is None or ctx.last_pair.value.code != subject.reporter.value.code:
            subject.partner = replace(ctx.last_pair, inherited=True)
    before = ctx.sentence_subject
    if (
        subject.commodity is None
        and subject.partner is not None
        and before is not None
        and before.commodity is not None
        and subject.flow == before.flow
    ):
        # "NODX to China fell 17.7%, while shipments to Taiwan soared 53.3%", "Apparel exports
        # rose 4.8%, with exports to the UK climbing 9.3%": the goods of the sentence go on
        subject.commodity = replace(before.commodity, inherited=True)
    if (
        subject.partner is None
        and before is not None
        and before.partner is not None
        and subject.commodity is not None
        and before.commodity is not None
        and subject.flow == before.flow
    ):
        subject.partner = replace(before.partner, inherited=True)
    elif (
        subject.partner is None
        and subject.commodity is None
        and before is not None
        and before.partner is not None
        and before.commodity is None
        and not subject.reporter_stated
        and (subject.flow != before.flow or before.flow == "total_trade")
    ):
        # "Total trade with the Gulf states fell 40 pct, with imports at 1.55 billion dlrs"
        subject.partner = replace(before.partner, inherited=True)
    last = ctx.last_subject
    if (
        subject.partner is None
        and last is not None
        and last.partner is not None
        and subject.commodity is not None
        and last.commodity is not None
        and not last.commodity.inherited
        and subject.flow == last.flow
        and subject.commodity.value.name == last.commodity.value.name
        and (
            subject.reporter
            and last.reporter
            and subject.reporter.value.code == last.reporter.value.code
        )
    ):
        subject.partner = replace(last.partner, inherited=True)
    return subject


# ----------------------------------------------------------------------------- periods


def _fiscal(ctx: ArticleContext, subject: Subject | None) -> FiscalYear | None:
    reporter = subject.reporter if subject is not None else ctx.default_reporter
    code = reporter.value.code if reporter is not None else None
    home = ctx.default_reporter.value.code if ctx.default_reporter is not None else None
    table = ctx.tables.fiscal.get(code) if code else None
    stated = ctx.stated_fiscal
    if stated is not None and code in (None, home):
        if table is not None and table.start_month == stated.start_month:
            return table  # the country's own naming: Japan's "fiscal 2023" starts in 2023
        return stated
    return table


_SEASON_DEFINED = re.compile(
    r"\s*(?:(?:[a-z]+\s+){0,2}(?:season|crop\s+year|marketing\s+year|campaign|harvest)\s*)?"
    r"(?:\(|,?\s*(?:that|which)\s+(?:ran|runs|run|started|starts|began|begins|lasted)"
    r"\s+(?:from\s+|on\s+|in\s+)?)(?:the\s+)?("
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _stated_fiscal(annotation: Annotation, text: str = "") -> FiscalYear | None:
    """The fiscal year an article says it uses: "... fiscal year ended March 31", "the 2023/24
    season that ran from October 2023 to September 2024", "the 2024/25 crop year (July-June)"."""
    for cue in annotation.cues:
        if cue.label == "PERIOD" and re.search(r"\d{4}\s*/\s*\d\d", cue.text):
            defined = _SEASON_DEFINED.match(text, cue.end)
            if defined is not None:
                return FiscalYear(start_month=MONTHS[defined.group(1).lower().rstrip(".")])
    for cue in annotation.cues:
        if cue.label == "PERIOD":
            ended = _FISCAL_ENDED.search(cue.text)
            if ended and re.search(r"fiscal|financial|\bfy\b", cue.text, re.IGNORECASE):
                month = MONTHS[ended.group(1).lower().rstrip(".")]
                return FiscalYear(start_month=month % 12 + 1, named_by="end")
    return None


_PERIOD_ANAPHOR = re.compile(r"(?:in|during|for|over)\s+the\s+(quarter|half|year)", re.IGNORECASE)


def _resolve(
    ctx: ArticleContext, cue: Item | Cue, subject: Subject | None, reference: Span | None
) -> Ref | None:
    text = cue.cue.text if isinstance(cue, Item) else cue.text
    base = cue.cue if isinstance(cue, Item) else cue
    anaphor = _PERIOD_ANAPHOR.fullmatch(text.strip())
    if anaphor is not None:
        # "in the quarter" a paragraph after "the first quarter of 1987": the quarter named last
        named = ctx.named_periods.get(anaphor.group(1).lower())
        if named is not None and (reference is None or reference.granularity != named.granularity):
            reference = named
    if base.rule_id == "period.the_fiscal_year" and re.match(r"the\b", text, re.IGNORECASE):
        # "in the fiscal year" after "the 2024/25 fiscal year, which ended on July 7": that one
        named = ctx.named_periods.get("year")
        if named is not None and (named.start.month, named.start.day) != (1, 1):
            ctx.period_resolutions[base.start] = named
            period = Period(
                start=named.start, end=named.end, granularity="year", text=text, inferred=False
            )
            return Ref(period, text, (base.start, base.end), f"{base.rule_id}+named")
    if base.rule_id == "period.relative.the_n_months":
        # "Energy imports were 31.7 pct lower in the two months", after a revised January: the
        # two-month span the passage named last
        count = re.search(r"\S+(?=\s+months)", text)
        count = parse_count(count.group(0)) if count else None
        named = ctx.named_periods.get(f"months:{count}") if count else None
        current = reference
        if named is not None and not (
            current is not None
            and abs((current.end - current.start).days + 1 - count * 30.44) <= 10
        ):
            reference = named
    fiscal = _fiscal(ctx, subject)
    if re.search(r"\d{4}\s*/\s*\d\d", text):
        # "the first five months of the 1986/87 season (October-February)": this season's own
        # months, whatever another season of the article runs
        own = _SEASON_DEFINED.match(ctx.text, base.end)
        if own is not None:
            fiscal = FiscalYear(start_month=MONTHS[own.group(1).lower().rstrip(".")])
    span = resolve_period(text, published=ctx.published, reference=reference, fiscal=fiscal)
    if span is None:
        return None
    ctx.period_resolutions[base.start] = span
    if span.relative_to != "reference" and anaphor is None:
        # "the April-September half of fiscal 2024" ... "the deficit for the half"; a base
        # named on the way ("from 4,260 tonnes in the first quarter of 1986") is earlier
        size = {3: "quarter", 6: "half", 12: "year"}.get(_months_between(span.start, span.end))
        for unit in {span.granularity, size if span.granularity in ("range", size) else None}:
            known = ctx.named_periods.get(unit) if unit else None
            if unit and (known is None or span.end >= known.end):
                ctx.named_periods[unit] = span
        months = _months_between(span.start, span.end)
        known = ctx.named_periods.get(f"months:{months}")
        if 2 <= months <= 24 and (known is None or span.end >= known.end):
            ctx.named_periods[f"months:{months}"] = span
    inferred = ctx.published_inferred and span.relative_to == "published"
    if span.relative_to == "reference" and ctx.reference is not None:
        inferred = inferred or ctx.reference.value.inferred
    period = Period(
        start=span.start, end=span.end, granularity=span.granularity, text=text, inferred=inferred
    )
    return Ref(period, text, (base.start, base.end), base.rule_id)


def _as_span(ref: Ref | None) -> Span | None:
    if ref is None:
        return None
    period = ref.value
    return Span(period.start, period.end, period.granularity)


def _shift(ref: Ref, months: int) -> Ref:
    span = _as_span(ref).shift(months=-months)
    period = Period(
        start=span.start,
        end=span.end,
        granularity=ref.value.granularity,
        text=ref.value.text,
        inferred=ref.value.inferred,
    )
    return Ref(period, ref.text, ref.span, f"{ref.rule}+shift", True)


# ----------------------------------------------------------------------------- figures


def _currency(ctx: ArticleContext, figure, frame_currency: str | None) -> tuple[str | None, bool]:
    if figure.currency:
        candidates = figure.currency_candidates
        if not candidates:
            return figure.currency, False
        for code in reversed(ctx.explicit_currencies):
            if code in candidates:
                return code, False
        reporter_ref = ctx.recent_reporter or ctx.default_reporter
        reporter = (
            ctx.tables.as_of(reporter_ref.value, ctx.published).code if reporter_ref else None
        )
        local = ctx.tables.currency_of(reporter, ctx.published)
        dollar_group = "USD" in candidates
        if local in candidates and (not dollar_group or reporter in ("CAN", "AUS", "NZL")):
            return local, False
        return figure.currency, False
    if figure.kind == "number" and figure.scaled:
        carried = frame_currency or ctx.last_currency
        return carried, carried is not None
    return None, False


def _value_ref(
    ctx: ArticleContext, slot: Slot, subject: Subject, frame_currency: str | None
) -> tuple[Ref | None, bool]:
    figure = slot.figure
    currency, carried = _currency(ctx, figure, frame_currency)
    if figure.kind == "number" and currency is None:
        return None, False
    amount = figure.value if not isinstance(figure.value, tuple) else sum(figure.value) / 2
    if subject.flow == "balance":
        sign = slot.sign
        # "a surplus of €16.8 bn, compared with -€5.3 bn": a minus written before the figure
        # says a deficit whatever the word before
        if sign is not None and not (figure.signed and amount < 0):
            amount = abs(amount) * sign
    unit = figure.unit if figure.kind == "quantity" else None
    value = Value(
        amount=float(amount),
        currency=currency if figure.kind != "quantity" else None,
        unit=unit,
        text=figure.text,
        bound=figure.bound,
    )
    return Ref(value, figure.text, (figure.start, figure.end), figure.rule), carried


def _change_ref(ctx: ArticleContext, slot: Slot) -> Ref:
    figure = slot.figure
    magnitude = abs(figure.low if not isinstance(figure.value, tuple) else sum(figure.value) / 2)
    basis = (
        slot.basis_cue.rule.basis
        if slot.basis_cue is not None
        else (ctx.last_basis or "unspecified")
    )
    start = min(figure.start, slot.change_cue.start) if slot.change_cue else figure.start
    end = max(figure.end, slot.change_cue.end) if slot.change_cue else figure.end
    if (
        slot.change_cue is not None
        and slot.change_cue.start > figure.end
        and slot.change_cue.start - figure.end > 30
    ):
        start, end = figure.start, figure.end
    if (
        slot.change_cue is not None
        and slot.change_cue.start < figure.start
        and figure.start - slot.change_cue.end > 30
    ):
        start, end = figure.start, figure.end
    text = ctx.text[start:end]
    change = Change(percent=round(magnitude * slot.direction, 6), basis=basis, text=text)
    return Ref(change, text, (start, end), figure.rule)


def _streak_ref(item: Item) -> Ref | None:
    text = item.cue.text
    words = re.findall(r"[\w'-]+", text.lower())
    count = None
    unit = None
    for word in words:
        if unit is None and word in _TIME_UNITS:
            unit = _TIME_UNITS[word]
        if count is None:
            value = parse_count(word)
            if value is not None and word not in ("first", "a", "one") or word in ("one",):
                count = value
    if count is None or unit is None:
        return None
    streak = Streak(count=count, unit=unit, text=text, kind=item.cue.rule.kind)
    return Ref(streak, text, (item.start, item.end), item.rule_id)


# ----------------------------------------------------------------------------- assembly


_CURRENCY_CODES: dict[int, tuple[object, frozenset[str]]] = {}


def _currency_codes(rules) -> frozenset[str]:
    """The currency codes the rules know, computed once per rule set (the set is kept with
    the rule set it came from, so a reused object id never returns another set's codes)."""
    if rules is None:
        return frozenset()
    entry = _CURRENCY_CODES.get(id(rules))
    if entry is None or entry[0] is not rules:
        entry = (rules, frozenset(rule.currency for rule in rules.of("CURRENCY")))
        _CURRENCY_CODES[id(rules)] = entry
    return entry[1]


def _read_tables(ctx: ArticleContext) -> None:
    """Plain-text tables: each cell takes the period and unit of its column headings."""
    annotation = ctx.annotation
    if "  " not in ctx.text:
        return
    annotation.figures = _join_spaced_thousands(ctx.text, annotation.figures)
    ctx.table_cells = read_tables(
        ctx.text, annotation.cues, annotation.figures, _currency_codes(annotation.rules)
    )
    if ctx.table_cells:
        annotation.figures = [
            scaled(f, ctx.table_cells[f.start]) if f.start in ctx.table_cells else f
            for f in annotation.figures
        ]


def _join_spaced_thousands(text: str, figures: list[Figure]) -> list[Figure]:
    """ "Germany      11 908      -2.8%": in a table row, digits grouped by a space are one
    number (the French and Swiss way of writing thousands)."""
    joined: list[Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == figure.kind == "number"
            and text[previous.end : figure.start] in (" ", "\u202f", "\xa0")
            and re.fullmatch(r"\d{1,3}(?:[ \u202f\xa0]\d{3})*", previous.text)
            and re.fullmatch(r"\d{3}", figure.text)
            and _TABLE_CELLS.search(
                text[_line_start(text, figure.start) : _line_end(text, figure.end)]
            )
        ):
            number = previous.text + text[previous.end : figure.start] + figure.text
            joined[-1] = replace(
                previous,
                end=figure.end,
                text=number,
                value=float(re.sub(r"\D", "", number)),
            )
            continue
        joined.append(figure)
    return joined


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def assemble(
    document: Document,
    annotation: Annotation,
    tables: ReferenceTables,
    *,
    published_inferred: bool = False,
) -> tuple[list[TradeFact], dict[int, Span]]:
    """All trade facts of one annotated document, and the periods resolved on the way
    (by cue offset) for the mention layer."""
    ctx = ArticleContext(document, annotation, tables, document.published, published_inferred)
    _read_tables(ctx)
    ctx.default_reporter = _default_reporter(ctx)
    ctx.stated_fiscal = _stated_fiscal(annotation, ctx.text)
    ctx.article_qualifiers = _article_qualifiers(ctx)
    ctx.source = _article_source(ctx)
    for index, sentence in enumerate(annotation.sentences):
        ctx.sentence_index = index
        _read_sentence(ctx, sentence)
    drafts = _drop_repeated_headlines(ctx, ctx.drafts)
    _goods_of_volumes(drafts)
    for draft in drafts:
        # qualifiers the whole release states count for every figure, also when merging
        draft.qualifiers |= ctx.article_qualifiers & set(MEASURE_QUALIFIERS)
    return [_record(ctx, draft) for draft in _merge(drafts)], ctx.period_resolutions


_BULK_UNITS = {
    "tonne",
    "ton",
    "short ton",
    "kilogram",
    "barrel",
    "barrel per day",
    "bag",
    "bale",
    "bushel",
    "cubic metre",
    "gallon",
    "litre",
    "troy ounce",
    "ounce",
    "carat",
}


def _goods_of_volumes(drafts: list[Draft]) -> None:
    """ "In December alone, shipments rose 5% to 1.3 million bags" in a story on coffee: a
    volume is always of some goods, the ones the passage was last about."""
    last: Draft | None = None
    for draft in drafts:
        goods = draft.subject.commodity
        if goods is not None and goods.value.hs is not None:
            last = draft
            continue
        value = draft.value.value if draft.value is not None else None
        if (
            goods is None
            and value is not None
            and value.currency is None
            and value.unit in _BULK_UNITS
            and last is not None
            and draft.subject.flow in ("export", "import")
            and last.subject.flow == draft.subject.flow
            and _code(last.subject.reporter) == _code(draft.subject.reporter)
            and _unit_fits(value.unit, last.subject.commodity.value.hs)
        ):
            draft.subject = replace(
                draft.subject, commodity=replace(last.subject.commodity, inherited=True)
            )
            draft.rules.append("commodity.of_volume")


def _unit_fits(unit: str, hs: str) -> bool:
    """Barrels are of oil; bags and bales never are."""
    if unit.startswith("barrel"):
        return hs.startswith("27")
    if unit in ("bag", "bale"):
        return not hs.startswith("27")
    return True


def _code(ref: Ref | None) -> str | None:
    return ref.value.code if ref is not None else None


_RATIO = re.compile(r"\b(?:ratio|percentage|proportion|coverage|share)\b", re.IGNORECASE)


def _inside_ratio(items: list[Item], frame: Frame) -> bool:
    """ "The coverage ratio of imports by exports, 76.3% a year ago, fell to 71.4%": flows
    named inside a ratio, whose percentages are the ratio's, not changes."""
    if not frame.openers or any(
        i.kind == "FIG" and i.figure.kind != "percent" for i in frame.items
    ):
        return False
    opener = frame.openers[0]
    for item in reversed([i for i in items if i.end <= opener.start]):
        if item.kind == "MARKER" and item.rule.role == "share":
            return bool(_RATIO.search(item.cue.text))
        if item.kind not in ("FLOW", "PLACE", "COMMODITY", "QUALIFIER"):
            return False
    return False


_GOODS_CLAUSE_BREAK = re.compile(
    r"[,;]\s*(?:and|but|while|whereas)?\s*$|\s(?:and|but|while|whereas)\s+$"
)


def _goods_clauses(text: str, items: list[Item]) -> list[list[Item]]:
    """Split figures that refer back into clauses, one per goods or place leading a clause:
    "pharmaceuticals sank 26.4%, while petrochemicals rose 12.0%"."""
    parts: list[list[Item]] = [[]]
    for index, item in enumerate(items):
        current = parts[-1]
        if (
            item.kind in ("COMMODITY", "PLACE")
            and any(i.kind == "FIG" for i in current)
            and _GOODS_CLAUSE_BREAK.search(text[current[-1].end : item.start])
            and any(
                ahead.kind == "FIG" or (ahead.kind == "CHANGE" and ahead.rule.form == "verb")
                for ahead in items[index + 1 : index + 3]
            )
        ):
            parts.append([item])
        else:
            current.append(item)
    return parts


_RESTATED = re.compile(
    r"\b(?:un)?(?:smoothed|adjusted)\b|\bseasonally\b|\bpreviously\b|\brevised\b|"
    r"\bearlier\s+(?:estimate|figure)|\b(?:first|initial)\s+estimate",
    re.IGNORECASE,
)


def _continues_account(items: list[Item], frame: Frame) -> bool:
    """A frame opened only by "deficit" or "surplus", in a sentence naming no goods, flow or
    partner of goods trade."""
    return (
        bool(frame.openers)
        and all(_bare_balance(o) for o in frame.openers)
        and not any(
            i.kind in ("COMMODITY", "PLACE") or (i.kind == "FLOW" and not _bare_balance(i))
            for i in items
        )
    )


def _bare_balance(item: Item) -> bool:
    return (
        item.kind == "FLOW"
        and item.rule.flow == "balance"
        and re.fullmatch(r"(?:deficits?|surplus(?:es)?|shortfall|gap)", item.cue.text, re.I)
        is not None
    )


def _read_sentence(ctx: ArticleContext, sentence: tuple[int, int]) -> None:
    start, end = sentence
    text = ctx.text[start:end]
    if re.match(r"\s*[-•*–]\s", text):
        # "- Imports of goods: HK$ 4,561.0 billion" after "- Total exports of goods: ...": a
        # list goes on with the period its heading gave
        if ctx.bullet_sentence == ctx.sentence_index - 1 and ctx.reference_sentence >= 0:
            ctx.reference_sentence = max(ctx.reference_sentence, ctx.sentence_index - 1)
        ctx.bullet_sentence = ctx.sentence_index
    items = _items_for(ctx.annotation, start, end)
    if not items:
        return
    if (
        ctx.pronoun_subject is not None
        and ctx.pronoun_subject[0] == ctx.sentence_index - 1
        and _PRONOUN_OPENING.match(text)
        and not any(i.kind == "FLOW" for i in items)
    ):
        ctx.last_subject = _inherit_subject(ctx, ctx.pronoun_subject[1])
    regions = ignored_regions(text, start, items)
    # An exclusion stays even in an aside: "exports of traditional goods, which exclude oil,"
    kept = [
        i
        for i in items
        if not any(a <= i.start and i.end <= b for a, b in regions)
        or (i.kind == "COMMODITY" and i.cue.rule.name.startswith("non-"))
    ]
    # "the 2024/25 crop year (July-June)": the months define the year before them
    kept = [
        i
        for n, i in enumerate(kept)
        if not (
            i.kind == "PERIOD"
            and n
            and kept[n - 1].kind == "PERIOD"
            and re.fullmatch(r"\s*\(\s*", ctx.text[kept[n - 1].end : i.start])
            and i.rule_id not in _DATED_RANGES
        )
    ]
    frames, leftovers = build_frames(ctx.text, 0, kept) if kept else ([], [])
    frames = [f for f in frames if not _inside_ratio(kept, f)]
    if ctx.account_sentence == ctx.sentence_index - 1 and _RESTATED.search(text):
        # "The current account deficit narrowed to 180 mln ... Unsmoothed figures show a
        # deficit of 162 mln": the same measure restated another way goes on about the account
        frames = [f for f in frames if not _continues_account(kept, f)]
    # Figures before any flow cue, in a sentence that refers back ("The pace of growth ...").
    leftover_figures = [i for i in leftovers if i.kind == "FIG"]
    table_row = (
        bool(leftovers)
        and leftovers[0].kind in ("COMMODITY", "PLACE")
        and (
            ctx.last_fact_sentence >= ctx.sentence_index - 2
            # a row of a plain-text table under its heading ("Germany      38.9      -9.1")
            or bool(_TABLE_CELLS.search(text))
        )
    )
    if (
        leftover_figures
        and ctx.last_subject is not None
        and (
            table_row
            or any(
                i.kind == "MARKER" and i.rule.role in ("anaphor", "pace") or i.kind == "CHANGE"
                for i in leftovers
            )
        )
    ):
        first_figure = leftover_figures[0].start
        flow_hint = next(
            (
                i
                for i in items
                if i.kind == "FLOW"
                and i.end <= first_figure
                and any(a <= i.start and i.end <= b for a, b in regions)
            ),
            None,
        )
        for position, part in enumerate(_goods_clauses(ctx.text, leftovers)):
            frame = Frame(
                openers=[],
                start=start if position == 0 else part[0].start,
                end=part[-1].end,
                items=part,
                inherited=True,
            )
            frame.flow_hint = flow_hint
            frames.insert(position, frame)
    sentence_drafts: list[Draft] = []
    ctx.sentence_subject = None
    elided = None
    for frame in frames:
        if frame.topic:
            continue
        assign_roles(ctx.text, 0, frame, elided)
        # the change verb a following gapped clause may leave out
        verbs = [
            s.change_cue
            for s in frame.slots
            if s.role == "change"
            and s.change_cue is not None
            and s.change_cue.kind == "CHANGE"
            and s.change_cue.rule.form == "verb"
        ]
        elided = verbs[-1] if verbs else None
        _respective_periods(ctx.text, frame)
    if _COMPARES_OPENING.match(text):
        # "This compares with a 3.3 mln dlr deficit in January and ...": every figure is a
        # base for the previous sentence's fact.
        for frame in frames:
            for slot in frame.slots:
                if slot.role in ("value", "change"):
                    slot.role = f"comparison_{slot.role}"
                    slot.rules.append("comparison.sentence_compares_with")
    ctx.consumed_periods = _consumed_periods(frames)
    for frame in frames:
        if frame.topic:
            continue
        if not frame.slots and frame.flows:
            subjects = _subject(ctx, frame, sentence) or []
            for subject in subjects:
                if subject.flow == "total_trade" and subject.partner is not None:
                    ctx.last_pair = subject.partner
            if subjects and _HEADING.fullmatch(text.strip()):
                # "Main export items (January-September)": the rows below are exports; a
                # headline naming another country ("... as US shipments slump") does not make
                # it the country the story reports on
                recent = ctx.recent_reporter
                ctx.last_subject = _inherit_subject(ctx, subjects[0])
                ctx.recent_reporter = recent
            elif len(subjects) == 1 and not any(i.kind == "FIG" for i in items):
                # "Imports told a similar story. They climbed 12.2 percent": what a pronoun
                # opening the next sentence stands for
                ctx.pronoun_subject = (ctx.sentence_index, subjects[0])

            continue
        sentence_drafts.extend(_frame_drafts(ctx, frame, sentence, frames))
    if ctx.opening_reference is None:
        ctx.opening_reference = _opening_reference(ctx, items)
    for frame in frames:
        # A flow cue and a period without figures still says what the passage is about.
        if not frame.topic and frame.flows and not frame.slots and ctx.reference is None:
            period = next((i for i in frame.items if i.kind == "PERIOD"), None)
            if period is not None:
                ref = _resolve(ctx, period, None, None)
                if ref is not None and ref.value.granularity != "day":
                    _set_reference(ctx, ref)
    if (
        not sentence_drafts
        and items[0].kind == "PERIOD"
        and not any(i.kind == "FIG" for i in items)
        and re.fullmatch(
            r"\s*(?:(?:in|by|during|over)\s+)?", ctx.text[start : items[0].start], re.I
        )
        and not is_backward(items[0])
    ):
        # "Last year the machine slowed." opening a paragraph: what the passage is about next
        ref = _resolve(ctx, items[0], None, None)
        if ref is not None and ref.value.granularity != "day":
            _set_reference(ctx, ref)
    if (
        not sentence_drafts
        and not any(i.kind == "FIG" for i in items)
        and _HEADING.fullmatch(text.strip().rstrip(":"))
    ):
        # "Key figures, January to October 2025" over a list: what the lines below are about
        heading = next(
            (
                i
                for i in items
                if i.kind == "PERIOD"
                and not is_backward(i)
                and not is_comparison_period(ctx.text, 0, i)
            ),
            None,
        )
        ref = _resolve(ctx, heading, None, None) if heading is not None else None
        if ref is not None and ref.value.granularity != "day":
            _set_reference(ctx, ref)
    if not sentence_drafts and not any(i.kind == "FIG" for i in items):
        # "The numbers for January alone were less flattering.": what the next sentence is about
        focus = next(
            (
                i
                for i in items
                if i.kind == "PERIOD"
                and (
                    _ALONE_AFTER.match(ctx.text, i.end)
                    or _FIGURES_FOR.search(ctx.text, max(0, i.start - 40), i.start)
                )
                and not is_backward(i)
                and not is_comparison_period(ctx.text, 0, i)
            ),
            None,
        )
        ref = _resolve(ctx, focus, None, None) if focus is not None else None
        if ref is not None and ref.value.granularity != "day":
            _set_reference(ctx, ref)
    if not sentence_drafts and any(
        f.topic
        and any(o.kind == "TOPIC" and o.rule.topic == "external_accounts" for o in f.openers)
        and any(i.kind == "FIG" for i in f.items)
        for f in frames
    ):
        ctx.account_sentence = ctx.sentence_index
    if not sentence_drafts:
        _attach_streak(ctx, items)
        # "Changes refer to the previous month unless stated otherwise."
        stated = [i for i in items if i.kind == "BASIS"]
        if stated:
            ctx.last_basis = stated[-1].rule.basis
    else:
        ctx.last_fact_sentence = ctx.sentence_index
    ctx.drafts.extend(sentence_drafts)


def _opening_reference(ctx: ArticleContext, items: list[Item]) -> Ref | None:
    for item in items:
        if item.kind != "PERIOD" or item.rule_id in _SINGLE_DAYS:
            continue
        if is_comparison_period(ctx.text, 0, item):
            continue
        ref = _resolve(ctx, item, None, None)
        if (
            ref is not None
            and ref.value.granularity != "day"
            and (ctx.published is None or ref.value.start <= ctx.published)
        ):
            return ref
    return None


def _set_reference(ctx: ArticleContext, period: Ref, reporter: str | None = None) -> None:
    ctx.reference = period
    ctx.reference_sentence = ctx.sentence_index
    if ctx.main_reference is None:
        ctx.main_reference = period
        ctx.main_reporter = reporter
    if reporter is not None and reporter not in ctx.main_by_reporter:
        main = ctx.main_reference
        # "For the first eight months, exports totalled ..." after the August figures: the
        # country is still reported for August (not when the month was another country's)
        cumulative = (
            main is not None
            and ctx.main_reporter in (None, reporter)
            and _cumulative_around(period, main)
        )
        ctx.main_by_reporter[reporter] = main if cumulative else period


def _inherited_period(
    ctx: ArticleContext,
    reporter: str | None = None,
    *,
    breakdown: bool = False,
    cumulative: bool = False,
) -> Ref | None:
    """The period of a sentence that states none: the one the previous sentence was about,
    else the period the article reports on for that country (a roundup reports each country
    for its own month), else for the article (a switch to another period is usually said).

    A breakdown (by goods or partner, or a change on the previous month) right after a
    year-to-date total is of the month the article reports on; a total there ("The deficit
    widened to ...") continues the year to date."""
    main = ctx.main_by_reporter.get(reporter) if reporter is not None else None
    main = main or ctx.main_reference
    recent = ctx.reference
    if (
        cumulative
        and recent is not None
        and main is not None
        and ctx.sentence_index - ctx.reference_sentence <= 3
        and _cumulative_around(recent, main)
    ):
        # "The cumulative deficit was ..." a little after the year-to-date figures
        return recent
    if recent is not None and ctx.sentence_index - ctx.reference_sentence <= 1:
        if (
            breakdown
            and main is not None
            and _cumulative_around(recent, main)
            and ctx.breakdown_reference is not recent
        ):
            # "For the first eight months, exports totalled ..." then "Exports of computers
            # soared 51.3%": the breakdown is of the month the release is about
            return main
        return recent
    return main or recent or ctx.opening_reference


def _cumulative_around(recent: Ref, main: Ref) -> bool:
    r, m = recent.value, main.value
    return (
        m.granularity == "month"
        and r.granularity in ("range", "half", "quarter", "year")
        and r.start.month == 1
        and r.start <= m.start
        and m.end == r.end
        and r.start != m.start
    )


def _consumed_periods(frames: list[Frame]) -> set[int]:
    """Periods that belong to comparison figures ("from 889.2 mln (revised from 889.5) in
    January"): the first period after a comparison figure, before the next main figure."""
    consumed: set[int] = set()
    for frame in frames:
        slots = sorted(frame.slots, key=lambda s: s.figure.start)
        for index, slot in enumerate(slots):
            if not slot.role.startswith("comparison"):
                continue
            stop = next(
                (s.figure.start for s in slots[index + 1 :] if not s.role.startswith("comparison")),
                frame.end + 1,
            )
            following = [
                i for i in frame.items if i.kind == "PERIOD" and slot.figure.end <= i.start < stop
            ]
            if slot.period_cue is None and following:
                slot.period_cue = following[0]
            if slot.period_cue is not None:
                consumed.add(id(slot.period_cue))
            consumed.update(id(i) for i in following)
    return consumed


def _attach_streak(ctx: ArticleContext, items: list[Item]) -> None:
    """ "The trade balance stayed in the black for nine months in a row.": a figure-less
    sentence continuing the last fact's subject lends it its streak."""
    streaks = [i for i in items if i.kind == "STREAK"]
    if not streaks or not ctx.drafts:
        return
    flows = [i for i in items if i.kind == "FLOW"]
    last = ctx.drafts[-1]
    if flows and all(f.rule.flow != last.subject.flow for f in flows):
        return
    if any(i.kind in ("PLACE", "COMMODITY") for i in items) and flows:
        return
    ref = _streak_ref(streaks[0])
    if ref is None:
        return
    for draft in ctx.drafts:
        if (
            draft.subject.flow == last.subject.flow
            and draft.sentence == last.sentence
            and draft.streak is None
            and "comparison" not in draft.qualifiers
        ):
            draft.streak = ref
            draft.rules.append(f"{ref.rule}+following_sentence")


_ROLE_THEN_VERB = {
    "export": re.compile(r"\s*,\s*(?:taking|buying|absorbing|which\s+(?:took|bought))\b", re.I),
    "import": re.compile(r"\s*,\s*(?:supplying|selling|providing|shipping)\b", re.I),
}


def _partner_role_with_a_flow_verb(ctx: ArticleContext, draft: Draft) -> None:
    """ "Britain remained Kenya's main trading partner, taking 3.86 billion shillings worth of
    Kenyan goods": what the partner took is an export; what it supplied, an import."""
    subject = draft.subject
    if subject.flow != "total_trade" or ".total_trade_role." not in subject.flow_ref.rule:
        return
    if draft.value is None:
        return
    after = ctx.text[subject.flow_ref.span[1] : draft.value.span[0]]
    for flow, pattern in _ROLE_THEN_VERB.items():
        if pattern.match(after):
            draft.subject = replace(subject, flow=flow)
            draft.rules.append(f"flow.partner_role_{flow}_verb")
            return


def _respective_periods(text: str, frame: Frame) -> None:
    """ "the 1986 and 1985 deficits at 2.09 billion and 1.722 billion dlrs": coordinated
    periods before the figures go with them in order."""
    values = [s for s in frame.slots if s.role == "value" and s.period_cue is None]
    if len(values) < 2:
        return
    first = min(s.figure.start for s in values)
    periods = [i for i in frame.items if i.kind == "PERIOD" and i.end <= first]
    if len(periods) != len(values):
        return
    for left, right in zip(periods, periods[1:], strict=False):
        if not _LIST_GAP.match(text[left.end : right.start]):
            return
    for slot, period in zip(values, periods, strict=True):
        slot.period_cue = period


_COMMODITY_INDEX: dict[int, tuple[object, dict[str, object]]] = {}


def _commodity_index(rules) -> dict[str, object]:
    """Commodity rules by their text pattern, lower-cased (built once per rule set)."""
    if rules is None:
        return {}
    entry = _COMMODITY_INDEX.get(id(rules))
    if entry is None or entry[0] is not rules:
        index = {
            rule.pattern.lower(): rule
            for rule in rules.of("COMMODITY")
            if isinstance(rule.pattern, str)
        }
        entry = (rules, index)
        _COMMODITY_INDEX[id(rules)] = entry
    return entry[1]


def _split_compound_goods(rules, goods: Item) -> list[Item]:
    """ "Knitwear and woven garments contributed $17.75 billion and $15.09 billion
    respectively": a gazetteer entry naming two kinds of goods, each known on its own."""
    index = _commodity_index(rules)
    text = goods.cue.text
    parts = [m for m in re.finditer(r"[^,]+?(?=\s*(?:,\s*and\s+|,\s*|\s+and\s+|$))", text)]
    pieces = []
    for match in parts:
        part = match.group(0).strip()
        part = re.sub(r"^(?:and|&)\s+", "", part)
        rule = index.get(part.lower())
        if rule is None:
            return []
        start = goods.start + text.find(part, match.start())
        pieces.append(
            Item(
                "COMMODITY",
                start,
                start + len(part),
                cue=Cue("COMMODITY", start, start + len(part), part, rule),
            )
        )
    return pieces if len(pieces) > 1 else []


def _respective_goods(text: str, frame: Frame, goods: list[Item], rules=None) -> list[Item]:
    """Coordinated goods matched one to one with as many figures by "respectively"."""
    if not re.search(r"\brespectively\b", text[frame.start : frame.end + 20], re.IGNORECASE):
        return []
    if len(goods) == 1 and rules is not None:
        goods = _split_compound_goods(rules, goods[0]) or goods
    if len(goods) < 2:
        return []
    for left, right in zip(goods, goods[1:], strict=False):
        if not _LIST_GAP.match(text[left.end : right.start]):
            return []
    figures = [i for i in frame.items if i.kind == "FIG"]
    values = [i for i in figures if i.figure.kind in ("money", "quantity")]
    changes = [i for i in figures if i.figure.kind == "percent"]
    return goods if len(goods) in (len(values), len(changes)) else []


def _supplier_of_the_home_country(ctx: ArticleContext, draft: Draft) -> bool:
    """ "China supplied $84.1 billion of goods", in a Vietnamese story: what a foreign supplier
    supplied is the home country's import from it."""
    subject, home = draft.subject, ctx.default_reporter
    if not subject.flow_ref.rule.endswith(".supplied"):
        return True
    if (
        home is None
        or subject.reporter is None
        or subject.reporter.inherited
        or subject.reporter.value.code == home.value.code
    ):
        return False
    draft.subject = replace(
        subject, reporter=replace(home, inherited=True), partner=subject.reporter
    )
    draft.rules.append("flow.supplier_to_home")
    ctx.recent_reporter = home
    return True


def _buyer_of_home_goods(ctx: ArticleContext, draft: Draft) -> None:
    """ "West Germany bought 2.45 billion shillings worth, mostly coffee", in a Kenyan story:
    a foreign buyer paying in the home currency is the home country's export market; so is one
    that "took 3.18 billion pounds worth of Irish goods" in an Irish story."""
    subject, home = draft.subject, ctx.default_reporter
    if (
        subject.flow != "import"
        or not subject.flow_ref.rule.endswith((".bought", ".purchased", ".took"))
        or subject.reporter is None
        or home is None
        or draft.value is None
        or draft.value.value.currency is None
    ):
        return
    home_code = home.value.code
    home_currency = ctx.tables.currency_of(home_code, ctx.published)
    verb_start = subject.flow_ref.span[0] if subject.flow_ref.span else None
    if subject.reporter.inherited or subject.reporter.value.code == home_code:
        # "Britain, the republic's biggest market, took ...": the buyer before the verb was
        # read as the partner of the home country
        partner = subject.partner
        if (
            partner is None
            or partner.span is None
            or verb_start is None
            or partner.span[0] > verb_start
            or subject.reporter.value.code != home_code
        ):
            return
        buyer = partner
    else:
        buyer = subject.reporter
        buyer_currency = ctx.tables.currency_of(buyer.value.code, ctx.published)
        if subject.partner is not None:
            if subject.partner.value.code != home_code:
                return
        elif draft.value.value.currency != home_currency or home_currency == buyer_currency:
            return
    figure = next((f for f in ctx.annotation.figures if f.start == draft.value.span[0]), None)
    if figure is not None and home_currency in figure.currency_candidates:
        # the home country's pounds, not the buyer's
        value = draft.value.value.model_copy(update={"currency": home_currency})
        draft.value = replace(draft.value, value=value)
    draft.subject = replace(
        subject,
        flow="export",
        reporter=replace(home, inherited=True),
        partner=buyer,
    )
    draft.rules.append("flow.buyer_pays_home_currency")
    ctx.recent_reporter = home  # the buyer was a market, not the country reported on


_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ung|ank|ose)\b", re.IGNORECASE)


_BUYERS_AFTER = re.compile(
    r"\s+(?:buyers|importers|refiners|customers|purchasers|mills|traders)\s+"
    r"(?:took|bought|purchased|imported|snapped\s+up|received)\b",
    re.IGNORECASE,
)
_ALL_GOODS = re.compile(r"\b(?:total|overall|all|merchandise|aggregate|whole)\b", re.I)


def _goods_of_the_article(ctx: ArticleContext, draft: Draft, sentence: tuple[int, int]) -> None:
    """An article whose first facts are all about one kind of goods (a story on wine, on
    shrimp) goes on about them: "Exports to the US rose 5.2% to NZ$1.01 billion" is of wine.
    Any fact of all goods or of other goods ends this."""
    subject = draft.subject
    main = not draft.qualifiers & {"comparison", "forecast"}
    goods = subject.commodity
    if goods is not None:
        if main and not ctx.goods_broken:
            if ctx.article_goods is None:
                ctx.article_goods, ctx.goods_count = goods, 1
                ctx.goods_reporter = subject.reporter
            elif goods.value.name == ctx.article_goods.value.name:
                ctx.goods_count += 1
            elif not goods.inherited:
                ctx.goods_broken = True
        return
    if ctx.goods_broken or ctx.article_goods is None:
        if main:
            ctx.goods_broken = True
        return
    aggregate = ctx.article_goods.value.hs is None  # "non-oil": trade with partners too
    if (
        ctx.goods_count >= 2
        and (subject.flow in ("export", "import") or aggregate and subject.flow == "total_trade")
        and _code(subject.reporter) == _code(ctx.goods_reporter)
        and not _ALL_GOODS.search(ctx.text, sentence[0], sentence[1])
    ):
        draft.subject = replace(subject, commodity=replace(ctx.article_goods, inherited=True))
        draft.rules.append("commodity.of_the_article")
    elif main:
        ctx.goods_broken = True


def _pluperfect_base(ctx: ArticleContext, frame: Frame, draft: Draft) -> bool:
    """A change told in the pluperfect for a period before the one the article reports on:
    what happened before, the base of the news."""
    main, period = ctx.main_reference, draft.period
    if main is None or period is None or period.inherited:
        return False
    if period.value.granularity != main.value.granularity or period.value.granularity not in (
        "month",
        "quarter",
    ):
        return False
    months = 1 if period.value.granularity == "month" else 3
    before = _as_span(main).shift(months=-months)
    if (period.value.start, period.value.end) != (before.start, before.end):
        return False  # only the period just before: "In July, exports had risen by 0.5%"
    return bool(_PLUPERFECT.search(ctx.text, frame.start, frame.end))


def _year_earlier_restatement(ctx: ArticleContext, frame: Frame, draft: Draft) -> bool:
    """A sentence giving the same subject's level a year before the period the article reports
    on, with no change of its own: a base for the fact before, not news."""
    main, last, period = ctx.main_reference, ctx.last_subject, draft.period
    if main is None or last is None or period is None or period.inherited:
        return False
    if draft.change is not None or draft.subject.flow != last.flow:
        return False
    if not (
        frame.inherited
        or re.match(r"\s*(?:they|it)\s+(?:were|was)\b", ctx.text[frame.start :], re.I)
        # "The country had a deficit of 538 mln dlrs in the January-March period of 1986."
        or (draft.subject.flow == "balance" and not draft.subject.partner)
    ):
        return False
    earlier = _as_span(main).shift(years=-1)
    return (period.value.start, period.value.end) == (earlier.start, earlier.end)


def _larger_than_the_whole(
    ctx: ArticleContext, draft: Draft, subject: Subject, period: Ref
) -> Ref | None:
    """ "December exports came in at US$43.42 billion ... For 2024 as a whole, exports
    totaled US$475.07 billion ... exports to the United States reached a record US$111.35
    billion": a part bigger than the month's whole is a part of the year's."""
    recent = ctx.reference
    if (
        draft.value is None
        or (subject.partner is None and subject.commodity is None)
        or recent is None
        or recent.value == period.value
        or not (recent.value.start <= period.value.start and period.value.end <= recent.value.end)
    ):
        return None
    wholes = [
        abs(other.value.value.amount)
        for other in ctx.drafts
        if other.subject.flow == subject.flow
        and other.subject.partner is None
        and other.subject.commodity is None
        and other.value is not None
        and other.value.value.currency == draft.value.value.currency
        and other.value.value.unit == draft.value.value.unit
        and other.period is not None
        and other.period.value == period.value
        and not other.qualifiers & {"comparison", "forecast"}
    ]
    if wholes and min(wholes) < abs(draft.value.value.amount):
        # the passage is on the year again, breakdowns too
        ctx.reference_sentence = ctx.sentence_index
        ctx.breakdown_reference = recent
        return replace(recent, inherited=True)
    return None


def _change_between_months(
    ctx: ArticleContext, cue: Item, subject: Subject, reference: Span | None, period: Ref
) -> Ref | None:
    """ "Exports increased by 3.4 per cent from January to February 2025": a change from one
    month to the next is the later month's, on the month before."""
    if _months_between(period.value.start, period.value.end) != 2:
        return None
    last = list(re.finditer(rf"\b{_MONTH_WORD}\b\.?(?:\s+\d{{4}})?", cue.cue.text))
    if len(last) < 2:
        return None
    start = cue.start + last[-1].start()
    end = cue.start + last[-1].end()
    rule = ctx.annotation.rules.by_id[
        "period.month_year" if last[-1].group(0)[-1].isdigit() else "period.month"
    ]
    month = Cue("PERIOD", start, end, ctx.text[start:end], rule)
    later = _resolve(ctx, month, subject, reference)
    if later is None or later.value.end != period.value.end:
        return None
    return later


def _period_from_base(
    ctx: ArticleContext, period: Ref | None, base_periods, subject: Subject
) -> Ref | None:
    """ "Imports from China were up 12.4% on the same quarter of 2024", in an article on March
    and the first quarter: a base spanning several months, a year back, names the span the
    figure is about: the same months this year, which hold the inherited month."""
    if period is None or not base_periods:
        return None
    base = _resolve(ctx, base_periods[0], subject, _as_span(ctx.reference))
    if base is None:
        return None
    if (
        base.value.granularity == "month"
        and (period.value.start, period.value.end) == (base.value.start, base.value.end)
        and re.search(
            r"\bfrom\s+$", ctx.text[max(0, base_periods[0].start - 8) : base_periods[0].start]
        )
    ):
        # "Adjusted exports slipped 0.9 pct from May", after a sentence on May: a change from
        # a month is of the month after it
        after = _as_span(base).shift(months=1)
        value = Period(
            start=after.start,
            end=after.end,
            granularity="month",
            text=base.value.text,
            inferred=True,
        )
        return Ref(value, base.text, base.span, f"{base.rule}+month_after_base", True)
    if base.value.granularity not in ("quarter", "half", "range", "year"):
        return None
    shifted = _as_span(base).shift(years=1)
    inherited = period.value
    if not (shifted.start <= inherited.start and inherited.end == shifted.end):
        return None
    if (shifted.start, shifted.end) == (inherited.start, inherited.end):
        return None
    value = Period(
        start=shifted.start,
        end=shifted.end,
        granularity=base.value.granularity,
        text=base.value.text,
        inferred=base.value.inferred,
    )
    return Ref(value, base.text, base.span, f"{base.rule}+year_after_base", True)


def _currency_dealing(text: str, frame: Frame) -> bool:
    """ "The central bank bought nearly two billion U.S. dlrs between March 5 and 23": money
    bought or sold with nothing after it saying what goods or whose market ("worth of", "of",
    "in", "to", "from") is a currency deal, not trade."""
    verbs = [f for f in frame.flows if f.rule_id.endswith((".bought", ".sold", ".purchased"))]
    if not verbs or len(frame.flows) != len(verbs):
        return False
    figures = [i for i in frame.items if i.kind == "FIG" and i.start > verbs[0].end]
    if not figures or figures[0].figure.kind != "money":
        return False
    figure = figures[0]
    if not re.fullmatch(r"[\s\w]{0,20}", text[verbs[0].end : figure.start]):
        return False
    if any(i.kind in ("COMMODITY", "PLACE") and i.start > figure.end for i in frame.items):
        return False
    return not re.match(
        r"\s*(?:['’]s?\s*)?(?:worth|of|in|to|from|abroad|overseas)\b", text[figure.end :], re.I
    )


def _frame_drafts(
    ctx: ArticleContext, frame: Frame, sentence: tuple[int, int], frames: list[Frame]
) -> list[Draft]:
    if not frame.slots:
        return []
    if _currency_dealing(ctx.text, frame):
        return []
    if frame.inherited:
        last = ctx.last_subject
        subject = replace(
            last,
            inherited_flow=True,
            flow_ref=replace(last.flow_ref, inherited=True),
            reporter=replace(last.reporter, inherited=True) if last.reporter else None,
        )
        # "Semiconductors, the biggest sub-group, slipped 4.3 percent": new goods, same flow
        first_figure = next((i for i in frame.items if i.kind == "FIG"), None)
        goods = [
            i
            for i in frame.items
            if i.kind == "COMMODITY" and (first_figure is None or i.end <= first_figure.start)
        ]
        if not goods and first_figure is not None:
            # "took about 1.62 million bpd of Saudi crude": goods after a volume
            after = next(
                (
                    i
                    for i in frame.items
                    if i.kind == "COMMODITY"
                    and i.start >= first_figure.end
                    and re.fullmatch(
                        r"\s+of\s+(?:[A-Z][\w-]*\s+)?", ctx.text[first_figure.end : i.start]
                    )
                ),
                None,
            )
            if after is not None:
                subject = replace(subject, commodity=_commodity_ref(after.cue))
        if goods:
            subject = replace(subject, commodity=_commodity_ref(goods[-1].cue), partner=None)
        places = [
            i
            for i in frame.items
            if i.kind == "PLACE" and (first_figure is None or i.end <= first_figure.start)
        ]
        if (
            not goods
            and len(places) == 1
            and last.partner is not None
            and places[0].cue.rule.kind != "demonym"
            and _code(subject.reporter) != places[0].cue.rule.code
        ):
            # "China was the top source of imports. Indonesia came next with US$1.04 billion"
            subject = replace(subject, partner=_place_ref(places[0].cue))
        elif (
            len(places) == 1
            and subject.flow == "export"
            and _code(subject.reporter) != places[0].cue.rule.code
            and _BUYERS_AFTER.match(ctx.text, places[0].end)
        ):
            # "Chinese buyers took about 1.62 million bpd of Saudi crude": the market
            subject = replace(subject, partner=_place_ref(places[0].cue))
        hint = frame.flow_hint
        if hint is not None and hint.rule.flow != subject.flow:
            subject = replace(
                subject,
                flow=hint.rule.flow,
                flow_ref=Ref(hint.rule.flow, hint.cue.text, (hint.start, hint.end), hint.rule_id),
                inherited_flow=False,
            )
        subjects = [subject]
        listed = _respective_goods(ctx.text, frame, goods, ctx.annotation.rules)
        if listed:
            # "Knitwear and woven garments contributed $17.75 billion and $15.09 billion
            # respectively"
            subjects = [replace(subject, commodity=_commodity_ref(g.cue)) for g in listed]
    else:
        subjects = _subject(ctx, frame, sentence)
        if not subjects:
            return []
        subjects = [_inherit_subject(ctx, s) for s in subjects]
        ctx.sentence_subject = subjects[-1]
        for subject in subjects:
            if (
                subject.flow == "total_trade"
                and subject.partner is not None
                and not subject.partner.inherited
            ):
                ctx.last_pair = subject.partner
    for slot in frame.slots:
        # "short of the US$1.1 billion that analysts polled by Reuters had expected"
        if _EXPECTED_AFTER.match(ctx.text, slot.figure.end):
            slot.forecast = True
    main = [
        s
        for s in frame.slots
        if s.role in ("value", "change")
        # "ISK 42.0 billion more than in the preceding twelve months": a difference, no level
        and not (s.role == "value" and _DIFFERENCE_AFTER.match(ctx.text, s.figure.end))
    ]
    comparisons = [s for s in frame.slots if s.role.startswith("comparison")]
    forecast_cue = _forecast_cue(frame)
    streak_item = next((i for i in frame.items if i.kind == "STREAK"), None)
    qualifiers = {
        i.rule.qualifier
        for i in frame.items
        if i.kind == "QUALIFIER" and i.rule.qualifier not in ("forecast", "revised")
    }
    source = _sentence_source(ctx, sentence)

    # Period of the frame: stated with a figure, in the frame, in the sentence, or inherited.
    used = ctx.consumed_periods | {
        id(s.period_cue) for s in comparisons if s.period_cue is not None
    }
    text = ctx.text
    used |= _trailing_comparison_periods(text, frame, main)

    def own_period(item: Item) -> bool:
        return (
            item.kind == "PERIOD"
            and id(item) not in used
            and not _aside_period(text, sentence, item, main)
            and not is_comparison_period(text, 0, item)
            and not is_backward(item)
            and not _EVENT_DATE.search(text, max(0, item.start - 40), item.start)
        )

    frame_periods = [i for i in frame.items if own_period(i)]
    sibling_periods = frozenset(
        id(i)
        for f in frames
        if f is not frame and not f.topic and f.slots
        for i in f.items
        if i.kind == "PERIOD"
    )
    sentence_periods = [i for f in frames if not f.topic for i in f.items if own_period(i)]
    topic_periods = [i for f in frames if f.topic for i in f.items if own_period(i)]
    base_periods = [
        i
        for i in frame.items
        if i.kind == "PERIOD" and id(i) not in used and is_comparison_period(text, 0, i)
    ]
    reference = _as_span(ctx.reference)

    groups: list[tuple[Subject, list[Slot], str]] = []
    base = subjects[0]
    plain = [s for s in main if s.own is None or _same_as_subject(s.own, base)]
    paired: dict[int, list[Slot]] = {}
    for slot in main:
        if slot not in plain:
            paired.setdefault(id(slot.own), []).append(slot)
    changes = [s for s in plain if s.role == "change"]
    values = [s for s in plain if s.role == "value"]
    if len(subjects) > 1 and (len(changes) == len(subjects) or len(values) == len(subjects)):
        # "Poland, Denmark and the United States were the largest buyers ..., at NOK 19.2
        # billion, NOK 15.1 billion and NOK 13.0 billion respectively": in the order written
        subjects = sorted(subjects, key=_written_at)
        for index, subject in enumerate(subjects):
            picked = []
            if len(changes) == len(subjects):
                picked.append(changes[index])
            if len(values) == len(subjects):
                picked.append(values[index])
            groups.append((subject, picked, "coordination.respectively"))
    elif len(subjects) > 1 and len(changes) <= 1 and len(values) <= 1:
        joined = _joined_goods(subjects, text)
        if joined is not None:
            groups = [(joined, plain, "coordination.joined_goods")]
        else:
            groups = [(subject, plain, "coordination.shared_figure") for subject in subjects]
    elif plain:
        groups = [(base, plain, "frame.single")]
    for slots in paired.values():
        groups.append(
            (
                _with_own(base, slots[0].own, slots[0].figure, ctx.text),
                slots,
                "pair.place_or_goods_figure",
            )
        )
    groups = [
        split
        for subject, slots, rule in groups
        for split in _split_measures(ctx.text, subject, slots, rule)
    ]

    drafts: list[Draft] = []
    frame_currency = next(
        (_currency(ctx, s.figure, None)[0] for s in frame.slots if s.figure.currency), None
    )
    for subject, slots, rule in groups:
        # Slots stated with different periods are different facts ("rose 5% in January and
        # 3% in February"); a slot without its own period joins the first group.
        by_period: list[list] = []
        for slot in slots:
            cell = ctx.table_cells.get(slot.figure.start)
            if cell is not None and cell.period is not None:
                slot.period_cue = Item(
                    "PERIOD", cell.period.start, cell.period.end, cue=cell.period
                )
            key = slot.period_cue
            if key is not None and _aside_period(ctx.text, sentence, key, [slot]):
                key = None  # "Balance: +US$7.25bn (Q2 2024: +US$5.36bn)"
            if "value.revised_from" in slot.rules:
                by_period.append([key, [slot]])  # the earlier estimate: a fact of its own
                continue
            target = next(
                (
                    group
                    for group in by_period
                    if key is None
                    # "the surplus reached US$13.48bn, including a revised US$6.23bn in the
                    # first quarter": a second level with a period of its own is another fact
                    or group[0] is None
                    and not any(s.role == slot.role for s in group[1])
                    or group[0] is not None
                    and group[0].cue.text.lower() == key.cue.text.lower()
                ),
                None,
            )
            if target is None:
                by_period.append([key, [slot]])
            else:
                target[1].append(slot)
                if target[0] is None:
                    target[0] = key
        for period_cue, period_slots in by_period:
            draft = _draft(
                ctx,
                frame,
                subject,
                period_slots,
                period_cue,
                frame_periods,
                sentence_periods,
                reference,
                sentence,
                frame_currency,
                base_periods,
                topic_periods,
                sibling_periods,
            )
            if draft is None:
                continue
            draft.rules.append(rule)
            draft.qualifiers |= qualifiers
            if forecast_cue is not None or any(s.forecast for s in period_slots):
                draft.qualifiers.add("forecast")
            if streak_item is not None:
                draft.streak = _streak_ref(streak_item)
            draft.source = source
            drafts.append(draft)
    # "Factories supplied the market": only a foreign country supplying is an import
    drafts = [d for d in drafts if _supplier_of_the_home_country(ctx, d)]
    for draft in drafts:
        _buyer_of_home_goods(ctx, draft)
        _partner_role_with_a_flow_verb(ctx, draft)
        _goods_of_the_article(ctx, draft, sentence)
        if _pluperfect_base(ctx, frame, draft):
            # "Exports declined 1.8% in August ... In July, exports had risen by 0.5%."
            draft.qualifiers.add("comparison")
            draft.rules.append("comparison.pluperfect")
        elif _year_earlier_restatement(ctx, frame, draft):
            # "Imports rose to 23.6 billion baht. They were 20.2 billion in February 1986."
            draft.qualifiers.add("comparison")
            draft.rules.append("comparison.year_earlier_sentence")
    main_drafts = [
        d for d in drafts if "forecast" not in d.qualifiers and "comparison" not in d.qualifiers
    ]
    if main_drafts:
        ctx.last_subject = main_drafts[-1].subject
        if ctx.last_subject.commodity is not None and ctx.last_subject.commodity.rule.endswith(
            "+part_of_flow"
        ):
            # "Electronic products made up US$512 million of the shipments to the US. China,
            # the second-biggest buyer, took US$1.09 billion": the part is not what goes on
            ctx.last_subject = replace(ctx.last_subject, commodity=None)
        # "a surplus of 412 mln in February, against a revised deficit of 655 mln in January":
        # a revision of an earlier period does not move the passage there
        main_drafts = [d for d in main_drafts if "revised" not in d.qualifiers] or main_drafts
        if (
            main_drafts[-1].period is not None
            and not main_drafts[-1].period.inherited
            # "874 mln in the same period of 1986": a base, not what the passage is about
            and not BACKWARD.search(main_drafts[-1].period.rule)
            # "Trade balance, last twelve months: US$14,096 million": a rolling total beside
            and not main_drafts[-1].period.rule.startswith("period.past_n_months")
        ):
            last = main_drafts[-1].subject.reporter
            _set_reference(ctx, main_drafts[-1].period, last.value.code if last else None)
            stated = main_drafts[-1].period
            resolved = ctx.period_resolutions.get(stated.span[0]) if stated.span else None
            if (
                _is_headline(ctx, main_drafts[-1])
                and resolved is not None
                and resolved.relative_to == "published"
            ):
                # "India's first-half exports slide 8.5%": the body says which half
                ctx.headline_reference = True
            elif ctx.headline_reference:
                ctx.headline_reference = False
                title, body = ctx.main_reference, main_drafts[-1].period
                if (
                    title is not None
                    and title.value.start != body.value.start
                    and _months_between(title.value.start, title.value.end)
                    == _months_between(body.value.start, body.value.end)
                ):
                    # the calendar first half of the title was the fiscal one of the body
                    ctx.main_reference = body
                    ctx.main_by_reporter.clear()
                    _set_reference(ctx, body, last.value.code if last else None)
    for slot in main:
        if slot.basis_cue is not None and slot.role == "change":
            ctx.last_basis = slot.basis_cue.rule.basis
    anchor_period = drafts[0].period if drafts else ctx.reference
    for slot in comparisons:
        draft = _comparison_draft(
            ctx, frame, subjects[0], slot, anchor_period, sentence, frame_currency, source
        )
        if draft is not None:
            drafts.append(draft)
    for slot in frame.slots:
        if slot.basis_cue is not None and slot.role.endswith("change"):
            ctx.last_basis = slot.basis_cue.rule.basis
        if slot.figure.currency:
            resolved, _ = _currency(ctx, slot.figure, frame_currency)
            ctx.last_currency = resolved
            if not slot.figure.currency_candidates:
                ctx.explicit_currencies.append(slot.figure.currency)
    return drafts


def _written_at(subject: Subject) -> int:
    """Where a coordinated subject is named: its partner, else its goods, else its flow."""
    for ref in (subject.partner, subject.commodity, subject.flow_ref):
        if ref is not None and ref.span is not None and not ref.inherited:
            return ref.span[0]
    return 0


def _joined_goods(subjects: list[Subject], text: str) -> Subject | None:
    """ "Imports of oil and natural gas fell 6.2 pct", "Sales of computers and office
    machinery grew 11 pct": one figure for goods named together is one fact about both, coded
    by the heading they share."""
    first = subjects[0]
    if any(
        s.commodity is None
        or s.flow != first.flow
        or _code_of(s.reporter) != _code_of(first.reporter)
        or _code_of(s.partner) != _code_of(first.partner)
        for s in subjects
    ):
        return None
    goods = [s.commodity for s in subjects]
    if len({g.span for g in goods}) != len(goods) or any(g.span is None for g in goods):
        return None
    codes = [g.value.hs for g in goods]
    if any(code is None for code in codes):
        return None
    shared = ""
    for size in (6, 4, 2):
        prefixes = {code[:size] for code in codes}
        if len(prefixes) == 1 and all(len(code) >= size for code in codes):
            shared = prefixes.pop()
            break
    if not shared:
        return None
    start, end = goods[0].span[0], goods[-1].span[1]
    names = [g.value.name for g in goods]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    surface = text[start:end]
    value = goods[0].value.model_copy(update={"name": name, "hs": shared, "text": surface})
    commodity = replace(
        goods[0], value=value, text=surface, span=(start, end), rule=f"{goods[0].rule}+joined"
    )
    return replace(first, commodity=commodity)


def _previous_sentence_start(ctx: ArticleContext, sentence: tuple[int, int]) -> int:
    index = ctx.sentence_index
    sentences = ctx.annotation.sentences
    return sentences[index - 1][0] if index >= 1 and index - 1 < len(sentences) else sentence[0]


def _code_of(ref: Ref | None) -> str | None:
    return ref.value.code if ref is not None else None


def _same_as_subject(item: Item, subject: Subject) -> bool:
    if item.kind == "PLACE":
        code = item.cue.rule.code
        return any(
            ref is not None and ref.value.code == code
            for ref in (subject.partner, subject.reporter)
        )
    return subject.commodity is not None and subject.commodity.value.name == item.cue.rule.name


def _with_own(subject: Subject, item: Item, figure: Item, text: str) -> Subject:
    if item.kind == "PLACE":
        before = text[max(0, item.start - 20) : item.start]
        partner_by_preposition = subject.partner is not None and bool(
            re.search(
                r"\b(?:to|from|with|into|for)\s+(?:the\s+)?$",
                text[max(0, subject.partner.span[0] - 15) : subject.partner.span[0]],
                re.IGNORECASE,
            )
        )
        if (
            re.fullmatch(r"\s*,\s*", text[item.end : figure.start])
            and not partner_by_preposition
            and subject.reporter is not None
            and subject.reporter_stated
            and not re.search(
                r"\b(?:to|from|with|into|for|of|in)\s+(?:the\s+)?$", before, re.IGNORECASE
            )
        ):
            # "Canadian imports rose 3.2 pct ...; Japan, 9.9 pct ..., and Britain, 20.2 pct":
            # the list goes on with other importers
            return replace(subject, reporter=_place_ref(item.cue))
        return replace(subject, partner=_place_ref(item.cue))
    return replace(subject, commodity=_commodity_ref(item.cue))


def _measure(slot: Slot) -> tuple[str, str | None]:
    figure = slot.figure
    return ("volume", figure.unit) if figure.kind == "quantity" else ("money", figure.currency)


def _split_measures(
    text: str, subject: Subject, slots: list[Slot], rule: str
) -> list[tuple[Subject, list[Slot], str]]:
    """A volume and a value of one subject are two facts ("6.8 million tonnes, worth US$4.37
    billion, up 10.4% in volume and 23.5% in value"); each change goes with the measure it
    names, else with the nearest level."""
    values = [s for s in slots if s.role == "value"]
    if len({_measure(v) for v in values}) <= 1:
        return [(subject, slots, rule)]
    buckets: list[list[Slot]] = [[v] for v in values]
    for slot in slots:
        if slot.role != "change":
            continue
        after = text[slot.figure.end : slot.figure.end + 30].lower()
        wanted = (
            "volume"
            # "up 10.4% in volume", "5% volume growth"; not ", although volumes rose to ..."
            if re.search(r"\b(?:in|by) (?:volume|quantity)", after)
            or re.match(r"[^,;]{0,12}\bvolume", after)
            else "money"
            if re.search(r"\b(?:in|by) value|value terms|dollar terms", after)
            else None
        )
        candidates = [
            b for b in buckets if wanted is None or _measure(b[0])[0] == wanted
        ] or buckets
        best = min(candidates, key=lambda b: abs(b[0].figure.start - slot.figure.start))
        if not any(s.role == "change" for s in best):
            best.append(slot)
    return [(subject, bucket, f"{rule}+measure_split") for bucket in buckets]


def _forecast_cue(frame: Frame) -> Item | None:
    first_figure = next((i for i in frame.items if i.kind == "FIG"), None)
    for item in frame.items:
        if item.kind == "QUALIFIER" and item.rule.qualifier == "forecast":
            if first_figure is None or item.start < first_figure.start:
                return item
    return None


def _trailing_comparison_periods(text: str, frame: Frame, main: list[Slot]) -> set[int]:
    """Periods written after a figure that is not the fact's own, once a comparator has been
    passed: "rose to 998.4 mln, from 889.2 mln (revised from 889.5) in January and 903.2 in
    February 1986"."""
    levels = {id(s.figure) for s in main}
    found: set[int] = set()
    last_main = None
    for position, item in enumerate(frame.items):
        if item.kind != "FIG":
            continue
        if id(item.figure) in levels:
            last_main = item
            continue
        if last_main is None:
            continue
        following = frame.items[position + 1] if position + 1 < len(frame.items) else None
        if (
            following is not None
            and following.kind == "PERIOD"
            and re.fullmatch(
                r"[\s,)]*(?:(?:in|for|during)\s+)?(?:the\s+)?",
                text[item.end : following.start],
                re.IGNORECASE,
            )
            and _COMPARATOR_WORD.search(text[last_main.end : item.start])
        ):
            found.add(id(following))
    return found


def _draft(
    ctx: ArticleContext,
    frame: Frame,
    subject: Subject,
    slots: list[Slot],
    period_cue: Item | None,
    frame_periods: list[Item],
    sentence_periods: list[Item],
    reference: Span | None,
    sentence: tuple[int, int],
    frame_currency: str | None,
    base_periods: list[Item] = (),
    topic_periods: list[Item] = (),
    sibling_periods: frozenset[int] = frozenset(),
) -> Draft | None:
    draft = Draft(subject=subject, sentence=sentence)
    if period_cue is not None and is_comparison_period(ctx.text, 0, period_cue):
        period_cue = None
    for slot in slots:
        if slot.role == "change" and draft.change is None:
            draft.change = _change_ref(ctx, slot)
            draft.rules.extend(slot.rules)
        elif slot.role == "value" and draft.value is None:
            value, carried = _value_ref(ctx, slot, subject, frame_currency)
            if value is not None:
                draft.value = value
                draft.currency_carried = carried
                draft.rules.extend(slot.rules)
        if slot.revised:
            draft.qualifiers.add("revised")
    if draft.value is None and draft.change is None:
        return None
    # The frame's own period nearest its figures ("The February figure gives a surplus for
    # 1987 of 180 mln crowns"), else one elsewhere in the sentence, even in a clause about
    # something else ("Industrial production in January and February ... while exports fell").
    anchor = min(s.figure.start for s in slots)
    last_figure = max(s.figure.end for s in slots)
    own = sorted(
        (
            i
            for i in frame_periods
            if i.rule_id not in _SINGLE_DAYS
            # "fell 8.2 percent, as buyers stayed cautious after the export ban in the second
            # quarter": a period in a clause giving reasons is not the figure's
            and not (
                i.start > last_figure and _REASON_CLAUSE.search(ctx.text, last_figure, i.start)
            )
        ),
        # a range dated day by day ("(July 16, 2024 to January 13, 2025)") says it exactly
        key=lambda i: (i.rule_id not in _DATED_RANGES, abs(i.start - anchor), i.start < anchor),
    )
    elsewhere = [
        i
        for i in sentence_periods + topic_periods
        if i.rule_id not in _SINGLE_DAYS
        and not (
            i.start > last_figure
            and _REASON_CLAUSE.search(ctx.text, last_figure, i.start)
            # "exports fell six pct as imports rose 10 pct in January": a parallel clause
            # with trade figures of its own shares its period
            and id(i) not in sibling_periods
        )
    ]
    undated = own + elsewhere
    cue = period_cue or (undated[0] if undated else None)
    if cue is not None and cue.rule_id not in _DATED_RANGES:
        # "in the first six months of the fiscal year 2081/82 (July 16, 2024 to January 13,
        # 2025)": the dates given right after a period define it
        cue = next(
            (
                i
                for i in frame_periods
                if i.rule_id in _DATED_RANGES and 0 <= i.start - cue.end <= 100
            ),
            cue,
        )
    period = _resolve(ctx, cue, subject, reference) if cue is not None else None
    if period is None and cue is not None:
        # "Over the last twelve months, April 2024 to March 2025, ...": with nothing for the
        # first to count back from, the next period the sentence gives
        for other in undated:
            if other is not cue:
                period = _resolve(ctx, other, subject, reference)
                if period is not None:
                    cue = other
                    break
    if period is not None and draft.change is not None and cue.rule_id == "period.month_range_from":
        later = _change_between_months(ctx, cue, subject, reference, period)
        if later is not None:
            period = later
            change = draft.change.value.model_copy(update={"basis": "month_on_month"})
            draft.change = replace(draft.change, value=change)
            draft.rules.append("basis.from_month_to_month")
    if period is not None and period.value.granularity == "year":
        # "year-to-date exports ... for 2024": the year qualifies the partial period
        for other in frame_periods:
            if other is cue:
                continue
            if other.rule_id in _SINGLE_DAYS:
                # "in the 2023/24 marketing year ... reached 34.6 million tonnes as of April 8"
                to_date = _to_date(ctx, other, period)
                if to_date is not None:
                    period = to_date
                    break
                continue
            partial = _resolve(ctx, other, subject, reference)
            if (
                partial is not None
                and partial.value.granularity != "year"
                and period.value.start
                <= partial.value.start
                <= partial.value.end
                <= period.value.end
            ):
                if (
                    partial.value.granularity == "month"
                    and ctx.published is not None
                    and period.value.start <= ctx.published <= period.value.end
                ):
                    # "The February figure gives a trade surplus for 1987 of 180 mln": the
                    # year so far, to the end of that month
                    partial = Ref(
                        Period(
                            start=period.value.start,
                            end=partial.value.end,
                            granularity="range",
                            text=period.value.text,
                            inferred=period.value.inferred,
                        ),
                        period.text,
                        period.span,
                        f"{period.rule}+to_month",
                        period.inherited,
                    )
                period = partial
                break
    if period is not None and period.rule == "period.year_to_month":
        period = _change_in_the_year_to(ctx, draft, subject, period)
    if period is None:
        inherited = _inherited_period(
            ctx,
            subject.reporter.value.code if subject.reporter is not None else None,
            cumulative=bool(
                re.search(
                    r"\b(?:cumulative|cumulated|year-to-date|so far this year)\b",
                    ctx.text[sentence[0] : sentence[1]],
                    re.IGNORECASE,
                )
            ),
            breakdown=(
                subject.commodity is not None
                or subject.partner is not None
                or any(
                    s.basis_cue is not None and s.basis_cue.rule.basis == "month_on_month"
                    for s in slots
                    if s.role == "change"
                )
                # "exports rose 0.9% from the previous month, and the balance swung to a
                # deficit": a clause beside a monthly change is of the month too
                or any(
                    c.label == "BASIS"
                    and c.rule.basis == "month_on_month"
                    and sentence[0] <= c.start < sentence[1]
                    for c in ctx.annotation.cues
                )
            ),
        )
        if inherited is not None:
            period = replace(inherited, inherited=True)
            period = _larger_than_the_whole(ctx, draft, subject, period) or period
        period = _period_from_base(ctx, period, base_periods, subject) or period
    if (
        period is not None
        and ctx.published is not None
        and period.value.granularity == "year"
        and period.value.start <= ctx.published < period.value.end
        and _forecast_cue(frame) is None
        # "is estimated at 3.04 billion dlrs in fiscal 1986/87": the whole year
        and not re.search(r"\bestimated\s+(?:at|to)\b", ctx.text[sentence[0] : sentence[1]])
    ):
        # "a trade surplus for 1987 of 180 mln" in March 1987: the year so far
        last_month = date(ctx.published.year, ctx.published.month, 1) - timedelta(days=1)
        if last_month >= period.value.start:
            period = Ref(
                Period(
                    start=period.value.start,
                    end=last_month,
                    granularity="range",
                    text=period.value.text,
                    inferred=period.value.inferred,
                ),
                period.text,
                period.span,
                f"{period.rule}+to_date",
                period.inherited,
            )
    draft.period = period
    # "compared with $3.1 billion a year earlier, an increase of 9.7%": the base figure's period
    bases = list(base_periods) or [
        s.period_cue
        for s in frame.slots
        if s.role == "comparison_value" and s.period_cue is not None
    ]
    if (
        draft.change is not None
        and period is not None
        and bases
        and not any(s.basis_cue for s in slots if s.role == "change")
    ):
        basis = _basis_between(ctx, period, bases[0], subject)
        if basis is not None:
            ctx.last_basis = basis
            draft.change = Ref(
                Change(
                    percent=draft.change.value.percent, basis=basis, text=draft.change.value.text
                ),
                draft.change.text,
                draft.change.span,
                draft.change.rule,
            )
            draft.rules.append("basis.from_comparison_period")
    if period is not None and ctx.published is not None and period.value.start > ctx.published:
        draft.qualifiers.add("forecast")
    figures = [s.figure for s in slots]
    draft.anchor = (min(f.start for f in figures), max(f.end for f in figures))
    draft.rules = [subject.flow_ref.rule, *draft.rules]
    return draft


def _aside_period(text: str, sentence: tuple[int, int], item: Item, main: list[Slot]) -> bool:
    """ "Balance: +US$7.25bn (Q2 2024: +US$5.36bn)", "fell 7.4% (+1.7% in July 2023)": a
    period in brackets with a figure of its own is that figure's, not the main figures'."""
    opened = text.rfind("(", sentence[0], item.start)
    if opened < 0 or ")" in text[opened : item.start]:
        return False
    closed = text.find(")", item.end, sentence[1])
    if closed < 0 or "(" in text[item.end : closed]:
        return False
    outside = [s for s in main if not opened < s.figure.start < closed]
    has_figure = re.search(r"\d", text[opened : item.start] + text[item.end : closed])
    return bool(has_figure) and bool(outside)


def _change_in_the_year_to(ctx: ArticleContext, draft: Draft, subject: Subject, period: Ref) -> Ref:
    """ "Japan's exports rose 28.1% in the year to September": a change with no level over
    "the year to" a month is that month against the same month a year before, unless the
    month ends the reporter's fiscal year ("in the year to March" in Tokyo is fiscal)."""
    if draft.value is not None or draft.change is None:
        return period
    fiscal = _fiscal(ctx, subject)
    end = period.value.end
    if (
        fiscal is not None
        and fiscal.start_month != 1
        and end.month == (fiscal.start_month + 10) % 12 + 1
    ):
        return period
    month = Period(
        start=end.replace(day=1),
        end=end,
        granularity="month",
        text=period.value.text,
        inferred=period.value.inferred,
    )
    if draft.change.value.basis == "unspecified":
        change = draft.change.value.model_copy(update={"basis": "year_on_year"})
        draft.change = replace(draft.change, value=change)
        ctx.last_basis = "year_on_year"
    return Ref(month, period.text, period.span, f"{period.rule}+change_on_year", period.inherited)


def _to_date(ctx: ArticleContext, day: Item, whole: Ref) -> Ref | None:
    """The part of `whole` up to a day it names "as of", "as at", "through" or "up to"; a day
    on its own dates an announcement, not a figure."""
    if not re.search(
        r"\b(?:as\s+of|as\s+at|through|up\s+to|until|till)\s+$",
        ctx.text[max(0, day.start - 12) : day.start],
        re.IGNORECASE,
    ):
        return None
    span = resolve_period(day.cue.text, published=ctx.published, reference=_as_span(whole))
    if span is None:
        return None
    # a year still running is cut at its last full month, which may come before the day
    start = whole.value.start
    if not start <= span.start <= start.replace(year=start.year + 1):
        return None
    period = Period(
        start=start,
        end=span.start,
        granularity="range",
        text=whole.value.text,
        inferred=whole.value.inferred,
    )
    return Ref(period, whole.text, whole.span, f"{whole.rule}+to_date", whole.inherited)


def _basis_between(ctx: ArticleContext, period: Ref, base: Item, subject: Subject) -> str | None:
    """The basis a comparison period implies: "rose 0.9% from February" in a March fact."""
    span = resolve_period(
        base.cue.text,
        published=ctx.published,
        reference=_as_span(period),
        fiscal=_fiscal(ctx, subject),
    )
    if span is None:
        return None
    months = (
        (period.value.start.year - span.start.year) * 12
        + period.value.start.month
        - span.start.month
    )
    if months == 12 or (period.value.granularity == "year" and months % 12 == 0 and months):
        return "year_on_year"
    if months == 1 and period.value.granularity == "month":
        return "month_on_month"
    if months == 3 and period.value.granularity == "quarter":
        return "quarter_on_quarter"
    return "period_on_period" if months > 0 else None


def _comparison_draft(
    ctx: ArticleContext,
    frame: Frame,
    subject: Subject,
    slot: Slot,
    anchor: Ref | None,
    sentence: tuple[int, int],
    frame_currency: str | None,
    source: Ref | None,
) -> Draft | None:
    draft = Draft(subject=subject, sentence=sentence, qualifiers={"comparison"})
    if slot.role == "comparison_change":
        draft.change = _change_ref(ctx, slot)
    else:
        value, carried = _value_ref(ctx, slot, subject, frame_currency)
        if value is None:
            return None
        draft.value = value
        draft.currency_carried = carried
    if slot.period_cue is not None:
        draft.period = _resolve(ctx, slot.period_cue, subject, _as_span(anchor))
    elif anchor is not None:
        basis = slot.basis_cue.rule.basis if slot.basis_cue is not None else None
        if basis is None:
            main_basis = [
                s.basis_cue.rule.basis
                for s in frame.slots
                if s.basis_cue is not None and s.role == "change"
            ]
            basis = main_basis[0] if main_basis else None
        if basis in _BASIS_MONTHS:
            draft.period = _shift(anchor, _BASIS_MONTHS[basis])
    if draft.period is None:
        return None
    if slot.revised:
        draft.qualifiers.add("revised")
    if slot.forecast:
        draft.qualifiers.add("forecast")
    draft.source = source
    draft.rules = [subject.flow_ref.rule, *slot.rules, "fact.comparison"]
    draft.anchor = (slot.figure.start, slot.figure.end)
    return draft


# ----------------------------------------------------------------------------- records


def _compatible(a: Draft, b: Draft) -> bool:
    if a.value is not None and b.value is not None:
        x, y = a.value.value.amount, b.value.value.amount
        if abs(x - y) > 0.005 * max(abs(x), abs(y)) or a.value.value.unit != b.value.value.unit:
            return False
        if x != y and ("revised" in a.qualifiers) != ("revised" in b.qualifiers):
            return False  # a revision and the first estimate, however close
    if a.change is not None and b.change is not None:
        if abs(a.change.value.percent - b.change.value.percent) > 0.05:
            return False
    return True


def _is_headline(ctx: ArticleContext, draft: Draft) -> bool:
    """A title line: among the first lines of the text, not ending like a sentence."""
    start, end = draft.sentence
    if (
        ctx.annotation.sentences
        and start > ctx.annotation.sentences[min(3, len(ctx.annotation.sentences) - 1)][1]
    ):
        return False
    line = ctx.text[start:end].strip()
    return "\n" not in line and not re.search(r"[.!?\"”’')]$", line) and len(line) < 200


def _repeats(headline: Draft, body: Draft) -> bool:
    """The body fact states the headline's figure, perhaps less rounded ("US$6.1bn" for
    "US$6.12 billion", "shrinks 37%" for "narrowed 37.4 percent")."""
    a, b = headline.subject, body.subject
    same_subject = (
        a.flow == b.flow
        and (a.reporter.value.code if a.reporter else None)
        == (b.reporter.value.code if b.reporter else None)
        and (a.partner.value.code if a.partner else None)
        == (b.partner.value.code if b.partner else None)
        and (a.commodity.value.name if a.commodity else None)
        == (b.commodity.value.name if b.commodity else None)
    )
    if not same_subject:
        return False
    if headline.period is not None and body.period is not None:
        h, b = headline.period.value, body.period.value
        # "first-half" in a title over "the April-September half" of the body: the same
        # length of time is the same period told less exactly
        if (h.start, h.end) != (b.start, b.end) and (
            _months_between(h.start, h.end) != _months_between(b.start, b.end)
            or abs((h.start - b.start).days) > 200
        ):
            return False
    matched = False
    if headline.value is not None:
        if body.value is None:
            return False
        x, y = headline.value.value.amount, body.value.value.amount
        if x * y <= 0 or abs(x - y) > 0.05 * max(abs(x), abs(y)):
            return False
        matched = True
    if headline.change is not None:
        if body.change is None:
            return matched
        if abs(headline.change.value.percent - body.change.value.percent) > 0.5:
            return False
        matched = True
    return matched


def _drop_repeated_headlines(ctx: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """A headline figure the body repeats is the body's fact, not one of its own."""
    headlines = [d for d in drafts if _is_headline(ctx, d)]
    if not headlines:
        return drafts
    body = [d for d in drafts if d not in headlines]
    dropped = [h for h in headlines if any(_repeats(h, b) for b in body)]
    return [d for d in drafts if d not in dropped]


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One fact per subject: drafts with the same key and no conflicting figure merge."""
    merged: list[Draft] = []

    def undated_key(d: Draft) -> tuple:
        key = d.key()
        return key[:4] + key[5:]

    for draft in drafts:
        target = next((m for m in merged if m.key() == draft.key() and _compatible(m, draft)), None)
        if target is None:
            # "South Korea's record 7.1 billion dlrs trade surplus with the U.S. is bound to
            # diminish" and, later, the same figure for 1986: one fact, with its period
            target = next(
                (
                    m
                    for m in merged
                    if (m.period is None) != (draft.period is None)
                    and undated_key(m) == undated_key(draft)
                    and m.value is not None
                    and draft.value is not None
                    and _compatible(m, draft)
                ),
                None,
            )
            if target is not None and target.period is None:
                target.period = draft.period
        if target is None:
            merged.append(draft)
            continue
        for name in ("value", "change", "streak", "source"):
            if getattr(target, name) is None and getattr(draft, name) is not None:
                setattr(target, name, getattr(draft, name))
        target.qualifiers |= draft.qualifiers
        target.rules.extend(r for r in draft.rules if r not in target.rules)
        target.rules.append("fact.merged")
    return merged


def _confidence(draft: Draft) -> float:
    score = 0.95
    subject = draft.subject
    if subject.inherited_flow:
        score -= 0.2
    if subject.reporter is None:
        score -= 0.3
    elif subject.reporter.inherited:
        score -= 0.1
    if subject.partner is not None and subject.partner.inherited:
        score -= 0.05
    if draft.period is None:
        score -= 0.25
    elif draft.period.inherited:
        score -= 0.1
    if draft.currency_carried:
        score -= 0.05
    if "comparison" in draft.qualifiers or "forecast" in draft.qualifiers:
        score -= 0.05
    return round(max(0.05, min(1.0, score)), 2)


def _record(ctx: ArticleContext, draft: Draft) -> TradeFact:
    document = ctx.document
    subject = draft.subject
    spans: dict[str, tuple[int, int]] = {}
    fields = {
        "flow": subject.flow_ref,
        "reporter": subject.reporter,
        "partner": subject.partner,
        "commodity": subject.commodity,
        "period": draft.period,
        "value": draft.value,
        "change": draft.change,
        "streak": draft.streak,
        "source": draft.source,
    }
    rules: list[str] = []
    for name, ref in fields.items():
        if ref is not None and ref.span is not None:
            spans[name] = ref.span
        if ref is not None and ref.rule not in rules and name != "source":
            rules.append(ref.rule)
    rules.extend(r for r in draft.rules if r not in rules)
    if subject.reporter is not None and subject.reporter.inherited:
        rules.append("reporter.inherited")
    if draft.period is not None and draft.period.inherited:
        rules.append("period.inherited")
    if subject.inherited_flow:
        rules.append("frame.anaphora")
    qualifiers = sorted(draft.qualifiers | ctx.article_qualifiers, key=QUALIFIER_ORDER.index)
    start, end = draft.sentence
    raw = ctx.text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    provenance = Provenance(
        doc_id=document.doc_id,
        path=document.path,
        sha256=document.sha256,
        sentence=ctx.text[start:end],
        start=start,
        end=end,
        spans=spans,
        rules=rules,
        extractor=EXTRACTOR,
    )
    return TradeFact(
        id=f"{document.doc_id}:{draft.anchor[0]:04d}-{draft.anchor[1]:04d}",
        doc_id=document.doc_id,
        flow=subject.flow,
        reporter=ctx.tables.as_of(subject.reporter.value, ctx.published)
        if subject.reporter
        else None,
        partner=ctx.tables.as_of(subject.partner.value, ctx.published) if subject.partner else None,
        commodity=subject.commodity.value if subject.commodity else None,
        period=draft.period.value if draft.period else None,
        value=draft.value.value if draft.value else None,
        change=draft.change.value if draft.change else None,
        streak=draft.streak.value if draft.streak else None,
        qualifiers=qualifiers,
        source=draft.source.value if draft.source else None,
        confidence=_confidence(draft),
        provenance=provenance,
    )


__all__ = ["ReferenceTables", "assemble", "infer_published", "EXTRACTOR", "OPENERS"]
