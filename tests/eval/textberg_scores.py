#!/usr/bin/env python3
"""Text+Berg German-French: do the scores of parallel mode say what they say?

Usage:
  textberg_scores.py --sverka BUILD/align/sverka [--set dev|test] [--data DIR]
                     [--halves]

The scores of parallel mode (align/sverka-calibrate.c) are a model fitted
on Russian-English development sets. This script measures them on the
German-French Text+Berg gold (--langs de,fr --split none --mode parallel
--format vecalign): on dev, the article with 10% of its lines deleted on
either side too (two seeds each: the gold follows), or on test0-6, the
report-only articles, as they are. A bead with both sides is right when it
equals a gold bead; a sentence alone is right when gold gives it no
counterpart. It prints, for each kind, the reliability table (bands of
0.1: rows, mean score, share right) and the Brier score.

--halves (dev) asks whether a map of the scores fitted on this pair's
data would do better: for each half of the article, an isotonic map of
the score to the share right (pool adjacent violators over the distinct
scores, blocks of 40 rows or more, Laplace's rule, as fit_calibration.py
does) fitted on the rows of that half, and the Brier score of the other
half's rows before and after it.

Python 3 standard library only.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fit_calibration  # noqa: E402
import textberg  # noqa: E402

MIN_BLOCK = 40
DELETE_SHARE = 0.10
SEEDS = (1, 2)


def read_scored(path):
    """Rows of a vecalign file with scores: (src, tgt, score)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = [x.strip() for x in line.strip().split(":")]
            src = tuple(int(x) for x in fields[0].strip("[]").split(",") if x.strip())
            tgt = tuple(int(x) for x in fields[1].strip("[]").split(",") if x.strip())
            rows.append((src, tgt, float(fields[2])))
    return rows


def labelled(gold, rows, n_src):
    """(kind, score, right, place) of each row against the gold beads, the
    place being the row's first source sentence (or the gold bead's before
    its target sentence) over N_SRC, for --halves."""
    beads = {(tuple(s), tuple(t)) for s, t in gold}
    alone_src = {x for s, t in gold if not t for x in s}
    alone_tgt = {x for s, t in gold if not s for x in t}
    src_of_tgt = {}
    for s, t in gold:
        for x in t:
            src_of_tgt[x] = s[0] if s else None
    out = []
    last = 0
    for src, tgt, score in rows:
        if src:
            last = src[0]
        elif tgt and src_of_tgt.get(tgt[0]) is not None:
            last = src_of_tgt[tgt[0]]
        place = last / max(1, n_src)
        if src and tgt:
            out.append(("pair", score, (src, tgt) in beads, place))
        elif src or tgt:
            right = all(x in alone_src for x in src) and all(x in alone_tgt for x in tgt)
            out.append(("alone", score, right, place))
    return out


def delete_lines(lines, share, seed):
    """The lines kept (their old numbers), a share deleted at random."""
    rng = random.Random(seed)
    n = len(lines)
    gone = set(rng.sample(range(n), int(round(n * share))))
    return [i for i in range(n) if i not in gone]


def renumber(gold, keep_src, keep_tgt):
    """The gold beads over the lines kept, renumbered; a bead that lost
    one side entirely becomes its other side alone."""
    new_src = {old: k for k, old in enumerate(keep_src)}
    new_tgt = {old: k for k, old in enumerate(keep_tgt)}
    out = []
    for s, t in gold:
        s2 = tuple(new_src[x] for x in s if x in new_src)
        t2 = tuple(new_tgt[x] for x in t if x in new_tgt)
        if s2 or t2:
            out.append((s2, t2))
    return out


