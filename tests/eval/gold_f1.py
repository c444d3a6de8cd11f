#!/usr/bin/env python3
"""Link precision, recall and F1 of a sverka TSV against a sentence-level gold.

Usage: gold_f1.py ALIGNMENT.tsv GOLD.tsv [--min-f1 X]

GOLD.tsv is corpus/*/gold-alignment.tsv: '# sverka-gold-alignment 1', a
header 'ru_id<TAB>en_ids<TAB>note', then one row per Russian sentence with the
English sentence ids it reports. A link is a (Russian id, English id) pair;
predicted links are every pair inside a bead of the TSV.
"""
import argparse
import sys


def read_gold(path):
    links = set()
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != "# sverka-gold-alignment 1":
        sys.exit(f"{path}:1: expected '# sverka-gold-alignment 1'")
    for n, line in enumerate(lines[2:], start=3):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            sys.exit(f"{path}:{n}: expected ru_id<TAB>en_ids")
        for e in filter(None, fields[1].split(",")):
            links.add((int(fields[0]), int(e)))
    return links


def read_tsv(path):
    links = set()
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        if header != "ru\ten\tscore\tru_ids\ten_ids":
            sys.exit(f"{path}:1: not a sverka TSV header: {header!r}")
        for n, line in enumerate(f, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5:
                sys.exit(f"{path}:{n}: expected 5 fields, found {len(fields)}")
            ru = [int(x) for x in fields[3].split(",") if x]
            en = [int(x) for x in fields[4].split(",") if x]
            links.update((r, e) for r in ru for e in en)
    return links


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tsv")
    ap.add_argument("gold")
    ap.add_argument("--min-f1", type=float)
    args = ap.parse_args()
    gold, pred = read_gold(args.gold), read_tsv(args.tsv)
    hit = len(gold & pred)
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"links: gold {len(gold)}, predicted {len(pred)}, correct {hit}")
    print(f"precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    for kind, s in (("missed", gold - pred), ("extra", pred - gold)):
        if s:
            print(f"{kind}: " + " ".join(f"{a}-{b}" for a, b in sorted(s)))
    if args.min_f1 is not None and f1 < args.min_f1:
        print(f"F1 {f1:.3f} is below {args.min_f1}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
