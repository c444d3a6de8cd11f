#!/usr/bin/env python3
"""Whether the scores of a bilingual file's segments mean what they say:
the probability that a segment's source and target translate each other
(sverka-calibrate-given.c), and the fit of that model.

Development sets (make_pairs.py's names, comma-separated: ntrex, tico19,
flores, wmt22-enru, ...; one segment per line) is written as XLIFF 2.0 files, one per document, English
source and Russian target, as a CAT tool exports a finished translation;
then a share of the segments (--wrong, 0.1) get a wrong target, as a
translation memory gets one from a shifted or mixed-up export: half the
target of the next segment, half one of another document. A segment is
right when its target is its own.

  xliff_calibration.py --set tico19           scores of `sverka align FILE.xlf`:
                                              segments per score band, their mean
                                              score and how many were right, and
                                              the Brier score
  xliff_calibration.py --set ntrex,flores --fit  fits the model on calib-evidence's
                                              features and writes its weights into
                                              align/sverka-calibrate-given.c

Only development sets: never fit or tune on WMT21, WMT23 (report only)."""
import argparse
import concurrent.futures
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fit_calibration  # noqa: E402
import make_pairs  # noqa: E402


def write_xliff(path, segments):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
           'trgLang="ru"><file id="f">']
    for i, (en, ru) in enumerate(segments, 1):
        out.append(f'<unit id="u{i}"><segment><source>{escape(en)}</source>'
                   f'<target>{escape(ru)}</target></segment></unit>')
    out.append("</file></xliff>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def make_files(args, tmp):
    """[(path, [right per English segment])] for the set's documents."""
    docs = []
    for name in args.set.split(","):
        spec = make_pairs.SETS[name]
        if spec.get("use") != "develop":
            sys.exit(f"xliff_calibration: {name} is for reporting only")
        docs += [[(r, e) for r, e, _ in lines if r and e]
                 for _, lines in make_pairs.documents(spec, args.data)]
    docs = [d for d in docs if d]
    rng = random.Random(args.seed)
    files = []
    for k, doc in enumerate(docs):
        segs, right = [], []
        for i, (ru, en) in enumerate(doc):
            ok = True
            if len(doc) > 1 and rng.random() < args.wrong:
                ok = False
                if rng.random() < 0.5:
                    ru = doc[(i + 1) % len(doc)][0]
                else:
                    other = docs[(k + 1 + rng.randrange(len(docs) - 1)) % len(docs)]
                    ru = other[rng.randrange(len(other))][0]
            segs.append((en, ru))
            right.append(ok)
        path = os.path.join(tmp, f"d{k}.xlf")
        write_xliff(path, segs)
        files.append((path, right))
    return files


def lexicons(args):
    built = [os.path.join(REPO, "build", "dictionaries", n)
             for n in ("learned-ru-en.tsv", "mueller7-ru-en.tsv")]
    return [os.path.join(REPO, "dictionaries", "ru-en.tsv")] + [
        p for p in built if os.path.isfile(p)]


def fit(args, files):
    chunks = [files[k::args.j] for k in range(args.j)]

    def one(chunk):
        cmd = [args.evidence, os.path.join(REPO, "dictionaries")] + lexicons(args) + ["--"] + [
            p for p, _ in chunk]
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        text = "".join(ex.map(one, chunks))
    right = {p: r for p, r in files}
    xs, ys = [], []
    for line in text.splitlines():
        f = line.split("\t")
        if f[0] != "row" or len(f) <= 6 or not f[2] or not f[3]:
            continue
        xs.append([float(v) for v in f[6:]])
        ys.append(1 if right[f[1]][int(f[3]) - 1] else 0)
    w = fit_calibration.fit_logistic(xs, ys)
    block = ", ".join(f"{v:.6g}" for v in w)
    path = os.path.join(REPO, "align", "sverka-calibrate-given.c")
    src = open(path, encoding="utf-8").read()
    new, n = re.subn(r"(given_weights\[SVERKA_CALIBRATE_N_GIVEN\] = \{\n  )[^\n]*(\n\};)",
                     lambda m: m.group(1) + block + "," + m.group(2), src)
    if n != 1:
        sys.exit("xliff_calibration: no given_weights block in " + path)
    open(path, "w", encoding="utf-8").write(new)
    print(f"fit on {len(xs)} segments ({len(ys) - sum(ys)} wrong): weights {block}; "
          f"written into {path}; rebuild")


def evaluate(args, files):
    def one(job):
        out = subprocess.run([args.sverka, "align", "-q", job[0]], capture_output=True,
                             text=True, check=True).stdout
        rows = csv.DictReader(out.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(float(r["score"]), job[1][int(r["en_ids"]) - 1])
                for r in rows if r["en_ids"] and r["ru_ids"]]
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        items = [i for rows in ex.map(one, files) for i in rows]
    print(f"{args.set}: {len(items)} segments of {len(files)} documents, "
          f"{sum(1 for _, r in items if not r)} with a wrong target (--wrong {args.wrong})")
    print("band\titems\tmean score\tright")
    bands = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0001]
    for lo, hi in zip(bands, bands[1:]):
        b = [(s, r) for s, r in items if lo <= s < hi]
        if b:
            print(f"[{lo:.2f},{min(hi, 1):.2f})\t{len(b)}\t{sum(s for s, _ in b) / len(b):.3f}\t"
                  f"{sum(r for _, r in b) / len(b):.3f}")
    print(f"Brier score {sum((s - r) ** 2 for s, r in items) / len(items):.4f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sverka", default=os.path.join(REPO, "build", "align", "sverka"))
    ap.add_argument("--evidence", default=os.path.join(REPO, "build", "tests", "calib-evidence"))
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data"))
    ap.add_argument("--set", default="tico19")
    ap.add_argument("--wrong", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("-j", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(args, tmp)
        if args.fit:
            fit(args, files)
        else:
            evaluate(args, files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
