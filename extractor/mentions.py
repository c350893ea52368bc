"""The mention layer: every figure, period, place and commodity of a document as a record.

Figure mentions start from the shared figure grammar and then follow conventions only the
mention layer needs, so facts never change because of them:

- numbers that are names, clock times, years, addresses, scores or labels are not quantities;
- a bare number takes the noun it counts as its unit ("14 first-team players" → "first-team
  player"), "one of the X" is one X, ages read as "year of age", rates keep their "per"
  ("$3,500 a month" → "USD per month"), and a bare number shares the unit of the figure it is
  coordinated or compared with ("435 homes ... and 187 by tender");
- vague amounts ("tens of thousands of students"), fractions ("a third of those screened") and
  multiples ("sixfold") become mentions of their own;
- a figure has a direction when it is itself a change ("rose 6.4%", "a 41.3% rise"), and a
  bound from the words before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .figures import Figure, _alternation
from .frames import _FILLERS_ONLY
from .models import Mention
from .numbers import ORDINAL_WORDS, WORD_NUMBER, parse_number
from .periods import Span, resolve_period
from .pipeline import Annotation, Cue
from .resources import RuleSet

_KIND = {
    "money": "money",
    "percent": "percent",
    "percentage_point": "percent",
    "number": "number",
    "quantity": "quantity",
}


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# ---------------------------------------------------------------------------------------------
# Words

# Function words (and the commonest irregular verbs) end a counted noun phrase: "13000 workers
# in the UK", "200 people here", "one official said".
_STOP = _word_set("""
a an the this that these those his her its their our my your some any each every no all both
of in on at to for from by with without into onto over under about around after before since
during until till than as per via versus vs against between among across through within upon
and or but nor so yet if because while whereas when where which who whom whose what how why
is are was were be been being am has have had do does did will would shall should can could
may might must not never also only just even still already again ever more most less least
few several many much such another same own there here then now very too quite rather
behind beside near inside outside along beyond toward towards like unlike despite amid
i you he she it we they me him us them one ones out up down off back away ago later earlier
respectively including excluding plus minus times year-on-year annually overseas abroad
said says told tells got gets went goes came comes saw sees put puts held holds kept keeps
left leaves met meets paid pays sold sells bought buys brought brings thought found became
began ran won
""")
_MONTHS_DAYS = _word_set("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday""")
# Adjectives that qualify a count without being part of what is counted ("eight more picks").
_SKIPPED_MODIFIERS = _word_set("more additional extra further fewer less")
# Plural nouns no suffix rule gets right, and their singular.
_IRREGULAR_PLURALS = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "staff": "staff",
    "police": "police",
    "personnel": "personnel",
    "cattle": "cattle",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "aircraft": "aircraft",
    "livestock": "livestock",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "crew": "crew",
    "series": "series",
    "species": "species",
    "viruses": "virus",
    "buses": "bus",
    "bonuses": "bonus",
    "campuses": "campus",
    "statuses": "status",
    "censuses": "census",
    "surpluses": "surplus",
}
_NOT_PLURAL = ("ss", "us", "is", "ous", "'s", "’s")
_SUPERLATIVES = {
    "best": "good",
    "worst": "bad",
    "most": "",
    "least": "",
    "biggest": "big",
    "hottest": "hot",
    "largest": "large",
    "latest": "late",
    "earliest": "early",
}
_NOT_SUPERLATIVES = _word_set("interest forest harvest")
# Time words a rate can be "per": "$3,500 a month", "140 km/h".
_TIME_WORDS = {
    "second": "second",
    "sec": "second",
    "s": "second",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "day": "day",
    "d": "day",
    "week": "week",
    "wk": "week",
    "month": "month",
    "mo": "month",
    "quarter": "quarter",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "decade": "decade",
    "century": "century",
}
# Counted things a price can be "per": "$62 and $68 per share".
_PER_THINGS = _word_set("share person head capita game unit piece barrel tonne ton")
# "one of the people responsible for the creation of ...": words left out of the unit.
_ONE_OF_SKIPPED = _word_set(
    "in of for the a an his her their its my our your to ever and most more"
)
# Words after a figure that say how, not what: "rose a record 5% year-on-year".
_NOT_NOUNS_AFTER = _word_set(
    "year-on-year on-year annually respectively lower higher more less ago earlier later"
)

# ---------------------------------------------------------------------------------------------
# Patterns

# Numbers inside these are not quantities (each alternative starts at a digit):
# clock times and timestamps ("9:35 PM", "10.45pm", "2 p.m.", "0401 GMT", "2019-09-01T10:38"),
_CLOCK = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?\s?m\b\.?)?"
    r"|\d{1,2}(?:\.\d{2})?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?)(?![a-z])"
    r"|\d{4}\s?(?:GMT|UTC|EDT|EST|CDT|CST|PDT|PST|BST|CET|JST)\b"
)
# scores and results, the larger side first ("beat Charlton 2-1", "tied at 89-89"),
_SCORE = re.compile(r"(\d{1,3})-(\d{1,3})\b(?![\d/%-]|[.,]\d|\s?(?:per\s?cent|pct))")
# street numbers and postal codes ("575 Wilbraham Road", "9 E 71st St", "90049 ZIP Code").
_ADDRESS = re.compile(
    r"\d+(?:-\d+)?[A-Za-z]?\s+(?:[A-Z0-9][\w.]*\s+){0,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Ln|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|"
    r"Terrace|Highway|Hwy|Parkway|Pkwy|Square|Crescent|Close)\b"
    r"|\d{5}\s+ZIP\b"
)
_ZIP_BEFORE = re.compile(r"\bZIP(?:\s+[Cc]ode)?\s+\d{5}\b")
_DIGIT_RUN = re.compile(r"(?<![\w.,/-])\d")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&.'’-]*)[ \t]+$")
_WHOLE_NUMBER = re.compile(r"[+\-\u2212]?\d{1,5}")
_SPELLED = re.compile(r"[A-Za-z]+")
_YEAR_DIGITS = re.compile(r"\d{4}")
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|from|between|until|till|by|before|after|during|circa)"
    r"|\bA\.?D\.?|\bB\.?C\.?|\b\d{4}\s+(?:and|to|or))\s+$",
    re.IGNORECASE,
)
# "iPhone 11 Pro and 11 Pro Max", "Game 6 and 7": a number listed with a name is one too.
_NAME_LIST = re.compile(r"(?:\s+[A-Z][\w-]*){0,2}\s*(?:,|and|or|&)\s*")
# "a five-year plan": a spelled number glued to a word classifies, it does not count.
_SPELLED_COMPOUND = re.compile(r"-(?!fold\b)[A-Za-z]", re.IGNORECASE)

