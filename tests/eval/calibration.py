#!/usr/bin/env python3
"""How well the score column predicts what is right: a reliability table
and the Brier score, from sverka's TSV alone.

Usage:
  calibration.py [--sverka BIN] [--mode M] [--limit-docs N] PAIRS...
  calibration.py [--sverka BIN] [--mode M] --corpus

PAIRS are folders written by make_pairs.py (line-level gold.tsv); --corpus
takes the four hand-annotated comparable pairs of corpus/ instead (sentence
gold, sure and possible links). Every row of the output is an item:

- each link of a row with both sides (each Russian x each English sentence,
  turned into lines for make_pairs folders) is right when the gold has it
  (sure or possible for corpus/ gold), and is predicted by its row's score;
- a row with one side empty is right when the gold gives that sentence no
  link (no sure link for corpus/ gold), and is predicted by its score: the
  probability that the sentence has no counterpart.

Prints, for links and for unlinked sentences, the items per score band with
their mean score and how many were right, and the Brier score (the mean
squared difference between score and outcome; lower is better).
Python 3 standard library only.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gold_f1  # noqa: E402
import score  # noqa: E402

BANDS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0]


def corpus_pairs(root=REPO):
    """(name, Russian text, English text, gold) of the four hand-annotated
    comparable pairs under ROOT/corpus."""
    c = os.path.join(root, "corpus")
    dev, nb = os.path.join(c, "comparable-dev"), os.path.join(c, "neighbours")
    b = os.path.join(c, "2021-12-14-brussels")
    yield "2021-12-14-brussels", os.path.join(b, "ru.txt"), os.path.join(b, "en.txt"), \
        os.path.join(b, "gold-alignment.tsv")
    for name, en in (("2016-04-06-aliyev-lavrov", "2016-04-06-aliyev-lavrov-meeting"),
                     ("2022-01-18-nato-article", "2022-01-18-nato-azerbaijan-article"),
                     ("2024-03-19-stoltenberg-interview", "2024-03-19-stoltenberg-interview")):
        yield name, os.path.join(dev, name + ".ru.txt"), os.path.join(nb, en + ".en.txt"), \
            os.path.join(dev, name + ".gold-alignment.tsv")


def items_from(beads, link_ok, alone_ok):
    """(kind, score, right) for every link and every one-sided row."""
    for ru_ids, en_ids, _, _, s in beads:
        if ru_ids and en_ids:
            for r in ru_ids:
                for e in en_ids:
                    yield "link", s, link_ok(r, e)
        else:
            yield "unlinked", s, alone_ok("ru", ru_ids[0]) if ru_ids else alone_ok("en", en_ids[0])


def gold_items(beads, gold):
    """items_from() against a sentence-level gold (gold_f1.read_gold()'s
    sure and sure-or-possible links)."""
    sure, possible = gold
    linked = {"ru": {r for r, _ in sure}, "en": {e for _, e in sure}}
    return items_from(beads, lambda r, e: (r, e) in possible,
                      lambda side, i: i not in linked[side])


def brier(items, kind):
    """The Brier score of the items of KIND, and how many there are."""
    got = [(s, y) for k, s, y in items if k == kind]
    return sum((s - y) ** 2 for s, y in got) / max(len(got), 1), len(got)


def run_align(args, ru, en, keep_all):
    cmd = [args.sverka, "align", "-q", "--mode", args.mode] + (["--keep-all"] if keep_all else [])
    p = subprocess.run(cmd + [ru, en], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("calibration: %s: %s" % (" ".join(cmd + [ru, en]), p.stderr.strip()[-300:]))
    beads = score.parse_tsv(p.stdout, ru)
    if any(b[4] is None for b in beads):
        sys.exit("calibration: %s: a row without a numeric score column" % " ".join(cmd + [ru, en]))
    return beads


def corpus_items(args):
    for _, ru, en, gold in corpus_pairs():
        yield from gold_items(run_align(args, ru, en, keep_all=False), gold_f1.read_gold(gold))


def pairs_items(args, folder):
    docs = score.find_docs(folder)
    if args.limit_docs:
        docs = docs[:args.limit_docs]
    for d in docs:
        ru, en = os.path.join(d, "ru.txt"), os.path.join(d, "en.txt")
        gold = score.read_gold(os.path.join(d, "gold.tsv"))
        at = {side: score.sentence_units(d, side, path, score.segment(args.sverka, path))
              for side, path in (("ru", ru), ("en", en))}
        linked = {"ru": {a for a, _ in gold}, "en": {b for _, b in gold}}
        beads = run_align(args, ru, en, keep_all=True)
        yield from items_from(
            beads, lambda r, e: any((a, b) in gold for a in at["ru"][r - 1] for b in at["en"][e - 1]),
            lambda side, i: not (at[side][i - 1] & linked[side]))


def report(kind, items):
    b, _ = brier(items, kind)
    items = [(s, y) for k, s, y in items if k == kind]
    if not items:
        print("%s: none" % kind)
        return
    print("%s: %d, right %d, Brier %.4f" % (kind, len(items), sum(y for _, y in items), b))
    for lo, hi in zip(BANDS, BANDS[1:]):
        band = [(s, y) for s, y in items if lo <= s < hi or (hi == 1.0 and s == 1.0)]
        if band:
            print("  %.2f-%.2f  %5d  mean score %.3f  right %.3f (%d)" % (
                lo, hi, len(band), sum(s for s, _ in band) / len(band),
                sum(y for _, y in band) / len(band), sum(y for _, y in band)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="*", metavar="PAIRS", help="folders written by make_pairs.py")
    ap.add_argument("--corpus", action="store_true",
                    help="the four hand-annotated comparable pairs of corpus/")
    ap.add_argument("--sverka", default=score.DEFAULT_SVERKA)
    ap.add_argument("--mode", default="comparable", choices=("auto", "parallel", "comparable"))
    ap.add_argument("--limit-docs", type=int, default=0, help="the first N documents of each folder")
    args = ap.parse_args()
    if not args.pairs and not args.corpus:
        ap.error("give PAIRS or --corpus")
    if not (os.path.isfile(args.sverka) and os.access(args.sverka, os.X_OK)):
        ap.error("%s: no such executable (--sverka)" % args.sverka)
    for folder in args.pairs:
        if not os.path.isdir(folder):
            ap.error("%s: not a folder" % folder)
    items = []
    if args.corpus:
        items += list(corpus_items(args))
    for folder in args.pairs:
        items += list(pairs_items(args, folder))
    report("link", items)
    report("unlinked", items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
