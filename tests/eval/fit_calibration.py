#!/usr/bin/env python3
"""Fit the scores of parallel mode: the constants of align/sverka-calibrate.c.

Usage:
  fit_calibration.py [--evidence BIN] [--dict-dir DIR] [--lexicon FILE]...
                     [--data DIR] [--work DIR] [-j N] [--write]

Builds the development pairs (make_pairs.py: each set clean, with 10% of
the lines deleted on either side, with 10% of the paragraphs merged on
either side, and as unrelated and untranslated pairs), runs
tests/calib-evidence on them (the evidence and the features behind each
row's score, in parallel mode with --keep-all, as `sverka align` computes
them), and fits by maximum likelihood:

- the logistic model of a bead with both sides being right (every link
  of its sentences a gold link: see calibration.py) on the rows of the
  pairs whose verdict is translation or comparable;
- the logistic model of a sentence alone having no counterpart, likewise;
- for each, an isotonic map of the logistic's output to the share right
  (pool adjacent violators, blocks of 40 rows or more, Laplace's rule in
  each): a logistic of a few features overstates the middle of the scale;
- for pairs judged unrelated or untranslated, the share of right beads and
  of sentences alone without counterpart, with one success and one failure
  added (Laplace's rule);
- for the verdict (align/sverka-verdict.c), the log ratio of each bin of a
  Russian sentence's best similarity, translation against unrelated texts.

The sets form two folds, each with long and short documents: ntrex,
FLORES-200 and wmt22 (ru->en); wmt22 (en->ru), TICO-19 and WMT24. Each fold's models are checked on
the other fold ("held out"); the models written are fitted on both. The
reliability tables (bands of 0.1: count, mean score, share right) and the
Brier scores are printed for the scores the aligner wrote ("as built"),
held out, and for the models written (in sample), pooled over the
translations (clean, deleted, merged) and over all pairs; then per set the
verdicts and the Brier scores; then the constants as C. --write replaces the blocks between the "BEGIN
fitted constants" and "END fitted constants" lines of
align/sverka-calibrate.c and align/sverka-verdict.c (with --keep-verdict,
only the former: the rows are then fitted under the verdicts they were
labelled with); then rebuild, and run
it again (without --keep-verdict: the verdict's table changes which pairs are judged unrelated,
and so the rows the models are fitted on). The report-only sets are never
used.

Python 3 standard library only.
"""
import argparse
import concurrent.futures
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import calibration  # noqa: E402
import score  # noqa: E402

# Two folds, each with long documents (ntrex, TICO-19) and short ones
# (FLORES, WMT22's chats and reviews), and one WMT set of each direction
# (WMT24's paragraphs: speech transcripts, social posts, literary chunks).
FOLDS = (["ntrex", "flores", "wmt22-ruen"], ["wmt22-enru", "tico19", "wmt24"])
VARIANTS = [
    ("clean", []),
    ("del-ru10", ["--delete-frac", "0.1", "--delete-side", "ru", "--seed", "1"]),
    ("del-en10", ["--delete-frac", "0.1", "--delete-side", "en", "--seed", "2"]),
    ("merge-en10", ["--merge-frac", "0.1", "--merge-side", "en", "--seed", "3"]),
    ("merge-ru10", ["--merge-frac", "0.1", "--merge-side", "ru", "--seed", "4"]),
    ("unrelated", ["--pairing", "unrelated", "--seed", "1"]),
    ("untranslated-ru", ["--pairing", "untranslated-ru"]),
    ("untranslated-en", ["--pairing", "untranslated-en"]),
]
NOT_TRANSLATION = ("unrelated", "untranslated")
# The L2 penalty of the weights other than the bias, per row of data.
L2 = 1e-4
# The fewest rows in a block of the isotonic map.
MIN_BLOCK = 40


def build_pairs(args, name, opts):
    out = os.path.join(args.work, name)
    if os.path.isfile(os.path.join(out, "info.json")):
        return out
    cmd = [sys.executable, os.path.join(HERE, "make_pairs.py"), "-q"] + opts + [out]
    if args.data:
        cmd[3:3] = ["--data", args.data]
    if subprocess.run(cmd).returncode != 0:
        sys.exit("fit_calibration: make_pairs failed: %s" % " ".join(cmd))
    return out


