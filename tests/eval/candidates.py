#!/usr/bin/env python3
"""Candidate recall and calibration on the hand-annotated comparable pairs.

Usage: candidates.py SVERKA [--min-bundled X]

For each of the four gold pairs of corpus/ (tests/eval/calibration.py's
corpus_pairs()), runs `sverka align --format jsonl` and reads every report
sentence's "candidates" (its best source sentences, linked or not). Prints
per pair the share of the gold's sure links found among each report
sentence's top 1, 2 and 3 candidates (candidate recall), the share of
report sentences with a sure link whose top 3 hold at least one, and over
all pairs the calibration of the candidates' probabilities: the mean
probability and the share right (a sure or possible link) per band, and the
Brier score. With --min-bundled, exits 1 when the bundled pair's top-3
recall is below X.

With --fit, fits the candidates' calibration instead (the constants CAND_*
of align/sverka-comparable.c): a logistic model of a candidate's link score
(the "evidence" of the JSON Lines: the linker's log-likelihood ratio), its rank
and its gap to the best candidate's score, by maximum likelihood on the
three development pairs (corpus/comparable-dev: the bundled pair is left
out, to be measured), a candidate being right when the gold has it as a
sure or possible link.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calibration import corpus_pairs  # noqa: E402
from fit_calibration import sigmoid, solve  # noqa: E402
from gold_f1 import read_gold  # noqa: E402


def candidates(sverka, ru, en, key="probability"):
    out = subprocess.run([sverka, "align", "-q", "--format", "jsonl", ru, en],
                         capture_output=True, text=True, check=True).stdout
    cands = {}
    for line in out.splitlines():
        o = json.loads(line)
        if "candidates" in o and o["ru_ids"]:
            cands[o["ru_ids"][0]] = [(c["en_id"], c[key]) for c in o["candidates"]]
    return cands


def features(cs):
    """Per candidate of one report sentence (best first): link score, rank,
    gap to the best's score."""
    return [(x, k, cs[0][1] - x) for k, (_, x) in enumerate(cs)]


def fit(sverka):
    rows = []
    for name, ru, en, gold in corpus_pairs():
        if name == "2021-12-14-brussels":
            continue
        _, acceptable = read_gold(gold)
        for r, cs in candidates(sverka, ru, en, "evidence").items():
            for (c, _), x in zip(cs, features(cs)):
                rows.append((x, 1.0 if (r, c) in acceptable else 0.0))
    # Newton's method on the log-likelihood, with a little ridge for
    # stability: w = (bias, score, rank, gap).
    w = [0.0, 0.0, 0.0, 0.0]
    for _ in range(50):
        g = [0.0] * 4
        h = [[0.0] * 4 for _ in range(4)]
        for (l, k, d), y in rows:
            v = (1.0, l, float(k), d)
            p = sigmoid(sum(a * b for a, b in zip(w, v)))
            for i in range(4):
                g[i] += (y - p) * v[i] - 1e-3 * w[i]
                for j in range(4):
                    h[i][j] += p * (1 - p) * v[i] * v[j] + (1e-3 if i == j else 0)
        step = solve(h, g)
        w = [a + b for a, b in zip(w, step)]
        if max(abs(x) for x in step) < 1e-9:
            break
    print(f"fitted on {len(rows)} candidates of the three development pairs:")
    print(f"#define CAND_BIAS {w[0]:.4f}\n#define CAND_SCORE {w[1]:.4f}\n"
          f"#define CAND_RANK {w[2]:.4f}\n#define CAND_GAP {w[3]:.4f}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sverka")
    ap.add_argument("--min-bundled", type=float)
    ap.add_argument("--fit", action="store_true")
    args = ap.parse_args()
    if args.fit:
        return fit(args.sverka)
    items = []
    held_out = []
    bundled = None
    print("pair                               sure  top1   top2   top3   sentences covered")
    for name, ru, en, gold in corpus_pairs():
        sure, acceptable = read_gold(gold)
        cands = candidates(args.sverka, ru, en)
        found = [0, 0, 0]
        for r, e in sure:
            ranked = [c for c, _ in cands.get(r, [])]
            for k in range(3):
                found[k] += e in ranked[:k + 1]
        with_sure = {r for r, _ in sure}
        covered = sum(1 for r in with_sure
                      if any((r, c) in sure for c, _ in cands.get(r, [])[:3]))
        for r, cs in cands.items():
            for c, p in cs:
                items.append((p, (r, c) in acceptable))
                if name == "2021-12-14-brussels":
                    held_out.append((p, (r, c) in acceptable))
        rec = [f / max(len(sure), 1) for f in found]
        if name == "2021-12-14-brussels":
            bundled = rec[2]
        print(f"{name:34s} {len(sure):4d}  {rec[0]:.3f}  {rec[1]:.3f}  {rec[2]:.3f}  "
              f"{covered}/{len(with_sure)}")
    brier = sum((p - y) ** 2 for p, y in items) / max(len(items), 1)
    print(f"candidates {len(items)}, mean probability {sum(p for p, _ in items) / len(items):.3f}, "
          f"right (sure or possible) {sum(y for _, y in items) / len(items):.3f}, Brier {brier:.4f}")
    hb = sum((p - y) ** 2 for p, y in held_out) / max(len(held_out), 1)
    print(f"bundled pair (held out of the fit): candidates {len(held_out)}, mean probability "
          f"{sum(p for p, _ in held_out) / max(len(held_out), 1):.3f}, right "
          f"{sum(y for _, y in held_out) / max(len(held_out), 1):.3f}, Brier {hb:.4f}")
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
        band = [(p, y) for p, y in items if lo <= p < hi]
        if band:
            print(f"  {lo:.1f}-{min(hi, 1):.1f} {len(band):4d}  mean {sum(p for p, _ in band) / len(band):.3f}"
                  f"  right {sum(y for _, y in band) / len(band):.3f}")
    if args.min_bundled is not None and (bundled is None or bundled < args.min_bundled):
        print(f"bundled pair: top-3 candidate recall {bundled} below {args.min_bundled}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
