"""Clause analysis: a sentence's cues and figures grouped into subject frames, and the role of
each figure in its frame (a level, a percent change, a prior-period comparison, or none).

A frame opens at a flow cue ("exports", "trade surplus") or at a non-trade topic ("GDP",
"tariffs"); figures belong to the frame before them, except nominal changes that point forward
("a 21.6% rise in seafood imports"). Topic frames absorb figures that are not trade facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .figures import Figure
from .pipeline import Cue

# Words that may stand between a change cue or comparator and its figure.
_FILLER = (
    r"(?:by|of|a|an|the|some|about|around|roughly|approximately|nearly|almost|only|just|"
    r"further|another|record|revised|upwardly|downwardly|preliminary|provisional|estimated|"
    r"annualized|annualised|real|seasonally|adjusted|year-on-year|on-year|total|combined|"
    r"more than|less than|over|under|at least|up to|close to|an estimated|a further|"
    r"a record|a revised|sharp|sharply|steep|modest|slight|solid|strong|robust|whopping|"
    r"massive|hefty|marginal|mere|respective|respectively|,|-|–)"
)
_CHANGE_VERB_END = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|declined|jumped|surged|dropped|climbed|expanded|"
    r"contracted|widened|narrowed|shrank|slipped|eased)$",
    re.IGNORECASE,
)
_FILLERS_ONLY = re.compile(rf"^(?:\s|{_FILLER})*$", re.IGNORECASE)
_COMPARATOR = re.compile(
    rf"\b(?P<word>from|against|versus|vs\.?|compared\s+(?:with|to)|than|after|following|since|"
    rf"reversing|reversed|"
    rf"as\s+against|in\s+contrast\s+to|contrasting\s+with|up\s+from|down\s+from|"
    rf"(?:up|down|higher|lower)\s+on|above|below|"
    rf"(?:increase|rise|gain|growth|jump|climb|decline|decrease|drop|fall|up|down)\s+over)"
    rf"(?:\s|{_FILLER})*$",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of|share|in)\s+(?:the\s+)?(?:total|all|overall|its|their|global|world|the\s+"
    r"country's|the\s+nation's|(?:the\s+)?(?:country|nation|region)|gdp|gnp|gross\s+"
    r"(?:domestic|national)\s+product|shipments\s+to|"
    r"[A-Z](?:\w|\.(?!\s))*(?:\s+[A-Z](?:\w|\.(?!\s))*)?['’]s(?=\s))",
    re.IGNORECASE,
)
_PRICE_AFTER = re.compile(
    r"^\s*(?:(?:a|an|per)\s+|/\s*)(?:metric\s+)?(?:ounce|oz|tonne|ton|barrel|bbl|pound|lb|kg|kilo|"
    r"kilogram|bushel|unit|litre|liter|gallon|mmbtu|share|head|carat|bag|bale)\b",
    re.IGNORECASE,
)
_PAIR_GAP = re.compile(
    r"^\s*(?:\(|:|at|for|with|,|-|–|—)?\s*(?:about|around|some|nearly|roughly|"
    r"almost|more than|over|just over|just under)?\s*$",
    re.IGNORECASE,
)
_TO_LEVEL = re.compile(
    r"\b(?:to|at|of|reaching|reached|totall?ing|totall?ed|hitting|hit|was|were|"
    r"stood at|came in at|came to|amounted to|amounting to|worth|valued at|"
    r"is|are|:)\s*$",
    re.IGNORECASE,
)
_BY = re.compile(
    r"^\s*(?:by\s+)?(?:some|about|around|nearly|almost|roughly|more than|over|"
    r"less than|just over|just under)?\s*$",
    re.IGNORECASE,
)
_APPOSITIVE_NOUNS = re.compile(
    r"\b(?:partner|market|customer|client|supplier|destination|buyer|exporter|importer|"
    r"producer|consumer|economy|neighbou?r|ally|rival|source|user|maker|hub|earner|"
    r"contributor|segment|category|sector|driver|item|goods|product|commodity|commodities|"
    r"sub-group|subgroup|group|component|export|import|indicator|gauge|barometer|bellwether|"
    r"measure|proxy)s?\b",
    re.IGNORECASE,
)
_SHARE_TEXT = re.compile(r"(?:%|\bpct|\bper\s?cent|\bpercent)\s+of\b", re.IGNORECASE)
STRONG = {"FIG", "CHANGE", "BASIS", "STREAK"}
# A period after these words is the comparison base, not the period of the fact.
COMPARISON_PERIOD = re.compile(
    r"\b(?:from|since|than|over|on(?!\s+in\b)|against|versus|vs\.?|compared\s+(?:with|to)|as\s+against|"
    r"up\s+from|down\s+from|above|below)\s+(?:in\s+|that\s+of\s+)?(?:the\s+|a\s+)?"
    r"(?:(?:same|corresponding|comparable)\s+(?:month|months|period|quarter|time)\s+"
    r"(?:of|in|last)\s+|(?:same|corresponding|comparable)\s+|"
    r"(?:value|level|figure|amount|total|one|that|those)s?\s+"
    r"(?:(?:recorded|registered|posted|reported|seen)\s+)?(?:in|for|of)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


_DURATION = re.compile(
    r"(?:the\s+)?(?:first\s+|past\s+|last\s+)?\w+\s+months?"
    r"(?:\s+of\s+(?:the\s+|this\s+|last\s+)?(?:year|fiscal\s+year|\d{4}(?:/\d{2,4})?))?",
    re.IGNORECASE,
)
# Periods that look back from the period of the fact: never the fact's own period unless
# written right after its figure ("rebounded 4.0 percent in the previous month").
BACKWARD = re.compile(
    r"\.(?:relative\.(?:previous|prior|preceding|month_earlier|month_before|"
    r"the_month_before|quarter_earlier|year_earlier|year_ago|year_before|"
    r"one_year|same_(?:month|period|quarter|time)_(?!month$|period$)|"
    r"corresponding))"
)


def is_comparison_period(text: str, offset: int, item: Item) -> bool:
    """A period after "from", "against", "since", "compared with", "than" ...: the base of a
    comparison, not the period of the fact. Durations after "over" ("over the seven months")
    are not comparisons."""
    if item.kind != "PERIOD":
        return False
    window = text[max(0, item.start - offset - 30) : item.start - offset]
    if re.search(r"\b(?:since|when)\b[^,.;]{0,30}\b(?:began|started|begun)\s+in\s+$", window, re.I):
        return True  # "the highest since the series began in 1999"
    wide = text[max(0, item.start - offset - 50) : item.start - offset]
    if re.search(r"\bcomparing\s+[^,;.]{2,35}?\s+(?:with|to|and)\s+$", wide, re.IGNORECASE):
        return True  # "Comparing October 2025 with October 2024, exports rose 15.6%"
    match = COMPARISON_PERIOD.search(window)
    if not match:
        return False
    # "Over January-November, exports were 7.7% higher": "over" opening a clause is a span.
    opening = max(0, item.start - offset - 30) + match.start()
    if match.group(0)[:4].lower() == "over" and re.search(
        r"(?:^|[.;:,\n]|\s[-–—])\s*$", text[max(0, opening - 4) : opening]
    ):
        return False
    return not (
        re.search(r"\bover\s+(?:the\s+)?$", window, re.IGNORECASE)
        and _DURATION.fullmatch(item.cue.text)
    )


def is_backward(item: Item) -> bool:
    return item.kind == "PERIOD" and bool(BACKWARD.search(item.rule_id))


OPENERS = {"FLOW", "TOPIC"}


@dataclass(slots=True)
class Item:
    """A cue or figure in sentence order."""

    kind: str  # a cue label, or "FIG"
    start: int
    end: int
    cue: Cue | None = None
    figure: Figure | None = None
    synthetic: bool = False  # an opener implied by the text ("those to China")

    @property
    def rule(self):
        return self.cue.rule if self.cue is not None else None

    @property
    def rule_id(self) -> str:
        return self.cue.rule_id if self.cue is not None else self.figure.rule  # type: ignore[union-attr]


@dataclass(slots=True)
class Slot:
    """A figure with its role in a frame."""

    figure: Figure
    role: str  # "value" | "change" | "comparison_value" | "comparison_change"
    direction: int = 1
    change_cue: Item | None = None
    basis_cue: Item | None = None
    period_cue: Item | None = None
    sign: int | None = None
    revised: bool = False
    forecast: bool = False
    own: Item | None = None  # a place or goods paired with this figure ("Japan at $945.6 million")
    rules: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Frame:
    """A subject in a clause: its flow cues, the items around them, and its figures."""

    openers: list[Item]
    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    inherited: bool = False
    comparison_openers: list[Item] = field(default_factory=list)
    # For an inherited frame: a flow word in an aside ("Electronic products, which make up
    # half of outbound shipments, rose 1.3%") naming the flow the figures belong to.
    flow_hint: Item | None = None

    @property
    def topic(self) -> bool:
        return any(item.kind == "TOPIC" for item in self.openers)

    @property
    def flows(self) -> list[Item]:
        return [item for item in self.openers if item.kind == "FLOW"]

    def before(self, item: Item) -> list[Item]:
        return [other for other in self.items if other.end <= item.start]

    @property
    def head(self) -> Item:
        return self.openers[-1]


_DURATION_UNITS = {"day", "week", "month", "year", "hour", "minute"}


def ignored_regions(text: str, start: int, items: list[Item]) -> list[tuple[int, int]]:
    """Relative clauses about shares and appositives ("China, South Korea's biggest trading
    partner,") that would otherwise lend their places and figures to the frame."""
    regions = []
    for match in re.finditer(
        r",\s*(?:which|who|whose|that)\b(?:[^,;.]|[.,](?=\d))*(?:,|(?=[;.])|$)", text
    ):
        begin, finish = start + match.start(), start + match.end()
        inside = [i for i in items if begin <= i.start and i.end <= finish]
        # "whose prices follow oil with a lag of about six months": a duration is no figure
        has_figure = any(i.kind == "FIG" and i.figure.unit not in _DURATION_UNITS for i in inside)
        is_share = any(i.kind == "MARKER" and i.rule.role == "share" for i in inside) or bool(
            _SHARE_TEXT.search(match.group(0))
        )
        antecedent = next((i for i in reversed(items) if i.end <= begin), None)
        about_agency = (
            antecedent is not None and antecedent.kind == "AGENCY" and begin - antecedent.end <= 1
        )  # "the Central Bank, which bought more than US$2 billion in the market,"
        if is_share or not has_figure or about_agency:
            regions.append((begin, finish))
    # (also closing the sentence: "with the United States, its biggest market outside Europe.")
    for match in re.finditer(r"(?<=,)(?:[^,;.]|[.,](?=\d)){3,80}(?=,|[.;]?\s*$)", text):
        begin, finish = start + match.start(), start + match.end()
        inside = [i for i in items if begin <= i.start and i.end <= finish]
        # ", the country's single biggest export earner,": may name a flow, never a figure,
        # and follows the noun it describes (a place, goods or a flow word)
        comma = begin - 1
        head = next((i for i in reversed(items) if i.end <= comma), None)
        if (
            head is not None
            and head.kind in ("PLACE", "COMMODITY", "FLOW", "TOPIC")
            and comma - head.end <= 1
            and not any(
                i.kind == "CHANGE" or i.kind == "FIG" and i.figure.unit not in _DURATION_UNITS
                for i in inside
            )
            and (
                _APPOSITIVE_NOUNS.search(match.group(0))
                # ", at the centre of an escalating tariff fight,": an aside on the subject
                or re.match(r"\s*(?:at\s+the|amid|despite|under)\b", match.group(0), re.I)
            )
            and not re.match(r"\s*(?:and|or|but|while|with)\b", match.group(0), re.IGNORECASE)
            # "KUALA LUMPUR, April 7 - Exports to West Germany,": a dateline, then the story
            and not re.search(r"\s[-–—]\s", match.group(0))
            # "Egypt, China and Iran were the main destinations,": a clause, no appositive
            and not re.search(r"\b(?:were|was|are|is|remained|remain|became)\b", match.group(0))
        ):
            regions.append((begin, finish))
    # "$3.94 billion (about E£186 billion at current exchange rates) from $3.31 billion": a
    # conversion in brackets says nothing of its own
    for match in re.finditer(r"\(([^()]{2,80})\)", text):
        begin, finish = start + match.start(), start + match.end()
        inside = [i for i in items if begin <= i.start and i.end <= finish]
        figures = [i for i in inside if i.kind == "FIG"]
        if (
            figures
            and all(i.figure.conversion for i in figures)
            and not any(i.kind in ("FLOW", "PLACE", "COMMODITY", "PERIOD") for i in inside)
        ):
            regions.append((begin, finish))
    # "exports and imports decreased by 7.4% and 10.9%, respectively (+1.7% and -3.2% in
    # July, in the same order)": a bracketed list of earlier figures after a list of figures
    for match in re.finditer(r"\(([^()]{4,120})\)", text):
        begin, finish = start + match.start(), start + match.end()
        inside = [i for i in items if begin <= i.start and i.end <= finish]
        before = [i for i in items if i.end <= begin and i.kind == "FIG"]
        if (
            len(before) >= 2
            and sum(i.kind == "FIG" for i in inside) >= 2
            and any(i.kind == "PERIOD" for i in inside)
            and not any(i.kind in ("FLOW", "COMMODITY", "PLACE") for i in inside)
        ):
            regions.append((begin, finish))
    # "imports - a gauge of underlying domestic demand - increased 4.6%": an aside between
    # dashes that gives no figure
    for match in re.finditer(r"\s[-–—]\s(?:[^-–—.;]){3,90}?\s[-–—]\s", text):
        begin, finish = start + match.start(), start + match.end()
        inside = [i for i in items if begin <= i.start and i.end <= finish]
        if not any(i.kind in ("FIG", "FLOW") for i in inside):
            regions.append((begin, finish))
    # "revised the January deficit to 8.05 billion from the 7.61 billion it reported last
    # month": when the first estimate came out, not the period it is for
    for match in _REPORTED_WHEN.finditer(text):
        regions.append((start + match.start(), start + match.end()))
    return regions


_REPORTED_WHEN = re.compile(
    r"\b(?:(?:that|which)\s+)?(?:(?:it|they|the\s+\w+)\s+)?(?:had\s+)?(?:first\s+)?"
    r"(?:reported|published|gave|announced|estimated|issued|released)\s+"
    r"(?:last\s+month|last\s+week|a\s+month\s+ago|earlier|previously|initially|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December))\b",
    re.IGNORECASE,
)


def _gap(text: str, offset: int, left: int, right: int) -> str:
    return text[left - offset : right - offset] if right > left else ""


def build_frames(text: str, offset: int, items: list[Item]) -> tuple[list[Frame], list[Item]]:
    """Group a sentence's items into frames. Returns the frames and the items before the first
    opener that no frame claimed (candidates for an inherited frame)."""
    frames: list[Frame] = []
    current: Frame | None = None
    items = list(items)
    index = 0
    while index < len(items):
        item = items[index]
        suffix = _goods_suffix_flow(text, offset, items, index)
        if suffix is not None:
            following = items[index + 1] if index + 1 < len(items) else None
            if following is not None and following.start == suffix.start:
                if following.kind == "FLOW":
                    suffix = None  # "coffee exports": the word is a flow cue already
                else:
                    items[index + 1] = suffix
            else:
                items.insert(index + 1, suffix)
        goods_flow = _goods_sale(text, offset, items, index)
        if goods_flow is not None:
            if goods_flow.start < item.start:
                items.insert(index, goods_flow)  # "Purchases of wheat": no cue on the word
            else:
                items[index] = goods_flow
            item = goods_flow
        if item.kind not in OPENERS:
            synthetic = _implied_opener(text, offset, items, index, current)
            if synthetic is None:
                if current is not None:
                    current.items.append(item)
                index += 1
                continue
            if item.kind == "PLACE":
                # ", with Japan increased 700 mln dlrs": the new clause opens before the place
                items.insert(index, synthetic)
                item = synthetic
            # A clause continuing the same flow: "those to China", "while pharmaceuticals".
            elif item.kind == "COMMODITY":
                items.insert(index + 1, synthetic)
                if current is not None:
                    current.items.append(item)
                index += 1
                continue
            items[index] = synthetic
            item = synthetic
        if (
            item.kind == "TOPIC"
            and current is not None
            and _topic_of_frame(text, offset, current, item)
        ):
            # "purchases of securities", "a deficit of 8.14 billion marks in the short-term
            # capital account", "four billion marks worth of German bonds": not goods trade
            current.items.append(item)
            current.openers.append(item)
            index += 1
            continue
        verdict = (
            _continues(text, offset, current, item)
            if current is not None and not item.synthetic
            else None
        )
        if (
            verdict is None
            and current is not None
            and item.kind == "FLOW"
            and index >= 2
            and items[index - 1].kind == "MARKER"
            and items[index - 1].rule.role == "share"
            and items[index - 2].kind == "FIG"
            and items[index - 2].figure.kind == "percent"
            and re.fullmatch(r"\s*", _gap(text, offset, items[index - 1].end, item.start))
        ):
            # "receipts of US$3.12 billion, or 56.1 percent of total exports, up 6.0 percent":
            # the whole the share is of, not a new subject
            verdict = "member"
        if (
            verdict is None
            and current is not None
            and current.topic
            and _generic_balance(item)
            and any(
                o.kind == "TOPIC" and o.rule.topic == "external_accounts"
                for f in frames
                for o in f.openers
            )
            and all(f.topic for f in frames)
        ):
            # "In the balance of services, a fall in net investment income led to a 300 mln
            # mark deficit": the account the sentence opened with, not the trade balance
            verdict = "member"
        if (
            verdict is None
            and item.kind == "FLOW"
            and item.rule.form == "verb"
            and current is not None
            and not _has_subject_before(text, offset, items, index)
            # "sold 428 mln dlrs of goods to India and bought 170 mln from India": a
            # coordinated verb of another flow is a clause of its own, with the same subject
            and not (
                index
                and current.flows
                and all(f.rule.flow != item.rule.flow for f in current.flows)
                and re.search(
                    r"\b(?:and|but|while|whereas)\s+(?:\w+\s+)?$",
                    _gap(text, offset, items[index - 1].end, item.start),
                    re.IGNORECASE,
                )
            )
        ):
            verdict = "member"
        if verdict == "compound":
            current.items.append(item)
            current.openers[-1] = item
            index += 1
            continue
        if verdict is not None:
            current.items.append(item)
            if verdict == "member":
                if _comparator_before(text, offset, current, item):
                    current.comparison_openers.append(item)
            elif item.kind == "TOPIC" or (item.kind == "FLOW" and not current.topic):
                current.openers.append(item)
            index += 1
            continue
        start = _region_start(text, offset, items, index, current)
        frame = Frame(openers=[item], start=start, end=item.end)
        if current is not None:
            moved = [i for i in current.items if i.start >= start]
            current.items = [i for i in current.items if i.start < start]
            frame.items.extend(moved)
        else:
            frame.items.extend(i for i in items[:index] if i.start >= start)
        frame.items.append(item)
        frames.append(frame)
        current = frame
        index += 1
    claimed = {id(i) for f in frames for i in f.items}
    leftovers = [i for i in items if id(i) not in claimed and not i.synthetic]
    for frame in frames:
        frame.items.sort(key=lambda i: (i.start, i.end))
        frame.end = frame.items[-1].end
    return frames, leftovers


_CLAUSE_BREAK = re.compile(r"(?:[,;:]|\b(?:while|and|but|whereas|with|as)\b)", re.IGNORECASE)


_SALE_FLOWS = {"sales": "export", "purchases": "import", "shipments": "export", "bill": "import"}


_SUFFIX_FLOWS = {
    "earnings": "export",
    "receipts": "export",
    "revenue": "export",
    "revenues": "export",
    "sales": "export",
    "arrivals": "import",
    "purchases": "import",
}
_GOODS_SUFFIX = re.compile(
    r"[ \t]*\n?[ \t]*(?:export\s+)?(earnings|receipts|revenues?|sales|arrivals|purchases)\b",
    re.IGNORECASE,
)


_REASON_BEFORE = re.compile(
    r"\b(?:on|amid|after|due\s+to|thanks\s+to|because\s+of|on\s+the\s+back\s+of|"
    r"driven\s+by|helped\s+by|led\s+by)\s+(?:(?:the|a|an|higher|lower|larger|smaller|"
    r"strong|stronger|weak|weaker|robust|increased|reduced)\s+)*$",
    re.IGNORECASE,
)


def _goods_suffix_flow(text: str, offset: int, items: list[Item], index: int) -> Item | None:
    """ "Tea earnings fell 13.1 pct", "Lithium carbonate sales slumped 35%", "iron ore
    arrivals rose 2.3%": goods named before the word for what they earned or what came in."""
    item = items[index]
    if item.kind != "COMMODITY":
        return None
    found = _GOODS_SUFFIX.match(text, item.end - offset)
    if found is None:
        return None
    if _REASON_BEFORE.search(text, max(0, item.start - offset - 40), item.start - offset):
        return None  # "up 12.1 percent on larger coal purchases": why, not a flow of its own
    word = found.group(1).lower()
    start, end = found.start(1) + offset, found.end(1) + offset
    flow = _SUFFIX_FLOWS[word]
    rule = _SaleRule(id=f"flow.goods_{word}.{flow}", flow=flow)
    return Item(
        "FLOW", start, end, cue=Cue("FLOW", start, end, text[start - offset : end - offset], rule)
    )


def _goods_sale(text: str, offset: int, items: list[Item], index: int) -> Item | None:
    """ "Sales of phosphates increased 12.1%", "purchases of wheat from abroad rose 9%": in a
    trade passage, sales or purchases of goods are exports or imports, not business activity."""
    item = items[index]
    if item.kind == "COMMODITY":
        # a bare word without a cue of its own
        left = items[index - 1].end if index else max(0, item.start - 40)
        # "the bill for crude oil and petroleum products fell to ...": what was paid abroad
        bare = re.search(
            r"\b(sales|purchases)\s+of\s+(?:the\s+)?$"
            r"|\b(bill)\s+for\s+(?:the\s+)?(?:[A-Z]\w+\s+)?$",
            _gap(text, offset, left, item.start),
            re.IGNORECASE,
        )
        if bare is None:
            return None
        group = 1 if bare.group(1) else 2
        start, end = left + bare.start(group), left + bare.end(group)
        word = bare.group(group).lower()
    elif item.kind == "TOPIC" and index + 1 < len(items):
        word = item.cue.text.lower()
        goods = items[index + 1]
        if word not in _SALE_FLOWS or (
            goods.kind != "COMMODITY"
            or not re.fullmatch(
                r"\s+of\s+(?:the\s+)?", _gap(text, offset, item.end, goods.start), re.IGNORECASE
            )
        ):
            return None
        start, end = item.start, item.end
    else:
        return None
    flow = _SALE_FLOWS[word]
    rule = _SaleRule(id=f"flow.goods_sales.{flow}", flow=flow)
    return Item(
        "FLOW", start, end, cue=Cue("FLOW", start, end, text[start - offset : end - offset], rule)
    )


@dataclass(frozen=True, slots=True)
class _SaleRule:
    """The flow rule behind "sales of" / "purchases of" goods (decided in context)."""

    id: str
    flow: str
    form: str = "noun"
    sign: int | None = None
    commodity: str | None = None
    hs: str | None = None
    label: str = "FLOW"
    case_sensitive: bool = False


def _implied_opener(
    text: str, offset: int, items: list[Item], index: int, current: Frame | None
) -> Item | None:
    """An opener the text implies without a flow word: an anaphor ("those to China", "that
    of cars"), or goods leading a new clause in a passage about a flow ("..., while
    pharmaceuticals fell 29.1%"). It takes the flow of the current frame."""
    if current is None or current.topic or not current.flows:
        return None
    head = current.flows[0]
    section = bool(re.match(r"\s*side\b", text[head.end - offset : head.end - offset + 8]))
    if not section and not any(i.kind == "FIG" for i in current.items):
        return None
    item = items[index]
    if (
        item.kind == "MARKER"
        and item.rule.role == "anaphor"
        and item.cue.text.lower() in ("those", "that", "these")
        and re.match(r"\s+(?:to|from|with|of|for|in)\b", text[item.end - offset :])
    ):
        return Item("FLOW", item.start, item.end, cue=head.cue, synthetic=True)
    previous = items[index - 1] if index else None
    if (
        item.kind == "PLACE"
        and previous is not None
        and previous.kind in ("FIG", "PERIOD", "BASIS")
        and any(i.kind == "FIG" for i in current.items)
    ):
        # "the deficit with Latin America rose 900 mln dlrs to 2.6 billion, with Japan
        # increased 700 mln dlrs to 14.8 billion and with Western Europe rose 200 mln"
        lead = re.search(
            r"(?:,|\band)\s+(with|to|from)\s+(?:the\s+)?$",
            _gap(text, offset, previous.end, item.start),
            re.IGNORECASE,
        )
        following = items[index + 1] if index + 1 < len(items) else None
        if (
            lead is not None
            and lead.group(1).lower() == _PARTNER_WORD.get(head.rule.flow)
            and following is not None
            and (
                following.kind == "CHANGE"
                and following.rule.form == "verb"
                and re.fullmatch(r"\s*", _gap(text, offset, item.end, following.start))
                # "... and with EC nations, 16.7 billion dlrs"
                or following.kind == "FIG"
                and following.figure.kind in ("money", "quantity")
                and re.fullmatch(
                    r"\s*(?:[a-z]+\s*)?,?\s*(?:at\s+)?",
                    _gap(text, offset, item.end, following.start),
                )
            )
        ):
            start = previous.end + lead.start(1)
            return Item("FLOW", start, start, cue=head.cue, synthetic=True)
    if item.kind != "COMMODITY":
        return None
    gap = _gap(text, offset, previous.end if previous else current.start, item.start)
    if previous is None or previous.kind in ("COMMODITY", "PLACE") or not _CLAUSE_BREAK.search(gap):
        return None
    for ahead in items[index + 1 : index + 4]:
        between = _gap(text, offset, item.end, ahead.start)
        if ahead.kind in OPENERS:
            return None
        if ahead.kind == "CHANGE" and ahead.rule.form in ("verb", "adverb") and len(between) < 60:
            return Item("FLOW", item.end, item.end, cue=head.cue, synthetic=True)
        if ahead.kind == "FIG" and len(between) < 8:
            return Item("FLOW", item.end, item.end, cue=head.cue, synthetic=True)
        if ahead.kind not in ("PLACE", "COMMODITY", "QUALIFIER", "MARKER"):
            return None
    return None


_PARTNER_WORD = {"balance": "with", "total_trade": "with", "export": "to", "import": "from"}


def _continues(text: str, offset: int, frame: Frame, item: Item) -> str | None:
    """How an opener relates to the current frame: "opener" (same subject: a compound, a
    coordinated flow, the balance restated as "a deficit of"), "member" (a modifier such as
    "surplus on goods trade", or a comparison "from a surplus of"), or None (a new frame)."""
    last = frame.openers[-1]
    gap = _gap(text, offset, last.end, item.start)
    has_figures = any(i.kind == "FIG" for i in frame.items)
    between = [i for i in frame.items if last.end <= i.start and i.end <= item.start]
    if re.fullmatch(r"[\s-]*", gap):
        if last.kind == item.kind == "FLOW" and item.rule.form != "verb":
            return "compound"  # "foreign trade balance": the last word names the subject
        return "opener"  # a compound: "current account surplus", "import prices"
    if frame.topic and item.kind == "FLOW":
        account = any(
            o.kind == "TOPIC" and o.rule.topic == "external_accounts" for o in frame.openers
        )
        generic = _generic_balance(item)
        if account and generic and ";" not in gap:
            return "member"  # "the current account was in deficit by ...", "... in surplus"
        if re.fullmatch(r"\s+(?:of|for|on)\s+(?:the\s+)?", gap, re.IGNORECASE):
            return "member"  # "the average value of imports"
        return None
    if item.kind != "FLOW":
        return None
    if (
        has_figures
        and item.rule.flow == "total_trade"
        and re.fullmatch(
            r"\s+(?:in|on)\s+(?:its|their|the)\s+",
            _gap(text, offset, frame.items[-1].end, item.start),
            re.IGNORECASE,
        )
    ):
        return "member"  # "a deficit of N2.81 trillion in its trade with China"
    flow = item.rule.flow
    same = any(f.rule.flow == flow for f in frame.flows)
    if _comparator_before(text, offset, frame, item) and same:
        return "member"  # "... from a surplus of 1.2 billion"
    if has_figures:
        return None
    if any(f.rule.form == "role" for f in frame.flows) and item.rule.form != "role":
        # "Uganda remained the leading destination ..., taking exports worth", "China remained
        # the main trading partner, receiving Saudi exports valued at": the flow word names
        # the flow; the role names the partner
        return "compound"
    if item.rule.form == "verb":
        return "member"  # "volumes shipped", "goods exported": not a new subject
    if all(i.kind in ("COMMODITY", "QUALIFIER") for i in between) and re.fullmatch(
        r"\s*(?:on|in|of|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}", gap, re.IGNORECASE
    ):
        return "member"  # "surplus on goods trade", "deficit in merchandise trade"
    if same and not any(i.kind in ("PLACE", "COMMODITY") for i in between) and len(gap) < 60:
        return "opener"  # "The trade balance logged a deficit of ..."
    coordinated = re.fullmatch(r"\s*(?:,|and|or|as well as|,\s*and)\s*", gap, re.IGNORECASE)
    return "opener" if coordinated and not between else None


def _topic_of_frame(text: str, offset: int, frame: Frame, topic: Item) -> bool:
    """A money or accounts topic that says what a flow frame is about: right after its flow
    word ("sales of Treasury securities"), or after its figure when the flow word is a bare
    balance or a purchase ("a deficit of 8.14 billion marks in the capital account")."""
    if frame.topic or topic.rule.topic not in ("money", "external_accounts"):
        return False
    before = [i for i in frame.items if i.end <= topic.start]
    while before and before[-1].kind in ("PLACE", "QUALIFIER"):
        before.pop()  # "worth of German bonds"
    if not before:
        return False
    last = before[-1]
    gap = _gap(text, offset, last.end, topic.start)
    head = frame.openers[-1]
    if last is head and head.kind == "FLOW":
        return bool(
            re.fullmatch(r"\s+(?:of|in)\s+(?:the\s+|foreign\s+|u\.s\.\s+)?", gap, re.IGNORECASE)
        ) or bool(re.fullmatch(r"\s+(?:of\s+)?(?:[\w.-]+\s+)?", gap) and head.rule.form == "verb")
    if last.kind != "FIG" or not (head.kind == "FLOW" and _generic_or_purchase(head)):
        return False
    return bool(
        re.fullmatch(
            r"\s+(?:worth\s+of|in|on|of)\s+(?:the\s+|its\s+)?(?:[\w.-]+\s+){0,2}",
            gap,
            re.IGNORECASE,
        )
    )


def _generic_or_purchase(item: Item) -> bool:
    return (
        _generic_balance(item)
        or item.rule.form == "verb"
        or bool(re.match(r"(?:purchase|sale|bought|sold|buy|sell)", item.cue.text, re.I))
    )


def _generic_balance(item: Item) -> bool:
    """ "deficit", "surplus": a balance word that does not say it is the trade balance."""
    return (
        item.kind == "FLOW"
        and item.rule.flow == "balance"
        and not re.search(
            r"trade|merchandise|goods|visible|exports|imports", item.cue.text, re.IGNORECASE
        )
    )


def _has_subject_before(text: str, offset: int, items: list[Item], index: int) -> bool:
    """ "Japan exported ...", "the country shipped ...": a verb flow with its own subject."""
    item = items[index]
    previous = items[index - 1] if index else None
    if (
        previous is not None
        and previous.kind in ("PLACE", "AGENCY")
        and re.fullmatch(
            r"(?:['’]s)?\s+(?:(?!(?:and|or|but|while|whereas)\b)\w+\s+){0,2}",
            _gap(text, offset, previous.end, item.start),
        )
    ):
        # "Australia sold ... to India and bought ...": a partner, not a new subject
        return True
    if (
        previous is not None
        and previous.kind == "COMMODITY"
        and re.fullmatch(r"\s+", _gap(text, offset, previous.end, item.start))
        and index >= 2
        and re.search(
            r"(?:,|\b(?:while|whereas|but|and))\s+(?:the\s+)?$",
            _gap(text, offset, items[index - 2].end, previous.start),
            re.IGNORECASE,
        )
    ):
        # "..., while woven garments brought in $9.09 billion": goods as the new subject
        return True
    window = text[max(0, item.start - offset - 30) : item.start - offset]
    return bool(
        re.search(r"\b(?:the country|the nation|it|they)\s+(?:\w+\s+){0,2}$", window, re.IGNORECASE)
    )


def _comparator_before(text: str, offset: int, frame: Frame, item: Item) -> bool:
    # "against a revised deficit of 655 mln": a qualifier word sits inside the phrase
    previous = [i for i in frame.items if i.end <= item.start and i.kind != "QUALIFIER"]
    left = previous[-1].end if previous else frame.start
    if (
        previous
        and previous[-1].kind == "FIG"
        and re.fullmatch(r"[\s-]*", _gap(text, offset, previous[-1].end, item.start))
    ):
        # "narrower than the US$4.64 billion deficit in December 2018": the comparator sits
        # before the figure written in front of the flow word
        before = previous[-2].end if len(previous) > 1 else frame.start
        return bool(_COMPARATOR.search(_gap(text, offset, before, previous[-1].start)))
    return bool(_COMPARATOR.search(_gap(text, offset, left, item.start)))


# Words between a determiner and an attributive figure: "a record 7.1 billion surplus".
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|our|this|that|whose)|['’]s)\s+"
    r"(?:(?:record|revised|estimated|provisional|preliminary|massive|whopping|hefty|huge|"
    r"modest|small|slight|total|combined|net|annual|monthly|cumulative|projected|expected|"
    r"mere|some|about|around|nearly|almost|roughly|over|more than|less than|"
    r"(?:19|20)\d\d|(?:19|20)\d\d['’]s)\s+)*$",
    re.IGNORECASE,
)


