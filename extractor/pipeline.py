"""The spaCy pipeline: tokens, sentences, cue spans from the rule files, and figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from .figures import Figure, FigureGrammar
from .resources import RuleSet

SPANS_KEY = "trade"
# Abbreviations spaCy's English exceptions do not keep whole; a "." after them ends nothing.
_ABBREVIATIONS = ("Rs.", "No.", "approx.", "Nos.", "Tk.", "Rp.", "est.", "Dhs.", "Bhd.", "Sdn.")
# "from" right before a range, and what may stand between a change word and that "from"
# ("dropped since October from", "forecast to slow slightly from").
_TRAJECTORY_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CHANGE_TO_FROM = re.compile(r"(?:\s+[\w'’.%,-]+){0,3}\s+", re.IGNORECASE)
# A flow noun that goods may modify ("ship exports"), and up to two words right before it.
_FLOW_NOUN = re.compile(r"(?:exports?|imports?|shipments|sales|purchases)", re.IGNORECASE)
_MODIFIER_WORDS = re.compile(r"(?:\b([A-Za-z][a-z]+)\s+)?\b([A-Za-z][a-z]+)(?=\s+$)")
# A row of a plain-text table: a cell set apart by a run of spaces ending the line in a number,
# or three cells or more (a heading row)
_TABLE_ROW = re.compile(
    r"\S[ \t]{3,}[-+\u2212]?\d[\d,.]*%?[ \t]*$|\S[ \t]{3,}\S[^\n]*?\S[ \t]{3,}\S", re.MULTILINE
)
_FLOW_WORD = re.compile(
    r"\b(?:exports?|imports?|trade|balance|surplus|deficit|shipments)\b", re.IGNORECASE
)
_TIME_UNITS = {"month", "year", "day", "week", "quarter", "hour", "minute", "second"}


@dataclass(slots=True)
class Cue:
    """A span found by a cue rule (place, commodity, flow, change, period, ...)."""

    label: str
    start: int
    end: int
    text: str
    rule: Any

    @property
    def rule_id(self) -> str:
        return self.rule.id


@dataclass(slots=True)
class Annotation:
    """The mention layer of one text, before facts are assembled."""

    text: str
    doc: Doc
    sentences: list[tuple[int, int]]
    cues: list[Cue]
    figures: list[Figure]
    extra: dict[str, Any] = field(default_factory=dict)
    rules: RuleSet | None = None


def _is_hard_wrapped(text: str) -> bool:
    """Wire copy breaks lines mid-sentence; web text breaks them between paragraphs.

    A long line that ends without sentence punctuation and runs on into the next line counts
    as wrapped; the text is hard-wrapped when such lines are a good share of the long ones.
    """
    lines = text.split("\n")
    wrapped = 0
    long_lines = 0
    for line, following in zip(lines, lines[1:], strict=False):
        stripped = line.rstrip()
        if len(stripped) < 40 or stripped.isupper():
            continue
        long_lines += 1
        nxt = following[:1]
        if stripped[-1:] not in ".!?:;\"'”’|" and nxt.strip() and not nxt.isspace():
            wrapped += 1
    if not long_lines:
        return False
    share = wrapped / long_lines
    return (wrapped >= 2 and share >= 0.2) or (wrapped >= 1 and share >= 0.5)


def _line_starts(text: str) -> set[int]:
    """Offsets where a line break starts a new sentence."""
    hard = _is_hard_wrapped(text)
    starts = set()
    for match in re.finditer(r"\n([ \t]*\n)*([ \t]*)(?=\S)", text):
        position = match.end()
        blank_line = match.group(1) is not None
        indented = len(match.group(2).expandtabs()) >= 2
        line_start = text.rfind("\n", 0, match.start()) + 1
        previous = text[line_start : match.start()].strip()
        heading = (previous.isupper() and len(previous) > 3) or len(previous) < 25 and hard
        # a row of a plain-text table (cells set apart by runs of spaces), or the line after one
        line_end = text.find("\n", position)
        row = _TABLE_ROW.search(text, position, line_end if line_end >= 0 else len(text))
        table = row is not None or _TABLE_ROW.search(previous) is not None
        # a bulleted line ("- Trade balance: US$1,353 million") is a sentence of its own
        table = table or bool(
            re.match(r"[-•*–]\s", text[position : position + 2])
            and _FLOW_WORD.search(text, position, line_end if line_end >= 0 else len(text))
        )
        if blank_line or not hard or indented or heading or table or previous.endswith((":", "|")):
            starts.add(position)
    return starts


def _segment(doc: Doc) -> Doc:
    line_starts = _line_starts(doc.user_data.get("source_text", doc.text))
    texts = [token.text for token in doc]
    spaces = [token.is_space for token in doc]
    starts = numpy.full((len(doc), 1), -1, dtype="int64")
    for index, text in enumerate(texts):
        if index == 0:
            starts[0, 0] = 1
            continue
        start = doc[index].idx in line_starts and not spaces[index]
        if not start and not spaces[index]:
            before = index - 1
            if spaces[before] and index >= 2:
                before = index - 2
            word = texts[before]
            if word in (".", "!", "?", "...", "…") or (
                word.endswith(".") and word[:-1].isalpha() and word.islower()
            ):
                first = text[:1]
                start = first.isupper() or first in "\"“‘'("
                if word == "." and before >= 1 and texts[before - 1] + "." in _ABBREVIATIONS:
                    start = False
            elif word in ('"', "”", "’", "'") and index >= 3 and texts[index - 2] in ".!?":
                start = text[:1].isupper()
        starts[index, 0] = 1 if start else -1
    # One write for the whole document: setting is_sent_start token by token rescans the
    # document each time.
    return doc.from_array([SENT_START], starts.astype("uint64")) if len(doc) else doc


if not Language.has_factory("trade_sentences"):
    Language.component("trade_sentences")(_segment)


def _make_nlp() -> Language:
    nlp = spacy.blank("en")
    # Split "U.S.-China" and "Jan.-March" at the hyphen after an abbreviation's period.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z]\.)[-–](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.add_special_case("S.Korea", [{"ORTH": "S."}, {"ORTH": "Korea"}])
    nlp.add_pipe("trade_sentences")
    return nlp


class Annotator:
    """Finds cues and figures in a text. Build once; reuse for every document."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.nlp = _make_nlp()
        ruler = self.nlp.add_pipe(
            "span_ruler",
            config={
                "spans_key": SPANS_KEY,
                "phrase_matcher_attr": "LOWER",
                "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
                "validate": False,
            },
        )
        # Case-sensitive phrases ("US", "Turkey", "EC") go to an exact-case phrase matcher:
        # as token patterns they cost the matcher a check on every token.
        exact = [r for r in rules.span_rules if isinstance(r.pattern, str) and r.case_sensitive]
        ruler.add_patterns(
            [
                {"label": rule.label, "pattern": rule.pattern, "id": rule.id}
                for rule in rules.span_rules
                if not (isinstance(rule.pattern, str) and rule.case_sensitive)
            ]
        )
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._exact_rules: dict[int, Any] = {}
        for rule in exact:
            key = self.nlp.vocab.strings.add(rule.id)
            self._exact_rules[key] = rule
            self._exact.add(rule.id, [self.nlp.make_doc(rule.pattern)])
        self.grammar = FigureGrammar(rules)
        # Plural goods names ("ships", "tankers") for their singular before a flow noun.
        self._plural_goods = {
            rule.pattern.lower(): rule
            for rule in rules.of("COMMODITY")
            if isinstance(rule.pattern, str)
            and not rule.anaphor
            and not rule.case_sensitive
            and rule.pattern.lower().endswith("s")
        }

    def annotate(self, text: str, *, masked: list[tuple[int, int]] = ()) -> Annotation:
        """Tokens, sentences, cues and figures of `text`; `masked` regions (a date header, a
        dateline) keep their offsets but yield nothing."""
        visible = text
        for start, end in masked:
            visible = visible[:start] + re.sub(r"\S", " ", visible[start:end]) + visible[end:]
        # A single newline inside a paragraph is a line wrap: as a space, phrases broken across
        # lines ("the first\n20 days of February") still match; offsets are unchanged and the
        # sentence splitter still reads the original lines.
        joined = re.sub(r"(?<=[^\n])\n(?=[^\s])", " ", visible)
        doc = self.nlp.make_doc(joined)
        doc.user_data["source_text"] = visible
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        exact = []
        for key, start, end in self._exact(doc):
            rule = self._exact_rules[key]
            exact.append(Span(doc, start, end, label=rule.label, span_id=rule.id))
        if exact:
            doc.spans[SPANS_KEY] = filter_spans([*doc.spans[SPANS_KEY], *exact])
        figures = self.grammar.find(visible)
        cues = [
            Cue(
                span.label_,
                span.start_char,
                span.end_char,
                text[span.start_char : span.end_char],
                self.rules.by_id[span.id_],
            )
            for span in doc.spans[SPANS_KEY]
        ]
        cues = [self._first_year(c) if _years_apart(c) else c for c in cues]
        # "extra-EU exports", "non-EU countries": trade outside a group, not the group's
        cues = [
            c
            for c in cues
            if c.label != "PLACE" or not _OUTSIDE_OF.search(text, max(0, c.start - 8), c.start)
        ]
        cues = [
            c for c in cues if c.rule_id != "flow.total_trade.in_trade" or _money_in_trade(text, c)
        ]
        cues = self._join_fiscal_parts(text, cues)
        cues = self._singular_goods(text, cues)
        cues = _excluded_goods(text, cues)
        cues = _resolve_commodity_anaphors(cues)
        figures = self._split_trajectories(visible, figures, cues)
        kept_cues, kept_figures = _resolve_overlaps(cues, figures)
        # Spans inside periods ("during those three months") are still durations; the mention
        # layer lists them, facts never see them.
        spans = [
            f
            for f in figures
            if f not in kept_figures
            and _is_time_span(f)
            and any(
                c.label == "PERIOD" and c.start <= f.start and f.end <= c.end for c in kept_cues
            )
        ]
        cues, figures = kept_cues, kept_figures
        doc.spans[SPANS_KEY] = [
            span
            for span in (_char_span(doc, item) for item in (*cues, *figures))
            if span is not None
        ]
        sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
        return Annotation(
            text, doc, sentences, cues, figures, extra={"period_spans": spans}, rules=self.rules
        )

    def _singular_goods(self, text: str, cues: list[Cue]) -> list[Cue]:
        """ "Ship exports", "tanker imports", "battery shipments": goods the gazetteer names in
        the plural, in the singular as the modifier of a flow noun."""
        added = []
        covered = [(c.start, c.end) for c in cues]
        for cue in cues:
            if cue.label != "FLOW" or not _FLOW_NOUN.fullmatch(cue.text):
                continue
            before = _MODIFIER_WORDS.search(text, max(0, cue.start - 60), cue.start)
            if before is None:
                continue
            starts = [before.start(g) for g in (1, 2) if before.group(g)]
            for start in starts:
                phrase = " ".join(text[start : before.end()].split()).lower()
                rule = next(
                    (self._plural_goods[p] for p in _plurals(phrase) if p in self._plural_goods),
                    None,
                )
                if rule is None:
                    continue
                end = before.end()
                if any(s < end and start < e for s, e in covered):
                    break
                added.append(Cue("COMMODITY", start, end, text[start:end], rule))
                break
        if not added:
            return cues
        return sorted([*cues, *added], key=lambda c: (c.start, c.end))

    def _first_year(self, cue: Cue) -> Cue:
        """ "the 1987-92 plan": the years from the first, as a plain year would read."""
        return Cue(
            "PERIOD", cue.start, cue.start + 4, cue.text[:4], self.rules.by_id["period.year"]
        )

    def _join_fiscal_parts(self, text: str, cues: list[Cue]) -> list[Cue]:
        """ "first half" + "of" + "FY25", "Q2" + "FY2024-25", "the first ten months of the" +
        "1986/87" + "fiscal year ending June 30": a part of a fiscal year is one period; so is
        a fiscal year with the month it ends in ("the 1986/87 fiscal year ended March 31")."""
        part_rule = self.rules.by_id.get("period.part_of_fiscal_year")
        ended_rule = self.rules.by_id.get("period.fiscal_year_ended")
        result: list[Cue] = []
        index = 0
        while index < len(cues):
            cue = cues[index]
            after = cues[index + 1] if index + 1 < len(cues) else None
            start, end, consumed, rule = cue.start, cue.end, 1, None
            fiscal = cue.label == "PERIOD" and cue.rule_id in _FISCAL_RULES
            if (
                part_rule is not None
                and after is not None
                and cue.label == after.label == "PERIOD"
                and cue.rule_id in _PART_RULES
                and after.rule_id in _FISCAL_RULES
                and _PART_GAP.fullmatch(text, cue.end, after.start)
            ):
                end, consumed, rule, fiscal = after.end, 2, part_rule, True
            tail = cues[index + consumed] if index + consumed < len(cues) else None
            beyond = cues[index + consumed + 1] if index + consumed + 1 < len(cues) else None
            if (
                fiscal
                and tail is not None
                and tail.label == "PLACE"
                and beyond is not None
                and beyond.rule_id in _MONTH_RULES
                and _ENDED_GAP.fullmatch(text, end, beyond.start)
            ):
                # "the 2024/25 Ethiopian fiscal year, which ended on July 7": whose year it is
                consumed += 1
                tail = beyond
            if (
                fiscal
                and tail is not None
                and tail.label == "PERIOD"
                and (
                    tail.rule_id == "period.year_to_month"
                    and re.fullmatch(r"\s+fiscal\s+", text[end : tail.start])
                    or tail.rule_id == "period.fiscal_year_ended"
                    and re.fullmatch(r"\s+", text[end : tail.start])
                    or tail.rule_id in _MONTH_RULES
                    and _ENDED_GAP.fullmatch(text, end, tail.start)
                )
            ):
                end, consumed = tail.end, consumed + 1  # "... 1986/87 fiscal year ending June 30"
                rule = rule or ended_rule
            if rule is not None:
                result.append(Cue("PERIOD", start, end, text[start:end], rule))
            else:
                result.append(cue)
            index += consumed
        return result

    def _split_trajectories(
        self, text: str, figures: list[Figure], cues: list[Cue]
    ) -> list[Figure]:
        """ "rose from $4.1 billion to $5.2 billion", "climbed from 21 mpg to 23 mpg": after a
        change word, "from X to Y" is where a figure started and where it ended, two figures,
        not a range ("prices range from $800,000 to $1.3 million" stays one)."""
        changes = [c for c in cues if c.label == "CHANGE" and c.rule.form in ("verb", "adverb")]
        result = []
        for figure in figures:
            if isinstance(figure.value, tuple) and _TRAJECTORY_FROM.search(
                text, max(0, figure.start - 40), figure.start
            ):
                opener = _TRAJECTORY_FROM.search(text, max(0, figure.start - 40), figure.start)
                if any(
                    c.end <= opener.start()
                    and _CHANGE_TO_FROM.fullmatch(text, c.end, opener.start())
                    for c in changes
                ):
                    ends = self.grammar.find(text[figure.start : figure.end], ranges=False)
                    result += [
                        replace(end, start=end.start + figure.start, end=end.end + figure.start)
                        for end in ends
                    ]
                    continue
            result.append(figure)
        return result


