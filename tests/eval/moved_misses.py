#!/usr/bin/env python3
"""Classify how the aligner handles the moves of make_pairs.py --move-frac.

For every pair folder of PAIRS with a moved.tsv, run the aligner (TSV and
notes, page furniture trimmed as score.py --trim does), and sort each move:

  reported      exactly one "moved" note, covering exactly the block (or
                the stretch it passed over)
  wrong         "moved" notes on it, but not exactly one covering it: part
                of the block, more than it, or several notes
  missed        no "moved" note on it; then by what the aligner did with
                the block's sentences (the block reading), on each side:
                  loose     every sentence of that side in a bead with
                            nothing on the other side (1-0 or 0-1)
                  absorbed  some in a bead with sentences of the other
                            side and with sentences outside the block on
                            their own side (a neighbour's n-1 bead)
                  linked    in beads of their own with the other side
                            (a wrong 1-1 crossing nothing, or a right link
                            the DP found: the block is next to where it was)
and by the block's size (sentences on the Russian and English side).

It also counts the omission and addition notes on moved sentences, and the
gold link errors (missing and wrong links) that touch a moved line, against
all of them.  Prints one line per move that is not reported (with
--verbose, every move) and a summary.

Python 3 standard library only; uses score.py's readers.
"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def run(sverka, d, mode):
    fd, notes = tempfile.mkstemp(prefix="sverka-mm-", suffix=".tsv")
    os.close(fd)
    try:
        p = subprocess.run([sverka, "align", "--mode", mode, "--notes", notes,
                            os.path.join(d, "ru.txt"), os.path.join(d, "en.txt")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        beads = score.parse_tsv(p.stdout.decode("utf-8", "replace"), d)
        nt = score.read_notes(notes, d)
    finally:
        os.unlink(notes)
    return beads, nt


def fate(beads, side_ids_in_block, side, ru_at, en_at):
    """What the beads did with the block's sentences of one side."""
    kinds = set()
    for ru_ids, en_ids, _, _, _ in beads:
        mine, other = (ru_ids, en_ids) if side == "ru" else (en_ids, ru_ids)
        inside = [i for i in mine if i in side_ids_in_block]
        if not inside:
            continue
        if not other:
            kinds.add("loose")
        elif len(inside) < len(mine):
            kinds.add("absorbed")
        else:
            kinds.add("linked")
    for k in ("absorbed", "linked", "loose"):
        if k in kinds:
            return k
    return "none"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pairs")
    ap.add_argument("--sverka", default=score.DEFAULT_SVERKA)
    ap.add_argument("--mode", default="parallel")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    tot = collections.Counter()
    cls = collections.Counter()
    for d in score.find_docs(args.pairs):
        mpath = os.path.join(d, "moved.tsv")
        if not os.path.isfile(mpath):
            continue
        ru_s = score.segment(args.sverka, os.path.join(d, "ru.txt"), keep_all=False)
        en_s = score.segment(args.sverka, os.path.join(d, "en.txt"), keep_all=False)
        ru_at = score.sentence_units(d, "ru", os.path.join(d, "ru.txt"), ru_s)
        en_at = score.sentence_units(d, "en", os.path.join(d, "en.txt"), en_s)
        gold = score.read_gold(os.path.join(d, "gold.tsv"))
        beads, notes = run(args.sverka, d, args.mode)
        pred = set()
        for ru_ids, en_ids, _, _, _ in beads:
            for i in ru_ids:
                for j in en_ids:
                    pred |= {(a, b) for a in ru_at[i - 1] for b in en_at[j - 1]}

        def lines(ids, at):
            return set().union(*(at[i - 1] for i in ids if 1 <= i <= len(at)))
        moved_notes = [(lines(r, ru_at), lines(e, en_at)) for k, r, e in notes if k == "moved"]
        moves = score.read_moves(mpath)
        moved_ru, moved_en = set(), set()
        for readings in moves:
            bru, ben = readings[0]
            moved_ru |= bru
            moved_en |= ben
            on = [i for i, (nr, ne) in enumerate(moved_notes)
                  if any(nr & ru or ne & en for ru, en in readings)]
            exact = [i for i in on if moved_notes[i] in readings]
            ids_ru = {i + 1 for i, u in enumerate(ru_at) if u & bru}
            ids_en = {i + 1 for i, u in enumerate(en_at) if u & ben}
            size = "%d-%d" % (len(ids_ru), len(ids_en))
            om = sum(1 for k, r, e in notes if k in ("omission", "addition")
                     and (lines(r, ru_at) & bru or lines(e, en_at) & ben))
            tot["moves"] += 1
            tot["om_add"] += om
            if len(on) == 1 and exact:
                c = "reported"
            elif on:
                c = "wrong"
            else:
                c = "missed:ru-%s,en-%s" % (fate(beads, ids_ru, "ru", ru_at, en_at),
                                            fate(beads, ids_en, "en", ru_at, en_at))
            single = "one-sentence" if len(ids_ru) == 1 and len(ids_en) == 1 else "longer"
            cls[(c, single)] += 1
            tot["om_add_" + ("reported" if c == "reported" else "other")] += om
            if args.verbose or c != "reported" or om:
                print("%s\t%s\tru %s en %s\tsize %s\tom/add %d" % (
                    os.path.basename(d), c, sorted(bru), sorted(ben), size, om))
        fn = gold - pred
        fp = pred - gold
        tot["fn"] += len(fn)
        tot["fp"] += len(fp)
        tot["fn_moved"] += sum(1 for a, b in fn if a in moved_ru or b in moved_en)
        tot["fp_moved"] += sum(1 for a, b in fp if a in moved_ru or b in moved_en)
        tot["moved_elsewhere"] += sum(
            1 for nr, ne in moved_notes
            if not any(nr & ru or ne & en for rd in moves for ru, en in rd))
    print("moves %d" % tot["moves"])
    for (c, single), n in sorted(cls.items(), key=lambda x: (-x[1], x[0])):
        print("  %-40s %-13s %d" % (c, single, n))
    print("omission/addition notes on moved lines: %d (on reported moves %d, on others %d)"
          % (tot["om_add"], tot["om_add_reported"], tot["om_add_other"]))
    print("link errors: missing %d (touching a moved line %d), wrong %d (touching a moved line %d)"
          % (tot["fn"], tot["fn_moved"], tot["fp"], tot["fp_moved"]))
    print("moved notes on no known move: %d" % tot["moved_elsewhere"])


if __name__ == "__main__":
    main()