def _attributive(text: str, offset: int, items: list[Item], index: int) -> bool:
    return _attributive_figure(text, offset, items, index) is not None


def _attributive_figure(text: str, offset: int, items: list[Item], index: int) -> Item | None:
    """A money or quantity figure written in front of the opener's noun, after a determiner:
    "a 5.5 billion dlr deficit", "its $7.1bn trade surplus", "a 40 billion dlr foreign debt",
    "the record 169 billion dlrs U.S. trade deficit" (a country between them). Such a figure
    belongs to the frame the opener begins."""
    if index == 0 or items[index].synthetic:
        return None
    position = index - 1
    if (
        position >= 1
        and items[position].kind == "PLACE"
        and re.fullmatch(r"[\s-]*", _gap(text, offset, items[position].end, items[index].start))
    ):
        position -= 1
        following = items[position + 1]
    else:
        following = items[index]
    figure = items[position]
    if figure.kind != "FIG":
        return None
    kind = figure.figure.kind
    if not (kind in ("money", "quantity") or (kind == "number" and figure.figure.scaled)):
        return None
    if not re.fullmatch(r"[\s-]*", _gap(text, offset, figure.end, following.start)):
        return None
    window = text[max(0, figure.start - offset - 40) : figure.start - offset]
    return figure if _ATTRIBUTIVE_BEFORE.search(window) else None


