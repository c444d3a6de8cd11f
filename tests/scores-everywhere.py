#!/usr/bin/env python3
"""Every output carries the same score: the TSV of `sverka align`, the
JSON Lines, the TMX, the ladder, the HTML report (two decimals), the
stream's records and the batch's pair TSV and corpus.tsv, in every mode;
and in parallel mode that score is the calibrated probability of
align/sverka-calibrate.c (tests/calib-evidence prints the score the library
gives each row next to its features; the score is recomputed here from the
fitted constants of sverka-calibrate.c and must match).

Usage: scores-everywhere.py SVERKA CALIB_EVIDENCE SOURCE_ROOT BUILD_ROOT.
Prints TAP.
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sverka, evidence, src, build = sys.argv[1:5]
n_test = 0
failed = 0


def check(ok, what, detail=""):
    global n_test, failed
    n_test += 1
    print("%sok %d - %s" % ("" if ok else "not ", n_test, what))
    if not ok:
        failed += 1
        for line in str(detail).splitlines()[:20]:
            print("# " + line)


def run(args, **kw):
    p = subprocess.run([sverka] + args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit("Bail out! %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr[-500:]))
    return p.stdout


def ids(field):
    return tuple(int(x) for x in field.split(",")) if field else ()


def tsv_rows(text, with_id=False):
    """[(ru_ids, en_ids, score string)] of a parallel TSV (its header row
    skipped); with_id: corpus.tsv, whose first column is the pair's id."""
    out = []
    for line in text.splitlines()[1:]:
        f = line.split("\t")
        if with_id:
            f = f[1:]
        out.append((ids(f[3]), ids(f[4]), f[2]))
    return out


# The pairs: a translation with a sentence deleted on each side (parallel
# scores of every kind), and the bundled report against its transcript.
vienna = os.path.join(src, "tests", "notes-cases", "mixed", "vienna-clean")
brussels = os.path.join(src, "corpus", "2021-12-14-brussels")
tmp = tempfile.mkdtemp(prefix="sverka-scores-")


def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()


def write(p, text):
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)


ru = read(vienna + ".ru").split("\n\n")
en = read(vienna + ".en").split("\n\n")
if len(ru) < 6 or len(en) < 6:
    sys.exit("Bail out! %s: expected six paragraphs or more" % vienna)
write(os.path.join(tmp, "v.ru"), "\n\n".join(ru[:2] + ru[3:]))
write(os.path.join(tmp, "v.en"), "\n\n".join(en[:4] + en[5:]))
pairs = {"vienna-del": (os.path.join(tmp, "v.ru"), os.path.join(tmp, "v.en")),
         "brussels": (os.path.join(brussels, "ru.txt"), os.path.join(brussels, "en.txt"))}

manifest = os.path.join(tmp, "manifest.tsv")
write(manifest, "".join("%s\t%s\t%s\n" % (name, r, e) for name, (r, e) in pairs.items()))
stream_in = "".join(json.dumps({"id": name, "ru": read(r), "en": read(e)}, ensure_ascii=False) + "\n"
                    for name, (r, e) in pairs.items())