def run_evidence(args, docs):
    """The records of calib-evidence over DOCS, in -j processes."""
    chunks = [docs[k::args.jobs] for k in range(args.jobs)]
    learned = os.path.join(os.path.dirname(args.mueller), "learned-ru-en.tsv")
    lexicons = args.lexicon or [os.path.join(args.dict_dir, "ru-en.tsv")] + [
        p for p in (learned, args.mueller) if os.path.isfile(p)]

    def one(chunk):
        if not chunk:
            return ""
        cmd = [args.evidence, "--mode", "parallel", args.dict_dir] + lexicons + ["--"] + chunk
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("fit_calibration: %s ...: %s" % (" ".join(cmd[:6]), p.stderr.strip()[-300:]))
        return p.stdout
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        return "".join(ex.map(one, chunks))


def read_evidence(text):
    """{doc dir: {"doc": fields, "sents": {side: [text]}, "rows": [...]}}"""
    docs = {}
    for line in text.split("\n"):
        if not line:
            continue
        f = line.split("\t")
        if f[0] == "doc":
            docs[f[1]] = dict(verdict=f[2], mode=f[3], reason=f[-1], sents={"ru": [], "en": []},
                              rows=[], n_ru=int(f[4]), n_en=int(f[5]), n_searched=int(f[6]),
                              bins=[int(v) for v in f[16].split(",")], log_ratio=float(f[17]))
        elif f[0] == "sent":
            docs[f[1]]["sents"][f[2]].append(f[4])
        elif f[0] == "row":
            docs[f[1]]["rows"].append(dict(
                ru=score.parse_ids(f[2], f[1]), en=score.parse_ids(f[3], f[1]),
                score=float(f[4]), kind=f[5], x=[float(v) for v in f[6:]]))
    return docs


def label_rows(d, doc):
    """Adds "right" to each row of DOC (pair folder D) against its gold."""
    at = {side: score.sentence_units(d, side, os.path.join(d, side + ".txt"), doc["sents"][side])
          for side in ("ru", "en")}
    gold = score.read_gold(os.path.join(d, "gold.tsv"))
    link_ok, alone_ok = calibration.pairs_judge(d, at, gold)
    for row in doc["rows"]:
        if row["ru"] and row["en"]:
            row["right"] = all(link_ok(r, e) for r in row["ru"] for e in row["en"])
        else:
            row["right"] = alone_ok("ru", row["ru"][0]) if row["ru"] else alone_ok("en", row["en"][0])


