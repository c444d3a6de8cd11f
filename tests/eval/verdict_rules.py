#!/usr/bin/env python3
"""Score rules for the "unrelated" verdict on the documents of a
fit_calibration.py run, without running the aligner again.

Usage:
  verdict_rules.py [--work DIR] [--bins B1,...,B12] [--rule MEAN,TOTAL]...

Reads the evidence that tests/calib-evidence wrote into DIR (the fit's
--work folder, default /tmp/sverka-fit-calibration) with
fit_calibration.py's own reader, and weighs each document's bins of best
similarity as it does (weighed_bins()). The translations are the clean, deleted and merged variants;
the unrelated pairs the `unrelated` variant (untranslated pairs are left
out: their verdict does not come from the ratio). For each rule (a
document is unrelated when its log-likelihood ratio is below MEAN per
weighed sentence and below TOTAL in all, or below -40: as
sverka_verdict_decide() reads it) and the bins given (default: those of
align/sverka-verdict.c), prints how many translations it calls unrelated,
how many unrelated pairs it finds (per set), and the translation nearest
the threshold. Python 3 standard library only.
"""
import argparse
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fit_calibration  # noqa: E402

SETS = fit_calibration.FOLDS[0] + fit_calibration.FOLDS[1]
SURE = -40.0


def built_bins():
    with open(os.path.join(REPO, "align", "sverka-verdict.c"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"bin_log_ratio\[SVERKA_VERDICT_BINS\] = \{([^}]*)\}", text)
    return [float(x) for x in m.group(1).replace("\n", " ").split(",") if x.strip()]


def read_docs(work):
    """The documents of the fit's evidence (fit_calibration.read_evidence()),
    each with its set, variant and weighed bins; untranslated pairs left out."""
    docs = []
    for path in sorted(glob.glob(os.path.join(work, "*.evidence.tsv"))):
        name = os.path.basename(path)[: -len(".evidence.tsv")]
        family = next((s for s in SETS if name.startswith(s + "-")), None)
        if family is None:
            continue
        variant = name[len(family) + 1:]
        if variant.startswith("untranslated"):
            continue
        with open(path, encoding="utf-8") as f:
            evidence = fit_calibration.read_evidence(f.read())
        for doc in evidence.values():
            docs.append({"set": family, "variant": variant,
                         "unrelated": variant == "unrelated",
                         "k": min(doc["n_searched"], doc["n_ru"], doc["n_en"]),
                         "weighed": fit_calibration.weighed_bins(doc)})
    return docs


def log_ratio(doc, bins):
    """sverka_verdict_log_ratio(): the weighed bins, each by its log ratio."""
    return sum(n * r for n, r in zip(doc["weighed"], bins))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default="/tmp/sverka-fit-calibration")
    ap.add_argument("--bins", help="the twelve log ratios, comma-separated (default: as built)")
    ap.add_argument("--rule", action="append",
                    help="MEAN,TOTAL (repeatable; default: a few around the built ones)")
    args = ap.parse_args()
    bins = [float(x) for x in args.bins.split(",")] if args.bins else built_bins()
    docs = read_docs(args.work)
    if not docs:
        sys.exit("verdict_rules: no evidence in %s: run fit_calibration.py first" % args.work)
    rules = [tuple(float(x) for x in r.split(",")) for r in args.rule] if args.rule else [
        (-1.9, -2.0), (-1.5, -4.5), (-1.3, -4.5), (-1.3, -5.0), (-1.3, -4.0)]
    n_tr = sum(not d["unrelated"] for d in docs)
    n_un = sum(d["unrelated"] for d in docs)
    print("%d translations, %d unrelated pairs; bins %s" % (
        n_tr, n_un, ", ".join("%g" % b for b in bins)))
    for mean, total in rules:
        def unrelated(d, llr):
            return d["k"] > 0 and ((llr < mean * d["k"] and llr < total) or llr < SURE)
        wrong, found, nearest = [], collections.Counter(), None
        for d in docs:
            llr = log_ratio(d, bins)
            if d["unrelated"]:
                found[d["set"]] += unrelated(d, llr)
            elif unrelated(d, llr):
                wrong.append("%s %s (%d weighed, %.2f)" % (d["set"], d["variant"], d["k"], llr))
            elif d["k"] > 0:
                gap = llr - max(min(mean * d["k"], total), SURE)
                if nearest is None or gap < nearest[0]:
                    nearest = (gap, "%s %s (%d weighed, %.2f)" % (d["set"], d["variant"], d["k"],
                                                                   llr))
        print("below %g a sentence and %g in all: translations called unrelated %d%s; "
              "unrelated found %d (%s); nearest translation %s, %.2f above" % (
                  mean, total, len(wrong), (": " + "; ".join(wrong[:3])) if wrong else "",
                  sum(found.values()), ", ".join("%s %d" % (s, found[s]) for s in SETS),
                  nearest[1] if nearest else "-", nearest[0] if nearest else 0.0))


if __name__ == "__main__":
    main()
