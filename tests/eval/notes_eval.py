#!/usr/bin/env python3
"""Recall and precision of sverka's notes on the injected set (tests/notes).

Usage: notes_eval.py SVERKA [DIR] [--min-recall X --min-precision Y]

For each pair NAME.ru / NAME.en, runs `sverka align --mode parallel --notes`,
and matches the notes (severity warning or error) to NAME.expected-notes.tsv:
a note matches an expected one of the same kind whose Russian or English
sentence ids it shares. Prints recall and precision per kind and overall.
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile


def ids(field):
    return {int(x) for x in field.split(",") if x}


def read_notes(path):
    out = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            out.append(row)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sverka")
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "notes"))
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    names = sorted(f[:-3] for f in os.listdir(args.dir) if f.endswith(".ru"))
    tp = collections.Counter()
    n_exp = collections.Counter()
    n_pred = collections.Counter()
    false_errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        notes_path = os.path.join(tmp, "notes.tsv")
        for name in names:
            base = os.path.join(args.dir, name)
            r = subprocess.run([args.sverka, "align", "-q", "--mode", "parallel", "--notes", notes_path,
                                "-o", os.devnull, base + ".ru", base + ".en"], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{name}: sverka failed: {r.stderr.strip()}")
                return 2
            expected = read_notes(base + ".expected-notes.tsv")
            predicted = [n for n in read_notes(notes_path) if n["severity"] in ("warning", "error")]
            used = set()
            for e in expected:
                n_exp[e["kind"]] += 1
            for p in predicted:
                n_pred[p["kind"]] += 1
                hit = None
                for i, e in enumerate(expected):
                    if i in used or e["kind"] != p["kind"]:
                        continue
                    if ids(e["ru_ids"]) & ids(p["ru_ids"]) or ids(e["en_ids"]) & ids(p["en_ids"]):
                        hit = i
                        break
                if hit is not None:
                    used.add(hit)
                    tp[p["kind"]] += 1
                else:
                    if p["severity"] == "error":
                        false_errors += 1
                    if args.verbose:
                        print(f"  {name}: extra {p['kind']} {p['ru_ids']}/{p['en_ids']}: {p['message']}")
            if args.verbose:
                for i, e in enumerate(expected):
                    if i not in used:
                        print(f"  {name}: missed {e['kind']} {e['ru_ids']}/{e['en_ids']}: {e['evidence']}")
    kinds = sorted(set(n_exp) | set(n_pred))
    print(f"{'kind':12} {'expected':>8} {'found':>6} {'correct':>7} {'recall':>7} {'precision':>9}")
    for k in kinds:
        rec = tp[k] / n_exp[k] if n_exp[k] else float("nan")
        prec = tp[k] / n_pred[k] if n_pred[k] else float("nan")
        print(f"{k:12} {n_exp[k]:8} {n_pred[k]:6} {tp[k]:7} {rec:7.2f} {prec:9.2f}")
    total_tp, total_exp, total_pred = sum(tp.values()), sum(n_exp.values()), sum(n_pred.values())
    rec = total_tp / total_exp if total_exp else 0.0
    prec = total_tp / total_pred if total_pred else 0.0
    print(f"{'all':12} {total_exp:8} {total_pred:6} {total_tp:7} {rec:7.2f} {prec:9.2f}")
    print(f"false errors: {false_errors} over {len(names)} pairs")
    status = 0
    if args.min_recall is not None and rec < args.min_recall:
        status = 1
    if args.min_precision is not None and prec < args.min_precision:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
