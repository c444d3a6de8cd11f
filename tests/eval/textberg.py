#!/usr/bin/env python3
"""Text+Berg German-French benchmark: strict and lax precision, recall and F1.

Scores alignments in vecalign's bead format ("[0, 1]:[2]" a line, 0-based
line numbers, an optional ":score" after) against the gold beads of
../shared/data/textberg-de-fr, counting as vecalign's score.py does (after
Sennrich and Volk 2011, W11-4624), so the figures compare with the
published ones:

  precision  every test bead with a sentence on either side; strict when it
             equals a gold bead, lax when its target side meets a target
             sentence that gold links to one of its source sentences (a
             bead with no target side is never a lax match unless strict);
  recall     the same count with gold and test swapped, beads with an empty
             side left out of both;
  summed over the articles scored together, F1 of the sums.

Usage:
  textberg.py --sverka BUILD/align/sverka [--set dev|test] [--data DIR]
      runs sverka on every article of the set (pre-split input: --langs de,fr,
      --split none, --mode parallel, --format vecalign) and prints the table;
  textberg.py --hunalign HUNALIGN_DIR [--set ...]
      runs hunalign (its binary and data/null.dic under HUNALIGN_DIR), its
      ladder turned into beads, and prints the table;
  textberg.py --test FILE... --gold FILE...
      scores files already written;
  textberg.py --self-test
      checks the counting on a small case worked out by hand (and with
      vecalign's score.py): P 0.400/0.800, R 0.333/1.000 strict/lax.
Dev is for development; test0-6 are for reporting only, scored together.
"""

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "data", "textberg-de-fr"))


def read_beads(path):
    """Beads of a vecalign-format file as (src tuple, tgt tuple)."""
    beads = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            fields = [x.strip() for x in line.split(":") if x.strip()]
            if len(fields) < 2:
                raise SystemExit("%s:%d: a bead needs two ':'-separated "
                                 "lists, got %r" % (path, number, line.strip()))
            try:
                src = ast.literal_eval(fields[0])
                tgt = ast.literal_eval(fields[1])
            except (ValueError, SyntaxError):
                raise SystemExit("%s:%d: cannot read the bead %r"
                                 % (path, number, line.strip()))
            beads.append((tuple(src), tuple(tgt)))
    return beads


def count(gold, test):
    """(strict tp, strict fp, lax tp, lax fp) of the test beads against gold."""
    test = {b for b in test if b[0] or b[1]}
    gold = {b for b in gold if b[0] or b[1]}
    gold_targets = {}
    for src, tgt in gold:
        for s in src:
            gold_targets.setdefault(s, set()).update(tgt)
    tps = fps = tpl = fpl = 0
    for src, tgt in test:
        if (src, tgt) in gold:
            tps += 1
            tpl += 1
            continue
        fps += 1
        reached = set()
        for s in src:
            reached |= gold_targets.get(s, set())
        if reached & set(tgt):
            tpl += 1
        else:
            fpl += 1
    return [tps, fps, tpl, fpl]


def ratio(a, b):
    return a / (a + b) if a + b else 0.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def score(golds, tests):
    pc = [0, 0, 0, 0]
    rc = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        pc = [a + b for a, b in zip(pc, count(gold, test))]
        both_gold = [b for b in gold if b[0] and b[1]]
        both_test = [b for b in test if b[0] and b[1]]
        rc = [a + b for a, b in zip(rc, count(both_test, both_gold))]
    ps, pl = ratio(pc[0], pc[1]), ratio(pc[2], pc[3])
    rs, rl = ratio(rc[0], rc[1]), ratio(rc[2], rc[3])
    return {"precision_strict": ps, "precision_lax": pl,
            "recall_strict": rs, "recall_lax": rl,
            "f1_strict": f1(ps, rs), "f1_lax": f1(pl, rl)}


def table(name, res):
    return ("| %-24s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |"
            % (name, res["precision_strict"], res["recall_strict"],
               res["f1_strict"], res["precision_lax"], res["recall_lax"],
               res["f1_lax"]))


HEADER = ("| %-24s | P str | R str | F1 str | P lax | R lax | F1 lax |\n"
          "|%s|-------|-------|--------|-------|-------|--------|"
          % ("aligner", "-" * 26))


def articles(data, which):
    names = ["dev"] if which == "dev" else ["test%d" % i for i in range(7)]
    for n in names:
        for ext in ("de", "fr", "defr"):
            p = os.path.join(data, "%s.%s" % (n, ext))
            if not os.path.exists(p):
                raise SystemExit("%s: missing; --data names the folder of "
                                 "the Text+Berg files" % p)
    return names


def run_sverka(binary, data, names, out, extra):
    tests = []
    for n in names:
        dst = os.path.join(out, n + ".sverka")
        cmd = [binary, "align", "-q", "--langs", "de,fr", "--split", "none",
               "--mode", "parallel", "--format", "vecalign", "-o", dst] + extra + [
               os.path.join(data, n + ".de"), os.path.join(data, n + ".fr")]
        r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise SystemExit("%s failed (%d): %s"
                             % (" ".join(cmd), r.returncode, r.stderr))
        tests.append(read_beads(dst))
    return tests


def ladder_to_beads(path, n_src, n_tgt):
    """hunalign's ladder (rungs "i<TAB>j<TAB>score") as beads."""
    rungs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                i, j = line.split("\t")[:2]
                rungs.append((int(i), int(j)))
    return ladder_to_beads_rungs(rungs, n_src, n_tgt)


