#!/usr/bin/env python3
"""Score an aligner on document pairs written by make_pairs.py.

For every folder NAME under PAIRS that holds ru.txt, en.txt and gold.tsv:
run the aligner (a command template, by default
"{sverka} align --mode {mode} {ru} {en}", TSV on standard output), segment
both files with "{sverka} segment --keep-all -q" to learn in which paragraph
(= gold line) each sentence lies, turn every bead into line-level links
(each ru line x each en line of the bead's sentences) and compare the links
with gold.tsv.  Prints micro-averaged link precision, recall and F1, and the
five documents with the lowest F1.  See README.md in this folder.

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SVERKA = os.path.join(REPO, "build", "align", "sverka")
DEFAULT_CMD = "{sverka} align --keep-all --mode {mode} {ru} {en}"
TRIM_CMD = "{sverka} align --mode {mode} {ru} {en}"

_WS = re.compile(r"\s+")


class EvalError(Exception):
    pass


def norm(s):
    """White space runs to one space, no leading or trailing space."""
    return _WS.sub(" ", s).strip()


def compact(s):
    return _WS.sub("", s)


def paragraphs(text):
    """The paragraphs of TEXT: blocks separated by blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paras = [norm(p) for p in re.split(r"\n[^\S\n]*\n", text)]
    return [p for p in paras if p]