for mode in ("auto", "parallel", "comparable"):
    batch = os.path.join(tmp, "batch-" + mode)
    run(["batch", "-q", "-j", "1", "--no-notes", "--mode", mode, "--out-dir", batch, manifest])
    corpus = {}
    for line in read(os.path.join(batch, "corpus.tsv")).splitlines()[1:]:
        corpus.setdefault(line.split("\t")[0], []).append(line)
    streamed = {}
    for line in run(["stream", "-q", "-j", "1", "--no-notes", "--mode", mode], input=stream_in).splitlines():
        rec = json.loads(line)
        streamed[rec["id"]] = [(tuple(b["ru_ids"]), tuple(b["en_ids"]), "%.3f" % b["score"])
                               for b in rec["beads"]]
    for name, (r, e) in pairs.items():
        what = "%s, --mode %s" % (name, mode)
        ref = tsv_rows(run(["align", "-q", "--mode", mode, r, e]))
        check(len(ref) > 3 and len({s for _, _, s in ref}) > 1,
              "%s: the TSV has rows with several scores" % what, ref)
        out = os.path.join(tmp, "out-%s-%s" % (name, mode))
        run(["align", "-q", "--mode", mode, "--out-dir", out, r, e])
        check(tsv_rows(read(os.path.join(out, "alignment.tsv"))) == ref,
              "%s: --out-dir's TSV has the same rows and scores" % what)
        # JSON Lines: its score is a number; three decimals as written.
        jl = [json.loads(x) for x in read(os.path.join(out, "alignment.jsonl")).splitlines()]
        got = [(tuple(b["ru_ids"]), tuple(b["en_ids"]), "%.3f" % b["score"]) for b in jl]
        check(got == ref, "%s: the JSON Lines carry the TSV's scores" % what,
              "\n".join("%s != %s" % (a, b) for a, b in zip(got, ref) if a != b))
        # TMX: one <tu> per bead with both sides.
        tus = ET.parse(os.path.join(out, "alignment.tmx")).getroot().iter("tu")
        got = []
        for tu in tus:
            props = {p.get("type"): p.text or "" for p in tu.iter("prop")}
            got.append((ids(props["x-sverka-ru-ids"]), ids(props["x-sverka-en-ids"]),
                        props["x-sverka-score"]))
        both = [x for x in ref if x[0] and x[1]]
        check(got == both, "%s: the TMX carries the TSV's scores" % what,
              "\n".join("%s != %s" % (a, b) for a, b in zip(got, both) if a != b))
        # Ladder: a rung at the start of each bead of its monotonic chain
        # (0-based ids), with the bead's score; gap rungs score 0.
        starts = {(x[0][0] - 1, x[1][0] - 1): x[2] for x in both}
        rungs = [line.split("\t") for line in read(os.path.join(out, "alignment.ladder")).splitlines()]
        bad = [r for r in rungs if (int(r[0]), int(r[1])) in starts
               and starts[(int(r[0]), int(r[1]))] != r[2]]
        hits = sum((int(r[0]), int(r[1])) in starts for r in rungs)
        check(hits > 0 and not bad, "%s: the ladder's %d bead rungs carry the TSV's scores" % (what, hits), bad)
        # HTML: each row's band shows the score with two decimals, and no
        # colour for rows with one side empty.
        html = read(os.path.join(out, "report.html"))
        shown = re.findall(r'<div class="row[^"]*" id="row-\d+" data-ru="([0-9,]*)" data-en="([0-9,]*)">'
                           r'<a class="n"[^>]*>\d+</a><span class="band ([a-z0-9]+)"[^>]*>([^<]*)</span>',
                           html)
        # The TSV's score is itself rounded to three decimals: a score the
        # TSV writes 0.025 may show as 0.02 or 0.03.
        def shows(txt, sc):
            v = float(sc)
            return txt in ("%.2f" % (v - 0.0005), "%.2f" % v, "%.2f" % (v + 0.0005))
        got_rows = {(ids(a), ids(b)): None if band == "nc" else txt for a, b, band, txt in shown}
        # The report view of comparable mode (a source pane) shows no rows
        # of source sentences alone: they are context, with no score.
        want = ref
        pane = re.search(r'<div class="src-pane" id="source" lang="(ru|en)"', html)
        if pane:
            want = [(a, b, sc) for a, b, sc in ref if (a if pane.group(1) == "en" else b)]
        bad = []
        for a, b, sc in want:
            txt = got_rows.get((a, b), "missing")
            ok = txt is None if not (a and b) else txt not in (None, "missing") and shows(txt, sc)
            if not ok:
                bad.append("%s %s: shown %s, the TSV %s" % (a, b, txt, sc))
        check(len(shown) == len(want) and not bad, "%s: the HTML report shows the TSV's scores" % what,
              "%d rows shown, %d in the TSV\n" % (len(shown), len(want)) + "\n".join(bad))
        check(streamed.get(name) == ref, "%s: the stream's record carries the TSV's scores" % what,
              "\n".join("%s != %s" % (a, b) for a, b in zip(streamed.get(name, []), ref) if a != b))
        check(tsv_rows(read(os.path.join(batch, "pairs", name + ".tsv"))) == ref,
              "%s: the batch's pair TSV carries the TSV's scores" % what)
        check(tsv_rows("\n" + "\n".join(corpus.get(name, [])), with_id=True) == ref,
              "%s: the batch's corpus.tsv carries the TSV's scores" % what)

