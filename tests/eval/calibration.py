#!/usr/bin/env python3
"""How well the score column predicts what is right: a reliability table
and the Brier score, from sverka's TSV alone.

Usage:
  calibration.py [--sverka BIN] [--mode M] [--limit-docs N] [-j N] PAIRS...
  calibration.py [--sverka BIN] [--mode M] --corpus

PAIRS are folders written by make_pairs.py (line-level gold.tsv); --corpus
takes the four hand-annotated comparable pairs of corpus/ instead (sentence
gold, sure and possible links). Three kinds of items are scored:

- link: each link of a row with both sides (each Russian x each English
  sentence, turned into lines for make_pairs folders) is right when the
  gold has it (sure or possible for corpus/ gold), and is predicted by its
  row's score (comparable mode's scores are link probabilities);
- bead: each row with both sides is right when every link it makes is
  right (for make_pairs folders: every line link of its sentences is a gold
  link), and is predicted by its score (parallel mode's scores are bead
  probabilities);
- unlinked: a row with one side empty is right when the gold gives that
  sentence no link (no sure link for corpus/ gold), and is predicted by its
  score: the probability that the sentence has no counterpart;
- moved (make_pairs folders, only when --kinds names it): the bead items
  of the rows of moved blocks (parallel mode's crossing beads, which
  `sverka align -f jsonl` marks with "moved_block"; one more run per
  document).

Prints, for each kind, the items per score band with their mean score and
how many were right, and the Brier score (the mean squared difference
between score and outcome; lower is better). The rows of make_pairs
folders come from one `sverka batch` run per folder (--keep-all, no
notes), so the scores are those the command line writes. The mode is
that of `sverka align` (auto) unless --mode says otherwise, and is printed
first: comparable mode's scores are another model's (sverka-comparable.c).
Python 3 standard library only.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gold_f1  # noqa: E402
import score  # noqa: E402

BANDS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0]
# Bead scores are probabilities over the whole scale: bands of 0.1.
DECILES = [k / 10 for k in range(11)]


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


def items_from(beads, link_ok, alone_ok, moved=frozenset()):
    """(kind, score, right) for every link, every row with both sides (a
    bead: right when all its links are; also a "moved" item when its
    (ru_ids, en_ids) is in MOVED) and every one-sided row."""
    for ru_ids, en_ids, _, _, s in beads:
        if ru_ids and en_ids:
            links = [link_ok(r, e) for r in ru_ids for e in en_ids]
            for ok in links:
                yield "link", s, ok
            yield "bead", s, all(links)
            if (tuple(ru_ids), tuple(en_ids)) in moved:
                yield "moved", s, all(links)
        else:
            yield "unlinked", s, alone_ok("ru", ru_ids[0]) if ru_ids else alone_ok("en", en_ids[0])


def pairs_judge(d, at, gold):
    """The link_ok and alone_ok of items_from() for make_pairs folder D,
    whose sentences lie in the gold units AT[side][id - 1], against the
    line-level GOLD: a link of two sentences is right when the gold links a
    unit of one to a unit of the other (a sentence that the segmenter did
    not split at a line end lies in two units; one of them will do); a
    sentence alone is right when none of its units has a gold link."""
    linked = {"ru": {a for a, _ in gold}, "en": {b for _, b in gold}}

    def link_ok(r, e):
        ru_u, en_u = at["ru"][r - 1], at["en"][e - 1]
        return any((a, b) in gold for a in ru_u for b in en_u)

    def alone_ok(side, i):
        return not (at[side][i - 1] & linked[side])
    return link_ok, alone_ok


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


def run_batch(args, docs):
    """{doc folder: beads} from one `sverka batch` run over DOCS."""
    tmp = tempfile.mkdtemp(prefix="sverka-calib-")
    try:
        names = {}
        with open(os.path.join(tmp, "manifest.tsv"), "w", encoding="utf-8") as f:
            for k, d in enumerate(docs):
                names[d] = "d%05d" % k
                f.write("%s\t%s\t%s\n" % (names[d], os.path.abspath(os.path.join(d, "ru.txt")),
                                            os.path.abspath(os.path.join(d, "en.txt"))))
        cmd = [args.sverka, "batch", "-q", "--keep-all", "--no-notes", "--mode", args.mode,
               "-j", str(args.jobs), "--out-dir", os.path.join(tmp, "out"),
               os.path.join(tmp, "manifest.tsv")]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("calibration: %s: %s" % (" ".join(cmd), p.stderr.strip()[-300:]))
        out = {}
        for d, name in names.items():
            with open(os.path.join(tmp, "out", "pairs", name + ".tsv"), encoding="utf-8") as f:
                out[d] = score.parse_tsv(f.read(), d)
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def moved_rows(args, d):
    """The (ru_ids, en_ids) of the rows of moved blocks of pair folder D,
    from `sverka align -f jsonl` with the options of run_batch()."""
    cmd = [args.sverka, "align", "-q", "--keep-all", "--mode", args.mode, "-f", "jsonl",
           os.path.join(d, "ru.txt"), os.path.join(d, "en.txt")]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("calibration: %s: %s" % (" ".join(cmd), p.stderr.strip()[-300:]))
    rows = (json.loads(line) for line in p.stdout.splitlines() if line.strip())
    return frozenset((tuple(r["ru_ids"]), tuple(r["en_ids"])) for r in rows if "moved_block" in r)


def units_of(args, d):
    """The gold units of every sentence of pair folder D, per side."""
    return {side: score.sentence_units(d, side, path, score.segment(args.sverka, path))
            for side, path in (("ru", os.path.join(d, "ru.txt")),
                               ("en", os.path.join(d, "en.txt")))}


def pairs_items(args, folder):
    docs = score.find_docs(folder)
    if args.limit_docs:
        docs = docs[:args.limit_docs]
    beads = run_batch(args, docs)
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        ats = list(ex.map(lambda d: units_of(args, d), docs))
        moved = (list(ex.map(lambda d: moved_rows(args, d), docs))
                 if "moved" in args.kinds.split(",") else [frozenset()] * len(docs))
    for d, at, mv in zip(docs, ats, moved):
        gold = score.read_gold(os.path.join(d, "gold.tsv"))
        yield from items_from(beads[d], *pairs_judge(d, at, gold), moved=mv)


def reliability(items, bands):
    """[(lo, hi, count, mean score, share right, right)] per band of BANDS
    holding items (score, right)."""
    out = []
    for lo, hi in zip(bands, bands[1:]):
        band = [(s, y) for s, y in items if lo <= s < hi or (hi == 1.0 and s == 1.0)]
        if band:
            right = sum(y for _, y in band)
            out.append((lo, hi, len(band), sum(s for s, _ in band) / len(band),
                        right / len(band), right))
    return out


def report(kind, items, bands=BANDS, min_count=20):
    b, _ = brier(items, kind)
    items = [(s, y) for k, s, y in items if k == kind]
    if not items:
        print("%s: none" % kind)
        return
    rows = reliability(items, bands)
    gaps = [abs(m - r) for _, _, c, m, r, _ in rows if c >= min_count]
    print("%s: %d, right %d, Brier %.4f, mean score %.3f, share right %.3f%s" % (
        kind, len(items), sum(y for _, y in items), b, sum(s for s, _ in items) / len(items),
        sum(y for _, y in items) / len(items),
        ", largest gap %.3f (bands of %d or more)" % (max(gaps), min_count) if gaps else ""))
    for lo, hi, count, mean, share, right in rows:
        print("  %.2f-%.2f  %5d  mean score %.3f  right %.3f (%d)" % (
            lo, hi, count, mean, share, right))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="*", metavar="PAIRS", help="folders written by make_pairs.py")
    ap.add_argument("--corpus", action="store_true",
                    help="the four hand-annotated comparable pairs of corpus/")
    ap.add_argument("--sverka", default=score.DEFAULT_SVERKA)
    # The command line's default: auto (parallel on a translation, whose
    # scores sverka-calibrate.c calibrates). Comparable mode's scores are
    # the linker's own (align/sverka-comparable.c), fitted apart.
    ap.add_argument("--mode", default="auto", choices=("auto", "parallel", "comparable"),
                    help="alignment mode (default: auto, as `sverka align`)")
    ap.add_argument("--limit-docs", type=int, default=0, help="the first N documents of each folder")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="threads for the aligner (default 2)")
    ap.add_argument("--kinds", default="link,bead,unlinked",
                    help="the kinds of items to report, comma-separated: link, bead, unlinked, "
                         "moved (default: link,bead,unlinked)")
    args = ap.parse_args()
    if not args.pairs and not args.corpus:
        ap.error("give PAIRS or --corpus")
    if not (os.path.isfile(args.sverka) and os.access(args.sverka, os.X_OK)):
        ap.error("%s: no such executable (--sverka)" % args.sverka)
    for folder in args.pairs:
        if not os.path.isdir(folder):
            ap.error("%s: not a folder" % folder)
    print("mode: %s (%s)" % (args.mode, args.sverka))
    items = []
    if args.corpus:
        items += list(corpus_items(args))
    for folder in args.pairs:
        items += list(pairs_items(args, folder))
    for kind in args.kinds.split(","):
        report(kind, items, BANDS if kind == "link" else DECILES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