def solve(a, b):
    """x with a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-300:
            raise ValueError("singular system")
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit_logistic(xs, ys, iterations=50):
    """Maximum likelihood logistic regression by Newton's method, with an
    L2 penalty (L2 x rows) on every weight but the first (the bias)."""
    n = len(xs[0])
    w = [0.0] * n
    lam = L2 * len(xs)
    for _ in range(iterations):
        g = [0.0] * n
        h = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys):
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            d = y - p
            v = p * (1 - p)
            for i in range(n):
                g[i] += d * x[i]
                vi = v * x[i]
                hi = h[i]
                for k in range(i, n):
                    hi[k] += vi * x[k]
        for i in range(n):
            for k in range(i):
                h[i][k] = h[k][i]
        for i in range(1, n):
            g[i] -= lam * w[i]
            h[i][i] += lam
        step = solve(h, g)
        w = [wi + si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def isotonic(raw, ys, min_count=MIN_BLOCK):
    """An increasing map of RAW scores to the share right: pool adjacent
    violators over the items sorted by score, then adjacent blocks merged
    until each holds MIN_COUNT items, each block's share with one right
    and one wrong item added (Laplace). Returns the breakpoints [(raw,
    share)]: each block's lowest and highest raw score with its share, so
    that the map is flat over a block's rows (every row of the block gets
    the share of the block, as the fit measured it) and linear only across
    the gap between two blocks, where no row of the fit lies. (A map
    through the blocks' mean raw scores spread a block's rows over the
    shares of its neighbours, and put bands of 0.1 off by up to 0.2 in
    sample.)"""
    blocks = []  # [right, count, lowest raw, highest raw]
    for r, y in sorted(zip(raw, ys)):
        blocks.append([y, 1, r, r])
        while len(blocks) > 1 and (blocks[-2][0] / blocks[-2][1]
                                   >= blocks[-1][0] / blocks[-1][1]):
            pool(blocks)
    merged = []
    for b in blocks:
        merged.append(list(b))
        if len(merged) > 1 and merged[-2][1] < min_count:
            pool(merged)
    if len(merged) > 1 and merged[-1][1] < min_count:
        pool(merged)
    # Laplace's rule can reorder two blocks of different sizes: pool again.
    pts = []  # [right + 1, count + 2, lowest raw, highest raw]
    for y, n, lo, hi in merged:
        pts.append([y + 1, n + 2, lo, hi])
        while len(pts) > 1 and pts[-2][0] / pts[-2][1] >= pts[-1][0] / pts[-1][1]:
            pool(pts)
    out = []
    for y, n, lo, hi in pts:
        out += [(lo, y / n), (hi, y / n)]
    return out


def pool(blocks):
    """Pools the last block of BLOCKS ([right, count, lowest raw, highest
    raw], in raw order) into the one before it."""
    b = blocks.pop()
    blocks[-1][0] += b[0]
    blocks[-1][1] += b[1]
    blocks[-1][3] = b[3]


def apply_map(points, r):
    """sverka-calibrate.c's map(): linear between the breakpoints, flat
    beyond them."""
    if r <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if r <= x1:
            return y0 + (y1 - y0) * (r - x0) / (x1 - x0) if x1 > x0 else y1
    return points[-1][1]


def raw_score(row, model):
    w = model["pair"] if row["kind"] == "pair" else model["alone"]
    return sigmoid(sum(wi * xi for wi, xi in zip(w, row["x"])))


def predict(row, verdict, model):
    if verdict in NOT_TRANSLATION:
        return model["nt_pair"] if row["kind"] == "pair" else model["nt_alone"]
    return apply_map(model["map_" + row["kind"]], raw_score(row, model))


def table(title, items):
    """Prints the reliability table of ITEMS (score, right)."""
    if not items:
        print("%s: none" % title)
        return
    b = sum((s - y) ** 2 for s, y in items) / len(items)
    rows = calibration.reliability(items, calibration.DECILES)
    gaps = [abs(m - r) for _, _, c, m, r, _ in rows if c >= 20]
    print("%s: %d rows, right %.3f, mean score %.3f, Brier %.4f%s" % (
        title, len(items), sum(y for _, y in items) / len(items),
        sum(s for s, _ in items) / len(items), b,
        ", largest gap %.3f (bands of 20 or more)" % max(gaps) if gaps else ""))
    for lo, hi, count, mean, share, _ in rows:
        print("  %.1f-%.1f  %6d  mean %.3f  right %.3f%s" % (
            lo, hi, count, mean, share, "" if count < 20 or abs(mean - share) <= 0.05 else "  *"))


def weighed_bins(doc):
    """The bins of the best-matching Russian sentences, at most as many as
    the shorter side has (sverka_verdict_log_ratio())."""
    k = min(doc["n_searched"], doc["n_ru"], doc["n_en"])
    out = [0] * len(doc["bins"])
    for b in range(len(doc["bins"]) - 1, -1, -1):
        out[b] = min(doc["bins"][b], k)
        k -= out[b]
    return out


def fit_bins(sets):
    """ln P(bin | translation) - ln P(bin | unrelated) over all the sets,
    with one count added to every bin."""
    counts = {"translation": None, "unrelated": None}
    for name, ev in sets.items():
        if "untranslated" in name:
            continue
        kind = "unrelated" if name.endswith("-unrelated") else "translation"
        for doc in ev.values():
            wb = weighed_bins(doc)
            if counts[kind] is None:
                counts[kind] = [1.0] * len(wb)
            counts[kind] = [c + v for c, v in zip(counts[kind], wb)]
    pt = [c / sum(counts["translation"]) for c in counts["translation"]]
    pu = [c / sum(counts["unrelated"]) for c in counts["unrelated"]]
    return [math.log(a / b) for a, b in zip(pt, pu)]


def c_block(model):
    def arr(name, n_macro, w):
        return ("static const double %s[%s] = {\n  %s,\n};\n"
                % (name, n_macro, ", ".join("%.6g" % v for v in w)))

    def points(name, pts):
        return ("static const MapPoint %s[] = {\n%s};\n"
                % (name, "".join("  { %.9g, %.6g },\n" % p for p in pts)))
    return ("/* BEGIN fitted constants */\n"
            + arr("pair_weights", "SVERKA_CALIBRATE_N_PAIR", model["pair"])
            + arr("alone_weights", "SVERKA_CALIBRATE_N_ALONE", model["alone"])
            + "/* The isotonic maps of the two logistic models' outputs. */\n"
            + points("pair_map", model["map_pair"])
            + points("alone_map", model["map_alone"])
            + "/* P(right) of a bead with both sides, and P(no counterpart) of a sentence\n"
              " * alone, in pairs judged unrelated or untranslated. */\n"
            + "#define NOT_TRANSLATION_PAIR %.6g\n" % model["nt_pair"]
            + "#define NOT_TRANSLATION_ALONE %.6g\n" % model["nt_alone"]
            + "/* END fitted constants */\n")


def verdict_block(bins):
    return ("/* BEGIN fitted constants */\n"
            "/* Per bin of best similarity (SVERKA_VERDICT_BIN_WIDTH wide), ln P(bin |\n"
            " * translation) - ln P(bin | unrelated texts), from the Russian sentences of\n"
            " * the fit sets (tests/eval/fit_calibration.py). */\n"
            "static const double bin_log_ratio[SVERKA_VERDICT_BINS] = {\n  %s,\n};\n"
            "/* END fitted constants */\n" % ", ".join("%.4g" % v for v in bins))


def write_block(path, block):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, n = re.subn(r"/\* BEGIN fitted constants \*/\n.*?/\* END fitted constants \*/\n",
                     lambda _: block, text, flags=re.S)
    if n != 1:
        sys.exit("fit_calibration: %s: no BEGIN/END fitted constants block" % path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    print("fit_calibration: wrote the constants into %s; rebuild" % path, file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evidence", default=os.path.join(REPO, "build", "tests", "calib-evidence"))
    ap.add_argument("--dict-dir", default=os.path.join(REPO, "dictionaries"))
    ap.add_argument("--mueller", default=os.path.join(REPO, "build", "dictionaries",
                                                      "mueller7-ru-en.tsv"),
                    help="the imported Mueller lexicon, used when it is there (as the CLI does), "
                         "after learned-ru-en.tsv of its folder")
    ap.add_argument("--lexicon", action="append", help="these lexicons instead (repeatable)")
    ap.add_argument("--data", help="the shared data folder (make_pairs.py's default)")
    ap.add_argument("--work", default="/tmp/sverka-fit-calibration",
                    help="where the pairs are built, and kept for the next run "
                         "(default: %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--reuse-evidence", action="store_true",
                    help="read the evidence saved in --work by the last run instead of running "
                         "calib-evidence again (only while the aligner has not changed)")
    ap.add_argument("--write", action="store_true",
                    help="replace the fitted constants in align/sverka-calibrate.c and "
                         "align/sverka-verdict.c (then rebuild)")
    ap.add_argument("--keep-verdict", action="store_true",
                    help="with --write, leave align/sverka-verdict.c as it is: the scores are then "
                         "fitted under the verdicts the built aligner gives")
    args = ap.parse_args()
    if not os.access(args.evidence, os.X_OK):
        ap.error("%s: not built (meson compile -C build)" % args.evidence)
    os.makedirs(args.work, exist_ok=True)

    sets = {}
    for s in FOLDS[0] + FOLDS[1]:
        for v, opts in VARIANTS:
            name = "%s-%s" % (s, v)
            folder = build_pairs(args, name, ["--set", s] + opts)
            docs = score.find_docs(folder)
            cache = os.path.join(args.work, name + ".evidence.tsv")
            if args.reuse_evidence and os.path.isfile(cache):
                with open(cache, encoding="utf-8") as f:
                    text = f.read()
            else:
                text = run_evidence(args, docs)
                with open(cache, "w", encoding="utf-8") as f:
                    f.write(text)
            ev = read_evidence(text)
            for d in docs:
                label_rows(d, ev[d])
            sets[name] = ev
            print("fit_calibration: %s: %d documents, %d rows" % (
                name, len(docs), sum(len(x["rows"]) for x in ev.values())), file=sys.stderr)

    def family(name):
        return next(f for f in FOLDS[0] + FOLDS[1] if name.startswith(f + "-"))

    def fit_model(families):
        data = {"pair": ([], []), "alone": ([], [])}
        nt = {"pair": [0, 0], "alone": [0, 0]}
        for name, ev in sets.items():
            if family(name) not in families:
                continue
            for doc in ev.values():
                for row in doc["rows"]:
                    if doc["verdict"] in NOT_TRANSLATION:
                        nt[row["kind"]][0] += row["right"]
                        nt[row["kind"]][1] += 1
                    else:
                        data[row["kind"]][0].append(row["x"])
                        data[row["kind"]][1].append(1.0 if row["right"] else 0.0)
        model = {k: fit_logistic(*data[k]) for k in ("pair", "alone")}
        for k in ("pair", "alone"):
            model["map_" + k] = isotonic(
                [raw_score({"kind": k, "x": x}, model) for x in data[k][0]], data[k][1])
        model["nt_pair"] = (nt["pair"][0] + 1) / (nt["pair"][1] + 2)
        model["nt_alone"] = (nt["alone"][0] + 1) / (nt["alone"][1] + 2)
        return model

    # Two folds: each half's model is checked on the other half; the model
    # shipped is fitted on both.
    model = fit_model(FOLDS[0] + FOLDS[1])
    held_out = {}
    for k in (0, 1):
        m = fit_model(FOLDS[k])
        for f in FOLDS[1 - k]:
            held_out[f] = m

    translations = [n for n in sets if not n.endswith(("-unrelated", "-untranslated-ru",
                                                        "-untranslated-en"))]
    for label, names in (("translations (clean, deleted, merged)", translations),
                         ("all pairs (with the unrelated and untranslated ones)", list(sets))):
        rows = [(n, r, doc["verdict"]) for n in names for doc in sets[n].values()
                for r in doc["rows"]]
        for title, predictor in (
                ("as built (the constants of now)", lambda n, r, v: r["score"]),
                ("held out (each fold's model on the other fold)",
                 lambda n, r, v: predict(r, v, held_out[family(n)])),
                ("shipped (fitted on all sets), in sample", lambda n, r, v: predict(r, v, model))):
            print("\n== %s: %s" % (label, title))
            for kind, what in (("pair", "beads with both sides"), ("alone", "sentences alone")):
                table(what, [(predictor(n, r, v), r["right"]) for n, r, v in rows
                             if r["kind"] == kind])

    print("\n== per set: verdicts; beads with both sides (Brier, built -> held out); wrong "
          "beads above 0.5 (held out)")
    for name, ev in sets.items():
        verdicts = {}
        for doc in ev.values():
            verdicts[doc["verdict"]] = verdicts.get(doc["verdict"], 0) + 1
        pairs = [(r, doc["verdict"]) for doc in ev.values() for r in doc["rows"]
                 if r["kind"] == "pair"]
        m = held_out[family(name)]
        b0 = sum((r["score"] - r["right"]) ** 2 for r, _ in pairs) / max(len(pairs), 1)
        b1 = sum((predict(r, v, m) - r["right"]) ** 2 for r, v in pairs) / max(len(pairs), 1)
        above = sum(1 for r, v in pairs if predict(r, v, m) > 0.5 and not r["right"])
        print("  %-28s %-40s Brier %.4f -> %.4f  wrong above 0.5: %d" % (
            name, ", ".join("%s %d" % kv for kv in sorted(verdicts.items())), b0, b1, above))

    print("\nweights of the bead model:")
    for n, w in zip(re.findall(r'"(\w+)"', open(os.path.join(REPO, "align",
                                                             "sverka-calibrate.c")).read()
                               .split("sverka_calibrate_pair_names")[1].split("};")[0]),
                    model["pair"]):
        print("  %-16s %9.4f" % (n, w))
    bins = fit_bins(sets)
    print("\nverdicts: log-likelihood ratio of the documents (built with the table of now; "
          "the table refitted is below)")
    for name, ev in sets.items():
        lrs = sorted(doc["log_ratio"] for doc in ev.values())
        print("  %-28s min %8.1f  median %8.1f  max %8.1f" % (
            name, lrs[0], lrs[len(lrs) // 2], lrs[-1]))
    block = c_block(model)
    vblock = verdict_block(bins)
    print()
    print(block, end="")
    print(vblock, end="")
    if args.write:
        write_block(os.path.join(REPO, "align", "sverka-calibrate.c"), block)
        if not args.keep_verdict:
            write_block(os.path.join(REPO, "align", "sverka-verdict.c"), vblock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