_PART_RULES = {
    "period.half",
    "period.half_code",
    "period.quarter_ordinal",
    "period.quarter_code",
    "period.first_n_months",
}
_FISCAL_RULES = {
    "period.fiscal_year",
    "period.fiscal_year_dash",
    "period.fiscal_fy",
    "period.fiscal_fy_spaced",
    "period.split_year",
    "period.split_year_dash",
    "period.split_year_bare",
    "period.split_year_en_dash",
    "period.split_year_crop_year",
    "period.split_year_season",
}
_MONTH_RULES = {"period.month", "period.month_day", "period.month_day_year", "period.month_year"}
_ENDED_GAP = re.compile(
    r"(?:\s+[A-Z][a-z]+)?(?:\s+fiscal)?(?:\s+year)?,?\s+(?:which\s+|that\s+)?"
    r"(?:ended|ending|ends)\s+(?:on\s+)?",
)
_PART_GAP = re.compile(
    r"\s+(?:(?:of|in)\s+)?(?:the\s+)?(?:(?:fy|fiscal(?:\s+year)?|financial\s+year)\s+)?",
    re.IGNORECASE,
)


# "excluding diamonds", "stripping out gold", "other than ships": the goods left out
_EXCLUDING = re.compile(
    r"(?:\b(?:excluding|exclude|excludes|excluded|excl\.|stripping\s+out|stripping|"
    r"other\s+than|except(?:\s+for)?|minus|ex)\s+(?:the\s+)?|\bnon-)$",
    re.IGNORECASE,
)