def _region_start(
    text: str, offset: int, items: list[Item], index: int, current: Frame | None
) -> int:
    """Where an opener's frame begins. The first frame of a sentence reaches back to its start
    ("Last month, Tokyo increased its imports of ..."), unless a figure there refers back to an
    earlier sentence ("The pace of growth accelerated from 2.0% ..., when exports ..."). Later
    frames begin after the last strong item before their opener, so the reporter, goods and
    period words in front of the flow cue belong to them, pulled back over a nominal change
    pointing forward ("a 21.6% rise in seafood imports")."""
    if current is None:
        before = items[:index]
        strong = [i for i in before if i.kind in STRONG]
        if (
            items[index].kind == "TOPIC"
            and strong
            and re.search(
                r"[,;]|\b(?:thanks to|due to|because|while|but|rather than|whereas|on|amid|as|"
                r"owing to|helped by|reflecting|driven by|fu?elled by)\b",
                _gap(text, offset, strong[-1].end, items[index].start),
                re.IGNORECASE,
            )
        ):
            # "Tea ... brought in Sh138.8 billion, ... thanks to a weaker shilling rather
            # than better prices": a topic in a later clause does not take the figures, nor
            # the period written right after them ("from 2.24 billion in March 1986, as ...")
            position = strong[-1].end
            for follower in before[before.index(strong[-1]) + 1 :]:
                if follower.kind in ("PERIOD", "BASIS") and re.fullmatch(
                    r"[\s,]*(?:in|during|for|of|the)?\s*",
                    _gap(text, offset, position, follower.start),
                    re.IGNORECASE,
                ):
                    position = follower.end
                    continue
                break
            return position
        anaphoric = any(i.kind == "MARKER" and i.rule.role in ("anaphor", "pace") for i in before)
        figures = [i for i in before if i.kind == "FIG"]
        if not (anaphoric and figures) or _attributive(text, offset, items, index):
            return items[0].start
        # The anaphoric figure keeps the period and basis stated right after it.
        position = figures[-1].end
        for item in before[before.index(figures[-1]) + 1 :]:
            gap = _gap(text, offset, position, item.start)
            if item.kind in ("PERIOD", "BASIS", "QUALIFIER") and re.fullmatch(
                r"[\s,]*(?:in|during|for|from|over|on|the)?\s*", gap, re.IGNORECASE
            ):
                position = item.end
                continue
            break
        return position
    floor = current.openers[-1].end
    opener = items[index]
    if (
        opener.kind == "FLOW"
        and opener.rule.form == "verb"
        and index
        and current.flows
        and all(f.rule.flow != opener.rule.flow for f in current.flows)
    ):
        # "sold 428 mln dlrs of goods, including steel, to India and bought ...": the clause
        # of a coordinated verb begins at its conjunction
        left = items[index - 1].end
        conjunction = re.search(
            r"\b(?:and|but|while|whereas)\s+(?:\w+\s+)?$",
            _gap(text, offset, left, opener.start),
            re.IGNORECASE,
        )
        if conjunction is not None:
            return max(left + conjunction.start(), floor)
    strong_index = None
    for back in range(index - 1, -1, -1):
        candidate = items[back]
        if candidate.start < floor:
            break
        if candidate.kind in STRONG or candidate.kind in OPENERS:
            strong_index = back
            break
    if strong_index is None:
        # "a 59-billion-dlr surplus with the United States last year and had large surpluses
        # with other countries": the partner phrase after the last head is its own
        between = _gap(text, offset, floor, items[index].start)
        lead = re.match(r"\s*(?:with|to|from|against)\b", between, re.IGNORECASE)
        if lead is None:
            return floor
        breaks = [b for b in _CLAUSE_BREAK.finditer(between) if b.start() >= lead.end()]
        if breaks:
            return floor + breaks[-1].end()
        # "surplus with the United States last year has come under fire ... jobs": the
        # phrase stays with the figure; a later opener starts after it
        position = floor
        for follower in (i for i in items[:index] if i.start >= floor):
            if follower.kind in ("PLACE", "PERIOD") and re.fullmatch(
                r"[\s,]*(?:(?:with|to|from|against|in|during|for|the|and|last|this)\s+)*",
                _gap(text, offset, position, follower.start),
                re.IGNORECASE,
            ):
                position = follower.end
                continue
            break
        return position
    strong = items[strong_index]
    start = strong.end
    attributive = _attributive_figure(text, offset, items, index)
    if attributive is not None:
        return max(attributive.start, floor)  # "... and a 5.5 billion dlr deficit with Japan"
    if strong.kind in ("FIG", "CHANGE"):
        # "... from 580 mln in 1985, but rubber shipments ...": 1985 stays with 580 mln;
        # "were 4.1% lower than in January-March 2024, with orders ...": so does the base
        for follower in items[strong_index + 1 : index]:
            if follower.kind in ("PERIOD", "BASIS") and re.fullmatch(
                r"[\s,]*(?:(?:than|from|on|against|compared\s+(?:with|to))\s+)?"
                r"(?:in|during|for|of|the)?\s*",
                _gap(text, offset, start, follower.start),
                re.IGNORECASE,
            ):
                start = follower.end
                continue
            break
    # "an increase in the surplus on oil of 200 mln stg": the change is the new frame's
    if (
        strong.kind == "CHANGE"
        and strong.rule.form == "noun"
        and re.fullmatch(
            r"\s+(?:in|of)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}",
            _gap(text, offset, strong.end, items[index].start),
            re.IGNORECASE,
        )
        and not (
            strong_index >= 1
            and items[strong_index - 1].kind == "FIG"
            and re.fullmatch(
                r"[\s-]*", _gap(text, offset, items[strong_index - 1].end, strong.start)
            )
        )
    ):
        return max(strong.start, floor)
    # "a 41.3% rise in exports", "an 11.7% increase in LNG imports", "a 6.7% gain in exports"
    # (a word that is also a verb reads as a noun between a figure and "in")
    if strong.kind == "CHANGE" and strong_index >= 1:
        figure = items[strong_index - 1]
        gap_after = _gap(text, offset, strong.end, items[index].start)
        if (
            figure.kind == "FIG"
            and figure.figure.kind == "percent"
            and re.match(r"\s*(?:in|of)\b", gap_after, re.IGNORECASE)
            and re.fullmatch(r"[\s-]*", _gap(text, offset, figure.end, strong.start))
        ):
            start = figure.start
    return max(start, floor)


# A cap set by an agreement or a rule, not a figure of trade that happened.
_LIMIT = re.compile(
    r"\b(?:limited\s+to|capped\s+at|(?:could|can|cannot|may|must|would|will|should|did)"
    r"\s+not\s+exceed|not\s+to\s+exceed|restricted\s+to|a\s+ceiling\s+of|a\s+quota\s+of)\b",
    re.IGNORECASE,
)


# A bare number followed by a noun counts things; a bare amount of money is followed by
# punctuation, a preposition, a conjunction or a period word.
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:in|into|on|at|to|from|for|of|by|with|and|or|but|while|whereas|as|than|"
    r"against|versus|vs|compared|a|an|the|this|that|last|next|year|years|month|months|"
    r"quarter|week|during|over|after|before|since|up|down|which|who|were|was|is|are|had|"
    r"has|have|will|would|could|according|said|says|worth|each|previously|earlier|"
    r"respectively|only|alone|dollars?|dlrs?|euros?|yen|pounds?|surplus|deficit|trade|"
    r"exports?|imports?|shortfall|gap|balance|[a-z]+ed)\b)[a-z]{3,}\b"
)


def assign_roles(text: str, offset: int, frame: Frame, elided: Item | None = None) -> None:
    """Decide what each figure of a frame is, and what cues go with it. `elided` is the change
    verb of the clause before, which a gapped clause leaves out ("exports rose 14.8 pct and
    imports 9.1 pct")."""
    items = frame.items
    figures = [i for i in items if i.kind == "FIG"]
    share_seen = False
    limit = _LIMIT.search(text, max(frame.start - offset, 0), frame.end - offset)
    for position, item in enumerate(items):
        if item.kind != "FIG":
            continue
        figure = item.figure
        if figure.conversion or figure.kind == "percentage_point":
            continue
        if limit is not None and item.start - offset >= limit.end():
            continue  # "exports could not exceed 632,000 tonnes, rising to 640,000 in 1988"
        if figure.kind != "percent" and re.match(
            r"\s*(?:each|apiece|a\s+head)\b", text[item.end - offset : item.end - offset + 12]
        ):
            continue  # "bags of 60 kilos each", "items that earned more than $1 billion each"
        previous = items[position - 1] if position else None
        items[position + 1] if position + 1 < len(items) else None
        left_bound = previous.end if previous is not None else frame.start
        gap_left = _gap(text, offset, left_bound, item.start)
        after_text = text[item.end - offset : item.end - offset + 60]
        if _is_share(items, position, after_text, frame):
            share_seen = True
            continue
        if (
            previous is not None
            and previous.kind == "MARKER"
            and previous.rule.role == "threshold"
            and _FILLERS_ONLY.match(gap_left)
        ):
            continue
        anchor = next(
            (
                other
                for other in reversed(items[:position])
                if other.kind not in ("QUALIFIER", "MARKER")
            ),
            None,
        )
        last_figure = next(
            (other for other in reversed(items[:position]) if other.kind == "FIG"), None
        )
        window_start = max(
            frame.start,
            item.start - 30,
            last_figure.end if last_figure is not None else frame.start,
        )
        # "from January's 14.05 billion", "against last year's 5.1 billion": the period owns
        # the figure; the comparator stands before it
        possessive = (
            previous
            if previous is not None
            and previous.kind == "PERIOD"
            and re.fullmatch(r"['’]s\s+", gap_left)
            else None
        )
        comparator = _COMPARATOR.search(
            _gap(text, offset, window_start, possessive.start if possessive else item.start)
        )
        if (
            comparator is None
            and previous is not None
            and previous.kind == "FIG"
            and previous.figure.kind == "percent"
            and re.fullmatch(r"\s+(?:over|on)\s+(?:the\s+|a\s+)?", gap_left, re.IGNORECASE)
        ):
            # "up 19.7 pct over the 8.35 billion", "up 7 per cent on the NOK 16.4 billion"
            comparator = _COMPARATOR.search("against ")
        if comparator is not None and _bound_not_comparison(
            text, offset, items, position, window_start, comparator
        ):
            comparator = None
        if share_seen and comparator is not None and figure.kind == "percent":
            continue  # "accounted for 63% of total exports, up from 60%": the share before
        if (
            anchor is not None
            and anchor in frame.comparison_openers
            and re.fullmatch(r"\s*(?:of|at|:)?\s*", gap_left)
        ):
            comparator = _COMPARATOR.search("from ")  # "compared with a deficit of $0.2 billion"
        if (
            comparator is None
            and figure.kind in ("money", "quantity")
            and re.search(r"\(\s*$", gap_left)
            and re.match(r"\s+(?:in|for)\s+[^)]{0,30}\)", after_text)
        ):
            comparator = _COMPARATOR.search(
                "from "
            )  # "EUR 11,677 million (EUR 10,906 million in March 2023)"
        change_cue = None
        if (
            previous is not None
            and previous.kind == "CHANGE"
            and previous.rule.form in ("verb", "adverb")
            and _FILLERS_ONLY.match(gap_left)
        ):
            change_cue = previous
            prior = items[position - 2] if position >= 2 else None
            before_change = _gap(text, offset, prior.end if prior else frame.start, previous.start)
            comparator = comparator or _COMPARATOR.search(before_change)
        if (
            change_cue is None
            and previous is not None
            and previous.kind == "FIG"
            and position >= 2
            and items[position - 2].kind == "CHANGE"
            and items[position - 2].rule.form in ("verb", "adverb")
            and _FILLERS_ONLY.match(_gap(text, offset, items[position - 2].end, previous.start))
            and re.fullmatch(r"\s*(?:,?\s*or|\()\s*(?:by\s+)?", gap_left, re.IGNORECASE)
        ):
            # "fell by 2.6 billion dlrs or nine pct", "increased by R5.88 billion (3.5%)"
            change_cue = items[position - 2]
        if figure.kind == "money" and _PRICE_AFTER.match(after_text):
            continue  # "US$135 a tonne": a price, not a trade value
        if figure.kind == "money" and not figure.scaled and abs(figure.low) < 1000:
            continue  # "rose to 0.6840 U.S. dlrs": an exchange rate or a price
        if figure.kind == "number" and _COUNTED_AFTER.match(after_text):
            continue  # "employs more than half a million estate workers": a count of things
        if figure.kind == "quantity" and re.search(
            r"\b(?:bags?|bales?|sacks?|containers?|units?|barrels?)\s+of\s+$",
            _gap(text, offset, max(frame.start, item.start - 20), item.start),
            re.IGNORECASE,
        ):
            continue  # "1.08 mln bags of 60 kilos": the size of the unit
        coordinated = _coordinated_with(text, offset, frame, previous, gap_left)
        if coordinated is not None and coordinated.figure.kind == figure.kind:
            frame.slots.append(
                Slot(
                    figure=figure,
                    role=coordinated.role,
                    direction=coordinated.direction,
                    change_cue=coordinated.change_cue,
                    sign=coordinated.sign,
                    rules=[*coordinated.rules, "coordination.figure_list"],
                )
            )
            frame.slots[-1].basis_cue = (
                _basis_for(items, position, figures) or coordinated.basis_cue
            )
            frame.slots[-1].period_cue = period_after(text, offset, items, position)
            frame.slots[-1].own = _paired_with(text, offset, items, position)
            continue
        slot = Slot(figure=figure, role="value")
        if (
            previous is not None
            and previous.kind == "QUALIFIER"
            and previous.rule.qualifier == "revised"
        ):
            slot.revised = True
        if re.search(r"\brevised\b", gap_left, re.IGNORECASE) or re.match(
            r"[^,.;()]{0,25}?,?\s*\(?\s*(?:upwardly\s+|downwardly\s+)?revised\s+(?:up\s+|down\s+|upward\s+|"
            r"downward\s+)?from\b",
            after_text,
            re.IGNORECASE,
        ):
            # "rose 5% in April, revised from 4%": the new estimate
            slot.revised = True
        if figure.kind == "percent":
            direction, cue, rule = _direction(text, offset, items, position, change_cue, frame)
            if (
                direction is None
                and elided is not None
                and frame.openers
                and item is figures[0]
                and re.fullmatch(
                    r"[\s,]*(?:by\s+)?", _gap(text, offset, frame.openers[-1].end, item.start)
                )
            ):
                direction = 1 if elided.rule.direction == "up" else -1
                cue, rule = elided, "change.elided_verb"
            if direction is None:
                gapped = _gapped_change(text, offset, frame, items, position)
                if gapped is not None:
                    direction = 1 if gapped.rule.direction == "up" else -1
                    cue, rule = gapped, "change.gapped_verb"
            if direction is None:
                continue
            slot.role = "comparison_change" if comparator else "change"
            slot.direction = direction
            slot.change_cue = cue
            slot.rules.append(rule)
            if comparator:
                slot.rules.append(f"change.comparison_{_word(comparator)}")
        else:
            if figure.kind == "number" and not figure.scaled:
                continue
            if figure.kind == "quantity" and not _trade_unit(figure):
                continue
            if (
                previous is not None
                and previous.kind == "CHANGE"
                and re.fullmatch(
                    r"\s*(?:to\s+)?(?:below|above|beyond|past)\s+(?:the\s+)?",
                    gap_left,
                    re.IGNORECASE,
                )
            ):
                continue  # "fell below four billion marks": a threshold
            following_item = items[position + 1] if position + 1 < len(items) else None
            verb_in_flow = (
                previous is not None
                and previous.kind == "FLOW"
                and re.search(_CHANGE_VERB_END, previous.cue.text)
                and re.fullmatch(r"\s*by\s+(?:some\s+|about\s+|nearly\s+)?", gap_left)
            )
            changed_by = re.search(
                r"\bby\s+(?:only\s+|about\s+|some\s+|nearly\s+|around\s+|almost\s+)*$",
                gap_left,
                re.IGNORECASE,
            ) and any(i.kind == "CHANGE" for i in items[:position])
            absolute = (
                verb_in_flow  # "the deficit on non-oil trade increased by 2.1 billion"
                # "increase the level of exports by only about 100 mln dlrs"
                or changed_by
                # "a 600 mln dlr increase in soybean exports"
                or (
                    following_item is not None
                    and following_item.kind == "CHANGE"
                    and following_item.rule.form in ("noun", "verb")
                    and re.fullmatch(r"[\s-]*", _gap(text, offset, item.end, following_item.start))
                    and re.search(
                        r"\b(?:a|an)\s+(?:[\w-]+\s+)?$",
                        text[max(0, item.start - offset - 20) : item.start - offset],
                        re.IGNORECASE,
                    )
                )
                or (
                    (
                        change_cue is not None
                        and change_cue.rule.form in ("verb", "adverb")
                        and not re.search(r"\bto\s*$", gap_left, re.IGNORECASE)
                    )
                    or (
                        previous is not None
                        and previous.kind == "CHANGE"
                        and previous.rule.form == "noun"
                        and re.fullmatch(r"\s*of\s*", gap_left or "")
                    )
                    or (
                        # "4.0 billion stg lower than in 1985", "$2bn more than"
                        following_item is not None
                        and following_item.kind == "CHANGE"
                        and following_item.rule.form == "adverb"
                        and re.fullmatch(r"\s*", _gap(text, offset, item.end, following_item.start))
                    )
                    or (
                        _flow_is_changed(text, offset, frame)
                        and not re.search(r"\bto\s*$", gap_left, re.IGNORECASE)
                    )
                )
            )
            if absolute and not comparator:
                continue  # "rose 900 mln dlrs to ...": a change in level, not a level
            revised_level = _revision_of(text, offset, frame, item)
            if revised_level is not None:
                # "revised the deficit for February to 2.41 billion euros from the 2.39 billion
                # first reported": the earlier estimate of the same period
                revised_level.revised = True
                slot.rules.append("value.revised_from")
            elif comparator:
                slot.role = "comparison_value"
                slot.rules.append(f"value.comparison_{_word(comparator)}")
            else:
                slot.rules.append(
                    "value.to_amount" if _TO_LEVEL.search(gap_left) else "value.amount"
                )
            slot.sign = _balance_sign(text, offset, frame, item)
        slot.basis_cue = _basis_for(items, position, figures)
        slot.period_cue = period_after(text, offset, items, position) or possessive
        slot.own = _paired_with(text, offset, items, position)
        if (
            slot.own is None
            and frame.slots
            and frame.slots[-1].own is not None
            and frame.slots[-1].figure is previous.figure
            and (
                slot.role == "value"
                and re.fullmatch(r"\s*,?\s*to\s+", gap_left, re.IGNORECASE)
                or slot.role == "change"
                and re.fullmatch(r"\s*[(,]\s*", gap_left)
                # "Germany      38.9      -9.1": the next cell of a table row
                or re.fullmatch(r"[ \t]{2,}", gap_left)
            )
        ):
            # "and Britain, 20.2 per cent to 962,360 gallons": the level of the same place;
            # "Seafood: US$ 7.3 billion (+11.2% y/y)": the change of the same goods
            slot.own = frame.slots[-1].own
        frame.slots.append(slot)


