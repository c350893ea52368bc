"""Reading numbers written in digits or words, ordinals, and scale words."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_BELOW_HUNDRED = rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
# "one hundred and twenty-five", "a hundred", "twenty-one", "nine"
_BELOW_THOUSAND = (
    rf"(?:(?:{_BELOW_HUNDRED}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?|{_BELOW_HUNDRED})"
)
# ... and "twenty-eight thousand six hundred forty-two"; a bare "five thousand" is a number
# with a scale word, read by the figure grammar.
WORD_NUMBER = (
    rf"(?:{_BELOW_THOUSAND}\s+thousand,?\s+(?:and\s+)?{_BELOW_THOUSAND}|{_BELOW_THOUSAND})"
)
# "half a million", "a quarter of a billion", "three-quarters of a million", "two and a half
# million": a fraction of a scale word, which must follow ("half a dozen" is no figure).
_SCALE_AHEAD = r"(?=\s+(?i:hundred|thousand|million|billion|trillion|mln|bln|bn)\b)"
WORD_FRACTION = (
    rf"(?:half\s+an?{_SCALE_AHEAD}|(?:a|one)\s+quarter\s+of\s+an?{_SCALE_AHEAD}"
    rf"|three[\s-]quarters\s+of\s+an?{_SCALE_AHEAD}|{_BELOW_HUNDRED}\s+and\s+an?\s+half)"
)
_ORDINAL_TAILS = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
# "21st", "twenty-first", "fifth"
ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|(?:(?:{_TEN_WORDS})[- ])?(?:{_ORDINAL_TAILS}))"
# Digits with thousands separators or not, optional decimals.
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

# Wire copy writes fractions: "10-1/2 pct", "3 1/4 pct", "1/2 pct", "½".
FRACTION = r"(?:1/2|1/4|3/4|[1357]/8|1/3|2/3|½|¼|¾)"
MIXED_FRACTION = rf"(?:\d{{1,3}}(?:-|\s|(?=[½¼¾])){FRACTION}|{FRACTION})(?![\d/])"
_FRACTION_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_MIXED_RE = re.compile(rf"^(?:(?P<whole>\d{{1,3}})(?:-|\s+)?)?(?P<fraction>{FRACTION})$")

_DIGITS_RE = re.compile(r"^[+\-\u2212]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)$")
_MINUS_RE = re.compile(r"^minus[\s-]+", re.IGNORECASE)
_WORD_RE = re.compile(rf"^{WORD_NUMBER}$", re.IGNORECASE)
_WORD_FRACTION_RE = re.compile(rf"^{WORD_FRACTION.replace(_SCALE_AHEAD, '')}$", re.IGNORECASE)
_ORDINAL_RE = re.compile(rf"^{ORDINAL}$", re.IGNORECASE)


def _words_value(text: str) -> float | None:
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s,-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word == "a":
            current = max(current, 1)
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def parse_number(text: str) -> float | None:
    """The value of a number in digits ("1,234.5", "-3.4", "minus 5", "10-1/2") or words
    ("twenty-five")."""
    raw = text.strip()
    minus = _MINUS_RE.match(raw)
    if minus:
        value = parse_number(raw[minus.end() :])
        return None if value is None else -value
    if re.fullmatch(r"(?:a|one)[\s-]half", raw, re.IGNORECASE):
        return 0.5
    if _WORD_FRACTION_RE.match(raw):
        low = raw.lower()
        whole = re.match(r"(.+?)\s+and\s+an?\s+half$", low)
        if whole:
            value = _words_value(whole.group(1))
            return None if value is None else value + 0.5
        return 0.5 if low.startswith("half") else 0.75 if low.startswith("three") else 0.25
    mixed = _MIXED_RE.match(raw)
    if mixed:
        fraction = mixed.group("fraction")
        if fraction in _FRACTION_VALUES:
            part = _FRACTION_VALUES[fraction]
        else:
            top, bottom = fraction.split("/")
            part = int(top) / int(bottom)
        return round(int(mixed.group("whole") or 0) + part, 6)
    if _DIGITS_RE.match(raw):
        sign = -1.0 if raw[0] in "-\u2212" else 1.0
        return sign * float(raw.lstrip("+-\u2212").replace(",", ""))
    if _WORD_RE.match(raw):
        return _words_value(raw)
    return None


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal: "21st" → 21, "fifth" → 5, "twenty-first" → 21. Never a fraction."""
    raw = text.strip().lower()
    if not _ORDINAL_RE.match(raw):
        return None
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)$", raw)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[\s-]+", raw)
    value = 0
    for part in parts:
        if part in TENS:
            value += TENS[part]
        elif part in ORDINAL_WORDS:
            value += ORDINAL_WORDS[part]
        else:
            return None
    return value


def parse_count(text: str) -> int | None:
    """A cardinal or ordinal count ("nine", "21st", "16") as an integer."""
    number = parse_number(text)
    if number is not None and number == int(number):
        return int(number)
    return parse_ordinal(text)


def apply_scale(value: float, multipliers: list[float]) -> float:
    """Apply scale words in order ("lakh crore" is 1e5 * 1e7); rounds away float noise."""
    for multiplier in multipliers:
        value *= multiplier
    return float(f"{value:.12g}")