def _excluded_goods(text: str, cues: list[Cue]) -> list[Cue]:
    """ "Exports of goods excluding diamonds rose 3.1%": an aggregate defined by the goods it
    leaves out, named after them ("non-diamond"), with no heading of its own."""
    result = []
    for cue in cues:
        if cue.label == "COMMODITY" and not cue.rule.name.startswith("non-"):
            before = _EXCLUDING.search(text, max(0, cue.start - 20), cue.start)
            if before is not None:
                word = cue.text.lower()
                if word.endswith("s") and not word.endswith("ss"):
                    word = word[:-1]
                rule = cue.rule.model_copy(update={"name": f"non-{word}", "hs": None})
                cue = Cue(
                    "COMMODITY", before.start(), cue.end, text[before.start() : cue.end], rule
                )
        result.append(cue)
    return result


_OUTSIDE_OF = re.compile(r"\b(?:extra|non|intra)-$", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:dlrs|dollars|billion|million|mln|bln|bn|trillion|euros|yen|francs|marks|"
    r"pounds|stg|rupees|[A-Z]{3}))\s+$"
)


def _money_in_trade(text: str, cue: Cue) -> bool:
    """ "India's 25.65 billion dlrs in trade": an amount right before it, and no compound after
    it ("a 5% rise in trade-weighted terms")."""
    return bool(_AMOUNT_BEFORE.search(text, max(0, cue.start - 12), cue.start)) and not re.match(
        r"[-\w]", text[cue.end : cue.end + 1]
    )


