#!/usr/bin/env python3
"""How much faster 2 threads are than 1, as the median of back-to-back pairs of runs.

    python3 benches/thread_scaling.py [CORPUS.jsonl] [--pairs 12] [--python .venv/bin/python]

On a shared machine a run may be a third slower than the one before it, whatever it runs; a
best-of figure for each thread count then pairs a lucky run with an unlucky one. Here each
1-thread run is followed at once by a 2-thread run on the same texts, and the ratio of each pair
is kept: the median of those ratios is the figure. Both the Rust pipeline
(target/release/throughput) and the Python batch API (extract_many, in one process) are measured.

Run from the repository root after `cargo build --release -p dateline-benches` and building the
Python module (scripts/test.sh does).
"""
import argparse
import json
import os
import statistics
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "eval", "data", "reuters_datelines_dev.jsonl")
THROUGHPUT = os.path.join(ROOT, "target", "release", "throughput")

# Prints one JSON list of [1-thread MB/s, 2-thread MB/s] pairs.
PYTHON_PAIRS = """
import json, sys, time, dateline
corpus, limit, pairs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [json.loads(line) for line, _ in zip(open(corpus, encoding="utf-8"), range(limit))]
items = [{"text": r["text"], "date": r.get("date") or r.get("dct")} for r in rows]
megabytes = sum(len(i["text"].encode()) for i in items) / 1e6
extractor = dateline.Extractor()
extractor.extract_many(items[:50])
out = []
for _ in range(pairs):
    speeds = []
    for threads in (1, 2):
        start = time.perf_counter()
        articles = extractor.extract_many(items, threads=threads)
        speeds.append(megabytes / (time.perf_counter() - start))
        del articles
    out.append(speeds)
print(json.dumps(out))
"""


def rust_speed(corpus, limit, threads):
    out = subprocess.run(
        [THROUGHPUT, corpus, "--limit", str(limit), "--threads", str(threads)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)["mb_per_s"]


def report(name, pairs):
    ratios = [two / one for one, two in pairs]
    print(f"{name}: 2 threads / 1 thread, median of {len(pairs)} pairs: {statistics.median(ratios):.2f}x")
    print("  ratios  " + " ".join(f"{r:.2f}" for r in ratios))
    print("  1 thread MB/s  " + " ".join(f"{one:.1f}" for one, _ in pairs))
    print("  2 threads MB/s " + " ".join(f"{two:.1f}" for _, two in pairs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--python", default=os.path.join(ROOT, ".venv", "bin", "python"))
    args = ap.parse_args()

    rust = [(rust_speed(args.corpus, args.limit, 1), rust_speed(args.corpus, args.limit, 2))
            for _ in range(args.pairs)]
    report("rust", rust)
    out = subprocess.run(
        [args.python, "-c", PYTHON_PAIRS, args.corpus, str(args.limit), str(args.pairs)],
        check=True, capture_output=True, text=True,
    ).stdout
    report("python extract_many", json.loads(out))


if __name__ == "__main__":
    main()