def segment(sverka, path, timeout=60, keep_all=True):
    """The sentences of PATH as sverka's segmenter numbers them (index 0 = id 1)."""
    try:
        p = subprocess.run([sverka, "segment"] + (["--keep-all"] if keep_all else [])
                           + ["-q", path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise EvalError("segment %s: %s" % (path, e))
    if p.returncode != 0:
        raise EvalError("segment %s: exit %d: %s" % (
            path, p.returncode, p.stderr.decode("utf-8", "replace").strip()[:300]))
    out = p.stdout.decode("utf-8", "replace")
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def locate(paras, sents):
    """Paragraph number (1-based) of each sentence, or None where not found.

    Sentences come in text order, so the search goes forward only: from the
    end of the previous match in its paragraph, then through the following
    paragraphs.  Both sides are compared with white space runs collapsed; a
    sentence that still is not found is tried once more with all white space
    removed.
    """
    cpar = [compact(p) for p in paras]
    res = []
    p, off = 0, 0
    for s in sents:
        s = norm(s)
        if not s:
            res.append(None)
            continue
        found = None
        for q in range(p, len(paras)):
            i = paras[q].find(s, off if q == p else 0)
            if i >= 0:
                found, p, off = q, q, i + len(s)
                break
        if found is None:
            cs = compact(s)
            for q in range(p, len(paras)):
                if cs in cpar[q]:
                    found = q
                    if q != p:
                        p, off = q, 0
                    break
        res.append(None if found is None else found + 1)
    return res


def read_units(path):
    """The gold units of a pair written with --paragraphs real or doc: one
    line of text per unit, in order (unit k = gold line number k)."""
    with open(path, encoding="utf-8") as f:
        return [norm(u) for u in f.read().split("\n")[:-1]]


def locate_units(units, sents):
    """The gold units (a set of 1-based numbers, empty where not found) that
    each sentence overlaps, when several units share a paragraph.

    The units and the sentences are compared with all white space removed:
    each sentence is found forward from the end of the one before, and its
    span is mapped back to the units it covers.  A sentence the segmenter
    did not split at a unit boundary covers both units."""
    text, owner = [], []
    for k, u in enumerate(units, 1):
        c = compact(u)
        text.append(c)
        owner.extend([k] * len(c))
    text = "".join(text)
    res, off = [], 0
    for s in sents:
        c = compact(s)
        i = text.find(c, off) if c else -1
        if i < 0:
            res.append(set())
            continue
        res.append(set(owner[i:i + len(c)]))
        off = i + len(c)
    return res


def sentence_units(d, side, path, sents):
    """For each sentence of side @side ("ru" or "en") of pair folder @d, the
    set of gold units (1-based) it lies in: paragraphs of @path, or the
    units of SIDE.units when make_pairs wrote one."""
    upath = os.path.join(d, side + ".units")
    if os.path.isfile(upath):
        return locate_units(read_units(upath), sents)
    with open(path, encoding="utf-8") as f:
        paras = paragraphs(f.read())
    return [set() if x is None else {x} for x in locate(paras, sents)]


def ceiling_links(ru_at, en_at, gold):
    """The links of the best alignment that the segmentation allows: beads
    made of the connected groups of sentences that gold links join (a
    sentence lying in several units brings them all)."""
    parent = list(range(len(ru_at) + len(en_at)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    en_of = {}
    for j, units in enumerate(en_at):
        for b in units:
            en_of.setdefault(b, []).append(j)
    for i, units in enumerate(ru_at):
        for a, b in gold:
            if a in units:
                for j in en_of.get(b, ()):
                    parent[find(i)] = find(len(ru_at) + j)
    groups = {}
    for x in range(len(parent)):
        groups.setdefault(find(x), []).append(x)
    links = set()
    for g in groups.values():
        ru_units = set().union(*(ru_at[x] for x in g if x < len(ru_at)))
        en_units = set().union(*(en_at[x - len(ru_at)] for x in g if x >= len(ru_at)))
        links.update((a, b) for a in ru_units for b in en_units)
    return links


def read_gold(path):
    gold = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            a = line.split("\t")
            try:
                gold.add((int(a[0]), int(a[1])))
            except (ValueError, IndexError):
                raise EvalError("%s:%d: bad gold row" % (path, n))
    return gold


def parse_ids(field, where):
    field = field.strip()
    if not field:
        return []
    try:
        return [int(x) for x in field.split(",") if x.strip()]
    except ValueError:
        raise EvalError("%s: bad ids %r" % (where, field))


def parse_tsv(text, where):
    """[(ru_ids, en_ids, ru_text, en_text, score)] from the aligner's TSV
    (texts and score None when the header has no such column, the score
    also when it is not a number)."""
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise EvalError("%s: empty output (no header)" % where)
    head = lines[0].split("\t")
    try:
        iri, iei = head.index("ru_ids"), head.index("en_ids")
    except ValueError:
        raise EvalError("%s: header has no ru_ids/en_ids: %r" % (where, lines[0][:200]))
    irt = head.index("ru") if "ru" in head else None
    iet = head.index("en") if "en" in head else None
    isc = head.index("score") if "score" in head else None
    beads = []
    for n, line in enumerate(lines[1:], 2):
        a = line.split("\t")
        if len(a) != len(head):
            raise EvalError("%s:%d: %d fields, header has %d" % (where, n, len(a), len(head)))
        try:
            sc = float(a[isc]) if isc is not None else None
        except ValueError:
            sc = None  # scoring links needs no score
        beads.append((parse_ids(a[iri], "%s:%d" % (where, n)),
                      parse_ids(a[iei], "%s:%d" % (where, n)),
                      a[irt] if irt is not None else None,
                      a[iet] if iet is not None else None,
                      sc))
    return beads


def read_moves(path):
    """The moves of a pair's moved.tsv (make_pairs.py --move-frac): per move
    two equivalent readings, the block and the stretch it passed over, each
    as (ru lines, en lines), sets of 1-based gold line numbers."""
    moves = []
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    for n, a in enumerate(rows, 2):
        try:
            v = [int(x) for x in a[1:5] + a[6:10]]
        except (ValueError, IndexError):
            raise EvalError("%s:%d: bad moved row" % (path, n))
        moves.append([(set(range(v[0], v[1] + 1)), set(range(v[2], v[3] + 1))),
                      (set(range(v[4], v[5] + 1)), set(range(v[6], v[7] + 1)))])
    return moves


def read_notes(path, where):
    """[(kind, ru_ids, en_ids)] from a notes TSV."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t")[:4] != ["kind", "severity", "ru_ids", "en_ids"]:
        raise EvalError("%s: not a notes TSV" % where)
    out = []
    for n, line in enumerate(lines[1:], 2):
        a = line.split("\t")
        if len(a) < 4:
            raise EvalError("%s:%d: %d fields" % (where, n, len(a)))
        out.append((a[0], parse_ids(a[2], "%s:%d" % (where, n)),
                    parse_ids(a[3], "%s:%d" % (where, n))))
    return out


def check_moves(r, moves, notes, ru_at, en_at):
    """Counts in R how the notes report the known MOVES: a move is reported
    once when exactly one "moved" note lies on its sentences and covers
    exactly the lines of one of its readings; every omission or addition
    note on a sentence of the reading reported (of the block when none is)
    counts as an error on a moved sentence; a "moved" note on no known move
    counts as elsewhere."""
    def lines(ids, at):
        return set().union(*(at[i - 1] for i in ids if 1 <= i <= len(at)))
    moved_notes = [(lines(ru, ru_at), lines(en, en_at)) for k, ru, en in notes if k == "moved"]
    used = set()
    for readings in moves:
        r["moves"] += 1
        on = [i for i, (nr, ne) in enumerate(moved_notes)
              if any(nr & ru or ne & en for ru, en in readings)]
        used.update(on)
        exact = [rd for rd in readings for i in on if moved_notes[i] == rd]
        if len(on) == 1 and exact:
            r["moves_reported"] += 1
            reading = exact[0]
        else:
            r["moves_missed" if not on else "moves_wrong"] += 1
            reading = readings[0]
        for kind, ru, en in notes:
            if kind in ("omission", "addition") and (lines(ru, ru_at) & reading[0]
                                                     or lines(en, en_at) & reading[1]):
                r["moved_omissions"] += 1
    r["moved_elsewhere"] += len(moved_notes) - len(used)


def prf(tp, npred, ngold):
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def build_cmd(template, **kw):
    return [re.sub(r"\{(\w+)\}", lambda m: kw.get(m.group(1), m.group(0)), tok)
            for tok in shlex.split(template)]


def score_doc(d, args):
    name = os.path.basename(d)
    ru, en, gpath = (os.path.join(d, f) for f in ("ru.txt", "en.txt", "gold.tsv"))
    r = dict(name=name, ok=False, error=None, ru_sents=0, en_sents=0, beads=0,
             gold=0, pred=0, tp=0, ceil_pred=0, ceil_tp=0, seconds=0.0, unmapped=0, bad_ids=0,
             uncovered=0, repeated=0, text_mismatch=0, unreachable_gold=0, moves=0,
             moves_reported=0, moves_missed=0, moves_wrong=0, moved_omissions=0,
             moved_elsewhere=0)
    gold = read_gold(gpath)
    r["gold"] = len(gold)
    ru_s = segment(args.sverka, ru, keep_all=not args.trim)
    en_s = segment(args.sverka, en, keep_all=not args.trim)
    r["ru_sents"], r["en_sents"] = len(ru_s), len(en_s)
    ru_at, en_at = sentence_units(d, "ru", ru, ru_s), sentence_units(d, "en", en, en_s)
    r["unmapped"] = sum(1 for x in ru_at + en_at if not x)
    ru_reach = set().union(*ru_at)
    en_reach = set().union(*en_at)
    r["unreachable_gold"] = sum(1 for a, b in gold if a not in ru_reach or b not in en_reach)
    ceiling = ceiling_links(ru_at, en_at, gold)
    r["ceil_pred"], r["ceil_tp"] = len(ceiling), len(ceiling & gold)

    outfile = notesfile = None
    if "{out}" in args.cmd:
        fd, outfile = tempfile.mkstemp(prefix="sverka-eval-", suffix=".tsv")
        os.close(fd)
    if args.moved:
        fd, notesfile = tempfile.mkstemp(prefix="sverka-eval-", suffix=".notes.tsv")
        os.close(fd)
    cmd = build_cmd(args.cmd, sverka=args.sverka, mode=args.mode, ru=ru, en=en,
                    gold=gpath, dir=d, out=outfile or "", notes=notesfile or "")
    if args.moved and "{notes}" not in args.cmd:
        cmd += ["--notes", notesfile]
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=args.timeout)
        r["seconds"] = time.monotonic() - t0
        if p.returncode != 0:
            r["error"] = "exit %d: %s" % (p.returncode,
                                          p.stderr.decode("utf-8", "replace").strip()[-300:])
            return r, set()
        if outfile:
            with open(outfile, encoding="utf-8", errors="replace") as f:
                out = f.read()
        else:
            out = p.stdout.decode("utf-8", "replace")
        notes = read_notes(notesfile, name + " notes") if notesfile else None
    except subprocess.TimeoutExpired:
        r["seconds"] = time.monotonic() - t0
        r["error"] = "timeout after %gs" % args.timeout
        return r, set()
    except OSError as e:
        r["error"] = str(e)
        return r, set()
    except EvalError as e:
        r["error"] = str(e)
        return r, set()
    finally:
        for f in (outfile, notesfile):
            if f and os.path.exists(f):
                os.unlink(f)
    if args.save_tsv:
        with open(os.path.join(args.save_tsv, name + ".tsv"), "w", encoding="utf-8") as f:
            f.write(out)
    try:
        beads = parse_tsv(out, name)
    except EvalError as e:
        r["error"] = str(e)
        return r, set()

    r["beads"] = len(beads)
    pred = set()
    seen = {"ru": [0] * len(ru_s), "en": [0] * len(en_s)}
    for ru_ids, en_ids, ru_t, en_t, _ in beads:
        lines = {}
        for side, ids, at, sents, txt in (("ru", ru_ids, ru_at, ru_s, ru_t),
                                          ("en", en_ids, en_at, en_s, en_t)):
            ls = set()
            ok = True
            for i in ids:
                if not 1 <= i <= len(sents):
                    r["bad_ids"] += 1
                    ok = False
                    continue
                seen[side][i - 1] += 1
                ls |= at[i - 1]
            if ok and txt is not None and ids and \
                    compact(txt) != compact("".join(sents[i - 1] for i in ids)):
                r["text_mismatch"] += 1
            lines[side] = ls
        for a in lines["ru"]:
            for b in lines["en"]:
                pred.add((a, b))
    for side in ("ru", "en"):
        r["uncovered"] += seen[side].count(0)
        r["repeated"] += sum(1 for c in seen[side] if c > 1)
    r["pred"] = len(pred)
    r["tp"] = len(pred & gold)
    if notes is not None:
        mpath = os.path.join(d, "moved.tsv")
        check_moves(r, read_moves(mpath) if os.path.isfile(mpath) else [], notes, ru_at, en_at)
    r["ok"] = True
    return r, pred


def find_docs(pairs):
    docs = []
    for n in sorted(os.listdir(pairs)):
        d = os.path.join(pairs, n)
        if all(os.path.isfile(os.path.join(d, f)) for f in ("ru.txt", "en.txt", "gold.tsv")):
            docs.append(d)
    return docs


def main():
    ap = argparse.ArgumentParser(
        description="Run the aligner on each document pair of PAIRS and score its links against gold.tsv.")
    ap.add_argument("pairs", metavar="PAIRS", help="folder written by make_pairs.py")
    ap.add_argument("--sverka", default=DEFAULT_SVERKA,
                    help="the sverka binary, for {sverka} and for segmenting (default: %(default)s)")
    ap.add_argument("--mode", default="parallel", choices=("auto", "parallel", "comparable"),
                    help="alignment mode, for {mode} (default: parallel)")
    ap.add_argument("--cmd",
                    help="aligner command template (default: %r, or with --trim %r); placeholders "
                         % (DEFAULT_CMD, TRIM_CMD) +
                         "{sverka} {mode} {ru} {en}, {notes} (the notes file, with --moved), and {out} (a temporary file the aligner "
                         "writes; otherwise its standard output is read), {gold} {dir}. "
                         "Its ids must number the sentences as 'sverka segment --keep-all' "
                         "does (without --keep-all under --trim)")
    ap.add_argument("--trim", action="store_true",
                    help="let the aligner set page furniture aside (no --keep-all); sentences "
                         "are then numbered as 'sverka segment' without --keep-all, and gold "
                         "links of trimmed lines count as missed")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="documents in parallel (default: number of CPUs)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per document (default 300)")
    ap.add_argument("--limit-docs", type=int, default=0, help="only the first N documents")
    ap.add_argument("--label", help="name of the run in the summary (default: from info.json)")
    ap.add_argument("--json", metavar="OUT", help="write the summary and per-document results as JSON")
    ap.add_argument("--save-tsv", metavar="DIR", help="keep the aligner's output as DIR/NAME.tsv")
    ap.add_argument("--worst", type=int, default=5, help="list the N documents with the lowest F1 (default 5)")
    ap.add_argument("--oneline", action="store_true", help="print the summary as one line")
    ap.add_argument("--min-f1", type=float,
                    help="exit 1 unless F1 >= X and every document was aligned")
    ap.add_argument("--moved", action="store_true",
                    help="also have the aligner write its notes (--notes, or {notes} in --cmd) "
                         "and check them against the moves of make_pairs --move-frac "
                         "(NAME/moved.tsv): each reported once as moved, no omission or "
                         "addition note on a moved sentence, no moved note elsewhere")
    ap.add_argument("--require-moved", action="store_true",
                    help="with --moved: exit 1 unless every move is reported once, no moved "
                         "sentence has an omission or addition note and no moved note lies "
                         "elsewhere")
    args = ap.parse_args()
    if args.cmd is None:
        args.cmd = TRIM_CMD if args.trim else DEFAULT_CMD
    if args.require_moved:
        args.moved = True

    if not os.path.isdir(args.pairs):
        ap.error("%s: not a folder" % args.pairs)
    if not (os.path.isfile(args.sverka) and os.access(args.sverka, os.X_OK)):
        ap.error("%s: no such executable (--sverka)" % args.sverka)
    args.sverka = os.path.abspath(args.sverka)
    if args.save_tsv:
        os.makedirs(args.save_tsv, exist_ok=True)
    info = {}
    ipath = os.path.join(args.pairs, "info.json")
    if os.path.isfile(ipath):
        with open(ipath, encoding="utf-8") as f:
            info = json.load(f)
    label = args.label or info.get("label") or os.path.basename(os.path.normpath(args.pairs))
    docs = find_docs(args.pairs)
    if args.limit_docs > 0:
        docs = docs[:args.limit_docs]
    if not docs:
        print("score: %s: no document pairs" % args.pairs, file=sys.stderr)
        return 2

    t0 = time.monotonic()
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
            for res in ex.map(lambda d: score_doc(d, args), docs):
                results.append(res[0])
    except EvalError as e:
        print("score: %s" % e, file=sys.stderr)
        return 2
    wall = time.monotonic() - t0

    tot = {k: sum(r[k] for r in results) for k in
           ("ru_sents", "en_sents", "beads", "gold", "pred", "tp", "ceil_pred", "ceil_tp",
            "seconds", "unmapped",
            "bad_ids", "uncovered", "repeated", "text_mismatch", "unreachable_gold",
            "moves", "moves_reported", "moves_missed", "moves_wrong", "moved_omissions",
            "moved_elsewhere")}
    failed = [r for r in results if not r["ok"]]
    p, rc, f = prf(tot["tp"], tot["pred"], tot["gold"])
    ceil_f = prf(tot["ceil_tp"], tot["ceil_pred"], tot["gold"])[2]
    for r in results:
        r["P"], r["R"], r["F1"] = prf(r["tp"], r["pred"], r["gold"])
    worst = sorted(results, key=lambda r: (r["F1"], -r["gold"], r["name"]))[:max(0, args.worst)]
    worst = [r for r in worst if r["F1"] < 1.0]

    summary = dict(label=label, set=info.get("set"), use=info.get("use"), mode=args.mode,
                   trim=args.trim,
                   cmd=args.cmd, documents=len(results), failed=len(failed),
                   P=p, R=rc, F1=f, ceiling_F1=ceil_f, wall_seconds=wall,
                   worst=[dict(name=r["name"], F1=r["F1"]) for r in worst], **tot)

    checks = []
    for k, what in (("unmapped", "sentences not found in the text"),
                    ("unreachable_gold", "gold links with a line holding no sentence"),
                    ("bad_ids", "ids out of range"),
                    ("uncovered", "sentences in no bead"),
                    ("repeated", "sentences in several beads"),
                    ("text_mismatch", "bead sides whose text differs from the segmenter's")):
        if tot[k]:
            checks.append("%d %s" % (tot[k], what))

    head = ("%s mode=%s%s docs=%d sents=%d/%d P=%.4f R=%.4f F1=%.4f time=%.1fs"
            % (label, args.mode, "+trim" if args.trim else "", len(results),
               tot["ru_sents"], tot["en_sents"],
               p, rc, f, wall))
    if ceil_f < 1.0:
        head += " ceiling=%.4f" % ceil_f
    if failed:
        head += " FAILED=%d" % len(failed)
    if args.moved:
        head += " moved=%d/%d" % (tot["moves_reported"], tot["moves"])
        if tot["moved_omissions"] or tot["moved_elsewhere"]:
            head += " moved-om/add=%d moved-elsewhere=%d" % (tot["moved_omissions"],
                                                            tot["moved_elsewhere"])
    if info.get("use") == "report":
        head += " (report-only set: never tune on it)"
    if args.oneline:
        print(head + ("  [" + "; ".join(checks) + "]" if checks else ""))
    else:
        print(head)
        print("  links: gold %d, predicted %d, correct %d; beads %d; aligner %.1fs over %d documents"
              % (tot["gold"], tot["pred"], tot["tp"], tot["beads"], tot["seconds"], len(results)))
        if args.moved:
            print("  moves: %d, reported once as moved %d, not reported %d, reported wrongly "
                  "(other sentences, or several notes) %d; omission/addition notes on moved "
                  "sentences %d; moved notes on no known move %d"
                  % (tot["moves"], tot["moves_reported"], tot["moves_missed"],
                     tot["moves_wrong"], tot["moved_omissions"], tot["moved_elsewhere"]))
        for c in checks:
            print("  check: " + c)
        for r in failed[:5]:
            print("  failed: %s: %s" % (r["name"], r["error"]))
        if len(failed) > 5:
            print("  failed: ... and %d more" % (len(failed) - 5))
        if args.worst > 0 and not worst:
            print("  worst F1: every document has F1 = 1")
        for r in worst:
            print("  worst F1: %.3f (P %.3f R %.3f, %d gold, %d predicted) %s%s"
                  % (r["F1"], r["P"], r["R"], r["gold"], r["pred"], r["name"],
                     "" if r["ok"] else " [failed]"))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fo:
            json.dump(dict(summary=summary, checks=checks, info=info,
                           documents=results), fo, ensure_ascii=False, indent=1)
            fo.write("\n")
    if args.require_moved and (tot["moves_reported"] < tot["moves"] or tot["moved_omissions"]
                               or tot["moved_elsewhere"]):
        print("score: %s: %d of %d moves reported once, %d omission/addition notes on moved "
              "sentences, %d moved notes elsewhere" % (label, tot["moves_reported"], tot["moves"],
                                                       tot["moved_omissions"],
                                                       tot["moved_elsewhere"]), file=sys.stderr)
        return 1
    if args.min_f1 is not None:
        if failed or f < args.min_f1:
            print("score: %s: F1 %.4f, %d failed documents: below --min-f1 %g"
                  % (label, f, len(failed), args.min_f1), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