def ladder_to_beads_rungs(rungs, n_src, n_tgt):
    """Beads between consecutive rungs (i, j), up to (n_src, n_tgt)."""
    rungs = list(rungs)
    if not rungs or rungs[-1] != (n_src, n_tgt):
        rungs.append((n_src, n_tgt))
    beads = []
    prev = (0, 0)
    for rung in rungs:
        if rung == prev:
            continue
        beads.append((tuple(range(prev[0], rung[0])),
                      tuple(range(prev[1], rung[1]))))
        prev = rung
    return beads


def hunalign_dictionary(lexicons, out):
    """sverka lexicons (german<TAB>french...) as hunalign's dictionary,
    "french @ german" a line (target phrase, then source phrase)."""
    path = os.path.join(out, "hunalign-de-fr.dic")
    with open(path, "w", encoding="utf-8") as dst:
        for lexicon in lexicons:
            with open(lexicon, encoding="utf-8") as src:
                for line in src:
                    f = line.rstrip("\n").split("\t")
                    if line.startswith("#") or len(f) < 2:
                        continue
                    dst.write("%s @ %s\n" % (f[1].strip(), f[0].strip()))
    return path


def run_hunalign(home, data, names, out, lexicons=None):
    home = os.path.abspath(home)
    out = os.path.abspath(out)
    data = os.path.abspath(data)
    binary = os.path.join(home, "src", "hunalign", "hunalign")
    if not os.path.exists(binary):
        binary = os.path.join(home, "hunalign")
    null_dic = os.path.join(home, "data", "null.dic")
    if lexicons:
        null_dic = hunalign_dictionary(lexicons, out)
    tests = []
    for n in names:
        src = os.path.join(data, n + ".de")
        tgt = os.path.join(data, n + ".fr")
        dst = os.path.join(out, n + (".dic" if lexicons else "") + ".ladder")
        with open(dst, "w") as f:
            # cwd: hunalign leaves a translate.txt where it runs
            r = subprocess.run([binary, null_dic, src, tgt], stdout=f, cwd=out,
                               stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise SystemExit("hunalign failed on %s: %s" % (n, r.stderr))
        with open(src, encoding="utf-8") as f:
            n_src = sum(1 for _ in f)
        with open(tgt, encoding="utf-8") as f:
            n_tgt = sum(1 for _ in f)
        tests.append(ladder_to_beads(dst, n_src, n_tgt))
    return tests


def self_test():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((), (3,)),
            ((3,), (4,))]
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), ()),
            ((3,), (3, 4))]
    # precision: [0]:[0] and [2]:[] strict; [1]:[1] and [3]:[3,4] lax
    # only; []:[2] neither.  recall (beads with both sides): [0]:[0]
    # strict, [1]:[1,2] and [3]:[4] lax only.
    assert count(gold, test) == [2, 3, 4, 1], count(gold, test)
    res = score([gold], [test])
    want = {"precision_strict": 0.4, "precision_lax": 0.8,
            "recall_strict": 1 / 3, "recall_lax": 1.0,
            "f1_strict": 2 * 0.4 / 3 / (0.4 + 1 / 3),
            "f1_lax": 1.6 / 1.8}
    for k, v in want.items():
        assert abs(res[k] - v) < 1e-12, (k, res[k], v)
    beads = ladder_to_beads_rungs([(0, 0), (1, 1), (1, 2), (3, 3)], 4, 4)
    assert beads == [((0,), (0,)), ((), (1,)), ((1, 2), (2,)),
                     ((3,), (3,))], beads
    print("ok: strict and lax counts of the worked case")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sverka", help="sverka binary to run")
    ap.add_argument("--hunalign", default=os.environ.get("HUNALIGN_DIR"),
                    help="hunalign source/build folder to run "
                    "(default: $HUNALIGN_DIR)")
    ap.add_argument("--hunalign-lexicon", action="append", default=[],
                    help="run hunalign a second time with these sverka lexicons "
                    "(german<TAB>french) as its dictionary (repeatable)")
    ap.add_argument("--set", choices=("dev", "test"), default="dev")
    ap.add_argument("--data", default=os.environ.get("TEXTBERG_DIR",
                                                     DEFAULT_DATA))
    ap.add_argument("--arg", action="append", default=[],
                    help="one more argument for sverka align (repeatable)")
    ap.add_argument("--keep", help="folder to keep the outputs in")
    ap.add_argument("--test", nargs="+")
    ap.add_argument("--gold", nargs="+")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()

    if args.self_test:
        self_test()
        return

    if args.test or args.gold:
        if not args.test or not args.gold or len(args.test) != len(args.gold):
            raise SystemExit("--test and --gold need as many files each")
        res = score([read_beads(g) for g in args.gold],
                    [read_beads(t) for t in args.test])
        print(HEADER)
        print(table("given", res))
        return
    if not args.sverka and not args.hunalign:
        raise SystemExit("give --sverka, --hunalign, or --test and --gold")
    names = articles(args.data, args.set)
    golds = [read_beads(os.path.join(args.data, n + ".defr")) for n in names]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or tmp
        os.makedirs(out, exist_ok=True)
        print("Text+Berg de-fr, %s (%s): %d gold beads"
              % (args.set, ", ".join(names), sum(len(g) for g in golds)))
        print(HEADER)
        if args.sverka:
            t0 = time.monotonic()
            tests = run_sverka(args.sverka, args.data, names, out, args.arg)
            sys.stdout.flush()
            print(table("sverka", score(golds, tests)))
            print("sverka: %.2f s" % (time.monotonic() - t0), file=sys.stderr)
        if args.hunalign:
            tests = run_hunalign(args.hunalign, args.data, names, out)
            print(table("hunalign (no dictionary)", score(golds, tests)))
            if args.hunalign_lexicon:
                tests = run_hunalign(args.hunalign, args.data, names, out,
                                     args.hunalign_lexicon)
                print(table("hunalign (dictionary)", score(golds, tests)))


if __name__ == "__main__":
    main()
