#!/usr/bin/env python3
"""Score place resolution by the kind of place each mention resolved to.

A geoparsing corpus scores a resolved place as right when it lies within 161 km of the gold
point. For a town the two agree on what that point is; for a country or a province they may
not: GeoVirus takes a country's point from Wikipedia, TR-News from GeoNames, and the two lie
1,031 km apart for Canada. This script splits the matched places by what dateline resolved
them to (a country, a first- or second-level division, a curated region, a city or town, or
nothing), gives the share within 161 km for each, and lists the names most often resolved
far away or not at all.

    cargo build --release -p dateline-cli
    python3 ../shared/eval/evaluate.py geovirus trnews --out /tmp/eval
    python3 scripts/eval_places_by_kind.py geovirus /tmp/eval

A place's kind comes from the GeoNames id dateline gave it, looked up in the built-in data
(crates/dateline/data/places/). Standard library only, with the scorer of ../shared/eval.
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
import score  # noqa: E402  (the scorer of ../shared/eval, found at run time)

PLACES = REPO / "crates" / "dateline" / "data" / "places"
# (file, kind, column of the GeoNames id)
KIND_FILES = [
    ("countries.tsv", "country", 2),
    ("admin1.tsv", "first-level division", 2),
    ("admin2.tsv", "second-level division", 0),
    ("cities.tsv", "city", 0),
    ("towns.tsv", "town", 0),
]
WITHIN_KM = 161
SHOWN = 25


def kinds_by_geonames_id():
    """GeoNames id (as text) -> the kind of place it is in dateline's built-in data."""
    kinds = {}
    for name, kind, column in KIND_FILES:
        for line in (PLACES / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                kinds.setdefault(line.split("\t")[column], kind)
    return kinds


def kind_of(place_id, kinds):
    if place_id is None:
        return "unresolved"
    # Curated regions (regions.tsv) carry no GeoNames id: their id is their name.
    return kinds.get(str(place_id), "region or other")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a geoparsing corpus in ../shared/eval/data (geovirus, trnews)")
    parser.add_argument("out", help="the --out folder of evaluate.py, with CORPUS.system.jsonl")
    args = parser.parse_args()

    gold = score.load(EVAL / "data" / f"{args.corpus}.jsonl")
    system = score.load(Path(args.out) / f"{args.corpus}.system.jsonl")
    kinds = kinds_by_geonames_id()
    matched, within = Counter(), Counter()
    far, unresolved = Counter(), Counter()
    for doc_id, g in gold.items():
        text = g["text"]
        gold_places = [(p["start"], p["end"], p.get("geonameid"), p.get("lat"), p.get("lon"))
                       for p in g.get("places") or [] if p.get("lat") is not None]
        system_places = sorted(set(score.system_places(system.get(doc_id, {}))))
        for i, j in score.match_relaxed(gold_places, system_places):
            _, _, _, gold_lat, gold_lon = gold_places[i]
            start, end, place_id, lat, lon = system_places[j]
            kind = kind_of(place_id, kinds) if lat is not None else "unresolved"
            matched[kind] += 1
            if kind == "unresolved":
                unresolved[text[start:end]] += 1
            elif score.haversine_km(gold_lat, gold_lon, lat, lon) <= WITHIN_KM:
                within[kind] += 1
            else:
                far[(kind, text[start:end])] += 1

    print(f"{'resolved to':<24}{'matched':>9}{'within':>9}{'share':>9}")
    for kind, n in matched.most_common():
        print(f"{kind:<24}{n:>9}{within[kind]:>9}{100 * within[kind] / n:>8.2f}%")
    total = sum(matched.values())
    print(f"{'all':<24}{total:>9}{sum(within.values()):>9}"
          f"{100 * sum(within.values()) / max(total, 1):>8.2f}%")
    print(f"\nmost often resolved more than {WITHIN_KM} km from the gold point:")
    for (kind, name), n in far.most_common(SHOWN):
        print(f"  {n:>3}  {name}  ({kind})")
    print("\nmost often left unresolved:")
    for name, n in unresolved.most_common(SHOWN):
        print(f"  {n:>3}  {name}")


if __name__ == "__main__":
    main()
