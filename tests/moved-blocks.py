#!/usr/bin/env python3
"""Moved blocks in parallel mode, on pairs built from tests/notes. Prints TAP.

Usage: moved-blocks.py SVERKA SOURCE_ROOT

The clean pairs of tests/notes are translated sentence for sentence (the
same number of sentences on both sides, sentence k translating sentence
k), so a pair with a block of sentences moved on one side has a known
alignment. Each pair below is two clean pairs put end to end, one sentence
per paragraph, with a block moved on one side: a paragraph to the end, a
single sentence to the start, a block a few sentences away. For each,
`sverka align --mode parallel` must
- keep every sentence once, rows in Russian order, the English order broken
  by the moved rows only (tests/check-output.py with the JSON Lines);
- link the moved sentences in beads flagged as moved (JSON Lines
  "moved_block"), one block, and those beads must be exactly the moved
  sentences' own links;
- write no omission or addition note for a moved sentence, and one
  "moved" note (a warning) on exactly the block's sentences.
Two pairs must get no moved block at all: two unrelated texts, and a text
whose Russian side ends and English side starts with two different
unrelated texts (the runs of sentences without counterpart cross there, and
chance matches between them must not be taken for a move).
"""
import json
import os
import subprocess
import sys
import tempfile

sverka, src = sys.argv[1], sys.argv[2]
NOTES = os.path.join(src, "tests", "notes")
CHECK = os.path.join(src, "tests", "check-output.py")

n = 0
failed = 0


def check(ok, desc, detail=""):
    global n, failed
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {desc}")
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print(f"# {line}")


def sentences(path):
    out = subprocess.run([sverka, "segment", "-q", path], capture_output=True, text=True,
                         check=True)
    return out.stdout.splitlines()


def clean_pair(name):
    """The sentences of tests/notes/clean-NAME.{ru,en} (or, for "vienna",
    tests/notes-cases/mixed/vienna-clean.{ru,en}; for "support-chat",
    tests/moved-blocks/support-chat.{ru,en}), one list per side."""
    base = (os.path.join(src, "tests", "notes-cases", "mixed", "vienna-clean") if name == "vienna"
            else os.path.join(src, "tests", "moved-blocks", name) if name == "support-chat"
            else os.path.join(NOTES, f"clean-{name}"))
    ru = sentences(base + ".ru")
    en = sentences(base + ".en")
    assert len(ru) == len(en), name
    return ru, en


def move(items, first, count, to):
    """ITEMS with items[first:first+count] moved to index TO of the rest."""
    block = items[first:first + count]
    rest = items[:first] + items[first + count:]
    return rest[:to] + block + rest[to:]


def write(d, side, sents):
    path = os.path.join(d, side + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(sents) + "\n")
    return path


def align(d, ru, en):
    out = os.path.join(d, "out")
    p = subprocess.run([sverka, "align", "-q", "--mode", "parallel", "--out-dir", out, ru, en],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"sverka align: exit {p.returncode}: {p.stderr}")
    with open(os.path.join(out, "alignment.jsonl"), encoding="utf-8") as f:
        beads = [json.loads(line) for line in f]
    with open(os.path.join(out, "notes.tsv"), encoding="utf-8") as f:
        notes = [line.rstrip("\n").split("\t") for line in f][1:]
    return out, beads, notes


def nothing_lost(d, out, ru, en):
    """check-output.py on the TSV, with the JSON Lines for the moved rows."""
    ids = {}
    for side, path in (("ru", ru), ("en", en)):
        with open(os.path.join(d, side + ".ids"), "w") as fo, \
                open(os.path.join(d, side + ".err"), "w") as fe:
            subprocess.run([sverka, "segment", "--ids", "--show-trimmed", "--lang", side, path],
                           stdout=fo, stderr=fe, check=True)
        ids[side] = os.path.join(d, side + ".ids")
    p = subprocess.run([sys.executable, CHECK, "align", "--jsonl",
                        os.path.join(out, "alignment.jsonl"), os.path.join(out, "alignment.tsv"),
                        "parallel", ids["ru"], ids["en"], ru, os.path.join(d, "ru.err"), en,
                        os.path.join(d, "en.err")], capture_output=True, text=True)
    return p.returncode == 0, p.stderr


