#!/usr/bin/env python3
"""Link precision, recall and F1 of a sverka TSV against a sentence-level gold.

Usage: gold_f1.py ALIGNMENT.tsv GOLD.tsv [--min-f1 X]

GOLD.tsv is corpus/*/gold-alignment.tsv: '# sverka-gold-alignment 1' or 2,
a header, then one row per Russian sentence with the English sentence ids it
reports (sure links) and, in version 2, a column of possible links (repeats,
less direct or alternative sources). A link is a (Russian id, English id)
pair; predicted links are every pair inside a bead of the TSV.

Two figures: strict (precision and recall against the sure links) and S/P
(the AER convention of Och and Ney: precision against sure + possible,
recall against sure). --min-f1 checks the strict F1, --min-f1-sp the other.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

TSV_HEADER = "ru\ten\tscore\tru_ids\ten_ids"


def read_gold(path):
    sure, possible = set(), set()
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or lines[0] not in ("# sverka-gold-alignment 1", "# sverka-gold-alignment 2"):
        sys.exit(f"{path}:1: expected '# sverka-gold-alignment 1' or 2")
    version = int(lines[0][-1])
    for n, line in enumerate(lines[2:], start=3):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < version + 1:
            sys.exit(f"{path}:{n}: expected {version + 2} tab-separated fields")
        r = int(fields[0])
        sure.update((r, int(e)) for e in fields[1].split(",") if e)
        if version == 2:
            possible.update((r, int(e)) for e in fields[2].split(",") if e)
    return sure, possible | sure


def read_beads(path):
    """score.parse_tsv()'s beads of the sverka TSV at PATH, whose header must
    be sverka's own."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    header = text.split("\n", 1)[0]
    if header != TSV_HEADER:
        sys.exit(f"{path}:1: not a sverka TSV header: {header!r}")
    try:
        return score.parse_tsv(text, path)
    except score.EvalError as e:
        sys.exit(str(e))


def links(beads):
    """Every (Russian id, English id) pair inside a bead."""
    return {(r, e) for ru, en, *_ in beads for r in ru for e in en}


def read_tsv(path):
    return links(read_beads(path))


def prf(pred, ok_for_precision, sure):
    p = len(pred & ok_for_precision) / len(pred) if pred else 0.0
    r = len(pred & sure) / len(sure) if sure else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tsv")
    ap.add_argument("gold")
    ap.add_argument("--min-f1", type=float, help="floor for the strict F1")
    ap.add_argument("--min-f1-sp", type=float, help="floor for the S/P F1")
    args = ap.parse_args()
    (sure, possible), pred = read_gold(args.gold), read_tsv(args.tsv)
    p, r, f1 = prf(pred, sure, sure)
    sp_p, sp_r, sp_f1 = prf(pred, possible, sure)
    print(f"links: sure {len(sure)}, possible {len(possible - sure)}, predicted {len(pred)}, "
          f"correct {len(pred & sure)}, acceptable {len(pred & possible)}")
    print(f"strict: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    print(f"S/P:    precision {sp_p:.3f} recall {sp_r:.3f} F1 {sp_f1:.3f}")
    for kind, s in (("missed", sure - pred), ("extra", pred - possible)):
        if s:
            print(f"{kind}: " + " ".join(f"{a}-{b}" for a, b in sorted(s)))
    status = 0
    if args.min_f1 is not None and f1 < args.min_f1:
        print(f"strict F1 {f1:.3f} is below {args.min_f1}")
        status = 1
    if args.min_f1_sp is not None and sp_f1 < args.min_f1_sp:
        print(f"S/P F1 {sp_f1:.3f} is below {args.min_f1_sp}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
