#!/usr/bin/env python3
"""Score entities sentence by sentence: where in its stories a corpus annotates mentions.

Some corpora annotate every mention only near the top of a story. MEANTIME, for one, marks
every entity mention in a story's title and first sentences, and past them only the mentions
that take part in the events it annotates. Scored over whole stories, every later mention a
system finds counts against it there. This script prints, for each sentence position, how many
gold and system mentions start in it, then the scores over the first N sentences only.

    cargo build --release -p dateline-cli
    python3 ../shared/eval/evaluate.py meantime_airbus_apple --out /tmp/eval
    python3 scripts/eval_by_sentence.py meantime_airbus_apple /tmp/eval --first 6

Sentence positions are dateline's own sentences (the system output's `sentences`); the title
and the date line each count as one. Standard library only, with the scorer of ../shared/eval.
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
import score  # noqa: E402  (the scorer of ../shared/eval, found at run time)

TYPES = ("PER", "ORG", "LOC")
LAST_ROW = 15  # positions from here on are counted together


def sentence_of(sentences, offset):
    """The index of the sentence that holds character `offset`, or the last one."""
    for i, s in enumerate(sentences):
        if offset < s["end"]:
            return i
    return len(sentences) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a corpus name in ../shared/eval/data")
    parser.add_argument("out", help="the --out folder of evaluate.py, with CORPUS.system.jsonl")
    parser.add_argument("--first", type=int, default=6, help="sentences scored (default 6)")
    args = parser.parse_args()

    gold = score.load(EVAL / "data" / f"{args.corpus}.jsonl")
    system = score.load(Path(args.out) / f"{args.corpus}.system.jsonl")
    gold_at, system_at = Counter(), Counter()
    gold_top, system_top = {}, {}
    for doc_id, g in gold.items():
        s = system.get(doc_id, {})
        sentences = s.get("sentences") or [{"start": 0, "end": len(g["text"])}]
        for e in g.get("entities") or []:
            if score.COARSE.get(str(e["type"]).upper()) in TYPES:
                gold_at[min(sentence_of(sentences, e["start"]), LAST_ROW)] += 1
        for start, _, label in score.system_mentions(s):
            if score.COARSE.get(str(label).upper()) in TYPES:
                system_at[min(sentence_of(sentences, start), LAST_ROW)] += 1
        cut = sentences[args.first]["start"] if len(sentences) > args.first else len(g["text"])
        gold_top[doc_id] = {**g, "entities": [e for e in g.get("entities") or [] if e["start"] < cut]}
        entities = []
        for ent in s.get("entities") or []:
            mentions = [m for m in ent.get("mentions") or [] if m["start"] < cut]
            if mentions:
                entities.append({**ent, "mentions": mentions})
        system_top[doc_id] = {**s, "entities": entities}

    print("sentence  gold  system")
    for i in range(LAST_ROW + 1):
        print(f"{i:>7}{'+' if i == LAST_ROW else ' '} {gold_at[i]:>5} {system_at[i]:>7}")
    matching = "overlap" if args.corpus.startswith("meantime") else "exact"
    scores = score.score_entities(gold_top, system_top, TYPES, matching)
    print(f"first {args.first} sentences ({matching} spans):")
    for t in (*TYPES, "micro"):
        x = scores[t]
        print(f"  {t:<5} P {x['p']:6.2f}  R {x['r']:6.2f}  F1 {x['f1']:6.2f}")


if __name__ == "__main__":
    main()