def _revision_of(text: str, offset: int, frame: Frame, item: Item) -> Slot | None:
    """The level a "revised ... to X from Y" statement gives before `item` (Y), if any."""
    levels = [s for s in frame.slots if s.role == "value" and s.figure.end <= item.start]
    if not levels:
        return None
    level = levels[-1]
    before = text[max(frame.start, level.figure.start - 80) - offset : level.figure.start - offset]
    if not re.search(
        r"\brevis\w*\b(?:(?!\bfrom\b)[^.;])*\bto\s+(?:about\s+|some\s+|an?\s+)?$",
        before,
        re.IGNORECASE,
    ):
        return None
    between = _gap(text, offset, level.figure.end, item.start)
    if not re.fullmatch(
        r"[\s,]*from\s+(?:the\s+|an?\s+)?"
        r"(?:(?:initially|previously|first|originally|initial|provisional|preliminary|earlier)\s+)?"
        r"(?:(?:reported|published|estimated|announced)\s+)?(?:(?:figure|estimate)\s+of\s+)?",
        between,
        re.IGNORECASE,
    ):
        return None
    return level


def _bound_not_comparison(
    text: str, offset: int, items: list[Item], position: int, window_start: int, comparator
) -> bool:
    """ "two-way trade more than 113 billion dlrs": "more than" bounds the figure; only "17.5
    percent more than $4.11 billion" compares with it."""
    if comparator.group("word").lower() != "than":
        return False
    before = _gap(text, offset, window_start, window_start + comparator.start("word"))
    if not re.search(r"\b(?:more|less|fewer|rather)\s+$", before, re.IGNORECASE):
        return False
    earlier = [i for i in items[:position] if i.kind == "FIG"]
    return not (
        earlier
        and earlier[-1].figure.kind == "percent"
        and re.fullmatch(
            r"\s*(?:more|less|fewer)\s+than\s*(?:the\s+)?",
            _gap(text, offset, earlier[-1].end, items[position].start),
            re.IGNORECASE,
        )
    )