def moved_case(name, pairs, side, first, count, to):
    """Pairs PAIRS put end to end, sentences [FIRST, FIRST+COUNT) of SIDE
    moved to index TO of the rest."""
    ru, en = [], []
    for p in pairs:
        r, e = clean_pair(p)
        ru += r
        en += e
    order = list(range(len(ru)))            # order[k]: the original sentence at place k
    moved = move(order, first, count, to)
    where = {o: k + 1 for k, o in enumerate(moved)}   # original index -> 1-based id after
    if side == "ru":
        ru = [ru[o] for o in moved]
        gold = {(where[k], k + 1) for k in range(len(en))}
        block = {(where[k], k + 1) for k in range(first, first + count)}
    else:
        en = [en[o] for o in moved]
        gold = {(k + 1, where[k]) for k in range(len(ru))}
        block = {(k + 1, where[k]) for k in range(first, first + count)}
    with tempfile.TemporaryDirectory() as d:
        rp, ep = write(d, "ru", ru), write(d, "en", en)
        out, beads, notes = align(d, rp, ep)
        ok, why = nothing_lost(d, out, rp, ep)
        check(ok, f"{name}: every sentence once, the order broken by moved rows only", why)
        got = {(r, e) for b in beads if b.get("moved_block") for r in b["ru_ids"]
               for e in b["en_ids"]}
        blocks = {b["moved_block"] for b in beads if b.get("moved_block")}
        check(got == block and blocks == {1},
              f"{name}: one moved block, linking exactly the {count} moved sentence(s)",
              f"expected {sorted(block)}\ngot {sorted(got)} in blocks {sorted(blocks)}")
        links = {(r, e) for b in beads for r in b["ru_ids"] for e in b["en_ids"]}
        check(links == gold, f"{name}: every link right",
              f"missed {sorted(gold - links)}\nwrong {sorted(links - gold)}")
        ru_moved = {r for r, _ in block}
        en_moved = {e for _, e in block}
        bad = [nt for nt in notes if nt[0] in ("omission", "addition")
               and ({int(x) for x in nt[2].split(",") if x} & ru_moved
                    or {int(x) for x in nt[3].split(",") if x} & en_moved)]
        check(not bad, f"{name}: no omission or addition note for a moved sentence",
              "\n".join("\t".join(nt[:4]) for nt in bad))
        ids = lambda f: {int(x) for x in f.split(",") if x}
        mv = [nt for nt in notes if nt[0] == "moved"]
        span = lambda xs: f"{min(xs)}" if min(xs) == max(xs) else f"{min(xs)}-{max(xs)}"
        want = f"moved block: ru {span(ru_moved)} <-> en {span(en_moved)}"
        check(len(mv) == 1 and ids(mv[0][2]) == ru_moved and ids(mv[0][3]) == en_moved
              and mv[0][1] == "warning" and mv[0][-1] == want,
              f"{name}: one moved note (warning), on the block's sentences: {want}",
              "\n".join("\t".join(nt) for nt in mv) or "no moved note")


def no_move_case(name, ru_parts, en_parts):
    """Sides made of the given sides of clean pairs: no moved block."""
    ru = [s for p, _ in ru_parts for s in clean_pair(p)[0]]
    en = [s for p, _ in en_parts for s in clean_pair(p)[1]]
    with tempfile.TemporaryDirectory() as d:
        rp, ep = write(d, "ru", ru), write(d, "en", en)
        out, beads, notes = align(d, rp, ep)
        ok, why = nothing_lost(d, out, rp, ep)
        check(ok, f"{name}: every sentence once and in order", why)
        moved = [b for b in beads if b.get("moved_block")]
        check(not moved, f"{name}: no moved block out of chance matches",
              "\n".join(f"ru {b['ru_ids']} en {b['en_ids']}: {b['ru'][:60]} | {b['en'][:60]}"
                        for b in moved))
        mv = [nt for nt in notes if nt[0] == "moved"]
        check(not mv, f"{name}: no moved note", "\n".join("\t".join(nt) for nt in mv))


print("TAP version 13")
# A paragraph of two sentences moved to the end (English side).
moved_case("paragraph to the end", ["nato-article-afghanistan", "nato-article-summits"],
           "en", 2, 2, 17)
# One sentence moved to the start (Russian side).
moved_case("one sentence to the start", ["lavrov-meeting", "stoltenberg-interview-lead"],
           "ru", 6, 1, 0)
# Three sentences moved four sentences on (Russian side).
moved_case("three sentences a few on", ["stoltenberg-interview-lead", "nato-article-summits"],
           "ru", 3, 3, 7)
# A short text of short sentences (a support chat, written for this test):
# its first sentence moved to the end (Russian side). The two sentences
# match at 7 units of weight, under what a one-bead block of longer
# sentences needs, but the monotonic pass left both alone and nothing else
# it left alone shares a word with them.
moved_case("a short sentence of a short text to the end", ["support-chat"], "ru", 0, 1, 4)
# A greeting of two words ("Добро пожаловать!") moved to the start
# (Russian side): too short for the evidence a one-bead block of longer
# sentences needs; both left alone by the monotonic pass.
moved_case("a greeting to the start",
           ["lavrov-meeting", "brussels-press-conference"], "ru", 2, 1, 0)
# Blocks whose edge sentence the monotonic pass pushed into a neighbour's
# bead: the block stopped short of it before it grew at its edges. Two
# sentences moved two on (Russian side); the second is held by the bead
# of the sentence before the block's new place.
moved_case("two sentences a few on, one held by a neighbour",
           ["nato-article-summits", "nato-article-afghanistan"], "ru", 2, 2, 4)
# Three sentences moved to the start (English side); the third is held by
# the bead of the text's first Russian sentence.
moved_case("three sentences to the start, one held by a neighbour",
           ["lavrov-meeting", "brussels-press-conference"], "en", 15, 3, 0)
# Texts of one field (diplomacy) but not one event. (All the texts here
# are about Azerbaijan and NATO: two that tell the same facts, as the
# Afghanistan passages of the NATO article and of the Stoltenberg interview
# do, may rightly get a moved block between them.)
no_move_case("two unrelated texts", [("lavrov-meeting", "ru"), ("vienna", "ru")],
             [("nato-article-afghanistan", "en"), ("stoltenberg-interview-gas", "en")])
# Russian: A then B; English: C then A. B and C are runs without
# counterpart that cross the links of A, and share words by chance.
no_move_case("unrelated runs that cross", [("nato-article-summits", "ru"), ("lavrov-meeting", "ru")],
             [("stoltenberg-interview-lead", "en"), ("nato-article-summits", "en")])
# The same; here foreign ministers meeting in Vienna and foreign ministers
# meeting in Baku give a two-sentence candidate with no strong pair in it.
no_move_case("unrelated runs that cross, again",
             [("stoltenberg-interview-lead", "ru"), ("vienna", "ru")],
             [("lavrov-meeting", "en"), ("stoltenberg-interview-lead", "en")])
print(f"1..{n}")
sys.exit(1 if failed else 0)