# In parallel mode the score is the calibration of the row's evidence:
# recompute it from the constants of sverka-calibrate.c.
csrc = read(os.path.join(src, "align", "sverka-calibrate.c"))


def floats(text):
    return [float(x) for x in re.findall(r"-?[0-9][0-9.e+-]*", text)]


def array(name):
    m = re.search(r"static const double %s\[[A-Z_]+\] = \{(.*?)\};" % name, csrc, re.S)
    return floats(m.group(1))


def points(name):
    m = re.search(r"static const MapPoint %s\[\] = \{(.*?)\n\};" % name, csrc, re.S)
    v = floats(m.group(1))
    return list(zip(v[0::2], v[1::2]))


def map_through(pts, raw):
    if raw <= pts[0][0]:
        return pts[0][1]
    for (r0, p0), (r1, p1) in zip(pts, pts[1:]):
        if raw <= r1:
            return p0 + (p1 - p0) * (raw - r0) / (r1 - r0) if r1 > r0 else p1
    return pts[-1][1]


weights = {"pair": array("pair_weights"), "alone": array("alone_weights")}
maps = {"pair": points("pair_map"), "alone": points("alone_map")}
const = {k: float(re.search(r"#define NOT_TRANSLATION_%s ([0-9.e+-]+)" % k.upper(), csrc).group(1))
         for k in ("pair", "alone")}
dicts = os.path.join(src, "dictionaries")
# The lexicons the command line loads (as tests/eval/fit_calibration.py).
lexicons = [os.path.join(dicts, "ru-en.tsv")] + [
    p for p in (os.path.join(build, "dictionaries", n)
                for n in ("learned-ru-en.tsv", "mueller7-ru-en.tsv")) if os.path.isfile(p)]
for name, (r, e) in pairs.items():
    d = os.path.join(tmp, "ev-" + name)
    os.makedirs(d)
    write(os.path.join(d, "ru.txt"), read(r))
    write(os.path.join(d, "en.txt"), read(e))
    p = subprocess.run([evidence, "--mode", "parallel", dicts] + lexicons + ["--", d],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("Bail out! calib-evidence: %s" % p.stderr[-500:])
    verdict = None
    rows, worst = [], 0.0
    for line in p.stdout.splitlines():
        f = line.split("\t")
        if f[0] == "doc":
            verdict = f[2]
        elif f[0] == "row":
            kind, x = f[5], [float(v) for v in f[6:]]
            if verdict in ("unrelated", "untranslated"):
                want = const[kind]
            else:
                z = sum(w * v for w, v in zip(weights[kind], x))
                want = map_through(maps[kind], 1 / (1 + math.exp(-z)))
            rows.append((ids(f[2]), ids(f[3]), "%.3f" % float(f[4])))
            worst = max(worst, abs(float(f[4]) - min(max(want, 0.0), 1.0)))
    check(rows and worst < 1e-4,
          "%s: every row's score is the calibrated probability of its evidence (largest difference %.2g)"
          % (name, worst))
    ref = tsv_rows(run(["align", "-q", "--keep-all", "--mode", "parallel", r, e]))
    check(rows == ref, "%s: `sverka align --keep-all --mode parallel` writes those scores" % name,
          "\n".join("%s != %s" % (a, b) for a, b in zip(rows, ref) if a != b))

print("1..%d" % n_test)
sys.exit(1 if failed else 0)
