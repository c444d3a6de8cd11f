#!/usr/bin/env python3
"""Build document pairs for alignment evaluation from a line-aligned set.

For every document of the set this writes

    OUT/NAME/ru.txt    the Russian lines, one paragraph each ("\\n\\n" between)
    OUT/NAME/en.txt    the English lines, likewise
    OUT/NAME/gold.tsv  ru_line<TAB>en_line, 1-based paragraph numbers within
                       the document, one row per gold link

and OUT/info.json (the set, the options and the counts).  Lines may be
deleted on one side or both (--delete-frac; they lose their gold link) or adjacent
lines merged into one paragraph on one side (--merge-frac; the gold becomes
2-1), or a block of 1-4 paragraphs of one side moved elsewhere in its
document (--move-frac; the gold links cross, and NAME/moved.tsv records the
move).  --pairing builds pairs that are not translations: each document's
Russian side with the English side of another document (unrelated), or the
same text on both sides (untranslated copies); their gold.tsv is empty (and
no moved.tsv is written).  See README.md in this folder.

Python 3 standard library only.
"""

import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))

# name -> folder, ru file, en file, doc-id file, how to read a doc id from a
# line of the id file, whether the first line of the id file is a header,
# and the use ("develop" or "report": never tune on report sets).
SETS = {
    "ntrex": dict(
        folder="ntrex128",
        ru="newstest2019-ref.rus.txt", en="newstest2019-src.eng.txt",
        ids="DOCUMENT_IDS.tsv", col=0, header=False, use="develop",
        what="NTREX-128 newstest2019, en original -> ru"),
    "wmt22-enru": dict(
        folder="wmt22-generaltest-enru-ruen",
        ru="generaltest2022.en-ru.ref.A.ru", en="generaltest2022.en-ru.src.en",
        ids="generaltest2022.en-ru.docids.tsv", col=0, header=False, para_col=2,
        use="develop", what="WMT22 general test, en original -> ru"),
    "wmt22-ruen": dict(
        folder="wmt22-generaltest-enru-ruen",
        ru="generaltest2022.ru-en.src.ru", en="generaltest2022.ru-en.ref.A.en",
        ids="generaltest2022.ru-en.docids.tsv", col=0, header=False, para_col=2,
        use="develop", what="WMT22 general test, ru original -> en"),
    "wmt24": dict(
        folder="wmt24-generaltest-enru-paragraphs",
        ru="wmttest2024.en-ru.ref.refA.ru", en="wmttest2024.en-ru.src.en",
        ids="wmttest2024.en-ru.docs.tsv", col=1, header=False, use="develop",
        what="WMT24 general test, en original -> ru, paragraph segments"),
    "flores": dict(
        folder="flores200-devtest-eng-rus",
        ru="rus_Cyrl.devtest", en="eng_Latn.devtest",
        ids="metadata_devtest.tsv", col=0, header=True, use="develop",
        what="FLORES-200 devtest, article excerpts (doc = source URL)"),
    "tico19": dict(
        folder="tico19-test-en-ru",
        ru="tico19-test.ru", en="tico19-test.en",
        ids="tico19-test.en.info", col=0, split=":", header=False,
        use="develop", what="TICO-19 test, medical domain"),
    "wmt21-ruen": dict(
        folder="wmt21-newstest-ruen",
        ru="newstest2021.ru-en.src.ru", en="newstest2021.ru-en.ref.A.en",
        ids="newstest2021.ru-en.docids.tsv", col=0, header=False,
        use="report", what="WMT21 newstest, ru original -> en (ref A)"),
    "wmt23-ruen": dict(
        folder="wmt23-generaltest-ruen",
        ru="generaltest2023.ru-en.src.ru", en="generaltest2023.ru-en.ref.refA.en",
        ids="generaltest2023.ru-en.docids.tsv", col=0, header=False, para_col=2,
        use="report", what="WMT23 general test, ru original -> en"),
}