def _years_apart(cue: Cue) -> bool:
    """ "the 1987-92 development plan": two years apart, no fiscal or crop year."""
    if cue.rule_id not in ("period.split_year_bare", "period.split_year_en_dash"):
        return False
    first, second = re.findall(r"\d+", cue.text)[:2]
    return (int(first) + 1) % 100 != int(second) % 100


def _plurals(phrase: str) -> list[str]:
    """ "ship" -> "ships"; "battery" -> "batteries"; "box" -> "boxes" (the last word only)."""
    forms = [phrase + "s", phrase + "es"]
    if phrase.endswith("y"):
        forms.append(phrase[:-1] + "ies")
    return forms


def _char_span(doc: Doc, item: Cue | Figure) -> Span | None:
    label = item.label if isinstance(item, Cue) else item.kind.upper()
    rule = item.rule_id if isinstance(item, Cue) else item.rule
    span = doc.char_span(item.start, item.end, label=label, alignment_mode="expand")
    if span is not None:
        span.id_ = rule
    return span


def _is_time_span(figure: Figure) -> bool:
    return figure.kind == "quantity" and (figure.unit or "").split(" ")[0] in _TIME_UNITS


def _resolve_commodity_anaphors(cues: list[Cue]) -> list[Cue]:
    """ "Coffee exports rose ... shipments of the bean reached 1.06 million bags": an
    anaphoric goods word takes the name and code of the goods named last before it; with none
    before it, it is no commodity."""
    result = []
    named: list[Any] = []
    for cue in sorted(cues, key=lambda c: c.start):
        if cue.label == "COMMODITY":
            if getattr(cue.rule, "anaphor", False):
                prefixes = tuple(cue.rule.refers_to)
                last = next(
                    (
                        r
                        for r in reversed(named)
                        if not prefixes or (r.hs is not None and r.hs.startswith(prefixes))
                    ),
                    None,
                )
                if last is None:
                    continue
                rule = cue.rule.model_copy(update={"name": last.name, "hs": last.hs})
                cue = Cue(cue.label, cue.start, cue.end, cue.text, rule)
            else:
                named.append(cue.rule)
        result.append(cue)
    return result


