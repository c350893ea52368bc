"""The figure grammar: money, percentages, percentage points, quantities and plain numbers.

Figure rules are regex templates in `patterns/figures.jsonl` whose placeholders ({symbol},
{number}, {scale}, {name}, {unit}...) expand to alternations built from the lexicon rules
(CURRENCY, SCALE, UNIT, BOUND). Every rule runs over the whole text; overlapping matches are
resolved longest first, so "¥5.78 trillion" beats the bare "5.78 trillion" inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .numbers import (
    DIGITS,
    MIXED_FRACTION,
    TENS,
    UNITS,
    WORD_FRACTION,
    WORD_NUMBER,
    apply_scale,
    parse_number,
)
from .resources import RuleSet

_SEP = r"\s?(?:-to-|-|–|—|to)\s?"
_PERCENT = r"(?:\s?%|\s?(?:percent|per\s?cent|per-cent|pct|pc)\b)"
_PP = (
    r"\s?(?:percentage[\s-]points?|pct[\s-]points?|per\s?cent(?:age)?[\s-]points?|"
    r"percent[\s-]points?|pp|ppts?|ppt)\b"
)
# A sign counts only at the start of a figure ("+5.1%", "(-3.4%)", "$-50.8bn"), never inside
# "COVID-19".
_SIGN = r"(?:(?:(?<=[\s(:$€£¥])|^)[+\-\u2212])?"
_NUMBER = rf"{_SIGN}(?:{MIXED_FRACTION}|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?|{DIGITS})"
_NOT_ORDINAL = r"(?!(?:st|nd|rd|th)\b)"
# A number ends where its digits end: "1.5mm" is never "1" with a leftover ".5mm".
_WHOLE = r"(?![.,]?\d)"
# "1.99×10−30 kilograms", "2.998 x 10^8": a power of ten written out (a lost superscript
# leaves "10−30").
_TIMES_TEN = r"(?:\s?[×x]\s?10(?:\^(?P<exponent>[−\-+]?\d{1,3})|(?P<negative>[−\-]\d{1,3}))(?!\d))?"
# "minus 5 degrees", "minus-1.4": the word is the sign.
_MINUS = r"(?:(?i:minus)[\s-])?"
# "sub-7 nanometer" starts a figure after its prefix; other word-hyphen-digit runs do not.
_START = r"(?:(?<=\bsub-)|(?<![\w$£€¥.,])(?<!\w[\-/])|(?<=,)(?=(?i:minus)[\s-]))"
_SIGNS = "+-\u2212"
# "by X to Y" is a change and the level it reached, never a range.
_CHANGE_THEN_LEVEL = re.compile(
    r"\b(?:by|rose|fell|increased|decreased|grew|jumped|climbed|dropped|declined|widened|"
    r"narrowed|swelled|shrank|gained|added|slipped|eased)\s+$",
    re.IGNORECASE,
)
# A first range end with a thousands separator is written in full and borrows no scale.
_IN_FULL = re.compile(r"\d,\d{3}")


def _trie_regex(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as a trie so `re` does not try every branch.

    Longer words win over their prefixes ("mln" before "m") because each node tries its
    continuations before accepting the word that ends there. A space matches any whitespace.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            atom = r"\s+" if char == " " else re.escape(char)
            branches.append(atom + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie) or "(?!)"


def _alternation(words: list[str], *, case_sensitive: bool) -> str:
    unique = {w if case_sensitive else w.lower() for w in words}
    body = _trie_regex(sorted(unique))
    return f"(?:{body})" if case_sensitive else f"(?i:{body})"


@dataclass(slots=True)
class Figure:
    """A figure found in text, with its normalized value."""

    kind: str  # money | percent | percentage_point | number | quantity
    start: int
    end: int
    text: str
    value: float | tuple[float, float]
    rule: str
    currency: str | None = None
    currency_candidates: tuple[str, ...] = ()
    unit: str | None = None
    scaled: bool = False
    bound: str = "="
    signed: bool = False
    conversion: bool = False
    spelled: bool = False
    notes: set[str] = field(default_factory=set)

    @property
    def low(self) -> float:
        return self.value[0] if isinstance(self.value, tuple) else self.value


# "(EUR 10,906 million in March 2023)": an earlier figure in brackets, not a conversion
_DATED_AFTER = re.compile(r"\s+(?:in|for|a\s+year|last|the\s+previous)\b[^)\]]{0,30}[)\]]", re.I)
_RESTATED = re.compile(
    r"\s*[,(\[]?\s*(?:(?:or\s+)?(?:the\s+)?equivalent\s+(?:to|of)|equal\s+to|or)\s+"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|approximately\s+)?",
    re.IGNORECASE,
)


# "rose 3.2, 5.7 and 1.4 pct respectively", "62,300, 48,900 and 41,750 tonnes": bare numbers
# listed before a figure with a unit share its unit (and its scale and currency).
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,60}?\brespectively\b", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _share_the_last_unit(text: str, figures: list[Figure]) -> None:
    index = 0
    while index < len(figures):
        run = [index]
        while (
            run[-1] + 1 < len(figures)
            and _bare(figures[run[-1]])
            and _LIST_SEPARATOR.fullmatch(text, figures[run[-1]].end, figures[run[-1] + 1].start)
        ):
            run.append(run[-1] + 1)
        last = figures[run[-1]]
        if (
            len(run) >= 2
            and not _bare(last)
            and last.kind in ("percent", "quantity", "money")
            and not isinstance(last.value, tuple)
            and (len(run) >= 3 or _RESPECTIVELY_AFTER.match(text, last.end))
        ):
            number = _LEADING_NUMBER.search(last.text)
            own = parse_number(number.group(0)) if number else None
            factor = last.value / own if own else 1.0
            for position in run[:-1]:
                bare = figures[position]
                figures[position] = replace(
                    last,
                    start=bare.start,
                    end=bare.end,
                    text=bare.text,
                    # "1.63 mln, 1.41 mln and 920,000 tonnes": a scaled number keeps its scale
                    value=bare.value if bare.scaled else bare.value * factor,
                    scaled=bare.scaled or last.scaled,
                    bound="=",
                    conversion=False,
                    notes={"shared_unit"},
                )
        index = run[-1] + 1


def _bare(figure: Figure) -> bool:
    """A plain number: no unit, currency or scale, and not a year."""
    return (
        figure.kind == "number"
        and figure.currency is None
        and figure.unit is None
        and not isinstance(figure.value, tuple)
        and not re.fullmatch(r"(?:19|20)\d\d", figure.text)
    )


class FigureGrammar:
    """Compiled figure rules; `find(text)` returns non-overlapping figures in text order."""

    def __init__(self, rules: RuleSet):
        self._currency = {}
        symbols, codes, names = [], [], []
        for rule in rules.of("CURRENCY"):
            key = rule.pattern if rule.case_sensitive else rule.pattern.lower()
            # Curated rules (with candidates or wire abbreviations) override generated names.
            if key not in self._currency or rule.candidates or "curated" in rule.id:
                self._currency[key] = rule
            {"symbol": symbols, "code": codes, "name": names}[rule.kind].append(rule.pattern)
        self._currency_ci = {k.lower(): v for k, v in self._currency.items()}
        # After the amount only signs without letters: "1,200€", never "5 N" for naira.
        post_symbols = [s for s in symbols if not re.search(r"[A-Za-z]", s)]
        self._scale = {}
        scale_words, scale_glued = [], []
        for rule in rules.of("SCALE"):
            self._scale[rule.pattern if rule.glued_only else rule.pattern.lower()] = rule.multiplier
            (scale_glued if rule.glued_only else scale_words).append(rule.pattern)
        self._unit = {}
        unit_ci, unit_cs = [], []
        for rule in rules.of("UNIT"):
            # First rule wins: curated files sort before the generated tables.
            if rule.case_sensitive:
                self._unit.setdefault(rule.pattern, rule.unit)
                unit_cs.append(rule.pattern)
            else:
                self._unit.setdefault(rule.pattern.lower(), rule.unit)
                unit_ci.append(rule.pattern)
        bounds = {rule.pattern.lower(): rule.bound for rule in rules.of("BOUND")}
        self._bounds = bounds
        self._bound_re = re.compile(
            rf"(?:^|[^\w])(?P<bound>{_alternation(list(bounds), case_sensitive=False)})"
            r"(?:\s+|(?<=-))$"
            r"|(?P<tilde>~)\s?$"
        )

        word_scales = _alternation(scale_words, case_sensitive=False)
        glued = _alternation(scale_glued, case_sensitive=True)

        def scale(group: str) -> str:
            return (
                # "169-billion-dlr", "$4.91-billion gap": a hyphen may join the scale
                rf"(?P<{group}>(?:\s|-(?=[a-zA-Z]))?{word_scales}(?:\s{word_scales})?(?![a-zA-Z])"
                rf"|(?<=\d){glued}(?![a-zA-Z]))"
            )

        unit_body = "|".join(
            part
            for part in (
                _alternation(unit_cs, case_sensitive=True) if unit_cs else "",
                _alternation(unit_ci, case_sensitive=False) if unit_ci else "",
            )
            if part
        )

        def unit(group: str) -> str:
            return f"(?P<{group}>{unit_body})(?![a-zA-Z])"

        def symbol(group: str) -> str:
            return f"(?P<{group}>{_alternation(symbols, case_sensitive=True)})"

        self._pieces = {
            "symbol": symbol("symbol"),
            "symbol2": symbol("symbol2"),
            # "USD 34.6 million" and "USD10m": a code may touch its number, never a letter.
            "code": rf"(?P<code>\b{_alternation(codes, case_sensitive=True)}(?![A-Za-z]))",
            "name": rf"(?P<name>{_alternation(names, case_sensitive=False)})(?![a-zA-Z])",
            "sign": r"(?P<sign>(?:(?<=[\s(:])|^)[+\-\u2212])?",
            "number": f"(?P<number>{_MINUS}{_NUMBER}){_WHOLE}{_NOT_ORDINAL}{_TIMES_TEN}",
            "number2": f"(?P<number2>{_MINUS}{_NUMBER}){_WHOLE}{_NOT_ORDINAL}",
            "words": (
                rf"(?P<words>(?i:{WORD_FRACTION}|{WORD_NUMBER}|(?:a|one)[\s-]half))(?![a-zA-Z])"
            ),
            "words2": f"(?P<words2>(?i:{WORD_NUMBER}))(?![a-zA-Z])",
            # "a million people", "a billion dollars": the article is the number one.
            "article": r"(?P<words>(?i:an?))(?=\s)",
            "scale": scale("scale"),
            "scale2": scale("scale2"),
            "postsymbol": f"(?P<symbol>{_alternation(post_symbols, case_sensitive=True)})",
            "percent": _PERCENT,
            "pp": _PP,
            "unit": unit("unit"),
            "unit2": unit("unit2"),
            "sep": _SEP,
        }
        self.rules = []
        # Templates are tried only where their first slot can start: at a number, or at a
        # currency symbol or code just left of one. Scanning every rule over the whole text
        # cost ten times more.
        self._by_slot: dict[str, list] = {}
        literal_words: set[str] = set()
        for order, rule in enumerate(sorted(rules.of("FIGURE"), key=lambda r: -r.priority)):
            template = re.sub(r"^([A-Za-z]+)", r"(?i:\1)", rule.template)  # "Between ..."
            pattern = _START + template.format(**self._pieces) + r"(?![\w])"
            compiled = re.compile(pattern)
            self.rules.append((rule, compiled))
            first = re.match(r"\{(\w+)\}", rule.template)
            slot = first.group(1) if first else "literal"
            word = re.match(r"[A-Za-z]+", rule.template)
            if word:  # "between ...", "from ... up to ...": tried where the word is
                literal_words.add(word.group(0).lower())
                slot = "word:" + word.group(0).lower()
            slot = {"sign": "symbol", "number": "number", "words": "words", "article": "words"}.get(
                slot, slot
            )
            self._by_slot.setdefault(slot, []).append((order, rule, compiled))
        self._literal_core = re.compile(
            rf"\b(?P<word>{_alternation(sorted(literal_words), case_sensitive=False)})\s"
        )
        self._digit_core = re.compile(r"(?<![\d.,])\d|(?<![\d.])\.\d")
        self._word_core = re.compile(
            rf"\b{_alternation([*UNITS, *TENS], case_sensitive=False)}(?![a-z])", re.IGNORECASE
        )
        self._minus_left = re.compile(r"\b(?i:minus)[\s-]$")
        self._article_core = re.compile(
            rf"\b(?i:an?)\s+(?={word_scales}(?![a-zA-Z]))|\b(?i:a)\s+(?=(?i:half|quarter)\b)"
            r"|\b(?i:half)\s+(?=(?i:an?)\s)"
        )
        self._symbol_left = re.compile(rf"{_alternation(symbols, case_sensitive=True)}\s?$")
        self._code_left = re.compile(rf"\b{_alternation(codes, case_sensitive=True)}\s?$")

    def _attempts(self, text: str):
        starts: dict[str, set[int]] = {
            "number": set(),
            "words": set(),
            "symbol": set(),
            "code": set(),
        }
        cores = [(m.start(), "number") for m in self._digit_core.finditer(text)]
        cores += [(m.start(), "words") for m in self._word_core.finditer(text)]
        cores += [(m.start(), "words") for m in self._article_core.finditer(text)]
        for position, kind in cores:
            starts[kind].add(position)
            if position and text[position - 1] in _SIGNS:
                starts[kind].add(position - 1)
            minus = self._minus_left.search(text, max(0, position - 6), position)
            if minus:
                starts[kind].add(minus.start())
            # "$-50.8bn": the sign may stand between the currency and the digits.
            anchor = position - 1 if position and text[position - 1] in _SIGNS else position
            left = text[max(0, anchor - 10) : anchor]
            for slot, regex in (("symbol", self._symbol_left), ("code", self._code_left)):
                found = regex.search(left)
                if found:
                    start = anchor - len(left) + found.start()
                    starts[slot].add(start)
                    if start and text[start - 1] in _SIGNS:
                        starts[slot].add(start - 1)
        for match in self._literal_core.finditer(text):
            starts.setdefault("word:" + match.group("word").lower(), set()).add(match.start())
        for slot, entries in self._by_slot.items():
            if slot == "literal":
                for order, rule, regex in entries:
                    yield order, rule, regex, None
                continue
            for start in sorted(starts.get(slot, ())):
                for order, rule, regex in entries:
                    yield order, rule, regex, start

    def _scale_of(self, text: str | None) -> list[float]:
        if not text:
            return []
        words = text.replace("-", " ").split()
        return [self._scale.get(w, self._scale.get(w.lower(), 1.0)) for w in words]

    def _currency_rule(self, text: str):
        squeezed = re.sub(r"\s+", " ", text)
        return self._currency.get(squeezed) or self._currency_ci.get(squeezed.lower())

    def _figure(self, rule, match: re.Match) -> Figure | None:
        groups = match.groupdict()
        spelled = bool(groups.get("words"))
        first_text = groups.get("number") or groups.get("words") or ""
        first = 1.0 if first_text.lower() in ("a", "an") else parse_number(first_text)
        if first is None:
            return None
        scale = self._scale_of(groups.get("scale"))
        second_scale = self._scale_of(groups.get("scale2")) or scale
        if groups.get("sign") in ("-", "\u2212"):
            first = -first
        exponent = groups.get("exponent") or groups.get("negative")
        if exponent:
            first = first * 10.0 ** int(exponent.replace("\u2212", "-"))
        value: float | tuple[float, float] = apply_scale(first, scale or second_scale)
        second_text = groups.get("number2") or groups.get("words2")
        if second_text:
            first_end = match.end("number") if groups.get("number") else match.end("words")
            second_start = (
                match.start("number2") if groups.get("number2") else match.start("words2")
            )
            second = parse_number(second_text)
            if second is None:
                return None
            high = apply_scale(second, second_scale)
            low = apply_scale(first, scale)
            # "$3 to $5 billion", "10-12 mln": the first end shares the second's scale, unless
            # it is written in full or the second restates the currency and sharing would
            # break the order ("$800,000 to $1.3 million", "$200 to $4 million").
            borrowed = apply_scale(first, second_scale)
            own = _IN_FULL.search(first_text) or (groups.get("symbol2") and borrowed > high)
            if not scale and not own:
                low = borrowed
            value = (low, high)
            if high < low:
                return None
            # "increased by $43.6 billion to $419.2 billion": two full amounts after "by", far
            # apart, are a change and the level it reached; "fall by 15 billion to 20 billion
            # dlrs" and "dropped by 1 to 1.5 degrees" stay ranges.
            between = match.string[first_end:second_start]
            before = match.string[max(0, match.start() - 12) : match.start()]
            if (
                re.search(r"\bto\b", between)
                and re.search(r"[^\sto]", between)
                and high > 2 * abs(low)
                and _CHANGE_THEN_LEVEL.search(before)
            ):
                return None
        if groups.get("unit2") and self._unit_name(groups["unit2"]) != self._unit_name(
            groups.get("unit") or ""
        ):
            return None
        figure = Figure(
            kind=rule.kind,
            start=match.start(),
            end=match.end(),
            text=match.group(0),
            value=value,
            rule=rule.id,
            scaled=bool(scale or groups.get("scale2")),
            signed=bool(groups.get("sign"))
            or (groups.get("number") or "")[:1] in _SIGNS
            or (groups.get("number") or "")[:1] in "mM",
            spelled=spelled,
        )
        currency_text = groups.get("symbol") or groups.get("code") or groups.get("name")
        if currency_text:
            currency = self._currency_rule(currency_text)
            if currency is None:
                return None
            figure.currency = currency.currency
            figure.currency_candidates = tuple(currency.candidates)
        if rule.kind == "percent":
            figure.unit = "percent"
        elif rule.kind == "percentage_point":
            figure.unit = "percentage_point"
        elif groups.get("unit"):
            figure.unit = self._unit_name(groups["unit"])
        return figure

    def _unit_name(self, text: str) -> str | None:
        unit_text = re.sub(r"\s+", " ", text)
        return self._unit.get(unit_text) or self._unit.get(unit_text.lower())

    def find(self, text: str, *, ranges: bool = True) -> list[Figure]:
        """All figures in `text`, longest match first on overlaps, in text order; with
        `ranges=False` each end of a range is a figure of its own."""
        candidates: list[tuple[int, int, int, Figure]] = []
        for order, rule, regex, start in self._attempts(text):
            if not ranges and ("{number2}" in rule.template or "{words2}" in rule.template):
                continue
            match = regex.match(text, start) if start is not None else None
            matches = [match] if start is not None else regex.finditer(text)
            for match in matches:
                if match is None or match.end() == match.start():
                    continue
                figure = self._figure(rule, match)
                if figure is not None:
                    candidates.append((-(figure.end - figure.start), order, figure.start, figure))
        candidates.sort(key=lambda c: c[:3])
        taken = bytearray(len(text) + 1)
        chosen = []
        for _, _, _, figure in candidates:
            if any(taken[figure.start : figure.end]):
                continue
            taken[figure.start : figure.end] = b"\x01" * (figure.end - figure.start)
            chosen.append(figure)
        chosen.sort(key=lambda f: f.start)
        _share_the_last_unit(text, chosen)
        for index, figure in enumerate(chosen):
            figure.bound = self._bound_before(text, figure.start)
            previous = chosen[index - 1] if index else None
            # "NT$1.02 trillion (US$32.4 billion)": the bracketed amount restates the first.
            if (
                previous is not None
                and figure.kind == previous.kind
                and figure.kind in ("money", "quantity")
                and not _DATED_AFTER.match(text, figure.end)
                and (
                    re.fullmatch(
                        r"\s*[(\[]\s*(?:or|about|around|roughly|some|approx\.?)?\s*",
                        text[previous.end : figure.start],
                    )
                    # "US$8.94 billion, equivalent to about GH¢112.6 billion"
                    or _RESTATED.fullmatch(text[previous.end : figure.start])
                )
            ):
                figure.conversion = True
        return chosen

    def _bound_before(self, text: str, start: int) -> str:
        window = text[max(0, start - 24) : start]
        match = self._bound_re.search(window)
        if not match:
            return "="
        if match.group("tilde"):
            return "~"
        return self._bounds.get(re.sub(r"\s+", " ", match.group("bound").lower()), "=")