def _flow_is_changed(text: str, offset: int, frame: Frame) -> bool:
    """ "an increase in the surplus on oil of 200 mln stg": the frame's figures are changes."""
    flows = [i for i in frame.items if i.kind == "FLOW"]
    if not flows:
        return False
    head = flows[-1] if len(flows) > 1 else flows[0]
    before = [
        i
        for i in frame.items
        if i.end <= head.start and i.kind not in ("COMMODITY", "PLACE", "QUALIFIER")
    ]
    if not before or before[-1].kind != "CHANGE" or before[-1].rule.form != "noun":
        return False
    return bool(
        re.fullmatch(
            r"\s*(?:in|of)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}",
            _gap(text, offset, before[-1].end, head.start),
            re.IGNORECASE,
        )
    )


def _gapped_change(
    text: str, offset: int, frame: Frame, items: list[Item], position: int
) -> Item | None:
    """ "exports to the UK climbing 9.3 per cent and to the EU 6.2 per cent": a coordinated
    place or goods with a bare percent leaves out the change verb of the clause before."""
    owner = _paired_with(text, offset, items, position)
    if owner is None:
        return None
    before = text[max(0, owner.start - offset - 20) : owner.start - offset]
    if not re.search(
        r"(?:[,;]|\band|\bwhile)\s+(?:(?:to|from|with|for|of|in)\s+)?(?:the\s+)?$", before, re.I
    ):
        return None
    verbs = [
        s.change_cue
        for s in frame.slots
        if s.role == "change"
        and s.change_cue is not None
        and s.change_cue.kind == "CHANGE"
        and s.change_cue.rule.form == "verb"
        and s.figure.end <= owner.start
    ]
    return verbs[-1] if verbs else None


