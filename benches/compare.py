#!/usr/bin/env python3
"""Throughput of dateline (Rust pipeline, CLI, Python batch) and, when installed, spaCy.

    python3 benches/compare.py [CORPUS.jsonl] [--limit 2000] [--python .venv/bin/python]

The corpus is JSON Lines with a "text" field (and "date" or "dct"); the default is the first
2,000 Reuters-21578 development stories in ../shared/eval/data. Every figure comes from this one
run, on the same texts:

- rust 1/2 threads: the pipeline alone (benches/src/bin/throughput.rs), no I/O;
- cli 1 thread: `dateline extract --jsonl`, reading and writing JSON included;
- python extract_many 1/2 threads: the batch API, JSON to Python objects included;
- spaCy en_core_web_sm NER, 1 process, when spaCy and the model are installed
  (pip install spacy && python -m spacy download en_core_web_sm — the model needs the network).

Run from the repository root after `cargo build --release -p dateline-cli -p dateline-benches`
and building the Python module (scripts/test.sh does).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "eval", "data", "reuters_datelines_dev.jsonl")


def load(path, limit):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(rows) == limit:
                break
            row = json.loads(line)
            rows.append({"id": str(row.get("id", len(rows))), "text": row["text"], "date": row.get("date") or row.get("dct")})
    return rows


def rust(corpus, limit, threads):
    exe = os.path.join(ROOT, "target", "release", "throughput")
    out = subprocess.run([exe, corpus, "--limit", str(limit), "--threads", str(threads)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["mb_per_s"]


def cli(rows, size):
    exe = os.path.join(ROOT, "target", "release", "dateline")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    start = time.perf_counter()
    subprocess.run([exe, "extract", "--jsonl", f.name, "--threads", "1"], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    os.unlink(f.name)
    return size / seconds / 1e6


def python_batch(python, corpus, limit, threads):
    code = (
        "import json,sys,time,dateline\n"
        "rows=[json.loads(l) for l,_ in zip(open(sys.argv[1],encoding='utf-8'),range(int(sys.argv[2])))]\n"
        "items=[{'text':r['text'],'date':r.get('date') or r.get('dct')} for r in rows]\n"
        "ex=dateline.Extractor(); ex.extract_many(items[:50])\n"
        "t=time.perf_counter(); ex.extract_many(items, threads=int(sys.argv[3])); s=time.perf_counter()-t\n"
        "print(sum(len(r['text'].encode()) for r in rows)/s/1e6)\n"
    )
    out = subprocess.run([python, "-c", code, corpus, str(limit), str(threads)], check=True, capture_output=True, text=True)
    return float(out.stdout)


def spacy_ner(rows, size):
    try:
        import spacy
        nlp = spacy.load("en_core_web_sm", disable=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    except Exception as e:  # spaCy or its model is missing
        return None, f"skipped ({type(e).__name__}): pip install spacy && python -m spacy download en_core_web_sm"
    start = time.perf_counter()
    for doc in nlp.pipe((r["text"] for r in rows), batch_size=64):
        _ = doc.ents
    return size / (time.perf_counter() - start) / 1e6, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--python", default=os.path.join(ROOT, ".venv", "bin", "python"))
    a = ap.parse_args()
    rows = load(a.corpus, a.limit)
    size = sum(len(r["text"].encode("utf-8")) for r in rows)
    print(f"corpus: {os.path.basename(a.corpus)}, {len(rows)} articles, {size / 1e6:.2f} MB; one run on this machine ({os.cpu_count()} cores)")

    figures = {}
    figures["dateline rust, 1 thread"] = rust(a.corpus, a.limit, 1)
    figures["dateline rust, 2 threads"] = rust(a.corpus, a.limit, 2)
    figures["dateline cli --jsonl, 1 thread"] = cli(rows, size)
    if os.path.exists(a.python):
        figures["dateline python extract_many, 1 thread"] = python_batch(a.python, a.corpus, a.limit, 1)
        figures["dateline python extract_many, 2 threads"] = python_batch(a.python, a.corpus, a.limit, 2)
    spacy_figure, why = spacy_ner(rows, size)
    for name, mbs in figures.items():
        print(f"{name:45} {mbs:8.2f} MB/s")
    if spacy_figure is None:
        print(f"{'spaCy en_core_web_sm NER':45} {why}")
    else:
        print(f"{'spaCy en_core_web_sm NER, 1 process':45} {spacy_figure:8.3f} MB/s")
        print(f"ratio dateline rust (1 thread) / spaCy: {figures['dateline rust, 1 thread'] / spacy_figure:.0f}x")
    r1, r2 = figures["dateline rust, 1 thread"], figures["dateline rust, 2 threads"]
    print(f"rust 2 threads / 1 thread: {r2 / r1:.2f}x")
    if "dateline python extract_many, 1 thread" in figures:
        p1, p2 = figures["dateline python extract_many, 1 thread"], figures["dateline python extract_many, 2 threads"]
        print(f"python 1 thread / rust 1 thread: {100 * p1 / r1:.0f}%; python 2 threads / 1 thread: {p2 / p1:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
