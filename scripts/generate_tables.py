"""Generate the checked-in tables of `patterns/` from pycountry, babel and quantulum3.

Run `python scripts/generate_tables.py` after upgrading those packages; the test
`tests/test_resources.py::test_generated_tables_are_current` fails when the files drift.
Hand-curated aliases live in separate files (`*_curated.jsonl`) and are never written here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ROOT / "patterns"

# Former states the contract names (ISO 3166-3); West Germany is DEU.
FORMER = {
    "SUN": "Soviet Union",
    "DDR": "East Germany",
    "YUG": "Yugoslavia",
    "CSK": "Czechoslovakia",
}
# ISO 4217 codes that are also English words or common acronyms: only used with a number beside
# them, but "TOP 500" or "ALL 12" in a headline must still not become money. Codes that trade
# news writes before amounts ("MAD 65.7 billion", "TRY 745 billion", "PEN 126 billion") are kept.
CODE_STOPLIST = {
    "ALL",
    "TOP",
    "CUP",
    "MOP",
    "BOB",
    "SOS",
    "BAM",
    "LAK",
    "CVE",
    "GYD",
    "MRO",
    "MRU",
    "SLL",
    "SLE",
    "STD",
    "STN",
    "SVC",
    "TMT",
    "XXX",
    "XTS",
    "XUA",
    "XSU",
    "XDR",
    "XPD",
    "XPT",
    "XAG",
    "XAU",
    "XBA",
    "XBB",
    "XBC",
    "XBD",
    "CLF",
    "COU",
    "BOV",
    "CHE",
    "CHW",
    "MXV",
    "USN",
    "USS",
    "UYI",
    "UYW",
    "VED",
    "ZWL",
    "ERN",
    "HNL",
    "KMF",
    "NIO",
    "SAR_",
}
# Quantulum3 unit names that are not physical or counted units a figure can carry in news.
UNIT_SKIP_ENTITIES = {"currency"}
UNIT_SKIP_NAMES = {"unk", "dimensionless", "percentage", "per mille", "parts-per-million"}
# Surfaces that read as ordinary words or our own scale words after a number.
UNIT_SKIP_SURFACES = {
    "m",
    "b",
    "k",
    "t",
    "s",
    "h",
    "d",
    "a",
    "in",
    "at",
    "pt",
    "mil",
    "bit",
    "bits",
    "set",
    "sets",
    "point",
    "points",
    "pair",
    "pairs",
    "mark",
    "marks",
    "pound",
    "pounds",
    "yen",
    "won",
    "per cent",
    "percent",
    "percents",
    "cent",
    "cents",
    "dime",
    "dimes",
    "quarter",
    "quarters",
    "mm",
    "ton",
    "tons",
    # Names and words that news copy uses far more often than the unit ("63 Tesla cars",
    # "36 league games", "5 PC makers", "the World Cup", "a 6 pack").
    "tesla",
    "teslas",
    "henry",
    "henries",
    "pc",
    "pcs",
    "league",
    "leagues",
    "gal",
    "gals",
    "gross",
    "grosses",
    "span",
    "spans",
    "drop",
    "drops",
    "turn",
    "turns",
    "cycle",
    "cycles",
    "circle",
    "circles",
    "shake",
    "shakes",
    "dot",
    "dots",
    "pond",
    "ponds",
    "quad",
    "quads",
    "pack",
    "packs",
    "cup",
    "cups",
    "stoke",
    "stokes",
    "bar",
    "bars",
    "rad",
    "rads",
    "gray",
    "grays",
    "barn",
    "barns",
    "bip",
    "bips",
    "beep",
    "beeps",
    "nit",
    "nits",
    "pel",
    "pels",
    "twelfty",
    "centum",
    "centums",
    "lustrum",
    "tetrad",
    "tetrade",
    "tetrads",
    "quartet",
    "ell",
    "ells",
    "parts-per-million",
}
# Case-sensitive symbols that are clock suffixes or abbreviations after a number ("10.45pm",
# "5am", "Harrisburg, PA 17101"), never picometres, attometres or petaamperes.
UNIT_SKIP_SYMBOLS = {
    "am",
    "pm",
    "Pm",
    "PA",
    "AM",
    "PM",
    # initials far more common than the unit: TV sets, EVs, VA hospitals
    "TV",
    "EV",
    "TA",
    "EA",
    "EB",
    "EW",
    "GA",
    "MA",
    "MP",
    "VA",
    "TR",
    "AU",
    "UA",
    "au",
    "ua",
}
# quantulum3 writes the micro prefix with MICRO SIGN (U+00B5); text mostly uses GREEK SMALL
# LETTER MU (U+03BC), so every such symbol gets a mu spelling too.
MICRO_SIGN, GREEK_MU = "\u00b5", "\u03bc"


# Country names that are also ordinary words or given names match only as capitalized.
CASE_SENSITIVE_NAMES = {
    "Chad",
    "Jordan",
    "Georgia",
    "Guinea",
    "Niger",
    "Mali",
    "Turkey",
    "Chile",
    "Jersey",
    "Guernsey",
    "China",
    "Japan",
    "Cuba",
    "Togo",
    "Malta",
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def places() -> Iterator[dict]:
    import pycountry

    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        names = []
        for attr in ("common_name", "name", "official_name"):
            name = getattr(country, attr, None)
            # "Korea, Republic of" style inversions never occur in running text.
            if name and "," not in name and "(" not in name and name not in names:
                names.append(name)
        canonical = names[0] if names else country.name
        for attr, name in zip(("name", "alt", "official"), names, strict=False):
            row = {
                "id": f"place.{code.lower()}.{attr}",
                "label": "PLACE",
                "pattern": name,
                "code": code,
                "name": canonical,
                "kind": "country",
            }
            if name in CASE_SENSITIVE_NAMES:
                row["case_sensitive"] = True
            yield row
    for code, name in FORMER.items():
        historic = pycountry.historic_countries.get(alpha_3=code)
        assert historic is not None, code
        yield {
            "id": f"place.{code.lower()}.name",
            "label": "PLACE",
            "pattern": name,
            "code": code,
            "name": name,
            "kind": "former",
        }


def currencies() -> Iterator[dict]:
    from babel import numbers

    for code in sorted(numbers.list_currencies()):
        if len(code) != 3 or not code.isalpha():
            continue
        if code not in CODE_STOPLIST:
            yield {
                "id": f"currency.{code.lower()}.code",
                "label": "CURRENCY",
                "pattern": code,
                "currency": code,
                "kind": "code",
            }
        seen = set()
        for count, tag in ((1, "singular"), (2, "plural")):
            name = numbers.get_currency_name(code, count=count, locale="en")
            if not name or name == code or name.lower() in seen:
                continue
            seen.add(name.lower())
            yield {
                "id": f"currency.{code.lower()}.name_{tag}",
                "label": "CURRENCY",
                "pattern": name,
                "currency": code,
                "kind": "name",
                "case_sensitive": False,
            }
        symbol = numbers.get_currency_symbol(code, locale="en")
        # Bare letters-only symbols equal to the code, and the plain "$", are curated by hand.
        if symbol and symbol != code and symbol != "$" and not symbol.isalpha():
            yield {
                "id": f"currency.{code.lower()}.symbol",
                "label": "CURRENCY",
                "pattern": symbol,
                "currency": code,
                "kind": "symbol",
            }


def country_currencies() -> Iterator[dict]:
    import pycountry
    from babel import numbers

    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        try:
            current = numbers.get_territory_currencies(country.alpha_2, tender=True)
        except Exception:  # babel has no data for a few territories
            continue
        if current:
            yield {
                "id": f"country_currency.{country.alpha_3.lower()}",
                "label": "COUNTRY_CURRENCY",
                "code": country.alpha_3,
                "currency": current[0],
            }


def units() -> Iterator[dict]:
    from quantulum3 import load

    table = load.units("en_US")
    seen: set[tuple[str, bool]] = set()
    for name in sorted(table.names):
        unit = table.names[name]
        if unit.entity.name in UNIT_SKIP_ENTITIES or name in UNIT_SKIP_NAMES:
            continue
        surfaces = sorted(s for s, found in table.surfaces.items() if unit in found)
        symbols = sorted(s for s, found in table.symbols.items() if unit in found)
        for index, surface in enumerate(surfaces):
            key = (surface.lower(), False)
            if surface.lower() in UNIT_SKIP_SURFACES or key in seen or len(surface) < 2:
                continue
            seen.add(key)
            yield {
                "id": f"unit.{slug(name)}.s{index}",
                "label": "UNIT",
                "pattern": surface,
                "unit": name,
                "entity": unit.entity.name,
                "kind": "surface",
            }
        for index, symbol in enumerate(symbols):
            key = (symbol, True)
            # One-letter symbols ("m", "t", "g") collide with scale words and initials.
            if len(symbol) < 2 or symbol.lower() in UNIT_SKIP_SURFACES or key in seen:
                continue
            if symbol.isalpha() and symbol.islower() and len(symbol) > 3:
                continue
            if symbol in UNIT_SKIP_SYMBOLS:
                continue
            seen.add(key)
            yield {
                "id": f"unit.{slug(name)}.y{index}",
                "label": "UNIT",
                "pattern": symbol,
                "unit": name,
                "entity": unit.entity.name,
                "kind": "symbol",
                "case_sensitive": True,
            }
            mu = symbol.replace(MICRO_SIGN, GREEK_MU)
            if mu != symbol and (mu, True) not in seen:
                seen.add((mu, True))
                yield {
                    "id": f"unit.{slug(name)}.y{index}_mu",
                    "label": "UNIT",
                    "pattern": mu,
                    "unit": name,
                    "entity": unit.entity.name,
                    "kind": "symbol",
                    "case_sensitive": True,
                }


TABLES = {
    "places_generated.jsonl": places,
    "currencies_generated.jsonl": currencies,
    "country_currencies_generated.jsonl": country_currencies,
    "units_generated.jsonl": units,
}


def render(generator) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in generator())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a checked-in table differs")
    args = parser.parse_args(argv)
    stale = []
    for filename, generator in TABLES.items():
        path = PATTERNS / filename
        text = render(generator)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(filename)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({text.count(chr(10))} rows)")
    if stale:
        print("stale generated tables: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