def _paired_with(text: str, offset: int, items: list[Item], position: int) -> Item | None:
    """A place or goods written right before a figure: "Japan at $945.6 million", "India (USD
    1.09 billion)", "Asia N6.43 trillion", "vehicles and transport equipment (up 19%)"."""
    end = items[position].start
    back = position - 1
    while back >= 0 and items[back].synthetic:
        back -= 1  # "Tea fetched KSh 180.6 billion, cut flowers KSh 83.5 billion": the gapped verb
    if (
        back >= 0
        and items[back].kind == "CHANGE"
        and items[back].rule.form == "adverb"
        and re.fullmatch(r"\s*", _gap(text, offset, items[back].end, end))
    ):
        end = items[back].start
        back -= 1
    if back < 0 or items[back].kind not in ("PLACE", "COMMODITY"):
        return None
    if not _PAIR_GAP.match(_gap(text, offset, items[back].end, end)):
        return None
    # "passenger cars and light trucks up 5.2%": the list's head names the goods
    while (
        back >= 1
        and items[back - 1].kind == items[back].kind
        and re.fullmatch(
            r"\s*(?:,|and|&)\s*(?:\w+\s+){0,2}",
            _gap(text, offset, items[back - 1].end, items[back].start),
        )
    ):
        back -= 1
    return items[back]


def _coordinated_with(
    text: str, offset: int, frame: Frame, previous: Item | None, gap_left: str
) -> Slot | None:
    """ "surged 46.1 percent and 23.9 percent respectively", "from 4.77 billion a year earlier
    and 5.70 billion in January": the next figure of a list takes the role of the first."""
    if previous is None or not frame.slots:
        return None
    if not re.fullmatch(
        r"\s*(?:(?:in|by)\s+(?:volume|value|quantity|\w+\s+terms)\s*)?"
        r"(?:,|and|,\s*and|or|as well as)\s*",
        gap_left,
        re.IGNORECASE,
    ):
        return None
    if previous.kind == "PERIOD":
        before = [i for i in frame.items if i.end <= previous.start]
        if (
            not before
            or before[-1].kind != "FIG"
            or not re.fullmatch(
                r"[\s,]*(?:in|during|for)?\s*", _gap(text, offset, before[-1].end, previous.start)
            )
        ):
            return None
        previous = before[-1]
    if previous.kind != "FIG":
        return None
    last = frame.slots[-1]
    return last if last.figure is previous.figure else None


def _word(match: re.Match) -> str:
    return re.sub(r"\W+", "_", match.group("word").lower()).strip("_")