# Ages: "a 50 year-old man", "the 65-year-old", "30 years old", "under the age of 5 years",
# "women aged 25 to 54".
_AGE_AFTER = re.compile(
    r"[\s-]*(?P<unit>year|month|week|day)s?[\s-]*old\b|[\s-]+(?P<unit2>year|month)s?\s+of\s+age\b",
    re.IGNORECASE,
)
_OLD = re.compile(r"[\s-]*old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:age\s+of|aged)\s+$", re.IGNORECASE)
_AGE_RANGE = re.compile(r"\s*(?:to|-|–)\s*(\d{1,3})\b")
_AGE_YEARS = re.compile(r"\s+years?\b", re.IGNORECASE)
_UNDER_THE_AGE = re.compile(r"\b(?:under|below)\s+the\s+age\s+of\s+$", re.IGNORECASE)
_OVER_THE_AGE = re.compile(r"\b(?:over|above)\s+the\s+age\s+of\s+$", re.IGNORECASE)
# "one of the best wireless speakers", "one of Airbnb's earliest investments"
_ONE_OF = re.compile(
    r"\s+of\s+(?:(?:the|his|her|its|their|our|my|your|these|those)\s+"
    r"|(?=[A-Z][\w&.-]*(?:'s|’s)\s+))"
)
_TOKEN = re.compile(r"[A-Za-z][\w'’]*(?:-[\w'’]+)*|\S")
_POSSESSIVE = re.compile(r"['’]s$")
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][\w&'’.-]*[\w]|[A-Za-z]")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
_ES_PLURAL = re.compile(r"(?:ch|sh|x|z|ss)es$")

# A rate after an amount: "$3,500 a month", "$10 per gram", "140 km/h", "£24 a-year".
_RATE = re.compile(
    r"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+each\s+|\s*-\s*an?\s*-\s*|\s+an?-)", re.IGNORECASE
)
_LETTERS = re.compile(r"[A-Za-z]+")
# "from $6.78 billion a year earlier", "a month ago": a point in time, not a rate.
_TIME_REFERENCE = re.compile(
    r"[\s-]+(?:earlier|ago|before|later|previously|prior|back)\b", re.IGNORECASE
)
_FRACTION_OF = re.compile(r"\s*(?:of\s+)?(?:the\s+|its\s+|their\s+|all\s+)?")
_OF_A = re.compile(r"\s*(?:of\s+(?:an?\s+)?)?")
_ORDINAL_BEFORE = re.compile(rf"\b(?:{'|'.join(ORDINAL_WORDS)})[\s-]+$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(
    r"(?<![\w-])(?P<count>a|an|one|two|three|four|five|six|seven|eight|"
    r"nine)[\s-]$",
    re.IGNORECASE,
)
_NUMERATOR_BEFORE = re.compile(
    r"(?<![\w-])(?P<num>one|two|three|four|five|six|seven|eight|nine"
    r"|\d+)\s+$",
    re.IGNORECASE,
)
# "one out of three Germans", "one of four separate mission concepts"
_OUT_OF = re.compile(
    r"\b(?:out\s+)?of\s+(?P<den>two|three|four|five|six|seven|eight|nine|ten"
    r"|\d{1,3})\b(?![.,]?\d)",
    re.IGNORECASE,
)
_SLASH_FRACTION = re.compile(r"(?<![\w/.-])(?P<a>\d+)\s?[/\u2044](?P<b>\d+)(?![\w/.-])")
_FOLD = re.compile(r"fold\b", re.IGNORECASE)
_TIMES_BEFORE = re.compile(rf"(?<![\w-])(?P<times>\d+(?:\.\d+)?|(?i:{WORD_NUMBER}))-?$")

# "He has averaged 7.3 points", "averaging 15.9 degrees": a figure a verb says is an average
# stands for many values and is approximate (a noun, "an average of 20", names one value).
_AVERAGED = re.compile(r"\baverag(?:ed|es|ing)\s+$", re.IGNORECASE)
# "gave up 517 yards", "made up 30% of sales": "up" and "down" as particles of a phrasal verb
# say nothing about a change.
_PHRASAL = re.compile(
    r"\b(?:give|gives|gave|given|giving|make|makes|made|making|take|takes|took|"
    r"taken|taking|set|sets|setting|sign|signs|signed|signing|show|shows|"
    r"showed|shown|line|lined|break|broke|broken|shut|shuts|turn|turns|turned)"
    r"\s+$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"\ban?\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[\s-]*([a-z][a-z-]*)\b")
_VERB_OBJECT_BY = re.compile(r"\s*(?:[A-Za-z'’-]+\s+){1,3}by\b")
_NOUN_CUE_GAP = re.compile(r"[\s-]*(?:year-on-year|on-year|annual|monthly)?[\s-]*", re.IGNORECASE)
_OF_GAP = re.compile(r"\s*of\s*")
# "lost 162.31 points, or 2.14%", "were down 2.3%, Burlington by 2.6%"
_RESTATED = re.compile(r"\s*,?\s*(?:or|and)\s*|\s*,\s*(?:[A-Z][\w&'’.-]*\s+){1,3}by\s+")
# "more than 100 kilometers (60 miles)", "under 296 hp (224 kW / 300 PS)"
_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:or|about|around|roughly|some|approx\.?)?\s*")
_SLASH_GAP = re.compile(r"\s*/\s*")
# A bare number coordinated with or compared to a figure with a unit: "7- or 8-inch", "435
# homes by open sale and 187 by tender", "the highest is 84.75 cents, the lowest 74.07".
_ALTERNATIVE_GAP = re.compile(r"-?\s*(?:or|and|-|–)\s*")
_TO_GAP = re.compile(r"\s*to\s*")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_ELLIPSIS = re.compile(
    r"\b(?:and|or|but|while|whereas|compared\s+(?:with|to)|versus|vs\.?|"
    r"against|from|to|at|than)\b",
    re.IGNORECASE,
)
# A percentage passes only to another change amount ("increased by 2 percent but NASDAQ
# decreased by 1"), never to a level ("rose 0.1% to 1,333.18", "0.1%, and the yuan held
# near 7.23").
_PERCENT_AGAIN = re.compile(r"\bby\s+$", re.IGNORECASE)
_RATE_AFTER = re.compile(r"\s*(?:per\b|/|an?\s+(?:share|unit|tonne|barrel)\b)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class _Draft:
    """A figure mention while the conventions are applied to it."""

    kind: str
    start: int
    end: int
    value: float | tuple[float, float]
    unit: str | None
    rule: str
    bound: str = "="
    direction: str | None = None
    figure: Figure | None = None
    counted: bool = False


class _Lexicon:
    """The rule-file word lists the mention layer reads, compiled once per rule set."""

    def __init__(self, rules: RuleSet):
        units_cs: dict[str, str] = {}
        units_ci: dict[str, str] = {}
        for rule in rules.of("UNIT"):  # first rule wins, as in the figure grammar
            if rule.case_sensitive:
                units_cs.setdefault(rule.pattern, rule.unit)
            else:
                units_ci.setdefault(rule.pattern.lower(), rule.unit)
        self.units_cs, self.units_ci = units_cs, units_ci
        self.unit = re.compile(
            rf"(?:{_alternation(list(units_cs), case_sensitive=True)}"
            rf"|{_alternation(list(units_ci), case_sensitive=False)})(?![A-Za-z])"
        )
        self.currency_names = {
            r.pattern.lower(): r.currency for r in rules.of("CURRENCY") if r.kind == "name"
        }
        self.currency_name = re.compile(
            rf"\s*{_alternation(list(self.currency_names), case_sensitive=False)}(?![A-Za-z])"
        )
        self.vague = {r.pattern.lower(): (r.low, r.high) for r in rules.of("VAGUE_AMOUNT")}
        self.vague_re = re.compile(
            rf"\b(?P<vague>{_alternation(list(self.vague), case_sensitive=False)})\s+of\s+"
        )
        self.fractions = {r.pattern.lower(): r.value for r in rules.of("FRACTION")}
        self.fraction_re = re.compile(
            rf"\b(?P<part>{_alternation(list(self.fractions), case_sensitive=False)})\b"
            r"\s+(?:of\s+)?(?=\S)"
        )
        self.names = frozenset(r.pattern.lower() for r in rules.of("NUMBERED_NAME"))
        self.bounds = {r.pattern.lower(): r.bound for r in rules.of("BOUND")}
        self.bound_re = re.compile(
            rf"(?:^|[^\w])(?P<bound>{_alternation(list(self.bounds), case_sensitive=False)})"
            r"(?:\s+|(?<=-))$|(?P<tilde>~)\s?$"
        )

    def bound_before(self, text: str, start: int) -> str:
        """The bound the words just before `start` give: "nearly two-thirds" is ~."""
        match = self.bound_re.search(text[max(0, start - 24) : start])
        if not match:
            return "="
        if match.group("tilde"):
            return "~"
        return self.bounds.get(_SPACES.sub(" ", match.group("bound").lower()), "=")

    def unit_at(self, text: str, position: int) -> tuple[int, str] | None:
        """The unit written at `position`, as (end, quantulum3 name)."""
        match = self.unit.match(text, position)
        if not match:
            return None
        surface = _SPACES.sub(" ", match.group(0))
        name = self.units_cs.get(surface) or self.units_ci.get(surface.lower())
        return (match.end(), name) if name else None


@lru_cache(maxsize=4)
def _lexicon(rules: RuleSet) -> _Lexicon:
    return _Lexicon(rules)


class _Sentences:
    """Sentence ends by position."""

    def __init__(self, sentences: list[tuple[int, int]], length: int):
        self.starts = [start for start, _ in sentences]
        self.ends = [end for _, end in sentences]
        self.length = length

    def end_of(self, position: int) -> int:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.ends[index]:
            return self.ends[index]
        return self.length

    def start_of(self, position: int) -> int:
        index = bisect_right(self.starts, position) - 1
        return self.starts[index] if index >= 0 else 0


# ---------------------------------------------------------------------------------------------
# Word forms


def singular(word: str) -> str:
    """The singular of an English plural noun ("inches" → "inch"); other words unchanged."""
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return word[: len(word) - len(lower)] + _IRREGULAR_PLURALS[lower]
    if lower.endswith("men") and len(lower) > 4:
        return word[:-3] + word[-3] + "an"  # "fishermen" → "fisherman"
    if not _is_plural(lower):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if _ES_PLURAL.search(lower):
        return word[:-2]
    return word[:-1]


def _is_plural(lower: str) -> bool:
    if lower in _IRREGULAR_PLURALS or (lower.endswith("men") and len(lower) > 4):
        return True
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(_NOT_PLURAL)
        and lower.replace("-", "").isalpha()
    )  # "U.S" is no plural


def _is_function_word(word: str) -> bool:
    """A function word, unless written in capitals ("US", "IT")."""
    return word.lower() in _STOP and not (word.isupper() and len(word) > 1)


def _is_participle(word: str) -> bool:
    """ "charging stations", "recorded songs", "decently sized": modifiers that describe rather
    than name what is counted. Hyphenated ones ("coal-fired") name it."""
    return word.islower() and "-" not in word and word.endswith(("ing", "ed", "ly"))


def _base_adjective(word: str) -> str:
    """ "proudest" → "proud", "earliest" → "early", "best" → "good"; other words unchanged."""
    lower = word.lower()
    if lower in _SUPERLATIVES:
        return _SUPERLATIVES[lower]
    if lower.endswith("iest") and len(lower) > 5:
        return lower[:-4] + "y"
    if lower.endswith("est") and len(lower) > 5 and lower not in _NOT_SUPERLATIVES:
        stem = lower[:-3]
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return word


def _words_at(text: str, position: int, limit: int) -> list[tuple[str, int]]:
    """The words from `position` on with their end offsets, up to the first thing that is
    neither a word nor a space (punctuation, digits, a blank line, a full stop)."""
    words = []
    cursor = position
    while cursor < limit:
        gap = _SPACE.match(text, cursor, limit)
        cursor = gap.end()
        match = _WORD.match(text, cursor)
        if not match or match.end() > limit or (words and gap.end() == gap.start()):
            break
        word = match.group(0)
        if not _ABBREVIATION.fullmatch(word):  # "U.S." goes on, a full stop ends the phrase
            word = word.rstrip(".")
        cursor += len(word)
        words.append((word, cursor))
        if len(word) < len(match.group(0)):
            break
    return words


# ---------------------------------------------------------------------------------------------
# Numbers that are not quantities


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Clock times, timestamps, scores and addresses: the numbers inside them count nothing."""
    spans = []
    for digit in _DIGIT_RUN.finditer(text):
        start = digit.start()
        for pattern in (_CLOCK, _ADDRESS):
            match = pattern.match(text, start)
            if match:
                spans.append(match.span())
        score = _SCORE.match(text, start)
        if score and int(score.group(1)) >= int(score.group(2)):
            spans.append(score.span())
    spans += [m.span() for m in _ZIP_BEFORE.finditer(text)]
    return spans


def _is_name(text: str, figure: Figure, lexicon: _Lexicon) -> bool:
    """ "Game 7", "iPhone 11", "the S&P 500", "BBC One", "COVID -19": a whole number right after
    a capitalized word or a naming word ("game", "category") is part of a name."""
    if figure.kind != "number" or not (
        _WHOLE_NUMBER.fullmatch(figure.text) or _SPELLED.fullmatch(figure.text)
    ):
        return False
    before = _WORD_BEFORE.search(text, max(0, figure.start - 30), figure.start)
    if not before:
        return False
    word = before.group(1)
    lower = word.lower()
    if lower in lexicon.names:
        return True
    if word.endswith(".") or lower in _STOP or lower in _MONTHS_DAYS or lower in lexicon.bounds:
        return False  # "Mass. one of the oldest ballparks": an abbreviation or a sentence end
    return any(c.isupper() for c in word)


def _is_year(text: str, figure: Figure) -> bool:
    """ "in 1985", "2022′s", "between A.D. 1000 and 1260"."""
    if figure.kind != "number" or not all(
        _YEAR_DIGITS.fullmatch(t) for t in re.findall(r"[\d,.]+", figure.text)
    ):
        return False
    ends = figure.value if isinstance(figure.value, tuple) else (figure.value,)
    if all(1900 <= v <= 2099 for v in ends):
        return True
    return all(1000 <= v <= 2199 for v in ends) and bool(
        _YEAR_CONTEXT.search(text, max(0, figure.start - 24), figure.start)
        or figure.text[:1].isalpha()
    )  # "Between 1600 and 1900"


def _not_a_quantity(text: str, figure: Figure, blocked: list[tuple[int, int]]) -> bool:
    if figure.kind in ("number", "quantity") and any(
        start < figure.end and figure.start < end for start, end in blocked
    ):
        return True
    if _is_year(text, figure):
        return True
    if (
        figure.kind == "number"
        and text[figure.start - 1 : figure.start] == "("
        and text[figure.end : figure.end + 1] == ")"
        and len(figure.text) <= 3
        and figure.text.isdigit()
    ):
        return True  # "Dak Prescott (4)", "(2)": a label in brackets, not an amount
    return bool(
        figure.spelled and figure.kind == "number" and _SPELLED_COMPOUND.match(text, figure.end)
    )


# ---------------------------------------------------------------------------------------------
# What a number counts


def _noun_phrase(
    text: str, position: int, limit: int, *, plural_head: bool, max_words: int = 4
) -> tuple[int, str] | None:
    """The counted noun phrase at `position`, as (end, unit).

    More than one: up to `max_words` modifiers ending at the first plural noun ("14
    first-team players", "460 Kia and Hyundai vehicles"). One: the words up to the first
    function word or verb ("one particular demand that", "One proposal asks")."""
    kept: list[str] = []
    last_end = position
    for word, end in _words_at(text, position, limit)[: max_words + 2]:
        lower = word.lower()
        if lower in _SKIPPED_MODIFIERS and not kept:
            continue
        if lower == "and" and kept and plural_head:
            continue
        if _is_function_word(word) or lower in _MONTHS_DAYS:
            break
        if plural_head:
            if _is_plural(lower):
                modifiers = [w for w in kept if not _is_participle(w)]
                return end, " ".join([*modifiers, singular(word)])
            kept.append(word)
            if len(kept) > max_words:
                break
            continue
        if kept and (lower.endswith("s") or _is_participle(word)):
            break  # "One proposal asks": the verb after a singular head
        kept.append(word)
        last_end = end
        if len(kept) == 3:
            break
    if plural_head:
        return None
    while kept and _is_participle(kept[-1]):
        kept.pop()
    if not kept:
        return None
    return position + text[position:last_end].rfind(kept[-1]) + len(kept[-1]), " ".join(kept)


def _phrase_after_one_of(text: str, position: int, limit: int) -> tuple[int, str] | None:
    """ "one of the most gifted and unpredictable attackers in the Premier League": the plural
    noun with its modifiers and complements, function words left out and superlatives read
    as their base ("best" → "good"), up to the next clause."""
    words: list[str] = []
    end, head = position, False
    for match in _TOKEN.finditer(text, position, limit):
        token = _POSSESSIVE.sub("", match.group(0))
        lower = token.lower()
        if not token[0].isalpha():
            break
        if lower in _ONE_OF_SKIPPED:
            continue
        if _is_function_word(token) or lower in _MONTHS_DAYS or (lower.endswith("ly") and not head):
            break
        plural = _is_plural(lower)
        words.append(singular(token) if plural else _base_adjective(token))
        end, head = match.end(), head or plural
        if len(words) >= 8:
            break
    words = [w for w in words if w]
    return (end, " ".join(words)) if head and words else None


def _age_bound(text: str, start: int) -> str | None:
    """ "under the age of 5" is < 5, "over the age of 21" > 21."""
    window = max(0, start - 20)
    if _UNDER_THE_AGE.search(text, window, start):
        return "<"
    if _OVER_THE_AGE.search(text, window, start):
        return ">"
    return None


def _age(text: str, draft: _Draft, limit: int) -> None:
    """ "the 65-year-old", "30 years old", "under the age of 5 years": a time span that is an
    age."""
    unit = draft.unit.split(" ")[0] if draft.unit else ""
    if unit not in ("year", "month", "week", "day"):
        return
    old = _OLD.match(text, draft.end, limit)
    if old:
        draft.end = old.end()
        draft.unit, draft.rule = f"{unit} of age", "age.years_old"
    elif _AGE_BEFORE.search(text, max(0, draft.start - 12), draft.start):
        draft.unit, draft.rule = f"{unit} of age", "age.age_of"
        draft.bound = _age_bound(text, draft.start) or draft.bound


def _count_unit(text: str, draft: _Draft, limit: int) -> None:
    """Give a bare number the thing it counts, an age, or a "one of the X" reading."""
    value = draft.value
    age = _AGE_AFTER.match(text, draft.end, limit)
    if age:
        unit = (age.group("unit") or age.group("unit2")).lower()
        draft.end = age.end()
        draft.unit, draft.kind, draft.rule = f"{unit} of age", "quantity", "age.years_old"
        return
    if _AGE_BEFORE.search(text, max(0, draft.start - 12), draft.start):
        second = _AGE_RANGE.match(text, draft.end)  # "women aged 25 to 54"
        if second and not isinstance(value, tuple) and int(second.group(1)) > value:
            draft.value, draft.end = (value, float(second.group(1))), second.end()
        years = _AGE_YEARS.match(text, draft.end)
        draft.end = years.end() if years else draft.end
        draft.unit, draft.kind, draft.rule = "year of age", "quantity", "age.age_of"
        draft.bound = _age_bound(text, draft.start) or draft.bound
        return
    if value == 1 and draft.figure is not None and draft.figure.spelled:
        one_of = _ONE_OF.match(text, draft.end, limit)
        found = one_of and _phrase_after_one_of(text, one_of.end(), limit)
        if found:
            draft.end, draft.unit = found
            draft.kind, draft.rule, draft.counted = "quantity", "count.one_of", True
            return
    if text[draft.end : draft.end + 1] not in (" ", "\t", "\n"):
        return
    found = _noun_phrase(text, draft.end, limit, plural_head=value != 1)
    if found:
        draft.end, draft.unit = found
        draft.kind, draft.rule, draft.counted = "quantity", "count.noun", True


def _rate(text: str, draft: _Draft, limit: int, lexicon: _Lexicon) -> None:
    """ "$3,500 a month", "$10 per gram", "140 km/h": the unit gains its "per"."""
    match = _RATE.match(text, draft.end, limit)
    if not match or draft.unit is None:
        return
    position = match.end()
    word = _LETTERS.match(text, position, limit)
    lower = word.group(0).lower() if word else ""
    time_word = lower if lower in _TIME_WORDS else lower.rstrip("s")
    if time_word in _TIME_WORDS and ("/" in match.group(0) or len(lower) > 2):
        per, end = _TIME_WORDS[time_word], word.end()
    else:
        found = lexicon.unit_at(text, position)
        if found and found[0] <= limit:
            end, per = found
        elif lower in _PER_THINGS:
            end, per = word.end(), singular(lower)
        else:
            return
    if not _LETTERS.match(text, end, end + 1) and not _TIME_REFERENCE.match(text, end):
        draft.unit = f"{draft.unit} per {per}"
        draft.end = end


# ---------------------------------------------------------------------------------------------
# Mentions the figure grammar does not make


def _fraction_of(text: str, position: int, limit: int) -> str | None:
    """What a fraction is a fraction of: "half the condos" → "condo", "one out of three
    Germans" → "German", "a third of the Britian population" → "Britian population"."""
    article = _FRACTION_OF.match(text, position, limit)
    words = []
    for word, _ in _words_at(text, article.end(), limit)[:3]:
        if _is_function_word(word) or word.lower() in _MONTHS_DAYS:
            break
        words.append(word)
        if _is_plural(word.lower()):
            break
    while words and (
        words[-1].lower().endswith(("ed", "ing"))
        or (
            len(words) > 1 and not _is_plural(words[-1].lower()) and words[-1].lower().endswith("s")
        )
    ):
        words.pop()
    if not words:
        return None
    return " ".join([*words[:-1], singular(words[-1])])


def _fraction_matches(text: str, lexicon: _Lexicon):
    """(start, end, value, rule) of every fraction: "half the", "two-thirds of", "one out of
    three", "one of four", "1/2"."""
    for match in lexicon.fraction_re.finditer(text):
        part = match.group("part").lower()
        count = _COUNT_BEFORE.search(text, max(0, match.start() - 7), match.start())
        number = count.group("count").lower() if count else ""
        if part != "half" and not (number and match.group(0).rstrip().endswith("of")):
            continue  # "the third quarter", "a fourth straight month": ordinals
        if number in ("", "a", "an") and part.endswith("s") and part != "halves":
            continue
        if text[match.end() : match.end() + 1].isdigit() or _ORDINAL_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue  # "the second half of the game"
        times = 1.0 if number in ("", "a", "an") else parse_number(number) or 1.0
        yield (
            count.start() if count else match.start(),
            match.end(),
            times * lexicon.fractions[part],
            "fraction.part",
        )
    for match in _OUT_OF.finditer(text):
        numerator = _NUMERATOR_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if numerator:
            num, den = parse_number(numerator.group("num")), parse_number(match.group("den"))
            if num and den and num < den:
                yield numerator.start(), match.end(), num / den, "fraction.out_of"
    for match in _SLASH_FRACTION.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if b and a < b <= 1000:
            yield match.start(), match.end(), a / b, "fraction.slash"


def _fractions(
    text: str, lexicon: _Lexicon, taken: list[_Draft], sentences: _Sentences
) -> tuple[list[_Draft], list[_Draft]]:
    """ "half the condos" 0.5, "two-thirds of" 2/3, "one out of three Germans" 1/3, "1/2 pound".

    Returns the fractions and the drafts they replace ("One" and "three" of "one out of three").
    """
    found, replaced = [], []
    for start, end, value, rule in _fraction_matches(text, lexicon):
        limit = sentences.end_of(start)
        while end > start and text[end - 1].isspace():
            end -= 1
        draft = _Draft("number", start, end, round(value, 12), "fraction", rule)
        unit = lexicon.unit_at(text, _OF_A.match(text, end).end())
        if rule == "fraction.slash" and unit and unit[0] <= limit:
            draft.end, draft.unit, draft.kind = unit[0], unit[1], "quantity"
        else:
            whole = _fraction_of(text, end, limit)
            if whole:
                draft.unit = f"fraction of {whole}"
        overlapping = [d for d in taken if d.start < draft.end and draft.start < d.end]
        if any(d.kind != "number" or d.unit for d in overlapping):
            continue
        replaced += overlapping
        found.append(draft)
    return found, replaced


def _vague_amounts(
    text: str, lexicon: _Lexicon, taken: list[_Draft], sentences: _Sentences
) -> list[_Draft]:
    """ "dozens of people" [12, 120], "tens of thousands of dollars" [1e4, 1e5] USD."""
    found = []
    for match in lexicon.vague_re.finditer(text):
        if any(d.start < match.end() and match.start() < d.end for d in taken):
            continue
        low, high = lexicon.vague[_SPACES.sub(" ", match.group("vague").lower())]
        limit = sentences.end_of(match.start())
        draft = _Draft(
            "number", match.start(), match.end("vague"), (low, high), None, "vague.amount"
        )
        currency = lexicon.currency_name.match(text, match.end())
        if currency and currency.end() <= limit:
            draft.kind, draft.end = "money", currency.end()
            draft.unit = lexicon.currency_names[currency.group(0).strip().lower()]
        else:
            phrase = _noun_phrase(text, match.end(), limit, plural_head=True)
            if phrase:
                draft.kind, (draft.end, draft.unit) = "quantity", phrase
        found.append(draft)
    return found


def _multiples(text: str, taken: list[_Draft]) -> list[_Draft]:
    """ "sixfold", "a 10-fold rise": the multiple as a number."""
    found = []
    for fold in _FOLD.finditer(text):
        times = _TIMES_BEFORE.search(text, max(0, fold.start() - 40), fold.start())
        if not times or any(
            d.start < fold.end() and times.start() < d.end and d.end != times.start() for d in taken
        ):
            continue
        value = parse_number(times.group("times"))
        if value:
            found.append(
                _Draft("number", times.start(), fold.end(), value, None, "number.multiple")
            )
    return found


# ---------------------------------------------------------------------------------------------
# Units shared between figures


def _share_units(text: str, drafts: list[_Draft], sentences: _Sentences) -> None:
    """Bare numbers take the unit of the figure they go with: "7- or 8-inch", "8 or $9",
    "from 4.8 to 4.7 percent" (the next figure's unit); "from 21 mpg combined to 23", "rose
    64.06 points to 4,577.10", "460 Kia and Hyundai vehicles ... compared with 63" (the last
    figure's unit)."""
    for index, draft in enumerate(drafts):
        if draft.kind != "number" or draft.unit is not None or not draft.rule.startswith("number."):
            continue
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        if (
            following is not None
            and following.kind in ("quantity", "money", "percent")
            and following.unit
            and not following.counted
            and (
                _ALTERNATIVE_GAP.fullmatch(text, draft.end, following.start)
                or (
                    _TO_GAP.fullmatch(text, draft.end, following.start)
                    and _FROM_BEFORE.search(text, max(0, draft.start - 6), draft.start)
                )
            )
        ):
            draft.kind, draft.unit = following.kind, following.unit.split(" per ")[0]
            continue
        previous = drafts[index - 1] if index else None
        if (
            previous is None
            or previous.start < sentences.start_of(draft.start)
            or not previous.unit
            or previous.unit.startswith("fraction")
        ):
            continue
        if draft.start - previous.end > 80 or not _ELLIPSIS.search(text, previous.end, draft.start):
            continue
        if previous.kind == "percent" and not (
            _PERCENT_AGAIN.search(text, previous.end, draft.start)
            or _ALTERNATIVE_GAP.fullmatch(text, previous.end, draft.start)
        ):
            continue
        if _RATE_AFTER.match(text, draft.end):
            continue  # "the yuan held near 7.23 per dollar": a rate of its own
        draft.kind, draft.unit, draft.counted = previous.kind, previous.unit, previous.counted


# ---------------------------------------------------------------------------------------------
# Direction and bound


class _ChangeCues:
    """The change cues of a text, found by position."""

    def __init__(self, cues: list[Cue]):
        self.cues = sorted((c for c in cues if c.label == "CHANGE"), key=lambda c: c.end)
        self.ends = [c.end for c in self.cues]
        self.starts = sorted(c.start for c in self.cues)
        self.by_start = {c.start: c for c in self.cues}
        self.other_starts = {c.start for c in cues if c.label in ("CHANGE", "BASIS", "PERIOD")}

    def last_before(self, position: int, reach: int) -> Cue | None:
        index = bisect_right(self.ends, position) - 1
        cue = self.cues[index] if index >= 0 else None
        return cue if cue is not None and position - cue.end <= reach else None

    def first_after(self, position: int, reach: int) -> Cue | None:
        index = bisect_left(self.starts, position)
        if index < len(self.starts) and self.starts[index] - position <= reach:
            return self.by_start[self.starts[index]]
        return None


def _attributive(text: str, gap: str, draft: _Draft, changes: _ChangeCues) -> bool:
    """ "added a 30 degree homer": after an article the figure describes the noun that follows
    it; the change is to that noun, not by the figure."""
    if not _ARTICLE.search(gap):
        return False
    noun = _NOUN_AFTER.match(text, draft.end, draft.end + 30)
    if not noun or _is_function_word(noun.group(1)) or noun.group(1) in _NOT_NOUNS_AFTER:
        return False
    return noun.start(1) not in changes.other_starts


def _direction(
    text: str, changes: _ChangeCues, draft: _Draft, previous: _Draft | None
) -> str | None:
    """ "rose 6.4%", "fell 3.2 pct", "a 41.3% rise", "up 2 pct", "+5.1%": the figure is itself
    a change. Only adjacent cues count; the fact layer does the wider reading."""
    cue = changes.last_before(draft.start, 30)
    if cue is not None and not (
        cue.rule.form == "adverb" and _PHRASAL.search(text, max(0, cue.start - 12), cue.start)
    ):
        gap = text[cue.end : draft.start]
        if _FILLERS_ONLY.match(gap) and not _attributive(text, gap, draft, changes):
            return cue.rule.direction
        # "expected to grow sales by 35 per cent": the verb's object, then "by" and the amount
        by = _VERB_OBJECT_BY.match(gap)
        if by and cue.rule.form == "verb" and _FILLERS_ONLY.match(gap[by.end() :]):
            return cue.rule.direction
    after = changes.first_after(draft.end, 16)
    if (
        after is not None
        and after.rule.form == "noun"
        and _NOUN_CUE_GAP.fullmatch(text, draft.end, after.start)
    ):
        return after.rule.direction
    noun = changes.last_before(draft.start, 6)
    if (
        noun is not None
        and noun.rule.form == "noun"
        and _OF_GAP.fullmatch(text, noun.end, draft.start)
    ):
        return noun.rule.direction
    figure = draft.figure
    if figure is not None and figure.signed and figure.kind in ("percent", "percentage_point"):
        return "down" if figure.low < 0 else "up"
    # "lost 162.31 points, or 2.14%", "were down 2.3%, Burlington by 2.6%": the coordinated
    # figure is the same change restated or repeated.
    if (
        previous is not None
        and previous.direction is not None
        and _RESTATED.fullmatch(text, previous.end, draft.start)
    ):
        return previous.direction
    return None


def _inherit_from_conversion(text: str, drafts: list[_Draft]) -> None:
    """ "more than 100 kilometers (60 miles)": a bracketed restatement keeps bound and
    direction of the amount it converts."""
    for previous, draft in zip(drafts, drafts[1:], strict=False):
        if _CONVERSION_GAP.fullmatch(text, previous.end, draft.start) or (
            _SLASH_GAP.fullmatch(text, previous.end, draft.start)
            and text[previous.start - 1 : previous.start] == "("
        ):
            if draft.bound == "=":
                draft.bound = previous.bound
            if draft.direction is None:
                draft.direction = previous.direction


# ---------------------------------------------------------------------------------------------
# Assembly


def _figure_drafts(annotation: Annotation) -> list[_Draft]:
    text = annotation.text
    lexicon = _lexicon(annotation.rules or RuleSet.load())
    sentences = _Sentences(annotation.sentences, len(text))
    blocked = _blocked_spans(text)
    figures = sorted(
        [*annotation.figures, *annotation.extra.get("period_spans", [])], key=lambda f: f.start
    )
    drafts: list[_Draft] = []
    name_end = -1
    for figure in figures:
        if _is_name(text, figure, lexicon) or (
            _WHOLE_NUMBER.fullmatch(figure.text)
            and _NAME_LIST.fullmatch(text, name_end, figure.start)
        ):
            name_end = figure.end
            continue
        if _not_a_quantity(text, figure, blocked):
            continue
        unit = "percent" if figure.kind == "percent" else figure.currency or figure.unit
        bound = figure.bound
        if bound == "=" and _AVERAGED.search(text, max(0, figure.start - 16), figure.start):
            bound = "~"
        drafts.append(
            _Draft(
                _KIND[figure.kind],
                figure.start,
                figure.end,
                figure.value,
                unit,
                figure.rule,
                bound=bound,
                figure=figure,
            )
        )

    fractions, replaced = _fractions(text, lexicon, drafts, sentences)
    drafts = sorted([d for d in drafts if d not in replaced] + fractions, key=lambda d: d.start)
    starts = [d.start for d in drafts]
    for draft in drafts:
        following = bisect_left(starts, draft.end)
        limit = min(
            sentences.end_of(draft.start),
            starts[following] if following < len(starts) else len(text),
        )
        if draft.kind == "number" and draft.rule.startswith("number."):
            _count_unit(text, draft, limit)
        elif draft.kind == "quantity":
            _age(text, draft, limit)
        if draft.kind in ("money", "quantity"):
            _rate(text, draft, limit, lexicon)
    # "each one", "the same one": a bare spelled one is the pronoun, not a count.
    drafts = [
        d
        for d in drafts
        if not (
            d.figure is not None
            and d.figure.spelled
            and d.kind == "number"
            and d.value == 1
            and d.unit is None
        )
    ]
    # A draft that grew over the next ("aged 18 to 34") leaves nothing of it behind.
    drafts = [
        d
        for i, d in enumerate(drafts)
        if not (i and drafts[i - 1].start <= d.start and d.end <= drafts[i - 1].end)
    ]

    made = _vague_amounts(text, lexicon, drafts, sentences) + _multiples(text, drafts)
    for draft in [*made, *fractions]:
        draft.bound = lexicon.bound_before(text, draft.start)
    drafts = sorted(drafts + made, key=lambda d: d.start)
    _share_units(text, drafts, sentences)
    changes = _ChangeCues(annotation.cues)
    previous = None
    for draft in drafts:
        draft.direction = _direction(text, changes, draft, previous)
        previous = draft
    _inherit_from_conversion(text, drafts)
    return drafts


def build_mentions(
    doc_id: str,
    annotation: Annotation,
    *,
    published: date | None,
    period_resolutions: dict[int, Span] | None = None,
) -> list[Mention]:
    """Mentions of one annotated document, in text order."""
    resolved = period_resolutions or {}
    mentions: list[Mention] = []
    for draft in _figure_drafts(annotation):
        value = list(draft.value) if isinstance(draft.value, tuple) else draft.value
        mentions.append(
            Mention(
                doc_id=doc_id,
                kind=draft.kind,
                text=annotation.text[draft.start : draft.end],
                start=draft.start,
                end=draft.end,
                value=value,
                unit=draft.unit,
                direction=draft.direction,
                bound=draft.bound,
                rule=draft.rule,
            )
        )
    for cue in annotation.cues:
        if cue.label == "PERIOD":
            span = resolved.get(cue.start) or resolve_period(cue.text, published=published)
            if span is None:
                continue
            mentions.append(
                Mention(
                    doc_id=doc_id,
                    kind="period",
                    text=cue.text,
                    start=cue.start,
                    end=cue.end,
                    value=[span.start.isoformat(), span.end.isoformat()],
                    unit=span.granularity,
                    rule=cue.rule_id,
                )
            )
        elif cue.label == "PLACE":
            mentions.append(
                Mention(
                    doc_id=doc_id,
                    kind="place",
                    text=cue.text,
                    start=cue.start,
                    end=cue.end,
                    value=None,
                    unit=cue.rule.code,
                    rule=cue.rule_id,
                    name=cue.rule.name,
                )
            )
        elif cue.label == "COMMODITY":
            mentions.append(
                Mention(
                    doc_id=doc_id,
                    kind="commodity",
                    text=cue.text,
                    start=cue.start,
                    end=cue.end,
                    value=None,
                    unit=cue.rule.hs,
                    rule=cue.rule_id,
                    name=cue.rule.name,
                )
            )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions
