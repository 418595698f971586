#!/usr/bin/env python3
"""Throughput of dateline (Rust pipeline, CLI, Python batch) and, when installed, spaCy.

    python3 benches/compare.py [CORPUS.jsonl] [--limit 2000] [--repeat 3] [--python .venv/bin/python]
    python3 benches/compare.py --instructions 300     # instruction counts instead (valgrind)

The corpus is JSON Lines with a "text" field (and "date" or "dct"); the default is the first
2,000 Reuters-21578 development stories in ../shared/eval/data. Every figure comes from this one
run, on the same texts, and is the best of --repeat runs (other load on the machine only ever
slows a run down):

- rust 1/2 threads: the pipeline alone (benches/src/bin/throughput.rs), no I/O;
- cli 1 thread: `dateline extract --jsonl`, reading and writing JSON included;
- python extract_many 1/2 threads: the batch API, from Python items to Article objects, which
  are kept, as a caller keeps them; the time the caller spends freeing them afterwards is
  shown on its own line;
- spaCy en_core_web_sm NER, 1 process, when spaCy and the model are installed
  (pip install spacy && python -m spacy download en_core_web_sm — the model needs the network;
  `--spacy-model DIR` loads a model from a directory instead). Run the script with the Python
  that has spaCy; `--python` names the one that has dateline.

`--instructions N` runs the first N texts under valgrind's callgrind instead: instruction
counts do not depend on other load, so they show the Python layer's share of the work exactly,
and what that share becomes when the pipeline gets faster.

Run from the repository root after `cargo build --release -p dateline-cli -p dateline-benches`
and building the Python module (scripts/test.sh does).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "eval", "data", "reuters_datelines_dev.jsonl")
THROUGHPUT = os.path.join(ROOT, "target", "release", "throughput")
CLI = os.path.join(ROOT, "target", "release", "dateline")

# Reads the first `limit` items of the corpus as extract_many takes them.
READ_ITEMS = """
import json, sys, dateline
corpus, limit = sys.argv[1], int(sys.argv[2])
rows = [json.loads(line) for line, _ in zip(open(corpus, encoding="utf-8"), range(limit))]
items = [{"text": r["text"], "date": r.get("date") or r.get("dct")} for r in rows]
extractor = dateline.Extractor()
"""

# Times extract_many; prints the best seconds to make the articles and to free them.
TIMED_BATCH = READ_ITEMS + """
import time
threads, repeat = int(sys.argv[3]), int(sys.argv[4])
extractor.extract_many(items[:50])
made, freed = [], []
for _ in range(repeat):
    start = time.perf_counter()
    articles = extractor.extract_many(items, threads=threads)
    made.append(time.perf_counter() - start)
    start = time.perf_counter()
    del articles
    freed.append(time.perf_counter() - start)
    time.sleep(0.5)  # articles are freed on a pool beside the caller: let it finish before the next run
print(json.dumps({"seconds": min(made), "free_seconds": min(freed)}))
"""

# One extract_many call on the first `count` of the `limit` items read, on 1 thread, for
# callgrind; "free" frees the articles before the process ends (the calling thread's part of
# that: the rest is left to a pool that the exit stops), "keep" does not.
COUNTED_BATCH = READ_ITEMS + """
import os
count, free = int(sys.argv[3]), sys.argv[4] == "free"
articles = extractor.extract_many(items[:count], threads=1)
if free:
    del articles
os._exit(0)
"""


def load(path, limit):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(rows) == limit:
                break
            row = json.loads(line)
            rows.append({"id": str(row.get("id", len(rows))), "text": row["text"], "date": row.get("date") or row.get("dct")})
    return rows


def rust(corpus, limit, threads, repeat):
    runs = []
    for _ in range(repeat):
        out = subprocess.run([THROUGHPUT, corpus, "--limit", str(limit), "--threads", str(threads)], check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out)["mb_per_s"])
    return max(runs)


def cli(rows, size, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([CLI, "extract", "--jsonl", f.name, "--threads", "1"], check=True, stdout=subprocess.DEVNULL)
        runs.append(time.perf_counter() - start)
    os.unlink(f.name)
    return size / min(runs) / 1e6


def python_batch(python, corpus, limit, threads, repeat):
    """MB/s of extract_many, and the seconds to free its articles afterwards."""
    out = subprocess.run([python, "-c", TIMED_BATCH, corpus, str(limit), str(threads), str(repeat)], check=True,
                         capture_output=True, text=True).stdout
    timing = json.loads(out)
    size = sum(len(r["text"].encode("utf-8")) for r in load(corpus, limit))
    return size / timing["seconds"] / 1e6, timing["free_seconds"]


def spacy_ner(rows, size, model):
    try:
        import spacy
        nlp = spacy.load(model, disable=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    except Exception as e:  # spaCy or its model is missing
        return None, f"skipped ({type(e).__name__}): pip install spacy && python -m spacy download en_core_web_sm"
    start = time.perf_counter()
    for doc in nlp.pipe((r["text"] for r in rows), batch_size=64):
        _ = doc.ents
    return size / (time.perf_counter() - start) / 1e6, None


def callgrind(command):
    """Instructions of a run: in all, on its main thread, and inside dateline's Extractor::extract."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={out}",
                        *command], check=True, capture_output=True)
        threads = sorted(os.path.join(tmp, name) for name in os.listdir(tmp) if "-" in name)  # callgrind.out-01, …
        totals, extract = [], 0
        for thread in threads:
            annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", thread], check=True,
                                       capture_output=True, text=True).stdout
            totals.append(int(re.search(r"^([\d,]+).*PROGRAM TOTALS", annotated, re.M).group(1).replace(",", "")))
            found = re.search(r"^\s*([\d,]+) \([^)]*\)\s+\S*:dateline::extractor::Extractor::extract\b", annotated,
                              re.M)
            extract += int(found.group(1).replace(",", "")) if found else 0
    return sum(totals), totals[0], extract


def instructions(python, corpus, count):
    """Prints the instruction counts of extract_many on `count` texts against the Rust pipeline's."""
    _, _, rust_extract = callgrind([THROUGHPUT, corpus, "--limit", str(count), "--threads", "1"])
    batch = [python, "-c", COUNTED_BATCH, corpus, str(count)]
    base, base_main, _ = callgrind([*batch, "0", "keep"])
    kept, kept_main, python_extract = callgrind([*batch, str(count), "keep"])
    _, freed_main, _ = callgrind([*batch, str(count), "free"])
    call = kept - base  # everything the extract_many call costs, results kept
    layer = call - python_extract
    held = kept_main - base_main  # the calling thread's share, mostly with the GIL held

    def line(what, number):
        print(f"  {what:45} {number:>14,}  ({number / count:,.0f} a text)")

    print(f"instructions (callgrind), first {count} texts of {os.path.basename(corpus)}, 1 thread:")
    line("rust pipeline, Extractor::extract", rust_extract)
    line("python extract_many call, articles kept", call)
    line("  of which Extractor::extract", python_extract)
    line("  of which the Python layer", layer)
    line("  on the calling thread (GIL)", held)
    line("freeing the articles, on the calling thread", freed_main - kept_main)
    print(f"python 1 thread / rust 1 thread, by instructions: {100 * rust_extract / call:.1f}%")
    print("if extraction took k times fewer instructions, the layer staying (2 threads: the calling thread's")
    print("share taken as serial, the rest shared evenly):")
    for k in (1, 3, 7, 10):
        work = python_extract / k + layer
        print(f"  k={k:<2}  1 thread {100 * (rust_extract / k) / work:5.1f}% of rust;"
              f"  2 threads / 1 thread at most {work / ((work - held) / 2 + held):.2f}x")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each figure; the best is shown")
    ap.add_argument("--python", default=os.path.join(ROOT, ".venv", "bin", "python"))
    ap.add_argument("--instructions", type=int, metavar="N", help="count instructions on N texts instead (valgrind)")
    ap.add_argument("--spacy-model", default="en_core_web_sm",
                    help="spaCy model: an installed package's name or a model directory")
    a = ap.parse_args()
    if a.instructions:
        if shutil.which("valgrind") is None:
            sys.exit("--instructions needs valgrind (apt-get install valgrind)")
        return instructions(a.python, a.corpus, a.instructions)
    rows = load(a.corpus, a.limit)
    size = sum(len(r["text"].encode("utf-8")) for r in rows)
    print(f"corpus: {os.path.basename(a.corpus)}, {len(rows)} articles, {size / 1e6:.2f} MB; "
          f"best of {a.repeat} runs on this machine ({os.cpu_count()} cores)")

    figures = {}
    figures["dateline rust, 1 thread"] = rust(a.corpus, a.limit, 1, a.repeat)
    figures["dateline rust, 2 threads"] = rust(a.corpus, a.limit, 2, a.repeat)
    figures["dateline cli --jsonl, 1 thread"] = cli(rows, size, a.repeat)
    freeing = {}
    if os.path.exists(a.python):
        for threads in (1, 2):
            name = f"dateline python extract_many, {threads} thread{'s' if threads > 1 else ''}"
            figures[name], freeing[threads] = python_batch(a.python, a.corpus, a.limit, threads, a.repeat)
    spacy_figure, why = spacy_ner(rows, size, a.spacy_model)
    for name, mbs in figures.items():
        print(f"{name:45} {mbs:8.2f} MB/s")
    for threads, seconds in freeing.items():
        print(f"{'  freeing those articles afterwards':45} {1000 * seconds:8.1f} ms  ({threads} thread run)")
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