def read_lines(path):
    """The lines of PATH, without line ends (LF or CRLF) and without a BOM."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\n|\r", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_docids(spec, path):
    """The document id of each line, and its paragraph id (None when the set
    has no paragraph column)."""
    ids, paras = [], []
    lines = read_lines(path)
    if spec["header"]:
        lines = lines[1:]
    for line in lines:
        f = line.split("\t")
        v = f[spec["col"]].strip()
        if spec.get("split"):
            v = v.split(spec["split"])[0]
        ids.append(v)
        paras.append(f[spec["para_col"]].strip() if "para_col" in spec else None)
    return ids, paras


def clean(line):
    """A line as a paragraph: no leading/trailing white space."""
    return line.strip()


def documents(spec, data):
    """[(docid, [(ru_line, en_line, paragraph_id), ...]), ...] in the order
    of the set (paragraph_id None where the set has none)."""
    base = os.path.join(data, spec["folder"])
    ru = read_lines(os.path.join(base, spec["ru"]))
    en = read_lines(os.path.join(base, spec["en"]))
    ids, paras = read_docids(spec, os.path.join(base, spec["ids"]))
    if not (len(ru) == len(en) == len(ids)):
        sys.exit("make_pairs: %s: line counts differ: ru %d, en %d, ids %d"
                 % (spec["folder"], len(ru), len(en), len(ids)))
    docs = []
    for r, e, d, p in zip(ru, en, ids, paras):
        if not docs or docs[-1][0] != d:
            docs.append((d, []))
        docs[-1][1].append((clean(r), clean(e), p))
    return docs


def safe_name(s):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", s).strip("._") or "doc"


def build(docs, args):
    """Apply empty-line skipping, deletion, merging and moving.

    Returns [[docid, pairs, ru_units, en_units(, move)]] where a unit is
    the list of the original line indices (within the document) that make
    one output paragraph; gold links follow from shared indices; a moved
    document has a fifth item, the move (see move_block()).
    """
    rng = random.Random(args.seed)
    stats = dict(lines=0, empty_pairs=0, empty_ru=0, empty_en=0,
                 deleted=0, merged=0, moved=0, moved_units=0, moved_end=0,
                 moved_start=0, moved_near=0)
    out = []
    for docid, pairs in docs:
        ru_units, en_units = [], []
        for i, (r, e, _) in enumerate(pairs):
            if not r and not e:
                stats["empty_pairs"] += 1
                continue
            # A line empty on one side only: the other side's line stays,
            # without a gold link (like a deleted line).
            if r:
                ru_units.append([i])
            else:
                stats["empty_ru"] += 1
            if e:
                en_units.append([i])
            else:
                stats["empty_en"] += 1
        out.append([docid, pairs, ru_units, en_units])
        stats["lines"] += len(pairs)

    # Deletion: one sample over all candidate lines of the selected documents,
    # for each side deleted from (with "both", a sample of its own for each:
    # the deleted lines leave lines without counterpart on both sides, at
    # different places, where any match between them is chance).
    sides = {"ru": [2], "en": [3], "both": [2, 3]}[args.delete_side]
    for side in (sides if args.delete_frac > 0 else []):
        cands = [(d, u) for d, doc in enumerate(out) for u in range(len(doc[side]))]
        k = int(round(args.delete_frac * len(cands)))
        chosen = set(rng.sample(cands, k)) if k else set()
        for d, doc in enumerate(out):
            units = doc[side]
            keep = [u for j, u in enumerate(units) if (d, j) not in chosen]
            if not keep and units:      # never empty a document's side
                keep = [units[0]]
            stats["deleted"] += len(units) - len(keep)
            doc[side] = keep

    # Merging: join a paragraph with the next one, each paragraph in at most
    # one merge, so every merge gives a 2-1 gold bead.
    if args.merge_frac > 0:
        side = 2 if args.merge_side == "ru" else 3
        cands = [(d, j) for d, doc in enumerate(out) for j in range(len(doc[side]) - 1)]
        total = sum(len(doc[side]) for doc in out)
        k = int(round(args.merge_frac * total))
        rng.shuffle(cands)
        used, merges = set(), set()
        for d, j in cands:
            if len(merges) >= k:
                break
            if (d, j) in used or (d, j + 1) in used:
                continue
            used.update([(d, j), (d, j + 1)])
            merges.add((d, j))
        for d, doc in enumerate(out):
            units, new, j = doc[side], [], 0
            while j < len(units):
                if (d, j) in merges:
                    new.append(units[j] + units[j + 1])
                    j += 2
                else:
                    new.append(units[j])
                    j += 1
            doc[side] = new
        stats["merged"] = len(merges)

    # Moving: in a share of the documents, a block of 1-4 consecutive
    # paragraphs of one side goes elsewhere in the document.
    if args.move_frac > 0:
        side = 2 if args.move_side == "ru" else 3
        eligible = [d for d, doc in enumerate(out) if len(doc[side]) >= 3]
        k = int(round(args.move_frac * len(eligible)))
        chosen = sorted(rng.sample(eligible, k)) if k else []
        for d in chosen:
            doc = out[d]
            doc[side], move = move_block(doc[side], rng, args.move_max)
            doc.append(move)
            stats["moved"] += 1
            stats["moved_units"] += move["n"]
            stats["moved_" + move["where"]] += 1
    return out, stats


def derangement(n, seed):
    """A permutation of range(n) with no fixed point, drawn with a generator
    of its own (so that --pairing does not change the deletions)."""
    if n < 2:
        sys.exit("make_pairs: --pairing unrelated needs at least two documents")
    rng = random.Random("unrelated-%d" % seed)
    perm = list(range(n))
    rng.shuffle(perm)
    for i in range(n):
        if perm[i] == i:
            j = (i + 1) % n
            perm[i], perm[j] = perm[j], perm[i]
    assert all(perm[i] != i for i in range(n))
    return perm


def pair_sides(built, pairing, seed):
    """For each document, (docid, ru_pairs, ru_units, ru_side, en_pairs,
    en_units, en_side, gold, move): where each side's text comes from (the
    pairs and units of a document, and which side of them: 0 Russian, 1
    English), whether gold links exist (only when the two sides are a
    translation of each other), and the block moved in it (--move-frac; None
    when none was, or when the pair is not a translation)."""
    out = []
    perm = derangement(len(built), seed) if pairing == "unrelated" else None
    for d, (docid, pairs, ru_units, en_units, *moved) in enumerate(built):
        move = moved[0] if moved else None
        if pairing == "translation":
            out.append((docid, pairs, ru_units, 0, pairs, en_units, 1, True, move))
        elif pairing == "unrelated":
            other = built[perm[d]]
            out.append(("%s+%s" % (docid, other[0]), pairs, ru_units, 0, other[1], other[3], 1,
                        False, None))
        elif pairing == "untranslated-ru":
            out.append((docid, pairs, ru_units, 0, pairs, ru_units, 0, False, None))
        else:  # untranslated-en
            out.append((docid, pairs, en_units, 1, pairs, en_units, 1, False, None))
    return out


def move_block(units, rng, max_len):
    """UNITS with a block of 1..MAX_LEN consecutive units moved: to the end,
    to the start, or 2-5 units forward or back ("near"), past at least two
    other units (a block swapped with a single neighbour is left to the
    2-2 beads).  Returns the new list and the move: where ("end", "start",
    "near"), n (the block's length), src and dst (0-based index of the
    block's first unit before and after), and the block's units."""
    n = len(units)
    while True:
        size = rng.randint(1, min(max_len, n - 2))
        src = rng.randint(0, n - size)
        rest = n - size             # the units that stay; the block goes
        # before rest[dst] (dst = rest: at the end), past |dst - src| units
        kinds = []
        if rest - src >= 2:
            kinds.append("end")
        if src >= 2:
            kinds.append("start")
        near = [src + x for x in (-5, -4, -3, -2, 2, 3, 4, 5) if 0 <= src + x <= rest]
        if near:
            kinds.append("near")
        if not kinds:
            continue
        where = rng.choice(kinds)
        dst = rest if where == "end" else 0 if where == "start" else rng.choice(near)
        break
    block = units[src:src + size]
    others = units[:src] + units[src + size:]
    passed = others[min(src, dst):max(src, dst)]
    return (others[:dst] + block + others[dst:],
            dict(where=where, n=size, src=src, dst=dst, block=[list(u) for u in block],
                 passed=[list(u) for u in passed]))


MOVED_HEADER = ("side\tru_first\tru_last\ten_first\ten_last\twhere"
                "\tpassed_ru_first\tpassed_ru_last\tpassed_en_first\tpassed_en_last\n")


def moved_rows(move, ru_units, en_units, side):
    """The move as a row of moved.tsv: the moved side, the 1-based gold
    line numbers (first, last) of the block on each side after the move (on
    the moved side its units, on the other the units holding their
    counterparts; 0 0 when none has one), where it went, and the same for
    the units it passed over: moving them the other way is the same move."""
    def span(units_of):
        lines = set(i for u in units_of for i in u)
        ru = [k for k, u in enumerate(ru_units, 1) if lines & set(u)]
        en = [k for k, u in enumerate(en_units, 1) if lines & set(u)]
        return (min(ru, default=0), max(ru, default=0), min(en, default=0), max(en, default=0))
    return "%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%d\n" % (
        (side,) + span(move["block"]) + (move["where"],) + span(move["passed"]))


def gold_links(ru_units, en_units):
    where_en = {}
    for k, u in enumerate(en_units, 1):
        for i in u:
            where_en[i] = k
    links = set()
    for k, u in enumerate(ru_units, 1):
        for i in u:
            if i in where_en:
                links.add((k, where_en[i]))
    return sorted(links)


def unit_texts(pairs, units, side):
    return [" ".join(pairs[i][side] for i in u) for u in units]


def text_of(pairs, units, side, layout, lines=False):
    """The side's text: with layout "line" one paragraph per unit; "real"
    the units of one paragraph of the set (that of a unit's first line)
    joined by a space (or, with @lines, each on a line of its own); "doc"
    all units in one paragraph."""
    texts = unit_texts(pairs, units, side)
    paras = []
    for u, t in zip(units, texts):
        key = (u[0] if layout == "line" else pairs[u[0]][2] if layout == "real" else 0)
        if paras and paras[-1][0] == key:
            paras[-1][1].append(t)
        else:
            paras.append((key, [t]))
    paras = [("\n" if lines else " ").join(ts) for _, ts in paras]
    return "\n\n".join(paras) + "\n" if paras else ""


def main():
    ap = argparse.ArgumentParser(
        description="Write ru.txt, en.txt and gold.tsv for each document of a line-aligned set.")
    ap.add_argument("out", metavar="OUT", help="output folder (created; must be empty or absent)")
    ap.add_argument("--set", required=True, choices=sorted(SETS),
                    help="the data set (wmt21-ruen, wmt23-ruen: report only, never tune on them)")
    ap.add_argument("--data", default=DEFAULT_DATA,
                    help="the shared data folder (default: %(default)s)")
    ap.add_argument("--delete-frac", type=float, default=0.0,
                    help="fraction of lines to delete on --delete-side (on each side with "
                         "both; default 0)")
    ap.add_argument("--delete-side", choices=("ru", "en", "both"), default="ru",
                    help="the side to delete from, or both (a sample of its own for each)")
    ap.add_argument("--merge-frac", type=float, default=0.0,
                    help="fraction of paragraphs on --merge-side to merge with the next one")
    ap.add_argument("--merge-side", choices=("ru", "en"), default="en")
    ap.add_argument("--move-frac", type=float, default=0.0,
                    help="fraction of the documents (of those with at least 3 paragraphs on "
                         "--move-side) in which a block of 1 to --move-max paragraphs is moved "
                         "elsewhere: to the end, to the start, or 2-5 paragraphs away")
    ap.add_argument("--move-side", choices=("ru", "en"), default="ru")
    ap.add_argument("--move-max", type=int, default=4,
                    help="the longest block moved, in paragraphs (default 4)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--limit-docs", type=int, default=0, help="only the first N documents")
    ap.add_argument("--paragraphs", choices=("line", "real", "real-lines", "doc", "doc-lines"),
                    default="line",
                    help="line: each line of the set a paragraph (default); real: the set's own "
                         "paragraphs, their lines joined as running text by a space (sets with "
                         "a paragraph column: wmt22-*, wmt23-ruen); doc: each document one "
                         "paragraph; real-lines, doc-lines: the same paragraphs, each line of "
                         "the set on a line of its own. Except with line, ru.units and en.units "
                         "give each gold unit's text")
    ap.add_argument("--pairing",
                    choices=("translation", "unrelated", "untranslated-ru", "untranslated-en"),
                    default="translation",
                    help="translation: each document with its translation (default); unrelated: "
                         "each document's Russian side with the English side of another "
                         "document, a derangement drawn with --seed; untranslated-ru: the "
                         "Russian text on both sides; untranslated-en: the English text on both "
                         "sides. Pairs that are not translations have an empty gold.tsv")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()

    for name in ("delete_frac", "merge_frac"):
        v = getattr(args, name)
        if not 0.0 <= v < 1.0:
            ap.error("--%s must be in [0, 1)" % name.replace("_", "-"))
    if not 0.0 <= args.move_frac <= 1.0:
        ap.error("--move-frac must be in [0, 1]")
    if args.move_max < 1:
        ap.error("--move-max must be at least 1")
    spec = SETS[args.set]
    if args.paragraphs.startswith("real") and "para_col" not in spec:
        ap.error("--paragraphs real: %s has no paragraph ids (wmt22-enru, wmt22-ruen and "
                 "wmt23-ruen have)" % args.set)
    if spec["use"] == "report" and not args.quiet:
        print("make_pairs: %s is a report-only set: measure and report, never tune on it"
              % args.set, file=sys.stderr)

    docs = documents(spec, args.data)
    if args.limit_docs > 0:
        docs = docs[:args.limit_docs]
    built, stats = build(docs, args)

    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit("make_pairs: %s exists and is not empty" % args.out)
    os.makedirs(args.out, exist_ok=True)
    width = max(3, len(str(len(built))))
    names, ngold, nru, nen = [], 0, 0, 0
    for n, (docid, ru_pairs, ru_units, ru_k, en_pairs, en_units, en_k, linked, move) in enumerate(
            pair_sides(built, args.pairing, args.seed), 1):
        name = "%0*d-%s" % (width, n, safe_name(docid))
        d = os.path.join(args.out, name)
        os.makedirs(d)
        for side, pairs, units, k in (("ru", ru_pairs, ru_units, ru_k),
                                      ("en", en_pairs, en_units, en_k)):
            with open(os.path.join(d, side + ".txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text_of(pairs, units, k, args.paragraphs.replace("-lines", ""),
                                args.paragraphs.endswith("-lines")))
            if args.paragraphs != "line":
                with open(os.path.join(d, side + ".units"), "w", encoding="utf-8",
                          newline="\n") as f:
                    f.write("".join(t + "\n" for t in unit_texts(pairs, units, k)))
        links = gold_links(ru_units, en_units) if linked else []
        with open(os.path.join(d, "gold.tsv"), "w", encoding="utf-8", newline="\n") as f:
            for a, b in links:
                f.write("%d\t%d\n" % (a, b))
        names.append(dict(name=name, docid=docid, ru_lines=len(ru_units),
                          en_lines=len(en_units), gold_links=len(links)))
        if move:
            row = moved_rows(move, ru_units, en_units, args.move_side)
            with open(os.path.join(d, "moved.tsv"), "w", encoding="utf-8", newline="\n") as f:
                f.write(MOVED_HEADER + row)
            names[-1]["moved"] = row.rstrip("\n").split("\t")
        ngold += len(links)
        nru += len(ru_units)
        nen += len(en_units)

    label = args.set
    if args.delete_frac > 0:
        label += "+del-%s%g/s%d" % (args.delete_side, args.delete_frac, args.seed)
    if args.merge_frac > 0:
        label += "+merge-%s%g/s%d" % (args.merge_side, args.merge_frac, args.seed)
    if args.move_frac > 0:
        label += "+move-%s%g/s%d" % (args.move_side, args.move_frac, args.seed)
    if args.paragraphs != "line":
        label += "+para-" + args.paragraphs
    if args.pairing != "translation":
        label += "+" + args.pairing
    info = dict(set=args.set, label=label, use=spec["use"], what=spec["what"],
                source=os.path.join(spec["folder"], "SOURCE.txt"),
                delete_frac=args.delete_frac, delete_side=args.delete_side,
                merge_frac=args.merge_frac, merge_side=args.merge_side,
                move_frac=args.move_frac, move_side=args.move_side, move_max=args.move_max,
                seed=args.seed, limit_docs=args.limit_docs, paragraphs=args.paragraphs,
                pairing=args.pairing,
                documents=len(built), ru_lines=nru, en_lines=nen,
                gold_links=ngold, stats=stats, docs=names)
    with open(os.path.join(args.out, "info.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if not args.quiet:
        print("make_pairs: %s: %d documents, %d ru / %d en paragraphs, %d gold links"
              " (deleted %d, merged %d, moved %d, empty pairs %d) -> %s"
              % (label, len(built), nru, nen, ngold, stats["deleted"],
                 stats["merged"], stats["moved"], stats["empty_pairs"], args.out),
              file=sys.stderr)


if __name__ == "__main__":
    main()
