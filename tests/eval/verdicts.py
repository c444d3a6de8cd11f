#!/usr/bin/env python3
"""The verdicts on make_pairs.py folders, and the highest scores of their
beads: what `sverka batch` says of unrelated, untranslated and translated
pairs.

Usage:
  verdicts.py [--sverka BIN] [--mode M] [-j N] PAIRS...

For each folder: how many pairs got each verdict, how many beads with both
sides scored above 0.5, and the highest score of such a bead. The pairs
run through one `sverka batch --keep-all --no-notes` per folder (the
command line's default mode, auto, unless --mode says otherwise).
Python 3 standard library only.
"""
import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402


def one(args, folder):
    docs = score.find_docs(folder)
    tmp = tempfile.mkdtemp(prefix="sverka-verdicts-")
    try:
        man = os.path.join(tmp, "manifest.tsv")
        with open(man, "w", encoding="utf-8") as f:
            for k, d in enumerate(docs):
                f.write("d%05d\t%s\t%s\n" % (k, os.path.abspath(os.path.join(d, "ru.txt")),
                                             os.path.abspath(os.path.join(d, "en.txt"))))
        out = os.path.join(tmp, "out")
        cmd = [args.sverka, "batch", "-q", "--keep-all", "--no-notes", "--mode", args.mode,
               "-j", str(args.jobs), "--out-dir", out, man]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("verdicts: %s: %s" % (" ".join(cmd), p.stderr.strip()[-300:]))
        verdicts = collections.Counter()
        with open(os.path.join(out, "verdicts.tsv"), encoding="utf-8") as f:
            for line in f.read().splitlines()[1:]:
                verdicts[line.split("\t")[1]] += 1
        beads = high = 0
        top = 0.0
        with open(os.path.join(out, "corpus.tsv"), encoding="utf-8") as f:
            for line in f.read().splitlines()[1:]:
                c = line.split("\t")
                if c[4] and c[5]:
                    s = float(c[3])
                    beads += 1
                    high += s > 0.5
                    top = max(top, s)
        print("%s: %d pairs: %s; beads with both sides %d, above 0.5: %d, highest %.3f" % (
            folder, len(docs), ", ".join("%s %d" % kv for kv in sorted(verdicts.items())),
            beads, high, top))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="+", metavar="PAIRS", help="folders written by make_pairs.py")
    ap.add_argument("--sverka", default=score.DEFAULT_SVERKA)
    ap.add_argument("--mode", default="auto", choices=("auto", "parallel", "comparable"))
    ap.add_argument("-j", "--jobs", type=int, default=1)
    args = ap.parse_args()
    for folder in args.pairs:
        one(args, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