def _resolve_overlaps(cues: list[Cue], figures: list[Figure]) -> tuple[list[Cue], list[Figure]]:
    """Periods and streaks win over the bare numbers inside them ("March 2", "nine months in a
    row"); figures with a unit or currency win over cues inside them ("U.S." in "48 billion U.S.
    dollars"), except commodities naming a counted unit ("1.2 million cars")."""
    keep_figures = []
    for figure in figures:
        covering = [
            cue
            for cue in cues
            if cue.label in ("PERIOD", "STREAK")
            and cue.start <= figure.start
            and figure.end <= cue.end
        ]
        overlapping = [
            cue
            for cue in cues
            if cue.label in ("PERIOD", "STREAK")
            and cue.start < figure.end
            and figure.start < cue.end
        ]
        plain = figure.kind == "number" or _is_time_span(figure)
        if covering or (overlapping and plain):
            continue
        keep_figures.append(figure)
    keep_cues = []
    for cue in cues:
        clash = [f for f in keep_figures if f.start < cue.end and cue.start < f.end]
        if not clash or cue.label == "COMMODITY" and all(f.kind == "quantity" for f in clash):
            keep_cues.append(cue)
        elif cue.label in ("PERIOD", "STREAK"):
            continue
        elif all(f.kind == "number" and (f.end - f.start) < (cue.end - cue.start) for f in clash):
            keep_cues.append(cue)
            keep_figures = [f for f in keep_figures if f not in clash]
    return keep_cues, keep_figures


@lru_cache(maxsize=4)
def default_annotator(patterns: str | None = None) -> Annotator:
    """The shared annotator for a patterns folder (None: the default folder)."""
    return Annotator(RuleSet.load(patterns))