def _is_share(items: list[Item], position: int, after_text: str, frame: Frame) -> bool:
    figure = items[position].figure
    if figure.kind != "percent":
        return False  # "salmon accounted for NOK 4.6 billion": a level, not a share
    nxt = items[position + 1] if position + 1 < len(items) else None
    if (
        nxt is not None
        and nxt.kind == "CHANGE"
        and re.fullmatch(r"[\s-]*", text_between(items[position], nxt, after_text) or "x")
    ):
        return False  # "representing a 122.33 per cent increase"
    if _SHARE_AFTER.match(after_text):
        return True
    if figure.kind == "percent":
        for ahead in items[position + 1 : position + 3]:
            gap = text_between(items[position], ahead, after_text)
            if (
                ahead.kind in ("FLOW", "COMMODITY")
                and gap is not None
                and re.fullmatch(
                    r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’.-]+\s+){0,3}", gap, re.IGNORECASE
                )
            ):
                return True
    nxt = items[position + 1] if position + 1 < len(items) else None
    if (
        figure.kind == "percent"
        and nxt is not None
        and nxt.kind == "MARKER"
        and nxt.rule.role == "share"
        and nxt.start - items[position].end <= 3
    ):
        return True
    for back in range(position - 1, -1, -1):
        other = items[back]
        if other.kind == "FIG" or other.kind in OPENERS:
            break
        if other.kind == "CHANGE" and other.rule.form == "noun":
            return False  # "representing growth of 5%": a change, not a share
        if other.kind == "MARKER" and other.rule.role == "share":
            return True
    return False


def text_between(left: Item, right: Item, after_text: str) -> str | None:
    """The text between two items when it lies within `after_text` (text after `left`)."""
    size = right.start - left.end
    return after_text[:size] if 0 <= size <= len(after_text) else None


def _trade_unit(figure: Figure) -> bool:
    unit = figure.unit or ""
    return unit in {
        "tonne",
        "short ton",
        "long ton",
        "barrel",
        "barrel per day",
        "bag",
        "bale",
        "bushel",
        "twenty-foot equivalent unit",
        "unit",
        "vehicle",
        "car",
        "cubic metre",
        "billion cubic metres",
        "ounce",
        "troy ounce",
        "kilogram",
        "carat",
        "head of cattle",
        "container",
        "piece",
        "gallon",
        "litre",
        "pound",
    }


_UP_VERBS = {"rose", "grew", "increased", "jumped", "surged", "climbed", "expanded", "rebounded"}
_DOWN_VERBS = {"fell", "decreased", "declined", "dropped", "contracted", "shrank", "slipped"}


def _direction(
    text: str, offset: int, items: list[Item], position: int, change_cue: Item | None, frame: Frame
) -> tuple[int | None, Item | None, str]:
    figure = items[position].figure
    if change_cue is not None:
        return (
            (1 if change_cue.rule.direction == "up" else -1),
            change_cue,
            f"change.{change_cue.rule.form}_percent",
        )
    # "2.0% more than a year earlier", "3 pct higher", "five percent down"
    nxt = items[position + 1] if position + 1 < len(items) else None
    if (
        nxt is not None
        and nxt.kind == "CHANGE"
        and nxt.rule.form == "adverb"
        and re.fullmatch(r"\s*", _gap(text, offset, items[position].end, nxt.start))
    ):
        return (1 if nxt.rule.direction == "up" else -1), nxt, "change.percent_adverb"
    # "were 3.1% above the level of the third quarter of 2020", "2% below last year's"
    above = re.match(
        r"\s+(above|below)\s+(?:the\s+|that\s+of\s+|its\s+|their\s+|last\s+|a\s+year|"
        r"year-earlier|the\s+same)",
        text[items[position].end - offset : items[position].end - offset + 40],
        re.IGNORECASE,
    )
    if above is not None and figure.kind == "percent":
        return (1 if above.group(1).lower() == "above" else -1), None, "change.percent_above_below"
    # "a 41.3% rise", "a 5 pct year-on-year gain" (the word may be read as a verb: "gain")
    article = re.search(
        r"\b(?:a|an)\s+(?:[\w-]+\s+)?$",
        text[max(0, items[position].start - offset - 20) : items[position].start - offset],
        re.IGNORECASE,
    )
    for ahead in items[position + 1 : position + 3]:
        gap = _gap(text, offset, items[position].end, ahead.start)
        if (
            ahead.kind == "CHANGE"
            and (ahead.rule.form == "noun" or (article and ahead.rule.form == "verb"))
            and re.fullmatch(
                r"[\s-]*(?:year-on-year|on-year|y/y|annual|monthly|annualized)?"
                r"[\s-]*",
                gap,
                re.IGNORECASE,
            )
        ):
            return (1 if ahead.rule.direction == "up" else -1), ahead, "change.percent_noun"
        if ahead.kind not in ("BASIS", "QUALIFIER"):
            break
    previous = items[position - 1] if position else None
    if previous is not None and previous.kind == "CHANGE" and previous.rule.form == "noun":
        gap = _gap(text, offset, previous.end, items[position].start)
        if re.fullmatch(
            r"\s*(?:of|by|at|to|was|were|is|came to|stood at|reached|:)\s*"
            r"(?:about|around|some|nearly|almost|roughly|more than|over)?\s*",
            gap,
            re.IGNORECASE,
        ):
            return (
                (1 if previous.rule.direction == "up" else -1),
                previous,
                "change.noun_of_percent",
            )
    if figure.signed:
        return (-1 if figure.low < 0 else 1), None, "change.signed_percent"
    # "Japan-China trade rose 5%": the flow cue "trade rose" holds the verb
    if previous is not None and previous.kind == "FLOW":
        verb = re.search(r"\b(\w+)$", previous.cue.text)
        word = verb.group(1).lower() if verb else ""
        if word in _UP_VERBS or word in _DOWN_VERBS:
            gap = _gap(text, offset, previous.end, items[position].start)
            if re.fullmatch(r"\s*(?:by\s+)?(?:about|around|some|nearly|almost)?\s*", gap):
                return (1 if word in _UP_VERBS else -1), None, "change.verb_in_flow_cue"
    if (
        position >= 2
        and previous is not None
        and previous.kind == "FIG"
        and re.fullmatch(r"\s*,?\s*or\s*", _gap(text, offset, previous.end, items[position].start))
    ):
        # "fell 16.6 billion dlrs, or 33 pct, to ...": the change cue of the absolute change
        cue = items[position - 2]
        if cue.kind == "CHANGE" and _FILLERS_ONLY.match(
            _gap(text, offset, cue.end, previous.start)
        ):
            return (1 if cue.rule.direction == "up" else -1), cue, "change.absolute_or_percent"
    # "The pace of growth accelerated from 2.0%": the nearest change word or pace phrase.
    for back in range(position - 1, -1, -1):
        other = items[back]
        if other.kind == "FIG":
            break
        if other.kind == "CHANGE":
            return (1 if other.rule.direction == "up" else -1), other, "change.nearest_cue"
        if other.kind == "MARKER" and other.rule.role in ("anaphor", "pace"):
            words = (other.cue.text or "").lower()
            if re.search(r"growth|increase|rise|gain|expansion|surge|jump", words):
                return 1, other, "change.pace_phrase"
            if re.search(r"decline|fall|decrease|drop|contraction", words):
                return -1, other, "change.pace_phrase"
    return None, None, ""


def _balance_sign(text: str, offset: int, frame: Frame, item: Item) -> int | None:
    """The sign a balance figure takes from the nearest surplus/deficit word before it."""
    sign = None
    for other in frame.items:
        if other.start >= item.start:
            break
        if other.kind == "FLOW" and other.rule.flow == "balance" and other.rule.sign:
            sign = other.rule.sign
    if sign is None:
        for other in frame.items:
            if (
                other.start > item.end
                and other.kind == "FLOW"
                and other.rule.sign
                and other.start - item.end < 40
            ):
                return other.rule.sign  # "a 3.1 billion dlr surplus"
    return sign


def _basis_for(items: list[Item], position: int, figures: list[Item]) -> Item | None:
    for ahead in items[position + 1 :]:
        if ahead.kind == "FIG" and ahead.figure.kind in ("percent", "percentage_point"):
            break
        if ahead.kind == "BASIS":
            return ahead
        if ahead.kind in OPENERS:
            break
    for back in range(position - 1, max(-1, position - 4), -1):
        other = items[back]
        if other.kind == "FIG" or other.kind in OPENERS:
            break
        if other.kind == "BASIS":
            return other
    return None


def period_after(text: str, offset: int, items: list[Item], position: int) -> Item | None:
    """A period stated right after the figure ("rose 5% in January", "from 9.8 billion a year
    earlier"), allowing a basis or streak in between."""
    end = items[position].end
    for ahead in items[position + 1 :]:
        gap = _gap(text, offset, end, ahead.start)
        if ahead.kind == "PERIOD":
            if re.fullmatch(
                r"[\s,]*(?:(?:in|during|for|of|marked in|recorded in|posted in|"
                r"seen in|registered in|at end-?)\s+)?(?:the\s+)?[\s,]*",
                gap,
                re.IGNORECASE,
            ):
                return ahead
            return None
        if ahead.kind in ("BASIS", "CHANGE", "QUALIFIER") and len(gap) < 25:
            end = ahead.end
            continue
        return None
    return None