def run(binary, langs, de_path, fr_path, out):
    cmd = [binary, "align", "-q", "--langs", langs, "--split", "none", "--mode",
           "parallel", "--format", "vecalign", "-o", out, de_path, fr_path]
    r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise SystemExit("%s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr))
    return read_scored(out)


def fit_rows(binary, langs, data, work):
    """The labelled rows of dev and its copies with lines deleted."""
    src_lines = open(os.path.join(data, "dev.de"), encoding="utf-8").read().splitlines()
    tgt_lines = open(os.path.join(data, "dev.fr"), encoding="utf-8").read().splitlines()
    gold = [(s, t) for s, t in textberg.read_beads(os.path.join(data, "dev.defr"))]
    variants = [("clean", list(range(len(src_lines))), list(range(len(tgt_lines))))]
    for seed in SEEDS:
        variants.append(("de-%d" % seed, delete_lines(src_lines, DELETE_SHARE, seed),
                         list(range(len(tgt_lines)))))
        variants.append(("fr-%d" % seed, list(range(len(src_lines))),
                         delete_lines(tgt_lines, DELETE_SHARE, 100 + seed)))
    rows = []
    for name, keep_src, keep_tgt in variants:
        de_path = os.path.join(work, name + ".de")
        fr_path = os.path.join(work, name + ".fr")
        with open(de_path, "w", encoding="utf-8") as f:
            f.write("".join(src_lines[i] + "\n" for i in keep_src))
        with open(fr_path, "w", encoding="utf-8") as f:
            f.write("".join(tgt_lines[i] + "\n" for i in keep_tgt))
        got = run(binary, langs, de_path, fr_path, os.path.join(work, name + ".out"))
        rows += labelled(renumber(gold, keep_src, keep_tgt), got, len(keep_src))
    return rows


def isotonic(scores, rights):
    """fit_calibration.isotonic() over the distinct scores: rows of one
    score are never split between two blocks."""
    groups = {}
    for s, y in zip(scores, rights):
        g = groups.setdefault(s, [0, 0])
        g[0] += 1 if y else 0
        g[1] += 1
    blocks = []  # [right, count, lowest, highest]
    for s in sorted(groups):
        y, n = groups[s]
        blocks.append([y, n, s, s])
        while len(blocks) > 1 and (blocks[-2][0] / blocks[-2][1]
                                   >= blocks[-1][0] / blocks[-1][1]):
            fit_calibration.pool(blocks)
    merged = []
    for b in blocks:
        merged.append(list(b))
        if len(merged) > 1 and merged[-2][1] < MIN_BLOCK:
            fit_calibration.pool(merged)
    if len(merged) > 1 and merged[-1][1] < MIN_BLOCK:
        fit_calibration.pool(merged)
    pts = []
    for y, n, lo, hi in merged:
        pts.append([y + 1, n + 2, lo, hi])
        while len(pts) > 1 and pts[-2][0] / pts[-2][1] >= pts[-1][0] / pts[-1][1]:
            fit_calibration.pool(pts)
    out = []
    for y, n, lo, hi in pts:
        out.append((lo, y / n))
        if hi > lo:
            out.append((hi, y / n))
    return out


def table(title, rows):
    """Prints the reliability table and Brier score of (score, right) rows."""
    if not rows:
        print("%s: no rows" % title)
        return
    brier = sum((s - (1.0 if y else 0.0)) ** 2 for s, y in rows) / len(rows)
    print("%s: %d rows, %.3f right, Brier %.4f" % (
        title, len(rows), sum(1 for _, y in rows if y) / len(rows), brier))
    print("  | score | rows | mean score | right |")
    print("  | --- | --- | --- | --- |")
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        band = [(s, y) for s, y in rows if lo <= s < hi or (b == 9 and s == 1.0)]
        if band:
            print("  | %.1f–%.1f | %d | %.3f | %.3f |" % (
                lo, hi, len(band), sum(s for s, _ in band) / len(band),
                sum(1 for _, y in band if y) / len(band)))


def halves(rows):
    """The Brier score of each half's rows of each kind, before and after a
    map fitted on the other half's."""
    for kind in ("pair", "alone"):
        for half in (0, 1):
            fit = [(s, y) for k, s, y, pos in rows if k == kind and (pos < 0.5) == (half == 0)]
            check = [(s, y) for k, s, y, pos in rows if k == kind and (pos < 0.5) != (half == 0)]
            if not fit or not check:
                continue
            m = isotonic([s for s, _ in fit], [y for _, y in fit])
            before = sum((s - y) ** 2 for s, y in check) / len(check)
            after = sum((fit_calibration.apply_map(m, s) - y) ** 2 for s, y in check) / len(check)
            print("%s: map fitted on the %s half, checked on the other's %d rows: Brier %.4f "
                  "-> %.4f" % (kind, ("first", "second")[half], len(check), before, after))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sverka", required=True)
    ap.add_argument("--set", choices=("dev", "test"), default="dev")
    ap.add_argument("--data", default=os.environ.get("TEXTBERG_DIR", textberg.DEFAULT_DATA))
    ap.add_argument("--halves", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.set == "dev":
            rows = fit_rows(args.sverka, "de,fr", args.data, work)
            title = "dev and its copies with 10% of the lines deleted"
        else:
            rows = []
            for n in textberg.articles(args.data, "test"):
                gold = textberg.read_beads(os.path.join(args.data, n + ".defr"))
                got = run(args.sverka, "de,fr", os.path.join(args.data, n + ".de"),
                          os.path.join(args.data, n + ".fr"), os.path.join(work, n + ".out"))
                rows += labelled(gold, got, len(gold))
            title = "test0-6 (report only)"
    for kind in ("pair", "alone"):
        table("%s, %s" % (kind, title), [(s, y) for k, s, y, _ in rows if k == kind])
    if args.halves:
        if args.set != "dev":
            raise SystemExit("--halves: on dev only (test0-6 are for reporting)")
        halves(rows)


if __name__ == "__main__":
    main()
